"""Reader of a narrative meeting report (a working group's meeting written up as prose).

The shape is::

    20 June 2017                       <- the date, on the first line
    Hotel Name, City                   <- the venue, on the lines after it

    Technical Working Group Meeting held on …    <- the title

    A … meeting was held on … organized by the Some Organisation (SO) …
    The meeting was presided by the Co-Chairs of the TWG, Ms. A, Title,
    Ministry and Mr. B, Title, Ministry.
    … discussed … on the following themes:
      • Theme one
      • Theme two
    … summarized the key points …:
      • Point one
    … Around 35 representatives … participated.

Every paragraph becomes an :class:`~govtrack.AgendaItem` (so no text is
lost); bullet lists introduced by a sentence naming "themes" or "key points"
become the :class:`~govtrack.Meeting`'s ``themes`` and ``key_points``; a bullet
list introduced by what the meeting agreed ("The meeting agreed that:", "It was
agreed that:", "The meeting agreed on the following:", "Agreed actions:", "Way
forward:", "Next steps:") becomes its ``decisions``, one
:class:`~govtrack.Decision` a bullet or a numbered item (``1.``, ``1)``, ``(1)``, whose
number and a bracket, ``1)``, is its ref, as in the minutes), whose responsible party, deadline and
deemed-consent rule are read from the sentence by the minutes reader's own rules
(:mod:`govtrack.io.minutes`: the subject before "will", names listed with "," and
"and", a date after "by" or "before", or after "on", "in" or "during" after the
verb, a span such as "within two weeks" counted from the report's date); a deadline
that cannot be read, such as "within two weeks" when the report's date is unknown,
is kept in ``due_text`` and reported (GT366), never guessed. Any other list stays in
its introducing paragraph's agenda item, bullets as ``•`` and numbers as written. A list is
bulleted or numbered, never guessed from prose: every line of its block starts with a bullet
or a number. The organiser
("organized by the X (ABBR)"), the chairs ("presided by …", "chaired by …")
and the attendance ("Around 35 representatives …") are read from the prose, a
paragraph at a time; a sentence introducing a list (its lead-in: "Key points:", "The
meeting agreed that:", any ending with a colon) belongs to the list and is never read as the
attendance (GT368 when it tells of one); it stays in its paragraph's agenda item.

Problems this reader records:

=====  ========  ===============================================================
code   severity  meaning
=====  ========  ===============================================================
GT360  warning   no date on the first lines nor in the sentence saying the meeting was held
GT361  info      no title line after the date and venue
GT362  info      a bullet list that is neither themes, key points nor decisions (kept
                 in the agenda item of the sentence that introduces it)
GT363  warning   the text ends mid-sentence: it may be truncated
GT364  info      a bullet list with no introducing sentence (kept as an agenda item)
GT365  warning   the meeting's date is an all-numeric day that reads two ways
                 (``03/04/2022``) and ``dayfirst=`` is not given, or one that does
                 not read in the order it gives: kept in ``when_text``
GT366  warning   a decision's deadline that cannot be read (kept in ``due_text``), such
                 as an all-numeric day that reads two ways (``03/04/2023``) without
                 ``dayfirst=``, or ``within two weeks`` when the report's date is unknown;
                 or a ``within`` span out of the verb phrase in a decision with no other
                 deadline (kept in its text)
GT367  warning   a decision whose sentence gives a second party a deadline of its own
                 (``HR to hire by May 2024 and Finance to pay by June 2024``), or an item of
                 its sub-list one that ends on another day: both parties are kept, the
                 deadline is the first; the other stays in the text
GT368  info      the sentence introducing a list tells of the attendance (``Some 30
                 participants agreed that:``): a lead-in belongs to its list, so it is not
                 read as the attendance; it stays in its agenda item
GT369  warning   a decision whose sentence may name a second party after a recipient (``HR
                 will write to Finance and the Board to confirm the budget``): read as one
                 more recipient, so the subject alone is the party (the minutes' GT354)
=====  ========  ===============================================================

>>> import govtrack as gt
>>> text = ("4 May 2022\\nCity Hall, Tunis\\n\\nTechnical Working Group Meeting on Water\\n\\n"
...         "The meeting was held on 4 May 2022, organized by the Water Agency (WA). "
...         "Some 20 participants attended.\\n")
>>> meeting = gt.loads(text, format="meeting-report").meetings[0]
>>> str(meeting.date), meeting.venue, meeting.organiser, meeting.attendance_count
('2022-05-04', 'City Hall, Tunis', 'Water Agency (WA)', 20)
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from govtrack._errors import FormatError
from govtrack.io import minutes
from govtrack.io._prose import (
    BULLET,
    HONORIFIC,
    Line,
    ends_a_semicolon_list,
    ends_in_abbreviation,
    find_day,
    is_deemed_consent,
    lines_of,
    names_a_day,
    read_day,
    squash,
    tail,
    time_span,
    unread_day,
)
from govtrack.model.dates import Due
from govtrack.model.location import Location
from govtrack.model.records import AgendaItem, Decision, Document, Issue, Meeting
from govtrack.model.status import Severity
from govtrack.validate import with_reading_problems

__all__ = ["loads", "sniff"]

_HELD = re.compile(r"\bmeeting\b[^.\n]{0,80}?\b(?:was|were)\s{1,3}held\b", re.IGNORECASE)
_THEMES = re.compile(r"\b(?:themes?|topics?|thematic areas?)\b", re.IGNORECASE)
_KEY_POINTS = re.compile(
    r"\b(?:key points?|main points?|key messages?|key takeaways?|key issues raised)\b",
    re.IGNORECASE,
)
_AGREED = re.compile(
    r"\b(?:meeting|participants?|members?|group|committee|forum|partners|stakeholders|it|all)"
    r"\s{1,3}(?:(?:was|were|has|have|had)\s{1,3})?(?:(?:also|further|then|unanimously)\s{1,3})?"
    r"(?:agreed|decided|resolved)\b"
    r"|\bthe\s{1,3}following\s{1,3}(?:was|were|(?:has|have)\s{1,3}been)\s{1,3}(?:agreed|decided)\b",
    re.IGNORECASE,
)
"""A sentence saying what the meeting agreed (``The meeting agreed that:``, ``It was agreed
that:``, ``Participants also agreed on the following:``, ``The following were agreed:``)."""
_AGREED_TAIL = re.compile(
    r"(?:\s{1,3}(?:that|on|to|upon|with|the|following|as|follows|next|steps|way|forward"
    r"|actions?|points?|decisions?|measures|items))*\s{0,3}:?\s{0,3}",
    re.IGNORECASE,
)
"""What may follow "agreed" in a sentence that introduces the list of it (``that:``, ``on the
following action points:``); with any other word (``that the unit would:``) it does not."""
_AGREED_HEADING = re.compile(
    r"\s{0,3}(?:(?:the\s{1,3})?way\s{1,3}forward|(?:agreed\s{1,3})?next\s{1,3}steps"
    r"|agreed\s{1,3}(?:actions?|action\s{1,3}points|decisions)|action\s{1,3}points"
    r"|decisions(?:\s{1,3}(?:taken|made|reached))?)\s{0,3}:?\s{0,3}",
    re.IGNORECASE,
)
"""A heading over the agreed actions (``Agreed actions:``, ``Way forward:``, ``Next steps:``)."""
_ORGANISED = re.compile(
    r"\b(?:organi[sz]ed|convened|hosted)\s{1,3}by\s{1,3}(?:the\s{1,3})?"
    r"(?P<name>[^,;()\n.]{2,150})(?P<abbr>\(\s{0,2}[^()\n]{1,20}\))?"
)
_NAME_STOP = re.compile(r"\s(?:was|were|is|are|has|have|on|at|and was|and held|held)\s")
_CHAIRED = re.compile(
    r"\b(?:presided|chaired|co-chaired|moderated)\s{1,3}(?:over\s{1,3})?by\s{1,3}",
    re.IGNORECASE,
)
_CHAIR_SPLIT = re.compile(r"(?:,?\s{1,3}and\s{1,3}|;\s{0,3}|,\s{1,3})(?=" + HONORIFIC + r")")
_ATTENDANCE = re.compile(
    r"\b(?:(?:around|about|approximately|approx\.|some|over|more than|nearly|almost|close to)"
    r"\s{1,3})?(?P<count>\d{1,5})\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?"
    r"(?:representatives|participants|people|persons|members|delegates|attendees|officials"
    r"|stakeholders|guests|experts)\b",
    re.IGNORECASE,
)
_ATTENDED = re.compile(r"\b(?:particip|attend|present|join)", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.;:!?)\]\"'’”]\s*$")
_NUMBERED = re.compile(
    r"^\s{0,12}(?:[•◦▪‣●○■□·*\-–]\s{1,4})?(?:\((?P<paren>\d{1,3})\)|(?P<number>\d{1,3})[.)])"
    r"\s{1,8}(?P<text>\S.*)$"
)
"""A numbered list item, bulleted or not: ``1.``, ``2)``, ``(3)``, ``• 4.``."""


_LETTERED = re.compile(r"^\s{0,12}(?:\([a-z]\)|[a-z]\))\s{1,8}\S")
"""A lettered sub-list item: ``a)``, ``(b)``; read only under an item that ends with ``:``."""


def _is_item(line: Line) -> bool:
    """Whether a line is a list item: bulleted (``•``, ``-``…) or numbered (``1.``, ``(2)``)."""
    return bool(BULLET.match(line.text) or _NUMBERED.match(line.text))


def _is_lettered(line: Line) -> bool:
    """Whether a line is lettered as a sub-list's item (``a)``, ``(b)``)."""
    return bool(_LETTERED.match(line.text))


