"""Notebook display: escaped, well-formed HTML; flat records for DataFrames."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from hypothesis import given

import govtrack as gt
from strategies import dates, documents

ON = dt.date(2023, 1, 31)
NASTY = '<script>alert("x")</script> & <b>'
DOC = gt.Document(
    source="partner.xlsx",
    plans=(
        gt.ActionPlan(
            title="Plan",
            actions=(
                gt.Action(text=NASTY, ref="1", responsible=("A & B",), due=gt.parse_due("2021/07"),
                          status=gt.Status.ONGOING, extra={"Budget": "10"},
                          origin=gt.Location(sheet="Matrix", cell="B5")),
                gt.Action(text="Done thing", status=gt.Status.COMPLETED, scope="KAZ"),
            ),
        ),
    ),
    problems=(gt.Problem(code="GT201", message=NASTY, location=gt.Location(sheet="M", cell="A1")),),
)  # fmt: skip


def parse(html: str) -> ET.Element:
    return SafeET.fromstring(f"<root>{html}</root>")


def texts(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_document_html_is_escaped_and_well_formed() -> None:
    """A document's HTML parses as XML and shows the script tag as text, not markup."""
    root = parse(DOC._repr_html_())
    assert [] == root.findall(".//script")
    assert NASTY in texts(root)
    assert "Matrix!B5" in texts(root)


def test_summary_html() -> None:
    """A summary's HTML shows the total, the rate and the overdue party."""
    root = parse(gt.summarize(DOC, on=ON)._repr_html_())
    assert "2 actions on 2023-01-31; implementation rate 50%" in texts(root)
    assert "A & B" in texts(root)


def test_issue_list_html_groups_by_code() -> None:
    """validate's list shows counts by code and each issue with its place."""
    issues = gt.validate(DOC, on=ON)
    root = parse(issues._repr_html_())
    assert isinstance(issues, list)
    assert texts(root).startswith("5 issues: GT102 ×1, GT103 ×1, GT105 ×1, GT110 ×1, GT201 ×1")
    assert "<p>No problems found.</p>" == gt.Issues()._repr_html_()


def test_actions_html_marks_overdue() -> None:
    """An action table judged on a date marks overdue actions."""
    from govtrack.display import actions_html

    root = parse(actions_html(DOC.actions, on=ON))
    spans = [texts(span) for span in root.iter("span") if "color" in span.get("style", "")]
    assert ["Overdue"] == spans
    assert "KAZ: Done thing" in texts(parse(DOC.actions._repr_html_()))


def test_to_records_are_flat_dicts() -> None:
    """to_records gives one flat dict per action with context, dates and extra columns."""
    first, second = DOC.to_records(on=ON)
    assert {
        "kind": "action",
        "container": "Plan",
        "ref": "1",
        "responsible": "A & B",
        "due": "2021/07",
        "due_end": dt.date(2021, 7, 31),
        "status": "ongoing",
        "effective_status": "overdue",
        "extra: Budget": "10",
        "origin": "Matrix!B5",
    }.items() <= first.items()
    assert ("KAZ", None) == (second["scope"], second["due_end"])


@given(documents, dates)
def test_any_document_renders_well_formed(doc: gt.Document, on: dt.date) -> None:
    """Every generated document, summary and issue list renders as well-formed HTML."""
    parse(doc._repr_html_())
    parse(gt.summarize(doc, on=on)._repr_html_())
    parse(gt.validate(doc, on=on)._repr_html_())
    assert len(doc.actions) == len(doc.to_records(on=on))
