"""The Excel writer: govtrack's own workbook, the management-response matrix, the template.

Two layouts:

- ``layout="workbook"`` (the default): govtrack's own multi-sheet workbook,
  lossless both ways (see :mod:`govtrack.io.excel_workbook`).
- ``layout="matrix"``: one sheet per evaluation, meeting, progress report and
  action plan (named after the sheet it was read from when that name is free, else after
  its title), in the shape partners know — a title row, an "As of" date, the
  header row (the headers of :data:`govtrack.io.columns.HEADERS`), then one row
  per action with the recommendation's cells merged down over its actions.

A matrix sheet, top to bottom::

    row 1   the title (the evaluation's, meeting's, report's or plan's; empty when it has
            none: govtrack's own matrix takes its title from row 1 only, so it reads back
            untitled)
    row 2   "As of" | the date overdue rows are judged on (``on=``, else the container's
            ``extra['As of']``, else today; empty in the blank template: the day the file
            is opened)
    row 3…  one ``Label: value`` pair a row for each header field (an evaluation's office)
            and each entry of the container's ``extra``
            (none for most), in column A, unwrapped
    row 4   the header row, frozen, with a filter (4 + the number of pairs)
    row 5…  one row per action

The pairs are what the reader takes back into ``extra`` from the title rows; an entry
whose pair would read back otherwise (a label holding ``:`` or a line break, a label the
reader takes for a field, a value on several lines, spaces around either, an empty label
or value, more than :data:`MOST_TITLE_PAIRS` of them) is refused unless ``lossy=True``,
which leaves it out (:func:`refuse_left_out`). Every row, cell and range below the title
rows (freeze panes, filter, merges, dropdowns, highlighting) moves down with the header.

Columns: Rec #, Recommendation, Management response, Category (evaluations
only), Action #, Key action, Responsible, Deadline, Status (On schedule,
Behind schedule, Reasons for delay, Recommendations for reports' activities),
Comments, Updates, Scope, Group (when any action has one), then one column per
unknown column an action keeps (``extra``), by its header (the last hidden column,
``_govtrack extra from Donor``, names the first of them by its header, so that each
reads back under its key even when it is named as a column the sheet does not write). Past
the last column,
a hidden column headed ``_govtrack due end`` holds each deadline's last day as an Excel
date number (``none`` for an action without one, so that every row govtrack wrote
reads back as an action, never as a section row or a note): conditional
formatting colours a row when its deadline's last day is before the "As of" date
(today's date, by Excel's ``TODAY()`` in the rule, when the cell holds no date)
and the status is neither Completed nor No longer applicable (or when the status
is Overdue), as govtrack reads the Status cell: the hidden ``_lists`` sheet holds, under
the dropdowns' words, the words of the document that read as closed and those that read as
Overdue (``Done``, ``Delayed``; the labels too), and the rule tests the cell against them
without case, as Excel compares. The deadline's last day is the Deadline cell itself when it holds a
real Excel date (a partner typed ``2023-06-30`` and Excel made it a date), else
the hidden cell: a Deadline a partner types as text (``2023/06``, ``Q2 2023``)
in a blank row is not highlighted, and one a partner changes as text keeps the
highlight of the deadline govtrack wrote, until govtrack writes the matrix again
(a conditional format cannot read partial dates). Status and Category cells have dropdowns whose
words sit on the hidden ``_lists`` sheet; the "As of" cell takes a date and says
so when selected.

No cell holds a formula: openpyxl cannot store the value a formula computes, so
a ``=TODAY()`` cell would read back as a formula never calculated (GT209) until
someone saved the file in Excel. The blank template leaves its "As of" cell
empty instead, and the highlighting rule falls back to ``TODAY()`` itself.

What the matrix writes, per action: ref, text, responsible parties (one per
line), the deadline as its text (as :meth:`~govtrack.Due.portable_text`; a single
day whose text reads only in its context, ``within two weeks``, in its own words,
repeated in a hidden column headed ``_govtrack due words`` after the helper, so that
the reader gives them back with the helper's day while the Deadline cell still holds
them; such a text over several days, ``next month``, is refused unless
``lossy=True``: :func:`refuse_rewritten_deadlines`), the status as its label (the
recorded status's word, so the dropdown and the highlighting understand it; a word
govtrack does not know is written as it came), comments, updates (one line
each, ``Dec 2022 Update: text``), the scope, the group, the schedule columns and
every unknown column. A recorded status or category word is written as recorded when it
reads back as the same status or category (``Over due``), else as the label. An evaluation's
office, country, period and approval and a report's working group and period are title-row
pairs like the ``extra``. A recommendation's group is a section row (the group alone in
column A) above the first recommendation of each group. What only the workbook layout keeps
(origins and problems aside) is refused unless ``lossy=True`` (:func:`refuse_left_out`):
meetings, which read back as action plans, indicators, answers, an evaluation's summary, a
response's tags, and any cell that would read back otherwise.

The "As of" date of each sheet is ``on=`` when given (restating any the container records),
else the container's ``extra['As of']`` (which the reader fills from the cell), else today: a
matrix read and written again reads back equal.

Every text is written as a string cell (``=1+1`` and ``#N/A`` stay text),
with characters XML cannot hold escaped as Excel does (``_xHHHH_``, undone by
:func:`govtrack.io.excel_workbook.unescape_cell_text`); a text longer than a
cell holds raises :class:`~govtrack.WriteError` before anything is written.
Every write goes to a temporary file renamed over the target, so a failure
leaves the previous file whole.

Speed: the matrix is written with openpyxl's write-only workbook; every
feature it uses (merged cells, data validation, conditional formatting,
filters, frozen panes, column widths, hidden columns and sheets, cell styles)
is available there, so no layout needs openpyxl's normal mode.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Any

import attrs
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govtrack._errors import DueParseError, UnsupportedFormatError, WriteError
from govtrack.io import excel_workbook
from govtrack.io._files import atomic_write, same_dates_in_another_form
from govtrack.io._xlsx_style import WRAP as _WRAP
from govtrack.io._xlsx_style import list_validation, overdue_formula, overdue_rule
from govtrack.io._xlsx_style import wrap_by_default as _wrap_by_default
from govtrack.io.columns import HEADERS, normalise_header
from govtrack.io.excel_workbook import check_cell_text, needs_string_type
from govtrack.model.dates import Due, Precision, date_argument, parse_due
from govtrack.model.records import (
    Action,
    Activity,
    Decision,
    Document,
    Evaluation,
    ManagementResponse,
    Meeting,
    ProgressReport,
    Recommendation,
)
from govtrack.model.status import ResponseCategory, ScheduleStatus, Status

__all__ = [
    "AS_OF_CELL",
    "AS_OF_LABEL",
    "EXTRA_HEADER",
    "FIRST_ROW",
    "HEADER_ROW",
    "HELPER_HEADER",
    "INSTRUCTIONS_SHEET",
    "INSTRUCTIONS_TITLE",
    "LAYOUTS",
    "LISTS_SHEET",
    "MOST_TITLE_PAIRS",
    "NO_DEADLINE",
    "TEMPLATE_HEADING",
    "WORDS_HEADER",
    "dump",
    "header_row",
    "refuse_left_out",
    "refuse_rewritten_deadlines",
    "render_updates",
    "write_template",
]

LAYOUTS = ("workbook", "matrix")
"""The layouts :func:`dump` writes."""

LISTS_SHEET = "_lists"
"""The hidden sheet holding the dropdowns' words (the reader skips it, by this name)."""
HELPER_HEADER = "_govtrack due end"
"""The header of the hidden column holding each deadline's last day (readers skip it)."""
NO_DEADLINE = "none"
"""The helper cell of an action without a deadline (a text, so the highlight ignores it)."""
WORDS_HEADER = "_govtrack due words"
"""The header of the hidden column, after :data:`HELPER_HEADER`, holding the Deadline cell's
text of a one-day deadline written in its own words (``within two weeks``): the reader takes
the helper's day with those words while the Deadline cell still holds them. Written only in
a sheet with such a deadline."""
EXTRA_HEADER = "_govtrack extra from"
"""The start of the header of the last hidden column, written in a sheet with unknown columns
(an action's ``extra``): ``_govtrack extra from Donor`` says that the last column headed
``Donor`` left of it and every column right of that one (but govtrack's own hidden ones) hold
``extra`` entries, read back under their headers as written, even one named as a column the
sheet does not write (``Behind schedule`` in a plan, ``Group``). It names the header, not the
column's letter, so a column a partner inserts among the matrix's own moves nothing."""

