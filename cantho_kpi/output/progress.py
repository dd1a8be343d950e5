"""The progress report for scripts and documents: the JSON contract ``cantho-kpi/progress/v1``,
CSV and Markdown, and the texts the table shares with them. Strings; nothing prints."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ..domain import SYMBOL, Lang, format_number, json_number, parse_period
from ..report import (
    PROGRESS_LABEL,
    PROGRESS_SYMBOL,
    AppliedTarget,
    Point,
    Progress,
    ProgressReport,
    ProgressStatus,
    unit_target_text,
)
from ..targets import TargetsFile
from .annotations import issue_dict

PROGRESS_SCHEMA = "cantho-kpi/progress/v1"
_SPARKS = "▁▂▃▄▅▆▇█"
_HEADLINE_ORDER = (
    ProgressStatus.ACHIEVED,
    ProgressStatus.ON_TRACK,
    ProgressStatus.FAIR,
    ProgressStatus.LIMITED,
    ProgressStatus.DETERIORATION,
    ProgressStatus.INSUFFICIENT_DATA,
    ProgressStatus.NOT_ACHIEVED,
)


def rounded(value: Decimal | None, places: int) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def effective_as_of(report: ProgressReport) -> int | None:
    """The year the report stands at: ``--as-of``, else the latest year read."""
    if report.as_of is not None:
        return report.as_of
    years = [p.year for r in report.results for p in r.series]
    return max(years) if years else None


# --- JSON ---------------------------------------------------------------------------------


def _point_dict(point: Point) -> dict[str, Any]:
    return {
        "period": point.period,
        "value": json_number(point.value),
        "provisional": point.provisional,
        "file": point.file,
        "location": point.location,
    }


def progress_result_dict(result: Progress) -> dict[str, Any]:
    """One verdict with its inputs, as the JSON contract gives it."""
    baseline = result.baseline
    latest = result.latest
    projection = result.projection
    return {
        "unit_code": result.unit_code,
        "code": result.code,
        "method": result.method.value,
        "baseline": {"period": baseline.period, "value": json_number(baseline.value)}
        if baseline
        else None,
        "series": [_point_dict(p) for p in result.series],
        "latest": {"period": latest.period, "value": json_number(latest.value)} if latest else None,
        "cr": json_number(rounded(result.cr, 4)),
        "required": json_number(rounded(result.required, 6)),
        "status": result.status.value,
        "projection": {
            "period": str(projection.year),
            "value": json_number(projection.value),
            "status": projection.status.value,
        }
        if projection
        else None,
        "break": {"period": result.cut.period, "reason": result.cut.reason} if result.cut else None,
        "target": _target_dict(result.target),
    }


def _target_dict(target: AppliedTarget | None) -> dict[str, Any] | None:
    """The target the series is measured against (the unit's own, or the plan's)."""
    if target is None:
        return None
    return {
        "kind": target.kind.value,
        "min": json_number(target.min),
        "max": json_number(target.max),
        "source": target.source,
    }


def progress_dict(report: ProgressReport) -> dict[str, Any]:
    return {
        "schema": PROGRESS_SCHEMA,
        "targets_file": report.targets_file,
        "as_of": effective_as_of(report),
        "term": {"from": report.term.from_, "to": report.term.to},
        "results": [progress_result_dict(r) for r in report.results],
        "summary": {
            "statuses": {s.value: n for s, n in report.statuses.items()},
            "plan_targets": {s.value: n for s, n in report.plan_targets.items()},
        },
        # as check's: duplicates, unreadable files, skipped files and folders, with their codes
        "issues": [issue_dict(i, position=False, vi=True) for i in report.issues],
    }


def progress_json(report: ProgressReport) -> str:
    """The public JSON contract ``cantho-kpi/progress/v1`` (documented in docs/progress.md)."""
    return json.dumps(progress_dict(report), ensure_ascii=False, indent=2) + "\n"


# --- texts shared by the table, CSV and Markdown --------------------------------------------


def sparkline(points: tuple[Point, ...]) -> str:
    """The series as bars ▁ ... █ between its smallest and largest value."""
    if not points:
        return ""
    values = [p.value for p in points]
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    top = len(_SPARKS) - 1
    return "".join(_SPARKS[int((v - low) / (high - low) * top + Decimal("0.5"))] for v in values)


def trend_text(result: Progress) -> str:
    """The sparkline, with ``¦`` where a declared break cuts the series (or its baseline)."""
    bars = sparkline(result.series)
    cut = parse_period(result.cut.period) if result.cut else None
    if cut is None:
        return bars
    after = next((i for i, p in enumerate(result.series) if p.year >= cut.year), len(bars))
    return bars[:after] + "¦" + bars[after:]


def series_text(result: Progress, lang: Lang) -> str:
    """``86 · 90 · 94,12 · 142,5``; ``*`` after a provisional figure, ``¦`` at a break."""
    cut = parse_period(result.cut.period) if result.cut else None
    cut_year = cut.year if cut else None
    parts: list[str] = []
    for point in result.series:
        mark = "*" if point.provisional else ""
        prefix = "¦ " if cut_year is not None and point.year == cut_year and parts else ""
        parts.append(f"{prefix}{format_number(point.value, lang)}{mark}")
    return " · ".join(parts)


def baseline_text(result: Progress, lang: Lang) -> str:
    """``97,2 (2020)``, and ``¦`` when a declared break leaves the baseline out."""
    base = result.baseline
    if base is None:
        return ""
    cut = parse_period(result.cut.period) if result.cut else None
    mark = " ¦" if cut is not None and int(base.period) < cut.year else ""
    return f"{format_number(base.value, lang)} ({base.period}){mark}"


def cr_text(result: Progress, lang: Lang) -> str:
    value = rounded(result.cr, 2)
    return "" if value is None else format_number(value, lang)


def status_text_of(status: ProgressStatus, lang: Lang) -> str:
    return f"{PROGRESS_SYMBOL[status]} {PROGRESS_LABEL[lang][status]}"


def method_text(result: Progress) -> str:
    return result.method.value + ("*" if result.fallback else "")


def projection_text(result: Progress, lang: Lang) -> str:
    projection = result.projection
    if projection is None:
        return ""
    return f"{format_number(projection.value, lang)} {SYMBOL[projection.status]}"


def headline(report: ProgressReport, targets: TargetsFile, lang: Lang) -> str:
    """``CT: 21 chỉ tiêu – 6 ✓ Đã đạt · 6 ↑ Đúng tiến độ ...`` over the numbered targets."""
    counts = report.plan_targets
    total = sum(counts.values())
    unit = targets.unit(report.headline_unit)
    who = f"{report.headline_unit} ({unit.name})" if unit else str(report.headline_unit)
    noun = "chỉ tiêu" if lang == "vi" else "targets"
    shown = [f"{counts[s]} {status_text_of(s, lang)}" for s in _HEADLINE_ORDER if counts[s]]
    year = effective_as_of(report)
    when = f", {year}" if year is not None else ""
    return f"{who}{when}: {total} {noun} – " + " · ".join(shown)


# --- CSV and Markdown -----------------------------------------------------------------------

_CSV_HEADER = [
    "unit_code",
    "code",
    "method",
    "baseline_period",
    "baseline_value",
    "series",
    "latest_period",
    "latest_value",
    "cr",
    "required",
    "status",
    "projection_period",
    "projection_value",
    "projection_status",
    "break_period",
]


def progress_csv(report: ProgressReport) -> str:
    """One row per (unit, indicator); the series as ``period:value`` pairs joined by ``;``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_HEADER)
    for result in report.results:
        row = progress_result_dict(result)
        base, latest, proj, cut = row["baseline"], row["latest"], row["projection"], row["break"]
        series = ";".join(f"{p['period']}:{p['value']}" for p in row["series"])
        writer.writerow(
            [
                row["unit_code"],
                row["code"],
                row["method"],
                *(_pair(base, "period", "value")),
                series,
                *(_pair(latest, "period", "value")),
                _blank(row["cr"]),
                _blank(row["required"]),
                row["status"],
                *(_pair(proj, "period", "value")),
                proj["status"] if proj else "",
                cut["period"] if cut else "",
            ]
        )
    return out.getvalue()


def _pair(item: dict[str, Any] | None, first: str, second: str) -> list[str]:
    return [_blank(item[first]), _blank(item[second])] if item else ["", ""]


def _blank(value: Any) -> str:
    return "" if value is None else str(value)


def progress_markdown(report: ProgressReport, targets: TargetsFile, lang: Lang = "vi") -> str:
    """A headline and one table row per (unit, indicator), for a report or an issue."""
    vi = lang == "vi"
    head = (
        ["Đơn vị", "Mã", "Chỉ tiêu", "Gốc", "Số liệu", "CR", "Đánh giá", "Dự báo"]
        if vi
        else ["Unit", "Code", "Target", "Baseline", "Series", "CR", "Status", "Projection"]
    )
    lines = [f"**{headline(report, targets, lang)}**", "", "| " + " | ".join(head) + " |"]
    lines.append("|" + "---|" * len(head))
    for result in report.results:
        indicator = targets.indicator(result.code)
        cells = [
            result.unit_code,
            result.code,
            unit_target_text(targets, result.unit_code, indicator, lang) if indicator else "",
            baseline_text(result, lang),
            series_text(result, lang),
            cr_text(result, lang),
            status_text_of(result.status, lang),
            projection_text(result, lang),
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
