"""A lean .xlsx reader: the zip parts parsed with expat, only what a submission needs.

openpyxl spends most of its time on a workbook's fixed costs (the full stylesheet, the theme,
a second pass over each sheet); a submission needs the sheet names and states, the shared
strings, the number format of each style, and the cells of one sheet. This reader reads exactly
that, in one pass per part, and gives the same cells as openpyxl (a differential test proves
it). Whatever it does not expect raises :class:`Unusual`, and the caller falls back to openpyxl.

It only opens files that :func:`.vet.vet_xlsx` passed; it refuses DOCTYPE
declarations itself too.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.parsers import expat

from .cells import (
    BUILTIN_FORMATS,
    CellKind,
    RawCell,
    SheetInfo,
    cast_number,
    column_letter,
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
    """A part is not well-formed XML: the file is damaged, whichever reader reads it."""


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

    def __init__(self, path: Path, vetted: Vetted | None = None) -> None:
        self._zip = zipfile.ZipFile(path)
        self._cached = vetted.parts if vetted is not None else {}
        try:
            self._names = set(self._zip.namelist())
            workbook = self._office_document()
            rels = self._relationships(workbook)
            self._date1904 = False
            self._sheets = self._read_workbook(workbook, rels)
            self._styles_part = self._part_of_type(rels, "/styles")
            self._strings_part = self._part_of_type(rels, "/sharedStrings")
            self._formats: list[str] | None = None
            self._strings: list[str] | None = None
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> LeanBook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    @property
    def sheets(self) -> list[SheetInfo]:
        return list(self._sheets)

    # -- package structure ---------------------------------------------------------------

    def _read(self, part: str) -> bytes:
        cached = self._cached.get(part)
        if cached is not None:
            return cached
        if part not in self._names:
            raise Unusual(f"missing part {part}")
        return self._zip.read(part)

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

        _parse(self._read(part), start)
        return sheets

    # -- styles and strings ----------------------------------------------------------------

    def _number_formats(self) -> list[str]:
        if self._formats is None:
            self._formats = _read_styles(self._read(self._styles_part)) if self._styles_part else []
        return self._formats

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = (
                _read_strings(self._read(self._strings_part)) if self._strings_part else []
            )
        return self._strings

    # -- cells -----------------------------------------------------------------------------

    def cells(self, sheet: SheetInfo, max_row: int | None = None) -> list[RawCell]:
        return _sheet_cells(self, self._read(sheet.part), max_row)

    def number_formats(self) -> list[str]:
        return self._number_formats()

    def shared_string(self, index: str) -> str:
        strings = self._shared_strings()
        try:
            return strings[int(index)]
        except (ValueError, IndexError):
            raise Unusual(f"shared string {index!r} is not defined") from None

    def typed(self, row: int, col: int, kind: str, fmt: str, value: str) -> RawCell:
        """A cell of any type but the common ones (shared strings, plain numbers)."""
        if kind == "s":
            return RawCell(row, col, CellKind.TEXT, self.shared_string(value), fmt)
        if kind in {"str", "inlineStr"}:
            return RawCell(row, col, CellKind.TEXT, value, fmt)
        if kind == "b":
            return RawCell(row, col, CellKind.BOOL, value.strip() in {"1", "true"}, fmt)
        if kind == "e":
            return RawCell(row, col, CellKind.ERROR, value, fmt)
        if kind == "d":
            shown = value.replace("T", " ").removesuffix(" 00:00:00")
            return RawCell(row, col, CellKind.DATE, shown, fmt)
        if kind != "n":
            raise Unusual(f"cell type {kind!r}")
        number = _number(value)
        if is_date_format(fmt):
            return RawCell(row, col, CellKind.DATE, serial_to_text(number, self._date1904), fmt)
        return RawCell(row, col, CellKind.NUMBER, number, fmt)


_C, _V, _F, _IS, _T, _R, _ROW = (
    f"{{{MAIN_NS}}}{name}" for name in ("c", "v", "f", "is", "t", "r", "row")
)
_SHEET_DATA = f"{{{MAIN_NS}}}sheetData"


def _tree(data: bytes) -> ET.Element:
    """Parse a part with the C parser. Parts with a DOCTYPE never get here: vet_xlsx refused
    them, and the check is repeated on the first bytes in case a caller skipped it."""
    head = data[:2048]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise Unusual("a DOCTYPE declaration")
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
    return "".join(parts)


def _sheet_cells(book: LeanBook, data: bytes, max_row: int | None) -> list[RawCell]:
    """The non-empty cells of a worksheet. The loop is flat on purpose: it runs for every cell
    of every submission, and the common cells (shared strings, plain numbers) take the short
    path."""
    root = _tree(data)
    sheet_data = root.find(_SHEET_DATA)
    if sheet_data is None:
        if root.tag.startswith("{" + MAIN_NS):
            return []
        raise Unusual(f"sheet root {root.tag}")
    formats = book.number_formats()
    cells: list[RawCell] = []
    append = cells.append
    row_number = 0
    for row in sheet_data:
        if row.tag != _ROW:
            raise Unusual(f"element {row.tag} in sheetData")
        ref = row.get("r")
        row_number = int(ref) if ref is not None else row_number + 1
        if max_row is not None and row_number > max_row:
            break
        col = 0
        for cell in row:
            if cell.tag != _C:
                continue
            col = _column(cell.get("r"), row_number, col)
            if not len(cell):
                continue  # a formatted but empty cell: no value, no formula
            style = int(cell.get("s", "0"))
            if style < len(formats):
                fmt = formats[style]
            elif style == 0:
                fmt = "General"
            else:
                raise Unusual(f"style {style} is not defined")
            kind = cell.get("t", "n")
            value = cell.find(_V)
            text = value.text if value is not None else None
            if kind == "s" and text:
                append(RawCell(row_number, col, CellKind.TEXT, book.shared_string(text), fmt))
            elif kind == "n" and text and fmt == "General":
                append(RawCell(row_number, col, CellKind.NUMBER, _number(text), fmt))
            else:
                made = _other_cell(book, cell, kind, text, row_number, col, fmt)
                if made is not None:
                    append(made)
    return cells


def _number(text: str) -> Decimal:
    try:
        return cast_number(text)
    except ValueError:
        raise Unusual(f"number {text!r}") from None


def _column(ref: str | None, row: int, previous: int) -> int:
    if ref is None:
        return previous + 1
    letters = ref.rstrip("0123456789")
    col = _COLUMNS.get(letters)
    if col is None or ref[len(letters) :] != str(row):
        where = split_ref(ref)
        if where is None or where[0] != row:
            raise Unusual(f"cell reference {ref!r}")
        return where[1]
    return col


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


def _read_styles(data: bytes) -> list[str]:
    """The number format of each cell style (``cellXfs``), in order."""
    root = _tree(data)
    custom: dict[int, str] = {}
    formats_element = root.find(f"{{{MAIN_NS}}}numFmts")
    for fmt in formats_element if formats_element is not None else ():
        if fmt.tag == f"{{{MAIN_NS}}}numFmt":
            custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "General")
    xfs = root.find(f"{{{MAIN_NS}}}cellXfs")
    formats: list[str] = []
    for xf in xfs if xfs is not None else ():
        if xf.tag == f"{{{MAIN_NS}}}xf":
            ident = int(xf.get("numFmtId", "0"))
            formats.append(custom.get(ident) or BUILTIN_FORMATS.get(ident, "General"))
    return formats


def _read_strings(data: bytes) -> list[str]:
    """Shared strings: the text of each ``si``, runs joined, phonetic guides left out."""
    root = _tree(data)
    return [_inline_text(si) or "" for si in root if si.tag == f"{{{MAIN_NS}}}si"]
