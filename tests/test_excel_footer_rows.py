"""Rows under a partner's table that are not actions: a total over formulas, a legend."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import govtrack as gt

ENGINES = ["openpyxl", "calamine"]


def _tracker(tmp_path: Path, footer: list[object]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["No.", "Action", "Responsible", "Deadline", "Status"])
    sheet.append([1, "Open two service desks", "Programme Unit", "2023/06", "Ongoing"])
    sheet.append([2, "Publish the referral guide", "Communications", "2022/12", "Completed"])
    sheet.append(footer)
    path = tmp_path / "tracker.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_a_total_row_of_formulas_is_a_total_not_a_section(tmp_path: Path, engine: str) -> None:
    """Regression: `Total` over formulas (no cached values: the only filled cell is the
    word) was called a section with nothing under it (GT215); it is a total row (GT212)."""
    path = _tracker(tmp_path, ["Total", "=COUNTA(B2:B3)", None, None, None])
    doc = gt.load(path, engine=engine)
    assert [a.text for a in doc.actions] == ["Open two service desks", "Publish the referral guide"]
    assert doc.plans[0].extra["Total A4"] == "Total"
    codes = [p.code for p in doc.problems]
    assert "GT215" not in codes
    assert "GT212" in codes


@pytest.mark.parametrize("engine", ENGINES)
def test_a_legend_row_is_a_note(tmp_path: Path, engine: str) -> None:
    """Regression: a `Legend: green = done …` row was a section with nothing under it
    (GT215); it is a note, kept in extra (GT212)."""
    legend = "Legend: green = done, yellow = on track, red = delayed"
    doc = gt.load(_tracker(tmp_path, [legend]), engine=engine)
    assert doc.plans[0].extra["Note A4"] == legend
    assert [(p.code, p.location.cell if p.location else "") for p in doc.problems] == [
        ("GT212", "A4")
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_action_govtrack_wrote_is_no_tally_whatever_its_text(
    tmp_path: Path, engine: str
) -> None:
    """Regression (found by the matrix round-trip property): an action whose text is a
    number (`0`) with a deadline, written by govtrack, was read as a tally row, and the
    table of such rows as a table of counts (no sheet read)."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                title="Plan",
                actions=(gt.Action(text="0", due=gt.parse_due("1990")), gt.Action(text="12")),
            ),
        )
    )
    path = tmp_path / "matrix.xlsx"
    gt.dump(doc, path, layout="matrix")
    back = gt.load(path, engine=engine)
    assert [(a.text, a.due) for a in back.actions] == [("0", gt.parse_due("1990")), ("12", None)]
