"""HTML for notebooks: documents, summaries, issue lists and action tables.

Every text is escaped; the markup is well-formed (it parses as XML), so a
notebook shows exactly what the records say. Jupyter calls ``_repr_html_``
on the objects; these functions do the work.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from govtrack.model.records import Action, Document, Issue
from govtrack.model.rules import Summary
from govtrack.model.status import Status

__all__ = ["actions_html", "document_html", "issues_html", "summary_html"]

_STYLE = "border-collapse:collapse;text-align:left"
_OVERDUE = ' style="color:#b00020;font-weight:bold"'
_MAX_ROWS = 200


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False) -> str:
    """An HTML table; cells are escaped unless ``raw`` (already-escaped markup)."""
    parts = [f'<table style="{_STYLE}"><thead><tr>']
    parts += [f"<th>{escape(cell)}</th>" for cell in head]
    parts.append("</tr></thead><tbody>")
    for row in rows:
        cells = row if raw else [escape(cell) for cell in row]
        parts.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def actions_html(actions: Sequence[Action], *, on: dt.date | None = None) -> str:
    """A table of actions; with ``on``, their effective status (overdue in red).

    >>> import govtrack as gt
    >>> html = actions_html([gt.Action(text="<b>Hire</b>")])
    >>> "&lt;b&gt;Hire&lt;/b&gt;" in html
    True
    """
    rows = []
    for action in actions[:_MAX_ROWS]:
        status = action.effective_status(on=on) if on is not None else action.status
        word = status.label if status is not None else action.status_text or "—"
        style = _OVERDUE if status is Status.OVERDUE else ""
        rows.append(
            [
                escape(action.ref),
                escape(f"{action.scope}: {action.text}" if action.scope else action.text),
                escape(", ".join(action.responsible)),
                escape(action.deadline_text),
                f"<span{style}>{escape(word)}</span>",
                escape(str(action.origin) if action.origin else ""),
            ]
        )
    status_head = f"Status on {on.isoformat()}" if on is not None else "Status"
    table = _table(["Ref", "Action", "Responsible", "Due", status_head, "Where"], rows, raw=True)
    more = len(actions) - _MAX_ROWS
    return table + (f"<p>… and {more} more</p>" if more > 0 else "")


def summary_html(summary: Summary) -> str:
    """A summary as a small table of counts, the rate, and the overdue by party."""
    rate = "n/a" if summary.implementation_rate is None else f"{summary.implementation_rate:.0%}"
    rows = [[status.label, str(count)] for status, count in summary.by_status.items()]
    if summary.unknown:
        rows.append(["Unknown", str(summary.unknown)])
    if summary.resolving:
        rows.append(["Resolving by itself", str(summary.resolving)])
    headline = (
        f"<div><p><strong>{summary.total}</strong> actions on {summary.on.isoformat()}; "
        f"implementation rate <strong>{escape(rate)}</strong></p>"
    )
    parts = [headline, _table(["Status", "Actions"], rows)]
    if summary.overdue:
        overdue = [[party, str(len(items))] for party, items in summary.overdue.items()]
        parts += ["<p>Overdue by responsible party</p>", _table(["Party", "Overdue"], overdue)]
    parts.append("</div>")
    return "".join(parts)


def issues_html(issues: Sequence[Issue]) -> str:
    """Issues grouped by code with counts, then every issue with its location."""
    if not issues:
        return "<p>No problems found.</p>"
    counts = Counter(issue.code for issue in issues)
    head = ", ".join(f"{code} ×{count}" for code, count in sorted(counts.items()))
    rows = [
        [
            issue.severity.value,
            issue.code,
            str(issue.location) if issue.location else "",
            issue.location.header if issue.location else "",
            issue.message,
        ]
        for issue in issues[:_MAX_ROWS]
    ]
    more = len(issues) - _MAX_ROWS
    tail = f"<p>… and {more} more</p>" if more > 0 else ""
    table = _table(["Severity", "Code", "Where", "Column", "Problem"], rows)
    return f"<div><p>{len(issues)} issues: {escape(head)}</p>{table}{tail}</div>"


def document_html(doc: Document) -> str:
    """A document: what it holds, its reading problems, and its actions."""
    held = [
        f"{len(doc.evaluations)} evaluation(s)",
        f"{len(doc.recommendations)} recommendation(s)",
        f"{len(doc.meetings)} meeting(s)",
        f"{len(doc.reports)} report(s)",
        f"{len(doc.plans)} plan(s)",
        f"{len(doc.actions)} action(s)",
    ]
    source = f"<strong>{escape(doc.source)}</strong>: " if doc.source else ""
    parts = [f"<div><p>{source}{escape(', '.join(held))}</p>"]
    if doc.problems:
        parts.append(issues_html(doc.problems))
    parts.append(actions_html(doc.actions))
    parts.append("</div>")
    return "".join(parts)
