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


def test_lettered_lines_under_an_item_that_opens_no_list_keep_the_next_item_apart() -> None:
    """Regression (a review of the change above): lettered lines under an item that does not
    end with `:` made the next item join their block, so the whole list became one agenda
    paragraph with no problem; it is again a list the reader reports (GT362), its items
    apart."""
    body = (
        "- The Secretariat will revise the plan, including\na) the costs;\nb) a timeline.\n"
        "- HR to hire two nurses by May 2025.\n"
    )
    doc = gt.loads(_HEAD + body, format="meeting-report")
    agenda = [item.text for item in doc.meetings[0].agenda]
    assert ["GT362"] == [problem.code for problem in doc.problems if problem.code == "GT362"]
    assert any(text.endswith("• HR to hire two nurses by May 2025.") for text in agenda)


def test_an_item_ending_as_follows_opens_its_lettered_sub_list() -> None:
    """`… as follows` without its colon opens a sub-list, as in the minutes reader."""
    body = (
        "- The Secretariat will revise the plan as follows\na) add the costs;\n"
        "b) add a timeline.\n- HR to hire two nurses by May 2025.\n"
    )
    expected = [
        (
            ("The Secretariat",),
            "The Secretariat will revise the plan as follows\na) add the costs;\nb) add a timeline.",
        ),
        (("HR",), "HR to hire two nurses by May 2025."),
    ]
    assert expected == _decisions(body)
