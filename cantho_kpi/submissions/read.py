"""Unit submissions: a workbook or CSV file -> :class:`Submission` with every problem collected.

Nothing here raises for a problem in the user's file: a file that cannot be read at all gives
a Submission with one error issue and no values, so one bad file never stops the others. Even
a bug of ours while reading one file becomes an ``internal-error`` issue on that file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from ..catalog import Said, both
from ..domain import parse_period
from ..errors import Collector, Issue, KpiError, Location
from ..targets import TargetsFile
from .csvfile import encoding_issue, read_csv_cells
from .dates import file_day, written_date
from .identity import Identity, file_name_parts
from .layout import HEADER_SEARCH_ROWS, Layout, find_header, find_meta
from .model import DateSource, Submission, SubmittedValue, ValueState
from .scan import SCANNED_SUFFIXES, scan
from .values import ValueReader
from .xlsx import (
    Book,
    LeanBook,
    Malformed,
    OpenpyxlBook,
    RawCell,
    SheetInfo,
    TooLarge,
    Unusual,
    Vetted,
    broken_part_error,
    malformed_error,
    too_large_error,
    vet_xlsx,
)

Locate = Callable[[RawCell], Location]
Engine = Literal["auto", "lean", "openpyxl"]


def read_submission(
    path: Path, targets: TargetsFile, display: str | None = None, engine: Engine = "auto"
) -> Submission:
    """Read one submission file; every problem becomes an issue of the result.

    ``engine`` picks the workbook reader: ``auto`` (the lean reader, falling back to openpyxl
    for anything unusual), or one of them alone (``lean`` raises Unusual; tests compare them).
    """
    shown = display if display is not None else str(path)
    try:
        _refuse_other_suffix(path, shown)
        if path.suffix.lower() == ".csv":
            read = read_csv_cells(path, shown)
            said = encoding_issue(shown, read.encoding)
            issues = [said] if said else []
            return _interpret(shown, path, None, read.cells, _csv_locator(shown), targets, issues)
        return _read_workbook(path, shown, targets, engine)
    except KpiError as exc:
        # the location names the file: the message need not say it again
        message = exc.message.removeprefix(f"{shown}: ")
        vi = exc.message_vi.removeprefix(f"{shown}: ") if exc.message_vi else None
        collector = Collector(shown, [Issue(exc.code, message, Location(shown), message_vi=vi)])
        return _unidentified(shown, targets, collector.issues).model_copy(
            update={"file_time": file_day(path)}
        )
    except Unusual:
        raise  # engine="lean" only: the caller asked to see it
    except Exception as exc:  # a bug of ours: this file fails, the run goes on
        return _unidentified(shown, targets, [internal_error(shown, exc)])


def _refuse_other_suffix(path: Path, shown: str) -> None:
    """A file named on the command line that is neither a workbook nor a CSV file by its name
    (a ``.txt``, a ``.pdf``): said as such, not as a workbook that looks odd."""
    suffix = path.suffix.lower()
    if suffix in SCANNED_SUFFIXES:
        return
    said = Said.same(suffix) if suffix else both("no suffix")
    raise KpiError.about(
        shown,
        "not-a-submission",
        both(
            "not a submission ({said}): kpi reads workbooks (.xlsx) and CSV "
            "files (.csv); save the report as one of them",
            said=said,
        ),
    )


def _unidentified(shown: str, targets: TargetsFile, issues: list[Issue]) -> Submission:
    """A file whose sheet could not be read: its unit and period as its name says, so that an
    unreadable ``CR_2024-Q2.xls`` is shown as CR's broken file (the completeness check counts
    it as CR's too), not as unit "?"."""
    code, period_text = file_name_parts(shown, targets.reporting_units)
    unit = targets.unit(code) if code else None
    period = parse_period(period_text) if period_text else None
    return Submission(
        file=shown,
        unit_code=unit.code if unit else None,
        unit_name=unit.name if unit else None,
        period=str(period) if period else None,
        issues=issues,
    )


def internal_error(shown: str, exc: BaseException) -> Issue:
    """The issue for a failure that is nobody's fault but ours."""
    what = f"{type(exc).__name__}: {exc}"[:300]
    return Issue.said(
        "internal-error",
        both(
            "kpi failed while reading this file ({what}); this is a bug in "
            "kpi, not in the file: please report it with the file attached. "
            "The other files were read",
            what=what,
        ),
        Location(shown),
    )


def _read_workbook(path: Path, shown: str, targets: TargetsFile, engine: Engine) -> Submission:
    vetted = vet_xlsx(path, shown)
    if engine == "openpyxl":
        return _read_with_openpyxl(vetted, path, shown, targets)
    try:
        with LeanBook(vetted) as lean:
            return _read_book(lean, path, shown, targets)
    except Malformed as exc:
        if exc.part:
            raise broken_part_error(shown, exc.part, exc.detail) from None
        raise malformed_error(shown) from None
    except TooLarge as exc:
        raise too_large_error(shown, exc.part, exc.detail) from None
    except Unusual:
        if engine == "lean":
            raise
        return _read_with_openpyxl(vetted, path, shown, targets)


