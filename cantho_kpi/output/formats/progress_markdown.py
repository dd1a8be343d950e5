"""``--format markdown`` of ``kpi progress``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ProgressView


class ProgressMarkdown(Format[ProgressView]):
    help = "headline and table for a report or an issue"
    suffix = ".md"

    def write(self, view: ProgressView, out: IO[Any]) -> None:
        from ..progress import progress_markdown

        out.write(progress_markdown(view.report, view.targets, view.lang))


FORMAT = ProgressMarkdown()
