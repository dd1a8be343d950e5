"""The page's block for each of the plan's numbered targets, and in it each figure: the status
in words with its reason, the facts (the target, the method, the latest figure, CR, the
projection, the figure to date, a series break), the chart and its data table. Built from the
progress result of the figure (:class:`~cantho_kpi.report.Progress`)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from ...domain import Lang, format_number
from ...presentation import LABEL, SYMBOL
from ...report import WEAKEST_FIRST, Progress, ProgressStatus
from ...targets import Indicator, ProgressMethod, TargetsFile, bounds_text, indicator_label
from ..progress import cr_text
from ..progress_reason import reason_text
from .blocks import Context, Fact, FigureBlock, TargetBlock, progress_badge, unit_text
from .chart import chart_of
from .datatable import data_table
from .words import PAGE_WORDS

_CENT = Decimal("0.01")


def target_blocks(ctx: Context, results: dict[str, Progress]) -> list[TargetBlock]:
    """One block per numbered target of the plan, in its order, each with its figures."""
    numbers: dict[int, list[Indicator]] = {}
    for indicator in ctx.targets.indicators:
        numbers.setdefault(indicator.number, []).append(indicator)
    words = PAGE_WORDS[ctx.lang]
    blocks = []
    for number, figures in numbers.items():
        found = [results[i.code] for i in figures if i.code in results]
        title = target_title(ctx.targets, figures, ctx.lang)
        blocks.append(
            TargetBlock(
                number=number,
                anchor=f"t{number}",
                title=title,
                heading=words["target_heading"].format(number=number, title=title),
                badge=progress_badge(weakest(found), ctx.lang) if found else None,
                figures=tuple(figure_block(ctx, i, results.get(i.code)) for i in figures),
            )
        )
    return blocks


def weakest(results: list[Progress]) -> ProgressStatus:
    """The status a numbered target counts by: its weakest figure's (as the headline)."""
    return min((r.status for r in results), key=WEAKEST_FIRST.index)


def target_title(targets: TargetsFile, figures: list[Indicator], lang: Lang) -> str:
    """A numbered target's name: its one figure's; a group's name when the targets file
    gives one (CT03: the economy's structure); the words its figures' names share before a
    colon (CT15: clean water); else the names in turn."""
    names = [indicator_label(i, lang) for i in figures]
    if len(names) == 1:
        return names[0]
    codes = [i.code for i in figures]
    for group in targets.groups:
        if group.members == codes and group.name_vi and lang == "vi":
            return group.name_vi
    heads = {name.split(":", 1)[0].strip() for name in names}
    if len(heads) == 1:
        return heads.pop()
    return "; ".join(names)


# -- one figure ------------------------------------------------------------------------------


def figure_block(ctx: Context, indicator: Indicator, result: Progress | None) -> FigureBlock:
    words = PAGE_WORDS[ctx.lang]
    name = indicator_label(indicator, ctx.lang)
    plan = words["plan_says"].format(text=indicator.plan_text)
    if result is None:
        empty = words["no_result"].format(unit=ctx.unit_name)
        return FigureBlock(indicator.code, name, plan, None, "", (), None, None, empty)
    target = _target_text(result, indicator, ctx.lang)
    chart = chart_of(result, indicator, ctx.first_year, ctx.last_year, target, ctx.lang)
    return FigureBlock(
        code=indicator.code,
        name=name,
        plan_text=plan,
        badge=progress_badge(result.status, ctx.lang),
        reason=reason_text(result, indicator, ctx.last_year, ctx.lang),
        facts=tuple(_facts(ctx, indicator, result, target)),
        chart=chart,
        table=data_table(ctx, indicator, result, chart, target),
        empty="",
    )


def _target_text(result: Progress, indicator: Indicator, lang: Lang) -> str:
    target = result.target
    if target is None:
        return bounds_text(indicator.kind, indicator.min, indicator.max, indicator.unit, lang)
    return bounds_text(target.kind, target.min, target.max, indicator.unit, lang)


def _facts(ctx: Context, indicator: Indicator, result: Progress, target: str) -> list[Fact]:
    words = PAGE_WORDS[ctx.lang]
    lang = ctx.lang
    own = result.target is not None and result.target.source == "unit"
    method = words[f"m_{result.method.value}"].format(to=ctx.last_year)
    facts = [
        Fact(words["f_target"], f"{target} {words['f_own']}" if own else target),
        Fact(words["f_method"], method + (words["fallback"] if result.fallback else "")),
    ]
    latest = result.latest
    if latest is not None:
        value = f"{format_number(latest.value, lang)} {unit_text(indicator, lang)}"
        facts.append(Fact(words["f_latest"], f"{value} ({latest.year})"))
    counted = cr_text(result, lang)
    if counted:
        facts.append(Fact(words["f_years" if result.years_judged else "f_cr"], counted))
    facts += _projection_facts(ctx, indicator, result)
    cut = result.shown_break
    if cut is not None:
        kind = words[f"break_{cut.kind.value}"]
        text = words["break_text"].format(period=cut.period, kind=kind, reason=cut.reason)
        facts.append(Fact(words["f_break"], text))
    return facts


def _projection_facts(ctx: Context, indicator: Indicator, result: Progress) -> list[Fact]:
    words = PAGE_WORDS[ctx.lang]
    lang, unit = ctx.lang, unit_text(indicator, ctx.lang)
    facts = []
    projection = result.projection
    if projection is not None and not result.final:
        which = {
            ProgressMethod.AVERAGE: "projection_mean",
            ProgressMethod.AVERAGE_GROWTH: "projection_mean",
            ProgressMethod.CUMULATIVE: "projection_total",
        }.get(result.method, "projection_text")
        text = words[which].format(
            value=format_number(projection.value, lang),
            unit=unit,
            status=f"{SYMBOL[projection.status]} {LABEL[lang][projection.status]}",
        )
        facts.append(Fact(words["f_projection"].format(year=projection.year), text))
    found = result.to_date
    if found is not None:
        key = {"figure": "to_date_figure", "total": "to_date_total"}.get(
            found.basis, "to_date_mean"
        )
        text = words[key].format(
            value=format_number(found.value.quantize(_CENT, rounding=ROUND_HALF_EVEN), lang),
            unit=unit,
            period=found.period,
            status=f"{SYMBOL[found.status]} {LABEL[lang][found.status]}",
        )
        facts.append(Fact(words["f_to_date"], text))
    return facts
