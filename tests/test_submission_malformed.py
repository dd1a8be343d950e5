"""Numbers of any size, malformed attributes, dates outside the calendar, ``_xHHHH_`` escapes,
quoted sheet names: each a cell or file problem (or a value), never an exception."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cantho_kpi.errors import Location
from cantho_kpi.submissions import ValueState, read_submission
from cantho_kpi.targets import TargetsFile

from .factories import read_checked, rewrite_zip, workbook_rows, write_xlsx

SHEET = "xl/worksheets/sheet1.xml"


def _sheet_with(tmp_path: Path, value: Any, fmt: str | None = None, sheet: str = "BaoCao") -> Path:
    formats = {"C6": fmt} if fmt else None
    rows = workbook_rows([("CT08", "x", value), ("CT01", "x", 7.5)])
    return write_xlsx(tmp_path / "a.xlsx", rows, formats=formats, sheet=sheet)


# -- numbers of any size ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fmt"),
    [
        ("123456789012345678901234567890", None),  # 30-digit text
        (123456789012345678901234567890, None),  # the same stored as a number
        (1e30, None),
        (1e40, "0.0%"),
        (1e300, "#,##0.00"),
        ("1" * 5000, None),  # longer than Python converts to int by default
        ("9" * 40 + ",5", None),
    ],
)
def test_huge_numbers_are_outside_the_plausible_range(
    tmp_path: Path, targets: TargetsFile, value: Any, fmt: str | None
) -> None:
    sub = read_checked(_sheet_with(tmp_path, value, fmt), targets, display="a.xlsx")
    (issue,) = sub.issues
    assert issue.code == "out-of-valid-range"
    assert str(issue.location) == "a.xlsx!BaoCao!C6"
    assert len(issue.message) < 300  # written with an exponent, not 5,000 digits
    assert sub.value("CT08").state is ValueState.INVALID  # type: ignore[union-attr]
    assert sub.value("CT01").value == Decimal("7.5")  # type: ignore[union-attr]


def test_tiny_numbers_are_values(tmp_path: Path, targets: TargetsFile) -> None:
    sub = read_checked(_sheet_with(tmp_path, 1e-30), targets, display="a.xlsx")
    assert sub.issues == []
    assert sub.value("CT08").value == Decimal("1E-30")  # type: ignore[union-attr]


def test_huge_numbers_reach_every_output(tmp_path: Path, kpi: Any, targets: TargetsFile) -> None:
    folder = tmp_path / "q2"
    folder.mkdir()
    _sheet_with(folder, 1e300).rename(folder / "NK_2024-Q2.xlsx")
    for args in (["--format", "json"], ["--format", "markdown"], ["--format", "csv"], []):
        result = kpi("check", str(folder), *args)
        assert result.exit_code == 1, result.output
        assert "1E+300" in result.output or args == ["--format", "csv"]
    result = kpi("export", str(folder), "-o", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 1


# -- malformed attributes -----------------------------------------------------------------


def _patched(tmp_path: Path, cell_xml: str, part: str = SHEET, old: str = "") -> Path:
    source = _sheet_with(tmp_path, 76)
    xml = zipfile.ZipFile(source).read(part).decode()
    if old:
        patched = xml.replace(old, cell_xml, 1)
    else:
        start = xml.index('<c r="C6"')
        end = xml.index("</c>", start) + 4
        patched = xml[:start] + cell_xml + xml[end:]
    assert patched != xml
    return rewrite_zip(source, tmp_path / "b.xlsx", {part: patched.encode()})


@pytest.mark.parametrize(
    ("cell_xml", "words"),
    [
        ('<c r="C0"><v>76</v></c>', "cell reference 'C0' in row 6 is not one"),
        ('<c r="AAAA6"><v>76</v></c>', "cell reference 'AAAA6' in row 6 is not one"),
        ('<c r="6C"><v>76</v></c>', "cell reference '6C' in row 6 is not one"),
        ('<c r="C6" s="abc"><v>76</v></c>', "cell C6: style 'abc' is not defined"),
        ('<c r="C6" s="999"><v>76</v></c>', "cell C6: style '999' is not defined"),
        ('<c r="C6" s="-1"><v>76</v></c>', "cell C6: style '-1' is not defined"),
        ('<c r="C6" t="s"><v>999</v></c>', "cell C6: shared string '999' is used but not"),
        ('<c r="C6" t="s"><v>-1</v></c>', "cell C6: shared string '-1' is used but not"),
        ('<c r="C6" t="s"><v>x</v></c>', "cell C6: shared string 'x' is used but not"),
        ('<c r="C6" t="zz"><v>76</v></c>', "cell C6: unknown cell type t='zz'"),
        ('<c r="C6"><v>7 6</v></c>', "cell C6: value '7 6' is not a number"),
    ],
)
def test_malformed_attributes_are_a_problem_naming_the_part(
    tmp_path: Path, targets: TargetsFile, cell_xml: str, words: str
) -> None:
    path = _patched(tmp_path, cell_xml)
    sub = read_submission(path, targets, display="b.xlsx")
    (issue,) = sub.issues
    assert issue.code == "damaged-file"
    assert f"part '{SHEET}': {words}" in issue.message
    assert issue.message_vi is not None
    assert f"thành phần '{SHEET}'" in issue.message_vi
    read_submission(path, targets, engine="openpyxl")  # openpyxl alone never raises either


def test_a_row_number_that_is_not_one(tmp_path: Path, targets: TargetsFile) -> None:
    path = _patched(tmp_path, '<row r="x6"', old='<row r="6"')
    (issue,) = read_submission(path, targets, display="b.xlsx").issues
    assert issue.code == "damaged-file"
    assert "row number 'x6' is not one" in issue.message


def test_a_number_format_id_that_is_not_a_number(tmp_path: Path, targets: TargetsFile) -> None:
    source = _sheet_with(tmp_path, 76)
    styles = zipfile.ZipFile(source).read("xl/styles.xml").decode()
    head, tail = styles.split("<cellXfs", 1)
    tail = tail.replace('numFmtId="0"', 'numFmtId="x"', 1)
    path = rewrite_zip(
        source, tmp_path / "b.xlsx", {"xl/styles.xml": (head + "<cellXfs" + tail).encode()}
    )
    (issue,) = read_submission(path, targets, display="b.xlsx").issues
    assert issue.code == "damaged-file"
    assert "part 'xl/styles.xml': number format id 'x' is not a number" in issue.message


# -- dates outside the calendar -----------------------------------------------------------


@pytest.mark.parametrize("serial", [2958466, 1e7, 1e300, -1e7])
def test_dates_outside_the_calendar_are_cell_problems(
    tmp_path: Path, targets: TargetsFile, serial: float
) -> None:
    sub = read_checked(_sheet_with(tmp_path, serial, "yyyy-mm-dd"), targets, display="a.xlsx")
    (issue,) = sub.issues
    assert (issue.code, str(issue.location)) == ("error-value", "a.xlsx!BaoCao!C6")


@pytest.mark.parametrize("serial", [-1, -0.5])
def test_a_negative_date_is_outside_the_calendar(
    tmp_path: Path, targets: TargetsFile, serial: float
) -> None:
    sub = read_checked(_sheet_with(tmp_path, serial, "yyyy-mm-dd"), targets, display="a.xlsx")
    assert [i.code for i in sub.issues] == ["error-value"]


@pytest.mark.parametrize(
    ("serial", "shown"),
    [(0.5, "12:00:00"), (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01")],
)
def test_serials_near_the_start_read_as_openpyxl_reads_them(
    tmp_path: Path, targets: TargetsFile, serial: float, shown: str
) -> None:
    sub = read_checked(_sheet_with(tmp_path, serial, "yyyy-mm-dd h:mm"), targets, display="a.xlsx")
    (issue,) = sub.issues
    assert issue.code == "date-value"
    assert f"({shown})" in issue.message


def test_dates_outside_the_calendar_anywhere_in_any_sheet(
    tmp_path: Path, targets: TargetsFile
) -> None:
    rows = workbook_rows([("CT08", "x", 76)])
    rows[0].append(2958466)  # beside the metadata
    rows[-1].append(1e7)  # in the notes column
    hidden = [["x", 1e9], ["y", 2958466]]
    path = write_xlsx(
        tmp_path / "a.xlsx",
        rows,
        formats={"C1": "yyyy-mm-dd", "D6": "d/m/yyyy"},
        extra_sheets=[("Cu", "hidden", hidden)],
    )
    book_path = tmp_path / "b.xlsx"
    with zipfile.ZipFile(path) as old:
        styles = old.read("xl/styles.xml")
        hidden_xml = old.read("xl/worksheets/sheet2.xml").decode()
    # the hidden sheet's numbers get the date style of C1
    style = zipfile.ZipFile(path).read(SHEET).decode().split('r="C1" s="')[1].split('"')[0]
    hidden_xml = hidden_xml.replace('<c r="B1"', f'<c r="B1" s="{style}"')
    hidden_xml = hidden_xml.replace('<c r="B2"', f'<c r="B2" s="{style}"')
    rewrite_zip(path, book_path, {"xl/worksheets/sheet2.xml": hidden_xml.encode()})
    assert styles
    sub = read_checked(book_path, targets, display="b.xlsx")
    assert sub.value("CT08").value == 76  # type: ignore[union-attr]


# -- escapes and quoted sheet names -------------------------------------------------------


def test_escapes_are_decoded_as_excel_does() -> None:
    from cantho_kpi.submissions.xlsx import decode_escapes

    assert decode_escapes("Giá trị_x000D_\nthực hiện") == "Giá trị\r\nthực hiện"
    assert decode_escapes("_x005F_x000D_") == "_x000D_"  # an escaped underscore
    assert decode_escapes("_xD83D__xDE00_") == "\U0001f600"  # a surrogate pair
    assert decode_escapes("_xD83D_") == "\ufffd"
    assert decode_escapes("_x00zz_ plain") == "_x00zz_ plain"


def test_carriage_returns_in_header_value_and_code(tmp_path: Path, targets: TargetsFile) -> None:
    """Excel stores a carriage return as ``_x000D_``; typed in a header, a value and a code."""
    header = ("Mã chỉ tiêu", "Tên chỉ tiêu", "Giá trị\r\nthực hiện", "Ghi chú")
    rows = workbook_rows([("CT08\r", "x", "96,5\r\n"), ("CT01", "x", 7.5)], header=header)
    source = write_xlsx(tmp_path / "src.xlsx", rows)
    escaped = {
        name: zipfile.ZipFile(source).read(name).replace(b"\r", b"_x000D_")
        for name in zipfile.ZipFile(source).namelist()
        if name.endswith(".xml")
    }
    assert any(b"_x000D_" in data for data in escaped.values())
    path = rewrite_zip(source, tmp_path / "a.xlsx", dict(escaped))
    sub = read_checked(path, targets, display="a.xlsx")
    assert sub.issues == []
    assert [(v.code, v.value) for v in sub.values] == [
        ("CT08", Decimal("96.5")),
        ("CT01", Decimal("7.5")),
    ]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("BaoCao", "BaoCao"),
        ("a!b", "'a!b'"),
        ("Báo cáo", "'Báo cáo'"),
        ("O'Neil", "'O''Neil'"),
        ("2024", "'2024'"),
        ("A1", "'A1'"),
        ("R1C1", "'R1C1'"),
    ],
)
def test_sheet_names_are_quoted_as_excel_quotes_them(name: str, shown: str) -> None:
    from cantho_kpi.errors import quote_sheet

    assert quote_sheet(name) == shown
    assert str(Location("f.xlsx", sheet=name, cell="E40")) == f"f.xlsx!{shown}!E40"


def test_a_sheet_name_with_an_exclamation_mark_in_locations(
    tmp_path: Path, targets: TargetsFile
) -> None:
    path = _sheet_with(tmp_path, "abc", sheet="a!b")
    sub = read_checked(path, targets, display="a.xlsx")
    (issue,) = sub.issues
    assert str(issue.location) == "a.xlsx!'a!b'!C6"
