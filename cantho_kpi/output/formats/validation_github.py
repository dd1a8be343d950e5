"""``--format github`` of ``kpi validate-targets``."""

from __future__ import annotations

from typing import IO, Any

from .base import Format
from .views import ValidationView


class ValidationGithub(Format[ValidationView]):
    help = "GitHub Actions annotations"

    def write(self, view: ValidationView, out: IO[Any]) -> None:
        from ..annotations import issues_github

        for result in view.results:
            out.write(issues_github(result.issues, view.lang))


FORMAT = ValidationGithub()
