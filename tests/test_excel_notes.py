"""Cell notes (Excel comments) of a partner's workbook: kept on the action of their row,
or quoted in a problem; never dropped. (Collected again by tests/test_engines.py, so
every workbook here is read with both engines.)"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment

import govtrack as gt
from govtrack.annotate import annotate
from govtrack.io import _notes, excel
from strategies import note_texts

_HEADER = [
    "No.",
    "Recommendation",
    "Management response",
    "Key action",
    "Responsible",
    "Deadline",
    "Status",
    "Comments",
    "Budget",
]
_ROWS: list[list[Any]] = [
    ["Follow-up of the filing review"],
    _HEADER,
    [1, "Improve the filing of field reports.", "Accepted.", "Train clerks on filing",
     "Records Unit", "2024-03-31", "Ongoing", "Two sessions held", 1200],
    [None, None, None, "Buy shelving for the archive", "Admin Unit", "2024-06-30",
     "Not started", None, None],
    ["B. Outreach"],
    [2, "Share the results with the districts.", "Partially accepted.", None, None, None,
     None, None, None],
]  # fmt: skip


def _workbook(
    path: Path,
    notes: Mapping[str, str | tuple[str, str]],
    rows: Sequence[Sequence[Any]] = _ROWS,
    *,
    title: str = "Matrix",
) -> Path:
    """A workbook of ``rows`` with a note on each cell of ``notes`` (text, or (text, author))."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cell, note in notes.items():
        text, author = (note, "Focal point") if isinstance(note, str) else note
        sheet[cell].comment = Comment(text, author)
    book.save(path)
    return path


def _replace_part(path: Path, part: str, change: Any) -> None:
    """Rewrite one part of a workbook's zip with ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in parts.items():
            archive.writestr(member, data)


def _found(doc: gt.Document, code: str) -> list[tuple[str, str, str]]:
    return [
        (location.cell, location.header, problem.message)
        for problem in doc.problems
        if problem.code == code and (location := problem.location) is not None
    ]


def test_a_note_on_an_action_cell_is_kept_in_its_extra(tmp_path: Path) -> None:
    """Notes on a key action's Status and Budget cells go to its extra, once reported (GT228)."""
    path = _workbook(
        tmp_path / "noted.xlsx",
        {"G3": "12 Jan: two more sessions planned.", "I4": "Quote pending\nfrom supplier"},
    )
    doc = excel.load(path)
    assert [
        {"Budget": "1200", "Note: Status": "12 Jan: two more sessions planned."},
        {"Note: Budget": "Quote pending\nfrom supplier"},
    ] == [dict(action.extra) for action in doc.actions]
    assert [
        (
            "G3",
            "Status",
            (
                "2 cell notes on action rows kept in the actions' extra as 'Note: <column>' "
                "(the first, G3, as 'Note: Status')"
            ),
        )
    ] == _found(doc, "GT228")
    assert [] == _found(doc, "GT229")


def test_notes_on_no_action_are_quoted_in_a_problem(tmp_path: Path) -> None:
    """A note on the title, the header, a recommendation's cell, a section row or outside the
    table is on no record: a GT229 warning quotes it whole, with its cell."""
    notes = {
        "A1": "Draft 2",
        "D2": "Column renamed in 2023",
        "B3": "Wording agreed with the board",
        "A5": "Section added by M&E",
        "L3": "See the annex",
        "C6": "Response still under discussion",
    }
    doc = excel.load(_workbook(tmp_path / "noted.xlsx", notes))
    assert [
        ("A1", "", "above the header row", "Draft 2"),
        ("D2", "Key action", "on the header row", "Column renamed in 2023"),
        ("B3", "Recommendation", "in the Recommendation column, not the key action's",
         "Wording agreed with the board"),
        ("L3", "", "outside the table's columns", "See the annex"),
        ("A5", "No.", "on a row that holds no action", "Section added by M&E"),
        ("C6", "Management response", "on a row that holds no action",
         "Response still under discussion"),
    ] == [
        (cell, header, *re.fullmatch(r"\w+ has a note (.*); it is on no record, so here it is: "
                                     r"'(.*)'", message).groups())  # type: ignore[union-attr]
        for cell, header, message in _found(doc, "GT229")
    ]  # fmt: skip
    assert all(not action.extra.get("Note: Status") for action in doc.actions)
    assert {gt.Severity.WARNING} == {p.severity for p in doc.problems if p.code == "GT229"}


