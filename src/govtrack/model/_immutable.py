"""Copying records: an immutable record is its own copy, shallow or deep.

``copy.deepcopy`` of a record would otherwise rebuild every record, tuple and map below
it (seconds for a document of 50,000 actions) to make objects equal to, and as
unchangeable as, the ones it had.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

import attrs

__all__ = ["shared_when_copied"]

_T = TypeVar("_T", bound=type)

_SHARED: set[type] = set()
"""The classes marked by :func:`shared_when_copied`: every field of theirs is immutable."""


def _copy(self: Any) -> Any:
    return self


def _deepcopy(self: Any, memo: dict[int, Any]) -> Any:
    cls = type(self)
    if cls in _SHARED:
        return self
    # A subclass made elsewhere may add a field that can change (a list): copy it field
    # by field, as copy.deepcopy would, so the copy shares none of it.
    new = object.__new__(cls)
    memo[id(self)] = new
    for field in attrs.fields(cls):
        object.__setattr__(new, field.name, copy.deepcopy(getattr(self, field.name), memo))
    for name, value in getattr(self, "__dict__", {}).items():
        object.__setattr__(new, name, copy.deepcopy(value, memo))
    return new


def shared_when_copied(cls: _T) -> _T:
    """Mark a frozen record class whose fields are all immutable (texts, numbers, dates,
    enums, tuples, FrozenMaps and such records): ``copy.copy`` and ``copy.deepcopy`` of
    one of its records give the record itself.

    A subclass inherits the methods but not the mark: its deep copies are made field by
    field, since a field it adds may be mutable.

    >>> import copy
    >>> @shared_when_copied
    ... @attrs.frozen
    ... class Point:
    ...     x: int
    >>> point = Point(1)
    >>> copy.deepcopy(point) is point
    True
    >>> @attrs.frozen
    ... class Tagged(Point):
    ...     tags: list[str]
    >>> tagged = Tagged(1, ["a"])
    >>> copy.deepcopy(tagged) == tagged, copy.deepcopy(tagged).tags is tagged.tags
    (True, False)
    """
    _SHARED.add(cls)
    cls.__copy__ = _copy  # type: ignore[attr-defined]  # set on the class attrs made
    cls.__deepcopy__ = _deepcopy  # type: ignore[attr-defined]
    return cls
