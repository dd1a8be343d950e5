"""Which targets file a command uses when none is named: found from any directory; and the
layout of an analyst's working folder, which makes that search find everything.

The search, in order (documented in docs/outputs.md): ``data/targets.yaml`` in the current directory
or the nearest one above it (a clone of the repository, or an analyst's working folder), then
the file named by ``$KPI_TARGETS``, then the copy installed with the package (kept identical to
the repository's ``data/targets.yaml`` by a test).

A working folder (``kpi init DIR``) is laid out so that every command run inside it, or in any
folder below it, finds all of its inputs: ``data/targets.yaml``, the drive file
``data/drive.yaml`` and the units' own targets ``data/unit-targets/`` beside it, and the
reports of each round in ``nop-bao-cao/ROUND/`` with the office's log ``received.csv``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..catalog import N_, both
from ..errors import KpiError
from ..files import present

DEFAULT_TARGETS = Path("data/targets.yaml")
#: The copy of data/targets.yaml shipped inside the package (package data).
PACKAGED_TARGETS = Path(__file__).with_name("targets.yaml")
ENV_VAR = "KPI_TARGETS"
#: The folder of a working folder's submissions, one subfolder per round ("nộp báo cáo").
ROUNDS_DIR = "nop-bao-cao"
#: The short guide of a working folder.
GUIDE_NAME = "HUONG-DAN.md"
#: What to do when a command runs outside a working folder.
INIT_HINT = N_("make a working folder with: kpi init FOLDER, and run kpi inside it")


def find_working_folder(start: Path | None = None) -> Path | None:
    """The working folder ``start`` (default: the current folder) is in: the nearest folder,
    itself or above, that holds ``data/targets.yaml``; ``None`` when there is none."""
    here = (start or Path.cwd()).resolve()
    # present(): a FIFO there is refused by name when read, not passed over
    return next((f for f in (here, *here.parents) if present(f / DEFAULT_TARGETS)), None)


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
    folder = find_working_folder(here)
    if folder is not None:
        return DEFAULT_TARGETS if folder == here and start is None else folder / DEFAULT_TARGETS
    named = (os.environ if env is None else env).get(ENV_VAR, "").strip()
    if named:
        path = Path(named).expanduser()
        if not present(path):
            raise KpiError(
                both(
                    "{path}: no such file (named by {variable}); correct {variable} or "
                    "give --targets FILE",
                    path=path,
                    variable=ENV_VAR,
                ),
                code="no-targets",
            )
        return path
    if PACKAGED_TARGETS.is_file():
        return PACKAGED_TARGETS
    raise KpiError(
        both(
            "no targets file: no {default} in {folder} or any folder "
            "above it, {variable} is not set and the package's own copy is "
            "missing; give --targets FILE, set {variable}=FILE, or {init}",
            default=DEFAULT_TARGETS,
            folder=here,
            variable=ENV_VAR,
            init=both(INIT_HINT),
        ),
        code="no-targets",
    )
