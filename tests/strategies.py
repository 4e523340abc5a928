"""Hypothesis strategies for every model record; every field of every class is drawn here.

A new model field gets a strategy here in the same change (``test_strategies_cover_every_field``
checks it).
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io.columns import ALIASES, header_key, merge_aliases, normalise_header
from govtrack.io.excel import _RANGE_WORDS
from govtrack.io.gate import COMMON_WORDS_NEAR_STATUS
from govtrack.model.status import STATUS_SYNONYMS, fold_status_word, near_status

# Text as people type it: letters, digits, punctuation, non-ASCII, no control characters
# and no surrogates. ``lines`` may hold line breaks.
_CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc", "Co", "Cn"),
    blacklist_characters="\u2028\u2029\u0085",
)
words = st.text(_CHARACTERS, min_size=1, max_size=20).map(str.strip).filter(bool)
texts = st.text(_CHARACTERS, max_size=40)
lines = st.lists(texts, max_size=3).map("\n".join)
# A cell note's text: any character but surrogates (Excel stores control characters and a
# carriage return as _xHHHH_ escapes).
note_texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60)
refs = st.one_of(
    st.just(""),
    st.integers(1, 20).map(str),
    st.tuples(st.integers(1, 9), st.integers(1, 9)).map(lambda p: f"{p[0]}.{p[1]}"),
    st.sampled_from("abcdef").map(lambda c: f"{c})"),
)
parties = st.lists(words, max_size=3).map(tuple)


@st.composite
def _punctuated_party(draw: st.DrawFn, joins: st.SearchStrategy[str]) -> str:
    names = draw(st.lists(words, min_size=1, max_size=4))
    return names[0] + "".join(draw(joins) + name for name in names[1:])


_PARTY_JOINS = (", ", ",", "; ", ";", " and ", " (", ") ", "(", ")", "[", "]", " / ", "\\", " | ")
punctuated_parties = st.lists(_punctuated_party(st.sampled_from(_PARTY_JOINS)), max_size=3).map(
    tuple
)
"""Responsible parties whose names hold what readers split at: ``,``, ``;``, ``and``,
brackets paired or not, pipes, backslashes."""
broken_parties = st.lists(
    _punctuated_party(st.sampled_from((*_PARTY_JOINS, "\n", " (\n", "\n)"))), max_size=3
).map(tuple)
"""As ``punctuated_parties``, with line breaks inside the names as well."""

# Refs as partners type them at the start of a key action's text, with no ref column.
_ref_numbers = st.lists(st.integers(1, 999), min_size=1, max_size=3).map(
    lambda parts: ".".join(map(str, parts))
)
list_markers = st.one_of(
    st.tuples(_ref_numbers, st.sampled_from(".)")).map("".join),
    st.integers(1, 999).map(lambda number: f"({number})"),
    st.sampled_from(string.ascii_lowercase).flatmap(
        lambda c: st.sampled_from((f"{c})", f"({c})", f"{c}."))
    ),
    st.sampled_from(string.ascii_uppercase).flatmap(lambda c: st.sampled_from((f"{c})", f"({c})"))),
    st.sampled_from(("(ii)", "(iii)", "(iv)", "(vi)", "(xii)")),
)
"""Refs that lead a text as list markers (``1.``, ``1.2)``, ``(3)``, ``a)``, ``(b)``, ``c.``):
the Excel reader reads them from an action's text with no context."""
outline_refs = st.lists(st.integers(1, 999), min_size=2, max_size=3).map(
    lambda parts: ".".join(map(str, parts))
)
"""Bare dotted refs (``1.2``, ``2.3.1``), which the Excel reader reads from a text only
when they fit the table (a decimal starts sentences that way)."""


@st.composite
def outlines(draw: st.DrawFn) -> list[str]:
    """A run of dotted refs in outline order: ``1.1``, ``1.2``, ``2.1``, ``2.1.1``, ``2.2``…"""
    refs: list[str] = []
    for section in range(1, draw(st.integers(1, 3)) + 1):
        for item in range(1, draw(st.integers(1, 3)) + 1):
            refs.append(f"{section}.{item}")
            refs.extend(f"{section}.{item}.{sub}" for sub in range(1, draw(st.integers(0, 2)) + 1))
    return refs


honorifics = st.sampled_from(
    ["Mr.", "Ms.", "Mrs.", "Dr.", "Eng.", "Hon.", "Prof.", "Amb.", "Rev.", "Gen.", "Col.", "Capt.",
     "Sen.", "Rt. Hon.", "H.E.", "Ms", "Eng"]
)  # fmt: skip
"""A title before a person's name, most with a full stop that ends no sentence."""
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
years = st.integers(1990, 2060)


@st.composite
def _ranges(draw: st.DrawFn) -> gt.Due:
    start = draw(dates)
    end = draw(st.dates(min_value=start, max_value=dt.date(2060, 12, 31)))
    return gt.Due.range(start, end)


