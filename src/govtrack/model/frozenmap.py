"""Immutable, hashable mappings: of text to text (unknown columns, column maps), and of
any keys to immutable values (a summary's counts)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NoReturn, TypeVar

from govtrack._errors import WrongTypeError

__all__ = ["EMPTY", "FrozenMap", "ReadOnlyMap"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMap(Mapping[str, str]):
    """An immutable, hashable, ordered mapping of text to text (an action's unknown columns).

    >>> extra = FrozenMap({"Budget": "USD 10,000"})
    >>> extra["Budget"], dict(extra) == {"Budget": "USD 10,000"}
    ('USD 10,000', True)

    ``|`` makes a changed map, as it does for a dict (the right side wins); a record
    takes it through ``attrs.evolve``:

    >>> extra | {"Donor": "EU"}
    FrozenMap({'Budget': 'USD 10,000', 'Donor': 'EU'})
    >>> import attrs, govtrack as gt
    >>> action = gt.Action(text="Hire", extra=extra)
    >>> attrs.evolve(action, extra=action.extra | {"Budget": "USD 12,000"}).extra["Budget"]
    'USD 12,000'

    It is immutable, so a copy (shallow or deep) is the map itself. It holds text only,
    as a record's fields do: a key or a value that is not a str is refused when the map
    is made, by ``|`` as by a record (``Action(extra={"n": 5})``), not when it is written:

    >>> extra | {"Staff": 2}  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govtrack._errors.WrongTypeError: a FrozenMap maps text to text: 'Staff' maps to int 2; ...
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._data: dict[str, str] = dict(data)
        self._hash: int | None = None
        for key, value in self._data.items():  # exact types first: a reader's row is quick
            if key.__class__ is not str or value.__class__ is not str:
                _check_texts(self._data)
                break

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))  # equal maps, any order
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __or__(self, other: Mapping[str, str]) -> FrozenMap:
        if not isinstance(other, Mapping):
            return NotImplemented
        return FrozenMap({**self._data, **other})

    def __ror__(self, other: Mapping[str, str]) -> FrozenMap:
        if not isinstance(other, Mapping):
            return NotImplemented
        return FrozenMap({**other, **self._data})

    def __copy__(self) -> FrozenMap:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenMap:
        return self

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, str]]]:
        return (type(self), (self._data,))


class ReadOnlyMap(dict[_K, _V]):
    """An immutable, hashable, ordered mapping of any keys to immutable values (a
    :class:`~govtrack.Summary`'s counts and lists); printed as the dict it holds.

    >>> counts = ReadOnlyMap({"done": 2, "late": 1})
    >>> counts, counts == {"done": 2, "late": 1}, hash(counts) == hash(ReadOnlyMap(counts))
    ({'done': 2, 'late': 1}, True, True)
    >>> counts["done"] = 3
    Traceback (most recent call last):
    ...
    govtrack._errors.WrongTypeError: 'ReadOnlyMap' object does not support item assignment

    It is a ``dict`` whose every changing method is refused, so that what treats dicts
    as data treats it so: ``attrs.asdict(summary)`` gives plain dicts of plain lists, as it
    did when a Summary held dicts, and ``json.dumps`` takes it. Like a frozen attrs
    record, which ``object.__setattr__`` can still change, it can be changed by calling
    ``dict``'s own methods on it (``dict.__setitem__(m, key, value)``): that is a
    deliberate breach, not something done by mistake, and its hash then changes with it
    (it is never cached).
    """

    __slots__ = ("_sealed",)

    def __init__(self, data: Mapping[_K, _V] | Iterable[tuple[_K, _V]] = ()) -> None:
        if getattr(self, "_sealed", False):  # m.__init__(other) would update it in place
            self._refuse()
        super().__init__(data)
        self._sealed = True

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        del args, kwargs
        raise WrongTypeError(f"{type(self).__name__!r} object is read-only")

    def __setitem__(self, key: _K, value: _V) -> NoReturn:
        raise WrongTypeError(f"{type(self).__name__!r} object does not support item assignment")

    def __delitem__(self, key: _K) -> NoReturn:
        raise WrongTypeError(f"{type(self).__name__!r} object does not support item deletion")

    def __setattr__(self, name: str, value: object) -> None:
        if name != "_sealed" or getattr(self, "_sealed", False):
            raise AttributeError(f"{type(self).__name__!r} object is read-only")
        object.__setattr__(self, name, value)

    clear = pop = popitem = setdefault = update = _refuse

    def __ior__(self, other: object) -> NoReturn:  # type: ignore[misc] # refused, not an update
        self._refuse()

    def __hash__(self) -> int:  # type: ignore[override] # a dict is unhashable; this is not
        return hash(frozenset(self.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self) == dict(other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __copy__(self) -> ReadOnlyMap[_K, _V]:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> ReadOnlyMap[_K, _V]:
        return self

    def __reduce__(self) -> tuple[type[ReadOnlyMap[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self),))


def _check_texts(data: dict[Any, Any]) -> None:
    """Refuse a key or a value that is not a str (a subclass of str is text)."""
    for key, value in data.items():
        if not isinstance(key, str):
            raise WrongTypeError(
                f"a FrozenMap maps text to text: the key {key!r} is {type(key).__name__}; "
                f"write it as text ({str(key)!r})"
            )
        if not isinstance(value, str):
            fix = "leave the key out" if value is None else f"write it as text ({str(value)!r})"
            raise WrongTypeError(
                f"a FrozenMap maps text to text: {key!r} maps to {type(value).__name__} "
                f"{value!r}; {fix}"
            )


def _frozen_map(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> FrozenMap:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


EMPTY = FrozenMap()
"""The empty FrozenMap, shared as the default of every ``extra`` and column map (immutable)."""
