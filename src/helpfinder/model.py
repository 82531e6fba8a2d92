"""The directory file's data model: what a curator may write in ``helplines.yaml``.

These ``msgspec`` structs are the single declaration of the format. The loader
validates against them, ``helpfinder schema`` prints the JSON Schema generated
from them, and ``--json`` output is encoded from them, so the three never drift.
Every scalar in the YAML file is read as the text written; these types are
where text becomes a number, a boolean or a date.
"""

from __future__ import annotations

import datetime
import typing
from typing import Annotated, Literal

import msgspec

SCHEMA_VERSION = 1
STALE_AFTER_DAYS = 365  # an entry last verified longer ago than this is stale: check warns, every view flags it

# Patterns end with (?![\s\S]) ("no character follows"), not $: in Python, $ also matches before a
# final newline, so "svc\n" would pass as an id. The form is valid in JSON Schema's regex dialect too.

Slug = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(?![\s\S])",
        description="A stable identifier: lower-case letters, digits and single hyphens.",
    ),
]
Text = Annotated[str, msgspec.Meta(min_length=1, description="Plain text, no markup.")]
Url = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^https://[^\s]+(?![\s\S])",
        description="An https:// address with no spaces.",
    ),
]
TimeRange = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9](?![\s\S])",
        description=(
            "Opening period in UK local time, 'HH:MM-HH:MM'. A period that ends "
            "at or before it starts runs past midnight (22:00-02:00); 24:00 is midnight."
        ),
    ),
]

Channel = Literal["phone", "text", "textphone", "email", "web", "form", "chat", "bsl"]
"""How a person reaches a service.

phone, text (SMS) and textphone take a UK number or short code; email an
address; web, form (an online reporting form), chat (web chat) and bsl
(British Sign Language video relay) an https address.
"""

CHANNELS: tuple[str, ...] = typing.get_args(Channel)  # the one list of channels, in this order
NUMBER_CHANNELS = frozenset({"phone", "text", "textphone"})

Audience = Literal["everyone", "children-young-people", "adults", "parents-carers", "professionals"]
Nation = Literal["ENG", "WLS", "SCT", "NIR"]
AreaKind = Literal["uk", "nations", "nation", "local"]
"""What an area is: the whole UK, a group of nations (England and Wales), one
nation, or a local area inside a nation (a county or police-force area)."""

PostcodeCode = Annotated[
    str,
    msgspec.Meta(
        pattern=r"\A[A-Z]{1,2}(?:[0-9][0-9A-Z]?)?\Z",
        description="A postcode area ('HG') or district ('YO1', 'EC1A'), in capitals.",
    ),
]
SourceDate = Annotated[
    datetime.date,
    msgspec.Meta(description="The date the source page itself carries (published or updated)."),
]


