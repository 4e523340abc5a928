"""Tests of the minutes reader's lists lettered in capitals (`A.`, `(A)`, `A)`), numbered in
capital Roman numerals (`I.`, `II.`) or lettered `a.`; of a person's initial that is no list;
of a clause set off by commas before the verb; of a second party with its own deadline; and
of the refs of numbered decisions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import letter_forms, number_forms

_HEAD = "Minutes of the Board\nDate: 11 March 2024\nVenue: Room 4\n\nDecisions:\n"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _read(body: str) -> tuple[list[tuple[str, tuple[str, ...], str]], list[str]]:
    """The decisions (ref, parties, deadline as written) and the problems as `code line`."""
    doc = gt.loads(_HEAD + body, format="minutes")
    decisions = [
        (d.ref, d.responsible, d.due.text if d.due else d.due_text)
        for d in doc.meetings[0].decisions
    ]
    return decisions, [f"{p.code} {p.location}" for p in doc.problems]


_TWO = (
    "{0} The Records Unit will scan the registers by 30 April 2024.\n"
    "{1} The Finance Unit will pay the scanners by 31 May 2024.\n"
)


@pytest.mark.parametrize(
    ("first", "second", "refs"),
    [
        ("A.", "B.", ("A)", "B)")),
        ("(A)", "(B)", ("A)", "B)")),
        ("A)", "B)", ("A)", "B)")),
        ("I.", "II.", ("I)", "II)")),
        ("(I)", "(II)", ("I)", "II)")),
        ("a.", "b.", ("a)", "b)")),
    ],
)
def test_lists_lettered_in_capitals_roman_or_dotted_are_decisions(
    first: str, second: str, refs: tuple[str, str]
) -> None:
    """Regression: decisions lettered `A.`, `(A)`, `A)`, `I.`, `II.`, `a.` under a decisions
    heading were no decisions (GT343); each is one, its ref the letter and a bracket."""
    expected = [
        (refs[0], ("The Records Unit",), "30 April 2024"),
        (refs[1], ("The Finance Unit",), "31 May 2024"),
    ]
    assert (expected, []) == _read(_TWO.format(first, second))


def test_a_capital_list_keeps_its_sub_list() -> None:
    """Items under a capital-lettered decision ending with `:` are its sub-list."""
    body = (
        "A. The Board asked the Records Unit to:\n"
        "   1. scan the registers by 30 April 2024;\n"
        "   2. index them.\n"
        "B. The Finance Unit will pay the scanners.\n"
    )
    doc = gt.loads(_HEAD + body, format="minutes")
    expected = [
        ("A)", ("The Board asked the Records Unit to:\n1. scan the registers by 30 April 2024;"
                "\n2. index them.")),
        ("B)", "The Finance Unit will pay the scanners."),
    ]  # fmt: skip
    assert expected == [(d.ref, d.text) for d in doc.meetings[0].decisions]
    assert [] == list(doc.problems)


def test_capitals_under_a_lettered_decision_are_its_sub_list() -> None:
    """`A.`, `B.` under `a) … to:` are items of its sub-list, never decisions of their own."""
    body = (
        "a) The Board asked the Records Unit to:\n"
        "   A. scan the registers;\n"
        "   B. index them.\n"
        "b) The Finance Unit will pay.\n"
    )
    decisions, problems = _read(body)
    assert ([("a)", (), ""), ("b)", ("The Finance Unit",), "")], []) == (decisions, problems)


@pytest.mark.parametrize(
    "line",
    [
        "A. Jones will circulate the draft by 15 March 2024.",
        "I. Smith to circulate the draft by 15 March 2024.",
        "a. The Unit will circulate the draft.",
    ],
)
def test_a_lone_letter_may_be_an_initial_and_is_kept_and_reported(line: str) -> None:
    """A line lettered `A.`, `I.` or `a.` with no next letter below and one space after its
    letter may start with a person's initial: no decision, kept in the text, reported."""
    doc = gt.loads(_HEAD + line + "\n", format="minutes")
    meeting = doc.meetings[0]
    assert () == meeting.decisions
    assert line in meeting.agenda[-1].text
    assert ["GT353 line 6", "GT343 "] == [f"{p.code} {p.location}" for p in doc.problems]


def test_two_spaces_after_the_letter_make_a_lone_item_sure() -> None:
    """`A.` with two spaces (or a tab) after it is a list's letter, no initial."""
    assert ([("A)", ("The Unit",), "")], []) == _read("A.  The Unit will act.\n")
    assert ([("A)", ("The Unit",), "")], []) == _read("A.\tThe Unit will act.\n")


