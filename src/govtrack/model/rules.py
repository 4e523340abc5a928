"""Roll-up rules: counts by status, implementation and closure rates, overdue lists.

Definitions (the same everywhere in govtrack):

- **owed** actions: all but the rules that resolve by themselves, the deemed-consent
  decisions ("if no comment is received by 20 March 2024 it is deemed approved") whose
  source records no status (see :func:`resolves_itself`): nobody owes them, so they are
  counted apart (:attr:`Summary.resolving`), never in a rate, an overdue list or a reminder;
- **applicable** actions: the owed ones whose effective status is not NO_LONGER_APPLICABLE
  (an action whose status is unknown is applicable: it is owed until shown otherwise);
- **implementation rate**: COMPLETED ÷ applicable, or None when nothing is applicable;
- **closure rate** for a period: among the applicable actions whose deadline ends
  inside the period, the share COMPLETED on the date;
- **overdue**: effective status OVERDUE on the date, grouped by each responsible
  party (an action owed by two parties is listed under both; one owed by none is
  listed under :data:`UNASSIGNED`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TypeAlias

import attrs

from govtrack._errors import WrongTypeError
from govtrack.model._immutable import shared_when_copied
from govtrack.model.dates import date_argument
from govtrack.model.frozenmap import ReadOnlyMap
from govtrack.model.records import (
    Action,
    ActionPlan,
    Decision,
    Document,
    Evaluation,
    Meeting,
    ProgressReport,
    Recommendation,
)
from govtrack.model.status import Status

__all__ = [
    "UNASSIGNED",
    "ActionSource",
    "Summary",
    "closure_rate",
    "implementation_rate",
    "owed_by",
    "resolves_itself",
    "summarize",
]

ActionSource: TypeAlias = (
    Document
    | Evaluation
    | Recommendation
    | Meeting
    | ProgressReport
    | ActionPlan
    | Iterable[Action]
    | Iterable[Document]
)
"""What the roll-up functions count: a document, any record that holds actions (a
response's recommendation, an evaluation, a meeting, a report, a plan: their
``.actions``), any actions (a unit's, a filtered list), or several documents (a
portfolio of files, counted as :func:`govtrack.combine` combines them)."""

_CONTAINERS = (Document, Evaluation, Recommendation, Meeting, ProgressReport, ActionPlan)
_EXPECTED = (
    "a Document, an Evaluation, a Recommendation, a Meeting, a ProgressReport, an ActionPlan "
    "or an iterable of Actions or of Documents"
)

UNASSIGNED = "(unassigned)"
"""The key under which :attr:`Summary.overdue` lists actions with no responsible party."""


def owed_by(action: Action) -> tuple[str, ...]:
    """The parties ``action`` is listed under: its responsible parties, trimmed, blanks
    left out, each once; ``(UNASSIGNED,)`` when none is left.

    >>> owed_by(Action(text="x", responsible=("HR ", " ")))
    ('HR',)
    >>> owed_by(Action(text="x", responsible=("",)))
    ('(unassigned)',)
    """
    parties = tuple(dict.fromkeys(party for name in action.responsible if (party := name.strip())))
    return parties or (UNASSIGNED,)


def resolves_itself(action: Action) -> bool:
    """Whether ``action`` is a rule that resolves by itself, owed by nobody: a deemed-consent
    :class:`~govtrack.Decision` whose source records no status. When the source records one
    (an objection, say), the rule is followed up like any action.

    >>> import govtrack as gt
    >>> rule = gt.Decision(text="No comment by 20 March 2024 means approval",
    ...                    due=gt.parse_due("20 March 2024"), deemed_consent=True)
    >>> resolves_itself(rule), resolves_itself(gt.Action(text="Send the budget"))
    (True, False)
    """
    return isinstance(action, Decision) and action.deemed_consent and action.status is None


def _shown(value: object) -> str:
    """A value's type and a short repr, for a message."""
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 60 else shown[:57] + '...'}"


