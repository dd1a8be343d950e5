"""The targets file: its models, safe YAML with positions, the cross-checks, the JSON Schema,
how a target reads to a person, and which file to use (``find_targets``). ``load_targets``
is the way in (``load_targets_cached`` for the commands: see :mod:`.cache`).

The names are listed once, in ``__init__.pyi``, and loaded on first use (:mod:`cantho_kpi.faces`),
so that a command imports only the modules it uses.
"""

from __future__ import annotations

from ..faces import attach

__getattr__, __dir__, __all__ = attach(__name__, __file__)
