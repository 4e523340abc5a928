"""diff compares the places' details, the recommendations and their responses, and the
actions' extra columns."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.changes import ChangeKind, diff
from govtrack.cli import main
from strategies import dates, dues, indicators, meetings, plans, recommendations, reports, texts
from strategies import words as nonblank_words

ACCEPTED, PARTIAL = gt.ResponseCategory.ACCEPTED, gt.ResponseCategory.PARTIALLY_ACCEPTED


def _evaluation(
    *recommendations: gt.Recommendation, title: str = "Country programme"
) -> gt.Document:
    return gt.Document(evaluations=(gt.Evaluation(title=title, recommendations=recommendations),))


def _recommendation(
    text: str = "Strengthen district supervision",
    response: gt.ManagementResponse | None = None,
    ref: str = "3",
) -> gt.Recommendation:
    return gt.Recommendation(
        ref=ref,
        text=text,
        response=response or gt.ManagementResponse(text="Agreed with the unit", category=ACCEPTED),
        actions=(gt.Action(ref=f"{ref}.1", text="Visit each district twice a year"),),
    )


def _said(old: gt.Document, new: gt.Document) -> list[tuple[ChangeKind, str, str]]:
    found = diff(old, new)
    return [(change.kind, change.message, change.recommendation) for change in found]


def _meeting(**fields: Any) -> gt.Document:
    meeting = gt.Meeting(
        title="Steering committee",
        date=dt.date(2024, 3, 5),
        starts=dt.time(9, 30),
        ends=dt.time(11),
        when_text="5 March 2024, 09:30-11:00",
        venue="Ministry annex, room 4",
        decisions=(gt.Decision(ref="1", text="Circulate the revised budget"),),
    )
    return gt.Document(meetings=(attrs.evolve(meeting, **fields),))


def test_a_recommendation_rewritten_is_reworded() -> None:
    """A recommendation's text rewritten is reported as reworded, under its ref."""
    old = _evaluation(_recommendation())
    new = _evaluation(_recommendation("Strengthen supervision in the northern districts"))
    assert [
        (
            ChangeKind.REWORDED,
            (
                "Recommendation 3 'Strengthen district supervision': text reworded → "
                "'Strengthen supervision in the northern districts'"
            ),
            "3",
        )
    ] == _said(old, new)


def test_a_recommendation_retyped_is_no_change() -> None:
    """A recommendation's text with other spacing and case is not reworded."""
    old = _evaluation(_recommendation())
    new = _evaluation(_recommendation("strengthen  district\nsupervision"))
    assert [] == _said(old, new)


def test_a_management_response_rewritten_is_a_response_change() -> None:
    """A response's text and description changed are two response changes."""
    old = _evaluation(_recommendation())
    new = _evaluation(
        _recommendation(
            response=gt.ManagementResponse(
                text="Agreed; the regional office leads", category=ACCEPTED, description="Funded"
            )
        )
    )
    assert [
        (
            ChangeKind.RESPONSE,
            (
                "Recommendation 3 'Strengthen district supervision': response "
                "'Agreed with the unit' → 'Agreed; the regional office leads'"
            ),
            "3",
        ),
        (
            ChangeKind.RESPONSE,
            (
                "Recommendation 3 'Strengthen district supervision': response description "
                "'(none)' → 'Funded'"
            ),
            "3",
        ),
    ] == _said(old, new)


def test_a_response_category_changed_is_a_category_change() -> None:
    """Accepted → Partially accepted is reported; an unknown category word rewritten too."""
    old = _evaluation(_recommendation())
    new = _evaluation(
        _recommendation(
            response=gt.ManagementResponse(text="Agreed with the unit", category=PARTIAL)
        )
    )
    assert [
        (
            ChangeKind.CATEGORY,
            (
                "Recommendation 3 'Strengthen district supervision': response category "
                "Accepted → Partially accepted"
            ),
            "3",
        )
    ] == _said(old, new)
    unknown = _evaluation(_recommendation(response=gt.ManagementResponse(category_text="Noted")))
    other = _evaluation(_recommendation(response=gt.ManagementResponse(category_text="Deferred")))
    assert [ChangeKind.CATEGORY] == [kind for kind, _, _ in _said(unknown, other)]


