"""Vet a submitted file before any workbook library sees it.

Files come from many offices. Before parsing, this module

* tells what a file really is from its bytes (an old ``.xls``, an ``.ods``, a password-protected
  workbook, an HTML page or a CSV renamed ``.xlsx``, an empty or truncated file);
* checks the zip container (in :mod:`.parts`): the declared uncompressed size of each part and
  of all parts, the compression ratio (a zip bomb is refused from its directory, before
  anything is inflated), the number of parts, duplicate or encrypted entries;
* inflates every part once as a stream, never past its declared size plus one byte (a part whose
  declared size lies is refused as soon as that shows);
* parses every XML part (whatever its name) up to its root element and refuses a ``DOCTYPE`` or
  entity declaration (so no entity expansion can happen later), and recognises Strict Open XML,
  which is unsupported. The readers parse only the bytes vetted here.

Each refusal is a :class:`~cantho_kpi.errors.KpiError` with a stable code and one clear message.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ...catalog import N_, Said, both, numbers
from ...errors import KpiError
from ...files import open_error, open_regular, read_at_most, too_large
from .parts import check_directory, xml_parts

MAX_FILE_BYTES = 25 * 1024 * 1024
_IN_MEMORY = 1024 * 1024  # a file up to this size is read in one go
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_CODES = {
    "empty": "empty-file",
    "empty-zip": "empty-file",
    "html": "html-file",
    "text": "csv-renamed",
}


@dataclass(frozen=True, slots=True)
class Vetted:
    """A zip container that passed every check: its part names, and the bytes of every part
    that is XML, inflated once (bounded by their declared sizes) and vetted. Readers parse
    these bytes and nothing else: never the file again."""

    path: Path
    names: frozenset[str]
    parts: dict[str, bytes]


def is_lock_file(path: Path) -> bool:
    """Excel and LibreOffice lock files: ``~$name.xlsx`` and ``.~lock.name.xlsx#``."""
    return path.name.startswith("~$") or path.name.startswith(".~lock.")


def vet_xlsx(path: Path, display: str) -> Vetted:
    """Check that ``path`` is a plain, sane .xlsx container; raise KpiError when it is not."""
    if is_lock_file(path):
        raise KpiError.about(
            display,
            "lock-file",
            both(
                "is an Excel lock file (made while the workbook is open), not a "
                "submission; close the workbook and remove it"
            ),
        )
    with open_regular(path, display) as handle:  # never a FIFO or a device
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise too_large(display, MAX_FILE_BYTES, both(_SUBMISSION), size)
        head = _read(handle, 4096, display)
        kind = sniff(head)
        if kind == "ole":
            raise _ole_error(handle, display)
        if kind != "zip":
            raise KpiError.about(display, _CODES.get(kind, "not-xlsx"), _what_is_it(head, size))
        return _vet_zip(path, handle, size, display)


def _vet_zip(path: Path, handle: BinaryIO, size: int, display: str) -> Vetted:
    """The zip container of an open regular file, vetted part by part."""
    try:
        handle.seek(0)
        # a small file is read in one go (within the cap, whatever its size said): inflating
        # its parts then costs no further reads
        source: BinaryIO = io.BytesIO(_whole(handle, display)) if size <= _IN_MEMORY else handle
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            check_directory(infos, display)
            names = frozenset(info.filename for info in infos)
            _check_kind(names, archive, display)
            parts = xml_parts(archive, infos, display)
    except zipfile.BadZipFile as exc:
        raise KpiError.about(
            display,
            "damaged-file",
            both(
                "the workbook is damaged or truncated ({error}); ask the unit to send it again",
                error=exc,
            ),
        ) from None
    except (OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise KpiError.about(
            display,
            "damaged-file",
            both(
                "the workbook cannot be unpacked ({error}); ask the unit to save it again",
                error=exc,
            ),
        ) from None
    return Vetted(path, names, parts)


#: How a submission is named in a message about its size.
_SUBMISSION = N_("a submission")


def _read(handle: BinaryIO, count: int, display: str) -> bytes:
    try:
        return read_at_most(handle, count)
    except OSError as exc:
        raise open_error(display, exc) from None


def _whole(handle: BinaryIO, display: str) -> bytes:
    """The whole file, refused as soon as it gives more than MAX_FILE_BYTES."""
    data = _read(handle, MAX_FILE_BYTES + 1, display)
    if len(data) > MAX_FILE_BYTES:
        raise too_large(display, MAX_FILE_BYTES, both(_SUBMISSION), None)
    return data


def sniff(head: bytes) -> str:
    """The kind of file these first bytes begin: xlsx-like zip, ole, html, xml, text, ..."""
    if not head:
        return "empty"
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_EMPTY_ZIP):
        return "empty-zip"
    if head.startswith(_OLE):
        return "ole"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:1024]:
        return "html"
    if text.startswith(b"<?xml") or text.startswith(b"<"):
        return "xml"
    if head.startswith(b"%PDF"):
        return "pdf"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return "binary"
    return "text"


