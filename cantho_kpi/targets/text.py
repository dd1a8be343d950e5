"""The target as a person reads it: ``7,5 – 8 %``, ``< 0,5 %``, ``≥ 17 bác sĩ/vạn dân``; and the
units of a level as a roll-up names them (``Cộng dồn từ các xã, phường``). Pure."""

from __future__ import annotations

from decimal import Decimal

from ..catalog import N_, word
from ..domain import Lang, TargetKind, format_number
from .fields import KNOWN_UNITS
from .model import Indicator, UnitLevel

_SYMBOLS: dict[TargetKind, str] = {
    TargetKind.AT_LEAST: "≥",
    TargetKind.AT_MOST: "≤",
    TargetKind.ABOVE: ">",
    TargetKind.BELOW: "<",
}


def target_text(indicator: Indicator, lang: Lang = "vi") -> str:
    """The target as a person reads it: ``7,5 – 8 %``, ``< 0,5 %``, ``≥ 297,18``."""
    return bounds_text(indicator.kind, indicator.min, indicator.max, indicator.unit, lang)


def bounds_text(
    kind: TargetKind, low: Decimal | None, high: Decimal | None, unit: str, lang: Lang = "vi"
) -> str:
    """Bounds of a kind as a person reads them (the plan's target or a unit's own)."""
    suffix = " %" if unit == "%" else ""
    if kind in (TargetKind.RANGE, TargetKind.BAND) and low is not None and high is not None:
        return f"{format_number(low, lang)} – {format_number(high, lang)}{suffix}"
    bound = low if low is not None else high
    if bound is None:  # pragma: no cover - a valid targets file always has the bound
        return ""
    return f"{_SYMBOLS[kind]} {format_number(bound, lang)}{suffix}"


def unit_label(unit: str, lang: Lang = "vi") -> str:
    """A unit of measure in ``lang``: the targets file writes it in English (``million VND``),
    the catalog has its Vietnamese (``triệu đồng``); an unknown unit is shown as written."""
    return word(lang, unit) if unit in KNOWN_UNITS else unit


def indicator_label(indicator: Indicator, lang: Lang) -> str:
    """The indicator's name in ``lang``: the targets file's own data (``name_vi``,
    ``name_en``), not the catalog's words; the one place that picks one of them."""
    return indicator.name_vi if lang == "vi" else indicator.name_en


#: What a roll-up from each level is called, and its sum in a sentence.
_ROLLUP_TITLE: dict[UnitLevel, str] = {
    UnitLevel.DISTRICT: N_("Roll-up of the districts' figures"),
    UnitLevel.COMMUNE: N_("Roll-up of the communes' and wards' figures"),
    UnitLevel.DEPARTMENT: N_("Roll-up of the departments' figures"),
    UnitLevel.CITY: N_("Roll-up of the city's figures"),
}
_ROLLUP_SUM: dict[UnitLevel, str] = {
    UnitLevel.DISTRICT: N_("the sum of its districts' figures"),
    UnitLevel.COMMUNE: N_("the sum of its communes' and wards' figures"),
    UnitLevel.DEPARTMENT: N_("the sum of its departments' figures"),
    UnitLevel.CITY: N_("the sum of its city's figures"),
}


def rollup_title(level: UnitLevel, lang: Lang = "vi") -> str:
    """What a roll-up from ``level`` is called: "Cộng dồn từ các quận, huyện"."""
    return word(lang, _ROLLUP_TITLE[level])


def rollup_sum_text(level: UnitLevel, lang: Lang = "vi") -> str:
    """The sum of the units of ``level`` in a sentence: "tổng số liệu của các xã, phường"."""
    return word(lang, _ROLLUP_SUM[level])
