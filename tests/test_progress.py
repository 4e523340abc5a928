"""Tests of the working-group progress-report reader (a table flattened to text)."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _prose, excel, meeting_report, minutes, progress

DATA = Path(__file__).parent / "data" / "progress"
WATER = (DATA / "water_sanitation.txt").read_text(encoding="utf-8")
ON, BEHIND = gt.ScheduleStatus.ON_SCHEDULE, gt.ScheduleStatus.BEHIND_SCHEDULE


def _report(text: str, source: str = "") -> gt.ProgressReport:
    return gt.loads(text, format="progress-report", source=source).reports[0]


def test_working_group_title_and_period() -> None:
    """'TWG: …' is the working group; 'during the period X to Y' is the period span."""
    report = _report(WATER)
    expected = (
        "Annex: Working Group Progress Report",
        "WATER AND SANITATION",
        "March 2021 to August 2021",
        dt.date(2021, 3, 1),
        dt.date(2021, 8, 31),
    )
    period = report.period
    assert period is not None
    actual = (report.title, report.working_group, report.period_text, period.start, period.end)
    assert expected == actual


def test_activities_with_groups_and_schedule_marks() -> None:
    """Rows become activities under their numbered group; X, x, ✓, √ marks give the schedule."""
    report = _report(WATER)
    expected = [
        ("1. Sector coordination", "Convene the annual sector review", ON),
        ("1. Sector coordination", "Update the sector investment plan", BEHIND),
        ("1. Sector coordination", "Publish the water quality bulletin", ON),
        ("2. Monitoring", "Train provincial data officers", BEHIND),
        ("2. Monitoring", "Roll out the reporting app", BEHIND),
        ("2. Monitoring", "Set up the sector database", None),
    ]
    assert expected == [(a.group, a.text, a.schedule) for a in report.activities]


def test_status_narrative_goes_to_comments_and_a_status_word_to_status() -> None:
    """A narrative is the comments; a plain status word ('Completed') is the status."""
    activities = _report(WATER).activities
    expected = [
        (None, "Draft circulated; costing still pending."),
        (gt.Status.COMPLETED, ""),
    ]
    assert expected == [(a.status, a.comments) for a in activities[1:3]]


def test_reasons_for_delay_and_recommendations() -> None:
    """A full row gives the reasons for delay and the recommendations by position."""
    activity = _report(WATER).activities[1]
    expected = ("Costing consultant recruited late.", "Board to approve the revised timeline.")
    assert expected == (activity.delay_reasons, activity.recommendations)


def test_ambiguous_rows_keep_their_text_and_are_reported() -> None:
    """Short rows place text by position (GT374) or after the marks (GT373), text kept."""
    doc = gt.loads(WATER, format="progress-report")
    activities = doc.reports[0].activities
    expected_text = ("Procurement of tablets delayed.", "Funds not yet released by the treasury.")
    assert expected_text == (activities[3].delay_reasons, activities[5].delay_reasons)
    codes = {problem.code: problem.location for problem in doc.problems}
    assert gt.Location(line=75) == codes["GT374"]
    assert gt.Location(line=83) == codes["GT373"]


def test_bullets_sharing_one_status_each_get_it() -> None:
    """Bulleted activities of one merged cell each get the shared status (GT376)."""
    doc = gt.loads(WATER, format="progress-report")
    first, second = doc.reports[0].activities[3:5]
    assert first.comments == second.comments
    assert "GT376" in [problem.code for problem in doc.problems]


def test_group_narrative_is_kept_in_extra() -> None:
    """A group row's own status text is kept in the report's extra under the group."""
    extra = _report(WATER).extra
    assert "Quarterly sector meetings took place as planned." == extra["1. Sector coordination"]


def test_indicators_with_timeframes_and_targets() -> None:
    """Indicators carry their timeframe span and numbered sub-targets."""
    report = _report(WATER)
    expected = [
        ("Increase rural access to safe water", "2021 – 2023", ["1", "2"]),
        ("Reduce non-revenue water in the capital", "mid-2022", []),
    ]
    actual = [
        (i.text, i.timeframe.text if i.timeframe else "", [t.ref for t in i.targets])
        for i in report.indicators
    ]
    assert expected == actual


def test_target_columns() -> None:
    """A target row gives timeframe, status, constraints and recommendations; a blank is empty."""
    first, second = _report(WATER).indicators[0].targets
    expected = [
        (
            "New water points built in three northern provinces.",
            gt.parse_due("2021"),
            "Tenders awarded; construction 40% complete.",
            "Rainy season slowed the works.",
            "Extend the contracts by one quarter.",
        ),
        (
            "Water committees trained in all districts.",
            gt.parse_due("By end of Q4 2021"),
            "Half of the districts covered.",
            "",
            "Mobilise partners for the remaining districts.",
        ),
    ]
    actual = [
        (t.text, t.timeframe, t.status, t.constraints, t.recommendations) for t in (first, second)
    ]
    assert expected == actual


def test_unreadable_timeframe_is_kept_as_text() -> None:
    """A timeframe that is not a date stays in timeframe_text, with GT379."""
    text = WATER.replace("mid-2022", "until 2022 elections")
    doc = gt.loads(text, format="progress-report")
    indicator = doc.reports[0].indicators[1]
    assert (None, "until 2022 elections") == (indicator.timeframe, indicator.timeframe_text)
    assert "GT379" in [problem.code for problem in doc.problems]


def test_unreadable_timeframe_says_why() -> None:
    """GT379 carries parse_due's reason: '2011/12' names both readings and what to write."""
    doc = gt.loads(WATER.replace("mid-2022", "2011/12"), format="progress-report")
    (problem,) = [problem for problem in doc.problems if problem.code == "GT379"]
    assert problem.message.endswith("write Dec 2011 or 2011–2012")


