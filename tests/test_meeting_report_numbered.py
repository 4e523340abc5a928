"""Tests of the meeting-report reader's numbered lists: what the meeting agreed, numbered
`1.`, `1)` or `(1)`, is its decisions with their numbers as refs; any other numbered list
keeps its numbers in the paragraph that introduces it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import number_forms

_REPORT = (
    "4 May 2022\nCity Library, Room 3\n\nTechnical Working Group Meeting on Libraries\n\n"
    "The meeting was held to plan the reading campaign. Some 15 participants attended.\n\n"
)


def _read(text: str) -> gt.Document:
    return gt.loads(_REPORT + text, format="meeting-report")


@pytest.mark.parametrize(
    "intro", ["Way forward:", "Next steps:", "The meeting agreed that:", "Agreed actions:"]
)
@pytest.mark.parametrize("form", ["{}.", "{})", "({})", "• {}."])
def test_a_numbered_agreed_list_is_the_decisions(intro: str, form: str) -> None:
    """Regression: a numbered list under `Way forward:` was no decision, its lines joined into
    the paragraph above; each item is a decision, its number and a bracket its ref."""
    doc = _read(
        f"{intro}\n{form.format(1)} The Library Unit will buy the books by 31 May 2022.\n"
        f"{form.format(2)} Schools will lend the rooms.\n"
    )
    expected = [
        ("1)", "The Library Unit will buy the books by 31 May 2022.", ("The Library Unit",),
         dt.date(2022, 5, 31)),
        ("2)", "Schools will lend the rooms.", ("Schools",), None),
    ]  # fmt: skip
    meeting = doc.meetings[0]
    assert expected == [
        (d.ref, d.text, d.responsible, d.due.end if d.due else None) for d in meeting.decisions
    ]
    assert intro == meeting.agenda[-1].text
    assert () == doc.problems


def test_a_numbered_list_that_is_no_agreement_keeps_its_numbers() -> None:
    """A numbered list after a sentence that agrees nothing stays in its paragraph with its
    numbers as written (never turned into `•`), reported as a bullet list is (GT362)."""
    doc = _read("The participants discussed:\n1. the reading rooms;\n(2) the mobile library.\n")
    meeting = doc.meetings[0]
    assert "The participants discussed:\n1. the reading rooms;\n(2) the mobile library." == (
        meeting.agenda[-1].text
    )
    assert ["GT362"] == [p.code for p in doc.problems]


def test_numbered_themes_keep_their_numbers() -> None:
    """Numbered themes are themes, each as written, its number kept."""
    doc = _read("The group discussed the following themes:\n1. Reading\n2. Writing\n")
    assert ("1. Reading", "2. Writing") == doc.meetings[0].themes


def test_a_report_ending_with_a_numbered_item_is_not_truncated() -> None:
    """A last line that is a numbered item is no sentence cut short (no GT363)."""
    doc = _read("Next steps:\n1. Schools will lend the rooms\n")
    assert [] == [p.code for p in doc.problems]


def test_a_second_party_with_its_own_deadline_is_reported() -> None:
    """Both parties of `A to … by D1 and B to … by D2` are kept; D2 is reported (GT367)."""
    doc = _read(
        "Next steps:\n- HR to hire a librarian by 20 May 2022 and Finance to pay the books by "
        "30 May 2022.\n"
    )
    [decision] = doc.meetings[0].decisions
    assert (("HR", "Finance"), "20 May 2022") == (
        decision.responsible,
        decision.due.text if decision.due else "",
    )
    assert [("GT367", "line 9")] == [(p.code, str(p.location)) for p in doc.problems]


@given(
    form=number_forms,
    count=st.integers(1, 6),
    dates=st.lists(st.one_of(st.none(), st.integers(5, 28)), min_size=6, max_size=6),
    indent=st.sampled_from(("", "  ", "\t")),
)
def test_numbered_agreed_items_read_back(
    form: str, count: int, dates: list[int | None], indent: str
) -> None:
    """For any numbered list of agreed actions, in any form and indent, the decisions are its
    items in order, ref `k)`, with the text after the number, party and deadline."""
    sentences = [
        f"The Unit {k} will act" + (f" by {day} May 2022" if day else "") + "."
        for k, day in zip(range(1, count + 1), dates, strict=False)
    ]
    lines = "".join(
        f"{indent}{form.format(k)} {sentence}\n" for k, sentence in enumerate(sentences, 1)
    )
    doc = _read("It was agreed that:\n" + lines)
    expected = [
        (f"{k})", sentence, (f"The Unit {k}",), dt.date(2022, 5, day) if day else None)
        for (k, sentence), day in zip(enumerate(sentences, 1), dates, strict=False)
    ]
    assert expected == [
        (d.ref, d.text, d.responsible, d.due.end if d.due else None)
        for d in doc.meetings[0].decisions
    ]
    assert () == doc.problems


@pytest.mark.parametrize("item", ["- {}", "1. {}"])
@pytest.mark.parametrize("verb", ["to", "will"])
def test_a_name_after_a_recipient_in_an_agreed_item_is_reported(item: str, verb: str) -> None:
    """Regression: `The Unit will write to Finance and HR to confirm …` under `The meeting
    agreed that:` reads two ways (HR may be a second party); the meeting report kept the Unit
    alone, as the minutes do, but gave no problem (the minutes' GT354 is its GT369)."""
    sentence = f"The Unit {verb} write to Finance and HR to confirm the budget by May 2024."
    doc = _read("The meeting agreed that:\n" + item.format(sentence) + "\n")
    (decision,) = doc.meetings[0].decisions
    assert (("The Unit",), gt.parse_due("May 2024")) == (decision.responsible, decision.due)
    assert [("GT369", "line 9")] == [(p.code, str(p.location)) for p in doc.problems]
    assert "'HR' after the recipient 'Finance'" in doc.problems[0].message
