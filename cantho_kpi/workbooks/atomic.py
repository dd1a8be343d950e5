"""Writing files: atomically, and byte for byte the same for the same inputs.

A workbook is written to a temporary file in the output's folder and renamed over the output
only once complete, so an interrupted run never leaves a half-written file. Zip entry times
and document dates are fixed, so that CI can compare two exports. :func:`write_new_file` does
the same for the text files of a working folder, and never replaces a file.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import KpiError

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


def check_output(output: Path, force: bool) -> None:
    """Refuse to overwrite without --force, or to write into a missing folder."""
    if output.is_dir():
        raise KpiError(f"{output}: is a folder; give a file name ending in .xlsx", code="usage")
    if output.exists() and not force:
        raise KpiError(f"{output}: already exists; add --force to replace it", code="output-exists")
    if not output.parent.is_dir():
        raise KpiError(f"{output.parent}: no such folder", code="usage")


def save_atomically(
    workbook: Workbook, output: Path, *, force: bool, when: datetime = FIXED_TIME
) -> None:
    """Write ``workbook`` to ``output`` through a temporary file and a rename."""
    from openpyxl.writer.excel import ExcelWriter

    check_output(output, force)
    handle, temporary = tempfile.mkstemp(
        dir=output.parent, prefix=f".{output.name}.", suffix=".part"
    )
    os.close(handle)
    try:
        workbook.properties.created = when
        workbook.properties.modified = when
        with _FixedTimeZip(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(workbook, archive).save()
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_new_file(data: bytes, output: Path) -> None:
    """Write ``data`` to ``output``, which must not exist, through a temporary file in its
    folder: a hard link makes it appear whole, and fails if a file of that name appeared in the
    meantime (where links are not supported, a check and a rename). Raises :class:`KpiError`
    (``output-exists``) rather than replace a file."""
    if output.exists() or output.is_symlink():
        raise KpiError(f"{output}: already exists; it is kept", code="output-exists")
    handle, temporary = tempfile.mkstemp(
        dir=output.parent, prefix=f".{output.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        _publish(Path(temporary), output)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _publish(temporary: Path, output: Path) -> None:
    try:
        os.link(temporary, output)
    except FileExistsError:
        raise KpiError(f"{output}: already exists; it is kept", code="output-exists") from None
    except OSError:  # no hard links on this file system (FAT, some network shares)
        if output.exists():
            raise KpiError(f"{output}: already exists; it is kept", code="output-exists") from None
        os.replace(temporary, output)
