"""The README stays true: its command list matches the app and its examples are real output."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer.main
from typer.testing import Result

from cantho_kpi.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The pages whose ``console`` examples are run: the README and every page of docs/.
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _console_blocks() -> list[list[str]]:
    return [
        block.splitlines()
        for page in PAGES
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    ]


def _examples() -> Iterator[tuple[str, list[str], int | None]]:
    """(command, shown output lines, shown exit code) for every ``$ kpi ...`` example."""
    for lines in _console_blocks():
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.startswith("$ kpi "):
                continue
            shown: list[str] = []
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append(lines[i])
                i += 1
            code = None
            if i + 1 < len(lines) and lines[i] == "$ echo $?":
                code = int(lines[i + 1])
            yield line[2:], shown, code


def test_command_reference_lists_every_command() -> None:
    """The README's table of commands, the generated reference and the outputs page each name
    every command of the app, and nothing else."""
    group = typer.main.get_group(app)
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    outputs = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8")
    for found in (
        re.findall(r"^\| `kpi ([a-z-]+)` \|", README, re.M),
        re.findall(r"^## `kpi ([a-z-]+)`", reference, re.M),
        re.findall(r"^## `kpi ([a-z-]+)`", outputs, re.M),
    ):
        assert sorted(found) == sorted(group.commands)


def test_the_readme_stays_short() -> None:
    """What kpi is, the two set-up commands, a short tour and links (the rest is in docs/)."""
    assert len(README.splitlines()) <= 300


def _setup_commands() -> list[str]:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\$ (.+)$", setup, re.M)


def test_two_setup_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    assert commands[0] == venv + "pip install -e . && kpi check data/submissions/2024-Q2"
    assert commands[1] == venv + "pip install -e '.[test]' && pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci
    assert re.search(r"^pytest$", ci, re.M)


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's files (as in the working tree, tracked or new, not ignored) copied to
    a new folder: what a fresh clone holds, without .venv, caches or build output."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    copy = tmp_path_factory.mktemp("fresh") / "cantho_kpi"
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def _run_as_written(command: str, where: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env[INSIDE] = "1"  # the inner pytest must not run this test again
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(sys.prefix)
    )
    return subprocess.run(
        ["bash", "-c", command], cwd=where, env=env, capture_output=True, text=True,
        timeout=1200, check=False,
    )  # fmt: skip


INSIDE = "KPI_README_SETUP_RUNNING"


@pytest.mark.setup
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the repository")
@pytest.mark.skipif(bool(os.environ.get(INSIDE)), reason="already inside the set-up test")
def test_setup_commands_work_as_written(fresh_copy: Path) -> None:
    first, second = _setup_commands()
    done = _run_as_written(first, fresh_copy)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]  # TN's finding
    assert "Vấn đề (1)" in done.stdout
    assert "TN_2024-Q2.xlsx!BaoCao!E24: not-a-number" in done.stdout
    assert (fresh_copy / ".venv" / "bin" / "kpi").exists()
    done = _run_as_written(second, fresh_copy)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"^\d+ passed", done.stdout.splitlines()[-1].strip("= "))


EXAMPLES = list(_examples())


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize(("command", "shown", "code"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_output_is_real(
    kpi: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    shown: list[str],
    code: int | None,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    # Run where the repository's data is visible but files the example writes land elsewhere.
    for name in ("data", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    result = kpi(*shlex.split(command)[1:])
    actual = [line.rstrip() for line in result.output.splitlines()]
    for line in shown:
        if line.strip() != "...":
            assert line.rstrip() in actual
    if code is not None:
        assert result.exit_code == code
