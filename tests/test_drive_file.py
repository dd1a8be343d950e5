"""The drive file (data/drive.yaml): one fixture per defect, each paired with the exact issues
it must give (``tests/data/drive/invalid/NAME.expected``; regenerate with --update-golden), the
shipped file, and its place in ``kpi validate-targets``."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.targets import TargetsFile, load_drive

from .conftest import DATA, ROOT

INVALID = sorted((DATA / "drive" / "invalid").glob("*.yaml"))

MAIN_CODE = {
    "bad-date": "wrong-type",
    "candidates-for-a-heads-award": "not-a-city-award",
    "estimate-deadline-too-early": "deadline-before-round-end",
    "final-report-twice": "duplicate-code",
    "final-reports-after-review": "review-before-deadline",
    "review-before-deadline": "review-before-deadline",
    "review-round-without-deadline": "unknown-reference",
    "unknown-award": "unknown-reference",
    "dates-out-of-order": "date-order",
    "deadline-before-round-end": "deadline-before-round-end",
    "duplicate-round": "duplicate-round",
    "impossible-date": "wrong-type",
    "launch-document-unknown-unit": "unknown-unit",
    "negative-deduction": "negative-deduction",
    "round-without-deadline": "round-without-deadline",
    "unknown-key": "unknown-key",
    "unknown-member": "unknown-unit",
    "unknown-status-points": "wrong-type",
    "yes-for-boolean": "wrong-type",
    "unit-in-two-clusters": "unit-in-two-clusters",
    "duplicate-tie-break": "duplicate-rule",
    "date-out-of-range": "date-out-of-range",
    "drive-too-long": "date-out-of-range",
    "document-number-pattern": "document-number-pattern",
    "document-number-braces": "document-number-pattern",
    "document-unknown-key": "unknown-key",
}


def _load(path: Path, targets: TargetsFile):  # type: ignore[no-untyped-def]
    units = {u.code for u in targets.reporting_units}
    codes = {i.code for i in targets.indicators}
    return load_drive(path, path.name, units, codes)


def test_every_fixture_is_named() -> None:
    assert sorted(p.stem for p in INVALID) == sorted(MAIN_CODE)


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_drive_file(
    path: Path, targets: TargetsFile, golden: Callable[[Path, str], None]
) -> None:
    result = _load(path, targets)
    assert not result.valid
    assert result.drive is None
    assert MAIN_CODE[path.stem] in {i.code for i in result.issues}
    golden(path.with_suffix(".expected"), "".join(f"{i}\n" for i in result.issues))


def test_minimal_and_shipped_are_valid(targets: TargetsFile) -> None:
    assert _load(DATA / "drive" / "valid" / "minimal.yaml", targets).valid
    shipped = _load(ROOT / "data" / "drive.yaml", targets)
    assert shipped.valid, shipped.issues
    assert shipped.drive is not None
    assert shipped.drive.calendar.launch_document_due == date(2024, 3, 31)
    assert [c.id for c in shipped.drive.clusters] == ["quan-huyen", "so-ban-nganh"]


def test_validate_targets_checks_the_drive_file_beside(
    kpi: Callable[..., Result], tmp_path: Path
) -> None:
    result = kpi("validate-targets")
    assert result.exit_code == 0
    assert "data/drive.yaml: hợp lệ (4 đợt, 2 cụm, khối)" in result.output
    (tmp_path / "targets.yaml").write_bytes((ROOT / "data" / "targets.yaml").read_bytes())
    bad = DATA / "drive" / "invalid" / "unknown-member.yaml"
    (tmp_path / "drive.yaml").write_bytes(bad.read_bytes())
    result = kpi("validate-targets", str(tmp_path / "targets.yaml"))
    assert result.exit_code == 1
    assert "drive.yaml:15:52: unknown-unit: cụm, khối districts: XX" in result.output


def test_validate_targets_json_lists_the_drive_file(kpi: Callable[..., Result]) -> None:
    result = kpi("validate-targets", "--format", "json")
    assert result.exit_code == 0
    files = [f["file"] for f in json.loads(result.stdout)["files"]]
    assert files == ["data/targets.yaml", "data/drive.yaml"]
    # given both, as pre-commit does, the drive file is checked once
    both = kpi("validate-targets", "data/targets.yaml", "data/drive.yaml", "--format", "json")
    assert len(json.loads(both.stdout)["files"]) == 2


def test_check_goes_on_without_an_invalid_drive_file(
    kpi: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "targets.yaml").write_bytes((ROOT / "data" / "targets.yaml").read_bytes())
    bad = DATA / "drive" / "invalid" / "bad-date.yaml"
    (tmp_path / "drive.yaml").write_bytes(bad.read_bytes())
    targets = str(tmp_path / "targets.yaml")
    result = kpi("check", "data/submissions/2024-Q4", "--targets", targets, "-f", "json")
    assert result.exit_code == 1  # TN's invalid file, as without a drive file
    assert "drive.yaml không hợp lệ, bỏ qua lịch phong trào" in result.stderr
    assert "timeliness" not in json.loads(result.stdout)
    assert kpi("rank", "data/submissions/2024-Q4", "--targets", targets).exit_code == 2
