"""Refs written at the start of an action's text (``1.1 Conduct a survey``, ``a) Draft…``).

Partners often number key actions inside the action cell rather than in a ref column.
The Excel reader and the text matrix reader share these rules, so that both read the
same ref out of the same text (see the Excel reader's "Refs inside action texts"):

- A list marker (``1.``, ``1)``, ``1.2.``, ``(1)``, ``a)``, ``(a)``, ``a.``, ``A)``,
  ``(ii)``) followed by one space and the text is a ref, with no context.
- A bare dotted number (``1.1``, ``2.3.1``) is how a decimal starts a sentence
  (``1.5 million people reached``), so it is a ref only when no quantity word follows
  it and it fits the table (:func:`outline_fits`).
- Anything else (``2023 survey``, ``3 workshops``, a date, ``10.`` alone, a ref followed
  by a line break or two spaces) is no ref.

The ref is kept as written and the text is the rest, so ``f"{ref} {text}"`` gives the
cell back: nothing is lost.

Scope prefixes (``KAZ: Chair the theme group``) are shared the same way
(:func:`split_scope`): two to four capital letters, a colon and the text make the
letters the action's scope, in a table with no Scope column, unless the letters are a
note word (``NB``, ``TBC``) or name a function rather than a place (``HR``, ``ICT``):
:data:`NOT_SCOPES`. Each reader reports the first split of a table (an info problem), so
that it is never silent.
"""

from __future__ import annotations

import re

__all__ = [
    "LEADING_REF",
    "NOT_SCOPES",
    "QUANTITY_WORDS",
    "REF_FIRST",
    "REF_SECOND",
    "SCOPE_PREFIX",
    "outline_fits",
    "outline_follows",
    "outline_parts",
    "split_leading_ref",
    "split_scope",
]

LEADING_REF = re.compile(
    r"(?P<ref>(?P<outline>[0-9]{1,3}(?:\.[0-9]{1,3})+)"  # 1.1, 2.3.1: judged by outline_fits
    r"|[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|\([0-9]{1,3}\)"  # 1.  1)  1.2.  1.2)  (1)
    r"|[a-z][.)]|[A-Z]\)|\((?:[A-Za-z]|[ivx]{2,4})\)"  # a.  a)  A)  (a)  (A)  (ii)
    r") (?=\S)"  # one space, then the text
)
"""A ref leading an action's text, then one space (the match's end is where the text starts)."""
# What every LEADING_REF match starts with: a digit or "(" first, or "." or ")" second.
# Tested first (a third of the regex's cost on the usual text, "Conduct a survey").
REF_FIRST = frozenset("0123456789(")
"""The characters a :data:`LEADING_REF` match may start with."""
REF_SECOND = frozenset(".)")
"""The second characters of a :data:`LEADING_REF` match that starts with a letter."""
_OUTLINE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3})*")
# Words after a number that make it a quantity, not a ref ("1.5 million", "2.1 km").
QUANTITY_WORDS = frozenset(
    {"%", "percent", "per", "pct", "million", "millions", "billion", "billions", "thousand",
     "thousands", "hundred", "lakh", "lakhs", "crore", "crores", "mn", "bn", "m", "km", "km2",
     "m2", "cm", "mm", "kg", "tons", "tonnes", "ha", "hectares", "litres", "liters", "usd",
     "us$", "eur", "gbp", "$", "€", "times", "pp", "hours", "hrs", "days", "weeks", "months",
     "years"}
)  # fmt: skip
"""Words after a number that make it a quantity (``1.5 million``, ``2.1 km``), not a ref."""


def outline_parts(ref: str) -> tuple[int, ...] | None:
    """The numbers of a numeric ref (``1``, ``1.2.``, ``(3)``), or None for any other ref.

    >>> outline_parts("1.2."), outline_parts("a)"), outline_parts("")
    ((1, 2), None, None)
    """
    core = ref.strip().strip("().")
    if not _OUTLINE.fullmatch(core):
        return None
    return tuple(int(part) for part in core.split("."))


def outline_follows(parts: tuple[int, ...], previous: tuple[int, ...] | None) -> bool:
    """Whether an outline number can come next after ``previous`` (None: nothing before).

    Next is a sibling at some level followed by first children (``1.2`` or
    ``2.1`` after ``1.1``), or a first child (``1.1.1`` after ``1.1``); with
    nothing before, a first item (``1.1``, ``2.1``, not ``1.5``).

    >>> outline_follows((1, 2), (1, 1)), outline_follows((2, 1), (1, 3))
    (True, True)
    >>> outline_follows((1, 5), (1, 1)), outline_follows((1, 5), None)
    (False, False)
    """
    if previous is None:
        return all(part == 1 for part in parts[1:])
    for level, number in enumerate(previous):
        if len(parts) > level and parts[:level] == previous[:level] and parts[level] == number + 1:
            return all(part == 1 for part in parts[level + 1 :])
    depth = len(previous)
    return len(parts) > depth and parts[:depth] == previous and all(p == 1 for p in parts[depth:])


