"""The drive's lists for scripts and documents: the ranking (the public JSON contract
``cantho-kpi/rank/v1``), the chase list (``cantho-kpi/chase/v1``), as JSON, CSV and Markdown,
and the words both the tables and the documents use. Strings; nothing prints.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

from ..domain import TIMELINESS_LABEL, Lang, json_number
from ..report import ChaseItem, LaunchStatus, Ranking, RoundStatus, Standing, Timeliness
from ..targets import SCORED, DriveFile

RANK_SCHEMA = "cantho-kpi/rank/v1"
CHASE_SCHEMA = "cantho-kpi/chase/v1"

DRIVE_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "unreliable": " (theo ngày sửa tệp, không chắc chắn)",
        "rank": "Hạng",
        "score": "Điểm",
        "points": "Điểm chỉ tiêu",
        "deductions": "Trừ điểm",
        "proposed": "Đề nghị khen",
        "yes": "Có",
        "round": "Kỳ",
        "deadline": "Hạn nộp",
        "sent": "Ngày gửi",
        "timeliness": "Thời hạn",
        "owed": "Còn thiếu",
        "whole_file": "cả báo cáo",
        "whole_unreadable": "cả báo cáo (tệp không đọc được)",
        "contact": "Liên hệ",
        "launch": "Văn bản phát động (hạn {due})",
        "reports": "Thời hạn nộp báo cáo",
        "nobody": "Không có đơn vị nào cần nhắc.",
        "superseded": "thay {file}",
    },
    "en": {
        "unreliable": " (file time: unreliable)",
        "rank": "Rank",
        "score": "Score",
        "points": "Points",
        "deductions": "Deductions",
        "proposed": "Proposed",
        "yes": "yes",
        "round": "Round",
        "deadline": "Deadline",
        "sent": "Sent",
        "timeliness": "Timeliness",
        "owed": "Owed",
        "whole_file": "the whole report",
        "whole_unreadable": "the whole report (file unreadable)",
        "contact": "Contact",
        "launch": "Launch documents (due {due})",
        "reports": "Reports on time",
        "nobody": "Nobody to chase.",
        "superseded": "replaces {file}",
    },
}


def day_text(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def timeliness_text(status: Timeliness, days: int, lang: Lang, unreliable: bool = False) -> str:
    words = DRIVE_WORDS[lang]
    text = TIMELINESS_LABEL[lang][status.value].format(days=days)
    return text + (
        words["unreliable"] if unreliable and status is not Timeliness.NOT_RECEIVED else ""
    )


def score_text(value: Decimal, lang: Lang = "en") -> str:
    """A score with its 4 decimals, with a decimal comma in Vietnamese: ``0,8429``."""
    text = format(value, "f")
    return text.replace(".", ",") if lang == "vi" else text


def owed_text(item: ChaseItem, lang: Lang) -> str:
    if item.whole_file:
        return DRIVE_WORDS[lang]["whole_unreadable" if item.file else "whole_file"]
    return ", ".join(item.indicators)


# --- ranking --------------------------------------------------------------------------------


def _standing_dict(s: Standing) -> dict[str, Any]:
    return {
        "rank": s.rank,
        "unit_code": s.unit_code,
        "unit": s.unit,
        "score": json_number(s.score),
        "counts": s.counts,
        "deductions": {k: json_number(v) for k, v in s.deductions.items()},
        "proposed": s.proposed,
        "points": json_number(s.points),
        "timeliness": s.timeliness.value,
        "file": s.file,
        "submitted_on": s.submitted_on.isoformat() if s.submitted_on else None,
    }


def rank_dict(ranking: Ranking, drive: DriveFile) -> dict[str, Any]:
    rule = drive.scoring
    return {
        "schema": RANK_SCHEMA,
        "round": ranking.round,
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
            "points": {s.value: json_number(rule.point(s)) for s in SCORED},
            "late_report": json_number(rule.late_report),
            "invalid_file": json_number(rule.invalid_file),
            "weights": {k: json_number(v) for k, v in sorted(rule.weights.items())},
            "tie_break": list(rule.tie_break),
            "awards": drive.awards.model_dump(mode="json"),
        },
    }


def rank_json(ranking: Ranking, drive: DriveFile) -> str:
    """The public JSON contract ``cantho-kpi/rank/v1`` (documented in the README)."""
    return json.dumps(rank_dict(ranking, drive), ensure_ascii=False, indent=2) + "\n"


RANK_COLUMNS = ("cluster", "rank", "unit_code", "unit", "score", "points")


def rank_csv(ranking: Ranking) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    statuses = [s.value for s in SCORED]
    writer.writerow([*RANK_COLUMNS, *statuses, "late_report", "invalid_file", "proposed"])
    for c in ranking.clusters:
        for s in c.ranking:
            deductions = [score_text(s.deductions[k]) for k in ("late_report", "invalid_file")]
            writer.writerow(
                [c.id, s.rank, s.unit_code, s.unit, score_text(s.score), score_text(s.points)]
                + [s.counts[k] for k in statuses]
                + [*deductions, "yes" if s.proposed else "no"]
            )
    return out.getvalue()


def rank_markdown(ranking: Ranking, lang: Lang = "vi") -> str:
    words = DRIVE_WORDS[lang]
    lines: list[str] = []
    for c in ranking.clusters:
        lines += [f"### {c.name} ({ranking.round})", ""]
        lines += [
            f"| {words['rank']} | {'Đơn vị' if lang == 'vi' else 'Unit'} | {words['score']} | "
            f"▲ | ✓ | ≈ | ✗ | · | ! | {words['deductions']} | {words['proposed']} |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for s in c.ranking:
            counts = " | ".join(str(s.counts[k.value]) for k in SCORED)
            minus = sum(s.deductions.values(), Decimal(0))
            less = score_text(minus, lang) if minus else ""
            mark = words["yes"] if s.proposed else ""
            score = score_text(s.score, lang)
            lines.append(
                f"| {s.rank} | {s.unit_code} {_md(s.unit)} | {score} | {counts} | {less} | {mark} |"
            )
        lines.append("")
    return "\n".join(lines)


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


def chase_csv(items: list[ChaseItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CHASE_COLUMNS, "submitted_on", "owed", "contact"])
    for i in items:
        whole = "whole file (unreadable)" if i.file else "whole file"
        owed = whole if i.whole_file else " ".join(i.indicators)
        sent = i.submitted_on.isoformat() if i.submitted_on else ""
        when = [i.round, i.deadline.isoformat(), i.status.value, i.days_late]
        writer.writerow([i.unit_code, i.unit, *when, i.file or "", sent, owed, i.contact or ""])
    return out.getvalue()


def chase_markdown(items: list[ChaseItem], lang: Lang = "vi") -> str:
    words = DRIVE_WORDS[lang]
    if not items:
        return words["nobody"] + "\n"
    unit = "Đơn vị" if lang == "vi" else "Unit"
    lines = [
        f"| {unit} | {words['round']} | {words['deadline']} | {words['timeliness']} | "
        f"{words['owed']} | {words['contact']} |",
        "|---|---|---|---|---|---|",
    ]
    for i in items:
        unreliable = i.date_source == "file-time"
        lines.append(
            f"| {i.unit_code} {_md(i.unit)} | {i.round} | {day_text(i.deadline)} | "
            f"{timeliness_text(i.status, i.days_late, lang, unreliable)} | {owed_text(i, lang)} | "
            f"{_md(i.contact or '')} |"
        )
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
