"""What the page shows of the targets and their figures, as plain data for its template: a
status as a badge, a fact, a table (with a header cell per row), a figure's block, a target's
block; and what every block is built with."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain import Lang
from ...presentation import PROGRESS_LABEL, PROGRESS_SYMBOL
from ...report import ProgressStatus
from ...targets import Indicator, TargetsFile, unit_label
from .shapes import Chart


@dataclass(frozen=True, slots=True)
class Badge:
    """A status as the page shows it: a class for its colour, a symbol, words."""

    css: str
    symbol: str
    label: str


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    head: str  # the row's header cell
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DataTable:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class FigureBlock:
    code: str
    name: str
    plan_text: str
    badge: Badge | None
    reason: str
    facts: tuple[Fact, ...]
    chart: Chart | None
    table: DataTable | None
    empty: str  # said instead when no verdict applies


@dataclass(frozen=True, slots=True)
class TargetBlock:
    number: int
    anchor: str
    title: str
    heading: str
    badge: Badge | None
    figures: tuple[FigureBlock, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """What every figure's block is built with."""

    targets: TargetsFile
    unit: str  # the unit the page is about
    unit_name: str
    first_year: int  # the term's base year (the year before its first)
    last_year: int
    lang: Lang
    #: The unit's note on each figure, by (file, indicator code), from the check report.
    notes: dict[tuple[str, str], str]


def progress_badge(status: ProgressStatus, lang: Lang) -> Badge:
    return Badge(f"p-{status.value}", PROGRESS_SYMBOL[status], PROGRESS_LABEL[lang][status])


def unit_text(indicator: Indicator, lang: Lang) -> str:
    """The unit of measure as the page writes it beside a number: ``%``, ``triệu đồng``."""
    return "%" if indicator.unit == "%" else unit_label(indicator.unit, lang)
