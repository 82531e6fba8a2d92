"""Who is asking: a child or teenager, an adult worried about a child, or a professional.

"im 13", "my daughter (12)" and "I'm a teacher" change the best route: Childline
for a child, NSPCC for an adult worried about a child, CEOP for anyone
reporting online abuse. Read from plain cues only; when nothing says who is
asking, nothing is assumed.
"""

from __future__ import annotations

import re
from typing import Literal

from .text import flat

Asker = Literal["child", "parent", "professional", "adult"] | None

# Ages up to 19 said in words ("im fourteen") read as numbers.
_AGE_WORDS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_AGE_WORD = re.compile(r"\b(?:im|i am|iam|i m)\s+(?:only\s+|just\s+)?(" + "|".join(_AGE_WORDS) + r")\b")
_AGE = re.compile(r"\b(?:im|i am|iam|i m)\s+(?:only\s+|just\s+)?(\d{1,2})\b(?!\s*(?:minutes|hours|days|weeks|months|mins))")
_AGED = re.compile(r"\b(?:im|i am)\s+(?:a|an)\s+(\d{1,2})\s*(?:year|yr)s?\s*old\b")
_CHILD = re.compile(
    r"\b(?:im|i am)\s+(?:only\s+|just\s+)?(?:a\s+)?(?:kid|child|teen|teenager|young person|schoolgirl|schoolboy|minor|under 18|underage)\b"
    r"|\b(?:im|i am)\s+in\s+year\s+\d{1,2}\b|^year\s+\d{1,2}\b|\bmy (?:step ?dad|step ?mum|step ?mom|teacher)\b"
    # A child's voice: their school year or school, and a parent said as "mum" ("when mum is at work").
    r"|\bin year\s+\d{1,2}\b|\bi (?:go to|am at|m at) (?:secondary|high|primary|middle) school\b|\bmy (?:form tutor|head of year|class teacher)\b"
    r"|\b(?:when|while|because|cos|and|but|if|until|til) (?:mum|mam|mom|dad) (?:is|was|goes|gets|isnt|leaves|works|finds|comes)\b"
    # A parent's partner, as a child says it.
    r"|\bmy (?:mums|moms|mams|dads) (?:new )?(?:boyfriend|girlfriend|partner)\b"
)
# A pupil's words, with a harm: "someone at my school shared my nudes" (a teacher says "a pupil at my school" first;
# "at my school the lunches are awful" is no worry).
_AT_MY_SCHOOL = re.compile(r"\b(?:at|in|from) my school\b")
# An adult speaking of their own childhood: "when I was little", "as a kid".
_CHILDHOOD = (
    r"\b(?:when i was|as a|since i was)\s+(?:a\s+)?(?:kid|child|little|young|younger|boy|girl|teenager|teen)\b"
    r"|\b(?:growing up|in my childhood|throughout my childhood|my whole childhood|as a youngster)\b"
    # An age in childhood: "when i was 8", "since i was twelve".
    r"|\b(?:when i was|since i was|from when i was|from the age of)\s+(?:about\s+|only\s+|just\s+)?"
    r"(?:[1-9]|1[0-5]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)\b(?!\s*(?:minutes|hours|days|weeks|months|mins|pm|am))"
)
_IN_CHILDHOOD = re.compile(_CHILDHOOD)
_SURVIVOR = re.compile(rf"{_CHILDHOOD}|\b(?:\d\d|ten|twenty|thirty|forty|fifty|many) years ago\b")
_ROLES = (
    r"(?:teacher|social worker|youth worker|nurse|doctor|gp|health visitor|"
    r"childminder|counsellor|therapist|coach|practitioner|support worker|police officer|head teacher|headteacher|teaching assistant|"
    r"dsl|safeguarding lead|designated safeguarding lead|scout leader|leader|carer|foster carer|foster parent|foster mum|foster dad|professional)"
)
_PROFESSIONAL = re.compile(
    rf"\b(?:im|i am|as|i work as)\s+(?:a|an|the)\s+(?:\w+\s+)?{_ROLES}\b"
    r"|\bi work (?:with|in|at) (?:child|children|kids|young person|young people|a school|a nursery|a child|a children)|\bsafeguarding lead\b|\bdsl\b"
    r"|\bmy (?:pupil|pupils|student|students|patient|client)\b|(?<!im )(?<!i am )\b(?:a|one of my|one of our) (?:pupil|student|patient)s?\b|\b(?:my|a) colleague\b|\bpupils\b"
    r"|^(?:school |primary |secondary |nursery |senior |class |a |an )?(?:teacher|social worker|youth worker|nurse|school nurse|health visitor|childminder|counsellor|gp|dsl|safeguarding lead|teaching assistant|foster carer|foster parent|foster mum|foster dad|youth leader)\b"
    r"(?! (?:at|from|in) (?:my|our) (?:school|college|club|class))"  # "a teacher at my school ...": someone else
    r"|\b(?:teacher|nurse|social worker|health visitor|childminder|youth worker|dsl) here\b"
    # Running a club or group for children, or asking what professionals do.
    r"|\bi (?:run|manage|lead|coach|help run) (?:a|an|the|our) (?:\w+ ){0,2}(?:club|group|team|class|nursery|playgroup|camp|troop|squad|academy)\b|\bprofessionals\b"
)
_PARENT = re.compile(
    r"\bmy\s+(?:\d{1,2}\s*(?:yo|y/o|yr old|year old|years old)\s+|(?:teenage|little|young|youngest|eldest|oldest|older|younger|baby|adopted|foster|disabled|autistic)\s+)?(?:sons?|daughters?|kids?|child|children|boys?|girls?|stepsons?|stepdaughters?|"
    r"grandson|granddaughter|grandchild|niece|nephew|teenager|teen|baby|toddler)\b"
    r"|\bmy\s+\d{1,2}\s*(?:yo|y/o|yr old|year old|years old)\b|\b(?:im|i am) (?:a|the) (?:parent|mum|mom|dad|father|mother|grandparent|grandmother|grandfather)\b"
    r"|\bparent here\b|\bour (?:son|daughter|kid|kids|child|children|boy|girl)\b"
)
# "My mum", "my dad": a child's words when something is done to them ("my dad hits me"); an adult says them too
# ("my mum is deaf, how does she call the police"), so on their own they say nothing.
_PARENT_OF_ASKER = re.compile(r"\bmy (?:mum|mom|mam|dad|parents)\b")
ADULT_AGE = 18
# A husband, wife or partner (now or before) is an adult's; a boyfriend or girlfriend may be a teenager's.
_SPOUSE = re.compile(r"\bmy (?:husband|wife|partner|spouse|fiance|fiancee|ex|ex (?:husband|wife|partner))\b")

