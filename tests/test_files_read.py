"""Nothing that is not a regular file is read, and sizes hold on the bytes actually read.

The special files are made by the tests: named pipes (a FIFO with no writer would block an
ordinary open for ever), links to /dev/zero (endless, while ``stat`` says 0 bytes), a Unix
socket, a folder; and a file of /proc, which ``stat`` says is empty but which is not.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.errors import KpiError
from cantho_kpi.files import open_regular, read_regular
from cantho_kpi.submissions import read_submission
from cantho_kpi.targets import TargetsFile, load_drive, load_targets
from cantho_kpi.targets.safeyaml import read_yaml_source

from .conftest import DATA, ROOT

HAS_FIFO = hasattr(os, "mkfifo")
HAS_ZERO = Path("/dev/zero").exists()
HAS_UNIX_SOCKETS = hasattr(socket, "AF_UNIX")


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _zero(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    made: list[socket.socket] = []

    def make(path: Path) -> Path:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        made.append(server)
        return path

    yield make
    for server in made:
        server.close()


SPECIAL = [
    pytest.param(_fifo, "a named pipe (FIFO)", marks=pytest.mark.skipif(not HAS_FIFO, reason="")),
    pytest.param(
        _zero, "a character device", marks=pytest.mark.skipif(not HAS_ZERO, reason="no /dev/zero")
    ),
]


@pytest.mark.parametrize(("make", "what"), SPECIAL)
def test_a_special_file_is_refused_at_once(
    tmp_path: Path, make: Callable[[Path], Path], what: str
) -> None:
    path = make(tmp_path / "x.csv")
    with pytest.raises(KpiError) as refused:
        read_regular(path, "x.csv", 1000)
    assert refused.value.code == "not-a-regular-file"
    assert refused.value.message.startswith(f"x.csv: is {what}, not a regular file")


@pytest.mark.skipif(not HAS_UNIX_SOCKETS, reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path, unix_socket: Callable[[Path], Path]) -> None:
    path = unix_socket(tmp_path / "s.yaml")
    with pytest.raises(KpiError) as refused:
        open_regular(path, "s.yaml")
    assert refused.value.code == "not-a-regular-file"


def test_a_folder_and_a_missing_file_say_so(tmp_path: Path) -> None:
    with pytest.raises(KpiError) as folder:
        open_regular(tmp_path, "d")
    assert (folder.value.code, folder.value.message) == ("not-a-file", "d: is a folder, not a file")
    with pytest.raises(KpiError) as missing:
        open_regular(tmp_path / "nope", "nope")
    assert (missing.value.code, missing.value.message_vi) == (
        "file-not-found",
        "nope: không có tệp này",
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_the_cap_holds_on_bytes_read_not_on_what_stat_says() -> None:
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0  # what stat says: nothing
    assert len(status.read_bytes()) > 200  # what it gives
    with pytest.raises(KpiError) as refused:
        read_regular(status, "status", 200)
    assert refused.value.code == "file-too-large"
    assert "more than 200 bytes" in refused.value.message


def test_a_file_within_the_cap_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 200)
    assert read_regular(path, "a.csv", 200) == b"x" * 200
    path.write_bytes(b"x" * 201)
    with pytest.raises(KpiError, match="the file holds 201 bytes"):
        read_regular(path, "a.csv", 200)


# --- every reader of the tool goes through it ----------------------------------------------


@pytest.mark.parametrize(("make", "what"), SPECIAL)
@pytest.mark.parametrize("name", ["NK_2024-Q2.xlsx", "NK_2024-Q2.csv"])
def test_a_special_file_given_as_a_submission_is_one_error(
    tmp_path: Path, targets: TargetsFile, make: Callable[[Path], Path], what: str, name: str
) -> None:
    sub = read_submission(make(tmp_path / name), targets, display=name)
    assert [(i.code, str(i.location)) for i in sub.issues] == [("not-a-regular-file", name)]
    assert sub.issues[0].message.startswith(f"is {what}, not a regular file")
    assert sub.unit_code == "NK"  # still the unit's (broken) file, as its name says


@pytest.mark.parametrize(("make", "what"), SPECIAL)
def test_a_special_yaml_file_is_refused(
    tmp_path: Path, make: Callable[[Path], Path], what: str
) -> None:
    path = make(tmp_path / "targets.yaml")
    with pytest.raises(KpiError, match="not a regular file") as refused:
        read_yaml_source(path, "targets.yaml", [])
    assert refused.value.code == "not-a-regular-file"
    with pytest.raises(KpiError, match="not a regular file"):
        load_targets(path)
    with pytest.raises(KpiError, match="not a regular file"):
        load_drive(path)


@pytest.mark.skipif(not HAS_FIFO, reason="needs named pipes")
def test_a_fifo_among_the_unit_target_files_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "targets.yaml").write_bytes((ROOT / "data" / "targets.yaml").read_bytes())
    folder = tmp_path / "unit-targets"
    folder.mkdir()
    (folder / "NK.yaml").write_bytes((ROOT / "data" / "unit-targets" / "NK.yaml").read_bytes())
    os.mkfifo(folder / "PD.yaml")
    result = load_targets(tmp_path / "targets.yaml", display="t/targets.yaml")
    problems = [(i.code, str(i.location)) for i in result.issues]
    assert problems == [("not-a-regular-file", "t/unit-targets/PD.yaml:1:1")]
    assert not result.valid


@pytest.mark.parametrize(("make", "what"), SPECIAL)
def test_the_cli_says_a_special_targets_file_in_one_line(
    kpi: Callable[..., Result], tmp_path: Path, make: Callable[[Path], Path], what: str
) -> None:
    path = make(tmp_path / "targets.yaml")
    said = f"kpi: {path}: is {what}, not a regular file; kpi reads only regular files (copy "
    english = ["check", str(DATA), "--targets", str(path), "--lang", "en"]
    for args in (["validate-targets", str(path), "--lang", "en"], english):
        result = kpi(*args)
        assert result.exit_code == 2
        assert result.stderr == said + "the data into one)\n"
    # in Vietnamese, the default of the commands that take --lang
    result = kpi("check", str(DATA), "--targets", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kpi: {path}: là ")
    assert "không phải tệp thông thường" in result.stderr


@pytest.mark.skipif(not HAS_FIFO, reason="needs named pipes")
def test_a_fifo_drive_file_is_named_not_passed_over(
    kpi: Callable[..., Result], tmp_path: Path
) -> None:
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    os.mkfifo(tmp_path / "drive.yaml")
    targets = str(tmp_path / "targets.yaml")
    said = f"kpi: {tmp_path / 'drive.yaml'}: is a named pipe (FIFO), not a regular file"
    chase = kpi("chase", str(ROOT / "data/submissions/2024-Q2"), "--targets", targets, "-l", "en")
    assert chase.exit_code == 2
    assert chase.stderr.startswith(said)  # not "no drive file beside the targets file"
    check = kpi("check", str(ROOT / "data/submissions/2024-Q2"), "--targets", targets, "-l", "en")
    assert check.exit_code == 1  # the calendar is left out, the check goes on
    assert check.stderr.strip().endswith("(copy the data into one); the calendar is left out")
    assert kpi("validate-targets", targets).exit_code == 2
