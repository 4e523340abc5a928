"""What changed between two reporting rounds of the same tracker.

Actions are matched by their place and ref (recommendation ref and action ref,
or the plan's action ref), then unchanged actions (equal in every field, the
earliest first), then, among those left, by text similarity (the most similar;
on a tie, the earliest). A
matched pair reports a status change and a deadline that slipped (ends later)
or moved earlier; unmatched actions are added or removed.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterator

import attrs

from govtrack.model.records import Action, Document
from govtrack.model.tabular import contexts

__all__ = ["Change", "ChangeKind", "diff"]

SIMILARITY = 0.6
"""How alike two action texts must be (difflib ratio) to count as the same action."""


class ChangeKind(enum.Enum):
    """What happened to an action between two rounds."""

    ADDED = "added"
    REMOVED = "removed"
    STATUS = "status"
    SLIPPED = "slipped"
    MOVED_EARLIER = "moved_earlier"
    DEADLINE = "deadline"


@attrs.frozen(kw_only=True)
class Change:
    """One change: its kind, the action before and after, and a sentence saying it."""

    kind: ChangeKind
    old: Action | None
    new: Action | None
    message: str

    def __str__(self) -> str:
        return self.message


def _key(context: dict[str, object], action: Action) -> tuple[object, ...] | None:
    if not action.ref.strip():
        return None
    ref = action.ref.strip().rstrip(".)").strip()
    return (context["kind"], context["container"], context.get("recommendation_ref") or "", ref)


def _name(action: Action) -> str:
    text = action.text if len(action.text) <= 60 else action.text[:57] + "..."
    return f"{action.ref} {text!r}" if action.ref else repr(text)


def _status_word(action: Action) -> str:
    if action.status is not None:
        return action.status.label
    return action.status_text or "no status"


def _compare(old: Action, new: Action) -> Iterator[Change]:
    if old.status != new.status or (
        old.status is None and old.status_text.strip() != new.status_text.strip()
    ):
        yield Change(
            kind=ChangeKind.STATUS,
            old=old,
            new=new,
            message=f"{_name(new)}: status {_status_word(old)} → {_status_word(new)}",
        )
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


def diff(old: Document, new: Document) -> list[Change]:
    """The changes from ``old`` to ``new``, in the new document's order, removals last.

    Args:
        old: The earlier round.
        new: The later round.

    Returns:
        Changes: status changes, deadlines slipped or moved, actions added or removed.

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
    """
    old_items = list(contexts(old))
    new_items = list(contexts(new))
    by_key: dict[tuple[object, ...], int] = {}
    for index, (action, context) in enumerate(old_items):
        key = _key(context, action)
        if key is not None:
            by_key.setdefault(key, index)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for new_index, (action, context) in enumerate(new_items):
        key = _key(context, action)
        if key is not None and key in by_key and by_key[key] not in used:
            matched[new_index] = by_key[key]
            used.add(by_key[key])

    def same_place(old_context: dict[str, object], context: dict[str, object]) -> bool:
        return (old_context["kind"], old_context["container"]) == (
            context["kind"],
            context["container"],
        )

    # Unchanged actions first (the earliest equal one), so that an identical action is
    # never paired with a merely similar one while its twin is left over.
    for new_index, (action, context) in enumerate(new_items):
        if new_index in matched:
            continue
        for old_index, (candidate, old_context) in enumerate(old_items):
            if old_index not in used and candidate == action and same_place(old_context, context):
                matched[new_index] = old_index
                used.add(old_index)
                break
    # Then the most similar text; on a tie, the earliest.
    for new_index, (action, context) in enumerate(new_items):
        if new_index in matched:
            continue
        best, best_ratio = None, SIMILARITY
        for old_index, (candidate, old_context) in enumerate(old_items):
            if old_index in used or not same_place(old_context, context):
                continue
            ratio = difflib.SequenceMatcher(None, candidate.text, action.text).ratio()
            if ratio > best_ratio or (best is None and ratio >= best_ratio):
                best, best_ratio = old_index, ratio
        if best is not None:
            matched[new_index] = best
            used.add(best)
    changes: list[Change] = []
    for new_index, (action, _) in enumerate(new_items):
        if new_index in matched:
            changes.extend(_compare(old_items[matched[new_index]][0], action))
        else:
            changes.append(
                Change(
                    kind=ChangeKind.ADDED, old=None, new=action, message=f"{_name(action)}: added"
                )
            )
    for old_index, (action, _) in enumerate(old_items):
        if old_index not in used:
            changes.append(
                Change(
                    kind=ChangeKind.REMOVED,
                    old=action,
                    new=None,
                    message=f"{_name(action)}: removed",
                )
            )
    return changes
