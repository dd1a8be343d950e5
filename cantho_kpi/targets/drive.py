"""The drive file beside the targets file: YAML text -> :class:`DriveFile` + issues with
``line:col`` positions, read like the targets file (safe YAML, pydantic's wording translated,
then the checks a schema cannot make: dates in order, a deadline for every round of the drive,
clusters of known units)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from ..catalog import N_, Said, both
from ..domain import Period, parse_period
from ..errors import Issue, Location
from .drive_model import (
    DocumentReceipt,
    DriveFile,
    drive_round_of,
    review_first_day,
    review_last_day,
)
from .drive_rules import MAX_DRIVE_YEARS, check_more
from .locate import DRIVE_FILE_NAME, drive_path
from .result import DriveResult
from .safeyaml import Path_, capped, parse, read_yaml_source
from .wording import Translator

Found = tuple[str, Said, Path_]
__all__ = ["DRIVE_FILE_NAME", "DriveResult", "check_drive", "drive_path", "load_drive"]


def load_drive(
    path: Path,
    display: str | None = None,
    units: set[str] | None = None,
    codes: set[str] | None = None,
) -> DriveResult:
    """Load and check a drive file; ``units`` and ``codes`` (from the targets file) are the unit
    and indicator codes it may name. Raises :class:`KpiError` only if it cannot be read."""
    shown = display if display is not None else str(path)
    issues: list[Issue] = []
    text = read_yaml_source(path, shown, issues)
    if text is None:
        return DriveResult(shown, None, issues)
    doc = parse(text, shown, issues)
    if doc is None:
        return DriveResult(shown, None, issues)
    if not isinstance(doc.data, dict):
        where = Location(shown, *doc.position(()))
        message = both(
            "the drive file must be a mapping with keys schema_version, name and calendar"
        )
        return DriveResult(shown, None, [*issues, Issue.said("wrong-type", message, where)])
    drive = None
    try:
        drive = DriveFile.model_validate(doc.data)
    except ValidationError as exc:
        translator = Translator(doc, shown, DriveFile)
        for error in exc.errors():
            if error["type"] == "extra_forbidden" or tuple(error["loc"]) not in doc.reported:
                issues.append(translator.issue(error))
    if drive is not None:
        for code, message, path_ in check_drive(drive, units, codes, doc.line_of):
            issues.append(Issue.said(code, message, Location(shown, *doc.position(path_))))
    issues.sort(key=lambda i: (i.location.line or 0, i.location.col or 0))
    return DriveResult(shown, drive if not issues else None, capped(issues, shown))


def check_drive(
    drive: DriveFile,
    units: set[str] | None,
    codes: set[str] | None,
    line_of: Callable[[Path_], int] = lambda _: 0,
) -> Iterator[Found]:
    """What a schema cannot say about a drive file. Pure."""
    yield from _check_dates(drive)
    yield from _check_rounds(drive, line_of)
    yield from _check_reviews(drive, line_of)
    yield from _check_clusters(drive, units, line_of)
    yield from _check_units(drive, units, codes, line_of)
    yield from _check_awards(drive, units, line_of)
    yield from check_more(drive, line_of)


def _month_start(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), 1)


def _check_dates(drive: DriveFile) -> Iterator[Found]:
    cal = drive.calendar
    interim, final = review_first_day(cal.interim_review), review_first_day(cal.final_review)
    steps = [
        ("launch", cal.launch, "end", cal.end),
        ("launch", cal.launch, "launch_document_due", cal.launch_document_due),
        ("launch_document_due", cal.launch_document_due, "end", cal.end),
        ("launch", cal.launch, "interim_review", interim),
        ("interim_review", interim, "final_review", final),
    ]
    for first, early, second, late in steps:
        if late < early:
            yield (
                "date-order",
                both(
                    "calendar.{later} ({later_day}) comes before calendar.{earlier} "
                    "({earlier_day}); put the dates in order",
                    later=second,
                    later_day=format(late, "%d/%m/%Y"),
                    earlier=first,
                    earlier_day=format(early, "%d/%m/%Y"),
                ),
                ("calendar", second),
            )


def _quarters(first: date, last: date) -> list[Period]:
    start = first.year * 12 + (first.month - 1) // 3 * 3
    end = last.year * 12 + (last.month - 1) // 3 * 3
    return [Period(month, 3) for month in range(start, end + 1, 3)]


def _round_end(period: Period) -> date:
    year, month = divmod(period.last_month, 12)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _check_rounds(drive: DriveFile, line_of: Callable[[Path_], int]) -> Iterator[Found]:
    seen: dict[Period, int] = {}
    previous: date | None = None
    for index, item in enumerate(drive.calendar.rounds):
        path: Path_ = ("calendar", "rounds", index)
        period = item.period
        if period in seen:
            first = line_of(("calendar", "rounds", seen[period]))
            yield (
                "duplicate-round",
                both(
                    "round {period} is given twice (first on line {line}); keep one deadline",
                    period=period,
                    line=first,
                ),
                (*path, "round"),
            )
            continue
        seen[period] = index
        yield from _check_deadline(period, item.deadline, item.estimate, path)
        if previous is not None and item.deadline < previous:
            yield (
                "date-order",
                both(
                    "round {period}: the deadline {deadline} comes before the previous "
                    "round's; list the rounds in order",
                    period=period,
                    deadline=format(item.deadline, "%d/%m/%Y"),
                ),
                (*path, "deadline"),
            )
        previous = item.deadline
    cal = drive.calendar
    if cal.end.year - cal.launch.year > MAX_DRIVE_YEARS:
        return  # a wrong end (date-out-of-range): its quarters would be thousands of lines
    for quarter in _quarters(cal.launch, cal.end):
        if drive_round_of(quarter) not in seen:
            yield (
                "round-without-deadline",
                both(
                    "round {round} of the drive has no deadline; add '- {{round: "
                    "{round}, deadline: ...}}' to calendar.rounds",
                    round=quarter,
                ),
                ("calendar", "rounds"),
            )


def _check_deadline(period: Period, deadline: date, estimate: bool, path: Path_) -> Iterator[Found]:
    """A round of figures is reported once it is over; a round of estimates ("ước thực hiện")
    may be due in its last month, never before it."""
    end = _round_end(period)
    last_month = date(end.year, end.month, 1)
    if not estimate and deadline <= end:
        yield (
            "deadline-before-round-end",
            both(
                "round {period}: the deadline {deadline} is not after the round "
                "ends ({end}); a round is reported once it is over (or, reported "
                "as estimates, 'ước thực hiện', mark it 'estimate: true')",
                period=period,
                deadline=format(deadline, "%d/%m/%Y"),
                end=format(end, "%d/%m/%Y"),
            ),
            (*path, "deadline"),
        )
    elif estimate and deadline < last_month:
        yield (
            "deadline-before-round-end",
            both(
                "round {period}: the deadline {deadline} comes before the round's "
                "last month ({last_month}), too early even for estimates",
                period=period,
                deadline=format(deadline, "%d/%m/%Y"),
                last_month=format(last_month, "%m/%Y"),
            ),
            (*path, "deadline"),
        )


def _check_reviews(drive: DriveFile, line_of: Callable[[Path_], int]) -> Iterator[Found]:
    """Each review comes after the deadline of the round it uses (else it is built from data
    that arrives after it), and the final review after the units' final reports are due."""
    cal = drive.calendar
    for final in (False, True):
        key = "final_review" if final else "interim_review"
        when = cal.final_review if final else cal.interim_review
        period = cal.review_round(final)
        index = next((i for i, r in enumerate(cal.rounds) if r.period == period), None)
        round_key = "final_round" if final else "interim_round"
        if index is None:
            yield (
                "unknown-reference",
                both(
                    "calendar.{key} reviews round {period}, which has no deadline in "
                    "calendar.rounds; add it there or name another round in "
                    "calendar.{round_key}",
                    key=key,
                    period=period,
                    round_key=round_key,
                ),
                ("calendar", round_key if getattr(cal, round_key) else key),
            )
            continue
        deadline = cal.rounds[index].deadline
        if review_last_day(when) <= deadline:
            line = line_of(("calendar", "rounds", index, "deadline"))
            yield (
                "review-before-deadline",
                both(
                    "calendar.{key} ({when}) is not after the deadline of the "
                    "round it reviews, {period} ({deadline}, line {line}): the review "
                    "would be made from reports that arrive after it; set the round's "
                    "deadline before the review (reported as estimates, 'estimate: "
                    "true') or the review after it",
                    key=key,
                    when=_when_text(when),
                    period=period,
                    deadline=format(deadline, "%d/%m/%Y"),
                    line=line,
                ),
                ("calendar", key),
            )
    due = cal.final_reports_due()
    if cal.final_report_due is not None and review_last_day(cal.final_review) <= due:
        line = line_of(("calendar", "final_report_due"))
        yield (
            "review-before-deadline",
            both(
                "calendar.final_review ({when}) is not after the day units' "
                "final reports are due ({due}, line {line}); set that day before it",
                when=_when_text(cal.final_review),
                due=format(due, "%d/%m/%Y"),
                line=line,
            ),
            ("calendar", "final_review"),
        )


