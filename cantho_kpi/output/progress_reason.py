"""The reason of a progress verdict in words, as a Vietnamese report states it: what the
remaining years need, the running total, the years met, what is missing, and what the verdict
rests on. Strings; nothing prints. The numbers are those of the JSON (``required``,
``running_total``, ``years_met`` ...), rounded for reading."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from ..catalog import N_, tr, word
from ..domain import Lang, TargetKind, format_number
from ..presentation import PROGRESS_LABEL
from ..report import Progress, ProgressStatus
from ..targets import Indicator, ProgressMethod, unit_label

_CENT = Decimal("0.01")
_MONTH_END = {3: "31/3", 6: "30/6", 9: "30/9", 12: "31/12"}


def reason_text(result: Progress, indicator: Indicator | None, term_to: int, lang: Lang) -> str:
    """``mỗi năm còn lại phải tăng 16,27 %``, ``3/4 năm đạt; không đạt năm 2021`` ...: the
    notes that say why the status is what it is, joined by ``; ``."""
    parts = [
        *_missing(result, lang),
        *_years(result, lang),
        *_need(result, indicator, term_to, lang),
        *_running(result, indicator, lang),
        *_baseline(result, lang),
        *_boundary(result, lang),
    ]
    return "; ".join(p for p in parts if p)


def _num(value: Decimal, lang: Lang) -> str:
    return format_number(value.quantize(_CENT, rounding=ROUND_HALF_EVEN), lang)


def _missing(result: Progress, lang: Lang) -> list[str]:
    if not result.missing_years:
        return []
    years = ", ".join(str(y) for y in result.missing_years)
    return [tr(lang, "no figure for {years}", years=years)]


def _years(result: Progress, lang: Lang) -> list[str]:
    if result.years_judged is None or not result.years_judged:
        return []
    met, judged = result.years_met or 0, result.years_judged
    return [tr(lang, "{met}/{judged} years met", met=met, judged=judged)]


def _need(result: Progress, indicator: Indicator | None, term_to: int, lang: Lang) -> list[str]:
    """What the rest of the term needs (the term methods), or the pace against the pace needed
    (a level)."""
    required = result.required
    if required is None or result.final or result.status is ProgressStatus.ACHIEVED:
        return []
    used = [p.year for p in result.series if p.used]
    left = max(term_to - used[-1], 1) if used else 1
    method = result.method
    if method is ProgressMethod.AVERAGE_GROWTH:
        return [_growth_need(required, left, lang)]
    values = {"value": _num(required, lang), "unit": _unit(indicator, lang)}
    if method is ProgressMethod.AVERAGE:
        if required <= 0:
            return [tr(lang, "the mean is secured")]
        if left > 1:
            return [
                tr(
                    lang,
                    "the remaining years need a mean of {value}{unit}",
                    **values,
                )
            ]
        return [
            tr(
                lang,
                "the remaining year needs a mean of {value}{unit}",
                **values,
            )
        ]
    if method is ProgressMethod.CUMULATIVE:
        return [
            tr(
                lang,
                "each remaining year needs {value}{unit}",
                **values,
            )
        ]
    return _pace(result, indicator, lang)


#: What a yearly growth rate must be, by whether it is secured and whether one year is left.
_GROWTH = {
    (True, True): N_(
        "secured unless the last year falls by more than {rate}",
    ),
    (True, False): N_(
        "secured unless the remaining years fall on average by more than {rate}",
    ),
    (False, True): N_("the last year must grow {rate}"),
    (False, False): N_(
        "each remaining year must grow on average {rate}",
    ),
}


def _growth_need(required: Decimal, left: int, lang: Lang) -> str:
    rate = _num(abs(required), lang) + "%"
    return tr(lang, _GROWTH[required <= 0, left == 1], rate=rate)


_SLOW = (ProgressStatus.FAIR, ProgressStatus.LIMITED, ProgressStatus.DETERIORATION)


def _pace(result: Progress, indicator: Indicator | None, lang: Lang) -> list[str]:
    """A level that is behind: the yearly change observed against the change needed."""
    actual, required = result.actual, result.required
    if actual is None or required is None or required == 0 or result.status not in _SLOW:
        return []
    percent = result.method is ProgressMethod.CAGR
    scale, unit = (100, "%") if percent else (1, _unit(indicator, lang))
    observed, needed = actual * scale, required * scale
    values = {
        "trend": word(lang, N_("rising") if observed >= 0 else N_("falling")),
        "observed": _num(abs(observed), lang),
        "needed": _num(abs(needed), lang),
        "unit": unit,
    }
    if _direction(result) * needed < 0:
        # the start was better than the bound: the pace needed is the most it may lose
        move = N_("fall") if needed < 0 else N_("rise")
        return [
            tr(
                lang,
                "{trend} {observed}{unit}/yr; may {move} at most {needed}{unit}/yr",
                move=word(lang, move),
                **values,
            )
        ]
    if needed >= 0:
        return [
            tr(
                lang,
                "{trend} {observed}{unit}/yr; needs +{needed}{unit}/yr",
                **values,
            )
        ]
    return [
        tr(
            lang,
            "{trend} {observed}{unit}/yr; needs -{needed}{unit}/yr",
            **values,
        )
    ]


def _direction(result: Progress) -> int:
    """+1 when higher is better toward the target, -1 when lower is (a band: from the side
    the latest figure misses on, else the side of the start), as the ratio CR reads it."""
    target, start, latest = result.target, result.start, result.latest
    if target is None or start is None or latest is None:
        return 1
    if target.kind in (TargetKind.AT_MOST, TargetKind.BELOW):
        return -1
    if target.kind is TargetKind.BAND and target.min is not None and target.max is not None:
        inside = target.min <= latest.value <= target.max
        below = start.value < target.min if inside else latest.value < target.min
        return 1 if below else -1
    return 1


def _running(result: Progress, indicator: Indicator | None, lang: Lang) -> list[str]:
    """A term total: the sum of whole years against the total, and the running total with the
    latest part-year figure."""
    to_date, running = result.to_date, result.running_total
    if to_date is None or result.method is not ProgressMethod.CUMULATIVE:
        return []
    target = result.target.min if result.target else None
    share = ""
    if target:
        share = f" ({_num(to_date.value * 100 / target, lang)}%)"
    of = f"/{format_number(target, lang)}" if target is not None else ""
    total = f"{format_number(to_date.value, lang)}{of}{share}"
    parts = [
        tr(
            lang,
            "total to the end of {period}: {total}",
            period=to_date.period,
            total=total,
        )
    ]
    if running is not None and running.period != to_date.period:
        day = f"{_MONTH_END.get(running.month, str(running.month))}/{running.period[:4]}"
        parts.append(
            tr(
                lang,
                "running total to {day}: {value} (with {period}, not in the verdict)",
                day=day,
                value=format_number(running.value, lang),
                period=running.period,
            )
        )
    return parts


def _baseline(result: Progress, lang: Lang) -> list[str]:
    alone = result.without_baseline
    base = result.baseline
    if alone is None or base is None:
        return []
    return [
        tr(
            lang,
            "the verdict rests on the {period} baseline; the series alone: {status}",
            period=base.period,
            status=PROGRESS_LABEL[lang][alone],
        )
    ]


def _boundary(result: Progress, lang: Lang) -> list[str]:
    cut = result.boundary
    if cut is None:
        return []
    return [
        tr(
            lang,
            "from {period} the figures describe the new boundary and are not compared with the "
            "old targets; no final verdict can be given on the old boundary",
            period=cut.period,
        )
    ]


def _unit(indicator: Indicator | None, lang: Lang) -> str:
    if indicator is None:
        return ""
    if indicator.unit == "%":
        return "%"
    return " " + unit_label(indicator.unit, lang)
