"""The controlled vocabularies: implementation status, schedule status, response category.

Each enum's ``parse`` maps the words real records use onto a member, after
folding case, spaces, hyphens and underscores, and returns None for a word it
does not know: the caller keeps that word as text and reports it; nothing is
guessed.
"""

from __future__ import annotations

import enum
import re
from typing import TypeVar

from govtrack._errors import AmbiguousDateError, DueParseError, WrongTypeError
from govtrack.model.dates import parse_due

__all__ = [
    "CATEGORY_SYNONYMS",
    "SCHEDULE_SYNONYMS",
    "STATUS_SYNONYMS",
    "ResponseCategory",
    "ScheduleStatus",
    "Severity",
    "Status",
]

_E = TypeVar("_E", bound=enum.Enum)


def _fold(word: str) -> str:
    """Fold a status word for lookup: case, spaces, punctuation.

    >>> _fold("  Over-due. ")
    'overdue'
    """
    return re.sub(r"[\s\-_.:;,'’/()]+", "", word.replace("\u00a0", " ").casefold())


def _lookup(table: dict[str, _E], word: str | None, name: str) -> _E | None:
    if type(word) is str or isinstance(word, str):
        return table.get(_fold(word))
    if word is None:
        return None
    raise WrongTypeError(
        f"{name}() takes a str (the source's word) or None, not {type(word).__name__} {word!r}"
    )


class Status(enum.Enum):
    """The implementation status of an action, recorded or effective.

    >>> Status.parse("Over due") is Status.OVERDUE
    True
    >>> Status.parse(" in PROGRESS ") is Status.ONGOING
    True
    >>> Status.parse("Stalled") is None
    True
    >>> Status.NO_LONGER_APPLICABLE.label
    'No longer applicable'
    """

    NOT_STARTED = "not_started"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    NO_LONGER_APPLICABLE = "no_longer_applicable"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        """The word a person writes in a status column."""
        return _STATUS_LABELS[self]

    @property
    def is_closed(self) -> bool:
        """Completed or no longer applicable: nothing more is owed."""
        return self is Status.COMPLETED or self is Status.NO_LONGER_APPLICABLE

    @classmethod
    def parse(cls, word: str | None) -> Status | None:
        """The status a word means, or None when the word is empty or unknown.

        Args:
            word: The source's word ("Over due", "Not Initiated", "Done", "N/A").

        Returns:
            The member, or None.

        A word is also read at the start of a longer cell when what follows it only
        dates it, measures it or repeats it, and is made of nothing but:

        - a date or period that names its year and that :func:`~govtrack.parse_due`
          reads, perhaps led in by ``in``, ``on``, ``by``, ``since``, ``as of`` or
          ``end of`` (``Completed in March 2023``, ``Completed - Sept 2022``,
          ``Done, 14/11/2022``); a fraction or a lone number is not a date
          (``Completed 3/5``, ``Open 3``), nor is a lead word with no date after it
          (``Completed by``);
        - a percentage the status allows: 100% after a completed status, 0% after a
          not-started one, 1% to 99% after an ongoing one, none after the others;
        - a word of the same status (``Completed/Closed``), ``yet``, punctuation;
        - a parenthetical that holds only these (``Completed (June 2022)``,
          ``Ongoing (80%)``); a parenthetical with any other word or number qualifies
          the status (``Completed (2 of 4 sites)``, ``Terminé (à confirmer)``,
          ``Cancelled (see comments)``).

        A list number before the word (``3. Completed``) is ignored. A word qualified
        by what follows (``Completed partially``, ``Completed? to be confirmed``) or by
        what precedes it (``Not completed``) is not read: nothing is guessed.

        >>> Status.parse("Not Initiated")
        <Status.NOT_STARTED: 'not_started'>
        >>> Status.parse("Completed (June 2022)")
        <Status.COMPLETED: 'completed'>
        >>> Status.parse("Ongoing (80%)")
        <Status.ONGOING: 'ongoing'>
        >>> print(Status.parse("Completed partially"), Status.parse("Not completed"))
        None None
        >>> print(Status.parse("Completed (2 of 4 sites)"), Status.parse("Ongoing (100%)"))
        None None
        """
        found = _lookup(_STATUS_WORDS, word, "Status.parse")
        if found is not None or not isinstance(word, str) or len(word) > _LONGEST_STATUS_CELL:
            return found
        return _leading_status(word)


