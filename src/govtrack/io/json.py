"""govtrack's JSON document: lossless, versioned, with a JSON Schema.

The format (``schema_version`` 2):

- the top level is an object with ``schema_version``, ``tables`` and the Document's fields;
- the rows of one table share the part of their origins that names the table: its file,
  sheet, ``columns`` and ``labels``. That part is written once, in the top-level array
  ``tables``, and each row's origin names it by its index (``{"table": 0, "cell": "F4"}``)
  with its own ``cell``, ``line`` and ``header``. An origin may also be written whole, as in
  version 1 (which has no ``tables``);
- a field equal to its default is left out (an empty tuple, ``""``, None);
- dates are ISO strings, ``YYYY-MM-DD`` (``"2021-07-31"``); times are ``HH:MM:SS`` with
  microseconds (``.ffffff``) when they have some and a UTC offset (``+01:00``) when they
  have one: ``"14:00:00"``. The reader takes dates and times in these shapes only (not the
  other ISO 8601 shapes ``date.fromisoformat`` of Python 3.11 accepts, ``"20210701"`` or
  ``"2021-W27-1"``, which Python 3.10 refuses);
- enums are their values (``"not_started"``, ``"partially_accepted"``);
- a Due is ``{"text", "start", "end", "precision"}``;
- where an action's place admits any action (a plan's actions, a recommendation's key
  actions), a Decision or an Activity carries ``"kind": "decision"`` or ``"activity"``;
  a plain Action carries no kind;
- a Document's ``source`` (the file it was read from) is not written, and a top-level
  ``source`` key is refused: it is where a document came from, not part of it (pass
  ``source=`` to :func:`loads` or :func:`from_data`);
- unknown keys are refused, so a typo is an error, not a lost field.

Everything goes through one converter made by :func:`make_converter`; the
global cattrs converter is never touched.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Mapping, MutableSequence, MutableSet, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from govtrack._errors import GovtrackError, SchemaError, WriteError, WrongTypeError
from govtrack._gc import collector_paused
from govtrack.io._build import new_action, new_whole_location, slot_setters
from govtrack.model.dates import Due, Precision
from govtrack.model.frozenmap import EMPTY, _frozen_map
from govtrack.model.location import Location
from govtrack.model.records import (
    Action,
    Activity,
    Decision,
    Document,
    FrozenMap,
    ManagementResponse,
    Recommendation,
    Update,
)
from govtrack.model.status import ResponseCategory, Status

_orjson_dumps: Callable[..., bytes] | None
try:  # the ``fast`` extra: a JSON writer several times faster than the standard library's
    import orjson
except ImportError:  # pragma: no cover - the test extras install it
    _orjson_dumps = None
    _INDENT_2 = 0
else:
    _orjson_dumps = orjson.dumps
    _INDENT_2 = orjson.OPT_INDENT_2

__all__ = [
    "SCHEMA_VERSION",
    "configure_converter",
    "dumps",
    "from_data",
    "json_schema",
    "loads",
    "make_converter",
    "to_data",
]

SCHEMA_VERSION = 2
"""The version of the JSON format this govtrack writes; it reads this version and older.

Version 2 (govtrack 0.1) writes what the origins of a table's rows share once, in
``tables``; version 1 wrote every origin whole.
"""

TABLES_SINCE = 2
"""The first version with ``tables`` (and origins that name one)."""


@attrs.frozen(kw_only=True)
class Table:
    """What the origins of one table's rows share: written once, named by its index.

    Attributes:
        file: The file the table is in.
        sheet: The worksheet the table is on.
        columns: The column letter of each field (see :attr:`Location.columns`).
        labels: Each field's header as the source wrote it (see :attr:`Location.labels`).
    """

    file: str = ""
    sheet: str = ""
    columns: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)
    labels: FrozenMap = attrs.field(default=EMPTY, converter=_frozen_map)


_SHARED = frozenset({"file", "sheet", "columns", "labels"})
"""The keys of an origin that a table gives, and an origin naming a table must not."""

_READ_TABLES: contextvars.ContextVar[tuple[Table, ...] | None] = contextvars.ContextVar(
    "govtrack_json_read_tables", default=None
)
"""The tables of the document being read (None outside a document, or in version 1)."""


class _RefusedError(ValueError):
    """A value govtrack refuses; the message says why, whole (cattrs adds nothing)."""


def _table_of(index: Any, keys: Any) -> Table:
    """The table an origin names, checked; _RefusedError says what is wrong."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise _RefusedError(f"an origin's table is the index of one in $.tables, not {index!r}")
    tables = _READ_TABLES.get()
    if tables is None:
        raise _RefusedError(
            f"this origin names table {index} of a document's tables, and there is no "
            "document: a record read on its own needs its origin whole (the document it was "
            "cut from names the table in $.tables)"
        )
    if not tables:
        raise _RefusedError(f"this origin names table {index}, but the document has no tables")
    if not 0 <= index < len(tables):
        raise _RefusedError(
            f"this origin names table {index}, but $.tables has {len(tables)} "
            f"(0 to {len(tables) - 1})"
        )
    both = sorted(_SHARED.intersection(keys))
    if both:
        raise _RefusedError(
            f"an origin that names a table takes {', '.join(both)} from it, and may not "
            f"give {'it' if len(both) == 1 else 'them'} too"
        )
    return tables[index]


def _refuse_non_object(value: Any, cls: type) -> None:
    """Refuse (_RefusedError) a value that is not a JSON object where a ``cls`` belongs:
    ``"due": "2024/03"`` is not a deadline (cattrs would fail on ``.keys()``)."""
    if not isinstance(value, Mapping):
        hint = ' (a deadline is an object: {"text", "start", "end", "precision"})'
        raise _RefusedError(
            f"expected an object ({_article(cls.__name__)}), got {_json_type(value)}"
            + (hint if cls is Due else "")
        )


def _json_type(value: Any) -> str:
    """How JSON names the type of ``value``: ``a string``, ``an array``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"a string {value!r}" if len(value) <= 40 else "a string"
    if isinstance(value, (int, float)):
        return f"a number {value!r}"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def _located(table: Table, cell: str, line: int | None, header: str) -> Location:
    """A row's origin: its ``cell``, ``line`` and ``header`` in ``table`` (file, sheet,
    columns, labels)."""
    return new_whole_location(
        table.file, table.sheet, cell, line, header, table.columns, table.labels
    )


_DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""The shape of a date written: ``date.isoformat()`` (RFC 3339 full-date)."""

_TIME_PATTERN = (
    r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{6})?"
    r"([+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{6})?)?)?"
)
"""The shape of a time written: ``time.isoformat()``, with microseconds and a UTC offset
when it has them (not RFC 3339 full-time, which requires an offset)."""

_is_date_shape = re.compile(_DATE_PATTERN).fullmatch
_is_time_shape = re.compile(_TIME_PATTERN).fullmatch


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise WrongTypeError(f"expected an ISO date string, got {type(value).__name__}")
    if not _is_date_shape(value):
        raise _RefusedError(f"expected a date written YYYY-MM-DD, got {value!r}")
    return dt.date.fromisoformat(value)


def _structure_time(value: Any, _: type) -> dt.time:
    if not isinstance(value, str):
        raise WrongTypeError(f"expected an ISO time string, got {type(value).__name__}")
    if not _is_time_shape(value):
        raise _RefusedError(
            f"expected a time written HH:MM:SS (with .ffffff and a +HH:MM offset if any), "
            f"got {value!r}"
        )
    return dt.time.fromisoformat(value)


_is_datetime_shape = re.compile(f"{_DATE_PATTERN}T{_TIME_PATTERN}").fullmatch


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    """An application's datetime (govtrack's records hold none), read as
    ``datetime.isoformat()`` writes it: ``2023-01-01T10:30:00+00:00``."""
    if not isinstance(value, str):
        raise WrongTypeError(f"expected an ISO date and time string, got {type(value).__name__}")
    try:
        if _is_datetime_shape(value):
            return dt.datetime.fromisoformat(value)
    except ValueError:  # the shape, with a day or an offset that does not exist
        pass
    raise _RefusedError(
        "expected a date and time written YYYY-MM-DDTHH:MM:SS (with .ffffff and a "
        f"+HH:MM offset if any), got {value!r}"
    )


def _is_exactly(cls: type) -> Callable[[Any], bool]:
    """A hook predicate for ``cls`` alone: a hook for ``date`` must not catch
    ``datetime``, its subclass (an application's datetimes would lose their time)."""

    def predicate(tp: Any) -> bool:
        return tp is cls

    return predicate


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise WrongTypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise WrongTypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _structure_frozen_map(value: Any, _: type) -> FrozenMap:
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        raise WrongTypeError("expected an object of strings")
    return FrozenMap(value)


KINDS: dict[str, type[Action]] = {"decision": Decision, "activity": Activity}
"""The ``kind`` tag of each Action subclass, where a place admits any action."""