INSTRUCTIONS_SHEET = "Instructions"
INSTRUCTIONS_TITLE = "How to fill in the matrix"
"""The first cell of the template's Instructions sheet, by which the reader knows it."""
TEMPLATE_HEADING = "Management response matrix"
"""The template's A1: a label; the evaluation's title is typed beside it, in B1 (the reader
takes the text after it on that row as the title)."""
PROBLEMS_HEADERS = ("Severity", "Code", "Where", "Column", "Problem")
"""The header row of the Problems sheet of an annotated copy, by which the reader knows it."""
AS_OF_LABEL = "As of"
AS_OF_CELL = "B2"
"""The cell holding the date overdue rows are judged on (its label is in A2)."""
AS_OF_ROW = 2
HEADER_ROW = 4
"""The header row of a matrix sheet without title pairs (its container has no header field
or ``extra`` entry to write), and of the template. Each pair written above moves a sheet's
header row (and the rows under it) down one row: :func:`header_row` gives any sheet's."""
FIRST_ROW = HEADER_ROW + 1
"""The first action's row of a matrix sheet without title pairs, and of the template; any
sheet's is the row under its :func:`header_row`."""
SPARE_ROWS = 200
"""Rows below the last action that keep the dropdowns and highlighting, for new rows."""
TEMPLATE_ROWS = 500

_RECOMMENDATION_KEYS = ("rec_ref", "recommendation", "response", "category")
_ACTION_KEYS = ("ref", "action", "responsible", "deadline", "status")
_ACTIVITY_KEYS = ("schedule_on", "schedule_behind", "delay_reasons", "recommendations")
_TAIL_KEYS = ("comments", "updates", "scope")
_WIDTHS = {
    "rec_ref": 7,
    "recommendation": 45,
    "response": 40,
    "category": 18,
    "ref": 9,
    "action": 45,
    "responsible": 22,
    "deadline": 14,
    "status": 18,
    "comments": 45,
    "updates": 45,
    "scope": 9,
    "group": 18,
    "schedule_on": 11,
    "schedule_behind": 11,
    "delay_reasons": 30,
    "recommendations": 30,
    "deemed_consent": 10,
}
_EXTRA_WIDTH = 20
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SCHEDULE_MARK = "X"
_DEEMED_MARK = "Yes"
_HEADER_FILL = PatternFill(start_color="FFD9E2F3", end_color="FFD9E2F3", fill_type="solid")
_PAIR = Alignment(wrap_text=False, vertical="top")
# What Excel refuses in a sheet name, and what XML cannot hold (U+FFFE, U+FFFF, surrogates).
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_RESERVED_SHEETS = {LISTS_SHEET.casefold(), INSTRUCTIONS_SHEET.casefold(), "_govtrack"}
_SHEET_NAME_MOST = 31

Row = list[str]


@attrs.define
class _Table:
    """One matrix sheet, checked and escaped, ready to write."""

    name: str
    heading: str
    keys: list[str]
    headers: list[str]
    rows: list[Row] = attrs.Factory(list)
    ends: list[int | str | None] = attrs.Factory(list)
    words: list[str] = attrs.Factory(list)
    """Per row, the deadline's words for the :data:`WORDS_HEADER` column, or empty."""
    merges: list[tuple[int, int]] = attrs.Factory(list)
    """Spans of row indexes (first, last) over which the recommendation cells merge."""
    pairs: list[str] = attrs.Factory(list)
    """The container's header fields and ``extra`` as title-row cells (``Label: value``), one
    a row under the "As of" row (:func:`_title_pairs`)."""
    as_of: dt.date | None = None
    """The sheet's "As of" date (:func:`_sheet_dates`); None for the template's empty cell."""

    @property
    def header_row(self) -> int:
        """The header row: :data:`HEADER_ROW`, moved down a row for each pair."""
        return HEADER_ROW + len(self.pairs)

    @property
    def first_row(self) -> int:
        """The first action's row, right under the header row."""
        return self.header_row + 1


def header_row(sheet: Worksheet) -> int:
    """The header row of a matrix sheet govtrack wrote: :data:`HEADER_ROW`, moved down a row
    for each ``Label: value`` pair written above it (at most :data:`MOST_TITLE_PAIRS`).

    Args:
        sheet: An openpyxl worksheet of a workbook written with ``layout="matrix"``, or of
            the template.

    Returns:
        The number of the row whose first cell is the first column's header (``Rec #`` or
        ``Action #``); the first action's row is the next.

    Raises:
        ValueError: No row where a header row can be holds such a cell.

    >>> import io, openpyxl
    >>> import govtrack as gt
    >>> plan = gt.ActionPlan(title="Roads", extra={"Donor": "EU"},
    ...                      actions=(gt.Action(ref="1", text="Hire graders"),))
    >>> buffer = io.BytesIO()
    >>> dump(gt.Document(plans=(plan,)), buffer, layout="matrix")
    >>> sheet = openpyxl.load_workbook(buffer)["Roads"]
    >>> header_row(sheet), sheet.cell(row=header_row(sheet) + 1, column=2).value
    (5, 'Hire graders')
    """
    firsts = {HEADERS["rec_ref"], HEADERS["ref"]}
    last = HEADER_ROW + MOST_TITLE_PAIRS
    rows = sheet.iter_rows(min_row=HEADER_ROW, max_row=last, max_col=1, values_only=True)
    for row, values in enumerate(rows, start=HEADER_ROW):
        if values and isinstance(values[0], str) and values[0] in firsts:
            return row
    raise ValueError(f"no header row in rows {HEADER_ROW}–{last} of {sheet.title!r}")


def render_updates(action: Action) -> str:
    """An action's dated updates as matrix text: one line each, ``Dec 2022 Update: text``.

    Args:
        action: The action.

    Returns:
        The lines joined by line breaks; an undated update is ``Update: text``.

    >>> import govtrack as gt
    >>> print(render_updates(gt.Action(text="Train staff", updates=(
    ...     gt.Update(text="Two sessions held.", on=gt.parse_due("Dec 2022")),
    ...     gt.Update(text="Planning."),))))
    Dec 2022 Update: Two sessions held.
    Update: Planning.
    """
    return "\n".join(
        f"{update.on.text} Update: {update.text}"
        if update.on is not None and update.on.text
        else f"Update: {update.text}"
        for update in action.updates
    )


def _status_word(action: Action) -> str:
    """The Status cell: the recorded word when it reads back as the same status (``Over
    due``), else the status's label; an unknown word with no status, as it came."""
    status, text = action.status, action.status_text
    if status is None or (text.strip() and Status.parse(text) is status):
        return text
    return status.label


def _category_word(response: ManagementResponse) -> str:
    """The Category cell: the recorded word when it reads back as the same category, else
    the category's label; a word with no category, as it came."""
    category, text = response.category, response.category_text
    if category is None or (text.strip() and ResponseCategory.parse(text) is category):
        return text
    return category.label


def _action_cells(action: Action, keys: Sequence[str]) -> Row:
    schedule = action.schedule if isinstance(action, Activity) else None
    values: dict[str, str] = {
        "ref": action.ref,
        "action": action.text,
        "responsible": "\n".join(action.responsible),
        "deadline": _deadline_text(action),
        "status": _status_word(action),
        "comments": action.comments,
        "updates": render_updates(action),
        "scope": action.scope,
        "group": action.group,
        "schedule_on": _SCHEDULE_MARK if schedule is ScheduleStatus.ON_SCHEDULE else "",
        "schedule_behind": _SCHEDULE_MARK if schedule is ScheduleStatus.BEHIND_SCHEDULE else "",
        "delay_reasons": action.delay_reasons if isinstance(action, Activity) else "",
        "recommendations": action.recommendations if isinstance(action, Activity) else "",
        "deemed_consent": _DEEMED_MARK if _deemed(action) else "",
    }
    return [
        values[key] if not key.startswith("extra:") else action.extra.get(key[6:], "")
        for key in keys
    ]


def _deadline_text(action: Action) -> str:
    """The Deadline cell: the deadline's portable text, its own words when they are kept
    (:func:`_keeps_words`), or the unread text of an action without a Due."""
    due = action.due
    if due is None:
        return action.due_text
    return due.text if _keeps_words(due) else due.portable_text()


