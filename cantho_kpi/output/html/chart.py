"""The chart of one figure over the term, as the shapes of an SVG drawing: where each point,
the target (a line, or a band for a range), the baseline, the projection and the axes lie.
Pure geometry from the progress result; the page's template writes the SVG, escaping every
text. Positions are computed in decimals and rounded to a tenth of a pixel at the end.

What is drawn follows what the target's words measure (``docs/report-html.md``):

* a level to reach (``cagr``, ``linear``): the yearly figures, the baseline, the target, and
  the projection to the term's last year at the observed pace (dashed);
* a term mean (``average``, ``average_growth``) or an every-year target: the yearly figures
  against the target, and for a mean the mean so far (dotted, over the years it covers);
* a total over the term (``cumulative``): the running total of the whole years against the
  total, and the projection of the total.

Every point carries its number (``data-value``, as the progress JSON writes it) so that a test
can hold the drawing to the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal

from ...domain import Lang, TargetKind, format_number
from ...report import Point, Progress
from ...targets import Indicator, ProgressMethod, indicator_label, unit_label
from .shapes import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    Chart,
    Dot,
    LegendItem,
    Level,
    Scale,
    Tick,
    json_text,
    px,
)
from .words import PAGE_WORDS

_CENT = Decimal("0.01")


def chart_of(
    result: Progress,
    indicator: Indicator,
    first_year: int,
    last_year: int,
    target_text: str,
    lang: Lang,
) -> Chart:
    """The drawing of ``result``'s series between ``first_year`` and ``last_year`` (the term's
    base year and last year, widened to the figures)."""
    words = PAGE_WORDS[lang]
    cumulative = result.method is ProgressMethod.CUMULATIVE
    values = _plotted(result, cumulative)
    years = [p.year for p in result.series]
    base = result.baseline
    if base is not None:
        years.append(int(base.period))
    x0, x1 = min([first_year, *years]), max([last_year, *years])
    projection = _projected(result, cumulative)
    mean = _mean_value(result)
    scale = Scale.of(result, indicator, values, projection, mean, (x0, x1))
    unit = _unit(indicator, lang)
    pairs = zip(result.series, values, strict=True)
    dots = tuple(_dot(scale, p, v, lang, cumulative) for p, v in pairs)
    used = [d for d in dots if d.used]
    base_dot = _baseline_dot(scale, result, words, lang)
    proj_dot, proj_path = _projection_shapes(scale, result, projection, used, words, lang)
    band, line, label_y = _target_shapes(scale, result)
    mean_level = _mean_level(scale, result, mean, words, lang)
    cut = _cut(scale, result, words)
    code = result.code
    legend = _legend(code, words, dots, base_dot, band, line, proj_dot, mean_level, cut)
    return Chart(
        id=f"chart-{code}",
        code=code,
        caption=f"{code} ({unit})" + (f" · {words['running_total']}" if cumulative else ""),
        title=words["chart_title"].format(code=code, name=_name(indicator, lang)),
        desc=_desc(result, values, base_dot, proj_dot, mean_level, target_text, lang),
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=RIGHT,
        top=TOP,
        bottom=BOTTOM,
        x_ticks=tuple(Tick(scale.x(y), str(y)) for y in range(x0, x1 + 1)),
        y_ticks=tuple(Tick(scale.y(v), format_number(v, lang), json_text(v)) for v in scale.ticks),
        dots=dots,
        path=_path(used),
        band=band,
        target=line,
        target_text=target_text,
        target_y=label_y,
        baseline=base_dot,
        projection=proj_dot,
        projection_path=proj_path,
        mean=mean_level,
        cut=cut,
        legend=legend,
        cumulative=cumulative,
    )


# -- the numbers drawn ---------------------------------------------------------------------


def _plotted(result: Progress, cumulative: bool) -> list[Decimal]:
    """The value drawn for each point of the series: the figure, or for a term total the
    running total of the whole years counted (a figure not counted is drawn on top of the
    total before it, hollow)."""
    if not cumulative:
        return [p.value for p in result.series]
    total = Decimal(0)
    drawn = []
    for point in result.series:
        if point.used:
            total += point.value
            drawn.append(total)
        else:
            drawn.append(total + point.value)
    return drawn


def _projected(result: Progress, cumulative: bool) -> Decimal | None:
    """The projection drawn: the level (or the total) in the term's last year at the observed
    pace; a term mean's projection is a mean, said in words, not drawn on the yearly figures."""
    projection = result.projection
    if projection is None:
        return None
    if cumulative or result.method in (ProgressMethod.CAGR, ProgressMethod.LINEAR):
        return projection.value
    return None


def _mean_value(result: Progress) -> Decimal | None:
    found = result.to_date
    if found is None or found.basis not in ("mean", "compound_mean"):
        return None
    return found.value.quantize(_CENT, rounding=ROUND_HALF_EVEN)


# -- the shapes ----------------------------------------------------------------------------


def _dot(scale: Scale, point: Point, drawn: Decimal, lang: Lang, cumulative: bool) -> Dot:
    text = format_number(drawn, lang)
    return Dot(
        scale.x(point.year),
        scale.y(drawn),
        point.period,
        json_text(drawn),
        text,
        f"{point.year}: {text}",
        used=point.used,
        figure=json_text(point.value) if cumulative else None,
    )


