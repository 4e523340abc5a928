"""The status vocabularies: synonyms, unknown words, labels."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
import strategies
from govtrack.model.status import (
    _MOST_DATE_TRIES,
    _PERIOD_WORDS,
    _QUALIFIED,
    CATEGORY_SYNONYMS,
    STATUS_SYNONYMS,
    _fold,
)

S = gt.Status


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Over due", S.OVERDUE),
        ("overdue", S.OVERDUE),
        ("Not Initiated", S.NOT_STARTED),
        ("Not started", S.NOT_STARTED),
        ("Initiated", S.ONGOING),
        ("Ongoing", S.ONGOING),
        ("On-going", S.ONGOING),
        ("In progress", S.ONGOING),
        ("Completed", S.COMPLETED),
        ("Complete", S.COMPLETED),
        ("Done", S.COMPLETED),
        ("No Longer Applicable", S.NO_LONGER_APPLICABLE),
        ("N/A", S.NO_LONGER_APPLICABLE),
        ("  COMPLETED  ", S.COMPLETED),
        ("in\u00a0progress", S.ONGOING),
        ("Completed.", S.COMPLETED),
    ],
)
def test_status_words(word: str, expected: gt.Status) -> None:
    """The words real records use map to one status, whatever the case and spacing."""
    assert expected is S.parse(word)


@pytest.mark.parametrize("word", ["Stalled", "", "   ", "Compl", "Done?!x", None])
def test_unknown_status_is_none(word: str | None) -> None:
    """A word govtrack does not know is not guessed."""
    assert S.parse(word) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Accepted", gt.ResponseCategory.ACCEPTED),
        ("ACCEPTED", gt.ResponseCategory.ACCEPTED),
        ("Partially Accepted", gt.ResponseCategory.PARTIALLY_ACCEPTED),
        ("Rejected", gt.ResponseCategory.REJECTED),
        ("Not accepted", gt.ResponseCategory.REJECTED),
        ("", None),
        ("Maybe", None),
    ],
)
def test_category_words(word: str, expected: gt.ResponseCategory | None) -> None:
    """Response categories read like statuses; empty means none given."""
    assert expected is gt.ResponseCategory.parse(word)


def test_schedule_words() -> None:
    """On and behind schedule read from their usual words."""
    assert (gt.ScheduleStatus.ON_SCHEDULE, gt.ScheduleStatus.BEHIND_SCHEDULE) == (
        gt.ScheduleStatus.parse("On Schedule"),
        gt.ScheduleStatus.parse("behind schedule"),
    )


def test_synonym_tables_do_not_overlap() -> None:
    """No word means two statuses (or two categories)."""
    for table in (STATUS_SYNONYMS, CATEGORY_SYNONYMS):
        seen: dict[str, object] = {}
        for member, synonyms in table.items():
            for word in synonyms:
                key = word.casefold().replace(" ", "").replace("-", "").replace("/", "")
                assert seen.setdefault(key, member) is member, word


@given(st.sampled_from(gt.Status))
def test_label_and_value_read_back(status: gt.Status) -> None:
    """A status's label and its JSON value both parse back to it."""
    assert (status, status) == (S.parse(status.label), S.parse(status.value))


@given(st.sampled_from(gt.ResponseCategory))
def test_category_label_reads_back(category: gt.ResponseCategory) -> None:
    """A category's label parses back to it."""
    assert category is gt.ResponseCategory.parse(category.label)


_ENDINGS = (". ", ": ", "; ", ", ", " (", "\n", " – ", " - ", "—", "")


@given(
    category=st.sampled_from(gt.ResponseCategory),
    data=st.data(),
    ending=st.sampled_from(_ENDINGS),
    rest=st.text(max_size=40),
)
def test_a_response_opening_with_a_category_word_gives_it(
    category: gt.ResponseCategory, data: st.DataObject, ending: str, rest: str
) -> None:
    """ "Partially accepted. …": the category, and its words as written (case kept)."""
    word = data.draw(st.sampled_from(CATEGORY_SYNONYMS[category]))
    written = data.draw(st.sampled_from([word, word.upper(), word.lower()]))
    if ending.strip(" ") not in {".", "\n"}:
        assume(not _QUALIFIED.match(rest))  # "Accepted, partly …" is not guessed (below)
    text = f"  {written}{ending}{rest}" if ending else written
    assert gt.ResponseCategory.leading(text) == (category, written)


