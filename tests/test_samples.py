"""The bundled sample submissions are made by scripts/make_samples.py, and every one of them
can be read."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cantho_kpi.domain import parse_period, round_of
from cantho_kpi.submissions import discover
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT
from .factories import read_checked

SAMPLES = ROOT / "data" / "submissions"
DRIVE_SAMPLES = {"NK_2024-Q4_v2.xlsx"}


def _make_samples_module(name: str = "make_samples"):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_samples_are_what_the_script_makes(tmp_path: Path) -> None:
    module = _make_samples_module()
    written = module.make_all(tmp_path)
    committed = sorted(
        p.relative_to(SAMPLES)
        for p in SAMPLES.rglob("*.xlsx")
        if p.parent.name in module.PERIODS
        and p.name not in DRIVE_SAMPLES  # made by scripts/make_drive_samples.py
    )
    assert sorted(p.relative_to(tmp_path) for p in written) == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


def test_committed_archive_is_what_its_script_makes(tmp_path: Path) -> None:
    """The city's annual rounds 2021-2023 (scripts/make_archive.py, sources in SOURCES.md)."""
    module = _make_samples_module("make_archive")
    written = module.make_all(tmp_path)
    committed = sorted(
        p.relative_to(SAMPLES)
        for p in SAMPLES.rglob("*.xlsx")
        if p.parent.name in {str(y) for y in module.YEARS}
    )
    assert sorted(p.relative_to(tmp_path) for p in written) == committed
    assert len(committed) == 3
    for name in committed:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


@pytest.mark.parametrize("path", sorted(SAMPLES.rglob("*.xlsx")), ids=lambda p: p.name)
def test_every_sample_reads(path: Path, targets: TargetsFile) -> None:
    sub = read_checked(path, targets)
    assert sub.unit_code == path.name.split("_")[0]
    said, folder = parse_period(sub.period or ""), parse_period(path.parent.name)
    assert said is not None
    assert folder is not None
    assert round_of(said) == round_of(folder)  # "6 tháng đầu năm 2024" in 2024-Q2: one round
    assert sub.values


def test_sample_slips(targets: TargetsFile) -> None:
    q2 = {p.name.split("_")[0]: read_checked(p, targets) for p in discover([SAMPLES / "2024-Q2"])}
    assert "BTCTU" not in q2  # has not reported yet
    assert q2["BT"].value("CT01").value is not None  # "7,8" typed as text
    assert q2["CR"].value("CT13").percent  # a percent-formatted cell
    assert q2["OM"].value("CT13").state == "empty"
    assert [i.code for i in q2["TN"].issues] == ["not-a-number"]
    assert sum(not s.valid for s in q2.values()) == 1
