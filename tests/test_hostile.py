"""Writers never write formulas, escape control characters and survive crashes; readers never
modify their input; dump never overwrites its source unasked; concurrent loads agree."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from defusedxml import ElementTree

import govtrack as gt
from govtrack.io import excel_workbook

WRITER = """
import sys, govtrack as gt
actions = tuple(gt.Action(text=f"action {i} " + "x" * 200, ref=str(i)) for i in range(20000))
doc = gt.Document(plans=(gt.ActionPlan(title="big", actions=actions),))
print("ready", flush=True)
while True:
    gt.dump(doc, sys.argv[1])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_write_leaves_the_previous_file(tmp_path: Path) -> None:
    """A writer killed with SIGKILL while writing leaves the previous file whole and readable."""
    target = tmp_path / "tracker.json"
    previous = gt.Document(
        plans=(gt.ActionPlan(title="previous", actions=(gt.Action(text="kept"),)),)
    )
    gt.dump(previous, target)
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert "ready" == process.stdout.readline().strip()
        time.sleep(0.3)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    back = gt.load(target)
    assert back.plans[0].title in {"previous", "big"}
    if back.plans[0].title == "previous":
        assert previous == back
    else:
        assert 20000 == len(back.actions)


def test_dump_refuses_to_overwrite_its_own_source(tmp_path: Path) -> None:
    """Writing a document over the workbook it came from needs overwrite_source=True
    (govtrack JSON over its own JSON file is allowed: tests/test_api.py)."""
    target = tmp_path / "tracker.xlsx"
    gt.dump(gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="a"),)),)), target)
    doc = gt.load(target)
    with pytest.raises(gt.WriteError, match="overwrite_source=True"):
        gt.dump(doc, target)
    gt.dump(doc, target, overwrite_source=True)
    assert doc == gt.load(target)


def test_reading_never_modifies_the_input(tmp_path: Path) -> None:
    """Loading a file leaves its bytes and modification time as they were."""
    target = tmp_path / "tracker.json"
    gt.dump(gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="a"),)),)), target)
    before = (hashlib.sha256(target.read_bytes()).hexdigest(), target.stat().st_mtime_ns)
    gt.load(target)
    assert before == (hashlib.sha256(target.read_bytes()).hexdigest(), target.stat().st_mtime_ns)


def test_concurrent_loads_agree(tmp_path: Path) -> None:
    """Eight files loaded in eight threads give the same documents as loaded one by one."""
    paths = []
    for index in range(8):
        path = tmp_path / f"t{index}.json"
        actions = tuple(
            gt.Action(text=f"{index}-{n}", due=gt.parse_due(f"20{10 + n % 20}/0{1 + n % 9}"))
            for n in range(300)
        )
        gt.dump(gt.Document(plans=(gt.ActionPlan(actions=actions),)), path)
        paths.append(path)
    one_by_one = [gt.load(path) for path in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(gt.load, paths))
    assert one_by_one == together


# ---------------------------------------------------------------------------
# Writers: formula-like texts, control characters


FORMULA_LIKE = [
    "=1+1",
    '=HYPERLINK("http://example.invalid","click")',
    "+1",
    "-1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\t",
    "\r",
    "=cmd|' /C calc'!A0",
]


def _everywhere(text: str) -> gt.Document:
    """A document with ``text`` in every text field a workbook writes."""
    action = gt.Action(
        text=text,
        ref=text,
        responsible=(text,),
        status_text=text,
        comments=text,
        extra=gt.FrozenMap({"Note": text}),
    )
    recommendation = gt.Recommendation(
        ref="1", text=text, response=gt.ManagementResponse(text=text), actions=(action,)
    )
    return gt.Document(evaluations=(gt.Evaluation(title=text, recommendations=(recommendation,)),))


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )


@pytest.mark.parametrize("layout", ["workbook", "matrix"])
@pytest.mark.parametrize("text", FORMULA_LIKE, ids=repr)
def test_formula_like_texts_are_never_formulas(tmp_path: Path, layout: str, text: str) -> None:
    """A text beginning with = + - @, a tab or a carriage return is a string cell, never a
    formula, in both layouts, and govtrack's own workbook reads it back unchanged."""
    path = tmp_path / "out.xlsx"
    document = _everywhere(text)
    # lossy: the matrix refuses what reads back otherwise (spaces around a party, a title)
    gt.dump(document, path, layout=layout, lossy=layout == "matrix")
    xml = _sheet_xml(path)
    assert [] == re.findall(r"<f[ >]", xml)
    book = openpyxl.load_workbook(path)
    kinds = {
        cell.data_type
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and text.strip("\t\r") in cell.value
    }
    assert {"s"} == kinds
    if layout == "workbook":
        assert document == attrs.evolve(gt.load(path), source="")


CONTROLS = "".join(chr(code) for code in [*range(0x20), 0x7F, 0x85, 0xFFFE, 0xFFFF])


