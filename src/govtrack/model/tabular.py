"""Flat records of a document's actions, one dict per action, for DataFrames and CSV.

``pandas.DataFrame(doc.to_records())`` makes a table without govtrack depending on pandas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from govtrack.model.dates import date_argument
from govtrack.model.records import Action, Activity, Decision, Document

__all__ = ["COLUMNS", "contexts", "records"]

COLUMNS = (
    "kind",
    "source",
    "container",
    "recommendation_ref",
    "recommendation",
    "category",
    "ref",
    "text",
    "responsible",
    "due",
    "due_start",
    "due_end",
    "due_precision",
    "status",
    "status_text",
    "effective_status",
    "comments",
    "updates",
    "scope",
    "group",
    "deemed_consent",
    "schedule",
    "origin",
)
"""The keys of every record, in order; unknown columns follow as ``extra: <header>``."""


def contexts(doc: Document) -> Iterator[tuple[Action, dict[str, Any]]]:
    """Each action in source order with where it sits: kind, container, recommendation."""
    for evaluation in doc.evaluations:
        for rec in evaluation.recommendations:
            category = rec.response.category
            context = {
                "kind": "key action",
                "container": evaluation.title,
                "recommendation_ref": rec.ref,
                "recommendation": rec.text,
                "category": category.value if category else rec.response.category_text or None,
            }
            for action in rec.actions:
                yield action, context
    for meeting in doc.meetings:
        for decision in meeting.decisions:
            yield decision, {"kind": "decision", "container": meeting.title}
    for report in doc.reports:
        for activity in report.activities:
            yield activity, {"kind": "activity", "container": report.title}
    for plan in doc.plans:
        for action in plan.actions:
            yield action, {"kind": "action", "container": plan.title}


def records(doc: Document, *, on: dt.date | None = None) -> list[dict[str, Any]]:
    """One flat dict per action, in source order (see :data:`COLUMNS`).

    Args:
        doc: The document.
        on: When given, ``effective_status`` is judged on this date; else it is None.

    Returns:
        A list of dicts with the same keys in the same order (extra columns appended).

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(
    ...     gt.Action(text="Hire", due=gt.parse_due("2021/07"), extra={"Budget": "10"}),)),))
    >>> row = doc.to_records(on=dt.date(2023, 1, 31))[0]
    >>> row["kind"], row["due_end"], row["effective_status"], row["extra: Budget"]
    ('action', datetime.date(2021, 7, 31), 'overdue', '10')
    """
    if on is not None:
        on = date_argument(on, "to_records(on=...)")
    rows: list[dict[str, Any]] = []
    for action, context in contexts(doc):
        due = action.due
        effective = action.effective_status(on=on) if on is not None else None
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        row.update(context)
        row.update(
            {
                "source": doc.source,
                "ref": action.ref,
                "text": action.text,
                "responsible": "; ".join(action.responsible),
                "due": action.deadline_text,
                "due_start": due.start if due else None,
                "due_end": due.end if due else None,
                "due_precision": due.precision.value if due else None,
                "status": action.status.value if action.status else None,
                "status_text": action.status_text,
                "effective_status": effective.value if effective else None,
                "comments": action.comments,
                "updates": "\n".join(
                    f"{u.on.text}: {u.text}" if u.on else u.text for u in action.updates
                ),
                "scope": action.scope,
                "group": action.group,
                "deemed_consent": action.deemed_consent if isinstance(action, Decision) else None,
                "schedule": (
                    action.schedule.value
                    if isinstance(action, Activity) and action.schedule
                    else None
                ),
                "origin": str(action.origin) if action.origin else "",
            }
        )
        for header, value in action.extra.items():
            row[f"extra: {header}"] = value
        rows.append(row)
    return rows
