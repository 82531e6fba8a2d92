"""The ``helpfinder`` command end to end, in process (Typer's CliRunner) and as the installed program.


Tests taking ``cli`` run through CliRunner; the few marked ``through_the_program``
run a real subprocess of the installed entry point too. Expected services are
worked out from the YAML file read by a plain YAML reader, not by helpfinder's
own loader, so a filtering bug cannot hide behind itself.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from typer.testing import CliRunner

from helpfinder import __version__
from helpfinder.cli import app
from helpfinder.loader import load

from conftest import DATA, helpfinder_exe, read_yaml, run_exe
from minimal import write

RAW: dict[str, Any] = read_yaml(DATA)
SERVICES: list[dict[str, Any]] = RAW["services"]
NEED_IDS = [n["id"] for n in RAW["needs"]]
CHANNELS = ["phone", "text", "textphone", "email", "web", "form", "chat", "bsl"]
NUMBER_CHANNELS = {"phone", "text", "textphone"}
REMINDER = "In immediate danger, call 999."


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


@dataclass
class Cli:
    """One way of running helpfinder; ``run`` takes the arguments and extra environment."""

    name: str
    run: Callable[..., Outcome]


def _via_runner(*args: str, env: dict[str, str] | None = None) -> Outcome:
    result = CliRunner().invoke(app, list(args), env=env)
    # Anything other than a clean exit would be a traceback for a user.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def _via_exe(*args: str, env: dict[str, str] | None = None) -> Outcome:
    done = run_exe(*args, env=env)
    return Outcome(done.returncode, done.stdout, done.stderr)


@pytest.fixture(params=["runner"])
def cli(request: pytest.FixtureRequest) -> Cli:
    return Cli(request.param, _via_runner if request.param == "runner" else _via_exe)


# In process by default; 999 first and a broken file also run the installed program, as a user would
# (a subprocess costs ~0.3 s; tests/test_packaging.py and test_streams.py run it too).
through_the_program = pytest.mark.parametrize("cli", ["runner", "exe"], indirect=True)


def ids_of(outcome: Outcome) -> list[str]:
    assert outcome.stderr == "" or "Traceback" not in outcome.stderr
    found = json.loads(outcome.stdout)
    return [s["id"] for s in (found["services"] if isinstance(found, dict) else found)]


def has_number(text: str, number: str) -> bool:
    """A number appears whole on one line, however it is grouped ("0808 1000 900" or "0808 100 0900")."""
    digits = number.replace(" ", "")
    return any(digits in line.replace(" ", "") for line in text.splitlines())


def no_traceback(outcome: Outcome) -> None:
    assert "Traceback" not in outcome.stdout + outcome.stderr


def last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


MINI = """\
schema_version: 1
title: A small test directory
needs:
  - id: emergency
    label: Someone is in immediate danger
    description: A crime is happening now.
  - id: homework
    label: Help with homework
    description: Someone to explain the sums.
areas:
  - id: uk
    name: United Kingdom
services:
  - id: test-emergency
    name: Test emergency line
    organisation: Test police
    description: Call in an emergency.
    needs: [emergency]
    area: uk
    contacts:
      - channel: phone
        value: "999"
    source: https://example.org/
    verified: {today}
  - id: sums-line
    name: Sums Line (Example Organisation)
    organisation: Example charity
    description: A made-up line, for tests only, that helps children with sums.
    needs: [homework]
    area: uk
    contacts:
      - channel: web
        value: https://example.org/sums
    source: https://example.org/
    verified: {today}
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A different, valid directory file, to prove --data and HELPFINDER_DATA are used."""
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.format(today=datetime.date.today().isoformat()), encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text("schema_version: 1\ntitle: [not closed\n", encoding="utf-8")
    return path


# --- list --------------------------------------------------------------------


def test_list_shows_every_service_grouped_by_need_emergency_first(cli: Cli) -> None:
    out = cli.run("list", "--plain")
    assert out.code == 0
    lines = out.stdout.splitlines()
    first_need = RAW["needs"][0]
    assert first_need["id"] == "emergency"
    assert lines[0] == first_need["label"].upper()
    for service in SERVICES:
        assert service["name"] in out.stdout
    headings = [n["label"].upper() for n in RAW["needs"] if n["label"].upper() in lines]
    assert headings == sorted(headings, key=[n["label"].upper() for n in RAW["needs"]].index)
    assert last_line(out.stdout) == REMINDER


def test_list_json_is_every_service_in_file_order(cli: Cli) -> None:
    out = cli.run("list", "--json")
    assert out.code == 0
    assert ids_of(out) == [s["id"] for s in SERVICES]


FILTERS = """\
schema_version: 1
title: Filters test
needs:
  - id: emergency
    label: Someone is in danger
    description: A crime is happening now.
  - id: report
    label: Report a crime
    description: Tell the police.
  - id: support
    label: Support
    description: Someone to talk to.
