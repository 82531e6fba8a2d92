"""How well does search answer what people actually type? Run: python benchmarks/search_quality.py

Loads the bundled directory and the query corpus (tests/fixtures/queries.yaml)
and prints:
- hit@1: the top service is one the query expects;
- hit@3: every expected service is in the top 3, every expected advice topic
  is found, and crisis queries are flagged as crisis;
- negatives: how many queries about things the directory does not cover
  wrongly matched something (target: none).
Then lists every failure with what came back, so a curator can see why.
Exit status 1 if a target is missed (hit@3 below 95% or any false match).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpfinder.directory import bundled_path, load
from helpfinder.search import Results, search

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "queries.yaml"
TARGET_HIT3 = 0.95


@dataclass
class Report:
    """The corpus's figures and the failures behind them."""

    queries: int = 0
    hit1: int = 0
    hit3: int = 0
    negatives: int = 0
    false_matches: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def hit1_rate(self) -> float:
        return self.hit1 / self.queries if self.queries else 0.0

    @property
    def hit3_rate(self) -> float:
        return self.hit3 / self.queries if self.queries else 0.0

    @property
    def passed(self) -> bool:
        return self.hit3_rate >= TARGET_HIT3 and not self.false_matches


def _miss(case: dict, results: Results) -> str | None:
    """Why a query failed its expectations, or None if it passed."""
    top3 = [m.entry.id for m in results.services[:3]]
    topics = [m.entry.id for m in results.topics]
    problems = []
    missing = [s for s in case["services"] if s not in top3]
    if missing:
        problems.append(f"missing {missing} from top 3 {top3}")
    missing_topics = [t for t in case.get("topics", []) if t not in topics]
    if missing_topics:
        problems.append(f"missing topics {missing_topics} from {topics}")
    if case.get("crisis") and not results.crisis:
        problems.append("not flagged as crisis")
    return "; ".join(problems) or None


def evaluate(fixture: Path = FIXTURE) -> Report:
    """Run every corpus query against the bundled directory."""
    corpus = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    directory = load(bundled_path(), use_cache=False)
    report = Report()
    for case in corpus["queries"]:
        results = search(directory, case["query"])
        report.queries += 1
        if results.services and results.services[0].entry.id in case["services"]:
            report.hit1 += 1
        why = _miss(case, results)
        if why is None:
            report.hit3 += 1
        else:
            report.misses.append(f"{case['query']!r}: {why}")
    for query in corpus["negatives"]:
        results = search(directory, query)
        report.negatives += 1
        if results:
            found = [m.entry.id for m in results.services] + [m.entry.id for m in results.topics]
            report.false_matches.append(f"{query!r}: matched {found}")
    return report


def main() -> int:
    started = time.perf_counter()
    report = evaluate()
    elapsed = time.perf_counter() - started
    print(f"queries:   {report.queries} (+ {report.negatives} negative)")
    print(f"hit@1:     {report.hit1}/{report.queries} = {report.hit1_rate:.1%}")
    print(f"hit@3:     {report.hit3}/{report.queries} = {report.hit3_rate:.1%} (target {TARGET_HIT3:.0%})")
    print(
        f"negatives: {report.negatives - len(report.false_matches)}/{report.negatives} correctly matched nothing"
        f" ({len(report.false_matches)} false matches, target 0)"
    )
    print(f"time:      {elapsed:.2f} s including load")
    if report.misses:
        print("\nMisses:")
        for line in report.misses:
            print(f"  {line}")
    if report.false_matches:
        print("\nFalse matches on negative queries:")
        for line in report.false_matches:
            print(f"  {line}")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
