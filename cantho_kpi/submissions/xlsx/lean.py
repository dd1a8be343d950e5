"""A lean .xlsx reader: the zip parts parsed with expat, only what a submission needs.

openpyxl spends most of its time on a workbook's fixed costs (the full stylesheet, the theme,
a second pass over each sheet); a submission needs the sheet names and states, the shared
strings, the number format of each style, and the cells of one sheet. This reader reads exactly
that, in one pass per part, and gives the same cells as openpyxl (a differential test proves
it). Whatever it does not expect raises :class:`Unusual`, and the caller falls back to openpyxl.

It reads only the parts that :func:`.vet.vet_xlsx` inflated (bounded) and vetted (no DOCTYPE
before any root element), never the file itself. An attribute that cannot be what it claims (a
cell reference that is not one, a style or shared string that does not exist, an unknown cell
type) is :class:`Malformed`, naming the part.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from decimal import Decimal
from xml.etree import ElementTree as ET
from xml.parsers import expat

from .cells import (
    BUILTIN_FORMATS,
    CellKind,
    RawCell,
    SheetInfo,
    cast_number,
    column_letter,
    decode_escapes,
    is_date_format,
    serial_to_text,
    split_ref,
)
from .vet import MAIN_NS, Vetted
from .xmlguard import Declaration, guarded_parser

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_M = MAIN_NS + " "


class Unusual(Exception):
    """Something this reader does not handle; the caller reads the file with openpyxl."""


class Malformed(Exception):
    """A part is not well-formed XML, or holds an attribute that cannot be what it claims: the
    file is damaged, whichever reader reads it. ``part`` and ``detail`` say where and what."""

    def __init__(self, part: str = "", detail: str = "") -> None:
        super().__init__(part, detail)
        self.part = part
        self.detail = detail


class _Stop(Exception):
    pass


def _parse(
    data: bytes,
    start: Callable[..., None],
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    parser = guarded_parser()
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _Stop:
        return
    except Declaration:
        raise Unusual("a DOCTYPE declaration") from None
    except expat.ExpatError:
        raise Malformed from None


class LeanBook:
    """A vetted .xlsx opened for reading. Use as a context manager."""

    def __init__(self, vetted: Vetted) -> None:
        self._parts = vetted.parts
        workbook = self._office_document()
        rels = self._relationships(workbook)
        self._date1904 = False
        self.recalc = False  # fullCalcOnLoad: stored formula results are placeholders
        self._sheets = self._read_workbook(workbook, rels)
        self._styles_part = self._part_of_type(rels, "/styles")
        self._strings_part = self._part_of_type(rels, "/sharedStrings")
        self._formats: list[str] | None = None
        self._strings: list[str] | None = None

    def __enter__(self) -> LeanBook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._parts = {}

    @property
    def sheets(self) -> list[SheetInfo]:
        return list(self._sheets)

    # -- package structure ---------------------------------------------------------------

    def _read(self, part: str) -> bytes:
        data = self._parts.get(part)
        if data is None:
            raise Unusual(f"missing part {part}")
        return data

    def _office_document(self) -> str:
        for target, kind in self._rels_of("_rels/.rels", "").values():
            if kind.endswith("/officeDocument"):
                return target
        raise Unusual("no office document relationship")

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        return self._rels_of(posixpath.join(folder, "_rels", name + ".rels"), folder)

    def _rels_of(self, rels_part: str, folder: str) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == f"{_PKG_REL_NS} Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found[attrs.get("Id", "")] = (posixpath.normpath(path), attrs.get("Type", ""))

        _parse(self._read(rels_part), start)
        return found

    @staticmethod
    def _part_of_type(rels: dict[str, tuple[str, str]], suffix: str) -> str | None:
        return next((target for target, kind in rels.values() if kind.endswith(suffix)), None)

    def _read_workbook(self, part: str, rels: dict[str, tuple[str, str]]) -> list[SheetInfo]:
        sheets: list[SheetInfo] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == _M + "sheet":
                rel = attrs.get(f"{_REL_NS} id", "")
                if rel not in rels:
                    raise Unusual(f"sheet {attrs.get('name')!r} has no part")
                state = attrs.get("state", "visible")
                sheets.append(SheetInfo(attrs.get("name", ""), state, rels[rel][0]))
            elif name == _M + "workbookPr":
                self._date1904 = attrs.get("date1904", "0") in {"1", "true"}
            elif name == _M + "calcPr":
                self.recalc = attrs.get("fullCalcOnLoad", "0") in {"1", "true"}

        _parse(self._read(part), start)
        return sheets

    # -- styles and strings ----------------------------------------------------------------

    def _number_formats(self) -> list[str]:
        if self._formats is None:
            part = self._styles_part
            self._formats = _read_styles(self._read(part), part) if part else []
        return self._formats

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = (
                _read_strings(self._read(self._strings_part)) if self._strings_part else []
            )
        return self._strings

    # -- cells -----------------------------------------------------------------------------

    def cells(self, sheet: SheetInfo, max_row: int | None = None) -> list[RawCell]:
        return _sheet_cells(self, self._read(sheet.part), sheet.part, max_row)

    def number_formats(self) -> list[str]:
        return self._number_formats()

    def shared_string(self, index: str) -> str:
        strings = self._shared_strings()
        try:
            number = int(index)
            if number < 0:
                raise IndexError
            return strings[number]
        except (ValueError, IndexError):
            raise Malformed(
                self._strings_part or "xl/sharedStrings.xml",
                f"shared string {index.strip()[:20]!r} is used but not defined",
            ) from None

    def typed(self, row: int, col: int, kind: str, fmt: str, value: str) -> RawCell:
        """A cell of any type but the common ones (shared strings, plain numbers)."""
        if kind == "s":
            return RawCell(row, col, CellKind.TEXT, self.shared_string(value), fmt)
        if kind in {"str", "inlineStr"}:
            return RawCell(row, col, CellKind.TEXT, decode_escapes(value), fmt)
        if kind == "b":
            return RawCell(row, col, CellKind.BOOL, value.strip() in {"1", "true"}, fmt)
        if kind == "e":
            return RawCell(row, col, CellKind.ERROR, value, fmt)
        if kind == "d":
            shown = value.replace("T", " ").removesuffix(" 00:00:00")
            return RawCell(row, col, CellKind.DATE, shown, fmt)
        number = _number(value)
        if is_date_format(fmt):
            try:
                shown = serial_to_text(number, self._date1904)
            except (OverflowError, ValueError):  # outside the calendar: openpyxl says #VALUE!
                return RawCell(row, col, CellKind.ERROR, "#VALUE!", fmt)
            return RawCell(row, col, CellKind.DATE, shown, fmt)
        return RawCell(row, col, CellKind.NUMBER, number, fmt)


_C, _V, _F, _IS, _T, _R, _ROW = (
    f"{{{MAIN_NS}}}{name}" for name in ("c", "v", "f", "is", "t", "r", "row")
)
_SHEET_DATA = f"{{{MAIN_NS}}}sheetData"


def _tree(data: bytes) -> ET.Element:
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


def _sheet_cells(book: LeanBook, data: bytes, part: str, max_row: int | None) -> list[RawCell]:
    """The non-empty cells of a worksheet; Malformed naming the part and the cell when an
    attribute cannot be what it claims."""
    root = _tree(data)
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
    book: LeanBook, sheet_data: ET.Element, max_row: int | None, cells: list[RawCell]
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
                    append(RawCell(row_number, col, CellKind.NUMBER, _number(text), fmt))
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


def _number(text: str) -> Decimal:
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
    book: LeanBook, cell: ET.Element, kind: str, text: str | None, row: int, col: int, fmt: str
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


def _read_styles(data: bytes, part: str) -> list[str]:
    """The number format of each cell style (``cellXfs``), in order."""
    root = _tree(data)

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


def _read_strings(data: bytes) -> list[str]:
    """Shared strings: the text of each ``si``, runs joined, phonetic guides left out."""
    root = _tree(data)
    return [_inline_text(si) or "" for si in root if si.tag == f"{{{MAIN_NS}}}si"]
