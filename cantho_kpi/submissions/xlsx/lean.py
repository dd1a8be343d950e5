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

What one workbook may cost is bounded whatever it declares: the XML tags parsed in all
(:data:`MAX_TAGS`, counted before each part is parsed, formatted empty cells of large sheets
left out: see :mod:`.blank`), and the size of the shared strings and the styles, which are
held whole. Past a bound the file is :class:`TooLarge`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from xml.parsers import expat

from ...catalog import both, numbers
from .cells import (
    CellKind,
    RawCell,
    SheetInfo,
    decode_escapes,
    is_date_format,
    serial_to_text,
)
from .problems import Malformed, TooLarge, Unusual
from .sheet import number, read_strings, read_styles, sheet_cells
from .vet import MAIN_NS, Vetted
from .xmlguard import Declaration, guarded_parser

__all__ = ["MAX_STRINGS_BYTES", "MAX_STYLES_BYTES", "MAX_TAGS", "LeanBook", "Malformed", "Unusual"]

#: The XML tags (``<`` in the parts parsed: sheets, shared strings, styles, the workbook and
#: its relationships) one workbook may cost: 185,000 cells with values, about a second and a
#: half on this project's shared machine (see docs/safety.md). A submission's parts hold
#: a few thousand; a sheet of 64 MiB of formatted empty rows a few thousand once they are
#: dropped; 8 MiB of shared strings of 40 characters about 600,000.
MAX_TAGS = 750_000
#: The shared strings and the styles are held whole: at most this much XML each.
MAX_STRINGS_BYTES = 8 * 1024 * 1024
MAX_STYLES_BYTES = 8 * 1024 * 1024

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_M = MAIN_NS + " "


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


#: Number formats by the bytes of the styles they were read from: the files of one office, made
#: from one template by one program, share their styles (read once a process, not once a file).
#: Only small styles are kept (a template's hold 5 to 15 KB), and only a few: what is kept stays
#: under a megabyte whatever the files hold.
_STYLES: dict[bytes, list[str]] = {}
_STYLES_KEPT, _STYLES_KEPT_BYTES = 16, 64 * 1024


def _styles_of(data: bytes, part: str) -> list[str]:
    found = _STYLES.get(data)
    if found is None:
        found = read_styles(data, part)
        if len(data) <= _STYLES_KEPT_BYTES:
            if len(_STYLES) >= _STYLES_KEPT:
                _STYLES.pop(next(iter(_STYLES)))
            _STYLES[data] = found
    return found


class LeanBook:
    """A vetted .xlsx opened for reading. Use as a context manager."""

    def __init__(self, vetted: Vetted) -> None:
        self._parts = vetted.parts
        self._tags = 0  # parsed so far: see charge
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

    @property
    def work(self) -> int:
        """The XML tags parsed so far (see :data:`MAX_TAGS`)."""
        return self._tags

    # -- package structure ---------------------------------------------------------------

    def _read(self, part: str, *, cap: int | None = None, charge: bool = True) -> bytes:
        data = self._parts.get(part)
        if data is None:
            raise Unusual(f"missing part {part}")
        if cap is not None and len(data) > cap:
            detail = both(
                "holds {size} bytes of XML, more than {cap}",
                size=numbers(len(data)),
                cap=numbers(cap),
            )
            raise TooLarge(part, detail)
        if charge:
            self.charge(data, part)
        return data

    def charge(self, data: bytes, part: str) -> None:
        """Count the tags of ``data`` (about to be parsed) against :data:`MAX_TAGS`."""
        self._tags += data.count(b"<")
        if self._tags > MAX_TAGS:
            detail = both(
                "would take the reading of the workbook past {count} XML tags (cells with "
                "content, rows, formatting)",
                count=numbers(MAX_TAGS),
            )
            raise TooLarge(part, detail)

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
            data = self._read(part, cap=MAX_STYLES_BYTES) if part else b""
            self._formats = _styles_of(data, part) if part else []
        return self._formats

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            part = self._strings_part
            self._strings = read_strings(self._read(part, cap=MAX_STRINGS_BYTES)) if part else []
        return self._strings

    # -- cells -----------------------------------------------------------------------------

    def cells(self, sheet: SheetInfo, max_row: int | None = None) -> list[RawCell]:
        return sheet_cells(self, self._read(sheet.part, charge=False), sheet.part, max_row)

    def number_formats(self) -> list[str]:
        return self._number_formats()

    def strings(self) -> list[str]:
        """The shared strings, read the first time they are asked for."""
        return self._shared_strings()

    def shared_string(self, index: str) -> str:
        strings = self._shared_strings()
        try:
            number = int(index)
            if number < 0:
                raise IndexError
            return strings[number]
        except (ValueError, IndexError):
            detail = both(
                "shared string {index} is used but not defined", index=repr(index.strip()[:20])
            )
            raise Malformed(self._strings_part or "xl/sharedStrings.xml", detail) from None

    def typed(self, row: int, col: int, kind: str, fmt: str, value: str) -> RawCell:
        """A cell of any type but the common ones (shared strings, plain numbers)."""
        if kind == "s":
            return RawCell(row, col, CellKind.TEXT, self.shared_string(value), fmt)
        if kind == "inlineStr":  # decoded with its runs, as a shared string is: not again
            return RawCell(row, col, CellKind.TEXT, value, fmt)
        if kind == "str":
            return RawCell(row, col, CellKind.TEXT, decode_escapes(value), fmt)
        if kind == "b":
            return RawCell(row, col, CellKind.BOOL, value.strip() in {"1", "true"}, fmt)
        if kind == "e":
            return RawCell(row, col, CellKind.ERROR, value, fmt)
        if kind == "d":
            shown = value.replace("T", " ").removesuffix(" 00:00:00")
            return RawCell(row, col, CellKind.DATE, shown, fmt)
        figure = number(value)
        if is_date_format(fmt):
            try:
                shown = serial_to_text(figure, self._date1904)
            except (OverflowError, ValueError):  # outside the calendar: openpyxl says #VALUE!
                return RawCell(row, col, CellKind.ERROR, "#VALUE!", fmt)
            return RawCell(row, col, CellKind.DATE, shown, fmt)
        return RawCell(row, col, CellKind.NUMBER, figure, fmt)
