"""Tests of the narrative meeting-report reader."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
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
