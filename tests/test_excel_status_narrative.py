"""A work plan's Status cell holding no status word: a short unknown word stays the status text
(GT101), as on every other sheet; only a narrative moves to the comments (GT112). And an
evaluation's ``Reporting period`` title row fills its period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given

import govtrack as gt
from govtrack.io.excel import status_narrative
from strategies import short_status_phrases, status_narratives

_ON = dt.date(2024, 1, 15)


def _plan(path: Path, status: str, *, comments: bool = False) -> gt.Document:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Work plan"
    header = [
        "#",
        "Scheduled activity",
        "Responsible",
        "Deadline",
        "Status",
        "On schedule / Behind schedule",
    ]
    sheet.append(header + (["Comments"] if comments else []))
    sheet.append([1, "Mid-year report", "M&E Unit", "Dec 2023", status, "Behind"])
    book.save(path)
    return gt.load(path)


@pytest.mark.parametrize("comments", [False, True])
def test_a_short_unknown_status_in_a_work_plan_is_kept_as_the_status_text(
    tmp_path: Path, comments: bool
) -> None:
    """Regression: `Stalled` under a work plan's Status was taken for a narrative: moved to
    the comments with GT112 (the matrix written back then had an empty Status cell, and
    GT112 said so); it is an unknown status word, kept in status_text with GT101, as in a
    management-response sheet."""
    doc = _plan(tmp_path / "plan.xlsx", "Stalled", comments=comments)
    [activity] = doc.reports[0].activities
    assert (activity.status, activity.status_text, activity.comments) == (None, "Stalled", "")
    assert dict(activity.extra) == {}
    assert [(p.code, str(p.location)) for p in doc.problems] == [("GT101", "'Work plan'!E2")]
    assert "GT112" not in {issue.code for issue in gt.validate(doc, on=_ON)}


def test_a_short_unknown_status_reads_back_from_the_matrix(tmp_path: Path) -> None:
    """Regression: written to the matrix and read back, `Stalled` sat under Comments and
    GT112 said the Status cell was empty; it is now written and read as the status."""
    doc = _plan(tmp_path / "plan.xlsx", "Stalled")
    back = tmp_path / "back.xlsx"
    gt.dump(doc, back, layout="matrix", on=_ON, lossy=True)
    [activity] = gt.load(back).reports[0].activities
    assert (activity.status_text, activity.comments) == ("Stalled", "")


def test_a_narrative_status_still_goes_to_the_comments(tmp_path: Path) -> None:
    """A narrative (`Postponed to August`) is no status: it is the comments, and GT112."""
    doc = _plan(tmp_path / "plan.xlsx", "Postponed to August")
    [activity] = doc.reports[0].activities
    assert (activity.status_text, activity.comments) == ("", "Postponed to August")
    assert "GT112" in {issue.code for issue in gt.validate(doc, on=_ON)}


@given(short_status_phrases)
def test_a_short_unknown_status_phrase_is_no_narrative(phrase: str) -> None:
    """One to three words with no clause are an unknown status word, never a narrative."""
    assert not status_narrative(phrase)


@given(status_narratives)
def test_a_sentence_in_a_status_cell_is_a_narrative(text: str) -> None:
    """Four words or more, two sentences, a linking word or a verb after the first: a narrative."""
    assert status_narrative(text)


def test_a_short_unknown_status_and_a_narrative_are_read_by_one_rule(tmp_path: Path) -> None:
    """The work plan keeps in status_text exactly what status_narrative calls no narrative."""
    for text in ("On hold", "Slow review", "Recruitment launched", "Funds late. Report in May"):
        [activity] = _plan(tmp_path / "plan.xlsx", text).reports[0].activities
        narrative = status_narrative(text)
        assert (activity.status_text, activity.comments) == (
            ("", text) if narrative else (text, "")
        )


def test_an_evaluations_reporting_period_fills_its_period(tmp_path: Path) -> None:
    """Regression: `Reporting period: ...` above a management-response matrix went to the
    evaluation's extra, while a work plan's same line filled its period."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Reporting period: 01/07/2023 – 31/12/2023"])
    sheet.append([])
    sheet.append(["Recommendation", "Management response", "Key action", "Status"])
    sheet.append(["Train the clerks", "Accepted", "Run two sessions", "Ongoing"])
    path = tmp_path / "mr.xlsx"
    book.save(path)
    [evaluation] = gt.load(path).evaluations
    assert (evaluation.period, dict(evaluation.extra)) == ("01/07/2023 – 31/12/2023", {})


@pytest.mark.parametrize(
    "cells",
    [
        [("25%", "50%"), ("10%", "30%"), ("40%", "80%")],
        [("Yes", "No"), ("No", "No"), ("Yes", "Yes")],
        [("1200", "3400"), ("12", "40"), ("7", "9")],
    ],
)
def test_dated_progress_columns_of_figures_or_answers_are_updates(
    tmp_path: Path, cells: list[tuple[str, str]]
) -> None:
    """Regression (a review of the one Status rule): dated `Progress <date>` columns of
    percentages, counts or yes/no were taken for status rounds, the latest cell becoming an
    unknown status word (GT101) and leaving the updates; they are dated updates (GT233)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Progress March 2024", "Progress June 2024"])
    for number, (march, june) in enumerate(cells, start=1):
        sheet.append([f"Action {number}", "HR", "2024/12", march, june])
    book.save(tmp_path / "rounds.xlsx")
    doc = gt.load(tmp_path / "rounds.xlsx")
    assert [("", [march, june]) for march, june in cells] == [
        (action.status_text, [update.text for update in action.updates]) for action in doc.actions
    ]
    assert "GT233" in {problem.code for problem in doc.problems}
