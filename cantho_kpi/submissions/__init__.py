"""Reading units' submissions: one file (.xlsx or .csv) -> :class:`Submission` with every
problem collected; finding the files of a folder; reading many in worker processes.

The names are listed once, in ``__init__.pyi``, and loaded on first use (:mod:`cantho_kpi.faces`),
so that a command imports only the modules it uses.
"""

from __future__ import annotations

from ..faces import attach

# a name that is also the name of its module is bound now (see cantho_kpi.faces)
from .scan import scan as scan

__getattr__, __dir__, __all__ = attach(__name__, __file__)
