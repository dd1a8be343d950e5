"""The parts of the `kpi check` tables that belong to a round: its heading with the city's
headline, the roll-ups beside the city's own figures, and a target as it was applied."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..catalog import word
from ..domain import Lang, round_label
from ..presentation import ROLLUP_LEGEND, ROLLUP_MARK, WORDS, headline_text
from ..report import Report, Rollup
from ..targets import TargetsFile, rollup_title
from .data import number_text


def draw_round_heading(report: Report, targets: TargetsFile, console: Console, lang: Lang) -> None:
    """The round's name, and the city's headline for it."""
    words = WORDS[lang]
    name = report.rounds[0]
    console.print(Text(f"{words['round']}: {round_label(name, lang)}", style="bold underline"))
    city = targets.city
    found = report.headline(name, city.code) if city is not None else None
    if city is not None and found is not None:
        line = Text(f"{city.name}: {headline_text(found, lang)}", style="bold")
        console.print(line)


def rollups_table(rollups: list[Rollup], lang: Lang) -> Table:
    """The roll-ups of one level (a group of :func:`~cantho_kpi.report.rollups_by_level`),
    titled by it: "Cộng dồn từ các quận, huyện", "Cộng dồn từ các xã, phường"."""
    words = WORDS[lang]
    title = rollup_title(rollups[0].level, lang)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    table.add_column(words["code"], no_wrap=True)
    for key in ("rollup_sum", "rollup_city"):
        table.add_column(words[key], justify="right", no_wrap=True)
    table.add_column(words["rollup_units"], justify="right", no_wrap=True)
    table.add_column(words["rollup_agrees"], no_wrap=True)
    for rollup in rollups:
        style = {True: "green", False: "red", None: ""}[rollup.agrees]
        table.add_row(
            rollup.code,
            number_text(rollup.value, lang),
            number_text(rollup.reported_value, lang),
            f"{len(rollup.units)}" + ("" if rollup.complete else "*"),
            Text(ROLLUP_MARK[rollup.agrees], style=style),
        )
    table.caption = word(lang, ROLLUP_LEGEND)
    table.caption_justify = "left"
    return table
