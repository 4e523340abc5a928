"""Tests of the record-notes (minutes) reader: header fields, agenda, decisions, problems."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import string
import time
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import meeting_report, minutes, progress
from strategies import years

DATA = Path(__file__).parent / "data" / "minutes"
COORDINATION = (DATA / "coordination_meeting.md").read_text(encoding="utf-8")
STEERING = (DATA / "steering_committee.txt").read_text(encoding="utf-8")


def _meeting(text: str, source: str = "") -> gt.Meeting:
    return gt.loads(text, format="minutes", source=source).meetings[0]


def test_header_fields_are_read() -> None:
    """Title, organiser, date, time span, venue, chair and participants come from the header."""
    meeting = _meeting(COORDINATION)
    expected = (
        "Minutes of the Coordination Meeting on the Irrigation Reform Plan",
        "Ministry of Water Resources Planning Wing",
        dt.date(2022, 3, 14),
        "14 March 2022, 10.00-12.30 PM.",
        "Meeting Room 3, Block C, Ministry of Water Resources, Riverside Road, Kampala",
        ("Ms. Zoë Nakato-Ólafsdóttir, Permanent Secretary, Ministry of Water Resources",),
        ("Annex 'B'",),
    )
    actual = (
        meeting.title,
        meeting.organiser,
        meeting.date,
        meeting.when_text,
        meeting.venue,
        meeting.chair,
        meeting.participants,
    )
    assert expected == actual


def test_pm_on_the_end_only_keeps_a_morning_start_when_pm_would_invert_the_span() -> None:
    """'10.00-12.30 PM' runs from 10:00 to 12:30 (10 PM would start after the end)."""
    meeting = _meeting(COORDINATION)
    assert (dt.time(10, 0), dt.time(12, 30)) == (meeting.starts, meeting.ends)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("23 April 2019, 02.00-04.30 PM.", (dt.time(14, 0), dt.time(16, 30))),
        ("5 September 2023, 14:00–16:30", (dt.time(14, 0), dt.time(16, 30))),
        ("1 June 2020, 10 am to 12 pm", (dt.time(10, 0), dt.time(12, 0))),
        ("1 June 2020, 9:30 a.m. - 1:15 p.m.", (dt.time(9, 30), dt.time(13, 15))),
        ("1 June 2020, at 15:00", (dt.time(15, 0), None)),
        ("1 June 2020", (None, None)),
    ],
)
def test_time_spans(when: str, expected: tuple[dt.time | None, dt.time | None]) -> None:
    """Time spans in 12-hour and 24-hour styles give start and end times."""
    meeting = _meeting(f"Minutes\nDate and Time: {when}\nVenue: Hall\n")
    assert expected == (meeting.starts, meeting.ends)


def test_numbered_paragraphs_become_agenda_items() -> None:
    """'- 1.', '4.', '### 3. Heading' and '- **6.**' are agenda items with ref, title and text."""
    meeting = _meeting(COORDINATION)
    expected = [
        ("1", ""),
        ("2", ""),
        ("3", "Briefing by the consultant"),
        ("4", ""),
        ("5", "Decisions"),
        ("6", ""),
    ]
    assert expected == [(item.ref, item.title) for item in meeting.agenda]
    assert "walked the members through" in meeting.agenda[2].text


def test_decisions_with_parties_deadlines_and_deemed_consent() -> None:
    """Each lettered decision has its party, deadline and deemed-consent flag read from prose."""
    meeting = _meeting(COORDINATION)
    expected = [
        ("a)", ("The planning unit",), None, False),
        ("b)", ("Each district office",), gt.parse_due("28 March 2022"), False),
        ("c)", (), gt.parse_due("25 March 2022"), True),
        ("d)", ("The legal unit",), gt.parse_due("April 2022"), False),
        ("e)", (), None, False),
    ]
    actual = [(d.ref, d.responsible, d.due, d.deemed_consent) for d in meeting.decisions]
    assert expected == actual


def test_decision_text_drops_the_list_punctuation() -> None:
    """The trailing ';' of a list entry is not part of the decision's text."""
    meeting = _meeting(COORDINATION)
    expected = "The planning unit will circulate the revised costing tables to all members"
    assert expected == meeting.decisions[0].text


def test_origins_are_source_lines() -> None:
    """The meeting, agenda items and decisions carry the 1-based line they were read from."""
    meeting = _meeting(COORDINATION, source="notes.md")
    expected = (
        gt.Location(file="notes.md", line=3),
        gt.Location(file="notes.md", line=12),
        gt.Location(file="notes.md", line=25),
        gt.Location(file="notes.md", line=30),
    )
    actual = (
        meeting.origin,
        meeting.agenda[0].origin,
        meeting.decisions[0].origin,
        meeting.decisions[4].origin,
    )
    assert expected == actual


