"""Shares that must add up: the parts of a whole (the economic structure's four shares of GRDP,
``kind: shares`` with ``total: 100``) reported by one unit in one file. Pure.

A unit whose reported parts differ from the total by more than the group's
``total_tolerance`` (a setting, 1 point by default: rounding) gets a ``shares-do-not-add-up``
warning naming the cells and the sum. Only a complete set of parts is summed: a share not
reported leaves nothing to check. Rates of sub-groups (the urban and rural clean-water rates
beside the overall one) are not parts of a whole and belong to no such group.
"""

from __future__ import annotations

from decimal import Decimal

from ..catalog import Said, both, numbers
from ..errors import Issue, Location, Severity
from ..submissions import Submission, ValueState
from ..targets import Group, GroupKind, TargetsFile

SHARES_CODE = "shares-do-not-add-up"


def shares_issues(targets: TargetsFile, sub: Submission) -> list[Issue]:
    """The warnings of one file: one per group of shares whose parts do not add up."""
    given = {v.code: v for v in sub.values if v.state is ValueState.VALUE and v.value is not None}
    found = []
    for group in targets.groups:
        if group.kind is not GroupKind.SHARES or not all(m in given for m in group.members):
            continue
        parts = [(code, given[code].value, given[code].location) for code in group.members]
        total = sum((value for _, value, _ in parts if value is not None), Decimal(0))
        if abs(total - group.total) > group.total_tolerance:
            found.append(_issue(sub, group, parts, total))
    return found


def _issue(
    sub: Submission,
    group: Group,
    parts: list[tuple[str, Decimal | None, str | None]],
    total: Decimal,
) -> Issue:
    cells = [_cell(location) for _, _, location in parts]
    listed = Said.same(", ").join(
        _part(code, value, cell) for (code, value, _), cell in zip(parts, cells, strict=True)
    )
    said = both(
        "the shares of {group} add up to {total}, not {whole} (± {tolerance}): {listed}; check "
        "the figures, or say in a note why they do not add up",
        group=group.id,
        total=numbers(total),
        whole=numbers(group.total),
        tolerance=numbers(group.total_tolerance),
        listed=listed,
    )
    first = cells[0] if isinstance(cells[0], str) else None  # a workbook's cell, not a line
    where = Location(sub.file, sheet=sub.sheet, cell=first) if sub.sheet else Location(sub.file)
    return Issue.said(SHARES_CODE, said, where, Severity.WARNING)


def _part(code: str, value: Decimal | None, cell: Said | str | None) -> Said:
    """``CT05a 40 (D12)``: a share, its value (``?`` when it has none) and where it is."""
    said = code + " " + (numbers(value) if value is not None else Said.same("?"))
    return said + " (" + cell + ")" if cell else said


def _cell(location: str | None) -> Said | str | None:
    """``D12`` of ``file!Sheet!D12``, ``line 12`` of a CSV's ``file:12:2``; else ``None``."""
    if not location:
        return None
    if "!" in location:
        return location.rsplit("!", 1)[1]
    line = location.rsplit(":", 2)
    if len(line) == 3 and line[1].isdigit():
        return both("line {line}", line=line[1])
    return None
