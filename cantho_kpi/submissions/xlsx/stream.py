"""A large worksheet's cells, read as a stream by expat: nothing but the cells kept is held, so
memory stays bounded whatever the sheet's size. Gives the same cells as the tree in
:mod:`.sheet` (a test reads every sheet of the suite both ways): the rows of the first
``sheetData`` of the root, a cell's first ``v`` and first ``is``, their text read as
ElementTree reads ``text`` (the characters before the first child element).
"""

from __future__ import annotations

from xml.parsers import expat

from .attrs import (
    KINDS,
    CellSource,
    column,
    in_cell,
    number,
    number_format,
    other_cell,
    row_number,
    unknown_type,
)
from .cells import CellKind, RawCell, decode_escapes
from .problems import Malformed, Unusual
from .vet import MAIN_NS
from .xmlguard import Declaration, guarded_parser

_M = MAIN_NS + " "
_ROW, _C, _V, _F, _IS, _T, _R, _SHEET_DATA = (
    _M + name for name in ("row", "c", "v", "f", "is", "t", "r", "sheetData")
)


class _Stop(Exception):
    pass


def stream_cells(book: CellSource, data: bytes, max_row: int | None) -> list[RawCell]:
    """The non-empty cells of a worksheet."""
    return _Reader(book, max_row).read(data)


def _tag(name: str) -> str:
    """An element's name as ElementTree writes it: ``{namespace}name``."""
    return "{" + name.replace(" ", "}", 1) if " " in name else name


class _Reader:
    """The parser's handlers. Depths: 1 the root, 2 sheetData, 3 a row, 4 a cell, 5 its
    children (v, f, is), 6 an is's t or run, 7 a run's t."""

    def __init__(self, book: CellSource, max_row: int | None) -> None:
        self.book, self.max_row = book, max_row
        self.formats = book.number_formats()
        self.cells: list[RawCell] = []
        self.depth = 0
        self.root = ""
        self.in_data = False  # inside the sheetData that holds the rows
        self.data_seen = False
        self.row = self.col = 0
        self.cell: dict[str, str] | None = None  # the open cell's attributes
        self.children = 0
        self.value: str | None = None  # the first v's text ("" until any comes)
        self.formula = False
        self.inline: list[str] | None = None  # the texts of the first is, when there is one
        self.in_is = self.in_run = False
        self.text: list[str] | None = None  # characters being gathered, at text_depth
        self.text_depth = 0

    def read(self, data: bytes) -> list[RawCell]:
        parser = guarded_parser()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.buffer_text = True
        try:
            parser.Parse(data, True)
        except _Stop:
            pass
        except Declaration:
            raise Unusual("a DOCTYPE declaration") from None
        except expat.ExpatError:
            raise Malformed from None
        if not self.data_seen and not self.root.startswith(_M):
            raise Unusual(f"sheet root {_tag(self.root)}")
        return self.cells

    def characters(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth = depth = self.depth + 1
        if self.text is not None:  # ElementTree's text ends at the first child element
            self._gathered()
        if depth == 4:
            if self.in_data and name == _C:
                self.col = column(attrs.get("r"), self.row, self.col)
                self.cell, self.children = attrs, 0
        elif depth >= 5:
            if self.cell is not None:
                self._inside_cell(name, depth)
        elif depth == 3:
            if self.in_data:
                self._row(name, attrs)
        elif depth == 2:
            if name == _SHEET_DATA and not self.data_seen:
                self.in_data = self.data_seen = True
        else:
            self.root = name

    def _row(self, name: str, attrs: dict[str, str]) -> None:
        if name != _ROW:
            raise Unusual(f"element {_tag(name)} in sheetData")
        self.row = row_number(attrs.get("r"), self.row)
        if self.max_row is not None and self.row > self.max_row:
            raise _Stop
        self.col = 0

    def _inside_cell(self, name: str, depth: int) -> None:
        if depth == 5:
            if not self.children:
                self.value, self.formula, self.inline, self.in_is = None, False, None, False
            self.children += 1
            if name == _V:
                if self.value is None:
                    self.value = ""
                    self.text, self.text_depth = [], 5
            elif name == _F:
                self.formula = True
            elif name == _IS and self.inline is None:
                self.inline, self.in_is = [], True
        elif self.in_is:
            if name == _T and (depth == 6 or (depth == 7 and self.in_run)):
                self.text, self.text_depth = [], depth
                self.in_run = False
            elif name == _R and depth == 6:
                self.in_run = True

    def _gathered(self) -> None:
        assert self.text is not None
        text, self.text = "".join(self.text), None
        if self.text_depth == 5:
            self.value = text
        elif self.inline is not None:
            self.inline.append(text)

    def end(self, _name: str) -> None:
        depth = self.depth
        self.depth = depth - 1
        if self.text is not None and depth == self.text_depth:
            self._gathered()
        if depth == 4:
            if self.cell is not None:
                attrs, self.cell = self.cell, None
                if self.children:
                    self._made(attrs)
        elif depth == 5:
            self.in_is = False
        elif depth == 6:
            self.in_run = False
        elif depth == 2:
            self.in_data = False

    def _made(self, attrs: dict[str, str]) -> None:
        row, col = self.row, self.col
        fmt = number_format(self.formats, attrs.get("s"), row, col)
        kind = attrs.get("t", "n")
        if self.book.recalc and self.formula:  # the stored result is a placeholder
            self.cells.append(RawCell(row, col, CellKind.FORMULA, None, fmt))
            return
        text = self.value or None
        try:
            if kind == "s" and text:
                shared = self.book.shared_string(text)
                self.cells.append(RawCell(row, col, CellKind.TEXT, shared, fmt))
            elif kind == "n" and text and fmt == "General":
                self.cells.append(RawCell(row, col, CellKind.NUMBER, number(text), fmt))
            elif kind not in KINDS:
                raise Malformed("", unknown_type(kind))
            else:
                if kind == "inlineStr":
                    inline = self.inline
                    text = decode_escapes("".join(inline)) if inline is not None else None
                has_value = self.value is not None
                made = other_cell(self.book, kind, text, has_value, self.formula, (row, col, fmt))
                if made is not None:
                    self.cells.append(made)
        except Malformed as exc:
            raise Malformed("", in_cell(col, row, exc.detail)) from None
