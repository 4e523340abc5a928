"""The Excel writer: the matrix layout people open, the partner template, safe and atomic writes."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import zipfile
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

import govtrack as gt
from govtrack.io import excel_workbook, excel_write
from govtrack.io.columns import HEADERS

AS_OF = dt.date(2023, 1, 31)


def _evaluation_doc() -> gt.Document:
    """Two recommendations: one with two actions (merged cells), one with one."""
    return gt.Document(
        evaluations=(
            gt.Evaluation(
                title="Mid-term review of the gender programme",
                recommendations=(
                    gt.Recommendation(
                        ref="1",
                        text="Set up a results framework",
                        response=gt.ManagementResponse(
                            text="Management agrees.", category=gt.ResponseCategory.ACCEPTED
                        ),
                        actions=(
                            gt.Action(
                                ref="1.1",
                                text="Agree indicators with partners",
                                responsible=("Planning Unit", "Field office, North"),
                                due=gt.parse_due("2022/06"),
                                status=gt.Status.ONGOING,
                                comments="Workshop held in March.",
                                updates=(
                                    gt.Update(text="Draft shared.", on=gt.parse_due("Dec 2022")),
                                ),
                                scope="TKM",
                                extra={"Budget": "USD 4,000"},
                            ),
                            gt.Action(
                                ref="1.2",
                                text="Publish the framework",
                                responsible=("Communications",),
                                due=gt.parse_due("Q4-2024"),
                                status=gt.Status.NOT_STARTED,
                            ),
                        ),
                    ),
                    gt.Recommendation(
                        ref="2",
                        text="Close the pilot",
                        response=gt.ManagementResponse(
                            category=gt.ResponseCategory.PARTIALLY_ACCEPTED
                        ),
                        actions=(
                            gt.Action(
                                ref="2.1",
                                text="Hand over the pilot sites",
                                responsible=("Programme Unit",),
                                due=gt.parse_due("2021"),
                                status=gt.Status.COMPLETED,
                                comments="Handed over in November.",
                            ),
                        ),
                    ),
                ),
            ),
        )
    )


@pytest.fixture
def matrix(tmp_path: Path) -> Any:
    """The evaluation above written as a matrix and opened with openpyxl."""
    path = tmp_path / "matrix.xlsx"
    excel_write.dump(_evaluation_doc(), path, layout="matrix", on=AS_OF)
    return openpyxl.load_workbook(path)


def _sheet(book: Any) -> Any:
    return book["Mid-term review of the gender p"]


def _column(sheet: Any, key: str) -> str:
    for cell in sheet[excel_write.HEADER_ROW]:
        if cell.value == HEADERS[key]:
            return str(cell.column_letter)
    raise AssertionError(key)


def test_matrix_sheets_are_named_after_their_roots_and_lists_is_hidden(matrix: Any) -> None:
    """One sheet per evaluation (name cut to Excel's 31 characters), then the hidden Lists."""
    assert (["Mid-term review of the gender p", "_lists"], "hidden") == (
        matrix.sheetnames,
        matrix["_lists"].sheet_state,
    )


def test_matrix_header_row_uses_the_shared_headers(matrix: Any) -> None:
    """The header row holds columns.HEADERS in matrix order, then unknown columns by name,
    then the hidden helper and the hidden column naming the first unknown one (Budget)."""
    keys = ["rec_ref", "recommendation", "response", "category", "ref", "action"]
    keys += ["responsible", "deadline", "status", "comments", "updates", "scope"]
    expected = [HEADERS[key] for key in keys] + ["Budget", excel_write.HELPER_HEADER]
    expected.append(f"{excel_write.EXTRA_HEADER} Budget")
    assert expected == [cell.value for cell in _sheet(matrix)[excel_write.HEADER_ROW]]


def test_matrix_has_a_title_and_an_as_of_date(matrix: Any) -> None:
    """Row 1 holds the title; A2 says 'As of' and B2 holds the date as a real date."""
    sheet = _sheet(matrix)
    assert ("Mid-term review of the gender programme", "As of", dt.datetime(2023, 1, 31)) == (  # noqa: DTZ001 - a naive cell value
        sheet["A1"].value,
        sheet["A2"].value,
        sheet[excel_write.AS_OF_CELL].value,
    )


def test_matrix_freezes_the_header_and_filters_the_table(matrix: Any) -> None:
    """Panes freeze below the header row; the filter covers header and rows, not the helper."""
    sheet = _sheet(matrix)
    assert ("A5", "A4:M7") == (sheet.freeze_panes, sheet.auto_filter.ref)


def test_matrix_sets_widths_and_wraps_text(matrix: Any) -> None:
    """Long-text columns are wide and every data cell wraps."""
    sheet = _sheet(matrix)
    widths = (sheet.column_dimensions["B"].width, sheet.column_dimensions["A"].width)
    assert ((45, 7), True, True) == (
        widths,
        sheet["F5"].alignment.wrap_text,
        sheet["A7"].alignment.wrap_text,
    )


def test_matrix_merges_recommendation_cells_over_their_actions(matrix: Any) -> None:
    """The first recommendation's four cells merge over its two action rows; the second's not."""
    merged = sorted(str(cell_range) for cell_range in _sheet(matrix).merged_cells.ranges)
    assert ["A5:A6", "B5:B6", "C5:C6", "D5:D6"] == merged


def test_matrix_writes_every_action_field(matrix: Any) -> None:
    """Ref, text, parties (one per line), deadline text, status label, comments, updates, scope."""
    sheet = _sheet(matrix)
    row = [cell.value for cell in sheet[5]][:13]
    assert [
        "1",
        "Set up a results framework",
        "Management agrees.",
        "Accepted",
        "1.1",
        "Agree indicators with partners",
        "Planning Unit\nField office, North",
        "2022/06",
        "Ongoing",
        "Workshop held in March.",
        "Dec 2022 Update: Draft shared.",
        "TKM",
        "USD 4,000",
    ] == row


def test_matrix_dropdowns_point_at_the_lists_sheet(matrix: Any) -> None:
    """Status and Category have list validations whose words sit on the Lists sheet."""
    sheet = _sheet(matrix)
    found = {
        str(validation.sqref): (validation.type, validation.formula1)
        for validation in sheet.data_validations.dataValidation
    }
    status, category = _column(sheet, "status"), _column(sheet, "category")
    last = 7 + excel_write.SPARE_ROWS
    assert {
        f"{status}5:{status}{last}": ("list", "_lists!$A$2:$A$6"),
        f"{category}5:{category}{last}": ("list", "_lists!$B$2:$B$4"),
        excel_write.AS_OF_CELL: ("date", "1"),
    } == found


def test_lists_sheet_holds_the_status_and_category_labels(matrix: Any) -> None:
    """The Lists sheet holds every status label in A and every category label in B, then
    the words the highlighting takes for closed and for Overdue (here the labels)."""
    rows = list(matrix["_lists"].iter_rows(values_only=True))
    statuses = [row[0] for row in rows[1:6] if row[0]]
    categories = [row[1] for row in rows[1:] if row[1]]
    assert (
        [status.label for status in gt.Status],
        [category.label for category in gt.ResponseCategory],
        ["Completed", "No longer applicable", "Overdue"],
    ) == (statuses, categories, [row[0] for row in rows[6:]])


def test_matrix_highlights_overdue_rows_by_a_formula_on_the_as_of_cell(matrix: Any) -> None:
    """One conditional format colours rows whose deadline end (a date typed in the Deadline
    cell, else the hidden end) is before the As of date (today when the As of cell holds no
    date)."""
    sheet = _sheet(matrix)
    status, deadline = _column(sheet, "status"), _column(sheet, "deadline")
    rules = [
        (str(formatting.sqref), rule.type, rule.formula)
        for formatting in sheet.conditional_formatting
        for rule in formatting.rules
    ]
    formula = (
        f"OR(SUMPRODUCT(--(${status}5=_lists!$A$9:$A$9))>0,"
        f"AND(OR(ISNUMBER(${deadline}5),ISNUMBER($N5)),"
        f"IF(ISNUMBER(${deadline}5),${deadline}5,$N5)<IF(ISNUMBER($B$2),$B$2,TODAY()),"
        f"SUMPRODUCT(--(${status}5=_lists!$A$7:$A$8))=0))"
    )
    assert [(f"A5:M{7 + excel_write.SPARE_ROWS}", "expression", [formula])] == rules


def test_the_helper_column_holds_deadline_ends_and_is_hidden(matrix: Any) -> None:
    """Column N is hidden and holds each deadline's last day as an Excel date number."""
    sheet = _sheet(matrix)
    ends = [sheet[f"N{row}"].value for row in (5, 6, 7)]
    serial = [(day - dt.date(1899, 12, 30)).days for day in _ends()]
    assert (True, serial) == (sheet.column_dimensions["N"].hidden, ends)


def _ends() -> list[dt.date]:
    return [dt.date(2022, 6, 30), dt.date(2024, 12, 31), dt.date(2021, 12, 31)]


def test_the_highlight_rule_agrees_with_effective_status() -> None:
    """Evaluating the rule by hand marks exactly the actions effective_status calls overdue."""
    doc = _evaluation_doc()
    marked = [
        action.status is gt.Status.OVERDUE
        or (
            action.due is not None
            and action.due.end < AS_OF
            and action.status not in {gt.Status.COMPLETED, gt.Status.NO_LONGER_APPLICABLE}
        )
        for action in doc.actions
    ]
    expected = [action.effective_status(on=AS_OF) is gt.Status.OVERDUE for action in doc.actions]
    assert expected == marked


TRICKY = ["=1+1", "=SUM(A1:A9)", "+1", "-1", "@me", "#N/A", "#REF!"]


@pytest.mark.parametrize("text", TRICKY)
def test_formula_like_texts_are_string_cells_in_the_matrix(tmp_path: Path, text: str) -> None:
    """A text starting with = + - @ (or an error word) is saved as a string, not a formula."""
    path = tmp_path / "m.xlsx"
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text=text),)),))
    excel_write.dump(doc, path, layout="matrix", on=AS_OF)
    cell = openpyxl.load_workbook(path)["Plan"]["B5"]
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert ("s", text, False) == (cell.data_type, cell.value, "<f>" in xml.split('<row r="5"')[1])


