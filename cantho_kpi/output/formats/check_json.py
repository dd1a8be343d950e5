"""``--format json`` of ``kpi check``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import CheckView


class CheckJson(Format[CheckView]):
    help = "the contract cantho-kpi/check/v2, for scripts"
    suffix = ".json"

    def write(self, view: CheckView, out: IO[Any]) -> None:
        from ..data import check_json_chunks
        from ..drive_data import calendar_dict

        extra = calendar_dict(*view.calendar) if view.calendar is not None else None
        out.writelines(check_json_chunks(view.report, extra))


FORMAT = CheckJson()
