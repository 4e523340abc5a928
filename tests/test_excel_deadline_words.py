"""A one-day deadline whose words read only in their context survives the matrix layout.

``within two weeks`` in minutes is due on a day counted from the meeting. The matrix writes
the words in the Deadline cell, the day in its hidden helper column ``_govtrack due end``,
and the words again in a hidden ``_govtrack due words`` column; the reader puts them back
together while the Deadline cell still holds those words, with either engine.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel_write
from strategies import dates, dues, note_texts, words, written_dues

ENGINES = ("openpyxl", "calamine")
AS_OF = dt.date(2023, 3, 31)

_MINUTES = """Minutes of the Records Working Group
Date: 14 March 2023

Decisions
- The registry to draft a retention notice within two weeks.
"""


def _engine(engine: str) -> str:
    if engine == "calamine":
        pytest.importorskip("python_calamine")
    return engine


def _helper_columns(path: Path) -> dict[str, tuple[str, bool]]:
    """The hidden helper columns of the first sheet: header -> (column letter, hidden)."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return {
        str(cell.value): (
            cell.column_letter,
            bool(sheet.column_dimensions[cell.column_letter].hidden),
        )
        for cell in sheet[excel_write.HEADER_ROW]
        if isinstance(cell.value, str) and cell.value.startswith("_govtrack")
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_a_deadline_within_two_weeks_from_minutes_reads_back_from_the_matrix(
    tmp_path: Path, engine: str
) -> None:
    """Regression: `within two weeks` from minutes was refused by the matrix layout (before
    that, written as 2023-03-28); now it is written as said and reads back equal."""
    doc = gt.loads(_MINUTES, format="minutes")
    (decision,) = doc.actions
    path = tmp_path / "matrix.xlsx"
    gt.dump(doc, path, layout="matrix", on=AS_OF, lossy=True)  # a meeting: read as a plan
    (back,) = gt.load(path, engine=_engine(engine)).actions
    expected = (gt.Due.day(dt.date(2023, 3, 28), "within two weeks"), "")
    assert (expected, expected) == ((decision.due, decision.due_text), (back.due, back.due_text))


def test_the_words_of_a_deadline_sit_in_a_hidden_column_after_the_helper(
    tmp_path: Path,
) -> None:
    """The Deadline cell holds the words; the helper and the words columns are hidden."""
    path = tmp_path / "matrix.xlsx"
    gt.dump(gt.loads(_MINUTES, format="minutes"), path, layout="matrix", on=AS_OF, lossy=True)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    helpers = _helper_columns(path)
    end_letter, words_letter = (
        helpers[excel_write.HELPER_HEADER][0],
        helpers["_govtrack due words"][0],
    )
    row = excel_write.FIRST_ROW
    assert (
        {
            excel_write.HELPER_HEADER: (end_letter, True),
            "_govtrack due words": (words_letter, True),
        },
        "within two weeks",
        (dt.date(2023, 3, 28) - dt.date(1899, 12, 30)).days,
        "within two weeks",
    ) == (
        helpers,
        sheet[f"D{row}"].value,
        sheet[f"{end_letter}{row}"].value,
        sheet[f"{words_letter}{row}"].value,
    )


def test_a_matrix_without_such_a_deadline_has_no_words_column(tmp_path: Path) -> None:
    """Deadlines that read by themselves add no column: the helper stays the last one."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                title="Plan",
                actions=(gt.Action(text="Hire a consultant", due=gt.parse_due("2021/07")),),
            ),
        )
    )
    path = tmp_path / "matrix.xlsx"
    gt.dump(doc, path, layout="matrix", on=AS_OF)
    assert [excel_write.HELPER_HEADER] == list(_helper_columns(path))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Q3 2023", gt.parse_due("Q3 2023")),
        ("by 30 June 2023", gt.parse_due("by 30 June 2023")),
    ],
)
def test_a_deadline_a_partner_retypes_is_read_as_typed(
    tmp_path: Path, engine: str, typed: str, expected: gt.Due
) -> None:
    """The helper's day goes with the words govtrack wrote only: a Deadline cell a partner
    changed reads as the partner typed it, not as the stale helper's day."""
    path = tmp_path / "matrix.xlsx"
    gt.dump(gt.loads(_MINUTES, format="minutes"), path, layout="matrix", on=AS_OF, lossy=True)
    book = openpyxl.load_workbook(path)
    book.worksheets[0][f"D{excel_write.FIRST_ROW}"] = typed
    book.save(path)
    (back,) = gt.load(path, engine=_engine(engine)).actions
    assert (expected, "") == (back.due, back.due_text)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_partner_workbook_without_the_words_column_reads_as_before(
    tmp_path: Path, engine: str
) -> None:
    """A Deadline text beside a helper day but no words column is unread text, as before."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action #", "Key action", "Deadline", "Status", excel_write.HELPER_HEADER])
    sheet.append(["1", "Draft a notice", "within two weeks", "Ongoing", 45013])
    path = tmp_path / "partner.xlsx"
    book.save(path)
    (back,) = gt.load(path, engine=_engine(engine)).actions
    assert (None, "within two weeks") == (back.due, back.due_text)


def _reads_as(text: str, day: dt.date) -> bool:
    """Whether text reads as that single day, with any of the options the writer tries."""
    for dayfirst in (None, True, False):
        try:
            due = gt.parse_due(text, dayfirst=dayfirst, two_digit_year=True)
        except gt.DueParseError:
            continue
        if (due.start, due.end) == (day, day):
            return True
    return False


# Texts that read only in their context (any characters, line breaks and spaces around them
# included), and texts that read as other dates (2021/07).
_other_texts = st.one_of(
    words,
    note_texts.filter(str.strip),
    written_dues.map(lambda due: due.text),
    dues.map(lambda due: due.text),
    st.sampled_from(["within two weeks", "03/04/2024", "=TODAY()", "#N/A", "2024", "TBD"]),
)
_single_days = st.builds(gt.Due.day, dates, _other_texts).filter(
    lambda due: not _reads_as(due.text, due.start)
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days=st.lists(_single_days, min_size=1, max_size=3))
def test_single_day_deadlines_in_any_words_survive_the_matrix(days: list[gt.Due]) -> None:
    """A one-day Due whose text does not read as that day reads back equal, both engines."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                title="Plan",
                actions=tuple(
                    gt.Action(ref=str(number), text=f"Task {number}", due=due)
                    for number, due in enumerate(days, start=1)
                ),
            ),
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "matrix.xlsx"
        gt.dump(doc, path, layout="matrix", on=AS_OF)
        for engine in ENGINES:
            if engine == "calamine":
                pytest.importorskip("python_calamine")
            back = gt.load(path, engine=engine)
            assert [(due, "") for due in days] == [(a.due, a.due_text) for a in back.actions]
