"""Regression tests of the minutes and meeting-report readers after a review: a deadline
compared as a date (GT352, GT367), the parties of a lead-in's items by its verb, and the
meeting-report reader's parity with the minutes (GT366, GT363, ``X will:``)."""

from __future__ import annotations

import pytest

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
