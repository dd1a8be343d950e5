"""Vietnamese all the way when the language is Vietnamese, and English plurals right
(issue 11, item 8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import Result

Kpi = Callable[..., Result]
Q2 = "data/submissions/2024-Q2"


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")


def test_kinds_in_the_targets_table_are_words_and_symbols(kpi: Kpi) -> None:
    vi = kpi("targets").stdout
    assert "trong khoảng" in vi
    assert "trong dải" in vi
    for name in ("at_least", "at_most", "range", "band", "below"):
        assert name not in vi
    ct12 = next(line for line in vi.splitlines() if "CT12" in line)
    assert ct12.rstrip(" │").endswith("≥")


def test_the_workbook_kinds_follow_the_language(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "th.xlsx"
    kpi("export", Q2, "-o", str(out), "--fail-on", "never")
    kinds = {
        row[6] for row in load_workbook(out)["Chỉ tiêu"].iter_rows(min_row=2, values_only=True)
    }
    assert kinds == {"trong khoảng", "trong dải", "≥", "<"}


def test_stderr_summary_of_export_in_vietnamese(kpi: Kpi, tmp_path: Path) -> None:
    result = kpi("export", Q2, "-o", str(tmp_path / "th.xlsx"))
    assert result.stderr.strip() == f"đã ghi {tmp_path / 'th.xlsx'}; 1 tệp có lỗi, xem trang Vấn đề"


def test_the_problems_column_is_explained(kpi: Kpi) -> None:
    vi = kpi("check", Q2).stdout
    assert "Lỗi: số lỗi, +số cảnh báo (1+2: 1 lỗi và 2 cảnh báo; - là không có)" in vi
    en = kpi("check", Q2, "--lang", "en").stdout
    assert "Issues: errors, +warnings (1+2: 1 error and 2 warnings; - none)" in en


def test_english_plurals(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    result = kpi("export", Q2, "-o", str(out), "--lang", "en")
    assert result.stderr.strip().endswith("; 1 file with errors, see the Problems sheet")
    subtitle = load_workbook(out)["Summary"]["A2"].value
    assert subtitle.endswith("· 13 files, 1 with errors, 1 unit not reported")
    valid = kpi("validate-targets", "data/targets.yaml", "--lang", "en")
    assert valid.stderr.strip().splitlines() == [
        "data/targets.yaml: valid (35 indicators; own targets of 3 units)",
        "data/drive.yaml: valid (4 rounds, 2 clusters)",
    ]
