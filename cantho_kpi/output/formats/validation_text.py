"""``--format text`` of ``kpi validate-targets``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ValidationView


class ValidationText(Format[ValidationView]):
    help = "PATH:LINE:COL: CODE: message, a line each"

    def write(self, view: ValidationView, out: IO[Any]) -> None:
        from ..annotations import issues_text

        for result in view.results:
            out.write(issues_text(result.issues, view.lang))


FORMAT = ValidationText()
