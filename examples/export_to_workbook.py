"""Turn a tracking-system export (the text of its web page) into a workbook colleagues can open.

    python examples/export_to_workbook.py examples/data/gate_export.txt tracker.xlsx --on 2023-01-31

The default layout, ``matrix``, writes one row per key action under its recommendation,
with a frozen header, filters, dropdowns and the actions overdue on ``--on`` highlighted.
``--layout workbook`` writes govtrack's own workbook instead, which reads back equal to
the document. Either way the file is written atomically: a crash leaves the old one whole.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import govtrack as gt

HERE = Path(__file__).parent
DEFAULT = HERE / "data" / "gate_export.txt"


def convert(
    export: Path, target: Path, *, on: dt.date, layout: str = "matrix"
) -> tuple[gt.Document, gt.Document]:
    """Read ``export``, write ``target`` in ``layout``; return the document and its read-back."""
    doc = gt.load(export)
    if layout == "matrix":
        # The evaluation's fields and extra (the export's "Office name") go above the header
        # row; its summary and the responses' tags have no place in a matrix: lossy=True
        # leaves them out (the workbook layout keeps them), which is refused otherwise.
        gt.dump(doc, target, layout="matrix", on=on, lossy=True)
    else:
        gt.dump(doc, target, layout=layout)
    return doc, gt.load(target)


def main(argv: list[str] | None = None) -> int:
    """Convert one export and say what went where."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("export", nargs="?", default=str(DEFAULT), help="the export (.txt)")
    parser.add_argument("output", nargs="?", help="the workbook to write (default: EXPORT.xlsx)")
    parser.add_argument("--on", default="2023-01-31", help="highlight what is overdue on this date")
    parser.add_argument("--layout", choices=("matrix", "workbook"), default="matrix")
    args = parser.parse_args(argv)
    on = dt.date.fromisoformat(args.on)
    export = Path(args.export)
    target = Path(args.output) if args.output else Path(export.stem + ".xlsx")

    doc, again = convert(export, target, on=on, layout=args.layout)

    for evaluation in doc.evaluations:
        print(f"{export.name}: {evaluation.title!r} ({evaluation.office}, {evaluation.period})")
        for recommendation in evaluation.recommendations:
            category = recommendation.response.category
            print(
                f"  recommendation {recommendation.ref or '(no ref)'}: "
                f"{category.label if category else 'no category given'}, "
                f"{len(recommendation.actions)} key action(s)"
            )
    for problem in doc.problems:
        print(f"  reading problem {problem}")
    overdue = gt.summarize(doc, on=on).overdue_count
    print(
        f"wrote {target} ({args.layout} layout): {len(again.actions)} key actions, "
        f"{overdue} overdue on {on}"
    )
    if args.layout == "workbook":
        print(f"reads back equal: {again == doc}")
    else:
        same = [(a.ref, a.text, a.due) for a in again.actions] == [
            (a.ref, a.text, a.due) for a in doc.actions
        ]
        print(f"every key action reads back with its ref, text and deadline: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
