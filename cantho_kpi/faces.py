"""Lazy public faces. A subpackage lists its public names once, in its ``__init__.pyi``: one
``from .module import name as name, ...`` line per module (the form that re-exports a name
from a stub), which type checkers read as the package's interface. At run time each name is
imported from its module the first time it is used, so a command imports only what it runs
(``kpi check`` starts without the progress, ranking or schema code). Imports nothing of ours.

A name that is also the name of its module (``report.assess``) must be imported by the
``__init__.py`` itself: once the module is imported, the package's attribute of that name is
the module, found before ``__getattr__`` is asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

#: ``from .module import a as a, b as b`` or ``from .module import (\n a as a,\n b as b,\n)``
_FROM = re.compile(
    r"^from \.(?P<module>[\w.]+) import (?:\((?P<block>[^()]*)\)|(?P<line>[^(\n]*)$)", re.M
)


def names_of(stub: Path) -> dict[str, str]:
    """Each public name of a stub and the module (relative to the package) that defines it."""
    where: dict[str, str] = {}
    text = stub.read_text(encoding="utf-8")
    for match in _FROM.finditer(text):
        names = match["block"] if match["block"] is not None else match["line"]
        for raw in names.replace("\n", " ").split(","):
            name = raw.split("#", 1)[0].strip().split(" as ")[-1].strip()
            if name:
                where[name] = match["module"]
    return where


def attach(
    package: str, init_file: str
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for the package whose ``__init__.py`` is
    ``init_file``, from the ``__init__.pyi`` beside it."""
    where = names_of(Path(init_file).with_suffix(".pyi"))
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", package), name)
        namespace[name] = value  # the next time, found at once
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__, sorted(where)
