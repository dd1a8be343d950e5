"""The review report (báo cáo sơ kết / tổng kết) as a Word document, from the same outline as
the Markdown (:func:`.review.review_outline`), in the form of every Vietnamese administrative
document (Nghị định 30/2020/NĐ-CP, appendix I):

- the frame (:mod:`.review_docx_frame`): the issuing body, the number, the national title,
  the place and date, the type of document and what it is about; at the end, the signature
  block and the recipients ("Nơi nhận");
- the content (ô 6), here: the review's sections as headings, its lists as dash items, its
  tables as Word tables whose header row repeats on every page, the passages people write
  highlighted, with their mark.

Bytes; nothing is written to a file here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .docx_style import (
    INDENT,
    TEXT_WIDTH,
    body,
    cell_margins,
    highlight,
    keep_row,
    repeat_header,
    run_of,
    set_up,
    spans,
    stable_bytes,
    widths,
    xml_text,
)
from .review import review_outline
from .review_blocks import Block, Heading, Items, Note, Paragraph, Table
from .review_docx_frame import frame, signature, title
from .review_docx_words import DOCX_WORDS

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from ..domain import Lang
    from .review_data import ReviewData

#: Column widths (cm) of the tables; the ranking's unit column takes what the others leave.
FIGURE_COLUMNS = [1.75, 4.45, 2.4, 2.5, 1.6, 1.9, 1.9]
RANK_COUNT, RANK_SCORE, RANK_RANK, RANK_DEDUCTION = 1.2, 1.5, 1.0, 1.3


def review_docx(data: ReviewData, lang: Lang = "vi") -> bytes:
    """The review as a .docx file's bytes (the same bytes for the same review)."""
    outline = review_outline(data, lang, symbols=False)
    doc = Document()
    set_up(doc, lang)
    frame(doc, data, lang)
    kind = DOCX_WORDS[lang]["final" if data.review.final else "interim"]
    title(doc, kind, outline.name, lang)
    made = body(doc)
    made.paragraph_format.first_line_indent = INDENT
    for run in spans(made, outline.made):
        highlight(run)  # a note for the writer, to be taken out before the report is issued
    _items(doc, outline.facts)
    for block in outline.body:
        _block(doc, block, lang)
    signature(doc, data, lang)
    props = doc.core_properties
    props.title = outline.title.plain()
    props.subject = xml_text(outline.name)
    props.author = xml_text(" ".join((data.drive.document.issuer or "").split()))
    # not a message: the program that wrote the document, as its properties name it
    props.comments = props.last_modified_by = "kpi review"
    props.language = "vi-VN" if lang == "vi" else "en-GB"
    return stable_bytes(doc)


# -- the content -------------------------------------------------------------------------------


def _block(doc: DocumentObject, block: Block, lang: Lang) -> None:
    if isinstance(block, Heading):
        spans(doc.add_paragraph(style=f"Heading {block.level}"), block.text)
    elif isinstance(block, Paragraph):
        spans(body(doc, indent=True), block.text)
    elif isinstance(block, Note):
        for line in block.lines:
            for run in spans(body(doc, indent=True), line):
                run.italic = True
    elif isinstance(block, Items):
        _items(doc, block)
    elif isinstance(block, Table):
        _table(doc, block)
    else:
        paragraph = body(doc, indent=True)
        highlight(run_of(paragraph, DOCX_WORDS[lang]["mark"], bold=True))
        highlight(run_of(paragraph, " "))
        for run in spans(paragraph, block.text):
            highlight(run)


def _items(doc: DocumentObject, block: Items) -> None:
    """Dash items, as administrative documents list things."""
    for text in block.items:
        paragraph = body(doc, indent=True)
        run_of(paragraph, "- ")
        spans(paragraph, text)


def _table(doc: DocumentObject, block: Table) -> None:
    """A real table: its header row bold and repeated on every page, no row split across two
    pages, the figures centred and the names left."""
    figures = block.kind == "figures"
    size = Pt(12) if figures else Pt(10)
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.head))
    table.style = doc.styles["Table Grid"]  # not a message: a style of Word's template
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
            run = run_of(paragraph, text, bold=r == 0)
            run.font.size = size
    body(doc).paragraph_format.space_after = Pt(0)  # the table ends before what follows


def _columns(block: Table) -> list[float]:
    """The figures' widths; the ranking's: its rank, the unit (what the others leave), the
    score, a count per status, the deductions and, at the final review, the candidate."""
    if block.kind == "figures":
        return FIGURE_COLUMNS
    found = [RANK_RANK, 0.0, RANK_SCORE, *[RANK_COUNT] * 7, RANK_DEDUCTION]
    found += [RANK_COUNT] * (len(block.head) - len(found))
    found[1] = round(TEXT_WIDTH.cm - sum(found), 2)
    return found
