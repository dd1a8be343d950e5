"""The fast paths give the same answers as the plain ones (timings live in benchmarks/)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cantho_kpi.submissions import discover, read_all, read_submission
from cantho_kpi.submissions.batch import PARALLEL_FROM
from cantho_kpi.submissions.xlsx import Unusual
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT
from .factories import rewrite_zip, workbook_rows, write_xlsx


def test_parallel_reading_keeps_order_and_results(targets: TargetsFile) -> None:
    files = discover([ROOT / "data/submissions/2024-Q2", ROOT / "data/submissions/2024-Q4"])
    assert len(files) >= PARALLEL_FROM  # so that worker processes are really used
    parallel = list(read_all(files, targets, jobs=2))
    assert parallel == [read_submission(p, targets) for p in files]


def _patched(tmp_path: Path, cell_xml: str) -> Path:
    source = write_xlsx(
        tmp_path / "src.xlsx", workbook_rows([("CT08", "x", 76), ("CT01", "x", 7.5)])
    )
    sheet = zipfile.ZipFile(source).read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index('<c r="C6"')
    end = sheet.index("</c>", start) + 4
    patched = (sheet[:start] + cell_xml + sheet[end:]).encode()
    return rewrite_zip(source, tmp_path / "a.xlsx", {"xl/worksheets/sheet1.xml": patched})


@pytest.mark.parametrize(
    "cell_xml",
    [
        '<c r="C7"><v>76</v></c>',  # a reference that does not match its row
    ],
)
def test_unusual_files_fall_back_to_openpyxl(
    tmp_path: Path, targets: TargetsFile, cell_xml: str
) -> None:
    path = _patched(tmp_path, cell_xml)
    with pytest.raises(Unusual):
        read_submission(path, targets, engine="lean")
    automatic = read_submission(path, targets)
    assert automatic == read_submission(path, targets, engine="openpyxl")
    assert automatic.value("CT01") is not None or not automatic.valid


def test_prefixed_namespaces_are_read_by_the_lean_reader(
    tmp_path: Path, targets: TargetsFile
) -> None:
    source = write_xlsx(tmp_path / "src.xlsx", workbook_rows([("CT08", "x", 76)]))
    sheet = zipfile.ZipFile(source).read("xl/worksheets/sheet1.xml").decode()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    prefixed = sheet.replace(f'xmlns="{ns}"', f'xmlns:x="{ns}"')
    prefixed = prefixed.replace("<", "<x:").replace("<x:/", "</x:").replace("<x:?", "<?")
    path = rewrite_zip(source, tmp_path / "a.xlsx", {"xl/worksheets/sheet1.xml": prefixed.encode()})
    lean = read_submission(path, targets, engine="lean")
    assert lean == read_submission(path, targets, engine="openpyxl")
    assert lean.value("CT08").value == 76  # type: ignore[union-attr]
