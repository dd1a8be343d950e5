"""What the review report is made from: the review, the files it rests on, the city's name."""

from __future__ import annotations

from dataclasses import dataclass

from ..report import Review
from ..targets import DriveFile, TargetsFile


@dataclass(frozen=True, slots=True)
class ReviewData:
    review: Review
    targets: TargetsFile
    drive: DriveFile
    drive_file: str
    targets_file: str
    #: The city's name (its unit in the targets file); ``None``: "the city" in the review's
    #: language.
    city: str | None = None
