"""Ctrl-C at every moment of start-up: does ``helpfinder emergency`` ever print a traceback?

Starts the installed ``helpfinder emergency`` (bin/helpfinder, as a person
runs it), sends SIGINT after a delay, and records how each run ended:

- ``130``: our handler ran (exit 130, no traceback), the contract in the README;
- ``signal``: killed by SIGINT before Python set up its own handler (a shell
  shows exit 130 and nothing is printed);
- ``done``: the command finished before the signal arrived (exit 0);
- ``TRACEBACK``: a KeyboardInterrupt traceback reached stderr, whatever the exit code.

Delays run from 0 to ``--max-ms`` in steps of ``--step-ms``, ``--runs`` times
each, interleaved so that a burst of load on a shared machine spreads over all
delays. Start-up itself varies with load, so the table gives, per delay, the
count of each ending.

    python benchmarks/ctrl_c.py [--runs 20] [--max-ms 100] [--step-ms 5] [--command emergency]
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import signal
import subprocess
import time


PLACES: collections.Counter[str] = collections.Counter()  # where each traceback's first two frames were


def once(exe: str, command: list[str], delay: float) -> str:
    """Run once, interrupt after ``delay`` seconds, and say how the run ended."""
    proc = subprocess.Popen([exe, *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    end = time.perf_counter() + delay
    while time.perf_counter() < end:
        pass
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    if b"Traceback" in err or b"KeyboardInterrupt" in err:
        frames = re.findall(r'File "([^"]+)", line (\d+)', err.decode(errors="replace"))
        PLACES[" > ".join(f"{name.rsplit('/', 1)[-1]}:{line}" for name, line in frames[:2])] += 1
        return "TRACEBACK"
    if proc.returncode == -signal.SIGINT:
        return "signal"
    if proc.returncode == 0:
        return "done"
    return str(proc.returncode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--max-ms", type=int, default=100)
    parser.add_argument("--step-ms", type=int, default=5)
    parser.add_argument("--command", default="emergency")
    args = parser.parse_args()
    exe = shutil.which("helpfinder")
    if exe is None:
        raise SystemExit("helpfinder is not on PATH (activate the venv)")
    command = args.command.split()
    started = time.perf_counter()
    subprocess.run([exe, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    print(f"{exe} {args.command}: one uninterrupted run took {1000 * (time.perf_counter() - started):.0f} ms")
    delays = list(range(0, args.max_ms + 1, args.step_ms))
    endings: dict[int, collections.Counter[str]] = {d: collections.Counter() for d in delays}
    for _ in range(args.runs):
        for delay in delays:
            endings[delay][once(exe, command, delay / 1000)] += 1
    kinds = ["TRACEBACK", "signal", "130", "done"]
    kinds += sorted({k for c in endings.values() for k in c} - set(kinds))
    print("delay ms  " + "  ".join(f"{k:>9}" for k in kinds))
    for delay in delays:
        print(f"{delay:8}  " + "  ".join(f"{endings[delay][k]:9}" for k in kinds))
    total = collections.Counter()
    for counter in endings.values():
        total.update(counter)
    print("total     " + "  ".join(f"{total[k]:9}" for k in kinds))
    hit = [d for d in delays if endings[d]["TRACEBACK"]]
    print(f"tracebacks at delays: {hit[0]}-{hit[-1]} ms" if hit else "no traceback at any delay")
    for place, count in PLACES.most_common():
        print(f"{count:5} tracebacks in {place}")


if __name__ == "__main__":
    main()
