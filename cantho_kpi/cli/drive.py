"""The emulation drive's commands: chase (who is late or missing), rank (the ranking per
cluster) and review (the review report's skeleton). They read the drive file beside the targets
file (data/drive.yaml)."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    EXIT_FINDINGS,
    EXIT_OK,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    TargetsOption,
    fail,
    parse_period_option,
    stdout_console,
    targets_path,
)
from .reports import _checked
from .words import wrote_line

if TYPE_CHECKING:
    from ..domain import Period
    from ..report import LaunchStatus, Report, RoundStatus
    from ..targets import DriveFile, TargetsFile
    from ..workbooks import DriveParts

    Calendar = tuple[list[RoundStatus], list[LaunchStatus]]

RoundOption = Annotated[
    str | None,
    typer.Option(
        "--round",
        "-r",
        help="The reporting round (2024-Q2, 2024-H1, 2024); default: the latest in the files.",
        metavar="ROUND",
    ),
]


class ChaseFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


class RankFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def require_drive(targets: Path | None) -> DriveFile:
    """The drive file beside the targets file, valid, or exit 2 with its problems."""
    from ..errors import KpiError
    from ..output import issues_text
    from ..targets import drive_path, load_drive_cached

    main = targets_path(targets)
    path = drive_path(main)
    if not path.is_file():
        fail(
            f"no drive file (drive.yaml) beside the targets file {main}: this command needs "
            "the drive's calendar and clusters; give --targets with a targets file that has one "
            "beside it (see the README, 'The drive file')"
        )
    try:
        result = load_drive_cached(path, str(path))
    except KpiError as exc:
        fail(exc.message)
    if result.drive is None or not result.valid:
        typer.echo(issues_text(result.issues), err=True, nl=False)
        fail(f"{path}: the drive file is not valid; run: kpi validate-targets")
    return result.drive


def optional_drive(targets: Path | None) -> DriveFile | None:
    """The drive file beside the targets file when there is a valid one (for `kpi check` and
    `kpi export`, which work without it); an invalid one is said on stderr and left out."""
    from ..errors import KpiError
    from ..targets import drive_path, load_drive_cached

    path = drive_path(targets_path(targets))
    if not path.is_file():
        return None
    try:
        result = load_drive_cached(path, str(path))
    except KpiError as exc:
        typer.echo(f"kpi: {exc.message}; the calendar is left out", err=True)
        return None
    if result.drive is None or not result.valid:
        typer.echo(
            f"kpi: {path} is not valid, the calendar is left out; run: kpi validate-targets",
            err=True,
        )
        return None
    return result.drive


def check_calendar(report: Report, loaded: TargetsFile, targets: Path | None) -> Calendar | None:
    """The drive's timeliness per unit and round and its launch documents, when there is a
    drive file beside the targets file."""
    from ..report import launch_statuses, round_statuses

    drive = optional_drive(targets)
    if drive is None:
        return None
    return round_statuses(loaded, drive, report), launch_statuses(loaded, drive)


def export_drive_parts(
    report: Report, loaded: TargetsFile, targets: Path | None
) -> DriveParts | None:
    """The ranking (latest round) and the calendar for the export, when there is a drive file."""
    from ..report import launch_statuses, rank, round_statuses, rounds_of
    from ..workbooks import DriveParts

    drive = optional_drive(targets)
    rounds = rounds_of(report)
    if drive is None or not rounds:
        return None
    return DriveParts(
        rank(loaded, drive, report, rounds[-1]),
        round_statuses(loaded, drive, report),
        launch_statuses(loaded, drive),
    )


def _as_of(text: str | None) -> date:
    """The day given, else today in Cần Thơ (UTC+7)."""
    from ..submissions import parse_day

    if text is None:
        return datetime.now(UTC).astimezone(timezone(timedelta(hours=7))).date()
    day = parse_day(text)
    if day is None:
        raise typer.BadParameter(f"{text!r} is not a day; write 2025-01-21 or 21/01/2025")
    return day


def _round(text: str | None, report: Report) -> Period:
    from ..report import rounds_of
    from ..targets import drive_round_of

    if text is not None:
        return drive_round_of(parse_period_option(text))
    found = rounds_of(report)
    if not found:
        fail("no file says its period; give --round 2024-Q2")
    return found[-1]


def _require_deadline(drive: DriveFile, targets: TargetsFile, period: Period) -> None:
    """A round the drive file gives no deadline for cannot be chased or ranked: a usage error
    that says which rounds it does give."""
    from ..report import round_name

    if drive.calendar.deadline(period) is None:
        known = ", ".join(round_name(targets, r.period) for r in drive.calendar.rounds)
        fail(
            f"the drive file gives no deadline for round {round_name(targets, period)}; "
            f"its rounds: {known}"
        )


def chase_command(
    paths: PathsArgument,
    round_: RoundOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The day the list is made (default: today).", metavar="DAY"),
    ] = None,
    output_format: Annotated[
        ChaseFormat,
        typer.Option("--format", "-f", help="table for people; markdown, csv, json to send."),
    ] = ChaseFormat.table,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """List the units to chase for a round: not received after the deadline, late, or with
    figures missing or unreadable; what they owe and whom to call (contacts in the drive file).

    Exit 0 when nobody is to be chased, 1 when someone is, 2 on usage errors.

    Example: kpi chase data/submissions/2024-Q4 --as-of 2025-01-25
    """
    from ..output import chase_csv, chase_json, chase_markdown, draw_chase
    from ..report import chase_list

    drive = require_drive(targets)
    day = _as_of(as_of)
    # with --round, a folder where nobody has sent anything yet is a list of everyone to chase
    report, loaded, _ = _checked(paths, None, jobs, targets, lang, allow_empty=round_ is not None)
    period = _round(round_, report)
    _require_deadline(drive, loaded, period)
    items = chase_list(loaded, drive, report, period, day)
    if output_format is ChaseFormat.json:
        sys.stdout.write(chase_json(items, day))
    elif output_format is ChaseFormat.csv:
        sys.stdout.write(chase_csv(items))
    elif output_format is ChaseFormat.markdown:
        sys.stdout.write(chase_markdown(items, lang))
    else:
        draw_chase(items, stdout_console(), lang)
    raise typer.Exit(EXIT_FINDINGS if items else EXIT_OK)


def rank_command(
    paths: PathsArgument,
    round_: RoundOption = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", "-c", help="Only this cluster (its id).", metavar="ID"),
    ] = None,
    output_format: Annotated[
        RankFormat,
        typer.Option("--format", "-f", help="table for people; json, csv, markdown for scripts."),
    ] = RankFormat.table,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Rank the units of each cluster (cụm, khối thi đua) by their score for a round, with the
    breakdown and the units proposed for an award. The rule is in the drive file.

    Exit 0, or 2 on usage errors.

    Example: kpi rank data/submissions/2024-Q4 --cluster so-ban-nganh
    """
    from ..output import draw_rank, rank_csv, rank_json, rank_markdown
    from ..report import rank

    drive = require_drive(targets)
    if cluster is not None and not any(c.id == cluster for c in drive.clusters):
        known = ", ".join(c.id for c in drive.clusters)
        fail(f"unknown cluster {cluster!r}; the clusters are: {known}")
    report, loaded, _ = _checked(paths, None, jobs, targets, lang)
    period = _round(round_, report)
    _require_deadline(drive, loaded, period)
    ranking = rank(loaded, drive, report, period, cluster)
    if not ranking.clusters:
        fail(f"no cluster of the drive file is active in round {ranking.round}")
    if output_format is RankFormat.json:
        sys.stdout.write(rank_json(ranking, drive))
    elif output_format is RankFormat.csv:
        sys.stdout.write(rank_csv(ranking))
    elif output_format is RankFormat.markdown:
        sys.stdout.write(rank_markdown(ranking, lang))
    else:
        draw_rank(ranking, stdout_console(), lang)
    raise typer.Exit(EXIT_OK)