@given(st.text(max_size=80))
def test_the_opening_words_found_are_a_category_word_the_text_opens_with(text: str) -> None:
    """Whatever the text, the words given are where it opens, and mean the category given."""
    category, words = gt.ResponseCategory.leading(text)
    if category is None:
        assert words == ""
    else:
        assert text.lstrip().startswith(words)
        assert gt.ResponseCategory.parse(words) is category


@pytest.mark.parametrize(
    "text",
    [
        "Agree with the finding; funds are short",
        "Accepted by the board in 2021. The unit will act",
        "Well accepted",
        "Partially implemented",
        "",
        "The office accepts",
        "Accepted (in part). The unit will revise it",
        "Agreed, partially: funds permitting",
        "Accepted - partially",
        "Accepted, but not the timeline",
        "Accepted: subject to funding",
    ],
)
def test_a_response_opening_with_a_sentence_gives_no_category(text: str) -> None:
    """Only the whole of the opening words can name a category: nothing is guessed."""
    assert gt.ResponseCategory.leading(text) == (None, "")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Completed (June 2022)", S.COMPLETED),
        ("Completed - Sept 2022", S.COMPLETED),
        ("Completed in March 2023", S.COMPLETED),
        ("Ongoing (80%)", S.ONGOING),
        ("Completed.", S.COMPLETED),
        ("3. Completed", S.COMPLETED),
        ("Not started yet", S.NOT_STARTED),
        ("Work in progress", S.ONGOING),
        ("Completed/Closed", S.COMPLETED),
        ("On track", S.ONGOING),
        ("Done, 14/11/2022", S.COMPLETED),
        ("Completed (100%)", S.COMPLETED),
        ("Closed since Q1-2023", S.COMPLETED),
        ("Completed by end 2023", S.COMPLETED),
        ("Completed as of June 2023", S.COMPLETED),
        ("Completed (06/2022)", S.COMPLETED),
        ("Completed (2022/06)", S.COMPLETED),
        ("Completed 31/03/2023", S.COMPLETED),
        ("Completed (in 2023)", S.COMPLETED),
        ("Completed (Closed)", S.COMPLETED),
        ("Completed 2023 Closed", S.COMPLETED),
        ("Ongoing (1%)", S.ONGOING),
        ("Ongoing 99%", S.ONGOING),
        ("Not started (0%)", S.NOT_STARTED),
        ("Delayed 2023", S.OVERDUE),
        ("Terminé en mars 2023", S.COMPLETED),
        ("Completado (marzo de 2023)", S.COMPLETED),
    ],
)
def test_a_status_word_dated_or_measured_is_read(cell: str, expected: gt.Status) -> None:
    """A status word followed only by a date, a percentage, a parenthetical or the same
    status is read; a completed action is not counted overdue for its date."""
    assert expected is S.parse(cell)


