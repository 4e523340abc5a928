"""Resource limits: zip bombs and oversized input are refused before they cost anything."""

from __future__ import annotations

import re
import tempfile
import time
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest

import govtrack as gt
from govtrack.io import limits

CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


@pytest.fixture
def zip_bomb(tmp_path: Path) -> Path:
    """A workbook-shaped zip whose one sheet inflates 64 MiB from about 64 KiB."""
    target = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            chunk = b" " * (1 << 20)
            for _ in range(64):
                part.write(chunk)
    return target


def test_zip_bomb_is_refused_from_declared_sizes(zip_bomb: Path) -> None:
    """A part that inflates hundreds of times is refused at once, naming the limit."""
    assert zip_bomb.stat().st_size < 1 << 20
    started = time.perf_counter()
    with pytest.raises(gt.LimitError, match="max_compression_ratio"):
        gt.load(zip_bomb)
    assert time.perf_counter() - started < 2.0


def test_limits_can_be_raised(zip_bomb: Path) -> None:
    """With the ratio limit raised, the same file passes the size checks (and fails later, as a bad workbook)."""
    with pytest.raises(gt.GovtrackError) as caught:
        gt.load(zip_bomb, limits=gt.Limits(max_compression_ratio=100_000))
    assert not isinstance(caught.value, gt.LimitError)


def test_part_and_file_size_limits(zip_bomb: Path) -> None:
    """Per-part and whole-file limits name themselves when exceeded."""
    with pytest.raises(gt.LimitError, match="max_part_bytes"):
        gt.load(zip_bomb, limits=gt.Limits(max_compression_ratio=1e9, max_part_bytes=1 << 20))
    with pytest.raises(gt.LimitError, match="max_file_bytes"):
        gt.load(zip_bomb, limits=gt.Limits(max_file_bytes=1000))


def test_truncated_zip_is_a_format_error(tmp_path: Path, zip_bomb: Path) -> None:
    """A workbook cut short is a FormatError saying the zip is broken."""
    target = tmp_path / "cut.xlsx"
    target.write_bytes(zip_bomb.read_bytes()[:5000])
    with pytest.raises(gt.FormatError, match=r"not a valid \.xlsx"):
        gt.load(target)


def test_long_lines_and_big_text_are_refused(tmp_path: Path) -> None:
    """A text with a line over the limit, or a file over the text limit, is refused."""
    target = tmp_path / "junk.txt"
    target.write_text("x" * 2_000, encoding="utf-8")
    with pytest.raises(gt.LimitError, match="line 1 has 2,000 characters"):
        gt.load(target, limits=gt.Limits(max_line_chars=1_000))
    with pytest.raises(gt.LimitError, match="max_text_bytes"):
        gt.load(target, limits=gt.Limits(max_text_bytes=100))
    with pytest.raises(gt.LimitError):
        gt.loads("y" * 2_000, format="gate", limits=gt.Limits(max_line_chars=1_000))


def test_json_is_not_held_to_the_line_limit() -> None:
    """Compact JSON is one long line by design; the line limit is for line-oriented text."""
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=tuple(gt.Action(text="x" * 50) for _ in range(100))),)
    )
    text = gt.dumps(doc)
    assert doc == gt.loads(text, format="json", limits=gt.Limits(max_line_chars=100))
    assert doc == gt.loads(text, limits=gt.Limits(max_line_chars=100))


def test_limits_must_be_positive() -> None:
    """A zero or negative limit is a mistake, refused when the Limits is built."""
    with pytest.raises(ValueError, match=r"max_line_chars"):
        gt.Limits(max_line_chars=0)


def _table_of(text: str) -> dict[str, str]:
    """The limits table of a Markdown or reST text: limit name -> default as written."""
    rows = re.findall(
        r"^\|?\s*``?(max_\w+)``?\s*\|?\s+([\d.,]+(?: [KMG]iB)?)\s", text, re.MULTILINE
    )
    return dict(rows)


