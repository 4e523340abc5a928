"""Tests of the narrative meeting-report reader."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
import strategies
from govtrack.io import meeting_report, minutes, progress

DATA = Path(__file__).parent / "data" / "meeting_report"
HEALTH = (DATA / "health_financing.txt").read_text(encoding="utf-8")
EDUCATION = (DATA / "education_sector.txt").read_text(encoding="utf-8")


def _meeting(text: str, source: str = "") -> gt.Meeting:
    return gt.loads(text, format="meeting-report", source=source).meetings[0]


def test_date_venue_title_and_organiser() -> None:
    """The first lines give date and venue, then the title; the prose gives the organiser."""
    meeting = _meeting(HEALTH)
    expected = (
        dt.date(2021, 10, 12),
        "12 October 2021",
        "Hotel Miramar, Maputo",
        "Technical Working Group Meeting held on Community Health Financing",
        "National Health Institute (NHI)",
    )
    actual = (meeting.date, meeting.when_text, meeting.venue, meeting.title, meeting.organiser)
    assert expected == actual


def test_co_chairs_are_split_outside_parentheses() -> None:
    """Two co-chairs are read; a name inside a parenthesis does not start a third."""
    expected = (
        "Dr. Ana Lúcia Mondlane, National Director (Planning and Cooperation), Ministry of Health",
        (
            "Mr. José Tembe, Deputy Director (acting for the Director, Ms. Rosa Chissano), "
            "Ministry of Finance"
        ),
    )
    assert expected == _meeting(HEALTH).chair


def test_themes_and_key_points_by_their_introducing_sentence() -> None:
    """A list after a sentence naming 'themes' is themes; after 'key points', key points."""
    meeting = _meeting(HEALTH)
    expected = (
        (
            "Revenue collection at district level",
            "Purchasing of primary care services",
            "Public financial management",
        ),
        (
            "Ring-fence funds for community health workers",
            "Publish expenditure reports every quarter",
        ),
    )
    assert expected == (meeting.themes, meeting.key_points)


def test_other_bullet_list_stays_in_its_paragraph() -> None:
    """A list that is neither themes nor key points is kept in its agenda item, with GT362."""
    doc = gt.loads(HEALTH, format="meeting-report")
    other = [item.text for item in doc.meetings[0].agenda if item.text.startswith("Other business")]
    expected = [
        "Other business was noted as follows:\n• The date of the next meeting is to be confirmed"
    ]
    assert expected == other
    assert ["GT362"] == [problem.code for problem in doc.problems]


def test_attendance_and_count() -> None:
    """'About 42 participants … attended' gives the attendance sentence and the count 42."""
    meeting = _meeting(HEALTH)
    expected = (
        "About 42 participants from government, civil society and partners attended.",
        42,
    )
    assert expected == (meeting.attendance, meeting.attendance_count)


def test_every_paragraph_is_an_agenda_item() -> None:
    """Each prose paragraph after the title is an agenda item, with its line."""
    meeting = _meeting(HEALTH, source="twg.txt")
    expected = [6, 8, 10, 16, 21, 25]
    assert expected == [item.origin.line for item in meeting.agenda if item.origin]


def test_no_date_line_takes_the_date_of_the_held_sentence() -> None:
    """Without a date on line 1, the date comes from 'The … meeting was held on …'."""
    doc = gt.loads(EDUCATION, format="meeting-report")
    meeting = doc.meetings[0]
    expected = (
        "Education Sector Working Group: quarterly meeting",
        dt.date(2020, 2, 3),
        ("Prof. Kwame Mensah",),
        ("Finalise the teacher deployment study", "Share the budget brief with all partners"),
        None,
    )
    actual = (
        meeting.title,
        meeting.date,
        meeting.chair,
        meeting.key_points,
        meeting.attendance_count,
    )
    assert expected == actual
    assert [] == list(doc.problems)


def test_crlf_and_bom_read_the_same() -> None:
    """A BOM and CRLF line ends give the same meeting."""
    assert meeting_report.loads(HEALTH) == meeting_report.loads(
        "\ufeff" + HEALTH.replace("\n", "\r\n")
    )


def test_truncated_text_reads_what_is_there_with_a_problem() -> None:
    """Text cut mid-sentence keeps what was read and reports GT363."""
    cut = HEALTH[: HEALTH.index("The rapporteur") + 20]
    doc = gt.loads(cut, format="meeting-report")
    assert 3 == len(doc.meetings[0].themes)
    assert "GT363" in [problem.code for problem in doc.problems]


def test_not_a_meeting_report_is_a_format_error() -> None:
    """A text with no date on top and no 'meeting was held' raises FormatError."""
    with pytest.raises(gt.FormatError, match="expected a meeting report"):
        gt.loads("Dear colleagues,\nplease find the budget attached.\n", format="meeting-report")


def test_sniff_claims_only_meeting_reports() -> None:
    """sniff scores meeting reports above 0 and record notes, exports and tables at 0."""
    export = ": Pakistan\n: 2020\nManagement Response Category: Accepted\n"
    record = "# Minutes\nDate and Time: 1 May 2020\nVenue: Hall\n"
    assert meeting_report.sniff(HEALTH) > 0.5
    assert meeting_report.sniff(EDUCATION) > 0
    assert [0.0, 0.0] == [meeting_report.sniff(export), meeting_report.sniff(record)]


def test_other_readers_do_not_claim_meeting_reports() -> None:
    """The minutes and progress-report sniffers give meeting reports 0."""
    assert [0.0, 0.0, 0.0, 0.0] == [
        minutes.sniff(HEALTH),
        minutes.sniff(EDUCATION),
        progress.sniff(HEALTH),
        progress.sniff(EDUCATION),
    ]


def test_seed_meeting_report(seeds: Path) -> None:
    """Seed 002: 20 June 2017, 35 attending, 4 themes, 4 key points, two chairs."""
    text = (seeds / "002_86feef317d7116cf.txt").read_text(encoding="utf-8")
    meeting = gt.loads(text, source="002.txt").meetings[0]
    expected = (dt.date(2017, 6, 20), 35, 4, 4, 2)
    actual = (
        meeting.date,
        meeting.attendance_count,
        len(meeting.themes),
        len(meeting.key_points),
        len(meeting.chair),
    )
    assert expected == actual


_ALPHABET = st.sampled_from(
    [
        *list("abcXYZ019 \t\n\xa0:.-–)(#*•;,/"),
        "20 June 2017",
        "meeting was held",
        "themes:",
        "key points:",
        "  • ",
        " organized by the ",
        "chaired by Ms. ",
        " and Mr. ",
        "Around 35 representatives",
        "\r\n",
        "Technical Working Group",
        "The meeting agreed that:",
        "Next steps:",
        "HR will ",
        " by 31 May 2023",
        " by 03/04/2023",
        "deemed approved",
    ]
)


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_arbitrary_text_raises_only_govtrack_errors(text: str) -> None:
    """loads on any text returns a Document or raises a GovtrackError, nothing else."""
    try:
        doc = meeting_report.loads(text)
    except gt.GovtrackError:
        return
    assert 1 == len(doc.meetings)


@given(st.text(max_size=300))
def test_arbitrary_unicode_raises_only_govtrack_errors(text: str) -> None:
    """loads and sniff on any unicode text raise nothing but GovtrackError."""
    meeting_report.sniff(text)
    with contextlib.suppress(gt.GovtrackError):
        meeting_report.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "1 May 2020\n\nThe meeting was held " + "organized by " * 3000 + "\n",
        "1 May 2020\n\nThe meeting was chaired by " + "Mr. A, " * 3000 + "\n",
        "1 May 2020\n\n" + "1 " * 10000 + "participants\n",
        "1 May 2020\n\n" + ("x" * 50 + ". ") * 2000 + "\n",
        "1 May 2020\n\nThe meeting was chaired by " + "(" * 5000 + "\n",
        "1 May 2020\n\n" + "the meeting agreed that " * 5000 + "x:\n  • HR will do it\n",
        "1 May 2020\n\nIt was agreed" + " on the" * 20000 + " x:\n  • HR will do it\n",
    ],
)
def test_pathological_text_is_fast(text: str) -> None:
    """Long runs of cues and names are read in well under a second (no backtracking)."""
    started = time.perf_counter()
    with contextlib.suppress(gt.GovtrackError):
        meeting_report.loads(text)
    assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------------------
# All-numeric days: read only when one order is possible or dayfirst= says which

_NUMERIC_REPORT = (
    "{when}\nCity Library, Room 3\n\nTechnical Working Group Meeting on Libraries\n\n"
    "The meeting was held to plan the reading campaign. Some 15 participants attended.\n"
)


def test_an_ambiguous_first_line_date_is_kept_and_reported() -> None:
    """Regression: a first line `05/06/2022` was read as 5 June with no problem."""
    doc = gt.loads(_NUMERIC_REPORT.format(when="05/06/2022"), format="meeting-report")
    meeting = doc.meetings[0]
    assert (None, "05/06/2022", "City Library, Room 3") == (
        meeting.date,
        meeting.when_text,
        meeting.venue,
    )
    [problem] = [issue for issue in doc.problems if issue.code == "GT365"]
    assert ("line 1", True) == (
        str(problem.location),
        "pass dayfirst= to choose" in problem.message,
    )


def test_dayfirst_reads_the_first_line_date() -> None:
    """dayfirst=True reads 05/06/2022 as 5 June, False as May 6; 25/06/2022 needs neither."""
    text = _NUMERIC_REPORT.format(when="05/06/2022")
    dates = [
        gt.loads(text, format="meeting-report", dayfirst=dayfirst).meetings[0].date
        for dayfirst in (True, False)
    ]
    plain = gt.loads(_NUMERIC_REPORT.format(when="25/06/2022"), format="meeting-report")
    assert [dt.date(2022, 6, 5), dt.date(2022, 5, 6), dt.date(2022, 6, 25)] == [
        *dates,
        plain.meetings[0].date,
    ]
    assert [] == [issue.code for issue in plain.problems if issue.code == "GT365"]


def test_an_ambiguous_date_in_the_held_sentence_is_kept_and_reported() -> None:
    """Without a date line, an ambiguous day in the 'was held on' sentence is GT365, kept."""
    text = "Libraries group\n\nThe meeting was held on 05/06/2022 at the City Library.\n"
    doc = gt.loads(text, format="meeting-report")
    meeting = doc.meetings[0]
    assert (None, "05/06/2022") == (meeting.date, meeting.when_text)
    assert ["GT365"] == [issue.code for issue in doc.problems if issue.code in {"GT360", "GT365"}]
    assert dt.date(2022, 6, 5) == (
        gt.loads(text, format="meeting-report", dayfirst=True).meetings[0].date
    )


# ---------------------------------------------------------------------------
# What the meeting agreed: its decisions

AGREED = (DATA / "water_agreed.txt").read_text(encoding="utf-8")


def _decisions(meeting: gt.Meeting) -> list[tuple[str, tuple[str, ...], str, bool, int | None]]:
    return [
        (
            decision.text,
            decision.responsible,
            decision.deadline_text,
            decision.deemed_consent,
            decision.origin.line if decision.origin else None,
        )
        for decision in meeting.decisions
    ]


def test_a_list_of_what_the_meeting_agreed_is_its_decisions() -> None:
    """Regression: the bullets after 'The meeting agreed that:' were no decisions, only an
    agenda item with GT362; each is a Decision, its party and deadline read, never guessed."""
    doc = gt.loads(AGREED, format="meeting-report", source="water.txt")
    meeting = doc.meetings[0]
    expected = [
        ("The Water Department will share the revised maintenance plan by 31 May 2023",
         ("The Water Department",), "31 May 2023", False, 17),
        ("District engineers will report broken pumps every month",
         ("District engineers",), "", False, 18),
        ("Partners will send their comments within two weeks", ("Partners",), "within two weeks",
         False, 19),
        ("If no objection is received by 15 June 2023, the plan is deemed approved",
         (), "15 June 2023", True, 20),
    ]  # fmt: skip
    assert expected == _decisions(meeting)
    assert dt.date(2023, 5, 31) == meeting.decisions[0].due.end  # type: ignore[union-attr]
    assert [] == [problem.code for problem in doc.problems]


def test_the_agreed_list_leaves_the_rest_of_the_report_as_it_was() -> None:
    """The introducing sentence stays an agenda item and the themes stay themes; without the
    agreed list the meeting is the same, with no decisions."""
    meeting = _meeting(AGREED)
    start = AGREED.index("The meeting agreed that:")
    end = AGREED.index("Ms. Otieno closed")
    without = _meeting(AGREED[:start] + "The meeting agreed that:\n\n" + AGREED[end:])
    assert attrs.evolve(meeting, decisions=()) == without
    assert ("Spare parts for hand pumps", "Fees paid by water committees") == meeting.themes
    assert "The meeting agreed that:" in [item.text for item in meeting.agenda]


@pytest.mark.parametrize(
    "intro",
    [
        "The meeting agreed that:",
        "It was agreed that:",
        "The meeting agreed on the following:",
        "Participants also agreed on the following action points:",
        "The following were agreed:",
        "Agreed actions:",
        "Way forward:",
        "Next steps:",
        "The discussion was lively. The meeting agreed as follows",
    ],
)
def test_each_way_of_introducing_what_was_agreed(intro: str) -> None:
    """Each introduction of agreed actions makes the bullets after it decisions."""
    text = _NUMERIC_REPORT.format(when="4 May 2022") + f"\n{intro}\n  • HR will hire a clerk\n"
    doc = gt.loads(text, format="meeting-report")
    assert [("HR will hire a clerk", ("HR",))] == [
        (decision.text, decision.responsible) for decision in doc.meetings[0].decisions
    ]
    assert [] == [problem.code for problem in doc.problems if problem.code == "GT362"]


@pytest.mark.parametrize(
    "intro",
    [
        "Other business was noted as follows:",
        "The chair recalled the priorities agreed last year.",
        "The meeting agreed that the unit would:",
        "It was agreed",
    ],
)
def test_a_list_after_what_is_not_an_agreement_stays_in_its_paragraph(intro: str) -> None:
    """A list whose introduction does not say it is what the meeting agreed stays in its
    agenda item (GT362), as before."""
    text = _NUMERIC_REPORT.format(when="4 May 2022") + f"\n{intro}\n  • HR will hire a clerk\n"
    doc = gt.loads(text, format="meeting-report")
    meeting = doc.meetings[0]
    assert ((), f"{intro}\n• HR will hire a clerk") == (meeting.decisions, meeting.agenda[-1].text)
    assert ["GT362"] == [problem.code for problem in doc.problems]


def test_key_points_or_themes_after_agreed_stay_key_points_or_themes() -> None:
    """A list introduced as key points or themes stays so even when the sentence says agreed."""
    text = _NUMERIC_REPORT.format(when="4 May 2022") + (
        "\nThe meeting agreed on the following key messages:\n  • Water is a right\n"
        "\nIt was agreed that the following topics are priorities:\n  • Sanitation\n"
    )
    meeting = _meeting(text)
    assert ((), ("Water is a right",), ("Sanitation",)) == (
        meeting.decisions,
        meeting.key_points,
        meeting.themes,
    )


def test_an_ambiguous_decision_deadline_is_kept_and_reported() -> None:
    """A decision's all-numeric deadline that reads two ways is kept in due_text (GT366) until
    dayfirst= says which order the report uses."""
    text = _NUMERIC_REPORT.format(when="4 May 2022") + (
        "\nIt was agreed that:\n  • HR will hire a clerk by 03/04/2023\n"
    )
    doc = gt.loads(text, format="meeting-report", source="r.txt")
    [decision] = doc.meetings[0].decisions
    [problem] = doc.problems
    assert (None, "03/04/2023", "GT366", "line 9") == (
        decision.due,
        decision.due_text,
        problem.code,
        str(problem.location),
    )
    read = gt.loads(text, format="meeting-report", dayfirst=True).meetings[0].decisions[0]
    assert dt.date(2023, 4, 3) == read.due.start  # type: ignore[union-attr]


_PARTIES = ("HR", "The Water Department", "District engineers", "Each ministry", "Partners")
_VERBS = ("share the plan", "hire a clerk", "report broken pumps", "send comments")


@given(
    intro=st.sampled_from(
        ["The meeting agreed that:", "It was agreed that:", "Agreed actions:", "Next steps:",
         "The meeting agreed on the following:", "Way forward:"]
    ),
    items=st.lists(
        st.tuples(
            st.sampled_from(_PARTIES),
            st.sampled_from(_VERBS),
            st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))),
            st.sampled_from(["•", "-", "*", "▪"]),
        ),
        min_size=1,
        max_size=5,
    ),
)  # fmt: skip
def test_agreed_bullets_are_the_decisions_with_party_and_deadline(
    intro: str, items: list[tuple[str, str, dt.date | None, str]]
) -> None:
    """For any list of agreed actions 'X will do Y [by D]', the decisions are the bullets in
    order, each with X as its party and D as its deadline (none when none is written)."""
    bullets = [
        f"{party} will {verb}" + (f" by {day:%d %B %Y}" if day else "")
        for party, verb, day, _ in items
    ]
    lines = "".join(
        f"  {mark} {bullet}\n" for bullet, (*_, mark) in zip(bullets, items, strict=True)
    )
    text = _NUMERIC_REPORT.format(when="4 May 2022") + f"\n{intro}\n{lines}"
    doc = gt.loads(text, format="meeting-report")
    expected = [
        (bullet, (party,), day) for bullet, (party, _, day, _) in zip(bullets, items, strict=True)
    ]
    actual = [
        (decision.text, decision.responsible, decision.due.start if decision.due else None)
        for decision in doc.meetings[0].decisions
    ]
    assert expected == actual
    assert () == doc.problems


# ---------------------------------------------------------------------------
# Agreed bullets are read by the minutes reader's rules


_MINUTES = (
    "# Board\n#### Record Notes of the Meeting\nDate and Time: {when}, 9.00 AM.\n\n# 4. Decisions\n"
)


def _as_minutes(bullet: str, when: str = "4 May 2022") -> gt.Decision:
    """The decision the minutes reader reads from the same sentence, under the same date."""
    doc = gt.loads(_MINUTES.format(when=when) + f"- {bullet}\n", format="minutes")
    [decision] = doc.meetings[0].decisions
    return decision


def _agreed(bullets: list[str], when: str = "4 May 2022") -> gt.Document:
    lines = "".join(f"  • {bullet}\n" for bullet in bullets)
    text = _NUMERIC_REPORT.format(when=when) + f"\nThe meeting agreed that:\n{lines}"
    return gt.loads(text, format="meeting-report")


@pytest.mark.parametrize(
    ("bullet", "responsible", "due", "end"),
    [
        ("The Library Services Unit (LSU) will circulate the reading list within two weeks.",
         ("The Library Services Unit (LSU)",), "within two weeks", dt.date(2022, 5, 18)),
        ("UNESCO, UNICEF and UN Women to fund the mobile libraries in July 2022.",
         ("UNESCO", "UNICEF", "UN Women"), "July 2022", dt.date(2022, 7, 31)),
        ("It was agreed that the Archives Section would digitise the maps on 30 June 2022.",
         ("the Archives Section",), "30 June 2022", dt.date(2022, 6, 30)),
        ("The Secretariat, with support from UNDP, will draft the terms by 20 May 2022.",
         ("The Secretariat",), "20 May 2022", dt.date(2022, 5, 20)),
        ("Districts will send their lists within 10 days of the meeting.",
         ("Districts",), "within 10 days of the meeting", dt.date(2022, 5, 14)),
    ],
)  # fmt: skip
def test_agreed_bullets_are_read_as_the_minutes_reader_reads_decisions(
    bullet: str, responsible: tuple[str, ...], due: str, end: dt.date
) -> None:
    """Regression: a party named with its acronym or in a list, the subject after `It was
    agreed that`, a date after `in` or `on`, and `within two weeks` gave no party and no
    deadline in a meeting report, unlike minutes; they are read by the minutes reader's rules,
    a `within` span counted from the report's date."""
    doc = _agreed([bullet])
    [decision] = doc.meetings[0].decisions
    minuted = _as_minutes(bullet)
    expected = (responsible, due, end, "")
    actual = (decision.responsible, decision.due.text if decision.due else None,
              decision.due.end if decision.due else None, decision.due_text)  # fmt: skip
    assert expected == actual
    assert [] == [problem.code for problem in doc.problems]
    assert (minuted.responsible, minuted.due, minuted.due_text) == (
        decision.responsible,
        decision.due,
        decision.due_text,
    )


