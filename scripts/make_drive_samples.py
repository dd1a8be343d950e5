"""Make the drive's sample resubmission and the office's received logs in data/submissions/.

    python scripts/make_drive_samples.py            # write them into data/submissions
    python scripts/make_drive_samples.py --out DIR  # write them elsewhere (the tests do)

Quận Ninh Kiều sends a corrected report for 2024-Q4, ``NK_2024-Q4_v2.xlsx``: the figures of
``NK_2024-Q4.xlsx`` (made the same way by scripts/make_samples.py) with its health insurance
coverage (CT13) corrected, and 'Ngày lập' left blank (the same bytes on every run). The
office's incoming logs, ``received.csv`` in each round's folder, give the day each file was
received: the v2 file on 24/01/2025, four days after the round's deadline (20/01/2025 in
data/drive.yaml), so the sample has a resubmission (the v2 file replaces ``NK_2024-Q4.xlsx``,
which is listed as superseded) and a late unit; in 2024-Q2 Quận Ô Môn's report came four days
late. One file of each round is not in its log (Huyện Vĩnh Thạnh's in 2024-Q2, the Ban Tổ
chức Thành ủy's in 2024-Q4): its day of receipt is unknown, as happens. Kept apart from
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
#: The office's incoming log of each round's folder (VT's 2024-Q2 file and BTCTU's 2024-Q4
#: file are not in it: their day of receipt is unknown).
RECEIVED = {
    "2024-Q2": [
        ("CT", "17/06/2024"), ("NK", "17/06/2024"), ("BT", "18/06/2024"), ("CR", "18/06/2024"),
        ("OM", "24/06/2024"), ("TN", "19/06/2024"), ("PD", "17/06/2024"), ("CD", "20/06/2024"),
        ("TL", "18/06/2024"), ("SYT", "17/06/2024"), ("SGDDT", "19/06/2024"),
        ("STC", "18/06/2024"),
    ],
    "2024-Q4": [
        ("CT", "07/01/2025"), ("NK", "07/01/2025"), ("NK_v2", "24/01/2025"), ("BT", "08/01/2025"),
        ("CR", "07/01/2025"), ("OM", "09/01/2025"), ("TN", "08/01/2025"), ("PD", "07/01/2025"),
        ("CD", "10/01/2025"), ("TL", "08/01/2025"), ("VT", "09/01/2025"), ("SYT", "07/01/2025"),
        ("SGDDT", "08/01/2025"), ("STC", "07/01/2025"),
    ],
}  # fmt: skip
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
    return [path, *(_log(out_root / text, rows) for text, rows in RECEIVED.items())]


def _log(folder: Path, rows: list[tuple[str, str]]) -> Path:
    """A folder's received.csv: a header line, then one line per file received."""
    period = folder.name
    lines = ["file,date"]
    for unit, day in rows:
        code, _, version = unit.partition("_")
        lines.append(f"{code}_{period}{'_' + version if version else ''}.xlsx,{day}")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "received.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "submissions")
    args = parser.parse_args()
    for path in make_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
