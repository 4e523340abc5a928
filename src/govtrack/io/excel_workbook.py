r"""govtrack's own workbook: every record on a readable sheet, lossless both ways.

``read(write(doc)) == doc`` for every Document, origins included (they are
written and read back, though records compare without them).

The layout (format version 1)
-----------------------------

A hidden sheet named ``_govtrack`` marks the workbook and holds the format
name and version; the Excel reader sees it and hands the file to :func:`read`.
Every other sheet is always written, empty or not, so a script can rely on
them; row 1 holds the column names (the model's field names), rows follow in
document order, and ``id`` / parent columns link them:

==================  =====================================================================
sheet               columns
==================  =====================================================================
Evaluations         id, title, office, country, period, approval, summary, origin
Recommendations     id, evaluation, ref, text, group, response, category, category_text,
                    description, thematic_areas, operating_principles,
                    organisational_priorities, uneg_criteria, origin
Actions             id, parent (a recommendation, meeting, report or plan), kind
                    (action, decision, activity), ref, text, responsible, due, due_start,
                    due_end, due_precision, due_text, status, status_text, comments,
                    scope, group, deemed_consent, schedule, delay_reasons,
                    recommendations, origin
Updates             action, text, on, on_start, on_end, on_precision
Meetings            id, title, organiser, date, starts, ends, when_text, venue, chair,
                    participants, attendance, attendance_count, themes, key_points, origin
Agenda              id, meeting, ref, title, text, origin
Reports             id, title, working_group, period, period_start, period_end,
                    period_precision, period_text, origin
Indicators          id, parent (a report, or an indicator for a target), ref, text,
                    timeframe, timeframe_start, timeframe_end, timeframe_precision,
                    timeframe_text, status, constraints, recommendations, origin
Answers             id, report, question, answer, text, origin
Plans               id, title, origin
Extra               owner (the id of the record), key, value
Problems            code, severity, message, location, where (read-only: the citation)
==================  =====================================================================

How values are written:

- Text is a string cell, never a formula or an error value (``=1+1`` and ``#N/A`` stay
  text). Characters an XML file cannot hold (control characters other than tab and
  line feed, carriage returns, U+FFFE, U+FFFF, lone surrogates) are written with
  Excel's own ``_xHHHH_`` escape, and a literal ``_xHHHH_`` in the text gets its
  underscore escaped (``_x005F_``), as Excel does; :func:`unescape_cell_text` undoes
  it, and Excel displays the original text. A text longer than Excel's 32,767
  characters raises :class:`~govtrack.WriteError` naming the cell: nothing is truncated.
- A tuple of texts (responsible, chair, tags) is one cell, one item per line; inside
  an item a backslash is written ``\\``, a line feed ``\n``, a carriage return ``\r``,
  and an empty item is written ``\e``. An empty tuple is an empty cell.
- A Due is four columns: its text, its first and last day (ISO ``2021-07-31``), its
  precision (``month``); it is present when the precision is.
- Dates and times are ISO text; booleans are TRUE/FALSE cells; counts are numbers.
- Statuses, categories and schedule statuses are their labels (``Not started``);
  severities and precisions their values. The reader also accepts the values, and
  any word the model's ``parse`` knows.
- A Location (``origin``, a problem's ``location``) is a JSON object of its non-empty
  fields (``{"sheet": "Matrix", "cell": "I9"}``); ``{}`` is a Location citing nothing,
  and an empty cell is no Location.
- An empty text field is an empty cell; an unset optional field too.

How it looks (formats only: no cell's value depends on them, so they take no part in
reading back):

- Row 1 is bold and frozen, with a filter over the rows; long-text columns are wider.
- Every text wraps at the top of its cell (the workbook's default format, so no cell
  needs a style of its own), except the JSON of ``origin`` and ``location``, which stays
  on one line; a row added by hand wraps too.
- Dropdowns list the labels the writer writes, and warn (never refuse) on another word,
  which the reader may still know: Status and Schedule on Actions, Category on
  Recommendations. They cover the rows written and :data:`SPARE_ROWS` more.
- An action overdue today is coloured light red, by the rule of
  :meth:`~govtrack.Action.effective_status`: its status is Overdue, or its deadline's last
  day (``due_end``) is before Excel's ``TODAY()`` and its status is neither Completed nor
  No longer applicable (nor empty on a decision by deemed consent, which resolves
  itself). The workbook records no date, so the highlighting follows the day the file is
  opened (the matrix's "As of" date, ``on=``, is the matrix's alone). The ISO day is
  compared by its digits (``20230331``), so the rule holds in any locale and for any
  year; a day typed over it as an Excel date is compared as a date.

Reading raises :class:`~govtrack.FormatError` with the cell when the workbook is
not this layout (a missing sheet or column, a row whose parent does not exist, a
date that is not a date). A column the layout does not have is kept out of the
model and reported as problem ``GT290`` (never silently dropped).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar
from xml.etree.ElementTree import ParseError

import cattrs
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from govtrack._errors import FormatError, GovtrackError, WriteError
from govtrack.io._files import BROKEN_SHEET_ERRORS, atomic_write, one_line, read_error
from govtrack.io._xlsx_style import (
    UNWRAPPED,
    WRAP,
    inline_list,
    list_validation,
    overdue_formula,
    overdue_rule,
    style_of,
    wrap_by_default,
)
from govtrack.io.json import make_converter
from govtrack.io.limits import DEFAULT_LIMITS, Limits, RowBudget
from govtrack.model.dates import Due, Precision
from govtrack.model.location import Location
from govtrack.model.records import (
    Action,
    ActionPlan,
    Activity,
    AgendaItem,
    Answer,
    Decision,
    Document,
    Evaluation,
    FrozenMap,
    Indicator,
    Issue,
    ManagementResponse,
    Meeting,
    ProgressReport,
    Recommendation,
    Update,
)
from govtrack.model.status import ResponseCategory, ScheduleStatus, Severity, Status

_CONVERTER = make_converter()  # locations are stored as the JSON format writes them

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MARKER_SHEET",
    "MAX_CELL_CHARACTERS",
    "SHEETS",
    "SPARE_ROWS",
    "escape_cell_text",
    "is_govtrack_workbook",
    "join_texts",
    "read",
    "split_texts",
    "unescape_cell_text",
    "write",
]

FORMAT_NAME = "govtrack-workbook"
"""The format name held on the marker sheet."""

FORMAT_VERSION = 1
"""The layout version this govtrack writes; it reads this version and older."""

MARKER_SHEET = "_govtrack"
"""The hidden sheet that marks govtrack's own workbook."""