def test_within_with_no_date_for_the_report_is_kept_and_reported() -> None:
    """Regression: `within two weeks` in a report whose date cannot be read gave no deadline
    and nothing said; the words are kept in due_text and reported (GT366)."""
    doc = _agreed(["Partners will send their comments within two weeks."], when="05/06/2022")
    [decision] = doc.meetings[0].decisions
    problems = [(problem.code, str(problem.location)) for problem in doc.problems]
    assert (None, "within two weeks", [("GT365", "line 1"), ("GT366", "line 9")]) == (
        decision.due,
        decision.due_text,
        problems,
    )
    assert "the report does not give" in doc.problems[1].message
    dated = gt.loads(
        _NUMERIC_REPORT.format(when="05/06/2022")
        + "\nThe meeting agreed that:\n  • Partners will send their comments within two weeks.\n",
        format="meeting-report",
        dayfirst=True,
    )
    assert dt.date(2022, 6, 19) == dated.meetings[0].decisions[0].due.end  # type: ignore[union-attr]


_SUBJECTS = ("HR", "The Water Department", "The Project Office (PO)", "UNICEF, UNFPA and UN Women",
             "It was agreed that the Planning Unit would", "Finance and M&E to")  # fmt: skip
_WHENS = ("", " by 31 May 2022", " in June 2022", " on 15 July 2022", " within 10 days",
          " within two weeks", " within one month", " within 5 working days", " before Q3 2022",
          " by 31 June 2022", " by 03/04/2023")  # fmt: skip


