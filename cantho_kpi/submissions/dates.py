"""The days a submission carries: ``Ngày lập`` on its sheet (the day the report was written),
the office's incoming log ``received.csv`` in its folder (the day it was received), and the
file's modification time (a hint only: copying a file changes it, so it decides nothing).

Which of them judges timeliness, and whether a day is plausible for its round, is decided in
the report (:mod:`cantho_kpi.report.receipts`); here the days are read, and the log is read
strictly: a header line naming its columns, the delimiter detected (``,`` ``;`` or a tab), and
every line that cannot be used a warning naming ``received.csv:LINE`` (a problem of the log is
the log's, never a submission's).

Only days count, never times or time zones: a file's modification time is read as a day in
Vietnam's time (UTC+7, no daylight saving), whatever the machine's zone.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from ..catalog import Said, both, day as shown_day
from ..errors import Collector, Issue, KpiError, Location, Severity
from ..files import read_regular

RECEIVED_LOG = "received.csv"
VIETNAM = timezone(timedelta(hours=7))
MAX_LOG_BYTES = 1_000_000

_DAY_FIRST = re.compile(r"(?P<d>[0-9]{1,2})\s*[/.-]\s*(?P<m>[0-9]{1,2})\s*[/.-]\s*(?P<y>[0-9]{4})")
_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?:[ T][0-9:.]+)?")
_WORDS = re.compile(
    r"ngày\s*(?P<d>[0-9]{1,2})\s*tháng\s*(?P<m>[0-9]{1,2})\s*năm\s*(?P<y>[0-9]{4})", re.I
)


def parse_day(text: str) -> date | None:
    """A day as clerks write it: ``05/07/2024``, ``5-7-2024``, ``2024-07-05`` (a date cell),
    ``ngày 05 tháng 7 năm 2024``; days come first. ``None`` when it is not a real day."""
    cleaned = " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())
    match = _ISO.fullmatch(cleaned) or _DAY_FIRST.fullmatch(cleaned) or _WORDS.search(cleaned)
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def today_in_vietnam() -> date:
    """Today in Cần Thơ (UTC+7), whatever the machine's zone."""
    return datetime.now(UTC).astimezone(VIETNAM).date()


# --- Ngày lập and the file's time --------------------------------------------------------


def written_date(text: str | None, where: Location | None, collector: Collector) -> date | None:
    """The day the sheet says the report was written (``Ngày lập``); a text that is no day is
    a warning on the submission."""
    if text is None:
        return None
    day = parse_day(text)
    if day is None:
        collector.add(
            "bad-date",
            both("'Ngày lập' {text} is not a day; write it like 05/07/2024", text=repr(text)),
            where,
            warning=True,
        )
    return day


def file_day(path: Path) -> date | None:
    """The day the file was last modified, in Cần Thơ: a hint shown beside a report whose day
    of receipt is unknown, never used to judge or order anything."""
    try:
        moment = datetime.fromtimestamp(path.stat().st_mtime, UTC).astimezone(VIETNAM)
    except (OSError, OverflowError, ValueError):
        return None
    return moment.date()


# --- received.csv ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One usable line of the log: the day a file was received, and the line that says so."""

    day: date
    line: int


@dataclass(frozen=True, slots=True)
class ReceivedLog:
    """The office's incoming log of one folder: file name (NFC) -> every usable line for it,
    in the order of the file; and the problems of the log itself."""

    file: str
    entries: dict[str, tuple[LogEntry, ...]] = field(default_factory=dict)
    issues: tuple[Issue, ...] = ()

    def lines_for(self, name: str) -> tuple[LogEntry, ...]:
        return self.entries.get(unicodedata.normalize("NFC", name), ())

    def at(self, line: int | None = None) -> Location:
        return Location(self.file, line)


def received_logs(files: Iterable[Path]) -> dict[str, ReceivedLog]:
    """The logs of the folders the files are in, keyed by folder as the files name it."""
    logs: dict[str, ReceivedLog] = {}
    for path in files:
        folder = str(path.parent)
        if folder not in logs:
            found = received_log(path.parent)
            if found is not None:
                logs[folder] = found
    return logs


def log_folder(file: str) -> str:
    """The key of :func:`received_logs` for a submission named ``file``."""
    return str(Path(file).parent)


def received_log(folder: Path) -> ReceivedLog | None:
    """The ``received.csv`` of a folder, or ``None`` when there is none."""
    path = folder / RECEIVED_LOG
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_log(str(path), stat.st_mtime_ns, stat.st_size)


def _log_bytes(path: str) -> bytes:
    """The one place the log is opened and read: a regular file only (a FIFO or a device is
    refused, never waited on), at most the cap, counted on the bytes actually read."""
    what = both("the received log")
    return read_regular(Path(path), path, MAX_LOG_BYTES, what)


@lru_cache(maxsize=64)
def _read_log(path: str, _mtime: int, _size: int) -> ReceivedLog:
    """Read once per process and version of the file (the key holds its time and size)."""
    try:
        data = _log_bytes(path)
    except KpiError as exc:
        prefix = f"{path}: "
        why = Said(exc.text("en").removeprefix(prefix), exc.text("vi").removeprefix(prefix))
        return _unusable(path, why)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        why = both("it is not UTF-8; save it as 'CSV UTF-8'")
        return _unusable(path, why)
    return _parse_log(path, text)


