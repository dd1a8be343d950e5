"""Everything the web page of ``kpi report`` shows, as plain data for its template, built from
the same report models the other formats use: the progress report (the series and verdicts of
``kpi progress``), the check report (the latest round's headline, the units' files, their
notes), the drive's calendar and ranking."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain import Lang, format_number, round_label
from ...presentation import PROGRESS_ORDER, headline_text
from ..formats.views import ReportView
from .blocks import Badge, Context, DataTable, TargetBlock, progress_badge
from .figures import target_blocks
from .sections import RankingSection, UnitsSection, problems_table, ranking_section, units_section
from .words import PAGE_WORDS


@dataclass(frozen=True, slots=True)
class Count:
    badge: Badge
    count: int


@dataclass(frozen=True, slots=True)
class Page:
    lang: Lang
    words: dict[str, str]
    title: str
    unit: str
    meta: tuple[str, ...]
    latest: str  # the latest round's line
    headline: str
    progress_line: str
    counts: tuple[Count, ...]
    method_note: str
    overview_caption: str
    targets: tuple[TargetBlock, ...]
    units: UnitsSection
    ranking: RankingSection
    problems: DataTable | None


def build_page(view: ReportView) -> Page:
    lang, targets, progress = view.lang, view.targets, view.progress
    words = PAGE_WORDS[lang]
    code = progress.headline_unit or (targets.city.code if targets.city else "")
    found = targets.unit(code)
    unit_name = found.name if found else code
    term = progress.term
    year = _as_of(view)
    results = {r.code: r for r in progress.results if r.unit_code == code}
    ctx = Context(
        targets=targets,
        unit=code,
        unit_name=unit_name,
        first_year=term.from_ - 1,
        last_year=term.to,
        lang=lang,
        notes={(r.file or "", r.code): r.note for r in view.report.results if r.note},
    )
    blocks = target_blocks(ctx, results)
    latest = view.rounds[-1] if view.rounds else None
    counts = tuple(
        Count(progress_badge(s, lang), progress.plan_targets[s])
        for s in PROGRESS_ORDER
        if progress.plan_targets.get(s)
    )
    return Page(
        lang=lang,
        words=dict(words),
        title=words["title"].format(plan=targets.plan.id),
        unit=words["of_unit"].format(unit=unit_name, code=code),
        meta=_meta(view, year),
        latest=words["latest_round"].format(round=round_label(latest, lang)) if latest else "",
        headline=_headline(view, latest, code, unit_name),
        progress_line=words["progress_headline"].format(
            to=term.to, total=sum(progress.plan_targets.values()), unit=unit_name
        ),
        counts=counts,
        method_note=_method_note(view),
        overview_caption=words["overview_caption"].format(to=term.to),
        targets=tuple(blocks),
        units=units_section(
            targets, view.report, view.rounds, view.timeliness, view.drive is not None, lang
        ),
        ranking=ranking_section(view.ranking, view.drive, view.drive_file, latest, lang),
        problems=problems_table(progress.issues, lang),
    )


def _as_of(view: ReportView) -> int | None:
    """The year the page stands at: ``--as-of``, else the latest year of the figures."""
    if view.progress.as_of is not None:
        return view.progress.as_of
    years = [p.year for r in view.progress.results for p in r.series]
    return max(years) if years else None


def _meta(view: ReportView, year: int | None) -> tuple[str, ...]:
    words = PAGE_WORDS[view.lang]
    term = view.progress.term
    lines = []
    if year is not None:
        lines.append(words["as_of"].format(year=year, first=term.from_, last=term.to))
    rounds = ", ".join(round_label(r, view.lang) for r in view.rounds)
    lines.append(words["rounds_read"].format(rounds=rounds or words["none"]))
    drive = view.drive_file if view.drive is not None and view.drive_file else words["no_drive"]
    lines.append(words["files"].format(targets=view.progress.targets_file, drive=drive))
    return tuple(lines)


def _headline(view: ReportView, latest: str | None, code: str, unit_name: str) -> str:
    """The latest round's headline of the unit the page is about, as ``kpi check`` words it
    (the city's over the plan's 21 targets, another unit's over those that apply to it)."""
    words = PAGE_WORDS[view.lang]
    if latest is None or not code:
        return ""
    report = view.report
    found = report.headline(latest, code)
    if found is None:
        return words["no_headline"].format(unit=unit_name)
    text = headline_text(found, view.lang, city=code == report.city_code)
    return words["headline"].format(unit=unit_name, headline=text)


def _method_note(view: ReportView) -> str:
    limits = view.targets.progress.thresholds
    lang = view.lang
    return PAGE_WORDS[lang]["method_note"].format(
        to=view.progress.term.to,
        on_track=format_number(limits.on_track, lang),
        fair=format_number(limits.fair, lang),
        limited=format_number(limits.limited, lang),
    )
