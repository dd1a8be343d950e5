"""The `kpi check` report -> tables on a Console, JSON, CSV or Markdown strings.

Every status carries a symbol as well as a colour, so the tables read without colour (NO_COLOR,
a pipe, a printout). Numbers follow the chosen language: ``7,5`` or ``7.5``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import Issue, Severity
from .evaluate import IndicatorRow, UnitRow, indicator_rows, summary, unit_rows
from .models import Indicator, Report, Result, Side, Status, Submission, TargetsFile
from .numbers import Lang, format_number
from .render import target_text

SCHEMA = "cantho-kpi/check/v1"

SYMBOL = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NEAR: "≈",
    Status.NOT_MET: "✗",
    Status.MISSING: "·",
    Status.INVALID: "!",
}
STYLE = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.NEAR: "yellow",
    Status.NOT_MET: "red",
    Status.MISSING: "dim",
    Status.INVALID: "bold magenta",
}
LABEL = {
    "vi": {
        Status.EXCEEDED: "Vượt",
        Status.MET: "Đạt",
        Status.NEAR: "Gần đạt",
        Status.NOT_MET: "Không đạt",
        Status.MISSING: "Chưa báo cáo",
        Status.INVALID: "Không hợp lệ",
        Side.BELOW: "thấp",
        Side.ABOVE: "cao",
    },
    "en": {
        Status.EXCEEDED: "exceeded",
        Status.MET: "met",
        Status.NEAR: "near",
        Status.NOT_MET: "not met",
        Status.MISSING: "missing",
        Status.INVALID: "invalid",
        Side.BELOW: "below",
        Side.ABOVE: "above",
    },
}
WORDS = {
    "vi": {
        "units": "Đơn vị báo cáo",
        "unit": "Đơn vị",
        "period": "Kỳ",
        "file": "Tệp",
        "problems": "Lỗi",
        "indicators": "Chỉ tiêu qua các đơn vị",
        "code": "Mã",
        "name": "Tên chỉ tiêu",
        "target": "Chỉ tiêu",
        "value": "Giá trị",
        "status": "Đánh giá",
        "note": "Ghi chú",
        "worst": "Kém nhất",
        "best": "Tốt nhất",
        "missing_units": "Chưa nộp báo cáo",
        "issues": "Vấn đề",
        "error": "lỗi",
        "warning": "cảnh báo",
        "none": "không có",
        "unreadable": "không đọc được",
        "legend": "▲ vượt  ✓ đạt  ≈ gần đạt  ✗ không đạt  · chưa báo cáo  ! không hợp lệ",
    },
    "en": {
        "units": "Reporting units",
        "unit": "Unit",
        "period": "Period",
        "file": "File",
        "problems": "Issues",
        "indicators": "Indicators across units",
        "code": "Code",
        "name": "Name",
        "target": "Target",
        "value": "Value",
        "status": "Status",
        "note": "Note",
        "worst": "Worst",
        "best": "Best",
        "missing_units": "Not reported",
        "issues": "Problems",
        "error": "error",
        "warning": "warning",
        "none": "none",
        "unreadable": "unreadable",
        "legend": "▲ exceeded  ✓ met  ≈ near  ✗ not met  · missing  ! invalid",
    },
}


def status_text(result: Result, lang: Lang) -> Text:
    label = LABEL[lang][result.status]
    if result.side is not None:
        label += f" ({LABEL[lang][result.side]})"
    return Text(f"{SYMBOL[result.status]} {label}", style=STYLE[result.status])


def _number(value: Decimal | None, lang: Lang) -> str:
    return "" if value is None else format_number(value, lang)


def _short_file(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


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
    _problems(chosen if unit is not None else report.submissions, console, lang)


def _submission_table(
    report: Report, targets: TargetsFile, sub: Submission, console: Console, lang: Lang
) -> None:
    words = WORDS[lang]
    title = " · ".join(
        part for part in (sub.unit_code, sub.unit_name, sub.period, _short_file(sub.file)) if part
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
                _number(result.value, lang),
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
    stem = _short_file(sub.file).rsplit(".", 1)[0]
    return stem == f"{sub.unit_code}_{sub.period}"


def _unit_cells(row: UnitRow, with_file: bool) -> list[str | Text]:
    sub = row.submission
    errors = sum(i.severity is Severity.ERROR for i in sub.issues)
    warnings = len(sub.issues) - errors
    problems = Text(f"{errors}" if errors else "-", style="bold red" if errors else "")
    if warnings:
        problems.append(f"+{warnings}", style="yellow")
    file = [_short_file(sub.file)] if with_file else []
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
            _number(row.worst, lang),
            _number(row.best, lang),
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


# --- for scripts -------------------------------------------------------------------------


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _submission_dict(sub: Submission) -> dict[str, Any]:
    return {
        "file": sub.file,
        "unit": sub.unit_name,
        "unit_code": sub.unit_code,
        "period": sub.period,
        "sheet": sub.sheet,
        "valid": sub.valid,
        "issues": [
            {
                "code": i.code,
                "severity": i.severity.value,
                "location": str(i.location),
                "message": i.message,
                "message_vi": i.message_vi,
            }
            for i in sub.issues
        ],
    }


def _result_dict(result: Result) -> dict[str, Any]:
    return {
        "file": result.file,
        "unit_code": result.unit_code,
        "period": result.period,
        "code": result.code,
        "value": _json_number(result.value),
        "status": result.status.value,
        "side": result.side.value if result.side else None,
        "location": result.location,
    }


def check_json(report: Report) -> str:
    """The public JSON contract ``cantho-kpi/check/v1`` (documented in the README)."""
    return "".join(check_json_chunks(report))


def check_json_chunks(report: Report) -> Iterator[str]:
    """The JSON document in pieces, one submission or result per line, encoded as it is
    written (with the C encoder: no indentation inside the objects)."""
    parts: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("targets_file", report.targets_file),
        ("periods", report.periods),
        ("submissions", (_submission_dict(s) for s in report.submissions)),
        ("results", (_result_dict(r) for r in report.results)),
        ("missing_units", [m.model_dump() for m in report.missing_units]),
        ("summary", summary(report)),
    ]
    yield "{\n"
    for index, (key, value) in enumerate(parts):
        yield f"{json.dumps(key)}: "
        if isinstance(value, Iterator):
            yield from _json_list(value)
        else:
            yield _dumps(value)
        yield ",\n" if index < len(parts) - 1 else "\n"
    yield "}\n"


def _json_list(items: Iterator[Any]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + _dumps(item)
        first = False
    yield "[]" if first else "\n]"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


CSV_COLUMNS = ("file", "unit_code", "period", "code", "value", "status", "side", "location")


def check_csv(report: Report) -> str:
    """The results, one row each; values written exactly, with a decimal point."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.results:
        value = "" if r.value is None else format(r.value, "f")
        side = r.side.value if r.side else ""
        texts = [_csv_text(t) for t in (r.file, r.unit_code, r.period, r.code)]
        writer.writerow([*texts, value, r.status.value, side, _csv_text(r.location)])
    return out.getvalue()


