"""govtrack embedded in another program: errors it can catch, records it can copy and hash."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import pickle
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel, excel_workbook
from govtrack.io.limits import check_text
from strategies import documents

ON = dt.date(2023, 1, 31)

# --- files that cannot be opened -----------------------------------------------------


@pytest.mark.parametrize("name", ["store.json", "tracker.xlsx", "notes.txt", "export"])
def test_a_missing_file_is_a_file_not_found_error(tmp_path: Path, name: str) -> None:
    """Regression: a missing file raised a bare GovtrackError, so `except FileNotFoundError`
    in a service that starts afresh without its store crashed."""
    missing = tmp_path / "nowhere" / name
    with pytest.raises(FileNotFoundError) as raised:
        gt.load(missing)
    assert isinstance(raised.value, gt.MissingFileError)
    assert isinstance(raised.value, gt.GovtrackError)
    assert (f"{missing}: no such file", str(missing)) == (
        str(raised.value),
        raised.value.filename,
    )


def test_the_pattern_of_a_service_that_starts_afresh(tmp_path: Path) -> None:
    """`except FileNotFoundError: doc = gt.Document()` works, then the store is written."""
    store = tmp_path / "store.json"
    try:
        doc = gt.load(store)
    except FileNotFoundError:
        doc = gt.Document()
    gt.dump(doc, store)
    assert gt.Document() == gt.load(store)


def test_a_folder_is_an_is_a_directory_error(tmp_path: Path) -> None:
    """A folder where a file was expected is an IsADirectoryError, with the advice kept."""
    with pytest.raises(IsADirectoryError) as raised:
        gt.load(tmp_path)
    assert isinstance(raised.value, gt.NotAFileError)
    assert f"{tmp_path} is a directory; give a file such as {tmp_path}/tracker.xlsx" == str(
        raised.value
    )


def test_an_unreadable_file_is_a_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the process may not read is a PermissionError (tests may run as root, so the
    refusal is the operating system's, simulated)."""
    store = tmp_path / "store.json"
    gt.dump(gt.Document(), store)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(PermissionError) as raised:
        gt.load(store)
    assert isinstance(raised.value, gt.ReadPermissionError)
    assert (f"cannot read {store}: Permission denied", 13) == (
        str(raised.value),
        raised.value.errno,
    )


def test_a_path_that_cannot_be_looked_at_is_a_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file under a folder the process may not enter is a ReadPermissionError from the
    first look (whether it is a folder), not a bare PermissionError."""

    def refuse(self: Path, **_: bool) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", refuse)
    with pytest.raises(gt.ReadPermissionError, match=r"^cannot read .*: Permission denied$"):
        gt.load(tmp_path / "locked" / "store.json")


def test_a_refusal_found_by_the_size_check_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the size check cannot stat is a ReadPermissionError whose message says
    "cannot read" once (the check's error is not wrapped again by gt.load)."""
    store = tmp_path / "store.json"
    gt.dump(gt.Document(), store)
    real_stat = Path.stat
    looks: list[Path] = []

    def refuse(self: Path, **options: bool) -> object:
        if self.name == "store.json":
            looks.append(self)
            if len(looks) > 1:  # the first is load's look for a folder
                raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **options)

    monkeypatch.setattr(Path, "stat", refuse)
    with pytest.raises(PermissionError) as raised:
        gt.load(store)
    assert isinstance(raised.value, gt.ReadPermissionError)
    assert f"cannot read {store}: Permission denied" == str(raised.value)


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(excel.load, id="excel.load"),
        pytest.param(excel_workbook.read, id="excel_workbook.read"),
        pytest.param(lambda path: check_text(path, gt.DEFAULT_LIMITS), id="limits.check_text"),
        pytest.param(lambda path: gt.load(path, format="gate"), id="load-format"),
    ],
)
def test_every_reader_of_a_path_says_file_not_found(tmp_path: Path, read: object) -> None:
    """Every place a file is opened for reading raises the same MissingFileError."""
    assert callable(read)
    with pytest.raises(gt.MissingFileError, match="no such file"):
        read(tmp_path / "missing.xlsx")


def test_a_read_error_pickles_whole() -> None:
    """A ReadError crosses a process boundary (a worker pool) with its class and fields."""
    error = gt.MissingFileError("x.json: no such file", filename="x.json", errno=2)
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, just written
    assert (gt.MissingFileError, "x.json: no such file", "x.json", 2) == (
        type(again),
        str(again),
        again.filename,
        again.errno,
    )


