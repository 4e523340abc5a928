"""GT112: an empty Status cell in a table that has a Status column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill

import govtrack as gt


def test_an_empty_status_cell_is_reported_with_its_cell(tmp_path: Path) -> None:
    """Regression: a status shown by a green fill and no word was never reported; the
    action was of unknown status, silently, and overdue once its deadline passed."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Comments"])
    sheet.append(["Open two desks", "Programme Unit", "2022/06", "Completed", "Opened"])
    sheet.append(["Publish the criteria", "Programme Unit", "2022/09", None, ""])
    sheet["D3"].fill = PatternFill("solid", fgColor="00B050")
    path = tmp_path / "plan.xlsx"
    book.save(path)
    issues = gt.validate(gt.load(path), on=dt.date(2023, 3, 31), select=["GT112"])
    assert [(i.code, str(i.location)) for i in issues] == [("GT112", "Plan!D3")]


def test_no_status_column_or_a_record_built_in_code_is_not_judged(tmp_path: Path) -> None:
    """A table without a Status column, or an action built in code, gives no GT112."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline"])
    sheet.append(["Open two desks", "Programme Unit", "2022/06"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    built = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),))
    for doc in (gt.load(path), built):
        assert list(gt.validate(doc, on=dt.date(2023, 3, 31), select=["GT112"])) == []
