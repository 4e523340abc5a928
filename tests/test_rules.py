"""Status rules: effective status, deemed consent, roll-up, rates, overdue lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attr
import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import actions, dates, documents

S = gt.Status
D = dt.date
ON = D(2023, 1, 31)


def act(
    status: gt.Status | None, due: str | None = None, *, who: tuple[str, ...] = ()
) -> gt.Action:
    return gt.Action(
        text=f"{status} {due}",
        status=status,
        due=None if due is None else gt.parse_due(due),
        responsible=who,
    )


@pytest.mark.parametrize(
    ("recorded", "due", "expected"),
    [
        (S.COMPLETED, "2020/01", S.COMPLETED),
        (S.NO_LONGER_APPLICABLE, "2020/01", S.NO_LONGER_APPLICABLE),
        (S.ONGOING, "2020/01", S.OVERDUE),
        (S.NOT_STARTED, "2020/01", S.OVERDUE),
        (None, "2020/01", S.OVERDUE),
        (S.ONGOING, "2023/01", S.ONGOING),
        (S.OVERDUE, "2023/06", S.OVERDUE),
        (S.OVERDUE, None, S.OVERDUE),
        (S.NOT_STARTED, None, S.NOT_STARTED),
        (None, None, None),
        (None, "Q1 2023", None),
    ],
)
def test_effective_status_table(
    recorded: gt.Status | None, due: str | None, expected: gt.Status | None
) -> None:
    """Effective status follows the documented table (judged on 31 January 2023)."""
    assert expected is act(recorded, due).effective_status(on=ON)


def _status_table() -> list[tuple[str, str]]:
    """The rows of the table in Action.effective_status's docstring, continuation lines
    joined: (recorded status, effective status)."""
    lines = (gt.Action.effective_status.__doc__ or "").splitlines()
    rules = [n for n, line in enumerate(lines) if line.strip().startswith("====")]
    split = lines[rules[0]].index("  ", lines[rules[0]].index("=")) + 2
    rows: list[tuple[str, str]] = []
    for line in lines[rules[1] + 1 : rules[2]]:
        left, right = line[:split].strip(), line[split:].strip()
        if left:
            rows.append((left, right))
        else:
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {right}")
    return rows


def test_the_effective_status_docstring_says_what_the_code_does() -> None:
    """Regression: Action.effective_status's table said an action of no status gives None,
    "nothing is guessed", whatever its deadline; past its deadline it is OVERDUE (as the
    code does and the command-line reference says)."""
    said = {
        "> due.end" in left: right.split()[0] for left, right in _status_table() if "None" in left
    }
    done = {
        True: str(act(None, "2020/01").effective_status(on=ON)).removeprefix("Status."),
        False: str(act(None, "2023/06").effective_status(on=ON)) + ":",
    }
    assert {True: "OVERDUE", False: "None:"} == said == done


def test_deemed_consent_resolves_itself() -> None:
    """A deemed-consent rule is ongoing until its date passes, then completed."""
    rule = gt.Decision(
        text="silence is consent", due=gt.parse_due("02 May 2019"), deemed_consent=True
    )
    assert [S.ONGOING, S.ONGOING, S.COMPLETED] == [
        rule.effective_status(on=D(2019, 4, 23)),
        rule.effective_status(on=D(2019, 5, 2)),
        rule.effective_status(on=D(2019, 5, 3)),
    ]


def test_deemed_consent_with_recorded_status_follows_the_record() -> None:
    """A deemed-consent rule the source marks no longer applicable stays so."""
    rule = gt.Decision(
        text="x", due=gt.parse_due("2019-05-02"), deemed_consent=True,
        status=S.NO_LONGER_APPLICABLE,
    )  # fmt: skip
    assert S.NO_LONGER_APPLICABLE is rule.effective_status(on=D(2020, 1, 1))


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((), None),
        ((S.COMPLETED, S.OVERDUE), S.OVERDUE),
        ((S.COMPLETED, None), None),
        ((S.NO_LONGER_APPLICABLE, S.NO_LONGER_APPLICABLE), S.NO_LONGER_APPLICABLE),
        ((S.COMPLETED, S.NO_LONGER_APPLICABLE), S.COMPLETED),
        ((S.NOT_STARTED, S.NO_LONGER_APPLICABLE), S.NOT_STARTED),
        ((S.NOT_STARTED, S.COMPLETED), S.ONGOING),
        ((S.ONGOING,), S.ONGOING),
    ],
)
def test_roll_up_table(statuses: tuple[gt.Status | None, ...], expected: gt.Status | None) -> None:
    """A recommendation's status rolls up from its actions by the documented table."""
    recommendation = gt.Recommendation(text="r", actions=tuple(act(s) for s in statuses))
    assert expected is recommendation.effective_status(on=ON)


