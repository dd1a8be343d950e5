"""The table sheets of the summary workbook: Chi tiết (details), Cộng dồn (the roll-ups,
titled by the level they add up), Vấn đề (problems) and Chỉ tiêu (targets). Part of
:mod:`.export`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import Lang
from ..presentation import KIND_LABEL, applied_text
from ..report import Report
from ..targets import TargetsFile, indicator_label, rollup_title, target_text, unit_label
from .printing import PrintPlan
from .safecells import put_number, put_text
from .style import (
    FILLS,
    HEADER_FILL,
    LABELS,
    ROLLUP_WORDS,
    Words,
    bold,
    border,
    center,
    status_mark,
    wrap,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FIRST_INDICATOR_COL = 4  # Tổng hợp: A unit code, B unit name, C period, then the indicators
#: A table sheet prints its header row at the top of every page.
TABLE_PLAN = PrintPlan(title_rows="1:1")


def header_cell(sheet: Worksheet, row: int, col: int, text: str) -> Any:
    cell = put_text(sheet.cell(row, col), text)
    cell.font = bold()
    cell.fill = HEADER_FILL
    cell.alignment = center()
    cell.border = border()
    return cell


def _table_sheet(sheet: Worksheet, headers: Sequence[str], widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, (text, width) in enumerate(zip(headers, widths, strict=True), 1):
        header_cell(sheet, 1, col, text)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"


def _finish_table(sheet: Worksheet, columns: int, rows: int) -> PrintPlan:
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows, 1)}"
    return TABLE_PLAN


def details_sheet(
    sheet: Worksheet, report: Report, targets: TargetsFile, words: Words, lang: Lang
) -> PrintPlan:
    headers = words.details_headers
    _table_sheet(sheet, headers, [22, 8, 9, 8, 36, 14, 10, 14, 16, 7, 22, 20, 8])
    row = 1
    names = {s.file: s.unit_name or "" for s in report.submissions}
    for result in report.results:
        ind = targets.indicator(result.code)
        assert ind is not None
        row += 1
        file, _, cell_ref = (result.location or "").rpartition("!")
        texts = [
            names.get(result.file or "", ""),
            result.unit_code or "",
            result.period or "",
            result.code,
            indicator_label(ind, lang),
            applied_text(result.target, ind, lang),
        ]
        for col, text in enumerate(texts, 1):
            put_text(sheet.cell(row, col), text).alignment = wrap()
        put_number(sheet.cell(row, 7), result.value)
        put_text(sheet.cell(row, 8), unit_label(ind.unit, lang)).alignment = wrap()
        status_cell = put_text(sheet.cell(row, 9), status_mark(result.status, lang))
        status_cell.fill = FILLS[result.status]
        side = LABELS[lang].sides.get(result.side.value) if result.side else None
        put_text(sheet.cell(row, 10), side or "")
        put_text(sheet.cell(row, 11), result.note or "").alignment = wrap()
        put_text(sheet.cell(row, 12), Path(result.file or "").name).alignment = wrap()
        put_text(sheet.cell(row, 13), cell_ref if file else "")
    return _finish_table(sheet, len(headers), row)


def rollups_sheet(sheet: Worksheet, report: Report, targets: TargetsFile, lang: Lang) -> PrintPlan:
    """One row per round and summed indicator: the sum of the units of the level the targets
    file names for the round, titled by it ("Cộng dồn từ các xã, phường"), beside the city's."""
    words = ROLLUP_WORDS[lang]
    headers = words["headers"]
    _table_sheet(sheet, headers, [9, 26, 12, 34, 12, 12, 9, 10, 16, 30])
    for row, rollup in enumerate(report.rollups, 2):
        ind = targets.indicator(rollup.code)
        name = indicator_label(ind, lang) if ind is not None else ""
        texts = [rollup.round, rollup_title(rollup.level, lang), rollup.code, name]
        for col, text in enumerate(texts, 1):
            put_text(sheet.cell(row, col), text).alignment = wrap()
        put_number(sheet.cell(row, 5), rollup.value)
        put_number(sheet.cell(row, 6), rollup.reported_value)
        sheet.cell(row, 7, len(rollup.units))
        put_text(sheet.cell(row, 8), words["complete"][rollup.complete])
        agrees = words["agrees"][2 if rollup.agrees is None else int(rollup.agrees)]
        put_text(sheet.cell(row, 9), agrees)
        put_text(sheet.cell(row, 10), ", ".join(rollup.units)).alignment = wrap()
    return _finish_table(sheet, len(headers), len(report.rollups) + 1)


def problems_sheet(sheet: Worksheet, report: Report, words: Words, lang: Lang) -> PrintPlan:
    headers = words.problem_headers
    _table_sheet(sheet, headers, [22, 30, 20, 10, 70])
    row = 1
    for sub in report.submissions:
        for issue in sub.issues:
            row += 1
            severity = words.severities[issue.severity.value]
            message = issue.text(lang)
            values = [Path(sub.file).name, str(issue.location), issue.code, severity, message]
            for col, text in enumerate(values, 1):
                put_text(sheet.cell(row, col), text).alignment = wrap()
    for log in report.received_logs:  # the offices' logs: their problems are theirs
        for issue in log.issues:
            row += 1
            severity = words.severities[issue.severity.value]
            values = [Path(log.file).name, str(issue.location), issue.code, severity]
            for col, text in enumerate([*values, issue.text(lang)], 1):
                put_text(sheet.cell(row, col), text).alignment = wrap()
    if row == 1:
        put_text(sheet.cell(2, 1), words.no_problems)
    return _finish_table(sheet, len(headers), row)


def targets_sheet(sheet: Worksheet, targets: TargetsFile, words: Words, lang: Lang) -> PrintPlan:
    headers = words.target_headers
    _table_sheet(sheet, headers, [8, 5, 34, 30, 44, 14, 9, 13, 8, 8, 8, 12, 8])
    for row, ind in enumerate(targets.indicators, 2):
        texts = [ind.code, str(ind.number), ind.name_vi, ind.name_en, ind.plan_text]
        for col, text in enumerate(texts, 1):
            put_text(sheet.cell(row, col), text).alignment = wrap()
        put_text(sheet.cell(row, 6), unit_label(ind.unit, lang))
        put_text(sheet.cell(row, 7), KIND_LABEL[lang][ind.kind])
        put_text(sheet.cell(row, 8), target_text(ind, lang))
        put_number(sheet.cell(row, 9), ind.min)
        put_number(sheet.cell(row, 10), ind.max)
        put_number(sheet.cell(row, 11), ind.tolerance)
        low, high = ind.plausible.min, ind.plausible.max
        put_text(sheet.cell(row, 12), f"{low} – {high}")
        put_text(sheet.cell(row, 13), ind.part_of or "")
    return _finish_table(sheet, len(headers), len(targets.indicators) + 1)
