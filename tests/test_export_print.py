"""The exported workbook prints as an official attachment (issue 11, item 10): every sheet as
wide as the page, the chart on one page, statuses readable on a black-and-white printer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cantho_kpi.domain import SYMBOL, Status
from cantho_kpi.report import Report

from .conftest import ROOT

Q2 = ROOT / "data" / "submissions" / "2024-Q2"
#: The sample round (13 files, 35 indicators) printed on A4 by LibreOffice took 11 pages when
#: this bound was set (47 before: "Chi tiết" alone was 3 column strips of 12 pages).
MAX_PAGES = 14
#: Headers at either end of a sheet's columns: a page showing one of them must show the other,
#: or the sheet was cut into column strips (a row could not be read across).
ENDS = {
    "Chi tiết": ("Tên chỉ tiêu", "Tệp nguồn"),
    "Cộng dồn": ("Tên chỉ tiêu", "Các đơn vị"),
    "Vấn đề": ("Vị trí", "Nội dung"),
    "Chỉ tiêu": ("Nguyên văn kế hoạch", "Miền hợp lý"),
}


@pytest.fixture(scope="module")
def report(q2_report: Report) -> Report:
    return q2_report


@pytest.fixture(scope="module")
def exported(q2_export: Path) -> Path:
    return q2_export


def test_every_sheet_is_set_to_fit_the_page_width(exported: Path) -> None:
    for sheet in load_workbook(exported).worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.page_setup.fitToWidth == 1, sheet.title


def test_statuses_read_without_colour(exported: Path) -> None:
    book = load_workbook(exported)
    details = book["Chi tiết"]
    marks = tuple(SYMBOL[s] + " " for s in Status)
    statuses = [row[8].value for row in details.iter_rows(min_row=2)]
    assert statuses
    assert all(str(v).startswith(marks) for v in statuses)
    summary = book["Tổng hợp"]
    filled = [
        c for row in summary.iter_rows(min_row=6, max_row=19, min_col=4, max_col=38) for c in row
    ]
    for cell in filled:
        if cell.fill.fill_type is None:
            continue
        shown = cell.value if isinstance(cell.value, str) else cell.number_format
        assert any(SYMBOL[s] in str(shown) for s in Status), cell.coordinate


def _print(path: Path, out: Path) -> list[str]:
    """The text of each page of ``path`` printed by LibreOffice."""
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{path.stem}.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return [page for page in text.split("\f") if page.strip()]


needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed",
)


@needs_libreoffice
def test_the_sample_round_prints_within_the_bound(exported: Path, tmp_path: Path) -> None:
    assert len(_print(exported, tmp_path)) <= MAX_PAGES


@needs_libreoffice
@pytest.mark.parametrize("name", list(ENDS))
def test_no_sheet_is_cut_into_column_strips(exported: Path, tmp_path: Path, name: str) -> None:
    book = load_workbook(exported)
    for other in [n for n in book.sheetnames if n != name]:
        del book[other]
    alone = tmp_path / "alone.xlsx"
    book.save(alone)
    left, right = ENDS[name]
    pages = _print(alone, tmp_path)
    assert pages
    for number, page in enumerate(pages, 1):
        where = f"{name}: page {number} of {len(pages)}"
        assert left in page, where
        assert right in page, where
