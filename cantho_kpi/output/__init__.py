"""Results -> strings, or drawings on a Console that the caller gives: tables for people,
JSON, CSV and Markdown for scripts and documents, annotations for CI. Nothing here prints.

The names are listed once, in ``__init__.pyi``, and loaded on first use (:mod:`cantho_kpi.faces`),
so that a command imports only the modules it uses.
"""

from __future__ import annotations

from ..faces import attach

__getattr__, __dir__, __all__ = attach(__name__, __file__)
