"""Start-up time of ``helpfinder emergency`` against the framework floor.

The floor is what any Typer + rich + PyYAML program pays before doing
anything: ``python -c "import typer, rich.console, yaml"``. helpfinder should
cost no more than that floor with rich output (target: 1.1x) and less than it
with plain output (target: 1.0x), because it imports only what each path
needs and reads a warm cache instead of parsing YAML.

Run with the Python that has helpfinder installed::

    python benchmarks/startup.py [--runs 30]

Each round runs the three commands once, in turn, so that drift in the
machine's load affects them alike; the figures are medians of whole-process
wall-clock and CPU (user + system) times, wall first.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def helpfinder_exe() -> str:
    """The helpfinder command installed next to this Python."""
    script = Path(sys.executable).with_name("helpfinder")
    if not script.exists():
        sys.exit(f"no helpfinder script next to {sys.executable}: pip install -e .")
    return str(script)


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds for one whole process; its output goes to a file.

    CPU time is reported beside wall time because on a shared machine the wall
    time says as much about the other users as about helpfinder.
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            sys.exit(f"{' '.join(cmd)} failed ({os.waitstatus_to_exitcode(status)}): {out.read().decode(errors='replace')}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds (each runs every command once)")
    args = parser.parse_args()

    exe = helpfinder_exe()
    with tempfile.TemporaryDirectory(prefix="helpfinder-bench-") as cache, tempfile.TemporaryDirectory(prefix="helpfinder-pyc-") as pyc:
        unset = ("NO_COLOR", "FORCE_COLOR", "HELPFINDER_NO_CACHE", "HELPFINDER_DATA", "TERM", "PYTHONDONTWRITEBYTECODE")
        base = {k: v for k, v in os.environ.items() if k not in unset}
        base["HELPFINDER_CACHE_DIR"] = cache
        # Compiled bytecode, as an installed package has; kept out of the source tree.
        base["PYTHONPYCACHEPREFIX"] = pyc
        rich_env = {**base, "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "100"}
        commands = {
            "floor": ([sys.executable, "-c", "import typer, rich.console, yaml"], base),
            "rich": ([exe, "emergency"], rich_env),
            "plain": ([exe, "emergency", "--plain"], base),
        }
        # Warm the cache (the first run parses and validates the YAML), the bytecode and the OS file cache.
        for cmd, env in commands.values():
            for _ in range(3):
                timed(cmd, env)
        sample = subprocess.run(commands["rich"][0], env=rich_env, capture_output=True).stdout
        if b"\x1b[" not in sample:
            sys.exit("the rich run printed no escape codes: rich output was not forced")
        if not any(Path(cache).iterdir()):
            sys.exit("the cache was not written; the benchmark would measure YAML parsing")

        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (cmd, env) in commands.items():
                times[name].append(timed(cmd, env))

    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"command: {sys.executable} {' '.join(sys.argv)}  ({args.runs} alternating rounds, warm cache; medians)")
    print(f"floor  python -c 'import typer, rich.console, yaml'  wall {wall['floor'] * 1000:6.1f} ms  cpu {cpu['floor'] * 1000:6.1f} ms")
    for name, label, target in (("rich", "helpfinder emergency (FORCE_COLOR=1)", 1.1), ("plain", "helpfinder emergency --plain", 1.0)):
        ratios = wall[name] / wall["floor"], cpu[name] / cpu["floor"]
        verdict = "ok" if max(ratios) <= target else "OVER TARGET"
        print(
            f"{name:6} {label:42} wall {wall[name] * 1000:6.1f} ms  cpu {cpu[name] * 1000:6.1f} ms  "
            f"{ratios[0]:.2f}x / {ratios[1]:.2f}x floor (target <= {target}x: {verdict})"
        )


if __name__ == "__main__":
    main()