# Something done to the person asking: "he is blackmailing me", "i was raped", "share my nudes".
_HARMED = r"(?:mug(?:ged|ging)|rob(?:bed|bing)|burgl\w*|scamm\w*|spik\w*|drugg\w*|punch\w*|kick\w*|beat(?:en|ing)?|slapp\w*|stole|stolen|follow\w*|blackmail\w*|threaten\w*|sextort\w*|extort\w*|shar\w*|post\w*|leak\w*|rap(?:e|ed|ing)|abus\w*|assault\w*|groom\w*|grop(?:e|ed|ing)|molest\w*|fondl\w*|hurt\w*|touch\w*|forc\w*|made|hit\w*|hits|attack\w*|harass\w*|stalk\w*|exploit\w*|pressur\w*|bull(?:y|ied|ying)|trick\w*)"
_VICTIM = re.compile(
    rf"\b{_HARMED}(?:\s+\w+){{0,4}}?\s+(?:me|us|my (?:pics|photos|pictures|nudes|images|videos?|body))\b"
    rf"|\b(?:i was|i got|i've been|ive been|i have been|im being|i am being|i'm being|was i|after being|after getting)\s+(?:\w+\s+)?{_HARMED}"
    r"|\bhappened to me\b|\b(?:victim|survivor)\b|\b(?:broke|broken) into my\b|\bstole my\b|\b(?:abused|hurt|raped|touched) me\b|\b(?:had|tried to have|forced) sex with me\b|\bwithout my consent\b"
    # Abuse by a partner, said of them: "my partner is controlling", "my husband has been violent".
    r"|\bmy (?:partner|husband|wife|boyfriend|girlfriend|ex|fiance|fiancee) (?:is|keeps|has been|gets|can be) (?:\w+ )?(?:controlling|abusive|violent|coercive)\b"
)


