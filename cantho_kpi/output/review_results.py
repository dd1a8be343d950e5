"""Section II of the review report, the results, as blocks (:mod:`.review_blocks`): the city's
table of the 21 targets and their figures, the targets not met, the term totals, the progress
toward 2025, the units' figures beside the city's averages, the units' reports, their final
reports and the ranking."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..catalog import N_, word
from ..domain import Lang, format_number, round_label
from ..presentation import (
    LABEL,
    PROGRESS_LABEL,
    SYMBOL,
    WORDS,
    applied_text,
    headline_text,
)
from ..report import FigureRow, LaunchStatus, RoundStatus, Timeliness
from ..targets import bounds_text, indicator_label, target_text, unit_label
from .drive_data import (
    day_text,
    given_lines,
    rank_rows,
    reference_line,
    row_timeliness,
    rule_line,
    timeliness_text,
)
from .review_blocks import Block, Heading, Items, Note, Paragraph, Table, Text, Write, item, lit
from .review_words import REVIEW_WORDS

if TYPE_CHECKING:
    from .review_data import ReviewData


def results_section(data: ReviewData, lang: Lang, *, symbols: bool = True) -> list[Block]:
    """Section II, its parts numbered in order (a part with nothing to say is left out)."""
    words = REVIEW_WORDS[lang]
    review = data.review
    parts: list[tuple[str, list[Block]]] = [
        (words["s_table"], _table(data, lang, symbols)),
        (words["s_not_met"], _not_met(data, lang)),
        (words["s_term"], _term(data, lang)),
        (words["s_progress"], [_progress(data, lang)]),
        (words["s_reference"], _references(data, lang)),
        (words["s_reports"].format(round=round_label(review.round, lang)), _reports(data, lang)),
    ]
    if review.final:
        finals = documents_blocks("final_reports", review.final_reports, lang)
        parts.append((words["s_final_reports"], finals))
    parts.append((words["s_ranking"], _ranking(data, lang, symbols)))
    blocks: list[Block] = []
    number = 0
    for title, body in parts:
        if body:
            number += 1
            blocks += [Heading(2, Text("{n}. {title}", {"n": str(number), "title": title})), *body]
    return blocks


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


def _table(data: ReviewData, lang: Lang, symbols: bool) -> list[Block]:
    """The city's figures, one row each, in the plan's order."""
    words = REVIEW_WORDS[lang]
    review = data.review
    previous = review.previous_round or ""
    blocks: list[Block] = []
    if review.headline is not None:
        text = headline_text(review.headline, lang)
        values = {"city": _city(data, lang), "headline": text}
        blocks.append(Paragraph(Text(words["headline"], values)))
    head = [words["h_code"], words["h_name"], words["h_target"], words["h_value"]]
    head += [words["h_percent"], words["h_change"].format(round=previous), words["h_status"]]
    rows = []
    for row in review.figures:
        status = _status_words(row, lang)
        rows.append(
            (
                row.indicator.code,
                indicator_label(row.indicator, lang),
                _target(row, lang),
                _value(row, lang),
                f"{_number(row.percent, lang)} %" if row.percent is not None else "",
                _change(row.change, lang),
                f"{SYMBOL[row.status]} {status}" if symbols else status,
            )
        )
    blocks.append(Table("figures", tuple(head), tuple(rows)))
    blocks.append(Paragraph(Text(words["percent_note"], {"round": previous})))
    return blocks + _estimates(data, lang)


def _estimates(data: ReviewData, lang: Lang) -> list[Block]:
    """Which figures are estimates: those the unit marked so, else the whole round when the
    drive file's calendar says it is reported as estimates."""
    words = REVIEW_WORDS[lang]
    review = data.review
    if review.estimates:
        codes = ", ".join(sorted({r.code for r in review.estimates}))
        return [Paragraph(Text(words["estimates"], {"codes": codes}))]
    if review.estimate_round:
        name = round_label(review.round, lang)
        return [Paragraph(Text(words["estimate_all"], {"round": name}))]
    return []


def _not_met(data: ReviewData, lang: Lang) -> list[Block]:
    words = REVIEW_WORDS[lang]
    rows = data.review.not_met
    if not rows:
        return [Paragraph(Text(words["none_not_met"]))]
    found = [
        item(
            words["not_met"],
            code=row.indicator.code,
            name=indicator_label(row.indicator, lang),
            value=_value(row, lang),
            target=_target(row, lang),
            status=_status_words(row, lang).lower(),
        )
        for row in rows
    ]
    return [Items(tuple(found))]


def _term(data: ReviewData, lang: Lang) -> list[Block]:
    words = REVIEW_WORDS[lang]
    totals = data.review.term_totals
    if not totals:
        return [Paragraph(Text(words["none_term"]))]
    found = []
    provisional = False
    for total in totals:
        ind = total.indicator
        years = []
        for point in total.years:
            mark = "*" if point.provisional else ""
            provisional = provisional or point.provisional
            years.append(f"{point.year}{mark}: {format_number(point.value, lang)}")
        percent = _number(total.percent, lang) if total.percent is not None else "?"
        found.append(
            item(
                words["term"],
                code=ind.code,
                name=indicator_label(ind, lang),
                total=format_number(total.total, lang),
                goal=_number(ind.min, lang),
                unit=unit_label(ind.unit, lang),
                percent=percent,
                n=str(len(total.years)),
                years="; ".join(years),
                status=PROGRESS_LABEL[lang][total.status].lower(),
            )
        )
    blocks: list[Block] = [Items(tuple(found))]
    return blocks + ([Paragraph(Text(words["provisional"]))] if provisional else [])


