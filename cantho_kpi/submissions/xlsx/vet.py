"""Vet a submitted file before any workbook library sees it.

Files come from many offices. Before parsing, this module

* tells what a file really is from its bytes (an old ``.xls``, an ``.ods``, a password-protected
  workbook, an HTML page or a CSV renamed ``.xlsx``, an empty or truncated file);
* checks the zip container: the declared uncompressed size of each part and of all parts, the
  compression ratio (a zip bomb is refused from its directory, before anything is inflated),
  the number of parts, duplicate or encrypted entries;
* inflates every part once as a stream, never past its declared size plus one byte (a part whose
  declared size lies is refused as soon as that shows);
* parses every XML part (whatever its name) up to its root element and refuses a ``DOCTYPE`` or
  entity declaration (so no entity expansion can happen later), and recognises Strict Open XML,
  which is unsupported. The readers parse only the bytes vetted here.

Each refusal is a :class:`~cantho_kpi.errors.KpiError` with a stable code and one clear message.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ...errors import KpiError
from .inflate import inflate
from .xmlguard import check_part

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never a bomb, whatever their ratio
MAX_PARTS = 2000
_IN_MEMORY = 1024 * 1024
#: What the readers parse: XML, at most this much a part and in all (time and memory grow
#: with it: see the README's "Safety"). The template's parts hold under 30 KB.
MAX_XML_PART_BYTES = 2 * 1024 * 1024
MAX_XML_BYTES = 4 * 1024 * 1024

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CODES = {
    "empty": "empty-file",
    "empty-zip": "empty-file",
    "html": "html-file",
    "text": "csv-renamed",
}


@dataclass(frozen=True, slots=True)
class Vetted:
    """A zip container that passed every check: its part names, and the bytes of every part
    that is XML, inflated once (bounded by their declared sizes) and vetted. Readers parse
    these bytes and nothing else: never the file again."""

    path: Path
    names: frozenset[str]
    parts: dict[str, bytes]


def is_lock_file(path: Path) -> bool:
    """Excel and LibreOffice lock files: ``~$name.xlsx`` and ``.~lock.name.xlsx#``."""
    return path.name.startswith("~$") or path.name.startswith(".~lock.")


def vet_xlsx(path: Path, display: str) -> Vetted:
    """Check that ``path`` is a plain, sane .xlsx container; raise KpiError when it is not."""
    if is_lock_file(path):
        raise KpiError.about(
            display,
            "lock-file",
            "is an Excel lock file (made while the workbook is open), not a submission; close "
            "the workbook and remove it",
            "là tệp khóa của Excel (tạo ra khi sổ tính đang mở), không phải báo cáo; hãy đóng "
            "sổ tính và xóa tệp này",
        )
    head, size = _head(path, display)
    kind = sniff(head)
    if kind == "ole":
        raise _ole_error(path, display)
    if kind != "zip":
        raise KpiError.about(display, _CODES.get(kind, "not-xlsx"), *_what_is_it(head, size))
    try:
        # a small file is read in one go: inflating its parts then costs no further reads
        source: Path | io.BytesIO = io.BytesIO(path.read_bytes()) if size <= _IN_MEMORY else path
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            _check_directory(infos, display)
            names = frozenset(info.filename for info in infos)
            _check_kind(names, archive, display)
            parts = _xml_parts(archive, infos, display)
    except zipfile.BadZipFile as exc:
        raise KpiError.about(
            display,
            "damaged-file",
            f"the workbook is damaged or truncated ({exc}); ask the unit to send it again",
            f"sổ tính bị hỏng hoặc không đầy đủ ({exc}); hãy đề nghị đơn vị gửi lại",
        ) from None
    except (OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise KpiError.about(
            display,
            "damaged-file",
            f"the workbook cannot be unpacked ({exc}); ask the unit to save it again",
            f"không giải nén được sổ tính ({exc}); hãy đề nghị đơn vị lưu lại tệp",
        ) from None
    return Vetted(path, names, parts)


def _xml_parts(
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
        raise KpiError.about(
            display,
            "workbook-too-large",
            f"part {part!r} holds {size:,} bytes of XML, more than a submission may hold "
            f"({MAX_XML_PART_BYTES:,} bytes a part, {MAX_XML_BYTES:,} in all; the template's "
            "parts hold under 30 KB); keep the report sheet alone in the workbook and send it "
            "again",
            f"thành phần {part!r} chứa {size:,} byte XML, vượt quá mức một báo cáo được phép "
            f"({MAX_XML_PART_BYTES:,} byte mỗi thành phần, {MAX_XML_BYTES:,} byte tổng cộng; "
            "các thành phần của biểu mẫu chỉ dưới 30 KB); hãy chỉ giữ trang báo cáo trong sổ "
            "tính rồi gửi lại",
        )


def checked_size(path: Path, display: str, limit: int) -> int:
    """The file's size, refused (before anything is read) when it passes ``limit``."""
    size = path.stat().st_size
    if size > limit:
        raise KpiError.about(
            display,
            "file-too-large",
            f"the file is {size:,} bytes; a submission may be at most {limit:,}",
            f"tệp có dung lượng {size:,} byte; một báo cáo tối đa {limit:,} byte",
        )
    return size


def _head(path: Path, display: str) -> tuple[bytes, int]:
    try:
        size = checked_size(path, display, MAX_FILE_BYTES)
        with path.open("rb") as handle:
            return handle.read(4096), size
    except OSError as exc:
        raise open_error(display, exc) from None


def open_error(display: str, exc: OSError) -> KpiError:
    """A file that cannot be opened: missing, a folder, or not readable."""
    if isinstance(exc, FileNotFoundError):
        return KpiError.about(display, "file-not-found", "no such file", "không tìm thấy tệp")
    if isinstance(exc, IsADirectoryError):
        return KpiError.about(
            display, "not-a-file", "is a folder, not a file", "là thư mục, không phải tệp"
        )
    return KpiError.about(
        display,
        "unreadable",
        f"cannot be read ({exc.strerror})",
        f"không đọc được tệp ({exc.strerror})",
    )


def sniff(head: bytes) -> str:
    """The kind of file these first bytes begin: xlsx-like zip, ole, html, xml, text, ..."""
    if not head:
        return "empty"
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_EMPTY_ZIP):
        return "empty-zip"
    if head.startswith(_OLE):
        return "ole"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:1024]:
        return "html"
    if text.startswith(b"<?xml") or text.startswith(b"<"):
        return "xml"
    if head.startswith(b"%PDF"):
        return "pdf"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return "binary"
    return "text"