class _Base(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Common settings: unknown fields are errors; defaults are left out of JSON."""


class Need(_Base, kw_only=True):
    """Something a person needs help with. Listings are grouped by need, in file order."""

    id: Slug
    label: Annotated[Text, msgspec.Meta(description="How a person would say it.")]
    description: Text
    crisis: Annotated[
        bool,
        msgspec.Meta(description="A query matching this need shows the emergency routes first."),
    ] = False
    keywords: Annotated[list[Text], msgspec.Meta(description="Words people use for this need.")] = []
    examples: Annotated[
        list[Text],
        msgspec.Meta(
            description=(
                "Situations this need is for, in the words of the people who have them "
                "(a search classifies a query by the examples it is most like)."
            )
        ),
    ] = []


class Area(_Base, kw_only=True):
    """A place a service covers. ``within`` names the larger area it belongs to.

    Areas form a tree: the UK, its nations (England and Wales may be grouped,
    as many services cover both), and local areas inside a nation. An area
    says which postcodes and towns lie in it, so ``--where YO1`` or
    ``--where Harrogate`` can find it.
    """

    id: Slug
    name: Text
    kind: Annotated[
        AreaKind | None,
        msgspec.Meta(description="uk, nations, nation or local; left out: 'uk' for an area within none, else 'local'."),
    ] = None
    within: Slug | None = None
    bank_holidays: Annotated[
        Nation,
        msgspec.Meta(description="Whose bank holidays apply: ENG, WLS, SCT or NIR."),
    ] = "ENG"
    aliases: Annotated[list[Text], msgspec.Meta(description="Other names people use for the area itself.")] = []
    postcodes: Annotated[
        list[PostcodeCode],
        msgspec.Meta(description="Postcode areas and districts wholly inside this area."),
    ] = []
    border_postcodes: Annotated[
        list[PostcodeCode],
        msgspec.Meta(description="Postcode districts that lie partly inside this area: a place given by one of them is ambiguous."),
    ] = []
    towns: Annotated[list[Text], msgspec.Meta(description="Towns and cities inside this area.")] = []
    towns_elsewhere: Annotated[
        list[Text],
        msgspec.Meta(description="Towns of this area whose name is also a place outside it: given alone, the name is ambiguous."),
    ] = []
    known_gaps: Annotated[
        list[Slug],
        msgspec.Meta(description="Needs for which the directory knowingly has no service for people here (a nation's gap, not an oversight)."),
    ] = []
    note: Text | None = None
    source: Annotated[Url | None, msgspec.Meta(description="Where the postcode and town lists come from.")] = None


class Hours(_Base, kw_only=True):
    """Weekly opening times in UK local time (Europe/London).

    Days not given are closed. A specific day overrides ``weekdays``/``weekends``,
    which override ``daily``. Bank holidays follow ``bank_holidays`` only, never
    the weekly hours, because a source that does not mention them has not said.
    """

    daily: list[TimeRange] | None = None
    weekdays: list[TimeRange] | None = None
    weekends: list[TimeRange] | None = None
    mon: list[TimeRange] | None = None
    tue: list[TimeRange] | None = None
    wed: list[TimeRange] | None = None
    thu: list[TimeRange] | None = None
    fri: list[TimeRange] | None = None
    sat: list[TimeRange] | None = None
    sun: list[TimeRange] | None = None
    bank_holidays: Annotated[
        Literal["as-usual", "closed"] | Annotated[list[TimeRange], msgspec.Meta(min_length=1)] | None,
        msgspec.Meta(
            description=(
                "What the source says about bank holidays: 'as-usual', 'closed', or that day's own "
                "periods. Left out when the source does not say: helpfinder then says the hours may differ."
            )
        ),
    ] = None


AlwaysOpen = Literal["24/7"]


class Contact(_Base, kw_only=True):
    """One way to reach a service: a number, an address or a web page."""

    channel: Channel
    value: Annotated[
        Text,
        msgspec.Meta(
            description=(
                "A UK number or short code (quoted, as written), an email address, or an https address."
            )
        ),
    ]
    label: Text | None = None
    note: Text | None = None
    hours: Annotated[
        AlwaysOpen | Hours | None,
        msgspec.Meta(description="'24/7', weekly hours, or left out when not known."),
    ] = None
    free: Annotated[
        bool | None,
        msgspec.Meta(description="Stated by the source; otherwise derived from the number."),
    ] = None
    cost: Annotated[Text | None, msgspec.Meta(description="The cost as the source states it.")] = None
    source: Annotated[Url | None, msgspec.Meta(description="Where this route's facts come from, if not the service's source.")] = None
    source_date: SourceDate | None = None
    unconfirmed: Annotated[
        Text | None,
        msgspec.Meta(description="What about this route no current source confirms; shown wherever the route is."),
    ] = None


class Service(_Base, kw_only=True):
    """One service, with every route to reach it."""

    id: Slug
    name: Text
    organisation: Text
    description: Annotated[Text, msgspec.Meta(description="When to use it, in plain English.")]
    needs: Annotated[list[Slug], msgspec.Meta(min_length=1)]
    area: Slug
    audience: list[Audience] = []
    anonymous: bool = False
    confidential: bool = False
    contacts: Annotated[list[Contact], msgspec.Meta(min_length=1)]
    keywords: list[Text] = []
    note: Annotated[
        Text | None,
        msgspec.Meta(description="What a person using the service should know; shown wherever it is, printed sheets too."),
    ] = None
    curator_note: Annotated[
        Text | None,
        msgspec.Meta(description="For the people who keep the file: what changed since a source, and why. Shown by show; left out of search results, lists and printed sheets unless asked."),
    ] = None
    unconfirmed: Annotated[
        Text | None,
        msgspec.Meta(description="What about this service no current source confirms; shown wherever it is."),
    ] = None
    source: Annotated[Url, msgspec.Meta(description="Where the facts came from.")]
    source_date: SourceDate | None = None
    verified: Annotated[
        datetime.date,
        msgspec.Meta(description="When a person last checked this entry against its source (YYYY-MM-DD)."),
    ]


class Topic(_Base, kw_only=True):
    """Advice on what to do, with the services to use."""

    id: Slug
    title: Text
    summary: Text
    steps: Annotated[list[Text], msgspec.Meta(min_length=1, description="What to do.")]
    avoid: Annotated[list[Text], msgspec.Meta(description="What not to do.")] = []
    services: Annotated[list[Slug], msgspec.Meta(description="Service ids, best first.")] = []
    keywords: list[Text] = []
    source: Url
    source_date: SourceDate | None = None
    verified: datetime.date


class GuideAnswer(_Base, kw_only=True):
    """One answer to a guide question: it leads to another question, or ends at services."""

    say: Annotated[Text, msgspec.Meta(description="The answer, as the person would say it.")]
    next: Annotated[Slug | None, msgspec.Meta(description="The id of the question asked next.")] = None
    services: Annotated[list[Slug], msgspec.Meta(description="Where this answer ends: these services first.")] = []
    needs: Annotated[list[Slug], msgspec.Meta(description="Where this answer ends: then every service for these needs.")] = []
    danger: Annotated[
        bool, msgspec.Meta(description="Someone is in danger: the emergency routes come first, with the banner.")
    ] = False
    audience: Annotated[
        Audience | None,
        msgspec.Meta(description="Who the help is for, as this answer says: later endings keep only the services found by need that are for them."),
    ] = None


class GuideQuestion(_Base, kw_only=True):
    """One plain question of ``helpfinder guide``. The first question in the file is asked first."""

    id: Slug
    ask: Text
    answers: Annotated[list[GuideAnswer], msgspec.Meta(min_length=2)]


class DirectoryFile(_Base, kw_only=True):
    """The whole file."""

    schema_version: Literal[1]
    title: Text
    needs: Annotated[list[Need], msgspec.Meta(min_length=1)]
    areas: Annotated[list[Area], msgspec.Meta(min_length=1)]
    topics: list[Topic] = []
    synonyms: Annotated[
        list[Annotated[list[Text], msgspec.Meta(min_length=2)]],
        msgspec.Meta(description="Groups of words or phrases people use for the same thing."),
    ] = []
    services: Annotated[list[Service], msgspec.Meta(min_length=1)]
    guide: Annotated[
        list[GuideQuestion], msgspec.Meta(description="The questions of `helpfinder guide`, first asked first.")
    ] = []


def json_schema() -> dict:
    """The JSON Schema of the directory file, generated from the structs above."""
    schema = msgspec.json.schema(DirectoryFile)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "helpfinder directory"
    return schema
