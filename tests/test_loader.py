"""Bad input: every way a directory file can be wrong is refused with a located message.

Each case writes a mutated copy of a small valid file and runs the command
line on it: ``list --data FILE`` must exit 2 (data error, message on stderr)
and ``check FILE`` must exit 1. Messages must name the place: file:line:col,
the entry and field, and the rule code.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Callable

import msgspec
import pytest
from typer.testing import CliRunner

from helpfinder import yamlfile
from helpfinder.cli import app
from helpfinder.loader import load
from helpfinder.problems import DirectoryError
from helpfinder.readfile import MAX_BYTES

sys.path.insert(0, str(Path(__file__).parent))
from minimal import line_of, minimal, mutate, write  # noqa: E402

DATA_ERROR, CHECK_FAILED = 2, 1


def refused(runner: CliRunner, path: Path, *fragments: str, listing: bool = True) -> str:
    """Assert that ``check`` (and, with ``listing``, ``list``) refuses the file naming every fragment."""
    checked = runner.invoke(app, ["check", str(path)])
    assert checked.exit_code == CHECK_FAILED, checked.output
    for fragment in fragments:
        assert fragment in checked.stdout, f"{fragment!r} not in:\n{checked.stdout}"
    if not listing:
        return checked.stdout
    listed = runner.invoke(app, ["list", "--data", str(path), "--plain"])
    assert listed.exit_code == DATA_ERROR, listed.output
    assert listed.stdout == ""
    assert "Traceback" not in listed.stderr
    for fragment in fragments:
        assert fragment in listed.stderr, f"{fragment!r} not in:\n{listed.stderr}"
    return listed.stderr


def at(path: Path, line: int, column: int | None = None) -> str:
    return f"{path}:{line}:{column}:" if column is not None else f"{path}:{line}:"


# --- the fixture itself ------------------------------------------------------


def test_the_minimal_file_is_valid(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, minimal())
    result = runner.invoke(app, ["check", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 services, 0 errors, 0 warnings" in result.stdout


# --- YAML 1.1 typing must never change a value --------------------------------


@pytest.mark.parametrize("written", ["02071234567", "+44 20 7123 4567", "+442071234567"])
def test_quoted_numbers_load_unchanged_as_text(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, mutate(minimal(), '"0808 800 5000"', f'"{written}"'))
    directory = load(path, use_cache=False)
    contact = directory.service("helpline").contacts[0]
    assert contact.value == written
    assert directory.phone(contact).display == written  # shown as the curator wrote it


def test_unquoted_octal_looking_number_is_refused_as_written(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), '"0808 800 5000"', "02071234567")
    path = write(tmp_path, text)
    message = refused(
        runner, path,
        at(path, line_of(text, "02071234567"), 16),
        "services[1] (helpline) contacts[0].value:",
        '"02071234567"',
        "[phone-unquoted]",
    )
    assert "283457911" not in message  # what YAML 1.1 would have made of it


def test_unquoted_plus_prefixed_number_keeps_its_plus(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), '"0808 800 5000"', "+448088005000")
    path = write(tmp_path, text)
    message = refused(runner, path, at(path, line_of(text, "+448088005000"), 16), '"+448088005000"', "[phone-unquoted]")
    assert "448088005000 " not in message.replace('"+448088005000"', "")


def test_unquoted_short_code(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), 'value: "999"', "value: 999")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "value: 999"), 16), "services[0] (police) contacts[0].value:", '"999"', "[phone-unquoted]")


def test_sexagesimal_looking_time(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), 'daily: ["09:00-17:00"]', "daily: [9:00]")
    path = write(tmp_path, text)
    message = refused(
        runner, path,
        at(path, line_of(text, "daily: [9:00]"), 19),
        "services[1] (helpline) contacts[0].hours.daily[0]:",
        '"9:00"',
        "HH:MM-HH:MM",
        "[type]",
    )
    assert "540" not in message  # 9:00 read as base-60 by YAML 1.1


def test_time_instead_of_hours(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "hours: 24/7", "hours: 9:00")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "hours: 9:00"), 16), "services[0] (police) contacts[0].hours:", '"9:00"', "[type]")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("crisis: true", "crisis: NO", "needs[0] (emergency) crisis:"),
        ("crisis: true", "crisis: yes", "needs[0] (emergency) crisis:"),
        ("anonymous: false", "anonymous: off", "services[0] (police) anonymous:"),
    ],
)
def test_yaml_1_1_booleans_are_not_true_or_false(runner: CliRunner, tmp_path: Path, old: str, new: str, where: str) -> None:
    text = mutate(minimal(), old, new)
    path = write(tmp_path, text)
    written = new.split(": ")[1]
    refused(runner, path, at(path, line_of(text, new)), where, f'"{written}" is not true or false', "[type]")


def test_invalid_date(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal()
    line = line_of(text, "verified:", 2)
    text = _replace_line(text, line, "    verified: 2021-02-30")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line, 15), "services[0] (police) verified:", '"2021-02-30"', "[type]")


# --- repeated keys, anchors and aliases ---------------------------------------


def test_duplicate_key_inside_an_entry_names_both_lines(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "    organisation: A charity\n", "    organisation: A charity\n    organisation: Someone else\n")
    path = write(tmp_path, text)
    first, second = line_of(text, "organisation: A charity"), line_of(text, "organisation: Someone else")
    refused(runner, path, at(path, second, 5), "'organisation' is given twice", f"first at line {first}", "[duplicate-key]")


def test_duplicate_top_level_key_names_both_lines(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal() + "services:\n  - id: another\n"
    path = write(tmp_path, text)
    first, second = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("services:")]
    refused(runner, path, at(path, second, 1), "'services' is given twice", f"first at line {first}", "[duplicate-key]")


def test_anchor_and_alias_are_refused_naming_both_lines(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "    source: https://www.police.uk/\n", "    source: &src https://www.police.uk/\n")
    text = mutate(text, "    source: https://www.nspcc.org.uk/", "    source: *src")
    path = write(tmp_path, text)
    anchor, alias = line_of(text, "&src"), line_of(text, "*src")
    refused(runner, path, at(path, alias, 13), "*src", f"anchored at line {anchor}", "[alias]")


def test_unused_anchor_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "name: United Kingdom", "name: &uk United Kingdom")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "&uk"), 11), "&uk", "[alias]")


def test_alias_bomb_is_refused_without_expanding(runner: CliRunner, tmp_path: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(rows) + "\n"  # fully expanded: 9**9 strings, about 387 million
    path = write(tmp_path, text)
    message = refused(runner, path, at(path, 2, 8), "*a repeats the value anchored at line 1", at(path, 9, 8), "[alias]")
    assert len(message.splitlines()) <= 12  # one message per line of aliases, not one per expansion


@pytest.mark.parametrize("depth", [40, 20_000])
def test_deep_nesting(runner: CliRunner, tmp_path: Path, depth: int) -> None:
    text = minimal() + "extra: " + "[" * depth + "]" * depth + "\n"
    path = write(tmp_path, text)
    refused(runner, path, str(path), "[too-deep]")


def test_reading_stops_at_the_first_value_past_the_limit(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Values are counted as read (the top mapping, keys, texts, the list): the sixth of five is refused where it is."""
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 5)
    path = write(tmp_path, "schema_version: '1'\nx: [a, b, c]\n")
    message = refused(runner, path, at(path, 2, 5), "more than 5 values", "[too-many-values]")
    assert len(message.splitlines()) == 2  # the one error, then the closing line


