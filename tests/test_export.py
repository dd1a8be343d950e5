"""`kpi export`: the summary workbook, checked by opening it as a reader would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cantho_kpi.domain import Status
from cantho_kpi.errors import KpiError
from cantho_kpi.presentation import SYMBOL
from cantho_kpi.report import Report, evaluate
from cantho_kpi.submissions import Submission, SubmittedValue, ValueState, discover, read_submission
from cantho_kpi.targets import TargetsFile
from cantho_kpi.workbooks import write_export
from cantho_kpi.workbooks.style import FILLS

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def report(q2_report: Report) -> Report:
    return q2_report


@pytest.fixture(scope="module")
def exported(q2_export: Path) -> Path:
    return q2_export


def _fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)


def test_sheets(exported: Path) -> None:
    assert load_workbook(exported).sheetnames == [
        "Tổng hợp",
        "Chi tiết",
        "Cộng dồn",
        "Vấn đề",
        "Chỉ tiêu",
        "Biểu đồ",
    ]


def test_summary_cells_fills_and_formats(exported: Path, report: Report) -> None:
    sheet = load_workbook(exported)["Tổng hợp"]
    assert sheet["A1"].value == (
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA – 6 tháng đầu năm 2024 (2024-H1)"
    )
    # the city's headline for the round, as the city itself words it
    city = report.headline("2024-H1", "CT")
    assert city is not None
    assert sheet["A3"].value.startswith(
        f"Thành phố Cần Thơ, 6 tháng đầu năm 2024 (2024-H1): Đạt và vượt "
        f"{city.met}/{city.met + city.not_met} chỉ tiêu có số liệu"
    )
    assert [sheet.cell(4, c).value for c in range(1, 6)] == [
        "Mã đơn vị",
        "Đơn vị",
        "Kỳ",
        "CT01",
        "CT02",
    ]
    assert sheet["D5"].value == "7,5 – 8 %"
    assert "Tốc độ tăng trưởng kinh tế" in sheet["D4"].comment.text
    rows = {sheet.cell(r, 1).value: r for r in range(6, 20)}
    bt = rows["BT"]
    assert sheet.cell(bt, 4).value == 7.8  # a number, not text
    result = next(r for r in report.results if r.unit_code == "BT" and r.code == "CT01")
    assert sheet.cell(bt, 4).number_format == f'"{SYMBOL[result.status]} "#,##0.0'
    assert _fill(sheet.cell(bt, 4)) == FILLS[result.status].fgColor.rgb
    # the unit that has not reported: a row, grey where it should have reported
    btctu = rows["BTCTU"]
    ct17a = 4 + [c.value for c in sheet[4]][3:].index("CT17a")
    assert sheet.cell(btctu, ct17a).value == "·"  # readable without colour
    assert _fill(sheet.cell(btctu, ct17a)) == FILLS[Status.MISSING].fgColor.rgb
    # TN's unreadable CT08: coloured invalid, no value
    ct08 = 4 + [c.value for c in sheet[4]][3:].index("CT08")
    assert sheet.cell(rows["TN"], ct08).value == "!"
    assert _fill(sheet.cell(rows["TN"], ct08)) == FILLS[Status.INVALID].fgColor.rgb


def test_summary_totals_match_the_report(exported: Path, report: Report) -> None:
    sheet = load_workbook(exported)["Tổng hợp"]
    header = [c.value for c in sheet[4]]
    totals = header.index("▲ Vượt") + 1
    assert header[totals - 1 : totals + 7] == [
        "▲ Vượt",
        "✓ Đạt",
        "≈ Gần đạt",
        "✗ Không đạt",
        "◷ Chưa đến kỳ đánh giá",
        "○ Đã báo cáo",
        "· Chưa báo cáo",
        "! Không hợp lệ",
    ]
    for row in range(6, 6 + 14):
        unit = sheet.cell(row, 1).value
        counts = [sheet.cell(row, totals + i).value for i in range(len(Status))]
        expected = [
            sum(r.unit_code == unit and r.status is s for r in report.results) for s in Status
        ]
        if unit == "BTCTU":
            expected[list(Status).index(Status.MISSING)] = 2  # its two indicators, not reported
        assert counts == expected, unit
    # per indicator: how many units met it
    label_rows = {sheet.cell(r, 2).value: r for r in range(20, 32)}
    met_row = label_rows["Số đơn vị: đạt"]
    met_ct01 = sum(r.code == "CT01" and r.status is Status.MET for r in report.results)
    assert sheet.cell(met_row, 4).value == met_ct01


def test_summary_layout_for_print(exported: Path) -> None:
    sheet = load_workbook(exported)["Tổng hợp"]
    assert sheet.freeze_panes == "D6"
    assert sheet.auto_filter.ref is not None
    assert sheet.auto_filter.ref.startswith("A5:")
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.column_dimensions["B"].width >= 20


def test_details_problems_targets(exported: Path, report: Report) -> None:
    book = load_workbook(exported)
    details = book["Chi tiết"]
    assert details.max_row == len(report.results) + 1
    tn = next(
        row
        for row in details.iter_rows(min_row=2, values_only=True)
        if row[1] == "TN" and row[3] == "CT08"
    )
    assert tn[6] is None
    assert (tn[8], tn[11], tn[12]) == ("! Không hợp lệ", "TN_2024-Q2.xlsx", "E24")
    # the shares of GRDP (bands) describe the year: at the half-year they are pending, so no
    # row says which side of its band it misses on
    rows = list(details.iter_rows(min_row=2, values_only=True))
    assert not [row for row in rows if row[9]]
    shares = [row for row in rows if str(row[3]).startswith("CT03")]
    assert len(shares) == 4 * 10  # the city and its nine districts (departments report others)
    assert {row[8] for row in shares} == {"◷ Chưa đến kỳ đánh giá", "○ Đã báo cáo"}
    problems = list(book["Vấn đề"].iter_rows(min_row=2, values_only=True))
    message = (
        "CT08: 'khoảng 75' không phải là số; chỉ nhập con số (ví dụ 7,5), phần chữ ghi vào cột "
        "Ghi chú"
    )
    location = "TN_2024-Q2.xlsx!BaoCao!E24"
    assert problems == [("TN_2024-Q2.xlsx", location, "not-a-number", "Lỗi", message)]
    targets_sheet = book["Chỉ tiêu"]
    assert targets_sheet.max_row == 36
    assert targets_sheet["H2"].value == "7,5 – 8 %"
    assert targets_sheet["I2"].value == 7.5


def test_native_chart(exported: Path) -> None:
    with zipfile.ZipFile(exported) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert charts == ["xl/charts/chart1.xml"]
        xml = archive.read(charts[0]).decode()
    assert "<barChart>" in xml
    assert '<grouping val="stacked" />' in xml
    assert "<f>'Tổng hợp'!$A$6:$A$19</f>" in xml


def test_summary_golden(exported: Path, golden: Callable[[Path, str], None]) -> None:
    sheet = load_workbook(exported)["Tổng hợp"]
    lines = []
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
        cells = ["" if c.value is None else f"{c.value}" for c in row]
        fills = ["" if c.fill.fill_type is None else str(c.fill.fgColor.rgb)[-6:] for c in row]
        lines.append("\t".join(cells).rstrip() + "\n" + "\t".join(fills).rstrip())
    golden(GOLDEN / "export-2024-Q2-summary.tsv", "\n".join(lines) + "\n")


def test_english_labels(report: Report, targets: TargetsFile, tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    write_export(report, targets, out, inputs=[], lang="en")
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "Details", "Roll-ups", "Problems", "Targets", "Chart"]
    assert book["Summary"]["D5"].value == "7.5 – 8 %"


HOSTILE = [
    '=HYPERLINK("http://example.invalid/x","bấm vào đây")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
]


def test_hostile_text_stays_text(targets: TargetsFile, tmp_path: Path) -> None:
    values = [
        SubmittedValue(code=code, state=ValueState.VALUE, value=Decimal("7.5"), note=note)
        for code, note in zip(
            ("CT01", "CT02", "CT04", "CT05b", "CT06b", "CT07a"), HOSTILE, strict=True
        )
    ]
    values.append(SubmittedValue(code="CT08", state=ValueState.VALUE, value=Decimal(80),
                                 note="a\x00b\x07c\x1bd" + "x" * 40_000))  # fmt: skip
    sub = Submission(
        file="=evil().xlsx", unit_code="NK", unit_name="=2+3", period="2024-Q2", values=values
    )
    report = evaluate(targets, [sub], targets_file="t")
    out = tmp_path / "x.xlsx"
    write_export(report, targets, out, inputs=[])
    book = load_workbook(out)
    texts = [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    for text in [*HOSTILE, "=2+3", "=evil().xlsx"]:
        found = [c for c in texts if c.value == text]
        assert found, text
        assert all(c.data_type == "s" for c in found)
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode()
    long = next(c.value for c in texts if c.value.startswith("abcd"))
    assert len(long) <= 32_767
    assert long.endswith("[đã cắt bớt / cut]")


def test_same_report_same_bytes(
    report: Report, targets: TargetsFile, tmp_path: Path, exported: Path
) -> None:
    again = tmp_path / "again.xlsx"
    write_export(report, targets, again, inputs=[])
    assert again.read_bytes() == exported.read_bytes()


def test_interrupted_write_leaves_nothing(
    report: Report, targets: TargetsFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.writer import excel

    def crash(self: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(excel.ExcelWriter, "write_data", crash)
    out = tmp_path / "tong-hop.xlsx"
    with pytest.raises(KeyboardInterrupt):
        write_export(report, targets, out, inputs=[])
    assert list(tmp_path.iterdir()) == []


def test_interrupted_replace_keeps_the_old_file(
    report: Report, targets: TargetsFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tong-hop.xlsx"
    out.write_bytes(b"old")

    def crash(*_: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KpiError, match=r"tong-hop\.xlsx: cannot be written: disk full"):
        write_export(report, targets, out, inputs=[], force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.xlsx"]
    assert out.read_bytes() == b"old"


def test_cli_export(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "tong-hop_2024-Q2.xlsx"
    result = kpi("export", str(Q2), "-o", str(out))
    assert result.exit_code == EXIT_FINDINGS  # written, but TN's file has an error
    assert out.exists()
    assert "1 tệp có lỗi, xem trang Vấn đề" in result.stderr
    english = kpi("export", str(Q2), "-o", str(tmp_path / "en.xlsx"), "--lang", "en")
    assert "; 1 file with errors, see the Problems sheet" in english.stderr
    again = kpi("export", str(Q2), "-o", str(out))
    assert again.exit_code == EXIT_USAGE
    assert again.stderr == f"kpi: {out}: đã có; thêm --force để thay thế\n"  # before reading
    again = kpi("export", str(Q2), "-o", str(out), "--lang", "en")
    assert again.stderr == f"kpi: {out}: already exists; add --force to replace it\n"
    assert (
        kpi("export", str(Q2), "-o", str(out), "--force", "--fail-on", "never").exit_code == EXIT_OK
    )


def test_cli_refuses_to_overwrite_an_input(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "q2"
    folder.mkdir()
    shutil.copy(Q2 / "NK_2024-Q2.xlsx", folder)
    result = kpi("export", str(folder), "-o", str(folder / "NK_2024-Q2.xlsx"), "--force")
    assert result.exit_code == EXIT_USAGE
    assert "là một trong các tệp đầu vào của lệnh; không bao giờ ghi đè" in result.stderr
    assert kpi("export", str(folder), "-o", str(tmp_path / "x.csv")).exit_code == EXIT_USAGE
    assert kpi("export", str(folder), "-o", str(tmp_path / "no" / "x.xlsx")).exit_code == EXIT_USAGE


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_and_prints_it(exported: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(exported)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "tong-hop_2024-Q2.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists()
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page\b", pdf.read_bytes())
    assert len(pages) >= 5  # every sheet printed


# --- Tiến độ: the progress sheet when the rounds span several years -------------------------

ARCHIVE_ROUNDS = [ROOT / "data" / "submissions" / r for r in ("2021", "2022", "2023", "2024-Q4")]


@pytest.fixture(scope="module")
def archive_export(targets: TargetsFile, tmp_path_factory: pytest.TempPathFactory) -> Path:
    subs = [read_submission(p, targets, display=p.name) for p in discover(ARCHIVE_ROUNDS)]
    report = evaluate(targets, subs, targets_file="data/targets.yaml")
    out = tmp_path_factory.mktemp("export") / "tong-hop_2021-2024.xlsx"
    write_export(report, targets, out, inputs=[])
    return out


def test_no_progress_sheet_for_one_year(exported: Path) -> None:
    assert "Tiến độ" not in load_workbook(exported).sheetnames


def test_progress_sheet_rows_are_numbers(archive_export: Path) -> None:
    book = load_workbook(archive_export)
    assert book.sheetnames[-1] == "Tiến độ"
    sheet = book["Tiến độ"]
    assert [c.value for c in sheet[4]][:10] == [
        "Mã", "Chỉ tiêu", "Ngưỡng", "Cách tính", "Số gốc", "Năm gốc",
        "2021", "2022", "2023", "2024",
    ]  # fmt: skip
    rows = {r[0].value: [c.value for c in r] for r in sheet.iter_rows(min_row=5, max_row=39)}
    assert len(rows) == 35  # the city's indicators
    assert rows["CT01"][2:] == [7.5, "tăng bình quân", None, None, -3.6, 12.64, 5.75, 7.53,
                                0.7218, "Cần tăng tốc", 5.41, "Không đạt"]  # fmt: skip
    assert rows["CT05a"][-3] == "Không đạt (0/4 năm đạt)"  # every year: 96 · 97.5 · 98 · 99
    assert rows["CT02"][4:6] == [97.2, 2020]
    assert rows["CT02"][10:14] == [1.3141, "Đúng tiến độ", 168.62, "Vượt"]
    # what the methods and the ratio CR are, above the table (printed with it)
    methods, ratio = sheet.cell(2, 1).value, sheet.cell(3, 1).value
    assert methods.startswith("Cách tính: tăng trưởng kép (cagr): ")
    assert ratio.startswith("Tỷ số tốc độ (CR): mức thay đổi hằng năm thực tế")
    assert [c.value for c in sheet[4]][-4] == "Tỷ số tốc độ (CR)"


def test_progress_line_charts_reference_the_right_cells(archive_export: Path) -> None:
    sheet = load_workbook(archive_export)["Tiến độ"]
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    line_title = next(r for r in range(41, sheet.max_row + 1) if sheet.cell(r, 1).value)
    assert sheet.cell(line_title, 1).value == "Số liệu của đường chỉ tiêu (cho biểu đồ, không in)"
    line_rows = {sheet.cell(r, 1).value: r for r in range(line_title + 1, line_title + 7)}
    assert list(line_rows) == ["CT01", "CT02", "CT08", "CT11", "CT13", "CT17b"]
    assert [sheet.cell(line_rows["CT08"], c).value for c in range(7, 11)] == [76] * 4
    with zipfile.ZipFile(archive_export) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        assert len(names) == 7  # the bar chart of Biểu đồ and six line charts
        charts = [archive.read(n).decode() for n in names]
    lines = [xml for xml in charts if "<lineChart>" in xml]
    assert len(lines) == 6
    ct08 = next(xml for xml in lines if "CT08" in xml)
    refs = re.findall(r"<f>([^<]*)</f>", ct08)
    # the values by year, the target line, and the years as categories
    assert f"'Tiến độ'!$G${rows['CT08']}:$J${rows['CT08']}" in refs
    assert f"'Tiến độ'!$G${line_rows['CT08']}:$J${line_rows['CT08']}" in refs
    assert "'Tiến độ'!$G$4:$J$4" in refs


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_keeps_the_progress_sheet_and_its_line_charts(
    archive_export: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "out"),
         str(archive_export)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    saved = tmp_path / "out" / archive_export.name
    sheet = load_workbook(saved)["Tiến độ"]
    ct08 = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == "CT08")
    assert list(ct08[6:10]) == [72, 73, 74, 76]
    with zipfile.ZipFile(saved) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    assert sum("lineChart" in xml for xml in charts) == 6
