"""Reading units' submissions: one file (.xlsx or .csv) -> :class:`Submission` with every
problem collected; finding the files of a folder; reading many in worker processes.

Names are loaded on first use (as in ``output``), so that a command imports only the modules it
uses: ``kpi check`` starts without the progress, ranking or schema code it does not run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# names that are also the names of their modules are bound now: once a module is imported, the
# package's attribute of that name is the module, and would be found before the function
from .scan import scan

if TYPE_CHECKING:
    from .batch import default_jobs, read_all
    from .dates import RECEIVED_LOG, DateSource, parse_day
    from .identity import file_name_parts
    from .model import Submission, SubmittedValue, ValueState
    from .read import Engine, discover, read_submission
    from .scan import EXPORT_MARK, SCANNED_SUFFIXES, Scan, Skipped, is_export, scan

_WHERE = {
    "default_jobs": "batch",
    "read_all": "batch",
    "RECEIVED_LOG": "dates",
    "DateSource": "dates",
    "parse_day": "dates",
    "file_name_parts": "identity",
    "Submission": "model",
    "SubmittedValue": "model",
    "ValueState": "model",
    "Engine": "read",
    "discover": "read",
    "read_submission": "read",
    "EXPORT_MARK": "scan",
    "SCANNED_SUFFIXES": "scan",
    "Scan": "scan",
    "Skipped": "scan",
    "is_export": "scan",
}
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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next time, found at once
    return value