def _progress(data: ReviewData, lang: Lang) -> Block:
    words = REVIEW_WORDS[lang]
    progress = data.review.progress
    if progress is None:
        return Write(Text(words["progress_mark"]))
    counts = ", ".join(
        f"{n} {PROGRESS_LABEL[lang][status].lower()}"
        for status, n in progress.plan_targets.items()
        if n
    )
    total = sum(progress.plan_targets.values())
    values = {"city": _city(data, lang), "year": str(progress.term.to), "counts": counts}
    return Paragraph(Text(words["progress"], {**values, "total": str(total)}))


def _references(data: ReviewData, lang: Lang) -> list[Block]:
    words = REVIEW_WORDS[lang]
    rows = data.review.references
    if not rows:
        return []
    found = []
    for row in rows:
        ind = row.indicator
        plan = bounds_text(row.plan.kind, row.plan.min, row.plan.max, ind.unit, lang)
        units = "; ".join(f"{u.unit_code} {_number(u.value, lang)}" for u in row.units)
        found.append(
            item(
                words["reference"],
                code=ind.code,
                name=indicator_label(ind, lang),
                plan=plan,
                units=units,
            )
        )
    return [Paragraph(Text(words["reference_intro"])), Items(tuple(found))]


def _reports(data: ReviewData, lang: Lang) -> list[Block]:
    """The units' reports for the round against its deadline: counts, then who is late, who
    has not sent, whose day of receipt is unknown, whose file is unreadable."""
    words = REVIEW_WORDS[lang]
    rows = data.review.reports
    if not rows:
        return []
    by = {status: [r for r in rows if r.status is status] for status in Timeliness}
    not_due = len(by[Timeliness.NOT_DUE])
    counts = {
        "received": sum(r.file is not None for r in rows),
        "total": len(rows),
        "on_time": len(by[Timeliness.ON_TIME]),
        "late": len(by[Timeliness.LATE]),
        "unknown": len(by[Timeliness.UNKNOWN]),
        "not_received": len(by[Timeliness.NOT_RECEIVED]),
    }
    values = {key: str(n) for key, n in counts.items()}
    values["not_due"] = words["not_due"].format(n=not_due) if not_due else ""
    blocks: list[Block] = [Paragraph(Text(words["reports"], values))]
    late = "; ".join(f"{_who(r)}: {row_timeliness(r, lang)}" for r in by[Timeliness.LATE])
    found = [
        item(words[key], units=text)
        for key, text in (
            ("late", late),
            ("not_received", ", ".join(_who(r) for r in by[Timeliness.NOT_RECEIVED])),
            ("unknown", ", ".join(_who(r) for r in by[Timeliness.UNKNOWN])),
            ("unreadable", ", ".join(_who(r) for r in data.review.unreadable)),
        )
        if text
    ]
    return blocks + ([Items(tuple(found))] if found else [])


def _who(row: RoundStatus) -> str:
    return f"{row.unit_code} ({row.unit})"


def _ranking(data: ReviewData, lang: Lang, symbols: bool) -> list[Block]:
    """The ranking of each cluster, for reference; where its rule comes from; the awards
    already given."""
    ranking = data.review.ranking
    blocks: list[Block] = []
    for cluster in ranking.clusters:
        title = f"{cluster.name} ({ranking.round})"
        head, rows = rank_rows(cluster, ranking, lang, symbols=symbols)
        blocks += [Heading(3, lit(title)), Table("ranking", head, rows)]
    drive, plan = data.drive, ranking.plan
    legend = WORDS[lang]["legend"] if symbols else None  # the status columns' signs
    notes = [legend, reference_line(drive, ranking, lang)]
    notes.append(rule_line(drive, data.drive_file, plan, lang))
    blocks.append(Note(tuple(lit(n) for n in notes if n)))
    given = given_lines(ranking, lang)
    return blocks + ([Items(tuple(lit(g) for g in given))] if given else [])


def documents_blocks(key: str, docs: tuple[LaunchStatus, ...], lang: Lang) -> list[Block]:
    """How many units sent the document (launch or final report), on time or late, who has
    not; then one line per late document."""
    if not docs:
        return []
    words = REVIEW_WORDS[lang]
    sent = [d for d in docs if d.received is not None]
    late = [d for d in sent if d.status is Timeliness.LATE]
    missing = [d for d in docs if d.received is None]
    names = ", ".join(f"{d.unit_code} ({d.unit})" for d in missing)
    values = {
        "due": day_text(docs[0].due),
        "sent": str(len(sent)),
        "total": str(len(docs)),
        "on_time": str(len(sent) - len(late)),
        "late": str(len(late)),
        "missing": words["missing"].format(units=names) if missing else "",
    }
    late_items = [
        lit(
            f"{d.unit_code} ({d.unit}): {timeliness_text(d.status, d.days_late, lang)} "
            f"({day_text(d.received)})"
        )
        for d in late
    ]
    blocks: list[Block] = [Paragraph(Text(words[key], values))]
    return blocks + ([Items(tuple(late_items))] if late_items else [])


def _city(data: ReviewData, lang: Lang) -> str:
    """The city's name, or "the city" in ``lang`` when the targets file names none."""
    return data.city or word(lang, N_("The city"))
