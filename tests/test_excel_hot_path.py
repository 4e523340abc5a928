"""The shortcuts of the Excel reader's per-row path read what the general path reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _xlsx, excel
from govtrack.io.columns import merge_aliases
from strategies import dates, texts

_HEADER = ["Action", "Responsible", "Deadline", "Status"]
_DEADLINE = _HEADER.index("Deadline")

# Deadline cells of every kind: the usual texts (read without _deadline), and those the
# general path reads (a revision in the cell, numbers, dates), blanks and ambiguous days.
_MONTHS = st.sampled_from(["Dec 2022", "Jun 2023", "2023/03", "Q3 2024", "03/04/2024", "soon"])
deadline_cells = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\u200b", "TBD", "03/04/2024", "(revised)", "Jun 2023 ("]),
    texts,
    _MONTHS,
    st.builds("{} (revised: {})".format, _MONTHS, _MONTHS),
    st.builds("{} ({})".format, _MONTHS, st.sampled_from(["revised", "extended", "tbc"])),
    st.integers(-5, 120_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    dates,
    dates.map(lambda day: dt.datetime(day.year, day.month, day.day)),  # noqa: DTZ001 - no zone in a cell
)


def _table() -> excel._Table:
    """An action-matrix table under a header row in row 1, as gt.load builds one."""
    epoch = dt.datetime(1899, 12, 30)  # noqa: DTZ001 - Excel's epoch has no time zone
    reader = excel._Reader("plan.xlsx", merge_aliases(None), None, epoch)
    _, header = excel._header_of(_HEADER, 1, reader.lookup)
    assert header is not None
    return excel._Table(
        reader=reader, sheet="Plan", header=header, titles=[], facts=_xlsx.SheetFacts()
    )


@given(deadline=deadline_cells)
def test_a_deadline_cell_reads_as_the_general_path_reads_it(deadline: Any) -> None:
    """An action's due, due text, extra and problems are what _Table._deadline gives."""
    table = _table()
    table.feed(2, ["Train the staff", "HR Unit", deadline, "Ongoing"])
    [action] = table.actions
    general = _table()
    if deadline is None:
        due, due_text, kept = None, "", None
    else:
        due, due_text, kept = general._deadline(deadline, _DEADLINE, 2)
    expected = (due, due_text, gt.FrozenMap(kept or {}), general.problems.found)
    assert expected == (action.due, action.due_text, action.extra, table.problems.found)


@given(char=st.characters())
def test_the_first_character_of_a_text_is_judged_as_may_hide_judges_it(char: str) -> None:
    """The per-character look-up gives what _may_hide gives, for any character."""
    assert excel._may_hide(char) == excel._HIDING[char]
