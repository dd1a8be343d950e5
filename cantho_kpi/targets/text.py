"""The target as a person reads it: ``7,5 – 8 %``, ``< 0,5 %``, ``≥ 17 bác sĩ/vạn dân``; and the
units of a level as a roll-up names them (``Cộng dồn từ các xã, phường``). Pure."""

from __future__ import annotations

from decimal import Decimal

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
    return KNOWN_UNITS.get(unit, unit) if lang == "vi" else unit


def indicator_label(indicator: Indicator, lang: Lang) -> str:
    """The indicator's name in ``lang``."""
    return indicator.name_vi if lang == "vi" else indicator.name_en


#: The units of a level, as a roll-up names them: Vietnamese, and English as an owner.
_LEVEL_UNITS: dict[UnitLevel, tuple[str, str]] = {
    UnitLevel.DISTRICT: ("các quận, huyện", "districts'"),
    UnitLevel.COMMUNE: ("các xã, phường", "communes' and wards'"),
    UnitLevel.DEPARTMENT: ("các sở, ban, ngành", "departments'"),
    UnitLevel.CITY: ("thành phố", "city's"),
}


def rollup_title(level: UnitLevel, lang: Lang = "vi") -> str:
    """What a roll-up from ``level`` is called: "Cộng dồn từ các quận, huyện"."""
    vi, en = _LEVEL_UNITS[level]
    return f"Cộng dồn từ {vi}" if lang == "vi" else f"Roll-up of the {en} figures"


def rollup_sum_text(level: UnitLevel, lang: Lang = "vi") -> str:
    """The sum of the units of ``level`` in a sentence: "tổng số liệu của các xã, phường"."""
    vi, en = _LEVEL_UNITS[level]
    return f"tổng số liệu của {vi}" if lang == "vi" else f"the sum of its {en} figures"
