"""What danger sounds like: the word classes and patterns the danger detector reads (see ``danger``).

Each kind of danger is built from small word classes (a person, a child, an
intent, a harm, a weapon, home, "missing"), and wanting to die from a wish and
an ending, so new wordings of the same meaning are found. Text-speak and slang
are spelt out first ("kms", "rn", "shank"). What calm speech looks like, and
the detector itself, are in ``danger``.
"""

from __future__ import annotations

import re

# Word classes. Apostrophes are dropped before matching: "can't" is "cant", "he'll" is "hell".
_PERSON = (
    r"(?:he|she|they|hes|shes|theyre|theyve|hed|shed|theyd|hell|shell|theyll|someone|somebody|some one|(?:a |the |this |some )?(?:man|woman|guy|lad|bloke|stranger|intruder|burglar)s?"
    r"|men|lads|gang|people|(?:my |her |his |our |the |their )?(?:ex|partner|boyfriend|girlfriend|husband|wife|dad|father|step ?dad|stepfather|mum|mom|mother|step ?mum|brother|sister|"
    r"uncle|neighbour|neighbours|friend|mate|flatmate|son|daughter|cousin|landlord)(?:s|s boyfriend|s partner)?)"
)
_RELATIVE = (
    r"(?:kids?|child|children|baby|family|mum|mom|mother|dad|father|sister|brother|son|daughter|wife|husband|partner|girlfriend|boyfriend|friend|mate|"
    r"nan|gran|grandad|grandma|niece|nephew|neighbour|cousin|aunt|uncle|flatmate|dog|cat)"
)
_OBJECT = rf"(?:me|us|her|him|them|you|(?:my|our|his|her|their|the) (?:little |\w+s )?{_RELATIVE}|everyone|all of us|people|someone|somebody|a (?:child|kid|boy|girl|woman|man)|(?:my|her|his|their|your) (?:head|face|skull|teeth|legs|hands))"
_CHILD = (
    r"(?:(?:my|our|a|the|her|his) (?:little |youngest |eldest |\d{1,2} ?(?:year old|yr old|yo) )?(?:son|daughter|child|kid|boy|girl|baby|toddler|teenager|teen|niece|nephew|grandson|granddaughter|stepson|stepdaughter)"
    r"|(?:my|our|the) (?:kids|children|boys|girls)|(?:my|our|a|the) \d{1,2} ?(?:year old|yr old|yo)|(?:my|our) little one|(?:my|our|her|his) (?:little|baby|younger|kid) (?:brother|sister))"
)
_HARM = (
    r"(?:kill|murder|stab|shoot|hurt|harm|beat|batter|strangle|choke|rape|burn|attack|hit|punch|smash|knife|slash|torch|kidnap|take|snatch|drown|run over|cut|glass|bottle|throw|drop|shake|smother|suffocate|poison|drown)\b(?! (me|us|him|her|them|my \w+) out)"
)
_INTENT = (
    r"(?:going to|gonna|will|hell|shell|theyll|ill|wants? to|wanna|threaten\w* to|about to|coming to|coming back to|trying to|tried to|swears? (?:hell|he will|she will|to)|"
    r"says? (?:hell|shell|he will|she will|he is going to|hes going to|shes going to|they will|theyll)|said (?:hed|shed|he would|she would|he will|he is going to)|promised to)"
)
_WEAPON = r"(?:knife|knives|blade|machete|gun|shotgun|rifle|pistol|firearm|weapon|axe|hammer|crowbar|baseball bat|bat|acid|bottle|screwdriver|scissors|sword|crossbow|meat cleaver|cleaver)"
_HOME = r"(?:door|front door|back door|window|back window|house|home|flat|garden|room|bedroom|gate|letterbox)"
_MISSING = (
    r"(?:(?:has |have |is |are )?(?:gone )?missing(?! (school|lessons|class|classes|college|uni|work|meals|appointments|deadlines|the bus|the point|out|home|you|him|her|them|my|his|her|their|our))|(?:has been |been )gone (?:for )?(?:\d+|an?|half an|over an?|ages|hours)|disappeared|vanished|(?:ran|run|has run|has ran) (?:away|off)|wandered off|(?:has |hasnt |isnt |is not )?(?:not )?(?:come|came) (?:home|back)"
    r"|(?:is |isnt |is not )?not (?:home|back)|(?:isnt|is not|not|wont be|wont) answering|phone is (?:off|dead)|location is off|(?:was |has been |been |got |is being )(?:taken|snatched|grabbed|abducted)(?! into care)|snatched|abducted"
    r"|(?:has |have )?got (?:in|into) (?:a|his|her|the|their|a strangers|someones) (?:car|van|taxi)|(?:has |is |have |are )?(?:gone|going|went|left|sneaked out|snuck out) (?:out )?(?:off )?to meet (?:up with )?(?:a |an |some |this |that |her |his )?(?:man|men|guy|stranger|someone|somebody|him|adult|person|boy|girl|lad|older|(?:online|internet|new|older|secret) \w+)"
    r"|(?:is |are )?(?:meeting|with) (?:a|an|some|this) (?:\d{1,2} ?(?:year old|yr old|yo) )?(?:grown |older |adult )?(?:man|men|stranger|guy|bloke|adult)\b|(?:is |are )?(?:meeting|with) (?:a man|a stranger|someone|somebody|older men|a grown man|an older man|an adult|him|a guy)|nowhere to be (?:seen|found))"
)

# A wish or a plan, and an ending: composed so new wordings of "I want to die" are found.
_WISHING = (
    r"(?:want|wants|wanted|wanting|wanna|wish|wishing|going|ready|plan|plans|planning|planned|thinking (?:about|of)|think (?:about|of)|thought (?:about|of)|thoughts of|"
    r"feel like|feeling like|need to|have to|tempted|longing|decided|deserve|should just|could just|might just|would rather|d rather|rather|just want|trying|tried|urge|urges)"
)
_ENDING = (
    r"(?:die(?! (of|laughing|for|inside|a little))|dying(?! (to|for|of))|be dead|kill(?:ing)? my ?self|end(?:ing)? (?:it|it all|things|everything|my life|me|my ?self|this(?= now| tonight| today| for good| pain|$)|my pain|the pain|this pain)(?! (with|between|off|up|on))|"
    r"tak(?:e|ing) my (?:own )?life|not (?:be )?(?:here|around|alive)|disappear(?:ing)? (?:forever|for good|for ever|permanently|and never)|stop (?:existing|breathing|being alive|living)|not exist(?! (?:on|in|online))|"
    r"not wake up|never wake up|sleep forever|be gone forever|jump(?:ing)?(?! (on|over|in|into|higher|around|about|rope|start|the queue|ship|at))|hang(?:ing)? my ?self|hurt(?:ing)? my ?self|harm(?:ing)? my ?self|cut(?:ting)? my ?self|overdose)\b"
)

