"""Catching a running ``kpi`` at a known point, to send it a signal there (Linux's /proc).

A run is started in a process group of its own; the test watches ``/proc`` until the run is
where it wants it (its workers reading the archive's files, a temporary output file written),
then freezes the whole group with SIGSTOP, sends the signal under test and lets the group go on
with SIGCONT: the signal lands at that point, however fast the machine, and nothing depends on
a sleep.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .conftest import ROOT

HAS_PROC = Path("/proc/self/fd").is_dir() and hasattr(signal, "SIGSTOP")


def make_archive(folder: Path, count: int) -> Path:
    """``count`` copies of the sample quarter's workbooks, under ``folder``."""
    sources = sorted((ROOT / "data/submissions/2024-Q2").glob("*.xlsx"))
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        source = sources[index % len(sources)]
        shutil.copy(source, folder / f"{index:03d}_{source.name}")
    return folder


def start(*args: str) -> subprocess.Popen[bytes]:
    """``python -m cantho_kpi ARGS`` (the console entry point), in its own process group."""
    env = {k: v for k, v in os.environ.items() if k != "KPI_LANG"}  # the default language
    return subprocess.Popen(
        [sys.executable, "-m", "cantho_kpi", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def open_under(pid: int, folder: Path) -> bool:
    """Whether process ``pid`` has a file under ``folder`` open."""
    try:
        descriptors = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for descriptor in descriptors:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{descriptor}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            return True
    return False


def alive(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def freeze_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    """Poll until ``ready()``, then stop the run's whole process group (SIGSTOP)."""
    deadline = time.monotonic() + 120
    while not ready():
        if process.poll() is not None:
            _, err = process.communicate()
            raise AssertionError(f"the run ended first: {process.returncode} {err!r}")
        if time.monotonic() > deadline:
            raise AssertionError("the run never got there")
        time.sleep(0.001)
    os.killpg(process.pid, signal.SIGSTOP)


def signal_frozen(process: subprocess.Popen[bytes], signum: int, *, group: bool) -> None:
    """Send ``signum`` to the frozen run (its parent alone, or its whole group), then let the
    group go on."""
    if group:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    os.killpg(process.pid, signal.SIGCONT)


def wait_gone(pids: list[int], seconds: float = 30) -> list[int]:
    """The processes of ``pids`` still alive after up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [pid for pid in pids if alive(pid)]
        if not left:
            return []
        time.sleep(0.05)
    return [pid for pid in pids if alive(pid)]


def end_all(pids: list[int]) -> None:
    """After a test, whatever happened: no process of it is left behind (SIGKILL, by pid)."""
    for pid in pids:
        if alive(pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
