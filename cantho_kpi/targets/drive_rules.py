"""More checks of the drive file that a schema cannot make: a unit in one cluster at a time,
tie-break rules given once, dates within reach of the drive, a document number that says where
the number goes. Pure; called by :func:`.drive.check_drive`, each check a function of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from ..domain import parse_period
from .drive_document import NUMBER_MARK
from .drive_model import Cluster, DriveFile
from .safeyaml import Path_

Found = tuple[str, str, Path_]
#: How long a drive may last: a term of the Party Congress is five years.
MAX_DRIVE_YEARS = 6


def check_more(drive: DriveFile, line_of: Callable[[Path_], int]) -> Iterator[Found]:
    yield from check_one_cluster(drive, line_of)
    yield from check_tie_break(drive)
    yield from check_dates_in_reach(drive)
    yield from check_document_number(drive)


def check_one_cluster(drive: DriveFile, line_of: Callable[[Path_], int]) -> Iterator[Found]:
    """A unit competes in one cluster or block at a time: in two whose periods overlap it
    would be ranked twice."""
    held: dict[str, list[tuple[int, Cluster]]] = {}
    for index, cluster in enumerate(drive.clusters):
        for position, member in enumerate(cluster.members):
            for other_index, other in held.get(member, []):
                if other is not cluster and _overlap(cluster, other):
                    yield (
                        "unit-in-two-clusters",
                        f"cluster {cluster.id}: {member} is also in {other.kind.value} "
                        f"{other.id} (line {line_of(('clusters', other_index))}) for the same "
                        "periods, so it would be ranked twice; keep it in one, or give the "
                        "clusters from/until periods that do not overlap",
                        ("clusters", index, "members", position),
                    )
                    break
            held.setdefault(member, []).append((index, cluster))


def _overlap(first: Cluster, second: Cluster) -> bool:
    """Whether two clusters exist together at some time (open ends reach for ever)."""
    start = [parse_period(c.from_) if c.from_ else None for c in (first, second)]
    end = [parse_period(c.until) if c.until else None for c in (first, second)]
    begins = max((p.first_month for p in start if p is not None), default=None)
    ends = min((p.last_month for p in end if p is not None), default=None)
    return begins is None or ends is None or begins <= ends


def check_tie_break(drive: DriveFile) -> Iterator[Found]:
    """Each tie-break rule once: a repeat can never break a tie the first did not."""
    seen: set[str] = set()
    for index, rule in enumerate(drive.scoring.tie_break):
        if rule in seen:
            yield (
                "duplicate-rule",
                f"scoring.tie_break: {rule} is given twice; give each rule once",
                ("scoring", "tie_break", index),
            )
        seen.add(rule)


def check_document_number(drive: DriveFile) -> Iterator[Found]:
    """The document's number says where the clerk writes the number, once, and holds no other
    braces (a mistyped ``{numbr}`` would be printed as it is)."""
    pattern = drive.document.number
    if pattern is None:
        return
    rest = pattern.replace(NUMBER_MARK, "", 1)
    if NUMBER_MARK not in pattern or "{" in rest or "}" in rest:
        yield (
            "document-number-pattern",
            f"document.number ({pattern!r}) must hold {NUMBER_MARK} once, where the clerk "
            f"writes the number, and no other braces: '{NUMBER_MARK}/BC-UBND'",
            ("document", "number"),
        )


def check_dates_in_reach(drive: DriveFile) -> Iterator[Found]:
    """A drive lasts a term at most, and every date of it falls before its end plus a year
    (the final review, late reports): 2099 or 9999 is a typing mistake."""
    cal = drive.calendar
    latest_end = _years_after(cal.launch, MAX_DRIVE_YEARS)
    if cal.end > latest_end:
        yield (
            "date-out-of-range",
            f"calendar.end ({cal.end:%d/%m/%Y}) is more than {MAX_DRIVE_YEARS} years after the "
            f"launch ({cal.launch:%d/%m/%Y}); a drive lasts a term at most: check the year",
            ("calendar", "end"),
        )
        return  # every other date would be measured against a wrong end
    reach = _years_after(cal.end, 1)
    for what, day, path in _dated(drive):
        if day > reach:
            yield (
                "date-out-of-range",
                f"{what} ({day:%d/%m/%Y}) is more than a year after the drive ends "
                f"({cal.end:%d/%m/%Y}); check the year",
                path,
            )


def _dated(drive: DriveFile) -> Iterator[tuple[str, date, Path_]]:
    """Every date of the drive file after its launch and end, with what it is and its path."""
    cal = drive.calendar
    yield (
        "calendar.launch_document_due",
        cal.launch_document_due,
        ("calendar", "launch_document_due"),
    )
    yield "calendar.interim_review", _month(cal.interim_review), ("calendar", "interim_review")
    yield "calendar.final_review", _month(cal.final_review), ("calendar", "final_review")
    for index, item in enumerate(cal.rounds):
        yield (
            f"round {item.round}: the deadline",
            item.deadline,
            ("calendar", "rounds", index, "deadline"),
        )
    for index, doc in enumerate(drive.launch_documents):
        where: Path_ = ("launch_documents", index, "received")
        yield f"launch document of {doc.unit}: received", doc.received, where


def _years_after(day: date, years: int) -> date:
    """The same day ``years`` later (28 February for 29 February; the last day there is)."""
    if day.year + years > date.max.year:
        return date.max
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _month(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), 1)
