r"""The text export of an evaluation-tracking system's management response ("gate").

A page of the tracking system, copied as text, reads::

    Management Response

    : Northern Province
    : 2021 - 2022 , Northern Province (CO)
    : Final evaluation of the rural livelihoods programme
    :
    : Northern Province
    :

    Management welcomes the evaluation and accepts its findings.

    : Approved
    Recommendation: 1.1: Set up a monitoring system for the programme.
    Management Response: Agreed; a framework will be drafted.
    Description:
    Management Response Category: Accepted
    Thematic Area: Governance
    Operating Principles: Capacity development, National ownership
    Organizational Priorities: Not applicable
    UNEG Criteria: Effectiveness
    Key Actions
    Responsible Deadline Status Comments
    1. Draft the framework. M&E Unit 2021/07 Completed Shared. Dec 2022 Update: In use.

What the reader does with it:

- The page's navigation (a menu of regions and offices, each office followed by
  ``(CO)``, ``(MCO)``, ``(RO)``, ``(PP)``) before the heading "Management Response"
  is skipped; sentences found there are kept in ``Evaluation.extra["Page text"]``.
- The header fields after ``:`` are positional: the office's name
  (``extra["Office name"]``), ``period , office``, the title, then the country
  (the first non-empty field after the title); further fields go to
  ``extra["Header N"]``. A field may lack its ``:`` (the office name alone on its line).
- The paragraphs after the header are the overall response (``Evaluation.summary``);
  a last ``: …`` line before the first recommendation is the approval state.
- A recommendation's ref may lead its text (``Recommendation: 1.1: …``,
  ``Recommendation: 1. …``). A field's value continues on the lines below it up to
  the next label. Tag lists are comma-separated; "Not applicable" is an empty list.
- A key-action line runs ref, action text, responsible party, deadline, status and
  comments together. The deadline may take any shape :func:`~govtrack.parse_due` reads
  that fits in a line: ``2021/07``, ``31/03/2024``, ``2024-03-31``, ``March 2024``,
  ``Q1 2024``, ``first half of 2024``, ``2024``, a range (``Mar 2023 – Dec 2024``), after
  ``by`` or ``end of`` or not. The line is cut at the deadline followed by a status
  (``2021/07 Over due``) that ends the responsible party. A year or month followed by
  a status word inside a sentence (``Continue the 2021 planned activities``) is not a
  deadline: unless it is in figures, a deadline's status must end the cell (the line
  ends, or the comments start with a capital) or follow a name (``Hire staff. HR
  March 2024 completed …``). A line may hold other deadlines, in the action's wording
  (``Report on the 2021/06 completed survey. HR 2022/12 Ongoing``) or in the comments
  (``HR 2022/06 Ongoing Phase one 2022/01 completed``): the one taken is the deadline
  followed by a status whose preceding text splits into the action's text and a
  responsible party that holds no other deadline. When several do, the one taken is
  the first after a party the document names elsewhere, else after a name, else the
  first written as most of the document's deadlines are, else in figures, else the
  first; when none does, a date in figures that does is taken (GT303), else the date in
  figures followed by a status that ends the cell nearest the end of the line; either
  way GT309 names them. A line with no deadline followed by a status is cut at its
  only date written in figures (GT303); with several, no deadline is chosen and the
  whole line is the text (GT302).
- The status is the word after the deadline; the words after it are the comments. A
  misspelt status word there (one letter off a single status word of five letters or more,
  of one word or several: ``2022/03 Competed``, ``Q3 2025 Ongiong Tender …``, ``2022/06 Not
  yet strated``, even after a shorter status word: ``En cours de réalisaton``) stands for a
  status after a deadline of any shape, in a line with a ref or without, and is the status
  as written, not read (GT101 suggests the status word meant), when it is alone on the
  rest of the line, or
  when the slip is inside the word and it is no common English word (``2022/06 Spending
  Review …``, ``Stated policy …``: these open the comments, GT303 naming the status word
  near); a word that is no near miss (``2022/06 Tender re-advertised``) or runs on in
  lowercase opens the comments (GT303). A status
  word that what follows it qualifies, as :meth:`~govtrack.Status.parse` judges it (a
  parenthetical, a percentage, a count or a qualifying word: ``Completed (2 of 4 sites)``,
  ``Completed 3/5``, ``Completed partially``, ``Ongoing (100%)``), is not read: ``status``
  is None and the words are kept in ``status_text`` (GT311), in a line with tabs as in
  one without. What only dates or measures it (``Completed (June 2022)``, ``Ongoing
  80%``) stays in the comments, and so does a comment sentence starting with a capitalised
  word that qualifies nothing (``Completed The report was shared``). A count or a
  qualifying word in any case is taken as qualifying even when words follow it
  (``Completed 3/5 sites``, ``Completed Not yet in the north``): whether it opens a comment
  sentence cannot be told from the line, so nothing is guessed (GT311), and the status
  word, the qualifier and the comments, split there, still read as written.
- The responsible party is told from the action text by the last sentence end (``.``,
  ``!``, ``?``), in a text with none by the last ``;`` when a name follows it that the
  document gives as a party (always), or that reads as one when no name ends the text
  before it (``Draft the plan Programme Unit; Finance Unit``: GT301): capitalised words
  (``Write a note; Knowledge Unit``, the ``;`` is in neither), an acronym (``eSS team``,
  ``WEE/SL unit``), words ending in a group (``M&E Unit and partners``, ``all country
  offices``), ``X with support from Y``; not a clause (``Conduct the survey; share the
  findings …``), and by party names the document repeats (the texts
  between a sentence end and the deadline, counted over every line); after a sentence
  end, parties are separated by ``,`` or ``;`` (``Draft it. Programme Unit; Finance
  Unit``). When a line has tabs (a copy of the web table), the tabs separate the cells
  and nothing is guessed; a line with fewer than five cells ends in a cell that holds a
  line break, and the next line with tabs and no ref goes on in that cell (a line break
  in the responsible cell separates parties, as ``,`` and ``;`` do). A line without a
  ref continues the comments above unless it is clearly a key action: a date in
  figures followed by a status that ends the cell (``Hire staff HR 2022/06 Ongoing``),
  or after a name however the comments start (``Meet the councils UN Women 2021/12
  Ongoing meetings began``), or a deadline after an action's text and a name (``Hire
  staff. HR Q1 2024 Ongoing``). A date inside a sentence (``Meeting held on
  15/09/2022 with the teams.``, ``The 2022 planned visits moved.``) is not one; such
  a line with a date in figures and a status word (``Phase one 2022/01 completed,
  …``) is kept in the comments and reported (GT310), unless the line above has tabs.
  A line without a ref that ends with a (perhaps misspelt) status after a deadline but
  starts with no action text - with the deadline (``2024/10 Ongoing``), a name alone
  (``Unit 2024/12 Not started``) or in the middle of a sentence (``sections inspected.
  Audit Section 2024/05 Ongoing``) - is the rest of a wrapped key action: when the key
  action above has no deadline followed by a status, the lines from its line to this one
  are read as one line (GT312); else it is a key action of its own (GT313). A line that
  is a status word alone is the status of the key action above when that one ends with
  its deadline (GT312). So is a line that ends the key action above wrapped inside its
  deadline and status, or before a deadline in words the reader cannot read, when that one
  has no status (``… Roads Unit TBD`` / ``Not started``, ``… by 30 June`` / ``2025
  Ongoing``, ``… 2025/06 Not`` / ``started``, ``… within 3`` / ``months of approval
  Ongoing``): the two lines are read as one (GT312) when they read as a key action's line
  cut across the break; when the words across it read as a deadline and a status that do
  not end its text and party (the status runs on into a sentence), the line is kept in the
  comments and reported (GT314). A line's indent, tabs too, is ignored unless it is an
  empty cell.
- A deadline in common words the reader cannot read (``TBD``, ``TBC``, ``ongoing``,
  ``continuous``, ``n/a``, ``as needed``, ``within 3 months of approval``, ``upon
  approval``), after an action's text and a party's name and followed by a status that
  ends the line or a cell, cuts the line as a deadline does: its words are kept as
  ``due_text`` (GT104, as the matrix reader does).
- Comments holding dated updates (``Dec 2022 Update: …``, ``Dec 22 Update: …``,
  ``Dec 2022: …``) are split into :class:`~govtrack.Update` entries; the text before
  the first one stays in ``comments``.
- Text is kept verbatim: curly quotes, en dashes, a ``?`` for a lost apostrophe.

Problems the reader reports (``doc.problems``):

=====  ========  ====================================================================
code   severity  meaning
=====  ========  ====================================================================
GT301  warning   a key action's responsible party could not be told from its text:
                 every word is kept in ``text`` and ``responsible`` is empty
GT302  warning   a key-action line without a deadline followed by a status (and no
                 single date in figures to take as the deadline): the whole line is
                 kept as the action's text
GT303  warning   a deadline followed by no known status: the rest is kept in comments
GT304  warning   a recommendation block lacks a field (``Key Actions``, category, …):
                 the text may be cut short
GT305  info      the page's navigation before the heading was skipped
GT306  warning   text between the heading and the first recommendation that is
                 neither a header field, the overall response nor the approval
GT307  warning   a field given twice in one recommendation block (values joined)
GT308  warning   text before the first recommendation block's key actions that
                 belongs to no field (kept in the action list or the field above)
GT309  warning   several deadlines in a key-action line could end its text and
                 responsible party, or none clearly does: the one taken is named with
                 the others (the rest of the line stays in the text and the comments)
GT310  warning   a line without a ref holds a date in figures and a status word but
                 reads as a sentence (``Phase one 2022/01 completed, …``): it is kept
                 in the comments of the key action above
GT311  warning   a status word qualified by what follows it (``Completed (2 of 4
                 sites)``, ``Completed 3/5``, ``Completed partially``, ``Ongoing (100%)``):
                 as :meth:`~govtrack.Status.parse`, the status is not read, and the
                 words are kept in ``status_text`` (in a status cell between tabs too)
GT312  info      a line without a ref continues the key action above (a wrapped line:
                 it starts with the deadline, a name alone or mid-sentence, or it is the
                 status alone): the lines are read as one (a warning when the line above
                 ends with a name and this one starts with words more than one: the
                 names are read as one party)
GT313  warning   a line without a ref that starts like a wrapped line but follows a
                 complete key action, or starts with a verb and two words more after a
                 line that ends with a name: it is read as a key action of its own
GT314  warning   a line without a ref whose first words and the end of the key action
                 above read as a deadline and a status across the line break (a wrapped
                 line: ``… Roads Unit TBD`` / ``Ongoing work with …``) but do not end
                 its text and party there: it is kept in the comments
=====  ========  ====================================================================

The writer, :func:`dumps`, renders evaluations in the same shape and separates
the cells of a key-action line with tabs, so the reader needs no guess to read
it back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs

from govtrack._errors import AmbiguousDateError, DueParseError, FormatError
from govtrack.io._files import normalise_newlines, refuse_lossy, refuse_what_is_left_out
from govtrack.model.dates import Due, dayfirst_argument, parse_due
from govtrack.model.location import Location
from govtrack.model.records import (
    Action,
    Document,
    Evaluation,
    Issue,
    ManagementResponse,
    Recommendation,
    Update,
)
from govtrack.model.status import (
    STATUS_SYNONYMS,
    ResponseCategory,
    Severity,
    Status,
    fold_status_word,
    near_status_word,
)
from govtrack.validate import with_reading_problems

__all__ = ["dumps", "loads", "sniff"]

# ---------------------------------------------------------------------------
# Vocabulary shared with the matrix reader

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_TITLE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATED = (
    rf"(?i:{_MONTH}[ \t]+(?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}|[qh][1-4][ \t]+\d{{4}}"
    rf"|\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}}|\d{{4}})"
)
_UPDATE_MARK = re.compile(
    rf"(?<!\S)(?:(?P<on>{_DATED})[ \t]+(?i:update)[ \t]*:"
    rf"|(?P<on2>{_MONTH_TITLE}[ \t]+(?:\d{{4}}|\d{{2}})):)"
)
"""``Dec 2022 Update:``, ``Dec 22 Update:``, ``Q1 2023 update:``, ``Dec 2022:``."""


def split_updates(comments: str) -> tuple[str, tuple[Update, ...]]:
    """Split dated updates off a comment: the text before the first one, and the updates.

    Args:
        comments: A comment cell, as written.

    Returns:
        The text before the first dated update (stripped) and the updates in order.

    >>> text, updates = split_updates("Planned. Dec 22 Update: Started. Mar 2023: Done.")
    >>> text, [(u.on.text, u.text) for u in updates]
    ('Planned.', [('Dec 22', 'Started.'), ('Mar 2023', 'Done.')])
    """
    marks: list[tuple[int, int, Due]] = []
    for match in _UPDATE_MARK.finditer(comments):
        on_text = match["on"] or match["on2"]
        try:
            on = parse_due(on_text, two_digit_year=True)  # "Dec 22 Update:"
        except DueParseError:
            continue
        marks.append((match.start(), match.end(), on))
    if not marks:
        return comments.strip(), ()
    updates = []
    for index, (_, end, on) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(comments)
        updates.append(Update(text=comments[end:stop].strip(), on=on))
    return comments[: marks[0][0]].strip(), tuple(updates)


def render_updates(comments: str, updates: Iterable[Update], separator: str = " ") -> str:
    """The comment and its dated updates as one text, which :func:`split_updates` splits back.

    >>> render_updates("Planned.", [Update(text="Started.", on=parse_due("Dec 2022"))])
    'Planned. Dec 2022 Update: Started.'
    """
    parts = [comments] if comments else []
    for update in updates:
        when = f"{update.on.text} " if update.on is not None else ""
        parts.append(f"{when}Update: {update.text}")
    return separator.join(parts)


def _outside_brackets(text: str, chars: str) -> Iterator[int]:
    """The positions in ``text`` of ``chars`` outside round and square brackets (an
    unmatched closing bracket is ignored)."""
    depth = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in chars and depth == 0:
            yield index


def split_parties(text: str) -> tuple[str, ...]:
    """The responsible parties in a cell: split at commas, semicolons and line breaks.

    A comma inside brackets does not split.

    >>> split_parties("UN Women (Gender Unit, Sub Office), Ministry of Labour")
    ('UN Women (Gender Unit, Sub Office)', 'Ministry of Labour')
    """
    parties: list[str] = []
    start = 0
    for index in _outside_brackets(text, ",;\n"):
        parties.append(text[start:index])
        start = index + 1
    parties.append(text[start:])
    return tuple(part.strip() for part in parties if part.strip())


# ---------------------------------------------------------------------------
# Patterns of the gate shape

_LABELS = {
    "recommendation": "recommendation",
    "management response category": "category",
    "management response": "response",
    "description": "description",
    "thematic area": "thematic_areas",
    "thematic areas": "thematic_areas",
    "operating principles": "operating_principles",
    "organizational priorities": "organisational_priorities",
    "organisational priorities": "organisational_priorities",
    "uneg criteria": "uneg_criteria",
}
_LABEL = re.compile(
    r"[ \t]*(?P<label>management[ \t]+response[ \t]+category|management[ \t]+response"
    r"|recommendation|description|thematic[ \t]+areas?|operating[ \t]+principles"
    r"|organi[sz]ational[ \t]+priorities|uneg[ \t]+criteria)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_FIELD_ORDER = (
    ("response", "Management Response"),
    ("description", "Description"),
    ("category", "Management Response Category"),
    ("thematic_areas", "Thematic Area"),
    ("operating_principles", "Operating Principles"),
    ("organisational_priorities", "Organizational Priorities"),
    ("uneg_criteria", "UNEG Criteria"),
)
_TAG_FIELDS = frozenset(
    {"thematic_areas", "operating_principles", "organisational_priorities", "uneg_criteria"}
)
_KEY_ACTIONS = re.compile(r"[ \t]*key[ \t]+actions[ \t]*:?[ \t]*", re.IGNORECASE)
_COLUMNS = re.compile(
    r"[ \t]*responsible[ \t]+deadline[ \t]+status[ \t]+comments?[ \t]*", re.IGNORECASE
)
_HEADING = re.compile(r"[ \t]*management[ \t]+response[ \t]*", re.IGNORECASE)
_REC_REF = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{1,3})*)(?:[ \t]*:|[.)])(?:[ \t]+|$)|(?P<let>[A-Za-z]\))(?:[ \t]+|$)"
)
_ACTION_REF = re.compile(
    r"(?P<num2>\d{1,3}(?:\.\d{1,3})+)[ \t]+|(?P<num>\d{1,3}(?:\.\d{1,3})*)\.[ \t]*"
    r"|(?P<let>[A-Za-z]\))[ \t]+"
)
_PERIOD = re.compile(r"[ \t]*\d{4}[ \t]*[-–][ \t]*\d{4}\b")
_NAV_OFFICE = re.compile(r".*\((?:CO|MCO|RO|PP|HQ|EO)\)[ \t]*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*[ \t]+")
"""Where the action's wording may end and the responsible parties start. A ``;`` is one
only in a text with no sentence end (``Write a note; Knowledge Unit``); after a sentence
end it separates parties as ``,`` does (``Draft it. Planning Unit; Budget Unit``)."""
_WORD_START = re.compile(r"(?<!\S)\S")


def _status_words() -> str:
    words = {word for synonyms in STATUS_SYNONYMS.values() for word in synonyms}
    words |= {status.label for status in Status}
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "|".join(
        r"[ \t]*".join(re.escape(part) for part in re.split(r"[\s]+", w)) for w in ordered
    )


# The deadline of a key-action line, in the shapes parse_due reads that fit in a line.
_YEAR_AFTER = r"(?:[ \t]+of)?[ \t,/-]+(?:\d{4}|['’]\d{2})"
"""The year after a quarter, a half or a month: ``Q1 2024``, ``Q1-2024``, ``Q1, 2024``,
``Q1 of 2024``, ``Q3 '24``."""
_Q = r"q(?:uarter|tr)?[ \t]*[1-4]"
_H = r"(?:h|s|sem(?:ester)?)[ \t]*[12]"
_STRONG_DATE = (
    r"\d{4}/\d{1,2}(?:/\d{1,2})?"  # 2021/07, 2021/07/31 (and 2019/20)
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 2024-03-31
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"  # 31/03/2024, 31.03.2024
)
"""Dates written in figures: the only ones a line may hold without a status after them."""
_ONE_DATE = (
    r"(?:fy|fiscal[ \t]+year|financial[ \t]+year)"  # FY 2024/25, fiscal year 2024-2025
    r"[ \t]*\d{4}[ \t]*[-/–][ \t]*\d{2}(?:\d{2})?"
    rf"|{_STRONG_DATE}"
    r"|\d{4}[-.]\d{1,2}(?:[-.]\d{1,2})?"  # 2024-03, 2024.03.31
    r"|\d{4}[ \t]*[-/–][ \t]*\d{4}"  # 2024/2025, 2024 - 2025
    r"|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}[-/.]\d{4}"  # 31-03-2024, 03/2024
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t-]*{_MONTH}[ \t,-]*\d{{4}}"  # 31 March 2024
    rf"|{_MONTH}[ \t]*\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]*,)?[ \t]*\d{{4}}"  # March 31, 2024
    rf"|{_MONTH}[ \t,.-]*(?:\d{{4}}|['’]\d{{2}})"  # March 2024, Mar-2024, Mar '24
    rf"|(?:{_Q}|(?:first|second|third|fourth|1st|2nd|3rd|4th)[ \t]+quarter){_YEAR_AFTER}"
    rf"|(?:{_H}|(?:first|second|1st|2nd)[ \t]+(?:half|semester)|[12][ \t]*h){_YEAR_AFTER}"
    rf"|(?:\d{{4}}|['’]\d{{2}})[ \t,/-]*(?:{_Q}|{_H})"  # 2024 Q1, 2024-H2, '24-Q3
    r"|mid[ \t-]*(?:of[ \t]+)?\d{4}"  # mid-2024
    r"|(?:1[89]|2\d)\d\d"  # 2024
)
_LEAD_IN = (
    r"(?:(?:by|before|until|till|no[ \t]+later[ \t]+than|not[ \t]+later[ \t]+than)[ \t]+)?"
    r"(?:(?:the[ \t]+)?end(?:[ \t-]+of)?[ \t-]+(?:the[ \t]+)?)?"
)
"""``by``, ``end of``, ``end-``, ``by the end of``: words parse_due reads as the same span."""
_RANGE_TO = r"[ \t]*[–—][ \t]*|[ \t]+(?:-|to|until|till|through|thru)[ \t]+"
_DEADLINE = (
    rf"(?P<due>{_LEAD_IN}(?P<date>(?:{_ONE_DATE})(?:(?:{_RANGE_TO})(?:{_ONE_DATE}))?))"
    r"(?=[\s.,;:)]|$)(?![ \t]+update[ \t]*:)"
)
"""A deadline in a key-action line: a day, month, quarter, half, year or a range of two
(``2021/07``, ``31/03/2024``, ``2024-03-31``, ``March 2024``, ``Q1 2024``, ``first half of
2024``, ``FY 2024/25``, ``2024``, ``Mar 2023 – Dec 2024``), after lead-in words parse_due
reads; not the date of an update (``2024-03-31 Update:``)."""
_ANCHOR = re.compile(
    rf"(?<!\S){_DEADLINE}(?:[ \t]+(?P<status>{_status_words()})(?=[\s.,;:]|$))?",
    re.IGNORECASE,
)
"""A deadline, and the status after it when there is one (the pair that ends the text and
the responsible party of a key-action line)."""
_STRONG = re.compile(rf"(?:{_STRONG_DATE})(?:(?:{_RANGE_TO})(?:{_STRONG_DATE}))?")
_MAX_PARTY_WORDS = 12
_PARTY_GOES_ON = frozenset({" (", " -", ", ", "; "})
"""What may follow a party's name in a longer party: its unit, or more parties."""
_MAX_PARTY_CHARS = 100
_MAX_CUTS = 8
_MAX_GROUP_WORDS = 5
"""How many of a line's deadlines may end its text (keeps reading linear)."""


