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
    others = ", ".join(rest[:3]) + (f" and {len(rest) - 3} more" if len(rest) > 3 else "")
    return Issue(
        DUPLICATE,
        f"unit {sub.unit_code} sent more than one file for round {round_} (also {others}); "
        "none of them is used until one is removed",
        Location(sub.file),
        message_vi=f"đơn vị {sub.unit_code} gửi nhiều hơn một tệp cho đợt {round_} "
        f"(còn có {others}); chưa tệp nào được dùng cho đến khi bỏ bớt",
    )


def superseded_issue(old: Submission, used: Submission, round_: str | None = None) -> Issue:
    """The warning on a file that a later one replaces (for ``round_``, else its period)."""
    what = f"round {round_}" if round_ else f"{old.period}"
    what_vi = f"đợt {round_}" if round_ else f"kỳ {old.period}"
    if old.unfilled:
        return Issue(
            SUPERSEDED,
            f"an unfilled form beside {used.file}, the file with figures from unit "
            f"{old.unit_code} for {what}; this file is not used",
            Location(old.file),
            Severity.WARNING,
            f"biểu mẫu chưa điền, bên cạnh {used.file} là tệp có số liệu của đơn vị "
            f"{old.unit_code} cho {what_vi}; tệp này không được dùng",
        )
    when = f" (sent {used.submitted_on:%d/%m/%Y})" if used.submitted_on else ""
    when_vi = f" (gửi ngày {used.submitted_on:%d/%m/%Y})" if used.submitted_on else ""
    return Issue(
        SUPERSEDED,
        f"replaced by {used.file}{when}, a later file from unit {old.unit_code} for "
        f"{what}; this file is not used",
        Location(old.file),
        Severity.WARNING,
        f"đã được thay bằng {used.file}{when_vi}, tệp gửi sau của đơn vị {old.unit_code} cho "
        f"{what_vi}; tệp này không được dùng",
    )


def is_superseded(sub: Submission) -> bool:
    return sub.replaced_by is not None


def is_duplicate(sub: Submission) -> bool:
    return sub.duplicate
