"""Search over the words people really use: the query corpus, precision, and the mechanisms behind them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import msgspec
import pytest
import yaml
from typer.testing import CliRunner

from helpfinder.cli import app
from helpfinder.asker import speaks_of_worry
from helpfinder.danger import detect
from helpfinder.directory import Directory
from helpfinder.loader import bundled_path, load
from helpfinder.ranking import search

from conftest import ROOT, read_yaml, run_exe

CORPUS = read_yaml(ROOT / "tests" / "fixtures" / "tuning.yaml")
HELDOUT = read_yaml(ROOT / "tests" / "fixtures" / "heldout.yaml")


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load(bundled_path(), use_cache=False)


def ids(directory: Directory, query: str, n: int = 3) -> list[str]:
    return [m.entry.id for m in search(directory, query).services[:n]]


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("search_quality", ROOT / "benchmarks" / "search_quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


# --- The corpus ---------------------------------------------------------------


# Services issue 8 is adding: the held-out half may expect them before they exist
# (the benchmark counts them as misses until then).
PLANNED = {
    "victim-supportline", "rape-crisis-england-wales", "rape-crisis-scotland", "live-fear-free",
    "ni-domestic-sexual-abuse-helpline", "nhs-sarc-finder", "nhs-scotland-sarc", "rowan-sarc",
    "victim-support-scotland", "victim-support-ni", "report-remove", "revenge-porn-helpline", "shout", "napac", "shore",
}


def test_the_corpus_halves_are_big_enough_and_name_real_entries(directory: Directory) -> None:
    assert len(CORPUS["queries"]) >= 40 and len(CORPUS["negatives"]) >= 8
    assert len(HELDOUT["queries"]) >= 200 and len(HELDOUT["negatives"]) >= 28
    services = {s.id for s in directory.services}
    topics = {t.id for t in directory.topics}
    for case in CORPUS["queries"] + HELDOUT["queries"]:
        expected = case.get("services", []) + case.get("any", [])
        assert expected and set(expected) <= services | PLANNED, case
        assert set(case.get("topics", [])) <= topics, case
        assert case.get("crisis", False) in (True, False, "either"), case
    # On failure name only the tuning queries that collide (never print the held-out half: it must stay unread).
    colliding = sorted({c["query"] for c in CORPUS["queries"]} & {c["query"] for c in HELDOUT["queries"]})
    assert colliding == [], f"tuning queries that are also held-out queries: {colliding}"


def test_the_tuning_half_reaches_hit_at_3_of_95_percent_on_its_first_queries_and_90_on_all(tmp_path: Path) -> None:
    report = _benchmark().evaluate(ROOT / "tests" / "fixtures" / "tuning.yaml")
    assert report.queries == len(CORPUS["queries"])
    assert report.hit3_rate >= 0.90, "\n".join(report.misses)
    # The queries written before session 3's harder ones, for the weak groups, were added (and before any moved from the held-out half).
    first = [c for c in CORPUS["queries"] if not c.get("section", "").startswith(("Session 3", "Session 4", "Moved from"))]
    assert len(first) == 113
    fixture = tmp_path / "first.yaml"
    fixture.write_text(yaml.safe_dump({"queries": first, "negatives": CORPUS["negatives"]}), encoding="utf-8")
    assert _benchmark().evaluate(fixture).hit3_rate >= 0.95


# The first 20 off-topic queries; those added in session 3 are measured by the benchmark (2 of its 15 still match).
@pytest.mark.parametrize("query", CORPUS["negatives"][:20])
def test_a_query_the_directory_does_not_cover_matches_nothing(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.services == [] and results.topics == [], [m.entry.id for m in results.services]
    assert not results.crisis


def _one_query_sets(bench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Point the benchmark at sets of one query it cannot find, one off-topic query, one crisis and one calm line."""
    queries = tmp_path / "queries.yaml"
    queries.write_text("queries:\n  - {query: 'zzqx unknown words', services: [childline]}\nnegatives: ['a broken boiler']\n", encoding="utf-8")
    danger = tmp_path / "danger.yaml"
    danger.write_text("crisis: ['qqzz nothing dangerous']\ncalm: ['he has a knife']\n", encoding="utf-8")
    monkeypatch.setattr(bench, "HALVES", {"tuning": queries, "held-out": queries, "unseen": queries, "unseen 2": queries, "unseen 3": queries, "absent": tmp_path / "none.yaml"})
    monkeypatch.setattr(bench, "DANGER_SETS", {"danger tuning": danger, "danger unseen": danger, "danger unseen 2": danger, "danger unseen 3": danger})


