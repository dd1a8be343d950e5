"""The drive's review report (báo cáo sơ kết / tổng kết), in Vietnamese by default, from
:class:`cantho_kpi.report.Review`: its outline (:mod:`.review_blocks`), written as Markdown
here and as a Word document by :mod:`.review_docx`. Nothing is written to a file here.

Its order is that of such a report: the review's date and data (the plan's III.1), the
direction of the drive, the results, the shortcomings and their causes, the lessons, the
awards (the plan's III.2, in its order: Giấy khen, then the Chairman's Bằng khen), the
directions ahead. What only people can write is a marked place (``[CẦN VIẾT]``): in the
Markdown, and highlighted in the Word document.
"""

from __future__ import annotations

from ..domain import Lang, round_label
from .drive_data import day_text, given_lines, rule_line
from .review_blocks import (
    Block,
    Heading,
    Items,
    Note,
    Outline,
    Paragraph,
    Text,
    Write,
    lit,
    markdown as outline_markdown,
)
from .review_data import ReviewData
from .review_results import documents_blocks, results_section
from .review_words import REVIEW_WORDS, WRITE_MARK

#: Where the progress statement goes when the files hold fewer than two years.
PROGRESS_MARK = f"{WRITE_MARK['vi']} {REVIEW_WORDS['vi']['progress_mark']}"


def review_markdown(data: ReviewData, lang: Lang = "vi") -> str:
    return outline_markdown(review_outline(data, lang))


def review_outline(data: ReviewData, lang: Lang = "vi", *, symbols: bool = True) -> Outline:
    """The review's content in order; ``symbols``: the statuses' signs beside their words
    (``✓ Đạt``), for a screen; a printed document has the words only."""
    words = REVIEW_WORDS[lang]
    review = data.review
    kind = words["final" if review.final else "interim"]
    body: list[Block] = [_section(words["s_directing"]), _write(words["w_directing"])]
    body += documents_blocks("launch", review.launch, lang)
    body += [_section(words["s_results"]), *results_section(data, lang, symbols=symbols)]
    body += [_section(words["s_shortcomings"]), _write(words["w_shortcomings"])]
    body += [_write(words["w_causes"])]
    body += [_section(words["s_lessons"]), _write(words["w_lessons"])]
    body += [_section(words["s_awards"]), *_awards(data, lang)]
    when = "" if review.final else words["next_interim"]
    body += [_section(words["s_next"].format(when=when)), _write(words["w_next"])]
    return Outline(
        title=Text(words["title"], {"kind": kind}),
        name=data.drive.name,
        made=Text(words["made"]),
        facts=Items(tuple(_header(data, lang))),
        body=tuple(body),
        mark=WRITE_MARK[lang],
    )


def _section(title: str) -> Heading:
    return Heading(1, Text(title))


def _write(what: str) -> Write:
    return Write(Text(what))


def _header(data: ReviewData, lang: Lang) -> list[Text]:
    """The review's date, the round it uses, the data cut-off, the files."""
    words = REVIEW_WORDS[lang]
    review = data.review
    if review.review_when is None:
        lines = [Text(words["no_review"], {"round": round_label(review.round, lang)})]
    else:
        when = _when_text(review.review_when)
        lines = [Text(words["when_final" if review.final else "when_interim"], {"when": when})]
    deadline = words["deadline"].format(day=day_text(review.deadline)) if review.deadline else ""
    estimate = words["estimate"] if review.estimate_round else ""
    name = round_label(review.round, lang)
    values = {"round": name, "deadline": deadline, "estimate": estimate}
    lines.append(Text(words["data"], values))
    if review.as_of is not None:
        lines.append(Text(words["cut_off"], {"day": day_text(review.as_of)}))
    else:
        lines.append(Text(words["no_cut_off"]))
    files = {"targets": data.targets_file, "drive": data.drive_file}
    lines.append(Text(words["files"], files))
    return lines


def _when_text(text: str) -> str:
    return f"{text[5:7]}/{text[:4]}" if len(text) == 7 else f"{text[8:10]}/{text[5:7]}/{text[:4]}"


def _awards(data: ReviewData, lang: Lang) -> list[Block]:
    """The plan's awards in its order (III.2): who gives each, to whom; the reference list of
    candidates for the city's award at the final review only, with the rule said as the drive
    file's and the awards already given."""
    words = REVIEW_WORDS[lang]
    awards = data.drive.awards
    blocks: list[Block] = []
    for number, kind in enumerate(awards.kinds, 1):
        blocks.append(
            Heading(2, Text("{number}. {name}", {"number": str(number), "name": kind.name}))
        )
        values = {
            "name": kind.name,
            "plan": kind.plan or "",
            "authority": kind.authority,
            "recipients": kind.recipients,
        }
        blocks.append(Paragraph(Text(words["kind"], values)))
        if kind.given_by == "unit_head":
            blocks.append(Paragraph(Text(words["unit_head"])))
            blocks.append(Write(Text(words["w_unit_head"], {"name": kind.name})))
        elif kind.id == awards.candidate_for and data.review.final:
            blocks += _candidates(data, lang)
        else:
            review = words["final" if data.review.final else "interim"].lower()
            text = words["not_this_review"].format(
                review=review, round=data.review.ranking.final_round
            )
            blocks.append(Paragraph(lit(text)))
    return blocks


def _candidates(data: ReviewData, lang: Lang) -> list[Block]:
    words = REVIEW_WORDS[lang]
    ranking = data.review.ranking
    found = []
    for cluster in ranking.clusters:
        chosen = [s for s in cluster.ranking if s.candidate]
        if not chosen:
            found.append(Text(words["no_candidates"].removeprefix("- "), {"cluster": cluster.name}))
            continue
        units = []
        for s in chosen:
            rounds = ", ".join(s.term.rounds) if s.term else ranking.round
            units.append(f"{s.unit} ({s.unit_code}; {words['basis'].format(rounds=rounds)})")
        values = {"cluster": cluster.name, "units": "; ".join(units)}
        found.append(Text(words["candidates"].removeprefix("- "), values))
    rule = rule_line(data.drive, data.drive_file, data.targets.plan.id, lang)
    blocks: list[Block] = [Paragraph(Text(words["candidates_intro"])), Items(tuple(found))]
    blocks.append(Note((lit(rule),)))
    given = given_lines(ranking, lang)
    if given:
        blocks.append(Items(tuple(lit(g) for g in given)))
    return [*blocks, Write(Text(words["w_candidates"]))]