def _configure_actions(
    converter: cattrs.Converter,
    plain_unstructure: Callable[[Action], dict[str, Any]] | None = None,
    plain_structure: Callable[[Any, type], Action] | None = None,
) -> None:
    """Tag subclasses in Action-typed places, so a Decision in a plan stays a Decision.

    A plain Action goes through ``plain_unstructure`` and ``plain_structure`` when given
    (the fast hooks below), else through hooks cattrs generates: on first use, and again
    after a hook is registered on a checked converter, so that the hooks an application
    registers for the values in an Action (a Status, a date) apply to it, as they do to
    the other records.
    """
    generated: dict[str, tuple[int, Any]] = {}

    def current(name: str, make: Callable[[], Any]) -> Any:
        generation = getattr(converter, "_govtrack_generation", 0)
        found = generated.get(name)
        if found is None or found[0] != generation:
            found = generated[name] = (generation, make())
        return found[1]

    def generated_unstructure(action: Action) -> dict[str, Any]:
        hook = current(
            "unstructure",
            lambda: make_dict_unstructure_fn(
                Action, converter, _cattrs_omit_if_default=converter.omit_if_default
            ),
        )
        data: dict[str, Any] = hook(action)
        return data

    def generated_structure(data: Any, cls: type) -> Action:
        hook = current(
            "structure",
            lambda: make_dict_structure_fn(
                Action, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
            ),
        )
        action: Action = hook(data, cls)
        return action

    unstructure_plain = plain_unstructure or generated_unstructure
    structure_plain = plain_structure or generated_structure
    tags = {cls: kind for kind, cls in KINDS.items()}

    def unstructure(action: Action) -> dict[str, Any]:
        cls = type(action)
        if cls is Action:
            data: dict[str, Any] = unstructure_plain(action)
            return data
        tagged: dict[str, Any] = {"kind": tags[cls]}
        tagged.update(converter.unstructure(action, unstructure_as=cls))
        return tagged

    def structure(data: Any, _: type) -> Action:
        if isinstance(data, Mapping) and "kind" in data:
            kind = data["kind"]
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
            rest = {key: value for key, value in data.items() if key != "kind"}
            structured: Action = converter.structure(rest, KINDS[kind])
            return structured
        _refuse_non_object(data, Action)
        plain: Action = structure_plain(data, Action)
        return plain

    converter.register_unstructure_hook_func(lambda cls: cls is Action, unstructure)
    converter.register_structure_hook_func(lambda cls: cls is Action, structure)


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach ``converter`` govtrack's JSON policies (listed in this module's docstring)."""
    _configure_values(converter)
    _configure_actions(converter)


def _is_tuple(tp: Any) -> bool:
    origin: object = typing.get_origin(tp)
    return origin is tuple


def _configure_values(converter: cattrs.Converter) -> None:
    # Predicates, not classes: cattrs would give a hook for date to datetime too.
    converter.register_unstructure_hook_func(_is_exactly(dt.date), dt.date.isoformat)
    converter.register_structure_hook_func(_is_exactly(dt.date), _structure_date)
    converter.register_unstructure_hook_func(_is_exactly(dt.time), dt.time.isoformat)
    converter.register_structure_hook_func(_is_exactly(dt.time), _structure_time)
    converter.register_unstructure_hook_func(_is_exactly(dt.datetime), dt.datetime.isoformat)
    converter.register_structure_hook_func(_is_exactly(dt.datetime), _structure_datetime)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_unstructure_hook(FrozenMap, dict)
    converter.register_structure_hook(FrozenMap, _structure_frozen_map)

    def structure_tuple(value: Any, tp: Any) -> tuple[Any, ...]:
        # cattrs makes a tuple of any iterable: "UNDP" would be ("U", "N", "D", "P").
        if not isinstance(value, list):
            raise _RefusedError(f"expected an array, got {type(value).__name__}")
        # cattrs' own tuple structuring, with its detailed errors (index by index).
        structured: tuple[Any, ...] = converter._structure_tuple(value, tp)  # noqa: SLF001
        return structured

    converter.register_structure_hook_func(_is_tuple, structure_tuple)

    def structure_record(cls: type) -> Callable[[Any, type], Any]:
        generated: Callable[[Any, type], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def structure(value: Any, tp: type) -> Any:
            _refuse_non_object(value, cls)
            return generated(value, tp)

        return structure

    converter.register_structure_hook_factory(attrs.has, structure_record)
    whole = make_dict_structure_fn(
        Location, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure_location(value: Any, _: type) -> Location:
        _refuse_non_object(value, Location)
        if "table" in value:
            table = _table_of(value["table"], value.keys())
            rest = {key: item for key, item in value.items() if key != "table"}
            own: Location = whole(rest, Location)
            return _located(table, own.cell, own.line, own.header)
        located: Location = whole(value, Location)
        return located

    converter.register_structure_hook(Location, structure_location)


_UNSTRUCTURING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "govtrack_json_unstructuring", default=False
)
"""Whether a checked converter is writing a value already (whose check covered all)."""

_STRUCTURING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "govtrack_json_structuring", default=False
)
"""Whether a checked converter is reading a value already (whose caller explains errors)."""


class _CheckedConverter(cattrs.Converter):
    """A converter whose every error is a SchemaError, with the JSON path and the reason.

    Asked to write a govtrack record, or records in lists, tuples, sets or dicts, it first
    checks every value in them is of its field's type, as :func:`to_data` does: a record
    holding ``comments=None`` is refused (with the value's path) rather than written as
    data that would never read back. Asked to read, it refuses what is not the type asked
    for (a string where an Action's object belongs) with the path and what was expected,
    where cattrs would raise its own errors (or a ValueError of govtrack's).
    """

    _govtrack_generation = 0
    """Counts the hooks registered: a hook generated for a plain Action is made again
    when it changes (cattrs' generated hooks keep the hooks of the fields they found)."""

    def _hooks_changed(self) -> None:
        self._govtrack_generation += 1

    def register_unstructure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._hooks_changed()
        return super().register_unstructure_hook(*args, **kwargs)

    def register_unstructure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._hooks_changed()
        return super().register_unstructure_hook_func(*args, **kwargs)

    def register_unstructure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._hooks_changed()
        return super().register_unstructure_hook_factory(*args, **kwargs)

    def register_structure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._hooks_changed()
        return super().register_structure_hook(*args, **kwargs)

    def register_structure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._hooks_changed()
        return super().register_structure_hook_func(*args, **kwargs)

    def register_structure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._hooks_changed()
        return super().register_structure_hook_factory(*args, **kwargs)

    def unstructure(self, obj: Any, unstructure_as: Any = None) -> Any:
        if _UNSTRUCTURING.get():  # inside a value being written: checked already
            return super().unstructure(obj, unstructure_as)
        what = _written_name(type(obj) if unstructure_as is None else unstructure_as)
        problems = _problems_in(obj, unstructure_as)
        if problems:
            raise SchemaError(_refusal(f"this {what}", problems))
        token = _UNSTRUCTURING.set(True)
        try:
            return super().unstructure(obj, unstructure_as)
        except GovtrackError:  # a Document's hook (to_data) says what is wrong itself
            raise
        except Exception as error:  # a value no check foresaw: still govtrack's error
            raise SchemaError(
                f"cannot write this {what} as JSON: {type(error).__name__}: {error}"
            ) from error
        finally:
            _UNSTRUCTURING.reset(token)

    def structure(self, obj: Any, cl: Any) -> Any:
        if _STRUCTURING.get():  # inside a value being read: the outer call explains
            return super().structure(obj, cl)
        if _deeper_than(obj, MAX_DEPTH):
            raise SchemaError(
                f"cannot read {_article(_written_name(cl))} from JSON: nested more than "
                f"{MAX_DEPTH} levels deep @ $"
            )
        try:
            return _structured(self, obj, cl, "$")
        except _Refused as refused:
            raise SchemaError(
                f"cannot read {_article(_written_name(cl))} from JSON: "
                + "; ".join(refused.reasons)
            ) from None


def _deeper_than(data: Any, levels: int) -> bool:
    """Whether arrays and objects nest in ``data`` more than ``levels`` deep (as
    :func:`_depth` counts; quicker on the small data of one record)."""
    if type(data) is dict:
        children: Any = data.values()
    elif type(data) is list:
        children = data
    else:
        return False
    if levels <= 0:
        return True
    for child in children:
        if (type(child) is dict or type(child) is list) and _deeper_than(child, levels - 1):
            return True
    return False


def _structured(converter: cattrs.Converter, obj: Any, cl: Any, path: str) -> Any:
    """``obj`` read as a ``cl`` by ``converter``; _Refused with each reason and its path
    (under ``path``) when it is not one."""
    token = _STRUCTURING.set(True)  # a checked converter structures, and leaves errors to us
    try:
        return converter.structure(obj, cl)
    except SchemaError:  # a Document's hook (from_data) says what is wrong, and where
        raise
    except RecursionError:  # pragma: no cover - every caller checks the depth first
        raise _Refused([f"nested too deeply to read @ {path}"]) from None
    except Exception as error:  # noqa: BLE001 - every error is said, with its path
        reasons = cattrs.transform_error(error, path=path, format_exception=_reason)
        raise _Refused(reasons) from None
    finally:
        _STRUCTURING.reset(token)


class _Refused(Exception):  # noqa: N818 - carries reasons to the caller that words them
    """What a checked converter found wrong in data it was asked to read, with paths."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def make_converter() -> cattrs.Converter:
    """A new converter configured for govtrack's JSON format.

    Writing a govtrack record, it refuses one holding a value its reading would refuse
    (a ``None`` for a text, a number in ``extra``), with the value's path, as
    :func:`dumps` does; so too for records in a list, a tuple, a set (written as an
    array) or a dict's values. Reading, it refuses data that is not the type asked for.
    Every error it raises is a :class:`~govtrack.SchemaError` whose one-line message
    gives each reason with its JSON path.

    A Document is written and read as :func:`to_data` and :func:`from_data` do (and
    :func:`dumps` and :func:`loads`): with ``schema_version`` and ``tables``, without its
    ``source``. Hooks an application registers on the converter for values (a Status, a
    date) apply to the records it converts (an Action, a Meeting, a list of them), and
    not inside a Document, which is always in govtrack's format. Its hooks for dates and
    times take exactly ``date`` and ``time``: an application's own attrs class holding a
    ``datetime`` has it written and read as ISO 8601 (``2023-01-01T10:30:00+00:00``).

    Returns:
        A new :class:`cattrs.Converter` each time (never cattrs' global one), the
        caller's to add hooks to.

    Raises:
        SchemaError: Raised by the converter's ``unstructure`` and ``structure`` (not
            by this function) for a value of the wrong type, with its JSON path.

    >>> import govtrack as gt
    >>> converter = make_converter()
    >>> data = converter.unstructure(gt.Document(source="/srv/store.json"))
    >>> data, converter.structure(data, gt.Document) == gt.Document()
    ({'schema_version': 2}, True)
    >>> converter.unstructure(gt.parse_due("2021/07"))
    {'text': '2021/07', 'start': '2021-07-01', 'end': '2021-07-31', 'precision': 'month'}
    >>> unchecked = gt.Action(text="Train")  # a None stored past the constructor's check
    >>> object.__setattr__(unchecked, "ref", None)
    >>> converter.unstructure([gt.Action(text="Hire"), unchecked])
    Traceback (most recent call last):
    ...
    govtrack._errors.SchemaError: cannot write this list as JSON ... got NoneType @ $[1].ref
    >>> converter.structure("Train staff", gt.Action)
    Traceback (most recent call last):
    ...
    govtrack._errors.SchemaError: cannot read an Action from JSON: expected an object (an Action), got a string 'Train staff' @ $
    """  # noqa: E501 - doctest output is one line
    converter = _checked_converter()
    converter.register_unstructure_hook(Document, _document_data)
    converter.register_structure_hook(Document, _document_from_data)
    return converter


def _document_data(document: Document) -> dict[str, Any]:
    """A converter's hook for a Document: :func:`to_data`."""
    return to_data(document)


def _document_from_data(data: Any, _: type) -> Document:
    """A converter's hook for a Document: :func:`from_data`, whose errors say it is a
    Document that could not be read."""
    _refuse_non_object(data, Document)
    try:
        return from_data(data)
    except SchemaError as error:
        reason = str(error).removeprefix("not a govtrack document: ")
        raise SchemaError(f"cannot read a Document from JSON: {reason}") from None


def _checked_converter() -> _CheckedConverter:
    converter = _CheckedConverter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=True,
        # JSON has no sets: a set is written as an array (and a record written is an
        # object, which no set could hold).
        unstruct_collection_overrides={AbstractSet: list},
    )
    configure_converter(converter)
    return converter


_CONVERTER = _checked_converter()


# ---------------------------------------------------------------------------
# What a document may hold, to be written
#
# A frozen record takes any value in any field (attrs checks no types), and JSON writes
# most of them: ``comments=None`` would be written as null, ``extra={"Budget": 45000}`` as
# a number, and neither could be read back. The writer refuses them: its hooks check each
# value's type inline (``type(x) is str``, one comparison in the common case) and raise
# ``_NotPlain`` at the first doubt; :func:`to_data` then walks the document with
# :func:`_type_problems`, slowly, to say where and what. The two agree on what is
# accepted: a value whose type the reader gives back (a ``str`` subclass is a string;
# a ``bool`` is not an integer, a ``datetime`` is not a date).


def _is_str(value: Any) -> bool:
    return type(value) is str or isinstance(value, str)


def _is_int(value: Any) -> bool:
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


def _is_text_map(value: Any) -> bool:
    """A FrozenMap of strings to strings."""
    if not isinstance(value, FrozenMap):
        return False
    entries: dict[Any, Any] = value._data  # noqa: SLF001 - the dict, not the Mapping protocol
    for key, item in entries.items():
        if not (type(key) is str or isinstance(key, str)) or not (
            type(item) is str or isinstance(item, str)
        ):
            return False
    return True


def _is_texts(value: Any) -> bool:
    """A tuple of strings."""
    if type(value) is not tuple:
        return False
    for item in value:  # noqa: SIM110 - a loop: no generator to make, per action
        if type(item) is not str and not isinstance(item, str):
            return False
    return True


def _exactly(cls: type) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return type(value) is cls

    return check


_SCALARS: dict[Any, tuple[Callable[[Any], bool], str]] = {
    str: (_is_str, "a string"),
    int: (_is_int, "an integer"),
    bool: (_exactly(bool), "a bool"),
    dt.date: (_exactly(dt.date), "a date"),
    dt.time: (_exactly(dt.time), "a time"),
}
"""Each scalar field type: whether a value is one, and how an error names it."""

_ACTION_CLASSES = frozenset({Action, *KINDS.values()})
"""What an Action-typed place (a plan's actions) holds: the classes its ``kind`` names."""


def _article(name: str) -> str:
    return f"an {name}" if name[:1].upper() in {"A", "E", "I", "O", "U"} else f"a {name}"


_WRITTEN_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _written_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """The fields of ``cls`` that JSON holds, with their types (a Document's ``source`` is
    not written)."""
    found = _WRITTEN_FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _WRITTEN_FIELDS[cls] = tuple(
            (field.name, hints[field.name])
            for field in attrs.fields(cls)
            if field.init and not (cls is Document and field.name == "source")
        )
    return found


def _optional_of(tp: Any) -> Any:
    """``X`` for ``X | None``; None for any other type."""
    if typing.get_origin(tp) in {typing.Union, types.UnionType}:
        others = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(others) == 1 and len(typing.get_args(tp)) == 2:
            return others[0]
        raise TypeError(f"no JSON writer check for {tp!r}")  # pragma: no cover - new union
    return None


def _expected(tp: Any) -> str:
    """How an error names what a value of type ``tp`` should be."""
    if tp in _SCALARS:
        return _SCALARS[tp][1]
    if _is_tuple(tp):
        return "a tuple"
    if tp is FrozenMap:
        return "a FrozenMap"
    if tp is Action:
        return "an Action, Decision or Activity"
    if isinstance(tp, type):
        return _article(tp.__name__)
    raise TypeError(f"no JSON writer check for {tp!r}")  # pragma: no cover - a new field type


def _is_one(value: Any, tp: Any) -> bool:
    """Whether ``value`` is of type ``tp`` at the top (a tuple's items, a record's fields
    and a map's entries are checked apart)."""
    if tp in _SCALARS:
        return _SCALARS[tp][0](value)
    if _is_tuple(tp):
        return type(value) is tuple
    if tp is FrozenMap:
        return isinstance(value, FrozenMap)
    if tp is Action:
        return type(value) in _ACTION_CLASSES
    return type(value) is tp  # a record, an enum: exactly the class the reader makes


_MAX_PROBLEMS = 10
"""The most problems one error lists (the first, in document order)."""


def _type_problems(value: Any, tp: Any, path: str, found: list[str]) -> None:
    """Add to ``found`` each value under ``value`` that is not of its field's type, as
    ``"expected a string, got NoneType @ $.plans[0].actions[0].comments"``."""
    if len(found) >= _MAX_PROBLEMS:
        return
    inner = _optional_of(tp)
    if inner is not None:
        if value is None:
            return
        tp = inner
    if not _is_one(value, tp):
        expected = _expected(tp) + (" or None" if inner is not None else "")
        found.append(f"expected {expected}, got {type(value).__name__} @ {path}")
        return
    if _is_tuple(tp):
        (item_type, *_) = typing.get_args(tp)
        for index, item in enumerate(value):
            _type_problems(item, item_type, f"{path}[{index}]", found)
    elif tp is FrozenMap:
        for key, item in value._data.items():  # noqa: SLF001 - every entry, as written
            if not _is_str(key):
                found.append(f"expected string keys, got {type(key).__name__} @ {path}")
            elif not _is_str(item):
                found.append(f"expected a string, got {type(item).__name__} @ {path}[{key!r}]")
    elif attrs.has(type(value)):
        for name, field_type in _written_fields(type(value)):
            _type_problems(getattr(value, name), field_type, f"{path}.{name}", found)


def _problems_in(value: Any, tp: Any) -> list[str]:
    """What in ``value`` (written as ``tp``; None: as its own type) JSON cannot hold as
    govtrack reads it (empty: nothing).

    Records are checked wherever they are: at the top, or in lists, tuples, sets and
    dicts (``$[0].text``, ``$['key'].comments``).
    """
    found: list[str] = []
    try:
        _written_problems(value, tp, "$", found)
    except RecursionError:  # pragma: no cover - nested past Python's limit: not a type's fault
        return []
    return found


_CONTAINERS = (list, tuple, set, frozenset)
"""What the checked converter writes as an array (a set too: JSON has none)."""

_SEQUENCE_TYPES = frozenset(
    {list, tuple, set, frozenset, Sequence, MutableSequence, AbstractSet, MutableSet}
)
"""The generic types whose values are arrays of their one item type (``list[Action]``)."""


def _written_problems(value: Any, tp: Any, path: str, found: list[str]) -> None:
    """Add to ``found`` what in ``value``, written as ``tp`` (None: as its own type),
    would not read back: a record's wrong value, wherever the record is."""
    if len(found) >= _MAX_PROBLEMS:
        return
    if tp is not None and _is_record_type(tp):
        _type_problems(value, tp, path, found)
        return
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in _SEQUENCE_TYPES:
        item_type = args[0] if len(args) == 1 or (len(args) == 2 and args[1] is Ellipsis) else None
        if item_type is not None and _is_record_type(item_type) and not _is_container(value):
            found.append(
                f"expected an array of {_written_name(item_type)}, "
                f"got {type(value).__name__} @ {path}"
            )
            return
    elif origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        item_type = args[1] if len(args) == 2 else None
    else:
        item_type = None
    if _is_container(value):
        for index, item in enumerate(value):
            _written_problems(item, item_type, f"{path}[{index}]", found)
    elif isinstance(value, Mapping) and not isinstance(value, FrozenMap):
        for key, item in value.items():
            if type(key) in _CHECKED_RECORDS:
                found.append(f"expected a string key, got {type(key).__name__} @ {path}")
            _written_problems(item, item_type, f"{path}[{key!r}]", found)
    elif type(value) in _CHECKED_RECORDS:
        _type_problems(value, type(value), path, found)
    elif isinstance(value, FrozenMap):
        _type_problems(value, FrozenMap, path, found)


def _is_container(value: Any) -> bool:
    """Whether ``value`` is written as an array (a list, tuple or set; not a record)."""
    return isinstance(value, _CONTAINERS) and not attrs.has(type(value))


def _is_record_type(tp: Any) -> bool:
    """Whether ``tp`` is a govtrack record class (or a FrozenMap), or one or None."""
    if typing.get_origin(tp) in {typing.Union, types.UnionType}:
        args = typing.get_args(tp)
        others = [arg for arg in args if arg is not type(None)]
        if len(others) != 1 or len(args) != 2:
            return False  # another union (``Action | str``): each value as its own type
        tp = others[0]
    return tp in _CHECKED_RECORDS or tp is FrozenMap


def _refusal(what: str, problems: list[str]) -> str:
    """The message refusing to write ``what`` for ``problems`` (from :func:`_problems_in`)."""
    more = " (and perhaps more)" if len(problems) >= _MAX_PROBLEMS else ""
    return f"cannot write {what} as JSON (it could not be read back): " + "; ".join(problems) + more


def _written_name(tp: Any) -> str:
    """How a message names a type: ``Action``, ``tuple of Action``, ``dict of Action``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in {typing.Union, types.UnionType}:
        return " or ".join("None" if arg is type(None) else _written_name(arg) for arg in args)
    if origin is not None and args:
        name = str(getattr(origin, "__name__", origin))
        items = [arg for arg in args if arg is not Ellipsis]
        if isinstance(origin, type) and issubclass(origin, Mapping) and len(items) == 2:
            items = items[1:]
        return f"{name} of {' and '.join(_written_name(item) for item in items)}"
    return str(getattr(tp, "__name__", tp))


# ---------------------------------------------------------------------------
# The fast path
#
# ``_FAST`` is a second converter for the hot classes (Action, Update, Due, Location,
# FrozenMap), with hand-written hooks, and without cattrs' detailed validation. Its
# unstructure hooks give exactly what ``_CONVERTER``'s give (omit-if-default, field
# order). Its structure hooks accept a subset of what ``_CONVERTER`` accepts, give the
# same records, and raise (anything) at the first doubt; :func:`from_data` then reads the
# data again with ``_CONVERTER``, whose errors carry the JSON path and the reason.

_date_iso = dt.date.isoformat
_STATUSES: dict[str, Status] = {member.value: member for member in Status}
_CATEGORIES: dict[str, ResponseCategory] = {member.value: member for member in ResponseCategory}
_PRECISIONS: dict[str, Precision] = {member.value: member for member in Precision}


class _NotPlain(Exception):  # noqa: N818 - a signal to take the slow path, not an error
    """Raised by a fast hook: the slow path decides (and explains).

    A fast structure hook raises it on data it doubts; a writing hook on a value that is
    not of its field's type (:func:`to_data` then finds and names every such value).
    """


def _fast_map_data(value: FrozenMap) -> dict[str, str]:
    return dict(value._data)  # noqa: SLF001 - the same dict, without the Mapping protocol


def _checked_map_data(value: Any) -> dict[str, str]:
    """A FrozenMap of strings' data; _NotPlain for anything else."""
    if not _is_text_map(value):
        raise _NotPlain
    return dict(value._data)  # noqa: SLF001 - the same dict, without the Mapping protocol


def _unstructure_due(due: Due) -> dict[str, Any]:
    if type(due) is not Due:
        raise _NotPlain
    text: Any = due.text
    start, end, precision = due.start, due.end, due.precision
    if not (
        (type(text) is str or isinstance(text, str))
        and type(start) is dt.date
        and type(end) is dt.date
        and type(precision) is Precision
    ):
        raise _NotPlain
    return {
        "text": text,
        "start": _date_iso(start),
        "end": _date_iso(end),
        "precision": precision._value_,
    }


def _unstructure_update(update: Update) -> dict[str, Any]:
    if type(update) is not Update:
        raise _NotPlain
    text = update.text
    if type(text) is not str and not isinstance(text, str):
        raise _NotPlain
    data: dict[str, Any] = {"text": text}
    if update.on is not None:
        data["on"] = _unstructure_due(update.on)
    return data


class _TableWriter:
    """The tables of the document being written: one per distinct shared part."""

    def __init__(self, *, for_caller: bool = True) -> None:
        self.tables: list[dict[str, Any]] = []
        self.for_caller = for_caller
        """Whether the data is the caller's, to change: actions sharing a Due get a copy
        of its data each, and an action's responsible parties a list. Else the data is
        only to be encoded: they share the Due's dict, and the parties stay a tuple (which
        both encoders write as an array), with less to make and free per action."""
        self._by_id: dict[tuple[str, str, int, int], int] = {}
        self._by_value: dict[tuple[Any, ...], int] = {}
        self._last: tuple[Any, Any, Any, Any, int] = (None, None, None, None, 0)
        """The maps, file and sheet of the last row written, and its table's index."""
        self.dues: dict[int, dict[str, Any]] = {}
        """Each Due written so far, by identity (readers share equal Dues): its data (a
        copy, with ``for_caller``) serves the next action with the same Due. The document
        holds every Due while it is written, so an identity is not reused meanwhile."""

    def index(self, location: Location) -> int:
        """The index of ``location``'s table, added if new."""
        columns, labels = location.columns, location.labels
        last = self._last
        # A table's rows come one after another: the last row's maps, file and sheet are
        # the commonest match, found without a look-up (identity implies equality).
        if (
            last[0] is columns
            and last[1] is labels
            and last[2] is location.file
            and last[3] is location.sheet
        ):
            return last[4]
        # The rows of one table share their maps, so the maps' identities find the table
        # in one look-up; equal maps of other tables share it too. The document holds
        # every map while it is written, so an identity is not reused meanwhile.
        key = (location.file, location.sheet, id(columns), id(labels))
        found = self._by_id.get(key)
        if found is None:
            value = (
                location.file,
                location.sheet,
                tuple(columns._data.items()),  # noqa: SLF001 - in order: the text keeps it
                tuple(labels._data.items()),  # noqa: SLF001 - in order: the text keeps it
            )
            found = self._by_value.get(value)
            if found is None:
                found = self._by_value[value] = len(self.tables)
                whole = _unstructure_whole_location(location)
                self.tables.append({key: item for key, item in whole.items() if key in _SHARED})
            self._by_id[key] = found
        self._last = (columns, labels, location.file, location.sheet, found)
        return found


_WRITE_TABLES: contextvars.ContextVar[_TableWriter | None] = contextvars.ContextVar(
    "govtrack_json_write_tables", default=None
)
"""The tables of the document being written (None: every origin is written whole)."""


def _unstructure_whole_location(location: Location) -> dict[str, Any]:
    file, sheet = location.file, location.sheet
    if not (_is_str(file) and _is_str(sheet)):
        raise _NotPlain
    data: dict[str, Any] = {}
    if file != "":
        data["file"] = file
    if sheet != "":
        data["sheet"] = sheet
    _add_own(location, data)
    # An empty FrozenMap has nothing to check or write (most origins written whole).
    columns: Any = location.columns
    if type(columns) is not FrozenMap or columns._data:  # noqa: SLF001 - its dict's truth
        columns = _checked_map_data(columns)
        if columns:
            data["columns"] = columns
    labels: Any = location.labels
    if type(labels) is not FrozenMap or labels._data:  # noqa: SLF001 - its dict's truth
        labels = _checked_map_data(labels)
        if labels:
            data["labels"] = labels
    return data


def _add_own(location: Location, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with what a row's origin does not share with its table: cell, line, header."""
    cell: Any = location.cell
    header: Any = location.header
    line: Any = location.line
    if not (type(cell) is str and type(header) is str) and not (
        isinstance(cell, str) and isinstance(header, str)
    ):
        raise _NotPlain
    if cell != "":
        data["cell"] = cell
    if line is not None:
        if type(line) is not int and not _is_int(line):
            raise _NotPlain
        data["line"] = line
    if header != "":
        data["header"] = header
    return data


def _unstructure_location(location: Location) -> dict[str, Any]:
    return _location_data(location, _WRITE_TABLES.get())


def _location_data(location: Location, writer: _TableWriter | None) -> dict[str, Any]:
    if type(location) is not Location:
        raise _NotPlain
    # ``_data``: a dict's truth is cheaper than the Mapping protocol's len(), per row. (A
    # table's maps and file and sheet are checked when the table is first written.)
    if writer is None or not (location.columns._data or location.labels._data):  # noqa: SLF001
        return _unstructure_whole_location(location)
    return _add_own(location, {"table": writer.index(location)})


def _unstructure_plain_action(action: Action) -> dict[str, Any]:
    return _action_data(action, _WRITE_TABLES.get())


def _action_data(action: Action, writer: _TableWriter | None) -> dict[str, Any]:
    """A plain Action's data; ``writer`` holds the tables (and the Dues written so far).

    Each value written is checked to be of its field's type (a text left out is ``""``).
    """
    text = action.text
    if type(text) is not str and not isinstance(text, str):
        raise _NotPlain
    data: dict[str, Any] = {"text": text}
    ref = action.ref
    if ref != "":
        if type(ref) is not str and not isinstance(ref, str):
            raise _NotPlain
        data["ref"] = ref
    responsible = action.responsible
    if responsible != ():
        if type(responsible) is not tuple:
            raise _NotPlain
        for party in responsible:
            if type(party) is not str and not isinstance(party, str):
                raise _NotPlain
        data["responsible"] = (
            list(responsible) if writer is None or writer.for_caller else responsible
        )
    due = action.due
    if due is not None:
        if writer is None:
            data["due"] = _unstructure_due(due)
        else:
            written = writer.dues.get(id(due))
            if written is None:
                written = writer.dues[id(due)] = _unstructure_due(due)
            data["due"] = written.copy() if writer.for_caller else written
    due_text = action.due_text
    if due_text != "":
        if type(due_text) is not str and not isinstance(due_text, str):
            raise _NotPlain
        data["due_text"] = due_text
    status = action.status
    if status is not None:
        if type(status) is not Status:
            raise _NotPlain
        data["status"] = status._value_
    status_text = action.status_text
    if status_text != "":
        if type(status_text) is not str and not isinstance(status_text, str):
            raise _NotPlain
        data["status_text"] = status_text
    comments = action.comments
    if comments != "":
        if type(comments) is not str and not isinstance(comments, str):
            raise _NotPlain
        data["comments"] = comments
    updates = action.updates
    if updates != ():
        if type(updates) is not tuple:
            raise _NotPlain
        data["updates"] = [_unstructure_update(update) for update in updates]
    scope = action.scope
    if scope != "":
        if type(scope) is not str and not isinstance(scope, str):
            raise _NotPlain
        data["scope"] = scope
    group = action.group
    if group != "":
        if type(group) is not str and not isinstance(group, str):
            raise _NotPlain
        data["group"] = group
    # ``_data``: per action, a dict's truth, not Mapping's len() (and no FrozenMap, none).
    if action.extra._data:  # noqa: SLF001
        data["extra"] = _checked_map_data(action.extra)
    origin = action.origin
    if origin is not None:
        # _location_data inlined for a row of a table, the commonest origin (per action)
        if (
            writer is not None
            and type(origin) is Location
            and (origin.columns._data or origin.labels._data)  # noqa: SLF001 - as there
        ):
            data["origin"] = _add_own(origin, {"table": writer.index(origin)})
        else:
            data["origin"] = _location_data(origin, writer)
    return data


def _unstructure_response(response: ManagementResponse) -> dict[str, Any]:
    """A ManagementResponse's data; empty when every field is its default."""
    if type(response) is not ManagementResponse:
        raise _NotPlain
    text, category_text, description = (
        response.text,
        response.category_text,
        response.description,
    )
    if not (_is_str(text) and _is_str(category_text) and _is_str(description)):
        raise _NotPlain
    data: dict[str, Any] = {}
    if text != "":
        data["text"] = text
    category = response.category
    if category is not None:
        if type(category) is not ResponseCategory:
            raise _NotPlain
        data["category"] = category._value_
    if category_text != "":
        data["category_text"] = category_text
    if description != "":
        data["description"] = description
    thematic_areas = response.thematic_areas
    if thematic_areas != ():
        data["thematic_areas"] = _checked_texts(thematic_areas)
    operating_principles = response.operating_principles
    if operating_principles != ():
        data["operating_principles"] = _checked_texts(operating_principles)
    organisational_priorities = response.organisational_priorities
    if organisational_priorities != ():
        data["organisational_priorities"] = _checked_texts(organisational_priorities)
    uneg_criteria = response.uneg_criteria
    if uneg_criteria != ():
        data["uneg_criteria"] = _checked_texts(uneg_criteria)
    return data


def _checked_texts(value: Any) -> list[str]:
    """A tuple of strings' data; _NotPlain for anything else."""
    if not _is_texts(value):
        raise _NotPlain
    return list(value)


def _check_strs(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise _NotPlain
    for item in value:
        if type(item) is not str:
            raise _NotPlain
    return tuple(value)


def _check_map(value: Any) -> FrozenMap:
    if type(value) is not dict:
        raise _NotPlain
    for key, item in value.items():
        if type(key) is not str or type(item) is not str:
            raise _NotPlain
    return FrozenMap(value)


def _fast_structure_fn(
    cls: type[Any], checks: dict[str, Callable[[Any], Any]], texts: frozenset[str]
) -> Callable[[Any], Any]:
    """A strict structure function for ``cls``: no unknown key, a check per field.

    A field named in ``texts`` is a string, checked inline (most fields are).
    """
    names = frozenset(checks) | texts

    def structure(data: Any) -> Any:
        if type(data) is not dict or not data.keys() <= names:
            raise _NotPlain
        kwargs = data.copy()
        for key, value in data.items():
            if type(value) is not str or key not in texts:
                kwargs[key] = checks[key](value)
        return cls(**kwargs)

    return structure


def _text_field(value: Any) -> str:
    del value  # a text field whose value is not a string
    raise _NotPlain


def _fields(cls: type[Any]) -> frozenset[str]:
    return frozenset(field.name for field in attrs.fields(cls) if field.init)


_DUE_TEXTS = frozenset({"text"})
_UPDATE_TEXTS = frozenset({"text"})
_LOCATION_TEXTS = frozenset({"file", "sheet", "cell", "header"})
_ACTION_TEXTS = frozenset({"text", "ref", "due_text", "status_text", "comments", "scope", "group"})
_RESPONSE_TEXTS = frozenset({"text", "category_text", "description"})
_RESPONSE_TAGS = frozenset(
    {"thematic_areas", "operating_principles", "organisational_priorities", "uneg_criteria"}
)
_RECOMMENDATION_TEXTS = frozenset({"text", "ref", "group"})
_FAST_FIELDS: dict[type[Any], frozenset[str]] = {
    Table: _SHARED,
    Due: _DUE_TEXTS | {"start", "end", "precision"},
    Update: _UPDATE_TEXTS | {"on"},
    Location: _LOCATION_TEXTS | {"line", "columns", "labels"},
    Action: _ACTION_TEXTS | {"responsible", "due", "status", "updates", "extra", "origin"},
    ManagementResponse: _RESPONSE_TEXTS | _RESPONSE_TAGS | {"category"},
    Recommendation: _RECOMMENDATION_TEXTS | {"response", "actions", "origin"},
}
"""The fields the fast hooks know, by class; a class with others takes the slow path."""

_FAST_CHECKS = all(_fields(cls) == known for cls, known in _FAST_FIELDS.items())
"""Whether the fast hooks know every field: then ``_FAST`` has them, and its writing hooks
check each value's type (else it is the checked converter, and :func:`to_data` checks
first)."""

_WHOLE_KEYS = _FAST_FIELDS[Location]


def _fast_whole_location(data: Any) -> Location:
    """An origin written whole (a recommendation's, a version-1 document's)."""
    if type(data) is not dict or not data.keys() <= _WHOLE_KEYS:
        raise _NotPlain
    get = data.get
    file, sheet, cell = get("file", ""), get("sheet", ""), get("cell", "")
    line, header = get("line"), get("header", "")
    if not (type(file) is str and type(sheet) is str and type(cell) is str and type(header) is str):
        raise _NotPlain
    if line is not None and (type(line) is not int or line < 1):
        raise _NotPlain
    columns = _check_map(data["columns"]) if "columns" in data else EMPTY
    labels = _check_map(data["labels"]) if "labels" in data else EMPTY
    return new_whole_location(file, sheet, cell, line, header, columns, labels)


_fast_table = _fast_structure_fn(
    Table,
    {"file": _text_field, "sheet": _text_field, "columns": _check_map, "labels": _check_map},
    frozenset({"file", "sheet"}),
)


_ROW_KEYS = frozenset({"table", "cell", "line", "header"})
_fromisoformat = dt.date.fromisoformat


def _fast_location(data: Any) -> Location:
    if type(data) is dict and "table" in data:
        # A row of a table: the hot case, written out (one Location, no kwargs dict).
        index = data["table"]
        tables = _READ_TABLES.get()
        if (
            type(index) is not int
            or tables is None
            or not 0 <= index < len(tables)
            or not data.keys() <= _ROW_KEYS
        ):
            raise _NotPlain
        cell = data.get("cell", "")
        line = data.get("line")
        header = data.get("header", "")
        if type(cell) is not str or type(header) is not str:
            raise _NotPlain
        if line is not None and (type(line) is not int or line < 1):
            raise _NotPlain
        return _located(tables[index], cell, line, header)
    return _fast_whole_location(data)


_DUE_KEYS = frozenset({"text", "start", "end", "precision"})


def _fast_due_or_none(data: Any) -> Due | None:
    """A Due, or None for null."""
    return None if data is None else _fast_due(data)


_READ_DUES: contextvars.ContextVar[dict[tuple[str, str, str, str], Due] | None] = (
    contextvars.ContextVar("govtrack_json_read_dues", default=None)
)
"""The Dues of the document being read, by their four values: a tracker's deadlines repeat
("Dec 2023"), and a Due is immutable, so equal ones are one object (as the Excel reader
shares them). One dict per read, dropped with it: nothing outlives the document."""


def _fast_due(data: Any) -> Due:
    """A Due, written out: every action has one (null is the slow path's to judge)."""
    if type(data) is not dict or data.keys() != _DUE_KEYS:
        raise _NotPlain
    text, start, end, precision = data["text"], data["start"], data["end"], data["precision"]
    if type(text) is not str or type(start) is not str or type(end) is not str:
        raise _NotPlain
    dues = _READ_DUES.get()
    key = (text, start, end, precision)
    due = None if dues is None else dues.get(key)
    if due is None:
        if not (_is_date_shape(start) and _is_date_shape(end)):
            raise _NotPlain
        due = Due(
            text=text,
            start=_fromisoformat(start),
            end=_fromisoformat(end),
            precision=_PRECISIONS[precision],
        )
        if dues is not None:
            dues[key] = due
    return due


_fast_update = _fast_structure_fn(
    Update, {"text": _text_field, "on": _fast_due_or_none}, _UPDATE_TEXTS
)


def _check_updates(value: Any) -> tuple[Update, ...]:
    if type(value) is not list:
        raise _NotPlain
    return tuple([_fast_update(item) for item in value])


_ACTION_KEYS = _FAST_FIELDS[Action]


def _fast_action(data: Any) -> Action:
    """A plain Action, written out: the hottest record of a document.

    Every value is checked to be what the Action's converters make (tuples, a
    FrozenMap), so :func:`new_action` may store it without the ``__init__``.
    """
    if type(data) is not dict or not data.keys() <= _ACTION_KEYS:
        raise _NotPlain
    get = data.get
    text = data["text"]
    ref = get("ref", "")
    due_text = get("due_text", "")
    status_text = get("status_text", "")
    comments = get("comments", "")
    scope = get("scope", "")
    group = get("group", "")
    if not (
        type(text) is str
        and type(ref) is str
        and type(due_text) is str
        and type(status_text) is str
        and type(comments) is str
        and type(scope) is str
        and type(group) is str
    ):
        raise _NotPlain
    status = get("status")
    origin = get("origin")
    return new_action(
        text,
        ref,
        _check_strs(data["responsible"]) if "responsible" in data else (),
        _fast_due_or_none(get("due")),
        due_text,
        None if status is None else _STATUSES[status],
        status_text,
        comments,
        _check_updates(data["updates"]) if "updates" in data else (),
        scope,
        group,
        _check_map(data["extra"]) if "extra" in data else EMPTY,
        None if origin is None else _fast_location(origin),
    )


def _trusted_constructor(
    cls: type[Any], converted: set[str], validated: frozenset[str]
) -> Callable[..., Any]:
    """``cls(...)`` taking every field by position, in order, without the ``__init__``: for
    values the JSON reader has checked to be what its converters make (tuples) and what
    its validators accept (a ResponseCategory) already. The ordinary constructor when the
    ``__init__`` does more than that (the model has changed)."""
    names = tuple(field.name for field in attrs.fields(cls))
    setters = slot_setters(cls, names, converted, validated)
    if setters is None:  # only if the model changes (a test makes it so)

        def ordinary(*values: Any) -> Any:
            return cls(**dict(zip(names, values, strict=True)))

        return ordinary
    new = object.__new__

    def trusted(*values: Any) -> Any:
        record = new(cls)
        for set_value, value in zip(setters, values, strict=True):
            set_value(record, value)
        return record

    return trusted


_RESPONSE_KEYS = _FAST_FIELDS[ManagementResponse]
_new_response = _trusted_constructor(
    ManagementResponse, set(_RESPONSE_TAGS), frozenset({"category"})
)


def _fast_response(data: Any) -> ManagementResponse:
    """A ManagementResponse, each value checked (its category one of the enum's)."""
    if type(data) is not dict or not data.keys() <= _RESPONSE_KEYS:
        raise _NotPlain
    get = data.get
    text, category_text, description = (
        get("text", ""),
        get("category_text", ""),
        get("description", ""),
    )
    if not (type(text) is str and type(category_text) is str and type(description) is str):
        raise _NotPlain
    category = get("category")
    response: ManagementResponse = _new_response(
        text,
        None if category is None else _CATEGORIES[category],
        category_text,
        description,
        _check_strs(data["thematic_areas"]) if "thematic_areas" in data else (),
        _check_strs(data["operating_principles"]) if "operating_principles" in data else (),
        _check_strs(data["organisational_priorities"])
        if "organisational_priorities" in data
        else (),
        _check_strs(data["uneg_criteria"]) if "uneg_criteria" in data else (),
    )
    return response


_RECOMMENDATION_KEYS = _FAST_FIELDS[Recommendation]
_new_recommendation = _trusted_constructor(
    Recommendation, {"actions"}, frozenset({"response", "actions"})
)


def _is_actions(tp: Any) -> bool:
    return bool(tp == tuple[Action, ...])


def _shallow_check(tp: Any) -> Callable[[Any], bool] | None:
    """Whether a value is of type ``tp``, as a record's writing hook checks its own fields;
    None where the value's own hook checks it (a record) or its items' hooks do (records)."""
    inner = _optional_of(tp)
    if inner is not None:
        check = _shallow_check(inner)
        if check is None:
            return None
        return lambda value: value is None or check(value)
    if tp in _SCALARS:
        return _SCALARS[tp][0]
    if tp is FrozenMap:
        return _is_text_map
    if _is_tuple(tp):
        (item_type, *_) = typing.get_args(tp)
        if item_type is str:
            return _is_texts
        if not attrs.has(item_type):  # pragma: no cover - a new field type
            raise TypeError(f"no JSON writer check for {tp!r}")
        return lambda value: type(value) is tuple
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _exactly(tp)
    if attrs.has(tp):
        return None
    raise TypeError(f"no JSON writer check for {tp!r}")  # pragma: no cover - a new field type


def _records(tp: Any, found: set[type]) -> set[type]:
    """Every record class a value of type ``tp`` may hold, itself included."""
    inner = _optional_of(tp)
    if inner is not None:
        return _records(inner, found)
    if _is_tuple(tp):
        return _records(typing.get_args(tp)[0], found)
    classes: frozenset[Any] | tuple[Any] = _ACTION_CLASSES if tp is Action else (tp,)
    for cls in classes:
        if isinstance(cls, type) and attrs.has(cls) and cls not in found:
            found.add(cls)
            for _, field_type in _written_fields(cls):
                _records(field_type, found)
    return found


_CHECKED_RECORDS = frozenset(_records(Document, set()))
"""Every record class a document may hold: what a checked converter checks."""


def _check_generated(converter: cattrs.Converter, hand_written: set[type]) -> None:
    """Register a writing hook for each record class cattrs writes (meetings, reports, the
    document...): the hook cattrs generates, after a check of the record's own fields."""
    generated: dict[type, Callable[[Any], dict[str, Any]]] = {}

    def checked(cls: type) -> Callable[[Any], dict[str, Any]]:
        checks = [
            (name, check)
            for name, field_type in _written_fields(cls)
            if (check := _shallow_check(field_type)) is not None
        ]

        def unstructure(record: Any) -> dict[str, Any]:
            if type(record) is not cls:
                raise _NotPlain
            for name, check in checks:
                if not check(getattr(record, name)):
                    raise _NotPlain
            return generated[cls](record)

        return unstructure

    classes = sorted(_records(Document, set()) - hand_written, key=lambda cls: cls.__name__)
    for cls in classes:  # registered first: each generated hook finds the others' checks
        converter.register_unstructure_hook(cls, checked(cls))
    for cls in classes:
        generated[cls] = make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=converter.omit_if_default
        )


def _make_fast_converter() -> cattrs.Converter:
    if not _FAST_CHECKS:
        return _checked_converter()  # a field the fast hooks do not know: no fast path
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    _configure_values(converter)
    converter.register_unstructure_hook(FrozenMap, _fast_map_data)
    converter.register_unstructure_hook(Due, _unstructure_due)
    converter.register_unstructure_hook(Update, _unstructure_update)
    converter.register_unstructure_hook(Location, _unstructure_location)
    converter.register_unstructure_hook(ManagementResponse, _unstructure_response)
    converter.register_structure_hook(FrozenMap, lambda value, _: _check_map(value))
    converter.register_structure_hook(Due, lambda value, _: _fast_due(value))
    converter.register_structure_hook(Update, lambda value, _: _fast_update(value))
    converter.register_structure_hook(Location, lambda value, _: _fast_location(value))
    _configure_actions(converter, _unstructure_plain_action, lambda value, _: _fast_action(value))
    structure_action = converter.get_structure_hook(Action)
    unstructure_action = converter.get_unstructure_hook(Action)

    def recommendation_data(recommendation: Recommendation) -> dict[str, Any]:
        """A Recommendation's data: its plain actions written out, any other through its
        class's hook."""
        if type(recommendation) is not Recommendation:
            raise _NotPlain
        writer = _WRITE_TABLES.get()
        text, ref, group = recommendation.text, recommendation.ref, recommendation.group
        if not (_is_str(text) and _is_str(ref) and _is_str(group)):
            raise _NotPlain
        data: dict[str, Any] = {"text": text}
        if ref != "":
            data["ref"] = ref
        response = _unstructure_response(recommendation.response)
        if response:  # empty only when the response is the default one
            data["response"] = response
        actions = recommendation.actions
        if actions != ():
            if type(actions) is not tuple:
                raise _NotPlain
            data["actions"] = [
                _action_data(action, writer)
                if type(action) is Action
                else unstructure_action(action)
                for action in actions
            ]
        if group != "":
            data["group"] = group
        if recommendation.origin is not None:
            data["origin"] = _location_data(recommendation.origin, writer)
        return data

    converter.register_unstructure_hook(Recommendation, recommendation_data)
    _check_generated(converter, {*_FAST_FIELDS, Action})

    def actions(value: Any) -> tuple[Action, ...]:
        """Any actions (a plan's, a recommendation's): plain ones written out, tagged ones
        (``kind``) through their class's hook."""
        if type(value) is not list:
            raise _NotPlain
        return tuple(
            [
                _fast_action(item)
                if type(item) is dict and "kind" not in item
                else structure_action(item, Action)
                for item in value
            ]
        )

    converter.register_structure_hook_func(_is_actions, lambda value, _: actions(value))

    def recommendation(data: Any) -> Recommendation:
        if type(data) is not dict or not data.keys() <= _RECOMMENDATION_KEYS:
            raise _NotPlain
        get = data.get
        text, ref, group = data["text"], get("ref", ""), get("group", "")
        if not (type(text) is str and type(ref) is str and type(group) is str):
            raise _NotPlain
        origin = get("origin")
        built: Recommendation = _new_recommendation(
            text,
            ref,
            _fast_response(data["response"]) if "response" in data else ManagementResponse(),
            actions(data["actions"]) if "actions" in data else (),
            group,
            None if origin is None else _fast_location(origin),
        )
        return built

    converter.register_structure_hook(Recommendation, lambda value, _: recommendation(value))
    return converter


_FAST = _make_fast_converter()


def _reason(exception: BaseException, type_: type | None) -> str:
    """cattrs' description of a structuring error, with the underlying reason added."""
    if isinstance(exception, _RefusedError):
        return str(exception)
    enum_type = _enum_of(type_)
    if enum_type is not None and isinstance(exception, ValueError):
        values = ", ".join(repr(member.value) for member in enum_type)
        optional = " or null" if enum_type is not type_ else ""
        found = str(exception).split(" is not a valid ", 1)[0]
        return f"expected one of {values}{optional}, got {found}"
    described = format_exception(exception, type_)
    detail = str(exception)
    if isinstance(exception, (TypeError, ValueError)) and detail and detail not in described:
        return f"{described} ({detail})"
    return described


def _enum_of(type_: Any) -> type[enum.Enum] | None:
    """The enum ``type_`` is, or is optionally (``Status | None``); else None."""
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return type_
    arguments = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    if (
        len(arguments) == 1
        and isinstance(arguments[0], type)
        and issubclass(arguments[0], enum.Enum)
    ):
        return arguments[0]
    return None


def to_data(document: Document) -> dict[str, Any]:
    """The document as JSON-ready Python data (dicts, lists, strings, numbers).

    This is what :func:`dumps` encodes: ``schema_version``, ``tables`` and the document's
    fields, defaults left out, without its ``source``. The data is the caller's to change;
    :func:`from_data` reads it back. Use it to store a document in a database's JSON
    column, or to send it in a web framework's response.

    Args:
        document: The document.

    Returns:
        A new dict, the caller's to change.

    Raises:
        SchemaError: A field holds a value :func:`loads` would refuse (``None`` for a
            text, a number in ``extra``): the document could be written, and never read
            back. The message gives each such value's path and type.
        WriteError: Indicators' targets nest deeper than :func:`loads` reads
            (:data:`MAX_DEPTH` levels of arrays and objects); the message gives the path.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(
    ...     gt.Action(text="Hire", status=gt.Status.ONGOING),)),), source="/srv/a.json")
    >>> data = gt.to_data(doc)
    >>> data
    {'schema_version': 2, 'plans': [{'actions': [{'text': 'Hire', 'status': 'ongoing'}]}]}
    >>> gt.from_data(data) == doc
    True
    """
    return _to_data(document, for_caller=True)


def _to_data(document: Document, *, for_caller: bool) -> dict[str, Any]:
    """:func:`to_data`; with ``for_caller`` False, actions sharing a Due share its dict,
    and responsible parties stay tuples (for data that is encoded, and never seen)."""
    if not _FAST_CHECKS:  # pragma: no cover - the fast hooks are off: check first
        _refuse_wrong_types(document, None)
    writer = _TableWriter(for_caller=for_caller)
    token = _WRITE_TABLES.set(writer)
    try:
        with collector_paused():
            body = _FAST.unstructure(document, Document)
    except Exception as error:
        _refuse_wrong_types(document, error)
        raise
    finally:
        _WRITE_TABLES.reset(token)
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if writer.tables:
        data["tables"] = writer.tables
    data.update(body)
    data.pop("source", None)
    # Only indicators nest without bound (Indicator.targets), as the reader knows.
    reports = data.get("reports")
    if reports is not None and _depth(reports) + 1 > MAX_DEPTH:
        raise WriteError(
            f"cannot write this document as JSON: it nests more than {MAX_DEPTH} levels deep "
            f"(indicators' targets), which no reader takes back @ {_deepest_path(data)}"
        )
    return data


def _deepest_path(data: Any) -> str:
    """The JSON path of the first array or object nested deeper than :data:`MAX_DEPTH`,
    a run of one step said once (``$.reports[0].indicators[0] + .targets[0] × 99``)."""
    stack: list[tuple[Any, int, tuple[str, ...]]] = [(data, 1, ())]
    while stack:
        node, depth, steps = stack.pop()
        if isinstance(node, dict):
            children: list[tuple[Any, str]] = [(child, f".{key}") for key, child in node.items()]
        elif isinstance(node, list):
            children = [(child, f"[{index}]") for index, child in enumerate(node)]
        else:
            continue
        if depth > MAX_DEPTH:
            return _REPEATED_STEP.sub(_said_once, "$" + "".join(steps)).removesuffix(" + ")
        stack.extend((child, depth + 1, (*steps, step)) for child, step in reversed(children))
    return "$"  # pragma: no cover - called only on data nested too deeply


_REPEATED_STEP = re.compile(r"(\.[A-Za-z_]+\[[0-9]+\])\1{2,}")


def _said_once(match: re.Match[str]) -> str:
    step = match[1]
    return f" + {step} × {len(match[0]) // len(step)} + "


def _refuse_wrong_types(document: Any, error: Exception | None) -> None:
    """Raise SchemaError, naming every value of the wrong type in ``document``, if any.

    ``error`` is what the fast writer raised: a _NotPlain with no such value found is a
    bug in the writer's checks, not the document's fault, and is not hidden.
    """
    problems = _problems_in(document, Document)
    if problems:
        raise SchemaError(_refusal("this document", problems)) from None
    if isinstance(error, _NotPlain):  # pragma: no cover - the two checks disagree
        message = "the JSON writer doubted a value the type check accepts"
        raise AssertionError(message) from error  # noqa: TRY004 - a bug in govtrack, not a type


MAX_DEPTH = 200
"""The deepest nesting of arrays and objects a document may have (indicators' targets nest;
a real document is a few dozen levels deep, and Python's own recursion limit is near)."""


def _depth(data: Any) -> int:
    """How deeply arrays and objects nest in ``data``, walked without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _fast_from_data(data: Any) -> Document | None:
    """The document in plainly valid data, by the fast path; None to take the slow one."""
    if type(data) is not dict:
        return None
    version = data.get("schema_version")
    if type(version) is not int or not 1 <= version <= SCHEMA_VERSION or "source" in data:
        return None  # ``source`` is never written; the checked path refuses it
    # Only indicators nest without bound (Indicator.targets); every other part of a
    # document the fast path accepts is a few levels deep, so only reports are walked.
    reports = data.get("reports")
    if reports is not None and _depth(reports) + 1 > MAX_DEPTH:
        return None
    body = {key: value for key, value in data.items() if key not in _NOT_BODY}
    try:
        with collector_paused():
            tables = _fast_tables(data, version)
            token = _READ_TABLES.set(tables)
            dues_token = _READ_DUES.set({})
            try:
                document: Document = _FAST.structure(body, Document)
            finally:
                _READ_DUES.reset(dues_token)
                _READ_TABLES.reset(token)
    except Exception:  # noqa: BLE001 - any doubt: the slow path decides and explains
        return None
    return document


_NOT_BODY = frozenset({"schema_version", "tables"})
"""The top-level keys that are not fields of the Document (``source`` is refused)."""


def _fast_tables(data: dict[str, Any], version: int) -> tuple[Table, ...] | None:
    if "tables" not in data:
        return None if version < TABLES_SINCE else ()
    tables = data["tables"]
    if version < TABLES_SINCE or type(tables) is not list:
        raise _NotPlain
    return tuple([_fast_table(table) for table in tables])


def from_data(data: Any, *, source: str = "") -> Document:
    """A Document from JSON-ready data (what :func:`to_data` makes, or ``json.loads`` of
    what :func:`dumps` writes), checked as :func:`loads` checks text.

    Args:
        data: The data: a dict with ``schema_version`` (1 or 2) and the document's fields.
        source: A file name to record as the document's ``source`` and in messages.

    Returns:
        The Document (the data is not changed).

    Raises:
        SchemaError: The data is not a govtrack document; the message gives the JSON
            path and the reason.

    >>> import govtrack as gt
    >>> doc = gt.from_data({"schema_version": 2, "plans": [{"actions": [{"text": "Hire"}]}]})
    >>> doc.plans[0].actions[0].text
    'Hire'
    >>> gt.from_data({"schema_version": 2, "plans": [{"actions": [{"txt": "Hire"}]}]})
    Traceback (most recent call last):
    ...
    govtrack._errors.SchemaError: not a govtrack document: required field missing @ $.plans[0].actions[0].text; extra fields found (txt) @ $.plans[0].actions[0]
    """  # noqa: E501 - doctest output is one line
    document = _fast_from_data(data)
    if document is None:
        document = _checked_from_data(data, source)
    return attrs.evolve(document, source=source) if source else document


def _checked_from_data(data: Any, source: str) -> Document:
    """The slow path: every check, and an error with the JSON path and reason."""
    where = f"{source}: " if source else ""
    if not isinstance(data, dict):
        raise SchemaError(f"{where}a govtrack JSON document is an object @ $")
    if _depth(data) > MAX_DEPTH:
        raise SchemaError(
            f"{where}not a govtrack document: nested more than {MAX_DEPTH} levels deep @ $"
        )
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SchemaError(f"{where}missing or non-integer schema_version @ $.schema_version")
    if version < 1:
        raise SchemaError(
            f"{where}schema_version {version} is invalid: versions start at 1 (this govtrack "
            f"reads 1 to {SCHEMA_VERSION}) @ $.schema_version"
        )
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{where}schema_version {version} is not one this govtrack reads "
            f"(1 to {SCHEMA_VERSION}); upgrade govtrack @ $.schema_version"
        )
    if "source" in data:
        raise SchemaError(
            f"{where}not a govtrack document: extra fields found (source) @ $ (a document's "
            "source, the file it was read from, is not written: pass source= to read it)"
        )
    body = {key: value for key, value in data.items() if key not in _NOT_BODY}
    tables: tuple[Table, ...] | None = None
    if version >= TABLES_SINCE:
        if not isinstance(data.get("tables", []), list):
            raise SchemaError(f"{where}not a govtrack document: tables is an array @ $.tables")
        try:
            tables = _structured(_CONVERTER, data.get("tables", []), tuple[Table, ...], "$.tables")
        except _Refused as refused:
            raise SchemaError(
                f"{where}not a govtrack document: " + "; ".join(refused.reasons)
            ) from None
    else:
        tables = ()
        if "tables" in data:
            body["tables"] = data["tables"]  # refused below as an unknown key of version 1
    token = _READ_TABLES.set(tables)
    try:
        document: Document = _structured(_CONVERTER, body, Document, "$")
    except _Refused as refused:
        raise SchemaError(
            f"{where}not a govtrack document: " + "; ".join(refused.reasons)
        ) from None
    finally:
        _READ_TABLES.reset(token)
    return document


def dumps(document: Document, *, indent: int | None = None) -> str:
    """The document as a JSON string: compact, or indented by ``indent`` spaces.

    The text is the same, byte for byte, whether or not the ``fast`` extra (orjson) is
    installed: it only writes it faster.

    >>> import govtrack as gt
    >>> print(dumps(gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),)),
    ...             indent=1))
    {
     "schema_version": 2,
     "plans": [
      {
       "actions": [
        {
         "text": "Hire"
        }
       ]
      }
     ]
    }
    >>> dumps(gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),)))
    '{"schema_version":2,"plans":[{"actions":[{"text":"Hire"}]}]}'
    """
    return encode(_to_data(document, for_caller=False), indent=indent)


def encode(data: Any, *, indent: int | None = None, fast: bool = True) -> str:
    """JSON-ready data as text, as :func:`dumps` writes it; by orjson when it can.

    For the data :func:`to_data` makes (objects, arrays, strings, integers, booleans,
    null), orjson writes what the standard library writes with these options (compact
    separators, or ``indent`` 2; UTF-8 text, not ``\\u`` escapes). It refuses a lone
    surrogate and an integer beyond 64 bits; the standard library then writes the
    integer, and a lone surrogate is refused too.

    Raises:
        WriteError: A text holds a lone surrogate (``"\\ud800"``), which UTF-8 cannot
            encode: the text could be neither saved nor sent. The message gives its path.
    """
    if (
        fast
        and _orjson_dumps is not None
        and (indent is None or (type(indent) is int and indent == 2))
    ):
        try:
            return _orjson_dumps(data, option=_INDENT_2 if indent else 0).decode()
        except TypeError:  # orjson.JSONEncodeError: the standard library decides
            pass
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    if not text.isascii():  # isascii is O(1); encoding, in C, finds a lone surrogate
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            found = error.object[error.start : error.end]
            raise WriteError(
                f"cannot write this document as JSON: it holds {found!r}, a lone surrogate "
                "that UTF-8 cannot encode (text decoded with errors='surrogateescape'?) "
                f"@ {_surrogate_path(data, '$')}"
            ) from None
    return text


def _surrogate_path(data: Any, path: str) -> str:
    """The JSON path of the first text in ``data`` (a value, or a key) with a lone
    surrogate; ``path`` when there is none below (called once one is known to be there)."""
    if isinstance(data, str):
        return path
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and _has_surrogate(key):
                return f"{path}.{key.encode('utf-8', 'backslashreplace').decode()}"
            if _has_surrogate_below(value):
                return _surrogate_path(value, f"{path}.{key}")
    if isinstance(data, (list, tuple)):  # a tuple: responsible parties, in dumps
        for index, value in enumerate(data):
            if _has_surrogate_below(value):
                return _surrogate_path(value, f"{path}[{index}]")
    return path


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _has_surrogate_below(data: Any) -> bool:
    if isinstance(data, str):
        return _has_surrogate(data)
    if isinstance(data, dict):
        return any(_has_surrogate(key) or _has_surrogate_below(v) for key, v in data.items())
    if isinstance(data, (list, tuple)):
        return any(_has_surrogate_below(value) for value in data)
    return False


def loads(text: str, *, source: str = "") -> Document:
    """A Document from a JSON string.

    Args:
        text: The JSON text.
        source: A file name to record as the document's ``source`` and in messages.

    Returns:
        The Document.

    Raises:
        SchemaError: The text is not JSON, or not a govtrack document; the message
            gives the JSON path and the reason. For text that is not JSON, its
            ``location`` gives the line (and the file), and the message the column.

    >>> loads('{"schema_version": 1, "plans": [{"actions": [{"txt": "x"}]}]}')
    Traceback (most recent call last):
    ...
    govtrack._errors.SchemaError: not a govtrack document: required field missing @ $.plans[0].actions[0].text; extra fields found (txt) @ $.plans[0].actions[0]
    >>> try:
    ...     loads('{"schema_version": 2,\\n "plans": [}', source="store.json")
    ... except SchemaError as error:
    ...     print(error.location.line, error)
    2 store.json: line 2: not JSON: Expecting value at column 12
    """  # noqa: E501 - doctest output is one line
    where = f"{source}: " if source else ""
    try:
        with collector_paused():
            data = json.loads(text)
    except json.JSONDecodeError as error:
        # The file and line are the error's location, printed first ("x.json: line 3: ").
        raise SchemaError(
            f"not JSON: {error.msg.removesuffix(' at')} at column {error.colno}",
            location=Location(file=source, line=error.lineno),
        ) from None
    except RecursionError:
        raise SchemaError(
            f"{where}not JSON that govtrack reads: nested more than {MAX_DEPTH} levels deep"
        ) from None
    except ValueError:  # an integer of thousands of digits, which int() refuses
        raise SchemaError(
            f"{where}not JSON that govtrack reads: a number of thousands of digits"
        ) from None
    return from_data(data, source=source)


def sniff(text: str) -> float:
    """How surely ``text`` is a govtrack JSON document."""
    head = text.lstrip()[:200]
    if not head.startswith("{"):
        return 0.0
    return 1.0 if '"schema_version"' in text[:4096] else 0.5


# ---------------------------------------------------------------------------
# JSON Schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of govtrack's JSON document.

    It describes what :func:`dumps` writes for this ``SCHEMA_VERSION``, so another
    program can check a document, or generate types, without govtrack. It takes no
    arguments and raises nothing.

    Returns:
        A new dict, the schema (with ``$schema``, ``$id``, ``properties`` and ``$defs``),
        ready for ``json.dumps``.

    >>> schema = json_schema()
    >>> schema["properties"]["schema_version"]["const"]
    2
    >>> sorted(schema["$defs"])[:3]
    ['Action', 'ActionPlan', 'Activity']
    """
    defs: dict[str, Any] = {}
    root = _class_schema(Document, defs)
    defs["Table"] = _class_schema(Table, defs)
    root["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION, "description": "the format's version"},
        "tables": {
            "type": "array",
            "items": {"$ref": "#/$defs/Table"},
            "description": "what the origins of each table's rows share, named by index",
        },
        **root["properties"],
    }
    location = defs["Location"]
    location["properties"] = {
        "table": {
            "type": "integer",
            "minimum": 0,
            "description": "the index in tables of the file, sheet, columns and labels",
        },
        **location["properties"],
    }
    # An origin that names a table takes the shared part from it, and gives none.
    location["not"] = {
        "required": ["table"],
        "anyOf": [{"required": [key]} for key in sorted(_SHARED)],
    }
    root["required"] = ["schema_version", *root.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://govtrack.invalid/schema/document-{SCHEMA_VERSION}.json",
        "title": "govtrack document",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init or (cls is Document and field.name == "source"):
            continue
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    return schema


def _type_schema(tp: Any, defs: dict[str, Any], *, tagged: bool = True) -> dict[str, Any]:
    if tp is Action and not tagged:
        if "Action" not in defs:
            defs["Action"] = {}
            defs["Action"] = _class_schema(Action, defs)
        return {"$ref": "#/$defs/Action"}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in {typing.Union, types.UnionType}:
        return {"anyOf": [_type_schema(arg, defs) for arg in args]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    simple: dict[Any, dict[str, Any]] = {
        type(None): {"type": "null"},
        str: {"type": "string"},
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        float: {"type": "number"},
        # Every date written is an RFC 3339 full-date; a time is not an RFC 3339 full-time
        # (which has an offset), so its shape is a pattern, not "format": "time".
        dt.date: {"type": "string", "format": "date", "pattern": f"^{_DATE_PATTERN}$"},
        dt.time: {
            "type": "string",
            "pattern": f"^{_TIME_PATTERN}$",
            "description": "HH:MM:SS, with .ffffff and a UTC offset (+HH:MM) if it has them",
        },
        FrozenMap: {"type": "object", "additionalProperties": {"type": "string"}},
    }
    if tp in simple:
        return simple[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if tp is Action:
        variants = [_type_schema(Action, defs, tagged=False)]
        for kind, cls in KINDS.items():
            name = f"{cls.__name__}InPlace"
            if name not in defs:
                _type_schema(cls, defs)
                variant = dict(defs[cls.__name__])
                variant["properties"] = {"kind": {"const": kind}, **variant["properties"]}
                variant["required"] = ["kind", *variant.get("required", [])]
                defs[name] = variant
            variants.append({"$ref": f"#/$defs/{name}"})
        return {"anyOf": variants}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Indicator.targets)
            defs[name] = _class_schema(tp, defs)
            if tp is Due:
                defs[name]["description"] = "a deadline: the text, and the first and last day"
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type