def test_control_characters_are_escaped_as_excel_does(tmp_path: Path) -> None:
    """A control character is written _xHHHH_ (Excel shows the character); unescaping restores it."""
    path = tmp_path / "m.xlsx"
    text = "tab\there, bell\x07, CR\r, literal _x0041_"
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text=text),)),))
    excel_write.dump(doc, path, layout="matrix", on=AS_OF)
    stored = openpyxl.load_workbook(path)["Plan"]["B5"].value
    assert (text, "tab\there, bell_x0007_, CR_x000D_, literal _x005F_x0041_") == (
        excel_workbook.unescape_cell_text(stored),
        stored,
    )


def test_a_cell_too_long_is_a_write_error_and_the_old_file_stays(tmp_path: Path) -> None:
    """Over 32,767 characters raises WriteError naming the cell; the previous file is untouched."""
    path = tmp_path / "m.xlsx"
    excel_write.dump(_evaluation_doc(), path, layout="matrix", on=AS_OF)
    before = path.read_bytes()
    long = gt.Action(text="Report", comments="c" * 40_000)
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(long,)),))
    with pytest.raises(gt.WriteError, match=r"Plan!F5 \(Comments\)"):
        excel_write.dump(doc, path, layout="matrix", on=AS_OF)
    assert (before, ["m.xlsx"]) == (path.read_bytes(), [p.name for p in tmp_path.iterdir()])


