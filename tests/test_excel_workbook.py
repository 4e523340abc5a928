"""govtrack's own workbook layout: lossless both ways, safe cells, clear errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel_workbook as wb
from strategies import documents


def _origins(doc: gt.Document) -> Iterator[gt.Location | None]:
    """Every record's origin, in a fixed walk over the document."""
    for evaluation in doc.evaluations:
        yield evaluation.origin
        for recommendation in evaluation.recommendations:
            yield recommendation.origin
            yield from (action.origin for action in recommendation.actions)
    for meeting in doc.meetings:
        yield meeting.origin
        yield from (item.origin for item in meeting.agenda)
        yield from (decision.origin for decision in meeting.decisions)
    for report in doc.reports:
        yield report.origin
        yield from (activity.origin for activity in report.activities)
        yield from (answer.origin for answer in report.answers)
        stack = list(report.indicators)
        while stack:
            indicator = stack.pop(0)
            yield indicator.origin
            stack[:0] = indicator.targets
    for plan in doc.plans:
        yield plan.origin
        yield from (action.origin for action in plan.actions)


def _round_trip(doc: gt.Document) -> gt.Document:
    buffer = io.BytesIO()
    wb.write(doc, buffer)
    buffer.seek(0)
    return wb.read(buffer)


def _plan(*actions: gt.Action) -> gt.Document:
    return gt.Document(plans=(gt.ActionPlan(title="Follow-up plan", actions=actions),))


@given(documents)
def test_generated_documents_read_back_equal(doc: gt.Document) -> None:
    """Any generated document reads back equal from the workbook it was written to."""
    assert doc == _round_trip(doc)


@given(documents)
def test_generated_documents_keep_their_origins(doc: gt.Document) -> None:
    """Every record's origin (excluded from equality) is written and read back too."""
    assert list(_origins(doc)) == list(_origins(_round_trip(doc)))


@given(st.lists(st.text(), max_size=5))
def test_joined_texts_split_back_to_the_same_items(items: list[str]) -> None:
    """Any list of texts, with line breaks, backslashes or empty items, survives one cell."""
    assert tuple(items) == wb.split_texts(wb.join_texts(items))


@given(st.text())
def test_any_text_survives_the_cell_escape(text: str) -> None:
    """Escaping then unescaping gives back any text, control characters included."""
    assert text == wb.unescape_cell_text(wb.escape_cell_text(text))