def _subclasses(cls: type[BaseException]) -> list[type[BaseException]]:
    return [cls, *(sub for child in cls.__subclasses__() for sub in _subclasses(child))]


_EXPORTED_ERRORS = [
    value
    for value in (getattr(gt, name) for name in gt.__all__)
    if isinstance(value, type) and issubclass(value, BaseException)
]
ERROR_CLASSES = list(dict.fromkeys([*_EXPORTED_ERRORS, *_subclasses(gt.GovtrackError)]))
"""Every exception class govtrack exports, and every GovtrackError subclass it defines."""

_ARGUMENTS: dict[str, object] = {
    "text": "Q5-2023",
    "reason": "there is no fifth quarter",
    "message": "Matrix!I9: the deadline cell is a formula",
    "location": gt.Location(file="partner.xlsx", sheet="Matrix", cell="I9"),
    "filename": "partner.xlsx",
    "errno": 2,
}
"""A value for each constructor argument an exception class takes, by name."""


def _made(cls: type[BaseException]) -> BaseException:
    """An instance of ``cls`` with every constructor argument it names given a value."""
    try:
        parameters = list(inspect.signature(cls).parameters.values())
    except ValueError:  # the builtin's constructor (no __init__ of govtrack's own)
        return cls(_ARGUMENTS["message"])
    positional = [
        _ARGUMENTS[p.name]
        for p in parameters
        if p.kind in {inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD}
    ]
    named = {
        p.name: _ARGUMENTS[p.name] for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY
    }
    return cls(*positional, **named)


def _seen(error: BaseException) -> tuple[object, ...]:
    os_fields = (
        (error.errno, error.strerror, error.filename, error.filename2)
        if isinstance(error, OSError)
        else ()
    )
    return (type(error), str(error), error.args, vars(error), os_fields)


def test_every_exception_class_is_listed() -> None:
    """Every GovtrackError subclass govtrack defines is exported, so callers can catch it."""
    assert [] == [cls for cls in _subclasses(gt.GovtrackError) if cls not in _EXPORTED_ERRORS]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_exception_pickles_whole(cls: type[BaseException]) -> None:
    """Regression: a DueParseError came back from pickle with its message wrapped again
    ("cannot read deadline \"cannot read deadline 'x'\""): every exception class crosses a
    process boundary (a worker pool) with its class, message, args and attributes."""
    error = _made(cls)
    vars(error)["__notes__"] = ["while reading partner.xlsx"]  # as add_note (3.11) keeps them
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, just written
    assert _seen(error) == _seen(again)


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_exception_copies_whole(cls: type[BaseException]) -> None:
    """copy.copy, which goes the way pickle does, gives an equal exception too."""
    error = _made(cls)
    assert _seen(error) == _seen(copy.copy(error))


def test_a_bad_argument_is_a_value_error() -> None:
    """Regression: reminders(within=-1) raised a bare GovtrackError; a bad argument is an
    ArgumentError, a GovtrackError that is also a ValueError, as a bad limit is."""
    with pytest.raises(ValueError, match=r"reminders\(within=\.\.\.\) must be 0 days or more"):
        gt.reminders(gt.Document(), on=ON, within=-1)
    with pytest.raises(gt.ArgumentError, match="max_rows must be positive"):
        gt.Limits(max_rows=0)
    assert issubclass(gt.ArgumentError, gt.GovtrackError)


# --- exports ----------------------------------------------------------------------------


def test_reminders_are_exported() -> None:
    """gt.reminders and gt.Reminder are the functions the how-to uses."""
    action = gt.Action(text="Report", responsible="Unit A", due=gt.parse_due("2022/06"))
    assert [gt.Reminder(party="Unit A", overdue=(action,))] == gt.reminders([action], on=ON)
    assert "reminders" in gt.__all__
    assert "Reminder" in gt.__all__


# --- immutability -------------------------------------------------------------------------


def _summary() -> gt.Summary:
    late = gt.Action(text="a", responsible="Unit A", due=gt.parse_due("2022"))
    done = gt.Action(text="b", status=gt.Status.COMPLETED)
    return gt.summarize([late, done], on=ON, period=(dt.date(2022, 1, 1), ON))


