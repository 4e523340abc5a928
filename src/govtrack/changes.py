"""What changed between two reporting rounds of the same tracker.

Actions are matched first by the same text (compared as below) in the same place
and recommendation: one that also has the same ref, else the earliest,
preferring one whose ref no action of the new round has; so an action that a
partner renumbered, after inserting another above it, keeps its pair. Then by
their place and ref (recommendation ref and action ref, or the plan's action
ref) when their texts are alike (a ratio of at least :data:`SIMILARITY`), so a
reworded action keeps its pair; then unchanged actions (equal in every field,
the earliest first); then, among those left, by text similarity (the most
similar; on a tie, the earliest); last, by place and ref whatever their texts,
so a rewritten action keeps its pair unless another took it: an action inserted
above one that is renumbered and reworded does not take it by its ref. A place
is an evaluation, meeting, report or plan, by title; when a round retitles some
of them (a title such as "Status as of June 2023" changes each round), those
whose titles are in one round only are paired in order, kind by kind, provided
both rounds have as many and the two of a pair share most of their action texts.
Unmatched actions are added or removed.

A matched pair reports, in this order: its ref changed (renumbered), unless the
change is the shift of insertions and removals above it in its list (its place's, or its
recommendation's, which follows the recommendation most of its actions went to): its old
ref's last number (or lone letter) moved by as many rows as were inserted above it less
those removed, under its recommendation's new ref when the ref extends it (``1.1`` is
``2.1`` when recommendation 1 became 2), so an action moved in its list with nothing
inserted or removed above it is renumbered; its text reworded; its responsible
parties changed (handed over, shared or dropped); its status changed; its
deadline slipped (ends later), moved earlier or changed. With ``notes=True`` it
also reports its comments changed, then each progress update it gained, in the
update's order; these are off by default, as most open actions gain a note
every round. Texts and comments are compared with runs of whitespace as one
space and case ignored, parties after the same folding and in any order, so a
re-typed cell or a reordered list of parties is not a change. A work-plan activity also
reports its schedule mark changed (after its status) and, with ``notes=True``, its reasons
for delay and recommendations (as comments).

A progress report's indicators, and each indicator's targets within it, are paired as
actions are (the indicator a target belongs to in place of a recommendation); a pair
reports its ref renumbered, its text reworded, its progress as written (``status``)
changed, its timeframe changed and, with ``notes=True``, its constraints and
recommendations (as comments). Its answers pair by question (the same report first) and
report a yes or no or a text changed (``answered``). An action's or an indicator's extra
columns are compared one by one (``extra``; a column missing is empty).

The places are paired too, kind by kind: by the same title, else as their actions were
paired when retitled (above), else in order when those left in each round are as many and
hold no action or indicator. A pair reports its title changed (``retitled``), an
evaluation's or a report's period changed (``period``; a report's, unless to the same span
written differently), a meeting's date or times changed (``rescheduled``; its date as
written only when neither was read) and its venue (``venue``). The recommendations of
paired evaluations are paired as actions are, within their evaluation, and a pair reports
its text reworded (``reworded``), its management response's text or description changed
(``response``) and its category (``category``). Not compared: a meeting's organiser,
chair, participants, attendance, agenda, themes and key points; an evaluation's office,
country, approval and summary; a report's working group; the places' extra columns; a
response's tags; an action's scope and group. A place or a recommendation left unpaired,
or a recommendation renumbered, is not a change of its own (its actions are added,
removed or renumbered). The changes come in the new round's order (places' details,
then recommendations', then actions, indicators and answers), removals last.

Each round may be a Document, a record that holds actions (an Evaluation, a
Recommendation, a Meeting, a ProgressReport, an ActionPlan), an iterable of
Documents (combined, as ``gt.combine`` does) or an iterable of Actions (compared
as the actions of one plan), as :func:`govtrack.summarize` takes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

import attrs

from govtrack._errors import WrongTypeError
from govtrack._text import fold as _fold
from govtrack.model.dates import Due
from govtrack.model.records import (
    Action,
    ActionPlan,
    Activity,
    Answer,
    Document,
    Evaluation,
    Indicator,
    ManagementResponse,
    Meeting,
    ProgressReport,
    Recommendation,
    Update,
)
from govtrack.model.rules import ActionSource
from govtrack.model.tabular import contexts

__all__ = ["Change", "ChangeKind", "diff"]

SIMILARITY = 0.6
"""How alike two action texts must be (difflib ratio) to count as the same action."""


class ChangeKind(enum.Enum):
    """What happened to an action between two rounds.

    ``COMMENTED`` and ``UPDATED`` are notes: :func:`diff` reports them only with
    ``notes=True``.
    """

    ADDED = "added"
    """An action, indicator or answer is in the new round only."""
    REMOVED = "removed"
    """An action, indicator or answer is in the old round only."""
    RENUMBERED = "renumbered"
    """The ref changed (``1.1`` → ``1.9``), not only its spacing, case or a final ``.``."""
    STATUS = "status"
    """An action's status changed, or an indicator's progress as written (its status)."""
    SCHEDULE = "schedule"
    """A work-plan activity's schedule mark changed (On schedule → Behind schedule)."""
    TIMEFRAME = "timeframe"
    """An indicator's timeframe changed (not only how it is written)."""
    ANSWERED = "answered"
    """A questionnaire answer changed: its yes or no, or its text."""
    SLIPPED = "slipped"
    MOVED_EARLIER = "moved_earlier"
    DEADLINE = "deadline"
    REWORDED = "reworded"
    """The text was rewritten (not only its spacing or case)."""
    REASSIGNED = "reassigned"
    """The responsible parties changed: one handed over, added or dropped (not reordered)."""
    COMMENTED = "commented"
    """The comments changed, or an activity's reasons for delay or recommendations, or an
    indicator's constraints or recommendations (a note: with ``notes=True`` only)."""
    UPDATED = "updated"
    """A progress update was added, one change each (a note: with ``notes=True`` only)."""
    EXTRA = "extra"
    """An extra column's value changed, was given or was emptied (an action's or an
    indicator's, spacing and case aside); one change per column."""
    RESPONSE = "response"
    """A recommendation's management response changed: its text or its description."""
    CATEGORY = "category"
    """A recommendation's response category changed (Accepted → Partially accepted), or
    how it is written when it is not one govtrack knows."""
    RETITLED = "retitled"
    """An evaluation, meeting, report or plan was retitled (not only its spacing or case)."""
    PERIOD = "period"
    """An evaluation's or a report's period changed (not only how it is written)."""
    RESCHEDULED = "rescheduled"
    """A meeting's date or times changed (or, with neither read, its date as written)."""
    VENUE = "venue"
    """A meeting's venue changed (not only its spacing or case)."""


_Paired = Action | Indicator | Recommendation
"""What is paired by ref and text: an action, an indicator or a recommendation."""

_Place = Evaluation | Meeting | ProgressReport | ActionPlan
"""What holds actions, paired by title: an evaluation, a meeting, a report or a plan."""


