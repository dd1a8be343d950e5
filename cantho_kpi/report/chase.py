"""Who to chase: the units whose report for a round is missing, late or incomplete, with what is
missing and whom to call. Pure: ``as_of`` is the day the list is made."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from ..domain import Period, Status
from ..targets import DriveFile, TargetsFile
from .calendar import RoundStatus, Timeliness, round_statuses
from .model import Report

#: The statuses that mean "this figure still has to come".
OWED = (Status.MISSING, Status.INVALID)


@dataclass(frozen=True, slots=True)
class ChaseItem(RoundStatus):
    """One unit to chase for one round: its report against the deadline, and what it still
    owes."""

    whole_file: bool = False  # nothing came: the whole report is owed
    indicators: list[str] = field(default_factory=list)  # missing or unreadable in the file
    contact: str | None = None


def chase_list(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period | None = None,
    as_of: date | None = None,
) -> list[ChaseItem]:
    """Units not received (once the deadline has passed), late, or with figures owed."""
    items = []
    periods = [period] if period is not None else None  # a round nobody sent is chased too
    for row in round_statuses(targets, drive, report, as_of, periods):
        owed = _owed(report, row)
        if row.status in (Timeliness.LATE, Timeliness.NOT_RECEIVED) or owed:
            items.append(_item(drive, row, owed))
    return items


def _owed(report: Report, row: RoundStatus) -> list[str]:
    if row.file is None:
        return []
    return [r.code for r in report.results if r.file == row.file and r.status in OWED]


def _item(drive: DriveFile, row: RoundStatus, owed: list[str]) -> ChaseItem:
    contact = drive.contacts.get(row.unit_code)
    text = None
    if contact is not None:
        text = ", ".join(p for p in (contact.name, contact.phone, contact.email) if p) or None
    shared = {f.name: getattr(row, f.name) for f in fields(RoundStatus)}
    return ChaseItem(**shared, whole_file=row.file is None, indicators=owed, contact=text)
