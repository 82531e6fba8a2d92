"""The danger detector's rules of lane danger4, each with the finding it gives (or that it stays quiet).

Each rule is a meaning, not a phrase: the cases are examples of it, written with the rule.
"""

from __future__ import annotations

import pytest

from helpfinder.danger import detect, patterns

EMERGENCY, SELF_HARM = "emergency", "self-harm"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        # Heard inside one's home; hiding to ask for help; an adult in a child's room at night.
        ("I can hear someone moving about downstairs and I live alone", [(EMERGENCY, "hear someone moving about downstairs")]),
        ("she's texting me from under the duvet", [(EMERGENCY, "texting me from under the duvet")]),
        ("her uncle is in her room again", [(EMERGENCY, "uncle is in her room")]),
        # A threat to crash the car with them in it; "teach me a lesson"; "not leaving till"; held.
        ("my husband says he's going to drive us all off the bridge", [(EMERGENCY, "says hes going to drive us all off the bridge")]),
        ("he said he's coming round tonight to teach me a lesson", [(EMERGENCY, "teach me a lesson")]),
        ("he says he's not leaving till i let him in", [(EMERGENCY, "not leaving till")]),
        ("he says he can't leave", [(EMERGENCY, "cant leave")]),
        # A child gone to an adult met online; harmed or lured now; a car described; someone at any part of the home.
        ("my daughter's gone to a hotel to meet a man she met online", [(EMERGENCY, "gone to a hotel to meet a man")]),
        ("i think my neighbour's baby is being shaken", [(EMERGENCY, "being shaken")]),
        ("there's a man exposing himself to my kids at the park", [(EMERGENCY, "exposing himself")]),
        ("some man in a car is offering sweets to kids by the school", [(EMERGENCY, "man in a car is offering sweets to kids")]),
        ("a man just pulled a girl into a white van", [(EMERGENCY, "pulled a girl into a white van")]),
        ("now he's at our back gate", [(EMERGENCY, "hes at our back gate")]),
        # Suicide: a picture of the means sent, a ligature tied, the means saved, alone by water not wanting to go on.
        ("my best friend sent me a pic of pills", [(SELF_HARM, "sent me a pic of pills")]),
        ("i've tied a belt to the door", [(SELF_HARM, "tied a belt to the door")]),
        ("been saving my tablets for weeks", [(SELF_HARM, "saving my tablets")]),
        ("i'm sat in the car by the reservoir and i don't want to go home ever", [(SELF_HARM, "im sat in the car by the reservoir and i dont want")]),
        # Making it stop, for good in other words, jumping from a height, verb forms, no reason to live in any order.
        ("i'm a waste of space and i'm going to make it stop", [(SELF_HARM, "going to make it stop")]),
        ("i just want the pain to stop permanently", [(SELF_HARM, "want the pain to stop permanently")]),
        ("my teen is threatening to jump out of the window", [(SELF_HARM, "threatening to jump")]),
        ("i keep thinking about stepping in front of a lorry", [(SELF_HARM, "stepping in front of a lorry")]),
        ("i have no reason to keep living", [(SELF_HARM, "no reason to keep living")]),
        ("i cant see any reason 2 be alive", [(SELF_HARM, "cant see any reason 2 be alive")]),
        # Batch 2: an amount of pills, a dropped "g" and numbers for words, found in a state, a place described, adverbs between.
        ("what do i do my friend just took like 20 pills", [(SELF_HARM, "took like 20 pills")]),
        ("omg theres a guy tryin to get in2 my window", [(EMERGENCY, "trying to get in")]),
        ("i found my flatmate hanging", [(EMERGENCY, "found my flatmate hanging")]),
        ("i'm on the motorway bridge", [(SELF_HARM, "im on the motorway bridge")]),
        ("why am i even alive", [(SELF_HARM, "why am i even alive")]),
        # Not seeing oneself here, the urge to cut with nothing to cut, the world better or fine without them, for good in other words.
        ("tbh i dont see myself being here next week", [(SELF_HARM, "dont see myself being here next")]),
        ("im literally shaking i want to cut so bad", [(SELF_HARM, "want to cut so bad")]),
        ("my dad keeps saying the world would be better without him", [(SELF_HARM, "the world would be better without him")]),
        ("everyone will be fine without me", [(SELF_HARM, "everyone will be fine without me")]),
        ("i need to disappear permanently", [(SELF_HARM, "need to disappear permanently")]),
        ("i've made my mind up, i'm ending it after everyone's asleep", [(SELF_HARM, "im ending it after")]),
        # A child left in a hot or locked car.
        ("a baby has been left alone in a hot car in the car park", [(EMERGENCY, "a baby has been left alone in a hot car")]),
        # Round 3 (what only the learnt layer found): anyone as the object, a weapon drawn, a fall and no answer, a missile, "i'm next".
        ("i think someone has just stabbed a guy outside my flat", [(EMERGENCY, "just stabbed a guy")]),
        ("dad has hit mum again and now he's got the bread knife out", [(EMERGENCY, "got the bread knife")]),
        ("theres a guy with a knife in the kitchen", [(EMERGENCY, "with a knife")]),
        ("a man has pulled out a knife", [(EMERGENCY, "pulled out a knife")]),
        ("an old man has fallen in the street and he's not talking", [(EMERGENCY, "fallen in the street and hes not talking")]),
        ("somebody has just put a brick through my window", [(EMERGENCY, "put a brick through my window")]),
        ("he put his fist through the door and says i'm next", [(EMERGENCY, "says im next")]),
        ("a lad in my year has a gun in his bag and says hes using it today", [(EMERGENCY, "says hes using it today")]),
        # Driven at, a door tried, drunk at the wheel, kept from calling, stamped on.
        ("my husband has got the kids in the car and is driving at me", [(EMERGENCY, "driving at me")]),
        ("i can hear someone trying to open the back door", [(EMERGENCY, "someone trying to open the back door")]),
        ("my daughter is in a car with a drunk driver", [(EMERGENCY, "in a car with a drunk")]),
        ("my husband wont let me call anyone", [(EMERGENCY, "wont let me call anyone")]),
        ("some lads are stamping on him", [(EMERGENCY, "stamping on him")]),
        # A child with adults: picked up by one met online, at an older man's flat, with men she does not know, taken by a man.
        ("my daughter has been picked up by a man she met on tiktok", [(EMERGENCY, "picked up by a man she met on tiktok")]),
        ("she's gone to a party at some older guy's flat", [(EMERGENCY, "at some older guys flat")]),
        ("she's in a car with 3 men she doesn't know", [(EMERGENCY, "man she doesnt know")]),
        ("a man from the game is waiting for her at the park", [(EMERGENCY, "man from the game is waiting for her")]),
        ("my little bro got took by some man in a black car", [(EMERGENCY, "got took by some man")]),
        # Not wanting to live in other words, sleep as an ending, wanting to be gone, something taken, on a bridge and sorry.
        ("i just cant be bothered to live anymore", [(SELF_HARM, "cant be bothered to live")]),
        ("i wish i could just go to sleep and that be it", [(SELF_HARM, "go to sleep and that be it")]),
        ("i'm just so done. i want to be gone", [(SELF_HARM, "want to be gone")]),
        ("my flatmate says she's taken something", [(SELF_HARM, "says shes taken something")]),
        ("my mate says he's on the bridge and sorry", [(SELF_HARM, "hes on the bridge and sorry")]),
        ("i just want everything to end tonight", [(SELF_HARM, "want everything to end tonight")]),
        ("my friend has taken a bag of pills", [(SELF_HARM, "taken a bag of pills")]),
        # Round 4: held under water, never seen alive, a body's emergency, railings at a height, holding on, a dropped "g" and "bout".
        ("some boys are holding my son's head under the water", [(EMERGENCY, "holding my sons head under the water")]),
        ("my ex texted saying i'll never see them alive", [(EMERGENCY, "never see them alive")]),
        ("my brother is having an asthma attack and his inhaler isnt working", [(EMERGENCY, "is having an asthma attack")]),
        ("there's a woman on the bridge climbing the railings", [(SELF_HARM, "bridge climbing the railings")]),
        ("dont know how much longer i can hold on, i'm at the station", [(SELF_HARM, "dont know how much longer i can hold on")]),
        ("im thinkin bout jumpin off my balcony", [(SELF_HARM, "thinking about jumping")]),
        # Worthlessness then an ending; a plan for when no one is there.
        ("i'm worthless and i'm going to finish it tonight", [(SELF_HARM, "worthless and im going to finish it")]),
        ("i've planned it for sunday, everyone will be at church", [(SELF_HARM, "planned it for sunday everyone will be at church")]),
        # Round 5: common misspellings read as meant; a child on a ledge; a photo of one's home with a threat.
        ("my boyfirend is beeting me up", [(EMERGENCY, "my boyfriend is beating")]),
        ("he is thretening me with a knive", [(EMERGENCY, "threatening me with a knife")]),
        ("my neighbours kid is on the window ledge on the 4th floor", [(EMERGENCY, "kid is on the window ledge")]),
        ("my ex just sent me a picture of my house and said see you soon", [(EMERGENCY, "picture of my house and said see you soon")]),
        # Fading away, hating being alive, the urge to cut then how or when.
        ("i've stopped eating and drinking and want to fade away", [(SELF_HARM, "want to fade away")]),
        ("i hate being alive every single second", [(SELF_HARM, "hate being alive")]),
        ("im gonna cut tonight deeper than ever", [(SELF_HARM, "going to cut tonight deeper")]),
    ],
)
def test_a_new_rule_finds_its_meaning_by_pattern(query: str, found: list[tuple[str, str]]) -> None:
    assert patterns(query) == found and detect(query) == found