def test_yes_no_answers() -> None:
    """Questions become answers: yes, no, none ticked, and free text kept (GT380)."""
    report = _report(WATER)
    expected = [
        ("Are there other issues the board should consider?", None, ""),
        ("Does the group have enough resources for its work plan?", True, "Yes"),
        ("Has the group asked the board for support?", False, "No"),
        ("Is a request being prepared?", None, "Under discussion with two partners"),
    ]
    assert expected == [(a.question, a.answer, a.text) for a in report.answers]


def test_both_marks_is_reported() -> None:
    """A row marked on and behind schedule has no schedule and a GT375 problem."""
    text = WATER.replace(
        "Review held in May with every province represented.\n\nX\n\n\u00a0",
        "Review held.\n\nX\n\nX",
    )
    doc = gt.loads(text, format="progress-report")
    assert None is doc.reports[0].activities[0].schedule
    assert "GT375" in [problem.code for problem in doc.problems]


def test_crlf_and_bom_read_the_same() -> None:
    """A BOM and CRLF line ends give the same report."""
    assert progress.loads(WATER) == progress.loads("\ufeff" + WATER.replace("\n", "\r\n"))


def test_truncated_text_reads_what_is_there_with_a_problem() -> None:
    """Text cut inside the activities table keeps the rows read and reports GT381."""
    cut = WATER[: WATER.index("Draft circulated")]
    doc = gt.loads(cut, format="progress-report")
    assert ["Convene the annual sector review", "Update the sector investment plan"] == [
        a.text for a in doc.reports[0].activities
    ]
    assert "GT381" in [problem.code for problem in doc.problems]


def test_not_a_progress_report_is_a_format_error() -> None:
    """A text with neither an activities table nor an indicators table raises FormatError."""
    with pytest.raises(gt.FormatError, match="expected a working-group progress report"):
        gt.loads("TWG: nothing here\n\nJust a note.\n", format="progress-report")


def test_sniff_claims_only_progress_reports() -> None:
    """sniff scores a progress report above 0.5 and the other shapes at 0."""
    export = ": Pakistan\n: 2020\nManagement Response Category: Accepted\n"
    record = "# Minutes\nDate and Time: 1 May 2020\nVenue: Hall\n"
    assert progress.sniff(WATER) > 0.5
    assert [0.0, 0.0] == [progress.sniff(export), progress.sniff(record)]
    assert [0.0, 0.0] == [minutes.sniff(WATER), meeting_report.sniff(WATER)]


