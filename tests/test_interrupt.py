"""Ctrl-C: exit 130, one line on stderr, no worker tracebacks, no partial output file.

The run is frozen (SIGSTOP on its process group) once it is reading the archive's files, in its
worker processes when it has some, and the interrupt is sent then (see :mod:`.processes`), so
that it arrives while files are being read, without guessing timings.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from pathlib import Path

import pytest

from cantho_kpi.submissions.batch import PARALLEL_FROM

from .processes import (
    HAS_PROC,
    children,
    freeze_when,
    make_archive,
    open_under,
    signal_frozen,
    start as start_kpi,
)


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc and SIGSTOP")
@pytest.mark.parametrize(
    ("command", "jobs"),
    [("check", "1"), ("check", "2"), ("export", "2")],
)
def test_ctrl_c_exits_130_with_one_line(tmp_path: Path, command: str, jobs: str) -> None:
    folder = make_archive(tmp_path / "in", PARALLEL_FROM * 3)
    output = tmp_path / "out.xlsx"
    args = [command, str(folder), "--jobs", jobs]
    args += ["-o", str(output)] if command == "export" else ["--format", "json"]
    process = start_kpi(*args)
    readers = (lambda: children(process.pid)) if jobs != "1" else (lambda: [process.pid])
    freeze_when(process, lambda: any(open_under(pid, folder) for pid in readers()))
    signal_frozen(process, signal.SIGINT, group=True)  # what Ctrl-C does: the whole group
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.decode().splitlines() == ["kpi: bị ngắt bằng Ctrl-C; lệnh đã dừng"]
    assert stdout == b""
    assert not output.exists()
    assert not list(tmp_path.glob(".kpi-*"))  # no temporary file left either


@pytest.mark.parametrize(
    ("how", "argv", "said"),
    [
        ("raised", ["check", "--lang", "en"], "kpi: interrupted by Ctrl-C; the run was stopped"),
        ("typer's silent exit", ["check"], "kpi: bị ngắt bằng Ctrl-C; lệnh đã dừng"),
        ("raised", ["check", "--lang=vi"], "kpi: bị ngắt bằng Ctrl-C; lệnh đã dừng"),
    ],
)
def test_ctrl_c_before_any_command_runs_says_so_once(
    how: str,
    argv: list[str],
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """While Typer parses the arguments it turns Ctrl-C into a silent exit 130; while kpi is
    still importing, it is a KeyboardInterrupt: either way the run says so, once, in the
    language of the command line (read from it: Typer has not parsed it yet)."""
    from cantho_kpi import cli
    from cantho_kpi.cli import exits, root

    def interrupted() -> None:
        if how == "raised":
            raise KeyboardInterrupt
        raise SystemExit(130)  # what typer's main makes of a KeyboardInterrupt: no message

    monkeypatch.setattr(root, "app", lambda: (exits.start_interruptible_run(), interrupted()))
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)  # a stopped run silences it
    monkeypatch.setattr(sys, "argv", ["kpi", *argv])
    monkeypatch.delenv("KPI_LANG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == said + "\n"


def test_kpi_lang_chooses_the_language_of_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cantho_kpi import cli
    from cantho_kpi.cli import exits, root

    def interrupted() -> None:
        exits.start_interruptible_run()
        raise KeyboardInterrupt

    monkeypatch.setattr(root, "app", interrupted)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(sys, "argv", ["kpi", "check"])
    monkeypatch.setenv("KPI_LANG", "en")
    with pytest.raises(SystemExit):
        cli.main()
    assert capsys.readouterr().err == "kpi: interrupted by Ctrl-C; the run was stopped\n"


def test_a_stop_python_dropped_is_said_at_the_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A signal whose exception a finaliser swallowed: the run ends as stopped all the same."""
    from cantho_kpi import cli
    from cantho_kpi.cli import exits, root
    from cantho_kpi.files import Terminated, forget_stop, stop_now

    def swallowed() -> None:
        exits.start_interruptible_run()
        with contextlib.suppress(Terminated):  # as Python does in a weakref callback
            stop_now(signal.SIGTERM)
        raise SystemExit(0)  # and the run went on to its end

    monkeypatch.setattr(root, "app", swallowed)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(sys, "argv", ["kpi", "check", "-l", "en"])
    try:
        with pytest.raises(SystemExit) as stopped:
            cli.main()
    finally:
        forget_stop()  # the other tests of this process are not stopped
    assert stopped.value.code == 143
    assert capsys.readouterr().err == "kpi: stopped by SIGTERM; the run was stopped\n"
