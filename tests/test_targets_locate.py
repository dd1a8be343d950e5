"""The default targets file is found from any directory (issue 11, item 2)."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cantho_kpi.targets import PACKAGED_TARGETS, find_targets

from .conftest import DATA, ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"
MINIMAL = DATA / "targets" / "valid" / "minimal.yaml"


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder outside the repository, with no data/targets.yaml above it."""
    folder = tmp_path / "work"
    folder.mkdir()
    assert not any((p / "data" / "targets.yaml").exists() for p in (folder, *folder.parents))
    monkeypatch.chdir(folder)
    return folder


def test_the_packaged_copy_is_the_repositorys_file() -> None:
    shipped = resources.files("cantho_kpi.targets").joinpath("targets.yaml")
    assert shipped.read_bytes() == (ROOT / "data" / "targets.yaml").read_bytes()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    assert "targets.yaml" in package_data["cantho_kpi.targets"]


def test_check_outside_the_repository_uses_the_packaged_copy(kpi: Kpi, elsewhere: Path) -> None:
    result = kpi("check", str(Q2), "--format", "json")
    assert result.exit_code == EXIT_FINDINGS, result.stderr  # TN's file, as from the root
    assert json.loads(result.stdout)["targets_file"] == str(PACKAGED_TARGETS)


def test_found_in_a_folder_above(kpi: Kpi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    shutil.copy(MINIMAL, project / "data" / "targets.yaml")
    deeper = project / "reports" / "q2"
    deeper.mkdir(parents=True)
    monkeypatch.chdir(deeper)
    monkeypatch.setenv("KPI_TARGETS", str(ROOT / "data" / "targets.yaml"))  # comes after
    result = kpi("targets", "--format", "json")
    assert result.exit_code == EXIT_OK
    assert len(json.loads(result.stdout)["targets"]) == 6  # the minimal file, not the plan's
    assert find_targets() == project / "data" / "targets.yaml"


def test_in_the_repository_root_the_path_stays_relative(kpi: Kpi) -> None:
    result = kpi("check", str(Q2 / "NK_2024-Q2.xlsx"), "--format", "json")
    assert json.loads(result.stdout)["targets_file"] == "data/targets.yaml"


def test_the_environment_comes_before_the_packaged_copy(
    kpi: Kpi, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_TARGETS", str(MINIMAL))
    assert find_targets() == MINIMAL
    assert kpi("validate-targets").exit_code == EXIT_OK


def test_the_environment_naming_no_file_is_a_usage_error(
    kpi: Kpi, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_TARGETS", str(elsewhere / "nope.yaml"))
    result = kpi("check", str(Q2))
    assert result.exit_code == EXIT_USAGE
    assert "nope.yaml: không có tệp này (do KPI_TARGETS chỉ định)" in result.stderr
    assert "--targets TỆP" in result.stderr


def test_none_found_names_both_ways_to_give_one(
    kpi: Kpi, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cantho_kpi.targets.locate as locate

    monkeypatch.setattr(locate, "PACKAGED_TARGETS", elsewhere / "not-installed.yaml")
    result = kpi("targets")
    assert result.exit_code == EXIT_USAGE
    assert "không có tệp chỉ tiêu" in result.stderr
    assert "--targets TỆP" in result.stderr
    assert "KPI_TARGETS" in result.stderr


def test_the_table_says_which_file_was_used(
    kpi: Kpi, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = kpi("check", str(Q2), "--lang", "en")
    assert f"Targets file: {PACKAGED_TARGETS}" in result.stdout.replace("\n", "")
