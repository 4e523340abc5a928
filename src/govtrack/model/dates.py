"""Deadlines as partial dates: a day, a month, a quarter, a half-year, a year or a range.

Records rarely give a day: ``2021/07``, ``Q1-2023``, ``first half of 2023``.
A :class:`Due` keeps the source's text, its precision and the first and last
day it covers; "overdue" is judged against the last day.

The grammar is a set of precompiled patterns (the fast path).
:mod:`dateutil` is only a fallback, and only trusted when it needed no help:
a text is parsed twice against two different default dates, and accepted only
if both parses agree, so no part of today's date (or any other) is ever
borrowed to fill a missing day, month or year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from functools import lru_cache
from typing import Any, NamedTuple

import attrs

from govtrack._errors import AmbiguousDateError, ArgumentError, DueParseError, WrongTypeError
from govtrack.model._immutable import shared_when_copied

__all__ = ["Due", "PartialDate", "Precision", "parse_due"]


def date_argument(value: object, where: str) -> dt.date:
    """``value`` as the date an API call was given, or a TypeError that says what to pass.

    ``where`` names the parameter as the caller wrote it (``"summarize(on=...)"``). A
    datetime stands for its day: deadlines are days.

    >>> date_argument(dt.datetime(2023, 1, 31, 9, 30), "summarize(on=...)")
    datetime.date(2023, 1, 31)
    >>> date_argument("2023-01-31", "f(on=...)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govtrack._errors.WrongTypeError: f(on=...) takes a datetime.date, not str '2023-01-31': ...
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        hint = f"pass datetime.date.fromisoformat({value!r})"
    else:
        hint = "pass a datetime.date such as datetime.date(2023, 1, 31)"
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    message = f"{where} takes a datetime.date, not {type(value).__name__} {shown}: {hint}"
    raise WrongTypeError(message)


def dayfirst_argument(value: object) -> bool | None:
    """``value`` as a ``dayfirst=`` argument: True, False or None, else an ArgumentError
    that names it (a truthy string such as ``"false"`` would read days first silently).

    Every public function that takes ``dayfirst=`` checks it here.

    >>> dayfirst_argument(False) is False
    True
    >>> dayfirst_argument("false")
    Traceback (most recent call last):
    ...
    govtrack._errors.ArgumentError: dayfirst='false' (str) is not True, False or None: True reads 03/04/2024 as 3 April, False as 4 March, None refuses to guess
    """  # noqa: E501 - doctest output is one line
    if value is None or isinstance(value, bool):
        return value
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    raise ArgumentError(
        f"dayfirst={shown} ({type(value).__name__}) is not True, False or None: True reads "
        "03/04/2024 as 3 April, False as 4 March, None refuses to guess"
    )


class Precision(enum.Enum):
    """How finely a :class:`Due` is known."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"


MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_BY_NAME: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    _MONTH_BY_NAME[_name] = _number
    _MONTH_BY_NAME[_name[:3]] = _number
_MONTH_BY_NAME["sept"] = 9
_FOREIGN_MONTHS: dict[str, int] = {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "setiembre": 9, "septiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
"""Month names in French and Spanish, whole (``juin`` and ``juillet`` share three letters)."""
_ABBR = tuple(name[:3].title() for name in MONTHS)
_PRECISION_VALUES = frozenset(member.value for member in Precision)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _wrong_type(attribute: attrs.Attribute[Any], value: object, expected: str, hint: str) -> None:
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise WrongTypeError(
        f"Due.{attribute.name} must be {expected}, not {type(value).__name__} {shown}"
        + (f": {hint}" if hint else "")
    )


def _check_day(instance: Due, attribute: attrs.Attribute[dt.date], value: object) -> None:
    """A deadline spans whole days: a date, never a datetime (its time would be lost)."""
    del instance
    if type(value) is dt.date:  # nearly always: a check of the type alone
        return
    if isinstance(value, dt.datetime):
        hint = "use its .date(): a deadline spans whole days"
    elif isinstance(value, str):
        hint = f"use datetime.date.fromisoformat({value!r}), or parse_due for a deadline's text"
    else:
        hint = ""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        _wrong_type(attribute, value, "a date", hint)


_FIRST_MONTHS: dict[Precision, tuple[frozenset[int], int]] = {
    Precision.MONTH: (frozenset(range(1, 13)), 1),
    Precision.QUARTER: (frozenset({1, 4, 7, 10}), 3),
    Precision.HALF: (frozenset({1, 7}), 6),
    Precision.YEAR: (frozenset({1}), 12),
}
"""For each calendar period: the months it may start in, and how many months it spans."""


def _check_precision(instance: Due, attribute: attrs.Attribute[Precision], value: object) -> None:
    if isinstance(value, Precision):
        _check_span(instance, value)
        return
    hint = ""
    if isinstance(value, str) and value in _PRECISION_VALUES:
        hint = f"use Precision({value!r})"
    elif isinstance(value, str):
        hint = f"one of {', '.join(f'Precision.{member.name}' for member in Precision)}"
    _wrong_type(attribute, value, "a Precision", hint)


def _check_span(due: Due, precision: Precision) -> None:
    """A precision says what span the deadline covers: a DAY one day, a MONTH, QUARTER,
    HALF or YEAR exactly that calendar period; a RANGE any span. ``render()`` and the
    writers trust it, so a contradiction would move the deadline."""
    start, end = due.start, due.end
    if precision is Precision.RANGE:
        return
    if precision is Precision.DAY:
        if start == end:
            return
        period = f"one day ({start.isoformat()})"
    else:
        months, length = _FIRST_MONTHS[precision]
        last_month = start.month + length - 1
        if (
            start.day == 1
            and start.month in months
            and last_month <= 12
            and end == _last_day(start.year, last_month)
        ):
            return
        # The calendar period of this precision that holds the start: what would fit.
        first = max(month for month in months if month <= start.month)
        fits = f"{dt.date(start.year, first, 1)} to {_last_day(start.year, first + length - 1)}"
        period = f"a whole calendar {precision.value} ({fits})"
    # The record was built, not read: an ArgumentError (a ValueError), not "cannot read".
    raise ArgumentError(
        f"Due.precision {precision.value!r} means {period}, not {start.isoformat()} to "
        f"{end.isoformat()}: use Precision.RANGE for another span"
    )


def _check_start_end(instance: Due, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    _check_day(instance, attribute, value)
    if value < instance.start:
        raise DueParseError(
            instance.text, f"it ends ({value.isoformat()}) before it starts ({instance.start})"
        )


@shared_when_copied
@attrs.frozen(kw_only=True)
class Due:
    """A deadline as the source gave it, with the span of days it covers.

    Attributes:
        text: The source's words, kept verbatim (``"2021/07"``).
        start: The first day the deadline covers.
        end: The last day it covers; an action is overdue only after it.
        precision: Day, month, quarter, half, year, or range.

    >>> due = parse_due("2021/07")
    >>> due.start, due.end, due.precision
    (datetime.date(2021, 7, 1), datetime.date(2021, 7, 31), <Precision.MONTH: 'month'>)
    >>> due.is_past(dt.date(2021, 7, 15)), due.is_past(dt.date(2021, 8, 1))
    (False, True)
    """

    text: str
    start: dt.date = attrs.field(validator=_check_day)
    end: dt.date = attrs.field(validator=_check_start_end)
    precision: Precision = attrs.field(validator=_check_precision)

    def is_past(self, on: dt.date) -> bool:
        """Whether the whole span is over on the date ``on`` (``on`` is after ``end``).

        A ``datetime`` counts as its date.
        """
        return _day(on) > self.end

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the span.

        >>> parse_due("Q1 2023").covers(dt.date(2023, 3, 31))
        True
        """
        return self.start <= _day(day) <= self.end

    def render(self) -> str:
        """The canonical text of this span; ``parse_due`` reads it back to the same span.

        >>> parse_due("first half of 2023").render()
        'H1 2023'
        >>> parse_due("March 2007 to Dec 2008").render()
        'Mar 2007 – Dec 2008'
        """
        return _render(self.start, self.end, self.precision)

    def portable_text(self) -> str:
        """The text to write for this deadline: one that :func:`parse_due` reads back, with
        no options, to the same span.

        That is the source's own text when it reads so (``"2021/07"``), else the canonical
        one (:meth:`render`): a day read with ``dayfirst=True``, or a text read with
        ``two_digit_year=True``, is written so that a reader without those options finds
        the same span.

        >>> parse_due("2021/07").portable_text()
        '2021/07'
        >>> parse_due("03/04/2024", dayfirst=True).portable_text()
        '2024-04-03'
        """
        try:
            again = parse_due(self.text)
        except DueParseError:
            return self.render()
        if (again.start, again.end, again.precision) != (self.start, self.end, self.precision):
            return self.render()
        return self.text

    def __str__(self) -> str:
        return self.text

    # Constructors for spans known by their parts; the text is the canonical one.

    @classmethod
    def day(cls, day: dt.date, text: str | None = None) -> Due:
        """A single day (``Due.day(date(2019, 5, 5))``)."""
        return cls._make(day, day, Precision.DAY, text)

    @classmethod
    def month(cls, year: int, month: int, text: str | None = None) -> Due:
        """A calendar month."""
        _check_year(year, text)
        if not 1 <= month <= 12:
            raise DueParseError(
                text or f"{year}/{month}", f"there is no month {month}; a month is 1 to 12"
            )
        return cls._make(dt.date(year, month, 1), _last_day(year, month), Precision.MONTH, text)

    @classmethod
    def quarter(cls, year: int, quarter: int, text: str | None = None) -> Due:
        """A calendar quarter, 1 to 4."""
        _check_year(year, text)
        if not 1 <= quarter <= 4:
            raise DueParseError(text or f"Q{quarter} {year}", "a quarter is 1 to 4")
        first = 3 * quarter - 2
        return cls._make(
            dt.date(year, first, 1), _last_day(year, first + 2), Precision.QUARTER, text
        )

    @classmethod
    def half(cls, year: int, half: int, text: str | None = None) -> Due:
        """A half-year, 1 or 2."""
        _check_year(year, text)
        if half not in {1, 2}:
            raise DueParseError(text or f"H{half} {year}", "a half is 1 or 2")
        first = 1 if half == 1 else 7
        return cls._make(dt.date(year, first, 1), _last_day(year, first + 5), Precision.HALF, text)

    @classmethod
    def year(cls, year: int, text: str | None = None) -> Due:
        """A calendar year."""
        _check_year(year, text)
        return cls._make(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, text)

    @classmethod
    def range(cls, start: dt.date, end: dt.date, text: str | None = None) -> Due:
        """Any span of days from ``start`` to ``end`` inclusive."""
        return cls._make(start, end, Precision.RANGE, text)

    @classmethod
    def _make(cls, start: dt.date, end: dt.date, precision: Precision, text: str | None) -> Due:
        if text is None:
            if end < start:
                raise DueParseError(f"{start} – {end}", "it ends before it starts")
            text = _render(start, end, precision)
        return cls(text=text, start=start, end=end, precision=precision)


PartialDate = Due
"""A date known to a day, month, quarter, half or year: the same type as :class:`Due`."""


def _day(value: dt.date) -> dt.date:
    """A datetime as its date; a date as itself (``datetime`` is a subclass of ``date``)."""
    return value.date() if isinstance(value, dt.datetime) else value


def _month_number(name: str) -> int:
    """The month a name found by ``_MONTH_RE`` names (``Sept``, ``juin``, ``marzo``)."""
    return _FOREIGN_MONTHS.get(name) or _MONTH_BY_NAME[name[:3]]


def _check_year(year: int, text: str | None) -> None:
    if not 1 <= year <= 9999:
        raise DueParseError(text or str(year), f"there is no year {year} in the calendar")


def _render(start: dt.date, end: dt.date, precision: Precision) -> str:
    if precision is Precision.DAY:
        return start.isoformat()
    if precision is Precision.MONTH:
        return f"{_ABBR[start.month - 1]} {start.year}"
    if precision is Precision.QUARTER:
        return f"Q{(start.month + 2) // 3} {start.year}"
    if precision is Precision.HALF:
        return f"H{1 if start.month == 1 else 2} {start.year}"
    if precision is Precision.YEAR:
        return str(start.year)
    left = f"{_ABBR[start.month - 1]} {start.year}" if start.day == 1 else start.isoformat()
    right = (
        f"{_ABBR[end.month - 1]} {end.year}"
        if end == _last_day(end.year, end.month)
        else end.isoformat()
    )
    return f"{left} – {right}"


# ---------------------------------------------------------------------------
# The grammar

_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?"
)
_OF = r"(?:\s+(?:of|de))?"
"""``31 of March``, and the Spanish ``31 de marzo de 2024``."""
_ORD_RE = r"(?:st|nd|rd|th)?"
_Y4 = r"(?P<year>(?:1[89]|2\d)\d\d)"