_SUICIDE = [
    # Saying it: suicide, killing or ending oneself, one's life.
    r"suicid\w*|kill(ing)? my ?self|end(ing)? (it all|my life|my own life|everything|things|my suffering|the pain|it now|it tonight)\b(?! (with|between|off|up))",
    r"(want|wanna|going|gonna|ready|thinking( about| of)?|think about|plan(ning)?|feel like) (to )?(end|ending) (it|everything|things|my life)\b(?! (with|between|off))",
    r"tak(e|ing) my (own )?life|(kill|killing|end|ending|hurt|hurting|cut|cutting) (him|her|them)sel(f|ves)|(take|taking|end|ending) (his|her|their) (own )?life",
    # Wanting to die, or not to exist.
    r"(want|wanna|wish|wishing|ready|going|longing) (to )?(die|be dead|just die)|wish i (was|were) dead|want(ed)? it (all )?(to be )?over|i want out\b",
    r"wish i (wasnt|was not|werent|hadnt been|had never been|could) (here|born|alive|disappear|fall asleep|sleep|not wake|stop existing)",
    r"(dont|do not|didnt|doesnt|does not) want to (be here(?! (at|in|on|with|for) (?!(this|the) world)\w+)|be alive|live|exist|wake up|go on|carry on|be around|do this any ?more)",
    r"not (want to )?(be|being) (here|alive|around) (any ?more|much longer|for long|tomorrow)|(wont|will not|not going to) be (here|around|alive) (tomorrow|much longer|for long|any ?more|by)",
    r"(think|thinking|thoughts|dream|dreaming) (about|of) (dying|death|being dead|not being here|not waking up|killing)|(stop|not) existing|deserve to (die|be dead)|if i (was|were|died|am) dead|"
    r"(never|not) (to )?wake up|sleep (forever|for ever|and never)|fall asleep (forever|and never)|disappear (forever|for good|for ever|and never)",
    # Hopelessness.
    r"(cant|can not|cannot) (do|take|handle|bear) (this|it|any of this|life) ?(any ?more|much longer)|(cant|can not|cannot|couldnt|dont think i can|unable to) (go on|carry on|keep going|keep living|live like this|do this|take (it|this|any ?more)|handle (it|this|life)|bear (it|this|life))"
    r"(?! (with|at|doing) (this|that|the|my|these|those|all (this|the|these)) (?!(life|pain|world|hurt|feeling)\b)\w+)(?! (\w+ )?(of|homework|work|job|course|essay|exam|revision|test|project|level|game|puzzle|diet|shift|commute|class|subject|module|degree|maths|english|science|noise|snoring)\b)",
    r"better off (dead|gone|without me|if i (was|were|wasnt|werent) (gone|dead|here|around))|(happier|easier|better) (if|when|without) (i|me)\b",
    r"(no|nothing to|whats the|what is the|see no|dont see the|cant see the|cannot see the) (point|reason|hope) (in |of |to |for )?(me |my )?(even )?(to )?(living|live|life|going on|being alive|stay alive|staying alive|carrying on|carry on|keep going|anything|it all|trying|any ?more|staying|being here|be here)",
    r"(no|any|see no|cant see (a|any)|dont see (a|any)|dont have (a|any)|havent got (a|any)|lost (my|any|all)) (\w+ )?(reason|point|purpose|will) (\w+ ){0,2}?(to|2|for|in|of) (keep |stay |staying |carry on |go on )?"
    r"(living|live|alive|be alive|being alive|existing|exist|be here|being here|life)\b(?! (in|with|near|at|on|like|here|there|abroad)\b)|"
    r"(dont know|not sure|no idea) how (much )?(longer|long) i can (hold on|keep going|go on|carry on|cope|take (this|it)|do this|last|survive)\b(?! (at|with|in|doing) (this|that|the|my|these) )|"
    r"(climb\w*|over|onto|on) (over |onto )?(the )?(railings?|barrier|parapet|ledge|safety fence)\b.{0,40}\b(bridge|roof|car park|cliff|flyover|overpass|balcony|tower|multi ?storey)|(bridge|roof|car park|cliff|flyover|overpass|balcony|tower|multi ?storey)\b.{0,60}\b(climb\w*) (over |onto |on )?(the )?(railings?|barrier|parapet|ledge|edge)|"
    r"(worthless|useless|a waste of space|a failure|hopeless|pathetic|a burden)\b.{0,40}\b(end|finish) (it|it all|things|everything|myself|my ?self off)\b|"
    r"(planned|planning|plan|going to do|do|doing) it (for|on|when|while|after|tonight|tomorrow)\b.{0,30}\b(everyone|everybody|no one|nobody|the house)( will be| is| are|s|d be)? (asleep|out|away|gone|empty|at (work|church|school|the \w+))|"
    r"nothing (left )?(to live for|left for me)|(life|it) (is not|isnt|aint|is no longer|s not) worth (living|it)|not worth living|no point any ?more|(cant|cannot|dont|do not) see the point",
    r"tired of (living|life|being alive|everything|waking up)|give up on (life|everything)|giving up on (life|everything)|(had|have had|ive had|i have had) enough of (everything|it all|life|living|this life)",
    r"(no one|nobody|noone|none) (would|will|is going to) (even )?(miss|care|notice)\b(?! (\w+ )?if i (left|leave|quit|stopped|skipped|missed|didnt go|wasnt at|went) (the|this|my|a|their|our) )|(nobody|no one|noone) cares if i (live|die)|(live|living) or die|(a|such a) burden (to|on) (everyone|everybody|my|them)|im a burden",
    r"(no|cant see a|cannot see a|see no) way out|(tonight|today) is the (night|day)|tonights the night",
    # A goodbye.
    r"(suicide|goodbye) (note|letter|message|text)s?|(written|wrote|writing|left) (a |my )?(last )?(note|letters?|goodbye)|(saying|said|say|sent|messaged|texted|posted|posting|left) (me |a |her |his )?goodbye",
    r"goodbye (everyone|all|forever|world)|(my|this is my|a) last (message|post|text|goodbye)|sorry for everything|giv(e|ing) (away )?(my|all my) (things|stuff|belongings) away|giving away my",
    # The means.
    r"overdos\w*|paracetamol(?! (dose|for|is|can|should))|(take|taking|took|taken|swallowed|swallow|downed) (all |all of )?(my|his|her|their|the|these|those|a lot of|loads of|a load of|a bunch of) (\w+ )?(pills|tablets|meds|medication|antidepressants|painkillers|insulin)|(take|swallow|taking|took) all (of )?(my|the|these|those) \w+",
    r"(pills|tablets|meds|medication) (ready|saved|lined up)|stockpil\w*|(saved|saving|hoard\w*) (up )?(my |the |all my |all the |some )?(\w+ )?(pills|tablets|meds|medication|painkillers)|how many (pills|tablets) (would|does|to|will)",
    r"jump(ing)? (off|in front of|from)|hang(ing)? (my|him|her|them) ?sel(f|ves)|threaten\w* to (kill|hang|hurt|end|cut|drown|poison) (him|her|them)sel(f|ves)|threaten\w* to (jump|overdose|take (an overdose|all (his|her|their) \w+))|jump(ing)? out of (a|the|his|her|my|their) (\w+ )?(window|building|car)|slit(ting)? my|drown(ing)? my ?self|(want|going) to jump|\brope\b|\bnoose\b",
    r"(cut|cuts|cutting|gone) (too |really |very |so )?deep\b|(cant|cannot|can not|wont) stop (the |my )?bleeding|"
    r"(edge|top|top floor|top level|top deck|roof) of (the|a) (bridge|roof|cliff|building|car park|multi ?storey|block|platform)|(standing|stood|sat|sitting) on (the|a) (bridge|roof|ledge|edge|railway|cliff|parapet)|(drive|crash|driving|crashing) (my car |my self )?(into|off) (a|the) (wall|tree|bridge|cliff|lorry|river)|on the (railway|train) (line|track)s?",
    r"(swallowed|taken|took|downed) (a |the |all |a whole |whole )?(packet|box|bottle|load|lot)s? of|(took|taken|swallowed|downed) (a |the |a whole )?(bag|strip|handful|pot|tub|jar)s? of (\w+ )?(pills|tablets|meds|paracetamol|painkillers)|railway (line|track)s?|(train|motorway) tracks?",
    r"(ways|way|how) to (die|kill my ?self|end it|end my life)|(painless|quickest|easiest) way to (go|die|end it)|(reason|reasons) (for me )?to (live|stay alive|carry on|keep going)|stay alive",
    # Self-harm now.
    r"self ?harm\w*|(cut|cutting|burn|burned|burnt|burning|hurt|hurting|harm|harming|hit|hitting|starv\w*) (my ?self|again|my (arms|legs|wrists))|(hurt|harm|burn|cut)(ed|ing|t)? (my ?self )?on purpose",
    r"plan(ning|ned)? (how |when )?(to )?(kill|end|hurt) (my ?self|it|my life)|(want|going) to (hurt|harm|cut) my ?self",
    r"(belt|rope|cord|ligature|scarf|tie|wire|cable) (round|around) (his|her|my|their) neck|(dont|cant|do not|cannot|can not) see (a|any) future|no future for me|"
    r"(im|i am) (going to|gonna) do it (tonight|today|now)|(tonight|today) (im|i am) (going to|gonna) do it|"
    r"(end|stop) (my|the|this) pain (for good|forever|for ever|permanently)|in order and (im|i am) ready|(walk|walking|swim|swimming) (out )?into the (sea|river|lake|water)|"
    r"plan(ning|ned)? (my|his|her) (own )?(death|suicide)|(shes|hes|she is|he is) cutting\b(?! (the|a|his|her|my|some|up|down|back|out|it))|"
    r"(done|finished) with (everything|life|it all|living|this world|the world|existing|being alive)|(cant|cannot) keep going|(make|want) it (all )?(stop|end) (for good|forever)|(stop|end) for good",
    r"(wont|will not|not going to) be (a problem|a burden|a bother|in (anyones|your|everyones) way) (for|to) (anyone|anybody|you|everyone) (for )?(much longer|long|any ?more)",
    r"why (should|would|do) i (keep|carry on|go on|bother) (living|going|trying|being alive)|why (am i|bother being) (even |still |really )*(alive|living|here)|cease to exist",
    r"(talking|talks|talked|going on|keeps on|posting|posted|writing|wrote) about (ending it|ending things|ending (his|her|their) life|killing (him|her|them)sel(f|ves)|suicide|not being here)",
    r"(want|need) (it|everything|it all|the pain|this pain) (all )?(gone|over|to be over)$|(life|living|everything) is too (hard|much|painful|heavy) (\w+ ){0,4}(give up|end it|cant)",
    r"(dont|cant|cannot|do not|can not) see my ?self (being |still )?(here|alive|around|living) (next|by|in|much|for|this|at|tomorrow)|"
    r"(cant|cannot|can not|dont think i (can|will|ll)|not going to|wont) (see my ?self )?(get|getting|make it|making it|survive|surviving|last|lasting) (through )?(tonight|the night|today|this week|the weekend)",
    r"(wasnt|werent|was not|am not) (around|here|alive) any ?more|if i (wasnt|werent|was not) (around|here|alive)",
    r"(if|when|once) (i|im) (was |were |am |m )?(gone|dead|no longer (here|around|alive))|(tonight|today|this)s? (is |s )?(the|my) last (night|day)|(got|have|made) a plan and (i know|its|ive) (when|how|where)",
    r"i know (when|how|where) (im going to|i am going to|i will|ill) do it|(dont|cant|cannot|do not) see (the|any|a) point|(i|im) (just )?(cant|cannot) any ?more\b|(hope|pray|praying|wish) (that )?i (dont|do not|never|wont) wake up",
    r"(keeps?|kept) saying (wed|we would|everyone would|youd|you would|theyd|they would|the kids would) be better off without (him|her)|(car|engine) (running|on) in the garage|garage with the (car|engine) (running|on)|(hose|pipe) (from|on|to) the exhaust",
    r"wrong side of the (\w+ )?(railings?|barrier|fence|bridge)|(drive|crash|driving|crashing|swerve|swerving) (my car |my self |it )?(into|off) (a|the) (road|motorway|oncoming \w+|wall|tree|bridge|cliff)",
    # A wish, then an ending: "wants to die", "ready to end it", "might as well be dead", "thinking about unaliving".
    rf"{_WISHING} (\w+ ){{0,2}}?(to )?{_ENDING}",
    r"(want|need|wish) (it|everything|it all|all of it|the pain|life|this pain|my life) to (stop|end|be over|go away)( for good| forever| permanently| for ever| once and for all| tonight| today| now)?$|(might as well|rather|better) (just )?(be )?(dead|die)\b",
    r"(hate|hating) (being alive|living|existing)|(want|wanna|wish i could|going to|just) (to )?(fade|slip) away\b|(tired|sick|exhausted|weary) of (living|life|being alive|existing|fighting|trying|being here)|had it with (everything|life|it all|living)|this is (my )?goodbye|goodbye forever",
    r"(dont|do not) think (ill|i will|i am going to|im going to|i can) (be here|be around|be alive|survive|last|make it) (by|at|for|next|tomorrow|till|until|much|the|this)",
    r"(cant|cannot|can not) (keep|carry on|go on) (doing|living|like|with) (this|it)( any ?more)?$",
    r"(take|taking|took|swallow\w*) (every|all the|each) (\w+ ){0,2}(pill|pills|tablet|tablets|meds|medication)|(pills|tablets|meds) (in front of me|in my hand|counted out|laid out|lined up|next to me)|razor blades?|(got|have|bought|holding|found) (a |the |my |some )?razors?\b",
    r"(im|i am|sat|sitting|standing|stood) (on|at) (the|a) (top of (the|a) \w+|(\w+ )?(bridge|roof|cliff|ledge|railway|tracks|edge))\b",
    r"(walk|step|stepp|throw|lie|lay|ly|run|runn)(ing)?( my ?self)?( down)? (out )?(in front of|under|onto) (a|the) (train|bus|lorry|car|truck|traffic|tracks?)|(drink|drinking|starve|starving|drug|drugging) my ?self to death",
    r"(going to|might|will|ill|could|scared ill|afraid ill|scared i will|about to) (do|doing) something (stupid|silly|daft|drastic|terrible|i (will|ll) regret)",
    r"(sent|posted|messaged|texted|snapped|shared) (me |us |her |him )?(a |an )?(pic|photo|picture|snap|video|selfie)s? of (\w+ ){0,2}(pills|tablets|rope|noose|blades?|razors?|cuts|wrists?|a knife|the bridge|the edge)|"
    r"(tied|tying|tie|hung|hanging|fixed|attached) (a |the |my )?(belt|rope|cord|scarf|tie|ligature|noose|cable|wire|sheet) (to|round|around|from|on|over) (the|a|my) (door|banister|bannister|beam|rail|hook|loft hatch|pipe|neck)|"
    r"(sat|sitting|standing|stood|parked|im|i am) (\w+ ){0,5}(by|at|on|near|over|above) (the|a) (reservoir|river|canal|lake|sea|cliffs?|edge|bridge|quarry|tracks|railway|viaduct|flyover)\b.{0,60}\b(dont want|cant|no point|never|goodbye|ready|last)|"
    r"(going to|gonna|will|need to|want to|have to|ill) make (it|this|everything|the pain|it all) (all )?(stop|end|go away)( for good| forever| permanently| tonight| now)?$",
    # An amount of pills taken ("just took like 20 pills"); the urge to cut with nothing to cut; the world better without them.
    r"(took|taken|swallowed|had|downed|necked) (like |about |around |over |nearly |maybe |at least )?(\d+|ten|twenty|thirty|forty|fifty|a handful of|handfuls of) (\w+ )?(pills|tablets|paracetamol|painkillers|meds|sleeping pills|co ?codamol|ibuprofen)|"
    r"(want|wanna|need|going|urge|urges) to (cut|burn)( my ?self)?(( so bad(ly)?| really bad(ly)?| again| tonight| now| deeper| deep)+\b|$)|"
    r"(the world|everyone|everybody|the kids|the family|my family|his family|her family) (would|will|d|ll) be (better|happier|easier|fine|ok|okay) (off )?without (me|him|her|them)\b(?! (for|while|when|if|at|on))|"
    r"(im|i am|ill|i will|going to|gonna|about to) end(ing)? it( all)? (tonight|today|now|after|when|before|soon|this (week|weekend|time))\b|(im|i am|ill|i will|about to) end(ing)? it( all)?$",
    # Not wanting to live, in other words; sleep as an ending; wanting to be gone; something taken; someone on a bridge.
    r"cant be bothered (to )?(live|living|exist|existing|be alive|being alive|carry on|go on)|(go to sleep|fall asleep|sleep) and (that be it|thats it|that is it|not wake|never wake|be done)\b(?! (for|till|until))|"
    r"want(ed)? to be gone\b(?! (by|before|when|on|from|for (a|the|\d)))|(says|said|think|thinks|i think) (shes|hes|theyve|she has|he has|they have|she|he) (has |s |just )?taken something\b(?! (from|off|out|back|to|for))|"
    r"(hes|shes|he is|she is|theyre|they are|my \w+ is) (on|at) (the|a) (\w+ )?(bridge|ledge|edge|railway|tracks|cliff)\b.{0,40}\b(sorry|goodbye|bye|jump|going to|love (you|me|us))",
    r"(scared|afraid|frightened|worried|terrified) (of )?what i (might|will|could|ll|would) do( to my ?self| tonight| now)?$|(dont|cant|do not|cannot) (trust|keep) my ?self (to (stay|be|keep) )?safe|not safe (from|with|around) my ?self",
]

