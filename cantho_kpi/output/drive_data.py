"""The drive's lists for scripts and documents: the ranking (the public JSON contract
``cantho-kpi/rank/v2``), the chase list (``cantho-kpi/chase/v1``), as JSON, CSV and Markdown,
and the words both the tables and the documents use. Strings; nothing prints.

Every output with scores or candidates says in one line that the scoring is the drive file's
rule, not the plan's, and names the file (:func:`rule_line`). Deductions are amounts taken off,
shown without a sign under a heading that says so, everywhere.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

from ..catalog import C_, N_, fixed
from ..domain import Lang, Status, json_number
from ..presentation import LABEL, SYMBOL, WORDS, by_lang, timeliness_text as _timeliness_text
from ..report import (
    AppliedTarget,
    ChaseItem,
    ClusterRanking,
    LaunchStatus,
    Ranking,
    RoundStatus,
    Standing,
    Timeliness,
)
from ..submissions import DateSource
from ..targets import SCORED, DriveFile

RANK_SCHEMA = "cantho-kpi/rank/v2"
CHASE_SCHEMA = "cantho-kpi/chase/v1"

DRIVE_WORDS = by_lang(
    {
        "hint": N_(" (file modified {day}: a hint only)"),
        "assumed": N_("; assumed received"),
        "rank": N_("Rank"),
        "score": N_("Score"),
        "points": N_("Points"),
        "deductions": N_("Deducted"),
        "candidate": N_("Candidate"),
        "yes": N_("yes"),
        "round": C_("heading", "Round"),
        "deadline": N_("Deadline"),
        "sent": N_("Received"),
        "timeliness": N_("Timeliness"),
        "owed": N_("Owed"),
        "whole_file": N_("the whole report"),
        "whole_unreadable": N_("the whole report (file unreadable, to be sent again)"),
        "contact": N_("Contact"),
        "launch": N_("Launch documents (due {due})"),
        "reports": N_("Reports on time"),
        "nobody": N_("Nobody to chase."),
        "superseded": N_("replaces {file}"),
        "written": N_("{day} (written)"),
        "fill_log": N_(
            "Day of receipt unknown: {units}; write the day each was received "
            "into received.csv in the round's folder."
        ),
        "rule": N_(
            "The points, deductions and candidate rule are settings of the "
            "drive file {file}, not rules of plan {plan}."
        ),
        "near_is_met": N_(" The file says near_is_met: true: a near target counts as met."),
        "reference_only": N_(
            "The ranking is for reference only: the list of candidates for the "
            "{award} is made at the final review's round ({round}) only."
        ),
        "given": N_("Already awarded: {unit}: {award}{detail}."),
    }
)


def day_text(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def timeliness_text(status: Timeliness, days: int, lang: Lang) -> str:
    return _timeliness_text(status, days, lang)


def row_timeliness(row: RoundStatus, lang: Lang, hint: bool = False) -> str:
    """A report against its deadline: late by at least N days when only the day it was written
    is known; the day of receipt unknown (with ``hint``, the file's time beside it, labelled:
    `kpi chase` shows it to help the office fill its log; nothing else does, so that the same
    files give the same reports wherever they were copied); assumed received when the report
    is made as of a day."""
    words = DRIVE_WORDS[lang]
    if row.by_sheet:
        text = _timeliness_text(row.status, row.days_late, lang, written=True)
    else:
        text = timeliness_text(row.status, row.days_late, lang)
    if hint and row.status is Timeliness.UNKNOWN and row.file_time is not None:
        text += words["hint"].format(day=day_text(row.file_time))
    if row.assumed:
        text += words["assumed"]
    return text


def received_text(row: RoundStatus, lang: Lang) -> str:
    """The day shown for a report: received (the log), or written (Ngày lập), said so."""
    if row.submitted_on is None:
        return ""
    if row.date_source is DateSource.SHEET:
        return DRIVE_WORDS[lang]["written"].format(day=day_text(row.submitted_on))
    return day_text(row.submitted_on)


def unknown_line(rows: list[RoundStatus], lang: Lang) -> str | None:
    """The units whose day of receipt is unknown, for the office to fill its log."""
    units = [r.unit_code for r in rows if r.status is Timeliness.UNKNOWN]
    if not units:
        return None
    return DRIVE_WORDS[lang]["fill_log"].format(units=", ".join(units))


def score_text(value: Decimal, lang: Lang = "en") -> str:
    """A score with its 4 decimals (kept, never dropped as trailing zeros), with each
    language's decimal mark: ``0,8429`` in Vietnamese."""
    return fixed(value, lang)


