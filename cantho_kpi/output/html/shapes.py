"""The shapes of a chart, as the page's template draws them (positions in SVG pixels, texts
as the page writes them), and the scale that places years and values: decimals, rounded to a
tenth of a pixel at the end, a value axis with round ticks kept inside the indicator's
plausible range."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

from ...domain import json_number
from ...report import Progress
from ...targets import Indicator

WIDTH, HEIGHT = 640, 270
LEFT, RIGHT, TOP, BOTTOM = 58, 500, 30, 212
_TENTH = Decimal("0.1")
_NICE = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


@dataclass(frozen=True, slots=True)
class Tick:
    pos: Decimal  # x for a year, y for a value
    text: str
    value: str = ""  # a value tick's number, as the JSON writes it


@dataclass(frozen=True, slots=True)
class Dot:
    """A point of the drawing: a year's figure, the baseline or the projection."""

    x: Decimal
    y: Decimal
    period: str
    value: str  # as the JSON writes the number
    text: str  # the number as the page writes it ("7,53"), beside the point
    label: str  # "2024: 7,53", the point's tooltip
    used: bool = True
    #: For a running total, the year's own figure (the JSON's series value).
    figure: str | None = None


@dataclass(frozen=True, slots=True)
class Level:
    """A horizontal line over part of the plot (a target bound, the mean so far)."""

    y: Decimal
    x1: Decimal
    x2: Decimal
    text: str


@dataclass(frozen=True, slots=True)
class LegendItem:
    kind: str  # dot, hollow, baseline, band, line, projection, mean, break
    text: str
    x: Decimal
    y: Decimal


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    code: str
    caption: str  # "CT01 (%)", the first text drawn
    title: str
    desc: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    dots: tuple[Dot, ...]
    path: str  # the counted figures joined, in order
    band: tuple[Decimal, Decimal] | None  # y of the upper and the lower bound
    target: Level | None  # a one-sided bound
    target_text: str
    target_y: Decimal  # where the target's label sits
    baseline: Dot | None
    projection: Dot | None
    projection_path: str
    mean: Level | None
    cut: Tick | None  # a declared break: x and its label
    legend: tuple[LegendItem, ...]
    cumulative: bool


class Scale:
    """Years to x and values to y, over a value range with round ticks that holds every value
    drawn, padded by a tenth of the range on each side but not past the indicator's plausible
    range (a share's axis stops at 100 unless a figure drawn goes past it)."""

    def __init__(self, low: Decimal, high: Decimal, step: Decimal, years: tuple[int, int]):
        self.low, self.high, self.years = low, high, years
        count = int((high - low) / step)
        self.ticks = [low + step * i for i in range(count + 1)]

    @classmethod
    def of(
        cls,
        result: Progress,
        indicator: Indicator,
        values: list[Decimal],
        projection: Decimal | None,
        mean: Decimal | None,
        years: tuple[int, int],
    ) -> Scale:
        found = [*values, *(v for v in (projection, mean) if v is not None)]
        if result.baseline is not None:
            found.append(result.baseline.value)
        target = result.target
        if target is not None:
            found += [b for b in (target.min, target.max) if b is not None]
        least, most = (min(found), max(found)) if found else (Decimal(0), Decimal(1))
        pad = (most - least) / 10 if most > least else max(abs(most) / 10, Decimal(1))
        step = nice_step((most - least + 2 * pad) / 4)
        # the padding stops at the plausible range; what is drawn is always inside
        plausible = indicator.plausible
        low = max(_down(least - pad, step), min(_up(plausible.min, step), _down(least, step)))
        high = min(_up(most + pad, step), max(_down(plausible.max, step), _up(most, step)))
        if high <= low:
            high = low + step
        return cls(low, high, step, years)

    def x(self, year: int) -> Decimal:
        first, last = self.years
        span = max(last - first, 1)
        return px(LEFT + 20 + Decimal(year - first) * (RIGHT - LEFT - 40) / span)

    def y(self, value: Decimal) -> Decimal:
        share = (value - self.low) / (self.high - self.low)
        return px(BOTTOM - share * (BOTTOM - TOP))


def nice_step(rough: Decimal) -> Decimal:
    """1, 2, 2.5 or 5 times a power of ten, the first at least ``rough``."""
    if rough <= 0:
        return Decimal(1)
    power = Decimal(1).scaleb(rough.adjusted())
    return next(n * power for n in _NICE if n * power >= rough)


def _down(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(ROUND_FLOOR) * step


def _up(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(ROUND_CEILING) * step


def px(value: Decimal) -> Decimal:
    return value.quantize(_TENTH, rounding=ROUND_HALF_EVEN)


def json_text(value: Decimal) -> str:
    return str(json_number(value))
