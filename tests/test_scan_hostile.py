"""Folder scans go on past what they cannot read: an unreadable folder or one too deep is one
issue and the rest is read; a special file is named for what it is; one-line messages stay one
line whatever a folder is called; a file that is no submission says so; progress's JSON carries
the problems check's does."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from cantho_kpi.submissions import scan
from cantho_kpi.submissions.scan import MAX_SCAN_DEPTH

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Two rounds of two valid files each."""
    for folder in ("2024-Q2", "2024-Q4"):
        (tmp_path / "a" / folder).mkdir(parents=True)
    for name in ("NK_2024-Q2.xlsx", "BT_2024-Q2.xlsx"):
        shutil.copy(Q2 / name, tmp_path / "a" / "2024-Q2")
    for name in ("NK_2024-Q4.xlsx", "BT_2024-Q4.xlsx"):
        shutil.copy(ROOT / "data" / "submissions" / "2024-Q4" / name, tmp_path / "a" / "2024-Q4")
    return tmp_path / "a"


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make a folder unreadable as the system would (the tests may run as root, whom
    permissions do not stop)."""
    module = sys.modules["cantho_kpi.submissions.scan"]
    refused: set[str] = set()
    real = os.scandir

    def scandir(path: Any) -> Iterator[os.DirEntry[str]]:
        if str(path) in refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(module.os, "scandir", scandir)
    return lambda folder: refused.add(str(folder))


def test_an_unreadable_folder_is_one_issue_and_the_rest_is_read(
    archive: Path, unreadable: Callable[[Path], None]
) -> None:
    unreadable(archive / "2024-Q4")
    found = scan([archive], recursive=True)
    assert [p.name for p in found.files] == ["BT_2024-Q2.xlsx", "NK_2024-Q2.xlsx"]
    assert [(i.code, i.location.file) for i in found.problems] == [
        ("unreadable-folder", str(archive / "2024-Q4"))
    ]
    assert found.problems[0].message.startswith("the folder cannot be read (Permission denied)")


def test_check_says_the_unreadable_folder_and_fails_on_it(
    kpi: Kpi, archive: Path, unreadable: Callable[[Path], None]
) -> None:
    unreadable(archive / "2024-Q4")
    result = kpi("check", str(archive), "--lang", "en", "--format", "json")
    assert result.exit_code == 1  # files may be hidden in it: a finding
    assert result.stderr.splitlines() == [
        f"kpi: {archive / '2024-Q4'}: unreadable-folder: the folder cannot be read "
        "(Permission denied); its files were not checked: give kpi access to it, or copy them "
        "elsewhere"
    ]
    assert len(json.loads(result.stdout)["submissions"]) == 2
    never = kpi("check", str(archive), "--fail-on", "never")
    assert never.exit_code == 0


def _deep(base: Path, names: list[str]) -> Path:
    """Folders nested as ``names`` under ``base``, made relative to an open folder, so that the
    whole path may pass what the system accepts in one path."""
    descriptor = os.open(base, os.O_RDONLY)
    try:
        for name in names:
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
    finally:
        os.close(descriptor)
    return base.joinpath(*names)


def test_a_folder_deeper_than_the_system_allows_is_one_issue(archive: Path) -> None:
    names = ["d" * 250 for _ in range(18)]  # about 4,500 bytes: past PATH_MAX (4,096)
    _deep(archive / "2024-Q2", names)
    found = scan([archive], recursive=True)
    assert len(found.files) == 4  # the others are read
    assert [i.code for i in found.problems] == ["folder-too-deep"]
    assert len(str(found.problems[0].location)) > 4096 - 250
    assert "move its files to a shorter path" in found.problems[0].message


def test_a_folder_deeper_than_the_scan_goes_is_one_issue(archive: Path) -> None:
    deepest = _deep(archive, ["x"] * (MAX_SCAN_DEPTH + 3))
    (deepest / "NK_2024-Q2.xlsx").write_bytes((Q2 / "NK_2024-Q2.xlsx").read_bytes())
    found = scan([archive], recursive=True)
    assert len(found.files) == 4
    assert [i.code for i in found.problems] == ["folder-too-deep"]
    assert found.problems[0].location.file == str(archive.joinpath(*["x"] * (MAX_SCAN_DEPTH + 1)))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_in_a_scanned_folder_is_named_not_waited_on(kpi: Kpi, archive: Path) -> None:
    os.mkfifo(archive / "2024-Q2" / "CR_2024-Q2.xlsx")
    os.mkfifo(archive / "2024-Q2" / "ghi-chu.txt")
    result = kpi("check", str(archive), "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    subs = {s["file"]: s for s in json.loads(result.stdout)["submissions"]}
    cr = subs[str(archive / "2024-Q2" / "CR_2024-Q2.xlsx")]
    assert [i["code"] for i in cr["issues"]] == ["not-a-regular-file"]
    assert cr["unit_code"] == "CR"
    assert "skipped 1 file that is not a submission (.xlsx, .csv): ghi-chu.txt" in result.stderr


def test_a_file_that_is_no_submission_says_so(kpi: Kpi, tmp_path: Path) -> None:
    note = tmp_path / "NK_2024-Q2.txt"
    note.write_text("Mã chỉ tiêu,Giá trị thực hiện\nCT01,7.5\n", encoding="utf-8")
    result = kpi("check", str(note), "--lang", "en")
    assert result.exit_code == 1
    assert (
        f"✗ error {note}: not-a-submission: not a submission (.txt): kpi reads workbooks "
        "(.xlsx) and CSV files (.csv); save the report as one of them"
    ) in result.stdout


def test_a_newline_in_a_folder_name_does_not_split_a_problem_line(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "q2\nfake: line"
    folder.mkdir()
    (folder / "NK_2024-Q2.xlsx").write_bytes(b"not a workbook")
    result = kpi("check", str(folder), "--lang", "en")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if ": csv-renamed: " in line]
    assert len(lines) == 1
    assert lines[0].startswith(f"✗ error {tmp_path}/q2\\nfake: line/NK_2024-Q2.xlsx: ")
    assert not any(line.startswith("fake: line") for line in result.stdout.splitlines())


def test_a_missing_targets_file_is_said_as_such(kpi: Kpi) -> None:
    for command in (["check", str(Q2)], ["chase", str(Q2)], ["rank", str(Q2)]):
        result = kpi(*command, "--targets", "/nope/targets.yaml")
        assert result.exit_code == 2
        assert result.stderr == "kpi: /nope/targets.yaml: không có tệp này (--targets)\n"
    english = kpi("chase", str(Q2), "--targets", "/nope/targets.yaml", "--lang", "en")
    assert english.stderr == "kpi: /nope/targets.yaml: no such file (--targets)\n"


def test_progress_json_carries_the_problems_with_check_s_codes(
    kpi: Kpi, archive: Path, unreadable: Callable[[Path], None]
) -> None:
    q2, q4 = archive / "2024-Q2", archive / "2024-Q4"
    shutil.copy(q4 / "BT_2024-Q4.xlsx", q4 / "BT_2024-Q4_copy.xlsx")  # the year's round twice
    (q2 / "CR_2024-Q2.xlsx").write_bytes(b"not a workbook")  # unreadable
    (q2 / "cong-van.pdf").write_bytes(b"%PDF")  # skipped
    (archive / "2023").mkdir()
    unreadable(archive / "2023")
    result = kpi("progress", str(archive), "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    found = {(i["code"], Path(i["location"]).name) for i in json.loads(result.stdout)["issues"]}
    assert found == {
        ("unreadable-folder", "2023"),
        ("not-a-submission", "cong-van.pdf"),
        ("csv-renamed", "CR_2024-Q2.xlsx"),
        ("duplicate-submission", "BT_2024-Q4.xlsx"),
        ("duplicate-submission", "BT_2024-Q4_copy.xlsx"),
    }
    check = json.loads(kpi("check", str(archive), "--format", "json").stdout)
    codes = {i["code"] for s in check["submissions"] for i in s["issues"]}
    assert {"csv-renamed", "duplicate-submission"} <= codes  # the same codes as check's


def test_brackets_in_notes_and_folder_names_are_shown_as_written(kpi: Kpi, tmp_path: Path) -> None:
    """Rich reads "[red]" as a colour and "[/]" as a closing tag (a MarkupError, a traceback):
    text from users is never markup."""
    folder = tmp_path / "[red]q2"
    folder.mkdir()
    (folder / "NK_2024-Q2.csv").write_text(
        "Mã chỉ tiêu,Giá trị thực hiện,Ghi chú\nCT01,7.8,xem [/] phụ lục [bold]\nCT08,khoảng 75,\n",
        encoding="utf-8",
    )
    commands = (["check"], ["check", "--detail"], ["progress"])
    for command in commands:
        result = kpi(*command, str(folder), "--lang", "en")
        assert result.exit_code in (0, 1)
        shown = " ".join(result.stdout.split())
        assert "[red]q2/NK_2024-Q2.csv" in shown
    assert "xem [/] phụ lục [bold]" in " ".join(kpi("check", str(folder)).stdout.split())