def test_recommendations_pair_by_text_before_ref() -> None:
    """A recommendation inserted above renumbers the next: it keeps its pair, no change."""
    kept = _recommendation(ref="1")
    inserted = gt.Recommendation(ref="1", text="Publish the evaluation in two languages")
    moved = attrs.evolve(
        kept,
        ref="2",
        actions=(gt.Action(ref="2.1", text="Visit each district twice a year"),),
    )
    assert [] == [
        kind
        for kind, _, _ in _said(_evaluation(kept), _evaluation(inserted, moved))
        if kind is not ChangeKind.ADDED
    ]


def test_a_recommendation_of_a_retitled_evaluation_is_compared() -> None:
    """The evaluation retitled, its recommendation still pairs: both are reported."""
    old = _evaluation(_recommendation(), title="Status as of June 2024")
    new = _evaluation(
        _recommendation(response=gt.ManagementResponse(category=ACCEPTED)),
        title="Status as of December 2024",
    )
    assert [ChangeKind.RETITLED, ChangeKind.RESPONSE] == [kind for kind, _, _ in _said(old, new)]


def test_a_meeting_moved_to_another_day_is_rescheduled() -> None:
    """A meeting's date or times changed is rescheduled, shown as day and times."""
    assert [
        (
            ChangeKind.RESCHEDULED,
            (
                "meeting 'Steering committee': date '2024-03-05 09:30–11:00' → "
                "'2024-03-12 14:00–15:00'"
            ),
            "",
        )
    ] == _said(
        _meeting(),
        _meeting(date=dt.date(2024, 3, 12), starts=dt.time(14), ends=dt.time(15)),
    )


def test_a_meeting_date_written_another_way_is_no_change() -> None:
    """The same day and times written otherwise is not a change; unread dates compare as
    written."""
    assert [] == _said(_meeting(), _meeting(when_text="05/03/2024 9.30 to 11"))
    unread = {"date": None, "starts": None, "ends": None}
    assert [ChangeKind.RESCHEDULED] == [
        kind
        for kind, _, _ in _said(
            _meeting(**unread, when_text="early March"), _meeting(**unread, when_text="mid March")
        )
    ]


def test_a_meeting_venue_changed_is_reported() -> None:
    """A meeting's venue changed (not only its spacing or case) is a venue change."""
    assert [] == _said(_meeting(), _meeting(venue="ministry  annex, Room 4"))
    assert [
        (
            ChangeKind.VENUE,
            "meeting 'Steering committee': venue 'Ministry annex, room 4' → 'Online'",
            "",
        )
    ] == _said(_meeting(), _meeting(venue="Online"))


def test_a_meeting_retitled_is_reported_and_its_decisions_still_pair() -> None:
    """A meeting retitled is one change; its decisions still pair with the old ones."""
    assert [
        (
            ChangeKind.RETITLED,
            "meeting 'Steering committee': retitled → 'Steering committee (2nd session)'",
            "",
        )
    ] == _said(_meeting(), _meeting(title="Steering committee (2nd session)"))


def test_places_without_actions_pair_in_order() -> None:
    """A plan and a report with nothing in them, retitled: paired in order, one change each."""
    old = gt.Document(
        plans=(gt.ActionPlan(title="Follow-up 2023"),),
        reports=(gt.ProgressReport(title="Q1 report"),),
    )
    new = gt.Document(
        plans=(gt.ActionPlan(title="Follow-up 2024"),),
        reports=(gt.ProgressReport(title="Q2 report"),),
    )
    assert [
        (ChangeKind.RETITLED, "report 'Q1 report': retitled → 'Q2 report'", ""),
        (ChangeKind.RETITLED, "plan 'Follow-up 2023': retitled → 'Follow-up 2024'", ""),
    ] == _said(old, new)


def test_a_report_period_changed_is_reported_unless_the_same_span() -> None:
    """A report's period changed is a period change; the same span written otherwise is not."""

    def report(period: str) -> gt.Document:
        return gt.Document(
            reports=(
                gt.ProgressReport(title="WG", period=gt.parse_due(period), period_text=period),
            )
        )

    assert [] == _said(report("2023/07"), report("Jul 2023"))
    assert [(ChangeKind.PERIOD, "report 'WG': period '2023/07' → '2023/08'", "")] == _said(
        report("2023/07"), report("2023/08")
    )


