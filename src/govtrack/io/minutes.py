"""Reader of a meeting's record notes (minutes) with a lettered list of decisions.

The shape, markdown-ish, is::

    # Organiser (first heading line)
    #### Record Notes of the … Workshop
    Date and Time:  23 April 2019, 02.00-04.30 PM.
    Venue:          Conference Room 2, Building 1,
                    City.
    Chairperson:    Dr. A. B., Secretary,
                    Some Division.
    Participants:   Appendix 'A'.
    - 1. A numbered paragraph …
    ### 3. A numbered heading
    # 5. Decisions
    - a) The Division will send the draft by email;
    - b) Each ministry will comment by 05 May 2019;
    - c) If no comment is received by 02 May 2019 it will be deemed accepted;

Header fields become the :class:`~govtrack.Meeting`'s date, time span,
venue, chair and participants (unknown ones are kept in ``extra``); numbered
paragraphs become :class:`~govtrack.AgendaItem` records; the lettered list
under a decisions heading becomes :class:`~govtrack.Decision` records whose
responsible party and deadline are read from the sentence. Nothing is
dropped: text the reader cannot place stays in an agenda item.

A decision starts on a line that begins with a letter (``(a)``, ``a)``) or a
Roman numeral from ``i`` to ``xx`` (``(iv)``, ``iv)``, ``iv.``), lower case; its
ref is the letter or numeral and a bracket, whatever the form (``a)``, ``iv)``).
``i``, ``v`` and ``x`` are both letters and numerals: the list decides. Each is
the letter when the decision before it is the letter just before it (``(h)``,
``(i)``); otherwise ``i`` is the numeral one, and ``v`` and ``x`` are numerals
after a numeral (``(iv)``, ``(v)``) and letters after anything else. A line
inside a decision that starts like another list item the reader does not take
as a decision (``(xxi)``, ``(I)``, ``(1)``: a letter, a number or a Roman numeral
in brackets, never a word or an acronym such as ``(MoFEP)``), or a decision whose
line holds the next item of its list (``(i) … (ii) …``), is kept in that
decision's text and reported (GT350), never merged in silence.

A decision whose line ends with a colon (``b) The Board requested the
Secretariat to:``) keeps the sub-list below it, blank lines between its items
allowed: under a lettered decision, lines numbered in Roman numerals (``i)``,
``(ii)``, ``iii.``); under any decision, bulleted lines (``-``, ``•``) and lines
numbered as the reader never numbers decisions (``(1)``, ``(A)``, ``(IV)``; but
``(xxi)`` under ``(xx)`` stays the list's next item, reported as above). Each
item is a line of the decision's text, the sub-list is not counted in the list of
decisions, and the decision's deadline is the first one its sentence or its items
give. A numeral that is also the next letter (``i)`` under ``h) … to:``) is an
item when it is indented deeper than the decision or the next list line holds the
numeral after it (``ii)``); otherwise it is the next decision. Only a list numbered
in Roman numerals throughout has ``i)``, ``ii)`` as decisions.

Problems this reader records:

=====  ========  ===============================================================
code   severity  meaning
=====  ========  ===============================================================
GT340  warning   no title line before the header fields
GT341  warning   the meeting's date cannot be read (kept in ``when_text``), such as an
                 all-numeric day that reads two ways without ``dayfirst=``
GT342  info      the time span cannot be read (kept in ``when_text``)
GT343  warning   no lettered list of decisions was found
GT344  warning   the text ends mid-sentence: it may be truncated
GT345  warning   a header field with no value
GT346  info      a header field govtrack has no name for (kept in ``extra``)
GT347  warning   the decision letters or numerals skip one (``a)``, ``b)``, ``d)``;
                 ``i)``, ``iii)``)
GT348  warning   a header field given twice (the second is kept in ``extra``)
GT349  warning   a decision's deadline that cannot be read (kept in ``due_text``), such
                 as an all-numeric day that reads two ways (``03/04/2023``) without
                 ``dayfirst=``
GT350  warning   a decision holds what looks like another list item (a line starting
                 ``(xxi)``, ``(I)``, ``(1)``, or the next item on the same line): it
                 is not split and stays in that decision's text
=====  ========  ===============================================================

>>> import govtrack as gt
>>> doc = gt.loads("Minutes of the Board\\nDate and Time: 3 March 2021, 10 am to 12 pm\\n"
...                "Venue: Room 4\\n\\nDecisions:\\na) The secretariat will circulate the "
...                "minutes by 10 March 2021;\\n", format="minutes")
>>> meeting = doc.meetings[0]
>>> meeting.title, str(meeting.date), str(meeting.starts), meeting.venue
('Minutes of the Board', '2021-03-03', '10:00:00', 'Room 4')
>>> decision = meeting.decisions[0]
>>> decision.ref, decision.responsible, decision.due.text
('a)', ('The secretariat',), '10 March 2021')
>>> doc = gt.loads("Minutes of the Board\\nVenue: Room 4\\n\\nDecisions:\\na) The Board asked "
...                "the unit to:\\n   i) hire a clerk by 2024/03;\\n   ii) train the clerk.\\n"
...                "b) The Board approved the budget.\\n", format="minutes")
>>> first, second = doc.meetings[0].decisions
>>> print(first.text)
The Board asked the unit to:
i) hire a clerk by 2024/03;
ii) train the clerk.
>>> first.due.text, second.ref
('2024/03', 'b)')
"""

