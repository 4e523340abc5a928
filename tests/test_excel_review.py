"""Regressions of the Excel reader found in review: the header choice, title rows above the
table, page markers above a repeated header, status columns beside dated rounds, percent
rounds, and the rows of many sampled tables read in linear time."""

from __future__ import annotations

import gc
import itertools
import tempfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from openpyxl.worksheet.worksheet import Worksheet

import govtrack as gt
from govtrack.io import excel
from strategies import page_markers, status_other_columns
from test_excel_read import build, codes

ENGINES = ("openpyxl", "calamine")
HEADER = ["Action", "Responsible", "Deadline", "Status"]


def _engine(engine: str) -> str:
    if engine == "calamine":
        pytest.importorskip("python_calamine")
    return engine


def _actions(doc: gt.Document) -> list[tuple[str, str, str, str]]:
    return [
        (action.text, ", ".join(action.responsible), action.status_text, action.group)
        for action in doc.actions
    ]


# ---------------------------------------------------------------------------
# 1. A two-row header whose top row is merged down over the second


def _merged_down(sheet: Worksheet) -> None:
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    for column in "EFGH":
        sheet.merge_cells(f"{column}1:{column}2")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_two_row_header_merged_down_from_the_top_row_is_one_header(
    tmp_path: Path, engine: str
) -> None:
    """Regression: with row 2 a header row right under row 1, row 1 was taken as a title
    and row 2 as the header, every action field in extra as Column E…H; the two rows are
    one two-row header (GT225) as before."""
    rows: list[list[Any]] = [
        ["Recommendation", None, "Management response", None, "Key action", "Responsible",
         "Deadline", "Status"],
        ["Rec #", "Recommendation", "Category", "Comments"],
        ["1", "Widen the survey", "Accepted", "Agreed", "Add two districts", "M&E", "Q2 2025",
         "Completed"],
        ["2", "Publish the data", "Accepted", "", "Open a portal", "ICT", "Q3 2025", "Ongoing"],
    ]  # fmt: skip
    doc = excel.load(build(tmp_path, rows, setup=_merged_down), engine=_engine(engine))
    assert [
        ("Add two districts", "M&E", "Completed", ""),
        ("Open a portal", "ICT", "Ongoing", ""),
    ] == _actions(doc)
    assert "GT225" in codes(doc)
    assert "GT207" not in codes(doc)
    assert all(not key.startswith("Column ") for a in doc.actions for key in a.extra)


# ---------------------------------------------------------------------------
# 3. Label rows and a counts table above the table