_STATUS_LABELS = {
    Status.NOT_STARTED: "Not started",
    Status.ONGOING: "Ongoing",
    Status.COMPLETED: "Completed",
    Status.NO_LONGER_APPLICABLE: "No longer applicable",
    Status.OVERDUE: "Overdue",
}

STATUS_SYNONYMS: dict[Status, tuple[str, ...]] = {
    Status.NOT_STARTED: (
        "Not started",
        "Not yet started",
        "Not initiated",
        "Not yet initiated",
        "Pending",
        "Planned",
        "Open",
        "To do",
        # French, Spanish
        "Non commencé",
        "Non commence",
        "Pas commencé",
        "Non démarré",
        "Non demarre",
        "Pas encore commencé",
        "No iniciado",
        "No iniciada",
        "Sin iniciar",
        "No comenzado",
    ),
    Status.ONGOING: (
        "Ongoing",
        "On going",
        "On-going",
        "In progress",
        "Initiated",
        "Started",
        "Under way",
        "Underway",
        "Partially completed",
        "Partially implemented",
        "In process",
        "Work in progress",
        "On track",
        # French, Spanish
        "En cours",
        "En cours de réalisation",
        "En cours d'exécution",
        "Partiellement réalisé",
        "En curso",
        "En proceso",
        "En progreso",
        "En ejecución",
        "En ejecucion",
        "Parcialmente implementado",
    ),
    Status.COMPLETED: (
        "Completed",
        "Complete",
        "Done",
        "Closed",
        "Implemented",
        "Fully implemented",
        "Achieved",
        "Finished",
        # French, Spanish
        "Achevé",
        "Acheve",
        "Terminé",
        "Réalisé",
        "Mis en œuvre",
        "Clôturé",
        "Completado",
        "Completada",
        "Finalizado",
        "Finalizada",
        "Terminado",
        "Cumplido",
        "Implementado",
    ),
    Status.NO_LONGER_APPLICABLE: (
        "No longer applicable",
        "Not applicable",
        "N/A",
        "NA",
        "NLA",
        "No longer relevant",
        "Cancelled",
        "Canceled",
        "Withdrawn",
        # French, Spanish
        "Sans objet",
        "Non applicable",
        "Annulé",
        "Ya no aplica",
        "No aplica",
        "Cancelado",
    ),
    Status.OVERDUE: (
        "Overdue",
        "Over due",
        "Over-due",
        "Late",
        "Delayed",
        "Past due",
        # French, Spanish
        "En retard",
        "Retardé",
        "Retrasado",
        "Atrasado",
        "Vencido",
    ),
}
"""Every word :meth:`Status.parse` accepts, by member (compared after folding)."""

_STATUS_WORDS = {_fold(word): status for status, words in STATUS_SYNONYMS.items() for word in words}
_STATUS_WORDS.update({_fold(status.value): status for status in Status})

