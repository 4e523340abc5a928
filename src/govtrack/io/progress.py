"""Reader of a working group's progress report: a table flattened to text.

Copying a report's tables out of a word processor gives one cell per
paragraph, cells separated by empty lines, and an empty cell as a line
holding only a space or a no-break space::

    TWG: WATER
    A.  Progress in Implementing the Action Plan
      1. Please list the activities scheduled during the period March 2021 to June 2021 …
    Scheduled Activities          <- the header cells, one per paragraph
    Implementation Status
    On Schedule
    Behind Schedule
    If behind schedule, reasons for delay
    Recommendations
    1. Planning                   <- a numbered group heading
    Draft the sector plan         <- a row: activity, status, on, behind, reasons, …
    First draft shared with members.
    X
    \u00a0
    B.  Progress on Joint Monitoring Indicators
    Joint Monitoring Indicator Timeframe Status Constraints Recommendations
    Reduce losses in the network  <- an indicator, its timeframe, then numbered targets
    2021 – 2022
    1.  Meters installed in the capital
    2021
    …
      1. Does the group have sufficient resources?   No

Rows are found by their shape (an activity is a text cell followed by its
status cell); cells are placed by position under the header; a mark (``X``,
``✓``, ``√``) under "On Schedule" or "Behind Schedule" gives the
:class:`~govtrack.ScheduleStatus`. An implementation status that is no status
word is judged by the Excel work plan's rule (``status_narrative``): a
narrative (``Postponed to August``, ``Draft shared. Costing pending``) goes to
``comments``; a short unknown word (``Stalled``, ``On hold``) stays in
``status_text``, reported as an unknown status word (GT101). When a row has
fewer or more cells than the header, the reader places what it can, keeps every line of text on the
activity or indicator, and records a problem naming the line. An unnumbered
text in the indicators table starts a new indicator when a timeframe follows it
and the open row is complete (timeframe, status, constraints, recommendations);
in a row still short of cells it is the next cell (a constraint with no full
stop, before ``Train staff in Q1 2024.``), unless what follows is a timeframe
and not a sentence (a date, or only a timeframe's words: ``2024 onwards``):
then it starts an indicator and GT384 says the row may have been split. Bulleted
activities sharing one status cell each get that cell. Text outside the
tables is kept in the report's ``extra`` under its section heading.

Problems this reader records:

=====  ========  ===============================================================
code   severity  meaning
=====  ========  ===============================================================
GT370  warning   no working group line (``TWG: …``)
GT371  warning   no reporting period, or one that cannot be read (text kept)
GT372  warning   no table of scheduled activities
GT373  warning   text where an on/behind-schedule mark was expected (read as
                 the reasons for delay or the recommendations)
GT374  info      a row with fewer cells than the header: text after the marks
                 was read by position and may belong to the next column
GT375  warning   a row marked both on schedule and behind schedule
GT376  info      one status cell shared by several bulleted activities
GT377  warning   a row with more cells than the header (the rest kept in
                 ``extra["Unplaced"]``)
GT378  warning   an indicator row with more paragraphs than columns (the first
                 ones read as its status)
GT379  info      a timeframe that cannot be read as a date (kept as text)
GT380  info      a yes/no answer that is neither yes nor no (kept as text)
GT381  warning   the text ends inside a table row: it may be truncated
GT382  warning   a mark where text was expected (kept in ``extra["Unplaced"]``)
GT383  info      no table of monitoring indicators
GT384  warning   an indicator row with fewer cells than columns, followed by a text
                 and a timeframe: read as a new indicator, though the row may have
                 been split (the text may be the row's constraints)
GT385  info      implementation status cells holding a narrative, not a status word
                 (one problem per report, at the first): kept in the comments, so
                 those activities have no status
=====  ========  ===============================================================

>>> import govtrack as gt
>>> text = ("TWG: WATER\\n\\nScheduled Activities\\n\\nImplementation Status\\n\\n"
...         "On Schedule\\n\\nBehind Schedule\\n\\n1. Planning\\n\\nDraft the sector plan\\n\\n"
...         "First draft shared.\\n\\nX\\n\\n\\u00a0\\n")
>>> report = gt.loads(text, format="progress-report").reports[0]
>>> activity = report.activities[0]
>>> report.working_group, activity.group, activity.text, activity.schedule.label
('WATER', '1. Planning', 'Draft the sector plan', 'On schedule')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from govtrack._errors import DueParseError, FormatError
from govtrack._text import one_line
from govtrack.io._prose import (
    ANSWER,
    BULLET,
    QUESTION,
    YES_NO_START,
    Line,
    date_after,
    lines_of,
    squash,
    unread_after,
)
from govtrack.io._status_cell import status_narrative
from govtrack.model.dates import Due, parse_due
from govtrack.model.location import Location
from govtrack.model.records import Activity, Answer, Document, Indicator, Issue, ProgressReport
from govtrack.model.status import ScheduleStatus, Severity, Status
from govtrack.validate import with_reading_problems

__all__ = ["loads", "sniff"]

_SECTION = re.compile(r"^\s{0,3}(?P<letter>[A-H])\.[\s\u00a0]{1,12}(?P<title>\S.{0,150})$")
_TWG = re.compile(r"^\s{0,3}TWG\s{0,3}[:–-]\s{0,3}(?P<name>\S.{0,100})$")
_PROMPT = re.compile(r"^\s{1,8}\d{1,2}[.)]\s")
_NUMBERED = re.compile(r"^\s{0,3}(?P<ref>\d{1,2})\.(?![\d])[\s\u00a0]{1,12}(?P<text>\S.*)$")
_SUB_REF = re.compile(r"^(?P<ref>\d{1,2}(?:\.\d{1,2}){1,3}\.?)\s{1,4}(?P<text>\S.*)$")
_PERIOD_CUE = re.compile(
    r"\b(?:during the (?:reporting )?period(?: of| from)?|reporting period\s{0,3}:?"
    r"|period covered\s{0,3}:?|for the period(?: of| from)?)\s{1,3}",
    re.IGNORECASE,
)
_INDICATOR_HEAD = re.compile(r"^(?:joint\s)?(?:monitoring\s)?indicators?\b", re.IGNORECASE)
_HEADER_WORD = re.compile(
    r"^(?:current\s|implementation\s)?(?:status|constraints?|recommendations?|time\s?-?frame"
    r"|targets?|progress)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MARKS = {"x", "✓", "✔", "√", "☑", "☒", "✗", "✘", "yes", "*", "•"}
_ENDS_SENTENCE = re.compile(r"[.;:!?)\]\"'’”]\s*$")
_INDICATOR_CELLS = 4
"""The cells of an indicator row after its text: timeframe, status, constraints, recommendations."""

ACTIVITY, STATUS, ON, BEHIND, REASONS, RECOMMENDATIONS = (
    "activity",
    "status",
    "on",
    "behind",
    "reasons",
    "recommendations",
)
_COLUMNS = (
    (ACTIVITY, re.compile(r"^(?:scheduled\s)?activit(?:y|ies)\b", re.IGNORECASE)),
    (STATUS, re.compile(r"implementation status|status of implementation|^status$", re.IGNORECASE)),
    (ON, re.compile(r"^on[\s-]?(?:schedule|track)\b", re.IGNORECASE)),
    (BEHIND, re.compile(r"^(?:behind[\s-]?schedule|delayed|off[\s-]?track)\b", re.IGNORECASE)),
    (REASONS, re.compile(r"reasons? for (?:the )?delay|if behind", re.IGNORECASE)),
    (RECOMMENDATIONS, re.compile(r"recommendation", re.IGNORECASE)),
)
_DEFAULT_COLUMNS = (ACTIVITY, STATUS, ON, BEHIND, REASONS, RECOMMENDATIONS)
_MARK_COLUMNS = {ON, BEHIND}


@attrs.define
class _Cell:
    """One paragraph group of the flattened table (an empty cell has no lines of text)."""

    line: int
    lines: list[Line]

    @property
    def text(self) -> str:
        return "\n".join(line.clean for line in self.lines if line.clean)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def mark(self) -> bool:
        text = self.text
        return bool(text) and (text.lower() in _MARKS or ScheduleStatus.parse(text) is not None)

    @property
    def bullets(self) -> bool:
        return bool(self.text) and all(BULLET.match(line.text) for line in self.lines if line.clean)

    @property
    def is_text(self) -> bool:
        return not self.blank and not self.mark

    @property
    def first(self) -> str:
        return next((line.text for line in self.lines if line.clean), "")


def _cells(lines: list[Line]) -> list[_Cell]:
    """Split at empty lines; a line holding only spaces is an empty cell of its own."""
    cells: list[_Cell] = []
    current: list[Line] = []
    for line in lines:
        if line.text == "":
            if current:
                cells.append(_Cell(current[0].number, current))
                current = []
            continue
        if not line.clean:
            if current:
                cells.append(_Cell(current[0].number, current))
                current = []
            cells.append(_Cell(line.number, [line]))
            continue
        if current and BULLET.match(line.text) and not BULLET.match(current[-1].text):
            cells.append(_Cell(current[0].number, current))
            current = []
        current.append(line)
    if current:
        cells.append(_Cell(current[0].number, current))
    merged: list[_Cell] = []
    for cell in cells:  # bullets a paragraph apart are one list (one merged cell)
        if merged and cell.bullets and merged[-1].bullets:
            merged[-1].lines.extend(cell.lines)
        else:
            merged.append(cell)
    return merged


def _column_of(text: str) -> str | None:
    if len(text) > 100:
        return None
    for key, pattern in _COLUMNS:
        if pattern.search(text):
            return key
    return None


def _is_section(cell: _Cell) -> bool:
    return bool(cell.text) and len(cell.lines) == 1 and bool(_SECTION.match(cell.first))


def _is_prompt(cell: _Cell) -> bool:
    first = cell.first
    return bool(_PROMPT.match(first)) or (
        bool(_NUMBERED.match(first)) and squash(first).endswith("?")
    )


def _is_group(cell: _Cell) -> bool:
    first = cell.first
    return (
        not _is_prompt(cell)
        and bool(_NUMBERED.match(first))
        and not first[:1].isspace()
        and len(cell.text) <= 200
    )


def _indicator_header(cells: list[_Cell], index: int) -> int:
    """The number of header cells of an indicator table starting at ``index`` (0 if none)."""
    text = cells[index].text.lower()
    if not _INDICATOR_HEAD.match(text) or len(text) > 400 or _is_prompt(cells[index]):
        return 0
    if "timeframe" in text or "time frame" in text or "time-frame" in text:
        size = 1
    elif len(text) <= 60 and index + 1 < len(cells) and "time" in cells[index + 1].text.lower():
        size = 2
    else:
        return 0
    while index + size < len(cells):
        follow = cells[index + size].text
        if follow and len(follow) <= 160 and (follow.endswith("?") or _HEADER_WORD.search(follow)):
            if _NUMBERED.match(cells[index + size].first) or _YEAR.search(follow):
                break
            size += 1
            continue
        break
    return size


def _activity_header(cells: list[_Cell], index: int) -> list[str]:
    """The column keys of an activities table whose header starts at ``index`` (empty if none)."""
    text = cells[index].text
    if not re.match(r"^(?:scheduled\s)?activit(?:y|ies)\b", text, re.IGNORECASE):
        return []
    lowered = text.lower()
    if "on schedule" in lowered and "behind schedule" in lowered:
        return list(_DEFAULT_COLUMNS)  # the whole header on one line
    columns = [ACTIVITY]
    for cell in cells[index + 1 : index + 8]:
        if cell.blank:
            continue
        key = _column_of(cell.text)
        if key is None or key in columns:
            break
        columns.append(key)
    return columns if len(columns) >= 3 else []


def sniff(text: str) -> float:
    """How surely ``text`` is a working group's progress report, from 0 (surely not) to 1.

    Args:
        text: The text.

    Returns:
        The score: "TWG:", "Scheduled Activities", "On Schedule", "Behind Schedule",
        "Implementation Status" raise it; a tracking-system export or a pipe table gives 0.

    >>> sniff("TWG: WATER\\n\\nScheduled Activities\\n\\nOn Schedule\\n\\nBehind Schedule\\n")
    0.95
    >>> sniff("Date and Time: 3 May 2020\\nVenue: Hall\\n")
    0.0
    """
    head = text[:300_000]
    lines = lines_of(head)
    if "Management Response Category:" in head:
        return 0.0
    if sum(1 for line in lines if line.text.startswith(": ")) >= 2:
        return 0.0
    if sum(1 for line in lines if line.text.lstrip().startswith("|")) >= 3:
        return 0.0
    lowered = head.lower()
    specific = 0.0
    if "scheduled activities" in lowered:
        specific += 0.3
    if "on schedule" in lowered:
        specific += 0.15
    if "behind schedule" in lowered:
        specific += 0.15
    if "joint monitoring indicator" in lowered:
        specific += 0.2
    if specific == 0.0:
        return 0.0
    score = specific
    if any(_TWG.match(line.text) for line in lines[:40]):
        score += 0.35
    if "implementation status" in lowered:
        score += 0.1
    return round(min(score, 1.0), 3)


def loads(text: str, *, source: str = "", dayfirst: bool | None = None) -> Document:
    """Read a working group's progress report into a Document with one ProgressReport.

    Args:
        text: The report, its tables flattened to text (a BOM and CRLF are fine).
        source: A file name, recorded in every origin.
        dayfirst: How to read an all-numeric day such as ``03/04/2021``: True for
            3 April, False for March 4; None (the default) reads it only when one
            order is possible (``30/06/2021``) and otherwise keeps the text and
            reports it (GT371 for the period, GT379 for a timeframe).

    Returns:
        A Document whose ``reports`` holds the report and whose ``problems``
        holds what could not be placed or read (codes GT370–GT383).

    Raises:
        FormatError: The text has neither a table of scheduled activities nor
            one of monitoring indicators.

    >>> loads("A letter to a friend.")
    Traceback (most recent call last):
    ...
    govtrack._errors.FormatError: expected a working-group progress report: ...
    """
    document = _Reader(lines_of(text), source, dayfirst).read()
    return with_reading_problems(document)  # the words kept as text (GT101, GT104)


@attrs.define
class _Row:
    head: _Cell
    group: str
    is_group: bool = False
    cells: list[_Cell] = attrs.Factory(list)


class _Reader:
    def __init__(self, lines: list[Line], source: str, dayfirst: bool | None = None) -> None:
        self.lines = lines
        self.source = source
        self.dayfirst = dayfirst
        self.problems: list[Issue] = []
        self.narratives: list[tuple[int, str]] = []  # status cells of narrative (GT385)
        self.extra: dict[str, list[str]] = {}

    def where(self, line: int) -> Location:
        return Location(file=self.source, line=line)

    def problem(self, code: str, message: str, line: int | None, severity: Severity) -> None:
        location = self.where(line) if line is not None else Location(file=self.source)
        self.problems.append(
            Issue(code=code, message=message, location=location, severity=severity)
        )

    def keep(self, section: str, text: str) -> None:
        if text:
            self.extra.setdefault(section or "Notes", []).append(text)

    # -- the whole report ----------------------------------------------------

    def read(self) -> Document:
        cells = _cells(self.lines)
        headers = [(i, _activity_header(cells, i)) for i in range(len(cells))]
        activity_tables = [(i, columns) for i, columns in headers if columns]
        indicator_tables = [(i, n) for i in range(len(cells)) if (n := _indicator_header(cells, i))]
        if not activity_tables and not indicator_tables:
            raise FormatError(
                "expected a working-group progress report: a 'Scheduled Activities' table "
                "(Implementation Status, On Schedule, Behind Schedule) or a table of "
                "monitoring indicators with their timeframe"
            )
        title, title_line = "", None
        working_group = ""
        for cell in cells:
            if cell.blank:
                continue
            if (m := _TWG.match(cell.first)) and not working_group:
                working_group = squash(m["name"])
            elif not title and not _is_section(cell) and len(cell.text) <= 200:
                title, title_line = squash(cell.first), cell.line
        if not working_group:
            self.problem("GT370", "no working group line (TWG: …)", None, Severity.WARNING)
        if not activity_tables:
            self.problem("GT372", "no table of scheduled activities", None, Severity.WARNING)
        if not indicator_tables:
            self.problem("GT383", "no table of monitoring indicators", None, Severity.INFO)
        full = "\n".join(line.text for line in self.lines)
        period = date_after(squash(full), _PERIOD_CUE, dayfirst=self.dayfirst)
        period_text = period.text if period is not None else ""
        if (
            period is None
            and (unread := unread_after(squash(full), _PERIOD_CUE, dayfirst=self.dayfirst))
            is not None
        ):
            period_text, why = unread
            self.problem(
                "GT371",
                f"cannot read the reporting period {period_text!r}: {why}; kept as text",
                None,
                Severity.WARNING,
            )
        elif period is None:
            self.problem("GT371", "no reporting period that reads as dates", None, Severity.WARNING)

        activities: list[Activity] = []
        indicators: list[Indicator] = []
        answers: list[Answer] = []
        section = ""
        index = 0
        starts = dict(activity_tables)
        indicator_starts = dict(indicator_tables)
        while index < len(cells):
            cell = cells[index]
            if index in starts:
                index, found = self.activities(cells, index, starts[index], section)
                activities.extend(found)
                continue
            if index in indicator_starts:
                index, found_indicators = self.indicators(
                    cells, index + indicator_starts[index], section
                )
                indicators.extend(found_indicators)
                continue
            index += 1
            if cell.blank:
                continue
            if _is_section(cell):
                section = squash(cell.first)
                continue
            if _TWG.match(cell.first) or cell.line == title_line:
                continue
            if answer := self.answer(cell, cells, index):
                answers.append(answer[0])
                index += answer[1]
                continue
            self.keep(section, cell.text)
        if self.narratives:
            line, text = self.narratives[0]
            quoted = one_line(text, 61, at_word=True)
            more = len(self.narratives) - 1
            self.problem(
                "GT385",
                f"the implementation status {quoted!r} is a narrative, not a status word"
                + (f" (and {more} more, to line {self.narratives[-1][0]})" if more else "")
                + ": kept in the comments, so "
                + ("these activities have" if more else "the activity has")
                + " no status (a status word is one of Not started, Ongoing, Completed, "
                "No longer applicable or Overdue)",
                line,
                Severity.INFO,
            )
        report = ProgressReport(
            title=title,
            working_group=working_group,
            period=period,
            period_text=period_text,
            activities=tuple(activities),
            indicators=tuple(indicators),
            answers=tuple(answers),
            extra={key: "\n".join(texts) for key, texts in self.extra.items()},
            origin=self.where(title_line or 1),
        )
        return Document(reports=(report,), problems=tuple(self.problems), source=self.source)

    # -- yes/no questions ----------------------------------------------------

    def answer(self, cell: _Cell, cells: list[_Cell], after: int) -> tuple[Answer, int] | None:
        """The answer a question cell holds, and how many following cells it used."""
        m = QUESTION.match(cell.first)
        if m is None:
            return None
        question = squash(m["question"])
        if not YES_NO_START.match(question):
            return None
        rest = [squash(m["rest"])] + [line.clean for line in cell.lines[1:] if line.clean]
        text = "\n".join(part for part in rest if part)
        used = 0
        if not text:
            following = next(
                ((i, c) for i, c in enumerate(cells[after : after + 3]) if not c.blank), None
            )
            if (
                following is not None
                and ANSWER.match(following[1].text)
                and len(following[1].text) <= 80
            ):
                text = following[1].text
                used = following[0] + 1
        word = ANSWER.match(text)
        value = None if word is None else word["word"].lower() == "yes"
        if text and value is None:
            self.problem(
                "GT380", f"answer {text[:60]!r} is neither yes nor no", cell.line, Severity.INFO
            )
        return Answer(
            question=question, answer=value, text=text, origin=self.where(cell.line)
        ), used

    # -- the activities table ------------------------------------------------

    def activities(
        self, cells: list[_Cell], start: int, columns: list[str], section: str
    ) -> tuple[int, list[Activity]]:
        index = start + 1
        header_cells = len(columns) - 1 if len(cells[start].lines) == 1 else 0
        skipped = 0
        while index < len(cells) and skipped < header_cells:
            if not cells[index].blank:
                skipped += 1
            index += 1
        width = len(columns) - 1
        rows: list[_Row] = []
        group = ""
        row: _Row | None = None
        while index < len(cells):
            cell = cells[index]
            if _is_section(cell) or _is_prompt(cell) or _TWG.match(cell.first):
                break
            if _indicator_header(cells, index):
                break
            index += 1
            if _is_group(cell):
                group = squash(cell.text)
                row = _Row(head=cell, group=group, is_group=True)
                rows.append(row)
                continue
            if row is None:
                if cell.blank or cell.mark:
                    continue
                row = _Row(head=cell, group=group)
                rows.append(row)
                continue
            if cell.blank or cell.mark:
                if len(row.cells) < width:
                    row.cells.append(cell)
                else:
                    self.keep(section, cell.text)
                continue
            starts_row = self.starts_row(cells, index - 1)
            if (
                starts_row
                and any(each.blank or each.mark for each in row.cells[1:])
                and _closes_row(cells, index, len(row.cells) + 2, width)
            ):
                # The open row shows its schedule cells and lacks exactly two; two texts
                # then a heading or the end are its reasons for delay and recommendations,
                # not a new activity and its status.
                starts_row = False
            if len(row.cells) >= width or (starts_row and (row.cells or row.is_group)):
                row = _Row(head=cell, group=group)
                rows.append(row)
                continue
            row.cells.append(cell)
        if rows and not rows[-1].is_group and not rows[-1].cells:
            self.problem(
                "GT381",
                "the table ends inside a row (an activity with no status): "
                "the text may be truncated",
                rows[-1].head.line,
                Severity.WARNING,
            )
        found: list[Activity] = []
        for each in rows:
            if each.is_group:
                texts = [cell.text for cell in each.cells if cell.text]
                if texts:
                    self.keep(each.group, "\n".join(texts))
                continue
            found.extend(self.row_activities(each, columns[1:]))
        return index, found

    @staticmethod
    def starts_row(cells: list[_Cell], index: int) -> bool:
        """Whether the text cell at ``index`` starts a row: text, its status, then no text."""
        after = cells[index + 1] if index + 1 < len(cells) else None
        then = cells[index + 2] if index + 2 < len(cells) else None
        if after is None or not after.is_text or _structural(cells, index + 1):
            return False
        return then is None or not then.is_text or _structural(cells, index + 2)

    def row_activities(self, row: _Row, columns: list[str]) -> list[Activity]:
        placed: dict[str, _Cell] = {}
        unplaced: list[str] = []
        shifted = False
        position = 0
        for cell in row.cells:
            if position >= len(columns):
                if cell.text:
                    unplaced.append(cell.text)
                    self.problem(
                        "GT377",
                        "more cells than the header has columns: kept in extra['Unplaced']",
                        cell.line,
                        Severity.WARNING,
                    )
                continue
            key = columns[position]
            if key in _MARK_COLUMNS and cell.is_text:
                while position < len(columns) and columns[position] in _MARK_COLUMNS:
                    position += 1
                shifted = True
                if position >= len(columns):
                    unplaced.append(cell.text)
                    continue
                key = columns[position]
                self.problem(
                    "GT373",
                    f"text where a schedule mark was expected: read as {_LABEL[key]}",
                    cell.line,
                    Severity.WARNING,
                )
            elif key not in _MARK_COLUMNS and key != STATUS and cell.mark:
                unplaced.append(cell.text)
                self.problem(
                    "GT382",
                    f"a mark {cell.text!r} where {_LABEL[key]} was expected",
                    cell.line,
                    Severity.WARNING,
                )
                position += 1
                continue
            placed[key] = cell
            position += 1
        if (
            not shifted
            and len(row.cells) < len(columns)
            and any(
                placed.get(key) is not None and placed[key].text
                for key in (REASONS, RECOMMENDATIONS)
            )
        ):
            cell = placed.get(REASONS) or placed[RECOMMENDATIONS]
            self.problem(
                "GT374",
                f"the row has fewer cells than the header: the text was read as "
                f"{_LABEL[REASONS if REASONS in placed else RECOMMENDATIONS]} by position",
                cell.line,
                Severity.INFO,
            )
        schedule = self.schedule(placed, row)
        status_cell = placed.get(STATUS)
        status_text = status_cell.text if status_cell is not None else ""
        status = None
        if status_cell is not None and status_cell.mark and ScheduleStatus.parse(status_text):
            schedule = schedule or ScheduleStatus.parse(status_text)
            status_text = ""
        elif "\n" not in status_text and len(status_text) <= 40:
            status = Status.parse(status_text)
        # A narrative is the comments (GT112); a short unknown word stays the status (GT101).
        narrative = status is None and status_narrative(status_text)
        if narrative and status_cell is not None:
            self.narratives.append((status_cell.line, status_text))
        common = {
            "status": status,
            "status_text": "" if narrative else status_text,
            "comments": status_text if narrative else "",
            "schedule": schedule,
            "delay_reasons": placed[REASONS].text if REASONS in placed else "",
            "recommendations": placed[RECOMMENDATIONS].text if RECOMMENDATIONS in placed else "",
            "group": row.group,
            "extra": {"Unplaced": "\n".join(unplaced)} if unplaced else {},
        }
        heads = [line for line in row.head.lines if line.clean]
        if row.head.bullets:
            if len(heads) > 1 and any(cell.text for cell in row.cells):
                self.problem(
                    "GT376",
                    f"one status cell is shared by {len(heads)} bulleted activities: "
                    "each is given it",
                    row.head.line,
                    Severity.INFO,
                )
            return [self.activity(_bullet_text(line), line.number, common) for line in heads]
        return [self.activity(" ".join(line.clean for line in heads), row.head.line, common)]

    def activity(self, text: str, line: int, common: Mapping[str, Any]) -> Activity:
        ref = ""
        if m := _SUB_REF.match(text):
            ref, text = m["ref"].rstrip("."), m["text"]
        return Activity(ref=ref, text=text, origin=self.where(line), **common)

    def schedule(self, placed: dict[str, _Cell], row: _Row) -> ScheduleStatus | None:
        on = placed.get(ON)
        behind = placed.get(BEHIND)
        on_marked = on is not None and on.mark
        behind_marked = behind is not None and behind.mark
        for cell, default in (
            (on, ScheduleStatus.ON_SCHEDULE),
            (behind, ScheduleStatus.BEHIND_SCHEDULE),
        ):
            if cell is not None and cell.mark:
                word = ScheduleStatus.parse(cell.text)
                if word is not None and word is not default:
                    return word
        if on_marked and behind_marked:
            self.problem(
                "GT375",
                "marked both on schedule and behind schedule",
                row.head.line,
                Severity.WARNING,
            )
            return None
        if on_marked:
            return ScheduleStatus.ON_SCHEDULE
        if behind_marked:
            return ScheduleStatus.BEHIND_SCHEDULE
        return None

    # -- the indicators table ------------------------------------------------

    def indicators(
        self, cells: list[_Cell], start: int, section: str
    ) -> tuple[int, list[Indicator]]:
        del section
        rows: list[tuple[_Cell, list[_Cell], bool]] = []  # head, cells, is a numbered target
        index = start
        while index < len(cells):
            cell = cells[index]
            if _is_section(cell) or _is_prompt(cell) or _TWG.match(cell.first):
                break
            index += 1
            if cell.blank and not rows:
                continue
            numbered = bool(_NUMBERED.match(cell.first)) and not cell.blank
            if numbered:
                rows.append((cell, [], True))
                continue
            if not rows:
                rows.append((cell, [], False))
                continue
            if cell.is_text and self.starts_indicator(rows[-1], cells, index - 1):
                rows.append((cell, [], False))
                continue
            rows[-1][1].append(cell)
        found: list[Indicator] = []
        for head, row_cells, numbered in rows:
            indicator = self.indicator(head, row_cells, numbered)
            if numbered and found:
                last = found[-1]
                found[-1] = attrs.evolve(last, targets=(*last.targets, indicator))
            else:
                found.append(indicator)
        if rows and not rows[-1][1]:
            self.problem(
                "GT381",
                "the indicators table ends inside a row: the text may be truncated",
                rows[-1][0].line,
                Severity.WARNING,
            )
        return index, found

    def starts_indicator(
        self, row: tuple[_Cell, list[_Cell], bool], cells: list[_Cell], index: int
    ) -> bool:
        """Whether the unnumbered text at ``index`` starts a new indicator, not a cell of ``row``.

        It does when the open row has a timeframe and a timeframe follows the text. When the
        row still lacks cells (timeframe, status, constraints, recommendations), the text is
        the row's next cell unless what follows is a timeframe and not a sentence: a date
        (``2024``, ``Q1 2024``) or a text made only of a timeframe's words (``2024 onwards``,
        ``Annually from 2024``, kept as text with GT379), never one with a full stop or a word
        of its own (``Train in Q1 2024``, ``Budget in 2025`` are recommendations). A text read
        as a new indicator then is reported (GT384), for the row may have been split.
        """
        head, row_cells, _ = row
        first = next((i for i, cell in enumerate(row_cells) if _timeframe_like(cell)), None)
        if first is None:
            return False
        following = next((cell for cell in cells[index + 1 : index + 4] if not cell.blank), None)
        if following is None or not _timeframe_like(following):
            return False
        filled = len(row_cells) - first
        if filled >= _INDICATOR_CELLS:
            return True
        if _ENDS_SENTENCE.search(following.text) or not (
            _timeframe_words(following.text) or self.reads_as_date(following.text)
        ):
            return False
        self.problem(
            "GT384",
            f"the indicator row at line {head.line} has {filled} of {_INDICATOR_CELLS} cells "
            f"(timeframe, status, constraints, recommendations), and the text here is followed "
            f"by the timeframe {following.text!r}: read as a new indicator, but the row may have "
            "been split (the text may be its constraints)",
            cells[index].line,
            Severity.WARNING,
        )
        return True

    def reads_as_date(self, text: str) -> bool:
        try:
            parse_due(text, dayfirst=self.dayfirst)
        except DueParseError:
            return False
        return True

    def indicator(self, head: _Cell, row_cells: list[_Cell], numbered: bool) -> Indicator:
        text = head.text
        ref = ""
        if numbered and (m := _NUMBERED.match(squash(head.first))):
            ref = m["ref"]
            text = "\n".join(
                [squash(m["text"]), *(line.clean for line in head.lines[1:] if line.clean)]
            )
        rest = list(row_cells)
        while rest and rest[0].blank:
            rest.pop(0)
        timeframe: Due | None = None
        timeframe_text = ""
        if rest and _timeframe_like(rest[0]):
            timeframe_text = rest.pop(0).text
            try:
                timeframe = parse_due(timeframe_text, dayfirst=self.dayfirst)
            except DueParseError as error:
                self.problem(
                    "GT379",
                    f"timeframe {timeframe_text!r} is not a date govtrack can read; {error.reason}",
                    head.line,
                    Severity.INFO,
                )
        while rest and rest[-1].blank:
            rest.pop()
        fields = ["", "", ""]
        if len(rest) <= 3:
            for position, cell in enumerate(rest):
                fields[position] = cell.text
        else:
            texts = [cell for cell in rest if not cell.blank]
            self.problem(
                "GT378",
                f"{len(texts)} paragraphs for 3 columns (status, constraints, recommendations): "
                "the first ones were read as the status",
                texts[0].line if texts else head.line,
                Severity.WARNING,
            )
            if len(texts) >= 3:
                fields = [
                    "\n".join(cell.text for cell in texts[:-2]),
                    texts[-2].text,
                    texts[-1].text,
                ]
            else:
                for position, cell in enumerate(texts):
                    fields[position] = cell.text
        return Indicator(
            ref=ref,
            text=text,
            timeframe=timeframe,
            timeframe_text=timeframe_text if timeframe is None else "",
            status=fields[0],
            constraints=fields[1],
            recommendations=fields[2],
            origin=self.where(head.line),
        )


_LABEL = {
    STATUS: "the implementation status",
    ON: "the on-schedule mark",
    BEHIND: "the behind-schedule mark",
    REASONS: "the reasons for delay",
    RECOMMENDATIONS: "the recommendations",
}


def _structural(cells: list[_Cell], index: int) -> bool:
    """Whether the cell at ``index`` is a heading, a question or a table header, not a cell."""
    cell = cells[index]
    return (
        _is_group(cell)
        or _is_section(cell)
        or _is_prompt(cell)
        or bool(_TWG.match(cell.first))
        or bool(_indicator_header(cells, index))
    )


def _closes_row(cells: list[_Cell], after: int, filled: int, width: int) -> bool:
    """Whether the text at ``after`` is followed directly by a heading or the end.

    ``filled`` is how many cells the open row would hold with the two texts; they close
    it when that is exactly ``width`` (a row copied whole keeps its empty cells).
    """
    if filled != width:
        return False
    index = after + 1
    return index >= len(cells) or _structural(cells, index)


_TIMEFRAME_WORDS = frozenset(
    {"from", "since", "onwards", "onward", "beyond", "by", "until", "till", "to", "through",
     "throughout", "during", "in", "within", "and", "or", "of", "the", "end", "start",
     "beginning", "mid", "early", "late", "first", "second", "third", "fourth", "last", "half",
     "quarter", "quarters", "year", "years", "month", "months", "fy", "each", "every", "per",
     "annually", "annual", "yearly", "quarterly", "monthly", "biannually", "ongoing",
     "continuous", "continuously", "q", "h",
     "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
     "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
     "november", "dec", "december"}
)  # fmt: skip
"""The words of a timeframe that is not a date (``2024 onwards``, ``Annually from 2024``)."""
_WORD = re.compile(r"[^\W\d_]+|\d+(?:st|nd|rd|th)?")


def _timeframe_words(text: str) -> bool:
    """Whether ``text`` is made only of figures and :data:`_TIMEFRAME_WORDS` (no verb, no
    noun of its own): a timeframe even when it does not read as a date."""
    words = _WORD.findall(text.lower())
    return bool(words) and all(word[0].isdigit() or word in _TIMEFRAME_WORDS for word in words)


def _timeframe_like(cell: _Cell) -> bool:
    text = cell.text
    return bool(text) and len(text) <= 40 and len(text.split()) <= 7 and bool(_YEAR.search(text))


def _bullet_text(line: Line) -> str:
    m = BULLET.match(line.text)
    return squash(m["text"]) if m else line.clean
