"""The command that makes an analyst's working folder: init.

Registered on the app by :mod:`.root`; it parses its options, calls the core
(:func:`cantho_kpi.workbooks.make_working_folder`), prints what it made, exits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

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
    vi = lang == "vi"
    lines = [_made_line(made, vi), *_source_lines(made, vi)]
    if made.kept:
        kept = ", ".join(str(p) for p in made.kept)
        lines.append(
            f"giữ nguyên {len(made.kept)} tệp đã có: {kept} (muốn thay một tệp thì xóa nó rồi "
            "chạy lại)"
            if vi
            else f"kept {len(made.kept)} existing file(s) as they were: {kept} (to replace one, "
            "delete it and run again)"
        )
    check = f"cd {made.folder} && kpi validate-targets"
    guide = made.folder / "HUONG-DAN.md"
    lines.append(f"tiếp theo: {check}; đọc {guide}" if vi else f"next: {check}; read {guide}")
    return lines


def _made_line(made: WorkFolder, vi: bool) -> str:
    count, rounds = len(made.written), ", ".join(made.rounds)
    if not made.kept:
        return (
            f"đã tạo thư mục làm việc {made.folder} ({count} tệp): data/targets.yaml, "
            "data/drive.yaml, data/unit-targets/, HUONG-DAN.md; nop-bao-cao/ có các đợt "
            f"{rounds}, mỗi đợt một sổ nhận received.csv"
            if vi
            else f"made the working folder {made.folder} ({count} files): data/targets.yaml, "
            "data/drive.yaml, data/unit-targets/, HUONG-DAN.md; nop-bao-cao/ has the rounds "
            f"{rounds}, each with an office log received.csv"
        )
    if not made.written:
        return (
            f"thư mục làm việc {made.folder} đã có đủ các tệp: không ghi tệp nào"
            if vi
            else f"the working folder {made.folder} has every file already: nothing written"
        )
    written = ", ".join(str(p) for p in made.written)
    return (
        f"đã bổ sung {count} tệp vào thư mục làm việc {made.folder}: {written}"
        if vi
        else f"added {count} file(s) to the working folder {made.folder}: {written}"
    )


def _source_lines(made: WorkFolder, vi: bool) -> list[str]:
    settings = made.settings
    if settings.source is None:
        return [
            "tệp chỉ tiêu và tệp phong trào là bản cài sẵn của kpi: hạn nộp, ngày sơ kết, tổng "
            "kết, cụm khối và cách chấm điểm trong data/drive.yaml là cài đặt mẫu, hãy sửa theo "
            "văn bản của cơ quan"
            if vi
            else "the targets and drive files are kpi's own: the deadlines, review days, "
            "clusters and scoring in data/drive.yaml are the sample's settings; set them to "
            "your office's"
        ]
    units = len(settings.unit_files)
    drive = "" if settings.starter_drive else ("tệp phong trào, " if vi else "the drive file, ")
    lines = [
        f"cài đặt chép từ {settings.source}: tệp chỉ tiêu, {drive}chỉ tiêu riêng của {units} "
        "đơn vị (không chép báo cáo)"
        if vi
        else f"settings copied from {settings.source}: the targets file, {drive}the own "
        f"targets of {units} unit(s) (no submissions)"
    ]
    if settings.starter_drive:
        lines.append(
            f"{settings.source} không có tệp phong trào (data/drive.yaml): dùng bản cài sẵn của "
            "kpi, hãy xem lại"
            if vi
            else f"{settings.source} has no drive file (data/drive.yaml): kpi's own is used; "
            "check it"
        )
    return lines
