"""Follow-up of the model constructor checks: what the previous version wrote still loads,
the places of a workbook's refusals, the wrong types refused with a WrongTypeError, and
GT114's groups."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

import govtrack as gt

ON = dt.date(2024, 1, 1)


# 1. Compatibility: a meeting that ends before it starts, a Due's precision


def test_json_of_the_previous_version_with_swapped_meeting_times_loads() -> None:
    """The previous minutes reader stored ``16:00-09:00`` as starts 16:00, ends 09:00: the
    whole document was refused (SchemaError) once a Meeting refused such times."""
    data = {
        "schema_version": 2,
        "meetings": [{"title": "Board", "date": "2022-03-14", "starts": "16:00:00",
                      "ends": "09:00:00"}],
    }  # fmt: skip
    doc = gt.loads(json.dumps(data), format="json")
    (meeting,) = doc.meetings
    assert (meeting.starts, meeting.ends) == (dt.time(16), dt.time(9))
    (issue,) = gt.validate(doc, on=ON, select=["GT115"])
    assert issue.severity is gt.Severity.WARNING
    assert issue.message == (
        "the meeting 'Board' ends (09:00) before it starts (16:00): past midnight, or the "
        "times swapped? If swapped, set starts= and ends= with attrs.evolve"
    )


def test_a_meeting_past_midnight_is_built_and_warned_at_its_origin() -> None:
    where = gt.Location(file="minutes.txt", line=3)
    meeting = gt.Meeting(title="Night shift", starts=dt.time(22), ends=dt.time(1), origin=where)
    doc = gt.Document(meetings=(meeting,))
    (issue,) = gt.validate(doc, on=ON, select=["GT115"])
    assert issue.location == where
    assert "ends (01:00) before it starts (22:00)" in issue.message
    assert gt.loads(gt.dumps(doc, format="json"), format="json") == doc


def test_a_meeting_in_order_or_with_one_time_gives_no_gt115() -> None:
    meetings = (
        gt.Meeting(title="a", starts=dt.time(9), ends=dt.time(10)),
        gt.Meeting(title="b", starts=dt.time(9), ends=dt.time(9)),
        gt.Meeting(title="c", ends=dt.time(9)),
        gt.Meeting(title="d", starts=dt.time(9, 30, 15), ends=dt.time(9, 30, 20)),
    )
    assert gt.validate(gt.Document(meetings=meetings), on=ON, select=["GT115"]) == []


def test_gt115_shows_seconds_when_a_time_has_some() -> None:
    meeting = gt.Meeting(title="m", starts=dt.time(9, 30, 15), ends=dt.time(9, 30, 5))
    (issue,) = gt.validate(gt.Document(meetings=(meeting,)), on=ON, select=["GT115"])
    assert "ends (09:30:05) before it starts (09:30:15)" in issue.message


def test_a_due_whose_precision_contradicts_its_span_says_what_fits() -> None:
    """The record was built, not read: an ArgumentError (a ValueError) saying what span
    the precision means, not a DueParseError "cannot read deadline"."""
    with pytest.raises(gt.ArgumentError) as caught:
        gt.Due(
            text="FY2023",
            start=dt.date(2022, 7, 1),
            end=dt.date(2023, 6, 30),
            precision=gt.Precision.YEAR,
        )
    assert not isinstance(caught.value, gt.DueParseError)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == (
        "Due.precision 'year' means a whole calendar year (2022-01-01 to 2022-12-31), not "
        "2022-07-01 to 2023-06-30: use Precision.RANGE for another span"
    )


@pytest.mark.parametrize(
    ("start", "end", "precision", "fits"),
    [
        (dt.date(2023, 5, 2), dt.date(2023, 5, 31), gt.Precision.MONTH, "(2023-05-01 to 2023-05-31)"),
        (dt.date(2023, 5, 1), dt.date(2023, 7, 31), gt.Precision.QUARTER, "(2023-04-01 to 2023-06-30)"),
        (dt.date(2023, 8, 1), dt.date(2023, 12, 31), gt.Precision.HALF, "(2023-07-01 to 2023-12-31)"),
        (dt.date(2023, 8, 1), dt.date(2023, 8, 2), gt.Precision.DAY, "one day (2023-08-01)"),
    ],
)  # fmt: skip
def test_a_due_names_the_span_of_its_precision(
    start: dt.date, end: dt.date, precision: gt.Precision, fits: str
) -> None:
    with pytest.raises(gt.ArgumentError, match=re.escape(fits)):
        gt.Due(text="x", start=start, end=end, precision=precision)


def test_json_with_such_a_due_is_refused_with_the_path_and_the_fix() -> None:
    data = {
        "schema_version": 2,
        "plans": [{"actions": [{"text": "x", "due": {"text": "FY2023", "start": "2022-07-01",
                   "end": "2023-06-30", "precision": "year"}}]}],
    }  # fmt: skip
    with pytest.raises(gt.SchemaError) as caught:
        gt.loads(json.dumps(data), format="json")
    message = str(caught.value)
    assert "cannot read deadline" not in message
    assert (
        "Due.precision 'year' means a whole calendar year (2022-01-01 to 2022-12-31), not "
        "2022-07-01 to 2023-06-30: use Precision.RANGE for another span" in message
    )
    assert message.endswith("@ $.plans[0].actions[0].due")


def test_evolving_a_meeting_past_its_end_is_allowed() -> None:
    meeting = gt.Meeting(title="m", starts=dt.time(9), ends=dt.time(10))
    assert attrs.evolve(meeting, starts=dt.time(11)).starts == dt.time(11)


# 2. govtrack's own workbook: a Meetings row the Meeting refuses is named by its cell


def _edited_workbook(tmp_path: Path, edits: dict[str, Any], sheet: str = "Meetings") -> Path:
    """govtrack's workbook of one meeting, with cells of its row overwritten by column name."""
    meeting = gt.Meeting(title="Board", starts=dt.time(9), ends=dt.time(10), attendance_count=5)
    path = tmp_path / "w.xlsx"
    gt.dump(gt.Document(meetings=(meeting,)), path)
    book = openpyxl.load_workbook(path)
    rows = book[sheet]
    header = [cell.value for cell in rows[1]]
    for column, value in edits.items():
        if value is _DELETE:
            rows.cell(row=1, column=header.index(column) + 1).value = None
        else:
            rows.cell(row=2, column=header.index(column) + 1, value=value)
    book.save(path)
    return path


