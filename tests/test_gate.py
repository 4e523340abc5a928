"""The tracking-system export reader and writer (``format="gate"``)."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import gate
from govtrack.model.status import near_status_word
from strategies import (
    CONTEXT_WORDS,
    common_words_near_status,
    context_dues,
    dues,
    evaluations,
    gate_key_action_lines,
    indents,
    interior_misspelt_status_words,
    misspelt_status_words,
    slipped_status_words,
    status_qualifiers,
    status_words,
    two_digit_year_dues,
    unread_deadline_words,
    written_days,
    written_dues,
)

DATA = Path(__file__).parent / "data" / "gate"


def _read(name: str) -> gt.Document:
    return gate.loads((DATA / name).read_text(encoding="utf-8"), source=name)


def _codes(doc: gt.Document) -> list[str]:
    return [problem.code for problem in doc.problems]


# ---------------------------------------------------------------------------
# The basic page


def test_header_fields_summary_and_approval() -> None:
    """The ': ' header lines give office, period, title and country; the paragraphs the summary."""
    evaluation = _read("basic.txt").evaluations[0]
    expected = (
        "Final evaluation of the rural water and women’s livelihoods programme 2018–2021",
        "Northern Highlands (CO)",
        "2021 - 2022",
        "Northern Highlands",
        "Approved",
        {"Office name": "Northern Highlands"},
    )
    actual = (
        evaluation.title,
        evaluation.office,
        evaluation.period,
        evaluation.country,
        evaluation.approval,
        dict(evaluation.extra),
    )
    assert expected == actual
    assert evaluation.summary.startswith("Management thanks the evaluation team")
    assert evaluation.summary.endswith("twice a year.")
    assert "\n\n" in evaluation.summary


def test_recommendation_refs_inside_the_text() -> None:
    """`Recommendation: 1.1: …` and `Recommendation: 2. …` give the ref and the text after it."""
    recs = _read("basic.txt").evaluations[0].recommendations
    expected = [
        ("1.1", "Put a results framework with baselines in place before any new project starts."),
        ("2", "Close the pilot on mobile payments."),
    ]
    assert expected == [(rec.ref, rec.text) for rec in recs]


def test_response_category_and_tags() -> None:
    """Category, tags split at commas, and "Not applicable" as an empty tuple."""
    first, second = (rec.response for rec in _read("basic.txt").evaluations[0].recommendations)
    expected_first = gt.ManagementResponse(
        text="Agreed. The office will fund baseline surveys from the start of each new project.",
        category=gt.ResponseCategory.ACCEPTED,
        category_text="Accepted",
        thematic_areas=("Governance and planning",),
        operating_principles=("Capacity development", "National ownership"),
        organisational_priorities=(),
        uneg_criteria=("Effectiveness", "Efficiency"),
    )
    assert expected_first == first
    expected_second = gt.ManagementResponse(
        organisational_priorities=("Partnership",), uneg_criteria=("Sustainability",)
    )
    assert expected_second == second


def test_key_actions_split_on_deadline_and_status() -> None:
    """Ref, text, responsible, deadline and status come apart; multi-word statuses are anchors."""
    actions = _read("basic.txt").actions
    expected = [
        ("1.1", "Commission a baseline survey in the three pilot districts.", ("Planning Unit",),
         "2021/09", "Completed"),
        ("1.2", ("Train partner staff on the results framework; include the Ministry?s focal "
         "points."), ("Planning Unit and partners",), "2022/03", "Over due"),
        ("3", "Publish the framework on the office website", ("Planning Unit",), "2022/06",
         "Not Initiated"),
        ("4", "Review the framework with the “water users” committees – twice a year.",
         ("Ministère de la Santé", "Oficina de Género"), "2022/12", "Ongoing"),
        ("1", "Hand the pilot over to the district authority.", ("Planning Unit",), "2021/12",
         "No Longer Applicable"),
        ("2", "Write a lessons-learned note.", ("Knowledge Unit",), "2022/02", "Completed"),
    ]  # fmt: skip
    actual = [(a.ref, a.text, a.responsible, a.deadline_text, a.status_text) for a in actions]
    assert expected == actual
    expected_statuses = [
        gt.Status.COMPLETED,
        gt.Status.OVERDUE,
        gt.Status.NOT_STARTED,
        gt.Status.ONGOING,
        gt.Status.NO_LONGER_APPLICABLE,
        gt.Status.COMPLETED,
    ]
    assert expected_statuses == [action.status for action in actions]
    assert [] == _codes(_read("basic.txt"))


def test_comments_and_dated_updates() -> None:
    """`Mar 2023 Update:`, `Jun 23 Update:` and `Sep 2023:` become updates; the rest stays."""
    actions = _read("basic.txt").actions
    assert "The training was postponed twice." == actions[1].comments
    expected = (
        gt.Update(text="A date is now fixed with the ministry.", on=gt.parse_due("Mar 2023")),
        gt.Update(
            text="Training held for 40 staff.", on=gt.parse_due("Jun 23", two_digit_year=True)
        ),
    )
    assert expected == actions[1].updates
    assert ("First review done in May.", (gt.Update(text="Second review planned.",
            on=gt.parse_due("Sep 2023")),)) == (actions[3].comments, actions[3].updates)  # fmt: skip


def test_key_actions_without_comments() -> None:
    """A key action that ends at its status has empty comments and no updates."""
    actions = _read("basic.txt").actions
    assert [("", ()), ("", ())] == [(a.comments, a.updates) for a in (actions[2], actions[5])]


def test_origins_are_lines_of_the_original_text() -> None:
    """Every recommendation and action knows its 1-based line in the source."""
    doc = _read("basic.txt")
    lines = (DATA / "basic.txt").read_text(encoding="utf-8").split("\n")
    for item in (*doc.recommendations, *doc.actions):
        assert item.origin is not None
        assert item.origin.file == "basic.txt"
        assert item.origin.line is not None
        line = lines[item.origin.line - 1]
        assert item.text[:20] in line


def test_crlf_and_bom_read_the_same() -> None:
    """A byte-order mark and CRLF line ends change nothing, line numbers included."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    plain = gate.loads(text)
    windows = gate.loads("\ufeff" + text.replace("\n", "\r\n"))
    assert plain == windows
    assert [a.origin for a in plain.actions] == [a.origin for a in windows.actions]


def test_odd_spacing_between_fields() -> None:
    """Extra spaces and tabs around labels and anchors do not disturb the reading."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    spaced = text.replace("Management Response Category: Accepted",
                          "Management  Response Category :   Accepted  ")  # fmt: skip
    spaced = spaced.replace("2021/09 Completed", "2021/09   Completed")
    doc = gate.loads(spaced)
    assert gt.ResponseCategory.ACCEPTED == doc.recommendations[0].response.category
    assert ("Commission a baseline survey in the three pilot districts.", "Completed") == (
        doc.actions[0].text,
        doc.actions[0].status_text,
    )


# ---------------------------------------------------------------------------
# Variants


def test_navigation_is_skipped_and_sentences_kept() -> None:
    """The menu before the heading is skipped (GT305); a sentence there is kept in extra."""
    doc = _read("navigation.txt")
    evaluation = doc.evaluations[0]
    expected_extra = {
        "Page text": "This page shows the management response as it was approved.",
        "Office name": "Northern Highlands",
    }
    assert expected_extra == dict(evaluation.extra)
    assert ("Evaluation of the school meals programme", "Northern Highlands (CO)", "2020 - 2021",
            "Northern Highlands") == (evaluation.title, evaluation.office, evaluation.period,
                                      evaluation.country)  # fmt: skip
    assert ["GT305"] == _codes(doc)
    assert gt.Severity.INFO == doc.problems[0].severity
    assert 2 == len(doc.actions)
    assert "Extend the school meals to the two remaining districts." == doc.recommendations[0].text


def test_office_name_alone_on_its_line() -> None:
    """A header field without its ': ' still counts as the office's name."""
    evaluation = _read("navigation.txt").evaluations[0]
    assert "Northern Highlands" == evaluation.extra["Office name"]


def test_empty_response_and_category() -> None:
    """An empty `Management Response:` and category give "" and None."""
    response = _read("basic.txt").recommendations[1].response
    assert ("", None, "") == (response.text, response.category, response.category_text)


def test_responsible_party_uncertain_keeps_every_word() -> None:
    """Without a sentence end or a repeated party, the whole text stays and GT301 is reported."""
    text = """Recommendation: Keep records.
Management Response: Yes.
Description:
Management Response Category: Accepted
Thematic Area: Not applicable
Operating Principles: Not applicable
Organizational Priorities: Not applicable
UNEG Criteria: Not applicable
Key Actions
Responsible Deadline Status Comments
1. Archive the field reports with help from the Records Office 2023/01 Ongoing
"""
    doc = gate.loads(text)
    action = doc.actions[0]
    expected = ("Archive the field reports with help from the Records Office", (), "Ongoing")
    assert expected == (action.text, action.responsible, action.status_text)
    assert ["GT301"] == _codes(doc)
    assert "line 11" == str(doc.problems[0].location)
    assert gt.Severity.WARNING == doc.problems[0].severity


def test_line_without_anchor_is_kept_as_text() -> None:
    """A key-action line with no deadline and status stays whole in `text` (GT302)."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    broken = text.replace("Knowledge Unit 2022/02 Completed", "Knowledge Unit, soon")
    doc = gate.loads(broken)
    last = doc.actions[-1]
    assert ("2", "Write a lessons-learned note. Knowledge Unit, soon", None) == (
        last.ref,
        last.text,
        last.status,
    )
    assert ["GT302"] == _codes(doc)


def test_deadline_without_known_status() -> None:
    """A deadline followed by an unknown word keeps the rest in comments (GT303)."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    doc = gate.loads(text.replace("2022/02 Completed", "2022/02 Stalled for now"))
    last = doc.actions[-1]
    assert ("2022/02", "", "Stalled for now") == (last.deadline_text, last.status_text,
                                                  last.comments)  # fmt: skip
    assert ["GT303"] == _codes(doc)


def _block(*action_lines: str) -> str:
    """A recommendation block whose key actions are the given lines."""
    return (
        "Recommendation: 1: Staff the district offices.\nManagement Response: Agreed.\n"
        "Description:\nManagement Response Category: Accepted\nThematic Area: Not applicable\n"
        "Operating Principles: Not applicable\nOrganizational Priorities: Not applicable\n"
        "UNEG Criteria: Not applicable\nKey Actions\nResponsible Deadline Status Comments\n"
        + "\n".join(action_lines)
        + "\n"
    )


@pytest.mark.parametrize("separator", [";", ","])
def test_semicolon_separates_parties_as_a_comma_does(separator: str) -> None:
    """Regression: `Unit A; Unit B` gave the text `… Unit A;` and the party `Unit B` alone."""
    doc = gate.loads(
        _block(
            f"1. Draft a fee rule. Planning Unit{separator} Budget Unit 2022/12 Completed Done.",
            "2. Cost the rule. Budget Unit 2023/03 Ongoing",
            "3. Publish the rule. Budget Unit 2023/06 Not Initiated",
        )
    )
    expected = [
        ("Draft a fee rule.", ("Planning Unit", "Budget Unit"), "2022/12", "Completed", "Done."),
        ("Cost the rule.", ("Budget Unit",), "2023/03", "Ongoing", ""),
        ("Publish the rule.", ("Budget Unit",), "2023/06", "Not Initiated", ""),
    ]
    actual = [
        (a.text, a.responsible, a.deadline_text, a.status_text, a.comments) for a in doc.actions
    ]
    assert expected == actual
    assert [] == _codes(doc)


def test_a_date_in_the_action_text_is_not_the_deadline() -> None:
    """Regression: `Hire 2 staff by 2021/06. HR 2022/12 Ongoing` was due 2021/06, owed by nobody."""
    doc = gate.loads(_block("6. Hire 2 staff by 2021/06. HR 2022/12 Ongoing Two hired by 2022/01."))
    action = doc.actions[0]
    expected = ("6", "Hire 2 staff by 2021/06.", ("HR",), gt.parse_due("2022/12"),
                gt.Status.ONGOING, "Two hired by 2022/01.")  # fmt: skip
    assert expected == (action.ref, action.text, action.responsible, action.due, action.status,
                        action.comments)  # fmt: skip
    assert [] == _codes(doc)


def test_several_dates_and_no_status_give_no_deadline() -> None:
    """Two dates and neither followed by a status: no deadline is chosen, the line is the text."""
    doc = gate.loads(_block("6. Hire 2 staff by 2021/06. HR 2022/12 (see the plan)"))
    action = doc.actions[0]
    expected = ("Hire 2 staff by 2021/06. HR 2022/12 (see the plan)", (), None, None)
    assert expected == (action.text, action.responsible, action.due, action.status)
    assert [("GT302", "line 11")] == [(p.code, str(p.location)) for p in doc.problems]
    assert "2021/06, 2022/12" in doc.problems[0].message


