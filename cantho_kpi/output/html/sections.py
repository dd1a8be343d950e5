"""The page's sections on the units: who reported in each round, complete and on time (the
check report and the drive's calendar), the ranking of each cluster as the drive file's rule
for deliberation, and the problems met while reading the files. Plain data for the template."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...domain import Lang, format_number, parse_round, round_label
from ...errors import Issue, Severity
from ...presentation import LABEL
from ...report import Ranking, Report, RoundStatus, Timeliness
from ...targets import SCORED, DriveFile, TargetsFile
from ..drive_data import (
    day_text,
    deduction_text,
    given_lines,
    reference_line,
    row_timeliness,
    rule_line as drive_rule_line,
    score_text,
)
from .blocks import DataTable, Row
from .words import PAGE_WORDS


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    css: str = ""


@dataclass(frozen=True, slots=True)
class Matrix:
    """A table whose cells carry a class (the timeliness of each unit's report by round)."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]


@dataclass(frozen=True, slots=True)
class UnitsSection:
    summary: DataTable
    matrix: Matrix
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RankingSection:
    intro: tuple[str, ...]  # whose rule it is, and the rule
    tables: tuple[DataTable, ...]
    notes: tuple[str, ...]  # reference only, awards already given
    empty: str  # said instead when there is no ranking


# -- units --------------------------------------------------------------------------------------


def units_section(
    targets: TargetsFile,
    report: Report,
    rounds: list[str],
    timeliness: list[RoundStatus],
    has_drive: bool,
    lang: Lang,
) -> UnitsSection:
    """Per round: the units due to report, those that sent a file, did not, sent one that
    could not be read, and (with the drive's deadlines) on time, late, day unknown; then each
    unit's report by round."""
    words = PAGE_WORDS[lang]
    rows = tuple(_summary_row(targets, report, r, timeliness, lang) for r in rounds)
    headers = (
        words["h_round"],
        words["h_deadline"],
        words["h_expected"],
        words["h_received"],
        words["h_missing"],
        words["h_unreadable"],
        words["h_on_time"],
        words["h_late"],
        words["h_unknown"],
    )
    summary = DataTable(words["units_caption"], headers, rows)
    notes = (words["units_note"],) if has_drive else (words["no_drive_units"],)
    return UnitsSection(summary, _matrix(targets, report, rounds, timeliness, lang), notes)


def _summary_row(
    targets: TargetsFile,
    report: Report,
    name: str,
    timeliness: list[RoundStatus],
    lang: Lang,
) -> Row:
    words = PAGE_WORDS[lang]
    due = _due_units(targets, name)
    missing = {m.unit_code for m in report.missing_units if m.round == name}
    unreadable = _unreadable_units(report, name)
    mine = [t for t in timeliness if t.round == name]
    counts = Counter(t.status for t in mine)
    dash = words["no_deadline"]

    def count(status: Timeliness) -> str:
        return str(counts[status]) if mine else dash

    deadline = day_text(mine[0].deadline) if mine else dash
    cells = (
        deadline,
        str(len(due)),
        str(len([u for u in due if u not in missing])),
        str(len([u for u in due if u in missing])),
        str(len(unreadable)),
        count(Timeliness.ON_TIME),
        count(Timeliness.LATE),
        count(Timeliness.UNKNOWN),
    )
    return Row(round_label(name, lang), cells)


def _due_units(targets: TargetsFile, name: str) -> list[str]:
    found = parse_round(name, targets.rounds)
    if found is None:
        return [u.code for u in targets.reporting_units]
    month = found.closing_month()
    return [u.code for u in targets.reporting_units if u.active_in(month)]


def _unreadable_units(report: Report, name: str) -> set[str]:
    files = {f for f in report.unreadable if report.file_rounds.get(f) == name}
    return {s.unit_code or s.file for s in report.submissions if s.file in files}


def _matrix(
    targets: TargetsFile,
    report: Report,
    rounds: list[str],
    timeliness: list[RoundStatus],
    lang: Lang,
) -> Matrix:
    words = PAGE_WORDS[lang]
    by_key = {(t.unit_code, t.round): t for t in timeliness}
    due = {name: set(_due_units(targets, name)) for name in rounds}
    missing = {(m.unit_code, m.round) for m in report.missing_units}
    unreadable = {name: _unreadable_units(report, name) for name in rounds}
    rows = []
    for unit in targets.reporting_units:
        cells = []
        for name in rounds:
            row = by_key.get((unit.code, name))
            if unit.code not in due[name]:
                cells.append(Cell(words["not_active"], "t-none"))
            elif unit.code in unreadable[name]:
                cells.append(Cell(words["unreadable"], "t-unreadable"))
            elif row is not None:
                cells.append(Cell(row_timeliness(row, lang), f"t-{row.status.value}"))
            elif (unit.code, name) in missing:
                cells.append(Cell(words["not_sent"], "t-not_received"))
            else:
                cells.append(Cell(words["sent"], "t-sent"))
        rows.append((f"{unit.code} {unit.name}", tuple(cells)))
    headers = (words["h_unit"], *(round_label(name, lang) for name in rounds))
    return Matrix(words["matrix_caption"], headers, tuple(rows))


# -- the ranking ------------------------------------------------------------------------------


def ranking_section(
    ranking: Ranking | None,
    drive: DriveFile | None,
    drive_file: str | None,
    latest: str | None,
    lang: Lang,
) -> RankingSection:
    """The ranking of the latest round, cluster by cluster, introduced as the drive file's
    rule for the units' deliberation, with the rule itself so that a score can be recomputed."""
    words = PAGE_WORDS[lang]
    if drive is None or drive_file is None:
        return RankingSection((), (), (), words["no_ranking_drive"])
    if ranking is None:
        shown = round_label(latest, lang) if latest else ""
        return RankingSection((), (), (), words["no_ranking_round"].format(round=shown))
    shown = round_label(ranking.round, lang)
    if not ranking.clusters:
        return RankingSection((), (), (), words["no_ranking_cluster"].format(round=shown))
    intro = (
        words["ranking_intro"].format(round=shown, plan=ranking.plan),
        _rule_text(drive, lang),
        drive_rule_line(drive, drive_file, ranking.plan, lang),
        words["status_counts"],
    )
    tables = tuple(_cluster_table(ranking, i, lang) for i in range(len(ranking.clusters)))
    notes = [reference_line(drive, ranking, lang), *given_lines(ranking, lang)]
    return RankingSection(intro, tables, tuple(n for n in notes if n), "")


def _rule_text(drive: DriveFile, lang: Lang) -> str:
    words = PAGE_WORDS[lang]
    scoring = drive.scoring
    points = "; ".join(
        f"{LABEL[lang][status].lower()} {format_number(scoring.point(status), lang)}"
        for status in SCORED
    )
    return words["ranking_rule"].format(
        points=points,
        late=format_number(scoring.late_report, lang),
        invalid=format_number(scoring.invalid_file, lang),
    )


def _cluster_table(ranking: Ranking, index: int, lang: Lang) -> DataTable:
    words = PAGE_WORDS[lang]
    cluster = ranking.clusters[index]
    headers = [words["h_rank"], words["h_unit"], words["h_score"], words["h_points"]]
    headers += ["▲", "✓", "≈", "✗", "·", "!", "○", words["h_deducted"]]
    headers += [words["h_candidate"]] if ranking.final else []
    rows = []
    for s in cluster.ranking:
        cells = [f"{s.unit_code} {s.unit}", score_text(s.score, lang), score_text(s.points, lang)]
        cells += [str(s.counts[k.value]) for k in SCORED]
        cells += [str(s.reported), deduction_text(s, lang)]
        cells += [words["candidate_yes"] if s.candidate else ""] if ranking.final else []
        rows.append(Row(str(s.rank), tuple(cells)))
    caption = words["ranking_caption"].format(
        cluster=cluster.name, round=round_label(ranking.round, lang)
    )
    return DataTable(caption, tuple(headers), tuple(rows))


# -- problems ---------------------------------------------------------------------------------


def problems_table(issues: list[Issue], lang: Lang) -> DataTable | None:
    """Every error and warning met while reading, at its place, in the page's language."""
    if not issues:
        return None
    words = PAGE_WORDS[lang]
    headers = (words["h_where"], words["h_code"], words["h_severity"], words["h_message"])
    rows = tuple(
        Row(
            str(issue.location),
            (
                issue.code,
                words["error" if issue.severity is Severity.ERROR else "warning"],
                issue.text(lang),
            ),
        )
        for issue in issues
    )
    return DataTable(words["problems_caption"], headers, rows)
