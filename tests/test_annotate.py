"""The annotated copy of a partner's file: problem cells filled and commented, source untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, PatternFill, Side

import govtrack as gt
from govtrack import cli
from govtrack.annotate import FILLS, annotate


@pytest.fixture
def partner(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Action Matrix"
    sheet.append(["Country office action plan"])
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Hire an analyst", "HR", "2022/06", "Stalled"])
    sheet.append(["=looks like a formula", "", "soon", "Ongoing"])
    sheet["A4"].data_type = "s"  # a text the partner typed with a leading '=', not a formula
    target = tmp_path / "partner.xlsx"
    book.save(target)
    return target


def at(sheet: str, cell: str, header: str = "") -> gt.Location:
    return gt.Location(file="partner.xlsx", sheet=sheet, cell=cell, header=header)


ISSUES = [
    gt.Issue(code="GT101", message="status 'Stalled' unknown", location=at("Action Matrix", "D3", "Status"),
             severity=gt.Severity.ERROR),
    gt.Issue(code="GT102", message="no responsible", location=at("Action Matrix", "B4", "Responsible")),
    gt.Issue(code="GT104", message="deadline 'soon' unreadable", location=at("Action Matrix", "C4"),
             severity=gt.Severity.ERROR),
    gt.Issue(code="GT110", message="overdue", location=at("Action Matrix", "D3"), severity=gt.Severity.INFO),
]  # fmt: skip


def test_cells_are_filled_and_commented(partner: Path, tmp_path: Path) -> None:
    """Each problem cell gets the fill of its worst issue and a comment listing them all."""
    target = tmp_path / "checked.xlsx"
    annotate(partner, ISSUES, target)
    sheet = load_workbook(target)["Action Matrix"]
    assert FILLS[gt.Severity.ERROR].fgColor.rgb == sheet["D3"].fill.fgColor.rgb
    assert FILLS[gt.Severity.WARNING].fgColor.rgb == sheet["B4"].fill.fgColor.rgb
    assert sheet["D3"].comment is not None
    assert "GT101 error: status 'Stalled' unknown\nGT110 info: overdue" == sheet["D3"].comment.text
    assert ("Stalled", "=looks like a formula", "s") == (
        sheet["D3"].value,
        sheet["A4"].value,
        sheet["A4"].data_type,
    )


def test_problems_sheet_comes_first_with_links(partner: Path, tmp_path: Path) -> None:
    """The Problems sheet lists errors first, each linked to its cell."""
    target = tmp_path / "checked.xlsx"
    annotate(partner, ISSUES, target)
    book = load_workbook(target)
    assert ["Problems", "Action Matrix"] == book.sheetnames
    rows = list(book["Problems"].iter_rows(min_row=2, values_only=True))
    assert [("error", "GT101"), ("error", "GT104"), ("warning", "GT102"), ("info", "GT110")] == [
        (row[0], row[1]) for row in rows
    ]
    assert (
        "#'Action Matrix'!D3" == book["Problems"]["C2"].hyperlink.location
        or book["Problems"]["C2"].hyperlink.target
    )


def test_source_is_never_modified(partner: Path, tmp_path: Path) -> None:
    """Annotating reads the partner's file and leaves it byte for byte as it was."""
    before = hashlib.sha256(partner.read_bytes()).hexdigest()
    annotate(partner, ISSUES, tmp_path / "checked.xlsx")
    assert before == hashlib.sha256(partner.read_bytes()).hexdigest()


def test_refuses_to_overwrite_the_source(partner: Path) -> None:
    """The annotated copy cannot be written over the file it annotates."""
    with pytest.raises(gt.FormatError, match="must not overwrite"):
        annotate(partner, ISSUES, partner)


def test_cli_validate_annotate(partner: Path, tmp_path: Path) -> None:
    """`govtrack validate --annotate` writes the annotated workbook beside the report."""
    target = tmp_path / "checked.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "govtrack", "validate", str(partner), "--annotate", str(target)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert 1 == result.returncode
    assert f"wrote {target}" in result.stdout
    assert "GT101" in [
        row[1] for row in load_workbook(target)["Problems"].iter_rows(values_only=True)
    ]


