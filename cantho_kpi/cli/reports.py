"""The commands that read submissions: check and export.

Registered on the app by :mod:`.app`; they parse their options, call the core, print, exit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from .exits import EXIT_INTERRUPTED, say_interrupted
from .options import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOption,
    FailOn,
    FailOnOption,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    PeriodOption,
    TargetsOption,
    fail,
    fail_with,
    own_inputs,
    parse_as_of,
    parse_period_option,
    require_targets,
    stdout_console,
    targets_path,
    today,
)
from .words import later_lines, no_files_line, no_path_line, skipped_lines, wrote_line

if TYPE_CHECKING:
    from ..domain import Lang
    from ..errors import Issue
    from ..report import Report
    from ..submissions import Scan, Submission
    from ..targets import TargetsFile
    from .drive import Calendar


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def check_command(
    paths: PathsArgument,
    period: PeriodOption = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Only this unit: its indicators, in every format; the exit code follows its "
            "files alone.",
            metavar="CODE",
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            "-d",
            help="Show every unit's indicators (table only; json, csv and "
            "markdown always carry them).",
        ),
    ] = False,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="table for people; json, csv, markdown for scripts."),
    ] = CheckFormat.table,
    fail_on: FailOnOption = None,
    as_of: AsOfOption = None,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Check a quarter's submissions: broken files, missing units, and each target's status.

    Exit 0 when every file was read and is valid, 1 when any is invalid or unreadable (or on
    the statuses named by --fail-on), 2 on usage errors.

    Example: kpi check data/submissions/2024-Q2 --unit NK
    """
    wanted = _check_options(unit, detail, output_format, fail_on)
    day = parse_as_of(as_of)
    with _interruptible():
        report, loaded, _, folders = _checked(paths, period, jobs, targets, lang, as_of=day)
        from .drive import check_calendar

        calendar = check_calendar(report, loaded, targets)
        if wanted is not None:
            report = report.for_unit(wanted)
            if not report.submissions:
                typer.echo(_no_file_line(wanted, report, loaded), err=True)
            calendar = _calendar_of(calendar, wanted)
        _print_report(report, loaded, output_format, lang, wanted, detail, calendar)
    raise typer.Exit(_exit_code(report, fail_on or [FailOn.invalid], folders))


def _no_file_line(code: str, report: Report, loaded: TargetsFile) -> str:
    """--unit names a unit with no file here: its report is missing (a finding with
    --fail-on missing, as for the whole folder) or not due; a code that is no unit is a usage
    error."""
    unit = loaded.unit(code)
    if unit is None:
        known = ", ".join(u.code for u in loaded.reporting_units)
        fail(f"unknown unit {code!r}; the units are: {known}")
    said = f"kpi: {code} ({unit.name}) sent no file among these"
    rounds = sorted({m.round or m.period for m in report.missing_units})
    if rounds:
        return f"{said}: its report for {', '.join(rounds)} is missing"
    return f"{said}, and none is due from it for their rounds"


def _calendar_of(calendar: Calendar | None, code: str) -> Calendar | None:
    """The drive's timeliness and launch document of one unit."""
    if calendar is None:
        return None
    rounds, launch = calendar
    return [r for r in rounds if r.unit_code == code], [d for d in launch if d.unit_code == code]


def _check_options(
    unit: str | None, detail: bool, output_format: CheckFormat, fail_on: list[FailOn] | None
) -> str | None:
    """Refuse combinations that would mean nothing; the unit asked for, normalised."""
    if detail and output_format is not CheckFormat.table:
        fail(
            f"--detail applies to the table only, not to --format {output_format.value}; "
            "json and csv always carry every unit's results, --unit CODE keeps one unit"
        )
    _check_fail_on(fail_on)
    return unit.strip().upper() if unit else None


def _check_fail_on(fail_on: list[FailOn] | None) -> None:
    if fail_on and FailOn.never in fail_on and len(set(fail_on)) > 1:
        fail("--fail-on never cannot be combined with another --fail-on value")


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C: one line on stderr and exit 130; workers are stopped by the pool, and an output
    workbook is written through a temporary file, so nothing partial is left behind."""
    try:
        yield
    except KeyboardInterrupt:
        say_interrupted()
        raise typer.Exit(EXIT_INTERRUPTED) from None


def export_command(
    paths: PathsArgument,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The workbook to write (.xlsx).",
            show_default=False,
            metavar="FILE",
        ),
    ],
    period: PeriodOption = None,
    force: ForceOption = False,
    fail_on: FailOnOption = None,
    as_of: AsOfOption = None,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Write a summary workbook ready for an official report.

    Sheets: Tổng hợp (units by indicators, coloured by status), Chi tiết, Cộng dồn (the
    roll-ups into the city's figures, when any), Vấn đề, Chỉ tiêu and Biểu đồ; with a drive
    file beside the targets file, also Xếp hạng thi đua (the ranking of
    the latest round) and Thời hạn nộp (on time, late or missing per unit). The workbook is
    written even when some submissions are invalid (their problems are in Vấn đề); the exit
    code follows --fail-on as for kpi check.

    Example: kpi export data/submissions/2024-Q2 -o tong-hop_2024-Q2.xlsx
    """
    from ..errors import KpiError
    from ..files import check_output
    from ..workbooks import write_export

    _check_fail_on(fail_on)
    if output.suffix.lower() != ".xlsx":
        fail(f"{output}: the output must be an .xlsx file")
    day = parse_as_of(as_of)
    try:  # before the files are read: a wrong output is said at once
        check_output(output, force=force, inputs=own_inputs(targets, lang=lang))
    except KpiError as exc:
        fail_with(exc, lang)
    with _interruptible():
        report, loaded, files, folders = _checked(paths, period, jobs, targets, lang, as_of=day)
        from .drive import export_drive_parts

        drive = export_drive_parts(report, loaded, targets, lang)
        inputs = own_inputs(targets, files, lang)
        try:
            write_export(report, loaded, output, inputs=inputs, lang=lang, force=force, drive=drive)
        except KpiError as exc:
            fail_with(exc, lang)
    typer.echo(wrote_line(output, report.invalid_files, lang), err=True)
    raise typer.Exit(_exit_code(report, fail_on or [FailOn.invalid], folders))


