"""Workbooks we write, atomically and byte for byte the same for the same inputs: the summary
export and the submission template."""

from .atomic import save_atomically
from .drive_sheets import DRIVE_SHEETS, DriveParts
from .export import build_export, write_export
from .template import HEADER, HEADER_ROW, build_template, write_template

__all__ = [
    "DRIVE_SHEETS",
    "HEADER",
    "HEADER_ROW",
    "DriveParts",
    "build_export",
    "build_template",
    "save_atomically",
    "write_export",
    "write_template",
]
