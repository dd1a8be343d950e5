"""The ``kpi`` app: its commands, the root options, and the entry point.

The ``cli`` package is the only place that reads argv, prints and exits. Heavy modules
(pydantic, PyYAML, openpyxl, rich) are imported inside the commands that need them, so that
``kpi --help`` starts at once.
"""

from __future__ import annotations

import os
from typing import Annotated

# pydantic looks for plugins among every installed distribution's entry points the first time
# it builds a validator (tens of milliseconds); this command uses none. Set the variable
# yourself to override.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from .check import check_command, export_command
from .drive import chase_command, rank_command, review_command
from .exits import EXIT_OK, EXIT_USAGE, start_interruptible_run
from .progress import progress_command
from .report import report_command
from .targets import schema_command, targets_command, validate_targets_command
from .template import template_command
from .usage import KpiGroup
from .workfolder import init_command

app = typer.Typer(
    name="kpi",
    help=(
        "Track the targets of Cần Thơ's plan 33/KH-UBND (2024): validate the targets file, "
        "check units' spreadsheets against it, export summary workbooks.\n\n"
        "Exit codes: 0 ok, 1 findings, 2 usage error or unreadable targets file."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=KpiGroup,
)
app.command("check")(check_command)
app.command("progress")(progress_command)
app.command("export")(export_command)
app.command("template")(template_command)
app.command("chase")(chase_command)
app.command("rank")(rank_command)
app.command("review")(review_command)
app.command("report")(report_command)
app.command("targets")(targets_command)
app.command("validate-targets")(validate_targets_command)
app.command("schema")(schema_command)
app.command("init")(init_command)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)
    ] = False,
) -> None:
    if version:
        from .. import __version__

        typer.echo(f"kpi {__version__}")
        raise typer.Exit(EXIT_OK)
    start_interruptible_run()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(EXIT_USAGE)
