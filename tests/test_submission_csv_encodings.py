"""CSV files as offices save them (issue 11, item 5): UTF-8 with or without BOM, UTF-16 with a
BOM, Windows-1258 and Windows-1252; comma, semicolon or tab; the workbook's own layout."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from cantho_kpi.submissions import read_submission
from cantho_kpi.targets import TargetsFile

#: The template's layout, as Excel saves it to CSV: labels, a blank row, the header, the rows.
WORKBOOK_LAYOUT = [
    ["Đơn vị:", "Quận Ninh Kiều"],
    ["Mã đơn vị:", "NK"],
    ["Kỳ báo cáo:", "Quý 2/2024"],
    [],
    ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Giá trị thực hiện", "Ghi chú"],
    ["CT01", "Tốc độ tăng trưởng kinh tế", "%", "7,5 – 8 %", "7,8", "ước tính"],
    ["CT08", "Tỷ lệ lao động qua đào tạo", "%", "≥ 76 %", "76", "đạt kế hoạch"],
]


def _cp1258(text: str) -> bytes:
    """Text as Windows saves it in code page 1258: letters with tone marks decomposed into a
    letter the code page has and a combining tone mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        for index, mark in enumerate(parts[1:], 1):
            base = unicodedata.normalize("NFC", parts[:index] + parts[index + 1 :])
            try:
                out += base.encode("cp1258") + mark.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += b"?"
    return out


def _text(separator: str) -> str:
    """As Excel writes it: fields holding the separator (``7,8`` with commas) are quoted."""
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(WORKBOOK_LAYOUT)
    return out.getvalue()


def _read(tmp_path: Path, targets: TargetsFile, raw: bytes, name: str = "bao-cao.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(raw)
    return read_submission(path, targets, display=name)


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 LE with BOM": lambda text: text.encode("utf-16"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "windows-1258": _cp1258,
}
SAID = {
    "utf-8": None,
    "utf-8 with BOM": None,
    "utf-16 LE with BOM": "UTF-16",
    "utf-16 BE with BOM": "UTF-16",
    "windows-1258": "Windows-1258",
}


@pytest.mark.parametrize("separator", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_workbook_layout_in_every_encoding(
    tmp_path: Path, targets: TargetsFile, encoding: str, separator: str
) -> None:
    sub = _read(tmp_path, targets, ENCODINGS[encoding](_text(separator)))
    assert (sub.unit_code, sub.unit_name, sub.period) == ("NK", "Quận Ninh Kiều", "2024-Q2")
    assert sub.value("CT01").value == Decimal("7.8")  # type: ignore[union-attr]
    assert sub.value("CT01").note == "ước tính"  # type: ignore[union-attr]
    assert sub.value("CT08").note == "đạt kế hoạch"  # type: ignore[union-attr]
    warnings = [i for i in sub.issues if i.code == "csv-encoding"]
    assert [i for i in sub.issues if i.code != "csv-encoding"] == []
    if SAID[encoding] is None:
        assert warnings == []
    else:
        (warning,) = warnings
        assert warning.severity == "warning"
        assert f"read as {SAID[encoding]}, not UTF-8" in warning.message
        assert warning.message_vi is not None
        assert f"đã đọc theo mã {SAID[encoding]}" in warning.message_vi


def test_windows_1252_without_vietnamese_letters(tmp_path: Path, targets: TargetsFile) -> None:
    """A Western copy of Excel saves in 1252: "Ghi chú" and a note "Côte d'Ivoire" survive."""
    raw = "code;value;note\r\nCT01;7,8;déjà vu à Côte d'Ivoire\r\n".encode("cp1252")
    sub = _read(tmp_path, targets, raw, "NK_2024-Q2.csv")
    assert sub.value("CT01").note == "déjà vu à Côte d'Ivoire"  # type: ignore[union-attr]
    (warning,) = [i for i in sub.issues if i.code == "csv-encoding"]
    assert "Windows-1252" in warning.message


def test_windows_1258_decides_over_1252_by_its_letters(
    tmp_path: Path, targets: TargetsFile
) -> None:
    raw = _cp1258("code,value,note\r\nCT01,7.8,Thốt Nốt đã gửi bổ sung\r\n")
    sub = _read(tmp_path, targets, raw, "TN_2024-Q2.csv")
    assert sub.value("CT01").note == "Thốt Nốt đã gửi bổ sung"  # type: ignore[union-attr]


def test_utf16_without_bom_is_refused_with_a_reason(tmp_path: Path, targets: TargetsFile) -> None:
    sub = _read(tmp_path, targets, "code,value\nCT01,7.8\n".encode("utf-16-le"), "NK_2024-Q2.csv")
    (issue,) = sub.issues
    assert issue.code == "not-utf8"
    assert "NUL bytes" in issue.message
