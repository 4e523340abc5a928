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
- A key-action line runs ref, action text, responsible party, deadline (``YYYY/MM``),
  status and comments together. It is cut at the last deadline followed by a status
  (``2021/07 Over due``), so a date in the action's wording (``Hire 2 staff by
  2021/06. HR 2022/12 Ongoing``) stays in its text. A line with no such pair is cut
  at its only ``YYYY/MM`` date (GT303); with several dates and none followed by a
  status, no deadline is chosen and the whole line is the text (GT302). The
  responsible party is told from the action text by the last sentence end (``.``,
  ``!``, ``?``) and by party names the document repeats (the texts between a
  sentence end and the deadline, counted over every line); parties are separated by
  ``,`` or ``;`` (``Programme Unit; Finance Unit``). When a line has tabs (a copy of
  the web table), the tabs separate the cells and nothing is guessed. A line that is
  neither a new key action nor a label continues the comments above.
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
GT302  warning   a key-action line without a ``YYYY/MM`` deadline followed by a
                 status (and no single date to take as the deadline): the whole
                 line is kept as the action's text
GT303  warning   a deadline followed by no known status: the rest is kept in comments
GT304  warning   a recommendation block lacks a field (``Key Actions``, category, …):
                 the text may be cut short
GT305  info      the page's navigation before the heading was skipped
GT306  warning   text between the heading and the first recommendation that is
                 neither a header field, the overall response nor the approval
GT307  warning   a field given twice in one recommendation block (values joined)
GT308  warning   text before the first recommendation block's key actions that
                 belongs to no field (kept in the action list or the field above)
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

from govtrack._errors import DueParseError, FormatError
from govtrack.io._files import normalise_newlines, refuse_what_is_left_out
from govtrack.model.dates import Due, parse_due
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
from govtrack.model.status import STATUS_SYNONYMS, ResponseCategory, Severity, Status

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


def split_parties(text: str) -> tuple[str, ...]:
    """The responsible parties in a cell: split at commas, semicolons and line breaks.

    A comma inside brackets does not split.

    >>> split_parties("UN Women (Gender Unit, Sub Office), Ministry of Labour")
    ('UN Women (Gender Unit, Sub Office)', 'Ministry of Labour')
    """
    parties: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ",;\n" and depth == 0:
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
"""Where the action's wording may end and the responsible parties start (not ``;``,
which separates parties as ``,`` does)."""
_WORD_START = re.compile(r"(?<!\S)\S")


def _status_words() -> str:
    words = {word for synonyms in STATUS_SYNONYMS.values() for word in synonyms}
    words |= {status.label for status in Status}
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "|".join(
        r"[ \t]*".join(re.escape(part) for part in re.split(r"[\s]+", w)) for w in ordered
    )


_ANCHOR = re.compile(
    r"(?<!\S)(?P<due>\d{4}/\d{1,2}(?:/\d{1,2})?)(?:[ \t]+(?P<status>"
    + _status_words()
    + r")(?=[\s.,;:]|$))?",
    re.IGNORECASE,
)
_MAX_PARTY_WORDS = 12
_PARTY_GOES_ON = frozenset({" (", " -", ", ", "; "})
"""What may follow a party's name in a longer party: its unit, or more parties."""
_MAX_PARTY_CHARS = 100


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