def test_a_json_document_is_not_annotated(partner: Path, tmp_path: Path) -> None:
    """Regression: a JSON source was copied as one 'Text' cell (cut at 32,767 characters)
    with Problems rows citing cells of another file; now the command and the function
    refuse it alike, naming the file its records were read from, and write nothing."""
    source = tmp_path / "checked.json"
    doc = gt.load(partner)
    gt.dump(doc, source)
    target = tmp_path / "checked.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "govtrack", "validate", str(source), "--annotate", str(target)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    expected = (
        f"{source}: a JSON document has no cells or lines to mark; annotate the workbook "
        f"or text it was read from ({partner})"
    )
    with pytest.raises(gt.UnsupportedFormatError) as caught:
        annotate(source, gt.validate(doc, on=dt.date(2023, 1, 31)), target)
    assert (2, "", f"govtrack: {expected}\n", expected, False) == (
        result.returncode,
        result.stdout,
        result.stderr,
        str(caught.value),
        target.exists(),
    )


def test_a_json_document_under_another_name_is_not_annotated(tmp_path: Path) -> None:
    """govtrack's JSON saved as .txt is refused too; with no origins, no file is named."""
    source = tmp_path / "export.txt"
    source.write_text(
        gt.dumps(
            gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="x"),)),)), format="json"
        ),
        encoding="utf-8",
    )
    with pytest.raises(gt.UnsupportedFormatError) as caught:
        annotate(source, [], tmp_path / "checked.xlsx")
    expected = (
        f"{source}: a JSON document has no cells or lines to mark; annotate the workbook or "
        "text it was read from"
    )
    assert expected == str(caught.value)


def _filled(partner: Path, tmp_path: Path, fill: Any, border: Border | None = None) -> Path:
    """The partner's workbook with their own fill (and border) on the problem cell D3."""
    book = load_workbook(partner)
    cell = book["Action Matrix"]["D3"]
    cell.fill = fill
    if border is not None:
        cell.border = border
    target = tmp_path / "filled.xlsx"
    book.save(target)
    return target


def test_the_partners_fill_on_a_problem_cell_is_kept(partner: Path, tmp_path: Path) -> None:
    """Regression: a green fill of the partner's (their only sign of 'done') was replaced by
    govtrack's colour; now it stays, a border marks the cell and the note names the fill."""
    source = _filled(partner, tmp_path, PatternFill("solid", fgColor="00FF00"))
    target = tmp_path / "checked.xlsx"
    annotate(source, ISSUES, target)
    cell = load_workbook(target)["Action Matrix"]["D3"]
    assert cell.comment is not None
    note = (
        "GT101 error: status 'Stalled' unknown\nGT110 info: overdue\n"
        "The cell's own fill (#00FF00) is kept: govtrack does not read colours."
    )
    assert ("0000FF00", ("medium", "00C00000"), note) == (
        cell.fill.fgColor.rgb,
        (cell.border.left.style, cell.border.left.color.rgb),
        cell.comment.text,
    )


def test_the_partners_border_on_a_filled_problem_cell_is_kept(
    partner: Path, tmp_path: Path
) -> None:
    """A filled cell with borders of its own keeps both: the note alone marks it."""
    side = Side(style="thin", color="123456")
    border = Border(left=side, right=side, top=side, bottom=side)
    source = _filled(partner, tmp_path, PatternFill("darkGrid", fgColor="FFFF00"), border)
    target = tmp_path / "checked.xlsx"
    annotate(source, ISSUES, target)
    cell = load_workbook(target)["Action Matrix"]["D3"]
    assert cell.comment is not None
    line = (
        "The cell's own fill (darkGrid pattern, #FFFF00 on #000000) is kept: govtrack does "
        "not read colours."
    )
    assert (("darkGrid", "00FFFF00"), ("thin", "00123456"), line) == (
        (cell.fill.fill_type, cell.fill.fgColor.rgb),
        (cell.border.left.style, cell.border.left.color.rgb),
        cell.comment.text.splitlines()[-1],
    )


