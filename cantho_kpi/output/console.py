"""Tables drawn on a Console it is given: the `kpi check` report and the targets.

Every status carries a symbol as well as a colour, so the tables read without colour (NO_COLOR,
a pipe, a printout). Numbers follow the chosen language: ``7,5`` or ``7.5``.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..domain import KIND_LABEL, LABEL, STYLE, SYMBOL, WORDS, Lang, Status
from ..errors import Issue, Severity
from ..report import IndicatorRow, Report, Result, UnitRow, indicator_rows, unit_rows
from ..submissions import Submission
from ..targets import TargetsFile, indicator_label, target_text, unit_label
from .data import number_text, short_file


def status_text(result: Result, lang: Lang) -> Text:
    label = LABEL[lang][result.status]
    if result.side is not None:
        label += f" ({LABEL[lang][result.side]})"
    return Text(f"{SYMBOL[result.status]} {label}", style=STYLE[result.status])


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
        console.print(_units_table(unit_rows(report), lang, console.width))
        if report.missing_units:
            names = ", ".join(f"{m.unit_code} ({m.unit}, {m.period})" for m in report.missing_units)
            console.print(Text(f"{words['missing_units']}: {names}", style="bold red"))
        console.print(_indicators_table(indicator_rows(targets, report), lang))
    console.print(Text(words["legend"], style="dim"))
    if len(report.submissions) > 1 and unit is None:
        console.print(Text(words["problems_legend"], style="dim"))
    console.print(Text(f"{words['targets_file']}: {report.targets_file}", style="dim"))
    _problems(chosen if unit is not None else report.submissions, console, lang)


def _submission_table(
    report: Report, targets: TargetsFile, sub: Submission, console: Console, lang: Lang
) -> None:
    words = WORDS[lang]
    title = " · ".join(
        part for part in (sub.unit_code, sub.unit_name, sub.period, short_file(sub.file)) if part
    )
    results = [r for r in report.results if r.file == sub.file]
    rows: list[list[str | Text]] = []
    for result in results:
        indicator = targets.indicator(result.code)
        assert indicator is not None
        rows.append(
            [
                result.code,
                indicator_label(indicator, lang),
                target_text(indicator, lang),
                number_text(result.value, lang),
                status_text(result, lang),
                result.note or "",
            ]
        )
    headers = [words[k] for k in ("code", "name", "target", "value", "status", "note")]
    if not any(r.note for r in results):
        headers.pop()
        rows = [row[:-1] for row in rows]
    flexible = [1, 5] if len(headers) == 6 else [1]
    table = _table(title)
    widths = _fit(console.width, headers, rows, flexible)
    for index, header in enumerate(headers):
        table.add_column(
            header,
            no_wrap=True,
            overflow="ellipsis",
            width=widths.get(index),
            justify="right" if index in (2, 3) else "left",
        )
    for row in rows:
        table.add_row(*row)
    if table.row_count == 0:
        console.print(Text(f"{title}: {words['unreadable']}", style="bold magenta"))
        return
    console.print(table)


def _fit(
    width: int, headers: list[str], rows: list[list[str | Text]], flexible: list[int]
) -> dict[int, int]:
    """Widths for the ``flexible`` columns so that the table fits ``width`` (the others keep
    their content's width); flexible columns share what is left, the first one twice."""
    natural = [
        max([cell_len(headers[i])] + [cell_len(str(row[i])) for row in rows])
        for i in range(len(headers))
    ]
    fixed = sum(w for i, w in enumerate(natural) if i not in flexible)
    room = width - fixed - 3 * len(headers) - 1  # padding, separators and edges
    wanted = sum(natural[i] for i in flexible)
    if room >= wanted:
        return {}
    shares = [2] + [1] * (len(flexible) - 1)
    return {
        i: max(6, room * share // sum(shares)) for i, share in zip(flexible, shares, strict=True)
    }


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")


def _counts_columns(table: Table) -> None:
    for status in Status:
        table.add_column(
            SYMBOL[status], justify="right", style=STYLE[status], no_wrap=True, min_width=2
        )


def _units_table(rows: list[UnitRow], lang: Lang, width: int) -> Table:
    words = WORDS[lang]
    # the file column only when some file is not named UNIT_PERIOD (the name says nothing new)
    files = any(not _conventional(row.submission) for row in rows)
    headers = [words["code"], words["unit"], words["period"]] + ([words["file"]] if files else [])
    first = len(headers)
    headers += [SYMBOL[s] for s in Status] + [words["problems"]]
    cells = [_unit_cells(row, files) for row in rows]
    widths = _fit(width, headers, cells, [1, 3] if files else [1])
    table = _table(words["units"])
    for index, header in enumerate(headers):
        status = list(Status)[index - first] if first <= index < first + len(Status) else None
        table.add_column(
            header,
            no_wrap=True,
            overflow="ellipsis",
            width=widths.get(index),
            justify="right" if index >= first else "left",
            style=STYLE[status] if status else "",
        )
    for row_cells in cells:
        table.add_row(*row_cells)
    return table


def _conventional(sub: Submission) -> bool:
    stem = short_file(sub.file).rsplit(".", 1)[0]
    return stem == f"{sub.unit_code}_{sub.period}"


def _unit_cells(row: UnitRow, with_file: bool) -> list[str | Text]:
    sub = row.submission
    errors = sum(i.severity is Severity.ERROR for i in sub.issues)
    warnings = len(sub.issues) - errors
    problems = Text(f"{errors}" if errors else "-", style="bold red" if errors else "")
    if warnings:
        problems.append(f"+{warnings}", style="yellow")
    file = [short_file(sub.file)] if with_file else []
    counts = [str(row.counts[s]) if row.counts[s] else "" for s in Status]
    return [sub.unit_code or "?", sub.unit_name or "", sub.period or "?", *file, *counts, problems]


def _indicators_table(rows: list[IndicatorRow], lang: Lang) -> Table:
    words = WORDS[lang]
    table = _table(words["indicators"])
    table.add_column(words["code"], no_wrap=True)
    table.add_column(words["target"], justify="right", no_wrap=True)
    _counts_columns(table)
    table.add_column(words["worst"], justify="right", no_wrap=True)
    table.add_column(words["best"], justify="right", no_wrap=True)
    for row in rows:
        table.add_row(
            row.indicator.code,
            target_text(row.indicator, lang),
            *[str(row.counts[s]) if row.counts[s] else "" for s in Status],
            number_text(row.worst, lang),
            number_text(row.best, lang),
        )
    return table


def _problems(subs: list[Submission], console: Console, lang: Lang) -> None:
    words = WORDS[lang]
    issues = [issue for sub in subs for issue in sub.issues]
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


def targets_table(targets: TargetsFile, console: Console, lang: Lang = "vi") -> None:
    """Draw the targets as a table."""
    vi = lang == "vi"
    table = Table(
        title=f"Chỉ tiêu thi đua – Kế hoạch {targets.plan.id}"
        if vi
        else f"Targets – plan {targets.plan.id}",
        show_lines=False,
        expand=False,
    )
    table.add_column("Mã" if vi else "Code", no_wrap=True)
    table.add_column("Tên chỉ tiêu" if vi else "Name", min_width=20)
    table.add_column("Chỉ tiêu" if vi else "Target", no_wrap=True, justify="right")
    table.add_column("Đơn vị tính" if vi else "Unit", max_width=14)
    table.add_column("Loại" if vi else "Kind", no_wrap=True)
    for ind in targets.indicators:
        table.add_row(
            ind.code,
            ind.name_vi if vi else ind.name_en,
            target_text(ind, lang),
            unit_label(ind.unit, lang),
            KIND_LABEL[lang][ind.kind],
        )
    console.print(table)
