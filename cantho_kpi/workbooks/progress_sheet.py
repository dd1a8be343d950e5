"""The export's "Tiến độ" (Progress) sheet: when the rounds span several years, one row per
indicator of the headline unit (the city) with its yearly values, baseline, target, CR, status
and projection, and a native line chart (value by year against the target line, straight
segments between the years) for each headline indicator. The target lines' figures sit below
the charts, outside the print area. Numbers are numbers; the method is docs/progress.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..catalog import N_, tr, word
from ..domain import Lang
from ..presentation import (
    CR_LABEL,
    CR_LEGEND,
    METHOD_LABEL,
    METHODS_LEGEND,
    PROGRESS_LABEL,
    by_lang_list,
    by_lang_one,
)
from ..report import Progress, ProgressReport, Report, progress_of_report
from ..targets import Indicator, TargetsFile, indicator_label, target_text
from .printing import PrintPlan
from .safecells import put_number, put_text
from .sheets import header_cell
from .style import bold, border, status_label, wrap

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_NAME = by_lang_one(N_("Progress"))
#: The indicators that get a chart: the plan's headline figures of growth, income, urbanisation,
#: poverty, health and the party.
HEADLINE = ("CT01", "CT02", "CT08", "CT11", "CT13", "CT17b")
HEADER_ROW = 4
FIRST_YEAR_COL = 7  # A code, B target, C bound, D method, E baseline, F its year
_HEADERS = by_lang_list(
    (
        N_("Code"),
        N_("Target"),
        N_("Bound"),
        N_("Method"),
        N_("Baseline"),
        N_("Baseline year"),
    )
)
_TAIL = by_lang_list(
    (
        CR_LABEL,
        N_("Status"),
        N_("Projection {to}"),
        N_("Projection's status"),
    )
)
_TITLE = by_lang_one(N_("Progress toward {to} – {unit}"))
_LINE = by_lang_one(N_("Target line"))
_HELPER = by_lang_one(N_("Figures of the target lines (for the charts, not printed)"))
#: Rows a pair of charts takes (7 cm high, rows of 15 points), and columns a chart takes; the
#: charts start on a page of their own, two pairs a page (never cut by a page break).
_CHART_ROWS, _CHART_COLS = 15, 8
_PAIRS_A_PAGE = 2


def add_progress_sheet(
    book: Workbook, report: Report, targets: TargetsFile, lang: Lang
) -> dict[str, PrintPlan]:
    """Add the sheet when the report spans several years (its print plan by name); otherwise
    leave the book as it is."""
    progress = progress_of_report(targets, report)
    if progress is None or progress.headline_unit is None:
        return {}
    rows = [r for r in progress.results if r.unit_code == progress.headline_unit]
    years = sorted({p.year for r in rows for p in r.series})
    if not rows or not years:
        return {}
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(SHEET_NAME[lang])
    unit = targets.unit(progress.headline_unit)
    title = _TITLE[lang].format(
        to=progress.term.to, unit=unit.name if unit else progress.headline_unit
    )
    put_text(sheet.cell(1, 1), title).font = bold()
    _legend(sheet, progress.term.to, len(years), lang)
    _header(sheet, years, progress, lang)
    placed: dict[str, int] = {}
    for offset, result in enumerate(rows):
        indicator = targets.indicator(result.code)
        assert indicator is not None
        row = HEADER_ROW + 1 + offset
        _row(sheet, row, result, indicator, years, lang)
        placed[result.code] = row
    end = _charts(sheet, placed, years, targets, HEADER_ROW + len(rows) + 2, lang)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
    last_col = get_column_letter(FIRST_YEAR_COL + len(years) + len(_TAIL[lang]) - 1)
    plan = PrintPlan(title_rows=f"{HEADER_ROW}:{HEADER_ROW}", area=f"A1:{last_col}{end}")
    return {sheet.title: plan}


def _header(sheet: Worksheet, years: list[int], progress: ProgressReport, lang: Lang) -> None:
    from openpyxl.utils import get_column_letter

    heads = [*_HEADERS[lang], *map(str, years), *_TAIL[lang]]
    for col, text in enumerate(heads, 1):
        header_cell(sheet, HEADER_ROW, col, text.format(to=progress.term.to))
    widths = [8, 16, 10, 11, 10, 9] + [10] * len(years) + [8, 18, 12, 16]
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def _legend(sheet: Worksheet, to: int, years: int, lang: Lang) -> None:
    """Rows 2 and 3, above the table: what the methods and the ratio CR are (printed with it)."""
    last = FIRST_YEAR_COL + years + len(_TAIL[lang]) - 1
    for row, msgid in ((2, METHODS_LEGEND), (3, CR_LEGEND)):
        put_text(sheet.cell(row, 1), word(lang, msgid).format(to=to)).alignment = wrap()
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        sheet.row_dimensions[row].height = 30


def bound_of(indicator: Indicator) -> Decimal | None:
    """The figure the target line is drawn at: the lower bound, else the upper."""
    return indicator.min if indicator.min is not None else indicator.max


def _row(
    sheet: Worksheet,
    row: int,
    result: Progress,
    indicator: Indicator,
    years: list[int],
    lang: Lang,
) -> None:
    put_text(sheet.cell(row, 1), result.code)
    put_text(sheet.cell(row, 2), target_text(indicator, lang))
    put_number(sheet.cell(row, 3), bound_of(indicator))
    method = METHOD_LABEL[lang][result.method] + ("*" if result.fallback else "")
    put_text(sheet.cell(row, 4), method)
    if result.baseline is not None:
        put_number(sheet.cell(row, 5), result.baseline.value)
        sheet.cell(row, 6).value = int(result.baseline.period)
    values = {p.year: p for p in result.series}
    for index, year in enumerate(years):
        point = values.get(year)
        cell = sheet.cell(row, FIRST_YEAR_COL + index)
        if point is not None:
            put_number(cell, point.value)
            if point.provisional:
                cell.number_format += '"*"'
            if not point.used:  # shown, not counted (docs/progress.md, "The series")
                cell.number_format = f'"("{cell.number_format}")"'
    col = FIRST_YEAR_COL + len(years)
    cr = result.cr.quantize(Decimal("0.0001")) if result.cr is not None else None
    put_number(sheet.cell(row, col), cr)
    put_text(sheet.cell(row, col + 1), _status(result, lang))
    if result.projection is not None:
        put_number(sheet.cell(row, col + 2), result.projection.value)
        put_text(sheet.cell(row, col + 3), status_label(result.projection.status, lang))
    for c in range(1, col + 4):
        sheet.cell(row, c).border = border()


def _status(result: Progress, lang: Lang) -> str:
    """The status, with the years met of an every-year target: ``Không đạt (3/4 năm đạt)``."""
    label = PROGRESS_LABEL[lang][result.status]
    if not result.years_judged:
        return label
    met, judged = result.years_met or 0, result.years_judged
    years = tr(lang, "{met}/{judged} years met", met=met, judged=judged)
    return f"{label} ({years})"


def _charts(
    sheet: Worksheet,
    placed: dict[str, int],
    years: list[int],
    targets: TargetsFile,
    first_row: int,
    lang: Lang,
) -> int:
    """A line chart per headline indicator, two side by side from ``first_row``; the figures
    of their target lines below them. The last row the charts take."""
    from openpyxl.chart import LineChart, Reference, Series
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    charts = [code for code in HEADLINE if code in placed]
    pairs = (len(charts) + 1) // 2
    end = first_row + _CHART_ROWS * pairs - 1
    for pair in range(0, pairs, _PAIRS_A_PAGE):  # a break above each page of charts
        sheet.row_breaks.append(Break(id=first_row - 1 + _CHART_ROWS * pair))
    helper = end + 2
    put_text(sheet.cell(helper, 1), _HELPER[lang]).font = bold()
    last_col = FIRST_YEAR_COL + len(years) - 1
    categories = Reference(
        sheet, min_col=FIRST_YEAR_COL, max_col=last_col, min_row=HEADER_ROW, max_row=HEADER_ROW
    )
    for index, code in enumerate(charts):
        indicator = targets.indicator(code)
        assert indicator is not None
        line_row = helper + 1 + index
        put_text(sheet.cell(line_row, 1), code)
        for col in range(FIRST_YEAR_COL, last_col + 1):
            put_number(sheet.cell(line_row, col), bound_of(indicator))
        chart = LineChart()
        chart.title = f"{code}: {indicator_label(indicator, lang)}"
        for row, title in ((placed[code], code), (line_row, _LINE[lang])):
            values = Reference(sheet, min_col=FIRST_YEAR_COL, max_col=last_col, min_row=row)
            series = Series(values, title=title)
            series.smooth = False  # straight segments: a curve would invent values between years
            chart.series.append(series)
        chart.set_categories(categories)
        chart.height, chart.width = 7, 12
        anchor_row = first_row + _CHART_ROWS * (index // 2)
        anchor_col = 1 + _CHART_COLS * (index % 2)
        sheet.add_chart(chart, f"{get_column_letter(anchor_col)}{anchor_row}")
    return end
