"""The exported chart, read as a reader would: each bar is that unit's counts (issue 11, item 1)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from defusedxml import ElementTree
from openpyxl import load_workbook

from cantho_kpi.domain import ORDER, Status
from cantho_kpi.report import Report
from cantho_kpi.targets import TargetsFile
from cantho_kpi.workbooks.style import status_label

from .conftest import ROOT

Q2 = ROOT / "data" / "submissions" / "2024-Q2"
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
RANGE = re.compile(r"^'(?P<sheet>[^']+)'!\$(?P<col>[A-Z]+)\$(?P<lo>\d+):\$[A-Z]+\$(?P<hi>\d+)$")


@pytest.fixture(scope="module")
def report(q2_report: Report) -> Report:
    return q2_report


@pytest.fixture(scope="module")
def exported(q2_export: Path) -> Path:
    return q2_export


def _series(path: Path) -> list[tuple[str, str, str]]:
    """(title, categories reference, values reference) of each series of the chart."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("xl/charts/chart1.xml"))
    found = []
    for ser in root.iterfind(".//c:ser", NS):
        title = "".join(t.text or "" for t in ser.iterfind("c:tx//c:v", NS))
        cat = ser.find("c:cat//c:f", NS)
        val = ser.find("c:val//c:f", NS)
        assert cat is not None
        assert val is not None
        found.append((title, cat.text or "", val.text or ""))
    return found


def test_categories_and_values_cover_the_same_rows(exported: Path) -> None:
    series = _series(exported)
    assert len(series) == len(ORDER)
    for _, cat, val in series:
        cats, vals = RANGE.match(cat), RANGE.match(val)
        assert cats is not None, cat
        assert vals is not None, val
        assert (cats["lo"], cats["hi"]) == (vals["lo"], vals["hi"])


def test_each_bar_is_that_units_counts(
    exported: Path, report: Report, targets: TargetsFile
) -> None:
    sheet = load_workbook(exported)["Tổng hợp"]
    expected: dict[str, Counter[Status]] = {}
    for result in report.results:
        expected.setdefault(result.unit_code or "?", Counter())[result.status] += 1
    for missing in report.missing_units:
        unit = targets.unit(missing.unit_code)
        expected[missing.unit_code] = Counter({Status.MISSING: len(targets.indicators_for(unit))})
    labels = {status_label(s, "vi"): s for s in Status}
    checked = 0
    for title, cat, val in _series(exported):
        status = labels[title]
        cats, vals = RANGE.match(cat), RANGE.match(val)
        assert cats is not None
        assert vals is not None
        for row in range(int(cats["lo"]), int(cats["hi"]) + 1):
            unit = sheet[f"{cats['col']}{row}"].value
            assert sheet[f"{vals['col']}{row}"].value == expected[unit][status], (unit, status)
            checked += 1
    assert checked == len(ORDER) * (len(expected))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")
def test_libreoffice_renders_the_chart_on_one_page(
    exported: Path, report: Report, tmp_path: Path
) -> None:
    """Printed by LibreOffice, the chart's page shows every unit and every status's label."""
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(exported)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "tong-hop_2024-Q2.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    axis = re.compile(r"^\s*Số chỉ tiêu\s*$", re.M)
    pages = [page for page in text.split("\f") if axis.search(page)]
    assert len(pages) == 1
    words = set(pages[0].split())
    units = {s.unit_code for s in report.submissions} | {m.unit_code for m in report.missing_units}
    assert units <= words
    for status in ORDER:
        assert status_label(status, "vi") in pages[0]
