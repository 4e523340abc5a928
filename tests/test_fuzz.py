"""Fuzzing every reader through the public API: arbitrary text in every text format, arbitrary
bytes under every suffix, workbooks with arbitrary cells and types, and broken workbook parts.

Each input is read, or refused with a GovtrackError whose message is one line; nothing else
may escape. What is read must also survive what a caller does next: validation, a summary,
and a JSON round trip. Longer, coverage-guided runs use ``tests/fuzz/fuzz_readers.py``
(atheris; see CONTRIBUTING.md), whose entry point is smoke-tested at the end of this module.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _xlsx
from govtrack.io.columns import ALIASES
from hostile_files import Cell, rezip, sheet_xml, workbook

DATA = Path(__file__).parent / "data"
ON = dt.date(2023, 1, 31)
TEXT_FORMATS = ["gate", "minutes", "meeting-report", "progress-report", "matrix", "json"]
SUFFIXES = [".txt", ".md", ".json", ".xlsx", ".xlsm", ".xls", ".csv", ""]
FIXTURES = sorted(
    path for path in DATA.glob("*/*") if path.is_file() and path.parent.name != "invalid"
)
LINES = sorted({line for path in FIXTURES for line in path.read_text("utf-8").splitlines()})
# Workbooks are slower to build and read than text: half the profile's examples.
WORKBOOK_SETTINGS = settings(
    max_examples=max(settings().max_examples // 2, 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _read_or_refuse(read: Callable[[], gt.Document]) -> gt.Document | None:
    """The document read, or None when it was refused with a one-line GovtrackError."""
    try:
        document = read()
    except gt.GovtrackError as error:
        message = str(error)
        assert 1 == len(message.splitlines()), repr(message)
        return None
    assert isinstance(document, gt.Document)
    return document


def _usable(document: gt.Document | None) -> None:
    """What a reader returns can be validated, summarised and written as JSON read back equal."""
    if document is None:
        return
    gt.validate(document, on=ON)
    gt.summarize(document, on=ON)
    unsourced = attrs.evolve(document, source="")
    assert unsourced == gt.loads(gt.dumps(unsourced), format="json")


# ---------------------------------------------------------------------------
# Text


@st.composite
def _mutated_line(draw: st.DrawFn) -> str:
    """A line of a real fixture, cut, spliced, re-cased or re-punctuated."""
    line = draw(st.sampled_from(LINES))
    at = draw(st.integers(0, len(line)))
    change = draw(st.integers(0, 6))
    if change == 1:
        return line[:at]
    if change == 2:
        return line[:at] + draw(st.text(max_size=8)) + line[at:]
    if change == 3:
        return line.upper()
    if change == 4:
        return line.replace(" ", draw(st.sampled_from(["\t", "  ", "", "|", ":", "\u00a0"])))
    if change == 5:
        return draw(st.sampled_from(["|", ":", "- ", "1. ", "a) ", "# ", "**", "Update: "])) + line
    if change == 6:
        return line + draw(st.sampled_from([" |", ":", " 2021/07 Ongoing", " by Q5 2023", "\x00"]))
    return line


fragments = st.lists(_mutated_line(), min_size=1, max_size=40).map("\n".join)
"""Text made of the fixtures' own lines, shuffled and damaged: it reaches deep branches."""

texts = st.one_of(st.text(max_size=400), fragments)


@given(texts, st.sampled_from(TEXT_FORMATS))
def test_any_text_in_any_format_is_read_or_refused(text: str, format_name: str) -> None:
    """gt.loads(text, format=X) reads or raises a one-line GovtrackError, for every X."""
    _usable(_read_or_refuse(lambda: gt.loads(text, format=format_name)))


@given(texts)
def test_any_text_is_sniffed_and_read_or_refused(text: str) -> None:
    """gt.loads(text) with no format sniffs, then reads or raises a one-line GovtrackError."""
    _usable(_read_or_refuse(lambda: gt.loads(text)))


# ---------------------------------------------------------------------------
# Bytes under every suffix


