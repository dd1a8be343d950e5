"""``kpi progress``: where each target stands toward the end of the term, from an archive of
rounds. Registered on the app by :mod:`.root`; parses its options, calls the core, prints."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..catalog import tr
from .exits import EXIT_OK
from .options import (
    AsOfYearOption,
    JobsOption,
    LangOption,
    PathsArgument,
    ProgressFormatOption,
    TargetsOption,
)
from .run import Run, emit, fail

if TYPE_CHECKING:
    from ..report import ProgressReport
    from ..targets import Term


def progress_command(
    paths: PathsArgument,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Only this unit's figures.", metavar="CODE"),
    ] = None,
    as_of: AsOfYearOption = None,
    output_format: ProgressFormatOption = "table",
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
    from ..output import ProgressView

    run = Run(lang, targets)
    chosen = run.format("progress", output_format)
    report = _tracked(run, paths, run.unit(unit), as_of, jobs)
    emit(run, "progress", chosen, ProgressView(report, run.targets, lang), force=False)
    raise typer.Exit(EXIT_OK)


def _tracked(
    run: Run, paths: list[Path], wanted: str | None, as_of: int | None, jobs: int | None
) -> ProgressReport:
    from ..report import track_progress
    from ..submissions import default_jobs, read_all, received_logs, today_in_vietnam

    loaded = run.targets
    term = checked_term(run, as_of)
    found = run.scan(paths)
    files = found.files
    with closing(read_all(files, loaded, jobs or default_jobs())) as subs:  # see check's
        report = track_progress(
            loaded,
            term,
            subs,
            targets_file=str(run.targets_path),
            as_of=as_of,
            unit=wanted,
            issues=[*found.problems, *(s.issue() for s in found.skipped)],
            logs=received_logs(files),
            today=today_in_vietnam(),
        )
    if wanted is not None and not report.results:
        fail(tr(run.lang, "no submission from unit {unit} under these paths", unit=wanted))
    if as_of is not None and not report.rounds:
        no_rounds(run, as_of)
    return report


def checked_term(run: Run, as_of: int | None) -> Term:
    """The plan's term, refused (exit 2) when the plan has none or ``as_of`` is after it."""
    term = run.targets.plan.term
    if term is None:
        fail(
            tr(
                run.lang,
                "{path}: the plan has no term; add 'term: {{from: 2021, to: 2025}}' to its plan "
                "block",
                path=run.targets_path,
            )
        )
    if as_of is not None and as_of > term.to:
        fail(
            tr(
                run.lang,
                "--as-of {year} is after the term ({start}-{end}); the term's end is judged with "
                "--as-of {end}",
                year=as_of,
                start=term.from_,
                end=term.to,
            )
        )
    return term


def no_rounds(run: Run, as_of: int) -> NoReturn:
    """Refuse (exit 2) an ``--as-of`` earlier than every round read."""
    fail(
        tr(
            run.lang,
            "no round of {year} or before under these paths; --as-of is a year of the files",
            year=as_of,
        )
    )
