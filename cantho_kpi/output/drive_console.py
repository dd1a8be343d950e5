"""The drive's tables drawn on a Console it is given: the ranking per cluster, the chase list,
and the calendar block that `kpi check` prints after its tables."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..domain import Lang
from ..report import ChaseItem, LaunchStatus, Ranking, RoundStatus, Timeliness
from ..targets import SCORED
from .data import short_file
from .drive_data import DRIVE_WORDS, day_text, owed_text, score_text, timeliness_text
from .fit import Column, fitted_table

_STYLE = {
    Timeliness.ON_TIME: "green",
    Timeliness.LATE: "yellow",
    Timeliness.NOT_RECEIVED: "bold red",
    Timeliness.NOT_DUE: "dim",
    Timeliness.UNKNOWN: "magenta",
}


def _status(status: Timeliness, days: int, lang: Lang, unreliable: bool = False) -> Text:
    return Text(timeliness_text(status, days, lang, unreliable), style=_STYLE[status])


def draw_rank(ranking: Ranking, console: Console, lang: Lang = "vi") -> None:
    words = DRIVE_WORDS[lang]
    for cluster in ranking.clusters:
        table = Table(
            title=f"{cluster.name} · {ranking.round}",
            box=box.SIMPLE_HEAD,
            title_justify="left",
        )
        table.add_column(words["rank"], justify="right")
        table.add_column("Đơn vị" if lang == "vi" else "Unit")
        table.add_column(words["score"], justify="right")
        for symbol in ("▲", "✓", "≈", "✗", "·", "!"):
            table.add_column(symbol, justify="right")
        table.add_column(words["deductions"], justify="right")
        table.add_column(words["proposed"])
        for s in cluster.ranking:
            minus = sum(s.deductions.values(), Decimal(0))
            table.add_row(
                str(s.rank),
                f"{s.unit_code} {s.unit}",
                score_text(s.score, lang),
                *(str(s.counts[k.value]) for k in SCORED),
                f"-{score_text(minus, lang)}" if minus else "",
                Text(f"★ {words['yes']}", style="bold green") if s.proposed else "",
            )
        console.print(table)


def draw_chase(items: list[ChaseItem], console: Console, lang: Lang = "vi") -> None:
    words = DRIVE_WORDS[lang]
    if not items:
        console.print(words["nobody"])
        return
    table = Table(box=box.SIMPLE_HEAD)
    for key in ("round", "deadline", "timeliness", "owed", "contact"):
        if key == "round":
            table.add_column("Đơn vị" if lang == "vi" else "Unit")
        table.add_column(words[key], overflow="fold")
    for item in items:
        table.add_row(
            f"{item.unit_code} {item.unit}",
            item.round,
            day_text(item.deadline),
            _status(item.status, item.days_late, lang, item.date_source == "file-time"),
            owed_text(item, lang),
            item.contact or "",
        )
    console.print(table)


def draw_calendar(
    rounds: list[RoundStatus], launch: list[LaunchStatus], console: Console, lang: Lang = "vi"
) -> None:
    """Per unit and round: on time, late by N days, not received; then the launch documents."""
    words = DRIVE_WORDS[lang]
    unit = "Đơn vị" if lang == "vi" else "Unit"
    columns = [
        Column(unit),
        Column(words["round"]),
        Column(words["deadline"]),
        Column(words["sent"], drop=2),
        Column(words["timeliness"]),
        Column("Tệp" if lang == "vi" else "File", wraps=True, drop=1),
    ]
    rows: list[list[str | Text]] = [
        [
            r.unit_code,
            r.round,
            day_text(r.deadline),
            day_text(r.submitted_on),
            _status(r.status, r.days_late, lang, r.unreliable),
            short_file(r.file) if r.file else "",
        ]
        for r in rounds
    ]
    console.print(fitted_table(words["reports"], columns, rows, console.width))
    if not launch:
        return
    title = words["launch"].format(due=day_text(launch[0].due))
    docs: list[list[str | Text]] = [
        [d.unit_code, day_text(d.received), _status(d.status, d.days_late, lang)] for d in launch
    ]
    launch_columns = [Column(unit), Column(words["sent"]), Column(words["timeliness"])]
    console.print(fitted_table(title, launch_columns, docs, console.width))