def _when_text(text: str) -> str:
    return f"{text[5:7]}/{text[:4]}" if len(text) == 7 else f"{date.fromisoformat(text):%d/%m/%Y}"


def _check_clusters(
    drive: DriveFile, units: set[str] | None, line_of: Callable[[Path_], int]
) -> Iterator[Found]:
    ids: dict[str, int] = {}
    for index, cluster in enumerate(drive.clusters):
        path: Path_ = ("clusters", index)
        if cluster.id in ids:
            first = line_of(("clusters", ids[cluster.id]))
            yield (
                "duplicate-code",
                both(
                    "cluster id {id} is given twice (first on line {line})",
                    id=repr(cluster.id),
                    line=first,
                ),
                (*path, "id"),
            )
        ids.setdefault(cluster.id, index)
        first_p = parse_period(cluster.from_) if cluster.from_ else None
        last_p = parse_period(cluster.until) if cluster.until else None
        if first_p is not None and last_p is not None and last_p.last_month < first_p.first_month:
            yield (
                "period-order",
                both(
                    "cluster {cluster}: 'until' ({last}) is before 'from' ({first})",
                    cluster=cluster.id,
                    last=cluster.until,
                    first=cluster.from_,
                ),
                (*path, "until"),
            )
        seen: set[str] = set()
        for position, member in enumerate(cluster.members):
            where: Path_ = (*path, "members", position)
            if member in seen:
                yield (
                    "duplicate-code",
                    both(
                        "cluster {cluster}: {member} is listed twice",
                        cluster=cluster.id,
                        member=member,
                    ),
                    where,
                )
            seen.add(member)
            if units is not None and member not in units:
                yield (
                    "unknown-unit",
                    both(
                        "cluster {cluster}: {member} is not a reporting unit of the targets "
                        "file; add it to reporting_units there or fix the code",
                        cluster=cluster.id,
                        member=member,
                    ),
                    where,
                )