TRICKY_TEXTS = [
    "=1+1",
    '=HYPERLINK("http://example.invalid")',
    "+44 20 7946 0000",
    "-5 days",
    "@unit",
    "#N/A",
    "#DIV/0!",
    "  padded with spaces  ",
    "line one\nline two",
    "carriage\r\nreturn",
    "bell\x07 and escape\x1b",
    "looks escaped: _x0041_ and _x005F_",
    "lone surrogate \ud800 and \uffff",
    "2021-07-31",
    "0042",
    "TRUE",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_tricky_texts_read_back_unchanged(text: str) -> None:
    """A text that looks like a formula, number, error, escape or control character stays as is."""
    doc = _plan(gt.Action(text=text, comments=text, responsible=(text, text), status_text=text))
    assert doc == _round_trip(doc)


def test_formula_like_text_is_written_as_a_string_cell(tmp_path: Path) -> None:
    """A text beginning with '=' is a string cell in the saved XML, not a formula."""
    path = tmp_path / "doc.xlsx"
    wb.write(_plan(gt.Action(text="=1+1")), path)
    actions = openpyxl.load_workbook(path)["Actions"]
    column = wb.SHEETS["Actions"].index("text") + 1
    cell = actions.cell(row=2, column=column)
    assert ("s", "=1+1") == (cell.data_type, cell.value)
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        xml = "".join(archive.read(name).decode("utf-8") for name in names)
    assert "<f>" not in xml


def test_the_marker_sheet_is_hidden_and_holds_the_version(tmp_path: Path) -> None:
    """The _govtrack sheet is hidden and names the format and its version."""
    path = tmp_path / "doc.xlsx"
    wb.write(gt.Document(), path)
    book = openpyxl.load_workbook(path)
    marker = book[wb.MARKER_SHEET]
    values = [tuple(row) for row in marker.iter_rows(values_only=True)]
    assert ("hidden", [("format", wb.FORMAT_NAME), ("version", wb.FORMAT_VERSION)]) == (
        marker.sheet_state,
        values,
    )


def test_every_sheet_is_written_with_its_columns(tmp_path: Path) -> None:
    """Every sheet of the layout is written, empty or not, with its header row frozen."""
    path = tmp_path / "doc.xlsx"
    wb.write(gt.Document(), path)
    book = openpyxl.load_workbook(path)
    headers = {
        title: tuple(next(book[title].iter_rows(values_only=True)))
        for title in book.sheetnames
        if title != wb.MARKER_SHEET
    }
    assert wb.SHEETS == headers
    assert {"A2"} == {book[title].freeze_panes for title in headers}


def test_rows_link_to_their_parents_by_id(tmp_path: Path) -> None:
    """Actions name their recommendation's id, so the sheets read as linked tables."""
    doc = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="Country programme evaluation",
                recommendations=(
                    gt.Recommendation(
                        text="Strengthen monitoring",
                        actions=(gt.Action(text="Draft a framework"), gt.Action(text="Train")),
                    ),
                ),
            ),
        )
    )
    path = tmp_path / "doc.xlsx"
    wb.write(doc, path)
    actions = list(openpyxl.load_workbook(path)["Actions"].iter_rows(values_only=True))
    assert [("ACT1", "REC1", "action"), ("ACT2", "REC1", "action")] == [
        row[:3] for row in actions[1:]
    ]


def test_a_decision_in_a_plan_keeps_its_class() -> None:
    """A Decision held by a plan reads back as a Decision, deemed consent and all."""
    decision = gt.Decision(
        text="No comment by 02 May 2019 means consent",
        due=gt.parse_due("02 May 2019"),
        deemed_consent=True,
    )
    doc = _plan(decision)
    assert (gt.Decision, True) == (
        type(_round_trip(doc).plans[0].actions[0]),
        doc == _round_trip(doc),
    )


def test_a_due_with_any_text_keeps_its_span() -> None:
    """A Due whose text is not what its span renders to keeps both text and span."""
    due = gt.Due(
        text="when the board meets",
        start=dt.date(2024, 3, 1),
        end=dt.date(2024, 3, 31),
        precision=gt.Precision.MONTH,
    )
    doc = _plan(gt.Action(text="Present the plan", due=due, updates=(gt.Update(text="x"),)))
    assert due == _round_trip(doc).plans[0].actions[0].due


def test_a_text_too_long_for_a_cell_is_a_write_error_naming_the_cell() -> None:
    """A text over 32,767 characters raises WriteError with the sheet and cell, never truncates."""
    doc = _plan(gt.Action(text="Report", comments="x" * 32_768))
    with pytest.raises(gt.WriteError, match=r"Actions!N2 \(comments\).*32,768"):
        wb.write(doc, io.BytesIO())


def test_a_text_of_exactly_the_limit_is_written() -> None:
    """A text of exactly 32,767 characters fits and reads back whole."""
    doc = _plan(gt.Action(text="Report", comments="y" * 32_767))
    assert doc == _round_trip(doc)


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """When writing fails, the file already at the path is untouched and no temporary remains."""
    path = tmp_path / "tracker.xlsx"
    good = _plan(gt.Action(text="Keep me"))
    wb.write(good, path)
    before = path.read_bytes()
    with pytest.raises(gt.WriteError):
        wb.write(_plan(gt.Action(text="z" * 40_000)), path)
    assert (before, ["tracker.xlsx"]) == (
        path.read_bytes(),
        sorted(p.name for p in tmp_path.iterdir()),
    )
    assert good == wb.read(path)


