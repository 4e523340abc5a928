"""Regression tests of the meeting-report reader: a lettered sub-list (``a)``, ``(b)``) under
an agreed item that ends with ``:`` is that item's sub-list, as a bulleted or numbered one is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt

_HEAD = (
    "4 April 2025\nTown Hall, Eastport\n\nWorking Group Meeting on Skills\n\n"
    "The meeting was held on 4 April 2025, organized by the Skills Board (SB).\n\n"
    "The meeting agreed that:\n"
)


def _decisions(body: str) -> list[tuple[tuple[str, ...], str]]:
    doc = gt.loads(_HEAD + body, format="meeting-report")
    return [(d.responsible, d.text) for d in doc.meetings[0].decisions]


def test_a_lettered_sub_list_under_will_is_read() -> None:
    """Regression: `- The Secretariat will:` over `a) …`, `b) …` was no list: the block stayed
    agenda text, with no decision and no problem."""
    body = (
        "- The Secretariat will:\n  a) draft the note by 1 May 2025;\n  b) share it with members.\n"
        "- HR will hire a clerk.\n"
    )
    expected = [
        (
            ("The Secretariat",),
            "The Secretariat will:\na) draft the note by 1 May 2025;\nb) share it with members.",
        ),
        (("HR",), "HR will hire a clerk."),
    ]
    assert expected == _decisions(body)


@given(
    count=st.integers(1, 5),
    paren=st.booleans(),
    indent=st.sampled_from(("", "  ", "\t")),
    party=st.sampled_from(("The Secretariat", "HR", "The Finance Unit")),
)
def test_any_lettered_sub_list_under_a_colon_is_the_items_of_its_party(
    *, count: int, paren: bool, indent: str, party: str
) -> None:
    """Any lettered sub-list under `- X will:` is kept, one item a line, in X's decision."""
    letters = "abcde"[:count]
    items = [f"{indent}{f'({c})' if paren else f'{c})'} task {c};" for c in letters]
    body = f"- {party} will:\n" + "\n".join(items) + "\n"
    [(parties, text)] = _decisions(body)
    assert ((party,), count + 1) == (parties, len(text.split("\n")))
