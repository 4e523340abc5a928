"""The JSON document: lossless round trip, versioning, errors with paths, the schema."""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import cattrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import json as gt_json
from govtrack.io._files import normalise_newlines
from strategies import (
    RECORD_TYPES,
    dates,
    documents,
    json_values,
    precise_datetimes,
    precise_times,
    recommendations,
    time_spans,
)


@given(documents)
def test_round_trip(doc: gt.Document) -> None:
    """gt.loads(gt.dumps(doc)) == doc for any document."""
    assert doc == gt.loads(gt.dumps(doc, format="json"), format="json")


def origins(record: object) -> list[object]:
    """Every origin in a record tree, depth first (equality ignores them, so collect them)."""
    found: list[object] = []
    cls = type(record)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            value = getattr(record, field.name)
            if field.name == "origin":
                found.append(value)
            elif isinstance(value, tuple):
                for item in value:
                    found.extend(origins(item))
            else:
                found.extend(origins(value))
    return found


@given(documents)
def test_round_trip_keeps_origins(doc: gt.Document) -> None:
    """Origins of every record (equality ignores them) survive the round trip too."""
    back = gt.loads(gt.dumps(doc, format="json"), format="json")
    assert origins(doc) == origins(back)


@given(documents)
def test_output_matches_the_schema(doc: gt.Document) -> None:
    """Every document govtrack writes is valid against gt.json_schema()."""
    jsonschema.validate(json.loads(gt.dumps(doc, format="json")), gt.json_schema())


def test_schema_is_a_valid_2020_12_schema() -> None:
    """The schema itself is a valid JSON Schema."""
    jsonschema.Draft202012Validator.check_schema(gt.json_schema())


def test_dates_are_iso_and_enums_are_values() -> None:
    """Dates are ISO strings, enums their values, defaults left out."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                actions=(
                    gt.Action(text="x", due=gt.parse_due("Q1-2023"), status=gt.Status.OVERDUE),
                )
            ),
        )
    )
    data = json.loads(gt.dumps(doc, format="json"))
    assert {
        "text": "x",
        "due": {
            "text": "Q1-2023",
            "start": "2023-01-01",
            "end": "2023-03-31",
            "precision": "quarter",
        },
        "status": "overdue",
    } == data["plans"][0]["actions"][0]
    assert gt.SCHEMA_VERSION == data["schema_version"]


def _golden_document() -> gt.Document:
    due = gt.parse_due("2021/07")
    row = gt.Location(
        file="x.xlsx",
        sheet="S",
        cell="B5",
        line=3,
        header="H",
        columns={"status": "I"},
        labels={"status": "Status"},
    )
    action = gt.Action(
        text="Hire — staff",
        ref="1.1",
        responsible=("UNDP", "Gov"),
        due=due,
        status=gt.Status.ONGOING,
        status_text="Ongoing",
        comments="c",
        updates=(gt.Update(text="Dec 2022: done", on=due), gt.Update(text="u")),
        scope="KAZ",
        group="G",
        extra={"Budget": "USD 10"},
        origin=row,
    )
    actions = (
        action,
        gt.Action(text="Unread", due_text="soon", origin=attrs.evolve(row, cell="B6", line=None)),
        gt.Decision(text="Agreed", deemed_consent=True, due=due),
    )
    recommendation = gt.Recommendation(
        text="Rec", actions=actions, origin=gt.Location(file="x.xlsx", sheet="S", cell="A5")
    )
    return gt.Document(
        evaluations=(gt.Evaluation(title="Évaluation", recommendations=(recommendation,)),)
    )


_DUE_JSON = '{"text":"2021/07","start":"2021-07-01","end":"2021-07-31","precision":"month"}'
_GOLDEN = (
    '{"schema_version":2,"tables":[{"file":"x.xlsx","sheet":"S","columns":{"status":"I"},'
    '"labels":{"status":"Status"}}],"evaluations":[{"title":"Évaluation","recommendations":'
    '[{"text":"Rec","actions":[{"text":"Hire — staff","ref":"1.1","responsible":'
    f'["UNDP","Gov"],"due":{_DUE_JSON},"status":"ongoing","status_text":"Ongoing",'
    f'"comments":"c","updates":[{{"text":"Dec 2022: done","on":{_DUE_JSON}}},'
    '{"text":"u"}],"scope":"KAZ","group":"G","extra":{"Budget":"USD 10"},'
    '"origin":{"table":0,"cell":"B5","line":3,"header":"H"}},'
    '{"text":"Unread","due_text":"soon","origin":{"table":0,"cell":"B6","header":"H"}},'
    f'{{"kind":"decision","text":"Agreed","due":{_DUE_JSON},"deemed_consent":true}}],'
    '"origin":{"file":"x.xlsx","sheet":"S","cell":"A5"}}]}]}'
)
_GOLDEN_V1 = (
    '{"schema_version": 1, "evaluations": [{"title": "Évaluation", "recommendations": '
    '[{"text": "Rec", "actions": [{"text": "Hire — staff", "ref": "1.1", "responsible": '
    f'["UNDP", "Gov"], "due": {_DUE_JSON}, "status": "ongoing", "status_text": "Ongoing", '
    f'"comments": "c", "updates": [{{"text": "Dec 2022: done", "on": {_DUE_JSON}}}, '
    '{"text": "u"}], "scope": "KAZ", "group": "G", "extra": {"Budget": "USD 10"}, '
    '"origin": {"file": "x.xlsx", "sheet": "S", "cell": "B5", "line": 3, "header": "H", '
    '"columns": {"status": "I"}, "labels": {"status": "Status"}}}, '
    '{"text": "Unread", "due_text": "soon", "origin": {"file": "x.xlsx", "sheet": "S", '
    '"cell": "B6", "header": "H", "columns": {"status": "I"}, "labels": {"status": "Status"}}}, '
    f'{{"kind": "decision", "text": "Agreed", "due": {_DUE_JSON}, "deemed_consent": true}}], '
    '"origin": {"file": "x.xlsx", "sheet": "S", "cell": "A5"}}]}]}'
)
"""The golden document as govtrack 0.1.0.dev0 wrote it before tables: version 1."""


def test_output_is_byte_identical_to_the_golden_text() -> None:
    """The writer's output is fixed, byte for byte; and it reads back with its origins."""
    doc = _golden_document()
    text = gt.dumps(doc, format="json")
    assert text == _GOLDEN
    assert gt_json.encode(gt_json.to_data(doc), fast=False) == _GOLDEN
    back = gt.loads(text, format="json")
    assert back == doc
    assert origins(back) == origins(doc)


def test_version_1_documents_still_read() -> None:
    """A document written whole-origin, as version 1 was, reads to the same records."""
    back = gt.loads(_GOLDEN_V1, format="json")
    assert back == _golden_document()
    assert origins(back) == origins(_golden_document())
    assert gt_json._fast_from_data(json.loads(_GOLDEN_V1)) == back


def test_the_fast_path_takes_a_plain_document() -> None:
    """A plain document is read by the fast path, not the slow checked one (speed)."""
    data = json.loads(_GOLDEN)
    read = gt_json._fast_from_data(data)
    assert read == _golden_document()
    assert origins(read) == origins(_golden_document())


@given(documents)
def test_fast_path_matches_the_checked_converter(doc: gt.Document) -> None:
    """The fast hooks write the same text, and read the same records, as the checked ones."""
    checked = gt_json._CONVERTER
    fast = gt_json._FAST
    text = json.dumps(checked.unstructure(doc, gt.Document), ensure_ascii=False)
    assert json.dumps(fast.unstructure(doc, gt.Document), ensure_ascii=False) == text
    read = fast.structure(json.loads(text), gt.Document)
    assert read == checked.structure(json.loads(text), gt.Document)
    assert origins(read) == origins(doc)


@given(documents)
def test_the_fast_path_takes_every_document_govtrack_writes(doc: gt.Document) -> None:
    """What govtrack writes, it reads back by the fast path (the checked one is for doubt)."""
    data = json.loads(gt.dumps(doc, format="json"))
    assert gt_json._fast_from_data(data) == doc


def test_equal_deadlines_are_read_as_one_due() -> None:
    """Equal Dues in a document are one object (immutable, so sharing is invisible); a Due
    that differs in any of its four values is its own."""
    month = {"text": "2023/03", "start": "2023-03-01", "end": "2023-03-31", "precision": "month"}
    others = [
        {**month, "text": "March 2023"},
        {**month, "start": "2023-03-02", "precision": "range"},
        {**month, "end": "2023-03-30", "precision": "range"},
        {**month, "start": "2023-03-31", "precision": "day"},
    ]
    actions = [{"text": str(i), "due": due} for i, due in enumerate([month, month, *others])]
    data = {"schema_version": 2, "plans": [{"actions": actions}]}
    read = gt_json.from_data(json.loads(json.dumps(data))).plans[0].actions
    assert read[0].due is read[1].due
    assert len({id(action.due) for action in read}) == len(others) + 1
    assert [gt_json.to_data(gt.Document(plans=(gt.ActionPlan(actions=read),)))] == [data]


