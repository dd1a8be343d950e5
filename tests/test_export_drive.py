"""`kpi export` with the drive file: the sheets Xếp hạng thi đua and Thời hạn nộp hold the same
ranking and calendar as `kpi rank` and `kpi check`, and the same input gives the same bytes."""

from __future__ import annotations

import json
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
    assert kpi("export", Q4, "-o", str(out)).exit_code == EXIT_FINDINGS
    book = load_workbook(out)
    assert book.sheetnames[-2:] == ["Xếp hạng thi đua", "Thời hạn nộp"]
    ranking = json.loads(kpi("rank", Q4, "-f", "json").stdout)
    rows = list(book["Xếp hạng thi đua"].iter_rows(min_row=2, values_only=True))
    expected = [
        (c["name"], s["rank"], s["unit_code"], s["score"], "Có" if s["proposed"] else None)
        for c in ranking["clusters"]
        for s in c["ranking"]
    ]
    assert [(r[0], r[1], r[2], r[4], r[14]) for r in rows] == expected
    times = {(r[0], r[2]): r for r in book["Thời hạn nộp"].iter_rows(min_row=2, values_only=True)}
    sent = datetime(2025, 1, 24)
    assert times["NK", "2024"][4:8] == (sent, "Trễ 4 ngày", 4, "NK_2024-Q4_v2.xlsx")
    assert times["VT", "Văn bản phát động"][5] == "Chưa nhận"
    again = tmp_path / "again.xlsx"
    kpi("export", Q4, "-o", str(again))
    assert again.read_bytes() == out.read_bytes()