def test_a_summary_cannot_be_changed() -> None:
    """Regression: Summary was frozen but its dicts were not; writing into by_status
    changed what str(summary) printed."""
    summary = _summary()
    before = str(summary)
    with pytest.raises(TypeError):
        summary.by_status[gt.Status.COMPLETED] = 999  # type: ignore[index]
    with pytest.raises(TypeError):
        summary.overdue["Unit B"] = ()  # type: ignore[index]
    assert before == str(summary)


def test_a_summary_is_hashable_and_behaves_as_before() -> None:
    """Regression: hash(summary) raised TypeError. Its maps still iterate in order, compare
    equal to dicts, and print as dicts."""
    summary = _summary()
    assert hash(summary) == hash(_summary())
    assert summary == _summary()
    assert list(gt.Status) == list(summary.by_status)
    assert (
        dict.fromkeys(gt.Status, 0)
        | {
            gt.Status.OVERDUE: 1,
            gt.Status.COMPLETED: 1,
        }
        == summary.by_status
    )
    assert ["Unit A"] == list(summary.overdue)
    assert "by_status={<Status.NOT_STARTED: 'not_started'>: 0, " in repr(summary)
    assert summary == attrs.evolve(summary, by_status=dict(summary.by_status))
    assert copy.deepcopy(summary) is summary


@given(documents)
def test_a_copy_of_a_record_is_the_record(doc: gt.Document) -> None:
    """Every record is immutable, so a copy, shallow or deep, is the record itself."""
    assert copy.deepcopy(doc) is doc
    assert copy.copy(doc) is doc
    for action in doc.actions:
        assert copy.deepcopy(action) is action
        assert copy.deepcopy(action.extra) is action.extra
        if action.due is not None:
            assert copy.deepcopy(action.due) is action.due
        if action.origin is not None:
            assert copy.deepcopy(action.origin) is action.origin
    assert copy.deepcopy(doc.problems) == doc.problems


def test_a_deep_copy_of_many_records_is_quick() -> None:
    """Regression: copy.deepcopy rebuilt every record (4 s for 50,000 actions)."""
    actions = [
        gt.Action(text=f"Action {n}", ref=str(n), responsible=("Unit A",), extra={"n": str(n)})
        for n in range(20_000)
    ]
    started = time.perf_counter()
    copied = copy.deepcopy(actions)
    elapsed = time.perf_counter() - started
    assert copied == actions
    assert elapsed < 0.5, elapsed


def test_a_subclass_with_a_mutable_field_is_copied_deeply() -> None:
    """A subclass an application makes may hold a list: its deep copy shares none of it,
    while the immutable records inside are shared."""

    @attrs.frozen(kw_only=True)
    class Tracked(gt.Action):
        watchers: list[str] = attrs.field(factory=list)

    due = gt.parse_due("2023/07")
    tracked = Tracked(text="Hire", due=due, watchers=["ana"])
    copied = copy.deepcopy(tracked)
    assert copied == tracked
    assert copied.watchers is not tracked.watchers
    assert copied.due is due


# --- FrozenMap | ------------------------------------------------------------------------

maps = st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=4)


@given(maps, maps)
def test_or_makes_a_changed_frozen_map(left: dict[str, str], right: dict[str, str]) -> None:
    """FrozenMap | mapping is a FrozenMap with the right side winning, as for dicts, in
    either order; neither side changes."""
    frozen = gt.FrozenMap(left)
    merged = frozen | right
    assert (gt.FrozenMap, left | right) == (type(merged), dict(merged))
    assert list(left | right) == list(merged)
    assert gt.FrozenMap(left) == frozen
    reverse = right | frozen
    assert (gt.FrozenMap, right | left) == (type(reverse), dict(reverse))


def test_evolve_with_a_changed_extra() -> None:
    """The documented way to change one unknown column of a record."""
    action = gt.Action(text="Hire", extra={"Budget": "USD 1"})
    changed = attrs.evolve(action, extra=action.extra | {"Budget": "USD 2", "Donor": "EU"})
    assert gt.FrozenMap({"Budget": "USD 2", "Donor": "EU"}) == changed.extra
    assert gt.FrozenMap({"Budget": "USD 1"}) == action.extra


def test_or_with_something_not_a_mapping_is_a_type_error() -> None:
    """FrozenMap | 5 is refused as dict | 5 is."""
    with pytest.raises(TypeError):
        gt.FrozenMap() | 5  # type: ignore[operator]