_NEAR_MIN = 5
"""Misspellings are looked for only among status words of this many letters or more (a
letter off ``Late``, ``Done`` or ``Open`` is another word: ``Date``, ``Gone``, ``Oven``)."""
_NEAR_WORDS = {word: status for word, status in _STATUS_WORDS.items() if len(word) >= _NEAR_MIN}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, dropped, added, or two neighbours
    swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1 or (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def fold_status_word(word: str) -> str:
    """A word as status words are compared: case, spaces and punctuation folded away."""
    return _fold(word)


_SPELLINGS = {
    _fold(word): word for words in reversed(STATUS_SYNONYMS.values()) for word in reversed(words)
}
"""Each folded status word as the synonyms first spell it (``pending`` is ``Pending``)."""


def near_status_word(word: str) -> str | None:
    """The status word (as :data:`STATUS_SYNONYMS` spells it) that a misspelt status word
    is one edit away from, when the words it is one edit from, of five letters or more,
    are all of one status (``Spending`` is near ``Pending``, a word for Not started); None
    for a known word, for anything further off, or for one near several statuses.

    >>> [near_status_word(word) for word in ("Ongiong", "Spending", "Not strated")]
    ['Ongoing', 'Pending', 'Not started']
    >>> print(near_status_word("Tender"), near_status_word("Ongoing"))
    None None
    """
    folded = _fold(word)
    if len(folded) < _NEAR_MIN - 1 or folded in _STATUS_WORDS:
        return None
    found = [known for known in _NEAR_WORDS if _one_edit(folded, known)]
    if len({_NEAR_WORDS[known] for known in found}) != 1:
        return None
    return _SPELLINGS.get(found[0], found[0])


def near_status(word: str) -> Status | None:
    """The status a misspelt status word was meant to be, when it is one edit away from
    exactly one status of five letters or more (``Ongiong``, ``Competed``, ``Not strated``);
    None for a known word, for anything further off, or for one near several statuses.
    :func:`near_status_word` gives the status word it is near.

    >>> [near_status(word).label for word in ("Ongiong", "Competed", "Not strated")]
    ['Ongoing', 'Completed', 'Not started']
    >>> print(near_status("Tender"), near_status("Ongoing"), near_status("Date"))
    None None None
    """
    known = near_status_word(word)
    return None if known is None else _STATUS_WORDS[_fold(known)]


_LONGEST_STATUS_CELL = 120
"""A longer status cell is prose: only a whole-cell word is read from it."""


def _phrase_pattern(word: str) -> str:
    """A synonym as a pattern that allows the spacing and punctuation folding ignores."""
    parts = [re.escape(part) for part in re.split(r"[\s\-_.:;,'’/()]+", word) if part]
    return r"[\s\-_./'’]*".join(parts)


_PHRASE_WORDS = sorted(
    {
        **{word: status for status, words in STATUS_SYNONYMS.items() for word in words},
        **{status.value: status for status in Status},
    }.items(),
    key=lambda item: -len(_fold(item[0])),
)
_STATUS_PHRASES = {
    first: re.compile(
        "|".join(
            f"(?P<s{n}>{_phrase_pattern(word)})"
            for n, (word, _) in enumerate(_PHRASE_WORDS)
            if word[0].casefold() == first
        ),
        re.IGNORECASE,
    )
    for first in {word[0].casefold() for word, _ in _PHRASE_WORDS}
}
"""The status words by first letter, each the longest first, so "Not started" beats "Not"."""
_PHRASE_STATUS = tuple(status for _, status in _PHRASE_WORDS)
_LIST_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s*(?=[^\W\d_])")
"""A list number before a status word (``3. Completed``)."""
_PERIOD_WORDS = frozenset({"late"})
"""Status words that also open a period (``late 2023``): read only as the whole cell."""
_PARENTHETICAL = re.compile(r"\(([^()]*)\)")
_STATUS_FIRST_WORDS = frozenset(
    re.split(r"[\s\-_.:;,'’/()]+", word.casefold())[0] for word, _ in _PHRASE_WORDS
)
"""The first word of every status phrase: only there is a status word looked for."""
_TRAILER_TOKEN = re.compile(
    r"""(?P<sep>[\s.,;:!\-–—/\[\]]+)                    # punctuation
    |(?P<pct>\d{1,3}(?:[.,]\d+)?\s?%)                   # a percentage
    |(?P<word>[^\W\d_]+)                                 # a word
    |(?P<number>\d+)                                     # a number
    |(?P<other>.)                                        # anything else
    """,
    re.VERBOSE,
)
"""The pieces of what follows a status word, read left to right once."""
_FOREIGN_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
    "|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
    "|octubre|noviembre|diciembre"
)
_FOREIGN_DATE = re.compile(
    r"(?:(?:en|depuis|desde|fin|fin\s+de)\s+)?(?:"
    + _FOREIGN_MONTHS
    + r")\.?\s+(?:de\s+)?(?:19|20)\d\d",
    re.IGNORECASE,
)
"""A French or Spanish month and year after a status word (``Achevé (mars 2023)``)."""
_DATE_WORDS = (
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " of the to until till through thru from between by before during in on end close mid early"
    " since as at beginning start first second third fourth st nd rd th half quarter qtr q t trim"
    " trimestre h s sem semester fy fiscal financial year en depuis desde de fin "
    + _FOREIGN_MONTHS.replace("|", " ")
)
"""The words a date or period after a status word may hold (``by end of June 2023``)."""
_DATE_START = frozenset(_DATE_WORDS.split()) - {
    "of", "to", "until", "till", "through", "thru", "st", "nd", "rd", "th"
}  # fmt: skip
"""The words a date or period after a status word may open with."""
_DATE_RUN = re.compile(
    r"(?:[\s.,;:!\-–—/\[\]'’\d]+|(?:" + "|".join(_DATE_WORDS.split()) + r")(?![^\W\d_]))*",
    re.IGNORECASE,
)
"""The longest stretch of punctuation, numbers and date words at a position."""
_PERCENT_NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s?\Z")
"""The number of a percentage a date stretch ran into (``2023 80%``)."""
_DATE_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)|['’]\d\d(?!\d)")
"""A date after a status word names its year (``3/5`` and ``Completed 12`` are not dates)."""
_DATE_LEAD = re.compile(
    r"(?:as\s+(?:of|at)|since|beginning\s+of|start\s+of|early|in|on|by)\s+", re.IGNORECASE
)
"""A lead word that only places the date (``since Q1-2023``, ``in by 2023``): parse_due reads
what follows it, which may have a lead word of its own."""
_DATE_ENDS = re.compile(r"[,;]|\s[-–—]\s")
"""Where a date after a status word may end before more of the trailer."""
_WORD = re.compile(r"[^\W\d_]+")
_TRAILER_WORDS = frozenset(
    {"yet", *_DATE_WORDS.split()}
    | {part.casefold() for word, _ in _PHRASE_WORDS for part in _WORD.findall(word)}
)
"""Every word a trailer may hold: a cell with another word after its status word is not read."""
_ASCII_TRAILER_WORDS = frozenset(word.encode() for word in _TRAILER_WORDS if word.isascii())
_ASCII_WORD_TABLE = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if 97 <= byte <= 122 or byte >= 128 else 32
    for byte in range(256)
)
"""ASCII letters to lower case, every other ASCII byte to a space: the words of _WORD."""
_LONGEST_DATE = 60
"""A longer stretch after a status word is not one date (``from 1st of January 2023 to …``)."""
_MOST_DATE_NUMBERS = 6
_MOST_DATE_TRIES = 4
_NUMBER = re.compile(r"\d+")


