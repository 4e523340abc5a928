"""GT114: the spellings of one responsible party within a document."""

from __future__ import annotations

import ast
import datetime as dt
import re

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


def _spellings(issues: list[gt.Issue]) -> list[list[str]]:
    """Each GT114 group's spellings, as its message lists them."""
    spelling = r"""('[^']*'|"[^"]*") \(\d+ actions?\)"""  # as repr() quotes it
    return [
        [ast.literal_eval(quoted) for quoted in re.findall(spelling, issue.message)]
        for issue in issues
    ]


def test_gt114_groups_a_name_with_a_bracketed_acronym_that_is_not_its_initials() -> None:
    """Regression: a bracketed acronym was joined to its name only by the name's initials, so
    `Office national de la statistique (NSO)` (an acronym from another language) and `NSO`
    were counted apart without a word."""
    doc = _plan(
        "Office national de la statistique (NSO)",
        "NSO",
        "Office national de la statistique",
        "Ministère de la Santé (MoH)",
        "MoH",
    )
    assert [
        ["Office national de la statistique (NSO)", "NSO", "Office national de la statistique"],
        ["Ministère de la Santé (MoH)", "MoH"],
    ] == _spellings(gt.validate(doc, on=ON, select=["GT114"]))


def test_gt114_does_not_join_two_names_through_the_acronym_they_share() -> None:
    """Regression: two names with one acronym in brackets were one party, joined through the
    acronym; the bare acronym now joins neither, and each name keeps its own spellings."""
    doc = _plan(
        "National Statistics Office (NSO)",
        "National Sports Organisation (NSO)",
        "NSO",
        "National Statistics Office",
        "the national sports organisation",
    )
    assert [
        ["National Statistics Office (NSO)", "National Statistics Office"],
        ["National Sports Organisation (NSO)", "the national sports organisation"],
    ] == _spellings(gt.validate(doc, on=ON, select=["GT114"]))


WORDS = st.text(alphabet="abcdeXYZéÉ&'-", min_size=1, max_size=12)
PARTY_NAMES = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
"""Party names of one to four words, perhaps accented, some of them all capitals."""
ACRONYMS = st.from_regex(r"[A-Z][A-Za-z&]{1,9}", fullmatch=True).filter(
    lambda word: (
        sum(letter.isupper() for letter in word) >= 2
        and word.casefold() not in {"tbc", "tbd", "tba", "na"}
    )
)
"""Acronyms: 2 to 10 letters from a capital, two capitals at least, not a role word."""


def _is_acronym(name: str) -> bool:
    return re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", name) is not None and (
        sum(letter.isupper() for letter in name) >= 2
    )


@given(PARTY_NAMES, ACRONYMS, st.sampled_from(["", " ", "  "]))
def test_gt114_groups_a_name_with_its_bracketed_acronym(name: str, acronym: str, gap: str) -> None:
    """Any party name with its acronym in brackets groups with the acronym alone and with
    the name alone."""
    assume(not _is_acronym(name))  # `UNICEF (WHO)` is two parties
    full = f"{name}{gap}({acronym})"
    found = _spellings(gt.validate(_plan(full, acronym, name), on=ON, select=["GT114"]))
    assert [[full, acronym, name]] == found


@given(PARTY_NAMES, PARTY_NAMES, ACRONYMS)
def test_gt114_never_joins_two_names_through_one_acronym(
    one: str, other: str, acronym: str
) -> None:
    """Two names that are not one party alone, each with the same acronym in brackets, are
    not grouped, nor is the acronym alone with either."""
    assume(not _is_acronym(one) and not _is_acronym(other) and one.strip() != other.strip())
    for pair in ((one, other), (one, acronym), (other, acronym)):
        assume([] == gt.validate(_plan(*pair), on=ON, select=["GT114"]))
    doc = _plan(f"{one} ({acronym})", f"{other} ({acronym})", acronym)
    assert [] == gt.validate(doc, on=ON, select=["GT114"])
