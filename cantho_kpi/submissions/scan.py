"""Which files of a folder are submissions, and which are not (said once, never in silence).

A folder scan picks up workbooks and CSV files; everything else in it is listed as skipped with
its reason: a document or an image, or a summary written by ``kpi export`` (recognised by the
mark it carries in its document properties). Hidden files, the lock files Excel and LibreOffice
leave beside an open workbook and the office's received log (``received.csv``, which dates the
files beside it) are passed over without a word, as documented.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .dates import RECEIVED_LOG
from .xlsx import is_lock_file

#: Suffixes a folder scan picks up. Old and foreign formats are picked up too, so that an .xls
#: sent by mistake is reported ("save it as .xlsx") rather than skipped.
SCANNED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls", ".xlsb", ".ods")
#: The identifier ``kpi export`` writes in the workbooks it makes (docProps/core.xml).
EXPORT_MARK = "cantho-kpi/export"
_CORE = "docProps/core.xml"
_CORE_MAX_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str  # "not-a-submission" or "kpi-export"


@dataclass(slots=True)
class Scan:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def scan(paths: list[Path], *, recursive: bool = False) -> Scan:
    """Files as given are read; folders are scanned (with ``recursive``, their subfolders too,
    hidden ones not entered). Sorted, no duplicates."""
    found = Scan()
    for path in paths:
        if path.is_dir():
            _scan_folder(path, found, recursive)
        else:
            found.files.append(path)
    found.files = list(dict.fromkeys(found.files))
    return found


def _children(folder: Path, recursive: bool) -> list[Path]:
    if not recursive:
        return sorted(folder.iterdir())
    return sorted(
        child
        for child in folder.rglob("*")
        if not any(part.startswith(".") for part in child.relative_to(folder).parts[:-1])
    )


def _scan_folder(folder: Path, found: Scan, recursive: bool) -> None:
    for child in _children(folder, recursive):
        if not child.is_file() or child.name.startswith(".") or is_lock_file(child):
            continue
        if child.name.lower() == RECEIVED_LOG:
            continue  # the office's log of received dates, read beside the files it dates
        if child.suffix.lower() not in SCANNED_SUFFIXES:
            found.skipped.append(Skipped(child, "not-a-submission"))
        elif is_export(child):
            found.skipped.append(Skipped(child, "kpi-export"))
        else:
            found.files.append(child)


def is_export(path: Path) -> bool:
    """Whether ``path`` is a workbook written by ``kpi export`` (read only its small
    properties part; anything unexpected means no)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CORE)
            if info.file_size > _CORE_MAX_BYTES or info.compress_size > _CORE_MAX_BYTES:
                return False
            core = archive.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return False
    return f">{EXPORT_MARK}<".encode() in core
