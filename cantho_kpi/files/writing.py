"""Writing an output file whole or not at all, never over an existing file unless asked, never
over one of the command's own inputs.

Every file ``kpi`` writes (the export, templates, the review, the chase list) goes through
:func:`write_atomically`:

1. the output is checked: not a folder, its folder exists (and is a folder), it is none of the
   command's inputs (compared as files, so a link or another spelling of the path is caught),
   and it does not exist unless ``force``;
2. the content is written to a temporary file beside it, with a short name (``.kpi-`` and 8
   hex digits), so that any name the system accepts as the output leaves room for it, then
   flushed to the disk (``fsync``);
3. the temporary file becomes the output in one step: with ``force``, by a rename over it;
   without, by a hard link that fails if the name exists, *even if another process created it
   a moment ago* (then the temporary name is removed). Where the file system has no hard links,
   an exclusive create of the output claims the name before the rename.

Any ``OSError`` (a read-only folder, a full disk, a name too long, a path under a file) becomes
a :class:`KpiError` naming the output and saying why, and the temporary file is removed: there
is never a partial output. An interruption (Ctrl-C, SIGTERM turned into an exception) removes
it too, and a stop asked meanwhile whose exception was lost (see :mod:`.stops`) is raised
again before the output takes its name.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from ..catalog import N_, Said, both
from ..errors import KpiError
from .stops import check_stop

_PREFIX = ".kpi-"
_SUFFIX = ".tmp"
_CREATE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)
#: Where a hard link cannot be made, the output's name is claimed by an exclusive create.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}
_WHY = {
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("permission denied (is the folder read-only?)"),
    errno.EPERM: N_("the system does not permit it"),
    errno.ENAMETOOLONG: N_("the name or the path is too long; choose a shorter one"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.EISDIR: N_("it is a folder"),
    errno.EAGAIN: N_("no free temporary name in the folder"),
}


def write_atomically(
    output: Path,
    write: Callable[[BinaryIO], object],
    *,
    force: bool = False,
    inputs: Iterable[Path] = (),
) -> None:
    """Write ``output`` with ``write(handle)``, whole or not at all (see the module)."""
    check_output(output, force=force, inputs=inputs)
    folder = output.parent
    # The temporary name is known before the file exists, so that an interruption at any
    # point (a signal raises between any two steps) removes whatever was created.
    temporary: Path | None = None
    try:
        for _ in range(100):
            temporary = folder / f"{_PREFIX}{os.urandom(4).hex()}{_SUFFIX}"
            try:
                handle = os.fdopen(os.open(temporary, _CREATE, 0o644), "wb")
                break
            except FileExistsError:
                temporary = None  # another's file: never ours to remove
        else:
            raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))  # said from _WHY
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        check_stop()  # a stop whose exception was lost on the way: the output is not placed
        _place(temporary, output, force)
    except OSError as exc:
        _remove(temporary)
        raise write_error(output, exc) from None
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(folder)


def check_output(output: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before anything is written, an output that cannot or must not be written."""
    shown = str(output)
    if output.name in ("", ".", ".."):
        raise _refusal(shown, "usage", both("is not a file name"))
    folder = output.parent
    try:
        if output.is_dir():
            said = both("is a folder; give a file name")
            raise _refusal(shown, "usage", said)
        if not folder.is_dir():
            if folder.exists():
                said = both("is a file, not a folder: the output cannot be written under it")
                raise _refusal(str(folder), "usage", said)
            said = both("no such folder")
            raise _refusal(str(folder), "usage", said)
        for source in inputs:
            if _same_file(output, source):
                same = "" if str(source) == shown else f" ({source})"
                said = both(
                    "is one of this command's inputs{same}; it is never written over, even with "
                    "--force: choose another name",
                    same=same,
                )
                raise _refusal(shown, "output-is-input", said)
        if not force and (output.exists() or output.is_symlink()):
            raise exists_error(output)
    except OSError as exc:  # a path the system refuses to look at (too long, a loop of links)
        raise write_error(output, exc) from None


#: The code of an output that exists (and is not to be replaced).
OUTPUT_EXISTS = "output-exists"


def exists_error(output: Path) -> KpiError:
    said = both("already exists; add --force to replace it")
    return _refusal(str(output), OUTPUT_EXISTS, said)


def write_error(output: Path, exc: OSError) -> KpiError:
    """One line naming the output and why it could not be written."""
    if isinstance(exc, FileExistsError):
        return exists_error(output)
    known = _WHY.get(exc.errno or 0)
    why = both(known) if known else Said.same(exc.strerror or str(exc))  # the system's words
    said = both("cannot be written: {why}", why=why)
    return _refusal(str(output), "cannot-write", said)


def _refusal(shown: str, code: str, said: Said) -> KpiError:
    return KpiError.about(shown, code, said)


def _same_file(output: Path, source: Path) -> bool:
    try:
        return os.path.samefile(output, source)
    except (OSError, ValueError):
        return False  # one of them does not exist: nothing to write over


def _place(temporary: Path, output: Path, force: bool) -> None:
    """The temporary file becomes the output in one step (see the module)."""
    if force:
        os.replace(temporary, output)
        return
    try:
        os.link(temporary, output)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        os.close(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        try:
            os.replace(temporary, output)
        except BaseException:
            _remove(output)  # the empty file that claimed the name
            raise
        return
    _remove(temporary)


def _remove(path: Path | None) -> None:
    if path is None:
        return
    with contextlib.suppress(OSError):  # nothing more can be done; the name says it is ours
        path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable (where the system allows a folder to be synced)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
