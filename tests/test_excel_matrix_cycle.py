"""The Excel matrix can be read and written again, and loses or rewrites nothing in silence.

Regressions:

- a matrix govtrack wrote, read and written again without ``on=`` (or with another date), was
  refused: its "As of" date, read into ``extra['As of']``, "would be left out" (the CLI's
  ``convert r1.xlsx r2.xlsx --layout matrix`` exited 2);
- an evaluation's office, country, period and approval, a report's working group and period,
  indicators and answers, a meeting (read back as an action plan), were dropped in silence;
- a recorded status word (``Over due``) or category word was rewritten as govtrack's label.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import govtrack as gt
from govtrack.cli import main
from govtrack.io import excel_write
from strategies import evaluations, plans, reports

ON = dt.date(2023, 1, 31)
_A = TypeVar("_A", bound=gt.Action)


def _plan(title: str = "Plan", **options: Any) -> gt.ActionPlan:
    action = gt.Action(
        text="Hire a consultant",
        due=gt.parse_due("2022/03"),
        status=gt.Status.ONGOING,
        status_text="Ongoing",
    )
    return gt.ActionPlan(title=title, actions=(action,), **options)


def _as_of(path: Path) -> list[Any]:
    workbook = openpyxl.load_workbook(path)
    return [workbook[name]["B2"].value.date() for name in workbook.sheetnames if name != "_lists"]


def test_a_matrix_read_and_written_again_without_on_reads_back_equal(tmp_path: Path) -> None:
    """The reviewer's case: a matrix read and written again keeps its As of date, equal."""
    first, second = tmp_path / "r1.xlsx", tmp_path / "r2.xlsx"
    gt.dump(gt.Document(plans=(_plan(),)), first, layout="matrix", on=ON)
    read = gt.load(first)
    gt.dump(read, second, layout="matrix")
    assert ({"As of": "2023-01-31"}, True, [ON]) == (
        dict(read.plans[0].extra),
        gt.load(second) == read,
        _as_of(second),
    )


def test_on_restates_the_as_of_date(tmp_path: Path) -> None:
    """on= is the date the highlighting is computed for: it restates the As of read."""
    first, second = tmp_path / "r1.xlsx", tmp_path / "r2.xlsx"
    gt.dump(gt.Document(plans=(_plan(),)), first, layout="matrix", on=ON)
    gt.dump(gt.load(first), second, layout="matrix", on=dt.date(2023, 6, 30))
    assert {"As of": "2023-06-30"} == dict(gt.load(second).plans[0].extra)


def test_each_sheet_keeps_its_own_as_of_date(tmp_path: Path) -> None:
    """Sheets whose containers hold different As of dates each write their own."""
    doc = gt.Document(
        plans=(
            _plan(title="North", extra={"As of": "2023-01-31"}),
            _plan(title="South", extra={"As of": "2023-03-31"}),
        )
    )
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    assert ([ON, dt.date(2023, 3, 31)], True) == (_as_of(path), gt.load(path) == doc)


@pytest.mark.parametrize("on", [None, ON])
def test_an_as_of_that_is_no_date_is_refused_unless_lossy(tmp_path: Path, on: Any) -> None:
    """An As of entry the date cell cannot hold is named; lossy=True writes the date instead."""
    doc = gt.Document(plans=(_plan(extra={"As of": "end of March"}),))
    path = tmp_path / "m.xlsx"
    with pytest.raises(gt.WriteError, match=r"plans\[0\]\.extra\['As of'\] 'end of March'"):
        gt.dump(doc, path, layout="matrix", on=on)
    gt.dump(doc, path, layout="matrix", on=ON, lossy=True)
    assert {"As of": "2023-01-31"} == dict(gt.load(path).plans[0].extra)