def test_reading_sets_the_source_to_the_path(tmp_path: Path) -> None:
    """A workbook read from a path records the path as the document's source."""
    path = tmp_path / "doc.xlsx"
    wb.write(gt.Document(), path)
    assert str(path) == wb.read(path).source


def _edit(path: Path, sheet: str, cell: str, value: str | int | dt.datetime) -> None:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


def test_a_newer_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    """A workbook of a newer layout version raises FormatError asking for an upgrade."""
    path = tmp_path / "doc.xlsx"
    wb.write(gt.Document(), path)
    _edit(path, wb.MARKER_SHEET, "B2", wb.FORMAT_VERSION + 1)
    with pytest.raises(gt.FormatError, match="upgrade govtrack"):
        wb.read(path)


@pytest.mark.parametrize("version", [0, -1, "two"])
def test_a_version_below_one_is_invalid_not_too_new(tmp_path: Path, version: int | str) -> None:
    """Regression: a layout version of 0 (or below, or not a number) said "upgrade
    govtrack", as a newer one does; no govtrack reads it, so it is said to be invalid."""
    path = tmp_path / "doc.xlsx"
    wb.write(gt.Document(), path)
    _edit(path, wb.MARKER_SHEET, "B2", version)
    with pytest.raises(gt.FormatError) as caught:
        wb.read(path)
    assert (True, False) == (
        f"govtrack workbook version {version!r} is invalid" in str(caught.value),
        "upgrade" in str(caught.value),
    )


def test_a_workbook_without_the_marker_is_refused(tmp_path: Path) -> None:
    """A partner's plain workbook is not read as govtrack's layout."""
    path = tmp_path / "partner.xlsx"
    book = openpyxl.Workbook()
    book.create_sheet("Matrix")["A1"] = "Key action"
    book.save(path)
    with pytest.raises(gt.FormatError, match="no _govtrack sheet"):
        wb.read(path)


def test_a_row_with_an_unknown_parent_names_its_cell(tmp_path: Path) -> None:
    """An action pointing at a parent id that does not exist raises FormatError at that cell."""
    path = tmp_path / "doc.xlsx"
    wb.write(_plan(gt.Action(text="Orphan")), path)
    _edit(path, "Actions", "B2", "PLN9")
    with pytest.raises(gt.FormatError, match=r"Actions!B2: .*'PLN9'"):
        wb.read(path)


def test_a_bad_date_names_its_cell(tmp_path: Path) -> None:
    """A deadline end that is not a date raises FormatError naming the cell."""
    path = tmp_path / "doc.xlsx"
    wb.write(_plan(gt.Action(text="Report", due=gt.parse_due("2021/07"))), path)
    _edit(path, "Actions", "I2", "soon")
    with pytest.raises(gt.FormatError, match=r"Actions!I2: .*'soon'"):
        wb.read(path)


def test_a_column_added_by_hand_becomes_a_problem(tmp_path: Path) -> None:
    """A column the layout does not have is reported as GT290, not silently dropped."""
    path = tmp_path / "doc.xlsx"
    wb.write(_plan(gt.Action(text="Report")), path)
    _edit(path, "Plans", "D1", "My notes")
    problems = wb.read(path).problems
    assert [("GT290", "Plans!D1")] == [(p.code, str(p.location)) for p in problems]


def test_dates_typed_by_hand_as_date_cells_are_read(tmp_path: Path) -> None:
    """A meeting date a person re-typed as a real date cell still reads as that date."""
    path = tmp_path / "doc.xlsx"
    wb.write(gt.Document(meetings=(gt.Meeting(title="Review", date=dt.date(2019, 4, 25)),)), path)
    _edit(path, "Meetings", "D2", dt.datetime(2019, 4, 26))  # noqa: DTZ001 - a naive cell value
    assert dt.date(2019, 4, 26) == wb.read(path).meetings[0].date