def _damaged(data: bytes, draw: st.DrawFn) -> bytes:
    """The bytes truncated, with a span overwritten, or with a span repeated."""
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    change = draw(st.integers(0, 3))
    if change == 0:
        return data[:at]
    if change == 1:
        return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at + 16 :]
    if change == 2:
        return data[:at] + data[at : at + 64] * draw(st.integers(2, 50)) + data[at:]
    return data


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, text in some encoding, a magic number with junk, or a damaged file."""
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.binary(max_size=2000))
    if kind == 1:
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252"]))
        return draw(texts).encode(encoding, errors="replace")
    if kind == 2:
        magic = draw(
            st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe", b"{"])
        )
        return magic + draw(st.binary(max_size=600))
    if kind == 3:
        return _damaged(draw(st.sampled_from(FIXTURES)).read_bytes(), draw)
    return _damaged(draw(st.sampled_from(_SAMPLE_WORKBOOKS)), draw)


def _sample_workbooks() -> list[bytes]:
    """A partner matrix, govtrack's own workbook and a plain action list, as bytes."""
    action = gt.Action(
        text="Commission a survey",
        ref="1.1",
        responsible=("Planning Unit",),
        due=gt.parse_due("2021/09"),
        status=gt.Status.ONGOING,
        status_text="Ongoing",
        comments="Dec 2022 Update: tender out",
    )
    document = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="Review",
                recommendations=(
                    gt.Recommendation(ref="1", text="Publish baselines", actions=(action,)),
                ),
            ),
        )
    )
    folder = Path(tempfile.mkdtemp())
    found = []
    for layout in ("matrix", "workbook"):
        path = folder / f"{layout}.xlsx"
        gt.dump(document, path, layout=layout)
        found.append(path.read_bytes())
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action plan"])
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Recruit", "HR", "2023/03", "Ongoing"])
    buffer = io.BytesIO()
    book.save(buffer)
    found.append(buffer.getvalue())
    return found


