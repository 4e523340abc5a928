"""The record constructors check the fields the rules read, and say what is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import _build
from govtrack.io import json as gt_json
from strategies import dates, dues, time_spans, times, written_dues

_ON = dt.date(2023, 6, 1)
_UTC = dt.timezone.utc


def _make(cls: type, **fields: Any) -> Any:
    """``cls(**fields)``, with values its type hints refuse (what is tested here)."""
    return cls(**fields)


def _rule() -> gt.Decision:
    return gt.Decision(text="Units send comments", due=gt.parse_due("2023-01-01"))


# 1. Bool fields


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: attrs.evolve(_rule(), **_make(dict, deemed_consent="false")),
            "Decision.deemed_consent must be a bool, not str 'false'",
        ),
        (
            lambda: _make(gt.Decision, text="x", deemed_consent=1),
            "Decision.deemed_consent must be a bool, not int 1",
        ),
        (
            lambda: _make(gt.Answer, question="q", answer="no"),
            "Answer.answer must be a bool or None, not str 'no'",
        ),
    ],
)
def test_a_bool_field_refuses_what_is_not_a_bool(make: Callable[[], object], message: str) -> None:
    """A text such as "false" is truthy: stored, it made an overdue rule resolve itself."""
    with pytest.raises(gt.WrongTypeError) as caught:
        make()
    assert message == str(caught.value)


def test_a_deemed_consent_rule_still_resolves_and_a_task_stays_overdue() -> None:
    assert gt.Status.OVERDUE == _rule().effective_status(on=_ON)
    rule = attrs.evolve(_rule(), deemed_consent=True)
    assert gt.Status.COMPLETED == rule.effective_status(on=_ON)
    assert gt.Answer(question="q").answer is None


# 2. WrongTypeError


_WRONG_TYPES: list[tuple[str, Callable[[], object]]] = [
    ("Action(status=str)", lambda: gt.Action(text="x", status="ongoing")),  # type: ignore[arg-type]
    ("Meeting(date=datetime)", lambda: gt.Meeting(title="m", date=dt.datetime(2023, 1, 5, 14))),  # noqa: DTZ001 - the wrong value
    ("Due.day(datetime)", lambda: gt.Due.day(dt.datetime(2023, 1, 1, 10))),  # noqa: DTZ001 - the wrong value
    ("summarize(on=str)", lambda: gt.summarize([], on="2023-07-01")),  # type: ignore[arg-type]
    ("effective_status(on=None)", lambda: gt.Action(text="x").effective_status(on=None)),  # type: ignore[arg-type]
    ("FrozenMap(int value)", lambda: gt.FrozenMap(_make(dict, n=2))),
    ("extra | int value", lambda: gt.Action(text="x").extra | _make(dict, n=2)),
    ("Location(line=str)", lambda: gt.Location(line="3")),  # type: ignore[arg-type]
    ("Due(precision=str)", lambda: gt.Due(text="x", start=_ON, end=_ON, precision="day")),  # type: ignore[arg-type]
    ("implementation_rate(str)", lambda: gt.implementation_rate("a", on=_ON)),  # type: ignore[arg-type]
    ("loads(int)", lambda: gt.loads(3, format="json")),  # type: ignore[arg-type]
    ("Decision(deemed_consent=str)", lambda: gt.Decision(text="x", deemed_consent="no")),  # type: ignore[arg-type]
    ("Recommendation(response=None)", lambda: _make(gt.Recommendation, text="r", response=None)),
    ("Document(evaluations=str)", lambda: _make(gt.Document, evaluations="abc")),
]


@pytest.mark.parametrize(
    "make", [make for _, make in _WRONG_TYPES], ids=[n for n, _ in _WRONG_TYPES]
)
def test_a_wrong_type_is_a_govtrack_error_and_a_type_error(make: Callable[[], object]) -> None:
    with pytest.raises(TypeError) as caught:
        make()
    assert {gt.WrongTypeError, gt.GovtrackError, TypeError} <= set(type(caught.value).__mro__)


# 3. Fields that hold records


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: _make(gt.Recommendation, text="r", response=None),
            "Recommendation.response must be a ManagementResponse, not NoneType None",
        ),
        (
            lambda: _make(gt.Recommendation, text="r", actions=({"text": "a"},)),
            (
                "Recommendation.actions[0] must be an Action, not dict {'text': 'a'}: "
                "use Action(**{'text': 'a'})"
            ),
        ),
        (
            lambda: _make(gt.Document, evaluations="abc"),
            "Document.evaluations must be a tuple of Evaluation, not str 'abc'",
        ),
        (
            lambda: _make(gt.Document, evaluations=None),
            "Document.evaluations must be a tuple of Evaluation, not NoneType None",
        ),
        (
            lambda: _make(gt.Meeting, title="m", decisions=(_rule(), gt.Action(text="a"))),
            (
                "Meeting.decisions[1] must be a Decision, not Action Action(text='a', ref='', "
                "responsible=(), due=None, due_te..."
            ),
        ),
        (
            lambda: _make(gt.Document, plans=(gt.ActionPlan(), gt.Meeting(title="m"))),
            (
                "Document.plans[1] must be an ActionPlan, not Meeting Meeting(title='m', "
                "organiser='', date=None, starts=None, ..."
            ),
        ),
        (
            lambda: _make(gt.Indicator, text="i", targets=("t",)),
            "Indicator.targets[0] must be an Indicator, not str 't'",
        ),
        (
            lambda: _make(gt.Action, text="a", updates=("Dec 2022: done",)),
            "Action.updates[0] must be an Update, not str 'Dec 2022: done'",
        ),
        (
            lambda: _make(gt.Document, problems=("GT101",)),
            "Document.problems[0] must be an Issue, not str 'GT101'",
        ),
    ],
)
def test_a_record_field_refuses_what_is_not_its_records(
    make: Callable[[], object], message: str
) -> None:
    """Accepted, they failed later in validate() or summarize() with an AttributeError."""
    with pytest.raises(gt.WrongTypeError) as caught:
        make()
    assert message == str(caught.value)


def test_a_single_record_is_a_tuple_of_one_as_a_single_text_is() -> None:
    evaluation = gt.Evaluation(title="E")
    assert (evaluation,) == gt.Document(evaluations=evaluation).evaluations
    assert ("UNDP",) == gt.Action(text="a", responsible="UNDP").responsible
    assert (gt.Action(text="a"),) == gt.Recommendation(
        text="r", actions=[gt.Action(text="a")]
    ).actions
    action = gt.Action(text="a")
    assert (action, action) == gt.ActionPlan(actions=(a for a in (action, action))).actions


def test_the_readers_build_records_fast_still() -> None:
    """The new checks are on fields the fast builders fill with the right types."""
    assert _build.FAST
    assert gt_json._new_recommendation.__name__ == "trusted"


# 4. Meeting times


@pytest.mark.parametrize(
    ("starts", "ends", "message"),
    [
        (
            dt.time(14, tzinfo=_UTC),
            dt.time(9),
            (
                "Meeting.starts 14:00:00+00:00 and ends 09:00:00: give both with a time zone or "
                "neither (they cannot be compared); add tzinfo= to the one without, or remove "
                "it from the other"
            ),
        ),
        (
            dt.time(9),
            dt.time(14, tzinfo=_UTC),
            (
                "Meeting.starts 09:00:00 and ends 14:00:00+00:00: give both with a time zone or "
                "neither (they cannot be compared); add tzinfo= to the one without, or remove "
                "it from the other"
            ),
        ),
    ],
)
def test_a_meeting_gives_its_times_in_the_same_kind_of_time(
    starts: dt.time, ends: dt.time, message: str
) -> None:
    with pytest.raises(gt.ArgumentError) as caught:
        gt.Meeting(title="Board", starts=starts, ends=ends)
    assert message == str(caught.value)


def test_a_meeting_may_end_when_it_starts_or_give_one_time() -> None:
    assert gt.Meeting(title="m", starts=dt.time(9), ends=dt.time(9)).ends == dt.time(9)
    assert gt.Meeting(title="m", ends=dt.time(9, tzinfo=_UTC)).starts is None


def test_minutes_whose_meeting_ends_before_it_starts_are_read() -> None:
    """The reader keeps the times as written (past midnight, or swapped), as it did before
    a Meeting refused them; validate's GT115 asks which."""
    text = "Minutes\nDate and Time: 5 March 2024, 16:00-09:00\nVenue: Hall\n\nThe Board met.\n"
    doc = gt.loads(text, format="minutes")
    (meeting,) = doc.meetings
    assert (dt.time(16), dt.time(9)) == (meeting.starts, meeting.ends)
    assert "16:00-09:00" in meeting.when_text
    assert "GT342" not in [problem.code for problem in doc.problems]
    assert ["GT115"] == [
        issue.code for issue in gt.validate(doc, on=dt.date(2024, 3, 6)) if issue.code == "GT115"
    ]


