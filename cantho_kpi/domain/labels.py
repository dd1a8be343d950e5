"""Words for statuses and tables, in Vietnamese and English, and the symbol of each status
(so that a table reads without colour). Shared by the terminal tables and the workbook."""

from __future__ import annotations

from .status import Side, Status, TargetKind

SYMBOL = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NEAR: "≈",
    Status.NOT_MET: "✗",
    Status.PENDING: "◷",
    Status.REPORTED: "○",
    Status.MISSING: "·",
    Status.INVALID: "!",
}
STYLE = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.NEAR: "yellow",
    Status.NOT_MET: "red",
    Status.PENDING: "cyan",
    Status.REPORTED: "blue",
    Status.MISSING: "dim",
    Status.INVALID: "bold magenta",
}
LABEL = {
    "vi": {
        Status.EXCEEDED: "Vượt",
        Status.MET: "Đạt",
        Status.NEAR: "Gần đạt",
        Status.NOT_MET: "Không đạt",
        Status.PENDING: "Chưa đến kỳ đánh giá",
        Status.REPORTED: "Đã báo cáo",
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
        Status.PENDING: "pending",
        Status.REPORTED: "reported",
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
        "superseded": "đã được thay bằng tệp gửi sau",
        "targets_file": "Tệp chỉ tiêu",
        "problems_legend": "Lỗi: số lỗi, +số cảnh báo (1+2: 1 lỗi và 2 cảnh báo; - là không có)",
        "round": "Đợt báo cáo",
        "headline": "đạt và vượt {met}/{with_data} chỉ tiêu có số liệu",
        "headline_pending": "{pending} chỉ tiêu chưa đến kỳ đánh giá",
        "headline_no_data": "{no_data} chỉ tiêu chưa có số liệu",
        "headline_total": "tổng số {total}",
        "headline_unit_total": "{total} chỉ tiêu áp dụng",
        "rollup_sum": "Cộng dồn",
        "rollup_city": "Thành phố báo cáo",
        "rollup_units": "Số đơn vị",
        "rollup_agrees": "Khớp",
        "own_target": "riêng",
        "no_target": "—",
        # beside a unit's figure no target applies to: the city's average, for reference
        "reference": "— (TP: {plan})",
        "legend": "▲ vượt  ✓ đạt  ≈ gần đạt  ✗ không đạt  ◷ chưa đến kỳ đánh giá  "
        "○ đã báo cáo (không có chỉ tiêu áp dụng)  · chưa báo cáo  ! không hợp lệ",
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
        "superseded": "replaced by a later file",
        "targets_file": "Targets file",
        "problems_legend": "Issues: errors, +warnings (1+2: 1 error and 2 warnings; - none)",
        "round": "Round",
        "headline": "{met} of {with_data} targets with data met or exceeded",
        "headline_pending": "{pending} not yet due for assessment",
        "headline_no_data": "{no_data} without data",
        "headline_total": "{total} in all",
        "headline_unit_total": "{total} apply to the unit",
        "rollup_sum": "Sum",
        "rollup_city": "City reports",
        "rollup_units": "Units",
        "rollup_agrees": "Agrees",
        "own_target": "own",
        "no_target": "—",
        "reference": "— (city: {plan})",
        "legend": "▲ exceeded  ✓ met  ≈ near  ✗ not met  ◷ pending  ○ reported (no target "
        "applies)  · missing  ! invalid",
    },
}

#: How a report or launch document stands against its deadline (see ``report.Timeliness``);
#: ``{days}`` is the number of days late.
TIMELINESS_LABEL = {
    "vi": {
        "on_time": "Đúng hạn",
        "late": "Trễ {days} ngày",
        "not_received": "Chưa nhận",
        "not_due": "Chưa đến hạn",
        "unknown": "Chưa rõ ngày nhận",
        "late_written": "Trễ ít nhất {days} ngày (theo ngày lập)",
    },
    "en": {
        "on_time": "on time",
        "late": "late by {days} days",
        "not_received": "not received",
        "not_due": "not due yet",
        "unknown": "day of receipt unknown",
        "late_written": "late by at least {days} days (by the day written)",
    },
}
