"""A worksheet cell's attributes and children, checked for what they claim, made into a
:class:`.cells.RawCell`. Shared by the two ways a sheet is read (:mod:`.sheet` as a tree,
:mod:`.stream` as a stream), so that both give the same cells. What cannot be is
:class:`.problems.Malformed`, naming the cell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from ...catalog import Said, both
from .cells import CellKind, RawCell, cast_number, column_letter, split_ref
from .problems import Malformed, Unusual


class CellSource(Protocol):
    """What reading a sheet needs from its workbook (:class:`.lean.LeanBook`)."""

    recalc: bool

    def number_formats(self) -> list[str]: ...

    def shared_string(self, index: str) -> str: ...

    def strings(self) -> list[str]: ...

    def typed(self, row: int, col: int, kind: str, fmt: str, value: str) -> RawCell: ...

    def charge(self, data: bytes, part: str) -> None: ...


KINDS = frozenset({"b", "d", "e", "inlineStr", "n", "s", "str"})
MAX_ROW, MAX_COL = 1_048_576, 16_384

#: Column letters of the first 702 columns (A ... ZZ), the fast path of ``column``.
COLUMNS = {column_letter(i): i for i in range(1, 703)}


def row_number(ref: str | None, previous: int) -> int:
    if ref is None:
        return previous + 1
    if not (ref.isascii() and ref.isdigit()) or not 0 < int(ref) <= MAX_ROW:
        detail = both("row number {ref} is not one", ref=repr(ref[:20]))
        raise Malformed("", detail)
    return int(ref)


def column(ref: str | None, row: int, previous: int) -> int:
    if ref is None:
        return previous + 1
    letters = ref.rstrip("0123456789")
    col = COLUMNS.get(letters)
    if col is None or ref[len(letters) :] != str(row):
        where = split_ref(ref)
        if where is None or not 0 < where[0] <= MAX_ROW or where[1] > MAX_COL:
            detail = both(
                "cell reference {ref} in row {row} is not one", ref=repr(ref[:20]), row=row
            )
            raise Malformed("", detail)
        if where[0] != row:
            raise Unusual(f"cell reference {ref!r} in row {row}")
        return where[1]
    return col


def number_format(formats: list[str], style: str | None, row: int, col: int) -> str:
    if style is None:
        return formats[0] if formats else "General"
    if style.isascii() and style.isdigit():
        index = int(style)
        if index < len(formats):
            return formats[index]
        if index == 0:
            return "General"
    detail = both(
        "cell {cell}: style {style} is not defined in the styles",
        cell=column_letter(col) + str(row),
        style=repr(style[:20]),
    )
    raise Malformed("", detail)


def number(text: str) -> Decimal:
    try:
        return cast_number(text)
    except ValueError:
        detail = both("value {text} is not a number", text=repr(text[:20]))
        raise Malformed("", detail) from None


def other_cell(
    book: CellSource,
    kind: str,
    text: str | None,
    has_value: bool,
    has_formula: bool,
    where: tuple[int, int, str],
) -> RawCell | None:
    """A cell of any type but the common ones: ``text`` is its ``v``'s text (for an inline
    string, its ``is``'s text, decoded), ``where`` its row, column and number format."""
    row, col, fmt = where
    if text is None and kind in {"str", "s"} and has_value:
        text = ""
    if text == "" and kind not in {"str", "s", "inlineStr"}:
        text = None
    if text is None:
        return RawCell(row, col, CellKind.FORMULA, None, fmt) if has_formula else None
    return book.typed(row, col, kind, fmt, text)


def unknown_type(kind: str) -> Said:
    """The detail of a cell whose type ``t=`` no workbook program writes."""
    return both("unknown cell type t={kind}", kind=repr(kind[:20]))


def in_cell(col: int, row: int, detail: Said | None) -> Said:
    """``detail`` said of the cell at ``row``, ``col``."""
    return both("cell {cell}: {detail}", cell=column_letter(col) + str(row), detail=detail or "")