def test_a_document_reads_back_the_same_after_its_first_round(tmp_path: Path) -> None:
    """A document without an As of gains the date written; from then on it reads back equal."""
    doc = gt.Document(plans=(_plan(extra={"Donor": "Fund A"}),))
    first, second = tmp_path / "r1.xlsx", tmp_path / "r2.xlsx"
    gt.dump(doc, first, layout="matrix", on=ON)
    read = gt.load(first)
    gt.dump(read, second, layout="matrix")
    expected = attrs.evolve(doc, plans=(_plan(extra={"As of": "2023-01-31", "Donor": "Fund A"}),))
    assert (expected, read) == (read, gt.load(second))


def test_convert_a_matrix_to_a_matrix_again(tmp_path: Path) -> None:
    """`govtrack convert r1.xlsx r2.xlsx --layout matrix` writes (it exited 2), reading equal."""
    first, second = tmp_path / "r1.xlsx", tmp_path / "r2.xlsx"
    gt.dump(gt.Document(plans=(_plan(),)), first, layout="matrix", on=ON)
    status = main(["convert", str(first), str(second), "--layout", "matrix"])
    assert (0, True, [ON]) == (status, gt.load(second) == gt.load(first), _as_of(second))


def test_header_fields_read_back_into_their_fields(tmp_path: Path) -> None:
    """An evaluation's office, country, period and approval, a report's working group and
    period are written as title pairs and read back into the same fields."""
    evaluation = gt.Evaluation(
        title="Review of the clinics",
        office="East office",
        country="Valley Republic",
        period="2019-2022",
        approval="Approved",
        extra={"As of": "2023-01-31"},
    )
    report = gt.ProgressReport(
        title="Shelter group",
        working_group="Shelter",
        period=gt.parse_due("H2 2023"),
        period_text="H2 2023",
        activities=(
            gt.Activity(text="Map the shelters", status=gt.Status.ONGOING, status_text="Ongoing"),
        ),
        extra={"As of": "2023-01-31"},
    )
    doc = gt.Document(evaluations=(evaluation,), reports=(report,))
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    assert doc == gt.load(path)


@pytest.mark.parametrize(
    ("doc", "named"),
    [
        (
            gt.Document(
                reports=(
                    gt.ProgressReport(title="H2", indicators=(gt.Indicator(text="Rate"),) * 2),
                )
            ),
            "reports[0].indicators (2) would be left out",
        ),
        (
            gt.Document(
                reports=(gt.ProgressReport(title="H2", answers=(gt.Answer(question="Met?"),)),)
            ),
            "reports[0].answers (1) would be left out",
        ),
        (
            gt.Document(meetings=(gt.Meeting(title="Board", venue="Hall B"),)),
            "meetings[0] 'Board' would read back as an action plan",
        ),
        (
            gt.Document(evaluations=(gt.Evaluation(title="E", summary="In short."),)),
            "evaluations[0].summary 'In short.' would be left out",
        ),
        (
            gt.Document(evaluations=(gt.Evaluation(title="E", office="East\noffice"),)),
            "evaluations[0].office 'East\\noffice' would be left out (a value holding a line break)",
        ),
        (
            gt.Document(plans=(gt.ActionPlan(title="P", actions=(gt.Decision(text="Agree"),)),)),
            "plans[0].actions[0] would read back as an Action, not a Decision",
        ),
        (
            gt.Document(
                plans=(
                    gt.ActionPlan(
                        title="P", actions=(gt.Action(text="Hire", responsible=("A\nB",)),)
                    ),
                )
            ),
            "plans[0].actions[0].responsible ('A\\nB',) would read back otherwise",
        ),
        (
            gt.Document(
                plans=(
                    gt.ActionPlan(
                        title="P",
                        actions=(
                            gt.Action(
                                text="Hire", due=gt.parse_due("2023"), due_text="end of 2023"
                            ),
                        ),
                    ),
                )
            ),
            "plans[0].actions[0] has a deadline (2023) and also the unread text 'end of 2023'",
        ),
    ],
)
def test_what_the_matrix_cannot_hold_is_refused_unless_lossy(
    tmp_path: Path, doc: gt.Document, named: str
) -> None:
    """What would be dropped is named in a WriteError and nothing written; lossy=True writes."""
    path = tmp_path / "m.xlsx"
    with pytest.raises(gt.WriteError) as refused:
        gt.dump(doc, path, layout="matrix", on=ON)
    written = path.exists()
    gt.dump(doc, path, layout="matrix", on=ON, lossy=True)
    assert (True, False, True) == (named in str(refused.value), written, path.exists())


