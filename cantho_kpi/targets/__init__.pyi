"""The public face of ``cantho_kpi.targets``: every name it offers, by the module that
defines it (read by type checkers, and by :mod:`cantho_kpi.faces` to load each name on
first use)."""

from .cache import (
    cache_folder as cache_folder,
    load_drive_cached as load_drive_cached,
    load_targets_cached as load_targets_cached,
)
from .drive import (
    DRIVE_FILE_NAME as DRIVE_FILE_NAME,
    DriveResult as DriveResult,
    drive_path as drive_path,
    load_drive as load_drive,
)
from .drive_document import (
    NUMBER_MARK as NUMBER_MARK,
    ReviewDocument as ReviewDocument,
)
from .drive_model import (
    PLAN_AWARDS as PLAN_AWARDS,
    SCORED as SCORED,
    AwardGiven as AwardGiven,
    AwardKind as AwardKind,
    Awards as Awards,
    Cluster as Cluster,
    ClusterKind as ClusterKind,
    Contact as Contact,
    DocumentReceipt as DocumentReceipt,
    DriveFile as DriveFile,
    LaunchReceipt as LaunchReceipt,
    RoundDeadline as RoundDeadline,
    Scoring as Scoring,
    drive_round_of as drive_round_of,
    review_first_day as review_first_day,
    review_last_day as review_last_day,
)
from .fields import KNOWN_UNITS as KNOWN_UNITS
from .load import (
    TargetsResult as TargetsResult,
    load_targets as load_targets,
    validate_text as validate_text,
)
from .locate import (
    DEFAULT_TARGETS as DEFAULT_TARGETS,
    GUIDE_NAME as GUIDE_NAME,
    INIT_HINT as INIT_HINT,
    PACKAGED_TARGETS as PACKAGED_TARGETS,
    ROUNDS_DIR as ROUNDS_DIR,
    find_targets as find_targets,
    find_working_folder as find_working_folder,
)
from .model import (
    TERM_METHODS as TERM_METHODS,
    AccruesOver as AccruesOver,
    Aggregate as Aggregate,
    Baseline as Baseline,
    BeforeEnd as BeforeEnd,
    Break as Break,
    BreakKind as BreakKind,
    Group as Group,
    GroupKind as GroupKind,
    Indicator as Indicator,
    Measure as Measure,
    Plausible as Plausible,
    ProgressMethod as ProgressMethod,
    ProgressSettings as ProgressSettings,
    ReportingUnit as ReportingUnit,
    RollupRule as RollupRule,
    Scope as Scope,
    TargetsFile as TargetsFile,
    Term as Term,
    Thresholds as Thresholds,
    UnitLevel as UnitLevel,
)
from .schema import (
    SCHEMA_PATH as SCHEMA_PATH,
    targets_schema as targets_schema,
    targets_schema_text as targets_schema_text,
)
from .text import (
    bounds_text as bounds_text,
    indicator_label as indicator_label,
    rollup_sum_text as rollup_sum_text,
    rollup_title as rollup_title,
    target_text as target_text,
    unit_label as unit_label,
)
from .unit_files import UNIT_TARGETS_DIR as UNIT_TARGETS_DIR
from .unit_targets import (
    LaunchDocument as LaunchDocument,
    UnitTarget as UnitTarget,
    UnitTargets as UnitTargets,
)
