"""The progress-report text reader judges a status cell holding no status word by the rule of
the Excel work plan (:func:`govtrack.io.excel.status_narrative`): a short unknown word stays
the status text (GT101), a narrative goes to the comments."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtrack as gt
from strategies import short_status_phrases, status_narratives, unknown_status_words

_TEXT = (
    "TWG: WATER\n\nScheduled Activities\n\nImplementation Status\n\nOn Schedule\n\n"
    "Behind Schedule\n\n1. Planning\n\nDraft the sector plan\n\n{status}\n\n\u00a0\n\nX\n"
)


def _from_text(status: str) -> tuple[gt.Activity, gt.Document]:
    doc = gt.loads(_TEXT.format(status=status), format="progress-report")
    [activity] = doc.reports[0].activities
    return activity, doc


def _from_workbook(status: str) -> gt.Activity:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Work plan"
    header = ["#", "Scheduled activity", "Responsible", "Deadline", "Status"]
    sheet.append([*header, "On schedule / Behind schedule"])
    sheet.append([1, "Draft the sector plan", "M&E Unit", "Dec 2023", status, "Behind"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        book.save(path)
        [activity] = gt.load(path).reports[0].activities
    return activity


@pytest.mark.parametrize("status", ["Stalled", "On hold", "Slow review"])
def test_a_short_unknown_status_is_kept_as_the_status_text(status: str) -> None:
    """Regression: a progress text's short unknown status (`Stalled`) was moved to the
    comments as a narrative, with no problem; it stays the status text, with GT101."""
    activity, doc = _from_text(status)
    assert (None, status, "") == (activity.status, activity.status_text, activity.comments)
    assert [("GT101", "line 13")] == [
        (p.code, str(p.location)) for p in doc.problems if p.code == "GT101"
    ]


@pytest.mark.parametrize("status", ["Postponed to August", "Funds late. Report in May"])
def test_a_narrative_status_is_the_comments(status: str) -> None:
    """A narrative in the status cell is the comments, and no unknown status word."""
    activity, doc = _from_text(status)
    assert (None, "", status) == (activity.status, activity.status_text, activity.comments)
    assert "GT101" not in {p.code for p in doc.problems}


@pytest.mark.parametrize("status", ["Postponed to August", "Funds late. Report in May"])
def test_a_narrative_moved_to_the_comments_is_reported_at_its_line(status: str) -> None:
    """Regression: the narrative went to the comments with no problem, so validate said
    nothing of an activity left without a status; GT385 says so at the status cell."""
    _, doc = _from_text(status)
    [problem] = [p for p in doc.problems if p.code == "GT385"]
    assert (str(problem.location), problem.severity) == ("line 15", gt.Severity.INFO)
    assert repr(status) in problem.message
    assert "kept in the comments" in problem.message
    assert "GT385" in {issue.code for issue in gt.validate(doc, on=dt.date(2024, 1, 31))}


def test_one_gt385_for_a_report_of_narratives_names_the_first_and_the_count() -> None:
    """The narrative column of a real progress report (every row a paragraph) gives one
    problem, not one per row."""
    text = _TEXT.format(status="Postponed to August") + (
        "\n\nHold the review meeting\n\nThe meeting was moved twice because members were away"
        "\n\n\u00a0\n\nX\n"
    )
    doc = gt.loads(text, format="progress-report")
    assert [a.comments for a in doc.reports[0].activities] == [
        "Postponed to August",
        "The meeting was moved twice because members were away",
    ]
    [problem] = [p for p in doc.problems if p.code == "GT385"]
    assert str(problem.location) == "line 15"
    assert "(and 1 more, to line 24)" in problem.message


def test_a_status_word_or_an_unknown_word_gives_no_gt385() -> None:
    for status in ("Ongoing", "Stalled"):
        _, doc = _from_text(status)
        assert "GT385" not in {p.code for p in doc.problems}


@settings(max_examples=15, deadline=None)
@given(st.one_of(unknown_status_words, short_status_phrases, status_narratives))
def test_both_readers_classify_a_status_cell_alike(status: str) -> None:
    """The Excel work plan and the progress text put the same status cell text in the same
    place: the status text (an unknown word) or the comments (a narrative)."""
    from_text, _ = _from_text(status)
    from_book = _from_workbook(status)
    assert (from_book.status_text, from_book.comments) == (
        from_text.status_text,
        from_text.comments,
    )
