"""The `kpi check` report as Markdown, for pasting into a report: a section per round (its
headline, units, who has not reported, indicators across units, roll-ups), or one unit's files,
then the problems."""

from __future__ import annotations

from ..catalog import word
from ..domain import Lang, Status, round_label
from ..presentation import ROLLUP_LEGEND, ROLLUP_MARK, SYMBOL, WORDS, headline_text
from ..report import Report, indicator_rows, rollups_by_level, unit_rows
from ..submissions import Submission
from ..targets import TargetsFile, rollup_title, target_text
from .data import number_text, short_file
from .file_view import (
    file_headline,
    file_results,
    file_title,
    missing_text,
    no_results_text,
    result_cells,
)


def check_markdown(
    report: Report, targets: TargetsFile, lang: Lang = "vi", *, unit: str | None = None
) -> str:
    """The tables as Markdown, round by round; for one unit (``unit``), that unit's figures
    against the targets that apply to it, file by file, and its missing reports."""
    words = WORDS[lang]
    lines: list[str] = []
    if unit is not None:
        if report.missing_units:
            lines += [f"**{words['missing_units']}:** {_md(missing_text(report))}", ""]
        for sub in report.submissions:
            lines += _submission(report, targets, sub, lang)
    else:
        for name in report.rounds:
            lines += _round(report.for_round(name), targets, lang)
    lines += [f"*{_md(words['legend'])}*", ""]
    lines += [f"*{words['targets_file']}: `{_md(report.targets_file)}`*", ""]
    issues = [i for s in report.submissions for i in s.issues]
    issues += [i for log in report.received_logs for i in log.issues]
    if issues:
        lines += [f"## {words['issues']}", ""]
        lines += [f"- `{_md(str(i.location))}` {i.code}: {_md(i.text(lang))}" for i in issues]
    return "\n".join(lines).rstrip("\n") + "\n"


def _round(part: Report, targets: TargetsFile, lang: Lang) -> list[str]:
    words = WORDS[lang]
    name = part.rounds[0]
    lines = [f"## {words['round']}: {round_label(name, lang)}", ""]
    city = targets.city
    found = part.headline(name, city.code) if city is not None else None
    if city is not None and found is not None:
        lines += [f"**{_md(city.name)}:** {headline_text(found, lang)}", ""]
    lines += _units(part, lang)
    lines += _indicators(part, targets, lang)
    for rollups in rollups_by_level(part.rollups):
        lines += [f"### {rollup_title(rollups[0].level, lang)}", ""]
        header = (words[k] for k in ("rollup_sum", "rollup_city", "rollup_units", "rollup_agrees"))
        lines += [f"| {words['code']} | {' | '.join(header)} |", "|---|---|---|---|---|"]
        for r in rollups:
            count = f"{len(r.units)}" + ("" if r.complete else "\\*")
            agrees = ROLLUP_MARK[r.agrees]
            lines.append(
                f"| {r.code} | {number_text(r.value, lang)} | "
                f"{number_text(r.reported_value, lang)} | {count} | {agrees} |"
            )
        legend = _md(word(lang, ROLLUP_LEGEND)).replace("*", "\\*")
        lines += ["", f"*{legend}*", ""]
    return lines


def _submission(report: Report, targets: TargetsFile, sub: Submission, lang: Lang) -> list[str]:
    words = WORDS[lang]
    lines = [f"## {_md(file_title(sub))}", ""]
    results = file_results(report, sub)
    if not results:
        return [*lines, f"*{no_results_text(sub, lang)}*", ""]
    heads = ("code", "name", "target", "value", "status", "note")
    lines += [f"| {' | '.join(words[k] for k in heads)} |", "|---|---|---|---|---|---|"]
    for result in results:
        lines.append("| " + " | ".join(map(_md, result_cells(result, targets, lang))) + " |")
    headline = file_headline(report, sub, lang)
    if headline is not None:
        lines += ["", f"**{_md(headline)}**"]
    return [*lines, ""]


def _units(part: Report, lang: Lang) -> list[str]:
    words = WORDS[lang]
    symbols = " | ".join(SYMBOL[s] for s in Status)
    lines = [f"### {words['units']}", ""]
    lines += [f"| {words['unit']} | {words['period']} | {words['file']} | {symbols} |"]
    lines += ["|" + "---|" * (3 + len(Status))]
    for row in unit_rows(part):
        sub = row.submission
        name = " ".join(p for p in (sub.unit_code, sub.unit_name) if p) or "?"
        counts = " | ".join(str(row.counts[s]) for s in Status)
        lines.append(
            f"| {_md(name)} | {sub.period or '?'} | {_md(short_file(sub.file))} | {counts} |"
        )
    if part.missing_units:
        names = ", ".join(f"{m.unit_code} ({m.unit})" for m in part.missing_units)
        lines += ["", f"**{words['missing_units']}:** {_md(names)}"]
    return [*lines, ""]


def _indicators(part: Report, targets: TargetsFile, lang: Lang) -> list[str]:
    words = WORDS[lang]
    symbols = " | ".join(SYMBOL[s] for s in Status)
    lines = [f"### {words['indicators']}", ""]
    lines += [
        f"| {words['code']} | {words['target']} | {symbols} | {words['worst']} | {words['best']} |"
    ]
    lines += ["|" + "---|" * (4 + len(Status))]
    for irow in indicator_rows(targets, part):
        counts = " | ".join(str(irow.counts[s]) for s in Status)
        lines.append(
            f"| {irow.indicator.code} | {_md(target_text(irow.indicator, lang))} | {counts} | "
            f"{number_text(irow.worst, lang)} | {number_text(irow.best, lang)} |"
        )
    return [*lines, ""]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
