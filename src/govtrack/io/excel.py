"""Read partner spreadsheets (``.xlsx``, ``.xlsm``) into a :class:`~govtrack.Document`.

:func:`load` streams every sheet (openpyxl read-only mode, cached values,
formulas never evaluated), finds each sheet's header row under any title
rows, tells the layout from the columns it recognises, and builds records.
What it cannot interpret stays on the records as text and becomes a Problem
with its cell (``Matrix!E14 (Deadline)``); it raises only when the file is
not a workbook or no sheet has a header it recognises.

Layouts, told apart by the columns found:

=====================  ===============================================  =======================
layout                 columns that tell it                             becomes
=====================  ===============================================  =======================
management response    Recommendation (or Rec #, Management response)   one Evaluation per sheet
                       and Key action
progress (work plan)   Activity with On / Behind schedule or            ProgressReport.activities
                       Reasons for delay
indicator table        Indicator, without an action column              ProgressReport.indicators
                                                                        (yes/no questions: answers)
action matrix          Action (Key action, Action point, …)             ActionPlan
decision log           Decision (Decisions, Agreed action, …)           ActionPlan
govtrack's workbook    a sheet named ``_govtrack``                      read by ``excel_workbook``
=====================  ===============================================  =======================

A decision log becomes an :class:`~govtrack.ActionPlan`, not a
:class:`~govtrack.Meeting`: a sheet of decisions carries no meeting date,
venue or chair, and its rows behave as actions (owner, deadline, status).

**Columns.** Headers are compared after
:func:`~govtrack.io.columns.normalise_header` (case, spaces, non-breaking
spaces, line breaks, punctuation and ``(s)`` folded; ``N°`` is ``No``) against
:data:`~govtrack.io.columns.ALIASES`; ``aliases={"deadline": ["Target
quarter"]}`` adds more. A header joining aliases with ``/`` is read as their
column when they all name one (``Remarks/Comments``); when they name different
ones (``Status/Comments``) the column is kept in ``extra`` and GT205 says so
(:func:`~govtrack.io.columns.header_key`). A hint in parentheses after a header
(``Deadline (mm/yyyy)``) does not count (:func:`~govtrack.io.columns.strip_hint`), but a
header naming its column as written beats one naming it only without its hint, two of
those naming one column are both kept in ``extra``, and a bare ``Date`` beside an exact
deadline column (``Deadline``, ``Due date``) is kept in ``extra`` (GT206, :func:`_score`).
The main keys and a few of their aliases:

================  ==============================================  ==============================
key               some aliases                                    fills
================  ==============================================  ==============================
rec_ref           Rec #, Recommendation no (No, #: see below)     Recommendation.ref
recommendation    Recommendation                                  Recommendation.text
response          Management response                             ManagementResponse.text
category          Category, Management response category          ManagementResponse.category
ref               Action #, No, No., N°, #, S/N                   Action.ref
action            Key action, Action, Decision, Activity          Action.text (``KAZ:`` → scope)
responsible       Responsible unit(s), Lead, Focal point          Action.responsible
deadline          Deadline, Time-frame, Due date, Target date     Action.due / due_text
revised_deadline  Revised deadline, New deadline, Extended to     Action.due when filled
status            Status, Status of implementation                Action.status / status_text
comments          Comments, Remarks, Comments/Updates             Action.comments
updates           Updates                                         Action.updates
scope, group      Country / Office, Section / Theme               Action.scope, Action.group
schedule_on,      On schedule, Behind schedule (ticks:            Activity.schedule
schedule_behind   ✓ ✔ x X yes y 1 TRUE)
schedule          Schedule (words: On track, Behind)              Activity.schedule
delay_reasons     Reasons for delay                               Activity.delay_reasons
recommendations   Recommendations, TWG recommendations            ….recommendations
deemed_consent    Deemed consent (a tick: ✓ x yes 1 TRUE)          Decision.deemed_consent
indicator         Indicator, Joint monitoring indicator           Indicator.text
timeframe         Timeframe for indicator (or a Deadline column)  Indicator.timeframe
constraints       Constraints, Challenges                         Indicator.constraints
================  ==============================================  ==============================

Any other column is kept verbatim in ``Action.extra`` under its header (for
indicators, which have no ``extra``, in ``ProgressReport.extra`` as
``"Header (Cell)"``).

A numbering column that does not say whose number it is (``No``, ``No.``,
``N°``, ``#``, ``Ref``, ``S/N``: :data:`~govtrack.io.columns.NUMBERING_HEADERS`)
numbers the key actions, except in a management-response matrix with no Rec #
column where it stands left of the recommendation (or response) text: there it
is the recommendation's ref, and a second ref column (``Action #``, another
``No``) the key actions', as long as the number changes together with the
recommendation's text. A number that changes while the text stays the same,
blank or merged (``1``, ``2``, ``3`` beside one recommendation) numbers the key
actions: the column is read as their refs, in the rows above as in those below,
each recommendation's number going to the key action on its row (GT221); when
they have refs of their own (an ``Action #`` column) it is kept in ``extra``
(GT222). A number on a row with no key action stays the recommendation's. An
outline number extending the recommendation's (``1.1`` under ``1``) is the ref
of the key action on its row. With no recommendation column, only a blank or
merged response ties rows: the same response word for word (``Agreed.``) does
not. Until the rows tell, the recommendations read are held, and
:func:`iter_actions` yields their key actions when they do (or, streaming, after
2,000 rows, when the numbers are taken for the recommendations', GT224). Once the rows
have shown
the numbers numbering the recommendations, a number changing under the same
text is reported (GT222) and starts a new recommendation.

**Refs inside action texts.** A row with no ref of its own (no ref column,
or an empty ref cell) whose action text starts with a ref and one space
(``1.2. Train staff``, ``a) Draft terms``) takes the ref, as written, into
``Action.ref`` and the rest as its text, so ``f"{ref} {text}"`` is the cell
(after a ``KAZ:`` scope); the first such row of a table is reported (GT220).
List markers (``1.``, ``1)``, ``1.2.``, ``(1)``, ``a)``, ``(a)``, ``a.``, ``A)``,
``(ii)``) are read as they come. A bare dotted number (``1.1``) is how a decimal
starts a sentence, so it is a ref only when no quantity word follows it
(``1.5 million``, ``2.5 km``) and it fits the table: under a recommendation
with a numeric ref it extends that ref (``3.1`` under ``3``), elsewhere it comes
next in an outline after the last ref read (``1.2`` after ``1.1``, ``2.1``
after ``1.3``) or, with none before, starts one (``1.1``). ``2023 survey``, ``3
workshops``, a date, ``10.`` alone and a ref followed by a line break or two
spaces are left whole. Rows govtrack wrote (its matrix's hidden helper column
holds a value) are never split: their empty refs are meant.

**Scopes inside action texts.** In a table with no Scope column, an action text
that starts with two to four capitals and a colon (``KAZ: Chair the group``,
``UZ: Map shelters``) gives ``Action.scope`` and the rest its text, unless the
capitals are a note word or a function (``NB``, ``TBC``, ``HR``, ``ICT``:
:data:`~govtrack.io._refs.NOT_SCOPES`); the first such row of a table is
reported (GT227). A table with a Scope column keeps every text whole. The text
matrix reader shares the rule (:func:`~govtrack.io._refs.split_scope`). It is
applied row by row, not only when several rows carry prefixes: the reader streams,
and one prefix in a table is as much a scope as many.

**Header row.** Of the first :data:`HEADER_SCAN_ROWS` rows, the one naming most columns
(one an action, indicator or recommendation) is the header, the first of equals; a row right
under it that divides its merged cells makes a two-row header (GT225). The rows above it are
title rows, never dropped; a later header row in the rows starts another table. When a
second table's header names more columns than the first's, the first's header is still the
header (:func:`_first_table`): a row whose cells all name columns, one an action, with a row of
text under it before the wider one, which passes the same test. A sheet whose first rows hold
no header is not read (GT201): a warning, unless a row names two columns or more but no main
one (``Item | Scheduled task | Owner | Due date | Status``), a header whose main column
govtrack does not know, whose records are lost: then an error at that row's first unknown
header, naming the columns it found.

**Title rows.** Above the header, each label cell (``Period:``) or ``Label: value`` cell
starts a pair, several to a row if need be, a range's ``From:`` and ``To:`` being part of
the pair before them (:func:`_title_pairs`); a pair fills the record's field of that name
or goes to its ``extra`` under its label; the first row without a label is the title, else
the sheet's name (texts an empty cell apart are separate pieces, the first the title, the
others kept in ``extra``; the template's ``Management response matrix`` label with a text
beside it labels the title). A lone text right above a header row further down is that
table's title.

**Rows.** Blank rows are skipped. In a management-response matrix the
recommendation columns (Rec #, Recommendation, Management response,
Category) are filled down: a row whose recommendation cells are empty (or
covered by a merged cell), or repeat the recommendation above with some left
blank, belongs to that recommendation. A merged cell shows its value on
every row it covers, so in the Responsible, Deadline, Status, Scope and Group
columns a range merged down gives its value to each row under it (an empty
cell that is not merged stays empty: nothing else is filled down). A range
merged down in any other column (Key action, Comments, a column kept in
``extra``) is a problem (GT211), its value kept on the first row only: a
comment or a text is not copied into several records. With no Category
column, a response that opens with a category word (``Partially accepted. …``)
gives the category, its text whole.
A row with a single short text (in the first or the
main column, or merged across) is a section row: it becomes the ``group`` of
what follows. A single text beginning ``Note``, ``Source``, ``NB`` or ``*``
is a note: kept in the container's ``extra`` under its cell and reported
(GT212). A lone cell below a blank row in any other column but the
action's (or indicator's, recommendation's), a Comments or Updates column or a recommendation's
(``Signed: ____`` under Responsible, ``Page 1 of 2`` under Status) is a note too, not an
action with no text. A note ``Legend`` (or ``Key`` alone) opens a legend: the rows under it
pairing a status, category or schedule word or a colour with its meaning
(``Completed | Fully done``, nothing else) are kept in ``extra`` as ``Legend
<cell>`` (GT212), up to the first row that is not such a pair, even when their cells
name columns (``On track | Key action``). A row with no
action text whose cells are short labels then counts (``Summary | Completed |
0``) is a tally (GT212), unless a cell is one an action has: a deadline that
reads or looks like one (``Q3``, ``TBD``), a comment, a party, a ref, a
recommendation's text. A row whose only cells but the recommendation's are its
Comments (Updates) goes on with the action right above it (or above a run of such
rows, at most 50), joined with a line break (GT230); on a recommendation with no
key action, below a gap, under a section, note or tally row, or past the fiftieth,
it is kept in the container's ``extra``
under ``<header> <cell>`` (GT230): no action is made of it. In a work-plan
sheet an implementation status that is not a status word is a narrative when
:func:`status_narrative` says so (more than three words, a sentence, a verb or
linking word after the first: ``Postponed to August``): it goes to
``comments`` (or, when the sheet also has a comments column, to ``extra``); a
short unknown word (``Stalled``, ``On hold``) stays in ``status_text`` (GT101),
as on every other sheet.

**Notes.** A cell's note (an Excel comment, read from the sheet's comments
part by ``govtrack.io._notes``, whichever the engine) on a row that becomes an
action (key action, decision, activity, indicator) is kept in its ``extra``
under ``Note: <the column's header>`` (``Note: <cell>`` in a column with no
header; the cell is added when the key is taken), its text as written, the
author line Excel puts at its top included; one GT228 per sheet says so. A
note anywhere else (title rows, the header row, a recommendation's cell, a
section or note row, outside the table's columns, a sheet not read, govtrack's
own workbook) is on no record: a GT229 warning quotes it whole. govtrack's own
notes in an annotated copy (author ``govtrack``, or the part after a
``— govtrack:`` line) are not read.

**Dates.** Date cells become a day, but for a cell whose number format shows
no day: ``mmm-yy``, ``mmmm yyyy`` or ``mm/yyyy`` make it its month (due text
``Jul 2023``, ``July 2023``, ``07/2023``), ``yyyy`` its year; text is read by
:func:`~govtrack.parse_due` (``dayfirst=`` decides ``03/04/2024``; left as
None an ambiguous day is GT208, not a guess); a General-formatted number is a
year (1900–2100) or a day serial (honouring the 1904 epoch). An unreadable
deadline stays in ``Action.due_text`` and an unknown status word in
``status_text``: :func:`~govtrack.validate` reports those (GT104, GT101).

**Revised deadlines.** A filled Revised deadline cell is the deadline, the
original kept in ``extra`` (under its header when it says ``Original``, else
under ``<header> (original)``); an empty one leaves the original. A deadline
cell ``Dec 2022 (revised: Jun 2023)`` (``revised to``, ``extended to``) or
``Jun 2023 (revised)`` is due on the revised date, the cell kept in ``extra``
as ``<header> (as written)`` (GT226 for the first of a table). A header cell
merged across columns over a row of sub-headers (``Deadline`` over
``Original`` | ``Revised``) makes a two-row header (GT225).

**Status rounds.** With no plain Status column, status columns dated in their headers
(``Status (Dec 2022) | Status (Jun 2023)``, ``Status as of 31/12/2022``, ``Implementation
status - Dec 2022``, ``Progress June 2023``: a column per follow-up round) are ordered by
their dates (``dayfirst=`` deciding a numeric one): the latest is the status column, each
earlier round's cell an :class:`~govtrack.Update` of the action dated as its header, oldest
first, before an Updates column's; a row whose latest round is empty takes its status from
the latest it fills (GT231). Rounds whose dates cannot be ordered (unread, ambiguous, or
ending on one day) are kept in ``extra`` and no status is read (GT232). An undated status
column beside the rounds is the status when it says it is the newest (``Status (revised)``,
``current``, ``latest``: the dated ones are then all earlier rounds); any other (``Status
(updated)``) cannot be ordered against them (GT232). A ``Progress`` round is a status only
when most of its filled cells in the first 30 rows of its table are status
words; else each cell is an update dated as its header, its text as written (GT233). A
deadline header
whose parenthetical names a unit of duration (``Timeline (months)``, ``Timeframe (in
weeks)``) is a duration, kept in ``extra`` (GT205;
:func:`~govtrack.io.columns.duration_hint`).

**Problems** (``doc.problems``), every one with its sheet and cell:

=====  ========  ===================================================================
code   severity  meaning
=====  ========  ===================================================================
GT201  warning   a sheet with content but no header row govtrack recognises: not read (an
                 error when a row names columns but no main one: see Header row)
GT202  warning   a hidden sheet (read when it has a header; otherwise not read)
GT203  warning   a hidden row with content (read like any other)
GT204  warning   a hidden column (read like any other)
GT205  info      a column govtrack has no name for: kept verbatim in ``extra``
GT206  warning   a second column for the same field: kept in ``extra``
GT207  warning   a column the layout expects is missing
GT208  error     an ambiguous all-numeric date (kept as text; pass ``dayfirst=``)
GT209  warning   a formula with no cached value: read as empty (never evaluated)
GT210  warning   a cell holding an Excel error (``#REF!``, ``#N/A``): kept as text
GT211  warning   a range merged down outside the fill-down columns: first row only
GT212  info      a note or footer row: kept in ``extra``, not read as an action
GT213  warning   a row with data but no action (or indicator, or recommendation) text
GT214  warning   schedule ticks that contradict each other or are not ticks
GT215  info      a section row with nothing under it: kept in ``extra``
GT216  info      a repeated header row: skipped
GT217  info      what the engine noted while reading (openpyxl's warnings)
GT218  warning   a key action above the first recommendation
GT219  warning   a Deemed consent cell that is not a tick (kept in extra)
GT220  info      action refs read from the start of the action texts (once per table)
GT221  info      a No (#) column left of the recommendations numbers the key actions (once)
GT222  warning   a No (#) column left of the recommendations changes within one (see above)
GT223  warning   a table whose every row is a tally (a label and counts): not read
GT224  info      streaming: a No (#) column's role untold after 2,000 rows (taken as rec refs)
GT225  info      a two-row header: the second row sub-divides a merged header (read as header)
GT226  info      a deadline and its revision in one cell: the revised date read (once per table)
GT227  info      action scopes read from the start of the action texts (``KAZ:``; once per table)
GT228  info      cell notes on action rows: kept in their ``extra`` (once per sheet)
GT229  warning   a cell note on no action (or unreadable): quoted whole in the problem
GT230  info      a row with only Comments (Updates): joined to the action above, or kept in extra
GT231  info      dated status columns: the status read from the latest, the earlier ones as updates
GT232  warning   dated status columns whose dates cannot be ordered: none read (kept in extra)
GT233  info      dated progress columns of narratives, not statuses: read as dated updates
GT234  warning   a reporting period in a title row that cannot be read as dates (kept as text)
GT235  info      an indicator's timeframe that cannot be read as a date (kept as text)
GT236  info      a yes/no question's answer that is neither yes nor no (kept as text)
GT237  info      a row continuing the action text above, its other cells merged: read as one
GT238  warning   a lone text that may continue the action above (no merge): read as without it
GT239  warning   an action row with no ref repeating the row above cell for cell
GT240  info      a yes/no question in an indicator table's No (ref) column: read as an Answer
GT241  warning   another question in an indicator table's No (ref) column: read as the ref
GT290  warning   govtrack's own workbook: a column its layout does not have (not read)
=====  ========  ===================================================================
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import os
import re
import warnings
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar
from xml.etree.ElementTree import ParseError

import attrs
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import from_excel

from govtrack._errors import (
    AmbiguousDateError,
    DueParseError,
    FormatError,
    GovtrackError,
    UnsupportedFormatError,
)
from govtrack._gc import collector_paused
from govtrack.io import _notes, _xlsx
from govtrack.io._build import ACTION_FIELDS, new_action, new_location, new_recommendation
from govtrack.io._files import BROKEN_SHEET_ERRORS, read_error
from govtrack.io._numfmt import CellShape, DateShape, PercentShape
from govtrack.io._prose import ANSWER, QUESTION, YES_NO_START, squash
from govtrack.io._refs import LEADING_REF as _LEADING_REF
from govtrack.io._refs import REF_FIRST as _REF_FIRST
from govtrack.io._refs import REF_SECOND as _REF_SECOND
from govtrack.io._refs import outline_fits, split_scope
from govtrack.io._status_cell import (  # the rule, shared with the progress-report reader
    status_narrative as status_narrative,  # noqa: PLC0414 - re-exported: tests import it here
)
from govtrack.io.columns import (
    GENERIC_HEADERS,
    HEADERS,
    NUMBERING_HEADERS,
    duration_hint,
    header_key,
    header_match,
    header_part_keys,
    merge_aliases,
    normalise_header,
    strip_hint,
)
from govtrack.io.excel_write import (
    EXTRA_HEADER,
    HELPER_HEADER,
    INSTRUCTIONS_SHEET,
    INSTRUCTIONS_TITLE,
    LISTS_SHEET,
    PROBLEMS_HEADERS,
    TEMPLATE_HEADING,
    WORDS_HEADER,
)
from govtrack.io.limits import (
    DEFAULT_LIMITS,
    Limits,
    RowBudget,
    check_extents,
    check_workbook,
)
from govtrack.model.dates import Due, dayfirst_argument, parse_due
from govtrack.model.frozenmap import EMPTY
from govtrack.model.location import Location
from govtrack.model.records import (
    Action,
    ActionPlan,
    Activity,
    Answer,
    Decision,
    Document,
    Evaluation,
    FrozenMap,
    Indicator,
    Issue,
    ProgressReport,
    Recommendation,
    Update,
)
from govtrack.model.status import ResponseCategory, ScheduleStatus, Severity, Status
from govtrack.validate import ReadingChecks, with_reading_problems

__all__ = ["CODES", "PROGRESS_EVERY", "ProgressCallback", "iter_actions", "load"]

CODES: dict[str, tuple[Severity, str]] = {
    "GT201": (Severity.WARNING, "sheet without a recognisable header row"),
    "GT202": (Severity.WARNING, "hidden sheet"),
    "GT203": (Severity.WARNING, "hidden row"),
    "GT204": (Severity.WARNING, "hidden column"),
    "GT205": (Severity.INFO, "unknown column kept in extra"),
    "GT206": (Severity.WARNING, "duplicate column"),
    "GT207": (Severity.WARNING, "missing column"),
    "GT208": (Severity.ERROR, "ambiguous date"),
    "GT209": (Severity.WARNING, "formula without a cached value"),
    "GT210": (Severity.WARNING, "Excel error value"),
    "GT211": (Severity.WARNING, "merged range outside the fill-down columns"),
    "GT212": (Severity.INFO, "note or footer row"),
    "GT213": (Severity.WARNING, "row without action text"),
    "GT214": (Severity.WARNING, "unreadable schedule ticks"),
    "GT215": (Severity.INFO, "section row with nothing under it"),
    "GT216": (Severity.INFO, "repeated header row"),
    "GT217": (Severity.INFO, "engine note"),
    "GT218": (Severity.WARNING, "key action before any recommendation"),
    "GT219": (Severity.WARNING, "unreadable deemed-consent mark"),
    "GT220": (Severity.INFO, "action refs read from the start of the action texts"),
    "GT221": (Severity.INFO, "numbering column read as the key actions' refs"),
    "GT222": (Severity.WARNING, "numbering column that changes within a recommendation"),
    "GT223": (Severity.WARNING, "table of counts, not actions"),
    "GT224": (Severity.INFO, "numbering column's role taken untold while streaming"),
    "GT225": (Severity.INFO, "a second header row sub-dividing a merged header"),
    "GT226": (Severity.INFO, "a deadline cell giving a date and its revision"),
    "GT227": (Severity.INFO, "action scopes read from the start of the action texts"),
    "GT228": (Severity.INFO, "cell notes kept in the actions' extra"),
    "GT229": (Severity.WARNING, "cell note on no action: quoted in the problem"),
    "GT230": (Severity.INFO, "a comment-only row: joined to the action above, or kept in extra"),
    "GT231": (Severity.INFO, "status read from the latest dated status column"),
    "GT232": (Severity.WARNING, "dated status columns that cannot be ordered"),
    "GT233": (Severity.INFO, "dated progress columns read as updates"),
    "GT234": (Severity.WARNING, "unreadable reporting period"),
    "GT235": (Severity.INFO, "indicator timeframe that is not a date"),
    "GT236": (Severity.INFO, "answer neither yes nor no"),
    "GT237": (Severity.INFO, "a row continuing the action above: joined to its text"),
    "GT238": (Severity.WARNING, "a lone text that may continue the action above"),
    "GT239": (Severity.WARNING, "an action row repeating the row above"),
    "GT240": (Severity.INFO, "a yes/no question in the No column, read as an answer"),
    "GT241": (Severity.WARNING, "a question in the No column, read as the ref"),
    "GT290": (Severity.WARNING, "column outside govtrack's workbook layout"),
}
"""The workbook problem codes: code -> (severity, summary)."""

GOVTRACK_MARKER = "_govtrack"
"""The (hidden) sheet that marks govtrack's own workbook; such files go to ``excel_workbook``."""

HEADER_SCAN_ROWS = 30
"""How many rows from the top of a sheet are scored as header candidates."""

_NOWHERE = 1 << 30  # a column index no row reaches: "this column is absent"
_NO_EXTRA = FrozenMap()
_T = TypeVar("_T")
# The longest cell text that may be a header inside the data (Reader.looks_like_header).
_HEADER_CELL = 60
# How Reader.looks_like_header folds a cell's first word: N° (Nº, №) is No, and
# punctuation around the word does not count.
_NUMERO = str.maketrans({"°": "o", "º": "o", "№": "no"})
_WORD_EDGES = ".:;,()-?!*'\"[]"
# How many distinct values a per-file cache keeps (deadlines, statuses, responsible parties,
# response categories, date deadlines).
_CACHE_SIZE = 4096


