"""Locations, issues and exceptions. Imports nothing of ours.

An :class:`Issue` is a problem found in a user's file: it is collected, never raised.
A :class:`KpiError` is raised when nothing sensible can continue (file missing, YAML syntax
error); its message is meant for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

#: The longest message an issue carries: longer ones (a key or value of 100 kB quoted back) are
#: cut, with a marker, so that every problem stays one readable line.
MAX_MESSAGE = 500
#: Characters that would break a line of output or change how it reads: C0 and C1 controls
#: (a newline, an escape sequence), DEL, the Unicode line and paragraph separators, and the
#: bidirectional overrides that reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with its control characters escaped (``\\n``, ``\\x1b``, ``\\u2028``), so that a
    folder named with a newline cannot split a problem line, nor a name change the terminal."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: _NAMED.get(m[0]) or _escaped(ord(m[0])), text)


def _escaped(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clip(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` cut to ``limit`` characters, marked with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 60) -> str:
    """User text quoted back in a message: ``'tolerence'``, cut when long, on one line."""
    return repr(clip(one_line(text), limit))


class Bilingual(Protocol):
    """A message in English and Vietnamese (:class:`cantho_kpi.catalog.Said`, made by
    ``catalog.both``): the shape an issue's ``message`` and ``message_vi`` come from."""

    @property
    def en(self) -> str: ...

    @property
    def vi(self) -> str: ...


@dataclass(frozen=True, slots=True)
class _Both:
    """A :class:`Bilingual` made here (``errors`` imports nothing of ours, not the catalog)."""

    en: str
    vi: str


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: ``file:line:col`` in a text file or ``file!Sheet!D12`` in a workbook.

    ``line`` and ``col`` are 1-based, as editors and GitHub annotations count them.
    """

    file: str
    line: int | None = None
    col: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        """On one line always: control characters in a file or sheet name are escaped."""
        file = one_line(self.file)
        if self.sheet is not None or self.cell is not None:
            parts = [file]
            if self.sheet is not None:
                parts.append(one_line(quote_sheet(self.sheet)))
            if self.cell is not None:
                parts.append(self.cell)
            return "!".join(parts)
        if self.line is None:
            return file
        if self.col is None:
            return f"{file}:{self.line}"
        return f"{file}:{self.line}:{self.col}"


_PLAIN_SHEET = re.compile(r"[^\W\d][\w.]*")
_REF_LIKE = re.compile(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*([Cc][0-9]*)?|[Cc][0-9]*")


def quote_sheet(name: str) -> str:
    """A sheet name as Excel writes it in a reference: ``BaoCao``, but ``'a!b'``, ``'Quý 2'``,
    ``'2024'``, ``'A1'`` and ``'O''Neil'`` (quotes doubled)."""
    if _PLAIN_SHEET.fullmatch(name) and not _REF_LIKE.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in a user's data, with a stable ``code`` that scripts can filter on.

    ``message`` is English; ``message_vi``, when given, says the same in Vietnamese for the
    clerks and analysts who read submissions' problems.
    """

    code: str
    message: str
    location: Location
    severity: Severity = Severity.ERROR
    message_vi: str | None = None

    def __post_init__(self) -> None:
        if len(self.message) > MAX_MESSAGE:
            object.__setattr__(self, "message", clip(self.message))
        if self.message_vi is not None and len(self.message_vi) > MAX_MESSAGE:
            object.__setattr__(self, "message_vi", clip(self.message_vi))

    def __str__(self) -> str:
        """The problem on one line: ``place: code: message``."""
        return f"{self.location}: {self.code}: {one_line(self.message)}"

    @classmethod
    def said(
        cls,
        code: str,
        message: Bilingual,
        location: Location,
        severity: Severity = Severity.ERROR,
    ) -> Issue:
        """An issue whose message is said in both languages (``catalog.both``)."""
        return cls(code, message.en, location, severity, message.vi)

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("vi" or "en"), English when there is no translation, on one
        line (control characters escaped)."""
        return one_line(self.message_vi if lang == "vi" and self.message_vi else self.message)


@dataclass(slots=True)
class Collector:
    """The issues found in one file, collected as they are found."""

    file: str
    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        code: str,
        message: Bilingual,
        where: Location | None = None,
        warning: bool = False,
    ) -> None:
        """One problem, said in both languages (``catalog.both``)."""
        severity = Severity.WARNING if warning else Severity.ERROR
        self.issues.append(Issue.said(code, message, where or Location(self.file), severity))


class KpiError(Exception):
    """A problem the user can fix; the message names the file and says what to do."""

    def __init__(self, message: Bilingual, *, code: str = "error") -> None:
        super().__init__(message.en)
        self.message = message.en
        self.code = code
        self.message_vi: str | None = message.vi

    def text(self, lang: str) -> str:
        """The message in ``lang``, English when there is no translation."""
        return self.message_vi if lang == "vi" and self.message_vi else self.message

    @classmethod
    def about(cls, name: str, code: str, message: Bilingual) -> KpiError:
        """A problem with the file ``name``, said in English and Vietnamese
        (``catalog.both``)."""
        return cls(_Both(f"{name}: {message.en}", f"{name}: {message.vi}"), code=code)