@attrs.frozen(kw_only=True)
class Change:
    """One change: its kind, the record before and after, and a sentence saying it.

    The record is an Action (an Activity of a progress report, a Decision of a meeting),
    or a progress report's Indicator or Answer; ``old`` is None for one added, ``new``
    None for one removed. A change to a recommendation's text or response is between two
    Recommendations, and one to a place's details (its title, period, a meeting's date,
    times or venue) between two Evaluations, Meetings, ProgressReports or ActionPlans.

    ``recommendation`` is the ref of the recommendation the action implements (``"2"``),
    or of the recommendation changed, or ``""`` for an action that is under none (a
    plan's, a meeting's) and for an indicator, an answer or a place.
    """

    kind: ChangeKind
    old: Action | Indicator | Answer | Recommendation | _Place | None
    new: Action | Indicator | Answer | Recommendation | _Place | None
    message: str
    recommendation: str = ""

    def __str__(self) -> str:
        return self.message


def _key(context: dict[str, object], action: _Paired) -> tuple[object, ...] | None:
    if not action.ref.strip():
        return None
    ref = action.ref.strip().rstrip(".)").strip()
    return (context["kind"], context["container"], context.get("recommendation_ref") or "", ref)


_WIDTH = 60
"""The longest text a message shows whole; a longer one is cut to fit, ending in "..."."""


def _short(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 3] + "..."


def _name(action: _Paired) -> str:
    text = _short(action.text)
    return f"{action.ref} {text!r}" if action.ref else repr(text)


def _parties(action: Action) -> frozenset[str]:
    """The responsible parties, folded (see :func:`_fold`), in no order, blanks dropped."""
    return frozenset(folded for party in action.responsible if (folded := _fold(party)))


def _party_list(action: Action) -> str:
    return "; ".join(party.strip() for party in action.responsible if party.strip()) or "(none)"


def _excerpts(old: str, new: str) -> tuple[str, str, bool]:
    """Two texts shortened for a message, and whether they share a start longer than a
    message shows: then each is shown from the word starting some 20 characters before the
    point where they part."""
    first, second = _short(old), _short(new)
    if first != second or old == new:
        return first, second, False
    parted = next(
        (index for index, (one, other) in enumerate(zip(old, new, strict=False)) if one != other),
        min(len(old), len(new)),
    )
    start = old.rfind(" ", 0, max(0, parted - 20)) + 1
    if parted - start > _WIDTH // 2:  # a long word: cut it
        start = parted - 20
    return "..." + _short(old[start:]), "..." + _short(new[start:]), True


def _status_word(action: Action) -> str:
    if action.status is not None:
        return action.status.label
    return action.status_text or "no status"


def _ref(action: _Paired) -> str:
    """A ref as compared: spacing, case and a final ``.`` or ``)`` aside (``1.`` is ``1``)."""
    return _fold(action.ref.strip().rstrip(".)"))


def _renumbered(old: _Paired, new: _Paired, *, shifted: bool) -> Iterator[Change]:
    if old.ref == new.ref or _ref(old) == _ref(new) or shifted:
        return
    yield Change(
        kind=ChangeKind.RENUMBERED,
        old=old,
        new=new,
        message=f"{_name(old)}: renumbered {old.ref.strip() or '(none)'} → "
        f"{new.ref.strip() or '(none)'}",
    )


def _reworded(old: _Paired, new: _Paired) -> Iterator[Change]:
    if old.text == new.text or _fold(old.text) == _fold(new.text):
        return
    before, after, cut = _excerpts(old.text, new.text)
    shown = f" {before!r}" if cut else ""
    yield Change(
        kind=ChangeKind.REWORDED,
        old=old,
        new=new,
        message=f"{_name(old)}: text reworded{shown} → {after!r}",
    )


def _reassigned(old: Action, new: Action) -> Iterator[Change]:
    if old.responsible == new.responsible or _parties(old) == _parties(new):
        return
    yield Change(
        kind=ChangeKind.REASSIGNED,
        old=old,
        new=new,
        message=f"{_name(new)}: responsible {_party_list(old)} → {_party_list(new)}",
    )


def _status(old: Action, new: Action) -> Iterator[Change]:
    if old.status != new.status or (
        old.status is None and old.status_text.strip() != new.status_text.strip()
    ):
        yield Change(
            kind=ChangeKind.STATUS,
            old=old,
            new=new,
            message=f"{_name(new)}: status {_status_word(old)} → {_status_word(new)}",
        )


def _deadline(old: Action, new: Action) -> Iterator[Change]:
    same_span = (
        old.due is not None
        and new.due is not None
        and (old.due.start, old.due.end) == (new.due.start, new.due.end)
    )
    if old.deadline_text != new.deadline_text and not same_span:
        kind = ChangeKind.DEADLINE
        if old.due is not None and new.due is not None:
            if new.due.end > old.due.end:
                kind = ChangeKind.SLIPPED
            elif new.due.end < old.due.end:
                kind = ChangeKind.MOVED_EARLIER
        verb = {
            ChangeKind.SLIPPED: "slipped",
            ChangeKind.MOVED_EARLIER: "moved earlier",
            ChangeKind.DEADLINE: "changed",
        }[kind]
        yield Change(
            kind=kind,
            old=old,
            new=new,
            message=f"{_name(new)}: deadline {verb} "
            f"{old.deadline_text or '(none)'!r} → {new.deadline_text or '(none)'!r}",
        )


def _commented(old: Action, new: Action) -> Iterator[Change]:
    yield from _narrative("comments", old, new, old.comments, new.comments)


def _update_key(update: Update) -> tuple[object, ...]:
    """What makes two updates the same: the span of their date (however it is written)
    and their folded text (see :func:`_fold`)."""
    span = (update.on.start, update.on.end) if update.on is not None else None
    return (span, _fold(update.text))


def _updated(old: Action, new: Action) -> Iterator[Change]:
    if old.updates == new.updates:
        return
    earlier = Counter(_update_key(update) for update in old.updates)
    for update in new.updates:
        key = _update_key(update)
        if earlier[key]:
            earlier[key] -= 1
            continue
        dated = f" ({update.on.text})" if update.on is not None else ""
        yield Change(
            kind=ChangeKind.UPDATED,
            old=old,
            new=new,
            message=f"{_name(new)}: new update{dated} {_short(update.text.strip())!r}",
        )


def _schedule(old: Action, new: Action) -> Iterator[Change]:
    """A work-plan activity's schedule mark changed (On schedule → Behind schedule)."""
    before = old.schedule if isinstance(old, Activity) else None
    after = new.schedule if isinstance(new, Activity) else None
    if before != after:
        yield Change(
            kind=ChangeKind.SCHEDULE,
            old=old,
            new=new,
            message=f"{_name(new)}: schedule {before.label if before else '(none)'} → "
            f"{after.label if after else '(none)'}",
        )


def _narrative(  # noqa: PLR0917 - the field's name, the pair, its two texts, the kind
    name: str,
    old: _Paired,
    new: _Paired,
    before: str,
    after: str,
    kind: ChangeKind = ChangeKind.COMMENTED,
) -> Iterator[Change]:
    """A narrative field (``name``) changed, spacing and case aside: a note (or ``kind``)."""
    if before == after or _fold(before) == _fold(after):
        return
    first, second, _ = _excerpts(before.strip(), after.strip())
    yield Change(
        kind=kind,
        old=old,
        new=new,
        message=f"{_name(new)}: {name} {first or '(none)'!r} → {second or '(none)'!r}",
    )


