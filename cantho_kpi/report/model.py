"""The results of an evaluation: a status per (unit, period, indicator), and the report. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from ..domain import Side, Status
from ..submissions import Submission


@dataclass(frozen=True, slots=True)
class Result:
    """The status of one indicator for one unit and period.

    A plain frozen dataclass, not a pydantic model: a term's archive gives millions of them,
    all built by :mod:`.evaluate` from values that were already checked, and each must be small.
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


class MissingUnit(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    unit_code: str
    unit: str
    period: str


class Report(BaseModel):
    """Everything `kpi check` found: the files, their results, and who has not reported."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    targets_file: str
    periods: list[str]
    submissions: list[Submission]
    results: list[Result]
    missing_units: list[MissingUnit]

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
        return Report.model_construct(
            targets_file=self.targets_file,
            periods=self.periods,
            submissions=[s for s in self.submissions if s.unit_code == code],
            results=[r for r in self.results if r.unit_code == code],
            missing_units=[m for m in self.missing_units if m.unit_code == code],
        )

    def count(self, status: Status) -> int:
        return sum(r.status is status for r in self.results)
