"""Properties of the progress measure that must hold for every series: CR grows with the latest
value (falls, when lower is better), and an achieved target stays achieved when a better year
is added."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, strategies as st

from cantho_kpi.report import Inputs, Point, Progress, ProgressStatus, assess

from .test_progress_methods import (
    COMMUNES,
    GROWTH_C,
    LIMITS,
    MEMBERS,
    POOR,
    RATIO,
    SHARE,
    TERM,
    URBAN,
    ind,
)

values = st.decimals(min_value=Decimal("0.1"), max_value=Decimal(200), places=2)
years = st.integers(min_value=2021, max_value=2024)


def _assess(indicator: object, points: list[tuple[int, Decimal]]) -> Progress:
    inputs = Inputs(indicator, TERM, LIMITS, unit_code="CT")  # type: ignore[arg-type]
    return assess(inputs, [Point(year, value) for year, value in points])


@given(start=values, a=values, b=values, latest_year=st.integers(min_value=2022, max_value=2024))
def test_cr_grows_with_the_latest_value(
    start: Decimal, a: Decimal, b: Decimal, latest_year: int
) -> None:
    low, high = sorted((a, b))
    for indicator in (URBAN, COMMUNES):
        worse = _assess(indicator, [(2021, start), (latest_year, low)])
        better = _assess(indicator, [(2021, start), (latest_year, high)])
        if worse.cr is not None and better.cr is not None:
            assert worse.cr <= better.cr


@given(start=values, a=values, b=values)
def test_cr_falls_with_the_latest_value_when_lower_is_better(
    start: Decimal, a: Decimal, b: Decimal
) -> None:
    low, high = sorted((a, b))
    assume(start != POOR.max)
    lower = _assess(POOR, [(2021, start), (2023, low)])
    higher = _assess(POOR, [(2021, start), (2023, high)])
    assert lower.cr is not None
    assert higher.cr is not None
    assert lower.cr >= higher.cr


@given(start=values, a=values, b=values)
def test_cr_of_a_band_grows_toward_it_from_below(start: Decimal, a: Decimal, b: Decimal) -> None:
    assert SHARE.min is not None
    low, high = sorted((a, b))
    assume(start < SHARE.min and high < SHARE.min)
    worse = _assess(SHARE, [(2021, start), (2024, low)])
    better = _assess(SHARE, [(2021, start), (2024, high)])
    assert worse.cr is not None
    assert better.cr is not None
    assert worse.cr <= better.cr


@given(
    first=values,
    margin=st.decimals(min_value=0, max_value=50, places=2),
    extra=st.decimals(min_value=0, max_value=50, places=2),
    gap=st.integers(min_value=1, max_value=2),
)
def test_achieved_stays_achieved_when_a_better_year_is_added(
    first: Decimal, margin: Decimal, extra: Decimal, gap: int
) -> None:
    for indicator in (URBAN, COMMUNES):
        assert indicator.min is not None
        series = [(2021, first), (2023, indicator.min + margin)]  # the latest meets the target
        before = _assess(indicator, series)
        assert before.status is ProgressStatus.ACHIEVED
        after = _assess(indicator, [*series, (2023 + gap, indicator.min + margin + extra)])
        assert after.status is ProgressStatus.ACHIEVED


@given(
    first=values,
    inside=st.decimals(min_value=Decimal("54.1"), max_value=Decimal("54.75"), places=2),
    gap=st.integers(min_value=1, max_value=2),
)
def test_a_band_met_stays_achieved_with_another_year_inside(
    first: Decimal, inside: Decimal, gap: int
) -> None:
    series = [(2021, first), (2023, inside)]
    assert _assess(SHARE, series).status is ProgressStatus.ACHIEVED
    after = _assess(SHARE, [*series, (2023 + gap, inside)])
    assert after.status is ProgressStatus.ACHIEVED


@given(
    flows=st.lists(st.decimals(min_value=0, max_value=5000, places=0), min_size=1, max_size=3),
    extra=st.decimals(min_value=0, max_value=5000, places=0),
)
def test_a_reached_total_stays_reached(flows: list[Decimal], extra: Decimal) -> None:
    flows = [*flows[:-1], max(flows[-1], 7000 - sum(flows[:-1], Decimal(0)))]  # reach 7,000
    series = [(2021 + i, v) for i, v in enumerate(flows)]
    before = _assess(MEMBERS, series)
    assert before.status is ProgressStatus.ACHIEVED
    after = _assess(MEMBERS, [*series, (2021 + len(flows), extra)])
    assert after.status is ProgressStatus.ACHIEVED


@given(flows=st.lists(st.decimals(min_value=-5, max_value=20, places=2), min_size=1, max_size=4))
def test_average_cr_is_against_the_target_from_the_base_year(flows: list[Decimal]) -> None:
    result = _assess(RATIO, [(2021 + i, v) for i, v in enumerate(flows)])
    k, total = len(flows), sum(flows, Decimal(0))
    required = (Decimal(12) * 5 - total) / (5 - k)
    assert result.required == required
    assert result.cr == (total / k) / 12
    if required <= 0:
        assert result.status is ProgressStatus.ON_TRACK  # secured, but the term is not over
    assert result.status is not ProgressStatus.ACHIEVED


@given(rates=st.lists(st.decimals(min_value=-20, max_value=30, places=2), min_size=1, max_size=4))
def test_average_growth_is_secured_exactly_when_the_product_reaches_the_target(
    rates: list[Decimal],
) -> None:
    result = _assess(GROWTH_C, [(2021 + i, v) for i, v in enumerate(rates)])
    product = Decimal(1)
    for rate in rates:
        product *= 1 + rate / 100
    assert result.required is not None
    assert (result.required <= 0) == (product >= Decimal("1.075") ** 5)
    assert result.status is not ProgressStatus.ACHIEVED


FLOW = ind("CT05a", "at_least", min=100, measure="flow", progress="every_year")
EVERY = ind("CT20", "at_least", min=75, measure="yearly", progress="every_year")
year_values = st.decimals(min_value=0, max_value=200, places=1)


def _points(years: list[Decimal]) -> list[Point]:
    return [Point(2021 + i, v) for i, v in enumerate(years)]


def _part_year(year: int, value: Decimal, month: int) -> Point:
    return Point(year, value, f"{year}-H1", provisional=True, month=month)


@given(
    years=st.lists(year_values, min_size=0, max_size=5),
    extra=year_values,
    month=st.sampled_from([3, 6, 9]),
    where=st.integers(min_value=0, max_value=4),
)
def test_a_part_year_flow_figure_never_changes_a_status(
    years: list[Decimal], extra: Decimal, month: int, where: int
) -> None:
    """Added to any year of the term (one with its year figure or not), a part-year flow
    figure is shown, never counted."""
    checked = 0
    for indicator in (
        FLOW,
        ind(
            "CT17b",
            "at_least",
            min=7000,
            measure="flow",
            accrues_over="term",
            progress="cumulative",
        ),
    ):
        inputs = Inputs(indicator, TERM, LIMITS, unit_code="CT")
        before = assess(inputs, _points(years))
        after = assess(inputs, [*_points(years), _part_year(2021 + where, extra, month)])
        assert after.status is before.status
        assert after.cr == before.cr
        assert after.missing_years == before.missing_years
        checked += 1
    assert checked == 2


@given(
    years=st.lists(year_values, min_size=1, max_size=4),
    added=st.decimals(min_value=75, max_value=100, places=1),
)
def test_a_met_year_never_undoes_not_achieved(years: list[Decimal], added: Decimal) -> None:
    inputs = Inputs(EVERY, TERM, LIMITS, unit_code="CT")
    before = assess(inputs, _points(years))
    assume(before.status is ProgressStatus.NOT_ACHIEVED)
    after = assess(inputs, [*_points(years), Point(2021 + len(years), added)])
    assert after.status is ProgressStatus.NOT_ACHIEVED
    assert after.years_judged == (before.years_judged or 0) + 1
