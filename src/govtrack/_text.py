"""Small text helpers shared by the readers, the rules and the listings."""

from __future__ import annotations

__all__ = ["fold", "one_line"]


def fold(text: str) -> str:
    """The text with runs of whitespace as one space, trimmed, and case folded: what is
    compared when a re-typed cell must not count as another text.

    >>> fold("  Train the\\n District  STAFF ")
    'train the district staff'
    """
    return " ".join(text.split()).casefold()


def one_line(text: str, width: int | None = None, *, at_word: bool = False) -> str:
    """``text`` on one line, its runs of spaces and line breaks made single spaces; with
    ``width``, at most that many characters, an ellipsis marking a cut (made at a word's
    end with ``at_word``, for a quote in a message).

    >>> one_line("Map the clinics:\\n(i) north;\\n(ii) south", 24)
    'Map the clinics: (i) no…'
    >>> one_line("Map the clinics:\\n(i) north;\\n(ii) south", 24, at_word=True)
    'Map the clinics: (i)…'
    """
    line = " ".join(text.split())
    if width is None or len(line) <= width:
        return line
    cut = line[: width - 1]
    if at_word and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"
