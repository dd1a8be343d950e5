"""The drive's calendar applied to a report: who reported on time, who late, who not at all;
who sent the launch document and the final report by their deadlines. Pure: the day "today"
is given (``as_of``).

Rules (``docs/domain.md``, "The drive's calendar"): days only, never times or time zones; the
deadline day itself is on time; a unit is late by the number of days after the deadline. The
file judged is the one used (a resubmission's, not the file it replaced). Timeliness is judged
on the day of receipt (the office's log); a report written (``Ngày lập``) after the deadline
was received after it too, so it is late by at least that much; one written before it, with no
day of receipt, is ``unknown``: never late, never a deduction. A file's time decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..domain import Period, parse_period, round_of
from ..submissions import DateSource, Submission, file_name_parts
from ..targets import (
    DocumentReceipt,
    DriveFile,
    ReportingUnit,
    TargetsFile,
    UnitLevel,
    drive_round_of,
)
from .model import Report
from .resubmit import is_superseded


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    NOT_RECEIVED = "not_received"  # nothing, and the deadline has passed (or no as_of given)
    NOT_DUE = "not_due"  # nothing yet, but the deadline has not passed on the as_of day
    UNKNOWN = "unknown"  # received, but the day of receipt is not known


def timeliness_of(
    deadline: date, sent: date | None, received: bool = True, as_of: date | None = None
) -> tuple[Timeliness, int]:
    """(status, days late) of something due on ``deadline``, that day included, received on
    ``sent`` (``None``: on a day not known)."""
    if not received:
        due = as_of is None or as_of > deadline
        return (Timeliness.NOT_RECEIVED if due else Timeliness.NOT_DUE), 0
    if sent is None:
        return Timeliness.UNKNOWN, 0
    late = (sent - deadline).days
    return (Timeliness.LATE, late) if late > 0 else (Timeliness.ON_TIME, 0)


def report_timeliness(
    deadline: date, sub: Submission | None, as_of: date | None = None
) -> tuple[Timeliness, int]:
    """A unit's report against its deadline, judged on its day of receipt: the log's day; else
    its ``Ngày lập`` when that is after the deadline (late by at least so many days); else
    unknown."""
    if sub is None:
        return timeliness_of(deadline, None, False, as_of)
    if sub.date_source is DateSource.RECEIVED_LOG:
        return timeliness_of(deadline, sub.submitted_on)
    written = sub.written_on
    if written is not None and written > deadline:
        return Timeliness.LATE, (written - deadline).days
    return Timeliness.UNKNOWN, 0


@dataclass(frozen=True, slots=True)
class RoundStatus:
    """One unit's report for one round against the round's deadline."""

    unit_code: str
    unit: str
    round: str
    deadline: date
    status: Timeliness
    days_late: int
    file: str | None = None
    submitted_on: date | None = None
    date_source: DateSource | None = None
    #: The file's modification time, a hint shown beside an unknown day of receipt.
    file_time: date | None = None
    #: The report is made as of a day (``--as-of``) and this file's day of receipt is not
    #: known: it is assumed to have been there.
    assumed: bool = False

    @property
    def by_sheet(self) -> bool:
        """Late by the day the report was written (a lower bound of its receipt)."""
        return self.status is Timeliness.LATE and self.date_source is DateSource.SHEET


@dataclass(frozen=True, slots=True)
class LaunchStatus:
    """Whether a unit's document (its launch document, or its final report) came by the
    deadline (31/03/2024 in the plan for the launch document)."""

    unit_code: str
    unit: str
    due: date
    status: Timeliness
    days_late: int
    received: date | None = None
    reference: str | None = None


def rounds_of(report: Report) -> list[Period]:
    """The rounds a report covers (2024-H1 and 2024-Q2 are one round), in order."""
    found = {drive_round_of(p) for p in map(parse_period, report.periods) if p is not None}
    return sorted(found)


def used_file(subs: list[Submission]) -> Submission | None:
    """The file that counts among a unit's files for a round: not superseded, not an unfilled
    form (its unit has not reported, as `kpi check` says), the latest."""
    live = [s for s in subs if not is_superseded(s) and not s.unfilled]
    if not live:
        return None
    return max(live, key=lambda s: (s.submitted_on or date.min, s.file))


def unit_files(report: Report, targets: TargetsFile, unit: str, period: Period) -> list[Submission]:
    """A unit's files for a round, by what they say or, for a broken file, by its name."""
    found = []
    for sub in report.submissions:
        code, text = sub.unit_code, sub.period
        if code is None or text is None:
            named_unit, named_period = file_name_parts(sub.file, targets.reporting_units)
            code, text = code or named_unit, text or named_period
        when = parse_period(text) if text else None
        if code == unit and when is not None and drive_round_of(when) == period:
            found.append(sub)
    return found


