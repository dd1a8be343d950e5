"""(targets, submissions) -> results: the evaluation, the report and its summaries."""

from .applicable import (
    AppliedTarget,
    applicable_target,
    applied_text,
    base_target,
    judge,
    unit_target_text,
)
from .assess import assess
from .calendar import (
    LaunchStatus,
    RoundStatus,
    Timeliness,
    launch_statuses,
    round_name,
    round_statuses,
    rounds_of,
    timeliness_of,
)
from .chase import ChaseItem, chase_list
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
from .ranking import ClusterRanking, Ranking, Standing, rank
from .resubmit import Ordering, is_superseded, order_resubmissions, version_mark
from .series import Archive, build_archive
from .summaries import IndicatorRow, UnitRow, indicator_rows, summary, unit_rows
from .tracker import ProgressReport, plan_targets, progress_of_report, track_progress

__all__ = [
    "PROGRESS_LABEL",
    "PROGRESS_SYMBOL",
    "WEAKEST_FIRST",
    "AppliedTarget",
    "Archive",
    "ChaseItem",
    "ClusterRanking",
    "Evaluation",
    "Headline",
    "IndicatorRow",
    "Inputs",
    "LaunchStatus",
    "MissingUnit",
    "Ordering",
    "Point",
    "Progress",
    "ProgressReport",
    "ProgressStatus",
    "Projection",
    "Ranking",
    "Report",
    "Result",
    "Rollup",
    "RoundStatus",
    "Standing",
    "Timeliness",
    "UnitRow",
    "applicable_target",
    "applied_text",
    "assess",
    "base_target",
    "build_archive",
    "chase_list",
    "classify",
    "default_method",
    "evaluate",
    "headline_text",
    "indicator_rows",
    "is_superseded",
    "judge",
    "launch_statuses",
    "order_resubmissions",
    "plan_targets",
    "progress_of_report",
    "rank",
    "round_name",
    "round_statuses",
    "rounds_of",
    "summary",
    "timeliness_of",
    "track_progress",
    "unit_rows",
    "unit_target_text",
    "version_mark",
]
