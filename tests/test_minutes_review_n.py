"""Regression tests of the minutes and meeting-report readers after a review: a deadline
compared as a date (GT352, GT367), the parties of a lead-in's items by its verb, and the
meeting-report reader's parity with the minutes (GT366, GT363, ``X will:``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes

_HEAD = "Minutes of the Board\nDate: 3 March 2024\n\nDecisions\n"


def _read(body: str) -> tuple[gt.Decision, list[str]]:
    """The first decision and the problems' codes."""
    doc = gt.loads(_HEAD + body, format="minutes")
    return doc.meetings[0].decisions[0], [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# 1. A deadline is compared as a date, not as words (GT352, GT367)


@pytest.mark.parametrize("same", ["end of May 2024", "the end of May 2024", "May 2024"])
def test_an_item_due_the_same_day_in_other_words_is_no_second_deadline(same: str) -> None:
    """`a) costs by end of May 2024;` under `… by 31 May 2024:` was reported (GT352) as a
    deadline of its own: it ends the same day."""
    decision, codes = _read(
        f"1. The Unit to draft the plan by 31 May 2024:\n  a) costs by {same};\n"
        "  b) staff by 31 May 2024.\n"
    )
    assert decision.due is not None
    assert decision.due.text == "31 May 2024"
    assert codes == []


def test_an_item_due_another_day_is_still_reported() -> None:
    decision, codes = _read(
        "1. The Unit to draft the plan by 31 May 2024:\n  a) costs by 30 May 2024;\n"
        "  b) staff by the end of April 2024.\n"
    )
    assert decision.due is not None
    assert codes == ["GT352", "GT352"]


@pytest.mark.parametrize(
    ("second", "codes"), [("the end of May 2024", []), ("June 2024", ["GT352"])]
)
def test_a_clause_due_the_same_day_in_other_words_is_no_second_deadline(
    second: str, codes: list[str]
) -> None:
    """`HR to hire by 31 May 2024 and Finance to pay by the end of May 2024` gave GT352."""
    decision, found = _read(f"1. HR to hire by 31 May 2024 and Finance to pay by {second}.\n")
    assert decision.responsible == ("HR", "Finance")
    assert found == codes


_REPORT = (
    "9 May 2024\nCivic Centre, Northbay\n\nTechnical Working Group Meeting on Roads\n\n"
    "The meeting was held on 9 May 2024, organized by the Roads Board (RB).\n\n"
)


def _report(body: str) -> gt.Document:
    return gt.loads(_REPORT + body, format="meeting-report")


@pytest.mark.parametrize(
    ("second", "codes"), [("the end of May 2024", []), ("June 2024", ["GT367"])]
)
def test_the_meeting_report_compares_a_clause_deadline_as_a_date(
    second: str, codes: list[str]
) -> None:
    doc = _report(
        f"The meeting agreed that:\n- HR to hire by 31 May 2024 and Finance to pay by {second}.\n"
    )
    assert [p.code for p in doc.problems] == codes


def test_unused_deadlines_take_the_decision_s_due() -> None:
    due = gt.parse_due("31 May 2024")
    assert (
        minutes.unused_deadlines(
            "HR to hire by 31 May 2024 and Finance to pay by end of May 2024.",
            due,
            dayfirst=None,
            meeting_date=None,
        )
        == []
    )


# ---------------------------------------------------------------------------
# 2. A lead-in's items give their parties when it decides, not when it notes

_ITEMS = "  - UNICEF to lead the survey, as agreed in 2023;\n  - WHO to chair the next session.\n"


@pytest.mark.parametrize(
    "lead",
    [
        "The Board agreed the following:",
        "The Board requested the following:",
        "The Board directed as follows:",
        "The Board noted and endorsed the following:",
    ],
)
def test_a_deciding_lead_in_takes_its_items_parties(lead: str) -> None:
    decision, _ = _read(f"1. {lead}\n{_ITEMS}")
    assert decision.responsible == ("UNICEF", "WHO")


@pytest.mark.parametrize(
    "lead",
    [
        "The Board noted the following:",
        "The Board took note of the following:",
        "The Board welcomed the following offers:",
        "The members acknowledged the following:",
        "Noted:",
    ],
)
def test_a_noting_lead_in_takes_no_party_from_its_items(lead: str) -> None:
    """`The Board noted the following:` took the parties of what it noted (`UNICEF to lead
    the survey, as agreed in 2023`) as the decision's."""
    decision, _ = _read(f"1. {lead}\n{_ITEMS}")
    assert decision.responsible == ()
    assert "UNICEF to lead the survey" in decision.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The Board noted that UNICEF will lead the survey.",
        "It was noted that UNICEF will lead the survey.",
        "The Board welcomed that WHO will chair the next session.",
    ],
)
def test_a_noted_sentence_names_no_party(sentence: str) -> None:
    """`The Board noted that UNICEF will …` gave the party `The Board noted that UNICEF`;
    as `It was noted that …`, a noted sentence names none."""
    decision, _ = _read(f"1. {sentence}\n")
    assert decision.responsible == ()


