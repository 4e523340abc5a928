"""Low-level access to an ``.xlsx`` package, separate from what its rows mean.

Two jobs, both independent of the engine that reads cell values:

- :func:`read_package` lists the sheets (name, visibility, part in the zip) and
  the date epoch, from ``xl/workbook.xml`` and its relationships, without
  opening the workbook in openpyxl;
- :func:`scan_sheet` finds, in one streaming pass over a sheet's XML, what
  openpyxl's read-only mode does not expose: merged ranges, hidden rows and
  columns, formula cells that carry no cached value, and the number of the
  last row (for progress reports); for the calamine engine, also the cells
  calamine reads differently from openpyxl (see :class:`CalamineRows`).

The scan never builds the sheet in memory. The ``<cols>`` and ``<mergeCells>``
blocks are cut out by a bounded search and parsed with :mod:`defusedxml`;
hidden rows and bare formulas are found by byte patterns on the stream (a
sheet's cell text is escaped XML, so a ``<`` in it is always markup).

And the engines: a :class:`RowSource` yields each sheet's rows as tuples of
plain values (str, int, float, bool, datetime, date, time, timedelta, None),
row 1 first, one tuple per row with no row skipped, cell *n* at index *n - 1*.
The interpretation in :mod:`govtrack.io.excel` sees nothing else, so another
engine only has to supply that: :class:`OpenpyxlRows` (the default) and
:class:`CalamineRows` (python-calamine, the ``govtrack[fast]`` extra).

The interpretation treats an empty string like an empty cell, a whitespace-only
text like an empty cell, a date like a datetime at midnight and an integral
float like the integer (it renders all of them alike), so the engines need not
agree on those representations, only on what a cell holds.
"""

from __future__ import annotations

import datetime as dt
import importlib
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, Protocol
from xml.etree.ElementTree import Element, ParseError

import attrs
from defusedxml import ElementTree as SafeElementTree
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

from govtrack._errors import FormatError, UnsupportedFormatError
from govtrack.io._files import one_line
from govtrack.io._numfmt import (
    LOCALE_DATE_FORMAT_IDS,
    CellShape,
    cell_shape,
    format_code,
)
from govtrack.io._zip import open_part

__all__ = [
    "ENGINES",
    "CalamineRows",
    "OpenpyxlRows",
    "PackageInfo",
    "RowSource",
    "SheetFacts",
    "SheetInfo",
    "date_styles",
    "open_rows",
    "read_package",
    "scan_sheet",
    "shared_string_overrides",
]

_OFFICE_DOCUMENT = "/officeDocument"
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"
_STYLES = "/styles"
_CHUNK = 1 << 20


