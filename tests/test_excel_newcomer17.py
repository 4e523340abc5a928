"""Regressions of the Excel reader of progress reports found by a newcomer: a header alias
in the singular, a header-like row left unread, a title-row period, yes/no questions under
an indicator table."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack import cli
from govtrack.io.columns import (
    _NEVER_PLURAL,
    PLURAL_KEYS,
    header_key,
    merge_aliases,
    normalise_header,
)
from strategies import alias_entries, numeric_day_ranges

HEADER = ["No", "Scheduled activity", "Responsible unit(s)", "Target date",
          "Implementation status", "Schedule", "Reasons for delay"]  # fmt: skip
ROWS: list[list[Any]] = [
    ["1.1", "Update the borehole register", "Water Office", "Dec 2023", "Ongoing",
     "Behind schedule", "Vehicle broken"],
    ["1.2", "Train the district clerks", "M&E Unit", "Q4 2023", "Completed", "On schedule", None],
]  # fmt: skip


PLAN = [["Action", "Responsible", "Deadline"], ["Clean the wells", "Water Office", "Q4 2023"]]


def book(
    folder: Path, sheets: dict[str, Sequence[Sequence[Any]]], name: str = "report.xlsx"
) -> Path:
    """Save one sheet per entry, its rows as given, and return the path."""
    workbook = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        if first:
            sheet = workbook.active
            assert sheet is not None
            sheet.title = title
            first = False
        else:
            sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    path = folder / name
    workbook.save(path)
    return path


def titled(period: str, header: Sequence[str] = HEADER) -> list[Sequence[Any]]:
    """A progress sheet: a title, a working group, a period, a blank row, the header, rows."""
    return [
        ["Sanitation TWG – progress report"],
        ["Working group:", "Sanitation"],
        ["Reporting period:", period],
        [],
        header,
        *ROWS,
    ]


# -- 1. header aliases in the singular and the plural


@pytest.mark.parametrize(
    "header",
    ["Scheduled activity", "Scheduled Activities", "Key activity", "Work plan activity",
     "Workplan activities", "Planned activity"],
)  # fmt: skip
def test_an_alias_in_the_singular_names_its_column(header: str) -> None:
    """Regression: `Scheduled activity` named no column (only `Scheduled activities` did)."""
    assert "action" == header_key(header, merge_aliases())


def test_singular_of_other_plural_aliases() -> None:
    """Each alias written in the plural is read in the singular too, of any column."""
    lookup = merge_aliases()
    found = [header_key(header, lookup) for header in ("Delay reason", "Challenge", "Update")]
    assert ["delay_reasons", "constraints", "updates"] == found


def test_an_alias_as_written_beats_another_columns_singular() -> None:
    """`Recommendation` is the evaluation's column, `Recommendations` the work plan's."""
    lookup = merge_aliases()
    found = [header_key("Recommendation", lookup), header_key("Recommendations", lookup)]
    assert ["recommendation", "recommendations"] == found


def _inflect(word: str, *, plural: bool) -> str:
    """A word in the plural or the singular, by the English rules the headers follow."""
    if plural:
        if re.fullmatch(r"[a-z]*[^aeiou]y", word):
            return f"{word[:-1]}ies"
        return f"{word}s"
    if re.fullmatch(r"[a-z]{2,}ies", word):
        return f"{word[:-3]}y"
    if re.fullmatch(r"[a-z]{3,}[^su]s", word):
        return word[:-1]
    return word


@given(alias_entries)
def test_every_alias_is_read_in_the_singular(entry: tuple[str, str]) -> None:
    """An alias with its words in the singular names the alias's column, unless it is
    itself another column's alias as written."""
    key, alias = entry
    lookup = merge_aliases()
    folded = normalise_header(alias)
    one = " ".join(_inflect(word, plural=False) for word in folded.split(" "))
    expected = lookup.get(one, key)
    assert expected == header_key(one, lookup)


@given(alias_entries)
def test_every_alias_of_a_main_column_is_read_in_the_plural(entry: tuple[str, str]) -> None:
    """An alias with its last word in the plural names the alias's column when that column
    is read in the plural: a main column, or an alias of several words of any other but
    those never read so (an alias as written of another column comes first)."""
    key, alias = entry
    lookup = merge_aliases()
    words = normalise_header(alias).split(" ")
    if not re.fullmatch(r"[a-z]{3,}", words[-1]) or words[-1].endswith("s"):
        return  # no ending English plurals: `No`, `#`, `Échéance`, `Progress`
    words[-1] = _inflect(words[-1], plural=True)
    many = " ".join(words)
    if many in lookup:
        expected: str | None = lookup[many]
    elif key in PLURAL_KEYS or (len(words) > 1 and key not in _NEVER_PLURAL):
        expected = key
    else:
        expected = None
    assert expected == header_key(many, lookup)