def test_a_file_with_as_many_values_as_the_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 8)
    assert yamlfile.parse("schema_version: '1'\nx: [a, b, c]\n", "f.yaml").data == {"schema_version": "1", "x": ["a", "b", "c"]}


def test_values_inside_a_refused_key_count_towards_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 6)
    with pytest.raises(DirectoryError) as refusal:
        yamlfile.parse("? [a, b, c, d, e]\n: x\n", "f.yaml")
    assert [(p.rule, p.line, p.column) for p in refusal.value.problems] == [("too-many-values", 1, 16)]


# --- files that hold no directory ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ("# only\n# comments\n", "the file is empty"),
        ("just some text\n", "the top level must be a mapping"),
        ("- a\n- list\n", "the top level must be a mapping"),
    ],
    ids=["empty", "comment-only", "scalar-only", "list-only"],
)
def test_files_without_a_mapping(runner: CliRunner, tmp_path: Path, content: str, expected: str) -> None:
    path = write(tmp_path, content)
    refused(runner, path, at(path, 1), expected, "[yaml-structure]")


def test_multi_document_file(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal() + "---\n" + minimal()
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "---")), "more than one YAML document", "[yaml-structure]")


def test_tab_indentation(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "    name: United Kingdom", "\tname: United Kingdom")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "\tname")), "tab characters cannot indent YAML", "[yaml-syntax]")


