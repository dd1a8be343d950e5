"""A Word document set as Nghị định 30/2020/NĐ-CP, appendix I, asks, with python-docx: A4
portrait with the decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm), Times New
Roman, black, page numbers from page 2 centred in the top margin. What python-docx has no call
for is set in the XML here: the font of every script, a table's header row repeated on each
page, a row kept on one page, a rule under a line, the PAGE field. And the document is made
the same bytes for the same content (no time of writing in it). Last, the few kinds of
paragraph and run the review's writer makes.

python-docx is imported by the callers of this module only when a document is written.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from .review_blocks import Text

    Container = Document | _Cell

FONT = "Times New Roman"  # not a message: the font of Nghị định 30/2020 (appendix I)
BODY = Pt(14)  # the content: 13 to 14 (appendix I, II.6)
INDENT = Cm(1)  # a paragraph's first line: 1 to 1.27 cm
AFTER = Pt(6)  # between paragraphs: at least 6 pt
BLACK = RGBColor(0, 0, 0)
#: The width of the text on an A4 page within the margins.
TEXT_WIDTH = Cm(21 - 3 - 1.5)
LANGUAGE = {"vi": "vi-VN", "en": "en-GB"}
#: What XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE and U+FFFF): a name
#: written "a\x0bb" in double quotes in a YAML file would stop the document from being written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with what XML cannot hold replaced by U+FFFD, so that it is seen."""
    return _NOT_XML.sub("\ufffd", text)


def set_up(doc: Document, lang: str) -> None:
    """The page, the styles, the page numbers."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.header_distance = section.footer_distance = Cm(1)
    section.different_first_page_header_footer = True  # no number on the first page:
    section.first_page_header.is_linked_to_previous = False  # its header is empty
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(number.add_run())
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Header"):
        _style(doc.styles[name], lang)
    for level in (1, 2, 3):
        heading = doc.styles[f"Heading {level}"]
        heading.font.bold = True
        heading.font.italic = level == 3
        form = heading.paragraph_format
        form.space_before, form.space_after = AFTER, AFTER
        form.first_line_indent = INDENT
        form.keep_with_next = True
        form.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    drop_thumbnail(doc)


def _style(style: ParagraphStyle, lang: str) -> None:
    style.font.size = BODY
    style.font.color.rgb = BLACK
    style.font.italic = False
    style.font.bold = False
    rpr = style.element.get_or_add_rPr()
    fonts(rpr)
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), LANGUAGE.get(lang, "vi-VN"))
    form = style.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = 1.0


def fonts(rpr: object) -> None:
    """Times New Roman for every script, the theme's fonts removed (they would win)."""
    found = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if found is None:
        found = OxmlElement("w:rFonts")
        rpr.insert(0, found)  # type: ignore[attr-defined]
    for key in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        found.attrib.pop(qn(f"w:{key}"), None)
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        found.set(qn(f"w:{key}"), FONT)


def page_field(run: Run) -> None:
    """The page's number, as Word counts it."""
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2")):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def highlight(run: Run) -> Run:
    """A place to write: highlighted, to be seen and replaced."""
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def rule(paragraph: Paragraph, side: str = "top") -> None:
    """A thin line on one side of the paragraph, as long as the paragraph is wide."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        line.set(qn(f"w:{key}"), value)
    borders.append(line)
    ppr.append(borders)


def _row_flag(row: _Row, name: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement(f"w:{name}")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def repeat_header(row: _Row) -> None:
    """The row is repeated at the top of every page the table runs onto."""
    _row_flag(row, "tblHeader")


def keep_row(row: _Row) -> None:
    """The row is not split across two pages."""
    _row_flag(row, "cantSplit")


def widths(table: Table, columns: list[float]) -> None:
    """Fixed column widths in cm (set on the grid and on each cell, as Word and LibreOffice
    each read one of them)."""
    table.autofit = False
    for column, width in zip(table.columns, columns, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def cell_margins(table: Table, cm: float) -> None:
    """The space left and right of the text in every cell of the table."""
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        width = OxmlElement(f"w:{side}")
        width.set(qn("w:w"), str(round(cm / 2.54 * 1440)))  # twentieths of a point
        width.set(qn("w:type"), "dxa")
        margins.append(width)
    tblpr.append(margins)


def drop_thumbnail(doc: Document) -> None:
    """python-docx's template carries a picture of an empty page as the file's thumbnail."""
    rels = doc.part.package.rels
    for rid in [r for r, rel in rels.items() if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL]:
        del rels[rid]


def stable_bytes(doc: Document) -> bytes:
    """The document's bytes with no time in them: no dates in its properties, every part of
    the zip dated 1980-01-01, so that the same content is the same file."""
    props = doc.core_properties._element
    for name in ("dcterms:created", "dcterms:modified"):
        for found in props.findall(qn(name)):
            props.remove(found)
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zip_:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            zip_.writestr(member, source.read(info.filename))
    return out.getvalue()


# -- paragraphs and runs ---------------------------------------------------------------------


def para(where: Container, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    """A new paragraph; in a table's cell, its first (empty) one first."""
    found = where.paragraphs
    if isinstance(where, _Cell) and len(found) == 1 and not found[0].text:
        paragraph = found[0]
    else:
        paragraph = where.add_paragraph()
    paragraph.alignment = align
    return paragraph


def line(where: Container, text: str, size: float, *, bold: bool = False) -> Paragraph:
    """A centred line of the frame; a line break in the setting is kept."""
    paragraph = para(where)
    for n, part in enumerate(text.split("\n")):
        if n:
            paragraph.runs[-1].add_break()
        run_of(paragraph, part, size, bold=bold)
    return paragraph


def short_rule(paragraph: Paragraph, indent: float) -> None:
    """A rule under a line (the issuing body, the motto, the title), on an empty paragraph
    indented ``indent`` cm on both sides, so that the rule is centred and short."""
    form = paragraph.paragraph_format
    form.left_indent = form.right_indent = Cm(indent)
    form.space_before, form.space_after = Pt(2), Pt(0)
    form.line_spacing = Pt(2)
    rule(paragraph)


def body(doc: Document, *, indent: bool = False) -> Paragraph:
    """A paragraph of the content: justified, its first line indented, 6 pt after."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form = paragraph.paragraph_format
    form.space_after = AFTER
    if indent:
        form.first_line_indent = INDENT
    return paragraph


def run_of(
    paragraph: Paragraph,
    text: str,
    size: float | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Run:
    """A run of ``text`` (what XML cannot hold shown as U+FFFD), its size and weight."""
    run = paragraph.add_run(xml_text(text))
    if size is not None:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return run


def spans(paragraph: Paragraph, text: Text) -> list[Run]:
    """The text's runs, bold and italic as its template marks them."""
    return [
        run_of(paragraph, span.text, bold=span.bold, italic=span.italic) for span in text.spans()
    ]
