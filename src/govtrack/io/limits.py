"""Resource limits for reading files from strangers, with safe defaults a caller can raise.

===========================  ===========  ==================================================
limit                        default      what it guards
===========================  ===========  ==================================================
``max_file_bytes``           256 MiB      the file as it lies on disk
``max_parts``                10,000       the parts (zip entries) of a workbook
``max_uncompressed_bytes``   1 GiB        the sum of a workbook's declared part sizes
``max_part_bytes``           512 MiB      one part (one sheet's XML) once inflated
``max_compression_ratio``    250          inflated ÷ compressed size of any part over 1 MiB
``max_rows``                 1,048,576    rows read from a workbook, all sheets together
``max_cells``                10,000,000   cells read from a workbook, blank ones included
``max_cell_chars``           32,767       the text of one cell of a workbook
``max_text_bytes``           64 MiB       a text or JSON file
``max_line_chars``           1,000,000    one line of a text format
===========================  ===========  ==================================================

A workbook is checked from the zip's central directory *before* anything is
inflated, so a zip bomb (a sheet of hundreds of MB that compresses to a few
hundred KB) is refused at once. Real partner workbooks compress 5 to 30 times;
a ratio above 250 on a part over 1 MiB is not a spreadsheet someone typed.
Then the start of each XML part is read, up to its root element: a part that
declares a DTD (``<!DOCTYPE``), where entity bombs live, is refused, whatever
XML parser would read it next.

Rows and cells are counted as they are read. A sheet can declare its last row
to be row 1,048,576 or put one value in column XFD, and a reader then walks a
million empty rows or sixteen thousand blank cells a row: ``max_rows`` and
``max_cells`` bound that work (a blank cell before the last value of a row
counts), and ``max_cell_chars`` is the most Excel itself puts in a cell.

>>> import govtrack as gt
>>> roomy = Limits(max_file_bytes=2 << 30)
>>> roomy.max_file_bytes > DEFAULT_LIMITS.max_file_bytes
True
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.parsers import expat

import attrs

from govtrack._errors import ArgumentError, FormatError, GovtrackError
from govtrack.io._files import read_error
from govtrack.io._zip import open_part
from govtrack.model.location import Location

__all__ = [
    "DEFAULT_LIMITS",
    "LimitError",
    "Limits",
    "RowBudget",
    "check_extents",
    "check_lines",
    "check_text",
    "check_workbook",
]

_MIB = 1 << 20


class LimitError(FormatError):
    """Input that exceeds a resource limit; the message names the limit to raise."""


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    del instance
    if value <= 0:
        raise ArgumentError(f"{attribute.name} must be positive (got {value!r})")


@attrs.frozen(kw_only=True)
class Limits:
    """Resource limits for reading; pass ``limits=Limits(...)`` to ``gt.load`` to change them."""

    max_file_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    max_parts: int = attrs.field(default=10_000, validator=_positive)
    max_uncompressed_bytes: int = attrs.field(default=1024 * _MIB, validator=_positive)
    max_part_bytes: int = attrs.field(default=512 * _MIB, validator=_positive)
    max_compression_ratio: float = attrs.field(default=250.0, validator=_positive)
    max_rows: int = attrs.field(default=1_048_576, validator=_positive)
    max_cells: int = attrs.field(default=10_000_000, validator=_positive)
    max_cell_chars: int = attrs.field(default=32_767, validator=_positive)
    max_text_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)
    max_line_chars: int = attrs.field(default=1_000_000, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits used when a caller gives none."""


def _quoted(name: str) -> str:
    """A part's name as it is, or quoted with escapes when it holds what a message should not."""
    return name if name.isprintable() else repr(name)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as error:
        raise read_error(path, error) from None


# ---------------------------------------------------------------------------
# Workbooks: the zip's directory, then each XML part's prolog

_END_OF_DIRECTORY = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_BYTES_PER_ENTRY = 512
"""A generous size for one central-directory record of a workbook (name and extras)."""


