"""``--format markdown`` of ``kpi review``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ReviewView


class ReviewMarkdown(Format[ReviewView]):
    help = "the review's skeleton in Markdown"
    suffix = ".md"

    def write(self, view: ReviewView, out: IO[Any]) -> None:
        from ..review import review_markdown

        out.write(review_markdown(view.data, view.lang))


FORMAT = ReviewMarkdown()
