"""What loading a targets file or a drive file gives: the model when the file is valid, and
every issue found. Light on purpose: a result kept by :mod:`.cache` is read back without the
YAML reader or the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import Issue, Severity

if TYPE_CHECKING:
    from .drive_model import DriveFile
    from .model import TargetsFile


@dataclass(slots=True)
class TargetsResult:
    """What loading gave: the model when the file is valid, and every issue found."""

    path: str
    targets: TargetsFile | None
    issues: list[Issue] = field(default_factory=list)
    #: How many units' own targets came from files in the ``unit-targets`` folder.
    unit_files: int = 0

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def valid(self) -> bool:
        return self.targets is not None and not self.errors


@dataclass(slots=True)
class DriveResult:
    path: str
    drive: DriveFile | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.drive is not None and not any(i.severity is Severity.ERROR for i in self.issues)
