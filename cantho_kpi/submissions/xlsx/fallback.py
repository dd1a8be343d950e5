"""The same cells read by openpyxl: the fallback for unusual workbooks, and the reference the
lean reader is tested against.

openpyxl never opens the submitted file: it is given an in-memory zip of the parts that
:func:`.vet.vet_xlsx` inflated (each bounded by its declared size) and vetted (no DOCTYPE before
the root element), so it cannot inflate past a declared size nor parse an unvetted part.
openpyxl also keeps defusedxml active (a dependency of ours). It is given the sheets without
their formatted empty rows (:mod:`.blank`), and at most :data:`MAX_PART_BYTES` of XML a part
and :data:`MAX_BYTES` in all once they are left out: it parses ten times slower than the lean
reader, which reads larger files.

Shared strings are given to openpyxl's sheet parser as the lean reader decodes them (each
``_xHHHH_`` escape once): openpyxl's own table drops every ``x005F_`` before anything else, so
``_x005F_x0041_`` (the text ``_x0041_`` as typed) would come out as ``A``.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from xml.parsers.expat import ExpatError

from ...catalog import both, numbers
from ...domain import from_binary
from ...errors import KpiError
from .blank import rows_with_content
from .cells import CellKind, RawCell, SheetInfo, date_text, decode_escapes
from .problems import Malformed
from .sheet import read_strings, tree
from .vet import Vetted
from .xmlguard import malformed_error, too_large_error

#: What openpyxl is given: under two seconds of its work on this project's shared machine (see
#: docs/safety.md); files that need it are unusual, and hold far less.
MAX_PART_BYTES = 1024 * 1024
MAX_BYTES = 2 * 1024 * 1024

_CONTENT_TYPES = "[Content_Types].xml"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


class _Decoded(str):
    """A shared string, already decoded: not to be decoded again."""

    __slots__ = ()


class OpenpyxlBook:
    """A workbook opened with openpyxl in read-only mode. Use as a context manager.

    openpyxl parses untrusted bytes: whatever it raises while doing so becomes one clear
    :class:`KpiError` naming the file (our own code is not inside these guards).
    """

    def __init__(self, vetted: Vetted, display: str = "") -> None:
        self._display = display or str(vetted.path)
        self._package = _package(vetted, self._display)
        self._formulas: Any = None
        with self._guard():
            from openpyxl import load_workbook

            self._values = load_workbook(
                io.BytesIO(self._package), read_only=True, data_only=True, keep_links=False
            )
        self._recalc = _full_calc_on_load(vetted)
        try:
            self._strings = _shared_strings(vetted)
        except Malformed:
            raise malformed_error(self._display) from None

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl's warnings are not the user's
                yield
        except (SyntaxError, ExpatError):  # ElementTree's ParseError is a SyntaxError
            raise malformed_error(self._display) from None
        except Exception as exc:
            raise KpiError.about(
                self._display,
                "unreadable-workbook",
                both(
                    "the workbook cannot be read ({kind}: {error}); open it in Excel "
                    "or LibreOffice and save it again as .xlsx",
                    kind=type(exc).__name__,
                    error=exc,
                ),
            ) from None

    def __enter__(self) -> OpenpyxlBook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._values.close()
        if self._formulas is not None:
            self._formulas.close()

    @property
    def sheets(self) -> list[SheetInfo]:
        return [SheetInfo(ws.title, ws.sheet_state) for ws in self._values.worksheets]

    def cells(self, sheet: SheetInfo, max_row: int | None = None) -> list[RawCell]:
        with self._guard():
            return self._cells(sheet, max_row)

    def _cells(self, sheet: SheetInfo, max_row: int | None) -> list[RawCell]:
        found: list[RawCell] = []
        uncached = self._uncached_formulas(sheet.name, max_row)
        for where, cell in _present(self._values[sheet.name], max_row, self._strings):
            if self._recalc and where in uncached:  # a placeholder result, not a figure
                found.append(RawCell(*where, CellKind.FORMULA, None, cell.number_format))
            elif cell.value is not None:
                found.append(_cell(cell, where, self._values.epoch))
            elif where in uncached:
                found.append(RawCell(*where, CellKind.FORMULA, None, cell.number_format))
        return found

    def _uncached_formulas(self, name: str, max_row: int | None) -> set[tuple[int, int]]:
        """Cells holding a formula: with data_only, openpyxl gives None when nothing is cached."""
        from openpyxl import load_workbook

        if self._formulas is None:
            self._formulas = load_workbook(
                io.BytesIO(self._package), read_only=True, data_only=False, keep_links=False
            )
        cells = _present(self._formulas[name], max_row, self._strings)
        return {where for where, cell in cells if getattr(cell, "data_type", None) == "f"}


def _present(
    sheet: Any, max_row: int | None, strings: list[str]
) -> Iterator[tuple[tuple[int, int], Any]]:
    """The cells a sheet holds, as openpyxl's ``iter_rows`` gives them but without its
    padding: a cell in column XFD would make it build 16,384 cells for each row, and a
    ``dimension`` claiming a million rows a million rows (openpyxl 3.1's own parser)."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    last = 0
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, row in parser.parse():
            if max_row is not None and number > max_row:
                break
            if number <= last:
                continue  # as iter_rows: a row out of order is skipped
            last = number
            cells = {cell["column"]: cell for cell in row}  # the last of a column wins
            for column in sorted(cells):
                if column >= 1:
                    yield (number, column), ReadOnlyCell(sheet, **cells[column])


def _cell(cell: Any, where: tuple[int, int], epoch: datetime) -> RawCell:
    value, fmt = cell.value, cell.number_format or "General"
    if isinstance(value, datetime) and value < epoch:  # a negative serial: no such date
        return RawCell(*where, CellKind.ERROR, "#VALUE!", fmt)
    if isinstance(value, bool):
        return RawCell(*where, CellKind.BOOL, value, fmt)
    if isinstance(value, int | float):
        return RawCell(*where, CellKind.NUMBER, from_binary(value), fmt)
    if isinstance(value, datetime):
        return RawCell(*where, CellKind.DATE, date_text(value), fmt)
    if isinstance(value, date):
        return RawCell(*where, CellKind.DATE, value.isoformat(), fmt)
    if isinstance(value, time | timedelta):
        return RawCell(*where, CellKind.DATE, str(value), fmt)
    if isinstance(value, Decimal):  # pragma: no cover - openpyxl does not produce these
        return RawCell(*where, CellKind.NUMBER, from_binary(value), fmt)
    if cell.data_type == "e":
        return RawCell(*where, CellKind.ERROR, str(value), fmt)
    if isinstance(value, _Decoded):
        return RawCell(*where, CellKind.TEXT, str(value), fmt)
    return RawCell(*where, CellKind.TEXT, decode_escapes(str(value)), fmt)


def _full_calc_on_load(vetted: Vetted) -> bool:
    """Whether the workbook asks to be recalculated on load (its stored formula results are
    placeholders). Read as the lean reader reads it: openpyxl assumes True when absent."""
    from .lean import LeanBook, Malformed, Unusual

    try:
        return LeanBook(vetted).recalc
    except (Malformed, Unusual):
        return False


def _shared_strings(vetted: Vetted) -> list[str]:
    """The shared strings of the part openpyxl reads them from (named by its content type),
    each decoded once, as the lean reader decodes them."""
    types = vetted.parts.get(_CONTENT_TYPES)
    if types is None:
        return []
    for override in tree(types).iter(f"{_TYPES_NS}Override"):
        if override.get("ContentType") == _STRINGS_TYPE:
            data = vetted.parts.get(override.get("PartName", "").removeprefix("/"))
            return [_Decoded(text) for text in read_strings(data)] if data else []
    return []


def _package(vetted: Vetted, display: str) -> bytes:
    """The vetted parts as a zip held in memory (stored, not compressed), without their
    formatted empty rows where that cannot change what openpyxl reads; ``workbook-too-large``
    past its bounds."""
    buffer = io.BytesIO()
    total = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        for name, data in vetted.parts.items():
            lean = rows_with_content(data)
            if lean is not None:
                data = lean
            total += len(data)
            if len(data) > MAX_PART_BYTES or total > MAX_BYTES:
                detail = both(
                    "holds {size} bytes of XML besides formatted empty cells, more than the "
                    "workbook's unusual layout can be read with ({part_cap} a part, {cap} in all)",
                    size=numbers(len(data)),
                    part_cap=numbers(MAX_PART_BYTES),
                    cap=numbers(MAX_BYTES),
                )
                raise too_large_error(display, name, detail)
            package.writestr(name, data)
    return buffer.getvalue()
