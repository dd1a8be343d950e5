"""The official submission workbook for one unit and period. Writes one file; prints nothing.

The reader (:mod:`cantho_kpi.submissions`) accepts far more than this layout, but a unit that
fills in the template never meets a problem: the value column takes decimal numbers only,
within each indicator's plausible range, and everything else is protected.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import Period, RoundsMode, round_of
from ..presentation import unit_target_text
from ..targets import AccruesOver, Indicator, Measure, ReportingUnit, TargetsFile, unit_label
from .atomic import save_atomically

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DATA_SHEET = "BaoCao"
GUIDE_SHEET = "Hướng dẫn"
HEADER = (
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Đơn vị tính",
    "Chỉ tiêu",
    "Giá trị thực hiện",
    "Ghi chú",
    "Ước tính",
)
HEADER_ROW = 10
WIDTHS = (13, 62, 18, 16, 18, 34, 10)
_EDITABLE = (5, 6, 7)  # value, note, estimate mark

GUIDE = (
    "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
    "",
    "1. Chỉ nhập số liệu vào cột 'Giá trị thực hiện' (cột E), 'Ghi chú' (cột F) và 'Ước tính' "
    "(cột G: ghi x nếu là số ước thực hiện, để trống nếu là số chính thức); các ô khác đã "
    "được khóa.",
    "2. Nhập số, không nhập chữ. Dấu thập phân là dấu phẩy theo cách viết Việt Nam (7,5) hoặc "
    "dấu chấm nếu máy tính đặt kiểu tiếng Anh (7.5); không dùng dấu phân cách hàng nghìn.",
    "3. Tỷ lệ phần trăm nhập theo điểm phần trăm: 7,5% nhập là 7,5 (không nhập 0,075).",
    "4. Ghi số theo đúng đơn vị tính ở cột C: triệu đồng, bác sĩ/vạn dân, xã, đảng viên...",
    "5. Chỉ tiêu chưa có số liệu: để trống hoặc ghi N/A, và giải thích ở cột 'Ghi chú'.",
    "6. Không đổi tên, không thêm hoặc xóa cột; không chèn dòng vào giữa bảng.",
    "7. Lưu tệp ở định dạng Excel Workbook (.xlsx), tên tệp dạng <mã đơn vị>_<kỳ>.xlsx, "
    "ví dụ NK_2024-Q2.xlsx.",
    "",
    "8. Mỗi chỉ tiêu nhập số liệu theo đúng hướng dẫn ở bảng 'SỐ LIỆU CẦN NHẬP CHO KỲ NÀY' bên "
    "dưới: số lũy kế từ đầu năm cho chỉ tiêu cộng dồn; số cả năm (hoặc ước cả năm, đánh dấu x) "
    "cho chỉ tiêu tính theo năm, không ghi số của năm trước.",
    "",
    "INSTRUCTIONS (English)",
    "Fill in column E (value), F (note) and G (x for an estimate) only. Numbers, not text; "
    "percentages in percentage points (7.5 for 7.5 %); decimal comma or point accepted; no "
    "thousands separators. Leave a figure you do not have empty (or N/A) and say why in the "
    "note. The table below says what each figure is for this round.",
)


def build_template(targets: TargetsFile, unit: ReportingUnit, period: Period) -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    _title(sheet, targets)
    _metadata(sheet, unit, period)
    indicators = targets.indicators_for(unit)
    # the target that applies to this unit: its own, or the plan's where it applies to it
    shown = [unit_target_text(targets, unit.code, ind) for ind in indicators]
    _table(sheet, indicators, shown, period, targets.rounds)
    _protect(sheet, len(indicators))
    _guide(workbook.create_sheet(GUIDE_SHEET), indicators, period, targets.rounds)
    props = workbook.properties
    props.creator = props.lastModifiedBy = "cantho_kpi"
    props.title = f"Báo cáo chỉ tiêu thi đua – {unit.code} – {period}"
    return workbook


def write_template(
    targets: TargetsFile,
    unit: ReportingUnit,
    period: Period,
    output: Path,
    force: bool,
    inputs: Iterable[Path] = (),
) -> Path:
    """The unit's blank workbook written to ``output`` (never over one of ``inputs``: the
    targets file it was made from, its drive and unit files)."""
    workbook = build_template(targets, unit, period)
    save_atomically(workbook, output, force=force, inputs=inputs)
    return output


def _title(sheet: Worksheet, targets: TargetsFile) -> None:
    from openpyxl.styles import Alignment, Font

    sheet["A1"] = "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"Theo Kế hoạch {targets.plan.id} của Ủy ban nhân dân thành phố Cần Thơ"
    sheet["A2"].font = Font(italic=True)
    for ref in ("A1", "A2"):
        sheet[ref].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A1:G1")
    sheet.merge_cells("A2:G2")


def _metadata(sheet: Worksheet, unit: ReportingUnit, period: Period) -> None:
    from openpyxl.styles import Font

    rows = (
        ("Đơn vị:", unit.name),
        ("Mã đơn vị:", unit.code),
        ("Kỳ báo cáo:", period.label_vi()),
        ("Người lập:", None),
        ("Ngày lập:", None),
    )
    for offset, (label, value) in enumerate(rows):
        row = 4 + offset
        sheet.cell(row, 1, label).font = Font(bold=True)
        sheet.cell(row, 2, value)


def _table(
    sheet: Worksheet,
    indicators: list[Indicator],
    shown: list[str],
    period: Period,
    rounds: RoundsMode,
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, label in enumerate(HEADER, 1):
        cell = sheet.cell(HEADER_ROW, col, label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for index, (ind, target) in enumerate(zip(indicators, shown, strict=True)):
        row = HEADER_ROW + 1 + index
        values = (ind.code, ind.name_vi, unit_label(ind.unit), target, None, None, None)
        for col, value in enumerate(values, 1):
            cell = sheet.cell(row, col, value)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=col in (2, 6))
        sheet.cell(row, 5).fill = PatternFill("solid", fgColor="FFF2CC")
        lines = max(1, -(-len(ind.name_vi) // (WIDTHS[1] - 4)))
        if lines > 1:
            sheet.row_dimensions[row].height = 15 * lines
        low, high = ind.plausible.min, ind.plausible.max
        check = DataValidation(
            type="decimal",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=f"Nhập một số từ {low} đến {high} ({unit_label(ind.unit)}).",
            showInputMessage=True,
            promptTitle=ind.code,
            prompt=f"Chỉ tiêu: {_target_with_unit(ind, target)}. Nhập: "
            f"{what_to_enter(ind, period, rounds)}"[:255],
        )
        check.add(f"E{row}")
        sheet.add_data_validation(check)
        mark = DataValidation(type="list", formula1='"x"', allow_blank=True)
        mark.add(f"G{row}")
        sheet.add_data_validation(mark)
    for col, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[chr(64 + col)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _target_with_unit(ind: Indicator, text: str) -> str:
    """``7,5 – 8 %`` or ``≥ 17 bác sĩ/vạn dân``: the target once, with its unit once; for a
    figure no target applies to, only its unit."""
    if text == "—":
        return f"không có chỉ tiêu áp dụng cho đơn vị ({unit_label(ind.unit)})"
    return text if ind.unit == "%" else f"{text} {unit_label(ind.unit)}"


def _protect(sheet: Worksheet, count: int) -> None:
    """Lock everything but the values, notes, preparer and date; no password is set."""
    from openpyxl.styles import Protection
    from openpyxl.worksheet.properties import PageSetupProperties

    unlocked = Protection(locked=False)
    for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + count):
        for col in _EDITABLE:
            sheet.cell(row, col).protection = unlocked
    for row in (7, 8):
        sheet.cell(row, 2).protection = unlocked
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may still be changed
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _guide(
    sheet: Worksheet, indicators: list[Indicator], period: Period, rounds: RoundsMode
) -> None:
    from openpyxl.styles import Alignment, Font

    for row, line in enumerate(GUIDE, 1):
        cell = sheet.cell(row, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1 or line.isupper():
            cell.font = Font(bold=True)
    first = len(GUIDE) + 2
    title = f"SỐ LIỆU CẦN NHẬP CHO KỲ NÀY ({round_of(period, rounds).label_vi()})"
    sheet.cell(first, 1, title).font = Font(bold=True)
    for offset, ind in enumerate(indicators, 1):
        cell = sheet.cell(
            first + offset, 1, f"{ind.code} – {ind.name_vi}: {what_to_enter(ind, period)}"
        )
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110


def what_to_enter(
    indicator: Indicator, period: Period, rounds: RoundsMode = RoundsMode.YEAR_TO_DATE
) -> str:
    """What a unit enters for ``indicator`` in a report for ``period``, by what the figure
    measures (``docs/domain.md``, "Periods and rounds"): year-to-date for a flow; for a figure
    that describes a whole year, the year's figure, or in a part-year report the estimate for
    the whole year marked x (never last year's figure); the period's rate; a level at the end of
    the period."""
    year_end = period.last_month % 12 == 11
    found = round_of(period, rounds)
    end = found.label_vi()
    measure = indicator.measure
    if measure is Measure.FLOW:
        if indicator.accrues_over is AccruesOver.TERM:
            return (
                f"số lũy kế từ đầu năm {period.year} đến hết kỳ ({end}), chỉ của năm "
                f"{period.year}, không cộng các năm trước"
            )
        return f"số lũy kế từ đầu năm {period.year} đến hết kỳ ({end})"
    if measure is Measure.YEARLY:
        if year_end:
            return f"số cả năm {period.year} (nếu là số ước, ghi x ở cột Ước tính)"
        return (
            f"số ước cả năm {period.year} và ghi x ở cột Ước tính, hoặc để trống; không ghi "
            "số của năm trước"
        )
    if measure is Measure.STOCK:
        return f"số tại thời điểm cuối kỳ ({end})"
    return f"tỷ lệ của kỳ báo cáo ({end}), so với cùng kỳ năm trước nếu là tốc độ tăng"
