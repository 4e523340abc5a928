"""The span check made before calamine loads a sheet (its quick pass never finds less), and
the sheet scan that runs beside calamine."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _xlsx, excel, limits
from hostile_files import workbook

# How a reference, or something that reads like one, may be written in a sheet's XML.
_FORMS = [
    'r="{ref}"',
    "r='{ref}'",
    'r = "{ref}"',
    "r=\n\"{ref}'",
    'activeCell="{ref}"',  # any attribute: the quick pass counts it, the exact one does not
    'x="{ref}"',
    'r="{letters}0{row}"',  # leading zeros
]


@st.composite
def sheets(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """A sheet's XML: rows mostly in order, now and then a reference out of place or
    written oddly, and text with quotes and equal signs around them; and the same
    sheet with every reference written plainly, in its place."""
    cells = draw(
        st.lists(
            st.tuples(
                st.integers(0, 3000),  # how far down from the last row
                st.integers(1, 40),  # column
                st.sampled_from(range(len(_FORMS))),
                st.booleans(),  # out of place: anywhere in the sheet
                st.text(alphabet="ab =\"'r<>AZ09", max_size=12),
            ),
            max_size=60,
        )
    )
    parts = [b'<worksheet xmlns="main"><sheetData>']
    plain = list(parts)
    row = 1
    for step, column, form, stray, text in cells:
        row += step // 100
        number = draw(st.integers(0, 1_100_000)) if stray else row
        letters = limits._letters(draw(st.integers(1, 18278)) if stray else column)
        ref = f"{letters}{number}"
        attribute = _FORMS[form].format(ref=ref, letters=letters, row=number)
        escaped = text.replace("<", "&lt;").replace(">", "&gt;")
        parts.append(f'<row r="{row}"><c {attribute}><v>{escaped}</v></c></row>'.encode())
        plain.append(f'<row r="{row}"><c r="{limits._letters(column)}{row}"/></row>'.encode())
    parts.append(b"</sheetData></worksheet>")
    plain.append(b"</sheetData></worksheet>")
    return b"".join(parts), b"".join(plain)


def _archive(xml: bytes) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    return zipfile.ZipFile(buffer)


@given(
    sheet=sheets(),
    segment=st.sampled_from([64, 200, 1000, 1 << 20]),
    tail=st.sampled_from([16, 100, 4096]),
)
def test_quick_bounds_never_smaller_than_the_exact_extent(
    sheet: tuple[bytes, bytes], segment: int, tail: int
) -> None:
    """Whatever the references and however the XML is cut, the quick pass finds at least
    the rows and columns the exact one does, and the same when they are written plainly."""
    odd, plain = sheet
    part = "xl/worksheets/sheet1.xml"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "_SEGMENT", segment)
        patch.setattr(limits, "_TAIL", tail)
        quick = limits._bounds(_archive(odd), part)
        exact = limits._extent(_archive(odd), part)
        assert quick[0] >= exact[0]
        assert quick[1] >= exact[1]
        assert limits._bounds(_archive(plain), part) == limits._extent(_archive(plain), part)


@pytest.mark.parametrize(
    ("low", "high"),
    [(0, 0), (0, 9), (1, 1), (1, 100_003), (7, 12), (99, 1000), (123, 98_765), (0, 1_048_576)],
)
def test_the_range_patterns_match_exactly_their_numbers(low: int, high: int) -> None:
    """The patterns the quick pass builds accept the numbers of the range and no other."""
    digits = re.compile(limits._between(low, high, letters=False))
    letters = re.compile(limits._between(max(low, 1), max(high, 1), letters=True))
    near = {low - 1, low, low + 1, high - 1, high, high + 1}
    for number in {0, 1, 2, 9, 10, 11, 99, 100, 101, 18_278} | near:
        if number < 0:
            continue
        assert bool(digits.fullmatch(str(number) if number else "")) == (low <= number <= high)
        if 1 <= number <= 18_278:
            inside = max(low, 1) <= number <= max(high, 1)
            assert bool(letters.fullmatch(limits._letters(number))) == inside


@pytest.mark.parametrize("max_cells", [1, 29, 30, 31, 10_000_000])
def test_the_quick_pass_decides_as_the_exact_one(tmp_path: Path, max_cells: int) -> None:
    """A sheet at the limit (with an attribute that reads like a reference further out,
    which only the quick pass counts) is refused, or not, as the exact extent says."""
    xml = (
        b'<worksheet><sheetViews><sheetView><selection activeCell="Z99"/></sheetView></sheetViews>'
        b'<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>1</v></c></row>'
        b'<row r="10"><c r="B10"><v>1</v></c></row></sheetData></worksheet>'
    )
    path = tmp_path / "edge.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    if max_cells < 30:
        with pytest.raises(gt.LimitError, match=r"spans 10 rows by 3 columns \(30 cells\)"):
            limits.check_extents(path, gt.Limits(max_cells=max_cells))
    else:
        limits.check_extents(path, gt.Limits(max_cells=max_cells))


_ROW_TOKENS = [b"<row ", b"<row>", b"<rowBreaks>", b"<row", b'r="7"', b'r="12"', b"x", b" "]


@given(
    data=st.one_of(
        st.lists(st.sampled_from(_ROW_TOKENS), max_size=12).map(b"".join),
        # Many "<rowBreaks" after the last row: past the few looked for from the end.
        st.tuples(
            st.lists(st.sampled_from(_ROW_TOKENS), max_size=6).map(b"".join),
            st.integers(0, 20).map(lambda count: b"<rowBreaks>" * count),
        ).map(b"".join),
    )
)
def test_the_scan_finds_the_last_row_start_as_before(data: bytes) -> None:
    """The sheet scan's last row (for progress) is read from the last "<row " or "<row>"."""
    scanner = _xlsx._Scanner(b"<worksheet>", b"", overrides=False, shared={})
    scanner._count_rows(data)
    last = max(data.rfind(b"<row "), data.rfind(b"<row>"))
    expected = 0
    if last >= 0:
        end = data.find(b">", last)
        number = _xlsx._ROW_NUMBER.search(data, last, end if end > 0 else len(data))
        expected = int(number.group(1)) if number else data.count(b"<row ") + data.count(b"<row>")
    assert scanner.last_row == expected