@given(
    subject=st.sampled_from(_SUBJECTS),
    verb=st.sampled_from(_VERBS),
    when=st.sampled_from(_WHENS),
    day=st.dates(dt.date(2000, 1, 1), dt.date(2021, 12, 31)),  # before every deadline written
)
def test_agreed_bullets_and_minutes_decisions_agree(
    subject: str, verb: str, when: str, day: dt.date
) -> None:
    """For any agreed bullet naming a party and a deadline, the meeting report reads the same
    party, deadline and unread deadline text as the minutes reader does under the same date,
    and reports GT366 exactly when the minutes reader reports GT349."""
    will = "" if subject.endswith((" to", " would")) else " will"
    bullet = f"{subject}{will} {verb}{when}."
    written = f"{day.day} {day:%B %Y}"
    doc = _agreed([bullet], when=written)
    [decision] = doc.meetings[0].decisions
    minutes_doc = gt.loads(_MINUTES.format(when=written) + f"- {bullet}\n", format="minutes")
    [minuted] = minutes_doc.meetings[0].decisions
    assert (minuted.responsible, minuted.due, minuted.due_text) == (
        decision.responsible,
        decision.due,
        decision.due_text,
    )
    gt349 = [problem for problem in minutes_doc.problems if problem.code == "GT349"]
    assert len(gt349) == len([problem for problem in doc.problems if problem.code == "GT366"])


