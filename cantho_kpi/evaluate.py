"""(targets, submissions) -> report. Pure: no I/O, nothing printed.

The status of a value follows DOMAIN.md and is computed on decimals, so a bound is exact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from .errors import Issue, Location, Severity
from .identity import file_name_parts
from .models import (
    Indicator,
    Kind,
    MissingUnit,
    Report,
    Result,
    Side,
    Status,
    Submission,
    TargetsFile,
    ValueState,
)
from .periods import Period, parse_period

#: Better first; missing and invalid are not on the scale.
ORDER = (Status.EXCEEDED, Status.MET, Status.NEAR, Status.NOT_MET)


def status_of(indicator: Indicator, value: Decimal) -> tuple[Status, Side | None]:
    """The status of ``value`` against the indicator's target (a band also says the side)."""
    low, high = indicator.min, indicator.max
    tol = indicator.tolerance or Decimal(0)
    kind = indicator.kind
    if kind is Kind.BAND:
        assert low is not None
        assert high is not None
        return _band(value, low, high, tol)
    if kind is Kind.RANGE:
        assert low is not None
        assert high is not None
        if value > high:
            return Status.EXCEEDED, None
        return _at_least(value, low, tol, strict_better=False), None
    if kind is Kind.AT_LEAST:
        assert low is not None
        return _at_least(value, low, tol, strict_better=True), None
    if kind is Kind.AT_MOST:
        assert high is not None
        return _at_least(-value, -high, tol, strict_better=True), None
    if kind is Kind.ABOVE:
        assert low is not None
        return _strict(value, low, tol), None
    assert high is not None
    return _strict(-value, -high, tol), None


def _at_least(value: Decimal, bound: Decimal, tol: Decimal, *, strict_better: bool) -> Status:
    """Higher is better, ``bound`` inclusive; above it is exceeded when ``strict_better``."""
    if value > bound and strict_better:
        return Status.EXCEEDED
    if value >= bound:
        return Status.MET
    return Status.NEAR if tol > 0 and value >= bound - tol else Status.NOT_MET


def _strict(value: Decimal, bound: Decimal, tol: Decimal) -> Status:
    """Higher is better and ``bound`` itself does not meet the target."""
    if value > bound:
        return Status.MET
    return Status.NEAR if tol > 0 and value >= bound - tol else Status.NOT_MET


def _band(value: Decimal, low: Decimal, high: Decimal, tol: Decimal) -> tuple[Status, Side | None]:
    if low <= value <= high:
        return Status.MET, None
    side, distance = (Side.BELOW, low - value) if value < low else (Side.ABOVE, value - high)
    return (Status.NEAR if tol > 0 and distance <= tol else Status.NOT_MET), side


def badness(indicator: Indicator, value: Decimal) -> Decimal:
    """A key ordering values from best (smallest) to worst, for 'best' and 'worst' columns."""
    if indicator.kind is Kind.BAND:
        assert indicator.min is not None
        assert indicator.max is not None
        return max(indicator.min - value, value - indicator.max, Decimal(0))
    if indicator.kind in (Kind.AT_MOST, Kind.BELOW):
        return value
    return -value


# --- the report ---------------------------------------------------------------------------


def evaluate(
    targets: TargetsFile,
    submissions: Iterable[Submission],
    *,
    targets_file: str,
    period: Period | None = None,
) -> Report:
    """Evaluate every submission against the targets, and find the units that did not report."""
    evaluation = Evaluation(targets, targets_file=targets_file, period=period)
    for sub in submissions:
        evaluation.add(sub)
    return evaluation.report()


class Evaluation:
    """The same evaluation, fed one submission at a time (while the next ones are being read).

    Each submission's results are computed when it arrives; only what needs every file (two
    files for one unit and period, the units that did not report) waits for :meth:`report`.
    """

    def __init__(
        self,
        targets: TargetsFile,
        *,
        targets_file: str,
        period: Period | None = None,
        keep_values: bool = True,
    ) -> None:
        self.targets = targets
        self.targets_file = targets_file
        self.period = period
        self.keep_values = keep_values
        self.subs: list[Submission] = []
        self.results: dict[str, list[Result]] = {}

    def add(self, sub: Submission) -> None:
        if self.period is not None:
            sub = _check_period(sub, self.period)
        if _evaluated(sub, self.period):
            self.results[sub.file] = _results(self.targets, sub)
        if not self.keep_values and sub.values:
            # what the file said is now in its results; keep memory flat over many files
            sub = sub.model_copy(update={"values": []})
        self.subs.append(sub)

    def report(self) -> Report:
        subs = _flag_duplicates(self.subs)
        for sub in subs:
            if sub.file in self.results and any(
                i.code == "duplicate-submission" for i in sub.issues
            ):
                self.results[sub.file] = [_void(r) for r in self.results[sub.file]]
        evaluated = [s for s in subs if _evaluated(s, self.period)]
        asked = {str(self.period)} if self.period else set()
        periods = sorted({s.period for s in evaluated if s.period} | asked, key=_period_key)
        return Report.model_construct(  # built from checked parts: no validation needed
            targets_file=self.targets_file,
            periods=periods,
            submissions=subs,
            results=[r for s in evaluated for r in self.results.get(s.file, [])],
            missing_units=[m for p in periods for m in _missing_units(self.targets, subs, p)],
        )


