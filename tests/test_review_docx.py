"""`kpi review -o FILE.docx`: the review as a Word document in the form of an administrative
document (Nghị định 30/2020/NĐ-CP, appendix I), read back with python-docx: its text golden in
Vietnamese and English, the same content as the Markdown, real tables with repeated header
rows, the places to write highlighted in the plan's order, the awards at the final review
only, the drive file's settings; and converted by LibreOffice to PDF (pages counted, text
extracted and compared), skipped cleanly without LibreOffice and poppler."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt
from typer.testing import CliRunner, Result

from cantho_kpi.cli import EXIT_OK, EXIT_USAGE, app
from cantho_kpi.domain import Period
from cantho_kpi.output import ReviewData, review_docx, review_markdown, review_outline
from cantho_kpi.output.review_blocks import Table, Text
from cantho_kpi.presentation import WORDS
from cantho_kpi.report import build_review, evaluate
from cantho_kpi.submissions import discover, read_submission, received_logs
from cantho_kpi.targets import DriveFile, ReviewDocument, TargetsFile, load_drive

from .conftest import ROOT
from .office import (
    docx_text,
    pdf_page_sizes,
    pdf_pages,
    text_hash,
    to_pdf,
    tools_missing,
)

Kpi = Callable[..., Result]
GOLDEN = Path(__file__).resolve().parent / "golden"
ARCHIVE = "data/submissions"
FINAL = ["review", ARCHIVE, "--round", "2024", "--as-of", "2025-01-27"]
INTERIM = ["review", ARCHIVE, "--round", "2024-H1", "--as-of", "2024-06-27"]
PICTURE = ROOT / "docs" / "review-2024-vi.png"


def _made(tmp: Path, args: list[str], suffix: str = ".docx") -> bytes:
    """The file ``kpi`` writes with ``args``, run in-process from the repository's root."""
    out = tmp / f"review{suffix}"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("KPI_LANG", raising=False)
        patch.delenv("KPI_TARGETS", raising=False)
        result = CliRunner().invoke(app, [*args, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == EXIT_OK, result.output
    return out.read_bytes()


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The final review of the sample archive, as Word and as Markdown, in both languages."""
    tmp = tmp_path_factory.mktemp("final")
    made = {}
    for lang in ("vi", "en"):
        args = [*FINAL, "--lang", lang]
        (tmp / lang).mkdir()
        made[lang] = _made(tmp / lang, args)
        made[f"{lang}.md"] = _made(tmp / lang, args, ".md")
    return made


@pytest.fixture(scope="module")
def interim(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _made(tmp_path_factory.mktemp("interim"), INTERIM)


def _doc(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def _paragraphs(data: bytes) -> list[str]:
    """The texts of the body's paragraphs (outside tables) that hold text, in order."""
    return [p.text for p in _doc(data).paragraphs if p.text.strip()]


# -- the text, golden, and the same content as the Markdown ------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_final_review_docx_golden(
    final: dict[str, bytes], lang: str, golden: Callable[[Path, str], None]
) -> None:
    golden(GOLDEN / f"review-2024-{lang}.docx.txt", docx_text(final[lang]))


def _unmarked(line: str, mark: str) -> str:
    """A Markdown line of the review as the Word document shows it: headings without their
    hashes, the place to write with its mark, no bold, code or emphasis marks."""
    line = re.sub(r"^#+ ", "", line)
    line = line.replace(f"> **{mark}**", mark)
    line = line.replace("**", "").replace("`", "")
    if len(line) > 2 and line[0] in "_*" and line[-1] == line[0]:
        line = line[1:-1]
    return line


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_document_says_what_the_markdown_says(final: dict[str, bytes], lang: str) -> None:
    """Every paragraph of the Markdown after its title is a paragraph of the document, in the
    same order, and every table row a row of the document's table (the statuses in words, for
    print: the Markdown's signs, and their legend, are left out)."""
    mark = "[CẦN VIẾT]" if lang == "vi" else "[TO WRITE]"
    lines = [ln for ln in final[f"{lang}.md"].decode().splitlines() if ln.strip()]
    legend = f"*{WORDS[lang]['legend']}*"  # the signs' legend: the document has no signs
    assert legend in lines
    prose = [_unmarked(ln, mark) for ln in lines[2:] if not ln.startswith("|") and ln != legend]
    shown = _paragraphs(final[lang])
    assert shown[2:] == prose  # after the type of document and what it is about: all of it
    assert len(prose) > 90
    rows = [ln for ln in lines if ln.startswith("|") and not ln.startswith("|---")]
    cells = [[c.strip() for c in re.split(r"(?<!\\)\|", r)[1:-1]] for r in rows]
    signs = re.compile(r"^[▲✓≈✗◷○·!] ")
    wanted = [[signs.sub("", c).replace("\\|", "|") for c in row] for row in cells]
    tables = _doc(final[lang]).tables[1:-1]  # the frame's table first, the signature's last
    got = [[c.text for c in row.cells] for t in tables for row in t.rows]
    symbols = {"▲", "✓", "≈", "✗", "·", "!", "○"}
    assert [[c for c in row if c not in symbols] for row in wanted] == [
        [c for c, w in zip(row, wrow, strict=True) if w not in symbols]
        for row, wrow in zip(got, wanted, strict=True)
    ]
    assert len(got) == 36 + 10 + 5  # the 35 figures, the two clusters' units, with headers


def test_marks_are_read_from_the_words_never_from_the_values() -> None:
    text = Text("**{name}**: `{file}` {rest}", {"name": "a_b*", "file": "x`y", "rest": "**c**"})
    spans = [(s.text, s.bold, s.code) for s in text.spans()]
    assert spans == [("a_b*", True, False), (": ", False, False), ("x`y", False, True),
                     (" **c**", False, False)]  # fmt: skip
    assert [(s.text, s.italic) for s in Text("_{x} note_", {"x": "_"}).spans()] == [
        ("_ note", True)
    ]
    assert Text("_{x} note_", {"x": "_"}).plain() == "_ note"


# -- the form of an administrative document -----------------------------------------------------


def test_a4_portrait_with_the_decrees_margins_and_page_numbers(final: dict[str, bytes]) -> None:
    doc = _doc(final["vi"])
    [section] = doc.sections
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    # A4 portrait; margins 20-25 mm top and bottom, 30-35 mm left, 15-20 mm right (in twips)
    assert [round(s.cm, 2) for s in sizes] == [21, 29.7, 2, 2, 3, 1.5]
    assert section.different_first_page_header_footer  # no number on the first page
    assert not section.first_page_header.paragraphs[0].text
    header = section.header._element
    assert [t.text.strip() for t in header.iter(qn("w:instrText"))] == ["PAGE"]
    normal = doc.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(14))
    for style in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        fonts = doc.styles[style].element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {
            "Times New Roman"
        }
        assert not [k for k in fonts.attrib if "Theme" in k or "theme" in k]


