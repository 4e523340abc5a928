"""The Excel reader's title rows (``Label: value`` above the header) and header mapping
(a bare ``Date`` beside an exact deadline column, headers with a hint in parentheses)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel
from govtrack.io.columns import (
    ALIASES,
    GENERIC_HEADERS,
    header_key,
    header_match,
    merge_aliases,
    normalise_header,
)
from strategies import header_hints, title_pairs
from test_excel_read import build, codes, problem

PLAN_HEADER = ["Action", "Responsible", "Deadline", "Status"]
PLAN_ROW = ["Hire a data clerk", "HR Unit", "2023/06", "Ongoing"]
MR_HEADER = ["Recommendation", "Key action", "Responsible", "Deadline", "Status"]
MR_ROW = ["Publish the menus", "Buy from local farms", "Supply", "2022/06", "Completed"]
PROGRESS_HEADER = ["Activity", "Implementation status", "On schedule", "Behind schedule"]
PROGRESS_ROW = ["Map the shelters", "Ongoing", "x", ""]


def _due(action: gt.Action) -> str:
    """The deadline as read: its text when read, else the text left unread."""
    return action.due.text if action.due else action.due_text


# ---------------------------------------------------------------------------
# Title rows


def test_period_above_an_action_matrix_is_kept_in_extra(tmp_path: Path) -> None:
    """Regression: a Period: row above an action matrix was dropped (an ActionPlan has no
    period); it is kept in the plan's extra under its label, beside Office:."""
    rows = [
        ["Follow-up of the spring board retreat"],
        ["Period:", "January to June 2023"],
        ["Office:", "Northern Field Office"],
        [],
        PLAN_HEADER,
        PLAN_ROW,
    ]
    plan = excel.load(build(tmp_path, rows)).plans[0]
    assert (
        "Follow-up of the spring board retreat",
        {"Period": "January to June 2023", "Office": "Northern Field Office"},
    ) == (plan.title, dict(plan.extra))


LABELS = ["Period:", "Office:", "Country:", "Approval status:", "Working group:", "Title:"]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            PLAN_HEADER,
            PLAN_ROW,
            {
                "title": "V6",
                "extra": {
                    "Period": "V1",
                    "Office": "V2",
                    "Country": "V3",
                    "Approval status": "V4",
                    "Working group": "V5",
                },
            },
        ),
        (
            MR_HEADER,
            MR_ROW,
            {
                "title": "V6",
                "period": "V1",
                "office": "V2",
                "country": "V3",
                "approval": "V4",
                "extra": {"Working group": "V5"},
            },
        ),
        (
            PROGRESS_HEADER,
            PROGRESS_ROW,
            {
                "title": "V6",
                "period_text": "V1",
                "working_group": "V5",
                "extra": {"Office": "V2", "Country": "V3", "Approval status": "V4"},
            },
        ),
    ],
    ids=["action matrix", "management response", "progress"],
)
def test_every_title_label_goes_to_a_field_or_extra(
    tmp_path: Path, header: list[str], row: list[str], expected: dict[str, Any]
) -> None:
    """Regression: a label the record has no field for (Period: and Office: on a plan,
    Working group: on an evaluation, Office: on a report) was dropped, or taken for the title
    and then lost to Title:; each now fills its field or goes to extra under its label."""
    rows: list[list[Any]] = [[label, f"V{n}"] for n, label in enumerate(LABELS, 1)]
    doc = excel.load(build(tmp_path, [*rows, [], header, row]))
    record = (doc.plans or doc.evaluations or doc.reports)[0]
    actual = {key: getattr(record, key) for key in expected if key != "extra"}
    actual["extra"] = dict(record.extra)
    unread = ["GT234"] if "period_text" in expected else []  # a report's period V1 is no date
    assert (expected, unread) == (actual, codes(doc))


