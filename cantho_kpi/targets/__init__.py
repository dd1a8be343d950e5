"""The targets file: its models, safe YAML with positions, the cross-checks, the JSON Schema,
and how a target reads to a person. ``load_targets`` is the way in."""

from .load import DEFAULT_TARGETS, TargetsResult, load_targets, validate_text
from .model import (
    KNOWN_UNITS,
    Baseline,
    Break,
    Group,
    Indicator,
    Plausible,
    ProgressMethod,
    ProgressSettings,
    ReportingUnit,
    TargetsFile,
    Term,
    Thresholds,
    UnitLevel,
)
from .schema import SCHEMA_PATH, targets_schema, targets_schema_text
from .text import indicator_label, target_text, unit_label

__all__ = [
    "DEFAULT_TARGETS",
    "KNOWN_UNITS",
    "SCHEMA_PATH",
    "Baseline",
    "Break",
    "Group",
    "Indicator",
    "Plausible",
    "ProgressMethod",
    "ProgressSettings",
    "ReportingUnit",
    "TargetsFile",
    "TargetsResult",
    "Term",
    "Thresholds",
    "UnitLevel",
    "indicator_label",
    "load_targets",
    "target_text",
    "targets_schema",
    "targets_schema_text",
    "unit_label",
    "validate_text",
]