@given(time_spans(times))
def test_a_time_span_makes_a_meeting(span: tuple[dt.time | None, dt.time | None]) -> None:
    meeting = gt.Meeting(title="m", starts=span[0], ends=span[1])
    assert (meeting.starts, meeting.ends) == span


# 5. A deadline's precision


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31), gt.Precision.DAY),
        (dt.date(2023, 1, 1), dt.date(2023, 2, 28), gt.Precision.MONTH),
        (dt.date(2023, 1, 2), dt.date(2023, 1, 31), gt.Precision.MONTH),
        (dt.date(2023, 2, 1), dt.date(2023, 4, 30), gt.Precision.QUARTER),
        (dt.date(2023, 1, 1), dt.date(2023, 3, 30), gt.Precision.QUARTER),
        (dt.date(2023, 4, 1), dt.date(2023, 9, 30), gt.Precision.HALF),
        (dt.date(2023, 1, 1), dt.date(2024, 12, 31), gt.Precision.YEAR),
        (dt.date(2023, 7, 1), dt.date(2024, 6, 30), gt.Precision.YEAR),
    ],
)
def test_a_due_refuses_a_precision_its_span_contradicts(
    start: dt.date, end: dt.date, precision: gt.Precision
) -> None:
    """render() trusted the precision: a year written as a DAY moved the deadline."""
    with pytest.raises(gt.ArgumentError, match=r"Due\.precision '\w+' means"):
        gt.Due(text="x", start=start, end=end, precision=precision)