@attrs.define
class _Block:
    line: int
    lines: list[Line]

    @property
    def text(self) -> str:
        return "\n".join(line.clean for line in self.lines)

    @property
    def is_bullets(self) -> bool:
        """Whether every line is a list item, bulleted or numbered, or a lettered item of the
        sub-list of an item that ends with ``:`` (``- The Secretariat will:`` over ``a) …``)."""
        opener = False
        for line in self.lines:
            if _is_item(line):
                opener = _opens_list(line)
            elif not (opener and _is_lettered(line)):
                return False
        return True


def _blocks(lines: list[Line]) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[Line] = []
    opener = False  # the last item ends with ":" and only its lettered sub-list follows it
    for line in lines:
        if line.clean:
            if (
                current
                and _is_item(line)
                and not _is_item(current[-1])
                and not (opener and _is_lettered(current[-1]))
            ):
                blocks.append(_Block(current[0].number, current))
                current = []
            current.append(line)
            if _is_item(line):
                opener = _opens_list(line)
            elif not (opener and _is_lettered(line)):
                opener = False
        elif current:
            blocks.append(_Block(current[0].number, current))
            current = []
    if current:
        blocks.append(_Block(current[0].number, current))
    return blocks


def _first_lines(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.clean][:3]


def sniff(text: str) -> float:
    """How surely ``text`` is a narrative meeting report, from 0 (surely not) to 1.

    Args:
        text: The text.

    Returns:
        The score: a date on the first line, "Technical Working Group",
        "meeting was held" raise it; header fields such as ``Date and Time:``,
        a progress-report table, a tracking-system export or a pipe table give 0.

    >>> sniff("20 June 2017\\nA hotel\\n\\nA meeting was held on the plan.\\n")
    0.8
    >>> sniff("Date and Time: 20 June 2017\\nA meeting was held.\\n")
    0.0
    """
    head = text[:200_000]
    lines = lines_of(head)
    for marker in ("Date and Time:", "Management Response Category:", "Scheduled Activities"):
        if marker in head:
            return 0.0
    if sum(1 for line in lines if line.text.startswith(": ")) >= 2:
        return 0.0
    if sum(1 for line in lines if line.text.lstrip().startswith("|")) >= 3:
        return 0.0
    if re.search(r"^\s{0,3}(?:Venue|Chairperson)\s{0,3}:", head, re.MULTILINE):
        return 0.0
    first = _first_lines(lines)
    score = 0.0
    if first and names_a_day(first[0].text):
        score += 0.5
    elif any(names_a_day(line.text) for line in first[1:]):
        score += 0.3
    held = bool(_HELD.search(head))
    if not score and not held:
        return 0.0
    if held:
        score += 0.3
    if "Technical Working Group" in head:
        score += 0.2
    return round(min(score, 1.0), 3)