def test_the_newcomers_progress_report_names_its_indicators(tmp_path: Path) -> None:
    """The tester's case: a report with indicators and answers, its extra cleared, was written
    without complaint and read back without them; now both are named."""
    report = gt.ProgressReport(
        title="Working group report",
        indicators=(gt.Indicator(text="Share of plans agreed"), gt.Indicator(text="Visits")),
        answers=tuple(gt.Answer(question=f"Question {n}", answer=True) for n in range(4)),
    )
    with pytest.raises(gt.WriteError) as refused:
        gt.dump(gt.Document(reports=(report,)), tmp_path / "p.xlsx", layout="matrix", on=ON)
    assert ("reports[0].indicators (2)", "reports[0].answers (4)") == tuple(
        part
        for part in ("reports[0].indicators (2)", "reports[0].answers (4)")
        if part in str(refused.value)
    )


@pytest.mark.parametrize(
    ("status", "word"),
    [
        (gt.Status.OVERDUE, "Over due"),
        (gt.Status.COMPLETED, "Done"),
        (gt.Status.ONGOING, "In progress"),
    ],
)
def test_a_recorded_status_word_is_written_as_recorded(
    tmp_path: Path, status: gt.Status, word: str
) -> None:
    """`Over due` is written `Over due` (it was `Overdue`) and the document reads back equal."""
    action = gt.Action(text="Hire", status=status, status_text=word)
    doc = gt.Document(
        plans=(gt.ActionPlan(title="P", actions=(action,), extra={"As of": "2023-01-31"}),)
    )
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    assert (word, doc) == (openpyxl.load_workbook(path)["P"]["E5"].value, gt.load(path))


def test_a_recorded_category_word_is_written_as_recorded(tmp_path: Path) -> None:
    """A response's `Partially agreed` is written as recorded and reads back equal."""
    response = gt.ManagementResponse(
        text="In part.",
        category=gt.ResponseCategory.PARTIALLY_ACCEPTED,
        category_text="Partially agreed",
    )
    recommendation = gt.Recommendation(
        ref="1", text="Do more", response=response, actions=(gt.Action(text="Hire", ref="1.1"),)
    )
    doc = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="E", recommendations=(recommendation,), extra={"As of": "2023-01-31"}
            ),
        )
    )
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    assert doc == gt.load(path)


def test_a_status_word_that_reads_as_another_status_is_refused(tmp_path: Path) -> None:
    """A word recorded beside another status cannot be written as either: refused, named."""
    action = gt.Action(text="Hire", status=gt.Status.COMPLETED, status_text="Ongoing")
    doc = gt.Document(plans=(gt.ActionPlan(title="P", actions=(action,)),))
    with pytest.raises(
        gt.WriteError, match=r"status_text 'Ongoing' would read back as 'Completed'"
    ):
        gt.dump(doc, tmp_path / "m.xlsx", layout="matrix", on=ON)