areas:
  - id: uk
    name: United Kingdom
  - id: county
    name: The County
    within: uk
services:
  - id: nine
    name: Emergency line
    organisation: Police
    description: In an emergency.
    needs: [emergency]
    area: uk
    contacts:
      - {channel: phone, value: "999"}
    source: https://www.police.uk/
    verified: 2026-11-01
  - id: tipline
    name: Anonymous tip line
    organisation: A charity
    description: Report without your name.
    needs: [report]
    area: uk
    anonymous: true
    contacts:
      - {channel: phone, value: "0800 555 111"}
      - {channel: form, value: "https://crimestoppers-uk.org/"}
    source: https://crimestoppers-uk.org/
    verified: 2026-11-01
  - id: county-police
    name: County police online
    organisation: County police
    description: Report a crime online.
    needs: [report]
    area: county
    contacts:
      - {channel: web, value: "https://www.northyorkshire.police.uk/"}
    source: https://www.northyorkshire.police.uk/
    verified: 2026-11-01
  - id: county-support
    name: County support
    organisation: The county
    description: Support for victims.
    needs: [support, report]
    area: county
    contacts:
      - {channel: phone, value: "01609 643100"}
      - {channel: email, value: help@example.org.uk}
    source: https://www.supportingvictims.org/
    verified: 2026-11-01
