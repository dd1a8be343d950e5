"""The headline of a round: how many of the plan's numbered targets are met. Pure.

A target is met when every one of its figures is met or exceeded; not met when any figure is
not met (or only near); pending when a figure is not judged yet and none fails; without data
when a figure has no readable value and none fails. For the city, every numbered target of the
plan counts; for another unit, those for which a target applies to it (its own or the plan's).
See ``docs/domain.md`` ("The headline").
"""

from __future__ import annotations

from collections.abc import Callable

from ..domain import Status
from ..targets import TargetsFile
from .model import Headline, Result

_FAILED = frozenset({Status.NOT_MET, Status.NEAR})
_PASSED = frozenset({Status.MET, Status.EXCEEDED})


def headlines(targets: TargetsFile, results: list[Result], rounds: list[str]) -> list[Headline]:
    city = targets.city
    numbers = {ind.code: ind.number for ind in targets.indicators}
    found: list[Headline] = []
    for round_ in rounds:
        by_unit: dict[str, dict[int, list[Status]]] = {}
        for result in results:
            if result.round != round_ or result.unit_code is None or result.target is None:
                continue
            per_number = by_unit.setdefault(result.unit_code, {})
            per_number.setdefault(numbers[result.code], []).append(result.status)
        if city is not None:
            mine = by_unit.setdefault(city.code, {})
            for number in targets.target_numbers():
                mine.setdefault(number, [])
        for unit_code in sorted(by_unit, key=_unit_order(targets)):
            found.append(_headline(round_, unit_code, targets, by_unit[unit_code]))
    return found


def _unit_order(targets: TargetsFile) -> Callable[[str], tuple[int, str]]:
    order = {u.code: i for i, u in enumerate(targets.reporting_units)}
    return lambda code: (order.get(code, len(order)), code)


def _headline(
    round_: str, unit_code: str, targets: TargetsFile, per_number: dict[int, list[Status]]
) -> Headline:
    counts = {"met": 0, "not_met": 0, "pending": 0, "no_data": 0}
    for number, statuses in per_number.items():
        codes = [i.code for i in targets.indicators if i.number == number]
        if unit_code == (targets.city.code if targets.city else None):
            statuses = statuses + [Status.MISSING] * (len(codes) - len(statuses))
        counts[classify(statuses)] += 1
    return Headline(round_, unit_code, total=len(per_number), **counts)


def classify(statuses: list[Status]) -> str:
    """met, not_met, pending or no_data for the statuses of one target's figures."""
    if any(s in _FAILED for s in statuses):
        return "not_met"
    if statuses and all(s in _PASSED for s in statuses):
        return "met"
    if any(s is Status.PENDING for s in statuses):
        return "pending"
    return "no_data"
