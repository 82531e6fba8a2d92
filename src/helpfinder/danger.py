"""Danger detection: is someone in danger right now, or thinking of ending their life?

Separate from ranking on purpose, and tuned for recall: missing a person in
danger costs far more than showing the 999 banner to someone who did not need
it. It reads what is being said, by meaning, not a list of set phrases: a
threat of harm (someone, an intent, a harm: "he says he'll finish me off"), a
weapon in someone's hands, someone at the door or breaking in, someone held
or followed, a child missing or gone to meet someone, a body in danger (not
breathing, won't wake), and for suicide: wanting to die or not to exist,
hopelessness, a goodbye, the means, self-harm now. Each kind is built from
small word classes (a person, a child, an intent, a harm), so new wordings of
the same meaning are found: those patterns are in ``crisiswords``; this
module holds what calm speech looks like, and the detector.

Calm words that look alike are told apart by the same classes: "this
homework is killing me" has no person doing it, "a knife set" is no knife in
anyone's hands, "our cat is missing" is no child; a negation just before
("not suicidal", "nobody is in danger"), or a past time with nothing saying
"now" ("ten years ago", "used to"), cancels a finding; so, for danger
from others, does a person said to be safe now ("but she was fine", "he is
home safe now") or a question about danger in general ("what counts as an
emergency"), a game or a dare, or a worried question about someone else's
self-harm ("how do I talk to her"). The calm guards come from calm phrasings
written for them, the kind a worried person types about a teenager, a game or
the kitchen. Saying one is well now ("in a good place now") is no "now" of
danger, and a joke said so ("lol") no danger from others unless something
says now.

Text-speak and slang are read as what they stand for first ("kms", "rn",
"shank"). Behind the patterns, a learnt layer (a logistic regression over
words and word pairs, fitted to the tuning sets by scripts/danger_weights.py,
table in dangerweights.py) carries their meaning to wordings no pattern spells
out; the same past and calm guards apply to it.

The patterns are written from the issue's description, from what crisis
lines list as warning signs, and from the tuning sets; never from held-out
or unseen test queries. Two kinds of finding, named by the directory's
crisis need they call up: ``emergency`` (999 first) and ``self-harm`` (999
and Samaritans first).
"""

from __future__ import annotations

import re

from . import dangerweights
from .crisiswords import DANGER_RE, RELATIVE, SLANG, SLANG_RE, SUICIDE_RE, WEAPON
from .text import flat, is_content

EMERGENCY = "emergency"
SELF_HARM = "self-harm"

