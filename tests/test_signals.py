"""SIGTERM and SIGHUP end a run as Ctrl-C does: its workers are ended, its temporary files
removed, one line on stderr, exit 143 (SIGTERM) or 129 (SIGHUP).

Real signals to real runs over a generated archive, sent at a known point (see
:mod:`.processes`): while the workers read, and while the export is being written.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from cantho_kpi.submissions.batch import PARALLEL_FROM

from .processes import (
    HAS_PROC,
    children,
    end_all,
    freeze_when,
    make_archive,
    open_under,
    signal_frozen,
    start,
    wait_gone,
)

pytestmark = pytest.mark.skipif(not HAS_PROC, reason="needs /proc and SIGSTOP")

#: The one line, in the default language (the runs give no --lang; KPI_LANG is not set).
LINES = {
    signal.SIGTERM: "kpi: bị dừng bởi SIGTERM; lệnh đã dừng",
    signal.SIGHUP: "kpi: bị dừng bởi SIGHUP (cửa sổ dòng lệnh đã bị đóng); lệnh đã dừng",
}


@pytest.mark.parametrize(
    ("signum", "group", "code"),
    [
        (signal.SIGTERM, False, 143),  # kill PID: the parent alone
        (signal.SIGHUP, False, 129),
        (signal.SIGHUP, True, 129),  # a closed terminal: the whole group
    ],
    ids=["sigterm-parent", "sighup-parent", "sighup-group"],
)
def test_a_signal_to_a_check_ends_its_workers(
    tmp_path: Path, signum: int, group: bool, code: int
) -> None:
    folder = make_archive(tmp_path / "archive" / "2024-Q2", PARALLEL_FROM * 3)
    process = start("check", str(tmp_path / "archive"), "--jobs", "2", "--format", "json")
    workers: list[int] = []

    def reading() -> bool:
        workers[:] = children(process.pid)
        return len(workers) == 2 and any(open_under(pid, folder) for pid in workers)

    try:
        freeze_when(process, reading)
        signal_frozen(process, signum, group=group)
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == code
        assert stderr.decode().splitlines() == [LINES[signum]]
        assert stdout == b""
        assert len(workers) == 2
        assert wait_gone(workers) == []  # no worker is left running
    finally:
        end_all([process.pid, *workers])


def test_sigterm_while_the_export_is_written_leaves_no_file(tmp_path: Path) -> None:
    folder = make_archive(tmp_path / "in", PARALLEL_FROM * 3)
    out = tmp_path / "out"
    out.mkdir()
    output = str(out / "tong-hop.xlsx")
    process = start("export", str(folder), "-o", output, "--jobs", "2", "--lang", "en")
    try:
        freeze_when(process, lambda: any(p.name.startswith(".kpi-") for p in out.iterdir()))
        signal_frozen(process, signal.SIGTERM, group=False)
        _, stderr = process.communicate(timeout=60)
    finally:
        end_all([process.pid])
    assert process.returncode == 143
    assert stderr.decode().splitlines() == ["kpi: stopped by SIGTERM; the run was stopped"]
    assert list(out.iterdir()) == []  # neither the workbook nor its temporary file
