"""The notes (cell comments) of a workbook's sheets, read from the package.

Neither engine gives them: openpyxl's read-only mode does not load comments,
and calamine does not report them. A sheet's notes are in its *comments* part
(``xl/comments1.xml``), which the sheet's relationships name; a sheet without
relationships, or whose relationships name no comments part, has none, and
reading it costs one lookup in the zip's directory.

The part lists the authors, then one ``<comment ref="H11" authorId="0">`` per
note, its text in ``<t>`` elements, directly or in runs (``<r>``); the runs are
joined as they are, so the author line Excel puts at the top of a note
(``Author:`` and a line break) stays in the text. ``_xHHHH_`` escapes (a
carriage return is ``_x000D_``) are undone, as Excel shows them. A threaded
comment (``xl/threadedComments/``) has a copy in the comments part, which is
what is read.

Notes govtrack wrote itself in an annotated copy (author ``govtrack``, see
:mod:`govtrack.annotate`) are not the partner's: they are skipped, but for the
partner's own note when the two share one (the partner's text, then a line
of a dash and ``govtrack:``, then govtrack's): the partner's part is kept.

The part is streamed (:func:`defusedxml.ElementTree.iterparse`), and refused
when its declared size is over ``Limits.max_part_bytes``; memory grows with
the notes' texts, not with the sheet.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from xml.etree.ElementTree import Element, ParseError

import attrs
from defusedxml import ElementTree as SafeElementTree
from openpyxl.utils.cell import get_column_letter

from govtrack.io.limits import DEFAULT_LIMITS, LimitError, Limits

__all__ = [
    "NO_NOTES",
    "OWN_AUTHOR",
    "Note",
    "NoteTracker",
    "SheetNotes",
    "partner_part",
    "read_notes",
]

OWN_AUTHOR = "govtrack"
"""The author of the notes govtrack writes in an annotated copy."""

_COMMENTS = "/comments"
_MAX_ROW = 1_048_576
_MAX_COLUMN = 16_384
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# The line that starts govtrack's part of a note shared with the partner's ("— govtrack:").
_OWN_PART = re.compile(
    r"^[ \t]*[-\u2010-\u2015\u2212]+[ \t]*govtrack[ \t]*:?[ \t]*\r?$", re.MULTILINE | re.IGNORECASE
)
_READ_ERRORS = (
    ParseError,
    ValueError,  # defusedxml's refusals (a DTD, an entity) are ValueErrors
    KeyError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@attrs.frozen(kw_only=True)
class Note:
    """One note of a sheet.

    Attributes:
        row: The row of its cell, 1-based.
        column: The column of its cell, 1-based.
        author: The author the part names (``""`` when it names none).
        text: The note's text, runs joined, escapes undone.
    """

    row: int
    column: int
    author: str
    text: str

    @property
    def cell(self) -> str:
        """The note's cell, such as ``H11``."""
        return f"{get_column_letter(self.column)}{self.row}"


def partner_part(note: Note) -> str:
    """The part of a note that is not govtrack's own (``""`` when it is all govtrack's).

    >>> partner_part(Note(row=1, column=1, author="Ana", text="Moved.\\n— govtrack:\\nGT104"))
    'Moved.'
    >>> partner_part(Note(row=1, column=1, author="govtrack", text="GT104 error: no date"))
    ''
    """
    found = _OWN_PART.search(note.text)
    if found is not None:
        return note.text[: found.start()].rstrip("\r\n")
    return "" if note.author == OWN_AUTHOR else note.text


def _relationships(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str]]:
    """(type, resolved target) of each internal relationship of ``part``; none without rels."""
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels not in archive.NameToInfo:
        return []
    root: Element = SafeElementTree.fromstring(archive.read(rels))
    found: list[tuple[str, str]] = []
    for element in root:
        target = element.get("Target")
        if _local(element.tag) != "Relationship" or not target:
            continue
        if element.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        found.append((element.get("Type", ""), resolved))
    return found


def _text_of(element: Element) -> str:
    """A ``<text>`` element's text: its ``<t>``, and the ``<t>`` of its runs, joined."""
    pieces: list[str] = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            pieces.append(child.text or "")
        elif tag == "r":
            pieces.extend(t.text or "" for t in child if _local(t.tag) == "t")
    text = "".join(pieces)
    if "_x" in text:
        text = _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)
    return text


def _cell(ref: str) -> tuple[int, int] | None:
    match = _REF.fullmatch(ref.strip())
    if match is None:
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    row = int(match.group(2))
    if column > _MAX_COLUMN or row > _MAX_ROW:
        return None
    return row, column


@attrs.frozen(kw_only=True)
class SheetNotes:
    """What a sheet's comments part holds.

    Attributes:
        notes: The notes of cells, in the part's order.
        stray: The notes whose ``ref`` is not a cell, as (ref, text), to be reported.
        error: Why the part could not be read (``""`` when it was).
    """

    notes: tuple[Note, ...] = ()
    stray: tuple[tuple[str, str], ...] = ()
    error: str = ""


NO_NOTES = SheetNotes()


