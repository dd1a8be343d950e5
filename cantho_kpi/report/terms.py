"""The term methods: ``average``, ``average_growth`` and ``cumulative``. The whole years
observed so far against the target over the term's n years, as UNSD's ratio CR against the
requirement from the base year, and, as Vietnamese reports state it, what the remaining years
need (``required``). Pure; see ``docs/progress.md``, "The methods".

A year of the window with no usable figure before the latest one that has one makes the
result ``insufficient_data`` (:func:`window`): a missing year is neither zero nor still to come.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..domain import TargetKind, status_of
from ..targets import Break, BreakKind, Indicator, ProgressMethod
from .progress import (
    Inputs,
    Point,
    Progress,
    ProgressStatus,
    Projection,
    RunningTotal,
    ToDate,
    break_year,
    final_status,
    ratio_status,
)

_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Window:
    """The counted whole years of the target's window, the years missing among them, and n."""

    points: list[Point]
    missing: tuple[int, ...]
    years: int  # n: the years of the window (the term's, from the target's start)
    first: int

    @property
    def complete(self) -> bool:
        """Every year of the window is in: the verdict is the term's final one."""
        return not self.missing and len(self.points) >= self.years


def window(inputs: Inputs, base: Progress) -> Window:
    term = inputs.term
    first = inputs.indicator.first_year(term)
    points = [p for p in base.series if p.used and first <= p.year <= term.to]
    seen = {p.year for p in points}
    last = points[-1].year if points else first
    missing = tuple(year for year in range(first, last) if year not in seen)
    return Window(points, missing, term.to - first + 1, first)


def named_break(inputs: Inputs, win: Window) -> Break | None:
    """A method break inside the window: named, since totals and averages may cross it."""
    if not win.points:
        return None
    last = win.points[-1].year
    found = [
        b for b in inputs.breaks if b.kind is BreakKind.METHOD and win.first < break_year(b) <= last
    ]
    return max(found, key=break_year, default=None)


def assess_term(inputs: Inputs, base: Progress) -> Progress:
    """The verdict of an average, average_growth or cumulative series."""
    win = window(inputs, base)
    result = replace(base, cut=named_break(inputs, win), missing_years=win.missing)
    if not win.points or win.missing:
        return result  # insufficient_data: the missing years are named
    if result.method is ProgressMethod.CUMULATIVE:
        return _cumulative(inputs, result, win)
    if result.method is ProgressMethod.AVERAGE_GROWTH:
        return _average_growth(inputs, result, win)
    return _average(inputs, result, win)


def _average(inputs: Inputs, result: Progress, win: Window) -> Progress:
    """The arithmetic mean of the yearly figures (a ratio such as revenue over GRDP)."""
    low = _lower(inputs)
    n, k = win.years, len(win.points)
    total = sum((p.value for p in win.points), Decimal(0))
    mean = total / k
    result = _with_mean(inputs, result, win, mean, "mean")
    cr = mean / low if low > 0 else None
    if k >= n:
        return replace(result, cr=cr, status=final_status(inputs.indicator, mean), final=True)
    required = (low * n - total) / (n - k)
    return _judged(inputs, replace(result, cr=cr, required=required))


def _average_growth(inputs: Inputs, result: Progress, win: Window) -> Progress:
    """The compound mean of yearly growth rates: G = (prod (1 + g_i/100))^(1/k) - 1. Every
    verdict at a bound compares the product P exactly (G meets 7.5 % over k years exactly when
    P >= 1.075^k), never the root."""
    low = _lower(inputs)
    n, k = win.years, len(win.points)
    product = _ONE
    for point in win.points:
        product *= _ONE + point.value / _HUNDRED
    if product <= 0:
        return result  # a fall of 100 % or more: no compound mean (validate-targets warns)
    mean = (product ** (_ONE / k) - _ONE) * _HUNDRED
    so_far = status_of(_compounded(inputs.indicator, k), product)[0]
    projection = Projection(inputs.term.to, mean.quantize(_CENT), so_far)
    to_date = ToDate(str(win.points[-1].year), mean, so_far, "compound_mean")
    cr = mean / low if low > 0 else None
    result = replace(result, actual=mean, projection=projection, to_date=to_date, cr=cr)
    whole = _compounded(inputs.indicator, n)
    if k >= n:
        status = final_status(whole, product)
        return replace(result, status=status, final=True)
    required = ((whole.floor / product) ** (_ONE / (n - k)) - _ONE) * _HUNDRED
    if product >= whole.floor:  # the remaining years need nothing: on track, not achieved
        return replace(result, required=required, status=ProgressStatus.ON_TRACK)
    return _judged(inputs, replace(result, required=required))


