"""Tests of the minutes reader on a decision's subject: a date in a clause set off by commas
before the verb is no deadline, and a unit's acronym in capitals (``IT``) is a party."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes
from strategies import written_days, written_dues

_HEAD = "Minutes of the Board\nDate: 3 March 2023\nVenue: Room 4\n\nDecisions\n"


def _one(sentence: str) -> gt.Decision:
    """The decision a one-item list reads."""
    [decision] = gt.loads(f"{_HEAD}a) {sentence}\n", format="minutes").meetings[0].decisions
    return decision


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (
            (
                "The Secretariat, having circulated the draft by 1 March 2024, will finalise it "
                "by May 2024."
            ),
            "May 2024",
        ),
        (
            "The Unit, after consulting districts before 5 June 2024, to report by Q3 2024.",
            "Q3 2024",
        ),
        (
            "It was agreed that HR, having hired by April 2024, will train staff by June 2024.",
            "June 2024",
        ),
        (
            "The Secretariat, with support from UNDP by 2 May 2024, will act in July 2024.",
            "July 2024",
        ),
        ("By 1 March 2024, the Secretariat will finalise the draft.", "1 March 2024"),
    ],
)
def test_date_in_a_clause_before_the_verb_is_no_deadline(sentence: str, written: str) -> None:
    """The deadline is the one after the main verb, not one inside the commas before it.

    Regression: ``The Secretariat, having circulated the draft by 1 March 2024, will
    finalise it by May 2024`` had 1 March 2024 as its deadline."""
    decision = _one(sentence)
    assert (written, sentence) == (decision.due.text if decision.due else "", decision.text)


def test_clause_date_with_no_deadline_after_the_verb() -> None:
    """With no date after the verb, the decision has no deadline; the text keeps the date."""
    sentence = "The Secretariat, having circulated the draft by 1 March 2024, will finalise it."
    decision = _one(sentence)
    assert (None, "", ("The Secretariat",), sentence) == (
        decision.due,
        decision.due_text,
        decision.responsible,
        decision.text,
    )


@given(
    aside=st.sampled_from(("having circulated the draft", "after consulting the districts")),
    cue=st.sampled_from(("by", "before")),
    inside=written_days,
    after=written_dues.filter(lambda due: not due.text.lower().startswith(("by", "end"))),
)
def test_deadline_is_after_the_verb(aside: str, cue: str, inside: gt.Due, after: gt.Due) -> None:
    """Any date in the aside before the verb gives way to the one after it."""
    sentence = f"The Secretariat, {aside} {cue} {inside.text}, will finalise it by {after.text}."
    due, _, _ = minutes.decision_deadline([sentence], dayfirst=True, meeting_date=None)
    assert (after.start, after.end) == ((due.start, due.end) if due else None)


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("IT will buy new laptops by May 2024.", ("IT",)),
        ("IT to buy new laptops.", ("IT",)),
        ("HR will hire a clerk.", ("HR",)),
        ("ICT will upgrade the server.", ("ICT",)),
        ("IT and HR will agree the plan.", ("IT", "HR")),
        ("HR will hire and IT will equip the clerk.", ("HR", "IT")),
        ("It will be reviewed at the next meeting.", ()),
        ("It is to be reviewed.", ()),
        ("THIS WILL BE REVIEWED.", ()),
        ("If no comment is received the plan will be final.", ()),
    ],
)
def test_acronym_in_capitals_is_a_party(sentence: str, parties: tuple[str, ...]) -> None:
    """``IT`` in capitals is a unit, as ``HR`` and ``ICT`` are; ``It`` names no party.

    Regression: ``IT will buy …`` had no party, ``it`` being a word that is never a name."""
    assert parties == _one(sentence).responsible


@given(
    unit=st.sampled_from(("IT", "HR", "ICT", "M&E", "THIS", "THAT", "ANY")),
    verb=st.sampled_from(("will buy", "to buy", "shall buy", "must buy")),
    due=written_dues.filter(lambda due: not due.text.lower().startswith(("by", "end"))),
)
def test_acronym_subject_is_the_party(unit: str, verb: str, due: gt.Due) -> None:
    """A subject in capitals before the verb of a sentence in lower case is its party."""
    sentence = f"{unit} {verb} new laptops by {due.text}."
    read, _, _ = minutes.decision_deadline([sentence], dayfirst=True, meeting_date=None)
    assert ((unit,), due.end) == (
        minutes.decision_parties(sentence),
        read.end if read is not None else None,
    )
