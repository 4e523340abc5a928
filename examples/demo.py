"""The partner check: what is wrong with a partner's workbook, and how far implementation got.

Run it with ``make demo``: it reads the messy partner matrix bundled in
``examples/data/partner_matrix.xlsx``. Any file govtrack reads works too:

    python examples/demo.py [FILE] [--on YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path

import govtrack as gt
from govtrack.io.excel import CODES as WORKBOOK_CODES

HERE = Path(__file__).parent
DEFAULT = HERE / "data" / "partner_matrix.xlsx"


def plural(count: int, noun: str) -> str:
    """``1 action``, ``2 actions``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def describe(doc: gt.Document) -> str:
    """One line saying what the document holds."""
    parts = [
        plural(count, noun)
        for count, noun in (
            (len(doc.evaluations), "evaluation"),
            (len(doc.recommendations), "recommendation"),
            (len(doc.meetings), "meeting"),
            (len(doc.reports), "progress report"),
            (len(doc.plans), "action plan"),
            (len(doc.actions), "action"),
        )
        if count
    ]
    return ", ".join(parts) or "nothing govtrack recognises"


def code_summaries() -> dict[str, str]:
    """What each code means in a few words: the validation rules, then the workbook reader's."""
    summaries = {code: summary for code, (_, summary) in WORKBOOK_CODES.items()}
    summaries.update((rule.code, rule.summary) for rule in gt.RULES)
    return summaries


def shorten(text: str, width: int = 60) -> str:
    """The text on one line, cut to ``width`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 3] + "..."


def print_holdings(doc: gt.Document) -> None:
    """What the file holds, and the evaluation's header."""
    print(f"It holds {describe(doc)}.")
    for evaluation in doc.evaluations:
        header = ", ".join(part for part in (evaluation.office, evaluation.period) if part)
        print(f"  {shorten(evaluation.title, 76)}")
        if header:
            print(f"  {header}")


def print_progress(doc: gt.Document, on: dt.date) -> None:
    """Counts by effective status, the rate, and each recommendation's rolled-up status."""
    summary = gt.summarize(doc, on=on)
    applicable = summary.total - summary.by_status[gt.Status.NO_LONGER_APPLICABLE]
    rate = "n/a" if summary.implementation_rate is None else f"{summary.implementation_rate:.0%}"
    completed = summary.by_status[gt.Status.COMPLETED]
    print(f"Where implementation stands on {on}:")
    print(f"  {completed} of {applicable} applicable actions completed ({rate}).")
    counts = [f"{status.label} {count}" for status, count in summary.by_status.items()]
    if summary.unknown:
        counts.append(f"Unknown {summary.unknown}")
    print("  " + " | ".join(counts))
    if doc.recommendations:
        print()
        print(f"  {'rec':<5} {'category':<20} {'actions':>7}  status on {on}")
        for recommendation in doc.recommendations:
            category = recommendation.response.category
            status = recommendation.effective_status(on=on)
            if status is not None:
                shown = status.label
            else:
                shown = "unknown" if recommendation.actions else "no actions"
            print(
                f"  {recommendation.ref or '-':<5} "
                f"{category.label if category else '(none given)':<20} "
                f"{len(recommendation.actions):>7}  {shown}"
            )


def print_problems(issues: list[gt.Issue]) -> None:
    """A count per code with what the code means, then each error and warning with its cell."""
    severities = Counter(issue.severity for issue in issues)
    by_severity = ", ".join(
        plural(severities[severity], severity.value)
        for severity in gt.Severity
        if severities[severity]
    )
    print(f"What the checks found: {plural(len(issues), 'problem')} ({by_severity or 'none'})")
    if not issues:
        return
    summaries = code_summaries()
    first: dict[str, gt.Issue] = {}
    for issue in issues:
        first.setdefault(issue.code, issue)
    counts = Counter(issue.code for issue in issues)
    print(f"  {'code':<6} {'severity':<8} {'count':>5}  what it means")
    for code in sorted(counts):
        meaning = summaries.get(code) or shorten(first[code].message, 50)
        print(f"  {code:<6} {first[code].severity.value:<8} {counts[code]:>5}  {meaning}")
    serious = [issue for issue in issues if issue.severity is not gt.Severity.INFO]
    if serious:
        print()
        print("The errors and warnings, where they are:")
        for issue in serious:
            print(f"  {issue}")


def print_overdue(doc: gt.Document, on: dt.date) -> None:
    """Who owes what, past its deadline."""
    overdue = gt.summarize(doc, on=on).overdue
    if not overdue:
        print("Nothing is overdue.")
        return
    print("Overdue, by responsible party:")
    for party, actions in overdue.items():
        print(f"  {party}:")
        for action in actions:
            ref = f"{action.ref} " if action.ref else ""
            print(f"    - {ref}{shorten(action.text)} (due {action.deadline_text or '?'})")


def main(argv: list[str] | None = None) -> int:
    """Load, validate and summarise one file; print what a newcomer needs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--on", default="2023-01-31", help="the date to judge status on")
    args = parser.parse_args(argv)
    on = dt.date.fromisoformat(args.on)
    path = Path(args.file)

    doc = gt.load(path)
    issues = list(gt.validate(doc, on=on))

    print(f"govtrack checks {path.name}, judging deadlines on {on}.")
    print_holdings(doc)
    print()
    print_progress(doc, on)
    print()
    print_problems(issues)
    print()
    print_overdue(doc, on)
    print()
    print(
        f"Next: {_here(Path(sys.executable).parent / 'govtrack')} validate {_here(path)} "
        f"--on {on} --annotate checked.xlsx\n"
        "writes a copy of the file with each problem cell highlighted and commented."
    )
    return 0


def _here(path: Path) -> str:
    """A path as typed from the current folder (relative when it lies below it)."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive (Windows)
        return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
