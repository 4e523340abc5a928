"""Regressions of the Excel matrix writer found by a newcomer:

- the overdue highlighting compared the Status cell with govtrack's labels, so a recorded
  ``Done`` past its deadline was red and a recorded ``Delayed`` was not;
- an action with a new deadline and a stale unread deadline text was refused with a
  message that did not say what happened nor how to fix it;
- a container read from a sheet was written on a sheet named after its title cut to 31
  characters, not after the sheet it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel, excel_write

ON = dt.date(2024, 6, 1)
LONG = "Management response matrix - Evaluation of the water programme 2019-2022"


def _action(ref: str, status: gt.Status | None, word: str, due: str) -> gt.Action:
    return gt.Action(
        ref=ref, text=f"Task {ref}", status=status, status_text=word, due=gt.parse_due(due)
    )


ACTIONS = (
    _action("1", gt.Status.COMPLETED, "Done", "Dec 2023"),  # past, closed: not red
    _action("2", gt.Status.OVERDUE, "Delayed", "Dec 2025"),  # not yet due, Overdue: red
    _action("3", gt.Status.ONGOING, "In progress", "Dec 2023"),  # past, open: red
    _action("4", gt.Status.NO_LONGER_APPLICABLE, "cancelled", "Dec 2023"),  # closed: not red
    _action("5", gt.Status.COMPLETED, "DONE", "Dec 2023"),  # the same word, other case
    _action("6", gt.Status.ONGOING, "Ongoing", "Dec 2025"),  # not yet due: not red
    _action("7", gt.Status.OVERDUE, "Over due", "Dec 2025"),
)


def _lists_range(book: Any, reference: str) -> list[str]:
    match = re.fullmatch(r"_lists!\$A\$(\d+):\$A\$(\d+)", reference)
    assert match is not None, reference
    first, last = int(match.group(1)), int(match.group(2))
    return [str(book["_lists"][f"A{row}"].value) for row in range(first, last + 1)]


def _red_rows(path: Path) -> list[bool]:
    """Evaluate the sheet's one highlighting rule on its rows, as Excel would: the formula
    text is checked against its expected shape and its two Lists ranges are looked up."""
    book = openpyxl.load_workbook(path)
    sheet = book["P"]
    ((rule,),) = [formatting.rules for formatting in sheet.conditional_formatting]
    (formula,) = rule.formula
    (helper,) = [c.column_letter for c in sheet[4] if c.value == excel_write.HELPER_HEADER]
    shape = re.fullmatch(
        r"OR\(SUMPRODUCT\(--\(\$E5=(?P<overdue>[^)]+)\)\)>0,AND\(OR\(ISNUMBER\(\$D5\),"
        rf"ISNUMBER\(\${helper}5\)\),IF\(ISNUMBER\(\$D5\),\$D5,\${helper}5\)<"
        r"IF\(ISNUMBER\(\$B\$2\),\$B\$2,TODAY\(\)\),SUMPRODUCT\(--\(\$E5=(?P<closed>[^)]+)\)\)=0\)\)",
        formula,
    )
    assert shape is not None, formula
    overdue = {word.lower() for word in _lists_range(book, shape["overdue"])}
    closed = {word.lower() for word in _lists_range(book, shape["closed"])}
    as_of = sheet["B2"].value
    red = []
    for row in range(5, 5 + len(ACTIONS)):
        status = str(sheet[f"E{row}"].value or "").lower()  # Excel's = ignores case
        end = dt.date(1899, 12, 30) + dt.timedelta(days=sheet[f"{helper}{row}"].value)
        red.append(status in overdue or (end < as_of.date() and status not in closed))
    return red


def test_the_highlighting_follows_the_recorded_status_words(tmp_path: Path) -> None:
    """A `Done` row past its deadline is not red, a `Delayed` row not yet due is; the rule
    colours exactly the actions govtrack reads as overdue, and the matrix reads back equal."""
    doc = gt.Document(
        plans=(gt.ActionPlan(title="P", actions=ACTIONS, extra={"As of": ON.isoformat()}),)
    )
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    expected = [a.effective_status(on=ON) is gt.Status.OVERDUE for a in ACTIONS]
    assert ([False, True, True, False, False, False, True], expected, doc) == (
        expected,
        _red_rows(path),
        gt.load(path),
    )


def test_the_lists_sheet_holds_each_closed_and_overdue_word_once(tmp_path: Path) -> None:
    """Labels first, then the document's words, once however they are cased."""
    doc = gt.Document(plans=(gt.ActionPlan(title="P", actions=ACTIONS),))
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix", on=ON)
    book = openpyxl.load_workbook(path)
    words = [row[0] for row in book["_lists"].iter_rows(min_row=7, values_only=True)]
    assert [
        "Completed", "No longer applicable", "Done", "cancelled", "Overdue", "Delayed", "Over due"
    ] == words  # fmt: skip


