"""Biểu đồ: a native bar chart of the statuses of each unit, read from the Tổng hợp sheet.
Part of :mod:`.export`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain import ORDER, Status
from ..targets import TargetsFile
from .printing import PrintPlan
from .safecells import put_text
from .sheets import FIRST_INDICATOR_COL
from .style import FILLS, Words, bold, status_label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Tổng hợp's first unit row; each unit's counts by status follow its indicators.
FIRST_UNIT_ROW = 6


#: The chart prints on one page.
CHART_PLAN = PrintPlan(one_page=True)


def chart_sheet(
    sheet: Worksheet, summary: Worksheet, count: int, words: Words, targets: TargetsFile
) -> PrintPlan:
    from openpyxl.chart import BarChart, Reference, Series

    put_text(sheet.cell(1, 1), words.chart_title).font = bold()
    if count == 0:
        return CHART_PLAN
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = words.chart_title
    chart.y_axis.title = words.chart_axis
    totals_col = FIRST_INDICATOR_COL + len(targets.indicators)
    first, last = (
        FIRST_UNIT_ROW,
        FIRST_UNIT_ROW + count - 1,
    )  # the units' rows: categories and values cover the same ones
    for status in ORDER:
        col = totals_col + list(Status).index(status)
        values = Reference(summary, min_col=col, min_row=first, max_row=last)
        series = Series(values, title=status_label(status, words.lang))
        series.graphicalProperties.solidFill = FILLS[status].fgColor.rgb[-6:]
        series.graphicalProperties.line.solidFill = "808080"
        chart.series.append(series)
    chart.set_categories(Reference(summary, min_col=1, min_row=first, max_row=last))
    chart.height = max(8, round(0.6 * count) + 3)
    chart.width = 24
    sheet.add_chart(chart, "A3")
    return CHART_PLAN
