"""Pydantic models of the targets file: indicators, groups, reporting units. Pure: no I/O.

The models are strict (unknown keys are errors, values are never coerced from another type) and
frozen. Numbers are :class:`~decimal.Decimal`, so that 7.5 is exactly 7.5 at a bound.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from ..domain import PERIOD_PATTERN, Period, TargetKind, parse_period

INDICATOR_CODE_PATTERN = r"^CT(0[1-9]|1[0-9]|2[01])[a-z]?$"
UNIT_CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,9}$"

#: The units of measure a target may use, with the Vietnamese label shown to users.
KNOWN_UNITS: dict[str, str] = {
    "%": "%",
    "million VND": "triệu đồng",
    "million VND per worker per year": "triệu đồng/lao động/năm",
    "doctors per 10,000 people": "bác sĩ/vạn dân",
    "communes": "xã",
    "party members": "đảng viên",
}


def _exact_number(value: Any) -> Any:
    """Accept only numbers that were written as numbers (never text, booleans or floats)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError("expected a number")
    return Decimal(value)


Number = Annotated[
    Decimal,
    BeforeValidator(_exact_number),
    WithJsonSchema({"type": "number"}),
]
Text = Annotated[str, Field(min_length=1, strict=True)]
Code = Annotated[str, Field(pattern=INDICATOR_CODE_PATTERN, strict=True)]
PeriodText = Annotated[str, Field(pattern=PERIOD_PATTERN, strict=True)]


class Strict(BaseModel):
    """Unknown keys are errors; text, codes and numbers are strict field by field (enums are
    matched by their value, since YAML gives them as text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Plausible(Strict):
    """The range a reported value can possibly take; a value outside it is invalid."""

    min: Number
    max: Number


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
    note: Text | None = None

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
        first = parse_period(self.from_) if self.from_ else None
        last = parse_period(self.until) if self.until else None
        if first is not None and period.last_month < first.first_month:
            return False
        return last is None or period.first_month <= last.last_month


class Plan(Strict):
    id: Text
    title: Text
    issued: Text
    source: Text
    targets: int | None = Field(
        default=None,
        ge=1,
        le=99,
        strict=True,
        description="How many numbered targets the plan has; each number 1..N needs an indicator",
    )


class TargetsFile(Strict):
    """The whole targets file, ``data/targets.yaml``."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="cantho_kpi targets file",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: Literal[1]
    plan: Plan
    reporting_units: list[ReportingUnit] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    indicators: list[Indicator] = Field(min_length=1)

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
