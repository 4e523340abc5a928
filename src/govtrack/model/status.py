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

        >>> Status.parse("Not Initiated")
        <Status.NOT_STARTED: 'not_started'>
        """
        return _lookup(_STATUS_WORDS, word)


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
    ),
    Status.OVERDUE: ("Overdue", "Over due", "Over-due", "Late", "Delayed", "Past due"),
}
"""Every word :meth:`Status.parse` accepts, by member (compared after folding)."""

_STATUS_WORDS = {_fold(word): status for status, words in STATUS_SYNONYMS.items() for word in words}
_STATUS_WORDS.update({_fold(status.value): status for status in Status})


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
    ResponseCategory.ACCEPTED: ("Accepted", "Accept", "Agreed", "Fully accepted", "Agree"),
    ResponseCategory.PARTIALLY_ACCEPTED: (
        "Partially accepted",
        "Partly accepted",
        "Partially agreed",
        "Accepted in part",
        "Partially",
    ),
    ResponseCategory.REJECTED: (
        "Rejected",
        "Not accepted",
        "Reject",
        "Declined",
        "Not agreed",
        "Disagree",
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
