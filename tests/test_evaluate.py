"""Status rules: exact at the bounds, ordered, monotonic; and the report built from them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, strategies as st

from cantho_kpi.domain import ORDER, Side, Status, status_of
from cantho_kpi.report import evaluate, indicator_rows, unit_rows
from cantho_kpi.submissions import Submission, SubmittedValue, ValueState
from cantho_kpi.targets import Indicator, TargetsFile

D = Decimal


def ind(
    kind: str, lo: str | None = None, hi: str | None = None, tol: str | None = None
) -> Indicator:
    data: dict[str, Any] = {
        "code": "CT01", "number": 1, "name_vi": "x", "name_en": "x", "plan_text": "x",
        "unit": "%", "kind": kind, "plausible": {"min": D(-1000), "max": D(1000)},
    }  # fmt: skip
    if lo is not None:
        data["min"] = D(lo)
    if hi is not None:
        data["max"] = D(hi)
    if tol is not None:
        data["tolerance"] = D(tol)
    return Indicator.model_validate(data)


CASES = [
    # range 7.5-8, tolerance 0.5: exact at both ends
    (ind("range", "7.5", "8", "0.5"), "7.5", Status.MET, None),
    (ind("range", "7.5", "8", "0.5"), "8", Status.MET, None),
    (ind("range", "7.5", "8", "0.5"), "8.0000001", Status.EXCEEDED, None),
    (ind("range", "7.5", "8", "0.5"), "7.4999999", Status.NEAR, None),
    (ind("range", "7.5", "8", "0.5"), "7", Status.NEAR, None),
    (ind("range", "7.5", "8", "0.5"), "6.99", Status.NOT_MET, None),
    (ind("range", "7.5", "8"), "7.49", Status.NOT_MET, None),  # no tolerance, no near
    # band: both sides matter, and say which
    (ind("band", "5.6", "5.9"), "5.6", Status.MET, None),
    (ind("band", "5.6", "5.9"), "5.9", Status.MET, None),
    (ind("band", "5.6", "5.9"), "5.91", Status.NOT_MET, Side.ABOVE),
    (ind("band", "5.6", "5.9"), "5.5", Status.NOT_MET, Side.BELOW),
    (ind("band", "5.6", "5.9", "0.1"), "6", Status.NEAR, Side.ABOVE),
    (ind("band", "5.6", "5.9", "0.1"), "5.5", Status.NEAR, Side.BELOW),
    # at least 76: equal is met, above exceeded
    (ind("at_least", "76", tol="1"), "76", Status.MET, None),
    (ind("at_least", "76", tol="1"), "76.01", Status.EXCEEDED, None),
    (ind("at_least", "76", tol="1"), "75", Status.NEAR, None),
    (ind("at_least", "76", tol="1"), "74.99", Status.NOT_MET, None),
    (ind("at_least", "100"), "100", Status.MET, None),
    # at most: mirror image
    (ind("at_most", hi="10", tol="1"), "10", Status.MET, None),
    (ind("at_most", hi="10", tol="1"), "9", Status.EXCEEDED, None),
    (ind("at_most", hi="10", tol="1"), "11", Status.NEAR, None),
    (ind("at_most", hi="10", tol="1"), "11.5", Status.NOT_MET, None),
    # strict bounds: the bound itself does not meet the target, nothing is "exceeded"
    (ind("below", hi="0.5", tol="0.1"), "0.49", Status.MET, None),
    (ind("below", hi="0.5", tol="0.1"), "0", Status.MET, None),
    (ind("below", hi="0.5", tol="0.1"), "0.5", Status.NEAR, None),
    (ind("below", hi="0.5", tol="0.1"), "0.6", Status.NEAR, None),
    (ind("below", hi="0.5", tol="0.1"), "0.61", Status.NOT_MET, None),
    (ind("below", hi="0.5"), "0.5", Status.NOT_MET, None),
    (ind("above", "3"), "3.01", Status.MET, None),
    (ind("above", "3"), "3", Status.NOT_MET, None),
]


@pytest.mark.parametrize(("indicator", "value", "status", "side"), CASES)
def test_status(indicator: Indicator, value: str, status: Status, side: Side | None) -> None:
    assert status_of(indicator, D(value)) == (status, side)


def test_bound_is_exact_whatever_the_binary_float_was() -> None:
    from cantho_kpi.domain import from_binary

    stored = 0.1 + 0.2 + 7.2  # 7.500000000000001 as a binary float
    assert status_of(ind("range", "7.5", "8"), from_binary(stored * 1)) == (Status.MET, None)
    assert status_of(ind("at_least", "7.5"), from_binary(stored)) == (Status.MET, None)


RANK = {s: i for i, s in enumerate(ORDER)}  # 0 is best
values = st.decimals(min_value=-200, max_value=200, places=2, allow_nan=False)
bounds = st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False)
tolerances = st.one_of(st.none(), st.decimals(min_value=0, max_value=20, places=2))


def _make(kind: str, a: Decimal, b: Decimal, tol: Decimal | None) -> Indicator:
    lo, hi = min(a, b), max(a, b)
    t = None if tol is None else str(tol)
    if kind in ("range", "band"):
        return ind(kind, str(lo), str(hi), t)
    if kind in ("at_least", "above"):
        return ind(kind, str(lo), tol=t)
    return ind(kind, hi=str(hi), tol=t)


@given(st.sampled_from(["range", "at_least", "above"]), bounds, bounds, tolerances, values, values)
def test_higher_never_worse(kind: str, a: Decimal, b: Decimal, tol: Decimal | None,
                            x: Decimal, y: Decimal) -> None:  # fmt: skip
    indicator = _make(kind, a, b, tol)
    low, high = sorted((x, y))
    assert RANK[status_of(indicator, high)[0]] <= RANK[status_of(indicator, low)[0]]


@given(st.sampled_from(["at_most", "below"]), bounds, bounds, tolerances, values, values)
def test_lower_never_worse(kind: str, a: Decimal, b: Decimal, tol: Decimal | None,
                           x: Decimal, y: Decimal) -> None:  # fmt: skip
    indicator = _make(kind, a, b, tol)
    low, high = sorted((x, y))
    assert RANK[status_of(indicator, low)[0]] <= RANK[status_of(indicator, high)[0]]


@given(bounds, bounds, tolerances, values, values)
def test_band_closer_never_worse(a: Decimal, b: Decimal, tol: Decimal | None,
                                 x: Decimal, y: Decimal) -> None:  # fmt: skip
    indicator = _make("band", a, b, tol)
    assert indicator.min is not None
    assert indicator.max is not None

    def distance(v: Decimal) -> Decimal:
        return max(indicator.min - v, v - indicator.max, D(0))  # type: ignore[operator]

    near, far = sorted((x, y), key=distance)
    assert RANK[status_of(indicator, near)[0]] <= RANK[status_of(indicator, far)[0]]
    assert status_of(indicator, near)[0] is not Status.EXCEEDED


@given(bounds, tolerances, values)
def test_at_most_mirrors_at_least(bound: Decimal, tol: Decimal | None, value: Decimal) -> None:
    t = None if tol is None else str(tol)
    most = ind("at_most", hi=str(bound), tol=t)
    least = ind("at_least", str(-bound), tol=t)
    assert status_of(most, value) == status_of(least, -value)
    below = ind("below", hi=str(bound), tol=t)
    above = ind("above", str(-bound), tol=t)
    assert status_of(below, value) == status_of(above, -value)


@given(st.sampled_from(["range", "band", "at_least", "at_most", "above", "below"]),
       bounds, bounds, tolerances, values)  # fmt: skip
def test_exactly_one_evaluated_status(kind: str, a: Decimal, b: Decimal, tol: Decimal | None,
                                      value: Decimal) -> None:  # fmt: skip
    status, side = status_of(_make(kind, a, b, tol), value)
    assert status in ORDER
    assert (side is not None) == (kind == "band" and status in (Status.NEAR, Status.NOT_MET))


@given(bounds, bounds, values)
def test_without_tolerance_nothing_is_near(a: Decimal, b: Decimal, value: Decimal) -> None:
    for kind in ("range", "band", "at_least", "at_most", "above", "below"):
        assert status_of(_make(kind, a, b, None), value)[0] is not Status.NEAR


# --- the report ---------------------------------------------------------------------------


def sub(file: str, unit: str | None, period: str | None, **values: Any) -> Submission:
    read = []
    for code, value in values.items():
        if value is None:
            read.append(SubmittedValue(code=code, state=ValueState.EMPTY))
        elif value == "bad":
            read.append(SubmittedValue(code=code, state=ValueState.INVALID))
        else:
            read.append(SubmittedValue(code=code, state=ValueState.VALUE, value=D(value)))
    return Submission(file=file, unit_code=unit, period=period, values=read)


def test_missing_units_and_indicators(targets: TargetsFile) -> None:
    subs = [
        sub("NK.xlsx", "NK", "2024-Q2", CT01="7.5", CT08=None),
        sub("SYT.xlsx", "SYT", "2024-Q2", CT12="17"),
    ]
    report = evaluate(targets, subs, targets_file="t.yaml")
    nk = {r.code: r for r in report.results if r.unit_code == "NK"}
    # the city's GRDP growth is shown, not judged; a city-wide figure NK left empty is not
    # expected of it; rates every unit is held to, and NK's own targets, are expected
    assert nk["CT01"].status is Status.REPORTED
    assert nk["CT01"].target is None
    assert "CT08" not in nk
    assert "CT02" not in nk
    every_unit = {i.code for i in targets.indicators if i.scope.value == "every_unit"}
    own = {t.code for t in targets.own_targets("NK").targets}  # type: ignore[union-attr]
    assert set(nk) == every_unit | own | {"CT01"}
    assert {nk[c].target.source for c in own} == {"unit"}  # type: ignore[union-attr]
    assert "CT09a" not in nk  # a city average NK set no target for, and left empty
    assert nk["CT21"].status is Status.MISSING  # Project 06's tasks: every unit's
    assert nk["CT21"].target.source == "plan"  # type: ignore[union-attr]
    syt = {r.code: r.status for r in report.results if r.unit_code == "SYT"}
    assert syt == {"CT12": Status.MET, "CT13": Status.MISSING}  # a department: its own only
    missing = {m.unit_code for m in report.missing_units}
    assert missing == {
        "CT",
        "BT",
        "CR",
        "OM",
        "TN",
        "PD",
        "CD",
        "TL",
        "VT",
        "SGDDT",
        "STC",
        "BTCTU",
    }


def test_units_of_later_periods(targets: TargetsFile) -> None:
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2025-Q3", CT01="8")], targets_file="t")
    # the districts were abolished on 01/07/2025: not expected in the 9-month round of 2025
    assert report.rounds == ["2025-9M"]
    assert {m.unit_code for m in report.missing_units} == {"SYT", "SGDDT", "STC", "BTCTU"}
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2025-Q2", CT01="8")], targets_file="t")
    assert "NK" in {m.unit_code for m in report.missing_units}  # still there at 30/06/2025


def test_two_files_for_one_unit_and_period(targets: TargetsFile) -> None:
    subs = [sub("a.xlsx", "NK", "2024-Q2", CT01="7.5"), sub("b.xlsx", "NK", "2024-Q2", CT01="9")]
    report = evaluate(targets, subs, targets_file="t")
    for one, other in ((0, "b.xlsx"), (1, "a.xlsx")):
        (issue,) = report.submissions[one].issues
        assert issue.code == "duplicate-submission"
        assert other in issue.message
        assert not report.submissions[one].valid
    # neither file is used: no figure of either counts (not twice as invalid)
    assert not [r for r in report.results if r.unit_code == "NK"]
    assert "NK" not in {m.unit_code for m in report.missing_units}  # it did send


def test_files_of_another_period_are_reported_not_mixed_in(targets: TargetsFile) -> None:
    from cantho_kpi.domain import parse_period

    subs = [sub("a.xlsx", "NK", "2024-Q2", CT01="7.5"), sub("b.xlsx", "BT", "2024-Q1", CT01="9")]
    report = evaluate(targets, subs, targets_file="t", period=parse_period("2024-Q2"))
    assert {r.unit_code for r in report.results} == {"NK"}
    other = next(s for s in report.submissions if s.file == "b.xlsx")
    assert [i.code for i in other.issues] == ["other-period"]
    assert "BT" in {m.unit_code for m in report.missing_units}


def test_an_unreadable_file_is_not_a_missing_unit(targets: TargetsFile) -> None:
    from cantho_kpi.errors import Issue, Location

    broken = Submission(
        file="q2/NK_2024-Q2.xlsx", issues=[Issue("damaged-file", "x", Location("q2"))]
    )
    report = evaluate(
        targets, [broken, sub("CT.xlsx", "CT", "2024-Q2", CT01="8")], targets_file="t"
    )
    assert "NK" not in {m.unit_code for m in report.missing_units}
    assert report.invalid_files == 1
    assert not [r for r in report.results if r.file == broken.file]


def test_summaries(targets: TargetsFile) -> None:
    subs = [
        sub("a.xlsx", "BT", "2024-Q2", CT21="100", CT11="0.3"),
        sub("b.xlsx", "CR", "2024-Q2", CT21="90", CT11="0.9"),
    ]
    report = evaluate(targets, subs, targets_file="t")
    rows = {r.indicator.code: r for r in indicator_rows(targets, report)}
    row = rows["CT21"]
    assert (row.best, row.worst) == (D("100"), D("90"))
    assert row.counts[Status.MET] == 1
    # a city average the units set no target for: shown, counted as reported, never judged
    assert (rows["CT11"].best, rows["CT11"].worst) == (None, None)
    assert rows["CT11"].counts[Status.REPORTED] == 2
    counts = unit_rows(report)[0].counts
    assert counts[Status.MET] == 1
    every_unit = [i for i in targets.indicators if i.scope.value == "every_unit"]
    assert counts[Status.MISSING] == len(every_unit) - 1
