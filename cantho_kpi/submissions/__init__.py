"""Reading units' submissions: one file (.xlsx or .csv) -> :class:`Submission` with every
problem collected; finding the files of a folder; reading many in worker processes."""

from .batch import default_jobs, read_all
from .dates import (
    RECEIVED_LOG,
    LogEntry,
    ReceivedLog,
    log_folder,
    parse_day,
    received_logs,
    today_in_vietnam,
)
from .identity import MISSING_PERIOD, file_name_parts
from .model import DateSource, Submission, SubmittedValue, ValueState
from .read import Engine, discover, read_submission
from .scan import EXPORT_MARK, SCANNED_SUFFIXES, Scan, Skipped, is_export, scan

__all__ = [
    "EXPORT_MARK",
    "MISSING_PERIOD",
    "RECEIVED_LOG",
    "SCANNED_SUFFIXES",
    "DateSource",
    "Engine",
    "LogEntry",
    "ReceivedLog",
    "Scan",
    "Skipped",
    "Submission",
    "SubmittedValue",
    "ValueState",
    "default_jobs",
    "discover",
    "file_name_parts",
    "is_export",
    "log_folder",
    "parse_day",
    "read_all",
    "read_submission",
    "received_logs",
    "scan",
    "today_in_vietnam",
]
