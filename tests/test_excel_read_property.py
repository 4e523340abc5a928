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


# A numbering column left of the recommendation: it numbers the recommendations when it
# changes with their text, the key actions when it changes while the text stays.
NUMBERED_HEADER = ["No.", "Recommendation", "Key action", "Responsible", "Deadline", "Status"]
_REPEAT, _BLANK, _MERGE = "repeat", "blank", "merge"
_Rec = tuple[str, list[str]]  # a recommendation's text and its key actions' texts


@st.composite
def _numbered_recommendations(draw: st.DrawFn, *, several: bool) -> list[_Rec]:
    """One to four recommendations of one to three key actions; with ``several``, one of
    them (any) has two or more, so that a number can change beside it."""
    count = draw(st.integers(1, 4))
    sizes = [draw(st.integers(1, 3)) for _ in range(count)]
    if several:
        sizes[draw(st.integers(0, count - 1))] = draw(st.integers(2, 3))
    return [
        (f"Recommendation {n + 1}", [f"Action {n + 1}.{k + 1}" for k in range(size)])
        for n, size in enumerate(sizes)
    ]


def _numbered_sheet(
    recs: list[_Rec], numbers: list[list[str | None]], fill: str, *, merge_numbers: bool
) -> Path:
    """The matrix of ``recs``, one row per key action under ``numbers`` (the No. cells);
    the recommendation text on its first row and, on the others, repeated, blank or merged."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet.append(NUMBERED_HEADER)
    row = 2
    for (text, actions), cells in zip(recs, numbers, strict=True):
        for k, (action, number) in enumerate(zip(actions, cells, strict=True)):
            shown = text if k == 0 or fill == _REPEAT else None
            sheet.append([number, shown, action, "Unit", "2024", "Ongoing"])
        last = row + len(actions) - 1
        if fill == _MERGE and last > row:
            sheet.merge_cells(f"B{row}:B{last}")
            if merge_numbers:
                sheet.merge_cells(f"A{row}:A{last}")
        row = last + 1
    path = Path(tempfile.mkdtemp()) / "numbered.xlsx"
    book.save(path)
    return path


def _read_shape(path: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    doc = excel.load(path)
    streamed = [(a.ref, a.text) for a in gt.iter_actions(path)]
    assert [(a.ref, a.text) for a in doc.actions] == streamed
    return [(r.ref, r.text, [(a.ref, a.text) for a in r.actions]) for r in doc.recommendations]


@given(
    _numbered_recommendations(several=False),
    st.sampled_from([_REPEAT, _BLANK, _MERGE]),
    st.booleans(),
)
def test_a_number_per_recommendation_is_its_ref(
    recs: list[_Rec], fill: str, repeat_number: bool
) -> None:
    """A number on a recommendation's first row, blank (merged) or repeated on its others,
    is the recommendation's ref, whatever its text does on those rows."""
    numbers: list[list[str | None]] = [
        [str(n + 1), *[str(n + 1) if repeat_number else None] * (len(actions) - 1)]
        for n, (_, actions) in enumerate(recs)
    ]
    path = _numbered_sheet(recs, numbers, fill, merge_numbers=not repeat_number)
    assert [
        (str(n + 1), text, [("", action) for action in actions])
        for n, (text, actions) in enumerate(recs)
    ] == _read_shape(path)


@given(
    _numbered_recommendations(several=True),
    st.sampled_from([_REPEAT, _BLANK, _MERGE]),
    st.booleans(),
)
def test_a_number_per_key_action_is_its_ref(recs: list[_Rec], fill: str, restart: bool) -> None:
    """Numbers changing row by row beside one recommendation (repeated, blank or merged on
    its rows) number the key actions: one recommendation each, the numbers their refs,
    in the recommendations read before that one as in those after."""
    counter = iter(range(1, 100))
    numbers: list[list[str | None]] = [
        [str(k + 1 if restart else next(counter)) for k in range(len(actions))]
        for _, actions in recs
    ]
    path = _numbered_sheet(recs, numbers, fill, merge_numbers=False)
    assert [
        ("", text, [(str(number), action) for number, action in zip(cells, actions, strict=True)])
        for (text, actions), cells in zip(recs, numbers, strict=True)
    ] == _read_shape(path)


