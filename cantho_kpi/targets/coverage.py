"""Checks of the targets file as a whole plan: every numbered target present, tolerances that
fit the range they pad. Pure; yields ``(code, message, path)`` like :mod:`.rules`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..catalog import both, both_n
from .bounds import Found, fmt
from .model import MAX_PLAN_TARGETS, Indicator
from .safeyaml import Path_

PLAN_COUNT: Path_ = ("plan", "targets")


def check(data: dict[str, Any], indicators: list[tuple[Path_, Indicator]]) -> Iterator[Found]:
    yield from _check_numbers(data)
    for path, indicator in indicators:
        yield from _check_tolerance(path, indicator)


def _plan_count(data: dict[str, Any]) -> int | None:
    """``plan.targets`` when it is a count the model accepts (it reports any other): bounded
    before it sizes any work, so that ``targets: 100000000`` costs nothing."""
    plan = data.get("plan")
    count = plan.get("targets") if isinstance(plan, dict) else None
    if not isinstance(count, int) or isinstance(count, bool):
        return None
    return count if 0 < count <= MAX_PLAN_TARGETS else None


def _numbers(data: dict[str, Any]) -> list[tuple[Path_, str, int]]:
    """(path, code, number) of every indicator item that gives a whole number, valid or not."""
    items = data.get("indicators")
    found: list[tuple[Path_, str, int]] = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        number = item.get("number") if isinstance(item, dict) else None
        if isinstance(number, int) and not isinstance(number, bool):
            found.append((("indicators", index), str(item.get("code", "?")), number))
    return found


def _check_numbers(data: dict[str, Any]) -> Iterator[Found]:
    """plan.targets says how many numbered targets the plan has: each needs an indicator."""
    count = _plan_count(data)
    if count is None:
        return
    numbers = _numbers(data)
    present = {number for _, _, number in numbers}
    missing = [n for n in range(1, count + 1) if n not in present]
    if missing:
        listed = _spans(missing)
        yield (
            "missing-target",
            both_n(
                "the plan has {plan} numbered targets (plan.targets) but no indicator has "
                "number {listed}; add the missing target, or correct plan.targets",
                "the plan has {plan} numbered targets (plan.targets) but no indicator has "
                "number {listed}; add the missing targets, or correct plan.targets",
                len(missing),
                plan=count,
                listed=listed,
            ),
            PLAN_COUNT,
        )
    for path, code, number in numbers:
        if number > count:
            yield (
                "number-beyond-plan",
                both(
                    "{code}: number {number} is beyond the plan's {count} targets "
                    "(plan.targets); correct the number, or plan.targets",
                    code=code,
                    number=number,
                    count=count,
                ),
                (*path, "number"),
            )


def _check_tolerance(path: Path_, ind: Indicator) -> Iterator[Found]:
    """A "near" zone wider than the range it pads would reach past the other bound."""
    if ind.tolerance is None or ind.min is None or ind.max is None or ind.min > ind.max:
        return
    width = ind.max - ind.min
    if ind.kind.bounds == (True, True) and ind.tolerance > width:
        yield (
            "tolerance-too-wide",
            both(
                "{what}: tolerance ({tolerance}) is wider than the target range {min} – "
                "{max} it pads ({width}); make it at most {width}",
                what=ind.code,
                tolerance=fmt(ind.tolerance),
                min=fmt(ind.min),
                max=fmt(ind.max),
                width=fmt(width),
            ),
            (*path, "tolerance"),
        )


def _spans(numbers: list[int]) -> str:
    """``1-5, 8, 12, 13, 15-21``: sorted numbers, runs of three or more as ranges, so that the
    message stays one short line."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)