def _directory_size(path: Path, size: int) -> tuple[int, int] | None:
    """The entry count and byte size the zip's end record declares, read from its tail.

    None when there is no end record (the zip module then says the file is broken).
    """
    with path.open("rb") as stream:
        tail_size = min(size, 22 + 0xFFFF + 20)
        stream.seek(size - tail_size)
        tail = stream.read(tail_size)
        at = tail.rfind(_END_OF_DIRECTORY)
        if at < 0 or len(tail) - at < 22:
            return None
        entries = int.from_bytes(tail[at + 10 : at + 12], "little")
        directory = int.from_bytes(tail[at + 12 : at + 16], "little")
        locator = at - 20
        zip64 = entries == 0xFFFF or directory == 0xFFFFFFFF
        if zip64 and locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
            stream.seek(int.from_bytes(tail[locator + 8 : locator + 16], "little"))
            record = stream.read(56)
            if record[:4] == _ZIP64_END and len(record) == 56:
                entries = int.from_bytes(record[32:40], "little")
                directory = int.from_bytes(record[40:48], "little")
    return entries, directory


_XML_PARTS = (".xml", ".rels", ".vml")
_PROLOG_BYTES = 64 * 1024
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def _prolog_text(head: bytes) -> str:
    """The start of an XML part as text, whichever of UTF-8 and UTF-16 it is written in."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="ignore")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _check_prolog(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> None:
    """Refuse a part that declares a DTD, or whose root element does not come in 64 KiB."""
    with archive.open(entry) as stream:
        head = stream.read(_PROLOG_BYTES)
        whole = len(head) < _PROLOG_BYTES or not stream.read(1)
    text = _prolog_text(head).removeprefix("\ufeff")
    position = 0
    while (item := _PROLOG_ITEM.match(text, position)) is not None and item.end() > position:
        position = item.end()
    rest = text[position : position + 9]
    if rest.startswith("<!DOCTYPE"):
        raise FormatError(
            f"{name}: part {_quoted(entry.filename)} declares a DTD (<!DOCTYPE …>), which no "
            ".xlsx part has; refused, since its entities could expand without bound"
        )
    if (rest[:1] == "<" and rest[1:2] not in {"!", "?", ""}) or (not rest and whole):
        return  # the root element (or an empty part, which its reader will judge)
    if not whole:
        raise FormatError(
            f"{name}: part {_quoted(entry.filename)} has no root element in its first "
            f"{_PROLOG_BYTES // 1024} KiB; expected an XML part of a workbook"
        )


def check_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a workbook whose file or declared sizes exceed ``limits``, or that declares a DTD.

    Sizes come from the zip's directory, so nothing is inflated to judge them;
    then only the start of each XML part is read, up to its root element.

    Raises:
        LimitError: A limit is exceeded (the message names it).
        FormatError: The file is not a readable zip, or an XML part declares a DTD.
    """
    size = _size(path)
    if size > limits.max_file_bytes:
        raise LimitError(
            f"{path} is {size:,} bytes, over the limit of {limits.max_file_bytes:,} "
            "(raise Limits.max_file_bytes to read it)"
        )
    try:
        declared = _directory_size(path, size)
    except OSError as error:
        raise FormatError(f"cannot read {path}: {error.strerror or error}") from None
    if declared is not None:
        entries, directory = declared
        if entries > limits.max_parts or directory > limits.max_parts * _BYTES_PER_ENTRY:
            raise LimitError(
                f"{path} declares {entries:,} parts in a directory of {directory:,} bytes, "
                f"over the limit of {limits.max_parts:,} parts (Limits.max_parts)"
            )
    try:
        with zipfile.ZipFile(path) as archive:
            entries_found = archive.infolist()
            _check_entries(str(path), entries_found, limits)
            for entry in entries_found:
                if entry.filename.lower().endswith(_XML_PARTS) and not entry.is_dir():
                    _check_prolog(archive, entry, str(path))
    except zipfile.BadZipFile as error:
        raise FormatError(f"{path} is not a valid .xlsx workbook (a broken zip: {error})") from None
    except (OSError, EOFError, ValueError, RuntimeError, zlib.error) as error:
        if isinstance(error, GovtrackError):
            raise
        raise FormatError(f"{path} cannot be opened as a workbook: {error}") from None


