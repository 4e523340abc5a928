"""Tests of the minutes reader's second round of phrasings: deadlines after `on`, `in` and
`during`, impossible days kept whole, parties with acronyms, supporters and lists, deemed-
consent rules that name no party, decisions numbered `5.1` and a heading that ends a decision."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import cued_dues, years

_HEAD = "Minutes of the Board\nDate: 3 March 2023\nVenue: Room 4\n\nDecisions\n"
_MEETING = dt.date(2023, 3, 3)


def _one(sentence: str) -> tuple[gt.Decision, list[str]]:
    """The decision a one-item list reads, and its problems as `code: message`."""
    doc = gt.loads(f"{_HEAD}a) {sentence}\n", format="minutes")
    [decision] = doc.meetings[0].decisions
    return decision, [f"{p.code}: {p.message}" for p in doc.problems]


# ---------------------------------------------------------------------------
# Deadlines after on, in, during


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The Secretariat will circulate the paper on 20 April 2023;", "20 April 2023"),
        ("The Secretariat will circulate the paper on 20/04/2023;", "20/04/2023"),
        ("The Secretariat will circulate the paper in June 2023;", "June 2023"),
        ("The Secretariat will circulate the paper in Q2 2023;", "Q2 2023"),
        ("The Secretariat will circulate the paper during June 2023;", "June 2023"),
        ("The review will be completed in 2024.", "2024"),
        ("The next meeting to be held in September 2023.", "September 2023"),
        ("It was agreed that HR would train the clerks in the first half of 2023.", "the first half of 2023"),
    ],
)  # fmt: skip
def test_a_date_after_on_in_or_during_is_the_deadline(sentence: str, written: str) -> None:
    """Regression: `on 20 April 2023`, `in Q2 2023`, `during June 2023` gave no deadline (and
    then GT103 'has no deadline')."""
    decision, problems = _one(sentence)
    doc = gt.loads(f"{_HEAD}a) {sentence}\n", format="minutes")
    codes = {issue.code for issue in gt.validate(doc, on=dt.date(2023, 3, 4))}
    assert (gt.parse_due(written), "", [], False) == (
        decision.due,
        decision.due_text,
        problems,
        "GT103" in codes,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Secretariat will revise the plan adopted in June 2023.",
        "The unit will report on progress made in Q2 2023.",
        "The plan agreed on 20 April 2023 will be revised.",
        "The plan adopted in 2022 will be revised.",
        "On 20 April 2023 the Board approved the plan.",
        "The meeting held on 3 March 2023 approved the budget.",
        "The unit will report on the 2023 budget.",
        "The unit will report on 2023 figures.",
        "The unit will compare the results in 2024 figures.",
        "The unit will hire five clerks in the district.",
        "The unit will hire 5 clerks in 3 districts.",
        "The unit will proceed as planned.",
    ],
)
def test_a_date_after_on_in_or_during_that_is_no_deadline(sentence: str) -> None:
    """A date before the decision's verb, after a past participle, a bare year after `on` or
    inside a clause, and `in` before no date give no deadline and no problem."""
    decision, problems = _one(sentence)
    assert (None, "", []) == (decision.due, decision.due_text, problems)


def test_a_by_deadline_wins_over_an_on_date() -> None:
    """`on 3 May … by 31 May` is due 31 May: `by` names the deadline."""
    decision, _ = _one("The unit will meet the donors on 3 May 2023 and report by 31 May 2023.")
    assert gt.parse_due("31 May 2023") == decision.due


def test_an_unread_by_deadline_is_not_replaced_by_an_on_date() -> None:
    """`on 3 May … by 31 June` keeps `31 June 2023` as text and reports it; 3 May is no due."""
    decision, problems = _one(
        "The unit will meet the donors on 3 May 2023 and report by 31 June 2023."
    )
    assert (None, "31 June 2023") == (decision.due, decision.due_text)
    assert ["GT349"] == [problem[:5] for problem in problems]


@pytest.mark.parametrize(
    ("sentence", "written", "why"),
    [
        ("The unit will report on 31 June 2023.", "31 June 2023", "there is no day 31 in Jun 2023"),
        ("The unit will report on 03/04/2023.", "03/04/2023", "it reads as 2023-04-03"),
    ],
)
def test_a_date_after_on_that_cannot_be_read_is_kept_and_reported(
    sentence: str, written: str, why: str
) -> None:
    """An impossible or ambiguous day after `on` is kept in due_text with GT349 and the reason."""
    decision, problems = _one(sentence)
    [problem] = problems
    assert (None, written, True) == (decision.due, decision.due_text, why in problem)


_PARTICIPLES = ("adopted", "approved", "held", "made", "agreed", "submitted", "taken")


@given(cued_dues, st.sampled_from(("will", "shall", "to")), st.booleans())
def test_a_date_after_a_cue_reads_as_written(
    cued: tuple[str, gt.Due], link: str, more: bool
) -> None:
    """`X will circulate the paper on|in|during <date>` is due that date, its text as written;
    a date that ends before the meeting is kept in due_text and reported (GT349)."""
    cue, due = cued
    after = " to all members" if more else ""
    decision, problems = _one(
        f"The Secretariat {link} circulate the paper {cue} {due.text}{after}."
    )
    past = due.end < _MEETING
    assert (None if past else due, due.text if past else "", ["GT349"] if past else []) == (
        decision.due,
        decision.due_text,
        [problem[:5] for problem in problems],
    )


@given(cued_dues, st.sampled_from(_PARTICIPLES), st.booleans())
def test_a_date_after_a_participle_or_before_the_verb_is_no_deadline(
    cued: tuple[str, gt.Due], participle: str, before: bool
) -> None:
    """`the report adopted in <date>` and `The report adopted in <date> will …` say when
    something was done: no deadline, no problem."""
    cue, due = cued
    if before:
        sentence = f"The report {participle} {cue} {due.text} will be published."
    else:
        sentence = f"The Secretariat will publish the report {participle} {cue} {due.text}."
    decision, problems = _one(sentence)
    assert (None, "", []) == (decision.due, decision.due_text, problems)


@given(years, st.sampled_from(("on", "in", "during")), st.booleans())
def test_a_bare_year_is_a_deadline_only_at_a_clause_end_after_in(
    year: int, cue: str, clause_ends: bool
) -> None:
    """`will be completed in 2024.` is due 2024; after `on`, or followed by more words (`in
    2024 figures`), a year is no deadline."""
    tail = "." if clause_ends else " figures."
    decision, _ = _one(f"The audit will be completed {cue} {year}{tail}")
    read = clause_ends and cue != "on" and year >= _MEETING.year
    assert (gt.parse_due(str(year)) if read else None) == decision.due


# ---------------------------------------------------------------------------
# Impossible days


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("31 June 2023", "there is no day 31 in Jun 2023; it has 30 days"),
        ("30 February 2023", "there is no day 30 in Feb 2023; it has 28 days"),
        ("31st of June 2023", "there is no day 31 in Jun 2023; it has 30 days"),
        ("June 31, 2023", "there is no day 31 in Jun 2023; it has 30 days"),
        ("31.06.2023", "there is no day 31 in Jun 2023; it has 30 days"),
    ],
)
def test_an_impossible_day_is_kept_whole_with_its_reason(written: str, why: str) -> None:
    """Regression: `by 31 June 2023` kept only '31' and said no more than what shapes exist."""
    decision, problems = _one(f"The Secretariat will circulate the paper by {written};")
    message = f"GT349: decision a): cannot read its deadline {written!r}: {why}; kept as text"
    assert (None, written, [message]) == (decision.due, decision.due_text, problems)


@given(st.sampled_from((2, 4, 6, 9, 11)), years, st.sampled_from(("by", "before", "on")))
def test_a_day_past_the_months_end_is_kept_whole(month: int, year: int, cue: str) -> None:
    """A day past its month's last (`31 April`, `29 February 2023`) is kept whole in due_text
    and the problem says how many days the month has."""
    last = calendar.monthrange(year, month)[1]
    written = f"{last + 1} {calendar.month_name[month]} {year}"
    decision, problems = _one(f"The Secretariat will circulate the paper {cue} {written}.")
    assert (None, written, True) == (
        decision.due,
        decision.due_text,
        f"there is no day {last + 1} in" in problems[0] and f"it has {last} days" in problems[0],
    )


# ---------------------------------------------------------------------------
# Parties


@pytest.mark.parametrize(
    ("subject", "parties"),
    [
        ("The Project Management Unit (PMU) will", ("The Project Management Unit (PMU)",)),
        ("Ministry of Finance (MoF) will", ("Ministry of Finance (MoF)",)),
        ("The Secretariat, with support from UNDP, will", ("The Secretariat",)),
        ("The Secretariat, with the technical support of WHO, shall", ("The Secretariat",)),
        ("HR, supported by the Finance Unit, to", ("HR",)),
        ("The ICT Unit and the Records Unit to", ("The ICT Unit", "the Records Unit")),
        ("UNICEF, UNFPA and UN Women to", ("UNICEF", "UNFPA", "UN Women")),
        ("UNICEF, UNFPA, and UN Women will", ("UNICEF", "UNFPA", "UN Women")),
        ("It was agreed that the PMU (Lakeside) would", ("the PMU (Lakeside)",)),
    ],
)
def test_parties_with_an_acronym_a_supporter_or_in_a_list(
    subject: str, parties: tuple[str, ...]
) -> None:
    """Regression: a name with its acronym in brackets, a subject with a supporter set off by
    commas, names listed with `,` and `and`, and two offices joined by `and` before `to` gave
    no party. The supporter is not responsible; it stays in the text."""
    decision, _ = _one(f"{subject} share the plan by 30 April 2023;")
    assert parties == decision.responsible


@pytest.mark.parametrize(
    "sentence",
    [
        "If UNICEF and WHO agree, the Unit will revise the plan by 30 April 2023.",
        "In 2024, Finance and HR will revise the plan by 30 April 2023.",
        "Where possible, districts and regions will report by 30 April 2023.",
        "Time line for the plan and budget should be consistent with the strategy.",
    ],
)
def test_a_clause_before_the_verb_names_no_party(sentence: str) -> None:
    """Words set off by commas that are not a list of names give no party, as before
    (`The Board, having read the plan, will act` names the Board: see test_minutes_letters)."""
    decision, _ = _one(sentence)
    assert () == decision.responsible


_NAMES = (
    "UNICEF",
    "UNFPA",
    "UN Women",
    "WHO",
    "The ICT Unit",
    "the Records Unit",
    "the District Council",
)


@given(
    st.lists(st.sampled_from(_NAMES), min_size=2, max_size=4, unique=True),
    st.sampled_from(("will", "shall", "to", "are requested to")),
    st.booleans(),
)
def test_names_listed_with_commas_and_a_last_and_are_each_a_party(
    names: list[str], link: str, oxford: bool
) -> None:
    """`A, B and C to …` (or `A, B, and C will …`) names A, B and C."""
    comma = "," if oxford and len(names) > 2 else ""  # an Oxford comma needs three names
    listed = ", ".join(names[:-1]) + f"{comma} and {names[-1]}"
    decision, _ = _one(f"{listed} {link} digitise the registry by Q3 2024.")
    assert tuple(names) == decision.responsible


@given(
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES),
    st.sampled_from(("support from", "the support of", "assistance from")),
)
def test_a_supporter_set_off_by_commas_is_not_responsible(
    lead: str, supporter: str, words: str
) -> None:
    """`X, with support from Y, will …` names X only; Y stays in the text."""
    decision, _ = _one(f"{lead}, with {words} {supporter}, will share the plan by 30 April 2023.")
    assert ((lead,), True) == (decision.responsible, supporter in decision.text)


# ---------------------------------------------------------------------------
# Deemed consent


def test_a_deemed_consent_rule_names_no_party() -> None:
    """Regression: `Decisions not objected to within 5 working days will be deemed approved`
    gave the party 'Decisions not objected'. Its period is the rule's deadline, which working
    days keep from being dated: kept in due_text and reported (GT349), as before."""
    decision, problems = _one(
        "Decisions not objected to within 5 working days will be deemed approved."
    )
    assert ((), True, None, "within 5 working days") == (
        decision.responsible,
        decision.deemed_consent,
        decision.due,
        decision.due_text,
    )
    assert ["GT349"] == [problem[:5] for problem in problems]


@pytest.mark.parametrize(
    "sentence",
    [
        "Proposals not objected to by 5 May 2023 will be deemed adopted.",
        "Comments not received by 5 May 2023 will be taken as consent.",
        "Members not objecting to the plan by 5 May 2023 are deemed to agree.",
    ],
)
def test_a_subject_holding_not_names_no_party(sentence: str) -> None:
    """A subject holding `not`, or followed by a `to` that is no infinitive, is no party."""
    decision, _ = _one(sentence)
    assert ((), gt.parse_due("5 May 2023")) == (decision.responsible, decision.due)


# ---------------------------------------------------------------------------
# Decisions numbered 5.1, and a heading that ends a decision

_DECIMAL = """Minutes of the Board
Date: 3 March 2023

