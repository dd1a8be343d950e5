"""Reports -> text: rich tables drawn on a Console it is given, JSON and annotation strings.

Nothing here prints to the terminal by itself or reads files. rich is imported only by the
functions that draw, so that `kpi validate-targets` starts quickly.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .errors import Issue
from .models import KNOWN_UNITS, Indicator, Kind, TargetsFile
from .numbers import Lang, format_number
from .targets import TargetsResult

if TYPE_CHECKING:
    from rich.console import Console

_SYMBOLS: dict[Kind, str] = {
    Kind.AT_LEAST: "≥",
    Kind.AT_MOST: "≤",
    Kind.ABOVE: ">",
    Kind.BELOW: "<",
}


def target_text(indicator: Indicator, lang: Lang = "vi") -> str:
    """The target as a person reads it: ``7,5 – 8 %``, ``< 0,5 %``, ``≥ 297,18``."""
    suffix = " %" if indicator.unit == "%" else ""
    low, high = indicator.min, indicator.max
    if indicator.kind in (Kind.RANGE, Kind.BAND) and low is not None and high is not None:
        return f"{format_number(low, lang)} – {format_number(high, lang)}{suffix}"
    bound = low if low is not None else high
    if bound is None:  # pragma: no cover - a valid targets file always has the bound
        return ""
    return f"{_SYMBOLS[indicator.kind]} {format_number(bound, lang)}{suffix}"


def unit_label(unit: str, lang: Lang = "vi") -> str:
    return KNOWN_UNITS.get(unit, unit) if lang == "vi" else unit


def targets_table(targets: TargetsFile, console: Console, lang: Lang = "vi") -> None:
    """Draw the targets as a table."""
    from rich.table import Table

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
            ind.kind.value,
        )
    console.print(table)


def _number(value: Decimal | None) -> int | float | None:
    """A JSON number for a decimal: an int when whole, else the float nearest to it."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def targets_json(targets: TargetsFile) -> str:
    rows: list[dict[str, Any]] = []
    for ind in targets.indicators:
        rows.append(
            {
                "code": ind.code,
                "number": ind.number,
                "name_vi": ind.name_vi,
                "name_en": ind.name_en,
                "plan_text": ind.plan_text,
                "unit": ind.unit,
                "kind": ind.kind.value,
                "min": _number(ind.min),
                "max": _number(ind.max),
                "tolerance": _number(ind.tolerance),
                "plausible": {
                    "min": _number(ind.plausible.min),
                    "max": _number(ind.plausible.max),
                },
                "part_of": ind.part_of,
                "target_text": target_text(ind, "en"),
            }
        )
    return json.dumps({"targets": rows}, ensure_ascii=False, indent=2) + "\n"


def issues_text(issues: list[Issue]) -> str:
    """One line per issue, ``PATH:LINE:COL: CODE: message``."""
    return "".join(f"{issue}\n" for issue in issues)


def issue_dict(issue: Issue) -> dict[str, Any]:
    loc = issue.location
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "location": str(loc),
        "file": loc.file,
        "line": loc.line,
        "col": loc.col,
        "message": issue.message,
    }


def issues_json(results: list[TargetsResult]) -> str:
    """One JSON document for the validation of one or more targets files."""
    files = [
        {"file": r.path, "valid": r.valid, "issues": [issue_dict(i) for i in r.issues]}
        for r in results
    ]
    doc = {"valid": all(r.valid for r in results), "files": files}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def issues_github(issues: list[Issue]) -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=T::message``."""
    lines = []
    for issue in issues:
        loc = issue.location
        props = [f"file={_escape_property(loc.file)}"]
        if loc.line is not None:
            props.append(f"line={loc.line}")
        if loc.col is not None:
            props.append(f"col={loc.col}")
        props.append(f"title={_escape_property(issue.code)}")
        lines.append(f"::{issue.severity.value} {','.join(props)}::{_escape_data(issue.message)}\n")
    return "".join(lines)