def _activity_notes(old: Action, new: Action) -> Iterator[Change]:
    """An activity's reasons for delay and recommendations, as notes."""
    if isinstance(old, Activity) and isinstance(new, Activity):
        yield from _narrative("reasons for delay", old, new, old.delay_reasons, new.delay_reasons)
        yield from _narrative("recommendations", old, new, old.recommendations, new.recommendations)


def _extra(old: Action | Indicator, new: Action | Indicator) -> Iterator[Change]:
    """Each extra column whose value changed (spacing and case aside), in the new round's
    order of columns, then those only the old round has; a column missing is empty."""
    for column in dict.fromkeys([*new.extra, *old.extra]):
        before, after = old.extra.get(column, ""), new.extra.get(column, "")
        yield from _narrative(f"column {column!r}", old, new, before, after, ChangeKind.EXTRA)


_CHECKS = (_reworded, _reassigned, _status, _schedule, _deadline, _extra)
"""What a matched pair is compared on, in the order its changes are reported."""
_NOTES = (_commented, _activity_notes, _updated)
"""What else it is compared on with ``notes=True``, after the checks."""


def _progress(old: Indicator, new: Indicator) -> Iterator[Change]:
    """An indicator's progress as written (its status) changed, spacing and case aside."""
    yield from _narrative("status", old, new, old.status, new.status, ChangeKind.STATUS)


def _timeframe_text(indicator: Indicator) -> str:
    """An indicator's timeframe as written (a reader may keep it in the span only)."""
    written = indicator.timeframe_text.strip()
    if not written and indicator.timeframe is not None:
        return indicator.timeframe.text.strip()
    return written


def _same_span(old: Due | None, new: Due | None) -> bool:
    """Whether two deadlines or periods cover the same days, however written."""
    return old is not None and new is not None and (old.start, old.end) == (new.start, new.end)


def _timeframe(old: Indicator, new: Indicator) -> Iterator[Change]:
    """An indicator's timeframe changed, unless to the same span written differently."""
    before, after = _timeframe_text(old), _timeframe_text(new)
    if before != after and not _same_span(old.timeframe, new.timeframe):
        yield Change(
            kind=ChangeKind.TIMEFRAME,
            old=old,
            new=new,
            message=f"{_name(new)}: timeframe {before or '(none)'!r} → {after or '(none)'!r}",
        )


def _indicator_notes(old: Indicator, new: Indicator) -> Iterator[Change]:
    """An indicator's constraints and recommendations, as notes."""
    yield from _narrative("constraints", old, new, old.constraints, new.constraints)
    yield from _narrative("recommendations", old, new, old.recommendations, new.recommendations)


_INDICATOR_CHECKS = (_reworded, _progress, _timeframe, _extra)
"""What a matched pair of indicators is compared on, in the order reported."""


def _compare(
    old: _Paired,
    new: _Paired,
    where: str,
    recommendation: str,
    *,
    shifted: bool = False,
    notes: bool = False,
) -> Iterator[Change]:
    found = [*_renumbered(old, new, shifted=shifted)]
    if isinstance(old, Indicator) and isinstance(new, Indicator):
        for indicator_check in _INDICATOR_CHECKS:
            found.extend(indicator_check(old, new))
        if notes:
            found.extend(_indicator_notes(old, new))
    elif isinstance(old, Action) and isinstance(new, Action):
        for check in (*_CHECKS, *_NOTES) if notes else _CHECKS:
            found.extend(check(old, new))
    for change in found:
        yield attrs.evolve(change, message=where + change.message, recommendation=recommendation)


def _recommendation(context: dict[str, object]) -> str:
    """The ref of the recommendation an action sits under (``"2"``), or ``""`` (for an
    indicator too)."""
    if context["kind"] == "indicator":
        return ""
    return str(context.get("recommendation_ref") or "").strip().rstrip(".:)")


def _where(context: dict[str, object], action: _Paired) -> str:
    """What a message puts before an action's name when its ref alone does not say which
    recommendation it implements (``Recommendation 2 › ``): tracking-system exports number
    each recommendation's actions from 1, so a ref equal to the recommendation's (action
    ``2`` of recommendation 2) says nothing either; only a ref that extends the
    recommendation's (``2.1``, ``2-1``) does. An indicator is named as one, with the
    indicator it is a target of (``indicator Children screened › ``)."""
    if context["kind"] == "indicator":
        parent = str(context.get("recommendation_ref") or "")
        return f"indicator {_short(parent)} › " if parent else "indicator "
    recommendation = _recommendation(context)
    if not recommendation:
        return ""
    ref = action.ref.strip()
    if ref.startswith((f"{recommendation}.", f"{recommendation}-")) and ref.rstrip(".") != (
        recommendation
    ):
        return ""
    return f"Recommendation {recommendation} › "


_Items = Sequence[tuple[_Paired, dict[str, object]]]
"""Actions or indicators with where they sit, as :func:`contexts` gives them."""
_Item = TypeVar("_Item", bound=_Paired)


def _place(context: dict[str, object]) -> tuple[object, object]:
    return (context["kind"], context["container"])


def _group(context: dict[str, object]) -> tuple[object, ...]:
    """The actions numbered as one list: a place's, or a recommendation's in it."""
    return (*_place(context), context.get("recommendation_ref") or "")


def _list_ref(context: dict[str, object]) -> str:
    """The ref of the recommendation (or parent indicator) heading a list, as compared."""
    return _fold(str(context.get("recommendation_ref") or "").strip().rstrip(".:)"))


