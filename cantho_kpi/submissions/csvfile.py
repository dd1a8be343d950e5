"""CSV submissions -> the same raw cells as a workbook (every cell text).

``code,value[,note]`` with ``unit_code`` and ``period`` as columns or from the file name; UTF-8
with or without BOM; comma or semicolon separated (Excel uses ``;`` where the decimal mark
is a comma, as in Vietnam).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import KpiError
from .xlsx import CellKind, RawCell, checked_size, open_error

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
                    cells.append(RawCell(row_number, col_number, CellKind.TEXT, value))
    except csv.Error as exc:
        raise KpiError.about(
            display,
            "bad-csv",
            f"not a readable CSV file ({exc})",
            f"không đọc được tệp CSV ({exc})",
        ) from None
    return cells


def _read(path: Path, display: str) -> str:
    try:
        checked_size(path, display, MAX_CSV_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        raise open_error(display, exc) from None
    if not raw.strip():
        raise KpiError.about(display, "empty-file", "the file is empty", "tệp rỗng")
    if raw.startswith(b"PK\x03\x04"):
        raise KpiError.about(
            display,
            "not-csv",
            "is a workbook (zip) with a .csv name; rename it to .xlsx",
            "là sổ tính (tệp nén) mang đuôi .csv; hãy đổi đuôi thành .xlsx",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = f"0x{raw[exc.start]:02x}"
        raise KpiError.about(
            display,
            "not-utf8",
            f"line {line} is not UTF-8 (byte {byte}); save the CSV as 'CSV UTF-8'",
            f"dòng {line} không phải mã UTF-8 (byte {byte}); hãy lưu tệp dạng 'CSV UTF-8'",
        ) from None