def test_json_with_a_contradictory_due_is_a_schema_error_with_its_path() -> None:
    due = {"text": "Q1 2023", "start": "2024-01-01", "end": "2024-12-31", "precision": "day"}
    for count in (1, 3):  # one action, and several (the fast path's shared Dues)
        data = {"schema_version": 2, "plans": [{"actions": [{"text": "x", "due": due}] * count}]}
        with pytest.raises(
            gt.SchemaError,
            match=r"Due\.precision 'day' means one day.*RANGE.*@ \$\.plans\[0\]\.actions\[0\]\.due",
        ):
            gt.from_data(data)


@given(st.one_of(dues, written_dues))
def test_every_due_drawn_is_consistent_with_its_precision(due: gt.Due) -> None:
    again = gt.Due(text=due.text, start=due.start, end=due.end, precision=due.precision)
    assert again == due
    read = gt.parse_due(due.render())
    assert (read.start, read.end, read.precision) == (due.start, due.end, due.precision)


@given(dates, dates, st.sampled_from(gt.Precision))
def test_a_due_accepted_renders_to_its_own_span(
    start: dt.date, end: dt.date, precision: gt.Precision
) -> None:
    """Whatever span and precision: refused, or written as a text that reads back to it."""
    try:
        due = gt.Due(text="x", start=start, end=end, precision=precision)
    except (gt.DueParseError, gt.ArgumentError):  # it ends before it starts; or the precision
        return
    read = gt.parse_due(due.render())
    assert (read.start, read.end) == (due.start, due.end)


@given(written_dues)
def test_every_due_parse_due_reads_passes_the_check(due: gt.Due) -> None:
    read = gt.parse_due(due.text)
    attrs.evolve(read)  # the constructor again: its checks pass


# 6. Counts


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: gt.Meeting(title="m", attendance_count=-5),
            "Meeting.attendance_count must be 0 or more, not -5",
        ),
        (
            lambda: gt.Location(line=0),
            "Location.line must be 1 or more (lines count from 1), not 0",
        ),
        (
            lambda: gt.Location(line=-1),
            "Location.line must be 1 or more (lines count from 1), not -1",
        ),
    ],
)
def test_a_count_is_not_negative_and_a_line_counts_from_one(
    make: Callable[[], object], message: str
) -> None:
    with pytest.raises(gt.ArgumentError) as caught:
        make()
    assert message == str(caught.value)


def test_no_one_attended_and_the_first_line() -> None:
    assert gt.Meeting(title="m", attendance_count=0).attendance_count == 0
    assert str(gt.Location(line=1)) == "line 1"


@pytest.mark.parametrize(
    "origin",
    [
        {"line": 0},  # an origin written whole
        {"table": 0, "cell": "A2", "line": -3},  # a row of a table
    ],
)
def test_json_with_a_line_before_the_first_is_a_schema_error(origin: dict[str, Any]) -> None:
    data = {
        "schema_version": 2,
        "tables": [{"file": "a.xlsx", "sheet": "S"}],
        "plans": [{"actions": [{"text": "x", "origin": origin}]}],
    }
    with pytest.raises(gt.SchemaError, match=r"1 or more.*@ \$\.plans\[0\]\.actions\[0\]\.origin"):
        gt.from_data(data)
