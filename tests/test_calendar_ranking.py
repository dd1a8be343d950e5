"""The drive's rules, pure: deadlines (the day itself on time, days only), the order of
resubmissions, scores normalised by the targets that apply, ties, and the award rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from cantho_kpi.domain import Period, Status, TargetKind
from cantho_kpi.errors import Issue, Location
from cantho_kpi.report import (
    AppliedTarget,
    Report,
    Result,
    Timeliness,
    evaluate,
    order_resubmissions,
    rank,
    timeliness_of,
    version_mark,
)
from cantho_kpi.submissions import Submission, read_submission
from cantho_kpi.targets import DriveFile, TargetsFile

from .factories import META, workbook_rows, write_xlsx

DEADLINE = date(2024, 7, 20)
Q2 = Period.quarter(2024, 2)


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (date(2024, 7, 19), (Timeliness.ON_TIME, 0)),
        (date(2024, 7, 20), (Timeliness.ON_TIME, 0)),  # the deadline day is on time
        (date(2024, 7, 21), (Timeliness.LATE, 1)),
        (date(2024, 8, 20), (Timeliness.LATE, 31)),
        (None, (Timeliness.UNKNOWN, 0)),
    ],
)
def test_deadline_day_is_on_time(sent: date | None, expected: tuple[Timeliness, int]) -> None:
    assert timeliness_of(DEADLINE, sent) == expected


def test_not_received_before_and_after_the_deadline() -> None:
    assert timeliness_of(DEADLINE, None, received=False) == (Timeliness.NOT_RECEIVED, 0)
    assert timeliness_of(DEADLINE, None, False, as_of=DEADLINE) == (Timeliness.NOT_DUE, 0)
    assert timeliness_of(DEADLINE, None, False, as_of=date(2024, 7, 21)) == (
        Timeliness.NOT_RECEIVED,
        0,
    )


@pytest.mark.parametrize(
    ("name", "mark"),
    [
        ("NK_2024-Q4.xlsx", 0),
        ("NK_2024-Q4_v2.xlsx", 2),
        ("NK_2024-Q4-V3.xlsx", 3),
        ("NK_2024-Q4 v2.xlsx", 2),
        ("NK_2024-Q4 (1).xlsx", 1),
        ("q4/NK_2024-Q4(2).csv", 2),
        ("NK_v2_2024-Q4.xlsx", 0),  # only a mark at the end counts
    ],
)
def test_version_marks(name: str, mark: int) -> None:
    assert version_mark(name) == mark


def _sub(file: str, day: date | None = None, source: str = "sheet") -> Submission:
    return Submission(
        file=file, unit_code="NK", period="2024-Q2", submitted_on=day, date_source=source
    )


def test_later_day_wins_over_a_higher_mark() -> None:
    early = _sub("NK_2024-Q2_v3.xlsx", date(2024, 7, 10))
    late = _sub("NK_2024-Q2.xlsx", date(2024, 7, 12))
    ordering = order_resubmissions([early, late])
    assert ordering.used == late
    assert ordering.superseded == [early]


def test_same_day_then_the_version_mark() -> None:
    day = date(2024, 7, 10)
    files = [_sub("NK_2024-Q2 (1).xlsx", day), _sub("NK_2024-Q2.xlsx", day)]
    assert order_resubmissions(files).used == files[0]


def test_file_times_do_not_order_files() -> None:
    later = _sub("NK_2024-Q2.xlsx", None, "unknown").model_copy(
        update={"file_time": date(2024, 7, 12)}  # copied later: a hint, never an order
    )
    files = [later, _sub("NK_2024-Q2_v2.xlsx", date(2024, 7, 10), "sheet")]
    assert order_resubmissions(files).used == files[1]  # by the mark alone


def test_unorderable_files_stay_an_error() -> None:
    day = date(2024, 7, 10)
    ordering = order_resubmissions([_sub("a/NK_2024-Q2.xlsx", day), _sub("b/NK_2024-Q2.xlsx", day)])
    assert not ordering.orderable


def test_resubmission_through_the_evaluation(tmp_path: Path, targets: TargetsFile) -> None:
    rows = [("CT01", "GRDP", 7.8, None)]
    for folder, day in (("first", "10/07/2024"), ("second", "15/07/2024")):
        (tmp_path / folder).mkdir()
        meta = [*META, ("Ngày lập:", day)]
        write_xlsx(tmp_path / folder / "NK_2024-Q2.xlsx", workbook_rows(rows, meta=meta))
    subs = [read_submission(tmp_path / f / "NK_2024-Q2.xlsx", targets) for f in ("second", "first")]
    report = evaluate(targets, subs, targets_file="t")
    first = next(s for s in report.submissions if "first" in s.file)
    assert [i.code for i in first.issues] == ["superseded-submission"]
    assert "15/07/2024" in first.issues[0].message
    assert {r.file for r in report.results} == {subs[0].file}
    assert all(not i for s in report.submissions if "second" in s.file for i in [s.issues])


# --- ranking -------------------------------------------------------------------------------

DEPARTMENTS = ["SYT", "SGDDT", "STC", "BTCTU"]


def _drive(final: bool = True, **changes: Any) -> DriveFile:
    """A drive file with one round, 2024-Q2: by default the final review's (so that these
    tests see candidates), else the interim review's."""
    base: dict[str, Any] = {
        "schema_version": 1,
        "name": "test",
        "calendar": {
            "launch": date(2024, 1, 1),
            "end": date(2024, 12, 31),
            "launch_document_due": date(2024, 3, 31),
            "interim_review": "2024-06",
            "final_review": "2025-01",
            "final_round": "2024-Q2" if final else "2024-Q4",
            "rounds": [{"round": "2024-Q2", "deadline": DEADLINE}],
        },
        "clusters": [{"id": "so", "name": "Sở", "members": DEPARTMENTS}],
    }
    base.update(changes)
    return DriveFile.model_validate(base)