def _cut(action: gt.Action) -> tuple[object, ...]:
    """How a key-action line was cut: text, parties, deadline, status and comments."""
    return (action.text, action.responsible, action.deadline_text, action.status_text,
            action.comments)  # fmt: skip


def _located(doc: gt.Document) -> list[tuple[str, str]]:
    return [(problem.code, str(problem.location)) for problem in doc.problems]


def test_a_date_and_status_in_the_comments_is_not_the_deadline() -> None:
    """Regression: a date followed by a status in the comments (`Phase one 2022/01 completed`)
    was taken as the deadline, the party swallowed the real deadline, and nothing was said."""
    doc = gate.loads(
        _block(
            "1.1 Map the district offices. Planning Unit 2022/03 Completed",
            "1.2 Train district staff Planning Unit 2022/06 Ongoing Phase one 2022/01 "
            "completed, phase two pending",
            "1.3 Publish the staffing plan. Planning Unit 2022/09 Not Initiated",
        )
    )
    expected = ("Train district staff", ("Planning Unit",), "2022/06", "Ongoing",
                "Phase one 2022/01 completed, phase two pending")  # fmt: skip
    assert expected == _cut(doc.actions[1])
    assert [] == _codes(doc)


def test_a_date_and_status_in_the_action_text_is_not_the_deadline() -> None:
    """A date followed by a status word in the action's wording stays in its text."""
    doc = gate.loads(_block("3. Report on the 2021/06 completed survey. HR 2022/12 Ongoing Sent."))
    expected = ("Report on the 2021/06 completed survey.", ("HR",), "2022/12", "Ongoing", "Sent.")
    assert expected == _cut(doc.actions[0])
    assert [] == _codes(doc)


def test_pairs_and_no_party_give_the_first_and_gt309() -> None:
    """Two pairs, neither after a party the text shows: the first is taken and GT309 names
    both (GT301: the party is not told from the text either)."""
    doc = gate.loads(
        _block(
            "1.2 Train district staff Planning Unit 2022/06 Ongoing Phase one 2022/01 "
            "completed, phase two pending"
        )
    )
    expected = ("Train district staff Planning Unit", (), "2022/06", "Ongoing",
                "Phase one 2022/01 completed, phase two pending")  # fmt: skip
    assert expected == _cut(doc.actions[0])
    assert [("GT309", "line 11"), ("GT301", "line 11")] == _located(doc)
    assert "('2022/06 Ongoing', '2022/01 completed')" in doc.problems[0].message
    assert "'2022/06 Ongoing' is taken" in doc.problems[0].message
    assert gt.Severity.WARNING == doc.problems[0].severity


def test_pairs_each_after_a_party_give_the_first_and_gt309() -> None:
    """Two pairs, each after a sentence end and a few words: the first is taken (GT309)."""
    doc = gate.loads(
        _block("4. Hire two nurses. HR 2022/12 Ongoing One hired. Phase two 2023/01 done")
    )
    expected = (
        "Hire two nurses.",
        ("HR",),
        "2022/12",
        "Ongoing",
        "One hired. Phase two 2023/01 done",
    )
    assert expected == _cut(doc.actions[0])
    assert [("GT309", "line 11")] == _located(doc)
    assert "('2022/12 Ongoing', '2023/01 done')" in doc.problems[0].message


def test_pairs_prefer_the_deadline_shape_of_the_other_lines() -> None:
    """Between two pairs that both follow a party, the one written as the document's other
    deadlines are is taken (GT309 still names both)."""
    doc = gate.loads(
        _block(
            "1. Map the offices. HR 2022/03 Completed",
            "2. Report. Budget Unit Q1 2021 done. HR 2022/09 Ongoing",
            "3. Train staff. HR 2022/06 Ongoing",
        )
    )
    expected = ("Report. Budget Unit Q1 2021 done.", ("HR",), "2022/09", "Ongoing", "")
    assert expected == _cut(doc.actions[1])
    assert [("GT309", "line 12")] == _located(doc)
    assert "('Q1 2021 done', '2022/09 Ongoing')" in doc.problems[0].message


def test_pairs_prefer_a_party_the_document_names() -> None:
    """Between two pairs that both follow a few words after a sentence end, the one after a
    party the document names elsewhere is taken (GT309 still names both)."""
    doc = gate.loads(
        _block(
            "1. Map the offices. HR 2022/03 Completed",
            "2. Hire staff. Report on the 2021/06 completed survey. HR 2022/12 Ongoing",
        )
    )
    expected = ("Hire staff. Report on the 2021/06 completed survey.", ("HR",), "2022/12",
                "Ongoing", "")  # fmt: skip
    assert expected == _cut(doc.actions[1])
    assert [("GT309", "line 12")] == _located(doc)
    assert "('2021/06 completed', '2022/12 Ongoing')" in doc.problems[0].message


def test_a_date_in_figures_before_a_later_pair() -> None:
    """A deadline with an unknown status before a pair in the comments: the date that ends
    the party is taken (GT303), and GT309 names the pair passed over."""
    doc = gate.loads(_block("5. Hire staff. HR 2022/06 Stalled; by 2023 done"))
    expected = ("Hire staff.", ("HR",), "2022/06", "", "Stalled; by 2023 done")
    assert expected == _cut(doc.actions[0])
    assert [("GT309", "line 11"), ("GT303", "line 11")] == _located(doc)
    assert "('2022/06', 'by 2023 done')" in doc.problems[0].message


def test_semicolon_ends_an_action_text_without_a_sentence_end() -> None:
    """Regression: `Write a note; Knowledge Unit` lost its party (GT301) once `;` separated
    parties; with no sentence end the last `;` ends the text, and is in neither field."""
    doc = gate.loads(
        _block(
            "2. Write a note; Knowledge Unit 2022/02 Completed",
            "3. Draft a fee rule. Planning Unit; Budget Unit 2022/12 Completed",
            "4. Train staff on the rule; invite the districts; HR, Budget Unit 2023/03 Ongoing",
        )
    )
    expected = [
        ("Write a note", ("Knowledge Unit",), "2022/02", "Completed", ""),
        ("Draft a fee rule.", ("Planning Unit", "Budget Unit"), "2022/12", "Completed", ""),
        ("Train staff on the rule; invite the districts", ("HR", "Budget Unit"), "2023/03",
         "Ongoing", ""),
    ]  # fmt: skip
    assert expected == [_cut(action) for action in doc.actions]
    assert [] == _codes(doc)


def test_semicolon_inside_brackets_is_not_the_end_of_the_text() -> None:
    """A `;` inside brackets does not end the action's text."""
    doc = gate.loads(_block("2. Write a note (draft; final) for the board 2022/02 Completed"))
    assert ("Write a note (draft; final) for the board", ()) == _cut(doc.actions[0])[:2]
    assert ["GT301"] == _codes(doc)


@pytest.mark.parametrize(
    "deadline",
    [
        "Q1 2024", "Q1-2024", "31/03/2024", "31.03.2024", "2024-03-31", "2024/03/31",
        "March 2024", "Mar 2024", "31 March 2024", "March 31, 2024", "first half of 2024",
        "H1 2024", "S1 2024", "2024", "mid-2024", "by end of 2024", "end-June 2024",
        "2024/2025", "Mar 2023 – Dec 2024", "2023 to 2024", "03/2024", "FY 2024/25",
        "FY2024-25", "fiscal year 2024/2025",
    ],
)  # fmt: skip
def test_deadline_shapes_parse_due_reads(deadline: str) -> None:
    """Regression: a deadline other than `YYYY/MM` (`Q1 2024`, `31/03/2024`) gave GT302 and
    the whole line as the text; every shape parse_due reads in a line is now a deadline."""
    doc = gate.loads(_block(f"1. Train the district teams. HR {deadline} Ongoing Started."))
    action = doc.actions[0]
    expected = ("Train the district teams.", ("HR",), gt.parse_due(deadline), "", gt.Status.ONGOING,
                "Started.")  # fmt: skip
    assert expected == (action.text, action.responsible, action.due, action.due_text,
                        action.status, action.comments)  # fmt: skip
    assert [] == _codes(doc)


def test_ambiguous_day_is_kept_as_text() -> None:
    """`03/04/2024` reads two ways: it is the deadline, kept in `due_text` with no `due`."""
    doc = gate.loads(_block("1. Train the district teams. HR 03/04/2024 Ongoing"))
    action = doc.actions[0]
    assert ("Train the district teams.", ("HR",), None, "03/04/2024", gt.Status.ONGOING) == (
        action.text, action.responsible, action.due, action.due_text, action.status
    )  # fmt: skip


def test_a_dated_update_on_a_line_of_its_own_continues_the_comments() -> None:
    """`2024-03-31 Update: …` on the next line is an update of the action above, not an
    action (a day in figures alone starts a key action)."""
    doc = gate.loads(
        _block("1. Train staff. HR 2024/01 Ongoing Started.", "2024-03-31 Update: Done.")
    )
    action = doc.actions[0]
    assert 1 == len(doc.actions)
    assert ("Started.", (gt.Update(text="Done.", on=gt.parse_due("2024-03-31")),)) == (
        action.comments, action.updates
    )  # fmt: skip


@pytest.mark.parametrize(
    "line",
    [
        "Follow-up meeting held on 15/09/2022 with the district teams.",
        "The 2022 planned field visits were moved to the next year.",
        "A review in March 2023 completed the first phase.",
        "Meeting held on 15/09/2022.",
        "Phase one 2022/01 completed, phase two pending.",
        "The second round, Q3 2023 done, went well.",
    ],
)
def test_a_comment_line_mentioning_a_date_continues_the_comments(line: str) -> None:
    """Regression: a line without a ref that mentions a date inside a sentence (`held on
    15/09/2022 with`, `The 2022 planned visits`) became a key action with GT301, and the
    comments above lost it; it continues the comments, as it did before deadlines of every
    shape were read."""
    doc = gate.loads(_block("1. Draft a monitoring plan. Water Unit 2022/06 Ongoing Shared.", line))
    assert [("Draft a monitoring plan.", ("Water Unit",), "2022/06", "Ongoing",
             f"Shared.\n{line}")] == [_cut(action) for action in doc.actions]  # fmt: skip
    # A date in figures and a status word kept in the comments is said (GT310).
    assert (["GT310"] if "2022/01 completed" in line else []) == _codes(doc)


@pytest.mark.parametrize(
    ("line", "expected", "codes"),
    [
        ("Hire staff. HR Q1 2024 Ongoing Started.",
         ("Hire staff.", ("HR",), "Q1 2024", "Ongoing", "Started."), []),
        ("Hire staff. HR March 2024 Completed",
         ("Hire staff.", ("HR",), "March 2024", "Completed", ""), []),
        ("Hire staff HR 2022/09 Ongoing Started.",
         ("Hire staff HR", (), "2022/09", "Ongoing", "Started."), ["GT301"]),
        ("Hire staff. Budget Unit 31/10/2022", ("Hire staff.", ("Budget Unit",), "31/10/2022",
                                                "", ""), ["GT303"]),
    ],
)  # fmt: skip
def test_a_line_without_a_ref_that_reads_as_a_key_action_is_one(
    line: str, expected: tuple[object, ...], codes: list[str]
) -> None:
    """A line without a ref is a key action when it clearly is one: a date in figures and a
    status that ends the cell, or a deadline after an action's text and a party's name."""
    doc = gate.loads(_block("1. Draft a plan. Water Unit 2022/06 Ongoing Shared.", line))
    assert [2, expected] == [len(doc.actions), _cut(doc.actions[1])]
    assert codes == _codes(doc)


def test_comments_with_dates_read_back_through_the_api() -> None:
    """Regression: `gt.dumps(format="gate")` of an action whose comments run on to a line
    holding a date (`Meeting held on 15/09/2022.`) read back as two actions (GT303, GT301)."""
    for comments in (
        "Shared.\nMeeting held on 15/09/2022.",
        "Shared.\nThe 2022 planned visits moved.",
    ):
        action = gt.Action(text="Hold workshops", ref="1", responsible=("HR",),
                           due=gt.parse_due("2022/03"), status=gt.Status.ONGOING,
                           status_text="Ongoing", comments=comments)  # fmt: skip
        doc = gt.Document(evaluations=(gt.Evaluation(title="Programme evaluation", recommendations=(
            gt.Recommendation(text="Train staff", ref="1", actions=(action,)),)),))  # fmt: skip
        read = gt.loads(gt.dumps(doc, format="gate"), format="gate")
        assert (doc, ()) == (read, read.problems)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. Continue the 2021 planned activities in the districts UNDP 2022/06",
         ("Continue the 2021 planned activities in the districts UNDP", (), "2022/06", "", "")),
        ("1. Scale up the March 2022 completed pilot to two districts UNDP 2022/12 Ongoing",
         ("Scale up the March 2022 completed pilot to two districts UNDP", (), "2022/12",
          "Ongoing", "")),
    ],
)  # fmt: skip
def test_a_year_and_status_word_in_the_wording_is_not_the_deadline(
    line: str, expected: tuple[object, ...]
) -> None:
    """Regression: a bare year or month followed by a status word in the action's wording
    (`the 2021 planned activities`, `the March 2022 completed pilot`) was taken as the
    deadline, and the real deadline went to the comments with the rest of the line; the
    GT301 message then said all of it was kept as the text `Continue the`."""
    doc = gate.loads(_block(line))
    assert expected == _cut(doc.actions[0])
    gt301 = next(problem for problem in doc.problems if problem.code == "GT301")
    assert f"are kept as the text: {expected[0]!r}" in gt301.message
    assert "GT309" not in _codes(doc)


