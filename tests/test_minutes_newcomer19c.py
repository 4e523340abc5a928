"""Regression tests of the minutes reader after a working-group secretary's review: a list
of decisions numbered again from ``1.`` after a page break, a page mark at the end of a
header line, deadline phrases that give no date, and a party named in a later clause."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt

_HEAD = "Minutes of the 2nd Meeting of the Steering Panel\nDate: 12 March 2025\n\nDecisions\n\n"


def _read(body: str, head: str = _HEAD) -> gt.Document:
    return gt.loads(head + body, format="minutes")


# ---------------------------------------------------------------------------
# 1. A list numbered again from 1. after a page break

_SENTENCES = (
    "The Secretariat will circulate the revised terms of reference by 30 April 2025.",
    "All members to nominate a reviewer within three weeks.",
    "The Statistics Office shall publish the data calendar in Q4 2025.",
    "UNFPA will host the next training in Q3 2025.",
    "The Planning Unit to update the indicator sheet by 15 June 2025.",
)


def test_a_restart_after_one_decision_keeps_the_second_decision() -> None:
    """`1.` then `1.` once read the second line as agenda item 1 (GT351, its quote cut)."""
    doc = _read(
        "1. All members to nominate a reviewer within three weeks.\n\n"
        "STEERING PANEL        Page 2 of 2\n\n"
        "1. UNFPA will host the next training in Q3 2025.\n"
    )
    meeting = doc.meetings[0]
    assert [(d.ref, d.responsible) for d in meeting.decisions] == [
        ("1)", ("All members",)),
        ("1)", ("UNFPA",)),
    ]
    assert meeting.decisions[1].due is not None
    assert [p.code for p in doc.problems if p.location is not None and p.location.line == 10] == [
        "GT347"
    ]
    assert not [a for a in meeting.agenda if a.ref == "1"]


def test_a_restart_with_no_line_between_keeps_both_runs() -> None:
    doc = _read(f"1. {_SENTENCES[0]}\n1. {_SENTENCES[1]}\n")
    assert [d.responsible for d in doc.meetings[0].decisions] == [
        ("The Secretariat",),
        ("All members",),
    ]
    assert "GT347" in [p.code for p in doc.problems]


def test_a_numbered_line_that_reads_as_no_decision_stays_an_agenda_item() -> None:
    """A restart that names no party acting is no decision (the rule is not widened)."""
    doc = _read(f"1. {_SENTENCES[0]}\n\n1. The chair thanked the members.\n")
    meeting = doc.meetings[0]
    assert len(meeting.decisions) == 1
    assert [a.ref for a in meeting.agenda if a.ref] == ["1"]


@given(
    first=st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5),
    second=st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5),
    gap=st.sampled_from(("", "\n", "\nSTEERING PANEL        Page 2 of 3\n\n")),
)
def test_a_restart_after_any_number_of_decisions_keeps_every_decision(
    first: list[str], second: list[str], gap: str
) -> None:
    lines = [f"{n}. {text}" for n, text in enumerate(first, 1)]
    lines.append(gap.rstrip("\n") if gap else "")
    lines += [f"{n}. {text}" for n, text in enumerate(second, 1)]
    doc = _read("\n".join(line for line in lines if line or gap) + "\n")
    decisions = doc.meetings[0].decisions
    assert [d.text for d in decisions] == first + second
    assert [d.ref for d in decisions] == [
        f"{n})" for n in [*range(1, len(first) + 1), *range(1, len(second) + 1)]
    ]
    assert "GT347" in [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# 2. A page mark at the end of a header line


def test_a_page_mark_is_left_out_of_the_organiser_and_reported() -> None:
    """The page header's mark and its run of spaces were once part of the organiser."""
    doc = gt.loads(
        "STEERING PANEL ON SCHOOL MEALS                 Page 1 of 3\n\n"
        "Minutes of the 2nd Meeting of the Steering Panel\n\nDate: 12 March 2025\n\n"
        "Decisions\n\n1. UNFPA will host the next training in Q3 2025.\n",
        format="minutes",
    )
    meeting = doc.meetings[0]
    assert meeting.organiser == "STEERING PANEL ON SCHOOL MEALS"
    assert meeting.title == "Minutes of the 2nd Meeting of the Steering Panel"
    notes = [p for p in doc.problems if p.code == "GT355"]
    assert len(notes) == 1
    assert notes[0].severity is gt.Severity.INFO
    assert notes[0].location is not None
    assert notes[0].location.line == 1
    assert "'Page 1 of 3'" in notes[0].message