def _read_with_openpyxl(vetted: Vetted, path: Path, shown: str, targets: TargetsFile) -> Submission:
    with OpenpyxlBook(vetted, shown) as book:
        return _read_book(book, path, shown, targets)


def _read_book(book: Book, path: Path, shown: str, targets: TargetsFile) -> Submission:
    collector = Collector(shown)
    sheet, cells = _choose_sheet(book, collector)
    if sheet is None:
        return _unidentified(shown, targets, collector.issues)
    return _interpret(
        shown, path, sheet.name, cells, _sheet_locator(shown, sheet.name), targets, collector.issues
    )


def _choose_sheet(book: Book, collector: Collector) -> tuple[SheetInfo | None, list[RawCell]]:
    """The one visible sheet with a header; hidden look-alikes are noted, never read."""
    sheets = book.sheets
    if not sheets:
        collector.add("no-sheets", both("the workbook has no sheets"))
        return None, []
    qualifying: list[tuple[SheetInfo, list[RawCell]]] = []
    for sheet in sheets:
        # a visible sheet is read whole, once; a hidden one only as far as a header could be
        cells = book.cells(sheet, max_row=None if sheet.visible else HEADER_SEARCH_ROWS)
        if find_header(cells) is None:
            continue
        if sheet.visible:
            qualifying.append((sheet, cells))
        else:
            collector.add(
                "hidden-sheet-ignored",
                both(
                    "sheet {name} is hidden and looks like a data sheet; it was not "
                    "read (unhide it and remove the other one if it is the right one)",
                    name=repr(sheet.name),
                ),
                Location(collector.file, sheet=sheet.name),
                warning=True,
            )
    if not qualifying:
        names = ", ".join(repr(s.name) for s in sheets if s.visible) or "none"
        collector.add(
            "no-header",
            both(
                "no visible sheet has a header row with 'Mã chỉ tiêu' and 'Giá trị "
                "thực hiện' in its first 30 rows (visible sheets: {names}); use "
                "the template from 'kpi template'",
                names=names,
            ),
        )
        return None, []
    if len(qualifying) > 1:
        names = ", ".join(repr(s.name) for s, _ in qualifying)
        collector.add(
            "several-data-sheets",
            both(
                "several visible sheets look like data sheets ({names}); keep one, "
                "or hide the others",
                names=names,
            ),
        )
        return None, []
    return qualifying[0]


def _sheet_locator(file: str, sheet: str) -> Locate:
    return lambda cell: Location(file, sheet=sheet, cell=cell.ref)


def _csv_locator(file: str) -> Locate:
    return lambda cell: Location(file, line=cell.row, col=cell.col)


def _interpret(
    shown: str,
    path: Path,
    sheet: str | None,
    cells: list[RawCell],
    locate: Locate,
    targets: TargetsFile,
    issues: list[Issue],
) -> Submission:
    collector = Collector(shown, issues)
    header = find_header(cells)
    if header is None:
        collector.add(
            "no-header",
            both(
                "no header row with a code column ('Mã chỉ tiêu' or 'code') and a "
                "value column ('Giá trị thực hiện' or 'value') in the first 30 rows"
            ),
        )
        return _unidentified(shown, targets, collector.issues).model_copy(update={"sheet": sheet})
    layout = Layout(header, find_meta(cells, header.row))
    who = Identity(path, layout, cells, locate, targets, collector).resolve()
    unit = targets.unit(who.unit_code)
    values = ValueReader(targets, locate, collector.add).read(cells, header)
    given = layout.meta.get("date")
    where = locate(given[1]) if given else None
    day = written_date(given[0] if given else None, where, collector)
    unfilled = _note_unfilled(values, collector)
    return Submission(
        file=shown,
        unit_code=who.unit_code,
        unit_name=who.unit_name or (unit.name if unit else None),
        period=who.period,
        sheet=sheet,
        values=values,
        issues=collector.issues,
        submitted_on=day,
        date_source=DateSource.SHEET if day else DateSource.UNKNOWN,
        written_on=day,
        written_at=where if day else None,
        file_time=file_day(path),
        unfilled=unfilled,
        period_missing=who.period is None,
    )


def _note_unfilled(values: list[SubmittedValue], collector: Collector) -> bool:
    """A file without a single figure (an unfilled template) is a warning, and it says so: its
    unit counts as not reported (``Submission.unfilled``)."""
    if any(v.state is not ValueState.EMPTY for v in values):
        return False
    collector.add(
        "no-values",
        both(
            "the file has no figure at all (an unfilled template?); the unit "
            "counts as not reported until a filled-in file is sent"
        ),
        warning=True,
    )
    return True


def discover(paths: list[Path], *, recursive: bool = False) -> list[Path]:
    """The submission files named by ``paths`` (see :func:`.scan.scan`, which also says what
    it skipped and why); with ``recursive``, the folders' subfolders too."""
    return scan(paths, recursive=recursive).files