def test_a_note_under_no_header_is_named_by_its_cell(tmp_path: Path) -> None:
    """A note in a column of the table with no header goes under ``Note: <cell>``; a
    column already named ``Note: Status`` keeps its value, the note takes its cell too."""
    rows = [
        ["Action", "Responsible", None, "Status", "Note: Status"],
        ["Hire a data clerk", "HR Unit", None, "Ongoing", "Written by govtrack"],
    ]
    notes = {"C2": "Budget line 4", "D2": "Interviews in May"}
    doc = excel.load(_workbook(tmp_path / "gap.xlsx", notes, rows, title="Plan"))
    assert {
        "Note: Status": "Written by govtrack",
        "Note: C2": "Budget line 4",
        "Note: Status (D2)": "Interviews in May",
    } == dict(doc.actions[0].extra)


def test_runs_are_joined_and_escapes_undone(tmp_path: Path) -> None:
    """A note as Excel writes it: the bold author line, then the text, in runs, with a
    carriage return escaped as _x000D_: read verbatim, the author line kept."""
    path = _workbook(tmp_path / "runs.xlsx", {"G3": "PLACEHOLDER"})
    runs = (
        "<r><rPr><b/><sz val='9'/></rPr><t>Ana Diaz:</t></r>"
        "<r><rPr><sz val='9'/></rPr><t xml:space='preserve'>\nMoved to May_x000D_\n"
        "_x005F_x0041_ stays</t></r><rPh sb='0' eb='1'><t>phonetic</t></rPh>"
    )
    _replace_part(
        path,
        "xl/comments/comment1.xml",
        lambda data: data.replace(b"<t>PLACEHOLDER</t>", runs.encode()),
    )
    doc = excel.load(path)
    assert "Ana Diaz:\nMoved to May\r\n_x0041_ stays" == doc.actions[0].extra["Note: Status"]


def test_notes_of_activities_and_indicators(tmp_path: Path) -> None:
    """A work plan's activity and an indicator keep the notes of their rows too."""
    book = Workbook()
    plan = book.active
    assert plan is not None
    plan.title = "Work plan"
    plan.append(["Activity", "Responsible", "Status", "On schedule", "Behind schedule"])
    plan.append(["Train the district teams", "M&E Unit", "Ongoing", "x", None])
    plan["C2"].comment = Comment("Half of them trained", "Lead")
    indicators = book.create_sheet("Indicators")
    indicators.append(["Indicator", "Timeframe for indicator", "Status"])
    indicators.append(["Share of reports filed on time", "2024", "On track"])
    indicators["A2"].comment = Comment("Baseline from 2022", "Lead")
    path = tmp_path / "report.xlsx"
    book.save(path)
    doc = excel.load(path)
    assert (
        [{"Note: Status": "Half of them trained"}],
        [{"Note: Indicator": "Baseline from 2022"}],
    ) == (
        [dict(activity.extra) for activity in doc.reports[0].activities],
        [dict(indicator.extra) for indicator in doc.reports[1].indicators],
    )


def test_a_note_on_a_sheet_not_read_is_quoted(tmp_path: Path) -> None:
    """A note on a sheet with no header govtrack recognises (GT201) is quoted too."""
    path = _workbook(tmp_path / "two.xlsx", {"G3": "Kept"})
    book = load_workbook(path)
    readme = book.create_sheet("Read me")
    readme["A1"] = "Fill in one row per key action."
    readme["A1"].comment = Comment("Ask Ana before changing the columns", "Lead")
    book.save(path)
    doc = excel.load(path)
    assert [
        (
            "A1",
            "",
            (
                "A1 has a note on a sheet that is not read; it is on no record, so here it "
                "is: 'Ask Ana before changing the columns'"
            ),
        )
    ] == _found(doc, "GT229")


