"""Low-level access to an ``.xlsx`` package, separate from what its rows mean.

Two jobs, both independent of the engine that reads cell values:

- :func:`read_package` lists the sheets (name, visibility, part in the zip) and
  the date epoch, from ``xl/workbook.xml`` and its relationships, without
  opening the workbook in openpyxl;
- :func:`scan_sheet` finds, in one streaming pass over a sheet's XML, what
  openpyxl's read-only mode does not expose: merged ranges, hidden rows and
  columns, and formula cells that carry no cached value.

The scan never builds the sheet in memory. The ``<cols>`` and ``<mergeCells>``
blocks are cut out by a bounded search and parsed with :mod:`defusedxml`;
hidden rows and bare formulas are found by byte patterns on the stream (a
sheet's cell text is escaped XML, so a ``<`` in it is always markup).

And the engines: a :class:`RowSource` yields each sheet's rows as tuples of
plain values (str, int, float, bool, datetime, date, time, timedelta, None),
row 1 first, one tuple per row with no row skipped, cell *n* at index *n - 1*.
The interpretation in :mod:`govtrack.io.excel` sees nothing else, so another
engine (python-calamine) only has to supply that.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol
from xml.etree.ElementTree import Element, ParseError

import attrs
from defusedxml import ElementTree as SafeElementTree
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

from govtrack._errors import FormatError, UnsupportedFormatError

__all__ = [
    "ENGINES",
    "OpenpyxlRows",
    "PackageInfo",
    "RowSource",
    "SheetFacts",
    "SheetInfo",
    "open_rows",
    "read_package",
    "scan_sheet",
]

_OFFICE_DOCUMENT = "/officeDocument"
_WORKSHEET = "/worksheet"
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
    """The sheets of a workbook, in tab order, and its date epoch."""

    sheets: tuple[SheetInfo, ...]
    date1904: bool = False

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
        name: The file's name, for messages.

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
    return PackageInfo(sheets=tuple(sheets), date1904=date1904)


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
    """

    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: tuple[tuple[int, int], ...] = ()
    bare_formulas: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b[^>]*>")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["'](\d+)["']""")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3}\d+)["']""")
_STR_TYPE = re.compile(rb"""\bt\s*=\s*["']str["']""")


@attrs.frozen
class _Patterns:
    row_start: bytes
    formula_start: bytes
    merge_start: bytes
    hidden_row: re.Pattern[bytes]
    bare_formula: re.Pattern[bytes]
    cols_block: re.Pattern[bytes]
    merge_block: re.Pattern[bytes]


def _patterns(prefix: bytes) -> _Patterns:
    p = re.escape(prefix)
    return _Patterns(
        row_start=b"<" + prefix + b"row",
        formula_start=b"<" + prefix + b"f",
        merge_start=b"<" + prefix + b"mergeCells",
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
    )


class _Scanner:
    """Accumulates facts from consecutive segments of a sheet's XML."""

    def __init__(self, root_tag: bytes, prefix: bytes) -> None:
        self.root_tag = root_tag
        self.close_tag = b"</" + prefix + b"worksheet>"
        self.patterns = _patterns(prefix)
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_rows: set[int] = set()
        self.hidden_columns: list[tuple[int, int]] = []
        self.bare_formulas: list[str] = []
        self.notes: list[str] = []
        self.cols_done = False

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
        )


def scan_sheet(archive: zipfile.ZipFile, part: str) -> SheetFacts:
    """Merged ranges, hidden rows and columns, and bare formulas of one sheet, streamed.

    The XML is read in 1 MiB chunks; each is cut at the last row start so no
    row (and no cell) is split between two segments. Memory stays flat
    whatever the number of rows.

    Args:
        archive: The open zip.
        part: The sheet's part (from :func:`read_package`).

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
    >>> facts.merges, sorted(facts.hidden_rows), facts.bare_formulas
    (((1, 1, 1, 3),), [4], ('B2',))
    """
    with archive.open(part) as stream:
        buffer = stream.read(_CHUNK)
        root = _ROOT.search(buffer)
        prefix = (root.group(1) + b":") if root is not None and root.group(1) else b""
        root_tag = root.group(0) if root is not None else b"<worksheet>"
        if root_tag.endswith(b"/>"):
            root_tag = root_tag[:-2] + b">"
        scanner = _Scanner(root_tag, prefix)
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


# ---------------------------------------------------------------------------
# Engines: rows of plain values, one sheet at a time


class RowSource(Protocol):
    """What an engine provides: each sheet's rows as tuples of plain values."""

    def rows(self, sheet: SheetInfo) -> Iterator[Sequence[Any]]:
        """Every row of ``sheet`` from row 1, no row skipped, cell n at index n - 1."""
        ...  # pragma: no cover - a protocol

    def close(self) -> None:
        """Release the file."""
        ...  # pragma: no cover - a protocol


class OpenpyxlRows:
    """The default engine: openpyxl in read-only mode with cached values (``data_only``).

    The sheet's declared dimensions are reset before reading (they may say
    ``A1:A1`` or ``A1:K1048576``); openpyxl then yields the rows that exist,
    and an empty tuple for each missing one.
    """

    def __init__(self, path: Path, name: str) -> None:
        import openpyxl  # noqa: PLC0415 - imported with the engine that needs it

        try:
            self._book = openpyxl.load_workbook(
                path, read_only=True, data_only=True, keep_links=False
            )
        except (KeyError, ValueError, TypeError, IndexError, AttributeError, zipfile.BadZipFile,
                ParseError) as error:  # fmt: skip
            raise FormatError(f"{name}: openpyxl cannot open it ({error})") from None

    def rows(self, sheet: SheetInfo) -> Iterator[Sequence[Any]]:
        """The rows of one sheet, values only."""
        try:
            worksheet = self._book[sheet.name]
        except KeyError:
            raise FormatError(f"openpyxl finds no worksheet named {sheet.name!r}") from None
        reset = getattr(worksheet, "reset_dimensions", None)
        if reset is not None:
            reset()
        rows: Iterator[Sequence[Any]] = worksheet.iter_rows(values_only=True)
        return rows

    def close(self) -> None:
        """Close the zip openpyxl holds open in read-only mode."""
        self._book.close()


ENGINES = ("openpyxl",)
"""The engines :func:`open_rows` knows; ``"calamine"`` is planned."""


def open_rows(engine: str, path: Path, name: str) -> RowSource:
    """Open ``path`` with the named engine.

    Raises:
        UnsupportedFormatError: The engine is unknown or not installed.
        FormatError: The engine cannot open the file.
    """
    if engine == "openpyxl":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's load-time notes are not problems
            return OpenpyxlRows(path, name)
    if engine == "calamine":
        raise UnsupportedFormatError(
            "engine 'calamine' is not available in this version of govtrack; use 'openpyxl'"
        )
    raise UnsupportedFormatError(f"unknown Excel engine {engine!r}; expected one of {ENGINES}")
