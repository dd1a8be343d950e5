"""``--format csv`` of ``kpi check``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import CheckView


class CheckCsv(Format[CheckView]):
    help = "one row per result, for spreadsheets"
    suffix = ".csv"

    def write(self, view: CheckView, out: IO[Any]) -> None:
        from ..data import check_csv

        out.write(check_csv(view.report))


FORMAT = CheckCsv()
