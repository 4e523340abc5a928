"""Regression tests of the minutes reader after a review of its clause rules: names a
preposition leads to after the first verb's object (recipients, no parties), and a date
between commas that tells of something done before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes
from strategies import written_days

_HEAD = "Minutes of the Board\nDate: 11 March 2024\nVenue: Room 4\n\nDecisions:\n"


def _read(body: str) -> tuple[list[tuple[tuple[str, ...], str]], list[str]]:
    """The decisions (parties, deadline as written) and the problems' codes."""
    doc = gt.loads(_HEAD + body, format="minutes")
    decisions = [
        (d.responsible, d.due.text if d.due else d.due_text) for d in doc.meetings[0].decisions
    ]
    return decisions, [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# 1. Names a preposition leads to after the verb's object are recipients


@pytest.mark.parametrize(
    ("sentence", "parties", "codes"),
    [
        ("The Secretariat to circulate the draft to the Board and HR to comment by 30 March 2024.",
         ("The Secretariat",), ["GT354"]),
        ("Finance to send the report to the Board and the Board to approve it by June 2024.",
         ("Finance",), ["GT354"]),
        ("The Unit to share the plan with UNICEF and WHO to review it by May 2024.",
         ("The Unit",), ["GT354"]),
        ("The Unit to contact UNICEF and WHO to agree dates by May 2024.", ("The Unit",), []),
        ("The Secretariat to write to Finance and HR to confirm the budget by May 2024.",
         ("The Secretariat",), ["GT354"]),
        ("The Unit to send officers from Kenya and Uganda to attend the training by May 2024.",
         ("The Unit",), []),
        # the `will` form reads two ways alike (this gave no GT354)
        ("The Unit will write to Finance and HR to confirm the budget by May 2024.",
         ("The Unit",), ["GT354"]),
        (("The Secretariat will share the draft with UNICEF and the Finance Unit to cost it "
          "by May 2024."), ("The Secretariat",), ["GT354"]),
        ("The Unit will contact UNICEF and WHO to agree dates by May 2024.", ("The Unit",), []),
        ("The Unit will invite Finance and HR to attend by May 2024.", ("The Unit",), []),
    ],
)  # fmt: skip
def test_names_after_an_objects_preposition_are_recipients(
    sentence: str, parties: tuple[str, ...], codes: list[str]
) -> None:
    """`The Secretariat to circulate the draft to the Board and HR to comment` names the
    Secretariat alone: the Board and HR are recipients, all of them (this once named HR, the
    last recipient, a party, and not the Board); as HR may be a second clause's subject, a
    name after a recipient `to` or `with` leads to is reported (GT354)."""
    assert ([(parties, sentence.rpartition(" by ")[2].rstrip("."))], codes) == _read(
        f"1. {sentence}\n"
    )


@given(
    verb=st.sampled_from(("circulate", "send", "present", "submit", "share", "forward")),
    thing=st.sampled_from(("the draft", "the report", "its budget", "the minutes")),
    preposition=st.sampled_from(("to", "with", "from")),
    first=st.sampled_from(("the Board", "UNICEF", "Finance", "the Regional Office")),
    second=st.sampled_from(("HR", "WHO", "the Board", "the Audit Committee")),
    then=st.sampled_from(("comment", "approve it", "review the figures")),
    due=written_days,
)
def test_recipients_after_the_verbs_object_are_no_parties(
    *,
    verb: str,
    thing: str,
    preposition: str,
    first: str,
    second: str,
    then: str,
    due: gt.Due,
) -> None:
    """For any verb, object led by an article, preposition and two names joined by `and`,
    then `to …` with a day, the subject is the one party and the day is the deadline."""
    sentence = (
        f"The Unit to {verb} {thing} {preposition} {first} and {second} to {then} by {due.text}."
    )
    read, _, _ = minutes.decision_deadline([sentence], dayfirst=True, meeting_date=None)
    assert (("The Unit",), (due.start, due.end)) == (
        minutes.decision_parties(sentence),
        (read.start, read.end) if read else None,
    )


# ---------------------------------------------------------------------------
# 2. A past event between commas is no deadline


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The Unit, by 1 March 2024 having sent the draft, will finalise it.", ""),
        ("The Unit, by 1 March 2024 with HR, will finalise it.", ""),
        ("The Unit, by 30 April 2024 at the very latest, will finalise it.", "30 April 2024"),
        ("The Unit, before the end of May 2024, will finalise it.", "the end of May 2024"),
    ],
)
def test_a_date_with_an_event_between_commas_is_no_deadline(sentence: str, written: str) -> None:
    """Regression: `The Unit, by 1 March 2024 having sent the draft, will finalise it` was
    due 1 March 2024: the clause was taken for the deadline. Only a clause that is a date
    alone (and `at the latest`) is the deadline."""
    assert ([(("The Unit",), written)], []) == _read(f"1. {sentence}\n")


@given(
    cue=st.sampled_from(("by", "before", "no later than")),
    due=written_days,
    event=st.sampled_from(("having sent the draft", "after the audit", "with HR", "as agreed")),
    link=st.sampled_from(("will", "to", "shall")),
)
def test_a_date_and_an_event_between_commas_give_no_deadline(
    cue: str, due: gt.Due, event: str, link: str
) -> None:
    """For any cue and day followed by more words between commas before the verb, with no
    other date in the line, the decision has no deadline."""
    sentence = f"The Unit, {cue} {due.text} {event}, {link} finalise the plan."
    assert (None, "") == minutes.decision_deadline([sentence], dayfirst=True, meeting_date=None)[:2]


@pytest.mark.parametrize(
    "written", ["01/05/2024", "31/02/2024", "31 February 2024", "30 February 2025"]
)
def test_a_deadline_clause_that_cannot_be_read_is_kept_and_reported(written: str) -> None:
    """A date between commas before the verb that reads two ways or is no day is the
    deadline as written, reported (GT349), as it would be after the verb: never passed over."""
    decisions, codes = _read(f"1. The Unit, by {written}, will submit the report.\n")
    assert decisions == [(("The Unit",), written)]
    assert codes == ["GT349"]


def test_a_deadline_after_the_verb_still_wins_over_an_unread_clause() -> None:
    decisions, codes = _read("1. The Unit, by 31/02/2024, will submit it by June 2024.\n")
    assert decisions == [(("The Unit",), "June 2024")]
    assert codes == []
