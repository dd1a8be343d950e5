"""(targets, submissions) -> results: the evaluation, the report and its summaries, progress,
the drive's calendar, ranking and review.

The names are listed once, in ``__init__.pyi``, and loaded on first use (:mod:`cantho_kpi.faces`),
so that a command imports only the modules it uses.
"""

from __future__ import annotations

from ..faces import attach

# a name that is also the name of its module is bound now (see cantho_kpi.faces)
from .assess import assess as assess
from .evaluate import evaluate as evaluate

__getattr__, __dir__, __all__ = attach(__name__, __file__)