def _value(written: str) -> float:
    number, _, unit = written.partition(" ")
    scale = {"": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}[unit]
    return float(number.replace(",", "")) * scale


def test_every_limit_is_documented_with_its_default() -> None:
    """The module's table and SECURITY.md's list every limit, each with its true default."""
    fields = {
        field.name: getattr(gt.DEFAULT_LIMITS, field.name) for field in attrs.fields(gt.Limits)
    }
    security = (Path(__file__).resolve().parents[1] / "SECURITY.md").read_text(encoding="utf-8")
    for text in (limits.__doc__ or "", security):
        table = _table_of(text)
        assert sorted(fields) == sorted(table)
        assert fields == {name: _value(default) for name, default in table.items()}


def _plan(rows: int, *, sheets: int = 1, text: str = "Action") -> Path:
    book = openpyxl.Workbook()
    for number in range(sheets):
        sheet = book.active if number == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = f"Plan {number + 1}"
        sheet.append(["Action", "Responsible", "Deadline", "Status"])
        for row in range(rows):
            sheet.append([f"{text} {row}", "HR Unit", "2023/03", "Ongoing"])
    path = Path(tempfile.mkdtemp()) / "plan.xlsx"
    book.save(path)
    return path


def test_rows_are_counted_across_sheets_and_the_limit_can_be_raised() -> None:
    """max_rows counts every sheet's rows together; the message names the sheet and row."""
    path = _plan(3, sheets=2)
    with pytest.raises(gt.LimitError, match=r"sheet 'Plan 2' row 2 takes the workbook past 5 rows"):
        gt.load(path, limits=gt.Limits(max_rows=5))
    assert 6 == len(gt.load(path, limits=gt.Limits(max_rows=8)).actions)


def test_cells_are_counted_and_the_limit_can_be_raised() -> None:
    """max_cells counts each row's cells, header included; raising it reads the file."""
    path = _plan(4)
    with pytest.raises(gt.LimitError, match=r"row 4 \(4 cells wide\).*past 15 cells"):
        gt.load(path, limits=gt.Limits(max_cells=15))
    assert 4 == len(gt.load(path, limits=gt.Limits(max_cells=20)).actions)


def test_a_long_cell_is_refused_by_its_address_and_the_limit_can_be_raised() -> None:
    """max_cell_chars names the cell; Excel's own maximum is the default."""
    path = _plan(1, text="x" * 40)
    with pytest.raises(gt.LimitError, match=r"'Plan 1'!A2 holds 42 characters"):
        gt.load(path, limits=gt.Limits(max_cell_chars=41))
    assert 1 == len(gt.load(path, limits=gt.Limits(max_cell_chars=42)).actions)
    assert 32_767 == gt.DEFAULT_LIMITS.max_cell_chars


def test_the_number_of_parts_is_read_from_the_zip_directory(tmp_path: Path) -> None:
    """max_parts is judged from the end record, before zipfile lists the entries."""
    target = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for number in range(30):
            archive.writestr(f"part{number}.bin", b"")
    with pytest.raises(gt.LimitError, match=r"declares 31 parts .*Limits\.max_parts"):
        gt.load(target, limits=gt.Limits(max_parts=30))
    with pytest.raises(gt.GovtrackError) as caught:
        gt.load(target, limits=gt.Limits(max_parts=31))
    assert not isinstance(caught.value, gt.LimitError)


def test_text_limits_do_not_apply_to_workbooks_nor_workbook_limits_to_text(tmp_path: Path) -> None:
    """A workbook ignores max_line_chars; a text file ignores max_rows."""
    path = _plan(3)
    assert 3 == len(gt.load(path, limits=gt.Limits(max_line_chars=1)).actions)
    text = tmp_path / "matrix.md"
    text.write_text("| Action | Status |\n|---|---|\n| Hire | Ongoing |\n| Train | Ongoing |\n")
    assert 2 == len(gt.load(text, limits=gt.Limits(max_rows=1, max_cells=1)).actions)
