"""Submissions of many rounds -> the figures of each (unit, indicator), round by round. Pure.

Which file stands for a unit in a round is the rule ``kpi check`` uses (:func:`.stand_ins`): a
2024-Q2 and a 2024-H1 file are one round's two files, a later file replaces an earlier one,
and two files that cannot be ordered leave the round out (``duplicate-submission``). Each
round's figure becomes a :class:`Point` of the year it was reported in; which of them stands for
a year, and which the verdict counts, is :mod:`.yearly`'s business. A file that names no period
takes its folder's name (``2023/``), with a warning saying so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from ..catalog import both
from ..domain import Period, Round, RoundsMode, parse_period, round_of
from ..errors import Issue, Location, Severity
from ..submissions import Submission, ValueState
from .progress import Point
from .receipts import Receipts
from .resubmit import duplicate_issue, stand_ins, superseded_issue

SeriesKey = tuple[str, str]  # (unit code, indicator code)


@dataclass(slots=True)
class Archive:
    """The figures read from an archive of rounds, and what was noticed on the way."""

    series: dict[SeriesKey, list[Point]] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    rounds: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: Files whose round was taken from their folder's name.
    from_folder: set[str] = field(default_factory=set)


def build_archive(
    submissions: Iterable[Submission],
    *,
    as_of: int | None = None,
    mode: RoundsMode = RoundsMode.YEAR_TO_DATE,
    receipts: Receipts | None = None,
) -> Archive:
    """Every round's figures of every unit and indicator, from the file that stands for it.
    Each file's day of receipt is settled as ``kpi check`` settles it (``receipts``: the
    offices' logs), so that both commands order resubmissions alike."""
    archive = Archive()
    settled = receipts or Receipts()
    periods: dict[str, Period] = {}
    subs: list[Submission] = []
    for sub in submissions:
        period = _period_of(sub, archive) if sub.unit_code is not None else None
        if period is not None and (as_of is None or period.year <= as_of):
            periods[sub.file] = period
            subs.append(settled.settle(sub, period.year))
    archive.issues.extend(i for _, found in settled.log_issues() for i in found)
    claims = stand_ins(subs, lambda sub: round_of(periods[sub.file], mode))
    for (unit, found), (group, ordering) in sorted(claims.items()):
        if unit not in archive.units:
            archive.units.append(unit)
        if str(found) not in archive.rounds:
            archive.rounds.append(str(found))
        used = ordering.used
        if used is None:
            archive.issues.extend(duplicate_issue(s, group, found) for s in group)
            continue
        archive.issues.extend(superseded_issue(s, used, str(found)) for s in group if s is not used)
        _add_points(archive, used, unit, found, periods[used.file])
    archive.rounds.sort(key=_round_key)
    return archive


def _round_key(name: str) -> tuple[int, int]:
    year, _, rest = name.partition("-")
    order = {"": 12, "Q1": 3, "H1": 6, "Q2": 6, "Q3": 9, "9M": 9, "H2": 13, "Q4": 12}
    return int(year), order.get(rest, 12)


def _period_of(sub: Submission, archive: Archive) -> Period | None:
    """The file's period: as the file says, else as its folder is named (with a warning that
    replaces the reader's ``missing-period``)."""
    if sub.period is not None:
        return parse_period(sub.period)
    folder = PurePath(sub.file).parent.name
    period = parse_period(folder) if folder else None
    if period is not None:
        archive.from_folder.add(sub.file)
        archive.issues.append(
            Issue.said(
                "period-from-folder",
                both("the file names no period; the folder's name gives {period}", period=period),
                Location(sub.file),
                Severity.WARNING,
            )
        )
    return period


def _add_points(archive: Archive, sub: Submission, unit: str, found: Round, period: Period) -> None:
    # the month of the year at which the figures stand: a report that ends in December (the
    # year, Q4 or a second half-year) gives the year's figure
    month = found.first_month + found.months if period.last_month % 12 != 11 else 12
    for value in sub.values:
        if value.state is not ValueState.VALUE or value.value is None:
            continue
        point = Point(
            year=period.year,
            value=value.value,
            period=str(period),
            provisional=month < 12,
            file=sub.file,
            location=value.location,
            estimate=value.estimate,
            month=month,
        )
        archive.series.setdefault((unit, value.code), []).append(point)