def test_an_evaluation_period_changed_is_reported() -> None:
    """An evaluation's period (as written) changed is a period change."""
    old = gt.Document(evaluations=(gt.Evaluation(title="CPE", period="2018-2021"),))
    new = gt.Document(evaluations=(gt.Evaluation(title="CPE", period="2018-2022"),))
    assert [(ChangeKind.PERIOD, "evaluation 'CPE': period '2018-2021' → '2018-2022'", "")] == (
        _said(old, new)
    )


def test_an_extra_column_changed_is_reported_column_by_column() -> None:
    """Each extra column changed, given or emptied is one change, in the new column order."""

    def plan(extra: dict[str, str]) -> gt.Document:
        action = gt.Action(ref="4", text="Train the data clerks", extra=extra)
        return gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))

    old = plan({"Budget (USD)": "12,000", "Donor": "Global fund", "Indicator": "Clerks trained"})
    new = plan({"Budget (USD)": "15,000", "Means of verification": "Attendance lists"})
    assert [
        (ChangeKind.EXTRA, "4 'Train the data clerks': column 'Budget (USD)' '12,000' → '15,000'"),
        (
            ChangeKind.EXTRA,
            (
                "4 'Train the data clerks': column 'Means of verification' '(none)' → "
                "'Attendance lists'"
            ),
        ),
        (ChangeKind.EXTRA, "4 'Train the data clerks': column 'Donor' 'Global fund' → '(none)'"),
        (
            ChangeKind.EXTRA,
            "4 'Train the data clerks': column 'Indicator' 'Clerks trained' → '(none)'",
        ),
    ] == [(kind, message) for kind, message, _ in _said(old, new)]
    assert [] == _said(old, plan({**old.actions[0].extra, "Donor": "GLOBAL  fund", "Note": " "}))


def test_an_indicator_extra_column_changed_is_reported() -> None:
    """An indicator's extra column changed is an extra change too."""

    def report(value: str) -> gt.Document:
        indicator = gt.Indicator(ref="1", text="Wells drilled", extra={"Baseline": value})
        return gt.Document(reports=(gt.ProgressReport(title="WG", indicators=(indicator,)),))

    assert [
        (ChangeKind.EXTRA, "indicator 1 'Wells drilled': column 'Baseline' '4' → '6'", "")
    ] == _said(report("4"), report("6"))


