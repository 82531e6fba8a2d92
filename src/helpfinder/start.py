"""The console script's entry point: its first statements take over Ctrl-C, before anything else loads.

Python's own Ctrl-C handler raises KeyboardInterrupt wherever the program is;
while modules are still being imported that means a traceback. Until
``launch.main`` takes over, Ctrl-C here ends the process quietly with exit 130,
the README's code for "interrupted". Only ``os`` and ``_signal`` are imported
first, and Python has already loaded both, so they cost nothing.
What runs before this module (Python's start-up, the console script's
``import re`` and ``helpfinder/__init__``) is measured by
``benchmarks/ctrl_c.py``.
"""

import os

# _signal, not signal: Python loaded this C module while starting, so taking it costs nothing, where
# ``import signal`` first builds its enums (a traceback at that line was seen in benchmarks/ctrl_c.py).
import _signal


def _stop(signum: int, frame: object) -> None:
    try:
        os.write(2, b"\n")
    except OSError:
        pass
    os._exit(130)  # exits.INTERRUPTED, written out: this runs before any helpfinder module may load


_signal.signal(_signal.SIGINT, _stop)


def main() -> None:
    """Run the command line (``launch`` owns the streams and exit codes, and Ctrl-C from then on)."""
    from .launch import main as run

    run()
