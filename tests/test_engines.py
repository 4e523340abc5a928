"""Both Excel engines read every test workbook alike: same Document, problems and origins.

The Excel reading tests (tests/test_excel_read.py, test_excel_merges.py,
test_excel_leftover_rows.py and the reading property) are
collected again here with ``excel.load`` replaced by a loader that reads each
workbook with openpyxl *and* calamine, asserts the two agree, and hands the
openpyxl result to the test. Every workbook those tests build is so read both
ways, and the test's own assertions still run. A few workbooks that no test
builds (an error cell, escaped texts, leading empty rows and columns) follow.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

import govtrack as gt
import test_excel_leftover_rows
import test_excel_merges
import test_excel_newcomer19
import test_excel_notes
import test_excel_read
import test_excel_read_property
from govtrack.io import excel

pytest.importorskip("python_calamine")

REPOSITORY = Path(__file__).resolve().parents[1]


def _origins(value: Any) -> Iterator[Any]:
    """Every ``origin`` in a record tree, in order (origins take no part in ``==``)."""
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name == "origin":
                yield item
            else:
                yield from _origins(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from _origins(item)


def assert_same_reading(expected: gt.Document, actual: gt.Document) -> None:
    """Two readings agree: records, problems (with their locations) and every origin."""
    assert expected.problems == actual.problems
    assert expected == actual
    assert list(_origins(expected)) == list(_origins(actual))


def load_both(real: Callable[..., gt.Document], path: Any, **options: Any) -> gt.Document:
    """Read with both engines, check they agree, return the default engine's Document."""
    if "engine" in options:  # a test of the engine option itself
        return real(path, **options)
    try:
        expected = real(path, **options)
    except gt.GovtrackError as error:
        with pytest.raises(type(error)):
            real(path, engine="calamine", **options)
        raise
    assert_same_reading(expected, real(path, engine="calamine", **options))
    return expected


