"""Property: hostile text in any argument or data field never puts a control byte on stdout or stderr.

Hostile text mixes C0 and C1 controls (as text, and as raw bytes that came
back through surrogateescape), terminal escape sequences, bidi controls,
invisible characters, line breaks and ordinary letters.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpfinder import render, safetext, views
from helpfinder.cli import app
from helpfinder.directory import Directory
from helpfinder.loader import load

sys.path.insert(0, str(Path(__file__).parent))
from minimal import minimal, mutate  # noqa: E402
from test_hostile import unsafe_in, yaml_quoted  # noqa: E402

PIECES = [
    "\x1b[2J", "\x1b]8;;https://evil/\x07", "\x1b]52;c;ZXZpbA==\x07", "\x07", "\x08", "\r", "\n", "\x00", "\x7f",
    "\x85", "\x9b", "\x9d", "\udc9b", "\udcff", "\u202e", "\u2066", "\u200b", "\u2028", "\ufeff", "\u3164", "\u115f",
    "\u2800", "\U0001d173", "\ue000", "0800 555 111", "https://x.example/", "ceop", " ",
]  # fmt: skip
hostile = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), min_size=1, max_size=8).map("".join)

ARGUMENTS = [
    ["show", "{}"], ["advice", "{}"], ["search", "{}"], ["search", "{}", "--json"], ["list", "--need", "{}"],
    ["list", "--area", "{}"], ["list", "--channel", "{}"], ["list", "--at", "{}"], ["emergency", "--at", "{}"],
    ["export", "-f", "{}"], ["export", "-f", "csv", "--need", "{}"], ["needs", "--data", "/nonexistent/{}"],
    ["check", "/nonexistent/{}"], ["check", "--json", "/nonexistent/{}"], ["list", "--where", "{}"],
]  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile, template=st.sampled_from(ARGUMENTS))
def test_no_argument_puts_a_control_byte_on_the_terminal(text: str, template: list[str]) -> None:
    result = CliRunner().invoke(app, [part.format(text) for part in template])
    assert result.exit_code in (0, 1, 2), result.output
    assert unsafe_in(result.stdout) == [] and unsafe_in(result.stderr) == []


FIELDS = [
    "name: Support line", "organisation: A charity", "description: Talk to someone.", "note: Open daily.",
    "label: Helpline", "note: Free to call.", "- talk", "title: What to do", "summary: Report it to the police.",
    "- Call the police.", "label: Support", "description: Someone to talk to.", "name: United Kingdom",
    "value: help@example.org.uk", "source: https://www.nspcc.org.uk/", "id: helpline", "area: uk",
]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile, field=st.sampled_from(FIELDS))
def test_no_data_field_puts_a_control_byte_on_the_terminal(tmp_path_factory, text: str, field: str) -> None:  # type: ignore[no-untyped-def]
    key, value = field.split(" ", 1)
    path = tmp_path_factory.mktemp("data") / "directory.yaml"
    path.write_text(mutate(minimal(), field, f"{key} {yaml_quoted(value + text)}"), encoding="utf-8")
    runner = CliRunner()
    for args in (["check", str(path)], ["check", "--json", str(path)], ["show", "helpline", "--data", str(path)]):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2), result.output
        assert unsafe_in(result.stdout) == [] and unsafe_in(result.stderr) == []


_STYLING = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^;\x1b]*;([^\x1b]*)\x1b\\")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_views_of_data_past_the_validator_stay_inert(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    """Data that never met the validator (a library caller, a planted cache): every view, plain and rich."""
    path = tmp_path_factory.mktemp("data") / "directory.yaml"
    path.write_text(minimal(), encoding="utf-8")
    directory = load(path, use_cache=False)
    data = directory.data
    bad = [msgspec.structs.replace(s, name=text, description=text, note=text, organisation=text) for s in data.services]
    topics = [msgspec.structs.replace(t, title=text, summary=text, steps=[text], source="https://x/" + text) for t in data.topics]
    directory = Directory(msgspec.structs.replace(data, services=bad, topics=topics), directory.phones, directory.path, directory.digest)
    docs = [views.listing(directory, directory.services), views.service_view(directory, directory.services[1]),
             views.topic_view(directory, directory.topics[0]), views.needs_view(directory), views.no_match_view(text)]  # fmt: skip
    for doc in docs:
        plain, rich = io.StringIO(), io.StringIO()
        render.write_plain(doc, plain)
        render.write_rich(doc, rich, width=60)
        assert unsafe_in(plain.getvalue()) == []
        links = [m.group(1) for m in _STYLING.finditer(rich.getvalue()) if m.group(1)]
        assert all(render.is_link(link) for link in links)
        assert unsafe_in(_STYLING.sub("", rich.getvalue())) == []


def test_safe_text_agrees_with_the_validator_on_every_character() -> None:
    """One definition: every character check refuses in prose is one every message escapes, and back."""
    for code in list(range(0x0, 0x3000)) + list(range(0xD800 - 64, 0xE100)) + list(range(0xFE00, 0x10000)):
        char = chr(code)
        refused = safetext.first_unsafe(char, allowed="\t\n") is not None
        escaped = safetext.safe(char) != char
        assert refused == (escaped and char != "\n"), hex(code)
