"""An annotated copy of a partner's file: each problem cell highlighted and commented.

``govtrack validate partner.xlsx --annotate checked.xlsx`` writes a *fresh*
workbook (the partner's file is never touched) holding the partner's sheets,
with every cell that has an issue filled (red for errors, amber for warnings,
blue for infos) and commented, and a first sheet ``Problems`` listing every
issue with a link to its cell. For a text file, the lines become rows of a
``Text`` sheet and problems point at their line.

A workbook of up to :data:`WHOLE_COPY_BYTES` is copied whole: merged cells,
column widths, frozen panes, number formats, fonts, fills and dropdowns stay
as the partner made them, and so do formulas, each with the value the file holds
for it (the value govtrack checked: openpyxl writes a formula alone, so the copy's
values are written after it, and the copy reads back as the partner's file does; a
formula the file holds no value for, as one openpyxl saved, stays a formula that Excel
computes on opening); pictures and charts are not copied. A larger workbook is copied
values only (a formula's value, not the formula), streaming, so memory stays flat.

A problem cell the partner filled with a colour of their own (a green Status
cell that means "done") keeps it: the colour may be the partner's only clue,
and govtrack does not read colours. Such a cell is marked with a border in the
severity's colour instead (unless it has borders of its own, which stay too),
and its note ends with a line naming the fill it keeps (``The cell's own fill
(#00FF00) is kept: govtrack does not read colours.``, :data:`KEPT_FILL`). Nothing of
the partner's formatting is replaced.

Annotating an annotated copy again first removes the earlier round's marks: its notes,
the borders it drew, and the fills it made, which are told from the partner's by that
line, never by their colour: a partner's fill in govtrack's own amber stays.

A problem cell that holds the partner's own note (a cell comment) keeps it:
govtrack's text follows it, after a line ``— govtrack:`` (:data:`OWN_PART`), and
annotating an annotated copy again replaces that part rather than adding another.
(A values-only copy holds no comments at all, the partner's included.)

A problem whose cell lies inside a merged range (a recommendation merged down
over its key actions, which the reader fills down) is marked on the range's
first cell, the only one Excel shows; its note then names the problem's own
cell and says why it sits there (``Matrix!B6 (merged into B4:B7; row 6 is
hidden): …``), so it is not read as a note about the first row. Every problem
marked on that cell is in the note, and the Problems sheet links to each
problem's own cell and says where its mark is.

Reading the copy back with ``gt.load`` skips its Problems sheet.

A JSON document has no cells or lines to mark: annotating one is refused
(:class:`~govtrack.UnsupportedFormatError`, naming the files its records were read
from), as ``govtrack validate doc.json --annotate out.xlsx`` refuses it; annotate the
workbook or text it was read from.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

import attrs
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, GradientFill, PatternFill, Side
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.formula import ArrayFormula

from govtrack._errors import FormatError, UnsupportedFormatError, WriteError
from govtrack.io._files import atomic_write, decode_text, read_error
from govtrack.io.excel_write import PROBLEMS_HEADERS
from govtrack.model.location import Location
from govtrack.model.records import Issue
from govtrack.model.status import Severity

__all__ = ["KEPT_FILL", "OWN_PART", "WHOLE_COPY_BYTES", "annotate", "refuse_json"]

WHOLE_COPY_BYTES = 5_000_000
"""A workbook file up to this size is copied with its layout; a larger one, values only."""

FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="F8B4B4"),
    Severity.WARNING: PatternFill("solid", fgColor="FCE8A6"),
    Severity.INFO: PatternFill("solid", fgColor="C7DDF7"),
}
_BORDER_COLOURS = {Severity.ERROR: "C00000", Severity.WARNING: "E69500", Severity.INFO: "2F6EBA"}
"""The border that marks a problem cell with a fill of the partner's own."""
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_AUTHOR = "govtrack"
OWN_PART = "\n\n— govtrack:\n"
"""What sets govtrack's notes apart when a problem cell already holds the partner's own
note (comment): the partner's text, this line, then govtrack's, in one comment that keeps
the partner as its author. Annotating the copy again replaces the part after it."""
_MAX_CELL = 32_767
KEPT_FILL = "The cell's own fill ({}) is kept: govtrack does not read colours."
"""The last line of govtrack's note on a problem cell with a fill of the partner's own.
It is also govtrack's record of whose fill it is: annotating the copy again removes a
cell's fill only when govtrack's note lacks this line (govtrack filled it), so a fill of
the partner's in govtrack's own colours stays."""
_KEPT_FILL = re.compile(
    "^" + re.escape(KEPT_FILL).replace(re.escape("{}"), ".+") + "$", flags=re.MULTILINE
)