# How the person asking wants to (or can only) reach help: "can I text them", "by email", "I use BSL".
_CHANNEL_WORDS = {
    "text": r"text|txt|sms|texting|message",
    "email": r"email|e mail",
    "chat": r"chat|webchat|web chat|live chat|online chat",
    "bsl": r"bsl|sign language|signing|signer",
    "textphone": r"textphone|minicom|typetalk|text relay|relay",
}
_WISH_TO = r"(?:can i|could i|can you|i want to|i would rather|id rather|prefer to|prefer|is there a|is there any|a way to|only|just|by|via|over|through|using|use|i use)"
_CHANNELS = {
    channel: re.compile(rf"\b{_WISH_TO} (?:\w+ )?(?:{words})\b|\b(?:{words}) (?:service|line|number|support|only|instead|them|someone|you|the police|999|for help)\b")
    for channel, words in _CHANNEL_WORDS.items()
}
# Not able to speak on a call: text routes fit; not able to hear: sign language too. Said only when no channel is asked for.
_NO_SPEECH = re.compile(
    r"\b(?:cant|cannot|can not|unable to|struggle to|find it hard to) (?:talk|speak|get (?:the )?words out)\b|\b(?:mute|non verbal|nonverbal|non speaking|stammer|stutter|no voice|lost my voice)\b"
)
_NO_HEARING = re.compile(r"\b(?:cant|cannot|can not|unable to|struggle to) hear\b|\b(?:deaf|hard of hearing|hearing impaired)\b")
# Sign language is for Deaf people who sign; someone hard of hearing (or who "can't hear" on a call) types instead.
_SIGNS = re.compile(r"\bdeaf\b|\bsign(?:s|ing)?\b(?! up)")


# Calling for help: a phone call, the police, 999 or 101.
_CALLING = re.compile(r"\b(?:phone|phones|call|calls|calling|ring|ringing|999|101|police|emergency|report\w*)\b")


def cannot_call(query: str) -> bool:
    """Does the person asking say they cannot speak or hear on a call for help ("i stammer and cant get words out on the phone")?

    Not "mute" (a button), and not a hearing aid to buy: only beside a call, the police, 999, 101 or a report.
    """
    text = flat(query)
    unable = [m.group(0) for m in (*_NO_SPEECH.finditer(text), *_NO_HEARING.finditer(text)) if m.group(0) != "mute"]
    return bool(unable) and bool(_CALLING.search(text))


def channels(query: str) -> set[str]:
    """The channels the person asking wants or needs ("can I text 999" -> {"text"}); empty when they do not say."""
    text = flat(query)
    wanted = {channel for channel, pattern in _CHANNELS.items() if pattern.search(text)}
    if not wanted and _NO_HEARING.search(text):
        wanted = {"text", "textphone", "bsl"} if _SIGNS.search(text) else {"text", "textphone"}
    elif not wanted and _NO_SPEECH.search(text):
        wanted = {"text", "textphone"}
    return wanted