class _Numbering:
    """Where each paired action sits in its list in each round, to tell a renumbering from
    the shift of an insertion or a removal above it.

    A list (:func:`_group`) of the old round follows the new list most of its paired
    actions went to (the same recommendation, or that recommendation renumbered). In a
    pair of lists, an old action not paired into the other list is a removal, a new one
    not paired from it an insertion; an action's ref moved by as many rows as insertions
    above it less removals above it is a shift, and so is its recommendation's ref in its
    own (``1.1`` → ``2.1`` when recommendation 1 became 2). Any other ref change, such as
    an action moved down the list with nothing inserted or removed, is a renumbering.
    """

    def __init__(self, old_items: _Items, new_items: _Items, matched: dict[int, int]) -> None:
        self.old_groups = [_group(context) for _, context in old_items]
        self.new_groups = [_group(context) for _, context in new_items]
        self.old_heads = [_list_ref(context) for _, context in old_items]
        self.new_heads = [_list_ref(context) for _, context in new_items]
        counts: dict[tuple[object, ...], Counter[tuple[object, ...]]] = {}
        for new_index, old_index in sorted(matched.items()):  # the new round's order
            counts.setdefault(self.old_groups[old_index], Counter())[
                self.new_groups[new_index]
            ] += 1
        self.target: dict[tuple[object, ...], tuple[object, ...]] = {}
        for group, found in counts.items():
            most = max(found.values())  # the same list, if it is among the most
            self.target[group] = group if found[group] == most else found.most_common(1)[0][0]
        paired_to = {old_index: new_index for new_index, old_index in matched.items()}
        self.removed_above = self._above(
            self.old_groups,
            lambda index: (
                index in paired_to
                and self.new_groups[paired_to[index]] == self.target.get(self.old_groups[index])
            ),
        )
        self.inserted_above = self._above(
            self.new_groups,
            lambda index: (
                index in matched
                and self.target.get(self.old_groups[matched[index]]) == self.new_groups[index]
            ),
        )
        self.old_refs: dict[tuple[object, ...], list[str]] = {}
        self.old_positions: list[int] = []
        for action, context in old_items:
            refs = self.old_refs.setdefault(_group(context), [])
            self.old_positions.append(len(refs))
            refs.append(_ref(action))

    @staticmethod
    def _above(groups: list[tuple[object, ...]], kept: Callable[[int], bool]) -> list[int]:
        """For each item, how many items above it in its list are not ``kept``."""
        running: Counter[tuple[object, ...]] = Counter()
        found: list[int] = []
        for index, group in enumerate(groups):
            found.append(running[group])
            if not kept(index):
                running[group] += 1
        return found

    def shifted(self, old_index: int, new_index: int, old: _Paired, new: _Paired) -> bool:
        """Whether ``new``'s ref is ``old``'s moved by what was inserted and removed above
        it, in its recommendation's ref as renumbered (see the class)."""
        group = self.old_groups[old_index]
        if self.target.get(group) != self.new_groups[new_index]:
            return False  # moved to another list: nothing explains its new ref
        rows = self.inserted_above[new_index] - self.removed_above[old_index]
        ref = _ref(old)
        head, new_head = self.old_heads[old_index], self.new_heads[new_index]
        if head != new_head and head and new_head:
            for separator in ".-":
                if ref.startswith(head + separator) and len(ref) > len(head) + 1:
                    ref = new_head + ref[len(head) :]
                    break
        wanted = _ref(new)
        if rows == 0:
            return ref == wanted
        if _moved(ref, rows) == wanted:
            return True
        if _LAST_NUMBER.search(ref):
            return False  # a number moves by as many rows, no more
        refs = self.old_refs[group]
        position = self.old_positions[old_index] + rows
        if 0 <= position < len(refs):
            return refs[position] == wanted  # letters or numerals: the old list's sequence
        return position >= len(refs) and wanted not in refs


_LAST_NUMBER = re.compile(r"([0-9]+)(?=[^0-9A-Za-z]*$)")
"""The last number in a ref, with no letter after it (``3`` in ``1.3``, ``12`` in ``A-12``)."""
_LAST_LETTER = re.compile(r"(?<![A-Za-z])([a-z])(?=[^0-9A-Za-z]*$)")
"""A ref's last letter standing alone, with nothing alphanumeric after it (``b`` in ``1.b``)."""


def _moved(ref: str, rows: int) -> str | None:
    """``ref`` (as :func:`_ref` gives it) with its last number moved by ``rows`` (``1.3``,
    2: ``1.5``), or else its lone last letter (``1.b``, 1: ``1.c``); None when it has
    neither, or the number or letter would fall out of its range."""
    found = _LAST_NUMBER.search(ref)
    if found is not None:
        if int(found[1]) + rows < 0:
            return None
        return f"{ref[: found.start()]}{int(found[1]) + rows}{ref[found.end() :]}"
    found = _LAST_LETTER.search(ref)
    if found is None or not 0 <= ord(found[1]) - ord("a") + rows < 26:
        return None
    return f"{ref[: found.start()]}{chr(ord(found[1]) + rows)}{ref[found.end() :]}"


def _text_key(context: dict[str, object], action: _Paired) -> tuple[object, ...] | None:
    """What two actions share when their texts are the same: place, recommendation and the
    folded text (see :func:`_fold`); None for a blank text, which says nothing."""
    folded = _fold(action.text)
    if not folded:
        return None
    return (*_place(context), context.get("recommendation_ref") or "", folded)


def _first_unused(waiting: deque[int] | None, used: set[int]) -> int | None:
    """The first index of ``waiting`` not yet used, dropping the used ones before it."""
    while waiting and waiting[0] in used:
        waiting.popleft()
    return waiting[0] if waiting else None


def _match_text(old: _Items, new: _Items, matched: dict[int, int], used: set[int]) -> None:
    """Pair new actions with old ones of the same text in the same place and recommendation.

    First those that also have the same ref; then, for each new action left, the earliest
    unused old one whose ref no new action has (it would pair by nothing else), else the
    earliest. A partner who inserts an action and renumbers the ones below it changes their
    refs, not their texts: pairing by ref first would pair each with its predecessor.
    Found by hash, not by comparing every pair.
    """
    new_keys = {key for action, context in new if (key := _key(context, action)) is not None}
    same_ref: dict[tuple[object, ...], deque[int]] = {}
    free: dict[tuple[object, ...], deque[int]] = {}  # refs no new action has
    taken: dict[tuple[object, ...], deque[int]] = {}
    for old_index, (action, context) in enumerate(old):
        text = _text_key(context, action)
        if text is None or old_index in used:
            continue
        key = _key(context, action)
        if key is not None:
            same_ref.setdefault((*text, key), deque()).append(old_index)
        (taken if key in new_keys else free).setdefault(text, deque()).append(old_index)
    if not same_ref and not free and not taken:
        return
    for new_index, (action, context) in enumerate(new):
        key = _key(context, action)
        text = _text_key(context, action)
        if new_index in matched or key is None or text is None:
            continue
        found = _first_unused(same_ref.get((*text, key)), used)
        if found is not None:
            matched[new_index] = found
            used.add(found)
    for new_index, (action, context) in enumerate(new):
        text = _text_key(context, action)
        if new_index in matched or text is None:
            continue
        found = _first_unused(free.get(text), used)
        if found is None:
            found = _first_unused(taken.get(text), used)
        if found is not None:
            matched[new_index] = found
            used.add(found)


def _match_equal(old: _Items, new: _Items, matched: dict[int, int], used: set[int]) -> None:
    """Pair each unmatched new action with the earliest unused equal one in its place.

    Unchanged actions are paired before similar ones, so that an identical action is never
    paired with a merely similar one while its twin is left over. Found by hash, not by
    comparing every pair.
    """
    equal: dict[tuple[object, object, _Paired], list[int]] = {}
    for old_index, (candidate, old_context) in enumerate(old):
        if old_index not in used:
            equal.setdefault((*_place(old_context), candidate), []).append(old_index)
    for new_index, (action, context) in enumerate(new):
        if new_index in matched:
            continue
        waiting = equal.get((*_place(context), action))
        while waiting and waiting[0] in used:
            waiting.pop(0)
        if waiting:
            matched[new_index] = waiting.pop(0)
            used.add(matched[new_index])


_CHUNK_BITS = 4096
"""The widest chunk of packed texts (a longer text is not packed: its bound is 1)."""
_CHUNK_BYTES = 64 * 1024
"""The most a chunk's masks may take (one per distinct character, each as wide as the chunk):
a script of thousands of characters makes narrower chunks."""
_PACKED_BYTES = 64 * 1024 * 1024
"""The most all the masks of one diff may take; texts beyond it are not packed."""


