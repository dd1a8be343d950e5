"""The results of an evaluation: a status per (unit, round, indicator), the city's roll-ups,
the headlines, and the report that holds them. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..domain import Side, Status
from ..errors import Issue
from ..submissions import Submission
from ..targets import UnitLevel
from .applicable import AppliedTarget

#: Where the city's figure for a verdict comes from (``docs/domain.md``, "Roll-up").
FigureSource = Literal["reported", "department", "rollup"]


@dataclass(frozen=True, slots=True)
class Result:
    """The status of one indicator for one unit and round, with the inputs of the verdict.

    A plain frozen dataclass, not a pydantic model: a term's archive gives millions of them,
    all built by :mod:`.evaluate` from values that were already checked, and each must be small.
    ``target`` is the target the value was judged against (``None`` when no target applies:
    status ``reported``); ``source`` says, for the city, where its figure came from;
    ``reference`` is the plan's figure beside a ``reported`` one, for reference only.
    """

    file: str | None
    unit_code: str | None
    period: str | None
    code: str
    value: Decimal | None
    status: Status
    side: Side | None = None
    location: str | None = None
    note: str | None = None
    round: str | None = None
    target: AppliedTarget | None = None
    source: FigureSource | None = None
    estimate: bool = False  # the unit marked the figure as an estimate ("ước thực hiện")
    #: For a figure with no target that applies to the unit (``reported``) of an indicator
    #: that is not a city total: the plan's figure, shown for reference only.
    reference: AppliedTarget | None = None


class MissingUnit(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    unit_code: str
    unit: str
    period: str
    round: str | None = None


@dataclass(frozen=True, slots=True)
class Rollup:
    """The sum of the figures of the units of ``level`` (the districts in 2024, the communes
    and wards from 2025-H2: the targets file's ``rollups``) for an additive indicator, beside
    the figure of the unit they add up ``into`` (the city).

    ``complete`` is true when every unit of the level expected in the round gave a value;
    ``agrees`` is ``None`` when there is nothing to compare (no city figure, or an incomplete
    roll-up).
    """

    round: str
    code: str
    units: tuple[str, ...]
    value: Decimal
    complete: bool
    reported_value: Decimal | None
    agrees: bool | None
    level: UnitLevel
    into: UnitLevel


def rollups_by_level(rollups: list[Rollup]) -> list[list[Rollup]]:
    """The roll-ups in groups of one level each (one group a round: the periods of the targets
    file's rules never overlap), in the order they come."""
    groups: dict[UnitLevel, list[Rollup]] = {}
    for rollup in rollups:
        groups.setdefault(rollup.level, []).append(rollup)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class Headline:
    """How many numbered targets a unit has met in a round (a target is met when every one of
    its figures is met or exceeded). For the city, over all the plan's targets; for another
    unit, over the targets that apply to it."""

    round: str
    unit_code: str
    met: int
    not_met: int
    pending: int
    no_data: int
    total: int

    @property
    def with_data(self) -> int:
        return self.met + self.not_met

    def counts(self) -> dict[str, int]:
        return {
            "met": self.met,
            "not_met": self.not_met,
            "pending": self.pending,
            "no_data": self.no_data,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class LogProblems:
    """An office's incoming log (``received.csv``) and its problems, each at its line."""

    file: str
    issues: tuple[Issue, ...]


class Report(BaseModel):
    """Everything `kpi check` found: the files, their results, and who has not reported, by
    round."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    targets_file: str
    periods: list[str]
    submissions: list[Submission]
    results: list[Result]
    missing_units: list[MissingUnit]
    rounds: list[str] = []
    #: The round of each file that was evaluated (file -> round).
    file_rounds: dict[str, str] = {}
    rollups: list[Rollup] = []
    headlines: list[Headline] = []
    #: The code of the unit that stands for the city (its headline is the plan's).
    city_code: str | None = None
    #: The offices' logs read for the days of receipt, with their problems.
    received_logs: list[LogProblems] = []
    #: The day the report is made as of (``--as-of``): files received, or written, after it
    #: are left out, as if not yet there (they are listed in ``later``).
    as_of: date | None = None
    later: list[Submission] = []
    #: Files from which nothing could be read: each target their unit is asked for is
    #: ``invalid`` in the results.
    unreadable: list[str] = []

    @property
    def invalid_files(self) -> int:
        return sum(not s.valid for s in self.submissions)

    @property
    def failing_files(self) -> int:
        """Invalid files among those evaluated: a file of a period not asked for (``--period``)
        is a warning, not a finding; a file whose period is unknown still counts."""
        asked = set(self.periods)
        return sum(
            not s.valid and (s.period is None or s.period in asked) for s in self.submissions
        )

    def for_unit(self, code: str) -> Report:
        """The same report restricted to one unit's files, results and absence."""
        subs = [s for s in self.submissions if s.unit_code == code]
        return Report.model_construct(
            targets_file=self.targets_file,
            periods=self.periods,
            submissions=subs,
            results=[r for r in self.results if r.unit_code == code],
            missing_units=[m for m in self.missing_units if m.unit_code == code],
            rounds=self.rounds,
            file_rounds={
                s.file: self.file_rounds[s.file] for s in subs if s.file in self.file_rounds
            },
            rollups=self.rollups if code == self.city_code else [],
            headlines=[h for h in self.headlines if h.unit_code == code],
            city_code=self.city_code,
            received_logs=self.received_logs,
            as_of=self.as_of,
            later=[s for s in self.later if s.unit_code == code],
            unreadable=[f for f in self.unreadable if f in {s.file for s in subs}],
        )

    def count(self, status: Status) -> int:
        return sum(r.status is status for r in self.results)

    def counts(self) -> Counter[Status]:
        """How many results have each status, in one pass."""
        return Counter(r.status for r in self.results)

    def for_round(self, round_: str) -> Report:
        """The part of the report that belongs to one round (files, results, missing units,
        roll-ups and headlines)."""
        return Report.model_construct(
            targets_file=self.targets_file,
            periods=sorted({s.period for s in self._subs_of(round_) if s.period}),
            submissions=self._subs_of(round_),
            results=[r for r in self.results if r.round == round_],
            missing_units=[m for m in self.missing_units if m.round == round_],
            rounds=[round_],
            file_rounds={f: r for f, r in self.file_rounds.items() if r == round_},
            rollups=[r for r in self.rollups if r.round == round_],
            headlines=[h for h in self.headlines if h.round == round_],
            city_code=self.city_code,
            received_logs=self.received_logs,
            as_of=self.as_of,
            later=self.later,
            unreadable=[f for f in self.unreadable if self.file_rounds.get(f) == round_],
        )

    def _subs_of(self, round_: str) -> list[Submission]:
        return [s for s in self.submissions if self.file_rounds.get(s.file) == round_]

    def headline(self, round_: str, unit_code: str) -> Headline | None:
        return next(
            (h for h in self.headlines if h.round == round_ and h.unit_code == unit_code), None
        )