def _problem(code: str, message: str, source: str, line: int, severity: Severity) -> Issue:
    return Issue(
        code=code,
        message=message,
        location=Location(file=source, line=line),
        severity=severity,
    )


# ---------------------------------------------------------------------------
# Reading


@attrs.define
class _RawAction:
    """A key action before its responsible party is told from its text."""

    line: int
    ref: str
    head: str  # action text and responsible party, run together
    due_text: str = ""
    status_text: str = ""
    comments: list[str] = attrs.field(factory=list)
    responsible: str | None = None  # known when the line had tabs
    anchored: bool = True
    body: str = ""  # the line after its ref, while the pair that ends the text is chosen
    cuts: tuple[_Cut, ...] = ()  # where the line may be cut, while one is chosen
    cells: tuple[str, ...] = ()  # the cells of a line with tabs, as split
    qualified: bool = False  # the status word is qualified by what follows it (GT311)
    raw: str = ""  # the line after its ref, as read (a line without tabs)
    mark: int = 0  # how many problems the reader had before it read the line


@attrs.frozen
class _Cut:
    """Where a key-action line may be cut: a deadline followed by a status
    (``2022/06 Ongoing``), or a date in figures with no status after it."""

    start: int
    end: int
    due: str
    status: str
    figures: bool  # the date is written in figures (``2022/06``, ``31/03/2024``)
    ends_cell: bool  # the status ends a cell: the comments or the line's end follow it
    misspelt: bool = False  # the status is a misspelt status word (``Ongiong``), as written

    @property
    def text(self) -> str:
        return f"{self.due} {self.status}".rstrip()


