"""The commands keep validated targets, drive and units' own targets files in a cache folder, by
the bytes they were read from (issue 20, item 4): a kept result is used only for the very same
bytes, names and code; a cache that cannot be read or written changes nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.targets import cache, load as load_module, load_drive_cached, load_targets_cached

from .conftest import ROOT

Kpi = Callable[..., Result]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    kept = tmp_path / "cache"
    monkeypatch.setenv("KPI_CACHE_DIR", str(kept))
    return kept


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A copy of the shipped targets file, its units' own targets and its drive file."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "targets.yaml", data / "targets.yaml")
    shutil.copy(ROOT / "data" / "drive.yaml", data / "drive.yaml")
    shutil.copytree(ROOT / "data" / "unit-targets", data / "unit-targets")
    return data / "targets.yaml"


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a targets file fails: only a kept result can be given."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the targets file was read again")

    monkeypatch.setattr(load_module, "load_targets", refuse)


def test_the_same_bytes_give_the_kept_result(
    files: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_targets_cached(files)
    assert first.valid
    assert first.unit_files == 3
    assert len(list(folder.glob("targets-*.pickle"))) == 1
    _no_yaml(monkeypatch)
    again = load_targets_cached(files)
    assert again == first
    assert again.targets == first.targets


@pytest.mark.parametrize(
    "change",
    ["targets value", "unit file changed", "unit file added", "unit file removed", "code"],
)
def test_a_cache_is_never_stale(
    files: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    first = load_targets_cached(files)
    assert first.targets is not None
    units = files.parent / "unit-targets"
    if change == "targets value":
        text = files.read_text(encoding="utf-8")
        assert text.count("min: 7.5\n") == 1
        files.write_text(text.replace("min: 7.5\n", "min: 7.6\n"), encoding="utf-8")
    elif change == "unit file changed":
        nk = units / "NK.yaml"
        nk.write_text(nk.read_text(encoding="utf-8").replace("max: 0.2", "max: 0.3"), "utf-8")
    elif change == "unit file added":
        shutil.copy(units / "NK.yaml", units / "NK-copy.yaml")
    elif change == "unit file removed":
        (units / "PD.yaml").unlink()
    else:  # the same bytes read by another version of kpi: read again, not taken as kept
        monkeypatch.setattr(cache, "_CODE", [b"another version of kpi"])
    again = load_targets_cached(files)
    assert len(list(folder.glob("targets-*.pickle"))) == 2
    assert (again == first) is (change == "code")


def test_a_cache_that_cannot_be_read_is_not_used(
    files: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_targets_cached(files)
    (kept,) = folder.glob("targets-*.pickle")
    kept.write_bytes(kept.read_bytes()[:100])  # cut short
    assert load_targets_cached(files) == first
    kept.write_bytes(b"not ours")
    assert load_targets_cached(files) == first
    # a result kept for other bytes, under this key's name: its own key is inside
    other = files.parent / "other.yaml"
    other.write_text(files.read_text(encoding="utf-8") + "\n# another file\n", "utf-8")
    load_targets_cached(other)
    (stranger,) = (p for p in folder.glob("targets-*.pickle") if p != kept)
    kept.write_bytes(stranger.read_bytes())
    _no_yaml(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        load_targets_cached(files)


def test_a_cache_that_cannot_be_written_is_skipped(
    files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KPI_CACHE_DIR", str(blocker / "cache"))
    first = load_targets_cached(files)
    assert first.valid
    assert load_targets_cached(files) == first
    assert blocker.read_text() == "not a folder"


def test_no_cache_when_the_folder_is_set_empty(
    files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_folder() is None
    assert load_targets_cached(files).valid
    assert not (tmp_path / "xdg").exists()
    assert not (tmp_path / "home").exists()


def test_the_drive_file_is_kept_by_its_bytes(files: Path, folder: Path) -> None:
    drive = files.parent / "drive.yaml"
    first = load_drive_cached(drive, str(drive))
    assert first.valid
    assert load_drive_cached(drive, str(drive)) == first
    drive.write_text(drive.read_text(encoding="utf-8") + "\n# changed\n", "utf-8")
    load_drive_cached(drive, str(drive))
    assert len(list(folder.glob("drive-*.pickle"))) == 2


def test_at_most_so_many_results_are_kept(files: Path, folder: Path) -> None:
    text = files.read_text(encoding="utf-8")
    for number in range(cache.KEEP + 3):
        files.write_text(text + f"\n# {number}\n", "utf-8")
        assert load_targets_cached(files).valid
    assert len(list(folder.glob("targets-*.pickle"))) == cache.KEEP


def test_check_says_the_same_from_the_cache(kpi: Kpi, folder: Path) -> None:
    first = kpi("check", "data/submissions/2024-Q2")
    assert len(list(folder.glob("*.pickle"))) == 2  # the targets file and the drive file
    again = kpi("check", "data/submissions/2024-Q2")
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert first.exit_code == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_waited_for(tmp_path: Path, folder: Path) -> None:
    """Hashing the files for the key never opens a pipe for reading and waits on it: a unit's
    file that is a pipe makes the result uncached, read by the loader as without a cache."""
    data = tmp_path / "pipe"
    data.mkdir()
    shutil.copy(ROOT / "data" / "targets.yaml", data / "targets.yaml")
    (data / "unit-targets").mkdir()
    os.mkfifo(data / "unit-targets" / "XX.yaml")
    assert cache._key("targets", [data / "unit-targets" / "XX.yaml"], "x") is None
    assert not list(folder.glob("*.pickle"))
