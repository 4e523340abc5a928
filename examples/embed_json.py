"""Embedding govtrack in an application: records as the model, JSON as the store.

A web tracker keeps a Document, records an update with ``attrs.evolve``,
persists it as JSON, validates incoming JSON against the schema, and reads it back.

    python examples/embed_json.py
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import attrs

import govtrack as gt

HERE = Path(__file__).parent


def record_progress(
    doc: gt.Document, ref: str, *, status: gt.Status, note: str, on: dt.date
) -> gt.Document:
    """A new Document in which the key action ``ref`` has a new status and a dated update."""

    def update(action: gt.Action) -> gt.Action:
        if action.ref != ref:
            return action
        entry = gt.Update(on=gt.Due.day(on), text=note)
        return attrs.evolve(
            action, status=status, status_text=status.label, updates=(*action.updates, entry)
        )

    evaluations = tuple(
        attrs.evolve(
            evaluation,
            recommendations=tuple(
                attrs.evolve(rec, actions=tuple(update(a) for a in rec.actions))
                for rec in evaluation.recommendations
            ),
        )
        for evaluation in doc.evaluations
    )
    return attrs.evolve(doc, evaluations=evaluations)


def main() -> int:
    """Load, update, persist, check against the schema, reload."""
    doc = gt.load(HERE / "data" / "tracker.json")
    on = dt.date(2023, 2, 15)
    updated = record_progress(
        doc, "1.2", status=gt.Status.COMPLETED, note="Last survey delivered.", on=on
    )

    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "tracker.json"
        gt.dump(updated, store)  # atomic: a crash leaves the old file whole
        data = json.loads(store.read_text(encoding="utf-8"))
        schema = gt.json_schema()
        version, definitions = data["schema_version"], len(schema["$defs"])
        print(f"stored schema_version {version}; the schema has {definitions} definitions")
        again = gt.load(store)

    assert again == updated, "the JSON round trip is lossless"
    before = gt.summarize(doc, on=on).implementation_rate
    after = gt.summarize(again, on=on).implementation_rate
    print(f"implementation rate on {on}: {before:.0%} before the update, {after:.0%} after")
    try:
        gt.loads('{"schema_version": 1, "plans": [{"actions": [{"text": 5}]}]}', format="json")
    except gt.SchemaError as error:
        print(f"bad input is refused with its path: {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
