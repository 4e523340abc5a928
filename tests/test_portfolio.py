"""A portfolio of files: ``gt.combine``, the rates over several documents, GT113."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import govtrack as gt
from strategies import documents

ON = dt.date(2024, 3, 31)


def _action(
    file: str, line: int, status: gt.Status | None, *, ref: str = "2.2", text: str = ""
) -> gt.Action:
    return gt.Action(
        ref=ref,
        text=text or "Train the district staff on the reporting module.",
        responsible=("M&E Unit",),
        due=gt.parse_due("2023/12"),
        status=status,
        origin=gt.Location(file=file, line=line),
    )


def _plan(*actions: gt.Action, source: str = "") -> gt.Document:
    return gt.Document(plans=(gt.ActionPlan(title="Plan", actions=actions),), source=source)


def test_combine_keeps_every_container_in_order_and_every_problem() -> None:
    """combine holds each document's evaluations, then meetings, reports and plans, in the
    order the documents are given, and all their problems."""
    problem_a = gt.Problem(code="GT349", message="a", location=gt.Location(file="a.md", line=5))
    problem_b = gt.Problem(code="GT101", message="b", location=gt.Location(file="b.xlsx"))
    a = gt.Document(
        evaluations=(gt.Evaluation(title="E1"),),
        meetings=(gt.Meeting(title="M1"),),
        problems=(problem_a,),
        source="a.md",
    )
    b = gt.Document(
        evaluations=(gt.Evaluation(title="E2"),),
        reports=(gt.ProgressReport(title="R2"),),
        plans=(gt.ActionPlan(title="P2"),),
        problems=(problem_b,),
        source="b.xlsx",
    )
    both = gt.combine(a, b)
    expected = (["E1", "E2"], ["M1"], ["R2"], ["P2"], (problem_a, problem_b), "")
    actual = (
        [e.title for e in both.evaluations],
        [m.title for m in both.meetings],
        [r.title for r in both.reports],
        [p.title for p in both.plans],
        both.problems,
        both.source,
    )
    assert expected == actual


def test_combine_takes_an_iterable_and_one_document_is_itself() -> None:
    """combine(a, b) == combine([a, b]); combine(a) is a, source included; combine() is empty."""
    a = _plan(_action("a.txt", 1, gt.Status.ONGOING), source="a.txt")
    b = _plan(_action("b.txt", 2, gt.Status.COMPLETED), source="b.txt")
    expected = (True, True, "a.txt", True, 2)
    actual = (
        gt.combine(a, b) == gt.combine(iter([a, b])),
        gt.combine(a) == a,
        gt.combine(a).source,
        gt.combine() == gt.Document(),
        len(gt.combine(a, a).actions),
    )
    assert expected == actual


@pytest.mark.parametrize("given_", ["a.json", 3, [gt.Document(), "b.json"]])
def test_combine_refuses_what_is_not_documents(given_: Any) -> None:
    """A path or anything else that is not a Document is a TypeError saying what combine takes."""
    with pytest.raises(TypeError, match=r"combine\(\) takes Documents"):
        gt.combine(given_)


def test_rates_count_an_iterable_of_documents() -> None:
    """summarize, implementation_rate and closure_rate take several documents, as combined."""
    a = _plan(_action("a.txt", 1, gt.Status.COMPLETED, ref="1"))
    b = _plan(_action("b.txt", 1, gt.Status.ONGOING, ref="2", text="Buy the tapes."))
    period = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    expected = (gt.summarize(gt.combine(a, b), on=ON, period=period), 0.5, 0.5)
    actual = (
        gt.summarize([a, b], on=ON, period=period),
        gt.implementation_rate((a, b), on=ON),
        gt.closure_rate([a, b], start=period[0], end=period[1], on=ON),
    )
    assert expected == actual


def test_a_list_mixing_documents_and_actions_is_refused() -> None:
    """A list of Documents and Actions together is a TypeError naming the first odd item."""
    mixed: Any = [gt.Action(text="x"), gt.Document()]
    with pytest.raises(TypeError, match=r"at \[1\] \(Documents are counted together only"):
        gt.summarize(mixed, on=ON)


@given(documents, documents)
def test_summary_of_a_combination_adds_the_summaries(a: gt.Document, b: gt.Document) -> None:
    """summarize(combine(a, b)) counts what summarize(a) and summarize(b) count, added."""
    one, two, both = (gt.summarize(d, on=ON) for d in (a, b, gt.combine(a, b)))
    expected = (
        one.total + two.total,
        {s: one.by_status[s] + two.by_status[s] for s in gt.Status},
        one.unknown + two.unknown,
        one.resolving + two.resolving,
        {p: len(one.overdue.get(p, ())) + len(two.overdue.get(p, ())) for p in both.overdue},
    )
    actual = (
        both.total,
        dict(both.by_status),
        both.unknown,
        both.resolving,
        {p: len(actions) for p, actions in both.overdue.items()},
    )
    assert expected == actual


def _gt113(doc: gt.Document) -> list[str]:
    return [str(i) for i in gt.validate(doc, on=ON, select=["GT113"])]


def test_gt113_the_same_action_in_two_files_with_different_statuses() -> None:
    """The same action (text and party) in two files is a warning at the second, naming the
    first, both cited with their file, and their statuses as they differ."""
    a = _plan(_action("a.xlsx", 3, gt.Status.NOT_STARTED))
    b = _plan(
        _action(
            "b.txt", 5, gt.Status.ONGOING, text="train the district  staff on the reporting module."
        )
    )
    message = (
        "line 5: GT113 action 2.2 'train the district  staff on the reporting module.': the "
        "same action is in a.xlsx: line 3 (Not started) and b.txt: line 5 (Ongoing): counted "
        "twice in the rates"
    )
    expected = [message]
    assert expected == _gt113(gt.combine(a, b))


def test_gt113_same_status_and_ref_instead_of_party() -> None:
    """With equal statuses none is named; the same ref and text match with no party."""
    first = _action("a.txt", 3, gt.Status.ONGOING)
    second = _action("b.txt", 7, gt.Status.ONGOING)
    a = _plan(gt.Action(text=first.text, ref="4", origin=first.origin, status=first.status))
    b = _plan(gt.Action(text=second.text, ref="4.", origin=second.origin, status=second.status))
    message = (
        "line 7: GT113 action 4. 'Train the district staff on the reporting module.': the "
        "same action is in a.txt: line 3 and b.txt: line 7: counted twice in the rates"
    )
    expected = [message]
    assert expected == _gt113(gt.combine(a, b))


@pytest.mark.parametrize(
    "second",
    [
        _action("a.txt", 9, gt.Status.ONGOING),  # one file: GT108's business
        _action("b.txt", 9, gt.Status.ONGOING, ref="3", text="Train the district staff."),
        gt.Action(
            text="Train the district staff on the reporting module.",
            ref="9",
            responsible=("HR Unit",),
            origin=gt.Location(file="b.txt", line=9),
        ),
    ],
)
def test_gt113_narrowly_not(second: gt.Action) -> None:
    """Not within one file, nor for another text, nor for another party and another ref."""
    a = _plan(_action("a.txt", 3, gt.Status.ONGOING))
    assert [] == _gt113(gt.combine(a, _plan(second)))


def test_gt113_a_party_in_common_is_enough() -> None:
    """An action owed by the M&E Unit in one file and jointly with the Health Unit in another
    (another ref) is the same action."""
    first = _action("a.txt", 3, gt.Status.ONGOING, ref="1")
    second = gt.Action(
        text=first.text.upper(),
        ref="2.2",
        responsible=("Health Unit", "M&E  Unit"),
        origin=gt.Location(file="b.xlsx", sheet="Plan", cell="F9"),
    )
    found = _gt113(gt.combine(_plan(first), _plan(second)))
    said = "a.txt: line 3 (Ongoing) and b.xlsx: Plan!F9 (no status): counted twice"
    assert (1, True) == (len(found), all(said in line for line in found))


def test_gt113_is_a_warning_listed_among_the_rules() -> None:
    """GT113 is registered as a warning."""
    expected = [gt.Severity.WARNING]
    assert expected == [r.severity for r in gt.RULES if r.code == "GT113"]


def _minutes(committee: str, day: str) -> str:
    return (
        f"Minutes of the {committee} Committee meeting\nDate: {day} March 2024\n\n"
        "Decisions:\n1. The Secretariat will circulate the minutes to members by 20 March 2024.\n"
    )


def test_gt113_not_for_one_decision_of_two_meetings(tmp_path: Path) -> None:
    """Regression: the same decision words in two meetings' minutes (another committee,
    another day) were GT113, though they are two decisions; the same meeting's minutes in
    two files still are."""
    for name, committee, day in [("finance", "Finance", "12"), ("audit", "Audit", "14")]:
        (tmp_path / f"{name}.md").write_text(_minutes(committee, day), encoding="utf-8")
    (tmp_path / "copy.md").write_text(_minutes("Finance", "12"), encoding="utf-8")
    finance, audit, copy = (gt.load(tmp_path / f"{n}.md") for n in ("finance", "audit", "copy"))
    expected: tuple[list[str], int] = ([], 1)
    assert expected == (_gt113(gt.combine(finance, audit)), len(_gt113(gt.combine(finance, copy))))


def _evaluation(title: str, owner: str, file: str) -> gt.Document:
    action = gt.Action(
        ref="1.1",
        text="Develop a monitoring plan",
        responsible=(owner,),
        origin=gt.Location(file=file, sheet="MR matrix", cell="I9"),
    )
    recommendation = gt.Recommendation(ref="1", text="Monitor.", actions=(action,))
    return gt.Document(evaluations=(gt.Evaluation(title=title, recommendations=(recommendation,)),))


@pytest.mark.parametrize(
    ("title", "owner", "found"),
    [
        ("Evaluation of the Peru programme", "CO Peru", 0),  # another evaluation
        ("Evaluation of the country programme", "CO Peru", 0),  # the same ref, other owners
        ("Evaluation of the country programme", "CO  kenya", 1),  # the same action
        ("Evaluation of the  Country programme", "", 1),  # the same ref, no owner said
    ],
)
def test_gt113_the_ref_key_within_one_evaluation_with_parties_in_common(
    title: str, owner: str, found: int
) -> None:
    """Regression: two offices' evaluations, each with '1.1 Develop a monitoring plan' owed
    by CO Kenya and by CO Peru, were GT113 by their ref. The same ref and text are the same
    action only in the same evaluation (title), its parties not disjoint."""
    kenya = _evaluation("Evaluation of the country programme", "CO Kenya", "kenya.xlsx")
    other = _evaluation(title, owner, "other.xlsx")
    assert found == len(_gt113(gt.combine(kenya, other)))


def test_gt113_containers_of_another_kind_or_date_are_others() -> None:
    """An evaluation's key action and a plan's with the same text and party are not the same
    action; nor are two reports' activities of another period, or two plans' of another title."""
    text, party = "Train the district staff.", ("M&E Unit",)

    def act(cls: type[gt.Action], file: str) -> Any:
        return cls(text=text, responsible=party, origin=gt.Location(file=file, line=2))

    def report(period: str, file: str) -> gt.Document:
        activity = act(gt.Activity, file)
        return gt.Document(
            reports=(gt.ProgressReport(title="R", period_text=period, activities=(activity,)),)
        )

    def plan(title: str, file: str) -> gt.Document:
        return gt.Document(plans=(gt.ActionPlan(title=title, actions=(act(gt.Action, file),)),))

    evaluation = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="Plan",
                recommendations=(gt.Recommendation(text="r", actions=(act(gt.Action, "a"),)),),
            ),
        )
    )
    expected: tuple[list[str], list[str], list[str], int, int] = ([], [], [], 1, 1)
    actual = (
        _gt113(gt.combine(evaluation, plan("Plan", "b"))),
        _gt113(gt.combine(report("Q1 2024", "a"), report("Q2 2024", "b"))),
        _gt113(gt.combine(plan("Plan A", "a"), plan("Plan B", "b"))),
        len(_gt113(gt.combine(report("Q1 2024", "a"), report("q1  2024", "b")))),
        len(_gt113(gt.combine(plan("Plan A", "a"), plan("plan a", "b")))),
    )
    assert expected == actual
