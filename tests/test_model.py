"""The records: immutable, keyword-only, compared by value, independent of I/O."""

from __future__ import annotations

import ast
import datetime as dt
import re
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import govtrack as gt
from govtrack import _errors as gt_errors
from govtrack.model import location as gt_location
from strategies import RECORD_TYPES, STRATEGY_FIELDS, documents, locations

RECORDS = RECORD_TYPES


@pytest.mark.parametrize("cls", RECORDS)
def test_records_are_frozen_slotted_keyword_only(cls: type) -> None:
    """Every record is a frozen, slotted attrs class whose fields are keyword-only."""
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    assert all(field.kw_only for field in attrs.fields(cls))
    assert getattr(cls.__setattr__, "__qualname__", "").startswith("_frozen")


def test_mutation_is_refused() -> None:
    """Setting a field of a record raises; attrs.evolve makes the changed copy."""
    action = gt.Action(text="Draft the plan")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        action.text = "other"  # type: ignore[misc]
    changed = attrs.evolve(action, status=gt.Status.COMPLETED)
    assert (None, gt.Status.COMPLETED) == (action.status, changed.status)


def test_sequences_become_tuples() -> None:
    """Lists given to a constructor are stored as tuples; one string is one party."""
    action = gt.Action(text="x", responsible=["A", "B"], updates=[gt.Update(text="u")])
    assert (("A", "B"), (gt.Update(text="u"),)) == (action.responsible, action.updates)
    assert ("Unit A",) == gt.Action(text="x", responsible="Unit A").responsible


def test_equality_is_by_value_and_ignores_origin() -> None:
    """Two actions with the same fields are equal and hash alike, wherever they were read."""
    first = gt.Action(text="x", extra={"Budget": "10"}, origin=gt.Location(line=3))
    second = gt.Action(text="x", extra={"Budget": "10"}, origin=gt.Location(line=9))
    assert first == second
    assert hash(first) == hash(second)
    assert first != gt.Action(text="x", extra={"Budget": "11"})


def test_decision_is_an_action_but_not_equal_to_one() -> None:
    """A Decision is an Action for every rule, but compares unequal to a plain Action."""
    decision = gt.Decision(text="x")
    assert isinstance(decision, gt.Action)
    assert decision != gt.Action(text="x")


def test_document_actions_in_source_order() -> None:
    """doc.actions lists every action of every root: evaluations, meetings, reports, plans."""
    doc = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="E",
                recommendations=(
                    gt.Recommendation(text="r1", actions=(gt.Action(text="k1"),)),
                    gt.Recommendation(text="r2", actions=(gt.Action(text="k2"),)),
                ),
            ),
        ),
        meetings=(gt.Meeting(title="M", decisions=(gt.Decision(text="d1"),)),),
        reports=(gt.ProgressReport(title="R", activities=(gt.Activity(text="a1"),)),),
        plans=(gt.ActionPlan(actions=(gt.Action(text="p1"),)),),
    )
    assert ["k1", "k2", "d1", "a1", "p1"] == [action.text for action in doc.actions]


def test_every_essential_text_only() -> None:
    """Each class builds from its essential text alone; the rest has defaults."""
    built = [
        gt.Action(text="a"),
        gt.Recommendation(text="r"),
        gt.Evaluation(title="e"),
        gt.Meeting(title="m"),
        gt.ProgressReport(title="p"),
        gt.ActionPlan(),
        gt.Document(),
        gt.ManagementResponse(),
        gt.Indicator(text="i"),
        gt.Answer(question="q"),
        gt.AgendaItem(text="t"),
        gt.Update(text="u"),
    ]
    assert len(built) == len({type(record) for record in built})


def test_location_prints_as_cited() -> None:
    """A location prints as a person cites it: Matrix!I9, 'My sheet'!B2, line 37."""
    assert ["Matrix!I9", "'My sheet'!B2", "line 37", "x.txt"] == [
        str(gt.Location(sheet="Matrix", cell="I9")),
        str(gt.Location(sheet="My sheet", cell="B2")),
        str(gt.Location(file="x.txt", line=37)),
        str(gt.Location(file="x.txt")),
    ]


def test_a_citation_names_its_file_first() -> None:
    """cite() puts the file in front of the place, for lists that span several files."""
    assert ["x.xlsx: Matrix!I9", "notes.md: line 37", "x.txt", "line 4"] == [
        gt.Location(file="x.xlsx", sheet="Matrix", cell="I9").cite(),
        gt.Location(file="notes.md", line=37).cite(),
        gt.Location(file="x.txt").cite(),
        gt.Location(line=4).cite(),
    ]


@given(locations)
def test_a_citation_is_the_place_after_its_file(location: gt.Location) -> None:
    """cite() is str(location), preceded by the file when the place does not name it."""
    cited, place = location.cite(), str(location)
    if location.file and place != location.file:
        assert f"{location.file}: {place}" == cited
    else:
        assert place == cited


