"""The command line: Typer options -> arguments -> the core -> an exit code. The only package
that reads argv, prints and exits; nothing imports it."""

from .app import app, main
from .options import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "app", "main"]
