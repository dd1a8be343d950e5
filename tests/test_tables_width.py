"""Tables at 60 and 80 columns keep every code and value whole; units in the order of
``reporting_units`` everywhere (issue 11, item 7)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import Result

from cantho_kpi.domain import format_number
from cantho_kpi.targets import TargetsFile

Kpi = Callable[..., Result]
Q2 = "data/submissions/2024-Q2"
VIEWS = {
    "folder": [Q2],
    "folder-en": [Q2, "--lang", "en"],
    "one-file": [f"{Q2}/OM_2024-Q2.xlsx"],
    "one-unit": [Q2, "--unit", "TN"],
    "detail": [Q2, "--detail"],
}


def _results(kpi: Kpi, args: list[str]) -> list[dict[str, object]]:
    doc = json.loads(kpi("check", *args, "--format", "json", "--fail-on", "never").stdout)
    return list(doc["results"])


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("view", list(VIEWS))
def test_codes_and_values_are_never_cut(
    kpi: Kpi, monkeypatch: pytest.MonkeyPatch, width: int, view: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    args = VIEWS[view]
    out = kpi("check", *args).stdout
    assert "…" not in out
    # problem lines are never cut either: the terminal wraps them, grep finds them whole
    lines = [line for line in out.splitlines() if line[:1] not in "✗⚠"]
    assert max(len(line) for line in lines) <= width
    words = set(out.split())
    lang = "en" if "en" in args else "vi"
    for result in _results(kpi, [a for a in args if a != "--detail"]):
        assert result["unit_code"] in words
        if view in ("one-file", "one-unit", "detail"):
            assert result["code"] in words
            if result["value"] is not None:
                shown = format_number(Decimal(str(result["value"])), lang)
                assert shown in out, (result["code"], shown)


def test_optional_columns_are_dropped_in_order(kpi: Kpi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    narrow = kpi("check", Q2).stdout
    monkeypatch.setenv("COLUMNS", "100")
    wide = kpi("check", Q2).stdout
    for header in ("Đơn vị", "Kém nhất", "Tốt nhất"):
        assert re.search(rf"^  Mã .*{header}", wide, re.M)
        assert not re.search(rf"^  Mã .*{header}", narrow, re.M)
    assert re.search(r"^  Mã +Kỳ ", narrow, re.M)  # the period stays


def test_units_in_the_order_of_the_targets_file(
    kpi: Kpi, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    order = [u.code for u in targets.reporting_units]
    doc = json.loads(kpi("check", Q2, "--format", "json").stdout)
    listed = [s["unit_code"] for s in doc["submissions"]]
    assert listed == [code for code in order if code in listed]
    table = kpi("check", Q2).stdout.split("Chưa nộp")[0]
    rows = [
        line.split()[0] for line in table.splitlines() if line.startswith("  ") and line.split()
    ]
    assert [r for r in rows if r in order] == listed
    out = tmp_path / "th.xlsx"
    kpi("export", Q2, "-o", str(out))
    sheet = load_workbook(out)["Tổng hợp"]
    column = [sheet.cell(r, 1).value for r in range(6, 6 + len(order))]
    assert column == order  # the unit that has not reported too, in its place
