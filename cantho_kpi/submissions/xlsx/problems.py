"""What the lean reader raises: :class:`Unusual` (it steps aside for openpyxl) and
:class:`Malformed` (the file is damaged, whichever reader reads it)."""

from __future__ import annotations

from ...catalog import Said


class Unusual(Exception):
    """Something this reader does not handle; the caller reads the file with openpyxl."""


class Malformed(Exception):
    """A part is not well-formed XML, or holds an attribute that cannot be what it claims: the
    file is damaged, whichever reader reads it. ``part`` and ``detail`` say where and what."""

    def __init__(self, part: str = "", detail: Said | None = None) -> None:
        super().__init__(part, detail)
        self.part = part
        self.detail = detail


class TooLarge(Exception):
    """A part holds more than a submission may, or more work than the reader allows one file:
    refused as ``workbook-too-large``. ``part`` names it, ``detail`` says what and the limit."""

    def __init__(self, part: str, detail: Said) -> None:
        super().__init__(part, detail)
        self.part = part
        self.detail = detail
