"""The review report (báo cáo sơ kết / tổng kết) as a Word document, from the same outline as
the Markdown (:func:`.review.review_outline`), in the form of every Vietnamese administrative
document (Nghị định 30/2020/NĐ-CP, appendix I, IV: the places of its parts):

- at the top, on the left, the parent body and the issuing body (ô 2) and the number (ô 3); on
  the right, the national title and motto (ô 1), and the place and date (ô 4);
- the type of document and what it is about (ô 5), then the content (ô 6): the review's
  sections as headings, its lists as dash items, its tables as Word tables whose header row
  repeats on every page, the passages people write highlighted, with their mark;
- the signature block (ô 7) on the right, the recipients, "Nơi nhận" (ô 9), on the left.

What the drive file's ``document`` settings leave out is a highlighted place to write, and so
are the number and the day, which the clerk writes when the report is issued. Bytes; nothing
is written to a file here.
"""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import _Cell

from ..targets import NUMBER_MARK
from .docx_style import (
    AFTER,
    INDENT,
    TEXT_WIDTH,
    cell_margins,
    highlight,
    keep_row,
    repeat_header,
    rule,
    set_up,
    stable_bytes,
    widths,
    xml_text,
)
from .review import review_outline
from .review_blocks import Block, Heading, Items, Note, Paragraph, Table, Text
from .review_docx_words import DOCX_WORDS

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx.text.run import Run

    from ..domain import Lang
    from .review_data import ReviewData

    Container = DocumentObject | _Cell

#: A blank the clerk fills in (the number, the day): highlighted spaces.
BLANK = "\u00a0" * 6
#: Column widths (cm) of the tables; the ranking's unit column takes what the others leave.
FIGURE_COLUMNS = [1.75, 4.65, 2.4, 2.6, 1.6, 1.6, 1.9]
RANK_COUNT, RANK_SCORE, RANK_RANK, RANK_DEDUCTION = 1.2, 1.5, 1.0, 1.3


def review_docx(data: ReviewData, lang: Lang = "vi") -> bytes:
    """The review as a .docx file's bytes (the same bytes for the same review)."""
    outline = review_outline(data, lang, symbols=False)
    doc = Document()
    set_up(doc, lang)
    _frame(doc, data, lang)
    kind = DOCX_WORDS[lang]["final" if data.review.final else "interim"]
    _title(doc, kind, outline.name, lang)
    made = _body(doc)
    made.paragraph_format.first_line_indent = INDENT
    for run in _spans(made, outline.made):
        highlight(run)  # a note for the writer, to be taken out before the report is issued
    _items(doc, outline.facts)
    for block in outline.body:
        _block(doc, block, lang)
    _signature(doc, data, lang)
    props = doc.core_properties
    props.title = outline.title.plain()
    props.subject = xml_text(outline.name)
    props.author = xml_text(" ".join((data.drive.document.issuer or "").split()))
    props.comments = "kpi review"
    props.last_modified_by = "kpi review"
    props.language = "vi-VN" if lang == "vi" else "en-GB"
    return stable_bytes(doc)


# -- the frame ---------------------------------------------------------------------------------


def _frame(doc: DocumentObject, data: ReviewData, lang: Lang) -> None:
    """Ô 1 to 4: two columns, the issuing body and the number on the left, the national title
    and the place and date on the right."""
    words = DOCX_WORDS[lang]
    settings = data.drive.document
    table = doc.add_table(rows=2, cols=2)
    widths(table, [6.5, 10.0])
    body, nation = table.rows[0].cells
    if settings.parent:
        _line(body, settings.parent.upper(), 13)
    if settings.issuer:
        _line(body, settings.issuer.upper(), 13, bold=True)
    else:
        highlight(_line(body, words["p_issuer"], 13, bold=True).runs[0])
    _short_rule(_para(body), 1.8)
    _line(nation, words["nation"], 12, bold=True)
    _line(nation, words["motto"], 13, bold=True)
    _short_rule(_para(nation), 2.1)
    number = _para(table.rows[1].cells[0])
    _run(number, words["number"], 13)
    pattern = settings.number or words["p_number"]
    before, _, after = pattern.partition(NUMBER_MARK)
    for text, blank in ((before, False), (BLANK, True), (after, settings.number is None)):
        if text:
            run = _run(number, text, 13)
            if blank:
                highlight(run)
    place = _para(table.rows[1].cells[1])
    year = _year(data)
    values = {
        "place": (settings.place or words["p_place"], settings.place is None),
        "day": (BLANK, True),
        "month": (BLANK, True),
        "year": (year or BLANK, year is None),
    }
    for text, marked in _fill(words["date"], values):
        run = _run(place, text, 14, italic=True)
        if marked:
            highlight(run)