def test_pairs_in_figures_and_no_party_prefer_the_one_that_ends_the_cell() -> None:
    """Regression: of two deadlines in figures followed by a status, neither after a party,
    the first was taken though it runs on into the wording (`the 2021/05 completed
    activities`); the pair that ends the cell is taken, as the last one was before."""
    doc = gate.loads(
        _block("1. Continue the 2021/05 completed activities in the districts UNDP 2022/06 Ongoing")
    )
    expected = ("Continue the 2021/05 completed activities in the districts UNDP", (), "2022/06",
                "Ongoing", "")  # fmt: skip
    assert expected == _cut(doc.actions[0])
    assert [("GT309", "line 11"), ("GT301", "line 11")] == _located(doc)
    assert "'2022/06 Ongoing' is taken" in doc.problems[0].message


def test_a_date_in_figures_beats_a_bare_year_in_the_wording() -> None:
    """Regression: a bare year followed by a status word that ends a cell was taken over the
    later deadline in figures; with no party to tell them apart, figures win (GT309)."""
    doc = gate.loads(_block("1. Continue the 2021 Planned Activities UNDP 2022/12 Ongoing"))
    expected = ("Continue the 2021 Planned Activities UNDP", (), "2022/12", "Ongoing", "")
    assert expected == _cut(doc.actions[0])
    assert ["GT309", "GT301"] == _codes(doc)


@pytest.mark.parametrize(
    "line",
    [
        (
            "1. Conduct the baseline survey; share the findings with all district partners UNDP "
            "2022/06 Ongoing Survey started."
        ),
        "1. Draft the plan Programme Unit; Finance Unit 2022/06 Ongoing",
    ],
)
def test_semicolon_before_a_clause_or_after_a_name_is_not_trusted(line: str) -> None:
    """Regression: in a text with no sentence end, the last `;` ended the text whatever
    followed it: a clause became the party (`share the findings with … UNDP`), and a party
    before it stayed in the text (`Draft the plan Programme Unit`), with nothing said. The
    whole is kept as the text (GT301), as before `;` ended texts."""
    doc = gate.loads(_block(line))
    head = line.removeprefix("1. ").split(" 2022/06")[0]
    assert (head, ()) == _cut(doc.actions[0])[:2]
    assert ["GT301"] == _codes(doc)


def test_semicolon_before_parties_the_document_names() -> None:
    """A `;` is trusted before parties the document gives elsewhere, even when they do not
    read as names; a name before the `;` that the document repeats is a party too."""
    doc = gate.loads(
        _block(
            "1. Map the wells. UN Women and partners 2022/03 Completed",
            "2. Train the teams. Programme Unit 2022/03 Completed",
            "3. Write a note; UN Women and partners 2022/06 Ongoing",
            "4. Publish it. Programme Unit 2022/09 Ongoing",
            "5. Draft the plan Programme Unit; Finance Unit 2022/06 Ongoing",
        )
    )
    assert [("Write a note", ("UN Women and partners",)),
            ("Draft the plan", ("Programme Unit", "Finance Unit"))] == [
        _cut(action)[:2] for action in (doc.actions[2], doc.actions[4])
    ]  # fmt: skip
    assert [] == _codes(doc)


def test_truncated_input_reads_what_is_there() -> None:
    """A text cut in the middle of a block keeps what it has and reports GT304."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    cut = text[: text.index("Management Response Category:\n")]
    doc = gate.loads(cut)
    recs = doc.recommendations
    assert 2 == len(recs)
    assert 4 == len(recs[0].actions)
    assert () == recs[1].actions
    # With the second block gone, "Planning Unit" ends a sentence only once: too little
    # evidence to split "3.Publish … website Planning Unit", so GT301 as well.
    assert [("GT301", "line 27"), ("GT304", "line 29")] == [
        (problem.code, str(problem.location)) for problem in doc.problems
    ]


def test_truncated_mid_line() -> None:
    """A key-action line cut before its deadline is kept as text with GT302."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    cut = text[: text.index("Knowledge Unit 2022/02")]
    doc = gate.loads(cut)
    assert "Write a lessons-learned note." == doc.actions[-1].text
    assert ["GT302"] == _codes(doc)


def test_tab_separated_key_actions() -> None:
    """When a line has tabs (a copy of the web table) the cells are taken as they are."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    tabbed = text.replace(
        "2. Write a lessons-learned note. Knowledge Unit 2022/02 Completed",
        "2. Write a lessons-learned note\tKnowledge Unit; Archives\tQ1 2022\tDone\tFiled.",
    )
    last = gate.loads(tabbed).actions[-1]
    expected = ("2", "Write a lessons-learned note", ("Knowledge Unit", "Archives"),
                gt.parse_due("Q1 2022"), gt.Status.COMPLETED, "Filed.")  # fmt: skip
    assert expected == (last.ref, last.text, last.responsible, last.due, last.status,
                        last.comments)  # fmt: skip


def test_comment_continued_on_next_line() -> None:
    """A line that is neither a key action nor a label continues the comments above."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    doc = gate.loads(text + "The note is on the shared drive.\n")
    assert "The note is on the shared drive." == doc.actions[-1].comments.split("\n")[-1]


def test_not_this_format_raises() -> None:
    """A text with no recommendation blocks and no heading is refused with a clear message."""
    with pytest.raises(gt.FormatError, match="not a tracking-system export"):
        gate.loads("Minutes of the meeting\n\n1. The chair opened the meeting.\n")


def test_loads_through_the_api() -> None:
    """`gt.loads(text, format="gate")` and sniffing both reach this reader."""
    text = (DATA / "basic.txt").read_text(encoding="utf-8")
    assert gate.loads(text) == gt.loads(text, format="gate") == gt.loads(text)


# ---------------------------------------------------------------------------
# Sniffing and the seed


def test_sniff_claims_this_format() -> None:
    """The fixtures score high."""
    for name in ("basic.txt", "navigation.txt"):
        assert gate.sniff((DATA / name).read_text(encoding="utf-8")) >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "# Record Notes\n\nDate and Time: 23 April 2019\nVenue: Room 2\n\n- 1. The chair opened.\n",
        "20 June 2017\nHotel, City\n\nA working group meeting was held.\n",
        "Scheduled Activities\n\nImplementation Status\n\nOn Schedule\n\nRecommendations\n",
        "|\nResponsible |\nDeadline |\nStatus |\nComments |\nKAZ: Do it |\nA |\n2016/12 |\n",
        "",
    ],
)
def test_sniff_leaves_other_formats_alone(text: str) -> None:
    """Record notes, narrative and progress reports, matrices score 0."""
    assert 0.0 == gate.sniff(text)


def test_seed_001(seeds: Path) -> None:
    """Seed 001: 4 recommendations, 15 key actions, 8 completed and 7 ongoing, as counted."""
    path = next(seeds.glob("001_*.txt"))
    doc = gate.loads(path.read_text(encoding="utf-8"), source=path.name)
    evaluation = doc.evaluations[0]
    assert 4 == len(evaluation.recommendations)
    assert [4, 1, 6, 4] == [len(rec.actions) for rec in evaluation.recommendations]
    counts = collections.Counter(action.status for action in doc.actions)
    assert {gt.Status.COMPLETED: 8, gt.Status.ONGOING: 7} == dict(counts)
    deadlines = collections.Counter(action.deadline_text for action in doc.actions)
    assert {"2021/07": 3, "2021/09": 4, "2021/06": 2, "2021/08": 1, "2021/12": 5} == dict(deadlines)
    assert 7 == sum(len(action.updates) for action in doc.actions)
    assert all(action.responsible for action in doc.actions)
    assert "Approved" == evaluation.approval
    assert "2020 - 2020" == evaluation.period
    assert [] == _codes(doc)
    responsible = collections.Counter(p for action in doc.actions for p in action.responsible)
    assert 10 == responsible["UN Women"]


# ---------------------------------------------------------------------------
# Properties

_CHARS = st.characters(codec="utf-8")


@given(st.text(_CHARS, max_size=300))
def test_loads_raises_only_govtrack_errors(text: str) -> None:
    """Arbitrary text is read or refused with a GovtrackError, never anything else."""
    with contextlib.suppress(gt.GovtrackError):
        gate.loads(text)


@given(st.lists(st.sampled_from([
    "Recommendation: 1.1: x", "Key Actions", "Responsible Deadline Status Comments",
    "1. Do it. Unit 2021/07 Over due note", "Management Response", ": A", ":", "",
    "Management Response Category:", "Dec 2022 Update: y", "3.Z 2021/13 Completed",
    "Thematic Area: Not applicable", "a) b\tc\td\te\tf\tg", "2022/01",
    "2. Do it; Unit Q1 2024 Ongoing 2022/01 done", "31/03/2024 Completed", "by end of 2024",
    "4. A. B 2022/01 Done. C 2022/02 Done", "2024-03-31 Update: z", "5. x (y; z) March 2024",
]), max_size=30).map("\n".join))  # fmt: skip
def test_loads_survives_shuffled_fragments(text: str) -> None:
    """Fragments of the shape in any order are read or refused with a GovtrackError."""
    with contextlib.suppress(gt.GovtrackError):
        gate.loads(text)


def _line(text: str) -> str:
    """A single stripped line that holds no dated-update marker."""
    text = " ".join(text.split())
    while match := gate._UPDATE_MARK.search(text):
        text = text[: match.end() - 1] + "." + text[match.end() :]
    return text


def _continuable(text: str) -> str:
    """Lines that may follow a label: none blank, none a label, a ref or an anchor."""
    kept = []
    for raw in text.split("\n"):
        line = _line(raw)
        if not line:
            continue
        if (
            gate._LABEL.match(line)
            or gate._ACTION_REF.match(line + " ")  # "A)" ends a line: an update may follow
            or gate._starts_action(line)
            or gate._KEY_ACTIONS.fullmatch(line)
            or gate._HEADING.fullmatch(line)
        ):
            line = "~ " + line
        kept.append(line)
    return "\n".join(kept)


