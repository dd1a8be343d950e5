"""The exported workbook prints as an official attachment (issue 11, item 10; issue 20, item 1):
every sheet of every export through one page setup (A4 landscape, as wide as the page, header
rows repeated, helper ranges outside the print area), statuses readable on a black-and-white
printer, straight lines in the line charts, dates as dates, notes wrapped and never cut.

The whole archive (four years, two rounds of 2024, the drive file) gives an export with every
kind of sheet; LibreOffice prints it, and each page is checked: its size and orientation
(pdfinfo), its sheet (named in the page header), the first and last columns of its table (no
column strips), no word drawn over another (no text overflowing its row), the legend's note
whole.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cantho_kpi.domain import Status
from cantho_kpi.presentation import SYMBOL
from cantho_kpi.report import Report
from cantho_kpi.workbooks.style import LABELS

from .conftest import ROOT

#: The sample round (13 files, 35 indicators; without the drive's sheets) printed on A4 by
#: LibreOffice: 18 pages since rows are as tall as their wrapped text (11 when long names
#: overflowed their rows, 47 when "Chi tiết" was cut into 3 column strips of 12 pages).
MAX_PAGES = 20
#: Headers at either end of a sheet's columns: every page of the sheet shows both, or it was
#: cut into column strips (a row could not be read across) or lost its repeated header.
ENDS = {
    "Tổng hợp": ("Mã đơn vị", "Không hợp lệ"),
    "Chi tiết": ("Tên chỉ tiêu", "Tệp nguồn"),
    "Cộng dồn": ("Tên chỉ tiêu", "Các đơn vị"),
    "Vấn đề": ("Vị trí", "Nội dung"),
    "Chỉ tiêu": ("Nguyên văn kế hoạch", "Miền hợp lý"),
    "Tiến độ": ("Cách tính", "Dự báo 2025"),
    "Xếp hạng thi đua": ("Cụm, khối", "Ứng viên"),
    "Thời hạn nộp": ("Hạn nộp", "Tệp"),
}
#: Every kind of sheet an export can hold (a summary per round).
KINDS = [
    *(f"Tổng hợp {r}" for r in ("2021", "2022", "2023", "2024-H1", "2024")),
    *("Chi tiết", "Cộng dồn", "Vấn đề", "Chỉ tiêu", "Biểu đồ", "Tiến độ"),
    *("Xếp hạng thi đua", "Thời hạn nộp"),
]
A4_LANDSCAPE = (841.89, 595.3)

needs_libreoffice = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("soffice", "pdftotext", "pdfinfo")),
    reason="LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) not installed",
)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kpi export data/submissions``: the whole sample archive with the drive file."""
    from cantho_kpi.cli import app

    out = tmp_path_factory.mktemp("full") / "tong-hop.xlsx"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("KPI_LANG", raising=False)
        patch.delenv("KPI_TARGETS", raising=False)
        done = CliRunner().invoke(app, ["export", "data/submissions", "-o", str(out)])
    assert done.exit_code == 1, done.output  # two sample files have errors: a finding
    return out


def test_the_export_holds_every_kind_of_sheet(full: Path) -> None:
    assert load_workbook(full).sheetnames == KINDS


def test_every_sheet_goes_through_one_page_setup(full: Path, q2_export: Path) -> None:
    checked = 0
    quarter = load_workbook(q2_export).sheetnames
    assert len(quarter) == 6  # the quarter's export: its summary, Chi tiết, Cộng dồn ...
    for path in (full, q2_export):
        for sheet in load_workbook(path).worksheets:
            setup = sheet.page_setup
            assert (setup.orientation, setup.paperSize) == ("landscape", 9), sheet.title
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
            assert setup.fitToWidth == 1, sheet.title
            assert sheet.oddHeader.right.text == "&A", sheet.title  # the sheet's name
            kind = next((k for k in ENDS if sheet.title.startswith(k)), None)
            if kind is not None:  # a table: its header rows on every page
                assert sheet.print_title_rows, sheet.title
            checked += 1
    assert checked == len(KINDS) + len(quarter)


def test_helper_ranges_lie_outside_the_print_area(full: Path) -> None:
    sheet = load_workbook(full)["Tiến độ"]
    area = sheet.print_area
    assert isinstance(area, str)
    last_printed = int(re.findall(r"\$?(\d+)$", area)[0])
    helper = [c.row for c in sheet["A"] if str(c.value).startswith("Số liệu của đường chỉ tiêu")]
    assert len(helper) == 1
    assert helper[0] > last_printed
    lines = [c for c in sheet["A"] if c.row > helper[0] and c.value]
    assert len(lines) == 6  # one target line a chart: CT01, CT02, CT08, CT11, CT13, CT17b


def test_line_charts_are_straight(full: Path) -> None:
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    series = []
    with zipfile.ZipFile(full) as book:
        for name in book.namelist():
            if name.startswith("xl/charts/chart"):
                root = ET.fromstring(book.read(name))
                for line in root.iterfind(".//c:lineChart", ns):
                    series += [s.find("c:smooth", ns) for s in line.iterfind("c:ser", ns)]
    assert len(series) == 12  # six charts: the figure and its target line
    assert all(s is not None and s.get("val") == "0" for s in series)


def test_dates_are_dates(full: Path) -> None:
    sheet = load_workbook(full)["Thời hạn nộp"]
    days = [c for col in ("D", "E") for c in sheet[col][1:] if c.value is not None]
    assert len(days) >= 30
    assert all(isinstance(c.value, datetime) for c in days)
    # a day written on the report (Ngày lập), not received, is said beside the date
    assert {c.number_format for c in days} == {"DD/MM/YYYY", 'DD/MM/YYYY" (ngày lập)"'}


