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
    MAX_ITEMS,
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

#: The most numbered targets a plan may have (``plan.targets``), bounded before it sizes work.
MAX_PLAN_TARGETS = 99

YearText = Annotated[str, Field(pattern=r"^[0-9]{4}$", strict=True)]
Year = Annotated[int, Field(ge=1900, le=2200, strict=True)]


class Plausible(Strict):
    """The range a reported value can possibly take; a value outside it is invalid."""

    min: Number
    max: Number


class Scope(StrEnum):
    """Who is judged against the plan's figure (see ``docs/domain.md``, "Whose target")."""

    CITY = "city"  # the city's own figure only (a total, a structure, a city-wide level)
    # the plan's words or a cited document assign the figure to every unit (every commune's
    # military cell, Project 06's tasks); a city average (poor households < 0.5 %) is not
    EVERY_UNIT = "every_unit"


class Aggregate(StrEnum):
    """How units' figures combine into the city's: ``sum`` for additive counts only."""

    NONE = "none"
    SUM = "sum"


class Measure(StrEnum):
    """How a figure behaves during a year (see ``docs/domain.md``, "Periods and rounds").

    ``kpi check`` judges a rate or a stock at any round, a flow or a yearly figure only at the
    year round; ``kpi progress`` uses a part-year reading only for a stock.
    """

    RATE = "rate"  # a rate of the period (growth on the same period last year): any round
    STOCK = "stock"  # a level at a date: comparable at any round
    FLOW = "flow"  # builds up to the annual (or term) figure: complete only at the end
    YEARLY = "yearly"  # describes a whole year, or is measured once a year: the year round


class AccruesOver(StrEnum):
    YEAR = "year"
    TERM = "term"


class BeforeEnd(StrEnum):
    """How a flow is judged before its year (or term) ends."""

    PENDING = "pending"  # not judged: "Chưa đến kỳ đánh giá"
    PRO_RATA = "pro_rata"  # against the part of the target the months elapsed stand for


class ProgressMethod(StrEnum):
    """How progress toward the end of the term is measured; see ``docs/progress.md``."""

    CAGR = "cagr"  # a level to reach: compound growth from the start
    LINEAR = "linear"  # a level to reach: change per year from the start
    AVERAGE = "average"  # the arithmetic mean of the term's yearly figures (not growth rates)
    AVERAGE_GROWTH = "average_growth"  # "tăng bình quân": the compound mean of yearly growth
    CUMULATIVE = "cumulative"  # a total over the term ("trong nhiệm kỳ")
    EVERY_YEAR = "every_year"  # "hàng năm": each year of the term judged on its own


#: The methods that judge the term's yearly figures together (a missing year is a gap).
TERM_METHODS = frozenset(
    {
        ProgressMethod.AVERAGE,
        ProgressMethod.AVERAGE_GROWTH,
        ProgressMethod.CUMULATIVE,
        ProgressMethod.EVERY_YEAR,
    }
)


class Baseline(Strict):
    """A published figure from before the term, the start of the progress measure."""

    period: YearText = Field(description="The year of the figure: 2020")
    value: Number
    source: Text = Field(description="Where the figure is published")


class BreakKind(StrEnum):
    """What changed at a break (see ``docs/progress.md``, "Breaks")."""

    METHOD = "method"  # how the figure is measured: a level's start moves past it
    BOUNDARY = "boundary"  # what the figure covers: the old targets end with it


