"""The Tổng hợp sheet of the export: units by indicators for one round, filled by status and
marked with the status's symbol, with the city's headline, totals per unit and per indicator,
and a legend. Part of :mod:`.export`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import trn
from ..domain import Lang, Status, round_label
from ..presentation import SYMBOL, headline_text
from ..report import Report, Result, indicator_rows
from ..targets import TargetsFile, indicator_label, target_text, unit_label
from .printing import PrintPlan
from .safecells import put_number, put_text
from .sheets import FIRST_INDICATOR_COL, header_cell
from .style import FILLS, Words, bold, border, center, status_label, status_mark, wrap

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


#: The two header rows (codes, then targets) repeat on every page.
SUMMARY_PLAN = PrintPlan(title_rows="4:5")
#: The legend's note spreads over this many columns from B, so that it wraps in a few lines.
_NOTE_COLUMNS = 12


@dataclass(frozen=True, slots=True)
class _Line:
    """One row of the summary: a unit and period, its results by code (empty when missing)."""

    unit_code: str
    unit_name: str
    period: str
    results: dict[str, Result]
    note: str = ""


def summary_sheet(
    sheet: Worksheet, report: Report, targets: TargetsFile, words: Words, lang: Lang
) -> int:
    """Draw the summary of ``report`` (one round) on ``sheet``; the number of unit rows."""
    lines = _lines(report, targets)
    _summary_sheet(sheet, report, targets, lines, words, lang)
    return len(lines)


def title_of(report: Report, words: Words) -> str:
    shown = ", ".join(round_label(name, words.lang) for name in report.rounds)
    return f"{words.title} – {shown}" if shown else words.title


# --- the rows of the summary --------------------------------------------------------------


def _lines(report: Report, targets: TargetsFile) -> list[_Line]:
    by_file: dict[str, dict[str, Result]] = {}
    for result in report.results:
        by_file.setdefault(result.file or "", {})[result.code] = result
    lines = []
    for sub in report.submissions:
        results = by_file.get(sub.file)
        if results is None and sub.valid:
            continue  # read but not evaluated: another period
        unit = targets.unit(sub.unit_code)
        name = sub.unit_name or (unit.name if unit else "")
        note = "" if results else Path(sub.file).name
        lines.append(_Line(sub.unit_code or "?", name, sub.period or "?", results or {}, note))
    shown = {(line.unit_code, line.period) for line in lines}  # an unfilled file's unit
    lines += [
        _Line(m.unit_code, m.unit, m.period, {}, "")
        for m in report.missing_units
        if (m.unit_code, m.period) not in shown
    ]
    order = {u.code: i for i, u in enumerate(targets.reporting_units)}
    # one sheet per round: the units in the targets file's order (a "6 tháng" report among
    # "Quý 2" ones keeps its unit's place)
    return sorted(lines, key=lambda ln: (order.get(ln.unit_code, len(order)), ln.unit_code))


def _line_status(line: _Line, code: str, expected: bool) -> Status | None:
    result = line.results.get(code)
    if result is not None:
        return result.status
    if not line.results and not line.note:
        return Status.MISSING if expected else None  # a unit that has not reported
    if line.note:
        return Status.INVALID if expected else None  # an unreadable file
    return None


# --- Tổng hợp -----------------------------------------------------------------------------


def _summary_sheet(
    sheet: Worksheet,
    report: Report,
    targets: TargetsFile,
    lines: list[_Line],
    words: Words,
    lang: Lang,
) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    codes = [ind.code for ind in targets.indicators]
    last_col = FIRST_INDICATOR_COL + len(codes) + len(Status) - 1
    _sheet_title(sheet, title_of(report, words), _subtitle(report, words), last_col)
    _headline_row(sheet, report, targets, lang)
    for col, top in enumerate((words.unit_code, words.unit, words.period), 1):
        header_cell(sheet, 4, col, top)
        sheet.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
    for offset, ind in enumerate(targets.indicators):
        col = FIRST_INDICATOR_COL + offset
        header_cell(sheet, 4, col, ind.code)
        header_cell(sheet, 5, col, target_text(ind, lang))
        name = indicator_label(ind, lang)
        sheet.cell(4, col).comment = Comment(
            f"{ind.code}: {name}\n{unit_label(ind.unit, lang)}", "cantho_kpi"
        )
    totals_col = FIRST_INDICATOR_COL + len(codes)
    for offset, status in enumerate(Status):
        cell = header_cell(sheet, 4, totals_col + offset, status_mark(status, lang))
        cell.fill = FILLS[status]
        sheet.merge_cells(
            start_row=4, start_column=totals_col + offset, end_row=5, end_column=totals_col + offset
        )
    row = 6
    for line in lines:
        _summary_line(sheet, row, line, targets, totals_col)
        row += 1
    _indicator_totals(sheet, row, report, targets, words, lang)
    _legend(sheet, row + len(Status) + 1, words, lang)
    _layout_summary(sheet, last_col)
    sheet.auto_filter.ref = f"A5:{get_column_letter(last_col)}{max(row - 1, 5)}"


def _headline_row(sheet: Worksheet, report: Report, targets: TargetsFile, lang: Lang) -> None:
    """Row 3: the city's headline for each round ("Đạt và vượt 16/19 chỉ tiêu có số liệu")."""
    from openpyxl.styles import Font

    city = targets.city
    lines = []
    for name in report.rounds:
        found = report.headline(name, city.code) if city is not None else None
        if city is not None and found is not None:
            text = headline_text(found, lang)
            lines.append(f"{city.name}, {round_label(name, lang)}: {text[:1].upper()}{text[1:]}")
    if lines:
        put_text(sheet.cell(3, 1), " | ".join(lines)).font = Font(bold=True)


