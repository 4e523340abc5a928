"""Hidden sheets: read by default and said to be counted; left out with hidden_sheets="skip"."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

import govtrack as gt
from govtrack.cli import main

ENGINES = ["openpyxl", "calamine"]


def _workbook(tmp_path: Path) -> Path:
    """A partner's tracker with this round on view and the last round hidden."""
    book = openpyxl.Workbook()
    current = book.active
    assert current is not None
    current.title = "Round 2"
    current.append(["Action", "Responsible", "Deadline", "Status"])
    current.append(["Open two service desks", "Programme Unit", "2023/06", "Ongoing"])
    current.append(["Publish the referral guide", "Communications", "2022/12", "Completed"])
    old = book.create_sheet("Round 1 (old)")
    old.sheet_state = "hidden"
    old.append(["Action", "Responsible", "Deadline", "Status"])
    old.append(["Review the criteria", "Programme Unit", "2022/03", "Ongoing"])
    path = tmp_path / "tracker.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hidden_sheet_is_read_by_default_and_reported(tmp_path: Path, engine: str) -> None:
    """The default reads a hidden sheet with a header (its actions are counted), with GT202."""
    doc = gt.load(_workbook(tmp_path), engine=engine)
    assert [a.text for a in doc.actions] == [
        "Open two service desks",
        "Publish the referral guide",
        "Review the criteria",
    ]
    assert [(p.code, p.location.sheet if p.location else "") for p in doc.problems] == [
        ("GT202", "Round 1 (old)")
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_skip_leaves_every_hidden_sheet_out_and_says_so(tmp_path: Path, engine: str) -> None:
    """hidden_sheets="skip": the old round is not read, and GT202 says it was left out;
    iter_actions agrees with load."""
    path = _workbook(tmp_path)
    doc = gt.load(path, engine=engine, hidden_sheets="skip")
    assert [a.text for a in doc.actions] == ["Open two service desks", "Publish the referral guide"]
    assert [(p.code, p.message) for p in doc.problems] == [
        ("GT202", "sheet 'Round 1 (old)' is hidden; it was not read (hidden_sheets='skip')")
    ]
    problems: list[gt.Issue] = []
    streamed = list(gt.iter_actions(path, engine=engine, hidden_sheets="skip", problems=problems))
    assert streamed == list(doc.actions)
    assert problems == list(doc.problems)


def test_govtracks_own_lists_sheet_is_skipped_without_a_word(tmp_path: Path) -> None:
    """The hidden `_lists` sheet of a matrix govtrack wrote is not data: skipping hidden
    sheets reports nothing for it."""
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text="Hire"),)),))
    path = tmp_path / "matrix.xlsx"
    gt.dump(doc, path, layout="matrix")
    back = gt.load(path, hidden_sheets="skip")
    assert [a.text for a in back.actions] == ["Hire"]
    assert [p.code for p in back.problems if p.code == "GT202"] == []


def test_an_unknown_choice_is_refused(tmp_path: Path) -> None:
    """A value that is neither "read" nor "skip" is refused by name."""
    with pytest.raises(gt.UnsupportedFormatError, match=r"hidden_sheets='hide'"):
        gt.load(_workbook(tmp_path), hidden_sheets="hide")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_summary_says_a_hidden_sheet_was_counted(tmp_path: Path) -> None:
    """Regression: a hidden old round was counted in the totals with only a GT202 warning
    in `validate`; the summary now names it and says how to leave it out."""
    code, out = _run("summary", str(_workbook(tmp_path)), "--on", "2023-03-31")
    assert code == 0
    assert "tracker.xlsx on 2023-03-31: 3 actions" in out
    assert "  Counted: hidden sheet 'Round 1 (old)' (GT202); --skip-hidden leaves it out" in out


def test_summary_skip_hidden_leaves_it_out(tmp_path: Path) -> None:
    """--skip-hidden: the totals are this round's, and the summary names what it left out."""
    code, out = _run("summary", str(_workbook(tmp_path)), "--on", "2023-03-31", "--skip-hidden")
    assert code == 0
    assert "tracker.xlsx on 2023-03-31: 2 actions" in out
    assert "  Not counted: hidden sheet 'Round 1 (old)', left out by --skip-hidden (GT202)" in out
    assert "Counted:" not in out


def test_skip_hidden_on_a_text_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text file has no hidden sheets: --skip-hidden there is refused (exit 2)."""
    path = tmp_path / "plan.md"
    path.write_text("| Action | Status |\n|---|---|\n| Hire | Ongoing |\n", encoding="utf-8")
    assert _run("summary", str(path), "--skip-hidden")[0] == 2
    assert "--skip-hidden applies to workbooks (.xlsx) only" in capsys.readouterr().err
