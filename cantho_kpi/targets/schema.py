"""The JSON Schema of the targets file, generated from the models. Pure."""

from __future__ import annotations

import json
from typing import Any

from .model import TargetsFile

SCHEMA_PATH = "schema/targets.schema.json"


def targets_schema() -> dict[str, Any]:
    return TargetsFile.model_json_schema(by_alias=True)


def targets_schema_text() -> str:
    """The schema as committed in ``schema/targets.schema.json``."""
    return json.dumps(targets_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
