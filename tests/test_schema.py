"""The committed JSON Schema is the one the models generate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from cantho_kpi.targets import SCHEMA_PATH, targets_schema_text

from .conftest import ROOT


def test_committed_schema_is_current(golden: Callable[[Path, str], None]) -> None:
    golden(ROOT / SCHEMA_PATH, targets_schema_text())


def test_schema_command_prints_it(kpi: Callable[..., Result]) -> None:
    result = kpi("schema")
    assert result.exit_code == 0
    assert result.stdout == (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")


def test_schema_forbids_unknown_keys_and_wants_numbers() -> None:
    import json

    schema = json.loads(targets_schema_text())
    indicator = schema["$defs"]["Indicator"]
    assert indicator["additionalProperties"] is False
    assert {"type": "number"} in indicator["properties"]["min"]["anyOf"]
    assert set(indicator["required"]) >= {"code", "number", "kind", "unit", "plausible"}
