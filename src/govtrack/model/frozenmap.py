"""An immutable, hashable mapping of text to text: unknown columns, column maps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

__all__ = ["EMPTY", "FrozenMap"]


class FrozenMap(Mapping[str, str]):
    """An immutable, hashable, ordered mapping of text to text (an action's unknown columns).

    >>> extra = FrozenMap({"Budget": "USD 10,000"})
    >>> extra["Budget"], dict(extra) == {"Budget": "USD 10,000"}
    ('USD 10,000', True)
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._data: dict[str, str] = dict(data)
        self._hash: int | None = None

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


def _frozen_map(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> FrozenMap:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


EMPTY = FrozenMap()
"""The empty FrozenMap, shared as the default of every ``extra`` and column map (immutable)."""
