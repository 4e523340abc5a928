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


def test_reading_problems_leave_out_the_status_words_told_in_status_not_read(
    tmp_path: Path,
) -> None:
    """Regression: `reading_problems` counted again, as errors, the status words not read
    (GT101) that `status_not_read` counts; it now counts the other problems only, as the
    text summary does ("1 error besides the status words above")."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action #", "Action", "Responsible", "Deadline", "Status"])
    sheet.append(["1.1", "Close the audit", "Finance Unit", "2022/03", "Stalled"])
    sheet.append(["1.2", "Hire the clerk", "HR", "sometime", "Ongoing"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    out = io.StringIO()
    assert main(["summary", str(path), "--on", "2023-03-31", "--format", "json"], out=out) == 0
    data = json.loads(out.getvalue())
    expected = {
        "status_not_read": {"overdue": 1, "unknown": 0, "words": ["Stalled"]},
        "reading_problems": {"error": 1, "warning": 0, "info": 0},  # the deadline (GT104)
    }
    assert expected == {key: data[key] for key in expected}
    assert [
        "file",
        "on",
        "total",
        "by_status",
        "unknown",
        "resolving",
        "implementation_rate",
        "overdue",
        "status_not_read",
        "reading_problems",
        "sheets_not_read",
        "repeats",
    ] == list(data)


BOARD = (
    "Minutes of the 3rd Board Meeting\n"
    "Date: 4 March 2024\n"
    "\n"
    "2. Decisions\n"
    "(a) The Records Office will circulate the minutes within two weeks;\n"
    "(b) The Fleet Unit to service the vehicles by 30 April 2024 in:\n"
    "(i) the north;\n"
    "(ii) the south;\n"
)


def test_the_summary_shows_the_day_of_a_deadline_counted_from_the_meeting(
    tmp_path: Path,
) -> None:
    """Regression: `summary` listed an overdue decision '(due within two weeks)', which
    does not tell the day govtrack computed from the meeting date; the text now gives it
    before the words, and the JSON keeps the words in `due` and the day in `due_end`."""
    path = tmp_path / "board.txt"
    path.write_text(BOARD, encoding="utf-8")
    out = io.StringIO()
    assert main(["summary", str(path), "--on", "2024-06-01"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert any(
        line.endswith("(due 18 Mar 2024, within two weeks)") and "a) " in line for line in lines
    )
    assert not any(line.startswith(("(i)", "(ii)")) for line in lines)
    out = io.StringIO()
    assert main(["summary", str(path), "--on", "2024-06-01", "--format", "json"], out=out) == 0
    [record] = json.loads(out.getvalue())["overdue"]["The Records Office"]
    assert (record["due"], record["due_end"]) == ("within two weeks", "2024-03-18")