def _local(tag: str) -> str:
    """An element or attribute name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _attribute(element: Element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


@attrs.frozen(kw_only=True)
class SheetInfo:
    """One sheet of a workbook, as ``xl/workbook.xml`` lists it.

    Attributes:
        name: The tab's name.
        state: ``"visible"``, ``"hidden"`` or ``"veryHidden"``.
        part: The sheet's XML part in the zip (``xl/worksheets/sheet1.xml``).
        is_worksheet: False for a chart sheet or anything else without cells.
    """

    name: str
    state: str = "visible"
    part: str = ""
    is_worksheet: bool = True


@attrs.frozen(kw_only=True)
class PackageInfo:
    """The sheets of a workbook, in tab order, its date epoch, its shared-string and style parts."""

    sheets: tuple[SheetInfo, ...]
    date1904: bool = False
    shared_strings: str = ""
    styles: str = ""

    @property
    def epoch(self) -> dt.datetime:
        """The day serial number 0 stands for (1899-12-30, or 1904-01-01)."""
        return CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900


def _parse_part(archive: zipfile.ZipFile, part: str, name: str) -> Element:
    try:
        data = archive.read(part)
    except KeyError:
        raise FormatError(f"{name} is a zip archive but not an Excel workbook: no {part}") from None
    try:
        root: Element = SafeElementTree.fromstring(data)
    except (ParseError, ValueError) as error:
        raise FormatError(f"{name}: {part} is not well-formed XML ({error})") from None
    return root


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _relationships(archive: zipfile.ZipFile, part: str, name: str) -> dict[str, tuple[str, str]]:
    """The relationships of ``part``: id -> (type, resolved target part)."""
    rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels_part not in archive.NameToInfo:
        return {}
    root = _parse_part(archive, rels_part, name)
    found: dict[str, tuple[str, str]] = {}
    for element in root.iter():
        if _local(element.tag) != "Relationship":
            continue
        rid, kind, target = element.get("Id"), element.get("Type", ""), element.get("Target")
        if rid and target and element.get("TargetMode") != "External":
            found[rid] = (kind, _resolve(part, target))
    return found


def read_package(archive: zipfile.ZipFile, name: str) -> PackageInfo:
    """The sheets and the epoch of an open ``.xlsx`` zip.

    Args:
        archive: The open zip.
        name: The file as given (its path), for messages.

    Returns:
        The sheets in tab order and whether the workbook counts days from 1904.

    Raises:
        FormatError: The zip is not an Excel workbook (no workbook part, broken XML).

    >>> import io, openpyxl
    >>> buffer = io.BytesIO()
    >>> openpyxl.Workbook().save(buffer)
    >>> read_package(zipfile.ZipFile(buffer), "book.xlsx").sheets[0].name
    'Sheet'
    """
    workbook_part = "xl/workbook.xml"
    for kind, target in _relationships(archive, "", name).values():
        if kind.endswith(_OFFICE_DOCUMENT):
            workbook_part = target
            break
    root = _parse_part(archive, workbook_part, name)
    relationships = _relationships(archive, workbook_part, name)
    shared_strings = next(
        (
            target
            for kind, target in relationships.values()
            if kind.endswith(_SHARED_STRINGS) and target in archive.NameToInfo
        ),
        "",
    )
    styles = next(
        (
            target
            for kind, target in relationships.values()
            if kind.endswith(_STYLES) and target in archive.NameToInfo
        ),
        "",
    )
    sheets: list[SheetInfo] = []
    date1904 = False
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "workbookPr":
            date1904 = element.get("date1904", "0").lower() in {"1", "true"}
        elif tag == "sheet":
            kind, part = relationships.get(_attribute(element, "id") or "", ("", ""))
            sheets.append(
                SheetInfo(
                    name=element.get("name", ""),
                    state=element.get("state", "visible"),
                    part=part,
                    is_worksheet=kind.endswith(_WORKSHEET) and part in archive.NameToInfo,
                )
            )
    return PackageInfo(
        sheets=tuple(sheets), date1904=date1904, shared_strings=shared_strings, styles=styles
    )


def date_styles(archive: zipfile.ZipFile, part: str) -> dict[int, CellShape]:
    """The cell styles whose number format shows a date without its day (or a percentage,
    :class:`~govtrack.io._numfmt.PercentShape`), by style index.

    A cell's ``s`` attribute is its index in ``cellXfs``; each of those names a
    ``numFmtId``, the workbook's own format (``numFmts``) or a built-in one
    (17 is ``mmm-yy``). Most workbooks have none, and then the sheet scan looks
    for no style at all.

    Args:
        archive: The open zip.
        part: The style part (:attr:`PackageInfo.styles`), or ``""``.

    Returns:
        Style index -> what its dates show (see :func:`govtrack.io._numfmt.date_shape`);
        empty when the part is missing or cannot be read (the dates are then days,
        as both engines read them).
    """
    if not part:
        return {}
    try:
        root: Element = SafeElementTree.fromstring(archive.read(part))
    except (KeyError, ParseError, ValueError):
        return {}
    custom: dict[int, str] = {}
    cell_formats: Element | None = None
    for element in root:
        tag = _local(element.tag)
        if tag == "numFmts":
            for number_format in element:
                if _local(number_format.tag) != "numFmt":
                    continue
                try:
                    custom[int(number_format.get("numFmtId", ""))] = number_format.get(
                        "formatCode", ""
                    )
                except ValueError:
                    continue
        elif tag == "cellXfs":
            cell_formats = element
    if cell_formats is None:
        return {}
    shapes: dict[int, CellShape] = {}
    index = 0
    for xf in cell_formats:
        if _local(xf.tag) != "xf":
            continue
        try:
            number_format_id = int(xf.get("numFmtId", "0"))
        except ValueError:
            number_format_id = 0
        shape = cell_shape(format_code(number_format_id, custom))
        if shape is not None:
            shapes[index] = shape
        index += 1
    return shapes


# ---------------------------------------------------------------------------
# The sheet scan


@attrs.frozen(kw_only=True)
class SheetFacts:
    """What a sheet's XML says beyond its values.

    Attributes:
        merges: Merged ranges as (min_row, min_col, max_row, max_col), 1-based.
        hidden_rows: Row numbers marked hidden.
        hidden_columns: Hidden column spans as (first, last), 1-based, inclusive.
        bare_formulas: Cells (``"C7"``) holding a formula with no cached value.
        notes: What the scan could not read (a broken block), for the problem list.
        last_row: The number of the sheet's last row element (0 for an empty sheet):
            how many rows reading it will take, for progress reports.
        overrides: Only when asked for (the calamine engine): the cells whose value
            calamine reads differently from openpyxl, with openpyxl's value, as
            (row, column, value), 1-based: Excel error values (``#N/A``, which
            calamine reads as empty) and texts written with ``_xHHHH_`` escapes
            (which calamine decodes and openpyxl keeps verbatim).
        inline_escaped: The (row, column) of each inline-string cell holding an
            ``_xHHHH_`` escape. Excel writes shared strings, whose escapes openpyxl
            undoes; tools that write inline strings (govtrack's matrix, openpyxl's
            write-only mode) escape the same way, but openpyxl leaves those verbatim,
            so :func:`decode_inline` undoes them.
        partial_dates: Only when the workbook has date styles that show no day
            (:func:`date_styles`): the (row, column) of each number or date cell
            in such a style, with what its format shows.
    """

    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: tuple[tuple[int, int], ...] = ()
    bare_formulas: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    last_row: int = 0
    overrides: tuple[tuple[int, int, str], ...] = ()
    inline_escaped: frozenset[tuple[int, int]] = frozenset()
    partial_dates: Mapping[tuple[int, int], CellShape] = attrs.field(factory=dict, hash=False)
    """A :class:`CellShapes` when the scan fills it (an empty dict otherwise)."""


class CellShapes(Mapping[tuple[int, int], CellShape]):
    """(row, column) -> the DateShape of a cell, kept as one bit per row for each column
    and shape: a sheet of a million month-formatted deadlines takes some 125 KB, not a
    dict entry per cell, so a streamed read stays flat in memory.

    >>> from govtrack.io._numfmt import DateShape
    >>> shapes = CellShapes()
    >>> shapes.add(9, 8, DateShape(None))
    >>> shapes.get((9, 8)), shapes.get((9, 7)), len(shapes), list(shapes)
    (DateShape(month=None, year_first=False), None, 1, [(9, 8)])
    """

    def __init__(self) -> None:
        self._columns: dict[int, list[tuple[CellShape, bytearray]]] = {}
        self._count = 0

    def add(self, row: int, column: int, shape: CellShape) -> None:
        """Record the cell at ``row``, ``column`` (1-based) as in ``shape``."""
        groups = self._columns.setdefault(column, [])
        bits = next((found for known, found in groups if known == shape), None)
        if bits is None:
            bits = bytearray()
            groups.append((shape, bits))
        index, mask = row >> 3, 1 << (row & 7)
        if len(bits) <= index:
            bits.extend(bytes(index + 1 - len(bits)))
        if not bits[index] & mask:
            if self.get((row, column)) is None:
                self._count += 1
            bits[index] |= mask

    def __getitem__(self, key: tuple[int, int]) -> CellShape:
        row, column = key
        index, mask = row >> 3, 1 << (row & 7)
        for shape, bits in self._columns.get(column, ()):
            if index < len(bits) and bits[index] & mask:
                return shape
        raise KeyError(key)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        cells: set[tuple[int, int]] = set()
        for column, groups in self._columns.items():
            for _, bits in groups:
                cells.update(
                    (index << 3 | bit, column)
                    for index, byte in enumerate(bits)
                    if byte
                    for bit in range(8)
                    if byte >> bit & 1
                )
        return iter(sorted(cells))

    def __len__(self) -> int:
        return self._count

    def columns_of(self, kind: type[CellShape]) -> frozenset[int]:
        """The columns (1-based) with a cell in a shape of this kind, found without
        looking at any row (a reader asks once per table, not per cell).

        >>> from govtrack.io._numfmt import PercentShape
        >>> shapes = CellShapes()
        >>> shapes.add(2, 5, PercentShape())
        >>> shapes.columns_of(PercentShape)
        frozenset({5})
        """
        return frozenset(
            column
            for column, groups in self._columns.items()
            if any(isinstance(shape, kind) for shape, _ in groups)
        )


_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b[^>]*>")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["'](\d+)["']""")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3}\d+)["']""")
_STR_TYPE = re.compile(rb"""\bt\s*=\s*["']str["']""")
_ERROR_TYPE = re.compile(rb"""\bt\s*=\s*["']e["']""")
_SHARED_TYPE = re.compile(rb"""\bt\s*=\s*["']s["']""")
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")
_ROW_NAME_ENDS = (b" ", b">")  # what follows "<row" in a row's start tag, as _count_rows reads it
_ESCAPE_TEXT = re.compile(r"_x[0-9A-Fa-f]{4}_")
_STYLE = re.compile(rb"""\bs\s*=\s*["'](\d+)["']""")
_SPACES = b" \t\r\n"  # the whitespace XML allows between a tag's name and attributes
_CELL_TYPE = re.compile(rb"""\bt\s*=\s*["'](\w*)["']""")
_NUMERIC_TYPES = frozenset((b"n", b"d"))
_CELL_PARTS = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})(\d+)["']""")


