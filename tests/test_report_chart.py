"""The geometry of the web page's charts, for any series (hypothesis): every mark lies inside
the plot, where the value axis says its number is; the axis has round ticks, bottom to top,
and stops at the indicator's plausible range unless a figure drawn goes past it (a share's
axis at 100); a term total is drawn as its running total."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from hypothesis import given, settings, strategies as st

from cantho_kpi.domain import Status, TargetKind
from cantho_kpi.output.html.chart import chart_of
from cantho_kpi.output.html.shapes import BOTTOM, LEFT, RIGHT, TOP, nice_step
from cantho_kpi.report import AppliedTarget, Point, Progress, ProgressStatus, Projection
from cantho_kpi.targets import Baseline, Indicator, ProgressMethod, TargetsFile, load_targets

from .conftest import ROOT


@lru_cache(maxsize=1)
def _shipped() -> TargetsFile:
    found = load_targets(ROOT / "data" / "targets.yaml").targets
    assert found is not None
    return found


CODES = [i.code for i in _shipped().indicators]


def _progress(
    indicator: Indicator,
    values: list[Decimal],
    used: list[bool],
    base: Decimal | None,
    projected: Decimal | None,
    method: ProgressMethod,
) -> Progress:
    series = tuple(
        Point(2021 + i, v, str(2021 + i), used=u)
        for i, (v, u) in enumerate(zip(values, used, strict=True))
    )
    target = AppliedTarget(indicator.kind, indicator.min, indicator.max, None, "plan")
    return Progress(
        unit_code="CT",
        code=indicator.code,
        method=method,
        baseline=Baseline(period="2020", value=base, source="test") if base is not None else None,
        series=series,
        status=ProgressStatus.FAIR,
        target=target,
        projection=Projection(2025, projected, Status.MET) if projected is not None else None,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Indicator, Progress]:
    code = draw(st.sampled_from(CODES))
    indicator = next(i for i in _shipped().indicators if i.code == code)
    low, high = indicator.plausible.min, indicator.plausible.max
    value = st.decimals(min_value=low, max_value=high, places=2)
    values = draw(st.lists(value, min_size=0, max_size=5))
    used = draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values)))
    base = draw(st.none() | value)
    # a projection may leave the plausible range (a pace that would pass 100 %)
    projected = draw(st.none() | st.decimals(min_value=low, max_value=high * 2 + 10, places=2))
    method = draw(st.sampled_from(list(ProgressMethod)))
    return indicator, _progress(indicator, values, used, base, projected, method)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_every_mark_lies_inside_the_plot_where_the_axis_says(
    case: tuple[Indicator, Progress],
) -> None:
    indicator, result = case
    chart = chart_of(result, indicator, 2020, 2025, "target", "en")
    ticks = chart.y_ticks
    assert 2 <= len(ticks) <= 12
    assert ticks[0].pos == BOTTOM
    assert ticks[-1].pos == TOP
    values = [Decimal(t.value) for t in ticks]
    assert values == sorted(values)
    step = values[1] - values[0]
    assert step == nice_step(step)  # 1, 2, 2.5 or 5 times a power of ten
    marks = [*chart.dots, *(d for d in (chart.baseline, chart.projection) if d is not None)]
    assert len(marks) == len(result.series) + (result.baseline is not None) + (
        chart.projection is not None
    )
    for mark in marks:
        assert TOP <= mark.y <= BOTTOM
        assert LEFT <= mark.x <= RIGHT
        expected = BOTTOM - (Decimal(mark.value) - values[0]) / (values[-1] - values[0]) * (
            BOTTOM - TOP
        )
        assert abs(mark.y - expected) <= Decimal("0.05")
    if chart.band is not None:
        assert TOP <= chart.band[0] <= chart.band[1] <= BOTTOM
    if chart.target is not None:
        assert TOP <= chart.target.y <= BOTTOM
    # the padding stops at the plausible range, unless something drawn is past it
    drawn = [Decimal(m.value) for m in marks]
    drawn += [b for b in (indicator.min, indicator.max) if b is not None]
    plausible = indicator.plausible
    if all(v <= plausible.max for v in drawn):
        assert values[-1] < plausible.max + step
    if all(v >= plausible.min for v in drawn):
        assert values[0] > plausible.min - step


def test_a_term_total_is_drawn_as_its_running_total() -> None:
    indicator = next(i for i in _shipped().indicators if i.code == "CT17b")
    values = [Decimal(1350), Decimal(1420), Decimal(700), Decimal(1452)]
    result = _progress(
        indicator, values, [True, True, False, True], None, Decimal(7000), ProgressMethod.CUMULATIVE
    )
    chart = chart_of(result, indicator, 2020, 2025, "≥ 7,000", "en")
    assert [d.value for d in chart.dots] == ["1350", "2770", "3470", "4222"]
    assert [d.figure for d in chart.dots] == ["1350", "1420", "700", "1452"]
    assert [d.used for d in chart.dots] == [True, True, False, True]
    assert chart.path.count("L") == 2  # the line joins the three whole years only
    assert chart.target is not None  # a line at 7,000, the term's total
    assert chart.band is None
    assert indicator.kind is TargetKind.AT_LEAST