class _Memo(dict[Any, Any]):
    """Values made once per distinct key by ``make``, the first :data:`_CACHE_SIZE` kept
    (a hostile file of distinct texts cannot grow it without end)."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> Any:
        value = self._make(key)
        if len(self) < _CACHE_SIZE:
            self[key] = value
        return value


# Layouts and the column keys each one reads.
_RESPONSES, _ACTIONS, _DECISIONS, _ACTIVITIES, _INDICATORS = (
    "management response",
    "action matrix",
    "decision log",
    "progress",
    "indicators",
)
_ACTION_KEYS = frozenset(
    {"ref", "action", "responsible", "deadline", "revised_deadline", "status", "comments",
     "updates", "scope", "group"}
)  # fmt: skip
_PARENT_KEYS = ("rec_ref", "recommendation", "response", "category")
# What a bare numbering column left of the recommendation turns out to number
# (_Table._judge_number): the recommendations, their key actions, or neither (kept in extra).
_BY_RECOMMENDATION, _BY_ACTION, _BY_NEITHER = "recommendations", "key actions", "neither"
# How many rows iter_actions holds, the numbering column's role untold, before it takes
# the column to number the recommendations (reported, GT224); gt.load holds the whole
# sheet anyway, and waits for the rows to tell.
_UNTOLD_MAX = 2000
_SCHEDULE_KEYS = frozenset({"schedule", "schedule_on", "schedule_behind", "delay_reasons"})
_LAYOUT_KEYS: dict[str, frozenset[str]] = {
    _RESPONSES: _ACTION_KEYS | set(_PARENT_KEYS),
    _ACTIONS: _ACTION_KEYS | {"deemed_consent"},
    _DECISIONS: _ACTION_KEYS | {"deemed_consent"},
    _ACTIVITIES: _ACTION_KEYS | _SCHEDULE_KEYS | {"recommendations"},
    _INDICATORS: frozenset(
        {"ref", "indicator", "timeframe", "deadline", "status", "constraints", "recommendations",
         "group", "target"}
    ),
}  # fmt: skip
_EXPECTED: dict[str, tuple[str, ...]] = {
    _RESPONSES: ("recommendation", "action", "responsible", "deadline", "status"),
    _ACTIONS: ("responsible", "deadline", "status"),
    _DECISIONS: ("responsible", "deadline", "status"),
    _ACTIVITIES: ("status",),
    _INDICATORS: ("timeframe", "status"),
}
_PRIMARY = frozenset({"action", "indicator", "recommendation"})
_DECISION_HEADERS = frozenset(
    normalise_header(text)
    for text in ("Decision", "Decisions", "Decision taken", "Decisions taken", "Agreed action",
                 "Agreed actions")
)  # fmt: skip

_REF_LIKE = re.compile(r"\s*(?:\d+(?:\.\d+)*|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)]?\s*")
_TOTAL = re.compile(r"\s*(?:grand\s+|sub-?\s*)?totals?\s*:?\s*", re.IGNORECASE)
"""A row's first cell saying the row totals the rows above (``Total``, ``Grand total:``)."""
_TOTAL_MAX = 20
# The comment-only rows that may go on with one action (each joins its text to the
# action's comments: past a few, a block of them is no continuation, and joining them all
# would cost time growing with the square of their number).
_MOST_JOINED = 50
# Words written in a Deadline cell for an action with no date: never a tally's label.
_PLACEHOLDER_DUE = re.compile(
    r"(?i)(?:tbd|tbc|tba|n/?a|asap|ongoing|continuous|continuing|immediate(?:ly)?|"
    r"on[- ]?going|as needed|to be (?:determined|confirmed|decided))\.?"
)
_TOTAL_INITIALS = frozenset(" \tTtGgSs")
_COUNT = re.compile(
    r"\s*\d[\d,.\s]*(?:%|(?:key\s+)?(?:actions?|items?|recommendations?|decisions?|activities"
    r"|activity|rows?|points?)\b)?\s*",
    re.IGNORECASE,
)
"""A cell that only counts (``8``, ``8 actions``, ``75%``): in the action column, with counts
beside it, the row is a tally (``Completed | 2``), not an action."""
_COUNT_MAX = 30
_LABEL_MAX = 60

_NOTE = re.compile(r"\s*(?:notes?\b|sources?\b|legend\b|n\.?\s?b\b|\*|†|‡|¹|\(\*\))", re.IGNORECASE)
_PAGE_MARK = re.compile(
    r"[(\[]?\s*(?:"
    r"(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?"
    r"|(?:to\s+be\s+)?cont(?:inued|inuation|'d|d|\.)?(?:\s+(?:from|on)\s+(?:the\s+)?"
    r"(?:previous|next|last|following)\s+page)?"
    r")\s*[)\]]?\s*[.…]*\s*",
    re.IGNORECASE,
)
"""A page or continuation marker in a row of its own (``Page 1 of 2``, ``(continued)``,
``Cont'd from previous page``): a note, never a section or a title."""
_LEGEND = re.compile(r"\s*(?:legend\b|key\s*:?\s*$)", re.IGNORECASE)
"""A note that opens a legend (``Legend``, ``Legend:``, ``Key``): the pairs under it explain
the words of the table (``Completed | Action fully implemented``)."""
_COLOURS = frozenset(
    {"red", "amber", "orange", "yellow", "green", "light green", "dark green", "blue", "grey",
     "gray", "white", "black", "purple", "pink", "brown"}
)  # fmt: skip
"""Colour names a legend may explain (a RAG rating's ``Red | Not started``)."""
_TALLY_WORD = re.compile(
    r".*\b(?:summary|totals?|status|count|number|overall|tally)\b", re.IGNORECASE
)
"""A label a tally row may hold in the Responsible column (where a name means an action)."""
_TALLY_LABEL = re.compile(
    r"\s*(?:grand\s+|sub-?)?(?:totals?|summary|overall|count|tally|status\s+summary)\s*:?\s*",
    re.IGNORECASE,
)
"""A cell that names a tally row where an action's or a recommendation's text would stand
(``Total | Completed | 1``, ``Summary`` in the Rec # column)."""
_PARTY_SPLIT = re.compile(r"\s*(?:;|\n)\s*")
_UPDATE_HEAD = re.compile(
    r"\s*(?P<on>[A-Za-z]{3,9}\.?\s+\d{2,4}|\d{4}[/-]\d{1,2}(?:[/-]\d{1,2})?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|Q[1-4][\s-]*\d{4})\s*(?:update)?\s*[:–-]\s*",
    re.IGNORECASE,
)
_DATED_UPDATE = re.compile(r"\s*(?P<on>[^:\n]{1,60}?)\s+update\s*:\s?", re.IGNORECASE)
"""A dated update as the matrix writes it: ``<deadline text> Update: text``."""
_UNDATED_HEAD = re.compile(r"\s*update\s*:\s?", re.IGNORECASE)
"""An undated update as the matrix writes it: ``Update: text``."""
_KEY_VALUE = re.compile(r"([^:\n]{1,40}):\s*(.+)", re.DOTALL)
_PAIR_CELL = re.compile(r"([^:\n]{1,40}):\s+(\S.*)", re.DOTALL)
"""A title-row cell holding a whole ``Label: value`` pair (a space after the colon, so that
``10:30`` or ``http://…`` is none)."""
_LABEL_WORDS = 3
"""The most words of a label alone on its row that is not a field's (``Prepared by:``)."""
_RANGE_STARTS = frozenset(
    {"from", "since", "start", "start date", "starting", "begin", "beginning", "du", "de",
     "desde", "del"}
)  # fmt: skip
_RANGE_ENDS = frozenset(
    {"to", "until", "till", "through", "end", "end date", "ending", "au", "à", "hasta", "al"}
)  # fmt: skip
_RANGE_WORDS = _RANGE_STARTS | _RANGE_ENDS
"""Labels of a range's ends (``From:``, ``To:``): part of the value of the pair before them."""
_TICKED = frozenset({"✓", "✔", "√", "☑", "✅", "x", "yes", "y", "true", "1", "ü", "þ", "a"})
_UNTICKED = frozenset({"no", "n", "false", "0", "-", "–", "—", "☐", "o"})
_SECTION_MAX = 120
_JOINING = re.compile(
    r"\s*(?:(?:and|or|with|including|as well as|together with|plus)\b|&)", re.IGNORECASE
)
"""Words opening a text that goes on with the sentence above (``and UNICEF``)."""
_BRACKET_REF = re.compile(r"\s*\((?:[A-Za-z]|[ivxlc]{2,6}|[0-9]{1,3})\)(?:\s|$)", re.IGNORECASE)
"""A bracketed ref opening a text, with or without text after it (``(b)``, ``(ii) Hire``)."""
_OPEN_END = re.compile(
    r"(?:[,\-\u2013\u2014/&(]|\b(?:and|or|with|including|of|the|to|for|in|on|by|at|from|"
    r"a|an|into|between|such as|as well as))\s*$"
)
"""How a text ends when its sentence plainly goes on: a comma, a dash, a joining word."""


def _opens_with_ref(text: str) -> bool:
    """Whether a text opens with a ref the reader recognises (``(b) Partnerships``, ``(ii)``,
    ``a) Hire staff``, ``2. Train``): the start of an item, never the rest of a sentence.

    >>> _opens_with_ref("(b) Partnerships"), _opens_with_ref("(ii)"), _opens_with_ref("(phase 1)")
    (True, True, False)
    """
    text = text.lstrip()
    return _BRACKET_REF.match(text) is not None or _LEADING_REF.match(text) is not None


def _goes_on(text: str, above: str) -> bool:
    """Whether an action text goes on with the sentence of the text ``above``.

    It does when it opens with a joining word (``and UNICEF``, ``With partners``), with a
    bracket and a lower-case word (``(phase 1)``), or in lower case when the text above
    plainly breaks off (``… in the``, ``… partners,``). A text opening with a ref
    (``(b) Draft the plan``), a capital, or in lower case under a text that may be whole
    (``e-learning course launched``) is an item of its own.

    >>> _goes_on("and UNICEF", "Build a dashboard"), _goes_on("(phase 1)", "Build it")
    (True, True)
    >>> _goes_on("(b) Draft the plan", "Train staff"), _goes_on("Train staff", "Hire,")
    (False, False)
    >>> _goes_on("e-learning launched", "Train staff"), _goes_on("district staff", "Train the")
    (False, True)
    """
    text = text.lstrip()
    if not text or _opens_with_ref(text):
        return False
    if _JOINING.match(text):
        return True
    if text[0] == "(":
        return text[1:2].islower()
    return text[0].islower() and _OPEN_END.search(above) is not None


_ERRORS = frozenset(ERROR_CODES)
_YEARS = (1900, 2100)
_SERIALS = (20000, 109574)  # 1954-10-03 .. 2199-12-31 (1900 epoch): plausible deadlines

_EVALUATION_FIELDS = {
    "evaluation": "title",
    "evaluation title": "title",
    "title": "title",
    "office": "office",
    "commissioning office": "office",
    "country": "country",
    "region": "country",
    "period": "period",
    "evaluation period": "period",
    "reporting period": "period",
    "approval": "approval",
    "approval status": "approval",
    "management response status": "approval",
}
_REPORT_FIELDS = {
    "title": "title",
    "working group": "working_group",
    "twg": "working_group",
    "technical working group": "working_group",
    "period": "period_text",
    "reporting period": "period_text",
}
_PLAN_FIELDS = {"title": "title"}
TITLE_FIELDS: Mapping[str, Mapping[str, str]] = {
    "evaluation": _EVALUATION_FIELDS,
    "report": _REPORT_FIELDS,
    "plan": _PLAN_FIELDS,
}
"""The title-row labels (folded by :func:`~govtrack.io.columns.normalise_header`) that fill a
field, by the kind of container the reader makes of the sheet (:func:`sheet_kind`: an
evaluation, a progress report or a plan, which a meeting's sheet reads as), and the field each
fills; any other label goes to ``extra``. The reader's table for each layout is made from it."""
_LAYOUT_KINDS: Mapping[str, str] = {
    _RESPONSES: "evaluation",
    _ACTIVITIES: "report",
    _INDICATORS: "report",
    _ACTIONS: "plan",
    _DECISIONS: "plan",
}
"""The kind of container the reader makes of a sheet of each layout (a key of
:data:`TITLE_FIELDS`): an action matrix or a decision log is read as an action plan."""
# The title-row labels each layout has a field for; any other label goes to extra.
_TITLE_FIELDS = {layout: TITLE_FIELDS[kind] for layout, kind in _LAYOUT_KINDS.items()}
_TITLE_LABELS = frozenset(_EVALUATION_FIELDS).union(_REPORT_FIELDS)
"""Labels that name a field of some record: a cell ``Period: 2023`` is never a title."""


# ---------------------------------------------------------------------------
# Cell values


def _text(value: Any) -> str:
    """A cell's value as text: strings verbatim ("" when only whitespace), others rendered."""
    kind = value.__class__
    if kind is str:  # the usual case first: this runs for most cells of every row
        return "" if value.isspace() else str(value)
    if value is None:
        return ""
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is int:
        return str(value)
    if kind is float:
        return str(int(value)) if value.is_integer() else repr(value)
    if kind is dt.datetime:
        if value.time() == dt.time(0):
            return str(value.date().isoformat())
        return str(value.isoformat(sep=" "))
    if kind is dt.date or kind is dt.time:
        return str(value.isoformat())
    return str(value)


# Letters and a symbol that are drawn blank (Hangul fillers, the blank Braille pattern).
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _may_hide(char: str) -> bool:
    """Whether a text starting with ``char`` may show nothing (the cheap test first)."""
    return char.isspace() or not char.isprintable() or char in _FILLERS


_HIDING = _Memo(_may_hide)
"""_may_hide of a character, once per character (a look-up where a row's text is tested)."""


def _shows_nothing(text: str) -> bool:
    """Whether a text is spaces and invisible characters only (zero-width spaces and
    joiners, a byte-order mark, a soft hyphen, fillers): a cell that looks empty.

    >>> _shows_nothing("\u200b \ufeff"), _shows_nothing("\u200bTrain staff")
    (True, False)
    """
    return all(map(_may_hide, text))


def _count_like(value: Any) -> bool:
    """Whether a cell only counts: a number (not a tick), or a short text like ``8 actions``.

    >>> _count_like(8), _count_like("8 actions"), _count_like("75%"), _count_like("8 workshops")
    (True, True, True, False)
    """
    kind = value.__class__
    if kind is int or kind is float:
        return True
    return kind is str and len(value) <= _COUNT_MAX and _COUNT.fullmatch(value) is not None


def _blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and (not value or value.isspace()))


def _by_name(*values: Any) -> dict[str, Any]:
    """An action's fields by name, from their values in :data:`ACTION_FIELDS` order."""
    return dict(zip(ACTION_FIELDS, values, strict=True))


def _label(value: Any) -> str:
    """A header cell as a label: its text with runs of whitespace made one space."""
    return " ".join(_text(value).split())


