"""The Excel reader: merged cells in the key-action columns, revised deadlines, scope prefixes.

These tests are collected again by tests/test_engines.py, so every workbook they
build is read with both engines, which must agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

import govtrack as gt
from govtrack.io import excel

MR_HEADER = ["Rec #", "Recommendation", "Key action", "Responsible", "Deadline", "Status"]


def build(
    folder: Path,
    rows: Sequence[Sequence[Any]],
    *,
    setup: Callable[[Worksheet], None] | None = None,
    name: str = "book.xlsx",
) -> Path:
    """Save one sheet, "Tracker", of ``rows`` (after ``setup`` adjusts it); return the path."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tracker"
    for row in rows:
        sheet.append(list(row))
    if setup is not None:
        setup(sheet)
    path = folder / name
    book.save(path)
    return path


def codes(doc: gt.Document) -> list[str]:
    """The codes of a document's problems, in order."""
    return [problem.code for problem in doc.problems]


def _merged_matrix(folder: Path) -> Path:
    """Three key actions of one recommendation sharing a merged Responsible, Deadline, Status."""
    rows = [
        MR_HEADER,
        [1, "Strengthen the supply chain", "List the depots", "Supply Unit", "2023/06", "Ongoing"],
        [None, None, "Agree delivery slots", None, None, None],
        [None, None, "Test the cold room", None, None, None],
        [2, "Involve the parents", "Hold a parents' day", "Outreach Unit", "2023/09", "Completed"],
    ]

    def setup(sheet: Worksheet) -> None:
        for column in "DEF":
            sheet.merge_cells(f"{column}2:{column}4")

    return build(folder, rows, setup=setup)


def test_merged_key_action_cells_fill_down(tmp_path: Path) -> None:
    """A Responsible, Deadline or Status cell merged down gives its value to every row it covers."""
    doc = excel.load(_merged_matrix(tmp_path))
    assert [
        (("Supply Unit",), "2023/06", "ongoing"),
        (("Supply Unit",), "2023/06", "ongoing"),
        (("Supply Unit",), "2023/06", "ongoing"),
        (("Outreach Unit",), "2023/09", "completed"),
    ] == [
        (a.responsible, a.due.text if a.due else "", a.status.value if a.status else "")
        for a in doc.actions
    ]
    assert [] == codes(doc)


def test_merged_key_action_cells_stream_alike(tmp_path: Path) -> None:
    """iter_actions fills a merged Responsible down as load does."""
    path = _merged_matrix(tmp_path)
    assert list(gt.load(path).actions) == list(gt.iter_actions(path))


def test_merged_responsible_in_action_plan_leaves_no_action_unassigned(tmp_path: Path) -> None:
    """An action plan's merged Responsible owns every covered action: none is unassigned."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status"],
        ["Map the suppliers", "Logistics Unit", "2022/06", "Ongoing"],
        ["Sign two agreements", None, "2022/09", "Ongoing"],
        ["Set up a dashboard", None, "2022/12", "Ongoing"],
        ["Hold a consultation", None, "2022/12", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows, setup=lambda sheet: sheet.merge_cells("B2:B4")))
    report = gt.validate(doc, on=dt.date(2024, 1, 1))
    assert ([("Logistics Unit",)] * 3 + [()], ["GT102"]) == (
        [action.responsible for action in doc.actions],
        [issue.code for issue in report if issue.code in {"GT102", "GT211"}],
    )


def test_merged_range_with_empty_first_cell_fills_nothing(tmp_path: Path) -> None:
    """A merged range whose first cell is empty gives its rows nothing, not the value above it."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status"],
        ["Map the suppliers", "Logistics Unit", "2022/06", "Ongoing"],
        ["Sign two agreements", None, "2022/09", "Ongoing"],
        ["Set up a dashboard", None, "2022/12", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows, setup=lambda sheet: sheet.merge_cells("B3:B4")))
    assert [("Logistics Unit",), (), ()] == [action.responsible for action in doc.actions]


def test_merged_month_deadline_keeps_its_precision(tmp_path: Path) -> None:
    """A merged date cell shown as a month is that month on every row it covers."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status"],
        ["Map the suppliers", "Logistics Unit", dt.datetime(2023, 7, 1), "Ongoing"],
        ["Sign two agreements", "Logistics Unit", None, "Ongoing"],
    ]

    def setup(sheet: Worksheet) -> None:
        sheet["C2"].number_format = "mmm-yy"
        sheet.merge_cells("C2:C3")

    doc = excel.load(build(tmp_path, rows, setup=setup))
    assert ["Jul 2023", "Jul 2023"] == [a.due.text if a.due else "" for a in doc.actions]


def test_merged_comments_are_still_reported(tmp_path: Path) -> None:
    """A Comments cell merged down is read for its first row and reported (GT211)."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status", "Comments"],
        ["Map the suppliers", "Logistics Unit", "2022/06", "Ongoing", "Shared with the donors"],
        ["Sign two agreements", "Logistics Unit", "2022/09", "Ongoing", None],
    ]
    doc = excel.load(build(tmp_path, rows, setup=lambda sheet: sheet.merge_cells("E2:E3")))
    assert (["Shared with the donors", ""], ["GT211"]) == (
        [action.comments for action in doc.actions],
        codes(doc),
    )
