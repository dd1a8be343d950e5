"""An unreadable file keeps the unit its name gives (issue 11, item 11)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"
OLD_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # an OLE2 (Excel 97) header


@pytest.fixture
def with_old_xls(tmp_path: Path) -> Path:
    folder = tmp_path / "2024-Q2"
    shutil.copytree(Q2, folder)
    (folder / "CR_2024-Q2.xlsx").unlink()
    (folder / "CR_2024-Q2.xls").write_bytes(OLD_XLS)
    return folder


def test_json_names_the_unit_and_period_of_an_unreadable_file(kpi: Kpi, with_old_xls: Path) -> None:
    result = kpi("check", str(with_old_xls), "--format", "json")
    assert result.exit_code == EXIT_FINDINGS
    doc = json.loads(result.stdout)
    old = next(s for s in doc["submissions"] if s["file"].endswith("CR_2024-Q2.xls"))
    assert (old["unit_code"], old["unit"], old["period"]) == ("CR", "Quận Cái Răng", "2024-Q2")
    assert old["valid"] is False
    assert "CR" not in {m["unit_code"] for m in doc["missing_units"]}


def test_table_shows_the_unit_not_a_question_mark(
    kpi: Kpi, with_old_xls: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    result = kpi("check", str(with_old_xls))
    rows = [line.split() for line in result.stdout.splitlines()]
    assert not any(row[:1] == ["?"] for row in rows)
    cr = next(row for row in rows if row[:1] == ["CR"])
    assert "2024-Q2" in cr
