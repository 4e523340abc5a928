"""Regression tests of the minutes reader after a review of its lettered lists and clause
rules: a bullet whose text starts with an initial, a deadline set off by commas before the
verb, lettered section titles over numbered decisions, the objects of a first verb, and a
second subject set off by commas."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes
from strategies import bullet_marks, letter_forms, written_days

_HEAD = "Minutes of the Board\nDate: 11 March 2024\nVenue: Room 4\n\nDecisions:\n"


def _read(body: str) -> tuple[list[tuple[str, tuple[str, ...], str, str]], list[str]]:
    """The decisions (ref, parties, deadline as written, text) and the problems' codes."""
    doc = gt.loads(_HEAD + body, format="minutes")
    decisions = [
        (d.ref, d.responsible, d.due.text if d.due else d.due_text, d.text)
        for d in doc.meetings[0].decisions
    ]
    return decisions, [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# 1. A bullet whose text starts with a person's initial


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "- Finance to pay by May 2024.\n- J. Smith will act by June 2024.\n- HR to hire.\n",
            [
                ("", ("Finance",), "May 2024", "Finance to pay by May 2024."),
                ("", ("J. Smith",), "June 2024", "J. Smith will act by June 2024."),
                ("", ("HR",), "", "HR to hire."),
            ],
        ),
        (
            "- A. Smith will act by May 2024.\n- Finance to pay.\n",
            [
                ("", ("A. Smith",), "May 2024", "A. Smith will act by May 2024."),
                ("", ("Finance",), "", "Finance to pay."),
            ],
        ),
        (
            "- A. Smith will act by May 2024.\n- B. Jones to pay by June 2024.\n",
            [
                ("", ("A. Smith",), "May 2024", "A. Smith will act by May 2024."),
                ("", ("B. Jones",), "June 2024", "B. Jones to pay by June 2024."),
            ],
        ),
    ],
)
def test_a_bullet_starting_with_an_initial_is_a_bullet_decision(
    body: str, expected: list[tuple[str, tuple[str, ...], str, str]]
) -> None:
    """Regression: a bullet starting `A.`, `J.` was read as a lettered item: merged into the
    decision above, dropped into the agenda (GT353) or stripped of its initials (refs `A)`,
    parties `Smith`). A bulleted line is a bullet decision with its whole text."""
    assert (expected, []) == _read(body)


def test_a_bracketed_letter_after_a_bullet_is_still_a_letter() -> None:
    """`• (A)`, `- B)` cannot be initials: they stay lettered decisions, as `- b)` does."""
    body = "• (A) The Unit will act by May 2024.\n• (B) HR to pay.\n"
    expected = [
        ("A)", ("The Unit",), "May 2024", "The Unit will act by May 2024."),
        ("B)", ("HR",), "", "HR to pay."),
    ]
    assert (expected, []) == _read(body)


@given(
    bullet=bullet_marks,
    initials=st.lists(st.sampled_from("ABCDHIJKMSVX"), min_size=1, max_size=4),
    surname=st.sampled_from(("Smith", "Okafor", "Mwangi", "Haddad")),
    plain_first=st.booleans(),
)
def test_any_bulleted_line_keeps_its_whole_text(
    bullet: str, initials: list[str], surname: str, plain_first: bool
) -> None:
    """Any bulleted list, some of whose lines start with an initial, is read as bullet
    decisions, each with its whole text as written, in order, and no problem."""
    texts = [f"{letter}. {surname} will act by {k + 1} May 2024." for k, letter in
             enumerate(initials)]  # fmt: skip
    if plain_first:
        texts.insert(0, "The Finance Unit to pay.")
    decisions, problems = _read("".join(f"{bullet} {text}\n" for text in texts))
    assert (texts, {""}, []) == ([d[3] for d in decisions], {d[0] for d in decisions}, problems)


# ---------------------------------------------------------------------------
# 2. A deadline set off by commas before the verb


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The Unit, by 30 April 2024 at the latest, will submit the report.", "30 April 2024"),
        ("The Unit, no later than 30 April 2024, will submit the report.", "30 April 2024"),
        ("The Unit, not later than 30 April 2024, to submit the report.", "30 April 2024"),
        ("HR, before 15 May 2024, will hire two clerks.", "15 May 2024"),
        ("The Unit, by 30 April 2024, will submit the report by 31 May 2024.", "31 May 2024"),
        ("The Unit, having met by 30 April 2024, will submit the report.", ""),
    ],
)
def test_a_deadline_between_commas_before_the_verb_is_the_deadline(
    sentence: str, written: str
) -> None:
    """Regression: `The Unit, by 30 April 2024 at the latest, will …` had no deadline (the
    clause was passed over as an aside). A clause that is itself a deadline is the deadline
    unless the line has another after the verb; another clause's date is still none."""
    decisions, problems = _read(f"- {sentence}\n")
    assert ([("", (sentence.split(",", maxsplit=1)[0],), written, sentence)], []) == (
        decisions,
        problems,
    )