class _Chunk:
    """Texts packed side by side into one integer per character, for the length of the
    longest common subsequence of each with another text, all at once.

    This is the bit-parallel LCS of Allison and Dix (in Hyyrö's form): one pass over the
    other text's characters, four integer operations each, whatever the number of texts
    packed. A zero bit after each text stops its carries from reaching the next.
    """

    def __init__(self, texts: list[str]) -> None:
        self.spans: list[tuple[int, int]] = []
        positions: dict[str, list[int]] = {}
        offset = 0
        for text in texts:
            self.spans.append((offset, len(text)))
            for index, character in enumerate(text):
                positions.setdefault(character, []).append(offset + index)
            offset += len(text) + 1  # the guard bit
        self.width = offset
        self.masks = {character: _bits(found, offset) for character, found in positions.items()}
        self.full = _bits(
            [start + index for start, length in self.spans for index in range(length)], offset
        )

    def common(self, text: str) -> list[int]:
        """The length of the longest common subsequence of each packed text with ``text``."""
        full, masks = self.full, self.masks
        state = full
        for character in text:
            mask = masks.get(character)
            if mask is not None:
                matched = state & mask
                state = ((state + matched) | (state - matched)) & full
        bits = format(state, "b").zfill(self.width)[::-1]
        return [length - bits.count("1", start, start + length) for start, length in self.spans]


