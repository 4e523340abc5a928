"""The Excel reader on duration columns and on a status column per follow-up round."""

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
from govtrack.io.columns import ALIASES, header_key, merge_aliases
from test_excel_read import build, problem

_LOOKUP = merge_aliases()


def _updates(action: gt.Action) -> list[tuple[str, str]]:
    return [(update.on.text if update.on else "", update.text) for update in action.updates]


# ---------------------------------------------------------------------------
# A duration is not a deadline


@pytest.mark.parametrize(
    "header",
    [
        "Timeline\n(months)",
        "Timeframe (months/years)",
        "Time-frame\n(in months)",
        "Time frame (weeks or days)",
        "Timeline (months, from approval)",
        "Timeline (months)",
        "Duration (weeks)",
        "Timeframe (in months)",
        "Time frame (days)",
        "Timeline (no. of months)",
        "Target dates\n(in weeks)",
    ],
)
def test_a_duration_column_is_not_the_deadline(tmp_path: Path, header: str) -> None:
    """Regression: a date header whose hint names a unit of duration (``Timeline\\n(months)``,
    ``Timeframe (months/years)``) was read as the deadline once the hint was stripped, its
    ``6`` and ``12`` the deadline texts (GT104); the values are kept in extra."""
    rows = [["Action", "Responsible", header, "Status"], ["Hire", "HR", 6, "Ongoing"]]
    rows.append(["Train", "HR", "12", "Completed"])
    doc = excel.load(build(tmp_path, rows))
    label = " ".join(header.split())
    assert [(None, "", {label: "6"}), (None, "", {label: "12"})] == [
        (action.due, action.due_text, dict(action.extra)) for action in doc.actions
    ]
    assert not [i for i in gt.validate(doc, on=dt.date(2024, 1, 1)) if i.code == "GT104"]


def test_a_duration_column_says_what_it_is(tmp_path: Path) -> None:
    """The GT205 of a duration column says it is a duration, beside the deadline read."""
    rows = [
        ["Action", "Responsible", "Timeline\n(months)", "Deadline", "Status"],
        ["Hire", "HR", 6, "Dec 2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    gt205 = problem(doc, "GT205")
    assert (
        "Dec 2023",
        {"Timeline (months)": "6"},
        "Matrix!C1",
        (
            "column 'Timeline (months)' gives a duration (months), not a deadline; "
            "kept verbatim in extra"
        ),
    ) == (
        action.due.text if action.due else None,
        dict(action.extra),
        str(gt205.location),
        gt205.message,
    )


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("Timeline", "Q3 2023", "Q3 2023"),
        ("Timeframe", "Dec 2023", "Dec 2023"),
        ("Timeframe (month)", "Jun 2023", "Jun 2023"),  # a unit alone: a date format
        ("Timeline (month/year)", "06/2023", "06/2023"),
        ("Timeframe (quarter)", "Q1 2024", "Q1 2024"),
    ],
)
def test_a_timeline_of_dates_stays_the_deadline(
    tmp_path: Path, header: str, cell: str, expected: str
) -> None:
    """A plain ``Timeline`` or ``Timeframe``, or one asking for a month or a quarter, holding
    dates is the deadline."""
    rows = [["Action", "Responsible", header, "Status"], ["Hire", "HR", cell, "Ongoing"]]
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert (expected, {}) == (action.due.text if action.due else None, dict(action.extra))


_DATE_ALIASES = [*ALIASES["deadline"], *ALIASES["revised_deadline"], *ALIASES["timeframe"]]
_UNITS = ("day", "week", "month", "year", "quarter", "mth", "wk", "yr")
unit_hints = st.one_of(
    st.tuples(
        st.sampled_from(("", "in ", "no. of ", "number of ", "# of ", "estimated ", "total ")),
        st.lists(st.sampled_from(_UNITS).map(lambda unit: f"{unit}s"), min_size=1, max_size=3),
        st.sampled_from(("/", " or ", ", ")),
    ).map(lambda parts: parts[0] + parts[2].join(parts[1])),
    st.tuples(
        st.sampled_from(("in ", "no. of ", "number of ", "# of ")),
        st.sampled_from(_UNITS),
    ).map("".join),
)
"""Hints naming units of duration: ``months``, ``in weeks``, ``no. of days``, ``months/years``."""