def _status_at(text: str, pos: int) -> tuple[Status, int] | None:
    """The status word at pos, and where it ends, when it is a whole word."""
    phrases = _STATUS_PHRASES.get(text[pos : pos + 1].casefold())
    match = phrases.match(text, pos) if phrases is not None else None
    if match is None:
        return None
    end = match.end()
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None
    return _PHRASE_STATUS[int(str(match.lastgroup)[1:])], end


def _percent_fits(percent: str, status: Status) -> bool:
    """Whether a percentage may measure status: 100% completed, 0% not started, 1-99% ongoing."""
    value = float(percent.rstrip("% ").replace(",", "."))
    if status is Status.COMPLETED:
        return value == 100
    if status is Status.NOT_STARTED:
        return value == 0
    return status is Status.ONGOING and 0 < value < 100


def _trailer_fits(text: str, status: Status) -> bool:
    """Whether text, after a status word, only dates, measures or repeats that status.

    It is read once, piece by piece: punctuation, a percentage the status allows,
    ``yet``, a word of the same status, or a date or period that names its year and
    that :func:`parse_due` reads, with what leads it in (``in``, ``by``, ``since``,
    ``as of``). Anything else (a word, a fraction, a lone number or lead word) fails.
    """
    pos = 0
    tries = 0
    while pos < len(text):
        match = _TRAILER_TOKEN.match(text, pos)
        if match is None:  # pragma: no cover - the last branch takes any character
            return False
        kind = match.lastgroup
        word = match.group().casefold()
        if kind == "sep":
            pos = match.end()
            continue
        if kind == "pct":
            if not _percent_fits(match.group(), status):
                return False
            pos = match.end()
            continue
        if kind == "word" and word == "yet":
            pos = match.end()
            continue
        if kind == "word" and word in _STATUS_FIRST_WORDS:
            found = _status_at(text, pos)
            if found is not None:
                if found[0] is not status:
                    return False
                pos = found[1]
                continue
        if (
            kind == "number"
            or (kind == "word" and word in _DATE_START)
            or (kind == "other" and word in "'’")
        ):
            end, tries = _date_end(text, pos, tries)
            if end is None:
                return False
            pos = end
            continue
        return False
    return True


def _date_end(text: str, pos: int, tries: int) -> tuple[int | None, int]:
    """Where a date or period starting at pos ends, and the parse attempts made so far.

    The date holds only numbers and date words, and runs to the first other word, or to
    a comma, semicolon or spaced dash in them; it names its year and parse_due reads it.
    """
    # no longer than a date may be, so that a cell of years is not read to its end
    limit = min(len(text), pos + _LONGEST_DATE + 2)
    stop = _DATE_RUN.match(text, pos, limit).end()  # type: ignore[union-attr]  # it matches ""
    if text.startswith("%", stop):  # "2023 80%": the percentage is not the date's
        number = _PERCENT_NUMBER.search(text, pos, stop)
        stop = number.start() if number is not None else stop
    if tries >= _MOST_DATE_TRIES:
        return None, tries
    if _reads_as_due(text[pos:stop]):
        return stop, tries + 1
    tries += 1
    stretch = text[pos:stop]
    if not any(mark in stretch for mark in ",;-–—"):
        return None, tries
    for end in reversed([m.start() for m in _DATE_ENDS.finditer(text, pos, stop)]):
        if tries >= _MOST_DATE_TRIES:
            break
        tries += 1
        if _reads_as_due(text[pos:end]):
            return end, tries
    return None, tries


