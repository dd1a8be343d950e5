"""``--format json`` of ``kpi validate-targets``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ValidationView


class ValidationJson(Format[ValidationView]):
    help = "every file and its problems, for scripts"
    suffix = ".json"

    def write(self, view: ValidationView, out: IO[Any]) -> None:
        from ..annotations import issues_json

        out.write(issues_json(view.results))


FORMAT = ValidationJson()