def _names(values: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = (_line(v.translate(str.maketrans("", "", ",;()[]"))) for v in values)
    return tuple(v for v in cleaned if v and v.casefold() not in {"not applicable", "n/a"})


def _no_lead_ref(text: str, ref: str, pattern: object) -> str:
    assert hasattr(pattern, "match")
    return f"~{text}" if not ref and pattern.match(text + " ") else text


def _expressible_action(action: gt.Action) -> gt.Action:
    status_text = _line(action.status_text)
    if action.status is not None:
        status_text = action.status.label
    elif gt.Status.parse(status_text) is not None:
        status_text = ""
    due_text = _line(action.due_text)
    if due_text:
        try:
            gt.parse_due(due_text)
            due_text = ""
        except gt.DueParseError:
            pass
    comments = _continuable(action.comments)
    updates = tuple(
        gt.Update(text=_line(u.text) or "x", on=u.on)
        for u in action.updates
        if u.on is not None and u.on.precision is not gt.Precision.RANGE
    )
    if gate.split_updates(gate.render_updates(comments, updates)) != (comments, updates):
        updates = ()
    return gt.Action(
        text=_no_lead_ref(_line(action.text), action.ref, gate._ACTION_REF),
        ref=action.ref,
        responsible=_names(action.responsible),
        due=action.due,
        due_text=due_text,
        status=action.status,
        status_text=status_text,
        comments=comments,
        updates=updates,
    )


def _expressible(evaluation: gt.Evaluation) -> gt.Evaluation:
    """The evaluation as the gate shape can express it (see ``gate.dumps``)."""
    recommendations = []
    for rec in evaluation.recommendations:
        response = rec.response
        category_text = _line(response.category_text)
        if response.category is not None:
            category_text = response.category.label
        elif gt.ResponseCategory.parse(category_text) is not None:
            category_text = ""
        recommendations.append(
            gt.Recommendation(
                text=_no_lead_ref(_line(rec.text), rec.ref, gate._REC_REF) or "x",
                ref=rec.ref,
                response=gt.ManagementResponse(
                    text=_continuable(response.text),
                    category=response.category,
                    category_text=category_text,
                    description=_line(response.description),
                    thematic_areas=_names(response.thematic_areas),
                    operating_principles=_names(response.operating_principles),
                    organisational_priorities=_names(response.organisational_priorities),
                    uneg_criteria=_names(response.uneg_criteria),
                ),
                actions=tuple(_expressible_action(a) for a in rec.actions),
            )
        )
    office_name = _line(next(iter(evaluation.extra.values()), ""))
    return gt.Evaluation(
        title=_line(evaluation.title),
        office=_line(evaluation.office),
        country=_line(evaluation.country),
        period=_line(evaluation.period.replace(",", "")),
        approval=_line(evaluation.approval),
        summary=_continuable(evaluation.summary),
        recommendations=tuple(recommendations),
        extra={"Office name": office_name} if office_name else {},
    )


@given(st.lists(evaluations.map(_expressible), max_size=2))
def test_round_trip(expressible: list[gt.Evaluation]) -> None:
    """`loads(dumps(doc))` holds the records of every evaluation the shape can express, and
    the problems of the new reading, as `gt.loads` reads it (GT311, GT101, GT104, GT111)."""
    doc = gt.Document(evaluations=tuple(expressible))
    if not expressible:
        return
    text = gate.dumps(doc)
    actual = gate.loads(text)
    assert (attrs.evolve(doc, problems=actual.problems), actual) == (
        actual,
        gt.loads(text, format="gate"),
    )
    assert _unread_words(doc) == [
        (p.code, p.location.line if p.location else 0) for p in actual.problems
    ]


@given(st.lists(evaluations.map(_expressible), min_size=1, max_size=1))
def test_round_trip_through_the_api(expressible: list[gt.Evaluation]) -> None:
    """`gt.loads(gt.dumps(doc, format="gate"), format="gate")` is ``doc`` with the problems of
    the new reading: the records read back equal, and the problems are a reading problem
    for each word kept as text (the page writes no problems, so the doc's own are not kept)."""
    doc = gt.Document(evaluations=tuple(expressible), problems=(_A_PROBLEM,))
    read = gt.loads(gt.dumps(doc, format="gate"), format="gate")
    assert attrs.evolve(doc, problems=read.problems) == read
    assert _unread_words(doc) == [
        (p.code, p.location.line if p.location else 0) for p in read.problems
    ]


_A_PROBLEM = gt.Issue(code="GT205", message="a problem of an earlier reading")
"""A problem the written document holds: the page does not write it, so it is not read."""


def _unread_words(doc: gt.Document) -> list[tuple[str, int]]:
    """The problems of a gate page written from ``doc``, read through the API: the reader's
    GT311 for a qualified status word, then GT101, GT104 and GT111 for each status word,
    deadline and category kept as text, each on its line (a category on its recommendation's)."""
    lines = gt.dumps(doc, format="gate").split("\n")
    action_lines = iter(n for n, line in enumerate(lines, 1) if "\t" in line)
    actions = [(next(action_lines), action) for action in doc.actions]
    recommendation_lines = [
        n for n, line in enumerate(lines, 1) if line.startswith("Recommendation:")
    ]
    return [
        *(("GT311", n) for n, a in actions if gate._qualified_cell(a.status_text)),
        *(("GT101", n) for n, a in actions if a.status is None and a.status_text),
        *(("GT104", n) for n, a in actions if a.due is None and a.due_text),
        *(
            ("GT111", n)
            for n, r in zip(recommendation_lines, doc.recommendations, strict=True)
            if r.response.category is None and r.response.category_text
        ),
    ]


def _with_deadlines(*deadlines: gt.Due) -> gt.Document:
    actions = tuple(
        gt.Action(text=f"Task {number}", ref=str(number), responsible=("HR",), due=due,
                  status=gt.Status.ONGOING, status_text="Ongoing")
        for number, due in enumerate(deadlines, start=1)
    )  # fmt: skip
    recommendation = gt.Recommendation(text="Follow up", ref="1", actions=actions)
    return gt.Document(evaluations=(gt.Evaluation(title="E", recommendations=(recommendation,)),))


@pytest.mark.parametrize(
    ("due", "dates"),
    [
        (gt.Due.day(dt.date(2023, 3, 28), "within two weeks"), "2023-03-28"),
        (gt.Due.month(2023, 4, "end of next month"), "Apr 2023"),
    ],
)
def test_a_deadline_in_words_of_its_context_is_refused_not_rewritten(
    due: gt.Due, dates: str
) -> None:
    """Regression: a deadline whose words read only in their context (`within two weeks`
    from the minutes) was written in its words, which the export reads as no date, so it
    was refused as "would read back as None" and, with lossy=True, lost its dates: now it
    is refused naming its words and its dates, and lossy=True writes the dates."""
    doc = _with_deadlines(due)
    with pytest.raises(
        gt.WriteError, match=re.escape(f"{due.text!r} would read back as {dates!r}")
    ):
        gate.dumps(doc)
    back = gate.loads(gate.dumps(doc, lossy=True)).actions[0]
    assert ((due.start, due.end, due.precision), dates, "") == (
        (back.due.start, back.due.end, back.due.precision) if back.due else None,
        back.due.text if back.due else None,
        back.due_text,
    )


def test_a_day_read_day_first_is_written_as_the_same_day() -> None:
    """Regression: a day read with dayfirst= (`03/04/2024`) was written as read, which the
    export reads as ambiguous, and refused; it is written `2024-04-03`, the same day in a
    form that needs no option, as the matrices write it."""
    due = gt.parse_due("03/04/2024", dayfirst=True)
    back = gate.loads(gate.dumps(_with_deadlines(due))).actions[0].due
    assert (due.start, due.end, "2024-04-03") == (
        (back.start, back.end, back.text) if back else None
    )


@given(
    st.lists(st.one_of(dues, two_digit_year_dues, context_dues), min_size=1, max_size=4),
    st.booleans(),
)
def test_a_deadline_reads_back_in_its_words_or_is_refused(
    deadlines: list[gt.Due], lossy: bool
) -> None:
    """Every deadline reads back with its dates, in its own words when they read alone (or
    the same dates in a form that needs no option); words that read only in their context
    are refused, naming them, unless lossy=True writes the dates."""
    doc = _with_deadlines(*deadlines)
    in_context = [due for due in deadlines if due.text in CONTEXT_WORDS]
    if in_context and not lossy:
        with pytest.raises(gt.WriteError) as refused:
            gate.dumps(doc)
        assert f"{in_context[0].text!r} would read back as" in str(refused.value)
        return
    back = [action.due for action in gate.loads(gate.dumps(doc, lossy=lossy)).actions]
    assert [_dates_and_own_words(due, due) for due in deadlines] == [
        _dates_and_own_words(old, new) for old, new in zip(deadlines, back, strict=True)
    ]


def _dates_and_own_words(old: gt.Due, new: gt.Due | None) -> tuple[object, ...] | None:
    """The span ``new`` covers, and its text when ``old``'s reads alone to its dates."""
    if new is None:
        return None
    try:
        again = gt.parse_due(old.text)
        alone = (again.start, again.end) == (old.start, old.end)
    except gt.DueParseError:
        alone = False
    return (new.start, new.end, new.precision, new.text if alone else None)


def test_round_trip_space_separated() -> None:
    """A written page with its tabs turned to spaces reads back by the anchors alone."""
    action = gt.Action(text="Map the water points.", ref="1", responsible=("District Office",),
                       due=gt.parse_due("2021/07"), status=gt.Status.OVERDUE,
                       status_text="Over due", comments="Started late.",
                       updates=(gt.Update(text="Half done.", on=gt.parse_due("Dec 2022")),))  # fmt: skip
    other = attrs.evolve(action, ref="2", text="Publish the map.", updates=())
    doc = gt.Document(evaluations=(gt.Evaluation(title="Water evaluation", recommendations=(
        gt.Recommendation(text="Map the water points", ref="1", actions=(action, other)),)),))  # fmt: skip
    assert doc == gate.loads(gate.dumps(doc).replace("\t", " "))


_UNITS = ("HR", "Budget Unit", "Planning Unit", "M&E Office", "Ministry of Health", "Procurement")
"""Party names; none is the last words of another, so no repeated name cuts one in two."""
_WORDS = ("hire", "two", "staff", "train", "the", "district", "teams", "publish", "budget")
"""Words of actions and comments; none is a status word, nor starts one."""


def _month(year_month: tuple[int, int]) -> gt.Due | None:
    try:
        return gt.parse_due(f"{year_month[0]}/{year_month[1]:02d}")
    except gt.DueParseError:  # "2011/12" reads as a month and as two years
        return None


_months = st.tuples(st.integers(2015, 2035), st.integers(1, 12)).map(_month).filter(bool)
_sentences = st.tuples(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join),
    st.one_of(st.just(""), _months.map(lambda due: f" by {due.text if due else ''}")),
).map(lambda parts: f"{parts[0].capitalize()}{parts[1]}.")
"""A sentence, sometimes holding a `YYYY/MM` date (`Hire staff by 2021/06.`)."""


@st.composite
def _spaced_actions(draw: st.DrawFn) -> tuple[gt.Action, str]:
    """A key action the space-separated page can express, and the separator of its parties."""
    status = draw(st.sampled_from(gt.Status))
    action = gt.Action(
        text=" ".join(draw(st.lists(_sentences, min_size=1, max_size=2))),
        responsible=tuple(draw(st.lists(st.sampled_from(_UNITS), min_size=1, max_size=3,
                                        unique=True))),
        due=draw(_months),
        status=status,
        status_text=status.label,
        comments=draw(st.one_of(st.just(""), _sentences)),
    )  # fmt: skip
    return action, draw(st.sampled_from([", ", "; "]))


@given(st.lists(_spaced_actions(), min_size=1, max_size=5))
def test_round_trip_space_separated_by_the_anchors(cases: list[tuple[gt.Action, str]]) -> None:
    """A page copied without its tabs reads back: parties joined by `,` or `;`, and dates in
    the action's text or comments beside the real deadline.

    The writer joins parties with `, ` and puts tabs between the cells; the test joins the
    parties of some lines with `; ` and turns the tabs to spaces, as a copy of the web page
    has them. Each action text ends a sentence (the reader tells the party by it) and the
    parties are a few words, so that the reader needs to guess nothing.
    """
    actions = tuple(
        attrs.evolve(action, ref=str(number)) for number, (action, _) in enumerate(cases, 1)
    )
    doc = gt.Document(evaluations=(gt.Evaluation(title="Staffing evaluation", recommendations=(
        gt.Recommendation(text="Staff the district offices", ref="1", actions=actions),)),))  # fmt: skip
    separators = iter(separator for _, separator in cases)
    lines = []
    for line in gate.dumps(doc).split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            cells[1] = cells[1].replace(", ", next(separators))
            line = " ".join(cells).rstrip()  # noqa: PLW2901 - the line as copied from the page
        lines.append(line)
    read = gate.loads("\n".join(lines))
    assert doc == read
    assert () == read.problems


def _spaced_line(action: gt.Action, separator: str, *, after_text: str = " ") -> str:
    """A key-action line as a copy of the web page without its tabs has it."""
    return (
        f"{action.ref}. {action.text}{after_text}{separator.join(action.responsible)} "
        f"{action.deadline_text} {action.status_text} {action.comments}"
    ).rstrip()


def _read_back(lines: list[str]) -> tuple[list[gt.Action], tuple[gt.Issue, ...]]:
    """The key actions read from the lines (without their origins), and the problems."""
    doc = gate.loads(_block(*lines))
    return [attrs.evolve(action, origin=None) for action in doc.actions], doc.problems


_line_dues = st.one_of(dues, written_dues, written_days)
"""Deadlines in every shape parse_due reads that fits in a line, each with its span."""


@given(st.lists(st.tuples(_spaced_actions(), _line_dues), min_size=1, max_size=4))
def test_deadlines_of_every_shape_read_back(
    cases: list[tuple[tuple[gt.Action, str], gt.Due]],
) -> None:
    """A key-action line whose deadline has any shape parse_due reads in a line (`Q1 2024`,
    `31/03/2024`, `2024-03-31`, `March 2024`, `by end of 2024`, `Mar 2023 – Dec 2024`, …)
    reads back: text, parties, deadline (its text kept), status and comments."""
    actions = [
        attrs.evolve(action, ref=str(number), due=due)
        for number, ((action, _), due) in enumerate(cases, 1)
    ]
    lines = [
        _spaced_line(action, separator)
        for action, ((_, separator), _) in zip(actions, cases, strict=True)
    ]
    assert (actions, ()) == _read_back(lines)


_PROSE_STATUSES = ("completed", "done", "ongoing", "delayed", "pending", "started", "Completed")
_phrases = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join)


@st.composite
def _actions_with_other_pairs(draw: st.DrawFn) -> tuple[gt.Action, str]:
    """A key action whose first sentence, or the start of whose comments, holds a deadline
    followed by a status word (`Report on the 2021/06 completed survey.`, `phase one
    2022/01 completed, …`), with its real deadline in any shape."""
    action, separator = draw(_spaced_actions())
    action = attrs.evolve(action, due=draw(_line_dues))
    if draw(st.booleans()):
        pair = f"{draw(_line_dues).text} {draw(st.sampled_from(_PROSE_STATUSES))}"
        text = f"{draw(_phrases).capitalize()} {pair} {draw(_phrases)}. {action.text}"
        action = attrs.evolve(action, text=text)
    if draw(st.booleans()):
        pair = f"{draw(_line_dues).text} {draw(st.sampled_from(_PROSE_STATUSES))}"
        rest = draw(st.one_of(st.just(""), _phrases.map(lambda words: f", {words}")))
        comments = f"{draw(_phrases)} {pair}{rest} {action.comments}".rstrip()
        action = attrs.evolve(action, comments=comments)
    return action, separator


