"""Reporting periods: ``2024-Q2``, ``2024-H1``, ``2024``, and the forms people write. Pure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..catalog import tr

PERIOD_PATTERN = r"^[0-9]{4}(-(Q[1-4]|H[12]))?$"

_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"(?P<year>\d{4})\s*-\s*q(?P<n>[1-4])", "Q"),
        (r"(?P<year>\d{4})\s*-\s*h(?P<n>[12])", "H"),
        (r"(?:quý|quy)\s*(?P<roman>i{1,3}|iv|[1-4])\s*(?:/|năm|-)\s*(?P<year>\d{4})", "Q"),
        (r"q(?P<n>[1-4])\s*[/-]\s*(?P<year>\d{4})", "Q"),
        (r"6\s*tháng\s*đầu\s*năm\s*(?P<year>\d{4})", "H1"),
        # "9 tháng" is year-to-date to September: the report of the third quarter's round
        (r"9\s*tháng\s*(?:đầu\s*)?năm\s*(?P<year>\d{4})", "9M"),
        (r"(?P<year>\d{4})\s*-\s*9m", "9M"),
        (r"6\s*tháng\s*cuối\s*năm\s*(?P<year>\d{4})", "H2"),
        (r"h(?P<n>[12])\s*[/-]\s*(?P<year>\d{4})", "H"),
        (r"(?:năm\s*)?(?P<year>\d{4})", "Y"),
    )
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A reporting period, ordered by its first month, then by its length."""

    first_month: int  # months since year 0: year * 12 + month - 1
    months: int  # 3, 6 or 12

    @property
    def year(self) -> int:
        return self.first_month // 12

    @property
    def last_month(self) -> int:
        return self.first_month + self.months - 1

    def __str__(self) -> str:
        offset = self.first_month % 12
        if self.months == 12:
            return f"{self.year}"
        if self.months == 6:
            return f"{self.year}-H{offset // 6 + 1}"
        return f"{self.year}-Q{offset // 3 + 1}"

    def label(self, lang: str) -> str:
        """The period as a reader of ``lang`` names it: ``Quý 2/2024``, ``6 tháng đầu năm
        2024`` in Vietnamese; its code (``2024-Q2``) in English."""
        offset = self.first_month % 12
        if self.months == 12:
            return tr(lang, "{year}", year=self.year)
        if self.months == 6 and offset == 0:
            return tr(lang, "{year}-H1", year=self.year)
        if self.months == 6:
            return tr(lang, "{year}-H2", year=self.year)
        quarter = offset // 3 + 1
        return tr(lang, "{year}-Q{quarter}", year=self.year, quarter=quarter)

    def label_vi(self) -> str:
        """The period as a Vietnamese clerk writes it (the template's forms are in Vietnamese):
        ``Quý 2/2024``, ``6 tháng đầu năm 2024``."""
        return self.label("vi")

    @classmethod
    def quarter(cls, year: int, n: int) -> Period:
        return cls(year * 12 + (n - 1) * 3, 3)

    @classmethod
    def half(cls, year: int, n: int) -> Period:
        return cls(year * 12 + (n - 1) * 6, 6)

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(year * 12, 12)


def parse_period(text: str) -> Period | None:
    """Read a period as people write it; ``None`` when it is not one.

    >>> str(parse_period("Quý 2/2024")), str(parse_period("6 tháng đầu năm 2024"))
    ('2024-Q2', '2024-H1')
    """
    cleaned = " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())
    for pattern, kind in _FORMS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        year = int(match["year"])
        if kind == "Y":
            return Period.whole_year(year)
        if kind in {"H1", "H2"}:
            return Period.half(year, int(kind[1]))
        if kind == "9M":
            return Period.quarter(year, 3)
        groups = match.groupdict()
        n = _ROMAN.get((groups.get("roman") or "").lower()) or int(
            groups.get("roman") or groups["n"]
        )
        return Period.quarter(year, n) if kind == "Q" else Period.half(year, n)
    return None
