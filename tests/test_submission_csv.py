"""CSV submissions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cantho_kpi.submissions import read_submission
from cantho_kpi.targets import TargetsFile


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_csv_with_unit_and_period_from_the_file_name(
    tmp_path: Path, targets: TargetsFile
) -> None:
    path = _write(tmp_path, "NK_2024-Q2.csv", "code,value,note\nCT01,7.5,\nCT08,76,ước tính\n")
    sub = read_submission(path, targets, display=path.name)
    assert (sub.unit_code, sub.period) == ("NK", "2024-Q2")
    assert [(v.code, v.value, v.location, v.note) for v in sub.values] == [
        ("CT01", Decimal("7.5"), "NK_2024-Q2.csv:2:2", None),
        ("CT08", Decimal("76"), "NK_2024-Q2.csv:3:2", "ước tính"),
    ]
    assert [i.code for i in sub.issues] == ["unit-from-file-name", "period-from-file-name"]


def test_columns_for_unit_and_period_and_a_bom(tmp_path: Path, targets: TargetsFile) -> None:
    text = '\ufeffunit_code,period,code,value\nBT,Quý 4/2024,CT01,"7,5"\nBT,Quý 4/2024,CT11,0.4\n'
    sub = read_submission(_write(tmp_path, "bao-cao.csv", text), targets)
    assert (sub.unit_code, sub.period) == ("BT", "2024-Q4")
    assert sub.issues == []
    assert sub.value("CT01").value == Decimal("7.5")  # type: ignore[union-attr]


def test_semicolon_separated_with_decimal_commas(tmp_path: Path, targets: TargetsFile) -> None:
    text = "Mã chỉ tiêu;Giá trị thực hiện\nCT06a;297,18\nCT17b;7.000\n"
    sub = read_submission(_write(tmp_path, "CR_2024-H1.csv", text), targets)
    assert sub.period == "2024-H1"
    assert sub.value("CT06a").value == Decimal("297.18")  # type: ignore[union-attr]
    assert [i.code for i in sub.issues if i.severity == "error"] == ["ambiguous-number"]


def test_not_text(tmp_path: Path, targets: TargetsFile) -> None:
    path = _write(tmp_path, "NK_2024-Q2.csv", "code,value,note\nCT01,7.5,Thơ\n")
    path.write_bytes(path.read_bytes() + b"\x81\x8d")  # undefined in every encoding we read
    sub = read_submission(path, targets, display=path.name)
    (issue,) = sub.issues
    assert issue.code == "not-utf8"
    assert "neither UTF-8, UTF-16, Windows-1258 nor Windows-1252" in issue.message
    assert "CSV UTF-8" in issue.message
    assert issue.message_vi is not None
    assert issue.message_vi.endswith("hãy lưu tệp dạng 'CSV UTF-8'")


@pytest.mark.parametrize(("content", "code"), [(b"", "empty-file"), (b"PK\x03\x04xx", "not-csv")])
def test_broken_csv(tmp_path: Path, targets: TargetsFile, content: bytes, code: str) -> None:
    path = tmp_path / "NK_2024-Q2.csv"
    path.write_bytes(content)
    issues = read_submission(path, targets).issues
    assert [i.code for i in issues] == [code]
    assert issues[0].message_vi
