"""Regressions found by the fuzz tests and the invalid corpus (issue 7): each test names what broke.

Each input is the smallest that showed the bug; before the fix, each one raised something
other than a GovtrackError (or a GovtrackError of several lines), or aborted the process.
"""

from __future__ import annotations

import contextlib
import io
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

import govtrack as gt
from govtrack.io import _xlsx
from hostile_files import (
    CONTENT_TYPES,
    PACKAGE_RELS,
    plain_workbook,
    raw_zip,
    rezip,
    sheet_xml,
    workbook,
    zip_bomb,
)

PLAIN = plain_workbook(("Recruit a gender specialist", "HR Unit", "2023/03", "Ongoing"))
SHEET = "xl/worksheets/sheet1.xml"


def test_a_json_integer_of_thousands_of_digits_is_a_schema_error() -> None:
    """int() refuses more than 4,300 digits with a bare ValueError, which escaped json.loads."""
    with pytest.raises(gt.SchemaError, match="a number of thousands of digits"):
        gt.loads('{"schema_version": ' + "9" * 5000 + "}", format="json")


def _nested_indicators(depth: int) -> str:
    indicator: dict[str, object] = {"text": "x"}
    for _ in range(depth):
        indicator = {"text": "x", "targets": [indicator]}
    report = {"title": "t", "indicators": [indicator]}
    return json.dumps({"schema_version": 1, "reports": [report]})


def test_json_nested_deeper_than_python_can_write_is_refused() -> None:
    """Indicators nested 300 deep read, then dumps and repr hit RecursionError; now refused."""
    with pytest.raises(gt.SchemaError, match="nested more than 200 levels deep"):
        gt.loads(_nested_indicators(300), format="json")
    document = gt.loads(_nested_indicators(90), format="json")
    assert document == gt.loads(gt.dumps(document), format="json")
    assert repr(document)


def _broken_deflate_workbook() -> bytes:
    """A sheet whose first 100 KiB inflate, then a deflate block of the reserved type 3."""
    head = sheet_xml([(1, [(1, ("inlineStr", "Action", 0))])]).split("</sheetData>")[0]
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 4000))
    text = (head + rows).encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress(text) + compressor.flush(zlib.Z_FULL_FLUSH) + b"\x07" * 64
    entries = []
    with zipfile.ZipFile(io.BytesIO(PLAIN)) as archive:
        for name in archive.namelist():
            if name != SHEET:
                content = archive.read(name)
                entries.append((name, 0, zlib.crc32(content), content, len(content)))
    # Written by hand: zipfile would deflate the sheet correctly.
    entries.append((SHEET, 8, zlib.crc32(text), data, len(text) + 64))
    return raw_zip(entries)


def test_a_broken_deflate_stream_in_a_sheet_is_a_format_error(tmp_path: Path) -> None:
    """zlib.error (not an OSError nor a ValueError) escaped the sheet scan and the row reader."""
    path = tmp_path / "broken.xlsx"
    path.write_bytes(_broken_deflate_workbook())
    with pytest.raises(gt.FormatError, match="sheet 'Actions' cannot be read") as caught:
        gt.load(path)
    assert 1 == len(str(caught.value).splitlines())


@pytest.mark.parametrize("suffix", [".txt", ".xls", ".bin", ""])
@pytest.mark.parametrize("layout", ["plain", "workbook"])
def test_a_workbook_saved_under_another_suffix_still_reads(
    tmp_path: Path, suffix: str, layout: str
) -> None:
    """openpyxl refused a path not ending in .xlsx (InvalidFileException) after gt.load had
    recognised the zip; the file is now handed to it open."""
    path = tmp_path / f"partner{suffix}"
    if layout == "plain":
        path.write_bytes(PLAIN)
        expected = ["Recruit a gender specialist"]
    else:
        document = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),))
        gt.dump(document, tmp_path / "own.xlsx")
        path.write_bytes((tmp_path / "own.xlsx").read_bytes())
        expected = ["Hire"]
    assert expected == [action.text for action in gt.load(path).actions]


