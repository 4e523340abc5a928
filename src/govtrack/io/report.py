"""A Markdown status report a person reads: totals first, then each record's actions.

``gt.dump(doc, "report.md")`` or ``gt.dumps(doc, format="report", on=date)``.
Each action is shown with its *effective* status on the date (overdue ones in
bold), its deadline, and who owes it; a rule that resolves by itself (a deemed-consent
decision with no recorded status) is shown so, ``Resolves by itself on 02 May 2019``
(``Resolved`` once the date has passed), as the totals count it. The report is for
people; it is not read back (use JSON or the workbook for that).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from govtrack.model.dates import date_argument
from govtrack.model.records import Action, Document
from govtrack.model.rules import resolves_itself, summarize
from govtrack.model.status import Status

__all__ = ["dumps", "escape", "is_report"]

_AS_OF = re.compile(r"^As of \d{4}-\d{2}-\d{2}\.$", re.MULTILINE)
_RATE_LINE = "- Implementation rate (completed ÷ applicable): **"


def is_report(text: str) -> bool:
    """Whether ``text`` is a status report govtrack wrote (for people; never read back).

    >>> import datetime as dt, govtrack as gt
    >>> is_report(gt.dumps(gt.Document(), format="report", on=dt.date(2023, 1, 31)))
    True
    >>> is_report("| Action | Status |\\n|---|---|\\n| Hire | Done |\\n")
    False
    """
    head = text[:2000]
    return bool(_AS_OF.search(head)) and _RATE_LINE in head


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    r"""Make text safe inside a Markdown table cell: specials escaped, lines joined by <br>.

    >>> escape("a|b *c*\nnext")
    'a\\|b \\*c\\*<br>next'
    """
    escaped = _SPECIAL.sub(r"\\\1", text.strip())
    return "<br>".join(line.strip() for line in escaped.splitlines())


def _status_cell(action: Action, on: dt.date) -> str:
    if resolves_itself(action):  # counted apart in the totals, so shown apart
        if not action.deadline_text:
            return "Resolves by itself"
        passed = action.due is not None and action.due.end < on
        verb = "Resolved" if passed else "Resolves"
        return f"{verb} by itself on {escape(action.deadline_text)}"
    status = action.effective_status(on=on)
    if status is None:
        return f"unknown ({escape(action.status_text)})" if action.status_text else "unknown"
    label = status.label
    return f"**{label}**" if status is Status.OVERDUE else label


def _table(actions: Iterable[Action], on: dt.date) -> list[str]:
    rows = [
        "| Ref | Action | Responsible | Due | Status on " + on.isoformat() + " |",
        "| --- | --- | --- | --- | --- |",
    ]
    empty = True
    for action in actions:
        empty = False
        text = escape(action.text)
        if action.scope:
            text = f"{escape(action.scope)}: {text}"
        rows.append(
            f"| {escape(action.ref)} | {text} | {escape(', '.join(action.responsible))} "
            f"| {escape(action.deadline_text)} | {_status_cell(action, on)} |"
        )
    return [] if empty else rows


def _totals(actions: tuple[Action, ...], on: dt.date) -> list[str]:
    summary = summarize(actions, on=on)
    rate = "n/a" if summary.implementation_rate is None else f"{summary.implementation_rate:.0%}"
    counts = ", ".join(
        f"{count} {status.label.lower()}" for status, count in summary.by_status.items() if count
    )
    if summary.unknown:
        counts = ", ".join(filter(None, [counts, f"{summary.unknown} unknown"]))
    if summary.resolving:
        counts = ", ".join(filter(None, [counts, f"{summary.resolving} resolving by itself"]))
    lines = [
        f"- **{summary.total}** actions: {counts or 'none'}",
        f"- Implementation rate (completed ÷ applicable): **{rate}**",
    ]
    if summary.overdue:
        owed = "; ".join(
            f"{escape(party)} ({len(items)})" for party, items in summary.overdue.items()
        )
        lines.append(f"- Overdue by responsible party: {owed}")
    return lines


def dumps(document: Document, *, on: dt.date | None = None, title: str = "Status report") -> str:
    """Render a Markdown status report of ``document`` as of ``on``.

    Args:
        document: The document.
        on: The date statuses are judged on; today when None.
        title: The report's heading.

    Returns:
        Markdown text.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(
    ...     gt.Action(text="Hire", ref="1", due=gt.parse_due("2022/06")),)),))
    >>> print(dumps(doc, on=dt.date(2023, 1, 31)))
    # Status report
    <BLANKLINE>
    As of 2023-01-31.
    <BLANKLINE>
    - **1** actions: 1 overdue
    - Implementation rate (completed ÷ applicable): **0%**
    - Overdue by responsible party: (unassigned) (1)
    <BLANKLINE>
    ## Action plan: Plan
    <BLANKLINE>
    | Ref | Action | Responsible | Due | Status on 2023-01-31 |
    | --- | --- | --- | --- | --- |
    | 1 | Hire |  | 2022/06 | **Overdue** |
    <BLANKLINE>
    """
    day = (
        dt.date.today()  # noqa: DTZ011 - a report for people defaults to the local today
        if on is None
        else date_argument(on, "dumps(on=...)")
    )
    out = [f"# {escape(title)}", "", f"As of {day.isoformat()}.", ""]
    out += _totals(document.actions, day)
    for evaluation in document.evaluations:
        out += ["", f"## Evaluation: {escape(evaluation.title)}"]
        if evaluation.office:
            out += ["", f"Office: {escape(evaluation.office)}"]
        for rec in evaluation.recommendations:
            status = rec.effective_status(on=day)
            label = status.label if status is not None else "unknown"
            ref = f"{escape(rec.ref)} " if rec.ref else ""
            out += ["", f"### Recommendation {ref}— {label}", "", escape(rec.text)]
            category = rec.response.category
            if category is not None or rec.response.category_text:
                word = category.label if category is not None else rec.response.category_text
                out += ["", f"Management response: {escape(word)}"]
            table = _table(rec.actions, day)
            out += ["", *table] if table else ["", "_No key actions._"]
    for meeting in document.meetings:
        when = f" ({meeting.date.isoformat()})" if meeting.date else ""
        out += ["", f"## Meeting: {escape(meeting.title)}{when}"]
        table = _table(meeting.decisions, day)
        out += ["", *table] if table else ["", "_No decisions._"]
    for report in document.reports:
        period = f" ({escape(report.period_text)})" if report.period_text else ""
        out += ["", f"## Progress report: {escape(report.title)}{period}"]
        table = _table(report.activities, day)
        out += ["", *table] if table else ["", "_No activities._"]
    for plan in document.plans:
        out += ["", f"## Action plan: {escape(plan.title) or 'untitled'}"]
        table = _table(plan.actions, day)
        out += ["", *table] if table else ["", "_No actions._"]
    if document.problems:
        out += ["", "## Reading problems", ""]
        out += [f"- {escape(str(problem))}" for problem in document.problems]
    return "\n".join(out) + "\n"
