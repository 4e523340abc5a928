"""Tests of the minutes reader's bulleted and numbered lists of decisions, the parties and
deadlines read from common phrasings, and the rule that no line under a decisions heading
vanishes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import bullet_marks, number_forms, years

_STEERING = """Minutes of the 9th Steering Group meeting
Date: 11 March 2025

1. Opening
The chair welcomed the members.

2. Decisions
- It was agreed that the Data Unit would publish the revised dashboard by 28 April 2025.
- HR and M&E to check the stock figures within 7 days.
- The group decided that the secretariat shall organise a field visit before end of June 2025.
- District teams to send their plans:
  i) Lakeside district by 14 April 2025
  ii) Hill district by 25 April 2025
"""


def _read(text: str) -> tuple[list[tuple[str, tuple[str, ...], gt.Due | None, str]], list[str]]:
    doc = gt.loads(text, format="minutes")
    decisions = [(d.ref, d.responsible, d.due, d.text) for d in doc.meetings[0].decisions]
    return decisions, [f"{p.code} {p.location}" for p in doc.problems]


def test_bulleted_decisions_with_a_roman_sub_list_are_all_read() -> None:
    """Regression: the four bulleted decisions were dropped unreported and the sub-list's
    two items read as the only decisions."""
    decisions, problems = _read(_STEERING)
    expected = [
        (
            "",
            ("the Data Unit",),
            gt.parse_due("28 April 2025"),
            "It was agreed that the Data Unit would publish the revised dashboard by 28 April 2025.",
        ),
        (
            "",
            ("HR", "M&E"),
            gt.Due.day(dt.date(2025, 3, 18), text="within 7 days"),
            "HR and M&E to check the stock figures within 7 days.",
        ),
        (
            "",
            ("the secretariat",),
            gt.parse_due("end of June 2025"),
            (
                "The group decided that the secretariat shall organise a field visit before end "
                "of June 2025."
            ),
        ),
        (
            "",
            ("District teams",),
            gt.parse_due("14 April 2025"),
            (
                "District teams to send their plans:\ni) Lakeside district by 14 April 2025\n"
                "ii) Hill district by 25 April 2025"
            ),
        ),
    ]
    assert expected == decisions
    assert ["GT352 line 13", "GT344 line 13"] == problems  # ii)'s own deadline, at its line


def test_bulleted_decisions_without_a_sub_list_are_no_gt343() -> None:
    """Regression: with no sub-list, the bullets gave no decision and GT343."""
    text = _STEERING.split("  i)", maxsplit=1)[0].replace("their plans:", "their plans.")
    decisions, problems = _read(text)
    assert (4, []) == (len(decisions), problems)


@pytest.mark.parametrize("form", ["{}.", "{})", "({})"])
def test_numbered_decisions_are_read_with_their_numbers(form: str) -> None:
    """`1.`, `1)` and `(1)` lists under a decisions heading: refs `1)`, `2)`, `3)`."""
    items = [
        "The Data Unit will publish the dashboard by 28 April 2025.",
        "Logistics to check the stock figures.",
        "HR will recruit two drivers.",
    ]
    lines = "\n".join(f"{form.format(n)} {item}" for n, item in enumerate(items, 1))
    text = f"Minutes of the Review\nVenue: Hall\n\n1. Opening remarks.\n\n2. Decisions\n{lines}\n"
    decisions, problems = _read(text)
    assert ["1)", "2)", "3)"] == [ref for ref, *_ in decisions]
    assert [("The Data Unit",), ("Logistics",), ("HR",)] == [d[1] for d in decisions]
    assert [] == problems


@pytest.mark.parametrize(
    "heading",
    [
        "Decisions",
        "## Action points",
        "Agreed actions:",
        "**Decisions**",
        "3. Decisions taken",
        "The decisions were as follows:",
    ],
)
def test_the_headings_that_open_a_bulleted_list(heading: str) -> None:
    """A heading, a numbered title or a line that ends with `:` naming decisions opens one."""
    text = (
        "Minutes of the Review\nVenue: Hall\n\n"
        f"{heading}\n- HR to recruit two drivers.\n- Finance to pay the suppliers.\n"
    )
    decisions, problems = _read(text)
    assert ([("HR",), ("Finance",)], []) == ([d[1] for d in decisions], problems)


def test_bullets_outside_a_decisions_heading_stay_meeting_text() -> None:
    """Bullets under an agenda item that does not announce decisions are not guessed to be."""
    text = (
        "Minutes of the Review\nVenue: Hall\n\n1. Updates\n"
        "- HR reported two vacancies.\n- Finance presented the figures.\n"
    )
    doc = gt.loads(text, format="minutes")
    assert () == doc.meetings[0].decisions
    assert "• HR reported two vacancies." in doc.meetings[0].agenda[0].text
    assert ["GT343"] == [p.code for p in doc.problems]


def test_a_paragraph_after_the_list_is_kept_and_reported() -> None:
    """A line under the heading after the decisions, in none of them, is GT351, never lost."""
    text = (
        "Minutes of the Review\nVenue: Hall\n\nDecisions\n"
        "- HR to recruit two drivers.\n\n"
        "The committee decided that Finance shall pay the suppliers.\n"
        "(A) Legal to review the lease.\n"
    )
    doc = gt.loads(text, format="minutes")
    assert ["HR to recruit two drivers."] == [d.text for d in doc.meetings[0].decisions]
    assert [("GT351", "line 7"), ("GT351", "line 8")] == [
        (p.code, str(p.location)) for p in doc.problems
    ]
    assert "Finance shall pay the suppliers." in doc.meetings[0].agenda[0].text


def test_a_lettered_list_under_a_heading_reports_a_stray_paragraph() -> None:
    """The rule holds for a lettered list too: a paragraph after it under the heading is GT351."""
    text = "Minutes\nVenue: Hall\n\nDecisions:\na) HR will hire.\n\nFinance will pay.\n"
    assert ["GT351 line 7"] == _read(text)[1]


def test_a_numbered_title_that_is_the_agendas_next_item_ends_the_list() -> None:
    """`3. Any other business` after decisions `1.`, `2.` under `2. Decisions` is agenda item 3,
    reported since it could also be decision 3)."""
    text = (
        "Minutes\nVenue: Hall\n\n1. Opening\n\n2. Decisions\n"
        "1. HR will hire two drivers.\n2. Finance will pay the suppliers.\n"
        "3. Any other business\nNone was raised.\n"
    )
    doc = gt.loads(text, format="minutes")
    assert ["1)", "2)"] == [d.ref for d in doc.meetings[0].decisions]
    assert ["1", "2", "3"] == [item.ref for item in doc.meetings[0].agenda]
    assert ["GT351 line 9"] == [f"{p.code} {p.location}" for p in doc.problems]


def test_a_numbered_decision_list_may_pass_the_agendas_next_number_with_sentences() -> None:
    """Decision `3.` under `2. Decisions` is a decision when it is a sentence (or ends with `:`)."""
    text = (
        "Minutes\nVenue: Hall\n\n1. Opening\n\n2. Decisions\n"
        "1. HR will hire two drivers.\n2. Finance will pay the suppliers.\n"
        "3. District teams to send their plans:\n(1) Lakeside by 14 April 2025;\n"
        "(2) Hill by 25 April 2025.\n4. Legal will review the lease.\n"
    )
    decisions, problems = _read(text)
    assert ["1)", "2)", "3)", "4)"] == [ref for ref, *_ in decisions]
    assert decisions[2][3].endswith(":\n(1) Lakeside by 14 April 2025;\n(2) Hill by 25 April 2025.")
    assert ["GT352 line 11"] == problems  # the second item's own deadline, at its line


def test_a_numbered_sub_list_under_a_lettered_decision_stays_in_it() -> None:
    """Regression: `1.`, `2.` under `a) … to:` were agenda items, and `b)` fell into `a)`."""
    text = (
        "Minutes\nVenue: Hall\n\nDecisions:\na) The Board asked the unit to:\n"
        "1. hire a clerk;\n2. train the clerk.\nb) The Board approved the budget.\n"
    )
    decisions, problems = _read(text)
    expected = [
        ("a)", "The Board asked the unit to:\n1. hire a clerk;\n2. train the clerk."),
        ("b)", "The Board approved the budget."),
    ]
    assert (expected, []) == ([(d[0], d[3]) for d in decisions], problems)


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("It was agreed that the Data Unit would publish the data.", ("the Data Unit",)),
        ("It was further agreed that HR will recruit two drivers.", ("HR",)),
        (
            "The committee decided that the secretariat shall convene a meeting.",
            ("the secretariat",),
        ),
        ("The board resolved that Finance should pay the suppliers.", ("Finance",)),
        ("The committee decided to meet again in May.", ("The committee",)),
        ("HR and M&E to check the stock figures.", ("HR", "M&E")),
        ("Logistics and M&E to check the stock figures.", ("Logistics and M&E",)),
        ("HR and the Finance Unit will train the clerks.", ("HR", "the Finance Unit")),
        (
            "Ministry of Finance and Planning to release the funds.",
            ("Ministry of Finance and Planning",),
        ),
        (
            "Monitoring and Evaluation Unit to update the indicators.",
            ("Monitoring and Evaluation Unit",),
        ),
        ("It was agreed that the report be shared.", ()),
        ("It was agreed that the timeline should be consistent with the plan.", ()),
        ("Draft the plan (responsible: HR Unit; Finance Unit).", ("HR Unit", "Finance Unit")),
    ],
)
def test_who_is_read_from_the_common_phrasings(sentence: str, parties: tuple[str, ...]) -> None:
    """Regression: the party after `It was agreed that` was lost, and `The committee decided
    that the secretariat` was read as one party; `X and Y to` gives two parties, a name that
    `and` may join stays one, and nothing is guessed."""
    decisions, _ = _read(f"Minutes\nVenue: Hall\n\nDecisions\n- {sentence}\n")
    assert (parties, sentence) == (decisions[0][1], decisions[0][3])


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("within 7 days", dt.date(2025, 3, 18)),
        ("within seven (7) days", dt.date(2025, 3, 18)),
        ("within two weeks", dt.date(2025, 3, 25)),
        ("within the next 30 days", dt.date(2025, 4, 10)),
        ("within one month", dt.date(2025, 4, 11)),
        ("within 10 days of the meeting", dt.date(2025, 3, 21)),
    ],
)
def test_a_deadline_within_days_counts_from_the_meeting(words: str, day: dt.date) -> None:
    """`within 7 days` of a meeting held on 11 March 2025 is due 18 March, its text as written."""
    text = f"Minutes\nDate: 11 March 2025\n\nDecisions\n- HR to recruit two drivers {words}.\n"
    decisions, problems = _read(text)
    assert (gt.Due.day(day, text=words), []) == (decisions[0][2], problems)


@pytest.mark.parametrize(
    ("date_line", "words", "why"),
    [
        ("Venue: Hall", "within 7 days", "the meeting's date, which the minutes do not give"),
        ("Date: the first Monday", "within 7 days", "the meeting's date"),
        ("Date: 11 March 2025", "within 5 working days", "working days depend on the holidays"),
        ("Date: 11 March 2025", "within 14 days of receipt of the invoice", "'receipt of the"),
    ],
)
def test_a_deadline_within_days_that_cannot_be_dated_is_kept_and_reported(
    date_line: str, words: str, why: str
) -> None:
    """No meeting date, working days, or another event to count from: due_text and GT349."""
    text = f"Minutes\n{date_line}\n\nDecisions\n- HR to recruit two drivers {words}.\n"
    doc = gt.loads(text, format="minutes")
    decision = doc.meetings[0].decisions[0]
    assert (None, words) == (decision.due, decision.due_text)
    [problem] = [p for p in doc.problems if p.code == "GT349"]
    assert ("line 5", True) == (str(problem.location), why in problem.message)


def test_a_by_deadline_wins_over_a_within_span() -> None:
    """Regression: `within 7 days … by 30 April` was due in 7 days, the first cue in the
    sentence; a date after `by` names the deadline wherever it stands, as `by 30 April …
    within 7 days` is due on 30 April."""
    text = (
        "Minutes\nDate: 11 March 2025\n\nDecisions\n"
        "- HR to draft the terms within 7 days and hire by 30 April 2025.\n"
        "- Finance to pay by 30 April 2025 and report within 7 days.\n"
    )
    decisions, _ = _read(text)
    assert [dt.date(2025, 4, 30), dt.date(2025, 4, 30)] == [
        d[2].end if d[2] else None for d in decisions
    ]


# ---------------------------------------------------------------------------
# Properties

_ALONE = ("The secretariat", "HR", "the Planning Unit", "Each district office", "Procurement")
_JOINED = ("the Finance Unit", "M&E", "HR", "the Procurement Office", "the District Office")
"""Names that each stand alone: a determiner, an office's noun or an acronym (an office's
noun without a determiner may end the name before `and` too: `M&E and Procurement Office` is
one name)."""
_MONTHS = ("January", "March", "April", "June", "September", "December")
_MEETING = dt.date(2024, 3, 14)
_HEADINGS = ("Decisions", "## Decisions", "Action points:", "2. Decisions", "Agreed actions")


@st.composite
def _phrased(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    """A decision's sentence in one of the common phrasings, and the parties it names."""
    party = draw(st.sampled_from(_ALONE))
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return f"It was agreed that {party} would prepare the plan", (party,)
    if shape == 1:
        return f"The committee decided that {party} shall prepare the plan", (party,)
    if shape == 2:
        return f"{party} will prepare the plan", (party,)
    if shape == 3:
        return f"{party} to prepare the plan", (party,)
    first, second = draw(st.lists(st.sampled_from(_JOINED), min_size=2, max_size=2, unique=True))
    return f"{first} and {second} to prepare the plan", (first, second)