def test_annotating_again_keeps_the_partners_fill_and_one_border(
    partner: Path, tmp_path: Path
) -> None:
    """An annotated copy annotated again keeps the partner's fill; a cell no longer at
    fault loses govtrack's border and note, and keeps the fill."""
    first = tmp_path / "checked.xlsx"
    annotate(_filled(partner, tmp_path, PatternFill("solid", fgColor="00FF00")), ISSUES, first)
    second = tmp_path / "checked2.xlsx"
    annotate(first, ISSUES[2:3], second)
    cell = load_workbook(second)["Action Matrix"]["D3"]
    border = getattr(cell.border.left, "style", None)
    assert ("0000FF00", None, None) == (cell.fill.fgColor.rgb, border, cell.comment)


def test_annotating_again_keeps_a_partners_fill_in_govtracks_colour(
    partner: Path, tmp_path: Path
) -> None:
    """Regression: a partner's own fill in govtrack's amber (FCE8A6) was removed when the
    annotated copy was annotated again, taken for govtrack's mark by its colour; govtrack's
    note says whose fill it is, so only the fills govtrack made are removed."""
    amber = FILLS[gt.Severity.WARNING].fgColor.rgb
    first = tmp_path / "checked.xlsx"
    annotate(_filled(partner, tmp_path, PatternFill("solid", fgColor=amber)), ISSUES, first)
    second, third = tmp_path / "checked2.xlsx", tmp_path / "checked3.xlsx"
    annotate(first, ISSUES, second)  # D3 still at fault: marked again
    annotate(second, ISSUES[2:3], third)  # D3 and B4 no longer at fault
    kept = load_workbook(second)["Action Matrix"]
    cleared = load_workbook(third)["Action Matrix"]
    assert kept["D3"].comment is not None
    line = "The cell's own fill (#FCE8A6) is kept: govtrack does not read colours."
    assert (amber, "medium", line) == (
        kept["D3"].fill.fgColor.rgb,
        getattr(kept["D3"].border.left, "style", None),
        kept["D3"].comment.text.splitlines()[-1],
    )
    assert (amber, None, None) == (
        cleared["D3"].fill.fgColor.rgb,
        getattr(cleared["D3"].border.left, "style", None),
        cleared["D3"].comment,
    )
    # B4 was filled amber by govtrack (a warning), not by the partner: that fill goes.
    assert (amber, None) == (kept["B4"].fill.fgColor.rgb, cleared["B4"].fill.fill_type)


@pytest.fixture
def laid_out(tmp_path: Path) -> Path:
    """A partner matrix with merges, widths, a frozen header, a number format, a formula."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "MR"
    sheet.append(["Rec #", "Recommendation", "Key action", "Responsible", "Deadline", "Status"])
    sheet.append(["1", "Strengthen data", "Hire an analyst", "HR", "2022/06", "Stalled"])
    sheet.append([None, None, "Train staff", "HR", "2022/09", "Ongoing"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.column_dimensions["C"].width = 55
    sheet.freeze_panes = "A2"
    sheet["G1"] = 0.25
    sheet["G1"].number_format = "0%"
    target = tmp_path / "laid_out.xlsx"
    book.save(target)
    return target


def test_a_workbook_keeps_its_layout(laid_out: Path, tmp_path: Path) -> None:
    """Merges, widths, the frozen pane and number formats survive into the annotated copy."""
    issues = [
        gt.Issue(
            code="GT101",
            message="unknown",
            location=gt.Location(sheet="MR", cell="F2"),
            severity=gt.Severity.ERROR,
        )
    ]
    target = tmp_path / "checked.xlsx"
    annotate(laid_out, issues, target)
    sheet = load_workbook(target)["MR"]
    assert (["A2:A3", "B2:B3"], 55, "A2", "0%") == (
        sorted(str(merged) for merged in sheet.merged_cells.ranges),
        sheet.column_dimensions["C"].width,
        sheet.freeze_panes,
        sheet["G1"].number_format,
    )
    assert FILLS[gt.Severity.ERROR].fgColor.rgb == sheet["F2"].fill.fgColor.rgb


def test_a_problem_inside_a_merged_range_marks_its_first_cell(
    laid_out: Path, tmp_path: Path
) -> None:
    """A location inside a merged range (a filled-down recommendation) marks the range's cell,
    and the note names the location's own cell."""
    issues = [gt.Issue(code="GT106", message="m", location=gt.Location(sheet="MR", cell="B3"))]
    target = tmp_path / "checked.xlsx"
    annotate(laid_out, issues, target)
    sheet = load_workbook(target)["MR"]
    assert sheet["B2"].comment is not None
    assert "MR!B3 (merged into B2:B3): GT106 warning: m" == sheet["B2"].comment.text


