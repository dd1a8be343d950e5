"""The term methods, ``average`` and ``cumulative``: the years observed so far against what the
rest of the term needs to reach a yearly average or a term total. Pure; see
``docs/progress.md``."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..domain import status_of
from ..targets import ProgressMethod
from .progress import Inputs, Progress, ProgressStatus, Projection, final_status, ratio_status

_CENT = Decimal("0.01")


def assess_flow(inputs: Inputs, base: Progress) -> Progress:
    """The verdict of an average or cumulative series (the years of the term only)."""
    term = inputs.term
    points = tuple(p for p in base.series if term.from_ <= p.year <= term.to)
    result = replace(base, series=points)
    if not points:
        return result
    indicator = inputs.indicator
    assert indicator.min is not None  # validate-targets: these methods need a lower bound
    n, k = term.years, len(points)
    total = sum((p.value for p in points), Decimal(0))
    cumulative = result.method is ProgressMethod.CUMULATIVE
    need = indicator.min if cumulative else indicator.min * n
    mean = total / k
    projected = (mean * n if cumulative else mean).quantize(_CENT)
    projection = Projection(term.to, projected, status_of(indicator, projected)[0])
    result = replace(result, projection=projection, actual=mean)
    if k >= n:
        return replace(result, status=final_status(indicator, total if cumulative else total / n))
    required = (need - total) / (n - k)
    result = replace(result, required=required)
    if required <= 0:
        return replace(result, status=ProgressStatus.ACHIEVED)
    cr = mean / required
    return replace(result, cr=cr, status=ratio_status(cr, inputs.thresholds))