def test_the_frame_the_title_and_the_signature(final: dict[str, bytes]) -> None:
    doc = _doc(final["vi"])
    frame, signature = doc.tables[0], doc.tables[-1]
    issuer, nation = (cell.paragraphs for cell in frame.rows[0].cells)
    assert issuer[0].text == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ"  # in capitals, as set
    assert all(r.bold for r in issuer[0].runs)
    assert [p.text for p in nation if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert [p.runs[0].font.size for p in nation[:2]] == [Pt(12), Pt(13)]
    ruled = [p for p in (*issuer, *nation) if p._p.find(f".//{qn('w:pBdr')}") is not None]
    assert len(ruled) == 2  # the rules under the issuing body and under the motto
    number, place = (cell.paragraphs[0] for cell in frame.rows[1].cells)
    assert re.fullmatch(r"Số: \xa0{6}/BC-UBND", number.text)
    blank = [r for r in number.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert [r.text for r in blank] == ["\xa0" * 6]  # the clerk writes the number
    assert re.fullmatch(r"Cần Thơ, ngày \xa0{6} tháng \xa0{6} năm 2025", place.text)
    assert all(r.italic for r in place.runs)
    shown = _paragraphs(final["vi"])
    assert shown[:2] == [
        "BÁO CÁO",
        "Tổng kết phong trào thi đua đợt cao điểm thực hiện Nghị quyết Đại hội XIV Đảng bộ "
        "thành phố (2024)",
    ]
    recipients, signer = (cell.paragraphs for cell in signature.rows[0].cells)
    label = recipients[0].runs[0]
    assert (label.text, label.bold, label.italic, label.font.size) == (
        "Nơi nhận:", True, True, Pt(12),
    )  # fmt: skip
    lines = [p.text for p in recipients[1:]]
    assert lines[0] == "- Ban Thi đua - Khen thưởng Trung ương (b/c);"
    assert lines[-1] == "- Lưu: VT."
    assert len(lines) == 8
    said = [p.text for p in signer if p.text]
    assert said == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "[Họ và tên]"]  # no name set
    name = signer[-1].runs[0]
    assert name.font.highlight_color == WD_COLOR_INDEX.YELLOW
    flags = signature.rows[0]._tr.trPr
    assert flags is not None
    assert flags.find(qn("w:cantSplit")) is not None  # on one page


def test_tables_are_real_tables_whose_header_rows_repeat(final: dict[str, bytes]) -> None:
    doc = _doc(final["vi"])
    content = doc.tables[1:-1]
    assert [len(t.rows) for t in content] == [36, 10, 5]
    assert [len(t.columns) for t in content] == [7, 12, 12]
    for table in content:
        assert table.style.name == "Table Grid"
        first = table.rows[0]._tr.trPr
        assert first.find(qn("w:tblHeader")) is not None
        assert [r._tr.trPr.find(qn("w:tblHeader")) for r in table.rows[1:]] == [None] * (
            len(table.rows) - 1
        )
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
        widths = [c.width for c in table.columns]
        assert abs(sum(w.cm for w in widths) - 16.5) < 0.01  # the text's width, A4 less margins
    head = [c.text for c in content[0].rows[0].cells]
    assert head == ["Mã", "Chỉ tiêu", "Chỉ tiêu KH", "Thực hiện", "% KH", "So với 2023", "Đánh giá"]
    ranking = [c.text for c in content[1].rows[0].cells]
    assert ranking[3:10] == [
        "Vượt", "Đạt", "Gần đạt", "Không đạt", "Chưa báo cáo", "Không hợp lệ", "Đã báo cáo",
    ]  # fmt: skip


WRITE_ORDER = [
    "Công tác lãnh đạo, chỉ đạo",
    "Tồn tại, hạn chế",
    "Nguyên nhân khách quan, chủ quan.",
    "Bài học kinh nghiệm.",
    "Kết quả khen thưởng Giấy khen",
    "Ý kiến bình xét của các đơn vị",
    "Phương hướng, nhiệm vụ, giải pháp",
]


def _to_write(data: bytes) -> Iterator[tuple[str, bool]]:
    """The places to write: their text after the mark, and whether all of it is highlighted."""
    for p in _doc(data).paragraphs:
        if p.text.startswith("[CẦN VIẾT] "):
            lit = all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in p.runs)
            yield p.text.removeprefix("[CẦN VIẾT] "), lit


