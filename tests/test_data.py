"""The bundled directory against its sources: every service the 2021 article names, checked this year.

Expectations come from the article itself wherever it states them (numbers,
web addresses, the email address), so a missing entry fails here even if the
YAML looks plausible. Where today's sources disagree with the article, today's
win, and the entry's note must say what changed: an article contact is either
still a route, or named in the note that explains why it is not.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
import pytest
import yaml

from helpfinder.directory import Directory
from helpfinder.loader import load
from helpfinder.model import NUMBER_CHANNELS, Service

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "helplines.yaml"
# A verbatim copy of the North Yorkshire Police article the directory was built from
# (/work/shared/seeds/000_58d499177eed2557.txt), kept with the tests so a clean clone can run them.
ARTICLE = Path(__file__).with_name("source-article.txt")

TEXT = ARTICLE.read_text(encoding="utf-8")
FRONT = yaml.safe_load(TEXT.split("```yaml", 1)[1].split("```", 1)[0])
ARTICLE_URL: str = FRONT["url"]
ARTICLE_DATE = datetime.date.fromisoformat(FRONT["article"]["published"]["time"][:10])
# The list of services near the end of the article ("Reporting suspected crimes ...").
CONTACTS = TEXT.split("**Reporting suspected crimes", 1)[1].split("**Online Child Abuse Activist Groups - Q&As", 1)[0]


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load(DATA, use_cache=False)


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def numbers_of(service: Service) -> set[str]:
    return {digits(c.value) for c in service.contacts if c.channel in NUMBER_CHANNELS}


def hosts_of(service: Service) -> set[str]:
    return {_host(c.value) for c in service.contacts if c.value.startswith("https://")}


def _host(url: str) -> str:
    host = urlsplit(url if "://" in url else f"https://{url}").hostname or ""
    return host.removeprefix("www.")


def find(directory: Directory, pattern: str) -> Service:
    """The one service whose name matches ``pattern``: a service the article names must be its own entry."""
    found = [s for s in directory.services if re.search(pattern, s.name, re.IGNORECASE)]
    assert len(found) == 1, f"expected exactly one service named like {pattern!r}, found {[s.id for s in found]}"
    return found[0]


# --- what the article states -------------------------------------------------

ARTICLE_NUMBERS = [m.group() for m in re.finditer(r"\b0\d{2,4}(?: ?\d){5,8}\b", CONTACTS)]
ARTICLE_SHORT_CODES = re.findall(r"\*\*(101|999)\b", CONTACTS)
ARTICLE_EMAILS = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", CONTACTS)
ARTICLE_HOSTS = {
    _host(m.group())
    for m in re.finditer(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org\.uk|police\.uk|org|uk)\b/?[^\s*]*", TEXT)
    if "@" not in TEXT[max(m.start() - 1, 0) : m.start()]
} - {"facebook.com", "ssl.cf3.rackcdn.com"}


def _valid(number: str) -> bool:
    parsed = phonenumbers.parse(number, "GB")
    return phonenumbers.is_valid_number(parsed)


def test_the_article_extraction_found_what_it_lists() -> None:
    """Guard the regexes: the article's contact list has six long numbers, 101 and 999, one email and the web addresses."""
    assert len(ARTICLE_NUMBERS) == 6, ARTICLE_NUMBERS
    assert set(ARTICLE_SHORT_CODES) == {"101", "999"}
    assert ARTICLE_EMAILS == ["bridgehouse.sarc@nhs.net"]
    assert {
        "crimestoppers-uk.org",
        "ceop.police.uk",
        "iwf.org.uk",
        "mariecollinsfoundation.org.uk",
        "stopitnow.org.uk",
        "bridgehousesarc.org",
        "supportingvictims.org",
        "childline.org.uk",
        "northyorkshire.police.uk",
    } <= ARTICLE_HOSTS


def notes_text(directory: Directory) -> str:
    return " ".join(f"{s.note or ''} {s.curator_note or ''}" for s in directory.services)