MAX_CELL_CHARACTERS = 32_767
"""Excel's limit on the characters of one cell."""

SHEETS: dict[str, tuple[str, ...]] = {
    "Evaluations": (
        "id", "title", "office", "country", "period", "approval", "summary", "origin",
    ),
    "Recommendations": (
        "id", "evaluation", "ref", "text", "group", "response", "category", "category_text",
        "description", "thematic_areas", "operating_principles", "organisational_priorities",
        "uneg_criteria", "origin",
    ),
    "Actions": (
        "id", "parent", "kind", "ref", "text", "responsible", "due", "due_start", "due_end",
        "due_precision", "due_text", "status", "status_text", "comments", "scope", "group",
        "deemed_consent", "schedule", "delay_reasons", "recommendations", "origin",
    ),
    "Updates": ("action", "text", "on", "on_start", "on_end", "on_precision"),
    "Meetings": (
        "id", "title", "organiser", "date", "starts", "ends", "when_text", "venue", "chair",
        "participants", "attendance", "attendance_count", "themes", "key_points", "origin",
    ),
    "Agenda": ("id", "meeting", "ref", "title", "text", "origin"),
    "Reports": (
        "id", "title", "working_group", "period", "period_start", "period_end",
        "period_precision", "period_text", "origin",
    ),
    "Indicators": (
        "id", "parent", "ref", "text", "timeframe", "timeframe_start", "timeframe_end",
        "timeframe_precision", "timeframe_text", "status", "constraints", "recommendations",
        "origin",
    ),
    "Answers": ("id", "report", "question", "answer", "text", "origin"),
    "Plans": ("id", "title", "origin"),
    "Extra": ("owner", "key", "value"),
    "Problems": ("code", "severity", "message", "location", "where"),
}  # fmt: skip
"""Every sheet of the layout and its columns, in the order written."""

_READ_ONLY_COLUMNS = {("Problems", "where")}
_WIDE = {
    "text", "summary", "response", "description", "comments", "message", "venue",
    "delay_reasons", "recommendations", "question", "value", "status_text", "constraints",
}  # fmt: skip
_UNWRAPPED = {"origin", "location"}
"""The columns of JSON, for programs, which stay on one line; every other text wraps."""
SPARE_ROWS = 200
"""Rows below the last record that keep the dropdowns, the wrapping and the highlighting."""
_DROPDOWNS: dict[tuple[str, str], tuple[type[enum.Enum], str]] = {
    ("Actions", "status"): (Status, "the statuses govtrack knows"),
    ("Actions", "schedule"): (ScheduleStatus, "On schedule or Behind schedule"),
    ("Recommendations", "category"): (
        ResponseCategory,
        "Accepted, Partially accepted or Rejected",
    ),
}
_E = TypeVar("_E", bound=enum.Enum)
CellValue = str | int | bool | XlCell | None

# ---------------------------------------------------------------------------
# Text in cells


_ESCAPE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_UNESCAPE_RE = re.compile("_x([0-9A-Fa-f]{4})_")
_FORMULA_LIKE = frozenset(ERROR_CODES)


def escape_cell_text(text: str) -> str:
    r"""Escape what a worksheet's XML cannot hold, as Excel does (``_xHHHH_``).

    Args:
        text: Any text.

    Returns:
        The text with control characters (other than tab and line feed), carriage
        returns, U+FFFE, U+FFFF and lone surrogates written ``_xHHHH_``, and the
        underscore of a literal ``_xHHHH_`` written ``_x005F_``.

    >>> escape_cell_text("bell\a, CR\r, file_x0041_")
    'bell_x0007_, CR_x000D_, file_x005F_x0041_'
    >>> unescape_cell_text(escape_cell_text("bell\a, CR\r, file_x0041_")) == "bell\a, CR\r, file_x0041_"
    True
    """  # noqa: E501 - doctest lines
    if _ESCAPE_RE.search(text) is None:
        return text
    return _ESCAPE_RE.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def unescape_cell_text(text: str) -> str:
    """Undo :func:`escape_cell_text` (and Excel's own ``_xHHHH_`` escapes).

    Args:
        text: A cell's text as openpyxl returns it.

    Returns:
        The text with every ``_xHHHH_`` replaced by its character.

    >>> unescape_cell_text("tab_x0009_ and _x005F_x0041_")
    'tab\\t and _x0041_'
    """
    if "_x" not in text:
        return text
    return _UNESCAPE_RE.sub(lambda match: chr(int(match.group(1), 16)), text)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check_cell_text(text: str, where: Callable[[], str]) -> str:
    """The text escaped for a cell; raises WriteError when it is over Excel's limit.

    ``where`` is called only on error, to name the cell in the message.
    """
    if len(text) > MAX_CELL_CHARACTERS // 2 and _utf16_length(text) > MAX_CELL_CHARACTERS:
        raise WriteError(
            f"{where()}: a text of {_utf16_length(text):,} characters is longer than an Excel "
            f"cell holds ({MAX_CELL_CHARACTERS:,}); shorten it or write JSON instead"
        )
    return escape_cell_text(text)