def test_a_period_alone_leaves_the_sheet_name_as_title(tmp_path: Path) -> None:
    """A plan whose only title row is Period: is titled by its sheet, the period kept in extra."""
    rows = [["Period:", "January to June 2023"], PLAN_HEADER, PLAN_ROW]
    plan = excel.load(build(tmp_path, rows, title="Retreat")).plans[0]
    assert ("Retreat", {"Period": "January to June 2023"}) == (plan.title, dict(plan.extra))


def test_a_labelled_row_is_not_the_title(tmp_path: Path) -> None:
    """Regression: a first title row ``Prepared by: | …`` was the plan's title; the first
    row without a label is, and the labelled one goes to extra."""
    rows = [
        ["Prepared by:", "Planning Unit"],
        ["Action plan of the spring retreat"],
        PLAN_HEADER,
        PLAN_ROW,
    ]
    plan = excel.load(build(tmp_path, rows)).plans[0]
    assert ("Action plan of the spring retreat", {"Prepared by": "Planning Unit"}) == (
        plan.title,
        dict(plan.extra),
    )


def test_a_known_label_in_one_cell_is_not_the_title(tmp_path: Path) -> None:
    """Regression: ``Period: 2023`` in one cell, first of the title rows, was the plan's title
    and its period was nowhere else; it goes to extra."""
    rows = [["Reporting period: first half of 2023"], PLAN_HEADER, PLAN_ROW]
    plan = excel.load(build(tmp_path, rows, title="Plan")).plans[0]
    assert ("Plan", {"Reporting period": "first half of 2023"}) == (plan.title, dict(plan.extra))


