"""A stop asked for by a signal (Ctrl-C, SIGTERM, SIGHUP), remembered so that it is never lost.

Python runs a signal's handler between two steps of the main thread, wherever that is: inside a
weak reference's callback or a finaliser the exception the handler raises is printed and
dropped, and the run would go on as if nothing had happened, and write its output. So the
handler records the stop here before it raises; the places where a run commits to something
(before an output file takes its name, between the files it reads, at its end) ask again with
:func:`check_stop`.
"""

from __future__ import annotations

import signal
from typing import NoReturn


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised in the main thread, so that the run unwinds as after Ctrl-C:
    worker processes are ended, temporary files removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as shells report it: 143 for SIGTERM, 129 for SIGHUP."""
        return 128 + self.signum


_asked: list[int] = []


def stop_now(signum: int) -> NoReturn:
    """Record the stop asked by ``signum``, then raise it (KeyboardInterrupt for Ctrl-C)."""
    if not _asked:
        _asked.append(signum)
    raise _stop_exception(signum)


def check_stop() -> None:
    """Raise the stop asked earlier, if one was (and its exception was lost on the way)."""
    if _asked:
        raise _stop_exception(_asked[0])


def asked_stop() -> int | None:
    """The signal that asked this run to stop, if any."""
    return _asked[0] if _asked else None


def forget_stop() -> None:
    """A new run in this process (the tests run many)."""
    _asked.clear()


def _stop_exception(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated(signum)