dues: st.SearchStrategy[gt.Due] = st.one_of(
    dates.map(gt.Due.day),
    st.builds(gt.Due.month, years, st.integers(1, 12)),
    st.builds(gt.Due.quarter, years, st.integers(1, 4)),
    st.builds(gt.Due.half, years, st.integers(1, 2)),
    years.map(gt.Due.year),
    _ranges(),
)
"""Deadlines of every precision, each with its canonical text."""

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_LEADS = ("", "by ", "End of ", "by the end of ", "end ", "end-", "by end ", "end-of-")
"""Lead-in words that leave the span as it is (``by end June 2024`` is June 2024)."""
_MONTH_SHAPES = ("{name} {year}", "{name}-{year}", "{abbr} {year}", "{number:02}/{year}")
_QUARTER_SHAPES = (
    "Q{n}-{year}", "Quarter {n} {year}", "quarter {n}, {year}", "Qtr {n} {year}",
    "{ordinal} quarter {year}", "{word} quarter of {year}", "{year} Q{n}", "{year}-quarter {n}",
)  # fmt: skip
_HALF_SHAPES = (
    "H{n} {year}", "S{n} {year}", "S{n}-{year}", "Semester {n} {year}", "Sem {n}, {year}",
    "{ordinal} semester {year}", "{word} semester of {year}", "{word} half of {year}",
    "{year} S{n}", "{year}-H{n}",
)  # fmt: skip
_APOSTROPHE_SHAPES = (
    "Q{n} '{yy}", "Q{n} ’{yy}", "S{n} '{yy}", "H{n}-’{yy}", "'{yy}-Q{n}", "’{yy} S{n}",
)  # fmt: skip
"""A two-digit year with an apostrophe, after the period or before it: always read, as 20YY."""
_YEARS_SHAPES = (
    "{year}/{last}", "{year} / {last}", "{year}-{last}", "{year} – {last}", "{year} to {last}",
)  # fmt: skip
_FISCAL_SHAPES = (
    "FY {year}/{yy}", "FY{year}/{yy}", "FY {year}-{yy}", "FY {year}/{last}", "FY{year}-{last}",
    "fiscal year {year}/{yy}", "Financial Year {year}-{yy}", "FY {year} – {last}",
)  # fmt: skip
"""A fiscal year, named by its two calendar years (its first month is not given)."""
_ORDINALS = ("", "1st", "2nd", "3rd", "4th")
_WORDS = ("", "first", "second", "third", "fourth")


@st.composite
def _written_dues(draw: st.DrawFn) -> gt.Due:
    """A deadline written as records write it, with the Due it means.

    ``end-June 2024``, ``Quarter 1 2024``, ``S2 2024``, ``2024/2025``: the text is one of the
    shapes of the grammar (lead-in words, quarters, semesters, pairs of years), so that
    reading it tests the grammar and not only :meth:`gt.Due.render`.
    """
    year = draw(years)
    lead = draw(st.sampled_from(_LEADS))
    kind = draw(st.sampled_from(["year", "month", "quarter", "half", "years", "fiscal"]))
    if kind == "year":
        return gt.Due.year(year, f"{lead}{year}")
    if kind == "month":
        month = draw(st.integers(1, 12))
        name = _MONTH_NAMES[month - 1]
        text = draw(st.sampled_from(_MONTH_SHAPES)).format(
            name=name, abbr=name[:3], year=year, number=month
        )
        return gt.Due.month(year, month, lead + text)
    if kind == "fiscal":
        text = draw(st.sampled_from(_FISCAL_SHAPES)).format(
            year=year, yy=f"{(year + 1) % 100:02}", last=year + 1
        )
        return gt.Due.range(dt.date(year, 1, 1), dt.date(year + 1, 12, 31), lead + text)
    if kind == "years":
        last = draw(st.integers(year, 2060))
        text = draw(st.sampled_from(_YEARS_SHAPES)).format(year=year, last=last)
        return gt.Due.range(dt.date(year, 1, 1), dt.date(last, 12, 31), lead + text)
    quarter = kind == "quarter"
    number = draw(st.integers(1, 4 if quarter else 2))
    shapes: tuple[str, ...] = _QUARTER_SHAPES if quarter else _HALF_SHAPES
    if year >= 2000:
        shapes += tuple(shape for shape in _APOSTROPHE_SHAPES if ("Q" in shape) == quarter)
    text = lead + draw(st.sampled_from(shapes)).format(
        n=number, year=year, yy=f"{year % 100:02}", ordinal=_ORDINALS[number], word=_WORDS[number]
    )
    return gt.Due.quarter(year, number, text) if quarter else gt.Due.half(year, number, text)


written_dues: st.SearchStrategy[gt.Due] = _written_dues()
"""Deadlines written in the shapes records use, each with the span it means; read with no
options (``parse_due(due.text) == due``)."""


_DAY_SHAPES = (
    "{day:02}/{month:02}/{year}", "{day}.{month}.{year}", "{year}-{month:02}-{day:02}",
    "{year}/{month:02}/{day:02}", "{day} {name} {year}", "{day} {abbr} {year}",
    "{day}-{abbr}-{year}", "{day}{suffix} of {name} {year}", "{name} {day}, {year}",
)  # fmt: skip


