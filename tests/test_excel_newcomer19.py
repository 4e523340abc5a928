"""Regressions of the Excel reader of work plans and indicator sheets found by a newcomer:

- a work-plan row continuing the activity above (``and UNICEF (phase 1)``), its Lead,
  Timeframe and Status merged over both rows, was read as a second activity; with no merge
  it was taken for a section heading, silently; a row pasted twice was counted twice,
  silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel

ON = dt.date(2025, 6, 30)
HEADER = ["Scheduled activities", "Lead", "Timeframe", "Implementation status", "On schedule"]
FIRST = ["Build a joint dashboard with the statistics office", "WFP", "Jul 2025", "Ongoing", "X"]
LAST = ["Train district data officers", "Ministry of Health", "Sep 2025", "Ongoing", "X"]


def _book(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Work plan"
    for row in rows:
        sheet.append(list(row))
    for merge in merges:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def _codes(doc: gt.Document) -> list[tuple[str, str]]:
    return [
        (problem.code, problem.location.cell if problem.location else "")
        for problem in doc.problems
    ]


MERGED = ("B2:B3", "C2:C3", "D2:D3")


def test_a_wrapped_activity_under_merged_cells_is_one_activity(tmp_path: Path) -> None:
    rows = [HEADER, FIRST, ["and UNICEF (phase 1: specification)"], LAST]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows, MERGED))
    first, last = doc.actions
    assert first.text == f"{FIRST[0]} and UNICEF (phase 1: specification)"
    assert first.responsible == ("WFP",)
    assert first.status is gt.Status.ONGOING
    assert first.origin is not None
    assert first.origin.cell == "A2"
    assert last.text == LAST[0]
    assert _codes(doc) == [("GT237", "A3")]
    assert "A3 continues the activity of A2 (merged cells), read as one" in str(doc.problems[0])
    assert doc.problems[0].severity is gt.Severity.INFO


def test_a_wrapped_activity_over_three_rows_is_one_activity(tmp_path: Path) -> None:
    rows = [HEADER, FIRST, ["with UNICEF"], ["(phase 1: specification)"], LAST]
    merges = ("B2:B4", "C2:C4", "D2:D4")
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows, merges))
    assert [action.text for action in doc.actions] == [
        f"{FIRST[0]} with UNICEF (phase 1: specification)",
        LAST[0],
    ]
    assert _codes(doc) == [("GT237", "A3"), ("GT237", "A4")]


def test_the_wrapped_activity_is_joined_when_streaming(tmp_path: Path) -> None:
    rows = [HEADER, FIRST, ["and UNICEF"], LAST]
    path = _book(tmp_path / "plan.xlsx", rows, MERGED)
    texts = [action.text for action in gt.iter_actions(path)]
    assert texts == [f"{FIRST[0]} and UNICEF", LAST[0]]


def test_a_capitalised_row_under_merged_cells_stays_an_activity(tmp_path: Path) -> None:
    """A row opening a sentence of its own is an activity sharing the merged cells."""
    rows = [HEADER, FIRST, ["Publish the quarterly bulletin"], LAST]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows, MERGED))
    assert [action.text for action in doc.actions] == [
        FIRST[0],
        "Publish the quarterly bulletin",
        LAST[0],
    ]
    assert doc.actions[1].responsible == ("WFP",)
    assert _codes(doc) == []


def test_a_lone_continuing_row_without_merge_is_a_section_with_a_warning(tmp_path: Path) -> None:
    """Not sure without a merge: read as the section row a lone short text is, and warned
    (it was a silent section); no activity is made up of it."""
    rows = [HEADER, FIRST, ["and UNICEF (phase 1: specification)"], LAST]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows))
    assert [(action.text, action.group) for action in doc.actions] == [
        (FIRST[0], ""),
        (LAST[0], "and UNICEF (phase 1: specification)"),
    ]
    assert _codes(doc) == [("GT238", "A3")]
    assert doc.problems[0].severity is gt.Severity.WARNING
    assert "read as a section heading" in str(doc.problems[0])


def test_a_long_lone_continuing_row_without_merge_is_an_activity_with_a_warning(
    tmp_path: Path,
) -> None:
    """Too long for a section row: an activity of its own, and warned."""
    text = ("and UNICEF " + "in every district of the three regions " * 3).strip()
    rows = [HEADER, FIRST, [text], LAST]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows))
    assert [action.text for action in doc.actions] == [FIRST[0], text, LAST[0]]
    assert _codes(doc) == [("GT238", "A3")]
    assert "read as one of its own" in str(doc.problems[0])


def test_a_row_pasted_twice_is_reported(tmp_path: Path) -> None:
    rows = [HEADER, FIRST, LAST, LAST]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows))
    assert len(doc.actions) == 3  # nothing dropped
    assert _codes(doc) == [("GT239", "A4")]
    assert "row 4 repeats row 3: counted twice" in str(doc.problems[0])


def test_rows_differing_in_a_cell_or_apart_are_no_repeat(tmp_path: Path) -> None:
    rows: list[list[Any]] = [HEADER, LAST, [*LAST[:4], None], [], LAST]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows))
    assert len(doc.actions) == 3
    assert _codes(doc) == []


def test_a_repeated_row_with_a_ref_is_left_to_validate(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["No", *HEADER], ["1", *LAST], ["1", *LAST]]
    doc = gt.load(_book(tmp_path / "plan.xlsx", rows))
    assert "GT239" not in [problem.code for problem in doc.problems]
    assert "GT108" in [issue.code for issue in gt.validate(doc, on=ON)]


_words = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8)
_goes_on = st.one_of(
    st.tuples(st.sampled_from(["and", "or", "with", "including", "And", "With"]), _words).map(
        " ".join
    ),
    _words.map(lambda word: f"({word})").filter(lambda text: not excel._opens_with_ref(text)),
)


@given(second=_goes_on, rows_merged=st.integers(2, 4))
def test_a_text_going_on_under_merged_cells_is_joined(
    tmp_path_factory: Any, second: str, rows_merged: int
) -> None:
    """Property: each row going on with the sentence above under merged cells is joined to
    the activity's text with a space, and reported once at its cell."""
    path = tmp_path_factory.mktemp("plan") / "plan.xlsx"
    more = [[second]] * (rows_merged - 1)
    last = 2 + rows_merged - 1
    merges = [f"{column}2:{column}{last}" for column in "BCD"]
    doc = excel.load(_book(path, [HEADER, FIRST, *more, LAST], merges))
    assert [action.text for action in doc.actions] == [
        " ".join([FIRST[0], *[second] * (rows_merged - 1)]),
        LAST[0],
    ]
    assert _codes(doc) == [("GT237", f"A{row}") for row in range(3, last + 1)]


