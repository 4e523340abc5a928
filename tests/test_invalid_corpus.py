"""The invalid corpus: each hostile or broken file gives a one-line GovtrackError, or reads
correctly, in bounded time and memory.

Small text files are committed in ``tests/data/invalid`` (its README lists them); the binary
and the big ones are built here, at test time, by the builders in ``hostile_files.py``.

Every file is read once in a fresh process, one after the other, which reports each outcome,
its time and the process's peak resident memory after it: that sees what C code (zlib,
expat, openpyxl's parser) allocates, and the time is free of any tracing. The files that read
quickly are read again here under ``tracemalloc``, for a tighter bound on Python's own peak.
"""

from __future__ import annotations

import gc
import io
import json
import os
import re
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import govtrack as gt
from govtrack.io import excel
from hostile_files import (
    compound_file,
    encrypted_workbook,
    old_xls,
    plain_workbook,
    rezip,
    sheet_xml,
    workbook,
    zip_bomb,
)

DATA = Path(__file__).parent / "data"
INVALID = DATA / "invalid"
SHEET = "xl/worksheets/sheet1.xml"
MIB = 1 << 20

# ---------------------------------------------------------------------------
# The generated files

_LOL = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    b'<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


def _with_doctype(doctype: bytes, *, padding: bytes = b"") -> Callable[[bytes], bytes]:
    """A part's XML with a DTD put after its declaration (and ``padding`` before it)."""

    def change(xml: bytes) -> bytes:
        declaration, end, rest = xml.partition(b"?>")
        if not end:
            return padding + doctype + xml
        return declaration + end + padding + doctype + rest.replace(b"<t ", b"<t>&lol9;</t><t ", 1)

    return change


def _plain() -> bytes:
    return plain_workbook(("Recruit a gender specialist", "HR Unit", "2023/03", "Ongoing"))


def _corrupt_deflate() -> bytes:
    """A sheet larger than the 64 KiB prolog check, one bit flipped three quarters in."""
    rows = [(f"Action number {n} " * 4, "Unit", "2023/03", "Ongoing") for n in range(3000)]
    package = bytearray(plain_workbook(*rows))
    with zipfile.ZipFile(io.BytesIO(bytes(package))) as archive:
        entry = archive.getinfo(SHEET)
    start = entry.header_offset + 30 + len(entry.filename.encode()) + len(entry.extra)
    package[start + entry.compress_size * 3 // 4] ^= 0x10
    return bytes(package)


def _many_parts(count: int) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_plain())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target,
    ):
        for name in source.namelist():
            target.writestr(name, source.read(name))
        for number in range(count):
            target.writestr(f"customXml/item{number}.bin", b"")
    return buffer.getvalue()


def _one_far_cell(row: int, column: int) -> bytes:
    """The plain workbook plus one value at (row, column)."""
    header = [(n, ("inlineStr", text, 0)) for n, text in enumerate(("Action", "Responsible"), 1)]
    first = [(1, ("inlineStr", "Recruit a gender specialist", 0)), (2, ("inlineStr", "HR", 0))]
    far = [(column, ("inlineStr", "stray", 0))]
    return workbook(sheet_xml([(1, header), (2, first), (row, far)]))


def _wide_rows(count: int) -> bytes:
    header = [(n, ("inlineStr", text, 0)) for n, text in enumerate(("Action", "Responsible"), 1)]
    rows = [(1, header)] + [
        (number, [(1, ("inlineStr", f"Action {number}", 0)), (16384, ("n", "1", 0))])
        for number in range(2, count + 2)
    ]
    return workbook(sheet_xml(rows))


def _own_workbook(path: Path) -> bytes:
    """govtrack's own workbook with every sheet declaring the dimension A1:K1048576."""
    gt.dump(_OWN, path)
    return rezip(
        path.read_bytes(),
        change={
            name: lambda xml: xml.replace(
                b"<sheetViews", b'<dimension ref="A1:K1048576"/><sheetViews', 1
            )
            for name in zipfile.ZipFile(path).namelist()
            if name.startswith("xl/worksheets/")
        },
    )