# Everyday speech that looks like danger and is not: a thing (not a person) "killing me",
# "my mum will kill me if she finds out", "i could murder a pizza", asking how to spot the signs.
_IDIOMS = re.compile(
    rf"\b((it|its|(this|that|the|my|these|those) (?!(?:{RELATIVE}|man|men|guy|ex|boss|stepdad|step dad)\b)\w+) (is |are |s )?killing me"
    r"|(mum|mom|dad|parents|wife|husband|teacher|boss|coach|nan|gran) (will|is going to|gonna|would) (kill|murder) (me|her|him|them|us|you) (if|when|for)|killing (my|the|your) (soul|vibe|buzz|mood|brain|time|joy|confidence)|could murder a|dying (to|for|of laughter)|died laughing|kill(ed|ing)? it\b|kill for|dead (tired|on my feet|bored)"
    r"|(stabbed|shot|killed|murdered|attacked|kidnapped) (in|on) (a|the) (film|game|show|video|tv|dream|book|story|series|programme)"
    r"|(signs?|warning signs|risk|prevention|awareness|rates?|statistics) of (suicide|self ?harm)|suicide (prevention|awareness|rates?|statistics)|(phone|battery|laptop|car) (has |is )?(died|dead)"
    r"|(shooting|stabbing|fighting) (game|games|scenes|films?|videos?)|cricket bat|knife (set|crime|skills)|(fire|smoke|carbon monoxide) (alarms?|detectors?|drills?)|fire brigade|bonfire|fireworks?|(flu|booster|covid|vaccine|mug|screen|photo) ?shots?|shot (a|the|some) (video|film|photo)|(photo ?shoot|shooting (a|the) (video|film))"
    r"|(cat|dog|pet|parcel|package|keys|phone|wallet|purse|bike|car|money|bag|post|letter|tortoise|hamster|rabbit|order|homework|shoe|coat)s? (\w+ ){0,2}(is |has |have |has gone |gone |went |are )missing"
    r"|(videos?|pictures?|photos?|pics|images?|clips?|films?|footage) (\w+ ){0,2}of (a |an |the |some )?\w+ (\w+ )?being (hurt|abused|attacked|beaten|raped|killed|hit|stabbed|shot)"
    r"|(films?|movies?|books?|shows?|documentar\w+|stor(y|ies)|programmes?|series|podcasts?|news|dramas?|soaps?|episodes?|articles?|reports?|novels?|plays?|poems?|essays?|assignments?|projects?) (\w+ )?about (a |an |the )?\w+"
    r"|(knives|guns|weapons|swords|bombs) in (minecraft|fortnite|roblox|games?|the game|a game|gta|call of duty)"
    r"|kick(ing|s|ed)? off (about|over)|cut (him|her|my|your|them)sel(f|ves) (shaving|cooking|chopping|by accident|on (a|the))"
    r"|(follow\w*|last seen|stalk\w*) (me |her |him |them |us )?(on|by (\w+ ){1,3}(on|account)|by (\w+ ){0,2}accounts?$) (instagram|insta|tiktok|snapchat|snap|twitter|facebook|whatsapp|youtube|twitch|social media|x|online|my \w+ account)"
    r"|(screaming|shouting) (with|in) (laughter|joy|excitement|delight)|(screaming|shouting) .{0,20}(having fun|playing|laughing)"
    r"|collapsed (into|on|onto) (bed|the sofa|the couch|a chair)|(smoke|smoking|fire) (from|at|on) (\w+ ){0,2}(bbq|barbecue|chimney|bonfire|candle|cigarette|toast)"
    r"|(work|working|cook|cooking) with knives|knife (collection|block|sharpener)|(shot|scored|scoring) (a |the )?(\w+ )?(goal|basket|hoop|penalty)"
    r"|hid(e|ing) (and|n) seek|hiding in (his|her|their|my) (room|bedroom) (all|every)|wont leave (me|us|her|him|them) alone (about|over)|help (me )?(now|quick) with"
    r"|(was|is|s|be) (absolute |total |pure )?murder\b(?! (of|by))|(traffic|queue|commute|journey|day|week|shift|exam|test|gym|hill) (was|is) (a )?(nightmare|murder|killer)"
    r"|(water|nerf|toy|glue|bb|cap|paintball|laser|spud|staple|squirt|foam|bubble|pretend) ?(guns?|pistols?|swords?|knives)|pocket ?knife|penknife|swiss army knife|(kitchen|butcher|chef|restaurant) (\w+ ){0,3}knives"
    r"|(kick\w*|kill\w*|smash\w*|hit\w*|shoot\w*|murder\w*|slay\w*|nail\w*) (a |the |my |our |his |her |some |this |that )?(ball|balls|plants?|flowers?|weeds|time|goals?|targets?|exams?|tests?|quiz|workout|gym|pb|hoops|baskets|notes|high notes"
    r"|songs?|karaoke|tunes?|track|speech|audition|performance|presentation|interview|level|round|dance|routine|gig|cake|pizza|football|footie)"
    # A game won: "beating me at fifa".
    r"|(beat\w*|thrash\w*) (me|him|her|us|them|my \w+) at\b(?! (home|school|night|work|the|my|our|his|her|their)\b)"
    # Exasperation, not intent: "i could strangle my brother", "i could kill him sometimes"; a threat would say how or when.
    r"|\b(i|we) could (just |honestly |literally |actually |have |happily )?(kill|strangle|murder|throttle|kill|wring) (him|her|them|you|my \w+)\b(?! (with|tonight|right now|now|when|if))"
    # A thing, not a person, killed: "the manager is killing the business", "the cold is killing my hands".
    rf"|(killing|murdering) (the|my|our|his|her|their|this|your) (?!(?:{RELATIVE}|man|woman|guy|girl|boy|lad|people|person|baby|ex|self|myself|kids|children)\b)\w+"
    r"|(solve|solving|solved|investigat\w*|true crime|detectives?) (\w+ ){0,2}murders?"
    rf"|{WEAPON}s? (\w+ ){{0,6}}to (cut|slice|chop|peel|spread|open) (the |some |a |an |my )?(bread|cake|veg\w*|onions?|meat|fruit|apples?|butter|box|parcel|package|tape|string|pizza|cheese|tomato\w*|potato\w*)"
    # Drowning in work, not water; a grown-up's "she would kill us if we talked"; a weapon put away at home.
    r"|drown\w* in (?!(the |a |my )?(water|sea|river|lake|pool|bath|canal|pond|reservoir|loch)\b)\w+"
    r"|(mum|mom|dad|parents|teacher|boss|coach|nan|gran|sister|brother|mates?|friends?)s? (said|says) (she|he|they) (would|will|d|ll|was going to|is going to) (kill|murder) (me|us)\b(?! (with|and|tonight|right now|now))"
    rf"|{WEAPON}s? (in|on) (the|a|her|his|my|our|their) (kitchen |bedside |desk |tool )?(drawer|cupboard|block|shed|toolbox|garage|sewing box)"
    # Criticism, not violence: "the referee got murdered by the fans on twitter".
    r"|(murdered|slaughtered|destroyed|roasted|ripped apart|torn apart|killed|attacked) (\w+ ){0,2}(on|by|in) (the )?(twitter|x|tiktok|social media|internet|online|press|media|papers|critics|fans|reviewers|reviews|comments)"
    # A thing, not a person, outside the house: "the streetlight outside my house is broken".
    r"|(street ?light|lamp ?post|light|tree|pothole|bins?|hedge|drain|pavement|road|puddle|scaffolding|skip|roadworks|parcel|sign|wall|fence)s? (\w+ )?(outside|at|by) (my|the|our)"
    # A cry with an everyday cause given: "the baby is screaming because she is teething".
    r"|(screaming|shouting|crying|yelling|wailing) (\w+ ){0,2}because (\w+ ){0,2}(teething|tired|overtired|hungry|bored|wants?|wanted|lost|cant have|couldnt have|didnt get|has to|had to|doesnt want|didnt want)"
    r"|(meet|meeting|met) (\w+ ){0,2}(boyfriends|girlfriends|partners|friends|mates) (parents|mum|dad|family)|(take|taking|took) (me|us|him|her|them) to (court|a tribunal|small claims)"
    r"|(will|would|is going to|gonna|going to|ll|d|ill|youll|hell|shell|theyll)( (go mad|go spare|flip|lose it|freak out) and)?( (probably|actually|literally|honestly|seriously|definitely|absolutely|totally|just))? (kill|murder) (me|her|him|them|us|you|my \w+) (if|when|for) (i |we |you |he |she |they )?(\w+ ){0,2}?(ate|eat\w*|talk\w*|chat\w*|swear\w*|laugh\w*|giggl\w*|cheat\w*|cop(y|ied)\w*|borrow\w*|touch\w*|break\w*|broke|los\w+|lost|forget\w*|forgot|wear\w*|us\w+|miss\w*|fail\w*|late|spoil\w*|spill\w*|scratch\w*|dent\w*|crash\w*|finish\w*|drink\w*|drank)"
    r"|(give|giving|gave|given) away (my |some of my |all my )?(old |spare )?(clothes|toys|books|games|furniture|stuff to charity|things to charity)|to (charity|a charity shop)"
    r"|goodbye (card|party|present|gift|song|assembly|do|drinks|meal|hug|speech)|(jump|jumping) (on|in|into|over|off) (the|a|my) (trampoline|pool|bouncy castle|puddles?|sofa|bed|sea|water|waves|diving board)"
    r"|end of (my|the|his|her) (rope|tether)|(skipping|jump|climbing|tow|washing) rope|rope (swing|ladder|course|bridge)"
    r"|(d|would|could) murder a|murder a (curry|pint|coffee|pizza|burger|kebab|drink|brew|cuppa|beer)|(screaming|shouting) (on|at) (the |a )?(\w+ )?(rollercoaster|ride|concert|match|game|tv|telly|film|movie|show|programme)"
    r"|(mum|mom|mam|dad|parents|teacher|boss|coach|nan|gran|sister|brother|mates?|friends?)s? (is |are |s |will |would |d |ll )?(going to |gonna |literally )?(kill|murder) (me|us)\b(?! (with|and|tonight|right now|now))"
    r"|(suicide|self ?harm) (charity|charities|awareness|prevention|training|course|research|essay|project|module|policy|first aid|bereavement|survivors?)|(essay|project|talk|training|course|research|fundraiser|fundraising|walk|run) (on|about|for) (a )?(suicide|self ?harm)"
    r"|(is it|is this|would it be|would that be|does (it|this|that) count as) (an |a )?emergency (if|when|to)|(messaged|texted|rang|called|asked) (me |us )?(for )?help (because|with|on|to)"
    r"|die (my|her|his|your|the|our) (hair|clothes|fringe|roots|jeans|shirt|top|eyebrows|beard)"
    r"|(hurt|hurting|injur\w*) my ?self (at|in|during|playing|doing|on|while|when) (\w+ )?(football|rugby|training|gym|sport|pe|netball|hockey|work|cooking|dancing|skating|climbing|trampoline|bike|practice|match|game)"
    r"|(posted|shared|sent|uploaded|filmed) (a |an )?(video|clip|photo|pic|reel|tiktok)s? of (him|her|them|my|his)(sel(f|ves))? (\w+ ){0,3}(jumping|diving|climbing|swimming|doing)"
    r"|(rather|sooner) (\w+ )?(die|be dead) than|(nearly|almost|practically) (had|have|having|gave me) a (heart attack|stroke)|sleep (forever|for ever|for a week|for days|for a year) (after|when|once|this)"
    r"|(kill|smash|nail|slay|beat|destroy|ace|own)\w* (this|the|that|a|my) (\w+ )?(level|boss|game|round|quest|mission|exam|test|interview|presentation|match|gig|set|essay)"
    r"|bottle of (water|coke|pop|juice|milk|squash|lucozade|energy drink|fizzy \w+|tea|coffee|sauce|ketchup|shampoo|perfume)|^(just )?(kill|shoot) me now\b|(could|want to|wanna|makes me want to|feel like) (\w+ )?scream\b(?! for help)|sleep in\b|could (\w+ )?sleep (forever|for ever|for a week|for days) (after|now|tonight)|how (many|much) (\w+ ){0,2}(can|should|do) (a|my|i|you|he|she|they) (\w+ ){0,2}(have|take|give)|(dose|dosage) of"
    r"|(i think|i suspect|suspect|suspicions? that|tip off about|worried that|concerned that) (\w+ ){0,4}(is|are|has been|have been|s) (hurting|abusing|harming)\b(?!.*\b(now|tonight|screaming)\b)"
    rf"|(i|we|im|were|i was|i am) (work\w*|cook\w*|cut my \w+|chop\w*|fishing|carv\w*|whittl\w*|peel\w*|slic\w*|gardening|diy) (\w+ ){{0,4}}with (a |an |the |my |some )?(\w+ )?{WEAPON}s?"
    r"|(pen|bread|butter|craft|pocket|fish|fishing|carving|steak|swiss army|palette|putty|stanley) knife(?! out| at| to| against| in (his|her|their) hand)"
    rf"|(has|have|carries|carry|keeps|had|got|brings|brought) (a |an |some )?(\w+ )?{WEAPON}s? in (his|her|their|my|a|the) (school )?(bag|pocket|locker|drawer|room|bedroom|car|coat)"
    r"|(a|the) (shooting|stabbing|fight|murder|kidnapping|explosion|fire) (in|on) (a|the) (film|game|show|book|series|video|news|programme|episode)"
    r"|(screaming|shouting|squealing) (in|on) the (paddling pool|pool|trampoline|playground|bouncy castle|swings)"
    rf"|found (a|an|some) (\w+ ){{0,2}}{WEAPON}|(arrested|charged|caught|excluded|suspended|prosecuted|convicted|cautioned) (\w+ ){{0,2}}(for )?(carrying|having|possession)\b.{{0,20}}|(started|been|keeps?|always) carrying (a |an )?{WEAPON}|for (his |her |their )?protection"
    rf"|(obsessed with|interested in|fascinated by|into|videos? (of|about)|collects?|collection of|watches) (\w+ ){{0,2}}{WEAPON}|{WEAPON}s? (videos?|games?|films?|channels?|content|documentar\w+)"
    r"|(but )?(she|he|they) (wont|will not|refuses to|doesnt want to|does not want to) leave( (him|her|them|the relationship|home))?$|take (\w+ ){0,2}(abroad|out of the country|to court|on holiday|away from me)"
    r"|(cat|dog|pet|puppy|kitten|fox|badger|deer|hedgehog|bird|rabbit|tortoise|horse) (\w+ ){0,2}(hit|knocked (down|over)|run over|ran over)( by a \w+)?"
    r"|(stalk\w*|follow\w*|watch\w*) (my|her|his|their) (facebook|fb|insta\w*|tiktok|snapchat|socials|social media|profile|page|account|posts|stories)"
    rf"|(wants?|thinking|thinks|talking|talks) (about |of )?(to )?carry(ing)? (a |an )?{WEAPON}|carry(ing)? (a |an )?{WEAPON} (because|for|to school|like his|like her)"
    r"|(she|he|they|my \w+) (thinks|suspects|reckons) (that )?(someone|somebody|a man|a car|a van|people) (is|are|has been|keeps)( \w+ing)?"
    r"|(been |is |s |keeps? )?missing (school|lessons|class|classes|college|uni|work|meals|appointments|deadlines|the bus|the point|his friends|her friends|home)"
    r"|murder (mystery|mysteries|podcasts?|documentar\w+|case|trial|investigation|rates?|scene|novels?|films?|shows?|series|games?)|attack\w* (my|his|her|their|our) (opinions?|views?|ideas?|work|character|beliefs?|posts?|comments?|writing|reputation)"
    r"|(called|rang|phoned|emailed|messaged|spoke to (me|us)|told (me|us)) about (\w+ ){0,3}(hitting|punching|kicking|fighting|biting|pushing)"
    r"|feel(s|ing)? trapped|taken into care|shot down|blue (eyes|hair|car|bike|top)|(hammer|bat|knife) (and|or) (fork|ball)|knife and fork|(game|games|film|films|movie|show|toys?|video|videos) (\w+ ){0,2}(guns?|knives|weapons|shooting|stabbing))\b"
)
# A negation just before a finding cancels it ("not suicidal", "nobody is in danger", "no one is hurting me").
# "he won't stop hitting me", "she won't let me leave" are no negation.
_NEGATION = re.compile(r"\b(not|never|no|nobody|noone|no one|isnt|wasnt|arent|dont|doesnt|wont|neither|nor)\b(?! (stop|let|leave|go away))")
_NEGATION_WINDOW = 3
# Words that place an event in the past ("last month", "in 2019", "years ago", "used to"), when nothing says "now".
_PAST = re.compile(
    r"\b(last (week|weekend|month|year|term|summer|winter|christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|but (came|come) back|came home|\w+ (years|months|weeks) ago|years ago|months ago|"
    r"in (19|20)\d\d|in the (19|20)?\d0s|in the (sixties|seventies|eighties|nineties)|yesterday|(?<!the )(?<!since )(?<!my )last night|earlier (today|tonight|this (morning|evening|week))|bereave\w*|funeral|inquest|grieving|passed away|(was|were|been) (murdered|killed)|the other (day|night)|(that|which) happened|when i was|used to|as a (child|kid|teenager|teen)|in the past|after (being|i was|i got) \w+|after (a|an|the) (break in|burglary|attack|assault|stabbing|shooting|mugging|robbery|fight|incident|accident|fire)|after (he|she|they|i|we) (saw|witnessed|was|were|got)"
    r"|(after|since|following) (a |an |the |my |his |her |their |our )?(\w+ ){0,2}(suicide|death|overdose|loss)"
    r"|(it|that|this|which) (really )?(shook|scared|upset|frightened|rattled) (me|us|her|him)( up)?|shaken up|on (mon|tues|wednes|thurs|fri|satur|sun)day|in (january|february|march|april|june|july|august|september|october|november|december)|a while (back|ago)|(a (few|couple of)|some) (days|weeks|months|years) (ago|back)|(some|a long) time ago"
    r"|when (we|they|he|she|i) (were|was) (together|married|little|young|kids|at school|a kid)|when we (split up|broke up|separated)|during (the|our|an|a) (marriage|relationship|argument|row))\b"
)
# Words that say the person is safe now ("but she is fine", "he is back now", "probably asleep"): nothing is happening.
_SETTLED = re.compile(
    r"\b(but( he| she| they| it| we| i| everyone)?( is| was| are| were|s|re)( all)? (fine|ok|okay|alright|safe|unhurt)\b"
    r"|(he|she|they|we|everyone)( is| are|s|re)( all)? (back |home |back home )?(fine|ok|okay|alright|safe|unhurt) (now|and sound)"
    r"|(its|it is|they are|theyre|it was|it turned out to be) (just )?(the )?(builders|postman|delivery driver|neighbours|council|plumber|window cleaner|meter reader)"
    r"|(selling|delivering|canvassing|collecting for|leafleting|from the council|from the gas board|to read the meter)\b|trick or treat\w*|carol singers"
    r"|just talk\b|(school|police|teachers?|they) (dealt with|sorted|handled) it|its (been )?(sorted|dealt with|resolved)"
    r"|probably (asleep|just|at|out|busy|fine|charging)|phone is probably (dead|off|flat)|hide (and|n) seek"
    r"|(we|i|they|police|security|staff|someone|he|she) (have |has |had |ve )?found (him|her|them)\b(?! (\w+ )?(bleeding|unconscious|not|in a|with|lying|on the|hanging|collapsed|unresponsive|dead|cut))|(turned|showed) up (safe|fine|ok|okay|alright)|recovering|on the mend|out of hospital|(been |was )?discharged|no longer (missing|in danger|at risk|lost)"
    r"|but (then )?(he|she|they) (stopped|left|calmed down|walked off|went home|drove off|backed off))"
)
# Danger that is a question about danger in general ("what counts as an emergency", "what should I do if a
# child tells me they are being hurt"): the asker is not in it.
_HYPOTHETICAL = re.compile(
    r"^(what|how|when|who|where|is it|should i)\b.{0,40}\b(counts? as|if (a|my|someone|somebody|anyone|they|he|she) (\w+ ){0,2}(tells?|told|says?|said|discloses?) (me|us|you))"
    r"|^what happens (if|when)\b|^(how|what|when|why)\b.{0,30}\b(police|operators?|call handlers?|they|999|101)\b.{0,20}\b(decide|know|judge|define|prioriti[sz]e|classify|class)\b|^(what|how|who|where|when|is it|should i|can i|do i|would)\b.{0,30}\bif (i |a |an |my |our |someone |somebody |anyone |there |you )(\w+ ){0,3}?(ever|find|found|see|saw|hear|heard|think|suspect)\b"
    r"|\b(ever|in case|just in case|hypothetically|in general)\b.{0,40}\b(who|what|how|where) (would|should|do|could|can) (i|we|you)\b|\bif (\w+ ){1,3}ever\b|^is it (legal|illegal|allowed|against the law|an offence|a crime)"
)
# Play, whatever the time: a prank, a dare, a holiday jump into the sea. Both kinds.
_PLAY = re.compile(
    r"\b(as a (prank|joke)|for a (dare|laugh)|knock (down|and run) ginger|on holiday|tombstoning|coasteering|when we play|when (were|we are) playing|play ?fight\w*|messing (about|around)|mucking about|(high|diving|top|spring) ?board|(bungee|sky|base|parachute|cliff|ski|show|long|high) ?(jump|jumping|dive|diving))\b"
)
# A fear of what may happen one day ("scared he'll get into a gang"): the learnt layer, which weighs words, not
# who does what when, stays quiet; the patterns still find "scared he'll kill me".
_MAY_HAPPEN = re.compile(r"\b(scared|worried|afraid|frightened|concerned|terrified|worry) (that )?(he|she|they|it|my \w+|hell|shell|theyll)( will| might| could| may| would|ll)?\b(?! (is|are|has|have)\b)")
# Someone else's self-harm, asked about ("my teen is self harming, how do I talk to her"): a worry to talk through, not a
# crisis now, unless something says now.
_SELF_HARM_ADVICE = re.compile(
    r"\b(is|has been|been|keeps|started|was) self ?harm\w*\b.*\b(how (do|can|should) i|dont know how|what (do|should|can) i|advice|how to (talk|help|support)"
    r"|(getting|gets|having|has|had) (help|support|treatment|counselling|therapy)|camhs|seeing (a|the) (counsellor|therapist|doctor|gp))"
)
# A story or the news told, when nothing says now: "in the book the villain kidnaps the princess". Both kinds.
_FICTION = re.compile(
    r"\b(in (the|a|this|that|my|his|her) (book|film|movie|story|novel|show|series|episode|play|programme|cartoon|comic|soap|drama|documentary|musical|opera)"
    r"|(a|the) (show|series|programme|film|movie|book|game|podcast) (where|about|in which)|(on|in) the (news|paper|papers|radio)"
    r"|(news|radio|paper|article|headline)s? (said|says|reported|reports)|read (a|an|the) (story|article|report|piece|post)"
    r"|the (villain|baddie|hero|heroine|main character|characters?|plot|narrator)"
    r"|(reading|read|watching|watched|writing|wrote|listening to) (a|an|the|this|my) (\w+ ){0,2}(book|novel|thriller|story|film|movie|series|show|play|documentary|mystery|podcast|script|poem)s?"
    r"|thrillers?|book club|(crime|detective|murder|horror) (novel|story|book|film|series|podcast|drama)s?)\b"
)
# A dream or a nightmare told: no one is in danger from others now (a wish to die is still read, whatever the frame).
_DREAM = re.compile(r"\b(dreamt|dreamed|dreaming|(had|have|having|keep having) (a |the same )?(dream|nightmare)s?|in (my|a|the) (dream|nightmare))\b")
# A sport or hobby with a blade or a gun: "my son does fencing and has a sword". Calm when nothing says now.
_HOBBY = re.compile(r"\b(fencing|archery|kendo|martial arts|re ?enact\w*|clay pigeon\w*|shooting (club|range|lessons)|gun club|rifle club|cosplay|larp\w*|target practice|(deer|game|pheasant|grouse|duck|rabbit) (stalking|hunting|shooting)|hunting|gamekeep\w*|boxing|kickboxing|judo|karate|paintball\w*|airsoft)\b")
# Saying one is well or cared for now: the "now" of "i'm in a good place now", "in hospital now" is no danger now.
_RECOVERED = re.compile(r"\b(in a (good|better|happier|safe|much better|good) (place|space|headspace)( now)?|(in|at) (the )?hospital( now)?|(doing|feel|feeling|am|im) (much |a lot |really |so )?(better|well|ok|okay|fine|good) now|recovered|in recovery)\b")
# A joke said so ("lol", "haha"): no danger from others, unless something says now; a wish to die is still read.
_JOKE = re.compile(r"\b(lol|lmao|lmfao|rofl|haha\w*|jk|only joking|just joking)\b")
# Wanting to know what to do one day, or fearing what someone may do one day: calm when nothing says now.
_SOME_DAY = re.compile(
    r"\b(wants? to know|asking|asked|wondering|learn\w*|teach\w*|tell\w*) (\w+ ){0,3}(what|how) to do if\b"
    r"|\b(worr\w*|afraid|scared|fear\w*|concerned|thinks?) (that )?(someone|somebody|people|a burglar|burglars|thieves|her ex|his ex|my ex) (will|might|could|may) .{0,40}\b(one day|someday|some day|in the future|next (year|month|summer)|eventually)\b"
)
_WISH = re.compile(r"\b(want|wanna|wish|dont|cant|cannot|going|gonna|ready|plan\w*|thinking|feel like|no point|nothing|not worth|better off|tired of|had enough|burden)\b")
_NOW = re.compile(r"\b((hes|shes|theyre|he is|she is|they are|someone is|somebody is) (outside|here|back|in the house|in my house|downstairs|upstairs|coming)|(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!safe )(?<!alright )now(?! (she|he|they|i|we|im|shes|hes|theyre) (help|helps|work|works|volunteer|volunteers|run|runs|is fine|am fine|are fine|fine|ok|doing))|still (\w+ing|here|there|outside|inside|in|at|out|missing|not|gone)|(?<!happen )(?<!happens )again|currently|tonight|today|at the moment|keeps?|this (morning|evening|afternoon|week))\b")



