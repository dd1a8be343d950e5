"""Reading .xlsx submissions safely: vetting (zip and XML guards, in one place, before any
parser), the lean reader, the openpyxl fallback, and the raw cells both produce."""

from .cells import (
    BUILTIN_FORMATS,
    Book,
    CellKind,
    RawCell,
    SheetInfo,
    column_letter,
    decode_escapes,
    is_date_format,
    is_percent_format,
    split_ref,
)
from .fallback import OpenpyxlBook
from .lean import LeanBook, Malformed, Unusual
from .problems import TooLarge
from .vet import Vetted, is_lock_file, sniff, vet_xlsx
from .xmlguard import broken_part_error, malformed_error, too_large_error

__all__ = [
    "BUILTIN_FORMATS",
    "Book",
    "CellKind",
    "LeanBook",
    "Malformed",
    "OpenpyxlBook",
    "RawCell",
    "SheetInfo",
    "TooLarge",
    "Unusual",
    "Vetted",
    "broken_part_error",
    "column_letter",
    "decode_escapes",
    "is_date_format",
    "is_lock_file",
    "is_percent_format",
    "malformed_error",
    "sniff",
    "split_ref",
    "too_large_error",
    "vet_xlsx",
]
