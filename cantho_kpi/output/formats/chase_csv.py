"""``--format csv`` of ``kpi chase``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ChaseView


class ChaseCsv(Format[ChaseView]):
    help = "one row per unit to chase, for a mail merge"
    suffix = ".csv"

    def write(self, view: ChaseView, out: IO[Any]) -> None:
        from ..drive_data import chase_csv

        out.write(chase_csv(view.items, view.lang))


FORMAT = ChaseCsv()
