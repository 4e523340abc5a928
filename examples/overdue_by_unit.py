"""List each unit's overdue and due-soon actions: the text of one e-mail per unit.

    python examples/overdue_by_unit.py examples/data/tracker.json --on 2023-01-31

A developer's script would send each section to the unit's address; this one prints them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import govtrack as gt

HERE = Path(__file__).parent


def letters(doc: gt.Document, *, on: dt.date, within: int = 30) -> dict[str, str]:
    """One message per responsible party: what is overdue, what falls due within ``within`` days."""
    messages = {}
    for reminder in gt.reminders(doc, on=on, within=within):
        lines = [f"Dear colleagues of {reminder.party},", ""]
        past = [a for a in reminder.overdue if gt.is_past_due(a, on=on)]
        recorded = [a for a in reminder.overdue if not gt.is_past_due(a, on=on)]
        if past:
            lines.append(f"These actions were due and are not recorded as done on {on}:")
            lines += [f"  - {a.text} (due {a.deadline_text})" for a in past]
            lines.append("")
        if recorded:  # the tracker says late, though the deadline is still to come
            lines.append(
                "These actions are recorded as late, though their deadline has not passed:"
            )
            lines += [f"  - {gt.recorded_line(a)}" for a in recorded]
            lines.append("")
        if reminder.due_soon:
            lines.append(f"These fall due in the next {within} days:")
            lines += [f"  - {a.text} (due {a.deadline_text})" for a in reminder.due_soon]
            lines.append("")
        lines.append("Please update their status in the tracker.")
        messages[reminder.party] = "\n".join(lines)
    return messages


def main(argv: list[str] | None = None) -> int:
    """Print one message per unit."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", default=str(HERE / "data" / "tracker.json"))
    parser.add_argument("--on", default="2023-01-31")
    parser.add_argument("--within", type=int, default=30)
    args = parser.parse_args(argv)
    doc = gt.load(args.file)
    for party, message in letters(
        doc, on=dt.date.fromisoformat(args.on), within=args.within
    ).items():
        print(f"To: {party}\n{message}\n{'-' * 60}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