def _keeps_words(due: Due) -> bool:
    """Whether the matrix writes a deadline in its own words although they do not read back
    to its dates: a single day (``within two weeks``, counted from a meeting) whose text is
    not blank; the day is in the helper column, the words again beside it
    (:data:`WORDS_HEADER`), and the reader puts them together. A day read with ``dayfirst=``
    or a two-digit year is written in a portable form instead (the same day, another form)."""
    return (
        due.precision is Precision.DAY
        and due.start == due.end
        and bool(due.text.strip())
        and due.portable_text() != due.text
        and not same_dates_in_another_form(due)
    )


def _words_of(action: Action | None) -> str:
    """The :data:`WORDS_HEADER` cell of a row: the Deadline cell's words when kept, else empty."""
    due = action.due if action is not None else None
    return due.text if due is not None and _keeps_words(due) else ""


def _deemed(action: Action) -> bool:
    return isinstance(action, Decision) and action.deemed_consent


def _end_serial(action: Action | None) -> int | str | None:
    """The helper cell: the deadline's last day as a date number, NO_DEADLINE, or empty.

    Every action row has a helper value, so a row govtrack wrote is never taken for a
    section row or a note by the reader, whatever its one filled cell says.
    """
    if action is None:
        return None
    if action.due is None:
        return NO_DEADLINE
    return (action.due.end - _EXCEL_EPOCH).days


def _keys(actions: Sequence[Action], *, recommendations: bool, activities: bool) -> list[str]:
    keys = [*(_RECOMMENDATION_KEYS if recommendations else ()), *_ACTION_KEYS]
    if activities:
        keys.extend(_ACTIVITY_KEYS)
    keys.extend(_TAIL_KEYS)
    if any(_deemed(action) for action in actions):
        keys.append("deemed_consent")
    if any(action.group for action in actions):
        keys.append("group")
    seen: dict[str, None] = {}
    for action in actions:
        for name in action.extra:
            if _header_holds(name):
                seen.setdefault(name, None)
    keys.extend(f"extra:{name}" for name in seen)
    return keys


def _header_holds(name: str) -> bool:
    """Whether an ``extra`` key reads back from a header as it is: not empty (the reader
    makes one up for an empty header, ``Column J``, which may be another key), with no line
    break, spaces around it or run of spaces (it would read back as another key, perhaps
    one the action has), nor taken for one of govtrack's own. Any other is refused unless
    ``lossy=True``, which leaves it out rather than write it under another key."""
    from govtrack.io.excel import GOVTRACK_MARKER  # noqa: PLC0415 - excel imports this module

    return bool(name) and " ".join(name.split()) == name and not name.startswith(GOVTRACK_MARKER)


def _headers(keys: Sequence[str]) -> list[str]:
    return [key[6:] if key.startswith("extra:") else HEADERS[key] for key in keys]


def _origin_sheet(record: Any, taken: set[str]) -> str:
    """The name of the sheet a container was read from, when the matrix can name its sheet
    so: a valid Excel sheet name (31 characters at most, none Excel refuses, no quote at
    either end) that is not reserved and not taken yet; else empty. The reader takes the
    title from the title row, so the sheet's name changes nothing that is read back."""
    origin = record.origin
    name = origin.sheet if origin is not None else ""
    if (
        not name
        or len(name) > _SHEET_NAME_MOST
        or name != name.strip()
        or name.startswith("'")
        or name.endswith("'")
        or _SHEET_NAME_BAD.search(name)
        or name.casefold() in _RESERVED_SHEETS
        or name.casefold() in taken
    ):
        return ""
    taken.add(name.casefold())
    return name


def _sheet_name(title: str, fallback: str, taken: set[str]) -> str:
    name = _SHEET_NAME_BAD.sub(" ", excel_workbook.unescape_cell_text(title))
    name = " ".join(name.split()).strip("'")[:31].strip() or fallback
    if name.casefold() in _RESERVED_SHEETS:
        name = f"{name} 1"
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = name[: 31 - len(suffix)].rstrip() + suffix
    taken.add(candidate.casefold())
    return candidate


def _sections(evaluation: Evaluation) -> Iterator[tuple[str, Sequence[Action]]]:
    """Each recommendation's section row, as the matrix writes it: the group's label when it
    opens a new group (a group unlike the one above), else empty; and its actions, each
    group that the section row gives back emptied (a Group cell only for another group)."""
    section = ""
    for recommendation in evaluation.recommendations:
        opens = recommendation.group if recommendation.group != section else ""
        section = recommendation.group or section
        yield (
            opens,
            [
                attrs.evolve(action, group="")
                if action.group and action.group == section
                else action
                for action in recommendation.actions
            ],
        )


def _evaluation_table(evaluation: Evaluation, name: str) -> _Table:
    sections = list(_sections(evaluation))
    actions = [action for _, held in sections for action in held]
    keys = _keys(actions, recommendations=True, activities=False)
    table = _Table(name=name, heading=evaluation.title, keys=keys, headers=_headers(keys))
    action_keys = keys[len(_RECOMMENDATION_KEYS) :]
    for recommendation, (opens, written) in zip(evaluation.recommendations, sections, strict=True):
        if opens:
            # A section row: the group alone in column A, which the reader gives every
            # recommendation and action below it (up to the next), where no Group cell does.
            table.rows.append([opens] + [""] * (len(keys) - 1))
            table.ends.append(None)
            table.words.append("")
        first = len(table.rows)
        rec_cells = _recommendation_cells(recommendation)
        held: Sequence[Action | None] = written or (None,)
        for index, action in enumerate(held):
            cells = rec_cells if index == 0 else [""] * len(rec_cells)
            action_cells = _action_cells(action, action_keys) if action else [""] * len(action_keys)
            table.rows.append(cells + action_cells)
            table.ends.append(_end_serial(action))
            table.words.append(_words_of(action))
        if len(held) > 1:
            table.merges.append((first, len(table.rows) - 1))
    return table


def _recommendation_cells(recommendation: Recommendation) -> Row:
    response = recommendation.response
    return [recommendation.ref, recommendation.text, response.text, _category_word(response)]


def _actions_table(
    heading: str, name: str, actions: Sequence[Action], *, activities: bool
) -> _Table:
    keys = _keys(actions, recommendations=False, activities=activities)
    table = _Table(name=name, heading=heading, keys=keys, headers=_headers(keys))
    for action in actions:
        table.rows.append(_action_cells(action, keys))
        table.ends.append(_end_serial(action))
        table.words.append(_words_of(action))
    return table


def _containers(doc: Document) -> Iterator[tuple[str, str, Any, str]]:
    """Each evaluation, meeting, report and plan, in the order of their sheets: its path in
    the document (``plans[0]``), the kind of container the reader makes of its sheet
    (:func:`govtrack.io.excel.sheet_kind` of the columns written, a key of
    :data:`govtrack.io.excel.TITLE_FIELDS`), the record, and its sheet's name."""
    from govtrack.io import excel  # noqa: PLC0415 - excel imports this module

    taken: set[str] = set()
    groups: tuple[tuple[str, str, Sequence[Any]], ...] = (
        ("evaluations", "Evaluation", doc.evaluations),
        ("meetings", "Meeting", doc.meetings),
        ("reports", "Report", doc.reports),
        ("plans", "Plan", doc.plans),
    )
    for field, fallback, records in groups:
        for index, record in enumerate(records):
            name = _origin_sheet(record, taken) or _sheet_name(
                record.title, f"{fallback} {index + 1}", taken
            )
            kind = excel.sheet_kind(_record_keys(record))
            yield f"{field}[{index}]", kind, record, name


def _record_keys(record: Any) -> list[str]:
    """The column keys of a container's sheet, as :func:`_tables` writes it."""
    if isinstance(record, Evaluation):
        actions = [action for rec in record.recommendations for action in rec.actions]
        return _keys(actions, recommendations=True, activities=False)
    if isinstance(record, Meeting):
        return _keys(record.decisions, recommendations=False, activities=False)
    if isinstance(record, ProgressReport):
        return _keys(record.activities, recommendations=False, activities=True)
    return _keys(record.actions, recommendations=False, activities=False)