# -- separate actions under one merged Responsible/Deadline/Status, and section rows

ACTIONS_HEADER = ["No", "Key action", "Responsible", "Deadline", "Status", "Comments"]
TRAIN = ["1", "Train the district staff", "HR Unit", "2023/06", "Ongoing"]
HIRE = ["2", "Hire two officers", "HR Unit", "2023/09", "Completed"]
SHARED = ("C2:C3", "D2:D3", "E2:E3")


def _actions(doc: gt.Document) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(action.ref, action.text, action.responsible, action.group) for action in doc.actions]


def test_an_item_with_a_ref_under_merged_cells_is_an_action_of_its_own(tmp_path: Path) -> None:
    """Two actions sharing one unit, deadline and status (merged): the second, opening with
    its ref, was joined to the first (GT237)."""
    rows: list[list[Any]] = [ACTIONS_HEADER, TRAIN, [None, "(b) Draft the training plan"], HIRE]
    doc = gt.load(_book(tmp_path / "matrix.xlsx", rows, SHARED))
    assert _actions(doc) == [
        ("1", "Train the district staff", ("HR Unit",), ""),
        ("(b)", "Draft the training plan", ("HR Unit",), ""),
        ("2", "Hire two officers", ("HR Unit",), ""),
    ]
    assert [code for code, _ in _codes(doc)] == ["GT220"]


def test_a_lower_case_action_under_merged_cells_is_an_action_of_its_own(tmp_path: Path) -> None:
    """A lower-case text with no joining word, under a text that may be whole, was joined."""
    rows: list[list[Any]] = [
        ACTIONS_HEADER,
        [None, *TRAIN[1:]],
        [None, "e-learning course launched"],
    ]
    doc = gt.load(_book(tmp_path / "matrix.xlsx", rows, SHARED))
    assert [(action.text, action.status_text) for action in doc.actions] == [
        ("Train the district staff", "Ongoing"),
        ("e-learning course launched", "Ongoing"),
    ]
    assert _codes(doc) == []


