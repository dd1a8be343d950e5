"""What the commands say on stderr, in the language of ``--lang``, with English plurals right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import one_line
from ..presentation import plural

if TYPE_CHECKING:
    from ..domain import Lang
    from ..report import Report
    from ..submissions import Skipped


def skipped_lines(skipped: list[Skipped], lang: Lang) -> list[str]:
    """One line for the files that are not submissions, one per ``kpi export`` workbook."""
    others = [one_line(s.path.name) for s in skipped if s.reason == "not-a-submission"]
    exports = [one_line(s.path.name) for s in skipped if s.reason == "kpi-export"]
    lines = []
    if others:
        names = ", ".join(others)
        if lang == "vi":
            lines.append(f"bỏ qua {len(others)} tệp không phải báo cáo (.xlsx, .csv): {names}")
        else:
            what = plural(
                len(others), "file that is not a submission", "files that are not submissions"
            )
            lines.append(f"skipped {what} (.xlsx, .csv): {names}")
    for name in exports:
        if lang == "vi":
            lines.append(f"bỏ qua {name}: bảng tổng hợp do kpi export tạo, không phải báo cáo")
        else:
            lines.append(f"skipped {name}: a summary written by kpi export, not a submission")
    return lines


def wrote_line(output: Path, invalid: int, lang: Lang) -> str:
    output = Path(one_line(str(output)))
    if lang == "vi":
        extra = f"; {invalid} tệp có lỗi, xem trang Vấn đề" if invalid else ""
        return f"đã ghi {output}{extra}"
    files = plural(invalid, "file", "files")
    extra = f"; {files} with errors, see the Problems sheet" if invalid else ""
    return f"wrote {output}{extra}"


def no_path_line(path: Path, lang: Lang) -> str:
    if lang == "vi":
        return f"{path}: không có tệp hay thư mục này"
    return f"{path}: no such file or folder"


def no_files_line(paths: list[Path], skipped: int, lang: Lang) -> str:
    where = ", ".join(map(str, paths))
    if lang == "vi":
        extra = f" (đã bỏ qua {skipped} tệp khác)" if skipped else ""
        return f"không có tệp báo cáo nào (.xlsx, .csv) trong {where}{extra}"
    extra = f" ({plural(skipped, 'other file', 'other files')} skipped)" if skipped else ""
    return f"no submission files (.xlsx, .csv) in {where}{extra}"


def later_lines(report: Report, lang: Lang) -> list[str]:
    """The files left out because they came after ``--as-of``, one line."""
    if report.as_of is None or not report.later:
        return []
    names = ", ".join(
        f"{Path(s.file).name} ({s.submitted_on:%d/%m/%Y})" if s.submitted_on else Path(s.file).name
        for s in report.later
    )
    day = f"{report.as_of:%d/%m/%Y}"
    if lang == "vi":
        return [
            f"kpi: tính đến ngày {day}, {len(report.later)} tệp chưa đến, không được tính: {names}"
        ]
    what = plural(len(report.later), "file had", "files had")
    return [f"kpi: as of {day}, {what} not arrived yet, left out: {names}"]


def log_problem_lines(report: Report, lang: Lang) -> list[str]:
    """The problems of the offices' logs (received.csv), one line each, as warnings."""
    word = "cảnh báo" if lang == "vi" else "warning"
    return [
        f"kpi: {word} {issue.location}: {issue.code}: {issue.text(lang)}"
        for log in report.received_logs
        for issue in log.issues
    ]