def _negated(text: str, start: int) -> bool:
    begin = len(" ".join(text[:start].split()[:-_NEGATION_WINDOW]))
    return any(m.start() < start for m in _NEGATION.finditer(text, begin))


def _found(pattern: re.Pattern[str], text: str) -> str | None:
    idioms = [m.span() for m in _IDIOMS.finditer(text)]
    start = 0
    while (match := pattern.search(text, start)) is not None:
        if not (_negated(text, match.start()) or any(a <= match.start() < b or a < match.end() <= b for a, b in idioms)):
            return match.group(1)
        start = match.start() + 1  # a shorter finding inside a cancelled one still counts
    return None


def read(query: str) -> str:
    """The words the detector reads: flat, with text-speak, slang and common misspellings spelt out ("kms" -> "kill myself")."""
    return SLANG_RE.sub(lambda m: SLANG[m.group(1)], flat(query))


def features(text: str) -> set[str]:
    """What the learnt layer weighs: each word ("u:brick") and each pair of neighbours ("b:through_my")."""
    words = text.split()
    return {f"u:{w}" for w in words} | {f"b:{a}_{b}" for a, b in zip(words, words[1:])}


def _learnt(text: str) -> list[tuple[str, str]]:
    """The kinds the learnt weights find, each with its three heaviest words.

    A logistic regression over words and word pairs, fitted to the tuning sets
    by scripts/danger_weights.py: it carries what the patterns know to
    wordings no pattern spells out ("put a brick through my window", "off his
    face and swinging a chair"). Its threshold was chosen on batches of tuning
    phrasings left out of the fit, for recall at no more false banners.
    """
    found = []
    words = features(text)
    for need, weights in dangerweights.WEIGHTS.items():
        score = dangerweights.BIAS[need] + sum(weights.get(f, 0.0) for f in words)
        if score > dangerweights.THRESHOLD:
            said = [f[2:] for f in sorted(words, key=lambda f: -weights.get(f, 0.0)) if f.startswith("u:") and weights.get(f, 0.0) > 0 and is_content(f[2:])]
            found.append((need, " ".join(said[:3])))
    return found


