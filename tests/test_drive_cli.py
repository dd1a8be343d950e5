"""`kpi chase`, `kpi rank` and `kpi review` on the sample data: exit codes, the JSON contracts
(equal to the library's result, the same bytes on every run), and the review's sections."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cantho_kpi.domain import Period
from cantho_kpi.output import PROGRESS_MARK, rank_json
from cantho_kpi.report import evaluate, rank
from cantho_kpi.submissions import discover, read_submission
from cantho_kpi.targets import TargetsFile, load_drive

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2, Q4 = "data/submissions/2024-Q2", "data/submissions/2024-Q4"


def test_rank_json_contract_and_parity(kpi: Kpi, targets: TargetsFile) -> None:
    first = kpi("rank", Q4, "--format", "json")
    second = kpi("rank", Q4, "--format", "json", "--jobs", "2")
    assert first.exit_code == EXIT_OK
    assert first.stdout == second.stdout  # same input, same bytes
    doc = json.loads(first.stdout)
    assert doc["schema"] == "cantho-kpi/rank/v1"
    assert doc["round"] == "2024"  # the round as kpi check names it
    cluster = doc["clusters"][1]
    assert {"id", "name", "ranking"} <= set(cluster)
    entry = cluster["ranking"][0]
    contract = {"rank", "unit_code", "unit", "score", "counts", "deductions", "proposed"}
    assert contract <= set(entry)
    assert (entry["unit_code"], entry["rank"], entry["proposed"]) == ("SYT", 1, True)
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    subs = [read_submission(p, targets) for p in discover([Path(Q4)])]
    report = evaluate(targets, subs, targets_file="data/targets.yaml")
    assert first.stdout == rank_json(rank(targets, drive, report, Period.quarter(2024, 4)), drive)


def test_rank_round_and_cluster(kpi: Kpi) -> None:
    result = kpi(
        "rank", Q2, Q4, "--round", "6 tháng đầu năm 2024", "-c", "so-ban-nganh", "-f", "csv"
    )
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].startswith("cluster,rank,unit_code")
    assert all(line.startswith("so-ban-nganh,") for line in lines[1:])
    btctu = next(line for line in lines if ",BTCTU," in line)
    assert btctu.endswith(",0,0,0,0,2,0,0.1,0,no")  # not received in 2024-Q2
    assert kpi("rank", Q4, "--cluster", "nope").exit_code == EXIT_USAGE


def test_chase(kpi: Kpi) -> None:
    result = kpi("chase", Q2, Q4, "--round", "2024-Q4", "--as-of", "25/01/2025", "-f", "json")
    assert result.exit_code == EXIT_FINDINGS
    doc = json.loads(result.stdout)
    assert doc["schema"] == "cantho-kpi/chase/v1"
    assert doc["as_of"] == "2025-01-25"
    nk = doc["units"][0]
    assert (nk["unit_code"], nk["status"], nk["days_late"]) == ("NK", "late", 4)
    assert nk["file"].endswith("NK_2024-Q4_v2.xlsx")
    assert nk["contact"].startswith("Văn phòng HĐND")
    # before the deadline, BTCTU's missing 2024-Q2 report is not yet due
    early = kpi("chase", Q2, "--as-of", "2024-07-20", "-f", "json")
    assert "BTCTU" not in [u["unit_code"] for u in json.loads(early.stdout)["units"]]
    assert kpi("chase", Q2, "--as-of", "soon").exit_code == EXIT_USAGE


def test_commands_need_the_drive_file(kpi: Kpi, tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    result = kpi("rank", Q4, "--targets", str(tmp_path / "targets.yaml"))
    assert result.exit_code == EXIT_USAGE
    assert "no drive file" in result.output
    check = kpi("check", Q4, "--targets", str(tmp_path / "targets.yaml"), "-f", "json")
    assert "timeliness" not in json.loads(check.stdout)  # check works without it


def test_review(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao-tong-ket_2024.md"
    result = kpi("review", Q4, "--round", "2024", "-o", str(out))
    assert result.exit_code == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# BÁO CÁO TỔNG KẾT PHONG TRÀO THI ĐUA")
    for heading in ("## I.", "## II.", "## III.", "## IV.", "## V."):
        assert heading in text
    assert PROGRESS_MARK in text
    assert "- NK (Quận Ninh Kiều), 2024: Trễ 4 ngày (24/01/2025)" in text
    assert "- VT (Huyện Vĩnh Thạnh): Chưa nhận" in text
    assert "đề nghị tặng Bằng khen của Chủ tịch UBND thành phố cho Sở Y tế (SYT)" in text
    assert kpi("review", Q4, "--round", "2024", "-o", str(out)).exit_code == EXIT_USAGE
    assert kpi("review", Q4, "--round", "2024", "-o", str(out), "--force").exit_code == EXIT_OK


def test_check_prints_the_calendar_after_its_tables(kpi: Kpi) -> None:
    result = kpi("check", Q4, "--lang", "en")
    assert result.exit_code == EXIT_FINDINGS
    out = result.stdout
    assert out.index("Reports on time") > out.index("Indicators across units")
    assert "late by 4 days" in out
    assert "Launch documents (due 31/03/2024)" in out


def test_chase_a_round_nobody_has_sent(kpi: Kpi, tmp_path: Path) -> None:
    """A round with a deadline in the drive file and no file at all: everyone is owed the whole
    report once the deadline has passed (an empty folder is not a usage error here)."""
    result = kpi(
        "chase", str(tmp_path), "--round", "2024-Q3", "--as-of", "2025-02-01", "-f", "json"
    )
    assert result.exit_code == EXIT_FINDINGS
    units = json.loads(result.stdout)["units"]
    assert len(units) == 14
    assert {u["round"] for u in units} == {"2024-9M"}  # the round as kpi check names it
    assert all(u["status"] == "not_received" and u["whole_file"] for u in units)
    before = kpi("chase", str(tmp_path), "--round", "2024-9M", "--as-of", "2024-10-01")
    assert before.exit_code == EXIT_OK  # not due yet: nobody to chase


def test_rank_a_unit_that_sent_nothing_counts_its_own_targets(kpi: Kpi) -> None:
    doc = json.loads(kpi("rank", "data/submissions", "--round", "2024-Q3", "-f", "json").stdout)
    ranking = {e["unit_code"]: e for c in doc["clusters"] for e in c["ranking"]}
    # a district is missing the targets that apply to it, never the city's 35 figures
    assert 0 < ranking["BT"]["counts"]["missing"] < 35
    assert ranking["SYT"]["counts"]["missing"] == 2
    assert ranking["BT"]["deductions"]["late_report"] == 0.1


def test_review_uses_the_rounds_and_headline_of_check(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "so-ket.md"
    result = kpi(
        "review", "data/submissions/2024-Q2", "--round", "6 tháng đầu năm 2024", "-o", str(out)
    )
    assert result.exit_code == EXIT_OK
    text = out.read_text(encoding="utf-8")
    check = json.loads(kpi("check", "data/submissions/2024-Q2", "-f", "json").stdout)
    plan = check["summary"]["plan_targets"]
    assert f"đạt và vượt {plan['met']}/{plan['met'] + plan['not_met']} chỉ tiêu có số liệu" in text
    assert text.count("- Đợt ") == 1  # one round, not a "2024-H1" and a "2024-Q2"
    assert "Giấy khen" in text  # an interim review's award
    assert "Bằng khen" not in text


def test_chase_an_unreadable_file_and_an_unfilled_form(kpi: Kpi, tmp_path: Path) -> None:
    """A file from which nothing could be read is the whole report owed, even on time; an
    unfilled form does not count as received (kpi check lists its unit as not reported)."""
    for path in Path(Q2).glob("*.xlsx"):
        shutil.copy2(path, tmp_path / path.name)
    (tmp_path / "NK_2024-Q2.xlsx").write_bytes(b"")  # unreadable, sent on time (file time)
    assert kpi("template", "--unit", "BT", "--period", "2024-Q2", "-o",
               str(tmp_path / "BT_2024-Q2.xlsx"), "--force").exit_code == EXIT_OK  # fmt: skip
    result = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "-f", "json")
    units = {u["unit_code"]: u for u in json.loads(result.stdout)["units"]}
    assert units["NK"]["whole_file"]
    assert units["NK"]["file"].endswith("NK_2024-Q2.xlsx")
    assert (units["BT"]["status"], units["BT"]["file"]) == ("not_received", None)
    assert units["TN"]["indicators"] == ["CT08"]  # a readable file owes its bad figures only
    text = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "--lang", "en")
    assert "unreadable)" in text.stdout  # "the whole report (file unreadable)", wrapped
    table = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "-f", "csv")
    rows = {row["unit_code"]: row for row in csv.DictReader(io.StringIO(table.stdout))}
    assert rows["NK"]["owed"] == "whole file (unreadable)"
    assert rows["BT"]["owed"] == "whole file"


def test_an_unfilled_form_sent_later_does_not_replace_a_report(kpi: Kpi, tmp_path: Path) -> None:
    for path in Path(Q2).glob("*.xlsx"):
        shutil.copy2(path, tmp_path / path.name)
    later = str(tmp_path / "NK_2024-Q2_v2.xlsx")
    assert kpi("template", "--unit", "NK", "--period", "2024-Q2", "-o", later).exit_code == 0
    doc = json.loads(kpi("check", str(tmp_path), "-f", "json").stdout)
    nk = [r for r in doc["results"] if r["unit_code"] == "NK"]
    assert {r["file"] for r in nk} == {str(tmp_path / "NK_2024-Q2.xlsx")}  # the filled one
    assert len(nk) == 35
    form = next(s for s in doc["submissions"] if s["file"] == later)
    assert "superseded-submission" in [i["code"] for i in form["issues"]]
    row = next(t for t in doc["timeliness"] if t["unit_code"] == "NK")
    assert (row["status"], row["file"]) == ("on_time", str(tmp_path / "NK_2024-Q2.xlsx"))
    chase = json.loads(kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "-f", "json").stdout)
    assert "NK" not in [u["unit_code"] for u in chase["units"]]


def test_one_unit_markdown_says_a_replaced_file_is_replaced(kpi: Kpi) -> None:
    result = kpi("check", Q4, "--unit", "NK", "--format", "markdown", "--lang", "en")
    assert "## NK · Quận Ninh Kiều · 2024-Q4 · NK_2024-Q4.xlsx\n\n*replaced by a later file*" in (
        result.stdout
    )
    assert "unreadable" not in result.stdout
