"""A small valid directory file that tests mutate into bad ones.

Every text value is unique, so a test can find the line it changes and
assert that the message names exactly that line.
"""

from __future__ import annotations

import datetime
from pathlib import Path

TEMPLATE = """\
schema_version: 1
title: Test directory
needs:
  - id: emergency
    label: Someone is in danger
    description: A crime is happening now.
    crisis: true
    keywords:
      - danger
  - id: support
    label: Support
    description: Someone to talk to.
areas:
  - id: uk
    name: United Kingdom
topics:
  - id: what-to-do
    title: What to do
    summary: Report it to the police.
    steps:
      - Call the police.
    services: [police]
    source: https://www.police.uk/advice/
    verified: {verified}
services:
  - id: police
    name: Police emergency
    organisation: UK police
    description: Call if someone is in danger.
    needs: [emergency]
    area: uk
    anonymous: false
    contacts:
      - channel: phone
        value: "999"
        hours: 24/7
      - channel: web
        value: https://www.police.uk/
    source: https://www.police.uk/
    verified: {verified}
  - id: helpline
    name: Support line
    organisation: A charity
    description: Talk to someone.
    needs: [support]
    area: uk
    contacts:
      - channel: phone
        value: "0808 800 5000"
        label: Helpline
        note: Free to call.
        hours:
          daily: ["09:00-17:00"]
      - channel: email
        value: help@example.org.uk
    keywords:
      - talk
    note: Open daily.
    source: https://www.nspcc.org.uk/
    verified: {verified}
"""


def minimal(verified: datetime.date | None = None) -> str:
    """The valid file; entries verified 30 days ago unless told otherwise (so no staleness warnings)."""
    day = verified or datetime.date.today() - datetime.timedelta(days=30)
    return TEMPLATE.format(verified=day.isoformat())


def with_copies(text: str, copies: int) -> str:
    """``text`` with the support line repeated as ``helpline-0`` ... (output far longer than a pipe holds)."""
    head, entries = text.split("services:\n  - id: police")
    police, helpline = ("  - id: police" + entries).split("  - id: helpline")
    return head + "services:\n" + police + "".join(f"  - id: helpline-{n}{helpline}" for n in range(copies))


def mutate(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace ``old`` (which must be present) with ``new``: a failing test names a stale fixture, not a silent no-op."""
    assert old in text, f"fixture no longer contains {old!r}"
    return text.replace(old, new, count)


def line_of(text: str, fragment: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line containing ``fragment``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) >= nth, f"{fragment!r} occurs {len(hits)} times"
    return hits[nth - 1]


def write(tmp_path: Path, text: str | bytes, name: str = "directory.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
