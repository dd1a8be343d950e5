"""Which target a unit's figure is judged against, for a round: its own, the plan's, or none.

The rules are those of ``docs/domain.md`` ("Whose target" and "Rounds"):

1. a unit's own target (from its launch document) applies first;
2. else the plan's figure, for the city itself, for a department (whose figures for its field
   are the city's), and for any unit where the indicator's scope is ``every_unit``;
3. else none: the figure is shown (status ``reported``) but never judged.

A flow (a figure that builds up to the year's or the term's) is complete only at the end of its
year or term; before that it is ``pending``, or judged against the pro-rata part of its target
when the indicator says ``before_end: pro_rata``. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..domain import WORDS, Lang, Round, Side, Status, TargetKind, status_of
from ..targets import (
    AccruesOver,
    BeforeEnd,
    Indicator,
    Measure,
    ReportingUnit,
    Scope,
    TargetsFile,
    UnitLevel,
    bounds_text,
)

Source = Literal["plan", "unit"]


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
    base = _base_target(targets, unit_code, indicator)
    if base is None or indicator.measure is not Measure.FLOW:
        return base
    share = _elapsed_share(targets, indicator, round_)
    if share is None:
        return base  # the flow is complete: judged against its whole target
    if indicator.before_end is BeforeEnd.PENDING:
        return AppliedTarget(base.kind, base.min, base.max, base.tolerance, base.source, None, True)
    return _scaled(base, share)


def _base_target(
    targets: TargetsFile, unit_code: str | None, indicator: Indicator
) -> AppliedTarget | None:
    own = targets.own_targets(unit_code)
    mine = own.target(indicator.code) if own is not None else None
    if mine is not None:
        return AppliedTarget(mine.kind, mine.min, mine.max, mine.tolerance, "unit")
    if _plan_applies(targets.unit(unit_code), indicator):
        return AppliedTarget(
            indicator.kind, indicator.min, indicator.max, indicator.tolerance, "plan"
        )
    return None


def _plan_applies(unit: ReportingUnit | None, indicator: Indicator) -> bool:
    if indicator.scope is Scope.EVERY_UNIT:
        return True
    return unit is not None and unit.level in (UnitLevel.CITY, UnitLevel.DEPARTMENT)


def _elapsed_share(
    targets: TargetsFile, indicator: Indicator, round_: Round | None
) -> Decimal | None:
    """The part of a flow's year (or term) a round covers; None once the flow is complete."""
    if round_ is None:
        return Decimal(0)  # no round: never complete
    if indicator.accrues_over is AccruesOver.YEAR:
        return None if round_.year_end else Decimal(round_.first_month + round_.months) / 12
    term = targets.plan.term
    if term is None:
        return Decimal(0)
    if round_.year_end and round_.year >= term.to:
        return None
    years = term.to - term.from_ + 1
    elapsed = (round_.year - term.from_) * 12 + round_.first_month + round_.months
    return max(Decimal(0), Decimal(elapsed) / (years * 12))


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


def applied_text(target: AppliedTarget | None, indicator: Indicator, lang: Lang) -> str:
    """The target a figure was judged against: ``≥ 96 % (riêng)`` for a unit's own, ``—`` for
    none; a pro-rata target shows the bounds it was scaled to."""
    words = WORDS[lang]
    if target is None:
        return words["no_target"]
    text = bounds_text(target.kind, target.min, target.max, indicator.unit, lang)
    return f"{text} ({words['own_target']})" if target.source == "unit" else text
