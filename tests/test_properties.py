"""Property-based tests: whatever a file holds, the loader and renderers fail only in the ways they promise."""

from __future__ import annotations

import datetime
import io
import json
import re
import sys
from pathlib import Path

import msgspec
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpfinder import render, validate, views
from helpfinder.cli import app
from helpfinder.directory import Directory
from helpfinder.loader import check_file, load
from helpfinder.problems import RULES, DirectoryError
from helpfinder.yamlfile import parse

sys.path.insert(0, str(Path(__file__).parent))
from minimal import minimal, write  # noqa: E402

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TODAY = datetime.date(2026, 1, 1)

# Scalars that YAML 1.1 would retype, plus arbitrary text.
tricky_scalars = st.one_of(
    st.sampled_from(["02071234567", "+441234567", "999", "9:00", "NO", "yes", "~", "null", "2021-02-30", "1e3", ".inf", "0x1F", "0o17", ""]),
    st.text(max_size=20),
)
keys = st.one_of(
    st.sampled_from(["schema_version", "title", "needs", "areas", "services", "topics", "synonyms", "id", "name", "label",
                     "description", "contacts", "channel", "value", "hours", "verified", "source", "needs", "area", "crisis"]),
    st.text(min_size=1, max_size=8),
)
structures = st.recursive(
    tricky_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


def _valid_fragment() -> dict:
    return yaml.load(minimal(), Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only strings, lists and dicts


def _check_text(text: str) -> list:
    """Parse and validate text as the loader does; DirectoryError is the only failure allowed."""
    try:
        parsed = parse(text, "random.yaml")
    except DirectoryError as exc:
        assert exc.problems and all(p.rule in RULES for p in exc.problems)
        return exc.problems
    checked, problems = validate.check(parsed, text, "random.yaml", today=TODAY)
    assert all(p.rule in RULES for p in problems)
    assert (checked is None) == any(p.severity == "error" for p in problems)
    return problems


@SETTINGS
@given(structures)
def test_random_structures_never_raise(value: object) -> None:
    text = yaml.safe_dump({"schema_version": "1", "services": value} if not isinstance(value, dict) else value, allow_unicode=True)
    _check_text(text)


@SETTINGS
@given(st.text(max_size=300))
def test_random_text_never_raises(text: str) -> None:
    _check_text(text)


@SETTINGS
@given(st.sampled_from(["services", "needs", "areas", "topics"]), st.integers(0, 1), keys, structures)
def test_one_wrong_field_in_a_valid_file_is_reported_not_raised(section: str, index: int, key: str, value: object) -> None:
    data = _valid_fragment()
    entries = data[section]
    entries[min(index, len(entries) - 1)][key] = value
    _check_text(yaml.safe_dump(data, allow_unicode=True))


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_through_the_real_loader(tmp_path_factory, content: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("bytes") / "directory.yaml"
    path.write_bytes(content)
    try:
        load(path, use_cache=False)
    except DirectoryError as exc:
        assert exc.problems
    directory, problems = check_file(path)
    assert directory is not None or problems


# --- rendering random text --------------------------------------------------------------

# Anything a file could hold once escapes are allowed in a quoted string, weighted to the dangerous.
random_text = st.one_of(
    st.text(min_size=1, max_size=60),
    st.lists(st.sampled_from(["\x1b[31m", "\x1b]8;;https://evil\x1b\\", "\x9b", "\r", "\x08", "\x00", "\u202e", "[bold]", "[/]", ":skull:", "0808 800 5000", "https://x.uk/a", " ", "word"]), min_size=1, max_size=8).map("".join),
)
ESCAPE_SEQUENCE_FROM_DATA = re.compile(r"\x1b(?!\[[0-9;]*m|\]8;[^\x1b]*\x1b\\)")  # any escape other than rich's styles and links


@SETTINGS
@given(random_text, random_text, st.integers(20, 120))
def test_random_text_renders_without_escapes(tmp_path_factory, name: str, description: str, width: int) -> None:  # type: ignore[no-untyped-def]
    directory = load(write(tmp_path_factory.mktemp("dir"), minimal()), use_cache=False)
    services = directory.data.services
    changed = msgspec.structs.replace(services[1], name=name, description=description)
    directory = Directory(msgspec.structs.replace(directory.data, services=[services[0], changed]), directory.phones, directory.path, directory.digest)
    doc = views.listing(directory, directory.services)

    plain = io.StringIO()
    render.write_plain(doc, plain)
    assert "\x1b" not in plain.getvalue() and "\x9b" not in plain.getvalue()

    rich = io.StringIO()
    render.write_rich(doc, rich, width=width)
    output = rich.getvalue()
    assert not ESCAPE_SEQUENCE_FROM_DATA.search(output)
    assert "\x9b" not in output and "\r" not in output and "\x08" not in output
    for link in re.findall(r"\x1b\]8;[^;]*;([^\x1b]*)", output):
        assert link == "" or link.startswith(("https://", "tel:", "mailto:"))
        assert "evil" not in link

    encoded = msgspec.json.encode(directory.services).decode()
    assert "\x1b" not in encoded
    assert json.loads(encoded)[1]["name"] == name


def _yaml_escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_json_output_of_a_loaded_file_always_parses(tmp_path_factory, name: str) -> None:  # type: ignore[no-untyped-def]
    quoted = '"' + "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else _yaml_escape(c) for c in name) + '"'
    path = write(tmp_path_factory.mktemp("dir"), minimal().replace("name: Support line", f"name: {quoted}"))
    result = CliRunner().invoke(app, ["list", "--json", "--data", str(path)], env={"FORCE_COLOR": "1", "COLUMNS": "20"})
    if result.exit_code == 2:  # refused (e.g. invisible characters): the reason is on stderr, stdout stays empty
        assert result.stdout == "" and "[text-" in result.stderr
        return
    assert result.exit_code == 0, result.output
    services = json.loads(result.stdout)
    assert services[1]["name"] == name
