"""The words of the review as a Word document that the Markdown has not: the frame of an
administrative document (Nghị định 30/2020/NĐ-CP, appendix I), in Vietnamese and English. The
review's own words are in :mod:`.review_words`."""

from __future__ import annotations

from ..catalog import N_
from ..presentation import by_lang

DOCX_WORDS = by_lang(
    {
        "nation": N_("SOCIALIST REPUBLIC OF VIET NAM"),
        "motto": N_("Independence - Freedom - Happiness"),
        "number": N_("No.: "),
        "date": N_("{place}, {day}/{month}/{year}"),
        "type": N_("REPORT"),
        "summary": N_("{kind}: {name}"),
        "interim": N_("Interim review"),
        "final": N_("Final review"),
        "recipients": N_("Recipients:"),
        "mark": N_("[TO WRITE]"),
        # places to write, for the settings the drive file's 'document' leaves out
        "p_issuer": N_("[ISSUING BODY]"),
        "p_number": N_("{number}/BC-......"),
        "p_place": N_("[Place]"),
        "p_authority": N_("[ON BEHALF OF]"),
        "p_title": N_("[SIGNER'S TITLE]"),
        "p_name": N_("[Full name]"),
        "p_recipients": N_("[Recipients]"),
        "p_archive": N_("Archived: VT"),
    }
)
