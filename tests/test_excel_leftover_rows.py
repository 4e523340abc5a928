"""Rows with data but no action text that are no action: a tally under the table whose
counts stand beside other columns' labels, the rows of a legend, a comment going on from
the row above (or on a recommendation with no key action).

Every test reads its workbook with load and iter_actions (``_read_alike``); collected again
in tests/test_engines.py, it reads it with both engines too.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import legend_words, status_words, written_dues
from test_excel_read import PLAN_HEADER, _read_alike, build, codes, problem

DAY = dt.date(2023, 1, 31)
TABLE: list[list[Any]] = [
    PLAN_HEADER,
    ["Hire a data clerk", "HR Unit", "2023/06", "Ongoing", "Interviews held"],
    ["Buy two laptops", "Admin", "2023/03", "Not started", None],
]
RESPONSE_HEADER = [
    "Rec #",
    "Recommendation",
    "Management response",
    "Category",
    "Action #",
    "Key action",
    "Responsible",
    "Deadline",
    "Status",
    "Comments",
]


def _texts(doc: gt.Document) -> list[str]:
    return [action.text for action in doc.actions]


def _cells(doc: gt.Document, code: str) -> list[str]:
    return [str(p.location.cell) for p in doc.problems if p.code == code and p.location]


# -- tallies


def test_a_status_tally_beside_its_label_is_no_action(tmp_path: Path) -> None:
    """Regression: a status tally under the table (``Summary | Completed | 0`` under the
    Deadline, Status and Comments columns) was read as three actions with no text (GT213),
    counted in the summary (5 actions, 20 % implemented); it is kept in extra (GT212)."""
    rows = [
        *TABLE,
        [],
        [None, None, "Summary", "Completed", 0],
        [None, None, None, "Ongoing", 1],
        [None, None, None, "Not started", 1],
    ]
    doc = _read_alike(build(tmp_path, rows))
    summary = gt.summarize(doc, on=DAY)
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        {
            "Total C5": "Summary | Completed | 0",
            "Total D6": "Ongoing | 1",
            "Total D7": "Not started | 1",
        },
        ["C5", "D6", "D7"],
        ["GT212", "GT212", "GT212"],
        0.0,
    ) == (
        _texts(doc),
        dict(doc.plans[0].extra),
        _cells(doc, "GT212"),
        codes(doc),
        summary.implementation_rate,
    )


def test_a_tally_in_the_recommendation_number_column_is_no_recommendation(
    tmp_path: Path,
) -> None:
    """Regression: ``Status summary`` in the Rec # column with ``Completed | 1`` under Status
    and Comments started a recommendation with an empty key action; it is a tally (GT212)."""
    rows = [
        RESPONSE_HEADER,
        [1, "Make menus local", "Agreed", "Accepted", "1.1", "Buy locally", "Supply", "2022/06",
         "Completed", None],
        [],
        ["Status summary", None, None, None, None, None, None, None, "Completed", 1],
        [None, None, None, None, None, None, None, None, "Ongoing", 0],
    ]  # fmt: skip
    doc = _read_alike(build(tmp_path, rows))
    evaluation = doc.evaluations[0]
    assert (
        [("1", ["Buy locally"])],
        {"Total A4": "Status summary | Completed | 1", "Total I5": "Ongoing | 0"},
        ["GT212", "GT212"],
    ) == (
        [(r.ref, [a.text for a in r.actions]) for r in evaluation.recommendations],
        dict(evaluation.extra),
        codes(doc),
    )


def test_a_tally_named_in_the_action_or_recommendation_column_is_no_action(
    tmp_path: Path,
) -> None:
    """Regression: `Total | Completed | 1` with `Total` in the Key action column was read as
    a completed action, raising the implementation rate in silence, and `Summary` in the
    Recommendation or Rec # column as a recommendation (GT213); they are tallies (GT212)."""
    header = ["Rec #", "Recommendation", "Key action", "Responsible", "Deadline", "Status",
              "Comments"]  # fmt: skip
    body = [
        [1, "Improve checks", "Visit suppliers", "Supply Unit", "2023/06", "Ongoing", "x"],
        [None, None, "Train cooks", "Education Unit", "2023/09", "Not started", None],
    ]
    for tally in (
        [None, None, "Total", None, None, "Completed", 1],
        [None, "Summary", None, None, None, "Completed", 1],
        ["Summary", None, None, None, None, "Completed", 1],
    ):
        doc = _read_alike(build(tmp_path, [header, *body, [], tally]))
        assert (["Visit suppliers", "Train cooks"], ["GT212"]) == (_texts(doc), codes(doc))