def test_a_lower_case_row_under_a_text_broken_off_is_joined(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ACTIONS_HEADER,
        [None, "Train the staff of the", *TRAIN[2:]],
        [None, "district offices"],
    ]
    doc = gt.load(_book(tmp_path / "matrix.xlsx", rows, SHARED))
    assert [action.text for action in doc.actions] == ["Train the staff of the district offices"]
    assert _codes(doc) == [("GT237", "B3")]


@pytest.mark.parametrize("section", ["(b) Partnerships", "(ii) Partnerships", "(2) Partnerships"])
def test_a_section_row_with_a_ref_under_an_action_heads_a_section(
    tmp_path: Path, section: str
) -> None:
    """It was read as an action made up of the row (GT238, GT220), the rows below in the
    wrong group."""
    rows: list[list[Any]] = [
        ACTIONS_HEADER,
        [None, "(a) Capacity building"],
        TRAIN,
        [None, section],
        HIRE,
    ]
    doc = gt.load(_book(tmp_path / "matrix.xlsx", rows))
    assert _actions(doc) == [
        ("1", "Train the district staff", ("HR Unit",), "(a) Capacity building"),
        ("2", "Hire two officers", ("HR Unit",), section),
    ]
    assert _codes(doc) == []


def test_a_lower_case_section_row_under_an_action_heads_a_section(tmp_path: Path) -> None:
    """Still a section row, as before GT238; GT238 warns that it may end the action above."""
    rows: list[list[Any]] = [
        ACTIONS_HEADER,
        [None, "Capacity building"],
        TRAIN,
        [None, "and partnerships"],
        HIRE,
    ]
    doc = gt.load(_book(tmp_path / "matrix.xlsx", rows))
    assert _actions(doc) == [
        ("1", "Train the district staff", ("HR Unit",), "Capacity building"),
        ("2", "Hire two officers", ("HR Unit",), "and partnerships"),
    ]
    assert _codes(doc) == [("GT238", "B4")]


_refs = st.one_of(
    st.sampled_from("abcdefghABCDEFGH").map(lambda letter: f"({letter})"),
    st.sampled_from(["i", "ii", "iii", "iv", "v", "vi"]).map(lambda roman: f"({roman})"),
    st.integers(1, 99).map(lambda number: f"({number})"),
    st.sampled_from("abcdefgh").map(lambda letter: f"{letter})"),
)


@given(ref=_refs, rest=_words, merged=st.booleans())
def test_a_text_opening_with_a_ref_never_goes_on(
    tmp_path_factory: Any, ref: str, rest: str, merged: bool
) -> None:
    """Property: a row opening with a ref under an action is never joined to it, nor warned
    as its continuation, merged cells or not: an action of its own, or a section row."""
    path = tmp_path_factory.mktemp("plan") / "plan.xlsx"
    text = f"{ref} {rest}"
    rows: list[list[Any]] = [ACTIONS_HEADER, TRAIN, [None, text], HIRE]
    doc = excel.load(_book(path, rows, SHARED if merged else ()))
    texts = [action.text for action in doc.actions]
    assert texts[0] == TRAIN[1]
    assert {"GT237", "GT238"}.isdisjoint(code for code, _ in _codes(doc))
    if merged:
        assert texts == [TRAIN[1], rest, HIRE[1]]
    else:
        assert texts == [TRAIN[1], HIRE[1]]
        assert doc.actions[1].group == text


# -- a yes/no question in an indicator table's No column

INDICATOR_HEADER = ["No", "Indicator", "Timeframe", "Status"]
INDICATOR = ["1", "Districts reporting on time", "Q2 2025", "Nine of twelve districts"]
QUESTION = "Does the group have sufficient resources?"


def _report(doc: gt.Document) -> gt.ProgressReport:
    (report,) = doc.reports
    return report


def test_a_yes_no_question_in_the_no_column_is_an_answer(tmp_path: Path) -> None:
    rows = [INDICATOR_HEADER, INDICATOR, [QUESTION, "No"]]
    doc = gt.load(_book(tmp_path / "indicators.xlsx", rows))
    report = _report(doc)
    assert [(indicator.ref, indicator.text) for indicator in report.indicators] == [
        ("1", INDICATOR[1])
    ]
    (answer,) = report.answers
    assert (answer.question, answer.answer, answer.text) == (QUESTION, False, "No")
    assert answer.origin is not None
    assert answer.origin.cell == "A3"
    assert _codes(doc) == [("GT240", "A3")]