def test_no_due_outlives_the_document_it_was_read_from() -> None:
    """Dues are shared within one read only: once the document (or a refused one) is gone,
    so are its Dues, however long their texts."""
    long = {"text": "x" * 10_000, "start": "2021-01-01", "end": "2021-01-31", "precision": "month"}
    data = {"schema_version": 2, "plans": [{"actions": [{"text": "a", "due": long}] * 3}]}
    document = gt_json.from_data(data)
    actions = document.plans[0].actions
    assert actions[0].due is actions[1].due is actions[2].due
    kept = weakref.ref(actions[0].due)
    del document, actions
    gc.collect()
    assert kept() is None
    refused = {
        "schema_version": 2,
        "plans": [{"actions": [{"text": "a", "due": long}, {"text": 1}]}],
    }
    with pytest.raises(gt.SchemaError):
        gt_json.from_data(refused)
    assert gt_json._READ_DUES.get() is None


def test_actions_sharing_a_due_are_written_apart() -> None:
    """Actions sharing one Due get a Due object each in the data (changing one leaves the
    other), with the same values."""
    due = gt.parse_due("2021/07")
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="a", due=due), gt.Action(text="b", due=due))),)
    )
    first, second = gt_json.to_data(doc)["plans"][0]["actions"]
    assert first["due"] == second["due"]
    assert first["due"] is not second["due"]


@given(documents)
def test_fast_and_checked_readers_agree_on_tables(doc: gt.Document) -> None:
    """A document with tables reads the same by the fast path and by the checked one."""
    data = json.loads(gt.dumps(doc, format="json"))
    fast = gt_json._fast_from_data(data)
    checked = gt_json._checked_from_data(data, "")
    assert fast == checked == doc
    assert origins(fast) == origins(checked) == origins(doc)


@given(documents)
def test_orjson_writes_what_the_standard_library_writes(doc: gt.Document) -> None:
    """With or without the fast extra, the text is the same, compact or indented by 2."""
    data = gt_json.to_data(doc)
    for indent in (None, 2):
        assert gt_json.encode(data, indent=indent) == gt_json.encode(
            data, indent=indent, fast=False
        )


def _encoded(data: object, *, indent: int | None, fast: bool) -> str:
    """What encode gives, or the WriteError it raises as text."""
    try:
        return gt_json.encode(data, indent=indent, fast=fast)
    except gt.WriteError as error:
        return f"WriteError: {error}"


@given(st.text())
def test_orjson_writes_any_text_as_the_standard_library_does(text: str) -> None:
    """Control characters, quotes, non-ASCII: the same text either way; a lone surrogate:
    the same WriteError either way."""
    for indent in (None, 2):
        assert _encoded({"t": [text]}, indent=indent, fast=True) == _encoded(
            {"t": [text]}, indent=indent, fast=False
        )


def test_the_rows_of_a_table_share_one_entry() -> None:
    """Rows that share their maps, or have equal ones, name one table; others get their own."""
    columns = gt.FrozenMap({"status": "I", "deadline": "H"})

    def action(cell: str, sheet: str = "M", cols: gt.FrozenMap = columns) -> gt.Action:
        return gt.Action(text=cell, origin=gt.Location(sheet=sheet, cell=cell, columns=cols))

    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                actions=(
                    action("A1"),
                    action("A2"),
                    action("A3", cols=gt.FrozenMap(dict(columns))),  # equal, not the same
                    action("A4", sheet="N"),
                    action("A5", cols=gt.FrozenMap({"deadline": "H", "status": "I"})),
                )
            ),
        )
    )
    data = json.loads(gt.dumps(doc, format="json"))
    assert data["tables"] == [
        {"sheet": "M", "columns": {"status": "I", "deadline": "H"}},
        {"sheet": "N", "columns": {"status": "I", "deadline": "H"}},
        {"sheet": "M", "columns": {"deadline": "H", "status": "I"}},  # its order is kept
    ]
    assert [a["origin"]["table"] for a in data["plans"][0]["actions"]] == [0, 0, 0, 1, 2]
    back = gt.loads(gt.dumps(doc, format="json"), format="json")
    assert origins(back) == origins(doc)
    first, second = (a.origin for a in back.plans[0].actions[:2])
    assert first is not None
    assert second is not None
    assert first.columns is second.columns  # read once, shared by the rows


def test_a_document_without_tables_writes_none() -> None:
    """Origins without column maps (text files) are written whole; no empty tables key."""
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="x", origin=gt.Location(line=4)),)),)
    )
    assert gt.dumps(doc, format="json") == (
        '{"schema_version":2,"plans":[{"actions":[{"text":"x","origin":{"line":4}}]}]}'
    )


def test_converter_is_not_the_global_one() -> None:
    """make_converter returns a new converter each time, never cattrs' global one."""

    first, second = gt.make_converter(), gt.make_converter()
    assert first is not second
    assert first is not cattrs.global_converter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not json", "line 1: not JSON: Expecting value at column 1"),
        ("[]", "a govtrack JSON document is an object @ $"),
        ("{}", "missing or non-integer schema_version @ $.schema_version"),
        ('{"schema_version": 99}', "schema_version 99 is not one this govtrack reads"),
        (
            (
                '{"schema_version": 1, "plans": [{"actions": [{"text": "x", "due": {"text": "t", '
                '"start": "2021-13-01", "end": "2021-01-01", "precision": "month"}}]}]}'
            ),
            "@ $.plans[0].actions[0].due.start",
        ),
        (
            '{"schema_version": 1, "plans": [{"actions": [{"text": "x", "status": "stalled"}]}]}',
            "@ $.plans[0].actions[0].status",
        ),
        (
            '{"schema_version": 1, "meetings": [{"title": "m", "attendance_count": "35"}]}',
            "(expected an integer, got str) @ $.meetings[0].attendance_count",
        ),
        ('{"schema_version": 1, "evaluation": []}', "extra fields found (evaluation) @ $"),
        ('{"schema_version": 1, "tables": []}', "extra fields found (tables) @ $"),
        (
            '{"schema_version": 1, "plans": [{"actions": [{"text": "x", "origin": {"table": 0}}]}]}',
            "this origin names table 0, but the document has no tables @ $.plans[0].actions[0].origin",
        ),
        (
            '{"schema_version": 2, "plans": [{"actions": [{"text": "x", "origin": {"table": 0}}]}]}',
            "this origin names table 0, but the document has no tables @ $.plans[0].actions[0].origin",
        ),
        (
            (
                '{"schema_version": 2, "tables": [{"sheet": "M"}], "plans": [{"actions": [{"text": "x",'
                ' "origin": {"table": 1, "cell": "A1"}}]}]}'
            ),
            "names table 1, but $.tables has 1 (0 to 0) @ $.plans[0].actions[0].origin",
        ),
        (
            (
                '{"schema_version": 2, "tables": [{"sheet": "M"}], "plans": [{"actions": [{"text": "x",'
                ' "origin": {"table": "0"}}]}]}'
            ),
            "an origin's table is the index of one in $.tables, not '0'",
        ),
        (
            (
                '{"schema_version": 2, "tables": [{"sheet": "M"}], "plans": [{"actions": [{"text": "x",'
                ' "origin": {"table": 0, "sheet": "N"}}]}]}'
            ),
            "an origin that names a table takes sheet from it, and may not give it too",
        ),
        (
            '{"schema_version": 2, "tables": [{"sheet": "M", "cell": "A1"}]}',
            "extra fields found (cell) @ $.tables[0]",
        ),
        ('{"schema_version": 2, "tables": {}}', "tables is an array @ $.tables"),
        (
            '{"schema_version": 1, "plans": [{"actions": [{"text": "x", "responsible": "UNDP"}]}]}',
            "expected an array, got str @ $.plans[0].actions[0].responsible",
        ),
        ('{"schema_version": 1, "plans": {}}', "expected an array, got dict @ $.plans"),
        ('{"schema_version": 1, "plans": ""}', "expected an array, got str @ $.plans"),
        (
            '{"schema_version": 1, "meetings": [{"title": "m", "chair": {"Bob": 1}}]}',
            "expected an array, got dict @ $.meetings[0].chair",
        ),
        (
            '{"schema_version": 2, "source": ' + "[" * 250 + "]" * 250 + "}",
            "nested more than 200 levels deep @ $",
        ),
        (
            (
                '{"schema_version": 2, "tables": [{"sheet": "M"}], "plans": [{"actions": [{"text": "x",'
                ' "origin": {"table": 0, "cel": "A1"}}]}]}'
            ),
            "extra fields found (cel) @ $.plans[0].actions[0].origin",
        ),
        (
            (
                '{"schema_version": 2, "evaluations": [{"title": "E", "recommendations": [{"text":'
                ' "r", "actions": [{"text": "x", "due": {"text": "t", "start": "2021-01-01", "end":'
                ' "2021-01-31", "precision": ["month"]}}]}]}]}'
            ),
            "@ $.evaluations[0].recommendations[0].actions[0].due.precision",
        ),
        (
            (
                '{"schema_version": 2, "evaluations": [{"title": "E", "recommendations": [{"text":'
                ' "r", "response": {"category": "agreed"}}]}]}'
            ),
            "@ $.evaluations[0].recommendations[0].response.category",
        ),
        (
            (
                '{"schema_version": 2, "evaluations": [{"title": "E", "recommendations": [{"text":'
                ' "r", "actions": {"text": "x"}}]}]}'
            ),
            "expected an array, got dict @ $.evaluations[0].recommendations[0].actions",
        ),
    ],
)
def test_malformed_documents_name_the_path(text: str, expected: str) -> None:
    """A malformed JSON document raises SchemaError whose message gives the path and reason."""
    with pytest.raises(gt.SchemaError) as caught:
        gt.loads(text, format="json")
    assert expected in str(caught.value)
    assert isinstance(caught.value, gt.GovtrackError)


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ('{"schema_version":2,', "", ("line 1: not JSON: Expecting property name", 1)),
        ('{"schema_version": 2,\n "plans": [\n  {"title" "x"}]}', "", ("line 3: not JSON: ", 3)),
        ("\n\n[1,,", "x.json", ("x.json: line 3: not JSON: Expecting value at column 4", 3)),
    ],
)
def test_text_that_is_not_json_carries_its_line(
    text: str, source: str, expected: tuple[str, int]
) -> None:
    """Regression: a JSON syntax error's SchemaError had location None though its line is
    known; it carries Location(line=...) (and the file), and the message starts with it."""
    with pytest.raises(gt.SchemaError) as caught:
        gt.loads(text, format="json", source=source)
    location = caught.value.location
    assert location is not None
    assert expected == (str(caught.value)[: len(expected[0])], location.line)
    assert source == location.file