def test_cli_diff_json_lists_the_new_kinds(tmp_path: Path) -> None:
    """`diff --format json` gives the new kinds with their refs and places' cells; with no
    change, the text says what it compared."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    gt.dump(
        gt.Document(
            meetings=_meeting().meetings,
            evaluations=_evaluation(_recommendation()).evaluations,
        ),
        old,
    )
    gt.dump(
        gt.Document(
            meetings=_meeting(venue="Online").meetings,
            evaluations=_evaluation(
                _recommendation(response=gt.ManagementResponse(category=PARTIAL))
            ).evaluations,
        ),
        new,
    )
    out = io.StringIO()
    assert main(["diff", str(old), str(new), "--format", "json"], out=out) == 0
    assert [
        ("venue", "", ""),
        ("response", "3", "3"),
        ("category", "3", "3"),
    ] == [
        (item["kind"], item["ref"], item["recommendation"]) for item in json.loads(out.getvalue())
    ]
    out = io.StringIO()
    assert main(["diff", str(old), str(old)], out=out) == 0
    assert "recommendations and responses, titles, periods" in out.getvalue()


_Change = Callable[[gt.Document, st.DataObject], tuple[gt.Document, ChangeKind]]


def _evolve_place(doc: gt.Document, attribute: str, **fields: Any) -> gt.Document:
    """``doc`` with its first place of ``attribute`` (``"meetings"``…) given ``fields``."""
    first, *rest = getattr(doc, attribute)
    places: dict[str, Any] = {attribute: (attrs.evolve(first, **fields), *rest)}
    return attrs.evolve(doc, **places)


def _differs(before: str, after: str) -> bool:
    return " ".join(before.split()).casefold() != " ".join(after.split()).casefold()


def _retitle(attribute: str) -> _Change:
    def change(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
        title = data.draw(nonblank_words)
        assume(_differs(getattr(doc, attribute)[0].title, title))
        return _evolve_place(doc, attribute, title=title), ChangeKind.RETITLED

    return change


def _venue(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
    venue = data.draw(nonblank_words)
    assume(_differs(doc.meetings[0].venue, venue))
    return _evolve_place(doc, "meetings", venue=venue), ChangeKind.VENUE


def _date(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
    day = data.draw(dates)
    assume(day != doc.meetings[0].date)
    return _evolve_place(doc, "meetings", date=day), ChangeKind.RESCHEDULED


def _evaluation_period(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
    period = data.draw(texts)
    assume(_differs(doc.evaluations[0].period, period))
    return _evolve_place(doc, "evaluations", period=period), ChangeKind.PERIOD


def _report_period(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
    period = data.draw(dues)
    old = doc.reports[0].period
    assume(old is None or (old.start, old.end) != (period.start, period.end))
    assume((doc.reports[0].period_text.strip() or (old.text if old else "")) != period.text)
    return (
        _evolve_place(doc, "reports", period=period, period_text=period.text),
        ChangeKind.PERIOD,
    )


def _recommendation_field(
    field: str, kind: ChangeKind, value: st.SearchStrategy[object]
) -> _Change:
    def change(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
        recommendation = doc.evaluations[0].recommendations[0]
        drawn = data.draw(value)
        if field == "text":
            assert isinstance(drawn, str)
            assume(_differs(recommendation.text, drawn))
            changed = attrs.evolve(recommendation, text=drawn)
        elif field == "category":
            assert isinstance(drawn, gt.ResponseCategory)
            assume(drawn != recommendation.response.category)
            response = attrs.evolve(recommendation.response, category=drawn)
            changed = attrs.evolve(recommendation, response=response)
        else:  # the response's text
            assert isinstance(drawn, str)
            assume(_differs(recommendation.response.text, drawn))
            response = attrs.evolve(recommendation.response, text=drawn)
            changed = attrs.evolve(recommendation, response=response)
        return _evolve_place(doc, "evaluations", recommendations=(changed,)), kind

    return change


def _extra(doc: gt.Document, data: st.DataObject) -> tuple[gt.Document, ChangeKind]:
    plan = doc.plans[0]
    action = plan.actions[0]
    column, value = data.draw(nonblank_words), data.draw(texts)
    assume(_differs(action.extra.get(column, ""), value))
    changed = attrs.evolve(action, extra=action.extra | {column: value})
    return _evolve_place(doc, "plans", actions=(changed, *plan.actions[1:])), ChangeKind.EXTRA


_CHANGES: list[_Change] = [
    _retitle("evaluations"),
    _retitle("meetings"),
    _retitle("reports"),
    _retitle("plans"),
    _venue,
    _date,
    _evaluation_period,
    _report_period,
    _recommendation_field("text", ChangeKind.REWORDED, nonblank_words),
    _recommendation_field("response", ChangeKind.RESPONSE, nonblank_words),
    _recommendation_field("category", ChangeKind.CATEGORY, st.sampled_from(gt.ResponseCategory)),
    _extra,
]


@st.composite
def _rounds(draw: st.DrawFn) -> gt.Document:
    """A document with one place of each kind: an evaluation with one numbered
    recommendation, a meeting, a report with no answers and a plan with an action."""
    recommendation = draw(recommendations.filter(lambda r: r.ref.strip()))
    evaluation = gt.Evaluation(
        title=draw(nonblank_words), period=draw(texts), recommendations=(recommendation,)
    )
    report = attrs.evolve(
        draw(reports), answers=(), indicators=tuple(draw(st.lists(indicators, max_size=1)))
    )
    plan = draw(plans.filter(lambda p: bool(p.actions)))
    return gt.Document(
        evaluations=(evaluation,), meetings=(draw(meetings),), reports=(report,), plans=(plan,)
    )


@given(_rounds(), st.sampled_from(_CHANGES), st.data())
def test_one_detail_changed_is_one_change_of_its_kind(
    doc: gt.Document, change: _Change, data: st.DataObject
) -> None:
    """One place detail, recommendation field or extra column changed is exactly one
    change, of its kind; a document has none from itself."""
    assert [] == diff(doc, doc)
    changed, kind = change(doc, data)
    assert [kind] == [found.kind for found in diff(doc, changed)]