@st.composite
def _written_days(draw: st.DrawFn) -> gt.Due:
    """A day written as records write it (``31/03/2024``, ``31.03.2024``, ``31 March 2024``,
    ``March 31, 2024``), with the Due it means; ``DD/MM/YYYY`` only when the day is over 12
    or equals the month, so that it reads one way."""
    day = draw(dates)
    shapes = _DAY_SHAPES if day.day > 12 or day.day == day.month else _DAY_SHAPES[1:]
    suffix = "th" if 10 < day.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    name = _MONTH_NAMES[day.month - 1]
    text = draw(st.sampled_from(shapes)).format(
        day=day.day, month=day.month, year=day.year, name=name, abbr=name[:3], suffix=suffix
    )
    return gt.Due.day(day, text)


written_days: st.SearchStrategy[gt.Due] = _written_days()
"""Days written in the shapes records use, each with the day it means; read with no options
(``parse_due(due.text) == due``)."""


@st.composite
def _two_digit_year_dues(draw: st.DrawFn) -> gt.Due:
    """A deadline whose year has two digits (``Q3-24``, ``24-Q3``, ``S1-24``, ``Jun-24``,
    ``FY24/25``), 20YY."""
    year = draw(st.integers(2000, 2060))
    yy = f"{year % 100:02}"
    kind = draw(st.sampled_from(["month", "quarter", "half", "fiscal"]))
    separator = draw(st.sampled_from(["-", " "]))
    if kind == "month":
        month = draw(st.integers(1, 12))
        return gt.Due.month(year, month, f"{_MONTH_NAMES[month - 1][:3]}{separator}{yy}")
    before = draw(st.booleans())  # the year after the period (Q3-24), or before it (24-Q3)
    if kind == "quarter":
        quarter = draw(st.integers(1, 4))
        period = f"Q{quarter}"
        text = f"{yy}{separator}{period}" if before else f"{period}{separator}{yy}"
        return gt.Due.quarter(year, quarter, text)
    if kind == "fiscal":
        text = f"{draw(st.sampled_from(['FY', 'FY ']))}{yy}/{(year + 1) % 100:02}"
        return gt.Due.range(dt.date(year, 1, 1), dt.date(year + 1, 12, 31), text)
    half = draw(st.integers(1, 2))
    period = f"{draw(st.sampled_from('HS'))}{half}"
    text = f"{yy}{separator}{period}" if before else f"{period}{separator}{yy}"
    return gt.Due.half(year, half, text)


two_digit_year_dues: st.SearchStrategy[gt.Due] = _two_digit_year_dues()
"""Deadlines with a two-digit year, read only with ``parse_due(text, two_digit_year=True)``."""

any_dues: st.SearchStrategy[gt.Due] = st.one_of(dues, written_dues, two_digit_year_dues)
"""Every kind of deadline: canonical texts, written shapes and two-digit years."""

CONTEXT_WORDS = (
    "within two weeks",
    "within 30 days of the meeting",
    "end of next month",
    "next month",
    "the coming quarter",
    "by the next meeting",
)
"""Deadline words that read only in their context (counted from a meeting's date)."""

context_dues: st.SearchStrategy[gt.Due] = st.builds(
    lambda due, text: attrs.evolve(due, text=text), dues, st.sampled_from(CONTEXT_WORDS)
)
"""Deadlines whose words :func:`gt.parse_due` cannot read alone, over any span (a reader
that knew the context, such as the minutes' meeting date, gave their dates)."""

locations = st.one_of(
    st.builds(
        gt.Location,
        file=st.just("partner.xlsx"),
        sheet=words,
        cell=st.tuples(st.sampled_from("ABCDEFGHIJ"), st.integers(1, 999)).map(
            lambda p: f"{p[0]}{p[1]}"
        ),
        header=st.one_of(st.just(""), words),
        columns=st.dictionaries(
            st.sampled_from(["status", "deadline", "responsible", "comments"]),
            st.sampled_from(["A", "B", "I", "AA"]),
            max_size=2,
        ).map(gt.FrozenMap),
        labels=st.dictionaries(st.sampled_from(["status", "deadline"]), words, max_size=2).map(
            gt.FrozenMap
        ),
    ),
    st.builds(gt.Location, file=st.just("export.txt"), line=st.integers(1, 9999)),
)
file_names = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
"""Bare file names without a suffix (add the format's own), as a user saves copies."""
severities = st.sampled_from(gt.Severity)
statuses = st.one_of(st.none(), st.sampled_from(gt.Status))
status_words = st.sampled_from(
    sorted({word for words in STATUS_SYNONYMS.values() for word in words})
)
"""Every status word Status.parse reads."""
unknown_status_words = (
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz "), min_size=1, max_size=15)
    .map(lambda text: " ".join(text.split()).capitalize())
    .filter(lambda word: word and gt.Status.parse(word) is None)
)
"""Status words Status.parse does not read (``Stalled``), of letters and single spaces."""
_long_status_words = sorted(
    {
        word
        for words in STATUS_SYNONYMS.values()
        for word in words
        if word.isascii() and word.isalpha() and len(word) >= 5
    }
)


@st.composite
def _misspelt(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_long_status_words))
    at = draw(st.integers(0, len(word) - 2))
    letter = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    edit = draw(st.sampled_from(["change", "drop", "swap", "add"]))
    if edit == "change":
        return word[:at] + letter + word[at + 1 :]
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    if edit == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + letter + word[at:]


