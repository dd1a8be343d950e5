"""``--format table`` of ``kpi rank``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format, console_on
from .views import RankView


class RankTable(Format[RankView]):
    help = "tables for people"

    def write(self, view: RankView, out: IO[Any]) -> None:
        from ..drive_console import draw_rank

        draw_rank(view.ranking, view.drive, view.drive_file, console_on(out), view.lang)


FORMAT = RankTable()
