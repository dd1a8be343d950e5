"""The CLI's contract: exit codes, output formats, and messages for the user."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cantho_kpi.output import issues_json
from cantho_kpi.targets import load_targets

from .conftest import DATA

Kpi = Callable[..., Result]
INVALID = DATA / "targets" / "invalid"
GOLDEN = Path(__file__).parent / "golden"


def test_validate_the_shipped_file(kpi: Kpi) -> None:
    result = kpi("validate-targets")
    assert result.exit_code == EXIT_OK
    assert result.stdout == ""
    assert "data/targets.yaml: hợp lệ (35 chỉ tiêu; chỉ tiêu riêng của 3 đơn vị)" in result.stderr
    english = kpi("validate-targets", "--lang", "en")
    assert "data/targets.yaml: valid (35 indicators; own targets of 3 units)" in english.stderr


def test_validate_an_invalid_file_exits_1_with_every_problem(kpi: Kpi) -> None:
    path = INVALID / "code-suffix.yaml"
    result = kpi("validate-targets", str(path), "--lang", "en")
    assert result.exit_code == EXIT_FINDINGS
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}:20:22: unknown-reference: group CT03: member CT03b is not an indicator "
        "of this file",
        f"{path}:43:11: code-suffix: CT03c: the figures of target 3 are lettered a, c; "
        "letter them a, b in the plan's order",
    ]


def test_validate_several_files_exits_1_if_any_is_invalid(kpi: Kpi) -> None:
    result = kpi(
        "validate-targets", "data/targets.yaml", str(INVALID / "min-above-max.yaml"), "--lang", "en"
    )
    assert result.exit_code == EXIT_FINDINGS
    assert "min-above-max: CT01: min (8) is greater than max (7.5)" in result.stdout


def test_validate_github_annotations(kpi: Kpi) -> None:
    path = INVALID / "unknown-unit.yaml"
    result = kpi("validate-targets", str(path), "--format", "github", "--lang", "en")
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout == (
        f"::error file={path},line=67,col=11,title=unknown-unit::"
        "CT14a: unknown unit 'commune'; did you mean 'communes'?\n"
    )


def test_github_annotations_escape_their_delimiters(kpi: Kpi, tmp_path: Path) -> None:
    path = tmp_path / "a,b:c.yaml"
    path.write_text("schema_version: 1\nplan: 100%\n", encoding="utf-8")
    result = kpi("validate-targets", str(path), "-f", "github")
    assert result.exit_code == EXIT_FINDINGS
    assert "file=" + str(tmp_path).replace(":", "%3A") + "/a%2Cb%3Ac.yaml," in result.stdout
    assert "'100%25'" in result.stdout


def test_validate_json_equals_the_library_report(kpi: Kpi) -> None:
    path = str(INVALID / "duplicate-key.yaml")
    result = kpi("validate-targets", path, "--format", "json")
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout == issues_json([load_targets(Path(path))])
    doc = json.loads(result.stdout)
    assert doc["valid"] is False
    (issue,) = doc["files"][0]["issues"]
    assert (issue["code"], issue["line"], issue["col"]) == ("duplicate-key", 31, 5)


def test_validate_a_missing_file_is_a_usage_error(kpi: Kpi) -> None:
    result = kpi("validate-targets", "no/such/targets.yaml")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == "kpi: no/such/targets.yaml: không có tệp này\n"


def test_validate_a_folder_is_a_usage_error(kpi: Kpi) -> None:
    result = kpi("validate-targets", "data")
    assert result.exit_code == EXIT_USAGE
    assert "là thư mục, không phải tệp" in result.stderr
    assert "is a folder" in kpi("validate-targets", "data", "--lang", "en").stderr


def test_unknown_option_is_a_usage_error(kpi: Kpi) -> None:
    assert kpi("validate-targets", "--format", "xml").exit_code == EXIT_USAGE
    assert kpi("no-such-command").exit_code == EXIT_USAGE


def test_targets_table_reads_like_the_plan(kpi: Kpi) -> None:
    result = kpi("targets")
    assert result.exit_code == EXIT_OK
    assert "7,5 – 8 %" in result.stdout
    assert "< 0,5 %" in result.stdout
    assert "≥ 7.000" in result.stdout


def test_targets_table_in_english(kpi: Kpi) -> None:
    result = kpi("targets", "--lang", "en")
    assert result.exit_code == EXIT_OK
    assert "7.5 – 8 %" in result.stdout
    assert "≥ 7,000" in result.stdout
    assert "Average GRDP" in result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_targets_table_golden(
    kpi: Kpi, lang: str, monkeypatch: pytest.MonkeyPatch, golden: Callable[[Path, str], None]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    result = kpi("targets", "--lang", lang)
    assert result.exit_code == EXIT_OK
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    golden(GOLDEN / f"targets-{lang}.txt", result.stdout)


def test_targets_json(kpi: Kpi) -> None:
    result = kpi("targets", "--format", "json")
    assert result.exit_code == EXIT_OK
    rows = {row["code"]: row for row in json.loads(result.stdout)["targets"]}
    assert len(rows) == 35
    assert (rows["CT01"]["min"], rows["CT01"]["max"], rows["CT01"]["kind"]) == (7.5, 8, "range")
    assert (rows["CT11"]["min"], rows["CT11"]["max"]) == (None, 0.5)
    assert rows["CT06a"]["unit"] == "million VND per worker per year"


def test_targets_with_an_invalid_targets_file_exits_2(kpi: Kpi) -> None:
    result = kpi("targets", "--targets", str(INVALID / "min-above-max.yaml"))
    assert result.exit_code == EXIT_USAGE
    assert "min-above-max" in result.stderr
    assert "tệp chỉ tiêu không hợp lệ" in result.stderr
    assert result.stdout == ""


def test_targets_file_from_the_environment(
    kpi: Kpi, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KPI_TARGETS", str(DATA / "targets" / "valid" / "minimal.yaml"))
    monkeypatch.chdir(tmp_path)  # no data/targets.yaml here or above: the variable is used
    result = kpi("targets", "-f", "json")
    assert result.exit_code == EXIT_OK
    assert len(json.loads(result.stdout)["targets"]) == 6


def test_version_and_bare_command(kpi: Kpi) -> None:
    assert kpi("--version").stdout.startswith("kpi ")
    assert kpi().exit_code == EXIT_USAGE


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "cantho_kpi", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == EXIT_OK
    assert done.stdout.startswith("kpi ")
