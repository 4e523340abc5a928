"""Validation rules: each code fires where it should, and only there."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
from strategies import dates, documents, dues, written_dues

ON = dt.date(2023, 1, 31)
HERE = gt.Location(sheet="Matrix", cell="A5")


def clean_action(**changes: object) -> gt.Action:
    fields: dict[str, object] = {
        "text": "Draft the framework",
        "ref": "1",
        "responsible": ("M&E Unit",),
        "due": gt.parse_due("2023/06"),
        "status": gt.Status.ONGOING,
        "status_text": "Ongoing",
        "comments": "Drafting",
        "origin": HERE,
    }
    fields.update(changes)
    return gt.Action(**fields)  # type: ignore[arg-type]


def plan(*items: gt.Action) -> gt.Document:
    return gt.Document(plans=(gt.ActionPlan(actions=items),))


def codes(doc: gt.Document) -> list[str]:
    return [issue.code for issue in gt.validate(doc, on=ON)]


def test_clean_document_has_no_issues() -> None:
    """A complete, on-time document passes every rule."""
    assert [] == codes(plan(clean_action()))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"status": None, "status_text": "Stalled"}, "GT101"),
        ({"responsible": ()}, "GT102"),
        ({"due": None}, "GT103"),
        ({"due": None, "due_text": "soon"}, "GT104"),
        ({"status": gt.Status.COMPLETED, "comments": ""}, "GT105"),
        ({"due": gt.parse_due("2022/06")}, "GT110"),
    ],
)
def test_action_rules(changes: dict[str, object], code: str) -> None:
    """Each action rule reports its code for the fault it names, at the action's cell."""
    issues = gt.validate(plan(clean_action(**changes)), on=ON)
    assert [code] == [issue.code for issue in issues]
    assert "Matrix!A5" == str(issues[0].location)


def test_unknown_status_message_names_word_and_expectation() -> None:
    """GT101's message names the word found and the words expected."""
    (issue,) = gt.validate(plan(clean_action(status=None, status_text="Stalled")), on=ON)
    assert "'Stalled'" in issue.message
    assert "Completed" in issue.message
    assert gt.Severity.ERROR is issue.severity


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        ("Spending", "(did you mean 'Pending' (Not started)?)"),
        ("Stated", "(did you mean 'Started' (Ongoing)?)"),
        ("Competed", "(did you mean 'Completed'?)"),
        ("Not strated", "(did you mean 'Not started'?)"),
    ],
)
def test_unknown_status_suggests_the_near_word_and_its_status(word: str, hint: str) -> None:
    """Regression: GT101's hint named the status a near word maps to, not the word it is
    near (``Spending``: "did you mean Not started?", though it is near ``Pending``); it
    quotes the status word and, when it is another word, the status it reads as."""
    (issue,) = gt.validate(plan(clean_action(status=None, status_text=word)), on=ON)
    assert issue.message.endswith(hint)


