"""What the ``kpi`` commands share: exit codes, options, and the few helpers that print and exit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..domain import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from ..domain import Period
    from ..errors import KpiError
    from ..targets import TargetsFile, TargetsResult

#: Exit codes, documented in the README, defined in .exits (which imports no Typer).
from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, start_interruptible_run

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE"]


class FailOn(StrEnum):
    invalid = "invalid"
    not_met = "not-met"
    missing = "missing"
    never = "never"


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        help="The targets file (default: data/targets.yaml in this folder or above, else "
        "$KPI_TARGETS, else the copy installed with kpi).",
        show_default=False,
        dir_okay=False,
        metavar="FILE",
    ),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", "-l", help="Language of labels and numbers.", envvar="KPI_LANG"),
]
PathsArgument = Annotated[
    list[Path],
    typer.Argument(help="Submission files or folders.", show_default=False, metavar="PATH..."),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Only this period (2024-Q2, 2024-H1, 2024); files of other periods are reported.",
        metavar="PERIOD",
    ),
]
FailOnOption = Annotated[
    list[FailOn] | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 on invalid files (the default); also on not-met or missing statuses; "
        "never: always 0. Repeatable.",
        show_default=False,
        metavar="WHEN",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for reading (default: the number of cores).",
        show_default=False,
        metavar="N",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace existing files.")]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Make the report as of this day (2025-01-15 or 15/01/2025): a file received, or "
        "written, after it is not there yet; default: today.",
        show_default=False,
        metavar="DAY",
    ),
]


def parse_as_of(text: str | None) -> date | None:
    """The day given with ``--as-of`` (``None`` when not given)."""
    from ..submissions import parse_day

    if text is None:
        return None
    day = parse_day(text)
    if day is None:
        raise typer.BadParameter(
            f"{text!r} is not a day; write 2025-01-21 or 21/01/2025", param_hint="'--as-of'"
        )
    return day


def today() -> date:
    """Today in Cần Thơ (UTC+7)."""
    from ..submissions import today_in_vietnam

    return today_in_vietnam()


def stdout_console() -> Console:
    from rich.console import Console

    # data is printed as it is: a name with [brackets] or :colons: is not markup (and rich
    # draws tables twice as fast without looking for markup in every cell)
    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr (control characters in it escaped: a path cannot split it), then
    exit with ``code``."""
    from ..errors import one_line

    typer.echo(f"kpi: {one_line(message)}", err=True)
    raise typer.Exit(code)


def fail_with(error: KpiError, lang: Lang = "en") -> NoReturn:
    """A problem the user can fix, said in the language of ``--lang`` when it has a text in it."""
    fail(error.message_vi if lang == "vi" and error.message_vi else error.message)


def own_inputs(targets: Path | None, files: Sequence[Path] = (), lang: Lang = "en") -> list[Path]:
    """Every file a command reads, which it never writes over, with or without --force: the
    targets file, the drive file and units' own targets beside it, the submissions and the
    received logs beside them."""
    from ..submissions import RECEIVED_LOG
    from ..targets import UNIT_TARGETS_DIR, drive_path

    main = targets_path(targets, lang)
    found = [main, drive_path(main), *sorted((main.parent / UNIT_TARGETS_DIR).glob("*.y*ml"))]
    found += list(files)
    found += sorted({path.parent / RECEIVED_LOG for path in files})
    return found


def load(path: Path) -> TargetsResult:
    """The targets file at ``path`` read and checked, or its result kept from an earlier run
    on the same bytes (the user's cache folder: ``$KPI_CACHE_DIR``, see the README)."""
    from ..errors import KpiError
    from ..targets import load_targets_cached

    try:
        return load_targets_cached(path)
    except KpiError as exc:
        fail(exc.message)


def targets_path(option: Path | None, lang: Lang = "en") -> Path:
    """The targets file named by ``--targets`` (a usage error when there is none such, said
    in the language of ``--lang``), else the one :func:`find_targets` finds."""
    from ..errors import KpiError
    from ..targets import PACKAGED_TARGETS, find_targets

    if option is not None:
        if not option.exists() and not option.is_symlink():
            fail(
                f"{option}: không có tệp này (--targets)"
                if lang == "vi"
                else f"{option}: no such file (--targets)"
            )
        return option
    try:
        found = find_targets()
    except KpiError as exc:
        fail(exc.message)
    if found == PACKAGED_TARGETS:
        _say_packaged_once(found)
    return found


_SAID: set[Path] = set()


def start_run() -> None:
    """Forget what earlier runs in this process said (the tests run many in one)."""
    _SAID.clear()
    start_interruptible_run()


def _say_packaged_once(path: Path) -> None:
    """The copy installed with kpi has the plan's targets only: say so (once per run), since
    units' own targets and the drive file are then missing."""
    if path in _SAID:
        return
    _SAID.add(path)
    from ..targets import INIT_HINT

    typer.echo(
        f"kpi: no data/targets.yaml here or above and no $KPI_TARGETS: using the copy installed "
        f"with kpi ({path}), which has the plan's targets only (no units' own targets, no drive "
        f"file); give --targets FILE to use your office's, or {INIT_HINT}",
        err=True,
    )


def require_targets(option: Path | None, lang: Lang = "en") -> TargetsFile:
    """The targets of a valid file, or exit 2 with its problems on stderr."""
    from ..output import issues_text

    path = targets_path(option, lang)
    result = load(path)
    if result.targets is None or result.errors:
        typer.echo(issues_text(result.issues), err=True, nl=False)
        fail(f"{path}: the targets file is not valid; run: kpi validate-targets {path}")
    return result.targets


def parse_period_option(text: str) -> Period:
    """A period as people write it, or a round name as `kpi check` gives it (``2024-9M``, the
    nine months to September, is the quarter that closes it)."""
    from ..domain import parse_period

    period = parse_period(text)
    if period is None:
        raise typer.BadParameter(
            f"{text!r} is not a period; write 2024-Q2, 2024-H1, 2024-9M or 2024"
        )
    return period