def _period_key(text: str) -> tuple[int, int]:
    parsed = parse_period(text)
    return (parsed.first_month, parsed.months) if parsed else (0, 0)


def _evaluated(sub: Submission, period: Period | None) -> bool:
    return period is None or sub.period == str(period)


def _check_period(sub: Submission, period: Period) -> Submission:
    if sub.period is None or sub.period == str(period):
        return sub
    issue = Issue(
        "other-period",
        f"the file is for {sub.period}, not {period}; it was not evaluated",
        Location(sub.file),
        Severity.WARNING,
        f"tệp là báo cáo kỳ {sub.period}, không phải kỳ {period}; tệp không được đánh giá",
    )
    return sub.model_copy(update={"issues": [*sub.issues, issue]})


def _flag_duplicates(subs: list[Submission]) -> list[Submission]:
    """Two files for the same unit and period: both are flagged, neither is picked."""
    claims: dict[tuple[str, str], list[str]] = {}
    for sub in subs:
        if sub.unit_code and sub.period:
            claims.setdefault((sub.unit_code, sub.period), []).append(sub.file)
    flagged = []
    for sub in subs:
        files = claims.get((sub.unit_code or "", sub.period or ""), [])
        if len(files) > 1:
            rest = [f for f in files if f != sub.file]
            others = ", ".join(rest[:3]) + (f" and {len(rest) - 3} more" if len(rest) > 3 else "")
            issue = Issue(
                "duplicate-submission",
                f"unit {sub.unit_code} sent more than one file for {sub.period} (also {others}); "
                "none of them is used until one is removed",
                Location(sub.file),
                message_vi=f"đơn vị {sub.unit_code} gửi nhiều hơn một tệp cho kỳ {sub.period} "
                f"(còn có {others}); chưa tệp nào được dùng cho đến khi bỏ bớt",
            )
            sub = sub.model_copy(update={"issues": [*sub.issues, issue]})
        flagged.append(sub)
    return flagged


def _void(result: Result) -> Result:
    """A result of a file that cannot be used (another file claims the same unit and period)."""
    if result.status is Status.MISSING:
        return result
    return replace(result, status=Status.INVALID, side=None)


def _results(targets: TargetsFile, sub: Submission) -> list[Result]:
    if not sub.values and not sub.valid:
        return []  # the file could not be read: its problem says so
    wanted = {i.code for i in targets.indicators_for(targets.unit(sub.unit_code))}
    given = {v.code: v for v in sub.values}
    results = []
    for indicator in targets.indicators:
        value = given.get(indicator.code)
        if value is None and indicator.code not in wanted:
            continue
        status, side = Status.MISSING, None
        if value is not None and value.state is ValueState.INVALID:
            status = Status.INVALID
        elif value is not None and value.state is ValueState.VALUE and value.value is not None:
            status, side = status_of(indicator, value.value)
        results.append(
            Result(
                file=sub.file,
                unit_code=sub.unit_code,
                period=sub.period,
                code=indicator.code,
                value=value.value if value is not None else None,
                status=status,
                side=side,
                location=value.location if value is not None else None,
                note=value.note if value is not None else None,
            )
        )
    return results


def _missing_units(targets: TargetsFile, subs: list[Submission], period: str) -> list[MissingUnit]:
    when = parse_period(period)
    if when is None:
        return []
    present = {_claimed_unit(s, targets) for s in subs if s.period in (period, None)}
    return [
        MissingUnit(unit_code=u.code, unit=u.name, period=period)
        for u in targets.reporting_units
        if u.active_in(when) and u.code not in present
    ]


def _claimed_unit(sub: Submission, targets: TargetsFile) -> str | None:
    """The unit a file is from: as read, else as its name says (a broken NK_2024-Q2.xlsx is
    NK's broken file, not a missing unit)."""
    if sub.unit_code:
        return sub.unit_code
    unit, _ = file_name_parts(sub.file, targets.reporting_units)
    return unit if targets.unit(unit) is not None else None


# --- summaries for the tables ---------------------------------------------------------------


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
