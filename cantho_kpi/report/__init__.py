"""(targets, submissions) -> results: the evaluation, the report and its summaries."""

from .applicable import AppliedTarget, applicable_target, applied_text, judge
from .assess import assess
from .evaluate import Evaluation, evaluate
from .headline import classify, headline_text
from .model import Headline, MissingUnit, Report, Result, Rollup
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
    "AppliedTarget",
    "Archive",
    "Evaluation",
    "Headline",
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
    "Rollup",
    "UnitRow",
    "applicable_target",
    "applied_text",
    "assess",
    "build_archive",
    "classify",
    "default_method",
    "evaluate",
    "headline_text",
    "indicator_rows",
    "judge",
    "plan_targets",
    "progress_of_report",
    "summary",
    "track_progress",
    "unit_rows",
]
