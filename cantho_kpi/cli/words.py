"""What the commands say on stderr, in the language of ``--lang`` (the message catalog), with
English plurals right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import day, tr, trn
from ..errors import one_line

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
        lines.append(
            trn(
                lang,
                "skipped {count} file that is not a submission (.xlsx, .csv): {names}",
                "skipped {count} files that are not submissions (.xlsx, .csv): {names}",
                len(others),
                names=", ".join(others),
            )
        )
    lines += [
        tr(lang, "skipped {name}: a summary written by kpi export, not a submission", name=name)
        for name in exports
    ]
    return lines


def wrote_line(output: Path, invalid: int, lang: Lang) -> str:
    path = one_line(str(output))
    if not invalid:
        return tr(lang, "wrote {path}", path=path)
    return trn(
        lang,
        "wrote {path}; {count} file with errors, see the Problems sheet",
        "wrote {path}; {count} files with errors, see the Problems sheet",
        invalid,
        path=path,
    )


def no_path_line(path: Path, lang: Lang) -> str:
    return tr(lang, "{path}: no such file or folder", path=path)


def no_files_line(paths: list[Path], skipped: int, lang: Lang) -> str:
    where = ", ".join(map(str, paths))
    said = tr(lang, "no submission files (.xlsx, .csv) in {where}", where=where)
    if skipped:
        said += trn(
            lang, " ({count} other file skipped)", " ({count} other files skipped)", skipped
        )
    return said


def later_lines(report: Report, lang: Lang) -> list[str]:
    """The files left out because they came after ``--as-of``, one line."""
    if report.as_of is None or not report.later:
        return []
    names = ", ".join(
        f"{Path(s.file).name} ({day(s.submitted_on, lang)})"
        if s.submitted_on
        else Path(s.file).name
        for s in report.later
    )
    said = trn(
        lang,
        "as of {day}, {count} file had not arrived yet, left out: {names}",
        "as of {day}, {count} files had not arrived yet, left out: {names}",
        len(report.later),
        day=day(report.as_of, lang),
        names=names,
    )
    return [f"kpi: {said}"]


def log_problem_lines(report: Report, lang: Lang) -> list[str]:
    """The problems of the offices' logs (received.csv), one line each, as warnings."""
    word = tr(lang, "warning")
    return [
        f"kpi: {word} {issue.location}: {issue.code}: {issue.text(lang)}"
        for log in report.received_logs
        for issue in log.issues
    ]