def _own_instructions(name: str, head: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a sheet is the Instructions sheet govtrack's template carries."""
    if name != INSTRUCTIONS_SHEET or not head or not head[0][1]:
        return False
    return _text(head[0][1][0]).strip() == INSTRUCTIONS_TITLE


def _own_lists(sheet: _xlsx.SheetInfo, head: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a sheet is the hidden ``_lists`` sheet of a matrix govtrack wrote: the status
    and category words behind its dropdowns, and nothing else (not data)."""
    if sheet.state == "visible" or sheet.name != LISTS_SHEET or len(head) >= HEADER_SCAN_ROWS:
        return False
    parsers = (Status.parse, ResponseCategory.parse)
    for row, values in head:
        cells = [_text(value).strip() for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if row == 1:
            if cells != [HEADERS["status"], HEADERS["category"]]:
                return False
        elif len(cells) > len(parsers) or any(
            cell and parse(cell) is None for cell, parse in zip(cells, parsers, strict=False)
        ):
            return False
    return True


def _own_problems(head: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a sheet is the Problems sheet of an annotated copy (``--annotate``)."""
    if not head or head[0][0] != 1:
        return False
    first = tuple(_text(value).strip() for value in head[0][1] if not _blank(value))
    return first == PROBLEMS_HEADERS


def _parties(text: str) -> tuple[str, ...]:
    """Responsible parties: one per line, else one per ``;`` (commas and "and" stay inside).

    A cell with line breaks is split at them only, so a name holding ``;`` survives
    among others (as the matrix writer puts them, one per line); a ``;`` ending a line
    is a separator typed as well (``Finance Unit;`` then ``HR;``). A cell of spaces
    names no one.

    >>> _parties("Finance Unit;\\nHR;"), _parties("  "), _parties("HR; Audit")
    (('Finance Unit', 'HR'), (), ('HR', 'Audit'))
    """
    text = text.strip()
    if not text:
        return ()
    if "\n" in text:
        lines = (line.rstrip().rstrip(";") for line in text.split("\n"))
        return tuple(part for line in lines if (part := line.strip()))
    if ";" not in text:
        return (text,)
    return tuple(part for part in _PARTY_SPLIT.split(text) if part)


def _tick(value: Any) -> bool | None:
    """True for a tick, False for an explicit no or an empty cell, None for anything else."""
    if _blank(value):
        return False
    if value is True or (value.__class__ in {int, float} and value == 1):
        return True
    if value is False or (value.__class__ in {int, float} and value == 0):
        return False
    folded = _text(value).strip().casefold()
    if folded in _TICKED:
        return True
    if folded in _UNTICKED:
        return False
    return None


# ---------------------------------------------------------------------------
# Headers


@attrs.frozen(kw_only=True)
class _Header:
    """A header row: which column holds which field, and what the rest are called."""

    row: int
    layout: str
    keys: dict[str, int]
    labels: dict[int, str]
    action_header: str = ""
    numbering: bool = False
    """The ``rec_ref`` column is a bare numbering column (``No``, ``#``): what it numbers
    is judged on the rows (see :meth:`_Table._judge_number`)."""
    ambiguous: tuple[int, ...] = ()
    """Columns whose headers name one field only once their hints are stripped, so that none
    of them is read as it (see :func:`_score`)."""


def _score(
    values: Sequence[Any], lookup: Mapping[str, str]
) -> tuple[int, dict[str, int], tuple[int, ...]]:
    """How header-like a row is: the number of distinct fields it names (0 without a main one),
    the column of each, and the columns no field takes because their headers collide only once
    their hints are stripped (``Status (Completed/Ongoing) | Status (Yes/No)``).

    Of the columns naming one field, a header naming it as written beats one naming it only
    without its hint (:func:`~govtrack.io.columns.header_match`), and either beats a bare
    ``Date`` (:func:`_generic`); among equals the first is read, except that two naming it
    only without their hints are told apart by them, so neither is read."""
    keys: dict[str, int] = {}
    ranks: dict[str, tuple[bool, bool]] = {}
    tied: dict[str, list[int]] = {}
    for index, value in enumerate(values):
        if value.__class__ is not str or len(value) > 120:
            continue
        key, hinted = header_match(value, lookup)
        if key is None:
            continue
        rank = (_generic(value), hinted)
        if key not in keys or rank < ranks[key]:
            keys[key], ranks[key] = index, rank
            tied[key] = [index]
        elif rank == ranks[key]:
            tied[key].append(index)
    ambiguous: list[int] = []
    for key, columns in tied.items():
        if len(columns) > 1 and ranks[key][1]:
            # Status (of the recommendation) | Status (of the key action): not hints
            ambiguous += columns
            del keys[key]
    keys = dict(sorted(keys.items(), key=lambda item: item[1]))
    if len(keys) < 2 or not _PRIMARY.intersection(keys):
        return 0, keys, tuple(sorted(ambiguous))
    return len(keys), keys, tuple(sorted(ambiguous))


def _generic(value: str) -> bool:
    """Whether a header says less than others of its column (a bare ``Date``:
    :data:`~govtrack.io.columns.GENERIC_HEADERS`)."""
    return normalise_header(strip_hint(value)) in GENERIC_HEADERS


def sheet_kind(keys: Iterable[str]) -> str:
    """The kind of container (a key of :data:`TITLE_FIELDS`) the reader makes of a sheet
    whose header names these columns, in this order, by its rule for a sheet's layout.

    The matrix writer asks it which title-row labels of a sheet read back as fields (a
    meeting's sheet, an action matrix, is read as a plan).

    Args:
        keys: The columns' keys (:data:`govtrack.io.columns.HEADERS`), the action's
            headed ``Key action``; ``extra:…`` keys name no column of the reader's.

    Returns:
        ``"evaluation"``, ``"report"`` or ``"plan"``.

    Raises:
        ValueError: The reader would find no table under such a header.

    >>> sheet_kind(["ref", "action", "responsible", "deadline", "status"])
    'plan'
    >>> sheet_kind(["rec_ref", "recommendation", "ref", "action", "status"])
    'evaluation'
    """
    columns = {key: index for index, key in enumerate(keys) if not key.startswith("extra:")}
    action_header = normalise_header(HEADERS["action"]) if "action" in columns else ""
    layout = _layout(columns, action_header)
    if layout is None:
        raise ValueError(f"no table of the reader's has the columns {sorted(columns)}")
    return _LAYOUT_KINDS[layout]


def _layout(keys: Mapping[str, int], action_header: str) -> str | None:
    if "indicator" in keys and "action" not in keys:
        return _INDICATORS
    if "action" in keys and _SCHEDULE_KEYS.intersection(keys):
        return _ACTIVITIES
    if "action" in keys and ({"recommendation", "rec_ref", "response"} & set(keys)):
        return _RESPONSES
    if (
        "action" in keys
        and keys.get("recommendations", len(keys) + 1_000_000) < keys["action"]
        and "activit" not in action_header
        and action_header not in _DECISION_HEADERS
    ):
        # "Recommendations | Key actions | …": the plural, left of the key actions, names
        # the parent (a Recommendations column after them is an activity's or extra)
        return _RESPONSES
    if "action" in keys:
        return _DECISIONS if action_header in _DECISION_HEADERS else _ACTIONS
    if "recommendation" in keys:
        return _RESPONSES
    return None


def _label_cell(text: str) -> bool:
    """Whether a title-row cell is a label (``Period:``, ``Approval status:``)."""
    return text.endswith(":") and 0 < len(text[:-1].strip()) <= _LABEL_MAX and "\n" not in text


def _pair_label(text: str) -> str | None:
    """The label of a title-row cell holding a whole pair (``Country: Kenya``), else None."""
    match = _PAIR_CELL.fullmatch(text)
    return None if match is None else match.group(1).strip()


def _lone_label(text: str) -> bool:
    """Whether a label cell alone on its row is a label: a field's (``Period:``) or a short
    one (``Prepared by:``), not a line of text ending with a colon (``Follow-up actions
    agreed at the retreat:``), which is a title."""
    name = normalise_header(text[:-1])
    return name in _TITLE_LABELS or len(name.split()) <= _LABEL_WORDS


def _value_column(texts: Sequence[tuple[int, str]], index: int, labelled: bool) -> int:
    """The column of a title pair's value: the first text after its label cell (``B`` for
    ``Period: | 2023``), else the pair's own column (``Period: 2023`` in A)."""
    if labelled:
        return next((column for column, _ in texts if column > index), index)
    return index


def _title_pairs(texts: Sequence[tuple[int, str]]) -> list[tuple[int, str, str, str, bool]]:
    """A title row's pieces, from its non-empty cells as ``(column, text)``.

    Each label cell (a short text ending with ``:``) starts a pair, its value the cells
    after it up to the next label cell: ``Office: | West | | Period: | 2020`` is two pairs.
    A cell reading ``Label: value`` is a pair of its own (``Country: Kenya | Period: 2020``),
    except as the value of a label cell before it (``Title: | Evaluation: the meals``). A
    range's words do not start pairs: ``From:`` right after a label cell with no value yet
    and ``To:`` followed by a date (a figure) after any pair belong to that pair's value
    (``Period: | From: | Jan 2023 | To: | Jun 2023`` is one pair, Period; ``Prepared by: |
    M&E Unit | To: | The Board`` is two). A piece without a label cell is a pair when it
    reads ``Label: value``, else a line without a label (``""``), as is a row's lone cell
    ending with ``:`` that is a line of text rather than a short label (``Follow-up actions
    agreed at the retreat:``); ``As of | <date>`` is the pair govtrack's matrix writes.

    Returns:
        ``(column of its first cell, label, value, text as written, labelled by a cell)``
        for each piece, left to right.

    >>> for piece in _title_pairs([(0, "Office:"), (1, "West"), (3, "Period:"), (4, "2020")]):
    ...     print(piece)
    (0, 'Office', 'West', 'Office: West', True)
    (3, 'Period', '2020', 'Period: 2020', True)
    >>> _title_pairs([(0, "Follow-up: the 2023 retreat")])
    [(0, 'Follow-up', 'the 2023 retreat', 'Follow-up: the 2023 retreat', False)]

    A text without a label and a text a column or more apart from it (an empty cell
    between them) are two pieces, never joined (``Follow-up of the audit | | | Version 3``):
    the first is the title, the other kept in ``extra``. The template's A1 (``Management
    response matrix``) with a text after it is a label: the text is the title.

    >>> [piece[2] for piece in _title_pairs([(0, "Follow-up of the audit"), (5, "Version 3")])]
    ['Follow-up of the audit', 'Version 3']
    >>> _title_pairs([(0, "Management response matrix"), (1, "Evaluation of the clinics")])[0][1:3]
    ('Title', 'Evaluation of the clinics')
    >>> _title_pairs([(0, "Period:"), (1, "From:"), (2, "Jan 2023"), (3, "To:"), (4, "Jun 2023")])
    [(0, 'Period', 'From: Jan 2023 To: Jun 2023', 'Period: From: Jan 2023 To: Jun 2023', True)]
    """
    # Pairs typed in one cell, spaced apart (`Country: Kenya   Period: 2022-2023`).
    texts = [
        (column, piece)
        for column, text in texts
        for piece in (_SPACED_PAIRS.split(text) if "  " in text or "\t" in text else [text])
        if piece.strip()
    ]
    if len(texts) == 2 and normalise_header(texts[0][1]) == "as of":
        return [(texts[0][0], "As of", texts[1][1], f"{texts[0][1]} {texts[1][1]}", True)]
    if len(texts) == 1 and _label_cell(texts[0][1]) and not _lone_label(texts[0][1]):
        return [(texts[0][0], "", texts[0][1], texts[0][1], False)]
    template = len(texts) > 1 and texts[0][1] == TEMPLATE_HEADING
    if template:
        # The template's A1 is a label: the title typed beside it is the value.
        texts = [(texts[0][0], f"{TEMPLATE_HEADING}:"), *texts[1:]]
    groups: list[list[tuple[int, str]]] = []
    heads: list[str] = []  # each group's label, folded ("" for a line without one)
    for position, item in enumerate(texts):
        text = item[1]
        labelled = _label_cell(text)
        label = text[:-1] if labelled else _pair_label(text)
        if (
            groups
            and item[0] > groups[-1][-1][0] + 1
            and label is None
            and not _label_cell(groups[-1][0][1])
        ):
            groups.append([item])  # far apart from a text without a label: a piece of its own
            heads.append("")
            continue
        name = normalise_header(label) if label is not None else ""
        if groups and heads[-1] and heads[-1] not in _RANGE_WORDS:
            open_label = _label_cell(groups[-1][0][1])
            # `To:` ends a range only when a date follows it (`To: | Jun 2023`), not a
            # recipient (`Prepared by: | M&E Unit | To: | The Board` is two pairs).
            ends = name in _RANGE_ENDS and _dated_after(texts, position)
            starts = name in _RANGE_STARTS and open_label and len(groups[-1]) == 1
            if label is not None and (ends or starts):
                groups[-1].append(item)  # Period: | From: | Jan 2023 | To: | Jun 2023
                continue
        if not groups or labelled:
            groups.append([item])
            heads.append(name)
        elif label is not None and not (_label_cell(groups[-1][0][1]) and len(groups[-1]) == 1):
            groups.append([item])  # Country: Kenya | Period: 2020-2022
            heads.append(name)
        else:
            groups[-1].append(item)
    pieces: list[tuple[int, str, str, str, bool]] = []
    for group in groups:
        index, first = group[0]
        text = " ".join(cell for _, cell in group)
        if _label_cell(first):
            value = " ".join(cell for _, cell in group[1:])
            pieces.append((index, first[:-1].strip(), value, text, True))
        elif match := _KEY_VALUE.fullmatch(text):
            pieces.append((index, match.group(1).strip(), match.group(2).strip(), text, False))
        else:
            pieces.append((index, "", text, text, False))
    if template:  # the label names the title field
        index, _, value, text, _ = pieces[0]
        pieces[0] = (index, "Title", value, text, True)
    return pieces


_SPACED_PAIRS = re.compile(r"[ \t]*(?:\t|[ ]{2,})[ \t]*(?=[^\W\d_][^:\n]{0,30}:[ \t]+\S)")
"""Where a cell holding several ``Label: value`` pairs, spaced apart, is cut: before a label
(a letter, up to 30 characters, a colon, a space, a value) after a tab or two spaces."""


def _dated_after(texts: Sequence[tuple[int, str]], position: int) -> bool:
    """Whether the range word at ``position`` (``To:``, ``To: Jun 2023``) has a date after
    it, in its own cell or the next: a figure in it."""
    rest = texts[position][1].partition(":")[2]
    if not rest.strip() and position + 1 < len(texts):
        rest = texts[position + 1][1]
    return any(char.isdigit() for char in rest)


def read_title_rows(
    rows: Iterable[tuple[int, Sequence[tuple[int, str]]]],
    fields: Mapping[str, str],
    cell: Callable[[int, int], str],
    field_cells: dict[str, str] | None = None,
    *,
    title_row: int | None = None,
) -> tuple[str, dict[str, str], dict[str, str]]:
    """What the title rows above a header say: the title, the fields, the ``extra``.

    Each ``Label: value`` pair (:func:`_title_pairs`) fills the field its label names in
    ``fields`` (one of :data:`TITLE_FIELDS`), or goes to ``extra`` under its label; the first
    text without a label is the title; anything else is kept in ``extra`` under its cell. A
    ``Title:`` pair names the title, the line that was taken for it kept in ``extra``.
    The writer of the matrix runs this on the title rows it would write, to write only the
    pairs that read back (:mod:`govtrack.io.excel_write`).

    Args:
        rows: Each title row's number and its non-empty cells as ``(column, text)``, the
            texts stripped, as the sheet shows them.
        fields: The labels that fill a field, folded, and the field each fills.
        cell: The name of a cell from its column index and row (``A3``).
        field_cells: Given, it is filled with the cell of each field's value (``B3`` for
            ``Period: | 2023``), for problems with a value.
        title_row: Given, only a text on this row may be the title (govtrack's own matrix,
            whose row 1 is the title, empty for an untitled container): a ``Label: value``
            line below it is a pair even when it could be a title with a colon in it.

    Returns:
        ``(title, fields, extra)``; the title is empty when no row gives one (the reader
        then takes the sheet's name).

    >>> read_title_rows([(1, [(0, "Follow-up")]), (2, [(0, "Office: West")])],
    ...                 TITLE_FIELDS["plan"], lambda column, row: f"{column}/{row}")
    ('Follow-up', {}, {'Office': 'West'})
    """
    title = title_cell = ""
    found: dict[str, str] = {}
    extra: dict[str, str] = {}
    for row, texts in rows:
        for index, label, value, text, labelled in _title_pairs(texts):
            where = cell(index, row)
            name = normalise_header(label)
            field = fields.get(name)
            if field is not None and value and not found.get(field):
                found[field] = value
                if field_cells is not None:
                    field_cells[field] = cell(_value_column(texts, index, labelled), row)
            elif (
                field is None
                and not title
                and (title_row is None or row == title_row)
                and (not label or (not labelled and name not in _TITLE_LABELS))
            ):
                # a title with a colon in it ("Management response: evaluation of …")
                title, title_cell = text, where
            elif label and value and field is None and label not in extra:
                extra[label] = value
            else:
                extra[where] = text
    named = found.pop("title", "")
    if named and title:
        extra[title_cell] = title  # a Title: row names it; the line is kept
    return named or title, found, extra


# ---------------------------------------------------------------------------
# The reader


class _Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Issue] = []

    def add(
        self,
        code: str,
        message: str,
        sheet: str = "",
        cell: str = "",
        header: str = "",
        *,
        severity: Severity | None = None,
    ) -> None:
        """Record a problem, of its code's severity unless ``severity`` says otherwise (GT201)."""
        severity = CODES[code][0] if severity is None else severity
        location = Location(file=self.file, sheet=sheet, cell=cell, header=header)
        self.found.append(Issue(code=code, message=message, location=location, severity=severity))


@attrs.define
class _Section:
    label: str
    cell: str
    used: bool = False
    row: int = 0
    index: int = 0


class _Table:
    """Reads the rows under one header row into one container (Evaluation, plan or report)."""

    def __init__(
        self,
        *,
        reader: _Reader,
        sheet: str,
        header: _Header,
        titles: list[tuple[int, Sequence[Any]]],
        facts: _xlsx.SheetFacts,
        sink: list[Action] | None = None,
        sample: Sequence[Sequence[Any]] = (),
    ) -> None:
        self.reader = reader
        self.problems = reader.problems
        self.sheet = sheet
        self.header = header
        self.layout = header.layout
        self.facts = facts
        self.hidden_rows = facts.hidden_rows
        # None unless the sheet has cells in a date style without a day (judged once).
        self.partial_dates = facts.partial_dates or None
        # The columns (0-based) with a cell in a percent style: their numbers read as shown.
        self.percents: frozenset[int] = (
            frozenset(column - 1 for column in facts.partial_dates.columns_of(PercentShape))
            if isinstance(facts.partial_dates, _xlsx.CellShapes)
            else frozenset()
        )
        self.letters: dict[int, str] = {}
        used = _LAYOUT_KEYS[self.layout]
        keys = dict(header.keys)
        if self.layout == _RESPONSES and "recommendation" not in keys and "recommendations" in keys:
            keys["recommendation"] = keys.pop("recommendations")
        if self.layout == _INDICATORS and "timeframe" not in keys and "deadline" in keys:
            keys["timeframe"] = keys.pop("deadline")
        if "revised_deadline" in keys and "deadline" not in keys:
            # Original deadline | Revised deadline: the original is the deadline column.
            original = next(
                (
                    index
                    for index, label in header.labels.items()
                    if index not in keys.values() and _names_original_deadline(label, reader.lookup)
                ),
                None,
            )
            if original is not None:
                keys["deadline"] = original
            elif self.layout != _INDICATORS:
                keys["deadline"] = keys.pop("revised_deadline")  # the only deadline there is
        # Status (Dec 2022) | Status (Jun 2023), and no Status column: a column per follow-up
        # round. The latest is the status column; each earlier one gives a dated update.
        self.status_rounds: list[_Round] = []
        self.rounds_unordered = ""
        self.newest: _Round | None = None  # Status (revised) beside the rounds: the status
        self.note_rounds: list[_Round] = []  # Progress (Jun 2023) of narratives: updates
        if "status" in used and "status" not in keys and self.layout != _INDICATORS:
            self._plan_rounds(keys, sample)
        # The earlier rounds (column, date, whether a status), oldest first, the narrative
        # ones among them: read by _round_updates for each row.
        earlier = (
            []
            if self.rounds_unordered
            else [one for one in self.status_rounds if one.index != keys.get("status")]
        )
        self.rounds: tuple[tuple[int, Due | None, bool], ...] = tuple(
            sorted(
                [(one.index, one.due, True) for one in earlier]
                + [(one.index, one.due, False) for one in self.note_rounds],
                key=lambda round_: (
                    round_[1].end if round_[1] is not None else dt.date.min,
                    round_[0],
                ),
            )
        )
        self.keys = {key: index for key, index in keys.items() if key in used}
        self.labels = header.labels
        self.width = max(header.labels, default=-1) + 1
        self.first_column = min(header.labels, default=0)
        # Every column that is not a field of this layout is kept as extra.
        self.extra_columns: list[tuple[int, str]] = []
        taken = set(self.keys.values()) | {one[0] for one in self.rounds}
        seen_labels = {self.labels.get(index, "") for index in taken}
        # Columns govtrack's own matrix adds for itself (a hidden helper headed
        # "_govtrack …") are not data: they are neither fields nor extra.
        self.ignored = {
            index
            for index, label in header.labels.items()
            if label.startswith(GOVTRACK_MARKER) and index not in taken
        }
        for index in sorted(header.labels):
            if index in taken or index in self.ignored:
                continue
            label = header.labels[index]
            if label in seen_labels and not self.ignored:
                # A partner's second Status column is named by its letter; in govtrack's own
                # matrix (its helper column in the header) a column after the fields is an
                # action's extra entry, whose key it reads back as written.
                label = f"{label} ({self.letter(index)})"
            seen_labels.add(label)
            self.extra_columns.append((index, label))
        self.mapped = taken | self.ignored | {index for index, _ in self.extra_columns}
        # A row govtrack wrote has a value in its helper column: its empty refs are meant.
        self.i_helper = min(self.ignored, default=_NOWHERE)
        # A one-day deadline govtrack wrote in its own words ("within two weeks"): the words
        # are repeated in a column of their own, the day is in the helper (see _written_due).
        by_label = {header.labels[index]: index for index in sorted(self.ignored, reverse=True)}
        self.i_words = by_label.get(WORDS_HEADER, _NOWHERE)
        self.i_due_end = (
            by_label.get(HELPER_HEADER, _NOWHERE) if self.i_words != _NOWHERE else _NOWHERE
        )
        self.last_ref = ""  # the last action ref read (its column or its text), for _leading_ref
        self.refs_noted = False  # GT220 given for this table
        self.revisions_noted = False  # GT226 given for this table
        self.scopes_noted = False  # GT227 given for this table
        index_of = self.keys.get
        self.i_rec_ref = index_of("rec_ref", _NOWHERE)
        self.i_recommendation = index_of("recommendation", _NOWHERE)
        self.i_response = index_of("response", _NOWHERE)
        self.i_category = index_of("category", _NOWHERE)
        self.i_ref = index_of("ref", _NOWHERE)
        self.i_action = index_of("indicator" if self.layout == _INDICATORS else "action", _NOWHERE)
        self.i_responsible = index_of("responsible", _NOWHERE)
        self.i_deadline = index_of(
            "timeframe" if self.layout == _INDICATORS else "deadline", _NOWHERE
        )
        self.i_revised = index_of("revised_deadline", _NOWHERE)
        self.i_status = index_of("status", _NOWHERE)
        self.i_comments = index_of("comments", _NOWHERE)
        self.i_updates = index_of("updates", _NOWHERE)
        self.i_scope = index_of("scope", _NOWHERE)
        self.i_group = index_of("group", _NOWHERE)
        self.i_schedule = index_of("schedule", _NOWHERE)
        self.i_on = index_of("schedule_on", _NOWHERE)
        self.i_behind = index_of("schedule_behind", _NOWHERE)
        self.i_delay = index_of("delay_reasons", _NOWHERE)
        self.i_recommendations = index_of("recommendations", _NOWHERE)
        self.i_deemed = index_of("deemed_consent", _NOWHERE)
        self.i_constraints = index_of("constraints", _NOWHERE)
        self.i_target = index_of("target", _NOWHERE)
        # A row with only these cells filled goes on with the action above (_comment_row).
        self.note_columns = frozenset({self.i_comments, self.i_updates} - {_NOWHERE})
        self.parent_columns = frozenset(
            index for key, index in self.keys.items() if key in _PARENT_KEYS
        )
        self.main_column = self.i_action if self.i_action != _NOWHERE else self.i_recommendation
        self.origin_letter = self.letter(
            self.main_column if self.main_column != _NOWHERE else self.first_column
        )
        # Each field's column letter, shared by every row's origin, so a problem with
        # one field (validate's GT101 on a status) can point at that field's own cell.
        self.columns = FrozenMap(
            {key: self.letter(index) for key, index in self.keys.items() if index != _NOWHERE}
        )

        # ... and its header as the partner wrote it ("Time-frame"), for the same problems.
        self.field_labels = FrozenMap(
            {
                key: self.labels[index]
                for key, index in self.keys.items()
                if index != _NOWHERE and self.labels.get(index)
            }
        )
        self._revised_maps()
        # Merged ranges: horizontal spans (for section rows), fill-down for scope and group.
        self.merged_across: set[tuple[int, int]] = set()
        # Column -> {covered row: the merged range's first row}; the first rows' values.
        self.fill_rows: dict[int, dict[int, int]] = {}
        self.fill_first: set[tuple[int, int]] = set()
        self.fill_values: dict[tuple[int, int], Any] = {}
        self.formula_rows: dict[int, list[str]] = {}
        for ref in facts.bare_formulas:
            row = int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            self.formula_rows.setdefault(row, []).append(ref)
        # Collected records and state.
        self.title = ""
        self.fields: dict[str, str] = {}
        self.field_cells: dict[str, str] = {}  # the cell of each title field's value
        self.extra: dict[str, str] = {}
        self.section: _Section | None = None
        # Tally rows (GT212), reported at the end unless every row is one (GT223).
        self.tallies: list[tuple[int, int, str]] = []
        # feed calls _few for a row with fewer filled cells: 2 (a lone cell), or every row
        # while a legend is open (its cell in self.legend).
        self.few = 2
        self.legend = ""
        # The last row that was neither blank nor an action's (a section, a note, a tally):
        # a comment-only row under it goes on no action above it.
        self.broken_at = header.row
        # The last row with a filled cell: a row below it and a blank row is after a gap.
        self.last_row = header.row
        # The action row the last comment-only rows went on with, the last of them, and how
        # many: a comment-only row goes on only right under the action or under another such
        # row (no blank row between), and at most _MOST_JOINED of them.
        self.joined = (0, 0, 0)
        # The merged cells of the row being read, filled from their first row (by column;
        # _fill), the action row a continuation row last went on with and that row
        # (_continues), and the last action row read, with its cells (_repeats).
        self.filled_from: dict[int, int] = {}
        self.continued = (0, 0)
        self.read_row: tuple[int, tuple[Any, ...]] = (0, ())
        self.other_rows = 0
        self.filled_rows = 0  # rows with a filled cell read (title_above)
        # Streaming: every action goes to the caller's sink, none is kept here.
        self.sink = sink
        self.actions: list[Action] = [] if sink is None else sink
        self.activities: list[Activity] = []
        self.indicators: list[Indicator] = []
        self.answers: list[Answer] = []
        self.recommendations: list[Recommendation] = []
        self.current: dict[str, Any] | None = None
        self.narrative_to_extra = self.i_comments != _NOWHERE
        # A bare numbering column (No, #) left of the recommendation: whether it numbers the
        # recommendations or their key actions is told by the rows (_judge_number). Until
        # they tell, the first key action of a recommendation opened with a number is held.
        self.numbering = header.numbering and self.i_rec_ref != _NOWHERE
        self.number_role = ""  # _BY_RECOMMENDATION, _BY_ACTION or _BY_NEITHER once told
        # Until told, the recommendations read are held (not built, their actions not
        # streamed), so that one reading of the column holds for all of them (_settle).
        self.held: list[dict[str, Any]] = []
        self.held_rows = 0
        self.i_moved = _NOWHERE  # the numbering column, once re-roled (key-action refs, extra)
        self.moved_label = ""  # ... and its label in extra
        self.outline_ref = ""  # an outline number (1.1 under 1) naming the row's key action
        # The sheet's notes (cell comments): those of an action's row go into its extra.
        self.notes = reader.notes
        self.note_rows = reader.notes.by_row
        reader.notes.table(header.row, header.labels)
        self._titles(titles)
        self._check_header()
        self._report_rounds()
        self._merges()
        self._spans()

    # -- helpers

    def _spans(self) -> None:
        """What the per-row fast path needs to know about the columns, kept up to date."""
        self.span = max(self.mapped, default=-1) + 1
        self.holes = frozenset(range(self.span)) - self.mapped
        self.action_columns = frozenset(
            {self.i_ref, self.i_action, self.i_responsible, self.i_deadline, self.i_revised,
             self.i_status, self.i_comments, self.i_updates, self.i_scope} - {_NOWHERE}
        ).union(one[0] for one in (*self.extra_columns, *self.rounds))  # fmt: skip

    def _revised_maps(self) -> None:
        """The columns and headers of a row whose deadline is its revised one: its deadline
        points at the revised column."""
        self.revised_columns, self.revised_labels = self.columns, self.field_labels
        if self.i_revised != _NOWHERE:
            self.revised_columns = FrozenMap(
                {**self.columns, "deadline": self.letter(self.i_revised)}
            )
            self.revised_labels = FrozenMap(
                {**self.field_labels, "deadline": self.labels.get(self.i_revised, "")}
            )

    def letter(self, index: int) -> str:
        letter = self.letters.get(index)
        if letter is None:
            letter = self.letters[index] = get_column_letter(index + 1)
        return letter

    def cell(self, index: int, row: int) -> str:
        return f"{self.letter(index)}{row}"

    def add(
        self, code: str, message: str, index: int | None = None, row: int | None = None
    ) -> None:
        if index == _NOWHERE:  # the column is absent: cite the row by its first cell
            index = 0
        cell = self.cell(index, row) if index is not None and row is not None else ""
        header = self.labels.get(index, "") if index is not None else ""
        self.problems.add(code, message, self.sheet, cell, header)

    # -- set-up

    def _titles(self, titles: list[tuple[int, Sequence[Any]]]) -> None:
        """The title rows: each ``Label: value`` pair fills its field or goes to ``extra``
        under its label, the first text without a label is the title (see
        :func:`read_title_rows`); nothing is dropped."""
        rows: list[tuple[int, list[tuple[int, str]]]] = []
        for row, values in titles:
            texts = [
                (index, self._shown(value, index, row).strip())
                for index, value in enumerate(values)
            ]
            rows.append((row, [(index, text) for index, text in texts if text]))
            self._report_formulas(row, in_table=False)
        own = self.i_helper != _NOWHERE  # govtrack's own matrix: its title is row 1's
        title, self.fields, self.extra = read_title_rows(
            rows,
            _TITLE_FIELDS[self.layout],
            self.cell,
            self.field_cells,
            title_row=1 if own else None,
        )
        # No title: the sheet's name, but in govtrack's own matrix (its hidden helper column),
        # which writes an untitled container's row 1 empty: it reads back untitled.
        self.title = title or ("" if own else self.sheet)

    def _check_header(self) -> None:
        row = self.header.row
        self._report_formulas(row)
        for key in _EXPECTED[self.layout]:
            if key not in self.keys:
                what = "Timeframe" if key == "timeframe" else key.replace("_", " ").capitalize()
                self.problems.add(
                    "GT207",
                    f"no {what} column in this {self.layout} sheet (header row {row}); "
                    "add one or pass aliases= to name yours",
                    self.sheet,
                    f"A{row}",
                )
        taken = set(self.keys.values())
        lookup = self.reader.lookup
        # In govtrack's own matrix, a column right of the fields is an action's extra entry,
        # read back under its key as written: one named as a field is not a second column.
        own_extras = max(taken, default=_NOWHERE) if self.ignored else _NOWHERE
        for index, label in self.extra_columns:
            field, hinted = header_match(self.labels[index], lookup)
            field = field or ""
            if field and index > own_extras:
                continue
            first = self.header.keys.get(field)
            parts = () if field else header_part_keys(self.labels[index], lookup)
            if index in self.header.ambiguous:
                others = [
                    f"{self.labels.get(other, '')!r} ({self.letter(other)})"
                    for other in self.header.ambiguous
                    if other != index and header_key(self.labels.get(other, ""), lookup) == field
                ]
                self.add(
                    "GT206",
                    f"column {label!r} and column {' and '.join(others)} "
                    f"{'both' if len(others) == 1 else 'all'} name the "
                    f"{HEADERS[field].lower()} only without what follows in parentheses, "
                    "which tells them apart; govtrack does not choose one, so each is kept "
                    "in extra (pass aliases= to name the one to read)",
                    index,
                    row,
                )
            elif (
                first is not None
                and first in taken
                and _generic(self.labels[index])
                and not _generic(self.labels.get(first, ""))
            ):
                self.add(
                    "GT206",
                    f"column {label!r} could name the {HEADERS[field].lower()}, but column "
                    f"{self.labels.get(first, '')!r} ({self.letter(first)}) names it more "
                    "exactly; that one is read, this one is kept in extra",
                    index,
                    row,
                )
            elif first is not None and first in taken and hinted and first > index:
                self.add(
                    "GT206",
                    f"column {label!r} names the {HEADERS[field].lower()} only without "
                    f"what follows in parentheses, and column {self.labels.get(first, '')!r} "
                    f"({self.letter(first)}) names it as written; that one is read, this one "
                    "is kept in extra",
                    index,
                    row,
                )
            elif first is not None and first != index and first in taken:
                self.add(
                    "GT206",
                    f"column {label!r} names the same field as column "
                    f"{self.labels.get(first, '')!r} ({self.letter(first)}); "
                    "the first is read, this one is kept in extra",
                    index,
                    row,
                )
            elif len(parts) > 1:
                named = " and ".join(HEADERS[key] for key in parts)
                self.add(
                    "GT205",
                    f"column {label!r} combines {named}; govtrack does not choose one, "
                    "so it is kept verbatim in extra (split it, or pass aliases= to name it)",
                    index,
                    row,
                )
            elif unit := duration_hint(self.labels[index]):
                self.add(
                    "GT205",
                    f"column {label!r} gives a duration ({unit}), not a deadline; "
                    "kept verbatim in extra",
                    index,
                    row,
                )
            else:
                self.add(
                    "GT205",
                    f"column {label!r} is not one govtrack knows; kept verbatim in extra",
                    index,
                    row,
                )
        for first, last in self.facts.hidden_columns:
            for index in range(first - 1, min(last, self.width)):
                if index in self.labels and index not in self.ignored:
                    self.add(
                        "GT204", f"column {self.letter(index)} is hidden; it was read", index, row
                    )

    def _plan_rounds(self, keys: dict[str, int], sample: Sequence[Sequence[Any]]) -> None:
        """Find the dated status columns (rounds) of a table with no Status column, and how
        they are read: ordered, the latest the status (or a ``Status (revised)`` beside
        them); narratives in ``Progress`` rounds (judged on the ``sample`` rows) are dated
        updates; rounds that cannot be ordered are kept in extra."""
        reader = self.reader
        named = set(keys.values())
        rounds: list[_Round] = []
        newest: list[_Round] = []
        undated: list[_Round] = []
        for index, label in sorted(self.header.labels.items()):
            if index in named:
                continue
            one = _status_round(index, label, reader.lookup, reader.dayfirst)
            rest = _status_variant(label, reader.lookup)
            if rest in _NEWEST:
                newest.append(one or _Round(index=index, label=label, when=rest, due=None))
            elif one is not None:
                rounds.append(one)
            elif rest in _QUALIFIERS:
                # Status (updated): a status of its own, which the dated ones cannot be
                # ordered against. Status notes, Status date, Status owner: other columns.
                undated.append(_Round(index=index, label=label, when=rest, due=None))
        progress = [one for one in rounds if one.progress]
        if progress and not _statuses_in(sample, progress, reader.statuses):
            # Progress June 2023 of narratives: a dated comment round, not a status.
            rounds = [one for one in rounds if not one.progress]
            self.note_rounds = [one for one in progress if one.due is not None]
        if len(rounds) == 1 and not (rounds[0].due or rounds[0].ambiguous or newest):
            rounds = []  # Status of first phase: one column, and no date
        if not rounds:
            return
        self.status_rounds = rounds
        self.rounds_unordered = _order_rounds(rounds)
        if len(newest) == 1 and not undated and not self.rounds_unordered:
            # Status (Dec 2022) | Status (revised): the revised one is the status.
            self.newest = newest[0]
            keys["status"] = newest[0].index
        elif newest or undated:
            self.rounds_unordered = "; ".join(
                filter(
                    None,
                    (
                        self.rounds_unordered,
                        *(
                            f"{one.label!r} ({self.letter(one.index)}) is a status column "
                            "with no date, which the dated ones cannot be ordered against"
                            for one in (*newest, *undated)
                        ),
                    ),
                )
            )
            self.status_rounds = sorted((*rounds, *newest, *undated), key=lambda one: one.index)
        elif not self.rounds_unordered:
            keys["status"] = rounds[-1].index

    def _report_rounds(self) -> None:
        """GT231 when the status is read from the latest of dated status columns, GT232 when
        their dates cannot be ordered (then none is read: each is kept in extra), GT233 when
        dated progress columns hold narratives (read as updates)."""
        row = self.header.row
        if self.note_rounds:
            named = ", ".join(
                f"{one.label!r} ({self.letter(one.index)})" for one in self.note_rounds
            )
            self.add(
                "GT233",
                f"the dated progress columns {named} hold narratives, not status words: each "
                "cell is read as an update of its action dated as its header, not as the status",
                self.note_rounds[0].index,
                row,
            )
        rounds = self.status_rounds
        if not rounds:
            return
        latest = rounds[-1]
        named = ", ".join(f"{one.label!r} ({self.letter(one.index)})" for one in rounds)
        if self.rounds_unordered:
            self.add(
                "GT232",
                f"the status columns {named} are dated rounds of the status, but their dates "
                f"cannot be ordered ({self.rounds_unordered}); none is read as the status, "
                "each is kept verbatim in extra",
                rounds[0].index,
                row,
            )
        elif self.newest is not None:
            self.add(
                "GT231",
                f"the status is read from column {self.newest.label!r} "
                f"({self.letter(self.newest.index)}), the {self.newest.when} status; the dated "
                f"status columns ({named}) are earlier rounds: each becomes an update dated as "
                "its header, and gives the status where the later ones are empty",
                self.newest.index,
                row,
            )
        elif len(rounds) == 1:
            self.add(
                "GT231",
                f"the status is read from column {named}, the status as of {latest.when}",
                latest.index,
                row,
            )
        else:
            earlier = ", ".join(f"{one.label!r} ({self.letter(one.index)})" for one in rounds[:-1])
            self.add(
                "GT231",
                f"the status is read from column {latest.label!r} "
                f"({self.letter(latest.index)}), the latest of the dated status columns "
                f"(as of {latest.when}); each earlier one ({earlier}) becomes an update dated "
                "as its header, and gives the status where the later ones are empty",
                latest.index,
                row,
            )

    def _round_updates(
        self,
        values: Sequence[Any],
        n: int,
        status_text: str,
        columns: FrozenMap,
        labels: FrozenMap,
        *,
        row: int,
    ) -> tuple[str, tuple[Update, ...], FrozenMap, FrozenMap]:
        """The earlier status rounds (and narrative progress rounds) of a row as updates,
        oldest first, each cell as shown (a percent as its percentage); with no status in
        the latest round, the latest status round with one gives it (and the origin's
        status cell)."""
        found = [
            (index, on, text, status)
            for index, on, status in self.rounds
            if index < n and (text := self._shown(values[index], index, row))
        ]
        if (
            not status_text
            and (last := next((i for i in range(len(found) - 1, -1, -1) if found[i][3]), None))
            is not None
        ):
            index, _, status_text, _ = found.pop(last)
            columns = FrozenMap({**columns, "status": self.letter(index)})
            labels = FrozenMap({**labels, "status": self.labels.get(index, "")})
        return (
            status_text,
            tuple(Update(text=text, on=on) for _, on, text, _ in found),
            columns,
            labels,
        )

    def _merges(self) -> None:
        # A merged cell shows its value on every row it covers: in these columns each
        # covered row reads it (the recommendation columns fill down by their own rule).
        fill_columns = {
            self.i_responsible, self.i_deadline, self.i_revised, self.i_status, self.i_scope,
            self.i_group
        } - {_NOWHERE}  # fmt: skip
        for min_row, min_col, max_row, max_col in self.facts.merges:
            index = min_col - 1
            if max_col > min_col:
                self.merged_across.add((min_row, index))
            if max_row <= min_row or min_row <= self.header.row:
                continue
            if index in fill_columns and max_col == min_col:
                covered = self.fill_rows.setdefault(index, {})
                covered.update(dict.fromkeys(range(min_row + 1, max_row + 1), min_row))
                self.fill_first.add((index, min_row))
            elif index not in self.parent_columns and max_col - min_col + 1 < max(self.width, 2):
                self.add(
                    "GT211",
                    f"{self.cell(index, min_row)}:{self.cell(max_col - 1, max_row)} is merged "
                    f"over rows {min_row}–{max_row}; only the recommendation, Responsible, "
                    f"Deadline, Status, Scope and Group columns are filled down, so its value "
                    f"is read for row {min_row} only",
                    index,
                    min_row,
                )

    def _report_formulas(self, row: int, *, in_table: bool = True) -> None:
        """GT209 for each formula without a cached value in ``row``.

        Above the header row (``in_table=False``) a cell sits under no header.
        """
        for ref in self.formula_rows.pop(row, ()):
            letters = ref.rstrip("0123456789")
            index = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters))) - 1
            message = (
                f"{ref} holds a formula with no cached value; govtrack never evaluates "
                "formulas, so it reads as empty (open and save the file in Excel to fix)"
            )
            if in_table:
                self.add("GT209", message, index, row)
            else:
                self.problems.add("GT209", message, self.sheet, ref, "")

    # -- rows

    def feed(self, row: int, values: Sequence[Any]) -> None:
        """Read one row under the header."""
        if self.formula_rows:
            self._report_formulas(row)
        if self.fill_rows:
            values = self._fill(row, values)
        n = len(values)
        filled = [
            i
            for i, value in enumerate(values)
            if value is not None and (value.__class__ is not str or (value and not value.isspace()))
        ]
        if not filled:
            return
        self.filled_rows += 1
        if row in self.hidden_rows:
            self.problems.add("GT203", f"row {row} is hidden; it was read", self.sheet, f"A{row}")
        gap, self.last_row = row > self.last_row + 1, row
        if gap and len(filled) == 1 and self._stray(row, filled[0], values[filled[0]]):
            return  # a sign-off, a date, a page number under the table: no action
        # Error values and columns without a header are rare: one test in C for the row
        # (values are str, numbers, dates or None, all hashable), the loop only if needed.
        if (
            filled[-1] >= self.span
            or not _ERRORS.isdisjoint(values)
            or (self.holes and not self.holes.isdisjoint(filled))
        ):
            self._check_cells(row, values, filled)
        first = values[filled[0]]
        if (
            first.__class__ is str
            and len(first) <= _TOTAL_MAX
            and first[:1] in _TOTAL_INITIALS
            and _TOTAL.fullmatch(first)
            and self._total(row, values, filled)
        ):
            return  # before a lone cell: `Total` over formulas with no value is no section
        # A row with one cell (a note, a section) or, under a legend, any row (_few).
        if len(filled) < self.few and self._few(row, values, filled):
            return
        main = self.main_column
        if main in filled:
            text = values[main]
            if self.layout != _INDICATORS and (
                # A tally's action cell only counts: tested here, _tally called for such rows.
                (_count_like(text) and self._tally(row, values, filled))
                # ... or names it (`Total | Completed | 1`): only a short text is matched.
                or (
                    text.__class__ is str
                    and len(text) <= _TOTAL_MAX
                    and _TALLY_LABEL.fullmatch(text)
                    and self._tally_row(row, values, filled)
                )
            ):
                return
        elif self.layout != _INDICATORS and self._leftover(row, values, filled):
            return  # no action text: a tally under the table, or a comment going on
        if self.fill_rows and self.filled_from and self._continues(row, values, filled):
            return
        self.other_rows += 1
        if self.layout == _RESPONSES:
            self._response_row(row, values, n, filled)
        elif self.layout == _INDICATORS:
            self._indicator_row(row, values, n)
        else:
            self._repeats(row, values)
            self._action_row(row, values, n)

    def _check_cells(self, row: int, values: Sequence[Any], filled: list[int]) -> None:
        """Report error values and give a headerless column with data a name, in column order."""
        for i in filled:
            value = values[i]
            if value.__class__ is str and value[0] == "#" and value in _ERRORS:
                self.add(
                    "GT210",
                    f"{self.cell(i, row)} holds the Excel error {value}; kept as text",
                    i,
                    row,
                )
            if i not in self.mapped:
                self._new_column(i, row)

    def _fill(self, row: int, values: Sequence[Any]) -> Sequence[Any]:
        """Fill the cells a merged range covers in the fill-down columns (see :meth:`_merges`)
        from the range's first row."""
        out = list(values)
        self.filled_from = {}
        for index, covered in self.fill_rows.items():
            first = covered.get(row)
            if first is None:
                if index < len(out) and (index, row) in self.fill_first:
                    self.fill_values[index, row] = out[index]
                continue
            value = self.fill_values.get((index, first))
            if _blank(value) or (index < len(out) and not _blank(out[index])):
                continue
            while len(out) <= index:
                out.append(None)
            out[index] = value
            self.filled_from[index] = first
        return out

    def _records(self) -> list[Any]:
        """Where this table's actions (activities) go: the last of them is the one above."""
        if self.layout == _ACTIVITIES and self.sink is None:
            return self.activities
        return self.actions

    def _kind(self) -> str:
        return "activity" if self.layout == _ACTIVITIES else "action"

    def _above(self, row: int) -> Any:
        """The action (activity) read from the row right above ``row``, or from the row a
        continuation right above went on with (:meth:`_continues`); else None."""
        records = self._records()
        if not records:
            return None
        last = records[-1]
        above = _row_of(last.origin)
        if above <= self.broken_at:
            return None
        if above == row - 1 or self.continued == (above, row - 1):
            return last
        return None

    def _continues(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Join a row that continues the action above to its text and say True (GT237).

        Such a row has the action text as its only own cell, that text goes on with a
        sentence (it opens in lower case or with a joining word: ``and UNICEF``), and its
        other cells are filled from merged ranges that start on the action's row: a text
        wrapped onto a second row, its Responsible, Deadline and Status merged over both.
        """
        main = self.main_column
        if self.layout in {_RESPONSES, _INDICATORS} or main not in filled:
            return False
        text = values[main]
        if text.__class__ is not str:
            return False
        if any(i != main and i not in self.filled_from for i in filled):
            return False
        last = self._above(row)
        if last is None or not _goes_on(text, last.text):
            return False
        above = _row_of(last.origin)
        if any(first != above for first in self.filled_from.values()):
            return False
        records = self._records()
        records[-1] = attrs.evolve(last, text=f"{last.text.rstrip()} {text.strip()}")
        self.continued = (above, row)
        cell, first = self.cell(main, row), self.cell(main, above)
        self.add(
            "GT237",
            f"{cell} continues the {self._kind()} of {first} (merged cells), read as one: "
            f"{text.strip()[:60]!r}",
            main,
            row,
        )
        return True

    def _repeats(self, row: int, values: Sequence[Any]) -> None:
        """GT239 when an action row with no ref repeats the row right above it cell for
        cell: a row pasted twice is counted twice, so it is reported."""
        cells = tuple(values)
        previous, before = self.read_row
        self.read_row = (row, cells)
        if previous != row - 1 or before != cells:
            return
        if self.i_ref < len(cells) and not _blank(cells[self.i_ref]):
            return  # same ref twice: validate's rule (GT108)
        self.add(
            "GT239",
            f"row {row} repeats row {previous}: counted twice "
            f"({_text(cells[self.main_column])[:60]!r})",
            self.main_column,
            row,
        )

    def _new_column(self, index: int, row: int) -> None:
        label = f"Column {self.letter(index)}"
        self.extra_columns.append((index, label))
        self.mapped.add(index)
        self._spans()
        self.add(
            "GT205",
            f"column {self.letter(index)} has data but no header; kept in extra as {label!r}",
            index,
            row,
        )

    def _total(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Keep a total row (``Total | 4 actions``) in extra, whole, and say True; False
        when the row gives what an action has (a party, a deadline, a status), or
        govtrack wrote it (an action may be called "Total")."""
        if not {
            self.i_responsible,
            self.i_deadline,
            self.i_status,
            self.i_helper,
        }.isdisjoint(filled):
            return False
        cell = self.cell(filled[0], row)
        text = " | ".join(self._shown(values[i], i, row).strip() for i in filled)
        self.extra[f"Total {cell}"] = text
        self.broken_at = row
        self.legend, self.few = "", 2  # a total ends a legend
        self.add(
            "GT212",
            f"{cell} reads as a total row, not an action; kept in extra: {text!r}",
            filled[0],
            row,
        )
        return True

    def _tally(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Keep a tally row in extra and say True: its action cell only counts (``2``,
        ``8 actions``) and so does every other cell but the first (``Completed | 2`` under a
        table, ``Country A | 8 | 3 | 4`` in a sheet of counts); reported at the end.

        Called by :meth:`feed` only for a row whose action cell only counts.
        """
        main = self.main_column
        if self.i_helper in filled:
            return False  # a row govtrack wrote, with its hidden deadline cell, is an action
        label = values[filled[0]]
        if filled[0] != main and not (
            _count_like(label) or (label.__class__ is str and len(label) <= _LABEL_MAX)
        ):
            return False
        if not all(_count_like(values[i]) for i in filled[1:]):
            return False
        self._keep_tally(row, values, filled)
        return True

    def _keep_tally(self, row: int, values: Sequence[Any], filled: list[int]) -> None:
        """Keep a tally row in extra, whole, its GT212 given at the end (_report_tallies)."""
        cell = self.cell(filled[0], row)
        text = " | ".join(self._shown(values[i], i, row).strip() for i in filled)
        self.extra[f"Total {cell}"] = text
        self.tallies.append((filled[0], row, text))
        self.broken_at = row

    def _leftover(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Keep a row with no action text that is no action, and say True: a comment going on
        from the row above (:meth:`_comment_row`), or a tally whose labels stand in other
        columns than the action's (:meth:`_tally_row`). Called by :meth:`feed` only for a
        row whose main cell is empty (not in an indicator table)."""
        if self.i_helper in filled:
            return False  # a row govtrack wrote is an action, its empty text meant
        parents = self.parent_columns
        own = [i for i in filled if i not in parents] if parents else filled
        if not own:
            return False  # a recommendation's cells only: _response_row reads them
        notes = self.note_columns
        if notes and notes.issuperset(own):
            self.other_rows += 1  # no count: a table with such a row is no table of counts
            self._comment_row(row, values, filled, own)
            return True
        return len(own) > 1 and self._tally_row(row, values, filled)

    def _tally_row(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Keep a tally row whose action cell is empty in extra and say True: its cells are
        short labels, then counts, at least one of each (``Summary | Completed | 2``, or
        ``Ongoing | 1`` under the Status and Comments columns).

        A cell an action would have is no label, and keeps the row an action (GT213): a
        deadline that reads as one (a date, ``2023/06``, a year, as text or a number) or
        looks like one (a figure in it, ``Q3``, or ``TBD``, ``Ongoing``), a comment, a
        party in the Responsible column (a status word or ``Summary``, ``Total``, ``Count``
        is a label there), a recommendation's text or response, and a ref (words with no
        digit, ``Status summary``, are a label in the first cell).
        """
        reader = self.reader
        deadlines = (self.i_deadline, self.i_revised)
        labels = counts = 0
        for i in filled:
            value = values[i]
            if _count_like(value):
                if i in deadlines and (
                    reader.due_of_number(value)[0] is not None
                    if value.__class__ is not str
                    else reader.reads_as_due(value)
                ):
                    return False  # a year, a day serial: a deadline
                counts += 1
                continue
            if counts or value.__class__ is not str:
                return False  # a label after a count; a date, a tick
            text = value.strip()
            if len(text) > _LABEL_MAX or "\n" in text:
                return False
            if i in deadlines:
                if (
                    reader.reads_as_due(text)
                    or any(char.isdigit() for char in text)  # Q3, 2023 Q3?, 30/06
                    or _PLACEHOLDER_DUE.fullmatch(text)  # TBD, ongoing: an action's deadline
                ):
                    return False
            elif i in (self.i_comments, self.i_updates):
                return False  # a comment (Awaiting funds) is an action's, not a label
            elif i == self.i_responsible:
                if reader.statuses[text] is None and not _TALLY_WORD.match(text):
                    return False
            elif _TALLY_LABEL.fullmatch(text) and not labels:
                pass  # `Total`, `Summary` first, wherever it stands (Key action, Rec #)
            elif i in (self.i_ref, self.i_rec_ref):
                if (
                    labels
                    or " " not in text
                    or any(char.isdigit() for char in text)
                    or _REF_LIKE.fullmatch(text)
                ):
                    return False
            elif i in self.parent_columns or i == self.main_column:
                return False
            labels += 1
        if not (labels and counts):
            return False
        self._keep_tally(row, values, filled)
        return True

    def _comment_row(
        self, row: int, values: Sequence[Any], filled: list[int], own: list[int]
    ) -> None:
        """Read a row whose only cells but the recommendation's are its Comments (or Updates):
        it is no action of its own. It goes on with the comments (updates) of the action
        above, joined with a line break; on a recommendation with no key action (or on no
        action at all) it is kept in the container's extra (a Recommendation has no field
        for it). Reported either way (GT230)."""
        current: dict[str, Any] | None = None
        if self.layout == _RESPONSES:
            if len(own) != len(filled):  # the recommendation's cells are read as ever
                self._response_row(row, values, len(values), [i for i in filled if i not in own])
            current = self.current
            actions: list[Any] = current["actions"] if current is not None else []
        elif self.layout == _ACTIVITIES and self.sink is None:
            actions = self.activities
        else:
            actions = self.actions
        last = actions[-1] if actions else None
        above = _row_of(last.origin) if last is not None else 0
        action_row, joined_row, joined = self.joined
        if action_row != above:
            joined_row, joined = above, 0
        eligible = (
            last is not None
            and above > self.broken_at
            # under the recommendation of the row: not a key action of the one before
            and (current is None or above >= _row_of(current["origin"]))
        )
        contiguous = row == joined_row + 1  # right under the action or its last comment row
        if eligible and contiguous and joined < _MOST_JOINED:
            self._go_on(row, values, own, actions, above)
            self.joined = (above, row, joined + 1)
            return
        if eligible and contiguous:
            self.joined = (above, row, joined)
            on = f"the action of row {above}, which has {joined} such rows already"
        elif eligible:
            on = f"no action right above it (a gap after row {joined_row})"
        elif current is not None:
            ref = current["ref"] or current["text"][:40] or current["response"][:40]
            on = f"recommendation {ref!r}, which has no key action above it"
        else:
            on = "no action above it"
        for i in own:
            cell = self.cell(i, row)
            label = self.labels.get(i) or f"Column {self.letter(i)}"
            key = f"{label} {cell}"
            text = self._shown(values[i], i, row)
            self.extra[key] = text
            self.add(
                "GT230",
                f"{cell} ({label}) is the only action cell of row {row}, a comment on {on}: "
                f"it makes no action, and is kept in extra as {key!r}: {text!r}",
                i,
                row,
            )

    def _go_on(
        self, row: int, values: Sequence[Any], own: list[int], actions: list[Any], above: int
    ) -> None:
        """Join a comment-only row's cells to the comments (updates) of the last action."""
        last = actions[-1]
        comments, updates = last.comments, last.updates
        for i in own:
            text = self._shown(values[i], i, row)
            label = self.labels.get(i, "")
            if i == self.i_comments:
                comments = f"{comments}\n{text}" if comments else text
                joined = "joined to its comments with a line break"
            else:
                updates = (*updates, *self.reader.updates_of(text))
                joined = "read as more of its updates"
            if _shows_nothing(text):
                joined += " (it holds only invisible characters)"
            self.add(
                "GT230",
                f"{self.cell(i, row)} ({label}) is the only cell of row {row}: it goes on with "
                f"the action of row {above} ({last.text[:40]!r}), {joined}",
                i,
                row,
            )
        actions[-1] = attrs.evolve(last, comments=comments, updates=updates)

    def _report_tallies(self) -> bool:
        """Report the tally rows (GT212), or the table when every row is one (GT223, and
        True: it is not read)."""
        if self.tallies and not self.other_rows and not self.recommendations:
            rows = len(self.tallies)
            index, row, text = self.tallies[0]
            header = " | ".join(self.labels[i] for i in sorted(self.labels))
            self.problems.add(
                "GT223",
                f"the table under row {self.header.row} ({header!r}) holds only counts, "
                f"not actions: its {rows} row{'s' if rows != 1 else ''} (such as {text!r} in "
                f"row {row}) are a label and numbers; it was not read",
                self.sheet,
                f"A{self.header.row}",
            )
            return True
        for index, row, text in self.tallies:
            self.add(
                "GT212",
                f"{self.cell(index, row)} reads as a tally row (a label and counts), not an "
                f"action; kept in extra: {text!r}",
                index,
                row,
            )
        return False

    def _lone(self, row: int, index: int, value: Any) -> bool:
        """Handle a row with a single filled cell when it is a note or a section; True if so."""
        if value.__class__ is not str:
            return False
        text = value.strip()
        if _may_hide(text[0]) and _shows_nothing(text):
            # A row whose one cell looks empty (a zero-width space) where a short text would
            # head a section is a blank row; elsewhere it is read, and its want of an
            # action text reported (GT213).
            return self._heads_section(row, index)
        cell = self.cell(index, row)
        # A legend opens in the table's first or main column; `Key` in a Comments cell is
        # an action's word (a `Legend…` note there is still a note).
        legend = _LEGEND.match(text) if index in {self.first_column, self.main_column} else None
        if legend or _NOTE.match(text) or _PAGE_MARK.fullmatch(text):
            # A page or continuation marker (Page 1 of 2, (continued)) is a note too: no
            # section, nor a title of a table under it (a header repeated there is GT216).
            self.extra[f"Note {cell}"] = text
            self.broken_at = row
            if legend:  # the pairs under it are the legend's (_legend_row)
                self.legend, self.few = cell, _NOWHERE
            self.add(
                "GT212",
                f"{cell} reads as a note, not an action; kept in extra: {text!r}",
                index,
                row,
            )
            return True
        if _REF_LIKE.fullmatch(text):
            return False
        heads = len(text) <= _SECTION_MAX and "\n" not in text and self._heads_section(row, index)
        if (
            index == self.main_column
            and self.layout not in {_RESPONSES, _INDICATORS}
            and (last := self._above(row)) is not None
            and _goes_on(text, last.text)
        ):
            # It reads as the end of the sentence above, yet no merged cell ties it there:
            # reported, and read as it would be without the doubt (a section or an action).
            first = self.cell(index, _row_of(last.origin))
            read = "a section heading (the group of the rows below)" if heads else "one of its own"
            self.add(
                "GT238",
                f"{cell} alone on its row may continue the {self._kind()} of {first} "
                f"({last.text[:40]!r}), but no merged cell ties them: read as {read}",
                index,
                row,
            )
        if not heads:
            return False
        self._close_section()
        self.section = _Section(label=text, cell=cell, row=row, index=index)
        self.broken_at = row
        return True

    def _stray(self, row: int, index: int, value: Any) -> bool:
        """Keep a lone cell below a blank row in extra as a note and say True, when its column
        makes no record by itself: not the action (indicator, recommendation) column, nor the
        table's first column (where a lone text is a section or a note: :meth:`_lone`), nor a
        recommendation's or a comment's column (:meth:`_response_row`, :meth:`_comment_row`),
        nor govtrack's helper column. ``Signed: ____`` under Responsible, ``Page 1 of 2``
        under Status: a sign-off, not an action with no text (GT212)."""
        if (
            index in {self.main_column, self.first_column}
            or index in self.parent_columns
            or index in self.note_columns
            or index in self.ignored
            or (row, index) in self.merged_across
            or (value.__class__ is str and value in _ERRORS)
        ):
            return False
        text = _text(value).strip()
        if not text or _shows_nothing(text):
            return False
        cell = self.cell(index, row)
        self.extra[f"Note {cell}"] = text
        self.broken_at = row
        self.legend, self.few = "", 2
        where = self.labels.get(index)
        where = f"under {where!r}" if where else "in a column with no header"
        self.add(
            "GT212",
            f"{cell} is alone on its row, below a blank row and {where}, with no action "
            f"text: it reads as a note, not an action; kept in extra: {text!r}",
            index,
            row,
        )
        return True

    def _few(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Read a row with one filled cell (a note, a section: :meth:`_lone`) or, while a
        legend is open, any row (a row of the legend, else the legend ends); True when the
        row is read so."""
        if self.legend:
            if self._legend_row(row, values, filled):
                return True
            self.legend, self.few = "", 2
        return len(filled) == 1 and self._lone(row, filled[0], values[filled[0]])

    def in_legend(self, values: Sequence[Any]) -> bool:
        """Whether a legend is open and this row is one of its pairs (:meth:`_legend_pair`).

        _walk asks before it takes a row naming columns for a new table's header: a pair
        such as ``On schedule | Key action`` is the legend's, not a header (the table's own
        header repeated is still GT216).
        """
        if not self.legend:
            return False
        filled = [
            i
            for i, value in enumerate(values)
            if value is not None and (value.__class__ is not str or (value and not value.isspace()))
        ]
        return self._legend_pair(values, filled) is not None

    def _legend_pair(self, values: Sequence[Any], filled: list[int]) -> tuple[str, str] | None:
        """The word and meaning of a legend's row: two cells, a status, category or schedule
        word or a colour name, then what it means (``Completed | Fully done``); else None."""
        if len(filled) != 2 or self.i_helper in filled:
            return None
        word, meaning = values[filled[0]], values[filled[1]]
        if word.__class__ is not str or meaning.__class__ is not str:
            return None
        word = word.strip()
        reader = self.reader
        if len(word) > _LABEL_MAX or not (
            word.lower() in _COLOURS
            or reader.statuses[word] is not None
            or reader.category_of(word) is not None
            or ScheduleStatus.parse(word) is not None
        ):
            return None
        return word, meaning

    def _legend_row(self, row: int, values: Sequence[Any], filled: list[int]) -> bool:
        """Keep a row of a legend in extra and say True (:meth:`_legend_pair`)."""
        pair = self._legend_pair(values, filled)
        if pair is None:
            return False
        word, meaning = pair
        cell = self.cell(filled[0], row)
        text = f"{word} | {meaning.strip()}"
        self.extra[f"Legend {cell}"] = text
        self.broken_at = row
        self.add(
            "GT212",
            f"{cell} reads as a row of the legend under {self.legend}, not an action; "
            f"kept in extra: {text!r}",
            filled[0],
            row,
        )
        return True

    def _heads_section(self, row: int, index: int) -> bool:
        """Whether a short text alone in this cell is a section row."""
        if (row, index) in self.merged_across:
            return True
        if self.layout == _RESPONSES and index in self.parent_columns:
            return index not in {self.i_recommendation, self.i_response, self.i_category}
        if self.layout == _RESPONSES:
            return index == self.first_column
        return index in {self.first_column, self.main_column}

    def title_above(self, row: int) -> list[tuple[int, Sequence[Any]]]:
        """The section row right above ``row`` (a new header row) with nothing under it, as a
        title row for the table under that header; taken from this table (not kept in its
        extra, GT215). Empty when there is none."""
        section = self.section
        if section is None or section.used or section.row != row - 1 or self.filled_rows < 2:
            # Under a header with no row but the section: the header is repeated (GT216),
            # the section heads the rows under it, as in one table.
            return []
        self.section = None
        return [(section.row, [*([None] * section.index), section.label])]

    def _close_section(self) -> None:
        section = self.section
        if section is not None and not section.used:
            self.extra[f"Section {section.cell}"] = section.label
            self.problems.add(
                "GT215",
                f"section row {section.label!r} has nothing under it; kept in extra",
                self.sheet,
                section.cell,
            )

    def _group(self, values: Sequence[Any], n: int) -> str:
        if self.i_group < n:
            group = _text(values[self.i_group])
            if group:
                return group
        section = self.section
        if section is None:
            return ""
        section.used = True
        return section.label

    def _extra(self, values: Sequence[Any], n: int, row: int = 0) -> dict[str, str]:
        extra: dict[str, str] = {}
        percents = self.percents
        for index, label in self.extra_columns:
            if index < n:
                value = values[index]
                text = self._shown(value, index, row) if index in percents else _text(value)
                if text:
                    extra[label] = text
        if self.note_rows and row in self.note_rows:
            self.notes.take(row, extra, self.labels, self._refuse_note)
        return extra

    def _refuse_note(self, index: int) -> str:
        """Why a note in column ``index`` of an action's row is not the action's ("" if it is)."""
        if index in self.parent_columns:
            return f"in the {self.labels.get(index, 'recommendation')} column, not the key action's"
        if index in self.ignored:
            return "in govtrack's helper column"
        if index not in self.mapped and not self.first_column <= index < self.width:
            return "outside the table's columns"
        return ""

    def _due(self, value: Any, index: int, row: int) -> tuple[Due | None, str]:
        if value is None:
            return None, ""
        kind = value.__class__
        if kind is str:
            return self.reader.due_of_text(value, self, index, row)
        if kind is dt.datetime or kind is dt.date:
            day = value.date() if kind is dt.datetime else value
            if self.partial_dates is not None and isinstance(
                shape := self.partial_dates.get((self._anchor(index, row), index + 1)), DateShape
            ):
                return self.reader.due_of_shape(shape, day), ""
            return self.reader.due_of_day(day), ""
        if kind is int or kind is float:
            return self.reader.due_of_number(value)
        return None, _text(value)

    def _shown(self, value: Any, index: int, row: int) -> str:
        """A cell's text as Excel shows it: a number in a percent style as its percentage
        (``1`` formatted ``0%`` is ``100%``), any other value as :func:`_text` gives it (a
        tick ``TRUE``, a date ``2023-02-14``)."""
        if (
            index in self.percents
            and self.partial_dates is not None
            and (value.__class__ is float or value.__class__ is int)
        ):
            shape = self.partial_dates.get((self._anchor(index, row), index + 1))
            if isinstance(shape, PercentShape):
                return shape.text(value)
        return _text(value)

    def _anchor(self, index: int, row: int) -> int:
        """The row whose cell ``row`` shows in column ``index``: the first row of a merged
        range filled down over it, else ``row`` itself."""
        covered = self.fill_rows.get(index)
        return row if covered is None else covered.get(row, row)

    def _parts(self, row: int, values: Sequence[Any], n: int, make: Callable[..., _T]) -> _T:
        """``make`` given the fields every kind of action shares, from one row, in the order
        of :data:`ACTION_FIELDS` (the hot path: kept lean, no dict, no keyword unpacking;
        the columns read more than once are bound to locals)."""
        i_action, i_scope, i_deadline, i_revised = (
            self.i_action, self.i_scope, self.i_deadline, self.i_revised
        )  # fmt: skip
        if i_action < n:
            text = values[i_action]
            if text.__class__ is not str or text.isspace():
                text = self._shown(text, i_action, row)
        else:
            text = ""
        if i_scope != _NOWHERE:
            scope = _text(values[i_scope]).strip() if i_scope < n else ""
        elif text and ":" in text:
            scope, text = self._scope_prefix(text, row)
        else:
            scope = ""
        columns, labels = self.columns, self.field_labels
        reader = self.reader
        kept: dict[str, str] | None = None
        if i_revised < n and not _blank(revised := values[i_revised]):
            due, due_text, kept = self._deadline(revised, i_revised, row)
            columns, labels = self.revised_columns, self.revised_labels
            if i_deadline < n and not _blank(deadline := values[i_deadline]):
                kept = kept or {}
                kept[self._original_label()] = self._original(deadline, row)
        elif i_deadline < n and (deadline := values[i_deadline]) is not None:
            if (
                self.i_words < n
                and deadline.__class__ is str
                and (written := self._written_due(deadline, values, n)) is not None
            ):
                due, due_text = written, ""
            elif deadline.__class__ is str and "(" not in deadline:
                # The usual cell, no revision in it (see _deadline): read as _due reads it.
                due, due_text = reader.due_of_text(deadline, self, i_deadline, row)
            else:
                due, due_text, kept = self._deadline(deadline, i_deadline, row)
        else:
            due, due_text = None, ""
        if self.i_status < n:
            status_text = values[self.i_status]
            if status_text.__class__ is not str or status_text.isspace():
                status_text = self._shown(status_text, self.i_status, row)
        else:
            status_text = ""
        updates = (
            reader.updates_of(self._shown(values[self.i_updates], self.i_updates, row))
            if self.i_updates < n
            else ()
        )
        if self.rounds:
            status_text, earlier, columns, labels = self._round_updates(
                values, n, status_text, columns, labels, row=row
            )
            updates = (*earlier, *updates)
        if self.i_responsible < n and (responsible := values[self.i_responsible]) is not None:
            # Parsed once per distinct text; 1, 1.0 and True are equal keys, but not one text.
            parties = (
                reader.parties[responsible]
                if responsible.__class__ is str
                else _parties(_text(responsible))
            )
        else:
            parties = ()
        if self.i_comments < n:
            comments = values[self.i_comments]
            if comments.__class__ is not str or comments.isspace():
                comments = self._shown(comments, self.i_comments, row)
        else:
            comments = ""
        ref = values[self.i_ref] if self.i_ref < n else ""
        ref = ref.strip() if ref.__class__ is str else _text(ref).strip()
        if ref:
            self.last_ref = ref
        elif (
            text
            and (text[0] in _REF_FIRST or text[1:2] in _REF_SECOND)
            and (match := _LEADING_REF.match(text)) is not None
        ):
            ref, text = self._leading_ref(match, text, values, n, row)
        if not text or (_HIDING[text[0]] and _shows_nothing(text)):
            self._no_text(row, text)
        return make(
            text,
            ref,
            parties,
            due,
            due_text,
            reader.statuses[status_text] if status_text else None,
            status_text,
            comments,
            updates,
            scope,
            self._group(values, n) if self.i_group < n or self.section else "",
            (
                FrozenMap({**self._extra(values, n, row), **kept})
                if kept
                else FrozenMap(self._extra(values, n, row))
                if self.extra_columns or (self.note_rows and row in self.note_rows)
                else _NO_EXTRA
            ),
            new_location(
                self.problems.file,
                self.sheet,
                f"{self.origin_letter}{row}",
                columns,
                labels,
            ),
        )

    def _written_due(self, deadline: str, values: Sequence[Any], n: int) -> Due | None:
        """The one-day deadline govtrack's matrix wrote in its own words (``within two
        weeks``): the day in its helper column (``_govtrack due end``), the Deadline cell's
        text, when the words column (``_govtrack due words``) holds that same text; None
        otherwise (a partner changed the Deadline cell, or the row is not govtrack's), and
        the cell is read as any other."""
        if values[self.i_words] != deadline or not deadline.strip() or self.i_due_end >= n:
            return None
        serial = values[self.i_due_end]
        if serial.__class__ is not int and serial.__class__ is not float:
            return None
        if not math.isfinite(serial) or serial != int(serial):
            return None
        try:  # the writer's own count of days (no 1900 leap-day shift: it wrote none)
            day = self.reader.epoch.date() + dt.timedelta(days=int(serial))
        except OverflowError:
            return None
        return Due.day(day, deadline)

    def _original_label(self) -> str:
        """Where extra keeps the original deadline a revised one replaced: under its
        column's header when that says it is the original (``Original deadline``), else
        under the header and ``(original)`` (``Deadline (original)``)."""
        label = self.labels.get(self.i_deadline, "") or HEADERS["deadline"]
        if _names_original_deadline(label, self.reader.lookup):
            return label
        return f"{label} (original)"

    def _deadline(
        self, value: Any, index: int, row: int
    ) -> tuple[Due | None, str, dict[str, str] | None]:
        """A deadline cell read as :meth:`_due` reads it, but for a text that gives a date and
        its revision (``Dec 2022 (revised: Jun 2023)``, ``Jun 2023 (revised)``): the revised
        date is the deadline, and the cell, as written, is kept in extra under its header and
        ``(as written)`` (the third item; None for any other cell)."""
        if value.__class__ is str and "(" in value and (match := _REVISED_IN_CELL.fullmatch(value)):
            written = match.group("revised") or match.group("original")
            due, unread = self.reader.due_of_text(written, self, index, row)
            if due is not None and not unread:
                label = self.labels.get(index, "") or HEADERS["deadline"]
                if not self.revisions_noted:
                    self.revisions_noted = True
                    self.add(
                        "GT226",
                        f"{self.cell(index, row)} gives a deadline and its revision "
                        f"({value.strip()!r}): the revised date, {due.text!r}, is read as the "
                        f"deadline and the cell kept in extra as {label + ' (as written)'!r}, "
                        "here and in the rows below",
                        index,
                        row,
                    )
                return due, "", {f"{label} (as written)": value.strip()}
        due, due_text = self._due(value, index, row)
        return due, due_text, None

    def _original(self, value: Any, row: int) -> str:
        """The text of an original deadline a revised one replaces (kept in extra): a text
        as written, a date as its deadline reads (``Jul 2023`` for a month-formatted date)."""
        if value.__class__ is str:
            return value.strip()
        due, due_text = self._due(value, self.i_deadline, row)
        return due.text if due is not None else due_text or _text(value)

    def _scope_prefix(self, text: str, row: int) -> tuple[str, str]:
        """The scope prefix of an action's text (``KAZ: Chair…``) and the rest, by the rule
        the text matrix shares (:func:`~govtrack.io._refs.split_scope`); the first split of
        a table is reported (GT227)."""
        scope, rest = split_scope(text)
        if scope and not self.scopes_noted:
            self.scopes_noted = True
            cell = self.cell(self.i_action, row)
            self.add(
                "GT227",
                f"{cell} starts with {scope!r} and a colon: it is read as the action's scope "
                "and the rest as its text, here and in the rows below (add a Scope column "
                "to keep the texts whole)",
                self.i_action,
                row,
            )
        return scope, rest

    def _leading_ref(
        self, match: re.Match[str], text: str, values: Sequence[Any], n: int, row: int
    ) -> tuple[str, str]:
        """The ref and the text of an action whose text starts with a ref shape.

        Called only for a row with no ref of its own (no ref column, or an empty
        ref cell) whose text matched :data:`~govtrack.io._refs.LEADING_REF`: a dotted number
        (``1.1``, ``2.3.1``), a number or a dotted number ending in ``.`` or ``)``
        (``1.``, ``1)``, ``1.2.``), ``(1)``, or a letter item (``a)``, ``(a)``,
        ``a.``, ``A)``, ``(ii)``), then one space and the text. The ref is kept as
        written, so ``f"{ref} {text}"`` is the cell's text (after a ``KAZ:`` scope):
        nothing is lost. A token followed by anything but one space (a line break,
        two spaces, nothing) leaves the cell whole, as does a row govtrack wrote.

        A bare dotted number is how a decimal starts a sentence (``1.5 million
        people reached``), so it is a ref only when it is followed by no quantity word
        (``million``, ``%``, ``km``) and it fits the table: under a recommendation
        with a numeric ref it must extend that ref (``1.2`` under ``1``, not ``3.5``
        under ``1``); elsewhere it must come next in an outline after the last ref
        read in the table (``1.2`` after ``1.1``, ``2.1`` after ``1.3``, ``1.2.1``
        after ``1.2``), or, with no numeric ref before it, start one (``1.1``,
        ``3.1``). Other shapes (``1.``, ``a)``) are list markers, not numbers, and
        need no context. The first ref read so in a table is reported once (GT220).

        Args:
            match: The :data:`~govtrack.io._refs.LEADING_REF` match at the start of ``text``.
            text: The action's text.
            values: The row's values.
            n: How many values the row has.
            row: The row number.

        Returns:
            ``(ref, text)``: the ref and the rest, or ``("", text)`` unchanged.
        """
        if self.i_helper < n and not _blank(values[self.i_helper]):
            return "", text
        end = match.end()
        outline = match.group("outline")
        if outline is not None and not self._outline_fits(outline, text, end):
            return "", text
        ref = match.group("ref")
        if not self.refs_noted:
            self.refs_noted = True
            cell = self.cell(self.i_action, row)
            self.add(
                "GT220",
                f"{cell} starts with the ref {ref!r}: it is read as the action's ref and "
                "the rest as its text, here and in the rows below with no ref of their own "
                "(the ref, a space and the text give the cell back)",
                self.i_action,
                row,
            )
        self.last_ref = ref
        return ref, text[end:]

    def _outline_fits(self, outline: str, text: str, end: int) -> bool:
        """Whether a bare dotted number leading a text is a ref here (see :meth:`_leading_ref`)."""
        current = self.current
        parent = current["ref"] if current is not None else None
        return outline_fits(outline, text, end, parent=parent, last_ref=self.last_ref)

    def _fields(self, row: int, values: Sequence[Any], n: int) -> dict[str, Any]:
        """The fields every kind of action shares, by name (for an activity, which adds its own)."""
        return self._parts(row, values, n, _by_name)

    def _action_row(self, row: int, values: Sequence[Any], n: int) -> None:
        if self.layout != _ACTIVITIES:
            if self.i_deemed < n and not _blank(values[self.i_deemed]):
                self.actions.append(self._deemed(row, values, n))
            else:
                self.actions.append(self._parts(row, values, n, new_action))
            return
        fields = self._fields(row, values, n)
        status_text = fields["status_text"]
        if status_text and fields["status"] is None and status_narrative(status_text):
            # A progress narrative, not a status word (a short unknown word stays: GT101).
            fields["status_text"] = ""
            if self.narrative_to_extra:
                extra = dict(fields["extra"])
                extra[self.labels.get(self.i_status, "Status")] = status_text
                fields["extra"] = extra
            else:
                fields["comments"] = status_text
        fields["schedule"] = self._schedule(row, values, n, fields)
        fields["delay_reasons"] = (
            self._shown(values[self.i_delay], self.i_delay, row) if self.i_delay < n else ""
        )
        fields["recommendations"] = (
            self._shown(values[self.i_recommendations], self.i_recommendations, row)
            if self.i_recommendations < n
            else ""
        )
        activity = Activity(**fields)
        if self.sink is None:
            self.activities.append(activity)
        else:
            self.sink.append(activity)

    def _deemed(self, row: int, values: Sequence[Any], n: int) -> Action:
        """A row with a mark under Deemed consent: a tick makes it a deemed-consent Decision."""
        mark = values[self.i_deemed]
        ticked = _tick(mark)
        if ticked:
            return Decision(**self._fields(row, values, n), deemed_consent=True)
        fields = self._fields(row, values, n)
        if ticked is None:
            word = _text(mark)
            self.add(
                "GT219",
                f"row {row}: deemed consent {word!r} is not a tick (such as Yes or X); "
                "kept in extra",
                self.i_deemed,
                row,
            )
            self._keep(fields, self.i_deemed, word)
        return Action(**fields)

    def _schedule(
        self, row: int, values: Sequence[Any], n: int, fields: dict[str, Any]
    ) -> ScheduleStatus | None:
        if self.i_schedule < n and not _blank(values[self.i_schedule]):
            word = self._shown(values[self.i_schedule], self.i_schedule, row)
            schedule = ScheduleStatus.parse(word)
            if schedule is None:
                self.add(
                    "GT214",
                    f"schedule {word!r} is neither on nor behind schedule; kept in extra",
                    self.i_schedule,
                    row,
                )
                self._keep(fields, self.i_schedule, word)
            return schedule
        on = _tick(values[self.i_on]) if self.i_on < n else False
        behind = _tick(values[self.i_behind]) if self.i_behind < n else False
        if on is None or behind is None or (on and behind):
            for index in (self.i_on, self.i_behind):
                if index < n and not _blank(values[index]):
                    self._keep(fields, index, self._shown(values[index], index, row))
            self.add(
                "GT214",
                f"row {row}: the schedule ticks are unclear (on: "
                f"{_text(values[self.i_on]) if self.i_on < n else ''!r}, behind: "
                f"{_text(values[self.i_behind]) if self.i_behind < n else ''!r}); "
                "expected one tick (✓, x, yes); kept in extra",
                self.i_on if self.i_on != _NOWHERE else self.i_behind,
                row,
            )
            return None
        if on:
            return ScheduleStatus.ON_SCHEDULE
        if behind:
            return ScheduleStatus.BEHIND_SCHEDULE
        return None

    def _keep(self, fields: dict[str, Any], index: int, text: str) -> None:
        extra = dict(fields["extra"])
        extra[self.labels.get(index, f"Column {self.letter(index)}")] = text
        fields["extra"] = extra

    def _response_row(self, row: int, values: Sequence[Any], n: int, filled: list[int]) -> None:
        if self.parent_columns.isdisjoint(filled):  # the usual key-action row
            rec_ref = rec_text = response = category = ""
        else:
            rec_ref = _text(values[self.i_rec_ref]).strip() if self.i_rec_ref < n else ""
            rec_text = (
                self._shown(values[self.i_recommendation], self.i_recommendation, row)
                if self.i_recommendation < n
                else ""
            )
            response = (
                self._shown(values[self.i_response], self.i_response, row)
                if self.i_response < n
                else ""
            )
            category = (
                self._shown(values[self.i_category], self.i_category, row)
                if self.i_category < n
                else ""
            )
            if rec_ref and self.numbering:
                anchor = rec_text if self.i_recommendation != _NOWHERE else response
                rec_ref = self._judge_number(row, filled, rec_ref, anchor)
        moved = self.i_moved
        number_only = (
            moved < n
            and moved in filled
            and self.action_columns.isdisjoint(index for index in filled if index != moved)
        )
        if number_only:
            # The re-roled numbering column is the only key-action cell filled: there is no
            # key action to take the number, so it is the recommendation's, as it was.
            rec_ref = _text(values[moved]).strip()
        current = self.current
        opened = False
        if (rec_ref or rec_text) and (
            current is None
            # A blank cell is filled down: a row repeating the text with no number, or the
            # number under a merged text, goes on with the recommendation above.
            or (rec_ref and rec_ref != current["ref"])
            or (rec_text and rec_text != current["text"])
        ):
            self._close_recommendation()
            index = self.i_recommendation if rec_text else self.i_rec_ref
            if number_only and not rec_text:
                index = moved
            opened = True
            if not rec_text and self.i_recommendation != _NOWHERE:
                self.add(
                    "GT213",
                    f"row {row} starts recommendation {rec_ref!r} with no recommendation text",
                    self.i_recommendation,
                    row,
                )
            current = self.current = {
                "ref": rec_ref,
                "text": rec_text,
                "number": rec_ref if self.numbering else "",
                "anchor": rec_text or response,
                "response": "",
                "category": "",
                "actions": self._actions(),
                "group": self._group(values, n),
                # Location(file=…, sheet=…, cell=…), without its __init__.
                "origin": new_location(
                    self.problems.file, self.sheet, self.cell(index, row), EMPTY, EMPTY
                ),
            }
        elif (
            response
            and current is not None
            and self.i_recommendation == _NOWHERE
            and self.number_role in {_BY_ACTION, _BY_NEITHER}
        ):
            # No recommendation text, and the numbers are the key actions' (told by rows
            # under a blank or merged response): a response is a new recommendation, even
            # one worded as the last ("Agreed.").
            self._close_recommendation()
            opened = True
            current = self.current = self._orphan(row)
            current["anchor"] = response
        if response or category:
            if current is None:
                current = self.current = self._orphan(row)
            if response and response != current["response"]:
                current["response"] = (
                    f"{current['response']}\n{response}" if current["response"] else response
                )
            if category and not current["category"]:
                current["category"] = category
        if number_only or self.action_columns.isdisjoint(filled):
            self.outline_ref = ""
            return  # nothing in the key action's columns (nor in extra ones)
        if current is None:
            current = self.current = self._orphan(row)
            self.add(
                "GT218",
                f"row {row} has a key action above the first recommendation; "
                "it is kept under a recommendation with no text",
                self.i_action,
                row,
            )
        action = self._parts(row, values, n, new_action)
        if self.outline_ref:
            action = self._outlined(action)
        untold = self.numbering and not self.number_role
        if untold and current["number"] and not opened:
            # A key action going on with the recommendation under no number or the same
            # one: the number is the recommendation's.
            self._settle(_BY_RECOMMENDATION)
            untold = False
        current["actions"].append(action)
        if untold:
            self._hold()

    def _actions(self) -> list[Action]:
        """Where a new recommendation's key actions go: the stream's sink, unless the numbering
        column's role is untold (then they are held until it is, see :meth:`_settle`)."""
        if self.sink is None or (self.numbering and not self.number_role):
            return []
        return self.sink

    def _judge_number(self, row: int, filled: list[int], number: str, anchor: str) -> str:
        """What a bare numbering column (``No``, ``#``) left of the recommendation numbers,
        told by a row with a number; returns the recommendation ref the row gives.

        The number names the recommendation when it changes together with the
        recommendation's text. A number that extends the recommendation's in an outline
        (``1.1``, ``1.2`` under ``1``) names the row's key action, and the column goes on
        numbering the recommendations. Another number that changes while the text stays
        the same, blank or merged is a key action's: the first time, the column becomes
        the key actions' ref column (GT221), and each recommendation read so far (and the
        open one) gives its number to the key action of the row that opened it. When
        the key actions have refs of their own (an ``Action #`` column, a ref leading the
        first one's text) the column is kept in ``extra`` instead (GT222). Once the rows
        have shown the numbers numbering recommendations (a key action under a blank
        number or the same one), a number changing under the same text is reported
        (GT222) and read as a new recommendation, as before.

        With no recommendation column, the response stands for its text, but only when
        blank or merged: the same response on two rows (``Agreed.``) is no sign that they
        are one recommendation, so a number changing beside it starts a new one.
        """
        current = self.current
        if current is None or (anchor and anchor != current["anchor"]):
            return number  # a new recommendation, with its number
        first = current["number"]
        if number == first or not first:
            return number
        if self.action_columns.isdisjoint(filled):
            return number  # no key action on the row to take the number
        if _extends(number, first):
            self.outline_ref = number
            if not self.number_role:
                self._settle(_BY_RECOMMENDATION)
            return str(current["ref"])
        if anchor and self.i_recommendation == _NOWHERE:
            return number  # a response repeated word for word: a new recommendation
        index = self.i_rec_ref
        cell = self.cell(index, row)
        label = self.labels.get(index, "")
        what = "recommendation text" if self.i_recommendation != _NOWHERE else "response"
        text = "the same" if anchor else "blank (or merged)"
        if self.number_role == _BY_RECOMMENDATION:
            self.add(
                "GT222",
                f"{cell}: the {label!r} number changes ({first!r}, then {number!r}) while the "
                f"{what} stays {text}, but the rows above number the recommendations; "
                f"read as a new recommendation {number!r}",
                index,
                row,
            )
            return number
        actions = current["actions"]
        opening: Action | None = actions[0] if actions else None
        above = ", in the rows above too" if self.held else ""
        if self.i_ref == _NOWHERE and opening is not None and not opening.ref:
            self._renumber(_BY_ACTION)
            self.add(
                "GT221",
                f"{cell}: the {label!r} number changes ({first!r}, then {number!r}) while the "
                f"{what} stays {text}: column {self.letter(index)} numbers the key actions, "
                f"and is read as their refs{above}",
                index,
                row,
            )
            return ""
        if self.i_ref != _NOWHERE:
            why = f"the key actions have their own ref column ({self.labels.get(self.i_ref)!r})"
        elif opening is not None:
            why = f"the first key action has a ref of its own ({opening.ref!r})"
        else:
            why = f"the row that gave {first!r} has no key action"
        self._renumber(_BY_NEITHER)
        self.add(
            "GT222",
            f"{cell}: the {label!r} number changes ({first!r}, then {number!r}) while the "
            f"{what} stays {text}, and {why}: column {self.letter(index)} is read as neither "
            f"the recommendations' refs nor the key actions', and kept in extra{above}",
            index,
            row,
        )
        return ""

    def _renumber(self, role: str) -> None:
        """Make the numbering column the key actions' ref column, or an extra column, and
        read the rows held so (:meth:`_settle`)."""
        index = self.i_rec_ref
        del self.keys["rec_ref"]
        label = self.labels.get(index, "")
        if role == _BY_ACTION:
            self.keys["ref"] = index
            self.i_ref = index
        else:
            if label in {taken for _, taken in self.extra_columns}:
                label = f"{label} ({self.letter(index)})"
            self.extra_columns.append((index, label))
            self.extra_columns.sort()
        self.i_rec_ref = _NOWHERE
        self.i_moved = index
        self.moved_label = label
        self.numbering = False
        self.parent_columns = frozenset(
            index for key, index in self.keys.items() if key in _PARENT_KEYS
        )
        self.columns = FrozenMap({key: self.letter(i) for key, i in self.keys.items()})
        self.field_labels = FrozenMap(
            {key: self.labels[i] for key, i in self.keys.items() if self.labels.get(i)}
        )
        self._revised_maps()
        self._spans()
        self._settle(role)

    def _settle(self, role: str) -> None:
        """Tell the numbering column's role: the recommendations held until now and the open
        one read their numbers so (:meth:`_revise`), and the held ones are let go."""
        self.number_role = role
        held, self.held = self.held, []
        for rec in held:
            self._revise(rec)
            self._emit(rec)
        current = self.current
        if current is not None:
            self._revise(current)
            if self.sink is not None and current["actions"] is not self.sink:
                self.sink.extend(current["actions"])
                current["actions"] = self.sink

    def _revise(self, rec: dict[str, Any]) -> None:
        """Give a recommendation's number to the key action of the row that gave it, as the
        column's role says (its ref, or its extra); a number on a row with no key action
        stays the recommendation's."""
        number = rec["number"]
        actions = rec["actions"]
        role = self.number_role
        # Held untold, a numbered recommendation has at most the key action of its first row.
        if role == _BY_RECOMMENDATION or not number or len(actions) != 1:
            return
        action = actions[0]
        origin = action.origin
        if origin is not None:
            origin = attrs.evolve(origin, columns=self.columns, labels=self.field_labels)
        if role == _BY_ACTION and not action.ref:
            actions[0] = attrs.evolve(action, ref=number, origin=origin)
        else:
            extra = FrozenMap({**action.extra, self.moved_label: number})
            actions[0] = attrs.evolve(action, extra=extra, origin=origin)
        if rec["ref"] == number:
            rec["ref"] = ""
        rec["number"] = ""

    def _outlined(self, action: Action) -> Action:
        """The row's key action named by the outline number beside it (``1.1`` under ``1``):
        its ref, or, when it has another of its own, kept in its extra."""
        number, self.outline_ref = self.outline_ref, ""
        index = self.i_rec_ref
        label = self.labels.get(index, "")
        if action.ref and action.ref != number:
            return attrs.evolve(action, extra=FrozenMap({**action.extra, label: number}))
        origin = action.origin
        if origin is not None:
            columns = FrozenMap({**origin.columns, "ref": self.letter(index)})
            labels = FrozenMap({**origin.labels, "ref": label}) if label else origin.labels
            origin = attrs.evolve(origin, columns=columns, labels=labels)
        return attrs.evolve(action, ref=number, origin=origin)

    def _hold(self) -> None:
        """Count a row held while the numbering column's role is untold; streaming, past
        :data:`_UNTOLD_MAX` the numbers are taken to number the recommendations (GT224)."""
        self.held_rows += 1
        if self.sink is not None and self.held_rows > _UNTOLD_MAX:
            self.problems.add(
                "GT224",
                f"the numbering column's role was still untold after {_UNTOLD_MAX} rows: "
                "iter_actions, which holds no more, takes it to number the recommendations "
                "(gt.load, which waits for the rows to tell, may read it otherwise)",
                self.sheet,
                self.cell(self.first_column, self.header.row),
            )
            self._settle(_BY_RECOMMENDATION)

    def _emit(self, rec: dict[str, Any]) -> None:
        """Let a closed recommendation go: build it, or (streaming) send its key actions."""
        if self.sink is not None:  # streaming: only actions leave, nothing is kept
            if rec["actions"] is not self.sink:
                self.sink.extend(rec["actions"])
            return
        category_text = rec["category"]
        category = self.reader.category_of(category_text) if category_text else None
        if self.i_category == _NOWHERE and rec["response"]:
            # No Category column: the response's opening words may name it ("Accepted. …").
            category, category_text = ResponseCategory.leading(rec["response"])
        self.recommendations.append(
            new_recommendation(
                rec["text"],
                rec["ref"],
                rec["response"],
                category,
                category_text,
                tuple(rec["actions"]),
                rec["group"],
                rec["origin"],
            )
        )

    def _orphan(self, row: int) -> dict[str, Any]:
        return {
            "ref": "",
            "text": "",
            "number": "",
            "anchor": "",
            "response": "",
            "category": "",
            "actions": self._actions(),
            "group": self.section.label if self.section is not None else "",
            "origin": Location(file=self.problems.file, sheet=self.sheet, cell=f"A{row}"),
        }

    def _answer_row(self, row: int, values: Sequence[Any], text: str, at: int = _NOWHERE) -> bool:
        """Read a row of an indicator table as a yes/no :class:`~govtrack.Answer` when its
        text is a yes/no question (by the text progress reader's rule, shared with it in
        ``govtrack.io._prose``) and one other cell at most, its answer (``Does the group have
        the staff it needs? | No``). An answer neither yes nor no is kept as its text (GT236);
        a question with more cells, or with a text after its ``?``, is an indicator. (A
        question alone on its row is a section row, as any lone short text.) ``at`` is the
        question's column, the indicator's unless told (:meth:`_ref_question`)."""
        if at == _NOWHERE:
            at = self.i_action
        m = QUESTION.match(text)
        if m is None or m["rest"].strip():
            return False
        question = squash(m["question"])
        if not YES_NO_START.match(question):
            return False
        others = [index for index, value in enumerate(values) if index != at and not _blank(value)]
        if len(others) > 1:
            return False
        where = others[0] if others else at
        answer = self._shown(values[where], where, row).strip() if others else ""
        word = ANSWER.match(answer)
        value = None if word is None else word["word"].lower() == "yes"
        if answer and value is None:
            self.add(
                "GT236",
                f"answer {answer[:60]!r} to {question[:60]!r} is neither yes nor no; kept as text",
                where,
                row,
            )
        self.answers.append(
            Answer(
                question=question,
                answer=value,
                text=answer,
                origin=Location(
                    file=self.problems.file,
                    sheet=self.sheet,
                    cell=self.cell(self.main_column if at == self.i_action else at, row),
                ),
            )
        )
        return True

    def _ref_question(self, row: int, values: Sequence[Any], n: int) -> bool:
        """Read a row whose No (ref) cell holds a question, not a number, and say True when
        it is a yes/no question, then an Answer (GT240, info: ``Does the group have
        sufficient resources? | No`` typed from the first column). Another question there
        is read as the indicator's ref, and reported (GT241)."""
        i_ref = self.i_ref
        if i_ref >= n:
            return False
        ref = values[i_ref]
        if ref.__class__ is not str or "?" not in ref or _REF_LIKE.fullmatch(ref):
            return False
        cell, label = self.cell(i_ref, row), self.labels.get(i_ref, "No")
        if self._answer_row(row, values, ref, i_ref):
            self.add(
                "GT240",
                f"{cell} under {label!r} holds a yes/no question, not a number: read as an "
                "answer of the report",
                i_ref,
                row,
            )
            return True
        if ref.rstrip().endswith("?"):
            self.add(
                "GT241",
                f"{cell} under {label!r} holds a question, not a number: "
                f"{squash(ref)[:60]!r} is read as the indicator's ref",
                i_ref,
                row,
            )
        return False

    def _unread_timeframe(self, unread: str, row: int) -> None:
        """GT235 for an indicator's timeframe that is not a date (kept as its text)."""
        try:
            parse_due(unread, dayfirst=self.reader.dayfirst)
        except AmbiguousDateError:
            return  # GT208 said so
        except DueParseError as error:
            reason = error.reason
        else:  # pragma: no cover - an unread text does not read
            return
        self.add(
            "GT235",
            f"timeframe {unread[:60]!r} is not a date govtrack can read: {reason}; kept as text",
            self.i_deadline,
            row,
        )

    def _close_recommendation(self) -> None:
        current = self.current
        if current is None:
            return
        self.current = None
        if self.numbering and not self.number_role:
            self.held.append(current)  # until the rows tell what its number numbers
            if not current["actions"]:
                self._hold()  # a row of its own (a row with a key action counted already)
            return
        self._emit(current)

    def _no_text(self, row: int, text: str) -> None:
        """GT213 for a row with data but no main text, or one of invisible characters only
        (kept as it is: the problem says what it holds)."""
        what = "indicator" if self.layout == _INDICATORS else "action"
        index = self.main_column if self.main_column != _NOWHERE else None
        message = f"row {row} has data but no {what} text"
        if text and index is not None:
            chars = [f"U+{ord(char):04X}" for char in dict.fromkeys(text) if not char.isspace()]
            shown = ", ".join(chars[:4]) + (", …" if len(chars) > 4 else "")
            message += f" ({self.cell(index, row)} holds only invisible characters: {shown})"
        self.add("GT213", message, index, row)

    def _indicator_row(self, row: int, values: Sequence[Any], n: int) -> None:
        if self._ref_question(row, values, n):
            return
        text = _text(values[self.i_action]) if self.i_action < n else ""
        if not text or (_may_hide(text[0]) and _shows_nothing(text)):
            self._no_text(row, text)
        elif self._answer_row(row, values, text):
            return
        timeframe: Due | None = None
        timeframe_text = ""
        if self.i_deadline < n and not _blank(values[self.i_deadline]):
            timeframe, unread = self._due(values[self.i_deadline], self.i_deadline, row)
            timeframe_text = timeframe.text if timeframe is not None else unread
            if timeframe is None and unread.strip():
                self._unread_timeframe(unread, row)
        extra = (
            self._extra(values, n, row)
            if self.extra_columns or (self.note_rows and row in self.note_rows)
            else {}
        )
        group = self._group(values, n)
        if group:
            extra.setdefault("Group", group)
        target = (
            self._shown(values[self.i_target], self.i_target, row).strip()
            if self.i_target < n
            else ""
        )
        self.indicators.append(
            Indicator(
                text=text,
                ref=_text(values[self.i_ref]).strip() if self.i_ref < n else "",
                timeframe=timeframe,
                timeframe_text=timeframe_text,
                status=self._shown(values[self.i_status], self.i_status, row)
                if self.i_status < n
                else "",
                constraints=self._shown(values[self.i_constraints], self.i_constraints, row)
                if self.i_constraints < n
                else "",
                recommendations=self._shown(
                    values[self.i_recommendations], self.i_recommendations, row
                )
                if self.i_recommendations < n
                else "",
                targets=(
                    (
                        Indicator(
                            text=target,
                            origin=Location(
                                file=self.problems.file,
                                sheet=self.sheet,
                                cell=self.cell(self.i_target, row),
                            ),
                        ),
                    )
                    if target
                    else ()
                ),
                extra=extra,
                origin=Location(
                    file=self.problems.file,
                    sheet=self.sheet,
                    cell=self.cell(self.main_column, row)
                    if self.main_column != _NOWHERE
                    else f"A{row}",
                    columns=self.columns,
                    labels=self.field_labels,
                ),
            )
        )

    # -- results

    def finished(self) -> Iterator[Evaluation | ActionPlan | ProgressReport]:
        """The container holding what was read, unless the table holds only counts."""
        container = self.finish()
        if not self._report_tallies():
            yield container

    def finish(self) -> Evaluation | ActionPlan | ProgressReport:
        """The container holding what was read."""
        self._close_recommendation()
        if self.numbering and not self.number_role:
            self._settle(_BY_RECOMMENDATION)  # never told otherwise
        self._close_section()
        for row in sorted(self.formula_rows):
            self._report_formulas(row)
        origin = Location(file=self.problems.file, sheet=self.sheet, cell=f"A{self.header.row}")
        extra = FrozenMap(self.extra)
        if self.layout == _RESPONSES:
            return Evaluation(
                title=self.title,
                office=self.fields.get("office", ""),
                country=self.fields.get("country", ""),
                period=self.fields.get("period", ""),
                approval=self.fields.get("approval", ""),
                recommendations=self.recommendations,
                extra=extra,
                origin=origin,
            )
        if self.layout in {_ACTIVITIES, _INDICATORS}:
            period_text = self.fields.get("period_text", "")
            period: Due | None = None
            if period_text:
                try:
                    period = parse_due(period_text, dayfirst=self.reader.dayfirst)
                except DueParseError as error:
                    cell = self.field_cells.get("period_text", "")
                    self.problems.add(
                        "GT234",
                        f"cannot read the reporting period {period_text!r}: {error.reason}; "
                        "kept as text",
                        self.sheet,
                        cell,
                    )
            return ProgressReport(
                title=self.title,
                working_group=self.fields.get("working_group", ""),
                period=period,
                period_text=period_text,
                activities=self.activities,
                indicators=self.indicators,
                answers=self.answers,
                extra=extra,
                origin=origin,
            )
        return ActionPlan(title=self.title, actions=self.actions, extra=extra, origin=origin)


