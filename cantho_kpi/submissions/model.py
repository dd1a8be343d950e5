"""What a submission said: its figures and its problems. Pure: no I/O."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from ..errors import Issue, Location, Severity


class DateSource(StrEnum):
    """Where the day shown for a submission comes from."""

    RECEIVED_LOG = "received-log"  # received.csv: the day it was received
    SHEET = "sheet"  # Ngày lập: the day it was written, a lower bound of its receipt
    UNKNOWN = "unknown"  # neither: the day of receipt is not known


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
    #: The day shown for it, and where that came from: "received-log" (received.csv, the day
    #: it was received), "sheet" (Ngày lập, the day it was written: a lower bound of its
    #: receipt) or "unknown". Settled by the report (report/receipts.py), which reads the log.
    submitted_on: date | None = None
    date_source: DateSource | None = DateSource.UNKNOWN
    #: Ngày lập as read from the sheet, and its cell.
    written_on: date | None = None
    written_at: Location | None = None
    #: The day the office's log says it was received (set by the report).
    received_on: date | None = None
    #: The file's modification time: a hint shown beside an unknown day, never used.
    file_time: date | None = None
    #: A form without a single figure (``no-values``): its unit has not reported yet.
    unfilled: bool = False
    #: The sheet gives no period (``missing-period``): the report may take its folder's name.
    period_missing: bool = False
    #: Set by the report: the later file of the same unit and round that replaces this one
    #: (``superseded-submission``), or that this file and another of its round cannot be
    #: ordered, so neither is used (``duplicate-submission``).
    replaced_by: str | None = None
    duplicate: bool = False

    @property
    def valid(self) -> bool:
        """Read, and without errors (warnings allowed)."""
        return not any(issue.severity is Severity.ERROR for issue in self.issues)

    def value(self, code: str) -> SubmittedValue | None:
        return next((v for v in self.values if v.code == code), None)