@given(
    count=st.integers(1, 99),
    unit=st.sampled_from(["days", "weeks", "months"]),
    day=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
)
def test_within_a_span_is_counted_from_the_reports_date(
    count: int, unit: str, day: dt.date
) -> None:
    """For any `within N days|weeks|months` in an agreed bullet, the deadline is that span
    after the report's date, its text the words as written."""
    doc = _agreed([f"HR will hire a clerk within {count} {unit}."], when=f"{day.day} {day:%B %Y}")
    [decision] = doc.meetings[0].decisions
    if unit == "months":
        year, month = divmod(day.month - 1 + count, 12)
        last = calendar.monthrange(day.year + year, month + 1)[1]
        expected = dt.date(day.year + year, month + 1, min(day.day, last))
    else:
        expected = day + dt.timedelta(days=count * (7 if unit == "weeks" else 1))
    assert (f"within {count} {unit}", expected) == (decision.due.text, decision.due.end)  # type: ignore[union-attr]


_CHAIRED_REPORT = (
    "9 October 2023\nRiverside Hall, Gulu\n\nSector Working Group Meeting on Roads\n\n"
    "A working group meeting was held on 9 October 2023, organized by the Roads Board (RB). "
    "The meeting was {chaired}.\n\nAbout 30 members took part.\n"
)


