"""Make the sample submissions in data/submissions/ from the official template.

    python scripts/make_samples.py            # rewrite data/submissions/2024-Q2 and 2024-Q4
    python scripts/make_samples.py --out DIR  # write them elsewhere (the tests do)

Values are drawn from a seeded generator around each target (exceeded, met, near, not met), so
the files are the same byte for byte on every run. A few files carry the slips real clerks make:
a number typed as text with a decimal comma (BT), a percent-formatted cell (CR), a missing value
with a note (OM), a value that cannot be read (TN); in 2024-Q2 the Ban Tổ chức Thành ủy has not
reported yet.
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

from cantho_kpi.domain import Period, TargetKind, parse_period
from cantho_kpi.targets import Indicator, ReportingUnit, TargetsFile, load_targets
from cantho_kpi.workbooks import HEADER_ROW, build_template, save_atomically

ROOT = Path(__file__).resolve().parent.parent
PERIODS = ("2024-Q2", "2024-Q4")
NOT_YET = {"2024-Q2": {"BTCTU"}}


def _pick(indicator: Indicator, rng: random.Random) -> Decimal:
    low, high = indicator.plausible.min, indicator.plausible.max
    tol = indicator.tolerance or Decimal(1)
    kind, lo, hi = indicator.kind, indicator.min, indicator.max
    roll = rng.random()
    if kind in (TargetKind.RANGE, TargetKind.BAND) and lo is not None and hi is not None:
        width = hi - lo
        choices = [lo + width * Decimal(rng.random()), lo - tol * 2, hi + max(width, tol)]
        if kind is TargetKind.RANGE:
            choices.append(lo - tol / 2)
        value = choices[0] if roll < 0.55 else choices[1 + int(roll * 100) % (len(choices) - 1)]
    elif kind in (TargetKind.AT_LEAST, TargetKind.ABOVE) and lo is not None:
        room = high - lo
        exceeded = lo + min(room, max(tol, lo / 20)) * Decimal(rng.random())
        value = [lo, exceeded, lo - tol / 2, lo - tol * 3][_bucket(roll)]
    else:
        assert hi is not None
        value = [hi * Decimal("0.6"), hi / 2, hi + tol / 2, hi * 3][_bucket(roll)]
    return min(max(value, low), high).quantize(Decimal("0.01")).normalize()


def _bucket(roll: float) -> int:
    return 0 if roll < 0.4 else 1 if roll < 0.65 else 2 if roll < 0.82 else 3


def _slips(code: str) -> dict[str, object]:
    """unit code -> {indicator code: what to write instead of a clean number}."""
    return {
        "BT": {"CT01": "7,8"},
        "CR": {"CT13": ("percent", Decimal("0.955"))},
        "OM": {"CT12": ("note", "Chưa có số liệu thống kê")},
        "TN": {"CT08": "khoảng 75"},
    }.get(code, {})


def make_one(targets: TargetsFile, unit: ReportingUnit, period: Period, out: Path) -> Path:
    workbook = build_template(targets, unit, period)
    sheet = workbook[workbook.sheetnames[0]]
    rng = random.Random(f"{unit.code}/{period}")
    slips = _slips(unit.code)
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        indicator = targets.indicator(str(code))
        if indicator is None:
            continue
        value: object = float(_pick(indicator, rng))
        slip = slips.get(indicator.code)
        if isinstance(slip, str):
            value = slip
        elif isinstance(slip, tuple) and slip[0] == "percent":
            value = float(slip[1])
            sheet.cell(row, 5).number_format = "0.0%"
        elif isinstance(slip, tuple) and slip[0] == "note":
            value = None
            sheet.cell(row, 6, slip[1])
        sheet.cell(row, 5, value)
    sheet.cell(7, 2, "Nguyễn Văn A")
    sheet.cell(8, 2, "05/07/2024" if period.first_month % 12 < 6 else "06/01/2025")
    path = out / f"{unit.code}_{period}.xlsx"
    save_atomically(workbook, path, force=True)
    return path


def make_all(out_root: Path) -> list[Path]:
    result = load_targets(ROOT / "data" / "targets.yaml")
    assert result.targets is not None, result.issues
    targets = result.targets
    written = []
    for text in PERIODS:
        period = parse_period(text)
        assert period is not None
        folder = out_root / text
        folder.mkdir(parents=True, exist_ok=True)
        for unit in targets.reporting_units:
            if unit.code not in NOT_YET.get(text, set()):
                written.append(make_one(targets, unit, period, folder))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "submissions")
    args = parser.parse_args()
    for path in make_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
