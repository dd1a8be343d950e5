"""``--format table`` of ``kpi progress``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format, console_on
from .views import ProgressView


class ProgressTable(Format[ProgressView]):
    help = "tables for people"

    def write(self, view: ProgressView, out: IO[Any]) -> None:
        from ..progress_table import draw_progress

        draw_progress(view.report, view.targets, console_on(out), view.lang)


FORMAT = ProgressTable()