@pytest.mark.parametrize(
    "text",
    ["soon", "Jun-24", "Q3-24", "S1-24", "2011/12", "03/04/2024", "31/02/2024", "2025/2024",
     "Dec 2008 – March 2007", "Q5 2024"],
)  # fmt: skip
def test_unreadable_deadline_message_carries_parse_dues_reason(text: str) -> None:
    """GT104 says why the deadline was refused, in parse_due's words (which say what was
    expected), not a generic list of examples (regression: 'Jun-24' got only 'expected e.g.')."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    (issue,) = gt.validate(plan(clean_action(due=None, due_text=text)), on=ON)
    expected = (
        f"action 1 'Draft the framework': deadline {text!r} is not a date govtrack can read; "
        f"{caught.value.reason}"
    )
    assert ("GT104", expected) == (issue.code, issue.message)


def test_unreadable_two_digit_year_says_which_year_to_write() -> None:
    """GT104 on 'Jun-24' tells the partner to write 2024 (or '24)."""
    (issue,) = gt.validate(plan(clean_action(due=None, due_text="Jun-24")), on=ON)
    assert issue.message.endswith("a two-digit year is ambiguous; write 2024 (or '24)")


@pytest.mark.parametrize(
    ("text", "reading"),
    [("Q1 2023", "2023-01-01 to 2023-03-31"), ("2021/07", "2021-07-01 to 2021-07-31")],
)
def test_a_readable_deadline_text_without_a_due_says_how_to_set_it(text: str, reading: str) -> None:
    """Regression: an action built in code with a readable due_text and no due got GT104
    saying the text 'is not a date govtrack can read'; it is still GT104 (an error: the
    action is never overdue), saying how the text reads and how to set due."""
    (issue,) = gt.validate(plan(clean_action(due=None, due_text=text)), on=ON)
    expected = (
        f"action 1 'Draft the framework': deadline text {text!r} reads as a deadline "
        f"({reading}) but the action has no due, so it is never overdue: "
        f"set due=gt.parse_due({text!r})"
    )
    assert ("GT104", gt.Severity.ERROR, expected) == (issue.code, issue.severity, issue.message)


@given(st.one_of(written_dues, dues, st.text(max_size=30)))
def test_gt104_calls_a_text_unreadable_only_when_parse_due_refuses_it(
    written: gt.Due | str,
) -> None:
    """A deadline text kept with no due is GT104 either way: 'not a date govtrack can read'
    when parse_due refuses it, and otherwise how it reads, with a fix that gives that due."""
    text = written.text if isinstance(written, gt.Due) else written
    assume(text.strip())
    (issue,) = gt.validate(plan(clean_action(due=None, due_text=text)), on=ON)
    try:
        due = gt.parse_due(text)
    except gt.DueParseError:
        assert ("GT104", True) == (issue.code, "is not a date govtrack can read" in issue.message)
        return
    fix = f"set due=gt.parse_due({text!r})"
    assert ("GT104", True, True) == (
        issue.code,
        issue.message.endswith(fix),
        f"({due.start} to {due.end})" in issue.message,
    )


def test_completed_with_an_update_needs_no_comment() -> None:
    """A completed action whose only note is a dated update is not GT105."""
    action = clean_action(
        status=gt.Status.COMPLETED, comments="", updates=(gt.Update(text="done"),)
    )
    assert [] == codes(plan(action))


def recommendation(
    category: gt.ResponseCategory | None, *items: gt.Action, ref: str = "1"
) -> gt.Recommendation:
    return gt.Recommendation(
        text="Strengthen monitoring",
        ref=ref,
        response=gt.ManagementResponse(category=category),
        actions=items,
    )


def test_recommendation_rules() -> None:
    """Accepted without actions is GT106; rejected with actions is GT107."""
    doc = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="E",
                recommendations=(
                    recommendation(gt.ResponseCategory.ACCEPTED, ref="1"),
                    recommendation(gt.ResponseCategory.REJECTED, clean_action(), ref="2"),
                    recommendation(gt.ResponseCategory.REJECTED, ref="3"),
                    recommendation(None, ref="4"),
                ),
            ),
        )
    )
    assert ["GT106", "GT107"] == codes(doc)


def test_unknown_category() -> None:
    """A category word govtrack does not know is GT111."""
    rec = gt.Recommendation(text="r", response=gt.ManagementResponse(category_text="Noted"))
    assert ["GT111"] == codes(
        gt.Document(evaluations=(gt.Evaluation(title="E", recommendations=(rec,)),))
    )


def test_duplicate_refs() -> None:
    """Two actions with the same ref in one list are GT108, citing the first."""
    doc = plan(
        clean_action(ref="1.1"),
        clean_action(ref="1.1.", origin=gt.Location(sheet="Matrix", cell="A9")),
    )
    (issue,) = gt.validate(doc, on=ON)
    assert ("GT108", "Matrix!A9") == (issue.code, str(issue.location))
    assert "Matrix!A5" in issue.message


def test_deadline_before_meeting() -> None:
    """A decision due before the meeting that took it is GT109."""
    meeting = gt.Meeting(
        title="Review workshop",
        date=dt.date(2019, 4, 23),
        decisions=(
            gt.Decision(
                text="Send comments", responsible=("Ministries",), due=gt.parse_due("2019-04-01")
            ),
            gt.Decision(text="Revise", responsible=("Division",), due=gt.parse_due("2019-05-05")),
        ),
    )
    assert ["GT109", "GT110", "GT110"] == codes(gt.Document(meetings=(meeting,)))