_PREFIX = re.compile(
    r"^(?:(?:no\s+later\s+than|not\s+later\s+than|deadline|due(?:\s+date)?|target(?:\s+date)?)\s*:?\s*)?"
    r"(?:(?:by|before|until|till|in|during|on)\s+)?(?:the\s+)?"
    r"(?:(?:end(?:[\s-]+of)?|close\s+of)[\s-]+(?:the\s+)?)?",
)
"""Lead-in words that do not change the span: ``by``, ``deadline:``, and ``the end of``, also
written ``end``, ``end-`` or ``end-of-`` (``by end June 2024``, ``end-2024``)."""

_ISO_DAY = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})\s*[-/.]\s*(?P<month>\d{1,2})")
_MONTH_YEAR_NUM = re.compile(r"(?P<month>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})")
_YEAR_SPAN = re.compile(r"(?P<year>\d{4})\s*[-/–]\s*(?P<last>\d{2})")
_YEAR_PAIR = re.compile(r"(?P<year>\d{4})\s*/\s*(?P<last>\d{4})")
_NUM_DAY = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})")
_YEAR = re.compile(_Y4)
_MONTH_NAME_YEAR = re.compile(_MONTH_RE + _OF + r"[\s,.-]*(?P<year>\d{4}|['’]?\d{2})")
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})" + _ORD_RE + _OF + r"[\s-]*" + _MONTH_RE + _OF + r"[\s,-]*(?P<year>\d{4})"
)
_MONTH_DAY_YEAR = re.compile(
    _MONTH_RE + r"\s*(?P<day>\d{1,2})" + _ORD_RE + r"\s*,?\s*(?P<year>\d{4})"
)
_YEAR_AFTER = r"(?:\s*of)?[\s,/-]*(?P<year>\d{4}|['’]?\d{2})"
"""The year after a quarter or a half: four digits, ``'24``, or two digits (``Q3-24``) that
:func:`_year_of` reads only when the caller expects them."""
_Q = r"(?:q(?:uarter|tr)?|t(?:rim(?:estre)?)?)\s*"  # Q3, Quarter 3, Qtr 3; T3, Trimestre 3
_H = r"(?:h|s|sem(?:ester)?)\s*"  # H1, and a semester: S1, Sem 1, Semester 1
_YEAR_BEFORE = r"(?P<year2>\d{4}|['’]?\d{2})[\s,/-]*"
"""The year before a quarter or a half (``2024-Q3``, ``24-Q3``): a two-digit one is read, or
refused, as after it (``Q3-24``)."""
_QUARTER = re.compile(
    rf"(?:{_Q}(?P<q1>[1-4])|(?P<q2>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
    rf"{_YEAR_AFTER}|{_YEAR_BEFORE}{_Q}(?P<q3>[1-4])"
)
_HALF = re.compile(
    rf"(?:{_H}(?P<h1>[12])|(?P<h2>first|second|1st|2nd)\s+(?:half|semester)|(?P<h4>[12])\s*h)"
    rf"{_YEAR_AFTER}|{_YEAR_BEFORE}{_H}(?P<h3>[12])"
)
_MID = re.compile(r"mid[\s-]*(?:of\s+)?(?P<year>\d{4})")
_FISCAL = re.compile(
    r"(?:fy|fiscal\s+year|financial\s+year)\s*(?P<year>\d{4}|['’]?\d{2})"
    r"(?:\s*[-/–]\s*(?P<last>\d{4}|\d{2}))?"
)
"""A fiscal year: ``FY 2024/25``, ``FY2024-25``, ``FY 2024/2025``, ``fiscal year 2024-25``."""
_BARE_MONTH = re.compile(_MONTH_RE)
_RANGE_SEP = re.compile(r"\s+(?:to|until|till|through|thru)\s+|\s*[–—]\s*|\s+-\s+|\s*-\s*")
_RANGE_WRAP = re.compile(r"^(?:from|between)\s+(?P<body>.+?)$")

