"""Properties of the progress measure that must hold for every series: CR grows with the latest
value (falls, when lower is better), and an achieved target stays achieved when a better year
is added."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from cantho_kpi.report import Inputs, Point, Progress, ProgressStatus, assess

from .test_progress_methods import COMMUNES, GROWTH, LIMITS, MEMBERS, POOR, SHARE, TERM, URBAN

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
def test_average_cr_is_the_mean_over_what_is_left(flows: list[Decimal]) -> None:
    result = _assess(GROWTH, [(2021 + i, v) for i, v in enumerate(flows)])
    k, total = len(flows), sum(flows, Decimal(0))
    required = (Decimal("7.5") * 5 - total) / (5 - k)
    assert result.required == required
    if required <= 0:
        assert result.status is ProgressStatus.ACHIEVED
    else:
        assert result.cr == (total / k) / required
