"""Pausing the cyclic garbage collector while many acyclic records are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile.

    govtrack's records and the JSON data they come from are acyclic (frozen attrs
    objects, tuples, dicts of strings), so the collector finds nothing in them; but a
    full collection walks every live object, and building 100,000 records sets off
    several (a fifth to a third of the time). Reference counting frees everything as
    usual meanwhile. Nor is the first collection afterwards left to walk them all:
    unless something is frozen already (a server about to fork), the survivors are
    moved to the oldest generation at once, by freezing and unfreezing everything, as
    collections that found them alive would have moved them.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