class _Packed:
    """The texts of one place, in chunks (see :class:`_Chunk`), within a memory budget."""

    def __init__(self, texts: list[str], budget: list[int]) -> None:
        self.count = len(texts)
        self.chunks: list[tuple[int, _Chunk]] = []  # (index of its first text, chunk)
        first, width, characters = 0, 0, set[str]()
        for index, text in enumerate(texts):
            if len(text) >= _CHUNK_BITS:  # too long to pack: only difflib's bounds
                if not self._close(texts[first:index], first, len(characters) * width, budget):
                    return
                first, width, characters = index + 1, 0, set()
                continue
            grown = characters.union(text)
            wider = width + len(text) + 1
            if index > first and (wider > _CHUNK_BITS or len(grown) * wider // 8 > _CHUNK_BYTES):
                if not self._close(texts[first:index], first, len(characters) * width, budget):
                    return
                first, width, grown, wider = index, 0, set(text), len(text) + 1
            width, characters = wider, grown
        self._close(texts[first:], first, len(characters) * width, budget)

    def _close(self, texts: list[str], first: int, bits: int, budget: list[int]) -> bool:
        """Pack ``texts``, the first at ``first``, if their masks (``bits``) fit the budget
        left; whether they did (once one does not, the place packs no more)."""
        if not texts:
            return True
        if bits // 8 > budget[0]:
            budget[0] = 0
            return False
        budget[0] -= bits // 8
        self.chunks.append((first, _Chunk(texts)))
        return True

    def common(self, text: str) -> list[int | None]:
        """The longest common subsequence of each text with ``text`` (None: not packed)."""
        found: list[int | None] = [None] * self.count
        for first, chunk in self.chunks:
            lengths = chunk.common(text)
            found[first : first + len(lengths)] = lengths
        return found


def _bits(positions: list[int], width: int) -> int:
    """An integer with these bits set."""
    found = bytearray((width + 7) // 8)
    for position in positions:
        found[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(found, "little")


def _bound(common: int | None, first: str, second: str) -> float:
    """The most difflib's ratio of two texts can be: their matching blocks are a common
    subsequence, so the ratio is at most twice its length over the texts' lengths (1 when
    the length is not known)."""
    total = len(first) + len(second)
    return 2.0 * common / total if total and common is not None else 1.0


def _match_similar(old: _Items, new: _Items, matched: dict[int, int], used: set[int]) -> None:
    """Pair each unmatched new action with the most similar unused text in its place.

    The most similar is the highest difflib ratio of at least :data:`SIMILARITY`; on a
    tie, the earliest. Candidates whose ratio cannot win (by the ratio's upper bounds:
    difflib's cheap ones, then the longest common subsequence, found for every candidate
    of the place at once) are skipped before the ratio is computed.
    """
    by_place: dict[tuple[object, object], list[int]] = {}
    for old_index, (_, old_context) in enumerate(old):
        if old_index not in used:
            by_place.setdefault(_place(old_context), []).append(old_index)
    packed: dict[tuple[object, object], _Packed] = {}
    budget = [_PACKED_BYTES]
    matcher = difflib.SequenceMatcher(None)
    for new_index, (action, context) in enumerate(new):
        if new_index in matched:
            continue
        place = _place(context)
        candidates = by_place.get(place)
        if not candidates:
            continue
        text = action.text
        if place not in packed:
            packed[place] = _Packed([old[old_index][0].text for old_index in candidates], budget)
        common = packed[place].common(text)
        matcher.set_seq2(text)  # analysed once per new action
        best, best_ratio = None, SIMILARITY
        for position, old_index in enumerate(candidates):
            if old_index in used:
                continue
            old_text = old[old_index][0].text
            bound = _bound(common[position], old_text, text)
            if best is None:  # a first candidate needs ratio >= SIMILARITY
                if bound < best_ratio:
                    continue
                matcher.set_seq1(old_text)
                if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                    continue
            else:  # a later one must beat the best strictly
                if bound <= best_ratio:
                    continue
                matcher.set_seq1(old_text)
                if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                    continue
            ratio = matcher.ratio()
            if ratio > best_ratio or (best is None and ratio >= best_ratio):
                best, best_ratio = old_index, ratio
        if best is not None:
            matched[new_index] = best
            used.add(best)


def _pairs(old_items: _Items, new_items: _Items) -> dict[int, int]:
    """The old action each new action is matched with, by index (see the module's rule)."""
    by_key: dict[tuple[object, ...], int] = {}
    for index, (action, context) in enumerate(old_items):
        key = _key(context, action)
        if key is not None:
            by_key.setdefault(key, index)
    matched: dict[int, int] = {}
    used: set[int] = set()
    _match_text(old_items, new_items, matched, used)
    matcher = difflib.SequenceMatcher(None)
    unlike: list[tuple[int, int]] = []  # ref pairs whose texts are not alike, tried last
    for new_index, (action, context) in enumerate(new_items):
        if new_index in matched:
            continue
        key = _key(context, action)
        if key is not None and key in by_key and by_key[key] not in used:
            old_index = by_key[key]
            if _alike(matcher, old_items[old_index][0].text, action.text):
                matched[new_index] = old_index
                used.add(old_index)
            else:
                unlike.append((new_index, old_index))
    _match_equal(old_items, new_items, matched, used)
    _match_similar(old_items, new_items, matched, used)
    for new_index, old_index in unlike:
        if new_index not in matched and old_index not in used:
            matched[new_index] = old_index
            used.add(old_index)
    return matched


def _alike(matcher: difflib.SequenceMatcher[str], old: str, new: str) -> bool:
    """Whether two texts are as alike as :func:`_match_similar` asks (ratio at least
    :data:`SIMILARITY`), by its cheap upper bounds first."""
    matcher.set_seqs(old, new)
    return (
        matcher.real_quick_ratio() >= SIMILARITY
        and matcher.quick_ratio() >= SIMILARITY
        and matcher.ratio() >= SIMILARITY
    )


def _renamed(
    old_items: _Items,
    new_items: list[tuple[_Item, dict[str, object]]],
    renaming: Mapping[tuple[object, object], tuple[object, object]] | None = None,
) -> list[tuple[_Item, dict[str, object]]]:
    """``new_items`` with a retitled container given its old title, for matching.

    A title often carries a date ("Status as of June 2023"), so the same tracker's next
    round renames its evaluation or plan. Containers of a kind whose titles are found in
    only one round are paired in order, when each round has as many of them and the two
    of a pair have most of the smaller one's action texts in common (a retitling);
    otherwise they are left apart (an evaluation removed and another added).
    """
    renamed = _renaming(old_items, new_items) if renaming is None else renaming
    if not renamed:
        return new_items
    return [
        (action, {**context, "container": renamed[_place(context)][1]})
        if _place(context) in renamed
        else (action, context)
        for action, context in new_items
    ]


def _renaming(
    old_items: _Items, new_items: _Items
) -> dict[tuple[object, object], tuple[object, object]]:
    """The place of ``old_items`` each retitled place of ``new_items`` was (see
    :func:`_renamed`)."""
    old_texts: dict[tuple[object, object], set[str]] = {}
    for action, context in old_items:
        old_texts.setdefault(_place(context), set()).add(action.text)
    new_texts: dict[tuple[object, object], set[str]] = {}
    for action, context in new_items:
        new_texts.setdefault(_place(context), set()).add(action.text)
    alone_old = [place for place in old_texts if place not in new_texts]
    alone_new = [place for place in new_texts if place not in old_texts]
    renamed: dict[tuple[object, object], tuple[object, object]] = {}
    for kind in dict.fromkeys(place[0] for place in alone_new):
        before = [place for place in alone_old if place[0] == kind]
        after = [place for place in alone_new if place[0] == kind]
        if len(before) == len(after):
            renamed.update(
                (new_place, old_place)
                for new_place, old_place in zip(after, before, strict=True)
                # most of the smaller one's action texts in common: the same tracker
                if 2 * len(new_texts[new_place] & old_texts[old_place])
                > min(len(new_texts[new_place]), len(old_texts[old_place]))
            )
    return renamed


def _indicators(document: Document) -> list[tuple[_Paired, dict[str, object]]]:
    """Each report's indicators, each followed by its targets (and theirs), with where
    they sit: the report and, for a target, the indicator it belongs to (its ref, else
    its text) in place of a recommendation, so targets pair within their indicator."""
    found: list[tuple[_Paired, dict[str, object]]] = []

    def add(indicators: tuple[Indicator, ...], title: str, parent: str) -> None:
        for indicator in indicators:
            context: dict[str, object] = {
                "kind": "indicator",
                "container": title,
                "recommendation_ref": parent,
            }
            found.append((indicator, context))
            add(indicator.targets, title, indicator.ref.strip() or indicator.text.strip())

    for report in document.reports:
        add(report.indicators, report.title, "")
    return found


def _answer_word(answer: Answer) -> str:
    shown = {True: "Yes", False: "No", None: "(neither)"}[answer.answer]
    return f"{shown} {_short(answer.text.strip())!r}" if answer.text.strip() else shown


def _answers(old: Document, new: Document) -> list[Change]:
    """The questionnaire answers of the reports changed, added or removed.

    An answer pairs with the old round's first unpaired answer to the same question
    (spacing and case aside) in a report of the same title, else in any report (a report
    retitled); it changed when its yes or no did, or its text (spacing and case aside).
    """
    old_answers = [(report.title, answer) for report in old.reports for answer in report.answers]
    by_title: dict[tuple[str, str], deque[int]] = {}
    by_question: dict[str, deque[int]] = {}
    for index, (title, answer) in enumerate(old_answers):
        by_title.setdefault((title, _fold(answer.question)), deque()).append(index)
        by_question.setdefault(_fold(answer.question), deque()).append(index)
    new_answers = [(report.title, answer) for report in new.reports for answer in report.answers]
    used: set[int] = set()
    matched: dict[int, int] = {}
    for new_index, (title, answer) in enumerate(new_answers):
        found = _first_unused(by_title.get((title, _fold(answer.question))), used)
        if found is not None:
            matched[new_index] = found
            used.add(found)
    for new_index, (_, answer) in enumerate(new_answers):
        if new_index not in matched:
            found = _first_unused(by_question.get(_fold(answer.question)), used)
            if found is not None:
                matched[new_index] = found
                used.add(found)
    changes: list[Change] = []
    for new_index, (_, answer) in enumerate(new_answers):
        name = f"answer {_short(answer.question.strip())!r}"
        if new_index not in matched:
            changes.append(
                Change(kind=ChangeKind.ADDED, old=None, new=answer, message=f"{name}: added")
            )
            continue
        before = old_answers[matched[new_index]][1]
        if before.answer != answer.answer or _fold(before.text) != _fold(answer.text):
            changes.append(
                Change(
                    kind=ChangeKind.ANSWERED,
                    old=before,
                    new=answer,
                    message=f"{name}: {_answer_word(before)} → {_answer_word(answer)}",
                )
            )
    changes.extend(
        Change(
            kind=ChangeKind.REMOVED,
            old=answer,
            new=None,
            message=f"answer {_short(answer.question.strip())!r}: removed",
        )
        for index, (_, answer) in enumerate(old_answers)
        if index not in used
    )
    return changes


def _places(document: Document) -> list[tuple[str, _Place]]:
    """The places of a document with what a message calls them, evaluations first."""
    return [
        *(("evaluation", evaluation) for evaluation in document.evaluations),
        *(("meeting", meeting) for meeting in document.meetings),
        *(("report", report) for report in document.reports),
        *(("plan", plan) for plan in document.plans),
    ]


_ITEM_KINDS = {
    "evaluation": ("key action",),
    "meeting": ("decision",),
    "report": ("activity", "indicator"),
    "plan": ("action",),
}
"""The kinds of the items (:func:`contexts`, :func:`_indicators`) each kind of place holds."""


def _has_items(place: _Place) -> bool:
    """Whether a place holds an action or an indicator (what retitled places pair by)."""
    if isinstance(place, Evaluation):
        return any(recommendation.actions for recommendation in place.recommendations)
    if isinstance(place, ProgressReport):
        return bool(place.activities or place.indicators)
    return bool(place.actions)


def _place_pairs(
    old: list[tuple[str, _Place]],
    new: list[tuple[str, _Place]],
    renaming: Mapping[tuple[object, object], tuple[object, object]],
) -> dict[int, int]:
    """The old place each new place is paired with, by index in :func:`_places`.

    A place pairs with the first unpaired one of its kind with the same title; else with
    the one its actions' place was paired with when retitled (see :func:`_renamed`); last,
    when the places of a kind left in each round are as many and hold no actions or
    indicators, in order.
    """
    by_title: dict[tuple[str, str], deque[int]] = {}
    for index, (noun, place) in enumerate(old):
        by_title.setdefault((noun, place.title), deque()).append(index)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for new_index, (noun, place) in enumerate(new):
        found = _first_unused(by_title.get((noun, place.title)), used)
        if found is not None:
            matched[new_index] = found
            used.add(found)
    for new_index, (noun, place) in enumerate(new):
        if new_index in matched:
            continue
        for kind in _ITEM_KINDS[noun]:
            was = renaming.get((kind, place.title))
            found = None if was is None else _first_unused(by_title.get((noun, str(was[1]))), used)
            if found is not None:
                matched[new_index] = found
                used.add(found)
                break
    for noun in _ITEM_KINDS:
        before = [i for i, (kind, _) in enumerate(old) if kind == noun and i not in used]
        after = [i for i, (kind, _) in enumerate(new) if kind == noun and i not in matched]
        if len(before) == len(after) and not any(_has_items(old[i][1]) for i in before) | any(
            _has_items(new[i][1]) for i in after
        ):
            matched.update(zip(after, before, strict=True))
    return matched


def _place_name(noun: str, place: _Place) -> str:
    """A place as a message names it: ``meeting 'Board'``, or ``plan (untitled)``."""
    title = place.title.strip()
    return f"{noun} {_short(title)!r}" if title else f"{noun} (untitled)"


def _place_change(  # noqa: PLR0917 - the kind, the place's name, the field, the pair, two texts
    kind: ChangeKind, name: str, field: str, old: _Place, new: _Place, before: str, after: str
) -> Change:
    first, second, _ = _excerpts(before.strip(), after.strip())
    return Change(
        kind=kind,
        old=old,
        new=new,
        message=f"{name}: {field} {first or '(none)'!r} → {second or '(none)'!r}",
    )


def _period_text(report: ProgressReport) -> str:
    """A report's period as written (a reader may keep it in the span only)."""
    written = report.period_text.strip()
    if not written and report.period is not None:
        return report.period.text.strip()
    return written


def _time(time: dt.time | None) -> str:
    if time is None:
        return ""
    if time.second or time.microsecond:
        return time.isoformat()
    return time.isoformat(timespec="minutes")


def _when(meeting: Meeting) -> str:
    """A meeting's date and times (``2023-05-02 10:00–12:00``), else its date as written."""
    if meeting.date is None and meeting.starts is None and meeting.ends is None:
        return meeting.when_text.strip()
    times = _time(meeting.starts) + ("–" + _time(meeting.ends) if meeting.ends else "")
    day = meeting.date.isoformat() if meeting.date is not None else ""
    return f"{day} {times}".strip()


def _details(noun: str, old: _Place, new: _Place) -> Iterator[Change]:
    """A paired place's title, and its period or a meeting's date, times and venue."""
    name = _place_name(noun, new)
    if old.title != new.title and _fold(old.title) != _fold(new.title):
        yield Change(
            kind=ChangeKind.RETITLED,
            old=old,
            new=new,
            message=f"{_place_name(noun, old)}: retitled → {_short(new.title.strip())!r}",
        )
    if isinstance(old, Evaluation) and isinstance(new, Evaluation):
        if _fold(old.period) != _fold(new.period):
            yield _place_change(ChangeKind.PERIOD, name, "period", old, new, old.period, new.period)
    elif isinstance(old, ProgressReport) and isinstance(new, ProgressReport):
        before, after = _period_text(old), _period_text(new)
        if before != after and not _same_span(old.period, new.period):
            yield _place_change(ChangeKind.PERIOD, name, "period", old, new, before, after)
    elif isinstance(old, Meeting) and isinstance(new, Meeting):
        moments = (old.date, old.starts, old.ends), (new.date, new.starts, new.ends)
        if moments[0] != moments[1] or (
            moments[0] == (None, None, None) and _fold(old.when_text) != _fold(new.when_text)
        ):
            yield _place_change(
                ChangeKind.RESCHEDULED, name, "date", old, new, _when(old), _when(new)
            )
        if _fold(old.venue) != _fold(new.venue):
            yield _place_change(ChangeKind.VENUE, name, "venue", old, new, old.venue, new.venue)


def _category_word(response: ManagementResponse) -> str:
    if response.category is not None:
        return response.category.label
    return response.category_text.strip() or "(none)"


def _responded(old: Recommendation, new: Recommendation) -> Iterator[Change]:
    """A recommendation's text, its response's text and description, and its category."""
    yield from _reworded(old, new)
    before, after = old.response, new.response
    yield from _narrative("response", old, new, before.text, after.text, ChangeKind.RESPONSE)
    yield from _narrative(
        "response description", old, new, before.description, after.description, ChangeKind.RESPONSE
    )
    if before.category != after.category or (
        before.category is None and _fold(before.category_text) != _fold(after.category_text)
    ):
        yield Change(
            kind=ChangeKind.CATEGORY,
            old=old,
            new=new,
            message=f"{_name(new)}: response category {_category_word(before)} → "
            f"{_category_word(after)}",
        )


def _recommendation_items(
    places: list[tuple[str, _Place]], titles: Mapping[int, str]
) -> list[tuple[_Paired, dict[str, object]]]:
    """The recommendations of the evaluations among ``places``, each in its evaluation
    (by title, or the title ``titles`` gives its index: its old round's when retitled)."""
    return [
        (recommendation, {"kind": "recommendation", "container": titles.get(index, place.title)})
        for index, (_, place) in enumerate(places)
        if isinstance(place, Evaluation)
        for recommendation in place.recommendations
    ]


def _place_changes(
    old: Document,
    new: Document,
    renaming: Mapping[tuple[object, object], tuple[object, object]],
) -> list[Change]:
    """What changed in the paired places' details and in the paired recommendations, in
    the new round's order: each place's details, then its recommendations'."""
    old_places, new_places = _places(old), _places(new)
    matched = _place_pairs(old_places, new_places, renaming)
    old_recommendations = _recommendation_items(old_places, {})
    new_recommendations = _recommendation_items(
        new_places, {new: old_places[old_index][1].title for new, old_index in matched.items()}
    )
    paired = _pairs(old_recommendations, new_recommendations)
    changes: list[Change] = []
    for new_index, (noun, place) in enumerate(new_places):
        if new_index in matched:
            changes.extend(_details(noun, old_places[matched[new_index]][1], place))
    for new_index, (recommendation, _) in enumerate(new_recommendations):
        if new_index not in paired:
            continue
        before = old_recommendations[paired[new_index]][0]
        if isinstance(before, Recommendation) and isinstance(recommendation, Recommendation):
            ref = recommendation.ref.strip().rstrip(".:)")
            changes.extend(
                attrs.evolve(change, message="Recommendation " + change.message, recommendation=ref)
                for change in _responded(before, recommendation)
            )
    return changes


_EXPECTED = (
    "a Document, an Evaluation, a Recommendation, a Meeting, a ProgressReport, an ActionPlan "
    "or an iterable of Actions or of Documents"
)


def _shown(value: object) -> str:
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 60 else shown[:57] + '...'}"


def _as_document(round_: ActionSource, side: str) -> Document:
    """One round as a Document (see the module's docstring); a TypeError naming ``side``
    (``old`` or ``new``) for anything else."""
    given: object = round_  # annotations do not stop a caller passing something else
    if isinstance(given, Document):
        return given
    if isinstance(given, Evaluation):
        return Document(evaluations=(given,))
    if isinstance(given, Recommendation):
        return Document(evaluations=(Evaluation(title="", recommendations=(given,)),))
    if isinstance(given, Meeting):
        return Document(meetings=(given,))
    if isinstance(given, ProgressReport):
        return Document(reports=(given,))
    if isinstance(given, ActionPlan):
        return Document(plans=(given,))
    if isinstance(given, (str, bytes, Mapping)) or not isinstance(given, Iterable):
        message = f"diff({side}) takes {_EXPECTED}, not {_shown(given)}"
        raise WrongTypeError(message)
    found = tuple(given)
    if found and all(isinstance(item, Document) for item in found):
        return Document(  # as gt.combine combines them
            evaluations=tuple(e for document in found for e in document.evaluations),
            meetings=tuple(m for document in found for m in document.meetings),
            reports=tuple(r for document in found for r in document.reports),
            plans=tuple(p for document in found for p in document.plans),
        )
    for index, item in enumerate(found):
        if not isinstance(item, Action):
            hint = " (pass its .actions, or the record itself)" if hasattr(item, "actions") else ""
            message = (
                f"diff({side}) takes {_EXPECTED}, not a {type(given).__name__} holding "
                f"{_shown(item)} at [{index}]{hint}"
            )
            raise WrongTypeError(message)
    return Document(plans=(ActionPlan(actions=found),))


def diff(old: ActionSource, new: ActionSource, *, notes: bool = False) -> list[Change]:
    """The changes from ``old`` to ``new``, in the new document's order, removals last.

    A matched pair's changes come in a fixed order: renumbered, reworded, reassigned,
    status, deadline, extra, then (with ``notes``) commented and one per update gained;
    they come after the changes of the places' details (retitled, period, rescheduled,
    venue) and of the recommendations (reworded, response, category). See the module's
    docstring for how actions, places and recommendations are paired and what counts as
    a change.

    Args:
        old: The earlier round: a Document, a record that holds actions (an Evaluation,
            a Recommendation, a Meeting, a ProgressReport, an ActionPlan), an iterable
            of Documents (combined) or an iterable of Actions (compared as one plan's).
        new: The later round, of the same kind as ``old`` (actions pair only within the
            same place: a plan's actions never pair with an evaluation's).
        notes: Also report comments changed and progress updates added (off by default:
            most open actions gain a note every round, and the other changes drown).

    Returns:
        Changes: refs renumbered, texts reworded, responsible parties changed, status
        changes, deadlines slipped or moved, extra columns changed, actions added or
        removed; places retitled, periods changed, meetings rescheduled or moved to
        another venue; recommendations reworded, responses and categories changed; with
        ``notes``, comments and updates.

    Raises:
        TypeError: ``old`` or ``new`` is none of those, or holds something that is not
            an Action (the message names which).

    >>> import govtrack as gt
    >>> def plan(*actions): return gt.Document(plans=(gt.ActionPlan(actions=actions),))
    >>> before = plan(gt.Action(ref="1", text="Hire", due=gt.parse_due("2022/06"),
    ...                         status=gt.Status.ONGOING))
    >>> after = plan(gt.Action(ref="1", text="Hire", due=gt.parse_due("2022/12"),
    ...                        status=gt.Status.COMPLETED),
    ...              gt.Action(ref="2", text="Train"))
    >>> for change in diff(before, after): print(change)
    1 'Hire': status Ongoing → Completed
    1 'Hire': deadline slipped '2022/06' → '2022/12'
    2 'Train': added

    A commitment rewritten and handed to another unit, with a progress note:

    >>> before = plan(gt.Action(ref="1", text="Hire two M&E officers", responsible=("HR",)))
    >>> after = plan(gt.Action(ref="1", text="Hire one M&E officer",
    ...                        responsible=("Programme unit",),
    ...                        updates=(gt.Update(text="Post advertised",
    ...                                           on=gt.parse_due("Dec 2022")),)))
    >>> for change in diff(before, after): print(change.kind.value, "|", change)
    reworded | 1 'Hire two M&E officers': text reworded → 'Hire one M&E officer'
    reassigned | 1 'Hire one M&E officer': responsible HR → Programme unit
    >>> [change.kind.value for change in diff(before, after, notes=True)]
    ['reworded', 'reassigned', 'updated']

    Lists of actions are compared too. A ref changed by an insertion above is no change,
    but any other renumbering is reported:

    >>> before = [gt.Action(ref="1.1", text="Hire"), gt.Action(ref="1.2", text="Train")]
    >>> after = [gt.Action(ref="1.1", text="Audit"), gt.Action(ref="1.2", text="Hire"),
    ...          gt.Action(ref="1.7", text="Train")]
    >>> for change in diff(before, after): print(change)
    1.1 'Audit': added
    1.2 'Train': renumbered 1.2 → 1.7
    """
    old_document, new_document = _as_document(old, "old"), _as_document(new, "new")
    old_items: list[tuple[_Paired, dict[str, object]]] = [
        *contexts(old_document),
        *_indicators(old_document),
    ]
    found: list[tuple[_Paired, dict[str, object]]] = [
        *contexts(new_document),
        *_indicators(new_document),
    ]
    renaming = _renaming(old_items, found)
    new_items = _renamed(old_items, found, renaming)
    matched = _pairs(old_items, new_items)
    used = set(matched.values())
    numbering = _Numbering(old_items, new_items, matched)
    changes = _place_changes(old_document, new_document, renaming)
    for new_index, (action, context) in enumerate(new_items):
        where = _where(context, action)
        recommendation = _recommendation(context)
        if new_index in matched:
            old_index = matched[new_index]
            old_action = old_items[old_index][0]
            shifted = numbering.shifted(old_index, new_index, old_action, action)
            changes.extend(
                _compare(old_action, action, where, recommendation, shifted=shifted, notes=notes)
            )
        else:
            changes.append(
                Change(
                    kind=ChangeKind.ADDED,
                    old=None,
                    new=action,
                    message=f"{where}{_name(action)}: added",
                    recommendation=recommendation,
                )
            )
    for old_index, (action, context) in enumerate(old_items):
        if old_index not in used:
            changes.append(
                Change(
                    kind=ChangeKind.REMOVED,
                    old=action,
                    new=None,
                    message=f"{_where(context, action)}{_name(action)}: removed",
                    recommendation=_recommendation(context),
                )
            )
    removed = [change for change in changes if change.kind is ChangeKind.REMOVED]
    changes = [change for change in changes if change.kind is not ChangeKind.REMOVED]
    answers = _answers(old_document, new_document)
    return [
        *changes,
        *(change for change in answers if change.kind is not ChangeKind.REMOVED),
        *removed,
        *(change for change in answers if change.kind is ChangeKind.REMOVED),
    ]