def _filled(doc: gt.Document) -> gt.Document:
    """What the matrix reads back by design: the As of date written in each container's extra,
    a status or category with no recorded word read with its label, no reading problems (an
    untitled container reads back untitled)."""

    def action(a: gt.Action) -> gt.Action:
        return attrs.evolve(a, status_text=a.status.label) if a.status and not a.status_text else a

    def response(r: gt.ManagementResponse) -> gt.ManagementResponse:
        if r.category is not None and not r.category_text:
            return attrs.evolve(r, category_text=r.category.label)
        return r

    def container(record: Any) -> Any:
        changes: dict[str, Any] = {"extra": {"As of": ON.isoformat(), **record.extra}}
        if isinstance(record, gt.Evaluation):
            changes["recommendations"] = tuple(
                attrs.evolve(
                    r, response=response(r.response), actions=tuple(action(a) for a in r.actions)
                )
                for r in record.recommendations
            )
        elif isinstance(record, gt.ProgressReport):
            changes["activities"] = tuple(action(a) for a in record.activities)
        else:
            changes["actions"] = tuple(action(a) for a in record.actions)
        return attrs.evolve(record, **changes)

    return attrs.evolve(
        doc,
        problems=(),
        evaluations=tuple(container(e) for e in doc.evaluations),
        reports=tuple(container(r) for r in doc.reports),
        plans=tuple(container(p) for p in doc.plans),
    )


def _same_deadlines(doc: gt.Document) -> gt.Document:
    """Each deadline as the dates it covers: a day read with dayfirst= is written in a form
    that needs none (documented), the same deadline."""

    def action(a: _A) -> _A:
        if a.due is None:
            return a
        return attrs.evolve(
            a, due=gt.Due(text="", start=a.due.start, end=a.due.end, precision=a.due.precision)
        )

    return attrs.evolve(
        doc,
        evaluations=tuple(
            attrs.evolve(
                e,
                recommendations=tuple(
                    attrs.evolve(r, actions=tuple(action(a) for a in r.actions))
                    for r in e.recommendations
                ),
            )
            for e in doc.evaluations
        ),
        reports=tuple(
            attrs.evolve(r, activities=tuple(action(a) for a in r.activities)) for r in doc.reports
        ),
        plans=tuple(
            attrs.evolve(p, actions=tuple(action(a) for a in p.actions)) for p in doc.plans
        ),
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evaluation=evaluations, report=reports, plan=plans)
def test_a_document_reads_back_equal_or_is_refused(
    evaluation: gt.Evaluation, report: gt.ProgressReport, plan: gt.ActionPlan
) -> None:
    """Whatever the strategies draw is written and read back equal (but for what the matrix
    fills in by design), or refused with a WriteError: never changed in silence."""
    for doc in (
        gt.Document(evaluations=(evaluation,)),
        gt.Document(reports=(report,)),
        gt.Document(plans=(plan,)),
    ):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "m.xlsx"
            try:
                gt.dump(doc, path, layout="matrix", on=ON)
            except gt.WriteError:
                continue
            back = gt.load(path)
        assert _same_deadlines(_filled(doc)) == _same_deadlines(attrs.evolve(back, problems=()))


@pytest.mark.parametrize("ref", ["", "1"])
def test_two_recommendations_alike_are_refused_not_merged(tmp_path: Path, ref: str) -> None:
    """Regression (found by the property above on a clean clone): two recommendations in a row
    with the same ref and text were written as rows the reader takes for one recommendation,
    read back as one in silence; the matrix refuses them unless lossy."""
    recommendations = tuple(
        gt.Recommendation(text="Train staff", ref=ref, actions=(gt.Action(text=f"Action {n}"),))
        for n in (1, 2)
    )
    doc = gt.Document(evaluations=(gt.Evaluation(title="E", recommendations=recommendations),))
    with pytest.raises(gt.WriteError, match=re.escape("recommendations[1] would read back as")):
        gt.dump(doc, tmp_path / "m.xlsx", layout="matrix", on=ON)


