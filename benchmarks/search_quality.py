"""How well does search answer what people actually type? Run: python benchmarks/search_quality.py [-v] [--tuning]

Two halves of the corpus in tests/fixtures: tuning.yaml (may be used to tune
the directory's words and the ranking) and heldout.yaml (written before any
tuning and never tuned on: its figures are the honest ones). For each half:
- hit@1: the top service is one the query expects (for a query that must
  raise the danger banner, the emergency line first also counts);
- hit@3: the expected services are in the top 3 (all of `services`, one of
  `any`), the expected advice topics are found, and a query that must raise
  the danger banner does;
- crisis recall: danger/suicide queries that raised the banner;
- false banners: banners raised by the other queries and by off-topic ones;
- false matches: off-topic queries that matched anything.
Three more sets, unseen.yaml, unseen-2.yaml and unseen-3.yaml (when present),
were each written by another author who never saw the engine, the tuning or
the other unseen sets: they are reported like the held-out half, totals only.
Then the danger detector on its own sets (end to end, the banner of a search):
danger-tuning.yaml, danger-fresh.yaml (written after the last tuning), and
danger-unseen.yaml, danger-unseen-2.yaml and danger-unseen-3.yaml (other
authors', when present).
Expected ids of services not (yet) in the directory count as misses, and are
listed. With -v every miss of the tuning half is listed with what came back;
-vv lists the held-out half's too (reading them is learning from them: a query
learnt from moves to the tuning half, see heldout.yaml). The unseen sets'
failures are never listed. --tuning runs the tuning material only (the tuning
half and danger tuning), for iterating without looking at the test totals;
-h or --help prints this and runs nothing.
Exit status 1 if the held-out half misses a target.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpfinder.directory import Directory
from helpfinder.loader import bundled_path, load
from helpfinder.ranking import search
from helpfinder.results import Results

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
HALVES = {
    "tuning": FIXTURES / "tuning.yaml",
    "held-out": FIXTURES / "heldout.yaml",
    "unseen": FIXTURES / "unseen.yaml",
    "unseen 2": FIXTURES / "unseen-2.yaml",
    "unseen 3": FIXTURES / "unseen-3.yaml",
}
# The danger detector's own sets: tuning material, a fresh check written after the last tuning, and
# two written by other authors who never saw the detector.
DANGER_SETS = {
    "danger tuning": FIXTURES / "danger-tuning.yaml",
    "danger fresh": FIXTURES / "danger-fresh.yaml",
    "danger unseen": FIXTURES / "danger-unseen.yaml",
    "danger unseen 2": FIXTURES / "danger-unseen-2.yaml",
    "danger unseen 3": FIXTURES / "danger-unseen-3.yaml",
}
# Which sets -v and -vv list the failures of. The unseen sets are never listed, whatever the flag:
# only their totals are ever looked at.
LISTED = {"-v": {"tuning", "danger tuning"}, "-vv": {"tuning", "danger tuning", "held-out", "danger fresh"}}
TARGETS = {"hit@3": 0.95, "hit@1": 0.85, "crisis recall": 1.0}


@dataclass
class Report:
    """One half's figures and the failures behind them."""

    queries: int = 0
    hit1: int = 0
    hit3: int = 0
    crisis: int = 0
    crisis_found: int = 0
    banner_checked: int = 0
    false_banners: list[str] = field(default_factory=list)
    negatives: int = 0
    false_matches: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    absent: set[str] = field(default_factory=set)  # expected ids the directory does not have
    groups: dict[str, list[int]] = field(default_factory=dict)  # group -> [queries, hit@3]

    @property
    def hit1_rate(self) -> float:
        return self.hit1 / self.queries if self.queries else 0.0

    @property
    def hit3_rate(self) -> float:
        return self.hit3 / self.queries if self.queries else 0.0

    @property
    def crisis_recall(self) -> float:
        return self.crisis_found / self.crisis if self.crisis else 1.0

    @property
    def passed(self) -> bool:
        return (
            self.hit3_rate >= TARGETS["hit@3"]
            and self.hit1_rate >= TARGETS["hit@1"]
            and self.crisis_recall >= TARGETS["crisis recall"]
            and len(self.false_banners) * 20 <= self.banner_checked
            and not self.false_matches
        )


def _miss(case: dict, results: Results) -> str | None:
    """Why a query failed its expectations, or None if it passed."""
    top3 = [m.entry.id for m in results.services[:3]]
    topics = [m.entry.id for m in results.topics]
    problems = []
    missing = [s for s in case.get("services", []) if s not in top3]
    if missing:
        problems.append(f"missing {missing} from top 3 {top3}")
    if case.get("any") and not set(case["any"]) & set(top3):
        problems.append(f"none of {case['any']} in top 3 {top3}")
    missing_topics = [t for t in case.get("topics", []) if t not in topics]
    if missing_topics:
        problems.append(f"missing topics {missing_topics} from {topics}")
    if case.get("crisis") is True and not results.crisis:
        problems.append("no danger banner")
    return "; ".join(problems) or None


