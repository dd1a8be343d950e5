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
from typing import Any

from ..targets import TargetsFile
from .model import Submission
from .read import internal_error, read_submission

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
    """The files read by ``jobs`` worker processes, in order. A worker that dies (killed by the
    system, a crash below Python) breaks the pool: the file it was reading is found by reading
    the unfinished ones again, alone, and becomes an ``internal-error`` issue; the others are
    read as usual."""
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    while done < len(paths):
        rest = paths[done:]
        try:
            for sub in _pool_map(rest, targets, jobs):
                done += 1
                yield sub
        except BrokenProcessPool:  # the first unfinished file, alone: it may be the culprit
            done += 1
            yield _alone(paths[done - 1], targets)


def _pool_map(paths: list[Path], targets: TargetsFile, jobs: int) -> Iterator[Submission]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(32, len(paths) // (jobs * 8)))
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(targets,)
    )
    try:
        yield from pool.map(_read_one, paths, chunksize=chunk)
    finally:
        _stop(pool)


def _alone(path: Path, targets: TargetsFile) -> Submission:
    """One file read by a worker of its own; an ``internal-error`` when that worker dies."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return next(_pool_map([path], targets, 1))
    except BrokenProcessPool:
        problem = BrokenProcessPool("the worker process reading this file stopped")
        return Submission(file=str(path), issues=[internal_error(str(path), problem)])


def _stop(pool: Any) -> None:
    """End the pool at once: workers still reading (after Ctrl-C, or a failure) are
    terminated rather than waited for."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _init_worker(targets: TargetsFile) -> None:
    global _worker_targets
    _worker_targets = targets
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (and
    # ends the pool), so no worker prints a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_one(path: Path) -> Submission:
    assert _worker_targets is not None
    return read_submission(path, _worker_targets)
