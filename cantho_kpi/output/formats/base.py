"""What every output format is: one class with one method, ``write(view, out)``, that writes
one kind of result (its *view*: the report and what the command adds, such as the language)
to a stream: text, or bytes for a binary document (``binary``)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import IO, TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

V = TypeVar("V")


class Format(ABC, Generic[V]):
    """An output format of one kind of result."""

    #: What ``--help`` says of it.
    help: ClassVar[str] = ""
    #: The file suffix it writes with ``-o`` (``.csv``), or ``None`` for the terminal only.
    suffix: ClassVar[str | None] = None
    #: Whether it writes bytes (a Word document) rather than text.
    binary: ClassVar[bool] = False

    @abstractmethod
    def write(self, view: V, out: IO[Any]) -> None:
        """Write ``view`` to ``out``."""


def console_on(out: IO[str]) -> Console:
    """A rich console drawing on ``out`` as the terminal shows data: as it is (a name with
    [brackets] or :colons: is not markup), no colour codes unless ``out`` is a terminal."""
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False, markup=False, emoji=False)
