"""govtrack's own workbook is pleasant to open: dropdowns, wrapped text, overdue rows coloured.

The formats change no cell's value, so the workbook still reads back equal, with either
engine; the matrix and the template, which share the formats' code, keep theirs.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from openpyxl.utils import get_column_letter, range_boundaries

import govtrack as gt
from govtrack.cli import main
from govtrack.io import excel_workbook as wb
from govtrack.io import excel_write
from strategies import documents

STATUSES = '"Not started,Ongoing,Completed,No longer applicable,Overdue"'
SCHEDULES = '"On schedule,Behind schedule"'
CATEGORIES = '"Accepted,Partially accepted,Rejected"'
_DROPDOWNS = {"Actions": 2, "Recommendations": 1}


def _doc() -> gt.Document:
    return gt.Document(
        evaluations=(
            gt.Evaluation(
                title="Mid-term review of the school meals pilot",
                recommendations=(
                    gt.Recommendation(
                        ref="1",
                        text="Publish the menu standards for every district kitchen.",
                        response=gt.ManagementResponse(
                            text="Agreed.", category=gt.ResponseCategory.ACCEPTED
                        ),
                        actions=(
                            gt.Action(
                                ref="1.1",
                                text="Draft the menu standards with the nutrition unit, "
                                "then consult the district kitchens before publishing them.",
                                responsible=("Nutrition Unit", "District offices"),
                                due=gt.parse_due("2021/07"),
                                status=gt.Status.ONGOING,
                                origin=gt.Location(file="review.txt", line=12),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        plans=(
            gt.ActionPlan(
                title="Follow-up",
                actions=(gt.Action(text="=Hire a cook", status=gt.Status.COMPLETED),),
            ),
        ),
    )


def _book(doc: gt.Document) -> Any:
    buffer = io.BytesIO()
    wb.write(doc, buffer)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def _letter(sheet: str, column: str) -> str:
    return get_column_letter(wb.SHEETS[sheet].index(column) + 1)


def _validations(sheet: Any) -> dict[str, tuple[str, str, str, bool]]:
    return {
        str(validation.sqref): (
            validation.type,
            validation.formula1,
            validation.errorStyle,
            bool(validation.allow_blank),
        )
        for validation in sheet.data_validations.dataValidation
    }


def test_actions_have_status_and_schedule_dropdowns_of_the_labels_written() -> None:
    """Status and Schedule on Actions list the labels, over the rows and the spare rows."""
    book = _book(_doc())
    last = 2 + 1 + wb.SPARE_ROWS  # two actions from row 2, then the spare rows
    status, schedule = _letter("Actions", "status"), _letter("Actions", "schedule")
    expected = {
        f"{status}2:{status}{last}": ("list", STATUSES, "warning", True),
        f"{schedule}2:{schedule}{last}": ("list", SCHEDULES, "warning", True),
    }
    assert expected == _validations(book["Actions"])


def test_recommendations_have_a_category_dropdown_and_other_sheets_none() -> None:
    """Category on Recommendations lists the labels; no other sheet gets a dropdown."""
    book = _book(_doc())
    category = _letter("Recommendations", "category")
    expected = {f"{category}2:{category}{2 + wb.SPARE_ROWS}": ("list", CATEGORIES, "warning", True)}
    assert expected == _validations(book["Recommendations"])
    others = {
        title: _validations(book[title])
        for title in wb.SHEETS
        if title not in {"Actions", "Recommendations"}
    }
    assert {title: {} for title in others} == others


def test_the_dropdowns_list_what_the_reader_takes_back() -> None:
    """Every word of every dropdown reads back as the member whose label it is."""
    for enum_type, listed in (
        (gt.Status, STATUSES),
        (gt.ScheduleStatus, SCHEDULES),
        (gt.ResponseCategory, CATEGORIES),
    ):
        words = listed.strip('"').split(",")
        assert [member.label for member in enum_type] == words
        column = {"Status": "status", "ScheduleStatus": "schedule"}.get(
            enum_type.__name__, "category"
        )
        sheet = "Recommendations" if column == "category" else "Actions"
        for member in enum_type:
            row = wb._Row(sheet, 2, {column: 0}, (member.label,))
            assert member == row.member(column, enum_type)


@given(documents)
def test_no_cell_govtrack_wrote_is_outside_its_dropdown(doc: gt.Document) -> None:
    """In a workbook govtrack wrote, every cell under a dropdown is empty or one of its words."""
    book = _book(doc)
    outside = []
    counts = {title: len(book[title].data_validations.dataValidation) for title in _DROPDOWNS}
    assert _DROPDOWNS == counts
    for title in _DROPDOWNS:
        sheet = book[title]
        for validation in sheet.data_validations.dataValidation:
            allowed = set(validation.formula1.strip('"').split(","))
            min_col, min_row, _, max_row = range_boundaries(str(validation.sqref))
            for (value,) in sheet.iter_rows(
                min_row=min_row, max_row=max_row, min_col=min_col, max_col=min_col, values_only=True
            ):
                if value is not None and value not in allowed:
                    outside.append((title, value))
    assert [] == outside


def test_overdue_actions_are_highlighted_by_a_rule_on_today() -> None:
    """One conditional format colours an Actions row by the effective-status rule, on TODAY()."""
    book = _book(_doc())
    status, end = f"${_letter('Actions', 'status')}2", f"${_letter('Actions', 'due_end')}2"
    kind, deemed = f"${_letter('Actions', 'kind')}2", f"${_letter('Actions', 'deemed_consent')}2"
    today = "(YEAR(TODAY())*10000+MONTH(TODAY())*100+DAY(TODAY()))"
    formula = (
        f'OR({status}="Overdue",AND('
        f"IFERROR(IF(ISNUMBER({end}),{end}<TODAY(),"
        f'VALUE(SUBSTITUTE({end},"-",""))<{today}),FALSE),'
        f'{status}<>"Completed",{status}<>"No longer applicable",'
        f'NOT(AND({kind}="decision",{deemed}=TRUE,{status}=""))))'
    )
    last_column = get_column_letter(len(wb.SHEETS["Actions"]))
    rules = [
        (str(formatting.sqref), rule.type, rule.formula, rule.dxf.fill.fgColor.rgb)
        for formatting in book["Actions"].conditional_formatting
        for rule in formatting.rules
    ]
    assert [(f"A2:{last_column}{3 + wb.SPARE_ROWS}", "expression", [formula], "FFF4CCCC")] == (
        rules
    )
    others = [
        title for title in wb.SHEETS if title != "Actions" and book[title].conditional_formatting
    ]
    assert [] == others


def test_texts_wrap_and_json_origins_stay_on_one_line() -> None:
    """Texts wrap at the top of the cell, a formula-like text too; a long origin stays on a line."""
    sheet = _book(_doc())["Actions"]
    text, responsible = _letter("Actions", "text"), _letter("Actions", "responsible")
    origin = _letter("Actions", "origin")
    cells = {
        name: (sheet[name].value, sheet[name].alignment.wrap_text, sheet[name].alignment.vertical)
        for name in (f"{text}2", f"{responsible}2", f"{origin}2", f"{text}3")
    }
    expected = {
        f"{text}2": (_doc().actions[0].text, True, "top"),
        f"{responsible}2": ("Nutrition Unit\nDistrict offices", True, "top"),
        f"{origin}2": ('{"file": "review.txt", "line": 12}', None, "top"),
        f"{text}3": ("=Hire a cook", True, "top"),
    }
    assert expected == cells
    assert "s" == sheet[f"{text}3"].data_type  # still a string, not a formula


def test_the_formatted_workbook_reads_back_equal_through_the_api(tmp_path: Path) -> None:
    """gt.dump then gt.load gives the document back, with either engine alike."""
    pytest.importorskip("python_calamine")
    doc = _doc()
    path = tmp_path / "tracker.xlsx"
    gt.dump(doc, path)
    by_openpyxl = gt.load(path)
    assert doc == by_openpyxl
    assert by_openpyxl == gt.load(path, engine="calamine")
    assert by_openpyxl.problems == gt.load(path, engine="calamine").problems


def test_the_matrix_keeps_its_dropdowns_and_highlighting() -> None:
    """The matrix, whose formats are now shared, has the same dropdowns and rule as before."""
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=_doc().actions),))
    buffer = io.BytesIO()
    excel_write.dump(doc, buffer, layout="matrix", on=dt.date(2023, 1, 31))
    sheet = openpyxl.load_workbook(buffer)["Plan"]
    lists = {
        v.formula1: (v.errorStyle, v.errorTitle) for v in sheet.data_validations.dataValidation
    }
    assert ("warning", "Unknown status") == lists["_lists!$A$2:$A$6"]
    (formula,) = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    expected = (
        "OR(SUMPRODUCT(--($E5=_lists!$A$9:$A$9))>0,AND(OR(ISNUMBER($D5),ISNUMBER($I5)),"
        "IF(ISNUMBER($D5),$D5,$I5)<IF(ISNUMBER($B$2),$B$2,TODAY()),"
        "SUMPRODUCT(--($E5=_lists!$A$7:$A$8))=0))"
    )
    assert expected == formula
    assert sheet["B5"].alignment.wrap_text


def test_the_template_command_still_writes_a_matrix_that_reads(tmp_path: Path) -> None:
    """`govtrack template` writes a matrix with its dropdowns and rule, which reads cleanly."""
    path = tmp_path / "blank.xlsx"
    assert 0 == main(["template", str(path)], out=io.StringIO())
    sheet = openpyxl.load_workbook(path)["Matrix"]
    lists = sorted(v.formula1 for v in sheet.data_validations.dataValidation)
    assert ["1", "_lists!$A$2:$A$6", "_lists!$B$2:$B$4"] == lists
    assert 1 == len(list(sheet.conditional_formatting))
    assert [] == list(gt.load(path).problems)