def test_model_imports_nothing_from_io() -> None:
    """No module of govtrack.model imports govtrack.io or the façade."""
    model = Path(gt.__file__).parent / "model"
    for path in model.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("govtrack.io", "govtrack.api")), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("govtrack.io") for a in node.names), path


def test_all_is_complete() -> None:
    """__all__ names each public name once, and every name in it exists."""
    assert len(set(gt.__all__)) == len(gt.__all__)
    assert all(hasattr(gt, name) for name in gt.__all__)


@pytest.mark.parametrize("module", [gt_errors, gt_location], ids=lambda m: m.__name__)
def test_a_module_names_its_public_names_in_a_sorted_all(module: types.ModuleType) -> None:
    """Regression: govtrack._errors and govtrack.model.location had no __all__, so what
    they promise was left to guessing; each names the public names it defines, sorted."""
    defined = sorted(
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
    )
    names: list[str] = getattr(module, "__all__", [])
    assert (defined, defined) == (names, sorted(names))


_SECTIONS: list[tuple[Callable[..., object], tuple[str, ...]]] = [
    (gt.closure_rate, ("Args:", "Returns:", "Raises:")),
    (gt.dump, ("Args:", "Raises:")),
    (gt.json_schema, ("Returns:",)),
    (gt.make_converter, ("Returns:", "Raises:")),
    (gt.to_data, ("Args:", "Returns:", "Raises:")),
    (gt.from_data, ("Args:", "Returns:", "Raises:")),
    (gt.summarize, ("Args:", "Returns:", "Raises:")),
    (gt.implementation_rate, ("Args:", "Returns:", "Raises:")),
]


@pytest.mark.parametrize(
    ("function", "sections"), _SECTIONS, ids=lambda f: getattr(f, "__name__", "")
)
def test_a_public_functions_docstring_has_its_sections_and_an_example(
    function: Callable[..., object], sections: tuple[str, ...]
) -> None:
    """Regression: these docstrings lacked Args, Returns or Raises (STYLE: a public function
    says its arguments, what it returns and what it raises, with an example that runs)."""
    lines = [line.strip() for line in (function.__doc__ or "").splitlines()]
    found = [section for section in sections if section in lines]
    assert ([*sections], True) == (found, any(line.startswith(">>> ") for line in lines))


@pytest.mark.parametrize("cls", list(STRATEGY_FIELDS))
def test_strategies_cover_every_field(cls: type) -> None:
    """The hand-listed strategies draw every field of their class."""
    assert {field.name for field in attrs.fields(cls)} == STRATEGY_FIELDS[cls]


