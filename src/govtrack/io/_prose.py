"""Reading facts out of prose: days, time spans, deadlines, responsible parties.

Shared by the text readers of meeting records and progress reports. Every
pattern here is bounded or anchored so that no input makes it backtrack
catastrophically; every function returns None (or an empty value) rather
than raising when the prose says nothing it can read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from govtrack._errors import AmbiguousDateError, DueParseError
from govtrack.io._files import normalise_newlines
from govtrack.model.dates import Due, Precision, parse_due

__all__ = [
    "ANSWER",
    "BULLET",
    "HONORIFIC",
    "QUESTION",
    "YES_NO_START",
    "Line",
    "date_after",
    "deadline_in",
    "ends_a_semicolon_list",
    "ends_in_abbreviation",
    "find_day",
    "is_deemed_consent",
    "lines_of",
    "names_a_day",
    "no_party_word",
    "read_day",
    "responsible_in",
    "split_page_mark",
    "squash",
    "time_span",
    "unread_after",
    "unread_day",
    "unread_deadline_in",
]

BULLET = re.compile(r"^\s{0,12}[•◦▪‣●○■□·*\-–]\s+(?P<text>\S.*)$")
"""A bulleted line: ``•``, ``-``, ``*``, ``–`` and kin, then a space."""


QUESTION = re.compile(
    r"^\s{0,8}(?:\d{1,2}[.)][\s\u00a0]{1,12})?(?P<question>[^?\n]{3,600}\?)(?P<rest>.*)$"
)
"""A question, numbered or not (``1. Does the group have the staff it needs?``), and the
text after its ``?`` (``rest``): the readers of progress reports find yes/no questions by it."""
YES_NO_START = re.compile(
    r"^(?:if\b[^,]{0,200},\s{0,3})?(?:are|is|does|do|has|have|was|were|can|could|will|would"
    r"|did|should|shall|may)\b",
    re.IGNORECASE,
)
"""The start of a question answered yes or no (``Does …``, ``If not, has …``)."""
ANSWER = re.compile(r"^\W{0,3}(?P<word>yes|no)\b", re.IGNORECASE)
"""An answer's ``yes`` or ``no`` (``word``) at the start of its text."""


_NOT_A_NAME = (
    r"(?:Directorate|Department|Secretariat|Ministry|Office|Division|Unit|Assembly|Council"
    r"|Committee|Board|Agency|Authority|Commission|Services?|Hospital|Inspectorate"
    r"|Administration|Management|Manager|Secretary|Headquarters|Staff|Command|Affairs"
    r"|Education|Engineering)\b"
)
"""A word after ``Gen.``, ``Eng.`` and kin that makes them no title but a short word of an
office's name (``Gen. Directorate of Planning``)."""

_SURNAME_TITLES = "Eng|Engr|Amb|Rev|Gen|Col|Capt|Sen"
"""Titles that are also surnames or words (``Amartya Sen``, ``Col``): titles only before a
name (:func:`ends_in_abbreviation`)."""
_TITLES = r"Mr|Ms|Mrs|Miss|Dr|Prof|Professor|H\.\s?E|Hon|Honou?rable|Sir|Dame|" + _SURNAME_TITLES

HONORIFIC = r"(?:Rt\.?\s{1,2}Hon|" + _TITLES + r")\.?\s(?!" + _NOT_A_NAME + ")"
"""The pattern of a title that starts a person's name (``Eng.``, ``Hon.``, ``Rt. Hon.``,
``H.E.``, ``Ms``), then a space, and no word of an office's name (``Gen. Directorate``); the
readers of meeting records find names by it."""

_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Hon|Rt|St|No|Nos|Co|Ltd|Inc|Jr|Sr|vs|etc|e\.g|i\.e"
    r"|Lt|Maj|Brig|Fr|Sgt|Supt|Insp)|\b[A-Z])\.$"
)
_TITLE_OR_NAME = re.compile(r"(?:^|(?P<before>\S+)\s{1,3})(?P<title>" + _SURNAME_TITLES + r")\.$")
"""A title that is also a surname or a word (``Amartya Sen.``, ``Col.``), with the word
before it."""
_TITLE_WORD = re.compile(
    r"(?:" + _TITLES + r"|Rt"
    # a rank or grade that a title follows (Chief Eng., Major Gen., Most Rev., Lt. Col.)
    r"|Chief|Senior|Principal|Deputy|Assistant|Major|Lieutenant|Lt|Brig|Brigadier|Maj"
    r"|Most|Very|Right)\.?"
)