def test_a_row_missing_only_its_text_is_still_an_action(tmp_path: Path) -> None:
    """A row with no action text but a deadline (as text, a date, a year) or a responsible
    party is an action, its want of text reported (GT213), even with a count beside it."""
    missing = [
        [None, None, "2023/06", "Ongoing", 3],
        [None, None, dt.datetime(2023, 6, 30), "Ongoing", 1],  # noqa: DTZ001 - a cell's day
        [None, None, 2023, "Completed", 2],
        [None, "Planning Unit", None, "Ongoing", 1],
        [None, None, "June 2023", "Ongoing", "2 actions"],
    ]
    doc = _read_alike(build(tmp_path, [*TABLE, *missing]))
    assert (["Hire a data clerk", "Buy two laptops", "", "", "", "", ""], ["GT213"] * 5) == (
        _texts(doc),
        codes(doc),
    )


def test_a_row_with_a_deadline_placeholder_or_a_comment_is_no_tally(tmp_path: Path) -> None:
    """Regression: a row with no action text whose Deadline cell holds an unread deadline
    (`Q3`, `TBD`) or whose Comments cell holds a comment, beside figures in columns of the
    partner's own, was taken out of the actions as a tally (GT212); it is an action (GT213)."""
    header = [*PLAN_HEADER, "Budget (USD)"]
    rows = [
        header,
        ["Hire a data clerk", "HR Unit", "2023/06", "Ongoing", "Interviews held", 2000],
        [None, None, "Q3", "Not started", None, 3000],
        [None, None, "TBD", "Ongoing", None, 1500],
        [None, None, None, "Ongoing", "Awaiting funds", 1500],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "", "", ""],
        ["GT104", "GT104", "GT205", "GT213", "GT213", "GT213"],  # `Q3`, `TBD` are unread
    ) == (_texts(doc), sorted(codes(doc)))


# -- legends


def test_a_legend_below_the_table_is_no_action(tmp_path: Path) -> None:
    """Regression: the rows under a ``Legend`` note (``Completed | Action fully
    implemented``) were read as actions whose responsible party was the explanation; they
    are the legend, kept in extra and reported as the note is (GT212)."""
    rows = [
        *TABLE,
        [],
        ["Legend"],
        ["Completed", "Action fully implemented"],
        ["Ongoing", "Implementation has started"],
        ["Not started", "No work yet"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        {
            "Note A5": "Legend",
            "Legend A6": "Completed | Action fully implemented",
            "Legend A7": "Ongoing | Implementation has started",
            "Legend A8": "Not started | No work yet",
        },
        ["A5", "A6", "A7", "A8"],
    ) == (_texts(doc), dict(doc.plans[0].extra), _cells(doc, "GT212"))


def test_a_key_of_colours_is_a_legend(tmp_path: Path) -> None:
    """Regression: ``Key`` alone was a section, and the colours under it (``Red | Not
    started``) actions of that section; ``Key`` is a note opening a legend."""
    rows = [*TABLE, ["Key:"], ["Red", "Not started or late"], ["Green", "Done"]]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        ["Note A4", "Legend A5", "Legend A6"],
        ["GT212"] * 3,
    ) == (_texts(doc), list(doc.plans[0].extra), codes(doc))


