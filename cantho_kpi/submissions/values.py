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

from ..catalog import Said, both, numbers
from ..domain import Reading, plain, read_number
from ..errors import Location, quote_sheet
from ..targets import Indicator, TargetsFile, unit_label
from .layout import Header, bare
from .model import SubmittedValue, ValueState
from .xlsx import CellKind, RawCell, is_percent_format


class Reporter(Protocol):
    """Where a problem goes: :meth:`cantho_kpi.errors.Collector.add` has this shape."""

    def __call__(
        self,
        code: str,
        message: Said,
        where: Location | None = None,
        warning: bool = False,
    ) -> None: ...


#: A problem: (code, the message in both languages).
Problem = tuple[str, Said]

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
                    both("a value with no indicator code in its row was ignored"),
                    self.locate(value_cell),
                    warning=True,
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
                both(
                    "code {typed} looks like {code} but is typed with look-alike characters: "
                    "{names}; type it again with the keyboard's Latin letters and digits",
                    typed=repr(raw.strip()),
                    code=code,
                    names=names,
                ),
                self.locate(cell),
            )
            return latin, True
        if has_value or _CODE_LIKE.match(normal):
            self.report(
                "unknown-indicator",
                both(
                    "indicator code {typed} is not in the targets file; the row was ignored",
                    typed=repr(raw.strip()),
                ),
                self.locate(cell),
                warning=True,
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
            code, said = problem
            self.report(code, f"{indicator.code}: " + said, where)
            return SubmittedValue(state=ValueState.INVALID, **base)
        if reading.empty or reading.value is None:
            return SubmittedValue(state=ValueState.EMPTY, **base)
        value = reading.value
        low, high = indicator.plausible.min, indicator.plausible.max
        if not low <= value <= high:
            self.report(
                "out-of-valid-range",
                both(
                    "{code}: {value} is outside the plausible range {low} to {high} {unit}; "
                    "check the value and its unit",
                    code=indicator.code,
                    value=_shown(value),
                    low=_shown(low),
                    high=_shown(high),
                    unit=_unit(indicator),
                ),
                where,
            )
            kept = value if value.adjusted() < _HUGE else None  # never a 1E+400 in a report
            return SubmittedValue(state=ValueState.INVALID, value=kept, **base)
        if indicator.integer and value != value.to_integral_value():
            self.report(
                "not-a-whole-number",
                both(
                    "{code}: {value} is not a whole number, but the indicator counts {unit}; "
                    "type the count without decimals",
                    code=indicator.code,
                    value=_shown(value),
                    unit=_unit(indicator),
                ),
                where,
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
                both(
                    "{code}: the estimate mark {mark} is not x (an estimate) or empty (a final "
                    "figure); the figure is read as final",
                    code=indicator.code,
                    mark=repr(str(cell.value)),
                ),
                self.locate(cell),
                warning=True,
            )
        return False

    def _reading(self, indicator: Indicator, cell: RawCell) -> tuple[Problem | None, Reading]:
        plausible = (indicator.plausible.min, indicator.plausible.max)
        if cell.kind is CellKind.NUMBER and isinstance(cell.value, Decimal):
            return _number_cell(cell.value, cell.number_format)
        if cell.kind is CellKind.TEXT and isinstance(cell.value, str):
            reading = read_number(cell.value, plausible, whole=indicator.integer)
            if reading.problem is not None and reading.said is not None:
                return (reading.problem, reading.said), reading
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
                both(
                    "{code} is given twice with the same value ({there} and {here}); delete "
                    "one row",
                    code=indicator.code,
                    there=_short(there),
                    here=_short(here),
                ),
                here,
                warning=True,
            )
            return first
        self.report(
            "conflicting-values",
            both(
                "{code} is given twice with different values: {first} in {there} and {second} "
                "in {here}; keep the right one",
                code=indicator.code,
                first=_describe(first),
                second=_describe(second),
                there=_short(there),
                here=_short(here),
            ),
            here,
        )
        return SubmittedValue(
            code=indicator.code, state=ValueState.INVALID, location=first.location, note=first.note
        )


def _number_cell(value: Decimal, fmt: str) -> tuple[Problem | None, Reading]:
    if not value.is_finite():
        said = both("the cell holds {value}, which is not a figure", value=str(value))
        return ("not-finite", said), Reading()
    if is_percent_format(fmt):
        return None, Reading(value=plain(value * 100), percent=True)
    return None, Reading(value=value)


def _bad_cell(cell: RawCell) -> Problem:
    if cell.kind is CellKind.FORMULA:
        return (
            "uncached-formula",
            both(
                "the cell holds a formula whose result was never saved (the file was written "
                "by a program, not by Excel); open the file in Excel or LibreOffice and save it"
            ),
        )
    if cell.kind is CellKind.ERROR:
        return (
            "error-value",
            both(
                "the cell shows the error {error}; fix the formula or type the value",
                error=str(cell.value),
            ),
        )
    if cell.kind is CellKind.DATE:
        return (
            "date-value",
            both(
                "the cell holds a date ({day}), not a number; Excel may have turned the figure "
                "into a date: format the cell as Number and type it again",
                day=str(cell.value),
            ),
        )
    shown = str(cell.value).upper() if cell.kind is CellKind.BOOL else repr(cell.value)
    code = "boolean-value" if cell.kind is CellKind.BOOL else "not-a-number"
    return (
        code,
        both("the cell holds {shown}, not a number", shown=shown),
    )


# not a message: what a clerk may type in the estimate column (input), folded
_YES = frozenset({"x", "co", "uoc", "uoc tinh", "uoc thuc hien", "yes", "y", "true", "1"})
_NO = frozenset({"khong", "no", "n", "false", "0", "-"})

#: Values from 10^28 up are written with an exponent (1E+400, not 400 digits).
_HUGE = 28


def _shown(value: Decimal) -> Said:
    """A value as each language writes it (from 10^28 up with an exponent)."""
    if value.is_finite() and abs(value).adjusted() >= _HUGE:
        text = format(value.normalize(), "E")
        return Said(text, text.replace(".", ","))
    return numbers(value)


def _unit(indicator: Indicator) -> Said:
    """The indicator's unit of measure: its code in English, its words in Vietnamese."""
    return Said(indicator.unit, unit_label(indicator.unit, "vi"))


def _describe(value: SubmittedValue) -> Said:
    if value.state is ValueState.VALUE and value.value is not None:
        return _shown(value.value)
    if value.state is ValueState.EMPTY:
        return both("no value")
    return both("an unreadable value")


def _short(where: Location) -> Said | str:
    """A place within its file: ``BaoCao!C7`` or ``line 7``."""
    if where.cell is not None:
        return f"{quote_sheet(where.sheet)}!{where.cell}" if where.sheet else where.cell
    if where.line is not None:
        return both("line {line}", line=where.line)
    return where.file
