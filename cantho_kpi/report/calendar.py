"""The drive's calendar applied to a report: who reported on time, who late, who not at all;
who sent the launch document by its deadline. Pure: the day "today" is given (``as_of``).

Rules (``docs/domain.md``, "The drive's calendar"): days only, never times or time zones; the
deadline day itself is on time; a unit is late by the number of days after the deadline. The
file judged is the one used (a resubmission's, not the file it replaced).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..domain import Period, parse_period, round_of
from ..submissions import DateSource, Submission, file_name_parts
from ..targets import DriveFile, ReportingUnit, TargetsFile, UnitLevel, drive_round_of
from .model import Report
from .resubmit import is_superseded


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    NOT_RECEIVED = "not_received"  # nothing, and the deadline has passed (or no as_of given)
    NOT_DUE = "not_due"  # nothing yet, but the deadline has not passed on the as_of day
    UNKNOWN = "unknown"  # received, but no day is known


def timeliness_of(
    deadline: date, sent: date | None, received: bool = True, as_of: date | None = None
) -> tuple[Timeliness, int]:
    """(status, days late) of something due on ``deadline``, that day included."""
    if not received:
        due = as_of is None or as_of > deadline
        return (Timeliness.NOT_RECEIVED if due else Timeliness.NOT_DUE), 0
    if sent is None:
        return Timeliness.UNKNOWN, 0
    late = (sent - deadline).days
    return (Timeliness.LATE, late) if late > 0 else (Timeliness.ON_TIME, 0)


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
    date_source: str | None = None

    @property
    def unreliable(self) -> bool:
        """The day comes from the file's modification time."""
        return self.date_source == DateSource.FILE_TIME


@dataclass(frozen=True, slots=True)
class LaunchStatus:
    """Whether a unit's launch document came by the deadline (31/03/2024 in the plan)."""

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
    sent = sub.submitted_on if sub else None
    status, late = timeliness_of(deadline, sent, sub is not None, as_of)
    return RoundStatus(
        unit.code,
        unit.name,
        round_name(targets, period),
        deadline,
        status,
        late,
        sub.file if sub else None,
        sent,
        sub.date_source if sub else None,
    )


def launch_statuses(
    targets: TargetsFile, drive: DriveFile, as_of: date | None = None
) -> list[LaunchStatus]:
    """Every unit but the city itself owes a launch document with its own targets."""
    due = drive.calendar.launch_document_due
    rows = []
    for unit in targets.reporting_units:
        if unit.level is UnitLevel.CITY:
            continue
        doc = drive.launch_document(unit.code)
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