@st.composite
def _deadline(draw: st.DrawFn, dated: bool) -> tuple[str, gt.Due | None, bool]:
    """Deadline words, the due they give, and whether GT349 is expected."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return "", None, False
    if kind == 1:
        when = f"{draw(st.integers(1, 28))} {draw(st.sampled_from(_MONTHS))} {draw(years)}"
        return f" by {when}", gt.parse_due(when), False
    if kind == 2:
        when = f"end of {draw(st.sampled_from(_MONTHS))} {draw(years)}"
        return f" before {when}", gt.parse_due(when), False
    days = draw(st.integers(1, 90))
    words = f"within {days} days"
    if not dated:
        return f" {words}", None, True
    return f" {words}", gt.Due.day(_MEETING + dt.timedelta(days=days), text=words), False


@st.composite
def _listed_notes(
    draw: st.DrawFn,
) -> tuple[str, list[tuple[str, str, tuple[str, ...], gt.Due | None]], list[int]]:
    """Minutes whose decisions are bulleted or numbered under a decisions heading, some with
    a continuation line or a sub-list; with the decisions expected and the lines of the
    GT349 expected (a `within` deadline with no meeting date)."""
    dated = draw(st.booleans())
    heading = draw(st.sampled_from(_HEADINGS))
    head = ["Minutes of the Review", f"Date: {_MEETING:%d %B %Y}" if dated else "Venue: Hall", ""]
    lines = [*head, "1. Opening", "The chair opened the meeting.", "", heading]
    numbered = draw(st.booleans())
    bullet = draw(bullet_marks)
    form = draw(number_forms)
    expected: list[tuple[str, str, tuple[str, ...], gt.Due | None]] = []
    undated: list[int] = []
    for number in range(1, draw(st.integers(1, 8)) + 1):
        mark = form.format(number) if numbered else bullet
        sentence, parties = draw(_phrased())
        words, due, reported = draw(_deadline(dated))
        if draw(st.booleans()):
            lines.append("")
        line_number = len(lines) + 1
        if reported:
            undated.append(line_number)
        ref = f"{number})" if numbered else ""
        choice = draw(st.integers(0, 2))
        if choice == 0:
            lines.append(f"{mark} {sentence}{words}.")
            expected.append((ref, f"{sentence}{words}.", parties, due))
        elif choice == 1:
            lines.extend([f"{mark} {sentence}{words}", "   with the partners."])
            expected.append((ref, f"{sentence}{words} with the partners.", parties, due))
        else:
            lines.append(f"{mark} {sentence}{words} as follows:")
            indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
            sub_marks = draw(st.sampled_from(["{})", "({})", "{}."]))
            roman = ("i", "ii", "iii")
            count = draw(st.integers(1, 3))
            items = [
                f"{sub_marks.format(roman[k])} part {k + 1} of the plan{';' if k < count - 1 else '.'}"
                for k in range(count)
            ]
            lines.extend(indent + item for item in items)
            expected.append(
                (ref, "\n".join([f"{sentence}{words} as follows:", *items]), parties, due)
            )
    return "\n".join(lines) + "\n", expected, undated


@given(_listed_notes())
def test_bulleted_and_numbered_decisions_read_back(
    case: tuple[str, list[tuple[str, str, tuple[str, ...], gt.Due | None]], list[int]],
) -> None:
    """Every item of a bulleted or numbered list under a decisions heading is a decision with
    its whole text, its parties and its deadline; sub-lists stay in their item; the only
    problems are the `within` deadlines that no meeting date dates."""
    notes, expected, undated = case
    doc = gt.loads(notes, format="minutes")
    assert expected == [(d.ref, d.text, d.responsible, d.due) for d in doc.meetings[0].decisions]
    assert [("GT349", line) for line in undated] == [
        (p.code, p.location.line if p.location else None) for p in doc.problems
    ]


_FRAGMENTS = (
    "- {k} to act.",
    "* {k} will act;",
    "• {k} to act:",
    "– {k} shall act.",
    "1. {k} will act.",
    "2. {k} will act.",
    "7. {k} will act.",
    "(1) {k} to act.",
    "(3) {k} to act.",
    "4) {k} to act.",
    "a) {k} will act.",
    "(b) {k} will act.",
    "  i) {k} part.",
    "  - {k} part.",
    "    (A) {k} part.",
    "   {k} goes on.",
    "{k} said something.",
    "(IV) {k} odd item.",
    "",
)


@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=25))
def test_no_line_under_a_decisions_heading_vanishes(fragments: list[str]) -> None:
    """Every non-blank line under a decisions heading, from its first decision to the next
    section, is in a decision's text or named by a problem."""
    body = [fragment.format(k=f"K{index}") for index, fragment in enumerate(fragments)]
    notes = "Minutes of the Review\nVenue: Hall\n\nDecisions\n" + "\n".join(body) + "\n"
    doc = gt.loads(notes, format="minutes")
    meeting = doc.meetings[0]
    heading = 4
    starts = [d.origin.line for d in meeting.decisions if d.origin and d.origin.line]
    first = min(starts, default=None)
    items = [item.origin.line for item in meeting.agenda if item.origin and item.origin.line]
    ends = min((line for line in items if line > heading), default=len(body) + heading + 1)
    named = {p.location.line for p in doc.problems if p.location and p.location.line}
    texts = "\n".join(d.text for d in meeting.decisions)
    for number, line in enumerate(body, heading + 1):
        if not line.strip() or first is None or not first <= number < ends:
            continue
        token = re.search(r"K\d+", line)
        assert token is not None
        assert number in named or re.search(rf"\b{token.group()}\b", texts), (number, line, notes)