def _what_is_it(head: bytes, size: int) -> tuple[str, str]:
    """What a file that is not an .xlsx is, in English and Vietnamese."""
    kind = sniff(head)
    if kind == "xml" and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        kind = "xml-2003"
    known = _NOT_XLSX.get(kind)
    if known is not None:
        return known
    return (
        f"is not an .xlsx workbook (it starts with bytes {head[:8].hex(' ')}; {size:,} bytes)",
        f"không phải sổ tính .xlsx (bắt đầu bằng các byte {head[:8].hex(' ')}; {size:,} byte)",
    )


_NOT_XLSX: dict[str, tuple[str, str]] = {
    "empty": (
        "the file is empty (0 bytes); ask the unit to send it again",
        "tệp rỗng (0 byte); hãy đề nghị đơn vị gửi lại",
    ),
    "empty-zip": (
        "the file is an empty zip archive, not a workbook",
        "tệp là một tệp nén rỗng, không phải sổ tính",
    ),
    "html": (
        "is an HTML web page saved with an .xlsx name, not a workbook; open it in Excel and "
        "save as Excel Workbook (.xlsx)",
        "là trang web HTML được lưu với đuôi .xlsx, không phải sổ tính; hãy mở bằng Excel và "
        "lưu lại dạng Excel Workbook (.xlsx)",
    ),
    "xml-2003": (
        "is an 'XML Spreadsheet 2003' file, not an .xlsx workbook; open it and save as Excel "
        "Workbook (.xlsx)",
        "là tệp 'XML Spreadsheet 2003', không phải sổ tính .xlsx; hãy mở và lưu lại dạng "
        "Excel Workbook (.xlsx)",
    ),
    "xml": ("is an XML file, not an .xlsx workbook", "là tệp XML, không phải sổ tính .xlsx"),
    "pdf": (
        "is a PDF document, not a workbook; ask the unit for the spreadsheet",
        "là tài liệu PDF, không phải sổ tính; hãy đề nghị đơn vị gửi tệp Excel",
    ),
    "text": (
        "is a text (CSV) file with a workbook's name; rename it to .csv or open it and save "
        "as Excel Workbook (.xlsx)",
        "là tệp văn bản (CSV) mang tên sổ tính; hãy đổi đuôi thành .csv, hoặc mở và lưu lại "
        "dạng Excel Workbook (.xlsx)",
    ),
}