_ORDINAL = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _normalise(text: str) -> str:
    cleaned = text.replace("\u00a0", " ").replace("\u2010", "-").replace("\u2011", "-")
    cleaned = re.sub(r"\s+", " ", cleaned).strip().lower()
    return cleaned.strip(" .;,:")


class _How(NamedTuple):
    """How to read the texts that need the caller's say."""

    dayfirst: bool | None
    two_digit_year: bool


def _year_of(text: str, raw: str, how: _How) -> int:
    """A year as written: four digits, ``'22``, or two digits when the caller expects them."""
    if raw.startswith(("'", "’")):
        return 2000 + int(raw[1:])
    if len(raw) == 2:
        if not how.two_digit_year:
            raise DueParseError(text, f"a two-digit year is ambiguous; write 20{raw} (or '{raw})")
        return 2000 + int(raw)
    return int(raw)


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    """The day, or a refusal that says which part does not exist and what would."""
    if not 1 <= month <= 12:
        raise DueParseError(text, f"there is no month {month}; a month is 1 to 12")
    _check_year(year, text)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DueParseError(
            text, f"there is no day {day} in {_ABBR[month - 1]} {year}; it has {last} days"
        )
    return dt.date(year, month, day)


def _month_due(text: str, year: int, month: int) -> Due:
    if not 1 <= month <= 12:
        raise DueParseError(text, f"there is no month {month}; a month is 1 to 12")
    return Due.month(year, month, text)