def test_label_rows_above_the_header_are_title_fields_not_a_table(tmp_path: Path) -> None:
    """Regression: label rows (``Recommendation: | … | Responsible: | …``) above the header
    were taken for a header with data under it, an Evaluation made of them; they are the
    title's fields, and the table under them an action plan."""
    rows: list[list[Any]] = [
        ["Management response to the review of the clinics"],
        ["Recommendation:", "Widen the survey", "Responsible:", "Head of programmes"],
        ["Response: Accepted", "", "Date: 3 May 2025"],
        [],
        ["Key action", "Responsible", "Deadline", "Status"],
        ["Add two districts", "M&E", "Q2 2025", "Completed"],
        ["Train enumerators", "HR", "Q3 2025", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (0, 1) == (len(doc.evaluations), len(doc.plans))
    plan = doc.plans[0]
    assert "Management response to the review of the clinics" == plan.title
    assert {
        "Recommendation": "Widen the survey",
        "Responsible": "Head of programmes",
        "Response": "Accepted",
        "Date": "3 May 2025",
    } == dict(plan.extra)
    assert [
        ("Add two districts", "M&E", "Completed", ""),
        ("Train enumerators", "HR", "Ongoing", ""),
    ] == _actions(doc)


def test_a_counts_table_above_the_table_keeps_the_title(tmp_path: Path) -> None:
    """Regression: a table of counts by unit above the action table was taken as the
    first table and the sheet's title lost; the title stays, the counts rows in extra."""
    rows: list[list[Any]] = [
        ["Follow-up of the clinics review, as of 31 May 2025"],
        [],
        ["Responsible unit", "Actions", "Completed", "% done"],
        ["M&E", 2, 1, "50%"],
        ["ICT", 1, 1, "100%"],
        [],
        ["No", "Action", "Responsible", "Deadline", "Status", "Comments"],
        [1, "Add two districts", "M&E", "Q2 2025", "Completed", ""],
        [2, "Train enumerators", "M&E", "Q3 2025", "Ongoing", ""],
        [3, "Open a portal", "ICT", "Q4 2025", "Completed", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert 1 == len(doc.plans)
    plan = doc.plans[0]
    assert "Follow-up of the clinics review, as of 31 May 2025" == plan.title
    assert {
        "A3": "Responsible unit Actions Completed % done",
        "A4": "M&E 2 1 50%",
        "A5": "ICT 1 1 100%",
    } == dict(plan.extra)
    assert ["1", "2", "3"] == [action.ref for action in doc.actions]


# ---------------------------------------------------------------------------
# 9. An empty table, then a title and the same header with rows


def test_an_empty_table_then_a_section_and_the_header_again_keeps_the_group(
    tmp_path: Path,
) -> None:
    """Regression: the unused header row became a silent title piece of a second plan and
    the section above the repeat was lost as the actions' group; the header is repeated
    (GT216) and the section heads the rows, as before."""
    rows: list[list[Any]] = [
        ["Clinic follow-up"],
        [],
        HEADER,
        [],
        ["Closed actions"],
        HEADER,
        ["Add two districts", "M&E", "Q2 2025", "Completed"],
        ["Train enumerators", "HR", "Q3 2025", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (["Clinic follow-up"], {}) == (
        [plan.title for plan in doc.plans],
        dict(doc.plans[0].extra),
    )
    assert [
        ("Add two districts", "M&E", "Completed", "Closed actions"),
        ("Train enumerators", "HR", "Ongoing", "Closed actions"),
    ] == _actions(doc)
    assert "GT216" in codes(doc)


# ---------------------------------------------------------------------------
# 5. A page or continuation marker above a repeated header


def _continued(marker: str) -> list[list[Any]]:
    return [
        ["Clinic follow-up"],
        HEADER,
        ["Add two districts", "M&E", "Q2 2025", "Completed"],
        ["Train enumerators", "HR", "Q3 2025", "Ongoing"],
        [marker],
        HEADER,
        ["Open a portal", "ICT", "Q4 2025", "Ongoing"],
    ]


def _one_plan_and_a_note(doc: gt.Document, marker: str) -> None:
    assert ["Clinic follow-up"] == [plan.title for plan in doc.plans]
    assert {"Note A5": marker} == dict(doc.plans[0].extra)
    assert [
        ("Add two districts", "M&E", "Completed", ""),
        ("Train enumerators", "HR", "Ongoing", ""),
        ("Open a portal", "ICT", "Ongoing", ""),
    ] == _actions(doc)
    assert {"GT212", "GT216"} <= set(codes(doc))


@pytest.mark.parametrize("marker", ["Page 1 of 2", "(continued)"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_page_marker_above_a_repeated_header_is_a_note(
    tmp_path: Path, marker: str, engine: str
) -> None:
    """Regression: a ``(continued)`` or ``Page 1 of 2`` row right above a repeated header
    started a new plan titled by it (before, it was the group of the rows under it); it
    is a note, and the header a repeat (GT216)."""
    doc = excel.load(build(tmp_path, _continued(marker)), engine=_engine(engine))
    _one_plan_and_a_note(doc, marker)


@given(page_markers)
def test_every_page_marker_above_a_repeated_header_is_a_note(marker: str) -> None:
    """Whatever the page or continuation marker, it is a note and the table goes on."""
    doc = excel.load(build(Path(tempfile.mkdtemp()), _continued(marker)))
    _one_plan_and_a_note(doc, marker)


def test_a_section_above_a_repeated_header_still_starts_a_table(tmp_path: Path) -> None:
    """A title that is no page marker above a repeated header still starts a new table."""
    doc = excel.load(build(tmp_path, _continued("Procurement")))
    assert ["Clinic follow-up", "Procurement"] == [plan.title for plan in doc.plans]


# ---------------------------------------------------------------------------
# 2. A Status-something column beside dated status rounds


def _rounds_and(other: str) -> list[list[Any]]:
    return [
        ["Action", "Responsible", "Deadline", "Status (Dec 2024)", "Status (June 2025)", other],
        ["Add two districts", "M&E", "Q2 2025", "Ongoing", "Completed", "see the annex"],
        ["Train enumerators", "HR", "Q3 2025", "Not started", "Ongoing", ""],
    ]


def _read_from_the_latest_round(doc: gt.Document, other: str) -> None:
    assert [
        ("Add two districts", "M&E", "Completed", ""),
        ("Train enumerators", "HR", "Ongoing", ""),
    ] == _actions(doc)
    assert [["Ongoing"], ["Not started"]] == [
        [update.text for update in action.updates] for action in doc.actions
    ]
    assert {other: "see the annex"} == dict(doc.actions[0].extra)
    assert "GT232" not in codes(doc)
    assert "GT231" in codes(doc)


@pytest.mark.parametrize(
    "other",
    ["Status notes", "Status date", "Status owner", "Status remarks", "Status RAG",
     "Status colour"],
)  # fmt: skip
def test_a_status_column_that_is_no_round_stays_in_extra(tmp_path: Path, other: str) -> None:
    """Regression: any undated column whose header starts with Status beside dated rounds
    made the rounds unordered (GT232) and wiped every status; only a status qualifier
    (revised, updated, HQ view…) makes an undated round, the others are extra."""
    _read_from_the_latest_round(excel.load(build(tmp_path, _rounds_and(other))), other)


@given(status_other_columns)
def test_any_other_status_column_beside_rounds_is_extra(word: str) -> None:
    """Whatever names the other column after Status, the rounds are read."""
    other = f"Status {word}"
    doc = excel.load(build(Path(tempfile.mkdtemp()), _rounds_and(other)))
    _read_from_the_latest_round(doc, other)


# ---------------------------------------------------------------------------
# 8. Percent rounds read as shown


def _percent(sheet: Worksheet) -> None:
    for row in range(2, 5):
        for column in "CDE":
            sheet[f"{column}{row}"].number_format = "0%"


@pytest.mark.parametrize("engine", ENGINES)
def test_percent_rounds_are_read_as_shown(tmp_path: Path, engine: str) -> None:
    """Regression: only the latest round of a percent-formatted status was read as shown;
    a status falling back to an earlier round, and the updates, were '0.75', '0.25'."""
    rows: list[list[Any]] = [
        ["Action", "Responsible", "Status (Dec 2024)", "Status (June 2025)", "Status (Dec 2025)"],
        ["Add two districts", "M&E", 0.25, 0.5, 1],
        ["Train enumerators", "HR", 0.25, 0.75, None],
        ["Open a portal", "ICT", 0.1, None, None],
    ]
    doc = excel.load(build(tmp_path, rows, setup=_percent), engine=_engine(engine))
    assert [
        ("100%", ["25%", "50%"]),
        ("75%", ["25%"]),
        ("10%", []),
    ] == [
        (action.status_text, [update.text for update in action.updates]) for action in doc.actions
    ]


# ---------------------------------------------------------------------------
# 4. Many tables with a Progress column: one iterator of rows, not one per table


def _sections(count: int) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for k in range(count):
        rows += [
            [f"Section {k}"],
            ["Action", "Responsible", "Deadline", "Status", "Progress notes"],
            [f"Action {k}", "HR", "Q3 2025", "Ongoing", "x"],
            [],
        ]
    return rows


def _chain_depth(start: object) -> int:
    """How many itertools.chain objects are reachable from ``start`` (its wrapped rows)."""
    seen: set[int] = set()
    found = 0
    todo = [start]
    while todo:
        item = todo.pop()
        if id(item) in seen or isinstance(item, (str, bytes, int, float)):
            continue
        seen.add(id(item))
        if isinstance(item, itertools.chain):
            found += 1
        if isinstance(item, (Iterator, tuple, list, deque)) or hasattr(item, "__slots__"):
            todo.extend(gc.get_referents(item))
            if hasattr(item, "__slots__"):
                todo.extend(getattr(item, slot, None) for slot in item.__slots__)
    return found


def test_sampled_tables_do_not_nest_the_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: each table with a Progress column wrapped the rows in one more chain
    (the rows it sampled, then the rest), so reading a sheet of many such tables was
    quadratic; the rows stay one iterator, however many tables sample them."""
    depths: list[int] = []
    real = itertools.islice

    def watched(rows: Iterator[Any], count: int) -> Iterator[Any]:
        depths.append(_chain_depth(rows))
        return real(rows, count)

    monkeypatch.setattr("govtrack.io.excel.islice", watched)
    doc = excel.load(build(tmp_path, _sections(40)))
    assert 40 == len(doc.actions)
    assert len(depths) >= 40
    assert depths[-1] == depths[0]