_DELETE = object()


def _cell(path: Path, column: str, sheet: str = "Meetings") -> str:
    header = [cell.value for cell in openpyxl.load_workbook(path)[sheet][1]]
    return f"{get_column_letter(header.index(column) + 1)}2"


def test_a_workbook_meeting_with_times_in_two_kinds_is_refused_at_its_cell(
    tmp_path: Path,
) -> None:
    """It raised an ArgumentError naming no sheet or cell (the Meeting's own refusal)."""
    path = _edited_workbook(tmp_path, {"starts": "11:00:00+00:00"})
    with pytest.raises(gt.FormatError) as caught:
        gt.load(path)
    cell = _cell(path, "ends")
    assert caught.value.location == gt.Location(file=str(path), sheet="Meetings", cell=cell)
    assert str(caught.value) == (
        f"{path}: Meetings!{cell}: Meetings column 'ends': expected a time with a time zone "
        "or none as starts has, got 11:00:00+00:00 and 10:00:00 (they cannot be compared)"
    )


def test_a_workbook_meeting_with_a_negative_attendance_is_refused_at_its_cell(
    tmp_path: Path,
) -> None:
    path = _edited_workbook(tmp_path, {"attendance_count": -3})
    with pytest.raises(gt.FormatError) as caught:
        gt.load(path)
    cell = _cell(path, "attendance_count")
    assert caught.value.location == gt.Location(file=str(path), sheet="Meetings", cell=cell)
    assert "expected a number of people from 0, got -3" in str(caught.value)


def test_a_workbook_meeting_past_midnight_reads_back(tmp_path: Path) -> None:
    path = _edited_workbook(tmp_path, {"starts": "22:00:00", "ends": "01:00:00"})
    (meeting,) = gt.load(path).meetings
    assert (meeting.starts, meeting.ends) == (dt.time(22), dt.time(1))


def test_a_workbook_cell_refused_names_the_file(tmp_path: Path) -> None:
    """``_Row.where`` made a Location without the file: the message named no workbook."""
    path = _edited_workbook(tmp_path, {"date": "someday"})
    with pytest.raises(gt.FormatError) as caught:
        gt.load(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)
    assert str(caught.value).startswith(f"{path}: Meetings!")


def test_a_workbook_sheet_lacking_a_column_names_the_file(tmp_path: Path) -> None:
    path = _edited_workbook(tmp_path, {"id": _DELETE})
    with pytest.raises(gt.FormatError, match="lacks the column") as caught:
        gt.load(path)
    assert caught.value.location == gt.Location(file=str(path), sheet="Meetings", cell="A1")