@pytest.fixture
def merged_hidden(tmp_path: Path) -> Path:
    """A recommendation merged down over rows 4-7 (its Rec # too), row 6 hidden."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet.append(["Management response matrix"])
    sheet.append([])
    sheet.append(["Rec #", "Recommendation", "Key action", "Responsible", "Deadline", "Status"])
    sheet.append(["1", "Strengthen data", "Hire an analyst", "HR", "2022/06", "Ongoing"])
    sheet.append([None, None, "Train staff", "HR", "2022/09", "Ongoing"])
    sheet.append([None, None, "Buy laptops", "IT", "2022/10", "Ongoing"])
    sheet.append([None, None, "Audit", "Finance", "2023/01", "Ongoing"])
    sheet.merge_cells("A4:A7")
    sheet.merge_cells("B4:B7")
    sheet.row_dimensions[6].hidden = True
    target = tmp_path / "merged.xlsx"
    book.save(target)
    return target


def test_a_problem_of_a_hidden_merged_row_names_its_own_cell(
    merged_hidden: Path, tmp_path: Path
) -> None:
    """Regression: a problem of hidden row 6 inside merged A4:A7 / B4:B7 was commented on row 4
    as if about row 4, and a second problem marked on the same first cell replaced the first.
    Each line of the note now names its own cell; the Problems sheet links to that cell and
    says where the mark is."""
    reading = gt.load(merged_hidden).problems
    assert ["Matrix!A6: GT203"] == [f"{issue.location}: {issue.code}" for issue in reading]
    issues = [
        *reading,
        gt.Issue(code="GT106", message="text too short", location=gt.Location(sheet="Matrix", cell="B6")),
        gt.Issue(code="GT105", message="no response", location=gt.Location(sheet="Matrix", cell="B4"),
                 severity=gt.Severity.ERROR),
    ]  # fmt: skip
    target = tmp_path / "checked.xlsx"
    annotate(merged_hidden, issues, target)
    book = load_workbook(target)
    sheet = book["Matrix"]
    notes = {
        cell.coordinate: cell.comment.text
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment is not None
    }
    assert {
        "A4": "Matrix!A6 (merged into A4:A7; row 6 is hidden): "
        "GT203 warning: row 6 is hidden; it was read",
        "B4": "Matrix!B4: GT105 error: no response\n"
        "Matrix!B6 (merged into B4:B7; row 6 is hidden): GT106 warning: text too short",
    } == notes
    assert FILLS[gt.Severity.ERROR].fgColor.rgb == sheet["B4"].fill.fgColor.rgb
    problems = book["Problems"]
    assert [
        ("GT105", "Matrix!B4", "#'Matrix'!B4", "no response"),
        ("GT203", "Matrix!A6", "#'Matrix'!A6",
         "row 6 is hidden; it was read [marked on A4: merged into A4:A7; row 6 is hidden]"),
        ("GT106", "Matrix!B6", "#'Matrix'!B6",
         "text too short [marked on B4: merged into B4:B7; row 6 is hidden]"),
    ] == [
        (row[1].value, row[2].value, row[2].hyperlink.target if row[2].hyperlink else None,
         row[4].value)
        for row in problems.iter_rows(min_row=2)
    ]  # fmt: skip
    assert (True, ["A4:A7", "B4:B7"]) == (
        sheet.row_dimensions[6].hidden,
        sorted(str(merged) for merged in sheet.merged_cells.ranges),
    )


def test_a_problem_of_a_merged_cell_in_a_values_only_copy_stays_on_its_cell(
    merged_hidden: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A values-only copy keeps no merges: each problem is marked on its own cell, as before."""
    monkeypatch.setattr("govtrack.annotate.WHOLE_COPY_BYTES", 10)
    issues = [gt.Issue(code="GT106", message="m", location=gt.Location(sheet="Matrix", cell="B6"))]
    target = tmp_path / "checked.xlsx"
    annotate(merged_hidden, issues, target)
    sheet = load_workbook(target)["Matrix"]
    comment = sheet["B6"].comment
    assert ("GT106 warning: m", None) == (
        comment.text if comment else None,
        sheet["B4"].comment,
    )