def _year(data: ReviewData) -> str | None:
    """The year the report is issued in: the review's, else that of the data cut-off."""
    review = data.review
    if review.review_when is not None:
        return review.review_when[:4]
    return str(review.as_of.year) if review.as_of is not None else None


def _fill(template: str, values: dict[str, tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A template's pieces in order, each field replaced by its value: (text, highlighted)."""
    pieces = []
    for literal, name, _, _ in Formatter().parse(template):
        if literal:
            pieces.append((literal, False))
        if name is not None:
            pieces.append(values[name])
    return pieces


def _title(doc: DocumentObject, kind: str, name: str, lang: Lang) -> None:
    """Ô 5: the type of document, what it is about, a short rule under them."""
    words = DOCX_WORDS[lang]
    first = _para(doc)
    first.paragraph_format.space_before = Pt(18)
    _run(first, words["type"], 14, bold=True)
    # the drive's name as a sentence goes on after "Sơ kết": "Sơ kết phong trào thi đua ..."
    lower = name[:1].lower() + name[1:] if name[1:2].islower() and lang == "vi" else name
    _run(_para(doc), words["summary"].format(kind=kind, name=lower), 14, bold=True)
    line = _para(doc)
    _short_rule(line, (TEXT_WIDTH.cm - 5.0) / 2)
    line.paragraph_format.space_after = Pt(12)


# -- the content -------------------------------------------------------------------------------


def _block(doc: DocumentObject, block: Block, lang: Lang) -> None:
    if isinstance(block, Heading):
        _spans(doc.add_paragraph(style=f"Heading {block.level}"), block.text)
    elif isinstance(block, Paragraph):
        _spans(_body(doc, indent=True), block.text)
    elif isinstance(block, Note):
        for line in block.lines:
            for run in _spans(_body(doc, indent=True), line):
                run.italic = True
    elif isinstance(block, Items):
        _items(doc, block)
    elif isinstance(block, Table):
        _table(doc, block)
    else:
        paragraph = _body(doc, indent=True)
        highlight(_run(paragraph, DOCX_WORDS[lang]["mark"], bold=True))
        highlight(_run(paragraph, " "))
        for run in _spans(paragraph, block.text):
            highlight(run)


def _items(doc: DocumentObject, block: Items) -> None:
    """Dash items, as administrative documents list things."""
    for text in block.items:
        paragraph = _body(doc, indent=True)
        _run(paragraph, "- ")
        _spans(paragraph, text)


def _table(doc: DocumentObject, block: Table) -> None:
    """A real table: its header row bold and repeated on every page, no row split across two
    pages, the figures centred and the names left."""
    figures = block.kind == "figures"
    size = Pt(12) if figures else Pt(10)
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.head))
    table.style = doc.styles["Table Grid"]
    widths(table, _columns(block))
    if not figures:
        cell_margins(table, 0.08)  # narrow columns of counts
    left = {1}  # the name of a target, or of a unit
    for r, cells in enumerate([block.head, *block.rows]):
        row = table.rows[r]
        keep_row(row)
        if r == 0:
            repeat_header(row)
        for c, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
            paragraph = cell.paragraphs[0]
            center = r == 0 or c not in left
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
            run = _run(paragraph, text, bold=r == 0)
            run.font.size = size
    _body(doc).paragraph_format.space_after = Pt(0)  # the table ends before what follows