#: The target every result below was judged against (a department's: the plan's).
PLAN = AppliedTarget(TargetKind.AT_LEAST, Decimal(1), None, None, "plan")


def _report(statuses: dict[str, list[Status]], days: dict[str, date] | None = None) -> Report:
    subs, results = [], []
    for unit, found in statuses.items():
        file = f"{unit}_2024-Q2.xlsx"
        day = (days or {}).get(unit, date(2024, 7, 15))
        issues = []
        if Status.INVALID in found:
            issues = [Issue("not-a-number", "x", Location(file))]
        subs.append(
            Submission(
                file=file,
                unit_code=unit,
                period="2024-Q2",
                submitted_on=day,
                date_source="received-log",
                received_on=day,
                issues=issues,
            )
        )
        codes = {"SYT": ["CT12", "CT13"], "SGDDT": ["CT09a", "CT09b", "CT09c", "CT09d"]}
        codes |= {"STC": ["CT05a", "CT05b"], "BTCTU": ["CT17a", "CT17b"]}
        for code, status in zip(codes[unit], found, strict=True):
            results.append(Result(file, unit, "2024-Q2", code, None, status, target=PLAN))
    return Report(
        targets_file="t", periods=["2024-Q2"], submissions=subs, results=results, missing_units=[]
    )


M, X, N, F = Status.MET, Status.EXCEEDED, Status.NEAR, Status.NOT_MET


def _standings(
    targets: TargetsFile, report: Report, drive: DriveFile | None = None
) -> dict[str, Any]:
    ranking = rank(targets, drive or _drive(), report, Q2)
    return {s.unit_code: s for s in ranking.clusters[0].ranking}


def test_normalised_by_the_targets_that_apply(targets: TargetsFile) -> None:
    # SYT meets its 2 targets; SGDDT meets 3 of its 4: SYT is ahead although it met fewer
    report = _report({"SYT": [M, M], "SGDDT": [M, M, M, F], "STC": [X, F], "BTCTU": [N, N]})
    got = _standings(targets, report)
    assert got["SYT"].score == Decimal("1.0000")
    assert got["SGDDT"].score == Decimal("0.7500")
    assert got["STC"].score == Decimal("0.6000")
    assert got["BTCTU"].score == Decimal("0.5000")
    assert [got[u].rank for u in DEPARTMENTS] == [1, 2, 3, 4]
    assert got["SGDDT"].counts == {
        "exceeded": 0, "met": 3, "near": 0, "not_met": 1, "missing": 0, "invalid": 0
    }  # fmt: skip


