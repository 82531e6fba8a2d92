"""helpfinder export: each format read back by an independent parser, and the command's options.

The browser test of the HTML page is in test_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import msgspec
import pytest
import vobject
from markdown_it import MarkdownIt

from helpfinder.phones import tel_uri
from helpfinder.directory import Directory
from helpfinder.loader import load
from helpfinder.export import FORMATS, Sheet, UnknownFormat, export, to_csv, to_hsds, to_html, to_markdown, to_vcard
from helpfinder.export.facts import routes, stable_uuid
from helpfinder.export.markdown import escape as markdown_escape
from helpfinder.export.vcard import MAX_OCTETS
from helpfinder.model import NUMBER_CHANNELS, Contact, Service

from conftest import DATA, ROOT

HSDS_DIR = ROOT.parent / "shared" / "hsds"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = 'Evil, Inc; "quoted" \\ <script>alert(1)</script> *bold* _it_ [link](javascript:alert(1)) & &amp; # | ~ `code`'


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load(DATA, use_cache=False)


@pytest.fixture(scope="module")
def hostile(directory: Directory) -> Service:
    """A service whose text tries every trick each format is open to."""
    base = directory.service("nspcc-helpline")
    return msgspec.structs.replace(
        base,
        name="=HYPERLINK(\"https://evil.example\") " + HOSTILE,
        organisation="@SUM(1+1) Ünïcödé Örgänisätiön " * 3,
        description="-2+3 starts like a formula\nand has a second line; " + HOSTILE,
        note="+44 looks like a number " + HOSTILE,
        contacts=[
            *base.contacts,
            msgspec.structs.replace(base.contacts[0], label="\tTabbed label", note="=1+1"),
        ],
    )


def number_routes(directory: Directory, service: Service) -> list[Contact]:
    return [c for c in service.contacts if c.channel in NUMBER_CHANNELS]


# --- vCard -----------------------------------------------------------------------


def parse_vcards(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


def test_vcard_one_card_per_service_and_every_number_round_trips(directory: Directory) -> None:
    text = to_vcard(directory, directory.services)
    cards = parse_vcards(text)
    assert [c.fn.value for c in cards] == [s.name for s in directory.services]
    tel_types = {"phone": "voice", "text": "text", "textphone": "textphone"}
    for card, service in zip(cards, directory.services):
        assert card.version.value == "4.0"
        assert card.org.value == [service.organisation]
        tels = [(t.value, t.params["TYPE"], t.params["VALUE"]) for t in card.contents.get("tel", [])]
        expected = [(tel_uri(directory.phone(c).dial), [tel_types[c.channel]], ["uri"]) for c in number_routes(directory, service)]
        assert tels == expected
        for value, _, _ in tels:
            assert re.fullmatch(r"tel:\+44[1-9][0-9]{6,9}|tel:[0-9]{3,6}|tel:1800[0-2][0-9]+", value), value
        emails = [e.value for e in card.contents.get("email", [])]
        assert emails == [c.value for c in service.contacts if c.channel == "email"]
        urls = [u.value for u in card.contents.get("url", [])]
        assert urls == [c.value for c in service.contacts if c.channel in ("web", "form", "chat", "bsl")]
        assert card.note.value.startswith(" ".join(service.description.split()))
        assert f"Checked against source on {service.verified.isoformat()}" in card.note.value
    uids = [c.uid.value for c in cards]
    assert len(set(uids)) == len(uids)


def test_vcard_numbers_are_international_and_short_codes_dial_as_digits(directory: Directory) -> None:
    text = to_vcard(directory, [directory.service("police-non-emergency"), directory.service("stop-it-now")])
    assert "TEL;VALUE=uri;TYPE=textphone:tel:18001101\r\n" in text
    assert "TEL;VALUE=uri;TYPE=voice:tel:101\r\n" in text
    assert "TEL;VALUE=uri;TYPE=voice:tel:+448081000900\r\n" in text


def test_vcard_lines_are_crlf_and_folded_at_75_octets(directory: Directory, hostile: Service) -> None:
    text = to_vcard(directory, [*directory.services, hostile])
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[-1] == ""
    assert max(len(line.encode("utf-8")) for line in lines) <= MAX_OCTETS
    assert any(line.startswith(" ") for line in lines), "the long NOTEs must have been folded"


def test_vcard_escapes_text_so_it_parses_back_unchanged(directory: Directory, hostile: Service) -> None:
    card = parse_vcards(to_vcard(directory, [hostile]))[0]
    assert card.fn.value == hostile.name
    assert card.org.value == [hostile.organisation]
    assert hostile.description in card.note.value
    assert "\n" in card.note.value  # routes and the date are separate lines
    assert "=1+1" in card.note.value


def test_vcard_channel_filter_keeps_only_that_route(directory: Directory) -> None:
    service = directory.service("nspcc-helpline")
    card = parse_vcards(to_vcard(directory, [service], channel="email"))[0]
    assert "tel" not in card.contents
    assert [e.value for e in card.email_list] == ["help@nspcc.org.uk"]


# --- CSV ---------------------------------------------------------------------------


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "a byte-order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def looks_numeric(cell: str) -> bool:
    """What a spreadsheet turns into a number on opening (and so loses a leading zero)."""
    try:
        float(cell.strip())
    except ValueError:
        return False
    return True


def test_csv_one_row_per_route_with_a_header(directory: Directory) -> None:
    text = to_csv(directory, directory.services)
    table = read_csv(text)
    header, body = table[0], table[1:]
    assert header[:6] == ["service", "organisation", "helps with", "who it is for", "channel", "contact"]
    assert len(body) == sum(len(s.contacts) for s in directory.services)
    assert all(len(row) == len(header) for row in body)
    assert text.count("\r\n") == len(table)  # CRLF after every record, none bare
    ids = header.index("service id")
    assert [row[ids] for row in body] == [s.id for s in directory.services for _ in s.contacts]
    checked = header.index("checked")
    assert {row[checked] for row in body} == {s.verified.isoformat() for s in directory.services}


def test_csv_phone_numbers_keep_their_leading_zero(directory: Directory) -> None:
    table = read_csv(to_csv(directory, directory.services))
    contact = table[0].index("contact")
    channel = table[0].index("channel")
    phones = [row[contact] for row in table[1:] if row[channel] in ("Phone", "Text", "Textphone")]
    wanted = [directory.phone(c).dial for s in directory.services for c in number_routes(directory, s)]
    assert [p.replace(" ", "") for p in phones] == wanted
    assert any(p.startswith("0") for p in phones)
    for cell in phones:
        # A spreadsheet keeps a cell as text unless it reads as a number; one it
        # would read as a number must have no leading zero to lose.
        assert not (looks_numeric(cell) and cell.startswith("0")), cell


def test_csv_neutralises_formulas_and_quotes_per_rfc_4180(directory: Directory, hostile: Service) -> None:
    table = read_csv(to_csv(directory, [*directory.services, hostile]))
    for row in table:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    hostile_rows = [row for row in table if row[table[0].index("service id")] == hostile.id and row[0].startswith("'")]
    assert hostile_rows
    row = hostile_rows[-1]
    assert row[0] == "'" + hostile.name  # commas, quotes and backslashes survive intact
    assert row[1] == "'" + hostile.organisation
    assert row[table[0].index("label")] == "'\tTabbed label"
    assert row[table[0].index("route note")].startswith("'=1+1 ")


def test_csv_free_filter_drops_paid_routes(directory: Directory) -> None:
    services = [directory.service("supporting-victims"), directory.service("victim-supportline")]
    table = read_csv(to_csv(directory, services, free=True))
    contact = table[0].index("contact")
    assert [row[contact] for row in table[1:]] == ["0808 168 9111"]  # the local line is charged at the standard rate


# --- Markdown --------------------------------------------------------------------


def test_markdown_groups_by_need_and_describes_each_service_once(directory: Directory) -> None:
    text = to_markdown(directory, directory.services)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == [need.label for need, _ in directory.grouped(directory.services)]
    services = re.findall(r"^### (.+)$", text, flags=re.M)
    assert sorted(services) == sorted(markdown_escape(s.name) for s in directory.services)
    for service in directory.services:
        for contact in number_routes(directory, service):
            assert f"**{directory.phone(contact).display}**" in text
    multi = directory.service("childline")
    assert f"- Also: {multi.name} (see “{directory.need(multi.needs[0]).label}” above)" in text
    assert text.index("**In immediate danger? Call 999.**") < text.index("## ")
    assert text.rstrip().endswith("**In immediate danger? Call 999.**")


def test_markdown_renders_directory_text_literally(directory: Directory, hostile: Service) -> None:
    rendered = MarkdownIt("commonmark").render(to_markdown(directory, [hostile]))
    assert "<script>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert 'href="javascript' not in rendered
    assert "<em>" not in rendered and "<code>" not in rendered
    assert "*bold* _it_ [link](javascript:alert(1)) &amp; &amp;amp; # | ~ `code`" in rendered
    assert "<strong>0808 800 5000</strong>" in rendered
    assert '<a href="mailto:help@nspcc.org.uk">help@nspcc.org.uk</a>' in rendered
    assert "<li>+44" not in rendered and "<h1>" in rendered  # a leading + stays text, not a list


# --- HTML (static checks; the browser test is in test_browser.py) ----------------------


class PageParser(HTMLParser):
    """Collects what the checks below need: tags, attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_page(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    return parser


def test_html_is_self_contained_and_links_every_route(directory: Directory) -> None:
    page = parse_page(to_html(directory, directory.services, sheet=Sheet(notes=True)))
    tags = [t for t, _ in page.tags]
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in page.tags
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(tags)
    assert tags.index("header") < tags.index("h1") < tags.index("h2")
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    for service in directory.services:
        for contact in service.contacts:
            if contact.channel in ("phone", "textphone"):
                assert tel_uri(directory.phone(contact).dial) in hrefs
            elif contact.channel == "email":
                assert f"mailto:{contact.value}" in hrefs
            elif contact.channel != "text":
                assert contact.value in hrefs
    assert "tel:999" in hrefs
    text = "".join(page.text)
    for service in directory.services:
        day = service.verified
        assert f"on {day.day} {day.strftime('%B %Y')}" in text
        assert service.source in hrefs


def test_html_escapes_directory_text(directory: Directory, hostile: Service) -> None:
    html = to_html(directory, [hostile])
    page = parse_page(html)
    assert "script" not in [t for t, _ in page.tags]
    assert not [a for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("javascript")]
    assert hostile.name in "".join(page.text)
    assert "&lt;script&gt;" in html


# --- HSDS --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hsds_validator() -> jsonschema.protocols.Validator:
    path = HSDS_DIR / "service.schema.json"
    if not path.is_file():
        pytest.fail(f"the HSDS schema is missing: expected {path} (shared/ beside the checkout)")
    schema = json.loads(path.read_text(encoding="utf-8"))
    # Not checked against the JSON Schema metaschema (2 s, and a fact about the official file, not about
    # helpfinder): test_hsds_schema_catches_a_broken_record shows the validator catches what it should.
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_hsds_every_service_validates_against_the_official_schema(directory: Directory, hostile: Service, hsds_validator: jsonschema.protocols.Validator) -> None:
    records = json.loads(to_hsds(directory, [*directory.services, hostile]))
    assert len(records) == len(directory.services) + 1
    for record in records:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in hsds_validator.iter_errors(record)]
        assert not errors, (record["name"], errors)