# not a message: the log's header names the reader recognises (input), folded
_FILE_NAMES = {"file", "tep", "ten tep", "filename", "file name"}
# not a message: the log's header names the reader recognises (input), folded
_DATE_NAMES = {"date", "ngay", "ngay nhan", "received", "date received", "ngay den"}
_DELIMITERS = (",", ";", "\t")


def _folded(text: str) -> str:
    """A header name compared without case, accents or extra spaces: ``Ngày nhận`` is
    ``ngay nhan``."""
    # not a message: letters of the log's header, folded to compare
    stripped = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in stripped if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


@dataclass(slots=True)
class _Header:
    delimiter: str
    file: int
    date: int


def _parse_log(path: str, text: str) -> ReceivedLog:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return ReceivedLog(path)  # an empty log: nothing received yet
    header = _header(path, first + 1, lines[first])
    if isinstance(header, Issue):
        return ReceivedLog(path, issues=(header,))
    found: dict[str, list[LogEntry]] = {}
    issues: list[Issue] = []
    for index in range(first + 1, len(lines)):
        if not lines[index].strip():
            continue
        row = _row(path, index + 1, lines[index], header)
        if isinstance(row, Issue):
            issues.append(row)
            continue
        name, entry = row
        issues.extend(_conflicts(path, name, found.get(name, []), entry))
        found.setdefault(name, []).append(entry)
    return ReceivedLog(path, {name: tuple(rows) for name, rows in found.items()}, tuple(issues))


def _fields(line: str, delimiter: str) -> list[str] | None:
    """One line's fields; ``None`` when it cannot be read (an unclosed quote)."""
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True), [])
    except csv.Error:
        return None


def _header(path: str, line: int, text: str) -> _Header | Issue:
    """The first line names the columns: ``file`` and ``date`` (or ``tệp``, ``ngày nhận``), in
    any order, separated by ``,``, ``;`` or a tab (the delimiter of the whole log)."""
    for delimiter in sorted(_DELIMITERS, key=text.count, reverse=True):
        names = [_folded(n) for n in _fields(text, delimiter) or []]
        files = [i for i, n in enumerate(names) if n in _FILE_NAMES]
        dates = [i for i, n in enumerate(names) if n in _DATE_NAMES]
        if files and dates:
            return _Header(delimiter, files[0], dates[0])
    return _log_issue(
        "bad-received-log",
        path,
        line,
        both(
            "the first line, {line}, is not a header naming the columns; the log was not used: "
            "put 'file,date' (or 'tệp;ngày nhận') as its first line",
            line=repr(text.strip()[:80]),
        ),
    )


def _row(path: str, line: int, text: str, header: _Header) -> tuple[str, LogEntry] | Issue:
    """One line of the log: the file's name (NFC, without folders) and the day, or why the
    line cannot be used."""
    fields = _fields(text, header.delimiter)
    if fields is None:
        return _log_issue(
            "bad-received-row",
            path,
            line,
            both("the line cannot be read (a quote is not closed); it was not used"),
        )
    name = fields[header.file].strip() if len(fields) > header.file else ""
    if len(fields) <= max(header.file, header.date) or not name:
        return _short_row(path, line, text, header)
    given = fields[header.date].strip()
    day = parse_day(given)
    if day is None:
        return _log_issue(
            "bad-received-date",
            path,
            line,
            both(
                "{given} is not a day; write it like 05/07/2024; the line was not used",
                given=repr(given),
            ),
        )
    return unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name), LogEntry(day, line)


def _short_row(path: str, line: int, text: str, header: _Header) -> Issue:
    tab = header.delimiter == "\t"
    shown = both("a tab") if tab else repr(header.delimiter)
    return _log_issue(
        "bad-received-row",
        path,
        line,
        both(
            "{line} does not give a file name and a day separated by {delimiter} as the header "
            "does; it was not used",
            line=repr(text.strip()[:80]),
            delimiter=shown,
        ),
    )


def _conflicts(path: str, name: str, before: list[LogEntry], entry: LogEntry) -> list[Issue]:
    """A file logged again with another day: the log contradicts itself (the earliest stands)."""
    other = next((e for e in before if e.day != entry.day), None)
    if other is None:
        return []
    first = min([*before, entry], key=lambda e: (e.day, e.line))
    return [
        _log_issue(
            "received-log-conflict",
            path,
            entry.line,
            both(
                "{name} is logged as received on {day} here and on {other} on line {line}; the "
                "earliest, {first} (line {first_line}), is used: correct the log",
                name=name,
                day=shown_day(entry.day),
                other=shown_day(other.day),
                line=other.line,
                first=shown_day(first.day),
                first_line=first.line,
            ),
        )
    ]


def _log_issue(code: str, path: str, line: int | None, message: Said) -> Issue:
    """A warning on the log itself, at its line (``.../received.csv:3``)."""
    return Issue.said(code, message, Location(path, line), Severity.WARNING)


def _unusable(path: str, why: Said) -> ReceivedLog:
    said = both("the log was not used: {why}", why=why)
    return ReceivedLog(path, issues=(_log_issue("bad-received-log", path, None, said),))