def _check_units(
    drive: DriveFile,
    units: set[str] | None,
    codes: set[str] | None,
    line_of: Callable[[Path_], int],
) -> Iterator[Found]:
    for key, what in (
        ("launch_documents", N_("launch document")),
        ("final_reports", N_("final report")),
    ):
        docs: list[DocumentReceipt] = getattr(drive, key)
        yield from _check_documents(drive, key, what, docs, units, line_of)
    yield from _check_references(drive, units, codes)


def _check_documents(
    drive: DriveFile,
    key: str,
    what: str,
    docs: list[DocumentReceipt],
    units: set[str] | None,
    line_of: Callable[[Path_], int],
) -> Iterator[Found]:
    launch = drive.calendar.launch
    seen: dict[str, int] = {}
    for index, doc in enumerate(docs):
        path: Path_ = (key, index)
        if doc.unit in seen:
            first = line_of((key, seen[doc.unit]))
            yield (
                "duplicate-code",
                both(
                    "{what} of {unit} is given twice (first on line {line})",
                    what=both(what),
                    unit=doc.unit,
                    line=first,
                ),
                (*path, "unit"),
            )
        seen.setdefault(doc.unit, index)
        if units is not None and doc.unit not in units:
            yield (
                "unknown-unit",
                both("{unit} is not a reporting unit", unit=doc.unit),
                (*path, "unit"),
            )
        if doc.received < launch:
            yield (
                "date-order",
                both(
                    "{what} of {unit}: received {received}, before the drive was "
                    "launched ({launch})",
                    what=both(what),
                    unit=doc.unit,
                    received=format(doc.received, "%d/%m/%Y"),
                    launch=format(launch, "%d/%m/%Y"),
                ),
                (*path, "received"),
            )


