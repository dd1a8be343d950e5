"""Which figure stands for each year of a series, and which of them a verdict counts. Pure.

The rules of ``docs/progress.md`` ("The series"), by what the figure measures
(``docs/domain.md``, "Periods and rounds"):

- the year-end round's figure stands for its year and is counted;
- a year without it shows its latest part-year figure, marked provisional; only a ``stock`` (a
  level that can be read at any time) counts it: a part-year ``flow`` is not the year's, a
  ``rate`` of a part-year period is not the year's rate, and a ``yearly`` figure describes a
  whole year;
- a ``yearly`` figure in a mid-year report that is not marked as an estimate for the year is
  last year's figure: it stands for the year before when that year has none, and is never a
  new point;
- years before the target's start (``from``) are shown, not counted; a figure after a
  boundary break (the 2025-H2 merger) is not compared with the old boundary's targets;
- a missing year is unknown: never zero, never still to come.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain import parse_period
from ..targets import Break, BreakKind, Measure
from .progress import Inputs, Point


def standing_points(inputs: Inputs, points: list[Point]) -> tuple[Point, ...]:
    """One point a year (sorted), each marked ``used`` or not."""
    term = inputs.term
    by_year: dict[int, list[Point]] = {}
    for point in points:
        if point.year <= term.to:
            by_year.setdefault(point.year, []).append(point)
    chosen: dict[int, Point] = {}
    moved: list[Point] = []
    for year in sorted(by_year):
        point = _year_point(inputs, by_year[year])
        if point.year != year:
            moved.append(point)
        else:
            chosen[year] = point
    for point in moved:
        chosen.setdefault(point.year, point)  # last year's figure fills a gap, never a new point
    first = inputs.indicator.first_year(term)
    boundary = boundary_break(inputs)
    marked = []
    for year in sorted(chosen):
        point = chosen[year]
        if year < first or (boundary is not None and after_break(point, boundary)):
            point = replace(point, used=False)
        marked.append(point)
    return tuple(marked)


def _year_point(inputs: Inputs, points: list[Point]) -> Point:
    """The figure that stands for one year: the year-end one, else the latest part-year one
    (counted for a stock only; a yearly figure not marked as an estimate is last year's)."""
    latest = max(points, key=lambda p: (not p.provisional, p.month, -len(p.period)))
    if not latest.provisional:
        return latest
    measure = inputs.indicator.measure
    if measure is Measure.STOCK:
        return latest
    if measure is Measure.YEARLY and not latest.estimate:
        return replace(
            latest,
            year=latest.year - 1,
            period=str(latest.year - 1),
            provisional=False,
            month=12,
            reported_in=latest.period,
        )
    return replace(latest, used=False)


def boundary_break(inputs: Inputs) -> Break | None:
    """The first boundary break of the term that concerns this indicator, if any."""
    found = [b for b in inputs.breaks if b.kind is BreakKind.BOUNDARY]
    return min(found, key=_first_month, default=None)


def _first_month(cut: Break) -> int:
    period = parse_period(cut.period)
    return period.first_month if period is not None else int(cut.period[:4]) * 12


def after_break(point: Point, cut: Break) -> bool:
    """Whether the point's figure stands at or after the first month of ``cut`` (a year's
    figure stands at its last month: the year 2025 is after a break in 2025-H2)."""
    if point.reported_in is not None:
        return point.year * 12 + 11 >= _first_month(cut)
    return point.year * 12 + point.month - 1 >= _first_month(cut)
