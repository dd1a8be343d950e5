"""``kpi report``: the term's progress as one self-contained web page. Registered on the app by
:mod:`.root`; parses its options, reads the files once, builds the progress report (as ``kpi
progress``) and the check report (as ``kpi check``) from the same submissions, and writes the
page through the format registry."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .exits import EXIT_OK
from .options import (
    AsOfYearOption,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    TargetsOption,
    output_option,
)
from .progress import checked_term, no_rounds
from .reading import interruptible, with_progress
from .run import Run, emit, file_format, say
from .words import later_lines, log_problem_lines

if TYPE_CHECKING:
    from ..output import ReportView


def report_command(
    paths: PathsArgument,
    output: Annotated[Path, output_option(help="The page to write (.html).")],
    as_of: AsOfYearOption = None,
    force: ForceOption = False,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Write the term's progress as one web page that opens anywhere, with no network: the
    latest round's headline; for each of the plan's 21 targets and each of its figures, the
    series over the term as a chart against the target and the baseline, the status in words
    with its reason, the projection, the data table and the source files; the units'
    completeness and timeliness by round; the clusters' ranking as the drive file's rule for
    deliberation. Vietnamese by default; it prints on A4, a target per page.

    Exit 0 when the page was written, 2 on usage errors.

    Example: kpi report data/submissions -o tien-do.html
    """
    run = Run(lang, targets)
    chosen = file_format(run, "report", None, output)
    run.output(output, force=force, suffixes=(output.suffix.lower(),))  # before reading
    checked_term(run, as_of)
    with interruptible():
        view = _view(run, paths, as_of, jobs)
        emit(run, "report", chosen, view, output, force=force)
    raise typer.Exit(EXIT_OK)


def _view(run: Run, paths: list[Path], as_of: int | None, jobs: int | None) -> ReportView:
    """Read every file once; the progress and the check report of the same submissions, the
    rounds up to ``as_of``, and with a drive file the deadlines and the latest round's
    ranking."""
    from ..output import ReportView
    from ..report import evaluate, rank, round_name, round_statuses, rounds_of, track_progress
    from ..submissions import default_jobs, read_all, received_logs, today_in_vietnam

    loaded, term = run.targets, run.targets.plan.term
    assert term is not None  # checked before reading
    found = run.scan(paths)
    files = found.files
    logs, today = received_logs(files), today_in_vietnam()
    with closing(read_all(files, loaded, jobs or default_jobs())) as subs:  # see check's
        read = list(with_progress(subs, len(files)))
    where = str(run.targets_path)
    report = evaluate(loaded, read, targets_file=where, logs=logs, today=today)
    for line in [*later_lines(report, run.lang), *log_problem_lines(report, run.lang)]:
        say(line)
    scanned = [*found.problems, *(s.issue() for s in found.skipped)]
    progress = track_progress(
        loaded, term, read, targets_file=where, as_of=as_of, issues=scanned, logs=logs, today=today
    )
    rounds = [r for r in report.rounds if as_of is None or int(r[:4]) <= as_of]
    if as_of is not None and not rounds:
        no_rounds(run, as_of)
    drive = run.optional_drive
    if drive is None:
        return ReportView(progress, report, loaded, rounds, run.lang)
    periods = [p for p in rounds_of(report) if round_name(loaded, p) in rounds]
    ranking = None
    if periods and drive.calendar.deadline(periods[-1]) is not None:
        ranking = rank(loaded, drive, report, periods[-1], as_of=today)
    return ReportView(
        progress,
        report,
        loaded,
        rounds,
        run.lang,
        drive=drive,
        drive_file=str(run.drive_path),
        timeliness=round_statuses(loaded, drive, report, today, periods=periods),
        ranking=ranking,
    )