def _check_awards(
    drive: DriveFile, units: set[str] | None, line_of: Callable[[Path_], int]
) -> Iterator[Found]:
    """Award kinds are named once; the list of candidates is made only for an award the city
    gives at the final review (a Giấy khen is each head's, under their own authority);
    awards already given name known units."""
    awards = drive.awards
    ids: dict[str, int] = {}
    for index, kind in enumerate(awards.kinds):
        if kind.id in ids:
            first = line_of(("awards", "kinds", ids[kind.id]))
            yield (
                "duplicate-code",
                both(
                    "award kind {id} is given twice (first on line {line})",
                    id=repr(kind.id),
                    line=first,
                ),
                ("awards", "kinds", index, "id"),
            )
        ids.setdefault(kind.id, index)
    chosen = awards.candidate_award()
    where: Path_ = ("awards", "candidate_for")
    if chosen is None:
        known = ", ".join(k.id for k in awards.kinds) or both("none")
        yield (
            "unknown-reference",
            both(
                "awards.candidate_for: {award} is not an award kind (the kinds: {kinds})",
                award=repr(awards.candidate_for),
                kinds=known,
            ),
            where,
        )
    elif chosen.given_by != "city" or "final_review" not in chosen.at:
        yield (
            "not-a-city-award",
            both(
                "awards.candidate_for: {award} is given by {authority} ({plan}), not "
                "by the city at the final review: no list of candidates is made "
                "for another unit's head; name the city's award (bang-khen)",
                award=chosen.id,
                authority=chosen.authority,
                plan=chosen.plan or both("the plan"),
            ),
            where,
        )
    for index, given in enumerate(awards.given):
        if units is not None and given.unit not in units:
            yield (
                "unknown-unit",
                both("awards.given: {unit} is not a reporting unit", unit=given.unit),
                ("awards", "given", index, "unit"),
            )


def _check_references(
    drive: DriveFile, units: set[str] | None, codes: set[str] | None
) -> Iterator[Found]:
    """Contacts name known units; weights known indicators and are positive; deductions >= 0."""
    for code in drive.contacts:
        if units is not None and code not in units:
            yield (
                "unknown-unit",
                both("contacts: {code} is not a reporting unit", code=code),
                ("contacts", code),
            )
    for code in drive.scoring.weights:
        if codes is not None and code not in codes:
            yield (
                "unknown-reference",
                both("scoring.weights: {code} is not an indicator of the targets file", code=code),
                ("scoring", "weights", code),
            )
    scoring = drive.scoring
    for key, value in (
        ("late_report", scoring.late_report),
        ("invalid_file", scoring.invalid_file),
    ):
        if value < 0:
            yield (
                "negative-deduction",
                both("scoring.{key} must be 0 or more", key=key),
                ("scoring", key),
            )
    for code, weight in scoring.weights.items():
        if weight <= 0:
            yield (
                "bad-weight",
                both("scoring.weights.{code} must be above 0", code=code),
                ("scoring", "weights", code),
            )