def deduction_text(s: Standing, lang: Lang) -> str:
    """The amount taken off the score, without a sign (the heading says it is deducted)."""
    minus = sum(s.deductions.values(), Decimal(0))
    return score_text(minus, lang) if minus else ""


def owed_text(item: ChaseItem, lang: Lang) -> str:
    if item.whole_file:
        return DRIVE_WORDS[lang]["whole_unreadable" if item.file else "whole_file"]
    return ", ".join(item.indicators)


# --- the rule said as the drive file's --------------------------------------------------------


def rule_line(drive: DriveFile, drive_file: str, plan: str, lang: Lang) -> str:
    """One line: the scoring and the candidate rule are the drive file's, not the plan's;
    with ``near_is_met: true`` quoted when the file says so."""
    words = DRIVE_WORDS[lang]
    line = words["rule"].format(file=drive_file, plan=plan)
    return line + (words["near_is_met"] if drive.awards.near_is_met else "")


def reference_line(drive: DriveFile, ranking: Ranking, lang: Lang) -> str | None:
    """Outside the final review's round, the ranking is for reference only."""
    if ranking.final:
        return None
    award = drive.awards.candidate_award()
    return DRIVE_WORDS[lang]["reference_only"].format(
        award=award.name if award else drive.awards.candidate_for, round=ranking.final_round
    )


def given_lines(ranking: Ranking, lang: Lang) -> list[str]:
    """Awards already given to the units ranked, so that one achievement is not put forward
    twice."""
    lines = []
    for cluster in ranking.clusters:
        for s in cluster.ranking:
            for g in s.awards_given:
                parts = [p for p in (g.reference, day_text(g.date), g.achievement) if p]
                detail = f" ({', '.join(parts)})" if parts else ""
                lines.append(
                    DRIVE_WORDS[lang]["given"].format(
                        unit=f"{s.unit_code} {s.unit}", award=g.award, detail=detail
                    )
                )
    return lines


# --- ranking --------------------------------------------------------------------------------


def _target_json(target: AppliedTarget) -> dict[str, Any]:
    return {
        "kind": target.kind.value,
        "min": json_number(target.min),
        "max": json_number(target.max),
        "tolerance": json_number(target.tolerance),
    }


def _standing_dict(s: Standing) -> dict[str, Any]:
    term = s.term
    return {
        "rank": s.rank,
        "unit_code": s.unit_code,
        "unit": s.unit,
        "score": json_number(s.score),
        "points": json_number(s.points),
        "counts": s.counts,
        "reported": s.reported,
        "deductions": {k: json_number(v) for k, v in s.deductions.items()},
        "candidate": s.candidate,
        "timeliness": s.timeliness.value,
        "date_source": s.date_source if s.file else None,
        "file": s.file,
        "submitted_on": s.submitted_on.isoformat() if s.submitted_on else None,
        "term": None
        if term is None
        else {
            "rounds": list(term.rounds),
            "not_met": [{"round": r, "code": c} for r, c in term.not_met],
        },
        "reference": [
            {"code": r.code, "value": json_number(r.value), "plan": _target_json(r.plan)}
            for r in s.reference
        ],
        "awards_given": [g.model_dump(mode="json", exclude={"unit"}) for g in s.awards_given],
    }


