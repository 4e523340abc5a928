"""Resource limits: zip bombs and oversized input are refused before they cost anything."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

import govtrack as gt

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
