"""Benchmark: `kpi check DIR --format json` against a plain openpyxl read-only loop doing the
same extraction over the same files, both timed end to end in the same run, and against the
expat floor: what only unpacking every part and parsing every XML part with expat (no handler,
nothing read) costs.

    python benchmarks/bench_check.py            # 1,000 submissions of each shape, 1 and 2 jobs
    python benchmarks/bench_check.py -n 5000 --jobs 2 --shape styled
    python benchmarks/bench_check.py --repeat 3  # each command 3 times in turn: the medians

Three shapes of archive:

* ``styled``: made from a workbook saved by LibreOffice (shared strings, its own styles, a
  percent-formatted cell, a second sheet), each with its own unit code and values;
* ``minimal``: the smallest workbook a program writes (one sheet, one style, a few shared
  strings, no theme, no document properties): the files on which openpyxl itself is fastest;
* ``libreoffice``: a sample submission (the city's 2024-Q2 file, its unit's name and code
  cleared so that each copy's unit comes from its file's name) opened in LibreOffice headless
  and saved, then copied as it is (LibreOffice's own zip, part order and XML): needs
  ``soffice``.

The baseline is what a careful script would do with openpyxl: load_workbook(read_only=True,
data_only=True), find the header row on the visible sheet, and take (code, value, number
format) from each row below it. For each run it prints the time, milliseconds per file, the
CPU time of all processes (user and system: a steadier figure on a shared machine), the ratio
of wall-clock times, and peak memory two ways: the largest single process (ru_maxrss), and the
peak of the sum over all processes of the run (parent and workers, sampled from /proc every
20 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
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

FLOOR = r"""
import sys, zipfile
from pathlib import Path
from xml.parsers import expat

parts = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                expat.ParserCreate(namespace_separator=" ").Parse(data, True)
                parts += 1
print(parts)
"""

MEASURE = r"""
import os, resource, subprocess, sys, tempfile, threading, time

def tree_rss(root):
    # the resident memory (KiB) of root and all its descendants, from /proc
    parents, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stat:
                parents[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{name}/statm") as statm:
                rss[int(name)] = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            continue
    members, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in members} - members
        members |= more
        grew = bool(more)
    return sum(rss.get(pid, 0) for pid in members)

out = tempfile.TemporaryFile()
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=out, stderr=subprocess.DEVNULL)
peak_sum = 0
while process.poll() is None:
    peak_sum = max(peak_sum, tree_rss(process.pid))
    time.sleep(0.02)
elapsed = time.perf_counter() - start
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = children.ru_utime + children.ru_stime
out.seek(0)
data = out.read()
print(elapsed, children.ru_maxrss, peak_sum, process.returncode, len(data), cpu)
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


MINIMAL_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="BaoCao" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0" xfId="0"/></cellXfs></styleSheet>'
    ),
}
MINIMAL_CODES = [
    "CT01",
    "CT02",
    "CT03a",
    "CT03b",
    "CT03c",
    "CT03d",
    "CT04",
    "CT05a",
    "CT05b",
    "CT06a",
    "CT06b",
    "CT07a",
    "CT07b",
    "CT08",
    "CT09a",
    "CT09b",
    "CT09c",
    "CT09d",
    "CT10",
    "CT11",
    "CT12",
    "CT13",
    "CT14a",
    "CT14b",
    "CT15a",
    "CT15b",
    "CT15c",
    "CT16",
    "CT17a",
    "CT17b",
    "CT18",
    "CT19a",
    "CT19b",
    "CT20",
    "CT21",
]