class Break(Strict):
    """A break in the series: figures from ``period`` on are not comparable with earlier ones."""

    period: PeriodText = Field(description="The first period after the break: 2021, 2025-H2")
    kind: BreakKind = Field(
        default=BreakKind.METHOD,
        description="method (a change of how the figure is measured) or boundary (a change "
        "of what it covers: no later figure is compared with the old targets)",
    )
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
        description="city: only the city is judged against the plan's figure (a city "
        "average too: a unit with no target of its own is reported); every_unit: any unit is, "
        "where the plan's words or a cited document assign the figure to every unit",
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
    measure: Measure = Field(
        default=Measure.RATE, description="rate, stock, flow or yearly (docs/domain.md)"
    )
    accrues_over: AccruesOver = Field(
        default=AccruesOver.YEAR, description="For a flow: the year or the whole term"
    )
    before_end: BeforeEnd = Field(
        default=BeforeEnd.PENDING, description="For a flow: pending or pro_rata before it ends"
    )
    note: Text | None = None
    progress: ProgressMethod | None = Field(
        default=None,
        description="cagr, linear, average, average_growth, cumulative or every_year; "
        "default by kind and unit",
    )
    from_: YearText | None = Field(
        default=None,
        alias="from",
        description="The first year progress is measured from, when the target was set after "
        "the term began (CT21: Đề án 06 of 06/01/2022); the term's first year when absent",
    )
    baseline: Baseline | None = None
    breaks: list[Break] = Field(default_factory=list, max_length=MAX_ITEMS)

    @property
    def letter(self) -> str:
        return self.code[4:]

    def first_year(self, term: Term) -> int:
        """The first year of the term this target is measured over (its ``from``, else the
        term's)."""
        return int(self.from_) if self.from_ is not None else term.from_


class GroupKind(StrEnum):
    SHARES = "shares"


class Group(Strict):
    """Indicators that belong together; ``shares`` are parts of one whole adding up to total."""

    id: Text
    kind: GroupKind
    total: Number
    total_tolerance: Number = Field(
        default_factory=lambda: Decimal(1),
        description="How far a unit's reported shares may add up from the total (rounding) "
        "before kpi check warns: a setting, 1 point by default",
    )
    members: list[Code] = Field(min_length=2, max_length=MAX_ITEMS)
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
        default=None,
        max_length=MAX_ITEMS,
        description="The indicators this unit reports; all when absent",
    )
    from_: PeriodText | None = Field(default=None, alias="from", description="First period")
    until: PeriodText | None = Field(default=None, description="Last period")

    def active_in(self, period: Period) -> bool:
        """Whether the unit exists during (part of) ``period``."""
        return active_between(self.from_, self.until, period)


class RollupRule(Strict):
    """Whose figures add up to whose, over which periods: the units of ``level`` (the
    districts in 2024; the communes and wards from 2025-H2, when the district level is gone)
    roll up into the unit of level ``into`` (the city), for the ``aggregate: sum`` indicators."""

    level: UnitLevel = Field(
        description="The level whose units' figures are added up: district or commune "
        "(commune is every commune-level unit: xã, phường, thị trấn)"
    )
    into: UnitLevel = Field(description="The level they add up into: city")
    from_: PeriodText | None = Field(default=None, alias="from", description="First period")
    until: PeriodText | None = Field(default=None, description="Last period")

    def active_in(self, period: Period) -> bool:
        """Whether the rule holds during (part of) ``period``."""
        return active_between(self.from_, self.until, period)


def _districts_into_the_city() -> list[RollupRule]:
    return [RollupRule(level=UnitLevel.DISTRICT, into=UnitLevel.CITY)]


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
        le=MAX_PLAN_TARGETS,
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
    breaks: list[Break] = Field(default_factory=list, max_length=MAX_ITEMS)


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
    reporting_units: list[ReportingUnit] = Field(default_factory=list, max_length=MAX_ITEMS)
    rollups: list[RollupRule] = Field(
        default_factory=_districts_into_the_city,
        max_length=MAX_ITEMS,
        description="Which level's units add up into the city's figure, per period (the "
        "districts in 2024, the communes and wards from 2025-H2); when absent, the districts "
        "at every period; [] for no roll-up",
    )
    groups: list[Group] = Field(default_factory=list, max_length=MAX_ITEMS)
    indicators: list[Indicator] = Field(min_length=1, max_length=MAX_ITEMS)
    unit_targets: list[UnitTargets] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
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

    def rollup_into_city(self, period: Period) -> RollupRule | None:
        """The rule by which units add up into the city during ``period`` (the periods of two
        rules into the city never overlap: the targets file is checked for it)."""
        return next(
            (r for r in self.rollups if r.into is UnitLevel.CITY and r.active_in(period)), None
        )

    def target_numbers(self) -> list[int]:
        """The plan's numbered targets, in order."""
        return sorted({ind.number for ind in self.indicators})
