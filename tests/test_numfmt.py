"""Excel number formats that show a date without its day (govtrack.io._numfmt)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter

import govtrack as gt
from govtrack.io import _xlsx
from govtrack.io._numfmt import BUILTIN_FORMATS, DateShape, MonthStyle, date_shape, format_code
from govtrack.io._xlsx import CellShapes

JULY = dt.date(2023, 7, 1)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # A month and a year, no day: the month.
        ("mmm-yy", "Jul 2023"),
        ("mmm-yyyy", "Jul 2023"),
        ("MMM YYYY", "Jul 2023"),
        ("mmmm yyyy", "July 2023"),
        ("mmmm\\ yyyy", "July 2023"),
        ("mm/yyyy", "07/2023"),
        ("m/yy", "7/2023"),
        ("yyyy-mm", "2023/07"),
        ("mmmmm-yy", "Jul 2023"),  # the initial alone reads as no month: the abbreviation
        ("[$-409]mmm-yy;@", "Jul 2023"),
        ("[$-en-GB]mmmm yyyy", "July 2023"),
        ("[Red]mmm yyyy;[Blue]d-mmm-yy", "Jul 2023"),  # only the first section counts
        ('"Due "mmm yyyy', "Jul 2023"),
        ('mmm "(day TBD)" yyyy', "Jul 2023"),  # d, a and y inside quotes are text
        ("\\d\\a\\y mmm yyyy", "Jul 2023"),  # escaped letters are text
        ("_(mmm yyyy_)", "Jul 2023"),
        ("*-mmm yyyy", "Jul 2023"),
        # A year alone: the year.
        ("yyyy", "2023"),
        ("yy", "2023"),
        ('"FY"yyyy', "2023"),
        # A day, a time, or no date: None (the cell stays a day).
        ("d-mmm-yy", None),
        ("dd/mm/yyyy", None),
        ("dddd mmmm yyyy", None),
        ("yyyy-mm-dd", None),
        ("mm-dd-yy", None),
        ("mmm yyyy h:mm", None),
        ("h:mm", None),
        ("mm:ss", None),  # minutes, not a month
        ("hh:mm", None),
        ("[mm]", None),
        ("[h]:mm:ss", None),
        ("mmss.0", None),
        ("mmm yyyy AM/PM", None),
        ("mmmm", None),  # no year shown
        ("mm", None),
        ("General", None),
        ("0", None),
        ("0.00E+00", None),
        ("#,##0", None),
        ("@", None),
        ("", None),
        ('"mmm yyyy"', None),  # all text
        ("[$-411]ggge", None),  # an era: not read
    ],
)
def test_date_shape(code: str, expected: str | None) -> None:
    """What a format shows of 1 July 2023, as the Due text govtrack gives it."""
    shape = date_shape(code)
    assert expected == (shape.text(JULY) if shape is not None else None)


def test_builtin_formats() -> None:
    """Of Excel's built-in formats, only 17 (mmm-yy) shows a month without a day."""
    partial = {index for index in BUILTIN_FORMATS if date_shape(format_code(index, {}))}
    assert ({17}, "General") == (partial, format_code(164, {}))
    assert "mmmm yyyy" == format_code(17, {17: "mmmm yyyy"})  # the workbook's own comes first


_SHAPES = st.one_of(
    st.just(DateShape(None)),
    st.builds(DateShape, st.sampled_from(MonthStyle), st.booleans()),
)


