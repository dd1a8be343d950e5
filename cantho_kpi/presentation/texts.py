"""Results put into words: the target a figure was judged against, a round's headline, a
report's timeliness against its deadline."""

from __future__ import annotations

from ..catalog import Lang, trn
from ..report import AppliedTarget, Headline, Timeliness, base_target
from ..targets import Indicator, TargetsFile, bounds_text
from .words import NO_TARGET, TIMELINESS_LABEL, WORDS


def applied_text(
    target: AppliedTarget | None,
    indicator: Indicator,
    lang: Lang,
    reference: AppliedTarget | None = None,
) -> str:
    """The target a figure was judged against: ``≥ 96 % (riêng)`` for a unit's own, ``—`` for
    none (``— (TP: < 0,5 %)`` with the city's average beside it, for reference); a pro-rata
    target shows the bounds it was scaled to."""
    words = WORDS[lang]
    if target is None and reference is not None:
        plan = bounds_text(reference.kind, reference.min, reference.max, indicator.unit, lang)
        return words["reference"].format(plan=plan)
    if target is None:
        return NO_TARGET
    text = bounds_text(target.kind, target.min, target.max, indicator.unit, lang)
    return f"{text} ({words['own_target']})" if target.source == "unit" else text


def unit_target_text(
    targets: TargetsFile, unit_code: str | None, indicator: Indicator, lang: Lang = "vi"
) -> str:
    """The target that applies to the unit's figure, as a person reads it (its own marked
    ``(riêng)``, ``—`` when none applies): for forms and tables that are not about one round."""
    return applied_text(base_target(targets, unit_code, indicator), indicator, lang)


def headline_text(headline: Headline, lang: Lang, *, city: bool = True) -> str:
    """``đạt và vượt 13/20 chỉ tiêu có số liệu, 1 chỉ tiêu chưa đến kỳ đánh giá (tổng số
    21)``: what the count leaves out is said beside it."""
    words = WORDS[lang]
    values = {**headline.counts(), "with_data": headline.with_data}
    parts = [words["headline"].format(**values)]
    if headline.pending:
        parts.append(words["headline_pending"].format(**values))
    if headline.no_data:
        parts.append(words["headline_no_data"].format(**values))
    total = words["headline_total" if city else "headline_unit_total"].format(**values)
    return ", ".join(parts) + f" ({total})"


def timeliness_text(status: Timeliness, days: int, lang: Lang, *, written: bool = False) -> str:
    """``on time``, ``late by 4 days``; ``written``: late by at least so many days, by the day
    written on the report (the day it was received is not known)."""
    if written:
        return trn(
            lang,
            "late by at least {count} day (by the day written)",
            "late by at least {count} days (by the day written)",
            days,
        )
    if status is Timeliness.LATE:
        return trn(lang, "late by {count} day", "late by {count} days", days)
    return TIMELINESS_LABEL[lang][status.value]