def test_govtrack_own_notes_are_skipped_and_a_shared_note_keeps_the_partner_part(
    tmp_path: Path,
) -> None:
    """A note by govtrack (an annotated copy) is not the partner's; when one note holds the
    partner's text and govtrack's after a '— govtrack:' line, the partner's part is kept."""
    notes = {
        "F3": ("GT104 error: deadline unreadable", "govtrack"),
        "G3": ("Moved by the board.\n— govtrack:\nGT101 warning: status unknown", "govtrack"),
        "G4": ("Agreed in March\n\n— govtrack:\nGT110 info: was due", "Focal point"),
    }
    doc = excel.load(_workbook(tmp_path / "checked.xlsx", notes))
    assert (
        [{"Budget": "1200", "Note: Status": "Moved by the board."},
         {"Note: Status": "Agreed in March"}],
        [],
    ) == ([dict(action.extra) for action in doc.actions], _found(doc, "GT229"))  # fmt: skip


def test_an_annotated_copy_reads_back_like_its_source(tmp_path: Path) -> None:
    """govtrack's own notes in an annotated copy are not read; the partner's note survives."""
    source = _workbook(tmp_path / "partner.xlsx", {"I3": "Paid in two parts"})
    doc = excel.load(source)
    issues = gt.validate(doc, on=dt.date(2025, 1, 1))
    target = tmp_path / "checked.xlsx"
    annotate(source, issues, target)
    back = excel.load(target)
    marked = load_workbook(target)["Matrix"]
    assert ("govtrack", "govtrack") == (marked["G3"].comment.author, marked["G4"].comment.author)
    assert [] == _found(back, "GT229")  # govtrack's notes (on G3, G4, B6, I2) are not read
    # I3 holds the partner's note, then govtrack's GT228 after a '— govtrack:' line.
    assert ("Focal point", True) == (
        marked["I3"].comment.author,
        marked["I3"].comment.text.startswith("Paid in two parts\n\n— govtrack:\nGT228"),
    )
    assert (doc.actions, _found(doc, "GT228")) == (back.actions, _found(back, "GT228"))


def test_iter_actions_agrees_with_load(tmp_path: Path) -> None:
    """Streaming keeps the same notes and reports the same problems."""
    path = _workbook(tmp_path / "noted.xlsx", {"G3": "Kept", "B3": "Quoted", "I4": "Also kept"})
    doc = excel.load(path)
    problems: list[gt.Issue] = []
    assert (list(doc.actions), list(doc.problems)) == (
        list(gt.iter_actions(path, problems=problems)),
        problems,
    )


@pytest.mark.parametrize("layout", ["matrix", None])
def test_a_note_written_back_as_a_column_reads_back_equal(
    tmp_path: Path, layout: str | None
) -> None:
    """govtrack's writers keep ``Note: Status`` as a column; read back, it is that column's
    value (not a note), and the actions are equal."""
    doc = excel.load(_workbook(tmp_path / "noted.xlsx", {"G3": "Two more sessions", "I4": "Q"}))
    written = tmp_path / "written.xlsx"
    # lossy: the matrix writes no section rows, so the recommendations' groups are left out
    # (refused otherwise); this test is about the actions.
    options: dict[str, Any] = (
        {"layout": layout, "on": dt.date(2024, 6, 30), "lossy": True} if layout else {}
    )
    gt.dump(doc, written, **options)
    back = gt.load(written)
    assert [dict(action.extra) for action in doc.actions] == [
        dict(action.extra) for action in back.actions
    ]
    assert doc.actions == back.actions
    # govtrack's own workbook keeps the problems of the document it holds (GT228 among
    # them); the matrix is read anew: no note, so no GT228.
    assert (_found(doc, "GT228") if layout is None else [], []) == (
        _found(back, "GT228"),
        _found(back, "GT229"),
    )


