"""Pure values and rules, no I/O: periods and rounds, numbers (text <-> Decimal), statuses and
their labels. Everything else builds on these; they import nothing of ours but ``errors``."""

from .labels import KIND_LABEL, LABEL, STYLE, SYMBOL, WORDS, plural
from .numbers import (
    NO_VALUE_TEXTS,
    Lang,
    Reading,
    clean_text,
    format_number,
    from_binary,
    json_number,
    plain,
    read_number,
)
from .periods import PERIOD_PATTERN, Period, parse_period
from .status import ORDER, Side, Status, Target, TargetKind, badness, status_of

__all__ = [
    "KIND_LABEL",
    "LABEL",
    "NO_VALUE_TEXTS",
    "ORDER",
    "PERIOD_PATTERN",
    "STYLE",
    "SYMBOL",
    "WORDS",
    "Lang",
    "Period",
    "Reading",
    "Side",
    "Status",
    "Target",
    "TargetKind",
    "badness",
    "clean_text",
    "format_number",
    "from_binary",
    "json_number",
    "parse_period",
    "plain",
    "plural",
    "read_number",
    "status_of",
]
