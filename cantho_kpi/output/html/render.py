"""The page written from its template: Jinja2 with autoescaping on for every value (the names,
notes and messages that came from submissions are text, never markup) and undefined names an
error. The stylesheet is inlined; nothing is fetched when the page is opened."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..formats.views import ReportView
from .page import build_page


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("cantho_kpi.output.html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_html(view: ReportView) -> str:
    """The page, as text (UTF-8 when written)."""
    return _environment().get_template("page.html.j2").render(page=build_page(view))