def _set(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Put a value in a cell; a text stays text (never a formula) and is never cut silently."""
    long = isinstance(value, str) and len(value) > _MAX_CELL
    shown = value[: _MAX_CELL - 1] + "…" if long else value
    cell = sheet.cell(row=row, column=column, value=shown)
    if isinstance(value, str):
        cell.data_type = "s"  # a text beginning with '=' is kept as text, never a formula
    if long:
        cell.comment = Comment(
            f"govtrack: this text has {len(value):,} characters; a cell holds {_MAX_CELL:,}, "
            "so it is cut here. The source file holds it whole.",
            _AUTHOR,
        )
    return cell


def _place(issue: Issue) -> tuple[str, int, int] | None:
    """The (sheet, row, column) an issue names: its cell, or column B of its line's row."""
    location = issue.location
    if location is None:
        return None
    if location.cell:
        try:
            letters, row = coordinate_from_string(location.cell)
        except (ValueError, TypeError):
            return None
        column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters.upper())))
        return location.sheet, row, column
    if location.line is not None:
        return "Text", location.line, 2
    return None


def _by_place(issues: Iterable[Issue]) -> dict[tuple[str, int, int], list[Issue]]:
    places: dict[tuple[str, int, int], list[Issue]] = {}
    for issue in issues:
        place = _place(issue)
        if place is not None:
            places.setdefault(place, []).append(issue)
    return places


@attrs.define
class _Place:
    """The cell some issues name, and the cell their mark goes on."""

    name: str
    """The issues' own cell as the Problems sheet cites it (``Matrix!B6``)."""
    row: int
    column: int
    anchor: Any
    """The cell that is marked: the place itself, or the first cell of its merged range."""
    merged: str
    """The merged range holding the place (``B4:B7``), or ``""``."""
    hidden: bool
    """The place's row is hidden."""
    issues: list[Issue]

    @property
    def displaced(self) -> bool:
        """The mark is on another cell than the one the issues name."""
        return (self.row, self.column) != (self.anchor.row, self.anchor.column)

    def why(self) -> str:
        """Why the mark is elsewhere (``merged into B4:B7; row 6 is hidden``)."""
        reasons = [f"merged into {self.merged}"] if self.displaced else []
        if self.hidden:
            reasons.append(f"row {self.row} is hidden")
        return "; ".join(reasons)


def _mark(cell: Any, places: Sequence[_Place]) -> None:
    """Fill ``cell`` for its worst issue and comment every issue marked on it.

    When a place is not the cell itself (a cell inside the merged range that starts
    here), every line names its own cell, so none reads as being about this row.
    """
    found = [issue for place in places for issue in place.issues]
    worst = min(found, key=lambda issue: _RANK[issue.severity])
    own_fill = _own_fill(cell)
    if own_fill is None:
        cell.fill = FILLS[worst.severity]
    elif not _has_border(cell):
        side = Side(style="medium", color=_BORDER_COLOURS[worst.severity])
        cell.border = Border(left=side, right=side, top=side, bottom=side)
    named = any(place.displaced for place in places)
    lines: list[str] = []
    for place in sorted(places, key=lambda place: (place.row, place.column)):
        prefix = ""
        if named:
            why = place.why()
            prefix = f"{place.name} ({why}): " if why else f"{place.name}: "
        lines.extend(
            f"{prefix}{issue.code} {issue.severity.value}: {issue.message}"
            for issue in place.issues
        )
    if own_fill is not None:  # also the record that the fill is not govtrack's
        lines.append(KEPT_FILL.format(own_fill))
    note = "\n".join(lines)
    partner = cell.comment
    if partner is not None and partner.author != _AUTHOR and partner.text.strip():
        # The partner's own note stays first; govtrack's part follows, set apart.
        own = partner.text.rstrip()
        note = f"{own}{OWN_PART}{note}"
        cell.comment = Comment(note[:_MAX_CELL], partner.author, width=360, height=200)
        return
    cell.comment = Comment(note[:_MAX_CELL], _AUTHOR, width=360, height=140)