def test_unclear_schedule_ticks_read_back_from_the_matrix_with_no_problem(
    tmp_path: Path,
) -> None:
    """A work-plan row ticked both on and behind schedule keeps the ticks in extra, under the
    columns' names (GT214); govtrack's matrix writes them as extra columns after its own
    On schedule and Behind schedule, and reads them back under their keys with no problem
    (it reported each as a second column for the same field, GT206)."""
    source = tmp_path / "workplan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Workplan"
    sheet.append(["Scheduled activity", "Implementation status", "On schedule", "Behind schedule"])
    sheet.append(["Update the contact list", "Ongoing", "yes", "yes"])
    book.save(source)
    doc = gt.load(source)
    assert ["GT214"] == [p.code for p in doc.problems]
    out = tmp_path / "matrix.xlsx"
    gt.dump(doc, out, layout="matrix", on=ON)
    back = gt.load(out)
    assert (list(doc.actions), []) == (list(back.actions), [str(p) for p in back.problems])


def test_extra_entries_named_as_fields_read_back_with_no_problem(tmp_path: Path) -> None:
    """An action's extra entry named as a column govtrack writes (`Status`, `Deadline`) is a
    column of its own right of the fields, read back under its key, not a second column."""
    action = gt.Action(ref="1", text="Hire", extra={"Status": "Done?", "Deadline": "soon"})
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    out = tmp_path / "matrix.xlsx"
    gt.dump(doc, out, layout="matrix", on=ON)
    back = gt.load(out)
    assert ([action], []) == (list(back.actions), [p.code for p in back.problems])


@pytest.mark.parametrize(
    "key", ["Behind schedule", "On schedule", "Group", "Deemed consent", "Rec #", "Schedule"]
)
@pytest.mark.parametrize("kind", ["plan", "evaluation"])
def test_extra_entry_named_as_a_column_the_sheet_does_not_write_reads_back(
    tmp_path: Path, key: str, kind: str
) -> None:
    """An extra entry named as a column the matrix writes only for some documents (`Behind
    schedule` in a plan) was its sheet's only column of that name: the reader took it for the
    field, dropped the entry with no problem and made the action an Activity. The hidden
    `_govtrack extra from …` column names the first extra column, read back as extra."""
    action = gt.Action(ref="1", text="Hire", extra={key: "0"})
    doc = (
        gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
        if kind == "plan"
        else gt.Document(
            evaluations=(
                gt.Evaluation(
                    title="E",
                    recommendations=(gt.Recommendation(ref="1", text="R", actions=(action,)),),
                ),
            )
        )
    )
    out = tmp_path / "matrix.xlsx"
    gt.dump(doc, out, layout="matrix", on=ON)
    back = gt.load(out)
    assert ([action], []) == (list(back.actions), [str(p) for p in back.problems])


@pytest.mark.parametrize(
    ("key", "said"),
    [("Donor\nname", "extra['Donor name']"), ("", "empty one"), (" Donor", "Donor")],
)
def test_an_extra_key_no_header_holds_is_refused(tmp_path: Path, key: str, said: str) -> None:
    """Regression: an extra key with a line break read back as `Donor name`, an empty one
    as `Column I` (GT205), in silence; refused unless lossy, naming the key."""
    action = gt.Action(text="Do it", extra={key: "d"})
    doc = gt.Document(plans=(gt.ActionPlan(title="P", actions=(action,)),))
    with pytest.raises(gt.WriteError, match=re.escape(said)):
        gt.dump(doc, tmp_path / "m.xlsx", layout="matrix", on=ON)
    gt.dump(doc, tmp_path / "m.xlsx", layout="matrix", on=ON, lossy=True)


def test_a_column_inserted_by_a_partner_moves_no_extra_column(tmp_path: Path) -> None:
    """The hidden `_govtrack extra from …` column names the first extra column by its header,
    not its letter: a column a partner inserts among the matrix's own (a `Budget` column
    before the Status) leaves the fields fields and the extra entries extra. (Named by letter,
    the Scope column, last of the matrix's own, became an extra entry.)"""
    action = gt.Action(
        ref="1",
        text="Hire",
        status=gt.Status.ONGOING,
        comments="On track",
        scope="KAZ",
        extra={"Donor": "EU"},
    )
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    out = tmp_path / "matrix.xlsx"
    gt.dump(doc, out, layout="matrix", on=ON)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    header = excel_write.header_row(sheet)
    status = next(cell.column for cell in sheet[header] if cell.value == "Status")
    sheet.insert_cols(status)
    sheet.cell(header, status, "Budget")
    sheet.cell(header + 1, status, "1200")
    book.save(out)
    [back] = gt.load(out).actions
    assert (back.status, back.comments, back.scope, dict(back.extra)) == (
        gt.Status.ONGOING,
        "On track",
        "KAZ",
        {"Budget": "1200", "Donor": "EU"},
    )


