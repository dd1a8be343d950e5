"""Tables drawn on a Console it is given: the `kpi check` report and the targets.

Every status carries a symbol as well as a colour, so the tables read without colour (NO_COLOR,
a pipe, a printout). Numbers follow the chosen language: ``7,5`` or ``7.5``.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..catalog import C_, N_, tr
from ..domain import Lang, Status, parse_period, round_of
from ..errors import Issue, Severity
from ..presentation import KIND_LABEL, STYLE, SYMBOL, WORDS, by_lang_list
from ..report import (
    IndicatorRow,
    Report,
    Result,
    UnitRow,
    indicator_rows,
    is_superseded,
    rollups_by_level,
    unit_rows,
)
from ..submissions import Submission
from ..targets import TargetsFile, indicator_label, target_text, unit_label
from .data import number_text, short_file
from .file_view import (
    file_headline,
    file_results,
    file_title,
    missing_text,
    no_results_text,
    result_cells,
    status_label,
)
from .fit import Column, fitted_table
from .rounds import draw_round_heading, rollups_table


def status_text(result: Result, lang: Lang) -> Text:
    return Text(status_label(result, lang), style=STYLE[result.status])


# --- tables ------------------------------------------------------------------------------


def draw_check(
    report: Report,
    targets: TargetsFile,
    console: Console,
    lang: Lang = "vi",
    *,
    unit: str | None = None,
    detail: bool = False,
) -> None:
    """Draw the report: one file's indicators, or the folder's units, indicators and problems."""
    words = WORDS[lang]
    chosen = [s for s in report.submissions if unit is None or s.unit_code == unit]
    if len(report.submissions) == 1 or unit is not None or detail:
        for sub in chosen:
            _submission_table(report, targets, sub, console, lang)
    if len(report.submissions) > 1 and unit is None:
        for name in report.rounds:
            _round_tables(report.for_round(name), targets, console, lang)
    elif unit is not None and report.missing_units:  # the unit asked for has not reported
        console.print(Text(f"{words['missing_units']}: {missing_text(report)}", style="bold red"))
    console.print(Text(words["legend"], style="dim"))
    if len(report.submissions) > 1 and unit is None:
        console.print(Text(words["problems_legend"], style="dim"))
    console.print(Text(f"{words['targets_file']}: {report.targets_file}", style="dim"))
    _problems(chosen if unit is not None else report.submissions, console, lang, report)


def _round_tables(part: Report, targets: TargetsFile, console: Console, lang: Lang) -> None:
    """One round's section: heading and headline, units, who has not reported, indicators
    across units, and the roll-ups beside the city's figures."""
    words = WORDS[lang]
    draw_round_heading(part, targets, console, lang)
    if part.submissions:
        console.print(_units_table(unit_rows(part), lang, console.width))
    if part.missing_units:
        names = ", ".join(f"{m.unit_code} ({m.unit})" for m in part.missing_units)
        console.print(Text(f"{words['missing_units']}: {names}", style="bold red"))
    if part.results:
        console.print(_indicators_table(indicator_rows(targets, part), lang, console.width))
    for rollups in rollups_by_level(part.rollups):
        console.print(rollups_table(rollups, lang))


def _submission_table(
    report: Report, targets: TargetsFile, sub: Submission, console: Console, lang: Lang
) -> None:
    words = WORDS[lang]
    title = file_title(sub)
    results = file_results(report, sub)
    rows: list[list[str | Text]] = []
    for result in results:
        cells: list[str | Text] = [*result_cells(result, targets, lang)]
        cells[4] = status_text(result, lang)
        rows.append(cells)
    columns = [
        Column(words["code"]),
        Column(words["name"], wraps=True, drop=1),
        Column(words["target"], right=True),
        Column(words["value"], right=True),
        Column(words["status"], wraps=True),
        Column(words["note"], wraps=True, drop=2),
    ]
    if not any(r.note for r in results):
        columns.pop()
        rows = [row[:-1] for row in rows]
    table = fitted_table(title, columns, rows, console.width)
    if table.row_count == 0:
        console.print(Text(f"{title}: {no_results_text(sub, lang)}", style="bold magenta"))
        return
    console.print(table)
    headline = file_headline(report, sub, lang)
    if headline is not None:
        console.print(Text(headline, style="bold"))


def _counts_columns(table: Table) -> None:
    for status in Status:
        table.add_column(
            SYMBOL[status], justify="right", style=STYLE[status], no_wrap=True, min_width=2
        )


