"""Deadlines as partial dates: the grammar, its refusals, and its properties."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.model import dates
from strategies import any_dues, two_digit_year_dues, written_dues

D = dt.date
P = gt.Precision

ACCEPTED = [
    ("2021/07", D(2021, 7, 1), D(2021, 7, 31), P.MONTH),
    ("2021-07", D(2021, 7, 1), D(2021, 7, 31), P.MONTH),
    ("07/2021", D(2021, 7, 1), D(2021, 7, 31), P.MONTH),
    ("2007", D(2007, 1, 1), D(2007, 12, 31), P.YEAR),
    ("Q1-2023", D(2023, 1, 1), D(2023, 3, 31), P.QUARTER),
    ("Q4 2022", D(2022, 10, 1), D(2022, 12, 31), P.QUARTER),
    ("first half of 2023", D(2023, 1, 1), D(2023, 6, 30), P.HALF),
    ("H2 2024", D(2024, 7, 1), D(2024, 12, 31), P.HALF),
    ("Dec 2022", D(2022, 12, 1), D(2022, 12, 31), P.MONTH),
    ("December 2022", D(2022, 12, 1), D(2022, 12, 31), P.MONTH),
    ("Dec '22", D(2022, 12, 1), D(2022, 12, 31), P.MONTH),
    ("05 May 2019", D(2019, 5, 5), D(2019, 5, 5), P.DAY),
    ("5th May 2019", D(2019, 5, 5), D(2019, 5, 5), P.DAY),
    ("2019-05-05", D(2019, 5, 5), D(2019, 5, 5), P.DAY),
    ("March 2007 – Dec 2008", D(2007, 3, 1), D(2008, 12, 31), P.RANGE),
    ("March 2007 - Dec 2008", D(2007, 3, 1), D(2008, 12, 31), P.RANGE),
    ("March 2007 to Dec 2008", D(2007, 3, 1), D(2008, 12, 31), P.RANGE),
    ("by end of 2023", D(2023, 1, 1), D(2023, 12, 31), P.YEAR),
    ("end of Q3 2024", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("mid-2022", D(2022, 6, 1), D(2022, 7, 31), P.RANGE),
    ("by 05 May 2019", D(2019, 5, 5), D(2019, 5, 5), P.DAY),
    ("May 5, 2019", D(2019, 5, 5), D(2019, 5, 5), P.DAY),
    ("1st October 2021", D(2021, 10, 1), D(2021, 10, 1), P.DAY),
    ("second half of 2023", D(2023, 7, 1), D(2023, 12, 31), P.HALF),
    ("2024 H2", D(2024, 7, 1), D(2024, 12, 31), P.HALF),
    ("Q1 of 2023", D(2023, 1, 1), D(2023, 3, 31), P.QUARTER),
    ("2020 - 2020", D(2020, 1, 1), D(2020, 12, 31), P.RANGE),
    ("March – Dec 2008", D(2008, 3, 1), D(2008, 12, 31), P.RANGE),
    ("5 - 7 May 2019", D(2019, 5, 5), D(2019, 5, 7), P.RANGE),
    ("15/03/2024", D(2024, 3, 15), D(2024, 3, 15), P.DAY),
    ("03/15/2024", D(2024, 3, 15), D(2024, 3, 15), P.DAY),
    ("03.04.2024", D(2024, 4, 3), D(2024, 4, 3), P.DAY),
    ("  Sept. 2021 ", D(2021, 9, 1), D(2021, 9, 30), P.MONTH),
    ("2019 May 5", D(2019, 5, 5), D(2019, 5, 5), P.DAY),
    # "end" without "of" reads as "end of" reads: the period itself, judged on its last day
    ("end 2024", D(2024, 1, 1), D(2024, 12, 31), P.YEAR),
    ("end-2024", D(2024, 1, 1), D(2024, 12, 31), P.YEAR),
    ("end-June 2024", D(2024, 6, 1), D(2024, 6, 30), P.MONTH),
    ("by end June 2024", D(2024, 6, 1), D(2024, 6, 30), P.MONTH),
    ("End of June 2024", D(2024, 6, 1), D(2024, 6, 30), P.MONTH),
    ("by end-of-June 2024", D(2024, 6, 1), D(2024, 6, 30), P.MONTH),
    ("end Q3 2024", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("Quarter 1 2024", D(2024, 1, 1), D(2024, 3, 31), P.QUARTER),
    ("quarter 4, 2024", D(2024, 10, 1), D(2024, 12, 31), P.QUARTER),
    ("1st quarter 2024", D(2024, 1, 1), D(2024, 3, 31), P.QUARTER),
    ("Qtr 2 2024", D(2024, 4, 1), D(2024, 6, 30), P.QUARTER),
    # French and Spanish months (juin and juillet share three letters)
    ("juin 2023", D(2023, 6, 1), D(2023, 6, 30), P.MONTH),
    ("Juillet 2024", D(2024, 7, 1), D(2024, 7, 31), P.MONTH),
    ("31 mars 2024", D(2024, 3, 31), D(2024, 3, 31), P.DAY),
    ("marzo de 2024", D(2024, 3, 1), D(2024, 3, 31), P.MONTH),
    ("31 de marzo de 2024", D(2024, 3, 31), D(2024, 3, 31), P.DAY),
    ("diciembre 2023", D(2023, 12, 1), D(2023, 12, 31), P.MONTH),
    ("1 août 2023", D(2023, 8, 1), D(2023, 8, 1), P.DAY),
    # French and Spanish trimestre
    ("T2 2023", D(2023, 4, 1), D(2023, 6, 30), P.QUARTER),
    ("Trimestre 3 2024", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("2024-T4", D(2024, 10, 1), D(2024, 12, 31), P.QUARTER),
    ("Q3 '24", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("S1 2024", D(2024, 1, 1), D(2024, 6, 30), P.HALF),
    ("S2 2024", D(2024, 7, 1), D(2024, 12, 31), P.HALF),
    ("Semester 1 2024", D(2024, 1, 1), D(2024, 6, 30), P.HALF),
    ("second semester of 2024", D(2024, 7, 1), D(2024, 12, 31), P.HALF),
    ("2024 S2", D(2024, 7, 1), D(2024, 12, 31), P.HALF),
    ("H1 2024", D(2024, 1, 1), D(2024, 6, 30), P.HALF),
    ("2024/2025", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("2024 / 2026", D(2024, 1, 1), D(2026, 12, 31), P.RANGE),
    # a fiscal year: the span of its two calendar years, as "2024/2025" (its first month is
    # not given); "FY" says the years are years, so "FY 2011/12" is no month
    ("FY 2024/25", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("FY2024/25", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("FY 2024-25", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("FY 2024/2025", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("fiscal year 2024-25", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("by the end of FY 2024/25", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    ("FY 2011/12", D(2011, 1, 1), D(2012, 12, 31), P.RANGE),
    ("FY 1999/00", D(1999, 1, 1), D(2000, 12, 31), P.RANGE),
    ("FY 2023/24 – FY 2024/25", D(2023, 1, 1), D(2025, 12, 31), P.RANGE),
    ("FY'24/25", D(2024, 1, 1), D(2025, 12, 31), P.RANGE),
    # a quarter or a half after its year
    ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("2024 Q3", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("'24-Q3", D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("’24 S2", D(2024, 7, 1), D(2024, 12, 31), P.HALF),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), ACCEPTED)
def test_accepted_shapes(text: str, start: dt.date, end: dt.date, precision: gt.Precision) -> None:
    """Each deadline shape real records use reads as its span, keeping the text."""
    expected = gt.Due(text=text, start=start, end=end, precision=precision)
    assert expected == gt.parse_due(text)


REFUSED = ["", "   ", "soon", "ASAP", "May", "05 May", "Q5 2023", "2021/13", "31 Feb 2021",
           "May 5", "Dec 2008 – March 2007", "ongoing", "TBD", "end", "S3 2024", "Semester 2",
           "2025/2024", "Q3-24", "S1-24", "Jun-24", "2011/12", "03/04/2024", "29/02/2023",
           "13/2021", "FY 2024", "FY 2024/23", "FY 2024/07", "FY24/25", "24-Q3", "24 Q3",
           "24-H1"]  # fmt: skip


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    """A text that is not a complete deadline raises DueParseError naming the text."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    assert repr(text) in str(caught.value)
    assert isinstance(caught.value, gt.GovtrackError)


