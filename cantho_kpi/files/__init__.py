"""Files on disk, at the edge of the program: what ``kpi`` reads is a regular file, opened
without blocking and read within a cap counted on the bytes actually read; what it writes
appears whole or not at all, never over an existing file unless asked, never over an input,
never once the run was asked to stop. Imports nothing of ours but :mod:`cantho_kpi.errors`."""

from .reading import (
    FILE_TOO_LARGE,
    open_error,
    open_regular,
    present,
    read_at_most,
    read_regular,
    too_large,
)
from .stops import Terminated, asked_stop, check_stop, forget_stop, stop_now
from .writing import OUTPUT_EXISTS, check_output, write_atomically, write_error

__all__ = [
    "FILE_TOO_LARGE",
    "OUTPUT_EXISTS",
    "Terminated",
    "asked_stop",
    "check_output",
    "check_stop",
    "forget_stop",
    "open_error",
    "open_regular",
    "present",
    "read_at_most",
    "read_regular",
    "stop_now",
    "too_large",
    "write_atomically",
    "write_error",
]