@given(documents, st.data())
def test_a_stray_character_is_located_at_its_line_and_column(
    doc: gt.Document, data: st.DataObject
) -> None:
    """A character no JSON allows, put at the start of any line of an indented document, is
    reported at that line (the error's location) and that column (in the message)."""
    lines = gt_json.dumps(doc, indent=2).split("\n")
    index = data.draw(st.integers(0, len(lines) - 1))
    column = len(lines[index]) - len(lines[index].lstrip()) + 1
    lines[index] = lines[index][: column - 1] + "@" + lines[index][column - 1 :]
    with pytest.raises(gt.SchemaError) as caught:
        gt.loads("\n".join(lines), format="json")
    location = caught.value.location
    assert (index + 1, f"line {index + 1}: not JSON: ") == (
        location.line if location is not None else None,
        str(caught.value)[: len(f"line {index + 1}: not JSON: ")],
    )
    assert str(caught.value).endswith(f" at column {column}")


@pytest.mark.parametrize("version", [0, -1, -20])
def test_a_version_below_one_is_invalid_not_too_new(version: int) -> None:
    """Regression: schema_version 0 (or below) said "upgrade govtrack", as a newer version
    does; no govtrack reads it, so it is said to be invalid."""
    with pytest.raises(gt.SchemaError) as caught:
        gt.loads(f'{{"schema_version": {version}}}', format="json")
    expected = (
        f"schema_version {version} is invalid: versions start at 1 (this govtrack reads 1 to "
        f"{gt_json.SCHEMA_VERSION}) @ $.schema_version"
    )
    assert (expected, False) == (str(caught.value), "upgrade" in str(caught.value))


def test_a_newer_version_asks_for_an_upgrade() -> None:
    """A schema_version above the one govtrack writes asks for a newer govtrack."""
    newer = gt_json.SCHEMA_VERSION + 1
    with pytest.raises(gt.SchemaError) as caught:
        gt.loads(f'{{"schema_version": {newer}}}', format="json")
    assert str(caught.value).endswith("upgrade govtrack @ $.schema_version")


def test_a_record_on_its_own_needs_its_origin_whole() -> None:
    """A row's origin cut out of a stored document names a table no converter can see."""
    converter = gt.make_converter()
    row = {"text": "x", "origin": {"table": 0, "cell": "F4"}}
    with pytest.raises(gt.SchemaError) as caught:
        converter.structure(row, gt.Action)
    assert str(caught.value).startswith("cannot read an Action from JSON: this origin names")
    assert str(caught.value).endswith(
        "a record read on its own needs its origin whole (the document it was cut from "
        "names the table in $.tables) @ $.origin"
    )
    alone = gt.Action(text="x", origin=gt.Location(sheet="M", cell="F4", columns={"status": "I"}))
    assert converter.unstructure(alone)["origin"] == {
        "sheet": "M",
        "cell": "F4",
        "columns": {"status": "I"},
    }


def test_deeply_nested_json_is_a_clean_error() -> None:
    """JSON nested beyond Python's recursion limit is a SchemaError, not a crash."""
    with pytest.raises(gt.SchemaError):
        gt.loads("[" * 100_000 + "]" * 100_000, format="json")


def test_schema_requires_version_and_refuses_unknown_keys() -> None:
    """The schema, like the reader, refuses a document without version or with unknown keys."""
    validator = jsonschema.Draft202012Validator(gt.json_schema())
    assert not validator.is_valid({})
    assert not validator.is_valid({"schema_version": 2, "plan": []})
    assert validator.is_valid({"schema_version": 2})
    row = {"text": "x", "origin": {"table": 0, "cell": "A1"}}
    assert validator.is_valid({"schema_version": 2, "tables": [{}], "plans": [{"actions": [row]}]})
    again = {"text": "x", "origin": {"table": 0, "sheet": "M"}}  # the table's part, given again
    assert not validator.is_valid(
        {"schema_version": 2, "tables": [{}], "plans": [{"actions": [again]}]}
    )


def test_sniff() -> None:
    """A govtrack JSON document sniffs surely as json; prose does not."""
    assert (1.0, 0.0) == (gt_json.sniff('{"schema_version": 1}'), gt_json.sniff("Minutes of"))


# ---------------------------------------------------------------------------
# Writing refuses what it could not read back


def _texts_in(record: object, path: str = "$") -> Iterator[tuple[str, tuple[object, ...]]]:
    """Each text in a record tree, as its JSON path and the steps to it (field names, tuple
    indices, map keys): every str field, every text of a tuple, every value of a map."""
    cls = type(record)
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        if not field.init or (cls is gt.Document and field.name == "source"):
            continue
        value = getattr(record, field.name)
        here = f"{path}.{field.name}"
        if isinstance(value, str):
            yield here, (field.name,)
        elif isinstance(value, gt.FrozenMap):
            for key in value:
                yield f"{here}[{key!r}]", (field.name, key)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield f"{here}[{index}]", (field.name, index)
                else:
                    for inner, steps in _texts_in(item, f"{here}[{index}]"):
                        yield inner, (field.name, index, *steps)
        elif attrs.has(type(value)):
            for inner, steps in _texts_in(value, here):
                yield inner, (field.name, *steps)


def _unchecked_map(entries: dict[Any, Any]) -> gt.FrozenMap:
    """A FrozenMap holding ``entries`` past its type check (as ``object.__setattr__`` can):
    the writer must still refuse a value that is not text."""
    mapping = gt.FrozenMap()
    object.__setattr__(mapping, "_data", entries)
    return mapping


def _replaced(record: Any, steps: tuple[object, ...], value: object) -> Any:
    """A copy of ``record`` with the text at ``steps`` replaced by ``value`` (a new record
    on the way down, so no record shared with another place changes)."""
    name, *rest = steps
    assert isinstance(name, str)
    old = getattr(record, name)
    new: object
    if not rest:
        new = value
    elif isinstance(old, gt.FrozenMap):
        entries: dict[Any, Any] = dict(old)
        entries[rest[0]] = value
        new = _unchecked_map(entries)
    elif isinstance(old, tuple):
        index, *more = rest
        assert isinstance(index, int)
        items = list(old)
        items[index] = _replaced(items[index], tuple(more), value) if more else value
        new = tuple(items)
    else:
        new = _replaced(old, tuple(rest), value)
    return _forced(record, **{name: new})  # past the constructor's checks