def test_second_variant_24_hour_plain_title_and_decisions_heading() -> None:
    """A plain-text title, 24-hour span, odd spacing and an unnumbered 'Decisions' heading."""
    meeting = _meeting(STEERING)
    expected = (
        "RECORD NOTES OF THE STEERING COMMITTEE ON DIGITAL SERVICES",
        dt.date(2023, 9, 5),
        (dt.time(14, 0), dt.time(16, 30)),
        "Online (video conference)",
        ("Mr. Đặng Văn Minh, Director General",),
        ("Heads of the pilot agencies", "representatives of the donor group"),
    )
    actual = (
        meeting.title,
        meeting.date,
        (meeting.starts, meeting.ends),
        meeting.venue,
        meeting.chair,
        meeting.participants,
    )
    assert expected == actual


def test_second_variant_decisions() -> None:
    """'X to do …', 'no later than', deemed consent phrased 'deemed endorsed', 'will meet
    again in the first half of 2024' (a deadline after 'in')."""
    meeting = _meeting(STEERING)
    expected = [
        ("a)", ("The secretariat",), gt.parse_due("30 September 2023"), False),
        ("b)", ("Agencies",), gt.parse_due("15 October 2023"), False),
        ("c)", (), gt.parse_due("20 September 2023"), True),
        ("d)", ("The committee",), gt.parse_due("the first half of 2024"), False),
    ]
    actual = [(d.ref, d.responsible, d.due, d.deemed_consent) for d in meeting.decisions]
    assert expected == actual


def test_decision_without_deadline_is_no_reader_problem() -> None:
    """A decision with no deadline has due None and the reader records no problem for it."""
    doc = gt.loads(
        STEERING.replace("in the first half of 2024", "when the pilots end"), format="minutes"
    )
    assert [] == [problem for problem in doc.problems if "deadline" in problem.message]
    assert "GT103" in {issue.code for issue in gt.validate(doc, on=dt.date(2023, 10, 1))}


def test_crlf_and_bom_read_the_same() -> None:
    """A BOM and CRLF line ends give the same meeting, origins included."""
    plain = gt.loads(COORDINATION, format="minutes")
    windows = minutes.loads("\ufeff" + COORDINATION.replace("\n", "\r\n"))
    assert plain == windows
    assert plain.meetings[0].decisions[1].origin == windows.meetings[0].decisions[1].origin


def test_truncated_text_reads_what_is_there_with_a_problem() -> None:
    """Text cut mid-decision keeps the decisions read so far and reports GT344."""
    cut = STEERING[: STEERING.index("no later than") + 6]
    doc = gt.loads(cut, format="minutes")
    assert ["a)", "b)"] == [d.ref for d in doc.meetings[0].decisions]
    assert ["GT344"] == [problem.code for problem in doc.problems]


def test_unknown_header_field_is_kept() -> None:
    """A header field govtrack has no name for stays in extra, with an info problem."""
    doc = gt.loads(
        "Minutes\nDate: 2 May 2020\nRecorded by: J. Okafor\n\na) X will act.\n", format="minutes"
    )
    assert {"Recorded by": "J. Okafor"} == dict(doc.meetings[0].extra)
    assert ["GT346"] == [problem.code for problem in doc.problems]


def test_missing_letter_and_missing_decisions_are_reported() -> None:
    """A skipped letter is GT347; no decisions at all is GT343."""
    skipped = gt.loads(
        "Minutes\nVenue: Hall\n\nDecisions\na) A will go.\nc) B will stay.\n", format="minutes"
    )
    none = gt.loads("Minutes\nVenue: Hall\n\n1. Nothing was decided.\n", format="minutes")
    assert (["GT347"], ["GT343"]) == (
        [p.code for p in skipped.problems],
        [p.code for p in none.problems],
    )


def test_unreadable_date_is_kept_as_text() -> None:
    """A date that cannot be read stays in when_text and is GT341."""
    doc = gt.loads(
        "Minutes\nDate and Time: the first Monday\nVenue: Hall\n\na) A will go.\n", format="minutes"
    )
    assert ("the first Monday", None) == (doc.meetings[0].when_text, doc.meetings[0].date)
    assert ["GT341"] == [problem.code for problem in doc.problems]


def test_not_minutes_is_a_format_error() -> None:
    """A text with no header field and no minutes title raises FormatError."""
    with pytest.raises(gt.FormatError, match="expected record notes of a meeting"):
        gt.loads("A shopping list\n\n- apples\n- pears\n", format="minutes")


def test_sniff_claims_only_record_notes() -> None:
    """sniff scores record notes above 0 and the other shapes at 0."""
    export = ": Pakistan\n: 2020\nRecommendation: Do more\nManagement Response Category: Accepted\n"
    pipes = "|\nResponsible |\nDeadline |\nStatus |\n"
    scores = [minutes.sniff(text) for text in (COORDINATION, STEERING, export, pipes)]
    assert scores[0] > 0.5
    assert scores[1] > 0.5
    assert [0.0, 0.0] == scores[2:]


def test_other_readers_do_not_claim_minutes() -> None:
    """The meeting-report and progress-report sniffers give record notes 0."""
    assert [0.0, 0.0, 0.0, 0.0] == [
        meeting_report.sniff(COORDINATION),
        meeting_report.sniff(STEERING),
        progress.sniff(COORDINATION),
        progress.sniff(STEERING),
    ]


