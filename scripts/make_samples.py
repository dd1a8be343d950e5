"""Make the sample submissions in data/submissions/ from the official template.

    python scripts/make_samples.py            # rewrite data/submissions/2024-Q2 and 2024-Q4
    python scripts/make_samples.py --out DIR  # write them elsewhere (the tests do)

Values are drawn from a seeded generator around each target (exceeded, met, near, not met), so
the files are the same byte for byte on every run. Counts that add up across units (communes,
new party members) are set per unit at the unit's own scale (``COUNTS``): the districts'
communes add up to the city's figure in 2024-Q2 and not in 2024-Q4, and Sở Y tế's doctors per
10,000 people disagree with the city's in 2024-Q4, so that the reconciliation has something to
find. A few files carry the slips real clerks make: a number typed as text with a decimal comma
(BT), a percent-formatted cell (CR), a missing value with a note (OM), a value that cannot be
read (TN); Huyện Cờ Đỏ names its 2024-Q2 report "6 tháng đầu năm 2024"; in 2024-Q2 the Ban Tổ
chức Thành ủy has not reported yet. The files follow the template's instructions for their
round: a flow is year-to-date (budget revenue at mid-year is about half the year's estimate),
a figure that describes a whole year is, in the half-year report, the estimate for the year
marked x in the 'Ước tính' column, and the economic structure's four shares add up to 100 in
every report except the city's for the year 2024 (96.66: the warning shares-do-not-add-up).
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from cantho_kpi.domain import Period, TargetKind, parse_period
from cantho_kpi.targets import Indicator, Measure, ReportingUnit, TargetsFile, load_targets
from cantho_kpi.workbooks import HEADER_ROW, build_template, save_atomically

ROOT = Path(__file__).resolve().parent.parent
PERIODS = ("2024-Q2", "2024-Q4")
NOT_YET = {"2024-Q2": {"BTCTU"}}
#: Units that name their report by the half-year ("6 tháng đầu năm 2024"), not the quarter.
HALF_YEAR = {"2024-Q2": {"CD"}}

_URBAN = ("NK", "BT", "CR", "OM", "TN")  # quận: wards only, no communes
#: period -> indicator -> unit -> figure, for the counts that add up across units and for the
#: figures two units report for the same thing.
COUNTS: dict[str, dict[str, dict[str, object]]] = {
    "2024-Q2": {
        "CT14a": {"CT": 22, "PD": 5, "CD": 6, "TL": 6, "VT": 5} | dict.fromkeys(_URBAN, 0),
        "CT14b": {"CT": 8, "PD": 2, "CD": 2, "TL": 2, "VT": 2} | dict.fromkeys(_URBAN, 0),
        "CT17b": {  # admitted in the year so far; the 7,000 is for the sum over 2021-2025
            "CT": 702,
            "NK": 118,
            "BT": 74,
            "CR": 69,
            "OM": 78,
            "TN": 85,
            "PD": 64,
            "CD": 73,
            "TL": 73,
            "VT": 68,
        },
        "CT12": {"SYT": 17},
        "CT13": {"SYT": 95},
    },
    "2024-Q4": {
        "CT14a": {"CT": 24, "PD": 6, "CD": 6, "TL": 7, "VT": 6} | dict.fromkeys(_URBAN, 0),
        "CT14b": {"CT": 8, "PD": 2, "CD": 2, "TL": 2, "VT": 2} | dict.fromkeys(_URBAN, 0),
        "CT17b": {
            "CT": 1452,
            "BTCTU": 1452,
            "NK": 245,
            "BT": 152,
            "CR": 143,
            "OM": 160,
            "TN": 175,
            "PD": 132,
            "CD": 150,
            "TL": 152,
            "VT": 143,
        },
        "CT12": {"SYT": Decimal("16.8")},
        "CT13": {"SYT": Decimal("99.6")},
    },
}


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
        "OM": {"CT13": ("note", "Chưa có số liệu thống kê")},
        "TN": {"CT08": "khoảng 75"},
    }.get(code, {})


def make_one(
    targets: TargetsFile,
    unit: ReportingUnit,
    period: Period,
    out: Path,
    named: Period,
    city: dict[str, object],
) -> Path:
    """One unit's workbook for ``period``, written to ``out``."""
    workbook = build_one(targets, unit, period, named, city)
    sheet = workbook[workbook.sheetnames[0]]
    # Ngày lập: the half-year round is reported as estimates before the June review (due
    # 20/06/2024 in data/drive.yaml); the year's report in January
    sheet.cell(8, 2, "14/06/2024" if period.first_month % 12 < 6 else "06/01/2025")
    path = out / f"{unit.code}_{period}.xlsx"
    save_atomically(workbook, path, force=True)
    return path


def build_one(
    targets: TargetsFile,
    unit: ReportingUnit,
    period: Period,
    named: Period,
    city: dict[str, object],
) -> Workbook:
    """One unit's workbook for ``period``, its period written as ``named`` says, 'Ngày lập' left
    blank. A department reports the city's own figures for its field (``city``), unless
    ``COUNTS`` says otherwise; the city's figures are recorded in ``city`` when ``unit`` is the
    city."""
    workbook = build_template(targets, unit, named)
    sheet = workbook[workbook.sheetnames[0]]
    rng = random.Random(f"{unit.code}/{period}")
    slips = _slips(unit.code)
    counts = COUNTS.get(str(period), {})
    department = unit.level.value == "department"
    months = period.months if period.first_month % 12 == 0 else period.last_month % 12 + 1
    shares: dict[str, tuple[int, Decimal]] = {}
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        indicator = targets.indicator(str(code))
        if indicator is None:
            continue
        picked = _pick(indicator, rng)
        if indicator.measure is Measure.FLOW and not indicator.integer and months < 12:
            picked = (picked * months / 12).quantize(Decimal("0.01"))  # year-to-date
        if indicator.code.startswith("CT03"):
            shares[indicator.code] = (row, picked)
        value: object = float(picked)
        if indicator.measure is Measure.YEARLY and months < 12:
            sheet.cell(row, 7, "x")  # the estimate for the whole year
        if department and indicator.code in city:
            value = city[indicator.code]
        count = counts.get(indicator.code, {}).get(unit.code)
        if count is not None:
            value = float(count) if isinstance(count, Decimal) else count
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
        if unit.level.value == "city":
            city[indicator.code] = value
    if unit.level.value != "city" or months < 12:
        _add_up(sheet, shares)
    sheet.cell(7, 2, "Nguyễn Văn A")
    return workbook


def _add_up(sheet: object, shares: dict[str, tuple[int, Decimal]]) -> None:
    """A unit's four shares of its economy add up to 100: the last one takes what is left."""
    if len(shares) != 4:
        return
    *first, last = sorted(shares)
    rest = Decimal(100) - sum((shares[c][1] for c in first), Decimal(0))
    if Decimal(0) <= rest <= Decimal(100):
        sheet.cell(shares[last][0], 5, float(rest.normalize()))  # type: ignore[attr-defined]


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
        city: dict[str, object] = {}  # the city comes first and fills it in
        for unit in targets.reporting_units:
            if unit.code in NOT_YET.get(text, set()):
                continue
            named = Period.half(2024, 1) if unit.code in HALF_YEAR.get(text, set()) else period
            written.append(make_one(targets, unit, period, folder, named, city))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "submissions")
    args = parser.parse_args()
    for path in make_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
