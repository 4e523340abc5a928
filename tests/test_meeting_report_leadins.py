"""Tests of the meeting-report reader's lead-ins: the sentence introducing a list belongs to
the list, never to the attendance, and no text is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt

_HEAD = "9 May 2024\nCivic Centre, Northbay\n\nTechnical Working Group Meeting on Roads\n\n"
_OPENING = "The meeting was held on 9 May 2024, organized by the Roads Board (RB)."
_LEAD_INS = (
    "The meeting discussed progress on the following themes:",
    "The meeting discussed the following themes:",
    "Key points:",
    "The meeting agreed that:",
    "Next steps:",
    "Way forward:",
    "Other business:",
)


def _report(*paragraphs: str) -> str:
    return _HEAD + "\n\n".join(paragraphs) + "\n"


def _read(text: str) -> gt.Document:
    return gt.loads(text, format="meeting-report")


def test_lead_ins_are_not_the_attendance() -> None:
    """The lines introducing themes, key points and decisions are not read into attendance.

    Regression: the attendance sentence ran on from every lead-in before it, as one sentence
    ``The meeting discussed … themes: The meeting agreed that: Around 25 … participated.``
    """
    text = _report(
        _OPENING + "\nThe meeting discussed progress on the following themes:\n"
        "  • Grading of feeder roads\n  • Bridge inspections",
        "Key points:\n  • Three bridges need repair.",
        "Next steps:\n  • The Roads Board will publish the inspection plan by 30 June 2024",
        "Around 25 representatives of districts and contractors participated.",
    )
    meeting = _read(text).meetings[0]
    expected = ("Around 25 representatives of districts and contractors participated.", 25)
    assert expected == (meeting.attendance, meeting.attendance_count)


def test_lead_ins_stay_agenda_items() -> None:
    """A lead-in, bare or not, is still kept in its paragraph's agenda item: no text lost."""
    text = _report(
        _OPENING + "\nThe meeting discussed the following themes:\n  • Bridge inspections",
        "The meeting agreed that:\n  • The Roads Board will grade the roads by May 2025",
        "About 18 participants attended.",
    )
    meeting = _read(text).meetings[0]
    expected = [
        _OPENING + " The meeting discussed the following themes:",
        "The meeting agreed that:",
        "About 18 participants attended.",
    ]
    assert expected == [item.text for item in meeting.agenda]


def test_lead_in_telling_of_the_attendance_is_reported() -> None:
    """A lead-in that says more (a count of participants) is not the attendance: it stays in
    its agenda item and GT368 says so, at its line."""
    text = _report(
        _OPENING,
        "Some 30 participants agreed that:\n  • The Roads Board will grade the roads by May 2025",
        "The meeting closed at noon.",
    )
    doc = _read(text)
    meeting = doc.meetings[0]
    expected = (
        "",
        None,
        ["line 8: GT368"],
        "Some 30 participants agreed that:",
        1,
    )
    actual = (
        meeting.attendance,
        meeting.attendance_count,
        [f"{p.location}: {p.code}" for p in doc.problems],
        meeting.agenda[1].text,
        len(meeting.decisions),
    )
    assert expected == actual


def test_paragraph_a_list_follows_without_colon_keeps_its_attendance() -> None:
    """A paragraph that a list follows with no colon is no lead-in: its count is read."""
    text = _report(
        _OPENING + " Around 12 officials attended.\n  - Roads\n  - Bridges",
    )
    meeting = _read(text).meetings[0]
    assert ("Around 12 officials attended.", 12) == (meeting.attendance, meeting.attendance_count)


@given(
    leads=st.lists(st.sampled_from(_LEAD_INS), min_size=1, max_size=4),
    count=st.integers(2, 500),
    items=st.lists(st.sampled_from(("Roads", "Bridges", "Culverts")), min_size=1, max_size=3),
)
def test_attendance_never_holds_a_lead_in(leads: list[str], count: int, items: list[str]) -> None:
    """Whatever lead-ins and lists come before it, the attendance is its own sentence."""
    bullets = "\n".join(f"  • {item}" for item in items)
    sentence = f"Around {count} participants attended."
    text = _report(_OPENING, *(f"{lead}\n{bullets}" for lead in leads), sentence)
    meeting = _read(text).meetings[0]
    assert (sentence, count) == (meeting.attendance, meeting.attendance_count)
