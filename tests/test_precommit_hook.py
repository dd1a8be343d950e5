"""The published pre-commit hook, run the way pre-commit runs it.

pre-commit installs the package (language: python), selects staged files whose path matches
``files`` and whose type is yaml, and runs ``entry`` with those paths appended.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import DATA, ROOT


@pytest.fixture(scope="module")
def hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (only,) = hooks
    assert only["id"] == "kpi-validate-targets"
    assert only["language"] == "python"
    assert only["pass_filenames"] is True
    return dict(only)


def _selects(hook: dict[str, object], path: str) -> bool:
    return re.search(str(hook["files"]), path) is not None


def test_hook_selects_targets_files_only(hook: dict[str, object]) -> None:
    assert _selects(hook, "data/targets.yaml")
    assert _selects(hook, "targets.yml")
    assert _selects(hook, "data/drive.yaml")  # checked with the targets file beside it
    assert _selects(hook, "data/unit-targets/NK.yaml")  # checked with the one above its folder
    assert not _selects(hook, "data/unit-targets/notes/NK.yaml")
    assert not _selects(hook, "data/submissions/2024-Q2/NK_2024-Q2.xlsx")
    assert not _selects(hook, "schema/targets.schema.json")
    assert not _selects(hook, "data/my-targets.yaml.bak")


def _run(hook: dict[str, object], *files: Path) -> subprocess.CompletedProcess[str]:
    entry = shlex.split(str(hook["entry"]))
    executable = shutil.which(entry[0], path=str(Path(sys.executable).parent))
    assert executable is not None, "the console script of the hook's entry is not installed"
    return subprocess.run(
        [executable, *entry[1:], *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_hook_passes_on_the_shipped_file(hook: dict[str, object]) -> None:
    done = _run(hook, ROOT / "data" / "targets.yaml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_fails_with_positions_on_a_bad_file(hook: dict[str, object]) -> None:
    bad = DATA / "targets" / "invalid" / "min-above-max.yaml"
    done = _run(hook, ROOT / "data" / "targets.yaml", bad)
    assert done.returncode == 1
    assert f"{bad}:29:10: min-above-max:" in done.stdout
