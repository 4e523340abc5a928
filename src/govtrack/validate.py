"""Validation: pure rules with stable codes, each returning :class:`Issue` records.

Every rule is a function ``rule(doc, on) -> Iterable[Issue]`` registered in
:data:`RULES` with its code. :func:`validate` runs them all, adds the problems
the reader recorded, and keeps or drops issues by code or code prefix, as a
linter selects rules.

=====  ========  ==========================================================
code   severity  meaning
=====  ========  ==========================================================
GT101  error     a status word govtrack does not know (kept as text)
GT102  warning   an action with no responsible party (not a deemed-consent decision)
GT103  warning   an action with no deadline
GT104  error     a deadline text that cannot be read as a date (or reads, with no due)
GT105  warning   an action recorded COMPLETED without any comment or update
GT106  warning   an accepted (or partially accepted) recommendation without actions
GT107  warning   a rejected recommendation that has actions
GT108  error     two items with the same ref in one list
GT109  error     a meeting decision due before the meeting that set it
GT110  info      an action overdue on the date
GT111  error     a response category govtrack does not know (kept as text)
GT112  warning   an action whose Status cell is empty, in a table with a Status column
GT113  warning   the same action in two files (of a combined document): counted twice
GT114  info      party spellings that look like one party: counted apart
GT115  warning   a meeting that ends before it starts: past midnight, or times swapped
=====  ========  ==========================================================

Readers' problems keep their own codes (``GT2xx`` for workbooks, ``GT3xx``
for text); their severity is theirs. The readers also report, in ``doc.problems``, the
words they kept as text but could not interpret, with these rules' codes (GT101, GT104,
GT111: see :func:`with_reading_problems`); :func:`validate` judges those again on the
document as it is, rather than list what reading found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from govtrack._errors import DueParseError, UnknownCodeError, WrongTypeError
from govtrack._gc import collector_paused
from govtrack._text import fold as _fold
from govtrack.model.dates import date_argument, parse_due
from govtrack.model.location import Location
from govtrack.model.records import Action, Decision, Document, Issue, Issues
from govtrack.model.rules import resolves_itself
from govtrack.model.status import (
    STATUS_SYNONYMS,
    Severity,
    Status,
    fold_status_word,
    near_status,
    near_status_word,
)

__all__ = [
    "READING_RULES",
    "RULES",
    "ReadingChecks",
    "Rule",
    "check_codes",
    "validate",
    "with_reading_problems",
]


@attrs.frozen(kw_only=True)
class Rule:
    """A registered validation rule."""

    code: str
    severity: Severity
    summary: str
    check: Callable[[Document, dt.date], Iterable[Issue]]


RULES: list[Rule] = []
"""Every validation rule, in code order; a caller may append its own."""
_SEVERITY: dict[str, Severity] = {}
"""Each rule's severity by code, refreshed from RULES at each validate() call."""


def rule(
    code: str, severity: Severity, summary: str
) -> Callable[
    [Callable[[Document, dt.date], Iterable[Issue]]], Callable[[Document, dt.date], Iterable[Issue]]
]:
    """Register a rule under ``code`` (a decorator)."""

    def register(
        check: Callable[[Document, dt.date], Iterable[Issue]],
    ) -> Callable[[Document, dt.date], Iterable[Issue]]:
        RULES.append(Rule(code=code, severity=severity, summary=summary, check=check))
        return check

    return register


def _label(action: Action) -> str:
    text = action.text if len(action.text) <= 60 else action.text[:57] + "..."
    return f"action {action.ref} {text!r}" if action.ref else f"action {text!r}"


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _issue(code: str, message: str, location: Location | None) -> Issue:
    severity = _SEVERITY.get(code) or next(r.severity for r in RULES if r.code == code)
    return Issue(code=code, message=message, location=location, severity=severity)


def _place(location: Location) -> tuple[str, str, str, int | None]:
    return (location.file, location.sheet, location.cell, location.line)


def _field(origin: Location | None, header: str) -> Location | None:
    """The origin narrowed to one field: its own cell when the reader mapped the columns."""
    if origin is None:
        return None
    return origin.field(header.lower(), header)


