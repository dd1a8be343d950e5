"""Report -> the summary workbook for an official report. Writes one file, atomically; prints
nothing.

Sheets: Tổng hợp (units x indicators, filled by status, with totals and a legend), Chi tiết (one
row per unit and indicator), Cộng dồn (the roll-ups into the city's figures, when there are
any), Vấn đề (every problem of every file), Chỉ tiêu (the targets, so the
workbook stands on its own), Biểu đồ (a native chart of statuses per unit) and, when the rounds
span several years, Tiến độ (:mod:`.progress_sheet`). The summary sheet itself is drawn by
:mod:`.summary`. Every sheet, whichever, then gets the one page setup of :mod:`.printing`. The
same report gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import Lang
from ..report import Report
from ..submissions import EXPORT_MARK
from ..targets import TargetsFile
from .atomic import save_atomically
from .chart import chart_sheet
from .drive_sheets import DriveParts, add_drive_sheets
from .printing import PrintPlan, prepare_for_print
from .progress_sheet import add_progress_sheet
from .sheets import details_sheet, problems_sheet, rollups_sheet, targets_sheet
from .style import LABELS, SHEETS
from .summary import SUMMARY_PLAN, summary_sheet, title_of

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook


def write_export(
    report: Report,
    targets: TargetsFile,
    output: Path,
    *,
    inputs: list[Path],
    lang: Lang = "vi",
    force: bool = False,
    drive: DriveParts | None = None,
) -> None:
    """Build the workbook and write it to ``output`` (never one of the ``inputs``: the
    submissions, the targets, drive and unit files)."""
    from ..files import check_output

    check_output(output, force=force, inputs=inputs)  # before the work of building it
    book = build_export(report, targets, lang, drive)
    save_atomically(book, output, force=force, inputs=inputs)


def build_export(
    report: Report, targets: TargetsFile, lang: Lang = "vi", drive: DriveParts | None = None
) -> Workbook:
    from openpyxl import Workbook

    words = LABELS[lang]
    book = Workbook()
    summary = book.active
    assert summary is not None
    names = report.rounds or [""]
    count = 0
    plans: dict[str, PrintPlan] = {}
    for index, name in enumerate(names):
        part = report.for_round(name) if len(names) > 1 else report
        sheet = summary if index == 0 else book.create_sheet(index=index)
        # one summary sheet per round, so that no count mixes two rounds
        sheet.title = SHEETS[lang][0] + (f" {name}" if len(names) > 1 else "")
        summary, count = sheet, summary_sheet(sheet, part, targets, words, lang)
        plans[sheet.title] = SUMMARY_PLAN
    details, problems, indicators, chart = (book.create_sheet(n) for n in SHEETS[lang][1:5])
    plans[details.title] = details_sheet(details, report, targets, words, lang)
    if report.rollups:
        after = book.sheetnames.index(details.title) + 1
        rollups = book.create_sheet(SHEETS[lang][5], after)
        plans[rollups.title] = rollups_sheet(rollups, report, targets, lang)
    plans[problems.title] = problems_sheet(problems, report, words, lang)
    plans[indicators.title] = targets_sheet(indicators, targets, words, lang)
    plans[chart.title] = chart_sheet(chart, summary, count, words, targets)
    plans |= add_progress_sheet(book, report, targets, lang)  # when the rounds span years
    if drive is not None:
        plans |= add_drive_sheets(book, drive, lang)
    prepare_for_print(book, plans, words.title)
    props = book.properties
    props.creator = props.lastModifiedBy = "cantho_kpi"
    props.identifier = EXPORT_MARK  # so that a folder scan skips it (kpi check, kpi export)
    props.title = title_of(report, words)
    return book