def needs_string_type(text: str) -> bool:
    """Whether openpyxl would take this text for a formula or an error value."""
    return (len(text) > 1 and text[0] == "=") or text in _FORMULA_LIKE


def string_cell(sheet: WriteOnlyWorksheet, text: str) -> XlCell:
    """A write-only cell that holds ``text`` as a string, whatever it begins with."""
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


def join_texts(items: Iterable[str]) -> str:
    r"""Several texts in one cell, one per line, unambiguously (see the module's rules).

    Args:
        items: The texts.

    Returns:
        The cell's text; ``""`` for no items.

    >>> join_texts(["M&E Unit", "Finance\nand admin", "", "a\\b"])
    'M&E Unit\nFinance\\nand admin\n\\e\na\\\\b'
    >>> split_texts(join_texts(["M&E Unit", "Finance\nand admin", "", "a\\b"]))
    ('M&E Unit', 'Finance\nand admin', '', 'a\\b')
    """
    return "\n".join(_escape_item(item) for item in items)


def _escape_item(item: str) -> str:
    if not item:
        return "\\e"
    return item.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


_ITEM_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_ITEM_ESCAPES = {"\\": "\\", "n": "\n", "r": "\r"}


def split_texts(cell: str) -> tuple[str, ...]:
    """The texts :func:`join_texts` joined into ``cell``.

    Args:
        cell: The cell's text.

    Returns:
        The texts; none for an empty cell.

    Raises:
        ValueError: A backslash followed by something the rules do not define.

    >>> split_texts("")
    ()
    >>> split_texts("\\\\e")
    ('',)
    """
    if not cell:
        return ()
    return tuple(_unescape_item(line) for line in cell.split("\n"))


def _unescape_item(line: str) -> str:
    if line == "\\e":
        return ""
    if "\\" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        try:
            return _ITEM_ESCAPES[match.group(1)]
        except KeyError:
            raise ValueError(f"unknown escape \\{match.group(1)} in {line!r}") from None

    if line.endswith("\\") and not line.endswith("\\\\"):
        raise ValueError(f"a lone backslash ends {line!r}")
    return _ITEM_ESCAPE_RE.sub(replace, line)


# ---------------------------------------------------------------------------
# Writing


def _location_json(location: Location | None) -> str:
    """A location as a JSON object (the JSON format's own), or ``""`` for none."""
    if location is None:
        return ""
    return json.dumps(_CONVERTER.unstructure(location, Location), ensure_ascii=False)


def _label(member: enum.Enum | None) -> str:
    if member is None:
        return ""
    label = getattr(member, "label", None)
    return label if isinstance(label, str) else str(member.value)


def _due_cells(due: Due | None) -> list[CellValue]:
    if due is None:
        return ["", "", "", ""]
    return [due.text, due.start.isoformat(), due.end.isoformat(), due.precision.value]