@attrs.define
class _RawRecommendation:
    line: int
    ref: str
    fields: dict[str, list[str]] = attrs.field(factory=dict)
    actions: list[_RawAction] = attrs.field(factory=list)
    seen_key_actions: bool = False


@attrs.define
class _Reader:
    lines: list[str]
    source: str
    dayfirst: bool | None = None
    problems: list[Issue] = attrs.field(factory=list)

    def warn(self, code: str, message: str, line: int) -> None:
        self.problems.append(_problem(code, message, self.source, line, Severity.WARNING))

    def info(self, code: str, message: str, line: int) -> None:
        self.problems.append(_problem(code, message, self.source, line, Severity.INFO))


def _is_heading(lines: Sequence[str], index: int) -> bool:
    """A "Management Response" line whose next text (or the one after) is a ``:`` field."""
    if not _HEADING.fullmatch(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 8] if line.strip()][:2]
    return any(line.lstrip().startswith(":") for line in following)


def _is_rec_start(line: str) -> bool:
    match = _LABEL.match(line)
    return match is not None and _LABELS[_fold(match["label"])] == "recommendation"


def _fold(label: str) -> str:
    return " ".join(label.casefold().split())


def sniff(text: str) -> float:
    """How surely ``text`` is a tracking-system export: 0 (surely not) to 1.

    Args:
        text: Any text.

    Returns:
        A score; 0 unless the text has a response category, a "Key Actions" line
        or the key-action column header, or a "Management Response" heading
        followed by ``:`` header fields.

    >>> sniff("Management Response Category: Accepted\\nKey Actions\\n") > 0.5
    True
    >>> sniff("| Action | Status |\\n|---|---|\\n")
    0.0
    """
    lines = normalise_newlines(text).split("\n")
    category = key_actions = columns = recommendations = colon_lines = heading = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(":"):
            colon_lines += 1
        elif _KEY_ACTIONS.fullmatch(line):
            key_actions += 1
        elif _COLUMNS.fullmatch(line.replace("\t", " ")):
            columns += 1
        elif match := _LABEL.match(line):
            kind = _LABELS[_fold(match["label"])]
            category += kind == "category"
            recommendations += kind == "recommendation"
        elif _HEADING.fullmatch(line) and _is_heading(lines, index):
            heading += 1
    strong = bool(category or key_actions or columns) or bool(heading and colon_lines >= 2)
    if not strong:
        return 0.0
    score = 0.4 * bool(category) + 0.2 * bool(key_actions) + 0.2 * bool(columns)
    score += 0.15 * bool(recommendations) + 0.1 * bool(heading) + 0.05 * (colon_lines >= 2)
    return round(min(1.0, score), 2)


def loads(text: str, *, source: str = "", dayfirst: bool | None = None) -> Document:
    """Read a tracking-system export of one or more evaluations' management responses.

    Args:
        text: The text (a byte-order mark and CRLF line ends are fine).
        source: A file name to record in origins and problems.
        dayfirst: How to read an all-numeric deadline such as ``03/04/2022``: True for
            3 April, False for March 4; None (the default) reads it only when one order
            is possible (``31/03/2022``) and otherwise keeps it in ``due_text``, which
            validation reports (GT104).

    Returns:
        A Document with the evaluations, and what could not be interpreted in
        ``problems`` (codes GT301–GT314, see the module's table, then GT101, GT104 and
        GT111 for the words kept as text: :func:`~govtrack.validate.with_reading_problems`).

    Raises:
        FormatError: The text has no recommendation block, no key actions and no
            "Management Response" heading with header fields: it is not this format.

    >>> doc = loads('''Recommendation: 2. Train the staff.
    ... Management Response: Agreed.
    ... Management Response Category: Accepted
    ... Key Actions
    ... Responsible Deadline Status Comments
    ... 1. Hold two workshops. HR Unit 2022/03 Over due Postponed. Dec 2022 Update: Booked.
    ... ''')
    >>> rec = doc.evaluations[0].recommendations[0]
    >>> rec.ref, rec.text, rec.response.category
    ('2', 'Train the staff.', <ResponseCategory.ACCEPTED: 'accepted'>)
    >>> action = rec.actions[0]
    >>> action.text, action.responsible, action.due.text, action.status, action.comments
    ('Hold two workshops.', ('HR Unit',), '2022/03', <Status.OVERDUE: 'overdue'>, 'Postponed.')
    >>> [(u.on.text, u.text) for u in action.updates], str(action.origin)
    ([('Dec 2022', 'Booked.')], 'line 6')
    """
    lines = normalise_newlines(text).split("\n")
    reader = _Reader(lines=lines, source=source, dayfirst=dayfirst_argument(dayfirst))
    if not sniff(text) and not any(_is_rec_start(line) for line in lines):
        where = f"{source} " if source else "the text "
        raise FormatError(
            f"{where}is not a tracking-system export of a management response: expected "
            "'Recommendation:' blocks with 'Management Response Category:' and 'Key Actions', "
            "or a 'Management Response' heading followed by ': ' header lines"
        )
    starts = [index for index in range(len(lines)) if _is_heading(lines, index)]
    if not starts:
        starts = [0]
    evaluations = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        preamble = range(start) if number == 0 else range(start, start)
        body_start = start + 1 if _is_heading(lines, start) else start
        evaluations.append(_read_evaluation(reader, preamble, body_start, stop))
    finished = _finish(reader, evaluations)
    document = Document(evaluations=finished, problems=tuple(reader.problems), source=source)
    return with_reading_problems(document)  # the words kept as text (GT101, GT104, GT111)


@attrs.define
class _RawEvaluation:
    line: int
    evaluation: Evaluation
    recommendations: list[_RawRecommendation]


def _read_evaluation(reader: _Reader, preamble: range, start: int, stop: int) -> _RawEvaluation:
    lines = reader.lines
    extra: dict[str, str] = {}
    page_text = _read_navigation(reader, preamble)
    if page_text:
        extra["Page text"] = page_text
    first_rec = next((i for i in range(start, stop) if _is_rec_start(lines[i])), stop)
    fields, header_extra = _read_front(reader, start, first_rec)
    extra.update(header_extra)
    evaluation = Evaluation(
        title=fields.get("title", ""),
        office=fields.get("office", ""),
        country=fields.get("country", ""),
        period=fields.get("period", ""),
        approval=fields.get("approval", ""),
        summary=fields.get("summary", ""),
        extra=extra,
        origin=Location(file=reader.source, line=max(start, 1)),
    )
    recommendations = _read_recommendations(reader, first_rec, stop)
    return _RawEvaluation(line=start, evaluation=evaluation, recommendations=recommendations)


def _read_navigation(reader: _Reader, preamble: range) -> str:
    """Skip the page's menu; keep the sentences found among it."""
    kept: list[str] = []
    skipped = 0
    for index in preamble:
        line = reader.lines[index].strip()
        if not line:
            continue
        words = line.split()
        is_menu = (
            _NAV_OFFICE.fullmatch(line) is not None
            or _HEADING.fullmatch(line) is not None
            or (len(words) <= _MAX_PARTY_WORDS and not line.endswith((".", "!", "?", ":")))
        )
        if is_menu:
            skipped += 1
        else:
            kept.append(line)
    if skipped:
        last = preamble[-1] + 1
        reader.info(
            "GT305",
            f"skipped {skipped} line(s) of page navigation before the heading (lines 1–{last})",
            last,
        )
    return "\n".join(kept)


