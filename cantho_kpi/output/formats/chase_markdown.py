"""``--format markdown`` of ``kpi chase``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ChaseView


class ChaseMarkdown(Format[ChaseView]):
    help = "a list to send"
    suffix = ".md"

    def write(self, view: ChaseView, out: IO[Any]) -> None:
        from ..drive_data import chase_markdown

        out.write(chase_markdown(view.items, view.lang))


FORMAT = ChaseMarkdown()