@pytest.mark.parametrize(
    "cell",
    [
        "Not completed",
        "Completed partially",
        "Completed? to be confirmed",
        "Completed (partially)",
        "Completed but not validated",
        "Completed 60%",
        "Not started (40%)",
        "Completed/Ongoing",
        "Completed (not in all regions)",
        "Completed late",
        "Done ✓",
        "Almost completed",
        "Completed for two of five regions",
        "Completed in part",
        "Ongoing (120%)",
        "Completedness",
        "Late 2023",
        "late March",
        "Cancelled (see comments)",
    ],
)
def test_a_status_word_qualified_is_not_read(cell: str) -> None:
    """A status word that what precedes or follows qualifies is not guessed."""
    assert S.parse(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "Completed (2 of 4 sites)",
        "Completed (3 out of 5)",
        "Completed (one module left)",
        "Completed (HR to confirm)",
        "Completed (unverified)",
        "Completed (on hold)",
        "Completed (needs sign-off)",
        "Completed (KAZ)",
        "Completed (phase 1)",
        "Completed (q1)",
        "Terminé (partiellement)",
        "Terminé (à confirmer)",
        "Terminé (sauf KAZ)",
        "Réalisé (en partie)",
        "Completado (parcialmente)",
        "Completado (pendiente)",
        "Completado (excepto KAZ)",
        "Ongoing (stalled)",
        "Ongoing (suspended)",
        "Ongoing (on hold)",
        "Delayed (3 months)",
        "Completed (June 2022) (KAZ)",
    ],
)
def test_a_qualifying_parenthetical_leaves_the_status_unread(cell: str) -> None:
    """A parenthetical is read past only when it holds a date, a percentage or the same
    status; free words in it qualify the status, which is not guessed."""
    assert S.parse(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "Completed 3/5",
        "Completed 2023 2 of 3",  # dateutil would read "2023 2 of 3" as a day
        "Completed 1990 - 1/1",
        "Completed (3/5)",
        "Completed – 2/3",
        "Completed 1/3",
        "Completed (1 of 3)",
        "Completed (2/3)",
        "Terminé 3/5",
        "Completed 1 2 3",
        "Completed 12",
        "Completed 13.5",
        "Completed 5-6",
        "Completed 1.2.3",
        "Completed 4.1",
        "Completed 1st",
        "Open 3",
        "Closed 3",
    ],
)
def test_a_fraction_or_a_lone_number_is_not_a_date(cell: str) -> None:
    """Only a date that names its year dates a status word: ``3/5`` is a fraction."""
    assert S.parse(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "Completed by",
        "Completed in",
        "Completed since",
        "Completed early",
        "Completed end",
        "Completed may",
        "Completed as of",
        "Completed by HR",
        "Completed (by)",
    ],
)
def test_a_lead_word_without_a_date_is_not_read(cell: str) -> None:
    """``by``, ``in``, ``since``… date a status word only with a date after them."""
    assert S.parse(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "Ongoing 100%",
        "Ongoing (100%)",
        "Ongoing (0%)",
        "Ongoing 0%",
        "Overdue (100%)",
        "Overdue 50%",
        "No longer applicable 0%",
        "Cancelled (100%)",
        "Not started (100%)",
        "Completed (0%)",
    ],
)
def test_a_percentage_the_status_does_not_allow_is_not_read(cell: str) -> None:
    """100% only after completed, 0% only after not started, 1-99% only after ongoing."""
    assert S.parse(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "Ongoing - 3 of the 5 district offices have submitted their plans and the rest follow",
        "Completed " + "2023 " * 22,
        "Completed, " + "2023, " * 18,
        "Completed " + "by 2023 " * 14,
        "Ongoing " + "a " * 55,
        "Completed in March 2021 (123 participants trained)",
    ],
)
def test_a_trailer_tries_few_dates(cell: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """What follows a status word is read once: a few dates are tried at most, so a cell
    of prose or of years costs about as much as a status word."""
    calls: list[str] = []
    real = gt.parse_due

    def counting(text: str) -> gt.Due:
        calls.append(text)
        return real(text)

    monkeypatch.setattr("govtrack.model.status.parse_due", counting)
    S.parse(cell)
    assert len(calls) <= _MOST_DATE_TRIES


def test_partially_completed_keeps_its_meaning() -> None:
    """The vocabulary's "Partially completed" is still ongoing, never completed."""
    assert (S.ONGOING, None) == (S.parse("Partially completed"), S.parse("Completed partially"))


_PHRASES = [(word, status) for status, words in STATUS_SYNONYMS.items() for word in words]
_TRAILERS = st.one_of(
    strategies.written_dues.map(lambda due: due.text),
    strategies.written_days.map(lambda due: due.text),
    strategies.dues.map(lambda due: due.text),
    st.sampled_from(["in ", "since ", "on ", "- ", "– ", ", ", "as of "]).flatmap(
        lambda lead: strategies.written_dues.map(lambda due: lead + due.text)
    ),
)


@given(phrase=st.sampled_from(_PHRASES), trailer=_TRAILERS, data=st.data())
def test_a_trailing_date_or_percentage_leaves_the_status(
    phrase: tuple[str, gt.Status], trailer: str, data: st.DataObject
) -> None:
    """parse(f"{p} {t}") == parse(p) for a status phrase p and a date, percentage or
    parenthetical t after it."""
    word, status = phrase
    assume(_fold(word) not in _PERIOD_WORDS)  # "Late 2023" may be a period: not read
    percent = {
        S.COMPLETED: "100%",
        S.NOT_STARTED: "0%",
        S.ONGOING: data.draw(st.integers(1, 99).map(lambda n: f"{n}%")),
    }.get(status, trailer)
    shape = data.draw(st.sampled_from(["{}", "({})", "{}.", "- ({})"]))
    tail = shape.format(data.draw(st.sampled_from([trailer, percent])))
    assert S.parse(word) == S.parse(f"{word} {tail}")


_AFTER_QUALIFIERS = st.one_of(
    st.sampled_from(["partially", "not verified", "on hold", "HR to confirm", "à confirmer"]).map(
        lambda words: f" ({words})"
    ),
    st.tuples(st.integers(0, 99), st.integers(1, 99), st.sampled_from(["/", " of ", " out of "]))
    .map(lambda fraction: f"{fraction[0]}{fraction[2]}{fraction[1]}")
    .flatmap(
        lambda fraction: st.sampled_from([f" {fraction}", f" ({fraction})", f" - {fraction}"])
    ),
    st.sampled_from(["by", "in", "since", "as of", "end of", "early", "on", "mid"]).flatmap(
        # "on 3" alone would join a date before it ("Jan 1990 on 3" is 3 January 1990)
        lambda lead: st.sampled_from([f" {lead}", f" ({lead})", f" {lead} 3 sites"])
    ),
)


@given(
    phrase=st.sampled_from(_PHRASES),
    qualifier=st.sampled_from(["not", "Not", "partially", "Partially", "NOT"]),
    trailer=st.one_of(st.just(""), _TRAILERS.map(lambda text: f" ({text})")),
    after=st.tuples(
        st.one_of(st.just(""), _AFTER_QUALIFIERS),
        st.one_of(st.just(""), _TRAILERS.map(lambda text: f" {text}")),
        st.booleans(),
    ),
)
def test_a_qualified_status_is_never_the_unqualified_one(
    phrase: tuple[str, gt.Status], qualifier: str, trailer: str, after: tuple[str, str, bool]
) -> None:
    """'not' or 'partially' before a status phrase, or after it a parenthetical of free
    words, a fraction or a lead word with no date, never gives that phrase's status."""
    word, status = phrase
    qualifying, dated, before = after
    assume(before or qualifying)
    cell = f"{qualifier} {word}{trailer}{qualifying}" if before else f"{word}{dated}{qualifying}"
    assert S.parse(cell) is not status


@given(st.text(max_size=200))
def test_parse_reads_a_known_word_or_nothing(text: str) -> None:
    """Whatever the cell, a status is given only when the cell opens with one of its words."""
    found = S.parse(text)
    if found is not None:
        opening = re.sub(r"^\d{1,2}", "", _fold(text))
        words = [_fold(w) for w, s in _PHRASES if s is found] + [_fold(found.value)]
        assert any(opening.startswith(word) for word in words)


def test_parse_is_fast_on_long_cells() -> None:
    """Cells of repeated dates and brackets up to the longest read are read quickly."""
    start = time.perf_counter()
    for n in range(1, 200):
        S.parse(("Completed " + "June 2022 " * n)[: n + 10])
        S.parse(("Completed " + "(" * n)[: n + 10])
        S.parse(("Completed " + "Closed/" * n)[: n + 10])
    assert time.perf_counter() - start < 5