# 3. Wrong types: a WrongTypeError naming the argument or field, and what it takes


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: gt.Action(text=5), "Action.text must be a str, not int 5"),  # type: ignore[arg-type]
        (
            lambda: gt.Action(text="a", ref=None),  # type: ignore[arg-type]
            'Action.ref must be a str, not NoneType None: use "" for none',
        ),
        (
            lambda: gt.Action(text="a", responsible=5),  # type: ignore[arg-type]
            "Action.responsible must be a str or an iterable of str (the parties), not int 5",
        ),
        (
            lambda: gt.Action(text="a", responsible=("HR", None)),  # type: ignore[arg-type]
            "Action.responsible[1] must be a str (a party), not NoneType None",
        ),
        (
            lambda: gt.Decision(text="a", comments=3),  # type: ignore[arg-type]
            "Decision.comments must be a str, not int 3",
        ),
        (
            lambda: gt.Activity(text="a", recommendations=None),  # type: ignore[arg-type]
            'Activity.recommendations must be a str, not NoneType None: use "" for none',
        ),
        (
            lambda: gt.Status.parse(5),  # type: ignore[arg-type]
            "Status.parse() takes a str (the source's word) or None, not int 5",
        ),
        (
            lambda: gt.ResponseCategory.parse(1.5),  # type: ignore[arg-type]
            "ResponseCategory.parse() takes a str (the source's word) or None, not float 1.5",
        ),
        (
            lambda: gt.validate("x", on=ON),  # type: ignore[arg-type]
            (
                "validate(document) takes a Document, not str 'x': read one with gt.load or "
                "gt.loads (gt.combine joins several)"
            ),
        ),
        (
            lambda: gt.load(5),  # type: ignore[arg-type]
            "load(path) takes a path (a str or a pathlib.Path), not int 5",
        ),
        (
            lambda: gt.dump(gt.Document(), 5),  # type: ignore[arg-type]
            "dump(path) takes a path (a str or a pathlib.Path), not int 5",
        ),
        (
            lambda: gt.reminders(gt.Document(), on=ON, within="3"),  # type: ignore[arg-type]
            (
                "reminders(within=...) takes a whole number of days (an int), not str '3': "
                "pass int('3')"
            ),
        ),
        (
            lambda: gt.reminders(gt.Document(), on=ON, within=True),
            "reminders(within=...) takes a whole number of days (an int), not bool True",
        ),
        (
            lambda: gt.ManagementResponse(thematic_areas=5),  # type: ignore[arg-type]
            "expected a str or an iterable of str, not int 5",
        ),
    ],
)
def test_a_wrong_type_is_a_wrong_type_error_saying_what_it_takes(
    call: Callable[[], object], message: str
) -> None:
    """Each was an AttributeError, a TypeError naming no argument, or accepted (to crash
    in validate later), or None returned in silence (Status.parse(5))."""
    with pytest.raises(gt.WrongTypeError) as caught:
        call()
    assert str(caught.value) == message


def test_a_str_subclass_and_the_parse_of_none_are_accepted() -> None:
    class Text(str):
        __slots__ = ()

    action = gt.Action(text=Text("a"), ref=Text("1"), responsible=(Text("HR"),))
    assert action.text == "a"
    assert action.responsible == ("HR",)
    assert gt.Status.parse(None) is None
    assert gt.Status.parse(Text("Done")) is gt.Status.COMPLETED
    assert gt.Action(text="a", responsible=["HR", "M&E"]).responsible == ("HR", "M&E")


def test_validate_of_an_action_built_in_code_no_longer_crashes() -> None:
    """responsible=("HR", None) was accepted, then validate raised an AttributeError."""
    with pytest.raises(gt.WrongTypeError, match=r"responsible\[1\]"):
        gt.Action(text="a", responsible=("HR", None))  # type: ignore[arg-type]


# 4. Speed: the valid case of a record's checks makes no message