@rule("GT101", Severity.ERROR, "unknown status word")
def _unknown_status(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for action in doc.actions:
        issue = _status_issue(action)
        if issue is not None:
            yield issue


def _did_you_mean(word: str) -> str:
    """GT101's hint for a word one edit from a status word: that word, quoted, and the status
    it reads as when that is another word (`` (did you mean 'Pending' (Not started)?)``)."""
    known = near_status_word(word)
    status = near_status(word)
    if known is None or status is None:
        return ""
    if fold_status_word(known) == fold_status_word(status.label):
        return f" (did you mean {known!r}?)"
    return f" (did you mean {known!r} ({status.label})?)"


def _status_issue(action: Action) -> Issue | None:
    """GT101 for one action: a status word kept as text, not read."""
    if action.status is not None or not action.status_text.strip():
        return None
    known = Status.parse(action.status_text)
    message = (
        f"{_label(action)}: status {action.status_text!r} is not one govtrack knows; "
        "expected Not started, Ongoing, Completed, No longer applicable or Overdue"
        + _did_you_mean(action.status_text)
        if known is None
        # Built by hand with the word only: the rules read ``status``, not the word.
        else f"{_label(action)}: status_text {action.status_text!r} reads as "
        f"{known.label}, but status is not set, so the rules take the status as "
        f"unknown; build the action with status=Status.parse(status_text), as the "
        "readers do"
    )
    return _issue("GT101", message, _field(action.origin, "Status"))


@rule("GT102", Severity.WARNING, "missing responsible party")
def _missing_responsible(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for action in doc.actions:
        if isinstance(action, Decision) and action.deemed_consent:
            continue  # a rule that resolves on its date: nobody owes it
        if not any(party.strip() for party in action.responsible):
            yield _issue(
                "GT102",
                f"{_label(action)} has no responsible party",
                _field(action.origin, "Responsible"),
            )


@rule("GT103", Severity.WARNING, "missing deadline")
def _missing_deadline(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for action in doc.actions:
        if action.due is None and not action.due_text.strip():
            yield _issue(
                "GT103", f"{_label(action)} has no deadline", _field(action.origin, "Deadline")
            )


@rule("GT104", Severity.ERROR, "unreadable deadline")
def _unreadable_deadline(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    said = _Said(doc.problems)
    for action in doc.actions:
        issue = _deadline_issue(action, said)
        if issue is not None:
            yield issue


class _Said:
    """What the reader's problems say, by place: a deadline a reader already explained
    there (an ambiguous date, GT208) is not reported again as GT104.

    It reads the problems it is given as they grow (a streaming reader appends to them).
    """

    def __init__(self, problems: Sequence[Issue]) -> None:
        self._problems = problems
        self._read = 0
        self._by_place: dict[object, list[str]] = {}

    def at(self, where: Location) -> list[str]:
        """The messages of the reader's own problems at ``where``'s place (not the reading
        rules' issues: a GT104 quotes the deadline it reports, and would silence itself)."""
        for problem in self._problems[self._read :]:
            if problem.location is not None and problem.code not in READING_RULES:
                self._by_place.setdefault(_place(problem.location), []).append(problem.message)
        self._read = len(self._problems)
        return self._by_place.get(_place(where), [])


_NOTHING_SAID = _Said(())
"""No reader problem: a streaming reader judges what was said when it has read all."""


def _deadline_issue(action: Action, said: _Said) -> Issue | None:
    """GT104 for one action: a deadline kept as text, unless the reader said why there."""
    if action.due is not None or not action.due_text.strip():
        return None
    where = _field(action.origin, "Deadline")
    told = said.at(where) if where is not None else []
    if any(action.due_text in message for message in told):
        return None  # the reader already said what is wrong there (an ambiguous date)
    return _issue("GT104", f"{_label(action)}: {_why_unreadable(action.due_text)}", where)


_EXPECTED_DEADLINE = "expected e.g. 2021/07, Q1-2023, Dec 2022 or 05 May 2019"


def _why_unreadable(text: str) -> str:
    """What is wrong with a deadline kept as text: why :func:`parse_due` refuses it, in its
    own words, which say what was expected (``a two-digit year is ambiguous; write 2024
    (or '24)``).

    A text that reads (an ``Action`` built in code with a readable ``due_text`` and no
    ``due``) is still an error, as the action is never overdue: the message says how it
    reads and how to set ``due``, rather than calling it unreadable.

    >>> _why_unreadable("Q1 2023")
    "deadline text 'Q1 2023' reads as a deadline (2023-01-01 to 2023-03-31) but the action has no due, so it is never overdue: set due=gt.parse_due('Q1 2023')"
    """  # noqa: E501 - doctest output is one line
    try:
        due = parse_due(text)
    except DueParseError as error:
        reason = error.reason or _EXPECTED_DEADLINE
        return f"deadline {text!r} is not a date govtrack can read; {reason}"
    return (
        f"deadline text {text!r} reads as a deadline ({due.start} to {due.end}) but the "
        f"action has no due, so it is never overdue: set due=gt.parse_due({text!r})"
    )


_SAYS_WHAT_WAS_DONE = re.compile(
    r"\b(?:progress|notes?|comments?|remarks?|updates?|observations?)\b", re.IGNORECASE
)
"""An extra column's header that names what was done (``Progress notes``, ``Implementation
remarks``): an action saying something there says what was done (GT105)."""
_NAMES_A_DATE_OR_COUNT = re.compile(
    r"\b(?:dates?|day|no|nos|number|count|total|rate|percent|percentage)\b"
    r"|[%#]",
    re.IGNORECASE,
)
"""A header that names a date or a count (``Date of last update``, ``No. of comments
received``, ``Progress (%)``): its values are no narrative, whatever else it names."""
_WORD = re.compile(r"[^\W\d_]{3,}")
"""A word of three letters or more: narrative text has one (``Forty clerks trained``);
``0``, ``1``, ``n/a`` or ``-`` have none."""


def _narrative(value: str) -> bool:
    """Whether an extra value is narrative text: a word of three letters or more, and not a
    date alone (``May 2024``, ``2024-05-01``), as ``parse_due`` reads it either way round.

    >>> _narrative("Forty clerks trained"), _narrative("2024-05-01"), _narrative("0")
    (True, False, False)
    """
    if _WORD.search(value) is None:
        return False
    for dayfirst in (True, False):
        try:
            parse_due(value.strip(), dayfirst=dayfirst)
        except DueParseError:
            continue
        return False
    return True


def _said_in_extra(action: Action) -> bool:
    """Whether an extra column named like a comment (:data:`_SAYS_WHAT_WAS_DONE`), not like a
    date or a count (:data:`_NAMES_A_DATE_OR_COUNT`), holds narrative text
    (:func:`_narrative`): ``Date of last update`` or ``No. of comments received`` say nothing
    of what was done."""
    return any(
        _SAYS_WHAT_WAS_DONE.search(key)
        and not _NAMES_A_DATE_OR_COUNT.search(key)
        and _narrative(value)
        for key, value in action.extra.items()
    )


@rule("GT105", Severity.WARNING, "completed without comment")
def _completed_without_comment(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for action in doc.actions:
        if (
            action.status is Status.COMPLETED
            and not action.comments.strip()
            and not action.updates
            and not _said_in_extra(action)
        ):
            yield _issue(
                "GT105",
                f"{_label(action)} is completed but says nothing of what was done",
                _field(action.origin, "Comments"),
            )


@rule("GT106", Severity.WARNING, "accepted recommendation without actions")
def _accepted_without_actions(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for recommendation in doc.recommendations:
        category = recommendation.response.category
        if category is not None and category.name != "REJECTED" and not recommendation.actions:
            yield _issue(
                "GT106",
                f"recommendation {recommendation.ref or recommendation.text[:40]!r} is "
                f"{category.label.lower()} but has no key actions",
                recommendation.origin,
            )


@rule("GT107", Severity.WARNING, "rejected recommendation with actions")
def _rejected_with_actions(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for recommendation in doc.recommendations:
        category = recommendation.response.category
        if category is not None and category.name == "REJECTED" and recommendation.actions:
            yield _issue(
                "GT107",
                f"recommendation {recommendation.ref or recommendation.text[:40]!r} is rejected "
                f"but has {len(recommendation.actions)} key action(s)",
                recommendation.origin,
            )


def _duplicates(items: Sequence[tuple[str, Location | None]], what: str) -> Iterator[Issue]:
    first: dict[str, Location | None] = {}
    for ref, origin in items:
        key = ref.strip().rstrip(".)").strip()
        if not key:
            continue
        if key in first:
            earlier = first[key]
            seen = f" (first at {earlier})" if earlier is not None and str(earlier) else ""
            yield _issue("GT108", f"{what} ref {ref!r} is used twice{seen}", origin)
        else:
            first[key] = origin


@rule("GT108", Severity.ERROR, "duplicate ref")
def _duplicate_refs(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for evaluation in doc.evaluations:
        yield from _duplicates(
            [(rec.ref, rec.origin) for rec in evaluation.recommendations], "recommendation"
        )
        for rec in evaluation.recommendations:
            yield from _duplicates([(a.ref, a.origin) for a in rec.actions], "key action")
    for meeting in doc.meetings:
        yield from _duplicates([(d.ref, d.origin) for d in meeting.decisions], "decision")
    for report in doc.reports:
        yield from _duplicates([(a.ref, a.origin) for a in report.activities], "activity")
    for plan in doc.plans:
        yield from _duplicates([(a.ref, a.origin) for a in plan.actions], "action")


@rule("GT109", Severity.ERROR, "deadline before the meeting that set it")
def _due_before_meeting(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for meeting in doc.meetings:
        if meeting.date is None:
            continue
        for decision in meeting.decisions:
            if decision.due is not None and decision.due.end < meeting.date:
                yield _issue(
                    "GT109",
                    f"decision {decision.ref or decision.text[:40]!r} is due "
                    f"{decision.due.text!r}, before the meeting of {meeting.date} that set it",
                    _field(decision.origin, "Deadline"),
                )


@rule("GT110", Severity.INFO, "overdue")
def _overdue(doc: Document, on: dt.date) -> Iterator[Issue]:
    for action in doc.actions:
        if action.effective_status(on=on) is Status.OVERDUE:
            if action.due is None:
                due = "is recorded overdue"
            elif action.due.end < on:
                due = f"was due {action.due.text!r}"
            else:  # recorded Overdue though its deadline has not passed: say both
                due = f"is recorded overdue, though due {action.due.text!r}"
            owner = ", ".join(action.responsible) or "no one"
            yield _issue(
                "GT110",
                f"{_label(action)} {due} (owed by {owner})",
                _field(action.origin, "Status"),
            )


@rule("GT111", Severity.ERROR, "unknown response category")
def _unknown_category(doc: Document, on: dt.date) -> Iterator[Issue]:
    del on
    for recommendation in doc.recommendations:
        response = recommendation.response
        if response.category is None and response.category_text.strip():
            yield _issue(
                "GT111",
                f"recommendation {recommendation.ref or recommendation.text[:40]!r}: category "
                f"{response.category_text!r} is not one govtrack knows; "
                "expected Accepted, Partially accepted or Rejected",
                recommendation.origin,
            )


@rule("GT112", Severity.WARNING, "missing status")
def _missing_status(doc: Document, on: dt.date) -> Iterator[Issue]:
    """An action read from a table with a Status column whose own cell is empty (a status
    shown by a fill colour only, say): its status is unknown, so it is never counted done,
    and overdue once its deadline passes. A record built in code, or read from a table
    without such a column, is not judged."""
    del on
    for action in doc.actions:
        origin = action.origin
        if (
            action.status is None
            and not action.status_text.strip()
            and origin is not None
            and "status" in origin.columns
        ):
            held, kept = _narrative_status(action, origin)
            why = (
                f"its Status cell holds {held!r}, no status word (kept in {kept}); write one of "
                f"{_STATUS_CHOICES} there"
                if held
                else "its Status cell is empty (a colour is not read)"
            )
            yield _issue(
                "GT112",
                f"{_label(action)} has no status: {why}, so it is never counted done",
                _field(origin, "Status"),
            )


def _said_status(action: Action) -> str:
    """The status an action's source gives, for a message: its word, or ``no status``."""
    if action.status is not None:
        return action.status.label
    return action.status_text.strip() or "no status"


def _containers(doc: Document) -> Iterator[tuple[tuple[str, ...], Action]]:
    """Each action of ``doc``, in the order of ``doc.actions``, with what identifies its
    container across files: an evaluation's title, a meeting's title and date, a report's
    working group and period, a plan's title (each folded; untitled is a title too)."""
    for evaluation in doc.evaluations:
        key: tuple[str, ...] = ("evaluation", _fold(evaluation.title))
        yield from ((key, action) for action in evaluation.actions)
    for meeting in doc.meetings:
        day = meeting.date.isoformat() if meeting.date is not None else ""
        key = ("meeting", _fold(meeting.title), day)
        yield from ((key, action) for action in meeting.actions)
    for report in doc.reports:
        period = _fold(report.period_text) or (str(report.period) if report.period else "")
        key = ("report", _fold(report.working_group), period)
        yield from ((key, action) for action in report.actions)
    for plan in doc.plans:
        key = ("plan", _fold(plan.title))
        yield from ((key, action) for action in plan.actions)


def _same_action_keys(container: tuple[str, ...], action: Action) -> list[tuple[str, ...]]:
    """What makes two actions the same: their container, their text (whitespace and case
    folded) and one of their responsible parties, or their ref."""
    text = _fold(action.text)
    if not text:
        return []
    keys = [("by", *container, text, party) for party in sorted(_parties(action)) if party]
    ref = action.ref.strip().rstrip(".)").strip().casefold()
    if ref:
        keys.append(("ref", *container, text, ref))
    return keys


def _parties(action: Action) -> set[str]:
    """An action's responsible parties, folded."""
    return {_fold(party) for party in action.responsible} - {""}


@rule("GT113", Severity.WARNING, "the same action in two files")
def _same_action_in_two_files(doc: Document, on: dt.date) -> Iterator[Issue]:
    """Two actions of the same container (the same evaluation title, meeting title and
    date, report working group and period, or plan title) with the same text and a
    responsible party in common (or the same ref, their parties not disjoint), read from
    different files (a combined document): both are counted in the rates. One file's
    repeats are GT108's; a rule that resolves by itself is counted in no rate."""
    del on
    files = {action.origin.file for action in doc.actions if action.origin is not None}
    if len(files - {""}) < 2:
        return  # one file (or none named): no action can be in two
    # Per key, the first action of each file and set of parties: enough to find a match.
    first: dict[tuple[str, ...], dict[tuple[str, frozenset[str]], tuple[Action, Location]]] = {}
    for container, action in _containers(doc):
        origin = action.origin
        if (
            origin is None
            or not origin.file
            or (isinstance(action, Decision) and action.deemed_consent and action.status is None)
        ):
            continue
        keys = _same_action_keys(container, action)
        parties = frozenset(_parties(action))
        found = [
            earlier
            for key in keys
            for (file, theirs), earlier in first.get(key, {}).items()
            if file != origin.file
            and (key[0] == "by" or not parties or not theirs or parties & theirs)
        ]
        for key in keys:
            first.setdefault(key, {}).setdefault((origin.file, parties), (action, origin))
        if not found:
            continue
        earlier, place = found[0]
        then, now = _said_status(earlier), _said_status(action)
        if then != now:
            where = f"{place.cite()} ({then}) and {origin.cite()} ({now})"
        else:
            where = f"{place.cite()} and {origin.cite()}"
        yield _issue(
            "GT113",
            f"{_label(action)}: the same action is in {where}: counted twice in the rates",
            origin,
        )


_ARTICLE = re.compile(r"(?:(?:the|la|le|los|les|el)\s+|l['’]\s*)", re.IGNORECASE)
"""A leading article GT114 sets aside (``The``, ``La``, ``Le``, ``L'``, ``El``, ``Los``,
``Les``), followed by spacing (``L'`` by none or some)."""
_BRACKETED = re.compile(r"(?P<name>.*\S)\s*\(\s*(?P<inner>[^()]*?)\s*\)")
"""A name with a bracket after it: ``National Statistics Office (NSO)``, ``WHO (lead)``."""
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,9}")
"""A bracket that may be an acronym: 2 to 10 letters from a capital (``NSO``, ``MoH``)."""
_ROLE_WORDS = frozenset({
    "lead", "co-lead", "colead", "support", "supporting", "focal point", "focal", "chair",
    "co-chair", "cochair", "main", "primary", "secondary", "partner", "partners", "owner",
    "coordinator", "coordination", "responsible", "accountable", "consulted", "informed",
    "tbc", "tbd", "tba", "na", "n/a", "all", "other", "others", "and", "with", "via", "etc",
})  # fmt: skip
"""Words in brackets that give a party's role, not its name (``WHO (lead)``): they are set
aside, and the party is known by the name before the bracket. Any bracket in lowercase
words is one too."""


def _is_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym: 2 to 10 letters from a capital, at least two capitals
    (``NSO``, ``MoH``), not a common word such as TBC."""
    return (
        _ACRONYM.fullmatch(word) is not None
        and word.casefold() not in _ROLE_WORDS
        and sum(letter.isupper() for letter in word) >= 2
    )


def _is_role(inner: str) -> bool:
    """Whether a bracket's words give a role (``lead``, ``Support``, ``TBC``, ``focal point``)."""
    folded = " ".join(inner.casefold().split())
    return folded in _ROLE_WORDS or (bool(folded) and inner == inner.lower())


def _party_key(party: str) -> str:
    """A party's spelling as GT114 compares it: leading articles dropped, case and
    spacing folded.

    >>> _party_key("The  Secretariat"), _party_key("L'Office national")
    ('secretariat', 'office national')
    """
    return _fold(_party_key_words(party))


def _party_keys(party: str) -> tuple[list[str], tuple[str, str] | None]:
    """The keys a spelling is known by, and the acronym it gives a name, if any.

    The keys: its own; for a name with a role in brackets (``WHO (lead)``), the name's alone
    (the role is no name: two parties with the same role are not one); for a name with an
    acronym in brackets, its own and the name's. The acronym is any bracket that is one
    after a name that is not one itself, the name's initials or not (``Office national de
    la statistique (NSO)``): it is given as its key and the name's, for the rule to join
    the bare acronym to the name unless another name has it too. Any other bracket
    (``UNICEF (WHO)``, ``Finance (Kenya)``) keeps the spelling whole.

    >>> _party_keys("The National Statistics Office (NSO)")
    (['national statistics office (nso)', 'national statistics office'],
     ('nso', 'national statistics office'))
    >>> _party_keys("WHO (lead)"), _party_keys("UNICEF (WHO)")
    ((['who'], None), (['unicef (who)'], None))
    """
    bracketed = _BRACKETED.fullmatch(" ".join(party.split()))
    if bracketed is None:
        return [key for key in [_party_key(party)] if key], None
    name, inner = bracketed["name"], bracketed["inner"]
    if _is_role(inner):
        return [key for key in [_party_key(name)] if key], None
    if not _is_acronym(inner) or _is_acronym(_party_key_words(name)):
        return [key for key in [_party_key(party)] if key], None
    named = _party_key(name)
    return [_party_key(party), named], (_party_key(inner), named)


def _party_key_words(name: str) -> str:
    """``name`` without its leading articles, spacing folded, case kept (for its initials;
    :func:`_party_key` folds the case)."""
    text = " ".join(name.split())
    while (found := _ARTICLE.match(text)) and found.end() < len(text):
        text = text[found.end() :]
    return text


def _stripped(parties: tuple[str, ...]) -> tuple[str, ...]:
    """Each party once, stripped."""
    return tuple(dict.fromkeys(party.strip() for party in parties))


def _count(number: int) -> str:
    return f"{number} action" if number == 1 else f"{number} actions"


@rule("GT114", Severity.INFO, "party spellings that look like one party")
def _party_spellings(doc: Document, on: dt.date) -> Iterator[Issue]:
    """The spellings of a responsible party that look like one party within a document:
    the same with a leading article dropped and case and spacing aside (``The Secretariat``,
    ``Secretariat``), or a name with an acronym in brackets and the bare acronym or name
    (``National Statistics Office (NSO)``, ``NSO``, ``National Statistics Office``), the
    acronym the name's initials or not (``Office national de la statistique (NSO)``). Two
    names with one acronym in brackets are not joined, nor is the bare acronym to either.
    One issue per group, at the first action naming one of them: reminders and summaries
    count them apart."""
    del on
    counts: dict[str, int] = {}  # each spelling (stripped), in order of first use
    first: dict[str, Location | None] = {}
    for action in doc.actions:
        parties = action.responsible
        # A rule owed by nobody (deemed consent) is left out, as reminders and summaries do.
        if not parties or (type(action) is not Action and resolves_itself(action)):
            continue
        for party in (parties[0].strip(),) if len(parties) == 1 else _stripped(parties):
            if party in counts:
                counts[party] += 1
            elif party:
                counts[party] = 1
                first[party] = action.origin
    parent = {spelling: spelling for spelling in counts}

    def root(spelling: str) -> str:
        while parent[spelling] != spelling:
            parent[spelling] = parent[parent[spelling]]
            spelling = parent[spelling]
        return spelling

    def join(one: str, other: str) -> None:
        one, other = root(one), root(other)
        if one != other:  # which root stays does not matter: groups list in order of use
            parent[other] = one

    by_key: dict[str, str] = {}
    names_of: dict[str, set[str]] = {}  # an acronym's key: the keys of the names it follows
    for spelling in counts:  # keys are found by hash: no pair of spellings is compared
        keys, acronym = _party_keys(spelling)
        for key in keys:
            if key in by_key:
                join(by_key[key], spelling)
            else:
                by_key[key] = spelling
        if acronym is not None:
            names_of.setdefault(acronym[0], set()).add(acronym[1])
    # The bare acronym is a spelling of the one party whose name it follows; of two or more
    # (National Statistics Office (NSO), National Sports Organisation (NSO)), of none.
    for short, names in names_of.items():
        named = {root(by_key[name]) for name in names}
        if short in by_key and len(named) == 1:
            join(named.pop(), by_key[short])
    groups: dict[str, list[str]] = {}
    for spelling in counts:
        groups.setdefault(root(spelling), []).append(spelling)
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        listed = ", ".join(f"{spelling!r} ({_count(counts[spelling])})" for spelling in spellings)
        yield _issue(
            "GT114",
            f"responsible parties {listed} look like one party: reminders and summaries "
            "count them apart; to unify them, give each action one spelling with "
            "attrs.evolve (how-to 'List each unit's overdue actions')",
            first[spellings[0]],
        )


def _clock(time: dt.time) -> str:
    """A time of day as a message shows it: ``16:00``, with seconds only when it has some."""
    return time.isoformat(timespec="minutes" if not time.second else "seconds")


@rule("GT115", Severity.WARNING, "meeting ends before it starts")
def _meeting_ends_before_it_starts(doc: Document, on: dt.date) -> Iterator[Issue]:
    """A meeting whose end time is before its start time: it ran past midnight (22:00 to
    01:00), or the times were swapped (the minutes reader once stored ``16:00-09:00`` so). Both
    are kept as given; the rule asks which."""
    del on
    for meeting in doc.meetings:
        starts, ends = meeting.starts, meeting.ends
        if starts is None or ends is None or not ends < starts:
            continue
        yield _issue(
            "GT115",
            f"the meeting {meeting.title[:40]!r} ends ({_clock(ends)}) before it starts "
            f"({_clock(starts)}): past midnight, or the times swapped? If swapped, set "
            "starts= and ends= with attrs.evolve",
            meeting.origin,
        )


_STATUS_CHOICES = ", ".join(repr(STATUS_SYNONYMS[status][0]) for status in Status)
"""The status words GT112 names: the first of each status's words."""


def _narrative_status(action: Action, origin: Location) -> tuple[str, str]:
    """What a work plan's Status cell held when it was no status word, and where the reader
    kept it: the comments (a table without a Comments column) or ``extra`` under the
    Status header; ``("", "")`` when the cell was empty."""
    label = origin.labels.get("status", "")
    if label and (held := action.extra.get(label, "")):
        return held, f"extra[{label!r}]"
    if "comments" not in origin.columns and action.comments.strip():
        return action.comments, "the comments"
    return "", ""


READING_RULES = ("GT101", "GT104", "GT111")
"""The rules about words a reader kept as text but could not interpret (a status word, a
deadline, a response category): :func:`with_reading_problems` puts their issues in
``doc.problems`` as the readers read, so that reading reports them and not only
:func:`validate`."""

_ANY_DAY = dt.date(2000, 1, 1)
"""The date the reading rules are run on: none of them judges on it."""


def with_reading_problems(document: Document) -> Document:
    """The document with a problem for each word its reader kept as text but could not
    interpret: an unknown status word (GT101), an unreadable deadline (GT104), an unknown
    response category (GT111), each at the field's location (``Actions!D2``, ``line 12``).

    The readers' shared last step: the ``load`` of the Excel reader (for a partner's
    workbook) and the ``loads`` of every text module but JSON's call it, so
    :func:`govtrack.load` and :func:`govtrack.loads` give the same problems. The issues
    are the rules' own (:data:`READING_RULES`), added after the reader's problems in rule
    order, one for each word (two actions at one place, or built in code with none, give
    two). One the document holds already (same code and location: a second call) is not
    added again, and a deadline the reader already explained at its place (an ambiguous
    day, GT208) is not reported, as :func:`validate` does not.

    ``doc.problems`` records what reading found: an action edited afterwards keeps its
    problems there, and :func:`validate` judges the document as it is.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(
    ...     gt.Action(text="Hire", status_text="Stalled", due_text="someday",
    ...               origin=gt.Location(line=12)),)),))
    >>> [str(problem.location) + " " + problem.code
    ...  for problem in with_reading_problems(doc).problems]
    ['line 12 GT101', 'line 12 GT104']
    >>> with_reading_problems(with_reading_problems(doc)) == with_reading_problems(doc)
    True
    """
    told = {(problem.code, problem.location) for problem in document.problems}
    added: list[Issue] = []
    with collector_paused():  # issues are acyclic: see collector_paused
        for check in (_unknown_status, _unreadable_deadline, _unknown_category):
            # Only the problems held already count: two actions at one place (or at none,
            # built in code) are two problems.
            added.extend(
                issue
                for issue in check(document, _ANY_DAY)
                if (issue.code, issue.location) not in told
            )
    if not added:
        return document
    return attrs.evolve(document, problems=(*document.problems, *added))


class ReadingChecks:
    """:func:`with_reading_problems` for a reader that streams (:func:`govtrack.iter_actions`),
    which keeps no document: :meth:`check` each action as it is read, then :meth:`finish`
    appends its unknown status words (GT101) and unreadable deadlines (GT104) to ``problems``
    after the reader's, in the order :func:`with_reading_problems` gives them. A response
    category (GT111) belongs to a recommendation, which streaming does not build.

    Only the problems are held, never the actions.

    >>> import govtrack as gt
    >>> problems: list[gt.Issue] = []
    >>> checks = ReadingChecks(problems)
    >>> checks.check(gt.Action(text="Hire", due_text="soon"))
    >>> checks.check(gt.Action(text="Pay", status_text="Stalled"))
    >>> checks.finish()
    >>> [problem.code for problem in problems]
    ['GT101', 'GT104']
    """

    def __init__(self, problems: list[Issue]) -> None:
        self._problems = problems
        self._statuses: list[Issue] = []
        self._deadlines: list[tuple[Issue, str]] = []

    def check(self, action: Action) -> None:
        """Note the problems of the words of ``action`` that could not be interpreted."""
        status = _status_issue(action)
        if status is not None:
            self._statuses.append(status)
        deadline = _deadline_issue(action, _NOTHING_SAID)
        if deadline is not None:
            self._deadlines.append((deadline, action.due_text))

    def finish(self) -> None:
        """Append the problems noted, but a deadline the reader explained at its place, and
        any the problems hold already (same code and location)."""
        said = _Said(self._problems)
        told = {(problem.code, problem.location) for problem in self._problems}
        deadlines = [
            issue
            for issue, text in self._deadlines
            if issue.location is None
            or not any(text in message for message in said.at(issue.location))
        ]
        self._problems.extend(
            issue
            for issue in (*self._statuses, *deadlines)
            if (issue.code, issue.location) not in told  # held already, not one of these
        )
        self._statuses.clear()
        self._deadlines.clear()


_NUMBERED = re.compile(r"(\D*)(\d+)")


def _ranges(codes: Iterable[str]) -> str:
    """Codes in order, each run of consecutive numbers as one range: ``GT101-GT112, ORG001``."""
    runs: list[list[str]] = []
    previous: tuple[str, int, int] | None = None
    for code in sorted(set(codes)):
        match = _NUMBERED.fullmatch(code)
        key = (match[1], int(match[2]), len(match[2])) if match else None
        follows = (
            key is not None
            and previous is not None
            and key[0] == previous[0]
            and key[2] == previous[2]
            and key[1] == previous[1] + 1
        )
        if follows:
            runs[-1].append(code)
        else:
            runs.append([code])
        previous = key
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def check_codes(option: str, patterns: Iterable[str], known: Iterable[str] = ()) -> None:
    """Refuse a code or code prefix that no problem code starts with: a typo (``GT11O``)
    would select nothing, or ignore nothing, in silence.

    The known codes are the rules' (:data:`RULES`, an application's own included), the
    readers' (``GT2xx``, ``GT3xx``) and ``known`` (a document's problems' codes).
    ``govtrack validate --select/--ignore`` and :func:`validate` refuse with this one
    message; ``option`` names the option as the caller wrote it.

    Raises:
        UnknownCodeError: A pattern selects no known code.

    >>> check_codes("--ignore", ["GT110", "gt2"])
    >>> check_codes("--ignore", ["GT11O"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govtrack._errors.UnknownCodeError: --ignore GT11O: no problem code starts with it; the codes are GT101-GT115 (rules), GT2xx (workbooks) and GT3xx (text), listed by 'govtrack codes'
    """  # noqa: E501 - doctest output is one line
    wanted = [pattern.strip() for pattern in patterns if pattern.strip()]
    if not wanted:
        return
    rules = [registered.code for registered in RULES]
    codes = [*rules, *known]
    unknown = [pattern for pattern in wanted if not _matches_any(codes, pattern)]
    if not unknown:
        return
    from govtrack.io import reader_codes  # noqa: PLC0415 - the readers import the model

    codes += reader_codes()
    for pattern in unknown:
        if not _matches_any(codes, pattern):
            raise UnknownCodeError(
                f"{option} {pattern}: no problem code starts with it; the codes are "
                f"{_ranges(rules)} (rules), GT2xx (workbooks) and GT3xx (text), listed by "
                "'govtrack codes'"
            )


def _matches_any(codes: Iterable[str], pattern: str) -> bool:
    return any(code.startswith(pattern.upper()) for code in codes)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(pattern.strip().upper()) for pattern in patterns if pattern.strip())


def validate(
    document: Document,
    *,
    on: dt.date,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> Issues:
    """Check a document against every rule; reading problems come first.

    Args:
        document: The document.
        on: The date overdue is judged on.
        select: Keep only issues whose code starts with one of these (``"GT1"``,
            ``"GT104"``, or a list of them); None or an empty list keeps all.
        ignore: Drop issues whose code starts with one of these.

    Returns:
        The issues (a list): the reader's problems, then each rule's in code order; a
        rule's issue with the code and location of a reader's problem is not listed twice.
        The problems reading gave with the reading rules' codes (GT101, GT104, GT111:
        :data:`READING_RULES`) are not listed from ``doc.problems`` but judged again, as
        the document is now: a status word fixed with ``attrs.evolve`` since it was read
        is no longer reported.

    Raises:
        UnknownCodeError: A code or prefix in ``select`` or ``ignore`` that no known code
            starts with (a typo such as ``GT11O``); see :func:`check_codes`.
        TypeError: ``on`` is not a date.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(
    ...     gt.Action(text="Hire", status_text="Stalled", due=gt.parse_due("2022/01"),
    ...               responsible=("HR",)),)),))
    >>> [issue.code for issue in gt.validate(doc, on=dt.date(2023, 1, 31))]
    ['GT101', 'GT110']
    >>> [issue.code for issue in gt.validate(doc, on=dt.date(2023, 1, 31), ignore=["GT110"])]
    ['GT101']
    >>> gt.validate(doc, on=dt.date(2023, 1, 31), ignore=["GT11O"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govtrack._errors.UnknownCodeError: validate(ignore=...) GT11O: no problem code starts ...
    """
    if not isinstance(document, Document):
        raise WrongTypeError(
            f"validate(document) takes a Document, not {type(document).__name__} "
            f"{_shown(document)}: read one with gt.load or gt.loads (gt.combine joins several)"
        )
    if isinstance(select, str):
        select = (select,)
    if isinstance(ignore, str):
        ignore = (ignore,)
    selected = tuple(select) if select is not None else None
    if selected is not None and not any(code.strip() for code in selected):
        selected = None  # an empty selection selects everything, as no selection does
    ignored = tuple(ignore)
    own = [problem.code for problem in document.problems]
    check_codes("validate(select=...)", selected or (), own)
    check_codes("validate(ignore=...)", ignored, own)
    # The reading rules' problems are what reading found: they are judged again below, on the
    # document as it is now (an action fixed since is no longer reported).
    judged = {registered.code for registered in RULES} & set(READING_RULES)
    found: list[Issue] = [problem for problem in document.problems if problem.code not in judged]
    told = {(problem.code, problem.location) for problem in found}
    on = date_argument(on, "validate(on=...)")  # a datetime stands for its day
    _SEVERITY.clear()
    _SEVERITY.update((registered.code, registered.severity) for registered in RULES)
    with collector_paused():  # issues are acyclic: see collector_paused
        for registered in sorted(RULES, key=lambda r: r.code):
            if selected is not None and not _matches(registered.code, selected):
                continue
            if _matches(registered.code, ignored):
                continue
            found.extend(
                issue
                for issue in registered.check(document, on)
                if (issue.code, issue.location) not in told  # the reader reported it
            )
        return Issues(
            issue
            for issue in found
            if (selected is None or _matches(issue.code, selected))
            and not _matches(issue.code, ignored)
        )
