"""Shared file handling for readers and writers: decoding text, atomic writes."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.etree.ElementTree import ParseError

import attrs

from govtrack._errors import (
    DueParseError,
    FormatError,
    MissingFileError,
    NotAFileError,
    ReadError,
    ReadPermissionError,
    WriteError,
)
from govtrack.model.dates import Due, parse_due

if TYPE_CHECKING:
    from govtrack.model.records import Document

__all__ = [
    "BROKEN_SHEET_ERRORS",
    "atomic_write",
    "decode_text",
    "normalise_newlines",
    "one_line",
    "read_error",
    "refuse_directory",
    "refuse_lossy",
    "refuse_what_is_left_out",
    "same_dates_in_another_form",
]

BROKEN_SHEET_ERRORS: tuple[type[BaseException], ...] = (
    KeyError, ValueError, TypeError, IndexError, OverflowError, zipfile.BadZipFile, EOFError,
    zlib.error, ParseError,
)  # fmt: skip
"""What openpyxl raises while iterating a damaged sheet (a reader turns it into a FormatError)."""


_KINDS = {
    "evaluations": ("evaluation", "evaluations"),
    "meetings": ("meeting", "meetings"),
    "reports": ("progress report", "progress reports"),
    "plans": ("action plan", "action plans"),
}


def refuse_what_is_left_out(document: Document, name: str, writes: str) -> None:
    """Refuse a document holding records the ``name`` format does not write: only its
    ``writes`` (a Document field) would be written, the rest silently lost.

    Reading problems are not records (reading the source again finds them), so they do
    not count.

    >>> import govtrack as gt
    >>> refuse_what_is_left_out(gt.Document(meetings=(gt.Meeting(title="M"),)), "matrix", "plans")
    Traceback (most recent call last):
    ...
    govtrack._errors.WriteError: the matrix format writes action plans only, and this document has 1 meeting, which would be left out; write JSON (format="json") or a workbook (.xlsx), which hold every kind
    """  # noqa: E501 - doctest output is one line
    left = [
        f"{len(records)} {_KINDS[field][len(records) != 1]}"
        for field in _KINDS
        if field != writes and (records := getattr(document, field))
    ]
    if left:
        raise WriteError(
            f"the {name} format writes {_KINDS[writes][1]} only, and this document has "
            f'{" and ".join(left)}, which would be left out; write JSON (format="json") '
            "or a workbook (.xlsx), which hold every kind"
        )


def refuse_lossy(document: Document, read_back: Document, name: str) -> None:
    """Refuse to write ``document`` in the ``name`` format when its text reads back as
    another document (``read_back``): what the text cannot hold would be lost, or
    changed, in silence. The message names the first differences by path.

    Reading problems and origins are not compared (the text is a new source), nor a
    deadline's text written as the same dates in a form that needs no option (a day read
    with ``dayfirst=``, see :func:`same_dates_in_another_form`). Words that read only in
    their context (``next month``, counted from a meeting) written as their dates
    (``Apr 2023``) are lost, and refused.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire", group="A"),),
    ...                                        extra={"Legend": "green: done"}),))
    >>> refuse_lossy(doc, gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),)),
    ...              "matrix")
    Traceback (most recent call last):
    ...
    govtrack._errors.WriteError: the matrix format cannot hold all of this document: plans[0].actions[0].group 'A' would read back as ''; plans[0].extra['Legend'] 'green: done' would be left out; write JSON (format="json") or a workbook (.xlsx), which hold it all, or pass lossy=True (convert --lossy) to write it anyway
    """  # noqa: E501 - doctest output is one line
    expected = attrs.evolve(document, problems=())
    found = attrs.evolve(read_back, problems=())
    if expected == found:
        return
    differences = list(_differences(expected, found, ""))
    if not differences:  # only deadlines in another form (same_dates_in_another_form)
        return
    more = len(differences) - 3
    said = "; ".join(differences[:3]) + (f"; and {more} more" if more > 0 else "")
    raise WriteError(
        f"the {name} format cannot hold all of this document: {said}; write JSON "
        '(format="json") or a workbook (.xlsx), which hold it all, or pass lossy=True '
        "(convert --lossy) to write it anyway"
    )


def same_dates_in_another_form(due: Due) -> bool:
    """Whether a deadline's text reads as its dates once the reader is told how
    (``dayfirst=``, a two-digit year), so that writing them in a form that needs no telling
    (:meth:`~govtrack.Due.portable_text`) changes their form only, not their words.

    >>> import govtrack as gt
    >>> same_dates_in_another_form(gt.parse_due("03/04/2024", dayfirst=True))
    True
    >>> same_dates_in_another_form(gt.Due.month(2023, 4, "next month"))
    False
    """
    for dayfirst in (True, False):
        try:
            again = parse_due(due.text, dayfirst=dayfirst, two_digit_year=True)
        except DueParseError:
            continue
        if (again.start, again.end) == (due.start, due.end):
            return True
    return False


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _differences(old: Any, new: Any, path: str) -> Iterator[str]:
    """Where ``new`` differs from ``old``, as ``path: what`` texts, in field order."""
    if type(old) is not type(new):
        yield f"{path or 'the document'} {_short(old)} would read back as {_short(new)}"
    elif isinstance(old, Due):
        # A writer may write a day in another form (``03/04/2024`` read day first as
        # ``2024-04-03``, which reads back without the option): the same deadline. Words
        # that read only in their context (``next month``) written as dates are lost.
        dates = (old.start, old.end, old.precision) == (new.start, new.end, new.precision)
        if not dates or (old.text != new.text and not same_dates_in_another_form(old)):
            yield f"{path} {old.text!r} would read back as {new.text!r}"
    elif attrs.has(type(old)):
        for field in attrs.fields(type(old)):
            if field.eq and getattr(old, field.name) != getattr(new, field.name):
                where = f"{path}.{field.name}" if path else field.name
                yield from _differences(getattr(old, field.name), getattr(new, field.name), where)
    elif isinstance(old, tuple):
        for index, (first, second) in enumerate(zip(old, new, strict=False)):
            if first != second:
                yield from _differences(first, second, f"{path}[{index}]")
        if len(old) > len(new):
            yield f"{path}: {len(old) - len(new)} of {len(old)} would be left out"
        elif len(new) > len(old):
            yield f"{path}: {len(new) - len(old)} more would read back than were written"
    elif hasattr(old, "keys") and hasattr(new, "keys"):
        for key in old:
            if key not in new:
                yield f"{path}[{key!r}] {_short(old[key])} would be left out"
            elif old[key] != new[key]:
                yield f"{path}[{key!r}] {_short(old[key])} would read back as {_short(new[key])}"
        for key in new:
            if key not in old:
                yield f"{path}[{key!r}] {_short(new[key])} would appear"
    else:
        yield f"{path} {_short(old)} would read back as {_short(new)}"


def read_error(path: object, error: OSError, *, folder: str = "") -> ReadError:
    """The error to raise for a file that ``error`` says cannot be opened for reading: a
    :class:`ReadError` that is also the matching builtin (``FileNotFoundError``,
    ``IsADirectoryError``, ``PermissionError``), with a one-line message.

    ``folder`` is the advice given for a directory (what to name instead).

    >>> error = read_error("tracker.json", FileNotFoundError(2, "No such file or directory"))
    >>> isinstance(error, FileNotFoundError), str(error)
    (True, 'tracker.json: no such file')
    """
    if isinstance(error, ReadError):  # raised by a check below, with its message made
        return error
    name = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    errno = error.errno
    if isinstance(error, FileNotFoundError):
        return MissingFileError(f"{name}: no such file", filename=name, errno=errno)
    if isinstance(error, IsADirectoryError):
        advice = folder or f"give a file such as {name}/tracker.xlsx"
        return NotAFileError(f"{name} is a directory; {advice}", filename=name, errno=errno)
    message = f"cannot read {name}: {one_line(error) if error.strerror is None else error.strerror}"
    if isinstance(error, PermissionError):
        return ReadPermissionError(message, filename=name, errno=errno)
    return ReadError(message, filename=name, errno=errno)


def refuse_directory(file: Path) -> None:
    """Raise a :class:`NotAFileError` when ``file`` is a folder, and the :func:`read_error`
    when it cannot even be looked at (a folder above it not permitted)."""
    try:
        folder = file.is_dir()
    except OSError as error:
        raise read_error(file, error) from None
    if folder:
        raise read_error(file, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))


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
    if "\r" not in text:  # most texts: one quick scan, not two replacements' (a tenth)
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(error: BaseException) -> str:
    r"""An exception's message on one line, with the exception it was raised from.

    Libraries (openpyxl among them) raise messages of several lines that say "see
    the exception for details": the first line is kept, and the cause is added.

    >>> try:
    ...     raise ValueError("could not read sheet1\nSee the cause.") from KeyError("rId3")
    ... except ValueError as error:
    ...     print(one_line(error))
    could not read sheet1 (KeyError: 'rId3')
    """
    lines = str(error).strip().splitlines()
    text = " ".join(lines[0].split()) if lines else type(error).__name__
    cause = error.__cause__
    if cause is not None and cause is not error:
        lines = str(cause).strip().splitlines()
        detail = " ".join(lines[0].split()) if lines else ""
        text += f" ({type(cause).__name__}: {detail})" if detail else f" ({type(cause).__name__})"
    return text


_BYTE_ORDER_MARKS = (b"\xff\xfe", b"\xfe\xff")


def _looks_binary(sample: bytes) -> bool:
    """A NUL, or more than one byte in twenty a control character other than whitespace."""
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return b"\x00" in sample or controls * 20 > len(sample)


def decode_text(data: bytes, *, source: str = "", encoding: str | None = None) -> str:
    """Decode a text file: UTF-8 with or without BOM; UTF-16 when it has a BOM.

    Args:
        data: The file's bytes.
        source: The file's name, for messages.
        encoding: A Python codec to decode with instead (``"cp1252"`` for a file saved
            as "ANSI" by an old Windows program); a byte-order mark still wins.

    Raises:
        FormatError: The bytes are not text in the encoding (the message says which byte),
            or ``encoding`` names no codec.

    >>> decode_text("Liberia’s".encode("cp1252"), encoding="cp1252")
    'Liberia’s'
    """
    where = source or "input"
    if data.startswith(_BYTE_ORDER_MARKS):
        try:
            return normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise FormatError(
                f"{where} is not valid UTF-16 although it starts with a UTF-16 byte-order mark "
                f"(bytes {error.start}–{error.end}: {error.reason})"
            ) from None
    codec = "utf-8-sig" if encoding is None or encoding.lower() in {"utf-8", "utf8"} else encoding
    try:
        return normalise_newlines(data.decode(codec))
    except LookupError:
        raise FormatError(f"unknown encoding {encoding!r}; expected a Python codec name") from None
    except UnicodeDecodeError as error:
        byte = data[error.start : error.start + 1]
        if codec != "utf-8-sig":
            raise FormatError(
                f"{where} is not {encoding} text (byte {error.start}: {byte!r})"
            ) from None
        hint = (
            "it looks binary, not text"
            if _looks_binary(data[:4096])
            else 'it may be Windows-1252 ("ANSI"): pass encoding="cp1252", or save it as UTF-8'
        )
        raise FormatError(
            f"{where} is not UTF-8 text (byte {error.start}: {byte!r}); {hint}"
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
