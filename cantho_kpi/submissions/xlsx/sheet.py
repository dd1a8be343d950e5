"""The parts the lean reader parses with the C parser: a worksheet's cells (whole, as a tree,
when the sheet is small or small once its formatted empty cells are dropped; else as a stream,
:mod:`.stream`), the styles' number formats, the shared strings. Every attribute is checked for
what it claims (:mod:`.attrs`); what cannot be is :class:`.problems.Malformed`, naming the part
and the cell.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ...catalog import both
from .attrs import (
    COLUMNS as _COLUMNS,
    KINDS,
    CellSource,
    column,
    in_cell,
    number as number,
    number_format,
    other_cell,
    row_number,
    unknown_type,
)
from .blank import STRIP_FROM, rows_with_content
from .cells import BUILTIN_FORMATS, CellKind, RawCell, decode_escapes
from .problems import Malformed, Unusual
from .stream import stream_cells
from .vet import MAIN_NS

_C, _V, _F, _IS, _T, _R, _ROW = (
    f"{{{MAIN_NS}}}{name}" for name in ("c", "v", "f", "is", "t", "r", "row")
)
_SHEET_DATA = f"{{{MAIN_NS}}}sheetData"


def tree(data: bytes) -> ET.Element:
    """Parse a vetted part with the C parser: vet_xlsx parsed its whole prolog with the guarded
    parser, and a DOCTYPE cannot come after the root element, so no entity is declared."""
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        raise Malformed from None


def _inline_text(element: ET.Element | None) -> str | None:
    """The text of an ``is`` or ``si`` element: its ``t``, or its runs' ``t``, not phonetics."""
    if element is None:
        return None
    if len(element) == 1 and element[0].tag == _T:  # the common case: one t
        return decode_escapes(element[0].text or "")
    parts = []
    for child in element:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            run = child.find(_T)
            parts.append((run.text or "") if run is not None else "")
    return decode_escapes("".join(parts))


def sheet_cells(book: CellSource, data: bytes, part: str, max_row: int | None) -> list[RawCell]:
    """The non-empty cells of a worksheet; Malformed naming the part and the cell when an
    attribute cannot be what it claims. A large part is read without its formatted empty rows
    (:mod:`.blank`); then what is left is parsed whole, as a tree, when it is small, else as a
    stream (:mod:`.stream`), within the work one workbook may cost (``book.charge``)."""
    try:
        lean = rows_with_content(data)
        if lean is not None:
            data = lean
        book.charge(data, part)
        if len(data) < STRIP_FROM:
            return _tree_cells(book, data, max_row)
        return stream_cells(book, data, max_row)
    except Malformed as exc:
        if exc.part or not exc.detail:  # not well-formed: the same words for every part
            raise
        raise Malformed(part, exc.detail) from None


def _tree_cells(book: CellSource, data: bytes, max_row: int | None) -> list[RawCell]:
    root = tree(data)
    sheet_data = root.find(_SHEET_DATA)
    if sheet_data is None:
        if root.tag.startswith("{" + MAIN_NS):
            return []
        raise Unusual(f"sheet root {root.tag}")
    cells: list[RawCell] = []
    _rows(book, sheet_data, max_row, cells)
    return cells


def _rows(
    book: CellSource,
    sheet_data: ET.Element,
    max_row: int | None,
    cells: list[RawCell],
) -> None:
    """The loop is flat on purpose: it runs for every cell of every submission. The common
    cells (a shared string, a plain number, an inline string, a reference in its row, a style
    seen before) take a short path; whatever it does not expect goes through the checks of
    :mod:`.attrs`, which say what is wrong. A formatted empty cell costs a reference."""
    formats = book.number_formats()
    styles: dict[str | None, str] = {None: formats[0] if formats else "General"}
    strings: list[str] | None = None
    append = cells.append
    recalc = book.recalc
    number_of_row = 0
    for row in sheet_data:
        if row.tag != _ROW:
            raise Unusual(f"element {row.tag} in sheetData")
        number_of_row = row_number(row.get("r"), number_of_row)
        if max_row is not None and number_of_row > max_row:
            break
        digits = str(number_of_row)
        col = 0
        for cell in row:
            if cell.tag != _C:
                continue
            ref = cell.get("r")
            found = _COLUMNS.get(ref[: -len(digits)]) if ref and ref.endswith(digits) else None
            col = found or column(ref, number_of_row, col)
            if not len(cell):
                continue  # a formatted but empty cell: no value, no formula
            style = cell.get("s")
            fmt = styles.get(style)
            if fmt is None:
                fmt = styles[style] = number_format(formats, style, number_of_row, col)
            kind = cell.get("t", "n")
            if recalc and cell.find(_F) is not None:  # the stored result is a placeholder
                append(RawCell(number_of_row, col, CellKind.FORMULA, None, fmt))
                continue
            value = cell.find(_V)
            text = value.text if value is not None else None
            try:
                if kind == "s" and text:
                    if strings is None:
                        strings = book.strings()
                    append(
                        RawCell(
                            number_of_row, col, CellKind.TEXT, _shared(book, strings, text), fmt
                        )
                    )
                elif kind == "n" and text and fmt == "General":
                    append(RawCell(number_of_row, col, CellKind.NUMBER, number(text), fmt))
                elif kind == "inlineStr" and (inline := cell.find(_IS)) is not None:
                    append(RawCell(number_of_row, col, CellKind.TEXT, _inline_text(inline), fmt))
                elif kind not in KINDS:
                    raise Malformed("", unknown_type(kind))
                else:
                    has_formula = cell.find(_F) is not None
                    where = (number_of_row, col, fmt)
                    made = other_cell(book, kind, text, value is not None, has_formula, where)
                    if made is not None:
                        append(made)
            except Malformed as exc:
                raise Malformed("", in_cell(col, number_of_row, exc.detail)) from None


def _shared(book: CellSource, strings: list[str], text: str) -> str:
    try:
        index = int(text)
        if index >= 0:
            return strings[index]
    except (ValueError, IndexError):
        pass
    return book.shared_string(text)  # says what is wrong


def read_styles(data: bytes, part: str) -> list[str]:
    """The number format of each cell style (``cellXfs``), in order."""
    root = tree(data)

    def ident(element: ET.Element) -> int:
        text = element.get("numFmtId", "0")
        if not (text.isascii() and text.isdigit()):
            detail = both("number format id {id} is not a number", id=repr(text[:20]))
            raise Malformed(part, detail)
        return int(text)

    custom: dict[int, str] = {}
    formats_element = root.find(f"{{{MAIN_NS}}}numFmts")
    for fmt in formats_element if formats_element is not None else ():
        if fmt.tag == f"{{{MAIN_NS}}}numFmt":
            custom[ident(fmt)] = fmt.get("formatCode", "General")
    xfs = root.find(f"{{{MAIN_NS}}}cellXfs")
    formats: list[str] = []
    for xf in xfs if xfs is not None else ():
        if xf.tag == f"{{{MAIN_NS}}}xf":
            number = ident(xf)
            formats.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return formats


def read_strings(data: bytes) -> list[str]:
    """Shared strings: the text of each ``si``, runs joined, phonetic guides left out."""
    root = tree(data)
    return [_inline_text(si) or "" for si in root if si.tag == f"{{{MAIN_NS}}}si"]
