"""The exit codes, a contract, and the one line of a run stopped by Ctrl-C or by a signal, in
the run's language (``--lang``, else ``KPI_LANG``, read from the command line: a stop can come
before Typer has parsed it): importing them costs nothing (no Typer)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any

from ..catalog import N_, Lang, tr, word
from ..files import Terminated, forget_stop, stop_now

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
#: A run stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
#: The signals that end a run the way Ctrl-C does, and how the one line names each: SIGTERM
#: (``kill``, a service manager, a CI timeout) exits 143, SIGHUP (the terminal closed) 129.
STOP_SIGNALS: dict[int, str] = {signal.SIGTERM: "SIGTERM"}
if hasattr(signal, "SIGHUP"):  # not on Windows
    STOP_SIGNALS[signal.SIGHUP] = N_("SIGHUP (the terminal was closed)")

_said = [False]  # whether this run has said it was interrupted


def lang_of(args: Sequence[str]) -> Lang:
    """The language a command line asks for: ``--lang X`` (``-l X``, ``--lang=X``), else
    ``$KPI_LANG``, else Vietnamese; a value that is no language counts as not given."""
    given = os.environ.get("KPI_LANG")
    for i, arg in enumerate(args):
        if arg in ("--lang", "-l") and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
        elif arg == "--":
            break
    return "en" if given == "en" else "vi"


def interrupted_line(lang: Lang) -> str:
    """The one line of a run stopped by Ctrl-C."""
    return tr(
        lang,
        "kpi: interrupted by Ctrl-C; the run was stopped",
    )


def stop_line(stop: Terminated, lang: Lang) -> str:
    """The one line of a run stopped by SIGTERM or SIGHUP."""
    name = STOP_SIGNALS.get(stop.signum)
    return tr(
        lang,
        "kpi: stopped by {signal}; the run was stopped",
        signal=word(lang, name) if name else stop.signum,
    )


def say_interrupted(line: str | None = None) -> None:
    """The one line on stderr of a run stopped by Ctrl-C or a signal, wherever it was stopped
    (said once); by default Ctrl-C's, in the language of the command line."""
    if not _said[0]:
        _said[0] = True
        sys.stderr.write((line or interrupted_line(lang_of(sys.argv[1:]))) + "\n")
        sys.stderr.flush()


def start_interruptible_run() -> None:
    """Forget an interruption said by an earlier run in this process (the tests run many)."""
    _said[0] = False
    forget_stop()


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """While inside, Ctrl-C raises KeyboardInterrupt and SIGTERM and SIGHUP raise
    :class:`Terminated`, each recorded first (:func:`cantho_kpi.files.stop_now`) so that a
    stop raised where Python drops exceptions (a finaliser) is raised again later; such a
    drop prints nothing. A second SIGTERM or SIGHUP ends the process at once, as by default.
    A process forked meanwhile (a worker) that receives one before it sets its own handling
    ends quietly with the same exit code."""
    import os

    main_pid = os.getpid()

    def stop(signum: int, _frame: FrameType | None) -> None:
        if os.getpid() != main_pid:
            os._exit(128 + signum)  # a worker that inherited this handler: no traceback
        if signum != signal.SIGINT:
            for each in STOP_SIGNALS:
                signal.signal(each, signal.SIG_DFL)
        stop_now(signum)

    previous: dict[int, Any] = {}
    for signum in (signal.SIGINT, *STOP_SIGNALS):
        previous[signum] = signal.signal(signum, stop)
    hook = sys.unraisablehook
    sys.unraisablehook = _drop_stops(hook)
    try:
        yield
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _drop_stops(hook: Any) -> Any:
    """An unraisable-exception hook that says nothing of a stop Python dropped (it is raised
    again later) and passes anything else to ``hook``."""

    def drop(unraisable: Any) -> None:
        if unraisable.exc_type in (KeyboardInterrupt, Terminated):
            return
        hook(unraisable)

    return drop
