"""A newcomer's workbooks: stray cells under a table, a second table's title, status cells
that are no text, title rows with several pieces, and the matrix's deadlines read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt

ENGINES = ["openpyxl", "calamine"]


def _plan(
    tmp_path: Path, *rows: list[object], name: str = "plan.xlsx", numbered: bool = False
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    first = ["Renew the office lease", "Admin Unit", "Q2 2024", "Completed"]
    if numbered:
        sheet.append(["No", "Action", "Responsible", "Deadline", "Status"])
        sheet.append([1, *first])
    else:
        sheet.append(["Action", "Responsible", "Deadline", "Status"])
        sheet.append(first)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _codes(doc: gt.Document) -> list[tuple[str, str]]:
    return [(p.code, p.location.cell if p.location else "") for p in doc.problems]


# -- 1. a lone cell below a blank row, outside the action column


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("column", "text"),
    [
        (2, "Signed: ________"),
        (3, "Date: 14/10/2023"),
        (4, "Page 1 of 3"),
        (5, "Reviewed by KM"),
        (2, 42),
    ],
)
def test_a_lone_cell_below_a_gap_is_a_note(
    tmp_path: Path, engine: str, column: int, text: object
) -> None:
    """Regression: a lone sign-off under Responsible (Deadline, Status, a column with no
    header) below a blank row was read as an action with no text (GT213) and skewed the
    counts; it is a note kept in extra (GT212), the only problem."""
    row: list[object] = [None] * column
    row[column - 1] = text
    doc = gt.load(_plan(tmp_path, [], row), engine=engine)
    cell = f"{'ABCDE'[column - 1]}4"
    assert [a.text for a in doc.actions] == ["Renew the office lease"]
    assert dict(doc.plans[0].extra) == {f"Note {cell}": str(text)}
    assert _codes(doc) == [("GT212", cell)]
    assert gt.summarize(doc, on=dt.date(2024, 1, 31)).implementation_rate == 1.0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lone_cell_right_under_an_action_is_still_read_as_a_row(
    tmp_path: Path, engine: str
) -> None:
    """A row with only a Responsible right under an action (no blank row) is read as before:
    an action with no text (GT213), not a note."""
    doc = gt.load(_plan(tmp_path, [None, "Finance"]), engine=engine)
    assert [a.responsible for a in doc.actions] == [("Admin Unit",), ("Finance",)]
    assert _codes(doc) == [("GT213", "A3")]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lone_comment_below_a_gap_keeps_its_own_reading(tmp_path: Path, engine: str) -> None:
    """A lone Comments cell below a blank row stays a comment on no action (GT230)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Comments"])
    sheet.append(["Renew the office lease", "Admin Unit", "Q2 2024", "Completed", ""])
    sheet.append([])
    sheet.append([None, None, None, None, "Figures as of October"])
    path = tmp_path / "comments.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    assert [p.code for p in doc.problems] == ["GT230"]
    assert dict(doc.plans[0].extra) == {"Comments E4": "Figures as of October"}


