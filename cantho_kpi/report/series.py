"""Submissions of many rounds -> one yearly series per (unit, indicator). Pure: no I/O.

Reports are year-to-date (``docs/domain.md``): the round that ends in December (``2024-Q4``,
``2024-H2``, ``2024``) is the year's figure; a year whose December round is not there takes its
last round, marked provisional. A file that names no period takes its folder's name
(``2023/``), with a warning saying so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from ..domain import Period, parse_period
from ..errors import Issue, Location, Severity
from ..submissions import Submission, ValueState
from .progress import Point
from .resubmit import order_resubmissions, superseded_issue

SeriesKey = tuple[str, str]  # (unit code, indicator code)


@dataclass(slots=True)
class Archive:
    """The yearly series read from an archive of rounds, and what was noticed on the way."""

    series: dict[SeriesKey, list[Point]] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    rounds: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: Files whose round was taken from their folder's name.
    from_folder: set[str] = field(default_factory=set)


def build_archive(submissions: Iterable[Submission], *, as_of: int | None = None) -> Archive:
    """The series of every unit and indicator, from the last round of each year."""
    archive = Archive()
    chosen: dict[tuple[str, int], tuple[Period, list[Submission]]] = {}
    for sub in submissions:
        if sub.unit_code is None:
            continue  # unreadable, or no unit: its own issues say so
        period = _round_of(sub, archive)
        if period is None:
            continue
        if as_of is not None and period.year > as_of:
            continue
        key = (sub.unit_code, period.year)
        held = chosen.get(key)
        if held is None or period.last_month > held[0].last_month:
            chosen[key] = (period, [sub])
        elif period == held[0]:
            held[1].append(sub)
    for (unit, _), (period, subs) in sorted(chosen.items()):
        if unit not in archive.units:
            archive.units.append(unit)
        if str(period) not in archive.rounds:
            archive.rounds.append(str(period))
        used = order_resubmissions(subs).used  # a corrected file replaces the earlier one
        if used is None:
            archive.issues.extend(_duplicate(s, subs, period) for s in subs)
            continue
        archive.issues.extend(superseded_issue(s, used) for s in subs if s is not used)
        _add_points(archive, used, unit, period)
    archive.rounds.sort(key=lambda r: (len(r), r))
    return archive


def _round_of(sub: Submission, archive: Archive) -> Period | None:
    """The file's round: as the file says, else as its folder is named (with a warning that
    replaces the reader's ``missing-period``)."""
    if sub.period is not None:
        return parse_period(sub.period)
    folder = PurePath(sub.file).parent.name
    period = parse_period(folder) if folder else None
    if period is not None:
        archive.from_folder.add(sub.file)
        archive.issues.append(
            Issue(
                "period-from-folder",
                f"the file names no period; the folder's name gives {period}",
                Location(sub.file),
                Severity.WARNING,
                f"tệp không ghi kỳ báo cáo; lấy kỳ {period} theo tên thư mục",
            )
        )
    return period


def _add_points(archive: Archive, sub: Submission, unit: str, period: Period) -> None:
    provisional = period.last_month % 12 != 11  # not the December (year-end) round
    for value in sub.values:
        if value.state is not ValueState.VALUE or value.value is None:
            continue
        point = Point(
            year=period.year,
            value=value.value,
            period=str(period),
            provisional=provisional,
            file=sub.file,
            location=value.location,
        )
        archive.series.setdefault((unit, value.code), []).append(point)


def _duplicate(sub: Submission, subs: list[Submission], period: Period) -> Issue:
    others = ", ".join(s.file for s in subs if s.file != sub.file)
    return Issue(
        "duplicate-submission",
        f"unit {sub.unit_code} sent more than one file for {period} (also {others}); the "
        "year is left out of its series until one is removed",
        Location(sub.file),
        message_vi=f"đơn vị {sub.unit_code} gửi nhiều hơn một tệp cho kỳ {period} (còn có "
        f"{others}); năm này bị bỏ khỏi chuỗi số liệu cho đến khi bỏ bớt một tệp",
    )
