"""Pydantic models of the targets file: indicators, groups, reporting units. Pure: no I/O.

The models are strict (unknown keys are errors, values are never coerced from another type) and
frozen. Numbers are :class:`~decimal.Decimal`, so that 7.5 is exactly 7.5 at a bound.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from ..domain import Period, RoundsMode, TargetKind
from .fields import (
    KNOWN_UNITS,
    UNIT_CODE_PATTERN,
    Code,
    Flag,
    Number,
    PeriodText,
    Strict,
    Text,
    active_between,
)
from .unit_targets import UnitTargets

YearText = Annotated[str, Field(pattern=r"^[0-9]{4}$", strict=True)]
Year = Annotated[int, Field(ge=1900, le=2200, strict=True)]


class Plausible(Strict):
    """The range a reported value can possibly take; a value outside it is invalid."""

    min: Number
    max: Number


class Scope(StrEnum):
    """Who is judged against the plan's figure (see ``docs/domain.md``, "Whose target")."""

    CITY = "city"  # the city's own figure only (a total, a structure, a city-wide level)
    EVERY_UNIT = "every_unit"  # a rate any unit can be held to (poor households < 0.5 %)


class Aggregate(StrEnum):
    """How units' figures combine into the city's: ``sum`` for additive counts only."""

    NONE = "none"
    SUM = "sum"


class Measure(StrEnum):
    """How a figure behaves during a year (see ``docs/domain.md``, "Rounds")."""

    RATE = "rate"  # a rate or share of the period: comparable at any round
    STOCK = "stock"  # a level at a date: comparable at any round
    FLOW = "flow"  # builds up to the annual (or term) figure: complete only at the end


class AccruesOver(StrEnum):
    YEAR = "year"
    TERM = "term"


class BeforeEnd(StrEnum):
    """How a flow is judged before its year (or term) ends."""

    PENDING = "pending"  # not judged: "Chưa đến kỳ đánh giá"
    PRO_RATA = "pro_rata"  # against the part of the target the months elapsed stand for


class ProgressMethod(StrEnum):
    """How progress toward the end of the term is measured; see ``docs/progress.md``."""

    CAGR = "cagr"
    LINEAR = "linear"
    AVERAGE = "average"
    CUMULATIVE = "cumulative"


class Baseline(Strict):
    """A published figure from before the term, the start of the progress measure."""

    period: YearText = Field(description="The year of the figure: 2020")
    value: Number
    source: Text = Field(description="Where the figure is published")


class Break(Strict):
    """A break in the series: figures from ``period`` on are not comparable with earlier ones."""

    period: PeriodText = Field(description="The first period after the break: 2021, 2025-H2")
    reason: Text


class Indicator(Strict):
    """One measurable figure of a numbered target of the plan."""

    code: Code = Field(description="CT01 ... CT21, with a letter per figure: CT03a")
    number: int = Field(ge=1, le=99, strict=True, description="The target's number in the plan")
    name_vi: Text = Field(description="Short Vietnamese name, in the plan's words")
    name_en: Text
    plan_text: Text = Field(description="The plan's exact wording of this figure")
    unit: Text = Field(description="Unit of measure: " + ", ".join(KNOWN_UNITS))
    kind: TargetKind
    min: Number | None = None
    max: Number | None = None
    plausible: Plausible
    tolerance: Number | None = Field(
        default=None, description="Distance from the bound within which a value is 'near'"
    )
    part_of: Code | None = Field(default=None, description="'trong đó': code of the whole")
    scope: Scope = Field(
        default=Scope.CITY,
        description="city: only the city is judged against the plan's figure; every_unit: "
        "any unit is (a rate such as poor households)",
    )
    integer: Flag = Field(default=False, description="Whole numbers only (a count)")
    aggregate: Aggregate = Field(
        default=Aggregate.NONE, description="sum: units' figures add up to the city's"
    )
    agree_within: Number = Field(
        default=Decimal(0),
        description="Two figures for the same thing (the city's and a department's, or the "
        "city's and the roll-up) disagree when they differ by more than this",
    )
    measure: Measure = Field(default=Measure.RATE, description="rate, stock or flow")
    accrues_over: AccruesOver = Field(
        default=AccruesOver.YEAR, description="For a flow: the year or the whole term"
    )
    before_end: BeforeEnd = Field(
        default=BeforeEnd.PENDING, description="For a flow: pending or pro_rata before it ends"
    )
    note: Text | None = None
    progress: ProgressMethod | None = Field(
        default=None, description="cagr, linear, average or cumulative; default by kind and unit"
    )
    baseline: Baseline | None = None
    breaks: list[Break] = Field(default_factory=list)

    @property
    def letter(self) -> str:
        return self.code[4:]