from __future__ import annotations

import re

import attrs

from govtrack._errors import FormatError
from govtrack.io._prose import (
    BULLET,
    Line,
    deadline_in,
    find_day,
    is_deemed_consent,
    lines_of,
    responsible_in,
    squash,
    time_span,
    unread_day,
    unread_deadline_in,
)
from govtrack.model.location import Location
from govtrack.model.records import AgendaItem, Decision, Document, Issue, Meeting
from govtrack.model.status import Severity

__all__ = ["loads", "sniff"]

_FIELD = re.compile(
    r"^\s{0,4}(?:\*\*)?(?P<label>[^\W\d_][\w /&'()-]{0,38}?)\s{0,3}(?:\*\*)?:(?:\*\*)?"
    r"(?:[\s\u00a0]{1,40}(?P<value>.*))?$"
)
_LABELS: dict[str, str] = {
    "date and time": "date",
    "date & time": "date",
    "date/time": "date",
    "time and date": "date",
    "date": "date",
    "when": "date",
    "time": "time",
    "venue": "venue",
    "place": "venue",
    "location": "venue",
    "chairperson": "chair",
    "chair": "chair",
    "chaired by": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairs": "chair",
    "co-chairs": "chair",
    "presided by": "chair",
    "participants": "participants",
    "present": "participants",
    "attendees": "participants",
    "members present": "participants",
}
_NUMBERED = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4})?(?P<hashes>#{1,6}\s{0,4})?(?P<bold>\*\*)?"
    r"(?P<ref>\d{1,3})\.(?:\*\*)?(?:\s{1,8}(?P<rest>.*)|$)"
)
_MARKER = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4})?(?:\*\*)?"
    r"(?:\((?P<paren>[a-z]{1,5})\)|(?P<closing>[a-z]{1,5})\)|(?P<dotted>[ivx]{1,5})\.)"
    r"(?:\*\*)?(?:\s{1,8}(?P<rest>.*)|$)"
)
_ROMAN = (
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
)
"""The Roman numerals a decision may be numbered with, one to twenty."""
_ROMAN_VALUE = {numeral: value for value, numeral in enumerate(_ROMAN, 1)}
_LOWER_ROMAN = r"(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_ITEM_TOKEN = (
    r"(?:[0-9]{1,3}[A-Za-z]|[A-Za-z][0-9]{1,2}|[A-Za-z]|[0-9]{1,3}|"
    + _LOWER_ROMAN
    + r"|(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
)
"""What numbers a list item: one letter, a number of up to three digits, the two together
(``2a``, ``A1``), or a Roman numeral (one to ninety-nine, in one case): never a word or an
acronym such as ``MoFEP``."""
_UNREAD_MARKER = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4})?(?:\*\*)?"
    rf"(?P<marker>\({_ITEM_TOKEN}\)|{_ITEM_TOKEN}\)|{_LOWER_ROMAN}\.)"
    r"(?:\*\*)?(?:\s|$)"
)
"""A line that starts like a list item (``(a)``, ``(IV)``, ``1)``, ``xxi.``): what
:func:`_marker` refuses is reported. ``(MoFEP) will lead`` starts with no item."""
_PAST_XX = re.compile(rf"\(?{_LOWER_ROMAN}[.)]")
"""A lowercase Roman numeral as :data:`_UNREAD_MARKER` finds it (``(xxi)``, ``xl.``)."""
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s{0,8}(?P<text>.*?)\s{0,8}#{0,6}\s*$")
_DECISIONS_CUE = re.compile(
    r"\b(?:decisions?|decided|resolutions?|resolved|action points|agreed actions"
    r"|agreed as follows|agreed the following|way forward)\b",
    re.IGNORECASE,
)
_TITLE_CUE = re.compile(r"\b(?:record notes|minutes|notes of|proceedings)\b", re.IGNORECASE)
_OPENS_LIST = re.compile(r":[\s*_]*$")
"""A decision's line that ends so announces a sub-list (``… the Secretariat to:``)."""
_ENDS_SENTENCE = re.compile(r"[.;:!?)\]\"'’”*]\s*$")


