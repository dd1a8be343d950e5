"""What a figure measures over the term (docs/progress.md, "The series"): part-year figures,
every-year targets, gaps, boundary breaks, a target's start year, a verdict that rests on the
baseline. Each example is computed by hand beside it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cantho_kpi.domain import Status
from cantho_kpi.output import progress_result_dict
from cantho_kpi.report import Inputs, Point, Progress, ProgressStatus, assess
from cantho_kpi.targets import Baseline, Break

from .test_progress_methods import LIMITS, TERM, ind

BUDGET = ind("CT05a", "at_least", min=100, tolerance=2, measure="flow", progress="every_year")
MEMBERS = ind(
    "CT17b", "at_least", min=7000, unit="party members", measure="flow", accrues_over="term",
    progress="cumulative",
)  # fmt: skip
PER_HEAD = ind("CT02", "range", min=145, max=160, unit="million VND", measure="yearly")
COVERAGE = ind("CT13", "at_least", min=95, measure="stock")
GROWTH = ind("CT01", "range", min=7.5, max=8, measure="rate", progress="average_growth")
URBAN = ind("CT08", "at_least", min=76, measure="yearly")
SAFE = ind("CT20", "at_least", min=75, tolerance=5, measure="yearly", progress="every_year")
TASKS = ind("CT21", "at_least", min=100, measure="stock", **{"from": "2022"})
DOCTORS = ind("CT12", "at_least", min=17, measure="stock")
MERGER = Break(period="2025-H2", kind="boundary", reason="merged city")


def year(y: int, value: Any, **extra: Any) -> Point:
    return Point(y, Decimal(str(value)), str(y), **extra)


def part(y: int, value: Any, month: int, **extra: Any) -> Point:
    name = {3: "Q1", 6: "Q2", 9: "Q3"}[month]
    return Point(y, Decimal(str(value)), f"{y}-{name}", provisional=True, month=month, **extra)


def run(indicator: Any, points: list[Point], **inputs: Any) -> Progress:
    return assess(Inputs(indicator, TERM, LIMITS, unit_code="CT", **inputs), points)


# --- part-year figures ------------------------------------------------------------------------


def test_a_part_year_flow_is_shown_not_counted() -> None:
    # budget revenue at 9 months is 82.5 % of the year's estimate by construction: not a year
    whole = [year(2021, 101), year(2022, 103), year(2023, 100)]
    before = run(BUDGET, whole)
    after = run(BUDGET, [*whole, part(2024, "82.5", 9)])
    assert after.status is before.status is ProgressStatus.ON_TRACK
    assert (after.years_met, after.years_judged) == (3, 3)
    nine = after.series[-1]
    assert (nine.year, nine.provisional, nine.used) == (2024, True, False)
    assert progress_result_dict(after)["series"][-1]["used"] is False


def test_a_term_total_counts_whole_years_and_shows_the_running_total() -> None:
    # 1350 + 1420 + 1380 = 4150 over k = 3 whole years (CR = 1383.33 / 1400 = 0.988); the 702
    # admitted in the first half of 2024 are in the running total (4852), not in the verdict
    result = run(
        MEMBERS, [year(2021, 1350), year(2022, 1420), year(2023, 1380), part(2024, 702, 6)]
    )
    assert result.required == Decimal(1425)  # (7000 - 4150) / 2
    assert result.status is ProgressStatus.ON_TRACK
    assert result.to_date is not None
    assert result.to_date.value == Decimal(4150)
    assert result.running_total is not None
    assert (result.running_total.value, result.running_total.period) == (Decimal(4852), "2024-Q2")
    doc = progress_result_dict(result)
    assert doc["running_total"] == {"period": "2024-Q2", "value": 4852}


def test_a_stock_uses_its_latest_part_year_reading() -> None:
    # coverage is a level read at any time: 91 (2021), 92 (2022), 94 at mid-2023 (provisional)
    result = run(COVERAGE, [year(2021, 91), year(2022, 92), part(2023, 94, 6)])
    latest = result.latest
    assert latest is not None
    assert (latest.value, latest.provisional, latest.used) == (Decimal(94), True, True)
    # cagr from 91 (2021) to 94 (2023): (94/91)^(1/2) - 1 = 0.016350; needed (95/91)^(1/4) - 1
    assert result.actual is not None
    assert abs(result.actual - Decimal("0.016350")) < Decimal("0.000001")
    assert not result.final
    assert result.to_date is not None
    assert result.to_date.period == "2022"  # the latest whole year's figure, judged as check does


def test_a_rate_of_part_of_the_year_is_not_the_years_rate() -> None:
    # GRDP growth of the first half of 2024 is not 2024's growth
    result = run(GROWTH, [year(2021, 7), year(2022, 8), part(2024, "6.2", 6)])
    assert [(p.year, p.used) for p in result.series] == [(2021, True), (2022, True), (2024, False)]
    assert result.missing_years == ()  # 2023 is after the latest counted year: still to come


def test_a_yearly_figure_in_a_mid_year_report_is_last_years() -> None:
    # GRDP per capita in the 2024 half-year report, not marked as an estimate, is 2023's figure:
    # it stands for 2023 when 2023 has none, and is never a point of 2024
    result = run(PER_HEAD, [year(2021, 86), year(2022, 90), part(2024, "94.1", 6)])
    assert [(p.year, p.used, p.reported_in) for p in result.series] == [
        (2021, True, None),
        (2022, True, None),
        (2023, True, "2024-Q2"),
    ]
    # when 2023 has its own figure, the mid-year one adds nothing
    result = run(PER_HEAD, [year(2022, 90), year(2023, "94.12"), part(2024, "94.1", 6)])
    assert [(p.year, p.value) for p in result.series] == [(2022, 90), (2023, Decimal("94.12"))]


def test_an_estimate_for_the_year_is_shown_not_counted() -> None:
    result = run(PER_HEAD, [year(2022, 90), year(2023, 94), part(2024, 140, 6, estimate=True)])
    estimate = result.series[-1]
    assert (estimate.year, estimate.estimate, estimate.used) == (2024, True, False)
    latest = result.latest
    assert latest is not None
    assert latest.year == 2023


# --- every year -------------------------------------------------------------------------------


def test_every_year_with_a_miss_in_the_first_year() -> None:
    # 96 < 100 in 2021: the term's "every year" can no longer be met, whatever follows
    result = run(BUDGET, [year(2021, 96), year(2022, "97.5"), year(2023, 101), year(2024, 104)])
    assert result.status is ProgressStatus.NOT_ACHIEVED
    assert (result.years_met, result.years_judged) == (2, 4)
    assert not result.final  # decided, but the term has not ended
    doc = progress_result_dict(result)
    assert (doc["years_met"], doc["years_judged"], doc["method"]) == (2, 4, "every_year")


def test_every_year_by_its_trend_would_have_looked_fine() -> None:
    # 70 · 72 · 74 · 75 against "from 75 % every year": the last year meets, three did not
    result = run(SAFE, [year(2021, 70), year(2022, 72), year(2023, 74), year(2024, 75)])
    assert result.status is ProgressStatus.NOT_ACHIEVED
    assert (result.years_met, result.years_judged) == (1, 4)


def test_near_is_not_met_in_a_year() -> None:
    result = run(SAFE, [year(2021, 76), year(2022, 73)])  # 73 is near (tolerance 5), not met
    assert result.status is ProgressStatus.NOT_ACHIEVED


def test_every_year_met_so_far_is_on_track_and_achieved_at_the_end() -> None:
    four = [year(y, 80) for y in range(2021, 2025)]
    assert run(SAFE, four).status is ProgressStatus.ON_TRACK
    done = run(SAFE, [*four, year(2025, 75)])
    assert done.status is ProgressStatus.ACHIEVED
    assert done.final
    assert done.to_date is not None
    assert (done.to_date.period, done.to_date.status) == ("2025", Status.MET)


# --- no silent gaps -------------------------------------------------------------------------


def test_a_gap_in_the_middle_of_a_total() -> None:
    # 2023 is missing: the sum is not 1350 + 1420 + 1452 with 2023 as zero, nor two years to go
    result = run(MEMBERS, [year(2021, 1350), year(2022, 1420), year(2024, 1452)])
    assert result.status is ProgressStatus.INSUFFICIENT_DATA
    assert result.missing_years == (2023,)
    assert result.cr is None
    assert result.running_total is None
    assert progress_result_dict(result)["missing_years"] == [2023]


def test_a_unit_with_only_its_latest_year() -> None:
    result = run(MEMBERS, [year(2024, 245)])
    assert result.status is ProgressStatus.INSUFFICIENT_DATA
    assert result.missing_years == (2021, 2022, 2023)
    assert run(GROWTH, [year(2024, 7)]).missing_years == (2021, 2022, 2023)


def test_a_gap_in_every_year_targets() -> None:
    assert run(SAFE, [year(2021, 80), year(2023, 80)]).status is ProgressStatus.INSUFFICIENT_DATA
    missed = run(SAFE, [year(2021, 70), year(2023, 80)])  # a missed year is a fact all the same
    assert missed.status is ProgressStatus.NOT_ACHIEVED
    assert missed.missing_years == (2022,)


# --- breaks, start years, baselines ---------------------------------------------------------


def test_a_boundary_break_with_a_figure_on_each_side() -> None:
    # urbanisation 70 (2021), 73 (2023), 74 (2024); 52 in 2025 is the merged city's: not
    # compared with the old city's 76 %
    result = run(
        URBAN, [year(2021, 70), year(2023, 73), year(2024, 74), year(2025, 52)], breaks=(MERGER,)
    )
    assert [p.used for p in result.series] == [True, True, True, False]
    assert result.boundary == MERGER
    latest = result.latest
    assert latest is not None
    assert latest.year == 2024
    # (74/70)^(1/3) - 1 = 0.018700 against (76/70)^(1/4) - 1 = 0.020772: CR 0.900, fair
    assert result.status is ProgressStatus.FAIR
    assert not result.final  # the term's verdict cannot be given on the old boundary
    assert result.to_date is not None
    assert (result.to_date.period, result.to_date.status) == ("2024", Status.NOT_MET)
    doc = progress_result_dict(result)
    assert doc["break"] == {"period": "2025-H2", "kind": "boundary", "reason": "merged city"}


def test_a_boundary_break_ends_a_total() -> None:
    points = [year(y, 1400) for y in range(2021, 2025)] + [year(2025, 2600)]
    result = run(MEMBERS, points, breaks=(MERGER,))
    # 5600 over 2021-2024 only; the merged city's 2600 is not added to the old city's 7,000
    assert result.to_date is not None
    assert result.to_date.value == Decimal(5600)
    assert result.status is ProgressStatus.ON_TRACK  # a pace of 1400 against 1400 needed
    assert not result.final
    assert result.boundary == MERGER


def test_a_method_break_is_named_across_a_total() -> None:
    survey = Break(period="2023", reason="a new survey")
    result = run(MEMBERS, [year(y, 1400) for y in range(2021, 2025)], breaks=(survey,))
    assert result.cut == survey  # named
    assert result.to_date is not None
    assert result.to_date.value == Decimal(5600)  # the total still adds every year


def test_a_target_set_after_the_term_began_starts_at_its_year() -> None:
    # Đề án 06 (06/01/2022): 2021's 80 is shown, not counted; cagr from 88 (2022) to 97.5 (2024)
    result = run(TASKS, [year(2021, 80), year(2022, 88), year(2023, 94), year(2024, "97.5")])
    assert [p.used for p in result.series] == [False, True, True, True]
    assert result.start is not None
    assert result.start.year == 2022
    # (97.5/88)^(1/2) - 1 = 0.052590; (100/88)^(1/3) - 1 = 0.043532
    assert result.cr is not None
    assert abs(result.cr - Decimal("1.2081")) < Decimal("0.0001")


def test_a_verdict_resting_on_the_baseline_says_so() -> None:
    # doctors: 16.2, 16.3, 16.4, 16.5 rise every year, yet from the 2020 baseline of 16.7 the
    # figure fell: deterioration; the series alone: (16.5/16.2)^(1/3) - 1 = 0.006127 against
    # (17/16.2)^(1/4) - 1 = 0.012115, CR 0.506: fair
    base = Baseline(period="2020", value=Decimal("16.7"), source="test")
    points = [year(2021, "16.2"), year(2022, "16.3"), year(2023, "16.4"), year(2024, "16.5")]
    result = run(DOCTORS, points, baseline=base)
    assert result.status is ProgressStatus.DETERIORATION
    assert result.without_baseline is ProgressStatus.FAIR
    assert progress_result_dict(result)["without_baseline"] == "fair"
    assert run(DOCTORS, points).without_baseline is None


# --- the reason, in words ---------------------------------------------------------------------


def test_the_note_says_what_the_remaining_years_need() -> None:
    from cantho_kpi.output.progress_reason import reason_text

    growth = run(GROWTH, [year(2021, "-3.6"), year(2022, "12.64"), year(2023, "5.75"),
                          year(2024, "7.53")])  # fmt: skip
    assert reason_text(growth, GROWTH, 2025, "vi") == "năm còn lại phải tăng 16,27%"
    assert reason_text(growth, GROWTH, 2025, "en") == "the last year must grow 16.27%"
    secured = run(GROWTH, [year(2021, 10), year(2022, 10), year(2023, 10), year(2024, 8)])
    assert reason_text(secured, GROWTH, 2025, "vi") == (
        "đã bảo đảm, trừ khi năm cuối giảm quá 0,13%"
    )
    early = run(GROWTH, [year(2021, 7), year(2022, 7)])
    assert reason_text(early, GROWTH, 2025, "vi").startswith(
        "mỗi năm còn lại phải tăng bình quân 7,83%"  # ((1.075^5 / 1.07^2)^(1/3) - 1) = 7.83 %
    )
    members = run(
        MEMBERS, [year(2021, 1350), year(2022, 1420), year(2023, 1380), part(2024, 702, 6)]
    )
    note = reason_text(members, MEMBERS, 2025, "vi")
    assert "mỗi năm còn lại cần 1.425 đảng viên" in note
    assert "lũy kế đến 30/6/2024: 4.852 (gồm số 2024-Q2, chưa tính vào đánh giá)" in note
    assert reason_text(run(SAFE, [year(2021, 70), year(2022, 80)]), SAFE, 2025, "vi") == (
        "1/2 năm đạt"
    )
    gap = run(MEMBERS, [year(2021, 1350), year(2023, 1380)])
    assert reason_text(gap, MEMBERS, 2025, "vi") == "thiếu số liệu năm 2022"
