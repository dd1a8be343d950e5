"""The symbol and the colour of each status, so that a table reads without colour and a
terminal shows colour where it can. Marks, not words: the words are in :mod:`.words`."""

from __future__ import annotations

from ..domain import Status
from ..report import ProgressStatus, Timeliness

#: The order a headline counts the progress statuses in, best first.
PROGRESS_ORDER = (
    ProgressStatus.ACHIEVED,
    ProgressStatus.ON_TRACK,
    ProgressStatus.FAIR,
    ProgressStatus.LIMITED,
    ProgressStatus.DETERIORATION,
    ProgressStatus.INSUFFICIENT_DATA,
    ProgressStatus.NOT_ACHIEVED,
)
SYMBOL = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NEAR: "≈",
    Status.NOT_MET: "✗",
    Status.PENDING: "◷",
    Status.REPORTED: "○",
    Status.MISSING: "·",
    Status.INVALID: "!",
}
STYLE = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.NEAR: "yellow",
    Status.NOT_MET: "red",
    Status.PENDING: "cyan",
    Status.REPORTED: "blue",
    Status.MISSING: "dim",
    Status.INVALID: "bold magenta",
}
PROGRESS_SYMBOL = {
    ProgressStatus.ACHIEVED: "✓",
    ProgressStatus.ON_TRACK: "↑",
    ProgressStatus.FAIR: "↗",
    ProgressStatus.LIMITED: "→",
    ProgressStatus.DETERIORATION: "↓",
    ProgressStatus.INSUFFICIENT_DATA: "?",
    ProgressStatus.NOT_ACHIEVED: "✗",
}
PROGRESS_STYLE = {
    ProgressStatus.ACHIEVED: "bold green",
    ProgressStatus.ON_TRACK: "green",
    ProgressStatus.FAIR: "yellow",
    ProgressStatus.LIMITED: "dark_orange",
    ProgressStatus.DETERIORATION: "red",
    ProgressStatus.INSUFFICIENT_DATA: "dim",
    ProgressStatus.NOT_ACHIEVED: "bold red",
}
#: How a report's or launch document's timeliness is coloured.
TIMELINESS_STYLE = {
    Timeliness.ON_TIME: "green",
    Timeliness.LATE: "yellow",
    Timeliness.NOT_RECEIVED: "bold red",
    Timeliness.NOT_DUE: "dim",
    Timeliness.UNKNOWN: "magenta",
}
