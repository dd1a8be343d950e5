"""Safe cell writing for workbooks we produce. Pure helpers around openpyxl cells.

Text that came from submissions (unit names, notes, file names, messages) is always written as
text: openpyxl would turn a string beginning with ``=`` into a live formula, so the cell type is
forced. Characters XML cannot hold are removed, and text longer than a cell can hold is cut with
a visible marker.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ..domain import json_number

MAX_CELL_TEXT = 32_767
#: Where a cell's text was cut: said in both languages at once, since a cell is written
#: without knowing the workbook's language (put_text), and a cut is rare.
# not a message: a mark in both languages on purpose
CUT_MARKER = " …[đã cắt bớt / cut]"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Text as a cell can hold it: no control characters, at most 32,767 characters."""
    text = _ILLEGAL.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - len(CUT_MARKER)] + CUT_MARKER
    return text


def put_text(cell: Any, text: str | None) -> Any:
    """Write untrusted text as a plain string cell, never a formula."""
    if text is None:
        cell.value = None
        return cell
    cell.value = clean(text)
    cell.data_type = "s"
    return cell


def put_number(cell: Any, value: Decimal | None) -> Any:
    """Write a decimal as a number, with a format that shows exactly its decimals."""
    if value is None:
        cell.value = None
        return cell
    cell.value = json_number(value)
    cell.number_format = number_format(value)
    return cell


#: Days as Vietnamese offices write them.
DATE_FORMAT = "DD/MM/YYYY"


def put_date(cell: Any, day: date | None) -> Any:
    """Write a day as a date (a number a spreadsheet sorts and filters), shown 24/01/2025."""
    cell.value = day
    if day is not None:
        cell.number_format = DATE_FORMAT
    return cell


def number_format(value: Decimal) -> str:
    """``#,##0`` for whole numbers, ``#,##0.0`` / ``#,##0.00`` ... for the decimals it has."""
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" if places == 0 else "#,##0." + "0" * min(places, 6)
