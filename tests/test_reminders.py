"""Reminders: an action recorded late before its deadline is not listed as past due."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import govtrack as gt
from govtrack.reminders import reminders, to_markdown, to_text

ON = dt.date(2023, 1, 31)
UNIT = ("Survey Unit",)
RECORDED = gt.Action(
    ref="2", text="Pilot the tablet survey", responsible=UNIT, status_text="Delayed",
    status=gt.Status.parse("Delayed"), due=gt.parse_due("first half of 2023"),
)  # fmt: skip
PAST = gt.Action(
    ref="1", text="Print the questionnaires", responsible=UNIT, status=gt.Status.ONGOING,
    due=gt.parse_due("Q4 2022"),
)  # fmt: skip
DOC = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(PAST, RECORDED)),))


def test_the_text_keeps_recorded_late_apart_from_past_due() -> None:
    """Regression: an action recorded Delayed, due first half of 2023, was listed on
    31 January 2023 under 'Overdue on 2023-01-31' as if its deadline had passed."""
    expected = (
        "Survey Unit\n"
        "===========\n"
        "Overdue on 2023-01-31 (1):\n"
        "  - 1 Print the questionnaires (due Q4 2022)\n"
        "Recorded as late, deadline not passed (1):\n"
        "  - 2 Pilot the tablet survey (recorded as Delayed; due first half of 2023)\n"
    )
    assert expected == to_text(reminders(DOC, on=ON), on=ON)


def test_the_markdown_keeps_recorded_late_apart_from_past_due() -> None:
    """The Markdown reminders have a section of their own for actions recorded late."""
    expected = (
        "# Reminders as of 2023-01-31\n\n## Survey Unit\n\n**Overdue**\n\n"
        "- 1 Print the questionnaires (due Q4 2022)\n\n"
        "**Recorded as late, deadline not passed**\n\n"
        "- 2 Pilot the tablet survey (recorded as Delayed; due first half of 2023)\n"
    )
    assert expected == to_markdown(reminders(DOC, on=ON), on=ON)


def test_the_example_letter_says_which_were_due(tmp_path: Path) -> None:
    """examples/overdue_by_unit.py listed an action recorded late before its deadline among
    those 'due and not recorded as done'; it now says it is recorded as late."""
    source = tmp_path / "tracker.json"
    gt.dump(DOC, source)
    script = Path(__file__).parent.parent / "examples" / "overdue_by_unit.py"
    result = subprocess.run(
        [sys.executable, str(script), str(source), "--on", ON.isoformat()],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    expected = [
        "These actions were due and are not recorded as done on 2023-01-31:",
        "  - Print the questionnaires (due Q4 2022)",
        "",
        "These actions are recorded as late, though their deadline has not passed:",
        "  - 2 Pilot the tablet survey (recorded as Delayed; due first half of 2023)",
    ]
    assert (0, expected) == (result.returncode, result.stdout.splitlines()[3:8])


def test_is_past_due_and_recorded_line_are_public() -> None:
    """Regression: the how-to named `govtrack.reminders.is_past_due`, but `govtrack.reminders`
    is the function (AttributeError); `gt.is_past_due` and `gt.recorded_line` are exported."""
    expected = (
        [False, True],
        "2 Pilot the tablet survey (recorded as Delayed; due first half of 2023)",
        True,
    )
    actual = (
        [gt.is_past_due(action, on=ON) for action in (RECORDED, PAST)],
        gt.recorded_line(RECORDED),
        {"is_past_due", "recorded_line"} <= set(gt.__all__),
    )
    assert expected == actual