def test_seed_record_notes(seeds: Path) -> None:
    """Seed 000: 6 decisions, one deemed-consent rule due 2019-05-02, b) due 2019-05-05."""
    text = (seeds / "000_f49c7ecb84d08990.txt").read_text(encoding="utf-8")
    doc = gt.loads(text, source="000.txt")
    meeting = doc.meetings[0]
    rules = [d for d in meeting.decisions if d.deemed_consent]
    expected = (6, 1, dt.date(2019, 5, 2), dt.date(2019, 5, 5), dt.date(2019, 4, 23))
    actual = (
        len(meeting.decisions),
        len(rules),
        rules[0].due.end if rules[0].due else None,
        meeting.decisions[1].due.end if meeting.decisions[1].due else None,
        meeting.date,
    )
    assert expected == actual
    assert ("Cabinet Division",) == meeting.decisions[0].responsible
    assert ("Each ministry",) == meeting.decisions[1].responsible


_ALPHABET = st.sampled_from(
    [
        *list("abcXYZ019 \t\n\xa0:.-–)(#*•;,/"),
        "Date and Time:",
        "Venue:",
        "Chairperson:",
        "Minutes",
        "a) ",
        "(ii) ",
        "iv. ",
        "(xxi) ",
        "h) ",
        "(i) ",
        "- 1. ",
        "### 3. ",
        " by ",
        "PM",
        " am ",
        "deemed",
        "\r\n",
        "\ufeff",
        " will ",
        "12.30",
        "Decisions",
    ]
)


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_arbitrary_text_raises_only_govtrack_errors(text: str) -> None:
    """loads on any text returns a Document or raises a GovtrackError, nothing else."""
    try:
        doc = minutes.loads(text)
    except gt.GovtrackError:
        return
    assert 1 == len(doc.meetings)


@given(st.text(max_size=300))
def test_arbitrary_unicode_raises_only_govtrack_errors(text: str) -> None:
    """loads and sniff on any unicode text raise nothing but GovtrackError."""
    minutes.sniff(text)
    with contextlib.suppress(gt.GovtrackError):
        minutes.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "Minutes\nDate and Time: " + "1" * 5000 + "\n",
        "Minutes\nVenue: " + " " * 20000 + "x\n",
        "Minutes\nDate and Time: " + "1 - " * 3000 + "\n",
        "Minutes\n" + "a) will by " * 3000 + "\n",
        "Minutes\nDate: 1\n" + "\t" * 20000 + ":\n",
    ],
)
def test_pathological_text_is_fast(text: str) -> None:
    """Long runs of digits, spaces and cues are read in well under a second (no backtracking)."""
    started = time.perf_counter()
    with contextlib.suppress(gt.GovtrackError):
        minutes.loads(text)
    assert time.perf_counter() - started < 1.0


def test_a_deadline_that_cannot_be_read_is_kept_and_reported() -> None:
    """ "by 2011/12" (December 2011, or the years 2011–2012): kept in due_text, GT349 says why."""
    text = (
        "Record Notes of the Budget Review\n\n"
        "Date and Time: 12 March 2011, 10:00\nVenue: Main hall\nChairperson: The Secretary\n\n"
        "1. Decisions\n"
        "a) The unit will publish the plan by 2011/12.\n"
        "b) Each district will send comments by 05 May 2011.\n"
    )
    doc = gt.loads(text, format="minutes")
    first, second = doc.meetings[0].decisions
    assert (first.due, first.due_text) == (None, "2011/12")
    assert second.due == gt.parse_due("05 May 2011")
    [problem] = [issue for issue in doc.problems if issue.code == "GT349"]
    assert str(problem.location) == "line 8"
    assert "Dec 2011 or as the years 2011–2012" in problem.message


# ---------------------------------------------------------------------------
# Decisions numbered in Roman numerals

_ROMAN_NOTES = """Record Notes of the Quarterly Staffing Review

Date and Time: 12 February 2024, 09.00-11.00 AM
Venue: Meeting Room 1

1. The chair opened the review.

Decisions:
{first} HR will hire two field clerks by 15 March 2024.
{second} Finance will pay the pending allowances by 30 April 2024.
{third} The logistics officer shall renew the vehicle insurance by June 2024.
"""


@pytest.mark.parametrize(
    "forms", [("(i)", "(ii)", "(iii)"), ("i)", "ii)", "iii)"), ("i.", "ii.", "iii.")]
)
def test_roman_numbered_decisions_are_split(forms: tuple[str, str, str]) -> None:
    """Regression: `(i)`/`(ii)`/`(iii)` lines were merged into one decision `i)` with one deadline."""
    first, second, third = forms
    doc = gt.loads(_ROMAN_NOTES.format(first=first, second=second, third=third), format="minutes")
    expected = [
        ("i)", ("HR",), gt.parse_due("15 March 2024"), 9),
        ("ii)", ("Finance",), gt.parse_due("30 April 2024"), 10),
        ("iii)", ("The logistics officer",), gt.parse_due("June 2024"), 11),
    ]
    actual = [
        (d.ref, d.responsible, d.due, d.origin.line if d.origin else None)
        for d in doc.meetings[0].decisions
    ]
    assert expected == actual
    assert () == doc.problems


