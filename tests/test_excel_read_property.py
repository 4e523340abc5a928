"""Property: any cell values in a matrix layout read without surprises, text kept verbatim."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _refs, excel
from strategies import list_markers, outline_refs, outlines

HEADER = [
    "Rec #",
    "Recommendation",
    "Management response",
    "Key action",
    "Responsible",
    "Deadline",
    "Status",
    "Comments",
]

# Text a person can type into a cell: no control characters, and at least one visible one.
_CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="\u2028\u2029\u0085"
)
_SCOPE = re.compile(r"\s*[A-Z]{2,4}\s*:")
texts = (
    st.text(_CHARACTERS, min_size=1, max_size=30)
    .filter(lambda text: not text.isspace())
    .filter(lambda text: not _SCOPE.match(text))
    .filter(lambda text: not text.startswith(("=", "#")))
    .map(lambda text: text.replace("_x", "_y"))  # OOXML escapes _xHHHH_ in cell text
)
anything = st.one_of(
    st.none(),
    texts,
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(
        min_value=dt.datetime(1950, 1, 1),  # noqa: DTZ001 - Excel cells have no time zone
        max_value=dt.datetime(2100, 1, 1),  # noqa: DTZ001 - same
    ),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1)),
)


def _cell(action: gt.Action) -> str:
    """The action cell a read action came from: a ref read from the text, a space, the text."""
    return f"{action.ref} {action.text}" if action.ref else action.text


rows = st.lists(
    st.tuples(texts, st.lists(anything, min_size=len(HEADER), max_size=len(HEADER))),
    min_size=1,
    max_size=6,
)


def _save(data: list[tuple[str, list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for action, values in data:
        cells = list(values)
        cells[0], cells[1], cells[3], cells[4] = "1", "One recommendation", action, "Unit"
        sheet.append(cells)
    path = Path(tempfile.mkdtemp()) / "property.xlsx"
    book.save(path)
    return path


@given(rows)
def test_arbitrary_cells_read_without_surprises(data: list[tuple[str, list[Any]]]) -> None:
    """Any values in a matrix raise nothing but GovtrackError; action texts come back verbatim
    (a ref read from the start of a text, a space and the rest give the text back)."""
    path = _save(data)
    try:
        doc = excel.load(path)
    except gt.GovtrackError:
        return
    assert [action for action, _ in data] == [_cell(a) for a in doc.actions]


@given(st.lists(texts, min_size=1, max_size=5))
def test_text_fields_read_back_verbatim(comments: list[str]) -> None:
    """Recommendation, response, action and comment texts read back exactly as written."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for number, comment in enumerate(comments, start=1):
        sheet.append(
            [str(number), f"Rec {comment}", comment, comment, "Unit", "2022/01", "Ongoing", comment]
        )
    path = Path(tempfile.mkdtemp()) / "verbatim.xlsx"
    book.save(path)
    doc = excel.load(path)
    assert [(f"Rec {c}", c, c, c) for c in comments] == [
        (rec.text, rec.response.text, _cell(rec.actions[0]), rec.actions[0].comments)
        for rec in doc.recommendations
    ]


PLAN_HEADER = ["Action", "Responsible", "Deadline", "Status"]
# What follows a ref: a text that starts with a visible character (no leading space).
rests = texts.map(str.strip).filter(bool)
# Texts that cannot start with a ref: no digit or "(" first, no "." or ")" second.
unnumbered = texts.filter(lambda text: text[0] not in "0123456789(" and text[1:2] not in ".)")
counts = st.tuples(st.integers(0, 10**6), rests).map(lambda pair: f"{pair[0]} {pair[1]}")
quantities = st.tuples(
    outline_refs,
    st.sampled_from(["million", "Million", "%", "km", "tonnes", "percent", "per", "ha"]),
    rests,
).map(" ".join)


def _plan(texts: list[str]) -> gt.Document:
    """An action plan with no ref column, one action per text, read back."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(PLAN_HEADER)
    for text in texts:
        sheet.append([text, "Unit", "2023/06", "Ongoing"])
    path = Path(tempfile.mkdtemp()) / "plan.xlsx"
    book.save(path)
    return excel.load(path)


@given(
    st.lists(
        st.one_of(
            st.tuples(list_markers, rests).map(" ".join),
            st.tuples(outline_refs, rests).map(" ".join),
            texts,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_an_action_text_split_at_its_ref_reassembles_to_its_cell(cells: list[str]) -> None:
    """Whatever the texts, a ref read from an action's text, a space and the rest give the cell."""
    doc = _plan(cells)
    assert cells == [_cell(a) for a in doc.actions]


@given(st.lists(st.tuples(list_markers, rests), min_size=1, max_size=6))
def test_a_list_marker_leading_a_text_is_its_ref(pairs: list[tuple[str, str]]) -> None:
    """`1.`, `2)`, `1.2.`, `(3)`, `a)`, `(b)`, `c.` then a space: the marker is the action's ref."""
    doc = _plan([f"{marker} {rest}" for marker, rest in pairs])
    assert pairs == [(a.ref, a.text) for a in doc.actions]


# A text after a dotted ref that opens with a quantity word ("1.5 million") keeps its number.
actions_after_refs = rests.filter(
    lambda rest: rest.split()[0].casefold().rstrip(".,;:)") not in _refs.QUANTITY_WORDS
)


@given(outlines(), st.data())
def test_dotted_refs_in_outline_order_are_read(refs: list[str], data: st.DataObject) -> None:
    """`1.1`, `1.2`, `2.1`, `2.1.1` … leading the texts of a plan, in order, are the refs."""
    pairs = [(ref, data.draw(actions_after_refs)) for ref in refs]
    doc = _plan([f"{ref} {rest}" for ref, rest in pairs])
    assert pairs == [(a.ref, a.text) for a in doc.actions]


@given(st.lists(st.one_of(unnumbered, counts, quantities), min_size=1, max_size=6))
def test_texts_not_starting_with_a_ref_are_never_split(cells: list[str]) -> None:
    """A text that does not start with a ref shape, a count (`3 workshops`) or a quantity
    (`1.5 million`) keeps its whole text and no ref."""
    doc = _plan(cells)
    assert [("", cell) for cell in cells] == [(a.ref, a.text) for a in doc.actions]
