"""The exception hierarchy: one base, each subclass also a matching builtin.

>>> import govtrack as gt
>>> issubclass(gt.DueParseError, gt.GovtrackError) and issubclass(gt.DueParseError, ValueError)
True

So a caller may catch the builtin it expects, or every error govtrack raises at once:

>>> try:
...     doc = gt.load("/nonexistent/tracker.json")
... except FileNotFoundError:
...     doc = gt.Document()
>>> doc == gt.Document()
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govtrack.model.location import Location

__all__ = [
    "AmbiguousDateError",
    "ArgumentError",
    "DueParseError",
    "FormatError",
    "GovtrackError",
    "MissingFileError",
    "NotAFileError",
    "ReadError",
    "ReadPermissionError",
    "SchemaError",
    "UnknownCodeError",
    "UnsupportedFormatError",
    "WriteError",
    "WrongTypeError",
]

_LINE_BREAKS = str.maketrans(
    {char: repr(char)[1:-1] for char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
)


class GovtrackError(Exception):
    r"""Base of every exception govtrack raises on purpose.

    Its message is one line, always: a line break that comes with a file's own text
    (a part or sheet name in a hostile workbook) is shown escaped.

    >>> print(GovtrackError("part xl/a\nb.xml is broken"))
    part xl/a\nb.xml is broken
    """

    def __str__(self) -> str:
        return super().__str__().translate(_LINE_BREAKS)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default pickles as cls(*args), but args hold the message a subclass made from
        # its own arguments (DueParseError(text, reason)): rebuild without calling __init__,
        # then restore the attributes, the OSError fields among them. So an error crosses a
        # process boundary (a worker pool) whole, a subclass with new arguments included.
        state = dict(vars(self))
        if isinstance(self, OSError):
            fields = ("errno", "strerror", "filename", "filename2")
            # Only those set: OSError's message changes once a field is set, even to None.
            state.update(
                (name, getattr(self, name)) for name in fields if getattr(self, name) is not None
            )
        return (_rebuild, (type(self), self.args), state)


def _rebuild(cls: type[GovtrackError], args: tuple[Any, ...]) -> GovtrackError:
    """An error of class ``cls`` with ``args``, its ``__init__`` not called (pickle then
    restores its attributes)."""
    error = cls.__new__(cls)
    error.args = args
    return error


class DueParseError(GovtrackError, ValueError):
    """A deadline text that cannot be read as a date, a month, a quarter, a year or a range."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason
        detail = f": {reason}" if reason else ""
        super().__init__(f"cannot read deadline {text!r}{detail}")


class AmbiguousDateError(DueParseError):
    """A numeric date such as ``03/04/2024`` that reads as two different days."""


class FormatError(GovtrackError, ValueError):
    """The input is not in the format it was read as (or in none that govtrack knows).

    ``location`` says where reading stopped, when that is known; the message starts with
    it, the file first (``bad.json: line 2: …``), as the other errors name their file.
    """

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.location = location
        where = f"{location.cite()}: " if location is not None and location.cite() else ""
        super().__init__(f"{where}{message}")


class SchemaError(FormatError):
    """A JSON document that is JSON but not a govtrack document; the message gives the path."""


class UnsupportedFormatError(GovtrackError, ValueError):
    """A file suffix or ``format=`` value that govtrack has no reader or writer for."""


class UnknownCodeError(GovtrackError, ValueError):
    """A code or code prefix given to select or ignore problems that no known code starts
    with (a typo such as ``GT11O`` would otherwise select nothing, or ignore nothing)."""


class ArgumentError(GovtrackError, ValueError):
    """An argument outside what a function accepts (``reminders(within=-1)``)."""


class WrongTypeError(GovtrackError, TypeError):
    """A value of the wrong type given to a record or a function (``Action(status="ongoing")``),
    or a change to an immutable object (a Summary's counts), where Python's own immutable
    types raise a TypeError.

    It is also a :class:`TypeError`, so ``except TypeError`` catches it as before.

    >>> import govtrack as gt
    >>> try:
    ...     gt.Action(text="x", status="ongoing")
    ... except TypeError as error:
    ...     isinstance(error, gt.GovtrackError)
    True
    """


class ReadError(GovtrackError, OSError):
    """A file that cannot be opened for reading; a subclass says why when a builtin does.

    ``filename`` and ``errno`` are those of the operating system's error, as on any
    OSError; the message is govtrack's one line.

    >>> error = ReadError("cannot read x.json: Permission denied", filename="x.json", errno=13)
    >>> str(error), error.filename, error.errno
    ('cannot read x.json: Permission denied', 'x.json', 13)
    """

    def __init__(
        self, message: str, *, filename: str | None = None, errno: int | None = None
    ) -> None:
        super().__init__(message)
        self.filename = filename
        self.errno = errno

    def __str__(self) -> str:
        # OSError prints "[Errno 2] ...: 'x'" once errno and filename are set: the message
        # is govtrack's own.
        return str(self.args[0] if self.args else "").translate(_LINE_BREAKS)


class MissingFileError(ReadError, FileNotFoundError):
    """A file that does not exist (also a :class:`FileNotFoundError`)."""


class NotAFileError(ReadError, IsADirectoryError):
    """A path that names a folder where a file was expected (also an :class:`IsADirectoryError`)."""


class ReadPermissionError(ReadError, PermissionError):
    """A file the process may not read (also a :class:`PermissionError`)."""


class WriteError(GovtrackError, OSError):
    """A document that cannot be written as asked (the previous file, if any, is left whole)."""