def _what_is_it(head: bytes, size: int) -> Said:
    """What a file that is not an .xlsx is."""
    kind = sniff(head)
    if kind == "xml" and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        kind = "xml-2003"
    known = _NOT_XLSX.get(kind)
    if known is not None:
        return both(known)
    return both(
        "is not an .xlsx workbook (it starts with bytes {head}; {size} bytes)",
        head=head[:8].hex(" "),
        size=numbers(size),
    )


_NOT_XLSX: dict[str, str] = {
    "empty": N_("the file is empty (0 bytes); ask the unit to send it again"),
    "empty-zip": N_("the file is an empty zip archive, not a workbook"),
    "html": N_(
        "is an HTML web page saved with an .xlsx name, not a workbook; "
        "open it in Excel and save as Excel Workbook (.xlsx)"
    ),
    "xml-2003": N_(
        "is an 'XML Spreadsheet 2003' file, not an .xlsx workbook; open it "
        "and save as Excel Workbook (.xlsx)"
    ),
    "xml": N_("is an XML file, not an .xlsx workbook"),
    "pdf": N_("is a PDF document, not a workbook; ask the unit for the spreadsheet"),
    "text": N_(
        "is a text (CSV) file with a workbook's name; rename it to .csv or "
        "open it and save as Excel Workbook (.xlsx)"
    ),
}


def _ole_error(handle: BinaryIO, display: str) -> KpiError:
    """An OLE compound file is an old .xls, or an encrypted (password-protected) .xlsx."""
    handle.seek(0)
    data = _read(handle, MAX_FILE_BYTES, display)
    if "EncryptedPackage".encode("utf-16-le") in data:
        return KpiError.about(
            display,
            "encrypted-workbook",
            both(
                "the workbook is protected by a password, so it cannot be read; "
                "open it, remove the password (File > Info > Protect Workbook) and "
                "save again"
            ),
        )
    return KpiError.about(
        display,
        "xls-workbook",
        both(
            "is an old Excel 97-2003 workbook (.xls); open it in Excel or "
            "LibreOffice and save as Excel Workbook (.xlsx)"
        ),
    )


def _check_kind(names: frozenset[str], archive: zipfile.ZipFile, display: str) -> None:
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:200].decode("ascii", "replace")
        if "opendocument" in mimetype:
            raise KpiError.about(
                display,
                "not-xlsx",
                both(
                    "is an OpenDocument file ({mimetype}), not an .xlsx workbook; open "
                    "it in LibreOffice and save as Excel 2007-365 (.xlsx)",
                    mimetype=mimetype,
                ),
            )
    if "[Content_Types].xml" not in names:
        raise KpiError.about(
            display,
            "not-xlsx",
            both("is a zip archive but not an Office document; ask for the .xlsx file"),
        )
    if not any(name.startswith("xl/") for name in names):
        if any(n.startswith("word/") for n in names):
            said = both("is a Word document, not an .xlsx workbook; ask for the .xlsx file")
        else:
            said = both("is an Office document but not a workbook; ask for the .xlsx file")
        raise KpiError.about(display, "not-xlsx", said)
