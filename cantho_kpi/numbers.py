"""Numbers as people write them: Vietnamese ``7,5`` and ``7.000``, English ``7.5``. Pure."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

Lang = Literal["vi", "en"]


def format_number(value: Decimal, lang: Lang = "vi") -> str:
    """Write a decimal for a reader: ``7,5`` and ``7.000`` in Vietnamese, ``7.5``, ``7,000`` in
    English. Trailing zeros are dropped; the value is never rounded.

    >>> format_number(Decimal("297.18")), format_number(Decimal("7000"), "en")
    ('297,18', '7,000')
    """
    sign = "-" if value < 0 else ""
    text = format(abs(value).normalize(), "f")
    whole, _, fraction = text.partition(".")
    group = "." if lang == "vi" else ","
    point = "," if lang == "vi" else "."
    grouped = f"{int(whole):,}".replace(",", group) if len(whole) > 3 else whole
    return sign + grouped + (point + fraction if fraction else "")