def test_the_benchmark_prints_its_figures_and_exits_1_when_the_held_out_half_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process, on one-query sets: searching the real sets takes seconds, and their figures are the benchmark's to report."""
    bench = _benchmark()
    _one_query_sets(bench, tmp_path, monkeypatch)
    assert bench.main([]) == 1
    out = capsys.readouterr().out
    held_out = (
        "== held-out half: 1 queries + 1 off-topic\n"
        "hit@1:          0/1 = 0.0%\n"
        "hit@3:          0/1 = 0.0%\n"
        "crisis recall:  0/0 = 100.0%\n"
        "false banners:  0/2\n"
        "false matches:  0/1\n"
    )
    assert out.count(held_out) == 1 and "== tuning half: 1 queries + 1 off-topic\n" in out
    assert "== danger tuning: crisis recall 0/1 = 0.0%, false banners 1/1\n" in out
    assert "targets on the held-out half: hit@3 >= 95%, hit@1 >= 85%, crisis recall 100%" in out


def test_the_benchmark_never_lists_the_unseen_sets_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _benchmark()
    _one_query_sets(bench, tmp_path, monkeypatch)
    bench.main(["-vv"])
    out = capsys.readouterr().out
    assert out.count("zzqx unknown words") == 2 and out.count("qqzz nothing dangerous") == 1  # tuning and held-out; danger tuning
    assert out.count("== unseen half: 1 queries + 1 off-topic") == 1 and "== danger unseen: crisis recall 0/1" in out
    assert out.count("== unseen 2 half: 1 queries + 1 off-topic") == 1 and "== danger unseen 2: crisis recall 0/1" in out
    assert out.count("== unseen 3 half: 1 queries + 1 off-topic") == 1 and "== danger unseen 3: crisis recall 0/1" in out
    assert "absent" not in out


def test_the_benchmark_with_tuning_runs_the_tuning_material_only(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Iterating on the tuning material must not show a test set's totals."""
    bench = _benchmark()
    _one_query_sets(bench, tmp_path, monkeypatch)
    assert bench.main(["--tuning"]) == 0
    out = capsys.readouterr().out
    assert "== tuning half: 1 queries + 1 off-topic\n" in out and "== danger tuning: crisis recall 0/1" in out
    assert "held-out" not in out.replace("targets on the held-out half", "") and "unseen" not in out


# --- Mechanisms ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("paedophile hunter", "pedophile hunter"),
        ("my neighbour is a paedophile", "my neighbor is a pedophile"),
        ("worried about my partner's behaviour", "worried about my partner's behavior"),
    ],
)
def test_american_spelling_finds_the_same(directory: Directory, british: str, american: str) -> None:
    assert ids(directory, british, 10) and ids(directory, british, 10) == ids(directory, american, 10)


def test_plural_and_singular_find_the_same(directory: Directory) -> None:
    assert ids(directory, "indecent image of a child", 10) == ids(directory, "indecent images of children", 10)
    assert ids(directory, "volunteers") == ids(directory, "volunteer")


def test_a_typo_is_corrected_and_explained(directory: Directory) -> None:
    results = search(directory, "someone is groming my son")
    assert results.services[0].entry.id == "ceop"
    assert "groming~grooming (typo, keyword)" in results.services[0].reasons


