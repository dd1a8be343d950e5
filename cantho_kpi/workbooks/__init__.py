"""Files we write, atomically and byte for byte the same for the same inputs: the summary
export, the submission template, and an analyst's working folder (``kpi init``)."""

from .atomic import save_atomically, write_new_file
from .drive_sheets import DRIVE_SHEETS, DriveParts
from .export import build_export, write_export
from .template import HEADER, HEADER_ROW, build_template, write_template
from .workfolder import (
    RECEIVED_HEADER,
    STARTER_DRIVE,
    Settings,
    WorkFolder,
    guide_text,
    make_working_folder,
    packaged_settings,
    settings_from,
)

__all__ = [
    "DRIVE_SHEETS",
    "HEADER",
    "HEADER_ROW",
    "RECEIVED_HEADER",
    "STARTER_DRIVE",
    "DriveParts",
    "Settings",
    "WorkFolder",
    "build_export",
    "build_template",
    "guide_text",
    "make_working_folder",
    "packaged_settings",
    "save_atomically",
    "settings_from",
    "write_export",
    "write_new_file",
    "write_template",
]
