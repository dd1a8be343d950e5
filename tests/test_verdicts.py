"""Verdicts that mean what the plan means: whose target applies, what a round is, flows, the
city's figures across files, and the headline (docs/domain.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result as CliResult

from cantho_kpi.domain import Period, Round, RoundsMode, Status, parse_period, round_of
from cantho_kpi.report import Report, Result, applicable_target, classify, evaluate
from cantho_kpi.submissions import Submission, SubmittedValue, ValueState
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT
from .factories import read_checked, workbook_rows, write_xlsx

D = Decimal
SAMPLES = "data/submissions"


def sub(file: str, unit: str, period: str, **values: Any) -> Submission:
    read = [
        SubmittedValue(code=code, state=ValueState.VALUE, value=D(value), location=f"{file}!S!E1")
        for code, value in values.items()
    ]
    return Submission(file=file, unit_code=unit, period=period, values=read)


def result(report: Report, unit: str, code: str) -> Result:
    return next(r for r in report.results if r.unit_code == unit and r.code == code)


# --- whose target --------------------------------------------------------------------------


def test_a_district_is_never_judged_against_a_city_total(targets: TargetsFile) -> None:
    report = evaluate(
        targets, [sub("BT.xlsx", "BT", "2024-Q4", CT14a="3", CT17b="740")], targets_file="t"
    )
    for code in ("CT14a", "CT17b"):
        found = result(report, "BT", code)
        assert (found.status, found.target) == (Status.REPORTED, None)


def test_a_figure_the_plan_assigns_to_every_unit_uses_the_plan(targets: TargetsFile) -> None:
    report = evaluate(targets, [sub("BT.xlsx", "BT", "2024-Q4", CT21="97")], targets_file="t")
    found = result(report, "BT", "CT21")
    assert found.status is Status.NEAR  # at least 100 with tolerance 5
    assert found.target is not None
    assert found.target.source == "plan"
    assert found.reference is None


def test_a_city_average_without_a_units_own_target_is_reported(targets: TargetsFile) -> None:
    """The poverty rate below 0.5 % is the city's average: a district that set no target of
    its own is not judged against it; its figure is reported, the plan's shown for reference."""
    report = evaluate(targets, [sub("BT.xlsx", "BT", "2024-Q4", CT11="0.6")], targets_file="t")
    found = result(report, "BT", "CT11")
    assert (found.status, found.target) == (Status.REPORTED, None)
    assert found.reference is not None
    assert (found.reference.kind.value, found.reference.max) == ("below", D("0.5"))
    # a city total is never a reference for a district's count
    counts = evaluate(targets, [sub("BT.xlsx", "BT", "2024-Q4", CT14a="3")], targets_file="t")
    ct14a = result(counts, "BT", "CT14a")
    assert (ct14a.status, ct14a.reference) == (Status.REPORTED, None)


def test_every_unit_scope_only_where_the_plan_assigns_it(targets: TargetsFile) -> None:
    """The plan's words name every unit for four figures only: urban waste (100 %), every
    commune's military cell, combat readiness, Project 06's tasks."""
    every = {i.code for i in targets.indicators if i.scope.value == "every_unit"}
    assert every == {"CT16", "CT19a", "CT19b", "CT21"}


def test_a_unit_is_judged_against_its_own_target(targets: TargetsFile) -> None:
    # PD set itself CT11 below 0.8 and CT14a at least 6 (data/unit-targets/PD.yaml)
    subs = [sub("PD.xlsx", "PD", "2024-Q4", CT11="0.6", CT14a="6")]
    report = evaluate(targets, subs, targets_file="t")
    ct11, ct14a = result(report, "PD", "CT11"), result(report, "PD", "CT14a")
    assert ct11.status is Status.MET  # the plan's < 0.5 would say near
    assert ct14a.status is Status.MET  # never compared with the city's 24
    assert ct11.target is not None
    assert (ct11.target.source, ct11.target.max) == ("unit", D("0.8"))


