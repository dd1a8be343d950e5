"""The data rows of a submission: indicator codes and their values, read by the rules of
``docs/domain.md`` ("Values in submissions"). Pure: it is given cells and reports problems
through a callback.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from ..domain import Lang, Reading, format_number, plain, read_number
from ..errors import Location, quote_sheet
from ..targets import KNOWN_UNITS, Indicator, TargetsFile
from .layout import Header, bare
from .model import SubmittedValue, ValueState
from .xlsx import CellKind, RawCell, is_percent_format


class Reporter(Protocol):
    """Where a problem goes: :meth:`cantho_kpi.errors.Collector.add` has this shape."""

    def __call__(
        self,
        code: str,
        message: str,
        where: Location | None = None,
        warning: bool = False,
        vi: str | None = None,
    ) -> None: ...


#: A problem: (code, English message, Vietnamese message).
Problem = tuple[str, str, str]

#: Letters that look like Latin ones (Cyrillic and Greek capitals and small letters).
_CONFUSABLES = str.maketrans(
    "АВСЕНІКМОРТХаеосрхуΑΒΕΗΙΚΜΝΟΡΤΧΥΖ",
    "ABCEHIKMOPTXaeocpxyABEHIKMNOPTXYZ",
)
_CODE_LIKE = re.compile(r"^[A-Za-z]{1,4}[0-9]{1,3}[A-Za-z]?$")


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
    code_cell: RawCell
    value_cell: RawCell | None
    note: str | None
    lookalike: bool = False
    estimate_cell: RawCell | None = None


class ValueReader:
    def __init__(
        self,
        targets: TargetsFile,
        locate: Callable[[RawCell], Location],
        report: Reporter,
    ) -> None:
        self.indicators = {ind.code.casefold(): ind for ind in targets.indicators}
        self.locate = locate
        self.report = report

    def read(self, cells: list[RawCell], header: Header) -> list[SubmittedValue]:
        rows = self._rows(cells, header)
        values: dict[str, SubmittedValue] = {}
        first_cell: dict[str, RawCell] = {}
        for row in rows:
            indicator = self.indicators[row.code.casefold()]
            value = self._value(indicator, row)
            if indicator.code in values:
                values[indicator.code] = self._duplicate(
                    indicator, values[indicator.code], value, first_cell[indicator.code], row
                )
                continue
            values[indicator.code] = value
            first_cell[indicator.code] = row.value_cell or row.code_cell
        return list(values.values())

    # -- rows and codes --------------------------------------------------------------------

    def _rows(self, cells: list[RawCell], header: Header) -> list[_Row]:
        grid: dict[int, dict[int, RawCell]] = {}
        for cell in cells:
            if cell.row > header.row:
                grid.setdefault(cell.row, {})[cell.col] = cell
        rows: list[_Row] = []
        for number in sorted(grid):
            line = grid[number]
            code_cell, value_cell = line.get(header.code_col), line.get(header.value_col)
            note_cell = line.get(header.note_col) if header.note_col else None
            note = str(note_cell.value).strip() if note_cell and note_cell.value else None
            code = self._code(code_cell, value_cell)
            mark = line.get(header.estimate_col) if header.estimate_col else None
            if code is not None and code_cell is not None:
                rows.append(_Row(code[0], code_cell, value_cell, note, code[1], mark))
        return rows

    def _code(
        self, code_cell: RawCell | None, value_cell: RawCell | None
    ) -> tuple[str, bool] | None:
        """The indicator code of a row and whether it was typed with look-alike characters,
        or None (after saying why when it matters)."""
        has_value = value_cell is not None and value_cell.value not in (None, "")
        if code_cell is None or code_cell.value in (None, ""):
            if has_value and value_cell is not None:
                self.report(
                    "value-without-code",
                    "a value with no indicator code in its row was ignored",
                    self.locate(value_cell),
                    warning=True,
                    vi="giá trị không có mã chỉ tiêu trên cùng dòng nên đã bị bỏ qua",
                )
            return None
        raw = str(code_cell.value)
        squeezed = "".join(raw.split())
        if squeezed.casefold() in self.indicators:
            return squeezed, False
        return self._strange_code(raw, squeezed, code_cell, has_value)

    def _strange_code(
        self, raw: str, squeezed: str, cell: RawCell, has_value: bool
    ) -> tuple[str, bool] | None:
        normal = unicodedata.normalize("NFKC", squeezed)
        latin = normal.translate(_CONFUSABLES)
        if latin.casefold() in self.indicators:
            odd = sorted({c for c in squeezed if ord(c) > 127})
            names = ", ".join(f"{c!r} ({unicodedata.name(c, 'unknown')})" for c in odd)
            code = self.indicators[latin.casefold()].code
            self.report(
                "lookalike-code",
                f"code {raw.strip()!r} looks like {code} but is typed with look-alike "
                f"characters: {names}; type it again with the keyboard's Latin letters and digits",
                self.locate(cell),
                vi=f"mã {raw.strip()!r} trông giống {code} nhưng được gõ bằng ký tự giống chữ "
                f"Latinh: {names}; hãy gõ lại bằng chữ cái và chữ số Latinh trên bàn phím",
            )
            return latin, True
        if has_value or _CODE_LIKE.match(normal):
            self.report(
                "unknown-indicator",
                f"indicator code {raw.strip()!r} is not in the targets file; the row was ignored",
                self.locate(cell),
                warning=True,
                vi=f"mã chỉ tiêu {raw.strip()!r} không có trong danh mục chỉ tiêu; dòng này đã "
                "bị bỏ qua",
            )
        return None

    # -- values ----------------------------------------------------------------------------

    def _value(self, indicator: Indicator, row: _Row) -> SubmittedValue:
        cell = row.value_cell
        where = self.locate(cell) if cell is not None else self.locate(row.code_cell)
        base = {"code": indicator.code, "location": str(where), "note": row.note}
        if row.lookalike:
            return SubmittedValue(state=ValueState.INVALID, **base)
        if cell is None:
            return SubmittedValue(state=ValueState.EMPTY, **base)
        problem, reading = self._reading(indicator, cell)
        if problem is not None:
            code, en, vi = problem
            self.report(code, f"{indicator.code}: {en}", where, vi=f"{indicator.code}: {vi}")
            return SubmittedValue(state=ValueState.INVALID, **base)
        if reading.empty or reading.value is None:
            return SubmittedValue(state=ValueState.EMPTY, **base)
        value = reading.value
        low, high = indicator.plausible.min, indicator.plausible.max
        if not low <= value <= high:
            self.report(
                "out-of-valid-range",
                f"{indicator.code}: {_shown(value)} is outside the plausible range "
                f"{_shown(low)} to {_shown(high)} {indicator.unit}; check the value and its unit",
                where,
                vi=f"{indicator.code}: {_shown(value, 'vi')} nằm ngoài miền giá trị hợp lý từ "
                f"{_shown(low, 'vi')} đến {_shown(high, 'vi')} {KNOWN_UNITS[indicator.unit]}; "
                "hãy kiểm tra lại giá trị và đơn vị tính",
            )
            kept = value if value.adjusted() < _HUGE else None  # never a 1E+400 in a report
            return SubmittedValue(state=ValueState.INVALID, value=kept, **base)
        if indicator.integer and value != value.to_integral_value():
            self.report(
                "not-a-whole-number",
                f"{indicator.code}: {_shown(value)} is not a whole number, but the indicator "
                f"counts {indicator.unit}; type the count without decimals",
                where,
                vi=f"{indicator.code}: {_shown(value, 'vi')} không phải số nguyên, trong khi chỉ "
                f"tiêu đếm số {KNOWN_UNITS[indicator.unit]}; hãy nhập số đếm, không có phần thập "
                "phân",
            )
            return SubmittedValue(state=ValueState.INVALID, value=value, **base)
        return SubmittedValue(
            state=ValueState.VALUE,
            value=value,
            percent=reading.percent,
            estimate=self._estimate(indicator, row.estimate_cell),
            **base,
        )

    def _estimate(self, indicator: Indicator, cell: RawCell | None) -> bool:
        """Whether the estimate column marks the figure as an estimate ("ước thực hiện"): x,
        có, ước, yes, TRUE or 1; empty, không, no, FALSE or 0 mean a final figure."""
        if cell is None or cell.value in (None, ""):
            return False
        if cell.kind is CellKind.BOOL and isinstance(cell.value, bool):
            return cell.value
        mark = bare(str(cell.value))
        if cell.kind is CellKind.NUMBER and isinstance(cell.value, Decimal):
            mark = "1" if cell.value == 1 else "0" if cell.value == 0 else mark
        if mark in _YES:
            return True
        if mark not in _NO:
            self.report(
                "bad-estimate-mark",
                f"{indicator.code}: the estimate mark {str(cell.value)!r} is not x (an estimate) "
                "or empty (a final figure); the figure is read as final",
                self.locate(cell),
                warning=True,
                vi=f"{indicator.code}: dấu ước tính {str(cell.value)!r} không phải x (số ước "
                "tính) hoặc để trống (số chính thức); số liệu được coi là số chính thức",
            )
        return False

    def _reading(self, indicator: Indicator, cell: RawCell) -> tuple[Problem | None, Reading]:
        plausible = (indicator.plausible.min, indicator.plausible.max)
        if cell.kind is CellKind.NUMBER and isinstance(cell.value, Decimal):
            return _number_cell(cell.value, cell.number_format)
        if cell.kind is CellKind.TEXT and isinstance(cell.value, str):
            reading = read_number(cell.value, plausible, whole=indicator.integer)
            if reading.problem is not None:
                problem = (reading.problem, reading.message or "", reading.message_vi or "")
                return problem, reading
            return None, reading
        return _bad_cell(cell), Reading()

    def _duplicate(
        self,
        indicator: Indicator,
        first: SubmittedValue,
        second: SubmittedValue,
        first_cell: RawCell,
        row: _Row,
    ) -> SubmittedValue:
        here = self.locate(row.value_cell or row.code_cell)
        there = self.locate(first_cell)
        if (first.state, first.value) == (second.state, second.value):
            self.report(
                "duplicate-row",
                f"{indicator.code} is given twice with the same value ({_short(there)} "
                f"and {_short(here)}); delete one row",
                here,
                warning=True,
                vi=f"{indicator.code} được ghi hai lần với cùng giá trị ({_short(there)} và "
                f"{_short(here)}); hãy xóa một dòng",
            )
            return first
        self.report(
            "conflicting-values",
            f"{indicator.code} is given twice with different values: {_describe(first)} in "
            f"{_short(there)} and {_describe(second)} in {_short(here)}; keep the right one",
            here,
            vi=f"{indicator.code} được ghi hai lần với hai giá trị khác nhau: "
            f"{_describe(first, 'vi')} ở {_short(there)} và {_describe(second, 'vi')} ở "
            f"{_short(here)}; hãy giữ lại giá trị đúng",
        )
        return SubmittedValue(
            code=indicator.code, state=ValueState.INVALID, location=first.location, note=first.note
        )


def _number_cell(value: Decimal, fmt: str) -> tuple[Problem | None, Reading]:
    if not value.is_finite():
        problem = (
            "not-finite",
            f"the cell holds {value}, which is not a figure",
            f"ô chứa {value}, không phải là một số liệu",
        )
        return problem, Reading()
    if is_percent_format(fmt):
        return None, Reading(value=plain(value * 100), percent=True)
    return None, Reading(value=value)


def _bad_cell(cell: RawCell) -> Problem:
    if cell.kind is CellKind.FORMULA:
        return (
            "uncached-formula",
            "the cell holds a formula whose result was never saved (the file was written by a "
            "program, not by Excel); open the file in Excel or LibreOffice and save it",
            "ô chứa công thức chưa từng được tính và lưu kết quả (tệp do phần mềm tạo ra, không "
            "phải Excel); hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại",
        )
    if cell.kind is CellKind.ERROR:
        return (
            "error-value",
            f"the cell shows the error {cell.value}; fix the formula or type the value",
            f"ô hiển thị lỗi {cell.value}; hãy sửa công thức hoặc nhập trực tiếp giá trị",
        )
    if cell.kind is CellKind.DATE:
        return (
            "date-value",
            f"the cell holds a date ({cell.value}), not a number; Excel may have turned the "
            "figure into a date: format the cell as Number and type it again",
            f"ô chứa ngày tháng ({cell.value}) chứ không phải số; có thể Excel đã tự đổi số "
            "thành ngày: hãy định dạng ô là Số (Number) rồi nhập lại",
        )
    shown = str(cell.value).upper() if cell.kind is CellKind.BOOL else repr(cell.value)
    code = "boolean-value" if cell.kind is CellKind.BOOL else "not-a-number"
    return (code, f"the cell holds {shown}, not a number", f"ô chứa {shown}, không phải số")


_YES = frozenset({"x", "co", "uoc", "uoc tinh", "uoc thuc hien", "yes", "y", "true", "1"})
_NO = frozenset({"khong", "no", "n", "false", "0", "-"})

#: Values from 10^28 up are written with an exponent (1E+400, not 400 digits).
_HUGE = 28


def _shown(value: Decimal, lang: Lang = "en") -> str:
    if value.is_finite() and abs(value).adjusted() >= _HUGE:
        text = format(value.normalize(), "E")
        return text.replace(".", ",") if lang == "vi" else text
    return format_number(value, lang)


def _describe(value: SubmittedValue, lang: Lang = "en") -> str:
    if value.state is ValueState.VALUE and value.value is not None:
        return _shown(value.value, lang)
    if lang == "vi":
        return "không có giá trị" if value.state is ValueState.EMPTY else "giá trị không đọc được"
    return "no value" if value.state is ValueState.EMPTY else "an unreadable value"


def _short(where: Location) -> str:
    """A place within its file: ``BaoCao!C7`` or ``line 7``."""
    if where.cell is not None:
        return f"{quote_sheet(where.sheet)}!{where.cell}" if where.sheet else where.cell
    return f"line {where.line}" if where.line is not None else where.file