def test_summary_counts_rates_and_overdue() -> None:
    """summarize counts by status, computes the rate over applicable actions, groups overdue."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                actions=(
                    act(S.COMPLETED, "2021/07", who=("Unit A",)),
                    act(S.ONGOING, "2021/09", who=("Unit A", "Unit B")),
                    act(S.ONGOING, "2023/06", who=("Unit B",)),
                    act(S.NO_LONGER_APPLICABLE, "2020", who=("Unit C",)),
                    act(None, "2022/03"),
                    gt.Action(text="unknown word", status_text="Stalled"),
                )
            ),
        )
    )
    summary = gt.summarize(doc, on=ON)
    assert 6 == summary.total
    assert {S.NOT_STARTED: 0, S.ONGOING: 1, S.COMPLETED: 1, S.NO_LONGER_APPLICABLE: 1,
            S.OVERDUE: 2} == summary.by_status  # fmt: skip
    assert 1 == summary.unknown
    assert 1 / 5 == summary.implementation_rate
    assert ["(unassigned)", "Unit A", "Unit B"] == list(summary.overdue)
    assert [2] == [len({id(a) for v in summary.overdue.values() for a in v})]


def test_closure_rate_for_a_period() -> None:
    """The closure rate counts the completed among actions due in the period."""
    doc = [
        act(S.COMPLETED, "2022/03"),
        act(S.ONGOING, "2022/11"),
        act(S.NO_LONGER_APPLICABLE, "2022/05"),
        act(S.COMPLETED, "2021/12"),
    ]
    summary = gt.summarize(doc, on=ON, period=(D(2022, 1, 1), D(2022, 12, 31)))
    assert 0.5 == summary.closure_rate
    assert summary.closure_rate == gt.closure_rate(
        doc, start=D(2022, 1, 1), end=D(2022, 12, 31), on=ON
    )


def test_rate_is_none_when_nothing_is_applicable() -> None:
    """With only no-longer-applicable actions there is no implementation rate."""
    assert gt.implementation_rate([act(S.NO_LONGER_APPLICABLE)], on=ON) is None
    assert gt.summarize([], on=ON).implementation_rate is None


def test_summary_prints_for_a_person() -> None:
    """str(summary) says the counts and the rate in one line."""
    summary = gt.summarize([act(S.COMPLETED), act(S.ONGOING, "2020")], on=ON)
    assert "2 actions on 2023-01-31: 1 completed, 1 overdue; implemented 50%" == str(summary)


@given(documents, dates)
def test_counts_add_up(doc: gt.Document, on: dt.date) -> None:
    """Counts by status, unknown and resolving make the total; the rate lies in [0, 1]."""
    summary = gt.summarize(doc, on=on)
    assert summary.total == sum(summary.by_status.values()) + summary.unknown + summary.resolving
    assert summary.implementation_rate is None or 0 <= summary.implementation_rate <= 1


@given(st.lists(actions, max_size=6), dates)
def test_overdue_lists_hold_exactly_the_overdue(items: list[gt.Action], on: dt.date) -> None:
    """Every overdue action is listed under each of its parties, and nothing else is."""
    summary = gt.summarize(items, on=on)
    listed = {id(a) for group in summary.overdue.values() for a in group}
    expected = {id(a) for a in items if a.effective_status(on=on) is S.OVERDUE}
    assert expected == listed


@given(actions, dates, dates)
def test_overdue_is_monotonic_in_time(action: gt.Action, first: dt.date, second: dt.date) -> None:
    """Once overdue by its deadline, an open action stays overdue later."""
    early, late = sorted((first, second))
    if action.due is not None and action.effective_status(on=early) is S.OVERDUE:
        assert S.OVERDUE is action.effective_status(on=late)


def test_overdue_parties_are_trimmed_and_blank_ones_unassigned() -> None:
    """A party written with stray spaces is the same party; a blank one is no one; a
    party listed twice owes the action once."""
    due = gt.parse_due("2020")
    actions = [
        gt.Action(text="a", responsible=("HR ",), due=due),
        gt.Action(text="b", responsible=(" HR", "HR"), due=due),
        gt.Action(text="c", responsible=(" ",), due=due),
    ]
    summary = gt.summarize(actions, on=dt.date(2024, 1, 1))
    assert {"HR": ["a", "b"], gt.UNASSIGNED: ["c"]} == {
        party: [action.text for action in owed] for party, owed in summary.overdue.items()
    }


def _late_and_done() -> gt.Summary:
    late = act(S.ONGOING, "2022/06", who=("Unit A",))
    return gt.summarize([late, act(S.COMPLETED)], on=ON)


def test_asdict_of_a_summary_gives_plain_dicts_as_before() -> None:
    """Regression: when Summary's maps became read-only, attrs.asdict stopped recursing into
    them (it recurses into dicts only): overdue came out as a map of Action objects, not of
    dicts as it did when Summary held dicts."""
    summary = _late_and_done()
    late = summary.overdue["Unit A"][0]
    expected = {
        "on": ON,
        "total": 2,
        "by_status": dict.fromkeys(S, 0) | {S.COMPLETED: 1, S.OVERDUE: 1},
        "unknown": 0,
        "implementation_rate": 0.5,
        "resolving": 0,
        "closure_rate": None,
        "period": None,
        "overdue": {"Unit A": (attrs.asdict(late),)},
    }
    actual = attrs.asdict(summary)
    assert expected == actual
    assert (dict, dict, dict) == (
        type(actual["by_status"]),
        type(actual["overdue"]),
        type(actual["overdue"]["Unit A"][0]),
    )
    old_style = attr.asdict(summary)  # the classic API turns tuples into lists
    assert [attr.asdict(late)] == old_style["overdue"]["Unit A"]


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.clear(),
        lambda m: m.pop(S.COMPLETED),
        lambda m: m.popitem(),
        lambda m: m.setdefault(S.COMPLETED, 9),
        lambda m: m.update({S.COMPLETED: 9}),
        lambda m: m.__init__({S.COMPLETED: 9}),
        lambda m: m.__ior__({S.COMPLETED: 9}),
        lambda m: m.__setitem__(S.COMPLETED, 9),
        lambda m: m.__delitem__(S.COMPLETED),
    ],
)
def test_a_summarys_maps_refuse_every_change(change: Callable[[Any], object]) -> None:
    """Every method by which a dict changes is refused on a summary's maps, which stay
    hashable and equal to the dicts they hold."""
    summary = _late_and_done()
    before = (str(summary), hash(summary), dict(summary.by_status), dict(summary.overdue))
    for mapping in (summary.by_status, summary.overdue):
        with pytest.raises(TypeError):
            change(mapping)
    after = (str(summary), hash(summary), dict(summary.by_status), dict(summary.overdue))
    assert before == after


def test_deemed_consent_is_no_owed_action_in_summaries() -> None:
    """Regression: a deemed-consent rule with no recorded status was counted ONGOING (then
    COMPLETED) in the counts and the implementation rate; it is counted apart, as resolving."""
    rule = gt.Decision(text="silence is consent", due=gt.parse_due("20 March 2024"),
                       deemed_consent=True)  # fmt: skip
    task = gt.Decision(text="send the prices", responsible=("Stores",), status=S.COMPLETED)
    late = gt.Decision(text="hire", responsible=("HR",), due=gt.parse_due("2024-03-01"))
    actions = [rule, task, late]
    before, after = (
        gt.summarize(actions, on=D(2024, 3, 15)),
        gt.summarize(actions, on=D(2024, 4, 1)),
    )
    expected = [
        (3, 1, 0, 0, 0.5, 0.5),
        (3, 1, 0, 0, 0.5, 0.5),
    ]
    actual = [
        (
            s.total,
            s.resolving,
            s.by_status[S.ONGOING],
            s.unknown,
            s.implementation_rate,
            gt.implementation_rate(actions, on=s.on),
        )
        for s in (before, after)
    ]
    assert expected == actual
    assert (
        "3 actions on 2024-03-15: 1 completed, 1 overdue, 1 resolving by itself; implemented 50%"
        == str(before)
    )


def test_deemed_consent_with_a_recorded_status_is_followed_up() -> None:
    """A deemed-consent rule whose source records a status is owed like any action."""
    rule = gt.Decision(text="silence is consent", due=gt.parse_due("2024-03-20"),
                       deemed_consent=True, status=S.ONGOING)  # fmt: skip
    summary = gt.summarize([rule], on=D(2024, 3, 15))
    assert (0, 1, 0.0) == (
        summary.resolving,
        summary.by_status[S.ONGOING],
        summary.implementation_rate,
    )


def _containers() -> list[object]:
    """One record of each kind that holds actions, with made-up actions of mixed statuses."""
    key_actions = (act(S.COMPLETED, "2022/03", who=("Unit A",)), act(S.ONGOING, "2022/06"))
    later = (act(S.NO_LONGER_APPLICABLE), act(S.COMPLETED, "2022/12"), act(None, "2023/06"))
    recommendation = gt.Recommendation(text="Strengthen monitoring", actions=key_actions)
    evaluation = gt.Evaluation(
        title="Country programme evaluation",
        recommendations=(recommendation, gt.Recommendation(text="Train staff", actions=later)),
    )
    meeting = gt.Meeting(
        title="Steering committee",
        decisions=(
            gt.Decision(text="Circulate the draft", status=S.COMPLETED),
            gt.Decision(text="Comment by 02 May 2019", due=gt.parse_due("02 May 2019"),
                        deemed_consent=True),
        ),
    )  # fmt: skip
    report = gt.ProgressReport(
        title="Gender working group, Q4",
        activities=(
            gt.Activity(text="Hold a workshop", status=S.ONGOING, due=gt.parse_due("2022")),
        ),
    )
    plan = gt.ActionPlan(actions=(act(S.NOT_STARTED), act(S.COMPLETED)))
    document = gt.Document(evaluations=(evaluation,), meetings=(meeting,), reports=(report,),
                           plans=(plan,))  # fmt: skip
    return [recommendation, evaluation, meeting, report, plan, document]


@pytest.mark.parametrize("container", _containers(), ids=lambda c: type(c).__name__)
def test_rates_and_summary_take_any_record_that_holds_actions(container: Any) -> None:
    """Regression: implementation_rate, closure_rate and summarize raised "'Recommendation'
    object is not iterable" for a recommendation or an evaluation (DESIGN: the rate of a
    response, an evaluation); every container now counts its own actions, as a list does."""
    actions = list(container.actions)
    period = (D(2022, 1, 1), D(2022, 12, 31))
    expected = (
        gt.implementation_rate(actions, on=ON),
        gt.closure_rate(actions, start=period[0], end=period[1], on=ON),
        gt.summarize(actions, on=ON, period=period),
    )
    actual = (
        gt.implementation_rate(container, on=ON),
        gt.closure_rate(container, start=period[0], end=period[1], on=ON),
        gt.summarize(container, on=ON, period=period),
    )
    assert expected == actual


def test_every_container_has_its_actions_in_order() -> None:
    """.actions of an evaluation is its recommendations' key actions, of a meeting its
    decisions, of a report its activities; a document's are theirs, root by root."""
    _recommendation, evaluation, meeting, report, plan, document = _containers()
    assert isinstance(evaluation, gt.Evaluation)
    assert isinstance(meeting, gt.Meeting)
    assert isinstance(report, gt.ProgressReport)
    assert isinstance(plan, gt.ActionPlan)
    assert isinstance(document, gt.Document)
    expected = (
        tuple(a for rec in evaluation.recommendations for a in rec.actions),
        meeting.decisions,
        report.activities,
        (*evaluation.actions, *meeting.actions, *report.actions, *plan.actions),
    )
    actual = (evaluation.actions, meeting.actions, report.actions, document.actions)
    assert expected == actual
    assert [gt.Actions] * 4 == [type(found) for found in actual]


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (3, "not int 3"),
        ("Hire staff", "not str 'Hire staff'"),
        ({"text": "x"}, "not dict {'text': 'x'}"),
        (gt.Action(text="x"), "not Action Action(text='x'"),
        ([gt.Evaluation(title="E")], "not a list holding Evaluation Evaluation(title='E'"),
        ([gt.Action(text="x"), None], "not a list holding NoneType None at [1]"),
    ],
)
@pytest.mark.parametrize("function", ["implementation_rate", "closure_rate", "summarize"])
def test_rates_refuse_what_is_not_actions_by_name(function: str, source: object, said: str) -> None:
    """Anything but a Document, a container of actions or actions is a TypeError naming the
    function's argument, what it takes and what came, never an AttributeError from deep inside."""
    call: Callable[..., object] = getattr(gt, function)
    options: dict[str, Any] = {"on": ON}
    if function == "closure_rate":
        options |= {"start": D(2022, 1, 1), "end": D(2022, 12, 31)}
    with pytest.raises(TypeError) as raised:
        call(source, **options)
    message = str(raised.value)
    expected = (True, True, True)
    actual = (
        message.startswith(f"{function}(source) takes a Document, an Evaluation, "),
        "or an iterable of Actions" in message,
        said in message,
    )
    assert expected == actual, message


def test_a_list_of_containers_is_refused_with_a_hint() -> None:
    """A list of evaluations (a portfolio) is refused with the hint to pass their actions."""
    portfolio: Any = [gt.Evaluation(title="E")]  # what the annotations refuse, as a caller may
    with pytest.raises(TypeError, match=r"at \[0\] \(pass its \.actions, or the container"):
        gt.implementation_rate(portfolio, on=ON)


@given(documents, dates)
def test_a_documents_rate_is_the_rate_of_its_roots_actions(doc: gt.Document, on: dt.date) -> None:
    """Summarising a document is summarising every root's actions, root by root, in order."""
    roots: tuple[gt.Evaluation | gt.Meeting | gt.ProgressReport | gt.ActionPlan, ...] = (
        *doc.evaluations,
        *doc.meetings,
        *doc.reports,
        *doc.plans,
    )
    actions = [action for root in roots for action in root.actions]
    assert gt.summarize(actions, on=on) == gt.summarize(doc, on=on)
    for root in roots:
        assert gt.implementation_rate(list(root.actions), on=on) == gt.implementation_rate(
            root, on=on
        )