def test_places_to_write_are_highlighted_in_the_plans_order(final: dict[str, bytes]) -> None:
    found = list(_to_write(final["vi"]))
    assert len(found) == len(WRITE_ORDER)
    assert all(lit for _, lit in found)
    order = [next(i for i, w in enumerate(WRITE_ORDER) if t.startswith(w)) for t, _ in found]
    assert order == list(range(len(WRITE_ORDER)))
    doc = _doc(final["vi"])
    sections = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [s.split(".")[0] for s in sections] == ["I", "II", "III", "IV", "V", "VI"]


def test_awards_at_the_final_review_only(final: dict[str, bytes], interim: bytes) -> None:
    final_text, interim_text = docx_text(final["vi"]), docx_text(interim)
    assert "Danh sách tham khảo (không phải đề nghị khen thưởng)" in final_text
    assert "- Cụm thi đua các quận, huyện: Huyện Phong Điền (PD; xét trên 2024)." in final_text
    assert "Danh sách tham khảo" not in interim_text
    assert "Không xét ở đợt sơ kết này; xét vào dịp tổng kết (đợt 2024)." in interim_text
    assert _paragraphs(interim)[1].startswith("Sơ kết phong trào thi đua")
    found = [t for t, _ in _to_write(interim)]
    assert len(found) == 6  # no deliberation on candidates at the interim review
    assert not any(t.startswith("Ý kiến bình xét") for t in found)


# -- the drive file's settings ------------------------------------------------------------------


@pytest.fixture(scope="module")
def q4_data(targets: TargetsFile) -> ReviewData:
    drive = load_drive(ROOT / "data" / "drive.yaml").drive
    assert drive is not None
    files = discover([ROOT / ARCHIVE / "2024-Q4"])
    subs = [read_submission(p, targets) for p in files]
    report = evaluate(targets, subs, targets_file="t", logs=received_logs(files))
    review = build_review(targets, drive, report, Period.quarter(2024, 4))
    return ReviewData(review, targets, drive, "drive.yaml", "t", city="Thành phố Cần Thơ")