_OWN = gt.Document(
    evaluations=(
        gt.Evaluation(
            title="Review of the water programme",
            recommendations=(
                gt.Recommendation(
                    ref="1",
                    text="Publish baselines",
                    response=gt.ManagementResponse(
                        text="Agreed", category=gt.ResponseCategory.ACCEPTED
                    ),
                    actions=(
                        gt.Action(
                            text="Commission a survey", ref="1.1", due=gt.parse_due("2021/09")
                        ),
                    ),
                ),
            ),
        ),
    )
)

_BUILDERS: dict[str, Callable[[Path], bytes]] = {
    "truncated.xlsx": lambda _: _plain()[: len(_plain()) // 2],
    "truncated_tail.xlsx": lambda _: _plain()[:-10],
    "no_sheet_part.xlsx": lambda _: rezip(_plain(), drop=[SHEET]),
    "no_workbook_part.xlsx": lambda _: rezip(_plain(), drop=["xl/workbook.xml"]),
    "corrupt_deflate.xlsx": lambda _: _corrupt_deflate(),
    "entity_bomb_sheet.xlsx": lambda _: rezip(_plain(), change={SHEET: _with_doctype(_LOL)}),
    "entity_bomb_shared_strings.xlsx": lambda _: rezip(
        _plain(), change={"xl/sharedStrings.xml": _with_doctype(_LOL)}
    ),
    "entity_bomb_workbook.xlsx": lambda _: rezip(
        _plain(), change={"xl/workbook.xml": _with_doctype(_LOL)}
    ),
    "entity_bomb_content_types.xlsx": lambda _: rezip(
        _plain(), change={"[Content_Types].xml": _with_doctype(_LOL)}
    ),
    "entity_bomb_utf16.xlsx": lambda _: rezip(
        _plain(),
        change={
            SHEET: lambda xml: (
                _with_doctype(_LOL)(xml)
                .replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
                .decode("utf-8")
                .encode("utf-16")
            )
        },
    ),
    "external_entity.xlsx": lambda _: rezip(
        _plain(),
        change={
            "xl/sharedStrings.xml": _with_doctype(
                b'<!DOCTYPE sst [<!ENTITY lol9 SYSTEM "file:///etc/passwd">]>'
            )
        },
    ),
    "dtd_after_long_comment.xlsx": lambda _: rezip(
        _plain(),
        change={SHEET: _with_doctype(_LOL, padding=b"<!--" + b"x" * (70 * 1024) + b"-->")},
    ),
    "zip_bomb.xlsx": lambda path: zip_bomb(path).read_bytes(),
    "dimension.xlsx": lambda _: plain_workbook(
        ("Recruit a gender specialist", "HR Unit", "2023/03", "Ongoing"), dimension="A1:K1048576"
    ),
    "own_workbook_dimension.xlsx": _own_workbook,
    "last_row.xlsx": lambda _: _one_far_cell(1_048_576, 11),
    "far_row.xlsx": lambda _: _one_far_cell(5_000_000, 1),
    "wide_rows.xlsx": lambda _: _wide_rows(2000),
    "long_cell.xlsx": lambda _: plain_workbook(("x" * 40_000, "HR Unit", "2023/03", "Ongoing")),
    "many_parts.xlsx": lambda _: _many_parts(12_000),
    "old.xls": lambda _: old_xls(),
    "old_xls_named.xlsx": lambda _: old_xls(),
    "other_ole2.xlsx": lambda _: compound_file({"WordDocument": b"\xec\xa5" + bytes(100)}),
    "encrypted.xlsx": lambda _: encrypted_workbook(),
    "encrypted_large.xlsx": lambda _: encrypted_workbook(
        package_bytes=2 * MIB, directory_last=True
    ),
    "long_line.txt": lambda _: b"x" * (10 * MIB),
    "long_line.md": lambda _: b"| Action | Status |\n|---|---|\n| " + b"y" * (10 * MIB) + b" |\n",
    "long_value.json": lambda _: json.dumps(
        {"schema_version": 1, "plans": [{"actions": [{"text": "z" * (10 * MIB)}]}]}
    ).encode(),
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The binary and big files of the corpus, built once in a temporary folder."""
    folder = tmp_path_factory.mktemp("invalid")
    for name, build in _BUILDERS.items():
        path = folder / name
        data = build(path)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    return folder


# ---------------------------------------------------------------------------
# The expectations


@dataclass(frozen=True)
class Case:
    """A file of the corpus and what reading it must give."""

    name: str
    error: type[gt.GovtrackError] | None = None
    message: str = ""
    check: Callable[[gt.Document], None] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    seconds: float = 5.0
    mebibytes: float = 32.0
    resident_mebibytes: float = 128.0
    traced: bool = True

    @property
    def committed(self) -> bool:
        return self.name not in _BUILDERS


def _gate_actions(doc: gt.Document) -> list[tuple[str, str, Any, str]]:
    return [(a.ref, a.text, a.status, a.due.text if a.due else "") for a in doc.actions]


def _same_as(path: Path) -> Callable[[gt.Document], None]:
    def check(doc: gt.Document) -> None:
        assert _gate_actions(gt.load(path)) == _gate_actions(doc)

    return check


def _same_lines_as(path: Path) -> Callable[[gt.Document], None]:
    def check(doc: gt.Document) -> None:
        expected = [a.origin.line if a.origin else None for a in gt.load(path).actions]
        assert expected == [a.origin.line if a.origin else None for a in doc.actions]
        _same_as(path)(doc)

    return check


def _controls_kept(doc: gt.Document) -> None:
    clean = gt.load(DATA / "minutes" / "steering_committee.txt")
    assert len(clean.actions) == len(doc.actions)
    assert "Online\a (video conference)" == doc.meetings[0].venue
    assert "The secretariat will pub\x00lish the pilot report\x1b[0m by 30 September 2023" == (
        doc.actions[0].text
    )
    assert "Agencies to report procurement\x7f progress no later than 15 October 2023" == (
        doc.actions[1].text
    )
    assert ["GT344"] == [problem.code for problem in doc.problems]


def _cp1252_read(doc: gt.Document) -> None:
    evaluation = doc.evaluations[0]
    assert "Review of the “school meals” pilot – 2019–2020" == evaluation.title
    assert "Costs published in the “annual note”." == doc.actions[0].comments


def _one_action(text: str) -> Callable[[gt.Document], None]:
    def check(doc: gt.Document) -> None:
        assert [text] == [action.text for action in doc.actions]

    return check


def _stray_cell_kept(doc: gt.Document) -> None:
    # A lone cell far below the table is a note kept in the plan's extra, not an action.
    texts = [(action.text, dict(action.extra), str(action.origin)) for action in doc.actions]
    assert [("Recruit a gender specialist", {}, "Actions!A2")] == texts
    assert {"Note K1048576": "stray"} == dict(doc.plans[0].extra)
    assert ("GT212", "Actions!K1048576") in {(p.code, str(p.location)) for p in doc.problems}


def _own_read(doc: gt.Document) -> None:
    assert _OWN.evaluations == doc.evaluations


def _long_value(doc: gt.Document) -> None:
    assert [10 * MIB] == [len(action.text) for action in doc.actions]


CASES = [
    # committed text files
    Case("binary_junk.txt", gt.FormatError, r"is not UTF-8 text \(byte 0: .*\); it looks binary"),
    Case("utf16_bom.txt", check=_same_as(DATA / "gate" / "basic.txt")),
    Case("utf16be_bom.txt", check=_same_as(DATA / "matrix" / "markdown.md")),
    Case("cr_line_ends.txt", check=_same_lines_as(DATA / "gate" / "basic.txt")),
    Case("cp1252.txt", gt.FormatError, r'not UTF-8 text \(byte 100: .*\); .*encoding="cp1252"'),
    Case("cp1252.txt", check=_cp1252_read, options={"encoding": "cp1252"}),
    Case("nul_controls.txt", check=_controls_kept),
    Case("not_a_workbook.xlsx", gt.FormatError, r"not an Excel \.xlsx workbook \(it is not a zip"),
    Case("html_export.xls", gt.FormatError, r"not an \.xls workbook \(it is not a zip .*<html>"),
    Case("empty.txt", gt.FormatError, r"is in none of the formats govtrack reads \(tried gate"),
    Case("bom_only.md", gt.FormatError, r"is in none of the formats govtrack reads"),
    Case("utf16_truncated.txt", gt.FormatError, r"not valid UTF-16 .*byte-order mark"),
    Case("huge_integer.json", gt.SchemaError, r"a number of thousands of digits"),
    Case("deep_nesting.json", gt.SchemaError, r"nested more than 200 levels deep"),
    Case(
        "truncated.json",
        gt.SchemaError,
        r"line 1: not JSON: Unterminated string starting at column",
    ),
    # generated workbooks
    Case("truncated.xlsx", gt.FormatError, r"not a valid \.xlsx workbook \(a broken zip"),
    Case("truncated_tail.xlsx", gt.FormatError, r"not a valid \.xlsx workbook \(a broken zip"),
    Case("no_sheet_part.xlsx", gt.FormatError, r"has no worksheets"),
    Case("no_workbook_part.xlsx", gt.FormatError, r"not an Excel workbook: no xl/workbook\.xml"),
    Case("corrupt_deflate.xlsx", gt.FormatError, r"sheet 'Actions' cannot be read"),
    Case("entity_bomb_sheet.xlsx", gt.FormatError, rf"part {SHEET} declares a DTD"),
    Case(
        "entity_bomb_shared_strings.xlsx",
        gt.FormatError,
        r"part xl/sharedStrings\.xml declares a DTD",
    ),
    Case("entity_bomb_workbook.xlsx", gt.FormatError, r"part xl/workbook\.xml declares a DTD"),
    Case(
        "entity_bomb_content_types.xlsx",
        gt.FormatError,
        r"part \[Content_Types\]\.xml declares a DTD",
    ),
    Case("entity_bomb_utf16.xlsx", gt.FormatError, rf"part {SHEET} declares a DTD"),
    Case("external_entity.xlsx", gt.FormatError, r"part xl/sharedStrings\.xml declares a DTD"),
    Case("dtd_after_long_comment.xlsx", gt.FormatError, r"no root element in its first 64 KiB"),
    Case(
        "zip_bomb.xlsx",
        gt.LimitError,
        r"part xl/worksheets/sheet1\.xml inflates [\d,]+ times .*max_compression_ratio",
        mebibytes=4,
    ),
    Case("dimension.xlsx", check=_one_action("Recruit a gender specialist")),
    Case("own_workbook_dimension.xlsx", check=_own_read),
    Case("last_row.xlsx", check=_stray_cell_kept, traced=False),
    Case(
        "far_row.xlsx",
        gt.LimitError,
        r"row 1,048,577 takes the workbook past 1,048,576 rows \(Limits\.max_rows\)",
        traced=False,
    ),
    Case(
        "wide_rows.xlsx",
        gt.LimitError,
        r"row 612 \(16,384 cells wide\) takes the workbook past .*max_cells",
        traced=False,
    ),
    Case("long_cell.xlsx", gt.LimitError, r"Actions!A2 holds 40,000 characters.*max_cell_chars"),
    Case("many_parts.xlsx", gt.LimitError, r"12,00\d parts.*Limits\.max_parts"),
    Case("old.xls", gt.FormatError, r"old\.xls is an old \.xls workbook; open it in Excel"),
    Case("old_xls_named.xlsx", gt.FormatError, r"is an old \.xls workbook; open it in Excel"),
    Case("other_ole2.xlsx", gt.FormatError, r"another old Office file \(OLE2\)"),
    Case("encrypted.xlsx", gt.FormatError, r"encrypted\.xlsx is password-protected"),
    Case("encrypted_large.xlsx", gt.FormatError, r"is password-protected"),
    Case(
        "long_line.txt",
        gt.LimitError,
        r"line 1 has 10,485,760 characters, over the limit of 1,000,000",
        mebibytes=48,
    ),
    Case("long_line.md", gt.LimitError, r"line 3 has 10,485,7\d\d characters", mebibytes=48),
    Case("long_value.json", check=_long_value, mebibytes=96),
]


def _case_id(case: Case) -> str:
    return case.name + ("+" + ",".join(case.options) if case.options else "")


def _path(case: Case, generated: Path) -> Path:
    return INVALID / case.name if case.committed else generated / case.name


_CHILD = """
import json, resource, sys, time
import govtrack as gt

def resident():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux

gt.load(sys.argv[1])  # warm up: imports, openpyxl, a first workbook
print(json.dumps({"baseline": resident()}), flush=True)
for line in sys.stdin:
    path, options = json.loads(line)
    started = time.perf_counter()
    try:
        outcome = {"document": gt.dumps(gt.load(path, **options))}
    except gt.GovtrackError as error:
        kinds = [kind.__name__ for kind in type(error).__mro__]
        outcome = {"error": kinds, "message": str(error)}
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "resident": resident(), **outcome}), flush=True)
"""


@pytest.fixture(scope="module")
def isolated(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every case read in one fresh process: outcome, seconds, peak resident bytes after it."""
    warm_up = tmp_path_factory.mktemp("warm") / "warm.xlsx"
    warm_up.write_bytes(_plain())
    requests = "".join(
        json.dumps([str(_path(case, generated)), case.options]) + "\n" for case in CASES
    )
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(warm_up)],
        input=requests,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    first, *lines = result.stdout.splitlines()
    baseline = json.loads(first)["baseline"]
    reports = [json.loads(line) for line in lines]
    assert len(CASES) == len(reports)
    return {
        _case_id(case): {**report, "growth": report["resident"] - baseline}
        for case, report in zip(CASES, reports, strict=True)
    }