def read_notes(
    archive: zipfile.ZipFile, part: str, name: str = "", limits: Limits = DEFAULT_LIMITS
) -> SheetNotes:
    """The partner's notes of the sheet whose XML is ``part``.

    A note govtrack wrote is left out, and a note shared with govtrack keeps the
    partner's part only (:func:`partner_part`); a note with no text but spaces is
    left out.

    Args:
        archive: The open workbook.
        part: The sheet's part (``xl/worksheets/sheet1.xml``).
        name: The file as given (its path), for messages.
        limits: ``max_part_bytes`` bounds the comments part.

    Returns:
        The notes; what could not be read is said in :attr:`SheetNotes.error`, never raised.

    Raises:
        LimitError: The comments part declares more bytes than ``limits.max_part_bytes``.

    >>> import io, openpyxl
    >>> from openpyxl.comments import Comment
    >>> book = openpyxl.Workbook()
    >>> book.active["H11"].comment = Comment("Desks 4 and 5 opened.", "Focal point")
    >>> buffer = io.BytesIO()
    >>> book.save(buffer)
    >>> read_notes(zipfile.ZipFile(buffer), "xl/worksheets/sheet1.xml", "book.xlsx").notes
    (Note(row=11, column=8, author='Focal point', text='Desks 4 and 5 opened.'),)
    """
    try:
        parts = [
            target
            for kind, target in _relationships(archive, part)
            if kind.endswith(_COMMENTS) and target in archive.NameToInfo
        ]
    except _READ_ERRORS as error:
        return SheetNotes(error=f"its relationships cannot be read ({error})")
    if not parts:
        return NO_NOTES
    notes: list[Note] = []
    stray: list[tuple[str, str]] = []
    for comments in parts:
        size = archive.NameToInfo[comments].file_size
        if size > limits.max_part_bytes:
            raise LimitError(
                f"{name}: part {comments!r} declares {size:,} bytes inflated, over the limit of "
                f"{limits.max_part_bytes:,} (Limits.max_part_bytes)"
            )
        try:
            _read_part(archive, comments, notes, stray)
        except _READ_ERRORS as error:
            return SheetNotes(
                notes=tuple(notes),
                stray=tuple(stray),
                error=f"{comments} cannot be read ({error})",
            )
    return SheetNotes(notes=tuple(notes), stray=tuple(stray))


def _read_part(
    archive: zipfile.ZipFile, part: str, notes: list[Note], stray: list[tuple[str, str]]
) -> None:
    """Add the notes of one comments part, streaming it."""
    authors: list[str] = []
    with archive.open(part) as stream:
        events: Iterable[tuple[str, Element]] = SafeElementTree.iterparse(stream, ("end",))
        for _, element in events:
            tag = _local(element.tag)
            if tag == "author":
                authors.append(element.text or "")
            elif tag == "comment":
                text = next(
                    (_text_of(child) for child in element if _local(child.tag) == "text"), ""
                )
                try:
                    author_id = int(element.get("authorId", ""))
                except ValueError:
                    author_id = -1
                author = authors[author_id] if 0 <= author_id < len(authors) else ""
                ref = element.get("ref", "")
                place = _cell(ref)
                note = Note(
                    row=place[0] if place else 1,
                    column=place[1] if place else 1,
                    author=author,
                    text=text,
                )
                text = partner_part(note)
                if text and not text.isspace():
                    if place is None:
                        stray.append((ref, text))
                    else:
                        notes.append(attrs.evolve(note, text=text) if text != note.text else note)
                element.clear()


# ---------------------------------------------------------------------------
# While a sheet is read


@attrs.frozen
class _Region:
    """A table of the sheet, as the notes need it: where its header is and what its columns are."""

    header_row: int
    labels: dict[int, str]  # 0-based column -> header as written


class NoteTracker:
    """The notes of one sheet while its rows are read.

    The reader takes the notes of an action's row into the action's ``extra``
    (:meth:`take`); what is left at the end of the sheet is on no record, and
    :meth:`left` says where each sits, for the problem that quotes it.
    """

    def __init__(self, notes: SheetNotes = NO_NOTES) -> None:
        self.by_row: dict[int, dict[int, Note]] = {}
        for note in notes.notes:
            self.by_row.setdefault(note.row, {})[note.column] = note
        self.stray = notes.stray
        self.error = notes.error
        self.kept: list[tuple[Note, str, str]] = []  # (note, its key in extra, its header)
        self.reasons: dict[tuple[int, int], str] = {}
        self.regions: list[_Region] = []

    def table(self, header_row: int, labels: dict[int, str]) -> None:
        """A table starts with the header at ``header_row`` (its labels by 0-based column)."""
        self.regions.append(_Region(header_row, labels))

    def take(
        self,
        row: int,
        extra: dict[str, str],
        labels: dict[int, str],
        refuse: Callable[[int], str],
    ) -> None:
        """Put the notes of ``row`` into an action's ``extra`` as ``Note: <header>``.

        ``refuse(index)`` says why a 0-based column's note cannot go on the action
        (a recommendation's column, outside the table), or ``""`` when it can.
        """
        notes = self.by_row[row]
        for column, note in list(notes.items()):
            index = column - 1
            reason = refuse(index)
            if reason:
                self.reasons[row, column] = reason
                continue
            label = labels.get(index, "")
            key = f"Note: {label}" if label else f"Note: {note.cell}"
            if key in extra:
                key = f"{key} ({note.cell})"
            extra[key] = note.text
            self.kept.append((note, key, label))
            del notes[column]
        if not notes:
            del self.by_row[row]

    def left(self) -> Iterator[tuple[Note, str, str]]:
        """Each note no record took, with why and its column's header (or ``""``)."""
        for row in sorted(self.by_row):
            for column in sorted(self.by_row[row]):
                note = self.by_row[row][column]
                region = next(
                    (found for found in reversed(self.regions) if found.header_row <= row), None
                )
                if not self.regions:
                    yield note, "on a sheet that is not read", ""
                    continue
                if region is None:
                    yield note, "above the header row", ""
                    continue
                header = region.labels.get(column - 1, "")
                if row == region.header_row:
                    reason = "on the header row"
                else:
                    reason = self.reasons.get((row, column), "on a row that holds no action")
                yield note, reason, header
