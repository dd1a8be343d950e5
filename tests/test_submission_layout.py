"""The reader finds the data sheet, the header and the metadata of hand-made workbooks."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from cantho_kpi.submissions import Submission, ValueState
from cantho_kpi.targets import TargetsFile

from .factories import HEADER, META, read_checked, workbook_rows, write_xlsx

ROWS = [("CT01", "Tăng trưởng", 7.5), ("CT08", "Đô thị hóa", 76)]


def _read(path: Path, targets: TargetsFile) -> Submission:
    return read_checked(path, targets, display=path.name)


def _codes(sub: Submission) -> list[str]:
    return [i.code for i in sub.issues]


def test_plain_workbook(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _read(write_xlsx(tmp_path / "a.xlsx", workbook_rows(ROWS)), targets)
    assert (sub.unit_code, sub.unit_name, sub.period, sub.sheet) == (
        "NK", "Quận Ninh Kiều", "2024-Q2", "BaoCao",
    )  # fmt: skip
    assert sub.issues == []
    assert [(v.code, v.value, v.location) for v in sub.values] == [
        ("CT01", Decimal("7.5"), "a.xlsx!BaoCao!C6"),
        ("CT08", Decimal("76"), "a.xlsx!BaoCao!C7"),
    ]


def test_header_anywhere_in_the_first_30_rows(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _read(write_xlsx(tmp_path / "a.xlsx", workbook_rows(ROWS, blank_rows=22)), targets)
    assert sub.value("CT01") is not None
    late = _read(write_xlsx(tmp_path / "b.xlsx", workbook_rows(ROWS, blank_rows=30)), targets)
    assert _codes(late) == ["no-header"]
    assert "first 30 rows" in late.issues[0].message


@pytest.mark.parametrize(
    "header",
    [
        ("Giá trị thực hiện", "Ghi chú", "Mã chỉ tiêu"),  # any order
        ("GIÁ TRỊ\nTHỰC HIỆN", "", "  mã  CHỈ tiêu "),  # case, spaces, line breaks
        ("Kết quả thực hiện", "", "Mã"),
        ("Value", "Note", "Code"),
        ("Actual", "", "code"),
        ("Gia tri thuc hien", "", "Ma chi tieu"),  # typed without diacritics
        (unicodedata.normalize("NFD", "Thực hiện"), "", unicodedata.normalize("NFD", "Mã số")),
    ],
)
def test_header_labels_are_matched_loosely(
    tmp_path: Path, targets: TargetsFile, header: tuple[str, str, str]
) -> None:
    data = [(7.5, "ghi chú", "CT01")]
    path = write_xlsx(tmp_path / "a.xlsx", workbook_rows(data, header=header))
    sub = _read(path, targets)
    assert sub.issues == []
    assert sub.value("CT01") is not None
    assert sub.value("CT01").value == Decimal("7.5")  # type: ignore[union-attr]


def test_note_column_is_read(tmp_path: Path, targets: TargetsFile) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", workbook_rows([("CT01", "x", 7.5, "ước tính")]))
    assert _read(path, targets).value("CT01").note == "ước tính"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "meta",
    [
        [
            ("Đơn vị", None, "Quận Ninh Kiều"),
            ("Mã đơn vị", None, None, "nk"),
            ("Kỳ báo cáo", "Q2/2024"),
        ],
        [("Unit:", "Quận Ninh Kiều"), ("Unit code:", "NK"), ("Period:", "2024-Q2")],
        [("Đơn vị: Quận Ninh Kiều",), ("Mã đơn vị: NK",), ("Kỳ báo cáo: Quý II/2024",)],
        [("Đơn vị báo cáo:", "quận ninh kiều"), ("Kỳ báo cáo:", "Quý 2/2024")],  # code from name
    ],
)
def test_metadata_forms(
    tmp_path: Path, targets: TargetsFile, meta: list[tuple[object, ...]]
) -> None:
    sub = _read(write_xlsx(tmp_path / "x.xlsx", workbook_rows(ROWS, meta=meta)), targets)
    assert (sub.unit_code, sub.period) == ("NK", "2024-Q2")
    assert sub.issues == []


def test_unit_and_period_from_the_file_name(tmp_path: Path, targets: TargetsFile) -> None:
    path = write_xlsx(tmp_path / "BT_2024-Q4.xlsx", workbook_rows(ROWS, meta=[]))
    sub = _read(path, targets)
    assert (sub.unit_code, sub.period) == ("BT", "2024-Q4")
    assert _codes(sub) == ["unit-from-file-name", "period-from-file-name"]
    assert all(i.severity == "warning" for i in sub.issues)
    assert sub.valid


def test_no_unit_and_no_period_anywhere(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _read(write_xlsx(tmp_path / "bao cao.xlsx", workbook_rows(ROWS, meta=[])), targets)
    assert _codes(sub) == ["missing-unit", "missing-period"]
    assert not sub.valid


def test_sheet_and_file_name_disagree(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _read(write_xlsx(tmp_path / "BT_2024-Q4.xlsx", workbook_rows(ROWS)), targets)
    assert (sub.unit_code, sub.period) == ("NK", "2024-Q2")
    assert _codes(sub) == ["file-name-mismatch", "file-name-mismatch"]
    assert "the sheet wins" in sub.issues[0].message


def test_unknown_unit_is_read_with_a_warning(tmp_path: Path, targets: TargetsFile) -> None:
    meta = [("Mã đơn vị:", "XA01"), ("Kỳ báo cáo:", "2024-Q2")]
    sub = _read(write_xlsx(tmp_path / "a.xlsx", workbook_rows(ROWS, meta=meta)), targets)
    assert sub.unit_code == "XA01"
    assert _codes(sub) == ["unknown-unit"]
    assert sub.issues[0].severity == "warning"
    assert str(sub.issues[0].location) == "a.xlsx!BaoCao!B1"


def test_bad_period(tmp_path: Path, targets: TargetsFile) -> None:
    meta = [("Mã đơn vị:", "NK"), ("Kỳ báo cáo:", "quý hai")]
    sub = _read(write_xlsx(tmp_path / "a.xlsx", workbook_rows(ROWS, meta=meta)), targets)
    assert _codes(sub) == ["bad-period"]
    assert str(sub.issues[0].location) == "a.xlsx!BaoCao!B2"


def test_hidden_copy_is_not_read(tmp_path: Path, targets: TargetsFile) -> None:
    old = workbook_rows([("CT01", "x", 1)])
    path = write_xlsx(
        tmp_path / "a.xlsx", workbook_rows(ROWS), extra_sheets=[("Quý 1", "hidden", old)]
    )
    sub = _read(path, targets)
    assert sub.value("CT01").value == Decimal("7.5")  # type: ignore[union-attr]
    assert _codes(sub) == ["hidden-sheet-ignored"]
    assert sub.valid


def test_data_sheet_found_by_header_not_position(tmp_path: Path, targets: TargetsFile) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [("Hướng dẫn: điền cột E",)],
        sheet="Hướng dẫn",
        extra_sheets=[("Số liệu", "visible", workbook_rows(ROWS))],
    )
    sub = _read(path, targets)
    assert sub.sheet == "Số liệu"
    assert sub.issues == []


def test_two_visible_data_sheets_are_an_error(tmp_path: Path, targets: TargetsFile) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        workbook_rows(ROWS),
        extra_sheets=[("Quý 1", "visible", workbook_rows(ROWS))],
    )
    sub = _read(path, targets)
    assert _codes(sub) == ["several-data-sheets"]
    assert "'BaoCao', 'Quý 1'" in sub.issues[0].message
    assert sub.values == []


def test_template_header_matches_the_reader() -> None:
    from cantho_kpi.workbooks import HEADER as TEMPLATE_HEADER

    assert "Mã chỉ tiêu" in TEMPLATE_HEADER
    assert "Giá trị thực hiện" in TEMPLATE_HEADER
    assert HEADER[0] == TEMPLATE_HEADER[0]
    assert META[1][0].startswith("Mã đơn vị")


def test_states_of_values(tmp_path: Path, targets: TargetsFile) -> None:
    rows = [("CT01", "x", 7.5), ("CT02", "x", "N/A"), ("CT04", "x", "abc")]
    sub = _read(write_xlsx(tmp_path / "a.xlsx", workbook_rows(rows)), targets)
    states = {v.code: v.state for v in sub.values}
    assert states == {
        "CT01": ValueState.VALUE, "CT02": ValueState.EMPTY, "CT04": ValueState.INVALID,
    }  # fmt: skip