@lru_cache(maxsize=1024)
def _column_number(letters: bytes) -> int:
    """``b"C"`` -> 3, ``b"AA"`` -> 27."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


@attrs.frozen
class _Patterns:
    row_start: bytes
    formula_start: bytes
    merge_start: bytes
    cell_name: bytes
    cell_starts: tuple[bytes, bytes]
    cell_end: bytes
    hidden_row: re.Pattern[bytes]
    bare_formula: re.Pattern[bytes]
    cols_block: re.Pattern[bytes]
    merge_block: re.Pattern[bytes]
    value_cell: re.Pattern[bytes]
    cell_tag: re.Pattern[bytes]


def _patterns(prefix: bytes) -> _Patterns:
    p = re.escape(prefix)
    return _Patterns(
        row_start=b"<" + prefix + b"row",
        formula_start=b"<" + prefix + b"f",
        merge_start=b"<" + prefix + b"mergeCells",
        cell_name=b"<" + prefix + b"c",
        cell_starts=(b"<" + prefix + b"c ", b"<" + prefix + b"c>"),
        cell_end=b"</" + prefix + b"c>",
        hidden_row=re.compile(rb"<" + p + rb"row\s[^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*>"),
        # A cell whose only content is a formula: no <v>, or an empty one.
        bare_formula=re.compile(
            rb"<" + p + rb"c\b([^>]*)>\s*<" + p + rb"f\b[^>]*?(?:/>|>[^<]*</" + p + rb"f>)"
            rb"\s*(<" + p + rb"v\s*/>|<" + p + rb"v>\s*</" + p + rb"v>)?\s*</" + p + rb"c>"
        ),
        cols_block=re.compile(rb"<" + p + rb"cols\b.*?</" + p + rb"cols>", re.DOTALL),
        merge_block=re.compile(
            rb"<" + p + rb"mergeCells\b(?:[^>]*/>|[^>]*>.*?</" + p + rb"mergeCells>)", re.DOTALL
        ),
        # A cell holding just a value (a shared-string index when t="s").
        value_cell=re.compile(
            rb"<" + p + rb"c\b([^>]*)>\s*<" + p + rb"v>\s*(\d+)\s*</" + p + rb"v>\s*</" + p + rb"c>"
        ),
        # A cell's start tag, for its attributes (r, s, t).
        cell_tag=re.compile(rb"<" + p + rb"c\s([^>]*)>"),
    )


class _Scanner:
    """Accumulates facts from consecutive segments of a sheet's XML."""

    def __init__(
        self,
        root_tag: bytes,
        prefix: bytes,
        overrides: bool,
        shared: Mapping[int, str],
        date_styles: Mapping[int, CellShape] | None = None,
    ) -> None:
        self.root_tag = root_tag
        self.close_tag = b"</" + prefix + b"worksheet>"
        self.patterns = _patterns(prefix)
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_rows: set[int] = set()
        self.hidden_columns: list[tuple[int, int]] = []
        self.bare_formulas: list[str] = []
        self.notes: list[str] = []
        self.cols_done = False
        self.last_row = 0
        self.want_overrides = overrides
        self.shared = shared
        self.overrides: dict[tuple[int, int], str] = {}
        self.inline_escaped: set[tuple[int, int]] = set()
        self.date_styles = date_styles or {}
        # The style numbers as they are written in s="…", to tell a segment has none.
        self.style_texts = tuple(b'"%d"' % index for index in self.date_styles) + tuple(
            b"'%d'" % index for index in self.date_styles
        )
        # An s attribute naming one of those styles (in a cell's start tag, or a row's):
        # s="7" as producers write it, or s = '7' as XML also allows (whitespace around
        # "=", either quote). Led by the literal "s", the search stays in C.
        numbers = b"|".join(b"%d" % index for index in sorted(self.date_styles))
        self.style_attribute = re.compile(rb"""s\s*=\s*["'](""" + numbers + rb""")["']""")
        self.partial_dates = CellShapes()

    def block(self, data: bytes, what: str) -> Element | None:
        """Parse a cut-out block inside the sheet's own root tag (keeps its namespaces)."""
        try:
            root: Element = SafeElementTree.fromstring(self.root_tag + data + self.close_tag)
        except (ParseError, ValueError) as error:
            self.notes.append(f"the sheet's {what} could not be read ({error})")
            return None
        return root

    def segment(self, data: bytes) -> None:
        patterns = self.patterns
        if not self.cols_done:
            first_row = data.find(patterns.row_start)
            head = data if first_row < 0 else data[:first_row]
            if first_row >= 0:
                self.cols_done = True
            if match := patterns.cols_block.search(head):
                self.cols_done = True
                self._cols(match.group(0))
        self._count_rows(data)
        if b"hidden" in data:
            for match in patterns.hidden_row.finditer(data):
                if number := _ROW_NUMBER.search(match.group(0)):
                    self.hidden_rows.add(int(number.group(1)))
        if patterns.formula_start in data:
            for match in patterns.bare_formula.finditer(data):
                attributes = match.group(1)
                if match.group(2) is not None and _STR_TYPE.search(attributes):
                    continue  # a cached empty string: the formula did compute
                if ref := _CELL_REF.search(attributes):
                    self.bare_formulas.append(ref.group(1).decode("ascii"))
        if patterns.merge_start in data:
            for match in patterns.merge_block.finditer(data):
                self._merges(match.group(0))
        if self.want_overrides:
            self._overrides(data)
        if self.date_styles and (
            0 in self.date_styles or any(text in data for text in self.style_texts)
        ):
            self._partial_dates(data)
        if b"_" in data and b"_x" in data and b"inlineStr" in data:  # "_" first: memchr, fast
            for match in _ESCAPE.finditer(data):
                start, end = self._cell_span(data, match.start())
                if start < end:
                    self._inline_escape(data[start:end])

    def _count_rows(self, data: bytes) -> None:
        """The last row's number, from its ``r`` (rows are in order); counted when it has none."""
        start = self.patterns.row_start
        # The last "<row " or "<row>": the last "<row" not part of a longer name (<rowBreaks),
        # looked for from the end a few times, else with one search for each.
        last = data.rfind(start)
        for _ in range(8):
            if last < 0 or data[last + len(start) : last + len(start) + 1] in _ROW_NAME_ENDS:
                break
            last = data.rfind(start, 0, last)
        else:
            last = max(data.rfind(start + b" "), data.rfind(start + b">"))
        if last < 0:
            return
        end = data.find(b">", last)
        if number := _ROW_NUMBER.search(data, last, end if end > 0 else len(data)):
            self.last_row = max(self.last_row, int(number.group(1)))
        else:
            self.last_row += data.count(start + b" ") + data.count(start + b">")

    def _overrides(self, data: bytes) -> None:
        """Cells calamine reads differently from openpyxl: errors, escaped texts."""
        # One-byte tests first (memchr, fast): an error value starts with "#", an escape
        # holds "_"; both are rare in a sheet's XML.
        spans: set[tuple[int, int]] = set()
        if b"#" in data and (b'"e"' in data or b"'e'" in data):
            spans.update(self._cell_span(data, m.start()) for m in _ERROR_TYPE.finditer(data))
        if b"_" in data and b"_x" in data:
            spans.update(self._cell_span(data, m.start()) for m in _ESCAPE.finditer(data))
        for start, end in sorted(spans):
            if start < end:
                self._override(data[start:end])
        if self.shared:
            for match in self.patterns.value_cell.finditer(data):
                text = self.shared.get(int(match.group(2)))
                if text is not None and _SHARED_TYPE.search(match.group(1)):
                    ref = _CELL_REF.search(match.group(1))
                    if ref is not None:
                        row, column = coordinate_to_tuple(ref.group(1).decode("ascii"))
                        self.overrides[row, column] = text

    def _partial_dates(self, data: bytes) -> None:
        """Record the number and date cells whose style shows a date without its day."""
        styles = self.date_styles
        if 0 in styles:  # the style of a cell with no s attribute: look at every cell
            for match in self.patterns.cell_tag.finditer(data):
                attributes = match.group(1)
                style = _STYLE.search(attributes)
                shape = styles.get(int(style.group(1)) if style is not None else 0)
                if shape is not None:
                    self._partial_date(attributes, shape)
            return
        # Only the cells an s attribute puts in one of the styles. No "<" is inside a
        # tag (it is escaped in attribute values and texts), so the tag around a match
        # starts at the "<" before it: "<c" and a space (or a tab or a line break); a
        # row's own style is skipped.
        cell_name = self.patterns.cell_name
        rfind, find, startswith = data.rfind, data.find, data.startswith
        found, cell_type, cell_parts = self.partial_dates, _CELL_TYPE.search, _CELL_PARTS.search
        skip = len(cell_name) + 1
        for match in self.style_attribute.finditer(data):
            at = match.start()
            if at and data[at - 1] not in _SPACES:
                continue  # the end of another attribute's name (xs="7")
            start = rfind(b"<", 0, at)
            if not startswith(cell_name, start) or data[start + skip - 1] not in _SPACES:
                continue
            end = find(b">", at)
            attributes = data[start + skip : end if end >= 0 else len(data)]
            kind = cell_type(attributes) if b"t" in attributes else None
            if kind is not None and kind.group(1) not in _NUMERIC_TYPES:
                continue  # a text, a boolean or an error: never a date
            if ref := cell_parts(attributes):
                found.add(
                    int(ref.group(2)), _column_number(ref.group(1)), styles[int(match.group(1))]
                )

    def _partial_date(self, attributes: bytes, shape: CellShape) -> None:
        """Record one cell, by the attributes of its start tag, unless it is no number."""
        kind = _CELL_TYPE.search(attributes) if b"t" in attributes else None
        if kind is not None and kind.group(1) not in _NUMERIC_TYPES:
            return  # a text, a boolean or an error: never a date
        ref = _CELL_PARTS.search(attributes)
        if ref is not None:  # a cell without its address is left a day, in both engines
            self.partial_dates.add(int(ref.group(2)), _column_number(ref.group(1)), shape)

    def _inline_escape(self, cell_xml: bytes) -> None:
        """Record the cell when it is an inline string (its escape is then undone)."""
        try:
            root: Element = SafeElementTree.fromstring(self.root_tag + cell_xml + self.close_tag)
        except (ParseError, ValueError):
            return
        cell = next(iter(root), None)
        if cell is None or cell.get("t") != "inlineStr" or not (ref := cell.get("r")):
            return
        try:
            self.inline_escaped.add(coordinate_to_tuple(ref))
        except (ValueError, TypeError):
            return

    def _cell_span(self, data: bytes, inside: int) -> tuple[int, int]:
        """The whole ``<c …>…</c>`` element around position ``inside`` ((0, 0) if none)."""
        first, second = self.patterns.cell_starts
        start = max(data.rfind(first, 0, inside + 1), data.rfind(second, 0, inside + 1))
        if start < 0:
            return 0, 0
        tag_end = data.find(b">", start)
        if tag_end < 0 or data[tag_end - 1 : tag_end] == b"/":
            return 0, 0  # <c r="A1" t="e"/>: no value
        end = data.find(self.patterns.cell_end, tag_end)
        if end < 0:
            return 0, 0
        return start, end + len(self.patterns.cell_end)

    def _override(self, cell_xml: bytes) -> None:
        """Record the value openpyxl reads from one cell, when it is text."""
        try:
            root: Element = SafeElementTree.fromstring(self.root_tag + cell_xml + self.close_tag)
        except (ParseError, ValueError):
            return  # openpyxl and calamine would both fail on it; nothing to align
        cell = next(iter(root), None)
        if cell is None or not (ref := cell.get("r")):
            return
        try:
            row, column = coordinate_to_tuple(ref)
        except (ValueError, TypeError):
            return
        kind = cell.get("t", "n")
        value: str | None = None
        if kind == "inlineStr":
            inline = next((child for child in cell if _local(child.tag) == "is"), None)
            if inline is not None:
                value = _openpyxl_text(inline)
        elif kind in {"e", "str"}:
            value = next((child.text for child in cell if _local(child.tag) == "v"), None) or None
        if value is not None:
            self.overrides[row, column] = value

    def _cols(self, data: bytes) -> None:
        root = self.block(data, "column settings")
        if root is None:
            return
        for element in root.iter():
            if _local(element.tag) != "col":
                continue
            if element.get("hidden", "0").lower() not in {"1", "true"}:
                continue
            try:
                first, last = int(element.get("min", "0")), int(element.get("max", "0"))
            except ValueError:
                continue
            if 1 <= first <= last:
                self.hidden_columns.append((first, last))

    def _merges(self, data: bytes) -> None:
        root = self.block(data, "merged cells")
        if root is None:
            return
        for element in root.iter():
            if _local(element.tag) != "mergeCell":
                continue
            ref = element.get("ref", "")
            try:
                min_col, min_row, max_col, max_row = range_boundaries(ref)
            except (ValueError, TypeError):
                self.notes.append(f"a merged range {ref!r} could not be read")
                continue
            if None in {min_col, min_row, max_col, max_row}:
                continue
            assert min_col is not None  # narrowed above, for mypy
            assert min_row is not None
            assert max_col is not None
            assert max_row is not None
            self.merges.append((min_row, min_col, max_row, max_col))

    def facts(self) -> SheetFacts:
        return SheetFacts(
            merges=tuple(self.merges),
            hidden_rows=frozenset(self.hidden_rows),
            hidden_columns=tuple(self.hidden_columns),
            bare_formulas=tuple(self.bare_formulas),
            notes=tuple(self.notes),
            last_row=self.last_row,
            overrides=tuple(
                (row, column, value) for (row, column), value in sorted(self.overrides.items())
            ),
            inline_escaped=frozenset(self.inline_escaped),
            partial_dates=self.partial_dates,
        )