class _Rows:
    """The rows of every sheet, built from a document in document order."""

    def __init__(self) -> None:
        self.rows: dict[str, list[list[CellValue]]] = {name: [] for name in SHEETS}
        self._counters: dict[str, int] = {}

    def new_id(self, prefix: str) -> str:
        self._counters[prefix] = self._counters.get(prefix, 0) + 1
        return f"{prefix}{self._counters[prefix]}"

    def add(self, sheet: str, row: list[CellValue]) -> None:
        self.rows[sheet].append(row)

    def add_extra(self, owner: str, extra: Mapping[str, str]) -> None:
        for key, value in extra.items():
            self.add("Extra", [owner, key, value])

    def document(self, doc: Document) -> None:
        for evaluation in doc.evaluations:
            self.evaluation(evaluation)
        for meeting in doc.meetings:
            self.meeting(meeting)
        for report in doc.reports:
            self.report(report)
        for plan in doc.plans:
            ident = self.new_id("PLN")
            self.add("Plans", [ident, plan.title, _location_json(plan.origin)])
            self.add_extra(ident, plan.extra)
            for action in plan.actions:
                self.action(action, ident)
        for problem in doc.problems:
            self.add(
                "Problems",
                [
                    problem.code,
                    problem.severity.value,
                    problem.message,
                    _location_json(problem.location),
                    str(problem.location) if problem.location is not None else "",
                ],
            )

    def evaluation(self, evaluation: Evaluation) -> None:
        ident = self.new_id("EV")
        self.add(
            "Evaluations",
            [
                ident,
                evaluation.title,
                evaluation.office,
                evaluation.country,
                evaluation.period,
                evaluation.approval,
                evaluation.summary,
                _location_json(evaluation.origin),
            ],
        )
        self.add_extra(ident, evaluation.extra)
        for recommendation in evaluation.recommendations:
            rec_id = self.new_id("REC")
            response = recommendation.response
            self.add(
                "Recommendations",
                [
                    rec_id,
                    ident,
                    recommendation.ref,
                    recommendation.text,
                    recommendation.group,
                    response.text,
                    _label(response.category),
                    response.category_text,
                    response.description,
                    join_texts(response.thematic_areas),
                    join_texts(response.operating_principles),
                    join_texts(response.organisational_priorities),
                    join_texts(response.uneg_criteria),
                    _location_json(recommendation.origin),
                ],
            )
            for action in recommendation.actions:
                self.action(action, rec_id)

    def action(self, action: Action, parent: str) -> None:
        ident = self.new_id("ACT")
        kind = "action"
        deemed: bool | None = None
        schedule, delay_reasons, recommendations = "", "", ""
        if isinstance(action, Decision):
            kind, deemed = "decision", action.deemed_consent
        elif isinstance(action, Activity):
            kind = "activity"
            schedule = _label(action.schedule)
            delay_reasons, recommendations = action.delay_reasons, action.recommendations
        self.add(
            "Actions",
            [
                ident,
                parent,
                kind,
                action.ref,
                action.text,
                join_texts(action.responsible),
                *_due_cells(action.due),
                action.due_text,
                _label(action.status),
                action.status_text,
                action.comments,
                action.scope,
                action.group,
                deemed,
                schedule,
                delay_reasons,
                recommendations,
                _location_json(action.origin),
            ],
        )
        for update in action.updates:
            self.add("Updates", [ident, update.text, *_due_cells(update.on)])
        self.add_extra(ident, action.extra)

    def meeting(self, meeting: Meeting) -> None:
        ident = self.new_id("MTG")
        self.add(
            "Meetings",
            [
                ident,
                meeting.title,
                meeting.organiser,
                meeting.date.isoformat() if meeting.date is not None else "",
                meeting.starts.isoformat() if meeting.starts is not None else "",
                meeting.ends.isoformat() if meeting.ends is not None else "",
                meeting.when_text,
                meeting.venue,
                join_texts(meeting.chair),
                join_texts(meeting.participants),
                meeting.attendance,
                meeting.attendance_count,
                join_texts(meeting.themes),
                join_texts(meeting.key_points),
                _location_json(meeting.origin),
            ],
        )
        self.add_extra(ident, meeting.extra)
        for item in meeting.agenda:
            self.add(
                "Agenda",
                [
                    self.new_id("AGD"),
                    ident,
                    item.ref,
                    item.title,
                    item.text,
                    _location_json(item.origin),
                ],
            )
        for decision in meeting.decisions:
            self.action(decision, ident)

    def report(self, report: ProgressReport) -> None:
        ident = self.new_id("RPT")
        self.add(
            "Reports",
            [
                ident,
                report.title,
                report.working_group,
                *_due_cells(report.period),
                report.period_text,
                _location_json(report.origin),
            ],
        )
        self.add_extra(ident, report.extra)
        for activity in report.activities:
            self.action(activity, ident)
        for indicator in report.indicators:
            self.indicator(indicator, ident)
        for answer in report.answers:
            self.add(
                "Answers",
                [
                    self.new_id("ANS"),
                    ident,
                    answer.question,
                    answer.answer,
                    answer.text,
                    _location_json(answer.origin),
                ],
            )

    def indicator(self, indicator: Indicator, parent: str) -> None:
        ident = self.new_id("IND")
        self.add(
            "Indicators",
            [
                ident,
                parent,
                indicator.ref,
                indicator.text,
                *_due_cells(indicator.timeframe),
                indicator.timeframe_text,
                indicator.status,
                indicator.constraints,
                indicator.recommendations,
                _location_json(indicator.origin),
            ],
        )
        self.add_extra(ident, indicator.extra)
        for target in indicator.targets:
            self.indicator(target, ident)


def _write_sheet(
    workbook: openpyxl.Workbook, title: str, columns: Sequence[str], rows: list[list[CellValue]]
) -> None:
    sheet: Any = workbook.create_sheet(title)  # the stubs lack write-only sheets' attributes
    widths = [_width(column) for column in columns]
    for index, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = width
        if column not in _UNWRAPPED:
            dimension.alignment = WRAP  # rows added by hand wrap too
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    _format(sheet, title, columns, len(rows) + 1 + SPARE_ROWS)
    bold = Font(bold=True)
    header: list[CellValue] = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    # Texts wrap by the workbook's default format (wrap_by_default), with no style per cell,
    # which keeps writing fast; only a JSON origin wider than its column gets a format, one
    # that keeps it on a line, made once (style_of) rather than looked up per cell.
    one_line = style_of(workbook, UNWRAPPED)
    json_columns = [
        (index, width)
        for index, (column, width) in enumerate(zip(columns, widths, strict=True))
        if column in _UNWRAPPED
    ]
    for row in rows:
        values = [
            string_cell(sheet, value)
            if isinstance(value, str) and needs_string_type(value)
            else value
            for value in row
        ]
        for index, width in json_columns:
            value = row[index]
            if isinstance(value, str) and len(value) > width:
                cell = XlCell(sheet, 1, 1, value, one_line)  # as WriteOnlyCell, styled
                cell.data_type = "s"  # whatever the text begins with
                values[index] = cell
        sheet.append(values)


def _width(column: str) -> int:
    return 48 if column in _WIDE else 24 if column in {"title", "question"} else 14


_TODAY_NUMBER = "(YEAR(TODAY())*10000+MONTH(TODAY())*100+DAY(TODAY()))"
"""Today as the number 20230131, to compare with an ISO date's digits."""


