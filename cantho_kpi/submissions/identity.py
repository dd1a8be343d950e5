"""Who sent a submission and for which period: from the labels above its table, else from
the file name (``NK_2024-Q2.xlsx``), saying so. Pure: it is given cells and reports problems
through the collector it is handed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..catalog import both
from ..domain import parse_period, round_of
from ..errors import Collector, Location
from ..targets import ReportingUnit, TargetsFile
from .layout import Layout, fold
from .xlsx import RawCell

#: The issue of a sheet that gives no period (``Submission.period_missing``).
MISSING_PERIOD = "missing-period"
_FILE_NAME = re.compile(r"^(?P<unit>[A-Za-z][A-Za-z0-9]{1,9})[_ -]+(?P<period>.+)$")


def file_name_parts(name: str, units: list[ReportingUnit]) -> tuple[str | None, str | None]:
    """(unit code, period text) from a file name that follows the convention UNIT_PERIOD:
    with a real period or a known unit ("bao cao.xlsx" is neither)."""
    stem = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).stem)
    match = _FILE_NAME.match(stem)
    if match is None:
        return None, None
    unit = match["unit"].upper()
    if any(u.code == unit for u in units) or parse_period(match["period"]) is not None:
        return unit, match["period"]
    return None, None


@dataclass(slots=True)
class Who:
    unit_code: str | None = None
    unit_name: str | None = None
    period: str | None = None


class Identity:
    """Who sent the file and for which period: from the sheet, else from the file name."""

    def __init__(
        self,
        path: Path,
        layout: Layout,
        cells: list[RawCell],
        locate: Callable[[RawCell], Location],
        targets: TargetsFile,
        collector: Collector,
    ) -> None:
        self.layout, self.cells, self.locate = layout, cells, locate
        self.units = targets.reporting_units
        self.rounds = targets.rounds
        self.collector = collector
        self.file_unit, self.file_period = file_name_parts(path.name, self.units)

    def resolve(self) -> Who:
        who = Who()
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
                both(
                    "the sheet does not say which unit sent it; unit {code} is taken "
                    "from the file name",
                    code=code,
                ),
                warning=True,
            )
        if code is None:
            self.collector.add(
                "missing-unit",
                both(
                    "the sheet does not say which unit sent it: fill in 'Mã đơn vị' "
                    "above the table, or name the file like NK_2024-Q2.xlsx"
                ),
            )
            return None
        self._check_known(code, given)
        return code

    def _check_known(self, code: str, given: tuple[str, RawCell] | None) -> None:
        where = self.locate(given[1]) if given else None
        if self.units and not any(u.code == code for u in self.units):
            self.collector.add(
                "unknown-unit",
                both(
                    "unit code {code} is not in the list of reporting units; the file "
                    "is read anyway",
                    code=repr(code),
                ),
                where,
                warning=True,
            )
        if self.file_unit is not None and given is not None and self.file_unit != code:
            self.collector.add(
                "file-name-mismatch",
                both(
                    "the sheet says unit {code} but the file name says {file_unit}; the sheet wins",
                    code=code,
                    file_unit=self.file_unit,
                ),
                where,
                warning=True,
            )

    def _period(self) -> str | None:
        given = self.layout.meta.get("period") or self._column_value(self.layout.header.period_col)
        if given is not None:
            period = parse_period(given[0])
            if period is None:
                self.collector.add(
                    "bad-period",
                    both(
                        "{given} is not a reporting period; write it like 2024-Q2, Quý "
                        "2/2024, 6 tháng đầu năm 2024 or 2024",
                        given=repr(given[0]),
                    ),
                    self.locate(given[1]),
                )
                return None
            self._check_file_period(str(period), given[1])
            return str(period)
        from_file = parse_period(self.file_period) if self.file_period else None
        if from_file is not None:
            self.collector.add(
                "period-from-file-name",
                both(
                    "the sheet does not give the period ('Kỳ báo cáo'); {from_file} is "
                    "taken from the file name",
                    from_file=from_file,
                ),
                warning=True,
            )
            return str(from_file)
        self.collector.add(
            MISSING_PERIOD,
            both(
                "the sheet does not give the period: fill in 'Kỳ báo cáo' above "
                "the table (e.g. Quý 2/2024)"
            ),
        )
        return None

    def _check_file_period(self, period: str, cell: RawCell) -> None:
        from_file = parse_period(self.file_period) if self.file_period else None
        sheet = parse_period(period)
        if from_file is None or sheet is None:
            return
        mode = self.rounds
        if round_of(from_file, mode) != round_of(sheet, mode):  # "6 tháng" in a Q2 file is fine
            self.collector.add(
                "file-name-mismatch",
                both(
                    "the sheet says period {period} but the file name says "
                    "{from_file}; the sheet wins",
                    period=period,
                    from_file=from_file,
                ),
                self.locate(cell),
                warning=True,
            )


def _unit_by_name(name: str, units: list[ReportingUnit]) -> str | None:
    wanted = fold(name)
    for unit in units:
        if fold(unit.name) == wanted:
            return unit.code
    return None
