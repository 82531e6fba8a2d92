"""A single self-contained HTML page to open on a phone or print on A4.

No scripts, fonts, images or links to load: the page works offline and from
a USB stick, and tells no one it was opened. Every piece of directory text
goes through ``html.escape``. On screen it is one readable column at phone
width; printed, it has two columns, keeps each entry together, and prints
every number and web address in full (each source once, in a numbered
list), so a paper copy loses nothing.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..emergency import FLOOR
from .facts import Route, Sheet, day_text, routes, sections, service_notes, summary

if TYPE_CHECKING:
    from ..directory import Directory
    from ..model import Service

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 0 1rem 2rem; color: #1b1b1b; background: #fff;
  font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
a { color: #0b4fa8; overflow-wrap: anywhere; }
.banner { margin: 0 -1rem 1rem; padding: .75rem 1rem; background: #a8001c; color: #fff; }
.banner p { margin: .2rem 0; }
.banner .call { font-size: 1.3rem; font-weight: 700; }
.banner a { color: #fff; }
h1 { font-size: 1.45rem; margin: .5rem 0; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; padding-bottom: .2rem; border-bottom: 2px solid #555; }
h3 { font-size: 1.05rem; margin: 1rem 0 .2rem; }
p { margin: .3rem 0; }
.need, .meta, .checked, .also { color: #444; font-size: .92rem; }
ul.routes, ol.sources { margin: .3rem 0; padding-left: 1.4rem; }
ul.routes li { margin: .2rem 0; }
.number { font-weight: 700; white-space: nowrap; }
.note { border-left: 3px solid #b58900; padding-left: .5rem; }
.write-in p { display: flex; gap: .4rem; margin: .6rem 0; }
.write-in .line { flex: 1; border-bottom: 1px solid #1b1b1b; min-width: 8rem; }
footer { margin-top: 2rem; font-weight: 700; }
@media print {
  @page { size: A4; margin: 7mm 8mm; }
  body { max-width: none; padding: 0; font-size: 7.5pt; line-height: 1.15; }
  a { color: inherit; text-decoration: none; }
  .banner { margin: 0 0 4pt; padding: 4pt 6pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .banner .call { font-size: 12pt; }
  h1 { font-size: 12pt; margin: 0 0 4pt; }
  main { column-count: 2; column-gap: 6mm; }
  h2 { font-size: 9.5pt; margin: 6pt 0 2pt; break-after: avoid; }
  h3 { font-size: 8.5pt; margin: 4pt 0 1pt; break-after: avoid; }
  p, ul.routes li { margin: 1pt 0; }
  .need, .meta, .checked, .also { font-size: 7.5pt; }
  .note, .aside { font-size: 7pt; line-height: 1.15; }
  /* A service may run on into the next column (columns then fill, and more fits on a page), but
     not onto the next page; a route, a note, or a heading and what follows it never split. */
  article { break-inside: avoid-page; orphans: 3; widows: 3; }
  ul.routes li, .note, .meta { break-inside: avoid; }
  .meta { break-after: avoid; }
  footer { margin-top: 3pt; break-before: avoid; }
  .write-in p { margin: 7pt 0 4pt; }
}
""".strip()


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _route(route: Route) -> str:
    if route.dial:
        shown = f'<span class="number">{escape(route.shown)}</span>'
        value = f'<a href="{escape(route.link)}">{shown}</a>' if route.link else shown
    else:
        value = _link(route.link or route.shown, route.shown)
    details = " · ".join(escape(part) for part in route.details())
    item = f"{escape(route.channel_label)}: {value}" + (f" <span class=\"meta\">— {details}</span>" if details else "")
    for note in route.notes():
        item += f'<br><span class="aside">{escape(note)}</span>'
    return f"<li>{item}</li>"


def _service(directory: Directory, service: Service, channel: str | None, free: bool, sources: dict[str, int] | None) -> list[str]:
    """One service as an article; with ``sources`` (a sheet with notes), its notes and where it was checked."""
    parts = [
        f'<article id="{escape(service.id)}" aria-labelledby="{escape(service.id)}-name">',
        f'<h3 id="{escape(service.id)}-name">{escape(service.name)}</h3>',
        f'<p class="meta">{escape(summary(directory, service))}</p>',
        f"<p>{escape(service.description)}</p>",
        '<ul class="routes">',
        *(_route(route) for route in routes(directory, service, channel=channel, free=free)),
        "</ul>",
    ]
    parts += [f'<p class="note">{escape(note)}</p>' for note in service_notes(service, curators=sources is not None)]
    if sources is not None:
        number = sources.setdefault(service.source, len(sources) + 1)
        parts.append(
            f'<p class="checked">Checked against {_link(f"#source-{number}", f"source {number}")} '
            f"on {escape(day_text(service.verified))}</p>"
        )
    parts.append("</article>")
    return parts


def to_html(
    directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False, sheet: Sheet = Sheet()
) -> str:
    """The services as one accessible HTML page: 999, lines for local contacts, each need with its services, 999 again."""
    title = escape(sheet.title or directory.data.title)
    body = [
        '<header class="banner">',
        '<p class="call">In immediate danger? Call <a href="tel:999">999</a>.</p>',
        *(f"<p>{escape(line)}</p>" for line in FLOOR[1:]),
        "</header>",
        f"<h1>{title}</h1>",
    ]
    if sheet.blanks:
        body += [
            '<section class="write-in" aria-label="Local contacts">',
            *(f'<p><span>{escape(label)}:</span> <span class="line"></span></p>' for label in sheet.blanks),
            "</section>",
        ]
    body.append("<main>")
    # Many entries share a source: number each once and list them at the end,
    # so a printed page shows every address in full without repeating it.
    sources: dict[str, int] | None = {} if sheet.notes else None
    for section in sections(directory, services, sheet.needs):
        heading_id = f"need-{section.need.id}"
        body += [
            f'<section aria-labelledby="{escape(heading_id)}">',
            f'<h2 id="{escape(heading_id)}">{escape(section.need.label)}</h2>',
            f'<p class="need">{escape(section.need.description)}</p>',
        ]
        for service in section.services:
            body += _service(directory, service, channel, free, sources)
        for service, need in section.see_also:
            body.append(f'<p class="also">Also: {_link("#" + service.id, service.name)} (under “{escape(need.label)}”)</p>')
        body.append("</section>")
    if sources is not None:
        body += [
            '<section aria-labelledby="sources">',
            '<h2 id="sources">Sources</h2>',
            '<ol class="sources">',
            *(f'<li id="source-{number}">{_link(url, url)}</li>' for url, number in sources.items()),
            "</ol>",
            "</section>",
        ]
    body += [
        "</main>",
        f'<footer><p>{escape(FLOOR[0])}</p></footer>',
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en-GB">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