def test_short_or_unknown_words_are_not_forced_onto_the_vocabulary(directory: Directory) -> None:
    assert not search(directory, "zzzzzz qqqqqq")
    assert not search(directory, "bus")


@pytest.mark.parametrize("query", ["", "   ", "the and of to", "?!"])
def test_stop_words_alone_match_nothing(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert not results and not results.crisis


@pytest.mark.parametrize("query", ["who do I tell", "I need help please", "help me"])
def test_asking_for_help_in_any_words_gets_the_general_routes(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.general and [m.entry.id for m in results.services] == ["childline", "nspcc-helpline", "police-non-emergency"]
    assert all(m.general for m in results.services)


@pytest.mark.parametrize(
    ("query", "first"),
    [("report", "police-non-emergency"), ("child", "childline"), ("my child", "nspcc-helpline")],
)
def test_everyday_words_alone_get_a_route_not_nothing(directory: Directory, query: str, first: str) -> None:
    assert first in ids(directory, query)


def test_police_alone_gets_police_routes(directory: Directory) -> None:
    # "police" alone says too little to choose between reporting and volunteering: the general
    # routes, 101 among them, marked general.
    results = search(directory, "police")
    assert results.general and "police-non-emergency" in [m.entry.id for m in results.services]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("I want to kill myself", ["samaritans", "police-emergency"]),
        ("i cant go on any more", ["samaritans", "police-emergency"]),
        ("someone is in danger right now", ["police-emergency"]),
        ("a man is outside my house with a knife", ["police-emergency"]),
        ("he said he will kill me", ["police-emergency"]),
    ],
)
def test_danger_puts_999_first_and_samaritans_for_suicidal_thoughts(directory: Directory, query: str, first: list[str]) -> None:
    results = search(directory, query)
    assert results.crisis
    assert [m.entry.id for m in results.services[: len(first)]] == first


@pytest.mark.parametrize("query", ["it's not an emergency", "non-emergency police number", "what are my rights", "he is not in danger"])
def test_negated_or_unrelated_words_do_not_raise_the_crisis_alarm(directory: Directory, query: str) -> None:
    assert not search(directory, query).crisis


def test_synonym_and_phrase_reasons_are_readable(directory: Directory) -> None:
    results = search(directory, "my neighbour is a nonce and I want to stay anonymous")
    crimestoppers = next(m for m in results.services if m.entry.id == "crimestoppers")
    assert "stay anonymous (phrase)" in crimestoppers.reasons
    assert "anonymous (keyword)" in crimestoppers.reasons
    assert any(r.startswith("nonce→") and r.endswith("(synonym)") for m in results.services + results.topics for r in m.reasons)


def test_advice_brings_the_routes_it_recommends(directory: Directory) -> None:
    results = search(directory, "should I confront him")
    assert results.topics[0].entry.id == "leave-it-to-the-police"
    assert results.services[0].entry.id == "police-non-emergency"
    assert "recommended by the advice 'leave-it-to-the-police'" in results.services[0].reasons


def test_limit_and_ranking(directory: Directory) -> None:
    results = search(directory, "grooming", limit=2)
    assert len(results.services) == 2
    assert results.services[0].score >= results.services[1].score


def test_the_index_survives_the_cache_round_trip(fresh_cache: Path) -> None:
    """A search answered from the cache (index decoded from the cache file) equals one built afresh."""
    built = search(load(bundled_path(), use_cache=False), "someone is grooming my son")
    load(bundled_path())  # writes the cache entry, index included
    assert list(fresh_cache.iterdir())
    cached = load(bundled_path())
    from helpfinder.index import CachedIndex

    assert isinstance(cached.index, CachedIndex)  # the index really came from the cache file
    again = search(cached, "someone is grooming my son")
    assert [m.entry.id for m in again.services] == [m.entry.id for m in built.services] != []


