"""The exit codes, a contract, and the one line of an interrupted run: importing them costs
nothing (no Typer)."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
#: A run stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
INTERRUPTED_LINE = "kpi: interrupted by Ctrl-C; the run was stopped"

_said = [False]  # whether this run has said it was interrupted


def say_interrupted() -> None:
    """The one line on stderr of a run stopped by Ctrl-C, wherever it was stopped (said once)."""
    if not _said[0]:
        _said[0] = True
        sys.stderr.write(INTERRUPTED_LINE + "\n")
        sys.stderr.flush()


def start_interruptible_run() -> None:
    """Forget an interruption said by an earlier run in this process (the tests run many)."""
    _said[0] = False