def test_weights(targets: TargetsFile) -> None:
    drive = _drive(scoring={"weights": {"CT12": 3}})
    got = _standings(targets, _report({"SYT": [M, F]}), drive)
    assert got["SYT"].score == Decimal("0.7500")  # (3 x 1 + 1 x 0) / 4


def test_ties_share_a_rank(targets: TargetsFile) -> None:
    report = _report({"SYT": [M, M], "SGDDT": [M, M, M, M], "STC": [M, F], "BTCTU": [M, F]})
    got = _standings(targets, report)
    assert [got[u].rank for u in DEPARTMENTS] == [1, 1, 3, 3]


def test_ties_broken_by_the_documented_rule(targets: TargetsFile) -> None:
    # equal scores (0.5): fewer not met first; then the earlier report
    report = _report(
        {"SYT": [N, N], "SGDDT": [M, N, N, F], "STC": [N, N], "BTCTU": [M, F]},
        days={"STC": date(2024, 7, 18)},
    )
    got = _standings(targets, report)
    assert {u: got[u].score for u in DEPARTMENTS} == dict.fromkeys(DEPARTMENTS, Decimal("0.5"))
    assert [got[u].rank for u in DEPARTMENTS] == [1, 3, 2, 3]
    untied = _standings(targets, report, _drive(scoring={"tie_break": []}))
    assert {got.rank for got in untied.values()} == {1}


def test_deductions(targets: TargetsFile) -> None:
    report = _report(
        {"SYT": [M, M], "SGDDT": [M, M, M, Status.INVALID]}, days={"SYT": date(2024, 7, 21)}
    )
    got = _standings(targets, report)
    assert got["SYT"].deductions["late_report"] == Decimal("0.1")
    assert got["SYT"].score == Decimal("0.9000")
    assert got["SGDDT"].deductions == {"late_report": 0, "invalid_file": Decimal("0.2")}
    assert got["SGDDT"].score == Decimal("0.5500")
    # not received: every target missing, and the late deduction
    assert got["STC"].counts["missing"] == 2
    assert got["STC"].score == Decimal("-0.1000")
    assert got["STC"].timeliness is Timeliness.NOT_RECEIVED


def test_award_rule(targets: TargetsFile) -> None:
    report = _report({"SYT": [X, F], "SGDDT": [M, M, N, N], "STC": [M, N], "BTCTU": [M, M]})
    got = _standings(targets, report)
    # BTCTU leads with nothing not met: candidate
    assert [u for u in DEPARTMENTS if got[u].candidate] == ["BTCTU"]
    # the leader has a target not met: nobody is candidate at top 1; at top 2, the second
    got = _standings(targets, _report({"SYT": [X, F], "STC": [N, N]}))
    assert got["SYT"].rank == 1
    assert not any(s.candidate for s in got.values())
    # at top 2, the second has two targets near: near counts as not met, as in the headline
    two = _report({"SYT": [X, F], "STC": [N, N]})
    got = _standings(targets, two, _drive(awards={"top": 2}))
    assert not any(s.candidate for s in got.values())
    assert got["STC"].term is not None
    assert got["STC"].term.not_met == (("2024-H1", "CT05a"), ("2024-H1", "CT05b"))
    # ... unless the drive file says otherwise (and the outputs then quote it)
    got = _standings(targets, two, _drive(awards={"top": 2, "near_is_met": True}))
    assert [u for u in DEPARTMENTS if got[u].candidate] == ["STC"]


def test_no_candidate_outside_the_final_review(targets: TargetsFile) -> None:
    report = _report({"SYT": [M, M], "STC": [M, M]})
    ranking = rank(targets, _drive(final=False), report, Q2)
    assert not ranking.final
    assert ranking.final_round == "2024"
    standings = {s.unit_code: s for s in ranking.clusters[0].ranking}
    assert (standings["SYT"].rank, standings["STC"].rank) == (1, 1)  # ranked, for reference
    assert len(standings) == 4
    assert not any(s.candidate or s.term for s in standings.values())