def rank_dict(
    ranking: Ranking, drive: DriveFile, drive_file: str, as_of: date | None = None
) -> dict[str, Any]:
    rule = drive.scoring
    awards = drive.awards
    award = awards.candidate_award()
    return {
        "schema": RANK_SCHEMA,
        "round": ranking.round,
        "final_review": ranking.final,
        "as_of": as_of.isoformat() if as_of else None,
        "clusters": [
            {
                "id": c.id,
                "name": c.name,
                "kind": c.kind,
                "ranking": [_standing_dict(s) for s in c.ranking],
            }
            for c in ranking.clusters
        ],
        "rule": {
            "source": "drive_file",
            "file": drive_file,
            "note": rule_line(drive, drive_file, ranking.plan, "en"),
            "points": {s.value: json_number(rule.point(s)) for s in SCORED},
            "late_report": json_number(rule.late_report),
            "invalid_file": json_number(rule.invalid_file),
            "weights": {k: json_number(v) for k, v in sorted(rule.weights.items())},
            "tie_break": list(rule.tie_break),
            "candidates": {
                "award": award.model_dump(mode="json") if award else None,
                "final_round": ranking.final_round,
                "top": awards.top,
                "no_not_met": awards.no_not_met,
                "near_is_met": awards.near_is_met,
                "on_time": awards.on_time,
                "min_score": json_number(awards.min_score),
            },
        },
    }


def rank_json(
    ranking: Ranking, drive: DriveFile, drive_file: str, as_of: date | None = None
) -> str:
    """The public JSON contract ``cantho-kpi/rank/v2`` (documented in docs/outputs.md)."""
    doc = rank_dict(ranking, drive, drive_file, as_of)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


RANK_COLUMNS = ("cluster", "rank", "unit_code", "unit", "score", "points")


def rank_csv(ranking: Ranking, drive_file: str) -> str:
    """One row per unit; the last column says whose rule the scores follow."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    statuses = [s.value for s in SCORED]
    head = [*RANK_COLUMNS, *statuses, "reported", "late_report", "invalid_file", "candidate"]
    writer.writerow([*head, "rule"])
    rule = f"drive_file:{drive_file}"
    for c in ranking.clusters:
        for s in c.ranking:
            deductions = [score_text(s.deductions[k]) for k in ("late_report", "invalid_file")]
            writer.writerow(
                [c.id, s.rank, s.unit_code, s.unit, score_text(s.score), score_text(s.points)]
                + [s.counts[k] for k in statuses]
                + [s.reported, *deductions, "yes" if s.candidate else "no", rule]
            )
    return out.getvalue()


def rank_rows(
    cluster: ClusterRanking, ranking: Ranking, lang: Lang = "vi", *, symbols: bool = True
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The header and rows of one cluster's ranking table; ``symbols``: the statuses' signs as
    column heads (``▲ ✓ ≈``), else their words, for a printed document."""
    words = DRIVE_WORDS[lang]
    candidate = [words["candidate"]] if ranking.final else []
    statuses = [SYMBOL[s] if symbols else LABEL[lang][s] for s in (*SCORED, Status.REPORTED)]
    head = [words["rank"], WORDS[lang]["unit"], words["score"]]
    head += [*statuses, words["deductions"], *candidate]
    rows = []
    for s in cluster.ranking:
        cells = [str(s.rank), f"{s.unit_code} {s.unit}", score_text(s.score, lang)]
        cells += [str(s.counts[k.value]) for k in SCORED]
        cells += [str(s.reported), deduction_text(s, lang)]
        cells += [words["yes"] if s.candidate else ""] if ranking.final else []
        rows.append(tuple(cells))
    return tuple(head), tuple(rows)


def rank_markdown(ranking: Ranking, drive: DriveFile, drive_file: str, lang: Lang = "vi") -> str:
    lines: list[str] = []
    for c in ranking.clusters:
        lines += [f"### {c.name} ({ranking.round})", ""]
        head, rows = rank_rows(c, ranking, lang)
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(map(_md, cells)) + " |" for cells in rows]
        lines.append("")
    notes = [
        WORDS[lang]["legend"],  # what the status columns' symbols are
        reference_line(drive, ranking, lang),
        rule_line(drive, drive_file, ranking.plan, lang),
    ]
    lines += [f"*{_md(n)}*" for n in notes if n] + [""]
    lines += [f"- {_md(g)}" for g in given_lines(ranking, lang)]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- chase ----------------------------------------------------------------------------------


