"""(targets, submissions) -> report. Pure: no I/O, nothing printed.

The status of each value comes from :func:`cantho_kpi.domain.status_of`, against the target that
applies to that unit in that round (:mod:`.applicable`); here are the report's other rules, all
from ``docs/domain.md``: which indicators a unit is expected to report, rounds (a Q2 and an H1
report are one round), files of another round, two files for one unit and round, units that did
not report, and then the city's figures (:mod:`.city`) and the headlines (:mod:`.headline`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..catalog import both
from ..domain import Period, Round, Status, parse_period, round_of
from ..errors import Issue, Location, Severity
from ..submissions import ReceivedLog, Submission, SubmittedValue, ValueState, file_name_parts
from ..targets import Indicator, TargetsFile
from .applicable import AppliedTarget, after_boundary, applicable_target, judge, plan_reference
from .city import city_figures
from .headline import headlines
from .model import LogProblems, MissingUnit, Report, Result
from .order import in_unit_order
from .receipts import Receipts
from .resubmit import (
    duplicate_issue,
    is_duplicate,
    is_superseded,
    stand_ins,
    superseded_issue,
)
from .shares import shares_issues


def evaluate(
    targets: TargetsFile,
    submissions: Iterable[Submission],
    *,
    targets_file: str,
    period: Period | None = None,
    logs: dict[str, ReceivedLog] | None = None,
    today: date | None = None,
    as_of: date | None = None,
) -> Report:
    """Evaluate every submission against the targets, and find the units that did not report.
    ``logs`` are the offices' logs of the files' folders (``received_logs``), ``today`` the
    day past which a date is implausible, ``as_of`` the day the report is made as of."""
    evaluation = Evaluation(
        targets, targets_file=targets_file, period=period, logs=logs, today=today, as_of=as_of
    )
    for sub in submissions:
        evaluation.add(sub)
    return evaluation.report()


class Evaluation:
    """The same evaluation, fed one submission at a time (while the next ones are being read).

    Each submission's results are computed when it arrives; only what needs every file (two
    files for one unit and round, the units that did not report, the city's figures across
    files) waits for :meth:`report`. Its day of receipt is settled first (:mod:`.receipts`);
    a file received, or written, after ``as_of`` is left out as not yet there.
    """

    def __init__(
        self,
        targets: TargetsFile,
        *,
        targets_file: str,
        period: Period | None = None,
        keep_values: bool = True,
        logs: dict[str, ReceivedLog] | None = None,
        today: date | None = None,
        as_of: date | None = None,
    ) -> None:
        self.targets = targets
        self.targets_file = targets_file
        self.asked = round_of(period, targets.rounds) if period is not None else None
        self.keep_values = keep_values
        self.receipts = Receipts(dict(logs or {}), today)
        self.as_of = as_of
        self.later: list[Submission] = []
        self.subs: list[Submission] = []
        self.rounds: dict[str, Round] = {}
        self.elsewhere: set[str] = set()  # files of another round than the one asked for
        self.results: dict[str, list[Result]] = {}
        self.unreadable: list[str] = []
        self.plans: dict[tuple[str | None, Round], Plan] = {}

    def add(self, sub: Submission) -> None:
        found = self._round_of(sub)
        sub = self.receipts.settle(sub, found.year if found is not None else None)
        if self.as_of is not None and _after(sub, self.as_of):
            self.later.append(sub.model_copy(update={"values": []}))
            return
        if _unreadable(sub):
            self.unreadable.append(sub.file)
        if self.asked is not None and found is not None and found != self.asked:
            sub = _other_round(sub, found, self.asked)
            self.elsewhere.add(sub.file)
        elif found is not None:
            self.rounds[sub.file] = found
            self.results[sub.file] = _results(self.targets, sub, found, self.plans)
            sub = _with_issues(
                sub, [*shares_issues(self.targets, sub), *_after_boundary(self, found, sub)]
            )
        if not self.keep_values and sub.values:
            # what the file said is now in its results; keep memory low over many files
            sub = sub.model_copy(update={"values": []})
        self.subs.append(sub)

    def _round_of(self, sub: Submission) -> Round | None:
        text = sub.period
        if text is None:
            text = file_name_parts(sub.file, self.targets.reporting_units)[1]
        period = parse_period(text) if text else None
        if period is None:
            return self.asked
        return round_of(period, self.targets.rounds)

    def report(self) -> Report:
        subs = in_unit_order(self.targets, _flag_duplicates(self.subs, self.rounds))
        for sub in subs:
            if sub.file in self.results and is_duplicate(sub):
                # neither file is used: no figure of either is counted (not twice invalid)
                self.results[sub.file] = []
        rounds = sorted(set(self.rounds.values()) | ({self.asked} if self.asked else set()))
        names = {sub_file: str(r) for sub_file, r in self.rounds.items()}
        used = [s for s in subs if not is_superseded(s)]  # a later file replaces these
        city = city_figures(self.targets, used, self.results, self.rounds, rounds)
        subs = [city.with_issues(s) for s in subs]
        results = [
            r
            for s in subs
            if not is_superseded(s)
            for r in city.results.get(s.file, self.results.get(s.file, []))
        ]
        results += city.detached
        evaluated = [s for s in subs if s.file in self.rounds and not is_superseded(s)]
        here = [s for s in subs if s.file not in self.elsewhere]
        return Report.model_construct(  # built from checked parts: no validation needed
            targets_file=self.targets_file,
            periods=sorted({s.period for s in evaluated if s.period}, key=_period_key),
            submissions=subs,
            results=results,
            missing_units=[m for r in rounds for m in _missing_units(self.targets, here, names, r)],
            rounds=[str(r) for r in rounds],
            file_rounds=names,
            rollups=city.rollups,
            headlines=headlines(self.targets, results, [str(r) for r in rounds]),
            city_code=self.targets.city.code if self.targets.city else None,
            received_logs=[LogProblems(f, tuple(i)) for f, i in self.receipts.log_issues()],
            as_of=self.as_of,
            later=self.later,
            unreadable=[f for f in self.unreadable if f in self.rounds],
        )


def _with_issues(sub: Submission, issues: list[Issue]) -> Submission:
    return sub.model_copy(update={"issues": [*sub.issues, *issues]}) if issues else sub


def _after_boundary(evaluation: Evaluation, found: Round, sub: Submission) -> list[Issue]:
    """A round after a boundary break (the 2025-H2 merger): why the plan's targets judge none
    of its figures (once per round and file)."""
    targets = evaluation.targets
    cut = next(
        (c for i in targets.indicators if (c := after_boundary(targets, i, found)) is not None),
        None,
    )
    if cut is None:
        return []
    return [
        Issue.said(
            "after-boundary-break",
            both(
                "round {found} closes after the boundary break of {period} "
                "({reason}): the plan's targets were set for the old boundary, so "
                "the plan judges none of these figures; they are reported (a "
                "unit's own target still applies)",
                found=found,
                period=cut.period,
                reason=cut.reason,
            ),
            Location(sub.file),
            Severity.WARNING,
        )
    ]


def _after(sub: Submission, as_of: date) -> bool:
    """Whether the file was not there yet on ``as_of``: received after it, or, with no day of
    receipt, written after it. A file whose day is unknown is assumed present."""
    day = sub.received_on or sub.written_on
    return day is not None and day > as_of


def _unreadable(sub: Submission) -> bool:
    """Nothing could be read from the file: no figure, and an error that says why."""
    return not sub.values and not sub.valid


def _period_key(text: str) -> tuple[int, int]:
    parsed = parse_period(text)
    return (parsed.first_month, parsed.months) if parsed else (0, 0)


def _other_round(sub: Submission, found: Round, asked: Round) -> Submission:
    issue = Issue.said(
        "other-period",
        both(
            "the file is for {period} (round {found}), not round {asked}; it was not evaluated",
            period=sub.period,
            found=found,
            asked=asked,
        ),
        Location(sub.file),
        Severity.WARNING,
    )
    return sub.model_copy(update={"issues": [*sub.issues, issue]})


def _flag_duplicates(subs: list[Submission], rounds: dict[str, Round]) -> list[Submission]:
    """Two files for the same unit and round: the later one (see :mod:`.resubmit`) is used and
    the others are flagged as superseded; when they cannot be ordered, all are flagged and
    neither is picked."""
    claims = stand_ins(subs, lambda sub: rounds.get(sub.file))
    marked: dict[str, dict[str, object]] = {}
    for (_, found), (group, ordering) in claims.items():
        if len(group) < 2:
            continue
        for sub in group:
            if ordering.used is None:
                issue = duplicate_issue(sub, group, found)
                marked[sub.file] = {"issues": [*sub.issues, issue], "duplicate": True}
            elif ordering.used.file != sub.file:
                issue = superseded_issue(sub, ordering.used, str(found))
                marked[sub.file] = {
                    "issues": [*sub.issues, issue],
                    "replaced_by": ordering.used.file,
                }
    return [sub.model_copy(update=marked[sub.file]) if sub.file in marked else sub for sub in subs]


#: What a unit is asked in a round: (indicator, expected, target) for every indicator. The same
#: for every file of that unit and round, so it is worked out once (a term's archive has
#: thousands of files and a few dozen units).
Plan = list[tuple[Indicator, bool, AppliedTarget | None]]


def _plan(targets: TargetsFile, unit_code: str | None, found: Round) -> Plan:
    wanted = {i.code for i in targets.indicators_for(targets.unit(unit_code))}
    return [
        (ind, ind.code in wanted, applicable_target(targets, unit_code, ind, found))
        for ind in targets.indicators
    ]


def _plan_owner(targets: TargetsFile, unit_code: str | None) -> str | None:
    """The unit whose plan a file follows: its own, or None (the plan of no known unit) for a
    code the targets file does not know and gives no targets to."""
    if targets.unit(unit_code) is None and targets.own_targets(unit_code) is None:
        return None
    return unit_code


def _results(
    targets: TargetsFile, sub: Submission, found: Round, plans: dict[tuple[str | None, Round], Plan]
) -> list[Result]:
    if _unreadable(sub):
        return _unreadable_results(targets, sub, found, plans)
    given = {v.code: v for v in sub.values}
    results = []
    name = str(found)
    key = (_plan_owner(targets, sub.unit_code), found)
    if key not in plans:
        plans[key] = _plan(targets, key[0], found)
    for indicator, expected, target in plans[key]:
        value = given.get(indicator.code)
        if value is None and not expected:
            continue
        result = _result(sub, indicator, value, target, name)
        if result is not None:
            results.append(result)
    return results


def _unreadable_results(
    targets: TargetsFile, sub: Submission, found: Round, plans: dict[tuple[str | None, Round], Plan]
) -> list[Result]:
    """A file from which nothing could be read: every target its unit is asked for is
    ``invalid`` (not missing: something came, and cannot be used). A file of no known unit
    is asked for nothing."""
    key = (_plan_owner(targets, sub.unit_code), found)
    if key[0] is None:
        return []
    if key not in plans:
        plans[key] = _plan(targets, key[0], found)
    return [
        Result(
            sub.file,
            sub.unit_code,
            sub.period,
            ind.code,
            None,
            Status.INVALID,
            round=str(found),
            target=target,
        )
        for ind, expected, target in plans[key]
        if expected and target is not None
    ]


def _result(
    sub: Submission,
    indicator: Indicator,
    value: SubmittedValue | None,
    target: AppliedTarget | None,
    round_: str,
) -> Result | None:
    """One indicator's result; None for a figure nobody expects and nobody gave."""
    given = value is not None and value.state is ValueState.VALUE and value.value is not None
    if value is not None and value.state is ValueState.INVALID:
        status, side = Status.INVALID, None
    elif given and value is not None and value.value is not None:
        status, side = judge(target, value.value)
    elif target is None:
        return None
    else:
        status, side = Status.MISSING, None
    return Result(
        file=sub.file,
        unit_code=sub.unit_code,
        period=sub.period,
        code=indicator.code,
        value=value.value if value is not None else None,
        status=status,
        side=side,
        location=value.location if value is not None else None,
        note=value.note if value is not None else None,
        round=round_,
        target=target,
        estimate=value.estimate if value is not None else False,
        reference=plan_reference(indicator) if status is Status.REPORTED else None,
    )


def _missing_units(
    targets: TargetsFile, subs: list[Submission], rounds: dict[str, str], round_: Round
) -> list[MissingUnit]:
    due = round_.closing_month()  # a unit reports if it exists when the round closes
    name = str(round_)
    present = {
        _claimed_unit(s, targets)
        for s in subs
        if rounds.get(s.file, name) == name and not s.unfilled
    }
    return [
        MissingUnit(unit_code=u.code, unit=u.name, period=name, round=name)
        for u in targets.reporting_units
        if u.active_in(due) and u.code not in present
    ]


def _claimed_unit(sub: Submission, targets: TargetsFile) -> str | None:
    """The unit a file is from: as read, else as its name says (a broken NK_2024-Q2.xlsx is
    NK's broken file, not a missing unit)."""
    if sub.unit_code:
        return sub.unit_code
    unit, _ = file_name_parts(sub.file, targets.reporting_units)
    return unit if targets.unit(unit) is not None else None
