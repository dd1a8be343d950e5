"""The drive's tables drawn on a Console it is given: the ranking per cluster, the chase list,
and the calendar block that `kpi check` prints after its tables."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
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


SYMBOLS = ("▲", "✓", "≈", "✗", "·", "!")
#: On a narrow terminal the counts of figures with no data (·) and unreadable ones (!) go first
#: (the shipped rule scores them 0), then the deductions; the rank, unit, score and award stay.
_RANK_DROP = {"!": 1, "·": 2}


def draw_rank(ranking: Ranking, console: Console, lang: Lang = "vi") -> None:
    words = DRIVE_WORDS[lang]
    columns = [
        Column(words["rank"], right=True),
        Column("Đơn vị" if lang == "vi" else "Unit", wraps=True),
        Column(words["score"], right=True),
        *[Column(symbol, right=True, drop=_RANK_DROP.get(symbol, 0)) for symbol in SYMBOLS],
        Column(words["deductions"], right=True, drop=3),
        Column(words["proposed"], wraps=True),
    ]
    for cluster in ranking.clusters:
        rows: list[list[str | Text]] = []
        for s in cluster.ranking:
            minus = sum(s.deductions.values(), Decimal(0))
            rows.append(
                [
                    str(s.rank),
                    f"{s.unit_code} {s.unit}",
                    score_text(s.score, lang),
                    *(str(s.counts[k.value]) for k in SCORED),
                    f"-{score_text(minus, lang)}" if minus else "",
                    Text(f"★ {words['yes']}", style="bold green") if s.proposed else "",
                ]
            )
        title = f"{cluster.name} · {ranking.round}"
        console.print(fitted_table(title, columns, rows, console.width))


def draw_chase(items: list[ChaseItem], console: Console, lang: Lang = "vi") -> None:
    words = DRIVE_WORDS[lang]
    if not items:
        console.print(words["nobody"])
        return
    # one round, one deadline (the usual case): said once in the title, not on every row
    one = len({(i.round, i.deadline) for i in items}) == 1
    title = f"{items[0].round} · {words['deadline']} {day_text(items[0].deadline)}" if one else ""
    columns = [
        Column("Đơn vị" if lang == "vi" else "Unit", wraps=True),
        *([] if one else [Column(words["round"]), Column(words["deadline"])]),
        Column(words["timeliness"], wraps=True),
        Column(words["owed"], wraps=True),
        Column(words["contact"], wraps=True),
    ]
    rows: list[list[str | Text]] = [
        [
            f"{item.unit_code} {item.unit}",
            *([] if one else [item.round, day_text(item.deadline)]),
            _status(item.status, item.days_late, lang, item.date_source == "file-time"),
            owed_text(item, lang),
            item.contact or "",
        ]
        for item in items
    ]
    console.print(fitted_table(title, columns, rows, console.width))


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
