"""Tests of the minutes reader after a review of four heuristics: names inside the verb's
object are no parties, recipients are no parties, a lettered section title that skips a
letter is reported, and lettered lines under a bullet are that decision's sub-points."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes
from strategies import bullet_marks, letter_forms, stray_marks, sub_point_marks, written_days

_HEAD = "Minutes of the Board\nDate: 3 March 2025\nVenue: Room 4\n\nDecisions:\n"


def _decisions(body: str) -> tuple[list[tuple[str, tuple[str, ...], str]], list[tuple[str, str]]]:
    """The decisions (ref, parties, text) and the problems (code, location) of minutes."""
    doc = gt.loads(_HEAD + body, format="minutes")
    decisions = [(d.ref, d.responsible, d.text) for d in doc.meetings[0].decisions]
    return decisions, [(p.code, str(p.location)) for p in doc.problems]


# ---------------------------------------------------------------------------
# 1. Names after `from`, `of`, `in` inside the verb's object


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "The Secretariat to send the officers from Kenya and Uganda to attend the workshop by "
            "30 June 2025."
        ),
        (
            "The Secretariat to send the officers from Uganda and Kenya to attend the workshop by "
            "30 June 2025."
        ),
        (
            "The Secretariat to invite the heads of Finance and HR to attend the retreat by "
            "30 June 2025."
        ),
        (
            "The Secretariat to train the clerks in Records and ICT to use the system by "
            "30 June 2025."
        ),
        (
            "The Secretariat to send the officers from Kenya, Uganda and Rwanda to attend the "
            "workshop by 30 June 2025."
        ),
    ],
)
def test_names_inside_the_verbs_object_are_no_parties(sentence: str) -> None:
    """Regression: `The Secretariat to send the officers from Kenya and Uganda to attend …`
    named `Uganda` a party; names after `from`, `of`, `in` in the verb's object never are."""
    assert ("The Secretariat",) == minutes.decision_parties(sentence)


@given(
    verb=st.sampled_from(("send", "sponsor", "train", "brief", "fund", "select")),
    noun=st.sampled_from(("the officers", "the staff", "two clerks", "the delegates")),
    preposition=st.sampled_from(("from", "of", "in")),
    first=st.sampled_from(("Kenya", "Uganda", "Finance", "the Regional Office", "UNICEF")),
    second=st.sampled_from(("Rwanda", "HR", "the Country Office", "WHO", "Tanzania")),
    then=st.sampled_from(("attend the workshop", "join the mission", "comment")),
    due=written_days,
)
def test_names_after_a_preposition_in_the_object_name_no_party(
    *, verb: str, noun: str, preposition: str, first: str, second: str, then: str, due: gt.Due
) -> None:
    """For any object whose noun a preposition and two names joined by `and` follow, then
    `to` and a verb, the subject is the one party and the day is the deadline."""
    sentence = (
        f"The Secretariat to {verb} {noun} {preposition} {first} and {second} to {then} "
        f"by {due.text}."
    )
    read, _, _ = minutes.decision_deadline([sentence], dayfirst=True, meeting_date=None)
    assert (("The Secretariat",), (due.start, due.end)) == (
        minutes.decision_parties(sentence),
        (read.start, read.end) if read else None,
    )


# ---------------------------------------------------------------------------
# 2. Recipients are no parties, all of them


@pytest.mark.parametrize(
    "sentence",
    [
        "The Secretariat to send copies to the Board and HR to comment by 30 June 2025.",
        "The Secretariat to send the copies to the Board and HR to comment by 30 June 2025.",
        (
            "The Secretariat to send the report to the Finance Unit and the Audit Committee to "
            "review it by 30 June 2025."
        ),
        "The Secretariat to share the draft with UNICEF and WHO to review it by 30 June 2025.",
        (
            "The Secretariat to send the copies to the Board, HR and the Unit to comment by "
            "30 June 2025."
        ),
    ],
)
def test_recipients_are_no_parties(sentence: str) -> None:
    """Regression: `… send the report to the Finance Unit and the Audit Committee to review
    it` named the second recipient a party but not the first; the subject alone is."""
    assert ("The Secretariat",) == minutes.decision_parties(sentence)


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("The Secretariat to send the copies by 30 June 2025 and HR to comment by 15 July 2025.",
         ("The Secretariat", "HR")),
        ("The Secretariat to send the copies to the Board; HR to comment by 15 July 2025.",
         ("The Secretariat", "HR")),
        ("The Secretariat to draft the note and the Board to approve it.",
         ("The Secretariat", "the Board")),
    ],
)  # fmt: skip
def test_a_second_subject_after_no_recipient_is_still_a_party(
    sentence: str, parties: tuple[str, ...]
) -> None:
    """A second clause after a date, `;` or an object with no name still adds its party."""
    assert parties == minutes.decision_parties(sentence)