@pytest.fixture(autouse=True)
def both_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``excel.load`` (and so every ``gt.load`` of a workbook) reads with both engines."""
    real = excel.load
    monkeypatch.setattr(excel, "load", lambda path, **options: load_both(real, path, **options))


# The reading tests and their fixture, collected again in this module (under the
# fixture above). Their names keep their module's prefix in the test ids.
# Not the counting of calls to govtrack's own-workbook reader, which reads no cells.
_NOT_RERUN = {"test_govtrack_marker_detected"}
matrix = test_excel_read.matrix
globals().update(
    {
        name: value
        for module in (
            test_excel_read,
            test_excel_read_property,
            test_excel_merges,
            test_excel_notes,
            test_excel_leftover_rows,
            test_excel_newcomer19,
        )
        for name, value in vars(module).items()
        if name.startswith("test_") and name not in _NOT_RERUN
    }
)


def _workbooks() -> list[Path]:
    found = [*REPOSITORY.glob("examples/**/*.xlsx"), *REPOSITORY.glob("tests/data/**/*.xlsx")]
    return sorted(path for path in found if not path.name.startswith("~$"))


@pytest.mark.parametrize("path", _workbooks(), ids=lambda path: path.name)
def test_committed_workbooks_read_alike(path: Path) -> None:
    """Each workbook kept in the repository reads the same with both engines (or fails alike)."""
    try:
        doc = excel.load(path)
    except gt.GovtrackError:
        return  # both engines raised the same kind of error (load_both checks it)
    assert str(path) == doc.source


def _sheet(tmp_path: Path, setup: Callable[[Any], None]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    setup(sheet)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def test_leading_empty_rows_and_columns_keep_cell_addresses(tmp_path: Path) -> None:
    """A table starting at C5 reads with the same cells (calamine starts at the first value)."""

    def setup(sheet: Any) -> None:
        for offset, row in enumerate(
            [["Action", "Responsible", "Status"], ["Hire a data clerk", "HR", "Ongoing"]]
        ):
            for column, value in enumerate(row):
                sheet.cell(row=5 + offset, column=3 + column, value=value)

    doc = excel.load(_sheet(tmp_path, setup))
    assert ["Plan!C6"] == [str(action.origin) for action in doc.actions]


def test_error_cells_read_as_their_text(tmp_path: Path) -> None:
    """An error value (#N/A, read as empty by calamine) is the same GT210 text in both; a
    Status cell's error is also an unknown status word (GT101), a Deadline's is not GT104
    as well, since GT210 quotes it at its cell."""

    def setup(sheet: Any) -> None:
        sheet.append(["Action", "Responsible", "Deadline", "Status"])
        sheet.append(["Hire a data clerk", "HR", "#N/A", "#REF!"])

    doc = excel.load(_sheet(tmp_path, setup))
    assert (["GT210", "GT210", "GT101"], "#N/A") == (
        [problem.code for problem in doc.problems],
        doc.actions[0].due_text,
    )


def test_escaped_inline_texts_read_decoded(tmp_path: Path) -> None:
    """An inline string stored with _xHHHH_ escapes reads decoded, as Excel shows it."""

    def setup(sheet: Any) -> None:
        sheet.append(["Action", "Responsible", "Status"])
        sheet.append(["Carriage_x000D_return", "Unit_x0009_A", "Ongoing"])

    path = _sheet(tmp_path, setup)
    read = [excel.load(path, engine=engine).actions[0] for engine in ("openpyxl", "calamine")]
    assert [("Carriage\rreturn", ("Unit\tA",))] * 2 == [(a.text, a.responsible) for a in read]


def test_escaped_shared_strings_read_verbatim(tmp_path: Path) -> None:
    """The same, for texts in the shared-string table as Excel writes them."""

    def setup(sheet: Any) -> None:
        sheet.append(["Action", "Status"])
        sheet.append(["Plan", "Ongoing"])

    path = _sheet(tmp_path, setup)
    shared = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" '
        'uniqueCount="2"><si><t>Line one_x000D_</t></si><si><t>Owner_x005F_x0041_</t></si></sst>'
    )
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    sheet_xml = sheet_xml.replace(
        "</sheetData>",
        '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c></row></sheetData>',
    )
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    parts["xl/sharedStrings.xml"] = shared.encode()
    parts["[Content_Types].xml"] = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
        .encode()
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        parts["xl/_rels/workbook.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
        .encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in parts.items():
            archive.writestr(member, data)
    doc = excel.load(path)
    assert ("Line one_x000D_", "Owner_x0041_") == (
        doc.actions[1].text,
        doc.actions[1].status_text,
    )


def test_dates_numbers_and_booleans_read_alike(tmp_path: Path) -> None:
    """Date, datetime, time, integer, float and boolean cells give the same texts and dues."""

    def setup(sheet: Any) -> None:
        sheet.append(["Action", "Deadline", "Status", "Budget", "Start", "Approved", "Hours"])
        start = dt.datetime.combine(dt.date(2023, 1, 2), dt.time(9, 30))
        midnight = dt.datetime.combine(dt.date(2023, 6, 30), dt.time())
        sheet.append(["A", dt.date(2023, 3, 31), "Ongoing", 1200, start])
        sheet.append(["B", midnight, "Done", 12.5, dt.time(8, 15), True, 0])
        sheet.append(["C", 45000, "Done", -3, None, False, 2.25])
        sheet.append(["D", 2024, "Done", 1e20, "", None, 44000.5])

    doc = excel.load(_sheet(tmp_path, setup))
    assert ["2023-03-31", "2023-06-30", "2023-03-15", "2024"] == [
        action.due.text if action.due else "" for action in doc.actions
    ]


def test_empty_and_hidden_sheets_read_alike(tmp_path: Path) -> None:
    """An empty sheet and a hidden one beside the data give the same problems."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Empty"
    hidden = book.create_sheet("Old")
    hidden.append(["Action", "Status"])
    hidden.append(["Archive the files", "Completed"])
    hidden.sheet_state = "hidden"
    data = book.create_sheet("Plan")
    data.append(["Action", "Status"])
    data.append(["Hire a data clerk", "Ongoing"])
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    doc = excel.load(path)
    assert (["GT202", "GT207", "GT207", "GT207", "GT207"], 2) == (
        [problem.code for problem in doc.problems],
        len(doc.actions),
    )


def test_a_workbook_named_xls_reads_alike(tmp_path: Path) -> None:
    """An .xlsx saved under an .xls name: calamine, which picks its reader by the suffix,
    is given the workbook by content, as openpyxl reads it."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Hire staff", "HR", "2023/07", "Ongoing"])
    target = tmp_path / "renamed.xls"
    book.save(target)
    expected = gt.load(target)
    assert [action.text for action in expected.actions] == ["Hire staff"]
    assert_same_reading(expected, gt.load(target, engine="calamine"))


@pytest.mark.parametrize("number_format_id", [27, 31, 36, 50, 55, 58])
def test_locale_date_formats_read_as_dates_alike(tmp_path: Path, number_format_id: int) -> None:
    """A cell styled with a built-in locale date format (ECMA-376 ids 27-36, 50-58, which
    openpyxl's table lacks) is a date in both engines, and a day, never a month.

    Regression: openpyxl read 45108 as the number 45108 where calamine read 2023-07-01.
    The shape (day, month or time) depends on the locale, which the file does not name.
    """

    def setup(sheet: Any) -> None:
        sheet.append(["Action", "Responsible", "Deadline", "Status", "Comments", "Hours"])
        sheet.append(["Hire a data clerk", "HR", 45108, "Ongoing", 45108, 0.5])
        sheet.append(["Train staff", "HR", 45000.75, "Ongoing", 2.25, 44000])
        for row in (2, 3):
            for column in "CEF":
                sheet[f"{column}{row}"].number_format = "mmm-yy"  # built-in 17, changed below

    path = _sheet(tmp_path, setup)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert b'numFmtId="17"' in parts["xl/styles.xml"]
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(
        b'numFmtId="17"', b'numFmtId="%d"' % number_format_id
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    doc = excel.load(path)  # both engines, checked alike
    assert [
        ("2023-07-01", dt.date(2023, 7, 1), "2023-07-01", "12:00:00"),
        ("2023-03-15", dt.date(2023, 3, 15), "1900-01-02 06:00:00", "2020-06-18"),
    ] == [
        (a.due.text if a.due else "", a.due.end if a.due else None, a.comments, a.extra["Hours"])
        for a in doc.actions
    ]
