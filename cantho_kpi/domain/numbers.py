"""Numbers as people write them: Vietnamese ``7,5`` and ``7.000``, English ``7.5``. Pure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ..catalog import Lang, Said, both, number

__all__ = ["Lang"]  # the catalog's, offered here too


def format_number(value: Decimal, lang: Lang = "vi") -> str:
    """Write a decimal for a reader (the catalog's :func:`~cantho_kpi.catalog.number`):
    ``7,5`` and ``7.000`` in Vietnamese, ``7.5``, ``7,000`` in English; never rounded.

    >>> format_number(Decimal("297.18")), format_number(Decimal("7000"), "en")
    ('297,18', '7,000')
    """
    return number(value, lang)


def json_number(value: Decimal | None) -> int | float | None:
    """A decimal for JSON and workbook cells: an int when whole, else the nearest float.

    A float is what both formats store; the value shown by the tables stays the decimal.
    """
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# --- reading ------------------------------------------------------------------------------

#: Texts that mean "no value" (compared after trimming and case folding).
# not a message: what a clerk may type in a cell (input), in Vietnamese and English
NO_VALUE_TEXTS = frozenset({"", "n/a", "na", "-", "--", "x", "—", "–", "không có", "ko"})

_SIGNIFICANT = 15  # Excel shows and keeps 15 significant digits


@dataclass(frozen=True, slots=True)
class Reading:
    """What a cell's content reads as: a value, no value, or a problem.

    ``readings`` holds both candidate values when a text such as ``"7.000"`` can be read two
    ways; ``percent`` is true when the text carried a ``%`` sign.
    """

    value: Decimal | None = None
    problem: str | None = None  # a stable issue code
    said: Said | None = None  # the problem, in both languages
    readings: tuple[Decimal, ...] = ()
    percent: bool = False

    @property
    def empty(self) -> bool:
        return self.value is None and self.problem is None


def from_binary(value: float | int | Decimal) -> Decimal:
    """A stored number as Excel shows it: at most 15 significant digits, never a float error.

    >>> from_binary(0.1 + 0.2), from_binary(Decimal("7.4999999999999997E-2"))
    (Decimal('0.3'), Decimal('0.075'))
    """
    if isinstance(value, int):
        return Decimal(value)
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not exact.is_finite():
        return exact  # infinity or NaN: the caller reports it
    if exact == 0:
        return Decimal(0)
    rounded = round(exact, _SIGNIFICANT - 1 - exact.adjusted())
    return plain(rounded)


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to an exponent (7.500 -> 7.5, 100 stays 100)."""
    normal = value.normalize()
    if normal.adjusted() >= _PLAIN_DIGITS:  # too long to write out: keep the exponent
        return normal
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


_PLAIN_DIGITS = 28  # the default context's precision: quantize fails beyond it


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_GROUPED = {
    ".": re.compile(r"[0-9]{1,3}(\.[0-9]{3})+"),
    ",": re.compile(r"[0-9]{1,3}(,[0-9]{3})+"),
}
_PLAIN = re.compile(r"[0-9]+")
_SPACED = re.compile(r"[0-9]{1,3}([\s\u00a0\u202f\u2009\u2007'][0-9]{3})+([.,][0-9]+)?")


def clean_text(text: str) -> str:
    """Normalise what clerks type: full-width digits, NBSP, Unicode minus, a leading apostrophe."""
    cleaned = unicodedata.normalize("NFKC", text).strip().removeprefix("'").strip()
    cleaned = cleaned.replace("\u2212", "-")
    if cleaned.startswith("\u2013") and len(cleaned) > 1:  # an en dash typed as a minus
        cleaned = "-" + cleaned[1:]
    return cleaned


def read_number(
    text: str, plausible: tuple[Decimal, Decimal] | None = None, *, whole: bool = False
) -> Reading:
    """Read a number typed as text, Vietnamese or English style.

    ``"7,5"``, ``"7,5 %"``, ``"1.234,5"``, ``"1,234.5"`` and ``"1 234,5"`` read as you would
    expect; ``"7.000"`` could be 7000 (Vietnamese) or 7 (English): it is ambiguous unless only
    one reading lies inside ``plausible``.
    """
    cleaned = clean_text(text)
    if cleaned.casefold() in NO_VALUE_TEXTS:
        return Reading()
    percent = cleaned.endswith("%")
    body = cleaned.removesuffix("%").strip() if percent else cleaned
    sign = ""
    if body[:1] in "+-":
        sign, body = ("-" if body[0] == "-" else ""), body[1:].strip()
    body = _SPACES.sub("", body) if _looks_spaced(body) else body
    candidates = _readings(body)
    if not candidates:
        return Reading(
            problem="not-a-number",
            said=(
                both(
                    "{text} is not a number; type the figure alone (e.g. 7.5, or 7,5) "
                    "and put any words in the note column",
                    text=repr(text.strip()),
                )
            ),
            percent=percent,
        )
    values = tuple(plain(Decimal(sign + c)) for c in candidates)
    if len(values) == 1:
        return Reading(value=values[0], percent=percent)
    return _resolve(text.strip(), values, plausible, percent, whole)


def _looks_spaced(body: str) -> bool:
    """ "1 234 567,5": digits grouped by spaces (or NBSP, or apostrophes as in 1'234)."""
    return _SPACED.fullmatch(body) is not None


def _readings(body: str) -> list[str]:
    """The plain decimal strings ``body`` can stand for (none, one, or two)."""
    if _PLAIN.fullmatch(body):
        return [body]
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        point = "." if body.rfind(".") > body.rfind(",") else ","
        group = "," if point == "." else "."
        whole, _, fraction = body.rpartition(point)
        if _GROUPED[group].fullmatch(whole) and _PLAIN.fullmatch(fraction):
            return [whole.replace(group, "") + "." + fraction]
        return []
    mark = "." if dots else ","
    count = dots or commas
    if count > 1:
        return [body.replace(mark, "")] if _GROUPED[mark].fullmatch(body) else []
    whole, _, fraction = body.partition(mark)
    if not (_PLAIN.fullmatch(whole) and _PLAIN.fullmatch(fraction)):
        return []
    as_decimal = f"{whole}.{fraction}"
    if _GROUPED[mark].fullmatch(body) and not whole.startswith("0"):
        return [as_decimal, whole + fraction]  # "7.000": seven, or seven thousand
    return [as_decimal]


def _resolve(
    shown: str,
    values: tuple[Decimal, ...],
    plausible: tuple[Decimal, Decimal] | None,
    percent: bool,
    whole: bool = False,
) -> Reading:
    """Two readings: the one that is plausible (and whole, for a count), else ambiguous."""
    if plausible is not None:
        inside = [
            v
            for v in values
            if plausible[0] <= v <= plausible[1] and (not whole or v == v.to_integral_value())
        ]
        if len(inside) == 1:
            return Reading(value=inside[0], readings=values, percent=percent)
    first, second = values
    mark = "." if "." in shown else ","
    return Reading(
        problem="ambiguous-number",
        said=(
            both(
                "{shown} is ambiguous: {decimal} if {mark} is a decimal mark, "
                "{thousands} if it separates thousands; for {thousands} type "
                "it without the separator, or enter the value as a number rather "
                "than text",
                shown=repr(shown),
                decimal=_plain_text(first),
                mark=repr(mark),
                thousands=_plain_text(second),
            )
        ),
        readings=values,
        percent=percent,
    )


def _plain_text(value: Decimal) -> str:
    return format(value, "f")