def test_hsds_schema_catches_a_broken_record(directory: Directory, hsds_validator: jsonschema.protocols.Validator) -> None:
    """The validation above can fail: a wrong status and a non-UUID id are caught."""
    record = json.loads(to_hsds(directory, directory.services[:1]))[0]
    record["status"] = "open"
    record["id"] = "police-emergency"
    assert len(list(hsds_validator.iter_errors(record))) == 2


def test_hsds_maps_phones_areas_dates_and_stable_ids(directory: Directory) -> None:
    records = {r["name"]: r for r in json.loads(to_hsds(directory, directory.services))}
    for service in directory.services:
        record = records[service.name]
        assert uuid.UUID(record["id"]).version == 5
        assert record["id"] == stable_uuid("service", service.id)
        assert record["assured_date"] == service.verified.isoformat()
        assert record["status"] == "active"
        assert record["organization"]["name"] == service.organisation
        assert [a["name"] for a in record["service_areas"]] == [directory.area_chain(service.area)[0].name]
        phones = [(p["number"].replace(" ", ""), p["type"]) for p in record["phones"]]
        types = {"phone": "voice", "text": "text", "textphone": "textphone"}
        assert phones == [(directory.phone(c).dial, types[c.channel]) for c in number_routes(directory, service)]
    ids = [x["id"] for r in records.values() for x in [r, *r["phones"], *r["schedules"], *r["service_areas"]]]
    assert len(ids) == len(set(ids))
    assert json.loads(to_hsds(directory, directory.services)) == list(records.values())  # same ids every time