def _colour(colour: Any) -> str:
    """A fill's colour as a person can look it up: ``#00FF00``, ``theme colour 9``."""
    kind = getattr(colour, "type", "")
    if kind == "rgb" and isinstance(colour.rgb, str):
        return f"#{colour.rgb[-6:].upper()}"
    if kind == "theme":
        tint = f", tint {colour.tint:g}" if colour.tint else ""
        return f"theme colour {colour.theme}{tint}"
    if kind == "indexed":
        index = colour.indexed
        if isinstance(index, int) and 0 <= index < len(COLOR_INDEX):
            return f"#{COLOR_INDEX[index][-6:]}"
        return f"indexed colour {index}"
    return "automatic colour"


def _own_fill(cell: Any) -> str | None:
    """The fill the cell had before govtrack marked it, described; None when it has none."""
    fill: Any = getattr(cell, "fill", None)  # a style proxy: its tag says which fill it is
    tag = getattr(fill, "tagname", "")
    if tag == GradientFill.tagname:
        return "a gradient"
    if tag != PatternFill.tagname or getattr(fill, "fill_type", None) in {None, "none"}:
        return None
    if fill.fill_type == "solid":
        return _colour(fill.fgColor)
    return f"{fill.fill_type} pattern, {_colour(fill.fgColor)} on {_colour(fill.bgColor)}"


def _has_border(cell: Any) -> bool:
    border = getattr(cell, "border", None)
    sides = (getattr(border, name, None) for name in ("left", "right", "top", "bottom"))
    return any(side is not None and side.style for side in sides)


def _own_border(cell: Any) -> bool:
    """Whether the cell's border is the one govtrack marks a partner-filled cell with."""
    border = getattr(cell, "border", None)
    colours = {f"00{colour}" for colour in _BORDER_COLOURS.values()}
    sides = [getattr(border, name, None) for name in ("left", "right", "top", "bottom")]
    return all(
        side is not None
        and side.style == "medium"
        and side.color is not None
        and side.color.rgb in colours
        for side in sides
    )


@attrs.define
class _Whole:
    """The partner's workbook loaded whole, its formulas kept, and the value each formula
    cell holds in the file (``cached[title][coordinate]``, with its type: ``"e"`` for an
    error, else the cell's), which openpyxl does not write back."""

    book: Workbook
    cached: dict[str, dict[str, tuple[Any, str]]]


def _whole_copy(source: Path) -> _Whole | None:
    """The partner's workbook as it is (layout and formulas kept), with the values its
    formulas hold; None if large."""
    try:
        if source.stat().st_size > WHOLE_COPY_BYTES:
            return None
        # Formulas as formulas (a cached text, even "=…", stays a string cell, never "f"),
        # and the values the file holds for them, which govtrack checked.
        book = load_workbook(source, rich_text=False)
        values = load_workbook(source, data_only=True, rich_text=False)
    except Exception:  # noqa: BLE001 - any part a whole load trips on: the streaming copy decides
        return None
    cached: dict[str, dict[str, tuple[Any, str]]] = {}
    for sheet in book.worksheets:
        if not hasattr(sheet, "iter_rows") or sheet.title not in values:
            continue
        other = values[sheet.title]
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type != "f" or not isinstance(cell.value, (str, ArrayFormula)):
                    continue  # a data-table formula: Excel computes it on opening
                held = other[cell.coordinate]
                if held.value is not None:
                    cached.setdefault(sheet.title, {})[cell.coordinate] = (
                        held.value,
                        held.data_type,
                    )
    values.close()
    return _Whole(book, cached)


_FORMULA_CELL = re.compile(
    r'<c r="(?P<ref>[A-Z]{1,3}\d{1,7})"(?P<attrs>[^>]*)>(?P<f><f(?:\s[^>]*)?>[^<]*</f>)'
    r"(?:<v\s*/>|<v></v>)</c>"
)
"""A formula cell as openpyxl writes it: its formula, and an empty value."""