def _tables(doc: Document, on: dt.date | None, today: dt.date) -> list[_Table]:
    tables: list[_Table] = []
    for _, kind, record, name in _containers(doc):
        if isinstance(record, Evaluation):
            table = _evaluation_table(record, name)
        elif isinstance(record, Meeting):
            table = _actions_table(record.title, name, record.decisions, activities=False)
        elif isinstance(record, ProgressReport):
            table = _actions_table(record.title, name, record.activities, activities=True)
        else:
            table = _actions_table(record.title, name, record.actions, activities=False)
        table.as_of = _sheet_date(record.extra, on, today)
        pairs, _ = _title_pairs(record, kind, table.as_of, restated=on is not None)
        if pairs:
            table.pairs = [_pair_text(label, value) for label, value in pairs]
        tables.append(table)
    if not tables:
        keys = [*_RECOMMENDATION_KEYS, *_ACTION_KEYS, *_TAIL_KEYS]
        tables.append(
            _Table(name="Matrix", heading="", keys=keys, headers=_headers(keys), as_of=on or today)
        )
    for table in tables:
        _check(table)
    return tables


_FIRST_AS_OF = dt.date(1900, 3, 1)
"""The first day an "As of" cell holds as the same date in every spreadsheet (Excel counts a
29 February 1900 that never was)."""


def _as_of_date(value: str) -> dt.date | None:
    """The date an ``extra['As of']`` entry gives the "As of" cell, or None when it is no date
    the cell holds and reads back as written (``YYYY-MM-DD``, from 1900-03-01).

    The reader puts a matrix's "As of" date into each container's ``extra`` as its ISO form;
    written again without ``on=``, that date is the sheet's "As of" date.

    >>> _as_of_date("2023-01-31"), _as_of_date("31 Jan 2023"), _as_of_date("1899-12-31")
    (datetime.date(2023, 1, 31), None, None)
    """
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.isoformat() == value and day >= _FIRST_AS_OF else None


def _sheet_date(extra: Mapping[str, str], on: dt.date | None, today: dt.date) -> dt.date:
    """A sheet's "As of" date: ``on=`` when given (restating any the container records), else
    the container's own ``extra['As of']`` when it is a date, else today."""
    if on is not None:
        return on
    recorded = _as_of_date(extra.get(AS_OF_LABEL, ""))
    return recorded if recorded is not None else today


MOST_TITLE_PAIRS = 26
"""The most pairs of a container's ``extra`` a matrix sheet writes above its header row: with
the title, the "As of" row and the blank row, the header row is then row 30, the last the
reader looks at for it (:data:`govtrack.io.excel.HEADER_SCAN_ROWS`)."""


def _pair_text(label: str, value: str) -> str:
    return f"{label}: {value}"


def _field_pairs(record: Any) -> list[tuple[str, str, str]]:
    """The header fields the matrix writes as title-row pairs, as ``(field, label, value)``:
    an evaluation's office, country, period and approval, a report's working group and period
    (its text), each when not empty; the reader takes them back into the same fields."""
    named: tuple[tuple[str, str], ...]
    if isinstance(record, Evaluation):
        named = (
            ("office", "Office"),
            ("country", "Country"),
            ("period", "Period"),
            ("approval", "Approval"),
        )
    elif isinstance(record, ProgressReport):
        named = (("working_group", "Working group"), ("period_text", "Period"))
    else:
        return []
    return [
        (field, label, getattr(record, field)) for field, label in named if getattr(record, field)
    ]


def _title_pairs(
    record: Any, kind: str, as_of: dt.date, *, restated: bool
) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """Which header fields and entries of a container's ``extra`` the matrix writes as
    title-row pairs.

    Each is written ``Label: value`` in column A of a row of its own, under the "As of" row:
    first the header fields (:func:`_field_pairs`, ``Office: West``), which the reader takes
    back into their fields, then the ``extra`` entries, which it takes into ``extra`` under
    their labels. A pair is written only when the title rows, read as the reader reads them
    (:func:`govtrack.io.excel.read_title_rows`), give back the same title, the same fields
    and every entry written so far with this one: a label holding ``:`` or a line break, an
    empty label or value, spaces around either, a label the reader takes for a field
    (``Title``, an evaluation's ``Office``) or for the "As of" date, do not. An ``As of``
    entry is the "As of" cell itself: not written again when it is the date written there
    (``as_of``), which it is unless ``on=`` restates it (``restated``); one that is no date
    (:func:`_as_of_date`) is left out, even with ``on=``.

    Returns:
        The pairs to write, in order, and what is left out, as ``(where, value, why)``:
        ``where`` is ``.office`` for a field, ``.extra['Label']`` for an entry.
    """
    from govtrack.io import excel  # noqa: PLC0415 - excel imports this module

    fields_out = _field_pairs(record)
    extra: Mapping[str, str] = record.extra
    written: list[tuple[str, str]] = []
    left: list[tuple[str, str, str]] = []
    fields = excel.TITLE_FIELDS[kind]
    day = as_of.isoformat()
    # Row 1 holds the title, empty for none: govtrack's own matrix reads back untitled then
    # (the reader gives another sheet with no title its sheet's name).
    heading = record.title.strip()
    top: list[tuple[int, list[tuple[int, str]]]] = [
        (1, [(0, heading)]),
        (2, [(0, AS_OF_LABEL), (1, day)]),
    ]

    def cell(index: int, row: int) -> str:
        return f"{get_column_letter(index + 1)}{row}"

    def read(pairs: Sequence[tuple[str, str]]) -> tuple[str, dict[str, str], dict[str, str]]:
        rows = [
            (row, [(0, _pair_text(label, value).strip())])
            for row, (label, value) in enumerate(pairs, start=3)
        ]
        return excel.read_title_rows([*top, *rows], fields, cell, title_row=1)

    title_read, fields_read, extra_read = read(())
    if record.title and title_read != record.title:
        left.append((".title", record.title, f"its title row would read back as {title_read!r}"))
    expected_fields = dict(fields_read)

    def room() -> str:
        if len(written) >= MOST_TITLE_PAIRS:
            return f"no room above the header row (at most {MOST_TITLE_PAIRS} pairs a sheet)"
        return ""

    for field, label, value in fields_out:
        why = _why_not_a_value(value) or room()
        if not why:
            trial = [*written, (label, value)]
            want = {**expected_fields, field: value}
            if read(trial) == (title_read, want, extra_read):
                written, expected_fields = trial, want
                continue
            why = "its title row would not read back as written"
        left.append((f".{field}", value, why))
    entries: dict[str, str] = {}
    for label, value in extra.items():
        if label == AS_OF_LABEL and (value == day or (restated and _as_of_date(value) is not None)):
            continue  # the "As of" cell, read back from there (a date restated by on=)
        why = _why_not_a_pair(label, value, fields) or room()
        if not why:
            trial = [*written, (label, value)]
            want_extra = {**entries, label: value}
            if read(trial) == (title_read, expected_fields, {**extra_read, **want_extra}):
                written, entries = trial, want_extra
                continue
            why = "its title row would not read back as written"
        left.append((f".extra[{label!r}]", value, why))
    return written, left


def _why_not_a_value(value: str) -> str:
    """Why a header field's value cannot be a title-row pair's value, at a glance (else empty)."""
    if "\n" in value or "\r" in value:
        return "a value holding a line break"
    if value != value.strip():
        return "spaces around the value"
    return ""


def _why_not_a_pair(label: str, value: str, fields: Mapping[str, str]) -> str:
    """Why an ``extra`` entry cannot be a title-row pair, at a glance (else empty)."""
    if not label.strip():
        return "an empty label"
    if not value.strip():
        return "an empty value"
    if ":" in label or "\n" in label or "\r" in label:
        return "a label holding ':' or a line break"
    if "\n" in value or "\r" in value:
        return "a value holding a line break"
    if label != label.strip() or value != value.strip():
        return "spaces around the label or value"
    name = normalise_header(label)
    if name in fields:
        return f"a label the reader takes for the {fields[name].replace('_', ' ')} field"
    if label == AS_OF_LABEL:
        return f"no date (YYYY-MM-DD, from {_FIRST_AS_OF}) for the {AS_OF_LABEL!r} cell"
    if name == normalise_header(AS_OF_LABEL):
        return f"a label the reader takes for the {AS_OF_LABEL!r} cell"
    return ""