def test_hsds_schedules_follow_the_opening_hours(directory: Directory) -> None:
    nspcc = json.loads(to_hsds(directory, [directory.service("nspcc-helpline")]))[0]
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["freq"]) for s in nspcc["schedules"]] == [
        ("MO,TU,WE,TH,FR", "08:00", "22:00", "WEEKLY"),
        ("SA,SU", "09:00", "18:00", "WEEKLY"),
        ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "WEEKLY"),  # the online form, 24/7
        ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "WEEKLY"),  # email, 24/7
    ]
    childline = json.loads(to_hsds(directory, [directory.service("childline")]))[0]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in childline["schedules"]] == [("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")]
    stop = json.loads(to_hsds(directory, [directory.service("stop-it-now")]))[0]
    assert stop["schedules"] == []  # hours not in the source: nothing invented
    assert stop["url"] == "https://www.stopitnow.org.uk/helpline/"


def test_hsds_overnight_and_bank_holiday_hours(directory: Directory, hsds_validator: jsonschema.protocols.Validator) -> None:
    from helpfinder.model import Hours

    base = directory.service("nspcc-helpline")
    contact = msgspec.structs.replace(base.contacts[0], hours=Hours(fri=["22:00-02:00"], sat=["10:00-24:00"], bank_holidays="closed"))
    record = json.loads(to_hsds(directory, [msgspec.structs.replace(base, contacts=[contact])]))[0]
    hsds_validator.validate(record)
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in record["schedules"]] == [("FR", "22:00", "02:00"), ("SA", "10:00", "23:59")]
    notes = "Times are UK local time (Europe/London): GMT in winter, BST in summer. Bank holidays: closed."
    assert [s["notes"] for s in record["schedules"]] == [notes, notes]
    assert {s["description"] for s in record["schedules"]} == {
        "Phone 0808 800 5000: Mon\u2013Thu closed; Fri 22:00\u201302:00; Sat 10:00\u2013midnight; Sun closed; bank holidays: closed"
    }


