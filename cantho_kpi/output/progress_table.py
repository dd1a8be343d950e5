"""The progress report drawn on a Console it is given: a headline, then one table per unit.

Every status carries a symbol as well as a colour, so the table reads without colour.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..domain import Lang, format_number
from ..errors import Severity
from ..report import Progress, ProgressReport, ProgressStatus, unit_target_text
from ..targets import TargetsFile
from .fit import Column, fitted_table
from .progress import (
    baseline_text,
    cr_text,
    headline,
    method_text,
    projection_text,
    series_text,
    status_text_of,
    trend_text,
)

_STYLE = {
    ProgressStatus.ACHIEVED: "bold green",
    ProgressStatus.ON_TRACK: "green",
    ProgressStatus.FAIR: "yellow",
    ProgressStatus.LIMITED: "dark_orange",
    ProgressStatus.DETERIORATION: "red",
    ProgressStatus.INSUFFICIENT_DATA: "dim",
    ProgressStatus.NOT_ACHIEVED: "bold red",
}
#: Warnings the table repeats: they change what the series are made of.
_SAID = {"period-from-folder"}
_HEADERS = {
    "vi": (
        "Mã",
        "Chỉ tiêu",
        "Cách tính",
        "Gốc (năm)",
        "Xu hướng",
        "Số liệu",
        "Mới nhất",
        "CR",
        "Đánh giá",
        "Dự báo",
    ),
    "en": (
        "Code",
        "Target",
        "Method",
        "Baseline (year)",
        "Trend",
        "Series",
        "Latest",
        "CR",
        "Status",
        "Projection",
    ),
}
_NOTES = {
    "vi": "* số liệu tạm tính (không phải kỳ cả năm) · ¦ điểm gãy chuỗi: tỷ lệ tính từ sau điểm "
    "này · cagr* không tính được tăng trưởng kép (giá trị ≤ 0), dùng linear · Dự báo: giá trị "
    "năm {to} theo tốc độ hiện tại, kèm đánh giá như kpi check (▲ vượt ✓ đạt ≈ gần đạt ✗ "
    "không đạt)",
    "en": "* provisional (not the year-end round) · ¦ series break: rates start after it · "
    "cagr* growth rate undefined (a value ≤ 0), linear used · Projection: the {to} value at "
    "the current pace, with its kpi check status (▲ exceeded ✓ met ≈ near ✗ not met)",
}


def draw_progress(
    report: ProgressReport, targets: TargetsFile, console: Console, lang: Lang = "vi"
) -> None:
    """Draw the headline, one table per unit, the notes and the problems met while reading."""
    console.print(Text(headline(report, targets, lang), style="bold"))
    units: list[str] = []
    for result in report.results:
        if result.unit_code not in units:
            units.append(result.unit_code)
    for code in units:
        rows = [r for r in report.results if r.unit_code == code]
        console.print(_unit_table(code, rows, targets, lang, console.width))
    console.print(Text(_NOTES[lang].format(to=report.term.to), style="dim"))
    _problems(report, console, lang)


def _unit_table(
    code: str, rows: list[Progress], targets: TargetsFile, lang: Lang, width: int
) -> Table:
    unit = targets.unit(code)
    title = f"{code} · {unit.name}" if unit else code
    cells = [_cells(result, targets, lang) for result in rows]
    headers = _HEADERS[lang]
    columns = [
        Column(headers[i], right=i in (3, 6, 7, 9), wraps=i in (5, 8), drop=_DROP.get(i, 0))
        for i in range(len(headers))
    ]
    return fitted_table(title, columns, cells, width)


def _cells(result: Progress, targets: TargetsFile, lang: Lang) -> list[str | Text]:
    indicator = targets.indicator(result.code)
    latest = result.latest
    return [
        result.code,
        unit_target_text(targets, result.unit_code, indicator, lang) if indicator else "",
        method_text(result),
        baseline_text(result, lang),
        trend_text(result),
        series_text(result, lang),
        f"{format_number(latest.value, lang)} ({latest.year})" if latest else "",
        cr_text(result, lang),
        Text(status_text_of(result.status, lang), style=_STYLE[result.status]),
        projection_text(result, lang),
    ]


#: Columns a narrow terminal leaves out, in this order: the series numbers, the method, the
#: baseline, the trend, the projection, the latest value (codes, targets, CR and status stay; the
#: status wraps rather than being cut).
_DROP = {5: 1, 2: 2, 3: 3, 4: 4, 9: 5, 6: 6}


def _problems(report: ProgressReport, console: Console, lang: Lang) -> None:
    shown = [i for i in report.issues if i.severity is Severity.ERROR or i.code in _SAID]
    if not shown:
        return
    title = "Vấn đề" if lang == "vi" else "Problems"
    console.print(Text(f"{title} ({len(shown)})", style="bold"))
    for issue in shown:
        # Text, not markup: a folder named "[red]" is a name, not a colour
        console.print(Text(f"{issue.location}: {issue.code}: {issue.text(lang)}"), soft_wrap=True)
