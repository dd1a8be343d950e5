"""The parts of a zip container, checked: from its directory (sizes, ratios, duplicates,
encryption), then each part inflated once, as a stream, bounded by its declared size, and the
XML parts kept (and capped) for the readers, each vetted up to its root element. Part of the
vetting done by :mod:`.vet`.
"""

from __future__ import annotations

import zipfile

from ...catalog import both, numbers
from ...errors import KpiError
from .inflate import inflate
from .xmlguard import check_part, too_large_error

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never a bomb, whatever their ratio
MAX_PARTS = 2000
#: What the readers may parse: XML, at most this much a part and in all. An honest sheet with
#: borders drawn down tens of thousands of rows holds megabytes; the readers' work is bounded
#: apart (:data:`.lean.MAX_TAGS`, see docs/safety.md). The template's parts hold under
#: 30 KB.
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_XML_BYTES = 128 * 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def xml_parts(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], display: str
) -> dict[str, bytes]:
    """Inflate every part once, each bounded by its declared size, and keep those that are XML
    (whatever their names), each vetted up to its root element. Parts that are not XML are
    checked as they stream by and not kept."""
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        named_xml = info.filename.lower().endswith(_XML_SUFFIXES)
        if named_xml:
            _check_xml_size(info.filename, info.file_size, total, display)
        data = inflate(archive, info, display, keep=_xml_like if not named_xml else _always)
        if data is None or not check_part(data, info.filename, display, xml=named_xml):
            continue
        _check_xml_size(info.filename, len(data), total, display)
        total += len(data)
        parts[info.filename] = data
    return parts


def _always(_head: bytes) -> bool:
    return True


def _xml_like(head: bytes) -> bool:
    """Whether bytes could begin an XML document (so that a reader could parse them)."""
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")
    return not text or text.startswith(b"<")


def _check_xml_size(part: str, size: int, total: int, display: str) -> None:
    if size > MAX_XML_PART_BYTES or total + size > MAX_XML_BYTES:
        detail = both(
            "holds {size} bytes of XML, more than a submission may hold ({part_cap} bytes a "
            "part, {cap} in all)",
            size=numbers(size),
            part_cap=numbers(MAX_XML_PART_BYTES),
            cap=numbers(MAX_XML_BYTES),
        )
        raise too_large_error(display, part, detail)


def check_directory(infos: list[zipfile.ZipInfo], display: str) -> None:
    if len(infos) > MAX_PARTS:
        raise KpiError.about(
            display,
            "zip-too-many-parts",
            both(
                "the workbook has {count} parts; at most {most} are read",
                count=numbers(len(infos)),
                most=numbers(MAX_PARTS),
            ),
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise KpiError.about(
                display,
                "duplicate-zip-entry",
                both(
                    "the zip container holds part {part} twice; a workbook never "
                    "does, so the file was tampered with or damaged",
                    part=repr(info.filename),
                ),
            )
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise KpiError.about(
                display,
                "encrypted-workbook",
                both(
                    "part {part} is encrypted; remove the password and save again",
                    part=repr(info.filename),
                ),
            )
        total += info.file_size
        _check_part_size(info, display)
    if total > MAX_TOTAL_BYTES:
        raise KpiError.about(
            display,
            "zip-bomb",
            both(
                "the workbook would unpack to {total} bytes (limit "
                "{cap}); refused as a possible zip bomb",
                total=numbers(total),
                cap=numbers(MAX_TOTAL_BYTES),
            ),
        )


def _check_part_size(info: zipfile.ZipInfo, display: str) -> None:
    bomb = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    if info.file_size > MAX_PART_BYTES:
        if not bomb and info.filename.lower().endswith(_XML_SUFFIXES):  # honest, too large
            _check_xml_size(info.filename, info.file_size, 0, display)
        raise KpiError.about(
            display,
            "zip-bomb",
            both(
                "part {part} would unpack to {size} bytes (limit "
                "{cap}); refused as a possible zip bomb",
                part=repr(info.filename),
                size=numbers(info.file_size),
                cap=numbers(MAX_PART_BYTES),
            ),
        )
    if bomb:
        ratio = info.file_size // max(info.compress_size, 1)
        raise KpiError.about(
            display,
            "zip-bomb",
            both(
                "part {part} is compressed {ratio} to 1 (limit {cap} to "
                "1); refused as a possible zip bomb",
                part=repr(info.filename),
                ratio=numbers(ratio),
                cap=MAX_RATIO,
            ),
        )