_DANGER = [
    # A threat of harm: someone, an intent, a harm.
    rf"({_INTENT} {_HARM} {_OBJECT}|{_INTENT} (kill|murder|stab|shoot|finish (me|us|her|him) off|do (me|us|her|him|them) in|burn (the|my|our) (house|flat|place)|get (me|us|her|him))|(going to|gonna|will|wants to|threaten\w* to|hell|shell|hes going to|shes going to) (kill|murder|stab|shoot|hurt))\b(?! ?(my|him|her|them|your|it) ?sel(f|ves)| for\b)",
    rf"\bkill (me|her|him|us|them|my|the|you)\b|\bmurder(ing|ed)? (me|her|him|us|them|my|the)\b|(im|we are|were|you are|youre) (dead|going to die) (when|if)|(not|never) (going to )?(see|survive|make it (to|through)) (the morning|tonight|the night)",
    r"(not|wont|never) (get|getting|leave|leaving|make it|making it) (out )?alive|(knows?|found out) where (i|we) live|(do it|come back|be back) again (when|tonight|later)",
    # Violence going on: someone doing harm now, or just now.
    rf"{_PERSON} (is |are |s |keeps |been |is still |are still )?(beating|hitting|punching|kicking|strangling|choking|stabbing|attacking|battering|raping|hurting|killing|assaulting|throttling|smashing|throwing|dragging|slapping)",
    r"(stamping|stomping) on (me|her|him|us|them|his|my|their|someone)\b|(hitting|beating|punching|kicking|strangling|choking|attacking|raping|hurting|assaulting|battering|throwing things at) (me|her|him|us|them|my|the|a|our)\b",
    r"being (attacked|beaten|hit|hurt|raped|assaulted|kidnapped|followed|strangled|choked|held|stabbed|shot|dragged|chased)",
    r"just (hit|punched|kicked|stabbed|attacked|hurt|strangled|choked|raped|assaulted|beat|shot|slapped|pushed) (me|her|him|us|them|my|someone|somebody|(a|an|some|this|that) (\w+ )?(guy|man|woman|boy|girl|lad|kid|child|person|bloke|lady))",
    r"(fallen|fell|gone|went|slipped) (in|into|through) (the )?(ice|river|lake|pond|sea|canal|water|reservoir|pool)|petrol (through|on|over|in)|(set|setting|lit) (fire|light) to|"
    r"(waiting|coming|going|out) (\w+ ){0,3}to (jump|attack|stab|batter|beat up|knife) (him|her|me|us|them|my \w+)|bleeding from (his|her|my|the|their) (head|neck|chest|mouth|stomach|face)|"
    r"holding (me|us|her|him|them) hostage|(getting|got|get|gets) (in|into) (a|his|her|the|their|an) (\w+ )?(car|van|taxi)|last seen|(isnt|is not|hasnt been|not) (home|back) (yet|and|since)|"
    r"(threw|thrown|throw|pushed|shoved|kicked|flung) (me|her|him|us|them|my \w+) (down|into|against|across|out|off|through|on)|\bdrag (a|her|him|me|my|the|them)\b|"
    r"strangl\w*|chok(ing|ed) (me|her|him)|hands? (round|around|on) (my|her|his|their) (throat|neck)|holding (me|her|him|us|them|my \w+) down|pinned (me|her|him)",
    r"beat(ing)? (me|her|him|us|them|someone|somebody|a \w+) up|(is|are) (drunk|high) and (hitting|attacking|threatening|hurting|smashing)|(going|gone) (mental|crazy|berserk) with",
    r"(scream|screaming|cries for help|shouting for help|crying for help)\b|\bthuds?\b|dragg(ed|ing)|(kicking|going) off (at|with) (me|us|her|him)",
    # A weapon in someone's hands, or used.
    rf"(with|has|have|had|got|holding|pulled|pulling|waving|carrying|brandishing|grabbed|pointing|armed with|threatening \w+ with)( out| up)? (a |an |the |his |her |their |my |some )?(\w+ )?{_WEAPON}s?\b|\b{_WEAPON} (at|to|against|in his hand|in her hand|out)\b|\barmed\b"
    ,
    rf"(someones|someone is|somebody is|people are|theyre|hes|shes|they are|he is|she is|men are|man is) (\w+ )?shooting|shooting (in|on|at|outside) (the|our|my) \w+|gun ?shots?|\b{_WEAPON} (outside|here|in the house|at the door|on the street|in the street)\b",
    r"(jumped|attacked|beaten|mugged|set upon|robbed) and (stabbed|shot|slashed|glassed)|(been |got |was |is |has been )(stabbed|shot)|shots? (fired|being fired)|(is |are |s )?(stabbing|shooting) (at )?(me|her|him|us|them|people|someone|my)|\bacid\b",
    # At the door, breaking in, inside.
    r"break(ing)? in(to)?|(just|has|have|s|ve|has just|have just) (broke|broken) in(to)?|broke in(to)? (\w+ )?(and|but) (is|are|hes|shes|theyre|still)|(trying|tried|tryna|try) to (get|break|force|kick|smash|climb) (in|into|open|the|through|thru|down)|(someone|somebody|a man|a stranger|people|men|they|he|she|my ex) (is |s |keeps |are )?(trying|tried) to (open|unlock) (the|my|our) (\w+ )?(door|window|gate)|tryna (get|break) (in|into)|forc(e|ing) (the|my|our) (\w+ )?(door|window|lock)",
    rf"(banging|kicking|hammering|smashing|pounding) (on |at |down |in )?(the|my|our) {_HOME}|kick(ing)? (in |down )?(the|my|our)? ?(front |back )?door( in| down)?|smashing (the|my|our) windows?",
    rf"(someone|somebody|a man|a stranger|an intruder|men|people|he|she|they|my ex) (is |are |s )?(in|inside|outside|at|by|in front of|round) (my|the|our) (\w+ )?{_HOME}\b(?! (yesterday|last))|\bintruders?\b",
    rf"(climbed|climbing|got) (over|in|into|through) (the|my|our) (fence|wall|window|garden|house|gate)|(someone|somebody|a man) (is )?(in|inside) (the house|the flat|my house|my flat|downstairs|upstairs)",
    rf"(standing|waiting|parked|sitting|lurking|hiding) (outside|at|by|near) (my|the|our) (house|door|window|flat|home|gate|car|school)|(is|s|are|re|still|keeps|been|hes|shes|theyre) (\w+ )?(outside|at) (my|the|our) (\w+ )?{_HOME}\b",
    # (someone who will not leave; not a child who will not go in to school or to bed)
    r"(wont|will not|isnt going to|refuses to) (leave|go away|go(?! (?:in|into|to|back|out|on|near|anywhere|outside|upstairs|downstairs)\b)|let (me|us|her|him|them) (go|leave|out|in))|(not|isnt|refuses to|refusing to) (leaving|going|going away) (till|until|unless)|(cant|cannot|can not|not allowed to) (leave|get out|escape)( and|$)|(blocking|blocked) the (door|way)|(smashed|grabbed|snatched) my phone",
    r"(scared|afraid|frightened|too scared) to (leave|go home|move|go back)|locked (me|us|her|him|them|the kids|the children|my \w+) (in|up)|(locked|shut) in|(cant|cannot) get out|(?<!feel )(?<!feeling )(?<!feels )trapped|hiding (from|in|under|behind)|held (me|us|her|him)? ?hostage|(hes|she|they) (wont|will not) let",
    r"(following|followed|chasing|stalking) (me|us|her|him|my \w+)|(is |are |keeps )(following|chasing) |(car|van|man|someone) (is |keeps )?following",
    # A child missing, taken, or gone to meet someone.
    rf"{_CHILD} (\w+ ){{0,4}}?{_MISSING}|(taken|took|snatched|grabbed|abducted|kidnapped) {_CHILD}(?! (to|for|out|home|back|shopping|swimming|with me))|(cant|cannot|can not) find {_CHILD}|(nobody|no one|noone|doesnt|dont|does not|do not) knows? where (he|she|they|my \w+) (is|are)",
    rf"{_CHILD}\b.*\b(hes|shes|theyre|he is|she is|they are|now) (gone|missing|nowhere)|{_CHILD}\b.*\b(location|phone) is (off|dead|switched off)|missing (child|kid|boy|girl|person|teenager)|abduct\w*|kidnap\w*|snatched|(took|taken|dragged|pulled|bundled|put|forced|pushed) (\w+ ){{0,2}}(into|in) (his|her|a|the|their) (\w+ )?(car|van|boot)",
    r"(gone|went|going|run off|ran off|run away|ran away|left) (off )?(to meet (up with )?(a |an |some )?(man|men|guy|stranger|someone|somebody|him|adult|person|older)|with (a man|him|someone|a stranger|an older))|\bsos\b|(hasnt|has not|didnt|did not|never) (come|came) (home|back)|ran away|run away|running away|phone is off|(not|isnt|wont stop) answering|cant (find|reach|get hold of) (him|her|them|my)",
    r"(got|get|getting|pulled|dragged|bundled) (in|into) (a|his|her|their|the|a strangers) (car|van|taxi)|in the car and (wont|will not)|wont bring (him|her|them|my) ",
    # A body in danger.
    r"(head|neck|chest|stomach|face) is bleeding|bleeding (loads|heavily|a lot|badly|everywhere|so much|really bad)|(wont|will not|cant|cannot) stop bleeding|(losing|lost) (loads of |a lot of |so much )blood|"
    r"not breathing|(isnt|stopped|stop|cant|not) breath(ing|e)|(gone|turned|going|lips are|lips have gone) blue|unconscious|passed out|(wont|will not|isnt|is not|not|cant|cannot) (wake|waking|respond|responding)( up)?(?! ?(up )?(for|in time|early|in the morning|on time))|(floor|ground|there|lying|body|he|she|they|someone|somebody|hes|shes|is) (is |s )?not moving|(isnt|stopped|is not) moving",
    r"collapsed|(having|had) a (fit|seizure)|(is|hes|shes|theyre|keeps|started) fitting|seizure|bleeding (heavily|badly|a lot|everywhere)|blood everywhere|wont stop bleeding|(taken|took|swallowed) (a load|loads|lots|a lot|a bunch|all) of (pills|tablets)",
    r"on fire|\bsmoke\b|\bflames\b|gas leak|smell(s|ing)? (of )?gas|\bfire\b|(is |are )?drowning",
    # Wordings the first detector knew, kept (the calm guards below apply to them too).
    r"(is|are|keeps?|been) (killing|chasing|smashing|beating|kicking|punching|hitting|strangling|choking|stabbing|grabbing|dragging|hurting|attacking)",
    r"(chasing|smashing|beating|killing) \w+|(trying|tried) to (take|grab|snatch|get) (a|my|our|the) (child|kid|boy|girl|son|daughter|baby)|grabbed (her|him|me|us|a (child|kid|girl|boy|woman))\b",
    r"into (a|his|her|their|the) (car|van|vehicle)|(hear|hearing|heard) .{0,40}(scream|cries for help|shouting for help|crying for help)|screaming for help|\bmurder",
    r"(there is|theres|there s|someones|someone is|a man is|a man|a stranger|a stranger is) (in|outside|at|by) (my|the|our) (garden|door|window|house|home|flat|room|bedroom|back door|front door|car)",
    r"do (me|her|him|us|them|my \w+) in\b|(locked|shut) (the )?(kids|children|me|us|her|him|them) in|screwdriver|scissors|broken bottle",
    r"threaten\w* (me|her|him|us|them) with (?!(posting|sharing|showing|sending|telling|leaking|putting|my|the|pics|photos|nudes|pictures|videos|images))",
    r"(gone|go|is|has gone|went|been|are|is still|have gone) missing|(?<!not )(gone|went|going|run off|ran off|run away|ran away|left|sneaked out|snuck out) (out )?(off )?to meet (?!(up with )?(her|his|their|my|our) (friends?|mates?|mum|dad|nan|gran|grandparents|family|cousins?|teacher|class))",
    r"just (threatened|threatening) (me|her|him|us|them|my)",
    # Newer wordings by meaning: a child poisoned, a mask, a way in forced, a threat to come back, held, a fear for one's life.
    r"swallowed (\w+ ){0,2}(tablets|pills|bleach|batter(y|ies)|magnets?|medicine|meds|detergent|capsules?|poison|chemicals?)|(drunk|drank) (\w+ ){0,2}(bleach|poison|chemicals|antifreeze|detergent)",
    r"balaclava\w*|masked (man|men|gang|intruders?|people)|trying (the|our|my) (front |back )?(door|handle|door handle|doors|windows?)|forc(e|es|ing|ed) (his|her|their|its|a) way (in|into|through)",
    r"(climbed|climbing|got|jumped|jumping|came|coming) (over|in|into|through) (the|my|our) (\w+ )?(fence|wall|window|garden|house|gate)",
    rf"(coming|come|going|gone|be) (back |round |over |here )?(\w+ ){{0,4}}to (sort|get|do|batter|jump|hurt|kill|stab|beat|finish) (me|us|her|him|them|my (\w+ )?{_RELATIVE}s?)( out| over| in| up| off)?\b",
    r"(never|wont|will not|not) (\w+ )?see (her|him|them|the kids|the children|my \w+|our \w+) (again|alive)|(knows?|found|has|got) (my|our) (address|postcode|location)",
    r"(no one|nobody|noone) (has )?(seen|heard from) (him|her|them|my \w+)|(supposed|meant) to be (home|back) (\w+ ){0,2}(ago|by)|should (have|of) been (home|back) (\w+ ){0,3}ago",
    r"(being |been )?(kept|held) (prisoner|captive|against (my|her|his|their) will)|(being |been )kept (in|inside) (a|the|this|his|her|their) (house|flat|room|car|van|place)|(he|she|they|hes|shes) (has |s |ve |have )?locked (the|all the) doors",
    r"(scared|afraid|frightened|terrified|fear|fearing|fearful) for (my|our|her|his|their) (life|lives|safety)|(think|thinks|sure) (hes|shes|theyre|he is|she is|they are|he will|she will|they will|hell|shell|theyll) (going to )?(kill|hurt)",
    r"(spiked|drugged) (me|my drink|her drink|his drink|her|him)|(taken|took|smashed|hidden|hid|grabbed) my phone (and|so)|(messaged|texted|text|sent|called|rang) (me )?(help|sos|for help)|(theres|there is) (so much |loads of |a lot of )?blood(?! (in|test|results|donor|donation|pressure|sugar))",
    r"\b(\w+) (is |s )?not (moving|responding)|hands? (round|around|on) (\w+ )?(throat|neck)|chok(es|ing|ed) (me|her|him|us|them)",
    rf"(met|off|from|on) (insta|instagram|snap|snapchat|tiktok|discord|roblox|fortnite|online|an app|a game|the internet|whatsapp|grindr|tinder).{{0,60}}(pick(ing)? (me|her|him) up|meet(ing)? (me|her|him)|coming (round|over|to get)|come (round|over) (to|tonight)|sneak(ing)? out|going to (his|her|their) (house|flat|place|hotel))",
    r"by (the|her|his|my|their) (throat|neck|hair)|(up )?against the wall by|(wont|will not) let (me|her|him|us|them)? ?go\b|(poured|pouring|doused|soaked|throwing) (\w+ ){0,2}(petrol|diesel|lighter fluid|fuel)|petrol everywhere",
    r"(theres|there is|there are|i can hear) (someone|somebody|a man|people|men|a stranger|an intruder) (in|inside|on|up in|down in) (the|my|our) (loft|attic|cellar|basement|shed|garage|house|flat|stairs|kitchen|hallway)",
    r"(asked|told|tried|trying|offered|wanted|telling) (\w+ ){1,3}to get in(to)?\b|\bcircling\b|(in|at) a (hotel|strangers \w+|flat|house|car) with (a|an|some|this|that) (\w+ )?(man|men|guy|adult|stranger|older)",
    r"(has |is )?(run|ran|bolted|wandered|escaped) (out of|off from|away from) (the )?(house|home|school|shop|park|hospital)|not safe (near|on|by|around|out)|(hasnt|has not|not) been (home|back|seen) (for|since|in)",
    r"(keeps? |is )?(trying|tried|tryna) to (grab|drag|pull|snatch|force) (me|my \w+|her|him|us)\b|(an |been an |was an )explosion|bomb (threat|scare)|people (are |have been |got )?(hurt|injured)|(badly|seriously) (hurt|injured)",
    r"(hit|knocked (down|over)|run over) by a (car|van|bus|lorry|bike|train)|(car|van|bus|lorry) (has |just )?(hit|knocked down|ran over|run over) (a|my|the|her|him|someone)|(isnt|is not|wont|cant|not) getting up|(wont|cant) get up",
    r"(gone|is|went|looks?) (floppy|limp|grey)|(wont|not|isnt) (coming|come) round|(cant|cannot) (wake|rouse)|(taken|took|had|swallowed) too many (\w+ ){0,3}(tablets|pills|meds|painkillers)|boiling water",
    r"(threw|thrown|throwing|chucked|chucking|hurled) (\w+ ){0,4}(at|over) (me|her|him|us|them|my \w+)|(drove|driving|drive|swerved|aimed) (the |his |her |a )?(car|van) (at|into) (me|her|him|us|them|people|my \w+)|(driving|drove|swerving|swerved|speeding|revving) (straight |right )?(at|into|towards) (me|us|her|him|them|people|my \w+)",
    r"set (\w+ ){0,3}(alight|on fire|ablaze)|smash(ed|ing)? (through|in|down) (the|my|our) (\w+ )?(door|window)|slash(ed|ing) (me|her|him|my|someone|people)|(keep|keeps|are|is|been|started) (\w+ ){0,4}following\b",
    r"barricad\w*|pinned (\w+ ){0,2}(down|to|on|against)|(begging|pleading|crying for) (him|her|them|someone|somebody) to stop|(theres|there is|there are|think theres) (a |an |some )?(burglars?|intruders?|someone|somebody) (downstairs|upstairs|in (the|my|our) \w+)",
    r"(man|men|they|gang|people|someone|somebody|he|she) (have |has |ve |s )?got (him|her|them|my \w+) (in|at|locked in) (a|the|their|his|her) (flat|house|car|van|room|place)|foaming|(shaking|jerking|twitching) (on the floor|and wont stop)",
    rf"(swinging|waving|throwing|pointing|aiming|launching|lobbing) (\w+ ){{0,2}}at (me|her|him|us|them|(my|our|his|her) {_RELATIVE}|people)\b|(meet|meeting|with|gone to meet|going to meet) (a|an|some|this) (1[89]|[2-9]\d) ?(year old|yr old|yo) (man|guy|bloke|adult|stranger)|stuck in (his|her|their) (flat|house|room|car|van)|(wont|will not) give me (my )?(keys|phone|passport) back",
    # Heard inside one's home; hiding to ask for help; an adult in a child's room, now; a threat to crash the car with them in it.
    r"(hear|heard|hearing) (someone|somebody|people|footsteps|voices|a man|men|a stranger|movement)( \w+){0,3} (downstairs|upstairs|in (the|my|our) (house|flat|loft|attic|hall|hallway|kitchen|living room|lounge))\b|"
    r"(texting|messaging|calling|ringing|whispering|typing) (you |me |us )?(from )?(under|inside|in) (the|her|his|my) (duvet|covers|bed|wardrobe|cupboard|bathroom|toilet|loft)|"
    r"(uncle|step ?dad|stepfather|boyfriend|partner|man|lodger|grandad|cousin) (is |s |keeps )?(\w+ ){0,2}(in|into) (my|her|his) (room|bed|bedroom)\b(?=.*\b(again|now|tonight)\b)|"
    rf"{_INTENT} (drive|crash|steer|swerve) (\w+ ){{0,3}}(off|into) (a|the) (bridge|cliff|wall|tree|river|sea|lake|canal|lorry|oncoming \w+|motorway)",
    # A child gone to, or with, an adult met online ("with some guy from discord", "to meet a man she met online").
    r"(meet|meeting|with|waiting for|to see|picked up by|collected by) (up with )?(a|some|this|an) (older |grown |\d+ ?(year old|yr old|yo) )?(man|guy|bloke|lad|stranger|adult|person|boy) (\w+ ){0,3}(met|from|off|on) "
    r"(online|discord|snap|snapchat|tiktok|insta|instagram|roblox|fortnite|an app|a game|the internet|whatsapp|a dating app)\b|(gone|went|going|snuck out|sneaked out) (\w+ ){1,4}to meet (a|some|this|an) (older |grown )?(man|guy|bloke|stranger|adult)",
    # A child harmed or lured now: shaken, exposed to, offered sweets or a lift from a car.
    r"being (shaken|smothered|suffocated|tortured|punched|slapped|kicked(?! (out|off)))|expos(e|es|ing|ed) (him|her|them)sel(f|ves)|flash(ing|ed|es) (at )?(my|the|a|some|our) (kids|children|daughter|son|girls?|boys?|child)|"
    r"(man|men|stranger|someone|somebody|woman|guy|bloke|car|van) (\w+ ){0,4}(offering|offered|trying to give|giving) (\w+ ){0,2}(sweets|lifts?|a lift|money|vapes|a ride|cigarettes|alcohol) to (kids|children|a child|my \w+|girls|boys|the kids)",
    r"teach(ing)? (me|her|him|us|them|you) a lesson\b(?! (on|about|in|at|for|of))|(give|gives|giving) (me|her|him|us|them) a (kicking|hiding|beating)",
    # Found in a state ("found my flatmate hanging"); a child left in a hot or locked car.
    r"found (my|her|his|a|the|our|him|her|them) (\w+ ){0,2}?(hanging|unconscious|collapsed|not breathing|in a pool of blood|bleeding|unresponsive|on the floor|face down)|"
    rf"({_CHILD}|baby|toddler|child|kid|little one) (\w+ ){{0,3}}(left|locked|trapped|shut) (alone |on (his|her|their) own )?(in|inside) (a|the) (hot |locked )?(car|van)",
    # A fall and no answer; a missile through the window; "i'm next"; a weapon to be used today; drunk at the wheel.
    r"(fallen|fell|collapsed)\b.{0,40}\b(not|isnt|wont|cant) (talking|speaking|responding|moving|breathing|getting up|waking)|(put|thrown|threw|chucked|lobbed) (a |an )?(brick|rock|stone|bottle|firework|something) (through|at) (my|our|the) (\w+ )?(window|door|car)|"
    r"(says|said|told me|telling me) (im|i am|youre|you are|shes|hes|were|we are) next\b(?! (in|on|for|to|up|after|at|week|year|time))|(going to|gonna|will|hell|shell|says hes|says shes|threaten\w* to) us(e|ing) (it|them|the \w+) (today|tonight|now|on (me|us|her|him|them|people|someone))|"
    r"(in (a|the|his|her|their) car with (a |an )?(drunk|high|stoned)|(is |s )?(drunk|high|stoned|off (his|her) face) (and )?(driving|behind the wheel))|(wont|will not) let (me|her|him|us|them) (call|phone|ring) (anyone|anybody|the police|999|for help|help)",
    # A child with adults: picked up by, at the flat of, in a car with men she does not know; took by a man.
    r"(at|in|to) (some|a|an|this) (older |grown )?(guys|mans|blokes|strangers|adults) (flat|house|place|car|hotel room)|"
    r"(man|men|guys|adults|blokes) (she|he|they) (doesnt|does not|dont|do not|has never|have never) (know|met)|"
    r"(man|guy|stranger|adult|bloke) from (the|a|an|her|his) (game|app|internet|chat|group chat|website)\b.{0,30}\b(waiting for (her|him|them)|meeting (her|him|them)|coming (for|to get|to pick up) (her|him|them)|picking (her|him|them) up)|(got|been|was|has been|is being) (took|taken|grabbed|snatched) by (a|an|some|this|that|two|the) (\w+ )?(man|men|woman|stranger|guy|people|gang|lads)",
    r"(holding|held|pushing|pushed|forcing|keeping) (\w+ ){0,3}(head|face|me|her|him|them) (under|in|into) (the )?water|"
    r"(having|is having|s having|gone into|going into) (an? )?(asthma attack|allergic reaction|anaphyla\w*|heart attack|stroke|diabetic \w+|hypo)|(inhaler|epipen|epi pen) (isnt|is not|not|wont|doesnt) (working|help)",
    r"(kid|child|toddler|baby|boy|girl|little one|son|daughter)s? (is |s )?(on|at|out on|climbing on|climbing out of|hanging out of|hanging from) (the|a|his|her|their) (\w+ )?(ledge|windowsill|window sill|roof|balcony railing|balcony edge)|"
    r"(picture|photo|pic|video)s? of (my|our) (house|flat|home|front door|door|car|street|window)\b.{0,40}\b(see you soon|watching|coming|know where|outside)",
    # Saying so.
    r"(immediate|imminent|serious|real) danger|in danger|happening (now|right now)|help (me )?(now|quick)",
    # "emergency", but not "the emergency services", "in an emergency" or "emergency number" (how-to questions)
    r"(?<!in an )(?<!in case of an )(?<!in case of )emergency(?! services| service| number| text| sms| call| contacts?| line)",
]

