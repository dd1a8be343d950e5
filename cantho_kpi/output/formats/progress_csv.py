"""``--format csv`` of ``kpi progress``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ProgressView


class ProgressCsv(Format[ProgressView]):
    help = "one row per unit and indicator, for spreadsheets"
    suffix = ".csv"

    def write(self, view: ProgressView, out: IO[Any]) -> None:
        from ..progress import progress_csv

        out.write(progress_csv(view.report))


FORMAT = ProgressCsv()