def test_a_page_header_in_the_body_does_not_end_the_decisions() -> None:
    """A short page header between two decisions once ended the section, so the next
    numbered decision became an agenda item with no report at all."""
    doc = _read(f"1. {_SENTENCES[0]}\n\nPANEL\t- 2 -\n\n2. {_SENTENCES[1]}\n")
    assert len(doc.meetings[0].decisions) == 2
    assert "GT351" in [p.code for p in doc.problems]


_MARKS = st.one_of(
    st.tuples(st.integers(1, 99), st.integers(1, 99)).map(lambda n: f"Page {n[0]} of {n[1]}"),
    st.integers(1, 99).map(lambda n: f"Page {n}"),
    st.integers(1, 99).map(lambda n: f"- {n} -"),
    st.tuples(st.integers(1, 99), st.integers(1, 99)).map(lambda n: f"{min(n)}/{max(n)}"),
)
_HEADER_WORDS = st.lists(
    st.sampled_from(("STEERING", "PANEL", "ON", "Nutrition", "DATA", "Group", "Board", "2025")),
    min_size=1,
    max_size=6,
).map(" ".join)


@given(header=_HEADER_WORDS, mark=_MARKS, gap=st.sampled_from(("  ", "\t", "        ")))
def test_a_page_mark_after_any_header_text_is_never_part_of_the_field(
    header: str, mark: str, gap: str
) -> None:
    doc = gt.loads(
        f"{header}{gap}{mark}\nMinutes of the Panel\nDate: 12 March 2025\n\nDecisions\n"
        "a) UNFPA will host the next training in Q3 2025.\n",
        format="minutes",
    )
    assert doc.meetings[0].organiser == header
    notes = [p for p in doc.problems if p.code == "GT355"]
    assert len(notes) == 1
    assert repr(mark) in notes[0].message


def test_a_fiscal_year_or_meeting_number_is_not_a_page_mark() -> None:
    """Regression: `2024/25` ending a title and `3/2024` ending the organiser after two
    spaces were cut as page marks (GT355); figures that cannot be pages are kept."""
    doc = gt.loads(
        "NATIONAL STEERING PANEL  3/2024\n\nMinutes of the Annual Review  2024/25\n\n"
        "Date: 12 March 2025\n\nDecisions\n\n1. UNFPA will host the next training in Q3 2025.\n",
        format="minutes",
    )
    meeting = doc.meetings[0]
    assert meeting.organiser == "NATIONAL STEERING PANEL  3/2024"
    assert meeting.title == "Minutes of the Annual Review  2024/25"
    assert "GT355" not in [p.code for p in doc.problems]


_NOT_PAGES = st.one_of(
    st.tuples(st.integers(1990, 2039), st.integers(0, 99)).map(lambda n: f"{n[0]}/{n[1]:02}"),
    st.tuples(st.integers(1, 12), st.integers(1990, 2039)).map(lambda n: f"{n[0]}/{n[1]}"),
    st.tuples(st.integers(2, 99), st.integers(1, 99))
    .filter(lambda n: n[0] > n[1])
    .map(lambda n: f"{n[0]}/{n[1]}"),
    st.integers(1990, 2039).map(lambda n: f"- {n} -"),
    st.integers(1000, 9999).map(lambda n: f"- {n} -"),
)


@given(header=_HEADER_WORDS, figures=_NOT_PAGES, gap=st.sampled_from(("  ", "\t")))
def test_figures_that_cannot_be_pages_stay_in_the_field(
    header: str, figures: str, gap: str
) -> None:
    """A year, a meeting's number or a page past the pages after a header's run of spaces
    is no page mark: the line is kept whole and nothing is said of a page."""
    doc = gt.loads(
        f"{header}{gap}{figures}\nMinutes of the Panel\nDate: 12 March 2025\n\nDecisions\n"
        "a) UNFPA will host the next training in Q3 2025.\n",
        format="minutes",
    )
    assert "GT355" not in [p.code for p in doc.problems]
    assert figures in (doc.meetings[0].organiser or "")


# ---------------------------------------------------------------------------
# 3. Deadline phrases that give no date are kept, and the hint's year follows the meeting

_DECEMBER = "Minutes of the 3rd Meeting of the Panel\nDate: 10 December 2024\n\nDecisions\n"


def _deadline_of(sentence: str, head: str = _DECEMBER) -> tuple[gt.Decision, list[gt.Issue]]:
    doc = gt.loads(f"{head}a) {sentence}\n", format="minutes")
    return doc.meetings[0].decisions[0], [p for p in doc.problems if p.code == "GT349"]


