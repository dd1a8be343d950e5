"""Report -> the summary workbook for an official report. Writes one file, atomically; prints
nothing.

Sheets: Tổng hợp (units x indicators, filled by status, with totals and a legend), Chi tiết (one
row per unit and indicator), Cộng dồn (the roll-ups into the city's figures, when there are
any), Vấn đề (every problem of every file), Chỉ tiêu (the targets, so the workbook stands on its
own), Biểu đồ (a native chart of statuses per unit) and, when the rounds span several years,
Tiến độ (:mod:`.progress_sheet`). The summary sheet itself is drawn by
:mod:`.summary`. The same report gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import Lang
from ..errors import KpiError
from ..report import Report
from ..submissions import EXPORT_MARK
from ..targets import TargetsFile
from .atomic import save_atomically
from .chart import chart_sheet
from .drive_sheets import DriveParts, add_drive_sheets
from .progress_sheet import add_progress_sheet
from .sheets import details_sheet, problems_sheet, rollups_sheet, targets_sheet
from .style import (
    LABELS,
    SHEETS,
)
from .summary import summary_sheet, title_of

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
    """Build the workbook and write it to ``output`` (never one of the ``inputs``)."""
    _check_not_an_input(output, inputs)
    save_atomically(build_export(report, targets, lang, drive), output, force=force)


def _check_not_an_input(output: Path, inputs: list[Path]) -> None:
    target = output.resolve()
    for path in inputs:
        if path.resolve() == target:
            raise KpiError(
                f"{output}: is one of the submissions being read; choose another output file",
                code="usage",
            )


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
    for index, name in enumerate(names):
        part = report.for_round(name) if len(names) > 1 else report
        sheet = summary if index == 0 else book.create_sheet(index=index)
        # one summary sheet per round, so that no count mixes two rounds
        sheet.title = SHEETS[lang][0] + (f" {name}" if len(names) > 1 else "")
        summary, count = sheet, summary_sheet(sheet, part, targets, words, lang)
    details_sheet(book.create_sheet(SHEETS[lang][1]), report, targets, words, lang)
    if report.rollups:
        rollups_sheet(book.create_sheet(SHEETS[lang][5]), report, targets, lang)
    problems_sheet(book.create_sheet(SHEETS[lang][2]), report, words, lang)
    targets_sheet(book.create_sheet(SHEETS[lang][3]), targets, words, lang)
    chart_sheet(book.create_sheet(SHEETS[lang][4]), summary, count, words, targets)
    add_progress_sheet(book, report, targets, lang)  # when the rounds span several years
    if drive is not None:
        add_drive_sheets(book, drive, lang)
    props = book.properties
    props.creator = props.lastModifiedBy = "cantho_kpi"
    props.identifier = EXPORT_MARK  # so that a folder scan skips it (kpi check, kpi export)
    props.title = title_of(report, words)
    return book