@given(
    verb=st.sampled_from(("circulate", "send", "present", "submit", "share", "forward")),
    thing=st.sampled_from(("the draft", "the report", "its budget", "copies", "the minutes")),
    preposition=st.sampled_from(("to", "with")),
    names=st.lists(
        st.sampled_from(("the Board", "UNICEF", "HR", "the Audit Committee", "WHO", "Finance")),
        min_size=2,
        max_size=4,
        unique=True,
    ),
    then=st.sampled_from(("comment", "approve it", "review the figures")),
    due=written_days,
)
def test_recipients_joined_by_and_name_no_party(
    *, verb: str, thing: str, preposition: str, names: list[str], then: str, due: gt.Due
) -> None:
    """For any verb, object, `to` or `with` and names listed with `,` and `and`, then `to`
    and a verb, the subject is the one party: every recipient or none, never some."""
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    sentence = f"The Unit to {verb} {thing} {preposition} {listed} to {then} by {due.text}."
    assert ("The Unit",) == minutes.decision_parties(sentence)


# ---------------------------------------------------------------------------
# 3. A lettered section title that skips a letter


def test_a_section_title_that_skips_a_letter_is_reported() -> None:
    """Regression: section titles `A.`, `B.`, `D.` over numbered decisions were read with no
    report of the missing `C.`; it is reported (GT347) at the title's line."""
    body = (
        "A.  Finance\n1. The Unit will pay the invoices by 30 June 2025.\n"
        "B.  Staffing\n1. HR will hire a clerk by 15 July 2025.\n"
        "D.  Closing\n1. The Chair will close the file by 1 August 2025.\n"
    )
    decisions, problems = _decisions(body)
    assert (["A.1", "B.1", "D.1"], [("GT347", "line 10")]) == (
        [ref for ref, _, _ in decisions],
        problems,
    )


def test_a_lettered_decision_that_skips_a_section_letter_is_reported() -> None:
    """Regression: `D.  The Chair will …` after the section `B.  Staffing` was read with no
    report of the missing `C.`; it is reported (GT347), once."""
    body = (
        "A.  Finance\n1. The Unit will pay the invoices by 30 June 2025.\n"
        "B.  Staffing\n1. HR will hire a clerk by 15 July 2025.\n"
        "D.  The Chair will close the file by 1 August 2025.\n"
    )
    decisions, problems = _decisions(body)
    assert (["A.1", "B.1", "D)"], [("GT347", "line 10")]) == (
        [ref for ref, _, _ in decisions],
        problems,
    )


def test_section_titles_in_order_are_not_reported() -> None:
    """Section titles `A.`, `B.`, `C.` in order give no problem."""
    body = (
        "A.  Finance\n1. The Unit will pay the invoices by 30 June 2025.\n"
        "B.  Staffing\n1. HR will hire a clerk by 15 July 2025.\n"
        "C.  Closing\n1. The Chair will close the file by 1 August 2025.\n"
    )
    assert [] == _decisions(body)[1]


_TOPICS = ("Finance", "Staffing", "Audit", "Closing", "Training", "Premises")