def loads(text: str, *, source: str = "", dayfirst: bool | None = None) -> Document:
    """Read a narrative meeting report into a Document with one Meeting.

    Args:
        text: The report (a BOM and CRLF line ends are fine).
        source: A file name, recorded in every origin.
        dayfirst: How to read an all-numeric day such as ``03/04/2022``: True for
            3 April, False for March 4; None (the default) reads it only when one
            order is possible (``31/03/2022``) and otherwise keeps it in
            ``when_text`` and reports it (GT365).

    Returns:
        A Document whose ``meetings`` holds the meeting and whose ``problems``
        holds what could not be read (codes GT360–GT369).

    Raises:
        FormatError: The text has neither a date on its first lines nor a
            sentence saying a meeting was held.

    >>> doc = loads("1 July 2020\\nOnline\\n\\nBoard meeting\\n\\nThe meeting was held online.\\n")
    >>> meeting = doc.meetings[0]
    >>> meeting.title, meeting.venue, [item.text for item in meeting.agenda]
    ('Board meeting', 'Online', ['The meeting was held online.'])
    >>> loads("no meeting here")
    Traceback (most recent call last):
    ...
    govtrack._errors.FormatError: expected a meeting report: ...
    """
    document = _Reader(lines_of(text), source, dayfirst).read()
    return with_reading_problems(document)  # the words kept as text (GT101, GT104)