@given(
    st.sampled_from(_DATE_ALIASES),
    unit_hints,
    st.sampled_from([" ", "", "\n", " \n"]),
    st.booleans(),
)
def test_a_unit_hint_header_is_never_a_date_column(
    alias: str, hint: str, gap: str, upper: bool
) -> None:
    """Any date header followed by a hint naming a unit of duration, on its line or the
    next, names no column (so a reader keeps it in extra)."""
    hint = hint.upper() if upper else hint
    assert header_key(f"{alias}{gap}({hint})", _LOOKUP) is None


@given(st.sampled_from(_DATE_ALIASES), unit_hints, st.integers(1, 60))
def test_a_unit_hint_column_is_kept_in_extra(alias: str, hint: str, number: int) -> None:
    """A workbook with a unit-hint header beside a Deadline reads the Deadline's date and
    keeps the number, as written, in extra under the header."""
    header = f"{alias} ({hint})"
    rows: list[list[Any]] = [
        ["Action", "Responsible", "Deadline", header, "Status"],
        ["Hire", "HR", "Dec 2023", number, "Ongoing"],
    ]
    path = build(Path(tempfile.mkdtemp()), rows)
    action = excel.load(path).actions[0]
    assert ("Dec 2023", {" ".join(header.split()): str(number)}) == (
        action.due.text if action.due else None,
        dict(action.extra),
    )


# ---------------------------------------------------------------------------
# A status column per follow-up round


@pytest.mark.parametrize(
    ("earlier", "latest", "when"),
    [
        ("Status (Dec 2022)", "Status (Jun 2023)", "Dec 2022"),
        ("Status as of 31/12/2022", "Status as of 30/06/2023", "31/12/2022"),
        ("Progress Dec 2022", "Progress June 2023", "Dec 2022"),
        ("Implementation status - Dec 2022", "Implementation status - Jun 2023", "Dec 2022"),
        ("Status (Q4 2022)", "Status (Q2 2023)", "Q4 2022"),
        ("Status (as of Dec 2022)", "Status: June 2023", "Dec 2022"),
    ],
)
@pytest.mark.parametrize("latest_first", [False, True])
def test_the_latest_status_round_is_the_status(
    tmp_path: Path, earlier: str, latest: str, when: str, latest_first: bool
) -> None:
    """Regression: with a status column per round and no plain Status, no status was read
    (GT207); the latest-dated column is the status, each earlier one an update of its date,
    and GT231 says so at the latest column's header."""
    header = ["Action", "Responsible", "Deadline", earlier, latest]
    row = ["Hire", "HR", "2023", "Ongoing", "Completed"]
    if latest_first:
        header[3:], row[3:] = header[:2:-1], row[:2:-1]
    doc = excel.load(build(tmp_path, [header, row]))
    action = doc.actions[0]
    assert (gt.Status.COMPLETED, "Completed", [(when, "Ongoing")], {}, ["GT231"]) == (
        action.status,
        action.status_text,
        _updates(action),
        dict(action.extra),
        [issue.code for issue in doc.problems],
    )
    gt231 = problem(doc, "GT231")
    column = "D" if latest_first else "E"
    assert gt231.location is not None
    assert (f"Matrix!{column}1", latest) == (str(gt231.location), gt231.location.header)
    assert action.origin is not None
    assert column == action.origin.columns["status"]


