"""The drive's tables drawn on a Console it is given: the ranking per cluster, the chase list,
and the calendar block that `kpi check` prints after its tables."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..domain import Lang
from ..presentation import TIMELINESS_STYLE, WORDS
from ..report import ChaseItem, LaunchStatus, Ranking, RoundStatus
from ..targets import SCORED, DriveFile
from .data import short_file
from .drive_data import (
    DRIVE_WORDS,
    day_text,
    deduction_text,
    given_lines,
    owed_text,
    received_text,
    reference_line,
    row_timeliness,
    rule_line,
    score_text,
    timeliness_text,
    unknown_line,
)
from .fit import Column, fitted_table


def _status(row: RoundStatus, lang: Lang, hint: bool = False) -> Text:
    return Text(row_timeliness(row, lang, hint), style=TIMELINESS_STYLE[row.status])


SYMBOLS = ("▲", "✓", "≈", "✗", "·", "!")
#: On a narrow terminal the counts of figures with no data (·), unreadable ones (!) and those
#: reported with no target (○) go first, then the deductions; the rank, unit, score and
#: candidate mark stay.
_RANK_DROP = {"○": 1, "!": 2, "·": 3}


def draw_rank(
    ranking: Ranking, drive: DriveFile, drive_file: str, console: Console, lang: Lang = "vi"
) -> None:
    """Each cluster's ranking; then, in one line each, that the ranking is for reference
    outside the final review, that the rule is the drive file's, and the awards already
    given."""
    words = DRIVE_WORDS[lang]
    columns = [
        Column(words["rank"], right=True),
        Column(WORDS[lang]["unit"], wraps=True),
        Column(words["score"], right=True),
        *[Column(symbol, right=True, drop=_RANK_DROP.get(symbol, 0)) for symbol in SYMBOLS],
        Column("○", right=True, drop=_RANK_DROP["○"]),
        Column(words["deductions"], right=True, drop=4),
        *([Column(words["candidate"], wraps=True)] if ranking.final else []),
    ]
    for cluster in ranking.clusters:
        rows: list[list[str | Text]] = []
        for s in cluster.ranking:
            mark = Text(f"★ {words['yes']}", style="bold green") if s.candidate else ""
            rows.append(
                [
                    str(s.rank),
                    f"{s.unit_code} {s.unit}",
                    score_text(s.score, lang),
                    *(str(s.counts[k.value]) for k in SCORED),
                    str(s.reported),
                    deduction_text(s, lang),
                    *([mark] if ranking.final else []),
                ]
            )
        title = f"{cluster.name} · {ranking.round}"
        console.print(fitted_table(title, columns, rows, console.width))
    notes = [
        WORDS[lang]["legend"],  # what the status columns' symbols are
        reference_line(drive, ranking, lang),
        rule_line(drive, drive_file, ranking.plan, lang),
    ]
    for note in [*(n for n in notes if n), *given_lines(ranking, lang)]:
        console.print(Text(note, style="dim"))


def draw_chase(items: list[ChaseItem], console: Console, lang: Lang = "vi") -> None:
    words = DRIVE_WORDS[lang]
    if not items:
        console.print(words["nobody"])
        return
    # one round, one deadline (the usual case): said once in the title, not on every row
    one = len({(i.round, i.deadline) for i in items}) == 1
    title = f"{items[0].round} · {words['deadline']} {day_text(items[0].deadline)}" if one else ""
    columns = [
        Column(WORDS[lang]["unit"], wraps=True),
        *([] if one else [Column(words["round"]), Column(words["deadline"])]),
        Column(words["timeliness"], wraps=True),
        Column(words["owed"], wraps=True),
        Column(words["contact"], wraps=True),
    ]
    rows: list[list[str | Text]] = [
        [
            f"{item.unit_code} {item.unit}",
            *([] if one else [item.round, day_text(item.deadline)]),
            _status(item, lang, hint=True),
            owed_text(item, lang),
            item.contact or "",
        ]
        for item in items
    ]
    console.print(fitted_table(title, columns, rows, console.width))
    unknown = unknown_line(list(items), lang)
    if unknown:
        console.print(Text(unknown, style="magenta"))


def draw_calendar(
    rounds: list[RoundStatus], launch: list[LaunchStatus], console: Console, lang: Lang = "vi"
) -> None:
    """Per unit and round: on time, late by N days, not received; then the launch documents."""
    words = DRIVE_WORDS[lang]
    unit = WORDS[lang]["unit"]
    columns = [
        Column(unit),
        Column(words["round"]),
        Column(words["deadline"]),
        Column(words["sent"], drop=2),
        Column(words["timeliness"]),
        Column(WORDS[lang]["file"], wraps=True, drop=1),
    ]
    rows: list[list[str | Text]] = [
        [
            r.unit_code,
            r.round,
            day_text(r.deadline),
            received_text(r, lang),
            _status(r, lang),
            short_file(r.file) if r.file else "",
        ]
        for r in rounds
    ]
    console.print(fitted_table(words["reports"], columns, rows, console.width))
    unknown = unknown_line(rounds, lang)
    if unknown:
        console.print(Text(unknown, style="magenta"))
    if not launch:
        return
    title = words["launch"].format(due=day_text(launch[0].due))
    docs: list[list[str | Text]] = [
        [
            d.unit_code,
            day_text(d.received),
            Text(timeliness_text(d.status, d.days_late, lang), style=TIMELINESS_STYLE[d.status]),
        ]
        for d in launch
    ]
    launch_columns = [Column(unit), Column(words["sent"]), Column(words["timeliness"])]
    console.print(fitted_table(title, launch_columns, docs, console.width))