def test_the_city_and_departments_are_judged_against_the_plan(targets: TargetsFile) -> None:
    subs = [
        sub("CT.xlsx", "CT", "2024-Q4", CT14a="23"),
        sub("SYT.xlsx", "SYT", "2024-Q4", CT12="17"),
    ]
    report = evaluate(targets, subs, targets_file="t")
    assert result(report, "CT", "CT14a").status is Status.NOT_MET
    assert result(report, "SYT", "CT12").status is Status.MET


def test_a_count_must_be_whole(tmp_path: Path, targets: TargetsFile) -> None:
    path = write_xlsx(tmp_path / "CT_2024-Q4.xlsx", workbook_rows([("CT14a", "x", 23.5)]))
    found = read_checked(path, targets)
    (issue,) = [i for i in found.issues if i.severity.value == "error"]
    assert issue.code == "not-a-whole-number"
    assert str(issue.location).endswith("!BaoCao!C6")
    assert found.value("CT14a").state is ValueState.INVALID  # type: ignore[union-attr]


# --- rounds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("periods", "name"),
    [
        (("2024-Q2", "2024-H1", "Quý 2/2024", "6 tháng đầu năm 2024"), "2024-H1"),
        (("2024-Q4", "2024", "Năm 2024"), "2024"),
        (("2024-Q3",), "2024-9M"),
        (("2024-Q1", "Quý I/2024"), "2024-Q1"),
    ],
)
def test_the_names_of_one_round(periods: tuple[str, ...], name: str) -> None:
    for text in periods:
        period = parse_period(text)
        assert period is not None
        assert str(round_of(period)) == name


def test_quarterly_rounds_keep_every_period_apart() -> None:
    assert str(round_of(Period.quarter(2024, 2), RoundsMode.QUARTERLY)) == "2024-Q2"
    assert round_of(Period.half(2024, 1), RoundsMode.QUARTERLY) != round_of(
        Period.quarter(2024, 2), RoundsMode.QUARTERLY
    )


def test_a_quarter_and_a_half_year_report_are_one_round(targets: TargetsFile) -> None:
    subs = [sub("a.xlsx", "NK", "2024-Q2", CT11="0.1"), sub("b.xlsx", "NK", "2024-H1", CT11="0.1")]
    report = evaluate(targets, subs, targets_file="t")
    assert report.rounds == ["2024-H1"]
    assert all(any(i.code == "duplicate-submission" for i in s.issues) for s in report.submissions)


def test_a_mixed_folder_is_reported_round_by_round(targets: TargetsFile) -> None:
    subs = [sub("a.xlsx", "NK", "2024-Q2", CT11="0.1"), sub("b.xlsx", "NK", "2024-Q4", CT11="0.1")]
    report = evaluate(targets, subs, targets_file="t")
    assert report.rounds == ["2024-H1", "2024"]
    assert {r.round for r in report.results if r.unit_code == "NK"} == {"2024-H1", "2024"}
    # missing units per round: everyone but NK, in each round
    for name in report.rounds:
        part = report.for_round(name)
        assert "NK" not in {m.unit_code for m in part.missing_units}
        assert "CT" in {m.unit_code for m in part.missing_units}
        assert [s.file for s in part.submissions] == ["a.xlsx" if name == "2024-H1" else "b.xlsx"]


def test_check_on_two_rounds_prints_a_section_per_round(kpi: Callable[..., CliResult]) -> None:
    out = kpi("check", f"{SAMPLES}/2024-Q2", f"{SAMPLES}/2024-Q4", "--lang", "en").stdout
    assert out.count("Round: ") == 2
    assert out.index("Round: 2024-H1") < out.index("Round: 2024\n")
    doc = json.loads(kpi("check", f"{SAMPLES}/2024-Q2", f"{SAMPLES}/2024-Q4", "-f", "json").stdout)
    assert doc["rounds"] == ["2024-H1", "2024"]
    assert [r["round"] for r in doc["summary"]["rounds"]] == ["2024-H1", "2024"]
    assert {m["round"] for m in doc["missing_units"]} == {"2024-H1"}  # BTCTU, in 2024-Q2 only