def _single(text: str, body: str, how: _How) -> Due | None:
    """Read one span from normalised ``body``; None when no pattern matches."""
    if m := _YEAR.fullmatch(body):
        return Due.year(int(m["year"]), text)
    if m := _YEAR_SPAN.fullmatch(body):
        first = int(m["year"])
        last = first // 100 * 100 + int(m["last"])
        if int(m["last"]) > 12:
            # "2021-22": a span of years (a month would be 1 to 12)
            _check_year(first, text)
            if last <= first:
                raise DueParseError(
                    text,
                    f"there is no month {int(m['last'])} (a month is 1 to 12), and as a span "
                    f"of years it would end ({last}) before it starts ({first})",
                )
            return Due.range(dt.date(first, 1, 1), dt.date(last, 12, 31), text)
        if last == first + 1:
            # "2011/12": December 2011, or the years 2011 and 2012 (a fiscal year)
            as_month = f"{_ABBR[int(m['last']) - 1]} {first}"
            raise DueParseError(
                text,
                f"it reads as {as_month} or as the years {first}–{last}; write {as_month} "
                f"or {first}–{last}",
            )
    if m := _YEAR_PAIR.fullmatch(body):
        # "2024/2025": the two calendar years, or a fiscal year whose months are not given;
        # the years cover every reading, and end no earlier than any of them.
        first, last = int(m["year"]), int(m["last"])
        _check_year(first, text)
        return _years(first, last, text)
    if m := _YEAR_MONTH.fullmatch(body):
        return _month_due(text, int(m["year"]), int(m["month"]))
    if m := _MONTH_YEAR_NUM.fullmatch(body):
        return _month_due(text, int(m["year"]), int(m["month"]))
    if m := _ISO_DAY.fullmatch(body):
        return Due.day(_date(text, int(m["year"]), int(m["month"]), int(m["day"])), text)
    if m := _NUM_DAY.fullmatch(body):
        return Due.day(_numeric_day(text, m, how.dayfirst), text)
    if m := _MONTH_NAME_YEAR.fullmatch(body):
        return _month_due(text, _year_of(text, m["year"], how), _month_number(m["mon"]))
    if m := _DAY_MONTH_YEAR.fullmatch(body):
        month = _month_number(m["mon"])
        return Due.day(_date(text, int(m["year"]), month, int(m["day"])), text)
    if m := _MONTH_DAY_YEAR.fullmatch(body):
        month = _month_number(m["mon"])
        return Due.day(_date(text, int(m["year"]), month, int(m["day"])), text)
    if m := _QUARTER.fullmatch(body):
        quarter = m["q1"] or m["q3"] or str(_ORDINAL[m["q2"]])
        return Due.quarter(_year_of(text, m["year"] or m["year2"], how), int(quarter), text)
    if m := _HALF.fullmatch(body):
        half = m["h1"] or m["h3"] or m["h4"] or str(_ORDINAL[m["h2"]])
        return Due.half(_year_of(text, m["year"] or m["year2"], how), int(half), text)
    if m := _MID.fullmatch(body):
        year = int(m["year"])
        _check_year(year, text)
        return Due.range(dt.date(year, 6, 1), dt.date(year, 7, 31), text)
    if m := _FISCAL.fullmatch(body):
        return _fiscal_year(text, m, how)
    return None


