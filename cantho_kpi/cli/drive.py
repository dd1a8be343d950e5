"""The emulation drive's commands: chase (who is late or missing), rank (the ranking per
cluster) and review (the review report's skeleton). They read the drive file beside the targets
file (data/drive.yaml)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOption,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    TargetsOption,
    fail,
    fail_with,
    own_inputs,
    parse_as_of,
    parse_period_option,
    stdout_console,
    targets_path,
    today,
)
from .reports import _checked
from .words import log_problem_lines, wrote_line

if TYPE_CHECKING:
    from ..domain import Lang, Period
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


def require_drive(targets: Path | None, lang: Lang = "en") -> DriveFile:
    """The drive file beside the targets file, valid, or exit 2 with its problems (a targets
    file that does not exist is said as such first)."""
    from ..errors import KpiError
    from ..files import present
    from ..output import issues_text
    from ..targets import INIT_HINT, drive_path, load_drive_cached

    main = targets_path(targets, lang)
    path = drive_path(main)
    if not present(path):
        fail(
            f"no drive file (drive.yaml) beside the targets file {main}: this command needs "
            "the drive's calendar and clusters; give --targets with a targets file that has one "
            f"beside it (see the README, 'The drive file'), or {INIT_HINT}"
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
    from ..files import present
    from ..targets import drive_path, load_drive_cached

    path = drive_path(targets_path(targets))
    if not present(path):
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
    drive file beside the targets file, as of the report's day (``--as-of``, else today)."""
    from ..report import launch_statuses, round_statuses

    drive = optional_drive(targets)
    if drive is None:
        return None
    day = report.as_of or today()
    return round_statuses(loaded, drive, report, day), launch_statuses(loaded, drive, day)


def export_drive_parts(
    report: Report, loaded: TargetsFile, targets: Path | None, lang: Lang
) -> DriveParts | None:
    """The ranking (latest round) and the calendar for the export, when there is a drive file;
    the lines under the ranking say whose rule it is."""
    from ..output import given_lines, reference_line, rule_line
    from ..report import launch_statuses, rank, round_statuses, rounds_of
    from ..workbooks import DriveParts

    drive = optional_drive(targets)
    rounds = rounds_of(report)
    if drive is None or not rounds:
        return None
    day = report.as_of or today()
    ranking = rank(loaded, drive, report, rounds[-1], as_of=day)
    shown = _drive_file(targets)
    notes = [reference_line(drive, ranking, lang), rule_line(drive, shown, ranking.plan, lang)]
    return DriveParts(
        ranking,
        round_statuses(loaded, drive, report, day),
        launch_statuses(loaded, drive, day),
        (*(n for n in notes if n), *given_lines(ranking, lang)),
    )