def test_seed_progress_report(seeds: Path) -> None:
    """Seed 003: TWG GENDER, Oct 2007 – Feb 2008, 17 activities, 1 indicator with 4 targets."""
    text = (seeds / "003_986110d526973574.txt").read_text(encoding="utf-8")
    report = gt.loads(text, source="003.txt").reports[0]
    period = report.period
    assert period is not None
    expected = (
        "GENDER",
        "October 2007 to February 2008",
        (dt.date(2007, 10, 1), dt.date(2008, 2, 29)),
        17,
        3,
        1,
        4,
        [None, False, None, True],
    )
    actual = (
        report.working_group,
        report.period_text,
        (period.start, period.end),
        len(report.activities),
        len({a.group for a in report.activities}),
        len(report.indicators),
        len(report.indicators[0].targets),
        [a.answer for a in report.answers],
    )
    assert expected == actual


_ALPHABET = st.sampled_from(
    [
        *list("abcXYZ019 \t\n\xa0:.-–)(#*•;,/?x✓"),
        "Scheduled Activities\n\n",
        "Implementation Status\n\n",
        "On Schedule\n\n",
        "Behind Schedule\n\n",
        "1. ",
        "  1. Is it? ",
        "Yes",
        "No",
        "\n\n\xa0\n\n",
        "TWG: ",
        "Joint Monitoring Indicator Timeframe\n\n",
        "2021 – 2023\n\n",
        "A.\xa0 ",
        "  • ",
        "\r\n",
    ]
)


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_arbitrary_text_raises_only_govtrack_errors(text: str) -> None:
    """loads on any text returns a Document or raises a GovtrackError, nothing else."""
    try:
        doc = progress.loads(text)
    except gt.GovtrackError:
        return
    assert 1 == len(doc.reports)


@given(st.text(max_size=300))
def test_arbitrary_unicode_raises_only_govtrack_errors(text: str) -> None:
    """loads and sniff on any unicode text raise nothing but GovtrackError."""
    progress.sniff(text)
    with contextlib.suppress(gt.GovtrackError):
        progress.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "Scheduled Activities\n\nOn Schedule\n\nBehind Schedule\n\n" + "x\n\n" * 5000,
        "Scheduled Activities\n\nOn Schedule\n\nBehind Schedule\n\n" + "\u00a0\n" * 10000,
        "Scheduled Activities\n\nOn Schedule\n\nBehind Schedule\n\n" + "Text\n\n" * 3000,
        "Joint Monitoring Indicator Timeframe\n\n" + "1. a\n\n2021\n\n" * 2000,
        "Scheduled Activities\n\nOn Schedule\n\n  1. " + "a" * 5000 + " " * 5000 + "\n",
        "during the period " + "1 " * 5000,
    ],
)
def test_pathological_text_is_fast(text: str) -> None:
    """Long tables and runs of cues are read in a couple of seconds at most (no backtracking)."""
    started = time.perf_counter()
    with contextlib.suppress(gt.GovtrackError):
        progress.loads(text)
    assert time.perf_counter() - started < 2.0


def test_an_ambiguous_numeric_period_is_kept_and_reported() -> None:
    """Regression: `during the period 01/03/2021 to 01/08/2021` was read day first unreported.

    (Both ends read two ways; `01/03/2021 to 31/08/2021` is read, its end settling the order:
    parse_due's rule for ranges.)"""
    text = WATER.replace("March 2021 to August 2021", "01/03/2021 to 01/08/2021")
    doc = gt.loads(text, format="progress-report")
    report = doc.reports[0]
    assert (None, "01/03/2021 to 01/08/2021") == (report.period, report.period_text)
    [problem] = [issue for issue in doc.problems if issue.code == "GT371"]
    assert "pass dayfirst= to choose" in problem.message
    period = gt.loads(text, format="progress-report", dayfirst=True).reports[0].period
    assert (dt.date(2021, 3, 1), dt.date(2021, 8, 1)) == (
        (period.start, period.end) if period else None
    )