def _fiscal_year(text: str, m: re.Match[str], how: _How) -> Due:
    """A fiscal year, ``FY 2024/25``: the span of its two calendar years, as ``2024/2025``.

    Its first month is not given (July, April, October...), and govtrack never invents one;
    every fiscal year 2024/25 lies within January 2024 to December 2025, so that is the
    span, due at its end. ``FY`` says the years are years: ``FY 2011/12`` is read where
    ``2011/12`` (December 2011, or 2011–2012) is refused.
    """
    first = _year_of(text, m["year"], how)
    _check_year(first, text)
    raw = m["last"]
    if raw is None:
        raise DueParseError(
            text,
            f"a fiscal year named by one year may end in it or in the next; write both "
            f"years (FY {first - 1}/{first % 100:02} or FY {first}/{(first + 1) % 100:02})",
        )
    last = int(raw)
    if len(raw) == 2:
        last += first // 100 * 100
        if last + 100 == first + 1:  # FY 1999/00
            last += 100
    return _years(first, last, text)


def _years(first: int, last: int, text: str) -> Due:
    """The calendar years ``first`` to ``last`` (``first`` checked by the caller)."""
    _check_year(last, text)
    if last < first:
        raise DueParseError(
            text,
            f"as a span of years it would end ({last}) before it starts ({first}); "
            "write the earlier year first",
        )
    return Due.range(dt.date(first, 1, 1), dt.date(last, 12, 31), text)


