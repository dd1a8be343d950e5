"""What each kind of output is made from: the result of a command and the options that shape
how it reads (the language, one unit, the day). Plain data, nothing computed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...domain import Lang
    from ...report import (
        ChaseItem,
        LaunchStatus,
        ProgressReport,
        Ranking,
        Report,
        RoundStatus,
    )
    from ...targets import DriveFile, DriveResult, TargetsFile, TargetsResult
    from ..review_data import ReviewData


@dataclass(frozen=True)
class CheckView:
    report: Report
    targets: TargetsFile
    lang: Lang = "vi"
    unit: str | None = None
    detail: bool = False
    #: The drive's timeliness per unit and round, and its launch documents (with a drive file).
    calendar: tuple[list[RoundStatus], list[LaunchStatus]] | None = None


@dataclass(frozen=True)
class ProgressView:
    report: ProgressReport
    targets: TargetsFile
    lang: Lang = "vi"


@dataclass(frozen=True)
class RankView:
    ranking: Ranking
    drive: DriveFile
    drive_file: str
    as_of: date | None = None
    lang: Lang = "vi"


@dataclass(frozen=True)
class ChaseView:
    items: list[ChaseItem]
    as_of: date | None
    lang: Lang = "vi"


@dataclass(frozen=True)
class TargetsView:
    targets: TargetsFile
    lang: Lang = "vi"


@dataclass(frozen=True)
class ValidationView:
    results: list[TargetsResult | DriveResult] = field(default_factory=list)
    #: The language of the problems' messages in text and annotations (JSON keeps English).
    lang: Lang = "en"


@dataclass(frozen=True)
class ReviewView:
    data: ReviewData
    lang: Lang = "vi"


@dataclass(frozen=True)
class ReportView:
    """The web page of ``kpi report``: the term's progress and the check report of the same
    files, the rounds shown (up to ``--as-of``), and with a drive file its deadlines and the
    latest round's ranking (``None`` when the drive gives that round no deadline)."""

    progress: ProgressReport
    report: Report
    targets: TargetsFile
    rounds: list[str]
    lang: Lang = "vi"
    drive: DriveFile | None = None
    drive_file: str | None = None
    timeliness: list[RoundStatus] = field(default_factory=list)
    ranking: Ranking | None = None
