"""Problems of targets files as text for people, JSON for scripts, and GitHub annotations.

Strings only: nothing here prints.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalog import Lang
from ..errors import Issue
from ..targets import DriveResult, TargetsResult


def issues_text(issues: list[Issue], lang: Lang = "en") -> str:
    """One line per issue, ``PATH:LINE:COL: CODE: message``, the message in ``lang``."""
    return "".join(f"{issue.location}: {issue.code}: {issue.text(lang)}\n" for issue in issues)


def issue_dict(issue: Issue, *, position: bool = True, vi: bool = False) -> dict[str, Any]:
    """An issue for JSON: code, severity, location (with its file, line and column when
    ``position``), the message (and its Vietnamese text when ``vi``)."""
    loc = issue.location
    found: dict[str, Any] = {
        "code": issue.code,
        "severity": issue.severity.value,
        "location": str(loc),
    }
    if position:
        found.update(file=loc.file, line=loc.line, col=loc.col)
    found["message"] = issue.message
    if vi:
        found["message_vi"] = issue.message_vi
    return found


def issues_json(results: list[TargetsResult | DriveResult]) -> str:
    """One JSON document for the validation of one or more targets files (and drive files)."""
    files = [
        {"file": r.path, "valid": r.valid, "issues": [issue_dict(i) for i in r.issues]}
        for r in results
    ]
    doc = {"valid": all(r.valid for r in results), "files": files}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def issues_github(issues: list[Issue], lang: Lang = "en") -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=T::message``, the
    message in ``lang``."""
    lines = []
    for issue in issues:
        loc = issue.location
        props = [f"file={_escape_property(loc.file)}"]
        if loc.line is not None:
            props.append(f"line={loc.line}")
        if loc.col is not None:
            props.append(f"col={loc.col}")
        props.append(f"title={_escape_property(issue.code)}")
        message = _escape_data(issue.text(lang))
        lines.append(f"::{issue.severity.value} {','.join(props)}::{message}\n")
    return "".join(lines)