misspelt_status_words = _misspelt().filter(
    lambda word: word.casefold() not in {w.casefold() for w in _long_status_words}
)
"""A status word of five letters or more with one letter changed, dropped, added or two
neighbours swapped (``Ongiong``, ``Competed``), perhaps another status word."""


@st.composite
def _interior_misspelt(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_long_status_words))
    at = draw(st.integers(1, len(word) - 3))
    if draw(st.booleans()):
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


interior_misspelt_status_words = _interior_misspelt().filter(
    lambda word: gt.Status.parse(word) is None and near_status(word) is not None
)
"""A status word of five letters or more with an interior letter dropped or two interior
neighbours swapped (``Ongiong``, ``Competed``), near one status only."""
_near_status_words = sorted(
    {
        word
        for words in STATUS_SYNONYMS.values()
        for word in words
        if len(fold_status_word(word)) >= 5  # the status words near misses are looked for among
    }
)


@st.composite
def _slipped(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_near_status_words))
    at = draw(st.integers(0, len(word) - 1))
    if draw(st.booleans()) or at == len(word) - 1:
        slipped = word[:at] + word[at + 1 :]
        assume(word[at].isalpha())
    else:
        slipped = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        assume(word[at].isalpha() and word[at + 1].isalpha())
    assume(fold_status_word(slipped) != fold_status_word(word))
    return slipped


slipped_status_words = _slipped()
"""Any status word of five letters or more (one, two, three or four words: ``Ongoing``, ``Not
yet started``, ``En cours de réalisation``) with a letter dropped or two neighbouring
letters swapped (``Ongiong``, ``Not yet strated``, ``O-going``), perhaps another status word."""
common_words_near_status = st.sampled_from(sorted(COMMON_WORDS_NEAR_STATUS)).map(str.capitalize)
"""An English word one edit from a status word (``Spending``, ``Stated``)."""
_letters = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=10)
short_status_phrases = (
    st.tuples(
        _letters.map(str.capitalize),
        st.lists(
            st.sampled_from(["hold", "review", "pending", "late", "partly", "risk"]), max_size=2
        ),
    )
    .map(lambda parts: " ".join((parts[0], *parts[1])))
    .filter(lambda p: gt.Status.parse(p) is None)
)
"""Unknown status words of one to three words, no clause (``Stalled``, ``Slow review``)."""
status_narratives = st.one_of(
    st.lists(_letters, min_size=4, max_size=7).map(" ".join),
    st.tuples(_letters, st.sampled_from(["to", "until", "by", "because"]), _letters).map(" ".join),
    st.tuples(_letters, _letters, _letters).map(lambda w: f"{w[0]} {w[1]}. {w[2]}"),
    st.tuples(_letters, _letters.filter(lambda w: len(w) > 1)).map(lambda w: f"{w[0]} {w[1]}ed"),
).map(str.capitalize)
"""Status cells of narrative: four words or more, a linking word (``Postponed to August``),
two sentences, a verb after the first word (``Recruitment launched``)."""
legend_words = st.one_of(
    status_words,
    st.sampled_from(["Accepted", "Partially accepted", "Rejected", "On schedule", "Behind"]),
    st.sampled_from(["Red", "Amber", "Green", "Yellow", "Grey"]),
)
"""The words a legend under a table explains: a status, a category, a schedule, a colour."""
_counts = st.tuples(
    st.integers(0, 99), st.integers(1, 99), st.sampled_from(["/", " of ", " out of "])
)
status_qualifiers = st.one_of(
    st.sampled_from(["2 of 4 sites", "partially", "see comments", "HR to confirm", "phase 1",
                     "one module left", "à confirmer", "100%", "50%", "0%", "120%"])
    .map(lambda words: f"({words})"),
    _counts.map(lambda count: f"{count[0]}{count[2]}{count[1]}"),
    _counts.map(lambda count: f"- {count[0]}{count[2]}{count[1]}"),
    st.sampled_from(["0%", "35%", "100%", "120%", "60 %"]),
    st.sampled_from(["partially", ", Partially", "partly", "in part", "not", "but", "except",
                     ", not", ", but", ", partially", "subject to"]),
)  # fmt: skip
"""What may follow a status word and qualify it (``(2 of 4 sites)``, ``3/5``, ``partially``;
capitalised only after a comma): Status.parse refuses most with most words (a test assumes
the pair is refused)."""
categories = st.one_of(st.none(), st.sampled_from(gt.ResponseCategory))
extras = st.dictionaries(words, texts, max_size=2).map(gt.FrozenMap)

PARTNER_HEADERS = (
    "Offices", "Themes", "Sections", "Groups", "Scopes", "Schedules", "Reasons for delays",
    "Deemed consents", "Consents deemed", "States", "Responses", "Targets", "Countries",
    "Budgets", "Partners", "Risks",
)  # fmt: skip
"""Headers of partners' own columns, most the plural of an alias of a column that is not a
main one (``Offices``: Office is Scope; ``Schedules``, ``Reasons for delays``): no reader
names them, so an ``extra`` entry under such a header is written and read back as it is."""
_LOOKUP = merge_aliases()
extra_headers = st.one_of(
    st.sampled_from(PARTNER_HEADERS),
    words.map(lambda key: " ".join(key.split())).filter(
        lambda key: not header_key(key, _LOOKUP) and not key.startswith("_govtrack")
    ),
)
"""Headers of ``extra`` columns no reader names (a header it names is read as that column;
one starting ``_govtrack`` is one of govtrack's own hidden columns, refused by the writers)."""