def _actions(source: ActionSource, function: str) -> tuple[Action, ...]:
    """The actions ``source`` holds, in order; a TypeError, naming ``function``'s
    argument, for anything that is not a container of actions nor actions."""
    given: object = source  # annotations do not stop a caller passing something else
    if isinstance(given, _CONTAINERS):
        return tuple(given.actions)
    if isinstance(given, (str, bytes, Mapping)) or not isinstance(given, Iterable):
        message = f"{function}(source) takes {_EXPECTED}, not {_shown(given)}"
        raise WrongTypeError(message)
    found = tuple(given)
    if found and all(isinstance(item, Document) for item in found):
        # a portfolio: its actions in the order of the documents combined (govtrack.combine)
        return tuple(
            action
            for kind in ("evaluations", "meetings", "reports", "plans")
            for document in found
            for root in getattr(document, kind)
            for action in root.actions
        )
    for index, item in enumerate(found):
        if not isinstance(item, Action):
            if isinstance(item, Document):
                hint = " (Documents are counted together only with no Actions among them)"
            elif hasattr(item, "actions"):
                hint = " (pass its .actions, or the container itself)"
            else:
                hint = ""
            message = (
                f"{function}(source) takes {_EXPECTED}, not a {type(given).__name__} holding "
                f"{_shown(item)} at [{index}]{hint}"
            )
            raise WrongTypeError(message)
    return found


def implementation_rate(source: ActionSource, *, on: dt.date) -> float | None:
    """COMPLETED ÷ applicable (not NO_LONGER_APPLICABLE) actions on ``on``; a rule that
    resolves by itself (:func:`resolves_itself`) is owed by nobody and left out.

    Args:
        source: What to count: a Document, a record that holds actions (an Evaluation,
            a Recommendation, a Meeting, a ProgressReport, an ActionPlan), any
            iterable of Actions (a unit's, a filtered list) or an iterable of Documents
            (a portfolio of files, counted as ``gt.combine`` combines them).
        on: The date the statuses are judged on.

    Returns:
        A number from 0 to 1, or None when no action is applicable.

    Raises:
        TypeError: ``source`` is none of those, or holds something that is not an
            Action; or ``on`` is not a date.

    >>> import govtrack as gt
    >>> actions = [gt.Action(text="a", status=gt.Status.COMPLETED),
    ...            gt.Action(text="b", status=gt.Status.ONGOING),
    ...            gt.Action(text="c", status=gt.Status.NO_LONGER_APPLICABLE)]
    >>> gt.implementation_rate(actions, on=dt.date(2024, 1, 1))
    0.5

    A recommendation (its management response's key actions), an evaluation, a
    meeting and the rest count their own actions:

    >>> done = gt.Action(text="d", status=gt.Status.COMPLETED)
    >>> evaluation = gt.Evaluation(title="E", recommendations=(
    ...     gt.Recommendation(text="r1", actions=actions[:2]),
    ...     gt.Recommendation(text="r2", actions=(done,))))
    >>> gt.implementation_rate(evaluation.recommendations[1], on=dt.date(2024, 1, 1))
    1.0
    >>> round(gt.implementation_rate(evaluation, on=dt.date(2024, 1, 1)), 2)
    0.67
    >>> gt.implementation_rate("a", on=dt.date(2024, 1, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govtrack._errors.WrongTypeError: implementation_rate(source) takes a Document, ..., not str 'a'
    """
    on = date_argument(on, "implementation_rate(on=...)")
    statuses = [
        action.effective_status(on=on)
        for action in _actions(source, "implementation_rate")
        if not resolves_itself(action)
    ]
    applicable = [status for status in statuses if status is not Status.NO_LONGER_APPLICABLE]
    if not applicable:
        return None
    return sum(status is Status.COMPLETED for status in applicable) / len(applicable)