@given(_numbered_recommendations(several=False), st.sampled_from([_REPEAT, _BLANK, _MERGE]))
def test_an_outline_number_under_a_recommendation_is_its_key_actions_ref(
    recs: list[_Rec], fill: str
) -> None:
    """A recommendation on a row of its own numbered `n`, its key actions below numbered
    `n.1`, `n.2` (its text repeated, blank or merged): the recommendation's ref is `n`, the
    key actions' are their outline numbers, and no row makes an action with no text."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet.append(NUMBERED_HEADER)
    row = 2
    for n, (text, actions) in enumerate(recs, start=1):
        sheet.append([str(n), text, None, None, None, None])
        for k, action in enumerate(actions, start=1):
            shown = text if fill == _REPEAT else None
            sheet.append([f"{n}.{k}", shown, action, "Unit", "2024", "Ongoing"])
        if fill == _MERGE:
            sheet.merge_cells(f"B{row}:B{row + len(actions)}")
        row += len(actions) + 1
    path = Path(tempfile.mkdtemp()) / "outline.xlsx"
    book.save(path)
    assert [
        (str(n), text, [(f"{n}.{k}", action) for k, action in enumerate(actions, start=1)])
        for n, (text, actions) in enumerate(recs, start=1)
    ] == _read_shape(path)
    assert [] == [p.code for p in excel.load(path).problems]


@given(st.lists(st.sampled_from(["Agreed.", "Accepted", "Partly agreed."]), min_size=1, max_size=6))
def test_a_numbered_response_is_a_recommendation_whatever_its_words(responses: list[str]) -> None:
    """With no recommendation column, each row numbered anew is a recommendation of its own
    with that number, even when its response repeats the row above's word for word."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet.append(["No.", "Management response", "Key action", "Responsible", "Status"])
    for n, response in enumerate(responses, start=1):
        sheet.append([str(n), response, f"Action {n}", "Unit", "Ongoing"])
    path = Path(tempfile.mkdtemp()) / "responses.xlsx"
    book.save(path)
    assert [
        (str(n), "", [("", f"Action {n}")]) for n in range(1, len(responses) + 1)
    ] == _read_shape(path)


# Cells that leave an action with nothing to see, and cells that hold something.
_LOOKS_EMPTY = ["\u200b", "\ufeff", "\u2060", "\u00ad", " \u200b ", "\u00a0\u200c", "\u3164"]
_looks_empty_or_not = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\u00a0", *_LOOKS_EMPTY]),
    texts,
    st.integers(1, 9).map(str),
)


@given(
    st.sampled_from([PLAN_HEADER, ["#", *PLAN_HEADER], HEADER]),
    st.lists(
        st.lists(_looks_empty_or_not, min_size=len(HEADER), max_size=len(HEADER)),
        min_size=1,
        max_size=6,
    ),
)
def test_an_action_with_no_text_to_see_is_always_reported(
    header: list[str], data: list[list[Any]]
) -> None:
    """Every action whose text shows nothing (none, spaces, zero-width characters) comes
    with a GT213 naming its row, at its own cell: never an empty action in silence."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet.append(header)
    for cells in data:
        sheet.append(cells[: len(header)])
    path = Path(tempfile.mkdtemp()) / "empty.xlsx"
    book.save(path)
    try:
        doc = excel.load(path)
    except gt.GovtrackError:
        return
    reported = {str(p.location) for p in doc.problems if p.code == "GT213"}
    unseen = [str(a.origin) for a in doc.actions if all(map(excel._may_hide, a.text))]
    assert [] == [origin for origin in unseen if origin not in reported]
