"""A decision's deadline that is the next session or meeting (minutes)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import next_session_phrases

_NOTES = """Minutes of the Steering Committee
Date: 12 May 2025
Venue: Room 4

Decisions:
a) The Committee approved the work plan.
b) {clause}.
c) The Committee thanked the hosts.
"""


def _decision(clause: str) -> tuple[gt.Decision, gt.Action, list[tuple[str, str]]]:
    doc = gt.loads(_NOTES.format(clause=clause), format="minutes")
    decision = doc.meetings[0].decisions[1]
    [action] = [action for action in doc.actions if action.ref == decision.ref]
    return decision, action, [(p.code, str(p.location)) for p in doc.problems]


@pytest.mark.parametrize(
    ("phrase", "due_text"),
    [
        ("at the next session", "the next session"),
        ("by the next meeting", "the next meeting"),
        ("at its next session", "its next session"),
        ("at the next meeting", "the next meeting"),
        ("by its next regular session", "its next regular session"),
        ("before the following meeting", "the following meeting"),
    ],
)
def test_the_next_session_is_kept_as_an_undated_deadline(phrase: str, due_text: str) -> None:
    """Regression: a deadline written `at the next session` or `at its next session` was not
    read: no deadline, its words only in the decision's text and nothing said; they are kept
    as the decision's and its action's `due_text`, undated, and GT349 says why, as for `by
    its 5th session`."""
    clause = f"The Secretariat will present the revised budget {phrase}"
    decision, action, said = _decision(clause)
    assert (None, due_text, f"{clause}.") == (decision.due, decision.due_text, decision.text)
    assert (None, due_text) == (action.due, action.due_text)
    assert [("GT349", "line 7")] == said
    assert (
        "a meeting or session is no date"
        in gt.loads(_NOTES.format(clause=clause), format="minutes").problems[0].message
    )


def test_a_date_before_the_next_session_is_the_deadline() -> None:
    """A dated deadline in the clause is the decision's, before the next session named after it."""
    decision, _, said = _decision(
        "The Secretariat will circulate the draft by 30 June 2025 for review at the next session"
    )
    assert (gt.parse_due("30 June 2025"), "") == (decision.due, decision.due_text)
    assert [] == said


_SUBJECTS = st.sampled_from(("The Secretariat", "The Finance Unit", "UNICEF", "The Chair"))
_VERB_PHRASES = st.sampled_from(
    ("will report progress", "will present the revised budget", "to circulate the draft",
     "will table the audit findings", "shall submit the costed plan")
)  # fmt: skip


@given(_SUBJECTS, _VERB_PHRASES, next_session_phrases)
def test_the_next_session_in_any_spelling_ends_an_action_clause_as_its_deadline(
    subject: str, verb_phrase: str, phrase: tuple[str, str]
) -> None:
    """The next session or meeting, in any of its spellings, at the end of a decision's
    action clause is its undated deadline: the words after the preposition are its due text,
    and the text is the clause and the phrase as written (the clause without it is the
    clause); never dated, never dropped, GT349 said at the decision's line."""
    written, due_text = phrase
    clause = f"{subject} {verb_phrase}"
    decision, action, said = _decision(f"{clause} {written}")
    assert (None, due_text) == (decision.due, decision.due_text)
    assert (None, due_text) == (action.due, action.due_text)
    assert f"{clause}." == decision.text.replace(f" {written}", "", 1)
    assert [("GT349", "line 7")] == said
