"""Reporting rounds: which periods count as the same report. Pure.

Vietnamese socio-economic reports are year-to-date ("quý I", "6 tháng", "9 tháng", "cả năm"):
each covers January to the end of its period. Under that reading (``year_to_date``, the
default of the targets file) a report for 2024-Q2 and one for 2024-H1 ("6 tháng đầu năm
2024") are the same round, and so are 2024-Q4 and 2024 ("Năm 2024"). Under ``quarterly`` every
period is its own round. See ``docs/domain.md`` ("Rounds").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..catalog import tr
from .numbers import Lang
from .periods import Period


class RoundsMode(StrEnum):
    YEAR_TO_DATE = "year_to_date"
    QUARTERLY = "quarterly"


@dataclass(frozen=True, order=True, slots=True)
class Round:
    """A round of reporting: a year and the months it covers from its first month.

    Under ``year_to_date`` the rounds of a year are 3, 6, 9 and 12 months from January
    (``2024-Q1``, ``2024-H1``, ``2024-9M``, ``2024``); a second half-year report (``2024-H2``)
    is not year-to-date and stays a round of its own.
    """

    year: int
    first_month: int  # 0-based month of the year
    months: int

    @property
    def year_end(self) -> bool:
        """Whether the round closes the year (a flow is complete only then)."""
        return self.first_month == 0 and self.months == 12

    def closing_month(self) -> Period:
        """The last month of the round, as a one-month period: the units expected to report
        are those that exist then."""
        return Period(self.year * 12 + self.first_month + self.months - 1, 1)

    def __str__(self) -> str:
        if self.first_month == 0 and self.months == 12:
            return f"{self.year}"
        if self.first_month == 0 and self.months == 9:
            return f"{self.year}-9M"
        return str(Period(self.year * 12 + self.first_month, self.months))

    def label(self, lang: str) -> str:
        """The round as a report in ``lang`` names it: ``6 tháng đầu năm 2024`` in Vietnamese,
        its code (``2024-H1``) in English."""
        if self.first_month == 0 and self.months == 9:
            return tr(lang, "{year}-9M", year=self.year)
        return Period(self.year * 12 + self.first_month, self.months).label(lang)

    def label_vi(self) -> str:
        """The round as a Vietnamese report names it: ``6 tháng đầu năm 2024``."""
        return self.label("vi")


def round_of(period: Period, mode: RoundsMode = RoundsMode.YEAR_TO_DATE) -> Round:
    """The round a report for ``period`` belongs to.

    >>> str(round_of(Period.quarter(2024, 2))), str(round_of(Period.quarter(2024, 4)))
    ('2024-H1', '2024')
    """
    offset = period.first_month % 12
    if mode is RoundsMode.QUARTERLY or (offset != 0 and period.months != 3):
        return Round(period.year, offset, period.months)
    end = offset + period.months  # months from January to the end of the period
    return Round(period.year, 0, end)


def parse_round(text: str, mode: RoundsMode = RoundsMode.YEAR_TO_DATE) -> Round | None:
    """A round as written: any period (``Quý 2/2024``), or ``2024-9M``."""
    from .periods import parse_period

    cleaned = text.strip()
    if cleaned.upper().endswith("-9M") and cleaned[:4].isdigit():
        return Round(int(cleaned[:4]), 0, 9)
    period = parse_period(cleaned)
    return round_of(period, mode) if period is not None else None


def round_label(name: str, lang: Lang) -> str:
    """``6 tháng đầu năm 2024 (2024-H1)`` in Vietnamese, ``2024-H1`` in English."""
    found = parse_round(name)
    if found is None:
        return name
    label = found.label(lang)  # a wording, or the round's own code (English)
    return f"{label} ({name})" if label not in (name, str(found)) else name
