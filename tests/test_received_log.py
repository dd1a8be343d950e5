"""The office's incoming log, received.csv, read strictly: a header line, the delimiter
detected among ``,`` ``;`` and a tab, every line that cannot be used a warning naming
``received.csv:LINE``, conflicting lines named both (the earliest day stands), implausible days
left out; a problem of the log is the log's, never a submission's, in `kpi check` as in
`kpi chase`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS
from cantho_kpi.report import evaluate
from cantho_kpi.submissions import read_submission, received_logs
from cantho_kpi.submissions.dates import received_log
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT
from .factories import META, workbook_rows, write_xlsx

Kpi = Callable[..., Result]
ROWS = [("CT01", "GRDP", 7.8, None)]


def _log(tmp_path: Path, text: str) -> list[tuple[str, int | None]]:
    (tmp_path / "received.csv").write_text(text, encoding="utf-8")
    found = received_log(tmp_path)
    assert found is not None
    return [(i.code, i.location.line) for i in found.issues]


def _days(tmp_path: Path) -> dict[str, list[tuple[date, int]]]:
    found = received_log(tmp_path)
    assert found is not None
    return {name: [(e.day, e.line) for e in rows] for name, rows in found.entries.items()}


@pytest.mark.parametrize(
    "text",
    [
        "file,date\nNK_2024-Q2.xlsx,25/07/2024\n",
        "file;date\nNK_2024-Q2.xlsx;25/07/2024\n",
        "file\tdate\nNK_2024-Q2.xlsx\t25/07/2024\n",
        "Ngày nhận;Tên tệp;Ghi chú\n25/07/2024;NK_2024-Q2.xlsx;bản giấy\n",  # any order
        '"file","date"\n"NK_2024-Q2.xlsx","2024-07-25"\n\n',
    ],
    ids=["comma", "semicolon", "tab", "vietnamese-header", "quoted"],
)
def test_delimiters_and_headers(tmp_path: Path, text: str) -> None:
    assert _log(tmp_path, text) == []
    assert _days(tmp_path) == {"NK_2024-Q2.xlsx": [(date(2024, 7, 25), 2)]}


def test_no_header_line_is_said_and_the_log_is_not_used(tmp_path: Path) -> None:
    assert _log(tmp_path, "NK_2024-Q2.xlsx,25/07/2024\n") == [("bad-received-log", 1)]
    assert _days(tmp_path) == {}


def test_every_line_that_cannot_be_used_is_named(tmp_path: Path) -> None:
    text = (
        "file,date\n"
        "NK_2024-Q2.xlsx,25/07/2024\n"
        'BT_2024-Q2.xlsx,"25/07/2024\n'  # an unclosed quote
        "CR_2024-Q2.xlsx\n"  # no day
        ",26/07/2024\n"  # no file
        "OM_2024-Q2.xlsx,31/02/2024\n"  # no such day
        "TN_2024-Q2.xlsx;27/07/2024\n"  # another delimiter
        "PD_2024-Q2.xlsx,28/07/2024\n"
    )
    assert _log(tmp_path, text) == [
        ("bad-received-row", 3),
        ("bad-received-row", 4),
        ("bad-received-row", 5),
        ("bad-received-date", 6),
        ("bad-received-row", 7),
    ]
    assert sorted(_days(tmp_path)) == ["NK_2024-Q2.xlsx", "PD_2024-Q2.xlsx"]


def test_conflicting_lines_name_both_and_the_earliest_stands(
    tmp_path: Path, targets: TargetsFile
) -> None:
    path = write_xlsx(tmp_path / "NK_2024-Q2.xlsx", workbook_rows(ROWS, meta=META))
    text = "file,date\nNK_2024-Q2.xlsx,24/07/2024\nNK_2024-Q2.xlsx,19/07/2024\n"
    assert _log(tmp_path, text) == [("received-log-conflict", 3)]
    found = received_log(tmp_path)
    assert found is not None
    message = found.issues[0].message
    assert "on line 2" in message
    assert "the earliest, 19/07/2024 (line 3), is used" in message
    report = evaluate(
        targets, [read_submission(path, targets)], targets_file="t", logs=received_logs([path])
    )
    assert report.submissions[0].submitted_on == date(2024, 7, 19)
    assert report.submissions[0].issues == []  # the log's problem, not the file's


def test_the_same_day_twice_is_no_conflict(tmp_path: Path) -> None:
    assert _log(tmp_path, "file,date\nNK.xlsx,24/07/2024\nNK.xlsx,2024-07-24\n") == []


@pytest.mark.parametrize(
    ("logged", "why"),
    [("30/11/2023", "before 2024"), ("01/06/2099", "after today")],
)
def test_an_implausible_logged_day_is_the_logs_warning(
    tmp_path: Path, targets: TargetsFile, logged: str, why: str
) -> None:
    path = write_xlsx(tmp_path / "NK_2024-Q2.xlsx", workbook_rows(ROWS, meta=META))
    (tmp_path / "received.csv").write_text(f"file,date\nNK_2024-Q2.xlsx,{logged}\n")
    report = evaluate(
        targets,
        [read_submission(path, targets)],
        targets_file="t",
        logs=received_logs([path]),
        today=date(2025, 3, 1),
    )
    sub = report.submissions[0]
    assert (sub.submitted_on, sub.date_source, sub.issues) == (None, "unknown", [])
    [log] = report.received_logs
    [issue] = log.issues
    assert (issue.code, str(issue.location)) == (
        "implausible-date",
        f"{tmp_path / 'received.csv'}:2",
    )
    assert why in issue.message


def test_a_log_too_large_is_refused_by_the_bytes_read(tmp_path: Path) -> None:
    text = "file,date\n" + "NK_2024-Q2.xlsx,25/07/2024\n" * 40_000  # about 1.1 MB
    assert _log(tmp_path, text) == [("bad-received-log", None)]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2024-Q2"
    shutil.copytree(ROOT / "data" / "submissions" / "2024-Q2", folder)
    with (folder / "received.csv").open("a", encoding="utf-8") as log:
        log.write("BT_2024-Q2.xlsx,16/06/2024\nCR_2024-Q2.xlsx,mai\n")
    return folder


def test_check_lists_the_logs_problems_against_the_log(kpi: Kpi, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    targets = str(ROOT / "data" / "targets.yaml")
    result = kpi("check", str(folder), "--format", "json", "--targets", targets)
    assert result.exit_code == EXIT_FINDINGS  # TN's file, as in the sample
    doc = json.loads(result.stdout)
    [log] = doc["received_logs"]
    assert log["file"] == str(folder / "received.csv")
    got = [(i["code"], i["location"]) for i in log["issues"]]
    assert got == [
        ("received-log-conflict", f"{folder / 'received.csv'}:14"),
        ("bad-received-date", f"{folder / 'received.csv'}:15"),
    ]
    codes = {i["code"] for s in doc["submissions"] for i in s["issues"]}
    assert not codes & {"received-log-conflict", "bad-received-date"}
    bt = next(t for t in doc["timeliness"] if t["unit_code"] == "BT")
    assert (bt["submitted_on"], bt["date_source"]) == ("2024-06-16", "received-log")
    table = kpi("check", str(folder), "--targets", targets, "--lang", "en").stdout
    assert f"{folder / 'received.csv'}:14: received-log-conflict" in table


def test_chase_warns_as_check_does(kpi: Kpi, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    targets = str(ROOT / "data" / "targets.yaml")
    result = kpi("chase", str(folder), "--as-of", "2024-07-01", "--targets", targets)
    assert f"cảnh báo {folder / 'received.csv'}:14: received-log-conflict" in result.stderr
    assert f"{folder / 'received.csv'}:15: bad-received-date" in result.stderr


def test_a_correction_after_the_deadline_as_of_before_and_after(
    tmp_path: Path, targets: TargetsFile
) -> None:
    """NK's report came on time (log: 18/07); its correction, v2, on 24/07, after the deadline
    (20/07). As of 21/07 the correction does not exist: the report is on time; as of 25/07
    the correction replaces it and the report is late by 4 days."""
    from cantho_kpi.report import Timeliness, round_statuses
    from cantho_kpi.targets import DriveFile

    first = write_xlsx(tmp_path / "NK_2024-Q2.xlsx", workbook_rows(ROWS, meta=META))
    second = write_xlsx(tmp_path / "NK_2024-Q2_v2.xlsx", workbook_rows(ROWS, meta=META))
    (tmp_path / "received.csv").write_text(
        "file,date\nNK_2024-Q2.xlsx,18/07/2024\nNK_2024-Q2_v2.xlsx,24/07/2024\n"
    )
    drive = DriveFile.model_validate(
        {
            "schema_version": 1,
            "name": "t",
            "calendar": {
                "launch": date(2024, 1, 1),
                "end": date(2024, 12, 31),
                "launch_document_due": date(2024, 3, 31),
                "interim_review": "2024-08",
                "final_review": "2025-01",
                "rounds": [{"round": "2024-Q2", "deadline": date(2024, 7, 20)}],
            },
        }
    )
    found = {}
    for day in (date(2024, 7, 21), date(2024, 7, 25)):
        subs = [read_submission(p, targets) for p in (first, second)]
        report = evaluate(targets, subs, targets_file="t", logs=received_logs([first]), as_of=day)
        [nk] = [r for r in round_statuses(targets, drive, report, day) if r.unit_code == "NK"]
        found[day] = (nk.status, nk.days_late, Path(nk.file or "").name)
        if day == date(2024, 7, 21):
            assert [Path(s.file).name for s in report.later] == ["NK_2024-Q2_v2.xlsx"]
    assert found == {
        date(2024, 7, 21): (Timeliness.ON_TIME, 0, "NK_2024-Q2.xlsx"),
        date(2024, 7, 25): (Timeliness.LATE, 4, "NK_2024-Q2_v2.xlsx"),
    }


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("file,date;\t\"'\r\n 0123456789/-.NK_xlsáđ\x00")),
        max_size=300,
    )
)
def test_any_log_is_read_without_failing(text: str) -> None:
    """Whatever a log holds, it is read: usable lines, and warnings at lines of the log."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "received.csv").write_text(text, encoding="utf-8")
        found = received_log(Path(folder))
    assert found is not None
    lines = len(text.splitlines())
    for issue in found.issues:
        assert issue.severity.value == "warning"
        assert issue.location.line is None or 1 <= issue.location.line <= lines
    for rows in found.entries.values():
        assert all(1 <= e.line <= lines for e in rows)
