"""Benchmark: `kpi check DIR --format json` against a plain openpyxl read-only loop doing the
same extraction over the same files, both timed end to end in the same run.

    python benchmarks/bench_check.py            # 1,000 submissions
    python benchmarks/bench_check.py -n 5000 --jobs 2

The submissions are made from a workbook saved by LibreOffice (shared strings, its own styles,
a percent-formatted cell), each with its own unit code and values. The baseline is what a
careful script would do with openpyxl: load_workbook(read_only=True, data_only=True), find the
header row on the visible sheet, and take (code, value, number format) from each row below it.
It prints both times, milliseconds per file, the ratio, and each side's peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "data" / "submissions" / "libreoffice" / "CR_2024-Q2.xlsx"

BASELINE = r"""
import sys
from pathlib import Path
from openpyxl import load_workbook

CODE, VALUE = "mã chỉ tiêu", "giá trị thực hiện"
rows = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        code_col = value_col = None
        for row in sheet.iter_rows():
            cells = [c for c in row if getattr(c, "value", None) is not None]
            if code_col is None:
                labels = {str(c.value).strip().lower(): c.column for c in cells}
                if CODE in labels and VALUE in labels:
                    code_col, value_col = labels[CODE], labels[VALUE]
                continue
            found = {c.column: c for c in cells}
            if code_col in found:
                value = found.get(value_col)
                rows += 1
                _ = (found[code_col].value, value.value if value else None,
                     value.number_format if value else None)
    book.close()
print(rows)
"""

MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak, done.returncode, len(done.stdout))
sys.stdout.flush()
sys.stderr.write(done.stdout.decode()[-200:])
"""


def make_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` submissions made from the LibreOffice-saved base, each with its own unit code
    (shared string) and values (numbers in column E)."""
    rng = random.Random(seed)
    with zipfile.ZipFile(BASE) as base:
        parts = {info.filename: base.read(info) for info in base.infolist()}
    strings = parts["xl/sharedStrings.xml"].decode()
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    value = re.compile(r'(<c r="E\d+"(?![^>]*\bt=)[^>]*><v>)([^<]+)(</v>)')  # numbers only
    for index in range(count):
        code = f"X{index:05d}"
        unit = re.sub(r"(<t[^>]*>)CR(</t>)", rf"\g<1>{code}\g<2>", strings)
        assert unit != strings, "the base workbook's unit code was not found"
        parts["xl/sharedStrings.xml"] = unit.encode()

        def jitter(match: re.Match[str]) -> str:
            new = float(match[2]) * rng.uniform(0.9, 1.1)
            return f"{match[1]}{new:.6g}{match[3]}"

        parts["xl/worksheets/sheet1.xml"] = value.sub(jitter, sheet).encode()
        with zipfile.ZipFile(folder / f"{code}_2024-Q2.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                out.writestr(name, data)


def measure(command: list[str]) -> tuple[float, int, str]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    elapsed, peak, code, size = done.stdout.split()
    return float(elapsed), int(peak), f"exit {code}, {size} bytes of output"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="kpi --jobs (default: the cores)")
    args = parser.parse_args()
    kpi = [sys.executable, "-m", "cantho_kpi"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "2024-Q2"
        folder.mkdir()
        start = time.perf_counter()
        make_corpus(folder, args.count)
        print(f"made {args.count} submissions in {time.perf_counter() - start:.1f} s")
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        check = [*kpi, "check", str(folder), "--format", "json", "--fail-on", "never", *jobs]
        ours, our_peak, our_note = measure(check)
        base, base_peak, base_note = measure([sys.executable, "-c", BASELINE, str(folder)])
    n = args.count
    print(json.dumps({"files": n, "cores": os.cpu_count()}))
    print(
        f"kpi check --format json : {ours:7.2f} s  {1000 * ours / n:6.2f} ms/file  "
        f"peak {our_peak / 1024:6.1f} MiB  ({our_note})"
    )
    print(
        f"openpyxl read-only loop : {base:7.2f} s  {1000 * base / n:6.2f} ms/file  "
        f"peak {base_peak / 1024:6.1f} MiB  ({base_note})"
    )
    print(f"ratio (openpyxl / kpi)  : {base / ours:7.2f}x")


if __name__ == "__main__":
    main()
