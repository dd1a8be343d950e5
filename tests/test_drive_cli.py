"""`kpi chase`, `kpi rank` and `kpi review` on the sample data: exit codes, the JSON contracts
(equal to the library's result, the same bytes on every run), and the review's sections."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cantho_kpi.domain import Period
from cantho_kpi.output import PROGRESS_MARK, rank_json
from cantho_kpi.report import evaluate, rank
from cantho_kpi.submissions import discover, read_submission, received_logs
from cantho_kpi.targets import TargetsFile, load_drive

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2, Q4 = "data/submissions/2024-Q2", "data/submissions/2024-Q4"


def test_rank_json_contract_and_parity(kpi: Kpi, targets: TargetsFile) -> None:
    first = kpi("rank", Q4, "--format", "json", "--as-of", "2025-01-27")
    second = kpi("rank", Q4, "--format", "json", "--as-of", "2025-01-27", "--jobs", "2")
    assert first.exit_code == EXIT_OK
    assert first.stdout == second.stdout  # same input, same bytes
    doc = json.loads(first.stdout)
    assert doc["schema"] == "cantho-kpi/rank/v2"
    assert doc["round"] == "2024"  # the round as kpi check names it
    assert doc["final_review"] is True  # the drive file's final round
    rule = doc["rule"]
    assert (rule["source"], rule["file"]) == ("drive_file", "data/drive.yaml")
    assert "not rules of plan 33/KH-UBND" in rule["note"]
    assert rule["candidates"]["near_is_met"] is False
    assert rule["candidates"]["award"]["given_by"] == "city"
    cluster = doc["clusters"][1]
    assert {"id", "name", "ranking"} <= set(cluster)
    entry = cluster["ranking"][0]
    contract = {"rank", "unit_code", "unit", "score", "counts", "deductions", "candidate"}
    assert contract <= set(entry)
    assert "proposed" not in entry
    # SYT leads its block, but its doctors per 10,000 people are near: not met for the list
    assert (entry["unit_code"], entry["rank"], entry["candidate"]) == ("SYT", 1, False)
    assert entry["term"] == {"rounds": ["2024"], "not_met": [{"round": "2024", "code": "CT12"}]}
    assert entry["awards_given"][0]["reference"] == "3456/QĐ-UBND"
    districts = {e["unit_code"]: e for e in doc["clusters"][0]["ranking"]}
    assert [u for u, e in districts.items() if e["candidate"]] == ["PD"]
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    files = discover([Path(Q4)])
    subs = [read_submission(p, targets) for p in files]
    report = evaluate(
        targets, subs, targets_file="data/targets.yaml", logs=received_logs(files),
        as_of=date(2025, 1, 27),
    )  # fmt: skip
    ranking = rank(targets, drive, report, Period.quarter(2024, 4), as_of=date(2025, 1, 27))
    assert first.stdout == rank_json(ranking, drive, "data/drive.yaml", date(2025, 1, 27))


def test_rank_round_and_cluster(kpi: Kpi) -> None:
    result = kpi(
        "rank", Q2, Q4, "--round", "6 tháng đầu năm 2024", "-c", "so-ban-nganh", "-f", "csv"
    )
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].startswith("cluster,rank,unit_code")
    assert lines[0].endswith(",reported,late_report,invalid_file,candidate,rule")
    assert all(line.startswith("so-ban-nganh,") for line in lines[1:])
    btctu = next(line for line in lines if ",BTCTU," in line)
    # not received in 2024-H1: every target missing, the late deduction; no candidate there
    assert btctu.endswith(",0,0,0,0,2,0,0,0.1,0,no,drive_file:data/drive.yaml")
    assert kpi("rank", Q4, "--cluster", "nope").exit_code == EXIT_USAGE


def test_rank_says_whose_rule_it_is_in_every_format(kpi: Kpi) -> None:
    table = kpi("rank", Q2, "--lang", "en").stdout
    assert "settings of the drive file data/drive.yaml, not rules of plan" in " ".join(
        table.split()
    )
    assert "for reference only" in table  # 2024-H1 is not the final review's round
    assert "Candidate" not in table
    markdown = kpi("rank", Q4, "-f", "markdown").stdout
    assert "*Điểm, trừ điểm và điều kiện ứng viên là quy định của tệp phong trào " in markdown
    assert "| Ứng viên |" in markdown


def test_near_is_met_is_quoted_when_the_drive_file_says_so(kpi: Kpi, tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(ROOT / "data" / "unit-targets", tmp_path / "unit-targets")
    text = (ROOT / "data" / "drive.yaml").read_text(encoding="utf-8")
    (tmp_path / "drive.yaml").write_text(
        text.replace("near_is_met: false", "near_is_met: true"), encoding="utf-8"
    )
    targets = str(tmp_path / "targets.yaml")
    doc = json.loads(kpi("rank", Q4, "-f", "json", "--targets", targets).stdout)
    entry = doc["clusters"][1]["ranking"][0]
    assert (entry["unit_code"], entry["candidate"], entry["term"]["not_met"]) == ("SYT", True, [])
    table = kpi("rank", Q4, "--targets", targets, "--lang", "en").stdout
    assert "near_is_met: true" in table


def test_chase(kpi: Kpi) -> None:
    result = kpi("chase", Q2, Q4, "--round", "2024-Q4", "--as-of", "25/01/2025", "-f", "json")
    assert result.exit_code == EXIT_FINDINGS
    doc = json.loads(result.stdout)
    assert doc["schema"] == "cantho-kpi/chase/v1"
    assert doc["as_of"] == "2025-01-25"
    nk = doc["units"][0]
    assert (nk["unit_code"], nk["status"], nk["days_late"]) == ("NK", "late", 4)
    assert (nk["date_source"], nk["submitted_on"]) == ("received-log", "2025-01-24")
    assert nk["file"].endswith("NK_2024-Q4_v2.xlsx")
    assert nk["contact"].startswith("Văn phòng HĐND")
    btctu = doc["units"][-1]  # not in the log: listed for the office to fill it, not chased
    assert (btctu["unit_code"], btctu["status"], btctu["date_source"]) == (
        "BTCTU",
        "unknown",
        "sheet",
    )
    assert btctu["file_time_hint"] is not None  # a hint, labelled as such
    # before the deadline, BTCTU's missing 2024-Q2 report is not yet due
    early = kpi("chase", Q2, "--as-of", "2024-06-20", "-f", "json")
    assert "BTCTU" not in [u["unit_code"] for u in json.loads(early.stdout)["units"]]
    assert kpi("chase", Q2, "--as-of", "soon").exit_code == EXIT_USAGE


def test_chase_as_of_knows_no_future(kpi: Kpi) -> None:
    """On 15/01/2025, NK's first report (received 07/01) was in, on time; its correction came
    on 24/01: as of 15/01 it does not exist yet."""
    result = kpi("chase", Q4, "--as-of", "2025-01-15", "-f", "json")
    units = {u["unit_code"]: u for u in json.loads(result.stdout)["units"]}
    assert "NK" not in units  # on time, owing nothing
    assert "NK_2024-Q4_v2.xlsx (24/01/2025)" in result.stderr
    rows = json.loads(kpi("check", Q4, "--as-of", "2025-01-15", "-f", "json").stdout)
    nk = next(t for t in rows["timeliness"] if t["unit_code"] == "NK")
    assert (nk["status"], nk["submitted_on"]) == ("on_time", "2025-01-07")
    assert nk["file"].endswith("NK_2024-Q4.xlsx")
    assert [f["file"].rsplit("/", 1)[-1] for f in rows["after_as_of"]] == ["NK_2024-Q4_v2.xlsx"]
    after = json.loads(kpi("chase", Q4, "--as-of", "2025-01-25", "-f", "json").stdout)
    assert next(u for u in after["units"] if u["unit_code"] == "NK")["days_late"] == 4


def test_a_unit_whose_day_is_unknown_is_not_chased_for_it(kpi: Kpi, tmp_path: Path) -> None:
    """BTCTU's report is not in the office's log: it is listed, for the office to fill the
    log, but nobody is chased for the office's gap."""
    for path in Path(Q4).glob("*"):
        if path.name not in ("NK_2024-Q4_v2.xlsx", "TN_2024-Q4.xlsx"):
            shutil.copy2(path, tmp_path / path.name)
    result = kpi("chase", str(tmp_path), "--as-of", "2025-01-15", "-f", "json")
    units = {u["unit_code"]: u["status"] for u in json.loads(result.stdout)["units"]}
    assert units == {"BTCTU": "unknown"}  # TN not due yet on 15/01: not listed
    assert result.exit_code == EXIT_OK
    late = kpi("chase", str(tmp_path), "--as-of", "2025-01-25", "-f", "json")
    units = {u["unit_code"]: u["status"] for u in json.loads(late.stdout)["units"]}
    assert units == {"TN": "not_received", "BTCTU": "unknown"}
    assert late.exit_code == EXIT_FINDINGS