def test_search_ranks_the_same_at_ten_thousand_services(directory: Directory) -> None:
    """A national directory is this size: copies of each service rank exactly as the original does.

    (How fast it is, is measured by benchmarks/scale.py, not asserted here.)
    """
    copies = -(-10_000 // len(directory.services))  # 10,000 services, however many the bundled file holds
    services = [
        # The first copy keeps its id, so advice that recommends it still finds it.
        msgspec.structs.replace(s, id=s.id if i == 0 else f"{s.id}--{i}", name=f"{s.name} {i:03d}")
        for i in range(copies)
        for s in directory.services
    ]
    assert 10_000 <= len(services) < 10_000 + len(directory.services)
    big = Directory(msgspec.structs.replace(directory.data, services=services), directory.phones, "big", "x")
    spread = CORPUS["queries"][::30]  # across the corpus's needs, not only its first group
    assert len(spread) >= 6
    for case in spread:
        small = [m.entry.id for m in search(directory, case["query"], limit=None).services]
        found = [m.entry.id.split("--")[0] for m in search(big, case["query"], limit=None).services]
        assert list(dict.fromkeys(found)) == small, case["query"]
    for query in CORPUS["negatives"][:5]:
        assert not search(big, query), query


# --- CLI ----------------------------------------------------------------------


def test_cli_search_explains_why(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "someone", "is", "groming", "my", "son", "--explain", "--plain"])
    assert result.exit_code == 0, result.output
    assert "Matched:" in result.output and "groming~grooming (typo" in result.output


def test_cli_search_no_match_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "council", "tax", "--plain"])
    assert result.exit_code == 1
    assert "Nothing in the directory matches" in result.output and "999" in result.output


def test_installed_search_json(tmp_path: Path) -> None:
    """The installed program searches too (no match, exit 1, is shown in process above)."""
    found = run_exe("search", "I", "found", "indecent", "pics", "on", "a", "website", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["services"][0]["id"] == "internet-watch-foundation"


# --- Who is asking, danger, and the rules no score may break -------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # an adult speaking of their own childhood: the services whose own words speak of abuse in childhood
        ("my uncle hurt me badly when i was a kid and it still haunts me", ["napac", "nspcc-helpline"]),
        # harmed, and nothing says a child is asking: support for anyone harmed, not Childline, first
        ("someone hit me outside a pub last week", ["victim-supportline"]),
        ("a lad at the bus stop punched me", ["victim-supportline"]),
    ],
)
def test_who_was_harmed_and_when_decides_the_first_services(directory: Directory, query: str, first: list[str]) -> None:
    assert ids(directory, query, len(first)) == first