@given(
    form=letter_forms,
    roman=st.booleans(),
    places=st.lists(st.integers(1, 6), min_size=2, max_size=5, unique=True).map(sorted),
)
def test_section_titles_report_each_skip(form: str, *, roman: bool, places: list[int]) -> None:
    """For section titles in any form, lettered or in Roman numerals, in rising order, each
    title whose letter does not follow the one before is reported (GT347) at its line, and
    every numbered decision under them is read."""
    tokens = ("I", "II", "III", "IV", "V", "VI") if roman else "ABCDEF"
    lines: list[str] = []
    expected: list[tuple[str, str]] = []
    for index, place in enumerate(places):
        if index and place != places[index - 1] + 1:
            expected.append(("GT347", f"line {6 + len(lines)}"))
        lines.append(f"{form.format(tokens[place - 1])}  {_TOPICS[place - 1]}")
        lines.append(f"1. The Unit will act on item {place} by 30 June 2025.")
    decisions, problems = _decisions("\n".join(lines) + "\n")
    assert (len(places), expected) == (len(decisions), problems)


# ---------------------------------------------------------------------------
# 4. Lettered lines under a bullet are its sub-points


@pytest.mark.parametrize(
    "letters",
    [("(a)", "(b)"), ("a)", "b)"), ("(A)", "(B)"), ("(i)", "(ii)"), ("(1)", "(2)")],
)
def test_lettered_lines_under_a_bullet_are_its_sub_points(letters: tuple[str, str]) -> None:
    """Regression: `(a)`, `(b)` under a bulleted decision were read as decisions of their
    own (and `(A)` merged in with GT350); they are the bullet's sub-points, kept in its
    text, with no problem."""
    first, second = letters
    body = (
        "- The Secretariat will circulate the report by 30 June 2025.\n"
        f"{first} the annex on the budget;\n{second} the annex on staff.\n"
        "- The Unit will comment by 15 July 2025.\n"
    )
    expected = [
        (
            "",
            ("The Secretariat",),
            (
                "The Secretariat will circulate the report by 30 June 2025.\n"
                f"{first} the annex on the budget;\n{second} the annex on staff."
            ),
        ),
        ("", ("The Unit",), "The Unit will comment by 15 July 2025."),
    ]
    assert (expected, []) == _decisions(body)


def test_lettered_lines_after_a_blank_line_under_a_bullet_are_its_sub_points() -> None:
    """A blank line between a bulleted decision and its lettered sub-points changes nothing."""
    body = (
        "- The Secretariat will circulate the report by 30 June 2025.\n\n"
        "(a) the annex on the budget;\n(b) the annex on staff.\n\n"
        "- The Unit will comment by 15 July 2025.\n"
    )
    decisions, problems = _decisions(body)
    assert (["", ""], []) == ([ref for ref, _, _ in decisions], problems)


def test_a_bullet_that_starts_with_a_letter_is_still_a_decision() -> None:
    """`- a) …` (a letter after a bullet on the same line) still starts a lettered decision."""
    body = "- a) The Secretariat will circulate the report.\n- b) The Unit will comment.\n"
    assert (["a)", "b)"], []) == ([ref for ref, _, _ in _decisions(body)[0]], _decisions(body)[1])


@given(
    bullet=bullet_marks,
    marks=sub_point_marks,
    counts=st.lists(st.integers(0, 4), min_size=1, max_size=4),
    blank=st.booleans(),
)
def test_sub_points_under_bullets_stay_in_their_decision(
    bullet: str, marks: tuple[str, ...], counts: list[int], *, blank: bool
) -> None:
    """For any bulleted list whose decisions have any number of sub-points lettered or
    numbered in any form, a blank line before them or not, each bullet is one decision whose
    text holds its sub-points, and no problem is reported."""
    lines: list[str] = []
    expected: list[str] = []
    for index, count in enumerate(counts):
        head = f"The Unit will act on item {index + 1} by 30 June 2025."
        subs = [f"{marks[n]} point {n + 1} of item {index + 1};" for n in range(count)]
        lines += [f"{bullet} {head}", *([""] if blank and subs else []), *subs]
        expected.append("\n".join([head, *subs]).rstrip(";"))
    decisions, problems = _decisions("\n".join(lines) + "\n")
    assert (expected, []) == ([text for _, _, text in decisions], problems)


