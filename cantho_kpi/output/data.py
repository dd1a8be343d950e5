"""Reports for scripts and documents: the `kpi check` JSON (the public contract
``cantho-kpi/check/v1``), CSV and Markdown, and the targets as JSON. Strings; nothing prints.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..domain import SYMBOL, WORDS, Lang, Status, format_number, json_number
from ..report import Report, Result, indicator_rows, summary, unit_rows
from ..submissions import Submission
from ..targets import TargetsFile, target_text
from .annotations import issue_dict

CHECK_SCHEMA = "cantho-kpi/check/v1"


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
    }


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
    }


def check_json_chunks(report: Report) -> Iterator[str]:
    """The public JSON contract ``cantho-kpi/check/v1`` (documented in the README), in pieces:
    one submission or result per line, encoded as it is written (with the C encoder: no
    indentation inside the objects)."""
    parts: list[tuple[str, Any]] = [
        ("schema", CHECK_SCHEMA),
        ("targets_file", report.targets_file),
        ("periods", report.periods),
        ("submissions", (_submission_dict(s) for s in report.submissions)),
        ("results", (_result_dict(r) for r in report.results)),
        ("missing_units", [m.model_dump() for m in report.missing_units]),
        ("summary", summary(report)),
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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


CSV_COLUMNS = ("file", "unit_code", "period", "code", "value", "status", "side", "location")


def check_csv(report: Report) -> str:
    """The results, one row each; values written exactly, with a decimal point."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.results:
        value = "" if r.value is None else format(r.value, "f")
        side = r.side.value if r.side else ""
        texts = [_csv_text(t) for t in (r.file, r.unit_code, r.period, r.code)]
        writer.writerow([*texts, value, r.status.value, side, _csv_text(r.location)])
    return out.getvalue()


def _csv_text(text: str | None) -> str:
    """Text from submissions (file names) never starts a formula in a spreadsheet program."""
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text or ""


def check_markdown(report: Report, targets: TargetsFile, lang: Lang = "vi") -> str:
    """The tables as Markdown, for pasting into a report."""
    words = WORDS[lang]
    symbols = " | ".join(SYMBOL[s] for s in Status)
    lines = [f"## {words['units']}", ""]
    lines += [f"| {words['unit']} | {words['period']} | {words['file']} | {symbols} |"]
    lines += ["|" + "---|" * (3 + len(Status))]
    for row in unit_rows(report):
        sub = row.submission
        name = " ".join(p for p in (sub.unit_code, sub.unit_name) if p) or "?"
        counts = " | ".join(str(row.counts[s]) for s in Status)
        lines.append(
            f"| {_md(name)} | {sub.period or '?'} | {_md(short_file(sub.file))} | {counts} |"
        )
    if report.missing_units:
        names = ", ".join(f"{m.unit_code} ({m.unit}, {m.period})" for m in report.missing_units)
        lines += ["", f"**{words['missing_units']}:** {_md(names)}"]
    lines += ["", f"## {words['indicators']}", ""]
    lines += [
        f"| {words['code']} | {words['target']} | {symbols} | {words['worst']} | {words['best']} |"
    ]
    lines += ["|" + "---|" * (4 + len(Status))]
    for irow in indicator_rows(targets, report):
        counts = " | ".join(str(irow.counts[s]) for s in Status)
        lines.append(
            f"| {irow.indicator.code} | {_md(target_text(irow.indicator, lang))} | {counts} | "
            f"{number_text(irow.worst, lang)} | {number_text(irow.best, lang)} |"
        )
    lines += ["", f"*{words['targets_file']}: `{_md(report.targets_file)}`*"]
    issues = [i for s in report.submissions for i in s.issues]
    if issues:
        lines += ["", f"## {words['issues']}", ""]
        lines += [f"- `{_md(str(i.location))}` {i.code}: {_md(i.text(lang))}" for i in issues]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


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
            }
        )
    return json.dumps({"targets": rows}, ensure_ascii=False, indent=2) + "\n"