def test_hsds_notes_say_what_is_known_about_bank_holidays(directory: Directory) -> None:
    from helpfinder.model import Hours

    base = directory.service("nspcc-helpline")
    uk_time = "Times are UK local time (Europe/London): GMT in winter, BST in summer."
    for hours, said in [
        (Hours(weekdays=["09:00-17:00"]), "Bank holidays: not stated, check the website."),
        (Hours(weekdays=["09:00-17:00"], bank_holidays="as-usual"), "Bank holidays: open as usual."),
        (Hours(weekdays=["09:00-17:00"], bank_holidays=["10:00-14:00"]), "Bank holidays: 10:00\u201314:00."),
        ("24/7", "Bank holidays included."),
    ]:
        contact = msgspec.structs.replace(base.contacts[0], hours=hours)
        record = json.loads(to_hsds(directory, [msgspec.structs.replace(base, contacts=[contact])]))[0]
        assert [s["notes"] for s in record["schedules"]] == [f"{uk_time} {said}"]


# --- the Python API and the command --------------------------------------------------


def test_export_by_name_matches_the_functions_and_rejects_unknown_formats(directory: Directory) -> None:
    services = directory.filter(need="worried-about-a-child")
    functions = {"vcard": to_vcard, "csv": to_csv, "markdown": to_markdown, "html": to_html, "hsds": to_hsds}
    assert list(FORMATS) == list(functions)
    for name, function in functions.items():
        assert export(name, directory, services) == function(directory, services)
    with pytest.raises(UnknownFormat, match="Valid formats: vcard, csv, markdown, html, hsds"):
        export("pdf", directory, services)


