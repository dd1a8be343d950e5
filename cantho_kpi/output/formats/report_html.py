"""``kpi report -o FILE.html``: the term's progress as one self-contained web page."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ReportView


class ReportHtml(Format[ReportView]):
    help = "one self-contained web page: charts, verdicts, tables, the units' reports"
    suffix = ".html"

    def write(self, view: ReportView, out: IO[Any]) -> None:
        from ..html import page_html

        out.write(page_html(view))


FORMAT = ReportHtml()