def _drive_file(targets: Path | None) -> str:
    """The drive file's path as the outputs name it (beside the targets file)."""
    from ..targets import drive_path

    return str(drive_path(targets_path(targets)))


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
        typer.Option(
            "--as-of",
            help="The day the list is made (default: today): a file received, or written, "
            "after it is not there yet.",
            metavar="DAY",
        ),
    ] = None,
    output_format: Annotated[
        ChaseFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table for people (the default); markdown, csv, json to send (with -o: "
            "from its suffix).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the list to this file (.csv, .json or .md) instead of the terminal.",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    force: ForceOption = False,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """List the units to chase for a round: not received after the deadline, late, or with
    figures missing or unreadable; what they owe and whom to call (contacts in the drive file).
    Units whose day of receipt is unknown are listed too, for the office to write it into
    received.csv (they are not chased for it).

    Exit 0 when nobody is to be chased, 1 when someone is, 2 on usage errors.

    Example: kpi chase data/submissions/2024-Q4 --as-of 2025-01-25 -o chase.csv
    """
    from ..output import chase_csv, chase_json, chase_markdown, draw_chase
    from ..report import chase_list, to_chase

    chosen = _chase_format(output_format, output)
    if output is not None:
        _check_output(output, force, targets, lang)  # at once, before the files are read
    drive = require_drive(targets, lang)
    given = parse_as_of(as_of)
    day = given or today()
    # with --round, a folder where nobody has sent anything yet is a list of everyone to chase
    report, loaded, files, _ = _checked(
        paths, None, jobs, targets, lang, allow_empty=round_ is not None, as_of=given
    )
    _say_log_problems(report, lang)
    period = _round(round_, report)
    _require_deadline(drive, loaded, period)
    items = chase_list(loaded, drive, report, period, day)
    if chosen is ChaseFormat.table:
        draw_chase(items, stdout_console(), lang)
    else:
        text = {
            ChaseFormat.json: lambda: chase_json(items, day),
            ChaseFormat.csv: lambda: chase_csv(items),
            ChaseFormat.markdown: lambda: chase_markdown(items, lang),
        }[chosen]()
        if output is None:
            sys.stdout.write(text)
        else:
            _write(output, text, force, own_inputs(targets, files, lang), lang)
            typer.echo(wrote_line(output, 0, lang), err=True)
    raise typer.Exit(EXIT_FINDINGS if to_chase(items) else EXIT_OK)


def _say_log_problems(report: Report, lang: Lang) -> None:
    """The problems of the offices' logs (received.csv), on stderr, as `kpi check` lists them."""
    for line in log_problem_lines(report, lang):
        typer.echo(line, err=True)


_CHASE_SUFFIXES = {".csv": ChaseFormat.csv, ".json": ChaseFormat.json, ".md": ChaseFormat.markdown}


def _chase_format(given: ChaseFormat | None, output: Path | None) -> ChaseFormat:
    """The format asked for; with ``-o`` and no ``--format``, the one its suffix names. A
    table is for the terminal: with ``-o`` it is a usage error."""
    if output is None:
        return given or ChaseFormat.table
    chosen = given or _CHASE_SUFFIXES.get(output.suffix.lower())
    if chosen is None or chosen is ChaseFormat.table:
        fail(
            f"{output}: the chase list is written to a file as CSV (.csv), JSON (.json) or "
            "Markdown (.md); name the file so, or give --format csv|json|markdown"
        )
    return chosen


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
    as_of: AsOfOption = None,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Rank the units of each cluster (cụm, khối thi đua) by their score for a round, with the
    breakdown; at the round of the final review, the reference list of candidates for the
    city's award. The scoring is the drive file's rule, not the plan's: every format says so.

    Exit 0, or 2 on usage errors.

    Example: kpi rank data/submissions/2024-Q4 --cluster so-ban-nganh
    """
    from ..output import draw_rank, rank_csv, rank_json, rank_markdown
    from ..report import rank

    drive = require_drive(targets, lang)
    if cluster is not None and not any(c.id == cluster for c in drive.clusters):
        known = ", ".join(c.id for c in drive.clusters)
        fail(f"unknown cluster {cluster!r}; the clusters are: {known}")
    given = parse_as_of(as_of)
    report, loaded, _, _ = _checked(paths, None, jobs, targets, lang, as_of=given)
    _say_log_problems(report, lang)
    period = _round(round_, report)
    _require_deadline(drive, loaded, period)
    ranking = rank(loaded, drive, report, period, cluster, as_of=given or today())
    if not ranking.clusters:
        fail(f"no cluster of the drive file is active in round {ranking.round}")
    shown = _drive_file(targets)
    if output_format is RankFormat.json:
        sys.stdout.write(rank_json(ranking, drive, shown, given))
    elif output_format is RankFormat.csv:
        sys.stdout.write(rank_csv(ranking, shown))
    elif output_format is RankFormat.markdown:
        sys.stdout.write(rank_markdown(ranking, drive, shown, lang))
    else:
        draw_rank(ranking, drive, shown, stdout_console(), lang)
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
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The data cut-off (2024-06-27 or 27/06/2024): a report received, or written, "
            "after it is left out; default: none (every file given).",
            metavar="DAY",
        ),
    ] = None,
    force: ForceOption = False,
    jobs: JobsOption = None,
    lang: LangOption = "vi",
    targets: TargetsOption = None,
) -> None:
    """Write the skeleton of the drive's review report (sơ kết, tổng kết) as Markdown
    (Vietnamese by default): the review's date and data cut-off; the units' launch documents;
    the city's 21 targets and their figures, those not met, the term totals, the progress
    toward 2025, the units' figures beside the city's averages, the units' reports, their
    final reports, the ranking for reference; the awards as the plan gives them (a reference
    list of candidates at the final review only); and marked places for what only people can
    write (direction, shortcomings, causes, lessons, next steps).

    Example: kpi review data/submissions --round 2024 --as-of 2025-01-27 -o tong-ket_2024.md
    """
    from ..output import ReviewData, review_markdown
    from ..report import build_review, round_name

    if output.suffix.lower() != ".md":
        fail(f"{output}: the output must be a Markdown file (.md)")
    _check_output(output, force, targets, lang)  # at once, before the files are read
    drive = require_drive(targets, lang)
    given = parse_as_of(as_of)
    report, loaded, files, _ = _checked(paths, None, jobs, targets, lang, as_of=given)
    _say_log_problems(report, lang)
    period = _round(round_, report)
    name = round_name(loaded, period)
    if name not in report.rounds:
        found = ", ".join(report.rounds) or "none"
        fail(f"no file of round {name} among these files (rounds found: {found})")
    review = build_review(loaded, drive, report, period, given)
    data = ReviewData(
        review,
        loaded,
        drive,
        _drive_file(targets),
        report.targets_file,
        city=loaded.city.name if loaded.city else "Thành phố",
    )
    _write(output, review_markdown(data, lang), force, own_inputs(targets, files, lang), lang)
    typer.echo(wrote_line(output, 0, lang), err=True)


def _check_output(output: Path, force: bool, targets: Path | None, lang: Lang) -> None:
    from ..errors import KpiError
    from ..files import check_output

    try:
        check_output(output, force=force, inputs=own_inputs(targets, lang=lang))
    except KpiError as exc:
        fail_with(exc, lang)


def _write(output: Path, text: str, force: bool, inputs: list[Path], lang: Lang) -> None:
    """``text`` written to ``output`` whole or not at all (UTF-8), never over an input."""
    from ..errors import KpiError
    from ..files import write_atomically

    try:
        write_atomically(output, lambda out: out.write(text.encode()), force=force, inputs=inputs)
    except KpiError as exc:
        fail_with(exc, lang)