@attrs.define
class _Item:
    ref: str
    title: str
    line: int
    texts: list[str] = attrs.Factory(list)


@attrs.define
class _Pending:
    ref: str
    line: int
    texts: list[str]
    kind: tuple[str, int] = ("letter", 1)  # as _ordinal gives it
    indent: int = 0
    items: list[list[str]] = attrs.Factory(list)  # its sub-list: each item's lines
    numeral: int = 0  # the Roman numeral of its last sub-item, 0 before one

    def opens_list(self) -> bool:
        """Whether lines below may be items of its sub-list: it ends with ``:`` or has some."""
        return bool(self.items) or bool(self.texts and _OPENS_LIST.search(self.texts[-1]))


def _indent(text: str) -> int:
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _sub_item(parent: _Pending, lines: list[Line], index: int) -> int | None:
    """Whether ``lines[index]`` is an item of ``parent``'s sub-list: None when it is not,
    else its Roman numeral (0 for a bullet or another shape).

    Under a decision that ends with ``:`` (``… requested the Secretariat to:``), a
    bullet or a line that starts like a list item the reader never takes for a decision
    (``(1)``, ``(A)``, ``(IV)``) is an item of its sub-list; so is a Roman numeral under
    a lettered decision. A numeral that is also the parent's next letter (``i)`` under
    ``h)``) is an item when it is indented deeper than the parent or the next list line
    holds the numeral after it (``ii)``); otherwise it is the next decision.
    """
    if not parent.opens_list():
        return None
    text = lines[index].text
    mark = _marker(text)
    if mark is None:
        if unread := _UNREAD_MARKER.match(text):
            # Past xx, a numeral under a numeral is the list's next item (reported), no sub-item.
            numbered = parent.kind[0] == "numeral"
            return None if numbered and _PAST_XX.fullmatch(unread["marker"]) else 0
        return 0 if BULLET.match(text) else None
    if parent.kind[0] != "letter":
        return None
    kind, numeral = _ordinal(mark[0], ("numeral", parent.numeral) if parent.numeral else None)
    if kind != "numeral":
        return None
    if mark[0] != _next_token(*parent.kind) or _indent(text) > parent.indent:
        return numeral
    for position in range(index + 1, len(lines)):  # no copy of the rest: linear reading
        line = lines[position]
        if _NUMBERED.match(line.text) or line.text.lstrip().startswith("#"):
            break
        if (following := _marker(line.text)) is not None:
            return numeral if following[0] == _next_token("numeral", numeral) else None
    return None


