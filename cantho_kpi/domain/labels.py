"""Words for statuses and tables, in Vietnamese and English, and the symbol of each status
(so that a table reads without colour). Shared by the terminal tables and the workbook."""

from __future__ import annotations

from .status import Side, Status, TargetKind

SYMBOL = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NEAR: "≈",
    Status.NOT_MET: "✗",
    Status.MISSING: "·",
    Status.INVALID: "!",
}
STYLE = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.NEAR: "yellow",
    Status.NOT_MET: "red",
    Status.MISSING: "dim",
    Status.INVALID: "bold magenta",
}
LABEL = {
    "vi": {
        Status.EXCEEDED: "Vượt",
        Status.MET: "Đạt",
        Status.NEAR: "Gần đạt",
        Status.NOT_MET: "Không đạt",
        Status.MISSING: "Chưa báo cáo",
        Status.INVALID: "Không hợp lệ",
        Side.BELOW: "thấp",
        Side.ABOVE: "cao",
    },
    "en": {
        Status.EXCEEDED: "exceeded",
        Status.MET: "met",
        Status.NEAR: "near",
        Status.NOT_MET: "not met",
        Status.MISSING: "missing",
        Status.INVALID: "invalid",
        Side.BELOW: "below",
        Side.ABOVE: "above",
    },
}
#: How each kind of target reads, for people (the JSON keeps the kind's name).
KIND_LABEL = {
    "vi": {
        TargetKind.RANGE: "trong khoảng",
        TargetKind.BAND: "trong dải",
        TargetKind.AT_LEAST: "≥",
        TargetKind.AT_MOST: "≤",
        TargetKind.ABOVE: ">",
        TargetKind.BELOW: "<",
    },
    "en": {
        TargetKind.RANGE: "range",
        TargetKind.BAND: "band",
        TargetKind.AT_LEAST: "≥",
        TargetKind.AT_MOST: "≤",
        TargetKind.ABOVE: ">",
        TargetKind.BELOW: "<",
    },
}


def plural(count: int, one: str, many: str) -> str:
    """``1 unit``, ``2 units`` (English; Vietnamese nouns do not change)."""
    return f"{count} {one if count == 1 else many}"


WORDS = {
    "vi": {
        "units": "Đơn vị báo cáo",
        "unit": "Đơn vị",
        "period": "Kỳ",
        "file": "Tệp",
        "problems": "Lỗi",
        "indicators": "Chỉ tiêu qua các đơn vị",
        "code": "Mã",
        "name": "Tên chỉ tiêu",
        "target": "Chỉ tiêu",
        "value": "Giá trị",
        "status": "Đánh giá",
        "note": "Ghi chú",
        "worst": "Kém nhất",
        "best": "Tốt nhất",
        "missing_units": "Chưa nộp báo cáo",
        "issues": "Vấn đề",
        "error": "lỗi",
        "warning": "cảnh báo",
        "none": "không có",
        "unreadable": "không đọc được",
        "targets_file": "Tệp chỉ tiêu",
        "legend": "▲ vượt  ✓ đạt  ≈ gần đạt  ✗ không đạt  · chưa báo cáo  ! không hợp lệ",
        "problems_legend": "Lỗi: số lỗi, +số cảnh báo (1+2: 1 lỗi và 2 cảnh báo; - là không có)",
    },
    "en": {
        "units": "Reporting units",
        "unit": "Unit",
        "period": "Period",
        "file": "File",
        "problems": "Issues",
        "indicators": "Indicators across units",
        "code": "Code",
        "name": "Name",
        "target": "Target",
        "value": "Value",
        "status": "Status",
        "note": "Note",
        "worst": "Worst",
        "best": "Best",
        "missing_units": "Not reported",
        "issues": "Problems",
        "error": "error",
        "warning": "warning",
        "none": "none",
        "unreadable": "unreadable",
        "targets_file": "Targets file",
        "legend": "▲ exceeded  ✓ met  ≈ near  ✗ not met  · missing  ! invalid",
        "problems_legend": "Issues: errors, +warnings (1+2: 1 error and 2 warnings; - none)",
    },
}
