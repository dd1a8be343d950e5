"""``--format json`` of ``kpi rank``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import RankView


class RankJson(Format[RankView]):
    help = "the contract cantho-kpi/rank/v2, for scripts"
    suffix = ".json"

    def write(self, view: RankView, out: IO[Any]) -> None:
        from ..drive_data import rank_json

        out.write(rank_json(view.ranking, view.drive, view.drive_file, view.as_of))


FORMAT = RankJson()