def test_an_empty_latest_round_leaves_the_status_to_the_one_before(tmp_path: Path) -> None:
    """A row whose latest round is empty takes its status from the latest round filled,
    the origin's status cell that round's; the rounds before it are its updates."""
    rows = [
        ["Action", "Responsible", "Status (Jun 2022)", "Status (Dec 2022)", "Status (Jun 2023)"],
        ["Hire", "HR", "Not started", "Completed", None],
        ["Train", "HR", None, None, "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    hire, train = doc.actions
    assert hire.origin is not None
    assert train.origin is not None
    assert (
        (gt.Status.COMPLETED, [("Jun 2022", "Not started")], "D"),
        (gt.Status.ONGOING, [], "E"),
    ) == (
        (hire.status, _updates(hire), hire.origin.columns["status"]),
        (train.status, _updates(train), train.origin.columns["status"]),
    )


def test_one_dated_status_column_is_the_status(tmp_path: Path) -> None:
    """A lone ``Status as of 31/12/2022`` is the status column (GT231), not a missing one."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status as of 31/12/2022"],
        ["Hire", "HR", "2023", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    gt231 = problem(doc, "GT231")
    assert (
        gt.Status.ONGOING,
        ["GT231"],
        "the status is read from column 'Status as of 31/12/2022' (D), the status as of 31/12/2022",
    ) == (doc.actions[0].status, [issue.code for issue in doc.problems], gt231.message)


@pytest.mark.parametrize(
    ("dayfirst", "expected"),
    [
        (True, ("Completed", [("03/02/2023", "Ongoing")])),  # 2 March after 3 February
        (False, ("Ongoing", [("02/03/2023", "Completed")])),  # 3 February after 2 March
    ],
)
def test_round_dates_follow_dayfirst(
    tmp_path: Path, dayfirst: bool, expected: tuple[str, list[tuple[str, str]]]
) -> None:
    """Numeric dates in round headers are read by ``dayfirst=``, which orders the rounds."""
    rows = [
        ["Action", "Responsible", "Status as of 02/03/2023", "Status as of 03/02/2023"],
        ["Hire", "HR", "Completed", "Ongoing"],
    ]
    action = excel.load(build(tmp_path, rows), dayfirst=dayfirst).actions[0]
    assert expected == (action.status_text, _updates(action))


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("Status as of 02/03/2023", "Status as of 03/02/2023", "reads as two different days"),
        ("Status (June)", "Status (December)", "is no date govtrack reads"),
        ("Status (2022)", "Status (Dec 2022)", "end on the same day"),
        ("Status (H2 2022)", "Status (Q4 2022)", "end on the same day"),
    ],
)
def test_rounds_that_cannot_be_ordered_are_kept_in_extra(
    tmp_path: Path, first: str, second: str, why: str
) -> None:
    """Rounds whose dates are ambiguous (``dayfirst`` not given), missing or equal are not
    ordered: no status is read, both columns stay in extra, and GT232 says why."""
    rows = [["Action", "Responsible", first, second], ["Hire", "HR", "Ongoing", "Completed"]]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    gt232 = problem(doc, "GT232")
    assert (None, {first: "Ongoing", second: "Completed"}, (), "Matrix!C1", True) == (
        action.status,
        dict(action.extra),
        action.updates,
        str(gt232.location),
        why in gt232.message,
    )
    assert {"GT205", "GT207", "GT232"} == {issue.code for issue in doc.problems}


@pytest.mark.parametrize("header", ["Status of first phase", "Status (June)", "Status (2 of 4)"])
def test_a_lone_undated_status_header_is_no_round(tmp_path: Path, header: str) -> None:
    """A lone status header with a word or figure but no date after it is no round: kept in
    extra as before (GT205, GT207), no GT232."""
    rows = [["Action", "Responsible", "Deadline", header], ["Hire", "HR", "2023", "Ongoing"]]
    doc = excel.load(build(tmp_path, rows))
    assert ({header: "Ongoing"}, ["GT207", "GT205"]) == (
        dict(doc.actions[0].extra),
        [issue.code for issue in doc.problems],
    )


def test_a_lone_ambiguous_round_is_not_guessed(tmp_path: Path) -> None:
    """A lone ``Status as of 03/04/2023`` without ``dayfirst=`` is kept in extra (GT232); with
    it, the column is the status."""
    rows = [["Action", "Responsible", "Status as of 03/04/2023"], ["Hire", "HR", "Ongoing"]]
    path = build(tmp_path, rows)
    unread, read = excel.load(path), excel.load(path, dayfirst=True)
    assert (None, "GT232", gt.Status.ONGOING, "GT231") == (
        unread.actions[0].status,
        problem(unread, "GT232").code,
        read.actions[0].status,
        problem(read, "GT231").code,
    )


def test_a_plain_status_column_beside_dated_ones_is_the_status(tmp_path: Path) -> None:
    """With a plain Status column, dated status columns stay in extra, as before."""
    rows = [
        ["Action", "Responsible", "Status (Dec 2022)", "Status"],
        ["Hire", "HR", "Ongoing", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    assert (gt.Status.COMPLETED, {"Status (Dec 2022)": "Ongoing"}, ()) == (
        action.status,
        dict(action.extra),
        action.updates,
    )


def test_rounds_in_a_management_response_matrix(tmp_path: Path) -> None:
    """Key actions of a management-response matrix read their rounds too; an Updates
    column's notes follow the rounds' updates."""
    rows = [
        ["Recommendation", "Key action", "Responsible", "Deadline", "Status (Dec 2022)",
         "Status (Jun 2023)", "Updates"],
        ["Publish the menus", "Buy local", "Supply", "2023", "Not started", "Ongoing",
         "Mar 2023 Update: tender out"],
    ]  # fmt: skip
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert (gt.Status.ONGOING, [("Dec 2022", "Not started"), ("Mar 2023", "tender out")]) == (
        action.status,
        _updates(action),
    )


def test_rounds_read_back_from_what_govtrack_writes(tmp_path: Path) -> None:
    """A plan read from rounds writes to a workbook and to JSON and reads back equal."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status (Dec 2022)", "Status (Jun 2023)"],
        ["Hire", "HR", "2023", "Ongoing", "Completed"],
        ["Train", "HR", "2023", "Not started", None],
    ]
    doc = excel.load(build(tmp_path, rows))
    gt.dump(doc, tmp_path / "out.xlsx")
    assert doc.actions == gt.load(tmp_path / "out.xlsx").actions
    assert doc.actions == gt.loads(gt.dumps(doc, format="json"), format="json").actions


