"""The ``kpi`` command. The only module that reads argv, prints and exits.

Heavy modules (pydantic, PyYAML, openpyxl) are imported inside the commands that need them, so
that ``kpi --help`` starts at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

# pydantic looks for plugins among every installed distribution's entry points the first time
# it builds a validator (tens of milliseconds); this command uses none. Set the variable
# yourself to override.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .models import Report, ReportingUnit, Submission, TargetsFile
    from .periods import Period
    from .targets import TargetsResult

#: Exit codes, documented in the README. Defined here only.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

DEFAULT_TARGETS = Path("data/targets.yaml")

app = typer.Typer(
    name="kpi",
    help=(
        "Track the targets of Cần Thơ's plan 33/KH-UBND (2024): validate the targets file, "
        "check units' spreadsheets against it, export summary workbooks.\n\n"
        "Exit codes: 0 ok, 1 findings, 2 usage error or unreadable targets file."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class TargetsFormat(StrEnum):
    table = "table"
    json = "json"


class IssuesFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


TargetsOption = Annotated[
    Path,
    typer.Option(
        "--targets",
        "-t",
        help="The targets file.",
        envvar="KPI_TARGETS",
        dir_okay=False,
    ),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", "-l", help="Language of labels and numbers.", envvar="KPI_LANG"),
]


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"kpi: {message}", err=True)
    raise typer.Exit(code)


def _load(path: Path) -> TargetsResult:
    from .errors import KpiError
    from .targets import load_targets

    try:
        return load_targets(path)
    except KpiError as exc:
        _fail(exc.message)


def _require_targets(path: Path) -> TargetsFile:
    """The targets of a valid file, or exit 2 with its problems on stderr."""
    from .render import issues_text

    result = _load(path)
    if result.targets is None or result.errors:
        typer.echo(issues_text(result.issues), err=True, nl=False)
        _fail(f"{path}: the targets file is not valid; run: kpi validate-targets {path}")
    return result.targets


@app.command("targets")
def targets_command(
    targets: TargetsOption = DEFAULT_TARGETS,
    output_format: Annotated[
        TargetsFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
    ] = TargetsFormat.table,
    lang: LangOption = Lang.vi,
) -> None:
    """List the plan's targets: code, name, the target as a person reads it, unit and kind.

    Example: kpi targets --format json
    """
    from .render import targets_json, targets_table

    loaded = _require_targets(targets)
    if output_format is TargetsFormat.json:
        sys.stdout.write(targets_json(loaded))
        return
    targets_table(loaded, _stdout(), lang.value)


@app.command("validate-targets")
def validate_targets_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Targets files to check (default: the --targets file).", show_default=False
        ),
    ] = None,
    targets: TargetsOption = DEFAULT_TARGETS,
    output_format: Annotated[
        IssuesFormat,
        typer.Option(
            "--format", "-f", help="text (PATH:LINE:COL: CODE: message), json, or github."
        ),
    ] = IssuesFormat.text,
) -> None:
    """Check a targets file: schema, duplicate keys and codes, bounds, groups, units.

    Every problem is reported as PATH:LINE:COL: CODE: message. Exit 0 when valid, 1 when not,
    2 when a file cannot be read.

    Example: kpi validate-targets data/targets.yaml --format github
    """
    from .render import issues_github, issues_json, issues_text

    results = [_load(path) for path in paths or [targets]]
    if output_format is IssuesFormat.json:
        sys.stdout.write(issues_json(results))
    for result in results:
        if output_format is IssuesFormat.github:
            sys.stdout.write(issues_github(result.issues))
        elif output_format is IssuesFormat.text:
            sys.stdout.write(issues_text(result.issues))
            if result.valid and result.targets is not None:
                count = len(result.targets.indicators)
                typer.echo(f"{result.path}: valid ({count} indicators)", err=True)
    if not all(result.valid for result in results):
        raise typer.Exit(EXIT_FINDINGS)


def _period_option(text: str) -> Period:
    from .periods import parse_period

    period = parse_period(text)
    if period is None:
        raise typer.BadParameter(f"{text!r} is not a period; write 2024-Q2, 2024-H1 or 2024")
    return period


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class FailOn(StrEnum):
    invalid = "invalid"
    not_met = "not-met"
    missing = "missing"
    never = "never"


@app.command("check")
def check_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Submission files or folders.", show_default=False)
    ],
    period: Annotated[
        str | None,
        typer.Option("--period", "-p", help="Evaluate this period only; report other files."),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="Show this unit's indicators.")
    ] = None,
    detail: Annotated[
        bool, typer.Option("--detail", "-d", help="Show every unit's indicators.")
    ] = False,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="table for people; json, csv, markdown for scripts."),
    ] = CheckFormat.table,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on invalid files (default), also on not-met or missing statuses; "
            "never: always 0. Repeatable.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes (default: the cores).", show_default=False
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    targets: TargetsOption = DEFAULT_TARGETS,
) -> None:
    """Check a quarter's submissions: broken files, missing units, and each target's status.

    Exit 0 when every file was read and is valid, 1 when any is invalid or unreadable (or on
    the statuses named by --fail-on), 2 on usage errors.

    Example: kpi check data/submissions/2024-Q2 --unit NK
    """
    report, loaded, _ = _checked(paths, period, jobs, targets)
    _print_report(report, loaded, output_format, lang, unit, detail)
    raise typer.Exit(_check_exit_code(report, fail_on or [FailOn.invalid]))


def _submission_files(
    paths: list[Path], discover: Callable[[list[Path]], list[Path]]
) -> list[Path]:
    for path in paths:
        if not path.exists():
            _fail(f"{path}: no such file or folder")
    files = discover(paths)
    if not files:
        _fail(f"no submission files (.xlsx, .csv) in {', '.join(map(str, paths))}")
    return files


def _with_progress(items: Iterator[Submission], total: int) -> Iterator[Submission]:
    """A progress bar on stderr for long runs in a terminal; silent when piped."""
    if total < 20 or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Đọc tệp / reading", total=total)
        for item in items:
            progress.advance(task)
            yield item


def _print_report(
    report: Report,
    targets: TargetsFile,
    output_format: CheckFormat,
    lang: Lang,
    unit: str | None,
    detail: bool,
) -> None:
    from .render_check import check_csv, check_json_chunks, check_markdown, draw_check

    if output_format is CheckFormat.json:
        sys.stdout.writelines(check_json_chunks(report))
    elif output_format is CheckFormat.csv:
        sys.stdout.write(check_csv(report))
    elif output_format is CheckFormat.markdown:
        sys.stdout.write(check_markdown(report, targets, lang.value))
    else:
        wanted = unit.strip().upper() if unit else None
        if wanted and not any(s.unit_code == wanted for s in report.submissions):
            _fail(f"no submission from unit {unit!r} among these files")
        draw_check(report, targets, _stdout(), lang.value, unit=wanted, detail=detail)


def _check_exit_code(report: Report, fail_on: list[FailOn]) -> int:
    from .models import Status

    if FailOn.never in fail_on:
        return EXIT_OK
    failed = report.invalid_files > 0
    if FailOn.not_met in fail_on:
        failed = failed or report.count(Status.NOT_MET) > 0
    if FailOn.missing in fail_on:
        failed = failed or report.count(Status.MISSING) > 0 or bool(report.missing_units)
    return EXIT_FINDINGS if failed else EXIT_OK


@app.command("export")
def export_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Submission files or folders.", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The workbook to write (.xlsx).", show_default=False),
    ],
    period: Annotated[
        str | None,
        typer.Option("--period", "-p", help="Export this period only; report other files."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option("--fail-on", help="As for kpi check.", show_default=False),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes.", show_default=False),
    ] = None,
    lang: LangOption = Lang.vi,
    targets: TargetsOption = DEFAULT_TARGETS,
) -> None:
    """Write a summary workbook ready for an official report.

    Sheets: Tổng hợp (units by indicators, coloured by status), Chi tiết, Vấn đề, Chỉ tiêu and
    Biểu đồ. The workbook is written even when some submissions are invalid (their problems are
    in Vấn đề); the exit code follows --fail-on as for kpi check.

    Example: kpi export data/submissions/2024-Q2 -o tong-hop_2024-Q2.xlsx
    """
    from .errors import KpiError
    from .export import write_export

    if output.suffix.lower() != ".xlsx":
        _fail(f"{output}: the output must be an .xlsx file")
    report, loaded, files = _checked(paths, period, jobs, targets)
    try:
        write_export(report, loaded, output, inputs=files, lang=lang.value, force=force)
    except KpiError as exc:
        _fail(exc.message)
    invalid = report.invalid_files
    extra = f"; {invalid} file(s) with errors, see the problems sheet" if invalid else ""
    typer.echo(f"wrote {output}{extra}", err=True)
    raise typer.Exit(_check_exit_code(report, fail_on or [FailOn.invalid]))


def _checked(
    paths: list[Path], period: str | None, jobs: int | None, targets: Path
) -> tuple[Report, TargetsFile, list[Path]]:
    """Read and evaluate the submissions under ``paths`` (shared by check and export)."""
    from .batch import default_jobs, read_all
    from .evaluate import Evaluation
    from .submission import discover

    loaded = _require_targets(targets)
    when = _period_option(period) if period else None
    files = _submission_files(paths, discover)
    evaluation = Evaluation(loaded, targets_file=str(targets), period=when, keep_values=False)
    for sub in _with_progress(read_all(files, loaded, jobs or default_jobs()), len(files)):
        evaluation.add(sub)  # while the workers read the next files
    return evaluation.report(), loaded, files


@app.command("template")
def template_command(
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="Unit code, e.g. NK.", show_default=False)
    ] = None,
    period: Annotated[
        str, typer.Option("--period", "-p", help="Reporting period: 2024-Q2, 2024-H1, 2024.")
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default UNIT_PERIOD.xlsx); with --all-units, a folder.",
            show_default=False,
        ),
    ] = None,
    all_units: Annotated[
        bool, typer.Option("--all-units", help="One workbook per unit active in the period.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    targets: TargetsOption = DEFAULT_TARGETS,
) -> None:
    """Write the official submission workbook for a unit and period.

    The workbook has the unit's metadata, one row per indicator with its target, a value
    column that accepts decimal numbers only, and a "Hướng dẫn" sheet explaining how to fill it.

    Example: kpi template --unit NK --period 2024-Q2 -o NK_2024-Q2.xlsx
    """
    from .errors import KpiError
    from .template import write_template

    if not period:
        _fail("--period is required, e.g. --period 2024-Q2")
    when = _period_option(period)
    loaded = _require_targets(targets)
    units = _template_units(loaded, unit, all_units, when)
    folder = output if all_units and output is not None else Path(".")
    if all_units:
        folder.mkdir(parents=True, exist_ok=True)
    for one in units:
        path = folder / f"{one.code}_{when}.xlsx" if all_units or output is None else output
        try:
            write_template(loaded, one, when, path, force)
        except KpiError as exc:
            _fail(exc.message)
        typer.echo(f"wrote {path}", err=True)


def _template_units(
    targets: TargetsFile, code: str | None, all_units: bool, when: Period
) -> list[ReportingUnit]:
    if all_units == (code is not None):
        _fail("give either --unit CODE or --all-units")
    if all_units:
        return [u for u in targets.reporting_units if u.active_in(when)]
    wanted = (code or "").strip().upper()
    found = next((u for u in targets.reporting_units if u.code == wanted), None)
    if found is None:
        known = ", ".join(u.code for u in targets.reporting_units)
        _fail(f"unknown unit {code!r}; the units are: {known}")
    return [found]


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the targets file (committed as schema/targets.schema.json).

    Example: kpi schema > schema/targets.schema.json
    """
    from .schema import targets_schema_text

    sys.stdout.write(targets_schema_text())


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)
    ] = False,
) -> None:
    if version:
        from . import __version__

        typer.echo(f"kpi {__version__}")
        raise typer.Exit(EXIT_OK)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point."""
    app()