def _check(table: _Table) -> None:
    """Escape every text of the table in place; raise WriteError on one too long."""

    def where(row: int, column: int) -> Callable[[], str]:
        def name() -> str:
            cell = f"{get_column_letter(column + 1)}{row}"
            what = table.headers[column] if row >= table.header_row else "a title row"
            return f"{table.name}!{cell} ({what})"

        return name

    table.heading = check_cell_text(table.heading, where(1, 0))
    table.pairs = [
        check_cell_text(text, where(row, 0))
        for row, text in enumerate(table.pairs, start=AS_OF_ROW + 1)
    ]
    table.headers = [
        check_cell_text(header, where(table.header_row, index))
        for index, header in enumerate(table.headers)
    ]
    for number, row in enumerate(table.rows, start=table.first_row):
        for index, text in enumerate(row):
            if text:
                row[index] = check_cell_text(text, where(number, index))
    if "deadline" in table.keys:
        # The words cell holds what the Deadline cell holds, escaped the same way.
        deadline = table.keys.index("deadline")
        table.words = [
            row[deadline] if words else ""
            for row, words in zip(table.rows, table.words, strict=True)
        ]


# ---------------------------------------------------------------------------
# Writing the sheets


def _lists_sheet(workbook: openpyxl.Workbook, words: tuple[list[str], list[str]]) -> None:
    """Write the hidden Lists sheet behind the dropdowns and the highlighting (ranges in
    :func:`_list_ranges`): the status and category labels, then, in the status column, the
    words that read as closed and those that read as Overdue (:func:`_status_words`)."""
    sheet: Any = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    statuses = [status.label for status in Status]
    categories = [category.label for category in ResponseCategory]
    sheet.append([HEADERS["status"], HEADERS["category"]])
    for index in range(max(len(statuses), len(categories))):
        sheet.append(
            [
                statuses[index] if index < len(statuses) else None,
                categories[index] if index < len(categories) else None,
            ]
        )
    closed, overdue = words
    for word in [*closed, *overdue]:
        sheet.append([_text(sheet, word)])


_MOST_LIST_ROWS = 29
"""The most rows the Lists sheet may have: the reader knows it as govtrack's (not data) only
when it is shorter than :data:`govtrack.io.excel.HEADER_SCAN_ROWS`."""


def _status_words(tables: Sequence[_Table]) -> tuple[list[str], list[str]]:
    """The Status words the highlighting takes for closed (Completed or No longer applicable)
    and for Overdue: the labels, then each word of the tables' Status cells that
    :meth:`Status.parse` reads as one of them (``Done``, ``Delayed``), once however it is
    cased (Excel compares without case), while the Lists sheet has room."""
    closed = [status.label for status in Status if status.is_closed]
    overdue = [Status.OVERDUE.label]
    seen = {word.lower() for word in [*closed, *overdue]}
    room = _MOST_LIST_ROWS - 1 - max(len(Status), len(ResponseCategory)) - len(seen)
    for table in tables:
        index = table.keys.index("status")
        for row in table.rows:
            word = row[index]
            if not word or word.lower() in seen or room <= 0:
                continue
            seen.add(word.lower())
            status = Status.parse(word)
            if status is Status.OVERDUE:
                overdue.append(word)
            elif status is not None and status.is_closed:
                closed.append(word)
            else:
                continue
            room -= 1
    return closed, overdue


def _text(sheet: Any, text: str, style: Callable[[Any], None] | None = None) -> Any:
    if not style and not needs_string_type(text):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if style is not None:
        style(cell)
    return cell


def _write_table(
    workbook: openpyxl.Workbook,
    table: _Table,
    lists: dict[str, str],
    *,
    extra_rows: int,
) -> None:
    sheet: Any = workbook.create_sheet(table.name)  # the stubs lack write-only attributes
    width = len(table.keys)
    last_column = get_column_letter(width)
    helper_column = get_column_letter(width + 1)
    for index, key in enumerate(table.keys, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = _WIDTHS.get(key, _EXTRA_WIDTH)
        dimension.alignment = _WRAP  # rows a partner adds wrap too
    sheet.column_dimensions[helper_column].hidden = True
    with_words = any(table.words)
    if with_words:
        sheet.column_dimensions[get_column_letter(width + 2)].hidden = True
    header_row, first_row = table.header_row, table.first_row
    sheet.freeze_panes = f"A{first_row}"
    last_row = first_row + len(table.rows) - 1
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{max(last_row, header_row)}"
    styled_to = max(last_row, header_row) + extra_rows

    # The spans never overlap, so each goes straight into the set: MultiCellRange.add
    # first tests it against every range already there, quadratic in the merges.
    merged = sheet.merged_cells.ranges
    for first, last in table.merges:
        for index in range(len(_RECOMMENDATION_KEYS)):
            column = get_column_letter(index + 1)
            merged.add(CellRange(f"{column}{first_row + first}:{column}{first_row + last}"))

    def add_validation(key: str, prompt: str) -> None:
        if key not in table.keys:
            return
        column = get_column_letter(table.keys.index(key) + 1)
        validation = list_validation(lists[key], what=HEADERS[key].lower(), prompt=prompt)
        validation.add(f"{column}{first_row}:{column}{styled_to}")
        sheet.data_validations.append(validation)

    add_validation("status", "the statuses govtrack knows")
    add_validation("category", "Accepted, Partially accepted or Rejected")
    as_of_validation = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showInputMessage=True,
        promptTitle=AS_OF_LABEL,
        prompt="The date overdue rows are judged on. Leave it empty for today's date.",
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Not a date",
        error="Type a date (2023-01-31), or leave the cell empty for today's date.",
    )
    as_of_validation.add(AS_OF_CELL)
    sheet.data_validations.append(as_of_validation)

    status_column = get_column_letter(table.keys.index("status") + 1)
    status = f"${status_column}{first_row}"
    end = f"${helper_column}{first_row}"
    if "deadline" in table.keys:
        # A real date a partner typed in the Deadline cell wins over the hidden end, which
        # holds the deadline govtrack wrote (a text deadline is only read by govtrack).
        typed = f"${get_column_letter(table.keys.index('deadline') + 1)}{first_row}"
        known = f"OR(ISNUMBER({typed}),ISNUMBER({end}))"
        end = f"IF(ISNUMBER({typed}),{typed},{end})"
    else:
        known = f"ISNUMBER({end})"
    as_of_ref = f"${AS_OF_CELL[0]}${AS_OF_CELL[1:]}"
    # An "As of" cell holding no date (the template's, or one a partner cleared) judges on
    # today: the rule computes TODAY() when Excel draws the sheet, so no cell needs a formula.
    as_of_day = f"IF(ISNUMBER({as_of_ref}),{as_of_ref},TODAY())"
    formula = overdue_formula(
        status,
        [known, f"{end}<{as_of_day}"],
        closed=lists["closed"],
        overdue=lists["overdue"],
    )
    highlighted = f"A{first_row}:{last_column}{styled_to}"
    sheet.conditional_formatting.add(highlighted, overdue_rule(formula))

    heading = _text(
        sheet, table.heading, lambda cell: setattr(cell, "font", Font(bold=True, size=14))
    )
    sheet.append([heading])
    label = WriteOnlyCell(sheet, value=AS_OF_LABEL)
    label.font = Font(bold=True)
    # No as_of (the template): an empty cell, which the highlighting reads as today.
    day = None if table.as_of is None else dt.datetime.combine(table.as_of, dt.time())
    date_cell = WriteOnlyCell(sheet, value=day)
    date_cell.number_format = "yyyy-mm-dd"
    date_cell.alignment = Alignment(horizontal="left")
    sheet.append([label, date_cell])
    for text in table.pairs:
        # One pair a row, unwrapped, so that it reads across the empty cells to its right.
        sheet.append([_text(sheet, text, lambda cell: setattr(cell, "alignment", _PAIR))])
    sheet.append([])

    def header_style(cell: Any) -> None:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP

    helpers = [HELPER_HEADER, WORDS_HEADER] if with_words else [HELPER_HEADER]
    extras = [index for index, key in enumerate(table.keys) if key.startswith("extra:")]
    if extras:
        sheet.column_dimensions[get_column_letter(width + len(helpers) + 1)].hidden = True
        helpers.append(f"{EXTRA_HEADER} {table.headers[extras[0]]}")
    sheet.append([*(_text(sheet, header, header_style) for header in table.headers), *helpers])

    # Plain values, no per-cell style: the workbook's default cell format wraps text
    # (see _wrap_by_default), which keeps the matrix close to openpyxl's raw speed.
    for values, end_serial, words in zip(table.rows, table.ends, table.words, strict=True):
        row: list[Any] = [
            None if not text else _text(sheet, text) if needs_string_type(text) else text
            for text in values
        ]
        row.append(end_serial)
        if words:
            row.append(_text(sheet, words))
        sheet.append(row)