def test_i_after_h_is_a_letter_and_v_after_iv_a_numeral() -> None:
    """The sequence decides: `(i)` after `(h)` is the letter i, `(v)` after `(iv)` the numeral 5."""
    letters = "\n".join(f"({c}) Unit {c.upper()} will report by 1 May 2024." for c in "abcdefghij")
    numerals = "\n".join(
        f"({n}) Unit {n} will report." for n in ("i", "ii", "iii", "iv", "v", "vi")
    )
    lettered = gt.loads(f"Minutes\nVenue: Hall\n\nDecisions:\n{letters}\n", format="minutes")
    numbered = gt.loads(f"Minutes\nVenue: Hall\n\nDecisions:\n{numerals}\n", format="minutes")
    assert [f"{c})" for c in "abcdefghij"] == [d.ref for d in lettered.meetings[0].decisions]
    assert ["i)", "ii)", "iii)", "iv)", "v)", "vi)"] == [
        d.ref for d in numbered.meetings[0].decisions
    ]
    assert ((), ()) == (lettered.problems, numbered.problems)


def test_a_skipped_numeral_is_reported() -> None:
    """`(i)` then `(iii)`: GT347 names the numeral, as it names a skipped letter."""
    doc = gt.loads(
        "Minutes\nVenue: Hall\n\nDecisions\n(i) A will go.\n(iii) B will stay.\n",
        format="minutes",
    )
    expected = [("GT347", "line 6", "decision iii) follows i): a numeral is missing or repeated")]
    assert expected == [(p.code, str(p.location), p.message) for p in doc.problems]


def test_list_items_the_reader_cannot_split_are_reported() -> None:
    """`(xxi)` on its own line, or `(ii)` inside the line of `(i)`, stay in the text with GT350."""
    text = (
        "Minutes\nVenue: Hall\n\nDecisions:\n"
        "(i) HR will hire a clerk by 15 March 2024. (ii) Finance will pay by 30 April 2024.\n"
        "(iii) The unit will act by 1 May 2024.\n"
        "(xxi) Legal will review the contracts.\n"
    )
    doc = gt.loads(text, format="minutes")
    decisions = doc.meetings[0].decisions
    assert ["i)", "iii)"] == [d.ref for d in decisions]
    assert "(ii) Finance will pay by 30 April 2024." in decisions[0].text
    assert decisions[1].text.endswith("(xxi) Legal will review the contracts.")
    expected = [("GT350", "line 7"), ("GT350", "line 5"), ("GT347", "line 6")]
    assert expected == [(p.code, str(p.location)) for p in doc.problems]


_NUMERALS = (
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
)
_PARTIES = ("HR", "Finance", "The secretariat", "Each district office", "The legal unit")
_MONTHS = ("January", "March", "April", "June", "September", "December")


@st.composite
def _decision_lines(
    draw: st.DrawFn,
) -> tuple[str, list[tuple[str, tuple[str, ...], gt.Due | None]]]:
    """Record notes with a list of decisions numbered in letters or Roman numerals.

    There is no minutes writer: the notes are rendered here, one decision a line, in
    the forms the reader documents (`(x)`, `x)`, and `x.` for numerals only).
    """
    numerals = draw(st.booleans())
    size = draw(st.integers(1, 20 if numerals else 12))
    tokens = _NUMERALS[:size] if numerals else [chr(ord("a") + i) for i in range(size)]
    forms = ["({})", "{})", "{}."] if numerals else ["({})", "{})"]
    lines = []
    expected: list[tuple[str, tuple[str, ...], gt.Due | None]] = []
    for token in tokens:
        party = draw(st.sampled_from(_PARTIES))
        due = None
        sentence = f"{party} will send the report"
        if draw(st.booleans()):
            when = f"{draw(st.integers(1, 28))} {draw(st.sampled_from(_MONTHS))} {draw(years)}"
            due = gt.parse_due(when)
            sentence += f" by {when}"
        bullet = draw(st.sampled_from(["", "- "]))
        lines.append(f"{bullet}{draw(st.sampled_from(forms)).format(token)} {sentence}.")
        expected.append((f"{token})", (party,), due))
    notes = "Minutes of the Review\nVenue: Hall\n\nDecisions:\n" + "\n".join(lines) + "\n"
    return notes, expected


@given(_decision_lines())
def test_numbered_and_lettered_decisions_read_back(
    case: tuple[str, list[tuple[str, tuple[str, ...], gt.Due | None]]],
) -> None:
    """Every decision of a lettered or Roman-numbered list is read apart, with party and due."""
    notes, expected = case
    doc = gt.loads(notes, format="minutes")
    assert expected == [(d.ref, d.responsible, d.due) for d in doc.meetings[0].decisions]
    assert () == doc.problems