# Cells without a reference: a reader places them after the previous cell of their row,
# and a row without ``r`` after the previous row (python-calamine does, as Excel does).


@st.composite
def unreferenced_sheets(draw: st.DrawFn) -> str:
    """A sheet whose rows and cells may or may not carry their reference; every cell has a
    value, and references only ever move forward, as in a sheet a program wrote."""
    parts = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    parts.append("<sheetData>")
    row = 0
    for _ in range(draw(st.integers(1, 6))):
        row += draw(st.integers(1, 300))
        numbered = draw(st.booleans())
        # Without r, the reader counts on from the last row; ``row`` is never behind it.
        parts.append(f'<row r="{row}">' if numbered else "<row>")
        column = 0
        for _ in range(draw(st.integers(1, 5))):
            column += draw(st.integers(1, 60))
            referenced = draw(st.booleans())
            # Without r, the cell goes after the previous one; ``column`` is never behind it.
            attribute = f' r="{limits._letters(column)}{row}"' if referenced and numbered else ""
            parts.append(f'<c{attribute} t="inlineStr"><is><t>x</t></is></c>')
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


@given(unreferenced_sheets())
def test_cells_without_references_span_what_calamine_allocates(sheet: str) -> None:
    """The span check places unreferenced cells as python-calamine does: the same box."""
    calamine = pytest.importorskip("python_calamine")
    data = workbook(sheet)
    book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    loaded = book.get_sheet_by_name("Actions")
    (top, left), (bottom, right) = loaded.start, loaded.end
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert limits._scan(archive, "xl/worksheets/sheet1.xml")[0] == ("<c t=" in sheet)
        span = limits._positional_extent(archive, "xl/worksheets/sheet1.xml", "x.xlsx")
    assert span == (bottom - top + 1, right - left + 1)


