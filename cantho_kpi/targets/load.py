"""The targets file: YAML text -> :class:`TargetsFile` + issues with ``line:col`` positions.

Loading runs in three steps, each collecting every problem it can see:

1. :mod:`.safeyaml` reads and composes the YAML (size, encoding, syntax, tags, duplicate keys);
2. pydantic checks the shape of every item separately, so one bad indicator does not hide
   the problems of the others; :mod:`.wording` translates its wording into plain words;
3. :mod:`.rules` checks what the schema cannot (bounds, groups, references, duplicate codes),
   :mod:`.rollup_rules` the roll-up rules (levels, overlapping periods).
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..catalog import both
from ..errors import Issue, Location
from . import coverage, rules
from .bounds import Found
from .fields import MAX_ITEMS
from .model import (
    Group,
    Indicator,
    Plan,
    ProgressSettings,
    ReportingUnit,
    RollupRule,
    TargetsFile,
)
from .progress_rules import check_progress
from .result import TargetsResult
from .rollup_rules import check_rollups
from .safeyaml import Path_, YamlDoc, capped, parse, read_yaml_source
from .unit_files import UNIT_TARGETS_DIR, load_unit_target_files
from .unit_targets import UnitTargets
from .wording import validate_model

M = TypeVar("M", bound=BaseModel)
__all__ = ["TargetsResult", "load_targets", "validate_text"]


def load_targets(path: Path, display: str | None = None) -> TargetsResult:
    """Load and validate a targets file, and the units' own targets in the ``unit-targets``
    folder beside it. Raises :class:`KpiError` only if the targets file cannot be read."""
    shown = display if display is not None else str(path)
    issues: list[Issue] = []
    text = read_yaml_source(path, shown, issues)
    if text is None:
        return TargetsResult(shown, None, issues)
    result = validate_text(text, shown, issues)
    folder = path.parent / UNIT_TARGETS_DIR
    if result.targets is None or not folder.is_dir():
        return result
    targets, found = load_unit_target_files(folder, result.targets, Path(shown).parent)
    result.issues.extend(found)  # each unit file's problems are capped on their own
    result.unit_files = len(targets.unit_targets) - len(result.targets.unit_targets)
    result.targets = targets if not result.errors else None
    return result


def validate_text(text: str, display: str, issues: list[Issue] | None = None) -> TargetsResult:
    """Validate targets-file text; ``display`` is the name used in every location."""
    found: list[Issue] = [] if issues is None else issues
    doc = parse(text, display, found)
    if doc is None:
        return TargetsResult(display, None, found)
    targets = _validate(doc, display, found)
    found.sort(key=lambda i: (i.location.line or 0, i.location.col or 0))
    found[:] = capped(found, display)
    return TargetsResult(display, targets if not found else None, found)


def _validate(doc: YamlDoc, display: str, issues: list[Issue]) -> TargetsFile | None:
    if not isinstance(doc.data, dict):
        issues.append(
            Issue.said(
                "wrong-type",
                both("the file must be a mapping with keys schema_version, plan and indicators"),
                Location(display, *doc.position(())),
            )
        )
        return None
    whole = validate_model(doc, display, TargetsFile, issues)
    indicators = _valid_items(doc, "indicators", Indicator)
    parts = rules.Parts(
        indicators=indicators,
        groups=_valid_items(doc, "groups", Group),
        units=_valid_items(doc, "reporting_units", ReportingUnit),
        all_codes=_raw_codes(doc),
        complete=len(indicators) == len(doc.data.get("indicators") or []),
        line_of=lambda path: doc.position(path)[0],
        unit_targets=_valid_items(doc, "unit_targets", UnitTargets),
        has_term=isinstance(doc.data.get("plan"), dict) and "term" in doc.data["plan"],
        last_year=_last_year(doc),
    )
    found = chain(
        rules.check(parts),
        coverage.check(doc.data, indicators),
        _progress_checks(doc, indicators),
        check_rollups(_valid_items(doc, "rollups", RollupRule), parts.line_of),
    )
    for code, message, path in found:
        issues.append(Issue.said(code, message, Location(display, *doc.position(path))))
    return whole


def _last_year(doc: YamlDoc) -> int | None:
    plan = _valid_one(doc, "plan", Plan)
    return plan.term.to if plan is not None and plan.term is not None else None


def _progress_checks(doc: YamlDoc, indicators: list[tuple[Path_, Indicator]]) -> list[Found]:
    """The checks of the term, thresholds and baselines (on the parts that are valid)."""
    plan = _valid_one(doc, "plan", Plan)
    settings = _valid_one(doc, "progress", ProgressSettings)
    return list(check_progress(plan.term if plan else None, settings, indicators))


def _valid_one(doc: YamlDoc, key: str, model: type[M]) -> M | None:
    item = doc.data.get(key)
    if item is None or any(path[:1] == (key,) for path in doc.reported):
        return None
    try:
        return model.model_validate(item)
    except ValidationError:
        return None


def _valid_items(doc: YamlDoc, key: str, model: type[M]) -> list[tuple[Path_, M]]:
    """The items of a top-level list that are valid on their own, with their paths."""
    items = doc.data.get(key)
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        return []  # too long: one message says so (the model's max_length), item by item none
    valid: list[tuple[Path_, M]] = []
    for index, item in enumerate(items):
        if any(path[:2] == (key, index) for path in doc.reported):
            continue  # already reported while reading the YAML
        try:
            valid.append(((key, index), model.model_validate(item)))
        except ValidationError:
            continue
    return valid


def _raw_codes(doc: YamlDoc) -> set[str]:
    """Every indicator code written in the file, valid or not (to avoid cascades)."""
    items = doc.data.get("indicators")
    if not isinstance(items, list):
        return set()
    return {i["code"] for i in items if isinstance(i, dict) and isinstance(i.get("code"), str)}
