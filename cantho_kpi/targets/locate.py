"""Which targets file a command uses when none is named: found from any directory.

The search, in order (documented in the README): ``data/targets.yaml`` in the current directory
or the nearest one above it (a clone of the repository, or an analyst's working folder), then
the file named by ``$KPI_TARGETS``, then the copy installed with the package (kept identical to
the repository's ``data/targets.yaml`` by a test).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..errors import KpiError
from ..files import present

DEFAULT_TARGETS = Path("data/targets.yaml")
#: The copy of data/targets.yaml shipped inside the package (package data).
PACKAGED_TARGETS = Path(__file__).with_name("targets.yaml")
ENV_VAR = "KPI_TARGETS"

#: The folder beside the targets file that holds the units' own targets, one file a unit.
UNIT_TARGETS_DIR = "unit-targets"
DRIVE_FILE_NAME = "drive.yaml"


def drive_path(targets_path: Path) -> Path:
    """Where the drive file of a targets file lives: beside it, named drive.yaml."""
    return targets_path.parent / DRIVE_FILE_NAME


def find_targets(start: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The targets file to use when ``--targets`` is not given; raises :class:`KpiError` (with
    what to do) when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_TARGETS
        if present(candidate):  # a FIFO there is refused by name when read, not passed over
            return DEFAULT_TARGETS if folder == here and start is None else candidate
    named = (os.environ if env is None else env).get(ENV_VAR, "").strip()
    if named:
        path = Path(named).expanduser()
        if not present(path):
            raise KpiError(
                f"{path}: no such file (named by {ENV_VAR}); correct {ENV_VAR} or give "
                "--targets FILE",
                code="no-targets",
            )
        return path
    if PACKAGED_TARGETS.is_file():
        return PACKAGED_TARGETS
    raise KpiError(
        f"no targets file: no {DEFAULT_TARGETS} in {here} or any folder above it, {ENV_VAR} is "
        "not set and the package's own copy is missing; give --targets FILE or set "
        f"{ENV_VAR}=FILE",
        code="no-targets",
    )