@pytest.mark.parametrize("text", [text for text in REFUSED if text.strip()])
def test_every_refusal_says_what_was_expected(text: str) -> None:
    """The reason of each refusal says what would be read: an example, a rewrite, a choice,
    or the limit that was crossed."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    assert re.search(
        r"expected |write |pass dayfirst=|a month is 1 to 12|it has \d+ days",
        caught.value.reason,
    ), caught.value.reason


def test_a_day_that_does_not_exist_names_the_days_of_its_month() -> None:
    """'29/02/2023' is refused with the number of days February 2023 has."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due("29/02/2023")
    assert "there is no day 29 in Feb 2023; it has 28 days" == caught.value.reason


def test_two_digit_year_in_an_update_prefix() -> None:
    """'Dec 22' (as in 'Dec 22 Update:') reads as December 2022 when two-digit years are expected."""
    expected = gt.Due(text="Dec 22", start=D(2022, 12, 1), end=D(2022, 12, 31), precision=P.MONTH)
    assert expected == gt.parse_due("Dec 22", two_digit_year=True)
    with pytest.raises(gt.DueParseError, match="two-digit year"):
        gt.parse_due("Dec 22")


@pytest.mark.parametrize("text", ["Q3-24", "S1-24", "H2 24", "Jun-24"])
def test_a_two_digit_year_after_a_period_is_read_only_when_expected(text: str) -> None:
    """'Q3-24', like 'Jun-24', is refused with the reason and the four-digit year to write,
    and read as 2024 with two_digit_year=True."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    assert "a two-digit year is ambiguous; write 2024 (or '24)" == caught.value.reason
    assert 2024 == gt.parse_due(text, two_digit_year=True).start.year


def test_q3_24_reads_as_the_third_quarter_of_2024() -> None:
    """'Q3-24' with two_digit_year=True is July to September 2024; it is written back 'Q3 2024'."""
    due = gt.parse_due("Q3-24", two_digit_year=True)
    expected = gt.Due(text="Q3-24", start=D(2024, 7, 1), end=D(2024, 9, 30), precision=P.QUARTER)
    assert (expected, "Q3 2024") == (due, due.portable_text())


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("24-Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("24 Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("24Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("24-H1", D(2024, 1, 1), D(2024, 6, 30)),
        ("24 S2", D(2024, 7, 1), D(2024, 12, 31)),
        ("FY24/25", D(2024, 1, 1), D(2025, 12, 31)),
        ("FY 24-25", D(2024, 1, 1), D(2025, 12, 31)),
    ],
)
def test_a_two_digit_year_before_a_period_is_read_as_after_it(
    text: str, start: dt.date, end: dt.date
) -> None:
    """'24-Q3' and 'FY24/25', like 'Q3-24': refused with the four-digit year to write, and
    read as 2024 with two_digit_year=True."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    assert "a two-digit year is ambiguous; write 2024 (or '24)" == caught.value.reason
    due = gt.parse_due(text, two_digit_year=True)
    assert (start, end) == (due.start, due.end)


@pytest.mark.parametrize("spelling", ["FY 2024/25", "FY2024-25", "FY 2024/2025", "FY 2024 – 2025"])
def test_a_fiscal_year_reads_as_its_two_years(spelling: str) -> None:
    """'FY 2024/25' is the span '2024/2025' reads as (its first month is not given): due at
    the end of 2025, not overdue during it."""
    due = gt.parse_due(spelling)
    years = gt.parse_due("2024/2025")
    assert (years.start, years.end, years.precision) == (due.start, due.end, due.precision)
    assert not due.is_past(D(2025, 12, 31))
    assert due.is_past(D(2026, 1, 1))


def test_a_fiscal_year_settles_a_year_and_two_digits() -> None:
    """'2011/12' may be December 2011 and is refused; 'FY 2011/12' can only be the years."""
    with pytest.raises(gt.DueParseError, match="or as the years"):
        gt.parse_due("2011/12")
    due = gt.parse_due("FY 2011/12")
    assert (D(2011, 1, 1), D(2012, 12, 31)) == (due.start, due.end)


def test_a_fiscal_year_of_one_year_is_refused_with_both_readings() -> None:
    """'FY 2024' may end in 2024 or in 2025: refused, naming the two texts to write."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due("FY 2024")
    assert (
        "a fiscal year named by one year may end in it or in the next; write both years "
        "(FY 2023/24 or FY 2024/25)"
    ) == caught.value.reason


@pytest.mark.parametrize(
    ("text", "two_digit_year"),
    [
        ("FY 2024/25", False),
        ("FY2024-25", False),
        ("fiscal year 2024/2025", False),
        ("by end of FY 2024/25", False),
        ("2024-Q3", False),
        ("2024 Q3", False),
        ("'24-Q3", False),
        ("24-Q3", True),
        ("24 S1", True),
        ("FY24/25", True),
    ],
)
def test_new_shapes_are_read_without_dateutil(
    text: str, two_digit_year: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fiscal years and quarters after their year are read by the precompiled patterns;
    the dateutil fallback is never asked (the Excel reader calls parse_due per cell)."""

    def refuse(*args: object) -> None:
        raise AssertionError(f"dateutil was asked to read {args!r}")

    monkeypatch.setattr(dates, "_dateutil_day", refuse)
    dates._parse_cached.cache_clear()
    assert gt.parse_due(text, two_digit_year=two_digit_year).text == text
    dates._parse_cached.cache_clear()


def test_end_of_a_period_reads_as_the_period() -> None:
    """'end 2024', 'end-2024' and 'by end June 2024' read as 'end of 2024' and 'end of June
    2024' do: the span of the period, not its last day (its last day is what overdue uses)."""
    for texts in (("end of 2024", "end 2024", "end-2024", "by end 2024", "2024"),
                  ("end of June 2024", "end June 2024", "end-June 2024", "by end June 2024",
                   "End of June 2024", "June 2024")):  # fmt: skip
        spans = {(d.start, d.end, d.precision) for d in map(gt.parse_due, texts)}
        assert 1 == len(spans), spans


def test_a_semester_is_a_half_year() -> None:
    """S1, Semester 1 and first semester are H1; S2 is H2; all written back as H1/H2."""
    assert ["H1 2024", "H1 2024", "H1 2024", "H2 2024"] == [
        gt.parse_due(text).render()
        for text in ("S1 2024", "Semester 1 2024", "first semester of 2024", "S2 2024")
    ]


def test_a_slash_between_two_years_is_the_span_of_both() -> None:
    """'2024/2025' reads as '2024/25' and '2024–2025' do: January 2024 to December 2025,
    which covers a fiscal year 2024/25 whatever month it starts in, and is not past before
    such a year could be over."""
    spans = {
        (d.start, d.end, d.precision)
        for d in map(gt.parse_due, ("2024/2025", "2024/25", "2024-2025", "2024 – 2025"))
    }
    assert {(D(2024, 1, 1), D(2025, 12, 31), P.RANGE)} == spans
    due = gt.parse_due("2024/2025")
    # A fiscal year July 2024 to June 2025, or April 2024 to March 2025, lies inside the span.
    assert (True, True) == (due.covers(D(2024, 7, 1)), due.covers(D(2025, 6, 30)))
    assert (False, True) == (due.is_past(D(2025, 7, 1)), due.is_past(D(2026, 1, 1)))


def test_ambiguous_numeric_day_is_refused() -> None:
    """03/04/2024 reads as two days: refused unless the caller chooses."""
    with pytest.raises(gt.AmbiguousDateError):
        gt.parse_due("03/04/2024")
    assert D(2024, 4, 3) == gt.parse_due("03/04/2024", dayfirst=True).start
    assert D(2024, 3, 4) == gt.parse_due("03/04/2024", dayfirst=False).start


def test_nothing_is_borrowed_from_today() -> None:
    """A day and month without a year is refused, whatever today is (dateutil would fill it)."""
    for text in ("5 May", "May 5th", "Tuesday"):
        with pytest.raises(gt.DueParseError):
            gt.parse_due(text)


def test_overdue_is_judged_against_the_last_day() -> None:
    """An action due 2021/07 is not late on 15 July 2021, and is on 1 August."""
    due = gt.parse_due("2021/07")
    assert (False, False, True) == (
        due.is_past(D(2021, 7, 15)),
        due.is_past(D(2021, 7, 31)),
        due.is_past(D(2021, 8, 1)),
    )


def test_end_before_start_is_refused() -> None:
    """A Due whose end precedes its start cannot be built."""
    with pytest.raises(gt.DueParseError):
        gt.Due(text="x", start=D(2022, 1, 2), end=D(2022, 1, 1), precision=P.RANGE)


def test_non_text_is_refused() -> None:
    """parse_due of something that is not a str raises DueParseError, not TypeError."""
    with pytest.raises(gt.DueParseError):
        gt.parse_due(2021)  # type: ignore[arg-type]


@given(any_dues)
def test_start_never_after_end(due: gt.Due) -> None:
    """Every Due covers at least its first day."""
    assert due.start <= due.end
    assert due.covers(due.start)
    assert due.covers(due.end)


@given(any_dues)
def test_render_then_parse_gives_the_same_due(due: gt.Due) -> None:
    """The canonical text of a Due reads back to the same span (the same Due, for a Due
    that has its canonical text)."""
    assert attrs.evolve(due, text=due.render()) == gt.parse_due(due.render())


@given(any_dues)
def test_parse_keeps_any_text_verbatim(due: gt.Due) -> None:
    """The parsed Due's text is exactly the input, even with extra spaces and case."""
    text = "  " + due.render().upper() + " "
    assert attrs.evolve(due, text=text) == gt.parse_due(text)


@given(written_dues, st.sampled_from([str, str.upper, str.lower]))
def test_a_written_deadline_reads_as_its_span(due: gt.Due, case: Callable[[str], str]) -> None:
    """Each written shape ('end-June 2024', 'Quarter 1 2024', 'S2 2024', '2024/2025') reads,
    in any case and with no options, as the span it means, keeping its text."""
    text = f" {case(due.text)}  "
    assert attrs.evolve(due, text=text) == gt.parse_due(text)


@given(two_digit_year_dues)
def test_a_two_digit_year_is_read_only_when_expected(due: gt.Due) -> None:
    """'Q3-24', 'S1 24', 'Jun-24': read as 20YY with two_digit_year=True, and otherwise refused
    with the four-digit year to write."""
    assert due == gt.parse_due(due.text, two_digit_year=True)
    with pytest.raises(
        gt.DueParseError, match=f"two-digit year is ambiguous; write {due.start.year}"
    ):
        gt.parse_due(due.text)


@given(st.text(max_size=30))
def test_arbitrary_text_raises_only_due_parse_error(text: str) -> None:
    """parse_due either reads a text or raises DueParseError; nothing else escapes."""
    try:
        due = gt.parse_due(text)
    except gt.DueParseError:
        return
    assert due.text == text
    assert due.start <= due.end


@given(year=st.integers(min_value=1900, max_value=2098))
def test_a_year_and_two_digits_is_never_guessed(year: int) -> None:
    """YYYY/NN: a month when NN can only be one, a span of years when NN can only be the next
    year, refused when it can be both (2011/12) — a fiscal year is never read as its first
    month, nor a month as two years."""
    successor = (year + 1) % 100
    for separator in ("/", "-"):
        text = f"{year}{separator}{successor:02}"
        if 1 <= successor <= 12 and year % 100 != 99:
            with pytest.raises(gt.DueParseError, match="or as the years"):
                gt.parse_due(text)
        elif year % 100 != 99:
            due = gt.parse_due(text)
            assert (due.start, due.end) == (dt.date(year, 1, 1), dt.date(year + 1, 12, 31))
    month = 7 if successor != 7 else 8
    assert gt.parse_due(f"{year}/{month:02}").precision is gt.Precision.MONTH


@given(any_dues)
def test_a_portable_text_reads_back_to_the_same_span(due: gt.Due) -> None:
    """Whatever options a deadline was read with, its portable text needs none."""
    again = gt.parse_due(due.portable_text())
    assert (again.start, again.end, again.precision) == (due.start, due.end, due.precision)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("30-Jun-23", "a two-digit year is ambiguous; write 2023 (30-Jun-2023)"),
        ("31/12/23", "a two-digit year is ambiguous; write 2023 (31/12/2023)"),
        ("Jun-23", "a two-digit year is ambiguous; write 2023 (or '23)"),
        ("end of June", "it gives no year; write one (end of June 2023)"),
        ("5 May", "it gives no year; write one (5 May 2023)"),
        ("ongoing", "'ongoing' is a status, not a date; write when it is due (Dec 2023, Q1-2024)"),
        ("soon", dates.EXPECTED),
    ],
)
def test_a_refusal_gives_the_specific_reason(text: str, reason: str) -> None:
    """Regression: 30-Jun-23, 31/12/23, end of June and ongoing got the generic 'expected a
    day (05 May 2019), …' where Jun-23 said its two-digit year was the fault."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    assert reason == caught.value.reason


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_a_two_digit_year_refusal_offers_a_rewrite_that_reads_as_the_day(day: dt.date) -> None:
    """A day written with a two-digit year (30-Jun-23) is refused, and the rewrite the
    refusal offers reads as that day."""
    text = f"{day.day}-{day:%b}-{day:%y}"
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text)
    rewrite = caught.value.reason.rpartition("(")[2].rstrip(")")
    assert (day, day) == (gt.parse_due(rewrite).start, gt.parse_due(rewrite).end)


@pytest.mark.parametrize(
    ("text", "dayfirst", "rewrite"),
    [
        ("31/12/23", True, "write 2023 (31/12/2023)"),
        ("30-Jun-23", None, "write 2023 (30-Jun-2023)"),
        ("12/23", None, "write 2023 (12/2023)"),
    ],
)
def test_a_two_digit_year_refused_with_two_digit_year_says_which_shapes_are_read(
    text: str, dayfirst: bool | None, rewrite: str
) -> None:
    """Regression: with two_digit_year=True, 31/12/23 and 30-Jun-23 were refused as 'a
    two-digit year is ambiguous', though the caller had opted in: the refusal now says that
    this shape is not read even so, and which shapes are."""
    with pytest.raises(gt.DueParseError) as caught:
        gt.parse_due(text, dayfirst=dayfirst, two_digit_year=True)
    expected = f"{dates.TWO_DIGIT_YEAR_SHAPES}; {rewrite}"
    assert expected == caught.value.reason
    assert "ambiguous" not in caught.value.reason
    assert [True, True, True] == [shape in expected for shape in ("Dec 23", "Q3-23", "FY23/24")]


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), st.booleans())
def test_a_two_digit_year_in_a_day_is_refused_with_a_rewrite_either_way(
    day: dt.date, two_digit_year: bool
) -> None:
    """A day with a two-digit year (30-Jun-23, 31/12/23) is refused with or without
    two_digit_year; only the reason's wording differs, and its rewrite reads as the day."""
    for text in (f"{day.day}-{day:%b}-{day:%y}", f"{day:%d/%m/%y}"):
        with pytest.raises(gt.DueParseError) as caught:
            gt.parse_due(text, dayfirst=True, two_digit_year=two_digit_year)
        reason = caught.value.reason
        opted_in = reason.startswith(dates.TWO_DIGIT_YEAR_SHAPES)
        assert (two_digit_year, two_digit_year) == (opted_in, "ambiguous" not in reason)
        rewrite = reason.rpartition("(")[2].rstrip(")")
        again = gt.parse_due(rewrite, dayfirst=True)
        assert (day, day) == (again.start, again.end)


@pytest.mark.parametrize(
    "text", ["01/07/2000 on", "01/07/2000 and", "3 May 2019 at", "2019-05-03 of"]
)
def test_a_date_with_a_dangling_word_is_no_date(text: str) -> None:
    """Regression (found by a hypothesis property of Status.parse): dateutil skips `on`,
    `at`, `and`, `of`, so `Not started 01/01/2000 on` read as a dated status and
    `01/07/2000 on` as a day; a word left dangling after the date means the text was cut."""
    with pytest.raises(gt.DueParseError):
        gt.parse_due(text, dayfirst=True)
    assert gt.Status.parse(f"Not started {text}") is None