def outline_fits(outline: str, text: str, end: int, *, parent: str | None, last_ref: str) -> bool:
    """Whether a bare dotted number leading a text is a ref in its table.

    It is not when a quantity word follows it (``1.5 million``). Under a parent with a
    numeric ref (a recommendation ``3``) it must extend that ref (``3.1``, not ``1.5``);
    otherwise it must come next in an outline after ``last_ref``, the last action ref
    read in the table (``1.2`` after ``1.1``, ``2.1`` after ``1.3``), or, with no numeric
    ref before it, start one (``1.1``, ``3.1``).

    Args:
        outline: The dotted number (the ``outline`` group of :data:`LEADING_REF`).
        text: The action's text.
        end: Where the text after the ref starts (the match's end).
        parent: The ref of the record the action belongs to (a recommendation's), or
            None when there is none.
        last_ref: The last action ref read in the table, or ``""``.

    Returns:
        True when the number is read as the action's ref.

    >>> outline_fits("1.2", "1.2 Train staff", 4, parent=None, last_ref="1.1")
    True
    >>> outline_fits("1.5", "1.5 million reached", 4, parent=None, last_ref="1.4")
    False
    >>> outline_fits("1.5", "1.5 more hours", 4, parent="3", last_ref="")
    False
    """
    word = text[end : end + 16].split(None, 1)[0].casefold().rstrip(".,;:)")
    if word in QUANTITY_WORDS:
        return False
    parts = tuple(int(part) for part in outline.split("."))
    numbers = outline_parts(parent) if parent is not None else None
    if numbers is not None:
        depth = len(numbers)
        return len(parts) > depth and parts[:depth] == numbers
    return outline_follows(parts, outline_parts(last_ref))


def split_leading_ref(
    text: str, *, parent: str | None = None, last_ref: str = ""
) -> tuple[str, str] | None:
    """The ref a text starts with and the rest of the text, or None when it starts with none.

    Args:
        text: An action's text, after any ``KAZ:`` scope.
        parent: The ref of the record the action belongs to, or None (see
            :func:`outline_fits`).
        last_ref: The last action ref read in the table, or ``""``.

    Returns:
        ``(ref, rest)`` with ``f"{ref} {rest}" == text``, or None.

    >>> split_leading_ref("1.1 Conduct a survey")
    ('1.1', 'Conduct a survey')
    >>> split_leading_ref("(b) Tender the works"), split_leading_ref("2023 survey done")
    (('(b)', 'Tender the works'), None)
    >>> split_leading_ref("1.5 Train staff", last_ref="1.1") is None
    True
    """
    if not text or not (text[0] in REF_FIRST or text[1:2] in REF_SECOND):
        return None
    match = LEADING_REF.match(text)
    if match is None:
        return None
    end = match.end()
    outline = match.group("outline")
    if outline is not None and not outline_fits(
        outline, text, end, parent=parent, last_ref=last_ref
    ):
        return None
    return match.group("ref"), text[end:]


SCOPE_PREFIX = re.compile(r"[ \t]*(?P<scope>[A-Z]{2,4})[ \t]*:\s*(?=\S)")
"""A scope prefix leading an action's text: two to four capitals and a colon (``KAZ:``,
``UZ:``), then the text (the match's end is where it starts)."""

NOT_SCOPES = frozenset(
    {"NB", "PS", "FYI", "TBD", "TBC", "NOTE", "NA", "RE", "CC", "ETA", "ASAP", "NEW", "DONE",
     "HR", "ICT", "IT", "PR", "QA", "HQ", "FIN", "ADM", "OPS", "LOG", "MEL", "MEAL", "TWG",
     "TOR", "TORS", "MOU", "AOB", "FAQ", "SOP", "SOPS"}
)  # fmt: skip
"""Capitals before a colon that are no scope: note words (``NB:``, ``TBC:``) and the
functions and documents of an organisation (``HR:``, ``ICT:``, ``TOR:``), which name no
country or office. ``HR: Recruit two officers`` keeps its text whole."""


def split_scope(text: str) -> tuple[str, str]:
    """The scope prefix of an action's text and the rest, or ``("", text)``.

    Args:
        text: The action's text, as its cell holds it.

    Returns:
        ``(scope, rest)``: the capitals and the text after the colon and its spaces, or
        ``("", text)`` when the text has no scope prefix (:data:`SCOPE_PREFIX`, not one
        of :data:`NOT_SCOPES`).

    >>> split_scope("KAZ: Chair the theme group"), split_scope("UZ:  Map shelters")
    (('KAZ', 'Chair the theme group'), ('UZ', 'Map shelters'))
    >>> split_scope("HR: Recruit two officers"), split_scope("COVID: adapt the plan")
    (('', 'HR: Recruit two officers'), ('', 'COVID: adapt the plan'))
    >>> split_scope("KAZ:")
    ('', 'KAZ:')
    """
    if ":" not in text or (match := SCOPE_PREFIX.match(text)) is None:
        return "", text
    scope = match["scope"]
    if scope in NOT_SCOPES:
        return "", text
    return scope, text[match.end() :]