"""


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        ([], ["nine", "tipline", "county-police", "county-support"]),
        (["--need", "report"], ["tipline", "county-police", "county-support"]),
        (["--need", "support"], ["county-support"]),
        (["--where", "uk"], ["nine", "tipline"]),
        (["--where", "county"], ["county-police", "county-support", "nine", "tipline"]),
        (["--area", "The County", "--need", "report"], ["county-police", "county-support", "tipline"]),
        (["--channel", "phone"], ["nine", "tipline", "county-support"]),
        (["--channel", "email"], ["county-support"]),
        (["--channel", "form"], ["tipline"]),
        (["--channel", "web"], ["county-police"]),
        (["--anonymous"], ["tipline"]),
        (["--anonymous", "--channel", "form"], ["tipline"]),
        (["--where", "county", "--need", "report", "--channel", "phone"], ["county-support", "tipline"]),
        (["--free"], ["nine", "tipline"]),
    ],
)
def test_list_filters_keep_exactly_the_matching_services(tmp_path: Path, options: list[str], ids: list[str]) -> None:
    out = _via_runner("list", *options, "--json", "--data", str(write(tmp_path, FILTERS)))
    assert (out.code, ids_of(out)) == (0, ids)


@pytest.mark.parametrize("options", [["--need", "support", "--channel", "web"], ["--anonymous", "--channel", "email"], ["--channel", "bsl"]])
def test_list_with_no_results_says_so_and_exits_1(tmp_path: Path, options: list[str]) -> None:
    path = str(write(tmp_path, FILTERS))
    out = _via_runner("list", *options, "--data", path)
    assert out.code == 1
    assert "helpfinder needs" in out.stdout
    assert last_line(out.stdout) == REMINDER
    json_out = _via_runner("list", *options, "--json", "--data", path)
    assert json_out.code == 1 and json.loads(json_out.stdout) == []


def test_list_need_in_plain_text(cli: Cli) -> None:
    out = cli.run("list", "--need", "own-behaviour", "--plain")
    assert out.code == 0
    assert "Stop It Now helpline" in out.stdout and has_number(out.stdout, "0808 1000 900")
    assert "Childline" not in out.stdout


@pytest.mark.parametrize("area", ["north yorkshire", "NORTH-YORKSHIRE", " North Yorkshire "])
def test_list_area_ignores_case_and_spaces(cli: Cli, area: str) -> None:
    assert ids_of(cli.run("list", "--area", area, "--json")) == ids_of(cli.run("list", "--where", "north-yorkshire", "--json"))


def test_list_channel_shows_only_that_kind_of_route(cli: Cli) -> None:
    out = cli.run("list", "--channel", "email", "--plain")
    assert out.code == 0
    assert "help@nspcc.org.uk" in out.stdout
    routes = [line.strip().split(":", 1)[0] for line in out.stdout.splitlines() if re.match(r"\s+(Phone|Text|Textphone|Website|Email|Report online|BSL video):", line)]
    assert routes and set(routes) == {"Email"}


def test_list_free_shows_only_free_routes(cli: Cli) -> None:
    out = cli.run("list", "--free", "--plain")
    assert out.code == 0
    # Supporting Victims: the local 01609 line is charged; the 0808 out-of-hours line is free.
    assert has_number(out.stdout, "0808 168 9111") and not has_number(out.stdout, "01609 643100")
    for number in ("999", "0800 1111", "0808 800 5000", "0808 1000 900"):
        assert has_number(out.stdout, number)
    assert not has_number(out.stdout, "0330 223 0362")


def test_list_combination_example_is_what_the_article_gives_locally(cli: Cli) -> None:
    ids = ids_of(cli.run("list", "--area", "north-yorkshire", "--need", "victim-support", "--channel", "phone", "--json"))
    assert {"supporting-victims", "victim-supportline", "nspcc-helpline", "childline"} <= set(ids)
    assert "marie-collins-foundation" not in ids and "bridge-house-sarc" not in ids  # no phone route


@pytest.mark.parametrize(
    ("option", "value", "valid"),
    [("--need", "hugs", NEED_IDS), ("--area", "Narnia", ["helpfinder areas", "CF10 1AA"]), ("--channel", "pigeon", CHANNELS)],
)
def test_list_unknown_name_is_a_usage_error_listing_the_valid_ones(cli: Cli, option: str, value: str, valid: list[str]) -> None:
    out = cli.run("list", option, value)
    assert out.code == 2
    assert out.stdout == ""
    assert value in out.stderr
    for name in valid:
        assert name in out.stderr
    no_traceback(out)


# --- emergency ---------------------------------------------------------------


@through_the_program
def test_emergency_puts_999_first(cli: Cli) -> None:
    out = cli.run("emergency", "--plain")
    assert out.code == 0
    lines = out.stdout.splitlines()
    assert "999" in lines[0] and "immediate danger" in lines[0].lower()
    text = out.stdout
    assert text.index("999") < text.index("101")
    assert has_number(text, "18001 101")  # the textphone route to the police
    assert has_number(text, "18000")  # emergency text relay
    assert last_line(text) == REMINDER


def test_emergency_json(cli: Cli) -> None:
    out = cli.run("emergency", "--json")
    assert out.code == 0
    services = json.loads(out.stdout)
    assert "999" in [c["value"] for c in services[0]["contacts"]]
    ids = [s["id"] for s in services]
    assert "police-non-emergency" in ids
    assert ids == [s["id"] for s in SERVICES if {"emergency", "non-emergency-police"} & set(s["needs"])]


@pytest.mark.parametrize("kind", ["broken", "missing"])
def test_emergency_survives_a_bad_directory_file(cli: Cli, broken: Path, tmp_path: Path, kind: str) -> None:
    path = broken if kind == "broken" else tmp_path / "nowhere.yaml"
    out = cli.run("emergency", "--data", str(path))
    assert out.code == 2
    assert "999" in out.stdout.splitlines()[0]
    assert "101" in out.stdout
    assert last_line(out.stdout) == REMINDER
    assert str(path) in out.stderr and "999" in out.stderr
    no_traceback(out)


def test_emergency_json_with_a_broken_file_keeps_stdout_json(cli: Cli, broken: Path) -> None:
    out = cli.run("emergency", "--data", str(broken), "--json")
    assert out.code == 2
    assert json.loads(out.stdout) == []
    assert "999" in out.stderr and str(broken) in out.stderr


@through_the_program
def test_other_commands_fail_cleanly_on_a_broken_file(cli: Cli, broken: Path) -> None:
    for args in (["list"], ["search", "police"], ["show", "ceop"], ["needs"]):
        out = cli.run(*args, "--data", str(broken))
        assert out.code == 2, args
        assert out.stdout == ""
        assert f"{broken}:" in out.stderr and "999" in out.stderr
        no_traceback(out)


# --- search ------------------------------------------------------------------


def test_search_multi_word_sentence(cli: Cli) -> None:
    out = cli.run("search", "someone", "is", "grooming", "my", "son", "online", "--json")
    assert out.code == 0
    assert "ceop" in ids_of(out)[:3]


def test_search_one_quoted_argument_equals_several_words(cli: Cli) -> None:
    assert ids_of(cli.run("search", "worried about my own thoughts", "--json")) == ids_of(
        cli.run("search", "worried", "about", "my", "own", "thoughts", "--json")
    )


def test_search_is_case_insensitive(cli: Cli) -> None:
    lower = ids_of(cli.run("search", "childline", "--json"))
    assert lower[0] == "childline"
    assert ids_of(cli.run("search", "CHILDLINE", "--json")) == lower
    assert ids_of(cli.run("search", "ChildLine", "--json")) == lower


@pytest.mark.parametrize(("one", "many", "top"), [("volunteer", "volunteers", "police-volunteering"), ("image", "images", "internet-watch-foundation")])
def test_search_plural_and_singular_agree(cli: Cli, one: str, many: str, top: str) -> None:
    singular = ids_of(cli.run("search", one, "--json"))
    assert top in singular[:3]
    assert ids_of(cli.run("search", many, "--json")) == singular


def test_search_paedophile_and_pedophile_agree(cli: Cli) -> None:
    british = cli.run("search", "paedophile", "hunters", "--plain")
    american = cli.run("search", "pedophile", "hunter", "--plain")
    assert british.code == american.code == 0
    assert british.stdout == american.stdout.replace("pedophile hunter", "paedophile hunters")
    assert "helpfinder advice leave-it-to-the-police" in british.stdout
    assert ids_of(cli.run("search", "pedophile", "--json")) == ids_of(cli.run("search", "paedophile", "--json")) != []


def test_search_organisation_and_organization_agree(cli: Cli, mini: Path) -> None:
    for word in ("organisation", "organization", "Organizations"):
        out = cli.run("search", word, "--data", str(mini), "--json")
        assert out.code == 0, word
        assert ids_of(out) == ["sums-line"]


def test_search_with_no_match(cli: Cli) -> None:
    out = cli.run("search", "xylophone", "zebra", "--plain")
    assert out.code == 1
    assert "xylophone zebra" in out.stdout
    assert "helpfinder needs" in out.stdout
    assert last_line(out.stdout) == REMINDER
    json_out = cli.run("search", "xylophone", "zebra", "--json")
    assert json_out.code == 1 and json.loads(json_out.stdout)["services"] == []


def test_search_results_end_with_the_reminder_and_link_to_show(cli: Cli) -> None:
    out = cli.run("search", "anonymous", "--plain")
    assert out.code == 0
    assert "helpfinder show crimestoppers" in out.stdout
    assert last_line(out.stdout) == REMINDER


def test_search_without_words_is_a_usage_error(cli: Cli) -> None:
    out = cli.run("search")
    assert out.code == 2
    no_traceback(out)


# --- show ----------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES, ids=[s["id"] for s in SERVICES])
def test_show_prints_the_whole_entry(service: dict[str, Any]) -> None:
    out = _via_runner("show", service["id"], "--plain")
    assert out.code == 0
    text = out.stdout
    assert service["name"] in text
    for contact in service["contacts"]:
        if contact["channel"] in NUMBER_CHANNELS:
            assert has_number(text, contact["value"])
        else:
            assert contact["value"] in text
    assert service["source"] in text
    verified: datetime.date = service["verified"]
    assert f"{verified.day} {verified:%B %Y}" in text
    assert last_line(text) == REMINDER


def test_show_crimestoppers_has_the_note_on_the_article(cli: Cli) -> None:
    out = cli.run("show", "crimestoppers", "--plain")
    assert out.code == 0
    assert '"0800 55511"' in out.stdout and has_number(out.stdout, "0800 555 111")
    assert "Last checked against the source: 25 November 2026" in out.stdout


@pytest.mark.parametrize("service_id", [s["id"] for s in SERVICES])
def test_show_json_has_the_same_fields_as_the_yaml(cli: Cli, service_id: str) -> None:
    out = cli.run("show", service_id, "--json")
    assert out.code == 0
    raw = next(s for s in SERVICES if s["id"] == service_id)
    shown = json.loads(out.stdout)
    coverage = shown.pop("coverage")
    assert shown == json.loads(json.dumps(raw, default=lambda day: day.isoformat()))
    assert coverage["area"] == raw["area"] and coverage["local"] == (raw["area"] == "north-yorkshire")


def test_show_unknown_id_suggests_the_closest(cli: Cli) -> None:
    out = cli.run("show", "childlin")
    assert out.code == 1
    assert out.stdout == ""
    assert "childlin" in out.stderr and "childline" in out.stderr.split("childlin'", 1)[1]
    far = cli.run("show", "qqqqqq")
    assert far.code == 1 and "helpfinder list" in far.stderr
    no_traceback(far)


# --- needs -------------------------------------------------------------------


def test_needs_counts_match_the_file(cli: Cli) -> None:
    out = cli.run("needs", "--json")
    assert out.code == 0
    counts = {n["id"]: n["services"] for n in json.loads(out.stdout)}
    assert list(counts) == NEED_IDS
    for need in NEED_IDS:
        assert counts[need] == sum(need in s["needs"] for s in SERVICES), need


def test_needs_plain_lists_every_label_with_its_count(cli: Cli) -> None:
    out = cli.run("needs", "--plain")
    assert out.code == 0
    for need in RAW["needs"]:
        count = sum(need["id"] in s["needs"] for s in SERVICES)
        assert need["label"] in out.stdout
        assert f"{count} service{'s' if count != 1 else ''}; helpfinder list --need {need['id']}" in out.stdout
    assert last_line(out.stdout) == REMINDER


# --- version, help -------------------------------------------------------------


def test_version(cli: Cli) -> None:
    out = cli.run("--version")
    assert out.code == 0
    pyproject = (DATA.parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE)
    assert declared and out.stdout.strip() == f"helpfinder {declared.group(1)}" == f"helpfinder {__version__}"


HELP = {
    "list": ["services", "--need", "--area", "--channel", "--anonymous", "--free", "--data", "--plain", "--json"],
    "emergency": ["immediate danger", "999", "--data", "--plain", "--json"],
    "search": ["describ", "WORDS", "--data", "--plain", "--json"],
    "show": ["one service", "ID", "--data", "--plain", "--json"],
    "needs": ["help with", "--data", "--plain", "--json"],
}


@pytest.mark.parametrize("command", [None, *HELP])
def test_help_everywhere(cli: Cli, command: str | None) -> None:
    out = cli.run(*([command] if command else []), "--help")
    assert out.code == 0
    text = " ".join(out.stdout.split())
    if command is None:
        assert "999" in text
        for name in HELP:
            assert re.search(rf"\b{name}\b", text)
    else:
        for word in HELP[command]:
            assert word.lower() in text.lower(), (command, word)
    no_traceback(out)


@pytest.mark.parametrize("command", [None, *HELP])
def test_short_help_flag_is_the_same(cli: Cli, command: str | None) -> None:
    args = [command] if command else []
    assert cli.run(*args, "-h").stdout == cli.run(*args, "--help").stdout


def test_no_command_when_piped_prints_help_and_999(cli: Cli) -> None:
    out = cli.run()
    assert out.code == 0
    assert "list" in out.stdout and REMINDER in out.stdout


def test_unknown_option_is_a_usage_error(cli: Cli) -> None:
    out = cli.run("list", "--colour")
    assert out.code == 2
    assert "--colour" in out.stderr
    no_traceback(out)


# --- choosing the directory ----------------------------------------------------


def test_data_option(cli: Cli, mini: Path) -> None:
    out = cli.run("list", "--data", str(mini), "--plain")
    assert out.code == 0
    assert "Sums Line" in out.stdout and "Childline" not in out.stdout


def test_helpfinder_data_environment_variable(cli: Cli, mini: Path) -> None:
    out = cli.run("needs", "--json", env={"HELPFINDER_DATA": str(mini)})
    assert [n["id"] for n in json.loads(out.stdout)] == ["emergency", "homework"]


def test_data_option_wins_over_the_environment(cli: Cli, mini: Path) -> None:
    out = cli.run("list", "--json", "--data", str(DATA), env={"HELPFINDER_DATA": str(mini)})
    assert ids_of(out) == [s["id"] for s in SERVICES]


def test_emergency_uses_the_chosen_directory(cli: Cli, mini: Path) -> None:
    out = cli.run("emergency", "--plain", env={"HELPFINDER_DATA": str(mini)})
    assert out.code == 0
    assert "Test emergency line" in out.stdout and "NOT AN EMERGENCY" not in out.stdout


# --- every listing, every JSON ---------------------------------------------------

LISTINGS = [["list"], ["emergency"], ["search", "grooming"], ["show", "ceop"], ["needs"], ["list", "--need", "volunteering"]]


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_every_listing_ends_with_the_999_reminder(cli: Cli, args: list[str]) -> None:
    out = cli.run(*args, "--plain")
    assert out.code == 0
    assert last_line(out.stdout) == REMINDER


def _phone_values(value: Any) -> list[Any]:
    """Every number route's value anywhere in a JSON document."""
    found = []
    if isinstance(value, dict):
        if value.get("channel") in NUMBER_CHANNELS:
            found.append(value["value"])
        for item in value.values():
            found += _phone_values(item)
    elif isinstance(value, list):
        for item in value:
            found += _phone_values(item)
    return found