@pytest.mark.parametrize("title", ["Eng.", "Hon.", "Prof.", "Amb.", "Rt. Hon.", "H.E."])
def test_a_titled_co_chair_is_read_whole(title: str) -> None:
    """Regression: 'co-chaired by Eng. A, Role and Mr. B, Role' gave the chair ('Eng',):
    the full stop of a title other than Mr./Ms./Dr. ended the sentence."""
    chaired = (
        f"co-chaired by {title} Grace Atim, Director of Works, Roads Board and "
        "Mr. Tomas Berg, Adviser, Embassy of Norway"
    )
    expected = (
        f"{title} Grace Atim, Director of Works, Roads Board",
        "Mr. Tomas Berg, Adviser, Embassy of Norway",
    )
    assert expected == _meeting(_CHAIRED_REPORT.format(chaired=chaired)).chair


@given(
    first=strategies.honorifics,
    second=strategies.honorifics,
    names=st.tuples(*[st.sampled_from(["Grace", "Atim", "Tomas", "Berg", "Okot", "Lind"])] * 4),
    join=st.sampled_from([" and ", ", and ", "; "]),
)
def test_co_chairs_with_any_title_are_both_kept(
    first: str, second: str, names: tuple[str, str, str, str], join: str
) -> None:
    """For any titles (with or without a full stop), two co-chairs with their roles are read
    as the two chairs, each whole."""
    chairs = (
        f"{first} {names[0]} {names[1]}, Director, Roads Board",
        f"{second} {names[2]} {names[3]}, Adviser, Embassy of Norway",
    )
    text = _CHAIRED_REPORT.format(chaired="co-chaired by " + join.join(chairs))
    assert chairs == _meeting(text).chair


