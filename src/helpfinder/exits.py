"""How the process ends: the exit codes the README promises, and the one failure of output.

Why a module of its own: the command's entry point (``launch``), the
commands (``messages.guard``) and the private session all end with these
codes, and ``launch`` must import almost nothing; this module imports nothing.
"""

FOUND, NOTHING, USAGE, INTERNAL, INTERRUPTED = 0, 1, 2, 3, 130


class OutputFailed(Exception):
    """Standard output could not be written (disk full, I/O error); ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