def test_an_unparsable_content_types_part_is_a_format_error(tmp_path: Path) -> None:
    """A ParseError (a SyntaxError, not a ValueError) escaped the reader of govtrack's workbook,
    and openpyxl's OSError 'no valid workbook part' escaped the partner reader."""
    gt.dump(gt.Document(), tmp_path / "own.xlsx")
    own = tmp_path / "own-broken.xlsx"
    own.write_bytes(
        rezip((tmp_path / "own.xlsx").read_bytes(), change={"[Content_Types].xml": lambda x: x[1:]})
    )
    partner = tmp_path / "partner-broken.xlsx"
    partner.write_bytes(
        rezip(
            PLAIN,
            change={
                "[Content_Types].xml": lambda x: x.replace(b'PartName="/xl/workbook.xml"', b"")
            },
        )
    )
    for path in (own, partner):
        with pytest.raises(gt.FormatError) as caught:
            gt.load(path)
        assert 1 == len(str(caught.value).splitlines())


def test_a_key_action_above_the_first_recommendation_with_no_action_column(
    tmp_path: Path,
) -> None:
    """GT218 cited the absent action column by its sentinel index: get_column_letter raised."""
    header = [
        (1, ("inlineStr", "Rec #", 0)),
        (2, ("inlineStr", "Recommendation", 0)),
        (3, ("inlineStr", "Responsible", 0)),
    ]
    path = tmp_path / "responses.xlsx"
    path.write_bytes(workbook(sheet_xml([(1, header), (2, [(3, ("inlineStr", "Unit", 0))])])))
    document = gt.load(path)
    assert ("GT218", "Actions!A2") in {(p.code, str(p.location)) for p in document.problems}


@pytest.mark.skipif("calamine" not in _xlsx.ENGINES, reason="no calamine engine in this version")
def test_a_rust_panic_in_calamine_is_a_format_error(tmp_path: Path) -> None:
    """A time-formatted -1e15 made python-calamine panic (PanicException is a BaseException)."""
    header = [(1, ("inlineStr", "Action", 0)), (2, ("inlineStr", "Deadline", 0))]
    row = [(1, ("inlineStr", "Do", 0)), (2, ("n", "-1e15", 2))]
    path = tmp_path / "panic.xlsx"
    path.write_bytes(workbook(sheet_xml([(1, header), (2, row)])))
    with pytest.raises(gt.FormatError, match="calamine"):
        gt.load(path, engine="calamine")


_CORNER = """
import sys, govtrack as gt
try:
    gt.load(sys.argv[1], engine="calamine")
except gt.LimitError as error:
    print(type(error).__name__, error)
"""