@given(documents, st.data())
def test_a_value_that_is_not_text_is_refused_with_its_path(
    doc: gt.Document, data: st.DataObject
) -> None:
    """A text replaced by None, a number, a bool or a list anywhere in a document: dumps
    refuses it, naming its path and its type, and nothing else."""
    places = list(_texts_in(doc))
    assume(places)
    path, steps = data.draw(st.sampled_from(places), label="place")
    value = data.draw(st.sampled_from([None, 0, 45000, True, ["x"]]), label="value")
    wrong = _replaced(doc, steps, value)
    with pytest.raises(gt.SchemaError) as raised:
        gt.dumps(wrong, format="json")
    message = str(raised.value)
    assert f"expected a string, got {type(value).__name__} @ {path}" in message
    assert message.count(" @ ") == 1, message


@given(documents)
def test_the_type_check_accepts_every_valid_document(doc: gt.Document) -> None:
    """The slow type check (which names the path) finds nothing in a valid document."""
    assert gt_json._problems_in(doc, gt.Document) == []


def _forced(record: Any, **fields: object) -> Any:
    """``record`` with ``fields`` stored past its validators (as ``object.__setattr__``
    can): the writer must still refuse what its reading would."""
    copy = attrs.evolve(record)
    for name, value in fields.items():
        object.__setattr__(copy, name, value)
    return copy


class _Text(str):
    """A str subclass (numpy's str_ is one): a string, written and read back as one."""

    __slots__ = ()


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            gt.Document(
                plans=(gt.ActionPlan(actions=(_forced(gt.Action(text="x"), comments=None),)),)
            ),
            "expected a string, got NoneType @ $.plans[0].actions[0].comments",
            id="comments-None",
        ),
        pytest.param(
            gt.Document(
                plans=(
                    gt.ActionPlan(
                        actions=(
                            _forced(gt.Action(text="x"), extra=_unchecked_map({"Budget": 45000})),
                        )
                    ),
                )
            ),
            "expected a string, got int @ $.plans[0].actions[0].extra['Budget']",
            id="extra-number",
        ),
        pytest.param(
            gt.Document(
                plans=(gt.ActionPlan(actions=(_forced(gt.Action(text="x"), status="ongoing"),)),)
            ),
            "expected a Status or None, got str @ $.plans[0].actions[0].status",
            id="status-word",
        ),
        pytest.param(
            gt.Document(
                plans=(
                    gt.ActionPlan(
                        actions=(
                            gt.Action(
                                text="x",
                                origin=_forced(
                                    gt.Location(sheet="M", columns={"a": "B"}), line=True
                                ),
                            ),
                        )
                    ),
                )
            ),
            "expected an integer or None, got bool @ $.plans[0].actions[0].origin.line",
            id="line-bool",
        ),
        pytest.param(
            gt.Document(
                meetings=(
                    _forced(
                        gt.Meeting(title="m"),
                        date=dt.datetime(2024, 1, 2, 9, tzinfo=dt.timezone.utc),
                    ),
                )
            ),
            "expected a date or None, got datetime @ $.meetings[0].date",
            id="meeting-datetime",
        ),
        pytest.param(
            gt.Document(
                meetings=(_forced(gt.Meeting(title="m"), decisions=(gt.Action(text="x"),)),)
            ),
            "expected a Decision, got Action @ $.meetings[0].decisions[0]",
            id="decision-plain-action",
        ),
        pytest.param(
            gt.Document(plans=(_forced(gt.ActionPlan(), actions=("x",)),)),
            "expected an Action, Decision or Activity, got str @ $.plans[0].actions[0]",
            id="action-str",
        ),
        pytest.param(
            gt.Document(
                evaluations=(
                    gt.Evaluation(
                        title="e",
                        recommendations=(
                            gt.Recommendation(
                                text="r",
                                response=_forced(gt.ManagementResponse(), category="accepted"),
                            ),
                        ),
                    ),
                )
            ),
            "expected a ResponseCategory or None, got str "
            "@ $.evaluations[0].recommendations[0].response.category",
            id="category-word",
        ),
        pytest.param(
            gt.Document(
                reports=(
                    gt.ProgressReport(
                        title="r",
                        period=_forced(
                            gt.Due.year(2024),
                            start=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
                            end=dt.datetime(2024, 12, 31, tzinfo=dt.timezone.utc),
                        ),
                    ),
                )
            ),
            "expected a date, got datetime @ $.reports[0].period.start; "
            "expected a date, got datetime @ $.reports[0].period.end",
            id="due-datetime",
        ),
    ],
)
def test_dumps_refuses_what_loads_would_refuse(document: gt.Document, expected: str) -> None:
    """The newcomer's cases and their kin: refused at the write, with path and type."""
    with pytest.raises(gt.SchemaError) as raised:
        gt.dumps(document, format="json")
    assert str(raised.value) == (
        f"cannot write this document as JSON (it could not be read back): {expected}"
    )
    assert isinstance(raised.value, gt.GovtrackError)


def test_a_str_subclass_is_text() -> None:
    """A str subclass is written as the text it is, and reads back equal."""
    action = gt.Action(text=_Text("x"), comments=_Text("c"), responsible=(_Text("UNDP"),))
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    text = gt.dumps(doc, format="json")
    assert text == gt.dumps(
        gt.Document(
            plans=(gt.ActionPlan(actions=(gt.Action(text="x", comments="c", responsible="UNDP"),)),)
        ),
        format="json",
    )
    assert gt.loads(text, format="json") == doc


def test_dump_refuses_and_leaves_no_file(tmp_path: Path) -> None:
    """gt.dump to .json refuses the same way, and writes nothing."""
    target = tmp_path / "doc.json"
    doc = gt.Document(plans=(gt.ActionPlan(actions=(_forced(gt.Action(text="x"), ref=None),)),))
    with pytest.raises(gt.SchemaError, match=r"@ \$\.plans\[0\]\.actions\[0\]\.ref"):
        gt.dump(doc, target)
    assert list(tmp_path.iterdir()) == []


def test_many_wrong_values_are_listed_up_to_a_limit() -> None:
    """Every wrong value is named, the first ten at most."""
    actions = tuple(_forced(gt.Action(text="x"), scope=None) for _ in range(12))
    with pytest.raises(gt.SchemaError) as raised:
        gt.dumps(gt.Document(plans=(gt.ActionPlan(actions=actions),)), format="json")
    message = str(raised.value)
    assert message.count(" @ ") == 10
    assert "@ $.plans[0].actions[9].scope" in message
    assert message.endswith("(and perhaps more)")


@given(documents, st.data())
def test_the_converter_refuses_a_record_that_would_not_read_back(
    doc: gt.Document, data: st.DataObject
) -> None:
    """make_converter() refuses to write a record (or the document) holding a value
    its reading would refuse, naming the path inside what it was given; a valid record
    writes as before and reads back equal."""
    places = list(_texts_in(doc))
    assume(places)
    path, steps = data.draw(st.sampled_from(places), label="place")
    value = data.draw(st.sampled_from([None, 45000, ["x"]]), label="value")
    converter = gt.make_converter()
    wrong = _replaced(doc, steps, value)
    with pytest.raises(gt.SchemaError) as raised:
        converter.unstructure(wrong)
    assert "cannot write this Document as JSON" in str(raised.value)
    assert f"expected a string, got {type(value).__name__} @ {path}" in str(raised.value)
    assert converter.structure(converter.unstructure(doc), gt.Document) == doc


def test_the_converter_checks_records_and_tuples_of_them_alone() -> None:
    """A record converted on its own (or a tuple of them) is checked from its own root;
    a Decision where an Action is expected is checked as the Decision it is."""
    converter = gt.make_converter()
    bad = _forced(gt.Action(text="Train staff"), responsible=("Unit A", None))
    with pytest.raises(gt.SchemaError, match=r"this Action .* @ \$\.responsible\[1\]"):
        converter.unstructure(bad)
    with pytest.raises(gt.SchemaError, match=r"this tuple of Action .* @ \$\[0\]\.responsible"):
        converter.unstructure((bad,), tuple[gt.Action, ...])
    decision = _forced(gt.Decision(text="Adopt the plan"), comments=3)
    with pytest.raises(gt.SchemaError, match=r"got int @ \$\.comments"):
        converter.unstructure(decision, gt.Action)
    good = gt.Decision(text="Adopt the plan")
    assert converter.structure(converter.unstructure(good, gt.Action), gt.Action) == good
    assert converter.copy().unstructure(gt.Action(text="x")) == {"text": "x"}
    with pytest.raises(gt.SchemaError):
        converter.copy().unstructure(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                '{"schema_version": 2, "plans": [{"title": "p", "actions": '
                '[{"text": "x", "due": "2024/03"}]}]}'
            ),
            (
                "expected an object (a Due), got a string '2024/03' (a deadline is an object: "
                '{"text", "start", "end", "precision"}) @ $.plans[0].actions[0].due'
            ),
        ),
        (
            '{"schema_version": 2, "plans": [{"title": "p", "actions": ["Train staff"]}]}',
            "expected an object (an Action), got a string 'Train staff' @ $.plans[0].actions[0]",
        ),
        (
            '{"schema_version": 2, "plans": [7]}',
            "expected an object (an ActionPlan), got a number 7 @ $.plans[0]",
        ),
        (
            (
                '{"schema_version": 2, "plans": [{"title": "p", "actions": '
                '[{"text": "x", "origin": []}]}]}'
            ),
            "expected an object (a Location), got an array @ $.plans[0].actions[0].origin",
        ),
    ],
)
def test_a_value_where_an_object_belongs_is_named(text: str, expected: str) -> None:
    """A string, number or array where a record belongs: the message says an object was
    expected and what came, at its path (it was cattrs' "unknown error ... 'keys'")."""
    with pytest.raises(gt.SchemaError) as raised:
        gt.loads(text, format="json")
    assert expected in str(raised.value)
    assert "unknown error" not in str(raised.value)


