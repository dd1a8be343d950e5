"""Reports for scripts and documents: the `kpi check` JSON (the public contract
``cantho-kpi/check/v1``), CSV and Markdown, and the targets as JSON. Strings; nothing prints.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..domain import Lang, format_number, json_number
from ..report import (
    AppliedTarget,
    Headline,
    Report,
    Result,
    Rollup,
    summary,
)
from ..submissions import Submission
from ..targets import TargetsFile, target_text
from .annotations import issue_dict

CHECK_SCHEMA = "cantho-kpi/check/v2"


def short_file(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def number_text(value: Decimal | None, lang: Lang) -> str:
    return "" if value is None else format_number(value, lang)


def _submission_dict(sub: Submission) -> dict[str, Any]:
    return {
        "file": sub.file,
        "unit": sub.unit_name,
        "unit_code": sub.unit_code,
        "period": sub.period,
        "sheet": sub.sheet,
        "valid": sub.valid,
        "issues": [issue_dict(i, position=False, vi=True) for i in sub.issues],
        "submitted_on": sub.submitted_on.isoformat() if sub.submitted_on else None,
        "date_source": sub.date_source,
    }


def _later_dict(sub: Submission) -> dict[str, Any]:
    """A file left out because it came after ``--as-of``."""
    return {
        "file": sub.file,
        "unit_code": sub.unit_code,
        "period": sub.period,
        "submitted_on": sub.submitted_on.isoformat() if sub.submitted_on else None,
        "date_source": sub.date_source,
    }


def log_dicts(report: Report) -> list[dict[str, Any]]:
    """The offices' logs (received.csv) read for the days of receipt, with their problems."""
    return [
        {"file": log.file, "issues": [issue_dict(i, position=False, vi=True) for i in log.issues]}
        for log in report.received_logs
    ]


def _result_dict(result: Result) -> dict[str, Any]:
    return {
        "file": result.file,
        "unit_code": result.unit_code,
        "period": result.period,
        "code": result.code,
        "value": json_number(result.value),
        "status": result.status.value,
        "side": result.side.value if result.side else None,
        "location": result.location,
        "round": result.round,
        "target_source": result.target.source if result.target else None,
        "target": _target_dict(result.target),
        "source": result.source,
        "estimate": result.estimate,
        "reference": _target_dict(result.reference),
    }


def _target_dict(target: AppliedTarget | None) -> dict[str, Any] | None:
    """The target a verdict used, enough to recompute it by hand (one dict per target: the
    results of one unit and round share their targets)."""
    if target is None:
        return None
    return _target_of(target)


@lru_cache(maxsize=1024)
def _target_of(target: AppliedTarget) -> dict[str, Any]:
    return {
        "kind": target.kind.value,
        "min": json_number(target.min),
        "max": json_number(target.max),
        "tolerance": json_number(target.tolerance),
        "share": json_number(target.share),
        "pending": target.pending,
    }


def _rollup_dict(rollup: Rollup) -> dict[str, Any]:
    return {
        "round": rollup.round,
        "code": rollup.code,
        "units": list(rollup.units),
        "value": json_number(rollup.value),
        "complete": rollup.complete,
        "reported_value": json_number(rollup.reported_value),
        "agrees": rollup.agrees,
        "level": rollup.level.value,
        "into": rollup.into.value,
    }


def _headline_dict(headline: Headline) -> dict[str, Any]:
    return {"round": headline.round, "unit_code": headline.unit_code, **headline.counts()}


def check_json_chunks(report: Report, extra: dict[str, Any] | None = None) -> Iterator[str]:
    """The public JSON contract ``cantho-kpi/check/v2`` (documented in docs/json.md), in pieces:
    one submission or result per line, encoded as it is written (with the C encoder: no
    indentation inside the objects). ``extra`` fields (the drive's calendar) come last."""
    parts: list[tuple[str, Any]] = [
        ("schema", CHECK_SCHEMA),
        ("targets_file", report.targets_file),
        ("periods", report.periods),
        ("rounds", report.rounds),
        ("submissions", (_submission_dict(s) for s in report.submissions)),
        ("results", (_result_dict(r) for r in report.results)),
        ("missing_units", [m.model_dump() for m in report.missing_units]),
        ("rollups", [_rollup_dict(r) for r in report.rollups]),
        ("headlines", [_headline_dict(h) for h in report.headlines]),
        ("summary", summary(report)),
        ("as_of", report.as_of.isoformat() if report.as_of else None),
        ("after_as_of", [_later_dict(s) for s in report.later]),
        ("received_logs", log_dicts(report)),
        *(extra or {}).items(),
    ]
    yield "{\n"
    for index, (key, value) in enumerate(parts):
        yield f"{json.dumps(key)}: "
        if isinstance(value, Iterator):
            yield from _json_list(value)
        else:
            yield _dumps(value)
        yield ",\n" if index < len(parts) - 1 else "\n"
    yield "}\n"


def _json_list(items: Iterator[Any]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + _dumps(item)
        first = False
    yield "[]" if first else "\n]"


#: One encoder for every line (``json.dumps`` with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


CSV_COLUMNS = (
    "file",
    "unit_code",
    "period",
    "code",
    "value",
    "status",
    "side",
    "location",
    "round",
    "target_source",
    "source",
    "estimate",
)


def check_csv(report: Report) -> str:
    """The results, one row each; values written exactly, with a decimal point."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.results:
        value = "" if r.value is None else format(r.value, "f")
        side = r.side.value if r.side else ""
        texts = [_csv_text(t) for t in (r.file, r.unit_code, r.period, r.code)]
        source = r.target.source if r.target else ""
        where = _csv_text(r.location)
        estimate = "true" if r.estimate else "false"
        row = [*texts, value, r.status.value, side, where, r.round, source, r.source, estimate]
        writer.writerow(row)
    return out.getvalue()


def _csv_text(text: str | None) -> str:
    """Text from submissions (file names) never starts a formula in a spreadsheet program."""
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text or ""


def targets_json(targets: TargetsFile) -> str:
    rows: list[dict[str, Any]] = []
    for ind in targets.indicators:
        rows.append(
            {
                "code": ind.code,
                "number": ind.number,
                "name_vi": ind.name_vi,
                "name_en": ind.name_en,
                "plan_text": ind.plan_text,
                "unit": ind.unit,
                "kind": ind.kind.value,
                "min": json_number(ind.min),
                "max": json_number(ind.max),
                "tolerance": json_number(ind.tolerance),
                "plausible": {
                    "min": json_number(ind.plausible.min),
                    "max": json_number(ind.plausible.max),
                },
                "part_of": ind.part_of,
                "target_text": target_text(ind, "en"),
                "scope": ind.scope.value,
                "integer": ind.integer,
                "aggregate": ind.aggregate.value,
                "measure": ind.measure.value,
            }
        )
    return json.dumps({"targets": rows}, ensure_ascii=False, indent=2) + "\n"
