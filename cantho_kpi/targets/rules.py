"""Checks of the targets file that a schema cannot express. Pure.

Each check gets the items that are valid on their own (with their YAML paths) and yields
``(code, message, path)``; :mod:`.load` turns the path into ``line:col``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ..catalog import N_, both
from ..domain import parse_period
from .bounds import Found, check_bounds, fmt
from .fields import KNOWN_UNITS
from .model import Group, Indicator, ReportingUnit
from .safeyaml import Path_
from .strict_rules import check_scope, check_unit_strictly
from .unit_rules import check_behaviour, check_unit_targets
from .unit_targets import UnitTargets


@dataclass(frozen=True, slots=True)
class Parts:
    indicators: list[tuple[Path_, Indicator]]
    groups: list[tuple[Path_, Group]]
    units: list[tuple[Path_, ReportingUnit]]
    #: Every indicator code written in the file, also those of invalid items.
    all_codes: set[str]
    #: Whether every indicator item was valid (some checks need the whole list).
    complete: bool
    #: The line on which a path starts, for messages that point at a second place.
    line_of: Callable[[Path_], int]
    unit_targets: list[tuple[Path_, UnitTargets]] = field(default_factory=list)
    #: Whether the plan block gives the term (flows over the term need it).
    has_term: bool = False
    #: The term's last year, when the plan gives a valid term (dates are checked against it).
    last_year: int | None = None


def check(parts: Parts) -> Iterator[Found]:
    yield from _duplicates(parts)
    for path, indicator in parts.indicators:
        yield from _check_indicator(path, indicator)
        yield from check_behaviour(path, indicator, parts.has_term)
        yield from check_scope(path, indicator)
    if parts.complete:
        yield from _check_suffixes(parts.indicators)
    codes: dict[str, Indicator] = {}
    for _, indicator in parts.indicators:
        codes.setdefault(indicator.code, indicator)
    known = parts.all_codes
    for path, indicator in parts.indicators:
        yield from _check_part_of(path, indicator, codes, known)
    for path, group in parts.groups:
        yield from _check_group(path, group, codes, known)
    for path, unit in parts.units:
        yield from _check_unit(path, unit, known)
    units = {u.code: u for _, u in parts.units}
    for path, entry in parts.unit_targets:
        yield from check_unit_targets(path, entry, units, codes, known)
        yield from check_unit_strictly(path, entry, codes, parts.last_year)


def _duplicates(parts: Parts) -> Iterator[Found]:
    lists: list[tuple[str, str, list[tuple[Path_, str]]]] = [
        (N_("indicator code"), "code", [(p, i.code) for p, i in parts.indicators]),
        (N_("group id"), "id", [(p, g.id) for p, g in parts.groups]),
        (N_("reporting unit code"), "code", [(p, u.code) for p, u in parts.units]),
        (N_("unit_targets unit"), "unit", [(p, u.unit) for p, u in parts.unit_targets]),
    ]
    for what, field_name, items in lists:
        seen: dict[str, Path_] = {}
        for path, key in items:
            folded = key.casefold()
            if folded in seen:
                yield (
                    "duplicate-code",
                    both(
                        "{key}: {what} given twice (first on line {line}); codes are "
                        "matched without regard to case, so each must be unique",
                        key=key,
                        what=both(what),
                        line=parts.line_of(seen[folded]),
                    ),
                    (*path, field_name),
                )
            else:
                seen[folded] = path


def _check_indicator(path: Path_, ind: Indicator) -> Iterator[Found]:
    code = ind.code
    if int(code[2:4]) != ind.number:
        yield (
            "number-mismatch",
            both(
                "{code}: number is {number} but the code says target {target}",
                code=code,
                number=ind.number,
                target=int(code[2:4]),
            ),
            (*path, "number"),
        )
    if ind.unit not in KNOWN_UNITS:
        close = difflib.get_close_matches(ind.unit, list(KNOWN_UNITS), n=1)
        known = ", ".join(KNOWN_UNITS)
        hint = (
            both("did you mean {unit}?", unit=repr(close[0]))
            if close
            else both("known units: {units}", units=known)
        )
        yield (
            "unknown-unit",
            both("{code}: unknown unit {unit}; {hint}", code=code, unit=repr(ind.unit), hint=hint),
            (*path, "unit"),
        )
    yield from _check_bounds(path, ind)
    if ind.tolerance is not None and ind.tolerance < 0:
        yield (
            "negative-tolerance",
            both(
                "{what}: tolerance ({tolerance}) must not be negative",
                what=code,
                tolerance=fmt(ind.tolerance),
            ),
            (*path, "tolerance"),
        )
    low, high = ind.plausible.min, ind.plausible.max
    if low > high:
        yield (
            "min-above-max",
            both(
                "{code}: plausible min ({min}) is greater than plausible max ({max}); swap them",
                code=code,
                min=fmt(low),
                max=fmt(high),
            ),
            (*path, "plausible", "min"),
        )


def _check_bounds(path: Path_, ind: Indicator) -> Iterator[Found]:
    yield from check_bounds(path, ind.code, ind.kind, ind.min, ind.max, ind.plausible)


def _check_suffixes(indicators: list[tuple[Path_, Indicator]]) -> Iterator[Found]:
    """Letters run a, b, c... in order, and a target is either lettered or not."""
    by_number: dict[int, list[tuple[Path_, Indicator]]] = {}
    for path, ind in indicators:
        if int(ind.code[2:4]) == ind.number:
            by_number.setdefault(ind.number, []).append((path, ind))
    for number, items in by_number.items():
        letters = sorted({ind.letter for _, ind in items})
        if "" in letters and len(letters) > 1:
            path, ind = next((p, i) for p, i in items if i.letter == "")
            yield (
                "code-suffix",
                both(
                    "{code}: target {target} has lettered figures too; give this one a "
                    "letter as well ({code}a)",
                    code=ind.code,
                    target=number,
                ),
                (*path, "code"),
            )
        elif letters and letters[0] != "" and letters != _letters(len(letters)):
            path, ind = items[-1]
            yield (
                "code-suffix",
                both(
                    "{code}: the figures of target {target} are lettered {letters}; "
                    "letter them {wanted} in the plan's order",
                    code=ind.code,
                    target=number,
                    letters=", ".join(letters),
                    wanted=", ".join(_letters(len(letters))),
                ),
                (*path, "code"),
            )


def _letters(n: int) -> list[str]:
    return [chr(ord("a") + i) for i in range(n)]


def _level(ind: Indicator) -> Decimal | None:
    """The figure a target asks for: its lower bound, else its upper bound."""
    return ind.min if ind.min is not None else ind.max


def _check_part_of(
    path: Path_, ind: Indicator, codes: dict[str, Indicator], known: set[str]
) -> Iterator[Found]:
    if ind.part_of is None:
        return
    where = (*path, "part_of")
    if ind.part_of not in known:
        yield (
            "unknown-reference",
            both("{code}: part_of names unknown code {whole}", code=ind.code, whole=ind.part_of),
            where,
        )
        return
    whole = codes.get(ind.part_of)
    if whole is None:
        return  # the whole is invalid and reported on its own
    if whole is ind:
        yield (
            "unknown-reference",
            both("{code}: an indicator cannot be part of itself", code=ind.code),
            where,
        )
        return
    if whole.unit != ind.unit and {whole.unit, ind.unit} <= set(KNOWN_UNITS):
        yield (
            "part-unit-mismatch",
            both(
                "{code}: is part of {whole} but counts {unit}, not {whole_unit}",
                code=ind.code,
                whole=whole.code,
                unit=repr(ind.unit),
                whole_unit=repr(whole.unit),
            ),
            where,
        )
    part_level, whole_level = _level(ind), _level(whole)
    if part_level is not None and whole_level is not None and part_level > whole_level:
        yield (
            "part-exceeds-whole",
            both(
                "{code}: its target ({target}) exceeds that of {whole} ({whole_target}), of "
                "which it is a part ('trong đó')",
                code=ind.code,
                target=fmt(part_level),
                whole=whole.code,
                whole_target=fmt(whole_level),
            ),
            where,
        )


def _check_group(
    path: Path_, group: Group, codes: dict[str, Indicator], known: set[str]
) -> Iterator[Found]:
    if group.total_tolerance < 0:
        yield (
            "negative-tolerance",
            both(
                "group {group}: total_tolerance ({tolerance}) must not be negative",
                group=group.id,
                tolerance=fmt(group.total_tolerance),
            ),
            (*path, "total_tolerance"),
        )
    members: list[Indicator] = []
    for index, code in enumerate(group.members):
        ind = codes.get(code)
        if code not in known:
            yield (
                "unknown-reference",
                both(
                    "group {group}: member {code} is not an indicator of this file",
                    group=group.id,
                    code=code,
                ),
                (*path, "members", index),
            )
        elif ind is None:
            continue  # invalid, reported on its own
        elif ind.min is None or ind.max is None:
            yield (
                "share-without-band",
                both(
                    "group {group}: member {code} is a share of a whole, so it needs both "
                    "min and max (kind band)",
                    group=group.id,
                    code=code,
                ),
                (*path, "members", index),
            )
        else:
            members.append(ind)
    if len(members) != len(group.members):
        return
    low = sum((m.min for m in members if m.min is not None), Decimal(0))
    high = sum((m.max for m in members if m.max is not None), Decimal(0))
    if not low <= group.total <= high:
        yield (
            "shares-cannot-total",
            both(
                "group {group}: the shares' bands add up to {low} - {high}, which "
                "cannot make the total of {total}; check the bounds",
                group=group.id,
                low=fmt(low),
                high=fmt(high),
                total=fmt(group.total),
            ),
            (*path, "members"),
        )


def _check_unit(path: Path_, unit: ReportingUnit, known: set[str]) -> Iterator[Found]:
    for index, code in enumerate(unit.indicators or []):
        if code not in known:
            yield (
                "unknown-reference",
                both(
                    "unit {unit}: indicator {code} is not in this file", unit=unit.code, code=code
                ),
                (*path, "indicators", index),
            )
    first = parse_period(unit.from_) if unit.from_ else None
    last = parse_period(unit.until) if unit.until else None
    if first is not None and last is not None and first.first_month > last.last_month:
        yield (
            "period-order",
            both(
                "unit {unit}: from ({first}) is after until ({last})",
                unit=unit.code,
                first=unit.from_,
                last=unit.until,
            ),
            (*path, "from"),
        )
