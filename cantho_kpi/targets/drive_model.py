"""Pydantic models of the drive file, ``data/drive.yaml``: the emulation drive's calendar, its
clusters and blocks, the scoring rule, the plan's awards and the rule for the reference list
of candidates, the documents units send. Pure: no I/O.

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

from ..catalog import both
from ..domain import Period, Status, parse_period
from .drive_document import ReviewDocument
from .fields import (
    MAX_ITEMS,
    UNIT_CODE_PATTERN,
    Code,
    Number,
    PeriodText,
    Strict,
    Text,
    active_between,
    custom_error,
)
from .safeyaml import RawScalar

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
            said = both("{text} is not a day of the calendar", text=repr(text))
            raise custom_error("drive_date", said) from None
    shown = repr(text) if isinstance(text, str) else both("nothing")
    said = both("expected a day written as 2024-03-31, got {text}", text=shown)
    raise custom_error("drive_date", said)


def _flag(value: Any) -> Any:
    """``true`` or ``false`` (YAML 1.1's ``yes``, ``no``, ``on`` and ``off`` are refused)."""
    from .safeyaml import RawScalar

    if isinstance(value, bool):
        return value  # built in Python, not read from YAML
    if isinstance(value, RawScalar) and value.kind == "bool" and value.text in {"true", "false"}:
        return value.value
    shown = value.text if isinstance(value, RawScalar) else repr(value)
    said = both("expected true or false, got {shown}", shown=repr(str(shown)))
    raise custom_error("drive_flag", said)


_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


def _day_or_month(value: Any) -> Any:
    """A review's day (``2024-06-27``) or, when only the month is fixed, its month
    (``2024-06``); kept as the text written."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()  # built in Python, not read from YAML
    text = value.text if isinstance(value, RawScalar) else value
    if isinstance(text, str) and _MONTH.fullmatch(text.strip()):
        return text.strip()
    return _date(value).isoformat()


def review_first_day(text: str) -> date:
    """The earliest day a review written ``2024-06`` or ``2024-06-27`` can be held."""
    return date.fromisoformat(text if len(text) > 7 else f"{text}-01")


def review_last_day(text: str) -> date:
    """The latest day a review written ``2024-06`` or ``2024-06-27`` can be held."""
    if len(text) > 7:
        return date.fromisoformat(text)
    year, month = int(text[:4]), int(text[5:7])
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]
Day = Annotated[date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
ReviewWhen = Annotated[
    str,
    BeforeValidator(_day_or_month),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"}),
]
UnitCode = Annotated[str, Field(pattern=UNIT_CODE_PATTERN, strict=True)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$", strict=True)]


class RoundDeadline(Strict):
    """A reporting round and the day by which its reports are due (that day included).
    ``estimate``: the round is reported as estimates ("ước thực hiện 6 tháng"), due before the
    round ends so that the review can use it."""

    round: PeriodText = Field(description="The quarter that ends the round: 2024-Q2")
    deadline: Day
    estimate: Flag = False

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
    interim_review: ReviewWhen = Field(description="Sơ kết: its day, or its month (2024-06)")
    final_review: ReviewWhen = Field(description="Tổng kết: its day, or its month (2025-01)")
    interim_round: PeriodText | None = Field(
        default=None, description="The round the interim review uses (default: the half-year)"
    )
    final_round: PeriodText | None = Field(
        default=None, description="The round the final review uses (default: the year's)"
    )
    final_report_due: Day | None = Field(
        default=None, description="Units' final reports due (default: the final review)"
    )
    rounds: list[RoundDeadline] = Field(min_length=1, max_length=MAX_ITEMS)

    def deadline(self, period: Period) -> date | None:
        found = self.round_of(period)
        return found.deadline if found is not None else None

    def round_of(self, period: Period) -> RoundDeadline | None:
        wanted = drive_round_of(period)
        return next((r for r in self.rounds if r.period == wanted), None)

    def review_round(self, final: bool) -> Period:
        """The round a review uses: as the drive file names it, else the half-year of the
        launch's year (interim) or the year of the drive's end (final)."""
        text = self.final_round if final else self.interim_round
        parsed = parse_period(text) if text else None
        if parsed is not None:
            return drive_round_of(parsed)
        return Period.quarter(self.end.year, 4) if final else Period.quarter(self.launch.year, 2)

    def is_final(self, period: Period) -> bool:
        """Whether ``period`` is the round of the final review."""
        return drive_round_of(period) == self.review_round(final=True)

    def final_reports_due(self) -> date:
        """Units' final reports (IV.2.c) are due on the day set, else by the final review."""
        if self.final_report_due is not None:
            return self.final_report_due
        return review_first_day(self.final_review)


class ClusterKind(StrEnum):
    CLUSTER = "cluster"  # cụm thi đua
    BLOCK = "block"  # khối thi đua


class Cluster(Strict):
    """Units that compete with one another (cụm or khối thi đua)."""

    id: Slug
    name: Text
    kind: ClusterKind = ClusterKind.CLUSTER
    members: list[UnitCode] = Field(min_length=1, max_length=MAX_ITEMS)
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
    weights: dict[Code, Number] = Field(
        default_factory=dict, max_length=MAX_ITEMS, description="Default weight 1"
    )
    tie_break: list[TieBreak] = Field(
        default_factory=lambda: list(DEFAULT_TIE_BREAK), max_length=len(DEFAULT_TIE_BREAK)
    )

    def point(self, status: Status) -> Decimal:
        """The points of a status; statuses outside pass/fail (pending, reported) score none."""
        if status not in SCORED:
            return Decimal(0)
        key = cast(ScoredStatus, status.value)
        return self.points.get(key, DEFAULT_POINTS[key])

    def weight(self, code: str) -> Decimal:
        return self.weights.get(code, Decimal(1))


class AwardKind(Strict):
    """An award of the plan (III.2): who gives it, to whom, and at which review."""

    id: Slug
    name: Text = Field(description="Giấy khen; Bằng khen của Chủ tịch UBND thành phố")
    given_by: Literal["city", "unit_head"] = Field(
        description="city: the city's chairman, on the units' proposals; unit_head: each head "
        "of a department, district or commune, under their own authority"
    )
    authority: Text = Field(description="Who signs it, in words")
    recipients: Text = Field(description="Who may receive it, in the plan's words")
    at: list[Literal["interim_review", "final_review"]] = Field(min_length=1)
    plan: Text | None = Field(default=None, description="Where the plan says so: III.2.b")


#: The plan's two awards (section III.2), used when the drive file lists none.
# not a message: the plan's own words, data as a drive file writes them (in Vietnamese)
PLAN_AWARDS: tuple[AwardKind, ...] = (
    AwardKind(
        id="giay-khen",
        name="Giấy khen",
        given_by="unit_head",
        authority="Thủ trưởng cơ quan, đơn vị, địa phương, theo thẩm quyền",
        recipients="Tập thể, cá nhân có thành tích trong phong trào thi đua, của cơ quan, "
        "đơn vị, địa phương mình",
        at=["interim_review", "final_review"],
        plan="III.2.a",
    ),
    AwardKind(
        id="bang-khen",
        name="Bằng khen của Chủ tịch UBND thành phố",
        given_by="city",
        authority="Chủ tịch Ủy ban nhân dân thành phố",
        recipients="Tập thể, cá nhân, hộ gia đình có thành tích xuất sắc giai đoạn 2020 - 2025, "
        "được các cơ quan, đơn vị, địa phương thống nhất đề nghị",
        at=["final_review"],
        plan="III.2.b",
    ),
)


class AwardGiven(Strict):
    """An award already given, shown beside the candidates so that one achievement is not put
    forward twice (Luật Thi đua, khen thưởng 2022)."""

    unit: UnitCode
    award: Text
    reference: Text | None = Field(default=None, description="Số quyết định: 123/QĐ-UBND")
    date: Day | None = None
    achievement: Text | None = Field(default=None, description="For what: thành tích 2021-2023")


class Awards(Strict):
    """The plan's award kinds, and the drive file's rule for the reference list of candidates
    (danh sách tham khảo) for the award named by ``candidate_for``: the units ranked ``top``
    or better in their cluster at the final review that meet every condition set here, judged
    over the term as far as the archive shows it. The plan has no such rule: it is a setting,
    and every output says so."""

    kinds: list[AwardKind] = Field(default_factory=lambda: list(PLAN_AWARDS))
    candidate_for: Slug = "bang-khen"
    top: int = Field(default=1, ge=1, strict=True)
    no_not_met: Flag = True
    #: ``near`` counts as not met (as in the headline) unless this says otherwise.
    near_is_met: Flag = False
    on_time: Flag = False
    min_score: Number | None = None
    given: list[AwardGiven] = Field(default_factory=list)

    def kind(self, id_: str) -> AwardKind | None:
        return next((k for k in self.kinds if k.id == id_), None)

    def candidate_award(self) -> AwardKind | None:
        return self.kind(self.candidate_for)

    def given_to(self, unit: str) -> list[AwardGiven]:
        return [g for g in self.given if g.unit == unit]


class Contact(Strict):
    name: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class DocumentReceipt(Strict):
    """A unit's document and when it came: its launch document (kế hoạch phát động, with its
    own targets, IV.2.a) or its final report (báo cáo tổng kết, IV.2.c)."""

    unit: UnitCode
    received: Day
    reference: Text | None = Field(default=None, description="Số, ký hiệu: 45/KH-UBND")


LaunchReceipt = DocumentReceipt


class DriveFile(Strict):
    """The whole drive file, ``data/drive.yaml``, beside the targets file."""

    schema_version: Literal[1]
    name: Text
    calendar: Calendar
    clusters: list[Cluster] = Field(default_factory=list, max_length=MAX_ITEMS)
    scoring: Scoring = Field(default_factory=Scoring)
    awards: Awards = Field(default_factory=Awards)
    contacts: dict[UnitCode, Contact] = Field(default_factory=dict, max_length=MAX_ITEMS)
    launch_documents: list[DocumentReceipt] = Field(default_factory=list, max_length=MAX_ITEMS)
    final_reports: list[DocumentReceipt] = Field(default_factory=list, max_length=MAX_ITEMS)
    #: The review as a Word document: who issues and signs it (Nghị định 30/2020/NĐ-CP).
    document: ReviewDocument = Field(default_factory=ReviewDocument)

    def launch_document(self, unit: str) -> DocumentReceipt | None:
        return next((d for d in self.launch_documents if d.unit == unit), None)
