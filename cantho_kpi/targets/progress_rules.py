"""Checks of the targets file's progress settings that a schema cannot express. Pure.

The term, the thresholds, baselines, breaks and the method of each indicator (see
``docs/progress.md``). Each check yields ``(code, message, path)`` as :mod:`.rules` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..domain import TargetKind
from .bounds import Found, fmt
from .model import Indicator, ProgressMethod, ProgressSettings, Term
from .safeyaml import Path_

#: The kinds a yearly average or a term total can be judged against: they have a lower bound.
_FLOW_KINDS = (TargetKind.RANGE, TargetKind.AT_LEAST, TargetKind.ABOVE)


def check_progress(
    term: Term | None,
    settings: ProgressSettings | None,
    indicators: list[tuple[Path_, Indicator]],
) -> Iterator[Found]:
    if term is not None and term.from_ > term.to:
        yield (
            "period-order",
            f"plan.term: from ({term.from_}) is after to ({term.to}); swap them",
            ("plan", "term", "from"),
        )
    if settings is not None:
        yield from _check_thresholds(settings)
    for path, indicator in indicators:
        yield from _check_method(path, indicator)
        yield from _check_baseline(path, indicator, term)


def _check_thresholds(settings: ProgressSettings) -> Iterator[Found]:
    limits = settings.thresholds
    pairs = (
        ("on_track", limits.on_track, "fair", limits.fair),
        ("fair", limits.fair, "limited", limits.limited),
    )
    for high_name, high, low_name, low in pairs:
        if high <= low:
            yield (
                "threshold-order",
                f"progress.thresholds: {high_name} ({fmt(high)}) must be greater than "
                f"{low_name} ({fmt(low)}); the defaults are on_track 0.95, fair 0.5, "
                "limited -0.1",
                ("progress", "thresholds", high_name),
            )


def _check_method(path: Path_, ind: Indicator) -> Iterator[Found]:
    method = ind.progress
    if method in (ProgressMethod.AVERAGE, ProgressMethod.CUMULATIVE) and (
        ind.kind not in _FLOW_KINDS
    ):
        yield (
            "method-kind-mismatch",
            f"{ind.code}: progress {method.value!r} needs a target with a lower bound "
            f"(range, at_least, above), not {ind.kind.value!r}; use cagr or linear",
            (*path, "progress"),
        )


def _check_baseline(path: Path_, ind: Indicator, term: Term | None) -> Iterator[Found]:
    baseline = ind.baseline
    if baseline is None:
        return
    low, high = ind.plausible.min, ind.plausible.max
    if not low <= baseline.value <= high:
        yield (
            "baseline-outside-plausible",
            f"{ind.code}: baseline value {fmt(baseline.value)} is outside the plausible range "
            f"{fmt(low)}..{fmt(high)}; check the figure and its unit",
            (*path, "baseline", "value"),
        )
    if term is not None and int(baseline.period) >= term.to:
        yield (
            "period-order",
            f"{ind.code}: baseline period {baseline.period} is not before the term's last year "
            f"{term.to}; a baseline is a figure from before the targets' year",
            (*path, "baseline", "period"),
        )
    if ind.progress is ProgressMethod.CAGR and baseline.value <= Decimal(0):
        yield (
            "cagr-undefined",
            f"{ind.code}: progress 'cagr' cannot start from {fmt(baseline.value)} (a growth "
            "rate needs a positive start); use linear",
            (*path, "progress"),
        )