def test_a_large_workbook_is_copied_values_only(
    laid_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over the size for a whole copy, the copy streams the values (merges are not kept)."""
    monkeypatch.setattr("govtrack.annotate.WHOLE_COPY_BYTES", 10)
    target = tmp_path / "checked.xlsx"
    annotate(laid_out, ISSUES[:0], target)
    sheet = load_workbook(target)["MR"]
    assert ([], "Hire an analyst") == (list(sheet.merged_cells.ranges), sheet["C2"].value)


def test_the_annotated_copy_reads_back_like_the_source(laid_out: Path, tmp_path: Path) -> None:
    """Reading the copy skips its Problems sheet: the same actions, no GT201."""
    target = tmp_path / "checked.xlsx"
    doc = gt.load(laid_out)
    annotate(laid_out, gt.validate(doc, on=gt.parse_due("2023").end), target)
    back = gt.load(target)
    assert ([a.text for a in doc.actions], []) == (
        [a.text for a in back.actions],
        [p.code for p in back.problems if p.code == "GT201"],
    )


def test_a_part_a_whole_load_trips_on_falls_back_to_the_values(
    laid_out: Path, tmp_path: Path
) -> None:
    """A broken comments part (which reading never touches) gives a values-only copy, not a crash."""
    import zipfile

    from openpyxl.comments import Comment

    book = load_workbook(laid_out)
    book["MR"]["A1"].comment = Comment("partner's note", "partner")
    commented = tmp_path / "commented.xlsx"
    book.save(commented)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(commented) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if "comments" in item.filename and item.filename.endswith(".xml"):
                data = b"<comments><oops"
            target.writestr(item, data)
    doc = gt.load(broken)
    target_path = tmp_path / "checked.xlsx"
    annotate(broken, gt.validate(doc, on=gt.parse_due("2023").end), target_path)
    sheet = load_workbook(target_path)["MR"]
    assert ([], "Hire an analyst") == (list(sheet.merged_cells.ranges), sheet["C2"].value)


def test_annotating_an_annotated_copy_replaces_the_earlier_round(
    partner: Path, tmp_path: Path
) -> None:
    """A partner's corrected copy annotated again: one Problems sheet (this round's), and
    the earlier round's marks gone from cells no longer at fault; the partner's own
    comment stays."""
    from openpyxl.comments import Comment

    first = tmp_path / "checked.xlsx"
    annotate(partner, ISSUES, first)
    book = load_workbook(first)
    book["Action Matrix"]["A3"].comment = Comment("please check", "partner")
    book["Action Matrix"]["D3"] = "Ongoing"  # corrected; C4 still unreadable
    corrected = tmp_path / "corrected.xlsx"
    book.save(corrected)
    second = tmp_path / "checked2.xlsx"
    annotate(corrected, [ISSUES[2]], second)
    again = load_workbook(second)
    assert ["Problems", "Action Matrix"] == again.sheetnames
    assert [("error", "GT104")] == [
        (row[0], row[1]) for row in again["Problems"].iter_rows(min_row=2, values_only=True)
    ]
    sheet = again["Action Matrix"]
    assert (sheet["D3"].comment, sheet["D3"].fill.fill_type) == (None, None)
    assert sheet["C4"].comment is not None
    assert "GT104" in sheet["C4"].comment.text
    assert sheet["A3"].comment is not None
    assert sheet["A3"].comment.text.startswith("please check")


def test_a_values_only_copy_of_an_annotated_copy_has_one_problems_sheet(
    partner: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over the whole-copy size, the earlier Problems sheet is not copied either."""
    first = tmp_path / "checked.xlsx"
    annotate(partner, ISSUES, first)
    monkeypatch.setattr("govtrack.annotate.WHOLE_COPY_BYTES", 10)
    second = tmp_path / "checked2.xlsx"
    annotate(first, ISSUES, second)
    assert ["Problems", "Action Matrix"] == load_workbook(second).sheetnames


