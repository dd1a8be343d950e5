"""(targets, submissions of many rounds) -> the progress report of ``kpi progress``. Pure.

One verdict per (unit, indicator) from the yearly series (:mod:`.series`) by the indicator's
method (:mod:`.assess`), and a headline over the plan's numbered targets, each counted by its
weakest figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ..domain import Status, parse_period
from ..errors import Issue
from ..submissions import (
    MISSING_PERIOD,
    ReceivedLog,
    Submission,
    SubmittedValue,
    ValueState,
)
from ..targets import Indicator, ReportingUnit, TargetsFile, Term, UnitLevel
from .applicable import base_target
from .assess import assess
from .model import Report
from .progress import WEAKEST_FIRST, Inputs, Progress, ProgressStatus
from .receipts import Receipts
from .series import Archive, build_archive


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """Everything ``kpi progress`` found: a verdict per (unit, indicator), and the headline."""

    targets_file: str
    as_of: int | None
    term: Term
    results: list[Progress]
    rounds: list[str]
    issues: list[Issue]
    headline_unit: str | None
    plan_targets: dict[ProgressStatus, int]

    @property
    def statuses(self) -> dict[ProgressStatus, int]:
        counts = Counter(r.status for r in self.results)
        return {status: counts[status] for status in ProgressStatus}


def track_progress(
    targets: TargetsFile,
    term: Term,
    submissions: Iterable[Submission],
    *,
    targets_file: str,
    as_of: int | None = None,
    unit: str | None = None,
    issues: Iterable[Issue] = (),
    logs: dict[str, ReceivedLog] | None = None,
    today: date | None = None,
) -> ProgressReport:
    """The progress of every unit's figures toward the end of ``term``; ``issues`` are said
    before the files' own (the scan's: folders not read, files skipped); ``logs`` are the
    offices' received logs of the files' folders (the days of receipt order resubmissions)."""
    subs = list(submissions)
    receipts = Receipts(dict(logs or {}), today)
    archive = build_archive(subs, as_of=as_of, mode=targets.rounds, receipts=receipts)
    units = [u for u in _ordered_units(targets, archive) if unit is None or u == unit]
    results = [r for code in units for r in _unit_results(targets, term, archive, code)]
    headline = unit or _headline_unit(targets, units)
    shown = [s for s in subs if unit is None or s.unit_code in (unit, None)]
    said = [
        *issues,
        *(
            i
            for s in shown
            for i in s.issues
            if not (s.period_missing and s.file in archive.from_folder and i.code == MISSING_PERIOD)
        ),
        *archive.issues,
    ]
    return ProgressReport(
        targets_file=targets_file,
        as_of=as_of,
        term=term,
        results=results,
        rounds=archive.rounds,
        issues=said,
        headline_unit=headline,
        plan_targets=plan_targets(targets, [r for r in results if r.unit_code == headline]),
    )


def _ordered_units(targets: TargetsFile, archive: Archive) -> list[str]:
    order = {u.code: i for i, u in enumerate(targets.reporting_units)}
    return sorted(archive.units, key=lambda code: (order.get(code, len(order)), code))


def _baseline_units(targets: TargetsFile) -> set[str]:
    """Whose figures the indicators' baselines are: the only unit of a unit's own targets file,
    else the city."""
    units = targets.reporting_units
    if len(units) == 1:
        return {units[0].code}
    return {u.code for u in units if u.level is UnitLevel.CITY}


def _unit_results(targets: TargetsFile, term: Term, archive: Archive, code: str) -> list[Progress]:
    unit: ReportingUnit | None = targets.unit(code)
    with_baseline = code in _baseline_units(targets)
    results = []
    for plan_indicator in targets.indicators_for(unit):
        indicator = _as_applied(targets, code, plan_indicator)
        if indicator is None:
            continue  # no target applies to this unit's figure: no verdict (docs/domain.md)
        inputs = Inputs(
            indicator=indicator,
            term=term,
            thresholds=targets.progress.thresholds,
            baseline=indicator.baseline if with_baseline else None,
            breaks=(*indicator.breaks, *targets.progress.breaks),
            unit_code=code,
        )
        verdict = assess(inputs, archive.series.get((code, indicator.code), []))
        results.append(replace(verdict, target=base_target(targets, code, plan_indicator)))
    return results


def _as_applied(targets: TargetsFile, code: str, indicator: Indicator) -> Indicator | None:
    """The indicator with the bounds that apply to the unit: its own target, else the plan's
    where that applies to it (the city, a department, a rate every unit is held to)."""
    applied = base_target(targets, code, indicator)
    if applied is None:
        return None
    if applied.source == "plan":
        return indicator
    return indicator.model_copy(
        update={
            "kind": applied.kind,
            "min": applied.min,
            "max": applied.max,
            "tolerance": applied.tolerance,
        }
    )


def _headline_unit(targets: TargetsFile, units: list[str]) -> str | None:
    cities = {r.code for r in targets.reporting_units if r.level is UnitLevel.CITY}
    chosen = [u for u in units if u in cities] or units
    return chosen[0] if chosen else None


def plan_targets(targets: TargetsFile, results: list[Progress]) -> dict[ProgressStatus, int]:
    """How many numbered targets stand at each status, each by its weakest figure."""
    number: dict[str, Indicator] = {i.code: i for i in targets.indicators}
    weakest: dict[int, ProgressStatus] = {}
    for result in results:
        target = number[result.code].number
        held = weakest.get(target)
        if held is None or WEAKEST_FIRST.index(result.status) < WEAKEST_FIRST.index(held):
            weakest[target] = result.status
    counts = Counter(weakest.values())
    return {status: counts[status] for status in ProgressStatus}


def progress_of_report(targets: TargetsFile, report: Report) -> ProgressReport | None:
    """The progress of a ``kpi check`` report's figures, when it spans two years or more (and
    the targets file gives the term); else ``None``. Used by the export's progress sheet."""
    term = targets.plan.term
    years = {p.year for p in (parse_period(t) for t in report.periods) if p is not None}
    if term is None or len(years) < 2:
        return None
    by_file: dict[str, list[SubmittedValue]] = {}
    for result in report.results:
        if result.value is not None and result.status is not Status.INVALID:
            value = SubmittedValue(
                code=result.code,
                state=ValueState.VALUE,
                value=result.value,
                location=result.location,
                estimate=result.estimate,
            )
            by_file.setdefault(result.file or "", []).append(value)
    subs = [
        Submission(file=s.file, unit_code=s.unit_code, period=s.period, values=by_file[s.file])
        for s in report.submissions
        if s.file in by_file
    ]
    return track_progress(targets, term, subs, targets_file=report.targets_file)
