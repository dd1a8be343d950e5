"""``--format csv`` of ``kpi rank``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import RankView


class RankCsv(Format[RankView]):
    help = "one row per unit, for spreadsheets"
    suffix = ".csv"

    def write(self, view: RankView, out: IO[Any]) -> None:
        from ..drive_data import rank_csv

        out.write(rank_csv(view.ranking, view.drive_file))


FORMAT = RankCsv()
