"""``--format table`` of ``kpi check``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format, console_on
from .views import CheckView


class CheckTable(Format[CheckView]):
    help = "tables for people"

    def write(self, view: CheckView, out: IO[Any]) -> None:
        from ..console import draw_check
        from ..drive_console import draw_calendar

        console = console_on(out)
        report = view.report
        draw_check(report, view.targets, console, view.lang, unit=view.unit, detail=view.detail)
        if view.calendar is not None and view.unit is None and len(report.submissions) > 1:
            draw_calendar(*view.calendar, console, view.lang)


FORMAT = CheckTable()