def _traced_peak(path: Path, options: dict[str, Any]) -> int:
    """Python's peak allocation while loading ``path`` (whatever the outcome)."""
    gc.collect()
    tracemalloc.start()
    try:
        gt.load(path, **options)
    except gt.GovtrackError:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_each_file_is_refused_in_one_line_or_read(
    case: Case, generated: Path, isolated: dict[str, Any]
) -> None:
    """Each corpus file gives its GovtrackError (one line, as expected) or reads correctly,
    within its time and memory bounds."""
    report = isolated[_case_id(case)]
    if case.error is not None:
        assert case.error.__name__ in report.get("error", []), report
        message = report["message"]
        assert 1 == len(message.splitlines()), message
        assert re.search(case.message, message), message
    else:
        assert "document" in report, report
        assert case.check is not None
        case.check(gt.loads(report["document"], format="json"))
    assert report["seconds"] < case.seconds
    assert report["growth"] < case.resident_mebibytes * MIB, f"{report['growth'] / MIB:.0f} MiB"
    if case.traced:
        peak = _traced_peak(_path(case, generated), case.options)
        assert peak < case.mebibytes * MIB, f"peak {peak / MIB:.1f} MiB"


def test_every_committed_file_has_a_case_and_a_readme_line() -> None:
    """The corpus folder holds no file without an expectation, and its README lists each."""
    committed = sorted(
        path.name for path in INVALID.iterdir() if path.name not in {"README.md", ".gitattributes"}
    )
    assert committed == sorted({case.name for case in CASES if case.committed})
    readme = (INVALID / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.MULTILINE))
    assert set(committed) | set(_BUILDERS) == listed