def test_a_crash_while_saving_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If saving fails half-way, the file already at the path is unchanged and no temp remains."""
    path = tmp_path / "m.xlsx"
    excel_write.dump(_evaluation_doc(), path, layout="workbook")
    before = path.read_bytes()

    real_save = openpyxl.Workbook.save

    def broken_save(self: Any, stream: Any) -> None:
        whole = io.BytesIO()
        real_save(self, whole)
        stream.write(whole.getvalue()[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(gt.WriteError, match="No space left"):
        excel_write.dump(_evaluation_doc(), path, layout="matrix", on=AS_OF)
    assert (before, ["m.xlsx"]) == (path.read_bytes(), [p.name for p in tmp_path.iterdir()])


def test_an_unknown_layout_is_refused_before_writing(tmp_path: Path) -> None:
    """layout='pivot' raises UnsupportedFormatError and creates no file."""
    path = tmp_path / "m.xlsx"
    with pytest.raises(gt.UnsupportedFormatError, match="'pivot'"):
        excel_write.dump(gt.Document(), path, layout="pivot")
    assert not path.exists()


def test_the_default_layout_is_the_lossless_workbook(tmp_path: Path) -> None:
    """gt.dump to .xlsx writes govtrack's workbook, which reads back equal."""
    path = tmp_path / "doc.xlsx"
    gt.dump(_evaluation_doc(), path)
    assert _evaluation_doc() == excel_workbook.read(path)