def _openpyxl_text(element: Element) -> str:
    """A rich or plain text element's content, exactly as openpyxl reads it."""
    text_module = importlib.import_module("openpyxl.cell.text")  # only escaped texts need it
    content: str = text_module.Text.from_tree(element).content
    return content


def scan_sheet(
    archive: zipfile.ZipFile,
    part: str,
    *,
    overrides: bool = False,
    shared: Mapping[int, str] | None = None,
    date_styles: Mapping[int, CellShape] | None = None,
) -> SheetFacts:
    """Merged ranges, hidden rows and columns, and bare formulas of one sheet, streamed.

    The XML is read in 1 MiB chunks; each is cut at the last row start so no
    row (and no cell) is split between two segments. Memory stays flat
    whatever the number of rows.

    Args:
        archive: The open zip.
        part: The sheet's part (from :func:`read_package`).
        overrides: Also collect the cells calamine reads differently from openpyxl.
        shared: With ``overrides``, the shared strings to override, by index
            (from :func:`shared_string_overrides`).
        date_styles: The styles that show a date without its day (from
            :func:`date_styles`): their cells are listed in ``partial_dates``.

    Returns:
        The facts; a block that cannot be read is named in ``notes``.

    >>> import io, openpyxl
    >>> book = openpyxl.Workbook()
    >>> book.active.merge_cells("A1:C1")
    >>> book.active.row_dimensions[4].hidden = True
    >>> book.active["B2"] = "=A1*2"
    >>> buffer = io.BytesIO()
    >>> book.save(buffer)
    >>> facts = scan_sheet(zipfile.ZipFile(buffer), "xl/worksheets/sheet1.xml")
    >>> facts.merges, sorted(facts.hidden_rows), facts.bare_formulas, facts.last_row
    (((1, 1, 1, 3),), [4], ('B2',), 4)
    """
    with open_part(archive, part) as stream:
        buffer = stream.read(_CHUNK)
        root = _ROOT.search(buffer)
        prefix = (root.group(1) + b":") if root is not None and root.group(1) else b""
        root_tag = root.group(0) if root is not None else b"<worksheet>"
        if root_tag.endswith(b"/>"):
            root_tag = root_tag[:-2] + b">"
        scanner = _Scanner(root_tag, prefix, overrides, shared or {}, date_styles or {})
        row_start = scanner.patterns.row_start
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            buffer += chunk
            cut = buffer.rfind(row_start)
            if cut > 0:
                scanner.segment(buffer[:cut])
                buffer = buffer[cut:]
        scanner.segment(buffer)
    return scanner.facts()