@given(
    subject=st.sampled_from(("The Unit", "HR", "The Records Unit", "UNICEF")),
    cue=st.sampled_from(("by", "no later than", "not later than", "before")),
    due=written_days,
    latest=st.booleans(),
    link=st.sampled_from(("will", "shall", "to", "must")),
)
def test_the_only_deadline_clause_is_never_lost(
    subject: str, cue: str, due: gt.Due, latest: bool, link: str
) -> None:
    """For any subject, cue and day written between commas before the verb, with no other
    date in the line, the day is the decision's deadline and the subject its party."""
    clause = f"{cue} {due.text}{' at the latest' if latest else ''}"
    sentence = f"{subject}, {clause}, {link} submit the report."
    read, _, _ = minutes.decision_deadline([sentence], dayfirst=True, meeting_date=None)
    assert ((due.start, due.end), (subject,)) == (
        (read.start, read.end) if read else None,
        minutes.decision_parties(sentence),
    )


def test_a_deadline_between_commas_in_a_meeting_report() -> None:
    """Regression: in a meeting report's agreed bullets too, `X, by D at the latest, will …`
    lost its deadline."""
    text = (
        "4 May 2022\nTown Hall, Room 3\n\nTechnical Working Group Meeting on Reading\n\n"
        "The meeting was held to plan the reading week.\n\n"
        "The meeting agreed that:\n• The Library Unit, by 31 May 2022 at the latest, will buy "
        "the books.\n"
    )
    doc = gt.loads(text, format="meeting-report")
    [decision] = doc.meetings[0].decisions
    assert (("The Library Unit",), gt.parse_due("31 May 2022"), []) == (
        decision.responsible,
        decision.due,
        [p.code for p in doc.problems],
    )


# ---------------------------------------------------------------------------
# 3. Lettered section titles over numbered decisions


@pytest.mark.parametrize("gap", ["  ", " "])
def test_lettered_section_titles_head_numbered_decisions(gap: str) -> None:
    """Regression: `A.  Finance` over `1.`, `2.` was one decision `A) Finance` and the
    numbered lines agenda items, with no problem. A short lettered line with no verb over a
    list numbered from 1 is a section title: the numbered lines are its decisions, refs
    `A.1`, `A.2`, `B.1`, group its title; the titles stay in the meeting's text."""
    body = (
        f"A.{gap}Finance\n1. HR will hire by May 2024.\n2. Finance to pay.\n"
        f"B.{gap}Audit\n1. The Auditor will report by June 2024.\n"
    )
    doc = gt.loads(_HEAD + body, format="minutes")
    meeting = doc.meetings[0]
    expected = [
        ("A.1", "Finance", ("HR",), "HR will hire by May 2024."),
        ("A.2", "Finance", ("Finance",), "Finance to pay."),
        ("B.1", "Audit", ("The Auditor",), "The Auditor will report by June 2024."),
    ]
    assert expected == [(d.ref, d.group, d.responsible, d.text) for d in meeting.decisions]
    assert ([], "Decisions:\nA. Finance\nB. Audit") == (
        [p.code for p in doc.problems],
        meeting.agenda[-1].text,
    )


def test_numbered_lines_under_a_lettered_decision_are_decisions() -> None:
    """Regression: `A.  The Unit will act.` then `1.`, `2.` read the numbered lines as
    agenda items with no problem. They are the list's decisions; `B.` after them goes on
    the lettered list (no GT347)."""
    body = "A.  The Unit will act.\n1. HR will hire.\n2. Finance to pay.\nB.  HR will pay.\n"
    decisions, problems = _read(body)
    assert (["A)", "1)", "2)", "B)"], []) == ([d[0] for d in decisions], problems)


