"""Regression tests of the minutes reader after a newcomer's review: a second party whose
clause's verb differs from the first's, a subject whose verb opens a sub-list (``The
Secretariat will:``), deemed-consent wording, and the end of the text (GT344)."""

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
# 1. A later clause with a subject of its own, whatever its verb

_LINKS = ("will", "shall", "must", "to")


@pytest.mark.parametrize(("first", "second"), [(a, b) for a in _LINKS for b in _LINKS])
def test_a_second_party_is_kept_whatever_the_verbs(first: str, second: str) -> None:
    """`X will … and Y to …` once dropped Y and its deadline in silence, while `to … to`
    and `will … will` named both and reported Y's deadline (GT352)."""
    decision, codes = _read(
        f"a) The Procurement Unit {first} launch the tender by 30 April 2024 and the Legal "
        f"Unit {second} vet the contracts by 31 May 2024.\n"
    )
    assert decision.responsible == ("The Procurement Unit", "the Legal Unit")
    assert decision.due is not None
    assert decision.due.text == "30 April 2024"
    assert codes == ["GT352"]


_UNITS = ("The Procurement Unit", "HR", "The Finance Section", "UNICEF", "The Legal Office")


def _written(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@given(
    first=st.sampled_from(_LINKS),
    second=st.sampled_from(_LINKS),
    parties=st.lists(st.sampled_from(_UNITS), min_size=2, max_size=2, unique=True),
    days=st.lists(
        st.dates(dt.date(2024, 4, 1), dt.date(2030, 12, 31)), min_size=2, max_size=2, unique=True
    ),
    separator=st.sampled_from((" and ", "; ", "; and ")),
)
def test_clauses_read_alike_whatever_the_verbs(
    first: str, second: str, parties: list[str], days: list[dt.date], separator: str
) -> None:
    """Two clauses, each with its subject, verb and deadline: both parties, the first
    deadline, and the second reported (GT352), for every pair of verbs."""
    one, other = parties
    later = other if other.isupper() else other[0].lower() + other[1:]
    decision, codes = _read(
        f"a) {one} {first} draft the plan by {_written(days[0])}{separator}{later} {second} "
        f"review it by {_written(days[1])}.\n"
    )
    assert decision.responsible == (one, later)
    assert decision.due is not None
    assert decision.due.text == _written(days[0])
    assert codes == ["GT352"]