def _marker(text: str) -> tuple[str, str] | None:
    """The letter or Roman numeral a decision line starts with, and the rest; else None.

    ``(a)``, ``a)``, ``(iv)``, ``iv)`` and ``iv.`` (numerals ``i`` to ``xx`` only).

    >>> _marker("(iii) Finance will pay by 30 April 2024.")
    ('iii', 'Finance will pay by 30 April 2024.')
    >>> _marker("- b) The unit will act;"), _marker("(see) below"), _marker("b. text")
    (('b', 'The unit will act;'), None, None)
    """
    m = _MARKER.match(text)
    if m is None:
        return None
    token = m["paren"] or m["closing"] or m["dotted"]
    if m["dotted"] is None and len(token) == 1:
        return token, (m["rest"] or "").strip()
    if token in _ROMAN_VALUE:
        return token, (m["rest"] or "").strip()
    return None


def _ordinal(mark: str, previous: tuple[str, int] | None) -> tuple[str, int]:
    """Whether a decision's ``mark`` is a ``"letter"`` or a ``"numeral"``, and its place.

    ``i``, ``v`` and ``x`` are both: each is the letter when ``previous`` (the kind and
    place of the decision before it) is the letter just before it (``h``, ``u``, ``w``);
    otherwise ``i`` is the numeral one, and ``v`` and ``x`` are numerals after a numeral
    and letters after anything else. Other single letters are letters; ``ii``… ``xx``
    are numerals.

    >>> _ordinal("i", ("letter", 8)), _ordinal("i", None), _ordinal("v", ("numeral", 4))
    (('letter', 9), ('numeral', 1), ('numeral', 5))
    >>> _ordinal("x", ("letter", 23)), _ordinal("x", None), _ordinal("xii", None)
    (('letter', 24), ('letter', 24), ('numeral', 12))
    """
    numeral = _ROMAN_VALUE.get(mark)
    if numeral is None:
        return "letter", ord(mark) - ord("a") + 1
    if len(mark) > 1:
        return "numeral", numeral
    letter = ord(mark) - ord("a") + 1
    if previous == ("letter", letter - 1):
        return "letter", letter
    if mark == "i" or (previous is not None and previous[0] == "numeral"):
        return "numeral", numeral
    return "letter", letter


def _next_token(kind: str, place: int) -> str | None:
    """The letter or numeral that follows ``place`` in a list of its ``kind``."""
    if kind == "numeral":
        return _ROMAN[place] if place < len(_ROMAN) else None
    return chr(ord("a") + place) if place < 26 else None


def _heading_text(text: str) -> str:
    if m := _HEADING.match(text):
        text = m["text"]
    return text.strip().strip("*").strip()


def _field_of(line: Line) -> tuple[str, str] | None:
    """The (key, value) of a header field line; key is the label for unknown ones."""
    if _NUMBERED.match(line.text) or _marker(line.text) or line.text.lstrip().startswith("#"):
        return None
    m = _FIELD.match(line.text)
    if m is None:
        return None
    label = squash(m["label"]).lower()
    return _LABELS.get(label, squash(m["label"])), squash(m["value"] or "")


def _is_known_field(line: Line) -> bool:
    field = _field_of(line)
    return field is not None and field[0] in _LABELS.values()


def _trim(value: str) -> str:
    return value.strip().rstrip(".;,").strip()


