"""Formatted empty rows, dropped from a large sheet before it is parsed; and what follows a
sheet's rows (validations, page setup), which no reader needs.

Offices draw borders down long ranges: a sheet of 20,000 formatted rows holds megabytes of
``<row r="9"><c r="B9" s="3"/>...</row>`` that carry no value. A cell that holds anything (a
value, a formula, text, any child) is closed by ``</c>``; a row without one holds only
self-closing cells, which have no value, no formula and no text, and gives a reader nothing.
:func:`rows_with_content` keeps the rows that hold a ``</c>`` and drops the others, with a few
searches at C speed, so that formatted empty rows cost next to nothing where parsing them one
element at a time would cost seconds.

What follows the rows (``</sheetData>`` to the root's end tag: validations, merged cells, page
setup) holds no cell; when it is long it is dropped too (a LibreOffice sheet's validations are
half of it), so that it is not parsed.

Nothing is dropped unless that cannot change what is read: the part holds no comment, CDATA
section or processing instruction after its XML declaration (the only places where markup can
stand for text), the main namespace is bound to no prefix (so every cell and row is written
``<c``, ``<row``), the part has one ``sheetData``, and every row kept says its number (so that
no row's place is counted from rows dropped). Rows are kept whole, so cells keep their columns.
"""

from __future__ import annotations

import re

from .vet import MAIN_NS

#: Sheets smaller than this keep their empty rows (dropping them costs more than parsing them).
STRIP_FROM = 1024 * 1024
#: What follows the rows is dropped when it is at least this long: LibreOffice writes each
#: cell's validation there, half of a submission's sheet.
TAIL_FROM = 2048

_NUMBERED_ROW = re.compile(rb'<row r="[1-9][0-9]{0,6}"[\s/>]')
_MAIN = MAIN_NS.encode()


def rows_with_content(data: bytes) -> bytes | None:
    """``data`` with only what a reader of cells needs: what comes before the rows, the rows
    (of a large part, only those that hold a cell with content: see the module) and the
    closing tags, without what follows the rows; None when there is nothing to gain or it
    cannot be done safely (then the part is read as it is)."""
    big = len(data) >= STRIP_FROM
    if len(data) < TAIL_FROM or not _plain(data):
        return None
    start = data.find(b"<sheetData")
    if start < 0 or data.find(b"<sheetData", start + 1) >= 0:
        return None
    opened = data.find(b">", start) + 1
    close = data.find(b"</sheetData>", opened)
    end = data.rfind(b"</")  # the root's end tag: nothing but elements follows the rows
    if opened == 0 or close < 0 or end <= close or data[opened - 2 : opened] == b"/>":
        return None
    if not big:
        if end - close < TAIL_FROM:
            return None
        return data[: close + len(b"</sheetData>")] + data[end:]
    pieces = [data[:opened]]
    at = opened
    while (mark := data.find(b"</c>", at, close)) >= 0:
        row_start = data.rfind(b"<row", at, mark)
        row_end = data.find(b"</row>", mark, close)
        if row_start < 0 or row_end < 0 or not _NUMBERED_ROW.match(data, row_start):
            return None
        at = row_end + len(b"</row>")
        pieces.append(data[row_start:at])
    pieces.append(b"</sheetData>")
    pieces.append(data[end:])
    return b"".join(pieces)


def _plain(data: bytes) -> bool:
    """No comment, CDATA or processing instruction after the declaration; no prefix bound to
    the main namespace."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith(b"<?xml", start):
        start = data.find(b"?>", start) + 2
        if start < 2:
            return False
    if data.find(b"<!", start) >= 0 or data.find(b"<?", start) >= 0:
        return False
    at = data.find(_MAIN)
    while at >= 0:
        if not data[max(0, at - 8) : at].endswith(b'xmlns="'):
            return False
        at = data.find(_MAIN, at + len(_MAIN))
    return True