def _format(sheet: Any, title: str, columns: Sequence[str], last_row: int) -> None:
    """The sheet's dropdowns and, on Actions, the highlighting of overdue actions, from row 2
    to ``last_row``; formats only, so no cell's value changes."""
    letters = {column: f"${get_column_letter(index)}" for index, column in enumerate(columns, 1)}
    for (sheet_title, column), (enum_type, prompt) in _DROPDOWNS.items():
        if sheet_title != title:
            continue
        validation = list_validation(
            inline_list(_label(member) for member in enum_type), what=column, prompt=prompt
        )
        letter = letters[column][1:]
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.data_validations.append(validation)
    if title != "Actions":
        return
    status, end = f"{letters['status']}2", f"{letters['due_end']}2"
    kind, deemed = f"{letters['kind']}2", f"{letters['deemed_consent']}2"
    # The last day is ISO text (2023-03-31): its digits compare as a number with today's,
    # in any locale and for any year; a date typed over it by hand compares as a date.
    past = (
        f"IFERROR(IF(ISNUMBER({end}),{end}<TODAY(),"
        f'VALUE(SUBSTITUTE({end},"-",""))<{_TODAY_NUMBER}),FALSE)'
    )
    # A decision by deemed consent with no status of its own is completed once due.
    consent = f'NOT(AND({kind}="decision",{deemed}=TRUE,{status}=""))'
    formula = overdue_formula(status, [past], [consent])
    sheet.conditional_formatting.add(
        f"A2:{get_column_letter(len(columns))}{last_row}", overdue_rule(formula)
    )


def _checked(rows: dict[str, list[list[CellValue]]]) -> None:
    """Escape every text in place, and fail on one too long, before any sheet is written."""
    for title, sheet_rows in rows.items():
        for row_number, row in enumerate(sheet_rows, start=2):
            for index, value in enumerate(row):
                if isinstance(value, str):
                    row[index] = (
                        check_cell_text(value, _cell_name(title, row_number, index))
                        if value
                        else None
                    )


def _cell_name(title: str, row: int, column: int) -> Callable[[], str]:
    return lambda: f"{title}!{get_column_letter(column + 1)}{row} ({SHEETS[title][column]})"


def _save(doc: Document, stream: IO[bytes]) -> None:
    rows = _Rows()
    rows.document(doc)
    _checked(rows.rows)
    workbook = openpyxl.Workbook(write_only=True)
    wrap_by_default(workbook)
    for title, columns in SHEETS.items():
        _write_sheet(workbook, title, columns, rows.rows[title])
    marker = workbook.create_sheet(MARKER_SHEET)
    marker.sheet_state = "hidden"
    marker.append(["format", FORMAT_NAME])
    marker.append(["version", FORMAT_VERSION])
    workbook.save(stream)


