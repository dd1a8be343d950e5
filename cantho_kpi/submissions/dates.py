"""When a submission was sent: ``Ngày lập`` on its sheet, else the office's received log
(``received.csv`` in the file's folder), else the file's modification time, which is
unreliable (copying a file resets it): the calendar warns wherever it uses such a day.

Only days count, never times or time zones: a file's modification time is read as a day in
Vietnam's time (UTC+7, no daylight saving), whatever the machine's zone.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from ..errors import Collector, Issue, Location, Severity

RECEIVED_LOG = "received.csv"
VIETNAM = timezone(timedelta(hours=7))
MAX_LOG_BYTES = 1_000_000

_DAY_FIRST = re.compile(r"(?P<d>[0-9]{1,2})\s*[/.-]\s*(?P<m>[0-9]{1,2})\s*[/.-]\s*(?P<y>[0-9]{4})")
_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?:[ T][0-9:.]+)?")
_WORDS = re.compile(
    r"ngày\s*(?P<d>[0-9]{1,2})\s*tháng\s*(?P<m>[0-9]{1,2})\s*năm\s*(?P<y>[0-9]{4})", re.I
)


class DateSource(StrEnum):
    SHEET = "sheet"  # Ngày lập on the sheet
    RECEIVED_LOG = "received-log"  # received.csv in the folder
    FILE_TIME = "file-time"  # the file's modification time: unreliable


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


@dataclass(frozen=True, slots=True)
class ReceivedLog:
    """The office's log: file name -> the day it came, or the problem with its line."""

    days: dict[str, date | Issue]
    #: Why the whole log could not be read (too large, not UTF-8), said to each file it concerns.
    problem: Issue | None = None


def received_log(folder: Path) -> ReceivedLog | None:
    """The ``received.csv`` of a folder (``file,date`` with a header line), or ``None``."""
    path = folder / RECEIVED_LOG
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_log(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_log(path: str, _mtime: int, size: int) -> ReceivedLog | None:
    """Read once per process and version of the file (the key holds its time and size)."""
    if size > MAX_LOG_BYTES:
        return _unreadable(path, f"it is larger than {MAX_LOG_BYTES:,} bytes", "tệp quá lớn")
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return _unreadable(path, f"it cannot be read ({exc.strerror})", "không đọc được tệp")
    except UnicodeDecodeError:
        return _unreadable(
            path, "it is not UTF-8; save it as 'CSV UTF-8'", "tệp không phải mã UTF-8"
        )
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=";" if ";" in first else ",")
    days: dict[str, date | Issue] = {}
    for line, row in enumerate(reader, 1):
        if line == 1 or not row or not row[0].strip():
            continue  # the header, or an empty line
        name = unicodedata.normalize("NFC", row[0].strip())
        day = parse_day(row[1]) if len(row) > 1 else None
        days[name] = day if day is not None else _bad_line(path, line, row)
    return ReceivedLog(days)


def _unreadable(path: str, why: str, why_vi: str) -> ReceivedLog:
    issue = Issue(
        "bad-received-log",
        f"{RECEIVED_LOG} was not used: {why}",
        Location(path),
        Severity.WARNING,
        f"{RECEIVED_LOG} không được dùng: {why_vi}",
    )
    return ReceivedLog({}, issue)


def _bad_line(path: str, line: int, row: list[str]) -> Issue:
    given = row[1].strip() if len(row) > 1 else ""
    return Issue(
        "bad-received-date",
        f"{RECEIVED_LOG} line {line}: {given!r} is not a day; write it like 05/07/2024",
        Location(path, line, 2),
        Severity.WARNING,
        f"{RECEIVED_LOG} dòng {line}: {given!r} không phải là ngày; hãy ghi dạng 05/07/2024",
    )


def submission_date(
    path: Path, sheet_text: str | None, where: Location | None, collector: Collector
) -> tuple[date | None, DateSource | None]:
    """The day a file was sent and where that came from; problems go to ``collector``."""
    if sheet_text is not None:
        day = parse_day(sheet_text)
        if day is not None:
            return day, DateSource.SHEET
        collector.add(
            "bad-date",
            f"'Ngày lập' {sheet_text!r} is not a day; write it like 05/07/2024",
            where,
            warning=True,
            vi=f"'Ngày lập' {sheet_text!r} không phải là ngày; hãy ghi dạng 05/07/2024",
        )
    log = received_log(path.parent)
    if log is not None and log.problem is not None:
        collector.issues.append(log.problem)
    entry = log.days.get(unicodedata.normalize("NFC", path.name)) if log else None
    if isinstance(entry, date):
        return entry, DateSource.RECEIVED_LOG
    if isinstance(entry, Issue):
        collector.issues.append(entry)
    return _file_day(path)


def _file_day(path: Path) -> tuple[date | None, DateSource | None]:
    """The day the file was last modified. No warning here: the calendar (which alone uses the
    day) says that this source is unreliable wherever it shows it."""
    try:
        moment = datetime.fromtimestamp(path.stat().st_mtime, UTC).astimezone(VIETNAM)
    except (OSError, OverflowError, ValueError):
        return None, None
    return moment.date(), DateSource.FILE_TIME
