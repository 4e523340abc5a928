"""The Excel reader: merged cells in the key-action columns, revised deadlines, scope prefixes.

These tests are collected again by tests/test_engines.py, so every workbook they
build is read with both engines, which must agree.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

import govtrack as gt
import test_excel_read
from govtrack.io import excel
from strategies import written_days, written_dues

MR_HEADER = ["Rec #", "Recommendation", "Key action", "Responsible", "Deadline", "Status"]


def build(
    folder: Path,
    rows: Sequence[Any],
    *,
    setup: Callable[[Worksheet], None] | None = None,
    name: str = "book.xlsx",
) -> Path:
    """Save one sheet, "Tracker", of ``rows`` (after ``setup`` adjusts it); return the path."""
    return test_excel_read.build(folder, rows, title="Tracker", setup=setup, name=name)


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
        ["Map the suppliers", "Logistics Unit", dt.datetime(2023, 7, 1), "Ongoing"],  # noqa: DTZ001 - as Excel
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


PLAN_HEADER = ["No", "Action", "Responsible", "Original deadline", "Revised deadline", "Status"]


def test_revised_deadline_column_replaces_the_original(tmp_path: Path) -> None:
    """A filled Revised deadline is the deadline; the original is kept in extra, no GT205/GT207."""
    rows = [
        PLAN_HEADER,
        [1, "Recruit a data officer", "HR Unit", "2022/06", "2023/06", "Ongoing"],
        [2, "Train the drivers", "Fleet Unit", "2022/09", None, "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (
        [("2023/06", {"Original deadline": "2022/06"}, "E"), ("2022/09", {}, "D")],
        [],
    ) == (
        [
            (a.due.text if a.due else "", dict(a.extra), a.origin.columns["deadline"])
            for a in doc.actions
            if a.origin is not None
        ],
        codes(doc),
    )


def test_revised_deadline_beside_a_plain_deadline(tmp_path: Path) -> None:
    """Deadline and New deadline: the new one is read, the first kept as 'Deadline (original)'."""
    rows = [
        ["Action", "Responsible", "Deadline", "New deadline", "Status"],
        ["Recruit a data officer", "HR Unit", dt.date(2022, 6, 30), "Dec 2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert ("Dec 2023", {"Deadline (original)": "2022-06-30"}, []) == (
        action.due.text if action.due else "",
        dict(action.extra),
        codes(doc),
    )


def test_revised_deadline_alone_is_the_deadline(tmp_path: Path) -> None:
    """A sheet whose only date column is 'Extended to' reads it as the deadline (no GT207)."""
    rows = [
        ["Action", "Responsible", "Extended to", "Status"],
        ["Recruit a data officer", "HR Unit", "2023/06", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (["2023/06"], []) == ([a.due.text for a in doc.actions if a.due], codes(doc))


def _two_row_header(sheet: Worksheet) -> None:
    """Deadline merged over Original / Revised; the other headers merged over both rows."""
    for column in "ABCDGH":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("E1:F1")


TWO_ROW_HEADER = [
    ["Rec #", "Recommendation", "Key action", "Responsible", "Deadline", None, "Status", "Notes"],
    [None, None, None, None, "Original", "Revised", None, None],
]


def test_two_row_header_is_read_as_one(tmp_path: Path) -> None:
    """Original / Revised under a merged Deadline are header cells, not a key action (GT225)."""
    rows = [
        *TWO_ROW_HEADER,
        [1, "Feed every pupil", "Map the depots", "Supply Unit", "2022/06", "2022/12", "Ongoing"],
        [None, None, "Agree the menus", "Supply Unit", "2022/09", None, "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows, setup=_two_row_header))
    assert (
        [("2022/12", {"Original deadline": "2022/06"}), ("2022/09", {})],
        ["GT225"],
        "Tracker!A2",
    ) == (
        [(a.due.text if a.due else "", dict(a.extra)) for a in doc.actions],
        codes(doc),
        str(doc.problems[0].location),
    )


def test_two_row_header_streams_alike(tmp_path: Path) -> None:
    """iter_actions reads a two-row header and revised deadlines as load does."""
    rows = [
        *TWO_ROW_HEADER,
        [1, "Feed every pupil", "Map the depots", "Supply Unit", "2022/06", "2022/12", "Ongoing"],
        [None, None, "Agree the menus", None, "Dec 2022 (revised: Mar 2023)", None, "Ongoing"],
    ]

    def setup(sheet: Worksheet) -> None:
        _two_row_header(sheet)
        sheet.merge_cells("D3:D4")

    path = build(tmp_path, rows, setup=setup)
    assert list(gt.load(path).actions) == list(gt.iter_actions(path))


def test_two_row_header_with_unknown_sub_headers_keeps_them(tmp_path: Path) -> None:
    """Sub-headers naming no column: the first keeps the field, the others go to extra."""
    rows = [
        ["Action", "Responsible", "Status", None, "Deadline"],
        [None, None, "Q1", "Q2", None],
        ["Map the depots", "Supply Unit", "Ongoing", "Completed", "2022/06"],
    ]

    def setup(sheet: Worksheet) -> None:
        sheet.merge_cells("C1:D1")
        for column in "ABE":
            sheet.merge_cells(f"{column}1:{column}2")

    doc = excel.load(build(tmp_path, rows, setup=setup))
    action = doc.actions[0]
    assert ("ongoing", {"Status Q2": "Completed"}, ["GT225", "GT205"]) == (
        action.status.value if action.status else "",
        dict(action.extra),
        codes(doc),
    )


def test_row_under_a_merged_header_with_one_cell_is_data(tmp_path: Path) -> None:
    """A row with one text under a header merged across is a record, not a sub-header row."""
    rows = [
        ["Action", None, "Responsible", "Deadline", "Status"],
        ["Map the depots", None, "Supply Unit", "2022/06", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows, setup=lambda sheet: sheet.merge_cells("A1:B1")))
    assert (["Map the depots"], []) == ([a.text for a in doc.actions], codes(doc))


def test_revision_inside_a_deadline_cell(tmp_path: Path) -> None:
    """'Dec 2022 (revised: Jun 2023)' is due Jun 2023, the cell kept in extra (GT226 once)."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status"],
        ["Map the depots", "Supply Unit", "Dec 2022 (revised: Jun 2023)", "Ongoing"],
        ["Agree the menus", "Supply Unit", "Mar 2023 (revised)", "Ongoing"],
        ["Print the menus", "Supply Unit", "Q1 2023 (extended to Q3 2023)", "Ongoing"],
        ["Test the cold room", "Supply Unit", "2023 (revised to be decided)", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (
        [
            ("Jun 2023", "", {"Deadline (as written)": "Dec 2022 (revised: Jun 2023)"}),
            ("Mar 2023", "", {"Deadline (as written)": "Mar 2023 (revised)"}),
            ("Q3 2023", "", {"Deadline (as written)": "Q1 2023 (extended to Q3 2023)"}),
            ("", "2023 (revised to be decided)", {}),
        ],
        [("GT226", "Tracker!C2"), ("GT104", "Tracker!C5")],  # the last deadline is unread
    ) == (
        [(a.due.text if a.due else "", a.due_text, dict(a.extra)) for a in doc.actions],
        [(p.code, str(p.location)) for p in doc.problems],
    )


_REVISIONS = ("{old} (revised: {new})", "{old} (Revised to {new})", "{old} (extended to {new})",
              "{old} ( revised {new} )", "{new} (revised)")  # fmt: skip


@given(
    st.one_of(written_dues, written_days),
    st.one_of(written_dues, written_days),
    st.sampled_from(_REVISIONS),
)
def test_revision_in_cell_reads_the_revised_date(old: gt.Due, new: gt.Due, shape: str) -> None:
    """A deadline cell '<date> (revised: <date>)' is due on the revised date, the cell kept."""
    cell = shape.format(old=old.text, new=new.text)
    rows = [["Action", "Responsible", "Deadline", "Status"], ["Map it", "Unit", cell, "Ongoing"]]
    doc = excel.load(build(Path(tempfile.mkdtemp()), rows))
    action = doc.actions[0]
    assert (new, {"Deadline (as written)": cell}) == (action.due, dict(action.extra))


SCOPE_TEXTS = [
    "KAZ: Chair the theme group",
    "UZ: Map the shelters",
    "ICT: Upgrade the servers",
    "HR: Recruit two officers",
    "NB: check the figures",
    "COVID: adapt the delivery plan",
]


def test_scope_prefixes_of_places_not_functions(tmp_path: Path) -> None:
    """KAZ: and UZ: give scopes; HR:, ICT:, NB: and COVID: stay in the text; GT227 once."""
    rows = [["Action", "Responsible", "Deadline", "Status"]]
    rows += [[text, "Unit", "2023/06", "Ongoing"] for text in SCOPE_TEXTS]
    doc = excel.load(build(tmp_path, rows))
    assert (
        [
            ("KAZ", "Chair the theme group"),
            ("UZ", "Map the shelters"),
            ("", "ICT: Upgrade the servers"),
            ("", "HR: Recruit two officers"),
            ("", "NB: check the figures"),
            ("", "COVID: adapt the delivery plan"),
        ],
        [("GT227", "Tracker!A2")],
    ) == (
        [(a.scope, a.text) for a in doc.actions],
        [(p.code, str(p.location)) for p in doc.problems],
    )


def test_scope_column_keeps_prefixed_texts_whole(tmp_path: Path) -> None:
    """With a Country column, a prefix in a text whose country cell is empty is text."""
    rows = [
        ["Country", "Action", "Responsible", "Deadline", "Status"],
        ["TJK", "Train the clerks", "Unit", "2023/06", "Ongoing"],
        [None, "KAZ: Chair the theme group", "Unit", "2023/06", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ([("TJK", "Train the clerks"), ("", "KAZ: Chair the theme group")], []) == (
        [(a.scope, a.text) for a in doc.actions],
        codes(doc),
    )
