"""One series -> one verdict, by the indicator's method. Pure."""

from __future__ import annotations

from ..targets import ProgressMethod
from .flows import assess_flow
from .progress import Inputs, Point, Progress, ProgressStatus, default_method
from .rates import assess_rate

_RATE_METHODS = (ProgressMethod.CAGR, ProgressMethod.LINEAR)


def assess(inputs: Inputs, series: list[Point]) -> Progress:
    """The progress verdict of one series (sorted by year, at most one point a year)."""
    points = tuple(p for p in sorted(series, key=lambda p: p.year) if p.year <= inputs.term.to)
    method = default_method(inputs.indicator)
    base = Progress(
        unit_code=inputs.unit_code,
        code=inputs.indicator.code,
        method=method,
        baseline=inputs.baseline,
        series=points,
        status=ProgressStatus.INSUFFICIENT_DATA,
    )
    if method in _RATE_METHODS:
        return assess_rate(inputs, base)
    return assess_flow(inputs, base)
