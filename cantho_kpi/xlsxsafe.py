"""Vet a submitted file before any workbook library sees it.

Files come from many offices. Before parsing, this module

* tells what a file really is from its bytes (an old ``.xls``, an ``.ods``, a password-protected
  workbook, an HTML page or a CSV renamed ``.xlsx``, an empty or truncated file);
* checks the zip container: the declared uncompressed size of each part and of all parts, the
  compression ratio (a zip bomb is refused from its directory, before anything is inflated),
  the number of parts, duplicate or encrypted entries;
* reads the prolog of every XML part and refuses a ``DOCTYPE`` or entity declaration (so no
  entity expansion can happen later), and recognises Strict Open XML, which is unsupported.

Each refusal is a :class:`~cantho_kpi.errors.KpiError` with a stable code and one clear message.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from .errors import KpiError

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never a bomb, whatever their ratio
MAX_PARTS = 2000
MAX_PROLOG_BYTES = 64 * 1024
WHOLE_PART_BYTES = 256 * 1024  # XML parts up to this size are read whole while vetted

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CODES = {
    "empty": "empty-file",
    "empty-zip": "empty-file",
    "html": "html-file",
    "text": "csv-renamed",
}


@dataclass(frozen=True, slots=True)
class Vetted:
    """A zip container that passed every check: its part names, and the bytes of the XML
    parts that were small enough to be read whole while checking them (a reader need not
    unpack them again)."""

    path: Path
    names: frozenset[str]
    parts: dict[str, bytes]


def is_lock_file(path: Path) -> bool:
    """Excel and LibreOffice lock files: ``~$name.xlsx`` and ``.~lock.name.xlsx#``."""
    return path.name.startswith("~$") or path.name.startswith(".~lock.")


