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

from govtrack._errors import AmbiguousDateError, DueParseError
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


def _lookup(table: dict[str, _E], word: str | None) -> _E | None:
    if not isinstance(word, str):
        return None
    return table.get(_fold(word))


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
        dates it, measures it or repeats it: a date or period (``Completed in March
        2023``, ``Completed - Sept 2022``), a percentage (``Ongoing (80%)``; 100% only
        after a completed status, 0% only after a not-started one), a parenthetical that
        does not qualify it, punctuation, ``yet``, or another word of the same status
        (``Completed/Closed``). A list number before the word (``3. Completed``) is
        ignored. A word qualified by what follows (``Completed partially``,
        ``Completed? to be confirmed``) or by what precedes it (``Not completed``) is
        not read: nothing is guessed.

        >>> Status.parse("Not Initiated")
        <Status.NOT_STARTED: 'not_started'>
        >>> Status.parse("Completed (June 2022)")
        <Status.COMPLETED: 'completed'>
        >>> Status.parse("Ongoing (80%)")
        <Status.ONGOING: 'ongoing'>
        >>> print(Status.parse("Completed partially"), Status.parse("Not completed"))
        None None
        """
        found = _lookup(_STATUS_WORDS, word)
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
_STATUS_PHRASE = re.compile(
    "|".join(f"(?P<s{n}>{_phrase_pattern(word)})" for n, (word, _) in enumerate(_PHRASE_WORDS)),
    re.IGNORECASE,
)
"""Every status word at a position; the longest first, so "Not started" beats "Not"."""
_PHRASE_STATUS = tuple(status for _, status in _PHRASE_WORDS)
_LIST_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s*(?=[^\W\d_])")
"""A list number before a status word (``3. Completed``)."""
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_TRAILER_TOKEN = re.compile(
    r"""[\s.,;:!\-–—/\[\]]+                              # punctuation
    |(?P<pct>\d{1,3}(?:[.,]\d+)?\s?%)                   # a percentage
    |(?:(?:as\s+(?:of|at)|end\s+of|beginning\s+of|in|on|since|by|end|mid|early)\b)
    |(?:(?:"""
    + _MONTHS
    + r""")\b\.?)                                         # a month
    |(?:(?:fy|q[1-4]|h[12])[\s\-/]?(?:\d{2}|\d{4})?\b)      # FY2023, Q1-2023, H2
    |(?:\d{1,4}[./\-]\d{1,2}(?:[./\-]\d{1,4})?\b)       # a numeric date
    |(?:(?:19|20)\d\d\b)                                 # a year
    |(?:'\d\d\b)                                          # '22
    |(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)      # a day
    |(?:yet\b)
    |(?P<phrase>[^\W\d_])                                # a word: a status word?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PERIOD_WORDS = frozenset({"late"})
"""Status words that also open a period (``late 2023``): read only as the whole cell."""
_PARENTHETICAL = re.compile(r"\(([^()]*)\)")
_QUALIFIERS = re.compile(
    r"""\b(?:not?|non|partial(?:ly)?|part(?:ly)?|but|except|pending|awaiting|subject|unless
    |if|tb[cd]|almost|nearly|only|half|some|most|few|still|remaining|outstanding|until
    |expected|planned|to\s+be|will|should|may|might|draft|unclear|unknown|doubtful)\b|\?""",
    re.IGNORECASE | re.VERBOSE,
)
"""Words that, in a parenthetical after a status word, qualify it: it is not read."""


def _status_at(text: str, pos: int) -> tuple[Status, int] | None:
    """The status word at pos, and where it ends, when it is a whole word."""
    match = _STATUS_PHRASE.match(text, pos)
    if match is None:
        return None
    end = match.end()
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None
    return _PHRASE_STATUS[int(str(match.lastgroup)[1:])], end


def _trailer_fits(text: str, status: Status) -> bool:
    """Whether text, after a status word, only dates, measures or repeats that status."""
    pos = 0
    while pos < len(text):
        found = _status_at(text, pos) if text[pos].isalpha() else None
        if found is not None:
            if found[0] is not status:
                return False
            pos = found[1]
            continue
        if text[pos].isalnum() and _reads_as_due(text[pos:]):
            return True
        match = _TRAILER_TOKEN.match(text, pos)
        if match is None or match.group("phrase") is not None:
            return False
        percent = match.group("pct")
        if percent is not None:
            value = float(percent.rstrip("% ").replace(",", "."))
            if value > 100 or (status is Status.COMPLETED and value != 100):
                return False
            if status is Status.NOT_STARTED and value != 0:
                return False
        pos = match.end()
    return True


def _reads_as_due(text: str) -> bool:
    """Whether text, but for closing punctuation, is a deadline (ambiguous or not)."""
    text = text.rstrip(" .,;:!)]")
    try:
        parse_due(text)
    except AmbiguousDateError:
        return True  # a date all the same
    except DueParseError:
        return False
    return True


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
    if rest.strip() and _fold(text[:end]) in _PERIOD_WORDS:
        return None  # "Late 2023", "late March": a period, perhaps, not a status
    for inner in _PARENTHETICAL.findall(rest):
        if not _trailer_fits(inner, status) and (
            "%" in inner or _QUALIFIERS.search(inner) or _mentions_other_status(inner, status)
        ):
            return None
    rest = _PARENTHETICAL.sub(" ", rest)
    if not _trailer_fits(rest, status):
        return None
    return status


def _mentions_other_status(text: str, status: Status) -> bool:
    """Whether a status word other than status is somewhere in text."""
    return any(
        found is not None and found[0] is not status
        for found in (_status_at(text, match.start()) for match in re.finditer(r"\b[^\W\d_]", text))
    )


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
        return _lookup(_SCHEDULE_WORDS, word)


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
        return _lookup(_CATEGORY_WORDS, word)

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
