"""``--format table`` of ``kpi chase``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format, console_on
from .views import ChaseView


class ChaseTable(Format[ChaseView]):
    help = "a table for people"

    def write(self, view: ChaseView, out: IO[Any]) -> None:
        from ..drive_console import draw_chase

        draw_chase(view.items, console_on(out), view.lang)


FORMAT = ChaseTable()
