"""Places: the area tree, postcodes and towns, --where on every command, and place words in a search.

A small fixture directory with four nations and one county keeps every
expectation literal; a few tests check the bundled directory's own areas.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpfinder.cli import app
from helpfinder.directory import Directory
from helpfinder.loader import load
from helpfinder.places import PlaceError, without

from conftest import run_exe
from minimal import line_of, mutate, write

PLACES = """\
schema_version: 1
title: Places test
needs:
  - id: emergency
    label: Someone is in danger
    description: A crime is happening now.
    crisis: true
  - id: support
    label: Support after a crime
    description: Someone to talk to.
    keywords: [victim support]
areas:
  - id: uk
    name: United Kingdom
    kind: uk
  - id: england-and-wales
    name: England and Wales
    kind: nations
    within: uk
  - id: england
    name: England
    kind: nation
    within: england-and-wales
    postcodes: [YO, LS, CH2, SW]
    border_postcodes: [CH4, TD15]
    towns: [Leeds, York, London]
  - id: wales
    name: Wales
    kind: nation
    within: england-and-wales
    bank_holidays: WLS
    aliases: [Cymru]
    postcodes: [CF, CH5]
    border_postcodes: [CH4]
    towns: [Cardiff, Bangor]
    towns_elsewhere: [Newport]
  - id: scotland
    name: Scotland
    kind: nation
    within: uk
    bank_holidays: SCT
    postcodes: [EH, TD1]
    border_postcodes: [TD15]
    towns: [Edinburgh]
  - id: northern-ireland
    name: Northern Ireland
    kind: nation
    within: uk
    bank_holidays: NIR
    aliases: [NI]
    postcodes: [BT]
    towns: [Belfast, Bangor]
  - id: north-yorkshire
    name: North Yorkshire
    kind: local
    within: england
    postcodes: [YO1, YO7]
    border_postcodes: [LS24]
    towns: [York, Harrogate]
    towns_elsewhere: [Richmond]
services:
  - id: police
    name: Police emergency
    organisation: UK police
    description: Call if someone is in danger.
    needs: [emergency]
    area: uk
    contacts:
      - channel: phone
        value: "999"
    source: https://www.police.uk/
    verified: 2026-11-01
  - id: county-victims
    name: County victim service
    organisation: The county
    description: Support for victims in the county.
    needs: [support]
    area: north-yorkshire
    contacts:
      - channel: phone
        value: "01609 643100"
    source: https://www.supportingvictims.org/
    verified: 2026-11-01
  - id: ew-victims
    name: England and Wales supportline
    organisation: A charity
    description: Support for victims in England and Wales.
    needs: [support]
    area: england-and-wales
    contacts:
      - channel: phone
        value: "0808 168 9111"
    source: https://www.victimsupport.org.uk/
    verified: 2026-11-01
  - id: scottish-victims
    name: Scottish victim service
    organisation: A Scottish charity
    description: Support for victims in Scotland.
    needs: [support]
    area: scotland
    contacts:
      - channel: phone
        value: "0800 160 1985"
    source: https://victimsupport.scot/
    verified: 2026-11-01
