"""More checks of the drive file that a schema cannot make: a unit in one cluster at a time,
tie-break rules given once, dates within reach of the drive, a document number that says where
the number goes. Pure; called by :func:`.drive.check_drive`, each check a function of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from ..catalog import N_, Said, both
from ..domain import parse_period
from .drive_document import NUMBER_MARK
from .drive_model import Cluster, ClusterKind, DriveFile
from .safeyaml import Path_

Found = tuple[str, Said, Path_]
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
                        both(
                            "cluster {cluster}: {member} is also in {kind} {other} (line {line}) "
                            "for the same periods, so it would be ranked twice; keep it in "
                            "one, or give the clusters from/until periods that do not overlap",
                            cluster=cluster.id,
                            member=member,
                            kind=both(_KIND_WORDS[other.kind]),
                            other=other.id,
                            line=line_of(("clusters", other_index)),
                        ),
                        ("clusters", index, "members", position),
                    )
                    break
            held.setdefault(member, []).append((index, cluster))


#: What a cluster of the drive file is, in words (the file says ``cluster`` or ``block``).
_KIND_WORDS = {ClusterKind.CLUSTER: N_("cluster"), ClusterKind.BLOCK: N_("block")}


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
                both("scoring.tie_break: {rule} is given twice; give each rule once", rule=rule),
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
            both(
                "document.number ({pattern}) must hold {mark} once, where the clerk "
                "writes the number, and no other braces: '{mark}/BC-UBND'",
                pattern=repr(pattern),
                mark=NUMBER_MARK,
            ),
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
            both(
                "calendar.end ({end}) is more than {years} years after "
                "the launch ({launch}); a drive lasts a term at most: check the "
                "year",
                end=format(cal.end, "%d/%m/%Y"),
                years=MAX_DRIVE_YEARS,
                launch=format(cal.launch, "%d/%m/%Y"),
            ),
            ("calendar", "end"),
        )
        return  # every other date would be measured against a wrong end
    reach = _years_after(cal.end, 1)
    for what, day, path in _dated(drive):
        if day > reach:
            yield (
                "date-out-of-range",
                both(
                    "{what} ({day}) is more than a year after the drive ends ({end}); "
                    "check the year",
                    what=what,
                    day=format(day, "%d/%m/%Y"),
                    end=format(cal.end, "%d/%m/%Y"),
                ),
                path,
            )


def _dated(drive: DriveFile) -> Iterator[tuple[Said | str, date, Path_]]:
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
            both("round {round}: the deadline", round=item.round),
            item.deadline,
            ("calendar", "rounds", index, "deadline"),
        )
    for index, doc in enumerate(drive.launch_documents):
        where: Path_ = ("launch_documents", index, "received")
        yield both("launch document of {unit}: received", unit=doc.unit), doc.received, where


def _years_after(day: date, years: int) -> date:
    """The same day ``years`` later (28 February for 29 February; the last day there is)."""
    if day.year + years > date.max.year:
        return date.max
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _month(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), 1)