_REVISE = "- The Secretariat will revise the terms of reference.\n"


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        (
            "5) Date of the next meeting: the Board will meet again by 30 June 2025.",
            [("GT351", "line 8")],
        ),
        ("4) Closing: the Chair closed the meeting by 30 June 2025.", [("GT351", "line 8")]),
        ("(iv) Any other business: none.", [("GT347", "line 8")]),
        ("(B) Other matters: the Board will meet by 30 June 2025.", [("GT351", "line 8")]),
    ],
)
def test_a_stray_list_item_after_a_bullet_and_a_blank_line_is_no_sub_point(
    line: str, problems: list[tuple[str, str]]
) -> None:
    """Regression: after a bulleted decision and a blank line, `5) Date of the next meeting:
    … by 30 June 2025.` was taken into the bullet's text, its deadline with it, with no
    problem; a line that starts no run of sub-points stays out of it and is reported."""
    doc = gt.loads(f"{_HEAD}{_REVISE}\n{line}\n", format="minutes")
    first = doc.meetings[0].decisions[0]
    assert (("The Secretariat will revise the terms of reference.", None), problems) == (
        (first.text, first.due),
        [(p.code, str(p.location)) for p in doc.problems],
    )


def test_a_run_that_does_not_start_at_its_first_letter_is_no_sub_point() -> None:
    """A line lettered `(b)` right under a bullet starts no run of sub-points: it is read as
    before, a decision of its own, and the letter it skips reported (GT347)."""
    decisions, problems = _decisions(f"{_REVISE}(b) The Unit will comment by 30 June 2025.\n")
    assert (["", "b)"], [("GT347", "line 7")]) == ([ref for ref, _, _ in decisions], problems)


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_sub_point_run_that_skips_a_letter_is_reported_once(blank: str) -> None:
    """Sub-points `(a)`, `(c)` under a bullet: `(c)` is no sub-point (read as before, a
    decision of its own) and the skip is reported once (GT347) at its line."""
    body = f"{_REVISE}(a) the annex on the budget;\n{blank}(c) the annex on staff.\n"
    doc = gt.loads(_HEAD + body, format="minutes")
    line = 8 + len(blank)
    assert (["", "c)"], [("GT347", f"line {line}", True)]) == (
        [d.ref for d in doc.meetings[0].decisions],
        [
            (p.code, str(p.location), p.message.startswith("'(c)' follows sub-point '(a)'"))
            for p in doc.problems
        ],
    )


def test_a_capital_sub_point_run_that_skips_a_letter_is_reported() -> None:
    """Sub-points `(A)`, `(C)` under a bullet: `(C)` is no sub-point; the skip is reported
    (GT347) at its line, and the line, kept in the decision's text, as before (GT350)."""
    body = f"{_REVISE}(A) the annex on the budget;\n(C) the annex on staff.\n"
    assert [("GT347", "line 8"), ("GT350", "line 8")] == _decisions(body)[1]


@given(
    bullet=bullet_marks,
    marks=sub_point_marks,
    count=st.integers(0, 3),
    blank=st.booleans(),
    stray=stray_marks,
    due=written_days,
)
def test_a_stray_item_after_a_blank_line_never_joins_a_bullet(
    *, bullet: str, marks: tuple[str, ...], count: int, blank: bool, stray: str, due: gt.Due
) -> None:
    """For any bulleted decision with any run of sub-points (a blank line before them or
    not), then a blank line and a line whose mark neither starts nor goes on with the run,
    that line is not in the bullet's text, gives it no deadline, and is reported at its
    line."""
    if count and stray == marks[count]:  # the run's next sub-point: one of them
        stray = f"{stray[:-1]}z)" if stray.startswith("(") else "z)"
    head = "The Unit will revise the terms of reference."
    subs = [f"{marks[n]} point {n + 1};" for n in range(count)]
    lines = [f"{bullet} {head}", *([""] if blank and subs else []), *subs, ""]
    lines.append(f"{stray} Next meeting: the Board will meet again by {due.text}.")
    doc = gt.loads(_HEAD + "\n".join(lines) + "\n", format="minutes")
    first = doc.meetings[0].decisions[0]
    stray_line = f"line {5 + len(lines)}"
    assert ("\n".join([head, *subs]).rstrip(";"), None, True) == (
        first.text,
        first.due,
        any(str(p.location) == stray_line for p in doc.problems),
    )