"""


@pytest.fixture
def places_file(tmp_path: Path) -> Path:
    return write(tmp_path, PLACES)


@pytest.fixture
def directory(places_file: Path) -> Directory:
    return load(places_file, use_cache=False)


@pytest.mark.parametrize(
    ("given", "area", "how"),
    [
        ("wales", "wales", ""),
        ("Cymru", "wales", ""),
        ("  NORTH   yorkshire ", "north-yorkshire", ""),
        ("north-yorkshire", "north-yorkshire", ""),
        ("ni", "northern-ireland", ""),
        ("YO1", "north-yorkshire", "postcode district YO1"),
        ("yo1 7hh", "north-yorkshire", "postcode district YO1"),
        ("YO17HH", "north-yorkshire", "postcode district YO1"),
        ("YO10", "england", "postcode district YO10"),
        ("CF10 1AA", "wales", "postcode district CF10"),
        ("cf101aa", "wales", "postcode district CF10"),
        ("CH2", "england", "postcode district CH2"),
        ("CH5 4AB", "wales", "postcode district CH5"),
        ("TD1", "scotland", "postcode district TD1"),
        ("BT1", "northern-ireland", "postcode district BT1"),
        ("Harrogate", "north-yorkshire", "the town Harrogate"),
        ("york", "north-yorkshire", "the town York"),
        ("LEEDS", "england", "the town Leeds"),
        ("Edinburgh", "scotland", "the town Edinburgh"),
    ],
)
def test_resolve_finds_the_most_local_area(directory: Directory, given: str, area: str, how: str) -> None:
    place = directory.place(given)
    assert (place.area.id, place.how) == (area, how)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("CH4", "postcode district CH4 straddles a border: it is partly in England and partly in Wales. Give your town, or say which: --where england or --where wales."),
        ("TD15 9AA", "postcode district TD15 straddles a border: it is partly in England and partly in Scotland. Give your town, or say which: --where england or --where scotland."),
        ("LS24", "postcode district LS24 straddles a border: it is partly in North Yorkshire and partly elsewhere in England. Give your town, or say which: --where north-yorkshire or --where england."),
        ("bangor", "there is a Bangor in Wales and one in Northern Ireland. Give your postcode, or say which: --where wales or --where northern-ireland."),
        ("Richmond", "there is a Richmond in North Yorkshire and another elsewhere in the UK. Give your postcode, or the area itself (--where north-yorkshire)."),
        ("Newport", "there is a Newport in Wales and another elsewhere in the UK. Give your postcode, or the area itself (--where wales)."),
    ],
)
def test_ambiguous_places_are_reported_never_guessed(directory: Directory, given: str, message: str) -> None:
    with pytest.raises(PlaceError) as caught:
        directory.place(given)
    assert str(caught.value) == message


@pytest.mark.parametrize("given", ["Atlantis", "GY1", "ZZ9 9ZZ", "12345", ""])
def test_unknown_places_say_what_is_accepted(directory: Directory, given: str) -> None:
    with pytest.raises(PlaceError) as caught:
        directory.place(given)
    assert "e.g. england, wales, scotland, northern-ireland, YO1, CF10 1AA, Leeds, Cardiff." in str(caught.value)


def test_coverage_says_who_a_service_is_for(directory: Directory) -> None:
    coverages = {s.id: directory.coverage(s) for s in directory.services}
    assert [(c.area, c.area_name, c.local, c.text) for c in coverages.values()] == [
        ("uk", "United Kingdom", False, "UK-wide"),
        ("north-yorkshire", "North Yorkshire", True, "Only for people in North Yorkshire"),
        ("england-and-wales", "England and Wales", False, "Only for people in England and Wales"),
        ("scotland", "Scotland", False, "Only for people in Scotland"),
    ]


@pytest.mark.parametrize(
    ("text", "words", "area", "rest"),
    [
        ("I was raped in Leeds", "Leeds", "england", "I was raped"),
        ("victim support in Cardiff", "Cardiff", "wales", "victim support"),
        ("victim support scotland", "scotland", "scotland", "victim support"),
        ("someone hurt me, my postcode is YO1 7HH", "YO1 7HH", "north-yorkshire", "someone hurt me, my postcode is"),
        ("he lives near north yorkshire moors", "north yorkshire", "north-yorkshire", "he lives moors"),
        ("attacked near YO7 last night", "YO7", "north-yorkshire", "attacked last night"),
    ],
)
def test_a_place_named_in_words_is_found(directory: Directory, text: str, words: str, area: str, rest: str) -> None:
    found = directory.places.find_in_text(text)
    assert found is not None and found.place is not None
    assert (found.words, found.place.area.id, without(text, found)) == (words, area, rest)


@pytest.mark.parametrize("text", ["someone in new york messaged me", "i need vitamin b12", "york", "help at school", "my son is 12"])
def test_words_that_only_look_like_places_are_left_alone(directory: Directory, text: str) -> None:
    assert directory.places.find_in_text(text) is None


def test_an_ambiguous_place_in_words_is_reported_not_applied(directory: Directory) -> None:
    found = directory.places.find_in_text("i was attacked in bangor")
    assert found is not None and found.place is None
    assert found.problem and found.problem.startswith("there is a Bangor in Wales and one in Northern Ireland.")


# --- the CLI ------------------------------------------------------------------


def run(places_file: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--data", str(places_file)])
    return result.exit_code, result.stdout, result.stderr


def ids(stdout: str) -> list[str]:
    return [s["id"] for s in json.loads(stdout)]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("YO1", ["county-victims", "ew-victims", "police"]),
        ("Harrogate", ["county-victims", "ew-victims", "police"]),
        ("CF10 1AA", ["ew-victims", "police"]),
        ("Edinburgh", ["scottish-victims", "police"]),
        ("BT1", ["police"]),
        ("uk", ["police"]),
    ],
)
def test_list_where_keeps_services_for_that_place_local_first(places_file: Path, where: str, expected: list[str]) -> None:
    code, out, _ = run(places_file, "list", "--where", where, "--json")
    assert code == 0 and ids(out) == expected


def test_list_json_carries_each_services_coverage(places_file: Path) -> None:
    _, out, _ = run(places_file, "list", "--where", "york", "--json")
    assert [s["coverage"] for s in json.loads(out)][:2] == [
        {"area": "north-yorkshire", "area_name": "North Yorkshire", "local": True, "text": "Only for people in North Yorkshire"},
        {"area": "england-and-wales", "area_name": "England and Wales", "local": False, "text": "Only for people in England and Wales"},
    ]


def test_list_plain_says_whose_services_these_are_and_who_each_is_for(places_file: Path) -> None:
    _, out, _ = run(places_file, "list", "--where", "Harrogate", "--need", "support", "--plain")
    assert out.splitlines()[:6] == [
        "For people in North Yorkshire (from the town Harrogate); local services first. Elsewhere? Use --where PLACE.",
        "",
        "SUPPORT AFTER A CRIME",
        "",
        "County victim service",
        "  The county; Only for people in North Yorkshire",
    ]


def test_list_for_a_nation_without_a_route_says_so_plainly(places_file: Path) -> None:
    code, out, _ = run(places_file, "list", "--where", "belfast", "--need", "support", "--plain")
    assert code == 1
    assert out == (
        'The directory has no service for "Support after a crime" for people in Northern Ireland.\n'
        "Not an emergency: the police on 101 can advise. UK-wide helplines: helpfinder list --where uk\n"
        "\n"
        "In immediate danger, call 999.\n"
    )


@pytest.mark.parametrize("command", [["list"], ["search", "support"], ["export", "--format", "csv"], ["areas"]])
def test_an_unknown_or_ambiguous_place_is_a_usage_error(places_file: Path, command: list[str]) -> None:
    for where, fragment in (("Atlantis", "does not know the place 'Atlantis'"), ("CH4", "straddles a border")):
        code, out, err = run(places_file, *command, "--where", where) if command != ["areas"] else run(places_file, "areas", where)
        assert code == 2 and out == ""
        assert err.startswith("helpfinder: ") and fragment in err and "Traceback" not in err


def test_emergency_with_a_bad_place_still_prints_999_first(places_file: Path) -> None:
    code, out, err = run(places_file, "emergency", "--where", "CH4", "--plain")
    assert code == 2
    assert out.startswith("IN IMMEDIATE DANGER? CALL 999\n")
    assert "straddles a border" in err


def test_emergency_where_shows_only_routes_for_that_place(places_file: Path) -> None:
    code, out, _ = run(places_file, "emergency", "--where", "Edinburgh", "--json")
    assert code == 0 and ids(out) == ["police"]


def test_export_where_filters_and_says_who_each_service_is_for(places_file: Path) -> None:
    code, out, _ = run(places_file, "export", "--format", "csv", "--where", "YO7")
    assert code == 0
    rows = out.splitlines()
    assert len(rows) == 4 and "Only for people in North Yorkshire" in rows[1] and "county-victims" in rows[1]
    assert "scottish-victims" not in out


def test_search_applies_a_place_named_in_the_words_and_says_so(places_file: Path) -> None:
    code, out, _ = run(places_file, "search", "victim", "support", "in", "Cardiff", "--plain")
    assert code == 0
    assert out.splitlines()[0] == 'For people in Wales (from "Cardiff" in your words); local services first. Elsewhere? Use --where PLACE.'
    assert "England and Wales supportline" in out
    assert "County victim service" not in out and "Scottish victim service" not in out


def test_search_where_option_wins_over_words(places_file: Path) -> None:
    _, out, _ = run(places_file, "search", "victim", "support", "in", "Cardiff", "--where", "Edinburgh", "--json")
    result = json.loads(out)
    assert [s["id"] for s in result["services"]] == ["scottish-victims"]
    assert result["place"] == {"given": "Edinburgh", "how": "the town Edinburgh", "area": "scotland"}
    assert result["services"][0]["coverage"]["text"] == "Only for people in Scotland"


def test_areas_lists_the_tree_and_looks_up_a_place(places_file: Path) -> None:
    code, out, _ = run(places_file, "areas", "YO1", "--plain")
    assert code == 0
    assert out.splitlines()[0] == '"YO1" is in North Yorkshire (from postcode district YO1).'
    assert out.splitlines()[2:5] == [
        "North Yorkshire (north-yorkshire)",
        "  Within: England, England and Wales, United Kingdom",
        "  3 services for people here; helpfinder list --where north-yorkshire",
    ]
    _, out, _ = run(places_file, "areas", "--json")
    assert [(a["id"], a["services"]) for a in json.loads(out)["areas"]] == [
        ("uk", 1), ("england-and-wales", 2), ("england", 2), ("wales", 2), ("scotland", 2), ("northern-ireland", 1), ("north-yorkshire", 3),
    ]


def test_installed_program_takes_where(places_file: Path) -> None:
    result = run_exe("list", "--where", "cf10 1aa", "--json", "--data", str(places_file))
    assert result.returncode == 0 and ids(result.stdout) == ["ew-victims", "police"]


# --- checking the tree ----------------------------------------------------------


def check(tmp_path: Path, text: str) -> list[str]:
    result = CliRunner().invoke(app, ["check", str(write(tmp_path, text, "checked.yaml"))])
    return [line for line in result.stdout.splitlines() if "[" in line]


def test_check_accepts_the_fixture_and_reports_nations_without_a_route(tmp_path: Path) -> None:
    lines = check(tmp_path, PLACES)
    assert [re.sub(r"^\S+ ", "", line) for line in lines] == [
        "warning: areas[5] (northern-ireland) id: no service for the need 'support' is for people in Northern Ireland (if none exists, list it under known_gaps) [no-route-in-nation]",
    ]
    acknowledged = mutate(PLACES, "    postcodes: [BT]\n", "    postcodes: [BT]\n    known_gaps: [support]\n")
    assert check(tmp_path, acknowledged) == []


def test_check_reports_a_postcode_in_two_areas_that_do_not_nest(tmp_path: Path) -> None:
    text = mutate(PLACES, "postcodes: [BT]", "postcodes: [BT, CF]")
    assert [line.split(": error: ", 1)[1] for line in check(tmp_path, text) if "[postcode-overlap]" in line] == [
        "areas[5] (northern-ireland) postcodes[1]: CF is also listed under 'wales', which does not contain this area or lie within it [postcode-overlap]",
    ]
    overlap = next(line for line in check(tmp_path, text) if "overlap" in line)
    assert f":{line_of(text, 'postcodes: [BT, CF]')}:" in overlap


def test_check_reports_a_local_postcode_outside_its_nation(tmp_path: Path) -> None:
    text = mutate(PLACES, "postcodes: [YO1, YO7]", "postcodes: [YO1, HG2]")
    assert [line.split(": error: ", 1)[1] for line in check(tmp_path, text) if "[postcode-gap]" in line] == [
        "areas[6] (north-yorkshire) postcodes[1]: HG2 is not among the postcodes of 'england', which this area lies within [postcode-gap]",
    ]


def test_check_reports_a_nation_inside_a_local_area_and_a_loop(tmp_path: Path) -> None:
    text = mutate(PLACES, "    kind: nation\n    within: uk\n    bank_holidays: SCT", "    kind: nation\n    within: north-yorkshire\n    bank_holidays: SCT")
    assert [line.split(": error: ", 1)[1] for line in check(tmp_path, text) if "hierarchy" in line] == [
        "areas[4] (scotland) within: a nation area cannot lie within the local area 'north-yorkshire' [area-hierarchy]",
    ]
    looped = mutate(PLACES, "    kind: uk\n", "    kind: uk\n    within: north-yorkshire\n")
    assert any("'uk' lies within itself through 'within'" in line for line in check(tmp_path, looped))


def test_check_rejects_a_lower_case_postcode(tmp_path: Path) -> None:
    text = mutate(PLACES, "postcodes: [BT]", "postcodes: [bt]")
    assert any("areas[5] (northern-ireland) postcodes[0]" in line and "[type]" in line for line in check(tmp_path, text))


def test_private_session_remembers_a_place_for_the_session(places_file: Path) -> None:
    import io

    from helpfinder.interactive import run as session

    out = io.StringIO()
    code = session(io.StringIO("where Edinburgh\nvictim support\nwhere none\nwhere\nwhere CH4\nq\n"), out, data=str(places_file))
    text = out.getvalue()
    assert code == 0
    assert "Showing services for people in Scotland until you quit. (where none: forget it)" in text
    answer = text.split("Showing services for people in Scotland", 1)[1].split("Place forgotten", 1)[0]
    assert "Scottish victim service" in answer and "England and Wales supportline" not in answer
    assert "Place: not set (anywhere in the UK)." in text
    assert "postcode district CH4 straddles a border" in text


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--plain"],
        ["show", "county-victims", "--plain"],
        ["search", "victim", "support", "--plain"],
        ["export", "--format", "markdown"],
        ["export", "--format", "html"],
        ["export", "--format", "csv"],
        ["export", "--format", "vcard"],
        ["export", "--format", "hsds"],
    ],
)
def test_a_local_service_says_in_words_who_it_is_for_everywhere(places_file: Path, command: list[str]) -> None:
    code, out, _ = run(places_file, *command)
    assert code == 0
    unfolded = re.sub(r"\r?\n ", "", out)  # vCard folds long lines
    assert "Only for people in North Yorkshire" in unfolded
    assert "Only for people in England and Wales" in unfolded or command[1] == "county-victims"


def test_unconfirmed_facts_are_said_plainly_in_every_output(places_file: Path, tmp_path: Path) -> None:
    text = mutate(PLACES, "    source: https://www.supportingvictims.org/\n", "    unconfirmed: No page dated 2024 or later gives this number.\n    source: https://www.supportingvictims.org/\n")
    path = write(tmp_path, text, "unconfirmed.yaml")
    for command in (["show", "county-victims", "--plain"], ["list", "--plain"], ["export", "--format", "markdown"], ["export", "--format", "html"], ["export", "--format", "csv"]):
        code, out, _ = run(path, *command)
        assert code == 0 and "Not confirmed: No page dated 2024 or later gives this number." in out, command


@pytest.mark.parametrize("how", [["victim", "support", "--where", "York"], ["victim", "support", "in", "York"]])
def test_between_equal_services_the_place_given_puts_the_local_one_first(tmp_path: Path, how: list[str]) -> None:
    # Two services for people in York that the words fit equally well: the place decides, most local first.
    same = mutate(PLACES, "description: Support for victims in England and Wales.", "description: Support for victims in the county.")
    same = mutate(same, "name: England and Wales supportline", "name: County victim line")
    code, out, _ = run(write(tmp_path, same, "tied.yaml"), "search", *how, "--json")
    assert code == 0
    assert [s["id"] for s in json.loads(out)["services"]] == ["county-victims", "ew-victims"]


def test_the_session_never_echoes_control_characters_in_a_place(places_file: Path) -> None:
    import io

    from helpfinder.interactive import run as session

    out = io.StringIO()
    session(io.StringIO("where Atl\x1b]0;pwned\x07antis\nq\n"), out, data=str(places_file))
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
    assert "Atl\\u001b]0;pwned\\u0007antis" in out.getvalue()
