"""The targets file: its models, safe YAML with positions, the cross-checks, the JSON Schema,
and how a target reads to a person. ``load_targets`` is the way in."""

from .fields import KNOWN_UNITS
from .load import DEFAULT_TARGETS, TargetsResult, load_targets, validate_text
from .model import (
    AccruesOver,
    Aggregate,
    Baseline,
    BeforeEnd,
    Break,
    Group,
    Indicator,
    Measure,
    Plausible,
    ProgressMethod,
    ProgressSettings,
    ReportingUnit,
    Scope,
    TargetsFile,
    Term,
    Thresholds,
    UnitLevel,
)
from .schema import SCHEMA_PATH, targets_schema, targets_schema_text
from .text import bounds_text, indicator_label, target_text, unit_label
from .unit_targets import LaunchDocument, UnitTarget, UnitTargets

__all__ = [
    "DEFAULT_TARGETS",
    "KNOWN_UNITS",
    "SCHEMA_PATH",
    "AccruesOver",
    "Aggregate",
    "Baseline",
    "BeforeEnd",
    "Break",
    "Group",
    "Indicator",
    "LaunchDocument",
    "Measure",
    "Plausible",
    "ProgressMethod",
    "ProgressSettings",
    "ReportingUnit",
    "Scope",
    "TargetsFile",
    "TargetsResult",
    "Term",
    "Thresholds",
    "UnitLevel",
    "UnitTarget",
    "UnitTargets",
    "bounds_text",
    "indicator_label",
    "load_targets",
    "target_text",
    "targets_schema",
    "targets_schema_text",
    "unit_label",
    "validate_text",
]
