"""Reading a file the user named: a regular file only, opened without blocking, read within a
cap counted on the bytes actually read.

``stat`` cannot be trusted about what a path is when it is opened, nor about its size: a named
pipe (FIFO) blocks whoever opens it until a writer comes, ``/dev/zero`` says it holds 0 bytes and
never ends, a file in ``/proc`` says 0 bytes and holds more. So a path is opened with
``O_NONBLOCK`` (an open that would wait returns at once), the open descriptor is checked with
``fstat`` (what was opened, not what the path named a moment before), anything but a regular
file is refused (``not-a-regular-file``), and reads stop one byte past the cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..catalog import N_, Said, both, both_n, numbers
from ..errors import KpiError

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO or a device must not make open() wait
    | getattr(os, "O_NOCTTY", 0)  # a terminal device must not become ours
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 64 * 1024

#: What a file that is not a regular one is.
_KINDS: dict[int, str] = {
    stat.S_IFIFO: N_("a named pipe (FIFO)"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
}


def open_regular(path: Path, display: str) -> BinaryIO:
    """``path`` opened for reading in binary, once it is known to be a regular file.

    Raises :class:`KpiError` with a stable code: ``file-not-found``, ``not-a-file`` (a folder),
    ``not-a-regular-file`` (a FIFO, socket or device, or a link to one) or ``unreadable``.
    Nothing is opened that ``stat`` already shows is not a regular file (opening a device can
    have effects); what is opened is checked again on its descriptor.
    """
    try:
        _refuse_special(os.stat(path).st_mode, display)
        descriptor = os.open(path, _FLAGS)
    except OSError as exc:
        raise open_error(display, exc) from None
    try:
        _refuse_special(os.fstat(descriptor).st_mode, display)
    except BaseException:
        os.close(descriptor)
        raise
    # from here the file object owns the descriptor (and closes it if making it fails): an
    # interruption arriving meanwhile is never turned into an error about the file
    return os.fdopen(descriptor, "rb")


def present(path: Path) -> bool:
    """Whether something is at ``path`` that a reader should be told about: a file, or a FIFO,
    socket or device (which :func:`open_regular` then refuses by name), or a broken link; a
    folder is not. Where ``Path.is_file`` would pass over a FIFO in silence, this does not."""
    try:
        return path.is_symlink() or (path.exists() and not path.is_dir())
    except OSError:
        return False


def read_regular(path: Path, display: str, limit: int, what: Said | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    A file over the limit is ``file-too-large``: refused at once when its descriptor says so,
    and in any case as soon as one byte past the limit has been read (a file whose size changes,
    or lies, as ``/proc`` files do, is held to what it gives). ``what`` names the kind of file
    in the message (``both("a targets file")``; "a file" when not given).
    """
    what = what or both("a file")
    with open_regular(path, display) as handle:
        declared = os.fstat(handle.fileno()).st_size
        if declared > limit:
            raise too_large(display, limit, what, declared)
        try:
            data = read_at_most(handle, limit + 1)
        except OSError as exc:
            raise open_error(display, exc) from None
    if len(data) > limit:
        raise too_large(display, limit, what, None)
    return data


def read_at_most(handle: BinaryIO, count: int) -> bytes:
    """Up to ``count`` bytes from ``handle``, read in chunks, never more."""
    parts: list[bytes] = []
    left = count
    while left > 0:
        chunk = handle.read(min(_CHUNK, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


#: The code of a file over its cap (a caller may say it its own way).
FILE_TOO_LARGE = "file-too-large"


def too_large(display: str, limit: int, what: Said, size: int | None) -> KpiError:
    """``file-too-large``, with the size when it is known without reading the whole file."""
    most = numbers(limit)
    if size is None:
        held = both("more than {count} bytes", count=most)
    else:
        held = both_n("{count} byte", "{count} bytes", size, count=numbers(size))
    said = both(
        "the file holds {held}; {what} may be at most {limit} bytes",
        held=held,
        what=what,
        limit=most,
    )
    return KpiError.about(display, FILE_TOO_LARGE, said)


def _refuse_special(mode: int, display: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))  # said by open_error
    kind = _KINDS.get(stat.S_IFMT(mode))
    raise not_regular(display, both(kind) if kind else both("a special file"))


def not_regular(display: str, kind: Said) -> KpiError:
    said = both(
        "is {kind}, not a regular file; kpi reads only regular files (copy the data into one)",
        kind=kind,
    )
    return KpiError.about(display, "not-a-regular-file", said)


def open_error(display: str, exc: OSError) -> KpiError:
    """A file that cannot be opened: missing, a folder, a socket, or not readable."""
    if isinstance(exc, FileNotFoundError):
        return KpiError.about(display, "file-not-found", both("no such file"))
    if isinstance(exc, IsADirectoryError):
        return KpiError.about(display, "not-a-file", both("is a folder, not a file"))
    if exc.errno == errno.ENXIO:  # a socket, or a device with no driver behind it
        return not_regular(display, both("a socket or a device"))
    if exc.errno == errno.ENAMETOOLONG:
        return KpiError.about(
            display,
            "name-too-long",
            both("the path is too long for the system to open; move the file to a shorter path"),
        )
    return KpiError.about(
        display,
        "unreadable",
        both("cannot be read ({strerror})", strerror=exc.strerror),
    )
