"""``--format json`` of ``kpi chase``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ChaseView


class ChaseJson(Format[ChaseView]):
    help = "the contract cantho-kpi/chase/v1, for scripts"
    suffix = ".json"

    def write(self, view: ChaseView, out: IO[Any]) -> None:
        from ..drive_data import chase_json

        out.write(chase_json(view.items, view.as_of))


FORMAT = ChaseJson()
