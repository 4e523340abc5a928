"""Tests of the minutes reader's fixes after a review of its phrasings: a line of many
cues read in linear time, `X and Y` kept whole unless each names a party, a `by` date over
a `within` span, `on`/`in` dates that tell of the past, `It was decided to`, number words,
and what is reported rather than read in silence."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import cued_dues, topic_words, written_days

_MEETING = dt.date(2023, 3, 3)
_HEAD = "Minutes of the Board\nDate: 3 March 2023\nVenue: Room 4\n\nDecisions\n"


def _one(sentence: str, head: str = _HEAD) -> tuple[gt.Decision, list[str]]:
    """The decision a one-item list reads, and its problems as `code: message`."""
    doc = gt.loads(f"{head}a) {sentence}\n", format="minutes")
    [decision] = doc.meetings[0].decisions
    return decision, [f"{p.code}: {p.message}" for p in doc.problems]


# ---------------------------------------------------------------------------
# Time


@pytest.mark.parametrize("words", ["act in x ", "act on 5 ", "on 1 May 2023 x ", "adopted in "])
def test_a_long_line_of_on_and_in_cues_is_read_in_linear_time(words: str) -> None:
    """Regression: each `in` or `on` after the verb split the line again from the verb, so
    360 KB of `act in x` took 50 s; it takes about a second."""
    text = _HEAD + "a) The unit will " + words * 40000 + "\n"
    started = time.perf_counter()
    gt.loads(text, format="minutes")
    assert time.perf_counter() - started < 10.0


# ---------------------------------------------------------------------------
# Parties joined by `and`


@pytest.mark.parametrize(
    ("subject", "parties"),
    [
        ("Monitoring and Evaluation will", ("Monitoring and Evaluation",)),
        ("Research and Development to", ("Research and Development",)),
        ("Health and Safety to", ("Health and Safety",)),
        ("HR and Admin to", ("HR and Admin",)),
        ("Water, Sanitation and Hygiene will", ("Water, Sanitation and Hygiene",)),
        ("Ministry of Finance and Planning will", ("Ministry of Finance and Planning",)),
        ("HR and M&E to", ("HR", "M&E")),
        ("The ICT Unit and Finance Section will", ("The ICT Unit", "Finance Section")),
        ("Ministry of Health and Ministry of Education to", ("Ministry of Health", "Ministry of Education")),
        ("UNICEF, UNFPA and the District Office will", ("UNICEF", "UNFPA", "the District Office")),
    ],
)  # fmt: skip
def test_and_splits_a_subject_only_between_parties_of_their_own(
    subject: str, parties: tuple[str, ...]
) -> None:
    """Regression: `Monitoring and Evaluation`, `HR and Admin`, `Water, Sanitation and Hygiene`
    were split into two or three parties. A subject is split at `and` only when each part
    starts with a determiner, ends with an office's noun, starts with an office and `of`, or
    starts with an acronym; otherwise it is one name, kept whole."""
    decision, _ = _one(f"{subject} update the roster by 30 April 2023.")
    assert parties == decision.responsible


@pytest.mark.parametrize(
    ("subject", "parties"),
    [
        ("The HIV and AIDS Unit will", ("The HIV and AIDS Unit",)),
        ("ICT and Innovation Unit to", ("ICT and Innovation Unit",)),
        ("HR and Admin Section to", ("HR and Admin Section",)),
        ("HIV, TB and Malaria Unit to", ("HIV, TB and Malaria Unit",)),
        ("The ICT Unit and the Records Unit to", ("The ICT Unit", "the Records Unit")),
        ("UNICEF and the Planning Unit will", ("UNICEF", "the Planning Unit")),
    ],
)
def test_an_office_noun_that_may_end_every_part_keeps_the_name_whole(
    subject: str, parties: tuple[str, ...]
) -> None:
    """Regression: `The HIV and AIDS Unit` gave ('The HIV', 'AIDS Unit'), `ICT and Innovation
    Unit` ('ICT', 'Innovation Unit'): the noun ending the last part may end the others too,
    so the subject is one name unless each part has its own (or a determiner starts the
    last)."""
    decision, _ = _one(f"{subject} update the roster by 30 April 2023.")
    assert parties == decision.responsible


@pytest.mark.parametrize(
    ("subject", "parties"),
    [
        ("Ms. Achieng (Programme Officer) will", ("Ms. Achieng (Programme Officer)",)),
        ("Dr. J. Mwangi (Team Leader) will", ("Dr. J. Mwangi (Team Leader)",)),
        ("Ms. Achieng, Programme Officer, will", ("Ms. Achieng, Programme Officer",)),
        (
            "It was agreed that Ms. Achieng (Programme Officer) and Mr. Otieno would",
            ("Ms. Achieng (Programme Officer)", "Mr. Otieno"),
        ),
        (
            "The Ministry of Water and Irrigation (MoWI) and the District Health Office to",
            ("The Ministry of Water and Irrigation (MoWI)", "the District Health Office"),
        ),
    ],
)
def test_a_person_with_a_role_or_a_ministry_with_its_acronym_is_a_party(
    subject: str, parties: tuple[str, ...]
) -> None:
    """Regression: a name with a role in brackets or after a comma, or a ministry whose
    name holds `and` before its acronym and another party, gave no party at all, and the
    decision went unassigned in silence; a bracketed role or acronym ends a name."""
    decision, _ = _one(f"{subject} update the roster by 30 April 2023.")
    assert parties == decision.responsible


def test_a_name_the_minutes_give_elsewhere_stands_alone() -> None:
    """`Finance and M&E` is two parties when another decision, or the participants, name
    Finance alone; without that it is one name."""
    alone = "Decisions\na) Finance and M&E to reconcile the figures.\n"
    named = "Decisions\na) Finance will pay the arrears.\nb) Finance and M&E to reconcile.\n"
    listed = "Participants: Finance; M&E\n\nDecisions\na) Finance and M&E to reconcile.\n"
    head = "Minutes of the Board\nDate: 3 March 2023\n"
    read = [
        gt.loads(head + body, format="minutes").meetings[0].decisions[-1].responsible
        for body in (alone, "\n" + named, listed)
    ]
    assert [("Finance and M&E",), ("Finance", "M&E"), ("Finance", "M&E")] == read


@given(
    st.lists(topic_words, min_size=2, max_size=3, unique=True),
    st.sampled_from(("will", "shall", "to", "are requested to")),
)
def test_words_joined_by_and_with_no_office_noun_stay_one_party(
    words: list[str], link: str
) -> None:
    """`<Word> and <Word>` (or `<Word>, <Word> and <Word>`) with no determiner, office's noun
    or acronym is one party, written as it stands."""
    subject = ", ".join(words[:-1]) + f" and {words[-1]}"
    decision, _ = _one(f"{subject} {link} update the roster by 30 April 2023.")
    assert (subject,) == decision.responsible


@pytest.mark.parametrize(
    "sentence",
    ["It was decided to postpone the workshop.", "It was further resolved to close the account."],
)
def test_it_was_decided_to_names_no_party(sentence: str) -> None:
    """Regression: `It was decided to …` gave the party 'It was' (and 'It was further')."""
    decision, _ = _one(sentence)
    assert () == decision.responsible


# ---------------------------------------------------------------------------
# `by` over `within`, and what `within` counts from


@pytest.mark.parametrize(
    "sentence",
    [
        "The unit will respond within 5 days to requests and complete the review by 30 June 2023.",
        "The Secretariat, having circulated the draft within 5 days, will revise it by 30 June 2023.",
        "The Secretariat will revise the draft by 30 June 2023 and reply within 5 days.",
    ],
)  # fmt: skip
def test_a_by_date_wins_over_a_within_span(sentence: str) -> None:
    """Regression: `within 5 days … by 30 June` was due five days after the meeting, whatever
    the `by` date said, and nothing was reported."""
    decision, problems = _one(sentence)
    assert (gt.parse_due("30 June 2023"), []) == (decision.due, problems)


@given(
    st.integers(1, 90),
    st.sampled_from(("days", "weeks", "months", "working days")),
    written_days,
    st.booleans(),
)
def test_any_by_date_beats_any_within_span(
    count: int, unit: str, day: gt.Due, by_first: bool
) -> None:
    """Whatever the order, a date after `by` is the deadline, never a `within` span."""
    within = f"reply within {count} {unit}"
    by = f"report by {day.text}"
    first, second = (by, within) if by_first else (within, by)
    decision, problems = _one(f"The unit will {first} and {second}.")
    assert (day, "", []) == (decision.due, decision.due_text, problems)


def test_a_within_span_before_the_verb_is_no_deadline() -> None:
    """`having circulated the draft within 5 days, will …` tells what was done: no deadline;
    the span is reported (GT349), never passed over in silence."""
    decision, problems = _one(
        "The Secretariat, having circulated the draft within 5 days, will act."
    )
    assert (None, "") == (decision.due, decision.due_text)
    assert [problem[:6] for problem in problems] == ["GT349:"]
    assert "'within 5 days'" in problems[0]


@pytest.mark.parametrize(
    "tail",
    [
        "of the meeting report being circulated",
        "of the meeting of the donors",
        "after the meeting ends",
    ],
)
def test_a_within_span_from_another_event_is_kept_whole_and_reported(tail: str) -> None:
    """Regression: `within 7 days of the meeting report being circulated` was counted from the
    meeting and its text cut to `within 7 days of the meeting`; the meeting must be the whole
    anchor: anything after it makes another event, kept as text and reported (GT349)."""
    decision, problems = _one(f"The Secretariat will share the minutes within 7 days {tail}.")
    assert (None, f"within 7 days {tail}", ["GT349"]) == (
        decision.due,
        decision.due_text,
        [problem[:5] for problem in problems],
    )


def test_a_within_span_of_the_meeting_counts_from_it() -> None:
    """`within 7 days of the meeting.` still counts from the meeting's date."""
    decision, problems = _one(
        "The Secretariat will share the minutes within 7 days of the meeting."
    )
    due = gt.Due.day(_MEETING + dt.timedelta(days=7), text="within 7 days of the meeting")
    assert (due, []) == (decision.due, problems)


