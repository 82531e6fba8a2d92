"""check lists every problem in one run, errors first, and is honest about what a file will show."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpfinder.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from minimal import line_of, minimal, mutate, write  # noqa: E402


def check(runner: CliRunner, path: Path) -> list[str]:
    result = runner.invoke(app, ["check", str(path)])
    return result.stdout.splitlines()[:-1]  # the problems, without the summary


def test_every_problem_in_one_run(runner: CliRunner, tmp_path: Path) -> None:
    """An unquoted number, a misspelt need and a bad date in one entry: all three at once."""
    text = mutate(minimal(), 'value: "0808 800 5000"', "value: 08088005000")
    text = mutate(text, "needs: [support]", "needs: [suport]")
    text = mutate(text, "verified:", "verified: 2021-02-30 #", 2)
    lines = check(runner, write(tmp_path, text))
    rules = {line.rsplit("[", 1)[1] for line in lines}
    assert rules == {"phone-unquoted]", "type]", "undeclared]", "unused-need]"}, lines  # unused: 'support' lost its service
    assert any("need 'suport' is not declared; did you mean 'support'?" in line for line in lines)


def test_errors_are_labelled_and_listed_before_warnings(runner: CliRunner, tmp_path: Path) -> None:
    text = minimal(verified=datetime.date(2020, 1, 1))  # stale: warnings on early lines
    text = mutate(text, "value: help@example.org.uk", "value: not-an-address")  # an error further down
    path = write(tmp_path, text)
    lines = check(runner, path)
    assert lines[0].startswith(f"{path}:{line_of(text, 'not-an-address')}:") and ": error: " in lines[0]
    assert all(": warning: " in line for line in lines[1:]) and len(lines) >= 2


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("  - id: helpline\n", '  - id: "helpline\\n"\n', "is not an id"),
        ("anonymous: false", "anonymous: 1", '"1" is not true or false'),
        ("anonymous: false", "anonymous: tRuE", '"tRuE" is not true or false'),
        ("crisis: true", "crisis: 0", '"0" is not true or false'),
        ("name: Support line", "name: !!binary U3VwcG9ydA==", "the YAML tag tag:yaml.org,2002:binary is not allowed"),
        ("label: Helpline", "label: !!str Helpline", "the YAML tag tag:yaml.org,2002:str is not allowed"),
        ("    name: United Kingdom\n", "    name: United Kingdom\n    within: null\n", "a plain null here"),
        ("note: Open daily.", "note: ~", "a plain null here"),
    ],
    ids=["id-newline", "bool-1", "bool-tRuE", "bool-0", "tag-binary", "tag-str", "within-null", "note-tilde"],
)
def test_each_is_a_located_error(runner: CliRunner, tmp_path: Path, old: str, new: str, fragment: str) -> None:
    text = mutate(minimal(), old, new)
    path = write(tmp_path, text)
    lines = check(runner, path)
    line = line_of(text, new.strip().split("\n")[-1].strip())
    hits = [entry for entry in lines if fragment in entry]
    assert len(hits) == 1 and hits[0].startswith(f"{path}:{line}:") and ": error: " in hits[0], lines
    assert not any("'null' is not declared" in entry for entry in lines)


INVISIBLE = ["\u3164", "\u115f", "\uffa0", "\u2800", "\u034f", "\ufff9", "\U0001d173", "\u180b", "\u17b4"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_refused(runner: CliRunner, tmp_path: Path, char: str) -> None:
    text = mutate(minimal(), "description: Talk to someone.", f'description: "Talk{char} to someone."')
    lines = check(runner, write(tmp_path, text))
    assert [line for line in lines if "[text-invisible]" in line or "[text-control]" in line], lines


@pytest.mark.parametrize(("written", "refused"), [("0808 800 5000", False), ("08088005000", True), ("+448088005000", True)])
def test_phone_unquoted_refuses_only_what_a_yaml_reader_changes(runner: CliRunner, tmp_path: Path, written: str, refused: bool) -> None:
    lines = check(runner, write(tmp_path, mutate(minimal(), '"0808 800 5000"', written)))
    unquoted = [line for line in lines if "[phone-unquoted]" in line]
    assert bool(unquoted) == refused
    if refused:
        assert "YAML 1.2 readers take unquoted digits for an integer" in unquoted[0]


def test_a_description_cannot_forge_a_route_line(runner: CliRunner, tmp_path: Path) -> None:
    forged = '"Talk to someone.\\n  Phone: 0909 879 0000\\n    Helpline · 24/7 · Free"'
    path = write(tmp_path, mutate(minimal(), "description: Talk to someone.", f"description: {forged}"))
    shown = runner.invoke(app, ["show", "helpline", "--plain", "--data", str(path)]).stdout
    assert "  Talk to someone. Phone: 0909 879 0000 Helpline; 24/7; Free" in shown.splitlines()
    assert not any(line.lstrip().startswith("Phone: 0909") for line in shown.splitlines())


# Values of the wrong kind, each with the message check gives (worded by helpfinder, not by msgspec).
WRONG_KINDS = [  # in file order
    ("steps:\n      - Call the police.", "steps: []", "must list at least one item"),
    ("anonymous: false", "anonymous: {a: b}", "expected true or false, got a mapping"),
    ("hours: 24/7", "hours: [a]", "expected 24/7 or a mapping, got a list"),
    ("channel: web", "channel: pigeon", '"pigeon" is not one of the allowed values (bsl, chat, email, form, phone, text, textphone, web)'),
    ("label: Helpline", "label: [a]", "expected text, got a list"),
    ('daily: ["09:00-17:00"]', "daily: {a: b}", "expected a list, got a mapping"),
    ("keywords:\n      - talk", "keywords:\n      - [talk]", "expected text, got a list"),
]


def _wrong_kinds(tmp_path: Path) -> Path:
    text = minimal()
    for old, new, _ in WRONG_KINDS:
        text = mutate(text, old, new)
    return write(tmp_path, text)


def test_values_of_the_wrong_kind_are_described_in_plain_words(runner: CliRunner, tmp_path: Path) -> None:
    lines = check(runner, _wrong_kinds(tmp_path))
    assert [line.split(": ", 3)[-1] for line in lines] == [f"{message} [type]" for _, _, message in WRONG_KINDS]


def test_messages_do_not_depend_on_how_msgspec_words_its_errors(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The problems come from the model's declared types, so a msgspec upgrade that rewords its errors changes nothing."""
    import msgspec

    from helpfinder import validate

    path = _wrong_kinds(tmp_path)
    before = check(runner, path)
    real = msgspec.convert

    def reworded(*args: object, **kwargs: object) -> object:
        try:
            return real(*args, **kwargs)
        except msgspec.ValidationError:
            raise msgspec.ValidationError("a wording no release of msgspec has used - at `$[7]`") from None

    monkeypatch.setattr(validate.msgspec, "convert", reworded)
    assert check(runner, path) == before
    assert not any("`" in line or "msgspec" in line for line in before)


