"""The façade: load, loads, dump, dumps by suffix and format, atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

import govtrack as gt

DOC = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text="Hire", ref="1"),)),))


def test_dump_and_load_json_by_suffix(tmp_path: Path) -> None:
    """A .json file written by dump loads back equal, with its source recorded."""
    target = tmp_path / "doc.json"
    gt.dump(DOC, target)
    back = gt.load(target)
    assert DOC == back
    assert str(target) == back.source


def test_dump_replaces_atomically(tmp_path: Path) -> None:
    """dump leaves no temporary file behind and replaces the old content whole."""
    target = tmp_path / "doc.json"
    target.write_text("old", encoding="utf-8")
    gt.dump(DOC, target)
    assert ["doc.json"] == [p.name for p in tmp_path.iterdir()]
    assert DOC == gt.load(target)


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If writing fails midway, the previous file is intact and no temporary remains."""
    target = tmp_path / "doc.json"
    target.write_text("previous", encoding="utf-8")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, f"No space left on device (fd {fd})")

    monkeypatch.setattr("os.fsync", failing_fsync)
    with pytest.raises(gt.WriteError, match="No space left"):
        gt.dump(DOC, target)
    assert "previous" == target.read_text(encoding="utf-8")
    assert ["doc.json"] == [p.name for p in tmp_path.iterdir()]


def test_load_sniffs_json_in_a_txt_file(tmp_path: Path) -> None:
    """A JSON document saved as .txt is still recognised."""
    target = tmp_path / "doc.txt"
    target.write_text(gt.dumps(DOC), encoding="utf-8")
    assert DOC == gt.load(target)


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    """A UTF-8 BOM and CRLF line ends do not disturb reading."""
    target = tmp_path / "doc.json"
    target.write_bytes(b"\xef\xbb\xbf" + gt.dumps(DOC).replace("{", "{\r\n").encode())
    assert DOC == gt.load(target)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.json", None, "no such file"),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0",
            "old .xls workbook; open it in Excel and save it as .xlsx",
        ),
        ("latin.json", b'{"schema_version": 1, "x": "\xe9"}', "is not UTF-8 text"),
    ],
)
def test_unreadable_files_say_what_to_do(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    """Missing files, old workbooks and non-UTF-8 text give one clear GovtrackError."""
    target = tmp_path / name
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(gt.GovtrackError, match=expected):
        gt.load(target)


def test_directory_is_refused(tmp_path: Path) -> None:
    """Loading a directory says it is one."""
    with pytest.raises(gt.GovtrackError, match="is a directory"):
        gt.load(tmp_path)


def test_unknown_format_names() -> None:
    """An unknown format name is an UnsupportedFormatError listing what is known."""
    with pytest.raises(gt.UnsupportedFormatError, match="unknown text format 'yaml'"):
        gt.loads("x", format="yaml")
    with pytest.raises(gt.UnsupportedFormatError):
        gt.dumps(DOC, format="yaml")


def test_unknown_suffix_on_dump(tmp_path: Path) -> None:
    """dump refuses a suffix it cannot write and says which it can."""
    with pytest.raises(gt.UnsupportedFormatError, match=r"use \.xlsx, \.json or \.md"):
        gt.dump(DOC, tmp_path / "out.docx")


def test_text_in_no_known_format() -> None:
    """Text in none of the formats raises FormatError naming the formats tried."""
    with pytest.raises(gt.FormatError, match="tried json"):
        gt.loads("\x00\x01 nothing here")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (OLE2 + bytes(600) + "EncryptedPackage".encode("utf-16-le"), "is password-protected"),
        (OLE2 + bytes(600), "old .xls workbook"),
        (b"Just some text", "not an Excel .xlsx workbook"),
    ],
)
def test_misnamed_or_protected_workbooks(tmp_path: Path, content: bytes, expected: str) -> None:
    """An .xlsx that is encrypted, an old .xls, or not a zip says what it is and what to do."""
    target = tmp_path / "partner.xlsx"
    target.write_bytes(content)
    with pytest.raises(gt.FormatError, match=expected):
        gt.load(target)
