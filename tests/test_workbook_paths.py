"""A workbook's locations and messages name the file by the path as given, as a text file's do.

Every unit sends its ``matrix.xlsx``: read from two folders, the two files must be told
apart in origins, problems, messages and the listings of the command line, and the same
action in both must be found (GT113).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import govtrack as gt
from govtrack.annotate import annotate
from govtrack.cli import main
from govtrack.io import excel, excel_workbook
from strategies import file_names

ENGINES = ("openpyxl", "calamine")
ON = dt.date(2024, 1, 31)


def _matrix(path: Path, status: str = "Stalled") -> Path:
    """A unit's action matrix: one action, due in 2023, with an unknown status word."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet.append(["Key action", "Responsible", "Deadline", "Status"])
    sheet.append(["Recruit a data clerk for the district office", "HR Unit", "2023/06", status])
    book.save(path)
    return path


def _files(doc: gt.Document) -> list[str]:
    """The files named by the document's actions and problems, in order."""
    origins = [action.origin for action in doc.actions]
    places = [problem.location for problem in doc.problems]
    return [place.file for place in [*origins, *places] if place is not None]


@pytest.mark.parametrize("engine", ENGINES)
def test_two_units_matrices_of_one_name_are_two_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """Regression: `a/matrix.xlsx` and `b/matrix.xlsx` were both cited `matrix.xlsx`, so the
    same action in both was taken for one file's and GT113 was not given."""
    _matrix(tmp_path / "a" / "matrix.xlsx")
    _matrix(tmp_path / "b" / "matrix.xlsx")
    monkeypatch.chdir(tmp_path)
    both = gt.combine(
        gt.load("a/matrix.xlsx", engine=engine), gt.load("b/matrix.xlsx", engine=engine)
    )
    assert ["a/matrix.xlsx: Matrix!A2", "b/matrix.xlsx: Matrix!A2"] == [
        action.origin.cite() for action in both.actions if action.origin is not None
    ]
    (twice,) = gt.validate(both, on=ON, select=["GT113"])
    assert twice.message.endswith(
        "the same action is in a/matrix.xlsx: Matrix!A2 and b/matrix.xlsx: Matrix!A2: "
        "counted twice in the rates"
    )
    assert "b/matrix.xlsx: Matrix!A2" == (twice.location.cite() if twice.location else "")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_workbook_is_named_with_its_folder_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """`sub/x.xlsx` is cited so, and `x.xlsx` read from its folder as before, by load,
    iter_actions and their problems alike."""
    _matrix(tmp_path / "sub" / "x.xlsx")
    monkeypatch.chdir(tmp_path)
    nested = gt.load("sub/x.xlsx", engine=engine)
    found: list[gt.Issue] = []
    streamed = list(excel.iter_actions("sub/x.xlsx", engine=engine, problems=found))
    monkeypatch.chdir(tmp_path / "sub")
    bare = gt.load("x.xlsx", engine=engine)
    assert ["sub/x.xlsx"] * 2 == _files(nested)  # the action, and its status word (GT101)
    assert ["x.xlsx"] * 2 == _files(bare)
    assert ["sub/x.xlsx", "sub/x.xlsx"] == [
        *(action.origin.file for action in streamed if action.origin is not None),
        *(problem.location.file for problem in found if problem.location is not None),
    ]
    assert (nested.source, bare.source) == ("sub/x.xlsx", "x.xlsx")


def test_the_engines_name_the_file_alike(tmp_path: Path) -> None:
    """openpyxl and calamine give the same origins, files included."""
    path = _matrix(tmp_path / "unit" / "matrix.xlsx")
    first, second = (gt.load(path, engine=engine) for engine in ENGINES)
    assert [str(path)] * 2 == _files(first)
    assert _files(first) == _files(second)
    assert [a.origin for a in first.actions] == [a.origin for a in second.actions]


def test_a_workbook_s_read_errors_name_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: a broken workbook's message named `matrix.xlsx`, not which unit's."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "matrix.xlsx").write_text("not a workbook", encoding="utf-8")
    (tmp_path / "b" / "plan.xlsx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(gt.FormatError) as not_zip:
        gt.load("b/matrix.xlsx")
    with pytest.raises(gt.FormatError) as old:
        gt.load("b/plan.xlsx")
    with pytest.raises(gt.FormatError) as direct:
        excel.load("b/matrix.xlsx")
    with pytest.raises(gt.LimitError) as large:
        gt.load(_matrix(Path("c/matrix.xlsx")), limits=gt.Limits(max_file_bytes=100))
    errors = [not_zip.value, old.value, direct.value, large.value]
    assert ["b/matrix.xlsx", "b/plan.xlsx", "b/matrix.xlsx", "c/matrix.xlsx"] == [
        str(error).partition(" is ")[0] for error in errors
    ]


def test_a_workbook_without_a_header_row_is_named_by_its_path(tmp_path: Path) -> None:
    """The FormatError of a workbook with no header row govtrack knows names its folder."""
    path = tmp_path / "unit" / "notes.xlsx"
    path.parent.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["just", "words"])
    book.save(path)
    with pytest.raises(gt.FormatError) as caught:
        gt.load(path)
    with pytest.raises(gt.FormatError) as streamed:
        list(excel.iter_actions(path))
    prefix = f"{path}: no sheet has a header row govtrack recognises"
    assert (prefix, prefix) == (
        str(caught.value)[: len(prefix)],
        str(streamed.value)[: len(prefix)],
    )