def test_a_deadline_with_no_year_and_no_figure_is_kept_and_reported() -> None:
    """`by end of January` once gave due_text '' and only GT103 (`has no deadline`)."""
    decision, problems = _deadline_of("The Health Ministry will name a focal point by end of May.")
    assert (decision.due, decision.due_text) == (None, "end of May")
    assert len(problems) == 1
    assert "(end of May 2025)" in problems[0].message


def test_a_session_as_the_deadline_is_kept_and_reported() -> None:
    for sentence, kept in (
        ("UNFPA will present the costed plan at its 5th session.", "its 5th session"),
        ("The Unit to report by the third meeting.", "the third meeting"),
    ):
        decision, problems = _deadline_of(sentence)
        assert (decision.due, decision.due_text) == (None, kept)
        assert len(problems) == 1
        issues = gt.validate(
            gt.loads(f"{_DECEMBER}a) {sentence}\n", format="minutes"), on=dt.date(2025, 1, 31)
        )
        assert "GT103" not in [issue.code for issue in issues]


def test_the_hint_of_a_year_is_on_or_after_the_meeting() -> None:
    """The hint once proposed 2023 for a meeting in December 2024."""
    for sentence, hint in (
        ("NSO to circulate the survey protocol by 15 January.", "(15 January 2025)"),
        ("The Secretariat will update the work plan before the end of Q2.", "(the end of Q2 2025)"),
        ("The Secretariat will update the work plan by 20 December.", "(20 December 2024)"),
    ):
        _, problems = _deadline_of(sentence)
        assert len(problems) == 1
        assert hint in problems[0].message


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@given(
    meeting=st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)),
    month=st.sampled_from(_MONTHS),
    cue=st.sampled_from(("by", "before", "by the end of", "no later than end of")),
)
def test_a_deadline_with_no_year_is_never_lost_and_its_hint_follows_the_meeting(
    meeting: dt.date, month: str, cue: str
) -> None:
    head = f"Minutes of the Panel\nDate: {meeting:%d %B %Y}\n\nDecisions\n"
    decision, problems = _deadline_of(f"The Unit will publish the plan {cue} {month}.", head)
    assert decision.due is None
    assert decision.due_text.endswith(month)
    assert len(problems) == 1
    written = problems[0].message.split("write one (")[1].split(")")[0]
    assert gt.parse_due(written).end >= meeting


# ---------------------------------------------------------------------------
# 4. A party named in a later clause, after `:` or `;`, when the first names none


def test_a_party_after_a_colon_is_the_responsible() -> None:
    """Only the first clause was once searched: responsible=() and GT102."""
    doc = _read(
        "1. The deadline set by decision c) of the 1st meeting is extended: the World Food "
        "Programme and UNICEF will finalise the data dictionary by 31 July 2025.\n"
        "2. The date of decision e) is moved; NSO will print the forms by 4 August 2025.\n"
    )
    decisions = doc.meetings[0].decisions
    assert [d.responsible for d in decisions] == [
        ("the World Food Programme", "UNICEF"),
        ("NSO",),
    ]
    assert [d.due.text if d.due else "" for d in decisions] == ["31 July 2025", "4 August 2025"]
    issues = gt.validate(doc, on=dt.date(2025, 4, 1))
    assert "GT102" not in [issue.code for issue in issues]


def test_a_noted_clause_gives_no_party_after_its_colon() -> None:
    doc = _read("1. The Panel noted the delay: UNFPA will host the next training in Q3 2025.\n")
    assert doc.meetings[0].decisions[0].responsible == ()


_AMENDMENTS = (
    "The deadline of decision b) is extended",
    "The date set at the 1st meeting is moved",
    "The target of the indicator sheet is revised",
)


@given(
    first=st.sampled_from(_AMENDMENTS),
    party=st.sampled_from(("UNFPA", "The Statistics Office", "the Planning Unit", "WFP")),
    link=st.sampled_from(("will", "shall", "to")),
    separator=st.sampled_from((": ", "; ", " : ")),
)
def test_a_later_clause_names_the_party_when_the_first_names_none(
    first: str, party: str, link: str, separator: str
) -> None:
    doc = _read(f"1. {first}{separator}{party} {link} publish the sheet by 30 June 2025.\n")
    decision = doc.meetings[0].decisions[0]
    assert decision.responsible == (party,)
    assert decision.due is not None
