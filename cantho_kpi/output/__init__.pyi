"""The public face of ``cantho_kpi.output``: every name it offers, by the module that
defines it (read by type checkers, and by :mod:`cantho_kpi.faces` to load each name on
first use)."""

from .annotations import (
    issue_dict as issue_dict,
    issues_github as issues_github,
    issues_json as issues_json,
    issues_text as issues_text,
)
from .console import (
    draw_check as draw_check,
    status_text as status_text,
    targets_table as targets_table,
)
from .data import (
    CHECK_SCHEMA as CHECK_SCHEMA,
    check_csv as check_csv,
    check_json_chunks as check_json_chunks,
    number_text as number_text,
    short_file as short_file,
    targets_json as targets_json,
)
from .drive_console import (
    draw_calendar as draw_calendar,
    draw_chase as draw_chase,
    draw_rank as draw_rank,
)
from .drive_data import (
    CHASE_SCHEMA as CHASE_SCHEMA,
    RANK_SCHEMA as RANK_SCHEMA,
    calendar_dict as calendar_dict,
    chase_csv as chase_csv,
    chase_json as chase_json,
    chase_markdown as chase_markdown,
    given_lines as given_lines,
    rank_csv as rank_csv,
    rank_dict as rank_dict,
    rank_json as rank_json,
    rank_markdown as rank_markdown,
    reference_line as reference_line,
    rule_line as rule_line,
)
from .formats import (
    format_for_suffix as format_for_suffix,
    format_names as format_names,
    get_format as get_format,
)
from .formats.views import (
    ChaseView as ChaseView,
    CheckView as CheckView,
    ProgressView as ProgressView,
    RankView as RankView,
    ReportView as ReportView,
    ReviewView as ReviewView,
    TargetsView as TargetsView,
    ValidationView as ValidationView,
)
from .markdown import check_markdown as check_markdown
from .progress import (
    PROGRESS_SCHEMA as PROGRESS_SCHEMA,
    progress_csv as progress_csv,
    progress_dict as progress_dict,
    progress_json as progress_json,
    progress_markdown as progress_markdown,
    progress_result_dict as progress_result_dict,
)
from .progress_table import draw_progress as draw_progress
from .review import (
    PROGRESS_MARK as PROGRESS_MARK,
    review_markdown as review_markdown,
    review_outline as review_outline,
)
from .review_data import ReviewData as ReviewData
from .review_docx import review_docx as review_docx
