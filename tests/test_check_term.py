"""kpi check over the term: figures that describe a whole year, shares that must add up, a
round after the boundary break, and the one rule (shared with kpi progress) for which file
stands for a unit in a round."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cantho_kpi.domain import Status
from cantho_kpi.report import build_archive, evaluate
from cantho_kpi.submissions import Submission
from cantho_kpi.targets import TargetsFile

from .test_verdicts import result, sub


def shares(file: str, unit: str, period: str, *values: str) -> Submission:
    names = ("CT03a", "CT03b", "CT03c", "CT03d")
    found = sub(file, unit, period, **dict(zip(names, values, strict=True)))
    cells = ("E13", "E14", "E15", "E16")
    located = [
        v.model_copy(update={"location": f"{file}!BaoCao!{cell}"})
        for v, cell in zip(found.values, cells, strict=True)
    ]
    return found.model_copy(update={"values": located, "sheet": "BaoCao"})


@pytest.mark.parametrize(
    ("values", "warned"),
    [
        (("5.7", "33.8", "54.2", "5.4"), False),  # 99.1: off by 0.9, within the 1 point
        (("5.7", "33.8", "51.2", "5.9"), True),  # 96.6: off by 3.4
        (("5.7", "35", "55.2", "5.1"), False),  # 101.0: at the tolerance, within
        (("5.7", "35", "55.3", "5.1"), True),  # 101.1: beyond it
    ],
)
def test_shares_that_do_not_add_up(
    targets: TargetsFile, values: tuple[str, ...], warned: bool
) -> None:
    report = evaluate(targets, [shares("CT.xlsx", "CT", "2024-Q4", *values)], targets_file="t")
    issues = [i for i in report.submissions[0].issues if i.code == "shares-do-not-add-up"]
    assert len(issues) == (1 if warned else 0)
    if warned:
        issue = issues[0]
        assert issue.severity == "warning"
        assert str(issue.location) == "CT.xlsx!BaoCao!E13"
        total = sum(Decimal(v) for v in values)
        assert f"add up to {total.normalize():f}, not 100 (± 1)" in issue.message
        assert "CT03a 5.7 (E13)" in issue.message
        assert "CT03d" in issue.message
        assert "cộng lại được" in (issue.message_vi or "")


def test_shares_are_summed_only_when_every_part_is_given(targets: TargetsFile) -> None:
    report = evaluate(
        targets, [sub("CT.xlsx", "CT", "2024-Q4", CT03a="5", CT03b="3")], targets_file="t"
    )
    assert not [i for i in report.submissions[0].issues if i.code == "shares-do-not-add-up"]


def test_the_tolerance_is_a_setting(targets: TargetsFile) -> None:
    group = targets.groups[0].model_copy(update={"total_tolerance": Decimal(4)})
    loose = targets.model_copy(update={"groups": [group]})
    report = evaluate(
        loose, [shares("CT.xlsx", "CT", "2024", "5.7", "33.8", "51.2", "5.9")], targets_file="t"
    )
    assert not [i for i in report.submissions[0].issues if i.code == "shares-do-not-add-up"]


def test_rates_of_sub_groups_are_not_parts(targets: TargetsFile) -> None:
    # 100 % urban and 94 % rural beside 97 % overall: no part-of-whole check
    subs = [sub("CT.xlsx", "CT", "2024-Q4", CT15a="97", CT15b="100", CT15c="94")]
    report = evaluate(targets, subs, targets_file="t")
    assert report.submissions[0].issues == []


def test_a_yearly_figure_is_pending_before_the_year_round(targets: TargetsFile) -> None:
    values = {"CT02": "150", "CT11": "0.3", "CT13": "96", "CT01": "7.6"}
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2024-Q2", **values)], targets_file="t")
    assert result(report, "CT", "CT02").status is Status.PENDING  # GRDP per capita: the year's
    assert result(report, "CT", "CT11").status is Status.PENDING  # the year-end poverty review
    assert result(report, "CT", "CT13").status is Status.EXCEEDED  # a stock: any round
    assert result(report, "CT", "CT01").status is Status.MET  # a rate of the period
    report = evaluate(targets, [sub("CT.xlsx", "CT", "2024-Q4", **values)], targets_file="t")
    assert result(report, "CT", "CT02").status is Status.MET
    assert result(report, "CT", "CT11").status is Status.MET


def test_a_round_after_the_boundary_break(targets: TargetsFile) -> None:
    # the year 2025 closes after 2025-H2 (the merger): the 2024 plan's targets are the old
    # city's, so they judge none of the merged city's figures, and the file says why
    report = evaluate(
        targets, [sub("CT.xlsx", "CT", "2025", CT08="52", CT13="96")], targets_file="t"
    )
    for code in ("CT08", "CT13"):
        found = result(report, "CT", code)
        assert (found.status, found.target) == (Status.REPORTED, None)
    issues = [i for i in report.submissions[0].issues if i.code == "after-boundary-break"]
    assert len(issues) == 1
    assert "2025-H2" in issues[0].message
    before = evaluate(targets, [sub("CT.xlsx", "CT", "2025-Q2", CT13="96")], targets_file="t")
    assert result(before, "CT", "CT13").status is Status.EXCEEDED
    assert before.submissions[0].issues == []


# --- one rule for which file stands for a unit in a round (check and progress) -------------


def _dated(found: Submission, day: date | None) -> Submission:
    """A file whose sheet says when it was written ('Ngày lập')."""
    return found.model_copy(update={"written_on": day})


def test_a_q2_and_an_h1_file_are_one_rounds_two_files_in_both(targets: TargetsFile) -> None:
    files = [sub("a/NK_2024-Q2.xlsx", "NK", "2024-Q2", CT13="70"),
             sub("b/NK_2024-H1.xlsx", "NK", "2024-H1", CT13="80")]  # fmt: skip
    report = evaluate(targets, files, targets_file="t")
    codes = {s.file: [i.code for i in s.issues] for s in report.submissions}
    assert codes == {f.file: ["duplicate-submission"] for f in files}
    assert not [r for r in report.results if r.unit_code == "NK"]
    archive = build_archive(files)
    assert ("NK", "CT13") not in archive.series  # the round is left out, as in check
    assert sorted(i.code for i in archive.issues) == ["duplicate-submission"] * 2


def test_a_later_file_supersedes_in_both(targets: TargetsFile) -> None:
    early = _dated(sub("a/NK_2024-Q2.xlsx", "NK", "2024-Q2", CT13="70"), date(2024, 7, 5))
    late = _dated(sub("b/NK_2024-H1.xlsx", "NK", "2024-H1", CT13="80"), date(2024, 7, 25))
    report = evaluate(targets, [early, late], targets_file="t")
    assert result(report, "NK", "CT13").value == Decimal(80)
    superseded = next(s for s in report.submissions if s.file == early.file)
    assert [i.code for i in superseded.issues] == ["superseded-submission"]
    archive = build_archive([early, late])
    assert [p.value for p in archive.series[("NK", "CT13")]] == [Decimal(80)]
    assert [i.code for i in archive.issues] == ["superseded-submission"]
    marked = sub("c/NK_2024-Q2_v2.xlsx", "NK", "2024-Q2", CT13="90")
    both = [sub("a/NK_2024-Q2.xlsx", "NK", "2024-Q2", CT13="70"), marked]
    assert result(evaluate(targets, both, targets_file="t"), "NK", "CT13").value == Decimal(90)
    assert [p.value for p in build_archive(both).series[("NK", "CT13")]] == [Decimal(90)]
