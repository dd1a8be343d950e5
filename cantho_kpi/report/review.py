"""What the drive's review report (báo cáo sơ kết / tổng kết) needs, as data. Pure: the report,
the drive file and the day the data is cut off are given; :mod:`cantho_kpi.output.review`
writes it as Markdown.

For the round the review uses: the city's 35 figures of the 21 targets (value, target, % of
the target for one-sided targets, change on the same round a year before where the report
holds it, status), the targets not met, the term totals so far of cumulative targets (from
:func:`.tracker.track_progress`, as it is), the units' reports against the deadline, their
launch documents and final reports, the units' figures shown beside the plan's city averages
for reference, the ranking (for reference; candidates only at the final review).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..domain import Period, Round, Side, Status, TargetKind, parse_round
from ..submissions import Submission, SubmittedValue, ValueState
from ..targets import (
    AccruesOver,
    DriveFile,
    Indicator,
    ProgressMethod,
    TargetsFile,
    drive_round_of,
)
from .applicable import AppliedTarget
from .calendar import (
    LaunchStatus,
    RoundStatus,
    final_report_statuses,
    launch_statuses,
    round_name,
    round_statuses,
)
from .model import Headline, Report, Result
from .progress import Point, ProgressStatus
from .ranking import Ranking, rank
from .tracker import ProgressReport, track_progress

_HUNDRED = Decimal(100)
#: Kinds whose "% of the target" means something: a single bound to reach, or not to pass.
_ONE_SIDED = (TargetKind.AT_LEAST, TargetKind.ABOVE, TargetKind.AT_MOST, TargetKind.BELOW)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One of the city's figures in the round under review."""

    indicator: Indicator
    value: Decimal | None
    status: Status  # missing when nobody gave the city's figure
    target: AppliedTarget | None
    side: Side | None = None
    percent: Decimal | None = None  # of the target's bound, for one-sided targets
    previous: Decimal | None = None  # the same round a year before
    change: Decimal | None = None


@dataclass(frozen=True, slots=True)
class TermTotal:
    """A target over the whole term (a cumulative one): the years summed so far."""

    indicator: Indicator
    years: tuple[Point, ...]
    total: Decimal
    percent: Decimal | None
    status: ProgressStatus


@dataclass(frozen=True, slots=True)
class UnitFigure:
    """A unit's figure with no target of its own for a city average, beside the plan's."""

    unit_code: str
    value: Decimal | None


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    indicator: Indicator
    plan: AppliedTarget
    units: tuple[UnitFigure, ...]


@dataclass(frozen=True, slots=True)
class Review:
    """Everything the review report shows, computed from one report and the drive file."""

    final: bool
    round: str  # as kpi check names it: 2024-H1, 2024
    round_period: Period
    #: The drive file's day (2024-06-27) or month (2024-06) of the review that uses this round;
    #: ``None`` for a round neither review uses (then ``reviews`` names theirs).
    review_when: str | None
    deadline: date | None
    estimate_round: bool  # the drive file says the round is reported as estimates
    as_of: date | None  # the data cut-off (--as-of)
    figures: tuple[FigureRow, ...]
    headline: Headline | None
    previous_round: str | None
    term_totals: tuple[TermTotal, ...]
    progress: ProgressReport | None  # when the report holds two years or more
    reports: tuple[RoundStatus, ...]
    unreadable: tuple[RoundStatus, ...]
    launch: tuple[LaunchStatus, ...]
    final_reports: tuple[LaunchStatus, ...]  # at the final review only
    references: tuple[ReferenceRow, ...]
    ranking: Ranking
    estimates: tuple[Result, ...]

    @property
    def not_met(self) -> tuple[FigureRow, ...]:
        """The city's figures not met, near counting as not met (as in the headline)."""
        return tuple(f for f in self.figures if f.status in (Status.NOT_MET, Status.NEAR))


def build_review(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period,
    as_of: date | None = None,
) -> Review:
    """The review of round ``period`` (the drive's round: the quarter that closes it) from the
    report of every file given (earlier years for the changes and the term), cut off at
    ``as_of`` (the report already left out what came later)."""
    name = round_name(targets, period)
    final = drive.calendar.is_final(period)
    upto = _up_to(report, name)
    mine = report.for_round(name)
    figures = tuple(_figures(targets, report, mine, name))
    reports = tuple(round_statuses(targets, drive, report, as_of, periods=[period]))
    progress = _term_progress(targets, upto, period.year)
    scheduled = drive.calendar.round_of(period)
    return Review(
        final=final,
        round=name,
        round_period=period,
        review_when=_when(drive, period, final),
        deadline=scheduled.deadline if scheduled else None,
        estimate_round=bool(scheduled and scheduled.estimate),
        as_of=as_of,
        figures=figures,
        headline=mine.headline(name, report.city_code) if report.city_code else None,
        previous_round=_previous(name),
        term_totals=tuple(_term_totals(targets, progress, report.city_code)),
        progress=progress if progress is not None and _years(upto) >= 2 else None,
        reports=reports,
        unreadable=tuple(r for r in reports if r.file in report.unreadable),
        launch=tuple(launch_statuses(targets, drive, as_of)),
        final_reports=tuple(final_report_statuses(targets, drive, as_of)) if final else (),
        references=tuple(_references(targets, mine)),
        ranking=rank(targets, drive, report, period, as_of=as_of),
        estimates=tuple(estimate_figures(mine, name)),
    )