def ends_in_abbreviation(text: str) -> bool:
    """Whether the full stop ending ``text`` is an abbreviation's, not a sentence's: a title
    (``Dr.``, ``Hon.``, ``Rt.``), an initial (``J.``) or a short form (``No.``, ``etc.``).

    A title that is also a surname or a word (``Eng.``, ``Gen.``, ``Col.``, ``Sen.``,
    ``Amb.``, ``Rev.``, ``Capt.``, ``Engr.``) is one only where it comes before a name: at
    the start, or after a lower-case word (``by``, ``and``), a comma or another title; after
    a capitalised word it ends a name and the sentence (``Dr. Amartya Sen.``). Give the text
    with the words before the full stop (40 characters are plenty).

    >>> ends_in_abbreviation("chaired by Eng."), ends_in_abbreviation("by the engineers.")
    (True, False)
    >>> ends_in_abbreviation("by Dr. Amartya Sen."), ends_in_abbreviation("Health, Gen.")
    (False, True)
    >>> ends_in_abbreviation("by Chief Eng."), ends_in_abbreviation("by the Most Rev.")
    (True, True)
    """
    tail = text[-40:]
    if _ABBREVIATION.search(tail):
        return True
    m = _TITLE_OR_NAME.search(tail)
    if m is None:
        return False
    before = m["before"] or ""
    return not (before[:1].isupper() and before[-1:].isalnum()) or bool(
        _TITLE_WORD.fullmatch(before)
    )


@attrs.frozen
class Line:
    """One line of the source with its 1-based number."""

    number: int
    text: str

    @property
    def clean(self) -> str:
        """The text with no-break spaces as spaces, runs of spaces squashed, trimmed."""
        return squash(self.text)


def tail(text: str, most: int = 40) -> str:
    """The last words of ``text``, at most ``most`` characters from a word's start, with
    ``…`` before them when words are left out: what a message about the end quotes.

    >>> tail("The Finance Section to report on spending by 30 April 2024")
    '… to report on spending by 30 April 2024'
    >>> tail("short text")
    'short text'
    """
    if len(text) <= most:
        return text
    cut = text[-most:]
    if not text[-most - 1].isspace():
        _, space, rest = cut.partition(" ")
        cut = rest if space and rest else cut
    return f"… {cut.lstrip()}"


def lines_of(text: str) -> list[Line]:
    r"""Split a text into numbered lines (BOM dropped, CRLF and CR read as LF).

    >>> [(line.number, line.text) for line in lines_of("\ufeffa\r\nb")]
    [(1, 'a'), (2, 'b')]
    """
    return [
        Line(number, text) for number, text in enumerate(normalise_newlines(text).split("\n"), 1)
    ]


_PAGE_MARK_END = re.compile(
    r"(?:^|(?P<space>\s+))(?P<mark>(?:page|p\.)\s{0,3}\d{1,4}(?:\s{0,3}(?:of|/)\s{0,3}\d{1,4})?"
    r"|[-\u2013\u2014]\s{0,3}\d{1,4}\s{0,3}[-\u2013\u2014]|\d{1,4}\s{0,3}/\s{0,3}\d{1,4})\s*$",
    re.IGNORECASE,
)


def split_page_mark(text: str) -> tuple[str, str]:
    """A line's text with the page mark at its end left out, and that mark (``""`` when it
    has none): ``Page 1 of 2``, ``Page 3``, ``p. 3``, or, after two spaces or a tab (or
    alone on the line), ``- 2 -`` and ``1/2``, as a page header repeats them.

    >>> split_page_mark("WORKING GROUP ON DATA          Page 1 of 2")
    ('WORKING GROUP ON DATA', 'Page 1 of 2')
    >>> split_page_mark("STEERING PANEL  - 2 -"), split_page_mark("Minutes 2024/25")
    (('STEERING PANEL', '- 2 -'), ('Minutes 2024/25', ''))

    Figures that cannot be pages are kept: a fiscal year or a meeting's number (``Annual
    Review  2024/25``, ``STEERING COMMITTEE  3/2024``), a page past the pages (``3/2``).

    >>> split_page_mark("Annual Review  2024/25"), split_page_mark("COMMITTEE\t3/2024")
    (('Annual Review  2024/25', ''), ('COMMITTEE\t3/2024', ''))
    """
    found = _PAGE_MARK_END.search(text)
    if found is None:
        return text, ""
    mark, space = found["mark"], found["space"] or ""
    if not mark[:1].isalpha() and (
        (found.start() > 0 and len(space) < 2 and "\t" not in space) or not _plausible_pages(mark)
    ):
        return text, ""
    return text[: found.start()].rstrip(), mark.strip()