def test_the_sample_half_year_report_is_in_the_quarter_round(kpi: Callable[..., CliResult]) -> None:
    doc = json.loads(kpi("check", f"{SAMPLES}/2024-Q2", "-f", "json").stdout)
    cd = next(s for s in doc["submissions"] if s["unit_code"] == "CD")
    assert cd["period"] == "2024-H1"
    assert cd["issues"] == []  # no "file-name-mismatch": CD_2024-Q2 names the same round
    assert "CD" not in {m["unit_code"] for m in doc["missing_units"]}


# --- flows ----------------------------------------------------------------------------------


def test_a_flow_is_pending_before_its_year_ends(targets: TargetsFile) -> None:
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2024-Q2", CT05a="55")], targets_file="t")
    assert result(report, "CT", "CT05a").status is Status.PENDING  # half-way, half the estimate
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2024-Q4", CT05a="99")], targets_file="t")
    assert result(report, "CT", "CT05a").status is Status.NEAR


def test_a_flow_over_the_term_is_never_judged_in_one_round(targets: TargetsFile) -> None:
    # CT17b: the members admitted in a year; the 7,000 is for the sum over 2021-2025, which
    # kpi progress judges
    for period in ("2024-Q2", "2024", "2025-Q2"):
        report = evaluate(targets, [sub("CT.xlsx", "CT", period, CT17b="1452")], targets_file="t")
        found = result(report, "CT", "CT17b")
        assert found.status is Status.PENDING, period
        assert found.target is not None
        assert found.target.min == D(7000)
    ct17b = targets.indicator("CT17b")
    assert ct17b is not None
    pro_rata = ct17b.model_copy(update={"before_end": "pro_rata"})
    half = applicable_target(targets, "CT", pro_rata, Round(2024, 0, 6))
    assert half is not None
    assert (half.share, half.min) == (D(6) / 60, D(700))  # half a year of a five-year term


def test_a_pro_rata_flow_is_judged_against_the_part_elapsed(targets: TargetsFile) -> None:
    indicators = [
        i.model_copy(update={"before_end": "pro_rata"}) if i.code == "CT05a" else i
        for i in targets.indicators
    ]
    pro_rata = targets.model_copy(update={"indicators": indicators})
    ct05a = pro_rata.indicator("CT05a")
    assert ct05a is not None
    half = applicable_target(pro_rata, "CT", ct05a, Round(2024, 0, 6))
    assert half is not None
    assert (half.share, half.min, half.tolerance) == (D("0.5"), D(50), D(1))
    nine = applicable_target(pro_rata, "CT", ct05a, Round(2024, 0, 9))
    assert nine is not None
    assert nine.min == D(75)
    assert applicable_target(pro_rata, "CT", ct05a, Round(2024, 0, 12)).share is None  # type: ignore[union-attr]
    report = evaluate(pro_rata, [sub("CT.xlsx", "CT", "2024-Q2", CT05a="50")], targets_file="t")
    assert result(report, "CT", "CT05a").status is Status.MET  # 50 of the half-year's 50


# --- the city's figures ---------------------------------------------------------------------


