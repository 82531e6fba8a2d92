"""The printable sheet: several needs, a title that says what it holds, lines to write on, notes only when asked."""

from __future__ import annotations

from typer.testing import CliRunner

from helpfinder.cli import app


def sheet(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", "-f", "markdown", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_need_given_twice_keeps_both_needs_and_only_their_sections() -> None:
    out = sheet("--need", "self-harm", "--need", "report-abuse-images")
    assert out.startswith("# Who can help: Thinking about suicide or self-harm; Report sexual images or videos of children online\n")
    sections = [line for line in out.splitlines() if line.startswith("## ")]
    assert sections == ["## Thinking about suicide or self-harm", "## Report sexual images or videos of children online"]
    assert "### Samaritans" in out and "### Internet Watch Foundation (IWF)" in out


def test_list_takes_need_twice_too() -> None:
    result = CliRunner().invoke(app, ["list", "--need", "self-harm", "--need", "own-behaviour", "--plain"])
    assert result.exit_code == 0
    headings = [line for line in result.stdout.splitlines() if line.isupper()]
    assert headings == ["THINKING ABOUT SUICIDE OR SELF-HARM", "WORRIED ABOUT YOUR OWN THOUGHTS OR BEHAVIOUR"]


def test_the_title_follows_the_place_not_the_whole_directorys_scope() -> None:
    assert sheet("--where", "wales").splitlines()[0] == "# Help with online child abuse, for people in Wales"
    assert sheet("--need", "sexual-assault", "--where", "CF10 1AA").splitlines()[0] == "# Who can help: Help after rape or sexual assault, for people in Wales"
    assert sheet().splitlines()[0] == "# Help with online child abuse (UK-wide, the four nations, and North Yorkshire)"


def test_title_and_lines_for_local_contacts() -> None:
    out = sheet("--need", "self-harm", "--title", "Year 9 <help> sheet", "--blank", "Your school's safeguarding lead", "--blank", "Form tutor")
    assert out.splitlines()[:7] == [
        "# Year 9 \\<help\\> sheet",
        "",
        "**In immediate danger? Call 999.**",
        "",
        "- Your school's safeguarding lead: ______________________________",
        "- Form tutor: ______________________________",
        "",
    ]


def test_curators_notes_and_check_dates_only_when_asked() -> None:
    plain, noted = sheet("--need", "report-online-exploitation"), sheet("--need", "report-online-exploitation", "--with-notes")
    people = "Note: CEOP cannot take anonymous reports: the form asks for your contact details. If a child is in immediate danger, call 999."
    curators = "The 2021 article links http://ceop.police.uk/; helpfinder lists the https addresses."
    assert people + "\n" in plain  # what a reader needs stays: the note for people
    assert "Not confirmed: No CEOP page from 2024 or later was found." in plain  # and what no source confirms
    assert "Checked against its source" not in plain and curators not in plain
    assert f"{people} {curators}\n" in noted
    assert "Checked against its source on 25 November 2026: <https://www.ceopeducation.co.uk/parents/get-help/reporting-an-incident/>" in noted


def test_sheet_options_are_for_sheets_only() -> None:
    result = CliRunner().invoke(app, ["export", "-f", "csv", "--title", "x"])
    assert result.exit_code == 2
    assert result.stderr == "helpfinder: --title, --blank and --with-notes are for the printable sheets: --format markdown or html\n"
