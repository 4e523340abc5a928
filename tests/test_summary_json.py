"""`govtrack summary --format json`: overdue actions as records, unread statuses counted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl

from govtrack.cli import main


def test_overdue_actions_are_records_with_where_they_were_read(tmp_path: Path) -> None:
    """Regression: each overdue action was a display string cut at 70 characters
    (`'1.2 Update the … (due 2022/06)'`); it is now its ref, whole text, deadline as
    written and last day, and cell. Statuses govtrack could not read are counted too."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action #", "Action", "Responsible", "Deadline", "Status"])
    long_text = "Update the beneficiary register with the new criteria agreed by the board " * 2
    sheet.append(["1.2", long_text.strip(), "M&E Unit", "2022/06", "Ongoing"])
    sheet.append(["1.3", "Close the audit", "Finance Unit", "2022/03", "Done ✓"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    out = io.StringIO()
    assert main(["summary", str(path), "--on", "2023-03-31", "--format", "json"], out=out) == 0
    data = json.loads(out.getvalue())
    assert data["overdue"]["M&E Unit"] == [
        {
            "ref": "1.2",
            "text": long_text.strip(),
            "due": "2022/06",
            "due_end": "2022-06-30",
            "where": "Plan!B2",
        }
    ]
    assert data["overdue"]["Finance Unit"][0]["where"] == "Plan!B3"
    assert data["status_not_read"] == {"overdue": 1, "unknown": 0, "words": ["Done ✓"]}
