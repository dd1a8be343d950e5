"""``--format table`` of ``kpi targets``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format, console_on
from .views import TargetsView


class TargetsTable(Format[TargetsView]):
    help = "a table for people"

    def write(self, view: TargetsView, out: IO[Any]) -> None:
        from ..console import targets_table

        targets_table(view.targets, console_on(out), view.lang)


FORMAT = TargetsTable()
