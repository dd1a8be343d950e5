"""Workbooks written by a second program, xlsxwriter, not only by openpyxl: the two readers
must agree on all of them (``read_checked`` reads every file with both)."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from cantho_kpi.submissions import Submission, ValueState
from cantho_kpi.targets import TargetsFile

from .factories import HEADER, META, read_checked

MODES = [pytest.param({}, id="normal"), pytest.param({"constant_memory": True}, id="inline")]


def _write(path: Path, options: dict[str, Any], fill: Any) -> Path:
    """A submission: metadata, a blank row, the header on row 5, data from row 6 (A..D)."""
    book = xlsxwriter.Workbook(str(path), options)
    sheet = book.add_worksheet("BaoCao")
    for row, (label, value) in enumerate(META):
        sheet.write_string(row, 0, label)
        sheet.write_string(row, 1, value)
    for col, title in enumerate(HEADER):
        sheet.write_string(4, col, title)
    fill(book, sheet)
    book.close()
    return path


def _values(sub: Submission) -> dict[str, tuple[ValueState, Decimal | None]]:
    return {v.code: (v.state, v.value) for v in sub.values}


@pytest.mark.parametrize("options", MODES)
def test_plain_values_numbers_text_and_percent(
    tmp_path: Path, targets: TargetsFile, options: dict[str, Any]
) -> None:
    def fill(book: Any, sheet: Any) -> None:
        percent = book.add_format({"num_format": "0.0%"})
        sheet.write_string(5, 0, "CT08")
        sheet.write_number(5, 2, 0.765, percent)
        sheet.write_string(6, 0, "CT01")
        sheet.write_string(6, 2, "7,6")
        sheet.write_string(7, 0, "CT11")
        sheet.write_number(7, 2, 0.4)
        sheet.write_string(7, 3, "ghi chú\r\ndòng hai")

    sub = read_checked(_write(tmp_path / "a.xlsx", options, fill), targets, display="a.xlsx")
    assert sub.issues == []
    assert _values(sub) == {
        "CT08": (ValueState.VALUE, Decimal("76.5")),
        "CT01": (ValueState.VALUE, Decimal("7.6")),
        "CT11": (ValueState.VALUE, Decimal("0.4")),
    }
    assert sub.value("CT11").note == "ghi chú\r\ndòng hai"  # type: ignore[union-attr]


@pytest.mark.parametrize("options", MODES)
def test_formulas_with_and_without_results_are_never_figures(
    tmp_path: Path, targets: TargetsFile, options: dict[str, Any]
) -> None:
    """xlsxwriter stores ``<v>0</v>`` (or the result it was given) and asks Excel to
    recalculate on load: neither is a figure the unit reported."""

    def fill(book: Any, sheet: Any) -> None:
        sheet.write_string(5, 0, "CT11")
        sheet.write_formula(5, 2, "=0.8")  # stored as 0: "met" if taken as a figure
        sheet.write_string(6, 0, "CT08")
        sheet.write_formula(6, 2, "=70+6", None, 76)
        sheet.write_string(7, 0, "CT01")
        sheet.write_number(7, 2, 7.6)

    sub = read_checked(_write(tmp_path / "a.xlsx", options, fill), targets, display="a.xlsx")
    assert [(i.code, i.location.cell) for i in sub.issues] == [
        ("uncached-formula", "C6"),
        ("uncached-formula", "C7"),
    ]
    assert _values(sub)["CT11"] == (ValueState.INVALID, None)
    assert _values(sub)["CT01"] == (ValueState.VALUE, Decimal("7.6"))


@pytest.mark.parametrize("options", MODES)
def test_dates_in_the_1904_system(
    tmp_path: Path, targets: TargetsFile, options: dict[str, Any]
) -> None:
    def fill(book: Any, sheet: Any) -> None:
        date = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write_string(5, 0, "CT08")
        sheet.write_datetime(5, 2, dt.datetime(2024, 6, 30), date)
        sheet.write_string(6, 0, "CT01")
        sheet.write_number(6, 2, 7.6)

    options = {**options, "date_1904": True}
    sub = read_checked(_write(tmp_path / "a.xlsx", options, fill), targets, display="a.xlsx")
    (issue,) = sub.issues
    assert issue.code == "date-value"
    assert "(2024-06-30)" in issue.message


@pytest.mark.parametrize("options", MODES)
def test_rich_text_codes_and_values(
    tmp_path: Path, targets: TargetsFile, options: dict[str, Any]
) -> None:
    def fill(book: Any, sheet: Any) -> None:
        bold, red = book.add_format({"bold": True}), book.add_format({"color": "red"})
        sheet.write_rich_string(5, 0, bold, "CT", red, "08")
        sheet.write_rich_string(5, 2, "96", bold, ",5")
        sheet.write_rich_string(4, 2, "Giá trị ", bold, "thực hiện")  # the header too

    sub = read_checked(_write(tmp_path / "a.xlsx", options, fill), targets, display="a.xlsx")
    assert sub.issues == []
    assert _values(sub) == {"CT08": (ValueState.VALUE, Decimal("96.5"))}


@pytest.mark.parametrize("options", MODES)
def test_merged_and_hidden_cells_rows_and_sheets(
    tmp_path: Path, targets: TargetsFile, options: dict[str, Any]
) -> None:
    def fill(book: Any, sheet: Any) -> None:
        sheet.merge_range(5, 1, 6, 1, "Tỷ lệ (hai dòng gộp)")
        sheet.write_string(5, 0, "CT08")
        sheet.write_number(5, 2, 77)
        sheet.set_row(6, None, None, {"hidden": True})
        sheet.write_string(6, 0, "CT01")
        sheet.write_number(6, 2, 7.6)
        sheet.set_column(3, 3, None, None, {"hidden": True})
        sheet.write_string(6, 3, "ẩn")
        old = book.add_worksheet("Quý 1 (cũ)")
        old.hide()
        for col, title in enumerate(HEADER):
            old.write_string(0, col, title)
        old.write_string(1, 0, "CT08")
        old.write_number(1, 2, 10)

    sub = read_checked(_write(tmp_path / "a.xlsx", options, fill), targets, display="a.xlsx")
    assert [(i.code, str(i.location)) for i in sub.issues] == [
        ("hidden-sheet-ignored", "a.xlsx!'Quý 1 (cũ)'"),
    ]
    assert _values(sub) == {
        "CT08": (ValueState.VALUE, Decimal("77")),
        "CT01": (ValueState.VALUE, Decimal("7.6")),
    }
    assert sub.value("CT01").note == "ẩn"  # type: ignore[union-attr]


def test_escaped_characters_from_xlsxwriter(tmp_path: Path, targets: TargetsFile) -> None:
    """xlsxwriter escapes control characters as ``_xHHHH_``, as Excel does."""

    def fill(book: Any, sheet: Any) -> None:
        sheet.write_string(4, 2, "Giá trị\r\nthực hiện")
        sheet.write_string(5, 0, "CT08\r")
        sheet.write_string(5, 2, "96,5\r\n")

    for options in ({}, {"constant_memory": True}):
        path = _write(tmp_path / "a.xlsx", options, fill)
        sub = read_checked(path, targets, display="a.xlsx")
        assert sub.issues == []
        assert _values(sub) == {"CT08": (ValueState.VALUE, Decimal("96.5"))}


@pytest.mark.parametrize("options", MODES)
def test_text_that_looks_like_an_escape_reads_as_typed(
    tmp_path: Path, targets: TargetsFile, options: dict[str, Any]
) -> None:
    """Text typed as ``_x0041_`` is stored with its underscore escaped (``_x005F_x0041_``, as
    Excel and xlsxwriter write it) and reads back as typed: decoded once, in an inline string
    (``constant_memory``) as in a shared string, by both readers; in a header, a unit name and
    a note."""
    from cantho_kpi.submissions.xlsx import LeanBook, OpenpyxlBook, vet_xlsx

    unit, header = "Quận Ninh Kiều _x0041_", "Tên chỉ tiêu _x0041_"
    note = "ghi chú _x0041_ và _x005F_ và _x000D_"
    path = tmp_path / "a.xlsx"
    book = xlsxwriter.Workbook(str(path), options)
    sheet = book.add_worksheet("BaoCao")  # row by row: constant_memory writes rows in order
    for row, (label, value) in enumerate(META):
        sheet.write_string(row, 0, label)
        sheet.write_string(row, 1, unit if row == 0 else value)
    for col, title in enumerate(HEADER):
        sheet.write_string(4, col, header if col == 1 else title)
    sheet.write_string(5, 0, "CT08")
    sheet.write_number(5, 2, 77)
    sheet.write_string(5, 3, note)
    book.close()
    with zipfile.ZipFile(path) as archive:
        stored = b"".join(archive.read(name) for name in archive.namelist())
    assert stored.count(b"_x005F_x0041_") == 3  # the writer escaped the underscores

    sub = read_checked(path, targets, display="a.xlsx")
    assert sub.issues == []
    assert sub.unit_name == unit
    assert sub.value("CT08").note == note  # type: ignore[union-attr]
    vetted = vet_xlsx(path, "a.xlsx")
    for reader in (LeanBook(vetted), OpenpyxlBook(vetted)):
        with reader as opened:
            cells = {c.ref: c.value for c in opened.cells(opened.sheets[0])}
        assert [cells["B1"], cells["B5"], cells["D6"]] == [unit, header, note], type(reader)
