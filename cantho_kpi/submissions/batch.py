"""Reading many submissions: in order, in worker processes when it pays, streaming results.

Each worker loads nothing but what reading needs and is handed the targets once; results come
back in the order of the files, one at a time, so no more than a few workbooks are held at once.
Workers ignore Ctrl-C: the parent stops the pool. Whatever fails inside one file's reading is
an issue on that file (see :func:`.read.read_submission`), so no worker takes the run down.
(The caller keeps each file's results, about 14 KB a file: see docs/speed.md.)
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Generator, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..files import check_stop
from ..targets import TargetsFile
from .model import Submission
from .read import internal_error, read_submission

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 24
#: The signals that stop a run (Ctrl-C, kill, a closed terminal).
_STOP_SIGNALS = {
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
}

_worker_targets: TargetsFile | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def read_all(
    paths: list[Path], targets: TargetsFile, jobs: int = 1
) -> Generator[Submission, None, None]:
    """Read every file, yielding its Submission in the order given. Close it (``with
    contextlib.closing(...)``) to end its workers at once when the caller stops early."""
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        for path in paths:
            check_stop()  # a stop whose exception was lost: no more files are read
            yield read_submission(path, targets)
        return
    yield from _read_parallel(paths, targets, jobs)


def _read_parallel(paths: list[Path], targets: TargetsFile, jobs: int) -> Iterator[Submission]:
    """The files read by ``jobs`` worker processes, in order. A worker that dies (killed by the
    system, a crash below Python) breaks the pool: the file it was reading is found by reading
    the unfinished ones again, alone, and becomes an ``internal-error`` issue; the others are
    read as usual."""

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
    size = max(1, min(32, len(paths) // (jobs * 8)))
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    # The pool's helper threads and workers are made with the stop signals blocked (the first
    # submit starts them all): Ctrl-C, SIGTERM and SIGHUP are then delivered to this thread,
    # whose handler ends the run. A signal taken by a helper thread would wait for this thread
    # to run Python code again, which it does not while it waits for a result. Workers unblock
    # them.
    with _stop_signals_blocked():
        pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_init_worker, initargs=(targets,)
        )
        try:
            # submitted here rather than through pool.map, whose clean-up cancels what is
            # pending while the pool's thread fails it (InvalidStateError there, Python 3.11)
            futures = [pool.submit(_read_chunk, chunk) for chunk in chunks]
        except BaseException:
            _stop(pool)
            raise
    try:
        for future in futures:
            check_stop()
            yield from future.result()
    finally:
        _stop(pool)


def _alone(path: Path, targets: TargetsFile) -> Submission:
    """One file read by a worker of its own; an ``internal-error`` when that worker dies."""

    try:
        return next(_pool_map([path], targets, 1))
    except BrokenProcessPool:
        # not a message: the technical detail of an internal-error, like an exception's text
        problem = BrokenProcessPool("the worker process reading this file stopped")
        return Submission(file=str(path), issues=[internal_error(str(path), problem)])


def _stop(pool: Any) -> None:
    """End the pool at once: workers still reading (after Ctrl-C, a signal, or a failure) are
    terminated rather than waited for (nor given more files). A worker ended while it was
    sending a result leaves a partial message that the pool's thread would wait on forever,
    since this process holds the pipe's other end too: that end is closed, so the wait ends."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    # the pool's thread fails the pending reads itself once it sees its workers gone
    pool.shutdown(wait=True)


@contextlib.contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _init_worker(targets: TargetsFile) -> None:
    global _worker_targets
    _worker_targets = targets
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (and
    # ends the pool), so no worker prints a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM (the parent ending the pool) and SIGHUP end a worker at once, without a word,
    # whatever handling it inherited from the parent; then the signals it was made with
    # blocked are let in (one sent meanwhile takes effect now)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _read_chunk(paths: list[Path]) -> list[Submission]:
    assert _worker_targets is not None
    return [read_submission(path, _worker_targets) for path in paths]