@given(st.lists(_actions_with_other_pairs(), min_size=1, max_size=4))
def test_pairs_in_the_text_and_comments_stay_there(cases: list[tuple[gt.Action, str]]) -> None:
    """A deadline followed by a status in the action's first sentence or at the start of its
    comments stays there: the line is cut at the pair that follows the responsible party,
    with nothing to report.

    In the first sentence no party comes before the pair; at the start of the comments the
    words before it follow the real deadline and status, so neither can end a party.
    """
    actions = [attrs.evolve(action, ref=str(n)) for n, (action, _) in enumerate(cases, 1)]
    lines = [
        _spaced_line(action, separator)
        for action, (_, separator) in zip(actions, cases, strict=True)
    ]
    assert (actions, ()) == _read_back(lines)


@given(st.lists(_spaced_actions(), min_size=1, max_size=4), st.data())
def test_semicolon_ends_a_text_without_a_sentence_end(
    cases: list[tuple[gt.Action, str]], data: st.DataObject
) -> None:
    """An action's text with no sentence end, then `; ` and its parties (joined by `, `),
    reads back: the `;` ends the text and is in neither field."""
    actions = []
    for number, (action, _) in enumerate(cases, 1):
        text = data.draw(_phrases).capitalize()
        if (due := data.draw(st.one_of(st.none(), _months))) is not None:
            text += f" by {due.text}"  # a date in the text, with no status after it
        actions.append(attrs.evolve(action, ref=str(number), text=text))
    lines = [_spaced_line(action, ", ", after_text="; ") for action in actions]
    assert (actions, ()) == _read_back(lines)


