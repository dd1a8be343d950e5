"""Make the drive's sample resubmission and the office's received log in data/submissions/.

    python scripts/make_drive_samples.py            # write them into data/submissions/2024-Q4
    python scripts/make_drive_samples.py --out DIR  # write them elsewhere (the tests do)

Quận Ninh Kiều sends a corrected report for 2024-Q4, ``NK_2024-Q4_v2.xlsx``: the figures of
``NK_2024-Q4.xlsx`` (made the same way by scripts/make_samples.py) with its health insurance
coverage (CT13) corrected, and 'Ngày lập' left blank (the same bytes on every run); the
office's log, ``received.csv``, says it came on 24/01/2025, four days after the round's deadline
(20/01/2025 in data/drive.yaml). So the sample has a resubmission (the v2 file replaces
``NK_2024-Q4.xlsx``, which is listed as superseded) and a late unit. Kept apart from
scripts/make_samples.py, which writes the other files.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from cantho_kpi.domain import parse_period
from cantho_kpi.targets import load_targets
from cantho_kpi.workbooks import HEADER_ROW, save_atomically

ROOT = Path(__file__).resolve().parent.parent
UNIT, PERIOD, NAME = "NK", "2024-Q4", "NK_2024-Q4_v2.xlsx"
RECEIVED = "file,date\nNK_2024-Q4_v2.xlsx,24/01/2025\n"
CORRECTED = ("CT13", 96.4)  # NK's health insurance coverage, corrected


def _samples():  # type: ignore[no-untyped-def]
    """scripts/make_samples.py, which makes the file this one corrects."""
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts/make_samples.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_all(out_root: Path) -> list[Path]:
    result = load_targets(ROOT / "data" / "targets.yaml")
    assert result.targets is not None, result.issues
    targets = result.targets
    unit, period = targets.unit(UNIT), parse_period(PERIOD)
    assert unit is not None
    assert period is not None
    workbook = _samples().build_one(targets, unit, period, period, {})
    sheet = workbook[workbook.sheetnames[0]]
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == CORRECTED[0]:
            sheet.cell(row, 5, CORRECTED[1])  # the correction
    folder = out_root / PERIOD
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / NAME
    save_atomically(workbook, path, force=True)
    log = folder / "received.csv"
    log.write_text(RECEIVED, encoding="utf-8")
    return [path, log]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "submissions")
    args = parser.parse_args()
    for path in make_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
