"""Excel number formats that show a date without its day: ``mmm-yy``, ``mmmm yyyy``, ``yyyy``.

A deadline typed as "Jul 2023" is stored by Excel as the date 2023-07-01 with a
format that hides the day. Read as that day, an action due in July would be late
from 2 July; read through its format, it is due in the month of July.
:func:`date_shape` reads a format code and says what span its dates show: a
month (month and year shown, no day), a year (only a year shown), or None for
every other format (a day is shown, a time is shown, or no date at all), which
keeps a date cell a day.

How a format code is read (Excel's rules, first section only, since a deadline
is a positive number):

- ``"…"`` literals, ``\\x`` escapes, ``_x`` (a space as wide as x) and ``*x``
  (a fill) are text, never a date part;
- ``[$-409]``, ``[Red]``, ``[>=100]`` and other bracketed sections are ignored,
  but for the elapsed-time units ``[h]``, ``[mm]``, ``[ss]``;
- ``m`` or ``mm`` is minutes right after an hour (``h:mm``) or right before
  seconds (``mm:ss``), a month otherwise;
- ``AM/PM`` and ``A/P`` are a time; a digit placeholder (``0``, ``#``, ``?``)
  or a letter Excel gives no date meaning here (an era ``e``, ``g``, ``b``) makes
  the format one govtrack does not read as a partial date.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

import attrs
from openpyxl.styles.numbers import BUILTIN_FORMATS

from govtrack.model.dates import MONTHS, Due

__all__ = [
    "BUILTIN_FORMATS",
    "LOCALE_DATE_FORMAT_IDS",
    "CellShape",
    "DateShape",
    "MonthStyle",
    "PercentShape",
    "cell_shape",
    "date_shape",
    "format_code",
    "percent_shape",
]

LOCALE_DATE_FORMAT_IDS = frozenset((*range(27, 37), *range(50, 59)))
"""The built-in number format ids whose code depends on the locale: dates and times.

ECMA-376 Part 1 (§18.8.30) gives no code for ids 27–36 and 50–58: Excel fills them
in from its locale, and every locale that uses them (Chinese, Japanese, Korean)
makes each a date or a time. So a cell styled with one is a date, as calamine reads
it; openpyxl's ``BUILTIN_FORMATS`` lacks them and read such a cell as a plain number,
so the default engine adds their styles to openpyxl's date styles
(:class:`govtrack.io._xlsx.OpenpyxlRows`) and both engines read the same value.

