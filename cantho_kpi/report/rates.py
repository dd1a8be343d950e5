"""The rate methods, ``cagr`` and ``linear``: from a start to the latest figure, the observed
rate against the rate the target needs by the term's end. Pure; see ``docs/progress.md``."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..domain import status_of
from ..targets import Break, BreakKind, ProgressMethod
from .progress import (
    Inputs,
    Point,
    Progress,
    ProgressStatus,
    Projection,
    break_year,
    final_status,
    meets,
    ratio_status,
    target_bound,
)

_ONE = Decimal(1)
_CENT = Decimal("0.01")


def assess_rate(inputs: Inputs, base: Progress) -> Progress:
    """The verdict of a cagr or linear series (the figures it counts)."""
    used = [p for p in base.series if p.used]
    if not used:
        return base
    latest = used[-1]
    final = latest.year >= inputs.term.to and not latest.provisional
    result = _from_start(inputs, base, _candidates(inputs, used), final)
    if result.start is None or result.start.period != _BASELINE:
        return result
    # the start is the baseline: say so when the series alone gives another status
    alone = _from_start(inputs, base, used, final)
    if alone.status is not result.status:
        return replace(result, without_baseline=alone.status)
    return result


_BASELINE = "baseline"


def _from_start(inputs: Inputs, base: Progress, candidates: list[Point], final: bool) -> Progress:
    latest = candidates[-1]
    cut = _cut(inputs, candidates)
    if cut is not None:
        first = break_year(cut)
        candidates = [p for p in candidates if p.year >= first]
    result = replace(base, cut=cut)
    if len(candidates) < 2 or candidates[0].year >= latest.year:
        if final:
            return replace(result, status=final_status(inputs.indicator, latest.value), final=True)
        return result
    return _compare(inputs, result, candidates[0], latest, final)


def _candidates(inputs: Inputs, used: list[Point]) -> list[Point]:
    """The baseline (when declared and before the series) and the counted points."""
    baseline = inputs.baseline
    points = list(used)
    if baseline is not None and int(baseline.period) < used[0].year:
        start = Point(int(baseline.period), baseline.value, _BASELINE)
        points.insert(0, start)
    return points


def _cut(inputs: Inputs, points: list[Point]) -> Break | None:
    """The last declared method break after the first point and not after the latest."""
    found = None
    for cut in inputs.breaks:
        if cut.kind is not BreakKind.METHOD:
            continue
        year = break_year(cut)
        if points[0].year < year <= points[-1].year and (found is None or year > break_year(found)):
            found = cut
    return found


def _compare(
    inputs: Inputs, result: Progress, start: Point, latest: Point, final: bool
) -> Progress:
    indicator = inputs.indicator
    bound, direction = target_bound(indicator, latest.value, start.value)
    method = result.method
    fallback = method is ProgressMethod.CAGR and min(start.value, latest.value, bound) <= 0
    if fallback:
        method = ProgressMethod.LINEAR
    elapsed = latest.year - start.year
    remaining = inputs.term.to - start.year
    actual = _rate(method, start.value, latest.value, elapsed)
    required = _rate(method, start.value, bound, remaining)
    projection = _project(inputs, method, latest, actual)
    result = replace(
        result,
        method=method,
        fallback=fallback,
        start=start,
        actual=actual,
        required=required,
        projection=projection,
    )
    cr = direction * actual / abs(required) if required != 0 else None
    result = replace(result, cr=cr)
    if final:
        return replace(result, status=final_status(indicator, latest.value), final=True)
    if meets(indicator, latest.value):
        return replace(result, status=ProgressStatus.ACHIEVED)
    if cr is None:
        # the start sat on the bound and the latest figure misses it: it moved away
        return replace(result, status=ProgressStatus.DETERIORATION)
    return replace(result, status=ratio_status(cr, inputs.thresholds))


def _rate(method: ProgressMethod, start: Decimal, end: Decimal, years: int) -> Decimal:
    """The yearly rate from ``start`` to ``end`` over ``years``: compound growth, or change."""
    if method is ProgressMethod.CAGR:
        return (end / start) ** (_ONE / years) - _ONE
    return (end - start) / years


def _project(inputs: Inputs, method: ProgressMethod, latest: Point, actual: Decimal) -> Projection:
    """The latest figure carried to the target year at the observed rate."""
    years = inputs.term.to - latest.year
    if method is ProgressMethod.CAGR:
        value = latest.value * (_ONE + actual) ** years
    else:
        value = latest.value + actual * years
    low, high = inputs.indicator.plausible.min, inputs.indicator.plausible.max
    value = min(max(value, low), high).quantize(_CENT)
    return Projection(inputs.term.to, value, status_of(inputs.indicator, value)[0])