def shared_string_overrides(archive: zipfile.ZipFile, part: str) -> dict[int, str]:
    """The shared strings calamine reads differently from openpyxl, by index, as openpyxl does.

    Those are the texts written with ``_xHHHH_`` escapes: calamine decodes them
    (``_x000D_`` becomes a carriage return), openpyxl keeps them verbatim (but
    for the ``_x005F_`` of an escaped underscore). Most workbooks have none, and
    then the table is only streamed through, not parsed.

    Args:
        archive: The open zip.
        part: The shared-string part (:attr:`PackageInfo.shared_strings`), or ``""``.

    Returns:
        Index -> openpyxl's text, for the entries that differ.
    """
    if not part:
        return {}
    found = False
    tail = b""
    with open_part(archive, part) as stream:
        while chunk := stream.read(_CHUNK):
            if _ESCAPE.search(tail + chunk):
                found = True
                break
            tail = chunk[-6:]
    if not found:
        return {}
    strings_module = importlib.import_module("openpyxl.reader.strings")
    with open_part(archive, part) as stream:
        strings: list[str] = strings_module.read_string_table(stream)
    return {index: text for index, text in enumerate(strings) if _ESCAPE_TEXT.search(text)}


# ---------------------------------------------------------------------------
# Engines: rows of plain values, one sheet at a time


