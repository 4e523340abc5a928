"""The examples run as a user runs them, and say what they should."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import govtrack as gt

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATA = EXAMPLES / "data"


def run(script: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=cwd,
    )


def test_demo_checks_the_messy_partner_workbook_by_default() -> None:
    """With no argument the demo reads partner_matrix.xlsx: rate, codes with meanings, cells."""
    result = run("demo.py")
    assert (0, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert "govtrack checks partner_matrix.xlsx, judging deadlines on 2023-01-31." == lines[0]
    assert "1 of 7 applicable actions completed (14%)." in result.stdout
    assert "What the checks found: 8 problems (3 errors, 5 infos)" in lines
    expected_codes = [
        "  GT101  error        1  unknown status word",
        "  GT104  error        1  unreadable deadline",
        "  GT110  info         3  overdue",
        "  GT205  info         1  unknown column kept in extra",
        "  GT208  error        1  ambiguous date",
        "  GT212  info         1  note or footer row",
    ]
    assert expected_codes == [line for line in lines if line.startswith("  GT")]
    assert "reading problem" not in result.stdout
    assert any(
        line.startswith("  'MR matrix'!I10 (Status of implementation): GT101") for line in lines
    )


def test_demo_reads_any_file_it_is_given() -> None:
    """The demo summarises the bundled JSON tracker: counts, rate and the overdue by party."""
    result = run("demo.py", str(DATA / "tracker.json"))
    assert (0, "") == (result.returncode, result.stderr)
    assert "1 of 4 applicable actions completed (25%)." in result.stdout
    assert "  Programme Unit:" in result.stdout.splitlines()


def test_export_to_workbook_writes_a_matrix(tmp_path: Path) -> None:
    """The export's seven key actions land in a matrix workbook that reads back with them."""
    target = tmp_path / "tracker.xlsx"
    result = run("export_to_workbook.py", str(DATA / "gate_export.txt"), str(target))
    assert (0, "") == (result.returncode, result.stderr)
    assert f"wrote {target} (matrix layout): 7 key actions, 3 overdue on 2023-01-31" in (
        result.stdout
    )
    assert "every key action reads back with its ref, text and deadline: True" in result.stdout
    expected = [(a.ref, a.text) for a in gt.load(DATA / "gate_export.txt").actions]
    assert expected == [(a.ref, a.text) for a in gt.load(target).actions]


def test_export_to_workbook_default_output_and_lossless_layout(tmp_path: Path) -> None:
    """Without an output name it writes EXPORT.xlsx in the current folder; the workbook layout is lossless."""
    result = run("export_to_workbook.py", "--layout", "workbook", cwd=tmp_path)
    assert (0, "") == (result.returncode, result.stderr)
    assert "reads back equal: True" in result.stdout
    assert gt.load(DATA / "gate_export.txt") == gt.load(tmp_path / "gate_export.xlsx")


def test_overdue_by_unit() -> None:
    """One message per unit, each naming its overdue actions."""
    result = run("overdue_by_unit.py", "--on", "2023-01-31")
    assert 0 == result.returncode
    assert 3 == result.stdout.count("To: ")
    assert "Pilot a text-message price service with two cooperatives (due Q2 2022)" in result.stdout


def test_embed_json() -> None:
    """The embedding example updates, stores, checks and reloads a tracker."""
    result = run("embed_json.py")
    assert (0, "") == (result.returncode, result.stderr)
    assert "25% before the update, 50% after" in result.stdout
    assert "@ $.plans[0].actions[0].text" in result.stdout


def test_sample_texts_read_without_warnings() -> None:
    """The bundled export and record notes read cleanly: only informational problems."""
    for name in ("gate_export.txt", "record_notes.md"):
        doc = gt.load(DATA / name)
        assert [] == [p for p in doc.problems if p.severity is not gt.Severity.INFO], name


def test_sample_workbooks_are_what_make_samples_writes(tmp_path: Path) -> None:
    """The committed workbooks are byte for byte what make_samples.py writes (no stale sample)."""
    spec = importlib.util.spec_from_file_location("make_samples", DATA / "make_samples.py")
    assert spec is not None
    assert spec.loader is not None
    make_samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_samples)
    stale = []
    for name in ("partner_matrix", "country_actions", "twg_progress"):
        getattr(make_samples, name)(tmp_path / f"{name}.xlsx")
        if (tmp_path / f"{name}.xlsx").read_bytes() != (DATA / f"{name}.xlsx").read_bytes():
            stale.append(name)
    assert [] == stale
