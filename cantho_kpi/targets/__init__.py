"""The targets file: its models, safe YAML with positions, the cross-checks, the JSON Schema,
how a target reads to a person, and which file to use (``find_targets``). ``load_targets``
is the way in."""

from .load import TargetsResult, load_targets, validate_text
from .locate import DEFAULT_TARGETS, PACKAGED_TARGETS, find_targets
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
    "KNOWN_UNITS",
    "PACKAGED_TARGETS",
    "SCHEMA_PATH",
    "Group",
    "Indicator",
    "Plausible",
    "ReportingUnit",
    "TargetsFile",
    "TargetsResult",
    "UnitLevel",
    "find_targets",
    "indicator_label",
    "load_targets",
    "target_text",
    "targets_schema",
    "targets_schema_text",
    "unit_label",
    "validate_text",
]