def test_an_empty_document_gives_an_empty_matrix(tmp_path: Path) -> None:
    """A document with nothing in it still makes a workbook with one matrix sheet."""
    path = tmp_path / "m.xlsx"
    excel_write.dump(gt.Document(), path, layout="matrix", on=AS_OF)
    assert ["Matrix", "_lists"] == openpyxl.load_workbook(path).sheetnames


def test_sheet_names_are_cleaned_and_made_unique(tmp_path: Path) -> None:
    """Characters Excel forbids are dropped and equal titles get a number."""
    path = tmp_path / "m.xlsx"
    plans = tuple(gt.ActionPlan(title="Q1/Q2: actions?") for _ in range(2))
    meetings = (gt.Meeting(title="_lists"),)
    doc = gt.Document(meetings=meetings, plans=plans)
    excel_write.dump(doc, path, layout="matrix", lossy=True)  # a meeting reads back as a plan
    assert ["_lists 1", "Q1 Q2 actions", "Q1 Q2 actions (2)", "_lists"] == (
        openpyxl.load_workbook(path).sheetnames
    )


def test_report_sheets_have_schedule_columns(tmp_path: Path) -> None:
    """A report's activities get On/Behind schedule marks, delay reasons and recommendations."""
    path = tmp_path / "m.xlsx"
    activity = gt.Activity(
        text="Train focal points",
        schedule=gt.ScheduleStatus.BEHIND_SCHEDULE,
        delay_reasons="Funds came late.",
        recommendations="Release funds in January.",
    )
    doc = gt.Document(reports=(gt.ProgressReport(title="TWG report", activities=(activity,)),))
    excel_write.dump(doc, path, layout="matrix", on=AS_OF)
    sheet = openpyxl.load_workbook(path)["TWG report"]
    header = [cell.value for cell in sheet[excel_write.HEADER_ROW]]
    row = dict(zip(header, [cell.value for cell in sheet[5]], strict=True))
    assert (None, "X", "Funds came late.", "Release funds in January.") == (
        row[HEADERS["schedule_on"]],
        row[HEADERS["schedule_behind"]],
        row[HEADERS["delay_reasons"]],
        row[HEADERS["recommendations"]],
    )


def test_the_template_has_matrix_instructions_and_hidden_lists(tmp_path: Path) -> None:
    """The template holds Matrix, Instructions and a hidden Lists sheet, with live dropdowns,
    and an empty As of cell (judged as today) that takes a date."""
    path = tmp_path / "template.xlsx"
    excel_write.write_template(path)
    book = openpyxl.load_workbook(path)
    matrix = book["Matrix"]
    formulas = sorted(str(v.formula1) for v in matrix.data_validations.dataValidation)
    assert (
        ["Matrix", "Instructions", "_lists"],
        "hidden",
        ["1", "_lists!$A$2:$A$6", "_lists!$B$2:$B$4"],
        None,
        "A5",
    ) == (
        book.sheetnames,
        book["_lists"].sheet_state,
        formulas,
        matrix[excel_write.AS_OF_CELL].value,
        matrix.freeze_panes,
    )


def test_the_instructions_explain_every_column_and_allowed_word(tmp_path: Path) -> None:
    """Every matrix header and every status and category label appears on the Instructions."""
    path = tmp_path / "template.xlsx"
    excel_write.write_template(path)
    book = openpyxl.load_workbook(path)
    matrix_headers = [
        c.value
        for c in book["Matrix"][excel_write.HEADER_ROW]
        if c.value and c.value != excel_write.HELPER_HEADER
    ]
    words = {row[0] for row in book["Instructions"].iter_rows(values_only=True)}
    wanted = set(matrix_headers) | {s.label for s in gt.Status}
    wanted |= {c.label for c in gt.ResponseCategory}
    assert set() == wanted - words


