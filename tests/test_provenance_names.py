"""Which file a record or a problem was read from: recorded one way, and left out of equality.

A location names the file by the path as given (``Location.file``, ``"cur/n.md"``), whether
it is a workbook or a text file, as ``Document.source`` does; and two documents read from
the same content under two names are equal, their reading problems included.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.annotate import annotate
from strategies import file_names, issues, note_texts

_NOTES = (
    "Minutes of the Board\nVenue: Room 4\n\nDecisions:\na) The unit will report by 03/04/2023.\n"
)
_DATA = Path(__file__).parent / "data"


def _plan_workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Key action", "Responsible", "Deadline", "Status"])
    sheet.append(["Hire a clerk", "HR Unit", "2023/12", "Stalled"])
    book.save(path)


def test_a_copy_under_another_name_reads_equal(tmp_path: Path) -> None:
    """Regression: the same notes saved as a.txt and b.txt read to unequal documents, since
    each reading problem's location named its file and that counted in equality."""
    (tmp_path / "a.txt").write_text(_NOTES, encoding="utf-8")
    shutil.copy(tmp_path / "a.txt", tmp_path / "b.txt")
    a, b = gt.load(tmp_path / "a.txt"), gt.load(tmp_path / "b.txt")
    assert [problem.code for problem in a.problems] == ["GT349"]
    assert a == b
    assert a.problems[0].location is not None
    assert b.problems[0].location is not None
    assert (a.problems[0].location.file, b.problems[0].location.file) == (
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    )


def test_an_annotated_copy_reads_equal_to_its_original(tmp_path: Path) -> None:
    """Regression: `gt.load(annotated_copy) == gt.load(original)` was False for a workbook
    with reading problems: their locations named m.xlsx and checked.xlsx."""
    _plan_workbook(tmp_path / "m.xlsx")
    doc = gt.load(tmp_path / "m.xlsx")
    annotate(tmp_path / "m.xlsx", gt.validate(doc, on=dt.date(2024, 3, 31)), tmp_path / "c.xlsx")
    back = gt.load(tmp_path / "c.xlsx")
    assert doc.problems
    assert back == doc
    files = [p.location.file for p in back.problems if p.location]
    assert [str(tmp_path / "c.xlsx")] * len(back.problems) == files


def test_issue_equality_keeps_every_part_of_the_place_but_the_file() -> None:
    at = gt.Location(file="a.xlsx", sheet="Plan", cell="D2", header="Status")
    issue = gt.Issue(code="GT101", message="m", location=at)
    assert issue == attrs.evolve(issue, location=attrs.evolve(at, file="b.xlsx"))
    assert issue == attrs.evolve(issue, location=attrs.evolve(at, file=""))
    for change in ({"sheet": "Other"}, {"cell": "D3"}, {"header": "State"}, {"line": 2}):
        assert issue != attrs.evolve(issue, location=attrs.evolve(at, **change))
    assert issue != attrs.evolve(issue, location=None)


@given(issues, file_names)
def test_an_issue_is_equal_and_hashes_alike_under_any_file_name(issue: gt.Issue, name: str) -> None:
    if issue.location is None:
        return
    moved = attrs.evolve(issue, location=attrs.evolve(issue.location, file=name))
    assert moved == issue
    assert hash(moved) == hash(issue)
    assert len({moved, issue}) == 1


@given(
    st.sampled_from(["minutes/steering_committee.txt", "gate/basic.txt", "minutes/x"]),
    note_texts,
    file_names,
    file_names,
)
def test_the_same_text_under_two_names_reads_to_equal_documents(
    fixture: str, damage: str, first: str, second: str
) -> None:
    """A fixture with a line of arbitrary text added (so there are reading problems, more
    often than not) reads to equal documents under any two names."""
    text = _NOTES if fixture == "minutes/x" else (_DATA / fixture).read_text(encoding="utf-8")
    text = f"{text}\n{damage}\n"
    suffix = Path(fixture).suffix or ".md"
    try:
        a = gt.loads(text, source=first + suffix)
    except gt.GovtrackError:
        return
    b = gt.loads(text, source=second + suffix)
    assert a == b
    assert gt.loads(gt.dumps(a, format="json"), format="json") == b


def test_a_text_file_and_a_workbook_are_cited_by_their_path(tmp_path: Path) -> None:
    """A file's locations name the path as given, a workbook's as a text file's, which tells
    `prev/m.xlsx` from `cur/m.xlsx` and `prev/n.md` from `cur/n.md`; both keep the path as
    given as `Document.source` (regression: a workbook's locations named `m.xlsx` alone)."""
    for folder in ("prev", "cur"):
        (tmp_path / folder).mkdir()
        _plan_workbook(tmp_path / folder / "m.xlsx")
        (tmp_path / folder / "n.md").write_text(_NOTES, encoding="utf-8")
    for folder in ("prev", "cur"):
        book, notes = gt.load(tmp_path / folder / "m.xlsx"), gt.load(tmp_path / folder / "n.md")
        path = str(tmp_path / folder / "n.md")
        assert (book.source, notes.source) == (str(tmp_path / folder / "m.xlsx"), path)
        assert [p.location.cite() for p in notes.problems if p.location] == [f"{path}: line 5"]
        assert book.problems[0].location is not None
        assert f"{tmp_path / folder / 'm.xlsx'}: Plan!D2" == book.problems[0].location.cite()
        assert [m.origin.file for m in notes.meetings if m.origin] == [path]


def test_a_text_file_s_read_error_names_its_folder(tmp_path: Path) -> None:
    """Regression (today): the message named `readme.txt` alone, not which folder's."""
    (tmp_path / "m2").mkdir()
    (tmp_path / "m2" / "readme.txt").write_text("just a note\n", encoding="utf-8")
    with pytest.raises(gt.FormatError, match=re.escape(str(tmp_path / "m2" / "readme.txt"))):
        gt.load(tmp_path / "m2" / "readme.txt")
