"""Results -> strings, or drawings on a Console that the caller gives: tables for people,
JSON, CSV and Markdown for scripts and documents, annotations for CI. Nothing here prints.

Names are loaded on first use, so that a command needing only the annotations does not import
rich (``kpi validate-targets`` must start quickly).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .annotations import issue_dict, issues_github, issues_json, issues_text
    from .console import draw_check, status_text, targets_table
    from .data import (
        CHECK_SCHEMA,
        check_csv,
        check_json_chunks,
        number_text,
        short_file,
        targets_json,
    )
    from .drive_console import draw_calendar, draw_chase, draw_rank
    from .drive_data import (
        CHASE_SCHEMA,
        RANK_SCHEMA,
        calendar_dict,
        chase_csv,
        chase_json,
        chase_markdown,
        given_lines,
        rank_csv,
        rank_dict,
        rank_json,
        rank_markdown,
        reference_line,
        rule_line,
    )
    from .markdown import check_markdown
    from .progress import (
        PROGRESS_SCHEMA,
        progress_csv,
        progress_dict,
        progress_json,
        progress_markdown,
        progress_result_dict,
    )
    from .progress_table import draw_progress
    from .review import PROGRESS_MARK, ReviewData, review_markdown

_WHERE = {
    "issue_dict": "annotations",
    "issues_github": "annotations",
    "issues_json": "annotations",
    "issues_text": "annotations",
    "draw_check": "console",
    "status_text": "console",
    "targets_table": "console",
    "CHECK_SCHEMA": "data",
    "check_csv": "data",
    "check_json_chunks": "data",
    "check_markdown": "markdown",
    "number_text": "data",
    "short_file": "data",
    "targets_json": "data",
    "PROGRESS_SCHEMA": "progress",
    "progress_csv": "progress",
    "progress_dict": "progress",
    "progress_json": "progress",
    "progress_markdown": "progress",
    "progress_result_dict": "progress",
    "draw_progress": "progress_table",
    "PROGRESS_MARK": "review",
    "ReviewData": "review",
    "review_markdown": "review",
    "draw_calendar": "drive_console",
    "draw_chase": "drive_console",
    "draw_rank": "drive_console",
    "CHASE_SCHEMA": "drive_data",
    "RANK_SCHEMA": "drive_data",
    "calendar_dict": "drive_data",
    "chase_csv": "drive_data",
    "chase_json": "drive_data",
    "chase_markdown": "drive_data",
    "rank_csv": "drive_data",
    "rank_dict": "drive_data",
    "rank_json": "drive_data",
    "rank_markdown": "drive_data",
    "reference_line": "drive_data",
    "rule_line": "drive_data",
    "given_lines": "drive_data",
}
__all__ = [
    "CHASE_SCHEMA",
    "CHECK_SCHEMA",
    "PROGRESS_MARK",
    "PROGRESS_SCHEMA",
    "RANK_SCHEMA",
    "ReviewData",
    "calendar_dict",
    "chase_csv",
    "chase_json",
    "chase_markdown",
    "check_csv",
    "check_json_chunks",
    "check_markdown",
    "draw_calendar",
    "draw_chase",
    "draw_check",
    "draw_progress",
    "draw_rank",
    "given_lines",
    "issue_dict",
    "issues_github",
    "issues_json",
    "issues_text",
    "number_text",
    "progress_csv",
    "progress_dict",
    "progress_json",
    "progress_markdown",
    "progress_result_dict",
    "rank_csv",
    "rank_dict",
    "rank_json",
    "rank_markdown",
    "reference_line",
    "review_markdown",
    "rule_line",
    "short_file",
    "status_text",
    "targets_json",
    "targets_table",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