def write(doc: Document, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``doc`` as govtrack's own workbook (the layout in this module's docstring).

    Args:
        doc: The document.
        target: A path (written atomically: a temporary sibling, then a rename) or a
            binary stream.

    Raises:
        WriteError: A text is longer than an Excel cell holds (the message names the
            cell), or the file cannot be written; an existing file is left whole.

    >>> import io, govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(title="Follow-up",
    ...     actions=(gt.Action(text="=Hire a consultant", due=gt.parse_due("Q1-2023")),)),))
    >>> buffer = io.BytesIO()
    >>> write(doc, buffer)
    >>> read(buffer) == doc
    True
    """
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, lambda stream: _save(doc, stream))
    else:
        _save(doc, target)


# ---------------------------------------------------------------------------
# Reading


def is_govtrack_workbook(sheet_names: Iterable[str]) -> bool:
    """Whether a workbook with these sheets is govtrack's own (it has the marker sheet).

    >>> is_govtrack_workbook(["Evaluations", "_govtrack"]), is_govtrack_workbook(["Matrix"])
    (True, False)
    """
    return MARKER_SHEET in sheet_names


class _Row:
    """One row of a sheet, by column name, with what is needed to cite a cell."""

    __slots__ = ("_columns", "_values", "file", "number", "sheet")

    def __init__(
        self,
        sheet: str,
        number: int,
        columns: dict[str, int],
        values: tuple[Any, ...],
        file: str = "",
    ) -> None:
        self.sheet = sheet
        self.number = number
        self._columns = columns
        self._values = values
        self.file = file

    def where(self, column: str) -> Location:
        index = self._columns.get(column, 0)
        return Location(
            file=self.file, sheet=self.sheet, cell=f"{get_column_letter(index + 1)}{self.number}"
        )

    def fail(self, column: str, message: str) -> FormatError:
        return FormatError(f"{self.sheet} column {column!r}: {message}", self.where(column))

    def raw(self, column: str) -> Any:
        index = self._columns.get(column)
        if index is None or index >= len(self._values):
            return None
        return self._values[index]

    def text(self, column: str) -> str:
        value = self.raw(column)
        if value is None:
            return ""
        if isinstance(value, str):
            return unescape_cell_text(value)
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.datetime) and value.time() == dt.time():
            return value.date().isoformat()
        if isinstance(value, (dt.date, dt.time)):
            return value.isoformat()
        return str(value)

    def texts(self, column: str) -> tuple[str, ...]:
        try:
            return split_texts(self.text(column))
        except ValueError as error:
            raise self.fail(column, str(error)) from None

    def date(self, column: str) -> dt.date | None:
        value = self.raw(column)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(self.text(column))
        except ValueError:
            raise self.fail(column, f"expected a date such as 2021-07-31, got {value!r}") from None

    def time(self, column: str) -> dt.time | None:
        value = self.raw(column)
        if value is None or value == "":
            return None
        if isinstance(value, dt.time):
            return value
        try:
            return dt.time.fromisoformat(self.text(column))
        except ValueError:
            raise self.fail(column, f"expected a time such as 14:30:00, got {value!r}") from None

    def boolean(self, column: str) -> bool | None:
        value = self.raw(column)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return value
        word = self.text(column).strip().casefold()
        if word in {"true", "yes", "1"}:
            return True
        if word in {"false", "no", "0"}:
            return False
        raise self.fail(column, f"expected TRUE or FALSE, got {value!r}")

    def integer(self, column: str) -> int | None:
        value = self.raw(column)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        try:
            return int(self.text(column))
        except ValueError:
            raise self.fail(column, f"expected a whole number, got {value!r}") from None

    def member(self, column: str, enum_type: type[_E]) -> _E | None:
        word = self.text(column)
        if not word:
            return None
        for member in enum_type:
            if word in {_label(member), member.value}:
                return member
        parse = getattr(enum_type, "parse", None)
        found = parse(word) if parse is not None else None
        if isinstance(found, enum_type):
            return found
        allowed = ", ".join(_label(member) for member in enum_type)
        raise self.fail(column, f"expected one of {allowed}, got {word!r}")

    def due(self, column: str) -> Due | None:
        precision_word = self.text(f"{column}_precision")
        if not precision_word:
            return None
        try:
            precision = Precision(precision_word)
        except ValueError:
            allowed = ", ".join(member.value for member in Precision)
            raise self.fail(
                f"{column}_precision", f"expected one of {allowed}, got {precision_word!r}"
            ) from None
        start = self.date(f"{column}_start")
        end = self.date(f"{column}_end")
        if start is None or end is None:
            raise self.fail(f"{column}_start", "a deadline with a precision needs start and end")
        try:
            return Due(text=self.text(column), start=start, end=end, precision=precision)
        except ValueError as error:
            raise self.fail(f"{column}_end", str(error)) from None

    def location(self, column: str) -> Location | None:
        text = self.text(column)
        if not text:
            return None
        try:
            location: Location = _CONVERTER.structure(json.loads(text), Location)
        except (json.JSONDecodeError, cattrs.BaseValidationError, ValueError, TypeError):
            raise self.fail(
                column,
                'expected a JSON object such as {"sheet": "Matrix", "cell": "I9"} '
                f"with keys file, sheet, cell, line, header, columns; got {text!r}",
            ) from None
        return location


def _values(workbook: Any, title: str, budget: RowBudget) -> Iterator[Sequence[Any]]:
    """A sheet's rows from row 1, within the budget; what openpyxl raises on a broken sheet
    becomes a FormatError."""
    sheet = workbook[title]
    reset = getattr(sheet, "reset_dimensions", None)
    if reset is not None:
        reset()  # the declared dimension may say A1:A1, or A1:K1048576
    try:
        yield from budget.take(sheet.iter_rows(values_only=True), title)
    except BROKEN_SHEET_ERRORS as error:
        if isinstance(error, GovtrackError):
            raise
        raise FormatError(f"{budget.name}: sheet {title!r} cannot be read ({error})") from None


def _sheet_rows(
    workbook: Any, title: str, problems: list[Issue], budget: RowBudget, file: str = ""
) -> list[_Row]:
    if title not in workbook.sheetnames:
        raise FormatError(f"govtrack workbook: the sheet {title!r} is missing")
    rows = _values(workbook, title, budget)
    header = next(rows, ())
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        if name is None or name == "":
            continue
        key = str(name).strip()
        if key in SHEETS[title]:
            columns[key] = index
        else:
            problems.append(
                Issue(
                    code="GT290",
                    message=f"column {key!r} is not part of the govtrack workbook layout; "
                    "its cells were not read",
                    location=Location(
                        file=file, sheet=title, cell=f"{get_column_letter(index + 1)}1"
                    ),
                    severity=Severity.WARNING,
                )
            )
    missing = [
        name
        for name in SHEETS[title]
        if name not in columns and (title, name) not in _READ_ONLY_COLUMNS
    ]
    if missing:
        raise FormatError(
            f"govtrack workbook: the sheet {title!r} lacks the column(s) {', '.join(missing)}",
            Location(file=file, sheet=title, cell="A1"),
        )
    found = []
    for number, values in enumerate(rows, start=2):
        if all(value is None or value == "" for value in values):
            continue
        found.append(_Row(title, number, columns, tuple(values), file))
    return found


class _Children:
    """Rows grouped by the id in their parent column; every group must be claimed."""

    def __init__(self, rows: list[_Row], column: str) -> None:
        self._column = column
        self._groups: dict[str, list[_Row]] = {}
        for row in rows:
            self._groups.setdefault(row.text(column), []).append(row)

    def take(self, parent: str) -> list[_Row]:
        return self._groups.pop(parent, [])

    def check_claimed(self) -> None:
        for parent, rows in self._groups.items():
            row = rows[0]
            raise row.fail(
                self._column, f"refers to {parent!r}, which is no record of this workbook"
            )


class _Reader:
    def __init__(self, workbook: Any, budget: RowBudget, file: str = "") -> None:
        self.problems: list[Issue] = []
        rows = {
            title: _sheet_rows(workbook, title, self.problems, budget, file) for title in SHEETS
        }
        self.rows = rows
        self.extra = _Children(rows["Extra"], "owner")
        self.updates = _Children(rows["Updates"], "action")
        self.actions = _Children(rows["Actions"], "parent")
        self.recommendations = _Children(rows["Recommendations"], "evaluation")
        self.agenda = _Children(rows["Agenda"], "meeting")
        self.indicators = _Children(rows["Indicators"], "parent")
        self.answers = _Children(rows["Answers"], "report")
        self._seen: set[str] = set()

    def ident(self, row: _Row) -> str:
        ident = row.text("id")
        if not ident:
            raise row.fail("id", "every row needs an id")
        if ident in self._seen:
            raise row.fail("id", f"the id {ident!r} is used twice")
        self._seen.add(ident)
        return ident

    def extra_of(self, ident: str) -> FrozenMap:
        return FrozenMap((row.text("key"), row.text("value")) for row in self.extra.take(ident))

    def document(self) -> Document:
        evaluations = tuple(self.evaluation(row) for row in self.rows["Evaluations"])
        meetings = tuple(self.meeting(row) for row in self.rows["Meetings"])
        reports = tuple(self.report(row) for row in self.rows["Reports"])
        plans = tuple(
            ActionPlan(
                title=row.text("title"),
                actions=self.actions_of(ident := self.ident(row)),
                extra=self.extra_of(ident),
                origin=row.location("origin"),
            )
            for row in self.rows["Plans"]
        )
        problems = tuple(
            Issue(
                code=row.text("code"),
                severity=row.member("severity", Severity) or Severity.WARNING,
                message=row.text("message"),
                location=row.location("location"),
            )
            for row in self.rows["Problems"]
        )
        for children in (
            self.extra,
            self.updates,
            self.actions,
            self.recommendations,
            self.agenda,
            self.indicators,
            self.answers,
        ):
            children.check_claimed()
        return Document(
            evaluations=evaluations,
            meetings=meetings,
            reports=reports,
            plans=plans,
            problems=problems + tuple(self.problems),
        )

    def evaluation(self, row: _Row) -> Evaluation:
        ident = self.ident(row)
        return Evaluation(
            title=row.text("title"),
            office=row.text("office"),
            country=row.text("country"),
            period=row.text("period"),
            approval=row.text("approval"),
            summary=row.text("summary"),
            recommendations=tuple(
                self.recommendation(child) for child in self.recommendations.take(ident)
            ),
            extra=self.extra_of(ident),
            origin=row.location("origin"),
        )

    def recommendation(self, row: _Row) -> Recommendation:
        ident = self.ident(row)
        return Recommendation(
            text=row.text("text"),
            ref=row.text("ref"),
            group=row.text("group"),
            response=ManagementResponse(
                text=row.text("response"),
                category=row.member("category", ResponseCategory),
                category_text=row.text("category_text"),
                description=row.text("description"),
                thematic_areas=row.texts("thematic_areas"),
                operating_principles=row.texts("operating_principles"),
                organisational_priorities=row.texts("organisational_priorities"),
                uneg_criteria=row.texts("uneg_criteria"),
            ),
            actions=self.actions_of(ident),
            origin=row.location("origin"),
        )

    def actions_of(self, parent: str) -> tuple[Action, ...]:
        return tuple(self.action(row) for row in self.actions.take(parent))

    def action(self, row: _Row) -> Action:
        ident = self.ident(row)
        fields: dict[str, Any] = {
            "text": row.text("text"),
            "ref": row.text("ref"),
            "responsible": row.texts("responsible"),
            "due": row.due("due"),
            "due_text": row.text("due_text"),
            "status": row.member("status", Status),
            "status_text": row.text("status_text"),
            "comments": row.text("comments"),
            "updates": tuple(
                Update(text=update.text("text"), on=update.due("on"))
                for update in self.updates.take(ident)
            ),
            "scope": row.text("scope"),
            "group": row.text("group"),
            "extra": self.extra_of(ident),
            "origin": row.location("origin"),
        }
        kind = row.text("kind") or "action"
        if kind == "action":
            return Action(**fields)
        if kind == "decision":
            return Decision(**fields, deemed_consent=bool(row.boolean("deemed_consent")))
        if kind == "activity":
            return Activity(
                **fields,
                schedule=row.member("schedule", ScheduleStatus),
                delay_reasons=row.text("delay_reasons"),
                recommendations=row.text("recommendations"),
            )
        raise row.fail("kind", f"expected action, decision or activity, got {kind!r}")

    def meeting(self, row: _Row) -> Meeting:
        ident = self.ident(row)
        starts, ends = row.time("starts"), row.time("ends")
        if (
            starts is not None
            and ends is not None
            and (starts.utcoffset() is None) != (ends.utcoffset() is None)
        ):
            raise row.fail(
                "ends",
                f"expected a time with a time zone or none as starts has, got "
                f"{starts.isoformat()} and {ends.isoformat()} (they cannot be compared)",
            )
        attendance_count = row.integer("attendance_count")
        if attendance_count is not None and attendance_count < 0:
            raise row.fail(
                "attendance_count",
                f"expected a number of people from 0, got {attendance_count}",
            )
        return Meeting(
            title=row.text("title"),
            organiser=row.text("organiser"),
            date=row.date("date"),
            starts=starts,
            ends=ends,
            when_text=row.text("when_text"),
            venue=row.text("venue"),
            chair=row.texts("chair"),
            participants=row.texts("participants"),
            attendance=row.text("attendance"),
            attendance_count=attendance_count,
            agenda=tuple(
                AgendaItem(
                    text=item.text("text"),
                    ref=item.text("ref"),
                    title=item.text("title"),
                    origin=item.location("origin"),
                )
                for item in self._with_ids(self.agenda.take(ident))
            ),
            themes=row.texts("themes"),
            key_points=row.texts("key_points"),
            decisions=self._decisions(self.actions_of(ident)),
            extra=self.extra_of(ident),
            origin=row.location("origin"),
        )

    @staticmethod
    def _decisions(actions: tuple[Action, ...]) -> tuple[Decision, ...]:
        # A meeting holds decisions; an action of another kind there is kept as it is.
        return actions  # type: ignore[return-value]  # the workbook keeps each record's class

    def _with_ids(self, rows: list[_Row]) -> Iterator[_Row]:
        for row in rows:
            self.ident(row)
            yield row

    def report(self, row: _Row) -> ProgressReport:
        ident = self.ident(row)
        activities = self.actions_of(ident)
        return ProgressReport(
            title=row.text("title"),
            working_group=row.text("working_group"),
            period=row.due("period"),
            period_text=row.text("period_text"),
            activities=activities,  # type: ignore[arg-type]  # each record keeps its class
            indicators=tuple(self.indicator(child, 0) for child in self.indicators.take(ident)),
            answers=tuple(
                Answer(
                    question=answer.text("question"),
                    answer=answer.boolean("answer"),
                    text=answer.text("text"),
                    origin=answer.location("origin"),
                )
                for answer in self._with_ids(self.answers.take(ident))
            ),
            extra=self.extra_of(ident),
            origin=row.location("origin"),
        )

    def indicator(self, row: _Row, depth: int) -> Indicator:
        ident = self.ident(row)
        if depth > 100:
            raise row.fail("parent", "indicators nest more than 100 deep")
        return Indicator(
            text=row.text("text"),
            ref=row.text("ref"),
            timeframe=row.due("timeframe"),
            timeframe_text=row.text("timeframe_text"),
            status=row.text("status"),
            constraints=row.text("constraints"),
            recommendations=row.text("recommendations"),
            targets=tuple(
                self.indicator(child, depth + 1) for child in self.indicators.take(ident)
            ),
            extra=self.extra_of(ident),
            origin=row.location("origin"),
        )


def read(
    source: str | os.PathLike[str] | IO[bytes], *, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Read govtrack's own workbook (written by :func:`write`) back into the Document.

    Args:
        source: A path or a binary stream.
        limits: Rows, cells and cell length to accept (:class:`govtrack.Limits`).

    Returns:
        The Document, equal to the one written, origins included; its ``source`` is
        the path when one was given.

    Raises:
        FormatError: The workbook is not govtrack's layout, or a newer version of it,
            or a cell does not hold what its column needs (the message names the cell).

    >>> import io, govtrack as gt
    >>> buffer = io.BytesIO()
    >>> write(gt.Document(meetings=(gt.Meeting(title="Review workshop",
    ...     chair=("Chair, Cabinet Division",)),)), buffer)
    >>> read(buffer).meetings[0].chair
    ('Chair, Cabinet Division',)
    """
    if not isinstance(source, (str, os.PathLike)):
        return _read_stream(source, "workbook", limits)
    # The path is opened here: openpyxl refuses one whose suffix is not .xlsx (a workbook
    # saved as .txt), and leaks its zip when it fails.
    try:
        with Path(source).open("rb") as stream:
            document = _read_stream(stream, str(Path(source)), limits, file=str(Path(source)))
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        raise read_error(source, error, folder="give a workbook, not a folder") from None
    return Document(
        evaluations=document.evaluations,
        meetings=document.meetings,
        reports=document.reports,
        plans=document.plans,
        problems=document.problems,
        source=str(Path(source)),
    )


