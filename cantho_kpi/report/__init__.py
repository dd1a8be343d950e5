"""(targets, submissions) -> results: the evaluation, the report and its summaries."""

from .evaluate import Evaluation, evaluate
from .model import MissingUnit, Report, Result
from .summaries import IndicatorRow, UnitRow, indicator_rows, summary, unit_rows

__all__ = [
    "Evaluation",
    "IndicatorRow",
    "MissingUnit",
    "Report",
    "Result",
    "UnitRow",
    "evaluate",
    "indicator_rows",
    "summary",
    "unit_rows",
]