def test_a_progress_sheet_headed_scheduled_activity_is_read(tmp_path: Path) -> None:
    """Regression: a sheet headed `Scheduled activity` was not read at all (GT201, a
    warning, so `govtrack validate` said nothing was wrong)."""
    doc = gt.load(book(tmp_path, {"Activities": titled("H2 2023")}))
    texts = [activity.text for activity in doc.reports[0].activities]
    assert ["Update the borehole register", "Train the district clerks"] == texts
    assert [] == [problem.code for problem in doc.problems if problem.code == "GT201"]


# -- 1b. a header-like row without an action column is an error, said at its cell


def test_a_header_without_an_action_column_is_an_error_at_the_unknown_header(
    tmp_path: Path,
) -> None:
    """Regression: a row naming Responsible, Deadline, Status but no known action column
    gave a GT201 warning at A1 that did not say why; the sheet's rows are lost, so it is an
    error at the header govtrack does not know, naming the columns it does."""
    header = ["Scheduled task", "Responsible", "Deadline", "Status"]
    rows = [["Partner workplan"], [], header, ["Clean the wells", "Water Office", "Q4 2023", ""]]
    doc = gt.load(book(tmp_path, {"Plan": rows, "Other": [PLAN[0], PLAN[1]]}))
    (problem,) = [problem for problem in doc.problems if problem.code == "GT201"]
    message = (
        "sheet 'Plan' has no header row govtrack recognises: row 3 names Responsible, "
        "Deadline, Status but no action column; 'Scheduled task' is not a header govtrack "
        "knows (if it is the action column, pass aliases={'action': ['Scheduled task']}); "
        "it was not read"
    )
    expected = (gt.Severity.ERROR, "A3", message)
    assert problem.location is not None
    assert expected == (problem.severity, problem.location.cell, problem.message)


def test_no_sheet_read_says_which_row_looked_like_a_header(tmp_path: Path) -> None:
    """When no sheet is read, the FormatError names the header-like row and what it lacks."""
    header = ["Item", "Scheduled task", "Owner", "Due date", "Status"]
    path = book(tmp_path, {"Plan": [header, ["1", "Clean the wells", "Water Office", "Q4", ""]]})
    with pytest.raises(gt.FormatError) as caught:
        gt.load(path)
    expected = (
        "; Plan!B1: row 1 names Action #, Responsible, Deadline, Status but no action "
        "column; 'Scheduled task' is not a header govtrack knows (if it is the action "
        "column, pass aliases={'action': ['Scheduled task']})"
    )
    assert str(caught.value).endswith(expected)


def test_a_sheet_with_no_header_like_row_stays_a_warning(tmp_path: Path) -> None:
    """A cover page or a notes sheet (labels with values, lines of text) is no table:
    GT201 stays a warning at A1."""
    cover = [["Partner report"], ["Status:", "Draft"], ["Date:", "2023-12-31"], ["Read me."]]
    doc = gt.load(book(tmp_path, {"Cover": cover, "Plan": PLAN}))
    found = [
        (problem.code, problem.severity, problem.location.cell if problem.location else "")
        for problem in doc.problems
        if problem.code == "GT201"
    ]
    assert [("GT201", gt.Severity.WARNING, "A1")] == found


def test_validate_exits_non_zero_on_a_header_like_row_left_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: `govtrack validate` exited 0 on a workbook whose only table was not read."""
    header = ["Scheduled task", "Responsible", "Deadline", "Status"]
    path = book(tmp_path, {"Plan": [header, ["Wells", "Water", "Q4 2023", ""]], "More": PLAN})
    status = cli.main(["validate", str(path), "--on", "2023-06-30"])
    capsys.readouterr()
    assert cli.EXIT_ERRORS == status


# -- 2. the reporting period of a title row


def test_a_period_settled_by_one_end_is_read(tmp_path: Path) -> None:
    """Regression: `01/07/2023 – 31/12/2023` gave no period and no problem; 31 is no month,
    so both ends are day first: July to December."""
    doc = gt.load(book(tmp_path, {"Activities": titled("01/07/2023 – 31/12/2023")}))
    report = doc.reports[0]
    assert report.period is not None
    expected = (dt.date(2023, 7, 1), dt.date(2023, 12, 31), "01/07/2023 – 31/12/2023")
    assert expected == (report.period.start, report.period.end, report.period_text)
    assert [] == [problem.code for problem in doc.problems if problem.code == "GT234"]


@pytest.mark.parametrize(
    ("period", "why"),
    [
        ("01/07/2023 – 02/12/2023", "pass dayfirst= to choose"),
        ("the second half, provisional", "expected a day"),
    ],
)
def test_an_unread_period_is_reported_at_its_cell(tmp_path: Path, period: str, why: str) -> None:
    """Regression: a title-row period that did not read gave period None and no problem
    (the text reader says GT371); now GT234 at the value's cell, the text kept."""
    doc = gt.load(book(tmp_path, {"Activities": titled(period)}))
    report = doc.reports[0]
    (problem,) = [problem for problem in doc.problems if problem.code == "GT234"]
    assert problem.location is not None
    assert (None, period, "Activities", "B3") == (
        report.period,
        report.period_text,
        problem.location.sheet,
        problem.location.cell,
    )
    assert why in problem.message