_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _in_words(number: int, joint: str) -> str:
    if number < len(_ONES):
        return _ONES[number]
    tens, ones = divmod(number, 10)
    return _TENS[tens] + (joint + _ONES[ones] if ones else "")


@given(st.integers(1, 99), st.sampled_from(("-", " ")))
def test_a_within_span_in_words_up_to_ninety_nine_is_read(number: int, joint: str) -> None:
    """Regression: `within eighteen days` (a number word the reader did not know) gave no
    deadline and no word, while `within 18 days` was read; every number one to ninety-nine
    in words is read."""
    words = f"within {_in_words(number, joint)} days"
    decision, problems = _one(f"HR to recruit the drivers {words}.")
    due = gt.Due.day(_MEETING + dt.timedelta(days=number), text=words)
    assert (due, []) == (decision.due, problems)


def test_within_eighteen_months() -> None:
    """`within eighteen months` is due eighteen months after the meeting."""
    decision, _ = _one("HR to recruit the drivers within eighteen months.")
    assert gt.Due.day(dt.date(2024, 9, 3), text="within eighteen months") == decision.due


def test_a_within_span_after_an_ambiguous_meeting_date_says_so() -> None:
    """Regression: with a meeting date that reads two ways (GT341), GT349 said the minutes do
    not give the date; it says the date reads two ways and names dayfirst=."""
    head = "Minutes of the Board\nDate: 03/04/2023\n\nDecisions\n"
    decision, problems = _one("HR to recruit the drivers within 7 days.", head)
    [gt349] = [problem for problem in problems if problem.startswith("GT349")]
    assert ("within 7 days", True, True, False) == (
        decision.due_text,
        "'03/04/2023'" in gt349,
        "dayfirst=" in gt349,
        "do not give" in gt349,
    )