def test_commands_need_the_drive_file(kpi: Kpi, tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    result = kpi("rank", Q4, "--targets", str(tmp_path / "targets.yaml"))
    assert result.exit_code == EXIT_USAGE
    assert "không có tệp phong trào (drive.yaml)" in result.output
    check = kpi("check", Q4, "--targets", str(tmp_path / "targets.yaml"), "-f", "json")
    assert "timeliness" not in json.loads(check.stdout)  # check works without it


def test_review(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao-tong-ket_2024.md"
    result = kpi("review", Q4, "--round", "2024", "--as-of", "2025-01-27", "-o", str(out))
    assert result.exit_code == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# BÁO CÁO TỔNG KẾT PHONG TRÀO THI ĐUA")
    for heading in ("## I.", "## II.", "## III.", "## IV.", "## V.", "## VI."):
        assert heading in text
    assert PROGRESS_MARK in text  # one year only: the progress is to be written
    assert "- Số liệu tính đến ngày: 27/01/2025" in text
    assert "- Trễ hạn: NK (Quận Ninh Kiều): Trễ 4 ngày." in text
    assert "12/13 đơn vị đã gửi (11 đúng hạn, 1 trễ hạn); chưa gửi: VT (Huyện Vĩnh Thạnh)" in text
    assert "Danh sách tham khảo (không phải đề nghị khen thưởng)" in text
    assert "Hội đồng Thi đua - Khen thưởng xem xét" in text
    assert "đề nghị tặng" not in text
    assert "- Cụm thi đua các quận, huyện: Huyện Phong Điền (PD; xét trên 2024)." in text
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
    assert "đợt 6 tháng đầu năm 2024 (2024-H1)" in text  # one round, named as kpi check does
    assert "2024-Q2" not in text
    assert "số ước thực hiện" in text  # the drive file's half-year round is of estimates
    assert "Giấy khen" in text  # the plan's awards are said as the plan gives them ...
    assert "Không xét ở đợt sơ kết này" in text  # ... and no candidate list at the interim
    assert "Ứng viên" not in text
    assert "Xếp hạng chỉ để tham khảo" in text


def test_chase_an_unreadable_file_and_an_unfilled_form(kpi: Kpi, tmp_path: Path) -> None:
    """A file from which nothing could be read is the whole report owed, even on time; an
    unfilled form does not count as received (kpi check lists its unit as not reported)."""
    for path in Path(Q2).glob("*"):
        shutil.copy2(path, tmp_path / path.name)
    (tmp_path / "NK_2024-Q2.xlsx").write_bytes(b"")  # unreadable, received on time (the log)
    assert kpi("template", "--unit", "BT", "--period", "2024-Q2", "-o",
               str(tmp_path / "BT_2024-Q2.xlsx"), "--force").exit_code == EXIT_OK  # fmt: skip
    result = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "-f", "json")
    units = {u["unit_code"]: u for u in json.loads(result.stdout)["units"]}
    assert units["NK"]["whole_file"]
    assert (units["NK"]["status"], units["NK"]["file"]) == (
        "on_time",
        str(tmp_path / "NK_2024-Q2.xlsx"),
    )
    assert (units["BT"]["status"], units["BT"]["file"]) == ("not_received", None)
    assert units["TN"]["indicators"] == ["CT08"]  # a readable file owes its bad figures only
    text = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "--lang", "en")
    assert "unreadable, to" in text.stdout  # "(file unreadable, to be sent again)", wrapped
    table = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "-f", "csv")
    rows = {row["unit_code"]: row for row in csv.DictReader(io.StringIO(table.stdout))}
    assert rows["NK"]["owed"] == "cả báo cáo (tệp không đọc được, đề nghị gửi lại)"
    assert rows["BT"]["owed"] == "cả báo cáo"
    english = kpi("chase", str(tmp_path), "--as-of", "2024-08-01", "-f", "csv", "--lang", "en")
    rows = {row["unit_code"]: row for row in csv.DictReader(io.StringIO(english.stdout))}
    assert rows["NK"]["owed"] == "the whole report (file unreadable, to be sent again)"
    assert rows["BT"]["owed"] == "the whole report"


def test_an_unfilled_form_sent_later_does_not_replace_a_report(kpi: Kpi, tmp_path: Path) -> None:
    for path in Path(Q2).glob("*"):
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