@pytest.mark.parametrize(
    "query",
    [
        # A joke said so; a hunting hobby; a story read; recovered now; a pet's "s"; a child found; a place, not a person.
        "i'll kill my brother if he eats my chocolate again lol",
        "my husband goes deer stalking with his rifle in scotland",
        "my book club is reading a thriller about a kidnapped girl",
        "i had suicidal thoughts years ago but i'm in a good place now",
        "my cat's gone missing again, the third time this year",
        "my 8 year old wandered off in the supermarket but we found him at the tills",
        "someone keyed my car outside my house",
        # Someone else's death, after; a thing that cannot go on; a sport's jump.
        "how do i support my teenager after a friend's suicide",
        "i can't go on with this diet anymore",
        "we're going bungee jumping for my birthday",
        # Past: a day or month named, a while back, when we split up, during a row; recovering; no longer missing; it stopped.
        "my brother got stabbed and is recovering in hospital",
        "he threatened to kill me when we split up, that was in march",
        "the police said my son is no longer missing",
        "my husband smashed my phone during an argument on saturday",
        "my mate got glassed at a club a while back",
        "he was going to hit me but he stopped and left",
        # Figures of speech; the same words in a calm sense.
        "id rather die than sing in public",
        "kill me now its monday",
        "im so stressed i could scream",
        "my teacher will teach us a lesson on fractions",
        "i cant leave my job because of money",
        "my step dad keeps coming into my room at night",  # a worry to talk through (the tuning half's), nothing saying now
        # Batch 2: whether something counts as an emergency, a help message with its cause, hair dye, a sport injury, a jump filmed.
        "is it an emergency if my neighbour's dog keeps barking",
        "my son messaged me 'help' because he can't work the washing machine",
        "i want to die my hair pink",
        "i keep hurting myself at football, maybe i need better boots",
        "my mate just posted a video of himself jumping off a pier into the sea in greece",
        "i want to cut my fringe",
        "the kids will be fine without me for a weekend",
        "a baby was left in a hot car in america, it was on the news",
        # Round 3's rules in an everyday sense.
        "i've taken something for my headache",
        "my son said i'm next in the queue for the bathroom",
        "he is on the bridge in his car stuck in traffic",
        "the guy from the app is coming to fix the boiler",
        "we took a bag of sweets to the cinema",
        "i could go to sleep and that be it for the weekend",
        "my daughter got picked up by her dad from school",
        "i want to be gone by 5pm so i can miss the traffic",
        # Round 4's rules in an everyday sense: a thing of mine finished, a game level killed, a drink, a group chat left, cared for now.
        "i'm going to finish my assignment tonight",
        "i really want to kill this boss level but i'm scared of losing",
        "i just downed a bottle of water after my run",
        "nobody would notice if i left the group chat",
        "a man shouted at me in the street and it shook me up",
        "my neighbour had a stroke yesterday and is in hospital now",
        "i nearly had a heart attack when i saw the bill",
        "dont know how much longer i can hold on at this job",
        "the kids were climbing on the railings at the park",
        # Round 5's in an everyday sense: a game won, a diving board, an account, a football kicked, teen hyperbole, a photo.
        "my boyfirend is always beating me at fifa",
        "my son wants to jump from the high board at the pool",
        "i want to not exist on social media anymore",
        "a group of teenagers were kicking a football against our wall",
        "i hate my life my mum took my phone",
        "my mum sent me a photo of my house from the estate agent",
        "im gonna cut my fringe tonight",
    ],
)
def test_a_new_calm_rule_keeps_the_banner_down(query: str) -> None:
    assert detect(query) == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        # A past word or a calm word does not hide a danger said to be now.
        ("he says hes going to kill me on saturday and hes outside now", [(EMERGENCY, "says hes going to kill me")]),
        ("he left but says hes coming back tonight to finish me", [(EMERGENCY, "coming back tonight to finish me")]),
        ("he hit me during an argument and hes still hitting me", [(EMERGENCY, "hitting me")]),
        ("my stepdad is hitting my mum again lol", [(EMERGENCY, "my stepdad is hitting")]),
        ("she wont stop screaming for help next door", [(EMERGENCY, "screaming")]),
        # A wish to die is read whatever the frame.
        ("i wanted to die last year and i want to die again now", [(SELF_HARM, "wanted to die")]),
    ],
)
def test_the_calm_rules_give_way_to_now(query: str, found: list[tuple[str, str]]) -> None:
    assert detect(query) == found
