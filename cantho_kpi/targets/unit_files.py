"""Units' own targets kept as one YAML file per unit in the ``unit-targets`` folder beside the
targets file (``data/unit-targets/NK.yaml``): read safely, validated with ``file:line:col``
positions and checked against the targets file, like the targets file itself."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

from ..catalog import Said, both
from ..errors import Issue, KpiError, Location
from .locate import UNIT_TARGETS_DIR
from .model import TargetsFile
from .safeyaml import capped, parse, read_yaml_source
from .strict_rules import check_unit_strictly
from .unit_rules import check_unit_targets
from .unit_targets import UnitTargets
from .wording import validate_model

__all__ = ["UNIT_TARGETS_DIR", "load_unit_target_files"]


def _TOP(display: str) -> Location:
    return Location(display, 1, 1)


def load_unit_target_files(
    folder: Path, targets: TargetsFile, shown_parent: Path
) -> tuple[TargetsFile, list[Issue]]:
    """The targets with every valid unit file's targets added, and the files' problems."""
    issues: list[Issue] = []
    found = list(targets.unit_targets)
    for path in sorted(folder.glob("*.y*ml")):
        display = str(shown_parent / UNIT_TARGETS_DIR / path.name)
        entry = _load_one(path, display, targets, issues, found)
        if entry is not None:
            found.append(entry)
    return targets.model_copy(update={"unit_targets": found}), issues


def _load_one(
    path: Path,
    display: str,
    targets: TargetsFile,
    issues: list[Issue],
    found: list[UnitTargets],
) -> UnitTargets | None:
    """One unit's file, valid and checked against the targets; None (and its issues) if not."""

    mine: list[Issue] = []
    try:
        text = read_yaml_source(path, display, mine)
    except KpiError as exc:  # a FIFO, a folder, unreadable: this file's problem, not the run's
        prefix = f"{display}: "
        said = Said(exc.text("en").removeprefix(prefix), exc.text("vi").removeprefix(prefix))
        issues.append(Issue.said(exc.code, said, Location(display, 1, 1)))
        return None
    doc = parse(text, display, mine) if text is not None else None
    entry = validate_model(doc, display, UnitTargets, mine) if doc is not None else None
    if doc is not None and entry is not None:
        if any(other.unit == entry.unit for other in found):
            mine.append(
                Issue.said(
                    "duplicate-code",
                    both(
                        "unit {unit} already has its own targets (in another file or in "
                        "the targets file); keep one",
                        unit=entry.unit,
                    ),
                    Location(display, 1, 1),
                )
            )
        units = {u.code: u for u in targets.reporting_units}
        indicators = {i.code: i for i in targets.indicators}
        last_year = targets.plan.term.to if targets.plan.term is not None else None
        found_here = chain(
            check_unit_targets((), entry, units, indicators, set(indicators)),
            check_unit_strictly((), entry, indicators, last_year),
        )
        for code, message, where in found_here:
            mine.append(Issue.said(code, message, Location(display, *doc.position(where))))
    mine.sort(key=lambda i: (i.location.line or 0, i.location.col or 0))
    issues.extend(capped(mine, display))
    return entry if not mine else None