def loads(text: str, *, source: str = "") -> Document:
    """Read a tracking-system export of one or more evaluations' management responses.

    Args:
        text: The text (a byte-order mark and CRLF line ends are fine).
        source: A file name to record in origins and problems.

    Returns:
        A Document with the evaluations, and what could not be interpreted in
        ``problems`` (codes GT301–GT308, see the module's table).

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
    reader = _Reader(lines=lines, source=source)
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
    return Document(evaluations=finished, problems=tuple(reader.problems), source=source)


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


def _read_action_line(reader: _Reader, rec: _RawRecommendation, line: str, number: int) -> None:
    if not line.strip():
        return
    body = line.strip()
    ref = ""
    ref_match = _ACTION_REF.match(body)
    if "\t" in line:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) >= 6 and _ACTION_REF.fullmatch(cells[0] + " "):
            cells[0:2] = [f"{cells[0]} {cells[1]}"]
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
            )
        )
        return
    anchor = _ANCHOR.search(body)
    if ref_match is None and anchor is None and rec.actions:
        rec.actions[-1].comments.append(line.rstrip())  # a comment continued on the next line
        return
    if ref_match is not None:
        ref = ref_match["num2"] or ref_match["num"] or ref_match["let"]
        body = body[ref_match.end() :]
    dates = list(_ANCHOR.finditer(body))
    paired = [found for found in dates if found["status"]]
    anchor = paired[-1] if paired else dates[0] if len(dates) == 1 else None
    if anchor is None:
        several = (
            f" (dates {', '.join(found['due'] for found in dates)}, none followed by a status)"
            if dates
            else ""
        )
        reader.warn(
            "GT302",
            f"key action without a deadline (YYYY/MM) followed by a status{several}; "
            "the whole line is kept as its text",
            number,
        )
        rec.actions.append(_RawAction(line=number, ref=ref, head=body.strip(), anchored=False))
        return
    status_text = anchor["status"] or ""
    if not status_text:
        reader.warn(
            "GT303",
            f"no known status after the deadline {anchor['due']!r}; "
            "the rest of the line is kept in the comments",
            number,
        )
    rec.actions.append(
        _RawAction(
            line=number,
            ref=ref,
            head=body[: anchor.start()].strip(),
            due_text=anchor["due"],
            status_text=status_text,
            comments=[body[anchor.end() :].strip()],
        )
    )


def _tail(head: str) -> str:
    """The text after the last sentence end; the whole text when there is none."""
    last = None
    for last in _SENTENCE_END.finditer(head):  # noqa: B007 - only the last one counts
        pass
    return head[last.end() :] if last is not None else head


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
        if not raw.anchored:
            continue
        tail = _tail(raw.head)
        if tail != raw.head and _is_short(tail):
            counts[tail] += 1
    return counts


def _split_head(head: str, known: Counter[str]) -> tuple[str, str, bool]:
    """Tell the action text from the responsible party: (text, party, sure)."""
    tail = _tail(head)
    tail_at = len(head) - len(tail)
    # A party is a few words: only the last ones can start it (keeps reading linear).
    starts = [tail_at + m.start() for m in _WORD_START.finditer(tail)][-2 * _MAX_PARTY_WORDS :]
    frequent = {party for party, count in known.items() if count >= 2}
    for start in starts:  # the longest suffix the document repeats as a party
        if head[start:] in frequent:
            before = head[:start].rstrip()
            if 0 < tail_at < start and before.endswith((",", ";")) and _is_short(tail):
                return head[:tail_at].rstrip(), tail, True  # more parties before it
            return before, head[start:], True
    if tail != head and _is_short(tail):
        return head[:tail_at].rstrip(), tail, True
    for start in reversed(starts):  # a repeated party followed by its unit: "X (Unit)"
        rest = head[start:]
        for party in frequent:
            if rest.startswith(party) and rest[len(party) : len(party) + 2] in _PARTY_GOES_ON:
                return head[:start].rstrip(), rest, True
    return head, "", False


def _finish(reader: _Reader, raw_evaluations: list[_RawEvaluation]) -> tuple[Evaluation, ...]:
    every = [a for ev in raw_evaluations for rec in ev.recommendations for a in rec.actions]
    known = _known_parties(every)
    evaluations = []
    for raw_evaluation in raw_evaluations:
        recommendations = []
        for raw_rec in raw_evaluation.recommendations:
            actions = tuple(_finish_action(reader, raw, known) for raw in raw_rec.actions)
            recommendations.append(_finish_recommendation(reader, raw_rec, actions))
        evaluations.append(
            attrs.evolve(raw_evaluation.evaluation, recommendations=tuple(recommendations))
        )
    return tuple(evaluations)


def _finish_action(reader: _Reader, raw: _RawAction, known: Counter[str]) -> Action:
    if raw.responsible is not None:
        text, party = raw.head, raw.responsible
    elif not raw.anchored:
        text, party = raw.head, ""
    else:
        text, party, sure = _split_head(raw.head, known)
        if not sure and text:
            reader.warn(
                "GT301",
                "cannot tell the responsible party from the action text; "
                f"all of it is kept as the text: {raw.head!r}",
                raw.line,
            )
    comments, updates = split_updates("\n".join(raw.comments))
    due: Due | None = None
    due_text = ""
    if raw.due_text:
        try:
            due = parse_due(raw.due_text)
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


def dumps(document: Document) -> str:
    """Write the document's evaluations as a tracking-system export.

    The cells of a key-action line are separated by tabs (as a copy of the web
    page's table has them), so :func:`loads` reads them back without guessing.

    ``loads(dumps(doc)) == doc`` holds for documents whose evaluations the shape
    can express:

    - only evaluations (a document with meetings, reports or plans is refused; reading
      problems are not written);
    - evaluation ``extra`` holds at most ``"Office name"``; header fields, tags,
      refs, parties and cells are single lines without tabs, stripped; the period
      has no comma; a tag or party has no comma or semicolon (nor brackets), and
      no tag reads "Not applicable";
    - ``status_text`` is the status word (``status == Status.parse(status_text)``),
      likewise ``category_text``; an unreadable deadline is in ``due_text``;
    - every update has a date that is not a range; no text holds what reads as a
      dated update (``Dec 2022:``), a label (``Description:``) at a line start, or
      a ref at the start of an action without one; comments have no blank lines;
    - an action's text is not empty.

    Args:
        document: The document.

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
    return "\n\n".join(pages) + ("\n" if pages else "")


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
        action.deadline_text,
        status,
        comments,
    ]
    return "\t".join(cells)