_HINT_WORDS = ("will", "be", "done", "the", "unit", "person", "free", "text", "briefly", "one",
               "from", "list", "name", "of", "or")  # fmt: skip
header_hints = st.one_of(
    st.sampled_from(("mm/yyyy", "MM/YYYY", "dd/mm/yyyy", "dd.mm.yy", "month/year", "yyyy-mm-dd")),
    st.lists(
        st.sampled_from(("Completed", "Ongoing", "Not started", "Yes", "No", "Delayed")),
        min_size=2,
        max_size=4,
        unique=True,
    ).map("/".join),
    st.tuples(
        st.sampled_from(("what", "who", "how", "e.g.", "please specify", "select")),
        st.lists(st.sampled_from(_HINT_WORDS), max_size=4),
    ).map(lambda parts: " ".join((parts[0], *parts[1]))),
)
"""Hints partners put in parentheses after a header (``Deadline (mm/yyyy)``): a date format, the
choices, an explanation; never a word saying which version or round the column is."""

measure_hints = st.tuples(
    st.sampled_from(("", "in ", "In ")),
    st.sampled_from(("%", "percent", "Percent", "percentage", "number", "no.", "count", "amount")),
    st.sampled_from(("", " ", "\n")),
).map(lambda parts: (parts[2], parts[0] + parts[1]))
"""Units of measure partners put in parentheses after a header (``Progress (%)``), as (the gap
before the parenthetical, the unit)."""

