"""The ``every_year`` method: a target the plan sets for each year of the term ("hàng năm").
Each year is judged on its own by the rule ``kpi check`` uses; one missed year means the term's
target can no longer be met, however the trend looks. Pure; see ``docs/progress.md``.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain import Status, status_of
from .progress import Inputs, Progress, ProgressStatus, ToDate
from .terms import named_break, window

_MET = (Status.MET, Status.EXCEEDED)


def assess_every_year(inputs: Inputs, base: Progress) -> Progress:
    """``not_achieved`` as soon as one year misses (``near`` is not met), ``achieved`` at the
    term's end with every year met, ``on_track`` in between; a gap is ``insufficient_data``."""
    win = window(inputs, base)
    judged = [(p, status_of(inputs.indicator, p.value)[0]) for p in win.points]
    met = sum(1 for _, status in judged if status in _MET)
    result = replace(
        base,
        cut=named_break(inputs, win),
        missing_years=win.missing,
        years_judged=len(judged),
        years_met=met,
    )
    if judged:
        last, status = judged[-1]
        result = replace(result, to_date=ToDate(str(last.year), last.value, status, "figure"))
    if met < len(judged):
        return replace(result, status=ProgressStatus.NOT_ACHIEVED, final=win.complete)
    if not judged or win.missing:
        return result  # insufficient_data
    if win.complete:
        return replace(result, status=ProgressStatus.ACHIEVED, final=True)
    return replace(result, status=ProgressStatus.ON_TRACK)
