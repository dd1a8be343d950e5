"""The drive's sheets of the summary workbook: Xếp hạng thi đua (the ranking per cluster, ready
to attach to the award proposal) and Thời hạn nộp (on time, late or missing per unit and round,
then the launch documents). Part of :mod:`.export`; added when a drive file is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from ..domain import TIMELINESS_LABEL, Lang
from ..report import LaunchStatus, Ranking, RoundStatus
from ..submissions import DateSource
from ..targets import SCORED
from .safecells import put_number, put_text
from .sheets import header_cell
from .style import status_label

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DRIVE_SHEETS = {
    "vi": ("Xếp hạng thi đua", "Thời hạn nộp"),
    "en": ("Ranking", "Timeliness"),
}
_RANK_HEADERS = {
    "vi": ["Cụm, khối", "Hạng", "Mã", "Đơn vị", "Điểm", "Điểm chỉ tiêu"],
    "en": ["Cluster", "Rank", "Code", "Unit", "Score", "Points"],
}
_RANK_TAIL = {
    "vi": ["Trừ: nộp trễ", "Trừ: tệp lỗi", "Ứng viên (tham khảo)"],
    "en": ["Deducted: late", "Deducted: file errors", "Candidate (reference)"],
}
_TIME_HEADERS = {
    "vi": ["Mã", "Đơn vị", "Kỳ", "Hạn nộp", "Ngày nhận", "Thời hạn", "Số ngày trễ", "Tệp"],
    "en": ["Code", "Unit", "Round", "Deadline", "Received", "Timeliness", "Days late", "File"],
}
_LAUNCH = {"vi": "Văn bản phát động", "en": "Launch document"}
_YES = {"vi": "Có", "en": "yes"}
#: Beside a day that is the day a report was written (Ngày lập), not the day it was received.
_WRITTEN = {"vi": " (ngày lập)", "en": " (written)"}


@dataclass(frozen=True, slots=True)
class DriveParts:
    """What the drive's sheets show, computed by the caller from the same report."""

    ranking: Ranking
    rounds: list[RoundStatus]
    launch: list[LaunchStatus]
    #: Lines written under the ranking: that the rule is the drive file's, not the plan's (and
    #: the ranking for reference outside the final review), the awards already given.
    notes: tuple[str, ...] = ()


def add_drive_sheets(book: Workbook, parts: DriveParts, lang: Lang) -> None:
    ranking_name, time_name = DRIVE_SHEETS[lang]
    _ranking_sheet(book.create_sheet(ranking_name), parts.ranking, lang, parts.notes)
    _time_sheet(book.create_sheet(time_name), parts, lang)


def _headers(sheet: Worksheet, headers: list[str], widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, (text, width) in enumerate(zip(headers, widths, strict=True), 1):
        header_cell(sheet, 1, col, text)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"


def _ranking_sheet(
    sheet: Worksheet, ranking: Ranking, lang: Lang, notes: tuple[str, ...] = ()
) -> None:
    statuses = [status_label(s, lang) for s in SCORED]
    headers = [*_RANK_HEADERS[lang], *statuses, *_RANK_TAIL[lang]]
    _headers(sheet, headers, [30, 6, 8, 28, 9, 9] + [9] * len(statuses) + [10, 10, 10])
    row = 1
    for cluster in ranking.clusters:
        for s in cluster.ranking:
            row += 1
            put_text(sheet.cell(row, 1), cluster.name)
            put_number(sheet.cell(row, 2), Decimal(s.rank))
            put_text(sheet.cell(row, 3), s.unit_code)
            put_text(sheet.cell(row, 4), s.unit)
            put_number(sheet.cell(row, 5), s.score)
            put_number(sheet.cell(row, 6), s.points)
            col = 7
            for status in SCORED:
                put_number(sheet.cell(row, col), Decimal(s.counts[status.value]))
                col += 1
            put_number(sheet.cell(row, col), s.deductions["late_report"])
            put_number(sheet.cell(row, col + 1), s.deductions["invalid_file"])
            put_text(sheet.cell(row, col + 2), _YES[lang] if s.candidate else "")
    for offset, note in enumerate(notes, 2):  # below the table, a blank row between
        put_text(sheet.cell(row + offset, 1), note)


def _day(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _time_sheet(sheet: Worksheet, parts: DriveParts, lang: Lang) -> None:
    _headers(sheet, _TIME_HEADERS[lang], [8, 28, 18, 12, 12, 16, 10, 28])
    labels = TIMELINESS_LABEL[lang]
    row = 1
    for r in parts.rounds:
        row += 1
        sent = _day(r.submitted_on) + (_WRITTEN[lang] if r.date_source is DateSource.SHEET else "")
        texts = [r.unit_code, r.unit, r.round, _day(r.deadline), sent]
        label = labels["late_written" if r.by_sheet else r.status.value]
        texts.append(label.format(days=r.days_late))
        for col, text in enumerate(texts, 1):
            put_text(sheet.cell(row, col), text)
        put_number(sheet.cell(row, 7), Decimal(r.days_late))
        put_text(sheet.cell(row, 8), (r.file or "").replace("\\", "/").rsplit("/", 1)[-1])
    for d in parts.launch:
        row += 1
        texts = [d.unit_code, d.unit, _LAUNCH[lang], _day(d.due), _day(d.received)]
        texts.append(labels[d.status.value].format(days=d.days_late))
        for col, text in enumerate(texts, 1):
            put_text(sheet.cell(row, col), text)
        put_number(sheet.cell(row, 7), Decimal(d.days_late))
        put_text(sheet.cell(row, 8), d.reference or "")