_TITLE_CHARACTERS = st.characters(whitelist_categories=("L", "N", "P", "S"))
_title_texts = (
    st.text(st.one_of(_TITLE_CHARACTERS, st.just(" ")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda text: text and not text.endswith(":") and not text.startswith(("=", "#")))
    .filter(lambda text: "_x" not in text and not header_key(text, _LOOKUP))
)
title_pairs = st.lists(
    st.tuples(
        _title_texts.filter(lambda text: ":" not in text).filter(
            lambda text: (
                normalise_header(text) not in {"title", "as of", *_RANGE_WORDS}
                and not header_key(f"{text}:", _LOOKUP)
            )
        ),
        _title_texts,
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda pair: pair[0],
)
"""``(label, value)`` pairs of a title row above an action matrix, whose plan has no field for
them (a label names no field of a plan nor a range's end, ``From``, ``To``, and neither cell is
a header)."""

issues = st.builds(
    gt.Issue,
    code=st.from_regex(r"GT[1-3][0-9]{2}", fullmatch=True),
    message=words,
    location=st.one_of(st.none(), locations),
    severity=severities,
)
updates = st.builds(gt.Update, text=words, on=st.one_of(st.none(), dues))

_ACTION_FIELDS = {
    "text": words,
    "ref": refs,
    "responsible": parties,
    "due": st.one_of(st.none(), dues),
    "due_text": st.just(""),
    "status": statuses,
    "status_text": texts,
    "comments": lines,
    "updates": st.lists(updates, max_size=2).map(tuple),
    "scope": st.one_of(st.just(""), st.sampled_from(["KAZ", "TKM", "TAJ"])),
    "group": st.one_of(st.just(""), words),
    "extra": extras,
    "origin": st.one_of(st.none(), locations),
}


@st.composite
def _with_unread_deadline(draw: st.DrawFn, action: gt.Action) -> gt.Action:
    """Sometimes give an action without a Due the unreadable deadline text a reader keeps."""
    if action.due is None and draw(st.booleans()):
        return attrs.evolve(action, due_text=f"~{draw(words)}")
    return action


actions: st.SearchStrategy[gt.Action] = st.builds(gt.Action, **_ACTION_FIELDS).flatmap(
    _with_unread_deadline
)
decisions = st.builds(gt.Decision, **_ACTION_FIELDS, deemed_consent=st.booleans())
activities = st.builds(
    gt.Activity,
    **_ACTION_FIELDS,
    schedule=st.one_of(st.none(), st.sampled_from(gt.ScheduleStatus)),
    delay_reasons=lines,
    recommendations=lines,
)
any_actions: st.SearchStrategy[gt.Action] = st.one_of(actions, decisions, activities)
"""An action of any class, for the places that admit any (plans, recommendations)."""
tag_lists = st.lists(words, max_size=3).map(tuple)
responses = st.builds(
    gt.ManagementResponse,
    text=lines,
    category=categories,
    category_text=texts,
    description=texts,
    thematic_areas=tag_lists,
    operating_principles=tag_lists,
    organisational_priorities=tag_lists,
    uneg_criteria=tag_lists,
)
_RECOMMENDATION_FIELDS = {
    "text": words,
    "ref": refs,
    "response": responses,
    "group": st.one_of(st.just(""), words),
    "origin": st.one_of(st.none(), locations),
}
recommendations = st.builds(
    gt.Recommendation,
    **_RECOMMENDATION_FIELDS,
    actions=st.lists(actions, max_size=3).map(tuple),
)
"""Recommendations whose key actions are plain Actions (as every text shape can express)."""
mixed_recommendations = st.builds(
    gt.Recommendation,
    **_RECOMMENDATION_FIELDS,
    actions=st.lists(any_actions, max_size=3).map(tuple),
)
"""Recommendations whose key actions may be Decisions or Activities too."""
_EVALUATION_FIELDS = {
    "title": words,
    "office": texts,
    "country": texts,
    "period": texts,
    "approval": texts,
    "summary": lines,
    "extra": extras,
    "origin": st.one_of(st.none(), locations),
}
evaluations = st.builds(
    gt.Evaluation,
    **_EVALUATION_FIELDS,
    recommendations=st.lists(recommendations, max_size=3).map(tuple),
)
mixed_evaluations = st.builds(
    gt.Evaluation,
    **_EVALUATION_FIELDS,
    recommendations=st.lists(mixed_recommendations, max_size=3).map(tuple),
)
agenda_items = st.builds(
    gt.AgendaItem, text=words, ref=refs, title=texts, origin=st.one_of(st.none(), locations)
)
times = st.one_of(st.none(), st.times().map(lambda t: t.replace(microsecond=0)))
_UTC_OFFSETS = st.timedeltas(
    min_value=-dt.timedelta(hours=23, minutes=59, seconds=59),
    max_value=dt.timedelta(hours=23, minutes=59, seconds=59),
).map(dt.timezone)
precise_times = st.one_of(st.none(), st.times(timezones=st.one_of(st.none(), _UTC_OFFSETS)))
"""Times as a program may hold them: with microseconds, and with a UTC offset or none (the
JSON format keeps both; ``times`` are what the text formats write)."""
precise_datetimes = st.datetimes(timezones=st.one_of(st.none(), _UTC_OFFSETS))
"""Datetimes as an application's own records hold them: naive or with a UTC offset, with
microseconds (govtrack's records hold none, its converter writes and reads them)."""


def _ordered(span: tuple[dt.time | None, dt.time | None]) -> tuple[dt.time | None, dt.time | None]:
    """A meeting's ``(starts, ends)``: both with a time zone or neither, ends not first."""
    starts, ends = span
    if starts is None or ends is None:
        return span
    if (starts.utcoffset() is None) != (ends.utcoffset() is None):
        ends = ends.replace(tzinfo=starts.tzinfo)
    return (starts, ends) if starts <= ends else (ends, starts)


def time_spans(
    times: st.SearchStrategy[dt.time | None],
) -> st.SearchStrategy[tuple[dt.time | None, dt.time | None]]:
    """``(starts, ends)`` pairs a Meeting accepts, each drawn from ``times``."""
    return st.tuples(times, times).map(_ordered)


meetings = st.builds(
    lambda span, **fields: gt.Meeting(starts=span[0], ends=span[1], **fields),
    time_spans(times),
    title=words,
    organiser=texts,
    date=st.one_of(st.none(), dates),
    when_text=texts,
    venue=lines,
    chair=parties,
    participants=parties,
    attendance=texts,
    attendance_count=st.one_of(st.none(), st.integers(0, 5000)),
    agenda=st.lists(agenda_items, max_size=2).map(tuple),
    themes=tag_lists,
    key_points=tag_lists,
    decisions=st.lists(decisions, max_size=3).map(tuple),
    extra=extras,
    origin=st.one_of(st.none(), locations),
)
_INDICATOR_FIELDS = {
    "text": words,
    "extra": extras,
    "ref": refs,
    "timeframe": st.one_of(st.none(), dues),
    "timeframe_text": texts,
    "status": lines,
    "constraints": lines,
    "recommendations": lines,
    "origin": st.one_of(st.none(), locations),
}
indicators = st.builds(
    gt.Indicator,
    **_INDICATOR_FIELDS,
    targets=st.lists(st.builds(gt.Indicator, **_INDICATOR_FIELDS), max_size=2).map(tuple),
)
answers = st.builds(
    gt.Answer,
    question=words,
    answer=st.one_of(st.none(), st.booleans()),
    text=texts,
    origin=st.one_of(st.none(), locations),
)
reports = st.builds(
    gt.ProgressReport,
    title=words,
    working_group=texts,
    period=st.one_of(st.none(), dues),
    period_text=texts,
    activities=st.lists(activities, max_size=3).map(tuple),
    indicators=st.lists(indicators, max_size=2).map(tuple),
    answers=st.lists(answers, max_size=2).map(tuple),
    extra=extras,
    origin=st.one_of(st.none(), locations),
)
plans = st.builds(
    gt.ActionPlan,
    title=texts,
    actions=st.lists(actions, max_size=4).map(tuple),
    extra=extras,
    origin=st.one_of(st.none(), locations),
)
mixed_plans = st.builds(
    gt.ActionPlan,
    title=texts,
    actions=st.lists(any_actions, max_size=4).map(tuple),
    extra=extras,
    origin=st.one_of(st.none(), locations),
)
"""Plans whose actions may be Decisions or Activities (a decision log read from a workbook)."""
documents: st.SearchStrategy[gt.Document] = st.builds(
    gt.Document,
    evaluations=st.lists(mixed_evaluations, max_size=2).map(tuple),
    meetings=st.lists(meetings, max_size=2).map(tuple),
    reports=st.lists(reports, max_size=1).map(tuple),
    plans=st.lists(mixed_plans, max_size=2).map(tuple),
    problems=st.lists(issues, max_size=2).map(tuple),
)
"""Whole documents with every kind of root, every field drawn."""

STRATEGY_FIELDS: dict[type, set[str]] = {
    gt.Action: set(_ACTION_FIELDS),
    gt.Decision: {*_ACTION_FIELDS, "deemed_consent"},
    gt.Activity: {*_ACTION_FIELDS, "schedule", "delay_reasons", "recommendations"},
    gt.Indicator: {*_INDICATOR_FIELDS, "targets"},
    gt.Recommendation: {*_RECOMMENDATION_FIELDS, "actions"},
    gt.Evaluation: {*_EVALUATION_FIELDS, "recommendations"},
}
"""The fields each hand-listed strategy draws, checked against the classes in a test."""

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    # strings that are values somewhere in govtrack's JSON: dates, times, enums, kinds
    st.sampled_from(["2021-07-31", "2021-13-01", "14:00:00", "ongoing", "accepted", "month"]),
    st.sampled_from(["decision", "activity", "warning", "behind_schedule"]),
)
"""What JSON holds that is not an array or an object (and values govtrack gives meaning)."""


def json_values(keys: st.SearchStrategy[str] = texts) -> st.SearchStrategy[object]:
    """Any JSON value, as :func:`json.loads` gives it: objects whose keys are drawn from
    ``keys`` (a record's field names reach deeper than random text), arrays, scalars."""
    return st.recursive(
        json_scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
        ),
        max_leaves=20,
    )


