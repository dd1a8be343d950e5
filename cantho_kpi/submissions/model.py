"""What a submission said: its figures and its problems. Pure: no I/O."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from ..errors import Issue, Severity


class ValueState(StrEnum):
    VALUE = "value"  # a number was read
    EMPTY = "empty"  # nothing, or "N/A", "-", "x"
    INVALID = "invalid"  # something was given but cannot be used


#: Models that `kpi validate-targets` never builds: their schemas are built on first use, which
#: keeps the command's start-up short.
_LAZY = ConfigDict(frozen=True, defer_build=True)


class SubmittedValue(BaseModel):
    """One indicator's figure as read from a submission."""

    model_config = _LAZY

    code: str
    state: ValueState
    value: Decimal | None = None
    location: str | None = None  # file!Sheet!D12
    note: str | None = None
    percent: bool = False  # read from a percent-formatted cell or a text with "%"
    estimate: bool = False  # marked as an estimate ("ước thực hiện") in the estimate column


class Submission(BaseModel):
    """What one file said: who sent it, for which period, its figures, and its problems."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    file: str
    unit_code: str | None = None
    unit_name: str | None = None
    period: str | None = None
    sheet: str | None = None
    values: list[SubmittedValue] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    #: The day it was sent, and where that came from: "sheet" (Ngày lập), "received-log"
    #: (received.csv) or "file-time" (the file's modification time, unreliable).
    submitted_on: date | None = None
    date_source: str | None = None

    @property
    def valid(self) -> bool:
        """Read, and without errors (warnings allowed)."""
        return not any(issue.severity is Severity.ERROR for issue in self.issues)

    @property
    def unfilled(self) -> bool:
        """A form without a single figure (``no-values``): its unit has not reported yet."""
        return any(issue.code == "no-values" for issue in self.issues)

    def value(self, code: str) -> SubmittedValue | None:
        return next((v for v in self.values if v.code == code), None)
