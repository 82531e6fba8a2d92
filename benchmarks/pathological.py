"""``helpfinder check`` on hostile files under the size cap: time and peak memory of each.

Writes one file per case into a folder, each holding about ``--values``
values (keys, texts, lists and mappings; default 990,000, just under the
reader's limit of 1,000,000, so each case is as large as a file can be and
still be read to the end), then runs ``/usr/bin/time -f "%e s %M KB" helpfinder check FILE`` on
each, as a user would, and prints wall time, CPU time, peak memory, the exit
code and the first line of output. The cases:

- flat-list: ``x: [a, a, ...]``, one unknown field holding millions of values;
- nested-lists / nested-maps: many small lists or mappings nested 11 deep;
- deep-lists: one list nested as deep as the file allows;
- unknown-keys: hundreds of thousands of unknown top-level fields;
- anchors: an anchor and an alias for every value;
- long-string: one title of ``--mb`` megabytes (default 60, near the 64 MB size cap);
- service-errors: the benchmark directory (``generate.py``), one error in every service;
- undeclared: services whose needs lists hold thousands of distinct undeclared ids.

    python benchmarks/pathological.py [--values 990000] [--mb 60] [--dir /tmp/pathological] [--only flat-list,...]

The issue's 10 MB ``x: [a,a,...]`` is ``--values 5000000 --only flat-list``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

HEAD = "schema_version: 1\ntitle: Pathological\n"


HEAD_VALUES = 5  # the top mapping and the two keys and values above


def flat_list(values: int, size: int) -> str:
    return HEAD + "x: [" + "a," * (values - HEAD_VALUES - 3) + "a]\n"


def nested(values: int, opener: str, closer: str, leaf: str, per: int) -> str:
    """Small values nested 9 deep (within the depth limit), repeated; ``per`` values each."""
    one = opener * 9 + leaf + closer * 9
    return HEAD + "x: [" + ",".join([one] * ((values - HEAD_VALUES - 2) // per)) + "]\n"


def deep_lists(values: int, size: int) -> str:
    depth = 10_000
    return HEAD + "x: " + "[" * depth + "]" * depth + "\n"


def unknown_keys(values: int, size: int) -> str:
    return HEAD + "".join(f"k{i:07d}: a\n" for i in range((values - HEAD_VALUES) // 2))


def anchors(values: int, size: int) -> str:
    return HEAD + "x: [" + ",".join(f"&a{i} v, *a{i}" for i in range((values - HEAD_VALUES - 2) // 2)) + "]\n"


def long_string(values: int, size: int) -> str:
    return "schema_version: 1\ntitle: " + "a" * size + "\nneeds: []\nservices: []\n"


def service_errors(values: int, size: int) -> str:
    """The 10,000-service benchmark with one error per service, of eight kinds in turn.

    Its size is the benchmark's, whatever ``values`` says, so the figure compares with the issue's target.
    """
    text = generate(10_000)
    count = iter(range(10**6))

    def spoil(match: re.Match[str]) -> str:
        i = next(count)
        block = match[0]
        kind = i % 8
        if kind == 0:
            return re.sub(r'value: "(\d{4}) (\d{3}) (\d{4})"', r"value: \1\2\3", block, count=1)  # unquoted digits
        if kind == 1:
            return re.sub(r"verified: \S+", "verified: 2025-02-30", block)  # no such date
        if kind == 2:
            return re.sub(r"needs: \[", "needs: [worried-about-a-chlid, ", block, count=1)  # misspelt need
        if kind == 3:
            return block.replace("    area:", "    aera: uk\n    area:", 1)  # unknown field
        if kind == 4:
            return re.sub(r"source: https://", "source: http://", block)  # not https
        if kind == 5:
            return re.sub(r"anonymous: \w+", "anonymous: yes", block)  # not a boolean
        if kind == 6:
            return re.sub(r"area: \S+", "area: atlantis", block, count=1)  # undeclared area
        return re.sub(r"value: https://www", "value: https://www example", block, count=1)  # space in a URL

    return re.sub(r"  - id: service-\d+\n(?:    .*\n|      .*\n|        .*\n|          .*\n)*", spoil, text)


def undeclared(values: int, size: int) -> str:
    """Services whose needs name distinct ids that nobody declared (each needs its own suggestion)."""
    per = 1000
    lines = [HEAD, "needs:\n  - id: real-need\n    label: Real\n    description: Real.\n", "services:\n"]
    for i in range((values - HEAD_VALUES - 12) // (per + 6)):
        names = ", ".join(f"need-{i:05d}-{n:04d}" for n in range(per))
        lines.append(f"  - id: s{i}\n    needs: [{names}]\n")
    return "".join(lines)


CASES: dict[str, Callable[[int, int], str]] = {
    "flat-list": flat_list,
    "nested-lists": lambda values, size: nested(values, "[", "]", "a", 10),
    "nested-maps": lambda values, size: nested(values, "{a: ", "}", "a", 19),
    "deep-lists": deep_lists,
    "unknown-keys": unknown_keys,
    "anchors": anchors,
    "long-string": long_string,
    "service-errors": service_errors,
    "undeclared": undeclared,
}


def measure(path: Path, timeout: float) -> str:
    """One ``helpfinder check`` run: wall s, CPU s, peak MB, exit code and the first line of output."""
    exe = shutil.which("helpfinder")
    if exe is None:
        raise SystemExit("helpfinder is not on PATH (activate the venv)")
    command = ["/usr/bin/time", "-f", "TIME %e %U %S %M", exe, "check", str(path)]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"over {timeout:.0f} s (stopped)"
    lines = done.stderr.splitlines()
    stats = next((line.split()[1:] for line in reversed(lines) if line.startswith("TIME ")), None)
    if stats is None:
        return f"no figures ({time.monotonic() - started:.1f} s)"
    wall, user, system, peak_kb = stats
    output = [line for line in done.stdout.splitlines() + lines if line and not line.startswith("TIME ")]
    first = output[0][:110] if output else ""
    return (
        f"{float(wall):6.2f} s wall {float(user) + float(system):6.2f} s CPU {int(peak_kb) / 1024:7.0f} MB"
        f"  exit {done.returncode}  {len(output)} lines  {first}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--values", type=int, default=990_000, help="values in each file")
    parser.add_argument("--mb", type=float, default=60.0, help="size of the long string in megabytes")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/pathological"))
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(CASES)
    args.dir.mkdir(parents=True, exist_ok=True)
    size = int(args.mb * 1024 * 1024)
    for name in names:
        path = args.dir / f"{name}-{args.values}-{args.mb:g}mb.yaml"
        if not path.exists():
            path.write_text(CASES[name](args.values, size), encoding="utf-8")
        print(f"{name:15} {path.stat().st_size / 1e6:6.1f} MB  {measure(path, args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
