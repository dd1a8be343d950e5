"""Cross-checks of units' own targets and of the fields that say whose target a figure is and
how it behaves (scope, integer, aggregate, measure). Pure; called by :func:`.rules.check`."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..catalog import both
from .bounds import Found, check_bounds, check_whole, fmt
from .model import Aggregate, Indicator, Measure, ReportingUnit
from .safeyaml import Path_
from .unit_targets import UnitTargets


def check_behaviour(path: Path_, ind: Indicator, has_term: bool) -> Iterator[Found]:
    """A count is whole; only counts add up; flow settings only on flows."""
    if ind.integer:
        yield from check_whole(path, ind.code, ind.min, ind.max)
    if ind.aggregate is Aggregate.SUM and ind.unit == "%":
        yield (
            "sum-of-rates",
            both(
                "{code}: rates and shares do not add up across units; use aggregate: none",
                code=ind.code,
            ),
            (*path, "aggregate"),
        )
    flow_keys = {"accrues_over", "before_end"} & ind.model_fields_set
    if ind.measure is not Measure.FLOW:
        for key in sorted(flow_keys):
            yield (
                "flow-only",
                both(
                    "{code}: {key} applies to flows only (measure: flow); remove it",
                    code=ind.code,
                    key=key,
                ),
                (*path, key),
            )
    elif ind.accrues_over.value == "term" and not has_term:
        yield (
            "missing-term",
            both(
                "{code}: a flow over the term needs the plan's term (plan.term: "
                "{{from: 2021, to: 2025}})",
                code=ind.code,
            ),
            (*path, "accrues_over"),
        )


def check_unit_targets(
    path: Path_,
    entry: UnitTargets,
    units: dict[str, ReportingUnit],
    indicators: dict[str, Indicator],
    known: set[str],
) -> Iterator[Found]:
    unit = units.get(entry.unit)
    if unit is None:
        yield (
            "unknown-reference",
            both("unit_targets: unit {unit} is not one of the reporting units", unit=entry.unit),
            (*path, "unit"),
        )
    seen: set[str] = set()
    for index, target in enumerate(entry.targets):
        where: Path_ = (*path, "targets", index)
        if target.code not in known:
            yield (
                "unknown-reference",
                both(
                    "unit {unit}: indicator {code} is not in this file",
                    unit=entry.unit,
                    code=target.code,
                ),
                (*where, "code"),
            )
            continue
        if target.code in seen:
            yield (
                "duplicate-code",
                both(
                    "unit {unit}: {code} has two targets; keep one",
                    unit=entry.unit,
                    code=target.code,
                ),
                (*where, "code"),
            )
        seen.add(target.code)
        indicator = indicators.get(target.code)
        if indicator is None:
            continue  # invalid, reported on its own
        if unit is not None and unit.indicators is not None and target.code not in unit.indicators:
            yield (
                "not-reported-by-unit",
                both(
                    "unit {unit}: sets a target for {code}, which it does not report "
                    "(it is not among the unit's indicators)",
                    unit=entry.unit,
                    code=target.code,
                ),
                (*where, "code"),
            )
        code = both("unit {unit}: {code}", unit=entry.unit, code=target.code)
        yield from check_bounds(
            where, code, target.kind, target.min, target.max, indicator.plausible
        )
        if target.tolerance is not None and target.tolerance < Decimal(0):
            yield (
                "negative-tolerance",
                both(
                    "{what}: tolerance ({tolerance}) must not be negative",
                    what=code,
                    tolerance=fmt(target.tolerance),
                ),
                (*where, "tolerance"),
            )
