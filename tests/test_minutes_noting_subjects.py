"""Regression tests of the minutes reader: a noting verb followed by ``and will`` or ``and to``
keeps its subject as the party of that clause, and a lowercase noting word inside a subject's
name (``The Unit for received goods``) is part of the name, not its verb."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes
from strategies import noting_words

_HEAD = "Minutes of the Skills Board\nDate: 3 April 2025\n\nDecisions:\n"


def _decision(body: str) -> gt.Decision:
    doc = gt.loads(_HEAD + body, format="minutes")
    (decision,) = doc.meetings[0].decisions
    return decision


@pytest.mark.parametrize("link", ["will", "to", "shall"])
def test_a_noting_verb_and_will_keeps_its_subject_as_party(link: str) -> None:
    """`The Secretariat noted the concerns raised and will revise …` named no party: the noting
    verb hid the subject that the will-clause shares."""
    line = f"a) The Secretariat noted the concerns raised and {link} revise the guidelines "
    decision = _decision(line + "by 30 June 2025.\n")
    due = decision.due.text if decision.due is not None else ""
    assert (("The Secretariat",), "30 June 2025") == (decision.responsible, due)


def test_noted_and_agreed_that_names_the_agreed_subject() -> None:
    """`The Board noted the report and agreed that the Unit will …` names the Unit, not the
    Board: the noted-and-acts rule applies only to ``and will``/``and to``."""
    line = "a) The Board noted the report and agreed that the Unit will revise it by 1 May 2025.\n"
    assert ("the Unit",) == _decision(line).responsible


@pytest.mark.parametrize(
    "sentence",
    [
        "The Board noted that UNICEF will act by 1 May 2025.",
        "The Board noted the report.",
        "The Board noted that the Unit had finished and will report by 1 May 2025.",
    ],
)
def test_what_was_noted_still_names_no_party(sentence: str) -> None:
    """A noting verb with no ``and will`` of its own subject (or one after ``that``) names
    no party, as before."""
    assert () == _decision(f"a) {sentence}\n").responsible


@pytest.mark.parametrize(
    "name",
    [
        "The Unit for received goods",
        "The Office for noted collections",
        "The Desk of reviewed claims",
        "The Unit for goods received",
    ],
)
def test_a_lowercase_noting_word_inside_a_name_keeps_the_party(name: str) -> None:
    """`The Unit for received goods will submit …` named no party: a lowercase noting word
    after a preposition (or right before ``will``) was read as the subject's verb."""
    assert (name,) == _decision(f"a) {name} will submit the inventory by 1 May 2025.\n").responsible


@given(
    head=st.sampled_from(("The Unit", "The Office", "The Desk", "The Team")),
    join=st.sampled_from(("for", "of", "on")),
    word=noting_words,
    noun=st.sampled_from(("goods", "collections", "claims", "items")),
    link=st.sampled_from(("will", "to", "shall")),
)
def test_any_name_with_a_lowercase_noting_word_inside_keeps_its_party(
    *, head: str, join: str, word: str, noun: str, link: str
) -> None:
    """Any subject whose name holds a lowercase noting word after a preposition is the party
    of its sentence, whole."""
    name = f"{head} {join} {word} {noun}"
    assert (name,) == minutes.decision_parties(f"{name} {link} submit the list by 1 May 2025.")


@given(
    subject=st.sampled_from(("The Secretariat", "The Finance Unit", "HR", "UNICEF")),
    word=noting_words,
    link=st.sampled_from(("will", "to", "shall")),
    comma=st.sampled_from(("", ",")),
)
def test_any_noting_verb_and_will_keeps_its_subject(
    *, subject: str, word: str, link: str, comma: str
) -> None:
    """Any `X <noting verb> the report[,] and will/to <verb> …` names X as its party."""
    sentence = f"{subject} {word} the report{comma} and {link} revise the plan by 1 May 2025."
    assert (subject,) == minutes.decision_parties(sentence)