def test_huge_file_is_refused_before_reading(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_BYTES + 1)
    refused(runner, path, f"{path}: error: is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,}", "[file-unreadable]")


def test_directory_passed_as_data(runner: CliRunner, tmp_path: Path) -> None:
    refused(runner, tmp_path, f"{tmp_path}: error: is a directory, not a file", "[file-unreadable]")


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    refused(runner, path, f"{path}: error: no such file", "[file-unreadable]")


def test_character_device(runner: CliRunner) -> None:
    refused(runner, Path(os.devnull), f"{os.devnull}: error: is not a regular file", "[file-unreadable]")


def test_fifo_is_refused_without_blocking(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    refused(runner, path, f"{path}: error: is not a regular file", "[file-unreadable]")


def test_file_that_is_not_utf8(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal()
    path = write(tmp_path, text.replace("A charity", "A charit\xe9").encode("latin-1"))
    refused(runner, path, at(path, line_of(text, "A charity")), "is not UTF-8 text (byte 0xe9)", "[file-unreadable]")


# --- text fields: control, invisible and markup characters --------------------

# (where the message says it is, the line to change, the text in it to change)
TEXT_FIELDS = [
    ("title", "title: Test directory", "Test directory"),
    ("needs[1] (support) label", "label: Support", "Support"),
    ("needs[1] (support) description", "description: Someone to talk to.", "Someone to talk to."),
    ("needs[0] (emergency) keywords[0]", "- danger", "danger"),
    ("areas[0] (uk) name", "name: United Kingdom", "United Kingdom"),
    ("topics[0] (what-to-do) title", "title: What to do", "What to do"),
    ("topics[0] (what-to-do) summary", "summary: Report it to the police.", "Report it to the police."),
    ("topics[0] (what-to-do) steps[0]", "- Call the police.", "Call the police."),
    ("services[1] (helpline) name", "name: Support line", "Support line"),
    ("services[1] (helpline) organisation", "organisation: A charity", "A charity"),
    ("services[1] (helpline) description", "description: Talk to someone.", "Talk to someone."),
    ("services[1] (helpline) note", "note: Open daily.", "Open daily."),
    ("services[1] (helpline) keywords[0]", "- talk", "talk"),
    ("services[1] (helpline) contacts[0].label", "label: Helpline", "Helpline"),
    ("services[1] (helpline) contacts[0].note", "note: Free to call.", "Free to call."),
]

CONTROL = {"ESC": 0x1B, "CR": 0x0D, "backspace": 0x08, "NUL": 0x00, "C1-CSI": 0x9B, "DEL": 0x7F, "bell": 0x07, "line-separator": 0x2028}
INVISIBLE = {"RLO": 0x202E, "LRE": 0x202A, "RLI": 0x2067, "zero-width-space": 0x200B, "zero-width-joiner": 0x200D, "BOM": 0xFEFF, "ALM": 0x061C}


def _inject(text: str, line_text: str, value: str, new_value: str) -> str:
    """Rewrite one field as a double-quoted YAML string (so escapes like \\x1b are allowed)."""
    escaped = new_value.replace("\\", "\\\\").replace('"', '\\"')
    return mutate(text, line_text, line_text.replace(value, f'"{escaped}"'))


def _yaml_escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _in_every_text_field(path_dir: Path, written: Callable[[str], str]) -> tuple[Path, dict[str, int]]:
    """The minimal file with each text field's value rewritten by ``written``; and each field's line."""
    text = minimal()
    lines = {where: line_of(text, line_text) for where, line_text, _ in TEXT_FIELDS}
    for _, line_text, value in TEXT_FIELDS:
        text = mutate(text, line_text, line_text.replace(value, written(value)))
    return write(path_dir, text), lines


def _refused_in_every_field(runner: CliRunner, path: Path, lines: dict[str, int], message: str, rule: str) -> None:
    """``check`` names every text field, each at its own line, in one run."""
    report = refused(runner, path, f"not loaded, {len(TEXT_FIELDS)} errors, 0 warnings", listing=False).splitlines()
    for where, line in lines.items():
        wanted = f"error: {where}: {message}"
        assert [r for r in report if r.startswith(at(path, line)) and wanted in r and r.endswith(rule)], (wanted, report)


@pytest.mark.parametrize("char", list(CONTROL), ids=list(CONTROL))
def test_control_character_in_any_text_field(runner: CliRunner, tmp_path: Path, char: str) -> None:
    code = CONTROL[char]
    path, lines = _in_every_text_field(tmp_path, lambda value: f'"{value[:3]}{_yaml_escape(code)}{value[3:]}"')
    _refused_in_every_field(runner, path, lines, f"contains the control character U+{code:04X}", "[text-control]")


@pytest.mark.parametrize("char", list(INVISIBLE), ids=list(INVISIBLE))
def test_invisible_character_in_any_text_field(runner: CliRunner, tmp_path: Path, char: str) -> None:
    code = INVISIBLE[char]
    path, lines = _in_every_text_field(tmp_path, lambda value: f"{value[:3]}{chr(code)}{value[3:]}")  # written raw: YAML allows it
    _refused_in_every_field(runner, path, lines, f"contains the invisible or direction-changing character U+{code:04X}", "[text-invisible]")


@pytest.mark.parametrize("char", ["ESC", "backspace", "NUL", "bell"])
def test_raw_control_character_is_located(runner: CliRunner, tmp_path: Path, char: str) -> None:
    """Written as the byte itself (not a YAML escape), which YAML refuses: still a located message."""
    text = minimal()
    line = line_of(text, "name: Support line")
    text = mutate(text, "name: Support line", f"name: Support{chr(CONTROL[char])} line")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line, 18), f"U+{CONTROL[char]:04X}", "[text-control]")


