"""Reading reports the words it kept as text but could not interpret (GT101, GT104, GT111).

Every reader but JSON's puts an unknown status word, an unreadable deadline and an unknown
response category in ``doc.problems`` at the field's location, as :func:`govtrack.validate`
reports them, and :func:`govtrack.validate` lists each once.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.validate import ReadingChecks, with_reading_problems
from strategies import dates, documents, unknown_status_words

ON = dt.date(2023, 1, 31)


def _located(problems: Any) -> list[tuple[str, str, str]]:
    """Each problem as (code, location, header)."""
    return [(p.code, str(p.location), p.location.header if p.location else "") for p in problems]


def _workbook(path: Path, *rows: list[Any], title: str = "Actions") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _plan_workbook(tmp_path: Path) -> Path:
    """The reviewer's case: a status word and a deadline that do not read."""
    return _workbook(
        tmp_path / "plan.xlsx",
        ["Key action", "Responsible Unit(s)", "Time-frame", "Status of implementation"],
        ["Hire a data clerk", "HR", "2022/03", "Stalled"],
        ["Buy two laptops", "HR", "someday", "Ongoing"],
    )


UNREAD = [
    ("GT101", "Actions!D2", "Status of implementation"),
    ("GT104", "Actions!C3", "Time-frame"),
]
"""The reading problems of :func:`_plan_workbook`."""


@pytest.fixture(params=["openpyxl", "calamine"])
def engine(request: pytest.FixtureRequest) -> str:
    if request.param == "calamine":
        pytest.importorskip("python_calamine")
    return str(request.param)


def test_a_workbook_reports_its_unread_words_at_their_cells(tmp_path: Path, engine: str) -> None:
    """Regression: `Stalled` and `someday` were kept as text but doc.problems was empty; they
    are GT101 and GT104 at their cells, under the partner's headers, with either engine."""
    assert UNREAD == _located(gt.load(_plan_workbook(tmp_path), engine=engine).problems)


def test_validate_lists_a_reading_problem_once(tmp_path: Path) -> None:
    """validate lists the reader's GT101 and GT104 once, then the rules' other issues."""
    doc = gt.load(_plan_workbook(tmp_path))
    assert [*UNREAD, ("GT110", "Actions!D2", "Status of implementation")] == _located(
        gt.validate(doc, on=ON)
    )


def test_a_document_built_in_code_still_gets_the_rules_issues() -> None:
    """A document built by hand has no reader problems: validate reports GT101 and GT104."""
    action = gt.Action(text="Hire", responsible=("HR",), status_text="Stalled", due_text="soon")
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    assert ((), ["GT101", "GT104"]) == (
        doc.problems,
        [issue.code for issue in gt.validate(doc, on=ON)],
    )


def test_an_unknown_category_is_a_reading_problem(tmp_path: Path, engine: str) -> None:
    """A response category govtrack does not know is GT111 at its recommendation's row."""
    path = _workbook(
        tmp_path / "mr.xlsx",
        ["Recommendation", "Management response", "Category", "Key action", "Responsible",
         "Deadline", "Status"],
        ["Train the teams", "We agree.", "Noted", "Run a workshop", "HR", "2023/06", "Ongoing"],
        title="MR",
    )  # fmt: skip
    doc = gt.load(path, engine=engine)
    assert (["GT111"], ["GT111"]) == (
        [p.code for p in doc.problems],
        [issue.code for issue in gt.validate(doc, on=ON) if issue.code == "GT111"],
    )


def test_iter_actions_reports_what_load_reports(tmp_path: Path, engine: str) -> None:
    """Streaming appends the same GT101 and GT104 to the problems list as load reports."""
    path = _plan_workbook(tmp_path)
    problems: list[gt.Issue] = []
    actions = list(gt.iter_actions(path, engine=engine, problems=problems))
    assert (list(gt.load(path).actions), UNREAD) == (actions, _located(problems))