def test_routes_follow_the_filters(directory: Directory) -> None:
    service = directory.service("samaritans")
    assert [r.channel for r in routes(directory, service)] == ["phone", "phone", "email", "web"]
    phone = routes(directory, service, channel="phone")
    assert [(r.channel, r.dial, r.link) for r in phone] == [("phone", "116123", "tel:116123"), ("phone", "08081640123", "tel:+448081640123")]


def test_cli_writes_stdout_by_default(runner, bundled: Path) -> None:  # type: ignore[no-untyped-def]
    from helpfinder.cli import app

    result = runner.invoke(app, ["export", "--format", "hsds", "--need", "self-harm"])
    assert result.exit_code == 0, result.output
    assert [r["name"] for r in json.loads(result.stdout)] == ["Samaritans", "Shout 85258 (text support)"]


def test_cli_output_file_refuses_to_overwrite_without_force(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpfinder.cli import app

    target = tmp_path / "contacts.vcf"
    first = runner.invoke(app, ["export", "--format", "vcard", "-o", str(target)])
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    assert "wrote" in first.stderr and str(target) in first.stderr
    assert len(parse_vcards(target.read_text(encoding="utf-8"))) == len(load(DATA).services)
    assert b"\r\n" in target.read_bytes()

    target.write_text("keep me", encoding="utf-8")
    again = runner.invoke(app, ["export", "--format", "csv", "-o", str(target)])
    assert again.exit_code == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert again.exception is None or isinstance(again.exception, SystemExit)  # no traceback
    assert target.read_text(encoding="utf-8") == "keep me"

    forced = runner.invoke(app, ["export", "--format", "csv", "-o", str(target), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert read_csv(target.read_text(encoding="utf-8"))[0][0] == "service"


def test_cli_unknown_format_lists_valid_ones(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpfinder.cli import app

    target = tmp_path / "out.txt"
    result = runner.invoke(app, ["export", "--format", "pdf", "-o", str(target)])
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.stderr
    assert "vcard, csv, markdown, html, hsds" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--need", "worried-about-a-child"], lambda d: d.filter(need="worried-about-a-child")),
        (["--area", "north-yorkshire", "--anonymous"], lambda d: d.filter(area="north-yorkshire", anonymous=True)),
        (["--channel", "email"], lambda d: d.filter(channel="email")),
        (["--free"], lambda d: d.filter(free=True)),
    ],
)
def test_cli_filters_choose_services_and_routes(runner, directory: Directory, options: list[str], expected) -> None:  # type: ignore[no-untyped-def]
    from helpfinder.cli import app

    result = runner.invoke(app, ["export", "--format", "csv", *options])
    assert result.exit_code == 0, result.output
    table = read_csv(result.stdout)
    ids = table[0].index("service id")
    wanted = expected(directory)
    assert wanted and {row[ids] for row in table[1:]} == {s.id for s in wanted}
    if "--channel" in options:
        assert {row[table[0].index("channel")] for row in table[1:]} == {"Email"}
    if "--free" in options:
        free_routes = [c for s in wanted for c in s.contacts if directory.is_free(c)]
        assert len(table) - 1 == len(free_routes)


def test_cli_no_match_and_bad_names_exit_cleanly(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpfinder.cli import app

    target = tmp_path / "none.md"
    nothing = runner.invoke(app, ["export", "--format", "markdown", "--need", "volunteering", "--channel", "phone", "-o", str(target)])
    assert nothing.exit_code == 1
    assert "no services match" in nothing.stderr
    assert not target.exists()
    unknown = runner.invoke(app, ["export", "--format", "markdown", "--area", "atlantis"])
    assert unknown.exit_code == 2
    assert "does not know the place 'atlantis'" in unknown.stderr
    missing_dir = runner.invoke(app, ["export", "--format", "markdown", "-o", str(tmp_path / "no" / "such" / "dir.md")])
    assert missing_dir.exit_code == 2
    assert "cannot write" in missing_dir.stderr