def _with(data: ReviewData, document: ReviewDocument, name: str | None = None) -> ReviewData:
    update: dict[str, object] = {"document": document}
    if name is not None:
        update["name"] = name
    drive: DriveFile = data.drive.model_copy(update=update)
    return ReviewData(data.review, data.targets, drive, data.drive_file, data.targets_file)


def test_what_the_drive_file_leaves_out_is_a_place_to_write(q4_data: ReviewData) -> None:
    doc = _doc(review_docx(_with(q4_data, ReviewDocument())))
    lit = [
        r.text
        for t in (doc.tables[0], doc.tables[-1])
        for row in t.rows
        for cell in row.cells
        for p in cell.paragraphs
        for r in p.runs
        if r.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert lit == [
        "[TÊN CƠ QUAN BAN HÀNH]",
        "\xa0" * 6,
        "/BC-......",
        "[Địa danh]",
        "\xa0" * 6,
        "\xa0" * 6,
        "- [Nơi nhận];",
        "[QUYỀN HẠN NGƯỜI KÝ]",
        "[CHỨC VỤ NGƯỜI KÝ]",
        "[Họ và tên]",
    ]  # fmt: skip  (the year is the final review's, 2025)


def test_the_drive_files_settings_are_shown_as_set(q4_data: ReviewData) -> None:
    document = ReviewDocument(
        parent="Ủy ban nhân dân thành phố Cần Thơ",
        issuer="Sở Nội vụ",
        number="{number}/BC-SNV",
        place="Cần Thơ",
        signer_title="Giám đốc",
        signer_name="Nguyễn Văn A",
        recipients=["UBND thành phố (b/c)", "Lưu: VT, TĐKT"],
    )
    doc = _doc(review_docx(_with(q4_data, document)))
    issuer = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert issuer == ["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"]
    parent, body = (p for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text)
    assert (parent.runs[0].bold, body.runs[0].bold) == (None, True)  # the issuer in bold
    assert doc.tables[0].rows[1].cells[0].paragraphs[0].text.endswith("/BC-SNV")
    signer = [p.text for p in doc.tables[-1].rows[0].cells[1].paragraphs if p.text]
    assert signer == ["GIÁM ĐỐC", "Nguyễn Văn A"]  # signing in their own name: no TM., KT.
    recipients = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs]
    assert recipients == ["Nơi nhận:", "- UBND thành phố (b/c);", "- Lưu: VT, TĐKT."]


def test_text_xml_cannot_hold_is_shown_not_a_crash(q4_data: ReviewData) -> None:
    """A name written "a\\x0bb" in double quotes in YAML holds a control character."""
    data = _with(q4_data, ReviewDocument(issuer="Sở\x0b Nội vụ\x00"), name="Phong trào\x01 2024")
    text = docx_text(review_docx(data))
    assert "SỞ\ufffd NỘI VỤ\ufffd" in text
    assert "Tổng kết phong trào\ufffd 2024" in text


def test_the_same_review_is_the_same_bytes(q4_data: ReviewData) -> None:
    first, second = review_docx(q4_data), review_docx(q4_data)
    assert first == second
    core = _doc(first).core_properties
    assert (core.created, core.modified) == (None, None)  # no time of writing in it
    names = [i.filename for i in zipfile.ZipFile(io.BytesIO(first)).infolist()]
    assert "docProps/thumbnail.jpeg" not in names


def test_the_outline_is_one_for_both_documents(q4_data: ReviewData) -> None:
    """The Markdown is the outline written as Markdown; the document's tables are its tables."""
    outline = review_outline(q4_data, "vi", symbols=False)
    tables = [b for b in outline.body if isinstance(b, Table)]
    assert [t.kind for t in tables] == ["figures", "ranking", "ranking"]
    doc = _doc(review_docx(q4_data))
    assert [[c.text for c in r.cells] for t in doc.tables[1:-1] for r in t.rows] == [
        list(row) for t in tables for row in (t.head, *t.rows)
    ]
    assert review_markdown(q4_data).startswith("# BÁO CÁO TỔNG KẾT PHONG TRÀO THI ĐUA\n")


# -- the command ----------------------------------------------------------------------------------


