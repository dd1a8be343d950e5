"""The exit codes, a contract: importing them costs nothing (no Typer)."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
#: A run stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
INTERRUPTED_LINE = "kpi: interrupted by Ctrl-C; the run was stopped"