_UNREADABLE = _forced(gt.Action(text="Train staff"), comments=None)
"""An action whose comments are None (stored past attrs, as ``object.__setattr__`` can)."""

_UNREADABLE_DECISION = _forced(gt.Decision(text="Adopt the plan"), ref=7)


@pytest.mark.parametrize(
    ("value", "as_type", "expected"),
    [
        pytest.param([_UNREADABLE], None, "this list ... got NoneType @ $[0].comments", id="list"),
        pytest.param(
            (gt.Action(text="Hire"), _UNREADABLE),
            None,
            "this tuple ... got NoneType @ $[1].comments",
            id="tuple",
        ),
        pytest.param(
            {"first": _UNREADABLE},
            None,
            "this dict ... got NoneType @ $['first'].comments",
            id="dict",
        ),
        pytest.param({_UNREADABLE}, None, "this set ... got NoneType @ $[0].comments", id="set"),
        pytest.param(
            frozenset({_UNREADABLE}),
            None,
            "this frozenset ... got NoneType @ $[0].comments",
            id="frozenset",
        ),
        pytest.param(
            {"plans": [(_UNREADABLE,)]},
            None,
            "this dict ... got NoneType @ $['plans'][0][0].comments",
            id="nested",
        ),
        pytest.param(
            gt.Actions((gt.Action(text="Hire"), _UNREADABLE)),
            None,
            "this Actions ... got NoneType @ $[1].comments",
            id="Actions",
        ),
        pytest.param(
            [gt.Meeting(title="Board", decisions=(_UNREADABLE_DECISION,))],
            None,
            "this list ... expected a string, got int @ $[0].decisions[0].ref",
            id="record-in-list",
        ),
        pytest.param(
            [_UNREADABLE], list[gt.Action], "this list of Action ... @ $[0].comments", id="typed"
        ),
        pytest.param(
            [_UNREADABLE_DECISION],
            list[gt.Action],
            "this list of Action ... got int @ $[0].ref",
            id="typed-subclass",
        ),
        pytest.param(
            {"a": "Train staff"},
            dict[str, gt.Action],
            "this dict of Action ... expected an Action, Decision or Activity, got str @ $['a']",
            id="typed-dict",
        ),
        pytest.param(
            "Train staff",
            tuple[gt.Action, ...],
            "this tuple of Action ... expected an array of Action, got str @ $",
            id="typed-not-an-array",
        ),
        pytest.param(
            {_UNREADABLE: "x"},
            None,
            "this dict ... expected a string key, got Action @ $",
            id="key",
        ),
    ],
)
def test_the_converter_checks_records_in_containers(
    value: object, as_type: Any, expected: str
) -> None:
    """Records inside a list, tuple, set, frozenset or dict (at any depth) are checked as a
    record alone is, with their path from the container (they were written unchecked)."""
    converter = gt.make_converter()
    with pytest.raises(gt.SchemaError) as raised:
        converter.unstructure(value, as_type)
    message = str(raised.value)
    what, reason = expected.split(" ... ")
    assert f"cannot write {what} as JSON (it could not be read back): " in message
    assert message.endswith(reason), message


def test_the_converter_writes_records_in_containers() -> None:
    """Valid records in containers are written as before; a set or frozenset of records is
    written as an array (it raised cattrs' TypeError: a record's object is unhashable)."""
    converter = gt.make_converter()
    hire, train = gt.Action(text="Hire"), gt.Decision(text="Train", deemed_consent=True)
    assert [{"text": "Hire"}] == converter.unstructure([hire])
    assert {"a": {"text": "Hire"}} == converter.unstructure({"a": hire})
    assert [{"text": "Hire"}] == converter.unstructure({hire})
    assert [{"text": "Hire"}] == converter.unstructure(frozenset({hire}))
    data = converter.unstructure([hire, train], list[gt.Action])
    assert [{"text": "Hire"}, {"kind": "decision", "text": "Train", "deemed_consent": True}] == data
    assert [hire, train] == converter.structure(data, list[gt.Action])
    assert {hire} == converter.structure(converter.unstructure({hire}), set[gt.Action])


def test_every_record_type_is_tried() -> None:
    """The record classes tried below are every one a document may hold."""
    assert set(RECORD_TYPES) == set(gt_json._CHECKED_RECORDS)


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("Train staff", "a string 'Train staff'"),
        (7, "a number 7"),
        ([], "an array"),
        (None, "null"),
        (True, "a boolean"),
    ],
    ids=["string", "number", "array", "null", "boolean"],
)
def test_structure_refuses_a_value_that_is_not_an_object(
    cls: type[Any], value: object, named: str
) -> None:
    """A string, number, array, null or boolean where a record's object belongs: a
    SchemaError (it was govtrack's private ValueError) saying where and what was expected."""
    converter = gt.make_converter()
    with pytest.raises(gt.SchemaError) as raised:
        converter.structure(value, cls)
    name = gt_json._article(cls.__name__)
    hint = ' (a deadline is an object: {"text", "start", "end", "precision"})'
    assert (
        f"cannot read {name} from JSON: expected an object ({name}), "
        f"got {named}{hint if cls is gt.Due else ''} @ $"
    ) == str(raised.value)


@pytest.mark.parametrize(
    ("data", "cls", "expected"),
    [
        pytest.param(
            {"text": "t", "start": "2024-02-01", "end": "2024-01-01", "precision": "day"},
            gt.Due,
            "cannot read a Due from JSON: invalid value (cannot read deadline 't': it ends "
            "(2024-01-01) before it starts (2024-02-01)) @ $",
            id="due-ends-before-it-starts",
        ),
        pytest.param(
            {"kind": "motion", "text": "x"},
            gt.Action,
            "cannot read an Action from JSON: invalid value (unknown kind 'motion'; "
            "expected one of decision, activity) @ $",
            id="unknown-kind",
        ),
        pytest.param(
            ["x"],
            tuple[gt.Action, ...],
            "cannot read a tuple of Action from JSON: expected an object (an Action), "
            "got a string 'x' @ $[0]",
            id="tuple-item",
        ),
        pytest.param(
            "x",
            int,
            "cannot read an int from JSON: invalid type (expected an integer, got str) @ $",
            id="int",
        ),
    ],
)
def test_structure_raises_only_schema_errors(data: object, cls: Any, expected: str) -> None:
    """What cattrs or a record's validator raises (a DueParseError, a ValueError) reaches
    the caller as one SchemaError with the path and the reason."""
    with pytest.raises(gt.SchemaError) as raised:
        gt.make_converter().structure(data, cls)
    assert expected == str(raised.value)


def test_structure_refuses_data_nested_too_deeply() -> None:
    """Indicators' targets nested past the limit: a SchemaError, not a RecursionError."""
    data: dict[str, Any] = {"text": "x"}
    for _ in range(400):
        data = {"text": "x", "targets": [data]}
    with pytest.raises(gt.SchemaError, match="nested more than 200 levels deep @ \\$"):
        gt.make_converter().structure(data, gt.Indicator)


_FIELD_NAMES = sorted(
    {field.name for cls in RECORD_TYPES for field in attrs.fields(cls)} | {"kind", "table"}
)
_KEYS = st.one_of(st.sampled_from(_FIELD_NAMES), st.text(max_size=5))


@given(st.sampled_from(RECORD_TYPES), json_values(_KEYS))
def test_structure_of_any_json_is_a_record_or_a_schema_error(cls: type[Any], data: object) -> None:
    """Any JSON value, for every record class: a record of that class, or a SchemaError
    whose message is one line; never another exception."""
    try:
        record = gt.make_converter().structure(data, cls)
    except gt.SchemaError as error:
        message = str(error)
    else:
        assert isinstance(record, cls)
        return
    assert "\n" not in message
    assert message.startswith(f"cannot read {gt_json._article(cls.__name__)} from JSON: ")