@pytest.mark.parametrize(("where", "line_text", "value"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
def test_markup_in_text_field_is_data_not_an_error(runner: CliRunner, tmp_path: Path, where: str, line_text: str, value: str) -> None:
    markup = f"[bold]{value}[/] [link=https://evil.example]x[/link] :skull:"
    path = write(tmp_path, _inject(minimal(), line_text, value, markup))
    result = runner.invoke(app, ["check", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    loaded = json.dumps(msgspec.to_builtins(load(path, use_cache=False).data))
    assert json.dumps(markup)[1:-1] in loaded  # kept as written, not read as markup


# --- addresses and numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "must be an https:// address (not javascript:)"),
        ("file:///etc/passwd", "must be an https:// address (not file:)"),
        ("http://www.police.uk/", "must be an https:// address (not http:)"),
        ("https://www.police .uk/", "contains spaces or hidden characters"),
        ('"https://www.police.uk/a b"', "contains spaces or hidden characters"),
        ("https://user:secret@www.police.uk/", "does not name a valid web host"),
        ("https://localhost/", "does not name a valid web host"),
    ],
    ids=["javascript", "file", "http", "space-in-host", "space-in-path", "credentials", "no-domain"],
)
def test_bad_web_address(runner: CliRunner, tmp_path: Path, url: str, expected: str) -> None:
    text = mutate(minimal(), "value: https://www.police.uk/", f"value: {url}")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, f"value: {url}"), 16), "services[0] (police) contacts[1].value:", expected, "[url-invalid]")


def test_bad_source_address(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "source: https://www.nspcc.org.uk/", "source: http://www.nspcc.org.uk/")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "http://www.nspcc"), 13), "services[1] (helpline) source:", "[url-invalid]")


@pytest.mark.parametrize("email", ["help@@example.org.uk", "help", "help@example", "help @example.org.uk", "@example.org.uk", "help@-example.org.uk"])
def test_malformed_email(runner: CliRunner, tmp_path: Path, email: str) -> None:
    text = mutate(minimal(), "value: help@example.org.uk", f'value: "{email}"')
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, f'"{email}"'), 16), "services[1] (helpline) contacts[1].value:", f'"{email}" is not a well-formed email address', "[email-invalid]")


@pytest.mark.parametrize("number", ["09061 234567", "0845 123 4567", "0870 123 4567", "0871 123 4567", "+44 906 123 4567"])
def test_premium_and_shared_cost_numbers(runner: CliRunner, tmp_path: Path, number: str) -> None:
    text = mutate(minimal(), '"0808 800 5000"', f'"{number}"')
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, number), 16), f'"{number}"', "[phone-premium]")


@pytest.mark.parametrize("number", ["0800 55511", "12345", "0808-800-5000", "0808  800 5000", "+1 212 555 0100", "phone me"])
def test_invalid_numbers(runner: CliRunner, tmp_path: Path, number: str) -> None:
    text = mutate(minimal(), '"0808 800 5000"', f'"{number}"')
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, number), 16), "services[1] (helpline) contacts[0].value:", f'"{number}"', "[phone-invalid]")


# --- fields ---------------------------------------------------------------------