def test_both_engines_read_rounds_alike(tmp_path: Path) -> None:
    """calamine and openpyxl read a table of rounds and a duration column alike."""
    pytest.importorskip("python_calamine")
    rows = [
        ["Action", "Responsible", "Timeline\n(months)", "Status (Dec 2022)", "Status (Jun 2023)"],
        ["Hire", "HR", 6, "Ongoing", "Completed"],
        ["Train", "HR", 12, "Ongoing", None],
    ]
    path = build(tmp_path, rows)
    read = [excel.load(path, engine=engine) for engine in ("openpyxl", "calamine")]
    assert read[0] == read[1]
    assert read[0].problems == read[1].problems


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WORDS = ("Ongoing", "Completed", "Not started", "Over due", "In progress", "Delayed", "")


@given(
    st.lists(st.integers(0, 47), min_size=1, max_size=5, unique=True),
    st.data(),
)
def test_the_latest_of_shuffled_rounds_is_the_status(months: list[int], data: Any) -> None:
    """With N dated status columns in any order, the status is the latest filled round's,
    each earlier filled round an update (oldest first), and no cell is dropped."""
    shapes = data.draw(
        st.lists(
            st.sampled_from(("Status ({m} {y})", "Status as of {m} {y}", "Progress {m} {y}")),
            min_size=len(months),
            max_size=len(months),
        )
    )
    whens = [f"{_MONTHS[month % 12]} {2021 + month // 12}" for month in months]
    headers = [
        shape.format(m=when.split()[0], y=when.split()[1])
        for shape, when in zip(shapes, whens, strict=True)
    ]
    words = data.draw(st.lists(st.sampled_from(_WORDS), min_size=len(months), max_size=len(months)))
    rows = [["Action", "Responsible", *headers], ["Hire", "HR", *(word or None for word in words)]]
    action = excel.load(build(Path(tempfile.mkdtemp()), rows)).actions[0]
    filled = sorted(
        (month, when, word) for month, when, word in zip(months, whens, words, strict=True) if word
    )
    expected_status = filled[-1][2] if filled else ""
    expected_updates = [(when, word) for _, when, word in filled[:-1]]
    assert (expected_status, expected_updates, {}) == (
        action.status_text,
        _updates(action),
        dict(action.extra),
    )