NOTED = (
    "Unit asked on 3 May; reply due\n\n— govtrack:\n"
    "GT101 error: status 'Stalled' unknown\nGT110 info: overdue"
)
"""D3's comment in the annotated copy of :func:`_noted`'s workbook."""


def _noted(partner: Path, tmp_path: Path) -> Path:
    """The partner's workbook with a note of their own on a problem cell (D3)."""
    from openpyxl.comments import Comment

    book = load_workbook(partner)
    book["Action Matrix"]["D3"].comment = Comment("Unit asked on 3 May; reply due", "Partner")
    noted = tmp_path / "noted.xlsx"
    book.save(noted)
    return noted


def test_the_partners_note_on_a_problem_cell_is_kept(partner: Path, tmp_path: Path) -> None:
    """Regression: govtrack's comment replaced the partner's own note on a problem cell;
    now govtrack's text follows it, after a '— govtrack:' line, the partner still its author."""
    target = tmp_path / "checked.xlsx"
    annotate(_noted(partner, tmp_path), ISSUES, target)
    comment = load_workbook(target)["Action Matrix"]["D3"].comment
    assert comment is not None
    assert (
        "Partner",
        NOTED,
    ) == (comment.author, comment.text)


def test_annotating_again_does_not_repeat_govtracks_part(partner: Path, tmp_path: Path) -> None:
    """An annotated copy annotated again holds the partner's note and govtrack's part once;
    a cell no longer at fault gets the partner's note back alone, without govtrack's fill."""
    first = tmp_path / "checked.xlsx"
    annotate(_noted(partner, tmp_path), ISSUES, first)
    second = tmp_path / "checked2.xlsx"
    annotate(first, ISSUES, second)
    third = tmp_path / "checked3.xlsx"
    annotate(second, ISSUES[2:3], third)
    again = load_workbook(second)["Action Matrix"]["D3"].comment
    cleared = load_workbook(third)["Action Matrix"]["D3"]
    assert again is not None
    assert cleared.comment is not None
    assert (
        NOTED,
        ("Unit asked on 3 May; reply due", "Partner", None),
    ) == (again.text, (cleared.comment.text, cleared.comment.author, cleared.fill.fill_type))


@pytest.mark.parametrize("name", ["notes.txt", "partner.xlsx", "export"])
def test_a_missing_source_is_a_missing_file_error(tmp_path: Path, name: str) -> None:
    """Regression: annotating a text file that does not exist let a bare FileNotFoundError
    out (and a missing workbook was a FormatError); now it is govtrack's MissingFileError
    with the path, as gt.load raises, and no copy is written."""
    source, target = tmp_path / name, tmp_path / "checked.xlsx"
    with pytest.raises(gt.MissingFileError) as raised:
        annotate(source, ISSUES, target)
    with pytest.raises(gt.MissingFileError) as loaded:
        gt.load(source)
    assert (f"{source}: no such file", str(loaded.value), False) == (
        str(raised.value),
        str(raised.value),
        target.exists(),
    )


def test_a_folder_as_source_is_a_not_a_file_error(tmp_path: Path) -> None:
    """Regression: annotating a folder named like a text let a bare IsADirectoryError out;
    now it is govtrack's NotAFileError (also an IsADirectoryError), as gt.load raises."""
    source = tmp_path / "notes.txt"
    source.mkdir()
    with pytest.raises(gt.NotAFileError) as raised:
        annotate(source, ISSUES, tmp_path / "checked.xlsx")
    assert str(source) in str(raised.value)


def test_a_source_gone_before_annotating_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a text removed between reading and annotating made `validate --annotate`
    report an internal error (FileNotFoundError); now it exits 2 with the missing-file line
    any other missing input gives."""
    source = tmp_path / "notes.txt"
    source.write_text("Minutes of the meeting\n", encoding="utf-8")

    def validate_then_remove(doc: gt.Document, **options: Any) -> list[gt.Issue]:
        source.unlink()
        return gt.validate(doc, **options)

    monkeypatch.setattr(cli, "validate", validate_then_remove)
    status = cli.main(["validate", str(source), "--annotate", str(tmp_path / "checked.xlsx")])
    assert (2, f"govtrack: {source}: no such file\n") == (status, capsys.readouterr().err)


def _rewrite_sheet(path: Path, change: Callable[[str], str]) -> None:
    """Rewrite the first sheet's XML of the workbook at ``path`` (as Excel would have
    saved it: cached values after the formulas)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, content in parts.items():
            target.writestr(filename, content)


