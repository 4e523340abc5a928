"""The one rule for a status cell that holds no status word, shared by the readers of
work plans and progress reports (:mod:`govtrack.io.excel`, :mod:`govtrack.io.progress`):
a narrative (``Postponed to August``) goes to the comments, and validation says the status
is missing (GT112); a short unknown word (``Stalled``, ``On hold``) stays the status text
and is reported as an unknown status word (GT101).
"""

from __future__ import annotations

import re

__all__ = ["status_narrative"]

_NARRATIVE_WORDS = 3
"""A status cell of more words than this, which is no status word, is a narrative."""
_NARRATIVE_LINKS = frozenset(
    {"to", "the", "a", "an", "by", "with", "for", "until", "till", "since", "because",
     "due", "after", "before", "from", "at", "of", "in", "is", "are", "was", "were", "has",
     "have", "had", "will", "being", "been", "held", "done", "sent", "made", "taken",
     "given", "begun", "paid", "met", "set", "put", "out", "under", "on", "into", "over",
     "within", "without", "about", "as", "per", "via"}
)  # fmt: skip
"""Words that, after a status cell's first word, make it a clause (``Postponed to August``,
``Interviews held``) rather than a status word of a few words (``On hold``)."""
_SENTENCE_MARK = re.compile(r"[.!?;:](?:\s|$)")


def status_narrative(text: str) -> bool:
    """Whether a Status cell that holds no status word is a narrative (moved to the comments
    and GT112) rather than an unknown status word (kept in ``status_text`` and GT101): more
    than three words, a line break, a sentence of several words (a full stop, ``;``, ``!``,
    ``?``, ``:``), or a verb-like or linking word after the first (``Postponed to August``,
    ``Interviews held``, ``Recruitment launched``). Every sheet that reads a status cell
    judges it by this one rule, and so does the progress-report text reader.

    >>> status_narrative("Stalled"), status_narrative("On hold"), status_narrative("Stalled.")
    (False, False, False)
    >>> status_narrative("Postponed to August"), status_narrative("Recruitment launched")
    (True, True)
    >>> status_narrative("Funds late. Report in May"), status_narrative("Under review")
    (True, False)
    >>> status_narrative("Appointments under review"), status_narrative("Moved to the autumn")
    (True, True)
    """
    words = text.split()
    if len(words) > _NARRATIVE_WORDS or "\n" in text.strip():
        return True
    if len(words) < 2:  # one word is a label, whatever its punctuation
        return False
    if _SENTENCE_MARK.search(text.strip()):
        return True
    return any(
        (word := raw.lower().strip(",()")) in _NARRATIVE_LINKS
        or (len(word) > 3 and word.endswith("ed"))  # "launched", not "red"
        for raw in words[1:]
    )