def make_minimal(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` minimal submissions: metadata, header, one row per indicator (a number)."""
    rng = random.Random(seed)
    for index in range(count):
        code = f"M{index:05d}"
        strings = ["Mã đơn vị:", code, "Kỳ báo cáo:", "Quý 2/2024", "Mã chỉ tiêu",
                   "Giá trị thực hiện", *MINIMAL_CODES]  # fmt: skip
        cells = '<c r="A{0}" t="s"><v>{1}</v></c><c r="B{0}" t="s"><v>{2}</v></c>'
        rows = [
            f'<row r="{r}">{cells.format(r, a, a + 1)}</row>' for r, a in ((1, 0), (2, 2), (4, 4))
        ]
        for at, _ in enumerate(MINIMAL_CODES):
            row = 5 + at
            value = f"{rng.uniform(1, 99):.4g}"
            rows.append(
                f'<row r="{row}"><c r="A{row}" t="s"><v>{6 + at}</v></c>'
                f'<c r="B{row}"><v>{value}</v></c></row>'
            )
        sheet = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
        )
        shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
        sst = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'
        )
        parts = {**MINIMAL_PARTS, "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst}
        with zipfile.ZipFile(folder / f"{code}_2024-Q2.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                out.writestr(name, data)


def make_libreoffice(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` copies of one sample submission saved by LibreOffice (see the module)."""
    import shutil

    from openpyxl import load_workbook

    del seed  # copies: the same bytes, each under its own unit's name
    sample = ROOT / "data" / "submissions" / "2024-Q2" / "CT_2024-Q2.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        book = load_workbook(sample)
        sheet = book["BaoCao"]
        for row in sheet.iter_rows(min_row=1, max_row=10, max_col=1):
            if str(row[0].value).startswith(("Đơn vị", "Mã đơn vị")):
                sheet.cell(row[0].row, 2).value = None
        source = Path(tmp) / "source.xlsx"
        book.save(source)
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", f"{tmp}/out",
             str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        saved = Path(tmp) / "out" / "source.xlsx"
        for index in range(count):
            shutil.copyfile(saved, folder / f"L{index:05d}_2024-Q2.xlsx")


SHAPES = {"styled": make_corpus, "minimal": make_minimal, "libreoffice": make_libreoffice}


def measure(command: list[str]) -> tuple[float, int, int, str, float]:
    """(seconds, largest process KiB, all processes KiB, note, CPU seconds) of one run."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,  # kpi finds data/targets.yaml
    )
    elapsed, largest, peak_sum, code, size, cpu = done.stdout.split()
    note = f"exit {code}, {size} bytes of output"
    return float(elapsed), int(largest), int(peak_sum), note, float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, action="append", help="kpi --jobs (default: 1 and 2)")
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append")
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="run every command this many times, in turn, and keep each one's median run "
        "(a shared machine's load comes and goes)",
    )  # fmt: skip
    args = parser.parse_args()
    print(json.dumps({"files": args.count, "cores": os.cpu_count(), "repeat": args.repeat}))
    for shape in args.shape or list(SHAPES):
        if shape == "libreoffice" and shutil.which("soffice") is None:
            print("\n== libreoffice: skipped (soffice not installed)")
            continue
        run_shape(shape, args.count, args.jobs or [1, 2], args.repeat)


Run = tuple[float, int, int, str, float]


def run_shape(shape: str, count: int, jobs_list: list[int], repeat: int = 1) -> None:
    kpi = [sys.executable, "-m", "cantho_kpi"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "2024-Q2"
        folder.mkdir()
        start = time.perf_counter()
        SHAPES[shape](folder, count)
        print(f"\n== {shape}: made {count} submissions in {time.perf_counter() - start:.1f} s")
        commands = {
            "base": [sys.executable, "-c", BASELINE, str(folder)],
            "floor": [sys.executable, "-c", FLOOR, str(folder)],
        }
        for jobs in jobs_list:
            check = [*kpi, "check", str(folder), "--format", "json", "--fail-on", "never"]
            commands[str(jobs)] = [*check, "--jobs", str(jobs)]
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(repeat):  # in turn, so that each sees the machine's load alike
            for name, command in commands.items():
                runs[name].append(measure(command))
        median = {name: sorted(done)[len(done) // 2] for name, done in runs.items()}
        base, floor = median["base"], median["floor"]
        ours = {jobs: median[str(jobs)] for jobs in jobs_list}
    for jobs, result in ours.items():
        ratio = f"{base[0] / result[0]:5.2f}x"
        _line(f"kpi check --jobs {jobs}", result, count, ratio, f"{result[0] / floor[0]:5.2f}")
    _line("openpyxl read-only loop", base, count, "", f"{base[0] / floor[0]:5.2f}")
    _line("expat floor", floor, count, "", " 1.00")


def _line(
    label: str, result: tuple[float, int, int, str, float], count: int, ratio: str, floor: str
) -> None:
    """One run: its time, CPU, memory, the openpyxl loop's time over its own (``ratio``), and
    its time over the expat floor's (``floor``)."""
    elapsed, largest, peak_sum, note, cpu = result
    print(
        f"{label:24}: {elapsed:6.2f} s {1000 * elapsed / count:5.2f} ms/file  cpu {cpu:6.2f} s  "
        f"largest process {largest / 1024:5.1f} MiB  all processes {peak_sum / 1024:5.1f} MiB  "
        f"openpyxl/this {ratio:>6}  this/floor {floor}  ({note})"
    )


if __name__ == "__main__":
    main()