def test_the_template_command_writes_the_template(tmp_path: Path) -> None:
    """`govtrack template OUT.xlsx` writes the same three sheets."""
    from govtrack.cli import main

    path = tmp_path / "t.xlsx"
    assert (0, ["Matrix", "Instructions", "_lists"]) == (
        main(["template", str(path)]),
        openpyxl.load_workbook(path).sheetnames if path.exists() else [],
    )


_HAS_READER = importlib.util.find_spec("govtrack.io.excel") is not None


def _as_the_matrix_words_it(doc: gt.Document) -> gt.Document:
    """The document as the matrix records it: status and category by their labels."""

    def action(item: gt.Action) -> gt.Action:
        word = item.status.label if item.status is not None else item.status_text
        return attrs.evolve(item, status_text=word)

    def recommendation(rec: gt.Recommendation) -> gt.Recommendation:
        response = rec.response
        if response.category is not None:
            response = attrs.evolve(response, category_text=response.category.label)
        return attrs.evolve(rec, response=response, actions=tuple(action(a) for a in rec.actions))

    return attrs.evolve(
        doc,
        evaluations=tuple(
            attrs.evolve(e, recommendations=tuple(recommendation(r) for r in e.recommendations))
            for e in doc.evaluations
        ),
    )


@pytest.mark.skipif(not _HAS_READER, reason="the Excel reader (govtrack.io.excel) is not here")
def test_the_matrix_reads_back_through_load(tmp_path: Path) -> None:
    """gt.load of a written matrix gives back every recommendation and action field."""
    path = tmp_path / "m.xlsx"
    doc = _evaluation_doc()
    excel_write.dump(doc, path, layout="matrix", on=AS_OF)
    loaded = gt.load(path)
    expected = _as_the_matrix_words_it(doc).evaluations[0].recommendations
    assert expected == loaded.evaluations[0].recommendations


@pytest.mark.skipif(not _HAS_READER, reason="the Excel reader (govtrack.io.excel) is not here")
def test_the_matrix_reads_back_without_problems(tmp_path: Path) -> None:
    """The reader ignores the matrix's helper column and hidden _lists sheet."""
    path = tmp_path / "m.xlsx"
    excel_write.dump(_evaluation_doc(), path, layout="matrix", on=AS_OF)
    loaded = gt.load(path)
    # The only note is the informational one for the unknown 'Budget' column, kept in extra;
    # the "As of" date the matrix was judged on is kept on the evaluation.
    (evaluation,) = _as_the_matrix_words_it(_evaluation_doc()).evaluations
    expected = attrs.evolve(evaluation, extra={"As of": AS_OF.isoformat()})
    assert (["GT205 Budget"], (expected,)) == (
        [
            f"{problem.code} {problem.location.header if problem.location else ''}"
            for problem in loaded.problems
        ],
        loaded.evaluations,
    )


@pytest.mark.parametrize("engine", ["openpyxl", "calamine"])
def test_the_blank_template_reads_back_without_problems(tmp_path: Path, engine: str) -> None:
    """The Instructions sheet is known, not 'unreadable', and no cell holds a formula.

    Regression: the As of cell held =TODAY(), which openpyxl saves without a computed
    value, so validating the template just written reported GT209 on govtrack's own cell.
    """
    if engine == "calamine":
        pytest.importorskip("python_calamine")
    path = tmp_path / "template.xlsx"
    excel_write.write_template(path)
    doc = gt.load(path, engine=engine)
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        formulas = [name for name in sheets if b"<f>" in archive.read(name)]
    assert ([], [], []) == (
        [str(problem) for problem in doc.problems],
        [str(issue) for issue in gt.validate(doc, on=AS_OF)],
        formulas,
    )


@pytest.mark.parametrize("engine", ["openpyxl", "calamine"])
def test_a_formula_a_partner_types_into_the_template_is_still_reported(
    tmp_path: Path, engine: str
) -> None:
    """A formula in a data cell, saved without a computed value, is GT209 at its cell."""
    if engine == "calamine":
        pytest.importorskip("python_calamine")
    path = tmp_path / "template.xlsx"
    excel_write.write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Matrix"]
    sheet["B5"] = "Strengthen monitoring"
    sheet["F5"] = "Hire an analyst"
    sheet["G5"] = "HR"
    sheet["H5"] = "=DATE(2023,7,31)"  # openpyxl saves the formula with no computed value
    book.save(path)
    doc = gt.load(path, engine=engine)
    assert ["Matrix!H5: GT209"] == [
        f"{problem.location}: {problem.code}" for problem in doc.problems
    ]