_PAGES_MAX = 999


def _plausible_pages(mark: str) -> bool:
    """Whether the figures of a mark with no ``Page`` (``1/2``, ``- 2 -``) may be page
    numbers: none year-like (``2024/25``, ``3/2024``), none over 999, the page no more than
    the pages (``3/2`` is not)."""
    numbers = [int(figures) for figures in re.findall(r"\d+", mark)]
    if any(n > _PAGES_MAX or re.fullmatch(r"(?:19|20)\d\d", str(n)) for n in numbers):
        return False
    return len(numbers) < 2 or numbers[0] <= numbers[1]


_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u3000]+")


def squash(text: str) -> str:
    """Squash runs of whitespace (no-break spaces included) to one space and trim.

    >>> squash(" a\u00a0\u00a0 b ")
    'a b'
    """
    return _SPACES.sub(" ", text).strip()


# ---------------------------------------------------------------------------
# Days

_DAY_CANDIDATES = (
    re.compile(
        r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s{1,3}of)?[\s-]{1,3}[A-Za-z]{3,9}\.?,?[\s-]{1,3}\d{4}\b"
    ),
    re.compile(r"\b[A-Za-z]{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}\b"),
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b"),
)


def read_day(text: str, *, dayfirst: bool | None = None) -> Due | None:
    """The day a whole text names (``20 June 2017``, ``Date: 2019-04-23``), or None.

    An all-numeric day that reads two ways (``03/04/2023``) is None unless ``dayfirst``
    says which order the source uses; :func:`unread_day` says why.
    """
    body = _day_body(text)
    if body is None:
        return None
    try:
        due = parse_due(body, dayfirst=dayfirst)
    except DueParseError:
        return None
    return due if due.precision is Precision.DAY else None


def names_a_day(text: str) -> bool:
    """Whether a whole text names a day in some order (``03/04/2023``, ``04/13/2023``).

    >>> names_a_day("03/04/2023"), names_a_day("04/13/2023"), names_a_day("Room 4")
    (True, True, False)
    """
    return read_day(text, dayfirst=True) is not None or read_day(text, dayfirst=False) is not None


def _day_body(text: str) -> str | None:
    body = squash(text).strip(" .,;")
    body = re.sub(r"^(?:date|held on|on)\s{0,3}:?\s{0,3}", "", body, flags=re.IGNORECASE)
    if not body or len(body) > 40 or not any(char.isdigit() for char in body):
        return None
    return body


