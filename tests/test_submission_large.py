"""Large honest workbooks are read, hostile ones stopped (issue 20, item 2).

Offices draw borders down long ranges: a sheet whose formatted empty rows make megabytes of
XML is an honest submission, read like any other, and its empty rows cost next to nothing (the
work is counted in XML tags parsed: ``LeanBook.work``). A part of up to 64 MiB of XML is
accepted; what one workbook may cost to read is bounded whatever it declares
(``MAX_TAGS``). Times and memory are measured by ``benchmarks/bench_hostile.py``, not here.
"""

from __future__ import annotations

import random
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from cantho_kpi.submissions import Submission, ValueState, read_submission
from cantho_kpi.submissions.xlsx import LeanBook, vet_xlsx
from cantho_kpi.submissions.xlsx.lean import MAX_TAGS
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT
from .factories import read_checked, rewrite_zip, same_cells_streamed

#: A real workbook saved by LibreOffice: shared strings, its styles, 45 rows, a guide sheet.
SAVED = ROOT / "tests/data/submissions/libreoffice/CR_2024-Q2.xlsx"
SHEET = "xl/worksheets/sheet1.xml"
MIB = 1024 * 1024


def _sheet() -> str:
    return zipfile.ZipFile(SAVED).read(SHEET).decode()


def _with_rows(path: Path, rows: str, *, before_data: str = "") -> Path:
    """The saved workbook with ``rows`` appended to its sheet's rows (and ``before_data``
    written just before its sheetData)."""
    head, tail = _sheet().split("</sheetData>")
    head = head.replace("<sheetData>", before_data + "<sheetData>")
    sheet = (head + rows + "</sheetData>" + tail).encode()
    with zipfile.ZipFile(SAVED) as old, zipfile.ZipFile(path, "w", compresslevel=1) as new:
        for info in old.infolist():
            data = sheet if info.filename == SHEET else old.read(info)
            new.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return path


def _formatted_rows(first: int, count: int) -> str:
    """Empty rows with bordered cells A..F, as Excel writes them."""
    cells = '<c r="{c}{n}" s="1"/>'
    return "".join(
        f'<row r="{n}" spans="1:6">' + "".join(cells.format(c=c, n=n) for c in "ABCDEF") + "</row>"
        for n in range(first, first + count)
    )


def _values(sub: Submission) -> dict[str, tuple[ValueState, Decimal | None]]:
    return {v.code: (v.state, v.value) for v in sub.values}


@pytest.fixture(scope="module")
def expected(targets: TargetsFile) -> Submission:
    return read_submission(SAVED, targets, display="CR_2024-Q2.xlsx")


def _work(path: Path) -> int:
    with LeanBook(vet_xlsx(path, path.name)) as book:
        for sheet in book.sheets:
            book.cells(sheet)
        return book.work


def test_twenty_thousand_formatted_empty_rows_are_read_at_next_to_no_cost(
    tmp_path: Path, targets: TargetsFile, expected: Submission
) -> None:
    path = _with_rows(tmp_path / "CR_2024-Q2.xlsx", _formatted_rows(46, 20_000))
    sheet = zipfile.ZipFile(path).read(SHEET)
    assert len(sheet) > 2_400_000
    sub = read_checked(path, targets, display="CR_2024-Q2.xlsx")  # lean = openpyxl, tree = stream
    assert sub == expected
    # the empty rows were not parsed: the work is that of the saved workbook, not 140,000 tags
    assert sheet.count(b"<") > 140_000
    assert _work(path) < 1.05 * _work(SAVED)


def test_a_sheet_of_64_mib_is_honest(
    tmp_path: Path, targets: TargetsFile, expected: Submission
) -> None:
    """Just under 64 MiB of formatted rows: read by both readers, as the saved workbook."""
    head = len(_sheet())
    row = len(_formatted_rows(100_000, 1))
    count = (64 * MIB - head) // row - 10
    path = _with_rows(tmp_path / "CR_2024-Q2.xlsx", _formatted_rows(46, count))
    size = zipfile.ZipFile(path).getinfo(SHEET).file_size
    assert 63 * MIB < size <= 64 * MIB
    for engine in ("lean", "openpyxl"):
        sub = read_submission(path, targets, display="CR_2024-Q2.xlsx", engine=engine)
        assert sub == expected, engine


