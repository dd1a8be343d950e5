"""The ``kpi`` command: the app, the targets commands, and the entry point.

With :mod:`cli_common` and :mod:`cli_reports`, the only modules that read argv, print and exit.
Heavy modules (pydantic, PyYAML, openpyxl, rich) are imported inside the commands that need
them, so that ``kpi --help`` starts at once.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

# pydantic looks for plugins among every installed distribution's entry points the first time
# it builds a validator (tens of milliseconds); this command uses none. Set the variable
# yourself to override.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from .cli_common import (
    DEFAULT_TARGETS,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Lang,
    LangOption,
    TargetsOption,
    load,
    require_targets,
    stdout_console,
)
from .cli_reports import check_command, export_command, template_command

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "app", "main"]

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
)
app.command("check")(check_command)
app.command("export")(export_command)
app.command("template")(template_command)


class TargetsFormat(StrEnum):
    table = "table"
    json = "json"


class IssuesFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command("targets")
def targets_command(
    targets: TargetsOption = DEFAULT_TARGETS,
    output_format: Annotated[
        TargetsFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
    ] = TargetsFormat.table,
    lang: LangOption = Lang.vi,
) -> None:
    """List the plan's targets: code, name, the target as a person reads it, unit and kind.

    Example: kpi targets --format json
    """
    from .render import targets_json, targets_table

    loaded = require_targets(targets)
    if output_format is TargetsFormat.json:
        sys.stdout.write(targets_json(loaded))
        return
    targets_table(loaded, stdout_console(), lang.value)


@app.command("validate-targets")
def validate_targets_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Targets files to check (default: the --targets file).",
            show_default=False,
            metavar="[FILE]...",
        ),
    ] = None,
    targets: TargetsOption = DEFAULT_TARGETS,
    output_format: Annotated[
        IssuesFormat,
        typer.Option(
            "--format", "-f", help="text (PATH:LINE:COL: CODE: message), json, or github."
        ),
    ] = IssuesFormat.text,
) -> None:
    """Check a targets file: schema, duplicate keys and codes, bounds, groups, units.

    Every problem is reported as PATH:LINE:COL: CODE: message. Exit 0 when valid, 1 when not,
    2 when a file cannot be read.

    Example: kpi validate-targets data/targets.yaml --format github
    """
    from .render import issues_github, issues_json, issues_text

    results = [load(path) for path in paths or [targets]]
    if output_format is IssuesFormat.json:
        sys.stdout.write(issues_json(results))
    for result in results:
        if output_format is IssuesFormat.github:
            sys.stdout.write(issues_github(result.issues))
        elif output_format is IssuesFormat.text:
            sys.stdout.write(issues_text(result.issues))
            if result.valid and result.targets is not None:
                count = len(result.targets.indicators)
                typer.echo(f"{result.path}: valid ({count} indicators)", err=True)
    if not all(result.valid for result in results):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the targets file (committed as schema/targets.schema.json).

    Example: kpi schema > schema/targets.schema.json
    """
    from .schema import targets_schema_text

    sys.stdout.write(targets_schema_text())


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)
    ] = False,
) -> None:
    if version:
        from . import __version__

        typer.echo(f"kpi {__version__}")
        raise typer.Exit(EXIT_OK)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point."""
    app()
