"""``helpfinder check`` and ``helpfinder schema``: the curator's tools."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import msgspec
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from helpfinder.cli import app
from helpfinder.loader import load
from helpfinder.problems import RULES

sys.path.insert(0, str(Path(__file__).parent))
from minimal import line_of, minimal, mutate, write  # noqa: E402

THREE_ERRORS = (
    ("crisis: true", "crisis: NO", "[type]"),
    ('"0808 800 5000"', '"09061 234567"', "[phone-premium]"),
    ("channel: email", "channel: pigeon", "[type]"),
)


def test_bundled_directory_has_no_errors(runner: CliRunner, bundled: Path) -> None:
    result = runner.invoke(app, ["check", str(bundled)])
    assert result.exit_code == 0, result.output
    services = len(load(bundled).services)
    assert f"{services} services, 0 errors," in result.stdout


def test_summary_line_counts_services_errors_and_warnings(runner: CliRunner, tmp_path: Path) -> None:
    old = datetime.date.today() - datetime.timedelta(days=400)
    path = write(tmp_path, minimal(verified=old))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "2 services, 0 errors, 3 warnings" in lines  # two services and one topic are stale
    assert sum("[stale]" in line for line in lines) == 3
    assert any(line.startswith("Oldest entries: ") and old.isoformat() in line for line in lines)


def test_singular_counts(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, mutate(minimal(), '"0808 800 5000"', '"999"'))
    result = runner.invoke(app, ["check", str(path)])
    assert "2 services, 0 errors, 1 warning\n" in result.stdout


def test_every_problem_is_reported_at_once(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal()
    for old, new, _ in THREE_ERRORS:
        text = mutate(text, old, new)
    path = write(tmp_path, text)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    for _, new, rule in THREE_ERRORS:
        line = line_of(text, new)
        assert any(l.startswith(f"{path}:{line}:") and l.endswith(rule) for l in result.stdout.splitlines()), (new, result.stdout)
    assert "3 errors" in result.stdout
    listed = runner.invoke(app, ["list", "--data", str(path)])
    assert listed.exit_code == 2
    assert sum(rule in listed.stderr for _, _, rule in THREE_ERRORS) == 3


def test_problems_are_listed_in_file_order(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal()
    for old, new, _ in reversed(THREE_ERRORS):
        text = mutate(text, old, new)
    result = runner.invoke(app, ["check", "--json", str(write(tmp_path, text))])
    lines = [p["line"] for p in json.loads(result.stdout)["problems"]]
    assert lines == sorted(lines) and len(lines) == 3


def test_strict_fails_on_warnings(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, minimal(verified=datetime.date.today() - datetime.timedelta(days=400)))
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    assert runner.invoke(app, ["check", "--strict", str(path)]).exit_code == 1
    fresh = write(tmp_path, minimal(), "fresh.yaml")
    assert runner.invoke(app, ["check", "--strict", str(fresh)]).exit_code == 0


def test_max_age_turns_old_entries_into_errors(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal(verified=datetime.date.today() - datetime.timedelta(days=100))
    path = write(tmp_path, text)
    assert runner.invoke(app, ["check", "--max-age", "100", str(path)]).exit_code == 0
    result = runner.invoke(app, ["check", "--max-age", "99", str(path)])
    assert result.exit_code == 1
    line = line_of(text, "verified:", 2)
    assert f"{path}:{line}:15: error: services[0] (police) verified: last verified" in result.stdout
    assert "100 days ago (limit 99) [too-old]" in result.stdout
    assert "0 warnings" in result.stdout


def test_stale_entries_still_load(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, minimal(verified=datetime.date(2021, 2, 26)))
    result = runner.invoke(app, ["list", "--data", str(path), "--plain"])
    assert result.exit_code == 0
    assert "Last checked 26 February 2021" in result.stdout


def test_json_output_shape(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(verified=datetime.date.today() - datetime.timedelta(days=400)), "crisis: true", "crisis: NO")
    path = write(tmp_path, text)
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"file", "services", "errors", "warnings", "problems"}
    assert report["file"] == str(path)
    assert report["services"] is None  # not loaded: it has errors
    assert (report["errors"], report["warnings"]) == (1, 3)
    error = next(p for p in report["problems"] if p["severity"] == "error")
    assert error == {
        "rule": "type",
        "severity": "error",
        "file": str(path),
        "line": line_of(text, "crisis: NO"),
        "column": 13,
        "where": "needs[0] (emergency) crisis",
        "message": '"NO" is not true or false',
    }
    assert {p["rule"] for p in report["problems"]} <= set(RULES)


def test_json_for_a_valid_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--json", str(write(tmp_path, minimal()))])
    assert result.exit_code == 0
    assert json.loads(result.stdout) | {"file": None} == {"file": None, "services": 2, "errors": 0, "warnings": 0, "problems": []}


def test_json_for_an_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--json", str(tmp_path / "nowhere.yaml")])
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["rule"] == "file-unreadable" and problem["line"] is None


def test_check_uses_helpfinder_data(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, mutate(minimal(), "crisis: true", "crisis: NO"))
    monkeypatch.setenv("HELPFINDER_DATA", str(path))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1 and f"{path}:" in result.stdout


def test_every_rule_code_used_is_documented() -> None:
    """Codes are stable and listed in RULES; a problem raised with an unlisted code is a bug."""
    import re

    used: set[str] = set()
    for module in ("readfile", "yamlfile", "validate", "phones", "directory"):
        text = (Path(__file__).parent.parent / "src" / "helpfinder" / f"{module}.py").read_text()
        used |= set(re.findall(r'(?:Problem\(|\.add\(|PhoneError\(|_problem\(|rule = |rule, message = )\s*"([a-z-]+)"', text))
    assert {"phone-unquoted", "duplicate-key", "alias", "text-control", "url-invalid"} <= used
    assert used <= set(RULES), used - set(RULES)


def test_internal_error_in_check_is_short(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpfinder import validate

    def broken(*args: object, **kwargs: object) -> None:
        secret = "local-variable-value"  # noqa: F841 - must never be printed
        raise RuntimeError("boom")

    monkeypatch.setattr(validate, "check", broken)
    result = runner.invoke(app, ["check", str(write(tmp_path, minimal()))])
    assert result.exit_code == 3
    assert "999" in result.stderr
    assert "Traceback" not in result.output and "local-variable-value" not in result.output


# --- schema -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_schema_is_valid_json_schema(schema: dict) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_bundled_directory_validates_against_the_schema(schema: dict, bundled: Path) -> None:
    document = json.loads(msgspec.json.encode(load(bundled).data))
    errors = list(Draft202012Validator(schema).iter_errors(document))
    assert errors == []


def test_schema_rejects_what_the_loader_rejects(schema: dict, tmp_path: Path) -> None:
    document = json.loads(msgspec.json.encode(load(write(tmp_path, minimal())).data))
    validator = Draft202012Validator(schema)
    assert validator.is_valid(document)
    document["services"][1]["phnoe"] = "0808 800 5000"
    assert not validator.is_valid(document)
    del document["services"][1]["phnoe"]
    document["services"][1]["contacts"][1]["hours"] = {"daily": ["9:00"]}
    assert not validator.is_valid(document)
    del document["services"][1]["contacts"][1]["hours"]
    document["services"][1]["source"] = "http://www.nspcc.org.uk/"
    assert not validator.is_valid(document)