def _cached_value(value: Any, data_type: str, epoch: Any) -> tuple[str, str] | None:
    """The ``t`` attribute and ``<v>`` text of a formula's cached value (None: none to write)."""
    if data_type == "e":
        return ' t="e"', escape(str(value))
    if isinstance(value, bool):
        return ' t="b"', "1" if value else "0"
    if isinstance(value, (int, float)):
        return "", repr(value)
    if isinstance(value, str):
        return ' t="str"', escape(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        # openpyxl's own conversion, as it writes a date cell (it is untyped)
        return "", repr(to_excel(value, epoch))  # type: ignore[no-untyped-call]
    return None


def _with_cached_values(data: bytes, whole: _Whole) -> bytes:
    """The saved workbook ``data`` with the value each formula held in the partner's file
    written after it, as Excel writes it: openpyxl writes a formula alone, so a cell that
    showed a value would be blank to anything that reads the values (govtrack included)
    until Excel computed it again."""
    parts = {
        sheet.path.lstrip("/"): whole.cached[sheet.title]
        for sheet in whole.book.worksheets
        if sheet.title in whole.cached
    }
    if not parts:
        return data
    epoch = whole.book.epoch

    def fill(values: dict[str, tuple[Any, str]], found: re.Match[str]) -> str:
        held = values.get(found["ref"])
        written = None if held is None else _cached_value(*held, epoch)
        if written is None or " t=" in found["attrs"]:
            return found[0]
        kind, text = written
        return f'<c r="{found["ref"]}"{found["attrs"]}{kind}>{found["f"]}<v>{text}</v></c>'

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as saved,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in saved.infolist():
            content = saved.read(info)
            if info.filename in parts:
                values = parts[info.filename]
                content = _FORMULA_CELL.sub(
                    functools.partial(fill, values), content.decode("utf-8")
                ).encode("utf-8")
            copy.writestr(info, content)
    return out.getvalue()


def _anchor(sheet: Any, row: int, column: int) -> tuple[Any, str]:
    """The cell at (row, column), or the first cell of the merged range covering it,
    with that range (``"B4:B7"``; ``""`` when the cell is not merged)."""
    for merged in getattr(sheet, "merged_cells", None) or ():
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return sheet.cell(row=merged.min_row, column=merged.min_col), merged.coord
    return sheet.cell(row=row, column=column), ""


def _row_hidden(sheet: Any, row: int) -> bool:
    dimensions = getattr(sheet, "row_dimensions", None)
    # .get: indexing would add an empty row dimension to the copy.
    dimension = dimensions.get(row) if dimensions is not None else None
    return bool(dimension is not None and dimension.hidden)


_OWN_FILLS = frozenset(fill.fgColor.rgb for fill in FILLS.values())


def _clear_own_marks(sheet: Any) -> None:
    """Remove the marks of an earlier annotated copy (a comment by "govtrack", or
    govtrack's part after the partner's own note, and the fill it came with): a cell
    corrected since is not left marked, and annotating again does not repeat govtrack's
    part; the partner's own comments and colours stay."""
    for row in sheet.iter_rows():
        for cell in row:
            comment = getattr(cell, "comment", None)
            if comment is None:
                continue
            if comment.author == _AUTHOR:
                own = comment.text
                cell.comment = None
            elif (at := comment.text.find(OWN_PART)) >= 0:
                own = comment.text[at + len(OWN_PART) :]
                cell.comment = Comment(comment.text[:at], comment.author, width=360, height=140)
            else:
                continue
            if _KEPT_FILL.search(own):  # the fill is the partner's; the border govtrack's
                if _own_border(cell):
                    cell.border = Border()
            elif cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb in _OWN_FILLS:
                cell.fill = PatternFill(fill_type=None)


def _is_problems_sheet(sheet: Any) -> bool:
    """Whether ``sheet`` is the Problems sheet of an earlier annotated copy: its title
    starts with "Problems" and its first row is that sheet's headers (as the reader
    skips it)."""
    if not str(getattr(sheet, "title", "")).startswith("Problems"):
        return False
    first = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    return tuple(str(value).strip() for value in first if value is not None) == PROBLEMS_HEADERS


def _copy_workbook(source: Path, target: Workbook) -> dict[str, str]:
    """Copy every sheet's values; returns the new title of each source sheet."""
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except OSError as error:  # gone, or unreadable, since annotate looked
        raise read_error(source, error) from None
    except (InvalidFileException, KeyError, ValueError) as error:
        raise FormatError(f"{source} cannot be opened as a workbook: {error}") from None
    titles: dict[str, str] = {}
    try:
        for original in book.worksheets:
            if _is_problems_sheet(original):
                continue  # the list of an earlier round: this one replaces it
            sheet = target.create_sheet(title=original.title[:31])
            titles[original.title] = sheet.title
            for row in original.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    row_number, column_number = (
                        getattr(cell, "row", None),
                        getattr(cell, "column", None),
                    )
                    if value is None or row_number is None or column_number is None:
                        continue
                    _set(sheet, row_number, column_number, value)
    finally:
        book.close()
    return titles


def _copy_text(source: Path, target: Workbook) -> None:
    """Row N of sheet Text holds line N: its number in column A, its text in column B."""
    sheet = target.create_sheet(title="Text")
    try:
        data = source.read_bytes()
    except OSError as error:  # gone, or unreadable, since annotate looked
        raise read_error(source, error) from None
    text = decode_text(data, source=str(source))
    for number, line in enumerate(text.split("\n"), start=1):
        _set(sheet, number, 1, number)
        _set(sheet, number, 2, line)
    sheet.column_dimensions["B"].width = 120


def is_json(source: str | os.PathLike[str]) -> bool:
    """Whether ``source`` is a JSON document: named ``.json``, or a text that is govtrack's
    JSON under another name."""
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return True
    if suffix in {".xlsx", ".xlsm"}:
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    from govtrack.io.json import sniff  # noqa: PLC0415 - the JSON reader is large

    return sniff(head.decode("utf-8", errors="replace").lstrip("\ufeff")) >= 1.0


def refuse_json(source: str | os.PathLike[str], origins: Iterable[Location | None] = ()) -> None:
    """Refuse to annotate a JSON document, naming the files its records were read from.

    A JSON document has no cells or lines of its own: its problems point at the workbook
    or text it was read from (``'MR 2023'!E20``), which the JSON does not hold.

    Args:
        source: The file to annotate.
        origins: Locations from the document (its records' origins, its issues'
            locations): the files they name are the ones to annotate instead.

    Raises:
        UnsupportedFormatError: ``source`` is a JSON document.

    >>> import govtrack as gt
    >>> refuse_json("checked.json", [gt.Location(file="partner.xlsx", sheet="MR", cell="E5")])
    Traceback (most recent call last):
    ...
    govtrack._errors.UnsupportedFormatError: checked.json: a JSON document has no cells or lines to mark; annotate the workbook or text it was read from (partner.xlsx)
    """  # noqa: E501 - doctest output is one line
    if not is_json(source):
        return
    files = list(
        dict.fromkeys(
            location.file for location in origins if location is not None and location.file
        )
    )
    shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
    named = f" ({shown})" if shown else ""
    raise UnsupportedFormatError(
        f"{Path(source)}: a JSON document has no cells or lines to mark; annotate the "
        f"workbook or text it was read from{named}"
    )


def annotate(
    source: str | os.PathLike[str], issues: Sequence[Issue], target: str | os.PathLike[str]
) -> None:
    """Write an annotated copy of ``source`` to ``target`` (an .xlsx), atomically.

    Args:
        source: The file that was checked (.xlsx, or a text file).
        issues: The issues found in it, e.g. ``gt.validate(gt.load(source), on=...)``.
        target: Where to write the annotated workbook; never the source itself.

    Raises:
        ReadError: ``source`` cannot be opened for reading, as :func:`~govtrack.load`
            says: a :class:`~govtrack.MissingFileError` (also a FileNotFoundError) when
            it does not exist, a :class:`~govtrack.NotAFileError` for a folder.
        FormatError: ``target`` is ``source``, or the source is not a workbook or text.
        UnsupportedFormatError: ``source`` is a JSON document, which has no cells or
            lines to mark (see :func:`refuse_json`).

    >>> import govtrack as gt, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "notes.txt").write_text("line one\\nline two\\n", encoding="utf-8")
    18
    >>> problem = gt.Issue(code="GT340", message="no date", location=gt.Location(line=2))
    >>> annotate(folder / "notes.txt", [problem], folder / "checked.xlsx")
    >>> from openpyxl import load_workbook
    >>> load_workbook(folder / "checked.xlsx")["Text"]["B2"].comment.text
    'GT340 warning: no date'
    """
    source_path, target_path = Path(source), Path(target)
    _check_readable(source_path)
    if target_path.resolve() == source_path.resolve():
        raise FormatError("the annotated copy must not overwrite the file it annotates")
    refuse_json(source_path, [issue.location for issue in issues])
    is_workbook = source_path.suffix.lower() in {".xlsx", ".xlsm"}
    whole = _whole_copy(source_path) if is_workbook else None
    if whole is not None:
        try:
            _annotate(source_path, issues, target_path, whole)
        except (FormatError, WriteError):
            raise
        except Exception:  # noqa: BLE001 - a part openpyxl cannot write back: copy the values
            _annotate(source_path, issues, target_path, None)
        return
    _annotate(source_path, issues, target_path, None)


def _check_readable(source: Path) -> None:
    """Raise the :class:`~govtrack.ReadError` ``gt.load`` raises for a source that cannot be
    opened (missing, a folder, not permitted), before anything else is judged or written."""
    try:
        with source.open("rb"):
            pass
    except OSError as error:
        raise read_error(source, error) from None


def _annotate(
    source_path: Path, issues: Sequence[Issue], target_path: Path, whole: _Whole | None
) -> None:
    """Annotate into the whole copy ``whole``, or (None) into a values-only copy."""
    is_workbook = source_path.suffix.lower() in {".xlsx", ".xlsm"}
    if whole is not None:
        book = whole.book
        for stale in [sheet for sheet in book.worksheets if _is_problems_sheet(sheet)]:
            book.remove(stale)  # the list of an earlier round: this one replaces it
        for sheet in book.worksheets:
            _clear_own_marks(sheet)
        titles = {sheet.title: sheet.title for sheet in book.worksheets}
        problems = book.create_sheet("Problems", 0)
        book.active = 0
        for sheet in book.worksheets[1:]:
            sheet.sheet_view.tabSelected = False
    else:
        book = Workbook()
        first = book.active
        assert first is not None  # a new workbook always has a sheet
        problems = first
        problems.title = "Problems"
        titles = _copy_workbook(source_path, book) if is_workbook else {}
        if not is_workbook:
            _copy_text(source_path, book)
    places: dict[tuple[str, int, int], _Place] = {}
    for (sheet_title, row, column), found in _by_place(issues).items():
        title = "Text" if sheet_title == "Text" and not is_workbook else titles.get(sheet_title)
        if title is None:
            continue
        sheet = book[title]
        anchor, merged = _anchor(sheet, row, column)
        name = str(Location(sheet=sheet_title, cell=f"{get_column_letter(column)}{row}"))
        places[sheet_title, row, column] = _Place(
            name, row, column, anchor, merged, _row_hidden(sheet, row), found
        )
    for column, header in enumerate(PROBLEMS_HEADERS, start=1):
        _set(problems, 1, column, header).font = Font(bold=True)
    ordered = sorted(issues, key=lambda issue: _RANK[issue.severity])
    for row, issue in enumerate(ordered, start=2):
        where = str(issue.location) if issue.location else ""
        message = issue.message
        own = _place(issue)
        place = places.get(own) if own is not None else None
        if place is not None and place.displaced:  # say where its mark is
            message = f"{message} [marked on {place.anchor.coordinate}: {place.why()}]"
        values = (issue.severity.value, issue.code, where,
                  issue.location.header if issue.location else "", message)  # fmt: skip
        for column, value in enumerate(values, start=1):
            cell = _set(problems, row, column, value)
            if column == 1:
                cell.fill = FILLS[issue.severity]
        location = issue.location
        if location is not None and location.cell and location.sheet in titles:
            quoted = titles[location.sheet].replace("'", "''")
            problems.cell(row=row, column=3).hyperlink = f"#'{quoted}'!{location.cell}"
        elif location is not None and location.line is not None and not is_workbook:
            problems.cell(row=row, column=3).hyperlink = f"#'Text'!B{location.line}"
    for letter, width in zip("ABCDE", (10, 8, 18, 22, 100), strict=True):
        problems.column_dimensions[letter].width = width
    for row_cells in problems.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    problems.freeze_panes = "A2"
    problems.auto_filter.ref = f"A1:E{max(1, len(ordered) + 1)}"
    # One mark per cell: the places a merged range gathers share its first cell.
    marks: dict[tuple[str, int, int], list[_Place]] = {}
    for place in places.values():
        anchor = place.anchor
        marks.setdefault((anchor.parent.title, anchor.row, anchor.column), []).append(place)
    for gathered in marks.values():
        cell = gathered[0].anchor
        sheet = cell.parent
        _mark(cell, gathered)
        if whole is None:  # a values-only copy has no widths of its own: show the marks
            letter = get_column_letter(cell.column)
            sheet.column_dimensions[letter].width = max(
                sheet.column_dimensions[letter].width or 0, 14
            )

    def write(stream: IO[bytes]) -> None:
        if whole is None:
            book.save(stream)
            return
        saved = io.BytesIO()
        book.save(saved)
        stream.write(_with_cached_values(saved.getvalue(), whole))

    atomic_write(target_path, write)
