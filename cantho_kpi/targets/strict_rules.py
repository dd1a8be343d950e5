"""Units' own targets checked as strictly as the plan's, and the scope a figure can have. Pure;
called by :func:`.rules.check` (targets inside the targets file) and :mod:`.unit_files` (one
file per unit), each check a function of its own.

* a count's own target is a whole number, as the plan's are (``not-whole``);
* it reads the same way as the plan's figure: a "lower is better" figure (poor households) is
  not given an "at least" target, nor the reverse (``kind-mismatch``);
* its tolerance fits the range it pads (``tolerance-too-wide``);
* its launch document is dated no later than a year after the term (``date-out-of-range``);
  an impossible day (30/02) is refused by the model itself;
* a city total cannot apply to every unit: ``scope: every_unit`` with ``aggregate: sum`` is a
  contradiction (``scope-aggregate``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..catalog import Said, both
from ..domain import TargetKind
from .bounds import Found, check_whole, fmt
from .model import Aggregate, Indicator, Scope
from .safeyaml import Path_
from .unit_targets import UnitTarget, UnitTargets

_HIGHER = {TargetKind.RANGE, TargetKind.AT_LEAST, TargetKind.ABOVE}
_LOWER = {TargetKind.AT_MOST, TargetKind.BELOW}


def check_scope(path: Path_, ind: Indicator) -> Iterator[Found]:
    if ind.scope is Scope.EVERY_UNIT and ind.aggregate is Aggregate.SUM:
        yield (
            "scope-aggregate",
            both(
                "{code}: a figure that adds up to the city's total (aggregate: "
                "sum) cannot be every unit's target (scope: every_unit); use "
                "scope: city",
                code=ind.code,
            ),
            (*path, "scope"),
        )


def check_unit_strictly(
    path: Path_, entry: UnitTargets, indicators: dict[str, Indicator], last_year: int | None
) -> Iterator[Found]:
    """``entry`` (at ``path``) held to what the plan's own targets are held to."""
    if last_year is not None:
        yield from _check_document_date(path, entry, last_year)
    for index, target in enumerate(entry.targets):
        indicator = indicators.get(target.code)
        if indicator is None:
            continue  # unknown or invalid: said by the other checks
        where: Path_ = (*path, "targets", index)
        name = both("unit {unit}: {code}", unit=entry.unit, code=target.code)
        if indicator.integer:
            yield from check_whole(where, name, target.min, target.max)
        yield from _check_direction(where, name, target, indicator)
        yield from _check_tolerance(where, name, target)


def _check_direction(
    where: Path_, name: Said, target: UnitTarget, ind: Indicator
) -> Iterator[Found]:
    opposite = (ind.kind in _HIGHER and target.kind in _LOWER) or (
        ind.kind in _LOWER and target.kind in _HIGHER
    )
    if opposite:
        better = both("higher is better") if ind.kind in _HIGHER else both("lower is better")
        yield (
            "kind-mismatch",
            both(
                "{what}: kind {kind} reads the figure the other way round from "
                "the plan's ({plan_kind}: {better}); use a kind that reads "
                "the same way",
                what=name,
                kind=target.kind.value,
                plan_kind=ind.kind.value,
                better=better,
            ),
            (*where, "kind"),
        )


def _check_tolerance(where: Path_, name: Said, target: UnitTarget) -> Iterator[Found]:
    low, high, tolerance = target.min, target.max, target.tolerance
    if tolerance is None or low is None or high is None or low > high:
        return
    if target.kind.bounds == (True, True) and tolerance > high - low:
        yield (
            "tolerance-too-wide",
            both(
                "{what}: tolerance ({tolerance}) is wider than the target range {min} – "
                "{max} it pads ({width}); make it at most {width}",
                what=name,
                tolerance=fmt(tolerance),
                min=fmt(low),
                max=fmt(high),
                width=fmt(high - low),
            ),
            (*where, "tolerance"),
        )


def _check_document_date(path: Path_, entry: UnitTargets, last_year: int) -> Iterator[Found]:
    day = date.fromisoformat(entry.document.date)  # a real day: the model checked it
    if day.year > last_year + 1:
        yield (
            "date-out-of-range",
            both(
                "unit {unit}: the launch document is dated {day}, more than a year "
                "after the term ends ({last_year}); check the year",
                unit=entry.unit,
                day=format(day, "%d/%m/%Y"),
                last_year=last_year,
            ),
            (*path, "document", "date"),
        )
