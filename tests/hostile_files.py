"""Builders of hostile and broken files, shared by the invalid corpus, the fuzz tests and the
atheris harness: workbooks built from raw parts, zip bombs, OLE2 compound files.

Binary fixtures are built here rather than committed, so each one says how it is made.
"""

from __future__ import annotations

import io
import math
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = [
    "HEADER",
    "Cell",
    "compound_file",
    "encrypted_workbook",
    "old_xls",
    "plain_workbook",
    "raw_zip",
    "rezip",
    "sheet_xml",
    "workbook",
    "zip_bomb",
]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (
    _DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    _DECLARATION + f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    _DECLARATION + f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
# Cell styles: 0 general, 1 a date, 2 a time, 3 a date and time, 4 text.
STYLES = (
    _DECLARATION + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="1"><font/></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    '<xf numFmtId="21" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>'
    '<xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>'
)

HEADER = ("Action", "Responsible", "Deadline", "Status")
"""The header row of :func:`plain_workbook`, one the Excel reader recognises."""

Cell = tuple[str, str, int]
"""A cell as (kind, value, style): kind is an OOXML cell type (``n``, ``s``, ``str``, ``b``,
``e``, ``d``, ``inlineStr``), or ``f`` for a formula with no cached value."""


def _column(number: int) -> str:
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell_xml(ref: str, cell: Cell) -> str:
    kind, value, style = cell
    attributes = f' r="{ref}"' + (f' s="{style}"' if style else "")
    text = escape(value)
    if kind == "inlineStr":
        return f'<c{attributes} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if kind == "f":
        return f"<c{attributes}><f>{text}</f></c>"
    if kind == "n":
        return f"<c{attributes}><v>{text}</v></c>"
    return f'<c{attributes} t="{escape(kind, {chr(34): "&quot;"})}"><v>{text}</v></c>'


def sheet_xml(
    rows: Iterable[tuple[int, Iterable[tuple[int, Cell]]]],
    *,
    dimension: str = "",
    merges: Iterable[str] = (),
) -> str:
    """A worksheet part from (row number, [(column number, cell), …]) pairs."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(_cell_xml(f"{_column(column)}{number}", cell) for column, cell in cells)
        + "</row>"
        for number, cells in rows
    )
    merged = [f'<mergeCell ref="{escape(ref)}"/>' for ref in merges]
    return (
        _DECLARATION + f'<worksheet xmlns="{_MAIN}">'
        + (f'<dimension ref="{escape(dimension)}"/>' if dimension else "")
        + f"<sheetData>{body}</sheetData>"
        + (f'<mergeCells count="{len(merged)}">{"".join(merged)}</mergeCells>' if merged else "")
        + "</worksheet>"
    )  # fmt: skip


def workbook(
    sheet: str,
    *,
    shared: Iterable[str] = (),
    sheet_name: str = "Actions",
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """An .xlsx package around one worksheet part, with styles and shared strings."""
    strings = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in shared)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "xl/workbook.xml": _DECLARATION + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        f'<sheets><sheet name="{escape(sheet_name, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": _DECLARATION + f'<sst xmlns="{_MAIN}">{strings}</sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def plain_workbook(*rows: tuple[str, ...], dimension: str = "") -> bytes:
    """A one-sheet action list: the :data:`HEADER` row, then ``rows`` of inline texts."""
    table = [HEADER, *rows]
    return workbook(
        sheet_xml(
            (
                (number, [(column, ("inlineStr", text, 0)) for column, text in enumerate(row, 1)])
                for number, row in enumerate(table, start=1)
            ),
            dimension=dimension,
        )
    )


def rezip(
    package: bytes,
    *,
    change: Mapping[str, Callable[[bytes], bytes]] | None = None,
    drop: Iterable[str] = (),
) -> bytes:
    """The same package with some parts changed and others left out."""
    change = change or {}
    dropped = set(drop)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            if name in dropped:
                continue
            data = source.read(name)
            target.writestr(name, change[name](data) if name in change else data)
    return buffer.getvalue()


def raw_zip(entries: Iterable[tuple[str, int, int, bytes, int]]) -> bytes:
    """A zip written by hand from (name, method, CRC-32, stored bytes, inflated size) entries."""
    body = bytearray()
    directory = bytearray()
    count = 0
    for name, method, crc, data, size in entries:
        encoded = name.encode()
        offset = len(body)
        fields = (20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0)
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields) + encoded + data
        directory += (
            struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + encoded
        )
        count += 1
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)


def zip_bomb(path: Path, *, mebibytes: int = 320) -> Path:
    """A workbook-shaped zip whose one sheet inflates ``mebibytes`` MiB of empty rows.

    The sheet is deflated once per MiB with a full flush, which resets the compressor, so
    every MiB compresses to the same bytes: the bomb is built by repeating them, in a
    fraction of the time deflating 320 MiB would take, and is a valid deflate stream.
    """
    head = f'{_DECLARATION}<worksheet xmlns="{_MAIN}"><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    chunk = b"<row/>" * ((1 << 20) // 6)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * mebibytes + len(tail)
    sheet = first + repeated * mebibytes + last
    parts = [
        (name, 0, zlib.crc32(text.encode()), text.encode(), len(text.encode()))
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS))
    ]
    path.write_bytes(raw_zip([*parts, ("xl/worksheets/sheet1.xml", 8, crc, sheet, size)]))
    return path


# ---------------------------------------------------------------------------
# OLE2 compound files (old .xls, and the envelope of a password-protected .xlsx)

_FREE = 0xFFFFFFFF
_END_OF_CHAIN = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_NO_STREAM = 0xFFFFFFFF
_SECTOR = 512
_MINI_CUTOFF = 4096


def _directory_entry(
    name: str, kind: int, *, child: int = _NO_STREAM, right: int = _NO_STREAM, start: int = 0,
    size: int = 0,
) -> bytes:  # fmt: skip
    encoded = name.encode("utf-16-le") + b"\0\0" if name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded, len(encoded), kind, 1, _NO_STREAM, right, child, bytes(16), 0, 0, 0, start, size,
    )  # fmt: skip


def compound_file(streams: Mapping[str, bytes], *, directory_last: bool = False) -> bytes:
    """A version-3 OLE2 compound file holding ``streams`` in its root storage.

    Every stream is padded to the mini-stream cutoff (4 KiB), so all live in ordinary
    512-byte sectors and no mini stream is needed. With ``directory_last`` the directory
    comes after the streams, as in large files Excel writes.
    """
    entries = sorted(streams.items(), key=lambda item: (len(item[0]), item[0].upper()))
    contents = [data.ljust(_MINI_CUTOFF, b"\0") for _, data in entries]
    sizes = [math.ceil(len(data) / _SECTOR) for data in contents]
    directory_sectors = math.ceil((1 + len(entries)) * 128 / _SECTOR)
    fat_sectors = 1
    while fat_sectors * (_SECTOR // 4) < fat_sectors + directory_sectors + sum(sizes):
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("too big for a compound file without DIFAT sectors")
    fat = [_FAT_SECTOR] * fat_sectors + [_FREE] * (fat_sectors * (_SECTOR // 4) - fat_sectors)
    used = fat_sectors

    def chain(count: int) -> int:
        nonlocal used
        start = used
        for offset in range(count):
            fat[start + offset] = start + offset + 1 if offset < count - 1 else _END_OF_CHAIN
        used += count
        return start

    if directory_last:
        starts = [chain(count) for count in sizes]
        directory_start = chain(directory_sectors)
    else:
        directory_start = chain(directory_sectors)
        starts = [chain(count) for count in sizes]
    body = bytearray(used * _SECTOR)
    struct.pack_into(f"<{len(fat)}I", body, 0, *fat)
    directory = _directory_entry(
        "Root Entry", 5, child=1 if entries else _NO_STREAM, start=_END_OF_CHAIN
    )
    for index, ((name, _), data, start) in enumerate(
        zip(entries, contents, starts, strict=True), start=1
    ):
        right = index + 1 if index < len(entries) else _NO_STREAM
        directory += _directory_entry(name, 2, right=right, start=start, size=len(data))
    sectors = bytearray(directory.ljust(directory_sectors * _SECTOR, b"\0"))
    for offset in range(1 + len(entries), directory_sectors * _SECTOR // 128):
        struct.pack_into("<III", sectors, offset * 128 + 68, _NO_STREAM, _NO_STREAM, _NO_STREAM)
    body[directory_start * _SECTOR : (directory_start + directory_sectors) * _SECTOR] = sectors
    for start, data in zip(starts, contents, strict=True):
        body[start * _SECTOR : start * _SECTOR + len(data)] = data
    difat = list(range(fat_sectors)) + [_FREE] * (109 - fat_sectors)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", bytes(16), 0x3E, 3, 0xFFFE, 9, 6, bytes(6),
        0, fat_sectors, directory_start, 0, _MINI_CUTOFF, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0,
        *difat,
    )  # fmt: skip
    return header + bytes(body)


def old_xls() -> bytes:
    """An Excel 97-2003 file's container: a ``Workbook`` stream that starts with a BOF record."""
    beginning_of_file = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0, 0, 0, 0)
    return compound_file(
        {"Workbook": beginning_of_file + bytes(200), "\x05SummaryInformation": bytes(64)}
    )


def encrypted_workbook(*, package_bytes: int = 8192, directory_last: bool = False) -> bytes:
    """A password-protected .xlsx as Excel saves it: an OLE2 envelope with ``EncryptionInfo``
    and an ``EncryptedPackage`` (here random-looking bytes of the given size)."""
    package = struct.pack("<Q", package_bytes) + bytes(
        (index * 151 + 17) % 256 for index in range(package_bytes)
    )
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    return compound_file(
        {"EncryptionInfo": info, "EncryptedPackage": package}, directory_last=directory_last
    )