def test_candidates_are_judged_over_the_term(targets: TargetsFile) -> None:
    """At the final review (2024), a target not met in an earlier year of the term (2023, as
    far as the report holds it) keeps a unit off the list, however well it did in 2024."""
    year = AppliedTarget(TargetKind.AT_LEAST, Decimal(1), None, None, "plan")
    subs, results = [], []
    for unit, period, statuses in (
        ("SYT", "2023", [M, F]),
        ("SYT", "2024", [X, X]),
        ("STC", "2024", [M, M]),
    ):
        file = f"{unit}_{period}.xlsx"
        subs.append(Submission(file=file, unit_code=unit, period=period, date_source="unknown"))
        codes = {"SYT": ["CT12", "CT13"], "STC": ["CT05a", "CT05b"]}[unit]
        for code, status in zip(codes, statuses, strict=True):
            result = Result(file, unit, period, code, None, status, round=period, target=year)
            results.append(result)
    report = Report(
        targets_file="t", periods=["2023", "2024"], submissions=subs, results=results,
        missing_units=[],
    )  # fmt: skip
    drive = _drive(
        calendar={
            "launch": date(2024, 1, 1),
            "end": date(2024, 12, 31),
            "launch_document_due": date(2024, 3, 31),
            "interim_review": "2024-06",
            "final_review": "2025-01",
            "rounds": [{"round": "2024-Q4", "deadline": date(2025, 1, 20)}],
        }
    )
    ranking = rank(targets, drive, report, Period.quarter(2024, 4))
    assert ranking.final
    got = {s.unit_code: s for s in ranking.clusters[0].ranking}
    assert got["SYT"].rank == 1  # 2024 alone ranks it first ...
    assert got["SYT"].term is not None
    assert got["SYT"].term.rounds == ("2023", "2024")
    assert got["SYT"].term.not_met == (("2023", "CT13"),)
    assert not got["SYT"].candidate  # ... but 2023 keeps it off the list
    assert not got["STC"].candidate  # ranked second: top is 1
    top2 = rank(targets, drive.model_copy(update={"awards": drive.awards.model_copy(
        update={"top": 2})}), report, Period.quarter(2024, 4))  # fmt: skip
    assert [s.unit_code for s in top2.clusters[0].ranking if s.candidate] == ["STC"]


def test_award_rule_on_time_and_min_score(targets: TargetsFile) -> None:
    report = _report({"SYT": [M, M]}, days={"SYT": date(2024, 7, 25)})
    assert _standings(targets, report)["SYT"].candidate
    assert not _standings(targets, report, _drive(awards={"on_time": True}))["SYT"].candidate
    strict = _drive(awards={"min_score": Decimal("0.95")})
    assert not _standings(targets, report, strict)["SYT"].candidate  # 0.9 after the deduction


@given(
    deadline=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    offset=st.integers(-400, 400),
)
def test_late_exactly_when_after_the_deadline(deadline: date, offset: int) -> None:
    sent = date.fromordinal(deadline.toordinal() + offset)
    status, days = timeliness_of(deadline, sent)
    assert (status is Timeliness.LATE) == (offset > 0)
    assert days == max(offset, 0)


def test_only_the_six_statuses_score(targets: TargetsFile, monkeypatch: pytest.MonkeyPatch) -> None:
    # statuses outside the scored set (issue 12's `reported`, `pending`) are left out of the
    # points and of the denominator: shown here by leaving `invalid` out of the set
    report = _report({"SGDDT": [M, M, M, Status.INVALID]})
    assert _standings(targets, report)["SGDDT"].points == Decimal("0.7500")
    from cantho_kpi.report import ranking

    monkeypatch.setattr(ranking, "SCORED", tuple(s for s in ranking.SCORED if s != "invalid"))
    got = _standings(targets, report)["SGDDT"]
    assert got.points == Decimal("1.0000")
    assert "invalid" not in got.counts