def test_statuses_read_without_colour(q2_report: Report, q2_export: Path) -> None:
    book = load_workbook(q2_export)
    details = book["Chi tiết"]
    marks = tuple(SYMBOL[s] + " " for s in Status)
    statuses = [row[8].value for row in details.iter_rows(min_row=2)]
    assert len(statuses) == len(q2_report.results)
    assert all(str(v).startswith(marks) for v in statuses)
    summary = book["Tổng hợp"]
    filled = [
        c for row in summary.iter_rows(min_row=6, max_row=19, min_col=4, max_col=38) for c in row
    ]
    coloured = [c for c in filled if c.fill.fill_type is not None]
    assert coloured
    for cell in coloured:
        shown = cell.value if isinstance(cell.value, str) else cell.number_format
        assert any(SYMBOL[s] in str(shown) for s in Status), cell.coordinate


# -- printed by LibreOffice -----------------------------------------------------------------


def _pdf(path: Path, out: Path) -> Path:
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out / f"{path.stem}.pdf"


def _texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _sizes(pdf: Path, pages: int) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)
    return [(round(float(w), 2), round(float(h), 2)) for w, h in found]


Word = tuple[float, float, float, float, str]


def _words(pdf: Path) -> list[list[Word]]:
    """The words of each page with their boxes (xMin, yMin, xMax, yMax, text)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    doc = ET.fromstring(out[out.index("<doc>") : out.index("</doc>") + len("</doc>")])
    return [
        [
            (*(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")  # type: ignore[misc]
            for w in page
        ]
        for page in doc
    ]


def _overlapping(words: list[Word]) -> list[tuple[str, str]]:
    """Words drawn over one another: text that overflowed its cell into the next row."""
    found = []
    ordered = sorted(words, key=lambda w: w[1])
    for index, a in enumerate(ordered):
        for b in ordered[index + 1 :]:
            if b[1] >= a[3]:
                break
            wide = min(a[2], b[2]) - max(a[0], b[0])
            high = min(a[3], b[3]) - max(a[1], b[1])
            if wide > 1 and high > 0.3 * min(a[3] - a[1], b[3] - b[1]):
                found.append((a[4], b[4]))
    return found


def _sheet_of(page: str) -> str:
    """The sheet a page belongs to: the page header ends with its name."""
    first = next(line for line in page.splitlines() if line.strip())
    return re.split(r"\s{2,}", first.strip())[-1]


@pytest.fixture(scope="module")
def printed(full: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf = _pdf(full, tmp_path_factory.mktemp("pdf"))
    return pdf, _texts(pdf)


@needs_libreoffice
def test_every_page_is_a4_landscape(printed: tuple[Path, list[str]]) -> None:
    pdf, pages = printed
    sizes = _sizes(pdf, len(pages))
    assert len(sizes) == len(pages) > len(KINDS)
    assert set(sizes) == {A4_LANDSCAPE}


@needs_libreoffice
def test_every_sheet_prints_in_order_whole_and_without_column_strips(
    printed: tuple[Path, list[str]],
) -> None:
    _, pages = printed
    sheets = [_sheet_of(page) for page in pages]
    assert list(dict.fromkeys(sheets)) == KINDS  # every sheet, in order, none split apart
    assert sheets.count("Biểu đồ") == 1  # the chart on one page
    checked = 0
    for number, (sheet, page) in enumerate(zip(sheets, pages, strict=True), 1):
        kind = next((k for k in ENDS if sheet.startswith(k)), None)
        if kind is None or (kind == "Tiến độ" and "CT01:" in page):
            continue  # the chart sheet, and the progress sheet's pages of charts
        left, right = ENDS[kind]
        assert left in page, f"{sheet}: page {number}"
        assert right in page, f"{sheet}: page {number}"
        checked += 1
    assert checked >= len(pages) - 3


@needs_libreoffice
def test_no_text_overflows_its_row(full: Path, printed: tuple[Path, list[str]]) -> None:
    pdf, pages = printed
    words = _words(pdf)
    assert len(words) == len(pages)
    assert sum(len(w) for w in words) > 20_000
    for number, page in enumerate(words, 1):
        assert _overlapping(page) == [], f"page {number} ({_sheet_of(pages[number - 1])})"


@needs_libreoffice
def test_notes_are_printed_whole(printed: tuple[Path, list[str]]) -> None:
    _, pages = printed
    note = " ".join(LABELS["vi"].legend_note.split())
    shown = [" ".join(page.split()) for page in pages if _sheet_of(page).startswith("Tổng hợp")]
    assert len(shown) == 5
    assert all(note in page for page in shown)


@needs_libreoffice
def test_charts_print_and_their_helper_figures_do_not(printed: tuple[Path, list[str]]) -> None:
    _, pages = printed
    progress = "\n".join(page for page in pages if _sheet_of(page) == "Tiến độ")
    for code in ("CT01:", "CT02:", "CT08:", "CT11:", "CT13:", "CT17b:"):
        assert code in progress
    assert "Số liệu của đường chỉ tiêu" not in "".join(pages)


@needs_libreoffice
def test_the_sample_round_prints_within_the_bound(q2_export: Path, tmp_path: Path) -> None:
    assert len(_texts(_pdf(q2_export, tmp_path))) <= MAX_PAGES