def test_key_in_a_comments_cell_opens_no_legend(tmp_path: Path) -> None:
    """Regression: `Key` alone in the Comments column opened a legend, so the next row,
    a real action whose text is a status word, was taken for the legend's pair; a legend
    opens only in the table's first or main column."""
    rows = [
        *TABLE[:2],
        [None, None, None, None, "Key"],
        ["Completed", "Finance Unit"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (["Hire a data clerk", "Completed"], "Interviews held\nKey") == (
        _texts(doc),
        doc.actions[0].comments,
    )


def test_a_legend_ends_at_the_first_row_that_is_not_a_pair(tmp_path: Path) -> None:
    """The legend ends at the first row that does not pair a word with its meaning: that
    row, and a pair after it, are read as ever."""
    rows = [
        *TABLE,
        ["Legend"],
        ["Completed", "Action fully implemented"],
        ["Train the cooks", "Kitchen Unit", "2023/09", "Ongoing", None],
        ["Completed", "Kitchen Unit"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops", "Train the cooks", "Completed"],
        ["Note A4", "Legend A5"],
    ) == (_texts(doc), list(doc.plans[0].extra))


# -- comments going on


def test_a_comment_only_row_goes_on_with_the_comments_above(tmp_path: Path) -> None:
    """Regression: a row with only its Comments cell filled was an action with no text
    (GT213); it goes on with the comments of the action above, joined with a line break,
    and says so (GT230, at its cell)."""
    rows = [*TABLE[:2], [None, None, None, None, "continued: two shortlisted"], TABLE[2]]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        "Interviews held\ncontinued: two shortlisted",
        ["GT230"],
        "Matrix!E3",
    ) == (
        _texts(doc),
        doc.actions[0].comments,
        codes(doc),
        str(problem(doc, "GT230").location),
    )


def test_a_comment_below_a_gap_goes_on_with_no_action(tmp_path: Path) -> None:
    """Regression: a footer in the Comments column three blank rows under the table was
    joined to the last action's comments; a comment-only row goes on only right under an
    action (or under another such row): below a gap it is kept in extra (GT230)."""
    footer = "Prepared by the M&E Unit, 14 March 2023"
    rows = [*TABLE[:2], [], [], [], [None, None, None, None, footer]]
    doc = _read_alike(build(tmp_path, rows))
    assert (["Interviews held"], {"Comments E6": footer}, ["GT230"]) == (
        [action.comments for action in doc.actions],
        dict(doc.plans[0].extra),
        codes(doc),
    )
    assert "a gap after row 2" in str(problem(doc, "GT230"))


def test_a_long_run_of_comment_rows_joins_at_most_fifty(tmp_path: Path) -> None:
    """Regression: each comment-only row rebuilt the action above with its comments grown,
    so a run of them took time growing faster than their square (80,000 rows: 215 s); at
    most 50 go on with one action, the others are kept in extra (GT230)."""
    rows: list[list[Any]] = [*TABLE[:2]]
    rows += [[None, None, None, None, f"line {number}"] for number in range(1, 61)]
    doc = _read_alike(build(tmp_path, rows))
    [action] = doc.actions
    lines = action.comments.split("\n")
    assert ["Interviews held", *(f"line {n}" for n in range(1, 51))] == lines
    extra = dict(doc.plans[0].extra)
    assert [f"line {n}" for n in range(51, 61)] == list(extra.values())
    assert 60 == codes(doc).count("GT230")
    assert "which has 50 such rows already" in str(doc.problems[-1])


def test_an_updates_only_row_adds_to_the_updates_above(tmp_path: Path) -> None:
    """A row with only its Updates cell filled adds its entries to the action above's."""
    header = ["Action", "Responsible", "Deadline", "Status", "Updates"]
    rows = [
        header,
        ["Hire a data clerk", "HR Unit", "2023/06", "Ongoing", "Dec 2022 Update: post advertised"],
        [None, None, None, None, "Jan 2023 Update: interviews held"],
    ]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["post advertised", "interviews held"],
        ["GT230"],
    ) == ([update.text for update in doc.actions[0].updates], codes(doc))


def test_a_comment_on_a_rejected_recommendation_makes_no_key_action(tmp_path: Path) -> None:
    """Regression: a rejected recommendation with a comment and no key action got an empty
    key action (GT213), and validate said it was rejected but had one (GT107); the comment
    is kept in the evaluation's extra (a Recommendation has no field for it), GT230."""
    rows = [
        RESPONSE_HEADER,
        [1, "Make menus local", "Agreed", "Accepted", "1.1", "Buy locally", "Supply", "2022/06",
         "Completed", None],
        [2, "Close the kitchens", "Not agreed", "Rejected", None, None, None, None, None,
         "Reason: policy"],
        [None, None, None, None, None, None, None, None, None, "and budget"],
    ]  # fmt: skip
    doc = _read_alike(build(tmp_path, rows))
    evaluation = doc.evaluations[0]
    issues = [issue.code for issue in gt.validate(doc, on=DAY)]
    assert (
        [("1", 1), ("2", 0)],
        {"Comments J3": "Reason: policy", "Comments J4": "and budget"},
        ["GT230", "GT230"],
        False,
    ) == (
        [(r.ref, len(r.actions)) for r in evaluation.recommendations],
        dict(evaluation.extra),
        codes(doc),
        "GT107" in issues,
    )


def test_a_comment_only_row_goes_on_with_the_key_action_above(tmp_path: Path) -> None:
    """Under a key action, a comment-only row goes on with its comments, in a matrix too."""
    rows = [
        RESPONSE_HEADER,
        [1, "Make menus local", "Agreed", "Accepted", "1.1", "Buy locally", "Supply", "2022/06",
         "Completed", "Done"],
        [None, None, None, None, None, None, None, None, None, "12 groups contracted"],
        [None, None, None, None, "1.2", "Train cooks", "Supply", "2022/12", "Ongoing", None],
    ]  # fmt: skip
    doc = _read_alike(build(tmp_path, rows))
    assert (
        [("Buy locally", "Done\n12 groups contracted"), ("Train cooks", "")],
        ["GT230"],
    ) == ([(a.text, a.comments) for a in doc.actions], codes(doc))


def test_a_comment_under_a_section_row_goes_on_with_no_action(tmp_path: Path) -> None:
    """A comment-only row under a section row (or a note) is not the comment of the action
    above them: it is kept in the plan's extra (GT230), and makes no action."""
    rows = [*TABLE, ["Phase two"], [None, None, None, None, "to be planned"]]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        {"Section A4": "Phase two", "Comments E5": "to be planned"},
        ["GT230", "GT215"],
    ) == (_texts(doc), dict(doc.plans[0].extra), codes(doc))


