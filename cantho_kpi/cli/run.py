"""What one run of a command resolves, once, before any submission is read: the targets file
(found once, and said once when it is the copy installed with kpi), the drive file, the unit,
the period and day asked for, the output format and the output file. Every usage error is
found here, at once, and said in the language of ``--lang``; and the one way a command fails.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from ..catalog import tr
from .exits import EXIT_USAGE

if TYPE_CHECKING:
    from ..domain import Lang, Period
    from ..errors import KpiError
    from ..submissions import Scan
    from ..targets import DriveFile, TargetsFile, TargetsResult


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr (control characters in it escaped: a path cannot split it), then
    exit with ``code``."""
    from ..errors import one_line

    typer.echo(f"kpi: {one_line(message)}", err=True)
    raise typer.Exit(code)


def fail_with(error: KpiError, lang: Lang = "en") -> NoReturn:
    """A problem the user can fix, said in the language of ``--lang`` when it has a text in it."""
    fail(error.text(lang))


def say(line: str) -> None:
    """A line on stderr: what the run noticed besides its output."""
    typer.echo(line, err=True)


def suggestion(given: str, known: Sequence[str], lang: Lang) -> str:
    """`` (did you mean NK?)``, for a value close to one of ``known``; else nothing."""
    close = difflib.get_close_matches(given.upper(), [k.upper() for k in known], n=1, cutoff=0.5)
    if not close:
        return ""
    match = next(k for k in known if k.upper() == close[0])
    return tr(lang, " (did you mean {match}?)", match=match)