@pytest.mark.parametrize("query", ["how do i train to be a nurse", "how do i become a childminder", "how do i become a special needs teacher"])
def test_a_career_question_matches_nothing(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.services == [] and results.topics == [] and not results.crisis


@pytest.mark.parametrize(
    ("query", "worry"),
    [("my boiler is broken and the house is cold", False), ("what time does the library open", False), ("help me change a tyre", False),
     ("my son is scared of someone", True), ("i found nudes on a phone", True), ("i cant hear on the phone", True),
     ("something happened and i feel ashamed", True)],
)
def test_a_worry_names_a_person_a_harm_or_a_way_to_safety(query: str, worry: bool) -> None:
    assert speaks_of_worry(query) is worry


@pytest.mark.parametrize("query", ["when does the train from york leave", "where do i get a job as a cleaner", "my tablet screen froze on an app",
     "how do i post a parcel abroad", "my phone stopped working", "my son needs help with his spelling homework"])
def test_an_off_topic_query_sharing_a_word_or_a_place_with_a_service_matches_nothing(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.services == [] and results.topics == [] and not results.crisis


def test_joining_to_help_is_not_a_career_question(directory: Directory) -> None:
    assert ids(directory, "how do i become a special constable", 1) == ["police-volunteering"]
    assert ids(directory, "i want to become a police officer to protect kids", 1) == ["police-volunteering"]


def test_a_child_speaking_of_when_they_were_little_is_not_sent_to_adult_survivors_first(directory: Directory) -> None:
    assert "napac" not in ids(directory, "im 14 and when i was little my cousin touched me", 2)



@pytest.mark.parametrize(
    ("query", "asker"),
    [
        ("im 13 and scared", "child"),
        # an age in words, a school year, "mum" as a child says it; a student at university is not a professional
        ("i am fourteen and nobody listens", "child"),
        ("someone in year 9 keeps messaging me", "child"),
        ("i get hit when mum goes out", "child"),
        ("im a student and was raped at uni", None),
        # "my dad" is a child's words when something is done to them; an adult says it too
        ("my dad hits me", "child"),
        ("my mum is deaf, how does she call the police", None),
        ("I'm 15, what do I do", "child"),
        ("my daughter (12) is being messaged by a man", "parent"),
        ("my 9 year old", "parent"),
        ("I'm a teacher and a pupil told me something", "professional"),
        ("im 34 and worried", "adult"),
        ("someone is messaging kids", None),
        ("health visitor, worried about a baby", "professional"),
        ("nurse here and a teenager told me something", "professional"),
        ("a colleague is too close to the children", "professional"),
        ("how do i become a teacher", None),
        ("my teacher abused me 20 years ago", "adult"),
        ("sexually abused by my uncle growing up", "adult"),
    ],
)
def test_who_is_asking(query: str, asker: str | None) -> None:
    from helpfinder.asker import who

    assert who(query) == asker


def test_the_asker_changes_the_route(directory: Directory) -> None:
    assert ids(directory, "im 13 and something bad happened")[0] == "childline"
    assert "childline" not in ids(directory, "my daughter (12) says something bad happened")
    assert "nspcc-helpline" in ids(directory, "my daughter (12) says something bad happened")
    assert "nspcc-helpline" in ids(directory, "I'm a teacher and something happened to a pupil")


def test_a_child_sees_childline_first_and_a_parent_no_service_for_adults_own_harm(directory: Directory) -> None:
    """Childline talks with a child about anything; a parent asks about a child, so an adult victim's service does not fit."""
    assert ids(directory, "im 13 and someone touched me at a party")[0] == "childline"
    adults_only = {s.id for s in directory.services if s.audience == ["adults"]}
    assert adults_only and not adults_only & set(ids(directory, "my 10 year old was shown porn by an older boy"))


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("i cant go on any more", "self-harm"),
        ("everyone would be better off if i was gone", "self-harm"),
        ("i took all my tablets", "self-harm"),
        ("she has a knife", "emergency"),
        ("my little girl has gone missing", "emergency"),
        ("someone is trying to break in", "emergency"),
        ("it's an emergency", "emergency"),
        # by meaning: someone + an intent + a harm; a weapon in hand; held; a child gone; a body in danger
        ("he keeps saying he'll finish me off tonight", "emergency"),
        ("my brother's girlfriend swears she will stab my sister", "emergency"),
        ("he won't stop hitting me", "emergency"),
        ("he took my phone and won't let me leave", "emergency"),
        ("my nephew went off to meet a guy from an app", "emergency"),
        ("the kids were playing out front and now they're gone", "emergency"),
        ("my grandad is missing", "emergency"),
        ("she's turned blue", "emergency"),
        ("i've got the tablets lined up", "self-harm"),
        ("i'm just a burden to everyone", "self-harm"),
        ("i keep thinking about dying", "self-harm"),
        ("i cant do it anymore", "self-harm"),
        ("i feel suicidal since i was accused", "self-harm"),
        ("my friend has taken all her pills", "self-harm"),
        # a reassurance elsewhere in the query does not cancel a danger going on now
        ("she is ok but he is still outside with a bat", "emergency"),
        ("my ex is back now and banging on the door", "emergency"),
        # text-speak and slang read as what they stand for; a wish composed with an ending
        ("i wanna kms", "self-harm"),
        ("hes got a shank rn", "emergency"),
        ("my son has said he wants to die", "self-harm"),
        ("i might as well be dead", "self-harm"),
        # a story or a dream told does not hide a danger said to be now, nor a wish to die
        ("in the book someone breaks in but right now a man is in my garden", "emergency"),
        ("i had a nightmare and now i want to die", "self-harm"),
        ("i've cut too deep", "self-harm"),
        ("i'm on the roof of the multi storey thinking of jumping", "self-harm"),
    ],
)
def test_the_danger_detector_fires_on_indirect_words(query: str, need: str) -> None:
    assert need in [n for n, _ in detect(query)]


