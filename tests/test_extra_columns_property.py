"""Property: a column of the partner's own, kept in ``extra``, survives govtrack's writers.

The Excel matrix and the Markdown matrix write each ``extra`` entry as a column under
its key; reading such a file back must give the same ``extra``, not a field: a plural
such as ``Offices`` or ``Schedules`` names no column (only the main columns are read in
the plural), so it is not taken for Scope, or for a work plan's schedule.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import matrix
from govtrack.io.columns import header_key, merge_aliases
from strategies import PARTNER_HEADERS, extra_headers, words

# Cell values: the Markdown table holds no line break in a cell, and neither matrix keeps
# a value of spaces (an empty cell), so the values are words: stripped, on one line.
_extras = st.dictionaries(extra_headers, words, min_size=1, max_size=3).map(gt.FrozenMap)
_actions = st.lists(_extras, min_size=1, max_size=3).map(
    lambda extras: tuple(
        gt.Action(text=f"Action {number}", responsible=("Unit",), extra=extra)
        for number, extra in enumerate(extras, start=1)
    )
)


def _excel_round_trip(doc: gt.Document) -> gt.Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "matrix.xlsx"
        gt.dump(doc, path, layout="matrix", on=dt.date(2024, 6, 30))
        return gt.load(path)


@pytest.mark.parametrize("header", PARTNER_HEADERS)
def test_a_partner_header_names_no_column(header: str) -> None:
    """`Offices`, `Themes`, `Schedules`, `Reasons for delays`: the plural of an alias of
    a column other than the main ones is no header govtrack reads as that column."""
    assert header_key(header, merge_aliases()) is None


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Progress updates", "comments"),
        ("Status updates", "comments"),
        ("Implementation updates", "comments"),
        ("Management responses", "response"),
        ("Joint monitoring indicators", "indicator"),
        ("Status of key actions", "status"),
        ("Action points", "action"),
        ("Target dates", "deadline"),
    ],
)
def test_a_plural_alias_of_several_words_names_its_column(header: str, key: str) -> None:
    """Regression: restricting plurals to the main columns lost `Progress updates`,
    `Management responses` and `Joint monitoring indicators` (a sheet of indicators was
    refused whole); an alias of several words is read in the plural for any column but
    those that make a work plan or a decision, or group actions."""
    assert header_key(header, merge_aliases()) == key


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=_actions)
def test_extra_columns_of_a_plan_survive_the_excel_matrix(actions: tuple[gt.Action, ...]) -> None:
    """A plan whose actions keep partner columns (`Offices`, `Schedules`) reads back as a
    plan with the same ``extra``, not as a work plan or with a scope."""
    back = _excel_round_trip(gt.Document(plans=(gt.ActionPlan(title="Plan", actions=actions),)))
    assert (1, [a.extra for a in actions], [""] * len(actions)) == (
        len(back.plans),
        [a.extra for a in back.actions],
        [a.scope for a in back.actions],
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=_actions)
def test_extra_columns_of_key_actions_survive_the_excel_matrix(
    actions: tuple[gt.Action, ...],
) -> None:
    """Key actions of an evaluation keep their partner columns through the matrix."""
    evaluation = gt.Evaluation(
        title="Review",
        recommendations=(gt.Recommendation(ref="1", text="Plan better", actions=actions),),
    )
    back = _excel_round_trip(gt.Document(evaluations=(evaluation,)))
    assert (1, [a.extra for a in actions]) == (
        len(back.evaluations),
        [a.extra for a in back.actions],
    )


@given(actions=_actions)
def test_extra_columns_survive_the_markdown_matrix(actions: tuple[gt.Action, ...]) -> None:
    """The Markdown matrix reads a plan with partner columns back equal."""
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=actions),))
    assert doc == matrix.loads(matrix.dumps(doc))


@pytest.mark.parametrize("key", ["_govtrack", "_govtrack due end", " _govtrack notes"])
def test_an_extra_column_headed_as_govtracks_own_is_refused(key: str) -> None:
    """Regression (found by the property above): an ``extra`` key starting `_govtrack`, the
    header of the matrix's own hidden columns, was written and then dropped by the reader in
    silence; the matrix refuses it unless lossy, naming it."""
    action = gt.Action(text="Action 1", responsible=("Unit",), extra=gt.FrozenMap({key: "0"}))
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    with pytest.raises(gt.WriteError, match=re.escape(f"extra[{key!r}]")):
        _excel_round_trip(doc)
