"""The four progress methods and the statuses, each on an example computed by hand.

The hand computations are written beside each example (docs/progress.md has them worked out).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from cantho_kpi.domain import Status
from cantho_kpi.report import Inputs, Point, Progress, ProgressStatus, assess
from cantho_kpi.report.progress import ratio_status
from cantho_kpi.targets import Baseline, Break, Indicator, ProgressMethod, Term, Thresholds

TERM = Term.model_validate({"from": 2021, "to": 2025})
LIMITS = Thresholds()


def ind(code: str, kind: str, **extra: Any) -> Indicator:
    return Indicator.model_validate(
        {
            "code": code,
            "number": int(code[2:4]),
            "name_vi": "x",
            "name_en": "x",
            "plan_text": "x",
            "unit": extra.pop("unit", "%"),
            "kind": kind,
            "plausible": {"min": Decimal(-100), "max": Decimal(100000)},
            **{k: Decimal(str(v)) if isinstance(v, int | float) else v for k, v in extra.items()},
        }
    )


URBAN = ind("CT08", "at_least", min=76)  # "đạt 76%"
POOR = ind("CT11", "below", max=0.5)  # "còn dưới 0,5%"
SHARE = ind("CT03c", "band", min=54.1, max=54.75)
GROWTH_C = ind("CT01", "range", min=7.5, max=8, progress="average_growth", tolerance=0.5)
RATIO = ind("CT05b", "range", min=12, max=14, progress="average")
MEMBERS = ind("CT17b", "at_least", min=7000, unit="party members", progress="cumulative")
COMMUNES = ind("CT14a", "at_least", min=24, unit="communes")


def run(
    indicator: Indicator,
    points: list[tuple[int, float | str]],
    baseline: tuple[str, str] | None = None,
    breaks: tuple[Break, ...] = (),
) -> Progress:
    base = (
        Baseline(period=baseline[0], value=Decimal(baseline[1]), source="test")
        if baseline
        else None
    )
    inputs = Inputs(indicator, TERM, LIMITS, baseline=base, breaks=breaks, unit_code="CT")
    return assess(inputs, [Point(year, Decimal(str(value))) for year, value in points])


def close(value: Decimal | None, expected: str, places: int = 6) -> bool:
    assert value is not None
    return abs(value - Decimal(expected)) < Decimal(10) ** -places


# --- cagr ---------------------------------------------------------------------------------


def test_cagr_on_track() -> None:
    # actual = (73/70)^(1/2) - 1 = 0.0212038; required = (76/70)^(1/4) - 1 = 0.0207723
    result = run(URBAN, [(2021, 70), (2023, 73)])
    assert result.method is ProgressMethod.CAGR
    assert close(result.actual, "0.0212038")
    assert close(result.required, "0.0207723")
    assert close(result.cr, "1.020770", 5)
    assert result.status is ProgressStatus.ON_TRACK
    # 73 * 1.0212038^2 = 76.13: the projection meets the target ("exceeded" as kpi check says)
    assert result.projection is not None
    assert result.projection.value == Decimal("76.13")
    assert result.projection.status is Status.EXCEEDED


def test_cagr_limited_and_its_projection() -> None:
    # actual = (71/70)^(1/2) - 1 = 0.0071175; CR = 0.0071175 / 0.0207723 = 0.34264
    result = run(URBAN, [(2021, 70), (2023, 71)])
    assert close(result.cr, "0.342645", 5)
    assert result.status is ProgressStatus.LIMITED
    assert result.projection is not None
    assert result.projection.status is Status.NOT_MET


def test_cagr_lower_is_better() -> None:
    # from 1.5 down to 0.9 in 2 years toward < 0.5 by 2025 (4 years): d = -1
    # actual = (0.9/1.5)^(1/2) - 1 = -0.2254033; required = (0.5/1.5)^(1/4) - 1 = -0.2401643
    result = run(POOR, [(2021, 1.5), (2023, 0.9)])
    assert close(result.cr, "0.938538", 5)
    assert result.status is ProgressStatus.FAIR


def test_cagr_from_the_baseline() -> None:
    # the baseline 2020 is the start: actual = (73/70)^(1/3) - 1, required = (76/70)^(1/5) - 1
    result = run(URBAN, [(2023, 73)], baseline=("2020", "70"))
    assert result.start is not None
    assert result.start.year == 2020
    assert close(result.actual, "0.014086357", 8)
    assert close(result.required, "0.016583626", 8)
    assert result.status is ProgressStatus.FAIR  # CR = 0.8494


def test_cagr_undefined_falls_back_to_linear() -> None:
    # a growth rate from -2 is undefined: linear instead, (6 - (-2)) / 2 = 4 a year against
    # (7.5 - (-2)) / 4 = 2.375 a year
    level = ind("CT04", "range", min=7.5, max=8, progress="cagr")
    result = run(level, [(2021, -2), (2023, 6)])
    assert result.method is ProgressMethod.LINEAR
    assert result.fallback
    assert result.actual == Decimal(4)
    assert result.required == Decimal("2.375")
    assert result.status is ProgressStatus.ON_TRACK


def test_band_approached_from_below() -> None:
    # 49 -> 52.1 in 3 years toward 54.1: actual = (52.1/49)^(1/3) - 1 = 0.0206587,
    # required = (54.1/49)^(1/4) - 1 = 0.0250624; CR = 0.824292
    result = run(SHARE, [(2021, 49), (2024, 52.1)])
    assert close(result.cr, "0.824292", 5)
    assert result.status is ProgressStatus.FAIR


def test_band_approached_from_above() -> None:
    # 58 -> 56 in 2 years toward 54.75 from above (d = -1): actual = (56/58)^(1/2) - 1 =
    # -0.0173926; required = (54.75/58)^(1/4) - 1 = -0.0143130; CR = 1.215164
    result = run(SHARE, [(2021, 58), (2023, 56)])
    assert close(result.cr, "1.215164", 5)
    assert result.status is ProgressStatus.ON_TRACK


def test_band_left_from_inside_is_deterioration() -> None:
    # the start was inside the band; the latest misses above: it moves away (CR < 0)
    result = run(SHARE, [(2021, 54.5), (2023, 55.5)])
    assert result.cr is not None
    assert result.cr < 0
    assert result.status is ProgressStatus.DETERIORATION


def test_band_met_is_achieved() -> None:
    assert run(SHARE, [(2021, 50), (2023, 54.2)]).status is ProgressStatus.ACHIEVED


def test_start_on_the_bound_and_falling_is_deterioration() -> None:
    # required = (100/100)^(1/4) - 1 = 0: no ratio; the figure moved away from the target
    full = ind("CT19b", "at_least", min=100)
    result = run(full, [(2021, 100), (2023, 97)])
    assert result.cr is None
    assert result.required == 0
    assert result.status is ProgressStatus.DETERIORATION


def test_start_met_latest_missed_is_deterioration() -> None:
    # Open SDG's direction factor: d * actual / |required| = -0.0124 / 0.0031 < 0
    result = run(ind("CT17a", "at_least", min=80), [(2021, 81), (2024, 79)])
    assert result.cr is not None
    assert result.cr < Decimal("-0.1")
    assert result.status is ProgressStatus.DETERIORATION


# --- linear -------------------------------------------------------------------------------


def test_linear_for_counts() -> None:
    # communes: 16 -> 23.5 in 3 years = 2.5 a year; needed (24 - 16) / 4 = 2 a year
    result = run(COMMUNES, [(2021, 16), (2024, 23.5)])
    assert result.method is ProgressMethod.LINEAR
    assert result.actual == Decimal("2.5")
    assert result.required == Decimal(2)
    assert result.cr == Decimal("1.25")
    assert result.status is ProgressStatus.ON_TRACK
    assert result.projection is not None
    assert result.projection.value == Decimal(26)  # 23.5 + 2.5


# --- average, average_growth and cumulative (docs/progress.md, worked examples) ------------


def test_average_growth_is_the_compound_mean() -> None:
    # CT01, 7.5-8 %/yr over n = 5 years; k = 4 whole years, one of them negative:
    # P = 0.964 * 1.1264 * 1.0575 * 1.0753 = 1.2347518841856
    # G = P^(1/4) - 1 = 0.0541318 (5.4132 %; the arithmetic mean would be 5.58)
    # CR = G / 0.075 = 0.721758 (UNSD: against the required rate itself) -> fair
    # R = (1.075^5 / P)^(1/1) - 1 = 1.435629326171875 / 1.2347518841856 - 1 = 16.2686 %
    result = run(GROWTH_C, [(2021, -3.6), (2022, 12.64), (2023, 5.75), (2024, 7.53)])
    assert result.method is ProgressMethod.AVERAGE_GROWTH
    assert close(result.actual, "5.413182")
    assert close(result.cr, "0.721758", 5)
    assert close(result.required, "16.268648", 5)
    assert result.status is ProgressStatus.FAIR
    assert result.projection is not None
    assert result.projection.value == Decimal("5.41")
    assert result.projection.status is Status.NOT_MET
    assert not result.final


def test_average_growth_already_secured_is_on_track_never_achieved() -> None:
    # 10, 10, 10, 8: P = 1.1^3 * 1.08 = 1.43748 >= 1.075^5 = 1.435629326171875, so the last
    # year may fall by (1 - 1.435629326171875 / 1.43748) = 0.1287 % and the term still meets
    result = run(GROWTH_C, [(2021, 10), (2022, 10), (2023, 10), (2024, 8)])
    assert close(result.required, "-0.128744", 5)
    assert result.status is ProgressStatus.ON_TRACK


def test_average_growth_final_compares_the_product_exactly() -> None:
    # 7.5 % five times: P = 1.075^5 exactly, met; the arithmetic mean of 7, 8, 8, 7, 7 is 7.4
    # and the compound mean 7.3989 %: not met either way
    assert run(GROWTH_C, [(y, "7.5") for y in range(2021, 2026)]).status is (
        ProgressStatus.ACHIEVED
    )
    years = [(2021, 7), (2022, 8), (2023, 8), (2024, 7), (2025, 7)]
    result = run(GROWTH_C, years)
    assert result.status is ProgressStatus.NOT_ACHIEVED
    assert result.final
    assert close(result.actual, "7.398884")


def test_average_growth_above_the_range_is_exceeded() -> None:
    # 9 % a year over 2021-2025 is above 8 %: the projection (the mean) is exceeded
    result = run(GROWTH_C, [(y, 9) for y in range(2021, 2026)])
    assert result.status is ProgressStatus.ACHIEVED
    assert result.projection is not None
    assert result.projection.status is Status.EXCEEDED


def test_average_is_the_arithmetic_mean_of_ratios() -> None:
    # CT05b 12-14 % of GRDP: 11.2, 11.8, 12.3, 13.46; S = 48.76, mean 12.19
    # CR = 12.19 / 12 = 1.015833 (against the target from the base year); R = 60 - 48.76 = 11.24
    result = run(RATIO, [(2021, 11.2), (2022, 11.8), (2023, 12.3), (2024, 13.46)])
    assert result.actual == Decimal("12.19")
    assert close(result.cr, "1.015833", 5)
    assert result.required == Decimal("11.24")
    assert result.status is ProgressStatus.ON_TRACK
    assert result.projection is not None
    assert result.projection.value == Decimal("12.19")


def test_average_needing_nothing_more_is_on_track_not_achieved() -> None:
    # S = 70 >= 12 * 5: R = (60 - 70) / 1 = -10 <= 0; the last year still counts
    result = run(RATIO, [(2021, 20), (2022, 20), (2023, 15), (2024, 15)])
    assert result.required == Decimal(-10)
    assert result.status is ProgressStatus.ON_TRACK


def test_term_methods_ignore_years_outside_the_term() -> None:
    result = run(RATIO, [(2019, 20), (2020, 20), (2021, 12)])
    assert [p.year for p in result.series if p.used] == [2021]
    assert result.cr == 1  # 12 / 12


def test_cumulative() -> None:
    # S = 1350 + 1420 + 1380 = 4150 in k = 3 years, a pace of 1383.33; the target needs 7000/5
    # = 1400 a year from the start: CR = 1383.33 / 1400 = 0.988095; the 2 others need
    # R = (7000 - 4150) / 2 = 1425 a year; at the pace so far the term ends at 6916.67
    result = run(MEMBERS, [(2021, 1350), (2022, 1420), (2023, 1380)])
    assert result.required == Decimal(1425)
    assert close(result.cr, "0.988095", 5)
    assert result.status is ProgressStatus.ON_TRACK
    assert result.projection is not None
    assert result.projection.value == Decimal("6916.67")
    assert result.projection.status is Status.NOT_MET
    assert result.to_date is not None
    assert result.to_date.value == Decimal(4150)


def test_cumulative_reached_is_achieved() -> None:
    result = run(MEMBERS, [(2021, 3000), (2022, 2500), (2023, 1500)])
    assert result.required is not None
    assert result.required <= 0
    assert result.status is ProgressStatus.ACHIEVED


# --- the end of the term, missing data, breaks --------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [(76, ProgressStatus.ACHIEVED), (75.9, ProgressStatus.NOT_ACHIEVED)],
)
def test_final_year(value: float, status: ProgressStatus) -> None:
    assert run(URBAN, [(2021, 70), (2023, 73), (2025, value)]).status is status


def test_final_year_alone_still_gives_the_final_verdict() -> None:
    assert run(URBAN, [(2025, 77)]).status is ProgressStatus.ACHIEVED


def test_final_average_is_the_term_mean() -> None:
    # (12 + 11 + 12 + 12 + 12.9) / 5 = 11.98 < 12
    years = [(2021, 12), (2022, 11), (2023, 12), (2024, 12), (2025, 12.9)]
    assert run(RATIO, years).status is ProgressStatus.NOT_ACHIEVED
    years[-1] = (2025, 13)  # 60 / 5 = 12
    assert run(RATIO, years).status is ProgressStatus.ACHIEVED


def test_insufficient_data() -> None:
    assert run(URBAN, [(2024, 80)]).status is ProgressStatus.INSUFFICIENT_DATA
    assert run(URBAN, []).status is ProgressStatus.INSUFFICIENT_DATA
    assert run(RATIO, []).status is ProgressStatus.INSUFFICIENT_DATA
    assert run(RATIO, [(2021, 13)]).status is ProgressStatus.ON_TRACK  # one year is enough


def test_a_break_moves_the_start_past_it() -> None:
    cut = Break(period="2021", reason="new method")
    result = run(URBAN, [(2021, 70), (2023, 73)], baseline=("2020", "90"), breaks=(cut,))
    assert result.cut == cut
    assert result.start is not None
    assert result.start.year == 2021  # not the 2020 baseline
    assert result.status is ProgressStatus.ON_TRACK
    alone = run(URBAN, [(2021, 70)], baseline=("2020", "60"), breaks=(cut,))
    assert alone.cut == cut
    assert alone.status is ProgressStatus.INSUFFICIENT_DATA


def test_a_method_break_within_the_year_cuts_at_that_year() -> None:
    cut = Break(period="2025-H2", reason="a new survey")
    result = run(URBAN, [(2021, 70), (2023, 73), (2025, 74)], breaks=(cut,))
    assert result.cut == cut
    assert result.cr is None
    assert result.status is ProgressStatus.NOT_ACHIEVED  # the final verdict needs no rate


def test_a_break_after_the_latest_year_changes_nothing() -> None:
    merger = Break(period="2025-H2", kind="boundary", reason="merged city")
    result = run(URBAN, [(2021, 70), (2023, 73)], breaks=(merger,))
    assert result.cut is None
    assert result.boundary is None
    assert result.status is ProgressStatus.ON_TRACK


@pytest.mark.parametrize(
    ("cr", "status"),
    [
        ("0.95", ProgressStatus.ON_TRACK),
        ("0.9499", ProgressStatus.FAIR),
        ("0.5", ProgressStatus.FAIR),
        ("0.4999", ProgressStatus.LIMITED),
        ("-0.1", ProgressStatus.LIMITED),
        ("-0.1001", ProgressStatus.DETERIORATION),
    ],
)
def test_thresholds_at_their_bounds(cr: str, status: ProgressStatus) -> None:
    assert ratio_status(Decimal(cr), LIMITS) is status


def test_thresholds_are_a_setting() -> None:
    statcan = Thresholds(on_track=Decimal("0.95"), fair=Decimal("0.6"), limited=Decimal(0))
    assert ratio_status(Decimal("0.55"), statcan) is ProgressStatus.LIMITED
    assert ratio_status(Decimal("-0.05"), statcan) is ProgressStatus.DETERIORATION
    assert ratio_status(Decimal("0.55"), LIMITS) is ProgressStatus.FAIR
