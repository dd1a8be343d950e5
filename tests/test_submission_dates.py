"""A submission's days: Ngày lập on the sheet (the day it was written), the office's log (the
day it was received), the file's time (a hint that decides nothing); days only, read in
Vietnam's time whatever the machine's zone. Timeliness is judged on the day of receipt."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cantho_kpi.report import Report, Timeliness, evaluate, report_timeliness
from cantho_kpi.submissions import discover, parse_day, read_submission, received_logs
from cantho_kpi.targets import TargetsFile

from .factories import META, workbook_rows, write_xlsx

ROWS = [("CT01", "GRDP", 7.8, None)]
DEADLINE = date(2024, 7, 20)
TODAY = date(2025, 3, 1)


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


def _evaluate(targets: TargetsFile, *paths: Path, today: date | None = TODAY) -> Report:
    subs = [read_submission(p, targets) for p in paths]
    logs = received_logs(list(paths))
    return evaluate(targets, subs, targets_file="t", logs=logs, today=today)


def test_the_log_gives_the_day_of_receipt(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path, day="19/07/2024")
    (tmp_path / "received.csv").write_text("file,date\nNK_2024-Q2.xlsx,25/07/2024\n")
    sub = read_submission(path, targets)
    assert (sub.written_on, sub.date_source) == (date(2024, 7, 19), "sheet")  # as read
    settled = _evaluate(targets, path).submissions[0]
    assert (settled.submitted_on, settled.date_source) == (date(2024, 7, 25), "received-log")
    assert report_timeliness(DEADLINE, settled) == (Timeliness.LATE, 5)  # received late


def test_written_after_the_deadline_is_late_by_at_least_that(
    tmp_path: Path, targets: TargetsFile
) -> None:
    sub = _evaluate(targets, _file(tmp_path, day="23/07/2024")).submissions[0]
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 23), "sheet")
    assert report_timeliness(DEADLINE, sub) == (Timeliness.LATE, 3)


def test_written_before_the_deadline_with_no_log_is_unknown(
    tmp_path: Path, targets: TargetsFile
) -> None:
    sub = _evaluate(targets, _file(tmp_path, day="10/07/2024")).submissions[0]
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 10), "sheet")
    assert report_timeliness(DEADLINE, sub) == (Timeliness.UNKNOWN, 0)


def test_no_date_at_all_is_unknown_whatever_the_file_time(
    tmp_path: Path, targets: TargetsFile
) -> None:
    path = _file(tmp_path)
    moment = datetime(2025, 9, 1, 12, tzinfo=UTC).timestamp()  # copied long after
    os.utime(path, (moment, moment))
    sub = _evaluate(targets, path).submissions[0]
    assert sub.file_time == date(2025, 9, 1)  # kept, as a hint
    assert (sub.submitted_on, sub.date_source) == (None, "unknown")
    assert report_timeliness(DEADLINE, sub) == (Timeliness.UNKNOWN, 0)  # never late


def test_a_date_cell_is_read(tmp_path: Path, targets: TargetsFile) -> None:
    sub = read_submission(_file(tmp_path, day=datetime(2024, 7, 19)), targets)
    assert sub.written_on == date(2024, 7, 19)
    assert str(sub.written_at) == f"{tmp_path / 'NK_2024-Q2.xlsx'}!BaoCao!B4"


def test_received_log_when_the_sheet_has_no_date(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path)
    (tmp_path / "received.csv").write_text("\ufefffile;date\nNK_2024-Q2.xlsx;2024-07-25\n")
    sub = _evaluate(targets, path).submissions[0]
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 25), "received-log")
    assert discover([tmp_path]) == [path]  # the log is not a submission


def test_a_bad_log_line_is_the_logs_problem(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path)
    (tmp_path / "received.csv").write_text("file,date\nNK_2024-Q2.xlsx,soon\n")
    report = _evaluate(targets, path)
    sub = report.submissions[0]
    assert sub.date_source == "unknown"
    assert sub.issues == []  # never pinned on the submission
    [log] = report.received_logs
    assert [(i.code, str(i.location)) for i in log.issues] == [
        ("bad-received-date", f"{tmp_path / 'received.csv'}:2")
    ]


def test_unreadable_ngay_lap_is_a_warning(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _evaluate(targets, _file(tmp_path, day="hôm qua")).submissions[0]
    assert "bad-date" in {i.code for i in sub.issues}
    assert (sub.submitted_on, sub.date_source) == (None, "unknown")


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
    assert sub.file_time == date(2024, 7, 21)
    assert (sub.submitted_on, sub.date_source) == (None, "unknown")


def test_sample_files_give_their_ngay_lap(targets: TargetsFile) -> None:
    root = Path(__file__).resolve().parent.parent / "data" / "submissions"
    sub = read_submission(root / "2024-Q2" / "NK_2024-Q2.xlsx", targets)
    # the half-year round is reported as estimates, written before the June review
    assert (sub.written_on, sub.date_source) == (date(2024, 6, 14), "sheet")


def test_a_log_that_is_not_utf8_is_said(tmp_path: Path, targets: TargetsFile) -> None:
    path = _file(tmp_path)
    (tmp_path / "received.csv").write_bytes(
        "file,date\nNK_2024-Q2.xlsx,05/07/2024 ngày\xe0\n".encode("latin-1")
    )
    report = _evaluate(targets, path)
    sub = report.submissions[0]
    assert [i.code for log in report.received_logs for i in log.issues] == ["bad-received-log"]
    assert sub.date_source == "unknown"
    assert sub.valid
    assert sub.issues == []


def test_a_broken_file_still_has_its_day_of_receipt(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "NK_2024-Q2.xlsx"
    path.write_bytes(b"not a workbook")
    (tmp_path / "received.csv").write_text("file,date\nNK_2024-Q2.xlsx,21/07/2024\n")
    sub = _evaluate(targets, path).submissions[0]
    assert not sub.valid
    assert (sub.submitted_on, sub.date_source) == (date(2024, 7, 21), "received-log")


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("30/12/2023", "before 2024, the year of the file's round"),
        ("01/06/2099", "after today (01/03/2025)"),
    ],
)
def test_an_implausible_ngay_lap_is_a_warning_and_not_used(
    tmp_path: Path, targets: TargetsFile, written: str, why: str
) -> None:
    sub = _evaluate(targets, _file(tmp_path, day=written)).submissions[0]
    [issue] = [i for i in sub.issues if i.code == "implausible-date"]
    assert why in issue.message
    assert str(issue.location).endswith("NK_2024-Q2.xlsx!BaoCao!B4")  # the cell
    assert (sub.written_on, sub.submitted_on, sub.date_source) == (None, None, "unknown")


def test_an_estimate_written_before_its_period_ends_is_plausible(
    tmp_path: Path, targets: TargetsFile
) -> None:
    """ "Ước thực hiện 6 tháng" is routinely written in June, before the half year ends."""
    sub = _evaluate(targets, _file(tmp_path, day="14/06/2024")).submissions[0]
    assert not any(i.code == "implausible-date" for i in sub.issues)
    assert sub.submitted_on == date(2024, 6, 14)