def _nodes(data: Any, steps: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The steps (keys and indexes) to every value in JSON-ready ``data``."""
    yield steps
    if isinstance(data, dict):
        for key, item in data.items():
            yield from _nodes(item, (*steps, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _nodes(item, (*steps, index))


def _put(data: Any, steps: tuple[Any, ...], value: object) -> Any:
    """A copy of ``data`` with the value at ``steps`` replaced by ``value``."""
    if not steps:
        return value
    first, *rest = steps
    copy = data.copy()
    copy[first] = _put(data[first], tuple(rest), value)
    return copy


@given(documents, st.data())
def test_structure_of_a_damaged_document_is_a_record_or_a_schema_error(
    doc: gt.Document, data: st.DataObject
) -> None:
    """A valid document's data with one value anywhere replaced by any JSON value: the
    converter reads a Document or raises a SchemaError, never another exception."""
    converter = gt.make_converter()
    written = converter.unstructure(doc)
    steps = data.draw(st.sampled_from(list(_nodes(written))), label="steps")
    damaged = _put(written, steps, data.draw(json_values(_KEYS), label="value"))
    try:
        record = converter.structure(damaged, gt.Document)
    except gt.SchemaError as error:
        message = str(error)
    else:
        assert isinstance(record, gt.Document)
        return
    assert "\n" not in message
    assert message.startswith("cannot read a Document from JSON: ")


def test_an_error_no_check_foresaw_is_a_schema_error() -> None:
    """What cattrs raises writing a value the checks pass (a number as a list of numbers)
    reaches the caller as a one-line SchemaError naming what was written and the error."""
    with pytest.raises(gt.SchemaError) as raised:
        gt.make_converter().unstructure(5, list[int])
    assert "cannot write this list of int as JSON: TypeError: 'int' object is not iterable" == str(
        raised.value
    )


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("status", '"stalled"', ("expected one of 'not_started', 'ongoing', 'completed', "
         "'no_longer_applicable', 'overdue' or null, got 'stalled' @ $.plans[0].actions[0].status")),
        ("due", '{"text": "a", "start": "2024-01-01", "end": "2024-01-31", "precision": "moon"}',
         ("expected one of 'day', 'month', 'quarter', 'half', 'year', 'range', got 'moon' "
          "@ $.plans[0].actions[0].due.precision")),
    ],
)  # fmt: skip
def test_an_unknown_enum_value_is_refused_with_the_values_expected(
    field: str, value: str, expected: str
) -> None:
    """Regression: the message named the Python type (`govtrack.model.status.Status |
    None`) instead of the values a document may hold there."""
    text = (
        f'{{"schema_version": 2, "plans": [{{"actions": [{{"text": "x", "{field}": {value}}}]}}]}}'
    )
    with pytest.raises(gt.SchemaError) as raised:
        gt.loads(text, format="json")
    assert str(raised.value) == f"not a govtrack document: {expected}"


@given(st.text(st.sampled_from("\r\n\ufeffa{}"), max_size=12))
def test_newlines_are_normalised_as_before_with_or_without_a_carriage_return(text: str) -> None:
    """normalise_newlines skips its replacements when there is no CR (gt.loads of a big
    JSON text), and gives what replacing CRLF and then CR gives, with a mark or without."""
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert expected == normalise_newlines(text)


def _same_record(built: Any, expected: Any) -> None:
    """Equal, and equal field by field (origins too, which == leaves out), same types."""
    assert type(expected) is type(built)
    assert expected == built
    for field in attrs.fields(type(expected)):
        mine, theirs = getattr(built, field.name), getattr(expected, field.name)
        assert type(theirs) is type(mine)
        if attrs.has(type(theirs)):
            _same_record(mine, theirs)
        else:
            assert theirs == mine


@given(recommendations)
def test_responses_and_recommendations_are_read_as_their_init_builds_them(
    recommendation: gt.Recommendation,
) -> None:
    """The JSON reader builds a ManagementResponse and a Recommendation without their
    __init__ (speed): the same records, field by field, hashable alike."""
    data = json.loads(json.dumps(gt.make_converter().unstructure(recommendation)))
    read = gt_json._FAST.structure(data, gt.Recommendation)
    _same_record(read, recommendation)
    assert hash(recommendation.response) == hash(read.response)
    assert hash(recommendation) == hash(read)


@pytest.mark.parametrize("trusted", [True, False])
def test_the_ordinary_constructor_stands_in_when_the_model_changes(
    trusted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a model the JSON reader does not expect (a validator more), its records are built
    by their __init__, with the same result."""
    if not trusted:
        monkeypatch.setattr(gt_json, "slot_setters", lambda *_: None)
    new_response = gt_json._trusted_constructor(
        gt.ManagementResponse, set(gt_json._RESPONSE_TAGS), frozenset({"category"})
    )
    assert trusted == (new_response.__name__ == "trusted")
    values = ("Agreed", gt.ResponseCategory.ACCEPTED, "Accepted", "", ("Gender",), (), ("P1",), ())
    expected = gt.ManagementResponse(
        text="Agreed",
        category=gt.ResponseCategory.ACCEPTED,
        category_text="Accepted",
        thematic_areas=("Gender",),
        organisational_priorities=("P1",),
    )
    _same_record(new_response(*values), expected)


def test_dumps_writes_actions_sharing_a_due_as_to_data_does() -> None:
    """gt.dumps gives actions sharing a Due one dict (encoded, never seen): the text is
    what the data of to_data (a dict each) encodes to."""
    due = gt.parse_due("2021/07")
    actions = tuple(gt.Action(text=text, due=due) for text in "abc")
    doc = gt.Document(plans=(gt.ActionPlan(actions=(*actions, gt.Action(text="d"))),))
    for indent in (None, 2):
        expected = gt_json.encode(gt_json.to_data(doc), indent=indent)
        assert expected == gt_json.dumps(doc, indent=indent)
        assert expected == gt_json.encode(gt_json.to_data(doc), indent=indent, fast=False)


@given(documents)
def test_dumps_writes_what_the_data_of_to_data_encodes_to(doc: gt.Document) -> None:
    """gt.dumps writes data that is only encoded (responsible parties stay tuples, Dues
    are shared): the text is what to_data's data (lists, a dict each) encodes to, by
    either encoder."""
    data = gt_json.to_data(doc)
    for indent in (None, 2):
        expected = gt_json.dumps(doc, indent=indent)
        assert expected == gt_json.encode(data, indent=indent)
        assert expected == gt_json.encode(data, indent=indent, fast=False)


def test_to_data_gives_responsible_parties_as_a_list_of_the_callers() -> None:
    """to_data's data is the caller's: each action's parties a list of its own, though
    dumps keeps the tuple."""
    parties = ("UNDP", "Ministry")
    doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="a", responsible=parties),)),))
    data = gt_json.to_data(doc)
    assert ["UNDP", "Ministry"] == data["plans"][0]["actions"][0]["responsible"]
    assert (
        '{"schema_version":2,"plans":[{"actions":[{"text":"a","responsible":["UNDP","Ministry"]}]}]}'
        == gt_json.dumps(doc)
    )


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "standard library"])
@pytest.mark.parametrize("indent", [None, 2])
def test_dumps_names_a_lone_surrogate_in_a_responsible_party(
    fast: bool, indent: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lone surrogate in a party (a tuple in the data dumps encodes) is refused with
    the party's path."""
    if not fast:
        monkeypatch.setattr(gt_json, "_orjson_dumps", None)
    action = gt.Action(text="a", responsible=("UNDP", "bad \ud800"))
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    with pytest.raises(gt.WriteError) as raised:
        gt.dumps(doc, format="json", indent=indent)
    assert str(raised.value).endswith("@ $.plans[0].actions[0].responsible[1]")


@pytest.mark.parametrize("field", ["columns", "labels"])
@pytest.mark.parametrize("value", [{}, {"status": "I"}], ids=["empty", "full"])
def test_dumps_refuses_an_origin_map_that_is_not_a_frozen_map(
    field: str, value: dict[str, str]
) -> None:
    """An origin written whole whose columns or labels are a dict, even an empty one, is
    refused with its path (an empty FrozenMap is skipped unchecked)."""
    origin = _forced(gt.Location(sheet="M", cell="B4"), **{field: value})
    doc = gt.Document(plans=(gt.ActionPlan(title="p", origin=origin),))
    with pytest.raises(gt.SchemaError) as raised:
        gt.dumps(doc, format="json")
    assert str(raised.value).endswith(f"got dict @ $.plans[0].origin.{field}")


_SHEETS = ("M", "N")
_COLUMN_MAPS = ({"status": "I"}, {"status": "J"})


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SHEETS), st.sampled_from(range(len(_COLUMN_MAPS))), st.booleans()
        ),
        max_size=12,
    )
)
def test_each_row_names_the_first_table_with_its_values(rows: list[tuple[str, int, bool]]) -> None:
    """Rows in any order, their maps shared or equal copies, their sheets alike or not: each
    names the first table written with its file, sheet and maps' items, as a look-up of
    their values would find it (the writer first tries the last row's)."""
    shared = [gt.FrozenMap(columns) for columns in _COLUMN_MAPS]
    actions = []
    expected_tables: list[tuple[str, int]] = []
    expected_indexes = []
    for number, (sheet, which, copy) in enumerate(rows):
        columns = gt.FrozenMap(_COLUMN_MAPS[which]) if copy else shared[which]
        location = gt.Location(file="f.xlsx", sheet=sheet, cell=f"F{number}", columns=columns)
        actions.append(gt.Action(text=str(number), origin=location))
        if (sheet, which) not in expected_tables:
            expected_tables.append((sheet, which))
        expected_indexes.append(expected_tables.index((sheet, which)))
    doc = gt.Document(plans=(gt.ActionPlan(actions=tuple(actions)),))
    data = json.loads(gt.dumps(doc, format="json"))
    assert [
        {"file": "f.xlsx", "sheet": sheet, "columns": _COLUMN_MAPS[which]}
        for sheet, which in expected_tables
    ] == data.get("tables", [])
    assert expected_indexes == [
        action["origin"]["table"] for plan in data["plans"] for action in plan.get("actions", [])
    ]
    assert origins(doc) == origins(gt.loads(gt.dumps(doc, format="json"), format="json"))


