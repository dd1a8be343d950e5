"""The city's figures across files, per round: roll-ups of additive counts, the check that two
figures for the same thing agree (``figures-disagree``), and which figure the city's verdict
uses: its own; else the responsible department's; else the roll-up of the level the targets
file names for the round (its districts in 2024, its communes and wards from 2025-H2; see
``docs/domain.md``, "Roll-up and reconciliation"). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..catalog import Said, both, numbers
from ..domain import Round, Status
from ..errors import Issue, Location, Severity
from ..submissions import Submission
from ..targets import (
    Aggregate,
    Indicator,
    ReportingUnit,
    RollupRule,
    TargetsFile,
    UnitLevel,
    rollup_sum_text,
)
from .applicable import applicable_target, judge
from .model import Result, Rollup

#: Statuses that carry a readable figure.
_WITH_VALUE = frozenset(
    {Status.EXCEEDED, Status.MET, Status.NEAR, Status.NOT_MET, Status.PENDING, Status.REPORTED}
)


@dataclass(slots=True)
class CityFigures:
    """The city's results (replacing those of its file), results with no file of the city
    (``detached``), the roll-ups, and warnings to add to files."""

    results: dict[str, list[Result]] = field(default_factory=dict)
    detached: list[Result] = field(default_factory=list)
    rollups: list[Rollup] = field(default_factory=list)
    warnings: dict[str, list[Issue]] = field(default_factory=dict)

    def with_issues(self, sub: Submission) -> Submission:
        extra = self.warnings.get(sub.file)
        return sub.model_copy(update={"issues": [*sub.issues, *extra]}) if extra else sub


def city_figures(
    targets: TargetsFile,
    subs: list[Submission],
    results: dict[str, list[Result]],
    rounds: dict[str, Round],
    all_rounds: list[Round],
) -> CityFigures:
    city = targets.city
    found = CityFigures()
    if city is None:
        return found
    for round_ in all_rounds:
        usable = [s for s in subs if rounds.get(s.file) == round_ and not _duplicate(s)]
        _round(targets, city, round_, usable, results, found)
    return found


def _duplicate(sub: Submission) -> bool:
    return sub.duplicate


def _round(
    targets: TargetsFile,
    city: ReportingUnit,
    round_: Round,
    usable: list[Submission],
    results: dict[str, list[Result]],
    found: CityFigures,
) -> None:
    city_file = next((s.file for s in usable if s.unit_code == city.code), None)
    own = {r.code: r for r in results.get(city_file, [])} if city_file else {}
    by_level = _figures_by_level(targets, usable, results)
    due = round_.closing_month()
    rule = targets.rollup_into_city(due)  # the districts in 2024, the communes from 2025-H2
    parts = [
        u.code
        for u in targets.reporting_units
        if rule is not None and u.level is rule.level and u.active_in(due)
    ]
    figures = by_level[rule.level] if rule is not None else {}
    chosen: list[Result] = []
    for indicator in targets.indicators:
        mine = own.get(indicator.code)
        reported = mine if mine is not None and mine.status in _WITH_VALUE else None
        department = by_level[UnitLevel.DEPARTMENT].get(indicator.code, [])
        rollup = _rollup(indicator, round_, rule, (figures, parts), reported)
        if rollup is not None:
            found.rollups.append(rollup)
        _disagreements(indicator, reported, department, rollup, found)
        pick = _pick(targets, city, indicator, round_, city_file, mine, (department, rollup))
        if pick is not None:
            chosen.append(pick)
    if city_file is not None:
        found.results[city_file] = chosen
    else:
        found.detached.extend(r for r in chosen if r.source is not None)


def _figures_by_level(
    targets: TargetsFile, usable: list[Submission], results: dict[str, list[Result]]
) -> dict[UnitLevel, dict[str, list[Result]]]:
    """Readable figures of the round's files, by the sender's level and indicator code."""
    table: dict[UnitLevel, dict[str, list[Result]]] = {level: {} for level in UnitLevel}
    for sub in usable:
        unit = targets.unit(sub.unit_code)
        if unit is None:
            continue
        for result in results.get(sub.file, []):
            if result.status in _WITH_VALUE and result.value is not None:
                table[unit.level].setdefault(result.code, []).append(result)
    return table


def _rollup(
    indicator: Indicator,
    round_: Round,
    rule: RollupRule | None,
    figures: tuple[dict[str, list[Result]], list[str]],
    reported: Result | None,
) -> Rollup | None:
    """The sum of the figures of the rule's units expected in the round (``figures``: the
    readable figures of the rule's level by indicator, and the units expected); ``None`` when
    the indicator does not add up, no rule holds, or none of the units gave a figure."""
    by_code, expected = figures
    if indicator.aggregate is not Aggregate.SUM or rule is None or not expected:
        return None
    given = [r for r in by_code.get(indicator.code, []) if r.unit_code in expected]
    if not given:
        return None
    total = sum((r.value for r in given if r.value is not None), Decimal(0))
    units = tuple(sorted({r.unit_code or "" for r in given}))
    complete = set(units) >= set(expected)
    city_value = reported.value if reported is not None else None
    agrees = None
    if complete and city_value is not None:
        agrees = abs(total - city_value) <= indicator.agree_within
    return Rollup(
        str(round_),
        indicator.code,
        units,
        total,
        complete,
        city_value,
        agrees,
        rule.level,
        rule.into,
    )


def _disagreements(
    indicator: Indicator,
    reported: Result | None,
    department: list[Result],
    rollup: Rollup | None,
    found: CityFigures,
) -> None:
    if reported is None or reported.value is None or reported.file is None:
        return
    for other in department:
        assert other.value is not None
        if abs(other.value - reported.value) > indicator.agree_within:
            where = f"{other.unit_code} ({other.location})"
            found.warnings.setdefault(reported.file, []).append(
                _disagree(indicator, reported, other.value, where)
            )
    if rollup is not None and rollup.agrees is False:
        units = ", ".join(rollup.units)
        what = Said.each(lambda lang: f"{rollup_sum_text(rollup.level, lang)} ({units})")
        found.warnings.setdefault(reported.file, []).append(
            _disagree(indicator, reported, rollup.value, what)
        )


def _disagree(indicator: Indicator, reported: Result, other: Decimal, where: Said | str) -> Issue:
    assert reported.value is not None
    mine = reported.value
    said = both(
        "{code}: the city reports {mine} here, but {where} gives {theirs}; the two figures should "
        "agree: check which is right and correct the other",
        code=indicator.code,
        mine=numbers(mine),
        where=where,
        theirs=numbers(other),
    )
    location = _location(reported.location) if reported.location else Location(reported.file or "")
    return Issue.said("figures-disagree", said, location, Severity.WARNING)


def _location(text: str) -> Location:
    """A ``file!Sheet!E12`` location as written in a result."""
    file, _, rest = text.partition("!")
    sheet, _, cell = rest.rpartition("!")
    return Location(file, sheet=sheet or None, cell=cell or None)


def _pick(
    targets: TargetsFile,
    city: ReportingUnit,
    indicator: Indicator,
    round_: Round,
    city_file: str | None,
    mine: Result | None,
    others: tuple[list[Result], Rollup | None],
) -> Result | None:
    """The city's result: its own figure, else a department's, else a complete roll-up."""
    if mine is not None and mine.status in _WITH_VALUE:
        return replace(mine, source="reported")
    department, rollup = others
    target = applicable_target(targets, city.code, indicator, round_)
    if department:
        other = department[0]
        assert other.value is not None
        status, side = judge(target, other.value)
        return replace(
            other,
            file=city_file,
            unit_code=city.code,
            period=mine.period if mine is not None else other.period,
            status=status,
            side=side,
            target=target,
            source="department",
        )
    if rollup is not None and rollup.complete:
        status, side = judge(target, rollup.value)
        return Result(
            file=city_file,
            unit_code=city.code,
            period=mine.period if mine is not None else None,
            code=indicator.code,
            value=rollup.value,
            status=status,
            side=side,
            round=rollup.round,
            target=target,
            source="rollup",
        )
    return mine
