"""What govtrack's two Excel layouts share to look alike: wrapping, dropdowns, overdue rows.

The matrix (:mod:`govtrack.io.excel_write`) and govtrack's own workbook
(:mod:`govtrack.io.excel_workbook`) both wrap their long texts at the top of the cell,
give their status and category cells a dropdown that warns (never refuses) on another
word, and colour the rows of overdue actions by one rule, which follows
:meth:`govtrack.Action.effective_status`: the status is Overdue, or the deadline's last
day has passed and the status is neither Completed nor No longer applicable.

Everything here is a format: nothing changes a cell's value, so a file reads back the
same with or without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation

from govtrack.model.status import Status

__all__ = [
    "OVERDUE_FILL",
    "UNWRAPPED",
    "WRAP",
    "inline_list",
    "list_validation",
    "overdue_formula",
    "overdue_rule",
    "style_of",
    "wrap_by_default",
]

WRAP = Alignment(wrap_text=True, vertical="top")
"""Long texts wrap, from the top of the cell."""

UNWRAPPED = Alignment(wrap_text=False, vertical="top")
"""A text on one line, from the top of the cell, beside wrapped ones."""

OVERDUE_FILL = PatternFill(start_color="FFF4CCCC", end_color="FFF4CCCC", fill_type="solid")
"""The light red of an overdue row."""

_INLINE_LIST_LIMIT = 255  # Excel's limit on an inline list, quotes included


def inline_list(words: Iterable[str]) -> str:
    """A dropdown's words written in the validation itself (``"Accepted,Rejected"``).

    Excel separates the words by commas whatever the locale, so a word may hold no
    comma (nor a quote), and the list at most 255 characters.

    Raises:
        ValueError: A word or the list that Excel could not hold.

    >>> inline_list(["Accepted", "Partially accepted", "Rejected"])
    '"Accepted,Partially accepted,Rejected"'
    """
    words = list(words)
    for word in words:
        if not word or "," in word or '"' in word:
            raise ValueError(f"a dropdown word cannot be empty or hold a comma or quote: {word!r}")
    text = f'"{",".join(words)}"'
    if len(text) > _INLINE_LIST_LIMIT:
        raise ValueError(f"a dropdown list of {len(text)} characters is over Excel's 255")
    return text


def list_validation(source: str, *, what: str, prompt: str) -> DataValidation:
    """A dropdown of the words at ``source`` that warns, never refuses, on another word.

    Args:
        source: The list: a range (``_lists!$A$2:$A$6``) or an :func:`inline_list`.
        what: What a cell holds, for the warning's title (``status``).
        prompt: The words in brief, for the warning (``the statuses govtrack knows``).

    Returns:
        The validation, with no cells yet: ``add`` them, then append it to the sheet's
        ``data_validations``.

    >>> list_validation('"Yes,No"', what="answer", prompt="Yes or No").errorTitle
    'Unknown answer'
    """
    return DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=f"Unknown {what}",
        error=f"Choose one of the words in the list ({prompt}).",
    )


def overdue_formula(
    status: str,
    past: Sequence[str],
    also: Sequence[str] = (),
    *,
    closed: str = "",
    overdue: str = "",
) -> str:
    """The rule of an overdue row, as a conditional format's formula.

    Args:
        status: The status cell of the rule's first row (``$E5``).
        past: Conditions that together say the deadline's last day has passed; none may
            be an error value (an error anywhere makes Excel skip the rule).
        also: Further conditions for a row overdue by its deadline.
        closed: A range of the words that read as Completed or No longer applicable
            (``_lists!$A$7:$A$9``), labels included; empty to compare with the labels.
        overdue: A range of the words that read as Overdue, likewise.

    Returns:
        ``OR(status is Overdue, AND(past..., status is not closed, also...))``. A range is
        tested with ``SUMPRODUCT(--(status=range))``: Excel's ``=`` ignores case, as
        :meth:`govtrack.Status.parse` does, and unlike ``MATCH`` or ``COUNTIF`` it takes no
        ``*``, ``?`` or ``>`` in the status for a pattern.

    >>> overdue_formula("$E5", ["$N5<TODAY()"])
    'OR($E5="Overdue",AND($N5<TODAY(),$E5<>"Completed",$E5<>"No longer applicable"))'
    >>> overdue_formula("$E5", ["$N5<TODAY()"], closed="L!$A$7:$A$9", overdue="L!$A$10:$A$10")
    'OR(SUMPRODUCT(--($E5=L!$A$10:$A$10))>0,AND($N5<TODAY(),SUMPRODUCT(--($E5=L!$A$7:$A$9))=0))'
    """
    if closed:
        open_status = [f"SUMPRODUCT(--({status}={closed}))=0"]
    else:
        open_status = [f'{status}<>"{word.label}"' for word in Status if word.is_closed]
    is_overdue = (
        f"SUMPRODUCT(--({status}={overdue}))>0" if overdue else f'{status}="{Status.OVERDUE.label}"'
    )
    conditions = ",".join([*past, *open_status, *also])
    return f"OR({is_overdue},AND({conditions}))"


def overdue_rule(formula: str) -> Rule:
    """The conditional format that colours a row :data:`OVERDUE_FILL` when ``formula`` holds."""
    return Rule(type="expression", formula=[formula], dxf=DifferentialStyle(fill=OVERDUE_FILL))


def style_of(workbook: Any, alignment: Alignment) -> StyleArray:
    """A cell format that differs from the default only by ``alignment``, for many cells.

    ``openpyxl.cell.Cell(sheet, value=..., style_array=style_of(...))`` makes a cell of
    that format without looking the alignment up once per cell, as assigning
    ``cell.alignment`` does. openpyxl keeps a workbook's alignments in ``_alignments``
    (private, stable since 2.4); the tests check that the saved cells wrap, so a change
    there is caught.
    """
    style = StyleArray()
    style.alignmentId = workbook._alignments.add(alignment)  # noqa: SLF001 - see the docstring
    return style


def wrap_by_default(workbook: Any) -> None:
    """Make the workbook's default cell format (``xf`` 0) wrap text at the top of the cell.

    A cell written without a style uses format 0, so every text cell wraps without the
    cost of a style per cell. openpyxl keeps the formats in ``_cell_styles`` (private,
    stable since 2.4); the tests of both layouts check that the saved cells wrap, so a
    change there is caught.
    """
    workbook._cell_styles = IndexedList([style_of(workbook, WRAP)])  # noqa: SLF001 - see above
