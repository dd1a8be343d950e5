"""The command line: Typer options -> arguments -> the core -> an exit code. The only package
that reads argv, prints and exits; nothing imports it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from .exits import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, INTERRUPTED_LINE

if TYPE_CHECKING:
    from .root import app

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Console-script entry point. Ctrl-C while Typer and the commands are still being
    imported ends like Ctrl-C during a run: one line and exit 130, no traceback."""
    try:
        from .root import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED_LINE + "\n")
        raise SystemExit(EXIT_INTERRUPTED) from None


def __getattr__(name: str) -> Any:
    if name == "app":
        from .root import app

        return app
    raise AttributeError(name)
