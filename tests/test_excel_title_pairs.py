"""The Excel matrix writes a container's ``extra`` as ``Label: value`` title rows.

Regression: the matrix layout refused (or, with ``lossy=True``, left out) the ``extra`` of an
evaluation, meeting, report or plan (a gate export's ``Office name``), though the reader takes
title-row pairs into ``extra``. The matrix now writes each entry as a pair a row under the
"As of" row, the header row moving down a row for each, and refuses only what would not read
back as written.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.annotate import annotate
from govtrack.io import excel, excel_write
from govtrack.io.columns import normalise_header
from strategies import lines, note_texts, texts, words
from test_engines import assert_same_reading

pytest.importorskip("python_calamine")

ENGINES = ("openpyxl", "calamine")
AS_OF = dt.date(2024, 3, 31)
EXTRA = {"Office name": "Regional office, East", "Prepared by": "M&E Unit", "Version": "3"}


def _plan(extra: dict[str, str], title: str = "Follow-up of the retreat") -> gt.ActionPlan:
    return gt.ActionPlan(
        title=title,
        extra=extra,
        actions=(
            gt.Action(
                ref="1",
                text="Hire a consultant",
                responsible=("Planning Unit",),
                due=gt.parse_due("2023/06"),
                status=gt.Status.COMPLETED,
                status_text="Completed",
                comments="Hired in May.",
            ),
        ),
    )


def _evaluation(extra: dict[str, str]) -> gt.Evaluation:
    action = gt.Action(
        ref="1.1",
        text="Agree indicators",
        responsible=("Planning Unit",),
        due=gt.parse_due("Q2-2023"),
        status=gt.Status.COMPLETED,
        status_text="Completed",
    )
    recommendation = gt.Recommendation(
        ref="1",
        text="Set up a results framework",
        response=gt.ManagementResponse(
            text="Agreed.", category=gt.ResponseCategory.ACCEPTED, category_text="Accepted"
        ),
        actions=(action,),
    )
    return gt.Evaluation(
        title="Review of the clinics", extra=extra, recommendations=(recommendation,)
    )


def _report(extra: dict[str, str]) -> gt.ProgressReport:
    activity = gt.Activity(
        ref="1",
        text="Map the shelters",
        due=gt.parse_due("2023"),
        status=gt.Status.COMPLETED,
        status_text="Completed",
        schedule=gt.ScheduleStatus.ON_SCHEDULE,
    )
    return gt.ProgressReport(title="Shelter group report", extra=extra, activities=(activity,))


def _dump(doc: gt.Document, path: Path, **options: Any) -> None:
    gt.dump(doc, path, layout="matrix", on=AS_OF, **options)


def _with_as_of(extra: dict[str, str]) -> dict[str, str]:
    """The extra a matrix reads back: the "As of" date it was judged on, then the pairs."""
    return {"As of": AS_OF.isoformat(), **extra}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_plans_extra_reads_back_from_its_title_rows(tmp_path: Path, engine: str) -> None:
    """A plan written with extra reads back equal, its extra with the As of date added."""
    plan = _plan(EXTRA)
    path = tmp_path / "plan.xlsx"
    _dump(gt.Document(plans=(plan,)), path)
    back = gt.load(path, engine=engine)
    assert ((), (attrs.evolve(plan, extra=_with_as_of(EXTRA)),)) == (back.problems, back.plans)


@pytest.mark.parametrize("engine", ENGINES)
def test_an_evaluations_and_a_reports_extra_read_back(tmp_path: Path, engine: str) -> None:
    """An evaluation's and a progress report's extra read back from their sheets' title rows."""
    evaluation, report = _evaluation(EXTRA), _report({"Donor": "Fund A", "Round": "2"})
    path = tmp_path / "both.xlsx"
    _dump(gt.Document(evaluations=(evaluation,), reports=(report,)), path)
    back = gt.load(path, engine=engine)
    expected_report = attrs.evolve(report, extra=_with_as_of(dict(report.extra)))
    assert ((), (attrs.evolve(evaluation, extra=_with_as_of(EXTRA)),), (expected_report,)) == (
        back.problems,
        back.evaluations,
        back.reports,
    )


def test_both_engines_read_a_matrix_with_pairs_alike(tmp_path: Path) -> None:
    """openpyxl and calamine give the same document, problems and origins from the pairs."""
    doc = gt.Document(
        evaluations=(_evaluation(EXTRA),),
        reports=(_report({"Donor": "Fund A"}),),
        plans=(_plan({"=x": "=1+1"}, title=""),),
    )
    path = tmp_path / "m.xlsx"
    _dump(doc, path)
    assert_same_reading(gt.load(path, engine="openpyxl"), gt.load(path, engine="calamine"))


