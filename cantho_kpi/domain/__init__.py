"""Pure values and rules, no I/O: periods and rounds, numbers (text <-> Decimal), statuses.
Everything else builds on these; they import nothing of ours but ``errors`` and ``catalog``.
How statuses look to people (words, symbols, colours) is in :mod:`cantho_kpi.presentation`."""

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
from .rounds import Round, RoundsMode, parse_round, round_label, round_of
from .status import ORDER, Side, Status, Target, TargetKind, badness, status_of

__all__ = [
    "NO_VALUE_TEXTS",
    "ORDER",
    "PERIOD_PATTERN",
    "Lang",
    "Period",
    "Reading",
    "Round",
    "RoundsMode",
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
    "parse_round",
    "plain",
    "read_number",
    "round_label",
    "round_of",
    "status_of",
]