def review_command(
    paths: PathsArgument,
    round_: Annotated[
        str, typer.Option("--round", "-r", help="The round under review: 2024-H1, 2024.")
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The Markdown file to write (.md).", metavar="FILE"),
    ],
    force: ForceOption = False,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Write the skeleton of the drive's review report as Markdown (Vietnamese by default):
    targets met, a marked place for the progress statement, units late or missing, the ranking
    per cluster and the award proposals.

    Example: kpi review data/submissions/2024-Q4 --round 2024 -o bao-cao-tong-ket_2024.md
    """
    from ..domain import round_of
    from ..output import ReviewData, review_markdown
    from ..report import launch_statuses, progress_of_report, rank, round_statuses

    if output.suffix.lower() != ".md":
        fail(f"{output}: the output must be a Markdown file (.md)")
    if output.exists() and not force:
        fail(f"{output} exists; give --force to replace it")
    drive = require_drive(targets)
    report, loaded, _ = _checked(paths, None, jobs, targets, lang)
    period = _round(round_, report)
    name = str(round_of(period, loaded.rounds))
    if name not in report.rounds:
        fail(
            f"no file of round {name} among these files (rounds found: {', '.join(report.rounds)})"
        )
    data = ReviewData(
        drive,
        report.for_round(name),
        round_statuses(loaded, drive, report, periods=[period]),
        launch_statuses(loaded, drive),
        rank(loaded, drive, report, period),
        final=period.last_month % 12 == 11,
        city=loaded.city.name if loaded.city else "Thành phố",
        progress=progress_of_report(loaded, report),
    )
    try:
        output.write_text(review_markdown(data, lang), encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror}")
    typer.echo(wrote_line(output, 0, lang), err=True)