@given(
    st.lists(
        st.tuples(_phrases, _phrases, st.lists(st.sampled_from(_UNITS), min_size=1, max_size=3,
                                               unique=True), _months),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_semicolon_before_a_clause_keeps_the_clause_in_the_text(
    cases: list[tuple[str, str, list[str], gt.Due]],
) -> None:
    """In a text with no sentence end, a `;` followed by a clause (lowercase words) does
    not end the text: the clause never goes to the responsible party; the whole is the text
    (GT301), as no party can be told from it."""
    heads = [
        f"{first.capitalize()}; {clause} {', '.join(units)}" for first, clause, units, _ in cases
    ]
    lines = [
        f"{number}. {head} {due.text} Ongoing"
        for number, (head, (*_, due)) in enumerate(zip(heads, cases, strict=True), 1)
    ]
    actions, problems = _read_back(lines)
    assert [(head, ()) for head in heads] == [(a.text, a.responsible) for a in actions]
    assert ["GT301"] * len(cases) == [problem.code for problem in problems]


_PROSE_WORDS = ("planned", "completed", "started", "done", "open", "ongoing", "delayed", "pending")
"""Status words as prose uses them, after a date (`the 2022 planned visits`)."""


@st.composite
def _dated_sentences(draw: st.DrawFn) -> str:
    """A line of comments: one sentence that mentions a date in any shape, sometimes with a
    status word and more words after it (`Meeting held on 15/09/2022 with the teams.`, `The
    2022 planned visits moved.`, `Train Q3 2023 done.`)."""
    parts = (
        draw(_phrases).capitalize(),
        draw(_line_dues).text,
        draw(st.sampled_from(("", *_PROSE_WORDS))),
        draw(st.one_of(st.just(""), _phrases)),
    )
    return " ".join(part for part in parts if part) + "."


@given(
    st.lists(
        st.tuples(_spaced_actions(), st.lists(_dated_sentences(), min_size=1, max_size=3)),
        min_size=1,
        max_size=3,
    )
)
def test_comment_lines_mentioning_dates_read_back(
    cases: list[tuple[tuple[gt.Action, str], list[str]]],
) -> None:
    """`loads(dumps(doc)) == doc` when an action's comments run on to lines that mention a
    date inside a sentence: each continues the comments, none starts a key action."""
    actions = tuple(
        attrs.evolve(
            action, ref=str(number), comments="\n".join([action.comments or "Noted.", *more])
        )
        for number, ((action, _), more) in enumerate(cases, 1)
    )
    doc = gt.Document(evaluations=(gt.Evaluation(title="Staffing evaluation", recommendations=(
        gt.Recommendation(text="Staff the district offices", ref="1", actions=actions),)),))  # fmt: skip
    read = gate.loads(gate.dumps(doc))
    assert (doc, ()) == (read, read.problems)


def test_records_the_gate_shape_cannot_hold_are_refused_not_dropped() -> None:
    """The export holds evaluations only: a plan beside one is refused, not dropped."""
    document = gt.Document(
        evaluations=(gt.Evaluation(title="E"),),
        plans=(gt.ActionPlan(actions=(gt.Action(text="a"),)),),
    )
    with pytest.raises(gt.WriteError, match="has 1 action plan, which would be left out"):
        gt.dumps(document, format="gate")


# ---------------------------------------------------------------------------
# All-numeric deadlines: read only when one order is possible or dayfirst= says which


def test_an_ambiguous_numeric_deadline_is_kept_until_dayfirst_is_given(tmp_path: Path) -> None:
    """Regression: gt.load(…, format="gate", dayfirst=True) was refused, though GT104 on an
    ambiguous gate deadline said "pass dayfirst= to choose"."""
    text = _block(
        "1. Hire two clerks. HR Unit 03/04/2022 Ongoing",
        "2. Train the clerks. HR Unit 30/04/2022 Ongoing",
    )
    doc = gate.loads(text)
    first, second = doc.actions
    assert (None, "03/04/2022") == (first.due, first.due_text)
    assert dt.date(2022, 4, 30) == (second.due.start if second.due else None)
    [issue] = [i for i in gt.validate(doc, on=dt.date(2022, 1, 1)) if i.code == "GT104"]
    assert "pass dayfirst= to choose" in issue.message
    path = tmp_path / "export.txt"
    path.write_text(text, encoding="utf-8")
    for dayfirst, day in ((True, dt.date(2022, 4, 3)), (False, dt.date(2022, 3, 4))):
        read = gt.load(path, format="gate", dayfirst=dayfirst).actions[0]
        assert (day, "") == (read.due.start if read.due else None, read.due_text)


def test_a_line_break_in_a_copied_cell_separates_parties() -> None:
    """Regression: a web-table copy whose Responsible cell holds a line break (`HR Unit`, then
    `Finance Unit` and the rest of the row on the next line) gave a second action whose text
    was `Finance Unit`, responsible `2023/06` and deadline `Ongoing`, unreported."""
    doc = gate.loads(
        _block(
            "1. Hire two clerks.\tHR Unit",
            "Finance Unit\t2023/06\tOngoing\tAdvert out.",
            "2. Train the clerks.\tHR Unit\t2023/09\tNot Initiated\t",
        )
    )
    expected = [
        ("1", "Hire two clerks.", ("HR Unit", "Finance Unit"), "2023/06", "Ongoing", "Advert out."),
        ("2", "Train the clerks.", ("HR Unit",), "2023/09", "Not Initiated", ""),
    ]
    actual = [
        (a.ref, a.text, a.responsible, a.deadline_text, a.status_text, a.comments)
        for a in doc.actions
    ]
    assert (expected, []) == (actual, _codes(doc))
    assert "line 11" == str(doc.actions[0].origin)


# ---------------------------------------------------------------------------
# Unnumbered key actions whose comments run on in lowercase; parties after ';'


def test_unnumbered_key_actions_whose_comments_start_in_lowercase() -> None:
    """Regression: a key-action line with no number whose comments start in lowercase or
    with a comma (`… UN Women 2021/12 Ongoing meetings began in May.`) was merged into the
    comments of the action above, its deadline and status lost, with nothing said. A date in
    figures and a status after a party-like name starts a key action."""
    doc = gate.loads(
        _block(
            "Draft a guide for field staff UN Women 2021/07 Completed guide sent to partners.",
            "Meet the district councils UN Women 2021/12 Ongoing meetings began in May.",
            "Train the women's groups UN Women 2022/06 Not started 'trainers not hired'",
            "Revise the field guide UN Women 2022/09 Ongoing, first draft circulated",
        )
    )
    assert [
        ("Draft a guide for field staff UN Women", "2021/07", "Completed",
         "guide sent to partners."),
        ("Meet the district councils UN Women", "2021/12", "Ongoing", "meetings began in May."),
        ("Train the women's groups UN Women", "2022/06", "Not started", "'trainers not hired'"),
        ("Revise the field guide UN Women", "2022/09", "Ongoing", ", first draft circulated"),
    ] == [(a.text, a.deadline_text, a.status_text, a.comments) for a in doc.actions]  # fmt: skip
    assert [("GT301", f"line {n}") for n in range(11, 15)] == _located(doc)


def test_a_comment_line_with_a_date_and_status_is_reported() -> None:
    """A line kept in the comments although it holds a date in figures and a status word
    (`Phase one 2022/01 completed, …`) is reported (GT310, naming the line); after a line
    with tabs (the web table, the writer) it is surely comments and nothing is said."""
    line = "Phase one 2022/01 completed, phase two pending"
    doc = gate.loads(_block("1. Draft a plan. Water Unit 2022/06 Ongoing Shared.", line))
    assert [("Draft a plan.", ("Water Unit",), "2022/06", "Ongoing", f"Shared.\n{line}")] == [
        _cut(action) for action in doc.actions
    ]
    assert [("GT310", "line 12")] == _located(doc)
    assert "2022/01 completed" in doc.problems[0].message
    tabbed = gate.loads(_block("1. Draft a plan.\tWater Unit\t2022/06\tOngoing\tShared.", line))
    assert (f"Shared.\n{line}", []) == (tabbed.actions[0].comments, _codes(tabbed))


@pytest.mark.parametrize(
    "party",
    [
        "Knowledge Unit", "M&E Unit and partners", "all country offices",
        "UN Women country offices", "Country Representative with support from HR",
        "WEE/SL unit", "eSS team", "iKNOW Unit", "Regional Office with the support of M&E Unit",
    ],
)  # fmt: skip
def test_common_party_shapes_after_a_semicolon_are_taken(party: str) -> None:
    """Regression: a party after `;` in a text with no sentence end was refused (GT301)
    unless every word after the first was capitalised: `M&E Unit and partners`, `all
    country offices`, `WEE/SL unit`, `eSS team`, `X with support from Y` are parties."""
    doc = gate.loads(_block(f"1. Write a short field guide; {party} 2022/06 Ongoing Drafted."))
    assert ("Write a short field guide", (party,)) == _cut(doc.actions[0])[:2]
    assert [] == _codes(doc)


@pytest.mark.parametrize(
    "clause",
    [
        "share the findings with all district partners UNDP",
        "share the findings with the country offices",
        "all the findings shared with partners",
        "train the Budget Unit team",
    ],
)
def test_party_shapes_do_not_take_a_clause(clause: str) -> None:
    """A clause after `;` stays in the text, even when it ends with a word naming a group."""
    doc = gate.loads(_block(f"1. Conduct the survey; {clause} 2022/06 Ongoing"))
    assert (f"Conduct the survey; {clause}", ()) == _cut(doc.actions[0])[:2]
    assert ["GT301"] == _codes(doc)


def test_a_party_the_document_repeats_after_a_semicolon_is_always_taken() -> None:
    """Regression: a party the document names on other lines was refused after `;` when the
    text before it ended with a capitalised name (`with the Gender Policy; Knowledge Unit`,
    `with UN Women; Knowledge Unit`): the whole was kept as the text (GT301)."""
    doc = gate.loads(
        _block(
            "1. Update the list of trainers. Knowledge Unit 2022/03 Completed Done.",
            "2. Align the field guide with the Gender Policy; Knowledge Unit 2022/06 Ongoing",
            "3. Share the field guide with UN Women; Knowledge Unit 2022/09 Not started",
        )
    )
    assert [
        ("Update the list of trainers.", ("Knowledge Unit",)),
        ("Align the field guide with the Gender Policy", ("Knowledge Unit",)),
        ("Share the field guide with UN Women", ("Knowledge Unit",)),
    ] == [_cut(action)[:2] for action in doc.actions]
    assert [] == _codes(doc)


_GROUP_PARTIES = ("M&E Unit and partners", "all country offices", "WEE/SL unit", "eSS team",
                  "HR with support from Budget Unit", "UN Women country offices")  # fmt: skip
"""Parties whose names hold lowercase words, or start with an acronym in lowercase."""


@given(st.lists(st.tuples(_spaced_actions(), st.sampled_from(_GROUP_PARTIES)), min_size=1,
                max_size=4))  # fmt: skip
def test_group_parties_after_a_semicolon_read_back(
    cases: list[tuple[tuple[gt.Action, str], str]],
) -> None:
    """An action's text with no sentence end, `; ` and a party whose name holds lowercase
    words (`all country offices`, `eSS team`) reads back with that party."""
    actions = [
        attrs.evolve(action, ref=str(number), text=action.text.rstrip("."), responsible=(party,))
        for number, ((action, _), party) in enumerate(cases, 1)
        if "." not in action.text.rstrip(".")
    ]
    lines = [_spaced_line(action, ", ", after_text="; ") for action in actions]
    assert (actions, ()) == _read_back(lines)


@given(
    st.lists(
        st.tuples(_phrases, st.sampled_from(_UNITS), _months, st.sampled_from(gt.Status),
                  _phrases, st.sampled_from(("", ", "))),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_unnumbered_lines_after_a_party_are_key_actions(
    cases: list[tuple[str, str, gt.Due, gt.Status, str, str]],
) -> None:
    """Lines with no number, each `<text> <party> <YYYY/MM> <status> <comments>` whose
    comments start in lowercase or with a comma, are one key action each."""
    lines = [
        f"{text.capitalize()} {party} {due.text} {status.label} {comma}{comments}"
        for text, party, due, status, comments, comma in cases
    ]
    actions, _ = _read_back(lines)
    assert [(due.text, status) for _, _, due, status, _, _ in cases] == [
        (action.deadline_text, action.status) for action in actions
    ]


# ---------------------------------------------------------------------------
# A status word qualified by what follows it is not read (as Status.parse)


@pytest.mark.parametrize(
    ("after", "status_text", "comments"),
    [
        ("Completed (2 of 4 sites) remaining sites in 2023", "Completed (2 of 4 sites)",
         "remaining sites in 2023"),
        ("Completed partially, 3 of 5 recruited", "Completed partially", ", 3 of 5 recruited"),
        ("Completed 3/5 Two sites left.", "Completed 3/5", "Two sites left."),
        ("Completed - 2 of 3 Two sites left.", "Completed - 2 of 3", "Two sites left."),
        ("Ongoing (100%) Final check.", "Ongoing (100%)", "Final check."),
        ("Completed 60% Rest in 2023.", "Completed 60%", "Rest in 2023."),
        ("Completed, not in all districts", "Completed, not", "in all districts"),
        ("Done (see comments) Report filed.", "Done (see comments)", "Report filed."),
        ("Completed (June 2022) (2 of 4 sites)", "Completed (June 2022) (2 of 4 sites)", ""),
    ],
)  # fmt: skip
def test_a_qualified_status_is_not_read(after: str, status_text: str, comments: str) -> None:
    """Regression: `Completed (2 of 4 sites)`, `Completed partially` read as COMPLETED with
    the qualifier in the comments; now the status is None, the words in status_text, GT311."""
    doc = gate.loads(_block(f"1. Train the clinic staff. Health Unit 2022/06 {after}"))
    [action] = doc.actions
    expected = ("Train the clinic staff.", ("Health Unit",), "2022/06", None, status_text,
                comments)  # fmt: skip
    actual = (action.text, action.responsible, action.deadline_text, action.status,
              action.status_text, action.comments)  # fmt: skip
    assert expected == actual
    assert [("GT311", "line 11"), ("GT101", "line 11")] == [
        (p.code, str(p.location)) for p in doc.problems
    ]


@pytest.mark.parametrize(
    ("after", "status", "comments"),
    [
        ("Completed (June 2022) Report shared.", gt.Status.COMPLETED, "(June 2022) Report shared."),
        ("Ongoing 80% Two sites left.", gt.Status.ONGOING, "80% Two sites left."),
        ("Completed 100% Shared.", gt.Status.COMPLETED, "100% Shared."),
        ("Completed Notes shared.", gt.Status.COMPLETED, "Notes shared."),
        ("Completed 3 workshops held.", gt.Status.COMPLETED, "3 workshops held."),
        ("Completed. But the report is late.", gt.Status.COMPLETED, ". But the report is late."),
        ("Ongoing partnership talks began", gt.Status.ONGOING, "partnership talks began"),
    ],
)  # fmt: skip
def test_a_status_dated_measured_or_followed_by_comments_is_read(
    after: str, status: gt.Status, comments: str
) -> None:
    """A status word followed by what only dates or measures it, or by comments, is read as
    before: the words after it are the comments."""
    doc = gate.loads(_block(f"1. Train the clinic staff. Health Unit 2022/06 {after}"))
    [action] = doc.actions
    expected = (status, status.label if status is not gt.Status.ONGOING else "Ongoing", comments)
    assert expected == (action.status, action.status_text, action.comments)
    assert [] == _codes(doc)


def test_a_qualified_status_on_a_line_of_several_pairs() -> None:
    """The status of the pair chosen among several is judged with what follows it too."""
    line = "1. Report on the 2021/06 completed survey. HR 2022/12 Completed (2 of 4 sites) Late."
    doc = gate.loads(_block(line))
    [action] = doc.actions
    expected = ("2022/12", None, "Completed (2 of 4 sites)", "Late.", ("HR",))
    actual = (action.deadline_text, action.status, action.status_text, action.comments,
              action.responsible)  # fmt: skip
    assert expected == actual
    assert "GT311" in _codes(doc)


def test_a_qualified_status_reads_back_from_the_writer() -> None:
    """A qualified status kept in status_text is written in its cell and read back equal."""
    doc = gate.loads(_block("1. Train the clinic staff. Health Unit 2022/06 Completed 3/5 Left."))
    written = gate.loads(gate.dumps(doc))
    assert [attrs.evolve(a, origin=None) for a in doc.actions] == [
        attrs.evolve(a, origin=None) for a in written.actions
    ]


@given(status_words, status_qualifiers, st.sampled_from(["", " Two sites left.", "; see note"]))
def test_a_status_word_qualified_as_status_parse_refuses_is_not_that_status(
    word: str, qualifier: str, rest: str
) -> None:
    """For any status word and any qualifier after it that Status.parse refuses, the key
    action's status is not the word's status: it is not read (GT311), whether the cells are
    separated by spaces or by tabs."""
    status_text = f"{word} {qualifier}".replace(" ,", ",")
    assume(gt.Status.parse(status_text) is None)
    doc = gate.loads(_block(f"1. Hire two staff. HR Unit 2022/06 {status_text}{rest}"))
    tabbed = gate.loads(_block(f"1. Hire two staff.\tHR Unit\t2022/06\t{status_text}\t{rest}"))
    for read in (doc, tabbed):
        [action] = read.actions
        assert (None, status_text, "2022/06") == (
            action.status,
            action.status_text,
            action.deadline_text,
        )
        assert "GT311" in _codes(read)


# ---------------------------------------------------------------------------
# What starts the comments after a status word, and what qualifies it whatever follows


_QUALIFYING_SENTENCES = [
    ("Not all staff attended; a second round is planned.", "Not"),
    ("But a second round is planned.", "But"),
    ("Except the northern district, where the rains delayed it.", "Except"),
    ("Partially funded by the district budget.", "Partially"),
    ("Subject to the board's review in May.", "Subject to"),
    ("3 of 5 modules were later adapted.", "3 of 5"),
    ("3/5 sites trained, the rest in 2023.", "3/5"),
    ("60% of the staff were trained.", "60%"),
    ("- 2 of 3 workshops held in the capital.", "- 2 of 3"),
]


@pytest.mark.parametrize(("comments", "qualifier"), _QUALIFYING_SENTENCES)
def test_a_count_or_qualifying_word_qualifies_whatever_follows(
    comments: str, qualifier: str
) -> None:
    """`Completed Not all staff attended` and `Completed Not yet in the north` cannot be told
    apart, nor `Completed 3/5 sites trained` from a comment sentence starting with a count:
    the status is not read (GT311), never guessed; the words are split, not lost."""
    doc = gate.loads(_block(f"1. Train the clinic staff. Health Unit 2022/06 Completed {comments}"))
    [action] = doc.actions
    assert action.status is None
    assert f"Completed {qualifier}" == action.status_text
    assert f"Completed {comments}" == f"{action.status_text} {action.comments}"
    assert ["GT311", "GT101"] == _codes(doc)


@pytest.mark.parametrize(
    ("after", "status_text", "comments"),
    [
        ("Completed - partially, two left.", "Completed - partially", ", two left."),
        ("Completed Only in the north.", "Completed Only", "in the north."),
    ],
)
def test_a_qualifying_word_after_a_dash_or_only_qualifies(
    after: str, status_text: str, comments: str
) -> None:
    """Regression: `Completed - partially` and `Completed Only in the north` were read as
    completed; the word qualifies the status after a dash too, and `only` is a qualifying
    word (GT311)."""
    doc = gate.loads(_block(f"1. Train the clinic staff. Health Unit 2022/06 {after}"))
    [action] = doc.actions
    assert (None, status_text, comments, ["GT311", "GT101"]) == (
        action.status,
        action.status_text,
        action.comments,
        _codes(doc),
    )


@pytest.mark.parametrize(
    "comments",
    [
        "The report was shared with the board.",
        "All twelve districts took part.",
        "Two sites were added in May.",
    ],
)
def test_a_comment_sentence_after_the_status_word_keeps_the_status(comments: str) -> None:
    """A capitalised word that qualifies nothing starts the comments, kept whole."""
    doc = gate.loads(_block(f"1. Train the clinic staff. Health Unit 2022/06 Completed {comments}"))
    [action] = doc.actions
    expected = (gt.Status.COMPLETED, "Completed", comments)
    assert expected == (action.status, action.status_text, action.comments)
    assert [] == _codes(doc)


@pytest.mark.parametrize(
    ("after", "status_text", "comments"),
    [
        ("Completed, Partially", "Completed, Partially", ""),
        ("Completed Partially", "Completed Partially", ""),
        ("COMPLETED PARTIALLY Two sites left.", "COMPLETED PARTIALLY", "Two sites left."),
        ("Completed 3 of 5 Two sites left.", "Completed 3 of 5", "Two sites left."),
        ("Completed 3 of 5, two sites left.", "Completed 3 of 5", ", two sites left."),
        ("Completed (2 of 4 sites) Not all staff attended.", "Completed (2 of 4 sites) Not",
         "all staff attended."),
        ("Completed (2 of 4) modules were adapted.", "Completed (2 of 4)", "modules were adapted."),
    ],
)  # fmt: skip
def test_a_qualifier_that_starts_no_sentence_is_read_with_the_status(
    after: str, status_text: str, comments: str
) -> None:
    """A capitalised qualifying word after a comma, in capitals as the status is, or ending
    the line, and a count not followed by lowercase words, qualify the status (GT311)."""
    doc = gate.loads(_block(f"1. Train the clinic staff. Health Unit 2022/06 {after}"))
    [action] = doc.actions
    expected = (None, status_text, comments, ["GT311", "GT101"])
    assert expected == (action.status, action.status_text, action.comments, _codes(doc))


@pytest.mark.parametrize(
    ("cell", "status", "codes"),
    [
        ("Completed (2 of 4 sites)", None, ["GT311", "GT101"]),
        ("Ongoing (100%)", None, ["GT311", "GT101"]),
        ("Completed 3/5", None, ["GT311", "GT101"]),
        ("Completed, not in all districts", None, ["GT311", "GT101"]),
        ("Completed (June 2022)", gt.Status.COMPLETED, []),
        ("Ongoing 80%", gt.Status.ONGOING, []),
        ("Completed", gt.Status.COMPLETED, []),
    ],
)
def test_a_qualified_status_in_a_tabbed_cell_is_reported(
    cell: str, status: gt.Status | None, codes: list[str]
) -> None:
    """Regression: `Completed (2 of 4 sites)` in the status cell of a line with tabs gave no
    status and nothing said (GT311 only without tabs); it is reported as GT311 too."""
    doc = gate.loads(_block(f"1. Train the clinic staff.\tHealth Unit\t2022/06\t{cell}\tLate."))
    [action] = doc.actions
    expected = (status, cell, "Late.", [(code, "line 11") for code in codes])
    actual = (action.status, action.status_text, action.comments,
              [(p.code, str(p.location)) for p in doc.problems])  # fmt: skip
    assert expected == actual


_lower_words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)
_plain_sentences = st.tuples(
    st.sampled_from(["The", "Staff", "Two", "All", "Report"]), _lower_words
).map(lambda parts: f"{parts[0]} {parts[1]}.")
"""A comment sentence starting with a capitalised word that qualifies nothing."""
_qualifying_sentences = st.one_of(
    st.tuples(
        st.sampled_from(["Not", "But", "Except", "Partially", "Partly", "Partial", "In part",
                         "Subject to", "not", "partially"]),
        _lower_words,
    ).map(" ".join),
    st.tuples(st.integers(0, 99), st.sampled_from(["/", " of ", " out of "]), st.integers(1, 99),
              _lower_words).map(lambda parts: f"{parts[0]}{parts[1]}{parts[2]} {parts[3]}"),
    st.tuples(st.integers(0, 120), _lower_words).map(lambda parts: f"{parts[0]}% of {parts[1]}"),
).map(lambda sentence: f"{sentence}.")  # fmt: skip
"""Words after a status word opening with a qualifying word (in any case) or a count, which
may qualify the status or open a comment sentence (`3 of 5 staff …`, `Not all …`)."""


@given(status_words, _plain_sentences)
def test_a_comment_sentence_keeps_the_status_before_it(word: str, comments: str) -> None:
    """For any status word followed by a sentence starting with a capitalised word that
    qualifies nothing, the status is read and the sentence is the comments, whole."""
    doc = gate.loads(_block(f"1. Hire two staff. HR Unit 2022/06 {word} {comments}"))
    [action] = doc.actions
    expected = (gt.Status.parse(word), word, comments)
    assert expected == (action.status, action.status_text, action.comments)
    assert "GT311" not in _codes(doc)


@given(status_words, _qualifying_sentences)
def test_words_that_may_qualify_the_status_are_never_guessed_away(word: str, comments: str) -> None:
    """For any status word followed by a qualifying word or a count and more words, the
    status read is what Status.parse reads of the status text, an unread one is reported
    (GT311), and the status text and comments together are the words as written."""
    doc = gate.loads(_block(f"1. Hire two staff. HR Unit 2022/06 {word} {comments}"))
    [action] = doc.actions
    assert gt.Status.parse(action.status_text) == action.status
    assert action.status is not None or "GT311" in _codes(doc)
    joined = f"{action.status_text} {action.comments}".replace(" ,", ",").strip()
    assert f"{word} {comments}" == joined


@pytest.mark.parametrize(
    ("line", "status_text", "comments", "meant"),
    [
        ("1. Recruit a firm. Operations Unit 2022/03 Competed", "Competed", "", "Completed"),
        ("1. Train the staff. Health Unit 2022/06 Ongiong Tender re-advertised once.",
         "Ongiong", "Tender re-advertised once.", "Ongoing"),
        ("1. Train the staff. Health Unit 2022/06 Not strated", "Not strated", "", "Not started"),
    ],
)  # fmt: skip
def test_misspelt_status_word_is_kept_as_the_status(
    line: str, status_text: str, comments: str, meant: str
) -> None:
    """Regression: a misspelt status word after the deadline on a line without tabs went into
    the comments with only GT303 (a warning), so validate passed and the action counted as
    overdue. It is the status as written now, not read (GT101, suggesting the status)."""
    doc = gt.loads(_block(line), format="gate")
    [action] = doc.actions
    assert (None, status_text, comments) == (action.status, action.status_text, action.comments)
    assert ["GT101"] == _codes(doc)
    assert f"did you mean {meant!r}?" in doc.problems[0].message


@pytest.mark.parametrize(
    ("line", "due", "status_text", "comments", "meant"),
    [
        ("1. Hire a firm. Operations Unit by end of Q3 2025 Ongiong", "by end of Q3 2025",
         "Ongiong", "", "Ongoing"),
        ("1. Hire a firm. Operations Unit March 2024 Competed", "March 2024", "Competed", "",
         "Completed"),
        ("1. Hire a firm. Operations Unit first half of 2024 Ongiong Tender re-advertised.",
         "first half of 2024", "Ongiong", "Tender re-advertised.", "Ongoing"),
        ("1. Hire a firm. Operations Unit FY 2024/25 Not strated", "FY 2024/25", "Not strated",
         "", "Not started"),
        ("1. Hire a firm. Operations Unit 2022/06 Not yet strated", "2022/06", "Not yet strated",
         "", "Not yet started"),
        ("1. Hire a firm. Operations Unit Q1 2024 No longer relevnt Merged with 2.", "Q1 2024",
         "No longer relevnt", "Merged with 2.", "No longer relevant"),
        ("1. Hire a firm. Operations Unit Q1 2024 En cours de réalisaton", "Q1 2024",
         "En cours de réalisaton", "", "En cours de réalisation"),
        ("1. Hire a firm. Operations Unit 2022/06 O-going", "2022/06", "O-going", "", "Ongoing"),
    ],
)  # fmt: skip
def test_misspelt_status_word_after_any_deadline_is_kept_as_the_status(
    line: str, due: str, status_text: str, comments: str, meant: str
) -> None:
    """Regression: a misspelt status word was the status (GT101, with a hint) only after a
    date in figures and when of one or two words; after a deadline in words the line had no
    deadline (GT302, the whole line the text), and a word of three (``Not yet strated``) or
    after a shorter status word (``En cours de réalisaton`` read ``En cours``) went into the
    comments. Now it is the status as written, not read, wherever a status may stand."""
    doc = gt.loads(_block(line), format="gate")
    [action] = doc.actions
    assert action.due is not None
    assert (("Operations Unit",), due, None, status_text, comments) == (
        action.responsible, action.due.text, action.status, action.status_text, action.comments
    )  # fmt: skip
    assert ["GT101"] == _codes(doc)
    assert f"did you mean {meant!r}" in doc.problems[0].message


@pytest.mark.parametrize("due", ["Q3 2025", "2022/07", "end of March 2024"])
def test_a_line_without_a_ref_with_a_misspelt_status_is_a_key_action(due: str) -> None:
    """Regression: a line without a ref whose deadline (in words) was followed by a misspelt
    status word was not taken for a key action, and went whole into the comments of the one
    above, silently. It is a key action now, its status as written (GT101 on its line)."""
    doc = gt.loads(
        _block("1. Hire staff. HR Unit 2022/06 Ongoing", f"Train the staff. HR Unit {due} Ongiong"),
        format="gate",
    )
    first, second = doc.actions
    assert second.due is not None
    assert ("", "Ongoing", "") == (first.comments, first.status_text, second.ref)
    assert ("Train the staff.", due, "Ongiong") == (
        second.text,
        second.due.text,
        second.status_text,
    )
    assert [("GT101", 12)] == [(p.code, p.location and p.location.line) for p in doc.problems]


@pytest.mark.parametrize(
    ("after", "status_text", "comments"),
    [("Ongoing A", "Ongoing", "A"), ("Not started s", "Not started", "s"),
     ("En cours Tender", "En cours", "Tender"), ("Completed. Fully done", "Completed",
     ". Fully done")],
)  # fmt: skip
def test_a_status_word_is_not_taken_into_a_longer_near_miss(
    after: str, status_text: str, comments: str
) -> None:
    """A status word followed by a letter of its own (``Ongoing A``: one letter off
    ``Ongoing`` once folded) or a word that makes no longer status word stays the status it
    is; only a shorter status word opening a longer misspelt one (``En cours de
    réalisaton``) gives way to it."""
    doc = gt.loads(_block(f"1. Hire two staff. HR Unit Q1 2024 {after}"), format="gate")
    [action] = doc.actions
    assert (status_text, comments) == (action.status_text, action.comments)
    assert "GT101" not in _codes(doc)


def test_a_word_near_a_status_after_a_deadline_in_words_is_named() -> None:
    """A deadline in words needs a status after it; a word near one that is not taken for it
    (the slip is at its edge, and a sentence follows) leaves the line without a deadline
    (GT302), whose message now names the status word it is near, as GT303's does."""
    doc = gt.loads(
        _block("1. Hire two staff. HR Unit by end of Q3 2025 Ngoing The report was shared."),
        format="gate",
    )
    assert ["GT302"] == _codes(doc)
    assert (
        "'Ngoing' after 'by end of Q3 2025' is near the status word 'Ongoing': if it is the "
        "status, write it as such"
    ) in doc.problems[0].message


@given(slipped_status_words, _line_dues, st.sampled_from(["", ".", " The report was shared."]))
def test_a_slipped_status_word_after_any_deadline_is_never_absorbed(
    word: str, due: gt.Due, after: str
) -> None:
    """Any status word of five letters or more with a letter dropped or two swapped, after a
    deadline of any shape the reader knows, is never taken into the deadline, the text or the
    comments: it is the status text, read when it is another status word, else reported
    (GT101, naming the word meant). Followed by a sentence it is so when the slip is inside
    the word and it is no common English word; else nothing is guessed: the comments keep
    it (GT303 names the status word near), or after a deadline in words, which needs a
    status after it, the line is the text (GT302)."""
    line = f"Hire two staff. HR Unit {due.text} {word}{after}"
    doc = gt.loads(_block(f"1. {line}"), format="gate")
    [action] = doc.actions
    known = near_status_word(word) or ""
    interior = (word[0] + word[-1]).casefold() == (known[:1] + known[-1:]).casefold()
    ordinary = not interior or word.casefold() in gate.COMMON_WORDS_NEAR_STATUS
    if after.startswith(" ") and gt.Status.parse(word) is None and ordinary:
        if action.due is None:  # a deadline in words needs a status after it: GT302
            assert (line, ["GT302"]) == (action.text, _codes(doc))
            assert f"after {due.text!r} is near the status word" in doc.problems[0].message
            return
        assert ("", f"{word}{after}") == (action.status_text, action.comments)
        assert "GT303" in _codes(doc)
        return
    assert action.due is not None
    assert (due, ("HR Unit",)) == (attrs.evolve(action.due, text=due.text), action.responsible)
    assert (word, after.strip()) == (action.status_text, action.comments)
    if action.status is None:
        [problem] = [p for p in doc.problems if p.code == "GT101"]
        assert f"did you mean {known!r}" in problem.message


@pytest.mark.parametrize(
    "after",
    ["Tender re-advertised once.", "Close coordination with the unit.", "Stalled for now"],
)
def test_a_comment_after_a_deadline_is_no_misspelt_status(after: str) -> None:
    """A word that is no near miss of a status (or runs on into a sentence) opens the
    comments, with GT303, as before."""
    doc = gt.loads(_block(f"1. Train the staff. Health Unit 2022/06 {after}"), format="gate")
    [action] = doc.actions
    assert ("", after) == (action.status_text, action.comments)
    assert ["GT303"] == _codes(doc)


@given(misspelt_status_words, st.sampled_from(["", " The report was shared.", ". Done twice."]))
def test_a_misspelt_status_word_is_never_lost_to_the_comments(word: str, after: str) -> None:
    """A status word with one letter off after a deadline is the status text as written:
    read when it is another status word, else reported (GT101); only a word near no single
    status (or near two) opens the comments, and then GT303 says so."""
    doc = gt.loads(_block(f"1. Hire two staff. HR Unit 2022/06 {word}{after}"), format="gate")
    [action] = doc.actions
    known = near_status_word(word) or ""
    interior = (word[0] + word[-1]).casefold() == (known[:1] + known[-1:]).casefold()
    ordinary = word.casefold() in gate.COMMON_WORDS_NEAR_STATUS
    if gt.Status.parse(word) is None and (
        not known or (after.strip() not in {"", "."} and (not interior or ordinary))
    ):
        assert "GT303" in _codes(doc)
        assert action.comments.startswith(word)
        return
    assert word == action.status_text
    assert action.status is not None or "GT101" in _codes(doc)
    assert after.strip() == action.comments


@pytest.mark.parametrize(
    ("after", "near"),
    [
        ("Spending Review postponed to 2023.", "'Spending', near the status word 'Pending'"),
        ("Close Coordination with partners is needed.", "'Close', near the status word 'Closed'"),
        ("Ending: the project closed in May.", "'Ending', near the status word 'Pending'"),
        ("Sending 3 letters to the ministry.", "'Sending', near the status word 'Pending'"),
        ("Stated Policy adopted.", "'Stated', near the status word 'Started'"),
        ("Closes 30 June 2023.", "'Closes', near the status word 'Closed'"),
    ],
)
def test_a_word_near_a_status_opening_a_sentence_starts_the_comments(after: str, near: str) -> None:
    """Regression: an ordinary word one letter off a status word opening the comments
    (``Spending Review …``, ``Stated Policy …``) was taken for a misspelt status (GT101,
    status_text ``Spending``). Followed by more text, a near word is the status only when the
    edit is inside it and it is no common English word; else the line is kept in the
    comments (GT303), whose message names the status word it is near."""
    doc = gt.loads(_block(f"1. Train the staff. Health Unit 2022/06 {after}"), format="gate")
    [action] = doc.actions
    assert ("", after) == (action.status_text, action.comments)
    assert ["GT303"] == _codes(doc)
    assert f"the comments start with {near}: if it is a status" in doc.problems[0].message


@given(common_words_near_status, st.sampled_from([" Review postponed to 2023.", ": see below."]))
def test_a_common_word_near_a_status_before_a_sentence_is_never_the_status(
    word: str, sentence: str
) -> None:
    """A capitalised common English word near a status word (``Spending``, ``Stated``)
    followed by a sentence opens the comments, never the status."""
    doc = gt.loads(_block(f"1. Hire two staff. HR Unit 2022/06 {word}{sentence}"), format="gate")
    [action] = doc.actions
    assert ("", f"{word}{sentence}") == (action.status_text, action.comments)


@given(interior_misspelt_status_words, st.sampled_from(["", "."]))
def test_a_status_word_with_an_interior_slip_alone_is_the_status(word: str, stop: str) -> None:
    """A status word with an interior letter dropped or two swapped, alone after the
    deadline (perhaps with a full stop), is the status as written (GT101)."""
    doc = gt.loads(_block(f"1. Hire two staff. HR Unit 2022/06 {word}{stop}"), format="gate")
    [action] = doc.actions
    assert (None, word) == (action.status, action.status_text)
    assert "GT101" in _codes(doc)


# ---------------------------------------------------------------------------
# Indented and wrapped key-action lines, deadlines in words that cannot be read


def _actions(doc: gt.Document) -> list[tuple[object, ...]]:
    return [(action.ref, *_cut(action)) for action in doc.actions]


@pytest.mark.parametrize("indent", ["\t", "\t\t", " \t", "  "])
def test_an_indented_key_action_line_reads_as_without_its_indent(indent: str) -> None:
    """Regression: a key-action line starting with a tab (`\\t2. Load …`) was read as one cell
    of a tab-separated line: ref '' and text '', the whole line as its responsible party, no
    deadline and no problem, so the overdue action vanished from reminders."""
    doc = gt.loads(
        _block("1. Design the register. Roads Unit 2024/02 Ongoing",
               f"{indent}2. Load the inventories. Roads Unit 2024/03 Ongoing"),
        format="gate",
    )  # fmt: skip
    assert [("2", "Load the inventories.", ("Roads Unit",), "2024/03", "Ongoing", "")] == (
        _actions(doc)[1:]
    )
    assert [] == _codes(doc)


def test_a_tab_separated_line_with_an_indent_reads_its_cells() -> None:
    """A line copied from the web table with its ref in a cell of its own and an indent
    reads its cells as the line without the indent does."""
    line = "2.\tLoad the inventories.\tRoads Unit\t2024/03\tOngoing\tStarted."
    assert _actions(gate.loads(_block(f"\t{line}"))) == _actions(gate.loads(_block(line)))
    assert [("2", "Load the inventories.", ("Roads Unit",), "2024/03", "Ongoing", "Started.")] == (
        _actions(gate.loads(_block(line)))
    )


@given(gate_key_action_lines, indents)
def test_indented_key_action_lines_read_as_without(
    line: tuple[str, tuple[str, ...]], indent: str
) -> None:
    """Any well-formed key-action line with leading spaces or tabs reads as without them."""
    plain = gate.loads(_block(line[0]))
    indented = gate.loads(_block(indent + line[0]))
    assert (_actions(plain), plain.problems) == (_actions(indented), indented.problems)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["1. Publish the dashboard. ICT", "Unit 2024/12 Not started"],
         ("1", "Publish the dashboard.", ("ICT Unit",), "2024/12", "Not started", "")),
        (["3. Mail the dashboard. ICT Unit", "2024/10 Ongoing"],
         ("3", "Mail the dashboard.", ("ICT Unit",), "2024/10", "Ongoing", "")),
        (["1. Commission an audit of the contracts signed since 2021, with a sample of road",
          "sections inspected on site. Audit Section 2024/05 Ongoing Terms drafted."],
         ("1", ("Commission an audit of the contracts signed since 2021, with a sample of road "
          "sections inspected on site."), ("Audit Section",), "2024/05", "Ongoing",
          "Terms drafted.")),
        (["1. Publish the dashboard.", "ICT Unit Q4 2024 Ongiong"],
         ("1", "Publish the dashboard.", ("ICT Unit",), "Q4 2024", "Ongiong", "")),
    ],
)  # fmt: skip
def test_a_wrapped_key_action_line_reads_as_one(
    lines: list[str], expected: tuple[object, ...]
) -> None:
    """Regression: a key-action line wrapped onto the next line made two actions, one with
    an empty or fragment text (`Unit`), neither with both its party and its deadline, and no
    reading problem; the lines are read as one, and GT312 (info) says so."""
    doc = gate.loads(_block(*lines))
    assert [expected] == _actions(doc)
    assert [("GT312", 12, gt.Severity.INFO)] == [
        (p.code, p.location and p.location.line, p.severity)
        for p in doc.problems
        if p.code != "GT101"
    ]
    assert "line 12 continues the key action of line 11" in doc.problems[0].message


