"""The drive's sample data: the resubmission and received logs are what the script makes, and
the sample shows a late unit, a resubmission, a unit not received, one whose day of receipt is
unknown, and one with no launch document."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

from cantho_kpi.report import (
    Timeliness,
    evaluate,
    launch_statuses,
    round_statuses,
)
from cantho_kpi.submissions import discover, read_all, received_logs
from cantho_kpi.targets import DriveFile, TargetsFile, load_drive

from .conftest import ROOT

SAMPLES = ROOT / "data" / "submissions"


def _script():  # type: ignore[no-untyped-def]
    path = ROOT / "scripts" / "make_drive_samples.py"
    spec = importlib.util.spec_from_file_location("make_drive_samples", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _drive() -> DriveFile:
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    return drive


def test_committed_drive_samples_are_what_the_script_makes(tmp_path: Path) -> None:
    for made in _script().make_all(tmp_path):
        committed = SAMPLES / made.relative_to(tmp_path)
        assert made.read_bytes() == committed.read_bytes(), committed


def test_the_sample_has_a_late_resubmission_and_a_missing_unit(targets: TargetsFile) -> None:
    drive = _drive()
    for folder in ("2024-Q2", "2024-Q4"):
        files = discover([SAMPLES / folder])
        logs = received_logs(files)
        report = evaluate(targets, read_all(files, targets), targets_file="t", logs=logs)
        assert all(not log.issues for log in report.received_logs)  # the sample logs are clean
        rows = {r.unit_code: r for r in round_statuses(targets, drive, report)}
        if folder == "2024-Q2":
            assert rows["BTCTU"].status is Timeliness.NOT_RECEIVED
            om = rows["OM"]
            assert (om.status, om.days_late, om.date_source) == (Timeliness.LATE, 4, "received-log")
            vt = rows["VT"]  # not in the log, written on 14/06, before the deadline: unknown
            assert (vt.status, vt.date_source, vt.submitted_on) == (
                Timeliness.UNKNOWN,
                "sheet",
                date(2024, 6, 14),
            )
            on_time = [u for u, r in rows.items() if r.status is Timeliness.ON_TIME]
            assert len(on_time) == 11
        else:
            nk = rows["NK"]
            assert (nk.status, nk.days_late, nk.date_source) == (
                Timeliness.LATE,
                4,
                "received-log",
            )
            assert nk.file is not None
            assert nk.file.endswith("NK_2024-Q4_v2.xlsx")
            old = next(s for s in report.submissions if s.file.endswith("NK_2024-Q4.xlsx"))
            assert [i.code for i in old.issues] == ["superseded-submission"]
            assert not any(r.file == old.file for r in report.results)
            assert rows["BTCTU"].status is Timeliness.UNKNOWN  # not in the log


def test_launch_documents_of_the_sample(targets: TargetsFile) -> None:
    rows = {r.unit_code: r for r in launch_statuses(targets, _drive())}
    assert "CT" not in rows  # the city issued the plan
    assert rows["VT"].status is Timeliness.NOT_RECEIVED
    assert (rows["TL"].status, rows["TL"].days_late) == (Timeliness.LATE, 5)
    assert (rows["PD"].status, rows["PD"].received) == (Timeliness.ON_TIME, date(2024, 3, 31))
    before = {r.unit_code: r for r in launch_statuses(targets, _drive(), date(2024, 3, 31))}
    assert before["VT"].status is Timeliness.NOT_DUE