class _Reader:
    def __init__(self, lines: list[Line], source: str, dayfirst: bool | None = None) -> None:
        self.lines = lines
        self.source = source
        self.dayfirst = dayfirst
        self.problems: list[Issue] = []
        self.date: dt.date | None = None  # what a deadline `within two weeks` counts from

    def where(self, line: int) -> Location:
        return Location(file=self.source, line=line)

    def problem(self, code: str, message: str, line: int | None, severity: Severity) -> None:
        location = self.where(line) if line is not None else Location(file=self.source)
        self.problems.append(
            Issue(code=code, message=message, location=location, severity=severity)
        )

    def read(self) -> Document:
        blocks = _blocks(self.lines)
        date_block, date_index = None, -1
        for index, block in enumerate(blocks[:3]):
            if names_a_day(block.lines[0].text):
                date_block, date_index = block, index
                break
        full = "\n".join(line.text for line in self.lines)
        if date_block is None and not _HELD.search(full):
            raise FormatError(
                "expected a meeting report: a date on the first line (20 June 2017) "
                "or a sentence saying the meeting was held"
            )
        when_text, date, venue, title, title_line = "", None, "", "", None
        body_from = 0
        if date_block is not None:
            first = date_block.lines[0]
            when_text = first.clean
            day = read_day(first.text, dayfirst=self.dayfirst)
            date = day.start if day is not None else None
            if day is None:
                self.unread(first.text, first.number)
            venue = ", ".join(line.clean for line in date_block.lines[1:])
            body_from = date_index + 1
            if date_index > 0:  # a title above the date
                title, title_line = blocks[0].text.replace("\n", " "), blocks[0].line
        else:
            held = _HELD.search(full)
            sentence = full[held.start() : held.start() + 300] if held else ""
            day = find_day(sentence, dayfirst=self.dayfirst)
            if day is not None:
                when_text, date = day.text, day.start
            elif (unread := self.unread(sentence, _line_at(self.lines, held))) is not None:
                when_text = unread
            else:
                self.problem("GT360", "no date on the first lines", None, Severity.WARNING)
        self.date = date
        if not title and body_from < len(blocks):
            candidate = blocks[body_from]
            if (
                len(candidate.lines) == 1
                and len(candidate.text) <= 250
                and not candidate.is_bullets
            ):
                title, title_line = candidate.text.rstrip("."), candidate.line
                body_from += 1
        if not title:
            self.problem("GT361", "no title after the date and venue", None, Severity.INFO)
        body = blocks[body_from:]
        prose = " ".join(block.text.replace("\n", " ") for block in body if not block.is_bullets)
        agenda, themes, key_points, decisions, leads = self.paragraphs(body)
        attendance, count = self.attendance(body, leads)
        starts, ends = time_span(when_text)
        meeting = Meeting(
            title=title,
            organiser=_organiser(prose),
            date=date,
            starts=starts,
            ends=ends,
            when_text=when_text,
            venue=venue,
            chair=_chairs(prose),
            attendance=attendance,
            attendance_count=count,
            agenda=tuple(agenda),
            themes=tuple(themes),
            key_points=tuple(key_points),
            decisions=tuple(decisions),
            origin=self.where(date_block.line if date_block else (title_line or 1)),
        )
        self.check_end()
        return Document(meetings=(meeting,), problems=tuple(self.problems), source=self.source)

    def unread(self, text: str, line: int | None) -> str | None:
        """Report (GT365) the day in ``text`` that does not read in the order ``dayfirst``
        gives (or reads in two orders when it gives none); its text, or None."""
        if (unread := unread_day(text, dayfirst=self.dayfirst)) is None:
            return None
        day, why = unread
        self.problem(
            "GT365",
            f"cannot read the meeting's date {day!r}: {why}; kept as text",
            line,
            Severity.WARNING,
        )
        return day

    def paragraphs(
        self, body: list[_Block]
    ) -> tuple[list[AgendaItem], list[str], list[str], list[Decision], dict[int, str]]:
        """The agenda items, themes, key points and decisions of the body, and the lead-ins:
        for each paragraph that ends introducing a list, by its first line, the sentence
        that does (``The meeting agreed that:``) when the list is placed by it or it ends
        with a colon."""
        agenda: list[AgendaItem] = []
        themes: list[str] = []
        key_points: list[str] = []
        decisions: list[Decision] = []
        texts: list[str] = []
        lines: list[int] = []
        leads: dict[int, str] = {}
        paragraph: _Block | None = None  # the paragraph texts[-1] holds, as written
        for block in body:
            if not block.is_bullets:
                texts.append(block.text.replace("\n", " "))
                lines.append(block.line)
                paragraph = block
                continue
            bullets = [_bullet(line) for line in block.lines]  # each as written
            intro = texts[-1] if texts else ""
            last_sentence = re.split(r"(?<=[.!?])\s", intro)[-1] if intro else ""
            lead_line = paragraph.line if paragraph is not None and last_sentence else None
            if lead_line is not None:
                leads[lead_line] = last_sentence
            paragraph = None
            if not intro:
                self.problem(
                    "GT364", "a bullet list with no introducing sentence", block.line, Severity.INFO
                )
                texts.append("\n".join(_written(line) for line in block.lines))
                lines.append(block.line)
            elif _KEY_POINTS.search(last_sentence):
                key_points.extend(bullets)
            elif _THEMES.search(last_sentence):
                themes.extend(bullets)
            elif _agrees(last_sentence):
                decisions.extend(
                    self.decision(*_numbered(group[0]), group[0].number, group[1:])
                    for group in _sub_lists(block.lines)
                )
            else:
                self.problem(
                    "GT362",
                    "a bullet list that is neither themes, key points nor decisions: "
                    "kept in its paragraph",
                    block.line,
                    Severity.INFO,
                )
                texts[-1] = intro + "\n" + "\n".join(_written(line) for line in block.lines)
                if lead_line is not None and not last_sentence.rstrip().endswith(":"):
                    del leads[lead_line]  # a paragraph that a list follows, no lead-in
        agenda = [
            AgendaItem(text=text, origin=self.where(line))
            for text, line in zip(texts, lines, strict=True)
        ]
        return agenda, themes, key_points, decisions, leads

    def attendance(self, body: list[_Block], leads: dict[int, str]) -> tuple[str, int | None]:
        """The sentence telling of the attendance and its count, read from the paragraphs
        one at a time without the sentences introducing lists, which belong to their lists:
        a lead-in that tells of an attendance (``Some 30 participants agreed that:``) is
        not read as it, stays in its agenda item and is reported (GT368)."""
        paragraphs: list[str] = []
        for block in body:
            if block.is_bullets:
                continue
            text = block.text.replace("\n", " ")
            lead = leads.get(block.line, "")
            if lead and text.endswith(lead):
                text = text[: len(text) - len(lead)]
                if _ATTENDANCE.search(lead):
                    self.problem(
                        "GT368",
                        f"the sentence introducing a list, {lead[:80]!r}, tells of the "
                        "attendance: not read as the meeting's attendance; kept in its agenda "
                        "item",
                        block.lines[-1].number,
                        Severity.INFO,
                    )
            paragraphs.append(text)
        return _attendance(paragraphs)

    def decision(
        self, ref: str, sentence: str, line: int, items: list[Line] | None = None
    ) -> Decision:
        """An item of what the meeting agreed: its party and deadline read from the sentence
        as the minutes reader reads a decision's; ``ref`` is its number and a bracket
        (``2)``), as the minutes reader writes it, or ``""`` for a bullet. ``items`` are the
        lines of its sub-list (:func:`_sub_lists`), kept in its text one a line, as the
        minutes keep a decision's: a sentence whose verb opens them (``The Secretariat
        will:``) names the party, else the items name the parties; the first deadline is the
        decision's and the others are reported (GT367)."""
        text = "\n".join([sentence, *(item.clean for item in items or ())])
        label = repr(sentence[:60])
        due, due_text, reason = _deadline(text, dayfirst=self.dayfirst, date=self.date)
        if reason:
            self.problem(
                "GT366",
                f"decision {label}: cannot read its deadline {due_text!r}: {reason}; kept as text",
                line,
                Severity.WARNING,
            )
        elif span := minutes.unused_span(text, due, due_text):
            self.problem(
                "GT366",
                f"decision {label}: the span {span!r} is not in the decision's verb phrase "
                "and is read as no deadline; kept in its text",
                line,
                Severity.WARNING,
            )
        for message in minutes.second_deadlines(
            text, due or due_text, label, dayfirst=self.dayfirst, meeting_date=self.date
        ):
            self.problem("GT367", message, line, Severity.WARNING)
        if doubt := minutes.recipient_doubt(text):
            self.problem("GT369", f"decision {label}: {doubt}", line, Severity.WARNING)
        return Decision(
            ref=ref,
            text=text,
            responsible=minutes.item_parties(text),
            due=due,
            due_text=due_text,
            deemed_consent=is_deemed_consent(text),
            origin=self.where(line),
        )

    def check_end(self) -> None:
        """Report (GT363) a text whose last line ends mid-sentence, unless it is a list item
        or the last item of a list whose items end with ``;`` and it ends with a date that
        reads (:func:`~govtrack.io._prose.ends_a_semicolon_list`), as the minutes do."""
        filled = (line for line in reversed(self.lines) if line.clean)
        last = next(filled, None)
        before = next(filled, None)
        if (
            last is not None
            and not _is_item(last)
            and not _ENDS_SENTENCE.search(last.clean)
            and not ends_a_semicolon_list(
                last.clean, before.clean if before is not None else None, dayfirst=self.dayfirst
            )
        ):
            self.problem(
                "GT363",
                f"the text ends mid-sentence ({tail(last.clean)!r}): it may be truncated",
                last.number,
                Severity.WARNING,
            )