def test_a_key_action_wrapped_over_three_lines_reads_as_one() -> None:
    doc = gate.loads(
        _block("1. Commission an audit of all", "contracts signed since", "2021, with samples."
               " Audit Section 2024/05 Ongoing")
    )  # fmt: skip
    assert [("1", "Commission an audit of all contracts signed since 2021, with samples.",
             ("Audit Section",), "2024/05", "Ongoing", "")] == _actions(doc)  # fmt: skip
    assert ["GT312"] == _codes(doc)
    assert "lines 12-13 continue the key action of line 11" in doc.problems[0].message


def test_a_status_alone_on_the_next_line_is_the_status_above() -> None:
    """Regression: a status wrapped onto a line of its own went into the comments, the
    action above without a status (GT303); it is that action's status (GT312)."""
    doc = gate.loads(_block("1. Publish the dashboard. ICT Unit 2024/12", "Not started"))
    assert [("1", "Publish the dashboard.", ("ICT Unit",), "2024/12", "Not started", "")] == (
        _actions(doc)
    )
    assert ["GT312"] == _codes(doc)


def test_a_wrapped_looking_line_after_a_complete_key_action_is_said() -> None:
    """A line that starts like the rest of a wrapped line (a name alone before its
    deadline) after a complete key action is read as one of its own, and said (GT313)."""
    doc = gate.loads(_block("1. Publish the dashboard. ICT Unit 2024/12 Ongoing",
                            "Unit 2025/01 Not started"))  # fmt: skip
    assert 2 == len(doc.actions)
    assert "GT313" in _codes(doc)