def _ole_error(path: Path, display: str) -> KpiError:
    """An OLE compound file is an old .xls, or an encrypted (password-protected) .xlsx."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES)
    if "EncryptedPackage".encode("utf-16-le") in data:
        return KpiError.about(
            display,
            "encrypted-workbook",
            "the workbook is protected by a password, so it cannot be read; open it, remove "
            "the password (File > Info > Protect Workbook) and save again",
            "sổ tính được đặt mật khẩu nên không đọc được; hãy mở tệp, gỡ mật khẩu (Tệp > "
            "Thông tin > Bảo vệ sổ làm việc) rồi lưu lại",
        )
    return KpiError.about(
        display,
        "xls-workbook",
        "is an old Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice and save as "
        "Excel Workbook (.xlsx)",
        "là sổ tính Excel 97-2003 (.xls) cũ; hãy mở bằng Excel hoặc LibreOffice và lưu lại "
        "dạng Excel Workbook (.xlsx)",
    )


def _check_directory(infos: list[zipfile.ZipInfo], display: str) -> None:
    if len(infos) > MAX_PARTS:
        raise KpiError.about(
            display,
            "zip-too-many-parts",
            f"the workbook has {len(infos):,} parts; at most {MAX_PARTS:,} are read",
            f"sổ tính có {len(infos):,} thành phần; chỉ đọc tối đa {MAX_PARTS:,}",
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise KpiError.about(
                display,
                "duplicate-zip-entry",
                f"the zip container holds part {info.filename!r} twice; a workbook never does, "
                "so the file was tampered with or damaged",
                f"tệp nén chứa thành phần {info.filename!r} hai lần; sổ tính bình thường không "
                "bao giờ như vậy, nên tệp đã bị sửa đổi hoặc hỏng",
            )
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise KpiError.about(
                display,
                "encrypted-workbook",
                f"part {info.filename!r} is encrypted; remove the password and save again",
                f"thành phần {info.filename!r} bị mã hóa; hãy gỡ mật khẩu rồi lưu lại",
            )
        total += info.file_size
        _check_part_size(info, display)
    if total > MAX_TOTAL_BYTES:
        raise KpiError.about(
            display,
            "zip-bomb",
            f"the workbook would unpack to {total:,} bytes (limit {MAX_TOTAL_BYTES:,}); "
            "refused as a possible zip bomb",
            f"sổ tính khi giải nén sẽ chiếm {total:,} byte (giới hạn {MAX_TOTAL_BYTES:,}); bị "
            "từ chối vì có thể là 'bom nén'",
        )


def _check_part_size(info: zipfile.ZipInfo, display: str) -> None:
    if info.file_size > MAX_PART_BYTES:
        raise KpiError.about(
            display,
            "zip-bomb",
            f"part {info.filename!r} would unpack to {info.file_size:,} bytes (limit "
            f"{MAX_PART_BYTES:,}); refused as a possible zip bomb",
            f"thành phần {info.filename!r} khi giải nén sẽ chiếm {info.file_size:,} byte (giới "
            f"hạn {MAX_PART_BYTES:,}); bị từ chối vì có thể là 'bom nén'",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        raise KpiError.about(
            display,
            "zip-bomb",
            f"part {info.filename!r} is compressed {ratio:,} to 1 (limit {MAX_RATIO} to 1); "
            "refused as a possible zip bomb",
            f"thành phần {info.filename!r} có tỷ lệ nén {ratio:,}:1 (giới hạn {MAX_RATIO}:1); "
            "bị từ chối vì có thể là 'bom nén'",
        )


def _check_kind(names: frozenset[str], archive: zipfile.ZipFile, display: str) -> None:
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:200].decode("ascii", "replace")
        if "opendocument" in mimetype:
            raise KpiError.about(
                display,
                "not-xlsx",
                f"is an OpenDocument file ({mimetype}), not an .xlsx workbook; open it in "
                "LibreOffice and save as Excel 2007-365 (.xlsx)",
                f"là tệp OpenDocument ({mimetype}), không phải sổ tính .xlsx; hãy mở bằng "
                "LibreOffice và lưu dạng Excel 2007-365 (.xlsx)",
            )
    if "[Content_Types].xml" not in names:
        raise KpiError.about(
            display,
            "not-xlsx",
            "is a zip archive but not an Office document; ask for the .xlsx file",
            "là tệp nén nhưng không phải tài liệu Office; hãy đề nghị gửi tệp .xlsx",
        )
    if not any(name.startswith("xl/") for name in names):
        word = any(n.startswith("word/") for n in names)
        raise KpiError.about(
            display,
            "not-xlsx",
            f"is {'a Word document' if word else 'not a workbook'}, not an .xlsx workbook",
            f"{'là văn bản Word' if word else 'không phải sổ tính'}, không phải sổ tính .xlsx",
        )