@pytest.mark.parametrize("layout", ["workbook", "matrix"])
def test_control_characters_are_escaped_and_read_back(tmp_path: Path, layout: str) -> None:
    """What XML cannot hold (C0 controls but tab and line feed, CR, U+FFFE, U+FFFF) is written
    as Excel's _xHHHH_ escapes, so every sheet parses; govtrack's own workbook reads it back."""
    path = tmp_path / "out.xlsx"
    text = f"before{CONTROLS}after"
    document = _everywhere(text)
    # lossy: the matrix refuses what reads back otherwise (spaces around a party, a title)
    gt.dump(document, path, layout=layout, lossy=layout == "matrix")
    xml = _sheet_xml(path)
    unfit = [char for char in CONTROLS if ord(char) < 0x20 and char not in "\t\n"] + [
        "\ufffe",
        "\uffff",
    ]
    assert [] == [char for char in unfit if char in xml]
    assert ["_x0000_", "_x000D_", "_xFFFE_"] == [
        escape for escape in ["_x0000_", "_x000D_", "_xFFFE_"] if escape in xml
    ]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(archive.read(name))
    back = gt.load(path)
    if layout == "workbook":
        assert document == attrs.evolve(back, source="")
    else:
        stored = back.actions[0].text
        assert text == excel_workbook.unescape_cell_text(stored)


def test_control_characters_survive_json_and_the_text_writers(tmp_path: Path) -> None:
    """JSON keeps every control character; the matrix writer refuses what its cells cannot
    hold, and with lossy=True, as the report writer does, gives text that reads."""
    document = gt.Document(
        plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text=f"a{CONTROLS}b"),)),)
    )
    gt.dump(document, tmp_path / "out.json")
    assert document == attrs.evolve(gt.load(tmp_path / "out.json"), source="")
    with pytest.raises(gt.WriteError, match=r"plans\[0\]\.actions\[0\]\.text .* would read back"):
        gt.dumps(document, format="matrix")
    for text_format, options in (("matrix", {"lossy": True}), ("report", {})):
        text = gt.dumps(document, format=text_format, **options)
        assert "b" in text


def test_a_lone_surrogate_is_a_write_error_not_a_crash(tmp_path: Path) -> None:
    """Text with a lone surrogate cannot be UTF-8: dump raises WriteError and writes nothing."""
    target = tmp_path / "out.json"
    document = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="bad \udc80 byte"),)),))
    with pytest.raises(gt.WriteError, match=r"lone surrogate"):
        gt.dump(document, target)
    assert [] == list(tmp_path.iterdir())


# ---------------------------------------------------------------------------
# Atomic writes of workbooks, readers that never write, dump that refuses its source

WORKBOOK_WRITER = """
import sys, govtrack as gt
actions = tuple(gt.Action(text=f"action {i} " + "x" * 200, ref=str(i)) for i in range(20000))
doc = gt.Document(plans=(gt.ActionPlan(title="big", actions=actions),))
print("ready", flush=True)
while True:
    gt.dump(doc, sys.argv[1], layout=sys.argv[2])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("layout", ["workbook", "matrix"])
def test_sigkill_mid_workbook_write_leaves_the_previous_file(tmp_path: Path, layout: str) -> None:
    """A workbook writer killed with SIGKILL leaves the previous workbook whole and readable."""
    target = tmp_path / "tracker.xlsx"
    previous = gt.Document(
        plans=(gt.ActionPlan(title="previous", actions=(gt.Action(text="kept"),)),)
    )
    gt.dump(previous, target, layout=layout)
    before = target.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-c", WORKBOOK_WRITER, str(target), layout],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert "ready" == process.stdout.readline().strip()
        time.sleep(0.5)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    after = target.read_bytes()
    back = gt.load(target)
    if after == before:
        assert ["kept"] == [action.text for action in back.actions]
    else:  # a whole write finished before the kill
        assert 20000 == len(back.actions)


def _samples(folder: Path) -> list[Path]:
    """One file of every format govtrack reads, copied into ``folder``."""
    data = Path(__file__).parent / "data"
    paths = []
    for source in sorted(data.glob("*/*")):
        if source.parent.name != "invalid" and source.is_file():
            target = folder / f"{source.parent.name}-{source.name}"
            shutil.copyfile(source, target)
            paths.append(target)
    document = gt.load(data / "gate" / "basic.txt")
    layouts: list[tuple[str, dict[str, Any]]] = [
        ("own.xlsx", {}),
        ("matrix.xlsx", {"layout": "matrix", "lossy": True}),  # the gate extra: left out
    ]
    for name, options in layouts:
        gt.dump(document, folder / name, **options)
        paths.append(folder / name)
    gt.dump(document, folder / "document.json")
    paths.append(folder / "document.json")
    return paths


def test_no_reader_modifies_its_input_or_leaves_files(tmp_path: Path) -> None:
    """Reading a file of each format, even read-only, changes no byte, no time, no listing."""
    paths = _samples(tmp_path)
    for path in paths:
        path.chmod(0o444)
    before = {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in tmp_path.iterdir()
    }
    for path in paths:
        gt.load(path)
    after = {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in tmp_path.iterdir()
    }
    assert before == after


@pytest.mark.parametrize("name", ["tracker.xlsx"])
def test_dump_refuses_its_source_however_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The source is recognised through a relative path and a symbolic link; the file stays."""
    target = tmp_path / name
    gt.dump(gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="a"),)),)), target)
    document = gt.load(target)
    before = target.read_bytes()
    link = tmp_path / f"link-{name}"
    link.symlink_to(target)
    monkeypatch.chdir(tmp_path)
    for alias in (Path(name), link, tmp_path / "." / name):
        with pytest.raises(gt.WriteError, match="overwrite_source=True"):
            gt.dump(document, alias)
    assert before == target.read_bytes()
    gt.dump(document, Path(name), overwrite_source=True)
    assert document == gt.load(target)


def test_concurrent_loads_of_every_format_agree(tmp_path: Path) -> None:
    """Files of every format loaded by eight threads at once give what one by one gives."""
    paths = _samples(tmp_path) * 2
    one_by_one = [gt.load(path) for path in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(gt.load, paths))
    assert one_by_one == together
