"""The XML parts of a submitted workbook, read up to their root element before any parser
sees them whole: a DOCTYPE or entity declaration is refused (so no entity expansion can ever
happen), and Strict Open XML is recognised. Part of the vetting done by :mod:`.vet`;
the lean reader parses with the same guarded parser.
"""

from __future__ import annotations

from xml.parsers import expat

from ...catalog import Said, both
from ...errors import KpiError

_SLICE = 64 * 1024  # the prolog is fed to expat in slices: it stops at the root element
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


def xml_root(data: bytes) -> str | None:
    """The root element's name (``namespace name``) of ``data``, parsed up to that element
    by the guarded parser whatever comes before it (comments, processing instructions,
    whitespace, a byte order mark, any encoding expat knows): no window, so no prolog is
    long enough to hide a declaration. :class:`Declaration` at a DOCTYPE; None when ``data``
    is not XML (not well-formed before its root, or no root at all)."""
    parser = guarded_parser()

    def root(name: str, _attrs: object) -> None:
        raise _Root(name)

    parser.StartElementHandler = root
    try:
        for at in range(0, len(data), _SLICE):
            parser.Parse(data[at : at + _SLICE], False)
        parser.Parse(b"", True)
    except _Root as found:
        return found.name
    except Declaration:
        raise
    except (expat.ExpatError, LookupError, ValueError):  # LookupError: an unknown encoding
        return None
    return None


def check_part(data: bytes, part: str, display: str, *, xml: bool) -> bool:
    """Vet one inflated part: refuse a DOCTYPE or entity declaration before its root element
    and Strict Open XML; True when the part is XML (a reader may parse it). A part named as
    XML (``xml``) that is not well-formed before its root is a damaged file."""
    try:
        name = xml_root(data)
    except Declaration:
        raise _doctype_error(part, display) from None
    if name is None:
        if xml:
            raise malformed_error(display)
        return False
    _check_namespace(name, part, display)
    return True


def malformed_error(display: str) -> KpiError:
    """The same words whichever reader found the broken XML."""
    return KpiError.about(
        display,
        "damaged-file",
        both(
            "the workbook is damaged (a part of it is not well-formed XML); "
            "ask the unit to open it in Excel or LibreOffice and save it again"
        ),
    )


def broken_part_error(display: str, part: str, detail: Said | None) -> KpiError:
    """A part that is well-formed XML but holds what no workbook program writes."""
    return KpiError.about(
        display,
        "damaged-file",
        both(
            "the workbook is damaged (part {part}: {detail}); ask the unit to "
            "open it in Excel or LibreOffice and save it again",
            part=repr(part),
            detail=detail or "",
        ),
    )


def too_large_error(display: str, part: str, detail: Said) -> KpiError:
    """A part that holds more than a submission may, or more work than one file may cost."""
    said = both(
        "part {part} {detail}; a submission holds far less (the template's parts hold under "
        "30 KB): keep the report sheet alone in the workbook, clear the formatting of the empty "
        "rows below the table, and send it again",
        part=repr(part),
        detail=detail,
    )
    return KpiError.about(display, "workbook-too-large", said)


def _doctype_error(part: str, display: str) -> KpiError:
    return KpiError.about(
        display,
        "xml-doctype",
        both(
            "part {part} declares a DOCTYPE or entities, which a workbook "
            "never needs; refused as a possible XML attack",
            part=repr(part),
        ),
    )


def _check_namespace(name: str, part: str, display: str) -> None:
    if name.startswith(STRICT_NS + " "):
        raise KpiError.about(
            display,
            "strict-ooxml",
            both(
                "is saved as 'Strict Open XML Spreadsheet', which is not supported "
                "(part {part}); save it as 'Excel Workbook (.xlsx)'",
                part=repr(part),
            ),
        )
