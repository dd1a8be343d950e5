"""One page setup for every sheet of every workbook we export, present and future: A4
landscape, as wide as one page (never cut into column strips), the header rows repeated on
every page, helper ranges outside the print area, the title and the sheet's name in the page
header and the page number in the footer, and every row as tall as its wrapped text (so that no
note is cut: LibreOffice does not fit row heights to wrapped text when it opens a workbook).

A sheet builder says only what is particular to its sheet (:class:`PrintPlan`);
:func:`prepare_for_print` gives every sheet of the book the rest, so a sheet added later prints
like the others without asking.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

#: The height of a line of 11-point text, in points, and a cell's padding.
LINE_HEIGHT = 15.0
_PADDING = 3.0
#: The characters of a column's width (counted in the default font's digits) that a line of
#: text holds, with room to spare: Vietnamese text printed by LibreOffice (Calibri replaced by
#: DejaVu Sans where Carlito is not installed) fits 1.2 to 1.3 a unit, in Excel about 1.2.
CHARS_PER_WIDTH = 1.0
_DEFAULT_WIDTH = 8.43  # a column whose width was not set


@dataclass(frozen=True, slots=True)
class PrintPlan:
    """What is particular to one sheet's printout."""

    title_rows: str | None = None  # repeated at the top of every page: "1:1", "4:5"
    area: str | None = None  # the print area, when helper ranges lie outside it: "A1:N70"
    one_page: bool = False  # a chart: the whole sheet on one page


def prepare_for_print(book: Workbook, plans: Mapping[str, PrintPlan], title: str) -> None:
    """Give every sheet of ``book`` the page setup (``plans`` by sheet title; a sheet without
    one gets the default plan) and rows as tall as their wrapped text."""
    for sheet in book.worksheets:
        page_setup(sheet, plans.get(sheet.title, PrintPlan()), title)
        fit_rows(sheet)


def page_setup(sheet: Worksheet, plan: PrintPlan, title: str) -> None:
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 1 if plan.one_page else 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(
        left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3
    )
    if plan.title_rows:
        sheet.print_title_rows = plan.title_rows
    if plan.area:
        sheet.print_area = plan.area
    header, footer = sheet.oddHeader, sheet.oddFooter
    if header is not None and footer is not None:
        header.left.text = title.replace("&", "&&")
        header.right.text = "&A"  # the sheet's name
        footer.center.text = "&P / &N"


def fit_rows(sheet: Worksheet) -> None:
    """Make every row at least as tall as the wrapped text of its cells needs (a merged cell
    spread over several rows adds what it lacks to its last row); the cells of a row made
    taller stand at its top, unless they say otherwise."""
    widths = _widths(sheet)
    spans = {(r.min_row, r.min_col): r for r in sheet.merged_cells.ranges}
    needed: dict[int, float] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            span = spans.get((cell.row, cell.column))
            first, last = (span.min_col, span.max_col) if span else (cell.column, cell.column)
            width = sum(widths(col) for col in range(first, last + 1))
            height = _height(cell, width)
            if span is not None and span.max_row > span.min_row:
                rows = range(span.min_row, span.max_row + 1)
                have = sum(_row_height(sheet, r) for r in rows)
                height = _row_height(sheet, span.max_row) + max(0.0, height - have)
                needed[span.max_row] = max(needed.get(span.max_row, 0.0), height)
            else:
                needed[cell.row] = max(needed.get(cell.row, 0.0), height)
    for number, height in needed.items():
        if height > _row_height(sheet, number):
            sheet.row_dimensions[number].height = round(height, 1)
            _to_top(sheet, number)


def _to_top(sheet: Worksheet, row: int) -> None:
    from openpyxl.styles import Alignment

    for cell in sheet[row]:
        if cell.value is None or cell.alignment.vertical is not None:
            continue
        old = cell.alignment
        cell.alignment = Alignment(
            horizontal=old.horizontal,
            vertical="top",
            wrap_text=old.wrap_text,
            shrink_to_fit=old.shrink_to_fit,
            indent=old.indent,
            text_rotation=old.text_rotation,
        )


def _widths(sheet: Worksheet) -> Any:
    from openpyxl.utils import get_column_letter

    dimensions = sheet.column_dimensions

    def width(col: int) -> float:
        letter = get_column_letter(col)
        found = dimensions[letter].width if letter in dimensions else None
        return float(found) if found else _DEFAULT_WIDTH

    return width


def _row_height(sheet: Worksheet, row: int) -> float:
    found = sheet.row_dimensions[row].height if row in sheet.row_dimensions else None
    return float(found) if found else LINE_HEIGHT


def _height(cell: Any, width: float) -> float:
    size = float(cell.font.size or 11) if cell.font is not None else 11.0
    scale = size / 11
    per_line = max(1, math.floor(width * CHARS_PER_WIDTH / scale) - 1)
    if cell.font is not None and cell.font.bold:
        per_line = max(1, math.floor(per_line * 0.92))
    return lines(cell.value, per_line) * LINE_HEIGHT * scale + _PADDING


def lines(text: str, per_line: int) -> int:
    r"""How many lines ``text`` takes when wrapped at ``per_line`` characters, word by word (a
    word longer than a line is broken).

    >>> lines("Mỗi ô mang ký hiệu", 10), lines("abcdefghijklmnopqrstuvwxy", 10), lines("a\n\nb", 5)
    (2, 3, 3)
    """
    count = 0
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        count += 1
        used = 0
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size <= per_line:
                used += 1 + size
                continue
            if used:
                count += 1  # the word starts a new line
            while size > per_line:
                count += 1
                size -= per_line
            used = size
    return count
