"""The options the ``kpi`` commands share, declared once. What they name is resolved by
:mod:`.run`; the output formats are those of the one registry (:mod:`cantho_kpi.output`)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..domain import Lang
from ..output import format_names


def format_help(kind: str, default: str) -> str:
    """``--format``'s help: the registry's formats of ``kind``, each with what it is for."""
    from ..output import get_format

    said = "; ".join(f"{n}: {get_format(kind, n).help}" for n in format_names(kind))
    return f"{said} (default: {default})"


class FailOn(StrEnum):
    invalid = "invalid"
    not_met = "not-met"
    missing = "missing"
    never = "never"


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        help="The targets file (default: data/targets.yaml in this folder or above, else "
        "$KPI_TARGETS, else the copy installed with kpi).",
        show_default=False,
        dir_okay=False,
        metavar="FILE",
    ),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", "-l", help="Language of labels and numbers.", envvar="KPI_LANG"),
]
PathsArgument = Annotated[
    list[Path],
    typer.Argument(help="Submission files or folders.", show_default=False, metavar="PATH..."),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Only this period (2024-Q2, 2024-H1, 2024); files of other periods are reported.",
        metavar="PERIOD",
    ),
]
FailOnOption = Annotated[
    list[FailOn] | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 on invalid files (the default); also on not-met or missing statuses; "
        "never: always 0. Repeatable.",
        show_default=False,
        metavar="WHEN",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for reading (default: the number of cores).",
        show_default=False,
        metavar="N",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace existing files.")]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Make the report as of this day (2025-01-15 or 15/01/2025): a file received, or "
        "written, after it is not there yet; default: today.",
        show_default=False,
        metavar="DAY",
    ),
]

AsOfYearOption = Annotated[
    int | None,
    typer.Option(
        "--as-of",
        min=1900,
        max=2200,
        help="Judge as of this year (later rounds are left out).",
        metavar="YEAR",
    ),
]


def output_option(*, help: str, metavar: str = "FILE") -> Any:
    """``--output``/``-o`` of a command that writes a file: what it writes, in ``help``."""
    return typer.Option("--output", "-o", help=help, show_default=False, metavar=metavar)


def _format_option(kind: str, default: str) -> Any:
    """``--format`` of a command whose outputs are of ``kind``: its choices are the registry's."""
    return typer.Option(
        "--format",
        "-f",
        help=format_help(kind, default),
        metavar="|".join(format_names(kind)),
        show_default=False,
    )


CheckFormatOption = Annotated[str, _format_option("check", "table")]
ProgressFormatOption = Annotated[str, _format_option("progress", "table")]
RankFormatOption = Annotated[str, _format_option("rank", "table")]
TargetsFormatOption = Annotated[str, _format_option("targets", "table")]
ValidationFormatOption = Annotated[str, _format_option("validation", "text")]
