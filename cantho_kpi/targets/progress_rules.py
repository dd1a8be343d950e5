"""Checks of the targets file's progress settings that a schema cannot express. Pure.

The term, the thresholds, baselines, breaks and the method of each indicator (see
``docs/progress.md``). Each check yields ``(code, message, path)`` as :mod:`.rules` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..domain import TargetKind
from .bounds import Found, fmt
from .model import (
    AccruesOver,
    Break,
    Indicator,
    Measure,
    ProgressMethod,
    ProgressSettings,
    Term,
)
from .safeyaml import Path_

#: The kinds a yearly average or a term total can be judged against: they have a lower bound.
_FLOW_KINDS = (TargetKind.RANGE, TargetKind.AT_LEAST, TargetKind.ABOVE)
_LOWER_BOUND_METHODS = (
    ProgressMethod.AVERAGE,
    ProgressMethod.AVERAGE_GROWTH,
    ProgressMethod.CUMULATIVE,
)


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
        yield from _check_breaks(("progress",), "progress", settings.breaks, (), term)
    shared = tuple(settings.breaks) if settings is not None else ()
    for path, indicator in indicators:
        yield from _check_method(path, indicator)
        yield from _check_baseline(path, indicator, term)
        yield from _check_start(path, indicator, term)
        yield from _check_breaks(path, indicator.code, indicator.breaks, shared, term)


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
    where = (*path, "progress")
    if method in _LOWER_BOUND_METHODS and ind.kind not in _FLOW_KINDS:
        assert method is not None
        yield (
            "method-kind-mismatch",
            f"{ind.code}: progress {method.value!r} needs a target with a lower bound "
            f"(range, at_least, above), not {ind.kind.value!r}; use cagr or linear",
            where,
        )
    elif method is ProgressMethod.AVERAGE_GROWTH:
        yield from _check_growth(where, ind)
    if method is ProgressMethod.EVERY_YEAR and (
        ind.measure is Measure.FLOW and ind.accrues_over is AccruesOver.TERM
    ):
        yield (
            "every-year-without-rule",
            f"{ind.code}: progress 'every_year' judges each year against the target, but the "
            "target is for the sum over the term (accrues_over: term); use cumulative",
            where,
        )


def _check_growth(where: Path_, ind: Indicator) -> Iterator[Found]:
    """``average_growth`` compounds yearly growth rates in percent: (1 + g/100) > 0."""
    if ind.unit != "%":
        yield (
            "method-not-growth",
            f"{ind.code}: progress 'average_growth' compounds yearly growth rates in percent, "
            f"but the unit is {ind.unit!r}; use average for a mean of yearly figures",
            where,
        )
    elif ind.plausible.min <= Decimal(-100):
        yield (
            "method-not-growth",
            f"{ind.code}: progress 'average_growth' needs growth rates above -100 % (a fall "
            f"of 100 % or more has no compound mean); plausible min is {fmt(ind.plausible.min)}",
            where,
        )


def _check_start(path: Path_, ind: Indicator, term: Term | None) -> Iterator[Found]:
    """``from`` lies inside the term, and a baseline is not from before it."""
    if ind.from_ is None:
        return
    start = int(ind.from_)
    if term is not None and not term.from_ <= start <= term.to:
        yield (
            "period-outside-term",
            f"{ind.code}: from ({start}) is outside the term ({term.from_}-{term.to}); a "
            "target's start year is a year of the term",
            (*path, "from"),
        )
    baseline = ind.baseline
    if baseline is not None and int(baseline.period) < start:
        yield (
            "baseline-before-start",
            f"{ind.code}: baseline period {baseline.period} is before the target's start "
            f"(from: {start}); remove the baseline or give a figure of {start} or later",
            (*path, "baseline", "period"),
        )


def _check_breaks(
    path: Path_, owner: str, breaks: list[Break], shared: tuple[Break, ...], term: Term | None
) -> Iterator[Found]:
    """Breaks lie inside the term and are declared once (here, or among every indicator's)."""
    seen = {cut.period for cut in shared}
    for index, cut in enumerate(breaks):
        where = (*path, "breaks", index, "period")
        year = int(cut.period[:4])
        if term is not None and not term.from_ <= year <= term.to:
            yield (
                "period-outside-term",
                f"{owner}: break {cut.period} is outside the term ({term.from_}-{term.to}); "
                "only a break inside the term changes its verdicts",
                where,
            )
        if cut.period in seen:
            yield (
                "duplicate-break",
                f"{owner}: break {cut.period} is declared twice (here or under progress.breaks, "
                "which concern every indicator); keep one",
                where,
            )
        seen.add(cut.period)


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