def _day_candidates(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for pattern in _DAY_CANDIDATES:
        found.extend((m.start(), m.group()) for m in pattern.finditer(text))
    return [candidate for _, candidate in sorted(found)]


def find_day(text: str, *, dayfirst: bool | None = None) -> Due | None:
    """The first day named anywhere in a text, or None.

    An all-numeric day that reads two ways is passed over unless ``dayfirst`` says
    which order the source uses.

    >>> find_day("23 April 2019, 02.00-04.30 PM.").start
    datetime.date(2019, 4, 23)
    >>> find_day("Held on 03/04/2023.") is None
    True
    >>> find_day("Held on 03/04/2023.", dayfirst=True).start
    datetime.date(2023, 4, 3)
    """
    for candidate in _day_candidates(text):
        try:
            due = parse_due(candidate, dayfirst=dayfirst)
        except DueParseError:
            continue
        if due.precision is Precision.DAY:
            return due
    return None


def unread_day(text: str, *, dayfirst: bool | None = None) -> tuple[str, str] | None:
    """The first day in a text that reads in some order but not as ``dayfirst`` says, and
    why; or None.

    What :func:`find_day` passes over: with ``dayfirst`` None, an all-numeric day that
    reads two ways; with ``dayfirst=False``, a day such as ``13/04/2023``.

    >>> day, why = unread_day("Date: 03/04/2023, 10 am")
    >>> day, why.startswith("it reads as 2023-04-03 (day first) or 2023-03-04 (month first)")
    ('03/04/2023', True)
    >>> unread_day("Date: 31/03/2023") is None
    True
    """
    for candidate in _day_candidates(text):
        why = _refusal(candidate, dayfirst)
        if why is not None and (
            _is_day(candidate, dayfirst=True) or _is_day(candidate, dayfirst=False)
        ):
            return candidate, why
    return None


def _refusal(text: str, dayfirst: bool | None) -> str | None:
    """Why parse_due refuses a text, or None when it reads."""
    try:
        parse_due(text, dayfirst=dayfirst)
    except DueParseError as error:
        return error.reason
    return None


def _is_day(text: str, *, dayfirst: bool) -> bool:
    try:
        return parse_due(text, dayfirst=dayfirst).precision is Precision.DAY
    except DueParseError:
        return False


# ---------------------------------------------------------------------------
# Time spans

_MERIDIEM = r"[ap]\.?\s?m\.?(?![A-Za-z])"
_TIME_SPAN = re.compile(
    r"(?<![\d.:/])(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s{0,3}(?P<p1>" + _MERIDIEM + r")?"
    r"\s{0,3}(?:-|–|—|to|until|till)\s{0,3}"
    r"(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?\s{0,3}(?P<p2>" + _MERIDIEM + r")?(?![\d.:]\d)",
    re.IGNORECASE,
)
_TIME_ONE = re.compile(
    r"(?<![\d.:/])(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s{0,3}(?P<p1>"
    + _MERIDIEM
    + r")?(?![\d.:]\d)",
    re.IGNORECASE,
)


_NOON = 12


def _clock(hour: int, minute: int, meridiem: str | None) -> dt.time | None:
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def time_span(text: str) -> tuple[dt.time | None, dt.time | None]:
    """The start and end times a text gives, either or both None.

    A meridiem written only after the second time applies to both, unless
    that would put the start after the end (``11.00-1.00 PM`` starts at 11);
    a span ending at ``12.00 AM`` after a morning start ends at noon, as meant.

    >>> time_span("23 April 2019, 02.00-04.30 PM.")
    (datetime.time(14, 0), datetime.time(16, 30))
    >>> time_span("10 am to 12 pm")
    (datetime.time(10, 0), datetime.time(12, 0))
    >>> time_span("09.30-12.00 AM")
    (datetime.time(9, 30), datetime.time(12, 0))
    >>> time_span("14:00–16:30")
    (datetime.time(14, 0), datetime.time(16, 30))
    >>> time_span("16:00–09:00")  # past midnight, or swapped: kept (validate's GT115 asks)
    (datetime.time(16, 0), datetime.time(9, 0))
    """
    for m in _TIME_SPAN.finditer(text):
        p1, p2 = m["p1"], m["p2"]
        if not (m["m2"] or p2) or not (m["m1"] or p1 or p2):
            continue
        h1, h2 = int(m["h1"]), int(m["h2"])
        m1, m2 = int(m["m1"] or 0), int(m["m2"] or 0)
        end = _clock(h2, m2, p2)
        start = _clock(h1, m1, p1 or p2)
        if p1 is None and p2 is not None and start is not None and end is not None and start > end:
            start = _clock(h1, m1, "am")
        if (
            start is not None
            and end is not None
            and start > end
            and h2 == _NOON
            and (p2 or "").lower().startswith("a")
        ):
            end = dt.time(_NOON, m2)  # "09.30-12.00 AM": a morning that ends at noon
        if start is not None and end is not None:
            # A span that ends before it starts (22:00-01:00, or 16:00-09:00 swapped) is
            # kept as written: validate's GT115 asks which.
            return start, end
    for m in _TIME_ONE.finditer(text):
        if not (m["m1"] or m["p1"]):
            continue
        start = _clock(int(m["h1"]), int(m["m1"] or 0), m["p1"])
        if start is not None:
            return start, None
    return None, None


# ---------------------------------------------------------------------------
# Deadlines and parties in a sentence

_DUE_CUE = re.compile(
    r"\b(?:by|before|until|till|no later than|not later than|on or before|deadline:?|due:?)\s{1,3}",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\S+")


_JOINS = frozenset({"and", "or", "at", "on", "of", "to", "the", "in", "by", "for", "with"})
"""Words a date never ends with, which dateutil passes over: ``by 30 June 2023 and reply``
names ``30 June 2023``, not ``30 June 2023 and``."""


def _candidates(rest: str) -> Iterator[str]:
    tokens = _TOKEN.findall(rest[:80])[:7]
    for size in range(len(tokens), 0, -1):
        candidate = " ".join(tokens[:size]).rstrip(".,;:)]'\"")
        if tokens[size - 1].rstrip(".,;:)]'\"").lower() in _JOINS:
            continue
        if any(char.isdigit() for char in candidate):
            yield candidate


def date_after(text: str, cue: re.Pattern[str], *, dayfirst: bool | None = None) -> Due | None:
    """The first deadline or span that follows a match of ``cue`` in ``text``, or None.

    The longest readable run of up to seven words after the cue wins, so a
    range (``October 2007 to February 2008``) beats its first month. An all-numeric
    day that reads two ways (``03/04/2023``) is not read unless ``dayfirst`` says
    which order the source uses.

    >>> date_after("during the period October 2007 to February 2008 and after",
    ...            re.compile(r"period\\s")).text
    'October 2007 to February 2008'
    """
    for found in cue.finditer(text):
        for candidate in _candidates(text[found.end() : found.end() + 80]):  # no copy of the rest
            if (due := _due_or_none(candidate, dayfirst)) is not None:
                return due
    return None


def _due_or_none(text: str, dayfirst: bool | None) -> Due | None:
    try:
        return parse_due(text, dayfirst=dayfirst)
    except DueParseError:
        return None


def deadline_in(text: str, *, dayfirst: bool | None = None) -> Due | None:
    """The deadline a sentence names after "by", "before", "no later than"…, or None.

    The Due's text is the date as written, without the cue word. An all-numeric day
    that reads two ways is read only as ``dayfirst`` says.

    >>> deadline_in("Each ministry will send comments by 05 May 2019;").text
    '05 May 2019'
    >>> deadline_in("Send the soft copy by email") is None
    True
    >>> deadline_in("Comments by 03/04/2023.") is None
    True
    >>> deadline_in("Comments by 03/04/2023.", dayfirst=True).start
    datetime.date(2023, 4, 3)
    """
    return date_after(text, _DUE_CUE, dayfirst=dayfirst)


def ends_a_semicolon_list(last: str, before: str | None, *, dayfirst: bool | None) -> bool:
    """Whether a text's ``last`` line, with no full stop, is the whole last item of a list
    whose items end with ``;`` (the line ``before`` it does) because it ends with a
    deadline's date that reads: such a list often leaves its last item with no stop, and a
    whole date at the end is unlikely to be a cut. The minutes (GT344) and the meeting
    report (GT363) then report no truncated end.

    >>> ends_a_semicolon_list("b) HR to pay by 30 April 2024", "a) Pay;", dayfirst=None)
    True
    >>> ends_a_semicolon_list("b) HR to pay by 30/04/20", "a) Pay;", dayfirst=None)
    False
    >>> ends_a_semicolon_list("b) HR to pay by 30 April 2024", "a) Pay.", dayfirst=None)
    False
    """
    if before is None or not before.rstrip().endswith(";"):
        return False
    due = deadline_in(last, dayfirst=dayfirst)
    return due is not None and last.rstrip().endswith(due.text)


def unread_deadline_in(text: str, *, dayfirst: bool | None = None) -> tuple[str, str] | None:
    """The date-like words after a deadline cue that no shape reads, and why; None when
    there are none (or a deadline was read).

    >>> unread_deadline_in("The unit will publish the plan by 2011/12.")
    ('2011/12', 'it reads as Dec 2011 or as the years 2011–2012; write Dec 2011 or 2011–2012')
    >>> unread_deadline_in("Comments by 05 May 2019.") is None
    True
    >>> unread_deadline_in("Comments by 03/04/2023.")[0]
    '03/04/2023'
    """
    if deadline_in(text, dayfirst=dayfirst) is not None:
        return None
    return unread_after(text, _DUE_CUE, dayfirst=dayfirst)


def unread_after(
    text: str, cue: re.Pattern[str], *, dayfirst: bool | None = None
) -> tuple[str, str] | None:
    """The date-like words after ``cue`` that no shape reads, and why; or None.

    An all-numeric day that reads two ways is given with the words around it that
    would make a span (``01/03/2021 to 03/06/2021``: an end that reads one way only, as
    ``30/06/2021``, settles both, and the span reads); a day that does not exist is given
    whole, with parse_due's reason; anything else is the first word after the cue. Call it
    when :func:`date_after` found nothing.

    >>> unread_after("the period 01/02/2021 to 03/06/2021.", re.compile(r"period\\s"))[0]
    '01/02/2021 to 03/06/2021'
    >>> unread_after("the period 31 June 2023.", re.compile(r"period\\s"))
    ('31 June 2023', 'there is no day 31 in Jun 2023; it has 30 days')
    """
    for found in cue.finditer(text):
        rest = text[found.end() : found.end() + 80]  # what _candidates reads: no copy of the rest
        impossible: tuple[str, str] | None = None
        for candidate in _candidates(rest):
            if len(candidate.split()) > _DAY_WORDS:
                continue
            try:
                parse_due(candidate, dayfirst=dayfirst)
            except AmbiguousDateError as error:
                if len(candidate.split()) <= _SPAN_WORDS:
                    return candidate, error.reason
            except DueParseError as error:
                if impossible is None and error.reason != _NO_SHAPE:
                    impossible = candidate, error.reason
        if impossible is not None:
            return impossible
        tokens = _TOKEN.findall(rest[:80])[:1]
        candidate = tokens[0].rstrip(".,;:)]'\"") if tokens else ""
        if any(char.isdigit() for char in candidate):
            try:
                parse_due(candidate, dayfirst=dayfirst)
            except DueParseError as error:
                return candidate, error.reason
    return None


_SPAN_WORDS = 3
"""The most words an unread ambiguous span takes: ``01/03/2021 to 30/06/2021``."""
_DAY_WORDS = 4
"""The most words an unread day takes: ``31st of June 2023``."""
_NO_SHAPE = _refusal("?!", None)
"""Why parse_due refuses words of no date's shape; any other reason names what is wrong
with a date (``31 June 2023``: June has 30 days)."""


_DEEMED = re.compile(r"\bdeemed\b", re.IGNORECASE)
_SILENCE = re.compile(
    r"\b(?:if no|if there is no|if there are no|unless|failing|in the absence of|absent any"
    r"|in case no|should no|where no|when no)\b",
    re.IGNORECASE,
)
_NOT_ACTED_ON = re.compile(
    r"\bnot\s{1,3}(?:\w{1,20}\s{1,3}){0,3}?(?:within|by|before|until|in\s{1,3}time)\b",
    re.IGNORECASE,
)
"""Silence told by the thing not acted on in time: ``Any revision not commented on within 10
days``, ``Decisions not objected to by 1 May 2024``."""
_TAKEN_AS = re.compile(
    r"\b(?:considered|taken|treated|regarded|assumed|understood)\s{1,3}(?:as\s{1,3}|to\s{1,3})?"
    r"(?:have\s{1,3}|having\s{1,3}|be\s{1,3}|been\s{1,3})?(?:given\s{1,3}|received\s{1,3})?"
    r"(?:consent|consented|agreed|accepted|approved|adopted|endorsed|cleared|validated"
    r"|confirmed|final|no objection)\b",
    re.IGNORECASE,
)
"""The outcome a rule gives by silence: ``considered approved``, ``taken as adopted``,
``treated as having been accepted``, ``regarded as endorsed``."""


def is_deemed_consent(text: str) -> bool:
    """Whether a decision is a rule that resolves by silence (deemed consent): ``deemed``, or
    an outcome taken as given (``considered``, ``taken as``, ``treated as``, ``regarded
    as`` … ``approved``, ``adopted``, ``accepted``, ``endorsed``) when silence settles it
    (``if no``, ``unless``, ``failing``; or the thing ``not commented on within 10 days``).

    >>> is_deemed_consent("If no comment arrives by 1 May 2020 the plan is deemed accepted.")
    True
    >>> is_deemed_consent("Unless objections are raised before 3 June 2021, the draft "
    ...                   "will be considered approved.")
    True
    >>> is_deemed_consent("Any revision not commented on within 10 days will be considered "
    ...                   "approved.")
    True
    >>> is_deemed_consent("If no objection is raised by 1 May 2024, the plan shall be "
    ...                   "treated as adopted.")
    True
    >>> is_deemed_consent("The secretariat will circulate the draft.")
    False
    >>> is_deemed_consent("The plan will be considered approved once the Board signs it.")
    False
    """
    if _DEEMED.search(text):
        return True
    silent = _SILENCE.search(text) or _NOT_ACTED_ON.search(text)
    return bool(silent and _TAKEN_AS.search(text))


_SUBJECT = re.compile(
    r"^(?P<subject>[^,;:()\n]{2,80}?)\s{1,3}"
    r"(?P<link>will|shall|must|should|would|is to|are to|has to|have to|to"
    r"|(?:is|are|was|were) (?:requested|expected|asked|invited) to|agreed to|undertook to)"
    r"\s{1,3}(?P<verb>[^\s,;:.]+)",
    re.IGNORECASE,
)
_NOT_A_PARTY = {
    "if",
    "when",
    "whenever",
    "unless",
    "in",
    "once",
    "after",
    "before",
    "where",
    "should",
    "there",
    "it",
    "this",
    "these",
    "that",
    "those",
    "as",
    "for",
    "with",
    "on",
    "no",
    "any",
}
_NOT_A_VERB = {"be", "been", "being", "the", "a", "an", "all", "each", "this", "that", "its"}
_PRONOUNS = frozenset({"it", "this", "these", "that", "those", "there", "any"})
"""The words of :data:`_NOT_A_PARTY` that stand for a thing, not open a clause: in capitals
one is a unit's acronym (``IT``)."""


def no_party_word(word: str, words: list[str], never: frozenset[str] | set[str]) -> bool:
    """Whether ``word``, the first of a subject's ``words``, is one of ``never``, the words
    that name no party (``If``, ``It``, ``There``), as written: case matters for a pronoun,
    which in capitals is a unit's acronym (``IT will …``, like ``HR`` or ``ICT``) unless
    every word of the subject is in capitals too (``THIS PLAN WILL …`` is shouted).

    >>> never = {"it", "if"}
    >>> no_party_word("It", ["It", "will"], never), no_party_word("IT", ["IT", "will"], never)
    (True, False)
    >>> no_party_word("IF", ["IF", "no"], never), no_party_word("IT", ["IT", "WILL"], never)
    (True, True)
    >>> no_party_word("IT", ["IT"], never)
    False
    """
    plain = word.strip(".,;:'\"’”()")
    if plain.lower() not in never:
        return False
    if plain.lower() not in _PRONOUNS or not plain.isupper():
        return True
    return len(words) > 1 and all(not any(c.islower() for c in other) for other in words)


_NAMED = re.compile(
    r"\b(?:responsible|lead|focal point|by whom)\s{0,3}:\s{0,3}"
    r"(?P<who>[^);\n]{2,80}(?:;[^);\n]{2,80}){0,7})(?P<close>\))?",
    re.IGNORECASE,
)
"""A party named after a label; in brackets, ``;`` separates several
(``(responsible: HR Unit; Finance Unit)``), outside them it may end the clause."""


def responsible_in(text: str) -> tuple[str, ...]:
    """The party a decision's sentence names as its subject, or ``()``.

    >>> responsible_in("Cabinet Division will send the draft by email;")
    ('Cabinet Division',)
    >>> responsible_in("Each ministry will review the plan")
    ('Each ministry',)
    >>> responsible_in("If no comment is received the plan is final")
    ()
    >>> responsible_in("The time line should be consistent with the plan")
    ()
    >>> responsible_in("Draft the plan (responsible: HR Unit; Finance Unit) by May 2023")
    ('HR Unit', 'Finance Unit')
    >>> responsible_in("Lead: HR Unit; the board will review it")
    ('HR Unit',)
    """
    if named := _NAMED.search(text):
        names = named["who"].split(";") if named["close"] else named["who"].split(";")[:1]
        return tuple(name for part in names if (name := part.strip(" .,")))
    m = _SUBJECT.match(squash(text))
    if m is None:
        return ()
    subject = m["subject"].strip()
    words = subject.split()
    sentence = squash(text).split()
    if not words or no_party_word(words[0], sentence, _NOT_A_PARTY) or len(words) > 8:
        return ()
    if m["verb"].lower() in _NOT_A_VERB:
        return ()
    if m["link"].lower() == "to" and len(words) > 6:
        return ()
    return (subject,)