class RowSource(Protocol):
    """What an engine provides: each sheet's rows as sequences of plain values."""

    def rows(self, sheet: SheetInfo, facts: SheetFacts) -> Iterator[Sequence[Any]]:
        """Every row of ``sheet`` from row 1, no row skipped, cell n at index n - 1."""
        ...  # pragma: no cover - a protocol

    def close(self) -> None:
        """Release the file."""
        ...  # pragma: no cover - a protocol


class OpenpyxlRows:
    """The default engine: openpyxl in read-only mode with cached values (``data_only``).

    The sheet's declared dimensions are reset before reading (they may say
    ``A1:A1`` or ``A1:K1048576``); openpyxl then yields the rows that exist,
    and an empty tuple for each missing one. It streams: memory does not grow
    with the number of rows (but for openpyxl's own bookkeeping, about 0.1 KB a
    row, and the shared-string table, which it loads whole).
    """

    def __init__(self, path: Path, name: str) -> None:
        import openpyxl  # noqa: PLC0415 - imported with the engine that needs it

        # Given an open file, not a path: openpyxl refuses a path whose suffix is not
        # .xlsx (a workbook saved as .txt or .xls), and leaks its zip when it fails.
        self._file = path.open("rb")
        try:
            self._book = openpyxl.load_workbook(
                self._file, read_only=True, data_only=True, keep_links=False
            )
        except (KeyError, ValueError, TypeError, IndexError, AttributeError, zipfile.BadZipFile,
                ParseError, zlib.error, OSError) as error:  # fmt: skip
            self._file.close()
            raise FormatError(f"{name}: openpyxl cannot open it ({one_line(error)})") from None
        except BaseException:
            self._file.close()
            raise
        _add_locale_date_styles(self._book)

    def rows(self, sheet: SheetInfo, facts: SheetFacts) -> Iterator[Sequence[Any]]:
        """The rows of one sheet, values only."""
        try:
            worksheet = self._book[sheet.name]
        except KeyError:
            raise FormatError(f"openpyxl finds no worksheet named {sheet.name!r}") from None
        reset = getattr(worksheet, "reset_dimensions", None)
        if reset is not None:
            reset()
        rows: Iterator[Sequence[Any]] = worksheet.iter_rows(values_only=True)
        return decode_inline(rows, facts)

    def close(self) -> None:
        """Close the zip openpyxl holds open in read-only mode, and the file."""
        self._book.close()
        self._file.close()


