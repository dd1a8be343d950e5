"""Section II of the review report, the results: the city's table of the 21 targets and their
figures, the targets not met, the term totals, the progress toward 2025, the units' figures
beside the city's averages, the units' reports, their final reports and the ranking."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..catalog import N_, word
from ..domain import Lang, format_number, round_label
from ..presentation import LABEL, PROGRESS_LABEL, SYMBOL, applied_text, headline_text
from ..report import FigureRow, LaunchStatus, RoundStatus, Timeliness
from ..targets import bounds_text, indicator_label, target_text, unit_label
from .drive_data import day_text, rank_markdown, row_timeliness, timeliness_text
from .review_words import REVIEW_WORDS, WRITE_MARK

if TYPE_CHECKING:
    from .review_data import ReviewData


def results_section(data: ReviewData, lang: Lang) -> list[str]:
    """Section II, its parts numbered in order (a part with nothing to say is left out)."""
    words = REVIEW_WORDS[lang]
    review = data.review
    parts: list[tuple[str, list[str]]] = [
        (words["s_table"], _table(data, lang)),
        (words["s_not_met"], _not_met(data, lang)),
        (words["s_term"], _term(data, lang)),
        (words["s_progress"], [_progress(data, lang)]),
        (words["s_reference"], _references(data, lang)),
        (words["s_reports"].format(round=round_label(review.round, lang)), _reports(data, lang)),
    ]
    if review.final:
        finals = documents_lines("final_reports", review.final_reports, lang)
        parts.append((words["s_final_reports"], finals))
    ranking = rank_markdown(review.ranking, data.drive, data.drive_file, lang)
    # each cluster's heading one level below the part's
    clusters = [f"#{line}" if line.startswith("### ") else line for line in ranking.splitlines()]
    parts.append((words["s_ranking"], clusters))
    lines: list[str] = []
    number = 0
    for title, body in parts:
        if body:
            number += 1
            lines += [f"### {number}. {title}", "", *body, ""]
    return lines


def _status_words(row: FigureRow, lang: Lang) -> str:
    """``không đạt (thấp)``: the status, and the side of a band it misses on."""
    label = LABEL[lang][row.status]
    return label + (f" ({LABEL[lang][row.side]})" if row.side is not None else "")


def _number(value: Decimal | None, lang: Lang) -> str:
    return "" if value is None else format_number(value, lang)


def _value(row: FigureRow, lang: Lang) -> str:
    """The figure with its unit: ``7,2 %``, ``16,8 bác sĩ/vạn dân``; empty when none."""
    if row.value is None:
        return ""
    unit = row.indicator.unit
    return f"{format_number(row.value, lang)} {'%' if unit == '%' else unit_label(unit, lang)}"


def _target(row: FigureRow, lang: Lang) -> str:
    """The target the figure was judged against; the plan's when there is no figure."""
    if row.target is not None:
        return applied_text(row.target, row.indicator, lang)
    return target_text(row.indicator, lang)


def _change(value: Decimal | None, lang: Lang) -> str:
    if value is None:
        return ""
    text = format_number(abs(value), lang)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text


def _table(data: ReviewData, lang: Lang) -> list[str]:
    """The city's figures, one row each, in the plan's order."""
    words = REVIEW_WORDS[lang]
    review = data.review
    previous = review.previous_round or ""
    lines = []
    if review.headline is not None:
        text = headline_text(review.headline, lang)
        lines += [words["headline"].format(city=_city(data, lang), headline=text), ""]
    head = [words["h_code"], words["h_name"], words["h_target"], words["h_value"]]
    head += [words["h_percent"], words["h_change"].format(round=previous), words["h_status"]]
    lines += ["| " + " | ".join(head) + " |", "|---|---|---|---|---|---|---|"]
    for row in review.figures:
        cells = [
            row.indicator.code,
            _md(indicator_label(row.indicator, lang)),
            _md(_target(row, lang)),
            _md(_value(row, lang)),
            f"{_number(row.percent, lang)} %" if row.percent is not None else "",
            _change(row.change, lang),
            f"{SYMBOL[row.status]} {_status_words(row, lang)}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", words["percent_note"].format(round=previous)]
    return lines + _estimates(data, lang)


def _estimates(data: ReviewData, lang: Lang) -> list[str]:
    """Which figures are estimates: those the unit marked so, else the whole round when the
    drive file's calendar says it is reported as estimates."""
    words = REVIEW_WORDS[lang]
    review = data.review
    if review.estimates:
        codes = ", ".join(sorted({r.code for r in review.estimates}))
        return ["", words["estimates"].format(codes=codes)]
    if review.estimate_round:
        return ["", words["estimate_all"].format(round=round_label(review.round, lang))]
    return []


def _not_met(data: ReviewData, lang: Lang) -> list[str]:
    words = REVIEW_WORDS[lang]
    rows = data.review.not_met
    if not rows:
        return [words["none_not_met"]]
    return [
        words["not_met"].format(
            code=row.indicator.code,
            name=_md(indicator_label(row.indicator, lang)),
            value=_value(row, lang),
            target=_target(row, lang),
            status=_status_words(row, lang).lower(),
        )
        for row in rows
    ]