4. Opening
The chair opened the meeting.

5. Decisions
5.1 The Secretariat will circulate the paper by 30 April 2023.
5.2. Finance to pay the arrears by 31 May 2023.

6. Any other business
The chair closed the meeting.
"""


def test_decisions_numbered_under_the_sections_number() -> None:
    """Regression: `5.1`, `5.2` under `5. Decisions` were no decisions (GT343) and stayed in
    agenda item 5."""
    doc = gt.loads(_DECIMAL, format="minutes")
    meeting = doc.meetings[0]
    assert [("5.1", ("The Secretariat",)), ("5.2", ("Finance",))] == [
        (d.ref, d.responsible) for d in meeting.decisions
    ]
    assert [
        ("4", "Opening\nThe chair opened the meeting."),
        ("5", "Decisions"),
        ("6", "Any other business\nThe chair closed the meeting."),
    ] == [(item.ref, item.text) for item in meeting.agenda]
    assert () == doc.problems


def test_a_decimal_number_skipped_is_reported() -> None:
    """`5.1`, `5.3`: GT347, as for any numbered list."""
    doc = gt.loads(_DECIMAL.replace("5.2.", "5.3"), format="minutes")
    assert [("GT347", "line 9")] == [(p.code, str(p.location)) for p in doc.problems]


def test_a_decimal_number_outside_a_decisions_section_stays_text() -> None:
    """`4.1 …` under `4. Opening` is agenda text, not a decision."""
    notes = _DECIMAL.replace("The chair opened the meeting.", "4.1 The chair opened the meeting.")
    meeting = gt.loads(notes, format="minutes").meetings[0]
    assert ("Opening\n4.1 The chair opened the meeting.", 2) == (
        meeting.agenda[0].text,
        len(meeting.decisions),
    )


@given(st.integers(1, 30), st.integers(1, 9))
def test_decisions_numbered_under_a_number_read_back(section: int, count: int) -> None:
    """`N.1` … `N.k` under `N. Decisions` are k decisions, refs as written, in order."""
    items = [f"{section}.{k} Unit {k} to report by {k} May 2024." for k in range(1, count + 1)]
    notes = "\n".join(
        ["Minutes of the Board", "Venue: Room 4", "", f"{section}. Decisions", *items]
    )
    doc = gt.loads(notes + "\n", format="minutes")
    expected = [
        (f"{section}.{k}", (f"Unit {k}",), gt.Due.day(dt.date(2024, 5, k), text=f"{k} May 2024"))
        for k in range(1, count + 1)
    ]
    assert expected == [(d.ref, d.responsible, d.due) for d in doc.meetings[0].decisions]


def test_a_heading_right_after_a_decision_ends_it() -> None:
    """Regression: the paragraph under `# Any other business`, with no blank line before the
    heading, ran on into the last decision's text."""
    notes = (
        "Minutes of the Board\nDate: 3 March 2023\n\n# Decisions\n"
        "a) The Secretariat will circulate the paper by 30 April 2023.\n"
        "b) Finance to pay the arrears by 31 May 2023.\n"
        "# Any other business\nThe chair closed the meeting.\n"
    )
    meeting = gt.loads(notes, format="minutes").meetings[0]
    assert ("Finance to pay the arrears by 31 May 2023.", True) == (
        meeting.decisions[1].text,
        "The chair closed the meeting." in meeting.agenda[-1].text,
    )