def _read_front(reader: _Reader, start: int, stop: int) -> tuple[dict[str, str], dict[str, str]]:
    """Header fields, overall response and approval: the text above the recommendations."""
    lines = reader.lines
    index = start
    while index < stop and not lines[index].strip():
        index += 1
    values: list[str] = []
    # The office's name alone on its line, before the ':' fields.
    bare = index
    while bare < stop and lines[bare].strip() and not lines[bare].lstrip().startswith(":"):
        bare += 1
    if bare < stop and bare - index <= 2 and lines[bare].lstrip().startswith(":"):
        values.extend(line.strip() for line in lines[index:bare])
        index = bare
    while index < stop and lines[index].lstrip().startswith(":"):
        values.append(lines[index].lstrip()[1:].strip())
        index += 1
    fields, extra = _header_fields(values)
    # Paragraph groups below the header: the overall response, then the approval.
    rest = list(range(index, stop))
    while rest and not lines[rest[-1]].strip():
        rest.pop()
    approval_at = len(rest)
    back = len(rest)
    while back > 0 and lines[rest[back - 1]].lstrip().startswith(":"):
        back -= 1
    if back < len(rest) and (back == 0 or not lines[rest[back - 1]].strip()):
        approval_at = back
        fields["approval"] = "\n".join(
            lines[i].lstrip()[1:].strip() for i in rest[approval_at:]
        ).strip()
    summary = "\n".join(lines[i] for i in rest[:approval_at]).strip()
    fields["summary"] = summary
    if not values and summary and not fields.get("approval"):
        reader.warn(
            "GT306",
            "no ': ' header fields above the first recommendation; "
            "the text there is kept as the overall response",
            rest[0] + 1,
        )
    return fields, extra


