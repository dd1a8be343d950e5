"""The parts the lean reader parses whole with the C parser: a worksheet's cells, the styles'
number formats, the shared strings. Every attribute is checked for what it claims; what cannot
be is :class:`.problems.Malformed`, naming the part and the cell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol
from xml.etree import ElementTree as ET

from .cells import (
    BUILTIN_FORMATS,
    CellKind,
    RawCell,
    cast_number,
    column_letter,
    decode_escapes,
    split_ref,
)
from .problems import Malformed, Unusual
from .vet import MAIN_NS


class CellSource(Protocol):
    """What reading a sheet needs from its workbook (:class:`.lean.LeanBook`)."""

    recalc: bool

    def number_formats(self) -> list[str]: ...

    def shared_string(self, index: str) -> str: ...

    def typed(self, row: int, col: int, kind: str, fmt: str, value: str) -> RawCell: ...


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
    attribute cannot be what it claims."""
    root = tree(data)
    sheet_data = root.find(_SHEET_DATA)
    if sheet_data is None:
        if root.tag.startswith("{" + MAIN_NS):
            return []
        raise Unusual(f"sheet root {root.tag}")
    cells: list[RawCell] = []
    try:
        _rows(book, sheet_data, max_row, cells)
    except Malformed as exc:
        if exc.part:
            raise
        raise Malformed(part, exc.detail) from None
    return cells


def _rows(
    book: CellSource, sheet_data: ET.Element, max_row: int | None, cells: list[RawCell]
) -> None:
    """The loop is flat on purpose: it runs for every cell of every submission, and the common
    cells (shared strings, plain numbers) take the short path."""
    formats = book.number_formats()
    append = cells.append
    recalc = book.recalc
    row_number = 0
    for row in sheet_data:
        if row.tag != _ROW:
            raise Unusual(f"element {row.tag} in sheetData")
        row_number = _row_number(row.get("r"), row_number)
        if max_row is not None and row_number > max_row:
            break
        col = 0
        for cell in row:
            if cell.tag != _C:
                continue
            col = _column(cell.get("r"), row_number, col)
            if not len(cell):
                continue  # a formatted but empty cell: no value, no formula
            fmt = _format(formats, cell.get("s"), row_number, col)
            kind = cell.get("t", "n")
            if recalc and cell.find(_F) is not None:  # the stored result is a placeholder
                append(RawCell(row_number, col, CellKind.FORMULA, None, fmt))
                continue
            value = cell.find(_V)
            text = value.text if value is not None else None
            try:
                if kind == "s" and text:
                    append(RawCell(row_number, col, CellKind.TEXT, book.shared_string(text), fmt))
                elif kind == "n" and text and fmt == "General":
                    append(RawCell(row_number, col, CellKind.NUMBER, number(text), fmt))
                elif kind not in _KINDS:
                    raise Malformed("", f"unknown cell type t={kind[:20]!r}")
                else:
                    made = _other_cell(book, cell, kind, text, row_number, col, fmt)
                    if made is not None:
                        append(made)
            except Malformed as exc:
                raise Malformed(
                    "", f"cell {column_letter(col)}{row_number}: {exc.detail}"
                ) from None


_KINDS = frozenset({"b", "d", "e", "inlineStr", "n", "s", "str"})


def _row_number(ref: str | None, previous: int) -> int:
    if ref is None:
        return previous + 1
    if not (ref.isascii() and ref.isdigit()) or not 0 < int(ref) <= _MAX_ROW:
        raise Malformed("", f"row number {ref[:20]!r} is not one")
    return int(ref)


def _format(formats: list[str], style: str | None, row: int, col: int) -> str:
    if style is None:
        return formats[0] if formats else "General"
    if style.isascii() and style.isdigit():
        index = int(style)
        if index < len(formats):
            return formats[index]
        if index == 0:
            return "General"
    raise Malformed(
        "", f"cell {column_letter(col)}{row}: style {style[:20]!r} is not defined in the styles"
    )


def number(text: str) -> Decimal:
    try:
        return cast_number(text)
    except ValueError:
        raise Malformed("", f"value {text[:20]!r} is not a number") from None


def _column(ref: str | None, row: int, previous: int) -> int:
    if ref is None:
        return previous + 1
    letters = ref.rstrip("0123456789")
    col = _COLUMNS.get(letters)
    if col is None or ref[len(letters) :] != str(row):
        where = split_ref(ref)
        if where is None or not 0 < where[0] <= _MAX_ROW or where[1] > _MAX_COL:
            raise Malformed("", f"cell reference {ref[:20]!r} in row {row} is not one")
        if where[0] != row:
            raise Unusual(f"cell reference {ref!r} in row {row}")
        return where[1]
    return col


_MAX_ROW, _MAX_COL = 1_048_576, 16_384

#: Column letters of the first 702 columns (A ... ZZ), the fast path of ``_column``.
_COLUMNS = {column_letter(i): i for i in range(1, 703)}


def _other_cell(
    book: CellSource, cell: ET.Element, kind: str, text: str | None, row: int, col: int, fmt: str
) -> RawCell | None:
    if kind == "inlineStr":
        text = _inline_text(cell.find(_IS))
    elif text is None and kind in {"str", "s"} and cell.find(_V) is not None:
        text = ""
    if text == "" and kind not in {"str", "s", "inlineStr"}:
        text = None
    if text is None:
        return RawCell(row, col, CellKind.FORMULA, None, fmt) if cell.find(_F) is not None else None
    return book.typed(row, col, kind, fmt, text)


def read_styles(data: bytes, part: str) -> list[str]:
    """The number format of each cell style (``cellXfs``), in order."""
    root = tree(data)

    def ident(element: ET.Element) -> int:
        text = element.get("numFmtId", "0")
        if not (text.isascii() and text.isdigit()):
            raise Malformed(part, f"number format id {text[:20]!r} is not a number")
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
