"""Where things are on a submission sheet: the header row, its columns, the metadata above. Pure.

Sheets are made by hand, so labels are matched loosely: case, extra spaces, line breaks, a
trailing colon, composed or decomposed Vietnamese, and missing diacritics do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .xlsx import CellKind, RawCell

HEADER_SEARCH_ROWS = 30
_LONGEST_LABEL = 40  # longer text is never a label: skip it without folding it


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A label as compared: NFC, case-folded, single spaces, no trailing colon."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(text.replace("\u00a0", " ").split()).casefold()
    return text.rstrip(" :：").strip()


@lru_cache(maxsize=8192)
def bare(text: str) -> str:
    """``fold`` without diacritics: ``Mã chỉ tiêu`` and ``Ma chi tieu`` compare equal."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _labels(*names: str) -> frozenset[str]:
    return frozenset(bare(name) for name in names)


# not a message: the labels the reader recognises in a unit's sheet (input)
CODE_LABELS = _labels("Mã chỉ tiêu", "Mã", "Mã số", "Code", "Indicator code")
# not a message: the labels the reader recognises in a unit's sheet (input)
VALUE_LABELS = _labels(
    "Giá trị thực hiện", "Thực hiện", "Kết quả thực hiện", "Kết quả", "Value", "Actual"
)
# not a message: the labels the reader recognises in a unit's sheet (input)
NOTE_LABELS = _labels("Ghi chú", "Note", "Notes", "Remarks")
# not a message: the labels the reader recognises in a unit's sheet (input)
ESTIMATE_LABELS = _labels(
    "Ước tính", "Số ước tính", "Số liệu ước tính", "Ước thực hiện", "Estimate", "Estimated"
)
# not a message: the labels the reader recognises in a unit's sheet (input)
UNIT_CODE_COLUMN = _labels("unit_code", "Mã đơn vị", "Unit code")
# not a message: the labels the reader recognises in a unit's sheet (input)
PERIOD_COLUMN = _labels("period", "Kỳ báo cáo")

# not a message: the labels the reader recognises in a unit's sheet (input)
META_LABELS: dict[str, frozenset[str]] = {
    "unit_name": _labels("Đơn vị", "Đơn vị báo cáo", "Tên đơn vị", "Unit", "Reporting unit"),
    "unit_code": _labels("Mã đơn vị", "Unit code"),
    "period": _labels("Kỳ báo cáo", "Kỳ", "Period", "Reporting period"),
    "date": _labels("Ngày lập", "Ngày báo cáo", "Date"),
}


@dataclass(frozen=True, slots=True)
class Header:
    row: int
    code_col: int
    value_col: int
    note_col: int | None = None
    unit_col: int | None = None
    period_col: int | None = None
    estimate_col: int | None = None  # "Ước tính": x marks a figure as an estimate


@dataclass(slots=True)
class Layout:
    """The header, and metadata found above it: {field: (value, cell)}."""

    header: Header
    meta: dict[str, tuple[str, RawCell]] = field(default_factory=dict)


def _text(cell: RawCell) -> str | None:
    value = cell.value
    if cell.kind is CellKind.TEXT and isinstance(value, str) and value.strip():
        return value
    return None


def _label(cell: RawCell) -> str | None:
    """The cell's text folded for comparison with labels, if it is short enough to be one."""
    text = _text(cell)
    return bare(text) if text is not None and len(text) <= _LONGEST_LABEL else None


def find_header(cells: list[RawCell]) -> Header | None:
    """The first row in the first 30 with a code column and a value column."""
    by_row: dict[int, list[RawCell]] = {}
    for cell in cells:
        if cell.row <= HEADER_SEARCH_ROWS:
            by_row.setdefault(cell.row, []).append(cell)
    for row in sorted(by_row):
        columns: dict[str, int] = {}
        for cell in sorted(by_row[row], key=lambda c: c.col):
            label = _label(cell)
            if label is None:
                continue
            for name, labels in (
                ("code", CODE_LABELS),
                ("value", VALUE_LABELS),
                ("note", NOTE_LABELS),
                ("unit", UNIT_CODE_COLUMN),
                ("period", PERIOD_COLUMN),
                ("estimate", ESTIMATE_LABELS),
            ):
                if label in labels:
                    columns.setdefault(name, cell.col)
        if "code" in columns and "value" in columns:
            return Header(
                row,
                columns["code"],
                columns["value"],
                columns.get("note"),
                columns.get("unit"),
                columns.get("period"),
                columns.get("estimate"),
            )
    return None


_INLINE = re.compile(r"^(?P<label>[^:：]{1,40})[:：]\s*(?P<value>.+)$", re.S)


def find_meta(cells: list[RawCell], header_row: int) -> dict[str, tuple[str, RawCell]]:
    """Label/value pairs above the header: ``Đơn vị:`` then the next non-empty cell to the
    right, or ``Đơn vị: Quận Ninh Kiều`` in one cell."""
    rows: dict[int, list[RawCell]] = {}
    for cell in cells:
        if cell.row < header_row:
            rows.setdefault(cell.row, []).append(cell)
    found: dict[str, tuple[str, RawCell]] = {}
    for row_cells in rows.values():
        ordered = sorted(row_cells, key=lambda c: c.col)
        for index, cell in enumerate(ordered):
            text = _text(cell)
            if text is None:
                continue
            for name, (value, where) in _meta_pairs(text, cell, ordered[index + 1 :]):
                found.setdefault(name, (value, where))
    return found


def _meta_pairs(
    text: str, cell: RawCell, right: list[RawCell]
) -> list[tuple[str, tuple[str, RawCell]]]:
    label = bare(text)
    for name, labels in META_LABELS.items():
        if label in labels:
            following = next((c for c in right if _display(c)), None)
            return [(name, (_display(following), following))] if following is not None else []
    inline = _INLINE.match(text.strip())
    if inline is not None:
        label = bare(inline["label"])
        for name, labels in META_LABELS.items():
            if label in labels:
                return [(name, (inline["value"].strip(), cell))]
    return []


def _display(cell: RawCell) -> str:
    """A metadata value as text (a unit code or period may have been typed as a number)."""
    if cell.value is None or cell.kind in {CellKind.ERROR, CellKind.FORMULA}:
        return ""
    if isinstance(cell.value, str):
        return cell.value.strip()
    return str(cell.value)