def _list_ranges(words: tuple[list[str], list[str]]) -> dict[str, str]:
    """The ranges on the Lists sheet (written last, so a matrix sheet is first): the
    dropdowns' (``status``, ``category``) and the highlighting's (``closed``, ``overdue``)."""
    statuses = len(Status)
    categories = len(ResponseCategory)
    closed, overdue = words
    first = max(statuses, categories) + 2
    after = first + len(closed)
    return {
        "status": f"{LISTS_SHEET}!$A$2:$A${statuses + 1}",
        "category": f"{LISTS_SHEET}!$B$2:$B${categories + 1}",
        "closed": f"{LISTS_SHEET}!$A${first}:$A${after - 1}",
        "overdue": f"{LISTS_SHEET}!$A${after}:$A${after + len(overdue) - 1}",
    }


def dump(
    doc: Document,
    path: str | os.PathLike[str] | IO[bytes],
    *,
    layout: str = "workbook",
    on: dt.date | None = None,
    lossy: bool = False,
) -> None:
    """Write ``doc`` as an Excel workbook, atomically.

    Args:
        doc: The document.
        path: The ``.xlsx`` file to write (or a binary stream).
        layout: ``"workbook"`` for govtrack's own lossless workbook, ``"matrix"`` for
            one management-response matrix per evaluation, meeting, report and plan.
        on: For the matrix: the "As of" date overdue rows are highlighted against, on every
            sheet; None for each container's recorded ``extra['As of']``, else today.
        lossy: For the matrix: write a deadline of several days whose text does not read
            by itself (``next month``, counted from a meeting) as its dates, losing its
            words; refused otherwise (see :func:`refuse_rewritten_deadlines`). A single day
            (``within two weeks``) keeps its words either way. Likewise leave out, or
            write otherwise, what the matrix cannot hold: an entry of a container's
            ``extra`` that no title row reads back, a meeting's own fields, indicators,
            answers, a recorded word beside another status (see :func:`refuse_left_out`).

    Raises:
        UnsupportedFormatError: ``layout`` is not one of :data:`LAYOUTS`.
        WriteError: A text is longer than an Excel cell holds (the message names the
            sheet and cell), or the file cannot be written; a previous file is left whole;
            or a deadline of the matrix would lose its words, or an ``extra`` entry be left
            out (unless ``lossy=True``).

    >>> import datetime as dt, io, openpyxl, govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(title="Follow-up", actions=(
    ...     gt.Action(text="Hire a consultant", due=gt.parse_due("2021/07"),
    ...               status=gt.Status.ONGOING),)),))
    >>> buffer = io.BytesIO()
    >>> dump(doc, buffer, layout="matrix", on=dt.date(2023, 1, 31))
    >>> sheet = openpyxl.load_workbook(buffer)["Follow-up"]
    >>> [cell.value for cell in sheet[4]][:5]
    ['Action #', 'Key action', 'Responsible', 'Deadline', 'Status']
    >>> sheet["B5"].value, sheet["E5"].value, sheet.freeze_panes
    ('Hire a consultant', 'Ongoing', 'A5')
    """
    if layout == "workbook":
        excel_workbook.write(doc, path)
        return
    if layout != "matrix":
        raise UnsupportedFormatError(
            f"unknown Excel layout {layout!r}; expected one of {', '.join(LAYOUTS)}"
        )
    if on is not None:
        on = date_argument(on, "dump(on=...)")
    today = dt.datetime.now().astimezone().date()
    if not lossy:
        refuse_rewritten_deadlines(doc)
        refuse_left_out(doc, on)
    tables = _tables(doc, on, today)
    _write_to(path, lambda stream: _save_with_lists(tables, stream, SPARE_ROWS))