# ---------------------------------------------------------------------------
# `on` and `in` dates that are no deadline


@pytest.mark.parametrize(
    "sentence",
    [
        "The unit will implement the recommendations of the review conducted by OIOS in May 2023.",
        "The unit will brief the Board, as it did in May 2023.",
        "The unit will update the budget approved by the Board in May 2023.",
        "The unit will report on the plan which was adopted in May 2023.",
        "The unit will report on 5 May 2023 progress and risks.",
        "The unit will report in May 2023 figures.",
    ],
)  # fmt: skip
def test_an_on_or_in_date_of_the_past_or_of_a_noun_is_no_deadline(sentence: str) -> None:
    """Regression: a date after a past participle further back in the phrase (`conducted by
    OIOS in`), after `as it did`, `which was`, or followed by more words of its clause (`on 5
    May 2023 progress`) was read as the deadline."""
    decision, problems = _one(sentence)
    assert (None, "", []) == (decision.due, decision.due_text, problems)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The unit will submit the revised plan in June 2023.", "June 2023"),
        ("The plan will be reviewed and approved in June 2023.", "June 2023"),
        ("The unit will report, as planned, in June 2023.", "June 2023"),
        ("The unit will update the budget approved by the Board, and report in May 2023.", "May 2023"),
        ("The unit will circulate the paper on 20 April 2023 at the latest.", "20 April 2023"),
    ],
)  # fmt: skip
def test_an_on_or_in_date_in_the_verb_phrase_is_still_the_deadline(
    sentence: str, written: str
) -> None:
    """A participle after `be` or a determiner (`the revised plan`), one that a comma closes,
    and a date followed by a new phrase (`at the latest`) leave the date the deadline."""
    decision, problems = _one(sentence)
    assert (gt.parse_due(written), []) == (decision.due, problems)


