"""Where a record, or a problem with it, came from."""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class Location:
    """A place in a source document, printed as a person would cite it.

    Attributes:
        file: The file name (or ``""`` for text given directly).
        sheet: The worksheet name, for workbooks.
        cell: The cell reference, for workbooks (``"I9"``).
        line: The 1-based line number, for text.
        header: The column header the cell sits under, when there is one.

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
    line: int | None = None
    header: str = ""

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
