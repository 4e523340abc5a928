"""Hypothesis properties of the minutes reader over a whole decisions section: a deadline
after ``by`` is kept or reported, a bulleted item is never merged into the one above in
silence, and any printable text under the header reads without raising."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import bullet_marks, list_markers, texts, written_days, written_dues

_HEAD = "Minutes of the Board\nDate: 11 March 2024\nVenue: Room 4\n\nDecisions:\n"
_PARTIES = ("The Unit", "HR", "The Finance Section", "UNICEF", "The Secretariat")
_VERBS = ("draft the plan", "send the report to the Board", "hire two clerks", "pay the fees")
_plain_words = st.lists(
    st.text(string.ascii_lowercase, min_size=1, max_size=8), min_size=1, max_size=4
).map(" ".join)


@given(
    letter=st.sampled_from("abcdefgh"),
    party=st.sampled_from(_PARTIES),
    modal=st.sampled_from(("will", "to", "shall")),
    verb=st.sampled_from(_VERBS),
    due=st.one_of(written_dues, written_days),
    end=st.sampled_from((".", ";", "", " at the latest.")),
)
def test_a_date_after_by_is_the_deadline_or_reported(
    *, letter: str, party: str, modal: str, verb: str, due: gt.Due, end: str
) -> None:
    """Any decision line with a date after ``by`` keeps that date as its deadline, or keeps
    no deadline and reports why (GT349) at its line: the date never vanishes."""
    cue = "" if due.text.lower().startswith("by ") else "by "  # not `by by the end of …`
    line = f"{letter}) {party} {modal} {verb} {cue}{due.text}{end}\n"
    doc = gt.loads(_HEAD + line, format="minutes")
    (decision,) = doc.meetings[0].decisions
    assert due.text in decision.text
    if decision.due is not None:  # the cue `by` of a lead-in is the reader's, not the date's
        read = decision.due
        assert (due.start, due.end, due.precision, True) == (
            read.start,
            read.end,
            read.precision,
            due.text.endswith(read.text),
        )
    else:
        assert [("GT349", "line 6")] == [(p.code, str(p.location)) for p in doc.problems]


_sentences = st.builds(
    "{} {} {} {}.".format,
    st.sampled_from(_PARTIES),
    st.sampled_from(("will", "to", "shall")),
    st.sampled_from(_VERBS),
    st.one_of(_plain_words, texts.map(lambda text: " ".join(text.split()) or "now")),
)


@given(bullet=bullet_marks, items=st.lists(_sentences, min_size=1, max_size=5))
def test_a_bulleted_item_is_never_merged_into_the_one_above_in_silence(
    *, bullet: str, items: list[str]
) -> None:
    """Each bullet under the heading is a decision of its own, its text as written; a bullet
    whose text the reader reads otherwise (a line that looks like another list item) is
    reported, never merged into the item above without a problem."""
    body = "".join(f"{bullet} {item}\n" for item in items)
    doc = gt.loads(_HEAD + body, format="minutes")
    decisions = doc.meetings[0].decisions
    if not doc.problems:
        assert items == [decision.text for decision in decisions]
    assert len(items) >= len(decisions)
    for decision in decisions:  # a decision of two lines holds two bullets: reported
        assert "\n" not in decision.text or doc.problems


_line = st.one_of(
    texts,
    st.tuples(list_markers, texts).map(" ".join),
    st.tuples(bullet_marks, texts).map(" ".join),
    st.tuples(st.sampled_from(("", "  ", "\t")), list_markers, _sentences).map("".join),
)


@given(st.lists(_line, max_size=12).map("\n".join))
def test_any_printable_text_under_the_header_reads(body: str) -> None:
    """Reading never raises on printable text after the header: the meeting is read, with
    its date and venue, whatever the lines under the decisions heading hold."""
    doc = gt.loads(_HEAD + body, format="minutes")
    (meeting,) = doc.meetings
    assert (str(meeting.date), meeting.venue) == ("2024-03-11", "Room 4")
    assert all(problem.code.startswith("GT") for problem in doc.problems)
