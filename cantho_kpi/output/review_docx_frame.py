"""The frame of the review as an administrative document (Nghị định 30/2020/NĐ-CP, appendix I,
IV: the places of its parts): at the top, the issuing body and the number on the left (ô 2,
3), the national title and motto and the place and date on the right (ô 1, 4); the type of
document and what it is about (ô 5); at the end, who signs on the right (ô 7) and the
recipients on the left (ô 9). What the drive file's ``document`` settings leave out is a
highlighted place to write, and so are the number and the day, which the clerk writes when the
report is issued."""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from ..targets import NUMBER_MARK
from .docx_style import (
    TEXT_WIDTH,
    body,
    highlight,
    keep_row,
    line,
    para,
    run_of,
    short_rule,
    widths,
)
from .review_docx_words import DOCX_WORDS

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from ..domain import Lang
    from .review_data import ReviewData

#: A blank the clerk fills in (the number, the day): highlighted spaces.
BLANK = "\u00a0" * 6


def frame(doc: Document, data: ReviewData, lang: Lang) -> None:
    """Ô 1 to 4: two columns, the issuing body and the number on the left, the national title
    and the place and date on the right."""
    words = DOCX_WORDS[lang]
    settings = data.drive.document
    table = doc.add_table(rows=2, cols=2)
    widths(table, [6.5, 10.0])
    issuer, nation = table.rows[0].cells
    if settings.parent:
        line(issuer, settings.parent.upper(), 13)
    if settings.issuer:
        line(issuer, settings.issuer.upper(), 13, bold=True)
    else:
        highlight(line(issuer, words["p_issuer"], 13, bold=True).runs[0])
    short_rule(para(issuer), 1.8)
    line(nation, words["nation"], 12, bold=True)
    line(nation, words["motto"], 13, bold=True)
    short_rule(para(nation), 2.1)
    _number(para(table.rows[1].cells[0]), settings.number, lang)
    _place_and_date(para(table.rows[1].cells[1]), data, lang)


def _number(paragraph: Paragraph, pattern: str | None, lang: Lang) -> None:
    """Ô 3: "Số: ___/BC-UBND", the number left blank for the clerk."""
    words = DOCX_WORDS[lang]
    run_of(paragraph, words["number"], 13)
    before, _, after = (pattern or words["p_number"]).partition(NUMBER_MARK)
    for text, blank in ((before, False), (BLANK, True), (after, pattern is None)):
        if text:
            run = run_of(paragraph, text, 13)
            if blank:
                highlight(run)


def _place_and_date(paragraph: Paragraph, data: ReviewData, lang: Lang) -> None:
    """Ô 4: "Cần Thơ, ngày ___ tháng ___ năm 2025", the day left blank for the clerk."""
    words = DOCX_WORDS[lang]
    place = data.drive.document.place
    year = _year(data)
    values = {
        "place": (place or words["p_place"], place is None),
        "day": (BLANK, True),
        "month": (BLANK, True),
        "year": (year or BLANK, year is None),
    }
    for text, blank in _fill(words["date"], values):
        run = run_of(paragraph, text, 14, italic=True)
        if blank:
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


def title(doc: Document, kind: str, name: str, lang: Lang) -> None:
    """Ô 5: the type of document, what it is about, a short rule under them."""
    words = DOCX_WORDS[lang]
    first = para(doc)
    first.paragraph_format.space_before = Pt(18)
    run_of(first, words["type"], 14, bold=True)
    # the drive's name as a sentence goes on after "Sơ kết": "Sơ kết phong trào thi đua ..."
    lower = name[:1].lower() + name[1:] if name[1:2].islower() and lang == "vi" else name
    run_of(para(doc), words["summary"].format(kind=kind, name=lower), 14, bold=True)
    under = para(doc)
    short_rule(under, (TEXT_WIDTH.cm - 5.0) / 2)
    under.paragraph_format.space_after = Pt(12)


def signature(doc: Document, data: ReviewData, lang: Lang) -> None:
    """Ô 7 and 9: the recipients on the left, who signs on the right, on one page."""
    words = DOCX_WORDS[lang]
    settings = data.drive.document
    body(doc).paragraph_format.space_after = Pt(6)
    table = doc.add_table(rows=1, cols=2)
    widths(table, [8.0, TEXT_WIDTH.cm - 8.0])
    keep_row(table.rows[0])
    recipients, signer = table.rows[0].cells
    label = para(recipients, WD_ALIGN_PARAGRAPH.LEFT)
    run_of(label, words["recipients"], 12, bold=True, italic=True)
    names = list(settings.recipients) or [words["p_recipients"], words["p_archive"]]
    for n, name in enumerate(names):
        item = para(recipients, WD_ALIGN_PARAGRAPH.LEFT)
        run = run_of(item, f"- {name}{'.' if n == len(names) - 1 else ';'}", 11)
        if not settings.recipients and n == 0:
            highlight(run)
    # who signs for whom (TM., KT.): a head signing in their own name has none
    if settings.signer_authority or settings.signer_title is None:
        _signer_line(signer, settings.signer_authority, words["p_authority"])
    _signer_line(signer, settings.signer_title, words["p_title"])
    for _ in range(4):  # room to sign, and for the seal
        para(signer)
    _signer_line(signer, settings.signer_name, words["p_name"], upper=False)


def _signer_line(cell: _Cell, value: str | None, placeholder: str, *, upper: bool = True) -> None:
    """A line of the signature block, in capitals but the name; highlighted when not set."""
    text = value or placeholder
    shown = line(cell, text.upper() if upper else text, 14, bold=True)
    if value is None:
        highlight(shown.runs[0])
