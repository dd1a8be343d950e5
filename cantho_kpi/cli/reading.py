"""Reading and judging a folder of submissions, shared by every command that does it (check,
export, chase, rank, review): the files read in worker processes and judged as they come, the
drive's calendar beside them, Ctrl-C and signals, and the exit code of findings."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import typer

from ..catalog import Lang, tr
from .exits import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, interrupted_line, say_interrupted
from .options import FailOn
from .run import Run, fail, say
from .words import later_lines, log_problem_lines

if TYPE_CHECKING:
    from ..domain import Period
    from ..errors import Issue
    from ..report import LaunchStatus, Report, RoundStatus
    from ..submissions import Submission
    from ..workbooks import DriveParts

    Calendar = tuple[list[RoundStatus], list[LaunchStatus]]


class Checked(NamedTuple):
    """What reading and judging the submissions under some paths gave."""

    report: Report
    files: list[Path]
    #: Folders the scan could not read, or that lay too deep (said on stderr): a finding.
    folders: list[Issue]


def read_and_judge(
    run: Run,
    paths: list[Path],
    *,
    period: Period | None = None,
    jobs: int | None = None,
    as_of: date | None = None,
    allow_empty: bool = False,
    say_logs: bool = False,
) -> Checked:
    """Read and evaluate the submissions under ``paths``, with the offices' logs of their
    folders, as of ``as_of`` (default: today, without leaving anything out). The files left
    out as not yet arrived are said on stderr; so are the problems of the logs with
    ``say_logs`` (the commands whose output does not list them)."""
    from ..report import Evaluation
    from ..submissions import default_jobs, read_all, received_logs, today_in_vietnam

    targets = run.targets
    found = run.scan(paths, allow_empty=allow_empty)
    files = found.files
    evaluation = Evaluation(
        targets,
        targets_file=str(run.targets_path),
        period=period,
        keep_values=False,
        logs=received_logs(files),
        today=today_in_vietnam(),
        as_of=as_of,
    )
    # closed on any exit (Ctrl-C, SIGTERM): the workers are ended then, not when the
    # interpreter is shutting down
    with closing(read_all(files, targets, jobs or default_jobs())) as subs:
        for sub in with_progress(subs, len(files), run.lang):
            evaluation.add(sub)  # while the workers read the next files
    report = evaluation.report()
    for line in later_lines(report, run.lang):
        say(line)
    for line in log_problem_lines(report, run.lang) if say_logs else []:
        say(line)
    if period is not None and files and not report.file_rounds and not report.later:
        fail(_no_file_of_round(report, run))
    return Checked(report, files, found.problems)


def _no_file_of_round(report: Report, run: Run) -> str:
    """``--period`` names a round none of the files is for: a usage error that says which
    rounds the files are for."""
    from ..domain import parse_period, round_of

    periods = [parse_period(s.period) for s in report.submissions if s.period]
    rounds = sorted({str(round_of(p, run.targets.rounds)) for p in periods if p is not None})
    from ..catalog import tr
    from .run import suggestion

    wanted = report.rounds[0]
    said = tr(run.lang, "no file of round {round} among these files", round=wanted)
    if rounds:
        said += suggestion(wanted, rounds, run.lang) if len(rounds) > 1 else ""
        said += tr(run.lang, " (their rounds: {rounds})", rounds=", ".join(rounds))
    return said


def with_progress(
    items: Iterator[Submission], total: int, lang: Lang = "vi"
) -> Iterator[Submission]:
    """A progress bar on stderr for long runs in a terminal; silent when piped."""
    if total < 20 or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(tr(lang, "reading"), total=total)
        for item in items:
            progress.advance(task)
            yield item


@contextmanager
def interruptible(lang: Lang = "vi") -> Iterator[None]:
    """Ctrl-C: one line on stderr in ``lang`` and exit 130; workers are stopped by the pool,
    and an output is written through a temporary file, so nothing partial is left behind."""
    try:
        yield
    except KeyboardInterrupt:
        say_interrupted(interrupted_line(lang))
        raise typer.Exit(EXIT_INTERRUPTED) from None


def exit_code(report: Report, fail_on: list[FailOn], folders: Sequence[Issue] = ()) -> int:
    """1 on the findings ``fail_on`` names; a folder that could not be read hides files, so it
    is a finding too (unless ``never``)."""
    from ..domain import Status

    if FailOn.never in fail_on:
        return EXIT_OK
    failed = report.failing_files > 0 or bool(folders)
    if FailOn.not_met in fail_on:
        failed = failed or report.count(Status.NOT_MET) > 0
    if FailOn.missing in fail_on:
        failed = failed or report.count(Status.MISSING) > 0 or bool(report.missing_units)
    return EXIT_FINDINGS if failed else EXIT_OK


# -- the drive's calendar beside a report --------------------------------------------------


def check_calendar(run: Run, report: Report) -> Calendar | None:
    """The drive's timeliness per unit and round and its launch documents, when there is a
    drive file beside the targets file, as of the report's day (``--as-of``, else today)."""
    from ..report import launch_statuses, round_statuses
    from ..submissions import today_in_vietnam

    drive = run.optional_drive
    if drive is None:
        return None
    day = report.as_of or today_in_vietnam()
    return round_statuses(run.targets, drive, report, day), launch_statuses(run.targets, drive, day)


def export_drive_parts(run: Run, report: Report) -> DriveParts | None:
    """The ranking (latest round) and the calendar for the export, when there is a drive file;
    the lines under the ranking say whose rule it is."""
    from ..output import given_lines, reference_line, rule_line
    from ..report import launch_statuses, rank, round_statuses, rounds_of
    from ..submissions import today_in_vietnam
    from ..workbooks import DriveParts

    drive = run.optional_drive
    rounds = rounds_of(report)
    if drive is None or not rounds:
        return None
    targets, lang = run.targets, run.lang
    day = report.as_of or today_in_vietnam()
    ranking = rank(targets, drive, report, rounds[-1], as_of=day)
    notes = [
        reference_line(drive, ranking, lang),
        rule_line(drive, str(run.drive_path), ranking.plan, lang),
    ]
    return DriveParts(
        ranking,
        round_statuses(targets, drive, report, day),
        launch_statuses(targets, drive, day),
        (*(n for n in notes if n), *given_lines(ranking, lang)),
    )