def test_the_lists_sheet_stays_short_enough_to_be_known(tmp_path: Path) -> None:
    """Many spellings fill the Lists sheet only while the reader still knows it as govtrack's
    (shorter than its header scan): the matrix reads back equal."""
    actions = tuple(
        _action(str(n), gt.Status.COMPLETED, "Done" + "." * n, "Dec 2023") for n in range(40)
    )
    doc = gt.Document(
        plans=(gt.ActionPlan(title="P", actions=actions, extra={"As of": ON.isoformat()}),)
    )
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    rows = openpyxl.load_workbook(path)["_lists"].max_row
    assert (True, doc) == (rows < excel.HEADER_SCAN_ROWS, gt.load(path))


@given(st.lists(st.sampled_from(list(gt.Status)), min_size=1, max_size=6))
def test_the_lists_ranges_hold_the_words_that_read_as_each_status(
    statuses: list[gt.Status],
) -> None:
    """Whatever the statuses, the closed range holds exactly the closed words written and
    the labels, the overdue range the Overdue ones."""
    spelled = {
        gt.Status.COMPLETED: "Done",
        gt.Status.OVERDUE: "Delayed",
        gt.Status.NO_LONGER_APPLICABLE: "Cancelled",
    }
    actions = tuple(
        gt.Action(text=f"T{n}", status=s, status_text=spelled.get(s, s.label))
        for n, s in enumerate(statuses)
    )
    table = excel_write._actions_table("P", "P", actions, activities=False)
    closed, overdue = excel_write._status_words([table])
    assert (
        {w.lower() for w in closed} | {w.lower() for w in overdue},
        all(gt.Status.parse(w) in {gt.Status.COMPLETED, gt.Status.NO_LONGER_APPLICABLE}
            for w in closed),
        {gt.Status.parse(w) for w in overdue},
    ) == (
        {"completed", "no longer applicable", "overdue"}
        | {spelled[s].lower() for s in statuses if s in spelled},
        True,
        {gt.Status.OVERDUE},
    )  # fmt: skip


def test_a_stale_unread_deadline_text_is_refused_saying_how_to_fix_it(tmp_path: Path) -> None:
    """The refusal says the action has a deadline and the old unread text, and to pass
    due_text='' with the new due."""
    old = gt.Action(text="Hire", due_text="soon")
    new = attrs.evolve(old, due=gt.parse_due("Mar 2024"))
    doc = gt.Document(plans=(gt.ActionPlan(title="P", actions=(old, old, new)),))
    with pytest.raises(gt.WriteError) as refused:
        gt.dump(doc, tmp_path / "m.xlsx", layout="matrix", on=ON)
    assert (
        "plans[0].actions[2] has a deadline (Mar 2024) and also the unread text 'soon' from "
        "before; pass due_text='' with the new due"
    ) in str(refused.value)
    fixed = attrs.evolve(old, due=gt.parse_due("Mar 2024"), due_text="")
    gt.dump(attrs.evolve(doc, plans=[attrs.evolve(doc.plans[0], actions=[fixed])]),
            tmp_path / "m.xlsx", layout="matrix", on=ON)  # fmt: skip


def _read_from(sheet: str, title: str) -> gt.ActionPlan:
    action = gt.Action(text="Hire", status=gt.Status.ONGOING, status_text="Ongoing")
    return gt.ActionPlan(
        title=title,
        actions=(action,),
        extra={"As of": ON.isoformat()},
        origin=gt.Location(file="in.xlsx", sheet=sheet, cell="A5"),
    )


def test_a_container_read_from_a_sheet_is_written_on_a_sheet_of_that_name(
    tmp_path: Path,
) -> None:
    """`MR matrix` names the sheet, not the title cut to 31 characters; a taken or invalid
    name falls back to the title, and the document reads back equal."""
    doc = gt.Document(
        plans=(
            _read_from("MR matrix", LONG),
            _read_from("mr MATRIX", "Second plan"),  # taken, whatever its case
            _read_from("_lists", "Third plan"),  # reserved
            _read_from("'quoted'", "Fourth plan"),  # Excel refuses the quotes
            _read_from("", "Fifth plan"),
        )
    )
    path = tmp_path / "m.xlsx"
    gt.dump(doc, path, layout="matrix")
    assert (
        ["MR matrix", "Second plan", "Third plan", "Fourth plan", "Fifth plan", "_lists"],
        doc,
    ) == (openpyxl.load_workbook(path).sheetnames, gt.load(path))


def test_the_newcomers_matrix_keeps_its_sheet_name(tmp_path: Path) -> None:
    """A partner's matrix read and written again keeps the sheet name `MR matrix`."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "MR matrix"
    sheet.append([LONG])
    sheet.append([])
    sheet.append(["Action #", "Key action", "Responsible", "Deadline", "Status"])
    sheet.append(["1.1", "Hire an officer", "HR", "Q3 2024", "Done"])
    workbook.save(tmp_path / "in.xlsx")
    read = gt.load(tmp_path / "in.xlsx")
    gt.dump(read, tmp_path / "out.xlsx", layout="matrix", on=ON)
    again = gt.load(tmp_path / "out.xlsx")
    assert (["MR matrix", "_lists"], LONG, read.actions) == (
        openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames,
        again.plans[0].title,
        again.actions,
    )
