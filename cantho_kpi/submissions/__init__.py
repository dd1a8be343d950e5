"""Reading units' submissions: one file (.xlsx or .csv) -> :class:`Submission` with every
problem collected; finding the files of a folder; reading many in worker processes."""

from .batch import default_jobs, read_all
from .dates import RECEIVED_LOG, DateSource, parse_day
from .identity import file_name_parts
from .model import Submission, SubmittedValue, ValueState
from .read import Engine, discover, read_submission
from .scan import EXPORT_MARK, SCANNED_SUFFIXES, Scan, Skipped, is_export, scan

__all__ = [
    "EXPORT_MARK",
    "RECEIVED_LOG",
    "SCANNED_SUFFIXES",
    "DateSource",
    "Engine",
    "Scan",
    "Skipped",
    "Submission",
    "SubmittedValue",
    "ValueState",
    "default_jobs",
    "discover",
    "file_name_parts",
    "is_export",
    "parse_day",
    "read_all",
    "read_submission",
    "scan",
]