def test_every_valid_number_in_the_article_is_a_route_or_explained_in_a_note(directory: Directory) -> None:
    listed = {digits(c.value) for s in directory.services for c in s.contacts if c.channel in NUMBER_CHANNELS}
    valid = [n for n in ARTICLE_NUMBERS if _valid(n)]
    assert len(valid) == len(ARTICLE_NUMBERS) - 1  # all but Crimestoppers' misprint
    dropped = [n for n in valid + ARTICLE_SHORT_CODES if digits(n) not in listed]
    assert dropped == ["0330 223 0362"]  # Bridge House's, replaced by Acer House in 2025
    assert "0330 223 0362" in (find(directory, r"acer house").curator_note or "")


def test_the_article_misprints_crimestoppers_and_the_entry_says_so(directory: Directory) -> None:
    misprint = next(n for n in ARTICLE_NUMBERS if not _valid(n))
    assert misprint == "0800 55511"
    assert not phonenumbers.is_valid_number(phonenumbers.parse("0800 55511", "GB"))
    crimestoppers = find(directory, r"^crimestoppers")
    assert "0800555111" in numbers_of(crimestoppers)
    assert digits(misprint) not in numbers_of(crimestoppers)
    assert crimestoppers.curator_note and "0800 55511" in crimestoppers.curator_note and "0800 555 111" in crimestoppers.curator_note
    assert _valid("0800 555 111")


def test_every_web_address_in_the_article_is_a_route_or_explained_in_a_note(directory: Directory) -> None:
    listed = {_host(c.value) for s in directory.services for c in s.contacts if c.value.startswith("https://")}
    assert sorted(ARTICLE_HOSTS - listed) == ["bridgehousesarc.org"]
    assert "bridgehousesarc.org" in (find(directory, r"acer house").curator_note or "")


def test_acer_house_replaces_bridge_house_and_says_how_to_reach_it_safely(directory: Directory) -> None:
    sarc = directory.service("bridge-house-sarc")  # the id stays, for scripts
    assert sarc.name == "Acer House Sexual Assault Referral Centre (SARC), York"
    assert sarc.area == "north-yorkshire"
    assert [c.value for c in sarc.contacts] == ["https://www.nhs.uk/sarcs"]
    assert ARTICLE_EMAILS == ["bridgehouse.sarc@nhs.net"] and "bridgehouse.sarc@nhs.net" in (sarc.curator_note or "")
    assert "March 2025" in (sarc.note or "")
    assert "16" in sarc.description and "101" in sarc.description and "999" in sarc.description
    assert sarc.unconfirmed


def test_the_national_victim_supportline_is_its_own_entry(directory: Directory) -> None:
    local = directory.service("supporting-victims")
    assert numbers_of(local) == {"01609643100"}
    assert "Combined Authority" in local.organisation
    line = directory.service("victim-supportline")
    assert numbers_of(line) == {"08081689111"} and line.area == "england-and-wales"
    assert [c.hours for c in line.contacts if c.channel == "phone"] == ["24/7"]


def test_101_is_every_force_not_north_yorkshire_police(directory: Directory) -> None:
    police = directory.service("police-non-emergency")
    assert police.area == "uk" and "North Yorkshire" not in police.organisation
    assert directory.service("north-yorkshire-police").area == "north-yorkshire"


def test_iwf_also_serves_anonymous_reporting(directory: Directory) -> None:
    assert "anonymous-reporting" in directory.service("internet-watch-foundation").needs


# --- one entry per service, with its own details ---------------------------