def test_rollup_agrees_in_one_round_and_not_in_the_other(kpi: Callable[..., CliResult]) -> None:
    q2 = json.loads(kpi("check", f"{SAMPLES}/2024-Q2", "-f", "json").stdout)
    q4 = json.loads(kpi("check", f"{SAMPLES}/2024-Q4", "-f", "json").stdout)
    ct14a = {
        d["rounds"][0]: next(r for r in d["rollups"] if r["code"] == "CT14a") for d in (q2, q4)
    }
    assert (ct14a["2024-H1"]["value"], ct14a["2024-H1"]["reported_value"]) == (22, 22)
    assert ct14a["2024-H1"]["agrees"] is True
    assert ct14a["2024-H1"]["complete"] is True
    assert (ct14a["2024"]["value"], ct14a["2024"]["reported_value"], ct14a["2024"]["agrees"]) == (
        25, 24, False,
    )  # fmt: skip
    assert len(ct14a["2024"]["units"]) == 9
    city = next(s for s in q4["submissions"] if s["unit_code"] == "CT")
    disagree = [i for i in city["issues"] if i["code"] == "figures-disagree"]
    assert [i["message"].split(":")[0] for i in disagree] == ["CT12", "CT14a"]
    ct12 = disagree[0]
    assert ct12["location"].endswith("CT_2024-Q4.xlsx!BaoCao!E31")  # the city's cell
    assert "SYT_2024-Q4.xlsx!BaoCao!E11" in ct12["message"]  # and the department's
    assert ct12["severity"] == "warning"
    assert not [
        i for s in q2["submissions"] for i in s["issues"] if i["code"] == "figures-disagree"
    ]


def test_the_city_figure_comes_from_a_department_when_the_city_gave_none(
    targets: TargetsFile,
) -> None:
    subs = [sub("CT.xlsx", "CT", "2024-Q4", CT01="8"), sub("SYT.xlsx", "SYT", "2024-Q4", CT12="18")]
    report = evaluate(targets, subs, targets_file="t")
    found = result(report, "CT", "CT12")
    assert (found.source, found.value, found.status) == ("department", D(18), Status.EXCEEDED)
    assert found.file == "CT.xlsx"
    assert found.location == "SYT.xlsx!S!E1"
    assert result(report, "CT", "CT01").source == "reported"


def test_the_city_figure_comes_from_a_complete_rollup(targets: TargetsFile) -> None:
    counts = {"NK": 0, "BT": 0, "CR": 0, "OM": 0, "TN": 0, "PD": 6, "CD": 6, "TL": 7, "VT": 6}
    subs = [sub(f"{u}.xlsx", u, "2024-Q4", CT14a=str(n)) for u, n in counts.items()]
    report = evaluate(targets, subs, targets_file="t")
    found = result(report, "CT", "CT14a")  # no file of the city at all
    assert (found.source, found.value, found.status, found.file) == (
        "rollup", D(25), Status.EXCEEDED, None,
    )  # fmt: skip
    (rollup,) = [r for r in report.rollups if r.code == "CT14a"]
    assert rollup.complete
    assert rollup.agrees is None
    partial = evaluate(targets, subs[:-1], targets_file="t")  # VT has not reported
    assert not [r for r in partial.results if r.unit_code == "CT" and r.code == "CT14a"]
    assert not [r for r in partial.rollups if r.complete]


# --- the headline ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "verdict"),
    [
        ([Status.MET, Status.EXCEEDED], "met"),
        ([Status.MET, Status.NEAR], "not_met"),
        ([Status.NOT_MET, Status.PENDING], "not_met"),
        ([Status.MET, Status.PENDING], "pending"),
        ([Status.MET, Status.MISSING], "no_data"),
        ([Status.INVALID], "no_data"),
        ([], "no_data"),
    ],
)
def test_a_target_counts_by_all_its_figures(statuses: list[Status], verdict: str) -> None:
    assert classify(statuses) == verdict


def test_the_city_headline(targets: TargetsFile) -> None:
    # at the half-year round: target 1 (a rate of the period) met; targets 3 (shares of the
    # year's GRDP) and 5 (revenue: a flow and a yearly ratio) pending; the rest has no data
    values = {"CT01": "7.6", "CT03a": "5.7", "CT03b": "33.8", "CT03c": "54.2", "CT03d": "6",
              "CT05a": "60", "CT05b": "13"}  # fmt: skip
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2024-Q2", **values)], targets_file="t")
    found = report.headline("2024-H1", "CT")
    assert found is not None
    assert found.counts() == {"met": 1, "not_met": 0, "pending": 2, "no_data": 18, "total": 21}
    # at the year round: target 3 is not met on one share (6 > 5.95), target 5 on revenue
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2024-Q4", **values)], targets_file="t")
    found = report.headline("2024", "CT")
    assert found is not None
    assert found.counts() == {"met": 1, "not_met": 2, "pending": 0, "no_data": 18, "total": 21}


