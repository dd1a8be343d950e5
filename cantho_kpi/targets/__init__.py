"""The targets file: its models, safe YAML with positions, the cross-checks, the JSON Schema,
and how a target reads to a person. ``load_targets`` is the way in."""

from .drive import DRIVE_FILE_NAME, DriveResult, drive_path, load_drive
from .drive_model import (
    SCORED,
    Awards,
    Cluster,
    ClusterKind,
    Contact,
    DriveFile,
    LaunchDocument,
    Round,
    Scoring,
    round_of,
)
from .load import DEFAULT_TARGETS, TargetsResult, load_targets, validate_text
from .model import (
    KNOWN_UNITS,
    Group,
    Indicator,
    Plausible,
    ReportingUnit,
    TargetsFile,
    UnitLevel,
)
from .schema import SCHEMA_PATH, targets_schema, targets_schema_text
from .text import indicator_label, target_text, unit_label

__all__ = [
    "DEFAULT_TARGETS",
    "DRIVE_FILE_NAME",
    "KNOWN_UNITS",
    "SCHEMA_PATH",
    "SCORED",
    "Awards",
    "Cluster",
    "ClusterKind",
    "Contact",
    "DriveFile",
    "DriveResult",
    "Group",
    "Indicator",
    "LaunchDocument",
    "Plausible",
    "ReportingUnit",
    "Round",
    "Scoring",
    "TargetsFile",
    "TargetsResult",
    "UnitLevel",
    "drive_path",
    "indicator_label",
    "load_drive",
    "load_targets",
    "round_of",
    "target_text",
    "targets_schema",
    "targets_schema_text",
    "unit_label",
    "validate_text",
]