def test_empty_rows_are_not_dropped_where_that_could_change_what_is_read(
    tmp_path: Path, targets: TargetsFile
) -> None:
    """Rows that do not say their number, after 12,000 formatted rows: the part is read whole
    (as a stream), and every row keeps the number counted from the rows before it."""
    numbered = _formatted_rows(46, 9_000)
    unnumbered = '<row><c t="inlineStr"><is><t>CT01</t></is></c><c/><c/><c/><c><v>9.5</v></c></row>'
    path = _with_rows(tmp_path / "CR_2024-Q2.xlsx", numbered + unnumbered)
    assert same_cells_streamed(path) == 2  # the tree and the stream agree
    lean = read_submission(path, targets, display="CR_2024-Q2.xlsx", engine="lean")
    assert [i.code for i in lean.issues] == ["conflicting-values"]  # CT01 is on row 11 too
    with LeanBook(vet_xlsx(path, path.name)) as book:
        cells = {c.ref: c.value for c in book.cells(book.sheets[0])}
        assert book.work > 9_000 * 7  # every row parsed: nothing could be dropped
    last = 46 + 9_000
    assert (cells[f"A{last}"], cells[f"E{last}"]) == ("CT01", Decimal("9.5"))


def test_a_comment_keeps_a_large_sheet_whole(
    tmp_path: Path, targets: TargetsFile, expected: Submission
) -> None:
    path = _with_rows(
        tmp_path / "CR_2024-Q2.xlsx", _formatted_rows(46, 9_000), before_data="<!-- x -->"
    )
    assert same_cells_streamed(path) == 2
    assert read_submission(path, targets, display="CR_2024-Q2.xlsx", engine="lean") == expected
    assert _work(path) > 9_000 * 7
    # the openpyxl fallback, ten times slower, is not given more than its bound (1 MiB a part)
    slow = read_submission(path, targets, display="CR_2024-Q2.xlsx", engine="openpyxl")
    assert [i.code for i in slow.issues] == ["workbook-too-large"]


@pytest.mark.parametrize("engine", ["auto", "lean", "openpyxl"])
def test_more_work_than_a_workbook_may_cost_is_refused(
    tmp_path: Path, targets: TargetsFile, engine: str
) -> None:
    """Cells with values past the bound (no empty row to drop): refused before parsing."""
    rng = random.Random(3)
    cells = '<c r="{c}{n}"><v>{v:.6f}</v></c>'
    rows = "".join(
        f'<row r="{n}">'
        + "".join(cells.format(c=c, n=n, v=rng.random()) for c in "ABCDEFGHIJ")
        + "</row>"
        for n in range(100, 100 + MAX_TAGS // 40 + 10)
    )
    path = _with_rows(tmp_path / "CR_2024-Q2.xlsx", rows)
    sub = read_submission(path, targets, display="CR_2024-Q2.xlsx", engine=engine)  # type: ignore[arg-type]
    assert [i.code for i in sub.issues] == ["workbook-too-large"]
    assert sub.issues[0].message.startswith(f"part '{SHEET}' ")
    assert sub.values == []


def test_shared_strings_past_8_mib_are_refused(tmp_path: Path, targets: TargetsFile) -> None:
    strings = zipfile.ZipFile(SAVED).read("xl/sharedStrings.xml")
    padding = b"".join(b"<si><t>%d</t></si>" % i for i in range(600_000))
    big = strings.replace(b"</sst>", padding + b"</sst>")
    assert len(big) > 8 * MIB
    path = rewrite_zip(SAVED, tmp_path / "CR_2024-Q2.xlsx", {"xl/sharedStrings.xml": big})
    sub = read_submission(path, targets, display="CR_2024-Q2.xlsx", engine="lean")
    assert [i.code for i in sub.issues] == ["workbook-too-large"]
    assert "xl/sharedStrings.xml" in sub.issues[0].message


ODD_SHEETS = [
    # a v with a child element: ElementTree's text stops at it
    '<row r="1"><c r="A1"><v>12<x/>3</v></c></row>',
    # inline strings: runs, phonetic guides, two t, a run without t, a second is
    '<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t><t>z</t></r><rPh><t>x</t></rPh>'
    "<t>b</t><r/></is><is><t>no</t></is></c></row>",
    # two v, a formula, an unknown child, an empty v
    '<row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1"><f>1+1</f></c>'
    '<c r="C1"><extLst/></c><c r="D1" t="s"><v/></c><c r="E1" t="str"><v></v></c></row>',
    # cells and rows without references, a non-cell child of a row
    "<row><c><v>1</v></c><x/><c/><c><v>3</v></c></row><row><c><v>4</v></c></row>",
    # something else than a row in sheetData
    '<row r="1"><c r="A1"><v>1</v></c></row><x/>',
    # a malformed reference and a style that does not exist
    '<row r="1"><c r="A"><v>1</v></c></row>',
    '<row r="1"><c r="A1" s="99"><v>1</v></c></row>',
]


@pytest.mark.parametrize("rows", ODD_SHEETS)
def test_the_stream_reads_what_the_tree_reads(tmp_path: Path, rows: str) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData><sheetData/></worksheet>'
    path = rewrite_zip(SAVED, tmp_path / "a.xlsx", {SHEET: sheet.encode()})
    assert same_cells_streamed(path) == 2
