"""Pydantic models of the drive file, ``data/drive.yaml``: the emulation drive's calendar, its
clusters and blocks, the scoring rule and the award rule. Pure: no I/O.

Dates are written as YAML dates (``2024-03-31``, read from their source text, never through a
time zone) or as the same text in quotes; months as ``2024-06``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, cast

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..domain import Period, Status, parse_period
from .fields import UNIT_CODE_PATTERN, Code, Number, PeriodText, Strict, Text, active_between

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any) -> Any:
    """A day written as ``2024-03-31`` (a YAML date or the same text in quotes)."""
    from .safeyaml import RawScalar  # here: a drive file read back from the cache needs no YAML

    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # built in Python, not read from YAML
    text = value.text if isinstance(value, RawScalar) else value
    if isinstance(text, str) and _DATE.fullmatch(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise PydanticCustomError(
                "drive_date", "{text} is not a day of the calendar", {"text": repr(text)}
            ) from None
    raise PydanticCustomError(
        "drive_date",
        "expected a day written as 2024-03-31, got {text}",
        {"text": repr(text) if isinstance(text, str) else "nothing"},
    )


def _flag(value: Any) -> Any:
    """``true`` or ``false`` (YAML 1.1's ``yes``, ``no``, ``on`` and ``off`` are refused)."""
    from .safeyaml import RawScalar

    if isinstance(value, bool):
        return value  # built in Python, not read from YAML
    if isinstance(value, RawScalar) and value.kind == "bool" and value.text in {"true", "false"}:
        return value.value
    shown = value.text if isinstance(value, RawScalar) else repr(value)
    raise PydanticCustomError(
        "drive_flag", "expected true or false, got {shown}", {"shown": repr(str(shown))}
    )


Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]
Day = Annotated[date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$", strict=True)]
UnitCode = Annotated[str, Field(pattern=UNIT_CODE_PATTERN, strict=True)]


class RoundDeadline(Strict):
    """A reporting round and the day by which its reports are due (that day included)."""

    round: PeriodText = Field(description="The quarter that ends the round: 2024-Q2")
    deadline: Day

    @property
    def period(self) -> Period:
        parsed = parse_period(self.round)
        assert parsed is not None  # the pattern admits only periods
        return drive_round_of(parsed)


def drive_round_of(period: Period) -> Period:
    """The round a period belongs to: reports are year-to-date, so ``2024-H1`` is the round of
    ``2024-Q2`` and ``2024`` that of ``2024-Q4`` (the quarter ending with the period)."""
    return Period(period.last_month - 2, 3)


class Calendar(Strict):
    launch: Day = Field(description="First day of the drive (01/01/2024)")
    end: Day = Field(description="Last day of the drive (31/12/2024)")
    launch_document_due: Day = Field(description="Launch documents due (31/03/2024)")
    interim_review: Month = Field(description="Sơ kết: a month, 2024-06")
    final_review: Month = Field(description="Tổng kết: a month, 2025-01")
    rounds: list[RoundDeadline] = Field(min_length=1)

    def deadline(self, period: Period) -> date | None:
        wanted = drive_round_of(period)
        return next((r.deadline for r in self.rounds if r.period == wanted), None)


class ClusterKind(StrEnum):
    CLUSTER = "cluster"  # cụm thi đua
    BLOCK = "block"  # khối thi đua


class Cluster(Strict):
    """Units that compete with one another (cụm or khối thi đua)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$", strict=True)]
    name: Text
    kind: ClusterKind = ClusterKind.CLUSTER
    members: list[UnitCode] = Field(min_length=1)
    from_: PeriodText | None = Field(default=None, alias="from", description="First period")
    until: PeriodText | None = Field(default=None, description="Last period")

    def active_in(self, period: Period) -> bool:
        return active_between(self.from_, self.until, period)


#: The statuses that score; ``reported`` and ``pending`` (kept outside pass/fail) never do.
SCORED: tuple[Status, ...] = (
    Status.EXCEEDED,
    Status.MET,
    Status.NEAR,
    Status.NOT_MET,
    Status.MISSING,
    Status.INVALID,
)
ScoredStatus = Literal["exceeded", "met", "near", "not_met", "missing", "invalid"]
TieBreak = Literal["fewer_not_met", "more_exceeded", "earlier_report"]

DEFAULT_TIE_BREAK: tuple[TieBreak, ...] = ("fewer_not_met", "more_exceeded", "earlier_report")
DEFAULT_POINTS: dict[ScoredStatus, Decimal] = {
    "exceeded": Decimal("1.2"),
    "met": Decimal(1),
    "near": Decimal("0.5"),
    "not_met": Decimal(0),
    "missing": Decimal(0),
    "invalid": Decimal(0),
}


class Scoring(Strict):
    """Points per status of each applicable target, deductions, optional weights."""

    points: dict[ScoredStatus, Number] = Field(default_factory=lambda: dict(DEFAULT_POINTS))
    late_report: Number = Field(default=Decimal("0.1"), description="Deducted for a late report")
    invalid_file: Number = Field(default=Decimal("0.2"), description="Deducted for file errors")
    weights: dict[Code, Number] = Field(default_factory=dict, description="Default weight 1")
    tie_break: list[TieBreak] = Field(default_factory=lambda: list(DEFAULT_TIE_BREAK))

    def point(self, status: Status) -> Decimal:
        """The points of a status; statuses outside pass/fail (pending, reported) score none."""
        if status not in SCORED:
            return Decimal(0)
        key = cast(ScoredStatus, status.value)
        return self.points.get(key, DEFAULT_POINTS[key])

    def weight(self, code: str) -> Decimal:
        return self.weights.get(code, Decimal(1))


class Awards(Strict):
    """Who is proposed for an award: the units ranked ``top`` or better in their cluster that
    meet every condition set here."""

    top: int = Field(default=1, ge=1, strict=True)
    no_not_met: Flag = True
    on_time: Flag = False
    min_score: Number | None = None
    award_vi: Text = "Bằng khen của Chủ tịch UBND thành phố"  # at the final review (tổng kết)
    interim_award_vi: Text = "Giấy khen"  # at the interim review (sơ kết)


class Contact(Strict):
    name: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class LaunchReceipt(Strict):
    """A unit's launch document (kế hoạch phát động, with its own targets) and when it came."""

    unit: UnitCode
    received: Day
    reference: Text | None = Field(default=None, description="Số, ký hiệu: 45/KH-UBND")


class DriveFile(Strict):
    """The whole drive file, ``data/drive.yaml``, beside the targets file."""

    schema_version: Literal[1]
    name: Text
    calendar: Calendar
    clusters: list[Cluster] = Field(default_factory=list)
    scoring: Scoring = Field(default_factory=Scoring)
    awards: Awards = Field(default_factory=Awards)
    contacts: dict[UnitCode, Contact] = Field(default_factory=dict)
    launch_documents: list[LaunchReceipt] = Field(default_factory=list)

    def launch_document(self, unit: str) -> LaunchReceipt | None:
        return next((d for d in self.launch_documents if d.unit == unit), None)
