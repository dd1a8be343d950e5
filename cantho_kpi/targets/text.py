"""The target as a person reads it: ``7,5 – 8 %``, ``< 0,5 %``, ``≥ 17 bác sĩ/vạn dân``. Pure."""

from __future__ import annotations

from decimal import Decimal

from ..domain import Lang, TargetKind, format_number
from .fields import KNOWN_UNITS
from .model import Indicator

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
