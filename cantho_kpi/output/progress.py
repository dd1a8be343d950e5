"""The progress report for scripts and documents: the JSON contract ``cantho-kpi/progress/v1``,
CSV and Markdown, and the texts the table shares with them. Strings; nothing prints."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ..catalog import C_, N_, trn, word
from ..domain import Lang, format_number, json_number, parse_period
from ..presentation import (
    CR_LABEL,
    CR_LEGEND,
    METHOD_LABEL,
    PROGRESS_LABEL,
    PROGRESS_ORDER,
    PROGRESS_SYMBOL,
    SYMBOL,
    by_lang_list,
    unit_target_text,
)
from ..report import AppliedTarget, Point, Progress, ProgressReport, ProgressStatus
from ..targets import TargetsFile
from .annotations import issue_dict
from .progress_reason import reason_text

PROGRESS_SCHEMA = "cantho-kpi/progress/v1"
_SPARKS = "▁▂▃▄▅▆▇█"


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
        "used": point.used,
        "estimate": point.estimate,
        "reported_in": point.reported_in,
        "file": point.file,
        "location": point.location,
    }


def progress_result_dict(result: Progress) -> dict[str, Any]:
    """One verdict with its inputs, as the JSON contract gives it."""
    latest = result.latest
    projection = result.projection
    cut = result.shown_break
    return {
        "unit_code": result.unit_code,
        "code": result.code,
        "method": result.method.value,
        "baseline": _baseline_dict(result),
        "series": [_point_dict(p) for p in result.series],
        "latest": {"period": latest.period, "value": json_number(latest.value)} if latest else None,
        "observed": json_number(rounded(result.actual, 6)),
        "cr": json_number(rounded(result.cr, 4)),
        "required": json_number(rounded(result.required, 6)),
        "status": result.status.value,
        "final": result.final,
        "years_met": result.years_met,
        "years_judged": result.years_judged,
        "missing_years": list(result.missing_years),
        "without_baseline": result.without_baseline.value if result.without_baseline else None,
        "projection": {
            "period": str(projection.year),
            "value": json_number(projection.value),
            "status": projection.status.value,
        }
        if projection
        else None,
        "to_date": _to_date_dict(result),
        "running_total": _running_dict(result),
        "break": {"period": cut.period, "kind": cut.kind.value, "reason": cut.reason}
        if cut
        else None,
        "target": _target_dict(result.target),
    }


def _baseline_dict(result: Progress) -> dict[str, Any] | None:
    base = result.baseline
    if base is None:
        return None
    return {"period": base.period, "value": json_number(base.value), "source": base.source}


def _to_date_dict(result: Progress) -> dict[str, Any] | None:
    found = result.to_date
    if found is None:
        return None
    return {
        "period": found.period,
        "value": json_number(rounded(found.value, 6)),
        "status": found.status.value,
        "basis": found.basis,
    }


def _running_dict(result: Progress) -> dict[str, Any] | None:
    total = result.running_total
    if total is None:
        return None
    return {"period": total.period, "value": json_number(total.value)}


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


def sparkline(values: list[Decimal]) -> str:
    """The values as bars ▁ ... █ between the smallest and the largest."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    top = len(_SPARKS) - 1
    return "".join(_SPARKS[int((v - low) / (high - low) * top + Decimal("0.5"))] for v in values)


def _break_index(result: Progress) -> int | None:
    """The index of the first point after the break the result names, if any."""
    cut = result.shown_break
    if cut is None:
        return None
    start = parse_period(cut.period)
    if start is None:
        return None
    if result.boundary is not None:
        return next(
            (i for i, p in enumerate(result.series) if not p.used and p.year >= start.year), None
        )
    return next((i for i, p in enumerate(result.series) if p.year >= start.year), None)


def trend_text(result: Progress) -> str:
    """The sparkline of the baseline (when there is one) and the series, with ``¦`` where a
    declared break cuts it."""
    base = result.baseline
    values = ([base.value] if base is not None else []) + [p.value for p in result.series]
    bars = sparkline(values)
    index = _break_index(result)
    if index is None:
        return bars
    at = index + (1 if base is not None else 0)
    return bars[:at] + "¦" + bars[at:]


