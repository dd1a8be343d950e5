"""The status of a value against a target: exceeded, met, near or not met. Pure.

The rules are those of ``docs/domain.md`` ("How a target reads" and "Statuses"). Everything is
computed on decimals, so that a bound is exact whichever way a cell stored it.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Protocol


class TargetKind(StrEnum):
    """How a target reads; see ``docs/domain.md`` for the status each kind gives a value."""

    RANGE = "range"
    BAND = "band"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOVE = "above"
    BELOW = "below"

    @property
    def bounds(self) -> tuple[bool, bool]:
        """Which of (min, max) this kind takes."""
        return _BOUNDS[self]


_BOUNDS = {
    TargetKind.RANGE: (True, True),
    TargetKind.BAND: (True, True),
    TargetKind.AT_LEAST: (True, False),
    TargetKind.ABOVE: (True, False),
    TargetKind.AT_MOST: (False, True),
    TargetKind.BELOW: (False, True),
}


class Status(StrEnum):
    """One status per (unit, period, indicator); see ``docs/domain.md``."""

    EXCEEDED = "exceeded"
    MET = "met"
    NEAR = "near"
    NOT_MET = "not_met"
    PENDING = "pending"  # a flow before its year (or term) ends: not judged yet
    REPORTED = "reported"  # a figure with no target that applies to this unit: shown, not judged
    MISSING = "missing"
    INVALID = "invalid"


class Side(StrEnum):
    """Which side of a band a value misses on."""

    BELOW = "below"
    ABOVE = "above"


#: Better first: the verdicts. Pending, reported, missing and invalid are not on the scale.
ORDER = (Status.EXCEEDED, Status.MET, Status.NEAR, Status.NOT_MET)


class Target(Protocol):
    """What a status is computed from: a kind, its bounds and an optional tolerance."""

    @property
    def kind(self) -> TargetKind: ...
    @property
    def min(self) -> Decimal | None: ...
    @property
    def max(self) -> Decimal | None: ...
    @property
    def tolerance(self) -> Decimal | None: ...


def status_of(target: Target, value: Decimal) -> tuple[Status, Side | None]:
    """The status of ``value`` against ``target`` (a band also says the side)."""
    low, high = target.min, target.max
    tol = target.tolerance or Decimal(0)
    kind = target.kind
    if kind is TargetKind.BAND:
        assert low is not None
        assert high is not None
        return _band(value, low, high, tol)
    if kind is TargetKind.RANGE:
        assert low is not None
        assert high is not None
        if value > high:
            return Status.EXCEEDED, None
        return _at_least(value, low, tol, strict_better=False), None
    if kind is TargetKind.AT_LEAST:
        assert low is not None
        return _at_least(value, low, tol, strict_better=True), None
    if kind is TargetKind.AT_MOST:
        assert high is not None
        return _at_least(-value, -high, tol, strict_better=True), None
    if kind is TargetKind.ABOVE:
        assert low is not None
        return _strict(value, low, tol), None
    assert high is not None
    return _strict(-value, -high, tol), None


def _at_least(value: Decimal, bound: Decimal, tol: Decimal, *, strict_better: bool) -> Status:
    """Higher is better, ``bound`` inclusive; above it is exceeded when ``strict_better``."""
    if value > bound and strict_better:
        return Status.EXCEEDED
    if value >= bound:
        return Status.MET
    return Status.NEAR if tol > 0 and value >= bound - tol else Status.NOT_MET


def _strict(value: Decimal, bound: Decimal, tol: Decimal) -> Status:
    """Higher is better and ``bound`` itself does not meet the target."""
    if value > bound:
        return Status.MET
    return Status.NEAR if tol > 0 and value >= bound - tol else Status.NOT_MET


def _band(value: Decimal, low: Decimal, high: Decimal, tol: Decimal) -> tuple[Status, Side | None]:
    if low <= value <= high:
        return Status.MET, None
    side, distance = (Side.BELOW, low - value) if value < low else (Side.ABOVE, value - high)
    return (Status.NEAR if tol > 0 and distance <= tol else Status.NOT_MET), side


def badness(target: Target, value: Decimal) -> Decimal:
    """A key ordering values from best (smallest) to worst, for 'best' and 'worst' columns."""
    if target.kind is TargetKind.BAND:
        assert target.min is not None
        assert target.max is not None
        return max(target.min - value, value - target.max, Decimal(0))
    if target.kind in (TargetKind.AT_MOST, TargetKind.BELOW):
        return value
    return -value