def closure_rate(
    source: ActionSource, *, start: dt.date, end: dt.date, on: dt.date
) -> float | None:
    """The share of applicable actions due in ``start``..``end`` that are COMPLETED on ``on``.

    An action is due in the period when its deadline's last day falls in it.

    Args:
        source: What to count, as for :func:`implementation_rate`: a Document, a
            record that holds actions, any iterable of Actions or of Documents.
        start: The first day of the period.
        end: The last day of the period.
        on: The date the statuses are judged on.

    Returns:
        A number from 0 to 1, or None when no applicable action is due in the period.

    Raises:
        TypeError: ``source`` is not a Document, a record that holds actions nor an
            iterable of Actions or Documents; or ``start``, ``end`` or ``on`` is not a date.

    >>> import govtrack as gt
    >>> actions = [gt.Action(text="a", due=gt.parse_due("2022/03"), status=gt.Status.COMPLETED),
    ...            gt.Action(text="b", due=gt.parse_due("2022/05"), status=gt.Status.ONGOING),
    ...            gt.Action(text="c", due=gt.parse_due("2023/01"))]
    >>> gt.closure_rate(actions, start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31),
    ...                 on=dt.date(2023, 1, 1))
    0.5
    >>> plan = gt.ActionPlan(actions=actions)
    >>> gt.closure_rate(plan, start=dt.date(2022, 1, 1), end=dt.date(2022, 3, 31),
    ...                 on=dt.date(2023, 1, 1))
    1.0
    """
    start = date_argument(start, "closure_rate(start=...)")
    end = date_argument(end, "closure_rate(end=...)")
    on = date_argument(on, "closure_rate(on=...)")
    due_in = [
        action
        for action in _actions(source, "closure_rate")
        if action.due is not None and start <= action.due.end <= end
    ]
    return implementation_rate(due_in, on=on)


def _counts(value: Mapping[Status, int]) -> Mapping[Status, int]:
    return value if type(value) is ReadOnlyMap else ReadOnlyMap(value)


def _overdue(value: Mapping[str, tuple[Action, ...]]) -> Mapping[str, tuple[Action, ...]]:
    if type(value) is ReadOnlyMap:
        return value
    return ReadOnlyMap({party: tuple(actions) for party, actions in value.items()})


@shared_when_copied
@attrs.frozen(kw_only=True)
class Summary:
    """Where implementation stands on a date.

    Attributes:
        on: The date statuses were judged on.
        total: The number of actions, the rules that resolve by themselves included.
        by_status: Owed actions per effective status (every Status, zeros included).
        unknown: Owed actions whose status is not known (absent or not understood).
        resolving: Rules that resolve by themselves (:func:`resolves_itself`): counted
            here only, in no status, rate or overdue list.
        implementation_rate: COMPLETED ÷ applicable, or None.
        closure_rate: For ``period``, when one was given.
        period: The period of the closure rate.
        overdue: Overdue actions by responsible party, parties in alphabetical order.

    It is immutable and hashable, like the records: its mappings are read-only.
    """

    on: dt.date
    total: int
    by_status: Mapping[Status, int] = attrs.field(converter=_counts)
    unknown: int
    implementation_rate: float | None
    resolving: int = 0
    closure_rate: float | None = None
    period: tuple[dt.date, dt.date] | None = None
    overdue: Mapping[str, tuple[Action, ...]] = attrs.field(factory=dict, converter=_overdue)

    def _repr_html_(self) -> str:
        from govtrack.display import summary_html  # noqa: PLC0415 - display imports the model

        return summary_html(self)

    @property
    def overdue_count(self) -> int:
        """The number of distinct overdue actions."""
        return self.by_status[Status.OVERDUE]

    def __str__(self) -> str:
        rate = "n/a" if self.implementation_rate is None else f"{self.implementation_rate:.0%}"
        counts = ", ".join(
            f"{count} {status.label.lower()}" for status, count in self.by_status.items() if count
        )
        if self.unknown:
            counts = f"{counts}, {self.unknown} unknown" if counts else f"{self.unknown} unknown"
        if self.resolving:
            resolving = f"{self.resolving} resolving by itself"
            counts = f"{counts}, {resolving}" if counts else resolving
        return f"{self.total} actions on {self.on}: {counts or 'none'}; implemented {rate}"