def test_an_ambiguous_numeric_timeframe_is_kept_and_reported() -> None:
    """Regression: a timeframe `03/04/2022` was read as 3 April; now GT379 until dayfirst=."""
    text = WATER.replace("mid-2022", "03/04/2022")
    doc = gt.loads(text, format="progress-report")
    indicator = doc.reports[0].indicators[1]
    assert (None, "03/04/2022") == (indicator.timeframe, indicator.timeframe_text)
    [problem] = [issue for issue in doc.problems if issue.code == "GT379"]
    assert "pass dayfirst= to choose" in problem.message
    read = gt.loads(text, format="progress-report", dayfirst=False).reports[0].indicators[1]
    assert dt.date(2022, 3, 4) == (read.timeframe.start if read.timeframe else None)


_NB = "\u00a0"


def _indicator_table(*target: str, after: tuple[str, ...] = ()) -> str:
    """A progress report with one indicator and two targets, the second made of ``target``."""
    cells = [
        "TWG: ROADS",
        "B.    Progress on Joint Monitoring Indicators",
        "Joint Monitoring Indicator Timeframe Status Constraints Recommendations",
        "Keep feeder roads passable",
        "2022 – 2024",
        _NB,
        _NB,
        _NB,
        "1.    Culverts cleared before the rains.",
        "2023",
        "Done in 9 of 12 districts.",
        "Two graders broke down.",
        "Hire graders.",
        "2.    Road committees hold quarterly meetings.",
        *target,
        *after,
    ]
    return "\n\n".join(cells) + "\n"


def test_constraint_without_full_stop_stays_on_its_target() -> None:
    """Regression: a constraint cell with no full stop, before a recommendation naming a
    quarter, was read as a new indicator (its text and 'timeframe'), losing both cells."""
    text = _indicator_table(
        "Q4 2023", "14 of 20 met.", "Members lack transport", "Budget in Q1 2024."
    )
    doc = gt.loads(text, format="progress-report")
    (indicator,) = doc.reports[0].indicators
    second = indicator.targets[1]
    expected: tuple[str, str, str, list[str]] = (
        "14 of 20 met.",
        "Members lack transport",
        "Budget in Q1 2024.",
        [],
    )
    codes = [p.code for p in doc.problems if p.code in {"GT378", "GT379", "GT384"}]
    assert expected == (second.status, second.constraints, second.recommendations, codes)


def test_short_row_before_a_dated_text_is_reported_as_maybe_split() -> None:
    """A row short of cells followed by a text and a timeframe is read as a new indicator,
    with GT384 at the text's line saying the row may have been split."""
    text = _indicator_table(
        "Q4 2023",
        "14 of 20 met.",
        after=("Resurface trunk roads", "2024", "Tenders out.", _NB, _NB),
    )
    doc = gt.loads(text, format="progress-report")
    line = text.splitlines().index("Resurface trunk roads") + 1
    expected = (
        ["Keep feeder roads passable", "Resurface trunk roads"],
        [("GT384", f"line {line}")],
    )
    actual = (
        [indicator.text for indicator in doc.reports[0].indicators],
        [(p.code, str(p.location)) for p in doc.problems if p.code == "GT384"],
    )
    assert expected == actual


_PLAIN = st.sampled_from(
    ["staff", "members", "lack", "transport", "fuel", "budget", "delayed", "spare", "parts", "no"]
)


@given(
    constraint=st.lists(_PLAIN, min_size=1, max_size=6).map(" ".join),
    stop=st.sampled_from(["", "."]),
    verb=st.sampled_from(["Train staff", "Budget", "Recruit operators", "Review the plan"]),
    when=st.sampled_from(["in Q1 2024", "by June 2024", "before the end of 2024", "in 2025"]),
    end=st.sampled_from(["", "."]),
)
def test_target_cells_naming_a_date_stay_on_the_target(
    constraint: str, stop: str, verb: str, when: str, end: str
) -> None:
    """A target's constraint (with or without a full stop) and a recommendation naming a date
    stay on the target: no indicator is made of them."""
    constraint = constraint.capitalize() + stop
    recommendation = f"{verb} {when}{end}"
    doc = gt.loads(
        _indicator_table("Q4 2023", "14 of 20 met.", constraint, recommendation),
        format="progress-report",
    )
    (indicator,) = doc.reports[0].indicators
    second = indicator.targets[1]
    assert (constraint, recommendation) == (second.constraints, second.recommendations)


