"""Where a record, or a problem with it, came from."""

from __future__ import annotations

import re
from typing import Any

import attrs

from govtrack._errors import ArgumentError, WrongTypeError
from govtrack.model._immutable import shared_when_copied
from govtrack.model.frozenmap import EMPTY, FrozenMap, _frozen_map

__all__ = ["Location"]

_ROW = re.compile(r"\d+$")


def _count_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: the value is a whole number (not a bool) or None (a line, a count)."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return
    hint = f": use int({value!r})" if isinstance(value, str) else ""
    raise WrongTypeError(
        f"{type(instance).__name__}.{attribute.name} must be an int or None, "
        f"not {type(value).__name__} {value!r}{hint}"
    )


def _not_negative(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """A validator, after :func:`_count_or_none`: a count is 0 or more."""
    if value is not None and value < 0:
        raise ArgumentError(
            f"{type(instance).__name__}.{attribute.name} must be 0 or more, not {value}"
        )


def _line_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: a line number is a whole number from 1 (not a bool), or None."""
    if value is None or (type(value) is int and value >= 1):  # nearly always
        return
    _count_or_none(instance, attribute, value)
    if value is None or value >= 1:  # type: ignore[operator]  # an int, checked above
        return
    raise ArgumentError(
        f"{type(instance).__name__}.{attribute.name} must be 1 or more (lines count from 1), "
        f"not {value}"
    )


@shared_when_copied
@attrs.frozen(kw_only=True)
class Location:
    """A place in a source document, printed as a person would cite it.

    Attributes:
        file: The file name (or ``""`` for text given directly).
        sheet: The worksheet name, for workbooks.
        cell: The cell reference, for workbooks (``"I9"``).
        line: The 1-based line number, for text.
        header: The column header the cell sits under, when there is one.
        columns: For a row read from a table, the column letter of each field
            (``{"status": "I", "deadline": "H"}``), so a problem with one field
            can point at its own cell (see :meth:`field`).
        labels: For such a row, each field's header as the source wrote it
            (``{"deadline": "Time-frame"}``), so a problem cites the source's
            own words.

    >>> str(Location(sheet="Matrix", cell="I9"))
    'Matrix!I9'
    >>> str(Location(line=37))
    'line 37'
    >>> str(Location(file="partner.xlsx", sheet="Actions", cell="E14"))
    'Actions!E14'

    The file is not part of the citation (a problem list names its file once);
    it is printed only when nothing finer is known.
    """

    file: str = ""
    sheet: str = ""
    cell: str = ""
    line: int | None = attrs.field(default=None, validator=_line_or_none)
    header: str = ""
    columns: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    labels: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)

    def field(self, key: str, header: str) -> Location:
        """This location narrowed to one field of the record: its cell, under its header.

        The header is the source's own (``labels``) when known, else ``header``; when
        the row's table has no such column, the location stays on the row, under no
        header. A line of text has no columns: it shows only a label the text writes.

        >>> row = Location(sheet="Matrix", cell="F10", columns={"status": "I"})
        >>> str(row.field("status", "Status")), row.field("status", "Status").header
        ('Matrix!I10', 'Status')
        >>> str(row.field("deadline", "Deadline")), row.field("deadline", "Deadline").header
        ('Matrix!F10', '')
        >>> sheet_row = Location(sheet="M", cell="A3", columns={"deadline": "H"},
        ...                      labels={"deadline": "Time-frame"})
        >>> sheet_row.field("deadline", "Deadline").header
        'Time-frame'
        >>> line = Location(file="minutes.md", line=22)
        >>> str(line.field("responsible", "Responsible")), line.field("responsible", "R").header
        ('line 22', '')
        """
        letter = self.columns.get(key)
        row = _ROW.search(self.cell)
        cell = f"{letter}{row.group()}" if letter and row else self.cell
        if letter:
            label = self.labels.get(key) or header
        elif self.columns:
            label = ""  # a table row without this column: the row's own cell, no header
        elif self.line is not None and not self.cell:
            # A line of text: only a label the text itself writes; it has no columns.
            label = self.labels.get(key, "")
        else:
            label = self.header or header
        return Location(file=self.file, sheet=self.sheet, cell=cell, line=self.line, header=label)

    def cite(self) -> str:
        """The citation with the file's name in front, for lists that span several files.

        ``str(location)`` leaves the file out (a problem list names its file once); this
        puts it first, as ``file: place``; with no file it is ``str(location)``.

        >>> Location(file="partner.xlsx", sheet="MR matrix", cell="I10").cite()
        "partner.xlsx: 'MR matrix'!I10"
        >>> Location(file="minutes.md", line=22).cite()
        'minutes.md: line 22'
        >>> Location(line=22).cite(), Location(file="notes.txt").cite()
        ('line 22', 'notes.txt')
        """
        place = str(self)
        return place if not self.file or place == self.file else f"{self.file}: {place}"

    def __str__(self) -> str:
        if self.sheet or self.cell:
            sheet = self.sheet
            if sheet and not sheet.replace("_", "").isalnum():
                sheet = "'" + sheet.replace("'", "''") + "'"
            if not self.cell:
                return sheet
            return f"{sheet}!{self.cell}" if sheet else self.cell
        if self.line is not None:
            return f"line {self.line}"
        return self.file
