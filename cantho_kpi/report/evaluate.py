"""(targets, submissions) -> report. Pure: no I/O, nothing printed.

The status of each value comes from :func:`cantho_kpi.domain.status_of` (the rules of
``docs/domain.md``); here are the report's other rules: which indicators a unit is expected to
report, files of another period, two files for one unit and period, units that did not report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..domain import Period, Status, parse_period, status_of
from ..errors import Issue, Location, Severity
from ..submissions import Submission, ValueState, file_name_parts
from ..targets import TargetsFile
from .model import MissingUnit, Report, Result
from .order import in_unit_order


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
        subs = in_unit_order(self.targets, _flag_duplicates(self.subs))
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
    present = {
        _claimed_unit(s, targets) for s in subs if s.period in (period, None) and not _unfilled(s)
    }
    return [
        MissingUnit(unit_code=u.code, unit=u.name, period=period)
        for u in targets.reporting_units
        if u.active_in(when) and u.code not in present
    ]


def _unfilled(sub: Submission) -> bool:
    """A file without a single figure (``no-values``): its unit has not reported."""
    return any(issue.code == "no-values" for issue in sub.issues)


def _claimed_unit(sub: Submission, targets: TargetsFile) -> str | None:
    """The unit a file is from: as read, else as its name says (a broken NK_2024-Q2.xlsx is
    NK's broken file, not a missing unit)."""
    if sub.unit_code:
        return sub.unit_code
    unit, _ = file_name_parts(sub.file, targets.reporting_units)
    return unit if targets.unit(unit) is not None else None
