"""Every word kpi prints or writes, in English and Vietnamese, from one message catalog; and
numbers and days written the way each language writes them. Imports nothing of ours.

The English text of a message is its gettext ``msgid``; the Vietnamese is its ``msgstr`` in
``locale/vi/LC_MESSAGES/kpi.po``, compiled beside it into ``kpi.mo`` (read at run time by the
standard library's :mod:`gettext`: no dependency). Placeholders are ``str.format`` fields
(``{unit}``, ``{count}``); a count that changes an English noun goes through :func:`trn`
(``1 file``, ``2 files``; Vietnamese has one plural form). ``docs/translating.md`` says how to
add a message or a language; ``scripts/catalog.py`` extracts, merges and compiles.

The keywords the extractor knows (``scripts/catalog.py`` and the tests use the same):

* ``tr(lang, msgid, **values)`` and ``trn(lang, singular, plural, count, **values)``: one
  language;
* ``both(msgid, **values)`` and ``both_n(singular, plural, count, **values)``: the English and
  the Vietnamese at once, a :class:`Said`, for an ``Issue`` or a ``KpiError`` (whose JSON
  carries ``message`` and ``message_vi``); a value that is itself a :class:`Said` (a number
  written each language's way, a message inside a message) is filled in its own language;
* ``N_(msgid)``: a word declared in a table, translated where it is used (``tr(lang, word)``);
  ``C_(context, msgid)`` the same, in a context, for an English word said two ways.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

Lang = Literal["vi", "en"]
#: The languages of the catalog, the default first.
LANGS: tuple[Lang, ...] = ("vi", "en")
DOMAIN = "kpi"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: Extraction keywords, as Babel spells them: the 1-based positions of the msgid (and plural),
#: ``(1, "c")`` for the context of :func:`C_`.
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...]] = {
    "word": (2,),
    "tr": (2,),
    "trn": (2, 3),
    "both": (1,),
    "both_n": (1, 2),
    "N_": (1,),
    "C_": ((1, "c"), 2),
}
#: Between a context and its msgid, as gettext keeps them in a catalog.
_CONTEXT = "\x04"


def mo_path(lang: str, domain: str = DOMAIN) -> Path:
    """Where the compiled catalog of ``lang`` lies."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"


@cache
def translations(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The catalog of ``lang``, read once (English is the msgids themselves)."""
    path = mo_path(lang, domain)
    if lang == "en" or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def N_(msgid: str) -> str:
    """``msgid`` itself: marks a word declared in a table, translated where it is used."""
    return msgid


def C_(context: str, msgid: str) -> str:
    """``msgid`` in a ``context`` (gettext's msgctxt), translated where it is used like an
    ``N_`` word: for one English word that two places say differently in Vietnamese (the
    heading ``Code`` is *Mã chỉ tiêu* over indicators, *Mã lỗi* over problems)."""
    return f"{context}{_CONTEXT}{msgid}"


def word(lang: str, msgid: str, /) -> str:
    """``msgid`` in ``lang`` as it is (its ``{fields}`` left for the caller to fill); a word
    marked with :func:`C_` is looked up in its context."""
    context, marked, text = msgid.partition(_CONTEXT)
    if marked:
        return translations(lang).pgettext(context, text)
    return translations(lang).gettext(msgid)


def tr(lang: str, msgid: str, /, **values: object) -> str:
    """``msgid`` in ``lang``, its ``{fields}`` filled with ``values`` (a :class:`Said` value in
    ``lang``)."""
    return word(lang, msgid).format(**_in(lang, values))


def trn(lang: str, singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of ``count`` in ``lang``; ``{count}`` is filled with it too, unless ``values``
    give it as written (``count=numbers(1234)``)."""
    text = translations(lang).ngettext(singular, plural, count)
    return text.format(**_in(lang, {"count": count, **values}))


def _in(lang: str, values: dict[str, object]) -> dict[str, object]:
    """``values`` with each :class:`Said` among them in ``lang``."""
    return {k: v.text(lang) if isinstance(v, Said) else v for k, v in values.items()}


@dataclass(frozen=True, slots=True)
class Said:
    """A message in both languages: ``en`` (an issue's ``message``) and ``vi``
    (its ``message_vi``)."""

    en: str
    vi: str

    def text(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    def __add__(self, other: Said | str) -> Said:
        """Two messages said one after the other (a plain string is the same in both)."""
        if isinstance(other, str):
            return Said(self.en + other, self.vi + other)
        return Said(self.en + other.en, self.vi + other.vi)

    def __radd__(self, other: str) -> Said:
        return Said(other + self.en, other + self.vi)

    @classmethod
    def each(cls, make: Callable[[Lang], str]) -> Said:
        """What ``make`` writes in each language: ``Said.each(lambda lang: number(v, lang))``."""
        return cls(make("en"), make("vi"))

    @classmethod
    def same(cls, text: str) -> Said:
        """A text that is the same in both languages (a code, a file name)."""
        return cls(text, text)

    def join(self, parts: Iterable[Said | str]) -> Said:
        """``parts`` joined with this as the separator, in each language."""
        items = [p if isinstance(p, Said) else Said.same(p) for p in parts]
        return Said(self.en.join(p.en for p in items), self.vi.join(p.vi for p in items))


def both(msgid: str, /, **values: object) -> Said:
    """``msgid`` in English and in Vietnamese."""
    return Said(tr("en", msgid, **values), tr("vi", msgid, **values))


def both_n(singular: str, plural: str, count: int, /, **values: object) -> Said:
    """The form of ``count`` in English and in Vietnamese."""
    return Said(
        trn("en", singular, plural, count, **values), trn("vi", singular, plural, count, **values)
    )


# -- numbers and days ----------------------------------------------------------------------

#: How each language writes a number: (decimal mark, thousands separator).
_MARKS: dict[str, tuple[str, str]] = {"vi": (",", "."), "en": (".", ",")}


def number(value: Decimal, lang: str = "vi") -> str:
    """A decimal for a reader: ``7,5`` and ``7.000`` in Vietnamese, ``7.5``, ``7,000`` in
    English. Trailing zeros are dropped; the value is never rounded.

    >>> number(Decimal("297.18")), number(Decimal("7000"), "en")
    ('297,18', '7,000')
    """
    sign = "-" if value < 0 else ""
    text = format(abs(value).normalize(), "f")
    whole, _, fraction = text.partition(".")
    point, group = _MARKS.get(lang, _MARKS["en"])
    grouped = f"{int(whole):,}".replace(",", group) if len(whole) > 3 else whole
    return sign + grouped + (point + fraction if fraction else "")


def fixed(value: Decimal, lang: str = "vi") -> str:
    """A decimal with the digits it has (a score's ``0.8000`` keeps its zeros), written with
    the decimal mark of ``lang`` and no grouping: ``0,8429`` in Vietnamese."""
    return format(value, "f").replace(".", _MARKS.get(lang, _MARKS["en"])[0])


def numbers(value: Decimal | int) -> Said:
    """A number as each language writes it (``1,234.5`` and ``1.234,5``), for :func:`both`."""
    exact = Decimal(value)
    return Said(number(exact, "en"), number(exact, "vi"))


def day(value: date, lang: str = "vi") -> str:
    """A day as the office writes it, in both languages: ``05/07/2024`` (day first, as
    Vietnamese documents write it; the English output keeps it, so that the two compare)."""
    del lang  # one form for both: a choice written down in docs/translating.md
    return f"{value:%d/%m/%Y}"