class GroupKind(StrEnum):
    SHARES = "shares"


class Group(Strict):
    """Indicators that belong together; ``shares`` are parts of one whole adding up to total."""

    id: Text
    kind: GroupKind
    total: Number
    members: list[Code] = Field(min_length=2)
    name_vi: Text | None = None


class UnitLevel(StrEnum):
    CITY = "city"
    DISTRICT = "district"
    DEPARTMENT = "department"
    COMMUNE = "commune"


class ReportingUnit(Strict):
    """A unit that reports figures: the city, a district, a department, a commune."""

    code: Annotated[str, Field(pattern=UNIT_CODE_PATTERN, strict=True)]
    name: Text
    level: UnitLevel
    indicators: list[Code] | None = Field(
        default=None, description="The indicators this unit reports; all when absent"
    )
    from_: PeriodText | None = Field(default=None, alias="from", description="First period")
    until: PeriodText | None = Field(default=None, description="Last period")

    def active_in(self, period: Period) -> bool:
        """Whether the unit exists during (part of) ``period``."""
        return active_between(self.from_, self.until, period)


class Term(Strict):
    """The years of the term the plan's targets are for (the Party Congress term): progress is
    measured toward the targets of its last year, and flows over the term end with it."""

    from_: Year = Field(alias="from", description="First year of the term")
    to: Year = Field(description="Last year of the term, the year of the targets")

    @property
    def years(self) -> int:
        return self.to - self.from_ + 1


class Plan(Strict):
    id: Text
    title: Text
    issued: Text
    source: Text
    term: Term | None = Field(default=None, description="e.g. {from: 2021, to: 2025}")
    targets: int | None = Field(
        default=None,
        ge=1,
        le=99,
        strict=True,
        description="How many numbered targets the plan has; each number 1..N needs an indicator",
    )


def _decimal(text: str) -> Decimal:
    return Decimal(text)


class Thresholds(Strict):
    """The bounds of the ratio CR between progress statuses (UNSD's by default)."""

    on_track: Number = Field(default_factory=lambda: _decimal("0.95"))
    fair: Number = Field(default_factory=lambda: _decimal("0.5"))
    limited: Number = Field(default_factory=lambda: _decimal("-0.1"))


class ProgressSettings(Strict):
    """Settings of ``kpi progress``: the thresholds, and breaks that concern every indicator."""

    thresholds: Thresholds = Field(default_factory=Thresholds)
    breaks: list[Break] = Field(default_factory=list)


class TargetsFile(Strict):
    """The whole targets file, ``data/targets.yaml``."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        defer_build=True,
        title="cantho_kpi targets file",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: Literal[1]
    plan: Plan
    rounds: RoundsMode = Field(
        default=RoundsMode.YEAR_TO_DATE,
        description="year_to_date: a Q2 and an H1 report are one round, Q4 and the year one "
        "round; quarterly: every period is its own round",
    )
    reporting_units: list[ReportingUnit] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    indicators: list[Indicator] = Field(min_length=1)
    unit_targets: list[UnitTargets] = Field(
        default_factory=list,
        description="Units' own targets, from the launch documents they send (plan IV.2a)",
    )
    progress: ProgressSettings = Field(default_factory=ProgressSettings)

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def unit(self, code: str | None) -> ReportingUnit | None:
        return next((u for u in self.reporting_units if u.code == code), None)

    def indicators_for(self, unit: ReportingUnit | None) -> list[Indicator]:
        """The indicators a unit reports: all of them unless the unit lists its own."""
        if unit is None or unit.indicators is None:
            return list(self.indicators)
        wanted = set(unit.indicators)
        return [ind for ind in self.indicators if ind.code in wanted]

    def own_targets(self, unit_code: str | None) -> UnitTargets | None:
        """The unit's own targets (its launch document), if it declared any."""
        return next((u for u in self.unit_targets if u.unit == unit_code), None)

    @property
    def city(self) -> ReportingUnit | None:
        """The unit that stands for the city as a whole (level city)."""
        return next((u for u in self.reporting_units if u.level is UnitLevel.CITY), None)

    def target_numbers(self) -> list[int]:
        """The plan's numbered targets, in order."""
        return sorted({ind.number for ind in self.indicators})