def _units_table(rows: list[UnitRow], lang: Lang, width: int) -> Table:
    words = WORDS[lang]
    # the file column only when some file is not named UNIT_PERIOD (the name says nothing new)
    files = any(not _conventional(row.submission) for row in rows)
    columns = [
        Column(words["code"]),
        Column(words["unit"], wraps=True, drop=2),
        Column(words["period"], drop=3),
        *([Column(words["file"], drop=1)] if files else []),
        *[Column(SYMBOL[s], right=True, style=STYLE[s]) for s in Status],
        Column(words["problems"], right=True),
    ]
    cells = [_unit_cells(row, files, lang) for row in rows]
    return fitted_table(words["units"], columns, cells, width)


def _conventional(sub: Submission) -> bool:
    """Whether the file is named UNIT_PERIOD after what it says (a "6 tháng đầu năm 2024"
    report named CD_2024-Q2 is: the two name the same round)."""
    stem = short_file(sub.file).rsplit(".", 1)[0]
    unit, _, period = stem.partition("_")
    if unit != sub.unit_code or sub.period is None:
        return False
    named, said = parse_period(period), parse_period(sub.period)
    return named is not None and said is not None and round_of(named) == round_of(said)


def _unit_cells(row: UnitRow, with_file: bool, lang: Lang) -> list[str | Text]:
    sub = row.submission
    name = sub.unit_name or ""
    if is_superseded(sub):  # a later file of the unit replaces it: say so, even without the file
        name += f" ({WORDS[lang]['superseded']})"
    errors = sum(i.severity is Severity.ERROR for i in sub.issues)
    warnings = len(sub.issues) - errors
    problems = Text(f"{errors}" if errors or warnings else "-", style="bold red" if errors else "")
    if warnings:
        problems.append(f"+{warnings}", style="yellow")
    file = [short_file(sub.file)] if with_file else []
    counts = [str(row.counts[s]) if row.counts[s] else "" for s in Status]
    return [sub.unit_code or "?", name, sub.period or "?", *file, *counts, problems]


def _indicators_table(rows: list[IndicatorRow], lang: Lang, width: int) -> Table:
    words = WORDS[lang]
    columns = [
        Column(words["code"]),
        Column(words["target"], right=True),
        *[Column(SYMBOL[s], right=True, style=STYLE[s]) for s in Status],
        Column(words["worst"], right=True, drop=2),
        Column(words["best"], right=True, drop=1),
    ]
    cells: list[list[str | Text]] = [
        [
            row.indicator.code,
            target_text(row.indicator, lang),
            *[str(row.counts[s]) if row.counts[s] else "" for s in Status],
            number_text(row.worst, lang),
            number_text(row.best, lang),
        ]
        for row in rows
    ]
    return fitted_table(words["indicators"], columns, cells, width)


def _problems(subs: list[Submission], console: Console, lang: Lang, report: Report) -> None:
    """Every problem of the files, then those of the offices' logs (received.csv)."""
    words = WORDS[lang]
    issues = [issue for sub in subs for issue in sub.issues]
    issues += [issue for log in report.received_logs for issue in log.issues]
    if not issues:
        return
    console.print(Text(f"{words['issues']} ({len(issues)})", style="bold"))
    for issue in issues:
        console.print(_issue_line(issue, lang), soft_wrap=True)


def _issue_line(issue: Issue, lang: Lang) -> Text:
    words = WORDS[lang]
    error = issue.severity is Severity.ERROR
    line = Text(
        f"{'✗' if error else '⚠'} {words['error' if error else 'warning']} ",
        style="bold red" if error else "yellow",
    )
    line.append(f"{issue.location}: ", style="bold")
    line.append(f"{issue.code}: ", style="cyan")
    line.append(issue.text(lang))
    return line


#: The headings of ``kpi targets``' table.
_TARGETS_HEADERS = by_lang_list(
    (
        N_("Code"),
        N_("Name"),
        N_("Target"),
        C_("targets table", "Unit"),
        N_("Kind"),
    )
)


def targets_table(targets: TargetsFile, console: Console, lang: Lang = "vi") -> None:
    """Draw the targets as a table that fits the terminal: names and units wrap, and the
    kind, then the unit of measure, go when even that does not fit."""
    title = tr(lang, "Targets – plan {plan}", plan=targets.plan.id)
    heads = _TARGETS_HEADERS[lang]
    columns = [
        Column(heads[0]),
        Column(heads[1], wraps=True),
        Column(heads[2], right=True),
        Column(heads[3], wraps=True, drop=2),
        Column(heads[4], wraps=True, drop=1),
    ]
    rows: list[list[str | Text]] = [
        [
            ind.code,
            indicator_label(ind, lang),
            target_text(ind, lang),
            unit_label(ind.unit, lang),
            KIND_LABEL[lang][ind.kind],
        ]
        for ind in targets.indicators
    ]
    console.print(fitted_table(title, columns, rows, console.width))
