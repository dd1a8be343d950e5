"""Writing files: atomically, and byte for byte the same for the same inputs.

A workbook is written through :func:`cantho_kpi.files.write_atomically` (a temporary file beside
the output, renamed into place once complete and synced; never over an existing file without
``force``, never over an input), so an interrupted or failed run never leaves a half-written
file. Zip entry times and document dates are fixed, so that CI can compare two exports.
:func:`write_new_file` does the same for the text files of a working folder, and never
replaces a file.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..files import write_atomically

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

FIXED_TIME = datetime(2024, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip file whose entries all carry the same time (openpyxl would stamp 'now')."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        """openpyxl writes worksheets from temporary files; stamp them the same way."""
        with open(filename, "rb") as source:
            self.writestr(str(arcname or filename), source.read())


def save_atomically(
    workbook: Workbook,
    output: Path,
    *,
    force: bool,
    inputs: Iterable[Path] = (),
    when: datetime = FIXED_TIME,
) -> None:
    """Write ``workbook`` to ``output``, whole or not at all, never over one of ``inputs``."""
    from openpyxl.writer.excel import ExcelWriter

    def write(handle: BinaryIO) -> None:
        workbook.properties.created = when
        workbook.properties.modified = when
        archive = _FixedTimeZip(handle, "w", zipfile.ZIP_DEFLATED)
        try:
            ExcelWriter(workbook, archive).save()  # every part, then the zip's directory
        except BaseException:
            # the file is thrown away: closing the zip now would write to it, or fail over a
            # part left open and hide why the writing stopped (a full disk, a signal)
            archive.fp = None
            raise

    write_atomically(output, write, force=force, inputs=inputs)


def write_new_file(data: bytes, output: Path) -> None:
    """Write ``data`` to ``output``, which must not exist, whole or not at all (as every
    output: :func:`cantho_kpi.files.write_atomically`, never over an existing file, even one
    that appeared meanwhile). Raises :class:`KpiError` (``output-exists``) rather than replace
    a file."""
    write_atomically(output, lambda handle: handle.write(data), force=False)