def test_a_title_with_a_colon_stays_the_title(tmp_path: Path) -> None:
    """A first title row ``Management response: …`` in one cell is still the title."""
    rows = [["Management response: review of the meals scheme"], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("Management response: review of the meals scheme", {}) == (
        evaluation.title,
        dict(evaluation.extra),
    )


def test_a_title_label_keeps_the_line_it_replaces(tmp_path: Path) -> None:
    """Regression: with a Title: row, the first unlabelled title row was dropped; it is kept
    in extra under its cell."""
    rows = [["Ministry of Water"], ["Title:", "Plan of the spring retreat"], PLAN_HEADER, PLAN_ROW]
    plan = excel.load(build(tmp_path, rows)).plans[0]
    assert ("Plan of the spring retreat", {"A1": "Ministry of Water"}) == (
        plan.title,
        dict(plan.extra),
    )


def test_label_pairs_on_one_row_are_split(tmp_path: Path) -> None:
    """Regression: ``Office: | … | | Period: | … | | Approval status: | …`` on one row all
    went to the office; each label starts a pair of its own."""
    rows = [
        ["Management response: review of the meals scheme"],
        [
            "Office:",
            "West Region Office",
            None,
            "Period:",
            "2020-2022",
            None,
            "Approval status:",
            "Approved",
            None,
            "Prepared by:",
            "Evaluation Unit",
        ],
        [],
        MR_HEADER,
        MR_ROW,
    ]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("West Region Office", "2020-2022", "Approved", {"Prepared by": "Evaluation Unit"}) == (
        evaluation.office,
        evaluation.period,
        evaluation.approval,
        dict(evaluation.extra),
    )


def test_a_repeated_label_keeps_both_values(tmp_path: Path) -> None:
    """A label given twice keeps its first value in the field and the second under its cell."""
    rows = [["Office:", "West"], ["Office:", "East"], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("West", {"A2": "Office: East"}) == (evaluation.office, dict(evaluation.extra))


_PAIR_HEADER = ["Action", "Responsible", "Deadline", "Status"]


@given(title_pairs, st.lists(st.integers(0, 2), min_size=20, max_size=20))
def test_label_pairs_on_one_row_read_back(pairs: list[tuple[str, str]], gaps: list[int]) -> None:
    """Any ``Label: | value`` pairs laid out on one title row, with empty cells anywhere
    between them, come back as the same pairs in the plan's extra."""
    row: list[Any] = []
    for n, (label, value) in enumerate(pairs):
        row += [None] * gaps[2 * n] + [f"{label}:"] + [None] * gaps[2 * n + 1] + [value]
    with tempfile.TemporaryDirectory() as folder:
        doc = excel.load(build(Path(folder), [row, _PAIR_HEADER, PLAN_ROW], title="Plan"))
    plan = doc.plans[0]
    assert ("Plan", dict(pairs)) == (plan.title, dict(plan.extra))


def test_a_period_from_to_row_is_one_pair(tmp_path: Path) -> None:
    """Regression: ``Period: | From: | Jan 2023 | To: | Jun 2023`` left the period empty and
    scattered the row into extra (``A1``, ``From``, ``To``); the range is the period."""
    rows = [["Period:", "From:", "Jan 2023", "To:", "Jun 2023"], [], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("From: Jan 2023 To: Jun 2023", {}) == (evaluation.period, dict(evaluation.extra))


def test_a_to_label_after_a_value_continues_the_period(tmp_path: Path) -> None:
    """``Period: | Jan 2023 | To: | Jun 2023`` is one pair; ``To:`` starts none of its own."""
    rows = [["Period:", "Jan 2023", "To:", "Jun 2023"], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("Jan 2023 To: Jun 2023", {}) == (evaluation.period, dict(evaluation.extra))


@pytest.mark.parametrize(
    ("row", "extra"),
    [
        (["Prepared by:", "M&E Unit", "To:", "The Board"], {"Prepared by": "M&E Unit", "To": "The Board"}),
        (["Date:", "2023-01-31", "To:", "Country Office"], {"Date": "2023-01-31", "To": "Country Office"}),
    ],
)  # fmt: skip
def test_a_to_label_before_a_recipient_is_a_pair_of_its_own(
    tmp_path: Path, row: list[str], extra: dict[str, str]
) -> None:
    """Regression: ``Prepared by: | M&E Unit | To: | The Board`` gave ``Prepared by`` the
    value ``M&E Unit To: The Board``; ``To:`` continues a range only before a date."""
    rows = [row, [], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert extra == dict(evaluation.extra)


def test_a_blank_label_does_not_take_the_next_pair(tmp_path: Path) -> None:
    """A label left blank (``Office: | | Period: | 2020-2022``) does not take the next pair as
    its value: Period is read, the blank Office kept under its cell."""
    rows = [["Office:", None, "Period:", "2020-2022"], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("", "2020-2022", {"A1": "Office:"}) == (
        evaluation.office,
        evaluation.period,
        dict(evaluation.extra),
    )


def test_pairs_each_in_one_cell_are_split(tmp_path: Path) -> None:
    """Regression: ``Country: Kenya | Period: 2020-2022`` (each pair in one cell) gave the
    country ``Kenya Period: 2020-2022``; each cell is a pair of its own."""
    rows = [["Country: Kenya", "Period: 2020-2022"], [], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("Kenya", "2020-2022", {}) == (
        evaluation.country,
        evaluation.period,
        dict(evaluation.extra),
    )


@pytest.mark.parametrize(
    "cell",
    [
        "Country: Kenya   Period: 2022-2023   Office: Nairobi",
        "Country: Kenya\tPeriod: 2022-2023\tOffice: Nairobi",
    ],
)
def test_pairs_spaced_apart_in_one_cell_are_split(tmp_path: Path, cell: str) -> None:
    """Regression: ``Country: Kenya   Period: 2022-2023   Office: Nairobi`` in one cell gave
    the country the rest of the cell; pairs spaced apart (two spaces, a tab) are split."""
    rows = [[cell], [], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("Kenya", "2022-2023", "Nairobi", {}) == (
        evaluation.country,
        evaluation.period,
        evaluation.office,
        dict(evaluation.extra),
    )


def test_a_value_spaced_out_without_a_label_after_it_stays_whole(tmp_path: Path) -> None:
    """Two spaces inside a value are no cut unless a `Label: value` follows them."""
    rows = [["Office:  Nairobi  and Kisumu"], [], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert "Nairobi  and Kisumu" == evaluation.office


def test_a_value_with_a_colon_stays_its_labels(tmp_path: Path) -> None:
    """A label cell's value reading ``Label: value`` is still its value, not a pair."""
    rows = [["Title:", "Evaluation: the school meals scheme"], MR_HEADER, MR_ROW]
    evaluation = excel.load(build(tmp_path, rows)).evaluations[0]
    assert ("Evaluation: the school meals scheme", {}) == (
        evaluation.title,
        dict(evaluation.extra),
    )


def test_a_sentence_ending_with_a_colon_is_the_title(tmp_path: Path) -> None:
    """Regression: a one-cell title ending with ``:`` (``Follow-up actions agreed at the
    retreat:``) was taken for a label with no value and the sheet's name was the title."""
    rows = [["Follow-up actions agreed at the retreat:"], [], PLAN_HEADER, PLAN_ROW]
    plan = excel.load(build(tmp_path, rows)).plans[0]
    assert ("Follow-up actions agreed at the retreat:", {}) == (plan.title, dict(plan.extra))


@pytest.mark.parametrize("label", ["Prepared by:", "Period:", "Approval status:"])
def test_a_short_label_alone_is_not_the_title(tmp_path: Path, label: str) -> None:
    """A short label alone on its row, blank, is no title: it is kept under its cell."""
    rows = [[label], PLAN_HEADER, PLAN_ROW]
    plan = excel.load(build(tmp_path, rows, title="Plan")).plans[0]
    assert ("Plan", {"A1": label}) == (plan.title, dict(plan.extra))


@given(title_pairs, st.lists(st.integers(0, 2), min_size=5, max_size=5))
def test_label_pairs_in_one_cell_each_read_back(
    pairs: list[tuple[str, str]], gaps: list[int]
) -> None:
    """Any ``Label: value`` pairs written one to a cell on a title row, with empty cells
    between them, come back as the same pairs in the plan's extra."""
    row: list[Any] = []
    for n, (label, value) in enumerate(pairs):
        row += [None] * gaps[n] + [f"{label}: {value}"]
    with tempfile.TemporaryDirectory() as folder:
        rows = [["Plan of the retreat"], row, _PAIR_HEADER, PLAN_ROW]
        doc = excel.load(build(Path(folder), rows, title="Plan"))
    plan = doc.plans[0]
    assert ("Plan of the retreat", dict(pairs)) == (plan.title, dict(plan.extra))


# ---------------------------------------------------------------------------
# A bare Date beside an exact deadline column


def test_deadline_column_beats_a_bare_date(tmp_path: Path) -> None:
    """Regression: in ``Date | Decision | … | Deadline`` the meeting date was every decision's
    deadline and the Deadline column went to extra; the exact header wins, Date goes to extra."""
    rows = [
        ["Date", "Decision", "Responsible", "Deadline", "Status"],
        [
            dt.date(2022, 10, 4),
            "Circulate the budget",
            "Finance",
            dt.date(2023, 3, 31),
            "Ongoing",
        ],
    ]
    doc = excel.load(build(tmp_path, rows, title="Decisions"))
    action = doc.actions[0]
    gt206 = problem(doc, "GT206")
    assert (
        dt.date(2023, 3, 31),
        {"Date": "2022-10-04"},
        ("Decisions!A1", "Date"),
        (
            "column 'Date' could name the deadline, but column 'Deadline' (D) names it more "
            "exactly; that one is read, this one is kept in extra"
        ),
    ) == (
        action.due.end if action.due else None,
        dict(action.extra),
        (str(gt206.location), gt206.location.header if gt206.location else ""),
        gt206.message,
    )


@pytest.mark.parametrize("exact", ["Due date", "Target date", "Deadline (mm/yyyy)", "Timeframe"])
def test_any_exact_deadline_header_beats_a_bare_date(tmp_path: Path, exact: str) -> None:
    """Regression: a Date column left of Due date, Target date (…) was read as the deadline."""
    rows = [["Date", "Action", exact], ["2022-10-04", "Hire", "2023-06-30"]]
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert ("2023-06-30", {"Date": "2022-10-04"}) == (_due(action), dict(action.extra))


def test_a_bare_date_alone_is_the_deadline(tmp_path: Path) -> None:
    """With no other deadline column, a Date column is still the deadline."""
    rows = [["Action", "Responsible", "Date"], ["Hire", "HR", "2023-06-30"]]
    doc = excel.load(build(tmp_path, rows))
    assert ("2023-06-30", [], {}) == (
        _due(doc.actions[0]),
        [code for code in codes(doc) if code == "GT206"],
        dict(doc.actions[0].extra),
    )


def test_two_exact_deadline_columns_keep_the_first(tmp_path: Path) -> None:
    """Of two exact deadline headers the first is read, as before (GT206 on the second)."""
    rows = [["Action", "Deadline", "Due date"], ["Hire", "2023-06-30", "2023-09-30"]]
    doc = excel.load(build(tmp_path, rows))
    assert ("2023-06-30", {"Due date": "2023-09-30"}, "GT206") == (
        _due(doc.actions[0]),
        dict(doc.actions[0].extra),
        problem(doc, "GT206").code,
    )


# ---------------------------------------------------------------------------
# Headers with a hint in parentheses


def test_headers_with_hints_are_recognised(tmp_path: Path) -> None:
    """Regression: a workbook whose headers carry a hint (``Key Action(s)\\n(what will be
    done)``, ``Deadline (mm/yyyy)``, ``Status (Completed/Ongoing/Not started)``) was refused;
    the hints are ignored and the headers as written are the fields' labels."""
    header = [
        "Key Action(s)\n(what will be done)",
        "Responsible (unit or person)",
        "Deadline (mm/yyyy)",
        "Status (Completed/Ongoing/Not started)",
    ]
    doc = excel.load(build(tmp_path, [header, ["Hire", "HR", "06/2023", "Ongoing"]]))
    action = doc.actions[0]
    assert (
        ("Hire", ("HR",), "06/2023", gt.Status.ONGOING),
        [],
        {
            "action": "Key Action(s) (what will be done)",
            "responsible": "Responsible (unit or person)",
            "deadline": "Deadline (mm/yyyy)",
            "status": "Status (Completed/Ongoing/Not started)",
        },
    ) == (
        (action.text, action.responsible, _due(action), action.status),
        codes(doc),
        dict(action.origin.labels) if action.origin else {},
    )


def test_a_hinted_decision_header_makes_a_decision_log(tmp_path: Path) -> None:
    """A Decision column with a hint is still a decision log's (the GT207 message says so)."""
    rows = [["Decision (what was agreed)", "Deadline"], ["Circulate the minutes", "2023"]]
    doc = excel.load(build(tmp_path, rows))
    assert "decision log" in problem(doc, "GT207").message


def test_original_and_revised_hints_keep_their_meaning(tmp_path: Path) -> None:
    """``Deadline (original)`` and ``Deadline (revised)`` are read as before: the revised
    date is the deadline, the original kept in extra; a date-format hint on ``Original
    deadline`` and ``Revised deadline`` does not stop them being read so."""
    rows = [
        ["Action", "Deadline (original)", "Deadline (revised)"],
        ["Hire", "2023/06", "2023/09"],
    ]
    hinted = [
        ["Action", "Original deadline (mm/yyyy)", "Revised deadline (mm/yyyy)"],
        ["Hire", "2023/06", "2023/09"],
    ]
    plain = excel.load(build(tmp_path, rows)).actions[0]
    formatted = excel.load(build(tmp_path, hinted, name="hinted.xlsx")).actions[0]
    assert (
        ("2023/09", {"Deadline (original)": "2023/06"}),
        ("2023/09", {"Original deadline (mm/yyyy)": "2023/06"}),
    ) == ((_due(plain), dict(plain.extra)), (_due(formatted), dict(formatted.extra)))


def test_dated_status_columns_are_rounds_not_a_hinted_status(tmp_path: Path) -> None:
    """``Status (Dec 2022)`` | ``Status (Jun 2023)`` are two rounds, not a hinted Status (no
    GT206 for two columns of one field): the latest is the status, the earlier an update."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status (Dec 2022)", "Status (Jun 2023)"],
        ["Hire", "HR", "2023/06", "Ongoing", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert (gt.Status.COMPLETED, {}, [("Dec 2022", "Ongoing")], ["GT231"]) == (
        action.status,
        dict(action.extra),
        [(update.on.text if update.on else "", update.text) for update in action.updates],
        [issue.code for issue in doc.problems],
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Deadline (original)", None),
        ("Deadline (as written)", None),
        ("Deadline (D)", None),
        ("Status (RAG)", None),
        ("Status (Q1)", None),
        ("Status (June)", None),
        ("Date (of the meeting)", None),
        ("Date (dd/mm/yyyy)", "deadline"),
        ("Deadline (revised)", "revised_deadline"),
        ("Comments\n(if any)", "comments"),
        ("Remarks/Comments (free text)", "comments"),
        ("Action (Number)", None),
        ("Key action (ref)", None),
        ("Action (cost)", None),
        ("Status (percent)", None),
        ("Responsible (support)", None),
        ("Status (of recommendation)", None),
        ("Recommendation (accepted?)", None),
        ("Deadline\n(original)", None),
        ("Status (of key action)", "status"),
        ("Deadline (by when)", "deadline"),
        ("Responsible (Lead/Support)", "responsible"),
        ("Responsible\n(unit)", "responsible"),
        ("Risks\n(briefly)", None),
        ("Comments (e.g. risks met)", "comments"),
    ],
)
def test_which_parentheticals_are_hints(header: str, expected: str | None) -> None:
    """A parenthetical naming a version, a round, a column letter, which date or another
    thing (``(Number)``, ``(cost)``, ``(of recommendation)``) stays part of the header; a date
    format, the values allowed, an explanation or any note on a line of its own is a hint."""
    assert expected == header_key(header, merge_aliases())


_LOOKUP = merge_aliases()
_ALIASES = [
    alias
    for aliases in ALIASES.values()
    for alias in aliases
    if normalise_header(alias) not in GENERIC_HEADERS  # Date (…) is test_which_parentheticals…
]


@given(st.sampled_from(_ALIASES), header_hints, st.sampled_from([" ", "", "\n", " \n", "  "]))
def test_an_alias_with_a_hint_names_its_column(alias: str, hint: str, gap: str) -> None:
    """Any header alias followed by a hint in parentheses, on its line or the next, names the
    alias's column."""
    assert header_key(alias, _LOOKUP) == header_key(f"{alias}{gap}({hint})", _LOOKUP)


def test_the_text_matrix_reader_ignores_hints_too() -> None:
    """A pipe matrix's headers with hints are recognised as the workbook's are."""
    text = (
        "| Action | Responsible | Deadline (mm/yyyy) | Status (Completed/Ongoing) |\n"
        "|---|---|---|---|\n"
        "| Hire a clerk | HR | 06/2023 | Ongoing |\n"
    )
    doc = gt.loads(text, format="matrix")
    action = doc.actions[0]
    assert ("06/2023", gt.Status.ONGOING, {}, []) == (
        _due(action),
        action.status,
        dict(action.extra),
        [issue.code for issue in doc.problems],
    )


# ---------------------------------------------------------------------------
# A header as written beats one read without its hint


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            ["Action (Number)", "Action", "Responsible", "Deadline", "Status"],
            ["7", "Hire a clerk", "HR", "2023/06", "Ongoing"],
            ("Hire a clerk", gt.Status.ONGOING, {"Action (Number)": "7"}),
        ),
        (
            ["Action", "Responsible", "Deadline", "Status (percent)", "Status"],
            ["Hire a clerk", "HR", "2023/06", "40", "Completed"],
            ("Hire a clerk", gt.Status.COMPLETED, {"Status (percent)": "40"}),
        ),
        (
            [
                "Recommendation",
                "Status (of recommendation)",
                "Key action",
                "Responsible",
                "Deadline",
                "Status (of key action)",
            ],
            [
                "Publish the menus",
                "Partially implemented",
                "Buy local",
                "Supply",
                "2022/06",
                "Completed",
            ],
            (
                "Buy local",
                gt.Status.COMPLETED,
                {"Status (of recommendation)": "Partially implemented"},
            ),
        ),
    ],
    ids=["action number", "status percent", "status of recommendation"],
)
def test_a_parenthetical_naming_another_thing_does_not_take_the_column(
    tmp_path: Path, header: list[str], row: list[str], expected: tuple[Any, ...]
) -> None:
    """Regression: a header whose parenthetical names another thing, left of the exact header
    (``Action (Number) | Action``), took its column: the action text was ``7``, the status left
    unread, a key action given its recommendation's status; it is kept in extra."""
    action = excel.load(build(tmp_path, [header, row])).actions[0]
    assert expected == (action.text, action.status, dict(action.extra))


def test_a_header_as_written_beats_a_hinted_one(tmp_path: Path) -> None:
    """Regression: ``Status (Completed/Ongoing) | … | Status`` read the hinted column as the
    status; the header as written is read, the hinted one kept in extra and GT206 says why."""
    rows = [
        ["Status (Completed/Ongoing)", "Action", "Status"],
        ["Ongoing", "Hire a clerk", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    gt206 = problem(doc, "GT206")
    assert (
        gt.Status.COMPLETED,
        {"Status (Completed/Ongoing)": "Ongoing"},
        "Matrix!A1",
        (
            "column 'Status (Completed/Ongoing)' names the status only without what follows "
            "in parentheses, and column 'Status' (C) names it as written; that one is read, "
            "this one is kept in extra"
        ),
    ) == (action.status, dict(action.extra), str(gt206.location), gt206.message)


def test_two_hinted_headers_of_one_field_are_both_kept(tmp_path: Path) -> None:
    """Two headers naming the status only without their hints (``Status (Completed/Ongoing) |
    Status (Yes/No)``) are told apart by them: neither is the status, both stay in extra, and
    GT206 says so on each."""
    rows = [
        ["Action", "Responsible", "Status (Completed/Ongoing)", "Status (Yes/No)"],
        ["Hire a clerk", "HR", "Ongoing", "Yes"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    messages = [issue.message for issue in doc.problems if issue.code == "GT206"]
    assert (
        None,
        {"Status (Completed/Ongoing)": "Ongoing", "Status (Yes/No)": "Yes"},
        [
            (
                "column 'Status (Completed/Ongoing)' and column 'Status (Yes/No)' (D) both name "
                "the status only without what follows in parentheses, which tells them apart; "
                "govtrack does not choose one, so each is kept in extra (pass aliases= to name "
                "the one to read)"
            ),
            (
                "column 'Status (Yes/No)' and column 'Status (Completed/Ongoing)' (C) both name "
                "the status only without what follows in parentheses, which tells them apart; "
                "govtrack does not choose one, so each is kept in extra (pass aliases= to name "
                "the one to read)"
            ),
        ],
    ) == (action.status, dict(action.extra), messages)


_HINTABLE = [
    alias
    for alias in _ALIASES
    if header_match(alias, _LOOKUP) == (header_key(alias, _LOOKUP), False)
]


@given(
    st.sampled_from(_HINTABLE),
    header_hints,
    st.sampled_from([" ", "\n"]),
    st.booleans(),
    st.integers(0, 2),
)
def test_the_header_as_written_wins_wherever_it_stands(
    alias: str, hint: str, gap: str, hinted_first: bool, between: int
) -> None:
    """Of an alias with a hint and the alias as written, in either order and with other
    cells between, the column read is the alias as written."""
    hinted = f"{alias}{gap}({hint})"
    cells: list[Any] = [hinted, *["Unknown column"] * between, alias]
    if not hinted_first:
        cells.reverse()
    key = header_key(alias, _LOOKUP)
    assert key is not None
    _, keys, ambiguous = excel._score(cells, _LOOKUP)
    assert (cells.index(alias), ()) == (keys[key], ambiguous)


_OTHER_HEADERS = [
    alias
    for alias in _ALIASES
    if "/" not in alias
    and not any(char.isdigit() for char in alias)
    and normalise_header(alias).split()[0] not in {"who", "by", "if", "name"}
]


@given(st.sampled_from(_ALIASES), st.sampled_from(_OTHER_HEADERS))
def test_a_parenthetical_naming_another_column_is_no_hint(alias: str, other: str) -> None:
    """``A (B)``, where B is another column's header (``Action (Number)``), names what its
    words name as written (``Action Number``: usually nothing), never A's column by dropping
    B."""
    if header_key(other, _LOOKUP) == header_key(alias, _LOOKUP):
        return  # a synonym in parentheses glosses the header: Deadline (Due date)
    assert header_key(f"{alias} {other}", _LOOKUP) == header_key(f"{alias} ({other})", _LOOKUP)


def test_the_text_matrix_reader_prefers_the_header_as_written() -> None:
    """Regression: in a pipe matrix ``Action (Number) | Action`` read the action text as ``7``
    (GT322 on the real one), and a hinted or bare ``Date`` header left of the exact one took
    its column; the header as written is read, the other kept in extra."""
    text = (
        "| Action (Number) | Action | Status (Completed/Ongoing) | Date | Deadline | Status |\n"
        "|---|---|---|---|---|---|\n"
        "| 7 | Hire a clerk | Ongoing | 2022-10-04 | 2023-06-30 | Completed |\n"
    )
    doc = gt.loads(text, format="matrix")
    action = doc.actions[0]
    assert (
        "Hire a clerk",
        gt.Status.COMPLETED,
        "2023-06-30",
        {"Action (Number)": "7", "Status (Completed/Ongoing)": "Ongoing", "Date": "2022-10-04"},
        [
            (
                "column 'Status (Completed/Ongoing)' could name the 'Status' column, but "
                "'Status' names it more exactly; it is kept in extra"
            ),
            (
                "column 'Date' could name the 'Deadline' column, but 'Deadline' names it more "
                "exactly; it is kept in extra"
            ),
        ],
    ) == (
        action.text,
        action.status,
        _due(action),
        dict(action.extra),
        [issue.message for issue in doc.problems if issue.code == "GT322"],
    )


def test_two_hinted_headers_in_a_text_matrix_are_both_kept() -> None:
    """In a pipe matrix two headers naming the status only without their hints are both kept
    in extra (GT322 on each), neither read as the status."""
    text = (
        "| Action | Status (Completed/Ongoing) | Status (Yes/No) |\n"
        "|---|---|---|\n"
        "| Hire a clerk | Ongoing | Yes |\n"
    )
    doc = gt.loads(text, format="matrix")
    action = doc.actions[0]
    assert (None, {"Status (Completed/Ongoing)": "Ongoing", "Status (Yes/No)": "Yes"}, 2) == (
        action.status,
        dict(action.extra),
        [issue.code for issue in doc.problems].count("GT322"),
    )
