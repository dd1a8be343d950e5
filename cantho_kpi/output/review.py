"""The skeleton of the drive's review report (báo cáo sơ kết / tổng kết) as Markdown, in
Vietnamese by default, from :class:`cantho_kpi.report.Review`. A string; nothing is written here.

Its order is that of such a report: the review's date and data (the plan's III.1), the
direction of the drive, the results, the shortcomings and their causes, the lessons, the
awards (the plan's III.2, in its order: Giấy khen, then the Chairman's Bằng khen), the
directions ahead. What only people can write is a marked place (``[CẦN VIẾT]``), visible in the
Markdown and in a Word document made from it. Markdown was chosen over a workbook: the report
is a text document pasted into the official template (Word), or converted with pandoc.
"""

from __future__ import annotations

from ..domain import Lang, round_label
from .drive_data import day_text, given_lines, rule_line
from .review_data import ReviewData
from .review_results import documents_lines, results_section
from .review_words import REVIEW_WORDS, WRITE_MARK

#: Where the progress statement goes when the files hold fewer than two years.
PROGRESS_MARK = f"{WRITE_MARK['vi']} {REVIEW_WORDS['vi']['progress_mark']}"


def review_markdown(data: ReviewData, lang: Lang = "vi") -> str:
    words = REVIEW_WORDS[lang]
    review = data.review
    kind = words["final" if review.final else "interim"]
    lines = [f"# {words['title'].format(kind=kind)}", "", f"**{data.drive.name}**", ""]
    lines += [words["made"], "", *_header(data, lang), ""]
    lines += [f"## {words['s_directing']}", "", _write(words["w_directing"], lang), ""]
    lines += [*documents_lines("launch", review.launch, lang), ""]
    lines += [f"## {words['s_results']}", "", *results_section(data, lang)]
    lines += [f"## {words['s_shortcomings']}", ""]
    lines += [_write(words["w_shortcomings"], lang), "", _write(words["w_causes"], lang), ""]
    lines += [f"## {words['s_lessons']}", "", _write(words["w_lessons"], lang), ""]
    lines += [f"## {words['s_awards']}", "", *_awards(data, lang)]
    when = "" if review.final else words["next_interim"]
    lines += [f"## {words['s_next'].format(when=when)}", "", _write(words["w_next"], lang)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _write(what: str, lang: Lang) -> str:
    return f"{WRITE_MARK[lang]} {what}"


def _header(data: ReviewData, lang: Lang) -> list[str]:
    """The review's date, the round it uses, the data cut-off, the files."""
    words = REVIEW_WORDS[lang]
    review = data.review
    if review.review_when is None:
        lines = [words["no_review"].format(round=round_label(review.round, lang))]
    else:
        when = _when_text(review.review_when)
        lines = [words["when_final" if review.final else "when_interim"].format(when=when)]
    deadline = words["deadline"].format(day=day_text(review.deadline)) if review.deadline else ""
    estimate = words["estimate"] if review.estimate_round else ""
    name = round_label(review.round, lang)
    lines.append(words["data"].format(round=name, deadline=deadline, estimate=estimate))
    if review.as_of is not None:
        lines.append(words["cut_off"].format(day=day_text(review.as_of)))
    else:
        lines.append(words["no_cut_off"])
    lines.append(words["files"].format(targets=data.targets_file, drive=data.drive_file))
    return [f"- {line}" for line in lines]


def _when_text(text: str) -> str:
    return f"{text[5:7]}/{text[:4]}" if len(text) == 7 else f"{text[8:10]}/{text[5:7]}/{text[:4]}"


def _awards(data: ReviewData, lang: Lang) -> list[str]:
    """The plan's awards in its order (III.2): who gives each, to whom; the reference list of
    candidates for the city's award at the final review only, with the rule said as the drive
    file's and the awards already given."""
    words = REVIEW_WORDS[lang]
    awards = data.drive.awards
    lines: list[str] = []
    for number, kind in enumerate(awards.kinds, 1):
        lines += [f"### {number}. {kind.name}", ""]
        lines += [
            words["kind"].format(
                name=kind.name,
                plan=kind.plan or "",
                authority=kind.authority,
                recipients=kind.recipients,
            ),
            "",
        ]
        if kind.given_by == "unit_head":
            lines += [
                words["unit_head"],
                "",
                _write(words["w_unit_head"].format(name=kind.name), lang),
            ]
        elif kind.id == awards.candidate_for and data.review.final:
            lines += _candidates(data, lang)
        else:
            review = words["final" if data.review.final else "interim"].lower()
            lines.append(
                words["not_this_review"].format(
                    review=review, round=data.review.ranking.final_round
                )
            )
        lines.append("")
    return lines


def _candidates(data: ReviewData, lang: Lang) -> list[str]:
    words = REVIEW_WORDS[lang]
    ranking = data.review.ranking
    lines = [words["candidates_intro"], ""]
    for cluster in ranking.clusters:
        chosen = [s for s in cluster.ranking if s.candidate]
        if not chosen:
            lines.append(words["no_candidates"].format(cluster=cluster.name))
            continue
        units = []
        for s in chosen:
            rounds = ", ".join(s.term.rounds) if s.term else ranking.round
            units.append(f"{s.unit} ({s.unit_code}; {words['basis'].format(rounds=rounds)})")
        lines.append(words["candidates"].format(cluster=cluster.name, units="; ".join(units)))
    lines += ["", f"*{rule_line(data.drive, data.drive_file, data.targets.plan.id, lang)}*"]
    given = given_lines(ranking, lang)
    lines += [*([""] if given else []), *(f"- {g}" for g in given)]
    return [*lines, "", _write(words["w_candidates"], lang)]