def _add_locale_date_styles(book: Any) -> None:
    """Make openpyxl read the cells styled with a locale's date format as dates, as calamine
    does (see :data:`govtrack.io._numfmt.LOCALE_DATE_FORMAT_IDS`).

    openpyxl converts a number to a date when its style's index is in the workbook's
    ``_date_formats`` (private, stable since 2.5), built from the formats it knows; a
    workbook's own formats have ids from 164 on by then, so an id in the range is a
    built-in one. Without those attributes nothing changes (the engine test would fail).
    """
    styles = getattr(book, "_cell_styles", None)
    dates = getattr(book, "_date_formats", None)
    if styles is None or not isinstance(dates, set):
        return
    for index, style in enumerate(styles):
        if getattr(style, "numFmtId", 0) in LOCALE_DATE_FORMAT_IDS:
            dates.add(index)


class CalamineRows:
    """The fast engine: python-calamine (Rust), from the ``govtrack[fast]`` extra.

    Calamine parses a whole sheet at once in native code, with the GIL
    released, so the sheets are loaded on a worker thread while govtrack scans
    the XML for what calamine does not report (hidden rows and columns, bare
    formulas); memory grows with the sheet, unlike the default engine.

    Its values are brought in line with openpyxl's, cell for cell:

    - rows are numbered from row 1 and cells from column A, whatever empty
      rows and columns come first (calamine starts at the first used cell);
    - an Excel error value (``#N/A``), which calamine reads as empty, and a
      text written with ``_xHHHH_`` escapes, which calamine decodes and
      openpyxl keeps verbatim, take openpyxl's value from the sheet scan
      (:attr:`SheetFacts.overrides`, :func:`shared_string_overrides`);
    - empty cells are ``""``, integers floats and dates (no time) ``date``
      objects: the reader treats those like ``None``, ``int`` and a datetime
      at midnight.

    What still differs (none of it in govtrack's test workbooks): a number
    format that only one library counts as a date, so that a cell is a date in
    one and a number in the other; an integer of more than 15 digits stored as
    such (calamine reads a float); an ``_xHHHH_`` escape of a printable
    character inside a text that also holds the character itself; openpyxl's
    warnings (GT217), which calamine does not give.
    """

    def __init__(self, path: Path, name: str, sheets: Sequence[SheetInfo]) -> None:
        try:
            self._calamine = importlib.import_module("python_calamine")
        except ImportError:
            raise UnsupportedFormatError(
                "engine 'calamine' needs python-calamine: pip install 'govtrack[fast]'"
            ) from None
        self._name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govtrack-calamine")
        self._book: Future[Any] = self._executor.submit(self._open, path)
        self._sheets: dict[str, Future[Any]] = {
            sheet.name: self._executor.submit(self._load, sheet.name) for sheet in sheets
        }

    def _open(self, path: Path) -> Any:
        """The workbook (on the worker thread). calamine picks its reader by the suffix,
        so a workbook named otherwise (an .xlsx saved as .xls) is given to it by content."""
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            return self._calamine.CalamineWorkbook.from_path(str(path))
        with path.open("rb") as file:
            return self._calamine.CalamineWorkbook.from_filelike(file)

    def _load(self, name: str) -> Any:
        """One sheet's data (on the worker thread, after the workbook opened)."""
        return self._book.result().get_sheet_by_name(name)

    def rows(self, sheet: SheetInfo, facts: SheetFacts) -> Iterator[Sequence[Any]]:
        """The rows of one sheet, values aligned with openpyxl's."""
        future = self._sheets.pop(sheet.name, None)
        if future is None:
            future = self._executor.submit(self._load, sheet.name)
        try:
            data = future.result()
        except self._calamine.WorksheetNotFound:
            raise FormatError(f"calamine finds no worksheet named {sheet.name!r}") from None
        except Exception as error:  # noqa: BLE001 - whatever the native reader raises, the file is unreadable
            raise FormatError(
                f"{self._name}: calamine cannot read it ({one_line(error)})"
            ) from None
        except BaseException as error:
            if type(error).__name__ != "PanicException":  # a Rust panic in python-calamine
                raise
            raise FormatError(f"{self._name}: calamine cannot read it ({error})") from None
        return decode_inline(_aligned(data, facts.overrides), facts)

    def close(self) -> None:
        """Stop loading sheets not yet read and close the file."""
        for future in self._sheets.values():
            future.cancel()
        self._executor.shutdown(wait=True)
        if self._book.done() and self._book.exception() is None:
            self._book.result().close()


