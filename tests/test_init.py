"""`kpi init DIR` makes an analyst's working folder from which every command finds all of its
inputs (issue 21, item 6): the targets file, the drive file, the units' own targets, a folder per
round with an empty office log, a guide; `--from` copies another working folder's settings."""

from __future__ import annotations

import fnmatch
import json
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main
from typer.testing import Result

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app
from cantho_kpi.errors import KpiError
from cantho_kpi.targets import PACKAGED_TARGETS, find_targets, load_drive
from cantho_kpi.workbooks import (
    RECEIVED_HEADER,
    STARTER_DRIVE,
    guide_text,
    packaged_settings,
    write_new_file,
)

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"
ROUNDS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
LAYOUT = {
    "HUONG-DAN.md",
    "data/targets.yaml",
    "data/drive.yaml",
    "data/unit-targets/README.md",
    *(f"nop-bao-cao/{r}/received.csv" for r in ROUNDS),
}


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def made(kpi: Kpi, tmp_path: Path) -> Path:
    """A fresh working folder made by ``kpi init``, outside the repository."""
    folder = tmp_path / "thi-dua"
    result = kpi("init", str(folder))
    assert result.exit_code == EXIT_OK, result.stderr
    return folder


# --- what it makes --------------------------------------------------------------------------


def test_the_layout(made: Path) -> None:
    assert files_in(made) == LAYOUT
    assert (made / "data" / "targets.yaml").read_bytes() == PACKAGED_TARGETS.read_bytes()
    assert (made / "data" / "drive.yaml").read_bytes() == STARTER_DRIVE.read_bytes()
    logs = [made / "nop-bao-cao" / r / "received.csv" for r in ROUNDS]
    assert [p.read_bytes() for p in logs] == [RECEIVED_HEADER] * 4 == [b"file,date\n"] * 4


def test_what_it_says(kpi: Kpi, tmp_path: Path) -> None:
    vi = kpi("init", str(tmp_path / "vi"))
    assert vi.exit_code == EXIT_OK
    assert f"đã tạo thư mục làm việc {tmp_path / 'vi'} (8 tệp)" in vi.stderr
    assert "2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4" in vi.stderr
    assert "cài đặt mẫu" in vi.stderr  # the drive's settings are the sample's: to check
    en = kpi("init", str(tmp_path / "en"), "--lang", "en")
    assert f"made the working folder {tmp_path / 'en'} (8 files)" in en.stderr
    assert "the sample's settings" in en.stderr
    assert en.stdout == vi.stdout == ""


def test_the_guide_names_every_round_and_step(made: Path) -> None:
    guide = (made / "HUONG-DAN.md").read_text(encoding="utf-8")
    assert "{{" not in guide
    for name in ROUNDS:
        assert f"`nop-bao-cao/{name}/`" in guide
    assert "báo cáo 6 tháng đầu năm 2024 (ước thực hiện), hạn nộp 20/06/2024" in guide
    steps = ["template", "check", "chase", "export", "progress", "rank", "review"]
    assert [f"`kpi {step} " in guide for step in steps] == [True] * len(steps)
    assert "--round 2024-H1 -o so-ket.md" in guide
    assert "--round 2024 -o tong-ket.md" in guide
    drive = load_drive(STARTER_DRIVE).drive
    assert drive is not None
    assert guide_text(drive) == guide


def test_the_starter_drive_is_the_samples_without_its_records() -> None:
    """The plan's calendar and awards and the sample's settings; none of the sample office's
    facts (documents received, awards given, contacts)."""
    starter = load_drive(STARTER_DRIVE)
    sample = load_drive(ROOT / "data" / "drive.yaml")
    assert starter.valid, starter.issues
    assert starter.drive is not None
    assert sample.drive is not None
    records = {"contacts": {}, "launch_documents": [], "final_reports": []}
    awards = sample.drive.awards.model_copy(update={"given": []})
    expected = sample.drive.model_copy(update={**records, "awards": awards})
    assert starter.drive == expected
    assert sample.drive.launch_documents  # the sample does have records: they were left out
    assert sample.drive.awards.given


def test_the_package_carries_what_init_needs() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["cantho_kpi.workbooks"]
    starter = sorted(p.name for p in STARTER_DRIVE.parent.iterdir())
    assert starter == ["HUONG-DAN.md", "drive.yaml", "unit-targets-README.md"]
    for name in starter:
        assert any(fnmatch.fnmatch(f"starter/{name}", pattern) for pattern in patterns), name
    assert packaged_settings().unit_files == {}  # the sample's own targets are examples


# --- every command finds its inputs from inside -----------------------------------------------