# A sexual harm done to the person asking ("someone had sex with me", "i was groped"), not images or a childhood long ago.
_SEXUAL_HARM = re.compile(
    r"\b(?:(?:had|tried to have|forced) sex with me|(?:raped|groped|molested|fondled|sexually (?:assaulted|abused|touched)) me"
    r"|i (?:was|got|have been|ve been|think i was) (?:\w+ )?(?:raped|groped|molested|fondled|sexually (?:assaulted|abused|touched)))\b"
)


def sexual_harm(query: str) -> bool:
    """Does the person asking say a sexual harm was done to them ("had sex with me", "i was groped")?"""
    return bool(_SEXUAL_HARM.search(flat(query)))


_NOT_URGENT = re.compile(r"\b(?:not|isnt|is not|wasnt) (?:urgent|an emergency|a emergency|life threatening)|\bnon ?emergency\b|\bno rush\b|\bnot in danger\b")


def not_urgent(query: str) -> bool:
    """Does the person asking say it is not urgent ("a crime that is not urgent", "non emergency")?"""
    return bool(_NOT_URGENT.search(flat(query)))


def harmed(query: str) -> bool:
    """Does the person asking say something was done, or threatened, to them?"""
    return bool(_VICTIM.search(flat(query)))


def survivor(query: str) -> bool:
    """Does the person asking speak of their own childhood ("when I was little", "growing up")?"""
    return bool(_SURVIVOR.search(flat(query)))


def in_childhood(query: str) -> bool:
    """Does the person asking speak of their childhood itself ("as a kid", "growing up"), not only of long ago?"""
    return bool(_IN_CHILDHOOD.search(flat(query)))


# Asking how to take up one of these roles as a job, and nothing more, is a career question, not a worry.
# Or any other job, said last ("my friend wants to become a paramedic") in a query naming no harm; not the police's
# own volunteer roles (a way to help), nor a better or safer self ("become a better dad").
_JOB = r"(?<!\bpolice )(?<!\bbetter )(?<!\bsafer )(?!police\b|officer\b|constable\b|specials?\b|volunteer\b|cadet\b|copper\b)\w+"
_CAREER = re.compile(
    rf"\b(?:become|becoming|train(?:ing)? (?:to be|as)|qualif\w* (?:to be|for|as)|career as|job as|apply (?:to be|for a job as)|study to be)\s+(?:a|an)\s+(?:\w+\s+){{0,2}}(?:{_ROLES}|{_JOB})"
    r"(?:\s+(?:full time|part time|as a job|as a career|in the uk|near me))?$"
)