# ---------------------------------------------------------------------------
# Lines inside a decision that only look like list items

_ACRONYM_NOTES = (
    "Minutes of the Review\nVenue: Hall\n\nDecisions:\n"
    "a) The ministry will draft the terms of reference by 1 May 2024.\n"
    "{line}\n"
    "b) The board approved the budget.\n"
)


def test_a_parenthesised_acronym_starting_a_line_is_no_list_item() -> None:
    """Regression: `(MoFEP) will lead …` inside a decision gave GT350 as if `(MoFEP)` were an item."""
    doc = gt.loads(_ACRONYM_NOTES.format(line="(MoFEP) will lead the review."), format="minutes")
    first = doc.meetings[0].decisions[0]
    expected = "The ministry will draft the terms of reference by 1 May 2024. (MoFEP) will lead"
    assert (expected + " the review.", ()) == (first.text, doc.problems)


@pytest.mark.parametrize(
    "marker", ["(I)", "(IV)", "(xxi)", "(1)", "12)", "C)", "(B)", "(2a)", "3b)", "(A1)"]
)
def test_list_item_shapes_inside_a_decision_are_still_reported(marker: str) -> None:
    """A letter, a number or a Roman numeral in any case still starts an item: GT350; so
    do a number and a letter together (`(2a)`, `(A1)`: a regression once merged silently)."""
    doc = gt.loads(_ACRONYM_NOTES.format(line=f"{marker} Legal will review it."), format="minutes")
    assert [("GT350", "line 6")] == [(p.code, str(p.location)) for p in doc.problems]


_ROMAN_NUMERAL = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_acronyms = st.text(st.sampled_from(string.ascii_letters), min_size=2, max_size=8).filter(
    lambda word: sum(c.isupper() for c in word) >= 2 and not _ROMAN_NUMERAL.fullmatch(word.upper())
)


