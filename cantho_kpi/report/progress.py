"""Progress toward the end of the term: the four methods and the statuses. Pure.

The rules are those of ``docs/progress.md`` (the UNSD SDG progress-chart ratio CR of the
observed to the required rate, with Open SDG's direction factor for the edge cases). Every
figure is a :class:`~decimal.Decimal`; the inputs of each verdict travel with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..domain import Status, Target, TargetKind, parse_period, status_of
from ..targets import Baseline, Break, Indicator, ProgressMethod, Term, Thresholds
from .applicable import AppliedTarget


class ProgressStatus(StrEnum):
    """Where a figure stands toward the term's target; see ``docs/progress.md``."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    FAIR = "fair"
    LIMITED = "limited"
    DETERIORATION = "deterioration"
    INSUFFICIENT_DATA = "insufficient_data"
    NOT_ACHIEVED = "not_achieved"


#: Weakest first: a numbered target with several figures counts by the weakest of them.
WEAKEST_FIRST = (
    ProgressStatus.INSUFFICIENT_DATA,
    ProgressStatus.NOT_ACHIEVED,
    ProgressStatus.DETERIORATION,
    ProgressStatus.LIMITED,
    ProgressStatus.FAIR,
    ProgressStatus.ON_TRACK,
    ProgressStatus.ACHIEVED,
)
_GOOD = (Status.MET, Status.EXCEEDED)


@dataclass(frozen=True, slots=True)
class Point:
    """One figure of a series: the year it describes, the round that reported it, and whether
    the verdict counts it (see ``docs/progress.md``, "The series").

    ``provisional`` marks a figure from a part-year round (not the year-end one); ``month`` is
    the last month of the year the round covers (6 for the half-year, 12 for the year). A
    part-year figure of a flow, a rate or a yearly figure is shown but not ``used``;
    ``reported_in`` names the round of a yearly figure that a later mid-year report gave for
    the year before.
    """

    year: int
    value: Decimal
    period: str = ""
    provisional: bool = False
    file: str = ""
    location: str | None = None
    used: bool = True
    estimate: bool = False
    month: int = 12
    reported_in: str | None = None


@dataclass(frozen=True, slots=True)
class Projection:
    """The figure expected in the target year at the observed pace, and its ``kpi check`` status."""

    year: int
    value: Decimal
    status: Status


@dataclass(frozen=True, slots=True)
class ToDate:
    """The figure to date as the target measures it, judged as ``kpi check`` would: the latest
    whole year's figure for a level or an every-year target, the mean so far for an average,
    the sum so far for a total ("đến đầu năm 2025": the end of 2024 against the target)."""

    period: str
    value: Decimal
    status: Status
    basis: str  # "figure", "mean", "compound_mean" or "total"


@dataclass(frozen=True, slots=True)
class RunningTotal:
    """A term total to date with the latest part-year figure included ("lũy kế đến
    30/6/2024"): shown beside the verdict, which counts whole years only."""

    value: Decimal
    period: str  # the round of the last figure included
    month: int  # its last month of the year


@dataclass(frozen=True, slots=True)
class Progress:
    """The verdict on one (unit, indicator) series, with everything that produced it."""

    unit_code: str
    code: str
    method: ProgressMethod
    baseline: Baseline | None
    series: tuple[Point, ...]
    status: ProgressStatus
    cr: Decimal | None = None
    required: Decimal | None = None
    actual: Decimal | None = None
    start: Point | None = None
    projection: Projection | None = None
    cut: Break | None = None  # the declared method break the start was moved past
    fallback: bool = False  # cagr was asked, but a value <= 0 made it linear
    #: The target the series is measured against: the unit's own, or the plan's.
    target: AppliedTarget | None = None
    #: A boundary break that ends the series for the old targets (2025-H2: the merger).
    boundary: Break | None = None
    #: Years of the window with no usable figure, before the latest one that has one.
    missing_years: tuple[int, ...] = ()
    #: ``every_year``: the years judged and how many of them met the target.
    years_judged: int | None = None
    years_met: int | None = None
    #: Whether the status is the term's final verdict (every year of the term is in).
    final: bool = False
    to_date: ToDate | None = None
    running_total: RunningTotal | None = None
    #: When the start is the baseline and the series alone gives another status, that status
    #: (the verdict rests on the baseline).
    without_baseline: ProgressStatus | None = None

    @property
    def latest(self) -> Point | None:
        used = [p for p in self.series if p.used]
        return used[-1] if used else None

    @property
    def shown_break(self) -> Break | None:
        """The break the result names: the boundary that ended the series, else the method
        break its start moved past."""
        return self.boundary or self.cut


def default_method(indicator: Indicator) -> ProgressMethod:
    """The method when the targets file names none: linear for counts, else cagr."""
    if indicator.progress is not None:
        return indicator.progress
    counted = ("communes", "party members")  # not a message: units as the file writes them
    return ProgressMethod.LINEAR if indicator.unit in counted else ProgressMethod.CAGR


def ratio_status(cr: Decimal, limits: Thresholds) -> ProgressStatus:
    if cr >= limits.on_track:
        return ProgressStatus.ON_TRACK
    if cr >= limits.fair:
        return ProgressStatus.FAIR
    if cr >= limits.limited:
        return ProgressStatus.LIMITED
    return ProgressStatus.DETERIORATION


def meets(target: Target, value: Decimal) -> bool:
    return status_of(target, value)[0] in _GOOD


def final_status(target: Target, value: Decimal) -> ProgressStatus:
    return ProgressStatus.ACHIEVED if meets(target, value) else ProgressStatus.NOT_ACHIEVED


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a verdict is computed from, besides the series."""

    indicator: Indicator
    term: Term
    thresholds: Thresholds
    baseline: Baseline | None = None
    breaks: tuple[Break, ...] = ()
    unit_code: str = ""


def break_year(cut: Break) -> int:
    """The first year whose figure lies after the break (a break within a year: that year)."""
    period = parse_period(cut.period)
    return period.year if period is not None else int(cut.period[:4])


def target_bound(indicator: Indicator, latest: Decimal, start: Decimal) -> tuple[Decimal, int]:
    """The bound that meets the target nearest the figure, and the better direction (+1, -1).

    A band is approached from the side the latest figure misses on (or, when it is inside,
    from the side of the start)."""
    low, high = indicator.min, indicator.max
    kind = indicator.kind
    if kind is TargetKind.BAND:
        assert low is not None
        assert high is not None
        below = latest < low if not low <= latest <= high else start < low
        return (low, 1) if below else (high, -1)
    if kind in (TargetKind.AT_MOST, TargetKind.BELOW):
        assert high is not None
        return high, -1
    assert low is not None
    return low, 1