def point_text(point: Point, lang: Lang) -> str:
    """``94,12``; ``~`` before an estimate, ``*`` after a provisional figure, in parentheses
    when the verdict does not count it."""
    text = ("~" if point.estimate else "") + format_number(point.value, lang)
    text += "*" if point.provisional else ""
    return text if point.used else f"({text})"


def series_text(result: Progress, lang: Lang) -> str:
    """``86 · 90 · 94,12 · 142,5``, marked as :func:`point_text` says; ``¦`` at a break."""
    index = _break_index(result)
    parts: list[str] = []
    for i, point in enumerate(result.series):
        prefix = "¦ " if i == index and i > 0 else ""
        parts.append(prefix + point_text(point, lang))
    return " · ".join(parts)


def baseline_text(result: Progress, lang: Lang) -> str:
    """``97,2 (2020)``, and ``¦`` when a declared break leaves the baseline out."""
    base = result.baseline
    if base is None:
        return ""
    cut = parse_period(result.cut.period) if result.cut and result.boundary is None else None
    mark = " ¦" if cut is not None and int(base.period) < cut.year else ""
    return f"{format_number(base.value, lang)} ({base.period}){mark}"


def cr_text(result: Progress, lang: Lang) -> str:
    """CR to two places; for an every-year target, the years met of those judged."""
    if result.years_judged:
        return f"{result.years_met or 0}/{result.years_judged}"
    value = rounded(result.cr, 2)
    return "" if value is None else format_number(value, lang)


def status_text_of(status: ProgressStatus, lang: Lang) -> str:
    return f"{PROGRESS_SYMBOL[status]} {PROGRESS_LABEL[lang][status]}"


def method_text(result: Progress, lang: Lang = "en") -> str:
    """The method in words (``tăng trưởng kép``), starred when its growth rate is undefined
    and the straight line was used (the JSON keeps the method's code)."""
    return METHOD_LABEL[lang][result.method] + ("*" if result.fallback else "")


def latest_text(result: Progress, lang: Lang) -> str:
    """``76 (2024) ✓``: the latest counted figure, with the status ``kpi check`` gives the
    latest whole year's figure ("đến đầu năm 2025") when that is the one shown."""
    latest = result.latest
    if latest is None:
        return ""
    text = f"{format_number(latest.value, lang)} ({latest.year})"
    found = result.to_date
    if found is not None and found.basis == "figure" and found.period == str(latest.year):
        text += f" {SYMBOL[found.status]}"
    return text


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
    shown = [f"{counts[s]} {status_text_of(s, lang)}" for s in PROGRESS_ORDER if counts[s]]
    year = effective_as_of(report)
    when = f", {year}" if year is not None else ""
    targets_count = trn(lang, "{count} target", "{count} targets", total)
    return f"{who}{when}: {targets_count} – " + " · ".join(shown)


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
    "break_kind",
    "observed",
    "final",
    "years_met",
    "years_judged",
    "missing_years",
    "unused_periods",
    "to_date_value",
    "to_date_status",
    "running_total",
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
                cut["kind"] if cut else "",
                _blank(row["observed"]),
                "true" if row["final"] else "false",
                _blank(row["years_met"]),
                _blank(row["years_judged"]),
                ";".join(str(y) for y in row["missing_years"]),
                ";".join(p["period"] for p in row["series"] if not p["used"]),
                *(_pair(row["to_date"], "value", "status")),
                _blank(row["running_total"]["value"]) if row["running_total"] else "",
            ]
        )
    return out.getvalue()


def _pair(item: dict[str, Any] | None, first: str, second: str) -> list[str]:
    return [_blank(item[first]), _blank(item[second])] if item else ["", ""]


def _blank(value: Any) -> str:
    return "" if value is None else str(value)


_MARKDOWN_HEADERS = by_lang_list(
    (
        N_("Unit"),
        N_("Code"),
        N_("Target"),
        C_("short", "Baseline"),
        N_("Series"),
        CR_LABEL,
        N_("Status"),
        N_("Projection"),
        N_("Note"),
    )
)


def progress_markdown(report: ProgressReport, targets: TargetsFile, lang: Lang = "vi") -> str:
    """A headline and one table row per (unit, indicator), for a report or an issue."""
    head = list(_MARKDOWN_HEADERS[lang])
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
            reason_text(result, indicator, report.term.to, lang),
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    legend = word(lang, CR_LEGEND).format(to=report.term.to)
    return "\n".join([*lines, "", f"*{legend}*"]) + "\n"