@given(
    cued_dues.filter(lambda cued: cued[1].end >= _MEETING),
    st.sampled_from(("adopted", "approved", "conducted", "held", "made", "submitted")),
    st.sampled_from(("by the Board", "by OIOS", "last year", "at the workshop")),
)
def test_a_date_after_a_participle_anywhere_in_the_phrase_is_no_deadline(
    cued: tuple[str, gt.Due], participle: str, agent: str
) -> None:
    """`will publish the report <participle> <words> on|in <date>` tells when the report was
    done: no deadline, no problem, however many words stand between."""
    cue, due = cued
    decision, problems = _one(
        f"The unit will publish the report {participle} {agent} {cue} {due.text}."
    )
    assert (None, "", []) == (decision.due, decision.due_text, problems)


@given(
    cued_dues.filter(lambda cued: cued[1].end >= _MEETING),
    st.sampled_from(("figures", "progress", "budget")),
)
def test_a_date_followed_by_a_noun_is_no_deadline(cued: tuple[str, gt.Due], noun: str) -> None:
    """`on|in <date> <noun>` qualifies the noun: no deadline."""
    cue, due = cued
    decision, problems = _one(f"The unit will report {cue} {due.text} {noun} to the Board.")
    assert (None, "", []) == (decision.due, decision.due_text, problems)


def test_an_on_date_before_the_meeting_is_reported() -> None:
    """A date after `on` that ends before the meeting's date is no deadline taken in silence:
    kept in due_text and reported (GT349)."""
    decision, problems = _one("The unit will report on 20 January 2023.")
    assert (None, "20 January 2023", ["GT349"]) == (
        decision.due,
        decision.due_text,
        [problem[:5] for problem in problems],
    )
    assert "before the meeting's date" in problems[0]
    # The date reads: the message does not say it cannot be read.
    assert "the date '20 January 2023' is no deadline" in problems[0]
    assert "cannot read" not in problems[0]


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [
        ("by next week", "next week"),
        ("by the end of the quarter", "the end of the quarter"),
        ("on Friday", "Friday"),
        ("before close of business", "close of business"),
    ],
)
def test_a_deadline_named_by_the_calendar_is_kept_and_reported(phrase: str, kept: str) -> None:
    """Regression: `by next week`, `by the end of the quarter`, `on Friday` gave no deadline
    and nothing said; the words are kept in due_text and reported (GT349), never dated."""
    decision, problems = _one(f"The unit will circulate the paper {phrase}.")
    assert (None, kept, ["GT349"]) == (
        decision.due,
        decision.due_text,
        [problem[:5] for problem in problems],
    )


def test_a_bold_heading_ends_the_decision_above_it() -> None:
    """Regression: after a `**Next meeting**` line, `The next meeting is on 5 May 2023.` ran
    on into decision a) and became its deadline; a bold title ends the decision as a `#`
    heading does, and the lines below stay in the meeting's text."""
    notes = (
        "Minutes of the Board\nDate: 3 March 2023\n\n# Decisions\n"
        "a) Finance will pay the invoices.\n**Next meeting**\nThe next meeting is on 5 May 2023.\n"
    )
    doc = gt.loads(notes, format="minutes")
    meeting = doc.meetings[0]
    [decision] = meeting.decisions
    agenda = "\n".join(item.text for item in meeting.agenda)
    assert ("Finance will pay the invoices.", None, True) == (
        decision.text,
        decision.due,
        "The next meeting is on 5 May 2023." in agenda,
    )


def test_a_numbered_title_that_continues_the_list_is_reported() -> None:
    """Regression: `3. Closing` after decisions `1.`, `2.`, with no numbered agenda, was read
    as decision 3 with the paragraph under it, in silence; it is still decision 3 (it
    continues the list) but reported (GT351)."""
    notes = (
        "Minutes of the Board\nDate: 3 March 2023\n\nDecisions\n1. HR will hire a clerk.\n"
        "2. Finance will pay the arrears.\n3. Closing\nThe chair closed the meeting.\n"
    )
    doc = gt.loads(notes, format="minutes")
    assert [("GT351", 7)] == [
        (problem.code, problem.location.line if problem.location else None)
        for problem in doc.problems
    ]