def test_select_and_ignore_by_code_or_prefix() -> None:
    """Issues are kept or dropped by code or prefix, as a linter selects rules."""
    doc = plan(
        clean_action(status=None, status_text="Stalled", responsible=(), due=gt.parse_due("2020"))
    )
    assert ["GT101", "GT102", "GT110"] == codes(doc)
    assert ["GT101"] == [i.code for i in gt.validate(doc, on=ON, select=["GT101"])]
    assert ["GT101", "GT102"] == [i.code for i in gt.validate(doc, on=ON, ignore=["GT11"])]
    assert ["GT102"] == [
        i.code for i in gt.validate(doc, on=ON, select=["gt1"], ignore=["GT101", "GT110"])
    ]


def test_reader_problems_come_first_and_are_selectable() -> None:
    """A reader's problems are part of validation, first, and selectable by code."""
    problem = gt.Problem(code="GT201", message="header missing", location=HERE)
    doc = gt.Document(plans=(gt.ActionPlan(actions=(clean_action(),)),), problems=(problem,))
    assert [problem] == gt.validate(doc, on=ON)
    assert [] == gt.validate(doc, on=ON, ignore=["GT2"])


def test_every_rule_is_documented() -> None:
    """Every registered code appears in the module's table with its severity."""
    doc = importlib.import_module("govtrack.validate").__doc__ or ""
    for registered in gt.RULES:
        row = next(line for line in doc.splitlines() if line.startswith(registered.code))
        assert registered.severity.value in row


def test_codes_are_unique() -> None:
    """No two rules share a code."""
    assert len({r.code for r in gt.RULES}) == len(gt.RULES)


@given(documents, dates)
def test_validate_never_raises_and_locations_print(doc: gt.Document, on: dt.date) -> None:
    """Validation of any document returns issues whose text names their code."""
    for issue in gt.validate(doc, on=on):
        assert issue.code in str(issue)


def test_a_deemed_consent_decision_owes_no_responsible_party() -> None:
    """A rule that resolves on its date has nobody to chase; an ordinary decision does."""

    def meeting(*, deemed: bool) -> gt.Document:
        decision = gt.Decision(
            text="Adopted unless an objection arrives",
            due=gt.Due.day(dt.date(2023, 3, 1)),
            deemed_consent=deemed,
        )
        return gt.Document(meetings=(gt.Meeting(title="Board", decisions=(decision,)),))

    assert ([], ["GT102"]) == (
        [i.code for i in gt.validate(meeting(deemed=True), on=ON, select=["GT102"])],
        [i.code for i in gt.validate(meeting(deemed=False), on=ON, select=["GT102"])],
    )


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_a_code_that_selects_nothing_is_refused(option: str) -> None:
    """validate(ignore=["GT11O"]) ignored nothing in silence: it is refused as the CLI refuses it."""
    doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),))
    with pytest.raises(gt.UnknownCodeError) as caught:
        gt.validate(doc, on=ON, **{option: ["GT11O"]})
    expected = (
        f"validate({option}=...) GT11O: no problem code starts with it; the codes are "
        "GT101-GT115 (rules), GT2xx (workbooks) and GT3xx (text), listed by 'govtrack codes'"
    )
    assert (expected, True) == (str(caught.value), isinstance(caught.value, ValueError))


def test_codes_of_a_documents_own_problems_and_of_added_rules_are_known() -> None:
    """A problem code the document carries (from another tool) or a rule an application
    appended can be selected; only a code nothing has is refused."""
    problem = gt.Problem(code="XY001", message="from elsewhere")
    doc = gt.Document(problems=(problem,))
    assert ["XY001"] == [issue.code for issue in gt.validate(doc, on=ON, select=["xy"])]
    assert [] == gt.validate(doc, on=ON, ignore=["XY001", "GT2", ""])
