"""Which files of a folder are submissions, and which are not (said once, never in silence).

A folder scan picks up workbooks and CSV files; everything else in it is listed as skipped with
its reason: a document or an image, or a summary written by ``kpi export`` (recognised by the
mark it carries in its document properties). Hidden files and the lock files Excel and
LibreOffice leave beside an open workbook are passed over without a word, as documented.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

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


def scan(paths: list[Path]) -> Scan:
    """Files as given are read; folders are scanned (not recursed). Sorted, no duplicates."""
    found = Scan()
    for path in paths:
        if path.is_dir():
            _scan_folder(path, found)
        else:
            found.files.append(path)
    found.files = list(dict.fromkeys(found.files))
    return found


def _scan_folder(folder: Path, found: Scan) -> None:
    for child in sorted(folder.iterdir()):
        if not child.is_file() or child.name.startswith(".") or is_lock_file(child):
            continue
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
