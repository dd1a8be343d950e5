"""(targets, submissions) -> results: the evaluation, the report and its summaries.

Names are loaded on first use (as in ``output``), so that a command imports only the modules it
uses: ``kpi check`` starts without the progress, ranking or schema code it does not run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# names that are also the names of their modules are bound now: once a module is imported, the
# package's attribute of that name is the module, and would be found before the function
from .assess import assess
from .evaluate import evaluate

if TYPE_CHECKING:
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

_WHERE = {
    "AppliedTarget": "applicable",
    "applicable_target": "applicable",
    "applied_text": "applicable",
    "base_target": "applicable",
    "judge": "applicable",
    "unit_target_text": "applicable",
    "LaunchStatus": "calendar",
    "RoundStatus": "calendar",
    "Timeliness": "calendar",
    "launch_statuses": "calendar",
    "round_name": "calendar",
    "round_statuses": "calendar",
    "rounds_of": "calendar",
    "timeliness_of": "calendar",
    "ChaseItem": "chase",
    "chase_list": "chase",
    "Evaluation": "evaluate",
    "classify": "headline",
    "headline_text": "headline",
    "Headline": "model",
    "MissingUnit": "model",
    "Report": "model",
    "Result": "model",
    "Rollup": "model",
    "PROGRESS_LABEL": "progress",
    "PROGRESS_SYMBOL": "progress",
    "WEAKEST_FIRST": "progress",
    "Inputs": "progress",
    "Point": "progress",
    "Progress": "progress",
    "ProgressStatus": "progress",
    "Projection": "progress",
    "default_method": "progress",
    "ClusterRanking": "ranking",
    "Ranking": "ranking",
    "Standing": "ranking",
    "rank": "ranking",
    "Ordering": "resubmit",
    "is_superseded": "resubmit",
    "order_resubmissions": "resubmit",
    "version_mark": "resubmit",
    "Archive": "series",
    "build_archive": "series",
    "IndicatorRow": "summaries",
    "UnitRow": "summaries",
    "indicator_rows": "summaries",
    "summary": "summaries",
    "unit_rows": "summaries",
    "ProgressReport": "tracker",
    "plan_targets": "tracker",
    "progress_of_report": "tracker",
    "track_progress": "tracker",
}
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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next time, found at once
    return value
