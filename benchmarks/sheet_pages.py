"""How many printable sheets of one or two needs fit on one A4 page?

    python benchmarks/sheet_pages.py

Prints, in Debian's Chromium (as tests/test_browser.py does), the HTML sheet
``helpfinder export -f html --need A [--need B] [--where PLACE]`` would write
for every need and every pair of needs, UK-wide and for each nation and York,
and counts its A4 pages. Lists the sheets that need more than one page. About
a minute on two cores.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from helpfinder.export import Sheet, sheet_title, to_html
from helpfinder.loader import load

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
WHERE = (None, "england", "wales", "scotland", "northern ireland", "york")


def main() -> None:
    directory = load(ROOT / "data" / "helplines.yaml", use_cache=False)
    needs = [need.id for need in directory.data.needs]
    counted: list[tuple[int, int, tuple[str, ...], str | None]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.emulate_media(media="print")
        for size in (1, 2):
            for chosen in itertools.combinations(needs, size):
                for where in WHERE:
                    place = directory.place(where) if where else None
                    services = directory.filter(need=list(chosen), area=place and place.area.id)
                    if not services:
                        continue
                    services = directory.local_first(services) if place else services
                    sheet = Sheet(sheet_title(directory, chosen, place), needs=chosen)
                    page.set_content(to_html(directory, services, sheet=sheet))
                    pages = len(PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True))).pages)
                    counted.append((pages, len(services), chosen, where))
        browser.close()
    for size in (1, 2):
        these = [c for c in counted if len(c[2]) == size]
        one = [c for c in these if c[0] == 1]
        print(f"sheets of {size} need{'s' if size > 1 else ''}: {len(one)}/{len(these)} on one A4 page", end="")
        print(f"; the largest on one page holds {max(c[1] for c in one)} services")
    over = [c for c in counted if c[0] > 1]
    if over:
        print(f"the smallest sheet over one page holds {min(c[1] for c in over)} services")
    print("over one page (pages, services, needs, where):")
    for pages, services, chosen, where in sorted((c for c in counted if c[0] > 1), key=lambda c: (-c[1], c[2])):
        print(f"  {pages} {services:2d} {' + '.join(chosen)} ({where or 'UK-wide'})")


if __name__ == "__main__":
    main()
