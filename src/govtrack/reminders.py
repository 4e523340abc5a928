"""Reminders: for each responsible party, what is overdue and what falls due soon.

An action is overdue when its deadline has passed and it is not done, or when the
source records it overdue (``Over due``, ``Delayed``): the recorded status wins, so
an action recorded late is overdue even before its deadline. The renderers keep the
two apart: an action whose deadline has not passed (or that has none) is listed as
*recorded as* late, with the source's word and its deadline, never as past due.

Rendered as plain text, Markdown, or iCalendar (``.ics``, one to-do per action
and party, through the optional ``icalendar`` package: ``pip install govtrack[ics]``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

import attrs

from govtrack._errors import ArgumentError, DueParseError, GovtrackError, WrongTypeError
from govtrack._text import one_line
from govtrack.model.dates import Due, Precision, date_argument, parse_due
from govtrack.model.records import Action, Document
from govtrack.model.rules import owed_by, resolves_itself
from govtrack.model.status import Status

__all__ = [
    "Reminder",
    "is_past_due",
    "recorded_line",
    "reminders",
    "to_ics",
    "to_markdown",
    "to_text",
]


@attrs.frozen(kw_only=True)
class Reminder:
    """What one party owes: overdue actions, and those due within the window."""

    party: str
    overdue: tuple[Action, ...] = ()
    due_soon: tuple[Action, ...] = ()


def reminders(
    source: Document | Iterable[Action], *, on: dt.date, within: int = 30
) -> list[Reminder]:
    """One reminder per responsible party with anything overdue or due within ``within`` days.

    Args:
        source: A Document or actions.
        on: The date to judge on.
        within: How many days ahead count as "due soon"
            (the deadline's last day falls in ``on``..``on + within``).

    Returns:
        Reminders sorted by party; parties with nothing owed are left out, and so are the
        rules that resolve by themselves (a deemed-consent decision with no recorded status:
        nobody owes it).

    >>> import govtrack as gt
    >>> unit = ("Unit A",)
    >>> actions = [gt.Action(text="Report", responsible=unit, due=gt.parse_due("2023-02-10")),
    ...            gt.Action(text="Survey", responsible=unit, due=gt.parse_due("2022/06"))]
    >>> (reminder,) = reminders(actions, on=dt.date(2023, 1, 31), within=30)
    >>> [a.text for a in reminder.overdue], [a.text for a in reminder.due_soon]
    (['Survey'], ['Report'])
    """
    on = date_argument(on, "reminders(on=...)")
    actions = source.actions if isinstance(source, Document) else tuple(source)
    if type(within) is not int:
        given: object = within  # typed int, but a caller's "3" or True is refused here
        hint = f": pass int({given!r})" if isinstance(given, str) else ""
        raise WrongTypeError(
            f"reminders(within=...) takes a whole number of days (an int), not "
            f"{type(given).__name__} {given!r}{hint}"
        )
    if within < 0:
        raise ArgumentError(f"reminders(within=...) must be 0 days or more, not {within!r}")
    try:
        horizon = on + dt.timedelta(days=within)
    except OverflowError:
        horizon = dt.date.max
    overdue: dict[str, list[Action]] = {}
    soon: dict[str, list[Action]] = {}
    for action in actions:
        if resolves_itself(action):
            continue
        status = action.effective_status(on=on)
        if status is Status.OVERDUE:
            target = overdue
        elif (
            action.due is not None
            and (status is None or not status.is_closed)
            and on <= action.due.end <= horizon
        ):
            target = soon
        else:
            continue
        for party in owed_by(action):
            target.setdefault(party, []).append(action)
    return [
        Reminder(
            party=party,
            overdue=tuple(overdue.get(party, ())),
            due_soon=tuple(sorted(soon.get(party, ()), key=_due_end)),
        )
        for party in sorted(set(overdue) | set(soon))
    ]


def is_past_due(action: Action, *, on: dt.date) -> bool:
    """Whether the deadline of ``action`` has passed on ``on`` (its last day is before it).

    An overdue action for which this is False is overdue by its recorded status alone:
    the source says it is late (``Delayed``) though its deadline is still to come.

    >>> import govtrack as gt
    >>> late = gt.Action(text="Survey", status_text="Delayed", status=gt.Status.OVERDUE,
    ...                  due=gt.parse_due("first half of 2023"))
    >>> gt.is_past_due(late, on=dt.date(2023, 1, 31)), gt.is_past_due(late, on=dt.date(2023, 7, 1))
    (False, True)
    """
    return action.due is not None and action.due.end < on


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def due_words(action: Action) -> str:
    """An action's deadline as a listing shows it: the source's words, preceded by the
    day (or span) govtrack computed when the words do not state it themselves, as a
    deadline counted from the meeting date (``within two weeks``) does.

    >>> import datetime as dt
    >>> import govtrack as gt
    >>> due = gt.Due.day(dt.date(2023, 9, 19), text="within two weeks")
    >>> due_words(gt.Action(text="Share the minutes", due=due))
    '19 Sep 2023, within two weeks'
    >>> due_words(gt.Action(text="Survey", due=gt.parse_due("Q2-2022")))
    'Q2-2022'
    """
    due = action.due
    if due is None:
        return action.due_text
    text = one_line(due.text)
    if str(due.end.year) in text and _states(text, due):
        return text  # the words give the date: 'Q2-2022', '31/10/2023'
    if due.precision is Precision.DAY:
        day = f"{due.end.day} {_MONTHS[due.end.month - 1]} {due.end.year}"
    else:
        day = due.render()
    return f"{day}, {text}" if text else day


def _states(text: str, due: Due) -> bool:
    """Whether ``text`` states the deadline ``due`` by itself: it reads as ``due`` whichever
    order of day and month the document was read with (``31/12/2023``, ``Q2-2022``; not
    ``03.04.2023``, read as 4 March with ``dayfirst=False``, as 3 April by default)."""
    for dayfirst in (True, False):
        try:
            read = parse_due(text, dayfirst=dayfirst)
        except DueParseError:
            return False
        if (read.start, read.end, read.precision) != (due.start, due.end, due.precision):
            return False
    return True


def recorded_line(action: Action) -> str:
    """An action recorded late before its deadline, as the reminders list it: its ref,
    text, the source's status word and the deadline.

    >>> import govtrack as gt
    >>> print(gt.recorded_line(gt.Action(ref="2", text="Survey", status_text="Delayed",
    ...       status=gt.Status.OVERDUE, due=gt.parse_due("first half of 2023"))))
    2 Survey (recorded as Delayed; due first half of 2023)
    """
    return _recorded(action)


def _recorded(action: Action, *, flat: bool = False, width: int | None = None) -> str:
    """:func:`recorded_line`, with ``flat`` and ``width`` as :func:`_line` takes them."""
    ref = f"{action.ref} " if action.ref else ""
    word = action.status_text.strip() or (action.status.label if action.status else "overdue")
    words = due_words(action)
    due = f"due {words}" if words else "no deadline given"
    text = one_line(action.text, width) if flat else action.text
    return f"{ref}{text} (recorded as {word}; {due})"


def _split(reminder: Reminder, on: dt.date) -> tuple[list[Action], list[Action]]:
    """A reminder's overdue actions: those past their deadline, and those recorded late."""
    past = [action for action in reminder.overdue if is_past_due(action, on=on)]
    recorded = [action for action in reminder.overdue if not is_past_due(action, on=on)]
    return past, recorded


def _due_end(action: Action) -> dt.date:
    return action.due.end if action.due is not None else dt.date.max


def _line(action: Action, *, flat: bool = False, width: int | None = None) -> str:
    """An action as the reminders list it: with ``flat``, its text on one line (a list
    item), and with ``width`` too, cut to at most ``width`` characters (plain text)."""
    ref = f"{action.ref} " if action.ref else ""
    words = due_words(action)
    due = f" (due {words})" if words else ""
    text = one_line(action.text, width) if flat else action.text
    return f"{ref}{text}{due}"


_WIDTH = 70
"""The most characters of an action's text the plain-text reminders show."""


_RECORDED = "Recorded as late, deadline not passed"
"""The heading of the actions overdue by their recorded status alone."""


def to_text(items: list[Reminder], *, on: dt.date) -> str:
    """Plain text, one section per party."""
    on = date_argument(on, "to_text(on=...)")
    if not items:
        return f"Nothing overdue or due soon on {on}.\n"
    out: list[str] = []
    for reminder in items:
        out.append(f"{reminder.party}")
        out.append("=" * len(reminder.party))
        past, recorded = _split(reminder, on)
        if past:
            out.append(f"Overdue on {on} ({len(past)}):")
            out += [f"  - {_line(action, flat=True, width=_WIDTH)}" for action in past]
        if recorded:
            out.append(f"{_RECORDED} ({len(recorded)}):")
            out += [f"  - {_recorded(action, flat=True, width=_WIDTH)}" for action in recorded]
        if reminder.due_soon:
            out.append(f"Due soon ({len(reminder.due_soon)}):")
            out += [f"  - {_line(action, flat=True, width=_WIDTH)}" for action in reminder.due_soon]
        out.append("")
    return "\n".join(out)


def to_markdown(items: list[Reminder], *, on: dt.date) -> str:
    """Markdown, one section per party."""
    from govtrack.io.report import escape  # noqa: PLC0415 - only this renderer needs it

    on = date_argument(on, "to_markdown(on=...)")

    out = [f"# Reminders as of {on}", ""]
    if not items:
        out.append("Nothing overdue or due soon.")
    for reminder in items:
        out += [f"## {escape(reminder.party)}", ""]
        past, recorded = _split(reminder, on)
        if past:
            out += ["**Overdue**", ""] + [f"- {escape(_line(a, flat=True))}" for a in past] + [""]
        if recorded:
            out += [f"**{_RECORDED}**", ""]
            out += [f"- {escape(_recorded(a, flat=True))}" for a in recorded] + [""]
        if reminder.due_soon:
            out += (
                ["Due soon", ""]
                + [f"- {escape(_line(a, flat=True))}" for a in reminder.due_soon]
                + [""]
            )
    return "\n".join(out).rstrip() + "\n"


def to_ics(items: list[Reminder], *, on: dt.date) -> bytes:
    """An iCalendar file: one VTODO per party and action, due on the deadline's last day.

    Raises:
        GovtrackError: The optional ``icalendar`` package is not installed.
    """
    on = date_argument(on, "to_ics(on=...)")
    try:
        import icalendar  # noqa: PLC0415 - an optional extra
    except ModuleNotFoundError:
        raise GovtrackError(
            "writing .ics needs the optional icalendar package: pip install 'govtrack[ics]'"
        ) from None
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//govtrack//reminders//EN")
    calendar.add("version", "2.0")
    for reminder in items:
        for action in (*reminder.overdue, *reminder.due_soon):
            todo = icalendar.Todo()
            key = f"{reminder.party}|{action.ref}|{action.text}|{action.deadline_text}"
            digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
            todo.add("uid", f"{digest}@govtrack")  # the same to-do on every day it is sent
            todo.add("dtstamp", dt.datetime.combine(on, dt.time(), tzinfo=dt.timezone.utc))
            todo.add("summary", f"[{reminder.party}] {action.text}")
            if action.due is not None:
                todo.add("due", action.due.end)
            if action in reminder.overdue:
                todo.add("priority", 1)
            recorded = action in reminder.overdue and not is_past_due(action, on=on)
            todo.add("description", recorded_line(action) if recorded else _line(action))
            calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
