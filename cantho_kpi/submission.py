"""Unit submissions: a workbook or CSV file -> :class:`Submission` with every problem collected.

Nothing here raises for a problem in the user's file: a file that cannot be read at all gives
a Submission with one error issue and no values, so one bad file never stops the others.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .cells import Book, RawCell, SheetInfo
from .errors import Issue, KpiError, Location, Severity
from .layout import HEADER_SEARCH_ROWS, Layout, find_header, find_meta, fold
from .models import Indicator, ReportingUnit, Submission, TargetsFile
from .periods import parse_period
from .values import ValueReader

SUBMISSION_SUFFIXES = (".xlsx", ".xlsm", ".csv")
_FILE_NAME = re.compile(r"^(?P<unit>[A-Za-z][A-Za-z0-9]{1,9})[_ -]+(?P<period>.+)$")

Locate = Callable[[RawCell], Location]
Engine = Literal["auto", "lean", "openpyxl"]


@dataclass(slots=True)
class _Collector:
    file: str
    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        code: str,
        message: str,
        where: Location | None = None,
        warning: bool = False,
        vi: str | None = None,
    ) -> None:
        severity = Severity.WARNING if warning else Severity.ERROR
        self.issues.append(Issue(code, message, where or Location(self.file), severity, vi))


def read_submission(
    path: Path, targets: TargetsFile, display: str | None = None, engine: Engine = "auto"
) -> Submission:
    """Read one submission file; every problem becomes an issue of the result.

    ``engine`` picks the workbook reader: ``auto`` (the lean reader, falling back to openpyxl
    for anything unusual), or one of them alone (``lean`` raises Unusual; tests compare them).
    """
    shown = display if display is not None else str(path)
    try:
        if path.suffix.lower() == ".csv":
            from .csvread import read_csv_cells

            cells = read_csv_cells(path, shown)
            return _interpret(shown, path, None, cells, _csv_locator(shown), targets, [])
        return _read_workbook(path, shown, targets, engine)
    except KpiError as exc:
        # the location names the file: the message need not say it again
        message = exc.message.removeprefix(f"{shown}: ")
        vi = exc.message_vi.removeprefix(f"{shown}: ") if exc.message_vi else None
        issue = Issue(exc.code, message, Location(shown), message_vi=vi)
        return Submission(file=shown, issues=[issue])


def _read_workbook(path: Path, shown: str, targets: TargetsFile, engine: Engine) -> Submission:
    from .xlsxread import LeanBook, Malformed, Unusual
    from .xlsxsafe import malformed_error, vet_xlsx

    vetted = vet_xlsx(path, shown)
    if engine == "openpyxl":
        return _read_with_openpyxl(path, shown, targets)
    try:
        with LeanBook(path, vetted) as lean:
            return _read_book(lean, path, shown, targets)
    except Malformed:
        raise malformed_error(shown) from None
    except Unusual:
        if engine == "lean":
            raise
        return _read_with_openpyxl(path, shown, targets)


def _read_with_openpyxl(path: Path, shown: str, targets: TargetsFile) -> Submission:
    from .xlsxopenpyxl import OpenpyxlBook

    with OpenpyxlBook(path, shown) as book:
        return _read_book(book, path, shown, targets)


def _read_book(book: Book, path: Path, shown: str, targets: TargetsFile) -> Submission:
    collector = _Collector(shown)
    sheet, cells = _choose_sheet(book, collector)
    if sheet is None:
        return Submission(file=shown, issues=collector.issues)
    return _interpret(
        shown, path, sheet.name, cells, _sheet_locator(shown, sheet.name), targets, collector.issues
    )


def _choose_sheet(book: Book, collector: _Collector) -> tuple[SheetInfo | None, list[RawCell]]:
    """The one visible sheet with a header; hidden look-alikes are noted, never read."""
    sheets = book.sheets
    if not sheets:
        collector.add("no-sheets", "the workbook has no sheets", vi="sổ tính không có trang nào")
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
                f"sheet {sheet.name!r} is hidden and looks like a data sheet; it was not read "
                "(unhide it and remove the other one if it is the right one)",
                Location(collector.file, sheet=sheet.name),
                warning=True,
                vi=f"trang {sheet.name!r} đang bị ẩn và có dạng bảng số liệu; trang này không "
                "được đọc (nếu đây mới là trang đúng, hãy bỏ ẩn và xóa trang còn lại)",
            )
    if not qualifying:
        names = ", ".join(repr(s.name) for s in sheets if s.visible) or "none"
        collector.add(
            "no-header",
            "no visible sheet has a header row with 'Mã chỉ tiêu' and 'Giá trị thực hiện' in "
            f"its first 30 rows (visible sheets: {names}); use the template from 'kpi template'",
            vi="không trang nào đang hiện có dòng tiêu đề với 'Mã chỉ tiêu' và 'Giá trị thực "
            f"hiện' trong 30 dòng đầu (các trang đang hiện: {names}); hãy dùng biểu mẫu tạo "
            "bởi 'kpi template'",
        )
        return None, []
    if len(qualifying) > 1:
        names = ", ".join(repr(s.name) for s, _ in qualifying)
        collector.add(
            "several-data-sheets",
            f"several visible sheets look like data sheets ({names}); keep one, or hide the others",
            vi=f"có nhiều trang đang hiện trông giống bảng số liệu ({names}); chỉ giữ một "
            "trang, hoặc ẩn các trang còn lại",
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
    collector = _Collector(shown, issues)
    header = find_header(cells)
    if header is None:
        collector.add(
            "no-header",
            "no header row with a code column ('Mã chỉ tiêu' or 'code') and a value column "
            "('Giá trị thực hiện' or 'value') in the first 30 rows",
            vi="không tìm thấy dòng tiêu đề có cột mã ('Mã chỉ tiêu' hoặc 'code') và cột giá "
            "trị ('Giá trị thực hiện' hoặc 'value') trong 30 dòng đầu",
        )
        return Submission(file=shown, sheet=sheet, issues=collector.issues)
    layout = Layout(header, find_meta(cells, header.row))
    who = _Identity(path, layout, cells, locate, targets, collector).resolve()
    unit = next((u for u in targets.reporting_units if u.code == who.unit_code), None)
    values = ValueReader(targets, locate, collector.add).read(cells, header)
    return Submission(
        file=shown,
        unit_code=who.unit_code,
        unit_name=who.unit_name or (unit.name if unit else None),
        period=who.period,
        sheet=sheet,
        values=values,
        issues=collector.issues,
    )


@dataclass(slots=True)
class _Who:
    unit_code: str | None = None
    unit_name: str | None = None
    period: str | None = None


class _Identity:
    """Who sent the file and for which period: from the sheet, else from the file name."""

    def __init__(
        self,
        path: Path,
        layout: Layout,
        cells: list[RawCell],
        locate: Locate,
        targets: TargetsFile,
        collector: _Collector,
    ) -> None:
        self.layout, self.cells, self.locate = layout, cells, locate
        self.units = targets.reporting_units
        self.collector = collector
        match = _FILE_NAME.match(unicodedata.normalize("NFC", path.stem))
        self.file_unit: str | None = None
        self.file_period: str | None = None
        if match is not None:
            # Only a name that follows the convention counts: UNIT_PERIOD, with a real period
            # or a known unit ("bao cao.xlsx" is neither).
            known = any(u.code == match["unit"].upper() for u in self.units)
            if known or parse_period(match["period"]) is not None:
                self.file_unit, self.file_period = match["unit"].upper(), match["period"]

    def resolve(self) -> _Who:
        who = _Who()
        meta = self.layout.meta
        name = meta.get("unit_name")
        who.unit_name = name[0] if name else None
        who.unit_code = self._unit_code()
        who.period = self._period()
        return who

    def _column_value(self, col: int | None) -> tuple[str, RawCell] | None:
        if col is None:
            return None
        for cell in self.cells:
            if cell.row > self.layout.header.row and cell.col == col and cell.value:
                return str(cell.value).strip(), cell
        return None

    def _unit_code(self) -> str | None:
        given = self.layout.meta.get("unit_code") or self._column_value(self.layout.header.unit_col)
        code = given[0].strip().upper() if given else None
        if code is None and "unit_name" in self.layout.meta:
            code = _unit_by_name(self.layout.meta["unit_name"][0], self.units)
        if code is None and self.file_unit is not None:
            code = self.file_unit
            self.collector.add(
                "unit-from-file-name",
                f"the sheet does not say which unit sent it; unit {code} is taken from the "
                "file name",
                warning=True,
                vi=f"bảng không ghi đơn vị gửi báo cáo; đơn vị {code} được lấy theo tên tệp",
            )
        if code is None:
            self.collector.add(
                "missing-unit",
                "the sheet does not say which unit sent it: fill in 'Mã đơn vị' above the "
                "table, or name the file like NK_2024-Q2.xlsx",
                vi="bảng không ghi đơn vị gửi báo cáo: hãy điền 'Mã đơn vị' phía trên bảng, "
                "hoặc đặt tên tệp dạng NK_2024-Q2.xlsx",
            )
            return None
        self._check_known(code, given)
        return code

    def _check_known(self, code: str, given: tuple[str, RawCell] | None) -> None:
        where = self.locate(given[1]) if given else None
        if self.units and not any(u.code == code for u in self.units):
            self.collector.add(
                "unknown-unit",
                f"unit code {code!r} is not in the list of reporting units; the file is read "
                "anyway",
                where,
                warning=True,
                vi=f"mã đơn vị {code!r} không có trong danh sách đơn vị báo cáo; tệp vẫn được đọc",
            )
        if self.file_unit is not None and given is not None and self.file_unit != code:
            self.collector.add(
                "file-name-mismatch",
                f"the sheet says unit {code} but the file name says {self.file_unit}; "
                "the sheet wins",
                where,
                warning=True,
                vi=f"bảng ghi đơn vị {code} nhưng tên tệp ghi {self.file_unit}; lấy theo bảng",
            )

    def _period(self) -> str | None:
        given = self.layout.meta.get("period") or self._column_value(self.layout.header.period_col)
        if given is not None:
            period = parse_period(given[0])
            if period is None:
                self.collector.add(
                    "bad-period",
                    f"{given[0]!r} is not a reporting period; write it like 2024-Q2, "
                    "Quý 2/2024, 6 tháng đầu năm 2024 or 2024",
                    self.locate(given[1]),
                    vi=f"{given[0]!r} không phải là kỳ báo cáo; hãy ghi dạng 2024-Q2, Quý "
                    "2/2024, 6 tháng đầu năm 2024 hoặc 2024",
                )
                return None
            self._check_file_period(str(period), given[1])
            return str(period)
        from_file = parse_period(self.file_period) if self.file_period else None
        if from_file is not None:
            self.collector.add(
                "period-from-file-name",
                f"the sheet does not give the period ('Kỳ báo cáo'); {from_file} is taken "
                "from the file name",
                warning=True,
                vi=f"bảng không ghi 'Kỳ báo cáo'; kỳ {from_file} được lấy theo tên tệp",
            )
            return str(from_file)
        self.collector.add(
            "missing-period",
            "the sheet does not give the period: fill in 'Kỳ báo cáo' above the table "
            "(e.g. Quý 2/2024)",
            vi="bảng không ghi kỳ báo cáo: hãy điền 'Kỳ báo cáo' phía trên bảng (ví dụ Quý 2/2024)",
        )
        return None

    def _check_file_period(self, period: str, cell: RawCell) -> None:
        from_file = parse_period(self.file_period) if self.file_period else None
        if from_file is not None and str(from_file) != period:
            self.collector.add(
                "file-name-mismatch",
                f"the sheet says period {period} but the file name says {from_file}; "
                "the sheet wins",
                self.locate(cell),
                warning=True,
                vi=f"bảng ghi kỳ {period} nhưng tên tệp ghi {from_file}; lấy theo bảng",
            )


def _unit_by_name(name: str, units: list[ReportingUnit]) -> str | None:
    wanted = fold(name)
    for unit in units:
        if fold(unit.name) == wanted:
            return unit.code
    return None


def indicator_map(targets: TargetsFile) -> dict[str, Indicator]:
    return {ind.code.casefold(): ind for ind in targets.indicators}


#: Suffixes a folder scan picks up. Old and foreign formats are picked up too, so that an .xls
#: sent by mistake is reported ("save it as .xlsx") rather than silently skipped.
SCANNED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls", ".xlsb", ".ods")


def discover(paths: list[Path]) -> list[Path]:
    """The submission files named by ``paths``: files as given, folders scanned (not recursed),
    Excel and LibreOffice lock files and hidden files skipped. Sorted, without duplicates."""
    from .xlsxsafe import is_lock_file

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                child
                for child in sorted(path.iterdir())
                if child.is_file()
                and child.suffix.lower() in SCANNED_SUFFIXES
                and not is_lock_file(child)
                and not child.name.startswith(".")
            )
        else:
            found.append(path)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)