def test_an_ambiguous_day_is_not_reported_twice(tmp_path: Path) -> None:
    """An ambiguous day is the reader's GT208 only: the reader said what is wrong there."""
    path = _workbook(
        tmp_path / "plan.xlsx",
        ["Action", "Responsible", "Deadline", "Status"],
        ["Hire a data clerk", "HR", "03/04/2024", "Ongoing"],
    )
    doc = gt.load(path)
    assert (["GT208"], ["GT208"]) == (
        [p.code for p in doc.problems],
        [issue.code for issue in gt.validate(doc, on=ON)],
    )


def test_govtrack_workbook_and_json_keep_the_problems_as_written(tmp_path: Path) -> None:
    """govtrack's own workbook and JSON store a document: a partner's problems read back
    once, and a document built in code reads back equal, its unread words unreported."""
    read = gt.load(_plan_workbook(tmp_path))
    built = attrs.evolve(read, problems=())
    for doc in (read, built):
        for name in ("store.xlsx", "store.json"):
            gt.dump(doc, tmp_path / name)
            assert doc == gt.load(tmp_path / name), name


def test_the_matrix_layout_reports_the_words_again_at_its_cells(tmp_path: Path) -> None:
    """The matrix layout writes no problems: read back, its unread words are reported again,
    at the matrix's cells, once each; the records read back equal."""
    read = gt.load(_plan_workbook(tmp_path))
    target = tmp_path / "matrix.xlsx"
    gt.dump(read, target, layout="matrix", on=ON)
    back = gt.load(target)
    assert (read.actions, ["GT101", "GT104"]) == (
        back.actions,
        [p.code for p in back.problems if p.code.startswith("GT1")],
    )


# -- text


def test_a_text_table_reports_its_unread_words_at_their_lines() -> None:
    """The text matrix: GT101 and GT104 at the row's line, beside the reader's GT326."""
    text = (
        "| Action | Responsible | Deadline | Status |\n|---|---|---|---|\n"
        "| Hire | HR | someday | Stalled |\n| Pay | HR | 03/04/2024 | Ongoing |\n"
    )
    doc = gt.loads(text, format="matrix")
    assert [("GT326", "line 4"), ("GT101", "line 3"), ("GT104", "line 3")] == [
        (p.code, str(p.location)) for p in doc.problems
    ]
    assert ["GT326", "GT101", "GT104"] == [issue.code for issue in gt.validate(doc, on=ON)]


GATE = (
    "Recommendation: 1: Staff the district offices.\nManagement Response: Agreed.\n"
    "Description:\nManagement Response Category: {category}\nThematic Area: Not applicable\n"
    "Operating Principles: Not applicable\nOrganizational Priorities: Not applicable\n"
    "UNEG Criteria: Not applicable\nKey Actions\nResponsible\tDeadline\tStatus\tComments\n"
    "{line}\n"
)


def test_a_gate_page_reports_an_unknown_status_and_category() -> None:
    """The gate export: GT101 at the key action's line, GT111 at the recommendation's."""
    line = "1. Hire staff.\tHR\t2022/03\tStalled\t"
    doc = gt.loads(GATE.format(category="Noted", line=line), format="gate")
    assert [("GT101", "line 11"), ("GT111", "line 1")] == [
        (p.code, str(p.location)) for p in doc.problems
    ]


def test_a_gate_status_the_reader_reported_is_not_doubled() -> None:
    """A deadline followed by no known status is the reader's GT303 only (no GT101)."""
    line = "1. Hire staff. HR 2022/03 Stalled for now"
    doc = gt.loads(GATE.format(category="Accepted", line=line), format="gate")
    assert (["GT303"], ["GT303"]) == (
        [p.code for p in doc.problems],
        [issue.code for issue in gt.validate(doc, on=ON) if issue.code != "GT110"],
    )


MINUTES = (
    "Minutes of the Board\nDate and Time: 3 March 2021, 10 am to 12 pm\n\nDecisions:\n"
    "a) The secretariat to circulate the report by 31 June 2021.\n"
)