def test_a_period_typed_with_its_label_is_reported_at_that_cell(tmp_path: Path) -> None:
    """A `Reporting period: …` pair typed in one cell is cited at that cell."""
    rows = titled("")
    rows[2] = ["Reporting period: 01/07/2023 – 02/12/2023"]
    doc = gt.load(book(tmp_path, {"Activities": rows}))
    cells = [p.location.cell for p in doc.problems if p.code == "GT234" and p.location]
    assert ["A3"] == cells


@given(numeric_day_ranges())
def test_one_end_that_reads_one_way_settles_the_other(
    written: tuple[str, dt.date, dt.date],
) -> None:
    """A range of all-numeric days one of which reads in one order only is read in that
    order at both ends."""
    text, start, end = written
    due = gt.parse_due(text)
    assert (start, end, gt.Precision.RANGE) == (due.start, due.end, due.precision)


def test_ends_in_opposite_orders_settle_nothing() -> None:
    """Two ends that each read in one order only are read so; an end that reads both ways
    beside one that does too stays ambiguous."""
    due = gt.parse_due("31/12/2022 – 12/31/2023")
    assert (dt.date(2022, 12, 31), dt.date(2023, 12, 31)) == (due.start, due.end)
    with pytest.raises(gt.AmbiguousDateError):
        gt.parse_due("01/07/2023 – 02/12/2023")


# -- 3. yes/no questions under an indicator table

INDICATORS: list[list[Any]] = [
    ["Indicator", "Timeframe", "Current status", "Constraints"],
    ["Latrine coverage reaches 70%", "2023", "64%", "Two districts late"],
    ["Hand-washing stations in all schools", "every term", "80%", None],
    [],
    ["Does the group have the staff it needs?", "No"],
    ["Is the budget approved?", "Yes, in March"],
    ["Has the plan been costed?", "Partly, by the finance unit"],
    ["Are the districts reporting on time?", "Most", "Four are late"],
]


def test_yes_no_questions_under_indicators_are_answers(tmp_path: Path) -> None:
    """Regression: yes/no questions under an indicator table became indicators whose
    timeframe was the answer (`No`); now answers, by the text reader's rule."""
    doc = gt.load(book(tmp_path, {"JMI": INDICATORS}))
    report = doc.reports[0]
    answers = [(answer.question, answer.answer, answer.text) for answer in report.answers]
    assert [
        ("Does the group have the staff it needs?", False, "No"),
        ("Is the budget approved?", True, "Yes, in March"),
        ("Has the plan been costed?", None, "Partly, by the finance unit"),
    ] == answers
    assert ["JMI!A5", "JMI!A6", "JMI!A7"] == [
        f"{answer.origin.sheet}!{answer.origin.cell}" for answer in report.answers if answer.origin
    ]
    texts = [indicator.text for indicator in report.indicators]
    assert [
        "Latrine coverage reaches 70%",
        "Hand-washing stations in all schools",
        "Are the districts reporting on time?",
    ] == texts


def test_an_answer_neither_yes_nor_no_and_an_unread_timeframe_are_reported(
    tmp_path: Path,
) -> None:
    """Regression: an indicator's timeframe that is not a date was kept with no problem;
    now GT235 at its cell, and an answer neither yes nor no GT236 at its cell."""
    doc = gt.load(book(tmp_path, {"JMI": INDICATORS}))
    found = [
        (problem.code, problem.location.cell if problem.location else "")
        for problem in doc.problems
        if problem.code in {"GT235", "GT236"}
    ]
    assert [("GT235", "B3"), ("GT235", "B8"), ("GT236", "B7")] == sorted(found)


yes_no = st.sampled_from(["Yes", "No", "yes", "NO", "No.", "Yes - since May"])


@given(
    st.lists(st.tuples(st.sampled_from(["Does", "Is", "Has", "Are", "Can"]), yes_no), max_size=4)
)
def test_questions_and_answers_round(pairs: list[tuple[str, str]]) -> None:
    """Every yes/no question row with one answer cell is an answer, yes or no as its word."""
    rows: list[Sequence[Any]] = [["Indicator", "Timeframe", "Status"], ["Coverage", "2024", "60%"]]
    rows += [[f"{verb} item {n} done?", answer] for n, (verb, answer) in enumerate(pairs)]
    with tempfile.TemporaryDirectory() as folder:
        doc = gt.load(book(Path(folder), {"JMI": rows}))
    expected = [
        (f"{verb} item {n} done?", answer.lower().startswith("yes"), answer)
        for n, (verb, answer) in enumerate(pairs)
    ]
    found = [(a.question, a.answer, a.text) for a in doc.reports[0].answers]
    assert expected == found