def _numeric_day(text: str, m: re.Match[str], dayfirst: bool | None) -> dt.date:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if m["sep"] == ".":
        dayfirst = True if dayfirst is None else dayfirst
    if dayfirst is None:
        if a > 12 >= b:
            dayfirst = True
        elif b > 12 >= a:
            dayfirst = False
        elif a == b:
            dayfirst = True
        else:
            raise AmbiguousDateError(
                text,
                f"it reads as {_date(text, year, b, a)} (day first) or "
                f"{_date(text, year, a, b)} (month first); pass dayfirst= to choose",
            )
    day, month = (a, b) if dayfirst else (b, a)
    return _date(text, year, month, day)


def _strip_prefix(body: str) -> str:
    stripped = _PREFIX.sub("", body, count=1).strip()
    return stripped or body


def _range(text: str, body: str, how: _How) -> Due | None:
    if m := _RANGE_WRAP.fullmatch(body):
        body = m["body"].replace(" and ", " to ")
    asked = how
    for sep in _RANGE_SEP.finditer(body):
        left, right = body[: sep.start()].strip(), body[sep.end() :].strip()
        if not left or not right:
            continue
        how = _settled(left, right, asked)
        try:
            end = _single(text, _strip_prefix(right), how)
        except AmbiguousDateError:
            raise
        except DueParseError:
            continue
        if end is None:
            continue
        start = _range_start(text, _strip_prefix(left), end, how)
        if start is None:
            continue
        if end.end < start:
            raise DueParseError(
                text,
                f"it ends ({end.end}) before it starts ({start}); write the earlier date first",
            )
        return Due.range(start, end.end, text)
    return None


def _settled(left: str, right: str, how: _How) -> _How:
    """How to read a range's ends: when ``dayfirst`` is not given and one end is an
    all-numeric day that reads in one order only (``31/12/2023``, day first), the other end
    (``01/07/2023``) is read in that order too; one writer wrote both. Ends that read in
    opposite orders only (``31/12/2023 – 12/31/2024``) settle nothing."""
    if how.dayfirst is not None:
        return how
    orders = {_order(_strip_prefix(left)), _order(_strip_prefix(right))} - {None}
    return how._replace(dayfirst=orders.pop()) if len(orders) == 1 else how


def _order(side: str) -> bool | None:
    """True when a side is an all-numeric day that reads only day first, False only month
    first, None otherwise."""
    m = _NUM_DAY.fullmatch(side)
    if m is None or m["sep"] == ".":
        return None
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        return True
    if b > 12 >= a:
        return False
    return None