@dataclass
class Run:
    """The inputs of one run, each resolved at most once."""

    lang: Lang = "vi"
    targets_option: Path | None = None
    #: Files the run reads besides the targets files (submissions, logs): never written over.
    read: list[Path] = field(default_factory=list)

    # -- the targets file, the drive file ------------------------------------------------------

    @cached_property
    def targets_path(self) -> Path:
        """The file named by ``--targets`` (a usage error when there is none such), else the
        one :func:`~cantho_kpi.targets.find_targets` finds (said once when it is the copy
        installed with kpi)."""
        from ..errors import KpiError
        from ..targets import PACKAGED_TARGETS, find_targets

        option = self.targets_option
        if option is not None:
            if not option.exists() and not option.is_symlink():
                fail(tr(self.lang, "{path}: no such file (--targets)", path=option))
            return option
        try:
            found = find_targets()
        except KpiError as exc:
            fail_with(exc, self.lang)
        if found == PACKAGED_TARGETS:
            self._say_packaged(found)
        return found

    def _say_packaged(self, path: Path) -> None:
        say(
            "kpi: "
            + tr(
                self.lang,
                "no data/targets.yaml here or above and no $KPI_TARGETS: using the copy "
                "installed with kpi ({path}), which has the plan's targets only (no units' own "
                "targets, no drive file); give --targets FILE to use your office's, or make a "
                "working folder with: kpi init FOLDER, and run kpi inside it",
                path=path,
            )
        )

    @cached_property
    def targets_result(self) -> TargetsResult:
        """The targets file read and checked (or its result kept from an earlier run on the
        same bytes: the user's cache folder)."""
        from ..errors import KpiError
        from ..targets import load_targets_cached

        try:
            return load_targets_cached(self.targets_path)
        except KpiError as exc:
            fail_with(exc, self.lang)

    @cached_property
    def targets(self) -> TargetsFile:
        """The targets of a valid file, or exit 2 with its problems on stderr."""
        from ..output import issues_text

        result = self.targets_result
        if result.targets is None or result.errors:
            typer.echo(issues_text(result.issues, self.lang), err=True, nl=False)
            path = self.targets_path
            fail(
                tr(
                    self.lang,
                    "{path}: the targets file is not valid; run: kpi validate-targets {path}",
                    path=path,
                )
            )
        return result.targets

    @property
    def drive_path(self) -> Path:
        from ..targets import drive_path

        return drive_path(self.targets_path)

    @cached_property
    def drive(self) -> DriveFile:
        """The drive file beside the targets file, valid, or exit 2 with its problems."""
        from ..files import present

        path = self.drive_path
        if not present(path):
            fail(
                tr(
                    self.lang,
                    "no drive file (drive.yaml) beside the targets file {path}: this command "
                    "needs the drive's calendar and clusters; give --targets with a targets file "
                    "that has one beside it, or make a working folder with: kpi init FOLDER, and "
                    "run kpi inside it",
                    path=self.targets_path,
                )
            )
        found = self._load_drive(required=True)
        assert found is not None
        return found

    @cached_property
    def optional_drive(self) -> DriveFile | None:
        """The drive file when there is a valid one (``kpi check`` and ``export`` work without
        it); an invalid one is said on stderr and left out."""
        from ..files import present

        if not present(self.drive_path):
            return None
        return self._load_drive(required=False)

    def _load_drive(self, *, required: bool) -> DriveFile | None:
        from ..errors import KpiError
        from ..output import issues_text
        from ..targets import load_drive_cached

        path = self.drive_path
        try:
            result = load_drive_cached(path, str(path))
        except KpiError as exc:
            if required:
                fail_with(exc, self.lang)
            said = exc.text(self.lang)
            say("kpi: " + tr(self.lang, "{problem}; the calendar is left out", problem=said))
            return None
        if result.drive is None or not result.valid:
            if required:
                typer.echo(issues_text(result.issues, self.lang), err=True, nl=False)
                fail(
                    tr(
                        self.lang,
                        "{path}: the drive file is not valid; run: kpi validate-targets",
                        path=path,
                    )
                )
            say(
                "kpi: "
                + tr(
                    self.lang,
                    "{path} is not valid, the calendar is left out; run: kpi validate-targets",
                    path=path,
                )
            )
            return None
        return result.drive

    # -- what the options name -------------------------------------------------------------

    def unit(self, code: str | None) -> str | None:
        """``--unit``, normalised, and known to the targets file (else a usage error that
        lists the units and says which one is close)."""
        if code is None:
            return None
        wanted = code.strip().upper()
        known = [u.code for u in self.targets.reporting_units]
        if wanted not in known:
            fail(
                tr(
                    self.lang,
                    "unknown unit {unit}{suggestion}; the units are: {units}",
                    unit=repr(code),
                    suggestion=suggestion(wanted, known, self.lang),
                    units=", ".join(known),
                )
            )
        return wanted

    def period(self, text: str | None) -> Period | None:
        """A period as people write it, or a round name as ``kpi check`` gives it
        (``2024-9M``, the nine months to September, is the quarter that closes it)."""
        from ..domain import parse_period

        if text is None:
            return None
        found = parse_period(text)
        if found is None:
            fail(
                tr(
                    self.lang,
                    "--period {text} is not a period; write 2024-Q2, 2024-H1, 2024-9M or 2024",
                    text=repr(text),
                )
            )
        return found

    def day(self, text: str | None, option: str = "--as-of") -> date | None:
        """The day given with ``option`` (``None`` when not given)."""
        from ..submissions import parse_day

        if text is None:
            return None
        found = parse_day(text)
        if found is None:
            fail(
                tr(
                    self.lang,
                    "{option} {text} is not a day; write 2025-01-21 or 21/01/2025",
                    option=option,
                    text=repr(text),
                )
            )
        return found

    def format(self, kind: str, name: str) -> str:
        """``--format``: one of the formats the registry has for ``kind``."""
        from ..output import format_names

        known = format_names(kind)
        if name not in known:
            fail(
                tr(
                    self.lang,
                    "--format {name} is not a format of this command{suggestion}; the formats "
                    "are: {formats}",
                    name=repr(name),
                    suggestion=suggestion(name, known, self.lang),
                    formats=", ".join(known),
                )
            )
        return name

    # -- the output file -------------------------------------------------------------------

    def inputs(self, files: Sequence[Path] = ()) -> list[Path]:
        """Every file the run reads, which it never writes over, with or without --force: the
        targets file, the drive file and units' own targets beside it, the submissions and the
        received logs beside them."""
        from ..submissions import RECEIVED_LOG
        from ..targets import UNIT_TARGETS_DIR

        main = self.targets_path
        found = [main, self.drive_path]
        found += sorted((main.parent / UNIT_TARGETS_DIR).glob("*.y*ml"))
        found += [*self.read, *files]
        found += sorted({path.parent / RECEIVED_LOG for path in [*self.read, *files]})
        return found

    def output(self, path: Path, *, force: bool, suffixes: Sequence[str]) -> Path:
        """The output file, checked at once, before anything is read: its suffix, its folder,
        an existing file without ``--force``, one of the run's inputs."""
        from ..errors import KpiError
        from ..files import check_output

        if path.suffix.lower() not in suffixes:
            names = tr(self.lang, " or ").join(suffixes)
            fail(
                tr(
                    self.lang,
                    "{path}: the output must be a {suffixes} file",
                    path=path,
                    suffixes=names,
                )
            )
        try:
            check_output(path, force=force, inputs=self.inputs())
        except KpiError as exc:
            fail_with(exc, self.lang)
        return path

    def write(self, path: Path, data: bytes, *, force: bool) -> None:
        """``data`` written to ``path`` whole or not at all, never over an input."""
        from ..errors import KpiError
        from ..files import write_atomically

        try:
            write_atomically(path, lambda out: out.write(data), force=force, inputs=self.inputs())
        except KpiError as exc:
            fail_with(exc, self.lang)

    # -- the submissions -------------------------------------------------------------------

    def scan(self, paths: list[Path], *, allow_empty: bool = False) -> Scan:
        """The submissions under ``paths`` (folders with their subfolders). A path that does
        not exist is a usage error; skipped files and folders that could not be read are said
        on stderr, a line each; no file at all is a usage error unless ``allow_empty``
        (nobody sent anything: a finding)."""
        from ..submissions import scan
        from .words import no_files_line, no_path_line, skipped_lines

        for path in paths:
            if not path.exists():
                fail(no_path_line(path, self.lang))
        found = scan(paths, recursive=True)  # a folder of rounds: a section per round
        for line in skipped_lines(found.skipped, self.lang):
            say(line)
        for problem in found.problems:
            say(f"kpi: {problem.location}: {problem.code}: {problem.text(self.lang)}")
        if not found.files and not allow_empty:
            fail(no_files_line(paths, len(found.skipped), self.lang))
        self.read = [*self.read, *found.files]
        return found


