"""Labels (Vietnamese and English), fills and cell styles of the exported workbook."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..catalog import C_, LANGS, N_, Lang, word
from ..domain import Status
from ..presentation import LABEL, SYMBOL, WordList, by_lang_list

SHEETS = by_lang_list(
    (
        N_("Summary"),
        N_("Details"),
        N_("Problems"),
        N_("Targets"),
        N_("Chart"),
        N_("Roll-ups"),
    )
)

#: The roll-ups sheet (Cộng dồn): its headers, and how it says complete and agrees.
_ROLLUP_HEADERS = (
    C_("heading", "Round"),
    N_("Roll-up"),
    C_("indicator", "Code"),
    N_("Indicator"),
    C_("heading", "Sum"),
    N_("City reports"),
    N_("Units"),
    N_("Complete"),
    N_("Agrees"),
    N_("Unit codes"),
)
_COMPLETE = (
    N_("Incomplete"),
    C_("roll-up", "Complete"),
)
_AGREES = (
    N_("✗ Disagrees"),
    N_("✓ Agrees"),
    N_("Nothing to compare"),
)
ROLLUP_WORDS: dict[Lang, dict[str, WordList]] = {
    lang: {
        "headers": WordList(lang, _ROLLUP_HEADERS),
        "complete": WordList(lang, _COMPLETE),
        "agrees": WordList(lang, _AGREES),
    }
    for lang in LANGS
}

#: Fill colours by status (Excel's own "good / neutral / bad" palette, plus grey and violet).
FILLS: dict[Status, PatternFill] = {
    status: PatternFill("solid", fgColor=colour)
    for status, colour in (
        (Status.EXCEEDED, "FF63BE7B"),
        (Status.MET, "FFC6EFCE"),
        (Status.NEAR, "FFFFEB9C"),
        (Status.NOT_MET, "FFFFC7CE"),
        (Status.PENDING, "FFDDEBF7"),
        (Status.REPORTED, "FFF2F2F2"),
        (Status.MISSING, "FFD9D9D9"),
        (Status.INVALID, "FFE4C1F9"),
    )
}
HEADER_FILL = PatternFill("solid", fgColor="FFD9E1F2")


def status_label(status: Status, lang: Lang) -> str:
    """The status as a workbook heading: "Vượt", "Not met"."""
    label = LABEL[lang][status]
    return label[:1].upper() + label[1:]


def status_mark(status: Status, lang: Lang) -> str:
    """The status with its symbol, readable without colour: "✓ Đạt", "✗ Not met"."""
    return f"{SYMBOL[status]} {status_label(status, lang)}"


@dataclass(frozen=True)
class Words:
    lang: Lang
    title: str
    subtitle: str
    unit_code: str
    unit: str
    period: str
    units_with: str
    legend: str
    legend_note: str
    chart_title: str
    chart_axis: str
    no_problems: str
    details_headers: list[str]
    problem_headers: list[str]
    target_headers: list[str]
    severities: dict[str, str]
    sides: dict[str, str] = field(default_factory=dict)


_DETAILS_HEADERS = (
    N_("Unit"),
    N_("Unit code"),
    N_("Period"),
    C_("indicator", "Code"),
    N_("Name"),
    N_("Target"),
    N_("Value"),
    N_("Unit of measure"),
    N_("Status"),
    N_("Side"),
    N_("Note"),
    N_("Source file"),
    N_("Cell"),
)
_PROBLEM_HEADERS = (
    N_("File"),
    N_("Location"),
    C_("problems", "Code"),
    N_("Severity"),
    N_("Message"),
)
_TARGET_HEADERS = (
    C_("targets", "Code"),
    N_("No."),
    N_("Name (vi)"),
    N_("Name (en)"),
    N_("Plan's wording"),
    N_("Unit of measure"),
    N_("Kind"),
    N_("Target"),
    N_("Min"),
    N_("Max"),
    N_("Tolerance"),
    N_("Plausible"),
    N_("Part of"),
)


def _words(lang: Lang) -> Words:
    """The workbook's words in ``lang``, from the catalog."""
    return Words(
        lang=lang,
        title=word(lang, N_("SUMMARY OF THE EMULATION TARGETS")),
        subtitle=word(
            lang,
            N_(
                "Plan 33/KH-UBND of 21/02/2024, Cần Thơ City People's Committee · {files}, "
                "{invalid} with errors, {missing} not reported",
            ),
        ),
        unit_code=word(lang, N_("Unit code")),
        unit=word(lang, N_("Unit")),
        period=word(lang, N_("Period")),
        units_with=word(lang, N_("Units:")),
        legend=word(lang, N_("Legend")),
        legend_note=word(
            lang,
            N_(
                "Rates are in percentage points (7.5 is 7.5 %). Each cell carries its status's "
                "symbol, readable in black and white; · not reported, ! invalid (see the "
                "Problems sheet).",
            ),
        ),
        chart_title=word(lang, N_("Results by unit (number of indicators)")),
        chart_axis=word(lang, N_("Indicators")),
        no_problems=word(lang, N_("No problems.")),
        details_headers=list(WordList(lang, _DETAILS_HEADERS)),
        problem_headers=list(WordList(lang, _PROBLEM_HEADERS)),
        target_headers=list(WordList(lang, _TARGET_HEADERS)),
        severities={
            "error": word(lang, C_("severity", "Error")),
            "warning": word(lang, C_("severity", "Warning")),
        },
        sides={
            "below": word(lang, C_("side", "Below")),
            "above": word(lang, C_("side", "Above")),
        },
    )


LABELS: dict[Lang, Words] = {lang: _words(lang) for lang in LANGS}


def bold() -> Font:
    return Font(bold=True)


def center() -> Alignment:
    return Alignment(horizontal="center", vertical="center", wrap_text=True)


def wrap() -> Alignment:
    return Alignment(wrap_text=True, vertical="top")


_THIN = Side(style="thin", color="FFA6A6A6")


def border() -> Border:
    return Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