@dataclass(frozen=True, slots=True)
class _Compounded:
    """A growth target in terms of the product of (1 + g/100) over ``years`` years: the bounds
    and the near zone raised to that power, so that statuses compare products exactly."""

    kind: TargetKind
    min: Decimal | None
    max: Decimal | None
    tolerance: Decimal | None

    @property
    def floor(self) -> Decimal:
        assert self.min is not None
        return self.min


def _compounded(indicator: Indicator, years: int) -> _Compounded:
    def power(rate: Decimal | None) -> Decimal | None:
        return None if rate is None else (_ONE + rate / _HUNDRED) ** years

    low = power(indicator.min)
    tolerance = None
    if indicator.tolerance and low is not None and indicator.min is not None:
        near = power(indicator.min - indicator.tolerance)
        assert near is not None
        tolerance = low - near
    return _Compounded(indicator.kind, low, power(indicator.max), tolerance)


def _cumulative(inputs: Inputs, result: Progress, win: Window) -> Progress:
    """A total over the term: the yearly pace so far against the pace the target needs."""
    total_target = _lower(inputs)
    n, k = win.years, len(win.points)
    total = sum((p.value for p in win.points), Decimal(0))
    pace = total / k
    projected = (pace * n).quantize(_CENT)
    result = replace(
        result,
        actual=pace,
        projection=Projection(inputs.term.to, projected, status_of(inputs.indicator, projected)[0]),
        to_date=_to_date(inputs, win, total, "total"),
        running_total=_running_total(result, win, total),
    )
    cr = pace / (total_target / n) if total_target > 0 else None
    if k >= n:
        return replace(result, cr=cr, status=final_status(inputs.indicator, total), final=True)
    required = (total_target - total) / (n - k)
    result = replace(result, cr=cr, required=required)
    if total >= total_target:
        return replace(result, status=ProgressStatus.ACHIEVED)  # a total reached stays reached
    return _judged(inputs, result)


def _lower(inputs: Inputs) -> Decimal:
    low = inputs.indicator.min
    assert low is not None  # validate-targets: these methods need a lower bound
    return low


def _with_mean(
    inputs: Inputs, result: Progress, win: Window, mean: Decimal, basis: str
) -> Progress:
    projected = mean.quantize(_CENT)
    projection = Projection(inputs.term.to, projected, status_of(inputs.indicator, projected)[0])
    return replace(
        result, actual=mean, projection=projection, to_date=_to_date(inputs, win, mean, basis)
    )


def _judged(inputs: Inputs, result: Progress) -> Progress:
    """Before the term ends: UNSD's ratio; a requirement already met (R <= 0) is on track,
    never achieved, since the remaining years still count."""
    if result.required is not None and result.required <= 0:
        return replace(result, status=ProgressStatus.ON_TRACK)
    if result.cr is None:
        return result
    return replace(result, status=ratio_status(result.cr, inputs.thresholds))


def _to_date(inputs: Inputs, win: Window, value: Decimal, basis: str) -> ToDate:
    last = win.points[-1]
    return ToDate(str(last.year), value, status_of(inputs.indicator, value)[0], basis)


def _running_total(result: Progress, win: Window, total: Decimal) -> RunningTotal:
    """The total with the latest part-year figure after the last whole year included."""
    last = win.points[-1]
    later = [p for p in result.series if not p.used and p.provisional and p.year == last.year + 1]
    if not later:
        return RunningTotal(total, str(last.year), 12)
    part = later[-1]
    return RunningTotal(total + part.value, part.period, part.month)
