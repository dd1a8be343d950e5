"""The commands about the targets file: targets, validate-targets, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..catalog import tr, trn
from .exits import EXIT_FINDINGS
from .options import LangOption, TargetsFormatOption, TargetsOption, ValidationFormatOption
from .run import Run, emit, fail, fail_with

if TYPE_CHECKING:
    from ..domain import Lang
    from ..targets import DriveResult, TargetsResult


def targets_command(
    targets: TargetsOption = None,
    output_format: TargetsFormatOption = "table",
    lang: LangOption = "vi",
) -> None:
    """List the plan's targets: code, name, the target as a person reads it, unit and kind.

    Example: kpi targets --format json
    """
    from ..output import TargetsView

    run = Run(lang, targets)
    chosen = run.format("targets", output_format)
    emit(run, "targets", chosen, TargetsView(run.targets, lang), force=False)


def validate_targets_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Targets files to check (default: the --targets file).",
            show_default=False,
            metavar="[FILE]...",
        ),
    ] = None,
    targets: TargetsOption = None,
    output_format: ValidationFormatOption = "text",
    lang: LangOption = "vi",
) -> None:
    """Check a targets file: schema, duplicate keys and codes, bounds, groups, units.

    Every problem is reported as PATH:LINE:COL: CODE: message. Exit 0 when valid, 1 when not
    (a YAML syntax error included), 2 when a path cannot be opened (missing, a folder).

    Example: kpi validate-targets data/targets.yaml --format github
    """
    from ..output import ValidationView

    run = Run(lang, targets)
    chosen = run.format("validation", output_format)
    results = _validated(paths or [run.targets_path], lang)
    emit(run, "validation", chosen, ValidationView(results, lang), force=False)
    for result in results if chosen == "text" else []:
        if result.valid:
            said = tr(lang, "{path}: valid ({what})", path=result.path, what=_what(result, lang))
            typer.echo(said, err=True)
    if not all(result.valid for result in results):
        raise typer.Exit(EXIT_FINDINGS)


def _load(path: Path, lang: Lang) -> TargetsResult:
    """One targets file read and checked (a file that cannot be opened is a usage error), or
    its result kept from an earlier run on the same bytes."""
    from ..errors import KpiError
    from ..targets import load_targets_cached

    try:
        return load_targets_cached(path)
    except KpiError as exc:
        fail_with(exc, lang)


def _validated(paths: list[Path], lang: Lang) -> list[TargetsResult | DriveResult]:
    """Each targets file, then the drive file beside it when there is one (checked against the
    targets file's units and indicators); a file named drive.yaml is read as a drive file."""
    from ..errors import KpiError
    from ..files import present
    from ..targets import DRIVE_FILE_NAME, UNIT_TARGETS_DIR, drive_path, load_drive

    results: list[TargetsResult | DriveResult] = []
    seen: set[Path] = set()
    for path in paths:
        if path.parent.name == UNIT_TARGETS_DIR:  # one unit's own targets
            results.append(_unit_file(path, lang))
            continue
        if path.name == DRIVE_FILE_NAME:
            beside, sibling = path, path.parent / "targets.yaml"
            main = _load(sibling, lang) if present(sibling) else None
        else:
            beside, main = drive_path(path), _load(path, lang)
            results.append(main)
        if not present(beside) or beside.resolve() in seen:
            continue
        seen.add(beside.resolve())
        known = main.targets if main is not None else None
        units = {u.code for u in known.reporting_units} if known else None
        codes = {i.code for i in known.indicators} if known else None
        try:
            results.append(load_drive(beside, str(beside), units, codes))
        except KpiError as exc:
            fail_with(exc, lang)
    return results


def _unit_file(path: Path, lang: Lang) -> TargetsResult:
    """A unit's own-targets file, checked with the targets file it belongs to (the
    ``targets.yaml`` above its ``unit-targets`` folder): its problems only, or the targets
    file's when that cannot be read."""
    from dataclasses import replace

    from ..files import present

    sibling = path.parent.parent / "targets.yaml"
    if not present(sibling):
        fail(
            tr(
                lang,
                "{path}: a unit's targets are checked with {sibling}, which does not exist",
                path=path,
                sibling=sibling,
            )
        )
    if not present(path):
        fail(tr(lang, "{path}: no such file", path=path))
    whole = _load(sibling, lang)
    if whole.targets is None and not any(_same(i.location.file, path) for i in whole.issues):
        return whole  # the targets file itself is broken: say so
    mine = [i for i in whole.issues if _same(i.location.file, path)]
    return replace(whole, path=str(path), issues=mine, targets=whole.targets if not mine else None)


def _same(shown: str, path: Path) -> bool:
    return Path(shown).resolve() == path.resolve()


def _what(result: TargetsResult | DriveResult, lang: Lang) -> str:
    from ..targets import UNIT_TARGETS_DIR, DriveResult

    if isinstance(result, DriveResult):
        assert result.drive is not None
        drive = result.drive
        rounds = trn(lang, "{count} round", "{count} rounds", len(drive.calendar.rounds))
        clusters = trn(lang, "{count} cluster", "{count} clusters", len(drive.clusters))
        return f"{rounds}, {clusters}"
    assert result.targets is not None
    if Path(result.path).parent.name == UNIT_TARGETS_DIR:
        return tr(lang, "a unit's own targets, checked with the targets file above its folder")
    own = len(result.targets.unit_targets)
    count = len(result.targets.indicators)
    what = trn(lang, "{count} indicator", "{count} indicators", count)
    if own:
        what += trn(lang, "; own targets of {count} unit", "; own targets of {count} units", own)
    return what


def schema_command() -> None:
    """Print the JSON Schema of the targets file (committed as schema/targets.schema.json).

    Example: kpi schema > schema/targets.schema.json
    """
    from ..targets import targets_schema_text

    sys.stdout.write(targets_schema_text())
