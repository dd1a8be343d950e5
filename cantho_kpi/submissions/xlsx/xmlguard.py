"""The XML parts of a submitted workbook, read up to their root element before any parser
sees them whole: a DOCTYPE or entity declaration is refused (so no entity expansion can ever
happen), and Strict Open XML is recognised. Part of the vetting done by :mod:`.vet`;
the lean reader parses with the same guarded parser.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

from ...errors import KpiError

MAX_PROLOG_BYTES = 64 * 1024
WHOLE_PART_BYTES = 256 * 1024  # XML parts up to this size are read whole while vetted
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"


class _Root(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Declaration(Exception):
    """A DOCTYPE or entity declaration: refused wherever XML from a submission is parsed."""


def guarded_parser() -> expat.XMLParserType:
    """An expat parser (namespaces separated by a space) that raises :class:`Declaration` at a
    DOCTYPE or an entity declaration, before anything is declared or expanded."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> None:
        raise Declaration

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> bytes | None:
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
    return KpiError.about(
        display,
        "damaged-file",
        "the workbook is damaged (a part of it is not well-formed XML); ask the unit to open "
        "it in Excel or LibreOffice and save it again",
        "sổ tính bị hỏng (có thành phần không đúng cú pháp XML); hãy đề nghị đơn vị mở bằng "
        "Excel hoặc LibreOffice rồi lưu lại",
    )


def _doctype_error(part: str, display: str) -> KpiError:
    return KpiError.about(
        display,
        "xml-doctype",
        f"part {part!r} declares a DOCTYPE or entities, which a workbook never needs; refused "
        "as a possible XML attack",
        f"thành phần {part!r} có khai báo DOCTYPE hoặc thực thể (entity), điều sổ tính không "
        "bao giờ cần; bị từ chối vì có thể là tấn công XML",
    )


def _parse_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> None:
    parser = guarded_parser()

    def root(name: str, _attrs: object) -> None:
        raise _Root(name)

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
    except Declaration:
        raise _doctype_error(info.filename, display) from None
    except expat.ExpatError:
        raise malformed_error(display) from None


def _check_namespace(name: str, part: str, display: str) -> None:
    if name.startswith(STRICT_NS + " "):
        raise KpiError.about(
            display,
            "strict-ooxml",
            f"is saved as 'Strict Open XML Spreadsheet', which is not supported (part "
            f"{part!r}); save it as 'Excel Workbook (.xlsx)'",
            f"được lưu dạng 'Strict Open XML Spreadsheet', chưa được hỗ trợ (thành phần "
            f"{part!r}); hãy lưu lại dạng 'Excel Workbook (.xlsx)'",
        )
