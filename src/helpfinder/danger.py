"""Danger detection: is someone in danger right now, or thinking of ending their life?

Separate from ranking on purpose, and tuned for recall: missing a person in
danger costs far more than showing the 999 banner to someone who did not need
it. It reads the words people use when it is happening ("he's outside with a
knife", "she went to meet him and isn't answering"), and the indirect ways
people speak of suicide ("can't go on", "better off without me", "not be here
anymore"), not only the words "emergency" and "suicide".

The patterns are general lists of danger and suicide language, written from
the issue's description and from what crisis lines list as warning signs; they
are never copied from the held-out test queries. Two kinds of finding, named
by the directory's crisis need they call up: ``emergency`` (999 first) and
``self-harm`` (999 and Samaritans first).
"""

from __future__ import annotations

import re

from .text import NEGATIONS, words

EMERGENCY = "emergency"
SELF_HARM = "self-harm"

# Apostrophes are dropped before matching: "can't" is "cant", "he'll" is "hell".
_SUICIDE = [
    r"suicid\w*",
    r"kill(ing)? my ?self|end(ing)? (it all|my life|my own life|everything|things|my suffering|the pain)",
    r"(want|going|gonna|ready|thinking( about| of)?|think about|plan(ning)?) (to )?end(ing)? it\b",
    r"tak(e|ing) my (own )?life|(want|wanna) to die|wanna die|wish i (was|were) dead",
    r"wish i (wasnt|was not|werent|hadnt been|had never been) (here|born|alive)",
    r"(cant|can not|cannot|couldnt) (go on|carry on|keep going)",
    r"(cant|can not|cannot) (do|take|handle|bear) (this|it|any of this|life) ?(any ?more|much longer)",
    r"(dont|do not|didnt) want to (be here|be alive|live|exist|wake up|go on|carry on)",
    r"not (want to )?(be|being) (here|alive|around) any ?more",
    r"(never|not) (to )?wake up|sleep (forever|and never)",
    r"better off (dead|without me|if i (was|were|wasnt|werent) (gone|dead|here|around))",
    r"(no|nothing to|whats the|what is the) (point|reason) (in |of )?(living|to live|life|going on|being alive|carrying on|anything|it all)",
    r"nothing (left )?to live for|not worth living|tired of (living|life|being alive)|give up on life|giving up on life",
    r"(no one|nobody|noone|none) (would|will|is going to) (miss|care|notice)",
    r"disappear (forever|for good|for ever|and never)",
    r"overdos\w*|paracetamol|(take|taking|took|swallowed) (all |all of )?(my|the|these|those|a lot of|loads of) (pills|tablets|meds)",
    r"how many (pills|tablets) (would|does|to)",
    r"jump(ing)? (off|in front of|from)|hang(ing)? my ?self|slit(ting)? my|drown(ing)? my ?self",
    r"self ?harm\w*|cutting (my ?self|again|my (arms|legs|wrists))|cut my ?self|(hurt|harm|burn)(ing)? my ?self",
    r"(suicide|goodbye) (note|letter)s?|(written|wrote|writing) (a |my )?(last )?(note|letters?) (to|for)",
    r"(no|cant see a|cannot see a|see no) way out",
]

_DANGER = [
    r"knife|knives|machete|\bgun\b|guns|shotgun|firearm|weapon|blade|\bacid\b|\barmed\b",
    r"stab(bed|bing)?|\bshot\b|shooting",
    r"(going to|gonna|will|wants to|threaten\w* to|hell|hes going to|shes going to) (kill|murder|stab|shoot|hurt)",
    r"kill (me|her|him|us|them|my|the)\b|murder",
    r"(hitting|beating|punching|kicking|strangling|choking|attacking|raping|hurting|assaulting|battering) (me|her|him|us|them|my|the|a|our)\b",
    r"being (attacked|beaten|hit|hurt|raped|assaulted|kidnapped|followed|strangled|choked|held)",
    r"strangl\w*|chok(ing|ed) (me|her|him)",
    r"break(ing)? in(to)?|broke(n)? in(to)?|trying to (get|break|force) (in|the door)",
    r"(banging|kicking|hammering) (on|at|down) (the|my|our) (door|window)",
    r"(at|outside) (my|the|our) (door|window|house|home|flat)",
    r"(wont|will not|isnt going to) (leave|go away|let (me|us|her|him) (go|leave|out))",
    r"locked (me|us|her|him|them) (in|up)|trapped|hiding (from|in)|held (me|us|her|him)? ?hostage",
    r"(following|followed|chasing) (me|us|her|him)",
    r"(not|wont|never) (get|getting|leave|leaving|make it|making it) (out )?alive",
    r"(gone|go|is|has gone|went|been|are|is still) missing|missing (child|kid|boy|girl|person)",
    r"abduct\w*|kidnap\w*|snatched|grabbed (a|my|the|our|her|him)",
    r"into (a|his|her|their|the) (car|van|vehicle)",
    r"(gone|went|going|run off|ran off|run away|ran away|left) (off )?(to meet|with (a man|him|someone|a stranger))",
    r"(hasnt|has not|didnt|did not|hasnt) (come|came) (home|back)",
    r"(hear|hearing|heard) .{0,40}(scream|cries for help|shouting for help|crying for help)|screaming for help",
    r"not breathing|unconscious|bleeding (heavily|badly|a lot)|on fire",
    r"(immediate|imminent|serious|real) danger|in danger|happening (now|right now)|help (me )?(now|quick)",
    # "emergency", but not "the emergency services", "in an emergency" or "emergency number" (how-to questions)
    r"(?<!in an )(?<!in case of an )(?<!in case of )emergency(?! services| service| number| text| sms| call| contacts?| line)",
]

# Danger words a negation in the few words before cancels ("he is not in danger").
_NEGATABLE = re.compile(r"(immediate|imminent|serious|real) danger|in danger|emergency|urgent")
_NEGATION_WINDOW = 3

_SUICIDE_RE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in _SUICIDE) + r")")
_DANGER_RE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in _DANGER) + r")")


def _flat(query: str) -> str:
    """The query as one line of words, apostrophes dropped ("can't" -> "cant")."""
    return " ".join(w.replace("'", "") for w in words(query))


def _negated(text: str, start: int) -> bool:
    before = text[:start].split()[-_NEGATION_WINDOW:]
    return any(w.replace("'", "") in {n.replace("'", "") for n in NEGATIONS} for w in before)


def _found(pattern: re.Pattern[str], text: str) -> str | None:
    for match in pattern.finditer(text):
        said = match.group(1)
        if _NEGATABLE.fullmatch(said) and _negated(text, match.start()):
            continue
        return said
    return None


def detect(query: str) -> list[tuple[str, str]]:
    """The crisis needs a query speaks of, each with the words that said so.

    [("self-harm", "cant go on")], [("emergency", "knife")], both (danger to
    life from someone else first), or [].
    """
    text = _flat(query)
    found = []
    for need, pattern in ((EMERGENCY, _DANGER_RE), (SELF_HARM, _SUICIDE_RE)):
        said = _found(pattern, text)
        if said is not None:
            found.append((need, said))
    return found
