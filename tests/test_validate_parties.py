"""GT114: the spellings of one responsible party within a document."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt

ON = dt.date(2025, 6, 30)

MINUTES = """Minutes of the 2nd Meeting
Date: 14 January 2025

Decisions
a) The Secretariat will send the draft report by 31 January 2025;
b) The Bureau of Statistics (BOS) will clean the census tables by 28 February 2025;
c) BOS to share the population projections by 31 March 2025.
d) Secretariat to book the room by 31 March 2025.
e) Bureau of Statistics to print the yearbook by 30 April 2025.
"""


def test_gt114_names_each_party_spelt_several_ways() -> None:
    """Regression: one owner under several names was counted apart without a word."""
    doc = gt.loads(MINUTES, format="minutes")
    assert [
        (
            "line 5: GT114 responsible parties 'The Secretariat' (1 action), 'Secretariat' "
            "(1 action) look like one party: reminders and summaries count them apart; to "
            "unify them, give each action one spelling with attrs.evolve "
            "(how-to 'List each unit's overdue actions')"
        ),
        (
            "line 6: GT114 responsible parties 'The Bureau of Statistics (BOS)' (1 action), 'BOS' "
            "(1 action), 'Bureau of Statistics' (1 action) look like one party: reminders and "
            "summaries count them apart; to unify them, give each action one spelling with "
            "attrs.evolve (how-to 'List each unit's overdue actions')"
        ),
    ] == [str(issue) for issue in gt.validate(doc, on=ON, select=["GT114"])]
    (issue, _) = gt.validate(doc, on=ON, select=["GT114"])
    assert issue.severity is gt.Severity.INFO
    # the parties are kept as read
    assert ("The Secretariat",) == doc.actions[0].responsible


def _plan(*parties: str) -> gt.Document:
    return gt.Document(
        plans=(
            gt.ActionPlan(
                actions=tuple(
                    gt.Action(text=f"Task {n}", responsible=(party,))
                    for n, party in enumerate(parties)
                )
            ),
        )
    )


def test_gt114_counts_the_actions_of_each_spelling_and_reads_articles() -> None:
    doc = _plan("M&E Unit", "the m&e unit", "M&E Unit", "La Direction", "Direction", "Finance")
    found = [issue.message for issue in gt.validate(doc, on=ON, select=["GT114"])]
    assert [m.split(" look like")[0] for m in found] == [
        "responsible parties 'M&E Unit' (2 actions), 'the m&e unit' (1 action)",
        "responsible parties 'La Direction' (1 action), 'Direction' (1 action)",
    ]


NAMES = st.text(alphabet="abcdefghXYZ ", min_size=1, max_size=20).filter(str.strip)


@given(NAMES)
def test_gt114_groups_a_name_with_its_article(name: str) -> None:
    doc = _plan(name, f"The {name}", f"the  {name}")
    (issue,) = gt.validate(doc, on=ON, select=["GT114"])
    assert all(repr(spelling.strip()) in issue.message for spelling in (name, f"The {name}"))


@given(NAMES, NAMES)
def test_gt114_never_groups_two_names(one: str, other: str) -> None:
    def bare(name: str) -> str:
        words = name.casefold().split()
        while len(words) > 1 and words[0] in {"the", "la", "le", "los", "les", "el"}:
            words = words[1:]
        return " ".join(words)

    assume(bare(one) != bare(other))
    assert [] == gt.validate(_plan(one, other), on=ON, select=["GT114"])