def sniff(text: str) -> float:
    """How surely ``text`` is record notes of a meeting, from 0 (surely not) to 1.

    Args:
        text: The text.

    Returns:
        The score: header fields, a "Record Notes"/"Minutes" title and a lettered
        decisions list raise it; a tracking-system export or a pipe table gives 0.

    >>> sniff("# Record Notes of the Board\\nDate and Time: 3 March 2021\\nVenue: Room 4\\n")
    0.8
    >>> sniff("| Action | Responsible |\\n|---|---|\\n")
    0.0
    """
    lines = lines_of(text[:200_000])
    colon_lines = sum(1 for line in lines if line.text.startswith(": ") or line.text == ":")
    pipe_lines = sum(1 for line in lines if line.text.lstrip().startswith("|"))
    if colon_lines >= 2 or "Management Response Category:" in text or pipe_lines >= 3:
        return 0.0
    if "Scheduled Activities" in text and "Schedule" in text:
        return 0.0
    score = 0.0
    keys = set()
    for line in lines[:60]:
        field = _field_of(line)
        if field is not None and field[0] in {"date", "venue", "chair", "participants", "time"}:
            keys.add(field[0])
    if "Date and Time:" in text:
        score += 0.2
    score += 0.15 * len(keys)
    if any(_TITLE_CUE.search(line.text) for line in lines[:12]):
        score += 0.3
    if score == 0.0:
        return 0.0
    lettered = sum(1 for line in lines if _marker(line.text))
    if lettered >= 2:
        score += 0.2
    return round(min(score, 1.0), 3)


def loads(text: str, *, source: str = "", dayfirst: bool | None = None) -> Document:
    """Read record notes of a meeting into a Document with one Meeting.

    Args:
        text: The record notes (a BOM and CRLF line ends are fine).
        source: A file name, recorded in every origin.
        dayfirst: How to read an all-numeric day such as ``03/04/2023``: True for
            3 April, False for March 4; None (the default) reads it only when one
            order is possible (``31/03/2023``) and otherwise keeps it as text and
            reports it (GT341 for the meeting's date, GT349 for a deadline).

    Returns:
        A Document whose ``meetings`` holds the meeting and whose ``problems``
        holds what could not be read (codes GT340–GT350).

    Raises:
        FormatError: The text has neither header fields (``Date and Time:``,
            ``Venue:``, ``Chairperson:``) nor a "Record Notes"/"Minutes" title.

    >>> import govtrack as gt
    >>> doc = loads("Minutes\\nVenue: Hall B\\n\\n1. Opening remarks were made.\\n")
    >>> [(item.ref, item.text) for item in doc.meetings[0].agenda]
    [('1', 'Opening remarks were made.')]
    >>> loads("just some words")
    Traceback (most recent call last):
    ...
    govtrack._errors.FormatError: expected record notes of a meeting: ...
    """
    return _Reader(lines_of(text), source, dayfirst).read()


