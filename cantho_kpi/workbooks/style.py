"""Labels (Vietnamese and English), fills and cell styles of the exported workbook."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..domain import Lang, Status
from ..presentation import LABEL, SYMBOL

SHEETS: dict[str, tuple[str, ...]] = {
    "vi": ("Tổng hợp", "Chi tiết", "Vấn đề", "Chỉ tiêu", "Biểu đồ", "Cộng dồn"),
    "en": ("Summary", "Details", "Problems", "Targets", "Chart", "Roll-ups"),
}

#: The roll-ups sheet (Cộng dồn): its headers, and how it says complete and agrees.
ROLLUP_WORDS: dict[str, dict[str, list[str]]] = {
    "vi": {
        "headers": [
            "Kỳ",
            "Cộng dồn",
            "Mã chỉ tiêu",
            "Tên chỉ tiêu",
            "Tổng cộng dồn",
            "Thành phố báo cáo",
            "Số đơn vị",
            "Đủ đơn vị",
            "Khớp",
            "Các đơn vị",
        ],
        "complete": ["Chưa đủ", "Đủ"],
        "agrees": ["✗ Không khớp", "✓ Khớp", "Chưa so sánh được"],
    },
    "en": {
        "headers": [
            "Round",
            "Roll-up",
            "Code",
            "Indicator",
            "Sum",
            "City reports",
            "Units",
            "Complete",
            "Agrees",
            "Unit codes",
        ],
        "complete": ["Incomplete", "Complete"],
        "agrees": ["✗ Disagrees", "✓ Agrees", "Nothing to compare"],
    },
}

#: Fill colours by status (Excel's own "good / neutral / bad" palette, plus grey and violet).
FILLS: dict[Status, PatternFill] = {
    status: PatternFill("solid", fgColor=colour)
    for status, colour in (
        (Status.EXCEEDED, "FF63BE7B"),
        (Status.MET, "FFC6EFCE"),
        (Status.NEAR, "FFFFEB9C"),
        (Status.NOT_MET, "FFFFC7CE"),
        (Status.PENDING, "FFDDEBF7"),
        (Status.REPORTED, "FFF2F2F2"),
        (Status.MISSING, "FFD9D9D9"),
        (Status.INVALID, "FFE4C1F9"),
    )
}
HEADER_FILL = PatternFill("solid", fgColor="FFD9E1F2")


def status_label(status: Status, lang: Lang) -> str:
    """The status as a workbook heading: "Vượt", "Not met"."""
    label = LABEL[lang][status]
    return label[:1].upper() + label[1:]


def status_mark(status: Status, lang: Lang) -> str:
    """The status with its symbol, readable without colour: "✓ Đạt", "✗ Not met"."""
    return f"{SYMBOL[status]} {status_label(status, lang)}"


@dataclass(frozen=True)
class Words:
    lang: Lang
    title: str
    subtitle: str
    unit_code: str
    unit: str
    period: str
    units_with: str
    legend: str
    legend_note: str
    chart_title: str
    chart_axis: str
    no_problems: str
    details_headers: list[str]
    problem_headers: list[str]
    target_headers: list[str]
    severities: dict[str, str]
    sides: dict[str, str] = field(default_factory=dict)


LABELS: dict[str, Words] = {
    "vi": Words(
        lang="vi",
        title="TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA",
        subtitle=(
            "Theo Kế hoạch 33/KH-UBND ngày 21/02/2024 của UBND thành phố Cần Thơ · "
            "{files} tệp, {invalid} tệp có lỗi, {missing} đơn vị chưa báo cáo"
        ),
        unit_code="Mã đơn vị",
        unit="Đơn vị",
        period="Kỳ",
        units_with="Số đơn vị:",
        legend="Chú thích",
        legend_note=(
            "Giá trị tỷ lệ tính bằng điểm phần trăm (7,5 là 7,5 %). Mỗi ô mang ký hiệu của kết "
            "quả, đọc được cả khi in đen trắng; · chưa báo cáo, ! không hợp lệ (xem trang Vấn đề)."
        ),
        chart_title="Kết quả thực hiện theo đơn vị (số chỉ tiêu)",
        chart_axis="Số chỉ tiêu",
        no_problems="Không có vấn đề.",
        details_headers=[
            "Đơn vị",
            "Mã đơn vị",
            "Kỳ",
            "Mã chỉ tiêu",
            "Tên chỉ tiêu",
            "Chỉ tiêu",
            "Giá trị",
            "Đơn vị tính",
            "Đánh giá",
            "Phía",
            "Ghi chú",
            "Tệp nguồn",
            "Ô",
        ],
        problem_headers=["Tệp", "Vị trí", "Mã lỗi", "Mức độ", "Nội dung"],
        target_headers=[
            "Mã",
            "Số",
            "Tên chỉ tiêu",
            "Tên tiếng Anh",
            "Nguyên văn kế hoạch",
            "Đơn vị tính",
            "Loại",
            "Chỉ tiêu",
            "Tối thiểu",
            "Tối đa",
            "Dung sai",
            "Miền hợp lý",
            "Thuộc",
        ],
        severities={"error": "Lỗi", "warning": "Cảnh báo"},
        sides={"below": "Thấp", "above": "Cao"},
    ),
    "en": Words(
        lang="en",
        title="SUMMARY OF THE EMULATION TARGETS",
        subtitle=(
            "Plan 33/KH-UBND of 21/02/2024, Cần Thơ City People's Committee · "
            "{files}, {invalid} with errors, {missing} not reported"
        ),
        unit_code="Unit code",
        unit="Unit",
        period="Period",
        units_with="Units:",
        legend="Legend",
        legend_note=(
            "Rates are in percentage points (7.5 is 7.5 %). Each cell carries its status's symbol, "
            "readable in black and white; · not reported, ! invalid (see the Problems sheet)."
        ),
        chart_title="Results by unit (number of indicators)",
        chart_axis="Indicators",
        no_problems="No problems.",
        details_headers=[
            "Unit",
            "Unit code",
            "Period",
            "Code",
            "Name",
            "Target",
            "Value",
            "Unit of measure",
            "Status",
            "Side",
            "Note",
            "Source file",
            "Cell",
        ],
        problem_headers=["File", "Location", "Code", "Severity", "Message"],
        target_headers=[
            "Code",
            "No.",
            "Name (vi)",
            "Name (en)",
            "Plan's wording",
            "Unit of measure",
            "Kind",
            "Target",
            "Min",
            "Max",
            "Tolerance",
            "Plausible",
            "Part of",
        ],
        severities={"error": "Error", "warning": "Warning"},
        sides={"below": "Below", "above": "Above"},
    ),
}


def bold() -> Font:
    return Font(bold=True)


def center() -> Alignment:
    return Alignment(horizontal="center", vertical="center", wrap_text=True)


def wrap() -> Alignment:
    return Alignment(wrap_text=True, vertical="top")


_THIN = Side(style="thin", color="FFA6A6A6")


def border() -> Border:
    return Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
