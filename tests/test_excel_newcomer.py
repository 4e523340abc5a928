"""Regressions of the Excel reader and writer found by a newcomer: percent cells kept as
shown, unit-of-measure headers, two-row dated status rounds, the matrix layout's losses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io._xlsx import ENGINES
from govtrack.io.columns import ALIASES, header_match, merge_aliases
from strategies import measure_hints

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


# -- 2. a header naming a unit of measure


@pytest.mark.parametrize("engine", ENGINES)
def test_a_progress_percent_column_is_no_comments_column(tmp_path: Path, engine: str) -> None:
    """Regression: `Progress (%)` was read as the Comments column (its `%` folded away) and
    the real Comments kept in extra with GT206; a measure is kept in extra, as shown."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Progress (%)", "Comments"])
    sheet.append(["Draft the terms", "Legal Unit", "Q1 2023", "Ongoing", 0.4, "Panel named"])
    sheet["E2"].number_format = "0%"
    path = tmp_path / "measure.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    [action] = doc.actions
    assert action.comments == "Panel named"
    assert dict(action.extra) == {"Progress (%)": "40%"}
    assert "GT206" not in [p.code for p in doc.problems]


_LOOKUP = merge_aliases()


@given(
    alias=st.sampled_from([*ALIASES["comments"], *ALIASES["updates"]]),
    measure=measure_hints,
)
def test_a_narrative_header_with_a_unit_of_measure_names_no_column(
    alias: str, measure: tuple[str, str]
) -> None:
    """Property: a comments or updates header followed by a unit of measure in parentheses
    names no column; without it, it names its column as before."""
    gap, unit = measure
    assert header_match(f"{alias}{gap}({unit})", _LOOKUP) == (None, False)
    assert header_match(alias, _LOOKUP)[0] in {"comments", "updates"}


# -- 3. a merged Status over dated sub-columns


@pytest.mark.parametrize("engine", ENGINES)
def test_a_merged_status_over_dated_rounds_reads_the_latest(tmp_path: Path, engine: str) -> None:
    """Regression: `Status` merged over `Dec 2022 | Jun 2023` took the status from the older
    sub-column and kept the latest in extra (GT205); the rounds rule now reads them, as
    `Status (Dec 2022) | Status (Jun 2023)`: the latest is the status, the earlier an update."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status", None])
    sheet.append([None, None, None, "Dec 2022", "Jun 2023"])
    sheet.append(["Train the clerks", "HR", "Mar 2023", "Ongoing", "Completed"])
    for cells in ("D1:E1", "A1:A2", "B1:B2", "C1:C2"):
        sheet.merge_cells(cells)
    path = tmp_path / "rounds.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    [action] = doc.actions
    assert action.status_text == "Completed"
    assert [(u.text, u.on.text if u.on else "") for u in action.updates] == [
        ("Ongoing", "Dec 2022")
    ]
    assert dict(action.extra) == {}
    assert [p.code for p in doc.problems] == ["GT225", "GT231"]


# -- 6. GT112 on a work-plan status cell of narrative


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        (["Activity", "Timeframe", "Implementation status", "Behind schedule"], "the comments"),
        (
            ["Activity", "Timeframe", "Implementation status", "Behind schedule", "Comments"],
            "extra['Implementation status']",
        ),
    ],
)
def test_gt112_names_the_narrative_a_status_cell_held(
    tmp_path: Path, header: list[str], kept: str
) -> None:
    """Regression: GT112 said the Status cell was empty (a colour is not read) when it held
    a narrative the work-plan rule moved to the comments (or extra); it now quotes the cell,
    says where it was kept and which status words are read."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    sheet.append(["Site visit", "May 2023", "Moved to the autumn", "x"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    doc = gt.load(path)
    [issue] = gt.validate(doc, on=dt.date(2023, 7, 31), select=["GT112"])
    assert "'Moved to the autumn'" in issue.message
    assert f"kept in {kept}" in issue.message
    assert "'Ongoing'" in issue.message
    assert "empty" not in issue.message


# -- 4. the Excel matrix refuses what it would leave out


def _chaired_plan() -> gt.Document:
    # A label holding ':' has no title-row pair that reads back (the matrix writes the rest).
    plan = gt.ActionPlan(
        title="Plan",
        extra={"Chair: acting": "Planning Unit"},
        actions=(gt.Action(ref="1", text="Hire"),),
    )
    return gt.Document(plans=(plan,))


def test_the_excel_matrix_refuses_a_plans_extra(tmp_path: Path) -> None:
    """Regression: the Excel matrix dropped a plan's extra in silence (the text matrix
    refused it); it now refuses, naming it, unless lossy=True."""
    path = tmp_path / "matrix.xlsx"
    with pytest.raises(
        gt.WriteError, match=r"plans\[0\]\.extra\['Chair: acting'\] 'Planning Unit'"
    ):
        gt.dump(_chaired_plan(), path, layout="matrix", on=dt.date(2024, 1, 1))
    assert not path.exists()
    gt.dump(_chaired_plan(), path, layout="matrix", on=dt.date(2024, 1, 1), lossy=True)
    assert [a.text for a in gt.load(path).actions] == ["Hire"]


def test_a_matrix_read_and_written_again_is_not_refused(tmp_path: Path) -> None:
    """The 'As of' entry a matrix reads back is the date written there: not refused."""
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    plan = gt.ActionPlan(title="Plan", actions=(gt.Action(ref="1", text="Hire"),))
    gt.dump(gt.Document(plans=(plan,)), first, layout="matrix", on=dt.date(2024, 1, 1))
    gt.dump(gt.load(first), second, layout="matrix", on=dt.date(2024, 1, 1))
    assert [a.text for a in gt.load(second).actions] == ["Hire"]


def test_convert_to_the_excel_matrix_refuses_unless_lossy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`convert --layout matrix` exits 2 naming what would be left out; --lossy writes."""
    from govtrack.cli import main

    source, target = tmp_path / "plan.json", tmp_path / "plan.xlsx"
    gt.dump(_chaired_plan(), source)
    assert main(["convert", str(source), str(target), "--layout", "matrix"]) == 2
    err = capsys.readouterr().err
    assert "plans[0].extra['Chair: acting']" in err
    assert "--lossy" in err
    assert not target.exists()
    assert main(["convert", str(source), str(target), "--layout", "matrix", "--lossy"]) == 0


# -- 5. an extra key that is a field's header


@pytest.mark.parametrize("engine", ENGINES)
def test_an_extra_entry_named_as_a_field_reads_back_as_written(tmp_path: Path, engine: str) -> None:
    """Regression: an action's extra entry 'Comments', written by the matrix as a second
    Comments column, read back as 'Comments (I)'; govtrack's own matrix reads it back under
    its key (a partner's second Comments column is still named by its letter)."""
    action = gt.Action(ref="1", text="Hire", comments="Done in May", extra={"Comments": "Noted"})
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    path = tmp_path / "matrix.xlsx"
    gt.dump(doc, path, layout="matrix", on=dt.date(2024, 1, 1))
    [back] = gt.load(path, engine=engine).actions
    assert (back.comments, dict(back.extra)) == ("Done in May", {"Comments": "Noted"})
