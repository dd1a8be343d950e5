"""Checks of the targets file's progress settings that a schema cannot express. Pure.

The term, the thresholds, baselines, breaks and the method of each indicator (see
``docs/progress.md``). Each check yields ``(code, message, path)`` as :mod:`.rules` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..catalog import both
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
            both(
                "plan.term: from ({first}) is after to ({last}); swap them",
                first=term.from_,
                last=term.to,
            ),
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
                both(
                    "progress.thresholds: {high} ({high_value}) must be greater than "
                    "{low} ({low_value}); the defaults are on_track 0.95, fair 0.5, "
                    "limited -0.1",
                    high=high_name,
                    high_value=fmt(high),
                    low=low_name,
                    low_value=fmt(low),
                ),
                ("progress", "thresholds", high_name),
            )


def _check_method(path: Path_, ind: Indicator) -> Iterator[Found]:
    method = ind.progress
    where = (*path, "progress")
    if method in _LOWER_BOUND_METHODS and ind.kind not in _FLOW_KINDS:
        assert method is not None
        yield (
            "method-kind-mismatch",
            both(
                "{code}: progress {method} needs a target with a lower bound "
                "(range, at_least, above), not {kind}; use cagr or linear",
                code=ind.code,
                method=repr(method.value),
                kind=repr(ind.kind.value),
            ),
            where,
        )
    elif method is ProgressMethod.AVERAGE_GROWTH:
        yield from _check_growth(where, ind)
    if method is ProgressMethod.EVERY_YEAR and (
        ind.measure is Measure.FLOW and ind.accrues_over is AccruesOver.TERM
    ):
        yield (
            "every-year-without-rule",
            both(
                "{code}: progress 'every_year' judges each year against the "
                "target, but the target is for the sum over the term "
                "(accrues_over: term); use cumulative",
                code=ind.code,
            ),
            where,
        )


def _check_growth(where: Path_, ind: Indicator) -> Iterator[Found]:
    """``average_growth`` compounds yearly growth rates in percent: (1 + g/100) > 0."""
    if ind.unit != "%":
        yield (
            "method-not-growth",
            both(
                "{code}: progress 'average_growth' compounds yearly growth rates "
                "in percent, but the unit is {unit}; use average for a mean of "
                "yearly figures",
                code=ind.code,
                unit=repr(ind.unit),
            ),
            where,
        )
    elif ind.plausible.min <= Decimal(-100):
        yield (
            "method-not-growth",
            both(
                "{code}: progress 'average_growth' needs growth rates above -100 % "
                "(a fall of 100 % or more has no compound mean); plausible min is "
                "{min}",
                code=ind.code,
                min=fmt(ind.plausible.min),
            ),
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
            both(
                "{code}: from ({start}) is outside the term ({first}-{last}); a "
                "target's start year is a year of the term",
                code=ind.code,
                start=start,
                first=term.from_,
                last=term.to,
            ),
            (*path, "from"),
        )
    baseline = ind.baseline
    if baseline is not None and int(baseline.period) < start:
        yield (
            "baseline-before-start",
            both(
                "{code}: baseline period {period} is before the target's start "
                "(from: {start}); remove the baseline or give a figure of {start} "
                "or later",
                code=ind.code,
                period=baseline.period,
                start=start,
            ),
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
                both(
                    "{owner}: break {period} is outside the term ({first}-{last}); only "
                    "a break inside the term changes its verdicts",
                    owner=owner,
                    period=cut.period,
                    first=term.from_,
                    last=term.to,
                ),
                where,
            )
        if cut.period in seen:
            yield (
                "duplicate-break",
                both(
                    "{owner}: break {period} is declared twice (here or under "
                    "progress.breaks, which concern every indicator); keep one",
                    owner=owner,
                    period=cut.period,
                ),
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
            both(
                "{code}: baseline value {value} is outside the plausible range "
                "{low}..{high}; check the figure and its unit",
                code=ind.code,
                value=fmt(baseline.value),
                low=fmt(low),
                high=fmt(high),
            ),
            (*path, "baseline", "value"),
        )
    if term is not None and int(baseline.period) >= term.to:
        yield (
            "period-order",
            both(
                "{code}: baseline period {period} is not before the term's last "
                "year {last}; a baseline is a figure from before the targets' year",
                code=ind.code,
                period=baseline.period,
                last=term.to,
            ),
            (*path, "baseline", "period"),
        )
    if ind.progress is ProgressMethod.CAGR and baseline.value <= Decimal(0):
        yield (
            "cagr-undefined",
            both(
                "{code}: progress 'cagr' cannot start from {value} (a growth rate "
                "needs a positive start); use linear",
                code=ind.code,
                value=fmt(baseline.value),
            ),
            (*path, "progress"),
        )