def patterns(query: str) -> list[tuple[str, str]]:
    """What the patterns alone find (the learnt layer's labels are these, on its tuning lines)."""
    return _detect(read(query), learnt=False)


def detect(query: str) -> list[tuple[str, str]]:
    """The crisis needs a query speaks of, each with the words that said so.

    [("self-harm", "cant go on")], [("emergency", "knife")], both (danger to
    life from someone else first), or [].
    """
    return _detect(read(query), learnt=True)


def _detect(text: str, learnt: bool) -> list[tuple[str, str]]:
    found = []
    if _PLAY.search(text):
        return []
    now = bool(_NOW.search(_RECOVERED.sub(" ", text)))
    if _FICTION.search(text) and not now:
        return []
    past = bool(_PAST.search(text)) and not now
    calm = bool(((_SETTLED.search(text) or _SOME_DAY.search(text) or _HOBBY.search(text) or _JOKE.search(text)) and not now) or _HYPOTHETICAL.search(text) or _DREAM.search(text))
    for need, pattern in ((EMERGENCY, DANGER_RE), (SELF_HARM, SUICIDE_RE)):
        said = _found(pattern, text)
        # It happened then, and a danger now would say so; but a wish to die is said in the present whatever the past.
        if said is not None and not (past and not (need == SELF_HARM and _WISH.search(said))) and not (calm and need == EMERGENCY):
            found.append((need, said))
    if learnt and not (past or calm or _MAY_HAPPEN.search(text)):
        found += [(need, said) for need, said in _learnt(text) if need not in {n for n, _ in found}]
    if _SELF_HARM_ADVICE.search(text) and not now:
        found = [(need, said) for need, said in found if need != SELF_HARM]
    return sorted(found, key=lambda f: f[0] != EMERGENCY)
