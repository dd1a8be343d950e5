"""(targets, submissions) -> results: the evaluation, the report and its summaries."""

from .calendar import (
    LaunchStatus,
    RoundStatus,
    Timeliness,
    judge,
    launch_statuses,
    round_statuses,
    rounds_of,
)
from .chase import ChaseItem, chase_list
from .evaluate import Evaluation, evaluate
from .model import MissingUnit, Report, Result
from .ranking import ClusterRanking, Ranking, Standing, rank
from .resubmit import Ordering, order_resubmissions, version_mark
from .summaries import IndicatorRow, UnitRow, indicator_rows, summary, unit_rows

__all__ = [
    "ChaseItem",
    "ClusterRanking",
    "Evaluation",
    "IndicatorRow",
    "LaunchStatus",
    "MissingUnit",
    "Ordering",
    "Ranking",
    "Report",
    "Result",
    "RoundStatus",
    "Standing",
    "Timeliness",
    "UnitRow",
    "chase_list",
    "evaluate",
    "indicator_rows",
    "judge",
    "launch_statuses",
    "order_resubmissions",
    "rank",
    "round_statuses",
    "rounds_of",
    "summary",
    "unit_rows",
    "version_mark",
]