def test_the_zip_bomb_is_refused_before_any_part_is_inflated(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bomb's sizes come from the zip's directory: no part is ever opened to judge them."""
    bomb = generated / "zip_bomb.xlsx"
    with zipfile.ZipFile(bomb) as archive:
        declared = archive.getinfo(SHEET).file_size
    assert (bomb.stat().st_size < 1 * MIB, declared > 300 * MIB) == (True, True)
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(gt.LimitError):
        gt.load(bomb)
    assert [] == opened


def test_limits_let_a_caller_read_what_the_defaults_refuse(generated: Path) -> None:
    """Raising the limit that refused a file lets the same file through to the next check."""
    with pytest.raises(gt.LimitError, match="max_cell_chars"):
        gt.load(generated / "long_cell.xlsx")
    doc = gt.load(generated / "long_cell.xlsx", limits=gt.Limits(max_cell_chars=50_000))
    assert [40_000] == [len(action.text) for action in doc.actions]
    doc = gt.load(generated / "many_parts.xlsx", limits=gt.Limits(max_parts=20_000))
    assert ["Recruit a gender specialist"] == [action.text for action in doc.actions]


def test_the_entity_bomb_is_refused_by_the_xml_parser_too(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read past the reader's prolog check, the bomb still fails, in one line, by defusedxml."""
    import openpyxl

    assert openpyxl.DEFUSEDXML
    monkeypatch.setattr(excel, "_check_sizes", lambda *_: None)
    with pytest.raises(gt.FormatError) as caught:
        excel.load(generated / "entity_bomb_sheet.xlsx")
    assert 1 == len(str(caught.value).splitlines())
    assert "EntitiesForbidden" in str(caught.value)
