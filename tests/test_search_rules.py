"""The signposter's rules search follows, each with literal cases: what the query says decides the route."""

from __future__ import annotations

import pytest

from helpfinder.directory import Directory
from helpfinder.loader import bundled_path, load
from helpfinder.needs import Classification
from helpfinder.ranking import search


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load(bundled_path(), use_cache=False)


def ids(directory: Directory, query: str, n: int = 3) -> list[str]:
    return [m.entry.id for m in search(directory, query).services[:n]]


@pytest.mark.parametrize(
    ("query", "screen"),
    [("a child told me they are being abused", False), ("my neighbour hits his kids", False),
     ("someone is messaging my son on snapchat", True), ("he sent her nudes", True), ("a man on the xbox", True)],
)
def test_a_query_names_something_online_or_not(query: str, screen: bool) -> None:
    from helpfinder.online import names_screen

    assert names_screen(query) is screen


def test_the_online_needs_are_those_whose_label_says_online_and_count_half_for_an_offline_query(directory: Directory) -> None:
    from helpfinder.online import offline, online_needs

    assert online_needs(directory) == {"report-online-exploitation", "report-abuse-images"}
    needs = Classification({"report-online-exploitation": 6.0, "worried-about-a-child": 4.0})
    offline(directory, needs, "a child told me they are being abused")
    assert needs.scores == {"report-online-exploitation": 3.0, "worried-about-a-child": 4.0}
    offline(directory, needs, "a man is messaging a child online")
    assert needs.scores == {"report-online-exploitation": 3.0, "worried-about-a-child": 4.0}


def test_nothing_online_is_not_first_for_the_online_abuse_route(directory: Directory) -> None:
    assert ids(directory, "as a teaching assistant what do i do if a child tells me they are being abused", 1) == ["nspcc-helpline"]
    assert ids(directory, "a man is asking my 12 year old for pictures on instagram", 1) == ["ceop"]