# Text-speak and slang read as the words they stand for, before any pattern ("rn" is "right now",
# "kms" is "kill myself", "unalive" is "kill", "shank" is a knife); whole words only.
SLANG = {
    "rn": "right now", "atm": "at the moment", "kms": "kill myself", "kys": "kill yourself", "unalive": "kill", "unaliving": "killing",
    "unalived": "killed", "unalive myself": "kill myself", "some1": "someone", "sum1": "someone", "sum one": "someone", "sumone": "someone",
    "any1": "anyone", "no1": "no one", "tryna": "trying to", "n": "and", "bf": "boyfriend", "gf": "girlfriend", "wat": "what", "u": "you",
    "ur": "your", "pls": "please", "plz": "please", "bro": "brother", "sis": "sister", "fella": "boyfriend", "thru": "through",
    "shank": "knife", "shanks": "knives", "shanked": "stabbed", "shanking": "stabbing", "glassed": "stabbed", "wiv": "with", "wid": "with",
    "gna": "gonna", "gunna": "gonna", "wana": "wanna", "cnt": "cant", "cba": "cant be bothered", "idk": "i dont know", "ppl": "people",
    "dont wanna": "dont want to", "wanna": "want to", "gonna": "going to", "gotta": "got to", "coz": "because", "cos": "because",
    "top myself": "kill myself", "off myself": "kill myself", "end myself": "kill myself", "end me": "kill me", "do myself in": "kill myself",
}
SLANG.update({w: w + "g" for w in (
    "jumpin tryin goin comin hittin kickin punchin followin chasin stabbin cuttin bleedin breathin movin wakin screamin shoutin threatenin "
    "bangin smashin hurtin killin dyin sayin thinkin takin leavin gettin waitin fightin beatin holdin answerin respondin harmin cryin shakin"
).split()})
SLANG.update({"in2": "into", "bout": "about", "2nite": "tonight", "2night": "tonight", "2day": "today", "2moro": "tomorrow", "b4": "before", "wen": "when",
              "nd": "and", "dnt": "dont", "jus": "just", "cuz": "because", "bc": "because", "wud": "would", "cud": "could", "shud": "should",
              "nothin": "nothing", "nuthin": "nothing", "sumthin": "something", "smth": "something", "gt": "got", "hav": "have"})
# Common misspellings of the classes' words (letters swapped or doubled as people in a hurry type them).
SLANG.update({"boyfirend": "boyfriend", "boyfreind": "boyfriend", "girlfreind": "girlfriend", "freind": "friend", "daugther": "daughter",
              "neice": "niece", "beeting": "beating", "beatting": "beating", "hiting": "hitting", "threating": "threatening",
              "thretening": "threatening", "threatning": "threatening", "kidnaped": "kidnapped", "stabed": "stabbed", "knive": "knife",
              "sucide": "suicide", "sucidal": "suicidal", "suicidle": "suicidal", "suacide": "suicide", "dieing": "dying",
              "brething": "breathing", "breatheing": "breathing", "consious": "conscious", "unconsious": "unconscious"})
SLANG_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in SLANG), key=len, reverse=True)) + r")\b")

SUICIDE_RE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in _SUICIDE) + r")")
DANGER_RE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in _DANGER) + r")")

# The classes calm idioms are written with too.
RELATIVE = _RELATIVE
WEAPON = _WEAPON