def _range_start(text: str, left: str, end: Due, how: _How) -> dt.date | None:
    try:
        first = _single(text, left, how)
    except AmbiguousDateError:
        raise
    except DueParseError:
        first = None
    if first is not None:
        return first.start
    # The left side may lack a year ("March – Dec 2008", "Q1-Q2 2023", "30 April - 2 May 2019"):
    # it takes the right side's year, never today's, or the year before when it would
    # otherwise start after the end ("Dec – March 2009").
    year = end.end.year
    for candidate_year in (year, year - 1):
        try:
            guess = _single(text, f"{left} {candidate_year}", how)
        except AmbiguousDateError:
            raise
        except DueParseError:
            guess = None
        if guess is not None and guess.start <= end.end:
            return guess.start
    if left.isascii() and left.isdecimal() and end.precision is Precision.DAY:  # "5 - 7 May 2019"
        return _date(text, end.end.year, end.end.month, int(left))
    return None


_DEFAULT_A = dt.datetime(1904, 2, 29)  # noqa: DTZ001 - a sentinel, compared and discarded
_DEFAULT_B = dt.datetime(1911, 11, 11)  # noqa: DTZ001 - a second, different sentinel


_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DANGLING_WORD = re.compile(r"(?<![^\W\d_])(?:on|at|and|of|ad)\W*\Z", re.IGNORECASE)
"""A word dateutil skips, left dangling at the end (``01/07/2000 on``): the text goes on
to say something (``on hold``) that was cut, so it is no date."""


def _dateutil_day(text: str, body: str, dayfirst: bool | None) -> Due | None:
    """The fallback: a day that dateutil reads the same whatever default it is given.

    The year must be written with four digits: dateutil completes a two-digit year
    from the current century, which would borrow from today.
    """
    from dateutil import parser as dateutil_parser  # noqa: PLC0415 - only on the slow path

    if not _FOUR_DIGITS.search(body) or _DANGLING_WORD.search(body):
        return None
    try:
        first = dateutil_parser.parse(body, default=_DEFAULT_A, dayfirst=dayfirst is not False)
        second = dateutil_parser.parse(body, default=_DEFAULT_B, dayfirst=dayfirst is not False)
        other = dateutil_parser.parse(body, default=_DEFAULT_A, dayfirst=dayfirst is False)
    except (ValueError, OverflowError, TypeError):
        return None
    if first != second or first.time() != _DEFAULT_A.time() or first.tzinfo is not None:
        return None  # something was filled in from the default: refuse to guess
    if first != other and dayfirst is None:
        raise AmbiguousDateError(text, f"it reads as {first.date()} or {other.date()}")
    return Due.day(first.date(), text)


@lru_cache(maxsize=4096)
def _parse_cached(text: str, how: _How) -> Due:
    body = _normalise(text)
    if not body:
        raise DueParseError(text, "it is empty")
    stripped = _strip_prefix(body)
    refusal: DueParseError | None = None
    try:
        due = _single(text, stripped, how)
    except AmbiguousDateError:
        raise
    except DueParseError as error:  # "2021-22" is no month, but may be something else
        due, refusal = None, error
    if due is None:
        due = _range(text, stripped, how)
    if due is None:
        due = _dateutil_day(text, stripped, how.dayfirst)
    if due is None and refusal is not None:
        raise refusal
    if due is None:
        raise DueParseError(text, _why_not(text, how) or EXPECTED)
    return due


EXPECTED = (
    "expected a day (05 May 2019), a month (2021/07, Dec 2022), a quarter (Q1-2023), "
    "a half (first half of 2023), a year (2023) or a range (March 2007 – Dec 2008)"
)
"""Why a text that matches no shape is refused, when nothing more specific can be said."""

TWO_DIGIT_YEAR_SHAPES = (
    "this shape is not read even with two_digit_year, which reads a two-digit year only "
    "after a month name (Dec 23), after or before a quarter or a half (Q3-23, 23-Q3, S1-23) "
    "or in a fiscal year (FY23/24)"
)
"""The shapes ``two_digit_year=True`` reads: a refusal of a two-digit year in any other shape
(a day, ``30-Jun-23``; an all-numeric month, ``12/23``) names them."""

_LAST_TWO_DIGITS = re.compile(r"(?<=[\s/.,'’-])(?P<year>\d{2})\s*[.]?\s*$")
"""A two-digit number ending a text, after a separator: the year of ``30-Jun-23``."""
_EXAMPLE_YEAR = 2023
"""The year added to a text that gives none, to show the shape it lacks (``end of June 2023``)."""