_FRACTION = re.compile(r"(?<![/\d])\d{1,2}\s*/\s*\d{1,2}(?![/\d])|\d\s+(?:out\s+)?of\s+\d")
"""A count written as a fraction (``1/1``, ``2 of 3``), which dateutil would join to a
year beside it (``2023 2 of 3``, ``1990 - 1/1``): never part of a status's date."""


def _reads_as_due(text: str) -> bool:
    """Whether text, but for closing punctuation, is a deadline (ambiguous or not) with a year."""
    text = text.rstrip(" .,;:!)]")
    lead = _DATE_LEAD.match(text)
    if lead is not None:
        text = text[lead.end() :]
    if (
        len(text) > _LONGEST_DATE
        or _DATE_YEAR.search(text) is None
        or len(_NUMBER.findall(text)) > _MOST_DATE_NUMBERS
        or _FRACTION.search(text) is not None
    ):
        return False
    if _FOREIGN_DATE.fullmatch(text):
        return True
    try:
        parse_due(text)
    except AmbiguousDateError:
        return True  # a date all the same
    except DueParseError:
        return False
    return True


def _words_may_trail(text: str) -> bool:
    """Whether every word of text may be in a trailer: a quick test before the reading.

    >>> _words_may_trail(" - Sept 2022"), _words_may_trail(" (2 of 4 sites)")
    (True, False)
    """
    if text.isascii():  # the common case, in bytes: some ten times quicker
        words = text.encode().translate(_ASCII_WORD_TABLE).split()
        return _ASCII_TRAILER_WORDS.issuperset(words)
    return _TRAILER_WORDS.issuperset(map(str.casefold, _WORD.findall(text)))


def _leading_status(word: str) -> Status | None:
    """The status word a cell opens with, when what follows only dates, measures or repeats it.

    >>> _leading_status("3. Completed - Sept 2022"), _leading_status("Completed/Closed")
    (<Status.COMPLETED: 'completed'>, <Status.COMPLETED: 'completed'>)
    >>> print(_leading_status("Completed? to be confirmed"))
    None
    """
    text = word.replace("\u00a0", " ").strip()
    number = _LIST_NUMBER.match(text)
    found = _status_at(text, number.end() if number else 0)
    if found is None:
        return None
    status, end = found
    rest = text[end:]
    if not _words_may_trail(rest):
        return None  # a word that neither dates nor repeats the status: qualified, or prose
    if status is Status.OVERDUE and rest.strip() and _fold(text[:end]) in _PERIOD_WORDS:
        return None  # "Late 2023", "late March": a period, perhaps, not a status
    for inner in _PARENTHETICAL.findall(rest):
        if not inner.strip() or not _trailer_fits(inner, status):
            return None  # "Completed (2 of 4 sites)", "Terminé (à confirmer)": qualified
    rest = _PARENTHETICAL.sub(" ", rest)
    if not _trailer_fits(rest, status):
        return None
    return status


class ScheduleStatus(enum.Enum):
    """Whether a work-plan activity is on schedule.

    >>> ScheduleStatus.parse("behind") is ScheduleStatus.BEHIND_SCHEDULE
    True
    """

    ON_SCHEDULE = "on_schedule"
    BEHIND_SCHEDULE = "behind_schedule"

    @property
    def label(self) -> str:
        """The words a person writes."""
        return "On schedule" if self is ScheduleStatus.ON_SCHEDULE else "Behind schedule"

    @classmethod
    def parse(cls, word: str | None) -> ScheduleStatus | None:
        """The schedule status a word means, or None."""
        return _lookup(_SCHEDULE_WORDS, word, "ScheduleStatus.parse")