def decode_inline(rows: Iterator[Sequence[Any]], facts: SheetFacts) -> Iterator[Sequence[Any]]:
    """The rows with the ``_xHHHH_`` escapes of inline-string cells undone (see SheetFacts)."""
    if not facts.inline_escaped:
        return rows
    return _decoded(rows, facts.inline_escaped)


def _decoded(
    rows: Iterator[Sequence[Any]], cells: frozenset[tuple[int, int]]
) -> Iterator[Sequence[Any]]:
    unescape = importlib.import_module("govtrack.io.excel_workbook").unescape_cell_text
    columns_of: dict[int, list[int]] = {}
    for row, column in cells:
        columns_of.setdefault(row, []).append(column)
    for number, values in enumerate(rows, start=1):
        columns = columns_of.get(number)
        if columns is None:
            yield values
            continue
        fixed = list(values)
        for column in columns:
            if column <= len(fixed) and isinstance(fixed[column - 1], str):
                fixed[column - 1] = unescape(fixed[column - 1])
        yield fixed


def _aligned(data: Any, overrides: Sequence[tuple[int, int, str]]) -> Iterator[list[Any]]:
    """Calamine's rows from row 1 and column A, with openpyxl's values where they differ."""
    start, end = data.start, data.end
    if start is None or end is None:
        return  # an empty sheet (calamine's iterator cannot start on one)
    fixes: dict[int, list[tuple[int, str]]] = {}
    for row, column, value in overrides:
        fixes.setdefault(row, []).append((column, value))
    rows = iter(data.iter_rows())
    first = next(rows, None)
    if first is None:
        return
    # python-calamine yields the empty rows above the data but not the empty
    # columns left of it (some versions skip both): tell by the first row.
    skipped_rows = start[0] if start[0] and any(value != "" for value in first) else 0
    pad = [""] * start[1] if len(first) < end[1] + 1 else []
    everything = chain([[""] * len(first)] * skipped_rows, [first], rows)
    if not pad and not fixes:  # the usual sheet: calamine's rows as they come
        yield from everything
        return
    number = 0
    for row in everything:
        number += 1
        values = pad + row if pad else row
        if fixes and number in fixes:
            values = list(values)
            for column, text in fixes.pop(number):
                if len(values) < column:
                    values.extend([""] * (column - len(values)))
                values[column - 1] = text
        yield values
    for number_left in sorted(fixes):  # errors in rows calamine saw as empty, past its range
        while number < number_left:
            number += 1
            yield [""] * (end[1] + 1) if number < number_left else _row_of(fixes[number_left])


def _row_of(cells: list[tuple[int, str]]) -> list[Any]:
    values: list[Any] = [""] * max(column for column, _ in cells)
    for column, text in cells:
        values[column - 1] = text
    return values


ENGINES = ("openpyxl", "calamine")
"""The engines :func:`open_rows` knows."""


def open_rows(engine: str, path: Path, name: str, sheets: Sequence[SheetInfo] = ()) -> RowSource:
    """Open ``path`` with the named engine.

    Args:
        engine: ``"openpyxl"`` or ``"calamine"``.
        path: The workbook.
        name: Its name, for messages.
        sheets: The sheets that will be read, in order (calamine starts loading them
            at once, on a worker thread).

    Raises:
        UnsupportedFormatError: The engine is unknown or not installed.
        FormatError: The engine cannot open the file (calamine: when a sheet is read).
    """
    if engine == "openpyxl":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's load-time notes are not problems
            return OpenpyxlRows(path, name)
    if engine == "calamine":
        return CalamineRows(path, name, sheets)
    raise UnsupportedFormatError(f"unknown Excel engine {engine!r}; expected one of {ENGINES}")
