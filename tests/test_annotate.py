"""The annotated copy of a partner's file: problem cells filled and commented, source untouched."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import govtrack as gt
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


def test_cli_validate_annotate(tmp_path: Path) -> None:
    """`govtrack validate --annotate` writes the annotated workbook beside the report."""
    source = tmp_path / "t.json"
    gt.dump(
        gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="x", status_text="Stalled"),)),)),
        source,
    )
    target = tmp_path / "checked.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "govtrack", "validate", str(source), "--annotate", str(target)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert 1 == result.returncode
    assert f"wrote {target}" in result.stdout
    assert "GT101" in [
        row[1] for row in load_workbook(target)["Problems"].iter_rows(values_only=True)
    ]


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
    """A location inside a merged range (a filled-down recommendation) marks the range's cell."""
    issues = [gt.Issue(code="GT106", message="m", location=gt.Location(sheet="MR", cell="B3"))]
    target = tmp_path / "checked.xlsx"
    annotate(laid_out, issues, target)
    sheet = load_workbook(target)["MR"]
    assert sheet["B2"].comment is not None
    assert "GT106 warning: m" == sheet["B2"].comment.text


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
