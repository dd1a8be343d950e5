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
    assert "| NK " in markdown.stdout
    assert "| TN " not in markdown.stdout
    assert "BTCTU" not in markdown.stdout


def test_unit_exit_code_follows_that_units_files(kpi: Kpi) -> None:
    assert kpi("check", Q2, "--unit", "NK").exit_code == EXIT_OK
    assert kpi("check", Q2, "--unit", "TN").exit_code == EXIT_FINDINGS


def test_unit_unknown_among_the_files_is_a_usage_error(kpi: Kpi) -> None:
    result = kpi("check", Q2, "--unit", "XX", "--format", "json")
    assert result.exit_code == EXIT_USAGE
    assert "no submission from unit 'XX'" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("output_format", ["json", "csv", "markdown"])
def test_detail_outside_the_table_is_a_usage_error(kpi: Kpi, output_format: str) -> None:
    result = kpi("check", Q2, "--detail", "--format", output_format)
    assert result.exit_code == EXIT_USAGE
    assert "--detail applies to the table only" in result.stderr
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
    assert "--fail-on never cannot be combined" in result.stderr
    assert not (tmp_path / "out.xlsx").exists()
    assert kpi("check", Q2, "--fail-on", "never", "--fail-on", "never").exit_code == EXIT_OK