@given(documents)
def test_generated_documents_hash_and_compare(doc: gt.Document) -> None:
    """Every generated document is hashable and equal to a rebuilt copy of itself."""
    assert hash(doc) == hash(attrs.evolve(doc))
    assert doc == attrs.evolve(doc)
    assert len(doc.actions) == sum(1 for _ in doc.actions)
    assert all(isinstance(a.effective_status(on=dt.date(2030, 1, 1)), gt.Status | None)
               for a in doc.actions)  # fmt: skip


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: gt.Action(text="x", status="completed"),  # type: ignore[arg-type]
            (
                "Action.status must be a Status or None, not str 'completed': "
                "use Status.parse('completed')"
            ),
        ),
        (
            lambda: gt.Decision(text="x", due="2024/03"),  # type: ignore[arg-type]
            "Decision.due must be a Due or None, not str '2024/03': use parse_due('2024/03')",
        ),
        (lambda: gt.Update(text="x", on=dt.date(2024, 1, 2)), "Update.on must be a Due or None"),  # type: ignore[arg-type]
        (
            lambda: gt.Activity(text="x", schedule="On schedule"),  # type: ignore[arg-type]
            "use ScheduleStatus.parse('On schedule')",
        ),
        (
            lambda: gt.ManagementResponse(category="Accepted"),  # type: ignore[arg-type]
            "use ResponseCategory.parse('Accepted')",
        ),
        (lambda: gt.Indicator(text="x", timeframe="2024"), "Indicator.timeframe must be a Due"),  # type: ignore[arg-type]
        (lambda: gt.ProgressReport(title="x", period=2024), "not int 2024"),  # type: ignore[arg-type]
        (lambda: gt.Meeting(title="x", date="2024-01-02"), "Meeting.date must be a date or None"),  # type: ignore[arg-type]
        (
            lambda: gt.Meeting(title="m", date=dt.datetime(2023, 1, 1, 12, tzinfo=dt.timezone.utc)),
            (
                "Meeting.date must be a date or None, not datetime datetime.datetime(2023, 1, 1, "
                "12, 0, tzinfo=datetime.timezone.utc): use its .date()"
            ),
        ),
        (
            lambda: gt.Meeting(title="m", starts="14:00"),  # type: ignore[arg-type]
            (
                "Meeting.starts must be a time or None, not str '14:00': "
                "use datetime.time.fromisoformat('14:00')"
            ),
        ),
        (lambda: gt.Meeting(title="m", ends=14), "Meeting.ends must be a time or None"),  # type: ignore[arg-type]
        (
            lambda: gt.Meeting(title="m", attendance_count="35"),  # type: ignore[arg-type]
            "Meeting.attendance_count must be an int or None, not str '35': use int('35')",
        ),
        (
            lambda: gt.Due(text="x", start="2020-01-01", end="2020-01-02", precision="day"),  # type: ignore[arg-type]
            (
                "Due.start must be a date, not str '2020-01-01': "
                "use datetime.date.fromisoformat('2020-01-01')"
            ),
        ),
        (
            lambda: gt.Due(
                text="x",
                start=dt.date(2020, 1, 1),
                end=dt.date(2020, 1, 2),
                precision="day",  # type: ignore[arg-type]
            ),
            "Due.precision must be a Precision, not str 'day': use Precision('day')",
        ),
        (
            lambda: gt.Due(
                text="x",
                start=dt.date(2020, 1, 1),
                end=dt.datetime(2020, 1, 2, 9, tzinfo=dt.timezone.utc),
                precision=gt.Precision.RANGE,
            ),
            "Due.end must be a date, not datetime",
        ),
        (
            lambda: gt.Location(line="5"),  # type: ignore[arg-type]
            "Location.line must be an int or None, not str '5': use int('5')",
        ),
        (lambda: gt.Location(line=True), "Location.line must be an int or None, not bool True"),
        (
            lambda: attrs.evolve(gt.Action(text="x"), status="done"),  # type: ignore[arg-type]
            "Action.status must be a Status",
        ),
    ],
)
def test_a_field_the_rules_read_refuses_a_value_of_another_type(
    build: Callable[[], object], expected: str
) -> None:
    """A word where a status belongs, a text where a deadline belongs: refused when the
    record is built, saying how to make the right value, not an AttributeError later in
    summarize() or validate()."""
    with pytest.raises(TypeError, match=re.escape(expected)):
        build()


def test_an_action_with_only_a_known_status_word_is_reported_for_what_it_is() -> None:
    """status_text that reads as a status, with status unset (built by hand): GT101 says
    so and how to fix it, instead of calling a known word unknown."""
    action = gt.Action(text="x", status_text="Completed", due=gt.parse_due("2023"))
    issues = gt.validate(
        gt.Document(plans=(gt.ActionPlan(actions=(action,)),)), on=dt.date(2024, 6, 1)
    )
    (message,) = [issue.message for issue in issues if issue.code == "GT101"]
    assert "reads as Completed, but status is not set" in message
    assert "not one govtrack knows" not in message


_NOT_TEXT = [
    ({"Staff": 2}, "'Staff' maps to int 2; write it as text ('2')"),
    ({"Staff": None}, "'Staff' maps to NoneType None; leave the key out"),
    ({"Done": True}, "'Done' maps to bool True; write it as text ('True')"),
    ({3: "x"}, "the key 3 is int; write it as text ('3')"),
]


@pytest.mark.parametrize(("entries", "reason"), _NOT_TEXT)
def test_a_frozen_map_refuses_what_is_not_text_when_it_is_made(entries: Any, reason: str) -> None:
    """Regression: `attrs.evolve(a, extra=a.extra | {"n": 5})` and `Action(extra={"n": 5})`
    were accepted, and failed only at dumps: a FrozenMap (an extra, a column map) is made
    of text, so `|`, its constructor and a record's refuse anything else when made."""
    action = gt.Action(text="Hire", extra={"Budget": "USD 1"})
    makers: list[Callable[[], object]] = [
        lambda: action.extra | entries,
        lambda: entries | action.extra,
        lambda: gt.Action(text="Hire", extra=entries),
        lambda: gt.FrozenMap(entries),
        lambda: gt.Location(sheet="M", columns=entries),
    ]
    for make in makers:
        with pytest.raises(TypeError) as caught:
            make()
        assert f"a FrozenMap maps text to text: {reason}" == str(caught.value)
    assert gt.FrozenMap({"Budget": "USD 1"}) == action.extra


def test_a_frozen_map_takes_a_subclass_of_str() -> None:
    """A str subclass (numpy's str_ is one) is text."""

    class Text(str):
        __slots__ = ()

    entries: dict[str, str] = {Text("Donor"): Text("EU")}
    mapping = gt.FrozenMap(entries)
    assert {"Donor": "EU"} == dict(gt.Action(text="x", extra=mapping).extra)
