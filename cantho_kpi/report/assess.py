"""One series -> one verdict, by the indicator's method. Pure.

The figures are first sorted into one point a year, each counted or not (:mod:`.yearly`); the
method then judges the counted ones: the rate methods (:mod:`.rates`), the term methods
(:mod:`.terms`) or every year on its own (:mod:`.every_year`).
"""

from __future__ import annotations

from dataclasses import replace

from ..domain import status_of
from ..targets import ProgressMethod
from .every_year import assess_every_year
from .progress import Inputs, Point, Progress, ProgressStatus, ToDate, default_method
from .rates import assess_rate
from .terms import assess_term
from .yearly import after_break, boundary_break, standing_points

_RATE_METHODS = (ProgressMethod.CAGR, ProgressMethod.LINEAR)


def assess(inputs: Inputs, series: list[Point]) -> Progress:
    """The progress verdict of one series (the figures of every round, in any order)."""
    points = standing_points(inputs, series)
    boundary = boundary_break(inputs)
    ended = boundary if boundary and any(after_break(p, boundary) for p in points) else None
    base = Progress(
        unit_code=inputs.unit_code,
        code=inputs.indicator.code,
        method=default_method(inputs.indicator),
        baseline=inputs.baseline,
        series=points,
        status=ProgressStatus.INSUFFICIENT_DATA,
        boundary=ended,
    )
    if base.method in _RATE_METHODS:
        return _level_to_date(inputs, assess_rate(inputs, base))
    if base.method is ProgressMethod.EVERY_YEAR:
        return assess_every_year(inputs, base)
    return assess_term(inputs, base)


def _level_to_date(inputs: Inputs, result: Progress) -> Progress:
    """A level's latest whole-year figure, judged as ``kpi check`` would."""
    whole = [p for p in result.series if p.used and not p.provisional]
    if not whole:
        return result
    last = whole[-1]
    status = status_of(inputs.indicator, last.value)[0]
    return replace(result, to_date=ToDate(str(last.year), last.value, status, "figure"))
