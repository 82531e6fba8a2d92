"""The HTML export in a real headless Chromium: offline, quiet, phone-width, and two A4 pages in print.

Uses Debian's Chromium (scripts/test installs it) through Playwright's Python
package; Playwright's own browser download is never used. A screenshot at
phone width and the printed PDF are kept in test-artifacts/ for a person to
look at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright
from pypdf import PdfReader

from typer.testing import CliRunner

from conftest import DATA, ROOT
from helpfinder.cli import app
from helpfinder.directory import Directory
from helpfinder.loader import load
from helpfinder.export import Sheet, to_html
from helpfinder.model import NUMBER_CHANNELS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("one-chromium")]  # one browser per run, not per process

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
PHONE_WIDTH = 360
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (scripts/test does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load(DATA, use_cache=False)


class Visit:
    """A page opened from a file, with every request, console message and dialog it caused."""

    def __init__(self, browser: Browser, path: Path, width: int = PHONE_WIDTH) -> None:
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": width, "height": 740})
        self.page.on("request", lambda request: self._request(request))
        self.page.on("console", lambda message: self._console(message))
        self.page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(path.resolve().as_uri(), wait_until="load")

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")


@pytest.fixture(scope="module")
def bundled_page(browser: Browser, directory: Directory) -> Iterator[tuple[Visit, Path]]:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "helplines.html"
    path.write_text(to_html(directory, directory.services, sheet=Sheet(notes=True)), encoding="utf-8")
    visit = Visit(browser, path)
    yield visit, path
    visit.page.close()


def flat(text: str) -> str:
    """PDF text for comparison: ligatures undone, every run of whitespace one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def test_loads_offline_with_no_errors(bundled_page: tuple[Visit, Path]) -> None:
    visit, path = bundled_page
    assert visit.requests == [path.resolve().as_uri()]
    assert visit.console == []
    assert visit.page.evaluate("document.scripts.length") == 0
    assert visit.page.evaluate("document.documentElement.lang") == "en-GB"


def test_readable_at_phone_width_with_numbers_whole(bundled_page: tuple[Visit, Path], directory: Directory) -> None:
    visit, _ = bundled_page
    page = visit.page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    banner = page.locator("header.banner")
    assert banner.bounding_box()["y"] == 0  # type: ignore[index]
    assert "Call 999" in banner.inner_text()
    numbers = page.locator(".number")
    shown = numbers.all_inner_texts()
    wanted = [
        directory.phone(c).display for s in directory.services for c in s.contacts if c.channel in NUMBER_CHANNELS
    ]
    assert sorted(shown) == sorted(wanted)  # the page orders them by need
    for index in range(numbers.count()):
        box = numbers.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, shown[index]
        # One line high: the number is never split across lines.
        assert box["height"] < 2 * float(numbers.nth(index).evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    page.screenshot(path=str(ARTIFACTS / "helplines-360px.png"))


def test_a_sheet_for_one_need_in_one_nation_prints_on_one_a4_page(browser: Browser, directory: Directory) -> None:
    place = directory.place("Cardiff")
    chosen = directory.local_first(directory.filter(need="sexual-assault", area=place.area.id))
    assert [s.id for s in chosen] == ["live-fear-free", "rape-crisis-england-wales"]
    path = ARTIFACTS / "sexual-assault-wales.html"
    path.write_text(to_html(directory, chosen), encoding="utf-8")
    visit = Visit(browser, path)
    visit.page.emulate_media(media="print")
    visit.page.pdf(path=str(ARTIFACTS / "sexual-assault-wales.pdf"), format="A4", print_background=True)
    visit.page.close()
    reader = PdfReader(ARTIFACTS / "sexual-assault-wales.pdf")
    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    assert "Only for people in Wales" in text and "Only for people in England and Wales" in text


def _pages(browser: Browser, html: str, name: str) -> list[str]:
    """The text of each A4 page the HTML prints on (the page and its PDF are kept in test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    visit = Visit(browser, path)
    visit.page.emulate_media(media="print")
    visit.page.pdf(path=str(ARTIFACTS / f"{name}.pdf"), format="A4", print_background=True)
    visit.page.close()
    return [flat(page.extract_text()) for page in PdfReader(ARTIFACTS / f"{name}.pdf").pages]


def test_a_sheet_of_two_needs_with_a_local_contact_line_prints_on_one_a4_page(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "sheet.html"
    result = CliRunner().invoke(
        app,
        ["export", "-f", "html", "--need", "self-harm", "--need", "worried-about-a-child", "--where", "York",
         "--blank", "Your school's safeguarding lead", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    [page] = _pages(browser, out.read_text(encoding="utf-8"), "two-needs-york")
    assert "Who can help: Thinking about suicide or self-harm; Worried about a child, for people in North Yorkshire" in page
    assert "Your school's safeguarding lead:" in page
    assert "Samaritans" in page and "NSPCC Helpline" in page
    assert "Checked against" not in page and "Sources" not in page and "Note: Added" not in page


def test_the_largest_one_need_sheet_for_a_nation_prints_on_one_a4_page(browser: Browser, directory: Directory) -> None:
    """Support after abuse in Wales: eight services, each with what no current source confirms."""
    place = directory.place("wales")
    chosen = directory.local_first(directory.filter(need="victim-support", area=place.area.id))
    assert len(chosen) == 8
    sheet = Sheet(blanks=("Your GP surgery",), needs=("victim-support",))
    assert len(_pages(browser, to_html(directory, chosen, sheet=sheet), "victim-support-wales")) == 1


def test_the_whole_directory_prints_on_a4_with_everything_in_full(bundled_page: tuple[Visit, Path], directory: Directory) -> None:
    visit, _ = bundled_page
    pdf_path = ARTIFACTS / "helplines.pdf"
    visit.page.emulate_media(media="print")
    visit.page.pdf(path=str(pdf_path), format="A4", print_background=True)
    reader = PdfReader(pdf_path)
    assert 1 <= len(reader.pages) <= 6  # 33 services with their notes; a sheet of one need fits one page (above)
    for pdf_page in reader.pages:
        size = (float(pdf_page.mediabox.width), float(pdf_page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=2)
    text = flat(" ".join(p.extract_text() for p in reader.pages))
    joined = text.replace(" ", "")
    assert "In immediate danger? Call 999." in text
    for service in directory.services:
        assert f"on {service.verified.day} {service.verified.strftime('%B %Y')}" in text
        assert service.source in joined  # printed in full (a long address may wrap)
        for contact in service.contacts:
            if contact.channel in NUMBER_CHANNELS:
                assert directory.phone(contact).display in text, contact.value
            else:
                assert contact.value in joined, contact.value


def test_hostile_directory_text_stays_text(browser: Browser, directory: Directory, tmp_path: Path) -> None:
    base = directory.service("nspcc-helpline")
    name = '<img src="https://tracker.example/x.png" onerror="alert(1)"><script>alert(2)</script>'
    service = msgspec.structs.replace(base, name=name, description="</p><iframe src=https://evil.example></iframe>")
    path = tmp_path / "hostile.html"
    path.write_text(to_html(directory, [service]), encoding="utf-8")
    visit = Visit(browser, path)
    try:
        assert visit.dialogs == []
        assert visit.requests == [path.resolve().as_uri()]
        assert visit.page.evaluate("document.querySelectorAll('img, iframe, script').length") == 0
        assert visit.page.locator("h3").first.inner_text() == name
    finally:
        visit.page.close()
