"""Regressions of the Excel reader and writer found by a newcomer: percent cells kept as
shown, unit-of-measure headers, two-row dated status rounds, the matrix layout's losses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import govtrack as gt
from govtrack.io._xlsx import ENGINES

# -- 1. a percent cell whose text is kept


@pytest.mark.parametrize("engine", ENGINES)
def test_a_percent_cell_kept_in_extra_reads_as_shown(tmp_path: Path, engine: str) -> None:
    """Regression: a `% complete` cell 0.4 formatted `0%` was kept in extra as '0.4' (the
    partner sees 40%), and a comments or title value likewise; now every kept text is the
    text shown, in both engines."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Budget used:", 0.25])
    sheet.append(["Action", "Responsible", "Deadline", "Status", "% complete", "Comments"])
    sheet.append(["Draft the terms", "Legal Unit", "Q1 2023", "Ongoing", 0.4, 0.5])
    sheet.append(["Hire the panel", "HR", "Q1 2023", "Completed", 1, None])
    sheet.append(["Book the hall", "Admin Unit", "Q1 2023", "Not started", 0, None])
    sheet.append(["Open the tender", "Procurement", "Q1 2023", "Ongoing", 0.75, None])
    for cell in ("B1", "E3", "F3", "E4", "E5"):
        sheet[cell].number_format = "0%"
    path = tmp_path / "percent.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    assert [a.extra.get("% complete") for a in doc.actions] == ["40%", "100%", "0%", "0.75"]
    assert doc.actions[0].comments == "50%"
    assert doc.plans[0].extra.get("Budget used") == "25%"


def test_a_sheet_without_percent_cells_looks_up_no_cell(tmp_path: Path) -> None:
    """A sheet with no percent-styled cell judges no cell's shape per row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Count"])
    sheet.append(["Draft the terms", "Legal Unit", "Q1 2023", "Ongoing", 0.4])
    sheet["C2"].number_format = "mmm yyyy"
    path = tmp_path / "plain.xlsx"
    book.save(path)
    assert dict(gt.load(path).actions[0].extra) == {"Count": "0.4"}
