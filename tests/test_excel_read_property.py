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
from govtrack.io import excel

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
    """Any values in a matrix raise nothing but GovtrackError; action texts come back verbatim."""
    path = _save(data)
    try:
        doc = excel.load(path)
    except gt.GovtrackError:
        return
    assert [action for action, _ in data] == [a.text for a in doc.actions]


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
        (rec.text, rec.response.text, rec.actions[0].text, rec.actions[0].comments)
        for rec in doc.recommendations
    ]
