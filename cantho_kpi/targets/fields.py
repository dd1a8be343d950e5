"""The building blocks of the targets file's models: strict fields, codes, numbers. Pure."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..catalog import N_, Said, both
from ..domain import PERIOD_PATTERN, Period, parse_period

#: The most items any list or mapping of a targets, drive or unit file holds: bounded before the
#: items are checked one by one, so that a list of a million is one message, at once.
MAX_ITEMS = 2000

INDICATOR_CODE_PATTERN = r"^CT(0[1-9]|1[0-9]|2[01])[a-z]?$"
UNIT_CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,9}$"

#: The units of measure a target may use, as the targets file writes them; each is also its
#: msgid, so that a reader sees it in the run's language (``targets.unit_label``).
KNOWN_UNITS: tuple[str, ...] = (
    "%",
    N_("million VND"),
    N_("million VND per worker per year"),
    N_("doctors per 10,000 people"),
    N_("communes"),
    N_("party members"),
)


class Wrong(ValueError):
    """A value one of our validators refuses, with why in both languages (``said``): pydantic
    keeps the exception in its error's context, where the wording finds it."""

    def __init__(self, said: Said) -> None:
        super().__init__(said.en)
        self.said = said


def custom_error(kind: str, said: Said) -> PydanticCustomError:
    """A check of ours that says it all (``drive_date``): its English as pydantic's message,
    both languages in its context for the wording."""
    return PydanticCustomError(kind, "{message}", {"message": said.en, "said": said})


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


def _flag(value: Any) -> Any:
    """Accept ``true`` and ``false`` as written in YAML (not yes/no/on/off, nor quoted text)."""
    from .safeyaml import RawScalar  # here: a model read back from the cache needs no YAML

    if isinstance(value, RawScalar) and value.kind == "bool":
        if value.text in {"true", "false"}:
            return value.value
        raise Wrong(both("expected true or false (yes, no, on and off are not accepted)"))
    if isinstance(value, bool):
        return value
    raise Wrong(both("expected true or false"))


Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]
Text = Annotated[str, Field(min_length=1, strict=True)]
Code = Annotated[str, Field(pattern=INDICATOR_CODE_PATTERN, strict=True)]
PeriodText = Annotated[str, Field(pattern=PERIOD_PATTERN, strict=True)]


class Strict(BaseModel):
    """Unknown keys are errors; text, codes and numbers are strict field by field (enums are
    matched by their value, since YAML gives them as text). Validators are built when first
    used (``defer_build``): a command whose targets come from the cache builds none."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def active_between(first_text: str | None, last_text: str | None, period: Period) -> bool:
    """Whether something that exists from ``first_text`` to ``last_text`` (periods; open when
    absent) exists during (part of) ``period``: a reporting unit, a cluster."""
    first = parse_period(first_text) if first_text else None
    last = parse_period(last_text) if last_text else None
    if first is not None and period.last_month < first.first_month:
        return False
    return last is None or period.first_month <= last.last_month