@given(
    form=letter_forms,
    counts=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    title=st.sampled_from(("Finance", "Human Resources", "Audit and Risk", "Other matters")),
)
def test_any_lettered_sections_of_numbered_decisions_read_back(
    form: str, counts: list[int], title: str
) -> None:
    """Any run of sections lettered `A.`/`(A)`/`A)` with a title, each over decisions
    numbered from 1, reads back as those decisions with refs `A.1`…, groups the titles,
    and no problem."""
    lines: list[str] = []
    expected: list[tuple[str, str]] = []
    for k, count in enumerate(counts):
        letter = chr(ord("A") + k)
        lines.append(f"{form.format(letter)}  {title} {k}")
        for n in range(1, count + 1):
            lines.append(f"{n}. The Unit {n} will report by {n} April 2024.")
            expected.append((f"{letter}.{n}", f"{title} {k}"))
    doc = gt.loads(_HEAD + "\n".join(lines) + "\n", format="minutes")
    assert (expected, []) == (
        [(d.ref, d.group) for d in doc.meetings[0].decisions],
        [p.code for p in doc.problems],
    )


# ---------------------------------------------------------------------------
# 4. The objects of a first verb are no parties


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("The Unit to contact UNICEF and WHO to agree dates by May 2024.", ("The Unit",)),
        ("The Secretariat to write to Finance and HR to confirm the budget by 30 April 2024.",
         ("The Secretariat",)),
        ("The Unit to send officers from Kenya and Uganda to attend the training by May 2024.",
         ("The Unit",)),
        ("The Chair to meet the Minister and the Permanent Secretary to discuss funding.",
         ("The Chair",)),
        ("The Unit to contact UNICEF, WHO and UNFPA to agree dates.", ("The Unit",)),
        ("The Unit to contact UNICEF; WHO to agree dates.", ("The Unit", "WHO")),
        ("The Unit to contact UNICEF, and WHO to agree dates.", ("The Unit", "WHO")),
        ("The Unit will brief the Board and Ms. Achieng will follow up.",
         ("The Unit", "Ms. Achieng")),
        ("The Unit to act by May and HR to hire by June 2024.", ("The Unit", "HR")),
        ("The Unit to draft the plan and the Board to approve it.", ("The Unit", "the Board")),
    ],
)  # fmt: skip
def test_names_after_the_first_verb_are_its_objects(
    sentence: str, parties: tuple[str, ...]
) -> None:
    """Regression: `The Unit to contact UNICEF and WHO to agree dates` gave the parties
    ('The Unit', 'WHO'). `X and Y to …` after a name the first verb governs lists its
    objects; a second subject needs `;`, `, and`, `will`, or no name before `and`."""
    assert parties == minutes.decision_parties(sentence)


@given(
    verb=st.sampled_from(("contact", "write to", "meet", "brief", "visit", "thank", "email")),
    first=st.sampled_from(("UNICEF", "the Board", "Finance", "the Minister", "Kenya")),
    second=st.sampled_from(("WHO", "HR", "the Permanent Secretary", "Member States")),
    then=st.sampled_from(("agree dates", "confirm the budget", "attend")),
)
def test_objects_joined_by_and_name_no_party(verb: str, first: str, second: str, then: str) -> None:
    """For any verb and two names joined by `and` after it, then `to` and a verb, the
    subject is the one party."""
    sentence = f"The Unit to {verb} {first} and {second} to {then} by 30 May 2024."
    assert ("The Unit",) == minutes.decision_parties(sentence)


# ---------------------------------------------------------------------------
# 5. A second subject set off by commas


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("The Chair, and the Vice-Chair, will meet the donors by May 2024.",
         ("The Chair", "the Vice-Chair")),
        ("The Chair, or the Vice-Chair, will meet the donors by May 2024.",
         ("The Chair", "the Vice-Chair")),
        ("The Chair, together with the Vice-Chair, will meet the donors by May 2024.",
         ("The Chair", "the Vice-Chair")),
        ("The Unit, jointly with HR, to revise the plan by May 2024.", ("The Unit", "HR")),
        ("The Unit, with support from HR, to revise the plan by May 2024.", ("The Unit",)),
        ("The Unit, and where relevant HR, will revise the plan by May 2024.", ("The Unit",)),
    ],
)  # fmt: skip
def test_a_second_subject_between_commas_is_a_party(
    sentence: str, parties: tuple[str, ...]
) -> None:
    """Regression: `The Chair, and the Vice-Chair, will …` gave only ('The Chair',): the
    clause was taken for an aside. A second subject set off by commas (`and`, `or`,
    `together with`, `jointly with`) is a party; a supporter (`with support from`) or a
    clause that is no name is not."""
    decisions, problems = _read(f"- {sentence}\n")
    assert ([("", parties, "May 2024", sentence)], []) == (decisions, problems)