RAW_NUMBERS = {c["value"] for s in SERVICES for c in s["contacts"] if c["channel"] in NUMBER_CHANNELS}


@pytest.mark.parametrize("args", [["list"], ["emergency"], ["search", "helpline"], ["show", "childline"], ["needs"]], ids=" ".join)
def test_json_parses_and_numbers_stay_strings(cli: Cli, args: list[str]) -> None:
    out = cli.run(*args, "--json")
    assert out.code == 0
    document = json.loads(out.stdout)
    assert isinstance(document, dict if args[0] in ("show", "search") else list)
    numbers = _phone_values(document)
    if args[0] != "needs":
        assert numbers
    for number in numbers:
        assert isinstance(number, str) and number in RAW_NUMBERS
    if args[0] == "show":
        assert "0800 1111" in numbers  # the leading zero survives


def test_broken_pipe_exits_quietly() -> None:
    process = subprocess.Popen([helpfinder_exe(), "list", "--plain"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    code = process.wait(timeout=30)
    error = process.stderr.read()
    process.stderr.close()
    assert first.strip()
    assert error == b""
    assert code in (0, 141, -13)  # finished, or stopped by SIGPIPE: never an error message


def test_list_by_need_shows_only_that_need(runner: CliRunner) -> None:
    """Crimestoppers also serves non-emergency reporting; asked for anonymous reporting, only that heading shows."""
    directory = load()
    asked = directory.need("anonymous-reporting")
    result = runner.invoke(app, ["list", "--need", asked.id, "--plain"])
    assert result.exit_code == 0, result.output
    headings = {n.label.upper() for n in directory.needs}
    shown = [line for line in result.output.splitlines() if line in headings]
    assert shown == [asked.label.upper()]
