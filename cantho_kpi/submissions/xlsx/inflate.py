"""Inflate one part of a zip container as a stream, never past the size it declares.

A zip entry's declared size is a claim, not a fact: an entry may declare 1,000 bytes and inflate
to gigabytes. :func:`inflate` reads the compressed bytes in chunks and asks zlib for at most one
byte more than the declared size, so a lying entry is refused after inflating at most its
declared size plus one byte (the declared size itself is capped by :mod:`.vet` before this runs).
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from ...errors import KpiError

CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22sHH")


class Oversized(Exception):
    """The part inflates past its declared size."""


def inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> bytes:
    """The bytes of ``info``, inflated in chunks; a KpiError as soon as more than its declared
    size comes out, or when the bytes do not match the entry (truncated, bad CRC)."""
    try:
        if info.compress_type == zipfile.ZIP_DEFLATED:
            data = _inflate_deflated(archive, info)
        elif info.compress_type == zipfile.ZIP_STORED:
            if info.compress_size > info.file_size:
                raise Oversized
            data = _raw(archive, info, info.compress_size)
        else:  # bzip2, lzma: zipfile's own stream stops at the declared size
            data = _read_bounded(archive, info)
    except Oversized:
        raise _lying_size(info, display) from None
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"part {info.filename!r} does not match its directory entry")
    return data


def _data_offset(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    fp = archive.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise zipfile.BadZipFile("truncated local header")
    magic, _, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    if magic != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    return int(info.header_offset) + _LOCAL_HEADER.size + int(name_len) + int(extra_len)


def _raw(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> bytes:
    fp = archive.fp
    assert fp is not None
    fp.seek(_data_offset(archive, info))
    data = fp.read(size)
    if len(data) != size:
        raise zipfile.BadZipFile("truncated part")
    return data


def _inflate_deflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    fp = archive.fp
    assert fp is not None
    offset, remaining = _data_offset(archive, info), info.compress_size
    bound = info.file_size
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    while not inflater.eof:
        if inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        elif remaining > 0:
            fp.seek(offset)
            data = fp.read(min(CHUNK, remaining))
            if not data:
                raise zipfile.BadZipFile("truncated part")
            offset += len(data)
            remaining -= len(data)
        else:
            raise zipfile.BadZipFile("truncated compressed data")
        # at most one byte more than declared: enough to know that the size lies
        out += inflater.decompress(data, bound + 1 - len(out))
        if len(out) > bound:
            raise Oversized
    return bytes(out)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            out += chunk
            if len(out) > info.file_size:
                raise Oversized
    return bytes(out)


def _lying_size(info: zipfile.ZipInfo, display: str) -> KpiError:
    return KpiError.about(
        display,
        "zip-bomb",
        f"part {info.filename!r} inflates to more than the {info.file_size:,} bytes it "
        "declares; refused as a possible zip bomb",
        f"thành phần {info.filename!r} khi giải nén vượt quá {info.file_size:,} byte mà nó "
        "khai báo; bị từ chối vì có thể là 'bom nén'",
    )
