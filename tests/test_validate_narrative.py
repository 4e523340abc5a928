"""GT105 counts only narrative text in an extra column named like a comment."""

from __future__ import annotations

import datetime as dt

import pytest

import govtrack as gt

ON = dt.date(2024, 6, 1)


def _gt105(extra: dict[str, str]) -> list[str]:
    """The codes GT105 gives a completed action with no comment and these extra columns."""
    action = gt.Action(text="Train the clerks", status=gt.Status.COMPLETED, extra=extra)
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    return [issue.code for issue in gt.validate(doc, on=ON, select=["GT105"])]


@pytest.mark.parametrize(
    "extra",
    [
        {"Date of last update": "2024-05-01"},
        {"No. of comments received": "0"},
        {"Progress (% complete)": "100"},
        {"Progress": "1"},
        {"Progress": "May 2024"},
        {"Remarks": "n/a"},
        {"Remarks": "-"},
        {"Budget": "Forty clerks trained"},
    ],
)
def test_a_date_or_count_in_a_comment_column_says_nothing(extra: dict[str, str]) -> None:
    """Regression: GT105 was silenced by any value in a column whose header held update,
    notes, comments…, dates and counts included (`Date of last update` = 2024-05-01, `No. of
    comments received` = 0): only narrative text under a header naming no date or count
    says what was done."""
    assert ["GT105"] == _gt105(extra)


@pytest.mark.parametrize(
    "extra",
    [
        {"Implementation remarks": "Forty clerks trained"},
        {"Progress update": "Done in May 2024"},
        {"Last update": "Clerks trained in two rounds"},
        {"Note: Status": "Signed off by the Chair"},
        {"Observations": "Yes"},
    ],
)
def test_narrative_text_in_a_comment_column_says_what_was_done(extra: dict[str, str]) -> None:
    """A word of three letters or more, not a date alone, in a column named like a comment
    says what was done: no GT105."""
    assert [] == _gt105(extra)