@pytest.mark.parametrize("engine", ["openpyxl", "calamine"])
def test_a_matrix_dated_today_reads_back_without_a_formula_problem(
    tmp_path: Path, engine: str
) -> None:
    """gt.dump(layout="matrix") without on= writes today's date in the As of cell, no formula."""
    if engine == "calamine":
        pytest.importorskip("python_calamine")
    path = tmp_path / "m.xlsx"
    gt.dump(_evaluation_doc(), path, layout="matrix")
    doc = gt.load(path, engine=engine)
    assert [] == [problem.code for problem in doc.problems if problem.code == "GT209"]
    assert isinstance(openpyxl.load_workbook(path).worksheets[0]["B2"].value, dt.datetime)


def test_deemed_consent_survives_the_matrix(tmp_path: Path) -> None:
    """A deemed-consent decision is written under Deemed consent and read back as one, so it
    is not overdue after the conversion (the other decisions read back as plain actions)."""
    due = gt.parse_due("2022/10")
    meeting = gt.Meeting(
        title="Review workshop",
        decisions=(
            gt.Decision(text="Send comments", due=due, deemed_consent=True),
            gt.Decision(text="Circulate the draft", responsible=("Cell",), due=due),
        ),
    )
    target = tmp_path / "m.xlsx"
    on = dt.date(2022, 11, 30)
    # lossy: the meeting itself reads back as a plan (refuse_left_out)
    gt.dump(gt.Document(meetings=(meeting,)), target, layout="matrix", on=on, lossy=True)
    header = [cell.value for cell in openpyxl.load_workbook(target).worksheets[0][4]]
    assert "Deemed consent" in header
    back = gt.load(target).actions
    assert [(type(action), action.effective_status(on=on)) for action in back] == [
        (gt.Decision, gt.Status.COMPLETED),
        (gt.Action, gt.Status.OVERDUE),
    ]
    assert back[0] == meeting.decisions[0]


@pytest.mark.parametrize("text", ["03/04/2024", "12.05.2019"])
def test_a_deadline_read_day_first_reads_back_without_the_option(tmp_path: Path, text: str) -> None:
    """A day settled by dayfirst=True is written so that any reader finds the same day."""
    due = gt.parse_due(text, dayfirst=True)
    doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire", due=due),)),))
    target = tmp_path / "m.xlsx"
    gt.dump(doc, target, layout="matrix")
    for back in (gt.load(target), gt.loads(gt.dumps(doc, format="matrix"), format="matrix")):
        read = back.actions[0].due
        assert read is not None
        assert (read.start, read.end, read.precision) == (due.start, due.end, due.precision)
        assert not back.problems


def test_the_template_highlights_rows_by_the_deadline_a_partner_types(tmp_path: Path) -> None:
    """Regression: the template's rule looked only at the hidden deadline end, which rows a
    partner fills in have not got, so no row ever turned red; a date typed in the Deadline
    cell now counts, and the Instructions say which deadlines the highlighting sees."""
    path = tmp_path / "template.xlsx"
    excel_write.write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Matrix"]
    status, deadline = _column(sheet, "status"), _column(sheet, "deadline")
    (helper,) = [
        cell.column_letter
        for cell in sheet[excel_write.HEADER_ROW]
        if cell.value == excel_write.HELPER_HEADER
    ]
    formulas = [
        rule.formula for formatting in sheet.conditional_formatting for rule in formatting.rules
    ]
    expected = (
        f"OR(SUMPRODUCT(--(${status}5=_lists!$A$9:$A$9))>0,"
        f"AND(OR(ISNUMBER(${deadline}5),ISNUMBER(${helper}5)),"
        f"IF(ISNUMBER(${deadline}5),${deadline}5,${helper}5)<IF(ISNUMBER($B$2),$B$2,TODAY()),"
        f"SUMPRODUCT(--(${status}5=_lists!$A$7:$A$8))=0))"
    )
    assert [[expected]] == formulas
    instructions = " ".join(str(row[0]) for row in book["Instructions"].iter_rows(values_only=True))
    assert "Only a deadline typed as a date (2023-06-30) is seen by the highlighting" in (
        instructions
    )