@given(
    marks=sub_point_marks,
    count=st.integers(1, 3),
    skip=st.integers(1, 2),
    blank=st.booleans(),
)
def test_a_skipped_sub_point_is_reported(
    *, marks: tuple[str, ...], count: int, skip: int, blank: bool
) -> None:
    """For any run of sub-points under a bullet, a next mark of the same form that skips one
    or more is reported (GT347) at its line, once."""
    subs = [f"{marks[n]} point {n + 1};" for n in range(count)]
    lines = ["- The Unit will revise the terms of reference.", *subs]
    lines += [*([""] if blank else []), f"{marks[count + skip]} point {count + skip + 1}."]
    _, problems = _decisions("\n".join(lines) + "\n")
    assert [("GT347", f"line {5 + len(lines)}")] == [p for p in problems if p[0] == "GT347"]


# ---------------------------------------------------------------------------
# 5. A name after a recipient and `to <verb>`: a second party or a recipient, reported


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        (
            (
                "The Secretariat to share the draft with UNICEF and the Finance Unit to prepare "
                "the budget by 30 March 2025."
            ),
            "the Finance Unit",
        ),
        (
            (
                "The Secretariat to present the report to the Board and UNICEF to fund the study "
                "by 30 March 2025."
            ),
            "UNICEF",
        ),
        ("The Secretariat to send copies to the Board and HR to comment by 30 June 2025.", "HR"),
    ],
)
def test_a_name_after_a_recipient_before_to_and_a_verb_is_reported(
    sentence: str, other: str
) -> None:
    """Regression: `… share the draft with UNICEF and the Finance Unit to prepare the budget`
    dropped `the Finance Unit` as a party in silence; the sentence reads two ways, so the
    subject stays the one party and the possible second party is reported (GT354)."""
    doc = gt.loads(f"{_HEAD}1. {sentence}\n", format="minutes")
    assert (("The Secretariat",), [("GT354", "line 6", True)]) == (
        doc.meetings[0].decisions[0].responsible,
        [(p.code, str(p.location), repr(other) in p.message) for p in doc.problems],
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Unit to contact UNICEF and WHO to agree dates by 30 June 2025.",
        (
            "The Secretariat to send the officers from Kenya and Uganda to attend the workshop by "
            "30 June 2025."
        ),
        "The Unit to invite HR and the Board to attend the retreat by 30 June 2025.",
        "The Secretariat to draft the note and the Board to approve it by 30 June 2025.",
    ],
)
def test_objects_and_places_before_to_and_a_verb_are_not_reported(sentence: str) -> None:
    """Objects of the verb with no preposition (`contact UNICEF and WHO to agree`), a place
    after `from`, an object after `invite`, and a plain second clause give no problem."""
    assert [] == _decisions(f"1. {sentence}\n")[1]


@given(
    verb=st.sampled_from(("circulate", "send", "present", "submit", "share", "forward")),
    thing=st.sampled_from(("the draft", "the report", "its budget", "copies", "the minutes")),
    preposition=st.sampled_from(("to", "with", "from", "of", "in", "")),
    first=st.sampled_from(("the Board", "UNICEF", "HR", "the Audit Committee", "Finance")),
    second=st.sampled_from(("WHO", "the Finance Unit", "UN Women", "the Ministry of Health")),
    then=st.sampled_from(("comment", "approve it", "fund the study")),
    due=written_days,
)
def test_a_second_name_after_a_recipient_is_reported_never_a_party(
    *, verb: str, thing: str, preposition: str, first: str, second: str, then: str, due: gt.Due
) -> None:
    """For any object, a name a preposition leads to, `and` a second name, `to` and a verb:
    the subject is the one party, and the second name is reported (GT354) at the decision's
    line when `to` or `with` leads to the first, never after `from`, `of`, `in` or none."""
    led = f"{preposition} {first}" if preposition else first
    sentence = f"The Unit to {verb} {thing} {led} and {second} to {then} by {due.text}."
    doc = gt.loads(f"{_HEAD}1. {sentence}\n", format="minutes")
    expected = [("GT354", "line 6", True)] if preposition in {"to", "with"} else []
    assert (("The Unit",), expected) == (
        doc.meetings[0].decisions[0].responsible,
        [(p.code, str(p.location), repr(second) in p.message) for p in doc.problems],
    )