def test_a_deadline_the_minutes_reader_reported_is_not_doubled() -> None:
    """Minutes: an unreadable deadline is the reader's GT349 only (it quotes the text)."""
    doc = gt.loads(MINUTES, format="minutes")
    assert (["GT349"], ["GT349"]) == (
        [p.code for p in doc.problems],
        [issue.code for issue in gt.validate(doc, on=ON) if issue.code in {"GT104", "GT349"}],
    )


def test_json_keeps_its_problems_as_written() -> None:
    """JSON is a store: an unread word it holds is not reported on reading."""
    action = gt.Action(text="Hire", status_text="Stalled")
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    assert doc == gt.loads(gt.dumps(doc, format="json"), format="json")


@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(["Ongoing", "Completed"]), unknown_status_words),
            st.sampled_from(["2023/06", "Q1 2024", "~later", "to be decided"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_each_unread_word_of_a_table_is_one_problem_at_its_line(
    rows: list[tuple[str, str]],
) -> None:
    """Each unknown status word and unreadable deadline of a text table is one problem at its
    row's line (statuses first, then deadlines), and validate lists it once."""
    body = "".join(f"| Action {n} | HR | {due} | {word} |\n" for n, (word, due) in enumerate(rows))
    text = "| Action | Responsible | Deadline | Status |\n|---|---|---|---|\n" + body
    doc = gt.loads(text, format="matrix")
    expected = [
        *(("GT101", n + 3) for n, (word, _) in enumerate(rows) if gt.Status.parse(word) is None),
        *(
            ("GT104", n + 3)
            for n, (_, due) in enumerate(rows)
            if due in {"~later", "to be decided"}
        ),
    ]
    issues = [i for i in gt.validate(doc, on=ON) if i.code in {"GT101", "GT104"}]
    assert (expected, expected) == (
        [(p.code, p.location.line if p.location else 0) for p in doc.problems],
        [(i.code, i.location.line if i.location else 0) for i in issues],
    )


def _fixed(doc: gt.Document) -> gt.Document:
    """``doc`` with every plan's action given a status and a deadline that read."""
    return attrs.evolve(
        doc,
        plans=tuple(
            attrs.evolve(
                plan,
                actions=tuple(
                    attrs.evolve(
                        action,
                        status=gt.Status.ONGOING,
                        status_text="Ongoing",
                        due=gt.parse_due("2024/07"),
                        due_text="",
                    )
                    for action in plan.actions
                ),
            )
            for plan in doc.plans
        ),
    )


def test_validate_judges_the_document_as_it_is_not_as_it_was_read(tmp_path: Path) -> None:
    """Regression: fixing every `Stalled` status and `soon` deadline with attrs.evolve left
    validate listing the GT101 and GT104 that reading had found; it lists none now, while
    doc.problems keeps what reading found."""
    path = _workbook(
        tmp_path / "plan.xlsx",
        ["Action", "Responsible", "Deadline", "Status"],
        ["Hire a data clerk", "HR", "soon", "Stalled"],
        ["Buy two laptops", "HR", "soon", "Stalled"],
    )
    doc = gt.load(path)
    fixed = _fixed(doc)
    assert (["GT101", "GT101", "GT104", "GT104"], []) == (
        [p.code for p in fixed.problems],
        [issue.code for issue in gt.validate(fixed, on=ON)],
    )


def test_validate_lists_what_still_is_wrong_of_an_edited_document(tmp_path: Path) -> None:
    """An edit that fixes the status only leaves the deadline reported, at its cell."""
    doc = gt.load(_plan_workbook(tmp_path))
    plan = doc.plans[0]
    first = attrs.evolve(plan.actions[0], status=gt.Status.ONGOING, status_text="Ongoing")
    edited = attrs.evolve(doc, plans=(attrs.evolve(plan, actions=(first, plan.actions[1])),))
    assert [
        ("GT104", "Actions!C3", "Time-frame"),
        ("GT110", "Actions!D2", "Status of implementation"),
    ] == _located(gt.validate(edited, on=ON))


def test_an_unchanged_document_validates_as_before(tmp_path: Path) -> None:
    """validate of a document as read lists its reading problems, each once, in rule order
    after the reader's own (an ambiguous day GT208, which silences no other deadline)."""
    path = _workbook(
        tmp_path / "plan.xlsx",
        ["Action", "Responsible", "Deadline", "Status"],
        ["Hire a data clerk", "HR", "03/04/2024", "Stalled"],
        ["Buy two laptops", "HR", "soon", "Stalled"],
    )
    doc = gt.load(path)
    assert [
        ("GT208", "Actions!C2"),
        ("GT101", "Actions!D2"),
        ("GT101", "Actions!D3"),
        ("GT104", "Actions!C3"),
    ] == [(i.code, str(i.location)) for i in gt.validate(doc, on=ON)]


def test_two_actions_built_in_code_are_two_reading_problems() -> None:
    """Regression: two actions with status_text="Stalled" and no origin (the same location,
    None) gave one GT101; each is reported, by with_reading_problems and ReadingChecks."""
    actions = (
        gt.Action(text="Hire", responsible=("HR",), status_text="Stalled", due_text="soon"),
        gt.Action(text="Pay", responsible=("HR",), status_text="Stalled", due_text="soon"),
    )
    doc = gt.Document(plans=(gt.ActionPlan(actions=actions),))
    problems: list[gt.Issue] = []
    checks = ReadingChecks(problems)
    for action in actions:
        checks.check(action)
    checks.finish()
    expected = ["GT101", "GT101", "GT104", "GT104"]
    read = with_reading_problems(doc)
    assert (expected, expected, read) == (
        [p.code for p in read.problems],
        [p.code for p in problems],
        with_reading_problems(read),
    )


def test_a_read_document_gets_no_second_reading_problem(tmp_path: Path) -> None:
    """A problem the document holds already (same code and location) is not added again."""
    doc = gt.load(_plan_workbook(tmp_path))
    assert doc == with_reading_problems(doc)


@pytest.mark.parametrize(
    ("name", "text", "codes"),
    [
        (
            "matrix",
            (
                "| Action | Responsible | Deadline | Status |\n|---|---|---|---|\n"
                "| Hire | HR | someday | Stalled |\n"
            ),
            ["GT101", "GT104"],
        ),
        (
            "gate",
            GATE.format(category="Noted", line="1. Hire staff.\tHR\t2022/03\tStalled\t"),
            ["GT101", "GT111"],
        ),
    ],
)
def test_a_text_module_reads_as_the_api_does(name: str, text: str, codes: list[str]) -> None:
    """Regression: govtrack.io.matrix.loads (and gate's) gave no GT101/GT104/GT111 where
    gt.loads(format=...) did; the module's loads reports them itself, as excel.load does."""
    module = importlib.import_module(f"govtrack.io.{name}")
    doc = module.loads(text)
    assert (codes, doc) == ([p.code for p in doc.problems], gt.loads(text, format=name))


@given(documents, dates)
def test_validate_is_the_same_with_or_without_the_reading_problems(
    doc: gt.Document, on: dt.date
) -> None:
    """validate judges the words kept as text on the document itself: adding the reading
    problems (as a reader does) changes nothing it lists, order included."""
    assert gt.validate(doc, on=on) == gt.validate(with_reading_problems(doc), on=on)


_TEXT_FIXTURES = sorted(
    (folder.name.replace("_", "-") + ("-report" if folder.name == "progress" else ""), path)
    for folder in (Path(__file__).parent / "data").iterdir()
    if folder.name in {"gate", "matrix", "minutes", "meeting_report", "progress"}
    for path in folder.iterdir()
    if path.suffix in {".txt", ".md"}
)


@pytest.mark.parametrize(("name", "path"), _TEXT_FIXTURES, ids=str)
def test_every_text_module_reads_as_the_api_does(name: str, path: Path) -> None:
    """Every text module's loads is the API's reading, problems included (the minutes,
    meeting-report and progress-report modules now add GT101/GT104/GT111 themselves, as
    gate's and matrix's do, so no entry point gives fewer)."""
    module = importlib.import_module("govtrack.io." + path.parent.name)
    text = path.read_text(encoding="utf-8")
    assert gt.loads(text, format=name) == module.loads(text)