@pytest.mark.parametrize("timeframe", ["2024 onwards", "Annually from 2024"])
def test_an_indicator_with_an_unreadable_timeframe_after_a_short_row_is_kept(
    timeframe: str,
) -> None:
    """Regression: after a target row short of cells, an indicator whose timeframe is no date
    (`2024 onwards`) was read as the target's cells (its name joined to the status, GT378
    only); it is an indicator again, with GT384 (maybe split) and GT379 (timeframe unread)."""
    text = _indicator_table(
        "Q4 2023",
        "14 of 20 met.",
        after=("Resurface trunk roads", timeframe, "Tenders out.", _NB, _NB),
    )
    doc = gt.loads(text, format="progress-report")
    first, second = doc.reports[0].indicators
    target = first.targets[1]
    line = text.splitlines().index("Resurface trunk roads") + 1
    expected = (
        ("14 of 20 met.", "", ""),
        ("Resurface trunk roads", None, timeframe, "Tenders out."),
        [("GT379", f"line {line}"), ("GT384", f"line {line}")],
    )
    actual = (
        (target.status, target.constraints, target.recommendations),
        (second.text, second.timeframe, second.timeframe_text, second.status),
        sorted(
            (p.code, str(p.location)) for p in doc.problems if p.code in {"GT378", "GT379", "GT384"}
        ),
    )
    assert expected == actual


_TIMEFRAMES = st.sampled_from(
    ["{year} onwards", "Annually from {year}", "From {year} onwards", "Quarterly from {year}",
     "Ongoing since {year}", "Every year from {year}", "Each quarter of {year}"]
).map(lambda shape: shape.format(year=2024))  # fmt: skip
"""Timeframes made only of a timeframe's words, none of which reads as a date."""


@given(
    name=st.lists(
        st.sampled_from(["roads", "resurface", "trunk", "bridges", "rural", "share", "paved"]),
        min_size=1,
        max_size=5,
    ).map(" ".join),
    timeframe=_TIMEFRAMES,
    status=st.sampled_from(["Tenders out.", "3 of 5 done", "40%", _NB]),
)
def test_an_indicator_after_a_short_row_keeps_a_timeframe_that_is_no_date(
    name: str, timeframe: str, status: str
) -> None:
    """A text without a full stop followed by a timeframe made of a timeframe's words, after
    a target row short of cells, is a new indicator with that timeframe, reported (GT384):
    the short row keeps its cells."""
    name = name.capitalize()
    doc = gt.loads(
        _indicator_table("Q4 2023", "14 of 20 met.", after=(name, timeframe, status, _NB, _NB)),
        format="progress-report",
    )
    first, second = doc.reports[0].indicators
    expected = ("14 of 20 met.", "", name, timeframe, True)
    actual = (
        first.targets[1].status,
        first.targets[1].constraints,
        second.text,
        second.timeframe_text or (second.timeframe.text if second.timeframe else ""),
        "GT384" in [p.code for p in doc.problems],
    )
    assert expected == actual


def test_the_yes_no_patterns_are_shared_from_prose() -> None:
    """Regression: the Excel reader imported the progress reader's private yes/no patterns;
    both now use the public ones of govtrack.io._prose, the same objects."""
    shared = (_prose.QUESTION, _prose.YES_NO_START, _prose.ANSWER)
    assert [shared, shared] == [
        (progress.QUESTION, progress.YES_NO_START, progress.ANSWER),  # type: ignore[attr-defined]
        (excel.QUESTION, excel.YES_NO_START, excel.ANSWER),  # type: ignore[attr-defined]
    ]
