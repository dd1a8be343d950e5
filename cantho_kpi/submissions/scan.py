"""Which files of a folder are submissions, and which are not (said once, never in silence).

A folder scan picks up workbooks and CSV files; everything else in it is listed as skipped with
its reason: a document or an image, or a summary written by ``kpi export`` (recognised by the
mark it carries in its document properties). Hidden files, the lock files Excel and LibreOffice
leave beside an open workbook and the office's received log (``received.csv``, which dates the
files beside it) are passed over without a word, as documented. A folder that cannot be read, or
lies too deep, is one issue, and the scan goes on with the others.
"""

from __future__ import annotations

import errno
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import both
from ..errors import Issue, KpiError, Location, Severity
from ..files import open_regular
from .dates import RECEIVED_LOG
from .xlsx import is_lock_file

#: Suffixes a folder scan picks up. Old and foreign formats are picked up too, so that an .xls
#: sent by mistake is reported ("save it as .xlsx") rather than skipped.
SCANNED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls", ".xlsb", ".ods")
#: The identifier ``kpi export`` writes in the workbooks it makes (docProps/core.xml).
EXPORT_MARK = "cantho-kpi/export"
#: How many folder levels a scan goes down below a folder it is given; deeper ones are said
#: once and not entered (an archive needs a few: year, round, district).
MAX_SCAN_DEPTH = 24
_CORE = "docProps/core.xml"
_CORE_MAX_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str  # "not-a-submission" or "kpi-export"

    def issue(self) -> Issue:
        """The skip as a warning with the reason as its code (for a report's issues)."""
        if self.reason == "kpi-export":
            said = both("a summary written by kpi export, not a submission; skipped")
        else:
            suffix = self.path.suffix.lower() or both("no suffix")
            said = both(
                "not a submission ({suffix}); skipped: kpi reads .xlsx and .csv files",
                suffix=suffix,
            )
        return Issue.said(self.reason, said, Location(str(self.path)), Severity.WARNING)


@dataclass(slots=True)
class Scan:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: Folders that could not be read (``unreadable-folder``) or lie too deep
    #: (``folder-too-deep``): one issue each; the rest of the scan went on.
    problems: list[Issue] = field(default_factory=list)


def scan(paths: list[Path], *, recursive: bool = False) -> Scan:
    """Files as given are read; folders are scanned (with ``recursive``, their subfolders too,
    hidden ones not entered, nor links to folders). Sorted, no duplicates. A folder that cannot
    be listed, or lies more than MAX_SCAN_DEPTH levels down, is one issue; the others are
    scanned as usual."""
    found = Scan()
    for path in paths:
        if path.is_dir():
            _scan_folder(path, found, recursive)
        else:
            found.files.append(path)
    found.files = list(dict.fromkeys(found.files))
    return found


def _scan_folder(folder: Path, found: Scan, recursive: bool) -> None:
    here = Scan()
    _walk(folder, here, recursive, 0)
    here.files.sort()
    here.skipped.sort(key=lambda s: s.path)
    found.files.extend(here.files)
    found.skipped.extend(here.skipped)
    found.problems.extend(here.problems)


def _walk(folder: Path, found: Scan, recursive: bool, depth: int) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        found.problems.append(_folder_issue(folder, exc))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or is_lock_file(path):
            continue  # hidden, or a lock file beside an open workbook
        if _is_folder(entry):
            if not recursive:
                continue
            if depth + 1 > MAX_SCAN_DEPTH:
                found.problems.append(_too_deep(path))
            else:
                _walk(path, found, recursive, depth + 1)
            continue
        if entry.is_symlink() and not _exists(entry):
            continue  # a link to nothing: there is no file
        _take(path, found)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder to enter: a real one (a link to a folder is not followed: no loops)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _exists(entry: os.DirEntry[str]) -> bool:
    try:
        entry.stat()
    except OSError:
        return False
    return True


def _take(child: Path, found: Scan) -> None:
    """A file of a scanned folder: a submission, something to list as skipped, or the log. A
    FIFO or device with a submission's name is taken, so that reading it says what it is."""
    if child.name.lower() == RECEIVED_LOG:
        return  # the office's log of received dates, read beside the files it dates
    if child.suffix.lower() not in SCANNED_SUFFIXES:
        found.skipped.append(Skipped(child, "not-a-submission"))
    elif is_export(child):
        found.skipped.append(Skipped(child, "kpi-export"))
    else:
        found.files.append(child)


def _folder_issue(folder: Path, exc: OSError) -> Issue:
    if exc.errno in (errno.ENAMETOOLONG, errno.ELOOP):
        return _too_deep(folder)
    why = exc.strerror or str(exc)
    return Issue.said(
        "unreadable-folder",
        both(
            "the folder cannot be read ({why}); its files were not checked: "
            "give kpi access to it, or copy them elsewhere",
            why=why,
        ),
        Location(str(folder)),
        Severity.ERROR,
    )


def _too_deep(folder: Path) -> Issue:
    return Issue.said(
        "folder-too-deep",
        both(
            "the folder lies too deep (more than {depth} levels down, "
            "or a path longer than the system allows); it was not read: move "
            "its files to a shorter path",
            depth=MAX_SCAN_DEPTH,
        ),
        Location(str(folder)),
        Severity.ERROR,
    )


def is_export(path: Path) -> bool:
    """Whether ``path`` is a workbook written by ``kpi export`` (read only its small
    properties part; anything unexpected, a FIFO or a device included, means no)."""
    try:
        with open_regular(path, str(path)) as handle, zipfile.ZipFile(handle) as archive:
            info = archive.getinfo(_CORE)
            if info.file_size > _CORE_MAX_BYTES or info.compress_size > _CORE_MAX_BYTES:
                return False
            core = archive.read(info)
    except (
        KpiError,
        OSError,
        KeyError,
        zipfile.BadZipFile,
        RuntimeError,
        NotImplementedError,
        EOFError,
        ValueError,
    ):
        return False
    return f">{EXPORT_MARK}<".encode() in core