@pytest.mark.parametrize(
    "query",
    ["it's not an emergency", "how do I contact the emergency services if I'm deaf", "what to do in an emergency", "no immediate danger",
     "I was abused as a child", "my son is worried about his exams",
     # everyday speech, a thing not a person, negation, the past, no weapon in anyone's hand
     "this revision is killing me", "my dad will kill me if he finds out", "our hamster is missing", "i am not suicidal, just tired",
     "i used to self harm years ago", "my son has gone off his food", "i took my son to school", "he is threatening me with sharing my pics",
     "my son won't wake up for school", "the game has guns in it", "a talk about knife crime", "he would kill for a coffee",
     "counselling after being attacked", "a clip of a man being beaten was shared in our group chat",
     # the person is safe now; a question about danger in general; online, play, work and barbecue senses
     "my son ran away from home but he is home safe now", "my daughter fell in the pool but was fine",
     "what counts as an emergency for the police", "what should i do if a child tells me they are being hurt",
     "someone keeps following me on tiktok", "my daughter was last seen on whatsapp two days ago",
     "the kids were screaming with laughter", "there was smoke from the neighbours bbq", "i work with knives as a chef",
     "my son shot a great goal at football", "we played hide and seek and she was hiding in the shed",
     "my landlord wont leave me alone about the rent", "i need help quick with a form",
     "i cant get hold of my mum, her phone is probably dead", "my daughter collapsed into bed after her exams",
     # an ending of a relationship, a thing to be murdered, a toy gun, a dare, a hypothetical
     "i'm going to end things with my boyfriend", "i'd murder a curry", "nerf gun battle at the party",
     "we're going to jump off the rocks into the sea on holiday", "if my daughter was ever kidnapped who would i call",
     # a weapon or an attack talked about, in no one's hands now; last night is over
     "my kid keeps talking about guns he sees on youtube", "i witnessed a stabbing and keep having flashbacks", "my son was beaten up last night",
     # a story, a dream, criticism, exasperation, a thing (not a person) outside, a question about how 999 works
     "in the film a man stabs his wife", "i dreamt a man broke into my house", "the singer got slaughtered by the critics",
     "i could throttle my sister", "my teacher will go mad and kill me if i forget my homework", "i am going to murder that cake",
     "the lamp post outside our house fell over", "how do call handlers decide which 999 calls go first",
     "the rain is killing my garden", "a podcast where they solve murders", "she grabbed a knife to slice the cheese",
     "my brother fears someone might steal his bike one day", "my daughter asked what to do if a stranger grabs her",
     "the paper said a boy went missing in the 80s", "she does kendo and keeps a sword", "i'm drowning in emails",
     "the kids were shouting at a scary movie", "my mum said she would kill me if i laughed in church", "the bread knife is in the kitchen drawer"],
)
def test_the_danger_detector_stays_quiet(query: str) -> None:
    assert detect(query) == []


