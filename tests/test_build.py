"""The reader's records built without their __init__ are the records __init__ builds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _build
from govtrack.model.frozenmap import FrozenMap
from govtrack.model.location import Location

texts = st.text(max_size=20)
maps = st.dictionaries(texts, texts, max_size=3).map(FrozenMap)


@st.composite
def action_values(draw: st.DrawFn) -> tuple[Any, ...]:
    """Values for each Action field, in ACTION_FIELDS order, as the reader passes them."""
    origin = _build.new_location(draw(texts), draw(texts), draw(texts), draw(maps), draw(maps))
    return (
        draw(texts),
        draw(texts),
        draw(st.lists(texts, max_size=3).map(tuple)),
        draw(st.none() | st.dates().map(lambda day: gt.Due.day(day, text=day.isoformat()))),
        draw(texts),
        draw(st.none() | st.sampled_from(gt.Status)),
        draw(texts),
        draw(texts),
        draw(st.lists(texts.map(lambda text: gt.Update(text=text)), max_size=2).map(tuple)),
        draw(texts),
        draw(texts),
        draw(maps),
        origin,
    )


def _same(built: Any, expected: Any) -> None:
    """Equal, and equal field by field (origins too, which == leaves out), same types."""
    assert type(built) is type(expected)
    assert built == expected
    for field in attrs.fields(type(expected)):
        mine, theirs = getattr(built, field.name), getattr(expected, field.name)
        assert type(mine) is type(theirs)
        if attrs.has(type(theirs)):
            _same(mine, theirs)
        else:
            assert mine == theirs


def test_the_fast_path_is_taken() -> None:
    """The model is what the builder expects: records skip their __init__."""
    assert _build.FAST


@given(
    values=st.tuples(texts, texts, texts, st.none() | st.integers(min_value=1), texts, maps, maps)
)
def test_a_fast_whole_location_is_the_location_init_builds(values: tuple[Any, ...]) -> None:
    """Every field of a Location, line and header included, as Location(...) stores it."""
    file, sheet, cell, line, header, columns, labels = values
    built = _build.new_whole_location(*values)
    expected = Location(
        file=file, sheet=sheet, cell=cell, line=line, header=header, columns=columns, labels=labels
    )
    _same(built, expected)
    assert hash(built) == hash(expected)


@given(values=st.tuples(texts, texts, texts, maps, maps))
def test_a_fast_row_location_is_the_location_init_builds(values: tuple[Any, ...]) -> None:
    """A row's Location (no line, no header), every field as Location(...) stores it."""
    file, sheet, cell, columns, labels = values
    built = _build.new_location(*values)
    expected = Location(file=file, sheet=sheet, cell=cell, columns=columns, labels=labels)
    _same(built, expected)
    assert hash(built) == hash(expected)


@given(values=action_values())
def test_a_fast_action_is_the_action_init_builds(values: tuple[Any, ...]) -> None:
    """Every field, the origin's included, as Action(...) stores it; frozen and hashable alike."""
    built = _build.new_action(*values)
    expected = gt.Action(**dict(zip(_build.ACTION_FIELDS, values, strict=True)))
    _same(built, expected)
    assert hash(built) == hash(expected)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]  # frozen: the assignment must fail


@pytest.mark.parametrize("fast", [True, False])
def test_the_ordinary_constructors_stand_in_when_the_model_changes(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a model the builder does not expect, it uses __init__, with the same result."""
    if not fast:
        monkeypatch.setattr(_build, "slot_setters", lambda *_: None)
    new_location, new_whole_location, location_fast = _build._location_maker()
    new_action, action_fast = _build._action_maker()
    new_recommendation, recommendation_fast = _build._recommendation_maker()
    assert (location_fast, action_fast, recommendation_fast) == (fast, fast, fast)
    columns = FrozenMap({"status": "I"})
    origin = new_location("f.xlsx", "Matrix", "F10", columns, FrozenMap())
    _same(origin, Location(file="f.xlsx", sheet="Matrix", cell="F10", columns=columns))
    labels = FrozenMap({"status": "Status"})
    _same(
        new_whole_location("f.json", "", "F10", 7, "Status", columns, labels),
        Location(
            file="f.json", cell="F10", line=7, header="Status", columns=columns, labels=labels
        ),
    )
    due = gt.Due.day(dt.date(2023, 3, 1), text="2023-03-01")
    values: tuple[Any, ...] = ("Do", "1.1", ("M&E",), due, "", gt.Status.ONGOING, "Ongoing", "", (), "", "",
              FrozenMap({"Budget": "10"}), origin)  # fmt: skip
    action = new_action(*values)
    _same(action, gt.Action(**dict(zip(_build.ACTION_FIELDS, values, strict=True))))
    category = gt.ResponseCategory.ACCEPTED
    _same(
        new_recommendation("Rec", "1", "Agreed", category, "Accepted", (action,), "G", origin),
        gt.Recommendation(
            text="Rec",
            ref="1",
            response=gt.ManagementResponse(
                text="Agreed", category=category, category_text="Accepted"
            ),
            actions=(action,),
            group="G",
            origin=origin,
        ),
    )


@given(
    values=st.tuples(
        texts,
        texts,
        texts,
        st.none() | st.sampled_from(gt.ResponseCategory),
        texts,
        st.lists(action_values().map(lambda values: _build.new_action(*values)), max_size=2),
        texts,
    )
)
def test_a_fast_recommendation_is_the_recommendation_init_builds(
    values: tuple[Any, ...],
) -> None:
    """Every field of the recommendation and of its response, as their __init__ stores it."""
    text, ref, response, category, category_text, actions, group = values
    origin = _build.new_location("f.xlsx", "Matrix", "B4", FrozenMap(), FrozenMap())
    built = _build.new_recommendation(
        text, ref, response, category, category_text, tuple(actions), group, origin
    )
    expected = gt.Recommendation(
        text=text,
        ref=ref,
        response=gt.ManagementResponse(
            text=response, category=category, category_text=category_text
        ),
        actions=actions,
        group=group,
        origin=origin,
    )
    _same(built, expected)
    assert hash(built) == hash(expected)


def test_a_class_that_validates_or_converts_more_is_built_by_its_init() -> None:
    """Validators, other converters, other fields, post-init, no slots: no fast path."""

    @attrs.frozen
    class Plain:
        a: str
        b: str

    @attrs.frozen
    class Validated:
        a: str = attrs.field(validator=attrs.validators.instance_of(str))
        b: str = ""

    @attrs.frozen
    class Converted:
        a: str = attrs.field(converter=str)
        b: str = ""

    @attrs.frozen
    class PostInit:
        a: str
        b: str

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.frozen(slots=False)
    class NoSlots:
        a: str
        b: str

    assert _build.slot_setters(Plain, ("a", "b"), set()) is not None
    assert _build.slot_setters(Plain, ("b", "a"), set()) is None
    for cls in (Validated, Converted, PostInit, NoSlots):
        assert _build.slot_setters(cls, ("a", "b"), set()) is None
    # A validator the caller's values pass is named; any other still means no fast path.
    assert _build.slot_setters(Validated, ("a", "b"), set(), frozenset({"a"})) is not None
    assert _build.slot_setters(Validated, ("a", "b"), set(), frozenset({"b"})) is None
    assert _build.slot_setters(Plain, ("a", "b"), set(), frozenset({"a"})) is None