def test_a_sheet_of_unreferenced_cells_is_refused_before_calamine(tmp_path: Path) -> None:
    """A value at row 100 with no reference still makes the sheet 100 rows tall: refused
    by the span check, before calamine allocates it, not by the row count after."""
    rows = '<row r="1"><c r="CV1" t="inlineStr"><is><t>x</t></is></c></row>'
    rows += '<row r="100"><c t="inlineStr"><is><t>y</t></is></c></row>'

    path = tmp_path / "positions.xlsx"
    path.write_bytes(
        workbook(
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{rows}</sheetData></worksheet>"
        )
    )
    with pytest.raises(gt.LimitError, match=r"spans 100 rows by 100 columns \(10,000 cells\)"):
        limits.check_extents(path, gt.Limits(max_cells=1000))
    limits.check_extents(path, gt.Limits(max_cells=10_000))


# What may lie around a cell in a sheet's XML, as far as the unreferenced-cell test sees:
# colons in texts and attributes, prefixed elements, prefixed names that are no cell.
_PREFIX_TOKENS = [
    '<c r="A1">',
    "<c>",
    "<x:c ",
    "<x:c>",
    "<x:row>",
    "<x:sheetData>",
    "<x:col>",
    "<x:cols>",
    "<t>10:30</t>",
    "Note: ",
    ":",
    ":cx",
    ":rows",
    'xmlns:x="main"',
    "plain text ",
]


@given(
    tokens=st.lists(st.sampled_from(_PREFIX_TOKENS), max_size=20),
    segment=st.sampled_from([8, 30, 1 << 20]),
)
def test_the_scan_sees_a_prefixed_element_wherever_the_colons_are(
    tokens: list[str], segment: int
) -> None:
    """Some cell may lack its reference exactly when an unreferenced cell start tag or a
    prefixed sheet element is in the XML, however many colons come before it."""
    xml = f"<worksheet>{''.join(tokens)}</worksheet>".encode()
    expected = bool(limits._UNREFERENCED.search(xml) or limits._PREFIXED.search(xml))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "_SEGMENT", segment)
        assert expected == limits._scan(_archive(xml), "xl/worksheets/sheet1.xml")[0]


@pytest.mark.skipif(
    importlib.util.find_spec("python_calamine") is None, reason="needs python-calamine"
)
@pytest.mark.parametrize("entry", ["gt.load", "excel.load", "iter_actions"])
def test_every_way_in_checks_the_span_before_calamine(tmp_path: Path, entry: str) -> None:
    """The Excel reader's own ``load`` (not only ``gt.load``) and the stream check the span
    before calamine loads the sheet: two cells at A1 and CV100 ask for 10,000 cells."""
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c></row>'
    rows += '<row r="100"><c r="CV100" t="inlineStr"><is><t>y</t></is></c></row>'
    path = tmp_path / "wide.xlsx"
    path.write_bytes(
        workbook(
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{rows}</sheetData></worksheet>"
        )
    )
    small = gt.Limits(max_cells=1000)
    reads: dict[str, Callable[[], object]] = {
        "gt.load": lambda: gt.load(path, engine="calamine", limits=small),
        "excel.load": lambda: excel.load(path, engine="calamine", limits=small),
        "iter_actions": lambda: list(gt.iter_actions(path, engine="calamine", limits=small)),
    }
    with pytest.raises(gt.LimitError, match=r"spans 100 rows by 100 columns"):
        reads[entry]()


def test_a_tag_longer_than_a_segment_is_never_cut() -> None:
    """Regression: a piece of XML with no ``<`` past its start (a tag longer than a segment)
    was yielded whole and the next segment started inside it, so a prefixed element (and a
    reference) could be split in two and missed; such a piece is read on until a ``<``."""
    xml = b'<worksheet><c r="A1"><x:sheetData><c r="XFD1048576" t="inlineStr"></worksheet>'
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "_SEGMENT", 8)
        pieces = list(limits._segments(_archive(xml), "xl/worksheets/sheet1.xml"))
        unreferenced, span = limits._scan(_archive(xml), "xl/worksheets/sheet1.xml")
    assert b"".join(pieces) == xml
    assert all(piece.count(b"<") <= 1 and piece.startswith(b"<") for piece in pieces if piece)
    assert (True, (1_048_576, 16_384)) == (unreferenced, span)
