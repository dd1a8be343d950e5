"""Make the city's annual rounds 2021-2023 in data/submissions/ from the official template.

    python scripts/make_archive.py            # rewrite data/submissions/2021, 2022, 2023
    python scripts/make_archive.py --out DIR  # write them elsewhere (the tests do)

With the city's 2024-Q4 file (made by scripts/make_samples.py), they form the archive that
`kpi progress data/submissions` reads. Some figures are published ones, cited in
data/submissions/SOURCES.md; the others are MADE UP (chosen so that every progress status
shows), and SOURCES.md says which. The files are the same byte for byte on every run.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from cantho_kpi.domain import Period
from cantho_kpi.targets import TargetsFile, load_targets
from cantho_kpi.workbooks import HEADER_ROW, build_template, save_atomically

ROOT = Path(__file__).resolve().parent.parent
YEARS = (2021, 2022, 2023)

#: The city's figures by indicator: 2021, 2022, 2023 (None: not reported).
#: Published figures (SOURCES.md): CT01 2023, CT02 2023, CT04 2023, CT08 2023, CT10 2023,
#: CT11 2023, CT13 2023, CT15a 2023. Every other figure is made up.
FIGURES: dict[str, tuple[str | None, str | None, str | None]] = {
    "CT01": ("-3.6", "12.64", "5.75"),
    "CT02": ("86", "90", "94.12"),
    "CT03a": ("6.4", "6.1", "5.9"),
    "CT03b": ("33", "34.2", "34.6"),
    "CT03c": ("49", "50.5", "51.2"),
    "CT03d": ("4.2", "4", "3.95"),
    "CT04": ("8.1", "10.5", "14.41"),
    "CT05a": ("96", "97.5", "98"),
    "CT05b": ("11.2", "11.8", "12.3"),
    "CT06a": ("240", "260", "280"),
    "CT06b": ("6", "8", "9"),
    "CT07a": (None, None, None),
    "CT07b": ("30", "33", "36"),
    "CT08": ("72", "73", "74"),
    "CT09a": ("98.9", "98.4", "98"),
    "CT09b": ("99.5", "99.8", "100"),
    "CT09c": ("93", "93.6", "94.1"),
    "CT09d": ("83", "83.5", "83.8"),
    "CT10": ("78", "80.5", "82.5"),
    "CT11": ("1.2", "0.9", "0.21"),
    "CT12": ("16.2", "16.3", "16.4"),
    "CT13": ("91", "91.8", "92.4"),
    "CT14a": ("16", "18", "21"),
    "CT14b": ("3", "5", "6"),
    "CT15a": ("94", "95.2", "96.3"),
    "CT15b": ("98", "99", "100"),
    "CT15c": ("90", "91.5", "93"),
    "CT16": ("96", "98", "99"),
    "CT17a": ("81", "80.5", "80"),
    "CT17b": ("1350", "1420", "1380"),
    "CT18": ("72", "72.5", "72.8"),
    "CT19a": ("100", "100", "100"),
    "CT19b": ("100", "100", "99"),
    "CT20": ("70", "72", "74"),
    "CT21": ("80", "88", "94"),
}


def make_year(targets: TargetsFile, year: int, out: Path) -> Path:
    unit = targets.unit("CT")
    assert unit is not None
    period = Period.whole_year(year)
    workbook = build_template(targets, unit, period)
    sheet = workbook[workbook.sheetnames[0]]
    column = YEARS.index(year)
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        figures = FIGURES.get(str(sheet.cell(row, 1).value))
        if figures is None or figures[column] is None:
            continue
        sheet.cell(row, 5, float(Decimal(figures[column] or "0")))
    sheet.cell(7, 2, "Nguyễn Văn A")
    sheet.cell(8, 2, f"15/01/{year + 1}")
    path = out / f"CT_{year}.xlsx"
    save_atomically(workbook, path, force=True)
    return path


def make_all(out_root: Path) -> list[Path]:
    result = load_targets(ROOT / "data" / "targets.yaml")
    assert result.targets is not None, result.issues
    written = []
    for year in YEARS:
        folder = out_root / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        written.append(make_year(result.targets, year, folder))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "submissions")
    args = parser.parse_args()
    for path in make_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