def test_initials_in_a_run_are_read_and_reported() -> None:
    """`A. Jones will …` then `B. Okafor will …` is a run, read as a list, but each letter
    may be an initial: reported, never silently."""
    decisions, problems = _read("A. Jones will circulate.\nB. Okafor will review.\n")
    assert [("A)", ("Jones",), ""), ("B)", ("Okafor",), "")] == decisions
    assert ["GT353 line 6", "GT353 line 7"] == problems


def test_initials_outside_a_decisions_heading_are_text() -> None:
    """Lines starting `A. Jones`, `B. Okafor` in the body are no decisions and no problem."""
    text = (
        "Minutes of the Board\nDate: 11 March 2024\n\n1. Opening\n"
        "A. Jones opened the meeting at 9 a.m.\nB. Okafor spoke.\n"
    )
    doc = gt.loads(text, format="minutes")
    assert () == doc.meetings[0].decisions
    assert ["GT343"] == [p.code for p in doc.problems]


def test_a_skipped_capital_letter_is_reported() -> None:
    """`A.`, `B.`, `D.` skips `C.`: GT347 on `D.`."""
    body = "A. HR will hire.\nB. HR will train.\nD. HR will pay.\n"
    _, problems = _read(body)
    assert ["GT347 line 8"] == problems


@given(
    form=letter_forms,
    roman=st.booleans(),
    count=st.integers(2, 8),
    spaced=st.booleans(),
    blank=st.booleans(),
)
def test_capital_lists_read_back(
    form: str, roman: bool, count: int, spaced: bool, blank: bool
) -> None:
    """Any list lettered in capitals or capital Roman numerals, in any of its forms, items
    apart or not, reads back as decisions with refs `A)`… or `I)`…, their parties and their
    deadlines, and no problem."""
    tokens = _ROMAN[:count] if roman else tuple(chr(ord("A") + k) for k in range(count))
    gap = "  " if spaced else " "
    lines = [
        f"{form.format(token)}{gap}The Unit {k} will report by {k + 1} April 2024."
        for k, token in enumerate(tokens)
    ]
    decisions, problems = _read(("\n\n" if blank else "\n").join(lines) + "\n")
    expected = [(f"{token})", (f"The Unit {k}",), f"{k + 1} April 2024") for k, token in
                enumerate(tokens)]  # fmt: skip
    assert (expected, []) == (decisions, problems)


@given(letter=st.sampled_from("ABCDEFGHJKLMNOPRSTW"), surname=st.sampled_from(
    ("Jones", "Okafor", "Mwangi", "Haddad", "Silva")))  # fmt: skip
def test_a_lone_initial_is_never_a_decision(letter: str, surname: str) -> None:
    """`X. Surname will …` alone under a decisions heading is kept as text and reported."""
    doc = gt.loads(_HEAD + f"{letter}. {surname} will act.\n", format="minutes")
    assert () == doc.meetings[0].decisions
    assert ["GT353", "GT343"] == [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# A clause set off by commas between the subject and its verb


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("The Secretariat, having circulated the draft, will finalise it by May 2024.",
         ("The Secretariat",)),
        ("The Unit, in consultation with HR, will revise the plan by May 2024.", ("The Unit",)),
        ("UNICEF, as lead agency, to convene the partners by May 2024.", ("UNICEF",)),
        ("The Board, having read the plan and the budget, will act by May 2024.",
         ("The Board",)),
        ("The Records Unit, once the funds arrive, shall hire two clerks by May 2024.",
         ("The Records Unit",)),
    ],
)  # fmt: skip
def test_a_clause_between_the_subject_and_its_verb_hides_no_party(
    sentence: str, parties: tuple[str, ...]
) -> None:
    """Regression: a clause in lower case set off by commas between the subject and `will`
    (`The Secretariat, having circulated the draft, will …`) gave no party."""
    doc = gt.loads(_HEAD + f"a) {sentence}\n", format="minutes")
    [decision] = doc.meetings[0].decisions
    assert (parties, "May 2024") == (decision.responsible, decision.due.text if decision.due
                                     else "")  # fmt: skip


def test_a_name_and_its_role_stay_one_party() -> None:
    """`Ms. Achieng, Programme Officer, will …`: the role is in capitals, no clause."""
    decisions, _ = _read("a) Ms. Achieng, Programme Officer, will follow up.\n")
    assert [("a)", ("Ms. Achieng, Programme Officer",), "")] == decisions


_SUBJECTS = ("The Secretariat", "The Records Unit", "UNICEF", "HR", "The District Office")
_ASIDES = (
    "having circulated the draft", "in consultation with HR", "as lead agency",
    "once the funds arrive", "with the partners", "after the review",
)  # fmt: skip