@pytest.mark.parametrize(
    "query", ["i think my neighbour is sexually abusing his stepdaughter", "i was groped on the bus on the way home", "my uncle molested me"]
)
def test_a_query_that_names_abuse_is_a_worry_whatever_else_it_says(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.services and not results.general


@pytest.mark.parametrize("query", ["my knees hurt when i run", "my neighbours garden is neglected", "a bug exploit in minecraft"])
def test_words_with_everyday_senses_do_not_make_a_worry(directory: Directory, query: str) -> None:
    assert search(directory, query).services == []


def test_a_stepchild_or_grandchild_is_a_child_and_groping_is_a_harm_done_to_the_asker(directory: Directory) -> None:
    from helpfinder.asker import harmed

    reasons = [r for m in search(directory, "is my stepdaughter being groomed").services for r in m.reasons]
    assert any(r.startswith("stepdaughter→") for r in reasons)
    assert harmed("i was groped on the bus") and harmed("he molested me") and not harmed("i was on the bus")


def test_someone_harmed_who_does_not_say_their_age_sees_routes_for_everyone_before_those_for_one_group(directory: Directory) -> None:
    index = directory.index
    groups = {s: not index.service_for_everyone[index.service_ids.index(s)] for s in ("napac", "marie-collins-foundation", "victim-supportline", "rape-crisis-england-wales")}
    assert groups == {"napac": True, "marie-collins-foundation": True, "victim-supportline": False, "rape-crisis-england-wales": False}
    assert ids(directory, "someone attacked me on my way home from work", 2) == ["victim-supportline", "national-domestic-abuse-helpline"]
    assert ids(directory, "support for people affected by crime", 1) == ["victim-supportline"]
    # the route's own words said: a route for one group keeps its place
    assert ids(directory, "im an adult survivor of childhood abuse", 1) == ["napac"]


def test_someone_hard_of_hearing_is_offered_typing_and_a_deaf_person_sign_language_too(directory: Directory) -> None:
    from helpfinder.asker import channels

    assert channels("my dad is hard of hearing and cant use the phone") == {"text", "textphone"}
    assert channels("my mum is deaf, how does she call the police") == {"text", "textphone", "bsl"}
    assert channels("i cant hear on calls but i sign") == {"text", "textphone", "bsl"}
    assert "999-bsl" not in ids(directory, "my dad is hard of hearing and cant use the phone", 1)


def test_someones_use_of_images_is_behaviour_not_a_web_address_to_report(directory: Directory) -> None:
    from helpfinder.images import whose_images

    assert [whose_images(q) for q in (
        "my husband has been downloading child abuse material", "i found images of kids on my sons phone",
        "i was looking at a website and saw child abuse images", "someone keeps sending me photos of young children",
    )] == ["use", "use", "others", "others"]
    assert ids(directory, "my husband has been downloading child abuse material", 1) == ["stop-it-now"]
    assert ids(directory, "i was looking at a website and saw child abuse images", 1) == ["internet-watch-foundation"]


@pytest.mark.parametrize(
    ("query", "asker"),
    [("I run a youth football club and a parent told me something", "professional"),
     ("what do professionals do when a child discloses abuse", "professional"), ("i run a marathon every year", None)],
)
def test_running_a_club_for_children_or_asking_what_professionals_do_is_a_professional_asking(query: str, asker: str | None) -> None:
    from helpfinder.asker import who

    assert who(query) == asker


def test_an_adult_asking_about_a_child_first_sees_ceop_for_an_online_concern_and_the_nspcc_for_any_other(directory: Directory) -> None:
    assert ids(directory, "im a youth worker and a girl in my group says her uncle hurts her", 2) == ["nspcc-helpline", "ceop"]
    assert ids(directory, "im a youth worker and a man is messaging a girl in my group on instagram", 2) == ["ceop", "nspcc-helpline"]
    assert ids(directory, "someone is groming my son", 1) == ["ceop"]  # the typo corrected says "grooming": online


@pytest.mark.parametrize(
    ("query", "job"),
    [("my friend wants to become a paramedic", True), ("how to become a plumber", True), ("how do i become a teacher", True),
     ("im scared he will become a predator", False), ("how do i become a better dad", False),
     ("how do i become a volunteer police officer", False), ("how can i become a police volunteer", False)],
)
def test_asking_how_to_take_up_any_job_is_a_career_question_unless_it_names_a_harm_or_a_way_to_help_the_police(query: str, job: bool) -> None:
    from helpfinder.asker import career

    assert career(query) is job


@pytest.mark.parametrize("query", ["my laptop stopped charging overnight", "the bus stopped and i got charged twice"])
def test_two_everyday_keywords_of_advice_do_not_name_it_in_an_off_topic_query(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.services == [] and results.topics == []


def test_a_child_who_will_not_go_in_to_school_is_calm_and_someone_who_will_not_go_away_is_danger() -> None:
    from helpfinder.danger import detect

    assert detect("my son wont go to school") == [] and detect("my toddler wont go to bed") == []
    assert [n for n, _ in detect("the man outside wont go away")] == ["emergency"]


def test_a_place_said_puts_the_services_for_people_there_before_those_for_elsewhere(directory: Directory) -> None:
    assert ids(directory, "i was raped in glasgow two days ago", 2) == ["nhs-scotland-sarc", "rape-crisis-scotland"]
    assert ids(directory, "i live in cardiff and was sexually assaulted last night", 2) == ["rape-crisis-england-wales", "live-fear-free"]


@pytest.mark.parametrize(
    ("query", "asker"),
    [("my husband hits me", "adult"), ("my ex shared my photos", "adult"), ("my boyfriend shared my nudes", None),
     ("im 15 and my ex shared my nudes", "child"), ("i am worried about how my partner behaves with my kids", "parent")],
)
def test_a_husband_wife_or_partner_is_an_adults(query: str, asker: str | None) -> None:
    from helpfinder.asker import who

    assert who(query) == asker


def test_an_adult_sees_a_route_for_adults_only_first_only_for_what_it_is_for(directory: Directory) -> None:
    assert ids(directory, "my husband hits me", 1) == ["national-domestic-abuse-helpline"]  # not NAPAC (abuse in childhood)
    assert ids(directory, "my ex husband shared intimate videos of me", 1) == ["revenge-porn-helpline"]


@pytest.mark.parametrize(
    ("query", "child"),
    [("i think my neighbour is sexually abusing his stepdaughter", True), ("the kids next door look scared", True),
     ("an 8 year old said a man touched him", True), ("my son is being bullied", False), ("i was abused as a child", False)],
)
def test_a_child_spoken_of_in_the_third_person(query: str, child: bool) -> None:
    from helpfinder.asker import about_a_child

    assert about_a_child(query) is child


def test_someone_speaking_of_a_child_harmed_by_another_first_sees_the_help_for_adults_worried_about_a_child(directory: Directory) -> None:
    assert ids(directory, "i think my neighbour is sexually abusing his stepdaughter", 1) == ["nspcc-helpline"]
    assert ids(directory, "a little boy told me a man made him do sexual things", 1) == ["nspcc-helpline"]
    assert ids(directory, "who do i call if i see a child being hit in the street", 1) == ["nspcc-helpline"]


@pytest.mark.parametrize(
    ("query", "offer"),
    [("how can i help stop child abuse", True), ("i want to help the police catch predators", True),
     ("how can i help my son stop being bullied", False), ("help me stop him messaging my daughter", False)],
)
def test_the_person_asking_offers_their_help_against_crime_or_abuse(query: str, offer: bool) -> None:
    from helpfinder.asker import offers_help

    assert offers_help(query) is offer


def test_an_offer_of_help_leads_to_the_volunteering_routes_and_joining_the_specials_is_on_topic(directory: Directory) -> None:
    assert ids(directory, "i want to help the police catch predators", 1) == ["police-volunteering"]
    assert ids(directory, "can i become a special at 18", 1) == ["police-volunteering"]
    assert ids(directory, "can i join the specials at 17", 1) == ["police-volunteering"]


def test_a_service_called_by_its_own_name_leads_and_a_name_word_many_share_names_none(directory: Directory) -> None:
    assert ids(directory, "how do i make a ceop report", 1) == ["ceop"]
    assert ids(directory, "is there a helpline for grown ups who were abused in care homes", 1) != ["revenge-porn-helpline"]


@pytest.mark.parametrize(
    ("query", "asker"),
    [("a teacher at my school sends me messages on instagram", "child"), ("someone at my school shared my nudes", "child"),
     ("my mums boyfriend hits her and me", "child"), ("a pupil at my school told me something", "professional")],
)
def test_a_pupils_words_say_a_child_is_asking(query: str, asker: str) -> None:
    from helpfinder.asker import who

    assert who(query) == asker


@pytest.mark.parametrize(
    ("query", "worried"),
    [("i think im addicted to porn and some of it is really young", True), ("is there help for people with paedophilic thoughts", True),
     ("im attracted to younger girls and it scares me", True), ("im attracted to my boss", False), ("i have a problem with my landlord", False)],
)
def test_unease_about_a_sexual_interest_in_children(query: str, worried: bool) -> None:
    from helpfinder.asker import own_thoughts

    assert own_thoughts(query) is worried


def test_unease_about_a_sexual_interest_in_children_leads_to_stop_it_now(directory: Directory) -> None:
    assert ids(directory, "i think im addicted to porn and some of it is really young", 1) == ["stop-it-now"]
    assert ids(directory, "is there help for people with paedophilic thoughts", 1) == ["stop-it-now"]


def test_working_with_children_is_a_professional_asking() -> None:
    from helpfinder.asker import who

    assert who("i work with young people and one of them disclosed abuse") == "professional"


@pytest.mark.parametrize("query", ["my teenage son has been touching his cousin", "my little girl came home upset", "my eldest daughter is being bullied"])
def test_a_parent_speaks_of_their_child_with_a_word_between(query: str) -> None:
    from helpfinder.asker import who

    assert who(query) == "parent"


def test_the_general_routes_put_the_one_the_query_names_first(directory: Directory) -> None:
    assert ids(directory, "the police") == ["police-non-emergency", "childline", "nspcc-helpline"]
    assert ids(directory, "help") == ["childline", "nspcc-helpline", "police-non-emergency"]


@pytest.mark.parametrize(
    ("query", "secret"),
    [("i dont want anyone to know i reported him", True), ("people round here would call me a snitch", True), ("he said it was our little secret", False),
     ("report a crime secretly", True), ("i want to report a crime", False), ("my son keeps secrets from me", False)],
)
def test_wanting_to_tell_without_being_known_as_the_one_who_told(query: str, secret: bool) -> None:
    from helpfinder.asker import unnamed

    assert unnamed(query) is secret


def test_telling_without_being_known_leads_to_crimestoppers_and_images_to_the_iwf(directory: Directory) -> None:
    assert ids(directory, "i dont want anyone to know i reported him", 1) == ["crimestoppers"]
    assert ids(directory, "report a crime secretly", 1) == ["crimestoppers"]
    assert ids(directory, "i want to tell the police about my uncle but i dont want the family to know", 1) == ["crimestoppers"]


@pytest.mark.parametrize("query", ["how often should i cut the grass", "is that a grass snake in my garden"])
def test_grass_in_the_garden_is_no_wish_to_tell_unnamed(directory: Directory, query: str) -> None:
    assert search(directory, query).services == []


@pytest.mark.parametrize("query", ["what are the repercussions of leaving my job early", "i dont want my wife to know about her surprise party"])
def test_not_wanting_someone_to_know_is_a_wish_to_tell_unnamed_only_about_telling(directory: Directory, query: str) -> None:
    assert search(directory, query).services == []


def test_someone_close_arrested_or_charged_is_the_family_stop_it_now_helps(directory: Directory) -> None:
    from helpfinder.asker import own_thoughts

    assert own_thoughts("my husband was cautioned last week") and own_thoughts("i was arrested and im on bail")
    assert not own_thoughts("a man was arrested in our town")
    assert ids(directory, "my girlfriend is on bail for chatting to a 14 year old online", 1) == ["stop-it-now"]


@pytest.mark.parametrize("query", ["how can i help stop my dog barking", "the bus stopped and i got charged twice"])
def test_a_route_made_for_what_the_asker_wants_is_added_only_to_a_worry(directory: Directory, query: str) -> None:
    assert search(directory, query).services == []


@pytest.mark.parametrize("query", ["at my school the lunches are awful", "what are the best cadets uniforms"])
def test_a_school_or_cadets_alone_is_no_worry(directory: Directory, query: str) -> None:
    assert search(directory, query).services == []


@pytest.mark.parametrize(
    ("query", "unable"),
    [("i have a stutter and panic when i have to ring the police", True), ("how do i mute a call on zoom", False),
     ("my grandad is deaf and needs a new hearing aid", False)],
)
def test_unable_to_speak_or_hear_on_a_call_for_help(query: str, unable: bool) -> None:
    from helpfinder.asker import cannot_call

    assert cannot_call(query) is unable


def test_unable_to_speak_on_a_call_is_a_worry_and_the_typing_routes_lead(directory: Directory) -> None:
    assert ids(directory, "i have a stutter and panic when i have to ring the police", 2) == ["relay-uk", "emergency-sms"]
    assert search(directory, "how do i mute a call on zoom").services == []


def test_a_sexual_harm_done_to_the_asker_is_first_for_the_rape_and_sexual_assault_routes(directory: Directory) -> None:
    from helpfinder.asker import sexual_harm

    assert sexual_harm("i think someone had sex with me at a party") and sexual_harm("i was groped on the bus")
    assert not sexual_harm("adult survivor of childhood sexual abuse") and not sexual_harm("my ex shared sexual photos of me")
    assert ids(directory, "i think someone had sex with me at a party but i cant remember", 1) == ["rape-crisis-england-wales"]
    # attacked is not raped: a synonym no more
    assert ids(directory, "a man attacked me at the station last night", 1) == ["victim-supportline"]


def test_not_urgent_puts_the_999_routes_after_the_others_and_images_keep_the_iwf_first(directory: Directory) -> None:
    from helpfinder.asker import not_urgent

    assert not_urgent("a crime that is not urgent") and not_urgent("the non emergency number") and not not_urgent("its urgent")
    assert ids(directory, "i am deaf and need to report a crime that is not urgent", 1) == ["police-non-emergency"]
    assert ids(directory, "i am deaf and need the police", 1) == ["999-bsl"]
    assert ids(directory, "can i report a dodgy website with child images without giving my name", 1) == ["internet-watch-foundation"]


def test_an_age_in_childhood_is_speaking_of_ones_childhood(directory: Directory) -> None:
    from helpfinder.asker import in_childhood, who

    assert in_childhood("my older cousin made me do stuff when i was 8") and who("my older cousin made me do stuff when i was 8") == "adult"
    assert who("im 14 and when i was 8 my uncle touched me") == "child"
    assert not in_childhood("my son was hurt when i was 5 minutes late") and not in_childhood("my son aged 15 is struggling")
    assert ids(directory, "i was abused from the age of six by my stepdad", 1) == ["napac"]


def test_being_asked_for_ones_own_pictures_is_about_ones_own_images(directory: Directory) -> None:
    from helpfinder.images import whose_images

    assert whose_images("someone i met on discord wants me to send pics") == "own"
    assert whose_images("a man keeps asking me for nudes") == "own"
    assert ids(directory, "someone i met on discord wants me to send pics", 1) == ["ceop"]


def test_abuse_by_a_partner_said_of_them_is_a_harm_to_the_asker(directory: Directory) -> None:
    from helpfinder.asker import harmed

    assert harmed("my partner is controlling and im scared") and harmed("my husband has been violent towards me")
    assert not harmed("my partner is lovely")
    assert ids(directory, "my husband has been violent towards me", 1) == ["national-domestic-abuse-helpline"]  # not Stop It Now


def test_a_foster_parent_is_asking_as_a_carer_of_children() -> None:
    from helpfinder.asker import who

    assert who("foster parent worried about contact with birth family") == "professional"


def test_a_professional_attracted_to_a_pupil_is_pointed_to_help_to_stop(directory: Directory) -> None:
    assert ids(directory, "im a teacher and im attracted to one of my pupils", 1) == ["stop-it-now"]


@pytest.mark.parametrize(
    ("query", "about_risk"),
    [("my husband controls all our money", False), ("my wife checks my phone and controls who i see", False),
     ("i cant control my urges around kids", True), ("im worried about my sexual thoughts", True), ("my brother got arrested", True),
     ("my girlfriend is on bail for chatting to a 14 year old online", True)],
)
def test_a_query_names_what_the_routes_for_people_who_may_pose_a_risk_are_for_or_not(query: str, about_risk: bool) -> None:
    from helpfinder.asker import speaks_of_risk

    assert speaks_of_risk(query) is about_risk


@pytest.mark.parametrize(
    ("query", "first"),
    [("my husband controls all our money", "national-domestic-abuse-helpline"),
     ("my wife checks my phone and controls who i see", "national-domestic-abuse-helpline"),
     ("i cant control my urges around kids", "stop-it-now"), ("im worried about my sexual thoughts", "stop-it-now")],
)
def test_a_route_for_people_who_may_pose_a_risk_leads_only_when_the_query_names_what_it_is_for(directory: Directory, query: str, first: str) -> None:
    """'Controls' is a word of the own-behaviour need, but control by a partner is not what Stop It Now is for."""
    assert ids(directory, query, 1) == [first]