def emit(
    run: Run, kind: str, name: str, view: object, output: Path | None = None, *, force: bool
) -> None:
    """Write ``view`` in the format ``name`` of ``kind``: to the terminal, or to ``output``
    whole or not at all (never over an input; an existing file only with ``force``)."""
    import io
    import sys

    from ..output import get_format

    chosen = get_format(kind, name)
    if output is None:
        if chosen.binary:
            fail(
                tr(
                    run.lang,
                    "--format {name} writes a file: give -o FILE{suffix}",
                    name=name,
                    suffix=chosen.suffix or "",
                )
            )
        chosen.write(view, sys.stdout)
        return
    if chosen.binary:
        data = io.BytesIO()
        chosen.write(view, data)
        run.write(output, data.getvalue(), force=force)
    else:
        text = io.StringIO()
        chosen.write(view, text)
        run.write(output, text.getvalue().encode("utf-8"), force=force)
    from .words import wrote_line

    say(wrote_line(output, 0, run.lang))


def file_format(run: Run, kind: str, given: str | None, output: Path | None) -> str:
    """The format asked for; with ``-o`` and no ``--format``, the one the file's suffix names
    (a format for the terminal only cannot go to a file)."""
    from ..output import format_for_suffix, format_names, get_format

    if output is None:
        return run.format(kind, given or format_names(kind)[0])
    name = run.format(kind, given) if given else format_for_suffix(kind, output.suffix)
    if name is None or get_format(kind, name).suffix is None:
        files = [n for n in format_names(kind) if get_format(kind, n).suffix]
        suffixes = ", ".join(f"{get_format(kind, n).suffix} ({n})" for n in files)
        fail(
            tr(
                run.lang,
                "{path}: this command writes to a file as {suffixes}; name the file so",
                path=output,
                suffixes=suffixes,
            )
        )
    return name