@pytest.mark.skipif("calamine" not in _xlsx.ENGINES, reason="no calamine engine in this version")
def test_calamine_is_never_given_a_sheet_spanning_billions_of_cells(tmp_path: Path) -> None:
    """Two cells, A1 and XFD1048576, made calamine allocate 17 billion cells: the process
    aborted (SIGABRT). The span is now checked first; run in a child, so a regression
    cannot take the test run down."""
    rows = [(1, [(1, ("inlineStr", "Action", 0))]), (1_048_576, [(16_384, ("n", "1", 0))])]
    path = tmp_path / "corner.xlsx"
    path.write_bytes(workbook(sheet_xml(rows)))
    result = subprocess.run(
        [sys.executable, "-c", _CORNER, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (0, "LimitError") == (result.returncode, result.stdout.split(" ")[0])
    assert "17,179,869,184 cells" in result.stdout


def test_openpyxl_messages_of_several_lines_become_one(tmp_path: Path) -> None:
    """openpyxl's 'Unable to read workbook … see the exception' spans three lines."""
    path = tmp_path / "dimension.xlsx"
    path.write_bytes(
        rezip(
            PLAIN,
            change={
                "xl/worksheets/sheet1.xml": lambda x: x.replace(
                    b"<sheetData>", b'<dimension ref="garbage"/><sheetData>'
                )
            },
        )
    )
    with pytest.raises(gt.FormatError) as caught:
        gt.load(path)
    assert 1 == len(str(caught.value).splitlines())
    assert "could not read worksheets" in str(caught.value)


def _open_files() -> set[str]:
    found = set()
    for descriptor in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            found.add(str(descriptor.readlink()))
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists open files through /proc")
def test_no_file_is_left_open_when_openpyxl_fails(tmp_path: Path) -> None:
    """openpyxl left its zip open when it failed: the error's frames kept the file open, and
    collecting them later gave a ResourceWarning."""
    path = tmp_path / "broken.xlsx"
    path.write_bytes(
        rezip(PLAIN, change={"xl/styles.xml": lambda x: x.replace(b"<fonts", b"<fonts<")})
    )
    with pytest.raises(gt.FormatError, match="openpyxl cannot open it") as caught:
        gt.load(path)
    assert str(path) not in _open_files()
    assert caught.value is not None


def test_sheet_names_drop_what_xml_cannot_hold(tmp_path: Path) -> None:
    """An evaluation title with U+FFFF became the matrix sheet's name: an unreadable workbook."""
    recommendation = gt.Recommendation(ref="1", text="Publish", actions=(gt.Action(text="Do"),))
    evaluation = gt.Evaluation(
        title="Review\uffff\ufffe of the\x7f programme", recommendations=(recommendation,)
    )
    path = tmp_path / "matrix.xlsx"
    gt.dump(gt.Document(evaluations=(evaluation,)), path, layout="matrix")
    assert ["Review of the programme"] == openpyxl.load_workbook(path).sheetnames[:1]
    assert ["Do"] == [action.text for action in gt.load(path).actions]


def test_an_ole2_header_of_four_bytes_is_still_an_old_workbook(tmp_path: Path) -> None:
    """The signature check needs the first four bytes only, as the Excel reader's did."""
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + struct.pack("<I", 0))
    with pytest.raises(gt.FormatError, match=r"old \.xls workbook"):
        gt.load(path)


def test_the_zip_bomb_builder_makes_a_valid_zip(tmp_path: Path) -> None:
    """The corpus's hand-built bomb is a real zip whose sheet inflates to what it declares."""
    path = zip_bomb(tmp_path / "bomb.xlsx", mebibytes=4)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert ["[Content_Types].xml", "_rels/.rels", SHEET] == archive.namelist()
        assert CONTENT_TYPES.encode() == archive.read("[Content_Types].xml")
        assert PACKAGE_RELS.encode() == archive.read("_rels/.rels")
        assert archive.getinfo(SHEET).file_size == len(archive.read(SHEET)) > 4 << 20


def test_a_part_name_with_a_line_break_keeps_the_message_on_one_line(tmp_path: Path) -> None:
    """atheris: a zip entry named 'xl/a\\nb.xml' put a line break in the LimitError's message."""
    path = tmp_path / "named.xlsx"
    path.write_bytes(raw_zip([("xl/a\nb.xml", 0, zlib.crc32(b"<a/>"), b"<a/>", 600 << 20)]))
    with pytest.raises(gt.LimitError) as caught:
        gt.load(path)
    assert 1 == len(str(caught.value).splitlines())
    assert "part 'xl/a\\nb.xml' declares 629,145,600 bytes" in str(caught.value)


def test_every_govtrack_error_message_is_one_line() -> None:
    """Whatever text an error quotes from a file, str() of it has no line break."""
    for kind in (gt.GovtrackError, gt.FormatError, gt.LimitError, gt.WriteError):
        assert ["sheet 'a\\nb\\r\\u2028c' is broken"] == str(
            kind("sheet 'a\nb\r\u2028c' is broken")
        ).splitlines()
