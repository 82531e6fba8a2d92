"""Whose images: the asker's own, or other people's (children's), and which services are for which.

Someone whose own nude was shared needs the routes that take images down for
the person in them (Report Remove under 18, the Revenge Porn Helpline for
adults); someone who came across images of children needs the route for
reporting what they have seen (the IWF); someone whose partner, relative or
child looks at such images, or keeps them on a device, needs neither: that is
behaviour to get help with (Stop It Now) or tell the police. Each service says which it is in its
own description ("an image of you", "images you have seen"), so the rule reads
that, not a list of services.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from .text import flat

if TYPE_CHECKING:
    from .directory import Directory

# Whose images: the asker's own ("nudes of me", "i sent pics"), or other people's, children's ("found child abuse images").
_OWN_IMAGES = re.compile(
    r"\b(?:of me|me naked|my (?:nudes?|naked \w+|private \w+|intimate \w+|photos|pics|pictures|images|videos?)"
    r"|i (?:sent|shared|took|made) (?:\w+ )?(?:pics|photos|nudes|pictures|videos?|a video|a picture|a photo|a nude)"
    # Asked for one's own: "wants me to send pics", "keeps asking me for nudes".
    r"|(?:me|us) (?:to )?(?:send|sending|share|take) (?:\w+ )?(?:pics|photos|nudes|pictures|videos?|selfies)|asking (?:me|us) for (?:\w+ )?(?:pics|photos|nudes|pictures|videos?|selfies))\b"
)
_OTHERS_IMAGES = re.compile(
    r"\b(?:of|showing|involving) (?:children|child|kids|a child|a kid|under ?18s|minors|young child|young children|little \w+)\b|\bchild (?:porn\w*|abuse (?:images|material|videos?|content))|\bindecent images\b|\bcsam\b"
)


# Someone's use of images (looking at them, keeping them on a device) is behaviour to get help with (or tell the
# police about), not something seen online to report by its web address: "my dad has been looking at indecent images".
_IMAGE = r"(?:\w+ ){0,3}?(?:images|pictures|photos|pics|videos|porn\w*|material|content)"
_USING = re.compile(
    rf"\b(?:look(?:s|ed|ing)? at|watch(?:es|ed|ing)?|view(?:s|ed|ing)?|download(?:s|ed|ing)?|search(?:es|ed|ing)? for|collect(?:s|ed|ing)?) {_IMAGE}\b"
    r"|\bon (?:my|his|her|their|our|the family) (?:\w+ )?(?:phone|computer|laptop|tablet|pc|ipad|hard drive|device|mac)\b|\b(?:search|browser|browsing|internet) history\b"
)


def whose_images(query: str) -> Literal["own", "others", "use"] | None:
    """Are the images the query speaks of the asker's own, other people's (children's), or someone's use of them?"""
    text = flat(query)
    if _OWN_IMAGES.search(text):
        return "own"
    if _USING.search(text) and (_OTHERS_IMAGES.search(text) or re.search(_IMAGE, text)):
        return "use"
    return "others" if _OTHERS_IMAGES.search(text) else None


# How a service's own description says whose images it deals with.
_FOR_OWN_IMAGES = re.compile(r"\b(?:of you|your (?:intimate )?images|whose (?:intimate )?images)\b")
_FOR_SEEN_IMAGES = re.compile(r"\byou have (?:seen|come across|found)\b")


def for_other_images(directory: Directory, whose: str | None) -> set[int]:
    """The numbers of the services for the other kind of images than the query's (none if it speaks of none)."""
    if whose is None:
        return set()
    wrong = {"own": [_FOR_SEEN_IMAGES], "others": [_FOR_OWN_IMAGES], "use": [_FOR_SEEN_IMAGES, _FOR_OWN_IMAGES]}[whose]
    return {n for n, service in enumerate(directory.services) if any(w.search(service.description) for w in wrong)}


def for_these_images(directory: Directory, whose: str | None) -> set[int]:
    """The numbers of the services for the query's own kind of images: those that take down the asker's own, or take reports of images seen."""
    wanted = {"own": _FOR_OWN_IMAGES, "others": _FOR_SEEN_IMAGES}.get(whose or "")
    return set() if wanted is None else {n for n, service in enumerate(directory.services) if wanted.search(service.description)}


_NAMES_IMAGES = re.compile(r"\b(?:images?|pictures?|photos?|pics?|videos?|nudes?|material|csam|url|website|web address|link|site)\b")


def names_images(query: str) -> bool:
    """Does the query speak of images, or of the web address they are at?"""
    return bool(_NAMES_IMAGES.search(flat(query)))
