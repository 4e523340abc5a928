"""The Excel reader: messy partner workbooks built in code, one behaviour per test."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.worksheet import Worksheet

import govtrack as gt
from govtrack.io import excel

MR_HEADER = [
    "Rec #",
    "Recommendation",
    "Management response",
    "Category",
    "Key action #",
    "Key action",
    "Responsible unit(s)",
    "Deadline",
    "Status",
    "Comments",
]
PLAN_HEADER = ["Action", "Responsible", "Deadline", "Status", "Comments"]


def build(
    folder: Path,
    rows: Sequence[Any],
    *,
    title: str = "Matrix",
    setup: Callable[[Worksheet], None] | None = None,
    name: str = "book.xlsx",
    epoch1904: bool = False,
) -> Path:
    """Save one sheet of ``rows`` (after ``setup`` adjusts it) and return the path."""
    book = openpyxl.Workbook()
    if epoch1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    if setup is not None:
        setup(sheet)
    path = folder / name
    book.save(path)
    return path


def rewrite_sheet(
    path: Path, change: Callable[[str], str], part: str = "xl/worksheets/sheet1.xml"
) -> None:
    """Edit one sheet's XML in place, as another program might have written it."""
    with zipfile.ZipFile(path) as archive:
        items = {info.filename: archive.read(info) for info in archive.infolist()}
    items[part] = change(items[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in items.items():
            archive.writestr(member, data)


def codes(doc: gt.Document) -> list[str]:
    return [problem.code for problem in doc.problems]


def problem(doc: gt.Document, code: str) -> gt.Issue:
    return next(issue for issue in doc.problems if issue.code == code)


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    """A partner's management-response matrix: title rows, merged recommendations, a section."""
    rows: list[list[Any]] = [
        ["Management response to the evaluation of the rural livelihoods programme"],
        ["Office:", "Northern field office"],
        [],
        MR_HEADER,
        ["Part A: programme design"],
        [
            "1",
            "Sharpen the theory of change",
            "We agree and will revise it",
            "Accepted",
            "1.1",
            "Hold a design workshop",
            "Programme team",
            "2021/07",
            "Completed",
            "Held in July",
        ],
        [
            None,
            None,
            None,
            None,
            "1.2",
            "Publish the revised theory of change",
            "Programme team; Comms",
            "Q4-2021",
            "Ongoing",
            None,
        ],
        [
            None,
            None,
            None,
            None,
            "1.3",
            "Brief the board",
            "Director",
            "2022/01",
            "Not started",
            None,
        ],
        [],
        [
            "2",
            "Invest in data systems",
            "Partly agreed, budget permitting",
            "Partially accepted",
            "2.1",
            "Scope a data warehouse",
            "IT unit",
            "Dec 2022",
            "Ongoing",
            "Vendor shortlist ready",
        ],
        [
            "3",
            "Close the pilot sites",
            "Not agreed",
            "Rejected",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [],
        ["Note: statuses as reported by units in January"],
    ]

    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("A5:J5")
        for column in "ABCD":
            sheet.merge_cells(f"{column}6:{column}8")

    return build(tmp_path, rows, setup=merge)


# ---------------------------------------------------------------------------
# Layout (a): management-response matrix


def test_header_found_beneath_title_rows(matrix: Path) -> None:
    """The header row is found under the title rows; the first title is the evaluation's title."""
    doc = excel.load(matrix)
    evaluation = doc.evaluations[0]
    assert (
        "Management response to the evaluation of the rural livelihoods programme",
        "Northern field office",
    ) == (evaluation.title, evaluation.office)


def test_merged_recommendation_cells_fill_down(matrix: Path) -> None:
    """Key actions under a merged recommendation all belong to it."""
    doc = excel.load(matrix)
    shape = [(rec.ref, [action.ref for action in rec.actions]) for rec in doc.recommendations]
    assert [("1", ["1.1", "1.2", "1.3"]), ("2", ["2.1"]), ("3", [])] == shape


def test_blank_recommendation_cells_fill_down(tmp_path: Path) -> None:
    """Recommendation cells left blank (not merged) below a recommendation also fill down."""
    rows = [
        MR_HEADER,
        [
            "1",
            "Improve targeting",
            "Agreed",
            "Accepted",
            "1.1",
            "Revise the criteria",
            "Unit A",
            "2022/03",
            "Ongoing",
            "",
        ],
        ["", "", "", "", "1.2", "Retrain enumerators", "Unit B", "2022/06", "Ongoing", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [["1.1", "1.2"]] == [[a.ref for a in rec.actions] for rec in doc.recommendations]


def test_response_and_category(matrix: Path) -> None:
    """The management response and its category are read per recommendation."""
    doc = excel.load(matrix)
    categories = [rec.response.category for rec in doc.recommendations]
    assert [
        gt.ResponseCategory.ACCEPTED,
        gt.ResponseCategory.PARTIALLY_ACCEPTED,
        gt.ResponseCategory.REJECTED,
    ] == categories
    assert "We agree and will revise it" == doc.recommendations[0].response.text


def test_only_parent_columns_fill_down(tmp_path: Path) -> None:
    """An empty Responsible cell under a filled one stays empty: only recommendations fill down."""
    rows = [
        MR_HEADER,
        [
            "1",
            "Improve targeting",
            "Agreed",
            "Accepted",
            "1.1",
            "Revise the criteria",
            "Unit A",
            "2022/03",
            "Ongoing",
            "",
        ],
        ["", "", "", "", "1.2", "Retrain enumerators", "", "2022/06", "Ongoing", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("Unit A",), ()] == [action.responsible for action in doc.actions]


def test_merged_responsible_fills_down(tmp_path: Path) -> None:
    """A Responsible cell merged down over key actions is read for each of them, not GT211."""
    rows = [
        MR_HEADER,
        [
            "1",
            "Improve targeting",
            "Agreed",
            "Accepted",
            "1.1",
            "Revise the criteria",
            "Unit A",
            "2022/03",
            "Ongoing",
            "",
        ],
        ["", "", "", "", "1.2", "Retrain enumerators", None, "2022/06", "Ongoing", ""],
    ]
    doc = excel.load(build(tmp_path, rows, setup=lambda s: s.merge_cells("G2:G3")))
    assert ([("Unit A",), ("Unit A",)], []) == (
        [action.responsible for action in doc.actions],
        [issue for issue in doc.problems if issue.code == "GT211"],
    )


def test_section_row_becomes_group(matrix: Path) -> None:
    """A merged single-text row is a section: it labels the recommendations and actions below."""
    doc = excel.load(matrix)
    assert (["Part A: programme design"] * 3, {"Part A: programme design"}) == (
        [rec.group for rec in doc.recommendations],
        {action.group for action in doc.actions},
    )


def test_footer_note_is_kept_not_read_as_action(matrix: Path) -> None:
    """A footer note is no action: it goes to extra and an info problem, text intact."""
    doc = excel.load(matrix)
    note = problem(doc, "GT212")
    assert (
        {"Note A13": "Note: statuses as reported by units in January"},
        gt.Severity.INFO,
        "Matrix!A13",
    ) == (dict(doc.evaluations[0].extra), note.severity, str(note.location))


def test_blank_rows_tolerated(matrix: Path) -> None:
    """Blank rows between recommendations neither end the table nor make records."""
    assert 4 == len(excel.load(matrix).actions)


def test_recommendation_without_actions(matrix: Path) -> None:
    """A rejected recommendation with empty action cells is kept, with no actions."""
    rec = excel.load(matrix).recommendations[2]
    assert ("Close the pilot sites", ()) == (rec.text, rec.actions)


def test_clean_matrix_has_no_problems(matrix: Path) -> None:
    """A tidy matrix (merges, section, note aside) reads without warnings."""
    doc = excel.load(matrix)
    assert ["GT212"] == codes(doc)


# ---------------------------------------------------------------------------
# Headers


def test_headers_with_nbsp_line_breaks_and_case(tmp_path: Path) -> None:
    """Headers match after folding NBSP, line breaks, case, punctuation and (s)."""
    header = [
        "KEY\u00a0ACTION",
        "Responsible\nUnit(s)",
        "Time-\nframe",
        "Status of\u00a0implementation:",
    ]
    rows = [header, ["Draft the guidance", "Policy unit", "2023/02", "Ongoing"]]
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert ("Draft the guidance", ("Policy unit",), "2023/02", gt.Status.ONGOING) == (
        action.text,
        action.responsible,
        action.deadline_text,
        action.status,
    )


def test_aliases_extend_the_table(tmp_path: Path) -> None:
    """A caller's alias names a column govtrack does not know."""
    rows = [
        ["Action", "Accountable desk", "Deadline", "Status"],
        ["Audit the stores", "Logistics", "2023", "Ongoing"],
    ]
    path = build(tmp_path, rows)
    doc = excel.load(path, aliases={"responsible": ["Accountable desk"]})
    assert (("Logistics",), []) == (doc.actions[0].responsible, codes(doc))


def test_unknown_column_goes_to_extra(tmp_path: Path) -> None:
    """An unknown column is kept verbatim in Action.extra and reported as info."""
    rows = [
        [*PLAN_HEADER, "Budget (USD)"],
        ["Audit the stores", "Logistics", "2023", "Ongoing", "", "12,500"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ({"Budget (USD)": "12,500"}, ["GT205"], "Matrix!F1") == (
        dict(doc.actions[0].extra),
        codes(doc),
        str(doc.problems[0].location),
    )


def test_data_under_no_header_goes_to_extra(tmp_path: Path) -> None:
    """Data in a column without a header is kept in extra under the column letter."""
    rows = [PLAN_HEADER, ["Audit the stores", "Logistics", "2023", "Ongoing", "", "", "stray"]]
    doc = excel.load(build(tmp_path, rows))
    assert ({"Column G": "stray"}, ["GT205"]) == (dict(doc.actions[0].extra), codes(doc))


def test_duplicate_header_is_a_problem(tmp_path: Path) -> None:
    """A second Status column is reported and kept in extra; the first one is read."""
    rows = [
        [*PLAN_HEADER, "Status"],
        ["Audit the stores", "Logistics", "2023", "Ongoing", "", "Done"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert (gt.Status.ONGOING, {"Status (F)": "Done"}, ["GT206"]) == (
        action.status,
        dict(action.extra),
        codes(doc),
    )


def test_missing_header_is_a_problem(tmp_path: Path) -> None:
    """An action matrix without a Deadline column reads, with a GT207 problem."""
    rows = [["Action", "Responsible", "Status"], ["Audit the stores", "Logistics", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    assert (["GT207"], "Matrix!A1") == (codes(doc), str(doc.problems[0].location))


def test_repeated_header_row_is_skipped(tmp_path: Path) -> None:
    """A header row repeated inside the data is skipped, not read as an action."""
    rows = [
        PLAN_HEADER,
        ["Audit the stores", "Logistics", "2023", "Ongoing"],
        PLAN_HEADER,
        ["Count the stock", "Logistics", "2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (["Audit the stores", "Count the stock"], ["GT216"]) == (
        [a.text for a in doc.actions],
        codes(doc),
    )


def test_second_table_on_a_sheet(tmp_path: Path) -> None:
    """A different header row further down starts a second table on the same sheet."""
    rows = [
        ["Activity", "Implementation status", "On schedule", "Behind schedule"],
        ["Convene the group", "Two meetings held", "✓", ""],
        [],
        ["Indicator", "Timeframe", "Status", "Constraints"],
        ["Share of budgets tagged", "2008", "Half the ministries", "Staff turnover"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ([1, 0], [0, 1]) == (
        [len(r.activities) for r in doc.reports],
        [len(r.indicators) for r in doc.reports],
    )


# ---------------------------------------------------------------------------
# Layout (b): action matrix, and (c) decision log


def test_scope_prefixes(tmp_path: Path) -> None:
    """`KAZ:` at the start of an action is its scope; the text keeps the rest."""
    rows = [
        PLAN_HEADER,
        ["KAZ: Map the partners", "Country team", "2016/12", "Completed", "Done"],
        [
            "TJK:\nShare the plan with the group",
            "Country team",
            "2016/12",
            "No Longer Applicable",
            "",
        ],
        ["Hire an analyst", "HR", "2016/12", "Ongoing", ""],
        ["NB: keep this prefix", "HR", "2016/12", "Ongoing", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [
        ("KAZ", "Map the partners"),
        ("TJK", "Share the plan with the group"),
        ("", "Hire an analyst"),
        ("", "NB: keep this prefix"),
    ] == [(a.scope, a.text) for a in doc.plans[0].actions]


def test_action_matrix_sections(tmp_path: Path) -> None:
    """Section rows group the actions of an action matrix; they are not actions."""
    rows = [
        PLAN_HEADER,
        ["Coordination"],
        ["Chair the group", "Office", "2016/06", "Completed", "x"],
        ["Partnerships"],
        ["Sign the agreement", "Office", "2016/09", "Ongoing", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("Coordination", "Chair the group"), ("Partnerships", "Sign the agreement")] == [
        (a.group, a.text) for a in doc.actions
    ]


def test_section_with_nothing_under_it_is_kept(tmp_path: Path) -> None:
    """A trailing section row with no actions is kept in extra and reported, not dropped."""
    rows = [
        PLAN_HEADER,
        ["Chair the group", "Office", "2016/06", "Completed", "x"],
        ["Prepared by the office"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ({"Section A3": "Prepared by the office"}, ["GT215"]) == (
        dict(doc.plans[0].extra),
        codes(doc),
    )


def test_decision_log_is_a_plan(tmp_path: Path) -> None:
    """A decision log reads as an ActionPlan titled from its title row."""
    rows = [
        ["Decisions of the steering committee, 3 March 2023"],
        ["#", "Decision", "Responsible", "Deadline", "Status"],
        ["a)", "Circulate the minutes", "Secretariat", "10 March 2023", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    plan = doc.plans[0]
    assert ("Decisions of the steering committee, 3 March 2023", "a)", dt.date(2023, 3, 10)) == (
        plan.title,
        plan.actions[0].ref,
        plan.actions[0].due.end if plan.actions[0].due else None,
    )


def test_updates_column_is_split_by_date(tmp_path: Path) -> None:
    """An Updates column splits into dated notes; undated text stays as a note."""
    rows = [
        [*PLAN_HEADER, "Updates"],
        [
            "Hire",
            "HR",
            "2022",
            "Ongoing",
            "",
            "Shortlist made\nDec 2022 Update: interviews held\n2023/01: offer sent",
        ],
    ]
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert [
        (None, "Shortlist made"),
        ("Dec 2022", "interviews held"),
        ("2023/01", "offer sent"),
    ] == [(u.on.text if u.on else None, u.text) for u in action.updates]


def test_an_update_prefix_with_a_two_digit_year_is_read_as_20yy(tmp_path: Path) -> None:
    """'Dec 22 Update:' is how tracking systems date a note: it is December 2022."""
    rows = [[*PLAN_HEADER, "Updates"], ["Hire", "HR", "2022", "Ongoing", "", "Dec 22 Update: done"]]
    (update,) = excel.load(build(tmp_path, rows)).actions[0].updates
    assert ("Dec 22", dt.date(2022, 12, 31), "done") == (
        update.on.text if update.on else None,
        update.on.end if update.on else None,
        update.text,
    )


# ---------------------------------------------------------------------------
# Dates and statuses


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            dt.datetime(2022, 5, 31),  # noqa: DTZ001 - Excel cells have no time zone
            (
                "2022-05-31",
                dt.date(2022, 5, 31),
            ),
        ),
        (dt.date(2022, 5, 31), ("2022-05-31", dt.date(2022, 5, 31))),
        ("2021/07", ("2021/07", dt.date(2021, 7, 31))),
        ("first half of 2023", ("first half of 2023", dt.date(2023, 6, 30))),
        (44712, ("2022-05-31", dt.date(2022, 5, 31))),
        (2023, ("2023", dt.date(2023, 12, 31))),
        (2021.07, ("2021.07", dt.date(2021, 7, 31))),
    ],
)
def test_deadline_cells(tmp_path: Path, cell: object, expected: tuple[str, dt.date]) -> None:
    """Date cells, text dates, serial numbers and bare years all become a Due."""
    rows = [PLAN_HEADER, ["Hire", "HR", cell, "Ongoing"]]
    due = excel.load(build(tmp_path, rows)).actions[0].due
    assert expected == ((due.text, due.end) if due else None)


def test_serial_in_1904_workbook(tmp_path: Path) -> None:
    """A General-formatted serial counts from 1904 in a 1904-epoch workbook."""
    rows = [
        PLAN_HEADER,
        ["Hire", "HR", 43250, "Ongoing"],
        ["Train", "HR", dt.date(2022, 5, 31), "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows, epoch1904=True))
    assert [dt.date(2022, 5, 31), dt.date(2022, 5, 31)] == [a.due.end for a in doc.actions if a.due]


def _formatted(cells: Sequence[tuple[object, str]]) -> Callable[[Worksheet], None]:
    """A setup giving the Deadline cells (column C from row 2) their number formats."""

    def setup(sheet: Worksheet) -> None:
        for row, (_, number_format) in enumerate(cells, start=2):
            sheet.cell(row=row, column=3).number_format = number_format

    return setup


@pytest.mark.parametrize(
    ("number_format", "expected"),
    [
        ("mmm-yy", ("Jul 2023", gt.Precision.MONTH, dt.date(2023, 7, 1), dt.date(2023, 7, 31))),
        (
            "[$-409]mmm-yy;@",
            ("Jul 2023", gt.Precision.MONTH, dt.date(2023, 7, 1), dt.date(2023, 7, 31)),
        ),
        ("mmmm yyyy", ("July 2023", gt.Precision.MONTH, dt.date(2023, 7, 1), dt.date(2023, 7, 31))),
        ("mm/yyyy", ("07/2023", gt.Precision.MONTH, dt.date(2023, 7, 1), dt.date(2023, 7, 31))),
        ('"due "yyyy', ("2023", gt.Precision.YEAR, dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("d-mmm-yy", ("2023-07-01", gt.Precision.DAY, dt.date(2023, 7, 1), dt.date(2023, 7, 1))),
        ("yyyy-mm-dd", ("2023-07-01", gt.Precision.DAY, dt.date(2023, 7, 1), dt.date(2023, 7, 1))),
        ("mm:ss", ("2023-07-01", gt.Precision.DAY, dt.date(2023, 7, 1), dt.date(2023, 7, 1))),
    ],
)
def test_a_date_cell_shows_the_span_its_format_shows(
    tmp_path: Path, number_format: str, expected: tuple[str, gt.Precision, dt.date, dt.date]
) -> None:
    """ "Jul 2023" typed in Excel is the date 2023-07-01 shown as mmm-yy: it is July, not its 1st.

    A format showing a month and a year is the month, one showing only a year the
    year; one showing a day (or a time) keeps the day. The text is what the cell
    shows, as parse_due reads it back.
    """
    day = dt.datetime(2023, 7, 1)  # noqa: DTZ001 - Excel cells have no time zone
    rows = [PLAN_HEADER, ["Hire", "HR", day, "Ongoing"]]
    doc = excel.load(build(tmp_path, rows, setup=_formatted([(day, number_format)])))
    due = doc.actions[0].due
    assert due is not None
    assert expected == (due.text, due.precision, due.start, due.end)
    again = gt.parse_due(due.text)
    assert (again.precision, again.start, again.end) == expected[1:]
    assert [] == codes(doc)


def test_a_month_cell_is_late_only_after_the_month(tmp_path: Path) -> None:
    """An Ongoing action due "Jul 2023" (mmm-yy) is not overdue on 15 or 31 July, but on 1 August;
    the same date shown with its day is overdue from 2 July."""
    day = dt.datetime(2023, 7, 1)  # noqa: DTZ001 - Excel cells have no time zone
    cells = [(day, "mmm-yy"), (day, "dd/mm/yyyy")]
    rows = [PLAN_HEADER, *(["Hire", "HR", cell, "Ongoing"] for cell, _ in cells)]
    month, exact = excel.load(build(tmp_path, rows, setup=_formatted(cells))).actions
    on = [dt.date(2023, 7, 2), dt.date(2023, 7, 15), dt.date(2023, 7, 31), dt.date(2023, 8, 1)]
    assert [gt.Status.ONGOING] * 3 + [gt.Status.OVERDUE] == [
        month.effective_status(on=day) for day in on
    ]
    assert [gt.Status.OVERDUE] * 4 == [exact.effective_status(on=day) for day in on]


def test_month_formats_mid_month_and_per_cell(tmp_path: Path) -> None:
    """A mid-month date shown as a month is that month; each cell's own format counts,
    also through a built-in format (17, mmm-yy) and in an indicator's time-frame."""
    cells = [
        (dt.datetime(2024, 2, 17), "mmm-yy"),  # noqa: DTZ001 - no time zone in Excel
        (dt.datetime(2024, 2, 17), "General"),  # noqa: DTZ001
        (dt.date(2022, 12, 31), "yyyy"),
        (dt.datetime(2021, 3, 5, 14, 30), "mmmm yyyy"),  # noqa: DTZ001
    ]
    rows = [PLAN_HEADER, *([f"A{n}", "HR", cell, "Ongoing"] for n, (cell, _) in enumerate(cells))]

    path = build(tmp_path, rows, setup=_formatted(cells))
    with zipfile.ZipFile(path) as archive:  # openpyxl stores mmm-yy as Excel does: built-in 17
        assert '<xf numFmtId="17"' in archive.read("xl/styles.xml").decode()
    doc = excel.load(path)
    assert [
        ("Feb 2024", dt.date(2024, 2, 29)),
        ("2024-02-17", dt.date(2024, 2, 17)),
        ("2022", dt.date(2022, 12, 31)),
        ("March 2021", dt.date(2021, 3, 31)),
    ] == [(a.due.text, a.due.end) if a.due else None for a in doc.actions]


def test_month_format_found_whatever_the_cell_markup(tmp_path: Path) -> None:
    """The style is found with single quotes, no type, the style before the address;
    a text in a month-formatted cell is still read as its text."""
    day = dt.datetime(2023, 7, 1)  # noqa: DTZ001 - Excel cells have no time zone
    cells = [(day, "mmm-yy"), ("by 15 Jul 2023", "mmm-yy")]
    rows = [PLAN_HEADER, *(["Hire", "HR", cell, "Ongoing"] for cell, _ in cells)]
    path = build(tmp_path, rows, setup=_formatted(cells))
    rewrite_sheet(
        path,
        lambda xml: re.sub(r'<c r="C2" s="(\d+)" t="n">', r"<c s='\1'  r='C2'>", xml),
    )
    doc = excel.load(path)
    assert [("Jul 2023", dt.date(2023, 7, 31)), ("by 15 Jul 2023", dt.date(2023, 7, 15))] == [
        (a.due.text, a.due.end) if a.due else None for a in doc.actions
    ]


def test_month_format_found_with_whitespace_around_the_equals_sign(tmp_path: Path) -> None:
    """Regression: XML allows whitespace around "=" and after the tag's name (s = "7",
    <c\n r='C3'); such a month-formatted cell was read as the 1st of its month."""
    day = dt.datetime(2023, 7, 1)  # noqa: DTZ001 - Excel cells have no time zone
    cells = [(day, "mmm-yy"), (day, "mmm-yy"), (day, "mmm-yy")]
    rows = [PLAN_HEADER, *(["Hire", "HR", cell, "Ongoing"] for cell, _ in cells)]
    path = build(tmp_path, rows, setup=_formatted(cells))
    markups = {
        "C2": '<c r="C2" s = "{}" t="n">',
        "C3": "<c\n r='C3'\n s\t=\t'{}'>",
        "C4": '<c\tt = "n"\r\n  s=\n"{}"  r="C4">',
    }

    def respace(xml: str) -> str:
        for ref, markup in markups.items():
            style = re.search(rf'<c r="{ref}" s="(\d+)" t="n">', xml)
            assert style is not None
            xml = xml.replace(style[0], markup.format(style[1]))
        return xml

    rewrite_sheet(path, respace)
    doc = excel.load(path)
    assert [("Jul 2023", dt.date(2023, 7, 31))] * 3 == [
        (a.due.text, a.due.end) if a.due else None for a in doc.actions
    ]


def test_a_row_style_is_not_a_cell_style(tmp_path: Path) -> None:
    """A row formatted as a month (its own s attribute) leaves its day-formatted cells days."""
    day = dt.datetime(2023, 7, 1)  # noqa: DTZ001 - Excel cells have no time zone
    cells = [(day, "mmm-yy"), (day, "yyyy-mm-dd")]
    rows = [PLAN_HEADER, *(["Hire", "HR", cell, "Ongoing"] for cell, _ in cells)]
    path = build(tmp_path, rows, setup=_formatted(cells))
    with zipfile.ZipFile(path) as archive:
        month_style = re.search(
            r'<c r="C2" s="(\d+)"', archive.read("xl/worksheets/sheet1.xml").decode()
        )
    assert month_style is not None
    rewrite_sheet(
        path,
        lambda xml: xml.replace(
            '<row r="3">', f'<row r="3" s="{month_style[1]}" customFormat="1">'
        ),
    )
    doc = excel.load(path)
    assert ["Jul 2023", "2023-07-01"] == [a.due.text if a.due else None for a in doc.actions]


def test_ambiguous_date_is_a_problem(tmp_path: Path) -> None:
    """03/04/2022 is not guessed: the text is kept and GT208 names the cell."""
    rows = [PLAN_HEADER, ["Hire", "HR", "03/04/2022", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    issue = problem(doc, "GT208")
    assert (None, "03/04/2022", "Matrix!C2 (Deadline)", gt.Severity.ERROR) == (
        doc.actions[0].due,
        doc.actions[0].due_text,
        f"{issue.location} ({issue.location.header})" if issue.location else "",
        issue.severity,
    )


@pytest.mark.parametrize(
    ("dayfirst", "expected"), [(True, dt.date(2022, 4, 3)), (False, dt.date(2022, 3, 4))]
)
def test_dayfirst_settles_ambiguous_dates(
    tmp_path: Path, dayfirst: bool, expected: dt.date
) -> None:
    """dayfirst= reads 03/04/2022 one way or the other, with no problem."""
    rows = [PLAN_HEADER, ["Hire", "HR", "03/04/2022", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows), dayfirst=dayfirst)
    assert (expected, []) == (doc.actions[0].due.end if doc.actions[0].due else None, codes(doc))


def test_unreadable_deadline_and_status_are_reading_problems(tmp_path: Path) -> None:
    """'soon' and 'Stalled' stay as text and are reading problems at their cells (GT104,
    GT101), which validate lists once."""
    rows = [PLAN_HEADER, ["Hire", "HR", "soon", "Stalled"]]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    found = [issue.code for issue in gt.validate(doc, on=dt.date(2023, 1, 31))]
    assert (
        (None, "soon", None, "Stalled"),
        [("GT101", "Matrix!D2", "Status"), ("GT104", "Matrix!C2", "Deadline")],
        ["GT101", "GT104"],
    ) == (
        (action.due, action.due_text, action.status, action.status_text),
        [(p.code, str(p.location), p.location and p.location.header) for p in doc.problems],
        found,
    )


# ---------------------------------------------------------------------------
# Layouts (d) work-plan progress and (e) indicators


@pytest.mark.parametrize(
    ("on", "behind", "expected"),
    [
        ("✓", None, gt.ScheduleStatus.ON_SCHEDULE),
        (None, "x", gt.ScheduleStatus.BEHIND_SCHEDULE),
        ("X", "", gt.ScheduleStatus.ON_SCHEDULE),
        ("", "yes", gt.ScheduleStatus.BEHIND_SCHEDULE),
        (True, None, gt.ScheduleStatus.ON_SCHEDULE),
        (None, None, None),
    ],
)
def test_schedule_ticks(
    tmp_path: Path, on: object, behind: object, expected: gt.ScheduleStatus | None
) -> None:
    """A tick in On schedule or Behind schedule sets the activity's schedule."""
    rows = [
        [
            "Scheduled activities",
            "Implementation status",
            "On schedule",
            "Behind schedule",
            "If behind schedule, reasons for delay",
            "TWG recommendations",
        ],
        ["Brief members on the plan", "Briefings held monthly", on, behind, "", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (expected, []) == (doc.reports[0].activities[0].schedule, codes(doc))


def test_contradicting_ticks_are_a_problem(tmp_path: Path) -> None:
    """Both boxes ticked: no schedule, GT214, and the ticks kept in extra."""
    rows = [
        ["Activity", "Status", "On schedule", "Behind schedule"],
        ["Brief members", "Ongoing", "✓", "✓"],
    ]
    activity = excel.load(build(tmp_path, rows)).reports[0].activities[0]
    assert (None, {"On schedule": "✓", "Behind schedule": "✓"}) == (
        activity.schedule,
        dict(activity.extra),
    )


def test_progress_activity_fields(tmp_path: Path) -> None:
    """Narrative status goes to comments; reasons for delay and recommendations are kept."""
    rows = [
        ["Work plan progress, October to February"],
        [
            "Scheduled activities",
            "Implementation status",
            "On schedule",
            "Behind schedule",
            "If behind schedule, reasons for delay",
            "TWG recommendations",
        ],
        [
            "Appoint focal points",
            "Appointments under review",
            "",
            "x",
            "Staff turnover",
            "Ask ministries to confirm",
        ],
        ["Hold the annual review", "Completed", "✓", "", "", ""],
    ]
    report = excel.load(build(tmp_path, rows)).reports[0]
    first, second = report.activities
    assert (
        "Work plan progress, October to February",
        ("Appointments under review", None, "Staff turnover", "Ask ministries to confirm"),
        gt.Status.COMPLETED,
    ) == (
        report.title,
        (first.comments, first.status, first.delay_reasons, first.recommendations),
        second.status,
    )


def test_indicator_table(tmp_path: Path) -> None:
    """An indicator table becomes ProgressReport.indicators with a timeframe Due."""
    rows = [
        ["Joint monitoring indicators"],
        ["No", "Indicator", "Timeframe", "Status", "Constraints", "Recommendations"],
        [
            "1",
            "Gender plans approved in ministries",
            "2008",
            "Ten approved",
            "Funding",
            "Mobilise support",
        ],
        ["2", "Sector budgets tagged", "someday", "", "", ""],
    ]
    report = excel.load(build(tmp_path, rows)).reports[0]
    first, second = report.indicators
    assert (
        ("1", dt.date(2008, 12, 31), "Ten approved", "Funding", "Mobilise support"),
        (None, "someday"),
    ) == (
        (
            first.ref,
            first.timeframe.end if first.timeframe else None,
            first.status,
            first.constraints,
            first.recommendations,
        ),
        (second.timeframe, second.timeframe_text),
    )


# ---------------------------------------------------------------------------
# Workbook features: hidden things, formulas, dimensions, errors


def test_hidden_sheet_row_and_column_reported(tmp_path: Path) -> None:
    """Hidden sheets, rows and columns are read and reported."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    for row in [PLAN_HEADER, ["Hire", "HR", "2022", "Ongoing"], ["Train", "HR", "2022", "Ongoing"]]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["E"].hidden = True
    hidden = book.create_sheet("Lists")
    hidden.sheet_state = "hidden"
    hidden.append(["Ongoing"])
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    doc = excel.load(path)
    assert (2, ["Plan!E1", "Plan!A3", "Lists!A1"]) == (
        len(doc.actions),
        [str(issue.location) for issue in doc.problems],
    )
    assert ["GT204", "GT203", "GT202"] == codes(doc)


def test_formula_without_cached_value_is_a_problem(tmp_path: Path) -> None:
    """A formula never calculated reads as empty and is reported with its cell (GT209)."""
    rows = [PLAN_HEADER, ["Hire", "HR", "=DATE(2022,1,1)", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    issue = problem(doc, "GT209")
    assert (None, "Matrix!C2", "Deadline") == (
        doc.actions[0].due,
        str(issue.location),
        issue.location.header if issue.location else "",
    )


def test_formula_cached_value_is_used(tmp_path: Path) -> None:
    """A formula's cached value is read; the formula is never evaluated."""
    rows = [PLAN_HEADER, ["Hire", "HR", "2022/05", '=IF(TRUE,"Ongoing","x")']]
    path = build(tmp_path, rows)
    rewrite_sheet(
        path,
        lambda xml: re.sub(
            r'<c r="D2"><f>(.*?)</f><v\s*/>', r'<c r="D2" t="str"><f>\1</f><v>Completed</v>', xml
        ),
    )
    doc = excel.load(path)
    assert (gt.Status.COMPLETED, []) == (doc.actions[0].status, codes(doc))


@pytest.mark.parametrize("dimension", ["A1:A1", "A1:K1048576"])
def test_declared_dimensions_not_trusted(tmp_path: Path, dimension: str) -> None:
    """A wrong <dimension> neither truncates the rows nor pads a million empty ones."""
    rows = [PLAN_HEADER] + [[f"Action {n}", "HR", "2022", "Ongoing", "ok"] for n in range(5)]
    path = build(tmp_path, rows)
    rewrite_sheet(
        path, lambda xml: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', xml)
    )
    doc = excel.load(path)
    assert (5, "ok") == (len(doc.actions), doc.actions[-1].comments)


def test_excel_error_value_is_reported(tmp_path: Path) -> None:
    """A cached #REF! is kept as text and reported (GT210)."""
    rows = [PLAN_HEADER, ["Hire", "HR", "2022", "Ongoing", "x"]]
    path = build(tmp_path, rows)
    rewrite_sheet(
        path,
        lambda xml: re.sub(
            r'<c r="E2"[^>]*>.*?</c>', '<c r="E2" t="e"><f>A1/0</f><v>#REF!</v></c>', xml
        ),
    )
    doc = excel.load(path)
    assert ("#REF!", ["GT210"]) == (doc.actions[0].comments, codes(doc))


def test_problems_print_sheet_cell_and_header(tmp_path: Path) -> None:
    """Every problem has a location that prints as Sheet!Cell (Header)."""
    rows = [PLAN_HEADER, ["Hire", "HR", "03/04/2022", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows, title="Action plan"))
    assert "'Action plan'!C2 (Deadline): GT208" == str(doc.problems[0]).split(" cannot")[0]


def test_all_problems_collected(tmp_path: Path) -> None:
    """Reading goes on after a problem: every one is listed, in row order."""
    rows = [
        PLAN_HEADER,
        ["Hire", "HR", "03/04/2022", "Ongoing"],
        ["Train", "HR", "05/06/2022", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ["Matrix!C2", "Matrix!C3"] == [str(issue.location) for issue in doc.problems]


def test_reader_does_not_modify_the_file(matrix: Path) -> None:
    """Reading leaves the workbook byte for byte as it was."""
    before = hashlib.sha256(matrix.read_bytes()).hexdigest()
    excel.load(matrix)
    assert before == hashlib.sha256(matrix.read_bytes()).hexdigest()


def test_origin_points_at_the_action_cell(matrix: Path) -> None:
    """Each action's origin names its file, sheet and cell, and where each field's cell is."""
    action = excel.load(matrix).actions[0]
    assert action.origin is not None
    assert (str(matrix), "Matrix", "F6") == (
        action.origin.file,
        action.origin.sheet,
        action.origin.cell,
    )
    assert "Matrix!I6" == str(action.origin.field("status", "Status"))


def test_validation_points_at_the_field_cell(tmp_path: Path) -> None:
    """GT101 cites the status cell, not the action text's cell (regression: F10 for I10)."""
    rows = [["Action", "Responsible", "Deadline", "Status"], ["Hire", "HR", "2030/01", "Stalled"]]
    doc = excel.load(build(tmp_path, rows))
    (issue,) = gt.validate(doc, on=dt.date(2023, 1, 31))
    assert ("GT101", "Matrix!D2", "Status") == (
        issue.code,
        str(issue.location),
        issue.location.header if issue.location else "",
    )


def test_validation_cites_the_partners_own_header(tmp_path: Path) -> None:
    """GT104 on a 'Time-frame' column names 'Time-frame', not govtrack's 'Deadline'."""
    rows = [["Action", "Responsible", "Time-frame", "Status of implementation"]]
    rows += [["Hire", "HR", "soon", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    (issue,) = gt.validate(doc, on=dt.date(2023, 1, 31), select=["GT104"])
    assert "Matrix!C2 (Time-frame)" == (
        f"{issue.location} ({issue.location.header})" if issue.location else ""
    )


def test_ambiguous_date_is_reported_once(tmp_path: Path) -> None:
    """An ambiguous date is the reader's GT208 only, not also validate's GT104."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status"],
        ["Hire", "HR", "03/04/2022", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ["GT208"] == [issue.code for issue in gt.validate(doc, on=dt.date(2021, 1, 31))]


def test_gt_load_reads_xlsx(matrix: Path) -> None:
    """gt.load dispatches .xlsx files to this reader, with options."""
    doc = gt.load(matrix, dayfirst=True)
    assert (4, str(matrix)) == (len(doc.actions), doc.source)


# ---------------------------------------------------------------------------
# Bad input


def test_not_a_zip(tmp_path: Path) -> None:
    """A text file named .xlsx raises FormatError naming the file and what was expected."""
    path = tmp_path / "notes.xlsx"
    path.write_text("just text")
    with pytest.raises(gt.FormatError) as caught:
        excel.load(path)
    expected = f"{path} is not an Excel workbook: expected an .xlsx file (a zip archive)"
    assert expected == str(caught.value)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    """A zip without a workbook part raises FormatError."""
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(
        gt.FormatError, match=r"archive.xlsx is a zip archive but not an Excel workbook"
    ):
        excel.load(path)


def test_no_header_anywhere(tmp_path: Path) -> None:
    """A workbook with no recognisable header raises FormatError naming the sheets looked in."""
    path = build(tmp_path, [["Shopping list"], ["apples", "pears"]], title="Notes")
    with pytest.raises(gt.FormatError, match=r"book.xlsx: no sheet has a header row .* of 'Notes'"):
        excel.load(path)


def test_sheet_without_header_is_reported(tmp_path: Path) -> None:
    """A sheet with content but no header is reported (GT201) when another sheet is read."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(PLAN_HEADER)
    sheet.append(["Hire", "HR", "2022", "Ongoing"])
    book.create_sheet("Scratch").append(["some working notes"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    assert ["GT201"] == codes(excel.load(path))


def test_missing_file(tmp_path: Path) -> None:
    """A missing file raises GovtrackError saying so."""
    with pytest.raises(gt.GovtrackError, match="no such file"):
        excel.load(tmp_path / "absent.xlsx")


def test_unknown_engine(matrix: Path) -> None:
    """An unknown engine is an UnsupportedFormatError."""
    with pytest.raises(gt.UnsupportedFormatError, match="unknown Excel engine"):
        excel.load(matrix, engine="abacus")


def test_govtrack_workbook_is_delegated(tmp_path: Path) -> None:
    """A workbook with a _govtrack sheet is read by excel_workbook.read."""
    own = pytest.importorskip("govtrack.io.excel_workbook")
    book = openpyxl.Workbook()
    marker = book.create_sheet("_govtrack")
    marker.sheet_state = "hidden"
    path = tmp_path / "own.xlsx"
    book.save(path)
    try:
        expected = own.read(path)
    except gt.GovtrackError as error:
        with pytest.raises(type(error)):
            excel.load(path)
        return
    assert expected == excel.load(path)


def test_govtrack_marker_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The _govtrack sheet sends the file to govtrack.io.excel_workbook.read, lazily imported."""
    import sys
    import types

    calls: list[Path] = []

    def read(path: Path, **options: object) -> gt.Document:
        del options  # limits=, passed on by the reader
        calls.append(path)
        return gt.Document()

    fake = types.ModuleType("govtrack.io.excel_workbook")
    fake.read = read  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "govtrack.io.excel_workbook", fake)
    book = openpyxl.Workbook()
    book.create_sheet("_govtrack").sheet_state = "hidden"
    path = tmp_path / "own.xlsx"
    book.save(path)
    assert (gt.Document(), [path]) == (excel.load(path), calls)


# ---------------------------------------------------------------------------
# The sample data


def test_seed_free_sample_matrix_reads() -> None:
    """The bundled partner matrix reads with the problems it was made to have."""
    sample = Path(__file__).resolve().parents[1] / "examples" / "data" / "partner_matrix.xlsx"
    if not sample.exists():
        pytest.skip("examples/data/partner_matrix.xlsx not generated")
    doc = gt.load(sample)
    found = {issue.code for issue in gt.validate(doc, on=dt.date(2023, 1, 31))}
    assert {"GT101", "GT104", "GT208", "GT110"} <= found


def test_without_a_category_column_the_response_opening_gives_the_category(
    tmp_path: Path,
) -> None:
    """No Category column: "Partially accepted. …" gives the category; the text stays whole."""
    header = [column for column in MR_HEADER if column != "Category"]
    rows = [
        header,
        ["1", "Revise the plan", "Partially accepted. The unit will revise it", "1.1", "Revise"],
        ["2", "Hire staff", "Agreed – funds permitting", "2.1", "Hire"],
        ["3", "Close the office", "Agree with the finding; funds are short", "3.1", "Close"],
        ["4", "Merge units", None, "4.1", "Merge"],
    ]
    doc = excel.load(build(tmp_path, rows))
    responses = [rec.response for rec in doc.recommendations]
    assert [(r.category, r.category_text) for r in responses] == [
        (gt.ResponseCategory.PARTIALLY_ACCEPTED, "Partially accepted"),
        (gt.ResponseCategory.ACCEPTED, "Agreed"),
        (None, ""),
        (None, ""),
    ]
    assert responses[0].text == "Partially accepted. The unit will revise it"
    assert "GT111" not in [issue.code for issue in gt.validate(doc, on=dt.date(2020, 1, 1))]


def test_a_category_column_alone_gives_the_category(tmp_path: Path) -> None:
    """With a Category column, a blank category stays blank whatever the response says."""
    rows = [
        MR_HEADER,
        ["1", "Revise the plan", "Accepted. We will", None, "1.1", "Revise"],
        ["2", "Hire staff", "Accepted. We will", "Rejected", "2.1", "Hire"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [(rec.response.category, rec.response.category_text) for rec in doc.recommendations] == [
        (None, ""),
        (gt.ResponseCategory.REJECTED, "Rejected"),
    ]


def test_a_recommendations_column_in_the_plural_holds_the_recommendations(
    tmp_path: Path,
) -> None:
    """ "Recommendations | Key actions | …" is a management-response matrix, as the singular is;
    under an Activity column the plural stays the activities' own recommendations."""
    header = ["Recommendations", "Key Actions", "Responsible Unit", "Timeframe", "Status"]
    rows = [
        header,
        ["Strengthen monitoring", "Hire an M&E officer", "HR", "2023/07", "Ongoing"],
        [None, "Train staff", "M&E", "2023/09", "Not started"],
        ["Share findings", "Publish the report", "Comms", "2023/12", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [(rec.text, [action.text for action in rec.actions]) for rec in doc.recommendations] == [
        ("Strengthen monitoring", ["Hire an M&E officer", "Train staff"]),
        ("Share findings", ["Publish the report"]),
    ]
    assert "GT205" not in codes(doc)
    activities = ["Activity", "Status", "Recommendations"]
    plan = excel.load(
        build(
            tmp_path, [activities, ["Run the survey", "Ongoing", "Start earlier"]], name="wp.xlsx"
        )
    )
    assert plan.recommendations == ()


def test_a_deemed_consent_column_marks_decisions(tmp_path: Path) -> None:
    """A tick under Deemed consent makes the row a deemed-consent Decision; a blank leaves an
    action; anything else is kept in extra and reported (GT219)."""
    rows = [
        ["Decision", "Responsible", "Deadline", "Status", "Deemed consent"],
        ["Districts send comments", "District engineers", "2022/11", None, "Yes"],
        ["Circulate the draft", "Planning cell", "2022/10", "Ongoing", None],
        ["Confirm the budget", "Finance", "2022/12", "Ongoing", "maybe"],
    ]
    doc = excel.load(build(tmp_path, rows))
    first, second, third = doc.actions
    assert isinstance(first, gt.Decision)
    assert first.deemed_consent
    assert first.effective_status(on=dt.date(2023, 1, 31)) is gt.Status.COMPLETED
    assert (type(second), type(third)) == (gt.Action, gt.Action)
    assert third.extra == {"Deemed consent": "maybe"}
    assert str(problem(doc, "GT219").location) == "Matrix!E4"


def test_a_recommendations_column_after_the_actions_stays_theirs(tmp_path: Path) -> None:
    """A plan written by govtrack with an extra "Recommendations" column, or a decision log
    with one, reads back as a plan: the plural right of the actions is not the parent."""
    decisions = [
        "Decision",
        "Responsible",
        "Deadline",
        "Status",
        "Recommendations for consideration",
    ]
    rows = [
        decisions,
        ["Approve the budget", "Board", "2023/07", "Ongoing", "Circulate first"],
        ["Hold a retreat", "Director", "2023/09", "Ongoing", None],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert doc.recommendations == ()
    assert [action.text for action in doc.actions] == ["Approve the budget", "Hold a retreat"]
    plan = gt.Document(
        plans=(
            gt.ActionPlan(
                title="Plan",
                actions=(
                    gt.Decision(text="Approve the budget", deemed_consent=True),
                    gt.Action(text="Adopt the plan", extra={"Recommendations": "Circulate first"}),
                    gt.Action(text="Hold a retreat"),
                ),
            ),
        )
    )
    target = tmp_path / "plan.xlsx"
    gt.dump(plan, target, layout="matrix")
    back = excel.load(target)
    assert back.recommendations == ()
    assert [type(action) for action in back.actions] == [gt.Decision, gt.Action, gt.Action]
    assert back.actions[2].extra == {}


def test_responsible_cells_typed_with_separators_and_spaces(tmp_path: Path) -> None:
    """A ``;`` ending each line is a separator, not part of the name; a cell of spaces
    names no one (GT102 then, and the summary lists the action as unassigned)."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status"],
        ["Audit the stores", "Finance Unit;\nHR;", "2020", "Ongoing"],
        ["Brief the board", "   ", "2020", "Ongoing"],
        ["Close the books", "Finance Unit; Audit", "2020", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("Finance Unit", "HR"), (), ("Finance Unit", "Audit")] == [
        action.responsible for action in doc.actions
    ]
    summary = gt.summarize(doc, on=dt.date(2024, 1, 1))
    assert {"Finance Unit": 2, "HR": 1, "Audit": 1, gt.UNASSIGNED: 1} == {
        party: len(actions) for party, actions in summary.overdue.items()
    }


# ---------------------------------------------------------------------------
# Numbering columns (No., N°, #) and combined headers (Comments/Updates)

MR_NUMBERED = ["Recommendation", "Management response", "Key action", "Responsible", "Deadline"]


@pytest.mark.parametrize("number", ["No.", "No", "N°", "Nº", "#", "Ref"])
def test_a_number_column_left_of_the_recommendation_numbers_it(tmp_path: Path, number: str) -> None:
    """In a management-response matrix, `No.` left of the recommendation text is its ref."""
    rows = [
        [number, *MR_NUMBERED, "Status"],
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2023/06", "Ongoing"],
        [None, None, None, "Publish the map", "Planning", "2023/09", "Not started"],
        ["2", "Train the clerks", "Agreed", "Run two courses", "HR", "2023/12", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("1", ["", ""]), ("2", [""])] == [
        (rec.ref, [action.ref for action in rec.actions]) for rec in doc.recommendations
    ]
    assert [] == codes(doc)


def test_a_second_number_column_numbers_the_key_actions(tmp_path: Path) -> None:
    """`No | Recommendation | … | No | Key action`: the first numbers recommendations, the second
    actions; an Action # column right of the recommendation keeps the actions' refs too."""
    for header in (
        ["No", "Recommendation", "No", "Key action"],
        ["#", "Recommendation", "Action #", "Key action"],
    ):
        rows = [
            [*header, "Responsible", "Deadline", "Status"],
            ["1", "Map the districts", "1.1", "Hire a surveyor", "Planning", "2023/06", "Ongoing"],
            [None, None, "1.2", "Publish the map", "Planning", "2023/09", "Ongoing"],
        ]
        doc = excel.load(build(tmp_path, rows, name=f"{header[2]}.xlsx".replace("#", "n")))
        assert ([("1", ["1.1", "1.2"])], []) == (
            [(rec.ref, [action.ref for action in rec.actions]) for rec in doc.recommendations],
            codes(doc),
        )


def test_a_number_column_right_of_the_recommendation_numbers_the_actions(tmp_path: Path) -> None:
    """`Recommendation | No. | Key action`: the number sits with the key action, so it is its ref."""
    rows = [
        ["Recommendation", "No.", "Key action", "Responsible", "Deadline", "Status"],
        ["Map the districts", "1.1", "Hire a surveyor", "Planning", "2023/06", "Ongoing"],
        [None, "1.2", "Publish the map", "Planning", "2023/09", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("", ["1.1", "1.2"])] == [
        (rec.ref, [action.ref for action in rec.actions]) for rec in doc.recommendations
    ]


@pytest.mark.parametrize("number", ["No.", "N°", "Nº", "#"])
@pytest.mark.parametrize("action", ["Action", "Decision", "Activity"])
def test_a_number_column_in_a_plan_numbers_the_actions(
    tmp_path: Path, number: str, action: str
) -> None:
    """In an action plan, a decision log or a work plan, `No.` (`N°`, `#`) is the action's ref."""
    rows = [
        [number, action, "Responsible", "Deadline", "Status"],
        ["3", "Circulate the minutes", "Secretariat", "2023/03", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (["3"], []) == ([a.ref for a in doc.actions], codes(doc))


@pytest.mark.parametrize(
    "header", ["Comments/Updates", "Updates/Comments", "Comments / updates", "Remarks/Comments"]
)
def test_a_comments_and_updates_column_is_the_comments(tmp_path: Path, header: str) -> None:
    """`Comments/Updates` and its kin are read as Comments, verbatim, with no problem."""
    note = "Dec 2022 Update: two sessions held\nMore planned"
    rows = [
        [*PLAN_HEADER[:-1], header],
        ["Train the clerks", "HR", "2023/12", "Ongoing", note],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert (note, (), {}, []) == (action.comments, action.updates, dict(action.extra), codes(doc))


def test_a_header_combining_two_fields_is_kept_whole_and_reported(tmp_path: Path) -> None:
    """`Status/Comments` names two fields: not read as either, kept in extra, GT205 says why."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status/Comments"],
        ["Train the clerks", "HR", "2023/12", "Ongoing - one course held"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert ({"Status/Comments": "Ongoing - one course held"}, None, "") == (
        dict(action.extra),
        action.status,
        action.comments,
    )
    found = problem(doc, "GT205")
    assert ("Matrix!D1", True) == (
        str(found.location),
        "combines Status and Comments" in found.message,
    )


# ---------------------------------------------------------------------------
# Refs written at the start of an action's text


def test_refs_leading_key_action_texts_are_split(tmp_path: Path) -> None:
    """With no action-ref column, `1.1 …`, `1.2. …`, `a) …`, `(b) …` give the action's ref."""
    rows = [
        ["Rec #", *MR_NUMBERED, "Status"],
        ["1", "Know the baseline", "Agreed", "1.1 Conduct a baseline survey", "M&E", "2023/06", ""],
        [None, None, None, "1.2. Train district staff", "HR", "2023/09", "Ongoing"],
        ["2", "Tighten contracts", "Agreed", "a) Draft terms of reference", "Legal", "2023", ""],
        [None, None, None, "(b) Tender the works", "Procurement", "2024", "Not started"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [
        ("1.1", "Conduct a baseline survey"),
        ("1.2.", "Train district staff"),
        ("a)", "Draft terms of reference"),
        ("(b)", "Tender the works"),
    ] == [(a.ref, a.text) for a in doc.actions]
    assert (["GT220"], "Matrix!D2") == (codes(doc), str(problem(doc, "GT220").location))


@pytest.mark.parametrize(
    "text",
    [
        "2023 survey of households completed",
        "3 workshops held",
        "1.5 million people reached",
        "1.1 million people reached",
        "2.5 km of feeder road built",
        "10. ",
        "10.",
        "12.05.23 review meeting held",
        "15/03/2023 meeting held",
        "1.1  two spaces after the ref",
        "1.1\nref on a line of its own",
        "A. Rahman to lead the review",
        "e.g. hold a review",
        "1.5% fewer complaints",
    ],
)
def test_texts_that_only_look_numbered_are_kept_whole(tmp_path: Path, text: str) -> None:
    """A year, a count, a decimal, a quantity, a date or a lone number is no ref: the text stays."""
    rows = [PLAN_HEADER, [text, "Unit", "2023/06", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    assert [("", text)] == [(a.ref, a.text) for a in doc.actions]
    assert "GT220" not in codes(doc)


def test_a_dotted_ref_must_extend_the_recommendations_ref(tmp_path: Path) -> None:
    """Under recommendation 3, `3.1 …` is a ref; `1.5 …` is not (a decimal), whatever follows."""
    rows = [
        ["Rec #", *MR_NUMBERED],
        ["3", "Reach more people", "Agreed", "3.1 Extend the call centre", "Ops", "2023/06"],
        [None, None, None, "1.5 more hours a day of service", "Ops", "2023/06"],
        [None, None, None, "3.2 Open two desks", "Ops", "2023/06"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [
        ("3.1", "Extend the call centre"),
        ("", "1.5 more hours a day of service"),
        ("3.2", "Open two desks"),
    ] == [(a.ref, a.text) for a in doc.actions]


def test_dotted_refs_in_a_plan_must_follow_each_other(tmp_path: Path) -> None:
    """With no recommendation ref, a dotted ref is read when it comes next in an outline."""
    texts = [
        "1.1 Map the partners",
        "1.2 Share the plan",
        "1.4 percent more funds",
        "1.7 tonnes of seed delivered",
        "1.3 Sign the agreement",
        "1.3.1 Draft it",
        "2.1 Hire an analyst",
        "2.5 Train the analyst",
    ]
    doc = excel.load(build(tmp_path, [PLAN_HEADER, *([t, "Unit"] for t in texts)]))
    assert ["1.1", "1.2", "", "", "1.3", "1.3.1", "2.1", ""] == [a.ref for a in doc.actions]
    assert texts == [f"{a.ref} {a.text}" if a.ref else a.text for a in doc.actions]


def test_an_empty_ref_cell_takes_the_ref_from_the_text(tmp_path: Path) -> None:
    """A ref column read where filled; a row whose ref cell is empty takes the text's ref."""
    rows = [
        ["#", *PLAN_HEADER],
        ["1.1", "Map the partners", "Unit"],
        [None, "1.2 Share the plan", "Unit"],
        ["1.3", "1.3 Sign the agreement", "Unit"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [
        ("1.1", "Map the partners"),
        ("1.2", "Share the plan"),
        ("1.3", "1.3 Sign the agreement"),
    ] == [(a.ref, a.text) for a in doc.actions]


def test_a_scope_prefix_then_a_ref(tmp_path: Path) -> None:
    """`KAZ: 1.1 …` gives the scope, then the ref, then the text."""
    rows = [PLAN_HEADER, ["KAZ: 1.1 Map the partners", "Country team", "2016/12", "Completed"]]
    doc = excel.load(build(tmp_path, rows))
    assert [("KAZ", "1.1", "Map the partners")] == [(a.scope, a.ref, a.text) for a in doc.actions]


def test_lettered_decisions_in_a_decision_log(tmp_path: Path) -> None:
    """A decision log whose decisions read `a) …`, `b) …` gets refs a), b)."""
    rows = [
        ["Decision", "Responsible", "Deadline", "Status"],
        ["a) Circulate the draft strategy", "Secretariat", "05 May 2019", ""],
        ["b) Each ministry sends its comments", "Ministries", "05 May 2019", ""],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("a)", "Circulate the draft strategy"), ("b)", "Each ministry sends its comments")] == [
        (a.ref, a.text) for a in doc.actions
    ]


def test_streamed_actions_split_refs_alike(tmp_path: Path) -> None:
    """iter_actions reads the same refs out of the texts as load."""
    rows = [
        ["Rec #", *MR_NUMBERED],
        ["1", "Know the baseline", "Agreed", "1.1 Conduct a survey", "M&E", "2023/06"],
        [None, None, None, "1.5 million leaflets printed", "M&E", "2023/06"],
        [None, None, None, "1.2 Train staff", "HR", "2023/09"],
    ]
    path = build(tmp_path, rows)
    assert [(a.ref, a.text) for a in excel.load(path).actions] == [
        (a.ref, a.text) for a in excel.iter_actions(path)
    ]


def test_split_refs_survive_the_matrix_and_written_texts_stay_whole(tmp_path: Path) -> None:
    """A partner sheet read with refs from its texts writes a matrix that reads back equal; an
    action govtrack writes with no ref and a text like `1.1 …` reads back as written."""
    rows = [
        ["Rec #", *MR_NUMBERED, "Status"],
        ["1", "Know the baseline", "Agreed", "1.1 Conduct a survey", "M&E", "2023/06", "Ongoing"],
        [None, None, None, "1.2. Train staff", "HR", "2023/09", "Ongoing"],
        ["2", "Tighten contracts", "Agreed", "a) Draft the terms", "Legal", "2023", "Ongoing"],
    ]
    read = excel.load(build(tmp_path, rows))
    target = tmp_path / "matrix.xlsx"
    gt.dump(read, target, layout="matrix", on=dt.date(2023, 1, 31))
    back = excel.load(target)
    assert (read.actions, ["1", "2"]) == (back.actions, [r.ref for r in back.recommendations])
    written = gt.Document(
        plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text="1.1 Conduct a survey"),)),)
    )
    gt.dump(written, target, layout="matrix", on=dt.date(2023, 1, 31))
    assert ([("", "1.1 Conduct a survey")], []) == (
        [(a.ref, a.text) for a in excel.load(target).actions],
        codes(excel.load(target)),
    )


def test_a_filled_template_row_takes_its_ref_from_the_text(tmp_path: Path) -> None:
    """A partner row typed into govtrack's blank template (no helper value) is split as any."""
    from govtrack.io.excel_write import FIRST_ROW, write_template

    template = tmp_path / "template.xlsx"
    write_template(template)
    book = openpyxl.load_workbook(template)
    sheet = book["Matrix"]
    for column, value in zip(
        "ABFG", ["1", "Know the baseline", "1.1 Conduct a survey", "M&E"], strict=True
    ):
        sheet[f"{column}{FIRST_ROW}"] = value
    book.save(template)
    assert [("1.1", "Conduct a survey")] == [(a.ref, a.text) for a in excel.load(template).actions]


def test_plural_headers_name_their_fields(tmp_path: Path) -> None:
    """``Action points``, ``Focal points``, ``Target dates``: the plural of an alias is
    that alias (the sheet was skipped, GT201, and the summary counted without it)."""
    rows = [
        ["#", "Action points", "Focal points", "Target dates", "Status"],
        ["1", "Map the shelters", "Programme Specialist", "Q1 2024", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert ("1", "Map the shelters", ("Programme Specialist",), "Q1 2024", []) == (
        action.ref,
        action.text,
        action.responsible,
        action.deadline_text,
        [code for code in codes(doc) if code != "GT105"],
    )


def test_a_total_row_is_kept_not_counted(tmp_path: Path) -> None:
    """``Total | 4 actions`` under the table is kept in extra (GT212), not an action; a row
    that gives a party, deadline or status is an action whatever its first word."""
    rows = [
        ["#", "Action", "Responsible", "Deadline", "Status"],
        ["1", "Map the shelters", "Unit A", "2024", "Ongoing"],
        ["Total", "Count the votes", "Unit B", "2024", "Ongoing"],
        [],
        ["Grand total:", "2 actions"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ["Map the shelters", "Count the votes"] == [action.text for action in doc.actions]
    assert doc.plans[0].extra["Total A5"] == "Grand total: | 2 actions"
    assert "A5 reads as a total row, not an action" in problem(doc, "GT212").message


def test_tally_rows_under_a_table_are_kept_not_counted(tmp_path: Path) -> None:
    """``Completed | 2`` and ``Ongoing | 1`` under the Total row are kept in extra (GT212),
    not counted as actions with texts '2' and '1' (they were, silently)."""
    rows = [
        ["S/N", "Action point", "Lead agency", "Timeline", "Status"],
        [1, "Map the shelters", "Unit A", "2023/03", "Completed"],
        [2, "Train the focal points", "Unit B", "2023/06", "Completed"],
        [3, "Draft the messages", "Unit A", "2030/06", "Ongoing"],
        [],
        ["Total", 3],
        ["Completed", 2],
        ["Ongoing", "1 action"],
    ]
    doc = excel.load(build(tmp_path, rows))
    summary = gt.summarize(doc, on=dt.date(2024, 1, 31))
    assert (3, 2, 1, 0) == (
        summary.total,
        summary.by_status[gt.Status.COMPLETED],
        summary.by_status[gt.Status.ONGOING],
        summary.unknown,
    )
    assert {
        "Total A6": "Total | 3",
        "Total A7": "Completed | 2",
        "Total A8": "Ongoing | 1 action",
    } == dict(doc.plans[0].extra)
    tallies = [issue for issue in doc.problems if "tally row" in issue.message]
    assert [("GT212", "A7"), ("GT212", "A8")] == [
        (issue.code, issue.location.cell if issue.location else "") for issue in tallies
    ]


@pytest.mark.parametrize(
    "row",
    [
        ["4", "2", "Unit A", "", ""],  # a party: an action, however odd its text
        ["4", "8 workshops", "", "", ""],  # a number and a noun is an action's text
        ["4", "12", "", "", "Ongoing"],
    ],
)
def test_a_numeric_action_text_with_more_than_counts_is_an_action(
    tmp_path: Path, row: list[str]
) -> None:
    """A row is a tally only when all its cells but the first only count."""
    rows = [["#", "Action", "Responsible", "Deadline", "Status"], ["1", "Map it", "U", "", ""], row]
    doc = excel.load(build(tmp_path, rows))
    assert ["Map it", row[1]] == [action.text for action in doc.actions]


_LABELS = st.from_regex(r"[A-Z][a-z]{1,12}(?: [A-Za-z]{1,8})?", fullmatch=True)
_COUNTS = st.one_of(
    st.integers(0, 999),
    st.integers(0, 999).map(str),
    st.integers(0, 999).map(lambda n: f"{n} actions"),
    st.integers(0, 100).map(lambda n: f"{n}%"),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=_LABELS, counts=st.lists(_COUNTS, min_size=1, max_size=4))
def test_a_label_and_counts_under_a_table_are_kept_whole_not_counted(
    tmp_path: Path, label: str, counts: list[object]
) -> None:
    """Whatever the label and counts, a tally row is kept in extra as written, not read
    as an action, and the table's actions are read as before."""
    rows = [
        ["#", "Action", "Responsible", "Deadline", "Status"],
        ["1", "Map the shelters", "Unit A", "2030/06", "Ongoing"],
        [label, *counts],
    ]
    doc = excel.load(build(tmp_path, rows))
    written = " | ".join([label, *(str(count) for count in counts)])
    assert (["Map the shelters"], written) == (
        [action.text for action in doc.actions],
        doc.plans[0].extra["Total A3"],
    )


def _counts_book(folder: Path) -> Path:
    book = openpyxl.Workbook()
    plan = book.active
    assert plan is not None
    plan.title = "Country A"
    plan.append(["#", "Action", "Responsible", "Deadline", "Status"])
    plan.append([1, "Map the shelters", "Unit A", "2023/03", "Completed"])
    plan.append([2, "Train the focal points", "Unit B", "2023/06", "Ongoing"])
    counts = book.create_sheet("Summary")
    counts.append(["Country", "Actions", "Completed", "Ongoing", "Not started"])
    counts.append(["Country A", 2, 1, 1, 0])
    counts.append(["Country B", "3 actions", 1, 1, 1])
    path = folder / "counts.xlsx"
    book.save(path)
    return path


def test_a_sheet_of_counts_is_not_read_as_an_action_plan(tmp_path: Path) -> None:
    """A summary sheet (``Country | Actions | Completed | …`` over numbers) is reported
    (GT223) and not read: its rows were counted as actions with texts '2' and '3 actions'."""
    doc = excel.load(_counts_book(tmp_path))
    summary = gt.summarize(doc, on=dt.date(2024, 1, 31))
    sheets = sorted({action.origin.sheet for action in doc.actions if action.origin})
    assert (2, ["Country A"], 1) == (summary.total, sheets, len(doc.plans))
    issue = problem(doc, "GT223")
    assert ("Summary", "A1", gt.Severity.WARNING) == (
        issue.location.sheet if issue.location else "",
        issue.location.cell if issue.location else "",
        issue.severity,
    )
    assert (
        "the table under row 1 ('Country | Actions | Completed | Ongoing | Not started') holds "
        "only counts, not actions: its 2 rows (such as 'Country A | 2 | 1 | 1 | 0' in row 2) "
        "are a label and numbers; it was not read"
    ) == issue.message
    assert [] == [i for i in doc.problems if i.code == "GT212"]
    assert [action.text for action in doc.actions] == [
        action.text for action in gt.iter_actions(tmp_path / "counts.xlsx")
    ]


def test_an_action_called_total_survives_the_matrix(tmp_path: Path) -> None:
    """govtrack's own matrix row is never a total row (its helper column), nor is a row
    with a status."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                title="Plan",
                actions=(gt.Action(text="Total"), gt.Action(ref="Total", text="Sum it up")),
            ),
        )
    )
    target = tmp_path / "matrix.xlsx"
    gt.dump(doc, target, layout="matrix")
    assert [("", "Total"), ("Total", "Sum it up")] == [
        (action.ref, action.text) for action in gt.load(target).actions
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["Action points", "Focal points", "Target dates", "Status"],
        ["Key action / Activity", "Responsible", "Deadline", "Status"],
        ["Key actions/Activities", "Responsible/Lead", "Deadlines", "Status"],
        ["N°", "Action points", "Focal points", "Target dates", "Status"],
    ],
)
def test_a_repeated_plural_or_combined_header_row_is_skipped(
    tmp_path: Path, header: list[str]
) -> None:
    """A header row in the plural, combined with `/` or opening with `N°`, repeated inside
    the data (a page break in an exported sheet), is skipped as the header row is
    recognised; it was read as an action named after its first header."""
    first = ["Audit the stores", "Logistics", "2023", "Ongoing"]
    second = ["Count the stock", "Logistics", "2023", "Ongoing"]
    if header[0] == "N°":
        first, second = ["1", *first], ["2", *second]
    doc = excel.load(build(tmp_path, [header, first, header, second]))
    assert (["Audit the stores", "Count the stock"], ["GT216"]) == (
        [a.text for a in doc.actions],
        codes(doc),
    )


# A numbering column left of the recommendation: what it numbers is told by the rows.

MR_NO = [
    "No.",
    "Recommendation",
    "Management response",
    "Key action",
    "Responsible",
    "Deadline",
    "Status",
]


def _shape(doc: gt.Document) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        (rec.ref, rec.text, [(action.ref, action.text) for action in rec.actions])
        for rec in doc.recommendations
    ]


NUMBERED_ACTIONS = [
    ("", "Map the districts", [("1", "Hire a surveyor"), ("2", "Publish the map")]),
    ("", "Train the clerks", [("3", "Run two courses")]),
]


def test_a_number_changing_beside_a_repeated_recommendation_numbers_its_key_actions(
    tmp_path: Path,
) -> None:
    """`1`, `2` beside the same recommendation text on each row number the key actions: one
    recommendation, not one per number (it was split in two, both with the same text)."""
    rows = [
        MR_NO,
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["2", "Map the districts", "Agreed", "Publish the map", "Planning", "2024", "Ongoing"],
        ["3", "Train the clerks", "Agreed", "Run two courses", "HR", "2024", "Ongoing"],
    ]
    path = build(tmp_path, rows)
    doc = excel.load(path)
    assert (NUMBERED_ACTIONS, ["GT221"], "Matrix!A3") == (
        _shape(doc),
        codes(doc),
        str(problem(doc, "GT221").location),
    )
    assert [(a.ref, a.text) for a in doc.actions] == [
        (a.ref, a.text) for a in gt.iter_actions(path)
    ]


def test_a_number_changing_beside_a_merged_recommendation_numbers_its_key_actions(
    tmp_path: Path,
) -> None:
    """`1`, `2` beside a recommendation merged over both rows number the key actions (the
    second row made a recommendation '2' with no text)."""
    rows = [
        MR_NO,
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["2", None, None, "Publish the map", "Planning", "2024", "Ongoing"],
        ["3", "Train the clerks", "Agreed", "Run two courses", "HR", "2024", "Ongoing"],
    ]

    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("B2:B3")
        sheet.merge_cells("C2:C3")

    doc = excel.load(build(tmp_path, rows, setup=merge))
    assert (NUMBERED_ACTIONS, ["GT221"], "Agreed") == (
        _shape(doc),
        codes(doc),
        doc.recommendations[0].response.text,
    )


@pytest.mark.parametrize(
    "second",
    [
        [
            None,
            None,
            None,
            "Publish the map",
            "Planning",
            "2024",
            "Ongoing",
        ],  # blank under the number
        [
            "1",
            "Map the districts",
            "Agreed",
            "Publish the map",
            "Planning",
            "2024",
            "Ongoing",
        ],  # repeated
    ],
)
def test_a_number_changing_with_the_recommendation_numbers_it(
    tmp_path: Path, second: list[str | None]
) -> None:
    """One number per distinct recommendation, blank or repeated on its other rows, is the
    recommendation's ref; so is a number on a recommendation of one key action."""
    rows = [
        MR_NO,
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        second,
        ["2", "Train the clerks", "Agreed", "Run two courses", "HR", "2024", "Ongoing"],
        ["3", "Pay the clerks", "Agreed", "Raise the wages", "HR", "2024", "Ongoing"],
    ]
    path = build(tmp_path, rows)
    doc = excel.load(path)
    assert (
        [
            ("1", "Map the districts", [("", "Hire a surveyor"), ("", "Publish the map")]),
            ("2", "Train the clerks", [("", "Run two courses")]),
            ("3", "Pay the clerks", [("", "Raise the wages")]),
        ],
        [],
    ) == (_shape(doc), codes(doc))
    assert [(a.ref, a.text) for a in doc.actions] == [
        (a.ref, a.text) for a in gt.iter_actions(path)
    ]


def test_a_number_merged_with_its_recommendation_numbers_it(tmp_path: Path) -> None:
    """Number and text merged down over the key actions' rows: the recommendation's ref."""
    rows = [
        MR_NO,
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        [None, None, None, "Publish the map", "Planning", "2024", "Ongoing"],
    ]

    def merge(sheet: Worksheet) -> None:
        for column in "ABC":
            sheet.merge_cells(f"{column}2:{column}3")

    doc = excel.load(build(tmp_path, rows, setup=merge))
    assert (
        [("1", "Map the districts", [("", "Hire a surveyor"), ("", "Publish the map")])],
        [],
    ) == (
        _shape(doc),
        codes(doc),
    )


def test_a_number_changing_beside_key_actions_with_their_own_refs_is_kept_in_extra(
    tmp_path: Path,
) -> None:
    """`No | Recommendation | Action # | Key action`, `No` changing under the same text: it
    numbers neither, so it is kept in each key action's extra and reported (GT222); the
    recommendation is not split."""
    rows = [
        ["No", "Recommendation", "Action #", "Key action", "Responsible", "Deadline", "Status"],
        ["1", "Map the districts", "1.1", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["2", "Map the districts", "1.2", "Publish the map", "Planning", "2024", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (
        [("", "Map the districts", [("1.1", "Hire a surveyor"), ("1.2", "Publish the map")])],
        [{"No": "1"}, {"No": "2"}],
        ["GT222"],
        "Matrix!A3",
    ) == (
        _shape(doc),
        [dict(a.extra) for a in doc.actions],
        codes(doc),
        str(problem(doc, "GT222").location),
    )


def test_a_number_changing_after_numbering_recommendations_is_reported(tmp_path: Path) -> None:
    """Once the rows show the numbers numbering recommendations, a number changing beside
    the same text is reported (GT222) and starts a recommendation, as before."""
    rows = [
        MR_NO,
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        [None, "Map the districts", None, "Publish the map", "Planning", "2024", "Ongoing"],
        ["2", "Map the districts", None, "Print the map", "Planning", "2024", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert (
        [
            ("1", "Map the districts", [("", "Hire a surveyor"), ("", "Publish the map")]),
            ("2", "Map the districts", [("", "Print the map")]),
        ],
        ["GT222"],
        "Matrix!A4",
    ) == (_shape(doc), codes(doc), str(problem(doc, "GT222").location))


def test_numbers_beside_a_merged_response_number_its_key_actions(tmp_path: Path) -> None:
    """With no recommendation column, the response tells: numbers changing beside one
    merged response are the key actions'; a new response is a new recommendation."""
    rows = [
        ["#", "Management response", "Key action", "Responsible", "Deadline", "Status"],
        ["1", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["2", None, "Publish the map", "Planning", "2024", "Ongoing"],
        ["3", "Partly agreed", "Run two courses", "HR", "2024", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows, setup=lambda sheet: sheet.merge_cells("B2:B3")))
    assert (
        [
            ("Agreed", [("1", "Hire a surveyor"), ("2", "Publish the map")]),
            ("Partly agreed", [("3", "Run two courses")]),
        ],
        ["GT207", "GT221"],
    ) == (
        [
            (rec.response.text, [(a.ref, a.text) for a in rec.actions])
            for rec in doc.recommendations
        ],
        codes(doc),
    )


def _read_alike(path: Path) -> gt.Document:
    """Load the workbook and check that iter_actions streams the same actions (origins too)
    and problems."""
    doc = excel.load(path)
    found: list[gt.Issue] = []
    streamed = list(gt.iter_actions(path, problems=found))
    assert (list(doc.actions), [a.origin for a in doc.actions], list(doc.problems)) == (
        streamed,
        [a.origin for a in streamed],
        found,
    )
    return doc


@pytest.mark.parametrize("merged", [False, True])
def test_an_outline_number_under_a_recommendation_names_its_key_action(
    tmp_path: Path, merged: bool
) -> None:
    """`1` on a recommendation's own row, `1.1`, `1.2` on its key actions: the outline numbers
    are the key actions' refs and the recommendations keep theirs (the column was moved to
    extra, GT222, and the row of recommendation `2` made an action with no text, GT213)."""
    rows = [
        MR_NO,
        ["1", "Map the districts", None, None, None, None, None],
        ["1.1", None, None, "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["1.2", None, None, "Publish the map", "Planning", "2024", "Ongoing"],
        ["2", "Train the clerks", "Agreed", None, None, None, None],
        ["2.1", None, None, "Run two courses", "HR", "2024", "Ongoing"],
    ]

    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("B2:B4")
        sheet.merge_cells("B5:B6")

    doc = _read_alike(build(tmp_path, rows, setup=merge if merged else None))
    assert (
        [
            ("1", "Map the districts", [("1.1", "Hire a surveyor"), ("1.2", "Publish the map")]),
            ("2", "Train the clerks", [("2.1", "Run two courses")]),
        ],
        [],
        [{}, {}, {}],
        "A",
    ) == (
        _shape(doc),
        codes(doc),
        [dict(a.extra) for a in doc.actions],
        doc.actions[0].origin.columns["ref"] if doc.actions[0].origin else "",
    )


@pytest.mark.parametrize(
    "rows",
    [
        [
            ["1", "Agreed.", "Hire a surveyor", "Planning", "2024", "Ongoing"],
            ["2", "Agreed.", "Publish the map", "Planning", "2024", "Ongoing"],
            ["3", "Partly agreed: no funds.", "Run two courses", "HR", "2024", "Ongoing"],
            ["4", "Agreed.", "Pay the clerks", "HR", "2024", "Ongoing"],
        ],
        [
            ["1", "Agreed.", "Hire a surveyor", "Planning", "2024", "Ongoing"],
            [None, None, "Publish the map", "Planning", "2024", "Ongoing"],
            ["2", "Agreed.", "Run two courses", "HR", "2024", "Ongoing"],
            ["3", "Agreed.", "Pay the clerks", "HR", "2024", "Ongoing"],
        ],
    ],
    ids=["one-action-each", "blank-row-first"],
)
def test_a_response_repeated_word_for_word_does_not_tie_numbered_rows(
    tmp_path: Path, rows: list[list[str | None]]
) -> None:
    """With no recommendation column, `Agreed.` on two rows numbered `1`, `2` is no sign that
    they are one recommendation: each number starts one (rows 1 and 2 were merged into one
    recommendation with the numbers as key-action refs (GT221), or a GT222 was given)."""
    header = ["No.", "Management response", "Key action", "Responsible", "Deadline", "Status"]
    doc = _read_alike(build(tmp_path, [header, *rows]))
    numbers = [row[0] for row in rows if row[0]]
    assert (numbers, ["GT207"]) == ([rec.ref for rec in doc.recommendations], codes(doc))
    assert all(not a.ref for a in doc.actions)


@pytest.mark.parametrize("merged", [False, True])
def test_recommendations_read_before_the_numbers_tell_are_read_the_same_way(
    tmp_path: Path, merged: bool
) -> None:
    """When a later recommendation shows the numbers numbering key actions (GT221), the ones
    read before it are read so too, by load and by iter_actions: the first recommendation's
    number went on being its ref while the others' were their key actions' refs."""
    repeated: list[str | None] = [None, None] if merged else ["Train the clerks", "Agreed"]
    rows = [
        MR_NO,
        ["1", "Map the districts", "Agreed", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["2", "Train the clerks", "Agreed", "Run two courses", "HR", "2024", "Ongoing"],
        ["3", *repeated, "Test the clerks", "HR", "2024", "Ongoing"],
        ["4", "Pay the clerks", "Agreed", "Raise the wages", "HR", "2024", "Ongoing"],
    ]

    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("B3:B4")
        sheet.merge_cells("C3:C4")

    doc = _read_alike(build(tmp_path, rows, setup=merge if merged else None))
    assert (
        [
            ("", "Map the districts", [("1", "Hire a surveyor")]),
            ("", "Train the clerks", [("2", "Run two courses"), ("3", "Test the clerks")]),
            ("", "Pay the clerks", [("4", "Raise the wages")]),
        ],
        ["GT221"],
        ["A"] * 4,
    ) == (
        _shape(doc),
        codes(doc),
        [a.origin.columns["ref"] if a.origin else "" for a in doc.actions],
    )


def test_recommendations_read_before_the_numbers_tell_keep_them_in_extra(
    tmp_path: Path,
) -> None:
    """With an `Action #` column, the numbers told to number neither (GT222) are kept in the
    extra of every key action, those of the recommendations read before included."""
    rows = [
        ["No", "Recommendation", "Action #", "Key action", "Responsible", "Deadline", "Status"],
        ["1", "Map the districts", "1.1", "Hire a surveyor", "Planning", "2024", "Ongoing"],
        ["2", "Train the clerks", "2.1", "Run two courses", "HR", "2024", "Ongoing"],
        ["3", "Train the clerks", "2.2", "Test the clerks", "HR", "2024", "Ongoing"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        [
            ("", "Map the districts", [("1.1", "Hire a surveyor")]),
            ("", "Train the clerks", [("2.1", "Run two courses"), ("2.2", "Test the clerks")]),
        ],
        [{"No": "1"}, {"No": "2"}, {"No": "3"}],
        ["GT222"],
    ) == (_shape(doc), [dict(a.extra) for a in doc.actions], codes(doc))


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        (
            ["1", "Map the districts", None, "Hire a surveyor", "Planning", "2024", "Ongoing"],
            (
                [
                    ("", "Map the districts", [("1", "Hire a surveyor"), ("2", "Publish the map")]),
                    ("3", "Train the clerks", [("4", "Run two courses")]),
                ],
                [{}, {}, {}],
                ["GT221"],
            ),
        ),
        (
            ["1", "Map the districts", None, None, None, None, None],
            (
                [
                    ("1", "Map the districts", [("", "Publish the map")]),
                    ("3", "Train the clerks", [("", "Run two courses")]),
                ],
                [{"No.": "2"}, {"No.": "4"}],
                ["GT222"],
            ),
        ),
    ],
    ids=["read-as-refs", "kept-in-extra"],
)
def test_a_number_on_a_row_without_key_action_stays_the_recommendations(
    tmp_path: Path, first: list[str | None], expected: tuple[Any, ...]
) -> None:
    """Once the numbering column is read as the key actions' refs or kept in extra, a row
    giving a recommendation and its number but no key action keeps the number as the
    recommendation's ref (it made a key action with no text, GT213, holding the number)."""
    rows = [
        MR_NO,
        first,
        ["2", None, None, "Publish the map", "Planning", "2024", "Ongoing"],
        ["3", "Train the clerks", "Agreed", None, None, None, None],
        ["4", None, None, "Run two courses", "HR", "2024", "Ongoing"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert expected == (_shape(doc), [dict(a.extra) for a in doc.actions], codes(doc))


def test_numbers_held_untold_too_long_while_streaming_are_the_recommendations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streaming, past `_UNTOLD_MAX` rows that do not tell what the numbering column
    numbers, iter_actions takes it to number the recommendations and says so (GT224);
    gt.load waits for the rows to tell (here the last one: its number changes under the
    same recommendation, so the numbers are the key actions' refs, GT221). Regression: load
    took the streaming shortcut too, so its reading flipped at the 201st row."""
    monkeypatch.setattr(excel, "_UNTOLD_MAX", 200)
    count = 250
    rows: list[list[str | None]] = [list(MR_NO)]
    rows.extend(
        [str(n), f"Recommendation {n}", "Agreed", f"Action {n}", "HR", "2024", None]
        for n in range(1, count + 1)
    )
    rows.append([str(count + 1), f"Recommendation {count}", None, "One more", "HR", "2024", None])
    path = build(tmp_path, rows)
    doc = excel.load(path)
    assert (["GT221"], [""] * count) == (codes(doc), [rec.ref for rec in doc.recommendations])
    assert [a.ref for a in doc.actions] == [str(n) for n in range(1, count + 2)]
    found: list[gt.Issue] = []
    streamed = list(gt.iter_actions(path, problems=found))
    assert [a.text for a in streamed] == [a.text for a in doc.actions]
    assert ["GT224", "GT222"] == [issue.code for issue in found]
    assert str(found[0].location) == "Matrix!A1"


def test_a_recommendation_started_without_its_text_is_reported(tmp_path: Path) -> None:
    """A row giving a new recommendation number but no recommendation text starts a
    recommendation with no text, reported (GT213) with the cell (it was silent)."""
    rows = [
        MR_HEADER,
        ["1", "Map the districts", "Agreed", "Accepted", "1.1", "Hire a surveyor", "Planning"],
        ["2", None, None, None, "2.1", "Train the clerks", "HR"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ([("1", "Map the districts"), ("2", "")], ["GT213"], "Matrix!B3") == (
        [(rec.ref, rec.text) for rec in doc.recommendations],
        codes(doc),
        str(problem(doc, "GT213").location),
    )


@pytest.mark.parametrize(
    ("second", "merge"),
    [
        ([None, None, "Unit B", "2025", None], None),  # only a responsible party and a deadline
        (["2", None, "Unit B", "2025", "Ongoing"], "B2:B3"),  # under a merged action text
        ([None, "   ", None, "2025", None], None),  # an action text of spaces
        ([None, "\u200b", "Unit B", None, None], None),  # a zero-width space
        ([None, "\ufeff\u00a0\u2060", None, "2025", None], None),  # a BOM, a no-break space…
        (["2"], None),  # only a number
    ],
)
def test_a_row_without_action_text_is_reported_with_its_row(
    tmp_path: Path, second: list[str | None], merge: str | None
) -> None:
    """Whatever leaves an action with no text to see (a party or a deadline alone, a
    merged text above, spaces, invisible characters) gives a GT213 naming its row and
    cell; an action text of invisible characters only was read silently."""
    rows = [["#", *PLAN_HEADER[:4]], ["1", "Audit the stores", "Unit A", "2024", "Ongoing"], second]
    setup = (lambda sheet: sheet.merge_cells(merge)) if merge else None
    doc = excel.load(build(tmp_path, rows, setup=setup))
    blank = [a for a in doc.actions if not a.text.strip("\u200b\ufeff\u2060 \u00a0")]
    missing = [p for p in doc.problems if p.code == "GT213"]
    assert (["Matrix!B3"], ["Matrix!B3"]) == (
        [str(a.origin) for a in blank],
        [str(p.location) for p in missing],
    )
    assert missing[0].message.startswith("row 3 has data but no action text")


def test_a_row_of_one_invisible_cell_is_a_blank_row(tmp_path: Path) -> None:
    """A row whose only cell holds a zero-width space looks empty and is skipped as a blank
    row (it became a section heading named by an invisible character)."""
    rows = [PLAN_HEADER, ["\u200b"], ["Audit the stores", "Unit A", "2024", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    assert ([("Audit the stores", "")], []) == (
        [(a.text, a.group) for a in doc.actions],
        codes(doc),
    )


@pytest.mark.parametrize("lists", ["_lists", "_Lists"])
def test_a_hidden_sheet_named_with_an_underscore_is_read(tmp_path: Path, lists: str) -> None:
    """Only govtrack's own hidden `_lists` sheet (its status and category words) is skipped:
    a partner's hidden `_archive`, `_lists` or `_Lists` holding actions is read and reported
    like any hidden sheet (`_lists` and `_Lists` were dropped in silence, with their actions)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(PLAN_HEADER)
    sheet.append(["Audit the stores", "Unit A", "2024", "Ongoing", ""])
    names = ("_archive", lists)
    for name in names:
        hidden = book.create_sheet(name)
        hidden.append(PLAN_HEADER)
        hidden.append([f"Count the stock in {name}", "Unit B", "2023", "Completed", "Done"])
        hidden.sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    doc = excel.load(path)
    assert (
        ["Audit the stores", *[f"Count the stock in {name}" for name in names]],
        ["GT202"] * 2,
        [f"{name}!A1" for name in names],
    ) == (
        [a.text for a in doc.actions],
        codes(doc),
        [str(p.location) for p in doc.problems],
    )


def test_govtracks_own_lists_sheet_is_skipped(tmp_path: Path) -> None:
    """The hidden `_lists` sheet of a matrix govtrack wrote holds its dropdowns' words, not
    data: it is skipped in silence, and a matrix read back has no problem."""
    path = tmp_path / "matrix.xlsx"
    gt.dump(
        gt.Document(evaluations=(gt.Evaluation(title="Review", recommendations=()),)),
        path,
        layout="matrix",
    )
    assert "_lists" in openpyxl.load_workbook(path).sheetnames
    assert [] == codes(excel.load(path))


def test_a_lone_invisible_cell_outside_the_action_column_is_reported(tmp_path: Path) -> None:
    """A row whose one cell, a comment, holds only a zero-width space is not dropped in
    silence: it goes on with the comments of the action above, and is reported (GT230)."""
    rows = [
        PLAN_HEADER,
        ["Audit the stores", "Unit A", "2024", "Ongoing", "ok"],
        [None, None, None, None, "\u200b"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (["ok\n\u200b"], ["GT230"], "Matrix!E3") == (
        [a.comments for a in doc.actions],
        codes(doc),
        str(problem(doc, "GT230").location),
    )
    assert "invisible" in problem(doc, "GT230").message


# ---------------------------------------------------------------------------
# Two tables on one sheet, the second with more columns: each header row is a header
# (the first table was read as title rows above the second)


def _two_tables(first_rows: int, second_rows: int) -> list[list[Any]]:
    rows: list[list[Any]] = [["Action", "Responsible", "Deadline", "Status"]]
    rows += [[f"First {i}", "HR", "Dec 2023", "Ongoing"] for i in range(first_rows)]
    rows.append([None])
    rows.append(["No", "Action", "Lead", "Deadline", "Status", "Comments"])
    rows += [
        [str(i + 1), f"Second {i}", "ICT", "Jun 2024", "Not started", "new"]
        for i in range(second_rows)
    ]
    return rows


def test_a_header_word_title_above_the_header_stays_a_title(tmp_path: Path) -> None:
    """A title row that names columns but has no data under it (another header row comes
    next, or only label rows) is no table: the header below is."""
    rows: list[list[Any]] = [
        ["Action", "Status"],
        ["Period:", "2023"],
        [None],
        ["No", "Action", "Responsible", "Deadline", "Status"],
        ["1", "Hire", "HR", "Dec 2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert ([("1", "Hire")], 1) == ([(a.ref, a.text) for a in doc.actions], len(doc.plans))


def test_both_engines_read_two_tables_alike(tmp_path: Path) -> None:
    """calamine and openpyxl read a sheet of two tables alike."""
    pytest.importorskip("python_calamine")
    path = build(tmp_path, _two_tables(2, 3))
    read = [excel.load(path, engine=engine) for engine in ("openpyxl", "calamine")]
    assert read[0] == read[1]


def test_a_first_table_narrower_than_the_second_is_a_table(tmp_path: Path) -> None:
    """Two tables on a sheet, the second naming one more column: each header row is a
    header and each table's rows are read under its own (they were read as title rows
    above the second table, in silence)."""
    doc = excel.load(build(tmp_path, _two_tables(2, 1)))
    assert (["First 0", "First 1", "Second 0"], [], 2) == (
        [a.text for a in doc.actions],
        codes(doc),
        len(doc.plans),
    )
    assert ("Ongoing", "new") == (doc.actions[0].status_text, doc.actions[2].comments)


def test_a_title_block_over_a_narrower_first_table_stays_a_title(tmp_path: Path) -> None:
    """The title rows above the first table of two stay its title rows."""
    rows: list[list[Any]] = [["Action plan: the stores audit"], ["Period:", "2023"], [None]]
    rows += _two_tables(1, 1)
    doc = excel.load(build(tmp_path, rows))
    assert (["First 0", "Second 0"], "Action plan: the stores audit") == (
        [a.text for a in doc.actions],
        doc.plans[0].title,
    )


def test_group_labels_over_sub_headers_are_not_a_first_table(tmp_path: Path) -> None:
    """A row naming columns right above a wider header row, with no rows between, is not
    a first table (it reads as before: a title row)."""
    rows: list[list[Any]] = [
        ["Action", "Status"],
        ["No", "Action", "Responsible", "Deadline", "Status"],
        ["1", "Hire", "HR", "Dec 2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("1", "Hire")] == [(a.ref, a.text) for a in doc.actions]


def test_a_table_of_counts_above_a_wider_table_is_not_a_first_table(tmp_path: Path) -> None:
    """Counts under a header-like row (numbers in its action column) are title rows."""
    rows: list[list[Any]] = [
        ["Action", "Status"],
        [3, "Completed"],
        [None],
        ["No", "Action", "Responsible", "Deadline", "Status"],
        ["1", "Hire", "HR", "Dec 2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [("1", "Hire")] == [(a.ref, a.text) for a in doc.actions]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.integers(min_value=1, max_value=4),
    second=st.integers(min_value=1, max_value=4),
    wider_first=st.booleans(),
)
def test_two_tables_on_a_sheet_lose_no_row(
    tmp_path: Path, first: int, second: int, *, wider_first: bool
) -> None:
    """Whichever of two tables names more columns, every row of each is an action, in order."""
    rows = _two_tables(first, second)
    if wider_first:
        # the wider table on top: the same rows, the tables swapped
        rows = [*rows[first + 2 :], [None], *rows[: first + 1]]
    doc = excel.load(build(tmp_path, rows))
    texts = [f"First {i}" for i in range(first)]
    seconds = [f"Second {i}" for i in range(second)]
    assert (seconds + texts if wider_first else texts + seconds, 2) == (
        [a.text for a in doc.actions],
        len(doc.plans),
    )