def _why_not(text: str, how: _How) -> str | None:
    """A specific reason a text no shape matched is refused, or None for the generic one.

    Only the refusal's wording depends on it: the text is refused either way. It names a
    two-digit year (``30-Jun-23``, ``31/12/23``), a missing year (``end of June``) and a
    status word written where the date goes (``ongoing``).
    """
    from govtrack.model.status import Status  # noqa: PLC0415 - status imports this module

    if Status.parse(text) is not None:
        return f"{text.strip()!r} is a status, not a date; write when it is due (Dec 2023, Q1-2024)"
    if (m := _LAST_TWO_DIGITS.search(text)) is not None:
        year = f"20{m['year']}"
        written = text[: m.start()] + year + text[m.end() :].rstrip(" .")
        if _reads(written, how):
            if how.two_digit_year:  # the caller opted in: this shape is not one it reads
                return f"{TWO_DIGIT_YEAR_SHAPES}; write {year} ({written.strip()})"
            return f"a two-digit year is ambiguous; write {year} ({written.strip()})"
    if not _FOUR_DIGITS.search(text):
        written = f"{text.strip().rstrip('.,;:')} {_EXAMPLE_YEAR}"
        if _reads(written, how):
            return f"it gives no year; write one ({written})"
    return None


def _reads(text: str, how: _How) -> bool:
    """Whether ``text`` is a deadline (with the same options)."""
    try:
        _parse_cached(text, how)
    except AmbiguousDateError:
        return True  # a date, in two readings: the refusal then says so
    except DueParseError:
        return False
    return True


def parse_due(text: str, *, dayfirst: bool | None = None, two_digit_year: bool = False) -> Due:
    """Read a deadline text as a :class:`Due`, keeping the text as it came.

    Args:
        text: The deadline as written: ``2021/07``, ``Q1-2023``, ``first half of 2023``,
            ``S1 2024``, ``2024-Q3``, ``Dec 2022``, ``05 May 2019``, ``March 2007 – Dec 2008``,
            ``FY 2024/25`` (a fiscal year: the span of its two years), ``by end of 2023``,
            ``end-June 2024``.
        dayfirst: How to read an all-numeric day such as ``03/04/2024``:
            True for 3 April, False for 4 March, None (the default) to refuse to guess;
            in a range, an end that reads in one order only settles the other's
            (``01/07/2023 – 31/12/2023`` is July to December: 31 is no month).
        two_digit_year: Read a two-digit year after a month name (``Dec 22``), after or
            before a quarter (``Q3-24``, ``24-Q3``) or a half (``S1-24``), or in a fiscal
            year (``FY24/25``) as 20YY, as in an update prefix
            ``Dec 22 Update:``; by default refused, since ``June 12`` may mean 12 June and
            nothing says which century is meant. ``Dec '22`` and ``Q3 '24`` are always read.

    Returns:
        The Due, whose ``text`` is ``text`` unchanged.

    Raises:
        DueParseError: The text is not a deadline govtrack can read (the message names it).
        AmbiguousDateError: The text reads as two different days and ``dayfirst`` is None.
        ArgumentError: ``dayfirst`` is not True, False or None (``"false"`` is refused,
            not read as true).

    >>> parse_due("Q1-2023")
    Due(text='Q1-2023', start=datetime.date(2023, 1, 1), end=datetime.date(2023, 3, 31), precision=<Precision.QUARTER: 'quarter'>)
    >>> parse_due("by 05 May 2019").end
    datetime.date(2019, 5, 5)
    >>> parse_due("03/04/2024")
    Traceback (most recent call last):
    ...
    govtrack._errors.AmbiguousDateError: cannot read deadline '03/04/2024': it reads as 2024-04-03 (day first) or 2024-03-04 (month first); pass dayfirst= to choose
    """  # noqa: E501 - doctest output is one line
    if not isinstance(text, str):
        raise DueParseError(repr(text), f"expected a str, got {type(text).__name__}")
    dayfirst = dayfirst_argument(dayfirst)
    try:
        return _parse_cached(text, _How(dayfirst, two_digit_year))
    except DueParseError:
        raise
    except (ValueError, OverflowError) as error:  # a backstop: no other error escapes
        raise DueParseError(text, str(error)) from None