def _row_of(origin: Location | None) -> int:
    """The row of a record's origin cell (``F12`` gives 12), 0 with none."""
    if origin is None:
        return 0
    digits = origin.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(digits) if digits.isdigit() else 0


def _hidden_sheets(value: str) -> bool:
    """Whether ``hidden_sheets=`` says to skip hidden sheets; a value it cannot be is refused."""
    if value not in {"read", "skip"}:
        raise UnsupportedFormatError(
            f"hidden_sheets={value!r} is not one of 'read' (the default) or 'skip'"
        )
    return value == "skip"


class _Reader:
    """Per-file state: options, caches and the problems found."""

    def __init__(
        self,
        file: str,
        lookup: Mapping[str, str],
        dayfirst: bool | None,
        epoch: dt.datetime,
        hidden_sheets: str = "read",
    ) -> None:
        self.problems = _Problems(file)
        # Why each header-like row with no main column was no header (GT201 errors), as
        # ``Sheet!B5: row 5 names …``: a FormatError when no sheet is read says it too.
        self.near_headers: list[str] = []
        self.lookup = lookup
        self.dayfirst = dayfirst_argument(dayfirst)
        self.skip_hidden = _hidden_sheets(hidden_sheets)
        self.epoch = epoch
        self.notes = _notes.NoteTracker()  # the notes of the sheet being read
        self._dues = _Memo(self._read_due)
        # Read by _Table._parts for every row (the status and the parties of a text).
        self.statuses = _Memo(Status.parse)
        self.parties = _Memo(_parties)
        self._categories = _Memo(ResponseCategory.parse)
        self._days = _Memo(lambda day: Due.day(day, text=day.isoformat()))
        self._shaped = _Memo(self._read_shaped)
        self._header_words: dict[str, bool] = {}
        # The first word of every alias, folded ("s / n" gives "s"), for looks_like_header.
        self._first_words = frozenset(alias.split(None, 1)[0] for alias in lookup if alias.strip())

    def category_of(self, text: str) -> ResponseCategory | None:
        """A response category word, parsed once per distinct text."""
        category: ResponseCategory | None = self._categories[text]
        return category

    def _read_due(self, text: str) -> tuple[Due | None, str, str]:
        """A deadline text read: the Due, else the unread text, and any ambiguity."""
        if not text.strip():
            return None, "", ""
        try:
            return parse_due(text, dayfirst=self.dayfirst), "", ""
        except AmbiguousDateError as error:
            return None, text, str(error)
        except DueParseError:
            return None, text, ""

    def due_of_text(self, text: str, table: _Table, index: int, row: int) -> tuple[Due | None, str]:
        due, unread, ambiguity = self._dues[text]
        if ambiguity:
            table.add("GT208", f"{ambiguity} (in load); kept as text", index, row)
        return due, unread

    def reads_as_due(self, text: str) -> bool:
        """Whether a text reads as a deadline (no problem reported: a test, not a reading)."""
        due: Due | None = self._dues[text][0]
        return due is not None

    def due_of_day(self, day: dt.date) -> Due:
        """The deadline of a date cell, built once per distinct day (a Due is immutable)."""
        due: Due = self._days[day]
        return due

    def due_of_shape(self, shape: DateShape, day: dt.date) -> Due:
        """The deadline of a date cell whose format shows no day: its month or its year."""
        key = (shape, day.year, day.month if shape.month is not None else 1)
        due: Due | None = self._shaped[key]
        return due if due is not None else self.due_of_day(day)

    @staticmethod
    def _read_shaped(key: tuple[DateShape, int, int]) -> Due | None:
        shape, year, month = key
        return shape.due(dt.date(year, month, 1))

    def due_of_number(self, value: float) -> tuple[Due | None, str]:
        low, high = _YEARS
        if not math.isfinite(value):
            return None, _text(value)
        if value == int(value) and low <= value <= high:
            return Due.year(int(value), text=str(int(value))), ""
        first, last = _SERIALS
        if first <= value <= last:
            try:
                moment = from_excel(value, self.epoch)
            except (ValueError, OverflowError):
                return None, _text(value)
            if isinstance(moment, dt.datetime):
                return self.due_of_day(moment.date()), ""
        text = _text(value)
        if low <= value <= high and re.fullmatch(r"\d{4}\.\d{2}", text):
            try:
                return parse_due(text), ""  # 2021.07 typed into a General cell
            except DueParseError:
                return None, text
        return None, text

    def updates_of(self, text: str) -> tuple[Update, ...]:
        """Notes, one per line that starts with a date (``Dec 2022 Update: …``) or ``Update:``.

        Text before the first such line is an undated note; a line without either
        prefix continues the note above it.
        """
        if not text:
            return ()
        updates: list[tuple[Due | None, list[str]]] = []
        for line in text.split("\n"):
            # "<any deadline> Update:" (as the matrix writes it), else the short shapes.
            match = _DATED_UPDATE.match(line) or _UPDATE_HEAD.match(line)
            on: Due | None = None
            if match is not None and match.re is _DATED_UPDATE:
                try:
                    on = parse_due(match.group("on"), dayfirst=self.dayfirst, two_digit_year=True)
                except DueParseError:
                    match = _UPDATE_HEAD.match(line)
            if on is None and match is not None:
                try:
                    on = parse_due(match.group("on"), dayfirst=self.dayfirst, two_digit_year=True)
                except DueParseError:
                    on = None
            if on is not None and match is not None:
                updates.append((on, [line[match.end() :]]))
            elif undated := _UNDATED_HEAD.match(line):
                updates.append((None, [line[undated.end() :]]))  # "Update: text", no date
            elif updates:
                updates[-1][1].append(line)
            else:
                updates.append((None, [line]))
        return tuple(Update(text="\n".join(lines), on=on) for on, lines in updates)

    def looks_like_header(self, value: Any) -> bool:
        """A cheap first test for a header row inside the data: the cell names a column,
        as :func:`~govtrack.io.columns.header_key` judges the header row itself (plurals
        of the main columns, ``Key action / Activity``, ``N°``).

        Its first word, folded, is tested first: that of an alias, or its plural.
        """
        if value.__class__ is not str or len(value) > _HEADER_CELL or not value.strip():
            return False
        first = value.split(None, 1)[0].casefold().translate(_NUMERO).strip(_WORD_EDGES)
        first = first.split("/", 1)[0] or first
        words = self._first_words
        if first not in words and not (first[-1:] == "s" and first[:-1] in words):
            return False
        known = self._header_words.get(value)
        if known is None:
            known = header_key(value, self.lookup) is not None
            if len(self._header_words) < _CACHE_SIZE:
                self._header_words[value] = known
        return known


