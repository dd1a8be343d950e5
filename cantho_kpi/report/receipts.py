"""A submission's day of receipt, settled from what it says and the office's log. Pure: the logs
and "today" are given.

The rules (``docs/domain.md``, "The drive: calendar ..."):

* the day of receipt is the office's incoming log, ``received.csv`` (``received-log``); when a
  file is logged twice with different days, the earliest stands (the log says so itself);
* ``Ngày lập`` on the sheet is the day the report was written, a lower bound of its receipt
  (``sheet``); with neither, the day of receipt is ``unknown``;
* a day before the year of the file's round, or after today, is implausible: a warning
  (``implausible-date``) and not used. A report of estimates is routinely written before its
  period ends, so a day inside the round's year is never implausible for being early. The
  warning is the submission's for its ``Ngày lập``, the log's (at its line) for a logged day;
* a file's modification time decides nothing (it is kept on the submission as a hint).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..catalog import Said, both, day as shown_day
from ..errors import Issue, Location, Severity
from ..submissions import DateSource, LogEntry, ReceivedLog, Submission, log_folder

IMPLAUSIBLE = "implausible-date"


@dataclass(slots=True)
class Receipts:
    """Settles each submission's day against the logs; collects the logs' own problems."""

    logs: dict[str, ReceivedLog] = field(default_factory=dict)
    today: date | None = None
    #: Problems found in the logs while settling days (implausible logged days), by log.
    found: dict[str, list[Issue]] = field(default_factory=dict)

    def settle(self, sub: Submission, year: int | None) -> Submission:
        """``sub`` with its day of receipt settled; ``year`` is the year of its round."""
        issues = list(sub.issues)
        written = sub.written_on
        if written is not None and self._implausible(written, year):
            issues.append(self._sheet_issue(sub, written, year))
            written = None
        received = self._received(sub, year)
        if received is not None:
            day, source = received, DateSource.RECEIVED_LOG
        elif written is not None:
            day, source = written, DateSource.SHEET
        else:
            day, source = None, DateSource.UNKNOWN
        return sub.model_copy(
            update={
                "issues": issues,
                "written_on": written,
                "received_on": received,
                "submitted_on": day,
                "date_source": source,
            }
        )

    def log_issues(self) -> list[tuple[str, list[Issue]]]:
        """Every log with its problems: those of its lines, then the implausible days."""
        return [
            (log.file, [*log.issues, *self.found.get(log.file, [])])
            for log in sorted(self.logs.values(), key=lambda log: log.file)
        ]

    def _received(self, sub: Submission, year: int | None) -> date | None:
        log = self.logs.get(log_folder(sub.file))
        if log is None:
            return None
        usable: list[LogEntry] = []
        for entry in log.lines_for(sub.file.replace("\\", "/").rsplit("/", 1)[-1]):
            if self._implausible(entry.day, year):
                self._note(log, entry, year)
            else:
                usable.append(entry)
        return min((e.day for e in usable), default=None)

    def _implausible(self, day: date, year: int | None) -> bool:
        return (year is not None and day.year < year) or (
            self.today is not None and day > self.today
        )

    def _why(self, day: date, year: int | None) -> Said:
        if year is not None and day.year < year:
            return both("is before {year}, the year of the file's round", year=year)
        assert self.today is not None
        return both("is after today ({today})", today=shown_day(self.today))

    def _sheet_issue(self, sub: Submission, day: date, year: int | None) -> Issue:
        said = both(
            "'Ngày lập' {day} {why}; it was not used: correct the date on the sheet",
            day=shown_day(day),
            why=self._why(day, year),
        )
        return Issue.said(IMPLAUSIBLE, said, sub.written_at or Location(sub.file), Severity.WARNING)

    def _note(self, log: ReceivedLog, entry: LogEntry, year: int | None) -> None:
        mine = self.found.setdefault(log.file, [])
        if any(issue.location.line == entry.line for issue in mine):
            return  # said once per line, however many files it concerns
        said = both(
            "{day} {why}; the line was not used: correct the log",
            day=shown_day(entry.day),
            why=self._why(entry.day, year),
        )
        mine.append(Issue.said(IMPLAUSIBLE, said, log.at(entry.line), Severity.WARNING))
