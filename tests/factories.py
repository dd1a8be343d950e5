"""Factories that build submission files in tmp_path: workbooks, CSV files, hostile zips."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

META = (
    ("Đơn vị:", "Quận Ninh Kiều"),
    ("Mã đơn vị:", "NK"),
    ("Kỳ báo cáo:", "Quý 2/2024"),
)
HEADER = ("Mã chỉ tiêu", "Tên chỉ tiêu", "Giá trị thực hiện", "Ghi chú")


def workbook_rows(
    data: Iterable[Sequence[Any]],
    meta: Iterable[Sequence[Any]] = META,
    header: Sequence[Any] = HEADER,
    blank_rows: int = 1,
) -> list[list[Any]]:
    """Sheet rows: metadata, blank rows, the header, then the data rows."""
    rows: list[list[Any]] = [list(m) for m in meta]
    rows += [[] for _ in range(blank_rows)]
    rows.append(list(header))
    rows += [list(r) for r in data]
    return rows


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "BaoCao",
    formats: dict[str, str] | None = None,
    extra_sheets: Iterable[tuple[str, str, Iterable[Sequence[Any]]]] = (),
) -> Path:
    """A workbook whose first sheet holds ``rows``; ``formats`` maps cells to number formats;
    ``extra_sheets`` are (name, state, rows) added after it."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    for name, state, extra in extra_sheets:
        other = book.create_sheet(name)
        other.sheet_state = state  # type: ignore[assignment]
        for row in extra:
            other.append(list(row))
    book.save(path)
    return path


def rewrite_zip(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing or adding (bytes) or dropping (None) the named parts."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in change:
                new.writestr(info, old.read(info))
        for name, data in change.items():
            if data is not None:
                new.writestr(name, data)
    return target


def set_declared_size(path: Path, part: str, size: int) -> None:
    """Patch the central directory so ``part`` claims ``size`` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            path.write_bytes(bytes(data))
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"no part {part}")


def read_checked(path: Path, targets: Any, display: str | None = None) -> Any:
    """Read a submission with the lean reader and with openpyxl, assert that both give the same
    result (values, percent flags, locations, issues), and return it.

    Every workbook the submission tests build goes through here, so the differential test of
    the fast reader covers the whole corpus. Where the lean reader declines (Unusual), the
    automatic path must equal openpyxl's. Where openpyxl cannot read a file at all (a
    ``<v>inf</v>`` cell makes it raise), the lean reader may do better, and that is checked by
    the test that built the file.
    """
    from cantho_kpi.submissions import read_submission
    from cantho_kpi.submissions.xlsx import Unusual

    same_cells_streamed(path)
    reference = read_submission(path, targets, display, engine="openpyxl")
    try:
        fast = read_submission(path, targets, display, engine="lean")
    except Unusual:
        fast = read_submission(path, targets, display, engine="auto")
    if [i.code for i in reference.issues] == ["unreadable-workbook"]:
        return fast
    assert fast == reference
    # every problem a clerk may read is said in Vietnamese too
    assert all(issue.message_vi for issue in fast.issues), fast.issues
    return fast


def same_cells_streamed(path: Path) -> int:
    """Read every sheet of ``path`` every way the lean reader can (as a tree, as a stream, and
    as it does: without what no reader needs) and assert the same cells (compared by their
    repr: NaN is not NaN), or the same refusal; the number of sheets compared (0 when the file
    is not a sane container)."""
    from cantho_kpi.errors import KpiError
    from cantho_kpi.submissions.xlsx import LeanBook, Malformed, Unusual, vet_xlsx
    from cantho_kpi.submissions.xlsx.sheet import _tree_cells, sheet_cells
    from cantho_kpi.submissions.xlsx.stream import stream_cells

    def trimmed(book: Any, data: bytes, max_row: int | None) -> Any:  # as the reader reads
        return sheet_cells(book, data, "", max_row)

    try:
        book = LeanBook(vet_xlsx(path, path.name))
    except (KpiError, Malformed, Unusual):
        return 0
    compared = 0
    for sheet in book.sheets:
        data = book._parts.get(sheet.part)
        if data is None:
            continue
        for max_row in (None, 30):
            both = []
            for read in (_tree_cells, stream_cells, trimmed):
                try:
                    both.append(read(book, data, max_row))
                except (Malformed, Unusual) as exc:
                    both.append((type(exc).__name__, str(exc)))
            assert repr(both[0]) == repr(both[1]) == repr(both[2]), (path, sheet, max_row)
        compared += 1
    return compared