@given(_SHAPES, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_the_text_reads_back_to_the_same_span(shape: DateShape, day: dt.date) -> None:
    """parse_due reads each shape's text back to the span the shape gives, as a month or year."""
    due = shape.due(day)
    assert due is not None
    again = gt.parse_due(due.text)
    assert (again.start, again.end, again.precision) == (due.start, due.end, due.precision)
    assert due.covers(day)
    assert due.precision is (gt.Precision.YEAR if shape.month is None else gt.Precision.MONTH)


def test_a_year_parse_due_cannot_read_alone_stays_a_day() -> None:
    """A year-only format on a year past 2999 gives no Due (the reader keeps the day)."""
    assert (None, "Jul 3000") == (
        DateShape(None).due(dt.date(3000, 7, 1)),
        DateShape(MonthStyle.ABBREVIATED).text(dt.date(3000, 7, 1)),
    )


# Format codes built from date tokens and separators, then the same with noise that is
# never a date part: quoted text, escaped characters, bracketed locales and colours, and
# a second section.
_TOKENS = st.sampled_from(["d", "dd", "ddd", "m", "mm", "mmm", "mmmm", "yy", "yyyy", "h", "ss"])
_SEPARATORS = st.sampled_from(["", " ", "-", "/", ".", ",", ":"])
_NOISE = st.one_of(
    st.text(st.sampled_from("dmyhs Due:-"), max_size=6).map(lambda text: f'"{text}"'),
    st.sampled_from("dmyhsDMY aeg").map(lambda char: "\\" + char),
    st.sampled_from(["[$-409]", "[$-en-GB]", "[Red]", "[Color10]", "[$€-x-sysdate]"]),
)


@st.composite
def _codes(draw: st.DrawFn) -> tuple[str, str]:
    tokens = draw(st.lists(_TOKENS, min_size=1, max_size=4))
    clean: list[str] = []
    noisy: list[str] = []
    for token in tokens:
        separator = draw(_SEPARATORS)
        noise = draw(st.lists(_NOISE, max_size=2))
        clean += [token, separator]
        noisy += [*noise, token, separator]
    tail = draw(st.one_of(st.just(""), st.sampled_from([";@", ";d-mmm-yy", ';"none"', ";[h]:mm"])))
    return "".join(clean), "".join(noisy) + tail


@given(_codes())
def test_literals_and_sections_do_not_change_the_shape(codes: tuple[str, str]) -> None:
    """Quoted text, escapes, brackets and later sections are never read as date parts."""
    clean, noisy = codes
    assert date_shape(clean) == date_shape(noisy)


@given(_codes())
def test_a_shape_is_a_date_format_without_a_day_or_a_time(codes: tuple[str, str]) -> None:
    """A format with a shape is one openpyxl reads as a date, and shows a year but no d or h."""
    clean, noisy = codes
    shape = date_shape(noisy)
    if shape is not None:
        assert is_date_format(noisy)
        assert "y" in clean
        assert not set("dhs") & set(clean)
        assert (shape.month is None) == ("m" not in clean)


_shapes = st.sampled_from(
    [DateShape(None), DateShape(MonthStyle.ABBREVIATED), DateShape(MonthStyle.TWO_DIGITS, True)]
)


@given(st.lists(st.tuples(st.integers(1, 2000), st.integers(1, 40), _shapes), max_size=60))
def test_cell_shapes_hold_what_a_dict_holds(cells: list[tuple[int, int, DateShape]]) -> None:
    """The bitmaps answer as a dict of the same cells would (a cell is listed once)."""
    expected: dict[tuple[int, int], DateShape] = {}
    shapes = CellShapes()
    for row, column, shape in cells:
        if (row, column) not in expected:
            expected[row, column] = shape
            shapes.add(row, column, shape)
    assert dict(shapes.items()) == expected
    assert len(shapes) == len(expected)
    assert shapes.get((2001, 1)) is None


# Sheet XML written every way XML allows: whitespace (spaces, tabs, line breaks) after
# the tag's name, around "=" and between attributes, either quote, attributes in any
# order, a row's own style, an attribute whose name ends in "s" (xs="7") and texts that
# look like a style attribute.
_GAP = st.sampled_from([" ", "  ", "\t", "\n", "\r\n ", "\n\t"])
_AROUND = st.sampled_from(["", "", " ", "\t", "\n", " \r\n"])
_QUOTE = st.sampled_from(['"', "'"])
_STYLE_INDEX = st.integers(0, 9)
_KINDS = st.sampled_from([None, "n", "d", "s", "str", "b", "e", "inlineStr"])
_VALUES = {None: "<v>45108</v>", "n": "<v>45108</v>", "d": "<v>2023-07-01</v>", "s": "<v>0</v>",
           "str": "<v>x</v>", "b": "<v>1</v>", "e": "<v>#N/A</v>"}  # fmt: skip


@st.composite
def _start_tag(draw: st.DrawFn, name: str, attributes: list[tuple[str, str]]) -> str:
    written = "".join(
        f"{draw(_GAP)}{key}{draw(_AROUND)}={draw(_AROUND)}{quote}{value}{quote}"
        for key, value in draw(st.permutations(attributes))
        for quote in [draw(_QUOTE)]
    )
    return f"<{name}{written}{draw(st.sampled_from(['', ' ', chr(10)]))}>"


@st.composite
def _month_sheets(
    draw: st.DrawFn,
) -> tuple[list[bytes], dict[int, DateShape], dict[tuple[int, int], DateShape]]:
    """Sheet XML in segments (cut at row starts, as the scan is fed), the styles that show
    no day, and the cells a dict says are in one of them."""
    styles = draw(st.dictionaries(_STYLE_INDEX, _shapes, min_size=1, max_size=3))
    expected: dict[tuple[int, int], DateShape] = {}
    rows: list[str] = []
    for row in sorted(draw(st.sets(st.integers(1, 3000), max_size=6))):
        row_attributes = [("r", str(row))]
        if draw(st.booleans()):  # a row's own style is not its cells' style
            row_attributes += [("s", str(draw(_STYLE_INDEX))), ("customFormat", "1")]
        cells: list[str] = []
        for column in sorted(draw(st.sets(st.integers(1, 60), max_size=5))):
            style = draw(st.none() | _STYLE_INDEX)  # None: no s attribute, style 0
            kind = draw(_KINDS)
            attributes = [("r", f"{get_column_letter(column)}{row}")]
            if style is not None:
                attributes.append(("s", str(style)))
            if kind is not None:
                attributes.append(("t", kind))
            if draw(st.booleans()):
                attributes.append(("xs", str(draw(_STYLE_INDEX))))
            tag = draw(_start_tag("c", attributes))
            if kind == "inlineStr":
                lookalike = f's = "{draw(_STYLE_INDEX)}"'
                cells.append(f"{tag}<is><t>{lookalike}</t></is></c>")
            else:
                cells.append(f"{tag}{_VALUES[kind]}</c>")
            shape = styles.get(0 if style is None else style)
            if shape is not None and kind in {None, "n", "d"}:
                expected[row, column] = shape
        rows.append(draw(_start_tag("row", row_attributes)) + "".join(cells) + "</row>")
    segments = ["<sheetData>"]
    for row_xml in rows:
        if draw(st.booleans()):
            segments.append(row_xml)
        else:
            segments[-1] += row_xml
    segments[-1] += "</sheetData>"
    return [segment.encode() for segment in segments], styles, expected


@given(_month_sheets())
def test_the_scan_finds_the_cells_a_dict_holds_whatever_the_markup(
    sheet: tuple[list[bytes], dict[int, DateShape], dict[tuple[int, int], DateShape]],
) -> None:
    """The sheet scan's CellShapes hold exactly the number cells styled in a format with no
    day, however the XML writes the tag (regression: s = "7" was missed, read as a day)."""
    segments, styles, expected = sheet
    scanner = _xlsx._Scanner(b"<worksheet>", b"", overrides=False, shared={}, date_styles=styles)
    for segment in segments:
        scanner.segment(segment)
    found = scanner.partial_dates
    assert expected == dict(found.items())
    assert len(expected) == len(found)


def test_cell_shapes_stay_small() -> None:
    """A million month-formatted cells in one column take one bit each, not a dict entry."""
    shapes = CellShapes()
    for row in range(1, 1_000_001):
        shapes.add(row, 8, DateShape(MonthStyle.ABBREVIATED))
    held = sum(sys.getsizeof(bits) for groups in shapes._columns.values() for _, bits in groups)
    assert held < 200_000
    assert len(shapes) == 1_000_000
    assert shapes[500_000, 8] == DateShape(MonthStyle.ABBREVIATED)
