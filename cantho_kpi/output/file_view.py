"""One file's results as text, the same in the terminal table and in Markdown: its title, a row
per indicator (code, name, the target that applies to the unit, value, status, note), what to
say when it gave no results, its unit's headline; and the units that have not reported."""

from __future__ import annotations

from ..domain import Lang
from ..presentation import LABEL, SYMBOL, WORDS, applied_text, headline_text
from ..report import Report, Result, is_superseded
from ..submissions import Submission
from ..targets import TargetsFile, indicator_label
from .data import number_text, short_file


def file_title(sub: Submission) -> str:
    parts = (sub.unit_code, sub.unit_name, sub.period, short_file(sub.file))
    return " · ".join(part for part in parts if part)


def status_label(result: Result, lang: Lang) -> str:
    """``✗ không đạt (thấp)``: the symbol, the status, and the side of a band it misses on."""
    label = LABEL[lang][result.status]
    if result.side is not None:
        label += f" ({LABEL[lang][result.side]})"
    return f"{SYMBOL[result.status]} {label}"


def file_results(report: Report, sub: Submission) -> list[Result]:
    return [r for r in report.results if r.file == sub.file]


def result_cells(result: Result, targets: TargetsFile, lang: Lang) -> list[str]:
    """Code, name, the target applied, value, status, note."""
    indicator = targets.indicator(result.code)
    assert indicator is not None
    return [
        result.code,
        indicator_label(indicator, lang),
        applied_text(result.target, indicator, lang, result.reference),
        number_text(result.value, lang),
        status_label(result, lang),
        result.note or "",
    ]


def no_results_text(sub: Submission, lang: Lang) -> str:
    """Why a file gave no results: a later file replaced it, or it could not be read."""
    return WORDS[lang]["superseded" if is_superseded(sub) else "unreadable"]


def missing_text(report: Report) -> str:
    """The units that have not reported, each with its round: ``BTCTU (Ban ...) 2024-H1``."""
    return ", ".join(
        f"{m.unit_code} ({m.unit}) {m.round or m.period}" for m in report.missing_units
    )


def file_headline(report: Report, sub: Submission, lang: Lang) -> str | None:
    """The unit's headline for the file's round, when any target applies to it."""
    name = report.file_rounds.get(sub.file)
    found = report.headline(name, sub.unit_code) if name and sub.unit_code else None
    if found is None or not found.total:
        return None
    return headline_text(found, lang, city=sub.unit_code == report.city_code)
