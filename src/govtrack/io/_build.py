"""Building the records a workbook's rows become, without their ``__init__`` (the hot path).

An attrs ``__init__`` of a frozen class stores each field through
``object.__setattr__`` and runs its converters: some 2 µs for an :class:`Action`
and 1 µs for its :class:`Location`, a third of what reading a row costs. The
reader knows its values are already what the converters would make of them
(tuples, :class:`FrozenMap`) and of the types the validators check (a
:class:`Due`, a :class:`Status`), so :func:`new_action`, :func:`new_location` and
:func:`new_recommendation` fill the slots directly: the same objects, about twice
as fast.

They do so only for classes whose ``__init__`` does nothing else: the field names
in this order, no validator or converter but on the fields named here, no
``__attrs_pre_init__`` or ``__attrs_post_init__``, slots. Should the model
change, the check fails at import and the ordinary constructor is used (a test
checks the fast path is taken, and gives records equal to the ordinary ones).
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any

import attrs

from govtrack.model.dates import Due
from govtrack.model.frozenmap import FrozenMap
from govtrack.model.location import Location
from govtrack.model.records import Action, ManagementResponse, Recommendation, Update
from govtrack.model.status import ResponseCategory, Status

__all__ = [
    "ACTION_FIELDS",
    "FAST",
    "new_action",
    "new_location",
    "new_recommendation",
    "new_whole_location",
]

ACTION_FIELDS = (
    "text", "ref", "responsible", "due", "due_text", "status", "status_text", "comments",
    "updates", "scope", "group", "extra", "origin",
)  # fmt: skip
"""The fields of an Action, in the order :func:`new_action` takes them."""

_LOCATION_FIELDS = ("file", "sheet", "cell", "line", "header", "columns", "labels")

_LOCATION_CHECKED = frozenset({"line"})
"""The fields of a Location whose type its ``__init__`` checks: the builders' callers pass
an int from 1 (never a bool) or None as ``line``."""

_ACTION_CHECKED = frozenset({"text"})
"""The fields of an Action whose type its ``__init__`` checks: the builders' callers pass
a Due and a Status (or None) there, and a tuple of Updates, as they pass tuples where it
converts, and str in every text field and among the parties (``text``'s validator checks
them all, the due, the status and the updates too)."""

_Setter = Callable[[Any, Any], None]


def slot_setters(
    cls: type, names: tuple[str, ...], converted: set[str], validated: frozenset[str] = frozenset()
) -> tuple[_Setter, ...] | None:
    """The slot setters of ``cls``'s fields, in ``names`` order, when its ``__init__`` only
    stores them (the fields in ``converted`` through a converter the caller has applied
    already, those in ``validated`` after a type check the caller's values pass); None
    when it does anything else."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return None
    fields = attrs.fields(cls)
    if tuple(field.name for field in fields) != names:
        return None
    if {field.name for field in fields if field.validator is not None} != validated:
        return None
    if {field.name for field in fields if field.converter is not None} != converted:
        return None
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return None
    slots = [cls.__dict__.get(name) for name in names]
    setters = tuple(slot.__set__ for slot in slots if isinstance(slot, MemberDescriptorType))
    return setters if len(setters) == len(names) else None


_new = object.__new__


def _location_maker() -> tuple[
    Callable[[str, str, str, FrozenMap, FrozenMap], Location],
    Callable[[str, str, str, int | None, str, FrozenMap, FrozenMap], Location],
    bool,
]:
    setters = slot_setters(Location, _LOCATION_FIELDS, {"columns", "labels"}, _LOCATION_CHECKED)
    if setters is None:  # only if the model changes (a test makes it so)

        def ordinary(  # noqa: PLR0917 - one parameter per field, in order
            file: str,
            sheet: str,
            cell: str,
            line: int | None,
            header: str,
            columns: FrozenMap,
            labels: FrozenMap,
        ) -> Location:
            return Location(
                file=file,
                sheet=sheet,
                cell=cell,
                line=line,
                header=header,
                columns=columns,
                labels=labels,
            )

        def ordinary_row(
            file: str, sheet: str, cell: str, columns: FrozenMap, labels: FrozenMap
        ) -> Location:
            return ordinary(file, sheet, cell, None, "", columns, labels)

        return ordinary_row, ordinary, False
    set_file, set_sheet, set_cell, set_line, set_header, set_columns, set_labels = setters

    def fast(  # noqa: PLR0917 - one parameter per field, in order
        file: str,
        sheet: str,
        cell: str,
        line: int | None,
        header: str,
        columns: FrozenMap,
        labels: FrozenMap,
    ) -> Location:
        location = _new(Location)
        set_file(location, file)
        set_sheet(location, sheet)
        set_cell(location, cell)
        set_line(location, line)
        set_header(location, header)
        set_columns(location, columns)
        set_labels(location, labels)
        return location

    def fast_row(
        file: str, sheet: str, cell: str, columns: FrozenMap, labels: FrozenMap
    ) -> Location:
        # Every row makes one: its slots are filled here rather than through fast() (a call
        # less a row).
        location = _new(Location)
        set_file(location, file)
        set_sheet(location, sheet)
        set_cell(location, cell)
        set_line(location, None)
        set_header(location, "")
        set_columns(location, columns)
        set_labels(location, labels)
        return location

    return fast_row, fast, True


def _action_maker() -> tuple[Callable[..., Action], bool]:
    setters = slot_setters(
        Action, ACTION_FIELDS, {"responsible", "updates", "extra"}, _ACTION_CHECKED
    )
    if setters is None:  # only if the model changes (a test makes it so)

        def ordinary(*values: Any) -> Action:
            return Action(**dict(zip(ACTION_FIELDS, values, strict=True)))

        return ordinary, False
    (set_text, set_ref, set_responsible, set_due, set_due_text, set_status, set_status_text,
     set_comments, set_updates, set_scope, set_group, set_extra, set_origin) = setters  # fmt: skip

    def fast(  # noqa: PLR0917 - one parameter per field, in the order of Action's fields
        text: str,
        ref: str,
        responsible: tuple[str, ...],
        due: Due | None,
        due_text: str,
        status: Status | None,
        status_text: str,
        comments: str,
        updates: tuple[Update, ...],
        scope: str,
        group: str,
        extra: FrozenMap,
        origin: Location,
    ) -> Action:
        action = _new(Action)
        set_text(action, text)
        set_ref(action, ref)
        set_responsible(action, responsible)
        set_due(action, due)
        set_due_text(action, due_text)
        set_status(action, status)
        set_status_text(action, status_text)
        set_comments(action, comments)
        set_updates(action, updates)
        set_scope(action, scope)
        set_group(action, group)
        set_extra(action, extra)
        set_origin(action, origin)
        return action

    return fast, True


new_location, new_whole_location, _FAST_LOCATION = _location_maker()
"""``new_location(file, sheet, cell, columns, labels)``: ``Location(file=…, …)``, its
``line`` None and ``header`` empty; ``columns`` and ``labels`` must be FrozenMaps.

``new_whole_location(file, sheet, cell, line, header, columns, labels)``: the same with
every field given."""

new_action, _FAST_ACTION = _action_maker()
"""``new_action(*values)`` in :data:`ACTION_FIELDS` order: ``Action(text=…, …)``;
``responsible`` and ``updates`` must be tuples, ``extra`` a FrozenMap."""


def _recommendation_maker() -> tuple[Callable[..., Recommendation], bool]:
    response_setters = slot_setters(
        ManagementResponse,
        ("text", "category", "category_text", "description", "thematic_areas",
         "operating_principles", "organisational_priorities", "uneg_criteria"),
        {"thematic_areas", "operating_principles", "organisational_priorities", "uneg_criteria"},
        frozenset({"category"}),
    )  # fmt: skip
    setters = slot_setters(
        Recommendation,
        ("text", "ref", "response", "actions", "group", "origin"),
        {"actions"},
        frozenset({"response", "actions"}),  # a ManagementResponse, a tuple of Actions
    )
    if (
        response_setters is None or setters is None
    ):  # only if the model changes (a test makes it so)

        def ordinary(  # noqa: PLR0917 - the fields of both records, in order
            text: str,
            ref: str,
            response: str,
            category: ResponseCategory | None,
            category_text: str,
            actions: tuple[Action, ...],
            group: str,
            origin: Location,
        ) -> Recommendation:
            return Recommendation(
                text=text,
                ref=ref,
                response=ManagementResponse(
                    text=response, category=category, category_text=category_text
                ),
                actions=actions,
                group=group,
                origin=origin,
            )

        return ordinary, False
    (set_response_text, set_category, set_category_text, set_description, set_thematic_areas,
     set_operating_principles, set_organisational_priorities,
     set_uneg_criteria) = response_setters  # fmt: skip
    set_text, set_ref, set_response, set_actions, set_group, set_origin = setters

    def fast(  # noqa: PLR0917 - the fields of both records, in order
        text: str,
        ref: str,
        response: str,
        category: ResponseCategory | None,
        category_text: str,
        actions: tuple[Action, ...],
        group: str,
        origin: Location,
    ) -> Recommendation:
        answer = _new(ManagementResponse)
        set_response_text(answer, response)
        set_category(answer, category)
        set_category_text(answer, category_text)
        set_description(answer, "")
        set_thematic_areas(answer, ())
        set_operating_principles(answer, ())
        set_organisational_priorities(answer, ())
        set_uneg_criteria(answer, ())
        recommendation = _new(Recommendation)
        set_text(recommendation, text)
        set_ref(recommendation, ref)
        set_response(recommendation, answer)
        set_actions(recommendation, actions)
        set_group(recommendation, group)
        set_origin(recommendation, origin)
        return recommendation

    return fast, True


new_recommendation, _FAST_RECOMMENDATION = _recommendation_maker()
"""``new_recommendation(text, ref, response, category, category_text, actions, group,
origin)``: a Recommendation and its ManagementResponse (no description, no tags);
``actions`` must be a tuple."""

FAST = _FAST_LOCATION and _FAST_ACTION and _FAST_RECOMMENDATION
"""Whether the records are built without their ``__init__`` (the model is as expected)."""
