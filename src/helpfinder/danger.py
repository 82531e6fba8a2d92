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
    r"(saying|said|say|sent|messaged|texted) (me )?goodbye|goodbye (message|text)|sorry for everything",
    r"(had|have had|ive had) enough of (everything|it all|life|living|this life)|(tonight|today) is the (night|day)|tonights the night",
    r"(edge|top) of (the|a) (bridge|roof|cliff|building|car park|platform)|standing on (the|a) (bridge|roof|ledge|edge|railway)",
    r"\brope\b|\bnoose\b|(make|want) it (all )?(stop|end) (for good|forever)|(stop|end) for good",
    r"(live|living) or die|(dont|do not|cant|cannot) see the point|no point any ?more|no point (in )?(anything|trying)",
    r"plan(ning|ned)? (how |when )?(to )?(kill|end|hurt) (my ?self|it|my life)|(want|going) to hurt my ?self",
    # Single words and short phrases that, about oneself, speak of dying.
    r"ways to die|how to die|(reason|reasons) (for me )?to (live|stay alive|carry on|keep going)|stay alive",
    r"(happier|easier|better) (if|when|without) (i|me)\b|(wasnt|werent|was not|am not|wasn t) (around|here|alive) any ?more|if i (wasnt|werent|was not) (around|here|alive)",
    r"(swallowed|taken|took|downed) (a |the |all |a whole |whole )?(packet|box|bottle|load|lot)s? of|railway (line|track)s?|(train|motorway) tracks?",
    r"(done|finished) with (everything|life|it all|living)|(cant|cannot) keep going",
    r"(kill|killing|end|ending|hurt|hurting|cut|cutting) (him|her|them)sel(f|ves)",
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
    r"not breathing|unconscious|bleeding (heavily|badly|a lot)|on fire|\bsmoke\b|\bflames\b|gas leak|\bfire\b",
    r"hammer|crowbar|baseball bat|\bbat\b|\baxe\b|broken bottle|screwdriver|scissors|threaten\w* (me|her|him|us|them) with",
    r"(there is|theres|there s|someones|someone is|a man is|a man|a stranger|a stranger is) (in|outside|at|by) (my|the|our) (garden|door|window|house|home|flat|room|bedroom|back door|front door|car)",
    r"(got|get|getting|pulled|dragged|bundled) (in|into) (a|his|her|their|the) (car|van|taxi)|in the car and (wont|will not)|wont bring (him|her|them|my) ",
    r"(taken|took|snatched) (my|our) (son|daughter|child|children|kid|kids|baby|boy|girl)",
    r"ran away|run away|running away|phone is off|(not|isnt|wont stop) answering|cant (find|reach|get hold of) (him|her|them|my)",
    r"just (hit|punched|kicked|stabbed|attacked|hurt|strangled|choked|raped|assaulted|beat|threatened) (me|her|him|us|them|my)",
    r"dragg(ed|ing)|holding (me|her|him|us|them|my \w+) down|pinned (me|her|him)|\bscreaming\b",
    r"do (me|her|him|us|them|my \w+) in\b|beat(ing)? (me|her|him|us|them) up|(do it|come back) again (when|tonight|later)",
    r"kick(ing)? (in |down )?(the|my|our)? ?(front |back )?door( in| down)?",
    r"(is|are) (drunk|high) and (hitting|attacking|threatening|hurting)",
    # Violence or a threat going on: a present-tense verb of harm.
    r"(is|are|keeps?|been) (killing|chasing|smashing|beating|kicking|punching|hitting|strangling|choking|stabbing|grabbing|dragging|hurting|attacking)",
    r"(chasing|smashing|beating|killing) \w+|beating (someone|somebody|a \w+) up|(trying|tried) to (take|grab|snatch|get) (a|my|our|the) (child|kid|boy|girl|son|daughter|baby)",
    r"collapsed|(isnt|is not|not|wont) (waking|wake) up|(isnt|is not|not) responding|fitting|seizure|\bthuds?\b",
    r"(scared|afraid|frightened|too scared) to (leave|go home|move)|(locked|shut) (the )?(kids|children|me|us|her|him|them) in",
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


# Words that place an event in the past ("last month", "in 2019", "years ago"), when nothing says "now".
_PAST = re.compile(r"\b(last (week|month|year|term|summer|winter|christmas)|but (came|come) back|came home|\d+ (years|months|weeks) ago|years ago|months ago|in (19|20)\d\d|when i was)\b")
_NOW = re.compile(r"\b(now|right now|still|again|currently|tonight|today|at the moment|keeps?)\b")


def detect(query: str) -> list[tuple[str, str]]:
    """The crisis needs a query speaks of, each with the words that said so.

    [("self-harm", "cant go on")], [("emergency", "knife")], both (danger to
    life from someone else first), or [].
    """
    text = _flat(query)
    found = []
    past = bool(_PAST.search(text)) and not _NOW.search(text)
    for need, pattern in ((EMERGENCY, _DANGER_RE), (SELF_HARM, _SUICIDE_RE)):
        if need == EMERGENCY and past:
            continue  # it happened then; a danger now would say so
        said = _found(pattern, text)
        if said is not None:
            found.append((need, said))
    return found