RECORD_TYPES: list[type[Any]] = [
    gt.Action,
    gt.ActionPlan,
    gt.Activity,
    gt.AgendaItem,
    gt.Answer,
    gt.Decision,
    gt.Document,
    gt.Due,
    gt.Evaluation,
    gt.Indicator,
    gt.Issue,
    gt.Location,
    gt.ManagementResponse,
    gt.Meeting,
    gt.ProgressReport,
    gt.Recommendation,
    gt.Update,
]
"""Every public record class (each one JSON holds)."""

bullet_marks = st.sampled_from(("-", "*", "•", "–"))
"""The bullets a list of decisions or its sub-list may use in minutes."""
number_forms = st.sampled_from(("{}.", "{})", "({})"))
"""The ways a numbered list item is written: ``1.``, ``1)``, ``(1)``."""


@st.composite
def _cued_dues(draw: st.DrawFn) -> tuple[str, gt.Due]:
    """A deadline after ``on``, ``in`` or ``during``, as minutes write it, with the Due it
    means: ``on`` a day (``on 20 April 2023``), ``in`` or ``during`` a day, a month, a quarter
    or a half (``in Q2 2023``, ``during June 2023``); never a bare year."""
    cue = draw(st.sampled_from(("on", "in", "during")))
    if cue == "on":
        return cue, draw(written_days)
    periods = (gt.Precision.MONTH, gt.Precision.QUARTER, gt.Precision.HALF)
    bare = written_dues.filter(
        lambda due: due.precision in periods and not due.text.lower().startswith(("by", "end"))
    )
    return cue, draw(st.one_of(written_days, bare))


cued_dues: st.SearchStrategy[tuple[str, gt.Due]] = _cued_dues()
"""``(cue, due)``: a deadline written after ``on``, ``in`` or ``during``; ``due.text`` is the
date as written, without the cue."""

topic_words = st.sampled_from((
    "Monitoring", "Evaluation", "Research", "Development", "Health", "Safety", "Admin",
    "Water", "Sanitation", "Hygiene", "Planning", "Budget", "Logistics", "Procurement",
    "Finance", "Training", "Learning", "Gender", "Youth", "Nutrition", "Protection",
    "Education", "Communication", "Partnerships", "Audit", "Compliance", "Risk", "Legal",
))  # fmt: skip
"""Capitalised words that name a field of work, no office and no acronym: ``Monitoring and
Evaluation`` is one office's name, never two parties."""

letter_forms = st.sampled_from(("{}.", "({})", "{})"))
"""The ways a lettered list item is written in capitals: ``A.``, ``(A)``, ``A)``."""

sub_point_marks = st.tuples(
    st.sampled_from(("({})", "{})")),
    st.sampled_from(("abcdef", ("i", "ii", "iii", "iv", "v", "vi"), "ABCDEF", "123456")),
).map(lambda pair: tuple(pair[0].format(token) for token in pair[1]))
"""The marks of a sub-list under a bulleted decision, in order: ``(a)``, ``(b)``…; ``i)``,
``ii)``…; ``(A)``…; ``1)``… (six of them)."""

stray_marks = st.tuples(
    st.sampled_from(("({})", "{})")),
    st.sampled_from(("c", "d", "h", "ii", "iv", "vi", "B", "D", "IV", "2", "4", "5", "12")),
).map(lambda pair: pair[0].format(pair[1]))
"""A list item's mark that starts no list (``(c)``, ``iv)``, ``(B)``, ``5)``): under a
bulleted decision, no first sub-point."""