# What makes a query a worry at all: another person ("my son", "someone", "he"), a harm or a fear ("abused",
# "scared", "nudes"), unease about oneself, or a way to safety (police, 999, reporting, a helpline). A query with none of these ("my
# boiler is broken", "train times to leeds", "change my gp") is off-topic however many of the directory's words it uses.
_OTHER_PERSON = (
    r"someone|somebody|some one|anyone|anybody|no one|nobody|he|she|they|him|her|them|hes|shes|theyre|hell|shell|his|their|"
    r"man|men|woman|women|guy|guys|lad|lads|bloke|girl|girls|boy|boys|stranger|strangers|adult|adults|person|people|"
    r"child|children|kid|kids|baby|babies|toddler|teen|teens|teenager|teenagers|son|sons|daughter|daughters|niece|nephew|grandson|granddaughter|grandchild\w*|"
    r"pupil|pupils|student|students|partner|boyfriend|girlfriend|husband|wife|ex|mum|mom|mam|dad|parents?|step ?dad|step ?mum|stepfather|stepmother|"
    r"brother|sister|sibling|uncle|aunt|auntie|cousin|nan|gran|grandad|grandma|family|friend|friends|mate|mates|neighbour|neighbours|"
    r"carer|colleague|boss|coach|teacher|gang|predator|paedo\w*|nonce|offender|victim|survivor|witness"
)
_HARM_OR_FEAR = (
    r"mug(?:ged|ging)|rob(?:bed|bing|bery)|burgl\w*|scamm\w*|spiked|drugged|punch\w*|beat(?:en|ing)|slapp\w*|stole|stolen|stalk\w*|blackmail\w*|sextort\w*|extort\w*|"
    r"leak\w*|rap(?:e|ed|ing|ist)|abus\w*|assault\w*|groom\w*|attack\w*|harass\w*|exploit\w*|bull(?:y|ied|ying)|radicali[sz]\w*|controll\w*|coerc\w*|"
    r"harm\w*|hurt\w*|violen\w*|neglect\w*|flash(?:ed|ing|er)|expos(?:ed|ing|ure)|threat\w*|danger\w*|unsafe|safe|safety|safeguard\w*|"
    r"scared|afraid|frighten\w*|terrified|fear\w*|worr\w*|concern\w*|suspicious|creepy|uncomfortable|"
    r"csam|cse|csa|cp|nudes?|naked|pics|photos?|pictures?|images?|videos?|sext\w*|porn\w*|indecent|explicit|sexual\w*|sex|"
    r"crime\w*|criminal|police|999|101|report\w*|anonymous\w*|evidence|drugs?|knife|knives|weapons?|gun|"
    r"kill\w*|die|dying|dead|suicid\w*|urges?|thoughts|depress\w*|anxi\w*|panic\w*|lonely|alone|low|cope|coping|struggl\w*|"
    r"upset|crying|secret|trauma\w*|disclos\w*|touch\w*|follow(?:ed|ing)|hit|hits|hitting|kick(?:ed|ing)|forc(?:ed|ing)|made me|shared|posted|posting|pressur\w*|"
    r"missing|runaway|deaf|hearing|bsl|sign language|textphone|speech|volunteer\w*|constable|police cadets?|join (?:the )?cadets|(?:become|join|be|joining|becoming) (?:a |the )?specials?|"
    r"tip ?off|identity|(?:without|not|never|no) (?:\w+ ){0,3}(?:my name|who i am)|"
    # Where children meet strangers online.
    r"online|chat\w*|dms?|snap\w*|instagram|insta|tiktok|roblox|discord|whatsapp|facebook|fortnite|minecraft|omegle|kik|telegram|twitch|reddit|xbox|playstation"
)
# Unease about oneself, said without naming a harm ("something happened", "things i shouldnt look at", "i feel ashamed").
_UNEASE = (
    r"happened|happening|shouldnt|should not|inappropriat\w*|weird|strange|attract\w*|told|ashamed|shame|guilt\w*|disgust\w*|embarrass\w*|"
    r"hopeless|worthless|sad|unhappy|miserable|stressed|overwhelmed|hate myself|angry|rage|feel|feeling|feelings"
)
_HARM_SIGN = re.compile(rf"\b(?:{_HARM_OR_FEAR})\b")
_WORRY_SIGN = re.compile(rf"\b(?:{_OTHER_PERSON}|{_HARM_OR_FEAR}|{_UNEASE})\b")


def speaks_of_worry(query: str) -> bool:
    """Does the query name another person, a harm or fear, a way to safety, or a way they cannot reach help?

    Off-topic ones name none: "my boiler is broken", "train times to leeds".
    """
    return bool(_WORRY_SIGN.search(flat(query)) or channels(query))


def speaks_of_harm(query: str) -> bool:
    """Does the query name a harm, a fear or a way to safety ("csam", "scared", "report")? A person alone is not one."""
    return bool(_HARM_SIGN.search(flat(query)))


def career(query: str) -> bool:
    """Is the query about taking up a caring or policing role as a job ("how do I become a teacher")?"""
    text = flat(query)
    found = _CAREER.search(text)
    if found is None or "volunteer" in found.group(0):  # "a volunteer police officer" is a special constable: a way to help
        return False
    return re.search(rf"\b{_ROLES}\b", found.group(0)) is not None or not _HARM_SIGN.search(text)


