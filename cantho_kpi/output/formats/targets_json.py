"""``--format json`` of ``kpi targets``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import TargetsView


class TargetsJson(Format[TargetsView]):
    help = "the targets with their bounds, for scripts"
    suffix = ".json"

    def write(self, view: TargetsView, out: IO[Any]) -> None:
        from ..data import targets_json

        out.write(targets_json(view.targets))


FORMAT = TargetsJson()