_SAMPLE_WORKBOOKS = _sample_workbooks()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the files the properties write (hypothesis reuses it)."""
    return tmp_path_factory.mktemp("fuzz")


@WORKBOOK_SETTINGS
@given(_files(), st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_suffix_are_read_or_refused(
    folder: Path, data: bytes, suffix: str
) -> None:
    """gt.load on any bytes, named with any suffix, reads or raises a one-line GovtrackError."""
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    _usable(_read_or_refuse(lambda: gt.load(path)))


# ---------------------------------------------------------------------------
# Workbooks with arbitrary cells

# Characters an XML document can hold (others make the part unreadable, which
# test_mutated_workbook_parts covers).
_XML_TEXT = st.text(
    st.characters(codec="utf-8").filter(
        lambda char: char in "\t\n\r" or (0x20 <= ord(char) and char not in "\ufffe\uffff")
    ),
    max_size=40,
)
_HEADERS = sorted({alias for aliases in ALIASES.values() for alias in aliases})
_VALUES: dict[str, st.SearchStrategy[str]] = {
    "n": st.one_of(
        st.integers(-(10**20), 10**20).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(["45000", "2958466", "-1", "1e308", "1e-320", "NaN", "", "0x10", "1_0"]),
    ),
    "s": st.integers(-2, 6).map(str),
    "str": _XML_TEXT,
    "inlineStr": st.one_of(
        _XML_TEXT,
        st.sampled_from(
            ["2021/07", "Q1-2023", "Over due", "Completed", "N/A", "KAZ: x", "_x0041_"]
        ),
    ),
    "b": st.sampled_from(["0", "1", "2", "true", ""]),
    "e": st.sampled_from(["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NULL!", "oops"]),
    "d": st.one_of(
        st.datetimes().map(lambda moment: moment.isoformat()),
        st.sampled_from(["2021-13-45", "99999-01-01", "T10:00", "garbage"]),
    ),
    "f": st.sampled_from(["NOW()", "A1", "1/0", ""]),
}
_SHARED = ["Key action", "Responsible", "2021/07", "Ongoing", "", "Deadline"]


@st.composite
def _cells(draw: st.DrawFn) -> Cell:
    kind = draw(st.sampled_from(sorted(_VALUES)))
    return kind, draw(_VALUES[kind]), draw(st.sampled_from([0, 0, 1, 2, 3, 4, 9]))


@st.composite
def _sheets(draw: st.DrawFn) -> str:
    """A sheet whose first row is usually a header govtrack knows, then arbitrary rows."""
    header = draw(st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=8))
    rows: list[tuple[int, list[tuple[int, Cell]]]] = [
        (1, [(n, ("inlineStr", name, 0)) for n, name in enumerate(header, start=1)])
    ]
    number = 1
    for _ in range(draw(st.integers(0, 8))):
        number += draw(st.sampled_from([1, 1, 1, 2, 40]))
        columns = draw(st.lists(st.integers(1, 12), max_size=8, unique=True).map(sorted))
        rows.append((number, [(column, draw(_cells())) for column in columns]))
    merges = draw(
        st.lists(
            st.tuples(st.integers(1, 4), st.integers(1, 6), st.integers(0, 3), st.integers(0, 4)),
            max_size=2,
        ).map(
            lambda spans: [
                f"{chr(64 + c)}{r}:{chr(64 + c + w)}{r + h}" for c, r, w, h in spans if w or h
            ]
        )
    )
    dimension = draw(st.sampled_from(["", "A1:K1048576", "A1", "B2:A1", "nonsense"]))
    return sheet_xml(rows, dimension=dimension, merges=merges)


ENGINES = [engine for engine in ("openpyxl", "calamine") if engine in _xlsx.ENGINES]


@WORKBOOK_SETTINGS
@given(
    _sheets(),
    st.text(min_size=1, max_size=31).filter(lambda name: name.isprintable()),
    st.sampled_from(ENGINES),
)
def test_workbooks_with_arbitrary_cells_are_read_or_refused(
    folder: Path, sheet: str, sheet_name: str, engine: str
) -> None:
    """Any cell types and values under a known header read, or raise a one-line GovtrackError."""
    path = folder / "cells.xlsx"
    path.write_bytes(workbook(sheet, shared=_SHARED, sheet_name=sheet_name))
    _usable(_read_or_refuse(lambda: gt.load(path, engine=engine)))


@attrs.frozen
class Damage:
    """One change to one XML part of a sample workbook (kept small, so a failure prints well)."""

    sample: int
    part: int
    kind: int
    at: float
    length: int
    noise: bytes

    def apply(self) -> bytes:
        package = _SAMPLE_WORKBOOKS[self.sample]
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            parts = sorted(n for n in archive.namelist() if n.endswith((".xml", ".rels")))
        part = parts[self.part % len(parts)]

        def change(xml: bytes) -> bytes:
            at = int(self.at * len(xml))
            if self.kind == 0:
                return xml[:at] + xml[at + self.length :]
            if self.kind == 1:
                return xml[:at] + self.noise + xml[at:]
            if self.kind == 2:
                return xml[:at] + xml[at : at + self.length] * 3 + xml[at:]
            return xml[:at] + self.noise + xml[at + len(self.noise) :]

        return rezip(package, change={part: change})


_NOISE = [b'"', b"<", b">", b"&", b"</c>", b'r="A0"', b"\xff", b"0", b"9", b"-1", b"99999999"]
_NOISE += [b"1048577", b' t="s"', b' t="e"', b' s="99"', b"<v>x</v>"]
damages = st.builds(
    Damage,
    sample=st.integers(0, 2),
    part=st.integers(0, 30),
    kind=st.integers(0, 3),
    at=st.floats(0, 1),
    length=st.integers(1, 400),
    noise=st.sampled_from(_NOISE),
)


@WORKBOOK_SETTINGS
@given(damages)
def test_workbooks_with_damaged_parts_are_read_or_refused(folder: Path, damage: Damage) -> None:
    """A partner matrix, an own workbook or a plain list with a damaged part reads or is refused."""
    path = folder / "damaged.xlsx"
    path.write_bytes(damage.apply())
    _usable(_read_or_refuse(lambda: gt.load(path)))


_OWN_SHEETS = ["Actions", "Recommendations", "Evaluations", "Updates", "Extra", "_govtrack"]


@WORKBOOK_SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_OWN_SHEETS),
            st.integers(1, 3),
            st.integers(1, 16),
            st.one_of(
                st.none(),
                _XML_TEXT,
                st.integers(-(10**6), 10**6),
                st.floats(allow_nan=False, allow_infinity=False),
                st.booleans(),
                st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),  # noqa: DTZ001 - cells have no zone
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_own_workbook_with_arbitrary_cells_is_read_or_refused(
    folder: Path, changes: list[tuple[str, int, int, Any]]
) -> None:
    """govtrack's own workbook with cells overwritten reads or raises a one-line GovtrackError."""
    book = openpyxl.load_workbook(io.BytesIO(_SAMPLE_WORKBOOKS[1]))
    for sheet, row, column, value in changes:
        if sheet in book.sheetnames:
            cell = book[sheet].cell(row=row, column=column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    path = folder / "own.xlsx"
    book.save(path)
    _usable(_read_or_refuse(lambda: gt.load(path)))


# ---------------------------------------------------------------------------
# The atheris harness


def _harness() -> Any:
    path = Path(__file__).parent / "fuzz" / "fuzz_readers.py"
    spec = importlib.util.spec_from_file_location("fuzz_readers", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_atheris_harness_runs_on_its_seeds(tmp_path: Path) -> None:
    """The harness's entry point takes every seed it writes, and some junk, without a crash."""
    harness = _harness()
    seeds = harness.write_seeds(tmp_path)
    assert len(seeds) >= len(FIXTURES) + len(TEXT_FORMATS)
    for seed in seeds:
        harness.fuzz_one_input(seed.read_bytes())
    for junk in (b"", b"\x00", b"\xff" * 7, bytes(range(256))):
        harness.fuzz_one_input(junk)
