"""Codes and values: each rule of docs/domain.md ("Values in submissions") with the value or
the message it must give."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cantho_kpi.submissions import Submission, ValueState
from cantho_kpi.targets import TargetsFile

from .factories import read_checked, rewrite_zip, workbook_rows, write_xlsx


def _one(
    tmp_path: Path, targets: TargetsFile, code: str, value: Any, fmt: str | None = None
) -> Submission:
    rows = workbook_rows([(code, "tên", value)])
    path = write_xlsx(tmp_path / "a.xlsx", rows, formats={"C6": fmt} if fmt else None)
    return read_checked(path, targets, display="a.xlsx")


def _issue(sub: Submission) -> str:
    (issue,) = sub.issues
    return f"{issue.location}: {issue.code}: {issue.message}"


@pytest.mark.parametrize(
    ("code", "value", "fmt", "expected"),
    [
        ("CT01", 7.5, None, "7.5"),
        ("CT01", 7, None, "7"),
        ("CT01", -2.5, None, "-2.5"),  # growth can be negative
        ("CT01", 0.075, "0.0%", "7.5"),  # a percent cell stores a fraction
        ("CT01", 0.075, "0.00%;[Red]-0.00%", "7.5"),
        ("CT13", 0.955, "0%", "95.5"),
        ("CT01", 7.5, '0.0"%"', "7.5"),  # a literal % sign does not scale
        ("CT01", 7.5, "0.0\\%", "7.5"),
        ("CT01", 0.1 + 0.2 + 7.2, None, "7.5"),  # 7.500000000000001 in binary
        ("CT01", "7,5", None, "7.5"),
        ("CT01", "7,5%", None, "7.5"),
        ("CT01", "7,5 %", None, "7.5"),
        ("CT01", "7.5", None, "7.5"),
        ("CT01", "\u00a07,5\u00a0", None, "7.5"),
        ("CT01", "'7,5", None, "7.5"),
        ("CT01", "\u22122,5", None, "-2.5"),
        ("CT01", "７,５", None, "7.5"),
        ("CT06a", "297,18", None, "297.18"),
        ("CT17b", "7 000", None, "7000"),
        ("CT17b", "7.000,0", None, "7000"),
        ("CT17b", "7,000.0", None, "7000"),
        ("CT02", "1.234", None, "1234"),  # 1.234 million VND is outside 0..2000? no: inside
    ],
)
def test_values_read(
    tmp_path: Path, targets: TargetsFile, code: str, value: Any, fmt: str | None, expected: str
) -> None:
    sub = _one(tmp_path, targets, code, value, fmt)
    if code == "CT02":  # both readings (1.234 and 1234) are plausible for CT02: ambiguous
        assert [i.code for i in sub.issues] == ["ambiguous-number"]
        return
    assert sub.issues == []
    (read,) = sub.values
    assert read.state is ValueState.VALUE
    assert read.value == Decimal(expected)


def test_percent_flag(tmp_path: Path, targets: TargetsFile) -> None:
    assert _one(tmp_path, targets, "CT01", 0.075, "0.0%").values[0].percent
    assert _one(tmp_path, targets, "CT01", "7,5%", None).values[0].percent
    assert not _one(tmp_path, targets, "CT01", 7.5, '0.0"%"').values[0].percent


@pytest.mark.parametrize("value", ["N/A", "n/a", "-", "x", "X", "", "   "])
def test_no_value_texts(tmp_path: Path, targets: TargetsFile, value: str) -> None:
    sub = _one(tmp_path, targets, "CT01", value)
    assert [i.code for i in sub.issues] == ["no-values"]  # nothing else in the file
    assert sub.values[0].state is ValueState.EMPTY


def test_empty_value_cell(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _one(tmp_path, targets, "CT01", None)
    assert sub.values[0].state is ValueState.EMPTY


def test_ambiguous_text_names_both_readings(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _one(tmp_path, targets, "CT17b", "7.000")
    assert _issue(sub) == (
        "a.xlsx!BaoCao!C6: ambiguous-number: CT17b: '7.000' is ambiguous: 7 if '.' is a "
        "decimal mark, 7000 if it separates thousands; for 7000 type it without the "
        "separator, or enter the value as a number rather than text"
    )
    assert sub.values[0].state is ValueState.INVALID


def test_ambiguity_resolved_by_the_plausible_range(tmp_path: Path, targets: TargetsFile) -> None:
    # CT08 is a share (0-100): "76.000" can only be 76
    sub = _one(tmp_path, targets, "CT08", "76.000")
    assert sub.issues == []
    assert sub.values[0].value == Decimal("76")


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        ("khoảng 75", "not-a-number", "'khoảng 75' is not a number"),
        (True, "boolean-value", "holds TRUE"),
        (date(2024, 6, 30), "date-value", "holds a date (2024-06-30)"),
        (150, "out-of-valid-range", "150 is outside the plausible range 0 to 100 %"),
        (-1, "out-of-valid-range", "-1 is outside"),
    ],
)
def test_bad_values(
    tmp_path: Path, targets: TargetsFile, value: Any, code: str, words: str
) -> None:
    sub = _one(tmp_path, targets, "CT08", value)
    (issue,) = sub.issues
    assert issue.code == code
    assert words in issue.message
    assert str(issue.location) == "a.xlsx!BaoCao!C6"
    assert sub.values[0].state is ValueState.INVALID


def _patch_cell(tmp_path: Path, targets: TargetsFile, xml: str, recalc: bool = False) -> Submission:
    """A workbook whose cell C6 is replaced by raw XML. openpyxl marks every workbook it
    writes ``fullCalcOnLoad``; unless ``recalc``, the mark is removed, as Excel saves files."""
    source = write_xlsx(tmp_path / "src.xlsx", workbook_rows([("CT08", "x", 1)]))
    import zipfile

    sheet = zipfile.ZipFile(source).read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index('<c r="C6"')
    end = sheet.index("</c>", start) + 4
    patched = sheet[:start] + xml + sheet[end:]
    workbook = zipfile.ZipFile(source).read("xl/workbook.xml")
    if not recalc:
        workbook = workbook.replace(b'fullCalcOnLoad="1"', b"")
    change = {"xl/worksheets/sheet1.xml": patched.encode(), "xl/workbook.xml": workbook}
    path = rewrite_zip(source, tmp_path / "a.xlsx", change)
    return read_checked(path, targets, display="a.xlsx")


@pytest.mark.parametrize(
    ("xml", "code", "words"),
    [
        ('<c r="C6" t="e"><v>#DIV/0!</v></c>', "error-value", "shows the error #DIV/0!"),
        ('<c r="C6"><f>SUM(A1:A2)</f></c>', "uncached-formula", "open the file in Excel"),
        ('<c r="C6"><f>SUM(A1:A2)</f><v></v></c>', "uncached-formula", "never saved"),
        ('<c r="C6"><v>inf</v></c>', "not-finite", "Infinity"),
        ('<c r="C6"><v>nan</v></c>', "not-finite", "NaN"),
    ],
)
def test_cells_no_figure_can_come_from(
    tmp_path: Path, targets: TargetsFile, xml: str, code: str, words: str
) -> None:
    sub = _patch_cell(tmp_path, targets, xml)
    (issue,) = sub.issues
    assert (issue.code, str(issue.location)) == (code, "a.xlsx!BaoCao!C6")
    assert words in issue.message
    assert sub.values[0].state is ValueState.INVALID


def test_formula_with_cached_value_is_read(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _patch_cell(tmp_path, targets, '<c r="C6"><f>70+6</f><v>76</v></c>')
    assert sub.issues == []
    assert sub.values[0].value == Decimal("76")


@pytest.mark.parametrize(
    "xml",
    [
        '<c r="C6"><f>0.8</f><v>0</v></c>',  # xlsxwriter's placeholder
        '<c r="C6" t="str"><f>"76"</f><v></v></c>',
        '<c r="C6" t="b"><f>TRUE</f><v>0</v></c>',
    ],
)
def test_placeholder_results_are_uncached_formulas(
    tmp_path: Path, targets: TargetsFile, xml: str
) -> None:
    """A workbook marked fullCalcOnLoad stores placeholders, not results: never a figure."""
    sub = _patch_cell(tmp_path, targets, xml, recalc=True)
    assert [i.code for i in sub.issues] == ["uncached-formula"]
    assert sub.values[0].state is ValueState.INVALID


# -- codes -------------------------------------------------------------------------------


def _rows(tmp_path: Path, targets: TargetsFile, rows: list[tuple[Any, ...]]) -> Submission:
    path = write_xlsx(tmp_path / "a.xlsx", workbook_rows(rows))
    return read_checked(path, targets, display="a.xlsx")


def test_codes_ignore_case_and_spaces(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [(" ct03A ", "x", 5.7), ("CT 08", "x", 76)])
    assert [v.code for v in sub.values] == ["CT03a", "CT08"]
    assert sub.issues == []


def test_cyrillic_lookalike_is_an_error(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [("\u0421T08", "x", 76)])
    assert _issue(sub) == (
        "a.xlsx!BaoCao!A6: lookalike-code: code 'СT08' looks like CT08 but is typed with "
        "look-alike characters: 'С' (CYRILLIC CAPITAL LETTER ES); type it again with the "
        "keyboard's Latin letters and digits"
    )
    assert sub.values[0].state is ValueState.INVALID


def test_full_width_lookalike_is_an_error(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [("ＣＴ０８", "x", 76)])
    (issue,) = sub.issues
    assert issue.code == "lookalike-code"
    assert "FULLWIDTH LATIN CAPITAL LETTER C" in issue.message


def test_unknown_code_is_a_warning(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [("CT99", "x", 1), ("Tổng cộng", None, None), ("CT08", "x", 76)])
    assert _issue(sub) == (
        "a.xlsx!BaoCao!A6: unknown-indicator: indicator code 'CT99' is not in the targets "
        "file; the row was ignored"
    )
    assert sub.valid


def test_same_code_twice_with_different_values(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [("CT08", "x", 76), ("CT01", "x", 7), ("ct08", "x", 80)])
    assert _issue(sub) == (
        "a.xlsx!BaoCao!C8: conflicting-values: CT08 is given twice with different values: "
        "76 in BaoCao!C6 and 80 in BaoCao!C8; keep the right one"
    )
    assert sub.value("CT08").state is ValueState.INVALID  # type: ignore[union-attr]


def test_same_code_twice_with_the_same_value(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [("CT08", "x", 76), ("CT08", "x", "76")])
    (issue,) = sub.issues
    assert (issue.code, issue.severity) == ("duplicate-row", "warning")
    assert sub.value("CT08").value == Decimal("76")  # type: ignore[union-attr]


def test_value_without_code(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _rows(tmp_path, targets, [(None, "x", 76)])
    issue, unfilled = sub.issues
    assert unfilled.code == "no-values"  # the only figure has no code
    assert (issue.code, str(issue.location)) == ("value-without-code", "a.xlsx!BaoCao!C6")
