"""The README stays true: its command list matches the app and its examples are real output."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer.main
from typer.testing import Result

from cantho_kpi.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_blocks() -> list[list[str]]:
    return [block.splitlines() for block in re.findall(r"```console\n(.*?)```", README, re.S)]


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
    documented = re.findall(r"^### `kpi ([a-z-]+)`", README, re.M)
    group = typer.main.get_group(app)
    assert sorted(documented) == sorted(group.commands)


def test_two_setup_commands() -> None:
    setup = README.split("## Set-up", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^\$ (.+)$", setup, re.M)
    assert len(commands) == 2
    assert commands[0].startswith("pip install -e . && kpi ")
    assert commands[1] == "pip install -e '.[test]' && pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci
    assert re.search(r"^pytest$", ci, re.M)


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
