"""``--format markdown`` of ``kpi check``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import CheckView


class CheckMarkdown(Format[CheckView]):
    help = "headline and tables for a report or an issue"
    suffix = ".md"

    def write(self, view: CheckView, out: IO[Any]) -> None:
        from ..markdown import check_markdown

        out.write(check_markdown(view.report, view.targets, view.lang, unit=view.unit))


FORMAT = CheckMarkdown()