# ---------------------------------------------------------------------------
# What an embedding application meets: the schema with format checks, dict-level
# persistence, the converter's documents, what dumps refuses, strict dates

_RFC3339_FULL_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_RFC3339_FULL_TIME = re.compile(
    r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
)


def _strict_format_checker() -> jsonschema.FormatChecker:
    """A format checker holding "date" and "time" to RFC 3339 (full-date, full-time), as a
    strict validator does (rfc3339-validator, ajv-formats), whatever is installed here."""
    checker = jsonschema.FormatChecker()
    checker.checks("date")(
        lambda value: not isinstance(value, str) or bool(_RFC3339_FULL_DATE.fullmatch(value))
    )
    checker.checks("time")(
        lambda value: not isinstance(value, str) or bool(_RFC3339_FULL_TIME.fullmatch(value))
    )
    return checker


def _formats(schema: object) -> set[str]:
    """Every "format" a schema declares."""
    if isinstance(schema, dict):
        found = {schema["format"]} if isinstance(schema.get("format"), str) else set()
        for value in schema.values():
            found |= _formats(value)
        return found
    if isinstance(schema, list):
        return set().union(*(_formats(value) for value in schema))
    return set()


def test_the_schema_declares_only_formats_every_value_written_meets() -> None:
    """Regression: times were declared "format": "time" (RFC 3339 full-time, which needs a
    UTC offset), and govtrack writes "14:00:00": a strict validator refused every meeting
    with a time. Only "date" is declared, which jsonschema checks itself."""
    assert {"date"} == _formats(gt.json_schema())
    assert "date" in jsonschema.FormatChecker().checkers


@given(documents, st.lists(time_spans(precise_times), min_size=1, max_size=2))
def test_written_documents_validate_with_format_checks(
    doc: gt.Document, times: list[tuple[dt.time | None, dt.time | None]]
) -> None:
    """Every document govtrack writes, meetings' times with microseconds and UTC offsets
    included, is valid against the schema with formats checked strictly (RFC 3339), and
    reads back equal."""
    meetings = tuple(
        gt.Meeting(title="Board", date=dt.date(2024, 3, 5), starts=starts, ends=ends)
        for starts, ends in times
    )
    doc = attrs.evolve(doc, meetings=doc.meetings + meetings)
    text = gt.dumps(doc, format="json")
    for checker in (jsonschema.FormatChecker(), _strict_format_checker()):
        validator = jsonschema.Draft202012Validator(gt.json_schema(), format_checker=checker)
        assert [] == [error.message for error in validator.iter_errors(json.loads(text))]
    assert doc == gt.loads(text, format="json")


def test_the_schema_refuses_a_time_or_date_in_another_shape() -> None:
    """The schema's time pattern and date pattern refuse what the reader refuses."""
    validator = jsonschema.Draft202012Validator(
        gt.json_schema(), format_checker=jsonschema.FormatChecker()
    )

    def meeting(**fields: str) -> dict[str, object]:
        return {"schema_version": 2, "meetings": [{"title": "Board", **fields}]}

    for good in ("14:00:00", "09:30:00.000005", "14:00:00+01:00", "23:59:59-05:30:15.000001"):
        assert validator.is_valid(meeting(starts=good)), good
        gt.loads(json.dumps(meeting(starts=good)), format="json")
    for bad in ("14:00", "T14:00:00", "140000", "14:00:00Z", "24:00:00", "14:00:00.5"):
        assert not validator.is_valid(meeting(starts=bad)), bad
        with pytest.raises(gt.SchemaError, match=r"expected a time written HH:MM:SS"):
            gt.loads(json.dumps(meeting(starts=bad)), format="json")
    for bad in ("20210701", "2021-W27-1", "2021-07-01T00:00"):
        assert not validator.is_valid(meeting(date=bad)), bad


def _iso_variants(day: dt.date) -> list[str]:
    """The other ISO 8601 spellings of ``day`` (Python 3.11's date.fromisoformat takes them,
    3.10's refuses them)."""
    year, week, weekday = day.isocalendar()
    return [
        day.strftime("%Y%m%d"),
        f"{year:04d}-W{week:02d}-{weekday}",
        f"{year:04d}W{week:02d}{weekday}",
        f"{year:04d}-W{week:02d}",
        f"{year:04d}W{week:02d}",
    ]


@given(dates, st.data())
def test_only_yyyy_mm_dd_dates_are_read(day: dt.date, data: st.DataObject) -> None:
    """A date is read only as YYYY-MM-DD, on every Python: a deadline's (the fast path), a
    meeting's (the checked one); another ISO spelling is refused with its path."""
    other = data.draw(st.sampled_from(_iso_variants(day)), label="spelling")
    due = {"text": "t", "start": day.isoformat(), "end": day.isoformat(), "precision": "day"}
    action = {"text": "Hire", "due": due}
    good = {
        "schema_version": 2,
        "plans": [{"actions": [action]}],
        "meetings": [{"title": "Board", "date": day.isoformat()}],
    }
    read = gt.loads(json.dumps(good), format="json")
    assert (day, day) == (read.plans[0].actions[0].due.start, read.meetings[0].date)  # type: ignore[union-attr]
    bad_due = {
        "schema_version": 2,
        "plans": [{"actions": [{**action, "due": {**due, "end": other}}]}],
    }
    with pytest.raises(
        gt.SchemaError, match=re.escape(f"got {other!r} @ $.plans[0].actions[0].due.end")
    ):
        gt.loads(json.dumps(bad_due), format="json")
    bad_date = {"schema_version": 2, "meetings": [{"title": "Board", "date": other}]}
    with pytest.raises(gt.SchemaError, match=re.escape(f"got {other!r} @ $.meetings[0].date")):
        gt.loads(json.dumps(bad_date), format="json")


def test_a_top_level_source_is_refused_like_any_unknown_key() -> None:
    """Regression: a top-level "source" was accepted and dropped (the schema refuses it);
    it is refused, saying how to give a document's source."""
    with pytest.raises(gt.SchemaError) as raised:
        gt.loads('{"schema_version": 2, "source": "/srv/other.xlsx"}', format="json")
    assert str(raised.value).startswith("not a govtrack document: extra fields found (source) @ $")
    assert "pass source=" in str(raised.value)
    assert "/srv/a.json" == gt.loads('{"schema_version": 2}', source="/srv/a.json").source


@given(documents)
def test_to_data_and_from_data_are_what_dumps_and_loads_write_and_read(doc: gt.Document) -> None:
    """gt.to_data gives the data gt.dumps encodes, gt.from_data reads it back equal, and
    the data is the caller's: changing it changes no later result."""
    data = gt.to_data(attrs.evolve(doc, source="/srv/store.json"))
    assert json.loads(gt.dumps(doc, format="json")) == data
    assert doc == gt.from_data(data)
    assert "/srv/x.json" == gt.from_data(data, source="/srv/x.json").source
    data.clear()
    assert json.loads(gt.dumps(doc, format="json")) == gt.to_data(doc)


@given(documents)
def test_the_converter_writes_and_reads_a_document_as_to_data_does(doc: gt.Document) -> None:
    """Regression: make_converter()'s Document data had the server's path (source), no
    schema_version and no tables, and it refused what dumps writes ("extra fields found
    (schema_version)"). It now writes and reads what to_data and from_data do."""
    converter = gt.make_converter()
    placed = attrs.evolve(doc, source="/srv/store.json")
    assert gt.to_data(doc) == converter.unstructure(placed)
    assert gt.to_data(doc) == converter.unstructure(placed, gt.Document)
    assert doc == converter.structure(json.loads(gt.dumps(doc, format="json")), gt.Document)
    assert [gt.to_data(doc)] == converter.unstructure([placed], list[gt.Document])