SCHEDULE_SYNONYMS: dict[ScheduleStatus, tuple[str, ...]] = {
    ScheduleStatus.ON_SCHEDULE: ("On schedule", "On track", "On time", "On"),
    ScheduleStatus.BEHIND_SCHEDULE: ("Behind schedule", "Behind", "Delayed", "Off track", "Late"),
}
_SCHEDULE_WORDS = {
    _fold(word): status for status, words in SCHEDULE_SYNONYMS.items() for word in words
}
_SCHEDULE_WORDS.update({_fold(status.value): status for status in ScheduleStatus})


class ResponseCategory(enum.Enum):
    """How management answered a recommendation.

    >>> ResponseCategory.parse("Partially Accepted")
    <ResponseCategory.PARTIALLY_ACCEPTED: 'partially_accepted'>
    >>> ResponseCategory.parse("") is None
    True
    """

    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        """The words a person writes."""
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, word: str | None) -> ResponseCategory | None:
        """The category a word means, or None when it is empty or unknown."""
        return _lookup(_CATEGORY_WORDS, word, "ResponseCategory.parse")

    @classmethod
    def leading(cls, text: str) -> tuple[ResponseCategory | None, str]:
        """The category a response's opening words name, and those words as written.

        A management response written without a category column often opens with it
        ("Partially accepted. The unit will …"). The opening words are those before the
        first full stop, colon, semicolon, comma, bracket, line break, or dash between
        spaces; they name a category only when the whole of them is one of its words
        (see :data:`CATEGORY_SYNONYMS`) and the words after them in the same sentence do
        not qualify them ("in part", "partially", "but", "not", "except", "subject to"),
        so nothing is guessed.

        >>> ResponseCategory.leading("Partially accepted. The unit will revise the plan")
        (<ResponseCategory.PARTIALLY_ACCEPTED: 'partially_accepted'>, 'Partially accepted')
        >>> ResponseCategory.leading("Agreed – funds permitting")
        (<ResponseCategory.ACCEPTED: 'accepted'>, 'Agreed')
        >>> ResponseCategory.leading("Agree with the finding; funds are short")
        (None, '')
        >>> ResponseCategory.leading("Accepted (in part). The unit will …")
        (None, '')
        """
        end = _OPENING.search(text)
        words = (text[: end.start()] if end else text).strip()
        category = cls.parse(words) if len(words) <= _LONGEST_CATEGORY else None
        if category is None:
            return None, ""
        if end and end.group() not in {".", "\n"} and _QUALIFIED.match(text, end.end()):
            return None, ""  # "Accepted (in part)", "Agreed, partially": not guessed
        return category, words


CATEGORY_SYNONYMS: dict[ResponseCategory, tuple[str, ...]] = {
    ResponseCategory.ACCEPTED: (
        "Accepted",
        "Accept",
        "Agreed",
        "Fully accepted",
        "Agree",
        # French, Spanish
        "Acceptée",
        "Accepté",
        "Acceptee",
        "Aceptada",
        "Aceptado",
    ),
    ResponseCategory.PARTIALLY_ACCEPTED: (
        "Partially accepted",
        "Partly accepted",
        "Partially agreed",
        "Accepted in part",
        "Partially",
        # French, Spanish
        "Partiellement acceptée",
        "Partiellement accepté",
        "Partiellement acceptee",
        "Parcialmente aceptada",
        "Parcialmente aceptado",
    ),
    ResponseCategory.REJECTED: (
        "Rejected",
        "Not accepted",
        "Reject",
        "Declined",
        "Not agreed",
        "Disagree",
        # French, Spanish
        "Rejetée",
        "Rejeté",
        "Non acceptée",
        "Rechazada",
        "Rechazado",
        "No aceptada",
    ),
}
_CATEGORY_WORDS = {
    _fold(word): category for category, words in CATEGORY_SYNONYMS.items() for word in words
}
_CATEGORY_WORDS.update({_fold(category.value): category for category in ResponseCategory})
_LONGEST_CATEGORY = 40
"""Opening words longer than this are a sentence, not a category (the longest synonym is 18)."""
_QUALIFIED = re.compile(
    r"\s*(?:(?:in|for|only)\s+part|part(?:ial(?:ly)?|ly)?\b|not\b|but\b|except\b|subject\b)",
    re.IGNORECASE,
)
"""What, right after the opening words, qualifies them (``Accepted (in part)``)."""
_OPENING = re.compile(r"[\n.:;,()\[\]]|\s[-–—]\s|[–—]")
"""What ends a response's opening words (see :meth:`ResponseCategory.leading`)."""


class Severity(enum.Enum):
    """How much a problem matters: errors fail ``govtrack validate``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
