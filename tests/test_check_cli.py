"""`kpi check`: what the analyst sees, what scripts get, and the exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cantho_kpi.output import calendar_dict, check_json_chunks
from cantho_kpi.report import evaluate, launch_statuses, round_statuses
from cantho_kpi.submissions import discover, read_submission, received_logs
from cantho_kpi.targets import TargetsFile, load_drive

from .conftest import ROOT

Kpi = Callable[..., Result]
GOLDEN = Path(__file__).parent / "golden"
Q2 = "data/submissions/2024-Q2"
Q4 = "data/submissions/2024-Q4"


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """A folder with three valid sample files."""
    folder = tmp_path / "2024-Q2"
    folder.mkdir()
    for name in ("CT_2024-Q2.xlsx", "NK_2024-Q2.xlsx", "SYT_2024-Q2.xlsx"):
        shutil.copy(ROOT / Q2 / name, folder / name)
    return folder


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_folder_tables_golden(
    kpi: Kpi, narrow: None, lang: str, golden: Callable[[Path, str], None]
) -> None:
    result = kpi("check", Q2, "--lang", lang)
    assert result.exit_code == EXIT_FINDINGS  # TN's file has an unreadable value
    # tables fit; problem lines are not cut (the terminal wraps them, grep finds them whole)
    lines = [line for line in result.stdout.splitlines() if line[:1] not in "✗⚠"]
    assert max(len(line) for line in lines) <= 80
    golden(GOLDEN / f"check-2024-Q2-{lang}.txt", result.stdout)


def test_single_file_golden(kpi: Kpi, narrow: None, golden: Callable[[Path, str], None]) -> None:
    result = kpi("check", f"{Q2}/OM_2024-Q2.xlsx")
    assert result.exit_code == EXIT_OK
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    golden(GOLDEN / "check-OM_2024-Q2-vi.txt", result.stdout)


def test_json_golden_and_equal_to_the_library_report(
    kpi: Kpi, targets: TargetsFile, golden: Callable[[Path, str], None]
) -> None:
    result = kpi("check", Q2, "--format", "json")
    assert result.exit_code == EXIT_FINDINGS
    files = discover([Path(Q2)])
    subs = [read_submission(p, targets) for p in files]
    report = evaluate(targets, subs, targets_file="data/targets.yaml", logs=received_logs(files))
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    rounds, launch = round_statuses(targets, drive, report), launch_statuses(targets, drive)
    extra = calendar_dict(rounds, launch)
    assert result.stdout == "".join(check_json_chunks(report, extra))
    golden(GOLDEN / "check-2024-Q2.json", result.stdout)
    doc = json.loads(result.stdout)
    assert doc["schema"] == "cantho-kpi/check/v2"
    assert doc["summary"]["files"] == 13
    assert doc["summary"]["invalid_files"] == 1
    assert [m["unit_code"] for m in doc["missing_units"]] == ["BTCTU"]
    tn = next(s for s in doc["submissions"] if s["unit_code"] == "TN")
    assert tn["valid"] is False
    assert tn["issues"][0]["location"].endswith("TN_2024-Q2.xlsx!BaoCao!E24")
    assert (tn["submitted_on"], tn["date_source"]) == ("2024-06-19", "received-log")
    btctu = next(t for t in doc["timeliness"] if t["unit_code"] == "BTCTU")
    assert (btctu["round"], btctu["status"], btctu["deadline"]) == (
        "2024-H1",
        "not_received",
        "2024-06-20",
    )
    assert doc["received_logs"] == [{"file": f"{Q2}/received.csv", "issues": []}]
    assert (doc["as_of"], doc["after_as_of"]) == (None, [])
    vt = next(d for d in doc["launch_documents"] if d["unit_code"] == "VT")
    assert (vt["status"], vt["received"]) == ("not_received", None)


def test_json_is_one_document_even_with_broken_files(kpi: Kpi, clean: Path) -> None:
    (clean / "VT_2024-Q2.xlsx").write_bytes(b"not a workbook")
    result = kpi("check", str(clean), "-f", "json")
    assert result.exit_code == EXIT_FINDINGS
    doc = json.loads(result.stdout)
    broken = next(s for s in doc["submissions"] if s["file"].endswith("VT_2024-Q2.xlsx"))
    assert broken["valid"] is False
    assert broken["issues"][0]["severity"] == "error"
    assert len(doc["submissions"]) == 4


def test_exit_codes(kpi: Kpi, clean: Path) -> None:
    assert kpi("check", str(clean)).exit_code == EXIT_OK
    assert kpi("check", str(clean), "--fail-on", "not-met").exit_code == EXIT_FINDINGS
    assert kpi("check", str(clean), "--fail-on", "missing").exit_code == EXIT_FINDINGS
    assert kpi("check", Q2, "--fail-on", "never").exit_code == EXIT_OK
    assert kpi("check", "no/such/folder").exit_code == EXIT_USAGE
    assert kpi("check", str(clean), "--format", "yaml").exit_code == EXIT_USAGE
    assert kpi("check", str(clean), "--period", "Q9").exit_code == EXIT_USAGE


def test_nonexistent_and_empty(kpi: Kpi, tmp_path: Path) -> None:
    result = kpi("check", str(tmp_path / "nope"), "--lang", "en")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == f"kpi: {tmp_path / 'nope'}: no such file or folder\n"
    vi = kpi("check", str(tmp_path / "nope"))
    assert vi.stderr == f"kpi: {tmp_path / 'nope'}: không có tệp hay thư mục này\n"
    empty = kpi("check", str(tmp_path), "--lang", "en")
    assert empty.exit_code == EXIT_USAGE
    assert "no submission files" in empty.stderr
    assert "không có tệp báo cáo nào" in kpi("check", str(tmp_path)).stderr


def test_broken_file_among_good_ones(kpi: Kpi, narrow: None, clean: Path) -> None:
    (clean / "VT_2024-Q2.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (clean / "~$CT_2024-Q2.xlsx").write_bytes(b"lock")
    result = kpi("check", str(clean))
    assert result.exit_code == EXIT_FINDINGS
    assert "VT_2024-Q2.xlsx: xls-workbook: là sổ tính Excel 97-2003 (.xls) cũ" in result.stdout
    assert "~$" not in result.stdout
    assert "Traceback" not in result.output
    english = kpi("check", str(clean), "--lang", "en").stdout
    assert "VT_2024-Q2.xlsx: xls-workbook: is an old Excel 97-2003 workbook (.xls)" in english


def test_another_period(kpi: Kpi, clean: Path) -> None:
    shutil.copy(ROOT / "data/submissions/2024-Q4/CT_2024-Q4.xlsx", clean)
    result = kpi("check", str(clean), "--period", "2024-Q4", "-f", "json")
    doc = json.loads(result.stdout)
    assert {r["unit_code"] for r in doc["results"]} == {"CT"}
    others = [s for s in doc["submissions"] if s["period"] == "2024-Q2"]
    assert {i["code"] for s in others for i in s["issues"]} == {"other-period"}
    assert len(doc["missing_units"]) == 13  # every unit of the round but the city
    # a round none of the files is for: a usage error that says which rounds they are for
    (clean / "CT_2024-Q4.xlsx").unlink()
    result = kpi("check", str(clean), "--period", "2024-Q4")
    assert result.exit_code == EXIT_USAGE
    said = "không có tệp nào của đợt 2024 trong số các tệp này (các tệp thuộc đợt: 2024-H1)"
    assert said in result.stderr


def test_unit_drill_down(kpi: Kpi, narrow: None) -> None:
    result = kpi("check", Q2, "--unit", "tn")
    assert "TN · Quận Thốt Nốt · 2024-Q2" in result.stdout
    assert "NK · Quận Ninh Kiều" not in result.stdout
    assert "khoảng 75" in result.stdout
    assert kpi("check", Q2, "--unit", "XX").exit_code == EXIT_USAGE


def test_detail_shows_every_unit(kpi: Kpi, narrow: None, clean: Path) -> None:
    out = kpi("check", str(clean), "--detail").stdout
    for title in ("CT · Thành phố Cần Thơ", "NK · Quận Ninh Kiều", "SYT · Sở Y tế"):
        assert title in out


def test_language_from_the_environment(
    kpi: Kpi, narrow: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_LANG", "en")
    assert "Reporting units" in kpi("check", Q2).stdout


def test_csv(kpi: Kpi) -> None:
    rows = list(csv.DictReader(io.StringIO(kpi("check", Q2, "-f", "csv").stdout)))
    doc = json.loads(kpi("check", Q2, "-f", "json").stdout)
    assert len(rows) == len(doc["results"])  # the same results, one row each
    tn = next(r for r in rows if r["unit_code"] == "TN" and r["code"] == "CT08")
    assert (tn["status"], tn["value"]) == ("invalid", "")
    nk = next(r for r in rows if r["unit_code"] == "NK" and r["code"] == "CT13")
    assert (nk["round"], nk["target_source"], nk["source"]) == ("2024-H1", "unit", "")
    city = next(r for r in rows if r["unit_code"] == "CT" and r["code"] == "CT14a")
    assert (city["target_source"], city["source"]) == ("plan", "reported")
    # the shares of GRDP (bands) describe the year: pending at the half-year, judged (with
    # the side they miss on) at the year round
    assert not [r for r in rows if r["side"]]
    assert {r["status"] for r in rows if r["code"].startswith("CT03")} == {"pending", "reported"}
    year = list(csv.DictReader(io.StringIO(kpi("check", Q4, "-f", "csv").stdout)))
    band = next(r for r in year if r["side"])
    assert band["side"] in ("below", "above")


def test_csv_never_starts_a_formula(kpi: Kpi, clean: Path) -> None:
    shutil.copy(clean / "NK_2024-Q2.xlsx", clean / "=HYPERLINK(1).xlsx")
    (clean / "NK_2024-Q2.xlsx").unlink()
    text = kpi("check", str(clean), "-f", "csv").stdout
    assert "'" + str(clean) not in text  # the folder is fine as it is
    for row in csv.reader(io.StringIO(text)):
        assert not row[0].startswith("=")


def test_markdown(kpi: Kpi) -> None:
    text = kpi("check", Q2, "-f", "markdown").stdout
    assert text.startswith("## Đợt báo cáo: 6 tháng đầu năm 2024 (2024-H1)\n")
    assert "**Thành phố Cần Thơ:** đạt và vượt" in text
    assert "### Đơn vị báo cáo\n" in text
    assert "| TN Quận Thốt Nốt | 2024-Q2 | TN_2024-Q2.xlsx |" in text
    assert "**Chưa nộp báo cáo:** BTCTU (Ban Tổ chức Thành ủy)" in text
    assert "| CT14a | 22 | 22 | 9 | ✓ |" in text  # the roll-up


def test_a_superseded_file_is_said_to_be_replaced(kpi: Kpi, narrow: None) -> None:
    out = kpi("check", "data/submissions/2024-Q4", "--unit", "nk").stdout
    assert "NK_2024-Q4.xlsx: đã được thay bằng tệp gửi sau" in out
    assert "không đọc được" not in out
    table = kpi("check", "data/submissions/2024-Q4", "--lang", "en").stdout
    assert "(replaced by a later file)" in " ".join(table.split())  # the name may wrap
