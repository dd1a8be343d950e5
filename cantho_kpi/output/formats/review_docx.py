"""``--format docx`` of ``kpi review``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ReviewView


class ReviewDocx(Format[ReviewView]):
    help = "the review as a Word document, in the form of Nghị định 30/2020/NĐ-CP"
    suffix = ".docx"
    binary = True

    def write(self, view: ReviewView, out: IO[Any]) -> None:
        from ..review_docx import review_docx

        out.write(review_docx(view.data, view.lang))


FORMAT = ReviewDocx()