page_markers = st.one_of(
    st.tuples(st.sampled_from(["Page", "page", "PAGE", "p."]), st.integers(1, 99)).map(
        lambda mark: f"{mark[0]} {mark[1]}"
    ),
    st.tuples(st.integers(1, 99), st.sampled_from([" of ", "/", " / "]), st.integers(1, 99)).map(
        lambda mark: f"Page {mark[0]}{mark[1]}{mark[2]}"
    ),
    st.sampled_from(["(continued)", "Continued", "(cont'd)", "cont.", "[continued]",
                     "Continued from previous page", "(Continued on next page)",
                     "To be continued...", "Continuation"]),
)  # fmt: skip
"""A row of its own between a table and its header repeated (``Page 1 of 2``,
``(continued)``): a page or continuation marker, no title."""
status_other_columns = st.sampled_from(
    ["notes", "date", "owner", "remarks", "RAG", "colour", "color", "details", "description",
     "explanation", "evidence", "justification", "reason", "source", "rating", "by"]
)  # fmt: skip
"""What follows ``Status`` in the header of a column that is not a status round
(``Status notes``, ``Status date``, ``Status RAG``): kept in extra beside dated rounds."""

alias_entries = st.sampled_from(
    [(key, alias) for key, aliases in ALIASES.items() for alias in aliases]
)
"""A built-in header alias with its column key (``("action", "Scheduled activities")``)."""


@st.composite
def numeric_day_ranges(draw: st.DrawFn) -> tuple[str, dt.date, dt.date]:
    """A range of two all-numeric days written in one order, one end of which reads in that
    order only (``01/07/2023 – 31/12/2023``), with its first and last days."""
    start = draw(dates)
    end = draw(st.dates(min_value=start, max_value=dt.date(2060, 12, 31)))
    dayfirst = draw(st.booleans())
    settled = draw(st.sampled_from(("start", "end")))
    one = start if settled == "start" else end
    assume(one.day > 12)
    sep = draw(st.sampled_from(("/", "-")))
    dash = draw(st.sampled_from((" – ", " - ", " to ", "–", " — ")))

    def written(day: dt.date) -> str:
        a, b = (day.day, day.month) if dayfirst else (day.month, day.day)
        return f"{a:02}{sep}{b:02}{sep}{day.year}"

    return f"{written(start)}{dash}{written(end)}", start, end


# The lowercase noting words of the minutes reader (``The Board noted …``), one word each.
noting_words = st.sampled_from(
    ("noted", "received", "reviewed", "discussed", "welcomed", "heard", "acknowledged")
)


@st.composite
def _gate_key_action_lines(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    """A well-formed key-action line of a tracking-system export without tabs, and what it
    holds: (ref, text, party, deadline, status, comments)."""
    verb = draw(st.sampled_from(("Publish", "Draft", "Review", "Hold", "Train", "Load")))
    nouns = draw(st.lists(st.sampled_from(("the", "dashboard", "register", "district",
                                            "inventories", "plan", "staff", "contracts")),
                          min_size=1, max_size=4))  # fmt: skip
    text = " ".join((verb, *nouns)) + "."
    party = draw(st.sampled_from(("ICT Unit", "Roads Unit", "M&E Unit", "Audit Section", "HR",
                                  "Procurement Unit")))  # fmt: skip
    due = draw(st.sampled_from(("2024/12", "31/03/2024", "Q1 2024", "March 2024", "2024-03-31")))
    status = draw(st.sampled_from(("Ongoing", "Not started", "Completed")))
    comments = draw(st.sampled_from(("", "Terms drafted.", "Shared with the team.")))
    ref = str(draw(st.integers(1, 9)))
    line = " ".join(part for part in (f"{ref}.", text, party, due, status, comments) if part)
    return line, (ref, text, party, due, status, comments)


# Key-action lines of the gate format in the shape most exports take (``1. Draft the plan.
# HR 2024/12 Ongoing Shared.``), with the fields they hold.
gate_key_action_lines = _gate_key_action_lines()
# Leading whitespace of a line: spaces and tabs in any mix.
indents = st.text(st.sampled_from(" \t"), min_size=1, max_size=4)
# Deadlines in common words the gate reader cannot read (kept as written, GT104).
unread_deadline_words = st.sampled_from(
    ("TBD", "TBC", "ongoing", "continuous", "n/a", "as needed", "within 3 months of approval",
     "upon approval of the budget")
)  # fmt: skip


@st.composite
def _next_session_phrases(draw: st.DrawFn) -> tuple[str, str]:
    """A deadline that is the next session or meeting, in any spelling minutes use (``at the
    next session``, ``by the next meeting``, ``at its next session``), and its words after
    the preposition (what the minutes reader keeps as ``due_text``)."""
    lead = draw(st.sampled_from(("at", "by", "before", "until", "At", "By")))
    words = [
        draw(st.sampled_from(("the", "its", "their", "The", "Its"))),
        draw(st.sampled_from(("next", "following", "Next"))),
        *draw(st.lists(st.sampled_from(("regular", "plenary", "annual", "Ordinary")), max_size=1)),
        draw(st.sampled_from(("session", "meeting", "Session", "Meeting"))),
    ]
    return f"{lead} {' '.join(words)}", " ".join(words)


# Deadlines that are the next session or meeting, and the words the minutes reader keeps.
next_session_phrases = _next_session_phrases()
