"""The commands about the targets file: targets, validate-targets, schema."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..domain import plural
from .options import (
    EXIT_FINDINGS,
    LangOption,
    TargetsOption,
    load,
    require_targets,
    stdout_console,
    targets_path,
)


class TargetsFormat(StrEnum):
    table = "table"
    json = "json"


class IssuesFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def targets_command(
    targets: TargetsOption = None,
    output_format: Annotated[
        TargetsFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
    ] = TargetsFormat.table,
    lang: LangOption = "vi",
) -> None:
    """List the plan's targets: code, name, the target as a person reads it, unit and kind.

    Example: kpi targets --format json
    """
    from ..output import targets_json, targets_table

    loaded = require_targets(targets)
    if output_format is TargetsFormat.json:
        sys.stdout.write(targets_json(loaded))
        return
    targets_table(loaded, stdout_console(), lang)


def validate_targets_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Targets files to check (default: the --targets file).",
            show_default=False,
            metavar="[FILE]...",
        ),
    ] = None,
    targets: TargetsOption = None,
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
    from ..output import issues_github, issues_json, issues_text

    results = [load(path) for path in paths or [targets_path(targets)]]
    if output_format is IssuesFormat.json:
        sys.stdout.write(issues_json(results))
    for result in results:
        if output_format is IssuesFormat.github:
            sys.stdout.write(issues_github(result.issues))
        elif output_format is IssuesFormat.text:
            sys.stdout.write(issues_text(result.issues))
            if result.valid and result.targets is not None:
                count = plural(len(result.targets.indicators), "indicator", "indicators")
                typer.echo(f"{result.path}: valid ({count})", err=True)
    if not all(result.valid for result in results):
        raise typer.Exit(EXIT_FINDINGS)


def schema_command() -> None:
    """Print the JSON Schema of the targets file (committed as schema/targets.schema.json).

    Example: kpi schema > schema/targets.schema.json
    """
    from ..targets import targets_schema_text

    sys.stdout.write(targets_schema_text())