def _subtitle(report: Report, words: Words) -> str:
    files, missing = len(report.submissions), len(report.missing_units)
    return words.subtitle.format(
        files=trn(words.lang, "{count} file", "{count} files", files),
        invalid=report.invalid_files,
        missing=trn(words.lang, "{count} unit", "{count} units", missing),
    )


def _sheet_title(sheet: Worksheet, title: str, subtitle: str, last_col: int) -> None:
    from openpyxl.styles import Font

    put_text(sheet.cell(1, 1), title).font = Font(bold=True, size=14)
    put_text(sheet.cell(2, 1), subtitle).font = Font(italic=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=min(last_col, 20))
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=min(last_col, 20))


def _summary_line(
    sheet: Worksheet, row: int, line: _Line, targets: TargetsFile, totals_col: int
) -> None:
    put_text(sheet.cell(row, 1), line.unit_code).border = border()
    name = line.unit_name + (f" ({line.note})" if line.note else "")
    put_text(sheet.cell(row, 2), name).border = border()
    put_text(sheet.cell(row, 3), line.period).border = border()
    expected = {i.code for i in targets.indicators_for(targets.unit(line.unit_code))}
    counts: Counter[Status] = Counter()
    for offset, ind in enumerate(targets.indicators):
        cell = sheet.cell(row, FIRST_INDICATOR_COL + offset)
        cell.border = border()
        status = _line_status(line, ind.code, ind.code in expected)
        if status is None:
            continue
        counts[status] += 1
        cell.fill = FILLS[status]
        result = line.results.get(ind.code)
        if result is not None and status is not Status.INVALID and result.value is not None:
            put_number(cell, result.value)
            cell.number_format = f'"{SYMBOL[status]} "{cell.number_format}'  # without colour
        else:
            put_text(cell, SYMBOL[status]).alignment = center()
    for offset, status in enumerate(Status):
        cell = sheet.cell(row, totals_col + offset, counts[status])
        cell.border = border()
        cell.alignment = center()


def _indicator_totals(
    sheet: Worksheet, row: int, report: Report, targets: TargetsFile, words: Words, lang: Lang
) -> None:
    rows = {r.indicator.code: r for r in indicator_rows(targets, report)}
    for offset, status in enumerate(Status):
        label = sheet.cell(row + offset, 2)
        put_text(label, f"{words.units_with} {status_label(status, lang).lower()}").font = bold()
        label.fill = FILLS[status]
        for index, ind in enumerate(targets.indicators):
            found = rows.get(ind.code)
            count = found.counts[status] if found else 0
            cell = sheet.cell(row + offset, FIRST_INDICATOR_COL + index, count)
            cell.alignment = center()
            cell.border = border()


def _legend(sheet: Worksheet, row: int, words: Words, lang: Lang) -> None:
    put_text(sheet.cell(row, 2), words.legend).font = bold()
    for offset, status in enumerate(Status):
        cell = put_text(sheet.cell(row + 1 + offset, 2), status_mark(status, lang))
        cell.fill = FILLS[status]
        cell.border = border()
    note = row + 1 + len(Status)
    put_text(sheet.cell(note, 2), words.legend_note).alignment = wrap()
    sheet.merge_cells(start_row=note, start_column=2, end_row=note, end_column=1 + _NOTE_COLUMNS)


def _layout_summary(sheet: Worksheet, last_col: int) -> None:
    """Column widths and frozen panes; the page setup is the one of every sheet
    (:mod:`.printing`, with :data:`SUMMARY_PLAN`)."""
    from openpyxl.utils import get_column_letter

    sheet.column_dimensions["A"].width = 9
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions["C"].width = 9
    for col in range(FIRST_INDICATOR_COL, last_col + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 9
    sheet.row_dimensions[5].height = 30
    sheet.freeze_panes = f"{get_column_letter(FIRST_INDICATOR_COL)}6"
