"""Reminders: an action recorded late before its deadline is not listed as past due."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack._text import one_line
from govtrack.reminders import due_words, reminders, to_markdown, to_text
from strategies import dues, lines

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


MINUTES = """# Works Department

#### Record Notes of the Meeting on the Maintenance Plan.

Date and Time:\t1 March 2024, 10.00 AM.
Venue:\tRoom 2, Town Hall.

# 3. Decisions

- a) Stores Unit will send the price list to all units by 8 March 2024;
- b) If no objection is received by 20 March 2024 the plan will be deemed approved;
"""


def test_deemed_consent_is_owed_by_nobody_in_reminders() -> None:
    """Regression: a deemed-consent rule from minutes was listed as due soon, owed by
    '(unassigned)'; it resolves by itself, so no party is reminded of it."""
    doc = gt.loads(MINUTES, format="minutes")
    on = dt.date(2024, 3, 15)
    expected: tuple[bool, list[tuple[str, list[str], list[str]]]] = (
        True,
        [("Stores Unit", ["a)"], [])],
    )
    actual = (
        isinstance(rule := doc.actions[1], gt.Decision) and rule.deemed_consent,
        [
            (r.party, [a.ref for a in r.overdue], [a.ref for a in r.due_soon])
            for r in reminders(doc, on=on, within=30)
        ],
    )
    assert expected == actual


def test_the_reminders_command_names_no_party_for_deemed_consent(tmp_path: Path) -> None:
    """`govtrack reminders` on minutes lists no '(unassigned)' section for a deemed-consent rule."""
    source = tmp_path / "notes.txt"
    source.write_text(MINUTES, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "govtrack", "reminders", str(source), "--on", "2024-03-15",
         "--within", "30"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert (0, False, True) == (
        result.returncode,
        "(unassigned)" in result.stdout,
        "Stores Unit" in result.stdout,
    )


COMMITTEE = (
    "Minutes of the 3rd Board Meeting\n"
    "Date: 4 March 2024\n"
    "\n"
    "2. Decisions\n"
    "(a) The Records Office will circulate the minutes within two weeks;\n"
    "(b) The Fleet Unit to service the vehicles by 30 April 2024;\n"
)


def _reminders_output(tmp_path: Path, *options: str) -> str:
    from govtrack.cli import main

    source = tmp_path / "board.txt"
    source.write_text(COMMITTEE, encoding="utf-8")
    out = io.StringIO()
    main(["reminders", str(source), "--on", "2024-03-10", "--within", "60", *options], out=out)
    return out.getvalue()


def test_a_deadline_counted_from_the_meeting_shows_its_day(tmp_path: Path) -> None:
    """Regression: a decision due 'within two weeks' of a meeting on 4 March 2024 was
    listed '(due within two weeks)', which does not tell the day govtrack computed
    (18 March 2024); a dated deadline is shown as written."""
    text = _reminders_output(tmp_path)
    assert "(due 18 Mar 2024, within two weeks)" in text
    assert "(due 30 April 2024)" in text


def test_the_markdown_shows_the_day_of_a_relative_deadline(tmp_path: Path) -> None:
    """The same in ``--format md``."""
    assert "18 Mar 2024, within two weeks" in _reminders_output(tmp_path, "--format", "md")


def test_a_decision_with_a_sub_list_keeps_to_one_bullet_line() -> None:
    """Regression: a decision whose text holds a sub-list printed over several lines in
    the text reminders, breaking the bullet layout; it is one line, cut with an ellipsis."""
    action = gt.Action(
        ref="b)", text="The Stores Unit to:\n(i) count the stock;\n(ii) label the shelves "
        "of the north and the south warehouses and the depot", responsible=UNIT,
        due=gt.parse_due("Q1 2023"),
    )  # fmt: skip
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    on = dt.date(2023, 4, 10)
    assert to_text(reminders(doc, on=on), on=on).splitlines() == [
        "Survey Unit",
        "===========",
        "Overdue on 2023-04-10 (1):",
        (
            "  - b) The Stores Unit to: (i) count the stock; (ii) label the shelves of th… "
            "(due Q1 2023)"
        ),
    ]
    markdown = to_markdown(reminders(doc, on=on), on=on)
    assert "(i) count the stock; (ii) label the shelves of the north and the south" in markdown


def test_a_recorded_late_decision_with_a_sub_list_keeps_to_one_line() -> None:
    """A decision recorded late with a multi-line text is one line in the text reminders."""
    action = attrs.evolve(RECORDED, text="Pilot the survey:\n(i) in the north;\n(ii) in the south")
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    lines = to_text(reminders(doc, on=ON), on=ON).splitlines()
    assert lines[3] == (
        "  - 2 Pilot the survey: (i) in the north; (ii) in the south "
        "(recorded as Delayed; due first half of 2023)"
    )


@given(dues)
def test_due_words_keep_the_source_words_and_tell_the_day(due: gt.Due) -> None:
    """The words of any deadline are kept; when they do not give the year of the last
    day, the day (or span) computed is put before them."""
    words = due_words(gt.Action(text="Act", due=due))
    kept = one_line(due.text)
    assert words.endswith(kept)
    if str(due.end.year) not in kept:
        assert str(due.end.year) in words


@pytest.mark.parametrize(
    ("text", "dayfirst", "shown"),
    [
        ("03.04.2023", False, "4 Mar 2023, 03.04.2023"),
        ("03.04.2023", True, "3 Apr 2023, 03.04.2023"),
        ("03/04/2023", False, "4 Mar 2023, 03/04/2023"),
        ("03/04/2023", True, "3 Apr 2023, 03/04/2023"),
        ("31.12.2023", True, "31.12.2023"),
        ("12/31/2023", False, "12/31/2023"),
        ("31/12/2023", None, "31/12/2023"),
    ],
)
def test_due_words_give_the_day_of_words_that_read_two_ways(
    text: str, dayfirst: bool | None, shown: str
) -> None:
    """Regression: a dotted day read month first (``03.04.2023`` with dayfirst=False, 4
    March) was shown as its words alone, though read again by default they say 3 April.
    Words state their date only when they read as it in either order of day and month;
    else the day computed comes first."""
    due = gt.parse_due(text, dayfirst=dayfirst)
    assert shown == due_words(gt.Action(text="Act", due=due))


@given(lines, st.integers(2, 80))
def test_one_line_is_one_line_within_its_width(text: str, width: int) -> None:
    """``one_line`` gives one line of at most ``width`` characters, the words of the
    text in order, an ellipsis marking a cut."""
    line = one_line(text, width)
    assert "\n" not in line
    assert len(line) <= width
    whole = " ".join(text.split())
    assert line == whole or (line.endswith("…") and whole.startswith(line[:-1]))