def refuse_rewritten_deadlines(doc: Document) -> None:
    """Refuse a matrix that would write a deadline as other words than its own.

    The matrix writes each deadline as its text when :func:`~govtrack.parse_due` reads that
    text back to the same dates (:meth:`~govtrack.Due.portable_text`). A single day whose text
    reads only in its context, such as ``within two weeks`` in record notes (counted from the
    meeting), is written in its own words, with its day in a hidden helper column, and reads
    back equal: it is not refused. A deadline of several days whose text reads only in its
    context (``next month``, ``the coming quarter``) would be written as its dates
    (``Apr 2023``) and its words lost: that is refused. A day read with ``dayfirst=``
    (``03/04/2024``) is written ``2024-04-03``: the same day, another form, which is not
    refused.

    Raises:
        WriteError: Such a deadline, naming up to three with where they were read.

    >>> import datetime as dt, govtrack as gt
    >>> within = gt.Due.day(dt.date(2023, 3, 28), "within two weeks")
    >>> next_month = gt.Due.month(2023, 4, "next month")
    >>> refuse_rewritten_deadlines(gt.Document(plans=(gt.ActionPlan(actions=(
    ...     gt.Action(ref="c)", text="Book a venue", due=within),
    ...     gt.Action(ref="d)", text="Draft a notice", due=next_month),)),)))
    Traceback (most recent call last):
    ...
    govtrack._errors.WriteError: the matrix layout would write 1 deadline as its dates, losing its words: action d) 'next month' would read back as 'Apr 2023'; write govtrack's own workbook (layout="workbook") or JSON, which keep them, or pass lossy=True (convert --lossy) to write the dates
    """  # noqa: E501 - doctest output is one line
    lost: list[str] = []
    for action in doc.actions:
        due = action.due
        if due is None:
            continue
        written = due.portable_text()
        if written == due.text or same_dates_in_another_form(due) or _keeps_words(due):
            continue
        where = f" ({action.origin})" if action.origin is not None and str(action.origin) else ""
        name = action.ref or repr(action.text[:40])
        lost.append(f"action {name}{where} {due.text!r} would read back as {written!r}")
    if not lost:
        return
    said = "; ".join(lost[:3]) + (f"; and {len(lost) - 3} more" if len(lost) > 3 else "")
    deadlines = "deadline" if len(lost) == 1 else "deadlines"
    raise WriteError(
        f"the matrix layout would write {len(lost)} {deadlines} as its dates, losing its "
        f'words: {said}; write govtrack\'s own workbook (layout="workbook") or JSON, which '
        "keep them, or pass lossy=True (convert --lossy) to write the dates"
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHORT else text[: _SHORT - 3] + "..."


_SHORT = 60


def refuse_left_out(doc: Document, on: dt.date | None = None) -> None:
    """Refuse a matrix that would leave out, or change, what a document holds, as the text
    matrix does: each thing the matrix cannot hold is named, with where it is.

    The matrix writes an evaluation's office, country, period and approval, a report's
    working group and period, and each entry of a container's ``extra`` above its header row,
    a ``Label: value`` pair a row, which the reader takes back into the same fields and into
    ``extra``; what would not read back as written is refused: a label holding ``:`` or a
    line break, an empty label or value, spaces around either, a value on several lines, a
    label the reader takes for a field (``Title``; an evaluation's ``Office``, ``Period``; a
    report's ``Working group``) or for the ``As of`` date, and any pair past the
    :data:`MOST_TITLE_PAIRS` a sheet holds. An ``As of`` entry is the sheet's "As of" cell:
    without ``on=`` it is the date written there; ``on=`` restates it; one that is no date
    (``YYYY-MM-DD`` from 1900-03-01) is refused either way.

    What has no place in a matrix is refused too: a meeting (it reads back as an action
    plan: its date, venue, chair, participants and agenda would be lost, and its decisions
    read back as actions), an evaluation's summary, a recommendation's group that reads
    back otherwise from its section row (a ref, a note, several lines) or an empty one under
    another's section row, a response's description and tags, a report's indicators and answers, a decision or activity held
    where it reads back as a plain action; and a cell that would read back otherwise: a
    recorded status or category word that reads as another (or none), a deadline's unread
    text beside a deadline, an unread deadline text that reads as a deadline, responsible
    parties that read back otherwise (a name holding a line break, spaces around it), an
    empty unknown-column entry. A status or category with no word recorded is written as
    its label, and reads back with it.

    Args:
        doc: The document.
        on: The "As of" date given to :func:`dump`, if any.

    Raises:
        WriteError: Naming up to three of what would be left out, and why.

    >>> import datetime as dt, govtrack as gt
    >>> refuse_left_out(gt.Document(plans=(gt.ActionPlan(title="P", extra={"Chair": "Ministry"},
    ...     actions=(gt.Action(text="Hire"),)),)))
    >>> refuse_left_out(gt.Document(plans=(gt.ActionPlan(title="P", extra={"Note": "a\\nb"},
    ...     actions=(gt.Action(text="Hire"),)),)))
    Traceback (most recent call last):
    ...
    govtrack._errors.WriteError: the matrix layout cannot hold all of this document: plans[0].extra['Note'] 'a\\nb' would be left out (a value holding a line break); write govtrack's own workbook (layout="workbook") or JSON, which hold it all, or pass lossy=True (convert --lossy) to write it anyway
    >>> report = gt.ProgressReport(title="H2", indicators=(gt.Indicator(text="Rate"),))
    >>> refuse_left_out(gt.Document(reports=(report,)))
    Traceback (most recent call last):
    ...
    govtrack._errors.WriteError: the matrix layout cannot hold all of this document: reports[0].indicators (1) would be left out; write govtrack's own workbook (layout="workbook") or JSON, which hold it all, or pass lossy=True (convert --lossy) to write it anyway
    """  # noqa: E501 - doctest output is one line
    lost = list(_left_out(doc, on))
    if not lost:
        return
    said = "; ".join(lost[:3]) + (f"; and {len(lost) - 3} more" if len(lost) > 3 else "")
    raise WriteError(
        f"the matrix layout cannot hold all of this document: {said}; write govtrack's own "
        'workbook (layout="workbook") or JSON, which hold it all, or pass lossy=True '
        "(convert --lossy) to write it anyway"
    )


def _left_out(doc: Document, on: dt.date | None) -> Iterator[str]:
    """What the matrix would leave out or change, as ``path what`` texts, sheet by sheet."""
    today = dt.datetime.now().astimezone().date()
    for path, kind, record, _ in _containers(doc):
        as_of = _sheet_date(record.extra, on, today)
        _, left = _title_pairs(record, kind, as_of, restated=on is not None)
        for where, value, why in left:
            yield f"{path}{where} {_short(value)} would be left out ({why})"
        yield from _unheld(path, record)


def _counted(path: str, items: Sequence[Any]) -> Iterator[str]:
    if items:
        yield f"{path} ({len(items)}) would be left out"


def _unheld(path: str, record: Any) -> Iterator[str]:
    """What a container holds that its matrix sheet has no place for (:func:`refuse_left_out`)."""
    if isinstance(record, Meeting):
        yield (
            f"{path} {_short(record.title)} would read back as an action plan (a meeting's "
            "date, venue, chair, participants and agenda are left out, its decisions read "
            "back as actions)"
        )
        for index, decision in enumerate(record.decisions):
            yield from _action_cells_lost(f"{path}.decisions[{index}]", decision, report=False)
    elif isinstance(record, Evaluation):
        if record.summary:
            yield f"{path}.summary {_short(record.summary)} would be left out"
        previous = None
        sections = _sections(record)
        section = ""
        for number, recommendation in enumerate(record.recommendations):
            opens, written = next(sections)
            where = f"{path}.recommendations[{number}]"
            if previous is not None and (previous.ref, previous.text) == (
                recommendation.ref,
                recommendation.text,
            ):
                # the reader takes a row repeating the recommendation above for its next row
                yield f"{where} would read back as part of the one above (the same ref and text)"
            previous = recommendation
            yield from _groups_lost(where, recommendation, opens, section, written)
            yield from _cell_lost(f"{where}.ref", recommendation.ref, trimmed=True)
            yield from _cell_lost(f"{where}.text", recommendation.text, trimmed=False)
            yield from _cell_lost(
                f"{where}.response.text", recommendation.response.text, trimmed=False
            )
            section = opens or section
            yield from _response_lost(f"{where}.response", recommendation.response)
            for index, action in enumerate(recommendation.actions):
                yield from _action_lost(f"{where}.actions[{index}]", action, plan=False)
    elif isinstance(record, ProgressReport):
        yield from _period_lost(path, record)
        yield from _counted(f"{path}.indicators", record.indicators)
        yield from _counted(f"{path}.answers", record.answers)
        for index, activity in enumerate(record.activities):
            yield from _action_cells_lost(f"{path}.activities[{index}]", activity, report=True)
    else:
        for index, action in enumerate(record.actions):
            yield from _action_lost(f"{path}.actions[{index}]", action, plan=True)


def _groups_lost(
    where: str,
    recommendation: Recommendation,
    opens: str,
    section: str,
    written: Sequence[Action],
) -> Iterator[str]:
    """A recommendation's group, or its actions', that would not read back from the section
    rows (:func:`_sections`) and Group cells: a group that reads as no section row (a ref, a
    note, several lines), or an empty group under a section row (it reads back in it)."""
    from govtrack.io.excel import reads_as_section  # noqa: PLC0415 - excel imports this module

    if opens and not reads_as_section(opens):
        yield (
            f"{where}.group {_short(opens)} would be left out (a section row that does not "
            "read back as written: a ref, a note, a total, several lines or spaces around it)"
        )
        return
    section = opens or section
    read = (written[0].group if written else "") or section
    if recommendation.group != read:
        yield f"{where}.group {_short(recommendation.group)} would read back as {read!r}"
    for index, action in enumerate(written):
        if not action.group and section and recommendation.actions[index].group != section:
            yield (
                f"{where}.actions[{index}].group {_short(recommendation.actions[index].group)} "
                f"would read back as {section!r} (its section row)"
            )


def _period_lost(path: str, report: ProgressReport) -> Iterator[str]:
    """A report's period that does not read back from its text (the reader parses the text)."""
    text = report.period_text
    try:
        again: Due | None = parse_due(text) if text.strip() else None
    except DueParseError:
        again = None
    if report.period != again:
        written = repr(report.period.text) if report.period is not None else "no period"
        read = repr(again.text) if again is not None else "no period"
        yield f"{path}.period {written} would read back as {read} (from its period text)"


def _response_lost(path: str, response: ManagementResponse) -> Iterator[str]:
    if response.description:
        yield f"{path}.description {_short(response.description)} would be left out"
    for name in (
        "thematic_areas",
        "operating_principles",
        "organisational_priorities",
        "uneg_criteria",
    ):
        yield from _counted(f"{path}.{name}", getattr(response, name))
    written = _category_word(response)
    if written != response.category_text and response.category_text:
        text = _short(response.category_text)
        yield f"{path}.category_text {text} would read back as {written!r}"
    elif response.category is None and ResponseCategory.parse(written) is not None:
        yield f"{path}.category_text {_short(written)} would read back as a category"


def _action_lost(path: str, action: Action, *, plan: bool) -> Iterator[str]:
    """An action of a plan or an evaluation: an activity, or a decision (but one with deemed
    consent in a plan, which the Deemed consent column gives back), reads back as an action."""
    deemed = plan and type(action) is Decision and action.deemed_consent
    if type(action) is not Action and not deemed:
        yield (
            f"{path} would read back as an Action, not a {type(action).__name__} (its "
            f"{'deemed consent' if isinstance(action, Decision) else 'schedule'} left out)"
        )
    yield from _action_cells_lost(path, action, report=False)


def _action_cells_lost(path: str, action: Action, *, report: bool) -> Iterator[str]:
    """The cells of an action's row that would read back otherwise."""
    from govtrack.io.excel import (  # noqa: PLC0415 - excel imports this module
        GOVTRACK_MARKER,
        _parties,
    )

    word = _status_word(action)
    if action.status_text and word != action.status_text:
        yield f"{path}.status_text {_short(action.status_text)} would read back as {word!r}"
    elif action.status is None and word:
        if Status.parse(word) is not None:
            yield f"{path}.status_text {_short(word)} would read back as a status"
        elif report:
            yield f"{path}.status_text {_short(word)} would read back as a comment"
    if action.due_text:
        if action.due is not None:
            yield (
                f"{path} has a deadline ({action.due.text or action.due.portable_text()}) and "
                f"also the unread text {_short(action.due_text)} from before; pass "
                "due_text='' with the new due"
            )
        elif _reads_as_due(action.due_text):
            yield f"{path}.due_text {_short(action.due_text)} would read back as a deadline"
    if action.responsible and _parties("\n".join(action.responsible)) != (action.responsible):
        yield f"{path}.responsible {_short(action.responsible)} would read back otherwise"
    for name in _ACTION_CELLS:
        yield from _cell_lost(f"{path}.{name}", getattr(action, name, ""), trimmed=name in _TRIMMED)
    if action.due is None:  # else refused above, or empty
        yield from _cell_lost(f"{path}.due_text", action.due_text, trimmed=False)
    if action.status_text == word:  # else refused above
        yield from _cell_lost(f"{path}.status_text", word, trimmed=False)
    for name, value in action.extra.items():
        if not value.strip():
            yield f"{path}.extra[{name!r}] {_short(value)} would be left out (an empty cell)"
        elif name.strip().startswith(GOVTRACK_MARKER):  # the reader strips its headers
            yield (
                f"{path}.extra[{name!r}] {_short(value)} would be left out (the reader takes "
                f"a column headed {GOVTRACK_MARKER!r}… for one of govtrack's own)"
            )
        elif not name.strip():
            yield (
                f"{path}.extra[{name!r}] would read back under a header made up for an "
                "empty one (Column and its letter): an extra key needs a word"
            )
        elif " ".join(name.split()) != name:
            yield (
                f"{path}.extra[{name!r}] would read back as extra[{' '.join(name.split())!r}] "
                "(a header's line breaks and runs of spaces read as one space)"
            )


_ACTION_CELLS = ("text", "ref", "comments", "scope", "group", "delay_reasons", "recommendations")
"""The text fields of an action the matrix writes a cell each, as they are."""

_TRIMMED = frozenset({"ref", "scope"})
"""The cells of an action the reader trims (a ref, a scope); the others it reads as
written, unless all spaces, which it reads as empty."""


def _cell_lost(path: str, value: str, *, trimmed: bool) -> Iterator[str]:
    """A text written as a cell that would read back otherwise: one of spaces reads back
    empty, and spaces around a ref or scope are trimmed."""
    if not value:
        return
    if not value.strip():
        yield f"{path} {_short(value)} would read back empty (a cell of spaces)"
    elif trimmed and value != value.strip():
        yield (
            f"{path} {_short(value)} would read back as {_short(value.strip())} (spaces "
            "around it are trimmed)"
        )


def _reads_as_due(text: str) -> bool:
    if not text.strip():
        return False
    try:
        parse_due(text)
    except DueParseError:
        return False
    return True


def _write_to(
    target: str | os.PathLike[str] | IO[bytes], save: Callable[[IO[bytes]], None]
) -> None:
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, save)
    else:
        save(target)


