"""Summaries of a report for the tables and the workbook: per unit, per indicator. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from ..domain import ORDER, Status, badness
from ..submissions import Submission
from ..targets import Indicator, TargetsFile
from .model import Report


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
        values = [r.value for r in mine if r.value is not None and r.status in ORDER]
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


def summary(report: Report) -> dict[str, object]:
    return {
        "files": len(report.submissions),
        "invalid_files": report.invalid_files,
        "missing_units": len(report.missing_units),
        "statuses": {status.value: report.count(status) for status in Status},
    }
