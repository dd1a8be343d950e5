"""Summaries of a report for the tables and the workbook: per unit, per indicator. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from ..domain import ORDER, Status, badness
from ..submissions import Submission
from ..targets import Indicator, TargetsFile
from .model import Report, Result


@dataclass(frozen=True, slots=True)
class UnitRow:
    submission: Submission
    counts: Counter[Status]


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    indicator: Indicator
    counts: Counter[Status]
    reported: int  # units with a readable value
    best: Decimal | None
    worst: Decimal | None


def unit_rows(report: Report) -> list[UnitRow]:
    by_file: dict[str, Counter[Status]] = {s.file: Counter() for s in report.submissions}
    for result in report.results:
        if result.file is not None:
            by_file[result.file][result.status] += 1
    return [UnitRow(s, by_file[s.file]) for s in report.submissions]


def indicator_rows(targets: TargetsFile, report: Report) -> list[IndicatorRow]:
    rows = []
    for indicator in targets.indicators:
        mine = [r for r in report.results if r.code == indicator.code]
        if not mine:
            continue
        # best and worst on one yardstick: the plan's figure (a district's own count of
        # communes is not comparable with the city's total)
        values = [r.value for r in mine if r.value is not None and _on_plan_scale(r)]
        ordered = sorted(values, key=lambda v: badness(indicator, v))
        rows.append(
            IndicatorRow(
                indicator,
                Counter(r.status for r in mine),
                len(values),
                ordered[0] if ordered else None,
                ordered[-1] if ordered else None,
            )
        )
    return rows


def _on_plan_scale(result: Result) -> bool:
    return result.status in ORDER and result.target is not None and result.target.source == "plan"


def summary(report: Report) -> dict[str, object]:
    """Counts for the JSON summary; ``plan_targets`` is the city's headline of the latest round,
    and ``rounds`` gives each round's own counts and headline."""
    city = report.city_code
    return {
        "files": len(report.submissions),
        "invalid_files": report.invalid_files,
        "missing_units": len(report.missing_units),
        "statuses": _statuses(report),
        "plan_targets": _plan_targets(report, report.rounds[-1], city) if report.rounds else None,
        "rounds": [_round_summary(report, name, city) for name in report.rounds],
    }


def _statuses(report: Report) -> dict[str, int]:
    counts = report.counts()
    return {status.value: counts[status] for status in Status}


def _round_summary(report: Report, name: str, city: str | None) -> dict[str, object]:
    part = report.for_round(name)
    return {
        "round": name,
        "files": len(part.submissions),
        "invalid_files": part.invalid_files,
        "missing_units": len(part.missing_units),
        "statuses": _statuses(part),
        "plan_targets": _plan_targets(report, name, city),
    }


def _plan_targets(report: Report, name: str, city: str | None) -> dict[str, int] | None:
    found = report.headline(name, city) if city is not None else None
    return found.counts() if found is not None else None