@pytest.mark.parametrize("surname", ["Sen", "Col", "Eng", "Gen", "Amb", "Rev"])
def test_a_surname_like_a_title_ends_the_chairs_sentence(surname: str) -> None:
    """Regression: 'chaired by Dr. Amartya Sen. Some 20 participants attended.' gave the chair
    'Dr. Amartya Sen. Some 20 participants attended': a title's full stop ended no sentence
    even after a name, where it is a surname's."""
    report = (
        "9 October 2023\nRiverside Hall, Gulu\n\nSector Working Group Meeting on Roads\n\n"
        f"The meeting was chaired by Dr. Amartya {surname}. Some 20 participants attended.\n"
    )
    meeting = _meeting(report)
    assert ((f"Dr. Amartya {surname}",), 20) == (meeting.chair, meeting.attendance_count)


@pytest.mark.parametrize(
    "chair", ["Chief Eng. Okot Lind", "Senior Col. Okot Lind", "Major Gen. Okello", "Lt. Col. Ayo"]
)
def test_a_rank_before_a_title_keeps_the_name_whole(chair: str) -> None:
    """Regression (review of the surname rule): a capitalised rank before a title that is also
    a surname (`Chief Eng.`, `Major Gen.`) was taken for a name, so the chair was cut to
    `Chief Eng`; a rank or grade is no name."""
    report = (
        "9 October 2023\nRiverside Hall, Gulu\n\nSector Working Group Meeting on Roads\n\n"
        f"The meeting was chaired by {chair}. Some 20 participants attended.\n"
    )
    assert ((chair,), 20) == (_meeting(report).chair, _meeting(report).attendance_count)


