"""The Markdown status report: totals first, effective statuses, overdue marked, safe text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given

import govtrack as gt
from strategies import dates, documents

ON = dt.date(2023, 1, 31)

DOC = gt.Document(
    evaluations=(
        gt.Evaluation(
            title="Programme evaluation",
            office="Lakeland (CO)",
            recommendations=(
                gt.Recommendation(
                    ref="1",
                    text="Strengthen monitoring",
                    response=gt.ManagementResponse(category=gt.ResponseCategory.ACCEPTED),
                    actions=(
                        gt.Action(ref="1.1", text="Draft | framework", responsible=("M&E",),
                                  due=gt.parse_due("2021/07"), status=gt.Status.COMPLETED),
                        gt.Action(ref="1.2", text="Baselines", responsible=("M&E", "Districts"),
                                  due=gt.parse_due("2021/12"), status=gt.Status.ONGOING),
                    ),
                ),
            ),
        ),
    ),
    meetings=(gt.Meeting(title="Review", date=dt.date(2019, 4, 23), decisions=(
        gt.Decision(ref="a)", text="No comment means consent", due=gt.parse_due("02 May 2019"),
                    deemed_consent=True),)),),
)  # fmt: skip


def test_totals_come_first() -> None:
    """The report opens with the date, the counts and the rate; the deemed-consent rule is
    counted apart, as resolving by itself, and is in no rate."""
    text = gt.dumps(DOC, format="report", on=ON)
    head = text.split("## ", 1)[0]
    assert "As of 2023-01-31." in head
    assert "- **3** actions: 1 completed, 1 overdue, 1 resolving by itself" in head
    assert "**50%**" in head


def test_actions_show_effective_status_and_overdue_in_bold() -> None:
    """Each action's row shows its effective status on the date; overdue is bold."""
    text = gt.dumps(DOC, format="report", on=ON)
    assert "| 1.2 | Baselines | M&E, Districts | 2021/12 | **Overdue** |" in text
    assert (
        "| a) | No comment means consent |  | 02 May 2019 | Resolved by itself on 02 May 2019 |"
        in text
    )


def test_a_rule_that_resolves_by_itself_is_shown_so_as_the_totals_count_it() -> None:
    """Regression: a deemed-consent rule was shown Ongoing (then Completed) in its table while
    the totals counted it as resolving by itself; its row says it resolves (or resolved) by
    itself on its date, before and after it; a rule with a recorded status is shown as any."""
    rule = DOC.meetings[0].decisions[0]
    objected = gt.Decision(ref="b)", text="Objection filed", due=rule.due,
                           deemed_consent=True, status=gt.Status.ONGOING)  # fmt: skip
    doc = gt.Document(meetings=(gt.Meeting(title="Review", decisions=(rule, objected)),))
    rows = [
        [line for line in gt.dumps(doc, format="report", on=on).splitlines() if "May 2019" in line]
        for on in (dt.date(2019, 4, 30), dt.date(2019, 5, 3))
    ]
    assert [
        [
            "| a) | No comment means consent |  | 02 May 2019 | Resolves by itself on 02 May 2019 |",
            "| b) | Objection filed |  | 02 May 2019 | Ongoing |",
        ],
        [
            "| a) | No comment means consent |  | 02 May 2019 | Resolved by itself on 02 May 2019 |",
            "| b) | Objection filed |  | 02 May 2019 | **Overdue** |",
        ],
    ] == rows


def test_cell_text_is_escaped() -> None:
    """A pipe inside a cell cannot break the table."""
    text = gt.dumps(DOC, format="report", on=ON)
    assert "Draft \\| framework" in text


def test_dump_by_md_suffix(tmp_path: Path) -> None:
    """gt.dump to a .md file writes the report."""
    target = tmp_path / "status.md"
    gt.dump(DOC, target, on=ON)
    assert target.read_text(encoding="utf-8") == gt.dumps(DOC, format="report", on=ON)


@given(documents, dates)
def test_every_table_row_has_five_cells(doc: gt.Document, on: dt.date) -> None:
    """Whatever the text, each table row has exactly five cells (no unescaped pipe or newline)."""
    for line in gt.dumps(doc, format="report", on=on).splitlines():
        if line.startswith("| "):
            cells = re.split(r"(?<!\\)\|", line)
            assert 7 == len(cells), line