def test_a_text_file_s_decoding_error_names_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: text in another encoding was refused naming `notes.txt` alone."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "notes.txt").write_bytes("Décisions\n".encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(gt.FormatError) as caught:
        gt.load("b/notes.txt")
    assert "b/notes.txt" in str(caught.value)
    assert " notes.txt" not in str(caught.value).replace("b/notes.txt", "")


def test_govtrack_s_own_workbook_names_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """govtrack's own workbook keeps the origins it holds (they are data), and its own
    reading problems (GT290) name the path as given; read from a stream they name none."""
    monkeypatch.chdir(tmp_path)
    doc = gt.load(_matrix(Path("a/matrix.xlsx")))
    gt.dump(doc, "a/tracker.xlsx")
    book = load_workbook("a/tracker.xlsx")
    book["Actions"].cell(row=1, column=book["Actions"].max_column + 1, value="Owner's note")
    book.save("a/tracker.xlsx")
    back = gt.load("a/tracker.xlsx")
    stream = excel_workbook.read(io.BytesIO(Path("a/tracker.xlsx").read_bytes()))
    assert ["a/matrix.xlsx"] == [a.origin.file for a in back.actions if a.origin is not None]
    assert [("GT290", "a/tracker.xlsx")] == [
        (p.code, p.location.file) for p in back.problems if p.code == "GT290" and p.location
    ]
    assert [("GT290", "")] == [
        (p.code, p.location.file) for p in stream.problems if p.code == "GT290" and p.location
    ]


def test_a_copy_s_problems_mark_the_cells_of_another_path(tmp_path: Path) -> None:
    """annotate matches problems to cells by sheet and cell, not by file: a problem list
    read from `a/matrix.xlsx` marks the same cells of a copy elsewhere."""
    _matrix(tmp_path / "a" / "matrix.xlsx")
    copy = _matrix(tmp_path / "b" / "copy.xlsx")
    issues = gt.validate(gt.load(tmp_path / "a" / "matrix.xlsx"), on=ON)
    annotate(copy, issues, tmp_path / "checked.xlsx")
    marked = load_workbook(tmp_path / "checked.xlsx")["Matrix"]["D2"].comment
    assert marked is not None
    assert "GT101" in marked.text


def _cli(argv: list[str]) -> str:
    out = io.StringIO()
    main(argv, out=out)
    return out.getvalue()


def test_the_command_line_cites_each_unit_s_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate, summary and reminders of two units' `matrix.xlsx` cite `a/matrix.xlsx` and
    `b/matrix.xlsx` (regression: both were `matrix.xlsx`, and GT113 was not given)."""
    _matrix(tmp_path / "a" / "matrix.xlsx", "Ongoing")
    _matrix(tmp_path / "b" / "matrix.xlsx", "Ongoing")
    monkeypatch.chdir(tmp_path)
    files = ["a/matrix.xlsx", "b/matrix.xlsx"]
    checked = _cli(["validate", *files, "--on", "2024-01-31"]).splitlines()
    summary = json.loads(_cli(["summary", *files, "--on", "2024-01-31", "--format", "json"]))
    text = _cli(["summary", *files, "--on", "2024-01-31"])
    action = "action 'Recruit a data clerk for the district office'"
    overdue = f"{action} was due '2023/06' (owed by HR Unit)"
    assert [
        f"info    a/matrix.xlsx: Matrix!D2 (Status): GT110 {overdue}",
        f"info    b/matrix.xlsx: Matrix!D2 (Status): GT110 {overdue}",
        (
            f"warning b/matrix.xlsx: Matrix!A2: GT113 {action}: the same action is in "
            "a/matrix.xlsx: Matrix!A2 and b/matrix.xlsx: Matrix!A2: counted twice in the rates"
        ),
    ] == checked[-3:]
    assert ["a/matrix.xlsx: Matrix!A2", "b/matrix.xlsx: Matrix!A2"] == [
        action["where"] for action in summary["overdue"]["HR Unit"]
    ]
    assert "2 files on 2024-01-31: 2 actions" in text
    listed = [line.strip() for line in text.splitlines() if line.strip().startswith("- ")]
    assert [
        "- Recruit a data clerk for the district office (due 2023/06) [a/matrix.xlsx: Matrix!A2]",
        "- Recruit a data clerk for the district office (due 2023/06) [b/matrix.xlsx: Matrix!A2]",
    ] == listed


@given(st.lists(file_names, min_size=1, max_size=3), file_names)
def test_any_folder_and_name_is_cited_as_given(folders: list[str], name: str) -> None:
    """Whatever the folders and the name, a workbook's origins and problems name the path
    as given, relative or absolute."""
    with tempfile.TemporaryDirectory() as root:
        relative = Path(*folders, f"{name}.xlsx")
        path = Path(root) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_SAMPLE)
        here = Path.cwd()
        os.chdir(root)
        try:
            near = gt.load(relative)
        finally:
            os.chdir(here)
        far = gt.load(str(path))
        assert [str(relative)] * 2 == _files(near)
        assert [str(path)] * 2 == _files(far)
        assert near == far


def _sample() -> bytes:
    with tempfile.TemporaryDirectory() as root:
        return _matrix(Path(root) / "m.xlsx").read_bytes()


_SAMPLE = _sample()