class Checked(NamedTuple):
    """What reading and judging the submissions under some paths gave."""

    report: Report
    targets: TargetsFile
    files: list[Path]
    #: Folders the scan could not read, or that lay too deep (said on stderr): a finding.
    folders: list[Issue]


def _checked(
    paths: list[Path],
    period: str | None,
    jobs: int | None,
    targets: Path | None,
    lang: Lang,
    *,
    allow_empty: bool = False,
    as_of: date | None = None,
) -> Checked:
    """Read and evaluate the submissions under ``paths`` (shared by every command that reads
    them), with the offices' logs of their folders, as of ``as_of`` (default: today, without
    leaving anything out)."""
    from ..report import Evaluation
    from ..submissions import default_jobs, read_all, received_logs

    loaded = require_targets(targets, lang)
    when = parse_period_option(period) if period else None
    files, folders = _submission_files(paths, lang, allow_empty)
    evaluation = Evaluation(
        loaded,
        targets_file=str(targets_path(targets)),
        period=when,
        keep_values=False,
        logs=received_logs(files),
        today=today(),
        as_of=as_of,
    )
    # closed on any exit (Ctrl-C, SIGTERM): the workers are ended then, not when the
    # interpreter is shutting down
    with closing(read_all(files, loaded, jobs or default_jobs())) as subs:
        for sub in _with_progress(subs, len(files)):
            evaluation.add(sub)  # while the workers read the next files
    report = evaluation.report()
    for line in later_lines(report, lang):
        typer.echo(line, err=True)
    if when is not None and files and not report.file_rounds and not report.later:
        fail(_no_file_of_round(report, loaded))
    return Checked(report, loaded, files, folders)


def _no_file_of_round(report: Report, targets: TargetsFile) -> str:
    """``--period`` names a round none of the files is for: a usage error that says which
    rounds the files are for."""
    from ..domain import parse_period, round_of

    periods = [parse_period(s.period) for s in report.submissions if s.period]
    found = sorted({str(round_of(p, targets.rounds)) for p in periods if p is not None})
    there = f" (their rounds: {', '.join(found)})" if found else ""
    return f"no file of round {report.rounds[0]} among these files{there}"


def _submission_files(
    paths: list[Path], lang: Lang, allow_empty: bool = False
) -> tuple[list[Path], list[Issue]]:
    """The submissions under ``paths``, and the folders that could not be scanned; what a
    folder holds besides, and those folders, are said once, on stderr. No file at all is a
    usage error, unless ``allow_empty`` (nobody sent anything: a finding)."""
    found = scan_paths(paths, lang)
    if not found.files and not allow_empty:
        fail(no_files_line(paths, len(found.skipped), lang))
    return found.files, found.problems


def scan_paths(paths: list[Path], lang: Lang) -> Scan:
    """The scan of ``paths`` (folders with their subfolders); a path that does not exist is a
    usage error; skipped files and folders that could not be read are said on stderr, a line
    each."""
    from ..submissions import scan

    for path in paths:
        if not path.exists():
            fail(no_path_line(path, lang))
    found = scan(paths, recursive=True)  # a folder of rounds: a section per round
    for line in skipped_lines(found.skipped, lang):
        typer.echo(line, err=True)
    for problem in found.problems:
        typer.echo(f"kpi: {problem.location}: {problem.code}: {problem.text(lang)}", err=True)
    return found


def _with_progress(items: Iterator[Submission], total: int) -> Iterator[Submission]:
    """A progress bar on stderr for long runs in a terminal; silent when piped."""
    if total < 20 or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Đọc tệp / reading", total=total)
        for item in items:
            progress.advance(task)
            yield item


def _print_report(
    report: Report,
    targets: TargetsFile,
    output_format: CheckFormat,
    lang: Lang,
    unit: str | None,
    detail: bool,
    calendar: Calendar | None = None,
) -> None:
    from ..output import calendar_dict, check_csv, check_json_chunks, check_markdown, draw_check

    if output_format is CheckFormat.json:
        extra = calendar_dict(*calendar) if calendar is not None else None
        sys.stdout.writelines(check_json_chunks(report, extra))
    elif output_format is CheckFormat.csv:
        sys.stdout.write(check_csv(report))
    elif output_format is CheckFormat.markdown:
        sys.stdout.write(check_markdown(report, targets, lang, unit=unit))
    else:
        draw_check(report, targets, stdout_console(), lang, unit=unit, detail=detail)
        if calendar is not None and unit is None and len(report.submissions) > 1:
            from ..output import draw_calendar

            draw_calendar(*calendar, stdout_console(), lang)


def _exit_code(report: Report, fail_on: list[FailOn], folders: Sequence[Issue] = ()) -> int:
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
