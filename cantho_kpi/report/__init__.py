"""(targets, submissions) -> results: the evaluation, the report and its summaries."""

from .applicable import AppliedTarget, applicable_target, applied_text, judge
from .evaluate import Evaluation, evaluate
from .headline import classify, headline_text
from .model import Headline, MissingUnit, Report, Result, Rollup
from .summaries import IndicatorRow, UnitRow, indicator_rows, summary, unit_rows

__all__ = [
    "AppliedTarget",
    "Evaluation",
    "Headline",
    "IndicatorRow",
    "MissingUnit",
    "Report",
    "Result",
    "Rollup",
    "UnitRow",
    "applicable_target",
    "applied_text",
    "classify",
    "evaluate",
    "headline_text",
    "indicator_rows",
    "judge",
    "summary",
    "unit_rows",
]
