"""The progress report drawn on a Console it is given: a headline, then one table per unit.

Every status carries a symbol as well as a colour, so the table reads without colour.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..catalog import N_, word
from ..domain import Lang
from ..errors import Severity
from ..presentation import (
    CR_LABEL,
    CR_LEGEND,
    METHODS_LEGEND,
    PROGRESS_STYLE,
    WORDS,
    by_lang_list,
    by_lang_one,
    unit_target_text,
)
from ..report import Progress, ProgressReport
from ..targets import TargetsFile
from .fit import Column, fitted_table
from .progress import (
    baseline_text,
    cr_text,
    headline,
    latest_text,
    method_text,
    projection_text,
    series_text,
    status_text_of,
    trend_text,
)
from .progress_reason import reason_text

#: Warnings the table repeats: they change what the series are made of.
_SAID = {"period-from-folder"}
_HEADERS = by_lang_list(
    (
        N_("Code"),
        N_("Target"),
        N_("Method"),
        N_("Baseline (year)"),
        N_("Trend"),
        N_("Series"),
        N_("Latest"),
        CR_LABEL,
        N_("Status"),
        N_("Projection"),
        N_("Note"),
    )
)
_NOTES = by_lang_one(
    N_(
        "* part-year figure (not the year-end round) · (…) shown, not counted: a part-year figure "
        "of a whole-year measure, a year before the target's start, after a boundary break · ~ "
        "estimate · ¦ series break · Latest and Projection (the {to} value at the current pace) "
        "with their kpi check status (▲ exceeded ✓ met ≈ near ✗ not met)",
    )
)


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
        table = _unit_table(code, rows, targets, lang, console.width, report.term.to)
        console.print(table)
        if _HEADERS[lang][_NOTE] not in {str(c.header) for c in table.columns}:
            _notes_below(rows, targets, lang, report.term.to, console)
    for note in (_NOTES[lang], word(lang, CR_LEGEND), word(lang, METHODS_LEGEND)):
        console.print(Text(note.format(to=report.term.to), style="dim"))
    _problems(report, console, lang)


def _unit_table(
    code: str, rows: list[Progress], targets: TargetsFile, lang: Lang, width: int, to: int
) -> Table:
    unit = targets.unit(code)
    title = f"{code} · {unit.name}" if unit else code
    cells = [_cells(result, targets, lang, to) for result in rows]
    headers = _HEADERS[lang]
    columns = [
        Column(
            headers[i],
            right=i in (3, 6, 7, 9),
            wraps=i in (2, 5, 8, 10),
            drop=_DROP.get(i, 0),
            header_wraps=i == _CR,
        )
        for i in range(len(headers))
    ]
    return fitted_table(title, columns, cells, width)


_NOTE = 10  # the note column: said below the table when the table has no room for it
_CR = 7  # the ratio CR: its heading says what it is, on three lines


def _notes_below(
    rows: list[Progress], targets: TargetsFile, lang: Lang, to: int, console: Console
) -> None:
    """The notes of a table too narrow for its note column, one line per indicator."""
    for result in rows:
        note = reason_text(result, targets.indicator(result.code), to, lang)
        if note:
            console.print(Text(f"  {result.code}: {note}"), soft_wrap=False)


def _cells(result: Progress, targets: TargetsFile, lang: Lang, to: int) -> list[str | Text]:
    indicator = targets.indicator(result.code)
    return [
        result.code,
        unit_target_text(targets, result.unit_code, indicator, lang) if indicator else "",
        method_text(result, lang),
        baseline_text(result, lang),
        trend_text(result),
        series_text(result, lang),
        latest_text(result, lang),
        cr_text(result, lang),
        Text(status_text_of(result.status, lang), style=PROGRESS_STYLE[result.status]),
        projection_text(result, lang),
        reason_text(result, indicator, to, lang),
    ]


#: Columns a narrow terminal leaves out, in this order: the series numbers, the method, the
#: baseline, the trend, the projection, the note, the latest value (codes, targets, CR and
#: status stay; the status and the note wrap rather than being cut).
_DROP = {5: 1, 2: 2, 3: 3, 4: 4, 9: 5, 10: 6, 6: 7}


def _problems(report: ProgressReport, console: Console, lang: Lang) -> None:
    shown = [i for i in report.issues if i.severity is Severity.ERROR or i.code in _SAID]
    if not shown:
        return
    title = WORDS[lang]["issues"]
    console.print(Text(f"{title} ({len(shown)})", style="bold"))
    for issue in shown:
        # Text, not markup: a folder named "[red]" is a name, not a colour
        console.print(Text(f"{issue.location}: {issue.code}: {issue.text(lang)}"), soft_wrap=True)