def summarize(
    source: ActionSource,
    *,
    on: dt.date,
    period: tuple[dt.date, dt.date] | None = None,
) -> Summary:
    """Count actions by effective status on ``on``, with rates and the overdue list.

    A rule that resolves by itself (:func:`resolves_itself`) is counted in ``resolving``
    alone: nobody owes it, so it has no place among the statuses, rates and overdue lists.

    Args:
        source: What to count: a Document, a record that holds actions (an Evaluation,
            a Recommendation, a Meeting, a ProgressReport, an ActionPlan), any
            iterable of Actions or an iterable of Documents (a portfolio of files,
            counted as ``gt.combine`` combines them).
        on: The date statuses are judged on (there is no default: "today" is the
            caller's choice, so results are reproducible).
        period: ``(start, end)`` for a closure rate, optional.

    Returns:
        A :class:`Summary`.

    Raises:
        TypeError: ``source`` is none of those, or holds something that is not an
            Action; ``on`` or a day of ``period`` is not a date; or ``period`` is not
            a ``(start, end)`` tuple.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(
    ...     gt.Action(text="a", responsible=("Unit A",), due=gt.parse_due("2022/12"),
    ...               status=gt.Status.ONGOING),
    ...     gt.Action(text="b", status=gt.Status.COMPLETED),
    ... )),))
    >>> summary = gt.summarize(doc, on=dt.date(2023, 1, 31))
    >>> summary.by_status[gt.Status.OVERDUE], summary.implementation_rate
    (1, 0.5)
    >>> [action.text for action in summary.overdue["Unit A"]]
    ['a']
    >>> gt.summarize(doc.plans[0], on=dt.date(2023, 1, 31)) == summary
    True

    Several documents (a portfolio of files) are counted together:

    >>> gt.summarize([doc, doc], on=dt.date(2023, 1, 31)).total
    4
    """
    on = date_argument(on, "summarize(on=...)")
    if period is not None:
        given: object = period  # annotations do not stop a caller passing a str
        if not isinstance(given, tuple) or len(given) != 2:
            message = (
                "summarize(period=...) takes a (start, end) tuple of datetime.date, not "
                f"{_shown(given)}"
            )
            raise WrongTypeError(message)
        period = (
            date_argument(period[0], "summarize(period=...)"),
            date_argument(period[1], "summarize(period=...)"),
        )
    actions = _actions(source, "summarize")
    by_status = dict.fromkeys(Status, 0)
    unknown = 0
    overdue: dict[str, list[Action]] = {}
    resolving = 0
    for action in actions:
        if resolves_itself(action):
            resolving += 1
            continue
        status = action.effective_status(on=on)
        if status is None:
            unknown += 1
            continue
        by_status[status] += 1
        if status is Status.OVERDUE:
            for party in owed_by(action):
                overdue.setdefault(party, []).append(action)
    applicable = len(actions) - resolving - by_status[Status.NO_LONGER_APPLICABLE]
    rate = by_status[Status.COMPLETED] / applicable if applicable else None
    closure = None
    if period is not None:
        closure = closure_rate(actions, start=period[0], end=period[1], on=on)
    return Summary(
        on=on,
        total=len(actions),
        by_status=ReadOnlyMap(by_status),
        unknown=unknown,
        implementation_rate=rate,
        resolving=resolving,
        closure_rate=closure,
        period=period,
        overdue=ReadOnlyMap({party: tuple(overdue[party]) for party in sorted(overdue)}),
    )