def _columns(block: Table) -> list[float]:
    if block.kind == "figures" and len(block.head) == len(FIGURE_COLUMNS):
        return FIGURE_COLUMNS
    count = len(block.head)
    statuses = count - 4 - (1 if count > 11 else 0)  # rank, unit, score, ..., deductions, candidate
    fixed = [RANK_RANK, 0.0, RANK_SCORE, *[RANK_COUNT] * statuses, RANK_DEDUCTION]
    fixed += [RANK_DEDUCTION] * (count - len(fixed))
    fixed[1] = round(TEXT_WIDTH.cm - sum(fixed), 2)
    return fixed


# -- the signature and the recipients ----------------------------------------------------------


def _signature(doc: DocumentObject, data: ReviewData, lang: Lang) -> None:
    """Ô 7 and 9: the recipients on the left, who signs on the right, on one page."""
    words = DOCX_WORDS[lang]
    settings = data.drive.document
    _body(doc).paragraph_format.space_after = Pt(6)
    table = doc.add_table(rows=1, cols=2)
    widths(table, [8.0, TEXT_WIDTH.cm - 8.0])
    keep_row(table.rows[0])
    recipients, signer = table.rows[0].cells
    label = _para(recipients, WD_ALIGN_PARAGRAPH.LEFT)
    _run(label, words["recipients"], 12, bold=True, italic=True)
    names = list(settings.recipients) or [words["p_recipients"], words["p_archive"]]
    for n, name in enumerate(names):
        line = _para(recipients, WD_ALIGN_PARAGRAPH.LEFT)
        run = _run(line, f"- {name}{'.' if n == len(names) - 1 else ';'}", 11)
        if not settings.recipients and n == 0:
            highlight(run)
    # who signs for whom (TM., KT.): a head signing in their own name has none
    if settings.signer_authority or settings.signer_title is None:
        _signer_line(signer, settings.signer_authority, words["p_authority"])
    _signer_line(signer, settings.signer_title, words["p_title"])
    for _ in range(4):  # room to sign, and for the seal
        _para(signer)
    _signer_line(signer, settings.signer_name, words["p_name"], upper=False)


def _signer_line(cell: _Cell, value: str | None, placeholder: str, *, upper: bool = True) -> None:
    """A line of the signature block, in capitals but the name; highlighted when not set."""
    text = value or placeholder
    line = _line(cell, text.upper() if upper else text, 14, bold=True)
    if value is None:
        highlight(line.runs[0])


# -- paragraphs and runs ---------------------------------------------------------------------


def _para(where: Container, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> DocxParagraph:
    """A new paragraph; in a table's cell, its first (empty) one first."""
    found = where.paragraphs
    if isinstance(where, _Cell) and len(found) == 1 and not found[0].text:
        paragraph = found[0]
    else:
        paragraph = where.add_paragraph()
    paragraph.alignment = align
    return paragraph


def _line(where: Container, text: str, size: float, *, bold: bool = False) -> DocxParagraph:
    """A centred line of the frame; a line break in the setting is kept."""
    paragraph = _para(where)
    for n, part in enumerate(text.split("\n")):
        if n:
            paragraph.runs[-1].add_break()
        _run(paragraph, part, size, bold=bold)
    return paragraph


def _short_rule(paragraph: DocxParagraph, indent: float) -> None:
    """A rule under a line (the issuing body, the motto, the title), on an empty paragraph
    indented ``indent`` cm on both sides, so that the rule is centred and short."""
    form = paragraph.paragraph_format
    form.left_indent = form.right_indent = Cm(indent)
    form.space_before, form.space_after = Pt(2), Pt(0)
    form.line_spacing = Pt(2)
    rule(paragraph)


def _body(doc: DocumentObject, *, indent: bool = False) -> DocxParagraph:
    """A paragraph of the content: justified, its first line indented, 6 pt after."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form = paragraph.paragraph_format
    form.space_after = AFTER
    if indent:
        form.first_line_indent = INDENT
    return paragraph


def _run(
    paragraph: DocxParagraph,
    text: str,
    size: float | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Run:
    run = paragraph.add_run(xml_text(text))
    if size is not None:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return run


def _spans(paragraph: DocxParagraph, text: Text) -> list[Run]:
    """The text's runs, bold and italic as its template marks them."""
    return [_run(paragraph, span.text, bold=span.bold, italic=span.italic) for span in text.spans()]
