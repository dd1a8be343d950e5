"""The command that makes an analyst's working folder: init.

Registered on the app by :mod:`.root`; it parses its options, calls the core
(:func:`cantho_kpi.workbooks.make_working_folder`), prints what it made, exits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..catalog import tr, trn
from .options import LangOption
from .run import fail_with

if TYPE_CHECKING:
    from ..domain import Lang
    from ..workbooks import WorkFolder


def init_command(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The working folder to make (made if it does not exist).",
            show_default=False,
            metavar="DIR",
        ),
    ],
    from_: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Copy the settings of this working folder (targets, drive, units' own "
            "targets); never its submissions.",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a folder that is not empty: add what is missing; an existing "
            "file is kept, never replaced.",
        ),
    ] = False,
    lang: LangOption = "vi",
) -> None:
    """Make an analyst's working folder, from which every command finds its inputs.

    DIR gets data/targets.yaml (the plan's targets), data/drive.yaml (the drive: the plan's
    calendar and awards; deadlines, review days, clusters and scoring are settings to check),
    data/unit-targets/ (the units' own targets: empty), a folder per round of the drive's
    calendar in nop-bao-cao/ with an empty received.csv (the office's log), and HUONG-DAN.md,
    a short guide in Vietnamese. Run kpi inside DIR, or any folder below it. A DIR that is
    not empty is refused unless --force; no existing file is ever replaced. Exit 0 when made,
    2 on usage errors.

    Example: kpi init thi-dua-2024 --from ../thi-dua-cu
    """
    from ..errors import KpiError
    from ..workbooks import make_working_folder, packaged_settings, settings_from

    try:
        settings = settings_from(from_) if from_ is not None else packaged_settings()
        made = make_working_folder(folder, settings, force=force)
    except KpiError as exc:
        fail_with(exc, lang)
    for line in made_lines(made, lang):
        typer.echo(line, err=True)


def made_lines(made: WorkFolder, lang: Lang) -> list[str]:
    """What ``kpi init`` says it made, where its settings came from, and what to do next."""
    lines = [_made_line(made, lang), *_source_lines(made, lang)]
    if made.kept:
        lines.append(
            trn(
                lang,
                "kept {count} existing file as it was: {kept} (to replace it, delete it and run "
                "again)",
                "kept {count} existing files as they were: {kept} (to replace one, delete it and "
                "run again)",
                len(made.kept),
                kept=", ".join(str(p) for p in made.kept),
            )
        )
    # not a message: a command to type, the same in every language
    check = f"cd {made.folder} && kpi validate-targets"
    lines.append(
        tr(
            lang,
            "next: {check}; read {guide}",
            check=check,
            guide=made.folder / "HUONG-DAN.md",
        )
    )
    return lines


def _made_line(made: WorkFolder, lang: Lang) -> str:
    count, rounds = len(made.written), ", ".join(made.rounds)
    if not made.kept:
        return tr(
            lang,
            "made the working folder {folder} ({count} files): data/targets.yaml, data/drive.yaml, "
            "data/unit-targets/, HUONG-DAN.md; nop-bao-cao/ has the rounds {rounds}, each with an "
            "office log received.csv",
            folder=made.folder,
            count=count,
            rounds=rounds,
        )
    if not made.written:
        return tr(
            lang,
            "the working folder {folder} has every file already: nothing written",
            folder=made.folder,
        )
    return trn(
        lang,
        "added {count} file to the working folder {folder}: {written}",
        "added {count} files to the working folder {folder}: {written}",
        count,
        folder=made.folder,
        written=", ".join(str(p) for p in made.written),
    )


def _source_lines(made: WorkFolder, lang: Lang) -> list[str]:
    settings = made.settings
    if settings.source is None:
        return [
            tr(
                lang,
                "the targets and drive files are kpi's own: the deadlines, review days, clusters "
                "and scoring in data/drive.yaml are the sample's settings; set them to your "
                "office's",
            )
        ]
    units = len(settings.unit_files)
    drive = "" if settings.starter_drive else tr(lang, "the drive file, ")
    lines = [
        trn(
            lang,
            "settings copied from {source}: the targets file, {drive}the own targets of {count} "
            "unit (no submissions)",
            "settings copied from {source}: the targets file, {drive}the own targets of {count} "
            "units (no submissions)",
            units,
            source=settings.source,
            drive=drive,
        )
    ]
    if settings.starter_drive:
        lines.append(
            tr(
                lang,
                "{source} has no drive file (data/drive.yaml): kpi's own is used; check it",
                source=settings.source,
            )
        )
    return lines