def test_a_yes_no_question_reads_alike_in_either_column(tmp_path: Path) -> None:
    in_a = gt.load(_book(tmp_path / "a.xlsx", [INDICATOR_HEADER, [QUESTION, "Yes, two staff"]]))
    in_b = gt.load(
        _book(tmp_path / "b.xlsx", [INDICATOR_HEADER, [None, QUESTION, "Yes, two staff"]])
    )
    assert _report(in_a).answers == _report(in_b).answers
    assert _report(in_a).answers[0].answer is True


def test_another_question_in_the_no_column_is_reported(tmp_path: Path) -> None:
    rows = [INDICATOR_HEADER, ["What holds the group back?", "Funding", "2025", "Late"]]
    doc = gt.load(_book(tmp_path / "indicators.xlsx", rows))
    (indicator,) = _report(doc).indicators
    assert indicator.ref == "What holds the group back?"  # kept as read, and reported
    assert _codes(doc) == [("GT241", "A2")]


_verbs = st.sampled_from(["Does", "Is", "Has", "Are", "Can", "Will"])


@given(
    verb=_verbs,
    rest=_words,
    word=st.sampled_from(["Yes", "No", "yes", "NO"]),
    column=st.integers(0, 1),
)
def test_a_yes_no_question_in_the_first_two_columns_is_an_answer(
    tmp_path_factory: Any, verb: str, rest: str, word: str, column: int
) -> None:
    """Property: a yes/no question and its answer, from the No or the Indicator column, is
    one Answer, and no indicator."""
    question = f"{verb} the group have {rest}?"
    path = tmp_path_factory.mktemp("indicators") / "indicators.xlsx"
    doc = excel.load(_book(path, [INDICATOR_HEADER, [*[None] * column, question, word]]))
    report = _report(doc)
    assert report.indicators == ()
    assert [(answer.question, answer.answer) for answer in report.answers] == [
        (question, word.lower() == "yes")
    ]


# -- a Target column beside the Indicator

TARGET_HEADER = ["Indicator", "Baseline", "Target", "Achieved", "Timeframe", "Status"]


def test_a_target_column_gives_the_indicators_target(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        TARGET_HEADER,
        ["Children screened for wasting", "55%", "80%", "about seventy percent", "2025", "Ongoing"],
        ["Districts reporting on time", None, None, None, "Q2 2025", "Nine of twelve"],
    ]
    doc = gt.load(_book(tmp_path / "indicators.xlsx", rows))
    first, second = _report(doc).indicators
    assert first.text == "Children screened for wasting"
    assert [target.text for target in first.targets] == ["80%"]
    assert first.targets[0].origin is not None
    assert first.targets[0].origin.cell == "C2"
    assert dict(first.extra) == {"Baseline": "55%", "Achieved": "about seventy percent"}
    assert first.status == "Ongoing"
    assert second.targets == ()
    assert [problem.code for problem in doc.problems] == ["GT205", "GT205"]  # no GT206


def test_a_target_column_first_is_no_indicator_column(tmp_path: Path) -> None:
    """Target values were read as the indicators' names; with no indicator column the sheet
    is refused with a reason, not read as indicators named 80%."""
    rows = [["Target", "Timeframe", "Status"], ["80%", "2025", "Ongoing"]]
    with pytest.raises(gt.GovtrackError, match="no action column"):
        gt.load(_book(tmp_path / "targets.xlsx", rows))


def test_a_percent_target_reads_as_shown(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No", "Indicator", "Timeframe", "Target", "Status"])
    sheet.append(["1", "Children screened for wasting", "2025", 0.8, "Ongoing"])
    sheet["D2"].number_format = "0%"
    book.save(tmp_path / "percent.xlsx")
    (indicator,) = _report(gt.load(tmp_path / "percent.xlsx")).indicators
    assert [target.text for target in indicator.targets] == ["80%"]


@given(target=st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz 0123456789%"), max_size=12))
def test_a_target_cell_is_the_indicators_one_target(tmp_path_factory: Any, target: str) -> None:
    """Property: the Target cell, blank or not, is the indicator's target as written, never
    its text nor an extra column."""
    path = tmp_path_factory.mktemp("targets") / "targets.xlsx"
    rows: list[list[Any]] = [
        ["Indicator", "Target", "Timeframe"],
        ["Districts reporting", target or None, "2025"],
    ]
    (indicator,) = _report(excel.load(_book(path, rows))).indicators
    assert indicator.text == "Districts reporting"
    assert [one.text for one in indicator.targets] == ([target.strip()] if target.strip() else [])
    assert "Target" not in indicator.extra
