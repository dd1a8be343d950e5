"""An analyst's working folder (``kpi init``): its settings, a folder per round of the drive's
calendar with an empty office log, and a short guide. Writes each file atomically and never
replaces one; prints nothing.

The layout is the one :mod:`cantho_kpi.targets.locate` searches, so that every command run
inside the folder, or below it, finds all of its inputs::

    DIR/HUONG-DAN.md                   the guide (Vietnamese): a quarter, step by step
    DIR/data/targets.yaml              the targets (the package's copy, or --from's)
    DIR/data/drive.yaml                the drive (the package's starter, or --from's)
    DIR/data/unit-targets/             the units' own targets (empty, or --from's) and a README
    DIR/nop-bao-cao/2024-Q2/received.csv   per round of the calendar: the log, header only

The package's starter drive file (``starter/drive.yaml``) is the sample's drive without the
sample office's records (launch documents and final reports received, awards given,
contacts): the plan's calendar and awards, and the sample's settings, marked as settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import Said, both, numbers
from ..domain import round_of
from ..errors import KpiError
from ..files import OUTPUT_EXISTS
from ..targets import (
    DEFAULT_TARGETS,
    DRIVE_FILE_NAME,
    GUIDE_NAME,
    PACKAGED_TARGETS,
    ROUNDS_DIR,
    UNIT_TARGETS_DIR,
    DriveFile,
    TargetsFile,
    drive_path,
    find_working_folder,
    load_drive,
    load_targets,
)
from .atomic import write_new_file

STARTER = Path(__file__).with_name("starter")
#: The drive file of a new working folder (package data).
STARTER_DRIVE = STARTER / DRIVE_FILE_NAME
_GUIDE = STARTER / GUIDE_NAME
_UNIT_README = STARTER / "unit-targets-README.md"
#: The office's log of a round, empty: its header only (docs/drive-file.md, "Dates of receipt").
RECEIVED_HEADER = b"file,date\n"
RECEIVED_LOG = "received.csv"
#: Settings files are read up to this size, as the targets file is (``targets.safeyaml``).
MAX_SETTINGS_BYTES = 1_000_000
_SETTINGS = DEFAULT_TARGETS.parent  # data/


@dataclass(frozen=True, slots=True)
class Settings:
    """What a new working folder starts from: the bytes of its settings files, the drive file
    they make (for its rounds), and where they come from."""

    targets: bytes
    drive: bytes
    drive_file: DriveFile
    unit_files: dict[str, bytes] = field(default_factory=dict)
    #: The working folder copied (``--from``), or ``None`` for the package's own files.
    source: Path | None = None
    #: Whether the drive file is the package's starter (always so without ``--from``).
    starter_drive: bool = True


@dataclass(slots=True)
class WorkFolder:
    """What ``kpi init`` made: the files written and those that existed and were kept (paths
    relative to ``folder``), and the rounds that got a folder."""

    folder: Path
    settings: Settings
    rounds: list[str]
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def packaged_settings() -> Settings:
    """The package's targets file and starter drive file, no units' own targets."""
    loaded = load_targets(PACKAGED_TARGETS)
    drive = _checked_drive(STARTER_DRIVE, PACKAGED_TARGETS, loaded.targets)
    return Settings(_read(PACKAGED_TARGETS), _read(STARTER_DRIVE), drive)


def settings_from(source: Path) -> Settings:
    """The settings of the working folder ``source`` is in (itself or a folder above it):
    its targets file, drive file (the starter when it has none) and units' own targets, each
    valid. Raises :class:`KpiError` naming the file that is missing or not valid."""
    root = find_working_folder(source) if source.is_dir() else None
    if root is None:
        raise KpiError(
            both(
                "{source}: not a working folder (no {default} in it or in "
                "a folder above it); give the folder kpi init made, or a clone of "
                "the repository",
                source=source,
                default=DEFAULT_TARGETS,
            ),
            code="usage",
        )
    targets = root / DEFAULT_TARGETS
    loaded = load_targets(targets)
    if not loaded.valid:
        raise KpiError(
            both(
                "{targets}: the targets file is not valid; run: kpi validate-targets {targets}",
                targets=targets,
            ),
            code="invalid-targets",
        )
    own = drive_path(targets)
    drive_file = own if own.is_file() else STARTER_DRIVE
    units = sorted(p for p in (root / _SETTINGS / UNIT_TARGETS_DIR).glob("*.y*ml") if p.is_file())
    return Settings(
        _read(targets),
        _read(drive_file),
        _checked_drive(drive_file, targets, loaded.targets),
        {p.name: _read(p) for p in units},
        root,
        drive_file == STARTER_DRIVE,
    )


def _checked_drive(path: Path, targets: Path, known: TargetsFile | None) -> DriveFile:
    """The drive file at ``path``, valid with the targets file ``targets`` (``known``)."""
    units = {u.code for u in known.reporting_units} if known else None
    codes = {i.code for i in known.indicators} if known else None
    result = load_drive(path, str(path), units, codes)
    if result.drive is None or not result.valid:
        first = result.issues[0] if result.issues else None
        why: Said | str = ""
        if first is not None:
            why = Said.each(lambda lang: f" ({first.location}: {first.text(lang)})")
        raise KpiError(
            both(
                "{path}: the drive file is not valid with {targets}{why}; run: kpi "
                "validate-targets {targets}",
                path=path,
                targets=targets,
                why=why,
            ),
            code="invalid-drive",
        )
    return result.drive


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_SETTINGS_BYTES + 1)
    except OSError as exc:
        raise KpiError(
            both("{path}: cannot be read ({why})", path=path, why=exc.strerror),
            code="usage",
        ) from None
    if len(data) > MAX_SETTINGS_BYTES:
        raise KpiError(
            both(
                "{path}: is larger than {limit} bytes; a settings file is not",
                path=path,
                limit=numbers(MAX_SETTINGS_BYTES),
            ),
            code="usage",
        )
    return data


def make_working_folder(folder: Path, settings: Settings, *, force: bool = False) -> WorkFolder:
    """Make the working folder ``folder`` from ``settings``. A folder that exists must be
    empty unless ``force``; even then no existing file is replaced (it is listed as kept)."""
    _check_folder(folder, force)
    rounds = list(dict.fromkeys(r.round for r in settings.drive_file.calendar.rounds))
    made = WorkFolder(folder, settings, rounds)
    for relative, data in _files(settings, rounds):
        target = folder / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_new_file(data, target)
        except KpiError as exc:
            if exc.code != OUTPUT_EXISTS:
                raise
            made.kept.append(relative)
            continue
        except OSError as exc:
            raise KpiError(
                both("{path}: cannot be written ({why})", path=target, why=exc.strerror),
                code="usage",
            ) from None
        made.written.append(relative)
    return made


def _check_folder(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise KpiError(
            both("{folder}: is a file; give the folder to make", folder=folder), code="usage"
        )
    if not folder.is_dir() or force:
        return
    try:
        entries = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        raise KpiError(
            both("{path}: cannot be read ({why})", path=folder, why=exc.strerror),
            code="usage",
        ) from None
    if entries:
        shown = ", ".join(entries[:5]) + (", ..." if len(entries) > 5 else "")
        raise KpiError(
            both(
                "{folder}: is not empty ({shown}); kpi init makes a new working "
                "folder: give a new or empty folder, or add --force to add only "
                "what is missing (no existing file is replaced)",
                folder=folder,
                shown=shown,
            ),
            code=OUTPUT_EXISTS,
        )


def _files(settings: Settings, rounds: list[str]) -> list[tuple[Path, bytes]]:
    """Every file of the working folder, in the order they are written: the settings first."""
    units = _SETTINGS / UNIT_TARGETS_DIR
    files = [
        (DEFAULT_TARGETS, settings.targets),
        (_SETTINGS / DRIVE_FILE_NAME, settings.drive),
        (units / "README.md", _read(_UNIT_README)),
        *((units / name, data) for name, data in sorted(settings.unit_files.items())),
    ]
    files += [(Path(ROUNDS_DIR, name, RECEIVED_LOG), RECEIVED_HEADER) for name in rounds]
    files.append((Path(GUIDE_NAME), guide_text(settings.drive_file).encode("utf-8")))
    return files


def guide_text(drive: DriveFile) -> str:
    """The guide of a working folder (Vietnamese), with the drive's rounds and reviews."""
    calendar = drive.calendar
    interim = calendar.review_round(final=False)
    lines = []
    for entry in calendar.rounds:
        label = round_of(entry.period).label_vi()  # "Quý 1/2024", "6 tháng đầu năm 2024"
        what = label[:1].lower() + label[1:]
        # not a message: the working folder's guide HUONG-DAN.md is in Vietnamese by design
        estimate = " (ước thực hiện)" if entry.estimate else ""
        due = f"{entry.deadline:%d/%m/%Y}"
        # not a message: a line of the Vietnamese guide (see above)
        lines.append(f"- `{ROUNDS_DIR}/{entry.round}/`: báo cáo {what}{estimate}, hạn nộp {due}")
    values = {
        "rounds": "\n".join(lines),
        "round": str(interim),
        "interim": str(round_of(interim)),
        "final": str(round_of(calendar.review_round(final=True))),
    }
    text = _read(_GUIDE).decode("utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:  # pragma: no cover - a placeholder of the guide that nothing fills
        raise AssertionError(f"{_GUIDE}: a placeholder is not filled")
    return text