# ---------------------------------------------------------------------------
# Sheets


@attrs.frozen(kw_only=True)
class _Round:
    """A status column of one follow-up round (``Status (Dec 2022)``, ``Progress June 2023``)."""

    index: int
    label: str
    when: str
    """The date as the header writes it (``Dec 2022``, ``31/12/2022``)."""
    due: Due | None
    """The date read, None when it cannot be (``why`` says why)."""
    why: str = ""
    ambiguous: bool = False
    """The date reads as two days (``dayfirst=`` not given)."""
    progress: bool = False
    """A ``Progress`` column (no status alias): a round only when its cells are statuses."""


_ROUND_LEAD = re.compile(
    r"(?:[\s\-–—:,(\[]+)?(?:(?:as\s+(?:of|at)|at|on|in|for)\s+)?", re.IGNORECASE
)
_ROUND_TAIL = re.compile(r"[\s)\]]+\Z")
_ROUND_BASE_TAIL = re.compile(r"[\s\-–—:,(\[]+\Z")
_DATE_LIKE = re.compile(
    r"(?<![^\W\d_])(?:(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|[QqHhSs][1-4]"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|(?:previous|current|latest|last|first|second|third|round|initial|final|baseline"
    r"|midterm)\b)"
)
"""What makes the rest of a status header a round's date (or an attempt at one): a year, a
numeric date, a quarter or half, a month, a word naming a round."""
_ROUND_BASES = frozenset({"progress"})
"""Bases that name a round's status though they are no status alias (``Progress June 2023``)."""


def _status_round(
    index: int, label: str, lookup: Mapping[str, str], dayfirst: bool | None
) -> _Round | None:
    """The round a header names when it is a status header and a date (``Status (Dec 2022)``,
    ``Status as of 31/12/2022``, ``Implementation status - Dec 2022``, ``Progress June 2023``),
    else None. Of the ways to cut the header, the first whose rest reads as a date is taken,
    else the first whose rest looks like one (``Status (June)``: ``why`` says why it is
    unread)."""
    words = label.split()
    unread: _Round | None = None
    for cut in range(1, len(words)):
        base = _ROUND_BASE_TAIL.sub("", " ".join(words[:cut]))
        if not base:
            continue
        progress = header_key(base, lookup) != "status"
        if progress and normalise_header(base) not in _ROUND_BASES:
            continue
        rest = " ".join(words[cut:])
        lead = _ROUND_LEAD.match(rest)
        when = _ROUND_TAIL.sub("", rest[lead.end() if lead else 0 :])
        if not when or not _DATE_LIKE.search(when.casefold()):
            continue
        try:
            due = parse_due(when, dayfirst=dayfirst)
        except AmbiguousDateError:
            why, ambiguous = f"{when!r} reads as two different days (pass dayfirst=)", True
        except DueParseError:
            why, ambiguous = f"{when!r} is no date govtrack reads", False
        else:
            return _Round(index=index, label=label, when=when, due=due, progress=progress)
        unread = unread or _Round(
            index=index,
            label=label,
            when=when,
            due=None,
            why=why,
            ambiguous=ambiguous,
            progress=progress,
        )
    return unread


_NEWEST = frozenset({"revised", "current", "latest", "most recent"})
"""What a status header says after its status word when it is the newest round, undated
(``Status (revised)``, ``Current status`` is a plain status alias)."""

_QUALIFIERS = frozenset(
    {
        "updated",
        "update",
        "new",
        "final",
        "interim",
        "provisional",
        "actual",
        "present",
        "reported",
        "verified",
        "validated",
        "agreed",
        "proposed",
        "self assessed",
        "self assessment",
        "hq",
        "hq view",
        "hq assessment",
        "headquarters",
        "headquarters view",
        "co view",
        "country office",
        "country office view",
        "management view",
        "unit view",
        "evaluation office",
        "evaluation office view",
        "oversight",
        "oversight view",
    }
)
"""What else a status header may say after its status word when it is a status of its own
(``Status (updated)``, ``Status (HQ view)``): an undated round, which dated ones cannot be
ordered against (GT232). Any other remainder (``Status notes``, ``Status date``, ``Status
owner``, ``Status RAG``) names another column, kept in ``extra``."""


def _status_variant(label: str, lookup: Mapping[str, str]) -> str:
    """What a status header says beside its status word (``Status (revised)``, ``Revised
    status`` → ``revised``), normalised; "" when the header is no status word and more."""
    words = label.split()
    for cut in range(1, len(words)):
        base = _ROUND_BASE_TAIL.sub("", " ".join(words[:cut]))
        if not base or header_key(base, lookup) != "status":
            continue
        rest = " ".join(words[cut:])
        lead = _ROUND_LEAD.match(rest)
        return normalise_header(_ROUND_TAIL.sub("", rest[lead.end() if lead else 0 :]))
    for cut in range(len(words) - 1, 0, -1):
        if header_key(" ".join(words[cut:]), lookup) == "status":
            return normalise_header(" ".join(words[:cut]))  # Revised status
    return ""


_MOST_STATUSES = 0.5
"""The share of a dated progress column's filled cells (in the rows sampled) that must be
status words for it to be a status round."""


def _statuses_in(
    sample: Sequence[Sequence[Any]], rounds: Sequence[_Round], statuses: Mapping[str, Any]
) -> bool:
    """Whether most filled cells of these columns in the sample rows are status words, known
    or not (no narrative: :func:`status_narrative`), or none is filled: the columns are then
    rounds, as their headers say."""
    filled = known = 0
    for values in sample:
        for one in rounds:
            if one.index < len(values) and (text := _text(values[one.index]).strip()):
                filled += 1
                known += statuses[text] is not None or _unknown_status_word(text)
    return not filled or known > filled * _MOST_STATUSES


_LETTERS = re.compile(r"[^\W\d_]{3,}")


def _unknown_status_word(text: str) -> bool:
    """Whether a dated progress cell holding no status word reads like one all the same
    (``Stalled``, ``On hold``): words, no narrative; not a figure (``50%``, ``3400``) nor a
    yes or no, which a column of measures or answers holds."""
    answer = ANSWER.match(text)
    return (
        bool(_LETTERS.search(text))
        and not (answer is not None and not text[answer.end() :].strip(" ."))
        and not status_narrative(text)
    )


def _order_rounds(rounds: list[_Round]) -> str:
    """Sort dated rounds oldest first, or say why they cannot be ordered ("" when sorted)."""
    ends: dict[dt.date, _Round] = {}
    why: list[str] = []
    for one in rounds:
        if one.due is None:
            why.append(one.why)
        elif (same := ends.get(one.due.end)) is not None:
            why.append(f"{same.when!r} and {one.when!r} end on the same day")
        else:
            ends[one.due.end] = one
    if not why:
        rounds[:] = [ends[end] for end in sorted(ends)]
    return "; ".join(why)


def _header_of(
    values: Sequence[Any], row: int, lookup: Mapping[str, str]
) -> tuple[int, _Header | None]:
    score, keys, ambiguous = _score(values, lookup)
    if not score:
        return 0, None
    if (first_extra := _own_extras(values)) is not None:
        # govtrack's own matrix: the columns from its first extra one are no fields.
        masked = [value if index < first_extra else None for index, value in enumerate(values)]
        score, keys, ambiguous = _score(masked, lookup)
        if not score:
            return 0, None
    action_header = ""
    if "action" in keys:
        action_header = normalise_header(strip_hint(values[keys["action"]]))
    layout = _layout(keys, action_header)
    if layout is None:
        return 0, None
    numbering = False
    if layout == _RESPONSES and "rec_ref" not in keys:
        keys = _numbered_recommendations(values, keys, lookup)
        numbering = "rec_ref" in keys
    labels = {index: _label(value) for index, value in enumerate(values) if not _blank(value)}
    return score, _Header(
        row=row,
        layout=layout,
        keys=keys,
        labels=labels,
        action_header=action_header,
        numbering=numbering,
        ambiguous=ambiguous,
    )


def reads_as_section(text: str) -> bool:
    """Whether a text alone on its row, in a table's first column, reads back as a section
    row with this very label (the ``group`` of the rows under it), as the matrix writer writes
    a recommendation's group: one line of at most 120 characters with no spaces around it, not
    a ref (``A.``, ``iv)``), a note (``Note: …``, ``Legend``, ``Page 1 of 2``), a total or an
    error value.

    >>> reads_as_section("A. Governance"), reads_as_section("A."), reads_as_section("Notes")
    (True, False, False)
    """
    return (
        bool(text)
        and text == text.strip()
        and len(text) <= _SECTION_MAX
        and "\n" not in text
        and "\r" not in text
        and text not in _ERRORS
        and not _shows_nothing(text)
        and not _REF_LIKE.fullmatch(text)
        and not _NOTE.match(text)
        and not _LEGEND.match(text)
        and not _PAGE_MARK.fullmatch(text)
        and not (len(text) <= _TOTAL_MAX and _TOTAL.fullmatch(text))
    )


def _own_extras(values: Sequence[Any]) -> int | None:
    """The index of the first ``extra`` column of govtrack's own matrix, named by its hidden
    :data:`~govtrack.io.excel_write.EXTRA_HEADER` column right of the others (``_govtrack
    extra from Group``: the last column so headed left of it); None in any other header row.

    >>> _own_extras(["Action #", "Key action", "Group", "Donor", "_govtrack due end",
    ...              "_govtrack extra from Group"])
    2
    >>> _own_extras(["Action #", "Budget", "Key action", "Group", "_govtrack due end",
    ...              "_govtrack extra from Group"])  # a column inserted: still the Group column
    3
    """
    for index in range(len(values) - 1, -1, -1):
        value = values[index]
        if value is None or value == "":
            continue
        if value.__class__ is not str or not value.startswith(GOVTRACK_MARKER):
            return None  # only govtrack's hidden columns stand right of the marker
        if value.startswith(EXTRA_HEADER + " "):
            header = value[len(EXTRA_HEADER) + 1 :]
            return next((at for at in range(index - 1, -1, -1) if values[at] == header), None)
    return None


def _numbered_recommendations(
    values: Sequence[Any], keys: dict[str, int], lookup: Mapping[str, str]
) -> dict[str, int]:
    """In a management-response header without a Rec # column, a numbering column
    (``No``, ``No.``, ``N°``, ``#``, ``Ref``: :data:`~govtrack.io.columns.NUMBERING_HEADERS`)
    left of the recommendation (or response) text numbers the recommendations.

    The action ref then comes from the next ref column to its right (``Action #`` or
    a second ``No``), if any. A numbering column right of the recommendation text
    stays the actions' ref, as in an action plan or a decision log. Whether the
    column does number the recommendations is told by the rows
    (:meth:`_Table._judge_number`): the header says only where it stands.
    """
    action = keys.get("action", _NOWHERE)
    anchors = [
        index
        for key in ("recommendation", "recommendations", "response")
        if (index := keys.get(key, _NOWHERE)) < action
    ]
    if not anchors:
        return keys
    refs = [
        index
        for index, value in enumerate(values)
        if value.__class__ is str and len(value) <= 120 and header_key(value, lookup) == "ref"
    ]
    first = refs[0] if refs else _NOWHERE
    if first > min(anchors) or normalise_header(values[first]) not in NUMBERING_HEADERS:
        return keys
    keys = {**keys, "rec_ref": first}
    if keys.get("ref") == first:
        del keys["ref"]
        if len(refs) > 1:
            keys["ref"] = refs[1]
    return dict(sorted(keys.items(), key=lambda item: item[1]))  # in column order, as _score


_ORIGINAL = re.compile(r"(?:original|initial|first|planned)\s+(.+)")
"""A header naming an original deadline: ``Original`` (or ``Initial``) and a deadline's."""


def _names_original_deadline(label: str, lookup: Mapping[str, str]) -> bool:
    """Whether a header names the original deadline (``Original deadline``, ``Initial
    target date``), which a revised one replaces."""
    match = _ORIGINAL.fullmatch(normalise_header(strip_hint(label)))
    return match is not None and header_key(match.group(1), lookup) == "deadline"


_REVISED_IN_CELL = re.compile(
    r"\s*(?P<original>[^()]*?)\s*\(\s*(?:revised|extended|postponed|moved)"
    r"(?:(?:\s*(?::|to\b|on\b)\s*|\s+)(?P<revised>[^()]*?))?\s*\)\s*",
    re.IGNORECASE,
)
"""A deadline cell giving a date and its revision: ``Dec 2022 (revised: Jun 2023)``,
``Dec 2022 (extended to Jun 2023)``, or a revised date alone, ``Jun 2023 (revised)``."""

_SUB_HEADER_CELL = 40
"""The longest sub-header (``Original``, ``Revised``, ``Q1``) :func:`_sub_header` reads."""
_SUB_HEADERS_MIN = 2
"""How many sub-headers under one merged header cell sub-divide it."""


def _sub_header(
    header: _Header,
    values: Sequence[Any],
    row: int,
    merges: Iterable[tuple[int, int, int, int]],
    lookup: Mapping[str, str],
) -> tuple[_Header, str] | None:
    """The header read over two rows, when the row under it sub-divides its merged cells.

    A header cell merged across columns (``Deadline`` over E:F) with short texts in at
    least two of those columns on the next row (``Original``, ``Revised``), and nothing
    else on that row, makes a two-row header: each sub-column is named by its
    sub-header and the header above it, ``Original deadline``, ``Revised deadline``
    when that names a column (or the original deadline), else the other way round
    (``Status Q1``), and the row is part of the header, not a record. When no sub-column
    names the merged header's field, its first column keeps it (as a one-row header reads
    it), and sub-columns that name no column go to ``extra`` under their joined names.

    Returns:
        The new header and the message of its GT225, or None when the row is not a
        sub-header row.
    """
    spans = [
        (min_col - 1, max_col - 1)
        for min_row, min_col, max_row, max_col in merges
        if min_row == header.row and max_row == header.row and max_col > min_col
    ]
    if not spans:
        return None
    filled = {index for index, value in enumerate(values) if not _blank(value)}
    if not filled:
        return None
    labels = dict(header.labels)
    keys = dict(header.keys)
    parts: list[str] = []
    inside: set[int] = set()
    for first, last in sorted(spans):
        subs = [index for index in range(first, last + 1) if index in filled]
        inside.update(subs)
        if not subs:
            continue
        if len(subs) < _SUB_HEADERS_MIN or any(
            values[index].__class__ is not str or len(values[index]) > _SUB_HEADER_CELL
            for index in subs
        ):
            return None
        above = labels.get(first, "")
        if not above:
            return None
        named: list[str] = []
        for index in subs:
            sub = _label(values[index])
            joined = f"{sub} {above[:1].lower()}{above[1:]}"
            key = header_key(joined, lookup)
            if key is None and not _names_original_deadline(joined, lookup):
                joined = f"{above} {sub}"
                key = header_key(joined, lookup)
            labels[index] = joined
            named.append(joined)
            if key is not None and (key not in keys or keys[key] == first):
                keys[key] = index
        if (
            keys.get("status") == first
            and header_key(above, lookup) == "status"
            and all(
                (one := _status_round(index, labels[index], lookup, None)) is not None
                and one.due is not None
                for index in subs
            )
        ):
            # Status over Dec 2023 | Jun 2024: dated rounds, the latest the status (GT231);
            # sub-headers that are no date (Q1 | Q2) keep the status on the first column.
            del keys["status"]
        parts.append(f"{above!r} into {', '.join(repr(name) for name in named)}")
    if filled - inside:
        return None
    keys = dict(sorted(keys.items(), key=lambda item: item[1]))
    message = (
        f"rows {header.row}–{row} are a two-row header: row {row} divides "
        f"{'; '.join(parts)}; it is read as part of the header, not as a record"
    )
    return attrs.evolve(header, keys=keys, labels=labels), message


def _extends(number: str, parent: str) -> bool:
    """Whether ``number`` comes under ``parent`` in an outline (``1.1``, ``1.2.3`` under ``1``
    or ``1.``)."""
    stem = parent.rstrip(".")
    return (
        bool(stem)
        and number[len(stem) + 1 : len(stem) + 2].isalnum()
        and (number.startswith(f"{stem}."))
    )


def _reaches(values: Sequence[Any], index: int) -> bool:
    """Whether a row holds a value at ``index`` or to its right.

    Judged on values, not on how the row was stored, so that every engine
    agrees (openpyxl gives a row up to its last stored cell, calamine up to
    the sheet's last column).
    """
    if len(values) <= index:
        return False
    return not _blank(values[index]) or any(not _blank(value) for value in values[index + 1 :])


_Item = Evaluation | ActionPlan | ProgressReport


_SAMPLE_ROWS = 30
"""How many rows under a header with dated ``Progress`` columns are sampled to tell whether
they hold statuses or narratives (:func:`_statuses_in`)."""


class _Rows:
    """The numbered rows of a sheet, read once, with rows given back (:meth:`push`) read
    again first: one iterator for the whole sheet, however many tables sample their rows,
    so reading stays linear."""

    __slots__ = ("_back", "_rows")

    def __init__(self, rows: Iterator[tuple[int, Sequence[Any]]]) -> None:
        self._rows = rows
        self._back: deque[tuple[int, Sequence[Any]]] = deque()

    def __iter__(self) -> _Rows:
        return self

    def __next__(self) -> tuple[int, Sequence[Any]]:
        if self._back:
            return self._back.popleft()
        return next(self._rows)

    def push(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> None:
        """Give rows back, to be read next, in their order."""
        self._back.extendleft(reversed(rows))


def _sample(header: _Header, rest: _Rows, lookup: Mapping[str, str]) -> list[Sequence[Any]]:
    """The first rows under a header with a ``Progress`` column (none under another), up to
    the next header row; they are given back to ``rest``, to be read again."""
    if not any("progress" in label.casefold() for label in header.labels.values()):
        return []
    taken = list(islice(rest, _SAMPLE_ROWS))
    sample: list[Sequence[Any]] = []
    for row, values in taken:
        if _header_of(values, row, lookup)[0] >= 2:
            break  # another table's header (or a repeat of this one)
        sample.append(values)
    rest.push(taken)
    return sample


_NEAR_HEADER = 2
"""How many columns a row names, with no main one among them, to be a header govtrack cannot
read (as many as a header row names at least, :func:`_score`)."""


def _near_header(
    head: Sequence[tuple[int, Sequence[Any]]], lookup: Mapping[str, str]
) -> tuple[str, str] | None:
    """Why the first row of ``head`` that names columns but no main one (action, indicator,
    recommendation) is no header, and the cell to cite; None when no row does.

    Such a row is a header whose main column has a name govtrack does not know (``Scheduled
    task``): the sheet's records are lost, so GT201 is then an error. Label cells
    (``Status:``) are a title row's, not columns.
    """
    for row, values in head:
        keys: dict[str, int] = {}
        unknown: list[int] = []
        for index, value in enumerate(values):
            if value.__class__ is not str or not value.strip() or len(value) > 120:
                continue
            if _label_cell(value.strip()):
                break  # a title row's label (`Status: | Draft`), not a header
            key = header_match(value, lookup)[0]
            if key is None:
                unknown.append(index)
            else:
                keys.setdefault(key, index)
        else:
            if len(keys) < _NEAR_HEADER:
                continue
            named = ", ".join(HEADERS[key] for key in keys)
            why = f"row {row} names {named} but no action column"
            if unknown:
                texts = [_label(values[column]) for column in unknown]
                if len(texts) == 1:
                    why += (
                        f"; {texts[0]!r} is not a header govtrack knows (if it is the action "
                        f"column, pass aliases={{'action': [{texts[0]!r}]}})"
                    )
                else:
                    shown = ", ".join(repr(text) for text in texts)
                    why += f"; {shown} are not headers govtrack knows"
            first = unknown[0] if unknown else next(iter(keys.values()))
            return why, f"{get_column_letter(first + 1)}{row}"
    return None


def _plain_header(values: Sequence[Any], lookup: Mapping[str, str]) -> bool:
    """Whether every non-empty cell of a row names a column govtrack knows, one of them an
    action's: a header row whichever of two tables names more columns."""
    names = False
    for value in values:
        if _blank(value):
            continue
        if value.__class__ is not str or len(value) > 120:
            return False
        key = header_match(value, lookup)[0]
        if key is None:
            return False
        names = names or key == "action"
    return names


def _first_table(
    head: Sequence[tuple[int, Sequence[Any]]], best: _Header, lookup: Mapping[str, str]
) -> _Header | None:
    """The header of a first table above ``best`` when the next table's header names more
    columns (so scores higher); None when there is none.

    Both must be header rows by :func:`_plain_header`, with at least one row between them
    that is no header row, has no label cell (``Period:``) and whose action cell holds a text
    (not a ``Label: value`` pair): so a row of group labels right over its sub-headers, a
    title block and a table of counts above the table (``Responsible unit | Actions |
    Completed`` over numbers) are not a first table.
    """
    values_at = dict(head)
    if not _plain_header(values_at.get(best.row, ()), lookup):
        return None
    for row, values in head:
        if row >= best.row - 1:
            return None
        if not _plain_header(values, lookup):
            continue
        header = _header_of(values, row, lookup)[1]
        if header is None or "action" not in header.keys:
            continue
        action = header.keys["action"]
        for _, between in (item for item in head if row < item[0] < best.row):
            cell = between[action] if len(between) > action else None
            if (
                cell.__class__ is str
                and cell.strip()
                and _pair_label(cell) is None
                and not any(
                    value.__class__ is str and _label_cell(value.strip()) for value in between
                )
                and not _plain_header(between, lookup)
            ):
                return header
    return None


def _read_sheet(
    reader: _Reader,
    sheet: _xlsx.SheetInfo,
    rows: Iterator[Sequence[Any]],
    facts: _xlsx.SheetFacts,
    sink: list[Action] | None = None,
) -> Iterator[_Item | Action]:
    """The containers of one sheet, in order; with a ``sink``, each action as soon as it is read.

    With a sink, the tables put their actions there instead of keeping them
    (their containers come out empty of actions), and they are yielded after
    the row that completed them: memory does not grow with the rows.
    """
    problems = reader.problems
    lookup = reader.lookup
    numbered = enumerate(rows, start=1)
    head: list[tuple[int, Sequence[Any]]] = []
    best: _Header | None = None
    best_score = 0
    for row, values in numbered:
        head.append((row, values))
        score, header = _header_of(values, row, lookup)
        if score > best_score:
            best, best_score = header, score
        if row >= HEADER_SCAN_ROWS:
            break
    if _own_lists(sheet, head):
        # The hidden sheet of dropdown lists of a matrix govtrack wrote is not data. Any
        # other hidden sheet is read (or said not to be, GT202), whatever its name.
        return
    if reader.skip_hidden and sheet.state != "visible":
        problems.add(
            "GT202",
            f"sheet {sheet.name!r} is {sheet.state}; it was not read (hidden_sheets='skip')",
            sheet.name,
            "A1",
        )
        return
    for note in facts.notes:
        problems.add("GT217", note, sheet.name, "A1")
    if best is None:
        if _own_instructions(sheet.name, head) or _own_problems(head):
            return  # the template's Instructions, an annotated copy's Problems: no data
        if any(not _blank(value) for _, values in head for value in values):
            hidden = sheet.state != "visible"
            near = None if hidden else _near_header(head, lookup)
            if near is not None:
                why, where = near
                reader.near_headers.append(f"{sheet.name}!{where}: {why}")
                problems.add(
                    "GT201",
                    f"sheet {sheet.name!r} has no header row govtrack recognises: {why}; "
                    "it was not read",
                    sheet.name,
                    where,
                    severity=Severity.ERROR,
                )
                return
            problems.add(
                "GT202" if hidden else "GT201",
                f"sheet {sheet.name!r}{f' is {sheet.state} and' if hidden else ''} "
                "has no header row govtrack recognises in its first "
                f"{HEADER_SCAN_ROWS} rows (such as Action, Responsible, Deadline, Status); "
                "it was not read",
                sheet.name,
                "A1",
            )
        return
    if sheet.state != "visible":
        problems.add(
            "GT202", f"sheet {sheet.name!r} is {sheet.state}; it was read", sheet.name, "A1"
        )
    header = _first_table(head, best, lookup) or best
    titles = [(row, values) for row, values in head if row < header.row]
    rest = _Rows(numbered)
    rest.push([(row, values) for row, values in head if row > header.row])
    below = next(rest, None)
    if below is not None:
        split = _sub_header(header, below[1], below[0], facts.merges, lookup)
        if split is None:
            rest.push([below])
        else:
            header, message = split
            problems.add("GT225", message, sheet.name, f"A{below[0]}")
    hidden_rows = facts.hidden_rows
    looks_like_header = reader.looks_like_header
    above = titles
    while True:
        # A table: its rows are sampled, then read from where the sample began, until a
        # later header row ends it and starts the next (whose titles are ``above``).
        main = header.keys.get("action", header.keys.get("indicator", 0))
        table = _Table(
            reader=reader,
            sheet=sheet.name,
            header=header,
            titles=above,
            facts=facts,
            sink=sink,
            sample=_sample(header, rest, lookup),
        )
        feed = table.feed  # bound once a table: called for every row
        for row, values in rest:
            cell = values[main] if len(values) > main else None
            if row in hidden_rows:
                pass
            # looks_like_header is only called on a short text (the test it starts with, inline).
            elif (
                cell.__class__ is str and len(cell) <= _HEADER_CELL and looks_like_header(cell)
            ) or (
                main
                and values  # an empty row has no first cell
                and (first := values[0]).__class__ is str
                and 0 < len(first) <= _HEADER_CELL
                and looks_like_header(first)
                and _reaches(values, main)
            ):
                score, found = _header_of(values, row, lookup)
                if (
                    found is not None
                    and score >= 2
                    # A legend's pair naming columns (`On schedule | Key action`) is the
                    # legend's; the table's own header again is still a repeat (GT216).
                    and not (
                        (found.keys != header.keys or found.layout != header.layout)
                        and table.in_legend(values)
                    )
                ):
                    # A title row right above it: a new table of the same columns, not a repeat.
                    above = table.title_above(row)
                    if found.keys == header.keys and found.layout == header.layout and not above:
                        problems.add(
                            "GT216",
                            f"row {row} repeats the header row; skipped",
                            sheet.name,
                            f"A{row}",
                        )
                        continue
                    if sink:
                        yield from sink
                        sink.clear()
                    yield from table.finished()
                    header = found
                    break
            feed(row, values)
            if sink and len(sink) > 1:
                # The last action waits for the next row, which may go on with its comments.
                last = sink.pop()
                yield from sink
                sink.clear()
                sink.append(last)
        else:
            break
    yield from table.finished()
    if sink:
        yield from sink
        sink.clear()


# ---------------------------------------------------------------------------
# The entry point


ProgressCallback = Callable[[int, int], None]
"""``progress(rows_read, rows_total)``, called as a workbook is read.

``rows_total`` counts the rows of every sheet read, from the sheets' XML, before
reading starts; the callback is called every :data:`PROGRESS_EVERY` rows and
once at the end with ``rows_read == rows_total``.
"""

PROGRESS_EVERY = 10_000
"""How many rows pass between two calls of a ``progress`` callback."""


def _check_file(file: Path) -> None:
    name = str(file)
    try:
        with file.open("rb") as stream:
            magic = stream.read(8)
    except OSError as error:
        raise read_error(file, error) from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError(
            f"{name} is an old .xls workbook or a password-protected one; expected an .xlsx "
            "file: open it in Excel, remove any password and save it as .xlsx"
        )
    if not magic.startswith(b"PK\x03\x04") and not zipfile.is_zipfile(file):
        # (a zip cut short starts as one: check_workbook then says the zip is broken)
        raise FormatError(
            f"{name} is not an Excel workbook: expected an .xlsx file (a zip archive)"
        )


def load(
    path: str | os.PathLike[str],
    *,
    engine: str = "openpyxl",
    aliases: Mapping[str, Iterable[str]] | None = None,
    dayfirst: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: ProgressCallback | None = None,
    hidden_sheets: str = "read",
) -> Document:
    """Read an Excel workbook: partner matrices, action plans, work-plan reports, indicators.

    Args:
        path: An ``.xlsx`` or ``.xlsm`` file. It is only read, never changed.
        engine: ``"openpyxl"`` (read-only streaming; the default) or ``"calamine"``
            (python-calamine, from the ``govtrack[fast]`` extra: several times faster,
            same Document and problems, memory grows with the sheet).
        aliases: More header names per column key, e.g. ``{"deadline": ["Target quarter"]}``
            (keys as in :data:`govtrack.io.columns.HEADERS`; a lone string is one name).
        dayfirst: How to read all-numeric days such as ``03/04/2024``: True for 3 April,
            False for 4 March, None to refuse to guess (a GT208 problem).
        limits: The sizes to accept (:class:`govtrack.Limits`): the zip's inflated size,
            rows, cells and cell length, and for calamine each sheet's span.
        progress: Called as rows are read, ``progress(rows_read, rows_total)``
            (see :data:`ProgressCallback`); the command line shows it on a terminal.
        hidden_sheets: ``"read"`` (the default) reads a hidden sheet that has a header
            row, reporting it (GT202); ``"skip"`` leaves every hidden sheet out (an old
            round kept out of sight), reporting each (GT202).

    Returns:
        The Document: an Evaluation per management-response sheet, a ProgressReport per
        work-plan or indicator sheet, an ActionPlan per action matrix or decision log;
        ``problems`` holds what could not be interpreted, each with its cell.

    Raises:
        FormatError: The file is not an ``.xlsx`` workbook, has no sheets, or no sheet has
            a header row govtrack recognises (the message names the file).
        UnsupportedFormatError: ``engine`` is unknown or not installed, or ``aliases``
            names an unknown key.
        LimitError: The workbook has more rows or cells, or a longer cell, than ``limits``.
        GovtrackError: The file cannot be opened.

    >>> import openpyxl, pathlib, tempfile
    >>> book = openpyxl.Workbook()
    >>> sheet = book.active
    >>> sheet.title = "Actions"
    >>> sheet.append(["Action plan 2023"])
    >>> sheet.append(["Action", "Responsible", "Deadline", "Status"])
    >>> sheet.append(["KAZ: Recruit a gender specialist", "HR Unit", "2023/03", "Ongoing"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.xlsx"
    >>> book.save(path)
    >>> doc = load(path)
    >>> doc.plans[0].title
    'Action plan 2023'
    >>> action = doc.actions[0]
    >>> action.scope, action.text, action.due.text, action.status.label, str(action.origin)
    ('KAZ', 'Recruit a gender specialist', '2023/03', 'Ongoing', 'Actions!A3')
    """
    file = Path(path)
    lookup = merge_aliases(aliases)
    _check_sizes(file, engine, limits)
    opened = _open(file, engine, limits)
    if isinstance(opened, Document):
        return opened
    reader = _Reader(str(file), lookup, dayfirst, opened.package.epoch, hidden_sheets)
    with collector_paused():
        found = [
            item
            for item in _walk(opened, reader, limits, progress, sink=None)
            if not isinstance(item, Action)
        ]
    if not found:
        names = ", ".join(repr(sheet.name) for sheet in opened.worksheets)
        raise FormatError(
            f"{file}: no sheet has a header row govtrack recognises (looked in the first "
            f"{HEADER_SCAN_ROWS} rows of {names} for columns such as Recommendation, Key action, "
            "Action, Activity or Indicator next to Responsible, Deadline, Status)"
            + _near_headers(reader)
        )
    document = Document(
        evaluations=[item for item in found if isinstance(item, Evaluation)],
        reports=[item for item in found if isinstance(item, ProgressReport)],
        plans=[item for item in found if isinstance(item, ActionPlan)],
        problems=reader.problems.found,
        source=str(path),
    )
    return with_reading_problems(document)  # the words kept as text (GT101, GT104, GT111)


def iter_actions(
    path: str | os.PathLike[str],
    *,
    engine: str = "openpyxl",
    aliases: Mapping[str, Iterable[str]] | None = None,
    dayfirst: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
    problems: list[Issue] | None = None,
    progress: ProgressCallback | None = None,
    hidden_sheets: str = "read",
) -> Generator[Action, None, None]:
    """Read the actions of a file one at a time, in constant memory for a workbook.

    Each action is yielded once its row and the next row with data are read
    (a row holding only a comment goes on with the action above) and is not
    kept, so memory does not grow with the actions read: with the default engine (openpyxl
    streams the sheet, and keeps about 0.1 KB a row of its own) a million rows of
    ten columns peak under 150 MB; calamine loads each sheet whole. The
    actions are those of ``load(path).actions``, in the workbook's order (sheet
    by sheet, row by row); a key action's recommendation is not built, but its
    ``origin`` names its cell. One wait: beside a bare numbering column left
    of the recommendations (``No``, ``#``), whose rows must tell whether it
    numbers them or their key actions, the key actions are held until they do
    (at most 2,000 rows; past them the numbers are taken for the recommendations',
    GT224, where ``load`` waits for the rows to tell), so that each is yielded as
    ``load`` reads it.
    Any other format ``gt.load`` reads (JSON, text) is read whole and its
    actions yielded.

    Args:
        path: A workbook (``.xlsx``, ``.xlsm``) or any file :func:`govtrack.load` reads.
        engine: The Excel engine, as for :func:`load`.
        aliases: More header names per column key, as for :func:`load`.
        dayfirst: How to read all-numeric days, as for :func:`load`.
        limits: Resource limits (:class:`govtrack.Limits`); a million-row sheet of ten
            columns needs a ``max_cells`` above the default ten million.
        problems: A list to append the reading problems to, as they are found
            (what ``load(path).problems`` would hold); the words kept as text but not
            interpreted (GT101, GT104) are appended when the last action has been read, after
            the reader's, as ``load`` lists them. A response category is not judged (GT111):
            streaming builds no recommendation.
        progress: Called as rows are read, ``progress(rows_read, rows_total)``.
        hidden_sheets: ``"read"`` or ``"skip"``, as for :func:`load` (workbooks only).

    Yields:
        Every action (key action, decision, activity) of the file. Closing the
        generator (or dropping it) before the end releases the file at once.

    Raises:
        FormatError: As :func:`load`; raised when iteration reaches the fault.
        LimitError: The file exceeds ``limits``.

    >>> import govtrack as gt, openpyxl, pathlib, tempfile
    >>> book = openpyxl.Workbook()
    >>> book.active.append(["Action", "Responsible", "Deadline", "Status"])
    >>> for n in range(1, 4):
    ...     book.active.append([f"Train district team {n}", "M&E Unit", "2023/03", "Ongoing"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.xlsx"
    >>> book.save(path)
    >>> for action in gt.iter_actions(path):
    ...     print(action.origin, action.text, action.due.text)
    Sheet!A2 Train district team 1 2023/03
    Sheet!A3 Train district team 2 2023/03
    Sheet!A4 Train district team 3 2023/03
    """
    file = Path(path)
    if not _is_workbook(file):
        api = importlib.import_module("govtrack.api")
        options: dict[str, Any] = {"dayfirst": dayfirst} if dayfirst is not None else {}
        document: Document = api.load(file, limits=limits, **options)
        if problems is not None:
            problems.extend(document.problems)
        yield from document.actions
        return
    _check_sizes(file, engine, limits)
    lookup = merge_aliases(aliases)
    opened = _open(file, engine, limits)
    if isinstance(opened, Document):
        if problems is not None:
            problems.extend(opened.problems)
        yield from opened.actions
        return
    reader = _Reader(str(file), lookup, dayfirst, opened.package.epoch, hidden_sheets)
    if problems is not None:
        reader.problems.found = problems
    sink: list[Action] = []
    seen = False
    checks = ReadingChecks(problems) if problems is not None else None
    for item in _walk(opened, reader, limits, progress, sink=sink):
        if isinstance(item, Action):
            if checks is not None:
                checks.check(item)  # its words kept as text, as load reports them (GT101, GT104)
            yield item
        else:
            seen = True
    if checks is not None:
        checks.finish()  # after the reader's problems, as load lists them
    if not seen:
        names = ", ".join(repr(sheet.name) for sheet in opened.worksheets)
        raise FormatError(
            f"{file}: no sheet has a header row govtrack recognises (looked in the first "
            f"{HEADER_SCAN_ROWS} rows of {names})" + _near_headers(reader)
        )


def _near_headers(reader: _Reader) -> str:
    """What a FormatError adds when rows named columns but no main one: ``; Plan!A3: row 3
    names Responsible, Deadline, Status but no action column; …``."""
    return "".join(f"; {why}" for why in reader.near_headers)


def _check_sizes(file: Path, engine: str, limits: Limits) -> None:
    """Refuse a zip too large when inflated, and for calamine, which allocates a sheet's
    whole span at once, a sheet spanning more than ``limits.max_cells`` (before it loads)."""
    if engine not in _xlsx.ENGINES:
        raise UnsupportedFormatError(
            f"unknown Excel engine {engine!r}; expected one of {_xlsx.ENGINES}"
        )
    _check_file(file)
    check_workbook(file, limits)
    if engine == "calamine":
        check_extents(file, limits)


def _is_workbook(file: Path) -> bool:
    """A workbook by its suffix, or by its content (a zip) whatever its name."""
    if file.suffix.lower() in {".xlsx", ".xlsm"}:
        return True
    try:
        with file.open("rb") as stream:
            return stream.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # gt.load reports it


@attrs.frozen
class _Opened:
    """A workbook ready to read: its package, the sheets to read and what their XML says."""

    file: Path
    engine: str
    package: _xlsx.PackageInfo
    worksheets: tuple[_xlsx.SheetInfo, ...]
    facts: dict[str, _xlsx.SheetFacts]
    source: _xlsx.RowSource | None
    notes: dict[str, _notes.SheetNotes] = attrs.field(factory=dict)


def _open(file: Path, engine: str, limits: Limits) -> _Opened | Document:
    """List and scan the workbook (checked by :func:`_check_sizes`); govtrack's own workbook
    is read whole at once."""
    name = str(file)
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as error:
        raise FormatError(f"{name} is not a readable .xlsx workbook ({error})") from None
    with archive:
        package = _xlsx.read_package(archive, name)
        if any(sheet.name == GOVTRACK_MARKER for sheet in package.sheets):
            own_notes = _own_notes(archive, package, name, limits)
            archive.close()
            # Imported lazily: govtrack's own workbook has its own module.
            own = importlib.import_module("govtrack.io.excel_workbook")
            document: Document = own.read(file, limits=limits)
            if own_notes:
                return attrs.evolve(document, problems=(*document.problems, *own_notes))
            return document
        worksheets = tuple(sheet for sheet in package.sheets if sheet.is_worksheet)
        if not worksheets:
            raise FormatError(f"{name} has no worksheets; expected at least one sheet of rows")
        # Calamine loads the sheets on a worker thread while the XML is scanned here.
        source = _xlsx.open_rows(engine, file, name, worksheets) if engine == "calamine" else None
        try:
            shared = _read_shared(archive, package, name) if source is not None else {}
            styles = _read_date_styles(archive, package, name)
            facts = {
                sheet.name: _read_facts(
                    archive, sheet, name, shared, styles, overrides=source is not None
                )
                for sheet in worksheets
            }
            notes = {
                sheet.name: _notes.read_notes(archive, sheet.part, name, limits)
                for sheet in worksheets
            }
        except BaseException:
            if source is not None:
                source.close()
            raise
    return _Opened(
        file=file,
        engine=engine,
        package=package,
        worksheets=worksheets,
        facts=facts,
        source=source,
        notes=notes,
    )


def _own_notes(
    archive: zipfile.ZipFile, package: _xlsx.PackageInfo, name: str, limits: Limits
) -> list[Issue]:
    """GT229 for each note on a sheet of govtrack's own workbook, whose records keep none."""
    problems = _Problems(name)
    for sheet in package.sheets:
        if not sheet.is_worksheet:
            continue
        found = _notes.read_notes(archive, sheet.part, name, limits)
        tracker = _notes.NoteTracker(attrs.evolve(found, notes=()))
        _report_notes(tracker, problems, sheet.name)  # what could not be read, stray notes
        for note in found.notes:
            problems.add(
                "GT229",
                f"{note.cell} has a note in govtrack's own workbook, which keeps none on its "
                f"records; here it is: {note.text!r}",
                sheet.name,
                note.cell,
            )
    return problems.found


def _walk(
    opened: _Opened,
    reader: _Reader,
    limits: Limits,
    progress: ProgressCallback | None,
    sink: list[Action] | None,
) -> Iterator[_Item | Action]:
    """Every container (and, with a sink, every action) of every sheet, in order."""
    name = str(opened.file)
    caught: list[warnings.WarningMessage] = []
    source = opened.source
    if source is None:
        with warnings.catch_warnings():
            source = _xlsx.open_rows(opened.engine, opened.file, name, opened.worksheets)
    counter = _Counter(progress, sum(facts.last_row for facts in opened.facts.values()))
    try:
        budget = RowBudget(limits, name)
        for sheet in opened.worksheets:
            facts = opened.facts[sheet.name]
            with warnings.catch_warnings(record=True) as seen:
                warnings.simplefilter("always")
                engine_rows = source.rows(sheet, facts)
            caught.extend(seen)
            rows = budget.take(_guarded(engine_rows, caught, name, sheet.name), sheet.name)
            if progress is not None:
                rows = counter.count(rows)
            reader.notes = _notes.NoteTracker(opened.notes.get(sheet.name, _notes.NO_NOTES))
            yield from _read_sheet(reader, sheet, rows, facts, sink)
            _report_notes(reader.notes, reader.problems, sheet.name)
    finally:
        source.close()
    counter.finish()
    for warning in caught:
        if issubclass(warning.category, UserWarning):
            reader.problems.add("GT217", f"openpyxl: {warning.message}")
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )


def _report_notes(notes: _notes.NoteTracker, problems: _Problems, sheet: str) -> None:
    """GT228 for the notes kept in actions' extra (once a sheet), GT229 for each other note."""
    if notes.kept:
        first, key, header = notes.kept[0]
        count = len(notes.kept)
        problems.add(
            "GT228",
            f"{count} cell note{'s' if count > 1 else ''} on action rows kept in the actions' "
            f"extra as 'Note: <column>' (the first, {first.cell}, as {key!r})",
            sheet,
            first.cell,
            header,
        )
    if notes.error:
        problems.add(
            "GT229", f"the notes of sheet {sheet!r}: {notes.error}; they are not read", sheet, "A1"
        )
    for ref, text in notes.stray:
        problems.add(
            "GT229",
            f"a note on {ref!r}, which is not a cell, is on no record: {text!r}",
            sheet,
            "A1",
        )
    for note, reason, header in notes.left():
        problems.add(
            "GT229",
            f"{note.cell} has a note {reason}; it is on no record, so here it is: {note.text!r}",
            sheet,
            note.cell,
            header,
        )


_BATCH = 256


class _Counter:
    """Counts rows for a progress callback."""

    def __init__(self, progress: ProgressCallback | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def count(self, rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
        progress = self.progress
        assert progress is not None  # only wrapped when there is a callback
        for row in rows:
            self.done += 1
            if not self.done % PROGRESS_EVERY:
                self.total = max(self.total, self.done)
                progress(self.done, self.total)
            yield row

    def finish(self) -> None:
        if self.progress is not None:
            self.total = max(self.total, self.done)
            self.progress(self.total, self.total)


def _guarded(
    rows: Iterator[Sequence[Any]], caught: list[warnings.WarningMessage], name: str, sheet: str
) -> Iterator[Sequence[Any]]:
    """The engine's rows, read in batches with its warnings recorded (they become GT217);
    what the engine raises on a broken sheet becomes a FormatError.

    Only the engine's own work runs under the recording, never the caller's code
    between two rows (a streaming reader yields to it), and a few rows at a time.
    """
    try:
        while True:
            with warnings.catch_warnings(record=True) as seen:
                warnings.simplefilter("always")
                batch = list(islice(rows, _BATCH))
            if seen:
                caught.extend(seen)
            if not batch:
                return
            yield from batch
    except BROKEN_SHEET_ERRORS as error:
        if isinstance(error, GovtrackError):
            raise
        raise FormatError(f"{name}: sheet {sheet!r} cannot be read ({error})") from None
    except BaseException as error:
        if type(error).__name__ != "PanicException":  # a Rust panic in python-calamine
            raise
        raise FormatError(f"{name}: sheet {sheet!r} cannot be read (calamine: {error})") from None


def _read_facts(
    archive: zipfile.ZipFile,
    sheet: _xlsx.SheetInfo,
    name: str,
    shared: Mapping[int, str],
    date_styles: Mapping[int, CellShape],
    *,
    overrides: bool,
) -> _xlsx.SheetFacts:
    try:
        return _xlsx.scan_sheet(
            archive, sheet.part, overrides=overrides, shared=shared, date_styles=date_styles
        )
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise FormatError(f"{name}: sheet {sheet.name!r} cannot be read ({error})") from None


def _read_shared(archive: zipfile.ZipFile, package: _xlsx.PackageInfo, name: str) -> dict[int, str]:
    try:
        return _xlsx.shared_string_overrides(archive, package.shared_strings)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error, ParseError) as error:
        raise FormatError(f"{name}: its shared strings cannot be read ({error})") from None


def _read_date_styles(
    archive: zipfile.ZipFile, package: _xlsx.PackageInfo, name: str
) -> dict[int, CellShape]:
    try:
        return _xlsx.date_styles(archive, package.styles)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise FormatError(f"{name}: its styles cannot be read ({error})") from None
