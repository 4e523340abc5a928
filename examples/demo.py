"""The main job, on bundled sample data: check a partner's file and say where it stands.

Run it with ``make demo``, or ``python examples/demo.py [FILE] [--on YYYY-MM-DD]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

import govtrack as gt

HERE = Path(__file__).parent
DEFAULT = HERE / "data" / "tracker.json"


def describe(doc: gt.Document) -> str:
    """One line saying what the document holds."""
    parts = []
    for count, noun in (
        (len(doc.evaluations), "evaluation"),
        (len(doc.recommendations), "recommendation"),
        (len(doc.meetings), "meeting"),
        (len(doc.reports), "progress report"),
        (len(doc.plans), "action plan"),
        (len(doc.actions), "action"),
    ):
        if count:
            parts.append(f"{count} {noun}{'' if count == 1 else 's'}")
    return ", ".join(parts) or "nothing govtrack recognises"


def main(argv: list[str] | None = None) -> int:
    """Load, validate and summarise one file; print what a newcomer needs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--on", default="2023-01-31", help="the date to judge status on")
    args = parser.parse_args(argv)
    on = dt.date.fromisoformat(args.on)
    path = Path(args.file)

    doc = gt.load(path)
    issues = gt.validate(doc, on=on)
    summary = gt.summarize(doc, on=on)

    print(f"govtrack: {path.name}, judged on {on}")
    print(f"It holds {describe(doc)}.")
    print()
    applicable = summary.total - summary.by_status[gt.Status.NO_LONGER_APPLICABLE]
    rate = "n/a" if summary.implementation_rate is None else f"{summary.implementation_rate:.0%}"
    print(
        f"Implementation: {summary.by_status[gt.Status.COMPLETED]} of {applicable} "
        f"applicable actions completed ({rate})."
    )
    counts = [f"{status.label} {count}" for status, count in summary.by_status.items()]
    if summary.unknown:
        counts.append(f"Unknown {summary.unknown}")
    print("  " + " | ".join(counts))
    print()

    severities = Counter(issue.severity for issue in issues)
    by_severity = ", ".join(f"{severities[s]} {s.value}" for s in gt.Severity if severities[s])
    print(f"Problems: {len(issues)} ({by_severity or 'none'})")
    summaries = {rule.code: rule.summary for rule in gt.RULES}
    for code, count in sorted(Counter(issue.code for issue in issues).items()):
        print(f"  {code} x{count:<3} {summaries.get(code, 'reading problem')}")
    print()
    print("Each problem, where it is:")
    for issue in issues:
        if issue.severity is not gt.Severity.INFO:
            print(f"  {issue}")
    print()
    if summary.overdue:
        print("Overdue, by responsible party:")
        for party, actions in summary.overdue.items():
            print(f"  {party}:")
            for action in actions:
                due = action.due.text if action.due is not None else "?"
                text = action.text if len(action.text) <= 60 else action.text[:57] + "..."
                print(f"    - {action.ref + ' ' if action.ref else ''}{text} (due {due})")
    else:
        print("Nothing is overdue.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