# (name pattern, numbers in the entry, web hosts in the entry, needs it must serve)
EXPECTED = [
    (r"^police emergency", {"999"}, set(), {"emergency"}),
    (r"^police non-emergency", {"101"}, set(), {"non-emergency-police"}),
    (r"^crimestoppers", {"0800555111"}, {"crimestoppers-uk.org"}, {"anonymous-reporting"}),
    (r"\bceop\b", set(), {"ceop.police.uk"}, {"report-online-exploitation"}),
    (r"internet watch foundation", set(), {"iwf.org.uk"}, {"report-abuse-images"}),
    (r"marie collins", set(), {"mariecollinsfoundation.org.uk"}, {"victim-support", "children-young-people"}),
    (r"stop it now", {"08081000900"}, {"stopitnow.org.uk"}, {"own-behaviour"}),
    (r"acer house", set(), {"nhs.uk"}, {"sexual-assault"}),
    (r"^supporting victims", {"01609643100"}, {"supportingvictims.org"}, {"victim-support"}),
    (r"^nspcc helpline", {"08088005000"}, set(), {"worried-about-a-child", "victim-support"}),
    (r"^childline", {"08001111"}, {"childline.org.uk"}, {"children-young-people"}),
    (r"special constabulary and police volunteering", set(), {"northyorkshire.police.uk"}, {"volunteering"}),
]