@given(
    _acronyms,
    st.sampled_from(["", "  ", "\t", "- ", "**"]),
    st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85"
                          "\u2028\u2029"), max_size=40),
)  # fmt: skip
def test_a_parenthesised_word_of_capitals_never_gives_gt350(
    word: str, prefix: str, rest: str
) -> None:
    """A line starting with `(WORD)`, two capitals or more and no Roman numeral, is no item."""
    line = f"{prefix}({word}) {rest}"
    doc = gt.loads(_ACRONYM_NOTES.format(line=line), format="minutes")
    assert "GT350" not in [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# Sub-lists: the items of a decision that ends with a colon

_SUB_LIST_NOTES = """Minutes of the Board
Venue: Hall

Decisions:
a) The Board noted the annual report.
b) The Board requested the Secretariat to:
   i) prepare a costed plan by 2024/03;
   ii) report progress at the next session.
c) The Board approved the budget.
"""


def _decisions(text: str) -> list[tuple[str, str, gt.Due | None]]:
    return [(d.ref, d.text, d.due) for d in gt.loads(text, format="minutes").meetings[0].decisions]


def test_a_roman_sub_list_under_a_lettered_decision_stays_in_it() -> None:
    """Regression: `i)`, `ii)` under `b) … to:` were decisions of their own, and `c)` gave GT347."""
    doc = gt.loads(_SUB_LIST_NOTES, format="minutes")
    expected = [
        ("a)", "The Board noted the annual report.", None),
        (
            "b)",
            (
                "The Board requested the Secretariat to:\n"
                "i) prepare a costed plan by 2024/03;\n"
                "ii) report progress at the next session."
            ),
            gt.parse_due("2024/03"),
        ),
        ("c)", "The Board approved the budget.", None),
    ]
    assert expected == [(d.ref, d.text, d.due) for d in doc.meetings[0].decisions]
    # The item's own deadline, the next session, is not the decision's (the first item's).
    assert [("GT352", "line 8")] == [(p.code, str(p.location)) for p in doc.problems]


@pytest.mark.parametrize(
    ("first", "second"),
    [("(i)", "(ii)"), ("i.", "ii."), ("- i)", "- ii)"), ("-", "-"), ("•", "•"), ("(1)", "(2)")],
)
@pytest.mark.parametrize("indent", ["", "    ", "\t"])
def test_sub_list_forms_flat_or_indented(first: str, second: str, indent: str) -> None:
    """Roman numerals in any form, bullets and numbers in brackets, indented or not, stay in."""
    text = (
        "Minutes of the Board\nVenue: Hall\n\nDecisions:\n"
        "- a) The Board agreed as follows:\n"
        f"{indent}{first} the unit will hire two clerks by 15 March 2024;\n"
        f"{indent}{second} the unit will train them.\n"
        "- b) The Board approved the budget.\n"
    )
    expected = [
        (
            "a)",
            (
                f"The Board agreed as follows:\n{first} the unit will hire two clerks by 15 March "
                f"2024;\n{second} the unit will train them."
            ),
            gt.parse_due("15 March 2024"),
        ),
        ("b)", "The Board approved the budget.", None),
    ]
    doc = gt.loads(text, format="minutes")
    assert expected == [(d.ref, d.text, d.due) for d in doc.meetings[0].decisions]
    assert () == doc.problems


def test_a_sub_list_may_have_blank_lines_and_wrapped_items() -> None:
    """Blank lines around a sub-list's items and an item wrapped on two lines keep it whole."""
    text = (
        "Minutes of the Board\nVenue: Hall\n\nDecisions:\n"
        "a) The Board requested the Secretariat to:\n\n"
        "   i) prepare a costed plan, with the partners,\n"
        "      by 30 June 2024;\n\n"
        "   ii) report at the next session.\n\n"
        "b) The Board approved the budget.\n"
    )
    expected = [
        (
            "a)",
            (
                "The Board requested the Secretariat to:\n"
                "i) prepare a costed plan, with the partners, by 30 June 2024;\n"
                "ii) report at the next session."
            ),
            gt.parse_due("30 June 2024"),
        ),
        ("b)", "The Board approved the budget.", None),
    ]
    assert expected == _decisions(text)


def test_a_decision_without_a_colon_has_no_sub_list() -> None:
    """`i)` after a decision that does not end with a colon is still a decision (and GT347;
    GT349 for the deadline of `ii)`, the next session, that has no date)."""
    text = _SUB_LIST_NOTES.replace("Secretariat to:", "Secretariat to act.")
    doc = gt.loads(text, format="minutes")
    assert ["a)", "b)", "i)", "ii)", "c)"] == [d.ref for d in doc.meetings[0].decisions]
    assert ["GT349", "GT347"] == [p.code for p in doc.problems]


def test_a_roman_numbered_list_keeps_its_numerals_as_decisions() -> None:
    """In a list numbered in Roman numerals, `(ii)` after `(i) … as follows:` is a decision;
    bullets under `(i)` are its sub-list."""
    text = (
        "Minutes of the Board\nVenue: Hall\n\nDecisions:\n"
        "(i) The Board agreed as follows:\n"
        "- the unit will hire two clerks by 15 March 2024;\n"
        "- the unit will train them.\n"
        "(ii) The Board approved the budget.\n"
    )
    expected = [
        (
            "i)",
            (
                "The Board agreed as follows:\n- the unit will hire two clerks by 15 March 2024;\n"
                "- the unit will train them."
            ),
            gt.parse_due("15 March 2024"),
        ),
        ("ii)", "The Board approved the budget.", None),
    ]
    doc = gt.loads(text, format="minutes")
    assert expected == [(d.ref, d.text, d.due) for d in doc.meetings[0].decisions]
    assert () == doc.problems


_AFTER_H = "Minutes\nVenue: Hall\n\nDecisions:\n{letters}h) The Board asked the unit to:\n{rest}"
_LETTERS = "".join(f"{c}) Unit {c.upper()} will report.\n" for c in "abcdefg")


@pytest.mark.parametrize(
    ("rest", "refs", "h_text"),
    [
        (  # i) followed by ii): a sub-list, then the letter i)
            "i) hire a clerk;\nii) train the clerk.\ni) HR will pay.\nj) IT will help.\n",
            "abcdefghij",
            "The Board asked the unit to:\ni) hire a clerk;\nii) train the clerk.",
        ),
        (  # i) followed by j): the letter i)
            "i) HR will pay.\nj) IT will help.\n",
            "abcdefghij",
            "The Board asked the unit to:",
        ),
        (  # i) indented deeper than h): a sub-list of one item
            "    i) hire a clerk.\ni) HR will pay.\n",
            "abcdefghi",
            "The Board asked the unit to:\ni) hire a clerk.",
        ),
    ],
)
def test_i_after_a_colon_ending_h_is_a_numeral_only_when_the_list_says_so(
    rest: str, refs: str, h_text: str
) -> None:
    """`i)` under `h) … to:` is a sub-item when `ii)` follows it or it is indented deeper."""
    doc = gt.loads(_AFTER_H.format(letters=_LETTERS, rest=rest), format="minutes")
    decisions = doc.meetings[0].decisions
    assert [f"{c})" for c in refs] == [d.ref for d in decisions]
    assert h_text == decisions[7].text
    assert () == doc.problems


def test_the_first_deadline_of_a_decision_and_its_sub_list_is_its_due() -> None:
    """The decision's own deadline comes first; else the first sub-item's; an unreadable
    one in a sub-item is kept and reported (GT349) at the decision's line; a later item's
    own deadline stays in the text and is reported (GT352) at the item's line, never dropped."""
    text = (
        "Minutes\nVenue: Hall\n\nDecisions:\n"
        "a) By 1 May 2024 the Secretariat will:\ni) hire a clerk by 1 June 2024;\n"
        "ii) train the clerk.\n"
        "b) The Secretariat will:\ni) train the clerk;\nii) hire a clerk by 1 June 2024;\n"
        "iii) pay the clerk by 1 July 2024.\n"
        "c) The unit will:\ni) publish the plan by 2011/12.\n"
    )
    doc = gt.loads(text, format="minutes")
    first, second, third = doc.meetings[0].decisions
    assert [gt.parse_due("1 May 2024"), gt.parse_due("1 June 2024"), None] == [
        first.due,
        second.due,
        third.due,
    ]
    expected = [("GT352", "line 6"), ("GT352", "line 11"), ("GT349", "line 12")]  # the items' lines
    assert ("2011/12", expected) == (
        third.due_text,
        [(p.code, str(p.location)) for p in doc.problems],
    )


@st.composite
def _sub_listed_decisions(
    draw: st.DrawFn,
) -> tuple[str, list[tuple[str, str, tuple[str, ...], gt.Due | None]]]:
    """Record notes of lettered decisions, some ending with a colon over an indented sub-list
    of Roman numerals or bullets, with the decisions the reader should give."""
    size = draw(st.integers(1, 12))
    lines = []
    expected: list[tuple[str, str, tuple[str, ...], gt.Due | None]] = []

    def deadline() -> tuple[str, gt.Due | None]:
        if not draw(st.booleans()):
            return "", None
        when = f"{draw(st.integers(1, 28))} {draw(st.sampled_from(_MONTHS))} {draw(years)}"
        return f" by {when}", gt.parse_due(when)

    for letter in (chr(ord("a") + i) for i in range(size)):
        party = draw(st.sampled_from(_PARTIES))
        bullet = draw(st.sampled_from(["", "- "]))
        by, due = deadline()
        if not draw(st.booleans()):
            lines.append(f"{bullet}{letter}) {party} will send the report{by}.")
            expected.append((f"{letter})", f"{party} will send the report{by}.", (party,), due))
            continue
        head = f"{party} will take these steps{by}:"
        lines.append(f"{bullet}{letter}) {head}")
        parts = [head]
        count = draw(st.integers(1, 5))
        roman = draw(st.booleans())
        indent = draw(st.sampled_from(["  ", "   ", "    ", "\t"]))
        for number in range(count):
            form = draw(st.sampled_from(["({})", "{})", "{}.", "- {})"])) if roman else "-"
            mark = form.format(_NUMERALS[number]) if roman else draw(st.sampled_from("-•"))
            by, sub_due = deadline()
            item = f"{mark} draft part {number + 1}{by}{';' if number < count - 1 else '.'}"
            if draw(st.booleans()):
                lines.append("")
            lines.append(indent + item)
            parts.append(item)
            due = due or sub_due
        expected.append((f"{letter})", "\n".join(parts), (party,), due))
    notes = "Minutes of the Review\nVenue: Hall\n\nDecisions:\n" + "\n".join(lines) + "\n"
    return notes, expected


@given(_sub_listed_decisions())
def test_sub_lists_stay_in_their_decisions(
    case: tuple[str, list[tuple[str, str, tuple[str, ...], gt.Due | None]]],
) -> None:
    """A lettered list read with sub-lists: the same decisions, each sub-item on a line of its
    decision's text, the first deadline the due, no letter reported missing; a later
    sub-item's own deadline is reported (GT352) as staying in the text, never dropped."""
    notes, expected = case
    doc = gt.loads(notes, format="minutes")
    decisions = doc.meetings[0].decisions
    assert expected == [(d.ref, d.text, d.responsible, d.due) for d in decisions]
    written = [
        (d, line.rsplit(" by ", 1)[1].rstrip(".;"))
        for d in decisions
        for line in d.text.split("\n")[1:]
        if " by " in line
    ]
    others = {(d.ref, due) for d, due in written if d.due is None or due != d.due.text}
    reported = {(p.message.split(":")[0].split()[1], p.message.split("'")[3]) for p in doc.problems}
    assert {"GT352"} >= {p.code for p in doc.problems}
    assert others == reported


def test_a_numeral_past_xx_under_a_numbered_decision_is_still_reported() -> None:
    """`(xxi)` under `(xx) … as follows:` is the list's next item, not a sub-item: GT350."""
    numerals = "\n".join(f"({n}) Unit {n} will report." for n in _NUMERALS[:19])
    text = (
        f"Minutes\nVenue: Hall\n\nDecisions:\n{numerals}\n(xx) The Board agreed as follows:\n"
        "- the unit will hire a clerk;\n(xxi) Legal will review the contracts.\n"
    )
    doc = gt.loads(text, format="minutes")
    last = doc.meetings[0].decisions[-1]
    assert ("xx)", [("GT350", "line 26")]) == (
        last.ref,
        [(p.code, str(p.location)) for p in doc.problems],
    )
    assert last.text.endswith(
        "\n- the unit will hire a clerk; (xxi) Legal will review the contracts."
    )


# ---------------------------------------------------------------------------
# All-numeric days: read only when one order is possible or dayfirst= says which

_NUMERIC_NOTES = """Record Notes of the Procurement Review

Date and Time: {when}, 10:00
Venue: Meeting Room 2

Decisions:
a) The procurement unit will publish the tender by {due};
b) Each district will send its list by 31/03/2024.
"""


def test_an_ambiguous_numeric_deadline_is_kept_and_reported() -> None:
    """Regression: `by 03/04/2023` was read as 3 April, `by 1/6/2023` as 1 June, unreported."""
    for due in ("03/04/2023", "1/6/2023"):
        doc = gt.loads(_NUMERIC_NOTES.format(when="12 March 2023", due=due), format="minutes")
        first, second = doc.meetings[0].decisions
        assert (None, due) == (first.due, first.due_text)
        assert dt.date(2024, 3, 31) == (second.due.start if second.due else None)
        [problem] = [issue for issue in doc.problems if issue.code == "GT349"]
        assert ("line 7", True) == (
            str(problem.location),
            "pass dayfirst= to choose" in problem.message,
        )
        assert [] == [
            issue for issue in gt.validate(doc, on=dt.date(2023, 1, 1)) if issue.code == "GT104"
        ]


def test_dayfirst_reads_a_numeric_deadline_and_meeting_date() -> None:
    """dayfirst=True reads 03/04/2023 as 3 April, dayfirst=False as March 4, with no problem."""
    text = _NUMERIC_NOTES.format(when="05/06/2023", due="03/04/2023")
    for dayfirst, day, date in (
        (True, dt.date(2023, 4, 3), dt.date(2023, 6, 5)),
        (False, dt.date(2023, 3, 4), dt.date(2023, 5, 6)),
    ):
        doc = gt.loads(text, format="minutes", dayfirst=dayfirst)
        meeting = doc.meetings[0]
        first = meeting.decisions[0]
        assert (day, "", date) == (
            first.due.start if first.due else None,
            first.due_text,
            meeting.date,
        )
        assert [] == [issue.code for issue in doc.problems if issue.code in {"GT341", "GT349"}]


def test_an_ambiguous_meeting_date_is_kept_and_says_why() -> None:
    """Regression: `Date and Time: 05/06/2023` was read as 5 June; now GT341 names both days."""
    doc = gt.loads(_NUMERIC_NOTES.format(when="05/06/2023", due="30 June 2023"), format="minutes")
    meeting = doc.meetings[0]
    assert (None, "05/06/2023, 10:00") == (meeting.date, meeting.when_text)
    [problem] = [issue for issue in doc.problems if issue.code == "GT341"]
    assert "2023-06-05 (day first) or 2023-05-06 (month first)" in problem.message


def test_a_day_that_reads_one_way_only_is_read_without_dayfirst() -> None:
    """31/03/2024 and 13/04/2023 can only be day first: read with no problem."""
    doc = gt.loads(_NUMERIC_NOTES.format(when="13/04/2023", due="30/04/2023"), format="minutes")
    meeting = doc.meetings[0]
    assert (dt.date(2023, 4, 13), dt.date(2023, 4, 30)) == (
        meeting.date,
        meeting.decisions[0].due.start if meeting.decisions[0].due else None,
    )
    assert [] == [issue.code for issue in doc.problems if issue.code in {"GT341", "GT349"}]


@given(st.integers(1, 12), st.integers(1, 12))
def test_a_numeric_day_that_reads_two_ways_needs_dayfirst(day: int, month: int) -> None:
    """`by DD/MM/2023` with both parts at most 12 and different: no due and GT349 without
    dayfirst; day DD with dayfirst=True; and month DD with dayfirst=False."""
    assume(day != month)
    text = _NUMERIC_NOTES.format(when="2 January 2023", due=f"{day:02}/{month:02}/2023")
    doc = gt.loads(text, format="minutes")
    first = doc.meetings[0].decisions[0]
    assert (None, f"{day:02}/{month:02}/2023") == (first.due, first.due_text)
    assert ["GT349"] == [
        issue.code for issue in doc.problems if issue.location and issue.location.line == 7
    ]
    read = gt.loads(text, format="minutes", dayfirst=True).meetings[0].decisions[0]
    assert dt.date(2023, month, day) == (read.due.start if read.due else None)
    other = gt.loads(text, format="minutes", dayfirst=False).meetings[0].decisions[0]
    assert dt.date(2023, day, month) == (other.due.start if other.due else None)


def test_parties_named_in_brackets_are_split_at_semicolons() -> None:
    """Regression: `(responsible: HR Unit; Finance Unit)` gave the party `HR Unit` alone;
    a comma does not split (`UNICEF, UNFPA and UN Women` is one party), nor does a `;`
    that may end the clause outside brackets."""
    text = (
        "Minutes of the Board\nVenue: Room 4\n\nDecisions:\n"
        "a) Draft the hiring plan (responsible: HR Unit; Finance Unit) by May 2023;\n"
        "b) Cost the plan (lead: UNICEF, UNFPA and UN Women);\n"
        "c) Publish the plan. Lead: Communications Unit; the Board will review it.\n"
    )
    decisions = gt.loads(text, format="minutes").meetings[0].decisions
    expected = [
        ("HR Unit", "Finance Unit"),
        ("UNICEF, UNFPA and UN Women",),
        ("Communications Unit",),
    ]
    assert expected == [decision.responsible for decision in decisions]