def test_the_suffix_and_the_format_must_agree(kpi: Kpi, tmp_path: Path) -> None:
    result = kpi(*FINAL, "--format", "docx", "-o", str(tmp_path / "r.md"))
    assert result.exit_code == EXIT_USAGE
    assert "r.md: tệp kết quả phải là tệp .docx" in result.stderr  # Vietnamese by default
    assert not (tmp_path / "r.md").exists()
    help_text = kpi("review", "--help").output
    assert ".docx" in help_text


def test_openpyxl_stays_off_lxml_which_python_docx_brings() -> None:
    """A workbook kpi writes is the same bytes with or without lxml, and openpyxl parses with
    defusedxml, as the README says."""
    code = (
        "import cantho_kpi, openpyxl.xml as x, openpyxl.xml.functions as f; "
        "print(x.LXML, f.fromstring.__module__)"
    )
    env_free = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env_free
    ).stdout.split()
    assert out[0] == "False"
    assert out[1].startswith("defusedxml")


# -- LibreOffice: PDF, pages, text; the docs' picture ---------------------------------------------


needs_office = pytest.mark.skipif(
    bool(tools_missing()),
    reason=f"LibreOffice or poppler-utils not installed: {', '.join(tools_missing())}",
)


@pytest.fixture(scope="module")
def printed(final: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("printed")
    source = folder / "tong-ket_2024.docx"
    source.write_bytes(final["vi"])
    pdf = to_pdf(source, folder)
    sizes = pdf_page_sizes(pdf)
    assert {(round(w), round(h)) for w, h in sizes} == {(595, 842)}  # A4 portrait, every page
    return pdf_pages(pdf)


def _words(text: str) -> list[str]:
    return text.replace("\xa0", " ").split()


@needs_office
def test_libreoffice_prints_it_on_a4_pages_with_numbers(printed: list[str]) -> None:
    assert 6 <= len(printed) <= 11  # the sample's final review: about eight pages
    first = _words(printed[0])
    assert {"CỘNG", "HÒA", "ỦY", "BAN", "BÁO", "CÁO", "Số:"} <= set(first)
    assert not first[0].isdigit()  # no number on the first page
    for number, page in enumerate(printed[1:], 2):
        assert _words(page)[0] == str(number)  # in the top margin, from page 2


def _document_words(data: bytes) -> list[str]:
    """Every word of the document: its paragraphs, then its tables' cells (the page number
    of the header left out)."""
    doc = _doc(data)
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [w for text in texts for w in _words(text)]


@needs_office
def test_libreoffice_prints_every_character_and_repeats_the_header_row(
    final: dict[str, bytes], printed: list[str]
) -> None:
    """The PDF's text is the document's, character for character, plus the figures table's
    header row once more on each page the table runs onto; the paragraphs in order."""
    pages = [_words(page)[(1 if n else 0) :] for n, page in enumerate(printed)]
    head = [c.text for c in _doc(final["vi"]).tables[1].rows[0].cells]
    opening = _words(head[0]) + _words(head[1])
    runs_on = sum(page[: len(opening)] == opening for page in pages[1:])
    assert runs_on >= 1  # the 35 figures do not fit on the first page
    printed_chars = Counter("".join(w for page in pages for w in page))
    wanted = Counter("".join(_document_words(final["vi"])))
    repeated = Counter("".join(w for cell in head for w in _words(cell)) * runs_on)
    assert wanted - printed_chars == Counter()  # nothing of the document is lost
    assert printed_chars - wanted == repeated  # nothing is added but the repeated header
    text = " ".join(w for page in pages for w in page)
    position, checked = 0, 0
    for paragraph in _doc(final["vi"]).paragraphs:
        opening_words = " ".join(_words(paragraph.text)[:5])
        if opening_words:
            position = text.index(opening_words, position)
            checked += 1
    assert checked > 90


def test_the_docs_picture_is_of_the_current_document(final: dict[str, bytes]) -> None:
    """docs/review-2024-vi.png was made from the document the sample gives today (the hash of
    its text is recorded beside it); else run: python scripts/review_picture.py."""
    recorded = PICTURE.with_suffix(".png.sha256").read_text(encoding="utf-8").split()[0]
    assert recorded == text_hash(final["vi"]), "run: python scripts/review_picture.py"
    assert PICTURE.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    docs = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    assert "](review-2024-vi.png)" in docs