def _grouped(*groups: str) -> gt.Document:
    recommendations = tuple(
        gt.Recommendation(
            ref=str(number),
            text=f"Recommendation {number}",
            group=group,
            actions=(gt.Action(ref=f"{number}.1", text="Act", group=group),),
        )
        for number, group in enumerate(groups, start=1)
    )
    return gt.Document(evaluations=(gt.Evaluation(title="E", recommendations=recommendations),))


def test_recommendation_groups_are_written_as_section_rows(tmp_path: Path) -> None:
    """Recommendations grouped under section rows (`A. Governance`) were refused unless
    lossy=True, which left the groups out; each group is now a section row above its first
    recommendation, and reads back as the recommendations' and actions' group."""
    doc = _grouped("A. Governance", "A. Governance", "B. Finance", "")
    doc = attrs.evolve(
        doc,
        evaluations=(
            attrs.evolve(
                doc.evaluations[0],
                recommendations=(
                    *doc.evaluations[0].recommendations[:3],
                    gt.Recommendation(ref="4", text="No actions", group="B. Finance"),
                ),
            ),
        ),
    )
    out = tmp_path / "matrix.xlsx"
    gt.dump(doc, out, layout="matrix", on=ON)
    back = gt.load(out)
    assert [] == [str(p) for p in back.problems]
    assert [(r.ref, r.group, [a.group for a in r.actions]) for r in doc.recommendations] == [
        (r.ref, r.group, [a.group for a in r.actions]) for r in back.recommendations
    ]
    assert list(doc.actions) == list(back.actions)


@pytest.mark.parametrize(
    ("groups", "said"),
    [
        (("A.",), "recommendations[0].group 'A.' would be left out"),
        (("Note: later",), "recommendations[0].group 'Note: later' would be left out"),
        (("A", ""), "recommendations[1].group '' would read back as 'A'"),
    ],
)
def test_a_group_no_section_row_gives_back_is_refused(
    tmp_path: Path, groups: tuple[str, ...], said: str
) -> None:
    """A group that a section row would not give back as written is refused, naming it."""
    with pytest.raises(gt.WriteError, match=re.escape(said)):
        gt.dump(_grouped(*groups), tmp_path / "m.xlsx", layout="matrix", on=ON)


@pytest.mark.parametrize("extra", [{}, {"Donor": "EU"}, {"Note": "Minutes: see annex"}])
def test_an_untitled_container_reads_back_untitled(tmp_path: Path, extra: dict[str, str]) -> None:
    """An untitled plan or evaluation read back titled after its sheet (`Plan 1`): the matrix
    leaves row 1 empty, and govtrack's own matrix takes only row 1 for the title."""
    action = gt.Action(ref="1", text="Hire")
    doc = gt.Document(
        plans=(gt.ActionPlan(title="", extra=extra, actions=(action,)),),
        evaluations=(
            gt.Evaluation(
                title="", extra=extra, recommendations=(gt.Recommendation(ref="1", text="R"),)
            ),
        ),
    )
    out = tmp_path / "matrix.xlsx"
    gt.dump(doc, out, layout="matrix", on=ON)
    back = gt.load(out)
    read = [(e.title, dict(e.extra)) for e in back.evaluations]
    read += [(p.title, dict(p.extra)) for p in back.plans]
    assert ([("", {"As of": ON.isoformat(), **extra})] * 2, []) == (
        read,
        [str(p) for p in back.problems],
    )