#: Each command with the arguments and exit code it has when run in the round folder
#: nop-bao-cao/2024-Q2 holding the sample's 2024-Q2 workbooks (TN's file has an error).
COMMANDS: dict[str, tuple[list[str], int]] = {
    "check": ([".", "--as-of", "2024-07-01"], EXIT_FINDINGS),
    "chase": ([".", "--as-of", "2024-07-01"], EXIT_FINDINGS),
    "rank": ([".", "--as-of", "2024-07-01"], EXIT_OK),
    "review": ([".", "--round", "2024-H1", "-o", "../so-ket.md"], EXIT_OK),
    "export": ([".", "-o", "../tong-hop.xlsx"], EXIT_FINDINGS),
    "progress": (["../.."], EXIT_OK),
    "report": ([".", "-o", "../tien-do.html"], EXIT_OK),
    "template": (["--unit", "NK", "--period", "2024-Q3", "-o", "../NK_2024-Q3.xlsx"], EXIT_OK),
    "targets": ([], EXIT_OK),
    "validate-targets": ([], EXIT_OK),
    "schema": ([], EXIT_OK),
    "init": (["../../../copy", "--from", "."], EXIT_OK),
}


def test_every_command_is_run_from_inside() -> None:
    assert sorted(COMMANDS) == sorted(typer.main.get_group(app).commands)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_finds_its_inputs_inside_a_working_folder(
    kpi: Kpi, made: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    round_folder = made / "nop-bao-cao" / "2024-Q2"
    for workbook in sorted(Q2.glob("*.xlsx")):
        shutil.copy(workbook, round_folder)
    monkeypatch.chdir(round_folder)
    assert find_targets() == made.resolve() / "data" / "targets.yaml"
    args, code = COMMANDS[name]
    result = kpi(name, *args)
    assert result.exit_code == code, result.stderr
    assert "no drive file" not in result.stderr
    assert "using the copy installed" not in result.stderr
    assert "kpi init" not in result.stderr  # never told to make a working folder


def test_check_uses_the_folders_drive_file_and_log(
    kpi: Kpi, made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_folder = made / "nop-bao-cao" / "2024-Q2"
    shutil.copy(Q2 / "NK_2024-Q2.xlsx", round_folder)
    with (round_folder / "received.csv").open("a", encoding="utf-8") as log:
        log.write("NK_2024-Q2.xlsx,17/06/2024\n")
    monkeypatch.chdir(made)
    result = kpi("check", "nop-bao-cao/2024-Q2", "-f", "json", "--as-of", "2024-07-01")
    assert result.exit_code == EXIT_OK, result.stderr
    data = json.loads(result.stdout)
    assert data["targets_file"] == "data/targets.yaml"
    (sub,) = data["submissions"]
    assert (sub["submitted_on"], sub["date_source"]) == ("2024-06-17", "received-log")
    timely = {t["unit_code"]: t["status"] for t in data["timeliness"]}
    assert timely["NK"] == "on_time"  # the drive file's deadline, 20/06/2024
    assert len(timely) == 14  # every unit of the targets file, from the drive's calendar
    assert data["launch_documents"]  # listed: none received yet in a new folder
    assert {d["status"] for d in data["launch_documents"]} == {"not_received"}


# --- --from ---------------------------------------------------------------------------------


def test_from_copies_the_settings_not_the_submissions(kpi: Kpi, made: Path, tmp_path: Path) -> None:
    (made / "data" / "unit-targets" / "NK.yaml").write_bytes(
        (ROOT / "data" / "unit-targets" / "NK.yaml").read_bytes()
    )
    drive = made / "data" / "drive.yaml"
    drive.write_text(drive.read_text(encoding="utf-8").replace("2024-04-20", "2024-04-22"))
    shutil.copy(Q2 / "NK_2024-Q2.xlsx", made / "nop-bao-cao" / "2024-Q2")
    (made / "nop-bao-cao" / "2024-Q2" / "received.csv").write_text("file,date\nNK.xlsx,1/6/2024\n")
    copy = tmp_path / "moi"
    result = kpi("init", str(copy), "--from", str(made / "nop-bao-cao"))  # found from below
    assert result.exit_code == EXIT_OK, result.stderr
    assert files_in(copy) == LAYOUT | {"data/unit-targets/NK.yaml"}
    for name in ("data/targets.yaml", "data/drive.yaml", "data/unit-targets/NK.yaml"):
        assert (copy / name).read_bytes() == (made / name).read_bytes(), name
    assert (copy / "nop-bao-cao" / "2024-Q2" / "received.csv").read_bytes() == RECEIVED_HEADER
    assert f"cài đặt chép từ {made.resolve()}" in result.stderr
    assert "chỉ tiêu riêng của 1 đơn vị (không chép báo cáo)" in result.stderr


def test_from_a_clone_copies_its_own_targets_and_check_uses_them(
    kpi: Kpi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "tu-kho"
    result = kpi("init", str(copy), "--from", str(ROOT))
    assert result.exit_code == EXIT_OK, result.stderr
    assert {p.name for p in (copy / "data" / "unit-targets").iterdir()} == {
        "README.md", "NK.yaml", "PD.yaml", "TL.yaml",
    }  # fmt: skip
    shutil.copy(Q2 / "NK_2024-Q2.xlsx", copy / "nop-bao-cao" / "2024-Q2")
    monkeypatch.chdir(copy / "nop-bao-cao" / "2024-Q2")
    data = json.loads(kpi("check", ".", "-f", "json").stdout)
    ct11 = next(r for r in data["results"] if r["code"] == "CT11")
    assert ct11["target_source"] == "unit"  # NK's own target, from data/unit-targets/NK.yaml


def test_from_a_folder_without_a_drive_file_uses_the_starter(
    kpi: Kpi, made: Path, tmp_path: Path
) -> None:
    (made / "data" / "drive.yaml").unlink()
    result = kpi("init", str(tmp_path / "moi"), "--from", str(made), "--lang", "en")
    assert result.exit_code == EXIT_OK, result.stderr
    assert (tmp_path / "moi" / "data" / "drive.yaml").read_bytes() == STARTER_DRIVE.read_bytes()
    assert "has no drive file (data/drive.yaml): kpi's own is used" in result.stderr


def test_from_what_is_no_working_folder(kpi: Kpi, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = kpi("init", str(tmp_path / "moi"), "--from", str(tmp_path / "empty"))
    assert result.exit_code == EXIT_USAGE
    assert "không phải thư mục làm việc (không có data/targets.yaml trong đó" in result.stderr
    assert not (tmp_path / "moi").exists()


def test_from_an_invalid_targets_file_copies_nothing(kpi: Kpi, made: Path, tmp_path: Path) -> None:
    targets = made / "data" / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("kind: range", "kind: rnge"))
    result = kpi("init", str(tmp_path / "moi"), "--from", str(made))
    assert result.exit_code == EXIT_USAGE
    assert f"{targets}: tệp chỉ tiêu không hợp lệ; hãy chạy: kpi validate-targets" in result.stderr
    assert not (tmp_path / "moi").exists()


# --- never over anything --------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_refused(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "co-san"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("của tôi")
    result = kpi("init", str(folder))
    assert result.exit_code == EXIT_USAGE
    assert "không trống (ghi-chu.txt)" in result.stderr
    assert "--force" in result.stderr
    assert files_in(folder) == {"ghi-chu.txt"}


def test_force_adds_what_is_missing_and_keeps_every_file(kpi: Kpi, made: Path) -> None:
    log = made / "nop-bao-cao" / "2024-Q2" / "received.csv"
    log.write_text("file,date\nNK_2024-Q2.xlsx,17/06/2024\n", encoding="utf-8")
    targets = made / "data" / "targets.yaml"
    targets.write_bytes(targets.read_bytes() + b"# our own note\n")
    before = {name: (made / name).read_bytes() for name in files_in(made)}
    (made / "HUONG-DAN.md").unlink()
    shutil.rmtree(made / "nop-bao-cao" / "2024-Q3")
    result = kpi("init", str(made), "--force")
    assert result.exit_code == EXIT_OK, result.stderr
    assert {name: (made / name).read_bytes() for name in files_in(made)} == before
    assert "đã bổ sung 2 tệp" in result.stderr
    assert "giữ nguyên 6 tệp đã có" in result.stderr
    again = kpi("init", str(made), "--force", "--lang", "en")
    assert again.exit_code == EXIT_OK
    assert "has every file already: nothing written" in again.stderr


def test_a_file_in_place_of_the_folder(kpi: Kpi, tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x")
    result = kpi("init", str(tmp_path / "tep"), "--force")
    assert result.exit_code == EXIT_USAGE
    assert "là một tệp; hãy ghi thư mục cần tạo" in result.stderr


def test_a_file_where_a_folder_goes_is_a_clear_error(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "thi-dua"
    folder.mkdir()
    (folder / "data").write_text("not a folder")
    result = kpi("init", str(folder), "--force")
    assert result.exit_code == EXIT_USAGE
    assert f"kpi: {folder / 'data' / 'targets.yaml'}: không ghi được (" in result.stderr
    assert (folder / "data").read_text() == "not a folder"


def test_the_writer_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "received.csv"
    write_new_file(b"file,date\n", target)
    with pytest.raises(KpiError) as raised:
        write_new_file(b"other", target)
    assert raised.value.code == "output-exists"
    assert target.read_bytes() == b"file,date\n"
    assert [p.name for p in tmp_path.iterdir()] == ["received.csv"]  # no temporary file left


# --- outside a working folder ---------------------------------------------------------------


def test_outside_a_working_folder_the_messages_point_to_init(
    kpi: Kpi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    chase = kpi("chase", str(Q2))
    assert chase.exit_code == EXIT_USAGE
    assert "không có tệp phong trào (drive.yaml)" in chase.stderr
    assert "kpi init THƯ-MỤC" in chase.stderr
    check = kpi("check", str(Q2), "--fail-on", "never", "--lang", "en")
    assert check.exit_code == EXIT_OK
    assert "using the copy installed with kpi" in check.stderr
    assert "make a working folder with: kpi init FOLDER" in check.stderr
