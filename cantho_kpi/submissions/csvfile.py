"""CSV submissions -> the same raw cells as a workbook (every cell text).

The layout is the workbook's, cell for cell: optional labels above the header ("Mã đơn vị:",
"Kỳ báo cáo:"), a header row naming the code and value columns as the template does ("Mã chỉ
tiêu", "Giá trị thực hiện"; or ``code``, ``value``), ``unit_code`` and ``period`` as columns, or
both taken from the file name. Separators: ``,``, ``;`` (Excel's choice where the decimal mark
is a comma, as in Vietnam) or a tab (Excel's "Unicode Text"). Encodings, as offices save them:
UTF-8 with or without BOM, UTF-16 with its BOM, else Windows-1258 or Windows-1252, decided by
which one reads as Vietnamese (see :func:`decode`); the last three are named in a warning.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..catalog import Said, both
from ..errors import Issue, KpiError, Location, Severity
from ..files import read_regular
from .xlsx import CellKind, RawCell

MAX_CSV_BYTES = 5 * 1024 * 1024
#: Letters only Vietnamese uses, which Windows-1252 would read otherwise: ă đ ơ ư and the
#: letters with tone marks of U+1EA0 to U+1EF9 (â ê ô and á à é are French too).
# not a message: letters, to recognise a text's encoding
_VIETNAMESE = set("ăđơưĂĐƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}
NAMES = {"utf-16": "UTF-16", "cp1258": "Windows-1258", "cp1252": "Windows-1252"}


@dataclass(frozen=True, slots=True)
class CsvCells:
    cells: list[RawCell]
    encoding: str  # "utf-8", "utf-16", "cp1258" or "cp1252"


def read_csv_cells(path: Path, display: str) -> CsvCells:
    text, encoding = decode(_read(path, display), display)
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample else ""
    delimiter = max((",", ";", "\t"), key=first_line.count)
    cells: list[RawCell] = []
    try:
        for row_number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            for col_number, value in enumerate(row, 1):
                if value.strip():
                    cells.append(RawCell(row_number, col_number, CellKind.TEXT, value))
    except csv.Error as exc:
        raise KpiError.about(
            display,
            "bad-csv",
            both("not a readable CSV file ({error})", error=exc),
        ) from None
    return CsvCells(cells, encoding)


def encoding_issue(display: str, encoding: str) -> Issue | None:
    """A warning naming the encoding a CSV file was read in, when it was not UTF-8."""
    if encoding == "utf-8":
        return None
    name = NAMES[encoding]
    return Issue.said(
        "csv-encoding",
        both(
            "read as {name}, not UTF-8; check the Vietnamese letters, and save "
            "as 'CSV UTF-8' next time to be sure",
            name=name,
        ),
        Location(display),
        Severity.WARNING,
    )


def decode(raw: bytes, display: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in (NFC, without BOM)."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", display), "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", display), "utf-16"
    if b"\x00" in raw:
        why = both("it has NUL bytes (UTF-16 without a BOM, or not text)")
        raise _not_text(display, why)
    try:
        return unicodedata.normalize("NFC", raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = {}
    for encoding in ("cp1258", "cp1252"):
        try:
            readings[encoding] = unicodedata.normalize("NFC", raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not readings:
        why = both("it is neither UTF-8, UTF-16, Windows-1258 nor Windows-1252")
        raise _not_text(display, why)
    vietnamese = readings.get("cp1258")
    if vietnamese is not None and (_plausible(vietnamese) or "cp1252" not in readings):
        return vietnamese, "cp1258"
    return readings["cp1252"], "cp1252"


def _plausible(text: str) -> bool:
    """Windows-1258 text reads as Vietnamese: some letter only Vietnamese uses, and no tone mark
    left over that did not combine with its letter."""
    marks = any(unicodedata.combining(ch) for ch in text)
    return not marks and any(ch in _VIETNAMESE for ch in text)


def _strict(raw: bytes, encoding: str, display: str) -> str:
    try:
        return unicodedata.normalize("NFC", raw.decode(encoding)).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        why = both("line {line} is not valid {encoding}", line=line, encoding=encoding.upper())
        raise _not_text(display, why) from None


def _not_text(display: str, why: Said) -> KpiError:
    return KpiError.about(
        display,
        "not-utf8",
        both("cannot be read as text: {why}; save the CSV as 'CSV UTF-8'", why=why),
    )


def _read(path: Path, display: str) -> bytes:
    what = both("a CSV submission")
    raw = read_regular(path, display, MAX_CSV_BYTES, what)
    if not raw.strip():
        raise KpiError.about(display, "empty-file", both("the file is empty"))
    if raw.startswith(b"PK\x03\x04"):
        raise KpiError.about(
            display,
            "not-csv",
            both("is a workbook (zip) with a .csv name; rename it to .xlsx"),
        )
    return raw
