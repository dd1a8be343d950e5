"""The reason of a progress verdict in words, as a Vietnamese report states it: what the
remaining years need, the running total, the years met, what is missing, and what the verdict
rests on. Strings; nothing prints. The numbers are those of the JSON (``required``,
``running_total``, ``years_met`` ...), rounded for reading."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

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
    return [f"thiếu số liệu năm {years}" if lang == "vi" else f"no figure for {years}"]


def _years(result: Progress, lang: Lang) -> list[str]:
    if result.years_judged is None or not result.years_judged:
        return []
    met, judged = result.years_met or 0, result.years_judged
    text = f"{met}/{judged} năm đạt" if lang == "vi" else f"{met}/{judged} years met"
    return [text]


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
    unit = _unit(indicator, lang)
    if method is ProgressMethod.AVERAGE:
        if required <= 0:
            return ["đã bảo đảm mức bình quân" if lang == "vi" else "the mean is secured"]
        each = "mỗi năm còn lại" if left > 1 else "năm còn lại"
        if lang == "vi":
            return [f"{each} cần bình quân {_num(required, lang)}{unit}"]
        return [f"the remaining years need a mean of {_num(required, lang)}{unit}"]
    if method is ProgressMethod.CUMULATIVE:
        if lang == "vi":
            return [f"mỗi năm còn lại cần {_num(required, lang)}{unit}"]
        return [f"each remaining year needs {_num(required, lang)}{unit}"]
    return _pace(result, indicator, lang)


def _growth_need(required: Decimal, left: int, lang: Lang) -> str:
    rate = _num(abs(required), lang) + "%"
    if lang == "vi":
        if required <= 0:
            who = "năm cuối giảm" if left == 1 else "các năm còn lại giảm bình quân"
            return f"đã bảo đảm, trừ khi {who} quá {rate}"
        who = "năm còn lại phải tăng" if left == 1 else "mỗi năm còn lại phải tăng bình quân"
        return f"{who} {rate}"
    if required <= 0:
        who = "the last year falls" if left == 1 else "the remaining years fall on average"
        return f"secured unless {who} by more than {rate}"
    who = "the last year must grow" if left == 1 else "each remaining year must grow on average"
    return f"{who} {rate}"


_SLOW = (ProgressStatus.FAIR, ProgressStatus.LIMITED, ProgressStatus.DETERIORATION)


def _pace(result: Progress, indicator: Indicator | None, lang: Lang) -> list[str]:
    """A level that is behind: the yearly change observed against the change needed."""
    actual, required = result.actual, result.required
    if actual is None or required is None or required == 0 or result.status not in _SLOW:
        return []
    percent = result.method is ProgressMethod.CAGR
    scale, unit = (100, "%") if percent else (1, _unit(indicator, lang))
    observed, needed = actual * scale, required * scale
    if _direction(result) * needed < 0:
        # the start was better than the bound: the pace needed is the most it may lose
        if lang == "vi":
            return [
                f"{_change_vi(observed)} {_num(abs(observed), lang)}{unit}/năm, chỉ được "
                f"{_change_vi(needed)} tối đa {_num(abs(needed), lang)}{unit}/năm"
            ]
        move = "fall" if needed < 0 else "rise"
        return [
            f"{'rising' if observed >= 0 else 'falling'} {_num(abs(observed), lang)}{unit}/yr; "
            f"may {move} at most {_num(abs(needed), lang)}{unit}/yr"
        ]
    if lang == "vi":
        return [
            f"{_change_vi(observed)} {_num(abs(observed), lang)}{unit}/năm, cần "
            f"{_change_vi(needed)} {_num(abs(needed), lang)}{unit}/năm"
        ]
    sign = "+" if needed >= 0 else "-"
    return [
        f"{'rising' if observed >= 0 else 'falling'} {_num(abs(observed), lang)}{unit}/yr; "
        f"needs {sign}{_num(abs(needed), lang)}{unit}/yr"
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


def _change_vi(value: Decimal) -> str:
    return "tăng" if value >= 0 else "giảm"


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
    head = "lũy kế hết năm" if lang == "vi" else "total to the end of"
    parts = [f"{head} {to_date.period}: {total}"]
    if running is not None and running.period != to_date.period:
        day = f"{_MONTH_END.get(running.month, str(running.month))}/{running.period[:4]}"
        value = format_number(running.value, lang)
        parts.append(
            f"lũy kế đến {day}: {value} (gồm số {running.period}, chưa tính vào đánh giá)"
            if lang == "vi"
            else f"running total to {day}: {value} (with {running.period}, not in the verdict)"
        )
    return parts


def _baseline(result: Progress, lang: Lang) -> list[str]:
    alone = result.without_baseline
    base = result.baseline
    if alone is None or base is None:
        return []
    label = PROGRESS_LABEL[lang][alone]
    if lang == "vi":
        return [f"đánh giá dựa vào số gốc {base.period}; riêng chuỗi số liệu: {label}"]
    return [f"the verdict rests on the {base.period} baseline; the series alone: {label}"]


def _boundary(result: Progress, lang: Lang) -> list[str]:
    cut = result.boundary
    if cut is None:
        return []
    if lang == "vi":
        return [
            f"từ {cut.period} số liệu theo địa giới mới, không so với chỉ tiêu cũ; chưa thể "
            "đánh giá cuối nhiệm kỳ theo địa giới cũ"
        ]
    return [
        f"from {cut.period} the figures describe the new boundary and are not compared with "
        "the old targets; no final verdict can be given on the old boundary"
    ]


def _unit(indicator: Indicator | None, lang: Lang) -> str:
    if indicator is None:
        return ""
    if indicator.unit == "%":
        return "%"
    label = unit_label(indicator.unit) if lang == "vi" else indicator.unit
    return " " + label
