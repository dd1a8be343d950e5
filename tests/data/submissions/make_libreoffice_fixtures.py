"""Make the LibreOffice-saved fixtures in this folder (needs `soffice`; run from the repo root).

    python tests/data/submissions/make_libreoffice_fixtures.py

Each workbook is built with openpyxl, then opened and saved again by LibreOffice, so the
committed files are what a real spreadsheet program writes: shared strings, its own styles,
cached formula results. tests/test_libreoffice.py says what each must read as.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent / "libreoffice"
ROOT = HERE.parents[3]
#: Sample submissions (made by scripts/make_samples.py) saved again by LibreOffice.
RESAVED = ("data/submissions/2024-Q2/CR_2024-Q2.xlsx",)


def _source(path: Path, rows: list[list[object]], formats: dict[str, str]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "BaoCao"
    for row in rows:
        sheet.append(row)
    for ref, fmt in formats.items():
        sheet[ref].number_format = fmt
    hidden = book.create_sheet("Quý 1 (cũ)")
    hidden.append(["Mã chỉ tiêu", "Giá trị thực hiện"])
    hidden.append(["CT01", 1])
    hidden.sheet_state = "hidden"
    book.save(path)


CASES: dict[str, tuple[list[list[object]], dict[str, str]]] = {
    "NK_2024-Q2.xlsx": (
        [
            ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA"],
            ["Đơn vị:", "Quận Ninh Kiều"],
            ["Mã đơn vị:", "NK"],
            ["Kỳ báo cáo:", "Quý 2/2024"],
            [],
            ["Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu", "Giá trị thực hiện", "Ghi chú"],
            ["CT01", "Tăng trưởng GRDP", "7,5 – 8 %", 7.8, None],
            ["CT03a", "Nông nghiệp - thủy sản", "5,6 – 5,9 %", 0.0575, "ô định dạng %"],
            ["CT06a", "Năng suất lao động", "≥ 297,18", "297,18", "nhập dạng chữ"],
            ["CT08", "Đô thị hóa", "≥ 76 %", "=70+6", "công thức"],
            ["CT11", "Hộ nghèo", "< 0,5 %", "N/A", "chưa có số liệu"],
            ["CT17b", "Đảng viên mới", "≥ 7.000", "7.000", "mơ hồ"],
        ],
        {"D8": "0.00%"},
    ),
}


def resave(soffice: str, source: Path, out: Path) -> Path:
    """Open ``source`` in LibreOffice and save it as .xlsx into ``out``."""
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / source.name


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-calc-nogui")
    HERE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for name, (rows, formats) in CASES.items():
            sources.append(Path(tmp) / name)
            _source(sources[-1], rows, formats)
        sources += [ROOT / name for name in RESAVED]
        for source in sources:
            saved = resave(soffice, source, Path(tmp) / "out")
            shutil.copy(saved, HERE / source.name)
            print(HERE / source.name)


if __name__ == "__main__":
    main()