def _deadline(
    text: str, *, dayfirst: bool | None, date: dt.date | None
) -> tuple[Due | None, str, str]:
    """The deadline of a decision's sentence as the minutes reader reads it, a ``within``
    span counted from ``date``: the deadline, or the words that cannot be read and why."""
    due, due_text, reason = minutes.decision_deadline(
        text.split("\n"), dayfirst=dayfirst, meeting_date=date
    )
    return due, due_text, reason.replace("the minutes do not give", "the report does not give")


def _sub_lists(lines: list[Line]) -> list[list[Line]]:
    """The items of a list of decisions, each with the lines of its sub-list: the items
    indented deeper under an item that ends with a colon (``- The Secretariat will:`` over
    ``  - draft the note;``), as the minutes keep a decision's sub-list in it."""
    groups: list[list[Line]] = []
    for line in lines:
        if (
            groups
            and _opens_list(groups[-1][0])
            and (_indent(line) > _indent(groups[-1][0]) or _is_lettered(line))
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _opens_list(line: Line) -> bool:
    """Whether an item opens a sub-list: it ends with ``:``, or with ``as follows`` or
    ``the following`` (its colon left out), as the minutes reader takes it."""
    return minutes.opens_list(line.clean)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _agrees(sentence: str) -> bool:
    """Whether the sentence before a bullet list introduces what the meeting agreed: it ends
    saying so (``… agreed that:``, ``… agreed on the following:``, ``… agreed as follows``),
    or it is a heading such as ``Next steps:``."""
    if _AGREED_HEADING.fullmatch(sentence):
        return True
    agreed = None
    for agreed in _AGREED.finditer(sentence):  # noqa: B007 - only the last one counts
        pass
    if agreed is None:
        return False
    tail = sentence[agreed.end() :]
    return bool(_AGREED_TAIL.fullmatch(tail)) and (
        tail.rstrip().endswith(":") or "follow" in tail.casefold()
    )


def _bullet(line: Line) -> str:
    """A list item's text as written, its bullet dropped (a number stays: ``1. Water``)."""
    m = BULLET.match(line.text)
    return squash(m["text"]) if m else line.clean


def _written(line: Line) -> str:
    """A list item as a paragraph keeps it: a bullet as ``•``, a number as written."""
    return "• " + _bullet(line) if BULLET.match(line.text) else line.clean


def _numbered(line: Line) -> tuple[str, str]:
    """A decision's ref and text: a numbered item's number and a bracket (``1.``, ``1)``,
    ``(1)`` and ``• 1.`` all give ``1)``, as in the minutes) and the words after it; a
    bullet's ``""`` and its text."""
    if m := _NUMBERED.match(line.text):
        return f"{int(m['paren'] or m['number'])})", squash(m["text"])
    return "", _bullet(line)


def _organiser(prose: str) -> str:
    m = _ORGANISED.search(prose)
    if m is None:
        return ""
    name = m["name"]
    if stop := _NAME_STOP.search(name):
        return name[: stop.start()].strip()
    abbr = squash(m["abbr"]) if m["abbr"] else ""
    return squash(f"{name} {abbr}")


def _sentence_from(text: str, start: int) -> str:
    """The text from ``start`` to the end of its sentence (not fooled by "Ms.", "Eng." or
    "Rt. Hon.")."""
    for m in re.finditer(r"\.(?=\s{1,3}[A-Z]|\s*$)", text[start : start + 1000]):
        end = start + m.end()
        if not ends_in_abbreviation(text[max(start, end - 40) : end]):
            return text[start : end - 1]
    return text[start : start + 1000]


def _split_top_level(text: str) -> list[str]:
    """Split a list of names at separators outside parentheses."""
    parts: list[str] = []
    depth = 0
    last = 0
    for m in _CHAIR_SPLIT.finditer(text):
        depth = text.count("(", 0, m.start()) - text.count(")", 0, m.start())
        if depth == 0:
            parts.append(text[last : m.start()])
            last = m.end()
    parts.append(text[last:])
    return [part.strip(" .,;") for part in parts if part.strip(" .,;")]


def _chairs(prose: str) -> tuple[str, ...]:
    m = _CHAIRED.search(prose)
    if m is None:
        return ()
    sentence = squash(_sentence_from(prose, m.end()))
    # "the Co-Chairs of the TWG, Ms. A, …": the role before the first name is not a chair.
    first_name = re.search(HONORIFIC, sentence)
    if first_name is not None and first_name.start() > 0:
        role = sentence[: first_name.start()]
        if re.search(r"chair", role, re.IGNORECASE) or role.lower().startswith("the "):
            sentence = sentence[first_name.start() :]
    return tuple(_split_top_level(sentence))


def _attendance(paragraphs: list[str]) -> tuple[str, int | None]:
    """The first sentence naming a count of people who attended, else the first naming a
    count of people; a sentence never runs on from one paragraph into the next."""
    sentences = [
        sentence
        for paragraph in paragraphs
        for sentence in re.split(r"(?<=[.!?])\s{1,3}(?=[A-Z])", paragraph)
    ]
    found: tuple[str, int] | None = None
    for sentence in sentences:
        m = _ATTENDANCE.search(sentence)
        if m is None:
            continue
        if _ATTENDED.search(sentence):
            return sentence.strip(), int(m["count"])
        found = found or (sentence.strip(), int(m["count"]))
    return found if found is not None else ("", None)


def _line_at(lines: list[Line], found: re.Match[str] | None) -> int | None:
    """The number of the line where a match in the lines joined by newlines starts."""
    if found is None:
        return None
    before = found.string.count("\n", 0, found.start())
    return lines[before].number if before < len(lines) else None