def test_the_headline_in_json_tables_and_workbook(
    kpi: Callable[..., CliResult], tmp_path: Path
) -> None:
    doc = json.loads(kpi("check", f"{SAMPLES}/2024-Q4", "-f", "json").stdout)
    plan = doc["summary"]["plan_targets"]
    assert plan["total"] == 21
    assert sum(plan[k] for k in ("met", "not_met", "pending", "no_data")) == 21
    headline = next(h for h in doc["headlines"] if h["unit_code"] == "CT")
    assert {k: headline[k] for k in plan} == plan
    nk = next(h for h in doc["headlines"] if h["unit_code"] == "NK")
    assert 0 < nk["total"] < 21  # NK: the targets that apply to it only
    table = kpi("check", f"{SAMPLES}/2024-Q4", "--lang", "en").stdout
    assert f"{plan['met']} of {plan['met'] + plan['not_met']} targets with data met" in table
    from openpyxl import load_workbook

    out = tmp_path / "x.xlsx"
    assert kpi("export", f"{SAMPLES}/2024-Q4", "-o", str(out)).exit_code in (0, 1)
    title = load_workbook(out)["Tổng hợp"]["A3"].value
    assert f"Đạt và vượt {plan['met']}/{plan['met'] + plan['not_met']} chỉ tiêu có số liệu" in title