# A child spoken of by someone else: "a child", "the kids next door", "a little girl", "his stepdaughter", "an 8 year old".
_THIRD_CHILD = re.compile(
    r"(?<!\bas )(?<!\bwas )(?<!\bbeing )(?<!\bof )\b(?:a|an|the|this|that|some|these|those|his|her|their|our neighbours?|a neighbours?) (?:little |young |small |local |\w+ year old )?"
    r"(?:child|children|kid|kids|boy|boys|girl|girls|toddler|baby|teenager|teen|youngster|pupil|son|daughter|stepson|stepdaughter|stepchild|niece|nephew)\b"
    r"|\b(?:an?|the) \d{1,2} ?(?:year old|yo)\b"
)


def about_a_child(query: str) -> bool:
    """Does the query speak of a child in the third person ("a child", "his stepdaughter", "the kids next door")?"""
    return bool(_THIRD_CHILD.search(flat(query)))


# The person asking offers their help against crime or abuse ("how can i help stop child abuse", "help catch abusers
# legally", "help my local police"), not help for someone in need ("help my son stop ...").
_OFFERS_HELP = re.compile(
    r"\b(?:help|helping|volunteer\w*|get involved|make a difference|do my bit|give something back)\b(?!\s+(?:my|her|him|them|me|us|a child|this child)\b)"
    r"(?:\s+\w+){0,3}?\s+(?:stop|catch|fight|tackle|prevent|end|protect|keep|police|policing|officers?)\b"
)


def offers_help(query: str) -> bool:
    """Does the person asking offer their own help against crime or abuse, the way volunteers with the police do?"""
    return bool(_OFFERS_HELP.search(flat(query)))


# (Read after ``flat``, which makes "children", "people" and "men" singular.)
# Unease about one's own (or someone's) sexual interest in children: "i think i have a problem with what i watch",
# "attracted to younger girls", "people with paedophilic thoughts".
_OWN_THOUGHTS = re.compile(
    r"\b(?:have a problem with (?:what i|porn|the (?:things|stuff) i|images|looking)|(?:am|m|im) addicted to (?:porn|images|looking|watching)"
    r"|cant stop (?:looking at|watching|searching for|thinking about) (?:\w+ )?(?:porn|images|pictures|videos|child|kids|teens|young|girls|boys|minors)"
    r"|attracted to (?:(?:one|some) of )?(?:my |the )?(?:child|kids|minors|teens|teenagers|young|younger|little|girls|boys|under|pupils?)"
    r"|i (?:have|get|keep getting|am having|m having) (?:urges|sexual thoughts|fantasies|thoughts about (?:child|kids|minors))"
    r"|(?:person|someone|somebody|those|anyone|man|adults) (?:who are|who is|who feel|with|having) (?:\w+ )?(?:sexually interested|attracted|paedophilic|urges|sexual thoughts))\b"
)


# Someone close (or the asker) arrested, charged or on the register: the family of someone who may pose a risk.
_CLOSE_ONE_ACCUSED = re.compile(
    r"\bmy (?:\w+ )?(?:partner|husband|wife|boyfriend|girlfriend|brother|sister|dad|father|mum|mom|son|daughter|uncle|cousin|friend|family member|relative|ex|grandad|grandfather)"
    r" (?:\w+ ){0,3}?(?:arrested|charged|cautioned|raided|on bail|under investigation|convicted|sentenced|on the (?:sex offenders )?register)\b"
    r"|\bi (?:\w+ ){0,2}?(?:arrested|cautioned|raided|on bail|under investigation|on the (?:sex offenders )?register)\b"
)


def own_thoughts(query: str) -> bool:
    """Does the query speak of a sexual interest in children as a worry about oneself (or the people who have it),
    or of someone close (or the asker) arrested or charged, as the families Stop It Now helps do?"""
    text = flat(query)
    return bool(_OWN_THOUGHTS.search(text) or _CLOSE_ONE_ACCUSED.search(text))