def _check_entries(name: str, entries: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(entries) > limits.max_parts:
        raise LimitError(
            f"{name} has {len(entries):,} parts, over the limit of {limits.max_parts:,} "
            "(Limits.max_parts)"
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > limits.max_part_bytes:
            raise LimitError(
                f"{name}: part {_quoted(entry.filename)} declares {entry.file_size:,} bytes "
                f"inflated, over the limit of {limits.max_part_bytes:,} (Limits.max_part_bytes)"
            )
        if entry.file_size > _MIB:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise LimitError(
                    f"{name}: part {_quoted(entry.filename)} inflates {ratio:,.0f} times "
                    f"({entry.compress_size:,} → {entry.file_size:,} bytes), over the limit of "
                    f"{limits.max_compression_ratio:,.0f} (Limits.max_compression_ratio): "
                    "this looks like a zip bomb"
                )
    if total > limits.max_uncompressed_bytes:
        raise LimitError(
            f"{name} declares {total:,} bytes inflated, over the limit of "
            f"{limits.max_uncompressed_bytes:,} (Limits.max_uncompressed_bytes)"
        )


# A cell reference attribute (r="XFD1048576"); over-matching another attribute ending in
# "r" only makes the span look larger, never smaller.
_CELL_REF = re.compile(rb"r[\t\n\r ]*=[\t\n\r ]*[\"']([A-Z]{1,3})([0-9]{1,9})[\"']")
# The same value after any attribute name: every match of _CELL_REF is a match of this one,
# at its "=" (a rarer byte than "r" in a sheet's text, so searched faster), and more.
_ANY_REF = re.compile(rb"=[\t\n\r ]*[\"']([A-Z]{1,3})([0-9]{1,9})[\"']")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
# The XML is read in segments of about this size; of each, this much of the end is read
# reference by reference, to guess the segment's last row.
_SEGMENT = _MIB
_TAIL = 4096
_Box = tuple[int, int, int, int]  # top, bottom, left, right (rows and columns, 1-based)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The rows and columns a sheet's cells span, from their references, streamed."""
    top = left = 1 << 30
    bottom = right = 0
    for data in _segments(archive, part):
        if found := _CELL_REF.findall(data):
            numbers = [int(row) for _, row in found]
            columns = [_column_number(letters) for letters in {letters for letters, _ in found}]
            top, bottom = min(top, *numbers), max(bottom, *numbers)
            left, right = min(left, *columns), max(right, *columns)
    if not bottom:
        return 0, 0
    return bottom - top + 1, right - left + 1


def _segments(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """A part's XML in pieces of about a MiB, each cut before a ``<`` (so no attribute is split)."""
    with open_part(archive, part) as stream:
        carry = b""
        while True:
            chunk = stream.read(_SEGMENT)
            data = carry + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            if cut <= 0 and chunk:
                # No "<" past the start: the piece is one tag or text longer than a segment.
                # Read on rather than cut it, which could split a tag (and a reference).
                carry = data
                continue
            data, carry = data[:cut], data[cut:]
            yield data
            if not chunk:
                break


def _letters(number: int) -> str:
    """A column number as its letters (1 is A, 27 is AA)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = _UPPER[rest] + letters
    return letters


def _same_length(low: str, high: str, alphabet: str) -> str:
    """A pattern for the strings of ``low``'s length from ``low`` to ``high`` (in order)."""
    if len(low) == 1:
        return low if low == high else f"[{low}-{high}]"
    first, last = alphabet[0], alphabet[-1]
    rest = len(low) - 1
    if low == first * len(low) and high == last * len(high):
        return f"[{first}-{last}]{{{len(low)}}}"
    if low[0] == high[0]:
        return low[0] + _same_length(low[1:], high[1:], alphabet)
    options = [high[0] + _same_length(first * rest, high[1:], alphabet)]
    above, below = alphabet.index(low[0]) + 1, alphabet.index(high[0]) - 1
    if above <= below:
        options.append(f"[{alphabet[above]}-{alphabet[below]}][{first}-{last}]{{{rest}}}")
    options.append(low[0] + _same_length(low[1:], last * rest, alphabet))
    return "(?:" + "|".join(options) + ")"


def _between(low: int, high: int, *, letters: bool) -> str:
    """A pattern for the numbers from ``low`` to ``high``, written as column letters or
    as decimal digits without leading zeros (0 is the empty string); the longest first,
    as most references are."""
    spell = _letters if letters else str
    alphabet, lead = (_UPPER, "A") if letters else (_DIGITS, "1")
    options: list[str] = []
    zero = not letters and low == 0
    low = max(low, 1)
    if low > high:
        return "(?:)"
    short, long = len(spell(low)), len(spell(high))
    smallest = [lead + alphabet[0] * (size - 1) for size in range(long + 1)]
    # Every string of the sizes strictly between, and of low's size when low is its smallest.
    full_from = short if spell(low) == smallest[short] else short + 1
    full_to = long - 1
    if short == long:
        options.append(_same_length(spell(low), spell(high), alphabet))
    else:
        options.append(_same_length(smallest[long], spell(high), alphabet))
        if full_from <= full_to:
            any_one = f"[{alphabet[0]}-{alphabet[-1]}]"
            options.append(f"[{lead}-{alphabet[-1]}]{any_one}{{{full_from - 1},{full_to - 1}}}")
        if full_from > short:
            options.append(_same_length(spell(low), alphabet[-1] * short, alphabet))
    if zero:
        options.append("")
    return "(?:" + "|".join(options) + ")"


def _outside(box: _Box) -> re.Pattern[bytes]:
    """A cell reference (any that _ANY_REF finds) outside ``box``."""
    top, bottom, left, right = box
    inside = f"{_between(left, right, letters=True)}0*{_between(top, bottom, letters=False)}"
    return re.compile(
        rb"=[\t\n\r ]*[\"'](?!" + inside.encode() + rb"[\"'])[A-Z]{1,3}[0-9]{1,9}[\"']"
    )


def _grow(box: _Box | None, found: list[tuple[bytes, bytes]]) -> _Box | None:
    if not found:
        return box
    rows = [int(row) for _, row in found]
    columns = [_column_number(letters) for letters in {letters for letters, _ in found}]
    top, bottom, left, right = box if box is not None else (1 << 30, -1, 1 << 30, -1)
    return min(top, *rows), max(bottom, *rows), min(left, *columns), max(right, *columns)


def _scan(archive: zipfile.ZipFile, part: str) -> tuple[bool, tuple[int, int]]:
    """At least the rows and columns :func:`_extent` finds (more when attributes other than
    cell references look like one), in about a third of its time.

    Each segment of the XML is searched once, by one pattern, for a cell reference
    outside the box found so far, grown by the references at the segment's end (rows
    come in order, so those hold the segment's last row); only a segment holding such
    a reference is read reference by reference.

    Also says whether some cell may lack a reference (then only a reader's placing of
    the cells, :func:`_positional_extent`, gives the span).
    """
    box: _Box | None = None
    unreferenced = False
    for data in _segments(archive, part):
        if not unreferenced:
            # A prefix follows a ":", rare in most sheets: found first at C speed (memchr).
            colon = data.find(b":")
            unreferenced = bool(
                _UNREFERENCED.search(data) or (colon >= 0 and _PREFIXED.search(data, colon))
            )
        grown = _grow(box, _ANY_REF.findall(data, max(0, len(data) - _TAIL)))
        if grown is None:
            grown = _grow(box, _ANY_REF.findall(data))
        elif _outside(grown).search(data):
            grown = _grow(grown, _ANY_REF.findall(data))
        box = grown
    if box is None:
        return unreferenced, (0, 0)
    top, bottom, left, right = box
    return unreferenced, (bottom - top + 1, right - left + 1)


def _bounds(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The quick span of :func:`_scan`: at least what :func:`_extent` finds."""
    return _scan(archive, part)[1]


# A cell start tag that does not begin with a reference (``<c>``, ``<c t="s">``, ``<c r="">``),
# and an element of the sheet's data written with a namespace prefix (``<x:c>``), which the
# first pattern cannot see: where either occurs, some cell may have no reference, and only
# its position says where it is.
_UNREFERENCED = re.compile(rb'<c(?! r="[A-Z])[ >/\t\n\r]')
_PREFIXED = re.compile(rb":(?:c|row|sheetData)[ >/\t\n\r]")


def _positional_extent(archive: zipfile.ZipFile, part: str, file: str) -> tuple[int, int]:
    """The rows and columns a sheet's cells span, placed as a reader places them: by their
    reference, else after the previous cell of the row (and a row without ``r`` after the
    previous row), as python-calamine and Excel do."""
    box = [1 << 30, 0, 1 << 30, 0]  # top, bottom, left, right
    place = [0, 0]  # the current row, and the column of the row's last cell

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "row":
            number = attributes.get("r", "")
            place[0] = int(number) if number.isdecimal() else place[0] + 1
            place[1] = 0
        elif local == "c":
            found = _REFERENCE.fullmatch(attributes.get("r", ""))
            if found is None:
                place[1] += 1
                row = place[0]
            else:
                place[1] = _column_number(found[1].encode())
                row = int(found[2])
            box[0], box[1] = min(box[0], row), max(box[1], row)
            box[2], box[3] = min(box[2], place[1]), max(box[3], place[1])

    def refuse(*_: object) -> None:
        raise FormatError(
            f"part {_quoted(part)} declares a DTD or an entity, which govtrack refuses"
        )

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        with open_part(archive, part) as stream:
            parser.ParseFile(stream)
    except expat.ExpatError as error:
        raise FormatError(
            f"{file}: part {_quoted(part)} is not well-formed XML ({error})"
        ) from None
    if not box[1]:
        return 0, 0
    return box[1] - box[0] + 1, box[3] - box[2] + 1


_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,9})")


def check_extents(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a workbook with a sheet whose cells span more than ``max_cells`` cells.

    An engine that loads a whole sheet at once (python-calamine) allocates every cell
    between the first and the last one used: two values at ``A1`` and ``XFD1048576``
    would ask for 17 billion cells. Call this before handing such an engine the file.

    Raises:
        LimitError: A sheet spans too many cells (the message names the part).
        FormatError: The file is not a readable zip.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            for part in archive.namelist():
                if not (part.startswith("xl/worksheets/") and part.endswith(".xml")):
                    continue
                unreferenced, (rows, columns) = _scan(archive, part)  # quick, never smaller
                if unreferenced:
                    rows, columns = _positional_extent(archive, part, str(path))
                elif rows * columns > limits.max_cells:
                    rows, columns = _extent(archive, part)
                if rows * columns > limits.max_cells:
                    raise LimitError(
                        f"{path}: part {_quoted(part)} spans {rows:,} rows by {columns:,} "
                        f"columns ({rows * columns:,} cells), over the limit of "
                        f"{limits.max_cells:,} (Limits.max_cells) for an engine that loads a whole "
                        "sheet at once"
                    )
    except zipfile.BadZipFile as error:
        raise FormatError(f"{path} is not a valid .xlsx workbook (a broken zip: {error})") from None
    except (OSError, EOFError, RuntimeError, zlib.error) as error:
        raise FormatError(f"{path} cannot be opened as a workbook: {error}") from None


# ---------------------------------------------------------------------------
# Workbooks: rows and cells as they are read


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class RowBudget:
    """The rows and cells one workbook may yield, shared by all its sheets.

    Wrap each sheet's rows in :meth:`take`; a row past ``max_rows``, a cell past
    ``max_cells`` or a text longer than ``max_cell_chars`` raises at once, before
    the engine is asked for the next row.

    >>> budget = RowBudget(Limits(max_rows=2), "plan.xlsx")
    >>> list(budget.take([("a",), ("b",)], "Actions"))
    [('a',), ('b',)]
    >>> list(budget.take([("c",)], "Other"))
    Traceback (most recent call last):
    ...
    govtrack.io.limits.LimitError: plan.xlsx: sheet 'Other' row 1 takes the workbook past 2 rows...
    """

    def __init__(self, limits: Limits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.rows = 0
        self.cells = 0

    def take(self, rows: Iterable[Sequence[Any]], sheet: str) -> Iterator[Sequence[Any]]:
        """Yield ``rows`` (row 1 first) while the workbook stays within the limits."""
        limits = self.limits
        longest = limits.max_cell_chars
        for number, row in enumerate(rows, start=1):
            self.rows += 1
            if self.rows > limits.max_rows:
                raise LimitError(
                    f"{self.name}: sheet {sheet!r} row {number:,} takes the workbook past "
                    f"{limits.max_rows:,} rows (Limits.max_rows)"
                )
            if row:  # an empty row (openpyxl's stand-in for a missing one) costs no cells
                self.cells += len(row)
                if self.cells > limits.max_cells:
                    raise LimitError(
                        f"{self.name}: sheet {sheet!r} row {number:,} ({len(row):,} cells wide) "
                        f"takes the workbook past {limits.max_cells:,} cells (Limits.max_cells)"
                    )
                for value in filter(None, row):  # blanks are skipped at C speed
                    if value.__class__ is str and len(value) > longest:
                        self._too_long(sheet, number, row.index(value) + 1, len(value))
            yield row

    def _too_long(self, sheet: str, row: int, column: int, length: int) -> None:
        cell = Location(sheet=sheet, cell=f"{_column_letters(column)}{row}")
        error = LimitError(
            f"{self.name}: {cell} holds {length:,} characters, over the limit of "
            f"{self.limits.max_cell_chars:,} (Limits.max_cell_chars)"
        )
        error.location = cell
        raise error


# ---------------------------------------------------------------------------
# Text


def check_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a text file larger than ``limits.max_text_bytes`` before reading it."""
    size = _size(path)
    if size > limits.max_text_bytes:
        raise LimitError(
            f"{path} is {size:,} bytes, over the limit of {limits.max_text_bytes:,} "
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