def test_a_valid_record_builds_no_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_tuple_of`` made an f-string and looked its class up in globals() on every call,
    valid or not (+33% per Action built)."""
    from govtrack.model import records

    def refuse(*args: object) -> str:
        raise AssertionError(args)

    for helper in ("_shown", "_a_name", "_refuse_records", "_refuse_texts"):
        monkeypatch.setattr(records, helper, refuse)
    update = gt.Update(text="u")
    action = gt.Action(text="a", responsible=("HR",), updates=(update,))
    gt.Recommendation(text="r", actions=(action, gt.Decision(text="d")))
    gt.Indicator(text="i", targets=(gt.Indicator(text="t"),))
    gt.Activity(text="a", delay_reasons="rain")


def test_a_record_of_a_subclass_passes_the_slow_path() -> None:
    class Note(gt.Update):
        pass

    action = gt.Action(text="a", updates=(Note(text="u"),))
    assert type(action.updates[0]) is Note
    with pytest.raises(gt.WrongTypeError, match=r"Action\.updates\[1\] must be an Update"):
        gt.Action(text="a", updates=(Note(text="u"), "v"))  # type: ignore[arg-type]


# 5. GT114: a role word in brackets is no acronym


def _parties_plan(*responsible: tuple[str, ...]) -> gt.Document:
    actions = tuple(
        gt.Action(text=f"Task {n}", responsible=parties) for n, parties in enumerate(responsible)
    )
    return gt.Document(plans=(gt.ActionPlan(actions=actions),))


def _groups(doc: gt.Document) -> list[str]:
    return [issue.message for issue in gt.validate(doc, on=ON, select=["GT114"])]


def test_gt114_does_not_join_parties_through_a_role_word() -> None:
    """'UNICEF (lead)', 'WHO (support)', 'WHO (lead)', 'MoH (support)' were one group,
    joined through 'lead' and 'support' as if they were acronyms."""
    doc = _parties_plan(("UNICEF (lead)", "WHO (support)"), ("WHO (lead)",), ("MoH (support)",))
    assert _groups(doc) == [
        (
            "responsible parties 'WHO (support)' (1 action), 'WHO (lead)' (1 action) look like "
            "one party: reminders and summaries count them apart; to unify them, give each "
            "action one spelling with attrs.evolve (how-to 'List each unit's overdue actions')"
        )
    ]


def test_gt114_groups_a_name_with_roles_and_the_bare_name() -> None:
    doc = _parties_plan(("WHO (lead)",), ("WHO",), ("WHO (Support)",), ("UNICEF (TBC)",))
    (message,) = _groups(doc)
    assert "'WHO (lead)' (1 action), 'WHO' (1 action), 'WHO (Support)' (1 action)" in message
    assert "UNICEF" not in message


def test_gt114_keeps_whole_a_bracket_after_an_acronym_or_a_role_word() -> None:
    """`UNICEF (WHO)` is two parties, not UNICEF also called WHO; `(TBC)` is no acronym."""
    doc = _parties_plan(
        ("Ministry of Health (MoH)",), ("MoH",), ("UNICEF (WHO)",), ("WHO",), ("Health Unit (TBC)",)
    )
    (message,) = _groups(doc)
    assert "'Ministry of Health (MoH)' (1 action), 'MoH' (1 action) look like" in message


def test_gt114_leaves_out_rules_that_resolve_by_themselves() -> None:
    """Reminders and summaries leave out a deemed-consent rule with no status: GT114 counted
    its party, so its counts disagreed with theirs."""
    rule = gt.Decision(text="No comment means consent", responsible=("The Board",),
                       deemed_consent=True)  # fmt: skip
    owed = gt.Decision(text="Send the minutes", responsible=("Board",))
    assert _groups(gt.Document(meetings=(gt.Meeting(title="m", decisions=(rule, owed)),))) == []
    twice = gt.Decision(text="Send the report", responsible=("The Board",))
    (message,) = _groups(
        gt.Document(meetings=(gt.Meeting(title="m", decisions=(rule, owed, twice)),))
    )
    assert "'Board' (1 action), 'The Board' (1 action)" in message


_NAMES = st.from_regex(r"[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?", fullmatch=True)
_ROLES = st.sampled_from(["lead", "support", "Lead", "co-lead", "TBC", "focal point", "chair"])


@given(_NAMES, _NAMES, _ROLES, _ROLES)
def test_two_names_with_roles_in_brackets_are_never_one_party(
    one: str, other: str, role: str, their_role: str
) -> None:
    assume(one.casefold() != other.casefold())
    doc = _parties_plan((f"{one} ({role})",), (f"{other} ({their_role})",), (f"{other} ({role})",))
    for message in _groups(doc):
        spellings = message.split("'")[1::2]
        assert not any(spelling.startswith(f"{one} (") for spelling in spellings), message


# 6. A change to an immutable map: a WrongTypeError, also a TypeError as Python's own


def test_a_read_only_map_refuses_a_change_as_python_s_immutable_types_do() -> None:
    summary = gt.summarize(gt.Document(), on=ON)
    with pytest.raises(TypeError, match="does not support item assignment") as caught:
        summary.by_status[gt.Status.COMPLETED] = 3  # type: ignore[index]
    assert isinstance(caught.value, gt.GovtrackError)
