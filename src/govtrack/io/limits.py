"""Resource limits for reading files from strangers, with safe defaults a caller can raise.

===========================  ===========  ==================================================
limit                        default      what it guards
===========================  ===========  ==================================================
``max_file_bytes``           256 MiB      the file as it lies on disk
``max_uncompressed_bytes``   1 GiB        the sum of a workbook's declared part sizes
``max_part_bytes``           512 MiB      one part (one sheet's XML) once inflated
``max_compression_ratio``    250          inflated ÷ compressed size of any part over 1 MiB
``max_text_bytes``           64 MiB       a text or JSON file
``max_line_chars``           1,000,000    one line of a text format
===========================  ===========  ==================================================

A workbook is checked from the zip's central directory *before* anything is
inflated, so a zip bomb (a sheet of hundreds of MB that compresses to a few
hundred KB) is refused at once. Real partner workbooks compress 5 to 30 times;
a ratio above 250 on a part over 1 MiB is not a spreadsheet someone typed.

>>> import govtrack as gt
>>> roomy = Limits(max_file_bytes=2 << 30)
>>> roomy.max_file_bytes > DEFAULT_LIMITS.max_file_bytes
True
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import attrs

from govtrack._errors import FormatError, GovtrackError

__all__ = ["DEFAULT_LIMITS", "LimitError", "Limits", "check_lines", "check_text", "check_workbook"]

_MIB = 1 << 20


class LimitError(FormatError):
    """Input that exceeds a resource limit; the message names the limit to raise."""


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    del instance
    if value <= 0:
        raise ValueError(f"{attribute.name} must be positive (got {value!r})")


@attrs.frozen(kw_only=True)
class Limits:
    """Resource limits for reading; pass ``limits=Limits(...)`` to ``gt.load`` to change them."""

    max_file_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    max_uncompressed_bytes: int = attrs.field(default=1024 * _MIB, validator=_positive)
    max_part_bytes: int = attrs.field(default=512 * _MIB, validator=_positive)
    max_compression_ratio: float = attrs.field(default=250.0, validator=_positive)
    max_text_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)
    max_line_chars: int = attrs.field(default=1_000_000, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits used when a caller gives none."""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        raise GovtrackError(f"{path}: no such file") from None
    except OSError as error:
        raise FormatError(f"cannot read {path}: {error.strerror or error}") from None


def check_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a workbook whose file or declared sizes exceed ``limits``, inflating nothing.

    Raises:
        LimitError: A limit is exceeded (the message names it).
        FormatError: The file is not a readable zip.
    """
    size = _size(path)
    if size > limits.max_file_bytes:
        raise LimitError(
            f"{path.name} is {size:,} bytes, over the limit of {limits.max_file_bytes:,} "
            "(raise Limits.max_file_bytes to read it)"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise FormatError(
            f"{path.name} is not a valid .xlsx workbook (a broken zip: {error})"
        ) from None
    except (OSError, EOFError, ValueError) as error:
        raise FormatError(f"{path.name} cannot be opened as a workbook: {error}") from None
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > limits.max_part_bytes:
            raise LimitError(
                f"{path.name}: part {entry.filename} declares {entry.file_size:,} bytes inflated, "
                f"over the limit of {limits.max_part_bytes:,} (Limits.max_part_bytes)"
            )
        if entry.file_size > _MIB:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise LimitError(
                    f"{path.name}: part {entry.filename} inflates {ratio:,.0f} times "
                    f"({entry.compress_size:,} → {entry.file_size:,} bytes), over the limit of "
                    f"{limits.max_compression_ratio:,.0f} (Limits.max_compression_ratio): "
                    "this looks like a zip bomb"
                )
    if total > limits.max_uncompressed_bytes:
        raise LimitError(
            f"{path.name} declares {total:,} bytes inflated, over the limit of "
            f"{limits.max_uncompressed_bytes:,} (Limits.max_uncompressed_bytes)"
        )


def check_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a text file larger than ``limits.max_text_bytes`` before reading it."""
    size = _size(path)
    if size > limits.max_text_bytes:
        raise LimitError(
            f"{path.name} is {size:,} bytes, over the limit of {limits.max_text_bytes:,} "
            "for text (raise Limits.max_text_bytes to read it)"
        )


def check_lines(text: str, limits: Limits = DEFAULT_LIMITS, *, source: str = "") -> None:
    """Refuse text with a line longer than ``limits.max_line_chars`` (a sign of binary junk).

    >>> check_lines("short\\nlines")
    >>> check_lines("x" * 20, Limits(max_line_chars=10))
    Traceback (most recent call last):
    ...
    govtrack.io.limits.LimitError: line 1 has 20 characters, over the limit of 10 (Limits...)
    """
    start = 0
    number = 1
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        if end - start > limits.max_line_chars:
            where = f"{source}: " if source else ""
            raise LimitError(
                f"{where}line {number} has {end - start:,} characters, over the limit of "
                f"{limits.max_line_chars:,} (Limits.max_line_chars)"
            )
        start = end + 1
        number += 1
