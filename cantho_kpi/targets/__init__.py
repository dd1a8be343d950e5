"""The targets file: its models, safe YAML with positions, the cross-checks, the JSON Schema,
how a target reads to a person, and which file to use (``find_targets``). ``load_targets``
is the way in (``load_targets_cached`` for the commands: see :mod:`.cache`).

Names are loaded on first use (as in ``output``), so that a command imports only the modules it
uses: ``kpi check`` starts without the progress, ranking or schema code it does not run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cache import cache_folder, load_drive_cached, load_targets_cached
    from .drive import load_drive
    from .drive_model import (
        SCORED,
        Awards,
        Cluster,
        ClusterKind,
        Contact,
        DriveFile,
        LaunchReceipt,
        RoundDeadline,
        Scoring,
        drive_round_of,
    )
    from .fields import KNOWN_UNITS
    from .load import load_targets, validate_text
    from .locate import (
        DEFAULT_TARGETS,
        DRIVE_FILE_NAME,
        PACKAGED_TARGETS,
        UNIT_TARGETS_DIR,
        drive_path,
        find_targets,
    )
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
    from .result import DriveResult, TargetsResult
    from .schema import SCHEMA_PATH, targets_schema, targets_schema_text
    from .text import bounds_text, indicator_label, target_text, unit_label
    from .unit_targets import LaunchDocument, UnitTarget, UnitTargets

_WHERE = {
    "cache_folder": "cache",
    "load_drive_cached": "cache",
    "load_targets_cached": "cache",
    "DRIVE_FILE_NAME": "locate",
    "drive_path": "locate",
    "load_drive": "drive",
    "SCORED": "drive_model",
    "Awards": "drive_model",
    "Cluster": "drive_model",
    "ClusterKind": "drive_model",
    "Contact": "drive_model",
    "DriveFile": "drive_model",
    "LaunchReceipt": "drive_model",
    "RoundDeadline": "drive_model",
    "Scoring": "drive_model",
    "drive_round_of": "drive_model",
    "KNOWN_UNITS": "fields",
    "load_targets": "load",
    "validate_text": "load",
    "DEFAULT_TARGETS": "locate",
    "PACKAGED_TARGETS": "locate",
    "find_targets": "locate",
    "AccruesOver": "model",
    "Aggregate": "model",
    "Baseline": "model",
    "BeforeEnd": "model",
    "Break": "model",
    "Group": "model",
    "Indicator": "model",
    "Measure": "model",
    "Plausible": "model",
    "ProgressMethod": "model",
    "ProgressSettings": "model",
    "ReportingUnit": "model",
    "Scope": "model",
    "TargetsFile": "model",
    "Term": "model",
    "Thresholds": "model",
    "UnitLevel": "model",
    "DriveResult": "result",
    "TargetsResult": "result",
    "SCHEMA_PATH": "schema",
    "targets_schema": "schema",
    "targets_schema_text": "schema",
    "bounds_text": "text",
    "indicator_label": "text",
    "target_text": "text",
    "unit_label": "text",
    "UNIT_TARGETS_DIR": "locate",
    "LaunchDocument": "unit_targets",
    "UnitTarget": "unit_targets",
    "UnitTargets": "unit_targets",
}
__all__ = [
    "DEFAULT_TARGETS",
    "DRIVE_FILE_NAME",
    "KNOWN_UNITS",
    "PACKAGED_TARGETS",
    "SCHEMA_PATH",
    "SCORED",
    "UNIT_TARGETS_DIR",
    "AccruesOver",
    "Aggregate",
    "Awards",
    "Baseline",
    "BeforeEnd",
    "Break",
    "Cluster",
    "ClusterKind",
    "Contact",
    "DriveFile",
    "DriveResult",
    "Group",
    "Indicator",
    "LaunchDocument",
    "LaunchReceipt",
    "Measure",
    "Plausible",
    "ProgressMethod",
    "ProgressSettings",
    "ReportingUnit",
    "RoundDeadline",
    "Scope",
    "Scoring",
    "TargetsFile",
    "TargetsResult",
    "Term",
    "Thresholds",
    "UnitLevel",
    "UnitTarget",
    "UnitTargets",
    "bounds_text",
    "cache_folder",
    "drive_path",
    "drive_round_of",
    "find_targets",
    "indicator_label",
    "load_drive",
    "load_drive_cached",
    "load_targets",
    "load_targets_cached",
    "target_text",
    "targets_schema",
    "targets_schema_text",
    "unit_label",
    "validate_text",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next time, found at once
    return value