def _when(drive: DriveFile, period: Period, final: bool) -> str | None:
    calendar = drive.calendar
    if final:
        return calendar.final_review
    if drive_round_of(period) == calendar.review_round(final=False):
        return calendar.interim_review
    return None


def estimate_figures(report: Report, round_: str) -> list[Result]:
    """The city's figures of ``round_`` that were marked as estimates ("ước thực hiện": the
    template's ``Ước tính`` column), in the report's order."""
    return [
        r
        for r in report.results
        if r.estimate and r.round == round_ and r.unit_code == report.city_code
    ]


def _up_to(report: Report, name: str) -> Report:
    """The report's rounds up to the one under review (a later round is not used)."""
    last = parse_round(name)
    rounds = [r for r in report.rounds if last is None or _round_key(r) <= last]
    results = [r for r in report.results if r.round in rounds]
    return report.model_copy(update={"results": results, "rounds": rounds})


def _round_key(name: str) -> Round:
    found = parse_round(name)
    assert found is not None  # round names come from round_of
    return found


def _years(report: Report) -> int:
    return len({_round_key(r).year for r in report.rounds})


def _previous(name: str) -> str | None:
    found = parse_round(name)
    if found is None:
        return None
    return str(Round(found.year - 1, found.first_month, found.months))


def _figures(targets: TargetsFile, report: Report, mine: Report, name: str) -> list[FigureRow]:
    city = report.city_code
    own = {r.code: r for r in mine.results if r.unit_code == city} if city else {}
    before = _previous(name)
    earlier = {
        r.code: r.value
        for r in report.results
        if city and r.unit_code == city and r.round == before and r.value is not None
    }
    rows = []
    for indicator in targets.indicators:
        result = own.get(indicator.code)
        value = result.value if result is not None else None
        previous = earlier.get(indicator.code)
        target = result.target if result is not None else None
        rows.append(
            FigureRow(
                indicator=indicator,
                value=value,
                status=result.status if result is not None else Status.MISSING,
                target=target,
                side=result.side if result is not None else None,
                percent=_percent(indicator, target, value),
                previous=previous,
                change=value - previous if value is not None and previous is not None else None,
            )
        )
    return rows


def _percent(
    indicator: Indicator, target: AppliedTarget | None, value: Decimal | None
) -> Decimal | None:
    """The figure as a % of its target's bound, where that means something: a one-sided
    target, not one over the whole term (one year of 7,000 party members says nothing)."""
    if value is None or target is None or indicator.accrues_over is AccruesOver.TERM:
        return None
    if indicator.kind not in _ONE_SIDED:
        return None
    # a flow not judged yet (pending) against its whole target: budget revenue at mid-year is
    # a share of the year's estimate, as reports say it
    source: Indicator | AppliedTarget = indicator if target.pending else target
    low = indicator.kind in (TargetKind.AT_LEAST, TargetKind.ABOVE)
    bound = source.min if low else source.max
    if bound is None or bound <= 0:
        return None
    return (value / bound * _HUNDRED).quantize(Decimal("0.1"))


def _term_progress(targets: TargetsFile, report: Report, year: int) -> ProgressReport | None:
    """The city's progress over the term from the report's figures, by
    :func:`.tracker.track_progress` as it is (its public result only)."""
    term = targets.plan.term
    city = report.city_code
    if term is None or city is None:
        return None
    by_file: dict[str, list[SubmittedValue]] = {}
    for result in report.results:
        if result.unit_code == city and result.value is not None:
            if result.status is Status.INVALID:
                continue
            value = SubmittedValue(
                code=result.code, state=ValueState.VALUE, value=result.value,
                location=result.location,
            )  # fmt: skip
            by_file.setdefault(result.file or "", []).append(value)
    subs = [
        Submission(file=s.file, unit_code=city, period=s.period, values=by_file[s.file])
        for s in report.submissions
        if s.file in by_file
    ]
    return track_progress(
        targets, term, subs, targets_file=report.targets_file, as_of=year, unit=city
    )


def _term_totals(
    targets: TargetsFile, progress: ProgressReport | None, city: str | None
) -> list[TermTotal]:
    if progress is None:
        return []
    totals = []
    for found in progress.results:
        indicator = targets.indicator(found.code)
        if found.unit_code != city or indicator is None:
            continue
        if found.method is not ProgressMethod.CUMULATIVE or not found.series:
            continue
        total = sum((p.value for p in found.series), Decimal(0))
        goal = indicator.min
        percent = (total / goal * _HUNDRED).quantize(Decimal(1)) if goal else None
        totals.append(TermTotal(indicator, found.series, total, percent, found.status))
    return totals


def _references(targets: TargetsFile, mine: Report) -> list[ReferenceRow]:
    """Per city average, the units' figures judged against no target of theirs."""
    found: dict[str, list[UnitFigure]] = {}
    plans: dict[str, AppliedTarget] = {}
    for result in mine.results:
        if result.status is Status.REPORTED and result.reference is not None:
            found.setdefault(result.code, []).append(
                UnitFigure(result.unit_code or "?", result.value)
            )
            plans[result.code] = result.reference
    return [
        ReferenceRow(indicator, plans[indicator.code], tuple(found[indicator.code]))
        for indicator in targets.indicators
        if indicator.code in found
    ]