@pytest.mark.parametrize(
    "newest", ["Status (revised)", "Status (current)", "Latest status", "Revised status"]
)
def test_an_undated_newest_status_beside_rounds_is_the_status(tmp_path: Path, newest: str) -> None:
    """Regression: beside ``Status (Dec 2022)``, a ``Status (revised)`` column was kept in
    extra and the older round read as the status; the undated newest column is the status
    and the dated ones earlier rounds (updates)."""
    rows = [
        ["Action", "Responsible", "Deadline", "Status (Dec 2022)", newest],
        ["Hire", "HR", "Dec 2023", "Ongoing", "Completed"],
        ["Train", "HR", "Dec 2023", "Ongoing", None],
    ]
    doc = excel.load(build(tmp_path, rows))
    hire, train = doc.actions
    gt231 = problem(doc, "GT231")
    assert (
        (gt.Status.COMPLETED, [("Dec 2022", "Ongoing")], {}),
        (gt.Status.ONGOING, [], {}),
        "Matrix!E1",
        ["GT231"],
    ) == (
        (hire.status, _updates(hire), dict(hire.extra)),
        (train.status, _updates(train), dict(train.extra)),
        str(gt231.location),
        [issue.code for issue in doc.problems],
    )


@pytest.mark.parametrize(
    "other", ["Status (updated)", "Status (new)", "Status (HQ view)", "Updated status"]
)
def test_an_undated_status_beside_rounds_stops_the_rounds(tmp_path: Path, other: str) -> None:
    """Regression: an undated status column that is not clearly the newest beside a dated
    round let the older round be the status; now none is read, both are kept in extra and
    GT232 says the undated one cannot be ordered."""
    rows = [
        ["Action", "Responsible", "Status (Dec 2022)", other],
        ["Hire", "HR", "Ongoing", "Completed"],
    ]
    doc = excel.load(build(tmp_path, rows))
    action = doc.actions[0]
    gt232 = problem(doc, "GT232")
    assert (None, {"Status (Dec 2022)": "Ongoing", other: "Completed"}, (), True) == (
        action.status,
        dict(action.extra),
        action.updates,
        f"{other!r} (D) is a status column with no date" in gt232.message,
    )


