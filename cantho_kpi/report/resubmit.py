"""Resubmissions: which of several files from one unit for one period is used. Pure.

A unit that sends a corrected file replaces its earlier one. Of two or more files, the one sent
last is used, by the day it was sent (``Ngày lập`` or the received log; a file's modification
time is too unreliable to order files by), then by a version mark at the end of its name:
``NK_2024-Q4_v2.xlsx`` (2), ``NK_2024-Q4 (1).xlsx`` (1), no mark (0). The others are
superseded. Only when the latest cannot be told apart (same day and same mark, or no days and
the same mark) is it the ``duplicate-submission`` error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from ..catalog import Said, both, day as shown_day
from ..domain import Round
from ..errors import Issue, Location, Severity
from ..submissions import Submission

SUPERSEDED = "superseded-submission"
DUPLICATE = "duplicate-submission"

_MARK = re.compile(r"(?:[ _-]+v(?P<v>[0-9]{1,3})|\s*\((?P<n>[0-9]{1,3})\))$", re.IGNORECASE)


def version_mark(file: str) -> int:
    """The version a file name ends with: ``_v2``, ``-V3``, `` v2``, `` (1)``; 0 when none."""
    match = _MARK.search(PurePath(file.replace("\\", "/")).stem)
    if match is None:
        return 0
    return int(match["v"] or match["n"])


@dataclass(frozen=True, slots=True)
class Ordering:
    """The file used (``None`` when the files cannot be ordered) and the ones it replaces."""

    used: Submission | None
    superseded: list[Submission] = field(default_factory=list)

    @property
    def orderable(self) -> bool:
        return self.used is not None


def _reliable_day(sub: Submission) -> date | None:
    """The day received (the log), else the day written (Ngày lập); never the file's time."""
    return sub.submitted_on


def order_resubmissions(subs: list[Submission]) -> Ordering:
    """Order files of one unit and period: the latest is used, the others are superseded. An
    unfilled form (``no-values``) never replaces a file with figures, however late it came."""
    filled = [s for s in subs if not s.unfilled]
    if filled and len(filled) < len(subs):
        among = order_resubmissions(filled)
        if among.used is None:
            return among
        return Ordering(among.used, [*among.superseded, *(s for s in subs if s.unfilled)])
    if len(subs) < 2:
        return Ordering(subs[0] if subs else None)
    days = [_reliable_day(s) for s in subs]
    by_day = all(day is not None for day in days)

    def key(index: int) -> tuple[date, int] | tuple[int]:
        mark = version_mark(subs[index].file)
        day = days[index]
        return (day, mark) if by_day and day is not None else (mark,)

    keys = [key(i) for i in range(len(subs))]
    best = max(keys)
    if keys.count(best) > 1:
        return Ordering(None)
    winner = keys.index(best)
    return Ordering(subs[winner], [s for i, s in enumerate(subs) if i != winner])


Claim = tuple[str, Round]  # (unit code, round)


def stand_ins(
    subs: Iterable[Submission], round_for: Callable[[Submission], Round | None]
) -> dict[Claim, tuple[list[Submission], Ordering]]:
    """The one rule, shared by ``kpi check`` and ``kpi progress``, for which file stands for a
    unit in a round: the files of each (unit, round) and their :func:`order_resubmissions`
    (a 2024-Q2 and a 2024-H1 file are one round's two files). Files with no unit or no round
    are left out: their own issues say why."""
    groups: dict[Claim, list[Submission]] = {}
    for sub in subs:
        found = round_for(sub)
        if sub.unit_code and found is not None:
            groups.setdefault((sub.unit_code, found), []).append(sub)
    return {claim: (group, order_resubmissions(group)) for claim, group in groups.items()}


def duplicate_issue(sub: Submission, group: list[Submission], round_: Round | None) -> Issue:
    """The error on each of several files of one unit and round that cannot be ordered."""
    rest = [s.file for s in group if s.file != sub.file]
    others: Said | str = ", ".join(rest[:3])
    if len(rest) > 3:
        more = both(" and {count} more", count=len(rest) - 3)
        others = others + more
    said = both(
        "unit {unit} sent more than one file for round {round} (also {others}); none of them is "
        "used until one is removed",
        unit=sub.unit_code,
        round=round_,
        others=others,
    )
    return Issue.said(DUPLICATE, said, Location(sub.file))


def superseded_issue(old: Submission, used: Submission, round_: str | None = None) -> Issue:
    """The warning on a file that a later one replaces (for ``round_``, else its period)."""
    if round_:
        what = both("round {round}", round=round_)
    else:
        what = both("period {period}", period=old.period)
    if old.unfilled:
        said = both(
            "an unfilled form beside {file}, the file with figures from unit {unit} for {what}; "
            "this file is not used",
            file=used.file,
            unit=old.unit_code,
            what=what,
        )
        return Issue.said(SUPERSEDED, said, Location(old.file), Severity.WARNING)
    when: Said | str = ""
    if used.submitted_on:
        when = both(" (sent {day})", day=shown_day(used.submitted_on))
    said = both(
        "replaced by {file}{when}, a later file from unit {unit} for {what}; this file is not used",
        file=used.file,
        when=when,
        unit=old.unit_code,
        what=what,
    )
    return Issue.said(SUPERSEDED, said, Location(old.file), Severity.WARNING)


def is_superseded(sub: Submission) -> bool:
    return sub.replaced_by is not None


def is_duplicate(sub: Submission) -> bool:
    return sub.duplicate
