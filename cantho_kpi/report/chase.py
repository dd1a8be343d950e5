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

    whole_file: bool = False  # nothing came, or nothing could be read: the whole report is owed
    indicators: list[str] = field(default_factory=list)  # missing or unreadable in the file
    contact: str | None = None


def chase_list(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period | None = None,
    as_of: date | None = None,
) -> list[ChaseItem]:
    """Units not received (once the deadline has passed), late, or with figures owed; and the
    units whose day of receipt is unknown (status ``unknown``), for the office to fill its log
    (they are not to be chased for it: see :func:`to_chase`)."""
    items = []
    periods = [period] if period is not None else None  # a round nobody sent is chased too
    for row in round_statuses(targets, drive, report, as_of, periods):
        unreadable = row.file is not None and row.file in report.unreadable
        owed = _owed(report, row.file) if row.file is not None and not unreadable else []
        if row.status in _LISTED or owed or unreadable:
            items.append(_item(drive, row, row.file is None or unreadable, owed))
    return items


_LISTED = (Timeliness.LATE, Timeliness.NOT_RECEIVED, Timeliness.UNKNOWN)


def to_chase(items: list[ChaseItem]) -> list[ChaseItem]:
    """Those a unit must be asked for something: a report, a late one, figures. A day of
    receipt the office does not know is the office's to fill in, not the unit's fault."""
    return [i for i in items if i.status is not Timeliness.UNKNOWN or i.whole_file or i.indicators]


def _owed(report: Report, file: str) -> list[str]:
    return [r.code for r in report.results if r.file == file and r.status in OWED]


def _item(drive: DriveFile, row: RoundStatus, whole: bool, owed: list[str]) -> ChaseItem:
    contact = drive.contacts.get(row.unit_code)
    text = None
    if contact is not None:
        text = ", ".join(p for p in (contact.name, contact.phone, contact.email) if p) or None
    shared = {f.name: getattr(row, f.name) for f in fields(RoundStatus)}
    return ChaseItem(**shared, whole_file=whole, indicators=owed, contact=text)
