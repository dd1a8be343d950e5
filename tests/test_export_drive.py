"""`kpi export` with the drive file: the sheets Xếp hạng thi đua and Thời hạn nộp hold the same
ranking and calendar as `kpi rank` and `kpi check`, and the same input gives the same bytes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS

Kpi = Callable[..., Result]
Q4 = "data/submissions/2024-Q4"


def test_drive_sheets(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "tong-hop_2024-Q4.xlsx"
    assert kpi("export", Q4, "-o", str(out), "--as-of", "2025-01-27").exit_code == EXIT_FINDINGS
    book = load_workbook(out)
    assert book.sheetnames[-2:] == ["Xếp hạng thi đua", "Thời hạn nộp"]
    ranking = json.loads(kpi("rank", Q4, "-f", "json", "--as-of", "2025-01-27").stdout)
    sheet = book["Xếp hạng thi đua"]
    expected = [
        (c["name"], s["rank"], s["unit_code"], s["score"], "Có" if s["candidate"] else None)
        for c in ranking["clusters"]
        for s in c["ranking"]
    ]
    rows = list(sheet.iter_rows(min_row=2, max_row=len(expected) + 1, values_only=True))
    assert [(r[0], r[1], r[2], r[4], r[14]) for r in rows] == expected
    assert sheet.cell(1, 15).value == "Ứng viên (tham khảo)"
    # under the table, a blank row, then whose rule the scores follow, and the awards given
    notes = [sheet.cell(r, 1).value for r in range(len(expected) + 3, sheet.max_row + 1)]
    assert notes[0].startswith("Điểm, trừ điểm và điều kiện ứng viên là quy định của tệp ")
    assert notes[0].endswith("không phải của Kế hoạch 33/KH-UBND.")
    assert notes[1].startswith("Đã được khen: SYT Sở Y tế: Bằng khen")
    times = {(r[0], r[2]): r for r in book["Thời hạn nộp"].iter_rows(min_row=2, values_only=True)}
    sent = datetime(2025, 1, 24)
    assert times["NK", "2024"][4:8] == (sent, "Trễ 4 ngày", 4, "NK_2024-Q4_v2.xlsx")
    assert times["BTCTU", "2024"][4:6] == (datetime(2025, 1, 6), "Chưa rõ ngày nhận")
    assert times["VT", "Văn bản phát động"][5] == "Chưa nhận"
    again = tmp_path / "again.xlsx"
    kpi("export", Q4, "-o", str(again), "--as-of", "2025-01-27")
    assert again.read_bytes() == out.read_bytes()


def test_an_unreadable_file_counts_invalid_in_the_export(kpi: Kpi, tmp_path: Path) -> None:
    """A unit whose only file cannot be read has every target it is asked for invalid, in
    the ranking and the workbook alike (not all counts 0)."""
    folder = tmp_path / "2024-Q4"
    folder.mkdir()
    for path in Path(Q4).glob("*"):
        shutil.copy2(path, folder / path.name)
    (folder / "SYT_2024-Q4.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    ranking = json.loads(kpi("rank", str(folder), "-f", "json").stdout)
    syt = next(s for c in ranking["clusters"] for s in c["ranking"] if s["unit_code"] == "SYT")
    assert syt["counts"]["invalid"] == 2  # CT12 and CT13, the targets asked of it
    assert syt["deductions"]["invalid_file"] == 0.2
    out = tmp_path / "out.xlsx"
    kpi("export", str(folder), "-o", str(out))
    sheet = load_workbook(out)["Xếp hạng thi đua"]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "SYT")
    assert row[6:12] == (0, 0, 0, 0, 0, 2)  # ▲ ✓ ≈ ✗ · !