def round_name(targets: TargetsFile, period: Period) -> str:
    """The round a drive period belongs to, named as `kpi check` names it (``2024-H1``,
    ``2024``): one name for one round everywhere."""
    return str(round_of(period, targets.rounds))


def round_statuses(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    as_of: date | None = None,
    periods: list[Period] | None = None,
) -> list[RoundStatus]:
    """Per round with a deadline (those of the report, or ``periods`` even when no file of
    them came), per unit active in it: on time, late, or not received."""
    rows = []
    for period in periods if periods is not None else rounds_of(report):
        deadline = drive.calendar.deadline(period)
        if deadline is None:
            continue
        for unit in targets.reporting_units:
            if unit.active_in(period):
                rows.append(_round_row(report, targets, unit, period, deadline, as_of))
    return rows


def _round_row(
    report: Report,
    targets: TargetsFile,
    unit: ReportingUnit,
    period: Period,
    deadline: date,
    as_of: date | None,
) -> RoundStatus:
    sub = used_file(unit_files(report, targets, unit.code, period))
    status, late = report_timeliness(deadline, sub, as_of)
    if sub is None:
        return RoundStatus(unit.code, unit.name, round_name(targets, period), deadline, status, 0)
    return RoundStatus(
        unit.code,
        unit.name,
        round_name(targets, period),
        deadline,
        status,
        late,
        sub.file,
        sub.submitted_on,
        sub.date_source,
        sub.file_time,
        report.as_of is not None and sub.date_source is not DateSource.RECEIVED_LOG,
    )


def launch_statuses(
    targets: TargetsFile, drive: DriveFile, as_of: date | None = None
) -> list[LaunchStatus]:
    """Every unit but the city itself owes a launch document with its own targets (IV.2.a);
    a document received after ``as_of`` is not there yet."""
    return _documents(targets, drive.launch_documents, drive.calendar.launch_document_due, as_of)


def final_report_statuses(
    targets: TargetsFile, drive: DriveFile, as_of: date | None = None
) -> list[LaunchStatus]:
    """Every unit but the city itself owes a final report of its own drive (báo cáo tổng
    kết, IV.2.c), by the day the drive file sets (else by the final review)."""
    return _documents(targets, drive.final_reports, drive.calendar.final_reports_due(), as_of)


def _documents(
    targets: TargetsFile, docs: list[DocumentReceipt], due: date, as_of: date | None
) -> list[LaunchStatus]:
    rows = []
    for unit in targets.reporting_units:
        if unit.level is UnitLevel.CITY:
            continue
        doc = next((d for d in docs if d.unit == unit.code), None)
        if doc is not None and as_of is not None and doc.received > as_of:
            doc = None  # not there yet on the day the report is made as of
        status, late = timeliness_of(due, doc.received if doc else None, doc is not None, as_of)
        rows.append(
            LaunchStatus(
                unit.code,
                unit.name,
                due,
                status,
                late,
                doc.received if doc else None,
                doc.reference if doc else None,
            )
        )
    return rows
