"""The command line: Typer options -> arguments -> the core -> an exit code. The only package
that reads argv, prints and exits; nothing imports it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ..files import Terminated, check_stop
from .exits import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    interrupted_line,
    lang_of,
    say_interrupted,
    stop_line,
    stop_signals_raise,
)

if TYPE_CHECKING:
    from .root import app

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Console-script entry point. Ctrl-C ends every run alike, one line on stderr and exit
    130: while Typer and the commands are still being imported, while Typer parses the
    arguments (it then exits 130 silently), and during a command. SIGTERM and SIGHUP end it
    the same way, with exit 143 and 129: worker processes are ended, temporary files removed.
    A stop whose exception Python dropped on the way is said at the end all the same."""
    try:
        with stop_signals_raise():
            try:
                from .root import app

                app()
            finally:
                check_stop()  # a stop Python dropped: raised again, whatever the run did
    except KeyboardInterrupt:
        _stopped(interrupted_line(lang_of(sys.argv[1:])))
        raise SystemExit(EXIT_INTERRUPTED) from None
    except Terminated as stop:
        _stopped(stop_line(stop, lang_of(sys.argv[1:])))
        raise SystemExit(stop.exit_code) from None
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:
            _stopped(interrupted_line(lang_of(sys.argv[1:])))
        raise


def _stopped(line: str) -> None:
    """The one line of a stopped run; then nothing more: an object the stop left half-built
    (a zip being written) must not add a traceback while it is thrown away."""
    say_interrupted(line)
    sys.unraisablehook = lambda _: None


def __getattr__(name: str) -> Any:
    if name == "app":
        from .root import app

        return app
    raise AttributeError(name)
