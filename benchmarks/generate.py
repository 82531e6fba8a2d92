"""Write a large, valid directory file for benchmarks: N synthetic services (default 10,000).

The services are invented and say so: organisations are numbered, web
addresses are on example.org (reserved for documentation), and every number
comes from the ranges Ofcom keeps for TV and radio drama, which are valid
UK numbers that are never given to anyone. Each service has a unique id and
a unique number, needs and areas from a small declared vocabulary, and
opening hours on some routes, so that ``helpfinder check`` passes it with
no errors and no warnings.

    python benchmarks/generate.py big.yaml [--services 10000]
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

# Ofcom's drama ranges that libphonenumber accepts as valid: (prefix, width of the free part).
DRAMA_RANGES = [
    ("0113 496 0", 3), ("0114 496 0", 3), ("0116 496 0", 3), ("0117 496 0", 3),
    ("0118 496 0", 3), ("0121 496 0", 3), ("0131 496 0", 3), ("0141 496 0", 3),
    ("0151 496 0", 3), ("0161 496 0", 3), ("020 7946 0", 3), ("0191 498 0", 3),
    ("028 9649 6", 3), ("029 2018 0", 3), ("0306 999 0", 3), ("0808 157 0", 3),
]  # fmt: skip

NEEDS = [
    ("report-online-exploitation", "Report online grooming or exploitation", ["grooming", "online", "exploitation"]),
    ("worried-about-a-child", "Worried about a child", ["worried", "concerned", "child"]),
    ("victim-support", "Support after abuse or a crime", ["victim", "support", "survivor"]),
    ("children-young-people", "Help for children and young people", ["teenager", "young person", "kid"]),
    ("parenting", "Advice for parents and carers", ["parent", "carer", "family"]),
    ("mental-health", "Someone to talk to about how you feel", ["anxious", "depressed", "lonely", "talk"]),
    ("housing", "Somewhere safe to live", ["homeless", "housing", "shelter"]),
    ("domestic-abuse", "Domestic abuse", ["domestic abuse", "partner", "controlling"]),
]
AREAS = [
    ("uk", "United Kingdom", None, "ENG"),
    ("england", "England", "uk", "ENG"),
    ("wales", "Wales", "uk", "WLS"),
    ("scotland", "Scotland", "uk", "SCT"),
    ("northern-ireland", "Northern Ireland", "uk", "NIR"),
    ("north-yorkshire", "North Yorkshire", "england", "ENG"),
    ("greater-manchester", "Greater Manchester", "england", "ENG"),
    ("cardiff", "Cardiff", "wales", "WLS"),
    ("glasgow", "Glasgow", "scotland", "SCT"),
    ("belfast", "Belfast", "northern-ireland", "NIR"),
]
KINDS = ["helpline", "advice line", "support service", "listening service", "outreach team", "drop-in service"]
TOPICS = ["online safety", "family support", "young people", "abuse recovery", "wellbeing", "safeguarding"]
WHEN = [
    "Call if you are worried about a child's safety online or offline.",
    "Talk in confidence about anything that is troubling you.",
    "Practical and emotional support for people affected by abuse.",
    "Advice for parents and carers on keeping children safe.",
    "Free, confidential support for young people up to the age of 25.",
    "Support for adults who were abused as children.",
]
HOURS = [
    "24/7",
    "\n          weekdays: [\"09:00-17:00\"]",
    "\n          daily: [\"08:00-22:00\"]\n          bank_holidays: closed",
    "\n          weekdays: [\"10:00-20:00\"]\n          sat: [\"10:00-14:00\"]",
]


def numbers() -> list[str]:
    """Every number the drama ranges hold, in a fixed order."""
    return [f"{prefix}{i:0{width}d}" for prefix, width in DRAMA_RANGES for i in range(10**width)]


def check_ranges() -> None:
    """Refuse to write a file whose numbers phonenumbers would reject."""
    import phonenumbers

    for prefix, width in DRAMA_RANGES:
        for sample in (prefix + "0" * width, prefix + "9" * width):
            if not phonenumbers.is_valid_number(phonenumbers.parse(sample.replace(" ", ""), "GB")):
                raise SystemExit(f"{sample} is not a valid UK number; fix DRAMA_RANGES")


def service(i: int, number: str, rng: random.Random, today: datetime.date) -> str:
    kind = KINDS[i % len(KINDS)]
    topic = TOPICS[(i // len(KINDS)) % len(TOPICS)]
    area = AREAS[i % len(AREAS)][0]
    needs = sorted({NEEDS[i % len(NEEDS)][0], NEEDS[(i * 7 + 3) % len(NEEDS)][0]})
    verified = today - datetime.timedelta(days=i % 300)
    lines = [
        f"  - id: service-{i:05d}",
        f"    name: {topic.capitalize()} {kind} {i}",
        f"    organisation: Example Charity {i % 997}",
        "    description: >-",
        f"      {WHEN[i % len(WHEN)]} A synthetic entry for benchmarks ({topic}, {kind}).",
        f"    needs: [{', '.join(needs)}]",
        f"    area: {area}",
        "    audience: [everyone]",
        f"    anonymous: {'true' if i % 3 == 0 else 'false'}",
        "    contacts:",
        "      - channel: phone",
        f'        value: "{number}"',
    ]
    if i % 2 == 0:
        lines.append(f"        hours: {HOURS[(i // 2) % len(HOURS)]}")
    if i % 8 == 0:
        lines += ["      - channel: textphone", f'        value: "18001 {number}"']
    lines += [
        "      - channel: web",
        f"        value: https://www.example.org/services/{i}",
    ]
    if i % 5 == 0:
        lines += ["      - channel: email", f"        value: help{i}@example.org"]
    words = rng.sample([w for _, _, kw in NEEDS for w in kw], 3)
    lines += [
        f"    keywords: [{', '.join(words)}]",
        f"    source: https://www.example.org/services/{i}/about",
        f"    verified: {verified.isoformat()}",
        "",
    ]
    return "\n".join(lines)


def generate(count: int, today: datetime.date | None = None) -> str:
    """The YAML text of a valid directory with ``count`` services."""
    check_ranges()
    pool = numbers()
    if count > len(pool):
        raise SystemExit(f"at most {len(pool)} services have unique numbers")
    today = today or datetime.date.today()
    rng = random.Random(5)
    out = [
        "# Synthetic directory for benchmarks: invented services, Ofcom drama numbers, example.org addresses.",
        "schema_version: 1",
        f"title: Benchmark directory ({count} synthetic services)",
        "needs:",
    ]
    for need_id, label, keywords in NEEDS:
        out += [f"  - id: {need_id}", f"    label: {label}", f"    description: {label}.", f"    keywords: [{', '.join(keywords)}]"]
    out.append("areas:")
    for area_id, name, within, nation in AREAS:
        out += [f"  - id: {area_id}", f"    name: {name}", f"    bank_holidays: {nation}"]
        if within:
            out.append(f"    within: {within}")
    out.append("synonyms:\n  - [worried, concerned]\n  - [child, kid, youngster]")
    out.append("services:")
    out += [service(i, pool[i], rng, today) for i in range(count)]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--services", type=int, default=10_000)
    args = parser.parse_args()
    args.output.write_text(generate(args.services), encoding="utf-8")
    print(f"wrote {args.services} services to {args.output}")


if __name__ == "__main__":
    main()
