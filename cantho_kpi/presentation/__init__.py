"""How results look to people, shared by ``output`` and ``workbooks`` (a layer of its own,
below them and above ``report``): the words of statuses, kinds, methods and tables (from the
message catalog, :mod:`cantho_kpi.catalog`), the symbol and colour of each status, and the
texts that put a target, a headline or a deadline into words. ``domain`` keeps the values and
rules; nothing here decides anything."""

from .marks import PROGRESS_ORDER, PROGRESS_STYLE, PROGRESS_SYMBOL, STYLE, SYMBOL, TIMELINESS_STYLE
from .texts import applied_text, headline_text, timeliness_text, unit_target_text
from .words import (
    CR_LABEL,
    CR_LEGEND,
    KIND_LABEL,
    LABEL,
    METHOD_LABEL,
    METHODS_LEGEND,
    NO_TARGET,
    PROGRESS_LABEL,
    ROLLUP_LEGEND,
    ROLLUP_MARK,
    TIMELINESS_LABEL,
    WORDS,
    OneWord,
    WordList,
    Words,
    by_lang,
    by_lang_list,
    by_lang_one,
)

__all__ = [
    "CR_LABEL",
    "CR_LEGEND",
    "KIND_LABEL",
    "LABEL",
    "METHODS_LEGEND",
    "METHOD_LABEL",
    "NO_TARGET",
    "PROGRESS_LABEL",
    "PROGRESS_ORDER",
    "PROGRESS_STYLE",
    "PROGRESS_SYMBOL",
    "ROLLUP_LEGEND",
    "ROLLUP_MARK",
    "STYLE",
    "SYMBOL",
    "TIMELINESS_LABEL",
    "TIMELINESS_STYLE",
    "WORDS",
    "OneWord",
    "WordList",
    "Words",
    "applied_text",
    "by_lang",
    "by_lang_list",
    "by_lang_one",
    "headline_text",
    "timeliness_text",
    "unit_target_text",
]