# ---------------------------------------------------------------------------
# 3. The meeting report reads as the minutes do


def _codes(doc: gt.Document) -> list[str]:
    return [p.code for p in doc.problems]


def test_the_meeting_report_reports_a_span_read_as_no_deadline() -> None:
    """`within 10 days` out of the verb phrase, in a decision with no other deadline,
    vanished; it stays in the text and is reported (GT366, the minutes' GT349)."""
    doc = _report("The meeting agreed that:\n- HR, having replied within 10 days, will hire.\n")
    decision = doc.meetings[0].decisions[0]
    assert (decision.due, decision.due_text) == (None, "")
    assert "within 10 days" in decision.text
    assert _codes(doc) == ["GT366"]
    assert "'within 10 days'" in doc.problems[0].message


def test_the_meeting_report_s_last_item_of_a_semicolon_list_may_end_with_its_date() -> None:
    """A `;` list whose last item ends with a date that reads was reported as truncated."""
    doc = _report(
        "Other notes:\na) HR to hire by 30 May 2024;\nb) Finance to pay by 30 June 2024\n"
    )
    assert _codes(doc) == []


@pytest.mark.parametrize(
    ("first_end", "last"),
    [(".", "Finance to pay by 30 June 2024"), (";", "Finance to pay by 30/06/20"),
     (";", "Finance to pay")],
)  # fmt: skip
def test_the_meeting_report_s_end_with_no_stop_is_reported_otherwise(
    first_end: str, last: str
) -> None:
    doc = _report(f"Other notes:\na) HR to hire by 30 May 2024{first_end}\nb) {last}\n")
    assert "GT363" in _codes(doc)


@pytest.mark.parametrize("link", ["will", "shall", "to"])
def test_the_meeting_report_s_verb_over_a_sub_list_names_its_subject(link: str) -> None:
    """`- The Secretariat will:` over deeper bullets: its items were decisions of their own
    with no party; they are its sub-list, and the Secretariat is the party."""
    doc = _report(
        f"The meeting agreed that:\n- The Secretariat {link}:\n  - draft the note by 30 May 2024;\n"
        "  - share it by 30 June 2024.\n- HR to hire two clerks.\n"
    )
    first, second = doc.meetings[0].decisions
    assert first.responsible == ("The Secretariat",)
    assert first.text == (
        f"The Secretariat {link}:\n- draft the note by 30 May 2024;\n- share it by 30 June 2024."
    )
    assert first.due is not None
    assert first.due.text == "30 May 2024"
    assert second.responsible == ("HR",)
    assert _codes(doc) == ["GT367"]  # the second item's own deadline


def test_the_meeting_report_s_lead_in_takes_its_items_parties() -> None:
    doc = _report(
        "The meeting agreed that:\n- The Board agreed the following:\n"
        "  - UNICEF to lead the survey by end of May 2024;\n  - WHO to chair by 31 May 2024.\n"
    )
    (decision,) = doc.meetings[0].decisions
    assert decision.responsible == ("UNICEF", "WHO")
    assert _codes(doc) == []


# ---------------------------------------------------------------------------
# Properties

_DAYS = st.dates(min_value=dt.date(2024, 4, 1), max_value=dt.date(2030, 12, 31))


@given(_DAYS, st.booleans())
def test_a_deadline_in_other_words_is_never_a_second_one(day: dt.date, month: bool) -> None:
    """An item due the day its decision is due, written as the month's end or as the month
    when that day ends it, gives no GT352; one due the day before always does."""
    last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    words = f"{'' if month else 'the end of '}{last:%B %Y}"
    written = f"{last.day} {last:%B %Y}"
    _, same = _read(f"1. The Unit to act by {written}:\n  a) costs by {words};\n")
    before = last - dt.timedelta(days=1)
    _, other = _read(
        f"1. The Unit to act by {written}:\n  a) costs by {before.day} {before:%B %Y};\n"
    )
    assert (same, other) == ([], ["GT352"])


_ITEM_WORDS = st.sampled_from(
    ["draft the note", "HR to hire two clerks", "share it by 30 June 2024", "pay the fees"]
)


@given(
    st.lists(st.tuples(st.booleans(), st.lists(_ITEM_WORDS, max_size=3)), min_size=1, max_size=5)
)
def test_the_meeting_report_keeps_every_sub_list_in_its_item(
    items: list[tuple[bool, list[str]]],
) -> None:
    """Every top-level item is one decision; the deeper items under one ending with a colon
    are its text's lines, in order; deeper items under one that does not are decisions."""
    lines, expected = [], 0
    for opens, subs in items:
        lines.append(f"- The Secretariat will{':' if opens else ' act.'}")
        lines.extend(f"  - {sub};" for sub in subs)
        expected += 1 if opens else 1 + len(subs)
    doc = _report("The meeting agreed that:\n" + "\n".join(lines) + "\n")
    decisions = doc.meetings[0].decisions
    assert len(decisions) == expected
    assert sum(d.text.count("\n") + 1 for d in decisions) == len(lines)