def vet_xlsx(path: Path, display: str) -> Vetted:
    """Check that ``path`` is a plain, sane .xlsx container; raise KpiError when it is not."""
    if is_lock_file(path):
        raise KpiError(
            f"{display}: is an Excel lock file (made while the workbook is open), not a "
            "submission; close the workbook and remove it",
            code="lock-file",
        )
    head, size = _head(path, display)
    kind = sniff(head)
    if kind == "ole":
        raise _ole_error(path, display)
    if kind != "zip":
        raise KpiError(f"{display}: {_what_is_it(head, size)}", code=_CODES.get(kind, "not-xlsx"))
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(infos, display)
            names = frozenset(info.filename for info in infos)
            _check_kind(names, archive, display)
            parts: dict[str, bytes] = {}
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    whole = _check_prolog(archive, info, display)
                    if whole is not None:
                        parts[info.filename] = whole
    except zipfile.BadZipFile as exc:
        raise KpiError(
            f"{display}: the workbook is damaged or truncated ({exc}); "
            "ask the unit to send it again",
            code="damaged-file",
        ) from None
    except (OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise KpiError(
            f"{display}: the workbook cannot be unpacked ({exc}); ask the unit to save it again",
            code="damaged-file",
        ) from None
    return Vetted(path, names, parts)


def _head(path: Path, display: str) -> tuple[bytes, int]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KpiError(
                f"{display}: the file is {size:,} bytes; a submission may be at most "
                f"{MAX_FILE_BYTES:,}",
                code="file-too-large",
            )
        with path.open("rb") as handle:
            return handle.read(4096), size
    except FileNotFoundError:
        raise KpiError(f"{display}: no such file", code="file-not-found") from None
    except IsADirectoryError:
        raise KpiError(f"{display}: is a folder, not a file", code="not-a-file") from None
    except PermissionError:
        raise KpiError(f"{display}: permission denied", code="unreadable") from None


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


def _what_is_it(head: bytes, size: int) -> str:
    kind = sniff(head)
    if kind == "empty":
        return "the file is empty (0 bytes); ask the unit to send it again"
    if kind == "empty-zip":
        return "the file is an empty zip archive, not a workbook"
    if kind == "html":
        return (
            "is an HTML web page saved with an .xlsx name, not a workbook; open it in Excel "
            "and save as Excel Workbook (.xlsx)"
        )
    if kind == "xml":
        if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
            return (
                "is an 'XML Spreadsheet 2003' file, not an .xlsx workbook; open it and save "
                "as Excel Workbook (.xlsx)"
            )
        return "is an XML file, not an .xlsx workbook"
    if kind == "pdf":
        return "is a PDF document, not a workbook; ask the unit for the spreadsheet"
    if kind == "text":
        return (
            "is a text (CSV) file with a workbook's name; rename it to .csv or open it and "
            "save as Excel Workbook (.xlsx)"
        )
    return f"is not an .xlsx workbook (it starts with bytes {head[:8].hex(' ')}; {size:,} bytes)"


def _ole_error(path: Path, display: str) -> KpiError:
    """An OLE compound file is an old .xls, or an encrypted (password-protected) .xlsx."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES)
    if "EncryptedPackage".encode("utf-16-le") in data:
        return KpiError(
            f"{display}: the workbook is protected by a password, so it cannot be read; "
            "open it, remove the password (File > Info > Protect Workbook) and save again",
            code="encrypted-workbook",
        )
    return KpiError(
        f"{display}: is an old Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice "
        "and save as Excel Workbook (.xlsx)",
        code="xls-workbook",
    )


def _check_directory(infos: list[zipfile.ZipInfo], display: str) -> None:
    if len(infos) > MAX_PARTS:
        raise KpiError(
            f"{display}: the workbook has {len(infos):,} parts; at most {MAX_PARTS:,} are read",
            code="zip-too-many-parts",
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise KpiError(
                f"{display}: the zip container holds part {info.filename!r} twice; a workbook "
                "never does, so the file was tampered with or damaged",
                code="duplicate-zip-entry",
            )
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise KpiError(
                f"{display}: part {info.filename!r} is encrypted; remove the password and save "
                "again",
                code="encrypted-workbook",
            )
        total += info.file_size
        _check_part_size(info, display)
    if total > MAX_TOTAL_BYTES:
        raise KpiError(
            f"{display}: the workbook would unpack to {total:,} bytes (limit "
            f"{MAX_TOTAL_BYTES:,}); refused as a possible zip bomb",
            code="zip-bomb",
        )


def _check_part_size(info: zipfile.ZipInfo, display: str) -> None:
    if info.file_size > MAX_PART_BYTES:
        raise KpiError(
            f"{display}: part {info.filename!r} would unpack to {info.file_size:,} bytes "
            f"(limit {MAX_PART_BYTES:,}); refused as a possible zip bomb",
            code="zip-bomb",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        raise KpiError(
            f"{display}: part {info.filename!r} is compressed {ratio:,} to 1 (limit "
            f"{MAX_RATIO} to 1); refused as a possible zip bomb",
            code="zip-bomb",
        )


def _check_kind(names: frozenset[str], archive: zipfile.ZipFile, display: str) -> None:
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:200].decode("ascii", "replace")
        if "opendocument" in mimetype:
            raise KpiError(
                f"{display}: is an OpenDocument file ({mimetype}), not an .xlsx workbook; "
                "open it in LibreOffice and save as Excel 2007-365 (.xlsx)",
                code="not-xlsx",
            )
    if "[Content_Types].xml" not in names:
        raise KpiError(
            f"{display}: is a zip archive but not an Office document; ask for the .xlsx file",
            code="not-xlsx",
        )
    if not any(name.startswith("xl/") for name in names):
        other = "a Word document" if any(n.startswith("word/") for n in names) else "not a workbook"
        raise KpiError(f"{display}: is {other}, not an .xlsx workbook", code="not-xlsx")


class _Root(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class _Declaration(Exception):
    pass


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> bytes | None:
    """Read an XML part up to its root element: refuse DOCTYPE, note Strict Open XML.

    The usual part (UTF-8, a short prolog) is checked on its first kilobyte; anything else
    (UTF-16, long comments before the root) is parsed with expat up to the root element. A
    part of at most WHOLE_PART_BYTES is read whole, and returned.
    """
    whole = None
    if info.file_size <= WHOLE_PART_BYTES:
        whole = archive.read(info)
        head = whole[:1024]
    else:
        with archive.open(info) as stream:
            head = stream.read(1024)
    prolog = _plain_prolog(head)
    if prolog is None:
        _parse_prolog(archive, info, display)
    elif b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise _doctype_error(info.filename, display)
    elif STRICT_NS.encode() in head and info.filename.startswith("xl/"):
        _check_namespace(STRICT_NS + " x", info.filename, display)
    return whole


def _plain_prolog(head: bytes) -> bytes | None:
    """The bytes before the root element of a UTF-8 part, or None when that is not plain."""
    data = head.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in data[:4]:
        return None  # UTF-16 or UTF-32
    at = 0
    while at < len(data):
        if data[at : at + 1] in (b" ", b"\t", b"\r", b"\n"):
            at += 1
        elif data.startswith(b"<?", at):
            end = data.find(b"?>", at)
            if end < 0:
                return None
            at = end + 2
        elif data.startswith(b"<!--", at):
            end = data.find(b"-->", at)
            if end < 0:
                return None
            at = end + 3
        elif data.startswith(b"<!", at):
            return data[: at + 10]  # a declaration: DOCTYPE (or worse)
        elif data.startswith(b"<", at) and data[at + 1 : at + 2].isalpha():
            return data[:at]
        else:
            return None
    return None


def malformed_error(display: str) -> KpiError:
    """The same words whichever reader found the broken XML."""
    return KpiError(
        f"{display}: the workbook is damaged (a part of it is not well-formed XML); ask the "
        "unit to open it in Excel or LibreOffice and save it again",
        code="damaged-file",
    )


def _doctype_error(part: str, display: str) -> KpiError:
    return KpiError(
        f"{display}: part {part!r} declares a DOCTYPE or entities, which a workbook never "
        "needs; refused as a possible XML attack",
        code="xml-doctype",
    )


def _parse_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> None:
        raise _Declaration

    def root(name: str, _attrs: object) -> None:
        raise _Root(name)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = root
    read = 0
    try:
        with archive.open(info) as stream:
            while read < MAX_PROLOG_BYTES:
                chunk = stream.read(4096)
                read += len(chunk)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    return
    except _Root as found:
        _check_namespace(found.name, info.filename, display)
        return
    except _Declaration:
        raise _doctype_error(info.filename, display) from None
    except expat.ExpatError:
        raise malformed_error(display) from None


def _check_namespace(name: str, part: str, display: str) -> None:
    if name.startswith(STRICT_NS + " "):
        raise KpiError(
            f"{display}: is saved as 'Strict Open XML Spreadsheet', which is not supported "
            f"(part {part!r}); save it as 'Excel Workbook (.xlsx)'",
            code="strict-ooxml",
        )