def _csv_text(text: str | None) -> str:
    """Text from submissions (file names) never starts a formula in a spreadsheet program."""
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text or ""


def check_markdown(report: Report, targets: TargetsFile, lang: Lang = "vi") -> str:
    """The tables as Markdown, for pasting into a report."""
    words = WORDS[lang]
    symbols = " | ".join(SYMBOL[s] for s in Status)
    lines = [f"## {words['units']}", ""]
    lines += [f"| {words['unit']} | {words['period']} | {words['file']} | {symbols} |"]
    lines += ["|" + "---|" * (3 + len(Status))]
    for row in unit_rows(report):
        sub = row.submission
        name = " ".join(p for p in (sub.unit_code, sub.unit_name) if p) or "?"
        counts = " | ".join(str(row.counts[s]) for s in Status)
        lines.append(
            f"| {_md(name)} | {sub.period or '?'} | {_md(_short_file(sub.file))} | {counts} |"
        )
    if report.missing_units:
        names = ", ".join(f"{m.unit_code} ({m.unit}, {m.period})" for m in report.missing_units)
        lines += ["", f"**{words['missing_units']}:** {_md(names)}"]
    lines += ["", f"## {words['indicators']}", ""]
    lines += [
        f"| {words['code']} | {words['target']} | {symbols} | {words['worst']} | {words['best']} |"
    ]
    lines += ["|" + "---|" * (4 + len(Status))]
    for irow in indicator_rows(targets, report):
        counts = " | ".join(str(irow.counts[s]) for s in Status)
        lines.append(
            f"| {irow.indicator.code} | {_md(target_text(irow.indicator, lang))} | {counts} | "
            f"{_number(irow.worst, lang)} | {_number(irow.best, lang)} |"
        )
    issues = [i for s in report.submissions for i in s.issues]
    if issues:
        lines += ["", f"## {words['issues']}", ""]
        lines += [f"- `{_md(str(i.location))}` {i.code}: {_md(i.text(lang))}" for i in issues]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def indicator_label(indicator: Indicator, lang: Lang) -> str:
    return indicator.name_vi if lang == "vi" else indicator.name_en
