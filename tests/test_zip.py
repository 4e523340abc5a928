"""Reading a zip's parts with zlib-ng (the fast extra): the same bytes and checks as zipfile."""

from __future__ import annotations

import io
import random
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import IO

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _zip
from govtrack.io._zip import open_part

PART = "xl/worksheets/sheet1.xml"


def _write(path: Path, data: bytes, *, level: int = 6, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr(PART, data)
        archive.writestr("xl/after.xml", b"<after/>")
    return path


def _read_in_pieces(stream: IO[bytes], sizes: list[int]) -> bytes:
    pieces: list[bytes] = []
    turn = 0
    while True:
        piece = stream.read(sizes[turn % len(sizes)])
        turn += 1
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)


def _xml_like(seed: int, size: int) -> bytes:
    """Compressible text of ``size`` bytes, as a sheet's XML is."""
    rng = random.Random(seed)  # noqa: S311 - test data, not a secret
    words = [b'<c r="A1" t="s"><v>', b"</v></c>", b"review", b"plan", b"\n", b"2021/07", b"x" * 40]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words)
    return bytes(out[:size])


def test_fast_path_is_taken_for_a_deflated_part_on_disk(tmp_path: Path) -> None:
    """With zlib-ng installed (the test extras), a deflated part of a zip on disk is
    inflated by it, not by zipfile."""
    path = _write(tmp_path / "book.xlsx", _xml_like(1, 300_000))
    with zipfile.ZipFile(path) as archive, open_part(archive, PART) as stream:
        assert type(stream).__name__ == "_InflatedPart"
        assert stream.read() == archive.read(PART)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    size=st.one_of(st.integers(0, 64), st.integers(0, 3_000_000)),
    level=st.integers(0, 9),
    sizes=st.lists(st.one_of(st.integers(1, 10), st.integers(1, 3 << 20)), min_size=1, max_size=4),
    noise=st.booleans(),
)
def test_same_bytes_as_zipfile_in_any_pieces(
    seed: int, size: int, level: int, sizes: list[int], noise: bool
) -> None:
    """Any content, any compression level, read whole or in pieces of any sizes: the
    bytes zipfile gives (incompressible noise too)."""
    data = random.Random(seed).randbytes(size) if noise else _xml_like(seed, size)  # noqa: S311 - test data, not a secret
    with tempfile.TemporaryDirectory() as directory:
        path = _write(Path(directory) / "book.xlsx", data, level=level)
        with zipfile.ZipFile(path) as archive:
            with open_part(archive, PART) as stream:
                assert _read_in_pieces(stream, sizes) == data
            with open_part(archive, PART) as stream:
                assert stream.read() == data
            with open_part(archive, "xl/after.xml") as stream:
                assert stream.read() == b"<after/>"


def _damage(path: Path, data_at: int, new: bytes) -> None:
    with path.open("r+b") as file:
        file.seek(data_at)
        file.write(new)


def _data_offset(path: Path, part: str) -> int:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    with path.open("rb") as file:
        file.seek(info.header_offset)
        header = file.read(30)
    return (
        info.header_offset
        + 30
        + int.from_bytes(header[26:28], "little")
        + int.from_bytes(header[28:30], "little")
    )


def _errors_of(path: Path, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> type[BaseException]:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(_zip, "_inflater", None)
        with zipfile.ZipFile(path) as archive, open_part(archive, PART) as stream:
            try:
                stream.read()
            except (zipfile.BadZipFile, zlib.error, EOFError) as error:
                return type(error)
    pytest.fail("a damaged part read without an error")


def test_a_wrong_crc_is_refused_as_zipfile_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "book.xlsx", _xml_like(2, 100_000))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(PART)
    # The CRC in the central directory (what both readers check against) changed by one bit.
    raw = bytearray(path.read_bytes())
    crc = info.CRC.to_bytes(4, "little")
    central = raw.index(PART.encode(), raw.index(b"PK\x01\x02")) - 46
    assert raw[central + 16 : central + 20] == crc
    raw[central + 16] ^= 1
    path.write_bytes(bytes(raw))
    assert _errors_of(path, fast=True, monkeypatch=monkeypatch) is zipfile.BadZipFile
    assert _errors_of(path, fast=False, monkeypatch=monkeypatch) is zipfile.BadZipFile


