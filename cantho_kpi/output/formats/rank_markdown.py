"""``--format markdown`` of ``kpi rank``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import RankView


class RankMarkdown(Format[RankView]):
    help = "tables for a report"
    suffix = ".md"

    def write(self, view: RankView, out: IO[Any]) -> None:
        from ..drive_data import rank_markdown

        out.write(rank_markdown(view.ranking, view.drive, view.drive_file, view.lang))


FORMAT = RankMarkdown()
