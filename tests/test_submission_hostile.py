"""Broken and hostile files: each ends as one clear issue naming the file, never a traceback."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from cantho_kpi.submissions import discover, read_submission
from cantho_kpi.targets import TargetsFile

from .factories import read_checked, rewrite_zip, set_declared_size, workbook_rows, write_xlsx

ROWS = workbook_rows([("CT08", "x", 76)])


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "good.xlsx", ROWS)


def _problem(path: Path, targets: TargetsFile) -> tuple[str, str]:
    sub = read_checked(path, targets, display=path.name)
    assert not sub.valid
    assert sub.values == []
    (issue,) = sub.issues
    assert str(issue.location) == path.name
    assert path.name not in issue.message  # the location says it once
    return issue.code, issue.message


def test_empty_file(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "NK_2024-Q2.xlsx"
    path.write_bytes(b"")
    assert _problem(path, targets) == (
        "empty-file",
        "the file is empty (0 bytes); ask the unit to send it again",
    )


def test_old_xls(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "Workbook".encode("utf-16-le")
    )
    code, message = _problem(path, targets)
    assert code == "xls-workbook"
    assert "old Excel 97-2003 workbook (.xls)" in message


def test_password_protected(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100)
    code, message = _problem(path, targets)
    assert code == "encrypted-workbook"
    assert "protected by a password" in message


def test_opendocument(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    code, message = _problem(path, targets)
    assert code == "not-xlsx"
    assert "OpenDocument" in message


def test_html_page(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    path.write_text("<!DOCTYPE html><html><body><table><tr><td>CT08</td></tr></table>", "utf-8")
    assert _problem(path, targets)[0] == "html-file"


def test_csv_renamed(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    path.write_text("code,value\nCT08,76\n", "utf-8")
    code, message = _problem(path, targets)
    assert code == "csv-renamed"
    assert "rename it to .csv" in message


def test_truncated_workbook(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    code, message = _problem(path, targets)
    assert code == "damaged-file"
    assert "damaged or truncated" in message


def test_declared_zip_bomb_is_refused_from_the_directory(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(good.read_bytes())
    set_declared_size(path, "xl/worksheets/sheet1.xml", 4_000_000_000)
    tracemalloc.start()
    code, message = _problem(path, targets)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert code == "zip-bomb"
    assert "'xl/worksheets/sheet1.xml' would unpack to 4,000,000,000 bytes" in message
    assert peak < 5_000_000  # nothing was inflated


def test_compression_ratio_bomb(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    path = rewrite_zip(
        good, tmp_path / "a.xlsx", {"xl/media/zeros.bin.xml": b"<a/>" + b" " * 3_000_000}
    )
    code, message = _problem(path, targets)
    assert code == "zip-bomb"
    assert "compressed" in message


def test_total_size_cap(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    parts: dict[str, bytes | None] = {f"xl/pad{i}.bin": b"" for i in range(6)}
    path = rewrite_zip(good, tmp_path / "a.xlsx", parts)
    for i in range(6):
        set_declared_size(path, f"xl/pad{i}.bin", 60_000_000)
    assert _problem(path, targets)[0] == "zip-bomb"


def test_doctype_is_refused(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        b'"&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main"><si><t>&lol2;</t></si></sst>'
    )
    path = rewrite_zip(good, tmp_path / "a.xlsx", {"xl/sharedStrings.xml": evil})
    code, message = _problem(path, targets)
    assert code == "xml-doctype"
    assert "'xl/sharedStrings.xml' declares a DOCTYPE" in message


def test_external_entity_is_refused(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    path = rewrite_zip(good, tmp_path / "a.xlsx", {"docProps/app.xml": evil})
    assert _problem(path, targets)[0] == "xml-doctype"


def test_duplicate_zip_entries(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(good.read_bytes())
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    code, message = _problem(path, targets)
    assert code == "duplicate-zip-entry"
    assert "'xl/worksheets/sheet1.xml' twice" in message


def test_strict_open_xml(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    workbook = (
        zipfile.ZipFile(good)
        .read("xl/workbook.xml")
        .replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        )
    )
    path = rewrite_zip(good, tmp_path / "a.xlsx", {"xl/workbook.xml": workbook})
    code, message = _problem(path, targets)
    assert code == "strict-ooxml"
    assert "Strict Open XML" in message


def test_not_well_formed_xml(good: Path, tmp_path: Path, targets: TargetsFile) -> None:
    path = rewrite_zip(good, tmp_path / "a.xlsx", {"xl/styles.xml": b"<styleSheet"})
    assert _problem(path, targets)[0] == "damaged-file"


def test_lock_file(tmp_path: Path, targets: TargetsFile) -> None:
    path = tmp_path / "~$NK_2024-Q2.xlsx"
    path.write_bytes(b"\x0bNguyen Van A" + b"\0" * 150)
    assert _problem(path, targets)[0] == "lock-file"


def test_folder_scan_skips_lock_and_hidden_files(tmp_path: Path) -> None:
    for name in ("NK_2024-Q2.xlsx", "~$NK_2024-Q2.xlsx", ".~lock.NK_2024-Q2.xlsx#", ".hidden.xlsx",
                 "BT_2024-Q2.csv", "OM_2024-Q2.xls", "ghi-chu.txt", "CR_2024-Q2.XLSX"):  # fmt: skip
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "old").mkdir()
    found = [p.name for p in discover([tmp_path])]
    assert found == ["BT_2024-Q2.csv", "CR_2024-Q2.XLSX", "NK_2024-Q2.xlsx", "OM_2024-Q2.xls"]


def test_one_bad_file_does_not_stop_the_others(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    results = [read_submission(p, targets) for p in (bad, good)]
    assert [r.valid for r in results] == [False, True]


def test_openpyxl_keeps_defusedxml_active() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_missing_file(tmp_path: Path, targets: TargetsFile) -> None:
    assert _problem(tmp_path / "nope.xlsx", targets)[0] == "file-not-found"
