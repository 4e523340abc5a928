"""The domain records: actions and what holds them.

Every class is frozen, slotted and keyword-only; sequences are tuples; every
field but the essential text has a default, so a document can be built by
hand; ``attrs.evolve`` records an update. Nothing here imports from
:mod:`govtrack.io`.

>>> import govtrack as gt
>>> action = gt.Action(text="Share the draft strategy", due=gt.parse_due("2019/05"))
>>> later = attrs.evolve(action, status=gt.Status.COMPLETED)
>>> action == later, later.status.label
(False, 'Completed')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from govtrack._errors import ArgumentError, WrongTypeError
from govtrack.model._immutable import shared_when_copied
from govtrack.model.dates import Due, date_argument
from govtrack.model.frozenmap import EMPTY, FrozenMap, _frozen_map
from govtrack.model.location import Location, _count_or_none, _not_negative
from govtrack.model.status import ResponseCategory, ScheduleStatus, Severity, Status

__all__ = [
    "Action",
    "ActionPlan",
    "Actions",
    "Activity",
    "AgendaItem",
    "Answer",
    "Decision",
    "Document",
    "Evaluation",
    "FrozenMap",
    "Indicator",
    "Issue",
    "Issues",
    "ManagementResponse",
    "Meeting",
    "Problem",
    "ProgressReport",
    "Recommendation",
    "Update",
]


# Validators for the fields the status rules read (a status, a deadline): a word where an
# enum belongs, or a text where a Due belongs, would otherwise be stored and fail much
# later, in summarize() or validate(), with an AttributeError that says nothing. Readers
# build records through govtrack.io._build, which knows its values are right.


def _a_or_none(cls: type, how: str) -> Any:
    """A validator: the value is a ``cls`` or None; ``how`` says how to make one from a
    text (``"Status.parse"``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None or isinstance(value, cls):
            return
        hint = f": use {how}({value!r})" if isinstance(value, str) else ""
        raise WrongTypeError(
            f"{type(instance).__name__}.{attribute.name} must be a {cls.__name__} or None, "
            f"not {type(value).__name__} {value!r}{hint}"
        )

    return check


def _day_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: the value is a day (a ``datetime.date`` that is not a datetime) or None."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return
    if isinstance(value, dt.datetime):
        hint = ": use its .date() (the time of day goes in starts= and ends=)"
    elif isinstance(value, str):
        hint = f": use datetime.date.fromisoformat({value!r})"
    else:
        hint = ""
    raise WrongTypeError(
        f"{type(instance).__name__}.{attribute.name} must be a date or None, "
        f"not {type(value).__name__} {value!r}{hint}"
    )


def _ends(instance: Meeting, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: ``ends`` is a time or None, and with ``starts`` both have a time zone
    or neither (they could not be compared). An end before the start is kept: a meeting
    may run past midnight, and validate's GT115 asks whether the times were swapped."""
    _TIME(instance, attribute, value)
    starts = instance.starts
    if starts is None or not isinstance(value, dt.time):
        return
    if (starts.utcoffset() is None) != (value.utcoffset() is None):
        raise ArgumentError(
            f"Meeting.starts {starts.isoformat()} and ends {value.isoformat()}: give both "
            "with a time zone or neither (they cannot be compared); add tzinfo= to the "
            "one without, or remove it from the other"
        )


_STATUS = _a_or_none(Status, "Status.parse")
_DUE = _a_or_none(Due, "parse_due")
_TIME = _a_or_none(dt.time, "datetime.time.fromisoformat")
_SCHEDULE = _a_or_none(ScheduleStatus, "ScheduleStatus.parse")
_CATEGORY = _a_or_none(ResponseCategory, "ResponseCategory.parse")


def _a_name(cls: type) -> str:
    """The class's name after "a" or "an" (``an Action``)."""
    name = cls.__name__
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: the value is True or False (a text such as ``"false"`` is truthy)."""
    if value is True or value is False:
        return
    raise WrongTypeError(
        f"{type(instance).__name__}.{attribute.name} must be a bool, "
        f"not {type(value).__name__} {_shown(value)}"
    )


def _bool_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: the value is True, False or None."""
    if value is None or value is True or value is False:
        return
    raise WrongTypeError(
        f"{type(instance).__name__}.{attribute.name} must be a bool or None, "
        f"not {type(value).__name__} {_shown(value)}"
    )


def _a(cls: type) -> Any:
    """A validator: the value is a ``cls`` (a record a field always holds)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, cls):
            return
        raise WrongTypeError(
            f"{type(instance).__name__}.{attribute.name} must be {_a_name(cls)}, "
            f"not {type(value).__name__} {_shown(value)}"
        )

    return check


def _tuple_of(kind: type | str) -> Any:
    """A validator: the value is a tuple of ``kind`` records (what the field's converter
    made of a list, a generator or a single record); the first item that is not one is
    named with its index. ``kind`` may be the name of a class of this module, for a
    field of the class itself (``Indicator.targets``): it is looked up once, on first use.

    Every record built runs it, so the valid case returns at once: no message is made and
    nothing is looked up unless the value is refused (a subclass passes ``isinstance``)."""
    found: list[type] = [kind] if isinstance(kind, type) else []

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        cls = found[0] if found else _found(found, kind)
        if type(value) is tuple:
            for item in value:
                if type(item) is not cls and not isinstance(item, cls):
                    break
            else:
                return
        _refuse_records(instance, attribute, value, cls)

    return check


def _found(found: list[type], kind: type | str) -> type:
    """The class ``kind`` names (a class of this module), remembered in ``found``."""
    cls: type = globals()[kind] if isinstance(kind, str) else kind
    found.append(cls)
    return cls


def _refuse_records(
    instance: object, attribute: attrs.Attribute[Any], value: object, cls: type
) -> None:
    """Raise the WrongTypeError for a value that is not a tuple of ``cls`` records."""
    where = f"{type(instance).__name__}.{attribute.name}"
    if type(value) is not tuple:
        raise WrongTypeError(
            f"{where} must be a tuple of {cls.__name__}, not {type(value).__name__} {_shown(value)}"
        )
    for index, item in enumerate(value):
        if not isinstance(item, cls):
            hint = f": use {cls.__name__}(**{_shown(item)})" if type(item) is dict else ""
            raise WrongTypeError(
                f"{where}[{index}] must be {_a_name(cls)}, "
                f"not {type(item).__name__} {_shown(item)}{hint}"
            )


def _refuse_texts(instance: object, names: tuple[str, ...], parties: bool) -> None:
    """Raise the WrongTypeError for the first of ``instance``'s text fields ``names`` that
    holds no str (or, with ``parties``, the first responsible party that is no str)."""
    record = type(instance).__name__
    for name in names:
        value = getattr(instance, name)
        if not isinstance(value, str):
            hint = ': use "" for none' if value is None else ""
            raise WrongTypeError(
                f"{record}.{name} must be a str, not {type(value).__name__} {_shown(value)}{hint}"
            )
    if not parties:
        return
    responsible = getattr(instance, "responsible", ())
    if type(responsible) is not tuple:
        raise WrongTypeError(
            f"{record}.responsible must be a str or an iterable of str (the parties), "
            f"not {type(responsible).__name__} {_shown(responsible)}"
        )
    for index, party in enumerate(responsible):
        if not isinstance(party, str):
            raise WrongTypeError(
                f"{record}.responsible[{index}] must be a str (a party), "
                f"not {type(party).__name__} {_shown(party)}"
            )


_ACTION_TEXTS = ("text", "ref", "due_text", "status_text", "comments", "scope", "group")


def _action_fields(instance: Action, attribute: attrs.Attribute[Any], value: object) -> None:
    """The one validator of an Action (on ``text``; validators run once every field is
    set): its texts and parties are str, its due a Due or None, its status a Status or
    None, its updates a tuple of Updates. Every action built runs it, so the valid case is
    one call of ``type(x) is ...`` tests; the slow path (a str subclass, a refusal) goes
    through each field's own check, which names the field and how to make the value."""
    del attribute
    if (
        type(value) is str
        and type(instance.ref) is str
        and type(instance.due_text) is str
        and type(instance.status_text) is str
        and type(instance.comments) is str
        and type(instance.scope) is str
        and type(instance.group) is str
        and type(responsible := instance.responsible) is tuple
        and ((due := instance.due) is None or type(due) is Due)
        and ((status := instance.status) is None or type(status) is Status)
        and type(updates := instance.updates) is tuple
    ):
        for party in responsible:
            if type(party) is not str:
                break
        else:
            for update in updates:
                if type(update) is not Update:
                    break
            else:
                return
    _refuse_texts(instance, _ACTION_TEXTS, parties=True)
    fields = attrs.fields(type(instance))
    _DUE(instance, fields.due, instance.due)
    _STATUS(instance, fields.status, instance.status)
    _UPDATES(instance, fields.updates, instance.updates)


def _activity_texts(instance: Activity, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator on ``Activity.delay_reasons``: it and ``recommendations`` are texts."""
    del attribute
    if type(value) is str and type(instance.recommendations) is str:
        return
    _refuse_texts(instance, ("delay_reasons", "recommendations"), parties=False)


_UPDATES = _tuple_of("Update")


def _records_of(value: Any, cls: type) -> Any:
    """``value`` as a tuple: a single ``cls`` record is a tuple of one, as a single text is
    for the fields that hold texts; a text, or anything else not iterable, is left for the
    field's validator to refuse, naming the field (a text would be split into characters)."""
    if type(value) is tuple:
        return value
    if isinstance(value, cls):
        return (value,)
    if isinstance(value, (str, bytes, bytearray, dict)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


# Named converters, one per element type: mypy's attrs plugin then checks the
# element type of whatever iterable a caller passes (a generic one would not).


def _updates(value: Iterable[Update] | Update) -> tuple[Update, ...]:
    return _records_of(value, Update)  # type: ignore[no-any-return]


def _actions(value: Iterable[Action] | Action) -> tuple[Action, ...]:
    return _records_of(value, Action)  # type: ignore[no-any-return]


def _decisions(value: Iterable[Decision] | Decision) -> tuple[Decision, ...]:
    return _records_of(value, Decision)  # type: ignore[no-any-return]


def _activities(value: Iterable[Activity] | Activity) -> tuple[Activity, ...]:
    return _records_of(value, Activity)  # type: ignore[no-any-return]


def _recommendations(
    value: Iterable[Recommendation] | Recommendation,
) -> tuple[Recommendation, ...]:
    return _records_of(value, Recommendation)  # type: ignore[no-any-return]


def _evaluations(value: Iterable[Evaluation] | Evaluation) -> tuple[Evaluation, ...]:
    return _records_of(value, Evaluation)  # type: ignore[no-any-return]


def _agenda(value: Iterable[AgendaItem] | AgendaItem) -> tuple[AgendaItem, ...]:
    return _records_of(value, AgendaItem)  # type: ignore[no-any-return]


def _meetings(value: Iterable[Meeting] | Meeting) -> tuple[Meeting, ...]:
    return _records_of(value, Meeting)  # type: ignore[no-any-return]


def _indicators(value: Iterable[Indicator] | Indicator) -> tuple[Indicator, ...]:
    return _records_of(value, Indicator)  # type: ignore[no-any-return]


def _answers(value: Iterable[Answer] | Answer) -> tuple[Answer, ...]:
    return _records_of(value, Answer)  # type: ignore[no-any-return]


def _reports(value: Iterable[ProgressReport] | ProgressReport) -> tuple[ProgressReport, ...]:
    return _records_of(value, ProgressReport)  # type: ignore[no-any-return]


def _plans(value: Iterable[ActionPlan] | ActionPlan) -> tuple[ActionPlan, ...]:
    return _records_of(value, ActionPlan)  # type: ignore[no-any-return]


def _issues(value: Iterable[Issue] | Issue) -> tuple[Issue, ...]:
    return _records_of(value, Issue)  # type: ignore[no-any-return]


def _texts(value: Iterable[str] | str) -> tuple[str, ...]:
    """A tuple of texts; a single string is one text, not its characters."""
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        return (value,) if value else ()
    try:
        items = iter(value)
    except TypeError:  # not iterable (isinstance of Iterable is slow: every record runs this)
        raise WrongTypeError(
            f"expected a str or an iterable of str, not {type(value).__name__} {_shown(value)}"
        ) from None
    return tuple(items)


def _parties(value: Iterable[str] | str) -> tuple[str, ...]:
    """``Action.responsible`` as a tuple of texts, as :func:`_texts`; what is not iterable
    is left for the action's check to refuse, naming the field (``responsible=5``)."""
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        return (value,) if value else ()
    try:
        items = iter(value)
    except TypeError:  # not iterable: refused by _action_fields, naming the field
        return value  # type: ignore[return-value]
    return tuple(items)


def _place(location: Location | None) -> Location | None:
    """An issue's location as equality sees it: every part but the file's name."""
    if location is None or not location.file:
        return location
    return attrs.evolve(location, file="")


@shared_when_copied
@attrs.frozen(kw_only=True)
class Issue:
    """A problem found in a document: by a reader (``doc.problems``) or by :func:`validate`.

    Attributes:
        code: A stable code (``GT101``), documented, to select or ignore by.
        message: What is wrong and what was expected.
        location: Where, when known (``Matrix!I9``, ``line 37``).
        severity: Errors fail ``govtrack validate``; warnings and infos do not.

    >>> print(Issue(code="GT101", message="unknown status 'Stalled'",
    ...             location=Location(sheet="Matrix", cell="I9", header="Status")))
    Matrix!I9 (Status): GT101 unknown status 'Stalled'

    Equality (and the hash) leaves out which file the location names, as a record's
    ``origin`` is left out: the same text read under two names gives equal documents.
    The sheet, cell, line and header count.

    >>> at = lambda name: Issue(code="GT349", message="m", location=Location(file=name, line=5))
    >>> at("a.txt") == at("b.txt"), hash(at("a.txt")) == hash(at("b.txt"))
    (True, True)
    >>> at("a.txt") == Issue(code="GT349", message="m", location=Location(file="a.txt", line=6))
    False
    """

    code: str
    message: str
    location: Location | None = attrs.field(default=None, eq=_place)
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        where = ""
        if self.location is not None and str(self.location):
            header = f" ({self.location.header})" if self.location.header else ""
            where = f"{self.location}{header}: "
        return f"{where}{self.code} {self.message}"


Problem = Issue
"""What a reader could not interpret: the same record as a validation :class:`Issue`."""


class Issues(list[Issue]):
    """The list :func:`govtrack.validate` returns: a plain list, shown as a table in notebooks.

    >>> issues = Issues([Issue(code="GT101", message="m", severity=Severity.ERROR)])
    >>> len(issues.errors), issues.codes()
    (1, {'GT101': 1})
    """

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity ERROR."""
        return [issue for issue in self if issue.severity is Severity.ERROR]

    def codes(self) -> dict[str, int]:
        """How many issues of each code, codes in order."""
        counts: dict[str, int] = {}
        for issue in sorted(self, key=lambda issue: issue.code):
            counts[issue.code] = counts.get(issue.code, 0) + 1
        return counts

    def _repr_html_(self) -> str:
        from govtrack.display import issues_html  # noqa: PLC0415 - display imports the model

        return issues_html(self)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Update:
    """A dated progress note on an action (``Dec 2022 Update: …``).

    Attributes:
        text: The note.
        on: When it was written, as precisely as the source says (None when undated).
    """

    text: str
    on: Due | None = attrs.field(default=None, validator=_DUE)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Action:
    """The trackable unit: a key action, a meeting decision, a work-plan activity.

    Attributes:
        text: What is to be done.
        ref: The source's reference (``1.2``, ``a)``), or ``""``.
        responsible: The parties who owe it.
        due: The deadline, or None when absent or unreadable.
        due_text: The source's deadline text when it could not be read as a Due
            (so no text is lost); ``""`` otherwise (``due.text`` holds it then).
        status: The recorded status, or None when absent or not understood.
        status_text: The source's status word, verbatim.
        comments: The source's comments.
        updates: Dated progress notes, oldest first as the source gives them.
        scope: A scope tag such as a country code (``"KAZ"``).
        group: The section the action sits under, when the source groups them.
        extra: Unknown columns, by header, verbatim.
        origin: Where the action was read from.
    """

    text: str = attrs.field(validator=_action_fields)
    ref: str = ""
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_parties)
    due: Due | None = None  # the fields from here to updates: checked by _action_fields
    due_text: str = ""
    status: Status | None = None
    status_text: str = ""
    comments: str = ""
    updates: tuple[Update, ...] = attrs.field(default=(), converter=_updates)
    scope: str = ""
    group: str = ""
    extra: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    origin: Location | None = attrs.field(default=None, eq=False)

    @property
    def deadline_text(self) -> str:
        """The deadline as the source wrote it, read or not."""
        return self.due.text if self.due is not None else self.due_text

    def effective_status(self, *, on: dt.date) -> Status | None:
        """The status on the date ``on``, derived from the recorded one by the rules.

        =========================================  ====================================
        recorded status                            effective status on ``on``
        =========================================  ====================================
        COMPLETED, NO_LONGER_APPLICABLE            the same
        any other or None, ``on`` > due.end        OVERDUE (an action of unknown status
                                                   is owed once its deadline has passed)
        OVERDUE                                    OVERDUE (the source's word stands)
        NOT_STARTED, ONGOING                       the same
        None, no deadline or one not yet passed    None: nothing is guessed
        =========================================  ====================================

        >>> import govtrack as gt
        >>> action = gt.Action(text="Report", due=gt.parse_due("2021/07"),
        ...                    status=gt.Status.ONGOING)
        >>> action.effective_status(on=dt.date(2021, 7, 15))
        <Status.ONGOING: 'ongoing'>
        >>> action.effective_status(on=dt.date(2021, 8, 1))
        <Status.OVERDUE: 'overdue'>
        >>> unknown = gt.Action(text="Report", due=gt.parse_due("2021/07"), status_text="Stalled")
        >>> print(unknown.effective_status(on=dt.date(2021, 7, 15)))
        None
        >>> unknown.effective_status(on=dt.date(2021, 8, 1))
        <Status.OVERDUE: 'overdue'>
        """
        if type(on) is not dt.date:  # a str or datetime: said clearly, or its day
            on = date_argument(on, "effective_status(on=...)")
        if self.status is not None and self.status.is_closed:
            return self.status
        if self.due is not None and self.due.is_past(on):
            return Status.OVERDUE
        return self.status


@shared_when_copied
@attrs.frozen(kw_only=True)
class Decision(Action):
    """A meeting decision: an :class:`Action` that may resolve by itself.

    A deemed-consent rule ("if no comment is received by 02 May 2019 the
    ministry is deemed to consent") has ``deemed_consent=True`` and the date
    in ``due``; once that date has passed it is COMPLETED unless the source
    records otherwise; until then it is ONGOING.

    >>> import govtrack as gt
    >>> rule = gt.Decision(text="No comment by 02 May 2019 means consent",
    ...                    due=gt.parse_due("02 May 2019"), deemed_consent=True)
    >>> rule.effective_status(on=dt.date(2019, 5, 2)), rule.effective_status(on=dt.date(2019, 5, 3))
    (<Status.ONGOING: 'ongoing'>, <Status.COMPLETED: 'completed'>)
    """

    deemed_consent: bool = attrs.field(default=False, validator=_bool)

    def effective_status(self, *, on: dt.date) -> Status | None:
        """As :meth:`Action.effective_status`, except that deemed consent resolves itself."""
        if type(on) is not dt.date:  # a str or datetime: said clearly, or its day
            on = date_argument(on, "effective_status(on=...)")
        if not self.deemed_consent or self.status is not None:
            return super().effective_status(on=on)
        if self.due is not None and self.due.is_past(on):
            return Status.COMPLETED
        return Status.ONGOING


@shared_when_copied
@attrs.frozen(kw_only=True)
class Activity(Action):
    """A work-plan activity in a progress report.

    Attributes:
        schedule: On or behind schedule, when the report says.
        delay_reasons: The reasons given for a delay.
        recommendations: What the working group recommends about it.
    """

    schedule: ScheduleStatus | None = attrs.field(default=None, validator=_SCHEDULE)
    delay_reasons: str = attrs.field(default="", validator=_activity_texts)
    recommendations: str = ""


@shared_when_copied
@attrs.frozen(kw_only=True)
class ManagementResponse:
    """Management's answer to a recommendation, with its category and tags.

    A tag list holds no "Not applicable": that means the list is empty.
    """

    text: str = ""
    category: ResponseCategory | None = attrs.field(default=None, validator=_CATEGORY)
    category_text: str = ""
    description: str = ""
    thematic_areas: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    operating_principles: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    organisational_priorities: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    uneg_criteria: tuple[str, ...] = attrs.field(default=(), converter=_texts)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Recommendation:
    """An evaluation's recommendation, management's response, and the key actions."""

    text: str
    ref: str = ""
    response: ManagementResponse = attrs.field(
        factory=ManagementResponse, validator=_a(ManagementResponse)
    )
    actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=_tuple_of(Action)
    )
    group: str = ""
    origin: Location | None = attrs.field(default=None, eq=False)

    def effective_status(self, *, on: dt.date) -> Status | None:
        """The status rolled up from the actions' effective statuses on ``on``.

        Applied in order; the first rule that holds gives the status:

        1. no actions: None;
        2. any action OVERDUE: OVERDUE;
        3. any action's status unknown: None;
        4. every action NO_LONGER_APPLICABLE: NO_LONGER_APPLICABLE;
        5. every applicable action COMPLETED: COMPLETED;
        6. every applicable action NOT_STARTED: NOT_STARTED;
        7. otherwise (some started or done, some not): ONGOING.

        >>> import govtrack as gt
        >>> done = gt.Action(text="a", status=gt.Status.COMPLETED)
        >>> gone = gt.Action(text="b", status=gt.Status.NO_LONGER_APPLICABLE)
        >>> gt.Recommendation(text="r", actions=(done, gone)).effective_status(
        ...     on=dt.date(2024, 1, 1))
        <Status.COMPLETED: 'completed'>
        """
        if type(on) is not dt.date:  # a str or datetime: said clearly, or its day
            on = date_argument(on, "effective_status(on=...)")
        return roll_up(action.effective_status(on=on) for action in self.actions)


def roll_up(statuses: Iterable[Status | None]) -> Status | None:
    """Combine effective statuses by the table in :meth:`Recommendation.effective_status`."""
    seen = tuple(statuses)
    if not seen:
        return None
    if Status.OVERDUE in seen:
        return Status.OVERDUE
    if None in seen:
        return None
    applicable = [status for status in seen if status is not Status.NO_LONGER_APPLICABLE]
    if not applicable:
        return Status.NO_LONGER_APPLICABLE
    if all(status is Status.COMPLETED for status in applicable):
        return Status.COMPLETED
    if all(status is Status.NOT_STARTED for status in applicable):
        return Status.NOT_STARTED
    return Status.ONGOING


@shared_when_copied
@attrs.frozen(kw_only=True)
class Evaluation:
    """An evaluation and its management response.

    Attributes:
        title: The evaluation's title.
        office: The office that commissioned it (``"Pakistan (CO)"``).
        country: The country or region.
        period: The period as written (``"2020 - 2020"``).
        approval: The approval state as written (``"Approved"``).
        summary: Management's overall response, the text above the recommendations.
        recommendations: The recommendations in source order.
        extra: Header fields govtrack has no name for, verbatim.
        origin: Where it was read from.
    """

    title: str
    office: str = ""
    country: str = ""
    period: str = ""
    approval: str = ""
    summary: str = ""
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=_recommendations, validator=_tuple_of(Recommendation)
    )
    extra: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    origin: Location | None = attrs.field(default=None, eq=False)

    @property
    def actions(self) -> Actions:
        """The key actions of every recommendation, in order (read-only).

        >>> import govtrack as gt
        >>> evaluation = gt.Evaluation(title="E", recommendations=(
        ...     gt.Recommendation(text="r1", actions=(gt.Action(text="a"), gt.Action(text="b"))),
        ...     gt.Recommendation(text="r2", actions=(gt.Action(text="c"),))))
        >>> [action.text for action in evaluation.actions]
        ['a', 'b', 'c']
        """
        return Actions(action for rec in self.recommendations for action in rec.actions)


@shared_when_copied
@attrs.frozen(kw_only=True)
class AgendaItem:
    """A numbered paragraph or agenda item of a meeting record."""

    text: str
    ref: str = ""
    title: str = ""
    origin: Location | None = attrs.field(default=None, eq=False)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting, its record and the decisions taken in it.

    Attributes:
        title: The meeting's name.
        organiser: Who convened it.
        date: The day it was held.
        starts: When it began, when given.
        ends: When it ended, when given.
        when_text: The date and time as the source wrote them.
        venue: Where, as written (several lines joined).
        chair: The chairperson(s), each as written (name, title, organisation).
        participants: The participants, or a reference such as ``"Appendix 'A'"``.
        attendance: The attendance as stated (``"Around 35 representatives"``).
        attendance_count: The number in it, when there is one.
        agenda: Numbered paragraphs or agenda items.
        themes: Themes discussed.
        key_points: Key points made.
        decisions: The decisions, in order.
    """

    title: str
    organiser: str = ""
    date: dt.date | None = attrs.field(default=None, validator=_day_or_none)
    starts: dt.time | None = attrs.field(default=None, validator=_TIME)
    ends: dt.time | None = attrs.field(default=None, validator=_ends)
    when_text: str = ""
    venue: str = ""
    chair: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    participants: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    attendance: str = ""
    attendance_count: int | None = attrs.field(
        default=None, validator=[_count_or_none, _not_negative]
    )
    agenda: tuple[AgendaItem, ...] = attrs.field(
        default=(), converter=_agenda, validator=_tuple_of(AgendaItem)
    )
    themes: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    key_points: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    decisions: tuple[Decision, ...] = attrs.field(
        default=(), converter=_decisions, validator=_tuple_of(Decision)
    )
    extra: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    origin: Location | None = attrs.field(default=None, eq=False)

    @property
    def actions(self) -> Actions:
        """The decisions, in order, as actions (read-only; the same records as ``decisions``).

        >>> import govtrack as gt
        >>> meeting = gt.Meeting(title="M", decisions=(gt.Decision(text="Share the draft"),))
        >>> meeting.actions == meeting.decisions
        True
        """
        return Actions(self.decisions)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Indicator:
    """A monitoring indicator with its timeframe, status and constraints.

    Attributes:
        text: The indicator.
        ref: Its number.
        timeframe: The timeframe as a span, when it reads as one.
        timeframe_text: The timeframe as written.
        status: The progress narrative as written.
        constraints: Constraints reported.
        recommendations: Recommendations made about it.
        targets: Numbered sub-targets, each an Indicator.
        extra: Unknown columns, by header, verbatim.
    """

    text: str
    ref: str = ""
    timeframe: Due | None = attrs.field(default=None, validator=_DUE)
    timeframe_text: str = ""
    status: str = ""
    constraints: str = ""
    recommendations: str = ""
    targets: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_indicators, validator=_tuple_of("Indicator")
    )
    extra: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    origin: Location | None = attrs.field(default=None, eq=False)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Answer:
    """A yes/no questionnaire answer (``answer`` None when neither was ticked)."""

    question: str
    answer: bool | None = attrs.field(default=None, validator=_bool_or_none)
    text: str = ""
    origin: Location | None = attrs.field(default=None, eq=False)


@shared_when_copied
@attrs.frozen(kw_only=True)
class ProgressReport:
    """A working group's progress report for a period.

    Attributes:
        title: The report's title.
        working_group: The group reporting (``"Gender"``).
        period: The reporting period as a span, when it reads as one.
        period_text: The period as written.
        activities: Work-plan activities with their implementation status.
        indicators: Monitoring indicators.
        answers: Yes/no questionnaire answers.
    """

    title: str
    working_group: str = ""
    period: Due | None = attrs.field(default=None, validator=_DUE)
    period_text: str = ""
    activities: tuple[Activity, ...] = attrs.field(
        default=(), converter=_activities, validator=_tuple_of(Activity)
    )
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_indicators, validator=_tuple_of(Indicator)
    )
    answers: tuple[Answer, ...] = attrs.field(
        default=(), converter=_answers, validator=_tuple_of(Answer)
    )
    extra: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    origin: Location | None = attrs.field(default=None, eq=False)

    @property
    def actions(self) -> Actions:
        """The activities, in order, as actions (read-only; the same records as ``activities``).

        >>> import govtrack as gt
        >>> report = gt.ProgressReport(title="R", activities=(gt.Activity(text="Train staff"),))
        >>> report.actions == report.activities
        True
        """
        return Actions(self.activities)


@shared_when_copied
@attrs.frozen(kw_only=True)
class ActionPlan:
    """A matrix of actions with no recommendation above them (an action matrix, a decision log)."""

    title: str = ""
    actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=_tuple_of(Action)
    )
    extra: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    origin: Location | None = attrs.field(default=None, eq=False)


class Actions(tuple[Action, ...]):
    """A tuple of actions (``doc.actions``), shown as a table in notebooks."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from govtrack.display import actions_html  # noqa: PLC0415 - display imports the model

        return actions_html(self)


@shared_when_copied
@attrs.frozen(kw_only=True)
class Document:
    """Everything read from one source: the four kinds of root and the reading problems.

    Attributes:
        evaluations: Evaluations with recommendations and key actions.
        meetings: Meetings with decisions.
        reports: Working-group progress reports.
        plans: Action plans (matrices of actions).
        problems: What reading could not interpret, each with a location.
        source: The file it was read from, or ``""``.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire a consultant"),)),))
    >>> [action.text for action in doc.actions]
    ['Hire a consultant']
    """

    evaluations: tuple[Evaluation, ...] = attrs.field(
        default=(), converter=_evaluations, validator=_tuple_of(Evaluation)
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), converter=_meetings, validator=_tuple_of(Meeting)
    )
    reports: tuple[ProgressReport, ...] = attrs.field(
        default=(), converter=_reports, validator=_tuple_of(ProgressReport)
    )
    plans: tuple[ActionPlan, ...] = attrs.field(
        default=(), converter=_plans, validator=_tuple_of(ActionPlan)
    )
    problems: tuple[Issue, ...] = attrs.field(
        default=(), converter=_issues, validator=_tuple_of(Issue)
    )
    source: str = attrs.field(default="", eq=False)

    @property
    def actions(self) -> Actions:
        """Every action in the document, whatever holds it, in source order.

        Evaluations' key actions come first, then meetings' decisions, then
        reports' activities, then plans' actions; within each, in order.
        """
        roots: tuple[Evaluation | Meeting | ProgressReport | ActionPlan, ...] = (
            *self.evaluations,
            *self.meetings,
            *self.reports,
            *self.plans,
        )
        found: list[Action] = []
        for root in roots:
            found.extend(root.actions)
        return Actions(found)

    @property
    def recommendations(self) -> tuple[Recommendation, ...]:
        """Every recommendation of every evaluation, in order."""
        return tuple(rec for evaluation in self.evaluations for rec in evaluation.recommendations)

    def to_records(self, *, on: dt.date | None = None) -> list[dict[str, Any]]:
        """One flat dict per action, for ``pandas.DataFrame(doc.to_records())``.

        See :func:`govtrack.model.tabular.records` for the keys.
        """
        from govtrack.model.tabular import records  # noqa: PLC0415 - tabular imports this module

        return records(self, on=on)

    def _repr_html_(self) -> str:
        from govtrack.display import document_html  # noqa: PLC0415 - display imports the model

        return document_html(self)
