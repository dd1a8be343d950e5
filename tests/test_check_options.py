"""Options mean the same in every format, and the exit code follows what was evaluated
(issue 11, item 3)."""

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

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = "data/submissions/2024-Q2"


def test_unit_keeps_one_unit_in_json(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "nk", "--format", "json")
    assert result.exit_code == EXIT_OK  # TN's broken file is not NK's
    doc = json.loads(result.stdout)
    assert [s["unit_code"] for s in doc["submissions"]] == ["NK"]
    assert {r["unit_code"] for r in doc["results"]} == {"NK"}
    assert doc["missing_units"] == []
    assert doc["summary"]["files"] == 1


def test_unit_keeps_one_unit_in_csv_and_markdown(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "NK", "--format", "csv")
    assert result.exit_code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    assert {row["unit_code"] for row in rows} == {"NK"}
    markdown = kpi("check", Q2, "--unit", "NK", "--format", "markdown")
    assert markdown.exit_code == EXIT_OK
    assert "## NK · Quận Ninh Kiều" in markdown.stdout
    assert "## TN" not in markdown.stdout
    assert "BTCTU" not in markdown.stdout


def test_unit_exit_code_follows_that_units_files(kpi: Kpi) -> None:
    assert kpi("check", Q2, "--unit", "NK").exit_code == EXIT_OK
    assert kpi("check", Q2, "--unit", "TN").exit_code == EXIT_FINDINGS


def test_unit_unknown_among_the_files_is_a_usage_error(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "XX", "--format", "json")
    assert result.exit_code == EXIT_USAGE
    assert "không có đơn vị 'XX'; các đơn vị là: CT, " in result.stderr
    english = kpi("check", Q2, "--unit", "XX", "--format", "json", "--lang", "en")
    assert "unknown unit 'XX'; the units are: CT, " in english.stderr
    assert result.stdout == ""


def test_a_known_unit_that_sent_nothing_is_said_and_counted_as_for_the_folder(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "btctu")
    assert result.exit_code == EXIT_OK  # as for the folder: a missing unit fails with --fail-on
    said = "BTCTU (Ban Tổ chức Thành ủy) không có tệp nào trong số này: đơn vị chưa nộp báo cáo "
    said += "đợt 2024-H1"
    assert said in result.stderr
    assert "Chưa nộp báo cáo: BTCTU (Ban Tổ chức Thành ủy) 2024-H1" in result.stdout
    markdown = kpi("check", Q2, "--unit", "BTCTU", "-f", "markdown").stdout
    assert markdown.startswith("**Chưa nộp báo cáo:** BTCTU (Ban Tổ chức Thành ủy) 2024-H1\n")
    strict = kpi("check", Q2, "--unit", "BTCTU", "--fail-on", "missing", "-f", "json")
    assert strict.exit_code == EXIT_FINDINGS
    assert [m["unit_code"] for m in json.loads(strict.stdout)["missing_units"]] == ["BTCTU"]
    never = kpi("check", Q2, "--unit", "BTCTU", "--fail-on", "missing", "--fail-on", "never")
    assert never.exit_code == EXIT_USAGE  # never with another value
    assert kpi("check", Q2, "--unit", "BTCTU", "--fail-on", "never").exit_code == EXIT_OK


def test_a_unit_with_nothing_due_is_not_missing(kpi: Kpi, tmp_path: Path) -> None:
    """NK (a district) ends in 2025-Q2: nothing is due from it for the year 2025."""
    form = str(tmp_path / "SYT_2025-Q4.xlsx")
    assert kpi("template", "--unit", "SYT", "--period", "2025-Q4", "-o", form).exit_code == 0
    result = kpi("check", str(tmp_path), "--unit", "NK", "--fail-on", "missing", "-f", "json")
    assert "chưa đến hạn nộp báo cáo của các đợt đó" in result.stderr
    assert json.loads(result.stdout)["missing_units"] == []


def test_an_unfilled_form_under_unit_is_a_missing_report(kpi: Kpi, tmp_path: Path) -> None:
    for path in Path(Q2).glob("*.xlsx"):
        shutil.copy2(path, tmp_path / path.name)
    form = tmp_path / "BT_2024-Q2.xlsx"
    assert kpi("template", "--unit", "BT", "--period", "2024-Q2", "-o", str(form),
               "--force").exit_code == EXIT_OK  # fmt: skip
    result = kpi("check", str(tmp_path), "--unit", "BT", "--fail-on", "missing")
    assert result.exit_code == EXIT_FINDINGS
    assert "Chưa nộp báo cáo: BT (Quận Bình Thủy) 2024-H1" in result.stdout


def test_unit_json_keeps_the_drive_keys_with_that_units_rows(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "NK", "--format", "json")
    data = json.loads(result.stdout)
    assert data["timeliness"]
    assert {row["unit_code"] for row in data["timeliness"]} == {"NK"}
    assert [row["unit_code"] for row in data["launch_documents"]] == ["NK"]


@pytest.mark.parametrize("output_format", ["json", "csv", "markdown"])
def test_detail_outside_the_table_is_a_usage_error(kpi: Kpi, output_format: str) -> None:
    result = kpi("check", Q2, "--detail", "--format", output_format)
    assert result.exit_code == EXIT_USAGE
    assert "--detail chỉ dùng cho dạng bảng" in result.stderr
    assert result.stdout == ""


def test_files_of_other_periods_are_warnings_not_failures(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("CT_2024-Q2.xlsx", "NK_2024-Q2.xlsx"):
        shutil.copy(ROOT / Q2 / name, folder / name)
    # TN's Q4 file has an unreadable value: an error, but not of the period asked for
    shutil.copy(ROOT / "data/submissions/2024-Q4/TN_2024-Q4.xlsx", folder)
    result = kpi("check", str(folder), "--period", "2024-Q2", "--format", "json")
    assert result.exit_code == EXIT_OK
    doc = json.loads(result.stdout)
    tn = next(s for s in doc["submissions"] if s["unit_code"] == "TN")
    assert "other-period" in [i["code"] for i in tn["issues"]]
    # without --period every file is evaluated, and TN's error is a finding
    assert kpi("check", str(folder)).exit_code == EXIT_FINDINGS


@pytest.mark.parametrize("command", ["check", "export"])
def test_fail_on_never_with_another_value_is_a_usage_error(
    kpi: Kpi, tmp_path: Path, command: str
) -> None:
    extra = ["-o", str(tmp_path / "out.xlsx")] if command == "export" else []
    result = kpi(command, Q2, *extra, "--fail-on", "never", "--fail-on", "missing")
    assert result.exit_code == EXIT_USAGE
    assert "--fail-on never không dùng chung được" in result.stderr
    assert not (tmp_path / "out.xlsx").exists()
    assert kpi("check", Q2, "--fail-on", "never", "--fail-on", "never").exit_code == EXIT_OK


def test_unit_markdown_is_that_units_table_against_its_own_targets(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "NK", "--format", "markdown")
    assert result.stdout.startswith("## NK · Quận Ninh Kiều · 2024-Q2 · NK_2024-Q2.xlsx\n")
    assert "| CT11 | Tỷ lệ hộ nghèo (theo chuẩn mới) | < 0,2 % (riêng) |" in result.stdout
    assert "Kém nhất" not in result.stdout  # not the folder's table across units
