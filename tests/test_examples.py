"""The examples run as a user runs them, and say what they should."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_demo_on_the_json_sample() -> None:
    """The demo summarises the bundled JSON tracker: counts, rate and the overdue by party."""
    result = run("demo.py", str(EXAMPLES / "data" / "tracker.json"))
    assert (0, "") == (result.returncode, result.stderr)
    assert "1 of 4 applicable actions completed (25%)" in result.stdout
    assert "Programme Unit:" in result.stdout


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
