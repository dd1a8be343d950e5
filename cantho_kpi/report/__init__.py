"""(targets, submissions) -> results: the evaluation, the report and its summaries."""

from .assess import assess
from .evaluate import Evaluation, evaluate
from .model import MissingUnit, Report, Result
from .progress import (
    PROGRESS_LABEL,
    PROGRESS_SYMBOL,
    WEAKEST_FIRST,
    Inputs,
    Point,
    Progress,
    ProgressStatus,
    Projection,
    default_method,
)
from .series import Archive, build_archive
from .summaries import IndicatorRow, UnitRow, indicator_rows, summary, unit_rows
from .tracker import ProgressReport, plan_targets, progress_of_report, track_progress

__all__ = [
    "PROGRESS_LABEL",
    "PROGRESS_SYMBOL",
    "WEAKEST_FIRST",
    "Archive",
    "Evaluation",
    "IndicatorRow",
    "Inputs",
    "MissingUnit",
    "Point",
    "Progress",
    "ProgressReport",
    "ProgressStatus",
    "Projection",
    "Report",
    "Result",
    "UnitRow",
    "assess",
    "build_archive",
    "default_method",
    "evaluate",
    "indicator_rows",
    "plan_targets",
    "progress_of_report",
    "summary",
    "track_progress",
    "unit_rows",
]
