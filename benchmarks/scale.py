"""helpfinder on a 10,000-service directory: first and later searches, memory, and check.

Generates ``big.yaml`` (see ``generate.py``) in a temporary directory and
measures whole processes, as a user would run them:

a. parsing it alone with PyYAML's C loader (the yardstick);
b. ``helpfinder search TERM --data big.yaml`` with an empty cache, against (a);
c. the same search again (cache warm), against the same search on the bundled directory;
d. the peak memory of each helpfinder process;
e. ``helpfinder check big.yaml``.

Runs alternate between the commands compared; figures are medians. CPU time
(user + system) is printed beside wall time because a shared machine's wall
time says as much about its other users as about helpfinder.

    python benchmarks/scale.py [--services 10000] [--runs 3] [--term grooming]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


def run(cmd: list[str], env: dict[str, str], expect: tuple[int, ...] = (0,)) -> Run:
    """One whole process: wall time, its own CPU time and peak resident memory (from wait4)."""
    import subprocess

    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in expect:
            out.seek(0)
            sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{out.read().decode(errors='replace')[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def show(label: str, runs: list[Run], memory: bool = True) -> None:
    line = f"  {label:58} wall {median(runs, 'wall'):7.3f} s   cpu {median(runs, 'cpu'):7.3f} s"
    if memory:
        line += f"   peak {max(r.peak_mb for r in runs):6.1f} MB"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each slow command (parse, first search, check)")
    parser.add_argument("--warm-runs", type=int, default=10, help="runs of each warm search")
    parser.add_argument("--term", default="grooming")
    args = parser.parse_args()

    exe = str(Path(sys.executable).with_name("helpfinder"))
    with tempfile.TemporaryDirectory(prefix="helpfinder-scale-") as tmp:
        big = Path(tmp) / "big.yaml"
        started = time.perf_counter()
        big.write_text(generate(args.services), encoding="utf-8")
        print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
        print(f"command: {sys.executable} {' '.join(sys.argv)}")
        print(f"generated {big.name}: {args.services} services, {big.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")

        cache = Path(tmp) / "cache"
        env = {k: v for k, v in os.environ.items() if k not in ("HELPFINDER_NO_CACHE", "HELPFINDER_DATA", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE")}
        env |= {"HELPFINDER_CACHE_DIR": str(cache), "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc"), "NO_COLOR": "1"}
        parse_cmd = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)", str(big)]
        search_big = [exe, "search", args.term, "--data", str(big), "--plain"]
        search_bundled = [exe, "search", args.term, "--plain"]
        check_cmd = [exe, "check", str(big)]
        for cmd in (search_bundled, search_bundled, parse_cmd):  # bytecode and file cache warm-up
            run(cmd, env)

        parse, first = [], []
        for _ in range(args.runs):
            parse.append(run(parse_cmd, env))
            shutil.rmtree(cache, ignore_errors=True)
            first.append(run(search_big, env))
        warm, bundled = [], []
        for _ in range(args.warm_runs):
            warm.append(run(search_big, env))
            bundled.append(run(search_bundled, env))
        checks = [run(check_cmd, env) for _ in range(args.runs)]

    print("results (medians):")
    show("(a) parse alone: yaml.load(text, Loader=yaml.CSafeLoader)", parse)
    show(f"(b) helpfinder search {args.term} --data big.yaml, cold cache", first)
    show(f"(c) helpfinder search {args.term} --data big.yaml, warm cache", warm)
    show(f"    helpfinder search {args.term} (bundled directory)", bundled)
    show("(e) helpfinder check big.yaml", checks)
    ratios = [
        ("first search / parse alone (target <= 1.0)", median(first, "wall") / median(parse, "wall"), median(first, "cpu") / median(parse, "cpu"), 1.0),
        ("warm search big / bundled (target <= 1.5)", median(warm, "wall") / median(bundled, "wall"), median(warm, "cpu") / median(bundled, "cpu"), 1.5),
    ]
    for label, wall, cpu, target in ratios:
        verdict = "ok" if max(wall, cpu) <= target else "OVER TARGET"
        print(f"  {label:58} wall {wall:5.2f}x   cpu {cpu:5.2f}x   {verdict}")
    peak = max(r.peak_mb for r in first + warm)
    print(f"  (d) peak memory of helpfinder search on big.yaml: cold {max(r.peak_mb for r in first):.0f} MB, warm {max(r.peak_mb for r in warm):.0f} MB (target < 150 MB: {'ok' if peak < 150 else 'OVER TARGET'})")
    print(f"  (e) check under 5 s: {'ok' if median(checks, 'wall') < 5 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
