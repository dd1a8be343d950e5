"""Nothing is skipped in silence (issue 11, item 4): files that are not submissions, exports
lying in the folder, unfilled templates, templates for units that do not report."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2024-Q2"
    folder.mkdir()
    for name in ("CT_2024-Q2.xlsx", "NK_2024-Q2.xlsx"):
        shutil.copy(Q2 / name, folder / name)
    return folder


def test_documents_and_images_are_listed_once_as_skipped(kpi: Kpi, folder: Path) -> None:
    for name in ("cong-van.pdf", "ghi-chu.docx", "anh.jpg"):
        (folder / name).write_bytes(b"not a submission")
    (folder / ".DS_Store").write_bytes(b"")
    result = kpi("check", str(folder), "--lang", "en")
    assert result.exit_code == EXIT_OK
    lines = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert lines == [
        "skipped 3 files that are not submissions (.xlsx, .csv): anh.jpg, cong-van.pdf, "
        "ghi-chu.docx"
    ]
    vi = kpi("check", str(folder)).stderr
    assert "bỏ qua 3 tệp không phải báo cáo (.xlsx, .csv): anh.jpg" in vi


def test_one_skipped_file_is_one_file(kpi: Kpi, folder: Path) -> None:
    (folder / "cong-van.pdf").write_bytes(b"%PDF")
    result = kpi("check", str(folder), "--lang", "en", "--format", "json")
    assert "skipped 1 file that is not a submission (.xlsx, .csv): cong-van.pdf" in result.stderr
    assert len(json.loads(result.stdout)["submissions"]) == 2


def test_an_export_in_the_folder_is_recognised_not_read(
    kpi: Kpi, folder: Path, tmp_path: Path
) -> None:
    from cantho_kpi.submissions import is_export, scan

    out = folder / "tong-hop_2024-Q2.xlsx"
    assert kpi("export", str(folder), "-o", str(out)).exit_code == EXIT_OK
    assert is_export(out)
    assert not is_export(folder / "NK_2024-Q2.xlsx")
    result = kpi("check", str(folder), "--format", "json")
    assert result.exit_code == EXIT_OK
    doc = json.loads(result.stdout)
    assert [Path(s["file"]).name for s in doc["submissions"]] == [
        "CT_2024-Q2.xlsx",
        "NK_2024-Q2.xlsx",
    ]
    assert "no-header" not in result.stdout
    assert (
        "bỏ qua tong-hop_2024-Q2.xlsx: bảng tổng hợp do kpi export tạo, không phải báo cáo"
        in result.stderr
    )
    # exporting again into the same folder does not read the previous export either
    again = kpi("export", str(folder), "-o", str(out), "--force")
    assert again.exit_code == EXIT_OK
    assert [s.reason for s in scan([folder]).skipped] == ["kpi-export"]


def test_an_unfilled_template_is_a_unit_not_reported(kpi: Kpi, folder: Path) -> None:
    made = kpi("template", "--unit", "VT", "--period", "2024-Q2", "-o", str(folder / "VT.xlsx"))
    assert made.exit_code == EXIT_OK
    result = kpi("check", str(folder), "--format", "json")
    assert result.exit_code == EXIT_OK  # a warning, not an error
    doc = json.loads(result.stdout)
    vt = next(s for s in doc["submissions"] if s["unit_code"] == "VT")
    assert [(i["code"], i["severity"]) for i in vt["issues"]] == [("no-values", "warning")]
    assert "VT" in {m["unit_code"] for m in doc["missing_units"]}
    assert kpi("check", str(folder), "--fail-on", "missing").exit_code == EXIT_FINDINGS


def test_a_filled_file_is_not_unfilled(kpi: Kpi) -> None:
    doc = json.loads(kpi("check", str(Q2), "--format", "json").stdout)
    codes = {i["code"] for s in doc["submissions"] for i in s["issues"]}
    assert "no-values" not in codes
    assert [m["unit_code"] for m in doc["missing_units"]] == ["BTCTU"]


def test_template_for_a_unit_that_does_not_report_then(kpi: Kpi, tmp_path: Path) -> None:
    result = kpi("template", "--unit", "NK", "--period", "2025-Q4", "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == EXIT_USAGE
    assert "đơn vị NK không báo cáo kỳ 2025-Q4 (đơn vị báo cáo đến 2025-Q2)" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()
    ok = kpi("template", "--unit", "NK", "--period", "2025-Q2", "-o", str(tmp_path / "y.xlsx"))
    assert ok.exit_code == EXIT_OK
