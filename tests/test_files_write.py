"""Every output is written whole or not at all, never over an existing file without --force
(even one another process made a moment before), never over an input; any trouble is one line
naming the output, exit 2, and no file left behind."""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from typer.testing import Result

from cantho_kpi.errors import KpiError
from cantho_kpi.files import write_atomically, writing as writing_module

from .conftest import ROOT

Kpi = Callable[..., Result]
Q2 = ROOT / "data" / "submissions" / "2024-Q2"


def _bytes(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda handle: handle.write(data)


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_written_whole_and_nothing_else_is_left(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.md", _bytes(b"x" * 100_000))
    assert (tmp_path / "a.md").read_bytes() == b"x" * 100_000
    assert _left(tmp_path) == ["a.md"]


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    out.write_bytes(b"old")
    with pytest.raises(KpiError) as refused:
        write_atomically(out, _bytes(b"new"))
    assert refused.value.code == "output-exists"
    assert refused.value.message == f"{out}: already exists; add --force to replace it"
    assert out.read_bytes() == b"old"
    write_atomically(out, _bytes(b"new"), force=True)
    assert out.read_bytes() == b"new"
    assert _left(tmp_path) == ["a.md"]


def _race(folder: str, index: int, barrier: Any, results: Any) -> None:
    """One of the racing processes: all have checked that the output does not exist and
    written their temporary file before any of them takes the name."""

    def write(handle: BinaryIO) -> None:
        handle.write(f"writer {index}\n".encode() * 1000)
        barrier.wait(timeout=60)

    try:
        write_atomically(Path(folder) / "same.xlsx", write)
        results.put((index, "written"))
    except KpiError as exc:
        results.put((index, exc.code))


def test_of_racing_processes_exactly_one_writes_the_file(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    count = 6
    barrier, results = context.Barrier(count), context.Queue()
    racers = [
        context.Process(target=_race, args=(str(tmp_path), i, barrier, results))
        for i in range(count)
    ]
    for racer in racers:
        racer.start()
    outcomes = [results.get(timeout=120) for _ in racers]
    for racer in racers:
        racer.join(timeout=60)
    winners = [i for i, what in outcomes if what == "written"]
    assert len(outcomes) == count
    assert len(winners) == 1
    assert sorted(what for _, what in outcomes) == ["output-exists"] * (count - 1) + ["written"]
    text = (tmp_path / "same.xlsx").read_text()
    assert text == f"writer {winners[0]}\n" * 1000  # the winner's, whole
    assert _left(tmp_path) == ["same.xlsx"]  # no temporary file of the losers


def test_without_hard_links_the_name_is_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: Any, **__: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "a.md"
    write_atomically(out, _bytes(b"first"))
    assert out.read_bytes() == b"first"

    def meanwhile(handle: BinaryIO) -> None:  # another process takes the name meanwhile
        handle.write(b"second")
        out.write_bytes(b"theirs")

    out.unlink()
    with pytest.raises(KpiError, match="already exists"):
        write_atomically(out, meanwhile)
    assert out.read_bytes() == b"theirs"
    assert _left(tmp_path) == ["a.md"]


@pytest.mark.parametrize(
    ("number", "said"),
    [
        (errno.ENOSPC, "no space left on the disk"),
        (errno.EDQUOT, "the disk quota is used up"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "permission denied (is the folder read-only?)"),
    ],
)
def test_a_failing_disk_is_one_line_and_no_partial_file(
    tmp_path: Path, number: int, said: str
) -> None:
    out = tmp_path / "a.xlsx"
    out.write_bytes(b"old")

    def fills_up(handle: BinaryIO) -> None:
        handle.write(b"x" * 10_000)
        raise OSError(number, os.strerror(number))

    with pytest.raises(KpiError) as failed:
        write_atomically(out, fills_up, force=True)
    assert failed.value.code == "cannot-write"
    assert failed.value.message == f"{out}: cannot be written: {said}"
    assert "\n" not in failed.value.message
    assert out.read_bytes() == b"old"  # the old file is untouched
    assert _left(tmp_path) == ["a.xlsx"]


def test_a_read_only_folder_is_said_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(writing_module.os, "open", read_only)
    with pytest.raises(KpiError, match=r"a\.md: cannot be written: the disk is read-only$"):
        write_atomically(tmp_path / "a.md", _bytes(b"x"))
    assert _left(tmp_path) == []


def test_a_name_as_long_as_the_system_allows_is_written(tmp_path: Path) -> None:
    limit = os.pathconf(tmp_path, "PC_NAME_MAX") if hasattr(os, "pathconf") else 255
    name = "a" * (limit - len(".xlsx")) + ".xlsx"
    write_atomically(tmp_path / name, _bytes(b"x"))  # the temporary name is short
    assert _left(tmp_path) == [name]
    with pytest.raises(KpiError) as failed:
        write_atomically(tmp_path / ("b" + name), _bytes(b"x"))
    assert failed.value.message.endswith(
        "cannot be written: the name or the path is too long; choose a shorter one"
    )
    assert _left(tmp_path) == [name]


def test_a_path_under_a_file_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f.xlsx").write_bytes(b"x")
    with pytest.raises(KpiError) as under:
        write_atomically(tmp_path / "f.xlsx" / "a.xlsx", _bytes(b"x"))
    assert under.value.message == (
        f"{tmp_path / 'f.xlsx'}: is a file, not a folder: the output cannot be written under it"
    )
    with pytest.raises(KpiError, match="no such folder"):
        write_atomically(tmp_path / "no" / "a.xlsx", _bytes(b"x"))
    with pytest.raises(KpiError, match="is a folder; give a file name"):
        write_atomically(tmp_path, _bytes(b"x"))


@pytest.mark.parametrize("how", ["itself", "another spelling", "a symbolic link", "a hard link"])
def test_an_input_is_never_written_over(tmp_path: Path, how: str) -> None:
    source = tmp_path / "targets.yaml"
    source.write_bytes(b"plan")
    out = {
        "itself": source,
        "another spelling": tmp_path / "." / "targets.yaml",
        "a symbolic link": tmp_path / "link.xlsx",
        "a hard link": tmp_path / "hard.xlsx",
    }[how]
    if how == "a symbolic link":
        out.symlink_to(source)
    if how == "a hard link":
        os.link(source, out)
    with pytest.raises(KpiError) as refused:
        write_atomically(out, _bytes(b"x"), force=True, inputs=[source])
    assert refused.value.code == "output-is-input"
    assert source.read_bytes() == b"plan"


def test_an_interruption_while_writing_leaves_nothing(tmp_path: Path) -> None:
    def interrupted(handle: BinaryIO) -> None:
        handle.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "a.xlsx", interrupted)
    assert _left(tmp_path) == []


def test_a_stop_lost_on_the_way_still_keeps_the_output_from_its_name(tmp_path: Path) -> None:
    """A signal whose exception Python dropped (raised in a finaliser) is remembered: the output
    does not take its name."""
    import signal

    from cantho_kpi.files import Terminated, forget_stop, stop_now

    def dropped(handle: BinaryIO) -> None:
        handle.write(b"whole")
        with contextlib.suppress(Terminated):  # what a finaliser does with it
            stop_now(signal.SIGTERM)

    try:
        with pytest.raises(Terminated):
            write_atomically(tmp_path / "a.xlsx", dropped)
    finally:
        forget_stop()
    assert _left(tmp_path) == []


# --- through the commands --------------------------------------------------------------------


def test_template_never_writes_over_the_targets_file(kpi: Kpi, tmp_path: Path) -> None:
    folder = tmp_path / "office"
    shutil.copytree(ROOT / "data", folder / "data", ignore=shutil.ignore_patterns("submissions"))
    before = (folder / "data" / "targets.yaml").read_bytes()
    targets = str(folder / "data" / "targets.yaml")
    args = ["template", "--unit", "NK", "--period", "2024-Q2", "--targets", targets, "--force"]
    result = kpi(*args, "-o", str(folder / "data" / "targets.yaml"))
    assert result.exit_code == 2
    assert result.stderr.startswith("kpi: ")
    assert "targets.yaml: biểu mẫu là sổ tính: hãy đặt tên tệp có đuôi .xlsx" in (result.stderr)
    (folder / "data" / "NK.xlsx").symlink_to(folder / "data" / "targets.yaml")
    result = kpi(*args, "-o", str(folder / "data" / "NK.xlsx"))
    assert result.exit_code == 2
    assert "là một trong các tệp đầu vào" in result.stderr
    assert (folder / "data" / "targets.yaml").read_bytes() == before


def test_template_troubles_are_one_line_each(kpi: Kpi, tmp_path: Path) -> None:
    (tmp_path / "f.xlsx").write_bytes(b"x")
    base = ["template", "--unit", "NK", "--period", "2024-Q2", "--lang", "en"]
    cases = {
        str(tmp_path / "f.xlsx"): "already exists; add --force to replace it",
        str(tmp_path / "f.xlsx" / "a.xlsx"): "is a file, not a folder",
        str(tmp_path / "no" / "a.xlsx"): "no such folder",
        str(tmp_path / ("a" * 300 + ".xlsx")): "the name or the path is too long",
    }
    for output, said in cases.items():
        result = kpi(*base, "-o", output)
        assert result.exit_code == 2, output
        assert len(result.stderr.splitlines()) == 1
        assert said in result.stderr
    result = kpi("template", "--all-units", "--period", "2024-Q2", "-o", str(tmp_path / "f.xlsx"))
    assert result.exit_code == 2
    assert "là một tệp; --all-units ghi mỗi đơn vị một sổ tính vào một thư mục" in result.stderr
    assert _left(tmp_path) == ["f.xlsx"]


def test_review_and_chase_write_through_the_same_writer(kpi: Kpi, tmp_path: Path) -> None:
    q4 = "data/submissions/2024-Q4"
    review = tmp_path / "review.md"
    assert kpi("review", q4, "--round", "2024", "-o", str(review)).exit_code == 0
    again = kpi("review", q4, "--round", "2024", "-o", str(review), "--lang", "en")
    assert again.exit_code == 2
    assert again.stderr == f"kpi: {review}: already exists; add --force to replace it\n"
    chase = tmp_path / "chase.csv"
    result = kpi("chase", q4, "--as-of", "2025-01-25", "-o", str(chase))
    assert result.exit_code == 1  # someone is to be chased
    assert result.stdout == ""
    assert chase.read_text(encoding="utf-8").startswith("unit_code,unit,round,deadline")
    assert kpi("chase", q4, "--as-of", "2025-01-25", "-o", str(chase)).exit_code == 2
    table = kpi("chase", q4, "-o", str(tmp_path / "chase.txt"))
    assert table.exit_code == 2
    assert "ghi ra tệp dạng .md (markdown), .json (json), .csv (csv)" in table.stderr
    assert _left(tmp_path) == ["chase.csv", "review.md"]


def test_six_simultaneous_exports_write_once(tmp_path: Path) -> None:
    """The attack of the issue: six `kpi export -o same.xlsx` at once, without --force."""
    folder = tmp_path / "q2"
    folder.mkdir()
    shutil.copy(Q2 / "NK_2024-Q2.xlsx", folder)
    out = tmp_path / "same.xlsx"
    args = [sys.executable, "-m", "cantho_kpi", "export", str(folder), "-o", str(out)]
    runs = [
        subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    said = [run.communicate(timeout=300)[1].decode() for run in runs]
    written = [s for s, run in zip(said, runs, strict=True) if run.returncode == 0]
    refused = [s for s, run in zip(said, runs, strict=True) if run.returncode == 2]
    assert len(written) == 1
    assert written[0] == f"đã ghi {out}\n"
    assert refused == [f"kpi: {out}: đã có; thêm --force để thay thế\n"] * 5
    assert _left(tmp_path) == ["q2", "same.xlsx"]


def test_a_full_disk_during_an_export_is_one_line_and_exit_2(
    kpi: Kpi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing_module.os, "fsync", full)
    out = tmp_path / "tong-hop.xlsx"
    result = kpi("export", str(Q2), "-o", str(out), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"kpi: {out}: cannot be written: no space left on the disk\n"
    assert _left(tmp_path) == []
