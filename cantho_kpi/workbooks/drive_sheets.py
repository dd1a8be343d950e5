"""The drive's sheets of the summary workbook: Xếp hạng thi đua (the ranking per cluster, ready
to attach to the award proposal) and Thời hạn nộp (on time, late or missing per unit and round,
then the launch documents). Part of :mod:`.export`; added when a drive file is found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from ..catalog import C_, N_
from ..domain import Lang
from ..presentation import by_lang_list, by_lang_one, timeliness_text
from ..report import LaunchStatus, Ranking, RoundStatus
from ..submissions import DateSource
from ..targets import SCORED
from .printing import PrintPlan
from .safecells import put_date, put_number, put_text
from .sheets import TABLE_PLAN, header_cell
from .style import status_label, wrap

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DRIVE_SHEETS = by_lang_list(
    (
        N_("Ranking"),
        C_("sheet", "Timeliness"),
    )
)
_RANK_HEADERS = by_lang_list(
    (
        N_("Cluster"),
        N_("Rank"),
        N_("Code"),
        N_("Unit"),
        N_("Score"),
        N_("Points"),
    )
)
_RANK_TAIL = by_lang_list(
    (
        N_("Deducted: late"),
        N_("Deducted: file errors"),
        N_("Candidate (reference)"),
    )
)
_TIME_HEADERS = by_lang_list(
    (
        N_("Code"),
        N_("Unit"),
        C_("heading", "Round"),
        N_("Deadline"),
        N_("Received"),
        N_("Timeliness"),
        N_("Days late"),
        N_("File"),
    )
)
_LAUNCH = by_lang_one(N_("Launch document"))
_YES = by_lang_one(N_("yes"))
#: Beside a day that is the day a report was written (Ngày lập), not the day it was received.
_WRITTEN = by_lang_one(N_(" (written)"))


@dataclass(frozen=True, slots=True)
class DriveParts:
    """What the drive's sheets show, computed by the caller from the same report."""

    ranking: Ranking
    rounds: list[RoundStatus]
    launch: list[LaunchStatus]
    #: Lines written under the ranking: that the rule is the drive file's, not the plan's (and
    #: the ranking for reference outside the final review), the awards already given.
    notes: tuple[str, ...] = ()


def add_drive_sheets(book: Workbook, parts: DriveParts, lang: Lang) -> dict[str, PrintPlan]:
    """Add the two sheets; their print plans by name."""
    ranking_name, time_name = DRIVE_SHEETS[lang]
    _ranking_sheet(book.create_sheet(ranking_name), parts.ranking, lang, parts.notes)
    _time_sheet(book.create_sheet(time_name), parts, lang)
    return {ranking_name: TABLE_PLAN, time_name: TABLE_PLAN}


def _headers(sheet: Worksheet, headers: Sequence[str], widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, (text, width) in enumerate(zip(headers, widths, strict=True), 1):
        header_cell(sheet, 1, col, text)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"


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
            put_text(sheet.cell(row, 1), cluster.name).alignment = wrap()
            put_number(sheet.cell(row, 2), Decimal(s.rank))
            put_text(sheet.cell(row, 3), s.unit_code)
            put_text(sheet.cell(row, 4), s.unit).alignment = wrap()
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


def _time_sheet(sheet: Worksheet, parts: DriveParts, lang: Lang) -> None:
    _headers(sheet, _TIME_HEADERS[lang], [8, 28, 18, 12, 12, 16, 10, 28])
    row = 1
    for r in parts.rounds:
        row += 1
        status = timeliness_text(r.status, r.days_late, lang, written=r.by_sheet)
        file = (r.file or "").replace("\\", "/").rsplit("/", 1)[-1]
        _time_row(sheet, row, (r.unit_code, r.unit, r.round), (r.deadline, r.submitted_on))
        if r.date_source is DateSource.SHEET and r.submitted_on is not None:
            # the day written (Ngày lập), not the day received: said beside the date
            sent = sheet.cell(row, 5)
            sent.number_format = f'{sent.number_format}"{_WRITTEN[lang]}"'
        _time_tail(sheet, row, status, r.days_late, file)
    for d in parts.launch:
        row += 1
        status = timeliness_text(d.status, d.days_late, lang)
        _time_row(sheet, row, (d.unit_code, d.unit, _LAUNCH[lang]), (d.due, d.received))
        _time_tail(sheet, row, status, d.days_late, d.reference or "")


def _time_row(
    sheet: Worksheet, row: int, texts: tuple[str, str, str], days: tuple[date | None, ...]
) -> None:
    """Code, unit, round (or "launch document"), then the deadline and the day sent as dates."""
    for col, text in enumerate(texts, 1):
        put_text(sheet.cell(row, col), text).alignment = wrap()
    for col, day in enumerate(days, len(texts) + 1):
        put_date(sheet.cell(row, col), day)


def _time_tail(sheet: Worksheet, row: int, status: str, days_late: int, file: str) -> None:
    put_text(sheet.cell(row, 6), status).alignment = wrap()
    put_number(sheet.cell(row, 7), Decimal(days_late))
    put_text(sheet.cell(row, 8), file).alignment = wrap()
