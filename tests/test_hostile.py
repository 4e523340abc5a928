"""Writes survive crashes; readers never modify their input; concurrent loads agree."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import govtrack as gt

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
    """Writing a document over the file it came from needs overwrite_source=True."""
    target = tmp_path / "tracker.json"
    gt.dump(gt.Document(), target)
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
