"""The data table of a figure: every number its chart draws, a row each, with where it comes
from (the file and cell), whether the verdict counts it and why not, the unit's note; for an
every-year target each year's status, for a term total the running total. It is the chart's
alternative for screen readers, and what a reviewer recomputes the verdict from."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from ...domain import Lang, format_number, status_of
from ...presentation import LABEL, SYMBOL
from ...report import Point, Progress
from ...targets import Indicator, ProgressMethod
from .blocks import Context, DataTable, Row
from .shapes import Chart
from .words import PAGE_WORDS

_CENT = Decimal("0.01")


def data_table(
    ctx: Context, indicator: Indicator, result: Progress, chart: Chart, target: str
) -> DataTable:
    """Every number the chart draws, one row each, with where it comes from: the baseline, the
    yearly figures (counted or not, and why), the projection, the mean so far, the target."""
    words = PAGE_WORDS[ctx.lang]
    every_year = result.method is ProgressMethod.EVERY_YEAR
    headers = [words["h_year"], words["h_value"]]
    headers += [words["h_running"]] if chart.cumulative else []
    headers += [words["h_counted"]]
    headers += [words["h_year_status"]] if every_year else []
    headers += [words["h_note"], words["h_source"]]
    middle = len(headers) - 4  # the columns between the value and the note
    rows: list[Row] = []

    def extra(head: str, value: str, note: str = "", source: str = "") -> Row:
        return Row(head, (value, *(["—"] * middle), note, source))

    base = result.baseline
    if base is not None:
        rows.append(extra(words["baseline_row"].format(period=base.period),
                          _num(base.value, ctx), source=base.source))  # fmt: skip
    for point, dot in zip(result.series, chart.dots, strict=True):
        rows.append(_series_row(ctx, indicator, result, point, dot.value, every_year))
    if chart.projection is not None:
        head = words["projection_row"].format(period=chart.projection.period)
        rows.append(extra(head, _num(Decimal(chart.projection.value), ctx), words["at_pace"]))
    if chart.mean is not None and result.to_date is not None:
        counted = [p.year for p in result.series if p.used]
        head = words["mean_row"].format(first=counted[0], last=counted[-1])
        value = result.to_date.value.quantize(_CENT, rounding=ROUND_HALF_EVEN)
        rows.append(extra(head, _num(value, ctx)))
    rows.append(extra(words["target_row"], target))
    caption = words["table_caption"].format(code=indicator.code)
    return DataTable(caption, tuple(headers), tuple(rows))


def _series_row(
    ctx: Context,
    indicator: Indicator,
    result: Progress,
    point: Point,
    drawn: str,
    every_year: bool,
) -> Row:
    words = PAGE_WORDS[ctx.lang]
    head = str(point.year) if point.period == str(point.year) else f"{point.year} ({point.period})"
    cells = [_num(point.value, ctx)]
    if result.method is ProgressMethod.CUMULATIVE:
        cells.append(_num(Decimal(drawn), ctx))
    cells.append(words["yes" if point.used else "no"])
    if every_year:
        cells.append(_year_status(result, point.value, point.used, ctx.lang))
    cells.append(_marks(ctx, indicator, result, point))
    cells.append(point.location or point.file)
    return Row(head, tuple(cells))


def _year_status(result: Progress, value: Decimal, used: bool, lang: Lang) -> str:
    """A year of an every-year target judged on its own, as the verdict judges it."""
    if result.target is None or not used:
        return "—"
    status = status_of(result.target, value)[0]
    return f"{SYMBOL[status]} {LABEL[lang][status]}"


def _marks(ctx: Context, indicator: Indicator, result: Progress, point: Point) -> str:
    """Why a figure is marked: part-year, an estimate, a year reported later, not counted
    and why; and the unit's own note on it."""
    words = PAGE_WORDS[ctx.lang]
    marks = []
    if point.provisional:
        marks.append(words["provisional"])
    if point.estimate:
        marks.append(words["estimate"])
    if point.reported_in:
        marks.append(words["reported_in"].format(round=point.reported_in))
    start = indicator.from_
    if not point.used and start is not None and point.year < int(start):
        marks.append(words["before_start"])
    elif not point.used and not point.provisional and not point.estimate:
        marks.append(words["not_counted_why"])
    note = ctx.notes.get((point.file, indicator.code))
    if note:
        marks.append(words["unit_note"].format(note=note))
    return "; ".join(marks)


def _num(value: Decimal, ctx: Context) -> str:
    return format_number(value, ctx.lang)
