"""The web page of ``kpi report``: one self-contained HTML file (no script, no stylesheet,
font or image fetched), its charts drawn as inline SVG when the page is built, its texts
escaped by the template. :func:`page_html` is the whole face."""

from __future__ import annotations

from .render import page_html

__all__ = ["page_html"]
