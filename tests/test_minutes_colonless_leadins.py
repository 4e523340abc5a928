"""Regression tests of the minutes reader: a lead-in that ends ``the following`` or ``as
follows`` with no colon reads as the same lead-in with its colon: a noting one gives its items
no party, an agreeing one takes its items' parties, and the items stay in its text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import noting_words

_HEAD = "Minutes of the Skills Board\nDate: 3 April 2025\nVenue: Room 4\n\nDecisions:\n"
_SHAPES = {
    "lettered, bullets": ("a) ", "- ", "- ", "b) "),
    "lettered, numerals": ("a) ", "   i) ", "   ii) ", "b) "),
    "lettered, numbers": ("a) ", "1. ", "2. ", "b) "),
    "numbered, bullets": ("1. ", "   - ", "   - ", "2. "),
    "numbered, letters": ("1. ", "   a) ", "   b) ", "2. "),
    "bulleted, numbers": ("- ", "   1. ", "   2. ", "- "),
}


def _read(lead: str, shape: str) -> list[tuple[str, tuple[str, ...], str, str]]:
    first, one, two, last = _SHAPES[shape]
    text = (
        f"{_HEAD}{first}{lead}\n{one}WHO to chair the session;\n"
        f"{two}The Finance Unit to cost the plan.\n{last}The Board approved the budget.\n"
    )
    doc = gt.loads(text, format="minutes")
    return [
        (d.ref, d.responsible, d.text.replace(":", ""), str(d.origin))
        for d in doc.meetings[0].decisions
    ]


@pytest.mark.parametrize("shape", sorted(_SHAPES))
@pytest.mark.parametrize("verb", ["noted", "agreed", "took note of", "decided"])
def test_a_lead_in_without_its_colon_reads_as_with_it(verb: str, shape: str) -> None:
    """`The Board noted the following` with no colon over a list was no lead-in: its items were
    decisions of their own, agenda text or parties of a noting lead-in."""
    colon = _read(f"The Board {verb} the following:", shape)
    assert colon == _read(f"The Board {verb} the following", shape)


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_a_noting_lead_in_without_colon_gives_no_party(shape: str) -> None:
    """`- The Board noted the following` over `1. WHO to chair …` gave the decision the items'
    parties: what was noted names no party, colon or not."""
    first, *_ = _read("The Board noted the following", shape)
    assert () == first[1]


@given(
    word=noting_words,
    tail=st.sampled_from(("the following", "the following points", "as follows")),
    colon=st.sampled_from(("", ":", " :")),
    shape=st.sampled_from(sorted(_SHAPES)),
)
def test_any_noting_lead_in_gives_its_items_no_party(
    *, word: str, tail: str, colon: str, shape: str
) -> None:
    """Any noting lead-in, with or without its colon, gives its items no party, and keeps them
    in its text."""
    first, second = _read(f"The Board {word} {tail}{colon}", shape)
    assert ((), 3, ()) == (first[1], first[2].count("\n") + 1, second[1])


@given(
    count=st.integers(2, 5),
    late=st.data(),
    bullet=st.sampled_from(("i)", "-", "(1)")),
)
def test_an_items_second_deadline_is_reported_at_its_own_line(
    *, count: int, late: st.DataObject, bullet: str
) -> None:
    """Regression: GT352 for an item's own deadline pointed at the decision's first line; it
    points at the item's line, whichever item it is."""
    place = late.draw(st.integers(1, count - 1))
    marks = ["i)", "ii)", "iii)", "iv)", "v)"] if bullet == "i)" else [bullet] * count
    items = [
        f"   {marks[n]} task {n} by {'30 June' if n == place else '31 May'} 2025;"
        for n in range(count)
    ]
    text = _HEAD + "a) The Unit will act by 31 May 2025:\n" + "\n".join(items) + "\n"
    doc = gt.loads(text, format="minutes")
    assert [("GT352", f"line {7 + place}")] == [(p.code, str(p.location)) for p in doc.problems]
