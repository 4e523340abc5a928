"""diff compares what a progress report holds besides its activities' status: schedule
marks, indicators (with their targets) and questionnaire answers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.changes import ChangeKind, diff
from govtrack.cli import main

NB = "\u00a0"


def _progress_text(schedule: tuple[str, str], progress: str) -> gt.Document:
    """A working group's quarterly report in the progress-report text shape (made up)."""
    cells = [
        "TWG: WATER AND SANITATION",
        "A.  Progress on the work plan",
        "  1. List the activities scheduled during the period July 2025 to September 2025",
        "Scheduled Activities",
        "Implementation Status",
        "On Schedule",
        "Behind Schedule",
        "If behind schedule, reasons for delay",
        "Recommendations",
        "1. Surveys",
        "Train the enumerators for the borehole survey",
        "Ongoing",
        *schedule,
        NB,
        NB,
        "B.  Progress on Joint Monitoring Indicators",
        "Joint Monitoring Indicator Timeframe Status Constraints Recommendations",
        "Schools with a working latrine",
        "2025",
        progress,
        NB,
        NB,
    ]
    return gt.loads("\n\n".join(cells) + "\n", format="progress-report")


def test_diff_reports_a_schedule_mark_and_an_indicator_progress() -> None:
    """Regression: an activity moved from On schedule to Behind schedule and an indicator's
    progress rewritten were "No changes"."""
    old = _progress_text(("X", NB), "Target 40 schools; 12 reached.")
    new = _progress_text((NB, "X"), "Target 40 schools; 19 reached.")
    assert [
        (
            ChangeKind.SCHEDULE,
            (
                "'Train the enumerators for the borehole survey': "
                "schedule On schedule → Behind schedule"
            ),
        ),
        (
            ChangeKind.STATUS,
            (
                "indicator 'Schools with a working latrine': "
                "status 'Target 40 schools; 12 reached.' → 'Target 40 schools; 19 reached.'"
            ),
        ),
    ] == [(change.kind, change.message) for change in diff(old, new)]


def _report(*indicators: gt.Indicator, answers: tuple[gt.Answer, ...] = ()) -> gt.ProgressReport:
    return gt.ProgressReport(title="Q3", indicators=indicators, answers=answers)


def test_diff_indicators_added_removed_renumbered_and_timeframe() -> None:
    """Regression: indicators added, removed or given another timeframe were no change."""
    kept = gt.Indicator(ref="1", text="Wells tested", timeframe=gt.parse_due("2025"))
    dropped = gt.Indicator(ref="2", text="Pumps repaired")
    old = _report(kept, dropped)
    moved = attrs.evolve(kept, ref="3", timeframe=gt.parse_due("2026"))
    added = gt.Indicator(ref="4", text="Latrines built")
    assert [
        (ChangeKind.RENUMBERED, "indicator 1 'Wells tested': renumbered 1 → 3"),
        (ChangeKind.TIMEFRAME, "indicator 3 'Wells tested': timeframe '2025' → '2026'"),
        (ChangeKind.ADDED, "indicator 4 'Latrines built': added"),
        (ChangeKind.REMOVED, "indicator 2 'Pumps repaired': removed"),
    ] == [(change.kind, change.message) for change in diff(old, _report(moved, added))]


def test_diff_pairs_a_target_within_its_indicator_and_reads_notes() -> None:
    target = gt.Indicator(ref="1.1", text="Rural wells", status="5 of 10")
    old = _report(gt.Indicator(ref="1", text="Wells tested", targets=(target,)))
    new = _report(
        gt.Indicator(
            ref="1",
            text="Wells tested",
            constraints="Fuel shortage",
            targets=(attrs.evolve(target, status="8 of 10"),),
        )
    )
    assert [
        (ChangeKind.STATUS, "indicator 1 › 1.1 'Rural wells': status '5 of 10' → '8 of 10'")
    ] == [(change.kind, change.message) for change in diff(old, new)]
    assert ChangeKind.COMMENTED in [change.kind for change in diff(old, new, notes=True)]


def test_diff_answers() -> None:
    """Regression: a questionnaire answer turned from No to Yes was no change."""
    question = "Was the work plan shared with members?"
    old = _report(answers=(gt.Answer(question=question, answer=False),))
    new = _report(
        answers=(
            gt.Answer(question=question, answer=True, text="By e-mail"),
            gt.Answer(question="Did the group meet?", answer=True),
        )
    )
    assert [
        (ChangeKind.ANSWERED, f"answer {question!r}: No → Yes 'By e-mail'"),
        (ChangeKind.ADDED, "answer 'Did the group meet?': added"),
    ] == [(change.kind, change.message) for change in diff(old, new)]
    assert [ChangeKind.REMOVED] == [change.kind for change in diff(new, old)][1:]


def test_diff_activity_delay_reasons_are_a_note() -> None:
    activity = gt.Activity(text="Print the bulletin", schedule=gt.ScheduleStatus.BEHIND_SCHEDULE)
    old = gt.ProgressReport(title="Q3", activities=(activity,))
    new = gt.ProgressReport(
        title="Q3", activities=(attrs.evolve(activity, delay_reasons="Printer broke"),)
    )
    assert [] == diff(old, new)
    assert [
        (ChangeKind.COMMENTED, "'Print the bulletin': reasons for delay '(none)' → 'Printer broke'")
    ] == [(change.kind, change.message) for change in diff(old, new, notes=True)]


@given(
    st.text(min_size=1, max_size=30).filter(str.strip),
    st.text(max_size=30),
    st.text(max_size=30),
)
def test_an_indicator_progress_rewritten_is_one_status_change(
    text: str, before: str, after: str
) -> None:
    old = _report(gt.Indicator(text=text, status=before))
    new = _report(gt.Indicator(text=text, status=after))
    same = " ".join(before.split()).casefold() == " ".join(after.split()).casefold()
    kinds = [change.kind for change in diff(old, new)]
    assert kinds == ([] if same else [ChangeKind.STATUS])


def test_cli_diff_gives_the_new_kinds_and_says_what_it_does_not_compare(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    gt.dump(_progress_text(("X", NB), "Half done"), old)
    gt.dump(_progress_text((NB, "X"), "Half done"), new)
    out = io.StringIO()
    assert main(["diff", str(old), str(new), "--format", "json"], out=out) == 0
    assert ["schedule"] == [item["kind"] for item in json.loads(out.getvalue())]
    out = io.StringIO()
    assert main(["diff", str(old), str(old)], out=out) == 0
    assert "not compared: the places' other details" in out.getvalue()