def test_formulas_survive_with_their_cached_values(tmp_path: Path) -> None:
    """Regression: the whole copy was loaded data_only, so a formula became its cached
    value and one with none (a total openpyxl saved) became an empty cell. Every formula
    stays a formula now, with the value the partner's file holds for it, so the copy
    shows what the partner's file shows and reads back with the same actions."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Budget"])
    sheet.append(["Hire", "HR", "2023-03-31", '=IF(TRUE,"Stalled","")', 100])
    sheet.append(["Buy", "Admin", "2023-03-31", "Ongoing", "=E2*2"])
    sheet.append(["Total", None, None, None, "=SUM(E2:E3)"])
    source = tmp_path / "plan.xlsx"
    book.save(source)

    def cache(xml: str) -> str:  # D2 and E3 hold values, as Excel saves them; E4 none
        xml = re.sub(
            r'<c r="D2"([^>]*)><f>(.*?)</f><v\s*/>',
            r'<c r="D2"\1 t="str"><f>\2</f><v>Stalled</v>',
            xml,
        )
        return re.sub(
            r'<c r="E3"([^>]*)><f>(.*?)</f><v\s*/>', r'<c r="E3"\1><f>\2</f><v>200</v>', xml
        )

    _rewrite_sheet(source, cache)
    doc = gt.load(source)
    target = tmp_path / "checked.xlsx"
    annotate(source, gt.validate(doc, on=dt.date(2023, 1, 31)), target)
    formulas = load_workbook(target)["Plan"]
    values = load_workbook(target, data_only=True)["Plan"]
    cells = ("D2", "E3", "E4")
    assert ('=IF(TRUE,"Stalled","")', "=E2*2", "=SUM(E2:E3)") == tuple(
        formulas[cell].value for cell in cells
    )
    assert ("Stalled", 200, None) == tuple(values[cell].value for cell in cells)
    assert FILLS[gt.Severity.ERROR].fgColor.rgb == formulas["D2"].fill.fgColor.rgb

    def shown(document: gt.Document) -> list[tuple[object, ...]]:
        return [(a.text, a.responsible, a.due, a.status_text, a.extra) for a in document.actions]

    assert shown(doc) == shown(gt.load(target))


def test_an_array_formula_keeps_its_cached_value(tmp_path: Path) -> None:
    """Regression: a single-cell array formula (as current Excel saves a dynamic array,
    ``<f t="array" ref="F2">``) lost its cached value in the whole copy (openpyxl wrote
    ``<v />``), so the copy read back without the value the partner's file held."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Budget", "Total"])
    sheet.append(["Hire", "HR", "2023-03-31", "Ongoing", 100, None])
    source = tmp_path / "plan.xlsx"
    book.save(source)

    def cache(xml: str) -> str:  # F2: an array formula with the value Excel saved
        xml = re.sub(r'<c r="F2"[^>]*/>', "", xml)
        return re.sub(
            r'(<c r="E2"[^>]*>.*?</c>)',
            r'\1<c r="F2"><f t="array" ref="F2">SUM(E2:E2*6)</f><v>600</v></c>',
            xml,
            count=1,
        )

    _rewrite_sheet(source, cache)
    doc = gt.load(source)
    assert "600" == doc.actions[0].extra["Total"]
    target = tmp_path / "checked.xlsx"
    annotate(source, gt.validate(doc, on=dt.date(2023, 1, 31)), target)
    formula = load_workbook(target)["Plan"]["F2"].value
    assert ("F2", "=SUM(E2:E2*6)") == (formula.ref, formula.text)
    assert 600 == load_workbook(target, data_only=True)["Plan"]["F2"].value
    assert doc.actions[0].extra == gt.load(target).actions[0].extra