def _header_fields(values: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    if not values:
        return fields, extra
    period_at = 1
    if len(values) == 1:
        period_at = 0 if _PERIOD.match(values[0]) else -1
    elif _PERIOD.match(values[0]) and not _PERIOD.match(values[1]):
        period_at = 0
    if period_at == 1 and values[0]:
        extra["Office name"] = values[0]
    if period_at >= 0:
        period, _, office = values[period_at].partition(",")
        fields["period"] = period.strip()
        fields["office"] = office.strip()
    title_at = period_at + 1
    if title_at < len(values):
        fields["title"] = values[title_at]
    country_found = False
    for position in range(title_at + 1, len(values)):
        value = values[position]
        if not value:
            continue
        if not country_found:
            fields["country"] = value
            country_found = True
        else:
            extra[f"Header {position + 1}"] = value
    return fields, extra


def _read_recommendations(reader: _Reader, start: int, stop: int) -> list[_RawRecommendation]:
    lines = reader.lines
    found: list[_RawRecommendation] = []
    current: _RawRecommendation | None = None
    field: list[str] | None = None
    for index in range(start, stop):
        line = lines[index]
        number = index + 1
        label = _LABEL.match(line)
        kind = _LABELS[_fold(label["label"])] if label else ""
        if kind == "recommendation" and label is not None:
            body = line[label.end() :]
            ref = ""
            if match := _REC_REF.match(body):
                ref = match["num"] or match["let"]
                body = body[match.end() :]
            current = _RawRecommendation(line=number, ref=ref)
            current.fields["recommendation"] = field = [body.strip()]
            found.append(current)
            continue
        if current is None:  # pragma: no cover - start is the first recommendation
            continue
        if label is not None and not current.seen_key_actions:
            if kind in current.fields:
                reader.warn(
                    "GT307",
                    f"'{label['label'].strip()}' given twice in one recommendation; "
                    "the values are joined",
                    number,
                )
                field = current.fields[kind]
                field.append(line[label.end() :].rstrip())
            else:
                current.fields[kind] = field = [line[label.end() :].rstrip()]
            continue
        if _KEY_ACTIONS.fullmatch(line) and not current.seen_key_actions:
            current.seen_key_actions = True
            field = None
            continue
        if current.seen_key_actions:
            if _COLUMNS.fullmatch(line.replace("\t", " ")) and not current.actions:
                continue
            _read_action_line(reader, current, line, number)
            continue
        if field is not None:
            field.append(line.rstrip())
    return found


_TAB_CELLS = 5
"""The cells of a key-action line copied from the web table: the action, responsible,
deadline, status and comments; a line with fewer ends inside a cell that holds a line
break, and the next line with tabs goes on in it."""


def _dedented(line: str) -> str:
    """A key-action line without its indent (tabs too) when the indent is no empty cell:
    the rest has no tab (``\t2. Load …``), or starts with a ref (``\t2.\tLoad …``)."""
    rest = line.lstrip()
    if rest != line and ("\t" not in rest or _ACTION_REF.match(rest)):
        return rest
    return line


def _reads_as_deadline(text: str) -> bool:
    try:
        parse_due(text)
    except AmbiguousDateError:
        return True  # an ambiguous day (03/04/2024) is a deadline all the same
    except DueParseError:
        return False
    return True


def _ref_in_its_own_cell(cells: Sequence[str]) -> bool:
    """A line of five cells whose first holds the ref alone (or nothing), the action next (``2.``,
    ``Load the inventories.``, ``Roads Unit``, ``2024/03``, ``Ongoing``: the web table
    with a ref column and no comments cell), told from govtrack's own line of an action
    with a ref and no text (``2.``, ``Roads Unit``, ``2024/03``, ``Ongoing``, comments) by
    where the deadline and the status stand."""
    return (
        len(cells) == _TAB_CELLS
        and Status.parse(cells[4]) is not None
        and _reads_as_deadline(cells[3])
        and not _reads_as_deadline(cells[2])
        and Status.parse(cells[3]) is None
    )


def _read_action_line(reader: _Reader, rec: _RawRecommendation, line: str, number: int) -> None:
    if not line.strip():
        return
    line = _dedented(line)
    body = line.strip()
    ref = ""
    ref_match = _ACTION_REF.match(body)
    if "\t" in line:
        split = tuple(cell.strip() for cell in line.split("\t"))
        last = rec.actions[-1] if rec.actions else None
        if ref_match is None and last is not None and 0 < len(last.cells) < _TAB_CELLS:
            # A cell with a line break: the line goes on in the cell the one above ends in.
            split = (*last.cells[:-1], f"{last.cells[-1]}\n{split[0]}", *split[1:])
            number = last.line
            rec.actions.pop()
        cells = list(split)
        if _ACTION_REF.fullmatch(cells[0] + " ") and (
            len(cells) >= 6 or _ref_in_its_own_cell(cells)
        ):
            cells[0:2] = [f"{cells[0]} {cells[1]}"]
        elif not cells[0] and _ref_in_its_own_cell(cells):
            del cells[0]  # the web table's ref column, empty: the action is in the next cell
        cells += [""] * (5 - len(cells))
        head = cells[0]
        if match := _ACTION_REF.match(head):
            ref = match["num2"] or match["num"] or match["let"]
            head = head[match.end() :]
        rec.actions.append(
            _RawAction(
                line=number,
                ref=ref,
                head=head.strip(),
                due_text=cells[2],
                status_text=cells[3],
                comments=["\t".join(cells[4:])],
                responsible=cells[1],
                cells=split,
                qualified=_qualified_cell(cells[3]),
            )
        )
        return
    last = rec.actions[-1] if rec.actions else None
    wrapped = False
    if ref_match is None and last is not None and last.raw and not last.cells:
        if _status_alone(reader, last, body, number):
            return
        if _join_tail(reader, rec, last, body, number):
            return
        wrapped = _wrapped(body)
        if wrapped and _join(reader, rec, last, body, number):
            return
    if ref_match is None and rec.actions and not _starts_action(body):
        rec.actions[-1].comments.append(line.rstrip())  # a comment continued on the next line
        if rec.actions[-1].cells:
            return  # after a tab-separated line (the web table, the writer): surely comments
        if last is not None and not wrapped and (tail := _tail_across(last, body, number)):
            reader.warn(
                "GT314",
                f"line {number} may continue the key action of line {last.line} (a wrapped "
                f"line: {tail!r} reads as its deadline and status across the line break), "
                "but the lines read as one do not end its text and responsible party there "
                "(the status runs on into a sentence, or no party comes before the "
                "deadline); it is kept in the comments",
                number,
            )
            return
        if pair := next((cut for cut in _cuts(body) if cut.figures and cut.status), None):
            reader.warn(
                "GT310",
                f"a line without a ref holding a deadline and status ({pair.due} "
                f"{pair.status}) is kept in the comments of the key action above",
                number,
            )
        return
    if ref_match is not None:
        ref = ref_match["num2"] or ref_match["num"] or ref_match["let"]
        body = body[ref_match.end() :]
    mark = len(reader.problems)
    _read_key_action(reader, rec, ref, body, number)
    rec.actions[-1].raw, rec.actions[-1].mark = body, mark
    if wrapped and ref_match is None:
        why = (
            "its words read as an action's text after the name the line above ends with"
            if _action_like(_name_head(body))
            else "that one is complete"
        )
        reader.warn(
            "GT313",
            "a line without a ref that starts with no action text (with a deadline, or a "
            f"name before it) may continue the key action above, a wrapped line, but {why}; "
            "it is read as a key action of its own",
            number,
        )


def _read_key_action(
    reader: _Reader, rec: _RawRecommendation, ref: str, body: str, number: int
) -> None:
    """Read a key-action line without tabs, after its ref, into a raw action."""
    cuts = _cuts(body)
    if any(cut.status for cut in cuts):
        if len(cuts) == 1:
            rec.actions.append(_anchored(number, ref, body, cuts[0]))
        else:  # chosen when every line is read, with the parties the document names
            rec.actions.append(_RawAction(line=number, ref=ref, head="", body=body,
                                          cuts=tuple(cuts)))  # fmt: skip
        return
    if not cuts and (unread := _unread_deadline(body)) is not None:
        rec.actions.append(_anchored(number, ref, body, unread))  # GT104 names its deadline
        return
    if len(cuts) != 1:
        several = f" (dates {', '.join(cut.due for cut in cuts)}, none followed by a status)"
        reader.warn(
            "GT302",
            f"key action without a deadline followed by a status{several if cuts else ''}; "
            f"the whole line is kept as its text{_near_hint(body)}",
            number,
        )
        rec.actions.append(_RawAction(line=number, ref=ref, head=body.strip(), anchored=False))
        return
    _warn_no_status(reader, body, cuts[0], number)
    rec.actions.append(_anchored(number, ref, body, cuts[0]))


def _wrapped(body: str) -> bool:
    """Whether a line without a ref that ends with a (perhaps misspelt) status after a
    deadline, as a key action does, starts with no action text: it starts with the deadline
    (``2024/10 Ongoing``), with a name alone before it (``Unit 2024/12 Not started``), or in
    the middle of a sentence (``sections inspected on site. Audit Section 2024/05 Ongoing``)
    - the rest of a key action wrapped onto the next line."""
    cut = next((cut for cut in _cuts(body) if cut.status), None)
    if cut is None:
        return False
    head = body[: cut.start].strip()
    if not head:
        return True
    words = head.split()
    if not _capitalised(words[0]):  # a sentence going on (``sections inspected …``)
        return _starts_action(body)
    return (
        _SENTENCE_END.search(f"{head} ") is None
        and _is_short(head)
        and all(
            _capitalised(word) or _ACRONYM.fullmatch(word) or word.casefold() in _CONNECTORS
            for word in words
        )
    )


def _join(
    reader: _Reader, rec: _RawRecommendation, last: _RawAction, body: str, number: int
) -> bool:
    """Read a wrapped line (:func:`_wrapped`) with the key action above when that one has
    no deadline followed by a status and the lines joined have one (GT312): the lines from
    the key action's to this one are read as one line."""
    if last.due_text or last.cuts or last.anchored:
        return False
    between = [comment.strip() for comment in last.comments if comment.strip()]
    above = " ".join([last.raw, *between])
    head = _name_head(body)
    renamed = False
    if head and _after_party(above, len(above)):  # the line above ends with a party already
        if _action_like(head):
            return False  # a key action of its own, without its ref (GT313)
        renamed = len(head.split()) > 1  # more than the end of a name: its party changes
    joined = f"{above} {body}"
    if not any(cut.status for cut in _cuts(joined)):
        return False
    del reader.problems[last.mark :]  # said of the lines joined, read again as one
    rec.actions.pop()
    _read_key_action(reader, rec, last.ref, joined, last.line)
    rec.actions[-1].raw, rec.actions[-1].mark = joined, last.mark
    lines = f"line {number}" if number == last.line + 1 else f"lines {last.line + 1}-{number}"
    said = (
        f"{lines} continue{'s' if number == last.line + 1 else ''} the key action of line "
        f"{last.line} (a wrapped line), read as one"
    )
    if renamed:
        reader.warn(
            "GT312",
            f"{said}; line {last.line} ends with a name and {head!r} starts this one: "
            "they are read as one responsible party",
            number,
        )
    else:
        reader.info("GT312", said, number)
    return True


def _name_head(body: str) -> str:
    """The name before the deadline of a wrapped line that starts with one (``Unit`` in
    ``Unit 2024/12 Not started``), else ''."""
    cut = next((cut for cut in _cuts(body) if cut.status), None)
    head = body[: cut.start].strip() if cut else ""
    return head if head and _capitalised(head.split()[0]) else ""


_ACTION_VERBS = frozenset(
    {"adopt", "analyse", "analyze", "assess", "build", "carry", "collect", "commission",
     "complete", "conduct", "consolidate", "continue", "create", "define", "design",
     "develop", "disseminate", "document", "draft", "engage", "enhance", "ensure",
     "establish", "expand", "explore", "finalise", "finalize", "hire", "hold", "identify",
     "implement", "improve", "include", "increase", "integrate", "introduce", "launch",
     "maintain", "map", "monitor", "organise", "organize", "prepare", "produce", "promote",
     "provide", "publish", "recruit", "review", "revise", "set", "share", "strengthen",
     "support", "train", "undertake", "update", "use", "write"}
)  # fmt: skip
"""Verbs a key action's text often starts with (``Develop Resource Mobilization Strategy``)."""
_MIN_ACTION_WORDS = 3


def _action_like(head: str) -> bool:
    """Whether a Title-Case head reads as an action's text rather than a name: three words
    or more, the first a verb (``Develop Resource Mobilization Strategy``; not ``Unit``,
    ``Ministry of Health``)."""
    words = head.split()
    if not words:  # no name before the deadline (``31/03/2024 Completed``)
        return False
    first = words[0].casefold()
    verb = first in _ACTION_VERBS or first.endswith(("ize", "ise", "ify"))
    return len(words) >= _MIN_ACTION_WORDS and verb and not _ACRONYM.fullmatch(words[0])


_STATUS_ALONE = re.compile(rf"(?:{_status_words()})[ \t]*\.?", re.IGNORECASE)


def _status_alone(reader: _Reader, last: _RawAction, body: str, number: int) -> bool:
    """Read a line that is a status word alone as the status of the key action on the line
    above when that one has a deadline and nothing after it (GT312; its GT303 is dropped)."""
    if not _STATUS_ALONE.fullmatch(body) or last.line != number - 1:
        return False
    if not last.due_text or last.status_text or any(c.strip() for c in last.comments):
        return False
    last.status_text = body.rstrip(". \t")
    reader.problems[last.mark :] = [p for p in reader.problems[last.mark :] if p.code != "GT303"]
    reader.info(
        "GT312",
        f"line {number} continues the key action of line {last.line} (a wrapped line, its "
        "status), read as one",
        number,
    )
    return True


def _incomplete(last: _RawAction, number: int) -> bool:
    """Whether the key action read from the line above (``number - 1``) lacks the end a key
    action's line has: it has no deadline followed by a status (GT302), or a deadline and
    no status (GT303); its line holds no tabs and no choice of deadlines is pending."""
    return (
        last.line == number - 1
        and bool(last.raw)
        and not last.cells
        and not last.cuts
        and not last.status_text
        and (not last.anchored or bool(last.due_text))
    )


def _tail_across(last: _RawAction, body: str, number: int) -> str:
    """The words that read as a deadline and a status across the break between the line of
    the key action above and the next (``TBD`` / ``Not started``, ``2025/06 Not`` /
    ``started``), whether or not they end its text and party there; '' when none do."""
    if not _incomplete(last, number):
        return ""
    joined = f"{last.raw} {body}"
    start = len(last.raw) + 1  # where the next line starts in the lines joined
    found = [
        *(m for m in _ANCHOR.finditer(joined) if m["status"]),
        *_UNREAD_DEADLINE.finditer(joined),
    ]
    across = [m for m in found if m.start() < start < m.end() or m.start() == start]
    return min(across, key=lambda m: m.start()).group() if across else ""


def _join_tail(
    reader: _Reader, rec: _RawRecommendation, last: _RawAction, body: str, number: int
) -> bool:
    """Read a line that ends the key action above, wrapped inside its deadline and status,
    with it (GT312): the line above has no deadline followed by a status (GT302) or no
    status after its deadline (GT303), and the lines read as one have a deadline and a
    status across the line break (``… Roads Unit TBD`` / ``Not started``, ``… 2025/06 Not``
    / ``started``, ``… within 3`` / ``months of approval Ongoing``), as a line that was not
    wrapped reads."""
    if not _incomplete(last, number):
        return False
    joined = f"{last.raw} {body}"
    start = len(last.raw) + 1
    cuts = _cuts(joined)
    if any(cut.status for cut in cuts):
        across = [c for c in cuts if c.status and (c.start < start < c.end or c.start == start)]
    else:
        unread = None if cuts else _unread_deadline(joined)
        across = [unread] if unread is not None and unread.start <= start < unread.end else []
    if not across:
        return False
    del reader.problems[last.mark :]  # said of the line above, read again with this one
    rec.actions.pop()
    _read_key_action(reader, rec, last.ref, joined, last.line)
    rec.actions[-1].raw, rec.actions[-1].mark = joined, last.mark
    where = "inside its deadline and status" if across[0].start < start else "at its deadline"
    reader.info(
        "GT312",
        f"line {number} continues the key action of line {last.line} (a wrapped line, broken "
        f"{where}), read as one",
        number,
    )
    return True


_UNREAD_DEADLINE = re.compile(
    rf"""(?<!\S)(?P<due>tb[dc]|to[ \t]+be[ \t]+(?:determined|confirmed|decided)|ongoing
    |continuous(?:ly)?|n/a|as[ \t]+(?:needed|required)
    |within[ \t]+(?:\d{{1,3}}|one|two|three|four|five|six|twelve)[ \t]+
        (?:days?|weeks?|months?|years?)[ \t]+(?:of|after|from)[ \t]+[^.;\t]{{1,60}}?
    |upon[ \t]+[^.;\t]{{1,60}}?)
    [ \t]+(?P<status>{_status_words()})(?=[\s.,;:]|$)""",
    re.IGNORECASE | re.VERBOSE,
)
"""A deadline the reader cannot read in common words (``TBD``, ``ongoing``, ``within 3
months of approval``, ``upon approval``), followed by a status."""


def _unread_deadline(body: str) -> _Cut | None:
    """Where a key-action line with no deadline the reader reads is cut: at a deadline in
    common words it cannot read (:data:`_UNREAD_DEADLINE`), when an action's text and a
    party's name come before it and its status ends the line or a cell. Its words are the
    deadline as written (GT104, as the matrix reader does)."""
    found = None
    for m in _UNREAD_DEADLINE.finditer(body):
        if _ends_cell(body, m.end()) and _after_party(body, m.start()):
            if found is not None:
                return None  # two: nothing is guessed
            found = _Cut(m.start(), m.end(), m["due"], m["status"], figures=False, ends_cell=True)
    return found


def _near_hint(body: str) -> str:
    """GT302's hint for a line whose deadline is followed by a word near a status word that is
    not taken for it (``by end of Q3 2025 Achev The report …``: the slip is at its edge)."""
    for m in _ANCHOR.finditer(body):
        if not m["status"] and (near := _near_words(body, m.end())):
            return (
                f"; {near[0].written!r} after {m['due']!r} is near the status word "
                f"{near[0].known!r}: if it is the status, write it as such"
            )
    return ""


def _warn_no_status(reader: _Reader, body: str, cut: _Cut, number: int) -> None:
    """GT303 for a deadline with no status after it (a misspelt status word after it is a
    status, kept as written: :func:`_cuts`, and GT101 reports it)."""
    near = _near_words(body, cut.end)
    hint = (
        f"; the comments start with {near[0].written!r}, near the status word "
        f"{near[0].known!r}: if it is a status, write it as such"
        if near
        else ""
    )
    reader.warn(
        "GT303",
        f"no known status after the deadline {cut.due!r}; "
        f"the rest of the line is kept in the comments{hint}",
        number,
    )


_OPENS_LONGER = frozenset(
    fold_status_word(short)
    for words in STATUS_SYNONYMS.values()
    for short in words
    for synonyms in STATUS_SYNONYMS.values()
    for long in synonyms
    if long.casefold().startswith(f"{short.casefold()} ")
)
"""The status words that open a longer one (``En cours``, ``En cours de réalisation``)."""


def _cuts(body: str) -> list[_Cut]:
    """Where a key-action line may be cut: each date in figures (``2022/06``,
    ``31/03/2024``), and each other deadline followed by a status that ends a cell
    (``Q1 2024 Ongoing``, then the comments or the line's end) or follows a party-like name
    (``Hire staff. HR March 2024 completed …``); not a year or month followed by a status
    word inside a sentence (``the 2021 planned activities``, ``in March 2023 completed the``).
    """
    cuts = []
    for m in _ANCHOR.finditer(body):
        status, end = m["status"] or "", m.end()
        # A misspelt status word stands where a status would (GT101 names it), even one
        # that opens with a shorter status word (``En cours de réalisaton``).
        misspelt = (not status or fold_status_word(status) in _OPENS_LONGER) and (
            near := _misspelt_status_end(body, m.end("due"))
        ) > end
        if misspelt:
            status, end = body[m.end("due") : near].strip(), near
        cut = _Cut(m.start(), end, m["due"], status, figures=bool(_STRONG.fullmatch(m["date"])),
                   ends_cell=bool(status) and _ends_cell(body, end), misspelt=misspelt)  # fmt: skip
        if cut.figures or cut.ends_cell or (status and _after_party(body, m.start())):
            cuts.append(cut)
    return cuts


_NEXT = re.compile(r"[ \t]*(\S?)")


def _ends_cell(body: str, end: int) -> bool:
    """Whether a status that ends at ``end`` ends a cell: the line ends there, or the
    comments start there with a capital or a figure (not with a word that runs on in
    lowercase, nor with punctuation)."""
    first = _first_after(body, end)
    if not first:
        return True
    return body[end] in " \t" and not first.islower() and first not in ",;:."


def _first_after(body: str, end: int) -> str:
    """The first character after ``end`` that is not a space or a tab ('' at the end)."""
    following = _NEXT.match(body, end)
    return following[1] if following else ""


def _after_party(body: str, start: int) -> bool:
    """Whether the text of ``body`` before ``start`` ends with an action's text and then a
    party-like name (``Hire staff. HR``), as a key-action line does before its deadline."""
    window = body[max(0, start - _MAX_PARTY_CHARS - 3) : start].strip()  # a party is short
    text, party, sure = _split_head(window, _NO_PARTIES)
    return sure and bool(text) and _party_like(party)


def _starts_action(text: str) -> bool:
    """Whether a line without a ref is clearly a key action (else it continues the comments
    above): a date in figures followed by a status that ends a cell (``Hire staff HR
    2022/06 Ongoing Started.``), or a deadline after an action's text and a party-like name,
    with no status or one that does not run on into a sentence (``Hire staff. HR Q1 2024
    Ongoing``). A date inside a sentence (``Meeting held on 15/09/2022 with…``, ``The 2022
    planned visits…``, ``Phase one 2022/01 completed, …``) is not one.
    """
    for cut in _cuts(text):
        if cut.figures and cut.ends_cell:
            return True
        runs_on = _first_after(text, cut.end)
        if cut.status and (runs_on.islower() or runs_on == ","):
            if cut.figures and _names_before(text, cut.start):
                return True  # "… UN Women 2021/12 Ongoing consultations started"
            continue
        if _after_party(text, cut.start):
            return True
    return False


def _names_before(text: str, start: int) -> bool:
    """Whether the text before ``start`` ends with a party-like name after some words
    (``Hold a consultation UN Women``), not with a sentence running into it (``Phase
    one``, ``held on``)."""
    words = text[:start].split()[-_MAX_PARTY_WORDS - 1 :]
    for size in range(1, len(words)):
        first = words[-size]
        if first.casefold() in _CONNECTORS or first.endswith((",", ";")):
            continue
        if _party_like(" ".join(words[-size:])):
            return True
    return False


def _anchored(number: int, ref: str, body: str, cut: _Cut) -> _RawAction:
    """The key action of a line cut at ``cut``: text and party before it, comments after."""
    status_text, end = _status_cell(body, cut)
    return _RawAction(
        line=number,
        ref=ref,
        head=body[: cut.start].strip(),
        due_text=cut.due,
        status_text=status_text,
        comments=[body[end:].strip()],
        qualified=bool(cut.status) and end > cut.end,
    )


_QUALIFIER = re.compile(
    r"""[ \t]*(?:[-–—][ \t]*)?(?:
        \([^()\n]{0,100}\)                                  # (2 of 4 sites), (100%), (June 2022)
        |\d{1,3}(?:[.,]\d{1,3})?[ \t]?%                    # 60%
        |\d{1,3}[ \t]*/[ \t]*\d{1,3}(?![\d/])             # 3/5
        |\d{1,3}[ \t]+(?:out[ \t]+)?of[ \t]+\d{1,3}(?!\d)  # 3 of 5, 3 out of 5
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""What may qualify a status word right after it, perhaps after a dash: a parenthetical,
or a count (``60%``, ``3/5``, ``2 of 4``), whatever follows it."""
_QUALIFYING_WORD = re.compile(
    r"[ \t]*(?:,|[-–—])?[ \t]*"
    r"(?:partially|partly|partial|in[ \t]+part|not|but|except|subject[ \t]+to|only)\b",
    re.IGNORECASE,
)
"""A word that may qualify a status word (``partially``, ``not``, ``but``, ``only``),
perhaps after a comma or a dash (a full stop ends the status: a sentence after it is a
comment, ``Completed. But the report is late.``)."""
_MAX_QUALIFIERS = 4


def _status_cell(body: str, cut: _Cut) -> tuple[str, int]:
    """The status of a line cut at ``cut`` as written, and where the comments start.

    The status is the word after the deadline; with what follows it when that qualifies it
    as :meth:`Status.parse` would not read (``Completed (2 of 4 sites)``, ``Completed 3/5``,
    ``Completed partially``, ``Ongoing (100%)``): nothing is guessed, and the words are kept
    in ``status_text``. What only dates or measures it (``Completed (June 2022)``,
    ``Ongoing 80%``) stays in the comments, as any other words after it do, whole; so does
    a comment sentence opening with a capitalised word that qualifies nothing
    (``Completed The report was shared.``).
    """
    if cut.misspelt or not cut.status:  # a misspelt word is kept as written, unread (GT101)
        return cut.status, cut.end
    end = _qualifier_end(body, cut.end)
    if end == cut.end:
        return cut.status, cut.end
    qualified = cut.status + body[cut.end : end]
    if Status.parse(qualified) is not None:
        return cut.status, cut.end
    return qualified, end


_STATUS_WORD_PART = r"['’]?[^\W\d_]+(?:['’-][^\W\d_]+)*"
"""A word of a status word (``Not``, ``d'exécution``)."""
_MOST_STATUS_WORDS = max(
    len(re.findall(_STATUS_WORD_PART, word)) for words in STATUS_SYNONYMS.values() for word in words
)
"""How many words the longest status word has (``En cours de réalisation``)."""
_WORDS_AFTER = re.compile(
    rf"[ \t]+({_STATUS_WORD_PART})"
    + rf"(?:[ \t]+({_STATUS_WORD_PART}))?" * (_MOST_STATUS_WORDS - 1)
)
"""The first words after a deadline, as many as a status word may have, where a misspelt
status word would be."""
_ALONE = re.compile(r"[ \t]*\.?[ \t]*\Z")
"""The rest of a line after a word that stands alone (perhaps with a full stop)."""
COMMON_WORDS_NEAR_STATUS = frozenset(
    {
        # near Started
        "stated", "stared", "starred", "starved", "startled",
        # near Closed
        "close", "closes", "closer", "cloned",
        # near Pending
        "ending", "sending", "spending", "tending", "lending", "mending", "bending",
        "vending", "penning",
        # near Planned, Delayed, Complete
        "planed", "planted", "decayed", "relayed", "compete",
    }
)  # fmt: skip
"""English words one edit from a status word that open a comment sentence (``Stated policy
adopted.``): read as a misspelt status only when alone after the deadline."""


@attrs.frozen
class _Near:
    """A word (or two) after a deadline one edit from a status word."""

    end: int
    written: str
    known: str

    def is_status(self, body: str) -> bool:
        """Whether the word is the status, misspelt: alone on the rest of the line (perhaps
        with a full stop), or followed by more (not in lowercase) when the edit is inside the
        word (first and last letters as the status word's) and it is no common English word
        (``Ongiong Tender re-advertised``, not ``Spending Review …`` or ``Stated policy …``)."""
        if _ALONE.match(body, self.end):
            return True
        word, known = fold_status_word(self.written), fold_status_word(self.known)
        return (
            word[0] == known[0]
            and word[-1] == known[-1]
            and word not in COMMON_WORDS_NEAR_STATUS
            and not _first_after(body, self.end).islower()
        )


_NEAR_KEYS = frozenset(
    (key, len(folded) + change)
    for folded in {
        *(fold_status_word(word) for words in STATUS_SYNONYMS.values() for word in words),
        *(fold_status_word(status.value) for status in Status),
    }
    for key in (folded[:2], folded[-2:])
    for change in (-1, 0, 1)
)
"""The first two and the last two letters of each status word, folded, with the lengths a
word one edit from it has: a word one edit from a status word (of five letters or more)
keeps its first two letters or its last two, so a word that shares neither with a status
word of about its length is near none (a quick test before :func:`near_status_word`)."""


def _may_be_near(written: str) -> bool:
    folded = fold_status_word(written)
    return (folded[:2], len(folded)) in _NEAR_KEYS or (folded[-2:], len(folded)) in _NEAR_KEYS


def _near_words(body: str, start: int) -> list[_Near]:
    """The first words after a deadline ending at ``start`` that are one edit from a single
    status (as :func:`~govtrack.model.status.near_status_word` judges), the most words first
    (``Not yet strated``, then ``Not yet``, then ``Not``), up to as many as a status word has."""
    words = _WORDS_AFTER.match(body, start)
    if words is None:
        return []
    found = []
    for group in range(_MOST_STATUS_WORDS, 0, -1):
        end = words.end(group)
        if end < 0 or (group > 1 and end - words.start(group) == 1):
            continue  # a letter of its own after a status word is not in it (``Ongoing A``)
        written = body[words.start(1) : end]
        known = near_status_word(written) if _may_be_near(written) else None
        if known is not None:
            found.append(_Near(end, written, known))
    return found


def _misspelt_status_end(body: str, start: int) -> int:
    """Where a misspelt status word right after a deadline ending at ``start`` ends
    (``start`` if there is none): the first words (as many as a status word has, the most
    first) one letter off a status word of five letters or more and one status only
    (``Ongiong``, ``Competed``, ``Not yet strated``), as :meth:`_Near.is_status` judges.
    A word that is no near miss (``2022/06 Tender re-advertised``), or an ordinary word
    that opens a sentence (``2022/06 Spending Review postponed``), starts the comments."""
    for near in _near_words(body, start):
        if near.is_status(body):
            return near.end
    return start


def _qualifier_end(body: str, start: int) -> int:
    """Where what qualifies the status word ending at ``start`` ends (``start`` if none):
    parentheticals and counts (``(2 of 4 sites)``, ``3/5``, ``3 of 5 modules were
    trained``), then perhaps a qualifying word, in any case (``partially``, ``, not``,
    ``Not all staff attended``). Whether words after a count or a capitalised ``Not``
    start a comment sentence or qualify the status cannot be told from the line, so the
    status is not read and the line is reported (GT311): nothing is guessed."""
    end = start
    for _ in range(_MAX_QUALIFIERS):
        piece = _QUALIFIER.match(body, end)
        if piece is None:
            break
        end = piece.end()
    word = _QUALIFYING_WORD.match(body, end)
    if word is not None:
        end = word.end()
    return end


_STATUS_OPENS = re.compile(rf"(?:{_status_words()})(?![^\W\d_])", re.IGNORECASE)
"""A status word opening a cell (``Completed (2 of 4 sites)``), not a longer word."""


def _qualified_cell(cell: str) -> bool:
    """Whether the status cell of a line with tabs opens with a status word that what follows
    it qualifies, so that :meth:`Status.parse` does not read it (``Completed (2 of 4
    sites)``): reported as GT311, as in a line without tabs."""
    return (
        Status.parse(cell) is None
        and (found := _STATUS_OPENS.match(cell)) is not None
        and found.end() < len(cell)
    )


def _tail(head: str, parties: _Parties | None = None) -> str:
    """The text after the last sentence end; with none, after the last ``;`` outside
    brackets when what follows it is a party (``Write a note; Knowledge Unit``, see
    :func:`_party_after_semicolon`); else the whole text."""
    last = None
    for last in _SENTENCE_END.finditer(head):  # noqa: B007 - only the last one counts
        pass
    if last is not None:
        return head[last.end() :]
    cut = 0
    for index in _outside_brackets(head, ";"):
        if head[index + 1 : index + 2] in {" ", "\t"}:
            cut = index + 1
    after = head[cut:].lstrip()
    if cut and _party_after_semicolon(head[: cut - 1], after, parties or _NO_PARTIES):
        return after
    return head


def _party_after_semicolon(before: str, after: str, parties: _Parties) -> bool:
    """Whether the ``;`` between ``before`` and ``after``, in an action's text with no
    sentence end, ends the text and starts its parties.

    It does when ``after`` is a party the document names (all its names), or a short
    party-like name (``Knowledge Unit``; not ``share the findings with …``), and ``before``
    does not end with a name that may be one more party (``Draft the plan Programme Unit;
    Finance Unit``).
    """
    names = split_parties(after)
    if after in parties.frequent or (names and all(name in parties.names for name in names)):
        return True
    words = before.split()
    run = len(words)
    while run > 0 and _capitalised(words[run - 1]):
        run -= 1
    if 0 < run < len(words):  # capitalised words after the first: maybe another party
        return False
    return _is_short(after) and _party_like(after)


_CONNECTORS = frozenset(
    {"of", "and", "for", "the", "on", "in", "at", "to", "de", "du", "des", "la", "le", "les",
     "et", "y", "del", "da", "do", "dos", "das", "e", "und", "für", "&"}
)  # fmt: skip
"""Lowercase words a party's name may hold (``Ministry of Health``, ``Unit for Women``)."""
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _capitalised(word: str) -> bool:
    """Whether a word starts with a capital (``Unit``, ``UNDP``, ``M&E``)."""
    first = next((char for char in word if char.isalpha()), "")
    return first.isupper()


_SUPPORT = re.compile(
    r"[ \t]+with[ \t]+(?:the[ \t]+)?support[ \t]+(?:of|from)[ \t]+", re.IGNORECASE
)
_GROUP_NOUNS = frozenset(
    {"unit", "units", "team", "teams", "office", "offices", "section", "sections", "division",
     "divisions", "ministry", "ministries", "partners", "department", "departments"}
)  # fmt: skip
"""Lowercase last words of a party's name (``WEE/SL unit``, ``UN Women country offices``)."""
_ACRONYM = re.compile(r"[a-z]{0,2}[A-Z]{2,}[A-Za-z]*|[A-Z][A-Za-z&]*(?:/[A-Z][A-Za-z&]*)+")
"""An acronym, with lowercase letters before it or a ``/`` (``eSS``, ``iKNOW``, ``WEE/SL``)."""


def _party_like(text: str) -> bool:
    """Whether ``text`` reads as parties' names: each starts with a capital or an acronym
    (``eSS``) and holds no lowercase word but connectors (``of``, ``and``) outside brackets
    (``HR, Ministry of Health``, ``UN Women (field office)``), or ends with a word naming a
    group (``WEE/SL unit``, ``M&E Unit and partners``, ``all country offices``); a name may
    have support from another (``Country Representative with support from HR``). Not
    ``share the findings with partners``."""
    names = split_parties(text)
    return bool(names) and all(
        all(_name_like(part) for part in _SUPPORT.split(name)) for name in names
    )


def _name_like(name: str) -> bool:
    words = _BRACKETED.sub(" ", name).split()
    if not words:
        return False
    first = words[0]
    if not (_capitalised(first) or _ACRONYM.fullmatch(first) or first.casefold() == "all"):
        return False
    lowercase = [word for word in words[1:] if _lowercase(word)]
    if all(word.casefold() in _CONNECTORS for word in lowercase):
        return first.casefold() != "all"
    return words[-1].casefold() in _GROUP_NOUNS and len(words) <= _MAX_GROUP_WORDS


def _lowercase(word: str) -> bool:
    """Whether a word starts with a lowercase letter (``findings``; not ``M&E`` nor ``2``)."""
    first = next((char for char in word if char.isalpha()), "")
    return first.islower()


def _is_short(text: str) -> bool:
    return 0 < len(text) <= _MAX_PARTY_CHARS and len(text.split()) <= _MAX_PARTY_WORDS


def _known_parties(raw_actions: Iterable[_RawAction]) -> Counter[str]:
    """Candidate party names: what lies between a sentence end and the deadline, counted."""
    counts: Counter[str] = Counter()
    for raw in raw_actions:
        if raw.responsible is not None:
            if raw.responsible:
                counts[raw.responsible] += 2
            continue
        if not raw.anchored or raw.cuts:
            continue
        tail = _tail(raw.head)
        if tail != raw.head and _is_short(tail):
            counts[tail] += 1
    return counts


@attrs.frozen
class _Parties:
    """What the document says of its parties: the names it repeats, and every name."""

    frequent: frozenset[str]  # texts found as a party twice or more
    names: frozenset[str]  # each party of every text found as a party

    @classmethod
    def of(cls, known: Counter[str]) -> _Parties:
        return cls(
            frequent=frozenset(party for party, count in known.items() if count >= 2),
            names=frozenset(name for party in known for name in split_parties(party)),
        )


_NO_PARTIES = _Parties(frequent=frozenset(), names=frozenset())
"""What a line tells of parties before the document's other lines are read."""


def _split_head(head: str, parties: _Parties) -> tuple[str, str, bool]:
    """Tell the action text from the responsible party: (text, party, sure).

    A ``;`` between the two separates them and is in neither.
    """
    tail = _tail(head, parties)
    tail_at = len(head) - len(tail)
    # A party is a few words: only the last ones can start it (keeps reading linear).
    starts = [tail_at + m.start() for m in _WORD_START.finditer(tail)][-2 * _MAX_PARTY_WORDS :]
    frequent = parties.frequent
    for start in starts:  # the longest suffix the document repeats as a party
        if head[start:] in frequent:
            before = head[:start].rstrip()
            if 0 < tail_at < start and before.endswith((",", ";")) and _is_short(tail):
                return _before_party(head[:tail_at]), tail, True  # more parties before it
            return _before_party(before), head[start:], True
    if tail != head and _is_short(tail):
        return _before_party(head[:tail_at]), tail, True
    for start in reversed(starts):  # a repeated party followed by its unit: "X (Unit)"
        rest = head[start:]
        for party in frequent:
            if rest.startswith(party) and rest[len(party) : len(party) + 2] in _PARTY_GOES_ON:
                return _before_party(head[:start]), rest, True
    return head, "", False


def _before_party(text: str) -> str:
    """The action's text before its party, without the ``;`` that separated them."""
    return text.rstrip().removesuffix(";").rstrip()


def _finish(reader: _Reader, raw_evaluations: list[_RawEvaluation]) -> tuple[Evaluation, ...]:
    every = [a for ev in raw_evaluations for rec in ev.recommendations for a in rec.actions]
    parties = _Parties.of(_known_parties(every))
    layout = Counter(_shape(raw.due_text) for raw in every if raw.due_text and not raw.cuts)
    for raw in every:
        if raw.cuts:
            _choose_cut(reader, raw, parties, layout)
    parties = _Parties.of(_known_parties(every))
    evaluations = []
    for raw_evaluation in raw_evaluations:
        recommendations = []
        for raw_rec in raw_evaluation.recommendations:
            actions = tuple(_finish_action(reader, raw, parties) for raw in raw_rec.actions)
            recommendations.append(_finish_recommendation(reader, raw_rec, actions))
        evaluations.append(
            attrs.evolve(raw_evaluation.evaluation, recommendations=tuple(recommendations))
        )
    return tuple(evaluations)


def _shape(due: str) -> str:
    """How a deadline is written: ``2022/06`` and ``2023/01`` alike, ``Q1 2024`` another."""
    return re.sub(r"\d", "9", re.sub(r"[^\W\d_]+", "a", due.casefold()))


def _choose_cut(reader: _Reader, raw: _RawAction, parties: _Parties, layout: Counter[str]) -> None:
    """Cut a line that holds several deadlines at the one that ends its responsible party.

    A deadline can end the party when the text before it splits into the action's text and
    a responsible party (one the document repeats, or a few words after a sentence end)
    that holds no other deadline. The deadline followed by a status that can is taken.
    When several can, GT309 names them and the one taken is the first whose party the
    document names elsewhere, then whose party reads as a name (``HR``, not ``Report on
    the``), then written as most of the document's deadlines are, then in figures, then
    whose status ends a cell, then the first. When none can, a date in figures that can is
    taken (GT309, and GT303 as it has no status); else the date in figures followed by a
    status that ends a cell nearest the end of the line, as a date in figures inside the
    wording or a status word inside a sentence (``the 2021 planned activities``) rarely
    ends the party: a date in figures before a bare year, one followed by a status before
    one without, a status that ends a cell before one that runs on, then the last; GT309
    names them when there were several.
    """
    cuts = raw.cuts[:_MAX_CUTS]  # the deadline is among the first; the rest are comments
    strength = {cut: _ends_party(raw.body[: cut.start].strip(), parties) for cut in cuts}
    fits = [cut for cut in cuts if strength[cut]]
    pairs = [cut for cut in cuts if cut.status] or [next(c for c in raw.cuts if c.status)]
    usual = {shape for shape, count in layout.items() if count == max(layout.values())}

    def first(pool: list[_Cut]) -> _Cut:
        return min(
            pool,
            key=lambda cut: (-strength.get(cut, 0), _shape(cut.due) not in usual,
                             not cut.figures, not cut.ends_cell, cut.start),
        )  # fmt: skip

    def likeliest(pool: list[_Cut]) -> _Cut:
        return min(
            pool,
            key=lambda cut: (not cut.figures, not cut.status, not cut.ends_cell, -cut.start),
        )

    named = fitting = [cut for cut in fits if cut.status]
    if len(fitting) == 1:
        chosen, why = fitting[0], ""
    elif fitting:
        chosen, why = first(fitting), "each follows what reads as a responsible party"
    elif fits:
        chosen = first(fits)
        named = [*pairs, chosen]
        why = "only a date with no status after it follows what reads as a responsible party"
    else:
        named = list(dict.fromkeys([*cuts, *pairs]))  # each is a pair or a date in figures
        chosen, why = likeliest(named), ""
        if len(named) > 1:
            why = (
                "none follows what reads as a responsible party (one the document repeats, "
                "or a few words after a sentence end)"
            )
    if why:
        listed = ", ".join(repr(cut.text) for cut in sorted(named, key=lambda cut: cut.start))
        reader.warn(
            "GT309",
            f"several deadlines could end the key action's text and responsible party "
            f"({listed}), and {why}: {chosen.text!r} is taken; "
            "the rest of the line stays in the text and the comments",
            raw.line,
        )
    if not chosen.status:
        _warn_no_status(reader, raw.body, chosen, raw.line)
    raw.head = raw.body[: chosen.start].strip()
    raw.due_text = chosen.due
    raw.status_text, end = _status_cell(raw.body, chosen)
    raw.qualified = bool(chosen.status) and end > chosen.end
    raw.comments.insert(0, raw.body[end:].strip())
    raw.cuts = ()


def _ends_party(head: str, parties: _Parties) -> int:
    """How surely ``head`` splits into an action's text and a party that holds no deadline:
    0 when it does not, 3 when the document names the party's every member elsewhere, 2 when
    the party reads as names (``HR``, not ``Report on the``), else 1.
    """
    text, party, sure = _split_head(head, parties)
    if not (sure and text and party):
        return 0
    if any(m["status"] or _STRONG.fullmatch(m["date"]) for m in _ANCHOR.finditer(party)):
        return 0
    if all(name in parties.names for name in split_parties(party)):
        return 3
    return 2 if _party_like(party) else 1


def _finish_action(reader: _Reader, raw: _RawAction, parties: _Parties) -> Action:
    if raw.responsible is not None:
        text, party = raw.head, raw.responsible
    elif not raw.anchored:
        text, party = raw.head, ""
    else:
        text, party, sure = _split_head(raw.head, parties)
        if not sure and text:
            reader.warn(
                "GT301",
                "cannot tell the responsible party from the action text; all the words "
                f"before the deadline {raw.due_text!r} are kept as the text: {raw.head!r}",
                raw.line,
            )
    if raw.qualified:
        reader.warn(
            "GT311",
            f"the status {raw.status_text!r} is qualified by the words after the status word, "
            "so it is not read (nothing is guessed); they are kept in status_text",
            raw.line,
        )
    comments, updates = split_updates("\n".join(raw.comments))
    due: Due | None = None
    due_text = ""
    if raw.due_text:
        try:
            due = parse_due(raw.due_text, dayfirst=reader.dayfirst)
        except DueParseError:
            due_text = raw.due_text
    return Action(
        text=text,
        ref=raw.ref,
        responsible=split_parties(party),
        due=due,
        due_text=due_text,
        status=Status.parse(raw.status_text),
        status_text=raw.status_text,
        comments=comments,
        updates=updates,
        origin=Location(file=reader.source, line=raw.line),
    )


def _finish_recommendation(
    reader: _Reader, raw: _RawRecommendation, actions: tuple[Action, ...]
) -> Recommendation:
    def value(kind: str) -> str:
        return "\n".join(raw.fields.get(kind, [])).strip()

    missing = [name for kind, name in _FIELD_ORDER if kind not in raw.fields]
    if not raw.seen_key_actions:
        missing.append("Key Actions")
    if missing:
        reader.warn(
            "GT304",
            f"recommendation block has no {', '.join(repr(m) for m in missing)}; "
            "the text may be cut short",
            raw.line,
        )
    category_text = value("category")
    response = ManagementResponse(
        text=value("response"),
        category=ResponseCategory.parse(category_text),
        category_text=category_text,
        description=value("description"),
        thematic_areas=_tags(value("thematic_areas")),
        operating_principles=_tags(value("operating_principles")),
        organisational_priorities=_tags(value("organisational_priorities")),
        uneg_criteria=_tags(value("uneg_criteria")),
    )
    return Recommendation(
        text=value("recommendation"),
        ref=raw.ref,
        response=response,
        actions=actions,
        origin=Location(file=reader.source, line=raw.line),
    )


def _tags(value: str) -> tuple[str, ...]:
    if " ".join(value.casefold().split()) in {"not applicable", "n/a", ""}:
        return ()
    return split_parties(value.replace("\n", ","))


# ---------------------------------------------------------------------------
# Writing


def dumps(document: Document, *, lossy: bool = False) -> str:
    """Write the document's evaluations as a tracking-system export.

    The cells of a key-action line are separated by tabs (as a copy of the web
    page's table has them), so :func:`loads` reads them back without guessing.

    The records read back equal, ``attrs.evolve(doc, problems=read.problems) == read`` for
    ``read = loads(dumps(doc))``, and the problems are the new reading's (reading problems
    are not written; a word kept as text is reported again, GT101, GT104, GT111), for
    documents whose evaluations the shape can express:

    - only evaluations (a document with meetings, reports or plans is refused);
    - evaluation ``extra`` holds at most ``"Office name"``; header fields, tags,
      refs, parties and cells are single lines without tabs, stripped; the period
      has no comma; a tag or party has no comma or semicolon (nor brackets), and
      no tag reads "Not applicable";
    - ``status_text`` is the status word (``status == Status.parse(status_text)``),
      likewise ``category_text``; an unreadable deadline is in ``due_text``;
    - a deadline's words read back to its dates by themselves (a day read with
      ``dayfirst=`` is written ``2024-04-03``, the same day in another form, and not
      refused); words that read only in their context (``within two weeks``, ``end of
      next month``, counted from a meeting) would come back as their dates, and are
      refused unless ``lossy=True``, which writes the dates;
    - every update has a date that is not a range; no text holds what reads as a
      dated update (``Dec 2022:``), a label (``Description:``) at a line start, or
      a ref at the start of an action without one; comments have no blank lines,
      and no line of them after the first reads as a key action (``Hire staff. HR
      2022/06 Ongoing``; a date inside a sentence is fine);
    - an action's text is not empty.

    A document the shape cannot express is refused (:class:`~govtrack.WriteError`, naming
    the first differences by path: a recommendation's ``group``, an action's ``extra``),
    since writing it would lose or change them in silence; ``lossy=True`` writes it anyway.

    Args:
        document: The document.
        lossy: Write even what does not read back as written.

    Returns:
        The text, one page per evaluation.

    >>> import govtrack as gt
    >>> doc = gt.Document(evaluations=(gt.Evaluation(title="Programme evaluation",
    ...     recommendations=(gt.Recommendation(text="Train staff", ref="1", actions=(
    ...         gt.Action(text="Hold workshops", ref="1", responsible=("HR",),
    ...                   due=gt.parse_due("2022/03"), status_text="Ongoing",
    ...                   status=gt.Status.ONGOING),)),)),))
    >>> print(dumps(doc).splitlines()[-1].replace("\\t", " | "))
    1. Hold workshops | HR | 2022/03 | Ongoing |
    >>> loads(dumps(doc)) == doc
    True
    """
    refuse_what_is_left_out(document, "gate", "evaluations")
    pages = [_render_evaluation(evaluation) for evaluation in document.evaluations]
    text = "\n\n".join(pages) + ("\n" if pages else "")
    if not lossy:
        refuse_lossy(document, loads(text), "gate")
    return text


def _render_evaluation(evaluation: Evaluation) -> str:
    office_line = evaluation.period
    if evaluation.office:
        office_line = f"{evaluation.period} , {evaluation.office}".strip()
    header = [
        evaluation.extra.get("Office name", ""),
        office_line,
        evaluation.title,
        "",
        evaluation.country,
        "",
    ]
    out = ["Management Response", ""]
    out.extend(f": {value}".rstrip() for value in header)
    out.append("")
    if evaluation.summary:
        out.extend([evaluation.summary, ""])
    out.append(f": {evaluation.approval}".rstrip())
    for recommendation in evaluation.recommendations:
        out.extend(_render_recommendation(recommendation))
    return "\n".join(out)


def _render_ref(ref: str, *, recommendation: bool) -> str:
    if not ref:
        return ""
    if ref.endswith(")"):
        return f"{ref} "
    return f"{ref}: " if recommendation else f"{ref}. "


def _render_recommendation(recommendation: Recommendation) -> Iterator[str]:
    response = recommendation.response
    yield f"Recommendation: {_render_ref(recommendation.ref, recommendation=True)}{recommendation.text}".rstrip()  # noqa: E501 - one line is clearer
    category = response.category_text or (response.category.label if response.category else "")
    values = {
        "response": response.text,
        "description": response.description,
        "category": category,
        "thematic_areas": _render_tags(response.thematic_areas),
        "operating_principles": _render_tags(response.operating_principles),
        "organisational_priorities": _render_tags(response.organisational_priorities),
        "uneg_criteria": _render_tags(response.uneg_criteria),
    }
    for kind, name in _FIELD_ORDER:
        yield f"{name}: {values[kind]}".rstrip()
    yield "Key Actions"
    yield "Responsible Deadline Status Comments"
    for action in recommendation.actions:
        yield _render_action(action)


def _render_tags(tags: Sequence[str]) -> str:
    return ", ".join(tags) if tags else "Not applicable"


def _render_action(action: Action) -> str:
    status = action.status_text or (action.status.label if action.status else "")
    comments = render_updates(action.comments, action.updates)
    cells = [
        f"{_render_ref(action.ref, recommendation=False)}{action.text}",
        ", ".join(action.responsible),
        # Its own words when they read alone to its dates, else the dates (refused by
        # dumps unless lossy, when words that read only in their context would be lost).
        action.due.portable_text() if action.due is not None else action.due_text,
        status,
        comments,
    ]
    return "\t".join(cells)