def test_a_note_in_govtrack_own_workbook_is_quoted(tmp_path: Path) -> None:
    """govtrack's own workbook keeps no notes on its records: each is quoted (GT229)."""
    doc = gt.Document(plans=[gt.ActionPlan(actions=[gt.Action(text="Hire a data clerk")])])
    path = tmp_path / "own.xlsx"
    gt.dump(doc, path)
    book = load_workbook(path)
    book.worksheets[0]["A2"].comment = Comment("Checked by Ana", "Ana")
    book.save(path)
    back = excel.load(path)
    assert ["Checked by Ana"] == [
        message.rsplit(": ", 1)[1].strip("'") for _, _, message in _found(back, "GT229")
    ]


def test_a_broken_comments_part_is_a_problem(tmp_path: Path) -> None:
    """A comments part that is not XML gives a GT229 problem; the rows are read."""
    path = _workbook(tmp_path / "broken.xlsx", {"G3": "Lost"})
    _replace_part(path, "xl/comments/comment1.xml", lambda data: data[: len(data) // 2])
    doc = excel.load(path)
    assert (2, ["A1"]) == (len(doc.actions), [cell for cell, _, _ in _found(doc, "GT229")])


def test_a_note_on_no_cell_is_quoted(tmp_path: Path) -> None:
    """A note whose ref is not a cell is quoted with the sheet's first cell."""
    path = _workbook(tmp_path / "stray.xlsx", {"G3": "Somewhere"})
    _replace_part(
        path, "xl/comments/comment1.xml", lambda data: data.replace(b'ref="G3"', b'ref="G0"')
    )
    doc = excel.load(path)
    assert [("A1", "", "a note on 'G0', which is not a cell, is on no record: 'Somewhere'")] == (
        _found(doc, "GT229")
    )


def test_a_comments_part_over_the_part_limit_is_refused(tmp_path: Path) -> None:
    """The comments part is bounded by Limits.max_part_bytes; raising the limit reads it."""
    path = _workbook(tmp_path / "big.xlsx", {"G3": "x" * 5000})
    with pytest.raises(gt.LimitError, match="max_part_bytes"):
        excel.load(path, limits=gt.Limits(max_part_bytes=4096))
    assert "x" * 5000 == excel.load(path).actions[0].extra["Note: Status"]


class _CountingZip(zipfile.ZipFile):
    opened: list[str]

    def open(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        self.opened.append(getattr(name, "filename", name))
        return super().open(name, *args, **kwargs)


def test_a_sheet_without_notes_costs_one_lookup(tmp_path: Path) -> None:
    """A sheet with no relationships part: no part of the zip is opened for notes."""
    path = _workbook(tmp_path / "plain.xlsx", {})
    with _CountingZip(path) as archive:
        archive.opened = []
        assert (_notes.NO_NOTES, []) == (
            _notes.read_notes(archive, "xl/worksheets/sheet1.xml", path.name),
            archive.opened,
        )


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")


def _excel_escaped(text: str) -> str:
    """The text as Excel stores it: a literal escape's underscore escaped, then what XML
    cannot hold (control characters, a carriage return) as ``_xHHHH_``."""
    text = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text)
    return _XML_INVALID.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=note_texts)
def test_any_note_text_is_kept_exactly(text: str) -> None:
    """Any text a partner can type in a note is read back exactly, escapes undone."""
    assume(not text.isspace())
    assume(text == _notes.partner_part(_notes.Note(row=1, column=1, author="", text=text)))
    with tempfile.TemporaryDirectory() as folder:
        path = _workbook(Path(folder) / "note.xlsx", {"G3": _excel_escaped(text)})
        assert text == excel.load(path).actions[0].extra["Note: Status"]