def test_an_unknown_field_is_reported_once_whatever_it_holds(runner: CliRunner, tmp_path: Path) -> None:
    """Its values are not walked (a million of them cost nothing): the field is the one problem."""
    text = minimal() + 'extra: [a, "b\\e", {c: [d]}, 2021-02-30]\n'
    path = write(tmp_path, text)
    assert check(runner, path) == [
        f"{path}:{line_of(text, 'extra:')}:1: error: extra: unknown field 'extra'; expected one of: "
        "schema_version, title, needs, areas, topics, synonyms, services, guide [unknown-field]"
    ]


def test_problems_past_the_limit_are_counted_not_listed(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpfinder import validate

    monkeypatch.setattr(validate, "MAX_PROBLEMS", 2)
    text = minimal() + "aa: 1\nbb: 2\ncc: 3\ndd: 4\n"
    path = write(tmp_path, text)
    expected = "expected one of: schema_version, title, needs, areas, topics, synonyms, services, guide [unknown-field]"
    assert check(runner, path) == [
        f"{path}:{line_of(text, 'aa:')}:1: error: aa: unknown field 'aa'; {expected}",
        f"{path}:{line_of(text, 'bb:')}:1: error: bb: unknown field 'bb'; {expected}",
        f"{path}: error: 2 more problems were found and are not listed; fix these and run check again [too-many-problems]",
    ]


def test_problems_of_the_reader_past_the_limit_are_counted_not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    from helpfinder import yamlfile
    from helpfinder.problems import DirectoryError

    monkeypatch.setattr(yamlfile, "MAX_PROBLEMS", 1)
    with pytest.raises(DirectoryError) as refusal:
        yamlfile.parse("a: 1\na: 2\nb: &x 3\nc: *x\n", "f.yaml")
    assert [(p.rule, p.line, p.message) for p in refusal.value.problems] == [
        ("duplicate-key", 2, "'a' is given twice in this mapping (first at line 1); YAML would silently keep only one"),
        ("too-many-problems", None, "1 more problem was found and is not listed; fix these and run check again"),
    ]
