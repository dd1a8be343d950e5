"""Benchmark: the time and memory the hostile inputs of issue 19 cost (YAML that lies, special
files, deep folders), against the honest shipped files measured in the same run.

    python benchmarks/bench_inputs.py

Each case runs in a fresh process (so that its peak resident memory is its own): the time of
loading the file as kpi does, and the growth of the process's peak resident memory (VmHWM)
over its start. The baseline is the shipped data/targets.yaml, loaded the same way; the ratio
column is each case's time over the baseline's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")

ONE = r"""
import sys, time
from pathlib import Path
from cantho_kpi.errors import KpiError
from cantho_kpi.submissions import scan
from cantho_kpi.targets import load_drive, load_targets
def peak():  # KiB; VmHWM starts afresh at exec, unlike ru_maxrss
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM"))
how, path = sys.argv[1], Path(sys.argv[2])
before = peak()
start = time.perf_counter()
try:
    if how == "targets":
        codes = sorted({i.code for i in load_targets(path).issues})
    elif how == "drive":
        codes = sorted({i.code for i in load_drive(path).issues})
    else:
        found = scan([path], recursive=True)
        codes = sorted({i.code for i in found.problems}) + [f"{len(found.files)}-files"]
except KpiError as exc:
    codes = [exc.code]
elapsed = time.perf_counter() - start
print(f"{elapsed:.4f} {(peak() - before) / 1024:.1f} {','.join(codes) or '-'}")
"""


def _yaml(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text[:1_000_000], encoding="utf-8")
    return path


def _deep(base: Path, names: list[str]) -> None:
    descriptor = os.open(base, os.O_RDONLY)
    for name in names:
        os.mkdir(name, dir_fd=descriptor)
        inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
        os.close(descriptor)
        descriptor = inner
    os.close(descriptor)


def make_cases(folder: Path) -> list[tuple[str, str, Path]]:
    units = "".join("  - 1\n" for _ in range(2001))
    cases = [
        (
            "targets: 100000000",
            "targets",
            SHIPPED.replace("targets: 21  #", "targets: 1" + "0" * 8 + "  #"),
        ),
        ("1 MB of one-line keys", "targets", "a: 1\n" * 200_000),
        ("1 MB flow list", "targets", "a: [" + "1, " * 330_000 + "1]\n"),
        (
            "a list of 2,001 units",
            "targets",
            SHIPPED.replace("reporting_units:\n", "reporting_units:\n" + units, 1),
        ),
        (
            "3,000 duplicate keys",
            "targets",
            "schema_version: 1\n" + "".join(f"k{i % 7}: 1\n" for i in range(3000)),
        ),
        (
            "a number of 4,301 digits",
            "targets",
            SHIPPED.replace("    min: 7.5\n", "    min: " + "9" * 4301 + "\n", 1),
        ),
        (
            "2.0e+999999999",
            "targets",
            SHIPPED.replace("    min: 7.5\n", "    min: 2.0e+999999999\n", 1),
        ),
        ("a control character in a comment", "targets", SHIPPED.replace("# ", "# \x07", 1)),
        ("a 1 MB quoted value", "targets", 'schema_version: 1\nx: "' + "v" * 999_000 + '"\n'),
    ]
    made = [
        (label, how, _yaml(folder, f"case{i}.yaml", text))
        for i, (label, how, text) in enumerate(cases)
    ]
    drive = (ROOT / "data" / "drive.yaml").read_text(encoding="utf-8")
    made.append(
        (
            "drive ending in 9999",
            "drive",
            _yaml(folder, "drive-9999.yaml", drive.replace("end: 2024-12-31", "end: 9999-12-31")),
        )
    )
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    made.append(("a FIFO as the targets file", "targets", fifo))
    zero = folder / "zero.yaml"
    zero.symlink_to("/dev/zero")
    made.append(("a link to /dev/zero", "targets", zero))
    tree = folder / "tree"
    tree.mkdir()
    for index in range(200):
        (tree / f"NK_{index:03d}.xlsx").write_bytes(b"PK")
    _deep(tree, ["d" * 250] * 18)
    made.append(("scan: 200 files and a path past PATH_MAX", "scan", tree))
    return made


def _run(how: str, path: Path) -> tuple[float, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", ONE, how, str(path)], capture_output=True, text=True, check=True
    )
    elapsed, grown, codes = done.stdout.split()
    return float(elapsed), grown, codes


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, base_grown, _ = min(
            (_run("targets", ROOT / "data" / "targets.yaml") for _ in range(3)), key=lambda r: r[0]
        )
        print(
            f"baseline: the shipped data/targets.yaml (with its unit files): {base:.3f} s, "
            f"{base_grown} MiB\n"
        )
        print(f"{'case':42} {'time':>8} {'ratio':>7} {'memory':>10}  problems")
        for label, how, path in make_cases(folder):
            elapsed, grown, codes = _run(how, path)
            print(f"{label:42} {elapsed:7.3f}s {elapsed / base:6.1f}x {grown:>6} MiB  {codes}")


if __name__ == "__main__":
    main()