@pytest.mark.parametrize(
    "query",
    [
        "i sent pics to a guy and now hes blackmailing me",
        "someone is threatening to share my photos",
        "he made me send pictures and now he is threatening me",
        "I was abused as a child and I'm scared",
    ],
)
def test_a_victim_is_never_first_shown_a_route_for_the_accused_or_for_own_behaviour(directory: Directory, query: str) -> None:
    results = search(directory, query)
    assert results.services and "own-behaviour" not in results.services[0].entry.needs[:1]
    assert "accused-or-family" not in [m.entry.id for m in results.topics[:1]]


@pytest.mark.parametrize("query", ["pics", "i found pics", "videos of my kids", "someone has my pics"])
def test_a_synonym_never_turns_a_word_into_an_unrelated_service(directory: Directory, query: str) -> None:
    assert "999-bsl" not in ids(directory, query, 10)


def test_a_child_asking_gets_childline_near_the_top_and_a_victim_of_crime_gets_support(directory: Directory) -> None:
    assert "childline" in ids(directory, "im 11 and someone at school touched me and said not to tell", 2)
    assert "victim-supportline" in ids(directory, "i got burgled and i feel sick about it", 3)


def test_with_no_place_services_for_more_people_come_first(directory: Directory) -> None:
    """With no place, a service only for Scotland, Wales or Northern Ireland comes after those for England's many people."""
    assert ids(directory, "i was raped", 2) == ["rape-crisis-england-wales", "nhs-sarc-finder"]
    assert "rape-crisis-scotland" in ids(directory, "i was raped", 10)
    assert ids(directory, "i was a victim of crime and need support", 1) == ["victim-supportline"]
    # for everyone before a route for one group (the Marie Collins Foundation is for children and families)
    burgled = ids(directory, "my flat was burgled and i keep crying", 3)
    assert burgled[0] == "victim-supportline" and not {"victim-support-scotland", "victim-support-ni"} & set(burgled)
    # a place named: its services first, and one not for people there loses its place
    assert search(directory, "i was raped", place=directory.places.resolve("Scotland").area).services[0].entry.id == "rape-crisis-scotland"
    assert search(directory, "i was raped", place=directory.places.resolve("Wales").area).services[1].entry.id == "live-fear-free"


def test_whose_images_decides_between_reporting_what_was_seen_and_taking_down_ones_own(directory: Directory) -> None:
    """The IWF takes reports of images someone has seen; Report Remove and the Revenge Porn Helpline are for images of the asker."""
    from helpfinder.images import whose_images

    assert [whose_images(q) for q in ("my ex leaked my nudes", "i found pics of children online", "i need help")] == ["own", "others", None]
    seen = ids(directory, "i came across sexual videos of kids on a forum")
    assert seen[0] == "internet-watch-foundation" and "report-remove" not in seen
    assert "internet-watch-foundation" not in ids(directory, "im 24 and my ex leaked my nudes")


def test_the_way_the_asker_wants_or_can_get_in_touch_fits(directory: Directory) -> None:
    from helpfinder.asker import channels

    assert [channels(q) for q in ("can i text them", "i have a stutter", "he keeps texting me", "i use bsl")] == [{"text"}, {"text", "textphone"}, set(), {"bsl"}]
    assert ids(directory, "my speech is bad after a stroke and i cant talk on the phone to the police", 1) != ["999-bsl"]
    assert ids(directory, "i am deaf and want to text the police in an emergency", 1) == ["emergency-sms"]


def test_a_nation_said_as_an_adjective_is_the_place(directory: Directory) -> None:
    found = directory.places.find_in_text("is there a scottish helpline for survivors")
    assert found is not None and found.place is not None and (found.words, found.place.area.id) == ("scottish", "scotland")
    assert directory.places.find_in_text("my welsh teacher") is not None  # "welsh" names Wales wherever it is said


def test_how_much_a_word_says_on_its_own() -> None:
    from helpfinder.asker import harmed
    from helpfinder.everyday import weight

    assert [weight(t) for t in ("school", "time", "parti", "groom", "nude", "burgl")] == [0.4, 0.3, 0.6, 1.0, 1.0, 1.0]
    assert harmed("i was mugged on the way home") and harmed("someone broke into my flat") and not harmed("my son was mugged")