@pytest.mark.parametrize("office", ["Gen. Directorate", "Gen. Directorate of Planning"])
def test_an_office_with_a_short_word_is_one_chair(office: str) -> None:
    """Regression: 'chaired by the Ministry of Health, Gen. Directorate' gave the chair
    'Gen. Directorate', the ministry dropped as if a role before a titled name."""
    chaired = f"chaired by the Ministry of Health, {office}"
    expected = (f"the Ministry of Health, {office}",)
    assert expected == _meeting(_CHAIRED_REPORT.format(chaired=chaired)).chair


@given(
    title=strategies.honorifics,
    given_name=st.sampled_from(["Amartya", "Grace", "Tomas", "Okot"]),
    surname=st.sampled_from(["Sen", "Col", "Eng", "Gen", "Capt", "Amb", "Rev", "Lind", "Atim"]),
    then=st.sampled_from(["Some 20 participants attended.", "The agenda was adopted.", ""]),
)
def test_a_titled_chair_ends_at_the_full_stop_after_the_surname(
    title: str, given_name: str, surname: str, then: str
) -> None:
    """For any title and any surname, also one spelt as a title (`Sen`, `Col`), the chair's
    sentence ends at the surname's full stop: the chair is the title and the name, whole."""
    report = (
        "9 October 2023\nRiverside Hall, Gulu\n\nSector Working Group Meeting on Roads\n\n"
        f"The meeting was chaired by {title} {given_name} {surname}. {then}\n"
    )
    assert (f"{title} {given_name} {surname}",) == _meeting(report).chair
