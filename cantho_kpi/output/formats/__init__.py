"""Every output format of every command, in one registry: a format is one class with one
method (:class:`.base.Format`), in a file of its own named ``{kind}_{name}.py`` (``check_json.py``:
the JSON of ``kpi check``) that defines ``FORMAT``. The commands' ``--format`` choices come
from the files, without importing them; adding a format is adding a file.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module, resources
from typing import Any

from .base import Format

#: The order choices are offered in: the one for people first, then the others.
_ORDER = ("table", "text", "markdown", "json", "csv", "github", "docx", "html")


@lru_cache(maxsize=32)
def format_names(kind: str) -> tuple[str, ...]:
    """The formats of a kind of output (``check``, ``progress`` ...), people's first."""
    prefix = f"{kind}_"
    found = [
        entry.name[len(prefix) : -len(".py")]
        for entry in resources.files(__name__).iterdir()
        if entry.name.startswith(prefix) and entry.name.endswith(".py")
    ]
    return tuple(sorted(found, key=lambda n: (_ORDER.index(n) if n in _ORDER else 99, n)))


def get_format(kind: str, name: str) -> Format[Any]:
    """The format ``name`` of ``kind`` (one of :func:`format_names`)."""
    if name not in format_names(kind):
        raise KeyError(f"{kind} has no format {name!r}")
    found: Format[Any] = import_module(f".{kind}_{name}", __name__).FORMAT
    return found


def format_for_suffix(kind: str, suffix: str) -> str | None:
    """The format of ``kind`` that writes files ending in ``suffix`` (``.csv``), if any."""
    wanted = suffix.lower()
    for name in format_names(kind):
        if get_format(kind, name).suffix == wanted:
            return name
    return None