@given(
    column=st.integers(min_value=2, max_value=6),
    gap=st.integers(min_value=1, max_value=3),
    text=st.text(alphabet="abcXYZ :_/0123456789", min_size=1, max_size=20).filter(
        lambda t: t.strip() != ""
    ),
)
def test_a_lone_cell_below_a_gap_is_never_an_action(column: int, gap: int, text: str) -> None:
    """Property: whatever a lone cell below one or more blank rows says, in any column but
    the action's, it adds no action and is kept in extra whole."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        row: list[object] = [None] * column
        row[column - 1] = text
        path = _plan(Path(folder), *([[]] * gap), row)
        doc = gt.load(path)
    assert len(doc.actions) == 1
    assert list(doc.plans[0].extra.values()) == [text.strip()]


# -- 2. a title row above a second header row


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("blank_rows", [0, 2])
def test_a_title_above_a_second_header_is_its_title(
    tmp_path: Path, engine: str, blank_rows: int
) -> None:
    """Regression: a title row right above a second header row (the same columns as the
    first's) was kept in the first table's extra as a section with nothing under it (GT215),
    and the header skipped as a repeat (GT216), its rows read into the first table; the
    title is the second table's."""
    rows: list[list[object]] = [[] for _ in range(blank_rows)]
    rows += [
        ["Points raised at the 2021 site visit"],
        ["No", "Action", "Lead", "Deadline", "Status"],
        ["A", "Fix the gate of the depot", "Logistics", "Oct-2023", "Ongoing"],
    ]
    doc = gt.load(_plan(tmp_path, *rows, numbered=True), engine=engine)
    assert [plan.title for plan in doc.plans] == ["Plan", "Points raised at the 2021 site visit"]
    assert [dict(plan.extra) for plan in doc.plans] == [{}, {}]
    assert [a.ref for a in doc.plans[1].actions] == ["A"]
    assert "GT215" not in [p.code for p in doc.problems]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_section_with_rows_under_it_is_no_title(tmp_path: Path, engine: str) -> None:
    """A section row with actions under it stays their group, even when a header follows."""
    doc = gt.load(
        _plan(
            tmp_path,
            ["Phase two"],
            [2, "Move the archive", "Admin Unit", "2024", "Ongoing"],
            ["No", "Action", "Lead", "Deadline", "Comments"],
            ["A", "Fix the gate of the depot", "Logistics", "Oct-2023", ""],
            numbered=True,
        ),
        engine=engine,
    )
    assert [plan.title for plan in doc.plans] == ["Plan", "Plan"]
    assert doc.plans[0].actions[1].group == "Phase two"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_above_a_different_header_is_its_title(tmp_path: Path, engine: str) -> None:
    """Regression: a title row above a header of other columns was kept in the first
    table's extra (GT215) and the second table named after the sheet."""
    rows: list[list[object]] = [
        [],
        ["Points raised at the 2021 site visit"],
        ["No", "Action", "Lead", "Deadline", "Comments"],
        ["A", "Fix the gate of the depot", "Logistics", "Oct-2023", "Quote received"],
    ]
    doc = gt.load(_plan(tmp_path, *rows, numbered=True), engine=engine)
    assert [plan.title for plan in doc.plans] == ["Plan", "Points raised at the 2021 site visit"]
    assert [dict(plan.extra) for plan in doc.plans] == [{}, {}]
    assert [p.code for p in doc.problems] == ["GT207"]  # the second table has no Status


# -- 3. a status cell that is no text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_percent_status_reads_as_shown(tmp_path: Path, engine: str) -> None:
    """Regression: a Status cell `1` formatted `0%` read as '1' (and `0.5` as '0.5'), not
    the `100%` the partner sees; both engines read the text as shown, and GT101 quotes it."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Draft the terms", "Legal Unit", "Q1 2023", 1.0])
    sheet.append(["Hire the panel", "HR", "Q1 2023", 0.5])
    sheet.append(["Open the tender", "Procurement", "Q1 2023", 0.125])
    sheet.append(["Book the hall", "Admin Unit", "Q1 2023", True])
    sheet.append(["Sign the contract", "Legal Unit", "Q1 2023", 0.75])
    for cell, style in (("D2", "0%"), ("D3", "0%"), ("D4", "0.0%")):
        sheet[cell].number_format = style
    path = tmp_path / "percent.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    assert [a.status_text for a in doc.actions] == ["100%", "50%", "12.5%", "TRUE", "0.75"]
    messages = [i.message for i in gt.validate(doc, on=dt.date(2023, 6, 1), select=["GT101"])]
    assert "'100%'" in messages[0]


@given(
    value=st.floats(min_value=0, max_value=10, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=4),
)
def test_a_percent_format_shows_its_decimals(value: float, decimals: int) -> None:
    """Property: a percent format `0.00…%` shows the value times 100 with its decimals and
    a `%`, and parses back to within half its last digit."""
    from govtrack.io._numfmt import percent_shape

    code = "0" + ("." + "0" * decimals if decimals else "") + "%"
    shape = percent_shape(code)
    assert shape is not None
    shown = shape.text(value)
    assert shown.endswith("%")
    assert len(shown.partition(".")[2].rstrip("%")) == decimals
    assert abs(float(shown[:-1]) - value * 100) <= 0.5 * 10**-decimals + 1e-9


# -- 4. title rows with several pieces


@pytest.mark.parametrize("engine", ENGINES)
def test_the_title_typed_beside_the_template_label_is_the_title(
    tmp_path: Path, engine: str
) -> None:
    """Regression: a title typed in B1 of the template, beside its `Management response
    matrix` label, was joined to it ('Management response matrix Evaluation of …'); the
    label labels it."""
    path = tmp_path / "template.xlsx"
    _template(path)
    book = openpyxl.load_workbook(path)
    book["Matrix"]["B1"] = "Evaluation of the school meals pilot"
    book.save(path)
    doc = gt.load(path, engine=engine)
    assert [e.title for e in doc.evaluations] == ["Evaluation of the school meals pilot"]
    assert "Management response matrix" not in dict(doc.evaluations[0].extra)


def _template(path: Path) -> None:
    from govtrack.io.excel_write import write_template

    write_template(path)


def test_the_template_instructions_say_where_the_title_goes(tmp_path: Path) -> None:
    """The template's Instructions sheet says the title goes in B1 of the Matrix sheet."""
    path = tmp_path / "template.xlsx"
    _template(path)
    sheet = openpyxl.load_workbook(path)["Instructions"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("B1" in text and "title" in text for text in texts)


@pytest.mark.parametrize("engine", ENGINES)
def test_far_apart_title_cells_are_title_and_extra(tmp_path: Path, engine: str) -> None:
    """Regression: `Follow-up of the review` in A1 and `Version 2 – final` in F1 made one
    title; the first is the title, the other kept in extra under its cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Follow-up of the review"
    sheet["F1"] = "Version 2 – final"
    sheet.append([])
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Close the petty cash box", "Finance", "Q1 2024", "Ongoing"])
    path = tmp_path / "titles.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    assert doc.plans[0].title == "Follow-up of the review"
    assert dict(doc.plans[0].extra) == {"F1": "Version 2 – final"}


@given(
    words=st.lists(
        st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(lambda t: t.strip()),
        min_size=1,
        max_size=4,
    ),
    gaps=st.lists(st.integers(min_value=1, max_value=3), min_size=4, max_size=4),
)
def test_title_pieces_lose_nothing(words: list[str], gaps: list[int]) -> None:
    """Property: the pieces of a title row of unlabelled texts give back every text, in
    order; texts in adjacent cells are one piece, texts further apart are separate."""
    from govtrack.io.excel import _title_pairs

    column, cells = 0, []
    for word, gap in zip(words, gaps, strict=False):
        cells.append((column, word.strip()))
        column += gap
    pieces = _title_pairs(cells)
    assert " ".join(piece[3] for piece in pieces) == " ".join(text for _, text in cells)
    expected = 1 + sum(1 for gap in gaps[: len(cells) - 1] if gap > 1)
    assert len(pieces) == expected


# -- 5. more headers, and GT105 on a column of progress kept in extra


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Mgmt response", "response"),
        ("Management resp.", "response"),
        ("Mgmt. response", "response"),
        ("Progress notes", "comments"),
        ("Progress update(s)", "comments"),
        ("Mgmt response category", "category"),
    ],
)
def test_short_headers_are_aliases(header: str, key: str) -> None:
    """Regression: `Mgmt response`, `Management resp.` and `Progress notes` were no
    aliases (kept in extra, GT205), so categories and comments were not read."""
    from govtrack.io.columns import header_key, merge_aliases

    assert header_key(header, merge_aliases()) == key


@pytest.mark.parametrize("engine", ENGINES)
def test_a_mgmt_response_column_gives_the_category(tmp_path: Path, engine: str) -> None:
    """Regression: `Mgmt response | … | Progress notes` columns were kept in extra: the
    response (with its category word) and the comments are read."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Rec No.", "Recommendation", "Mgmt response", "Key action", "Responsible",
                  "Deadline", "Status", "Progress notes"])  # fmt: skip
    sheet.append([1, "Widen the survey", "Accepted", "Add two districts", "M&E", "Q3 2023",
                  "Completed", "Both districts sampled"])  # fmt: skip
    path = tmp_path / "mgmt.xlsx"
    book.save(path)
    doc = gt.load(path, engine=engine)
    recommendation = doc.evaluations[0].recommendations[0]
    assert recommendation.response.category is gt.ResponseCategory.ACCEPTED
    assert doc.actions[0].comments == "Both districts sampled"
    assert dict(doc.actions[0].extra) == {}


def test_a_progress_column_in_extra_says_what_was_done() -> None:
    """Regression: GT105 (completed, says nothing of what was done) fired on an action whose
    `Implementation remarks` column, kept in extra, said what was done."""
    said = gt.Action(
        text="Train the clerks",
        status=gt.Status.COMPLETED,
        extra={"Implementation remarks": "Forty clerks trained"},
    )
    silent = gt.Action(text="Print the forms", status=gt.Status.COMPLETED, extra={"Budget": "1200"})
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(said, silent)),))
    issues = gt.validate(doc, on=dt.date(2023, 6, 1), select=["GT105"])
    assert [i.message for i in issues] == [
        "action 'Print the forms' is completed but says nothing of what was done"
    ]


def test_a_template_label_and_title_in_one_cell_stay_the_title() -> None:
    """`Management response matrix: evaluation of …` in one cell is the title, whole."""
    from govtrack.io.excel import _title_pairs

    text = "Management response matrix: evaluation of the clinics"
    assert [(0, "Management response matrix", "evaluation of the clinics", text, False)] == (
        _title_pairs([(0, text)])
    )