@given(
    subject=st.sampled_from(_SUBJECTS),
    aside=st.sampled_from(_ASIDES),
    link=st.sampled_from(("will", "shall", "to", "must")),
)
def test_any_lower_case_clause_between_commas_keeps_the_subject(
    subject: str, aside: str, link: str
) -> None:
    """For any subject, lower-case clause set off by commas and modal verb, the subject is
    the decision's one party."""
    decisions, _ = _read(f"a) {subject}, {aside}, {link} act by 30 May 2024.\n")
    assert [("a)", (subject,), "30 May 2024")] == decisions


# ---------------------------------------------------------------------------
# Two parties, two deadlines


def test_a_second_party_with_its_own_deadline_is_kept_and_reported() -> None:
    """Regression: `A to … by D1 and B to … by D2` kept only A and D1, in silence; both
    parties are kept, the deadline is D1 and D2 is reported (GT352)."""
    body = (
        "a) The Secretariat to circulate the draft by 15 March 2024 and the Unit to comment by "
        "30 March 2024.\n"
    )
    doc = gt.loads(_HEAD + body, format="minutes")
    [decision] = doc.meetings[0].decisions
    assert (("The Secretariat", "the Unit"), gt.parse_due("15 March 2024")) == (
        decision.responsible,
        decision.due,
    )
    assert body.strip()[3:] == decision.text
    [problem] = doc.problems
    assert ("GT352", "line 6") == (problem.code, str(problem.location))
    assert "'30 March 2024'" in problem.message


@pytest.mark.parametrize(
    ("sentence", "parties", "codes"),
    [
        ("HR will hire a clerk by 2 May 2024, and Finance will pay the clerk by 9 May 2024.",
         ("HR", "Finance"), ["GT352"]),
        ("HR to hire a clerk by 2 May 2024; the Finance Unit to pay the clerk.",
         ("HR", "the Finance Unit"), []),
        ("The Unit to invite HR and the Board to attend by 2 May 2024.", ("The Unit",), []),
        ("The Unit will review the plan and the budget to ensure savings by 2 May 2024.",
         ("The Unit",), []),
        ("The Unit will consult the Ministry and Finance Unit to agree by 2 May 2024.",
         ("The Unit",), []),
    ],
)  # fmt: skip
def test_later_clauses_and_objects(
    sentence: str, parties: tuple[str, ...], codes: list[str]
) -> None:
    """A later clause with a subject of its own adds its party (and GT352 when it has its
    own deadline); an object of `invite`, a noun, or a `to` of purpose after `will` adds none."""
    doc = gt.loads(_HEAD + f"a) {sentence}\n", format="minutes")
    [decision] = doc.meetings[0].decisions
    assert (parties, codes) == (decision.responsible, [p.code for p in doc.problems])


@given(
    first=st.sampled_from(_SUBJECTS),
    second=st.sampled_from(("the Unit", "Finance", "the Board", "M&E")),
    days=st.lists(st.integers(1, 28), min_size=2, max_size=2, unique=True),
    join=st.sampled_from((" and ", ", and ", "; ")),
)
def test_two_clauses_keep_both_parties_and_report_the_second_deadline(
    first: str, second: str, days: list[int], join: str
) -> None:
    """For any `A to … by D1<join>B to … by D2`, both parties are kept, the deadline is D1
    and GT352 names D2."""
    sentence = f"{first} to send the draft by {days[0]} May 2024{join}{second} to reply by {days[1]} May 2024."
    doc = gt.loads(_HEAD + f"a) {sentence}\n", format="minutes")
    [decision] = doc.meetings[0].decisions
    assert ((first, second), dt.date(2024, 5, days[0])) == (
        decision.responsible,
        decision.due.start if decision.due else None,
    )
    assert [("GT352", True)] == [(p.code, f"'{days[1]} May 2024'" in p.message)
                                 for p in doc.problems]  # fmt: skip


# ---------------------------------------------------------------------------
# Refs of numbered decisions


@given(form=number_forms, count=st.integers(1, 4))
def test_a_numbered_decision_keeps_its_number_and_a_bracket_whatever_the_form(
    form: str, count: int
) -> None:
    """`3)`, `(3)` and `3.` all give the ref `3)`, as `a)` and `(a)` give `a)`."""
    numbers = range(1, count + 1)
    body = "".join(f"{form.format(n)} HR will act.\n" for n in numbers)
    decisions, _ = _read(body)
    assert [f"{n})" for n in numbers] == [ref for ref, _, _ in decisions]
