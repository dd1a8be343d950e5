"""The bounds of a target, checked the same way for the plan's targets and units' own. Pure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..catalog import Said, both
from ..domain import TargetKind
from .model import Plausible
from .safeyaml import Path_

#: A problem found by a cross-check: (code, message, YAML path of the offending node).
Found = tuple[str, Said, Path_]


def fmt(value: Decimal) -> str:
    """A decimal as written in the file: 7.5, 8, 297.18."""
    return format(value.normalize(), "f")


def check_whole(
    path: Path_, what: Said | str, low: Decimal | None, high: Decimal | None
) -> Iterator[Found]:
    """The bounds of a count are whole numbers (the plan's targets and units' own alike)."""
    for name, value in (("min", low), ("max", high)):
        if value is not None and value != value.to_integral_value():
            yield (
                "not-whole",
                both(
                    "{what}: {bound} ({value}) is not a whole number, but the indicator "
                    "counts whole things (integer: true)",
                    what=what,
                    bound=name,
                    value=fmt(value),
                ),
                (*path, name),
            )


def check_bounds(
    path: Path_,
    code: Said | str,
    kind: TargetKind,
    low: Decimal | None,
    high: Decimal | None,
    plausible: Plausible,
) -> Iterator[Found]:
    """The bounds a kind takes, in order, and reachable by a plausible value (the plan's
    targets and units' own targets alike)."""
    wants_min, wants_max = kind.bounds
    for name, wanted, value in (("min", wants_min, low), ("max", wants_max, high)):
        if wanted and value is None:
            yield (
                "missing-bound",
                both("{code}: kind {kind} needs a {bound}", code=code, kind=kind.value, bound=name),
                (*path, "kind"),
            )
        elif not wanted and value is not None:
            yield (
                "unexpected-bound",
                both(
                    "{code}: kind {kind} takes no {bound}; remove it or change the kind",
                    code=code,
                    kind=kind.value,
                    bound=name,
                ),
                (*path, name),
            )
    if low is not None and high is not None and low > high:
        yield (
            "min-above-max",
            both(
                "{code}: min ({min}) is greater than max ({max}); swap them",
                code=code,
                min=fmt(low),
                max=fmt(high),
            ),
            (*path, "min"),
        )
    if plausible.min > plausible.max:
        return  # reported by the plausible check; every bound would look outside
    for name, value in (("min", low), ("max", high)):
        if value is not None and not plausible.min <= value <= plausible.max:
            yield (
                "bound-outside-plausible",
                both(
                    "{code}: {bound} ({value}) lies outside the plausible range {low} to "
                    "{high}: no value could reach it",
                    code=code,
                    bound=name,
                    value=fmt(value),
                    low=fmt(plausible.min),
                    high=fmt(plausible.max),
                ),
                (*path, name),
            )