def _term(data: ReviewData, lang: Lang) -> list[str]:
    words = REVIEW_WORDS[lang]
    totals = data.review.term_totals
    if not totals:
        return [words["none_term"]]
    lines = []
    provisional = False
    for total in totals:
        ind = total.indicator
        years = []
        for point in total.years:
            mark = "*" if point.provisional else ""
            provisional = provisional or point.provisional
            years.append(f"{point.year}{mark}: {format_number(point.value, lang)}")
        percent = _number(total.percent, lang) if total.percent is not None else "?"
        lines.append(
            words["term"].format(
                code=ind.code,
                name=_md(indicator_label(ind, lang)),
                total=format_number(total.total, lang),
                goal=_number(ind.min, lang),
                unit=unit_label(ind.unit, lang),
                percent=percent,
                n=len(total.years),
                years="; ".join(years),
                status=PROGRESS_LABEL[lang][total.status].lower(),
            )
        )
    return lines + (["", words["provisional"]] if provisional else [])


def _progress(data: ReviewData, lang: Lang) -> str:
    words = REVIEW_WORDS[lang]
    progress = data.review.progress
    if progress is None:
        return f"{WRITE_MARK[lang]} {words['progress_mark']}"
    counts = ", ".join(
        f"{n} {PROGRESS_LABEL[lang][status].lower()}"
        for status, n in progress.plan_targets.items()
        if n
    )
    total = sum(progress.plan_targets.values())
    return words["progress"].format(
        city=_city(data, lang), year=progress.term.to, counts=counts, total=total
    )


def _references(data: ReviewData, lang: Lang) -> list[str]:
    words = REVIEW_WORDS[lang]
    rows = data.review.references
    if not rows:
        return []
    lines = [words["reference_intro"], ""]
    for row in rows:
        ind = row.indicator
        plan = bounds_text(row.plan.kind, row.plan.min, row.plan.max, ind.unit, lang)
        units = "; ".join(f"{u.unit_code} {_number(u.value, lang)}" for u in row.units)
        lines.append(
            words["reference"].format(
                code=ind.code, name=_md(indicator_label(ind, lang)), plan=plan, units=units
            )
        )
    return lines


def _reports(data: ReviewData, lang: Lang) -> list[str]:
    """The units' reports for the round against its deadline: counts, then who is late, who
    has not sent, whose day of receipt is unknown, whose file is unreadable."""
    words = REVIEW_WORDS[lang]
    rows = data.review.reports
    if not rows:
        return []
    by = {status: [r for r in rows if r.status is status] for status in Timeliness}
    not_due = len(by[Timeliness.NOT_DUE])
    lines = [
        words["reports"].format(
            received=sum(r.file is not None for r in rows),
            total=len(rows),
            on_time=len(by[Timeliness.ON_TIME]),
            late=len(by[Timeliness.LATE]),
            unknown=len(by[Timeliness.UNKNOWN]),
            not_received=len(by[Timeliness.NOT_RECEIVED]),
            not_due=words["not_due"].format(n=not_due) if not_due else "",
        ),
        "",
    ]
    late = "; ".join(f"{_who(r)}: {row_timeliness(r, lang)}" for r in by[Timeliness.LATE])
    for key, text in (
        ("late", late),
        ("not_received", ", ".join(_who(r) for r in by[Timeliness.NOT_RECEIVED])),
        ("unknown", ", ".join(_who(r) for r in by[Timeliness.UNKNOWN])),
        ("unreadable", ", ".join(_who(r) for r in data.review.unreadable)),
    ):
        if text:
            lines.append(words[key].format(units=_md(text)))
    return lines if len(lines) > 2 else lines[:1]


def _who(row: RoundStatus) -> str:
    return f"{row.unit_code} ({row.unit})"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def documents_lines(key: str, docs: tuple[LaunchStatus, ...], lang: Lang) -> list[str]:
    """How many units sent the document (launch or final report), on time or late, who has
    not; then one line per late document."""
    if not docs:
        return []
    words = REVIEW_WORDS[lang]
    sent = [d for d in docs if d.received is not None]
    late = [d for d in sent if d.status is Timeliness.LATE]
    missing = [d for d in docs if d.received is None]
    names = ", ".join(f"{d.unit_code} ({d.unit})" for d in missing)
    line = words[key].format(
        due=day_text(docs[0].due),
        sent=len(sent),
        total=len(docs),
        on_time=len(sent) - len(late),
        late=len(late),
        missing=words["missing"].format(units=names) if missing else "",
    )
    late_lines = [
        f"- {d.unit_code} ({d.unit}): {timeliness_text(d.status, d.days_late, lang)} "
        f"({day_text(d.received)})"
        for d in late
    ]
    return [line, *([""] if late_lines else []), *late_lines]


def _city(data: ReviewData, lang: Lang) -> str:
    """The city's name, or "the city" in ``lang`` when the targets file names none."""
    return data.city or word(lang, N_("The city"))