def test_a_meetings_extra_reads_back(tmp_path: Path) -> None:
    """A meeting's extra reads back on the sheet's container (the matrix reads as a plan, so a
    meeting is written only with lossy=True)."""
    meeting = gt.Meeting(
        title="Board meeting", extra=EXTRA, decisions=(gt.Decision(ref="a)", text="Book a venue"),)
    )
    path = tmp_path / "meeting.xlsx"
    _dump(gt.Document(meetings=(meeting,)), path, lossy=True)
    (container,) = gt.load(path).plans
    assert _with_as_of(EXTRA) == dict(container.extra)


def test_the_header_row_and_all_keyed_to_it_move_down_a_row_per_pair(tmp_path: Path) -> None:
    """Freeze panes, filter, dropdowns, highlighting and merges start under the moved header;
    the As of cell stays in B2 and each pair is an unwrapped cell in column A."""
    evaluation = _evaluation(EXTRA)
    two = attrs.evolve(
        evaluation.recommendations[0],
        actions=(*evaluation.recommendations[0].actions, gt.Action(ref="1.2", text="Publish")),
    )
    path = tmp_path / "m.xlsx"
    _dump(gt.Document(evaluations=(attrs.evolve(evaluation, recommendations=(two,)),)), path)
    sheet = openpyxl.load_workbook(path)["Review of the clinics"]
    validations = sorted(str(v.sqref) for v in sheet.data_validations.dataValidation)
    (highlight,) = [str(rule.sqref) for rule in sheet.conditional_formatting]
    assert (
        {
            "pairs": ["Office name: Regional office, East", "Prepared by: M&E Unit", "Version: 3"],
            "unwrapped": [False, False, False],
            "as of": ("As of", dt.datetime(2024, 3, 31)),  # noqa: DTZ001 - a naive cell value
            "blank": [None] * 5,
            "header": ["Rec #", "Recommendation"],
            "freeze": "A8",
            "filter": "A7:L9",
            "validations": ["B2", "D8:D209", "I8:I209"],
            "highlight": "A8:L209",
            "merged": ["A8:A9", "B8:B9", "C8:C9", "D8:D9"],
        }
        == {
            "pairs": [sheet[f"A{row}"].value for row in (3, 4, 5)],
            "unwrapped": [bool(sheet[f"A{row}"].alignment.wrap_text) for row in (3, 4, 5)],
            "as of": (sheet["A2"].value, sheet[excel_write.AS_OF_CELL].value),
            "blank": [cell.value for cell in sheet[6][:5]],
            "header": [cell.value for cell in sheet[7][:2]],
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "validations": validations,
            "highlight": highlight,
            "merged": sorted(str(cell_range) for cell_range in sheet.merged_cells.ranges),
        }
    )