def evaluate(fixture: Path, directory: Directory | None = None) -> Report:
    """Run every query of one half against the bundled directory."""
    corpus = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    directory = directory or load(bundled_path(), use_cache=False)
    known = {s.id for s in directory.services}
    report = Report()
    for case in corpus["queries"]:
        results = search(directory, case["query"])
        expected = set(case.get("services", [])) | set(case.get("any", []))
        report.absent |= expected - known
        report.queries += 1
        top = results.services[0].entry.id if results.services else None
        if top in expected or (case.get("crisis") is True and top == "police-emergency"):
            report.hit1 += 1
        group = report.groups.setdefault(case.get("group", "original corpus"), [0, 0])
        group[0] += 1
        why = _miss(case, results)
        if why is None:
            report.hit3 += 1
            group[1] += 1
        else:
            report.misses.append(f"{case['query']!r}: {why}")
        if case.get("crisis") is True:
            report.crisis += 1
            report.crisis_found += results.crisis
        elif case.get("crisis") != "either":
            report.banner_checked += 1
            if results.crisis:
                report.false_banners.append(repr(case["query"]))
    for query in corpus["negatives"]:
        results = search(directory, query)
        report.negatives += 1
        report.banner_checked += 1
        if results.crisis:
            report.false_banners.append(repr(query))
        if results:
            found = [m.entry.id for m in results.services] + [m.entry.id for m in results.topics]
            report.false_matches.append(f"{query!r}: matched {found}")
    return report


def danger_figures(fixture: Path, directory: Directory) -> tuple[int, int, int, int, list[str]]:
    """(banners raised, crisis queries, false banners, calm queries, the failures) for one danger set."""
    corpus = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    missed = [q for q in corpus["crisis"] if not search(directory, q).crisis]
    false = [q for q in corpus["calm"] if search(directory, q).crisis]
    failures = [f"missed {q!r}" for q in missed] + [f"false banner {q!r}" for q in false]
    return len(corpus["crisis"]) - len(missed), len(corpus["crisis"]), len(false), len(corpus["calm"]), failures


def print_report(name: str, report: Report, verbose: bool) -> None:
    print(f"== {name} half: {report.queries} queries + {report.negatives} off-topic")
    print(f"hit@1:          {report.hit1}/{report.queries} = {report.hit1_rate:.1%}")
    print(f"hit@3:          {report.hit3}/{report.queries} = {report.hit3_rate:.1%}")
    print(f"crisis recall:  {report.crisis_found}/{report.crisis} = {report.crisis_recall:.1%}")
    print(f"false banners:  {len(report.false_banners)}/{report.banner_checked}")
    print(f"false matches:  {len(report.false_matches)}/{report.negatives}")
    if report.absent:
        print(f"not in the directory yet (counted as misses): {', '.join(sorted(report.absent))}")
    if not name.startswith("unseen"):  # the unseen sets are reported in totals only
        print("by group (hit@3): " + ", ".join(f"{g} {h}/{n}" for g, (n, h) in report.groups.items()))
    if verbose:
        for title, lines in (("Misses", report.misses), ("False banners", report.false_banners), ("False matches", report.false_matches)):
            if lines:
                print(f"{title}:")
                for line in lines:
                    print(f"  {line}")
    print()


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    listed = LISTED["-vv"] if "-vv" in argv else LISTED["-v"] if "-v" in argv else set()
    tuning_only = "--tuning" in argv  # the tuning material only: no test set is even run
    started = time.perf_counter()
    directory = load(bundled_path(), use_cache=False)
    halves = {"tuning": HALVES["tuning"]} if tuning_only else HALVES
    reports = {name: evaluate(path, directory) for name, path in halves.items() if path.exists()}
    for name, report in reports.items():
        print_report(name, report, name in listed)
    for name, path in DANGER_SETS.items():
        if not path.exists() or (tuning_only and name != "danger tuning"):
            continue
        found, crisis, false, calm, failures = danger_figures(path, directory)
        print(f"== {name}: crisis recall {found}/{crisis} = {found / crisis:.1%}, false banners {false}/{calm}")
        if name in listed:
            for line in failures:
                print(f"  {line}")
    print()
    print(f"targets on the held-out half: hit@3 >= 95%, hit@1 >= 85%, crisis recall 100%, false banners <= 1 in 20, false matches 0")
    print(f"time: {time.perf_counter() - started:.2f} s including load")
    if tuning_only:
        return 0
    return 0 if reports["held-out"].passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
