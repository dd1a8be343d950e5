"""A submission's date: Ngày lập on the sheet, else received.csv, else the file's time (days
only, read in Vietnam's time whatever the machine's zone)."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cantho_kpi.submissions import discover, parse_day, read_submission
from cantho_kpi.targets import TargetsFile

from .factories import META, workbook_rows, write_xlsx

ROWS = [("CT01", "GRDP", 7.8, None)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("05/07/2024", date(2024, 7, 5)),
        ("5/7/2024", date(2024, 7, 5)),
        ("05-07-2024", date(2024, 7, 5)),
        ("05.07.2024", date(2024, 7, 5)),
        ("2024-07-05", date(2024, 7, 5)),  # a date cell, as the readers give it
        ("2024-07-05 16:30:00", date(2024, 7, 5)),  # the time is dropped
        ("Cần Thơ, ngày 05 tháng 7 năm 2024", date(2024, 7, 5)),
        ("31/02/2024", None),
        ("07/2024", None),
        ("hôm qua", None),
    ],
)
def test_parse_day(text: str, day: date | None) -> None:
    assert parse_day(text) == day


def _file(tmp_path: Path, name: str = "NK_2024-Q2.xlsx", day: object = None) -> Path:
    meta = [*META, ("Ngày lập:", day)] if day is not None else list(META)
    return write_xlsx(tmp_path / name, workbook_rows(ROWS, meta=meta))


def test_ngay_lap_on_the_sheet_wins(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path, day="19/07/2024")
    (tmp_path / "received.csv").write_text("file,date\nNK_2024-Q2.xlsx,25/07/2024\n")
    sub = read_submission(path, targets)
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 19), "sheet")


def test_a_date_cell_is_read(tmp_path: Path, targets: TargetsFile) -> None:
    sub = read_submission(_file(tmp_path, day=datetime(2024, 7, 19)), targets)
    assert sub.submitted_on == date(2024, 7, 19)


def test_received_log_when_the_sheet_has_no_date(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path)
    (tmp_path / "received.csv").write_text("\ufefffile;date\nNK_2024-Q2.xlsx;2024-07-25\n")
    sub = read_submission(path, targets)
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 25), "received-log")
    assert discover([tmp_path]) == [path]  # the log is not a submission


def test_bad_log_line_is_a_warning_then_file_time(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path)
    (tmp_path / "received.csv").write_text("file,date\nNK_2024-Q2.xlsx,soon\n")
    sub = read_submission(path, targets)
    assert sub.date_source == "file-time"
    issue = next(i for i in sub.issues if i.code == "bad-received-date")
    assert str(issue.location).endswith("received.csv:2:2")
    assert sub.valid


def test_unreadable_ngay_lap_is_a_warning(tmp_path: Path, targets: TargetsFile) -> None:
    sub = read_submission(_file(tmp_path, day="hôm qua"), targets)
    assert "bad-date" in {i.code for i in sub.issues}
    assert sub.date_source == "file-time"


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Asia/Tokyo"])
def test_file_time_is_a_day_in_vietnam(
    tmp_path: Path, targets: TargetsFile, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path)
    # 20/07/2024 18:30 UTC is 21/07/2024 01:30 in Cần Thơ
    moment = datetime(2024, 7, 20, 18, 30, tzinfo=UTC).timestamp()
    os.utime(path, (moment, moment))
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        sub = read_submission(path, targets)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 21), "file-time")


def test_sample_files_give_their_ngay_lap(targets: TargetsFile) -> None:
    root = Path(__file__).resolve().parent.parent / "data" / "submissions"
    sub = read_submission(root / "2024-Q2" / "NK_2024-Q2.xlsx", targets)
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 5), "sheet")


def test_a_log_that_is_not_utf8_is_said(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path)
    (tmp_path / "received.csv").write_bytes(
        "file,date\nNK_2024-Q2.xlsx,05/07/2024 ngày\xe0\n".encode("latin-1")
    )
    sub = read_submission(path, targets)
    assert "bad-received-log" in {i.code for i in sub.issues}
    assert sub.date_source == "file-time"
    assert sub.valid


def test_a_broken_file_still_has_its_date(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "NK_2024-Q2.xlsx"
    path.write_bytes(b"not a workbook")
    (tmp_path / "received.csv").write_text("file,date\nNK_2024-Q2.xlsx,21/07/2024\n")
    sub = read_submission(path, targets)
    assert not sub.valid
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 21), "received-log")
