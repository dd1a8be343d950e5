"""The raw cells a workbook reader hands to the submission reader. Pure.

Both readers (the lean one in :mod:`.lean` and the openpyxl one in :mod:`.fallback`)
produce these, so the rest of the code does not care which one read the file, and a test can
prove they agree cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple, Protocol

from ...domain import from_binary, plain


class CellKind(StrEnum):
    NUMBER = "number"
    TEXT = "text"
    BOOL = "bool"
    ERROR = "error"  # an Excel error value such as #DIV/0!
    DATE = "date"  # a number shown as a date or time
    FORMULA = "formula"  # a formula with no cached value


class RawCell(NamedTuple):
    """One non-empty cell (a named tuple: millions are made, so they must be cheap)."""

    row: int  # 1-based
    col: int  # 1-based
    kind: CellKind
    value: Decimal | str | bool | None
    number_format: str = "General"

    @property
    def ref(self) -> str:
        return f"{column_letter(self.col)}{self.row}"


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    state: str  # visible, hidden, veryHidden
    part: str = ""  # the zip member holding the sheet, for the lean reader

    @property
    def visible(self) -> bool:
        return self.state == "visible"


class Book(Protocol):
    """An opened workbook: its sheets, and the non-empty cells of one sheet."""

    @property
    def sheets(self) -> list[SheetInfo]: ...

    def cells(self, sheet: SheetInfo, max_row: int | None = None) -> list[RawCell]: ...

    def close(self) -> None: ...


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")


def split_ref(ref: str) -> tuple[int, int] | None:
    """``"D12"`` -> ``(12, 4)``; ``None`` for anything else."""
    match = _REF.fullmatch(ref)
    if match is None:
        return None
    col = 0
    for letter in match[1]:
        col = col * 26 + ord(letter) - 64
    return int(match[2]), col


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_escapes(text: str) -> str:
    """Decode OOXML's ``_xHHHH_`` escapes as Excel does: ``_x000D_`` is a carriage return,
    ``_x005F_`` an underscore (so ``_x005F_x000D_`` stays as typed). Escaped UTF-16 halves
    pair up; a lone one becomes U+FFFD.

    >>> decode_escapes("Giá trị_x000D_\\nthực hiện"), decode_escapes("_x005F_x000D_")
    ('Giá trị\\r\\nthực hiện', '_x000D_')
    """
    if "_x" not in text:
        return text
    decoded = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


# Number formats -------------------------------------------------------------------------

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DATE_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHARS = re.compile(r"(?<![_\\])[dmhysDMHYS]")


@lru_cache(maxsize=1024)
def is_percent_format(fmt: str) -> bool:
    """A format whose ``%`` scales the value by 100 (``0.0%``), not a literal (``0.0"%"``)."""
    first = fmt.split(";")[0]
    return "%" in _QUOTED.sub("", first)


@lru_cache(maxsize=1024)
def is_date_format(fmt: str) -> bool:
    """The same test openpyxl applies when it turns a number into a date."""
    first = fmt.split(";")[0]
    return _DATE_CHARS.search(_DATE_STRIP.sub("", first)) is not None


#: A decimal of at most 15 digits: Excel and a float keep every one of them (DBL_DIG is 15).
_SHORT_DECIMAL = re.compile(r"-?(?=[0-9.]{2,16}$)[0-9]+\.[0-9]+")


def cast_number(text: str) -> Decimal:
    """A stored number as openpyxl casts it (int, else float), then as Excel shows it.

    ``inf`` and ``nan``, which no spreadsheet program writes, come back as such for the caller
    to report; other text raises ValueError.
    """
    if _SHORT_DECIMAL.fullmatch(text):  # at most 15 digits: the float would give them back
        value = Decimal(text)
        return plain(value) if value else Decimal(0)
    if "." in text or "E" in text or "e" in text:
        return from_binary(float(text))
    try:
        return Decimal(int(text))
    except ValueError:
        return from_binary(float(text))


def serial_to_text(serial: Decimal, date1904: bool = False) -> str:
    """An Excel date serial as ISO text (date, date and time, or a time of day), computed as
    openpyxl computes it. ValueError or OverflowError for a serial outside the calendar
    (negative, or past 9999-12-31)."""
    value = float(serial)
    if not value >= 0:
        raise ValueError("a date before the calendar")
    day, fraction = divmod(value, 1)
    diff = timedelta(milliseconds=round(fraction * 86_400_000))
    if value < 1 and diff.days == 0:
        return str((datetime.min + diff).time())
    if value < 60 and not date1904:
        day += 1  # Excel's 1900-02-29, which never was
    base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    return date_text(base + timedelta(days=day) + diff)


def date_text(moment: datetime) -> str:
    moment = moment.replace(microsecond=0)
    if moment.hour == moment.minute == moment.second == 0:
        return moment.date().isoformat()
    return moment.isoformat(sep=" ")


#: The built-in number formats of ECMA-376 (ids below 164 that need no declaration).
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