def _save_with_lists(
    tables: list[_Table],
    stream: IO[bytes],
    extra_rows: int,
    *,
    instructions: bool = False,
) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    _wrap_by_default(workbook)
    words = _status_words(tables)
    lists = _list_ranges(words)
    for table in tables:
        _write_table(workbook, table, lists, extra_rows=extra_rows)
    if instructions:
        _instructions_sheet(workbook)
    _lists_sheet(workbook, words)
    workbook.save(stream)


# ---------------------------------------------------------------------------
# The template

_INSTRUCTIONS: dict[str, str] = {
    "rec_ref": "The recommendation's number as the evaluation gives it (1, 2.1).",
    "recommendation": "The recommendation's text. Write it once, on its first action's row; "
    "leave it empty (or merge the cells) on the rows of its other actions.",
    "response": "Management's response to the recommendation.",
    "category": "Whether management accepted the recommendation: choose from the list.",
    "ref": "The key action's number (1.1, a)).",
    "action": "What is to be done: one key action per row.",
    "responsible": "Who owes the action: one unit or person per line (Alt+Enter).",
    "deadline": "When it is due: a day (05 May 2019), a month (2021/07, Dec 2022), a quarter "
    "(Q1-2023), a half (first half of 2023), a year (2023) or a range "
    "(March 2007 – Dec 2008). The last day of that span is the deadline.",
    "status": "How far implementation got: choose from the list.",
    "comments": "What was done, what is in the way.",
    "updates": "Dated progress notes, one per line, each beginning with its date: "
    "'Dec 2022 Update: two sessions held'.",
    "scope": "A country or office code when the action concerns one (KAZ).",
}


def _instructions_sheet(workbook: openpyxl.Workbook) -> None:
    sheet: Any = workbook.create_sheet(INSTRUCTIONS_SHEET)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 90
    bold = Font(bold=True)

    def strong(text: str) -> Any:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        return cell

    def wrapped(text: str) -> Any:
        cell = WriteOnlyCell(sheet, value=text)
        cell.alignment = _WRAP
        return cell

    sheet.append([strong(INSTRUCTIONS_TITLE)])
    sheet.append(
        [
            wrapped(
                "One row per key action, under the header row of the Matrix sheet. "
                f"A row turns red when its Status is Overdue, or when its deadline is before "
                f"the '{AS_OF_LABEL}' date and its Status is not Completed or No longer "
                f"applicable. Leave the '{AS_OF_LABEL}' cell empty to judge the rows on "
                "today's date, whenever the file is opened. Only a deadline typed as a date "
                "(2023-06-30) is seen by the highlighting; a month, quarter or year "
                "(2023/06, Q2 2023) is read when the matrix is returned, but does not turn "
                "the row red."
            )
        ]
    )
    sheet.append(
        [
            wrapped(
                f"The title: type the evaluation's title in cell B1 of the Matrix sheet, beside "
                f"'{TEMPLATE_HEADING}' (which then reads as its label), or over it in A1."
            )
        ]
    )
    sheet.append([])
    sheet.append([strong("Column"), strong("What to write")])
    for key, text in _INSTRUCTIONS.items():
        sheet.append([HEADERS[key], wrapped(text)])
    sheet.append([])
    sheet.append([strong(f"Allowed {HEADERS['status'].lower()} words"), strong("Meaning")])
    meanings = {
        Status.NOT_STARTED: "Work on the action has not begun.",
        Status.ONGOING: "Work has begun and is not finished.",
        Status.COMPLETED: "The action is done.",
        Status.NO_LONGER_APPLICABLE: "The action is no longer needed; say why in Comments.",
        Status.OVERDUE: "The deadline has passed and the action is not done.",
    }
    for status in Status:
        sheet.append([status.label, wrapped(meanings[status])])
    sheet.append([])
    sheet.append([strong(f"Allowed {HEADERS['category'].lower()} words"), strong("Meaning")])
    for category, meaning in (
        (ResponseCategory.ACCEPTED, "Management agrees and will act on all of it."),
        (ResponseCategory.PARTIALLY_ACCEPTED, "Management will act on part of it."),
        (ResponseCategory.REJECTED, "Management will not act on it; say why in the response."),
    ):
        sheet.append([category.label, wrapped(meaning)])


def write_template(path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write a blank management-response matrix for partners to fill in.

    The workbook has a ``Matrix`` sheet (title, "As of" cell, header row,
    dropdowns for Status and Category, overdue highlighting over
    :data:`TEMPLATE_ROWS` rows), an ``Instructions`` sheet explaining each column
    and the allowed words, and the hidden ``_lists`` sheet behind the dropdowns.
    The "As of" cell is left empty: rows are then judged on the day the file is
    opened, and no cell holds a formula (a ``=TODAY()`` written by openpyxl has no
    computed value, so reading the template reported it as GT209).

    Args:
        path: The ``.xlsx`` file to write (atomically), or a binary stream.

    Raises:
        WriteError: The file cannot be written; a previous file is left whole.

    >>> import io, openpyxl
    >>> buffer = io.BytesIO()
    >>> write_template(buffer)
    >>> openpyxl.load_workbook(buffer).sheetnames
    ['Matrix', 'Instructions', '_lists']
    """
    keys = [*_RECOMMENDATION_KEYS, *_ACTION_KEYS, *_TAIL_KEYS]
    table = _Table(
        name="Matrix",
        heading=TEMPLATE_HEADING,
        keys=keys,
        headers=_headers(keys),
    )
    _write_to(
        path,
        lambda stream: _save_with_lists([table], stream, TEMPLATE_ROWS, instructions=True),
    )
