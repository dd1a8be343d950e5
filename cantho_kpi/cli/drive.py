"""The emulation drive's commands: chase (who is late or missing), rank (the ranking per
cluster) and review (the review report's skeleton). They read the drive file beside the targets
file (data/drive.yaml). Registered on the app by :mod:`.root`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..catalog import tr
from .exits import EXIT_FINDINGS, EXIT_OK
from .options import (
    AsOfOption,
    ForceOption,
    JobsOption,
    LangOption,
    PathsArgument,
    RankFormatOption,
    TargetsOption,
    format_help,
    output_option,
)
from .reading import read_and_judge
from .run import Run, emit, fail, file_format, suggestion

if TYPE_CHECKING:
    from ..domain import Period
    from ..report import Report

RoundOption = Annotated[
    str | None,
    typer.Option(
        "--round",
        "-r",
        help="The reporting round (2024-Q2, 2024-H1, 2024); default: the latest in the files.",
        metavar="ROUND",
    ),
]
ToFileFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="With -o: from the file's suffix when not given.",
        show_default=False,
        metavar="FORMAT",
    ),
]


def _round(run: Run, text: str | None, report: Report) -> Period:
    """The round asked for, else the latest of the files; one the drive file gives no
    deadline for cannot be chased or ranked: a usage error that says which rounds it gives."""
    from ..report import round_name, rounds_of
    from ..targets import drive_round_of

    if text is not None:
        when = run.period(text)
        assert when is not None
        period = drive_round_of(when)
    else:
        found = rounds_of(report)
        if not found:
            fail(tr(run.lang, "no file says its period; give --round 2024-Q2"))
        period = found[-1]
    calendar = run.drive.calendar
    if calendar.deadline(period) is None:
        known = ", ".join(round_name(run.targets, r.period) for r in calendar.rounds)
        fail(
            tr(
                run.lang,
                "the drive file gives no deadline for round {round}; its rounds: {rounds}",
                round=round_name(run.targets, period),
                rounds=known,
            )
        )
    return period


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
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=format_help("chase", "table; with -o: from its suffix"),
            show_default=False,
            metavar="table|markdown|json|csv",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option(
            help="Write the list to this file (.csv, .json or .md) instead of the terminal."
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
    from ..output import ChaseView
    from ..report import chase_list, to_chase
    from ..submissions import today_in_vietnam

    run = Run(lang, targets)
    chosen = file_format(run, "chase", output_format, output)
    if output is not None:  # at once, before the files are read
        run.output(output, force=force, suffixes=(output.suffix.lower(),))
    drive, given = run.drive, run.day(as_of)
    day = given or today_in_vietnam()
    # with --round, a folder where nobody has sent anything yet is a list of everyone to chase
    report = read_and_judge(
        run, paths, jobs=jobs, as_of=given, allow_empty=round_ is not None, say_logs=True
    ).report
    period = _round(run, round_, report)
    items = chase_list(run.targets, drive, report, period, day)
    emit(run, "chase", chosen, ChaseView(items, day, lang), output, force=force)
    raise typer.Exit(EXIT_FINDINGS if to_chase(items) else EXIT_OK)


def rank_command(
    paths: PathsArgument,
    round_: RoundOption = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", "-c", help="Only this cluster (its id).", metavar="ID"),
    ] = None,
    output_format: RankFormatOption = "table",
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
    from ..output import RankView
    from ..report import rank
    from ..submissions import today_in_vietnam

    run = Run(lang, targets)
    chosen = run.format("rank", output_format)
    drive = run.drive
    known = [c.id for c in drive.clusters]
    if cluster is not None and cluster not in known:
        fail(
            tr(
                lang,
                "unknown cluster {cluster}{suggestion}; the clusters are: {clusters}",
                cluster=repr(cluster),
                suggestion=suggestion(cluster, known, lang),
                clusters=", ".join(known),
            )
        )
    given = run.day(as_of)
    report = read_and_judge(run, paths, jobs=jobs, as_of=given, say_logs=True).report
    period = _round(run, round_, report)
    ranking = rank(run.targets, drive, report, period, cluster, as_of=given or today_in_vietnam())
    if not ranking.clusters:
        fail(
            tr(lang, "no cluster of the drive file is active in round {round}", round=ranking.round)
        )
    view = RankView(ranking, drive, str(run.drive_path), given, lang)
    emit(run, "rank", chosen, view, force=False)
    raise typer.Exit(EXIT_OK)


def review_command(
    paths: PathsArgument,
    round_: Annotated[
        str, typer.Option("--round", "-r", help="The round under review: 2024-H1, 2024.")
    ],
    output: Annotated[
        Path,
        output_option(
            help="The file to write: .md (Markdown) or .docx (a Word document in the form of "
            "Nghị định 30/2020/NĐ-CP)."
        ),
    ],
    output_format: ToFileFormatOption = None,
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
    """Write the skeleton of the drive's review report (sơ kết, tổng kết), Vietnamese by
    default: the review's date and data cut-off; the units' launch documents; the city's 21
    targets and their figures, those not met, the term totals, the progress toward 2025, the
    units' figures beside the city's averages, the units' reports, their final reports, the
    ranking for reference; the awards as the plan gives them (a reference list of candidates
    at the final review only); and marked places for what only people can write (direction,
    shortcomings, causes, lessons, next steps). As .docx, a Word document in the form of an
    administrative document (Nghị định 30/2020/NĐ-CP), its issuer, number and signer from the
    drive file's 'document' settings, the places to write highlighted.

    Example: kpi review data/submissions --round 2024 --as-of 2025-01-27 -o tong-ket_2024.docx
    """
    from ..output import ReviewData, ReviewView, get_format
    from ..report import build_review

    run = Run(lang, targets)
    chosen = file_format(run, "review", output_format, output)
    suffix = get_format("review", chosen).suffix or output.suffix.lower()
    run.output(output, force=force, suffixes=(suffix,))  # before reading
    drive, given = run.drive, run.day(as_of)
    report = read_and_judge(run, paths, jobs=jobs, as_of=given, say_logs=True).report
    period = _round_of_review(run, round_, report)
    review = build_review(run.targets, drive, report, period, given)
    city = run.targets.city
    data = ReviewData(
        review,
        run.targets,
        drive,
        str(run.drive_path),
        report.targets_file,
        city=city.name if city else None,
    )
    emit(run, "review", chosen, ReviewView(data, lang), output, force=force)


def _round_of_review(run: Run, text: str, report: Report) -> Period:
    """The round under review, which the files must hold."""
    from ..report import round_name
    from ..targets import drive_round_of

    when = run.period(text)
    assert when is not None
    period = drive_round_of(when)
    name = round_name(run.targets, period)
    if name not in report.rounds:
        found = ", ".join(report.rounds) or tr(run.lang, "none")
        fail(
            tr(
                run.lang,
                "no file of round {round} among these files{suggestion} (rounds found: {rounds})",
                round=name,
                suggestion=suggestion(name, report.rounds, run.lang)
                if len(report.rounds) > 1
                else "",
                rounds=found,
            )
        )
    return period
