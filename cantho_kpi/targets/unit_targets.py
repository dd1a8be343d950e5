"""Units' own targets: what each agency, district or commune set itself in its launch document
(plan 33/KH-UBND, section IV.2a). A unit is judged against these; see ``docs/domain.md``
("Whose target"). Pure models; the cross-checks are in :mod:`.unit_rules`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

from ..catalog import both
from ..domain import TargetKind
from .fields import MAX_ITEMS, UNIT_CODE_PATTERN, Code, Number, Strict, Text, custom_error

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _real_day(text: str) -> str:
    """A day of the calendar: ``2024-02-30`` has the form of a date but is none."""
    try:
        date.fromisoformat(text)
    except ValueError:
        said = both("{text} is not a day of the calendar", text=repr(text))
        raise custom_error("drive_date", said) from None
    return text


class LaunchDocument(Strict):
    """The unit's launch document (kế hoạch phát động thi đua) that states its targets."""

    number: Text = Field(description="The document's number, e.g. 25/KH-UBND")
    date: Annotated[str, Field(pattern=DATE_PATTERN, strict=True), AfterValidator(_real_day)] = (
        Field(description="Its date, YYYY-MM-DD (quoted)")
    )
    title: Text | None = None


class UnitTarget(Strict):
    """A unit's own target for one indicator: a kind and its bounds, read as the plan's are."""

    code: Code
    kind: TargetKind
    min: Number | None = None
    max: Number | None = None
    tolerance: Number | None = None
    note: Text | None = None


class UnitTargets(Strict):
    """One unit's launch document and the targets it sets."""

    unit: Annotated[str, Field(pattern=UNIT_CODE_PATTERN, strict=True)]
    document: LaunchDocument
    targets: list[UnitTarget] = Field(min_length=1, max_length=MAX_ITEMS)

    def target(self, code: str) -> UnitTarget | None:
        return next((t for t in self.targets if t.code == code), None)
