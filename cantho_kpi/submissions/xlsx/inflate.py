"""Inflate one part of a zip container as a stream, never past the size it declares.

A zip entry's declared size is a claim, not a fact: an entry may declare 1,000 bytes and inflate
to gigabytes. :func:`inflate` reads the compressed bytes in chunks and asks zlib for at most one
byte more than the declared size, so a lying entry is refused after inflating at most its
declared size plus one byte (the declared size itself is capped by :mod:`.parts` before this
runs).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator

from ...catalog import both, numbers
from ...errors import KpiError

CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22sHH")


class Oversized(Exception):
    """The part inflates past its declared size."""


def inflate(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    display: str,
    keep: Callable[[bytes], bool] = lambda _head: True,
) -> bytes | None:
    """The bytes of ``info``, inflated in chunks of at most :data:`CHUNK` output bytes; a
    KpiError as soon as more than its declared size comes out, BadZipFile when the bytes do
    not match the entry (truncated, bad CRC). ``keep`` is asked about the first chunk: when it
    says no, the rest is checked but not kept (None is returned), so a large part that no
    reader parses never sits in memory."""
    kept: list[bytes] = []
    keeping: bool | None = None  # decided on the first bytes
    size = crc = 0
    try:
        for chunk in _chunks(archive, info):
            size += len(chunk)
            if size > info.file_size:
                raise Oversized
            crc = zlib.crc32(chunk, crc)
            if keeping is None and chunk:
                keeping = keep(chunk)
            if keeping:
                kept.append(chunk)
    except Oversized:
        raise _lying_size(info, display) from None
    if size != info.file_size or crc != info.CRC:
        # not a message: a detail in zipfile's own words, shown in parentheses
        raise zipfile.BadZipFile(f"part {info.filename!r} does not match its directory entry")
    if keeping is None:
        keeping = keep(b"")
    return b"".join(kept) if keeping else None


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return _deflated(archive, info)
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size > info.file_size:
            raise Oversized
        return _stored(archive, info)
    return _other(archive, info)  # bzip2, lzma: zipfile's own stream, read in chunks


def _data_offset(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    fp = archive.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        # not a message: a detail in zipfile's own words, shown in parentheses
        raise zipfile.BadZipFile("truncated local header")
    magic, _, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    if magic != b"PK\x03\x04":
        # not a message: a detail in zipfile's own words, shown in parentheses
        raise zipfile.BadZipFile("bad local header")
    return int(info.header_offset) + _LOCAL_HEADER.size + int(name_len) + int(extra_len)


def _compressed(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's compressed bytes, in chunks, straight from the file."""
    fp = archive.fp
    assert fp is not None
    offset, remaining = _data_offset(archive, info), info.compress_size
    while remaining > 0:
        fp.seek(offset)
        data = fp.read(min(CHUNK, remaining))
        if not data:
            # not a message: a detail in zipfile's own words, shown in parentheses
            raise zipfile.BadZipFile("truncated part")
        offset += len(data)
        remaining -= len(data)
        yield data


def _stored(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    yield from _compressed(archive, info)


def _deflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    source = _compressed(archive, info)
    out = 0
    while not inflater.eof:
        data = inflater.unconsumed_tail or next(source, b"")
        if not data:
            # not a message: a detail in zipfile's own words, shown in parentheses
            raise zipfile.BadZipFile("truncated compressed data")
        # never more than one chunk at once, nor one byte past the declared size
        chunk = inflater.decompress(data, min(CHUNK, info.file_size + 1 - out))
        out += len(chunk)
        yield chunk


def _other(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def _lying_size(info: zipfile.ZipInfo, display: str) -> KpiError:
    return KpiError.about(
        display,
        "zip-bomb",
        both(
            "part {part} inflates to more than the {size} bytes it "
            "declares; refused as a possible zip bomb",
            part=repr(info.filename),
            size=numbers(info.file_size),
        ),
    )