def _chase_dict(item: ChaseItem) -> dict[str, Any]:
    return {
        "unit_code": item.unit_code,
        "unit": item.unit,
        "round": item.round,
        "deadline": item.deadline.isoformat(),
        "status": item.status.value,
        "days_late": item.days_late,
        "file": item.file,
        "submitted_on": item.submitted_on.isoformat() if item.submitted_on else None,
        "date_source": item.date_source,
        "file_time_hint": item.file_time.isoformat() if item.file_time else None,
        "assumed": item.assumed,
        "whole_file": item.whole_file,
        "indicators": item.indicators,
        "contact": item.contact,
    }


def chase_json(items: list[ChaseItem], as_of: date | None) -> str:
    doc = {
        "schema": CHASE_SCHEMA,
        "as_of": as_of.isoformat() if as_of else None,
        "units": [_chase_dict(i) for i in items],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


CHASE_COLUMNS = ("unit_code", "unit", "round", "deadline", "status", "days_late", "file")


def chase_csv(items: list[ChaseItem], lang: Lang = "vi") -> str:
    """One row per unit to chase (the columns are the JSON's names, for a mail merge); what is
    owed is the indicators' codes, or the whole report in words (``cả báo cáo``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CHASE_COLUMNS, "submitted_on", "owed", "contact", "date_source"])
    for i in items:
        owed = owed_text(i, lang) if i.whole_file else " ".join(i.indicators)
        sent = i.submitted_on.isoformat() if i.submitted_on else ""
        when = [i.round, i.deadline.isoformat(), i.status.value, i.days_late]
        row = [i.unit_code, i.unit, *when, i.file or "", sent, owed, i.contact or ""]
        writer.writerow([*row, i.date_source or ""])
    return out.getvalue()


def chase_markdown(items: list[ChaseItem], lang: Lang = "vi") -> str:
    words = DRIVE_WORDS[lang]
    if not items:
        return words["nobody"] + "\n"
    unit = WORDS[lang]["unit"]
    lines = [
        f"| {unit} | {words['round']} | {words['deadline']} | {words['timeliness']} | "
        f"{words['owed']} | {words['contact']} |",
        "|---|---|---|---|---|---|",
    ]
    for i in items:
        lines.append(
            f"| {i.unit_code} {_md(i.unit)} | {i.round} | {day_text(i.deadline)} | "
            f"{_md(row_timeliness(i, lang, hint=True))} | {_md(owed_text(i, lang))} | "
            f"{_md(i.contact or '')} |"
        )
    unknown = unknown_line(list(items), lang)
    if unknown:
        lines += ["", f"*{_md(unknown)}*"]
    return "\n".join(lines) + "\n"


# --- the calendar in `kpi check --format json` ------------------------------------------------


def calendar_dict(rounds: list[RoundStatus], launch: list[LaunchStatus]) -> dict[str, Any]:
    """The fields `kpi check` adds to its JSON when a drive file is found."""
    return {
        "timeliness": [
            {
                "unit_code": r.unit_code,
                "round": r.round,
                "deadline": r.deadline.isoformat(),
                "status": r.status.value,
                "days_late": r.days_late,
                "file": r.file,
                "submitted_on": r.submitted_on.isoformat() if r.submitted_on else None,
                "date_source": r.date_source,
                "assumed": r.assumed,
            }
            for r in rounds
        ],
        "launch_documents": [
            {
                "unit_code": d.unit_code,
                "due": d.due.isoformat(),
                "status": d.status.value,
                "days_late": d.days_late,
                "received": d.received.isoformat() if d.received else None,
                "reference": d.reference,
            }
            for d in launch
        ],
    }


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
