"""The public face of ``cantho_kpi.report``: every name it offers, by the module that
defines it (read by type checkers, and by :mod:`cantho_kpi.faces` to load each name on
first use)."""

from .applicable import (
    AppliedTarget as AppliedTarget,
    applicable_target as applicable_target,
    base_target as base_target,
    judge as judge,
    plan_reference as plan_reference,
)
from .assess import assess as assess
from .calendar import (
    LaunchStatus as LaunchStatus,
    RoundStatus as RoundStatus,
    Timeliness as Timeliness,
    final_report_statuses as final_report_statuses,
    launch_statuses as launch_statuses,
    report_timeliness as report_timeliness,
    round_name as round_name,
    round_statuses as round_statuses,
    rounds_of as rounds_of,
    timeliness_of as timeliness_of,
)
from .chase import ChaseItem as ChaseItem, chase_list as chase_list, to_chase as to_chase
from .evaluate import Evaluation as Evaluation, evaluate as evaluate
from .headline import classify as classify
from .model import (
    Headline as Headline,
    LogProblems as LogProblems,
    MissingUnit as MissingUnit,
    Report as Report,
    Result as Result,
    Rollup as Rollup,
    rollups_by_level as rollups_by_level,
)
from .progress import (
    WEAKEST_FIRST as WEAKEST_FIRST,
    Inputs as Inputs,
    Point as Point,
    Progress as Progress,
    ProgressStatus as ProgressStatus,
    Projection as Projection,
    default_method as default_method,
)
from .ranking import (
    ClusterRanking as ClusterRanking,
    Ranking as Ranking,
    Reference as Reference,
    Standing as Standing,
    TermRecord as TermRecord,
    rank as rank,
)
from .receipts import IMPLAUSIBLE as IMPLAUSIBLE, Receipts as Receipts
from .resubmit import (
    Ordering as Ordering,
    is_superseded as is_superseded,
    order_resubmissions as order_resubmissions,
    version_mark as version_mark,
)
from .review import (
    FigureRow as FigureRow,
    ReferenceRow as ReferenceRow,
    Review as Review,
    TermTotal as TermTotal,
    build_review as build_review,
    estimate_figures as estimate_figures,
)
from .series import Archive as Archive, build_archive as build_archive
from .summaries import (
    IndicatorRow as IndicatorRow,
    UnitRow as UnitRow,
    indicator_rows as indicator_rows,
    summary as summary,
    unit_rows as unit_rows,
)
from .tracker import (
    ProgressReport as ProgressReport,
    plan_targets as plan_targets,
    progress_of_report as progress_of_report,
    track_progress as track_progress,
)
