"""A legend's row that names columns (``On schedule | Key action``): a row of the legend,
not the header of a new table, while the table's own header repeated under its rows (or
under a legend) is still a repeat (GT216).

Every plain test reads its workbook with load and iter_actions (``_read_alike``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import alias_entries, legend_words
from test_excel_leftover_rows import RESPONSE_HEADER, TABLE, _body, _save, _tables, _texts
from test_excel_read import PLAN_HEADER, _read_alike, build, codes

RESPONSE_TABLE: list[list[Any]] = [
    RESPONSE_HEADER,
    [1, "Make menus local", "Agreed", "Accepted", "1.1", "Buy locally", "Supply", "2022/06",
     "Completed", None],
]  # fmt: skip


def test_a_legend_row_naming_columns_at_the_sheet_end_is_the_legend_s(tmp_path: Path) -> None:
    """Regression (found by hypothesis): ``On schedule | KEY ACTION``, the last row of a
    legend and of the sheet, was read as the header row of a new, empty table (GT207 at
    its row) and its two cells were kept nowhere; it is a row of the legend (GT212)."""
    rows = [*TABLE, [], ["Legend"], ["Completed", "done"], ["On schedule", "KEY ACTION"]]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        {
            "Note A5": "Legend",
            "Legend A6": "Completed | done",
            "Legend A7": "On schedule | KEY ACTION",
        },
        ["GT212"] * 3,
    ) == (_texts(doc), dict(doc.plans[0].extra), codes(doc))


def test_a_legend_row_naming_columns_inside_the_legend_is_the_legend_s(tmp_path: Path) -> None:
    """Regression: ``On track | Key action`` inside a legend started a new table (GT207),
    under which the legend's next pair (``Completed | done``) was an action; both rows are
    the legend's (GT212)."""
    rows = [*TABLE, [], ["Key"], ["On track", "Key action"], ["Completed", "done"]]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        {"Note A5": "Key", "Legend A6": "On track | Key action", "Legend A7": "Completed | done"},
        ["GT212"] * 3,
    ) == (_texts(doc), dict(doc.plans[0].extra), codes(doc))


def test_the_header_repeated_at_the_sheet_end_is_still_a_repeat(tmp_path: Path) -> None:
    """The table's own header again at the sheet's end, right under the actions or under a
    legend, is a repeated header (GT216), no action (``Key action``) nor legend row."""
    for table in (TABLE, RESPONSE_TABLE):
        header = table[0]
        for footer in ([], [["Legend"], ["Completed", "done"]]):
            doc = _read_alike(build(tmp_path, [*table, *footer, header]))
            assert (
                [row[header.index("Key action" if "Key action" in header else "Action")]
                 for row in table[1:]],
                ["GT212"] * len(footer) + ["GT216"],
                f"Matrix!A{len(table) + len(footer) + 1}",
            ) == (_texts(doc), codes(doc), str(doc.problems[-1].location))  # fmt: skip


def test_the_header_repeated_inside_a_legend_is_still_a_repeat(tmp_path: Path) -> None:
    """The table's own header between two rows of a legend is a repeat (GT216), skipped as
    ever (the legend goes on under it)."""
    rows = [*TABLE, ["Legend"], ["Completed", "done"], PLAN_HEADER, ["Ongoing", "started"]]
    doc = _read_alike(build(tmp_path, rows))
    assert (
        ["Hire a data clerk", "Buy two laptops"],
        ["GT212", "GT212", "GT216", "GT212"],
        {"Note A4": "Legend", "Legend A5": "Completed | done", "Legend A7": "Ongoing | started"},
    ) == (_texts(doc), codes(doc), dict(doc.plans[0].extra))


# -- properties

_header_words = alias_entries.map(lambda entry: entry[1])
_meanings = st.one_of(_header_words, _header_words.map(str.upper), st.sampled_from(["done"]))
_legend_rows = st.lists(st.tuples(legend_words, _meanings), min_size=1, max_size=4)


@given(
    _tables,
    st.sampled_from(["Legend", "Key", "Legend:", "Key:"]),
    _legend_rows,
    st.tuples(st.sampled_from(["On schedule", "On track"]), _header_words),
    st.integers(0, 4),
)
def test_a_legend_whose_rows_name_columns_leaves_the_actions_as_they_are(
    table: list[tuple[str, str, str]],
    opening: str,
    legend: list[tuple[str, str]],
    named: tuple[str, str],
    at: int,
) -> None:
    """A legend under any table whose rows may pair a word naming a column (``On track``)
    with another (``Key action``), at any place in the legend, last or not, leaves the
    table's actions as they are and keeps every cell of its rows in the plan's extra, each
    row a row of the legend (GT212), none a header (GT207, GT216)."""
    legend = [*legend[:at], named, *legend[at:]]
    body = _body(table)
    footer: list[list[Any]] = [[], [opening], *([word, meaning] for word, meaning in legend)]
    alone = gt.load(_save(body))
    doc = gt.load(_save([*body, *footer]))
    extra = dict(doc.plans[0].extra)
    assert (alone.actions, [f"{word} | {meaning}" for word, meaning in legend], []) == (
        doc.actions,
        [text for key, text in extra.items() if key.startswith("Legend ")],
        [code for code in codes(doc) if code in {"GT207", "GT216"}],
    )