# -- properties

_action_texts = st.text(
    st.characters(whitelist_categories=("L", "N", "Zs"), max_codepoint=0x2FF),
    min_size=1,
    max_size=25,
).filter(lambda text: any(char.isalpha() for char in text) and text.strip() == text)
_tables = st.lists(
    st.tuples(_action_texts, st.sampled_from(["HR", "Admin", "M&E"]), status_words),
    min_size=1,
    max_size=4,
)
_tally_rows = st.lists(
    st.tuples(st.sampled_from([None, "Summary", "Total"]), status_words, st.integers(0, 999)),
    min_size=1,
    max_size=3,
)
_legend_rows = st.lists(st.tuples(legend_words, _action_texts), min_size=1, max_size=3)


def _save(rows: list[list[Any]]) -> Path:
    return build(Path(tempfile.mkdtemp()), rows)


def _body(table: list[tuple[str, str, str]]) -> list[list[Any]]:
    return [PLAN_HEADER, *([text, unit, "2023/06", status, None] for text, unit, status in table)]


@given(_tables, _tally_rows, st.sampled_from(["Legend", "Key", "Legend:"]), _legend_rows)
def test_tallies_and_legends_leave_the_actions_as_they_are(
    table: list[tuple[str, str, str]],
    tallies: list[tuple[str | None, str, int]],
    opening: str,
    legend: list[tuple[str, str]],
) -> None:
    """Tally and legend rows under any table leave its actions as they are, and every cell
    of theirs is kept in the plan's extra."""
    body = _body(table)
    footer: list[list[Any]] = [[], *([None, None, label, word, n] for label, word, n in tallies)]
    footer += [[], [opening], *([word, meaning] for word, meaning in legend)]
    alone = gt.load(_save(body))
    doc = gt.load(_save([*body, *footer]))
    kept = " | ".join(doc.plans[0].extra.values())
    cells = [str(value) for row in footer for value in row if value is not None]
    assert (alone.actions, []) == (doc.actions, [cell for cell in cells if cell not in kept])


_missing = st.one_of(
    st.tuples(st.just(None), written_dues.map(lambda due: due.text)),
    st.tuples(st.just(None), st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))),
    st.tuples(st.just(None), st.integers(1990, 2060)),
    st.tuples(st.sampled_from(["HR Unit", "Ministry of Health", "M&E"]), st.just(None)),
)


@given(_tables, _missing, status_words, st.integers(0, 99))
def test_a_row_missing_only_its_text_is_an_action(
    table: list[tuple[str, str, str]],
    missing: tuple[str | None, Any],
    status: str,
    count: int,
) -> None:
    """A row with no action text but a deadline or a party is an action (GT213), whatever
    status and count stand beside them."""
    party, deadline = missing
    doc = gt.load(_save([*_body(table), [None, party, deadline, status, count]]))
    assert (len(table) + 1, "", "GT213") == (
        len(doc.actions),
        doc.actions[-1].text,
        doc.problems[-1].code if doc.problems else "",
    )
