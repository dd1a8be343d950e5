"""Which target a unit's figure is judged against, for a round: its own, the plan's, or none.

The rules are those of ``docs/domain.md`` ("Whose target" and "Rounds"):

1. a unit's own target (from its launch document) applies first;
2. else the plan's figure, for the city itself, for a department (whose figures for its field
   are the city's), and for any unit where the indicator's scope is ``every_unit``;
3. else none: the figure is shown (status ``reported``) but never judged.

A flow (a figure that builds up to the year's figure) and a yearly figure (one that describes a
whole year) are complete only at the year round; before that they are ``pending``, or, for a
flow whose indicator says ``before_end: pro_rata``, judged against the pro-rata part of its
target. After a boundary break (the 2025-H2 merger) the plan's targets, set for the old
boundary, apply to no figure. A flow over the term is a year's figure whose target is for the sum
over the term: never complete in one round (``kpi progress`` judges the sum). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from ..domain import Round, Side, Status, TargetKind, parse_period, status_of
from ..targets import (
    AccruesOver,
    Aggregate,
    BeforeEnd,
    Break,
    BreakKind,
    Indicator,
    Measure,
    ReportingUnit,
    Scope,
    TargetsFile,
    UnitLevel,
)

Source = Literal["plan", "unit"]
#: Figures complete only at the year round: a flow, and a figure that describes a whole year.
_WHOLE_YEAR = (Measure.FLOW, Measure.YEARLY)


@dataclass(frozen=True, slots=True)
class AppliedTarget:
    """The target a figure is judged against, with where it comes from.

    ``share`` is the pro-rata part of the full target that the bounds stand for (``None`` for
    a full target): a flow judged at mid-year against half its annual target has share 0.5 and
    bounds already scaled. ``pending`` says the figure is not judged yet (a flow before its end).
    """

    kind: TargetKind
    min: Decimal | None
    max: Decimal | None
    tolerance: Decimal | None
    source: Source
    share: Decimal | None = None
    pending: bool = False


def applicable_target(
    targets: TargetsFile,
    unit_code: str | None,
    indicator: Indicator,
    round_: Round | None,
) -> AppliedTarget | None:
    """The target ``unit_code``'s figure for ``indicator`` is judged against in ``round_``."""
    base = base_target(targets, unit_code, indicator)
    if base is not None and base.source == "plan" and after_boundary(targets, indicator, round_):
        return None  # the plan's targets are the old boundary's: none applies (docs/domain.md)
    if base is None or indicator.measure not in _WHOLE_YEAR:
        return base
    share = _elapsed_share(targets, indicator, round_)
    if share is None:
        return base  # the flow is complete: judged against its whole target
    if indicator.before_end is BeforeEnd.PENDING:
        return AppliedTarget(base.kind, base.min, base.max, base.tolerance, base.source, None, True)
    return _scaled(base, share)


def after_boundary(
    targets: TargetsFile, indicator: Indicator, round_: Round | None
) -> Break | None:
    """The boundary break (the 2025-H2 merger) a round closes after, if any: its figures
    describe the new boundary, which the plan's targets were not set for."""
    if round_ is None:
        return None
    closing = round_.closing_month().first_month
    for cut in (*targets.progress.breaks, *indicator.breaks):
        start = parse_period(cut.period)
        if cut.kind is BreakKind.BOUNDARY and start is not None and closing >= start.first_month:
            return cut
    return None


def base_target(
    targets: TargetsFile, unit_code: str | None, indicator: Indicator
) -> AppliedTarget | None:
    """The target that applies to the unit's figure, before any flow rule: its own, else the
    plan's where that applies to the unit, else None."""
    own = targets.own_targets(unit_code)
    mine = own.target(indicator.code) if own is not None else None
    if mine is not None:
        return AppliedTarget(mine.kind, mine.min, mine.max, mine.tolerance, "unit")
    if _plan_applies(targets.unit(unit_code), indicator):
        return AppliedTarget(
            indicator.kind, indicator.min, indicator.max, indicator.tolerance, "plan"
        )
    return None


def plan_reference(indicator: Indicator) -> AppliedTarget | None:
    """The plan's figure shown for reference beside a unit's figure that no target applies to:
    for a city average or level (a rate, a share), never for a city total (24 communes, 7,000
    party members), which no unit's figure can be compared with."""
    if indicator.aggregate is Aggregate.SUM:
        return None
    return _plan_target(indicator.kind, indicator.min, indicator.max, indicator.tolerance)


@lru_cache(maxsize=256)
def _plan_target(
    kind: TargetKind, low: Decimal | None, high: Decimal | None, tolerance: Decimal | None
) -> AppliedTarget:
    """One object per distinct target: a term's archive has millions of results."""
    return AppliedTarget(kind, low, high, tolerance, "plan")


def _plan_applies(unit: ReportingUnit | None, indicator: Indicator) -> bool:
    if indicator.scope is Scope.EVERY_UNIT:
        return True
    return unit is not None and unit.level in (UnitLevel.CITY, UnitLevel.DEPARTMENT)


def _elapsed_share(
    targets: TargetsFile, indicator: Indicator, round_: Round | None
) -> Decimal | None:
    """The part of a flow's target a round's figure stands for; None once it is complete.

    A flow over the year is complete at the year round. A flow over the term is reported year
    by year (the members admitted in the year so far) while its target is for the sum over the
    term: one round's figure never completes it (``kpi progress`` judges the sum), and its
    pro-rata part is the round's months over the term's.
    """
    if round_ is None:
        return Decimal(0)  # no round: never complete
    months = Decimal(round_.first_month + round_.months)
    if indicator.accrues_over is AccruesOver.YEAR:
        return None if round_.year_end else months / 12
    term = targets.plan.term
    years = term.to - term.from_ + 1 if term is not None else 1
    return months / (12 * years)


def _scaled(base: AppliedTarget, share: Decimal) -> AppliedTarget:
    def part(bound: Decimal | None) -> Decimal | None:
        return None if bound is None else bound * share

    return AppliedTarget(
        base.kind, part(base.min), part(base.max), part(base.tolerance), base.source, share
    )


def judge(target: AppliedTarget | None, value: Decimal) -> tuple[Status, Side | None]:
    """The status of a value against the target that applies (reported when none does)."""
    if target is None:
        return Status.REPORTED, None
    if target.pending:
        return Status.PENDING, None
    return status_of(target, value)
