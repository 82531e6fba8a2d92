"""Does a semantic method find danger the patterns miss? Run: python benchmarks/danger_methods.py

Compares, on the danger detector's fresh set (danger-fresh.yaml, never tuned
on) and on the held-out half's danger/suicide and other queries:
- patterns: helpfinder.danger as shipped;
- embedding>m: nearest neighbours with wordllama (offline, weights from its
  wheel; see need_methods.py): a query is a crisis when its nearest crisis
  example is nearer, by more than the margin m, than its nearest calm one;
  examples come only from tuning material (danger-tuning.yaml and the tuning
  half);
- union>m: either.
Needs: pip install wordllama (not a dependency of helpfinder).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from need_methods import load_model  # noqa: E402

from helpfinder.danger import detect  # noqa: E402

MARGINS = (0.0, 0.05, 0.1)  # the embedding fires when the nearest crisis example is this much nearer than the nearest calm one

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main() -> int:
    model = load_model()
    danger = yaml.safe_load((FIXTURES / "danger-tuning.yaml").read_text(encoding="utf-8"))
    tuning = yaml.safe_load((FIXTURES / "tuning.yaml").read_text(encoding="utf-8"))
    crisis = danger["crisis"] + [c["query"] for c in tuning["queries"] if c.get("crisis") is True]
    calm = danger["calm"] + [c["query"] for c in tuning["queries"] if not c.get("crisis")] + tuning["negatives"]
    crisis_m, calm_m = model.embed(crisis, norm=True), model.embed(calm, norm=True)
    cache: dict[str, float] = {}

    def margin(query: str) -> float:
        """How much nearer the query is to its nearest crisis example than to its nearest calm one."""
        if query not in cache:
            v = model.embed([query], norm=True)[0]
            cache[query] = float((crisis_m @ v).max()) - float((calm_m @ v).max())
        return cache[query]

    methods: dict[str, Callable[[str], bool]] = {"patterns": lambda q: bool(detect(q))}
    for m in MARGINS:
        methods[f"embedding>{m}"] = lambda q, m=m: margin(q) > m
        methods[f"union>{m}"] = lambda q, m=m: bool(detect(q)) or margin(q) > m
    # Choosing the margin on tuning material only: leave each example out, and see how often the rest call it crisis.
    crisis_self, calm_self = crisis_m @ crisis_m.T, calm_m @ calm_m.T
    np.fill_diagonal(crisis_self, -1.0)
    np.fill_diagonal(calm_self, -1.0)
    crisis_loo = crisis_self.max(axis=1) - (calm_m @ crisis_m.T).max(axis=0)
    calm_loo = (crisis_m @ calm_m.T).max(axis=0) - calm_self.max(axis=1)
    print("leave-one-out on the tuning examples (embedding alone): margin, crisis found, calm called crisis")
    for m in MARGINS:
        print(f"  {m}: {int((crisis_loo > m).sum())}/{len(crisis)}, {int((calm_loo > m).sum())}/{len(calm)}")
    fresh = yaml.safe_load((FIXTURES / "danger-fresh.yaml").read_text(encoding="utf-8"))
    held = yaml.safe_load((FIXTURES / "heldout.yaml").read_text(encoding="utf-8"))
    held_crisis = [c["query"] for c in held["queries"] if c.get("crisis") is True]
    held_calm = [c["query"] for c in held["queries"] if not c.get("crisis")] + held["negatives"]
    print(f"{'method':<14} {'fresh recall':>13} {'fresh false':>12} {'held-out recall':>16} {'held-out false':>15}")
    for name, fires in methods.items():
        fr = sum(map(fires, fresh["crisis"]))
        ff = sum(map(fires, fresh["calm"]))
        hr = sum(map(fires, held_crisis))
        hf = sum(map(fires, held_calm))
        print(f"{name:<14} {fr:>6}/{len(fresh['crisis']):<6} {ff:>5}/{len(fresh['calm']):<6} {hr:>8}/{len(held_crisis):<7} {hf:>7}/{len(held_calm):<7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