def test_narrative_progress_rounds_are_dated_updates(tmp_path: Path) -> None:
    """Regression: a ``Progress as of June 2023`` column of narratives was read as the status,
    so every row got GT101 and validate failed; its cells are updates dated as the header."""
    rows = [
        ["Action", "Responsible", "Deadline", "Progress (Dec 2022)", "Progress as of June 2023"],
        ["Hire", "HR", "Dec 2023", "Terms of reference drafted", "Two candidates on the list"],
        ["Train", "HR", "Dec 2023", None, "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    hire, train = doc.actions
    issues = gt.validate(doc, on=dt.date(2023, 7, 1))
    assert (
        (
            None,
            [
                ("Dec 2022", "Terms of reference drafted"),
                ("June 2023", "Two candidates on the list"),
            ],
        ),
        (None, [("June 2023", "Ongoing")]),
        {},
        ["GT207", "GT233"],
        [],
    ) == (
        (hire.status, _updates(hire)),
        (train.status, _updates(train)),
        dict(hire.extra),
        [issue.code for issue in doc.problems],
        [issue.code for issue in issues if issue.code == "GT101"],
    )
    assert "Matrix!D1" == str(problem(doc, "GT233").location)


def test_progress_rounds_of_status_words_stay_status_rounds(tmp_path: Path) -> None:
    """Dated Progress columns whose cells are mostly status words are status rounds."""
    rows = [
        ["Action", "Responsible", "Progress Dec 2022", "Progress June 2023"],
        ["Hire", "HR", "Ongoing", "Completed"],
        ["Train", "HR", "Not started", "Waiting for funds"],
        ["Buy", "HR", "Ongoing", "Ongoing"],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [
        ("Completed", [("Dec 2022", "Ongoing")]),
        ("Waiting for funds", [("Dec 2022", "Not started")]),
        ("Ongoing", [("Dec 2022", "Ongoing")]),
    ] == [(action.status_text, _updates(action)) for action in doc.actions]
    assert "GT233" not in {issue.code for issue in doc.problems}


def test_narrative_progress_beside_status_rounds(tmp_path: Path) -> None:
    """A narrative Progress round beside status rounds: the status from the latest status
    round, updates from both, in date order."""
    rows = [
        ["Action", "Responsible", "Status (Dec 2022)", "Progress (Mar 2023)", "Status (Jun 2023)"],
        ["Hire", "HR", "Ongoing", "Interviews held", None],
    ]
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert ("Ongoing", [("Mar 2023", "Interviews held")]) == (
        action.status_text,
        _updates(action),
    )


def test_progress_rounds_in_a_second_table_are_judged_on_its_rows(tmp_path: Path) -> None:
    """Each table judges its own Progress columns on its own rows, the rows sampled kept
    (the tables name as many columns: a wider second one makes the first title rows, a
    known limitation)."""
    rows: list[list[Any]] = [
        ["Action", "Responsible", "Progress (Jun 2023)", "Deadline"],
        ["Hire", "HR", "Ongoing", "Dec 2023"],
        [None],
        ["Action", "Responsible", "Progress (Jun 2023)", "Comments"],
        ["Train", "HR", "Two sessions held", "ok"],
        ["Buy", "HR", "Tender out", None],
    ]
    doc = excel.load(build(tmp_path, rows))
    assert [
        ("Ongoing", []),
        ("", [("Jun 2023", "Two sessions held")]),
        ("", [("Jun 2023", "Tender out")]),
    ] == [(action.status_text, _updates(action)) for action in doc.actions]


_NARRATIVES = ("Terms drafted", "Two candidates listed", "Workshop held in May", "Funds moved")


@given(
    st.lists(st.sampled_from(_WORDS[:-1]), max_size=6),
    st.lists(st.sampled_from(_NARRATIVES), max_size=6),
    st.randoms(use_true_random=False),
)
def test_a_progress_round_is_a_status_when_most_cells_are(
    words: list[str], narratives: list[str], random: Any
) -> None:
    """A lone dated Progress column is the status when more than half its filled cells are
    status words, else each cell is an update dated as the header; no cell is dropped."""
    cells = [*words, *narratives]
    random.shuffle(cells)
    rows: list[list[Any]] = [["Action", "Responsible", "Progress June 2023"]]
    rows += [[f"Act {i}", "HR", cell] for i, cell in enumerate(cells)]
    doc = excel.load(build(Path(tempfile.mkdtemp()), rows))
    statuses = not cells or len(words) * 2 > len(cells)
    expected = [(cell, []) if statuses else ("", [("June 2023", cell)]) for cell in cells]
    assert expected == [(action.status_text, _updates(action)) for action in doc.actions]


# ---------------------------------------------------------------------------
# Dated lines in a Comments cell


def test_dated_lines_in_a_comments_cell_stay_in_the_comments(tmp_path: Path) -> None:
    """A Comments cell whose lines start with dates is kept whole, as the text matrix
    reader keeps its Comments: only an Updates column is split into dated notes."""
    comments = "12/2022: recruitment launched\n06/2023 - specialist hired"
    rows = [
        ["Action", "Responsible", "Deadline", "Status", "Comments"],
        ["Hire", "HR", "2023", "Completed", comments],
    ]
    action = excel.load(build(tmp_path, rows)).actions[0]
    assert (comments, ()) == (action.comments, action.updates)
