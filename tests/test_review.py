"""`kpi review`: the review report as the plan's report needs it, golden in Vietnamese and
English (the final review of the sample archive, its data cut off on the review's day), and
what it must say of a half-year round, an unreadable file, the units' documents."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_OK
from cantho_kpi.domain import Period, Status
from cantho_kpi.report import Timeliness, build_review, evaluate
from cantho_kpi.submissions import discover, read_submission, received_logs
from cantho_kpi.targets import TargetsFile, load_drive

from .conftest import ROOT

Kpi = Callable[..., Result]
GOLDEN = Path(__file__).resolve().parent / "golden"
ARCHIVE = "data/submissions"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_final_review_golden(
    kpi: Kpi, tmp_path: Path, lang: str, golden: Callable[[Path, str], None]
) -> None:
    out = tmp_path / f"tong-ket-{lang}.md"
    result = kpi(
        "review", ARCHIVE, "--round", "2024", "--as-of", "2025-01-27", "-o", str(out),
        "--lang", lang,
    )  # fmt: skip
    assert result.exit_code == EXIT_OK
    golden(GOLDEN / f"review-2024-{lang}.md", out.read_text(encoding="utf-8"))


def test_interim_review_golden(
    kpi: Kpi, tmp_path: Path, golden: Callable[[Path, str], None]
) -> None:
    out = tmp_path / "so-ket.md"
    result = kpi("review", ARCHIVE, "--round", "2024-H1", "--as-of", "2024-06-27", "-o", str(out))
    assert result.exit_code == EXIT_OK
    assert "NK_2024-Q4_v2.xlsx (24/01/2025)" in result.stderr  # not there yet on 27/06/2024
    golden(GOLDEN / "review-2024-H1-vi.md", out.read_text(encoding="utf-8"))


def _review(targets: TargetsFile, paths: list[Path], period: Period, as_of: date):  # type: ignore[no-untyped-def]
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    files = discover(paths, recursive=True)
    subs = [read_submission(p, targets) for p in files]
    report = evaluate(targets, subs, targets_file="t", logs=received_logs(files), as_of=as_of)
    return build_review(targets, drive, report, period, as_of)


def test_the_review_of_the_final_round(targets: TargetsFile) -> None:
    review = _review(targets, [ROOT / ARCHIVE], Period.quarter(2024, 4), date(2025, 1, 27))
    assert review.final
    assert (review.round, review.review_when, review.deadline) == (
        "2024",
        "2025-01-27",
        date(2025, 1, 20),
    )
    assert len(review.figures) == 35  # the 21 targets' figures, in the plan's order
    ct17b = next(f for f in review.figures if f.indicator.code == "CT17b")
    assert (ct17b.value, ct17b.percent) == (Decimal(1452), None)  # one year of the term's 7,000
    ct13 = next(f for f in review.figures if f.indicator.code == "CT13")
    assert ct13.percent == Decimal("104.9")  # 99.65 of at least 95
    assert ct13.change == Decimal("99.65") - ct13.previous  # type: ignore[operator]
    ct01 = next(f for f in review.figures if f.indicator.code == "CT01")
    assert ct01.percent is None  # a range: % of the target means nothing
    [total] = review.term_totals  # CT17b, summed over the years of the term
    assert (total.indicator.code, total.total, total.percent) == ("CT17b", Decimal(5602), 80)
    assert [p.year for p in total.years] == [2021, 2022, 2023, 2024]
    assert {f.status for f in review.not_met} <= {Status.NOT_MET, Status.NEAR}
    assert len(review.not_met) == sum(
        f.status in (Status.NOT_MET, Status.NEAR) for f in review.figures
    )
    launch = {d.unit_code: d.status for d in review.launch}
    assert (len(launch), launch["VT"], launch["TL"]) == (
        13,
        Timeliness.NOT_RECEIVED,
        Timeliness.LATE,
    )
    finals = {d.unit_code: d.status for d in review.final_reports}
    assert (finals["VT"], finals["CD"]) == (Timeliness.NOT_RECEIVED, Timeliness.LATE)
    assert review.progress is not None  # four years of the city's figures
    ct11 = next(r for r in review.references if r.indicator.code == "CT11")
    assert "NK" not in [u.unit_code for u in ct11.units]  # NK set its own poverty target
    assert ct11.plan.max == Decimal("0.5")


def test_which_figures_are_estimates(targets: TargetsFile) -> None:
    review = _review(
        targets, [ROOT / ARCHIVE / "2024-Q2"], Period.quarter(2024, 2), date(2024, 6, 27)
    )
    assert not review.final
    assert review.estimate_round  # the drive file's half-year round is of estimates
    # the city's half-year report marks its yearly figures as estimates for the year ('x' in
    # the template's Ước tính column): those are listed; its rates and stocks are not marked
    codes = [r.code for r in review.estimates]
    yearly = [i.code for i in targets.indicators if i.measure.value == "yearly"]
    assert codes == yearly
    assert len(codes) == 20
    assert {r.unit_code for r in review.estimates} == {"CT"}
    assert review.final_reports == ()  # not due before the final review


def test_a_broken_file_is_to_be_sent_again(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "2024-Q4"
    shutil.copytree(ROOT / ARCHIVE / "2024-Q4", folder)
    (folder / "CR_2024-Q4.xlsx").write_bytes(b"")
    out = tmp_path / "r.md"
    result = kpi("review", str(folder), "--round", "2024", "-o", str(out), "--as-of", "2025-01-27")
    assert result.exit_code == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert "- Tệp không đọc được, đề nghị gửi lại: CR (Quận Cái Răng)." in text
    assert "- Chưa rõ ngày nhận (ghi vào sổ nhận received.csv): BTCTU (Ban Tổ chức Thành ủy)." in (
        text
    )


def test_a_round_neither_review_uses_is_said_so(targets: TargetsFile) -> None:
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    moved = drive.model_copy(
        update={"calendar": drive.calendar.model_copy(update={"interim_round": "2024-Q3"})}
    )
    files = discover([ROOT / ARCHIVE / "2024-Q2"])
    subs = [read_submission(p, targets) for p in files]
    report = evaluate(targets, subs, targets_file="t", logs=received_logs(files))
    review = build_review(targets, moved, report, Period.quarter(2024, 2))
    assert (review.final, review.review_when) == (False, None)
    from cantho_kpi.output import ReviewData, review_markdown

    text = review_markdown(ReviewData(review, targets, moved, "drive.yaml", "t"), "en")
    assert "- Round 2024-H1 is neither the interim nor the final review's round" in text