Whether one shows a day, a month or a time is the locale's choice, not the file's,
and the file does not say which locale wrote it: 27 is ``yyyy"年"m"月"`` (a month) in
zh-CN but an era date with its day in ja-JP and zh-TW; 55 is a month in ja-JP, a day
in ko-KR and a time of day in zh-CN and zh-TW; 31 shows a day everywhere. So no id
here is read as a month or a year: :func:`format_code` gives them no code, and a date
cell styled with one stays a day (read as a month, it could be late a month after
the date the partner meant).
"""


class MonthStyle(enum.Enum):
    """How a format writes the month: ``7``, ``07``, ``Jul`` or ``July``."""

    NUMBER = "m"
    TWO_DIGITS = "mm"
    ABBREVIATED = "mmm"
    NAME = "mmmm"


_ABBREVIATIONS = tuple(name[:3].title() for name in MONTHS)
_NAMES = tuple(name.title() for name in MONTHS)
_FIRST_YEAR, _LAST_YEAR = 1800, 2999  # the four-digit years parse_due reads alone


@attrs.frozen
class DateShape:
    """What a date format shows: a month of a year, or a year alone.

    Attributes:
        month: How the month is written; None for a format that shows only a year.
        year_first: The year comes before the month (``yyyy-mm``).
    """

    month: MonthStyle | None
    year_first: bool = False

    def text(self, day: dt.date) -> str:
        """The cell's date as the format shows it in English, in a form ``parse_due`` reads.

        The year is written in full (a two-digit year is refused by ``parse_due``).

        >>> DateShape(MonthStyle.ABBREVIATED).text(dt.date(2023, 7, 1))
        'Jul 2023'
        >>> DateShape(MonthStyle.TWO_DIGITS, year_first=True).text(dt.date(2023, 7, 1))
        '2023/07'
        """
        year, month = day.year, day.month
        style = self.month
        if style is None:
            return str(year)
        if style is MonthStyle.NAME:
            return f"{_NAMES[month - 1]} {year}"
        if style is MonthStyle.ABBREVIATED:
            return f"{_ABBREVIATIONS[month - 1]} {year}"
        number = f"{month:02d}" if style is MonthStyle.TWO_DIGITS else str(month)
        if self.year_first and month != (year + 1) % 100:
            return f"{year}/{number}"
        return f"{number}/{year}"  # also "01/2000": "2000/01" may be the years 2000–2001

    def due(self, day: dt.date) -> Due | None:
        """The month or the year that ``day`` falls in, with :meth:`text` as its text.

        None for a year alone that ``parse_due`` would not read back (before 1800,
        after 2999): the caller keeps the day.
        """
        if self.month is None:
            if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
                return None
            return Due.year(day.year, text=self.text(day))
        return Due.month(day.year, day.month, text=self.text(day))


_DATE_LETTERS = frozenset("ymdhs")
_ELAPSED = frozenset(("h", "m", "s"))


def _first_section(code: str) -> list[tuple[str, int]]:
    """The date and time tokens of the first section, as (letter, run length).

    Literals are dropped; ``"t"`` stands for a time marker (AM/PM, A/P, elapsed
    time), ``"?"`` for anything that rules a partial date out.
    """
    tokens: list[tuple[str, int]] = []
    i, n = 0, len(code)
    while i < n:
        char = code[i]
        lower = char.lower()
        if char == ";":
            break
        if char == '"':
            end = code.find('"', i + 1)
            i = n if end < 0 else end + 1
            continue
        if char in "\\_*":
            i += 2
            continue
        if char == "[":
            end = code.find("]", i + 1)
            inside = code[i + 1 : end if end >= 0 else n].lower()
            if inside and set(inside) <= _ELAPSED and len(set(inside)) == 1:
                tokens.append(("t", 1))  # [h], [mm], [ss]: elapsed time
            i = n if end < 0 else end + 1
            continue
        if lower in _DATE_LETTERS:
            run = i + 1
            while run < n and code[run].lower() == lower:
                run += 1
            tokens.append((lower, run - i))
            i = run
            continue
        if lower == "a":
            rest = code[i : i + 5].lower()
            if rest == "am/pm":
                tokens.append(("t", 1))
                i += 5
                continue
            if rest[:3] == "a/p":
                tokens.append(("t", 1))
                i += 3
                continue
            tokens.append(("?", 1))
            i += 1
            continue
        if char.isalpha() or char in "0#?@":
            # "@" is the text placeholder: a date section never holds it.
            tokens.append(("?", 1))
        i += 1
    return tokens


@lru_cache(maxsize=256)
def date_shape(code: str) -> DateShape | None:
    """The partial date a number format shows, or None when it shows a day, a time or no date.

    Args:
        code: An Excel number format code (``mmm-yy``, ``[$-409]mmmm yyyy;@``).

    >>> date_shape("mmm-yy"), date_shape("yyyy")
    (DateShape(month=<MonthStyle.ABBREVIATED: 'mmm'>, year_first=False), DateShape(month=None, year_first=False))
    >>> date_shape("d-mmm-yy") is None, date_shape("mm:ss") is None, date_shape('"day" mm/yyyy')
    (True, True, DateShape(month=<MonthStyle.TWO_DIGITS: 'mm'>, year_first=False))
    """  # noqa: E501 - doctest output is one line
    tokens = _first_section(code)
    if any(letter not in {"m", "y"} for letter, _ in tokens):
        # A day, a time (which is also where an "m" means minutes: "h:mm", "mm:ss"),
        # or something that is no date part.
        return None
    months = [(index, run) for index, (letter, run) in enumerate(tokens) if letter == "m"]
    years = [index for index, (letter, _) in enumerate(tokens) if letter == "y"]
    if not years:
        return None  # no year: "mmmm" alone, or no date at all
    if not months:
        return DateShape(None)
    month_at, run = months[0]
    return DateShape(_month_style(run), year_first=years[0] < month_at)


def _month_style(run: int) -> MonthStyle:
    if run == 1:
        return MonthStyle.NUMBER
    if run == 2:
        return MonthStyle.TWO_DIGITS
    if run == 4 or run > 5:
        return MonthStyle.NAME
    return MonthStyle.ABBREVIATED  # mmm, and mmmmm (the initial, which reads as no month)


@attrs.frozen
class PercentShape:
    """A number format that shows a percentage (``0%``, ``0.0%``): ``1`` is shown ``100%``.

    Attributes:
        decimals: How many decimals the format shows.
    """

    decimals: int = 0

    def text(self, value: float) -> str:
        """The number as the format shows it, rounded half away from zero as Excel does.

        >>> PercentShape().text(1.0), PercentShape().text(0.125), PercentShape(1).text(0.5)
        ('100%', '13%', '50.0%')
        """
        try:
            shown = (Decimal(repr(float(value))) * 100).quantize(
                Decimal(1).scaleb(-self.decimals), rounding=ROUND_HALF_UP
            )
        except (InvalidOperation, OverflowError, ValueError):
            return f"{value!r}"
        return f"{shown}%"


_PERCENT = re.compile(r"[#0?,]*(?:\.([#0?]*))?%")
_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


@lru_cache(maxsize=256)
def percent_shape(code: str) -> PercentShape | None:
    """The percentage a number format shows, or None when it is no percentage format.

    >>> percent_shape("0%"), percent_shape("0.00%"), percent_shape("0.0"), percent_shape("mm%")
    (PercentShape(decimals=0), PercentShape(decimals=2), None, None)
    """
    first = _LITERALS.sub("", code.split(";", 1)[0]).strip()
    match = _PERCENT.fullmatch(first)
    if match is None or not any(char in "0#?" for char in first):
        return None
    return PercentShape(len(match.group(1) or ""))


CellShape = DateShape | PercentShape
"""What a number format shows that a cell's value does not: a date without its day, or a
percentage."""


def cell_shape(code: str) -> CellShape | None:
    """:func:`date_shape`, else :func:`percent_shape`, of a format code."""
    return date_shape(code) or percent_shape(code)


def format_code(number_format_id: int, custom: dict[int, str]) -> str:
    """The format code of a ``numFmtId``: the workbook's own, else Excel's built-in one.

    A built-in id without a fixed code (:data:`LOCALE_DATE_FORMAT_IDS`, the Thai ones
    59–81) is ``"General"`` here, which shows no partial date.
    """
    code = custom.get(number_format_id)
    if code is None:
        code = BUILTIN_FORMATS.get(number_format_id, "General")
    return code
