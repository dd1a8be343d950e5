"""The public face of ``cantho_kpi.submissions``: every name it offers, by the module that
defines it (read by type checkers, and by :mod:`cantho_kpi.faces` to load each name on
first use)."""

from .batch import default_jobs as default_jobs, read_all as read_all
from .dates import (
    RECEIVED_LOG as RECEIVED_LOG,
    LogEntry as LogEntry,
    ReceivedLog as ReceivedLog,
    log_folder as log_folder,
    parse_day as parse_day,
    received_logs as received_logs,
    today_in_vietnam as today_in_vietnam,
)
from .identity import MISSING_PERIOD as MISSING_PERIOD, file_name_parts as file_name_parts
from .model import (
    DateSource as DateSource,
    Submission as Submission,
    SubmittedValue as SubmittedValue,
    ValueState as ValueState,
)
from .read import Engine as Engine, discover as discover, read_submission as read_submission
from .scan import (
    EXPORT_MARK as EXPORT_MARK,
    SCANNED_SUFFIXES as SCANNED_SUFFIXES,
    Scan as Scan,
    Skipped as Skipped,
    is_export as is_export,
    scan as scan,
)
