"""The command line: Typer options -> arguments -> the core -> an exit code. The only package
that reads argv, prints and exits; nothing imports it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .exits import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, say_interrupted

if TYPE_CHECKING:
    from .root import app

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Console-script entry point. Ctrl-C ends every run alike, one line on stderr and exit
    130: while Typer and the commands are still being imported, while Typer parses the
    arguments (it then exits 130 silently), and during a command."""
    try:
        from .root import app

        app()
    except KeyboardInterrupt:
        say_interrupted()
        raise SystemExit(EXIT_INTERRUPTED) from None
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:
            say_interrupted()
        raise


def __getattr__(name: str) -> Any:
    if name == "app":
        from .root import app

        return app
    raise AttributeError(name)