@pytest.mark.parametrize(("pattern", "numbers", "hosts", "needs"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_service_the_article_names_is_its_own_entry(
    directory: Directory, pattern: str, numbers: set[str], hosts: set[str], needs: set[str]
) -> None:
    service = find(directory, pattern)
    assert numbers <= numbers_of(service)
    assert hosts <= hosts_of(service)
    assert needs <= set(service.needs)


def test_no_two_article_services_share_an_entry(directory: Directory) -> None:
    ids = [find(directory, pattern).id for pattern, *_ in EXPECTED]
    assert len(set(ids)) == len(EXPECTED)


def test_ceop_links_to_its_https_site_and_reporting_form(directory: Directory) -> None:
    ceop = find(directory, r"\bceop\b")
    values = [c.value for c in ceop.contacts]
    assert all(v.startswith("https://www.ceop.police.uk/") for v in values)
    assert any(c.channel == "form" for c in ceop.contacts)


def test_iwf_and_crimestoppers_are_anonymous_stop_it_now_confidential(directory: Directory) -> None:
    assert find(directory, r"internet watch foundation").anonymous
    assert find(directory, r"^crimestoppers").anonymous
    assert find(directory, r"stop it now").confidential


def test_local_services_cover_north_yorkshire(directory: Directory) -> None:
    for pattern in (r"acer house", r"^supporting victims", r"special constabulary and police"):
        assert find(directory, pattern).area == "north-yorkshire"
    assert [a.id for a in directory.area_chain("north-yorkshire")] == ["north-yorkshire", "england", "england-and-wales", "uk"]


def test_nspcc_serves_adults_reporting_non_recent_abuse(directory: Directory) -> None:
    nspcc = find(directory, r"^nspcc helpline")
    assert "non-recent" in nspcc.description
    assert "adults" in nspcc.audience


def test_volunteering_no_longer_points_at_the_unconfirmed_jobs_page(directory: Directory) -> None:
    route = "https://northyorkshire.police.uk/jobs/"
    assert route in TEXT
    volunteering = find(directory, r"special constabulary and police")
    assert [c.value for c in volunteering.contacts] == ["https://www.northyorkshire.police.uk/"]
    assert "/jobs/" in (volunteering.curator_note or "")


# --- provenance and the file's form -----------------------------------------


def test_every_entry_has_an_https_source_and_a_verified_date(directory: Directory) -> None:
    for entry in [*directory.services, *directory.topics]:
        assert entry.source.startswith("https://"), entry.id
        assert isinstance(entry.verified, datetime.date), entry.id
        assert entry.verified <= datetime.date.today(), entry.id
        for contact in getattr(entry, "contacts", []):
            assert contact.source is None or contact.source.startswith("https://")


def test_every_entry_was_checked_this_year_and_check_strict_passes(directory: Directory) -> None:
    from helpfinder.loader import check_file

    assert ARTICLE_DATE == datetime.date(2021, 2, 26)
    assert {e.verified for e in [*directory.services, *directory.topics]} == {datetime.date(2026, 11, 25), datetime.date(2026, 12, 6)}
    _, problems = check_file(DATA, today=datetime.date(2026, 12, 6))
    assert [str(p) for p in problems] == []


def test_every_need_has_a_route_in_every_nation(directory: Directory) -> None:
    from helpfinder.places import coverage_gaps

    assert [n.id for n in directory.places.nations()] == ["england", "wales", "scotland", "northern-ireland"]
    assert coverage_gaps(directory.areas, [n.id for n in directory.needs], directory.services) == [("volunteering", directory.area("northern-ireland"))]


def test_web_routes_are_https() -> None:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for service in raw["services"]:
        for contact in service["contacts"]:
            if contact["channel"] in ("web", "form", "chat", "bsl"):
                assert contact["value"].startswith("https://"), (service["id"], contact["value"])


def test_phone_values_are_quoted_strings_in_the_raw_file() -> None:
    text = DATA.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)  # a generic YAML reader: unquoted 999 would come back as an int
    phones = [c["value"] for s in raw["services"] for c in s["contacts"] if c["channel"] in NUMBER_CHANNELS]
    assert phones and all(isinstance(v, str) for v in phones)
    lines = [line.strip() for line in text.splitlines()]
    for value in phones:
        assert f'value: "{value}"' in lines, f"{value} is not written as a quoted string"
    unquoted = [line for line in lines if re.match(r"-?\s*value:\s*[+\d]", line)]
    assert unquoted == []


def test_a_generic_yaml_reader_sees_text_where_helpfinder_does() -> None:
    """Digits-only keywords such as 999 are quoted too, so other tools reading the file get text, not integers."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for entry in [*raw["needs"], *raw["services"], *raw.get("topics", [])]:
        for keyword in entry.get("keywords", []):
            assert isinstance(keyword, str), (entry["id"], keyword)
    for group in raw.get("synonyms", []):
        assert all(isinstance(word, str) for word in group), group


def test_every_number_is_a_valid_uk_number_or_short_code(directory: Directory) -> None:
    for service in directory.services:
        for contact in service.contacts:
            if contact.channel in NUMBER_CHANNELS:
                assert directory.phone(contact) is not None, (service.id, contact.value)


REQUIRED_NEEDS = {
    "emergency",
    "anonymous-reporting",
    "victim-support",
    "own-behaviour",
    "report-online-exploitation",
    "report-abuse-images",
    "sexual-assault",
    "children-young-people",
    "worried-about-a-child",
    "non-emergency-police",
    "volunteering",
}


def test_need_vocabulary_covers_what_the_article_implies(directory: Directory) -> None:
    ids = [n.id for n in directory.needs]
    assert REQUIRED_NEEDS <= set(ids)
    assert ids[0] == "emergency"
    for need in directory.needs:
        assert need.label.strip() and need.description.strip(), need.id
        assert directory.services_for(need.id), f"no service serves {need.id}"
    labels = {n.id: n.label.lower() for n in directory.needs}
    assert "own thoughts or behaviour" in labels["own-behaviour"]
    assert "danger" in labels["emergency"]


def test_ids_are_unique_and_references_resolve(directory: Directory) -> None:
    for kind, ids in {
        "service": [s.id for s in directory.services],
        "need": [n.id for n in directory.needs],
        "area": [a.id for a in directory.areas],
        "topic": [t.id for t in directory.topics],
    }.items():
        assert not [i for i, n in Counter(ids).items() if n > 1], kind
    need_ids = {n.id for n in directory.needs}
    area_ids = {a.id for a in directory.areas}
    service_ids = {s.id for s in directory.services}
    for service in directory.services:
        assert set(service.needs) <= need_ids and service.area in area_ids
    for topic in directory.topics:
        assert set(topic.services) <= service_ids