def _baseline_dot(
    scale: Scale, result: Progress, words: Mapping[str, str], lang: Lang
) -> Dot | None:
    base = result.baseline
    if base is None:
        return None
    text = format_number(base.value, lang)
    return Dot(
        scale.x(int(base.period)),
        scale.y(base.value),
        base.period,
        json_text(base.value),
        text,
        f"{words['baseline']} {base.period}: {text}",
    )


def _path(dots: list[Dot]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{d.x} {d.y}" for i, d in enumerate(dots))


def _projection_shapes(
    scale: Scale,
    result: Progress,
    value: Decimal | None,
    used: list[Dot],
    words: Mapping[str, str],
    lang: Lang,
) -> tuple[Dot | None, str]:
    projection = result.projection
    if value is None or projection is None:
        return None, ""
    year = str(projection.year)
    dot = Dot(
        scale.x(projection.year),
        scale.y(value),
        year,
        json_text(value),
        format_number(value, lang),
        f"{words['projection']} {year}: {format_number(value, lang)}",
        used=False,
    )
    start = used[-1] if used else None
    path = f"M{start.x} {start.y} L{dot.x} {dot.y}" if start is not None else ""
    return dot, path


def _target_shapes(
    scale: Scale, result: Progress
) -> tuple[tuple[Decimal, Decimal] | None, Level | None, Decimal]:
    """A band between the bounds of a range, else a line at the one bound; and where the
    target's label goes."""
    target = result.target
    if target is None:
        return None, None, Decimal(TOP)
    low, high = target.min, target.max
    if target.kind in (TargetKind.RANGE, TargetKind.BAND) and low is not None and high is not None:
        top, bottom = scale.y(high), scale.y(low)
        return (top, bottom), None, px((top + bottom) / 2)
    bound = low if low is not None else high
    assert bound is not None  # a valid target has its bound
    y = scale.y(bound)
    return None, Level(y, Decimal(LEFT), Decimal(RIGHT), ""), y


def _mean_level(
    scale: Scale, result: Progress, mean: Decimal | None, words: Mapping[str, str], lang: Lang
) -> Level | None:
    found = result.to_date
    counted = [p.year for p in result.series if p.used]
    if mean is None or found is None or not counted:
        return None
    first, last = counted[0], counted[-1]
    text = words["mean_so_far"].format(first=first, last=last, value=format_number(mean, lang))
    return Level(scale.y(mean), scale.x(first), scale.x(last), text)


def _cut(scale: Scale, result: Progress, words: Mapping[str, str]) -> Tick | None:
    cut = result.shown_break
    if cut is None:
        return None
    year = int(cut.period[:4])
    first, last = scale.years
    if not first <= year <= last:
        return None
    return Tick(px(scale.x(year) - (scale.x(year) - scale.x(year - 1)) / 2), words["break"])


def _legend(
    code: str,
    words: Mapping[str, str],
    dots: tuple[Dot, ...],
    base: Dot | None,
    band: tuple[Decimal, Decimal] | None,
    line: Level | None,
    projection: Dot | None,
    mean: Level | None,
    cut: Tick | None,
) -> tuple[LegendItem, ...]:
    """The keys of what is drawn, in one or two rows under the x axis, after the figure's
    code (the drawing's last words, as its caption is its first); about 6.2 px a character
    at the legend's size."""
    wanted = [("code", f"{code}:"), ("dot", words["legend_counted"])]
    if any(not d.used for d in dots):
        wanted.append(("hollow", words["legend_not_counted"]))
    if base is not None:
        wanted.append(("baseline", words["baseline"]))
    if band is not None:
        wanted.append(("band", words["target"]))
    if line is not None:
        wanted.append(("line", words["target"]))
    if projection is not None:
        wanted.append(("projection", words["projection"]))
    if mean is not None:
        wanted.append(("mean", words["mean"]))
    if cut is not None:
        wanted.append(("break", words["break"]))
    items = []
    x, y = Decimal(LEFT), Decimal(HEIGHT - 22)
    for kind, text in wanted:
        shape = 0 if kind == "code" else 22
        size = shape + Decimal(len(text)) * Decimal("6.2") + 14
        if x + size > WIDTH - 8:
            x, y = Decimal(LEFT), y + 15
        items.append(LegendItem(kind, text, x, y))
        x += size
    return tuple(items)


# -- the words -------------------------------------------------------------------------------


def _unit(indicator: Indicator, lang: Lang) -> str:
    return "%" if indicator.unit == "%" else unit_label(indicator.unit, lang)


def _name(indicator: Indicator, lang: Lang) -> str:
    return indicator_label(indicator, lang)


def _desc(
    result: Progress,
    values: list[Decimal],
    base: Dot | None,
    projection: Dot | None,
    mean: Level | None,
    target_text: str,
    lang: Lang,
) -> str:
    """What the chart shows, in one paragraph for a screen reader (the table below has it
    all, figure by figure)."""
    words = PAGE_WORDS[lang]
    shown = "; ".join(
        f"{p.year}: {format_number(v, lang)}" + ("" if p.used else f" ({words['not_counted']})")
        for p, v in zip(result.series, values, strict=True)
    )
    what = words["desc_total"] if result.method is ProgressMethod.CUMULATIVE else words["desc"]
    parts = [what.format(series=shown or words["none"], target=target_text)]
    parts += [item.label for item in (base, projection) if item is not None]
    if mean is not None:
        parts.append(mean.text)
    return ". ".join(p[:1].upper() + p[1:] for p in parts) + "."