# What the routes for people who may pose a risk to children are for: sexual thoughts or behaviour, children,
# images, or someone accused. A query that names none of these ("my husband controls all our money") is not theirs.
_RISK_SUBJECT = re.compile(
    r"\b(?:sex\w*|porn\w*|nudes?|naked|images?|pictures?|pics?|photos?|videos?|child\w*|kids?|boys?|girls?|teen\w*|minors?|"
    r"underage|young\w*|pupils?|paedo\w*|pedo\w*|urges?|attract\w*|fantas\w*|arrest\w*|charged|accused|register)\b"
)


def speaks_of_risk(query: str) -> bool:
    """Does the query name what the routes for people who may pose a risk are for (sex, children, images, an accusation)?"""
    return bool(_RISK_SUBJECT.search(flat(query))) or own_thoughts(query) or about_a_child(query)


# Not wanting to be known as the one who told: "if they knew i told", "find out it was me", "a grass", "secretly"
# (not a secret kept: "he said it was our little secret" is a child's worry).
_UNNAMED = re.compile(
    r"\b(?:(?:find|found|finding) out (?:it was|it came from) me|(?:knew|know|knows|find out|found out|finds out|tell|trace \w+ back to me|traced) (?:that )?"
    r"(?:it was me|i (?:told|reported|said|went|spoke|called|grassed)|who (?:i am|told|reported))"
    r"|without (?:giving|leaving|saying|sharing) my (?:name|details|identity|number|address)|without (?:them|anyone|him|her|people) knowing (?:it was me|who i am|my name)|without saying who i am|secretly|in secret|(?:identity|name) (?:a )?secret|secret (?:tip|report)\w*|snitch\w*|(?:being|be|called|call me|seen as|known as|like) a grass\b|grass(?:ed|ing)? (?:on|up)|grassed|informer"
    r"|(?:named|identified|seen) as (?:a|the) (?:witness|grass|snitch|informer|source)|cant be seen (?:talking|speaking|going) to)\b"
)
# Fears that are about telling only when the query speaks of telling.
_UNNAMED_IF_TELLING = re.compile(r"\b(?:repercussions|reprisals?|retaliation|in confidence|dont want (?:\w+ ){0,3}(?:to know|knowing|finding out))\b")


# Telling: "my boss finding out i'm job hunting" or "the repercussions of leaving" are not about it.
_TELLING = re.compile(
    r"\b(?:report\w*|tell\w*|told|police|cops|grass\w*|snitch\w*|inform\w*|info|tip\w*|witness\w*|spoke|speak\w* (?:up|out)|say anything|crimestoppers|pass (?:it )?on)\b"
)


def unnamed(query: str) -> bool:
    """Does the person asking want to tell without being known as the one who told?"""
    text = flat(query)
    return bool(_UNNAMED.search(text) or (_UNNAMED_IF_TELLING.search(text) and _TELLING.search(text)))


def who(query: str) -> Asker:
    """Who is asking, from the query's own words, or None when it does not say."""
    text = _AGE_WORD.sub(lambda m: m.group(0).replace(m.group(1), _AGE_WORDS[m.group(1)]), flat(query))
    for pattern in (_AGE, _AGED):
        found = pattern.search(text)
        if found:
            age = int(found.group(1))
            if 5 <= age < ADULT_AGE:
                return "child"
            if age >= ADULT_AGE:
                return "adult"
    if _SURVIVOR.search(text):
        return "adult"
    if _PROFESSIONAL.search(text):
        return "professional"
    if _PARENT.search(text):
        return "parent"
    if _CHILD.search(text) or (_PARENT_OF_ASKER.search(text) and _VICTIM.search(text)) or (_AT_MY_SCHOOL.search(text) and _HARM_SIGN.search(text)):
        return "child"
    if _SPOUSE.search(text):
        return "adult"
    return None
