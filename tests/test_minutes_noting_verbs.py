"""Regression tests of the minutes and meeting-report readers: a noting word (``noted``,
``reviewed``, ``heard``…) counts only as the verb of a lead-in or a sentence, never as a
word of a name, and only the verb that governs a lead-in's colon refuses its items'
parties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes

_HEAD = "Minutes of the Skills Board\nDate: 3 April 2024\n\nDecisions:\n"
_REPORT = (
    "4 April 2024\nTown Hall, Eastport\n\nWorking Group Meeting on Skills\n\n"
    "The meeting was held on 4 April 2024, organized by the Skills Board (SB).\n\n"
)
_ITEMS = (
    "The Finance Unit to cost the plan by 30 June 2024",
    "HR to recruit a clerk by 30 June 2024",
)


def _minutes(body: str) -> tuple[str, ...]:
    doc = gt.loads(_HEAD + body, format="minutes")
    (decision,) = doc.meetings[0].decisions
    return decision.responsible


def _report(body: str) -> tuple[str, ...]:
    doc = gt.loads(_REPORT + "The meeting agreed that:\n" + body, format="meeting-report")
    (decision,) = doc.meetings[0].decisions
    return decision.responsible


_NAMES = [
    "The Recognised Training Providers",
    "The Reviewed Accounts Team",
    "The Heard Cases Panel",
    "Received Documents Unit",
    "The Appreciated Volunteers Network",
    "The Noted Works Committee",
    "Discussed Matters Office",
]


@pytest.mark.parametrize("name", _NAMES)
def test_a_name_holding_a_noting_word_is_the_party(name: str) -> None:
    """`The Recognised Training Providers will submit …` named no party: a capitalised
    noting word inside a name was read as what a body noted."""
    sentence = f"{name} will submit enrolment data by 30 June 2024."
    assert _minutes(f"1. {sentence}\n") == (name,)
    assert _report(f"- {sentence}\n") == (name,)


@pytest.mark.parametrize(
    "lead",
    [
        "The Board discussed the audit findings and expects the following:",
        "The Board reviewed the plan and asks the following:",
        "Having reviewed the report, the following actions:",
        "The Board heard the Chair and agreed the following:",
    ],
)
def test_a_lead_in_governed_by_another_verb_takes_its_items_parties(lead: str) -> None:
    """`The Board discussed the audit findings and expects the following:` took no party from
    its items: a noting word anywhere in the lead-in refused them, though `expects`, not
    `discussed`, governs the colon."""
    items = "".join(f"  - {item};\n" for item in _ITEMS)
    assert _minutes(f"1. {lead}\n{items}") == ("The Finance Unit", "HR")
    assert _report(f"- {lead}\n{items}") == ("The Finance Unit", "HR")


@pytest.mark.parametrize(
    "lead",
    [
        "The Board noted the following:",
        "The meeting took note of the following:",
        "The Board noted with appreciation the following:",
        "The Board reviewed the plan and noted the following:",
        "Noted:",
        "Noted that:",
    ],
)
def test_a_lead_in_governed_by_a_noting_verb_takes_no_party(lead: str) -> None:
    items = "".join(f"  - {item};\n" for item in _ITEMS)
    assert _minutes(f"1. {lead}\n{items}") == ()
    assert _report(f"- {lead}\n{items}") == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The Board noted that UNICEF will lead the survey.",
        "It was noted that UNICEF will lead the survey.",
        "Noted that UNICEF will lead the survey.",
    ],
)
def test_a_noted_sentence_still_names_no_party(sentence: str) -> None:
    assert _minutes(f"1. {sentence}\n") == ()
    assert minutes.decision_parties(sentence) == ()


_NOTING_WORDS = st.sampled_from(
    [
        "Noted",
        "Notes",
        "Welcomed",
        "Acknowledged",
        "Recognised",
        "Recognized",
        "Appreciated",
        "Commended",
        "Heard",
        "Received",
        "Reviewed",
        "Discussed",
    ]
)
_CAPITALISED = st.sampled_from(["Training", "Providers", "Records", "Unit", "Team", "Office"])


@given(
    st.lists(_CAPITALISED, max_size=2),
    _NOTING_WORDS,
    st.lists(_CAPITALISED, min_size=1, max_size=2),
    st.booleans(),
    st.sampled_from(["submit the data", "close the books", "file the minutes"]),
)
def test_a_capitalised_name_with_a_noting_word_is_always_the_party(
    before: list[str], noting: str, after: list[str], article: bool, verb: str
) -> None:
    """A party named by capitalised words, any of them a noting word, as the subject of
    `X will <verb> by <date>.`, is always the responsible party."""
    name = " ".join([*(["The"] if article else []), *before, noting, *after])
    sentence = f"{name} will {verb} by 30 June 2024."
    assert minutes.decision_parties(sentence) == (name,)
    assert _minutes(f"1. {sentence}\n") == (name,)
