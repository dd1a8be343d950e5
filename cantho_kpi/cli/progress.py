"""``kpi progress``: where each target stands toward the end of the term, from an archive of
rounds. Registered on the app by :mod:`.app`; parses its options, calls the core, prints."""

from __future__ import annotations

import sys
from contextlib import closing
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    EXIT_OK,
    JobsOption,
    LangOption,
    PathsArgument,
    TargetsOption,
    fail,
    require_targets,
    stdout_console,
    targets_path,
    today,
)
from .words import no_files_line

if TYPE_CHECKING:
    from pathlib import Path

    from ..domain import Lang
    from ..report import ProgressReport
    from ..targets import TargetsFile


class ProgressFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def progress_command(
    paths: PathsArgument,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Only this unit's figures.", metavar="CODE"),
    ] = None,
    as_of: Annotated[
        int | None,
        typer.Option(
            "--as-of",
            min=1900,
            max=2200,
            help="Judge as of this year (later rounds are left out).",
            metavar="YEAR",
        ),
    ] = None,
    output_format: Annotated[
        ProgressFormat,
        typer.Option("--format", "-f", help="table for people; json, csv, markdown for scripts."),
    ] = ProgressFormat.table,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Progress toward the term's targets, from every round under PATH (folders recursively).

    Each (unit, indicator) gets a yearly series (the year-end round, else the year's last round,
    provisional), the ratio CR of its observed to its required pace, a status (achieved,
    on_track, fair, limited, deterioration, insufficient_data; at the term's end achieved or
    not_achieved) and a projection for the term's last year. The method: docs/progress.md.
    Exit 0 when the report was made, 2 on usage errors.

    Example: kpi progress data/submissions --unit CT
    """
    report, loaded = _tracked(paths, unit, as_of, jobs, targets, lang)
    _print(report, loaded, output_format, lang)
    raise typer.Exit(EXIT_OK)


def _tracked(
    paths: list[Path],
    unit: str | None,
    as_of: int | None,
    jobs: int | None,
    option: Path | None,
    lang: Lang,
) -> tuple[ProgressReport, TargetsFile]:
    from ..report import track_progress
    from ..submissions import default_jobs, read_all, received_logs
    from .reports import scan_paths

    loaded = require_targets(option, lang)
    term = loaded.plan.term
    if term is None:
        fail(
            f"{targets_path(option)}: the plan has no term; add 'term: {{from: 2021, to: 2025}}' "
            "to its plan block"
        )
    if as_of is not None and as_of > term.to:
        fail(
            f"--as-of {as_of} is after the term ({term.from_}-{term.to}); the term's end is "
            f"judged with --as-of {term.to}"
        )
    found = scan_paths(paths, lang)
    files = found.files
    if not files:
        fail(no_files_line(paths, len(found.skipped), lang))
    wanted = unit.strip().upper() if unit else None
    if wanted is not None and wanted not in {u.code for u in loaded.reporting_units}:
        fail(
            f"unknown unit {unit!r}; the units are: "
            + ", ".join(u.code for u in loaded.reporting_units)
        )
    with closing(read_all(files, loaded, jobs or default_jobs())) as subs:  # see check's
        report = track_progress(
            loaded,
            term,
            subs,
            targets_file=str(targets_path(option)),
            as_of=as_of,
            unit=wanted,
            issues=[*found.problems, *(s.issue() for s in found.skipped)],
            logs=received_logs(files),
            today=today(),
        )
    if wanted is not None and not report.results:
        fail(f"no submission from unit {wanted} under these paths")
    if as_of is not None and not report.rounds:
        fail(f"no round of {as_of} or before under these paths; --as-of is a year of the files")
    return report, loaded


def _print(
    report: ProgressReport, targets: TargetsFile, output_format: ProgressFormat, lang: Lang
) -> None:
    from ..output import draw_progress, progress_csv, progress_json, progress_markdown

    if output_format is ProgressFormat.json:
        sys.stdout.write(progress_json(report))
    elif output_format is ProgressFormat.csv:
        sys.stdout.write(progress_csv(report))
    elif output_format is ProgressFormat.markdown:
        sys.stdout.write(progress_markdown(report, targets, lang))
    else:
        draw_progress(report, targets, stdout_console(), lang)