def test_a_container_without_extra_keeps_its_header_in_row_4(tmp_path: Path) -> None:
    """No extra, no title pairs: the sheet is as before (header row 4, no pair row)."""
    path = tmp_path / "m.xlsx"
    _dump(gt.Document(plans=(_plan({}),)), path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert ("Action #", "A5", None) == (
        sheet[excel_write.HEADER_ROW][0].value,
        sheet.freeze_panes,
        sheet["A3"].value,
    )


def test_an_untitled_container_has_row_1_empty_above_its_pairs(tmp_path: Path) -> None:
    """A plan without a title has A1 empty, and reads back untitled: govtrack's own matrix
    takes its title from row 1 only, so no pair under it is taken for the title (it read
    back titled after its sheet, `Plan 1`)."""
    path = tmp_path / "m.xlsx"
    _dump(gt.Document(plans=(_plan({"Chair": "Ministry"}, title=""),)), path)
    (plan,) = gt.load(path).plans
    sheet = openpyxl.load_workbook(path)["Plan 1"]
    assert (None, "", _with_as_of({"Chair": "Ministry"})) == (
        sheet["A1"].value,
        plan.title,
        dict(plan.extra),
    )


def test_formula_like_pairs_stay_text(tmp_path: Path) -> None:
    """A label or value starting with '=' is written as a string cell and reads back as text."""
    extra = {"=SUM(A1)": "=1+1", "Code": "#N/A"}
    path = tmp_path / "m.xlsx"
    _dump(gt.Document(plans=(_plan(extra),)), path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    back = gt.load(path)
    assert (("s", "s"), (), _with_as_of(extra)) == (
        (sheet["A3"].data_type, sheet["A4"].data_type),
        back.problems,
        dict(back.plans[0].extra),
    )


@pytest.mark.parametrize(
    ("extra", "key", "why"),
    [
        ({"Chair: acting": "Ministry"}, "Chair: acting", "a label holding ':'"),
        ({"Note": "first line\nsecond line"}, "Note", "a value holding a line break"),
        ({"Title": "Another title"}, "Title", "the title field"),
        ({"": "Ministry"}, "", "an empty label"),
        ({"Chair": ""}, "Chair", "an empty value"),
        ({"Chair ": "Ministry"}, "Chair ", "spaces around the label or value"),
        ({"As of": "end of March"}, "As of", "no date (YYYY-MM-DD, from 1900-03-01)"),
        ({"as of": "2020-01-01"}, "as of", "'As of' cell"),
        ({"Note": "Done  Status: open"}, "Note", "would not read back as written"),
    ],
)
def test_a_pair_that_would_not_read_back_is_refused_unless_lossy(
    tmp_path: Path, extra: dict[str, str], key: str, why: str
) -> None:
    """An entry whose title row would read back otherwise is refused, naming its key and why,
    and nothing is written; lossy=True writes the others and leaves it out."""
    path = tmp_path / "m.xlsx"
    doc = gt.Document(plans=(_plan({"Donor": "Fund A", **extra}),))
    with pytest.raises(gt.WriteError) as refused:
        _dump(doc, path)
    written = path.exists()
    _dump(doc, path, lossy=True)
    assert (True, True, False, _with_as_of({"Donor": "Fund A"})) == (
        f"plans[0].extra[{key!r}]" in str(refused.value),
        why in str(refused.value),
        written,
        dict(gt.load(path).plans[0].extra),
    )


def test_an_evaluations_field_label_is_refused_but_a_plans_is_written(tmp_path: Path) -> None:
    """'Office' fills an evaluation's office when read, so it is refused there; a plan has no
    such field, so its 'Office' entry is written and reads back."""
    path = tmp_path / "m.xlsx"
    with pytest.raises(gt.WriteError, match=r"evaluations\[0\]\.extra\['Office'\].*office field"):
        _dump(gt.Document(evaluations=(_evaluation({"Office": "West"}),)), path)
    _dump(gt.Document(plans=(_plan({"Office": "West"}),)), path)
    assert _with_as_of({"Office": "West"}) == dict(gt.load(path).plans[0].extra)


def test_more_pairs_than_the_title_rows_hold_are_refused(tmp_path: Path) -> None:
    """Past MOST_TITLE_PAIRS the header row would be below the rows the reader looks at: the
    rest is refused; lossy=True writes the first ones, the header on row 30, read back."""
    most = excel_write.MOST_TITLE_PAIRS
    extra = {f"Item {number}": f"value {number}" for number in range(most + 1)}
    path = tmp_path / "m.xlsx"
    with pytest.raises(gt.WriteError, match=rf"extra\['Item {most}'\].*no room"):
        _dump(gt.Document(plans=(_plan(extra),)), path)
    _dump(gt.Document(plans=(_plan(extra),)), path, lossy=True)
    back = gt.load(path)
    first = dict(list(extra.items())[:most])
    assert ((), _with_as_of(first), ["Hire a consultant"], "Action #") == (
        back.problems,
        dict(back.plans[0].extra),
        [action.text for action in back.actions],
        openpyxl.load_workbook(path).worksheets[0]["A30"].value,
    )


def test_a_pair_too_long_for_a_cell_names_its_title_row(tmp_path: Path) -> None:
    """A pair longer than a cell holds is a WriteError naming its cell, before any write."""
    path = tmp_path / "m.xlsx"
    with pytest.raises(gt.WriteError, match=r"Follow-up of the retreat!A3 \(a title row\)"):
        _dump(gt.Document(plans=(_plan({"Long": "x" * 40_000}),)), path)
    assert not path.exists()


def test_a_matrix_with_pairs_validates_and_annotates_without_problems(tmp_path: Path) -> None:
    """The new workbook reads with no problems and no issues; an annotated copy of it, marking
    an overdue action's Deadline cell under the moved header, reads back the same."""
    plan = _plan(EXTRA)
    late = gt.Action(
        ref="2",
        text="Train staff",
        responsible=("HR",),
        due=gt.parse_due("2023/09"),
        status=gt.Status.ONGOING,
        status_text="Ongoing",
    )
    path, annotated = tmp_path / "m.xlsx", tmp_path / "annotated.xlsx"
    _dump(gt.Document(plans=(plan,)), path)
    clean = gt.validate(gt.load(path), on=AS_OF)
    _dump(gt.Document(plans=(attrs.evolve(plan, actions=(*plan.actions, late)),)), path)
    issues = gt.validate(gt.load(path), on=AS_OF)
    annotate(path, issues, annotated)
    again = gt.load(annotated)
    assert ([], ["GT110 E9"], (), _with_as_of(EXTRA)) == (
        [issue.code for issue in clean],
        [f"{issue.code} {issue.location.cell if issue.location else ''}" for issue in issues],
        again.problems,
        dict(again.plans[0].extra),
    )


# -- the property

_labels = st.one_of(words, texts, note_texts)
_values = st.one_of(words, texts, note_texts, lines)
_extras = st.dictionaries(_labels, _values, max_size=4)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extra=_extras, title=st.one_of(words, texts))
def test_an_extra_reads_back_equal_or_is_refused(extra: dict[str, str], title: str) -> None:
    """Any extra map is written and read back equal (As of added), or refused with a
    GovtrackError; with lossy=True what reads back is never changed, only left out."""
    doc = gt.Document(plans=(_plan(extra, title=title),))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.xlsx"
        try:
            _dump(doc, path)
        except gt.GovtrackError:
            refused = True
        else:
            refused = False
            assert _with_as_of(extra) == dict(gt.load(path).plans[0].extra)
        _dump(doc, path, lossy=True)
        back = dict(gt.load(path).plans[0].extra)
    day = back.pop("As of")
    kept = {key: value for key, value in back.items() if extra.get(key) == value}
    assert (AS_OF.isoformat(), back) == (day, kept)
    assert refused or len(back) == len(extra) - (extra.get("As of") == AS_OF.isoformat())


_plain_labels = words.filter(
    lambda label: ":" not in label and normalise_header(label) not in {"title", "as of"}
)
_plain_values = words.filter(lambda value: ":" not in value)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extra=st.dictionaries(_plain_labels, _plain_values, min_size=1, max_size=4))
def test_an_extra_of_plain_words_is_never_refused(extra: dict[str, str]) -> None:
    """Labels and values of words on one line, no colon, no field's name: written, read back."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.xlsx"
        _dump(gt.Document(plans=(_plan(extra),)), path)
        assert _with_as_of(extra) == dict(gt.load(path).plans[0].extra)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_header_row_finds_the_header_under_the_pairs(tmp_path: Path, count: int) -> None:
    """Regression: HEADER_ROW (4) was the only way to find a matrix sheet's header, wrong for a
    sheet with title pairs; header_row gives each sheet's, the first action on the next row."""
    path = tmp_path / "m.xlsx"
    extra = dict(list(EXTRA.items())[:count])
    _dump(gt.Document(plans=(_plan(extra),)), path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    row = excel_write.header_row(sheet)
    expected = (excel_write.HEADER_ROW + count, "Action #", "Hire a consultant")
    assert expected == (row, sheet.cell(row=row, column=1).value, sheet[row + 1][1].value)


def test_the_kind_of_a_sheet_is_the_readers() -> None:
    """Regression: the writer named the kind of each container's sheet by hand (a meeting's,
    a plan's) beside the reader's table of title fields by layout; the kind now comes from the
    reader's rule for a sheet's layout (excel.sheet_kind), over the columns written."""
    keys = {
        "evaluation": ["rec_ref", "recommendation", "response", "category", "ref", "action"],
        "meeting": ["ref", "action", "responsible", "deadline", "status", "deemed_consent"],
        "report": ["ref", "action", "status", "schedule_on", "schedule_behind", "extra:Donor"],
        "plan": ["ref", "action", "responsible", "deadline", "status", "group"],
    }
    expected = {"evaluation": "evaluation", "meeting": "plan", "report": "report", "plan": "plan"}
    assert expected == {record: excel.sheet_kind(columns) for record, columns in keys.items()}


def test_a_header_the_reader_takes_for_no_table_has_no_kind() -> None:
    """sheet_kind refuses columns under which the reader finds no table, naming them."""
    with pytest.raises(ValueError, match="no table of the reader's has the columns"):
        excel.sheet_kind(["comments", "scope"])
