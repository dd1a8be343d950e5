"""The command that writes blank submission workbooks: template.

Registered on the app by :mod:`.app`; it parses its options, calls the core, prints, exits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..catalog import tr
from ..errors import one_line
from .options import ForceOption, LangOption, TargetsOption, output_option
from .run import Run, fail, fail_with, say, suggestion

if TYPE_CHECKING:
    from ..domain import Lang, Period
    from ..targets import ReportingUnit, TargetsFile


def template_command(
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help="Unit code, e.g. NK.", show_default=False, metavar="CODE"
        ),
    ] = None,
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="Reporting period: 2024-Q2, 2024-H1, 2024.", metavar="PERIOD"
        ),
    ] = "",
    output: Annotated[
        Path | None,
        output_option(
            help="File to write (default UNIT_PERIOD.xlsx); with --all-units, a folder.",
            metavar="PATH",
        ),
    ] = None,
    all_units: Annotated[
        bool, typer.Option("--all-units", help="One workbook per unit active in the period.")
    ] = False,
    force: ForceOption = False,
    targets: TargetsOption = None,
    lang: LangOption = "vi",
) -> None:
    """Write the official submission workbook for a unit and period.

    The workbook has the unit's metadata, one row per indicator with its target, a value
    column that accepts decimal numbers only, and a "Hướng dẫn" sheet explaining how to fill it.

    Example: kpi template --unit NK --period 2024-Q2 -o NK_2024-Q2.xlsx
    """
    from ..errors import KpiError
    from ..workbooks import write_template

    run = Run(lang, targets)
    if not period:
        fail(tr(lang, "--period is required, e.g. --period 2024-Q2"))
    when = run.period(period)
    assert when is not None
    if output is not None and not all_units and output.suffix.lower() != ".xlsx":
        fail(
            tr(
                lang,
                "{path}: the template is a workbook: give a file name ending in .xlsx",
                path=output,
            )
        )
    loaded = run.targets
    units = _template_units(loaded, unit, all_units, when, lang)
    folder = _folder(output, lang) if all_units and output is not None else Path(".")
    inputs = run.inputs()  # the targets file it is made from is never written over
    for one in units:
        path = folder / f"{one.code}_{when}.xlsx" if all_units or output is None else output
        try:
            write_template(loaded, one, when, path, force, inputs)
        except KpiError as exc:
            fail_with(exc, lang)
        say(tr(lang, "wrote {path}", path=one_line(str(path))))


def _folder(output: Path, lang: Lang) -> Path:
    """The folder of ``--all-units -o FOLDER``, made if it does not exist."""
    from ..files import write_error

    if output.exists() and not output.is_dir():
        fail(
            tr(
                lang,
                "{path}: is a file; --all-units writes one workbook per unit into a folder",
                path=output,
            )
        )
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail_with(write_error(output, exc), lang)
    return output


def _template_units(
    targets: TargetsFile, code: str | None, all_units: bool, when: Period, lang: Lang
) -> list[ReportingUnit]:
    if all_units == (code is not None):
        fail(tr(lang, "give either --unit CODE or --all-units"))
    if all_units:
        return [u for u in targets.reporting_units if u.active_in(when)]
    wanted = (code or "").strip().upper()
    found = targets.unit(wanted)
    if found is None:
        known = [u.code for u in targets.reporting_units]
        fail(
            tr(
                lang,
                "unknown unit {unit}{suggestion}; the units are: {units}",
                unit=repr(code),
                suggestion=suggestion(wanted, known, lang),
                units=", ".join(known),
            )
        )
    if not found.active_in(when):
        bounds = ((tr(lang, "from"), found.from_), (tr(lang, "until"), found.until))
        span = " ".join(f"{word} {value}" for word, value in bounds if value)
        fail(
            tr(
                lang,
                "unit {unit} does not report in {period} (it reports {span}); see its from/until "
                "in the targets file",
                unit=found.code,
                period=when,
                span=span,
            )
        )
    return [found]
