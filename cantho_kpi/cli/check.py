"""The commands that check a folder of submissions: check (to the terminal or a script) and
export (a summary workbook). Registered on the app by :mod:`.root`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..catalog import tr
from .options import (
    AsOfOption,
    CheckFormatOption,
    FailOn,
    FailOnOption,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    PeriodOption,
    TargetsOption,
    output_option,
)
from .reading import (
    check_calendar,
    exit_code,
    export_drive_parts,
    interruptible,
    read_and_judge,
)
from .run import Run, fail, fail_with, say
from .words import wrote_line

if TYPE_CHECKING:
    from ..domain import Lang
    from ..report import Report
    from ..targets import TargetsFile
    from .reading import Calendar


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
    output_format: CheckFormatOption = "table",
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
    from ..output import CheckView, get_format

    run = Run(lang, targets)
    chosen = run.format("check", output_format)
    if detail and chosen != "table":
        fail(
            tr(
                lang,
                "--detail applies to the table only, not to --format {format}; json and csv "
                "always carry every unit's results, --unit CODE keeps one unit",
                format=chosen,
            )
        )
    _check_fail_on(fail_on, lang)
    wanted, when, day = run.unit(unit), run.period(period), run.day(as_of)
    with interruptible(lang):
        report, _, folders = read_and_judge(run, paths, period=when, jobs=jobs, as_of=day)
        calendar = check_calendar(run, report)
        if wanted is not None:
            report = report.for_unit(wanted)
            if not report.submissions:
                say(_no_file_line(wanted, report, run.targets, lang))
            calendar = _calendar_of(calendar, wanted)
        view = CheckView(report, run.targets, lang, wanted, detail, calendar)
        get_format("check", chosen).write(view, sys.stdout)
    raise typer.Exit(exit_code(report, fail_on or [FailOn.invalid], folders))


def _no_file_line(code: str, report: Report, loaded: TargetsFile, lang: Lang) -> str:
    """--unit names a unit with no file here: its report is missing (a finding with
    --fail-on missing, as for the whole folder) or not due."""
    unit = loaded.unit(code)
    assert unit is not None  # Run.unit knows it
    rounds = sorted({m.round or m.period for m in report.missing_units})
    if rounds:
        return "kpi: " + tr(
            lang,
            "{unit} ({name}) sent no file among these: its report for {rounds} is missing",
            unit=code,
            name=unit.name,
            rounds=", ".join(rounds),
        )
    return "kpi: " + tr(
        lang,
        "{unit} ({name}) sent no file among these, and none is due from it for their rounds",
        unit=code,
        name=unit.name,
    )


def _calendar_of(calendar: Calendar | None, code: str) -> Calendar | None:
    """The drive's timeliness and launch document of one unit."""
    if calendar is None:
        return None
    rounds, launch = calendar
    return [r for r in rounds if r.unit_code == code], [d for d in launch if d.unit_code == code]


def _check_fail_on(fail_on: list[FailOn] | None, lang: Lang) -> None:
    if fail_on and FailOn.never in fail_on and len(set(fail_on)) > 1:
        fail(tr(lang, "--fail-on never cannot be combined with another --fail-on value"))


def export_command(
    paths: PathsArgument,
    output: Annotated[Path, output_option(help="The workbook to write (.xlsx).")],
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
    roll-ups into the city's figures), Vấn đề, Chỉ tiêu and Biểu đồ; with a drive file beside
    the targets file, also Xếp hạng thi đua (the ranking of the latest round) and Thời hạn nộp
    (on time, late or missing per unit). The workbook is written even when some submissions
    are invalid (their problems are in Vấn đề); the exit code follows --fail-on as for kpi
    check.

    Example: kpi export data/submissions/2024-Q2 -o tong-hop_2024-Q2.xlsx
    """
    from ..errors import KpiError
    from ..workbooks import write_export

    run = Run(lang, targets)
    _check_fail_on(fail_on, lang)
    run.output(output, force=force, suffixes=(".xlsx",))  # at once, before the files are read
    when, day = run.period(period), run.day(as_of)
    with interruptible(lang):
        report, files, folders = read_and_judge(run, paths, period=when, jobs=jobs, as_of=day)
        drive = export_drive_parts(run, report)
        inputs = run.inputs(files)
        try:
            write_export(
                report, run.targets, output, inputs=inputs, lang=lang, force=force, drive=drive
            )
        except KpiError as exc:
            fail_with(exc, lang)
    say(wrote_line(output, report.invalid_files, lang))
    raise typer.Exit(exit_code(report, fail_on or [FailOn.invalid], folders))