def test_the_converter_refuses_a_document_as_from_data_does() -> None:
    """A document the converter cannot read is a SchemaError naming the Document and the
    path, as for any other record; its source is refused as from_data refuses it."""
    converter = gt.make_converter()
    with pytest.raises(gt.SchemaError) as raised:
        converter.structure(
            {"schema_version": 2, "plans": [{"actions": [{"txt": "x"}]}]}, gt.Document
        )
    assert (
        "cannot read a Document from JSON: required field missing @ $.plans[0].actions[0].text; "
        "extra fields found (txt) @ $.plans[0].actions[0]"
    ) == str(raised.value)
    with pytest.raises(gt.SchemaError, match=r"extra fields found \(source\)"):
        converter.structure({"schema_version": 2, "source": "/srv/a.json"}, gt.Document)
    with pytest.raises(gt.SchemaError, match=r"missing or non-integer schema_version"):
        converter.structure({"plans": []}, gt.Document)


def test_hooks_registered_for_values_apply_inside_records() -> None:
    """Regression: an unstructure hook an application registered for Status or date was
    ignored inside an Action (its hook was generated when the converter was made), while
    the structure hook was honoured. Both apply to records now; a Document stays in
    govtrack's format."""
    converter = gt.make_converter()
    converter.register_unstructure_hook(gt.Status, lambda status: status.value.upper())
    converter.register_structure_hook(gt.Status, lambda value, _: gt.Status(value.lower()))
    converter.register_unstructure_hook(dt.date, lambda day: day.strftime("%d/%m/%Y"))
    action = gt.Action(text="Hire", status=gt.Status.ONGOING, due=gt.parse_due("2021/07"))
    data = converter.unstructure(action)
    assert ("ONGOING", "01/07/2021") == (data["status"], data["due"]["start"])
    assert ("ONGOING", "05/03/2024") == (
        converter.unstructure(gt.Decision(text="Adopt", status=gt.Status.ONGOING), gt.Action)[
            "status"
        ],
        converter.unstructure(gt.Meeting(title="Board", date=dt.date(2024, 3, 5)))["date"],
    )
    assert (
        gt.Status.ONGOING
        == converter.structure({"text": "Hire", "status": "ONGOING"}, gt.Action).status
    )
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    assert gt.to_data(doc) == converter.unstructure(doc)


def _nested_indicators(levels: int) -> gt.Document:
    indicator = gt.Indicator(text="Leaf")
    for _ in range(levels):
        indicator = gt.Indicator(text="Target", targets=(indicator,))
    return gt.Document(reports=(gt.ProgressReport(title="Report", indicators=(indicator,)),))


def test_dumps_refuses_nesting_loads_would_refuse() -> None:
    """Regression: indicators' targets nested 98 levels were written, and loads refused the
    text ("nested more than 200 levels deep"). What dumps writes, loads reads; deeper is a
    WriteError naming the path, from dumps, to_data, dump and the converter alike."""
    written = []
    for levels in range(90, 110):
        doc = _nested_indicators(levels)
        try:
            text = gt.dumps(doc, format="json")
        except gt.WriteError as error:
            message = str(error)
            assert "nests more than 200 levels deep" in message
            assert message.endswith("@ $.reports[0].indicators[0] + .targets[0] × 98")
            for write in (gt.to_data, gt.make_converter().unstructure):
                with pytest.raises(gt.WriteError, match="nests more than 200 levels deep"):
                    write(doc)
        else:
            assert doc == gt.loads(text, format="json")
            written.append(levels)
    assert 90 <= max(written) < 109
    assert list(range(90, max(written) + 1)) == written


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "standard library"])
@pytest.mark.parametrize("indent", [None, 2, 4])
def test_dumps_refuses_a_lone_surrogate_as_dump_does(
    fast: bool, indent: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: gt.dumps of a text with a lone surrogate succeeded (the standard library
    wrote it) while gt.dump raised WriteError. dumps refuses it too, with its path,
    whichever encoder writes."""
    if not fast:
        monkeypatch.setattr(gt_json, "_orjson_dumps", None)
    actions = (gt.Action(text="ok"), gt.Action(text="bad \ud800"))
    doc = gt.Document(plans=(gt.ActionPlan(actions=actions),))
    with pytest.raises(gt.WriteError) as raised:
        gt.dumps(doc, format="json", indent=indent)
    assert str(raised.value).startswith("cannot write this document as JSON: it holds '\\ud800'")
    assert str(raised.value).endswith("@ $.plans[0].actions[1].text")
    keyed = gt.Document(plans=(gt.ActionPlan(extra={"bad \udc80": "x"}),))
    with pytest.raises(gt.WriteError) as raised:
        gt.dumps(keyed, format="json", indent=indent)
    assert str(raised.value).endswith("@ $.plans[0].extra.bad \\udc80")


def test_a_syntax_error_names_the_file_first_as_other_errors_do(tmp_path: Path) -> None:
    """Regression: `gt.load("bad.json")` of text that is not JSON said `line 2: not JSON: …
    of bad.json`, the file last, while every other error names it first (`bad.json:
    schema_version 0 is invalid…`); it says `bad.json: line 2: not JSON: …`."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2,\n "plans": [}', encoding="utf-8")
    zero = tmp_path / "zero.json"
    zero.write_text('{"schema_version": 0}', encoding="utf-8")
    messages = []
    for path in (bad, zero):
        with pytest.raises(gt.SchemaError) as caught:
            gt.load(path)
        messages.append(str(caught.value))
    assert [f"{bad}: line 2: not JSON: Expecting value at column 12", f"{zero}: "] == [
        messages[0],
        messages[1][: len(f"{zero}: ")],
    ]


@attrs.frozen(kw_only=True)
class _AuditEntry:
    """An application's own record, holding a govtrack record and its own date values."""

    at: dt.datetime
    on: dt.date
    starts: dt.time
    action: gt.Action


def test_the_converter_keeps_an_applications_datetimes_whole() -> None:
    """Regression: make_converter's hook for date caught datetime, its subclass: an
    application's datetime was written as its day (time and offset lost) and an ISO
    datetime was refused on reading; each now goes to its own hook and round-trips."""
    converter = gt.make_converter()
    entry = _AuditEntry(
        at=dt.datetime(2023, 1, 1, 10, 30, tzinfo=dt.timezone.utc),
        on=dt.date(2023, 1, 2),
        starts=dt.time(9, 15),
        action=gt.Action(text="Hire two staff", due=gt.parse_due("Q1 2023")),
    )
    data = converter.unstructure(entry)
    assert {
        "at": "2023-01-01T10:30:00+00:00",
        "on": "2023-01-02",
        "starts": "09:15:00",
        "action": {
            "text": "Hire two staff",
            "due": {
                "text": "Q1 2023",
                "start": "2023-01-01",
                "end": "2023-03-31",
                "precision": "quarter",
            },
        },
    } == data
    back = converter.structure(json.loads(json.dumps(data)), _AuditEntry)
    assert entry == back
    assert type(back.at) is dt.datetime
    assert type(back.on) is dt.date


@given(st.data())
def test_an_applications_datetime_round_trips(data: st.DataObject) -> None:
    """Any datetime, naive or aware, microseconds and all, is written as ISO 8601 and
    read back equal, with the same offset; a date and a time beside it stay a date and
    a time."""
    at = data.draw(precise_datetimes, label="at")
    on = data.draw(dates, label="on")
    starts = data.draw(precise_times, label="starts") or dt.time(9)
    converter = gt.make_converter()
    entry = _AuditEntry(at=at, on=on, starts=starts, action=gt.Action(text="Hire"))
    written = converter.unstructure(entry)
    assert at.isoformat() == written["at"]
    back = converter.structure(json.loads(json.dumps(written)), _AuditEntry)
    assert entry == back
    assert (at.tzinfo, at.utcoffset()) == (back.at.tzinfo, back.at.utcoffset())


@pytest.mark.parametrize(
    "written", ["2023-01-01", "2023-01-01 10:30:00", "2023-02-30T10:30:00", "10:30", 1672568000]
)
def test_the_converter_refuses_what_is_not_a_datetime(written: object) -> None:
    """A value that is not a datetime as isoformat writes it is refused with its path."""
    with pytest.raises(gt.SchemaError, match=r"expected (an ISO )?a? ?date and time.* @ \$\.at$"):
        gt.make_converter().structure(
            {"at": written, "on": "2023-01-02", "starts": "09:15:00", "action": {"text": "x"}},
            _AuditEntry,
        )