def _read_stream(stream: IO[bytes], name: str, limits: Limits, *, file: str = "") -> Document:
    """Read govtrack's own workbook from an open binary stream; see :func:`read`. ``name``
    names the workbook in messages; ``file`` is the ``Location.file`` of its problems (a
    path as given; none for a stream)."""
    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=False)
    except (
        OSError, KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile, zlib.error,
        InvalidFileException, ParseError,
    ) as error:  # fmt: skip
        raise FormatError(f"not an Excel workbook govtrack can open: {one_line(error)}") from None
    budget = RowBudget(limits, name)
    try:
        if MARKER_SHEET not in workbook.sheetnames:
            raise FormatError(f"not govtrack's workbook layout: it has no {MARKER_SHEET} sheet")
        marker = {
            str(row[0]): row[1]
            for row in _values(workbook, MARKER_SHEET, budget)
            if len(row) >= 2 and row[0] is not None
        }
        if marker.get("format") != FORMAT_NAME:
            raise FormatError(
                f"the {MARKER_SHEET} sheet names the format {marker.get('format')!r}, "
                f"not {FORMAT_NAME!r}"
            )
        version = marker.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise FormatError(
                f"govtrack workbook version {version!r} is invalid: a version is a whole "
                f"number from 1 (this govtrack reads 1 to {FORMAT_VERSION})"
            )
        if version > FORMAT_VERSION:
            raise FormatError(
                f"govtrack workbook version {version!r} is not one this govtrack reads "
                f"(1 to {FORMAT_VERSION}); upgrade govtrack"
            )
        return _Reader(workbook, budget, file).document()
    finally:
        workbook.close()
