"""Shared file handling for readers and writers: decoding text, atomic writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from govtrack._errors import FormatError, WriteError

__all__ = ["atomic_write", "decode_text", "normalise_newlines"]


def _sync_directory(directory: Path) -> None:
    """Flush a directory's entries to disk where the platform allows it (POSIX)."""
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:
        return
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY | flags)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def normalise_newlines(text: str) -> str:
    r"""Drop a byte-order mark and turn CRLF and CR into LF, keeping line numbers.

    >>> normalise_newlines("\ufeffa\r\nb\rc")
    'a\nb\nc'
    """
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, *, source: str = "") -> str:
    """Decode a text file: UTF-8 with or without BOM; UTF-16 when it has a BOM.

    Raises:
        FormatError: The bytes are not text in an encoding govtrack reads.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise FormatError(f"{source or 'input'} is not valid UTF-16: {error}") from None
    try:
        return normalise_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FormatError(
            f"{source or 'input'} is not UTF-8 text (byte {error.start}: "
            f"{data[error.start : error.start + 1]!r}); save it as UTF-8 and try again"
        ) from None


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import: os.umask is process-wide


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> None:
    """Write a file through ``write`` into a temporary sibling, then rename it over ``path``.

    A crash at any point leaves the previous file (if any) whole. A symbolic link is
    followed: the file it points to is replaced, and the link stays a link. The
    directory is synced after the rename, so the new name survives a power cut.

    Raises:
        WriteError: The file cannot be written; the previous one is untouched.
    """
    target = Path(os.path.realpath(path))
    directory = target.parent if str(target.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=directory
        )
    except OSError as error:
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                Path(temporary).chmod(target.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                Path(temporary).chmod(0o666 & ~_UMASK)
        Path(temporary).replace(target)
        _sync_directory(directory)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
        raise
