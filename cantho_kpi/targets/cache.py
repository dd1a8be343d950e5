"""Validated targets, drive and units' own targets files, kept in the user's cache folder by the
bytes they were read from, so that a command does not compose and check the same YAML again on
every run (about a third of ``kpi check``'s start).

The key is a hash of everything the result depends on: the bytes and names of every file read
(the targets file and each file of its ``unit-targets`` folder; the drive file), the name shown
in messages, and the code that reads them (the sources of ``targets``, ``domain``, ``errors``
and ``catalog``, the compiled message catalogs, the versions of Python and pydantic). A file
that changed, was added or removed gives another key: a cache is never stale, it is only unused.
A cache that cannot be read is ignored, one that cannot be written is skipped, both silently:
the files are then read as without it. Only the commands use it (:func:`load_targets_cached`,
:func:`load_drive_cached`); the library functions read the files every time.

The folder: ``$KPI_CACHE_DIR`` when set (empty: no cache), else the platform's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%``
on Windows), in ``cantho-kpi``. At most :data:`KEEP` results of each kind are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from .result import DriveResult, TargetsResult

T = TypeVar("T")

_FORMAT = b"cantho-kpi cache 1\n"
#: A file larger than this is not cached (the loaders refuse far smaller ones).
_AT_MOST = 4 * 1024 * 1024
KEEP = 16
_CODE: list[bytes] = []  # the fingerprint of the code, computed once a process


def cache_folder() -> Path | None:
    """Where results are kept; None when ``$KPI_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("KPI_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "cantho-kpi"


def load_targets_cached(path: Path) -> TargetsResult:
    """:func:`.load.load_targets`, kept by the bytes of the targets file and of its units'
    own targets files."""
    from .locate import UNIT_TARGETS_DIR

    def build() -> TargetsResult:
        from .load import load_targets  # only when it is not kept: it brings the YAML reader

        return load_targets(path)

    folder = path.parent / UNIT_TARGETS_DIR
    units = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    return cached("targets", [path, *units], str(path), build)


def load_drive_cached(path: Path, display: str) -> DriveResult:
    """:func:`.drive.load_drive` (without the targets file's codes), kept by its bytes."""

    def build() -> DriveResult:
        from .drive import load_drive

        return load_drive(path, display)

    return cached("drive", [path], display, build)


def cached(kind: str, sources: Sequence[Path], display: str, build: Callable[[], T]) -> T:
    """``build()``, or what it gave before for the same ``sources`` (bytes and names),
    ``display`` and code."""
    folder = cache_folder()
    key = _key(kind, sources, display) if folder is not None else None
    if folder is None or key is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    found = _load(path, key)
    if found is not None:
        return cast(T, found)
    value = build()
    _store(folder, path, kind, key, value)
    return value


def _key(kind: str, sources: Sequence[Path], display: str) -> str | None:
    digest = hashlib.sha256(_FORMAT + _code())
    digest.update(f"{kind}\0{display}\0{len(sources)}\0".encode())
    for source in sources:
        data = _bytes(source)
        if data is None:
            return None  # not a plain file, or too large: read it as without a cache
        digest.update(f"{source.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:40]


def _bytes(path: Path) -> bytes | None:
    """The bytes of a plain file of at most :data:`_AT_MOST`; None for anything else (opened
    without waiting: a named pipe is not read, the loaders say what it is)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _AT_MOST:
            return None
        with os.fdopen(handle, "rb", closefd=False) as reader:
            return reader.read(_AT_MOST + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def _code() -> bytes:
    """A fingerprint of the code whose results are kept."""
    if not _CODE:
        import pydantic

        package = Path(__file__).resolve().parent.parent
        digest = hashlib.sha256(f"{sys.version}\0{pydantic.VERSION}\0".encode())
        for folder in ("targets", "domain"):
            for source in sorted((package / folder).glob("*.py")):
                digest.update(source.name.encode() + b"\0" + source.read_bytes())
        digest.update((package / "errors.py").read_bytes())
        # the messages' words: a changed translation is a changed result
        digest.update((package / "catalog.py").read_bytes())
        for catalog in sorted((package / "locale").glob("*/LC_MESSAGES/*.mo")):
            digest.update(catalog.parent.parent.name.encode() + b"\0" + catalog.read_bytes())
        _CODE.append(digest.digest())
    return _CODE[0]


def _load(path: Path, key: str) -> Any:
    head = _FORMAT + key.encode() + b"\n"
    try:
        data = path.read_bytes()
        if not data.startswith(head):
            return None
        return pickle.loads(data[len(head) :])  # our own file, found by its key
    except Exception:  # a cache that cannot be read is not used
        return None


def _store(folder: Path, path: Path, kind: str, key: str, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = _FORMAT + key.encode() + b"\n" + pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(folder, kind)
    except Exception:  # a cache that cannot be written is skipped
        return


def _prune(folder: Path, kind: str) -> None:
    kept = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)