def test_garbage_deflate_data_raises_zlib_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zlib-ng's own error is raised as zlib.error, which the readers catch."""
    path = _write(tmp_path / "book.xlsx", _xml_like(3, 100_000))
    _damage(path, _data_offset(path, PART), b"\xff" * 16)
    assert _errors_of(path, fast=True, monkeypatch=monkeypatch) is zlib.error
    assert _errors_of(path, fast=False, monkeypatch=monkeypatch) is zlib.error


def test_a_part_longer_than_its_declared_size_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inflated bytes past the declared size are not returned; the part fails its CRC."""
    data = _xml_like(4, 50_000)
    path = _write(tmp_path / "book.xlsx", data)
    raw = bytearray(path.read_bytes())
    central = raw.index(PART.encode(), raw.index(b"PK\x01\x02")) - 46
    declared = int.from_bytes(raw[central + 24 : central + 28], "little")
    raw[central + 24 : central + 28] = (declared - 100).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    got: list[bytes] = []

    def read_all(stream: IO[bytes]) -> None:
        while piece := stream.read(4096):
            got.append(piece)

    with (
        zipfile.ZipFile(path) as archive,
        open_part(archive, PART) as stream,
        pytest.raises(zipfile.BadZipFile),
    ):
        read_all(stream)
    assert len(b"".join(got)) <= declared - 100
    assert _errors_of(path, fast=False, monkeypatch=monkeypatch) is zipfile.BadZipFile


def test_a_truncated_file_is_refused(tmp_path: Path) -> None:
    data = random.Random(5).randbytes(200_000)  # noqa: S311 - test data, not a secret
    path = _write(tmp_path / "book.xlsx", data, level=1)
    with zipfile.ZipFile(path) as archive:
        stream = open_part(archive, PART)
        with path.open("r+b") as file:
            file.truncate(_data_offset(path, PART) + 1000)
        with pytest.raises((EOFError, zipfile.BadZipFile, zlib.error)):
            stream.read()
        stream.close()


@pytest.mark.parametrize("where", ["memory", "stored", "without zlib-ng", "replaced"])
def test_zipfile_reads_what_the_fast_path_does_not(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip in memory, a stored part, no zlib-ng, or a file replaced under the zip's name
    since it was opened: zipfile's own reader, with the same bytes."""
    data = _xml_like(6, 20_000)
    path = _write(
        tmp_path / "book.xlsx",
        data,
        method=zipfile.ZIP_STORED if where == "stored" else zipfile.ZIP_DEFLATED,
    )
    if where == "without zlib-ng":
        monkeypatch.setattr(_zip, "_inflater", None)
    source: Path | io.BytesIO = io.BytesIO(path.read_bytes()) if where == "memory" else path
    with zipfile.ZipFile(source) as archive:
        if where == "replaced":
            path.unlink()
            _write(path, b"<other/>")
        with open_part(archive, PART) as stream:
            assert isinstance(stream, zipfile.ZipExtFile)
            assert stream.read() == data


def test_a_workbook_reads_the_same_with_and_without_zlib_ng(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The span check and the sheet scan go through open_part: a load gives the same
    Document and problems either way."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Recommendation", "Key action", "Responsible", "Deadline", "Status"])
    for number in range(1, 300):
        sheet.append([f"R{number // 5}", f"Action {number}", "Unit", "2021/07", "Ongoing"])
    sheet.merge_cells("A2:A6")
    sheet.row_dimensions[9].hidden = True
    path = tmp_path / "tracker.xlsx"
    book.save(path)
    engines = ["openpyxl", "calamine"]
    fast = [gt.load(path, engine=engine) for engine in engines]
    monkeypatch.setattr(_zip, "_inflater", None)
    slow = [gt.load(path, engine=engine) for engine in engines]
    assert fast == slow
    assert len(fast[0].actions) > 250
