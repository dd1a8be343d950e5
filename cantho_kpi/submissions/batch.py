"""Reading many submissions: in order, in worker processes when it pays, streaming results.

Each worker loads nothing but what reading needs and is handed the targets once; results come
back in the order of the files, one at a time, so no more than a few workbooks are held at once.
Workers ignore Ctrl-C: the parent stops the pool. Whatever fails inside one file's reading is
an issue on that file (see :func:`.read.read_submission`), so no worker takes the run down.
(The caller keeps each file's results, about 14 KB a file: see the README's "Speed".)
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

from ..targets import TargetsFile
from .model import Submission
from .read import read_submission

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 24

_worker_targets: TargetsFile | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def read_all(paths: list[Path], targets: TargetsFile, jobs: int = 1) -> Iterator[Submission]:
    """Read every file, yielding its Submission in the order given."""
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield read_submission(path, targets)
        return
    yield from _read_parallel(paths, targets, jobs)


def _read_parallel(paths: list[Path], targets: TargetsFile, jobs: int) -> Iterator[Submission]:
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(32, len(paths) // (jobs * 8)))
    with context.Pool(jobs, initializer=_init_worker, initargs=(targets,)) as pool:
        yield from pool.imap(_read_one, paths, chunksize=chunk)


def _init_worker(targets: TargetsFile) -> None:
    global _worker_targets
    _worker_targets = targets
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (and
    # ends the pool), so no worker prints a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_one(path: Path) -> Submission:
    assert _worker_targets is not None
    return read_submission(path, _worker_targets)