def test_misspelled_field_is_located_at_its_key_with_a_hint(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "    note: Open daily.", "    phnoe: Open daily.")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "phnoe"), 5), "services[1] (helpline) phnoe:", "unknown field 'phnoe'; did you mean 'note'?", "[unknown-field]")


def test_misspelled_required_field_reports_both_problems(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), 'value: "0808 800 5000"', 'valeu: "0808 800 5000"')
    path = write(tmp_path, text)
    refused(
        runner, path,
        at(path, line_of(text, "valeu"), 9),
        "unknown field 'valeu'; did you mean 'value'?",
        "services[1] (helpline) contacts[0]: missing required field 'value' [missing-field]",
    )


@pytest.mark.parametrize("field", ["organisation", "description", "source", "verified", "area"])
def test_missing_field(runner: CliRunner, tmp_path: Path, field: str) -> None:
    text = minimal()
    lines = text.splitlines(keepends=True)
    start = line_of(text, "- id: helpline")
    index = next(i for i in range(start, len(lines)) if lines[i].startswith(f"    {field}:"))
    del lines[index]
    path = write(tmp_path, "".join(lines))
    refused(runner, path, at(path, start, 5), f"services[1] (helpline): missing required field '{field}'", "[missing-field]")


def test_unknown_channel(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "channel: email", "channel: pigeon")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "pigeon"), 18), "services[1] (helpline) contacts[1].channel:", '"pigeon" is not one of the allowed values', "[type]")


def test_bad_id(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "- id: helpline", "- id: Help_Line")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "Help_Line")), '"Help_Line" is not an id of lower-case letters', "[type]")


def test_wrong_schema_version(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "schema_version: 1", "schema_version: 2")
    path = write(tmp_path, text)
    refused(runner, path, at(path, 1, 17), "schema_version:", '"2"', "[type]")


# --- across entries ---------------------------------------------------------------


def test_unknown_need_referenced(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "needs: [support]", "needs: [suport]")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "[suport]"), 13), "services[1] (helpline) needs[0]: need 'suport' is not declared; did you mean 'support'?", "[undeclared]")


def test_unknown_area_referenced(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "    area: uk\n    contacts:\n      - channel: phone\n        value: \"0808", "    area: england\n    contacts:\n      - channel: phone\n        value: \"0808")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "area: england"), 11), "services[1] (helpline) area: area 'england' is not declared", "[undeclared]")


def test_unknown_service_in_topic(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "services: [police]", "services: [polise]")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "[polise]")), "topics[0] (what-to-do) services[0]: service 'polise' is not declared; did you mean 'police'?", "[undeclared]")


def test_duplicate_id(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "- id: helpline", "- id: police")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "- id: police", 2), 9), "services[1] (police) id: id 'police' is already used by services[0]", "[duplicate-id]")


def test_unused_need(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "needs: [support]", "needs: [emergency]")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line_of(text, "- id: support"), 9), "needs[1] (support) id: no service serves the need 'support'", "[unused-need]")


def test_shared_number_is_a_warning_not_an_error(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), '"0808 800 5000"', '"999"')
    path = write(tmp_path, text)
    listed = runner.invoke(app, ["list", "--data", str(path), "--plain"])
    assert listed.exit_code == 0, listed.output
    checked = runner.invoke(app, ["check", str(path)])
    assert checked.exit_code == 0
    line = line_of(text, '"999"', 2)
    assert f"{at(path, line, 16)} warning: services[1] (helpline) contacts[0].value: 999 is also listed under 'police' [shared-number]" in checked.stdout
    assert runner.invoke(app, ["check", "--strict", str(path)]).exit_code == 1


def test_future_verified_date(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal()
    line = line_of(text, "verified:")
    text = _replace_line(text, line, "    verified: 2999-01-01")
    path = write(tmp_path, text)
    refused(runner, path, at(path, line, 15), "topics[0] (what-to-do) verified: 2999-01-01 is in the future", "[type]")


def _replace_line(text: str, line: int, new: str) -> str:
    lines = text.splitlines(keepends=True)
    lines[line - 1] = new + "\n"
    return "".join(lines)


def test_error_messages_never_show_python_reprs(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "crisis: true", "crisis: [a, b]")
    path = write(tmp_path, text)
    message = refused(runner, path, at(path, line_of(text, "crisis: [a, b]")), "needs[0] (emergency) crisis:")
    assert not re.search(r"\['a'|`|\$\.", message)
