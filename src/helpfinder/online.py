"""Is the harm online? The routes for online abuse (CEOP, the IWF) are for what happens on a screen.

A signposter sends "a child told me they are being abused" to the NSPCC, not
to the online-abuse reporting route, because nothing in it is online. The
directory says which of its needs are about online harm in their own labels
("... online"); a query that names nothing online (a device, an app, a
message, an image, the internet) is about them only a little.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .text import flat, terms

if TYPE_CHECKING:
    from .directory import Directory
    from .needs import Classification

OFFLINE_SHARE = 0.5  # a need about online harm counts this much for a query that names nothing online
_ONLINE = frozenset(terms("online"))
# What puts a harm on a screen: the internet and its places, devices, messages and pictures.
_SCREEN = re.compile(
    r"\b(?:online|internet|web\w*|site|url|link|app|apps|game\w*|gaming|console|xbox|playstation|ps\d|phone|mobile|laptop|computer|pc|tablet|ipad|"
    r"camera|webcam|cam|stream\w*|live|chat\w*|messag\w*|text\w*|dms?|inbox|sent|send\w*|sext\w*|nudes?|naked|pics?|photos?|pictures?|images?|videos?|"
    r"selfies?|snap\w*|instagram|insta|tiktok|roblox|discord|whatsapp|facebook|fb|fortnite|minecraft|omegle|kik|telegram|twitch|reddit|youtube|"
    r"twitter|x|social media|grooming|groomed|groom\w*|sextortion|csam|porn\w*|material|content|account|profile|username|screenshot\w*|upload\w*|download\w*|post\w*|share\w*|leak\w*)\b"
)


def names_screen(query: str) -> bool:
    """Does the query name anything online: the internet, a device, an app, a message or an image?"""
    return bool(_SCREEN.search(flat(query)))


def online_needs(directory: Directory) -> set[str]:
    """The needs about online harm, by their own label ("Report ... of a child online")."""
    return {n.id for n in directory.needs if set(terms(n.label)) & _ONLINE}


def offline(directory: Directory, needs: Classification, query: str) -> None:
    """A query that names nothing online is about the online needs only a little (see ``OFFLINE_SHARE``)."""
    if names_screen(query):
        return
    for need in online_needs(directory):
        if need in needs.scores:
            needs.scores[need] *= OFFLINE_SHARE