@pytest.mark.parametrize("query", ["how do i sign up to be a special", "signed up as a volunteer, what next", "signing up to help the police"])
def test_signing_up_is_not_sign_language(directory: Directory, query: str) -> None:
    assert "999-bsl" not in ids(directory, query, 10)


def test_sign_language_still_finds_the_bsl_relay(directory: Directory) -> None:
    assert ids(directory, "i use sign language", 1) == ["999-bsl"]


def test_off_topic_is_still_no_match(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "my", "boiler", "is", "broken", "--plain"])
    assert result.exit_code == 1
    assert "Nothing in the directory matches" in result.output and "999" in result.output


def test_json_carries_services_topics_crisis_flag_and_the_reasons_explain_prints(runner: CliRunner) -> None:
    words = ["should", "I", "confront", "him"]
    found = json.loads(runner.invoke(app, ["search", *words, "--json"]).output)
    assert set(found) == {"query", "crisis", "general", "asker", "needs", "services", "topics", "place"}
    assert found["place"] is None
    assert found["crisis"] is False and found["general"] is False
    assert found["topics"][0]["id"] == "leave-it-to-the-police" and found["topics"][0]["reasons"]
    explained = runner.invoke(app, ["search", *words, "--explain", "--plain"]).output
    for entry in found["services"] + found["topics"][:2]:
        assert f"Matched: {', '.join(entry['reasons'])}" in explained, entry["id"]
    danger = json.loads(runner.invoke(app, ["search", "he", "has", "a", "knife", "--json"]).output)
    assert danger["crisis"] is True and danger["services"][0]["id"] == "police-emergency"
    general = json.loads(runner.invoke(app, ["search", "who", "do", "I", "tell", "--json"]).output)
    assert general["general"] is True and all(s["general"] for s in general["services"])
    assert [s["reasons"] for s in general["services"]] == [["general route"]] * 3


def test_the_learnt_danger_weights_were_fitted_to_the_current_tuning_sets() -> None:
    """Change a tuning set or the patterns (they label it) and fit the weights again: python scripts/danger_weights.py."""
    from helpfinder import dangerweights

    spec = importlib.util.spec_from_file_location("danger_weights", ROOT / "scripts" / "danger_weights.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert dangerweights.SOURCE == script.source_digest()


def test_the_learnt_layer_finds_a_wording_no_pattern_spells_out_and_keeps_the_calm_guards() -> None:
    from helpfinder.danger import patterns

    query = "a grown man has been messaging my 11 year old and says he's waiting at the end of our road"  # (a brick through the window is a pattern now)
    assert patterns(query) == [] and [n for n, _ in detect(query)] == ["emergency"]
    assert detect("a grown man was messaging my 11 year old and said he was waiting at the end of our road last month") == []  # the past


def test_the_danger_detector_finds_every_crisis_of_its_tuning_set() -> None:
    """The detector alone (a search's banner is exactly ``bool(detect(query))``): 1,200 searches took ~4 s."""
    corpus = read_yaml(ROOT / "tests" / "fixtures" / "danger-tuning.yaml")
    assert len(corpus["crisis"]) >= 40 and len(corpus["calm"]) >= 40
    missed = [q for q in corpus["crisis"] if not detect(q)]
    false = [q for q in corpus["calm"] if detect(q)]
    assert missed == [] and len(false) * 40 <= len(corpus["calm"]), (missed, false)


def test_a_keyword_counts_in_a_directory_without_need_examples(tmp_path: Path) -> None:
    """A generated directory (no need examples, other needs): a service's own keyword still finds it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    path = tmp_path / "big.yaml"
    path.write_text(generate(200), encoding="utf-8")
    results = search(load(path, use_cache=False), "grooming")
    assert results.services and not results.general
    assert all("grooming" in " ".join(m.reasons) for m in results.services[:3])
