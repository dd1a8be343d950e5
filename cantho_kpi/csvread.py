"""CSV submissions -> the same raw cells as a workbook (every cell text).

``code,value[,note]`` with ``unit_code`` and ``period`` as columns or from the file name; UTF-8
with or without BOM; comma or semicolon separated (Excel uses ``;`` where the decimal mark
is a comma, as in Vietnam).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .cells import Kind, RawCell
from .errors import KpiError

MAX_CSV_BYTES = 5 * 1024 * 1024


def read_csv_cells(path: Path, display: str) -> list[RawCell]:
    text = _read(path, display)
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    cells: list[RawCell] = []
    try:
        for row_number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            for col_number, value in enumerate(row, 1):
                if value.strip():
                    cells.append(RawCell(row_number, col_number, Kind.TEXT, value))
    except csv.Error as exc:
        raise KpiError(f"{display}: not a readable CSV file ({exc})", code="bad-csv") from None
    return cells


def _read(path: Path, display: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise KpiError(
                f"{display}: the file is {size:,} bytes; a CSV submission may be at most "
                f"{MAX_CSV_BYTES:,}",
                code="file-too-large",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KpiError(f"{display}: no such file", code="file-not-found") from None
    except IsADirectoryError:
        raise KpiError(f"{display}: is a folder, not a file", code="not-a-file") from None
    except PermissionError:
        raise KpiError(f"{display}: permission denied", code="unreadable") from None
    if not raw.strip():
        raise KpiError(f"{display}: the file is empty", code="empty-file")
    if raw.startswith(b"PK\x03\x04"):
        raise KpiError(
            f"{display}: is a workbook (zip) with a .csv name; rename it to .xlsx",
            code="not-csv",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KpiError(
            f"{display}: line {line} is not UTF-8 (byte 0x{raw[exc.start]:02x}); save the CSV "
            "as 'CSV UTF-8'",
            code="not-utf8",
        ) from None