class _Reader:
    def __init__(self, lines: list[Line], source: str, dayfirst: bool | None = None) -> None:
        self.lines = lines
        self.source = source
        self.dayfirst = dayfirst
        self.problems: list[Issue] = []

    def where(self, line: int) -> Location:
        return Location(file=self.source, line=line)

    def problem(self, code: str, message: str, line: int | None, severity: Severity) -> None:
        location = self.where(line) if line is not None else Location(file=self.source)
        self.problems.append(
            Issue(code=code, message=message, location=location, severity=severity)
        )

    # -- the parts ---------------------------------------------------------

    def read(self) -> Document:
        lines = self.lines
        first_field = next((i for i, line in enumerate(lines[:80]) if _is_known_field(line)), None)
        head_end = first_field if first_field is not None else 0
        if first_field is None:
            # No header fields: the title is the leading heading lines, if they say "minutes".
            for index, line in enumerate(lines[:12]):
                plain = line.clean and not line.text.lstrip().startswith("#")
                if plain and (not _TITLE_CUE.search(line.text) or _NUMBERED.match(line.text)):
                    break
                head_end = index + 1
        heads = [line for line in lines[:head_end] if line.clean]
        if first_field is None and not any(_TITLE_CUE.search(line.text) for line in heads):
            raise FormatError(
                "expected record notes of a meeting: a 'Date and Time:', 'Venue:' or "
                "'Chairperson:' line, or a 'Record Notes'/'Minutes' title"
            )
        title, organiser, title_line, other_heads = self.title(heads)
        fields, body_start = self.fields(head_end)
        values: dict[str, tuple[str, int]] = {}
        extra: dict[str, str] = {}
        if other_heads:
            extra["Heading"] = "\n".join(other_heads)
        for key, value, number in fields:
            if key not in _LABELS.values():
                extra[key] = value
                self.problem(
                    "GT346", f"header field {key!r} kept as written", number, Severity.INFO
                )
            elif key in values:
                extra[key.title()] = value
                self.problem("GT348", f"header field {key!r} given twice", number, Severity.WARNING)
            else:
                values[key] = (value, number)
            if not value:
                self.problem(
                    "GT345", f"header field {key!r} has no value", number, Severity.WARNING
                )
        agenda, decisions = self.body(body_start)
        meeting = self.meeting(
            title=title,
            organiser=organiser,
            values=values,
            extra=extra,
            agenda=agenda,
            decisions=decisions,
            title_line=title_line,
        )
        self.check_end()
        return Document(meetings=(meeting,), problems=tuple(self.problems), source=self.source)

    def title(self, heads: list[Line]) -> tuple[str, str, int | None, list[str]]:
        if not heads:
            self.problem("GT340", "no title before the header fields", None, Severity.WARNING)
            return "", "", None, []
        texts = [_trim(_heading_text(line.text)) for line in heads]
        index = next(
            (i for i, line in enumerate(heads) if _TITLE_CUE.search(line.text)), len(heads) - 1
        )
        organiser = texts[0] if index > 0 else ""
        others = [text for i, text in enumerate(texts) if i not in {0, index}]
        return texts[index], organiser, heads[index].number, others

    def fields(self, start: int) -> tuple[list[tuple[str, str, int]], int]:
        """The header fields from line index ``start``; returns them and where the body starts."""
        found: list[tuple[str, str, int]] = []
        index = start
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            if not line.clean and found:
                after = next((n for n in lines[index:] if n.clean), None)
                if after is not None and _is_known_field(after):
                    index += 1
                    continue
            field = _field_of(line) if line.clean else None
            if field is None or (not found and field[0] not in _LABELS.values()):
                break
            parts = [field[1]] if field[1] else []
            index += 1
            while index < len(lines):
                follow = lines[index]
                if not follow.clean or _field_of(follow) is not None:
                    break
                if _NUMBERED.match(follow.text) or _marker(follow.text):
                    break
                if follow.text.lstrip().startswith("#"):
                    break
                if not follow.text[:1].isspace() and parts and _ENDS_SENTENCE.search(parts[-1]):
                    break
                parts.append(follow.clean)
                index += 1
            found.append((field[0], " ".join(parts), line.number))
        return found, index

    def body(self, start: int) -> tuple[list[AgendaItem], list[Decision]]:
        lines = self.lines[start:]
        in_zone = self.zones(lines)
        use_zone = any(in_zone[i] for i, line in enumerate(lines) if _marker(line.text))
        items: list[_Item] = []
        pending: list[_Pending] = []
        current_decision: _Pending | None = None
        suspended: _Pending | None = None  # a decision whose sub-list a blank line may pause
        previous: tuple[str, int] | None = None  # the kind and place of the last decision
        for i, line in enumerate(lines):
            if not line.clean:
                if current_decision is not None and current_decision.opens_list():
                    suspended = current_decision
                current_decision = None
                continue
            parent, suspended = current_decision or suspended, None
            if (m := _NUMBERED.match(line.text)) and not line.text.lstrip().startswith("- ("):
                current_decision = None
                rest = (m["rest"] or "").strip()
                is_heading = bool(m["hashes"]) or (bool(m["bold"]) and rest.endswith("**"))
                if is_heading:
                    items.append(
                        _Item(ref=m["ref"], title=_trim(rest.strip("*# ")), line=line.number)
                    )
                else:
                    items.append(_Item(ref=m["ref"], title="", line=line.number, texts=[rest]))
                continue
            if parent is not None and (numeral := _sub_item(parent, lines, i)) is not None:
                parent.items.append([line.clean])
                parent.numeral = numeral or parent.numeral
                current_decision = parent
                continue
            lettered = _marker(line.text)
            if lettered and (in_zone[i] or not use_zone):
                previous = _ordinal(lettered[0], previous)
                current_decision = _Pending(
                    ref=f"{lettered[0]})",
                    line=line.number,
                    texts=[lettered[1]],
                    kind=previous,
                    indent=_indent(line.text),
                )
                pending.append(current_decision)
                continue
            if current_decision is not None and not line.text.lstrip().startswith("#"):
                if unread := _UNREAD_MARKER.match(line.text):
                    self.problem(
                        "GT350",
                        f"{unread['marker']!r} starts a line inside decision "
                        f"{current_decision.ref} but is not read as a decision of its own "
                        "(letters, and Roman numerals i to xx, are); kept in its text",
                        line.number,
                        Severity.WARNING,
                    )
                if current_decision.items:
                    current_decision.items[-1].append(line.clean)
                else:
                    current_decision.texts.append(line.clean)
                continue
            text = _heading_text(line.text) if line.text.lstrip().startswith("#") else line.clean
            if bullet := BULLET.match(line.text):
                text = "• " + bullet["text"].strip()
            if not items:
                items.append(_Item(ref="", title="", line=line.number))
            items[-1].texts.append(text)
        agenda = [
            AgendaItem(
                ref=item.ref,
                title=item.title,
                text="\n".join(part for part in item.texts if part),
                origin=self.where(item.line),
            )
            for item in items
        ]
        decisions = [self.decision(entry) for entry in pending]
        self.check_letters(pending)
        return agenda, decisions

    def zones(self, lines: list[Line]) -> list[bool]:
        """For each body line, whether it sits in a decisions section."""
        flags: list[bool] = []
        active = False
        for line in lines:
            m = _NUMBERED.match(line.text)
            if m or line.text.lstrip().startswith("#"):
                active = bool(_DECISIONS_CUE.search(line.text))
            elif line.clean and not _marker(line.text) and _DECISIONS_CUE.search(line.text):
                active = True
            flags.append(active)
        return flags

    def decision(self, entry: _Pending) -> Decision:
        # The decision's sentence, then each item of its sub-list on a line of its own.
        parts = [entry.texts, *entry.items]
        segments = [" ".join(part for part in lines if part).strip() for lines in parts]
        text = "\n".join(segment for segment in segments if segment)
        text = re.sub(r"(?:[;,]\s{0,3})?(?:\band\b|\bor\b)?\s{0,3}[;,]?$", "", text).strip()
        # The first deadline, looked for in one line at a time (a date never runs on
        # from one sub-item into the next).
        segments = text.split("\n")
        dayfirst = self.dayfirst
        due = next(filter(None, (deadline_in(s, dayfirst=dayfirst) for s in segments)), None)
        due_text = ""
        unread = (
            next(filter(None, (unread_deadline_in(s, dayfirst=dayfirst) for s in segments)), None)
            if due is None
            else None
        )
        if unread is not None:
            due_text, reason = unread
            self.problem(
                "GT349",
                f"decision {entry.ref}: cannot read its deadline {due_text!r}: {reason}; "
                "kept as text",
                entry.line,
                Severity.WARNING,
            )
        return Decision(
            ref=entry.ref,
            text=text,
            responsible=responsible_in(text),
            due=due,
            due_text=due_text,
            deemed_consent=is_deemed_consent(text),
            origin=self.where(entry.line),
        )

    def check_letters(self, pending: list[_Pending]) -> None:
        """Report a list with no decisions, a letter or numeral skipped or repeated (GT347),
        and a decision whose line holds the next item of its list (GT350)."""
        if not pending:
            self.problem(
                "GT343",
                "no lettered list of decisions (a), b), …) was found",
                None,
                Severity.WARNING,
            )
            return
        previous: tuple[str, int] | None = None
        previous_ref = ""
        for entry in pending:
            kind, place = _ordinal(entry.ref[:-1], previous)
            expected = previous[1] + 1 if previous is not None and kind == previous[0] else 1
            if previous is not None and place != expected:
                self.problem(
                    "GT347",
                    f"decision {entry.ref} follows {previous_ref}: a {kind} is missing or repeated",
                    entry.line,
                    Severity.WARNING,
                )
            self.check_run_together(entry, kind, place)
            previous, previous_ref = (kind, place), entry.ref

    def check_run_together(self, entry: _Pending, kind: str, place: int) -> None:
        """Report (GT350) a decision whose first line holds the next item of its list."""
        token = _next_token(kind, place)
        if token is None or not entry.texts:
            return
        dotted = rf"|{token}\." if kind == "numeral" else ""
        found = re.search(rf"(?<!\S)(?:\({token}\)|{token}\){dotted})(?=\s)", entry.texts[0])
        if found is not None:
            self.problem(
                "GT350",
                f"decision {entry.ref} holds {found.group()!r}, which looks like the next "
                "item on the same line; not split, kept in its text",
                entry.line,
                Severity.WARNING,
            )

    def meeting(
        self,
        *,
        title: str,
        organiser: str,
        values: dict[str, tuple[str, int]],
        extra: dict[str, str],
        agenda: list[AgendaItem],
        decisions: list[Decision],
        title_line: int | None,
    ) -> Meeting:
        when_text, when_line = values.get("date", ("", None))
        time_text, _ = values.get("time", ("", None))
        date = None
        if when_text:
            day = find_day(when_text, dayfirst=self.dayfirst)
            if day is None:
                unread = unread_day(when_text, dayfirst=self.dayfirst)
                why = f"; {unread[0]!r}: {unread[1]}" if unread is not None else ""
                self.problem(
                    "GT341",
                    f"cannot read the meeting's date in {when_text!r}{why}",
                    when_line,
                    Severity.WARNING,
                )
            else:
                date = day.start
        full_when = " ".join(part for part in (when_text, time_text) if part)
        starts, ends = time_span(full_when)
        if (
            full_when
            and starts is None
            and re.search(r"\d[.:]\d\d|\b[ap]\.?m\b", full_when, re.IGNORECASE)
        ):
            self.problem(
                "GT342", f"cannot read the time span in {full_when!r}", when_line, Severity.INFO
            )
        venue, _ = values.get("venue", ("", None))
        chair, _ = values.get("chair", ("", None))
        participants, _ = values.get("participants", ("", None))
        first = title_line or when_line or (self.lines[0].number if self.lines else 1)
        return Meeting(
            title=title,
            organiser=organiser,
            date=date,
            starts=starts,
            ends=ends,
            when_text=full_when,
            venue=_trim(venue),
            chair=tuple(_trim(part) for part in re.split(r";\s{0,3}", chair) if _trim(part)),
            participants=tuple(
                _trim(part) for part in re.split(r";\s{0,3}", participants) if _trim(part)
            ),
            agenda=tuple(agenda),
            decisions=tuple(decisions),
            extra=extra,
            origin=self.where(first),
        )

    def check_end(self) -> None:
        last = next((line for line in reversed(self.lines) if line.clean), None)
        if last is not None and not _ENDS_SENTENCE.search(last.clean):
            self.problem(
                "GT344",
                f"the text ends mid-sentence ({last.clean[-40:]!r}): it may be truncated",
                last.number,
                Severity.WARNING,
            )