def test_export_of_two_rounds_has_a_summary_sheet_per_round(
    kpi: Callable[..., CliResult], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "x.xlsx"
    kpi("export", f"{SAMPLES}/2024-Q2", f"{SAMPLES}/2024-Q4", "-o", str(out))
    book = load_workbook(out)
    assert book.sheetnames[:2] == ["Tổng hợp 2024-H1", "Tổng hợp 2024"]
    first = book["Tổng hợp 2024-H1"]
    periods = {first.cell(r, 3).value for r in range(6, 20)} - {None}
    assert periods <= {"2024-Q2", "2024-H1"}  # no 2024-Q4 row mixed in


def test_the_sample_verdicts_never_use_a_target_that_is_not_the_units(
    kpi: Callable[..., CliResult], targets: TargetsFile
) -> None:
    """On the samples: every judged result of a district uses its own target or one that
    applies to every unit; none is judged against a city total."""
    for folder in ("2024-Q2", "2024-Q4"):
        doc = json.loads(kpi("check", f"{SAMPLES}/{folder}", "-f", "json").stdout)
        for r in doc["results"]:
            unit = targets.unit(r["unit_code"])
            if unit is None or unit.level.value != "district" or r["target"] is None:
                continue
            indicator = targets.indicator(r["code"])
            assert indicator is not None
            assert r["target_source"] == "unit" or indicator.scope.value == "every_unit", r


def test_the_unit_targets_shipped_are_valid_and_loaded(targets: TargetsFile) -> None:
    assert [u.unit for u in targets.unit_targets] == ["NK", "PD", "TL"]
    assert (ROOT / "data" / "unit-targets" / "NK.yaml").exists()


def test_unit_target_files_are_validated_with_their_positions(
    kpi: Callable[..., CliResult], tmp_path: Path
) -> None:
    (tmp_path / "unit-targets").mkdir()
    (tmp_path / "targets.yaml").write_bytes((ROOT / "data" / "targets.yaml").read_bytes())
    (tmp_path / "unit-targets" / "BT.yaml").write_text(
        'unit: BT\ndocument: {number: "1/KH", date: "2024-03-01"}\ntargets:\n'
        "  - {code: CT11, kind: below, max: 0.4}\n"
        "  - {code: CT12, kind: at_least, min: 500}\n",
        encoding="utf-8",
    )
    (tmp_path / "unit-targets" / "BT-again.yaml").write_text(
        'unit: BT\ndocument: {number: "2/KH", date: "2024-03-02"}\ntargets:\n'
        "  - {code: CT11, kind: below, max: 0.3}\n",
        encoding="utf-8",
    )
    result = kpi("validate-targets", str(tmp_path / "targets.yaml"), "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # files are read in name order: BT-again.yaml is fine, then BT.yaml has two problems
    assert lines == [
        f"{tmp_path}/unit-targets/BT.yaml:1:1: duplicate-code: unit BT already has its own "
        "targets (in another file or in the targets file); keep one",
        f"{tmp_path}/unit-targets/BT.yaml:5:39: bound-outside-plausible: unit BT: CT12: min (500) "
        "lies outside the plausible range 0 to 200: no value could reach it",
    ]
    assert kpi("check", f"{SAMPLES}/2024-Q2", "-t", str(tmp_path / "targets.yaml")).exit_code == 2


def test_check_reads_a_folder_of_rounds(kpi: Callable[..., CliResult]) -> None:
    doc = json.loads(kpi("check", SAMPLES, "-f", "json").stdout)
    assert doc["rounds"] == ["2021", "2022", "2023", "2024-H1", "2024"]
    assert [r["round"] for r in doc["summary"]["rounds"]] == doc["rounds"]
    years = {s["file"].split("/")[-2] for s in doc["submissions"]}
    assert years == {"2021", "2022", "2023", "2024-Q2", "2024-Q4"}


def test_a_unit_targets_file_checked_on_its_own(
    kpi: Callable[..., CliResult], tmp_path: Path
) -> None:
    """validate-targets given one unit's file checks it with the targets file above its
    folder, and reports only that file's problems (pre-commit passes the file it changed)."""
    assert kpi("validate-targets", "data/unit-targets/NK.yaml").exit_code == 0
    (tmp_path / "unit-targets").mkdir()
    (tmp_path / "targets.yaml").write_bytes((ROOT / "data" / "targets.yaml").read_bytes())
    text = (ROOT / "data" / "unit-targets" / "NK.yaml").read_text(encoding="utf-8")
    (tmp_path / "unit-targets" / "NK.yaml").write_text(
        text.replace("tolerance: 1", "tolerence: 1"), encoding="utf-8"
    )
    result = kpi("validate-targets", str(tmp_path / "unit-targets" / "NK.yaml"), "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path}/unit-targets/NK.yaml:21:5: unknown-key: targets[1]: unknown key "
        "'tolerence' (did you mean 'tolerance'?)"
    ]


@pytest.mark.parametrize("text", ["9 tháng đầu năm 2024", "9 tháng năm 2024", "2024-9M"])
def test_a_nine_month_report_is_the_third_quarters_round(text: str) -> None:
    period = parse_period(text)
    assert period is not None
    assert str(round_of(period)) == "2024-9M"


def test_a_count_typed_with_a_thousands_dot_reads_as_the_whole_reading(
    tmp_path: Path, targets: TargetsFile
) -> None:
    path = write_xlsx(tmp_path / "CT_2024-Q4.xlsx", workbook_rows([("CT17b", "x", "1.452")]))
    found = read_checked(path, targets)
    value = found.value("CT17b")
    assert value is not None
    assert value.value == D(1452)  # 1.452 party members cannot be: only 1452 is whole
    assert not [i for i in found.issues if i.code == "ambiguous-number"]


def test_the_installed_copy_says_what_it_lacks(
    kpi: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no data/targets.yaml here or above, no $KPI_TARGETS
    result = kpi("check", str(ROOT / SAMPLES / "2024-Q2"), "-f", "json", "--lang", "en")
    assert "has the plan's targets only (no units' own targets, no drive file)" in result.stderr
    ranked = kpi("rank", str(ROOT / SAMPLES / "2024-Q4"), "--lang", "en")
    assert ranked.exit_code == 2
    assert "no drive file (drive.yaml) beside the targets file" in ranked.stderr