def test_an_action_without_its_ref_after_a_line_ending_with_a_name_is_its_own() -> None:
    """Regression: a ref-less key action in Title Case (a verb and more words) after a line
    with no deadline that ends with a name was joined to it, its words read into the party
    of the action above (`Knowledge Unit Develop Resource Mobilization Strategy`) with only
    an info; it is read as a key action of its own, and said (GT302, GT313)."""
    doc = gate.loads(_block("1. Write the lessons note. Knowledge Unit",
                            "Develop Resource Mobilization Strategy 2022/06 Ongoing"))  # fmt: skip
    read = [(a.ref, a.text) for a in doc.actions]
    assert [
        ("1", "Write the lessons note. Knowledge Unit"),
        ("", "Develop Resource Mobilization Strategy"),
    ] == read
    assert all("Develop" not in party for a in doc.actions for party in a.responsible)
    assert {"GT302", "GT313"} <= set(_codes(doc))
    assert "GT312" not in _codes(doc)


def test_a_wrapped_name_that_changes_the_party_above_is_a_warning() -> None:
    """A wrapped line whose name of several words follows a line that ends with a name is
    joined, the names read as one party: GT312 is then a warning, not an info."""
    doc = gate.loads(_block("1. Write the lessons note. Knowledge", "Management Unit 2022/06 "
                            "Ongoing"))  # fmt: skip
    assert [("Knowledge Management Unit",)] == [a.responsible for a in doc.actions]
    assert [("GT312", gt.Severity.WARNING)] == [(p.code, p.severity) for p in doc.problems]


@given(gate_key_action_lines, st.data())
def test_a_key_action_line_wrapped_anywhere_reads_as_one_or_is_said(
    line: tuple[str, tuple[str, ...]], data: st.DataObject
) -> None:
    """A well-formed key-action line wrapped at any word boundary reads as the line itself
    plus one info problem (GT312), or as itself with its comments wrapped, or a warning says
    what is uncertain; never an action with an empty text and nothing said."""
    words = line[0].split(" ")
    at = data.draw(st.integers(1, len(words) - 1))
    plain = gate.loads(_block(line[0]))
    wrapped = gate.loads(_block(" ".join(words[:at]), " ".join(words[at:])))
    warned = [p for p in wrapped.problems if p.severity is not gt.Severity.INFO]
    if any(p not in plain.problems for p in warned):
        return
    [expected] = _actions(plain)
    [read] = _actions(wrapped)
    assert (*read[:5], " ".join(str(read[5]).split())) == expected
    added = [p.code for p in wrapped.problems if p not in plain.problems]
    assert added in (["GT312"], [])  # none when the comments were wrapped


@pytest.mark.parametrize(
    "due", ["TBD", "TBC", "ongoing", "continuous", "n/a", "as needed",
            "within 3 months of approval", "upon approval of the budget"],
)  # fmt: skip
def test_an_unreadable_deadline_keeps_the_party_and_the_status(due: str) -> None:
    """Regression: a deadline the reader cannot read (`TBD`) made the whole line the action's
    text (GT302), losing its party and status; as in a matrix, the words are kept as the
    deadline's text (GT104) and the party and status are read."""
    doc = gt.loads(_block(f"1. Hold a lessons workshop. Roads Unit {due} Not started"),
                   format="gate")  # fmt: skip
    [action] = doc.actions
    assert ("Hold a lessons workshop.", ("Roads Unit",), due, gt.Status.NOT_STARTED) == (
        action.text, action.responsible, action.due_text, action.status
    )  # fmt: skip
    assert [("GT104", 11)] == [(p.code, p.location and p.location.line) for p in doc.problems]


@given(gate_key_action_lines, unread_deadline_words)
def test_an_unreadable_deadline_cuts_the_line_as_a_deadline_does(
    line: tuple[str, tuple[str, ...]], due: str
) -> None:
    """Any well-formed key-action line whose deadline is in common words that cannot be read
    reads its text, party, status and comments as with a deadline, the words kept (GT104)."""
    ref, text, party, deadline, status, comments = line[1]
    doc = gt.loads(_block(line[0].replace(f" {deadline} ", f" {due} ", 1)), format="gate")
    assert [(ref, text, (party,), due, status, comments)] == _actions(doc)
    assert ["GT104"] == _codes(doc)


def test_a_web_table_line_with_its_ref_in_a_cell_and_no_comments_cell_reads_its_cells() -> None:
    """Regression: a line copied from the web table with the ref in a cell of its own and
    no comments cell (five cells) was read shifted: text '', the action as its party, the
    party as its deadline (GT104) and the deadline as its status (GT101)."""
    line = "2.\tLoad the inventories.\tRoads Unit\t2024/03\tOngoing"
    doc = gate.loads(_block(line))
    assert [("2", "Load the inventories.", ("Roads Unit",), "2024/03", "Ongoing", "")] == (
        _actions(doc)
    )
    assert not [problem for problem in doc.problems if problem.code in {"GT101", "GT104"}]


def test_govtrack_s_own_line_of_an_action_without_text_still_reads() -> None:
    """The tab line govtrack writes for an action with a ref and no text (`2. `, party,
    deadline, status, comments) keeps its cells: the deadline stands third, not fourth."""
    action = gt.Action(
        ref="2", text="", responsible=("Roads Unit",), due=gt.parse_due("2024/03"),
        status=gt.Status.ONGOING, status_text="Ongoing", comments="Started.",
    )  # fmt: skip
    doc = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="E",
                recommendations=(
                    gt.Recommendation(ref="1", text="Staff the offices.", actions=(action,)),
                ),
            ),
        )
    )
    back = gate.loads(gate.dumps(doc))
    assert [("2", "", ("Roads Unit",), "2024/03", "Ongoing", "Started.")] == _actions(back)


@given(gate_key_action_lines)
def test_any_web_table_line_with_a_ref_cell_reads_as_its_spaced_twin(
    line: tuple[str, tuple[str, ...]],
) -> None:
    """Any key action copied as tab-separated cells with the ref in a cell of its own, with
    or without a comments cell, reads as the same action written with spaces."""
    ref, text, party, due, status, comments = line[1]
    cells = [f"{ref}.", text, party, due, status, *([comments] if comments else [])]
    tabbed = gate.loads(_block("\t".join(cells)))
    assert [(ref, text, (party,), due, status, comments)] == _actions(tabbed)


def test_a_web_table_line_with_an_empty_ref_cell_reads_its_cells() -> None:
    """Regression: the same web-table row with its ref cell empty read shifted too (text
    '', the action as its party, GT101 and GT104); govtrack's own line of an action with
    no ref and no text keeps its cells."""
    line = "\tWrite the lessons note.\tKnowledge Unit\t2022/06\tOngoing"
    own = "\tKnowledge Unit\t2022/06\tOngoing\tStarted."
    assert [("", "Write the lessons note.", ("Knowledge Unit",), "2022/06", "Ongoing", "")] == (
        _actions(gate.loads(_block(line)))
    )
    assert [("", "", ("Knowledge Unit",), "2022/06", "Ongoing", "Started.")] == (
        _actions(gate.loads(_block(own)))
    )


def test_a_wrapped_line_starting_with_its_deadline_after_a_complete_action_reads() -> None:
    """Regression (found by the fuzz test): a line without a ref that starts with its
    deadline, after a key action that is complete, raised IndexError when the reader said
    why it is read as an action of its own (GT313)."""
    doc = gt.loads(
        "Recommendation: 1.1: x\nKey Actions\n3.Z 2021/13 Completed\n31/03/2024 Completed",
        format="gate",
    )
    assert "GT313" in [problem.code for problem in doc.problems]
