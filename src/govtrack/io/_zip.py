"""Reading a workbook's XML parts: the zip module's reader, or a faster inflater when installed.

A sheet of 100,000 rows is some 70 MB of XML, and inflating it with the standard
library's zlib is a good part of the check a load makes before its engine may start.
With the ``fast`` extra (`zlib-ng <https://pypi.org/project/zlib-ng/>`_),
:func:`open_part` inflates a deflated part with zlib-ng, which gives the same bytes
in about half the time, and checks the part's size and CRC at its end as the zip
module does. Without the extra, or for a part it does not read so (stored,
encrypted, or in a zip not opened from a file on disk), it is ``archive.open(part)``.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Generator
from pathlib import Path
from typing import IO, Any, cast

__all__ = ["open_part"]


_inflater: Any
try:
    from zlib_ng import zlib_ng as _inflater
except ImportError:  # pragma: no cover - the test extras install it
    _inflater = None

_LOCAL_HEADER = struct.Struct("<4s22xHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_RAW_DEFLATE = -15  # the wbits of a raw deflate stream, as a zip holds it
_PIECE = 1 << 20


def _pieces(
    file: io.BufferedReader, info: zipfile.ZipInfo, inflater: Any
) -> Generator[bytes, None, None]:
    """The part's bytes, inflated a piece at a time; at the end its size and CRC checked."""
    name = info.filename
    header = file.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size:
        raise zipfile.BadZipFile(f"Truncated file header of {name!r}")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"Bad magic number for file header of {name!r}")
    file.seek(name_length + extra_length, io.SEEK_CUR)
    inflate = inflater.decompressobj(_RAW_DEFLATE)
    compressed_left, left, crc = info.compress_size, info.file_size, 0
    try:
        while left > 0 and not inflate.eof:
            if inflate.unconsumed_tail:
                data = inflate.decompress(inflate.unconsumed_tail, _PIECE)
            elif compressed_left > 0:
                raw = file.read(min(_PIECE, compressed_left))
                if not raw:
                    raise EOFError(f"{name!r} ends before its compressed size")
                compressed_left -= len(raw)
                data = inflate.decompress(raw, _PIECE)
            else:
                break
            data = data[:left]
            left -= len(data)
            if data:  # none while the inflater waits for more input
                crc = inflater.crc32(data, crc)
                yield data
    except inflater.error as error:
        raise zlib.error(str(error)) from None
    if left > 0 or crc != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {name!r}")


class _InflatedPart(io.BufferedIOBase):
    """A deflated part of a zip, read on its own handle on the file and inflated."""

    def __init__(self, file: io.BufferedReader, info: zipfile.ZipInfo, inflater: Any) -> None:
        super().__init__()
        self._file = file
        self._file.seek(info.header_offset)
        self._pieces = _pieces(file, info, inflater)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            data = self._pending + b"".join(self._pieces)
            self._pending = b""
            return data
        pending = self._pending
        while len(pending) < size:
            piece = next(self._pieces, b"")
            if not piece:
                break
            pending += piece
        data, self._pending = pending[:size], pending[size:]
        return data

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._pieces.close()
        self._file.close()
        super().close()


def _same_file(archive: zipfile.ZipFile) -> io.BufferedReader | None:
    """A new handle on the file ``archive`` reads, or None when there is no such file
    (a zip in memory) or the name now leads to another file."""
    path, handle = archive.filename, archive.fp
    if not isinstance(path, str) or not isinstance(handle, io.BufferedReader):
        return None
    try:
        file = Path(path).open("rb")  # noqa: SIM115 - returned open, closed by its reader
    except OSError:
        return None
    try:
        mine, theirs = os.fstat(file.fileno()), os.fstat(handle.fileno())
        same = (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)
    except (OSError, ValueError):  # ValueError: the zip's own file is closed
        same = False
    if not same:
        file.close()
        return None
    return file


def open_part(archive: zipfile.ZipFile, part: str | zipfile.ZipInfo) -> IO[bytes]:
    """A part of ``archive`` open for reading, as ``archive.open(part)`` (see the module).

    >>> import zipfile, io
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    >>> with open_part(zipfile.ZipFile(buffer), "xl/worksheets/sheet1.xml") as stream:
    ...     stream.read()
    b'<worksheet/>'
    """
    info = part if isinstance(part, zipfile.ZipInfo) else archive.getinfo(part)
    if _inflater is None or info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
        return archive.open(info)
    file = _same_file(archive)
    if file is None:
        return archive.open(info)
    return cast("IO[bytes]", _InflatedPart(file, info, _inflater))  # a BufferedIOBase, as zipfile's
