"""A lean .xlsx reader: the zip parts parsed with expat, only what a submission needs.

openpyxl spends most of its time on a workbook's fixed costs (the full stylesheet, the theme,
a second pass over each sheet); a submission needs the sheet names and states, the shared
strings, the number format of each style, and the cells of one sheet. This reader reads exactly
that, in one pass per part, and gives the same cells as openpyxl (a differential test proves
it). Whatever it does not expect raises :class:`Unusual`, and the caller falls back to openpyxl.

It only opens files that :func:`~cantho_kpi.xlsxsafe.vet_xlsx` passed; it refuses DOCTYPE
declarations itself too.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from .cells import (
    BUILTIN_FORMATS,
    Kind,
    RawCell,
    SheetInfo,
    cast_number,
    is_date_format,
    serial_to_text,
    split_ref,
)
from .xlsxsafe import MAIN_NS

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_M = MAIN_NS + " "


class Unusual(Exception):
    """Something this reader does not handle; the caller reads the file with openpyxl."""


class _Stop(Exception):
    pass


def _parse(
    data: bytes,
    start: Callable[..., None],
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> None:
        raise Unusual("a DOCTYPE declaration")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
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
    except expat.ExpatError as exc:
        raise Unusual(f"malformed XML: {exc}") from None


class LeanBook:
    """A vetted .xlsx opened for reading. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self._zip = zipfile.ZipFile(path)
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
        reader = _SheetReader(self, max_row)
        _parse(self._read(sheet.part), reader.start, reader.end, reader.text)
        return reader.cells

    def make_cell(
        self, row: int, col: int, kind: str, style: int, value: str | None, has_formula: bool
    ) -> RawCell | None:
        formats = self._number_formats()
        if style >= len(formats) and style != 0:
            raise Unusual(f"style {style} is not defined")
        fmt = formats[style] if style < len(formats) else "General"
        if value is None:
            return RawCell(row, col, Kind.FORMULA, None, fmt) if has_formula else None
        return self._typed(row, col, kind, fmt, value)

    def _typed(self, row: int, col: int, kind: str, fmt: str, value: str) -> RawCell:
        if kind == "s":
            strings = self._shared_strings()
            index = int(value)
            if not 0 <= index < len(strings):
                raise Unusual(f"shared string {index} is not defined")
            return RawCell(row, col, Kind.TEXT, strings[index], fmt)
        if kind in {"str", "inlineStr"}:
            return RawCell(row, col, Kind.TEXT, value, fmt)
        if kind == "b":
            return RawCell(row, col, Kind.BOOL, value.strip() in {"1", "true"}, fmt)
        if kind == "e":
            return RawCell(row, col, Kind.ERROR, value, fmt)
        if kind == "d":
            shown = value.replace("T", " ").removesuffix(" 00:00:00")
            return RawCell(row, col, Kind.DATE, shown, fmt)
        if kind != "n":
            raise Unusual(f"cell type {kind!r}")
        try:
            number = cast_number(value)
        except ValueError:
            raise Unusual(f"number {value!r}") from None
        if is_date_format(fmt):
            return RawCell(row, col, Kind.DATE, serial_to_text(number, self._date1904), fmt)
        return RawCell(row, col, Kind.NUMBER, number, fmt)


class _SheetReader:
    """expat handlers collecting the non-empty cells of a worksheet."""

    def __init__(self, book: LeanBook, max_row: int | None) -> None:
        self.book = book
        self.max_row = max_row
        self.cells: list[RawCell] = []
        self.row = 0
        self.col = 0
        self.kind = "n"
        self.style = 0
        self.value: list[str] | None = None
        self.inline: list[str] | None = None
        self.collect: list[str] | None = None
        self.has_formula = False
        self.in_phonetic = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if not name.startswith(_M):
            return
        local = name[len(_M) :]
        if local == "c":
            self._start_cell(attrs)
        elif local == "row":
            self._start_row(attrs)
        elif local == "v":
            self.value = self.collect = []
        elif local == "f":
            self.has_formula = True
        elif local == "is":
            self.inline = []
        elif local == "rPh":
            self.in_phonetic = True
        elif local == "t" and self.inline is not None and not self.in_phonetic:
            self.collect = self.inline

    def _start_row(self, attrs: dict[str, str]) -> None:
        self.row = int(attrs["r"]) if "r" in attrs else self.row + 1
        self.col = 0
        if self.max_row is not None and self.row > self.max_row:
            raise _Stop

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref is None:
            self.col += 1
        else:
            where = split_ref(ref)
            if where is None or where[0] != self.row:
                raise Unusual(f"cell reference {ref!r}")
            self.col = where[1]
        self.kind = attrs.get("t", "n")
        self.style = int(attrs.get("s", "0"))
        self.value = self.inline = self.collect = None
        self.has_formula = self.in_phonetic = False

    def end(self, name: str) -> None:
        if not name.startswith(_M):
            return
        local = name[len(_M) :]
        if local in {"v", "t"}:
            self.collect = None
        elif local == "rPh":
            self.in_phonetic = False
        elif local == "c":
            self._end_cell()

    def _end_cell(self) -> None:
        if self.kind == "inlineStr":
            text = "".join(self.inline) if self.inline is not None else None
        else:
            text = "".join(self.value) if self.value is not None else None
        if text == "" and self.kind not in {"inlineStr", "str", "s"}:
            text = None
        cell = self.book.make_cell(
            self.row, self.col, self.kind, self.style, text, self.has_formula
        )
        if cell is not None:
            self.cells.append(cell)

    def text(self, data: str) -> None:
        if self.collect is not None:
            self.collect.append(data)


def _read_styles(data: bytes) -> list[str]:
    """The number format of each cell style (``cellXfs``), in order."""
    custom: dict[int, str] = {}
    formats: list[str] = []
    inside = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == _M + "numFmt":
            custom[int(attrs["numFmtId"])] = attrs.get("formatCode", "General")
        elif name == _M + "cellXfs":
            inside[0] = True
        elif name == _M + "xf" and inside[0]:
            ident = int(attrs.get("numFmtId", "0"))
            formats.append(custom.get(ident) or BUILTIN_FORMATS.get(ident, "General"))

    def end(name: str) -> None:
        if name == _M + "cellXfs":
            inside[0] = False

    _parse(data, start, end)
    return formats


def _read_strings(data: bytes) -> list[str]:
    """Shared strings: the text of each ``si``, runs joined, phonetic guides left out."""
    strings: list[str] = []
    state: dict[str, Any] = {"parts": None, "collect": False, "phonetic": False}

    def start(name: str, _attrs: dict[str, str]) -> None:
        if name == _M + "si":
            state["parts"] = []
        elif name == _M + "rPh":
            state["phonetic"] = True
        elif name == _M + "t" and not state["phonetic"]:
            state["collect"] = True

    def end(name: str) -> None:
        if name == _M + "si":
            strings.append("".join(state["parts"]))
            state["parts"] = None
        elif name == _M + "rPh":
            state["phonetic"] = False
        elif name == _M + "t":
            state["collect"] = False

    def text(data: str) -> None:
        if state["collect"] and state["parts"] is not None:
            state["parts"].append(data)

    _parse(data, start, end, text)
    return strings
