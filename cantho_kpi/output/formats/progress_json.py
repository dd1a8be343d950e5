"""``--format json`` of ``kpi progress``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ProgressView


class ProgressJson(Format[ProgressView]):
    help = "the contract cantho-kpi/progress/v1, for scripts"
    suffix = ".json"

    def write(self, view: ProgressView, out: IO[Any]) -> None:
        from ..progress import progress_json

        out.write(progress_json(view.report))


FORMAT = ProgressJson()
