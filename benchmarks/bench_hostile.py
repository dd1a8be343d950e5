"""Benchmark: the time and memory one hostile or oversized workbook costs, whatever its headers
say, and what `kpi check --jobs N` costs holding N of them at once.

    python benchmarks/bench_hostile.py

Each case is read in a fresh process (so that its peak resident memory is its own): the time
of read_submission (wall clock, and the CPU time of the process, steadier on a shared machine)
and the growth of the peak resident memory over the process's start. Then
`kpi check` reads a folder holding every case five times, with 1 and 2 jobs, and the peak of the
sum of all its processes' memory is reported (sampled from /proc, as in bench_check.py).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from bench_check import MEASURE

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "data" / "submissions" / "libreoffice" / "CR_2024-Q2.xlsx"
MIB = 1024 * 1024

ONE = r"""
import sys, time
from pathlib import Path
from cantho_kpi.submissions import read_submission
from cantho_kpi.targets import load_targets
targets = load_targets(Path(sys.argv[1])).targets
def peak():  # KiB; VmHWM starts afresh at exec, unlike ru_maxrss
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM"))
before = peak()
start, cpu = time.perf_counter(), time.process_time()
sub = read_submission(Path(sys.argv[2]), targets, engine=sys.argv[3])
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
grown = peak() - before
codes = sorted({i.code for i in sub.issues if i.location.cell is None})
print(f"{elapsed:.3f} {cpu:.3f} {grown / 1024:.1f} {','.join(codes) or '-'}")
"""


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(BASE) as base:
        return {info.filename: base.read(info) for info in base.infolist()}


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _declare(path: Path, part: str, size: int) -> None:
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(part)] != part.encode():
        at = data.find(b"PK\x01\x02", at + 4)
    data[at + 24 : at + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def _dense_sheet(size: int, seed: int) -> bytes:
    """The base sheet with rows of ten random numbers appended, ``size`` bytes in all."""
    rng = random.Random(seed)
    head, tail = _parts()["xl/worksheets/sheet1.xml"].decode().split("</sheetData>")
    rows, total, number = [], len(head) + len(tail), 100
    while total < size - 400:
        cells = "".join(f'<c r="{c}{number}"><v>{rng.random():.6f}</v></c>' for c in "ABCDEFGHIJ")
        row = f'<row r="{number}">{cells}</row>'
        rows.append(row)
        total += len(row)
        number += 1
    return (head + "".join(rows) + "</sheetData>" + tail).encode()


def _formatted_sheet(rows: int | None = None, size: int | None = None, before: str = "") -> bytes:
    """The base sheet with formatted empty rows appended (bordered cells A..F, as Excel writes
    them): ``rows`` of them, or as many as fit in ``size`` bytes; ``before`` is written just
    before sheetData."""
    head, tail = _parts()["xl/worksheets/sheet1.xml"].decode().split("</sheetData>")
    head = head.replace("<sheetData>", before + "<sheetData>")
    cells = "".join(f'<c r="{c}{{n}}" s="1"/>' for c in "ABCDEF")
    template = f'<row r="{{n}}" spans="1:6">{cells}</row>'
    made, total, number = [], len(head.encode()) + len(tail.encode()) + 12, 46
    while (rows is not None and len(made) < rows) or (
        size is not None and total + len(template) + 14 < size
    ):
        row = template.format(n=number)
        made.append(row)
        total += len(row)
        number += 1
    return (head + "".join(made) + "</sheetData>" + tail).encode()


def make_cases(folder: Path) -> dict[str, Path]:
    cases: dict[str, Path] = {}
    # a lying size: 64 MiB of spaces (64 KB compressed) declared as 1,000 bytes
    parts = _parts()
    parts["xl/sharedStrings.xml"] = b"<sst>" + b" " * (64 * MIB) + b"</sst>"
    cases["size lie (64 MiB declared 1,000)"] = _write(folder / "lie.xlsx", parts)
    _declare(cases["size lie (64 MiB declared 1,000)"], "xl/sharedStrings.xml", 1000)
    # an honest 64 MiB part at the ratio limit that no reader parses (not XML)
    parts = _parts()
    block = random.Random(1).randbytes(MIB // 200)
    parts["xl/media/image1.bin"] = block * 200 * 64
    cases["64 MiB non-XML part"] = _write(folder / "media.xlsx", parts)
    # a DOCTYPE after a 1.9 MB comment (of random letters: not a compression bomb)
    parts = _parts()
    sst = parts["xl/sharedStrings.xml"]
    letters = bytes(random.Random(4).choices(b"abcdefghij", k=2 * MIB - 20_000))
    parts["xl/sharedStrings.xml"] = (
        b"<?xml version='1.0'?><!--" + letters + b'--><!DOCTYPE x [<!ENTITY e "a">]>'
    ) + sst[sst.index(b"<sst") :]
    cases["DOCTYPE after a 2 MB comment"] = _write(folder / "doctype.xlsx", parts)
    # honest: borders drawn down 20,000 rows below the table (2.45 MB of sheet XML)
    parts = _parts()
    parts["xl/worksheets/sheet1.xml"] = _formatted_sheet(rows=20_000)
    cases["20,000 formatted empty rows"] = _write(folder / "rows.xlsx", parts)
    # honest: the largest sheet accepted, 64 MiB of formatted empty rows
    parts["xl/worksheets/sheet1.xml"] = _formatted_sheet(size=64 * MIB - 1024)
    cases["64 MiB of formatted empty rows"] = _write(folder / "rows64.xlsx", parts)
    # the same 64 MiB with a comment before its rows: none may be dropped, so the work bound
    # refuses it before parsing
    parts["xl/worksheets/sheet1.xml"] = _formatted_sheet(size=64 * MIB - 1024, before="<!-- -->")
    cases["64 MiB that cannot be skipped"] = _write(folder / "rows64c.xlsx", parts)
    # the most work accepted: cells with values up to the bound of XML tags (750,000)
    parts = _parts()
    parts["xl/worksheets/sheet1.xml"] = _dense_sheet(6_100_000, 5)
    cases["most work accepted (740k tags, 6.1 MB)"] = _write(folder / "work.xlsx", parts)
    # 8 MiB of shared strings of about 40 characters (their cap)
    rng = random.Random(6)
    words = [bytes(rng.choices(b"abcdefghijklmnopqrstuvwxyz ", k=40)) for _ in range(1000)]
    strings = parts["xl/sharedStrings.xml"] = _parts()["xl/sharedStrings.xml"]
    padding = b"".join(b"<si><t>%s %d</t></si>" % (words[i % 1000], i) for i in range(130_000))
    parts["xl/worksheets/sheet1.xml"] = _parts()["xl/worksheets/sheet1.xml"]
    parts["xl/sharedStrings.xml"] = strings.replace(b"</sst>", padding + b"</sst>")
    cases["8 MiB of shared strings"] = _write(folder / "strings.xlsx", parts)
    # what the openpyxl fallback takes at most: a sheet of 1 MiB of dense cells, two in all
    parts = _parts()
    parts["xl/worksheets/sheet1.xml"] = _dense_sheet(MIB - 1024, 2)
    parts["xl/worksheets/sheet2.xml"] = _dense_sheet(MIB - 100 * 1024, 3)
    workbook = parts["xl/workbook.xml"]
    parts["xl/workbook.xml"] = workbook.replace(b'state="hidden"', b'state="visible"')
    cases["fallback's largest (2 sheets, 2 MiB)"] = _write(folder / "dense2.xlsx", parts)
    return cases


def main() -> None:
    targets = str(ROOT / "data" / "targets.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = make_cases(folder)
        print(f"{'case':40} {'engine':8} {'time':>8} {'cpu':>8} {'memory':>10}  file problems")
        for label, path in cases.items():
            engines = ["auto", "openpyxl"] if "fallback" in label or "rows" in label else ["auto"]
            for engine in engines:
                done = subprocess.run(
                    [sys.executable, "-c", ONE, targets, str(path), engine],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                elapsed, cpu, grown, codes = done.stdout.split()
                size = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size
                print(
                    f"{label:40} {engine:8} {float(elapsed):7.3f}s {float(cpu):7.3f}s "
                    f"{grown:>6} MiB  {codes} "
                    f"(sheet1: {size:,} bytes)"
                )
        batch = folder / "batch"
        batch.mkdir()
        for copy in range(5):  # 25 files: enough for worker processes (PARALLEL_FROM)
            for path in cases.values():
                (batch / f"{copy}{path.name}").write_bytes(path.read_bytes())
        print(f"\nkpi check on {len(cases) * 5} such files (each case five times):")
        for jobs in ("1", "2"):
            command = [sys.executable, "-m", "cantho_kpi", "check", str(batch)]
            command += ["--format", "json", "--fail-on", "never", "--jobs", jobs]
            done = subprocess.run(
                [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, cwd=ROOT
            )
            elapsed, largest, peak_sum, code, _, _ = done.stdout.split()
            print(
                f"  --jobs {jobs}: {float(elapsed):5.2f} s, largest process "
                f"{int(largest) / 1024:5.1f} MiB, all processes {int(peak_sum) / 1024:5.1f} MiB "
                f"(exit {code})"
            )


if __name__ == "__main__":
    main()
