"""The words of statuses, kinds of target and tables, read from the message catalog
(:mod:`cantho_kpi.catalog`) in the language asked for: ``WORDS["vi"]["unit"]`` is the
Vietnamese of the msgid ``"Unit"``. A table declares its msgids once (``N_``), and the
catalog has one entry per msgid, whichever table uses it."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import TypeVar, overload

from ..catalog import LANGS, N_, Lang, word
from ..domain import Side, Status, TargetKind
from ..report import ProgressStatus
from ..targets import ProgressMethod

K = TypeVar("K", bound=Hashable)


class Words(Mapping[K, str]):
    """One language's words of a table: each msgid looked up in the catalog when read."""

    __slots__ = ("_lang", "_msgids")

    def __init__(self, lang: Lang, msgids: Mapping[K, str]) -> None:
        self._lang = lang
        self._msgids = msgids

    def __getitem__(self, key: K) -> str:
        return word(self._lang, self._msgids[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._msgids)

    def __len__(self) -> int:
        return len(self._msgids)


def by_lang(msgids: Mapping[K, str]) -> dict[Lang, Words[K]]:
    """``msgids`` in every language of the catalog: ``table["vi"][key]``."""
    return {lang: Words(lang, msgids) for lang in LANGS}


class WordList(Sequence[str]):
    """One language's words of a row of headings: each msgid looked up when read."""

    __slots__ = ("_lang", "_msgids")

    def __init__(self, lang: Lang, msgids: Sequence[str]) -> None:
        self._lang = lang
        self._msgids = tuple(msgids)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [word(self._lang, m) for m in self._msgids[index]]
        return word(self._lang, self._msgids[index])

    def __len__(self) -> int:
        return len(self._msgids)


def by_lang_list(msgids: Sequence[str]) -> dict[Lang, WordList]:
    """A row of headings in every language of the catalog: ``HEADERS["vi"][2]``."""
    return {lang: WordList(lang, msgids) for lang in LANGS}


class OneWord(Mapping[str, str]):
    """One msgid in every language of the catalog, looked up when read: ``TITLE["vi"]``."""

    __slots__ = ("_msgid",)

    def __init__(self, msgid: str) -> None:
        self._msgid = msgid

    def __getitem__(self, lang: str) -> str:
        return word(lang, self._msgid)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


def by_lang_one(msgid: str) -> OneWord:
    """One word or sentence in every language: ``by_lang_one(N_("Progress"))["vi"]``."""
    return OneWord(msgid)


LABEL = by_lang(
    {
        Status.EXCEEDED: N_("exceeded"),
        Status.MET: N_("met"),
        Status.NEAR: N_("near"),
        Status.NOT_MET: N_("not met"),
        Status.PENDING: N_("pending"),
        Status.REPORTED: N_("reported"),
        Status.MISSING: N_("missing"),
        Status.INVALID: N_("invalid"),
        Side.BELOW: N_("below"),
        Side.ABOVE: N_("above"),
    }
)
#: How each kind of target reads, for people (the JSON keeps the kind's name); a bound that
#: is a sign is the same sign in every language.
_SIGNS = {
    TargetKind.AT_LEAST: "≥",
    TargetKind.AT_MOST: "≤",
    TargetKind.ABOVE: ">",
    TargetKind.BELOW: "<",
}
KIND_LABEL: dict[Lang, Mapping[TargetKind, str]] = {
    lang: {
        TargetKind.RANGE: word(lang, N_("range")),
        TargetKind.BAND: word(lang, N_("band")),
        **_SIGNS,
    }
    for lang in LANGS
}
PROGRESS_LABEL = by_lang(
    {
        ProgressStatus.ACHIEVED: N_("achieved"),
        ProgressStatus.ON_TRACK: N_("on track"),
        ProgressStatus.FAIR: N_("fair"),
        ProgressStatus.LIMITED: N_("limited"),
        ProgressStatus.DETERIORATION: N_("deterioration"),
        ProgressStatus.INSUFFICIENT_DATA: N_("insufficient data"),
        ProgressStatus.NOT_ACHIEVED: N_("not achieved"),
    }
)
#: How each progress method is named for people (the targets file and the JSON keep its code,
#: ``cagr``); the legend says which is which (``METHODS_LEGEND``).
METHOD_LABEL = by_lang(
    {
        ProgressMethod.CAGR: N_("compound growth"),
        ProgressMethod.LINEAR: N_("straight line"),
        ProgressMethod.AVERAGE: N_("mean of the years"),
        ProgressMethod.AVERAGE_GROWTH: N_("mean growth rate"),
        ProgressMethod.CUMULATIVE: N_("term total"),
        ProgressMethod.EVERY_YEAR: N_("each year"),
    }
)
#: The progress methods in words, each with the code the targets file gives it.
METHODS_LEGEND = N_(
    "Method: compound growth (cagr): the yearly growth rate from the start, compounded · "
    "straight line (linear): the same change each year · mean of the years (average) · mean "
    "growth rate (average_growth): the compound mean of yearly growth rates · term total "
    "(cumulative): the sum of the term's years · each year (every_year): every year judged "
    "on its own · * compound growth undefined (a value ≤ 0): straight line used",
)
#: The heading of the ratio CR (the pace observed over the pace needed), and what it is.
CR_LABEL = N_("Pace ratio (CR)")
CR_LEGEND = N_(
    "Pace ratio (CR): the yearly change observed over the change the target needs by {to} "
    "(1 or more: on track); n/m: years met of those judged",
)
#: How a roll-up compares with the city's own figure: a mark in the tables, with this legend.
ROLLUP_MARK = {True: "✓", False: "✗", None: "?"}
ROLLUP_LEGEND = N_(
    "✓ the sum agrees with the city's figure · ✗ it does not · ? nothing to compare: the city "
    "gave no figure, or the sum is incomplete · * not every unit of the level gave a figure",
)
WORDS = by_lang(
    {
        "units": N_("Reporting units"),
        "unit": N_("Unit"),
        "period": N_("Period"),
        "file": N_("File"),
        "problems": N_("Issues"),
        "indicators": N_("Indicators across units"),
        "code": N_("Code"),
        "name": N_("Name"),
        "target": N_("Target"),
        "value": N_("Value"),
        "status": N_("Status"),
        "note": N_("Note"),
        "worst": N_("Worst"),
        "best": N_("Best"),
        "missing_units": N_("Not reported"),
        "issues": N_("Problems"),
        "error": N_("error"),
        "warning": N_("warning"),
        "none": N_("none"),
        "unreadable": N_("unreadable"),
        "superseded": N_("replaced by a later file"),
        "targets_file": N_("Targets file"),
        "problems_legend": N_("Issues: errors, +warnings (1+2: 1 error and 2 warnings; - none)"),
        "round": N_("Round"),
        "headline": N_("{met} of {with_data} targets with data met or exceeded"),
        "headline_pending": N_("{pending} not yet due for assessment"),
        "headline_no_data": N_("{no_data} without data"),
        "headline_total": N_("{total} in all"),
        "headline_unit_total": N_("{total} apply to the unit"),
        "rollup_sum": N_("Sum"),
        "rollup_city": N_("City reports"),
        "rollup_units": N_("Units"),
        "rollup_agrees": N_("Agrees"),
        "own_target": N_("own"),
        # beside a unit's figure no target applies to: the city's average, for reference
        "reference": N_("— (city: {plan})"),
        "legend": N_(
            "▲ exceeded  ✓ met  ≈ near  ✗ not met  ◷ pending  ○ reported (no target "
            "applies)  · missing  ! invalid"
        ),
    }
)
#: Beside a figure no target applies to.
NO_TARGET = "—"
#: How a report or launch document stands against its deadline (see ``report.Timeliness``);
#: ``{days}`` is the number of days late: :func:`timeliness_text`.
TIMELINESS_LABEL = by_lang(
    {
        "on_time": N_("on time"),
        "not_received": N_("not received"),
        "not_due": N_("not due yet"),
        "unknown": N_("day of receipt unknown"),
    }
)
