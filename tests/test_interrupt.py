"""Ctrl-C: exit 130, one line on stderr, no worker tracebacks, no partial output file.

The run is made to wait on a named pipe given as one of its files (opening it blocks until a
writer comes), so the interrupt arrives while files are being read, without guessing timings.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cantho_kpi.submissions.batch import PARALLEL_FROM

from .conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _folder(tmp_path: Path, count: int) -> list[str]:
    sources = sorted((ROOT / "data/submissions/2024-Q2").glob("*.xlsx"))
    files = []
    for index in range(count):
        target = tmp_path / f"in/{index:03d}_{sources[index % len(sources)].name}"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(sources[index % len(sources)], target)
        files.append(str(target))
    pipe = tmp_path / "in/ZZ_2024-Q2.xlsx"
    os.mkfifo(pipe)
    return [*files, str(pipe)]


def _wait_for_reader(pipe: str, process: subprocess.Popen[bytes]) -> int:
    """Open the pipe for writing once the run opens it for reading; keep it open (the run then
    waits for bytes that never come)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            return os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
            time.sleep(0.05)
    raise AssertionError("the run never opened the pipe")


@pytest.mark.parametrize(
    ("command", "jobs"),
    [("check", "1"), ("check", "2"), ("export", "2")],
)
def test_ctrl_c_exits_130_with_one_line(tmp_path: Path, command: str, jobs: str) -> None:
    files = _folder(tmp_path, PARALLEL_FROM + 2)
    output = tmp_path / "out.xlsx"
    args = [sys.executable, "-m", "cantho_kpi", command, *files, "--jobs", jobs]
    args += ["-o", str(output)] if command == "export" else ["--format", "json"]
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    writer = _wait_for_reader(files[-1], process)
    try:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
        stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(writer)
    assert process.returncode == 130
    assert stderr.decode().splitlines() == ["kpi: interrupted by Ctrl-C; the run was stopped"]
    assert stdout == b""
    assert not output.exists()
    assert not list(tmp_path.glob(".out.xlsx.*"))  # no temporary file left either


@pytest.mark.parametrize("how", ["raised", "typer's silent exit"])
def test_ctrl_c_before_any_command_runs_says_so_once(
    how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """While Typer parses the arguments it turns Ctrl-C into a silent exit 130; while kpi is
    still importing, it is a KeyboardInterrupt: either way the run says so, once."""
    from cantho_kpi import cli
    from cantho_kpi.cli import exits, root

    def interrupted() -> None:
        if how == "raised":
            raise KeyboardInterrupt
        raise SystemExit(130)  # what typer's main makes of a KeyboardInterrupt: no message

    monkeypatch.setattr(root, "app", lambda: (exits.start_interruptible_run(), interrupted()))
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "kpi: interrupted by Ctrl-C; the run was stopped\n"
