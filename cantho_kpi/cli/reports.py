"""The commands that read submissions or write workbooks: check, export, template.

Registered on the app by :mod:`.app`; they parse their options, call the core, print, exit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    EXIT_FINDINGS,
    EXIT_OK,
    FailOn,
    FailOnOption,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    PeriodOption,
    TargetsOption,
    fail,
    parse_period_option,
    require_targets,
    stdout_console,
    targets_path,
)

if TYPE_CHECKING:
    from ..domain import Lang, Period
    from ..report import Report
    from ..submissions import Submission
    from ..targets import ReportingUnit, TargetsFile


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
        typer.Option("--unit", "-u", help="Show this unit's indicators.", metavar="CODE"),
    ] = None,
    detail: Annotated[
        bool, typer.Option("--detail", "-d", help="Show every unit's indicators.")
    ] = False,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="table for people; json, csv, markdown for scripts."),
    ] = CheckFormat.table,
    fail_on: FailOnOption = None,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Check a quarter's submissions: broken files, missing units, and each target's status.

    Exit 0 when every file was read and is valid, 1 when any is invalid or unreadable (or on
    the statuses named by --fail-on), 2 on usage errors.

    Example: kpi check data/submissions/2024-Q2 --unit NK
    """
    with _interruptible():
        report, loaded, _ = _checked(paths, period, jobs, targets)
        _print_report(report, loaded, output_format, lang, unit, detail)
    raise typer.Exit(_exit_code(report, fail_on or [FailOn.invalid]))


#: The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C: one line on stderr and exit 130; workers are stopped by the pool, and an output
    workbook is written through a temporary file, so nothing partial is left behind."""
    try:
        yield
    except KeyboardInterrupt:
        typer.echo("kpi: interrupted by Ctrl-C; the run was stopped", err=True)
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
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Write a summary workbook ready for an official report.

    Sheets: Tổng hợp (units by indicators, coloured by status), Chi tiết, Vấn đề, Chỉ tiêu and
    Biểu đồ. The workbook is written even when some submissions are invalid (their problems are
    in Vấn đề); the exit code follows --fail-on as for kpi check.

    Example: kpi export data/submissions/2024-Q2 -o tong-hop_2024-Q2.xlsx
    """
    from ..errors import KpiError
    from ..workbooks import write_export

    if output.suffix.lower() != ".xlsx":
        fail(f"{output}: the output must be an .xlsx file")
    with _interruptible():
        report, loaded, files = _checked(paths, period, jobs, targets)
        try:
            write_export(report, loaded, output, inputs=files, lang=lang, force=force)
        except KpiError as exc:
            fail(exc.message)
    invalid = report.invalid_files
    extra = f"; {invalid} file(s) with errors, see the problems sheet" if invalid else ""
    typer.echo(f"wrote {output}{extra}", err=True)
    raise typer.Exit(_exit_code(report, fail_on or [FailOn.invalid]))


def _checked(
    paths: list[Path], period: str | None, jobs: int | None, targets: Path | None
) -> tuple[Report, TargetsFile, list[Path]]:
    """Read and evaluate the submissions under ``paths`` (shared by check and export)."""
    from ..report import Evaluation
    from ..submissions import default_jobs, read_all

    loaded = require_targets(targets)
    when = parse_period_option(period) if period else None
    files = _submission_files(paths)
    evaluation = Evaluation(
        loaded, targets_file=str(targets_path(targets)), period=when, keep_values=False
    )
    for sub in _with_progress(read_all(files, loaded, jobs or default_jobs()), len(files)):
        evaluation.add(sub)  # while the workers read the next files
    return evaluation.report(), loaded, files


def _submission_files(paths: list[Path]) -> list[Path]:
    from ..submissions import discover

    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    files = discover(paths)
    if not files:
        fail(f"no submission files (.xlsx, .csv) in {', '.join(map(str, paths))}")
    return files


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
) -> None:
    from ..output import check_csv, check_json_chunks, check_markdown, draw_check

    if output_format is CheckFormat.json:
        sys.stdout.writelines(check_json_chunks(report))
    elif output_format is CheckFormat.csv:
        sys.stdout.write(check_csv(report))
    elif output_format is CheckFormat.markdown:
        sys.stdout.write(check_markdown(report, targets, lang))
    else:
        wanted = unit.strip().upper() if unit else None
        if wanted and not any(s.unit_code == wanted for s in report.submissions):
            fail(f"no submission from unit {unit!r} among these files")
        draw_check(report, targets, stdout_console(), lang, unit=wanted, detail=detail)


def _exit_code(report: Report, fail_on: list[FailOn]) -> int:
    from ..domain import Status

    if FailOn.never in fail_on:
        return EXIT_OK
    failed = report.invalid_files > 0
    if FailOn.not_met in fail_on:
        failed = failed or report.count(Status.NOT_MET) > 0
    if FailOn.missing in fail_on:
        failed = failed or report.count(Status.MISSING) > 0 or bool(report.missing_units)
    return EXIT_FINDINGS if failed else EXIT_OK


def template_command(
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help="Unit code, e.g. NK.", show_default=False, metavar="CODE"
        ),
    ] = None,
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="Reporting period: 2024-Q2, 2024-H1, 2024.", metavar="PERIOD"
        ),
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default UNIT_PERIOD.xlsx); with --all-units, a folder.",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    all_units: Annotated[
        bool, typer.Option("--all-units", help="One workbook per unit active in the period.")
    ] = False,
    force: ForceOption = False,
    targets: TargetsOption = None,
) -> None:
    """Write the official submission workbook for a unit and period.

    The workbook has the unit's metadata, one row per indicator with its target, a value
    column that accepts decimal numbers only, and a "Hướng dẫn" sheet explaining how to fill it.

    Example: kpi template --unit NK --period 2024-Q2 -o NK_2024-Q2.xlsx
    """
    from ..errors import KpiError
    from ..workbooks import write_template

    if not period:
        fail("--period is required, e.g. --period 2024-Q2")
    when = parse_period_option(period)
    loaded = require_targets(targets)
    units = _template_units(loaded, unit, all_units, when)
    folder = output if all_units and output is not None else Path(".")
    if all_units:
        folder.mkdir(parents=True, exist_ok=True)
    for one in units:
        path = folder / f"{one.code}_{when}.xlsx" if all_units or output is None else output
        try:
            write_template(loaded, one, when, path, force)
        except KpiError as exc:
            fail(exc.message)
        typer.echo(f"wrote {path}", err=True)


def _template_units(
    targets: TargetsFile, code: str | None, all_units: bool, when: Period
) -> list[ReportingUnit]:
    if all_units == (code is not None):
        fail("give either --unit CODE or --all-units")
    if all_units:
        return [u for u in targets.reporting_units if u.active_in(when)]
    found = targets.unit((code or "").strip().upper())
    if found is None:
        known = ", ".join(u.code for u in targets.reporting_units)
        fail(f"unknown unit {code!r}; the units are: {known}")
    return [found]
