"""The order units are listed in, everywhere (terminal, JSON, workbook): round, then the order
of ``reporting_units`` in the targets file; files of unknown units last, by name. Pure."""

from __future__ import annotations

from ..domain import parse_period, round_of
from ..submissions import Submission
from ..targets import TargetsFile


def in_unit_order(targets: TargetsFile, subs: list[Submission]) -> list[Submission]:
    place = {unit.code: index for index, unit in enumerate(targets.reporting_units)}

    def key(sub: Submission) -> tuple[int, int, int, str, str]:
        period = parse_period(sub.period) if sub.period else None
        found = round_of(period, targets.rounds) if period else None
        when = (found.year * 12 + found.first_month, found.months) if found else (1 << 30, 0)
        unit = place.get(sub.unit_code or "", len(place))
        return (*when, unit, sub.unit_code or "", sub.file)

    return sorted(subs, key=key)