_AGREED_HEAD = "Minutes of the Board\nDate: 11 March 2024\nVenue: Room 4\n\nDecisions:\n"


@pytest.mark.parametrize("end", [":", "."])
def test_a_bullet_under_a_lead_in_names_the_party_and_its_items_deadlines_are_reported(
    end: str,
) -> None:
    """Regression: under ``1. The Board agreed the following:``, the bullet ``The Unit to
    draft the plan by May 2024`` (ending with ``:`` or ``.``) with lettered items gave one
    decision with no party, and the items' own deadlines vanished unreported."""
    body = (
        "1. The Board agreed the following:\n"
        f"- The Unit to draft the plan by May 2024{end}\n"
        "  a) costs by April 2024;\n  b) staff by June 2024.\n"
    )
    doc = gt.loads(_AGREED_HEAD + body, format="minutes")
    (decision,) = doc.meetings[0].decisions
    assert ("1)", ("The Unit",), gt.parse_due("May 2024")) == (
        decision.ref,
        decision.responsible,
        decision.due,
    )
    assert decision.text.endswith("a) costs by April 2024;\nb) staff by June 2024.")
    assert [("GT352", "line 8", "April 2024"), ("GT352", "line 9", "June 2024")] == [
        (p.code, str(p.location), p.message.split("'")[-4]) for p in doc.problems
    ]
