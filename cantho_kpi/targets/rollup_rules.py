"""Checks of the targets file's ``rollups`` that a schema cannot express. Pure.

A rule says which level's units add up into the city over which periods (``docs/domain.md``,
"Roll-up and reconciliation"). Each check yields ``(code, message, path)`` as :mod:`.rules`
does; :mod:`.load` turns the path into ``line:col``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..catalog import Said, both
from ..domain import parse_period
from .bounds import Found
from .model import RollupRule, UnitLevel
from .safeyaml import Path_

#: The levels whose units are parts of the city's area, so that their counts add up to it.
#: A department reports the city's own figure for its field: it is compared, never added.
AREA_LEVELS = (UnitLevel.DISTRICT, UnitLevel.COMMUNE)

_NO_START = -1
_NO_END = 10**9


def check_rollups(
    rules: list[tuple[Path_, RollupRule]], line_of: Callable[[Path_], int]
) -> Iterator[Found]:
    """Every problem of the valid rules: their own, then overlaps between them."""
    usable: list[tuple[Path_, RollupRule, tuple[int, int]]] = []
    for path, rule in rules:
        problems = list(_check_rule(path, rule))
        yield from problems
        if not problems:
            usable.append((path, rule, _span(rule)))
    for index, (path, rule, span) in enumerate(usable):
        for other_path, other, other_span in usable[:index]:
            if other.into is rule.into and _overlap(span, other_span):
                yield (
                    "rollup-periods-overlap",
                    both(
                        "{rule}: {what} {when} overlaps the rule on line {line} "
                        "({other} {other_when}); give each period one level that adds up into "
                        "the city (with until and from), or the same figures would be "
                        "counted twice",
                        rule=_name(path),
                        what=_what(rule),
                        when=_when(rule),
                        line=line_of(other_path),
                        other=_what(other),
                        other_when=_when(other),
                    ),
                    (*path, "from" if rule.from_ else "level"),
                )
                break


def _check_rule(path: Path_, rule: RollupRule) -> Iterator[Found]:
    if rule.level is rule.into:
        yield (
            "rollup-into-itself",
            both(
                "{rule}: level {level} rolls up into itself; name the level whose "
                "units add up (district or commune) and the level they add up into "
                "(city)",
                rule=_name(path),
                level=rule.level.value,
            ),
            (*path, "into"),
        )
    elif rule.into is not UnitLevel.CITY:
        yield (
            "unsupported-rollup",
            both(
                "{rule}: {what}: kpi adds units' figures up into the city only; write into: city",
                rule=_name(path),
                what=_what(rule),
            ),
            (*path, "into"),
        )
    elif rule.level not in AREA_LEVELS:
        yield (
            "unsupported-rollup",
            both(
                "{rule}: {what}: a department reports the city's own figure of its "
                "field, compared with the city's and never added to it; write "
                "level: district or commune (communes and wards)",
                rule=_name(path),
                what=_what(rule),
            ),
            (*path, "level"),
        )
    first = parse_period(rule.from_) if rule.from_ else None
    last = parse_period(rule.until) if rule.until else None
    if first is not None and last is not None and first.first_month > last.last_month:
        yield (
            "period-order",
            both(
                "{rule}: {what}: from ({first}) is after until ({last})",
                rule=_name(path),
                what=_what(rule),
                first=rule.from_,
                last=rule.until,
            ),
            (*path, "from"),
        )


def _span(rule: RollupRule) -> tuple[int, int]:
    first = parse_period(rule.from_) if rule.from_ else None
    last = parse_period(rule.until) if rule.until else None
    return (
        first.first_month if first is not None else _NO_START,
        last.last_month if last is not None else _NO_END,
    )


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def _name(path: Path_) -> str:
    return f"rollups[{path[1]}]" if len(path) > 1 else "rollups"


def _what(rule: RollupRule) -> Said:
    """``district into city``: the file's own words for the levels."""
    return both("{level} into {into}", level=rule.level.value, into=rule.into.value)


def _when(rule: RollupRule) -> Said:
    if rule.from_ and rule.until:
        return both("from {first} until {last}", first=rule.from_, last=rule.until)
    if rule.from_:
        return both("from {first}", first=rule.from_)
    if rule.until:
        return both("until {last}", last=rule.until)
    return both("at every period")
